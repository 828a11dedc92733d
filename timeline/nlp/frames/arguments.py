"""The arguments of an event frame: who acts (sources) and who is acted on (targets).

The source of a verb is its subject, also through the verbs above it: the subject of the verb an
infinitive depends on ("plans to meet"), or its object for verbs of asking and ordering ("urged
Iran to stop"), the noun a relative clause describes; of a passive verb, its "by" agent ("were
arrested by police"), a participle joined to it sharing its subject ("arrested and charged").
Targets are the objects, the passive subject, and the partners and patients in prepositional
phrases ("met with X", "fired at X", "aid to X", "sanctions on Russia"). A place after a motion
preposition is not an actor: the target is the country it lies in ("travel to Moscow"), unless the
place is a country named as such ("sent aid to Greece"). A criticism, a rejection, a protest or
praise of an act is aimed at who did the act, never at whom it struck ("condemned Israel's raids
on the camps": Israel), and of a thing made at its maker ("denied a newspaper report", "praised
the ruling" of the court that ruled, found in the sentences before); a participle of saying
addresses whom its verb addresses ("wrote to Reno, demanding ..."); parse slips are read through:
a preposition left without its object, a verb hung on the subject's phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.nlp.coding import RULE_CODES
from timeline.nlp.frames.grammar import (
    dangling_object,
    demonym_doer,
    misread_main_verb,
    sentence_root,
)
from timeline.nlp.nominalizations import source_verbs
from timeline.nlp.syntax import infinitive, with_to
from timeline.nlp.verb_patterns import verb_dictionary
from timeline.nlp.words import (
    ADDRESSING_VERBS,
    ENTITY_TYPES,
    MISSION_NOUNS,
    MOTION_PREPS,
    NOUN_TARGET_PREPS,
    OBJECT_CONTROL,
    OWNED_PREPS,
    PARTNER_PREPS,
    PLACE_PREPS,
    RELATIVE_PRONOUNS,
    REPORTING_NOUNS,
    STANCE_NOUNS,
    STATIVE_PASSIVES,
    STRUCK_PREPS,
    TARGET_PREPS,
)
from timeline.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.coding import EventCoder
    from timeline.nlp.frames.phrases import PhraseReader
    from timeline.nlp.frames.predicates import EventFrame


class ArgumentFinder:
    """The sources and targets of one article's frames, read from the parse."""

    def __init__(self, phrases: PhraseReader, coder: EventCoder) -> None:
        self.phrases = phrases
        self.coder = coder

    def governing_verb(self, noun: Token) -> Token | None:
        """The verb a noun is the object of, directly or through a preposition."""
        token = noun
        for _ in range(3):
            if token.dep_ == "pobj" and token.head.dep_ == "prep":
                token = token.head.head
            elif token.dep_ in ("dobj", "nsubjpass"):
                token = token.head
            else:
                return None
            if token.pos_ == "VERB":
                return token
        return None

    def struck(self, prep: Token) -> list[ActorMention]:
        """The actors, not places, where violence struck: "outside the U.S. Embassy" (an
        embassy is a place too, but struck, it is its country that is)."""
        found: list[ActorMention] = []
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and (
                not self.phrases.is_place(pobj) or pobj.lemma_.lower() in MISSION_NOUNS
            ):
                found += self.phrases.actors(pobj, loose=True)
        return found

    def accused(self, frame: EventFrame, head: Token) -> list[ActorMention]:
        """Whom an accusation accuses, when its clause says what they did: the clause's subject
        ("alleging Gonzalez abused his son", "accusations that X had mistreated him")."""
        if not any(frame.code.startswith(code) for code in RULE_CODES.accusation_clause):
            return []
        for clause in head.children:
            if clause.dep_ in ("ccomp", "acl") and clause.pos_ in ("VERB", "AUX"):
                return self.clause_subject(clause)
        return []

    def warned(self, frame: EventFrame, verb: Token) -> list[ActorMention]:
        """Whom a threat is aimed at, when it says what they must do or not do to avert it: the
        subject of its "unless" or "if" clause ("threatened to strike unless Israel revokes the
        annexation", "if the family refused, the INS threatened to revoke his parole")."""
        if frame.code[:2] not in RULE_CODES.conditional_target:
            return []
        for clause in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
            for condition in clause.children:
                if condition.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in condition.children
                ):
                    return self.clause_subject(condition)
        return []

    def clause_subject(self, clause: Token) -> list[ActorMention]:
        """The actors of a clause's subject, active or passive."""
        for subject in clause.children:
            if subject.dep_ in ("nsubj", "nsubjpass"):
                return self.phrases.actors(subject)
        return []

    def noun_targets(self, frame: EventFrame, noun: Token, *, doers_of: bool = False) -> None:
        """Add an event noun's partners, patients and places: "talks with X", "a visit to Kyiv";
        with `doers_of`, its "of" phrase names who does it ("the rally of scientists")."""
        if not frame.targets:
            frame.targets += self.accused(frame, noun)
        for child in noun.children:
            if child.dep_ != "prep" or (doers_of and child.lemma_.lower() == "of"):
                continue
            if child.lemma_.lower() in STRUCK_PREPS and frame.code[:2] in RULE_CODES.violence:
                frame.targets += self.struck(child)  # "the bomb outside the embassy"
                continue
            if child.lemma_.lower() == "among" and frame.code[:2] in RULE_CODES.among_doers:
                frame.sources += [  # "outrage among residents": they feel it
                    a for p in child.children if p.dep_ == "pobj" for a in self.phrases.actors(p)
                ]
                continue
            beneficiary = child.lemma_.lower() == "for" and frame.code[:2] in RULE_CODES.beneficiary
            if child.lemma_.lower() not in NOUN_TARGET_PREPS and not beneficiary:
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if self.criticized_act(frame, pobj):
                    frame.targets += self.owners(pobj)  # "protests against Israeli raids"
                    continue
                if self.phrases.is_place(pobj) and child.lemma_.lower() in PLACE_PREPS:
                    places = self.phrases.places(pobj)
                    if places:
                        frame.places += places
                        if (
                            frame.code[:2] in RULE_CODES.consult
                            or child.lemma_.lower() in MOTION_PREPS
                        ):
                            frame.targets += self.phrases.destination(pobj, places)
                        continue
                frame.targets += self.phrases.actors(pobj, loose=True)
        if not frame.targets:
            frame.targets = self.owned(frame, noun)

    def owned(self, frame: EventFrame, head: Token) -> list[ActorMention]:
        """Whom a demand, a criticism, a rejection or a protest of something done or made is
        aimed at when nothing else names it: who did or made that thing (`owners`), its object
        ("denounced Serbia's suppression of ...") or the phrase of what it is about ("object to
        the moves made by X", "angry about Burton's subpoena", "disapproval of X's policies")."""
        if frame.code[:2] not in RULE_CODES.act_owner:
            return []
        found: list[ActorMention] = []
        for child in head.children:
            if child.dep_ == "dobj":
                found += self.owners(child, head)
            elif child.dep_ == "prep" and child.lemma_.lower() in OWNED_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found += self.owners(pobj)
        return found

    def owners(
        self, thing: Token, verb: Token | None = None, *, back: bool = True
    ) -> list[ActorMention]:
        """Who did or made a thing that names no actor itself: its possessor ("Serbia's
        suppression of the unrest", "Burton's subpoena"), an agent noun before it
        ("a newspaper report"), its "by" phrase ("the violations by fundamentalists"), or the
        agent of a participle that describes it ("the moves made by those who ...", "appeal the
        decision, announced by X")."""
        if not self.is_act(thing) and self.phrases.actors(thing, loose=True):
            return []
        # whose act it is did it ("North Korea's demand", "Israeli air raids", "Serbia's
        # suppression of the unrest"), unless the act is one done to someone and has no object
        # of its own: "Kopp's arrest", "the boy's return" happen to them
        suffered = self.suffered_act(thing) and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in thing.children
        )
        found: list[ActorMention] = []
        for child in thing.children:
            if (
                (child.dep_ == "compound" and child.pos_ == "NOUN")
                or demonym_doer(child, self.phrases.actors(child))  # "Israeli air raids"
                or (
                    not suffered
                    and (
                        child.dep_ == "poss"
                        or (child.dep_ == "compound" and child.ent_type_ in ENTITY_TYPES)
                    )
                )
            ):
                found += self.phrases.actors(child)
            elif child.dep_ == "prep" and (
                child.lower_ == "by" or (child.lower_ == "from" and not suffered)
            ):  # "the violations by X", "a demand from X" (not "the return from exile")
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found += self.agents(pobj)
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                found += self.participle_agents(child)
        if not found and verb is not None:
            for child in verb.children:  # "the decision, announced Wednesday by X"
                if (
                    child.dep_ == "advcl"
                    and child.tag_ == "VBN"
                    and child.i > thing.i
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
                ):
                    found += self.participle_agents(child)
        if (
            not found
            and back
            and any(c.dep_ == "det" and c.lower_ == "the" for c in thing.children)
        ):
            found = self.earlier_owners(thing)  # "the INS decision ... appeal the decision"
        return found

    def earlier_owners(self, thing: Token) -> list[ActorMention]:
        """Who made a thing "the" refers back to: the maker the sentences before name for a
        thing of the same word ("the INS decision ... will appeal the decision", "the panel
        that issued the ruling"), or the subject of the verb it is made from ("the court ruled
        ... praised the ruling")."""
        view = self.phrases.view
        first = view.sentence(thing).start
        for _ in range(3):
            if first == 0:
                break
            first = view.sentence(view.doc[first - 1]).start
        lemma = thing.lemma_.lower()
        verbs = set(source_verbs(lemma)) - {lemma}
        for token in reversed(view.doc[first : thing.i]):
            if token.lemma_.lower() == lemma and token.pos_ == "NOUN":
                found = self.owners(token, back=False)
                if not found and token.dep_ == "dobj":  # "the panel that issued the ruling"
                    found = self.subject(token.head)
                if found:
                    return found
            elif token.pos_ == "VERB" and token.lemma_.lower() in verbs:
                found = self.subject(token)
                if found:
                    return found
        return []

    def is_act(self, noun: Token) -> bool:
        """Whether a noun names an act: an event noun, a noun made from a coded verb ("the
        return", "the arrest"), or a noun of a verb's regular ending with the object it acts
        on ("the repatriation of Elian"); not something said ("a report", "the claim"), nor an
        actor ("the government")."""
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma in REPORTING_NOUNS:
            return False
        verbs = source_verbs(lemma)
        acted_on = len(verbs) > 1 and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
        )
        return (
            self.coder.noun_code(noun) is not None
            or any(
                verb in self.coder.lexicon.verbs or verb_dictionary().entries(verb)
                for verb in verbs
            )
            or acted_on
        ) and not self.phrases.actor_resolver.actors(self.phrases.phrase(noun))

    def suffered_act(self, noun: Token) -> bool:
        """Whether a noun is an act done to the one whose it is ("Kopp's arrest", "the boy's
        return"): its code, or a code of a verb it is made from, is of coercion, violence or
        yielding."""
        roots = RULE_CODES.suffered | RULE_CODES.yielding
        code = self.coder.noun_code(noun)
        if code is not None:
            return code[:2] in roots
        return any(
            entry.code[:2] in roots
            for verb in source_verbs(noun.lemma_.lower())
            for entry in self.coder.lexicon.verbs.get(verb, ())
        )

    def criticized_act(self, frame: EventFrame, noun: Token) -> bool:
        """Whether a noun is the act a criticism, a rejection or a protest is about: its target
        is who did the act, never whom it struck."""
        return frame.code[:2] in RULE_CODES.act_owner and self.is_act(noun)

    def participle_agents(self, participle: Token) -> list[ActorMention]:
        """The actors of the "by" phrase of a participle or of the participles joined to it."""
        found: list[ActorMention] = []
        for verb in (participle, *participle.conjuncts):
            for child in verb.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found += self.agents(pobj)
        return found

    def agents(self, pobj: Token) -> list[ActorMention]:
        """The actors of a subject or of a passive verb's "by" phrase; for a thing that has an
        owner, the owner: "killed by a sniper's bullet" (the sniper), "the army's shells hit"."""
        found = self.phrases.actors(pobj)
        if not found and pobj.lower_ in RELATIVE_PRONOUNS and pobj.head.dep_ == "relcl":
            pobj = pobj.head.head  # "the bullet that tore through": the bullet's owner
        if not found:
            owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
            if owner is not None:
                found = self.phrases.actors(owner)
        return found

    def shares_passive_subject(self, verb: Token) -> bool:
        """A participle joined to a passive verb shares its subject: "were arrested and charged
        by police", "are selected and purchased by the government"."""
        return (
            verb.dep_ == "conj"
            and verb.tag_ == "VBN"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and any(c.dep_ == "auxpass" for c in verb.head.children)
        )

    def verb_arguments(self, frame: EventFrame, verb: Token) -> None:
        """Set a verb frame's sources and targets from its subject, agent, objects and phrases."""
        if frame.passive:
            if self.shares_passive_subject(verb):
                for child in verb.head.children:
                    if child.dep_ == "nsubjpass":
                        frame.targets += self.phrases.actors(child, loose=True)
            if (
                verb.dep_ in ("xcomp", "advcl")
                and verb.head.lemma_.lower() != "be"  # not "it was likely to be opposed"
                and with_to(verb)
                and not any(c.dep_ == "nsubjpass" for c in verb.children)
            ):  # "returned to Cuba, only to be jailed", "expects to be released": who did that
                frame.targets += self.subject(verb.head)
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    frame.targets += self.phrases.actors(child, loose=True)
                elif child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            frame.sources += self.agents(pobj)
        else:
            frame.sources = self.subject(verb)
        if frame.passive and not frame.sources and verb.lemma_.lower() in STATIVE_PASSIVES:
            frame.sources, frame.targets = frame.targets, []  # "Israel is opposed to ..."
            frame.passive = False
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and not frame.targets
            and not misread_main_verb(verb)
        ):
            frame.passive = True
            frame.targets += self.phrases.actors(verb.head)
            for child in verb.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            frame.sources += self.phrases.actors(pobj)
        # the addressee of a statement ("told the council"), never the subject of what it
        # reports ("said Russia failed": that is its own event when it is one)
        for obj, actor in self.object_actors(verb):
            if not self.criticized_act(frame, obj):
                frame.targets.append(actor)
        self.prep_targets(frame, verb)
        if not frame.targets:
            frame.targets = self.accused(frame, verb) or self.owned(frame, verb)
        if not frame.targets and not any(c.dep_ in ("dobj", "prep") for c in verb.children):
            for joined in verb.children:  # "donated and delivered goods to the school"
                if (
                    joined.dep_ == "conj"
                    and joined.pos_ == "VERB"
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in joined.children)
                ):
                    frame.targets += self.objects(joined)
                    self.prep_targets(frame, joined)

    def prep_targets(self, frame: EventFrame, verb: Token) -> None:
        """Partners and patients in prepositional phrases: "met with X", "fired at X", "provide
        aid to X"."""
        for child in verb.children:
            if child.dep_ == "dobj" and self.criticized_act(frame, child):
                # "condemned Israel's raids on the camps": Israel, not the camps
                frame.targets += self.owners(child, verb)
                continue
            if child.dep_ == "dobj" and self.coder.is_event_noun(child):
                self.noun_targets(frame, child)
            elif child.dep_ == "dobj":  # "break off relations with Congo", "mortar and rocket
                # fire against the camps"
                beneficiary = frame.code[:2] in RULE_CODES.beneficiary  # "$70 million for Poland"
                for prep in (c for obj in (child, *child.conjuncts) for c in obj.children):
                    if prep.dep_ == "prep" and (
                        prep.lemma_.lower() in PARTNER_PREPS
                        or (beneficiary and prep.lemma_.lower() == "for")
                    ):
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                frame.targets += self.phrases.actors(pobj, loose=True)
            if frame.code[:2] in RULE_CODES.act_owner:
                frame.targets += self.stance_targets(child)
            if frame.code[:2] in RULE_CODES.taking_from:
                for source in self.taken_from(child):
                    frame.targets += self.phrases.actors(source, loose=True)
            if (
                child.dep_ == "prep"
                and child.lemma_.lower() in STRUCK_PREPS
                and frame.code[:2] in RULE_CODES.violence
            ):
                frame.targets += self.struck(child)
            if child.dep_ in ("prep", "dative") and child.lemma_.lower() in TARGET_PREPS:
                lemma = child.lemma_.lower()
                for pobj in (*child.children, *dangling_object(child)):
                    if pobj.dep_ != "pobj" and pobj.dep_ != "nsubj":
                        continue
                    if self.criticized_act(frame, pobj):
                        frame.targets += self.owners(pobj)  # "complained over Israeli raids"
                        continue
                    if self.phrases.is_place(pobj) and lemma in PLACE_PREPS:
                        if lemma in MOTION_PREPS:  # "travel to Moscow", "send aid to Greece"
                            frame.targets += self.phrases.destination(
                                pobj, self.phrases.places(pobj)
                            )
                        continue
                    if lemma == "over" and frame.code[:2] not in RULE_CODES.over_target:
                        continue  # "complained over the raids", not "fought over the town"
                    if lemma == "for" and frame.code[:2] not in RULE_CODES.beneficiary:
                        continue
                    frame.targets += self.phrases.actors(pobj, loose=True)

    def addressees(self, frame: EventFrame, verb: Token) -> list[ActorMention]:
        """Whom a participle of saying with no object of its own addresses: whom the verb it
        goes with addresses ("wrote to Reno, demanding that Elian be returned", "told the
        council, urging it to act")."""
        if (
            frame.code[:2] not in RULE_CODES.saying
            or verb.dep_ != "advcl"
            or verb.tag_ != "VBG"
            or any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children)
        ):
            return []
        head = verb.head
        found = [a for obj, a in self.object_actors(head) if obj.dep_ in ("dative", "iobj")]
        for child in head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not self.phrases.is_place(pobj):
                        found += self.phrases.actors(pobj)
        if not found and head.lemma_.lower() in ADDRESSING_VERBS:
            found = self.objects(head)  # "told the council, urging it to act"
        return found

    def stance_targets(self, child: Token) -> list[ActorMention]:
        """Whom the stance an act is done in names ("blocked streets in defiance of Chinese
        authorities", "marched in protest against Israeli raids": who made them)."""
        if child.dep_ != "prep" or child.lower_ != "in":
            return []
        found: list[ActorMention] = []
        for stance in child.children:
            if stance.dep_ != "pobj" or stance.lemma_.lower() not in STANCE_NOUNS:
                continue
            for prep in stance.children:
                if prep.dep_ != "prep" or prep.lemma_.lower() not in OWNED_PREPS:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if self.is_act(pobj):
                        found += self.owners(pobj)
                    else:
                        found += self.phrases.actors(pobj, loose=True)
        return found

    def taken_from(self, child: Token) -> list[Token]:
        """Whom a verb's "from" phrase names, also inside its object ("confiscated weapons from
        armed groups", "requested $50 million in funding from Congress"); not a place."""
        if child.dep_ == "prep" and child.lemma_.lower() == "from":
            preps = [child]
        elif child.dep_ == "dobj":
            preps = [
                t
                for t in child.subtree
                if t.dep_ == "prep" and t.lemma_.lower() == "from" and t.head.pos_ != "VERB"
            ]
        else:
            return []
        return [
            pobj
            for prep in preps
            for pobj in prep.children
            if pobj.dep_ == "pobj" and not self.phrases.is_place(pobj)
        ]

    def subject(self, verb: Token, depth: int = 0) -> list[ActorMention]:
        """The actors of a verb's subject, also through the verbs above it (see the module)."""
        if depth > 6:
            return []
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                return self.agents(child)  # "the army's shells hit the school": the army
            if child.dep_ == "nsubjpass":
                return []
        head = verb.head
        if head.i == verb.i:
            return []
        if verb.dep_ == "xcomp":
            if head.lemma_.lower() in OBJECT_CONTROL:
                objects = self.objects(head)
                if objects:
                    return objects
            return self.subject(head, depth + 1)
        if verb.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in verb.children):
            for child in head.children:  # "was indicted ... and will resign": who was indicted
                if child.dep_ == "nsubjpass":
                    return self.phrases.actors(child)
        if verb.dep_ in ("conj", "acomp"):
            return self.subject(head, depth + 1)
        if verb.dep_ in ("relcl", "acl") and infinitive(verb) and head.pos_ == "NOUN":
            governor = self.governing_verb(head)  # "a visit to Lucca to meet ..."
            return self.subject(governor, depth + 1) if governor is not None else []
        if misread_main_verb(verb):  # "Doctors from two aid groups donated ...": the doctors
            return self.agents(sentence_root(verb))
        if verb.dep_ in ("relcl", "acl") and verb.tag_ != "VBN":
            return self.agents(head)  # "the assassin's bullet that tore through ..."

        if verb.dep_ in ("advcl", "pcomp") and verb.tag_ in ("VBG", "VB"):
            reason = verb.dep_ == "pcomp" and head.lower_ == "for" and verb.tag_ == "VBG"
            if verb.dep_ == "pcomp":
                head = head.head
            if head.pos_ not in ("VERB", "AUX"):
                return []
            for child in head.children:  # "was arrested for protesting": who was arrested;
                # "arrested Kopp for protesting", "criticized him for failing": the one blamed
                if (child.dep_ == "nsubjpass" and verb.tag_ == "VBG") or (
                    child.dep_ == "dobj" and reason
                ):
                    return self.phrases.actors(child)
            return self.subject(head, depth + 1)
        return []

    def objects(self, verb: Token) -> list[ActorMention]:
        """The actors of a verb's objects ("met Lavrov", "called on Iran")."""
        return [actor for _, actor in self.object_actors(verb)]

    def object_actors(self, verb: Token) -> list[tuple[Token, ActorMention]]:
        """The actors of a verb's objects, each with the object that names it."""
        found: list[tuple[Token, ActorMention]] = []
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "iobj") or (
                child.dep_ == "oprd" and child.pos_ == "PROPN" and not has_object
            ):  # a name the parser took for a predicate: "called Munero a ruffian"
                found += [(child, a) for a in self.phrases.actors(child, loose=True)]
            elif (
                child.dep_ == "prep"
                and child.lemma_.lower() in ("on", "upon")
                and (verb.lemma_.lower() in ("call",))
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found += [(pobj, a) for a in self.phrases.actors(pobj)]
        return found

    # -- actors and places ----------------------------------------------------------------------
