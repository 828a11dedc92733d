"""Event frames: each predicate that reports something a political actor did, said, planned or
suffered, with its code, arguments, places and status.

A verb is a frame when the verb lexicon codes it, or when it is a support verb whose object noun
the noun lexicon codes ("made a visit", "held talks", "engaged in fighting": the noun is the
trigger). A verb that introduces an action ("agreed to meet", "refused to withdraw", "threatened
sanctions") is one frame, coded from that action; "X said Y must ..." is a demand of the speaker
on Y. An event noun is a frame of its own ("the talks", "a visit by X") unless its support verb
codes it; "the talks" with no actors takes those of the last frame of its kind in the paragraphs
before (its antecedent). A frame needs a source, or a target when passive or anaphoric.

`FrameFinder` finds the frames and settles their arguments (the countries and the targets a
place or a source gives them are `countries.FrameCountries`'); a protest against no one named has
no target.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.nlp.actors.groups import perpetrator_nouns, unnamed_doer
from timeline.nlp.actors.mentions import (
    actor_codes,
    implied_police,
)
from timeline.nlp.coding import RULE_CODES, received_with, weapon_nouns
from timeline.nlp.frames.countries import FrameCountries
from timeline.nlp.frames.earlier import EarlierFrames
from timeline.nlp.frames.grammar import (
    about_anyone,
    accused_of,
    acts_on_someone,
    carrier_of,
    characterizes,
    claimed_by,
    content_verbs,
    demonym_doer,
    describes_sufferers,
    describing_participle,
    generic_plural,
    governed_infinitive,
    habitual,
    hedged,
    hyphenated_phrase,
    introduced,
    kind_of_acts,
    nominal,
    office_of,
    placed_weapon,
    private_people,
    questioning_sought,
    serial,
    standing_wish,
    victims_counted,
    wanted_of_another,
    weapon_subject,
)
from timeline.nlp.frames.status import questioned, speculated, status_of
from timeline.nlp.syntax import infinitive, passive, passive_subject
from timeline.nlp.words import (
    ABILITY,
    CHARGE_WORDS,
    CHARGING_VERBS,
    CIRCUMSTANCE_VERBS,
    DESCRIBING_VERBS,
    ENGAGE_VERBS,
    ENTITY_TYPES,
    FEELING_NOUNS,
    INTENT,
    INTRODUCERS,
    NAME_TYPES,
    NOUN_AGENT_PREPS,
    OUTCOME_VERBS,
    PASS_THROUGH,
    POLICING_WORDS,
    PREVENTING_VERBS,
    RELATIVE_PRONOUNS,
    SAYING_AGENT_PREPS,
    SPEECH_VERBS,
    STATE_PREPS,
    STRUCK_PREPS,
    SUPPORT_VERBS,
    TRYING_NOUNS,
)
from timeline.records import ActorMention, PlaceMention, TimeExpression

# The prepositions of the crime a charge names ("charged with murder", "convicted of fraud")
CRIME_PREPS = ("with", "of", "for")
# The documents a charge is made in ("charged in a federal complaint with murder")
CHARGE_DOCUMENTS = {"complaint", "indictment", "information", "warrant", "affidavit"}
# Sectors of people who work for themselves, not for a state or an aid body: fishermen, traders
AID_FREE_SECTORS = {"AGR", "BUS"}

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.article import ArticleView
    from timeline.nlp.coding import EventCoder
    from timeline.nlp.frames.arguments import ArgumentFinder
    from timeline.nlp.frames.locations import LocationFinder
    from timeline.nlp.frames.phrases import PhraseReader


@dataclass
class EventFrame:
    """A predicate reporting an act: its code, actors, places, status and date as settled."""

    trigger: Token
    clause: Token  # the verb that carries tense, modality and arguments (the trigger or its verb)
    code: str
    sources: list[ActorMention] = field(default_factory=list)
    targets: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    status: str = "asserted"
    passive: bool = False
    time: TimeExpression | None = None
    date_source: str = "publication"
    story_day: bool = False  # dated by the lede's day alone, the day of writing (`dating`)
    antecedent: EventFrame | None = None
    action: Token | None = None  # the action an introducing verb governs ("agreed to set up")
    purpose: bool = False  # planned as the aim of another act, not announced or threatened
    what_for: bool = False  # what a thing is for ("evidence to support the charges"): no act
    unsaid: bool = False  # a word for people it describes ("bombing victims"): no event of its
    # own, though a later noun may refer back to it
    needs_target: bool = False  # coded by a dictionary verb alone: an event only with a target
    outcome: bool = False  # what another act of its sentence ended in: told with it, no event
    act: Token | None = None  # for an outcome, the word of the act it ended ("the blasts")


class FrameFinder:
    """The event frames of one article, found token by token in text order."""

    def __init__(
        self,
        view: ArticleView,
        coder: EventCoder,
        phrases: PhraseReader,
        arguments: ArgumentFinder,
        locations: LocationFinder,
    ) -> None:
        self.view = view
        self.coder = coder
        self.phrases = phrases
        self.arguments = arguments
        self.locations = locations
        self.consumed: set[int] = set()  # tokens a frame took as its trigger, action or object
        self.earlier = EarlierFrames(view)  # the frames accepted so far, in the order found
        self.countries = FrameCountries(view, phrases, locations)

    def frame_at(self, token: Token) -> EventFrame | None:
        """The frame a token triggers, if it is a predicate no frame has taken yet."""
        if token.pos_ == "NOUN" and token.lemma_.lower() in TRYING_NOUNS:
            for tried in token.children:  # "any attempt to take Elian": tried, not done
                if tried.dep_ in ("acl", "xcomp", "relcl") and infinitive(tried):
                    self.consumed.update(  # but an attempt at violence is an attack
                        t.i
                        for t in content_verbs(tried)
                        if (self.coder.verb_code(t) or "")[:2] not in RULE_CODES.violence
                    )
        if token.i in self.consumed or token.ent_type_ in ("DATE", "TIME"):
            return None  # taken, or part of a date ("in March 1996")
        if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod"):
            if nominal(token):
                return None  # "evacuated the wounded": people, not an act
            if standing_wish(token):
                return None  # "the father wants him back": a wish, no act
            if questioning_sought(token):
                return None  # "in custody for questioning": what the police hold him for
            if token.dep_ == "xcomp" and token.head.lemma_.lower() in ABILITY:
                return None  # "Elian would be free to leave the country": possible, not done
            frame = self._verb_frame(token)
            if frame is not None and describes_sufferers(token):
                frame.unsaid = True  # "paid tribute to bombing victims": the people, though
            return frame  # a later "the blast" may find its victims there
        if token.pos_ in ("NOUN", "PROPN") and self.coder.is_event_noun(token):
            frame = self._noun_frame(token)
            if frame is not None and (
                (token.dep_ == "dobj" and token.head.lemma_.lower() in PREVENTING_VERBS)
                or office_of(token)
            ):  # "a ruling that prevents the removal of Elian": what does not happen; "the head
                # of the FBI investigation": an office. A later noun may still refer back to it
                frame.unsaid = True
            return frame
        return None

    def accept(self, frame: EventFrame) -> None:
        """Keep a settled, coded and dated frame: a later noun may refer back to it."""
        self.earlier.frames.append(frame)

    def frames(self) -> list[EventFrame]:
        """The accepted frames, without the noun frames whose trigger a verb frame found later
        took ("the talks were held")."""
        kept = [f for f in self.earlier.frames if not self._consumed_later(f)]
        protests = {f.clause.i for f in kept if f.code[:2] in RULE_CODES.protest_aims}
        return [
            f
            for f in kept
            if not (
                (f.purpose or self._participle_of(f.clause))  # "thronged the street, demanding ..."
                and f.code[:2] in RULE_CODES.demand_clause
                and f.clause.head.i in protests
            )
        ]

    @staticmethod
    def _participle_of(clause: Token) -> bool:
        """A participle clause hung on another verb: "thronged the street, demanding that ..."."""
        return clause.dep_ in ("advcl", "xcomp") and clause.tag_ == "VBG"

    def _consumed_later(self, frame: EventFrame) -> bool:
        return frame.trigger.i in self.consumed and frame.clause.i == frame.trigger.i

    # -- verb and noun frames -------------------------------------------------------------------

    def _verb_frame(self, verb: Token) -> EventFrame | None:
        coder, arguments = self.coder, self.arguments
        lemma = coder.lemma(verb)
        if lemma in DESCRIBING_VERBS and not any(c.dep_ == "prt" for c in verb.children):
            return None  # "the charge carries a fine" (but "carried out an attack")
        has_xcomp = any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)
        if lemma in PASS_THROUGH and has_xcomp and lemma not in coder.lexicon.verbs:
            return None
        if lemma == "help" and has_xcomp:
            return None
        entry = coder.verb_entry(verb)
        if (
            entry is not None
            and not entry.conditions
            and lemma in SUPPORT_VERBS
            and lemma not in INTRODUCERS
            and any(
                (c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and lemma not in SPEECH_VERBS))
                and (noun := coder.noun_code(c)) is not None
                and noun[:2] != entry.code[:2]
                for c in verb.children
            )
        ):  # "delivered a speech", "launched an investigation", "a search was launched": the
            # event is the noun (but "the strikes were announced" tells of them)
            entry = None
        code = entry.code if entry is not None else None
        trigger = verb
        introduced: Token | None = None
        demanded: Token | None = None
        accused: list[ActorMention] = []
        charged = False
        if code is None:
            noun_code = None
            for child in verb.children:
                if child.dep_ in ("dobj", "nsubjpass") and lemma in SUPPORT_VERBS:
                    noun_code = coder.noun_code(child)
                    if noun_code is not None:
                        trigger = child
                        break
                if child.dep_ == "prep" and child.lower_ == "in" and lemma in ENGAGE_VERBS:
                    for pobj in child.children:  # "were engaged in ethnic cleansing"
                        if pobj.dep_ == "pobj":
                            noun_code = coder.noun_code(pobj)
                            if noun_code is not None:
                                trigger = pobj
                                break
                    if noun_code is not None:
                        break
            if noun_code is None or kind_of_acts(trigger):
                return None  # ("has held such rallies almost daily")
            code = noun_code
            self.consumed.add(trigger.i)
        elif lemma in INTENT and (wanted := wanted_of_another(verb)) is not None:
            # "wants the court to suspend the injunction": an appeal to the court
            code = coder.refine("appeal", coder.verb_code(wanted))
            demanded = wanted
            self._consume_content(wanted)  # ("to let them meet with the father": all asked)
        elif (lemma in INTRODUCERS or governed_infinitive(verb)) and (
            introducer := coder.introducer(code)
        ) is not None:  # "exhorted citizens to keep rallying": any appeal, intent, demand,
            # threat or refusal the dictionaries code, with the act it is about
            action, action_token, noun = coder.action(verb)
            if noun is not None:
                self.consumed.add(noun.i)
            if action_token is not None and action is not None:
                self.consumed.add(action_token.i)
                code = coder.refine(introducer.kind, action, base=code)
                introduced = action_token
            elif (xcomp := next((c for c in verb.children if c.dep_ == "xcomp"), None)) is not None:
                introduced = xcomp  # "agreed to set up a centre in Tokyo": its partners and places
            elif code[:2] in RULE_CODES.demand_clause:  # "demanded that the government end ..."
                demanded = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            content = governed_infinitive(verb) or introduced or demanded  # (the infinitive
            # itself, not the act a verb like "keep" passes on to: "to stop fighting and to
            # allow aid convoys in" is all asked)
            if content is not None and content.pos_ in ("VERB", "AUX"):
                # what was urged, pledged or refused is one act, coded here, not acts of its own
                self._consume_content(content)

        elif code[:2] in RULE_CODES.statement and (demanded := self._must_clause(verb)) is not None:
            # "X said Y must ...": a demand of the speaker on Y
            action = coder.verb_code(demanded)
            if action is None and (found := coder.support_noun(demanded)) is not None:
                action, noun = found
                self.consumed.add(noun.i)
            code = coder.refine("demand", action)
            self.consumed.add(demanded.i)
        elif code[:2] in RULE_CODES.statement and (charge := self._charge(verb)) is not None:
            # "said Meissner's assumptions were untrue": a criticism of Meissner
            code, word, accused = charge
            charged = True
            if word.pos_ in ("VERB", "NOUN"):
                self.consumed.add(word.i)  # "they have manipulated his son": what is charged
        else:
            conditioned = entry is not None and any(k == "obj" for k, _ in entry.conditions)
            for child in verb.children:  # "signed a treaty": the object is not a second event
                if child.dep_ in ("dobj", "nsubjpass"):
                    noun_code = coder.noun_code(child)
                    if noun_code is not None and (noun_code[:2] == code[:2] or conditioned):
                        self.consumed.add(child.i)
                        introduced = child
                        if (
                            noun_code[:2] == code[:2]
                            and code.endswith("0")
                            and (not noun_code.endswith("0"))
                        ):  # "launched air strikes": the noun is more specific
                            code = noun_code
                if (
                    child.dep_ == "prep"
                    and child.lower_ in ("in", "into", "to")
                    and code[:2] not in RULE_CODES.violence  # "killed in a bombing": the bombing
                ):
                    for noun in child.children:  # "took the suspect into custody", "to jail"
                        if noun.dep_ == "pobj" and (coder.noun_code(noun) or "")[:2] == code[:2]:
                            self.consumed.add(noun.i)
        if code[:2] in RULE_CODES.violence and coder.figurative(verb, code):
            return None
        if code[:2] in RULE_CODES.violence and victims_counted(verb):
            return None  # "candles for the seven people killed": the victims of a happening
        ready = verb.head
        if verb.dep_ == "xcomp" and ready.pos_ == "ADJ" and ready.lemma_.lower() in INTENT:
            trigger = ready  # "were prepared to file an appeal": the readiness happened
        frame = EventFrame(trigger=trigger, clause=verb, code=code, action=introduced or demanded)
        # "the blasts killed 257": the killing dates and places the blasts, but is no event
        if code[:2] in RULE_CODES.violence:
            frame.act = self._consequence(verb)
            frame.outcome = frame.act is not None
        frame.needs_target = entry is not None and entry.needs_target and trigger.i == verb.i
        frame.passive = passive(verb) or (arguments.shares_passive_subject(verb))
        arguments.verb_arguments(frame, verb)
        if demanded is not None:
            for child in demanded.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    frame.targets += self.phrases.actors(child)
            frame.targets += arguments.objects(demanded)
        if introduced is not None and introduced.pos_ in ("VERB", "AUX"):
            # "refused to meet with the envoys": the partner of the action is the target
            frame.targets += arguments.objects(introduced)
            arguments.prep_targets(frame, introduced)
        elif introduced is not None:  # "imposed sanctions on Russia"
            arguments.noun_targets(frame, introduced)
        if trigger.i != verb.i:
            arguments.noun_targets(frame, trigger)
            for prep in trigger.children:  # "made a visit by X": X is a source, not a patient
                if prep.dep_ == "prep" and prep.lemma_.lower() == "by":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            agents = self.phrases.actors(pobj)
                            names = {a.name for a in agents}
                            frame.targets = [a for a in frame.targets if a.name not in names]
                            frame.sources += agents
        # whom a participle of saying addresses ("wrote to Reno, demanding that Elian be
        # returned"), whom a threat's condition names ("if the family refused, the INS
        # threatened to revoke his parole"): they, not the object of what is demanded
        addressed = arguments.addressees(frame, verb) or arguments.warned(frame, verb)
        if addressed:
            frame.targets = addressed
        if accused:
            frame.targets = accused
        if not charged:  # (a statement that charges: its other acts are reported, not alleged)
            self._charged_content(frame)
        return frame

    def _charged_content(self, frame: EventFrame) -> None:
        """What an accusation or a charge says someone did is its content, no act the article
        reports of its own: "accusations that Gonzalez had mistreated his son", "accusing them of
        child abuse", "charged with second-degree murder"."""
        trigger = frame.trigger
        accusation = frame.code.startswith("112")
        charge = self.coder.lemma(trigger) in CHARGING_VERBS  # ("charged", "convicted")
        if not (accusation or charge):
            return
        heads = [trigger]
        if charge:  # "charged in state and federal complaints with murder": the documents of
            for prep in trigger.children:  # the charge, and the crimes they name
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for document in prep.children:
                        if document.dep_ == "pobj" and document.lemma_.lower() in CHARGE_DOCUMENTS:
                            self.consumed.add(document.i)
                            heads.append(document)
        children = [c for head in heads for c in head.children]
        children += [c for child in children if child.dep_ == "prep" for c in child.conjuncts]
        for child in children:  # (and "with murder and with violating the act")
            if accusation and child.dep_ in ("ccomp", "acl") and child.pos_ in ("VERB", "AUX"):
                self._consume_content(child)
            if child.dep_ == "prep" and child.lower_ in (("of",) if accusation else CRIME_PREPS):
                for said in child.children:
                    if said.dep_ == "pobj" and self._crime_named(said):
                        self.consumed.add(said.i)  # "of child abuse", "with murder"
                    elif said.dep_ == "pcomp":  # "of plotting murder", not "of masterminding
                        self._consume_content(said, crimes_only=True)  # the attack"

    def _consume_content(self, clause: Token, crimes_only: bool = False) -> None:
        """Take the acts of a clause that is another act's content, and the event nouns they are
        to do or keep up ("urged its people to keep up their demonstrations", "accusations that
        they are committing murder"); with `crimes_only`, only the nouns that name a crime, not
        a happening ("accused of plotting murder", not "of masterminding the attack")."""
        named = self._crime_named if crimes_only else self.coder.noun_code
        for action in content_verbs(clause):
            self.consumed.add(action.i)
            self.consumed.update(c.i for c in action.children if c.dep_ == "dobj" and named(c))

    @staticmethod
    def _crime_named(noun: Token) -> bool:
        """A noun that names a crime, not a happening: bare ("with murder", "of child abuse"),
        not "with the slaying", "of an attack on the town that killed 14 people"."""
        return not any(
            c.dep_ in ("det", "poss", "nummod", "relcl", "acl", "prep") for c in noun.children
        )

    def _charge(self, verb: Token) -> tuple[str, Token, list[ActorMention]] | None:
        """(code, word, accused) when what a speaker says of someone charges them: a word of
        cameo_charge_words.tsv in the reported clause, said of an actor other than the speaker:
        the subject of a verb ("they have manipulated his son") or of an adjective ("Meissner's
        assumptions were untrue": Meissner), the agent of a passive ("we were betrayed by the
        government"), the owner of a noun it describes."""
        arguments = self.arguments
        speaker = {a.name for a in arguments.subject(verb)}
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            for word in clause.subtree:
                code = CHARGE_WORDS.get(word.lemma_.lower()) or CHARGE_WORDS.get(word.lower_)
                if code is None:
                    continue
                if self._act(word) and not (self.view.scare_quoted(word) or hedged(word)):
                    continue  # "police said the man was kidnapped": the kidnapping, reported
                # ("she had been ``practically kidnapped''", "the mother was practically
                # kidnapped": the speaker's own word for it)
                if any(c.dep_ == "neg" for t in (word, word.head) for c in t.children):
                    continue  # "said the expansion was not illegal"
                accused = [a for a in self._charged(word) if a.name not in speaker]
                if accused or self._act(word):  # (an act word here is in short quotes)
                    # ("had been ``practically kidnapped'' by the boyfriend": a charge, even
                    # of someone the text does not name as an actor)
                    return self.coder.known_code(code), word, accused
        return None

    def _charged(self, word: Token) -> list[ActorMention]:
        """Whom a charging word is said of (see `_charge`)."""
        arguments = self.arguments
        while word.dep_ == "conj":  # "unconstitutional and untrue"
            word = word.head
        if word.pos_ == "VERB":
            if passive(word):  # "by the government", an agent the parser may read as a place
                return arguments.participle_agents(word) or self._agent_phrases(word, {"by"})
            return arguments.clause_subject(word)
        if word.dep_ in ("acomp", "attr"):
            subject = next((c for c in word.head.children if c.dep_ == "nsubj"), None)
        elif word.dep_ == "amod":  # "Spitzer's crass campaign", not "illegal immigrants"
            return arguments.owners(word.head, back=False)
        else:
            subject = word
        if subject is None or subject.pos_ == "PRON" and subject.lower_ in ("this", "that", "it"):
            return []
        if subject.pos_ == "NOUN":  # "Meissner's assumptions"
            return arguments.owners(subject, back=False) or self.phrases.actors(subject, True)
        return self.phrases.actors(subject)

    def _act(self, word: Token) -> bool:
        """Whether the lexicons code a word as an act of coercion or violence ("kidnapped",
        "abuse"), not a word of judging ("betrayed", "manipulated")."""
        if word.pos_ == "VERB":
            code = self.coder.verb_code(word)
        else:
            code = self.coder.noun_code(word) if word.pos_ == "NOUN" else None
        return code is not None and code[:2] in RULE_CODES.coercion | RULE_CODES.violence

    def _consequence(self, verb: Token, depth: int = 0) -> Token | None:
        """The act of violence in the sentence a verb of violence tells what it did, one
        happening reported once: "the blast that killed 10 people", "the bombings killed 224",
        "a bomb went off, killing 247 people", "the bombing of a clinic that killed an officer and
        maimed a nurse", "168 people were killed in a bombing", "a sniper shot and killed a
        doctor"; None when it is an act of its own."""
        coder = self.coder
        if depth > 3:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        named = subject is not None and subject.lower_ not in RELATIVE_PRONOUNS
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        if verb.dep_ == "relcl" and not named and not passive:
            subject = verb.head  # "the bombing that killed", "the bombing of a clinic that ..."
            if subject.dep_ == "pobj" and subject.head.lower_ == "of":
                subject = subject.head.head if self._violent_noun(subject.head.head) else subject
        if subject is not None and self._violent_noun(subject):
            return subject
        for prep in verb.children:  # "killed in a bombing", "injured in the blast" (not
            # "involved in the killing", where the noun is the act, nor "aircraft killed 46
            # civilians in an attack", where the verb tells who did it)
            if (
                not named
                and coder.verb_code(verb) is not None
                and prep.dep_ == "prep"
                and prep.lower_ in ("in", "by")
            ):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and self._violent_noun(pobj):
                        return pobj
        head = verb.head
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            return None
        if verb.dep_ in ("advcl", "conj", "xcomp") and verb.tag_ == "VBG":  # "went off, killing"
            return head if self._violent_verb(head) else None
        if verb.dep_ == "conj":  # "shot and killed", "killed a guard and wounded a nurse"
            act = self._consequence(head, depth + 1)
            if act is not None:
                return act
            if coder.lemma(verb) in OUTCOME_VERBS and self._violent_verb(head):
                return head
        return None

    def _violent_noun(self, noun: Token) -> bool:
        """A noun of an act of violence ("the blasts", "a bombing"), not a weapon ("the bomb
        killed 10" tells the act)."""
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in weapon_nouns():
            return False
        code = self.coder.noun_code(noun)
        return code is not None and code[:2] in RULE_CODES.violence

    def _violent_verb(self, verb: Token) -> bool:
        """A verb of violence, or one whose subject is a weapon or an act of violence ("a bomb
        went off")."""
        code = self.coder.verb_code(verb)
        if code is not None and code[:2] in RULE_CODES.violence:
            return True
        return weapon_subject(verb) or any(
            c.dep_ == "nsubj" and self._violent_noun(c) for c in verb.children
        )

    def _must_clause(self, verb: Token) -> Token | None:
        """A clause the speaker says must or should happen; not one that must have happened
        ("he must not have written the letter": a guess, no demand)."""
        for child in verb.children:
            auxes = [c.lower_ for c in child.children if c.dep_ == "aux"]
            if (
                child.dep_ == "ccomp"
                and any(a in ("must", "should") for a in auxes)
                and not ("have" in auxes and child.tag_ == "VBN")
                and not (  # "a child should be with his parents": what ought to be of
                    child.lemma_.lower() == "be"  # anyone, no demand on someone
                    and any(
                        c.dep_ == "nsubj"
                        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
                        for c in child.children
                    )
                )
            ):
                return child
        return None

    def _noun_frame(self, noun: Token) -> EventFrame | None:
        if noun.ent_type_ in NAME_TYPES:  # "Asia-Pacific Economic Cooperation" is a name
            return None
        coder, arguments = self.coder, self.arguments
        code = coder.noun_code(noun)
        if code is None or coder.figurative(noun, code):
            return None
        if noun.lemma_.lower() in weapon_nouns() and not placed_weapon(noun, coder):
            return None  # "it was a bomb", "a bomb went off" (the event is that it went off)
        if characterizes(noun):
            return None  # "this is child abuse", "the attack was a massacre": what it is called
        if kind_of_acts(noun):
            return None  # "the government has held such rallies almost daily"
        if hyphenated_phrase(noun):
            return None  # "special agent-in-charge of the FBI's Buffalo office"
        if self.view.quoted_alone(noun):
            return None  # "characterization of his retention as a ``kidnapping''": a word for it
        head = noun.head
        if noun.dep_ in ("nsubj", "dobj") and coder.lemma(head) in DESCRIBING_VERBS:
            return None  # "both charges carry a penalty", "the charge carries a fine"
        if (
            noun.dep_ in ("dobj", "nsubjpass")
            and head.pos_ == "VERB"
            and coder.lemma(head) in SUPPORT_VERBS
            and coder.verb_code(head) is None
        ):
            return None  # coded with its support verb, when that verb is visited
        if noun.dep_ == "compound" and code[:2] in RULE_CODES.happenings:
            return None  # "the bomb blast", "bombing victims": the noun only describes another
        frame = EventFrame(trigger=noun, clause=noun, code=code)
        agent_preps = SAYING_AGENT_PREPS if code[:2] in RULE_CODES.saying else (NOUN_AGENT_PREPS)
        for child in noun.children:
            if (
                child.dep_ == "poss"
                or child.dep_ in ("compound", "amod", "nmod")
                and child.ent_type_ in ENTITY_TYPES
            ):
                if (
                    code[:2] in RULE_CODES.assault
                    and child.dep_ == "compound"
                    and self.phrases.is_place(child)
                ):
                    continue  # "the Tanzania blast", "the Nairobi bombing": where it happened
                found = self.phrases.actors(child)
                if (
                    not demonym_doer(child, found)
                    and (
                        code[:2] in RULE_CODES.suffered
                        or (  # "Slepian's killing", "Kopp's arrest";
                            code[:2]
                            in RULE_CODES.violence  # a shooting coded as fighting until its
                            and found  # actors say it is an assault: "the Slepian shooting"
                            and all(a.kind == "person" for a in found)
                        )
                    )
                ):
                    frame.targets += found
                else:
                    frame.sources += found
            elif child.dep_ == "compound" and child.lemma_.lower() in perpetrator_nouns():
                frame.sources += self.phrases.actors(child)  # "the sniper shooting"
        # "a visit by X"; the "of" phrase of a protest is who protests, not whom it is against
        # ("the rally of several thousand scientists")
        doers_of = code[:2] in RULE_CODES.of_doers
        frame.sources += self._agent_phrases(
            noun, {*agent_preps, "of"} if doers_of else agent_preps
        )
        arguments.noun_targets(frame, noun, doers_of=doers_of)
        for joined in (c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
            # "harassment and threats against him by anti-abortion groups": both
            if not frame.targets:
                arguments.noun_targets(frame, joined)
            if not frame.sources:
                frame.sources = self._agent_phrases(joined, agent_preps)
        carrier = carrier_of(noun)  # "sent letters of protest to Reno": by the sender, to Reno
        if carrier is not None:
            frame.targets = frame.targets or self._carried_to(carrier)
            if not frame.sources and carrier.dep_ == "dobj":
                frame.sources = arguments.subject(carrier.head)
        if not frame.targets and code[:2] in RULE_CODES.violence:
            frame.targets = self._suffered_in(noun)  # "168 people were killed in a bombing"
        if not frame.targets and code[:2] in RULE_CODES.violence and noun.dep_ == "nsubj":
            for prep in noun.head.children:  # "an explosion ripped through the embassy"
                if prep.dep_ == "prep" and prep.lemma_.lower() in STRUCK_PREPS:
                    frame.targets += arguments.struck(prep)
        if not frame.targets and code[:2] in RULE_CODES.coercion:
            frame.targets = self._held(noun)  # "six people were in custody"
        if not frame.sources and code[:2] in RULE_CODES.consult:
            governor = arguments.governing_verb(noun)
            if governor is not None:
                frame.sources = arguments.subject(governor) or arguments.objects(governor)
        if (
            not frame.sources
            and noun.dep_ == "pobj"
            and noun.head.lower_ == "with"
            and noun.head.head.pos_ == "VERB"
        ):  # "celebrated the day with rallies", "responded with air strikes": by the subject
            frame.sources = arguments.subject(noun.head.head)
        received_in = received_with(noun.head.head)
        if received_in is not None and received_in.i == noun.i and not frame.targets:
            # "the decision was met with outrage": aimed at the decision's maker
            received = passive_subject(noun.head.head)
            if arguments.is_act(received):
                frame.targets = arguments.owners(received)
            else:
                frame.targets = self.phrases.actors(received)
        definite = any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this") for c in noun.children
        )
        happening = code[:2] in RULE_CODES.happenings
        unnamed = all(unnamed_doer(a) for a in frame.sources)
        if (
            (not frame.sources or (happening and unnamed))
            and (not frame.targets or happening)
            and (definite or happening)
            and not introduced(noun)
            and coder.lemma(noun) not in FEELING_NOUNS  # a feeling is its holder's own
        ):
            # "the talks": the actors of the act it refers back to; "the bombings", "the
            # shooting": those of the earlier report of that act, wherever in the article
            frame.antecedent = self.earlier.antecedent(code, noun, whole_article=happening)
            if frame.antecedent is not None:
                # who did it only from a report close by: far back, "the bombings" may be
                # another's, and who did them is often unknown (only the victims are sure)
                near = (
                    self.view.paragraph_index(noun.idx)
                    - self.view.paragraph_index(frame.antecedent.trigger.idx)
                    <= 2
                )
                if not frame.sources:  # "the sniper shooting" keeps its sniper
                    frame.sources = [a for a in frame.antecedent.sources if near or unnamed_doer(a)]
                frame.targets = frame.targets or list(frame.antecedent.targets)
        self._charged_content(frame)
        return frame

    def _agent_phrases(self, noun: Token, preps) -> list[ActorMention]:
        """The actors of an event noun's phrases of these prepositions ("a visit by X")."""
        return [
            actor
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lemma_.lower() in preps
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for actor in self.phrases.actors(pobj)
        ]

    def _carried_to(self, carrier: Token) -> list[ActorMention]:
        """Whom a letter or a note that carries an act is sent to: the "to" phrase of the
        document or of the verb that sends it ("sent letters of protest to Reno", "a letter of
        thanks to the mayor")."""
        found: list[ActorMention] = []
        for word in (carrier, carrier.head if carrier.dep_ == "dobj" else None):
            if word is None:
                continue
            for prep in word.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and not self.phrases.is_place(pobj):
                            found += self.phrases.actors(pobj)
            if found:
                break
        return found

    def _suffered_in(self, noun: Token) -> list[ActorMention]:
        """Whom an act of violence struck that a verb of harm tells what it did to (see
        `_consequence`): that verb's passive subject ("168 people were killed in a bombing")."""
        verb = noun.head.head
        if noun.dep_ != "pobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in OUTCOME_VERBS:
            return []
        act = self._consequence(verb)
        if act is None or act.i != noun.i:
            return []
        return next((self.phrases.actors(c) for c in verb.children if c.dep_ == "nsubjpass"), [])

    def _held(self, noun: Token) -> list[ActorMention]:
        """Who is in a state of coercion a noun names ("in custody", "into detention", "under
        arrest"): the passive subject or the object of its verb ("was taken into custody", "held
        him in detention"), else the subject of a verb that does nothing to anyone ("six people
        were in custody", "remains in jail")."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in STATE_PREPS:
            return []
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        for dep in ("nsubjpass", "dobj"):
            for child in verb.children:
                if child.dep_ == dep:
                    return self.phrases.actors(child)
        if (self.coder.verb_code(verb) or "01")[:2] in RULE_CODES.statement:
            for child in verb.children:
                if child.dep_ == "nsubj":
                    return self.phrases.actors(child)
        return []

    # -- settling a frame's arguments -----------------------------------------------------------

    def settle(self, frame: EventFrame) -> bool:
        """Unique arguments, status, places and the countries they give; False when the frame
        names no actor to report."""
        frame.sources = list({a.name: a for a in reversed(frame.sources)}.values())[::-1]
        # "troops to a force in Liberia": two unnamed militaries are two actors when their
        # countries differ
        seen = {(a.name, a.country_code) for a in frame.sources}
        targets = []
        for actor in frame.targets:
            if (actor.name, actor.country_code) not in seen:
                seen.add((actor.name, actor.country_code))
                targets.append(actor)
        frame.targets = targets
        if self.coder.lemma(frame.trigger) in FEELING_NOUNS and not frame.sources:
            return False  # "much to the dismay of his supporters": no one said to feel it
        if about_anyone(frame):
            return False  # "anyone with information is asked to call the police"
        if (
            frame.passive
            and not frame.sources
            and frame.clause.lemma_.lower() in CIRCUMSTANCE_VERBS
            and any(c.dep_ == "xcomp" for c in frame.clause.children)
        ):
            return False  # "police were forced to use tear gas": what happened made them
        if habitual(frame.trigger) or generic_plural(frame.trigger) or serial(frame.trigger):
            return False  # "the firm sells into 90 countries": what is done, not what happened
        if describing_participle(frame.clause) and frame.code[:2] not in RULE_CODES.happenings:
            return False  # "officers assigned to a task force", "a group backed by X"
        if (
            frame.code in RULE_CODES.travel
            and frame.sources
            and all(private_people(a) for a in frame.sources)
        ):
            return False  # "the migrants' arrivals", "the boy's uncle came": no visit of state
        if (
            frame.code in RULE_CODES.private_rescue
            and all(private_people(a) or a.sector in AID_FREE_SECTORS for a in frame.sources)
            and frame.targets
            and all(private_people(a) for a in frame.targets)
        ):
            return False  # "Elian was rescued off the coast by two fishermen": no aid of state
        if not frame.sources and frame.code[:2] in RULE_CODES.violence:
            # "the militants claimed the attacks", "accused Ukraine of an attack": they did it
            # (or are said to); "Slepian was killed": by the sniper who shot him
            claim = claimed_by(frame.trigger)
            accused = accused_of(frame.trigger)
            if claim is not None and passive(claim):
                frame.sources = self.arguments.participle_agents(claim)
            elif claim is not None:
                frame.sources = self.arguments.subject(claim)
            elif accused is not None:
                frame.sources = self.phrases.actors(accused)
            frame.sources = frame.sources or self.earlier.doers(frame)
        if not frame.targets and frame.code[:2] in RULE_CODES.violence:
            frame.targets = self.earlier.victims(frame)  # "where the sniper fired": at Slepian
        happening = self._happening(frame)
        if (
            not frame.sources
            and not (frame.targets and (frame.passive or frame.antecedent))
            and not happening
        ):
            return False
        if frame.needs_target and not frame.targets and not self._struck_by_weapon(frame):
            return False
        frame.status = status_of(frame)
        if frame.what_for and frame.code[:2] not in RULE_CODES.violence:
            return False  # "funding to pay for the repairs": what it is for, no act told
        if frame.code[:2] not in RULE_CODES.violence and (
            questioned(frame)  # "it was not clear whether the family would come"
            or speculated(frame, quoted=self.view.quoted(frame.clause))  # "they could provide
        ):  # him with a better life": no act (violence asked about or feared is still told)
            return False
        frame.places = self.locations.locations(frame)
        if not frame.sources and self._policing(frame):
            frame.sources = [implied_police()]  # "he was arrested": by the police
        actors = [*frame.sources, *frame.targets]
        written = [a for a in actors if a.text]  # not the police an arrest implies
        if frame.status in ("planned", "hypothetical") and (
            not actors
            or (written and all(a.text.lower().startswith(("a ", "an ", "any ")) for a in written))
        ):  # "potential charges would be filed", "if a suspect is caught": no one in particular
            return False
        self.countries.fill(frame)
        own = {a.country_code for a in frame.sources if a.country_code}
        military = actor_codes().military
        frame.targets = [  # "sent troops to Mali": the source's own forces are not its target
            a
            for a in frame.targets
            if not (a.kind == "group" and a.sector == military and a.country_code in own)
        ]
        if frame.code in RULE_CODES.trade:  # "ordered 20 jets": goods are not a military target
            frame.targets = [
                a for a in frame.targets if not (a.kind == "group" and a.country_code is None)
            ]
        if (
            not frame.targets
            and frame.code[:2] in RULE_CODES.reciprocal
            and len(frame.sources) > 1
            and self._conjoined(frame.sources)
        ):  # "Bushnell and Kimotho met": the first named meets the others
            frame.sources, frame.targets = frame.sources[:1], frame.sources[1:]
        if (
            not frame.targets
            and frame.places
            and frame.code[:2] not in RULE_CODES.statement
            and frame.code[:2] not in RULE_CODES.unnamed_target
            and not acts_on_someone(frame)
        ):
            frame.targets = self.countries.place_country(frame)
        if not frame.targets and frame.code[:2] in RULE_CODES.domestic and frame.sources:
            frame.targets = self.countries.domestic_target(frame)
        return True

    @staticmethod
    def _policing(frame: EventFrame) -> bool:
        """An arrest or a search told without who made it: a passive verb ("was arrested",
        "is being sought") or a noun ("the search for Kopp", "in custody")."""
        return (
            frame.code[:2] in RULE_CODES.policing
            and frame.trigger.lemma_.lower() in POLICING_WORDS
            and (frame.passive or frame.clause.i == frame.trigger.i)
        )

    @staticmethod
    def _struck_by_weapon(frame: EventFrame) -> bool:
        """A verb whose subject is a weapon: "bombs exploded", "a shell hit the school"."""
        return frame.trigger.pos_ == "VERB" and weapon_subject(frame.clause)

    def _happening(self, frame: EventFrame) -> bool:
        """A protest, coercion or violence the text names without naming who did it: "the
        bombings", "six people were in custody", "a bomb went off"; not a noun that only
        describes another ("bombing victims")."""
        if frame.code[:2] not in RULE_CODES.happenings:
            return False
        trigger = frame.trigger
        if trigger.i == frame.clause.i:  # an event noun
            return trigger.dep_ not in ("compound", "amod", "nmod", "poss")
        return weapon_subject(frame.clause) or any(  # a verb whose subject is what struck:
            c.dep_ == "nsubj" and self.coder.is_event_noun(c)  # "bombs exploded", "the blast
            for c in frame.clause.children  # shattered the windows"
        )

    def _conjoined(self, actors: list[ActorMention]) -> bool:
        """Whether actors are named joined by "and" ("Bushnell and Kimotho"), not one actor
        and the country it speaks for."""
        doc = self.view.doc
        heads = []
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None or not len(span):
                return False
            heads.append(span.root)
        return all(h.dep_ == "conj" for h in heads[1:])
