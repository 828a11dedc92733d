"""Grammar a predicate is read by, each from its own words: whether an event noun introduces a
happening or refers back to one, says what something is called, or is carried by a letter;
whether a verb stands for people ("the wounded"), tells what is done habitually, or wants
someone else to act; who are private people; and the parser's slips read through (a verb hung on
the subject's phrase, a preposition left without its object)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.nlp.coding import agent_nouns, weapon_nouns
from timeline.nlp.dates.lexicons import lexicons
from timeline.nlp.syntax import infinitive, with_to
from timeline.nlp.words import (
    BLAME_VERBS,
    CARRIER_NOUNS,
    CLAIM_NOUNS,
    CLAIM_VERBS,
    HEDGES,
    INDEFINITE_PRONOUNS,
    LONG_SPANS,
    MODAL_AUX,
    OFFICE_NOUNS,
    PEOPLE_NOUNS,
    POLICING_WORDS,
    REFUSING_VERBS,
    SPEAKING_VERBS,
    SPECIFYING_PREPS,
    SUFFERER_NOUNS,
    WISH_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.coding import EventCoder
    from timeline.nlp.frames.predicates import EventFrame
    from timeline.records import ActorMention

PRIVATE_SECTORS = {"CVL", "REF"}  # civilians and refugees: private people, not the state


def introduced(noun: Token) -> bool:
    """An event noun that introduces a happening rather than refers back to one: "a fatal
    attack", "three attacks"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("a", "an", "another"):
            return True
        if child.dep_ == "nummod":
            return True
    return False


def standing_wish(verb: Token) -> bool:
    """A verb of wishing with no clause of what is to be done: "the father wants him back",
    "Elian needs the love and care of his family" (frames_wish_verbs.tsv)."""
    return verb.lemma_.lower() in WISH_VERBS and not any(
        c.dep_ in ("xcomp", "ccomp", "advcl", "oprd") for c in verb.children
    )


def questioning_sought(verb: Token) -> bool:
    """Whether a gerund of policing is what another act of policing is for: "in custody for
    questioning", "were sought for questioning", "a warrant in the hope of questioning him"."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.lemma_.lower() not in POLICING_WORDS:
        return False
    prep, holder = verb.head, verb.head.head
    if prep.lower_ == "of" and holder.lemma_.lower() == "hope":
        return True
    if prep.lower_ != "for":
        return False
    held = [holder] + [  # "were in custody for questioning"
        p for c in holder.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
    ]
    return any(word.lemma_.lower() in POLICING_WORDS for word in held)


def governed_infinitive(verb: Token) -> Token | None:
    """The infinitive a verb governs ("exhorted citizens to keep rallying"), also one the parser
    joins to a finite verb as its conjunct, which a "to"-infinitive cannot be ("appealed to
    world opinion, and American opinion in particular, to help prevent ...")."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP")
    return next(
        (
            c
            for c in verb.children
            if (c.dep_ == "xcomp" or (c.dep_ == "conj" and finite)) and infinitive(c)
        ),
        None,
    )


def wanted_of_another(verb: Token) -> Token | None:
    """The infinitive clause with a subject of its own that a verb of intending governs: what
    its subject wants someone else to do ("wants the court to suspend the injunction")."""
    own = {c.lower_ for c in verb.children if c.dep_ == "nsubj"}
    wanted = any(c.dep_ == "dobj" for c in verb.children)  # "wants the court to ...", read as
    # its object and an infinitive of its own
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "xcomp") or clause.tag_ != "VB":
            continue
        if not with_to(clause):
            continue
        if clause.dep_ == "xcomp":
            if wanted:
                return clause
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].lower_ not in own:
            return clause
    return None


# Where a clause stops being what its head says: an adverbial or relative clause, a modifier,
# an apposition or a clause set beside it tells something of its own
ADJUNCT_DEPS = {"advcl", "relcl", "acl", "appos", "parataxis"}


def content_verbs(clause: Token) -> list[Token]:
    """The verbs of a clause an appeal, intent, demand, threat or refusal is about, the clause's
    own verb first: "pledged to ask Congress to approve funding" asks, and approves, only as what
    was pledged. Its adverbial and relative clauses are not its content ("threatened to revoke his
    parole, meaning agents would take him"), nor is a fact it asks about or a clause beside it
    (`_beside`)."""
    verbs, todo = [], [clause]
    while todo:
        token = todo.pop()
        if token.pos_ in ("VERB", "AUX"):
            verbs.append(token)
        todo.extend(
            c
            for c in token.children
            if c.dep_ not in ADJUNCT_DEPS and not _beside(c) and not _fact(c)
        )
    return sorted(verbs, key=lambda t: t.i)


def _beside(conj: Token) -> bool:
    """A clause joined to another that says something of its own: with a subject of its own and
    no "that" ("demanded that the boy be returned, and the government has said ..."), a
    participle ("demanding that he be returned and saying he does not recognize the court"), or
    a verb in the past or present joined to an infinitive ("refused to hand over the suspects
    and expelled the prosecutor")."""
    if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX"):
        return False
    if conj.tag_ == "VBG" and conj.head.tag_ != "VBG":
        return True
    if (
        conj.head.dep_ == "ccomp"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.head.children)
        and any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in conj.children)
    ):
        return False  # "tell them that it is safe and (that) they should keep visiting" (not
        # "demanded that he be returned, and the government has said ...")
    if conj.tag_ in ("VBD", "VBZ", "VBP") and conj.head.tag_ == "VB":
        return True
    children = list(conj.children)
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in children) and not any(
        c.dep_ == "mark" for c in children
    )


def _fact(clause: Token) -> bool:
    """A clause that tells what has happened, inside what is asked or wanted: a question's
    ("demanded to know why police had shot his son") or a clause in the past or perfect."""
    if clause.dep_ != "ccomp":
        return False
    if any(c.tag_ in ("WRB", "WP", "WDT") for c in clause.children):
        return True
    return clause.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in clause.children
    )


def characterizes(noun: Token) -> bool:
    """Whether an event noun is what a copula calls its subject ("this is child abuse and
    mistreatment", "the attack was a massacre"): a name given to something, not an act of its
    own ("there have been a dozen murders" says they happened)."""
    while noun.dep_ == "conj":
        noun = noun.head
    copula = noun.head
    return (
        noun.dep_ == "attr"
        and copula.lemma_.lower() == "be"
        and not any(c.dep_ == "expl" for c in copula.children)  # "there have been murders"
    )


def carrier_of(noun: Token) -> Token | None:
    """The document an event noun is carried by ("letters of protest", "a note of thanks")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    carrier = noun.head.head
    return carrier if carrier.lemma_.lower() in CARRIER_NOUNS else None


def nominal(verb: Token) -> bool:
    """A participle the parser reads as a verb that stands for the people it describes: "the
    wounded", "the injured" (an argument of another word, after "the")."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in verb.children)
    )


def describes_sufferers(verb: Token) -> bool:
    """A gerund the parser reads as a verb with the people it describes as its bare object:
    "paid tribute to bombing victims", "met shooting survivors" (a noun, "the victims of the
    bombing", not "gunmen were shooting civilians")."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("pcomp", "pobj", "dobj", "compound"):
        return False  # (not "kept shooting survivors")
    follower = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    return (
        follower is not None
        and follower.dep_ == "dobj"
        and follower.head.i == verb.i
        and follower.lemma_.lower() in SUFFERER_NOUNS
        and not any(c.dep_ in ("det", "poss", "nummod") for c in follower.children)
        and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
    )


def victims_counted(verb: Token) -> bool:
    """A bare participle that tells which people a phrase is about: "candles for the seven
    people killed and 12 people injured", "memorials for those slain" (the victims of a
    happening told elsewhere, not an act of its own). With words of its own ("killed by a
    sniper", "killed near the border on Tuesday"), or as what is found or left ("found 40
    civilians executed", "leaving 132 children killed"), it tells the act."""
    head = verb.head
    while verb.dep_ == "conj" and head.dep_ == "acl":  # "killed and 12 people injured"
        verb, head = head, head.head
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and (head.tag_ in ("NNS", "NNPS") or head.lower_ in ("those", "these", "others"))
        and _object_of_preposition(head)
        and all(c.dep_ in ("conj", "cc", "punct") for c in verb.children)
    )


def habitual(verb: Token) -> bool:
    """A verb in the simple present with no date in its clause, past the lede: what is done
    habitually or in general ("the firm sells into 90 countries", "she talks to her family"),
    not an act that happened. A headline's present ("Germany bans Mahan Air") is its news, and
    a speaker's own present ("I object", "we demand") is the act itself."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBP") or verb.sent.start == 0:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(c.lower_ in ("i", "we") for c in subjects):
        return False  # "I formally object": saying it is doing it
    return not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def private_people(actor) -> bool:
    """Private people: a group of civilians or refugees, or a person nothing gives an office
    (no code from the dictionary or a title, or only a country's: "the boy's father arrived in
    Miami", "a Cuban boy came to the United States")."""
    if actor.kind == "group":
        return actor.sector in PRIVATE_SECTORS
    return (
        actor.kind == "person"
        and (not actor.code or actor.code == actor.country_code)
        and not actor.roles
        and not actor.title
    )


def weapon_subject(verb: Token) -> bool:
    """Whether a verb's subject is a weapon: "bombs exploded", "a shell hit the school"."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in weapon_nouns() for c in verb.children)


def bare_definite(noun: Token) -> bool:
    """Whether a noun says nothing of itself but "the", "this" or "that" ("the slaying"; not
    "the 1996 Olympic bombing"); its prepositions aside."""
    words = [c for c in noun.children if c.dep_ != "prep"]
    return len(words) == 1 and words[0].dep_ == "det" and words[0].lower_ in ("the", "this", "that")


def describing_participle(verb: Token) -> bool:
    """Whether a verb is a participle that describes a noun ("officers assigned to a task force",
    "the great-uncle, backed by the foundation", "the injunction issued Thursday", "the
    relatives seeking an asylum hearing", "the minister, speaking at a news conference, said"):
    it tells what the thing or the people are or were doing, not an act the story reports; not
    the sentence's own verb the parser hung there ("Doctors from two aid groups donated ...")."""
    if verb.dep_ != "acl" or misread_main_verb(verb):
        return False
    if verb.tag_ == "VBN":
        return True
    # a present participle describes its noun unless the noun does the sentence's act too
    # ("protesters demanding his release clashed with police", "the envoy, arriving in Kabul,
    # met ..."): then it is an act of theirs, but for one of speaking ("the minister, speaking
    # at a news conference, said ...": the saying is told)
    return verb.tag_ == "VBG" and (
        verb.head.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() in SPEAKING_VERBS
    )


def generic_plural(noun: Token) -> bool:
    """Whether an event noun is a bare plural told in the present of no day: acts of a kind, not
    acts that happened ("arson and bombings at clinics have become so common", "attacks on
    doctors are rising")."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in noun.children):
        return False  # "the bombings", "their attacks", "three attacks", "deadly attacks"
    head = noun
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.head
    present = verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )
    return present and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def _object_of_preposition(noun: Token) -> bool:
    """A noun, or one joined to it, governed by a preposition ("for the seven people killed and
    12 people injured")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
        while noun.pos_ == "VERB" and noun.dep_ == "acl":  # "people killed and 12 people"
            noun = noun.head
    return noun.dep_ == "pobj"


def hyphenated_phrase(noun: Token) -> bool:
    """Whether a noun ends a phrase written as one word with hyphens: "special agent-in-charge",
    "tug-of-war", "mother-in-law" (a name for someone or something, not the act)."""
    doc, i = noun.doc, noun.i
    return (
        i >= 3
        and doc[i - 1].text == "-"
        and doc[i - 3].text == "-"
        and doc[i - 2].pos_ == "ADP"
        and not doc[i - 1].whitespace_
        and not doc[i - 3].whitespace_
    )


def kind_of_acts(noun: Token) -> bool:
    """Whether a plural event noun names a kind of act held again and again, not acts that
    happened: "such rallies almost daily", "other rallies almost every day" ("such" or "other",
    with no count, and a word that is always one of frequency in dates_frequencies.tsv, or
    "every" day); "two such attacks on Sunday", "raids every day last week" happened."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    if not any(c.lower_ in ("such", "other") for c in noun.children):
        return False
    if any(c.dep_ == "nummod" for c in noun.children):
        return False
    near = [noun, noun.head, noun.head.head] if noun.head.dep_ == "prep" else [noun, noun.head]
    for word in (c for holder in near for c in holder.children):
        if (
            word.dep_ == "advmod"
            and lexicons().frequencies.get(word.lower_, ("", ""))[1] == "always"
        ):
            return True  # "almost daily"
        if word.dep_ == "npadvmod" and any(d.lower_ == "every" for d in word.children):
            return True  # "almost every day"
    return False


def demonym_doer(modifier: Token, actors: list[ActorMention]) -> bool:
    """Whether a word before an act is the adjective of the nation that does it ("Israeli air
    raids", "French mediation"; `actors`, what it names, are countries): who suffers an act is
    named by a noun ("the embassy bombing", "the Slepian shooting"), not by an adjective."""
    return (
        modifier.dep_ == "amod"
        and modifier.ent_type_ == "NORP"
        and bool(actors)
        and all(a.kind == "country" for a in actors)
    )


def misread_main_verb(verb: Token) -> bool:
    """Whether a verb the parser hung on the sentence's subject as a description is the
    sentence's own verb: the sentence has no other ("Doctors from two aid groups donated and
    delivered goods to the school", its root the noun "Doctors"). A participle only with an
    object of its own or of a verb joined to it ("Palestinian youths resorted to throwing
    stones" stays a description: it may be a headline's passive)."""
    head = sentence_root(verb)
    return (
        verb.dep_ == "acl"
        and head.pos_ in ("NOUN", "PROPN")
        and (
            verb.tag_ == "VBD"
            or any(c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children)
        )
    )


def sentence_root(token: Token) -> Token:
    """The root of the sentence a token is in, by its heads."""
    for _ in range(40):
        if token.head.i == token.i:
            break
        token = token.head
    return token


def dangling_object(prep: Token) -> list[Token]:
    """The object of a preposition the parser left without one, taking the phrase after it for
    the subject of a clause ("granted asylum to five officers holed up in ...": "officers" as
    the subject of "holed")."""
    if any(True for _ in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    token = prep.doc[prep.i + 1]
    while token.dep_ in ("det", "nummod", "amod", "compound") and token.head.i > token.i:
        token = token.head
    verb = token.head
    if token.dep_ == "nsubj" and verb.head.i == prep.head.i and verb.i > token.i:
        return [token]
    return []


def placed_weapon(noun: Token, coder: EventCoder) -> bool:
    """A weapon named with where it struck stands for the attack: "the bomb outside the
    embassy", "a bomb at a clinic"; not when a verb says what it did ("a bomb went off at
    the embassy": that is the event)."""
    if noun.dep_ == "attr" or (noun.dep_ == "nsubj" and coder.verb_code(noun.head)):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in ("at", "in", "outside", "near", "inside", "on")
        for c in noun.children
    )


def about_anyone(frame: EventFrame) -> bool:
    """A clause whose subject is anyone at all."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in INDEFINITE_PRONOUNS
        for c in frame.clause.children
    )


def acts_on_someone(frame: EventFrame) -> bool:
    """A verb with people as its object or passive subject, named or not ("detained the
    suspect", "arrested two men", "told them"): its target is them, not the country it
    happens in ("lifted a curfew in Montenegro" acts on Montenegro)."""
    clause = frame.clause
    if clause.pos_ != "VERB":
        return False
    people = PEOPLE_NOUNS | agent_nouns()
    return any(
        c.dep_ in ("dobj", "nsubjpass", "dative")
        and (
            c.pos_ == "PRON"
            or c.ent_type_ in ("PERSON", "NORP", "ORG")
            or c.lemma_.lower() in people
        )
        for c in clause.children
    )


def hedged(word: Token) -> bool:
    """Whether a word is given as only nearly what it says ("was practically kidnapped", "a
    virtual kidnapping"): a speaker's name for what happened, not a report of it."""
    return any(c.dep_ in ("advmod", "amod") and c.lower_ in HEDGES for c in word.children)


def claimed_by(noun: Token) -> Token | None:
    """The verb by which someone claims an act a noun names, as its doer: "the militants claimed
    the attacks", "the Houthis claimed responsibility for the attacks", "took credit for the
    bombing", "the attack was claimed by the Taliban"; not one negated or refused."""
    verb = None
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() == "claim":
        verb = noun.head  # (the passive's agent claims it: "was claimed by the Taliban")
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() in CLAIM_NOUNS:
        owned = prep.head
        if owned.dep_ == "dobj" and owned.head.lemma_.lower() in CLAIM_VERBS:
            verb = owned.head
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None  # "did not claim responsibility for the bombing"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSING_VERBS:
        return None  # "refused to take responsibility"
    return verb


def accused_of(noun: Token) -> Token | None:
    """Whom a verb of blame names as the doer of an act a noun names: "accused Ukraine of an
    attack", "blamed Iran for the attacks", "Kopp was charged with the slaying" (the object, or
    the subject of the passive)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if BLAME_VERBS.get(verb.lemma_.lower()) != prep.lower_:
        return None
    for dep in ("dobj", "nsubjpass"):
        for child in verb.children:
            if child.dep_ == dep:
                return child
    return None


def serial(token: Token) -> bool:
    """Acts told as a series over a long time, no one act that happened: a verb kept up for
    years ("had been traveling around the country for years") and the acts it went from one to
    the next of ("from demonstration to demonstration", both nouns)."""
    if token.pos_ in ("NOUN", "PROPN"):
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in ("from", "to"):
            return False
        if prep.lower_ == "to":  # "from demonstration to demonstration": the second
            return prep.head.dep_ == "pobj" and prep.head.lemma_ == token.lemma_
        return any(  # the first
            p.dep_ == "prep"
            and p.lower_ == "to"
            and any(o.dep_ == "pobj" and o.lemma_ == token.lemma_ for o in p.children)
            for p in token.children
        )
    for prep in token.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "for"
            and any(
                o.dep_ == "pobj" and o.lower_ in LONG_SPANS and not any(o.children)
                for o in prep.children
            )
        ):
            return True  # "for years", not a measure's term ("for at least two years")
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "from"
            and any(serial(o) for o in prep.children if o.dep_ == "pobj")
        ):
            return True
    return False


def specific_happening(noun: Token) -> bool:
    """An event noun that names one happening by what it struck or where: "the attack on the
    hotel", "the bombing of the embassy" (not "the blockade", "armed invasions")."""
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children)
        and any(c.dep_ == "prep" and c.lower_ in SPECIFYING_PREPS for c in noun.children)
    )


def office_of(noun: Token) -> bool:
    """An event noun that names the activity of an office: "the head of the FBI investigation",
    "a spokesman for the talks" (frames_office_nouns.tsv)."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("of", "for")
        and prep.head.lemma_.lower() in OFFICE_NOUNS
    )
