"""CAMEO coding: the code of a predicate, from the project's lexicons, and its refinements.

The lexicons are data files (timeline/data/cameo_codes.tsv: label, QuadClass and Goldstein score
of each code; cameo_plover.tsv: the PLOVER type of each code; cameo_verbs.tsv and cameo_nouns.tsv:
the code of a verb or event noun, each row with the conditions under which it holds, such as
"obj=missile,rocket" for "launch"). `EventCoder` matches a predicate against them and refines a
code by what it introduces ("agreed to meet": intent to meet, 036) and by the frame's status
(a planned act of force is a threat, a refusal of a modal promise a rejection).

Companies are actors like any other: the lexicons code their purchases, sales, orders, deliveries
and contracts as economic cooperation (061), their announcements and product launches as
statements (010).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import DataFileError, read_table
from timeline.nlp.actors.coreference import PERSON_NOUNS
from timeline.nlp.actors.mentions import actor_codes
from timeline.nlp.frames.status import is_modal
from timeline.nlp.nominalizations import source_verbs
from timeline.nlp.syntax import passive_subject, with_to
from timeline.nlp.verb_patterns import NO_EVENT, dictionary_code, dictionary_default
from timeline.nlp.words import (
    ENGAGE_VERBS,
    INTENT,
    PASS_THROUGH,
    PEOPLE_NOUNS,
    RECEPTION_VERBS,
    SUPPORT_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.frames.predicates import EventFrame


@dataclass(frozen=True)
class LexEntry:
    """One lexicon row: the code a word gets when all its conditions hold."""

    code: str
    conditions: tuple[tuple[str, frozenset[str]], ...] = ()
    # the verb dictionary's code of a verb alone, no pattern matched: an event only with a target
    needs_target: bool = False


@dataclass(frozen=True)
class CodeInfo:
    label: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True)
class PloverInfo:
    type: str
    mode: str | None
    context: str | None


@dataclass(frozen=True)
class Introducer:
    """The kind of act an introducing verb is, by its code's root (cameo_introducers.tsv)."""

    kind: str  # intent, reject, threaten, appeal, demand
    general: str  # the kind's code when the action gives no other
    yield_family: str | None  # the codes of yielding a concession, without the last digit


@dataclass
class CameoLexicon:
    """The CAMEO code table, the CAMEO -> PLOVER table, the verb and noun lexicons and the
    refinements of introducing acts."""

    codes: dict[str, CodeInfo]
    plover: dict[str, PloverInfo]
    verbs: dict[str, list[LexEntry]]
    nouns: dict[str, list[LexEntry]]
    introducers: dict[str, Introducer]  # root -> kind
    refinements: dict[str, dict[str, str | None]]  # kind -> action root -> code (None: its own)
    yield_digits: dict[str, str]  # a yielding code -> the last digit of its family's code

    def code_info(self, code: str) -> CodeInfo:
        return self.codes[code]

    def plover_info(self, code: str) -> PloverInfo | None:
        """The PLOVER row of a code, else of its nearest listed ancestor (0211 -> 021 -> 020)."""
        while code:
            info = self.plover.get(code)
            if info is not None:
                return info
            code = code[:-1] if len(code) > 3 else (code[:2] + "0" if code[2] != "0" else "")
        return None


# What a lexicon row's conditions may test (see `EventCoder.holds`)
CONDITION_KEYS = (
    "obj", "prep", "prt", "pobj", "xcomp", "mod", "subj", "oprd", "under", "pcomp", "that",
)  # fmt: skip


def _read_word_lexicon(name: str, codes: dict[str, CodeInfo]) -> dict[str, list[LexEntry]]:
    table: dict[str, list[LexEntry]] = {}
    for row in read_table(name):
        if len(row) < 2:
            raise ValueError(f"{name}: a row needs a lemma and a code: {list(row)!r}")
        lemma, code = row[0].lower(), row[1]
        if code not in codes and code != NO_EVENT:
            raise ValueError(f"{name}: unknown CAMEO code {code} for {lemma!r}")
        conditions = []
        if len(row) > 2 and row[2]:
            for part in row[2].split(";"):
                key, _, values = part.partition("=")
                key = key.strip()
                words = frozenset(w.strip().lower() for w in values.split(",") if w.strip())
                if key not in CONDITION_KEYS or not words:
                    raise ValueError(f"{name}: bad condition {part!r} for {lemma!r}")
                conditions.append((key, words))
        table.setdefault(lemma, []).append(LexEntry(code, tuple(conditions)))
    for entries in table.values():  # most conditions first; the file order breaks ties
        entries.sort(key=lambda entry: -len(entry.conditions))
    return table


@lru_cache(maxsize=1)
def cameo_lexicon() -> CameoLexicon:
    """The lexicons, read from timeline/data once per process."""
    codes: dict[str, CodeInfo] = {}
    for row in read_table("cameo_codes.tsv"):
        code, label, quad, goldstein = row[:4]
        codes[code] = CodeInfo(label, int(quad), float(goldstein))
    plover: dict[str, PloverInfo] = {}
    for row in read_table("cameo_plover.tsv"):
        code, kind, mode, context = row[:4]
        plover[code] = PloverInfo(
            kind, None if mode == "-" else mode, None if context == "-" else context
        )
    refinements: dict[str, dict[str, str | None]] = {}
    for kind, root, code in read_table("cameo_refinements.tsv"):
        refinements.setdefault(kind, {})[root] = None if code == "=" else code
    return CameoLexicon(
        codes=codes,
        plover=plover,
        verbs=_read_word_lexicon("cameo_verbs.tsv", codes),
        nouns=_read_word_lexicon("cameo_nouns.tsv", codes),
        introducers={
            root: Introducer(kind, general, None if family == "-" else family)
            for root, kind, general, family in read_table("cameo_introducers.tsv")
        },
        refinements=refinements,
        yield_digits=dict(read_table("cameo_yield_concessions.tsv").rows),
    )


@dataclass(frozen=True)
class RuleCodes:
    """The CAMEO codes (roots, or whole codes for `trade`) each rule singles out: see
    cameo_rule_codes.tsv for what each rule does with them."""

    statement: frozenset[str]
    saying: frozenset[str]
    not_intended: frozenset[str]
    demand_clause: frozenset[str]
    consult: frozenset[str]
    force: frozenset[str]
    planned_force: frozenset[str]
    planned_cooperation: frozenset[str]
    refusable: frozenset[str]
    yielding: frozenset[str]
    beneficiary: frozenset[str]
    taking_from: frozenset[str]
    over_target: frozenset[str]
    place_object: frozenset[str]
    domestic: frozenset[str]
    coercion: frozenset[str]
    violence: frozenset[str]
    trade: frozenset[str]
    derived_nouns: frozenset[str]
    happenings: frozenset[str]
    suffered: frozenset[str]
    travel: frozenset[str]
    private_rescue: frozenset[str]
    reciprocal: frozenset[str]
    leaving_state: frozenset[str]
    policing: frozenset[str]
    accusation_clause: frozenset[str]
    unnamed_target: frozenset[str]
    conditional_target: frozenset[str]
    act_owner: frozenset[str]
    assault: frozenset[str]
    of_doers: frozenset[str]
    protest_aims: frozenset[str]
    among_doers: frozenset[str]
    said_anywhere: frozenset[str]


@lru_cache(maxsize=1)
def agent_nouns() -> frozenset[str]:
    """The nouns of the agent dictionary (petrarch_agents.tsv): kinds of actors."""
    return frozenset(row[0] for row in read_table("petrarch_agents.tsv") if " " not in row[0])


@lru_cache(maxsize=1)
def figurative_violence() -> frozenset[str]:
    """figurative_violence.tsv: the modifiers of a noun of violence that make it words only."""
    return frozenset(row[0] for row in read_table("figurative_violence.tsv"))


def received_with(verb: Token) -> Token | None:
    """The noun of a passive verb of receiving's "with" phrase: "was met with outrage"."""
    if verb.lemma_.lower() not in RECEPTION_VERBS:
        return None
    if passive_subject(verb) is None:
        return None
    return next(
        (
            pobj
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ),
        None,
    )


def _would(clause: Token) -> bool:
    """A clause with "would" ("said it would tighten the blockade"): what its actor means to
    do, not what someone fears may happen ("exiles might harm the boy")."""
    verb = (
        clause.head if clause.pos_ in ("NOUN", "PROPN") else clause
    )  # "would tighten the blockade"
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children)


def _people(token: Token) -> bool:
    """Whether a phrase's head is people: a person named, "him", "her", "them" (or "he", "she"
    as a passive subject: "he must be returned"), or a noun for people ("residents", "suspects",
    "the boy": frames_people_nouns.tsv, person_nouns.tsv)."""
    if token.ent_type_ == "PERSON" or token.lower_ in ("him", "her", "them", "he", "she"):
        return True
    lemma = token.lemma_.lower()
    return lemma in PEOPLE_NOUNS or lemma in PERSON_NOUNS or lemma in ("suspect", "witness")


def _hyphenated(token: Token) -> bool:
    """Whether a token is the last part of a word written with hyphens ("tug-of-war")."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.text == "-" and not before.whitespace_


@lru_cache(maxsize=1)
def not_struck() -> frozenset[str]:
    """violence_non_targets.tsv: what a verb of violence acts on when it is no violence."""
    return frozenset(row[0] for row in read_table("violence_non_targets.tsv"))


@lru_cache(maxsize=1)
def assaults() -> dict[str, str]:
    """cameo_assaults.tsv: lemma -> the code of that violence by no state's armed force."""
    return dict(read_table("cameo_assaults.tsv").rows)


@lru_cache(maxsize=1)
def weapon_nouns() -> frozenset[str]:
    """Nouns of weapons (the verb dictionary's word class &weapon, one-word phrases, and the
    singular of their plurals): what struck, when a text names no one who struck."""
    words = set()
    for name, phrase, _ in read_table("petrarch_synsets.tsv"):
        if name == "&weapon" and " " not in phrase:
            words.add(phrase[:-1] if phrase.endswith("s") and len(phrase) > 4 else phrase)
    return frozenset(words)


@lru_cache(maxsize=1)
def rule_codes() -> RuleCodes:
    """cameo_rule_codes.tsv, which names exactly the rules of `RuleCodes`."""
    name = "cameo_rule_codes.tsv"
    rules = {rule: frozenset(codes.split()) for rule, codes, _ in read_table(name)}
    expected = {field.name for field in fields(RuleCodes)}
    if set(rules) != expected:
        raise DataFileError(f"{name}: the rules are not {sorted(expected)}")
    return RuleCodes(**rules)


RULE_CODES = rule_codes()


class EventCoder:
    """The CAMEO code of predicates of the parse."""

    def __init__(self, lexicon: CameoLexicon) -> None:
        self.lexicon = lexicon
        self.general = {i.kind: i.general for i in lexicon.introducers.values()}
        self.yield_family = {i.kind: i.yield_family for i in lexicon.introducers.values()}
        self._derived: dict[str, str | None] = {}

    def introducer(self, code: str) -> Introducer | None:
        """The kind of introducing act a verb of this code is, if it is one."""
        return self.lexicon.introducers.get(code[:2])

    def is_event_noun(self, token: Token) -> bool:
        """Whether a noun's lemma is listed in the noun lexicon (it may still not match), or a
        common noun is made from a coded verb (`nominalizations`)."""
        lemma = token.lemma_.lower()
        if lemma in self.lexicon.nouns:
            return True
        return token.pos_ == "NOUN" and self.derived_noun_code(lemma) is not None

    def derived_noun_code(self, noun: str) -> str | None:
        """The code of a noun made from a verb the lexicons code without a pattern ("bombing"
        from "bomb", "explosion" from "explode", "a raid"), for the roots of `derived_nouns`
        only; a noun the agent dictionary lists is a kind of actor, not an act."""
        if noun in self._derived:
            return self._derived[noun]
        code = None
        if noun not in agent_nouns():  # "exiles", "spies": people, not acts
            for verb in source_verbs(noun):
                found = self.plain_verb_code(verb)
                if found is not None and found[:2] in RULE_CODES.derived_nouns:
                    code = found
                    break
        self._derived[noun] = code
        return code

    def plain_verb_code(self, lemma: str) -> str | None:
        """The code a verb has with no context: the project lexicon's row without conditions,
        else the verb dictionary's own code."""
        entries = self.lexicon.verbs.get(lemma)
        if entries:
            plain = [e for e in entries if not e.conditions]
            return plain[0].code if plain else None
        return self.known_code(code) if (code := dictionary_default(lemma)) else None

    # -- matching a predicate against the lexicons ----------------------------------------------

    def _object_lemmas(self, verb: Token) -> set[str]:
        lemmas: set[str] = set()
        described = [verb.head] if verb.dep_ == "acl" and verb.tag_ == "VBN" else []
        for child in [*verb.children, *described]:  # "an activist sought by the FBI"
            heads = []
            if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd") or child in described:
                heads.append(child)
            elif child.dep_ == "prep" and child.lemma_.lower() in ("with", "for", "on", "in", "by"):
                heads.extend(c for c in child.children if c.dep_ == "pobj")
            for head in heads:
                lemmas.add(head.lemma_.lower())
                if _people(head):
                    lemmas.add("@person")  # "Kopp is being sought", "questioned 100 people"
                lemmas.update(
                    c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod")
                )
                for prep in head.children:  # "700 kg of medicine", "a shipment of weapons"
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        lemmas.update(c.lemma_.lower() for c in prep.children if c.dep_ == "pobj")
        return lemmas

    def holds(self, token: Token, key: str, words: frozenset[str]) -> bool:
        """Whether a lexicon row's condition holds of a predicate: its object, preposition,
        governed infinitive, modifier or subject is one of `words`."""
        if key == "obj":
            return bool(self._object_lemmas(token) & words)
        if key == "prep":  # "called for X", not "called on Sunday"; "went off" read as an adverb
            return any(
                (c.dep_ in ("prep", "prt", "agent") or (c.dep_ == "advmod" and c.i == token.i + 1))
                and c.lemma_.lower() in words
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                for c in token.children
            )
        if key == "pobj":  # the object of one of its prepositions: "took the suspect to jail"
            return any(
                p.dep_ == "pobj" and p.lemma_.lower() in words
                for c in token.children
                if c.dep_ == "prep"
                for p in c.children
            )
        if key == "prt":  # a particle only: "took in the child", not "took the city in a raid"
            return any(c.dep_ == "prt" and c.lemma_.lower() in words for c in token.children)
        if key == "xcomp":  # the parser often attaches "selected X to build" as a clause
            return any(
                ("*" in words or c.lemma_.lower() in words)
                and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and with_to(c)))
                for c in token.children
            )
        if key == "subj":
            while token.dep_ == "xcomp" and not any(
                c.dep_ in ("nsubj", "agent") for c in token.children
            ):  # "protesters were beginning to gather": the subject of the verb above
                token = token.head
            if token.dep_ == "acl" and token.tag_ == "VBG":  # "the case surrounding his fate":
                lemmas = {token.head.lemma_.lower()}  # a participle's noun is its subject
                if lemmas & words:
                    return True
            for child in token.children:
                if child.dep_ in ("nsubj", "agent"):
                    heads = [child] if child.dep_ == "nsubj" else list(child.children)
                    for head in heads:
                        lemmas = {head.lemma_.lower()}
                        lemmas.update(c.lemma_.lower() for c in head.children)
                        if lemmas & words:
                            return True
            return False
        if key == "oprd":  # "called Bush a liar": what the object is called
            return any(
                c.dep_ == "oprd" and ("*" in words or c.lemma_.lower() in words)
                for c in token.children
            )
        if key == "mod":
            return any(
                c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in words
                for c in token.children
            )
        if key == "under":  # "held in custody", "taken into custody"
            return token.dep_ == "pobj" and token.head.lower_ in words
        if key == "that":  # "charges that he lied": what is said, not a court's charge
            return any(
                c.dep_ in ("acl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ in words for m in c.children)
                for c in token.children
            )
        if key == "pcomp":  # "attacked him for failing to act": a reason, not a duration
            return any(
                c.dep_ == "prep"
                and c.lemma_.lower() in words
                and any(g.dep_ == "pcomp" for g in c.children)
                for c in token.children
            )
        return False

    def lemma(self, token: Token) -> str:
        """The lemma, mended where the lemmatizer cuts a silent e ("staged" -> "stag")."""
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and token.lower_.endswith(("ed", "es", "ing")):
            mended = lemma + "e"
            verbs = self.lexicon.verbs
            if lemma not in verbs and (mended in verbs or mended in SUPPORT_VERBS):
                return mended
        return lemma

    def _match_entry(self, table: dict[str, list[LexEntry]], token: Token) -> LexEntry | None:
        """The row that holds for a token; None when none does or the row says "no event"."""
        entry = self._matching_row(table, token)
        return None if entry is None or entry.code == NO_EVENT else entry

    def _matching_row(self, table: dict[str, list[LexEntry]], token: Token) -> LexEntry | None:
        entries = None
        if token.tag_ in ("NNS", "NNPS"):  # "talks" is not "talk"
            entries = table.get(token.lower_)
        if not entries:
            entries = table.get(self.lemma(token))
        if not entries:
            return None
        for entry in entries:
            if all(self.holds(token, key, words) for key, words in entry.conditions):
                return entry
        return None

    def verb_entry(self, token: Token) -> LexEntry | None:
        """The lexicon row that matches a predicate: the project's verb lexicon when one of its
        rows holds (a row without conditions always does, and --- says "no event"), else the
        CAMEO verb dictionary (its patterns, then the verb's own code)."""
        lemma = self.lemma(token)
        if (received := received_with(token)) is not None and self.noun_code(received):
            return None  # "the decision was met with outrage": the outrage is the event
        if lemma in self.lexicon.verbs or token.lower_ in self.lexicon.verbs:
            entry = self._matching_row(self.lexicon.verbs, token)
            if entry is not None:  # a row of the project's lexicon holds: it decides
                return None if entry.code == NO_EVENT else entry
        if self.carries_event_noun(token, lemma):
            return None  # "held talks", "paid a visit": the event is the noun
        found = dictionary_code(token, lemma)
        if found is None:
            return None
        code, pattern = found
        return LexEntry(self.known_code(code), needs_target=pattern is None)

    def verb_code(self, token: Token) -> str | None:
        """The code the verb lexicons give a predicate, if any."""
        entry = self.verb_entry(token)
        return entry.code if entry is not None else None

    def carries_event_noun(self, verb: Token, lemma: str) -> bool:
        """A support verb with an event noun as its object ("held talks"), or a verb of taking
        part with one in its "in" phrase ("engaged in fighting")."""
        if lemma in SUPPORT_VERBS and self.support_noun(verb) is not None:
            return True
        return lemma in ENGAGE_VERBS and any(
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(g.dep_ == "pobj" and self.noun_code(g) for g in child.children)
            for child in verb.children
        )

    def known_code(self, code: str) -> str:
        """A code of the code table: a dictionary's code, or its nearest listed ancestor."""
        while code and code not in self.lexicon.codes:
            code = code[:-1] if len(code) > 3 else (code[:2] + "0" if code[2:] != "0" else "")
        return code or "010"

    def noun_code(self, token: Token) -> str | None:
        """The code the noun lexicon gives an event noun, else the code of the verb it is made
        from, if any."""
        entry = self._match_entry(self.lexicon.nouns, token)
        if entry is not None:
            return entry.code
        lemma = token.lemma_.lower()
        if lemma in self.lexicon.nouns or token.lower_ in self.lexicon.nouns:
            return None  # listed, but its conditions do not hold
        if token.pos_ != "NOUN":  # a name ("March", "Attack Force One") is not made from a verb
            return None
        return self.derived_noun_code(lemma)

    def figurative(self, token: Token, code: str) -> bool:
        """Violence in words only ("the custody battle", "a price war", "a legal fight":
        figurative_violence.tsv), or in sports, illness and disasters ("hit a jumper", "battling
        cancer", "fought the blaze": violence_non_targets.tsv)."""
        if code[:2] not in RULE_CODES.violence:
            return False
        if token.pos_ != "VERB" and _hyphenated(token):
            return True  # the end of a word made with hyphens: "a tug-of-war", "a cease-fire"
        words = figurative_violence()
        if any(
            child.dep_ in ("compound", "amod", "nmod") and child.lemma_.lower() in words
            for child in token.children
        ):
            return True
        if token.pos_ != "VERB":
            return False
        struck = not_struck()  # "hit a jumper", "battling cancer", "fought the blaze"
        return any(
            child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in struck
            for child in token.children
        )

    def support_noun(self, verb: Token) -> tuple[str, Token] | None:
        """(code, noun) of the event noun a support verb carries: "made a visit"."""
        if self.lemma(verb) not in SUPPORT_VERBS:
            return None
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                code = self.noun_code(child)
                if code is not None:
                    return code, child
        return None

    def action(self, verb: Token) -> tuple[str | None, Token | None, Token | None]:
        """(code, action, noun) of the action an introducing verb governs: its infinitive (with
        the event noun it carries as a support verb, if that gives the code) or its object
        noun."""
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                target = child
                while target.lemma_.lower() in PASS_THROUGH and target.lemma_.lower() != "help":
                    nxt = next((c for c in target.children if c.dep_ == "xcomp"), None)
                    if nxt is None:
                        break
                    target = nxt
                code = self.verb_code(target)
                noun = None
                if code is None:
                    found = self.support_noun(target)
                    if found is not None:
                        code, noun = found
                return code, target, noun
        clauses = list(verb.children)
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PASS_THROUGH:
            clauses += [  # "continued to vow they would block ...", the clause hung on "continued"
                c for c in verb.head.children if c.dep_ == "ccomp" and c.i > verb.i
            ]
        for child in clauses:
            if child.dep_ == "ccomp" and verb.lemma_.lower() in ("demand", "urge", "ask"):
                return self.verb_code(child), child, None
            if child.dep_ == "ccomp" and any(  # "vowed they would block any attempt"
                a.dep_ == "aux" and a.lower_ in ("would", "will", "'d", "'ll", "shall")
                for a in child.children
            ):
                return self.verb_code(child), child, None
        for child in verb.children:
            nouns = []
            if child.dep_ in ("dobj",):
                nouns.append(child)
            elif child.dep_ == "prep" and child.lemma_.lower() in ("for", "to"):
                nouns.extend(c for c in child.children if c.dep_ == "pobj")
            for noun in nouns:
                code = self.noun_code(noun)
                if code is not None:
                    return code, noun, None
        return None, None, None

    # -- refining a code ------------------------------------------------------------------------

    def refine(self, kind: str, action: str | None, base: str | None = None) -> str:
        """The code of an act of `kind` (intent, reject, threaten, appeal, demand) about an action
        of code `action`: "agreed to meet" is intent to meet (036). Without an action, or one
        whose root the kind does not refine, `base` (by default the kind's general code)."""
        if base is None:
            base = self.general[kind]
        if action is None:
            return base
        root = action[:2]
        table = self.lexicon.refinements[kind]
        if root not in table:
            if kind == "intent" and root in RULE_CODES.force:
                return self.refine("threaten", action)
            return base
        code = table[root]
        if code is None:
            return action
        if root in RULE_CODES.yielding:
            digit = self.lexicon.yield_digits.get(action[:3])
            family = self.yield_family[kind]
            if digit and family is not None:
                candidate = family + digit
                if candidate in self.lexicon.codes:
                    return candidate
        return code

    def intent_code(self, action: str) -> str:
        """The code of a planned/intended action: intent to cooperate, or a threat."""
        return self.refine("intent", action)

    def recode_by_actors(self, frame: EventFrame) -> None:
        """Violence by no state's armed force is unconventional (18), not military (19): "a
        sniper shot the doctor", "the killing" (cameo_assaults.tsv)."""
        if frame.code[:2] not in RULE_CODES.violence or frame.code[:2] == "18":
            return
        trigger = frame.trigger
        lemmas = [self.lemma(trigger)]
        if trigger.pos_ != "VERB":
            lemmas += source_verbs(trigger.lemma_.lower())
        assault = next((assaults()[lemma] for lemma in lemmas if lemma in assaults()), None)
        if assault is None:
            return
        force = actor_codes().force
        if any(a.kind == "country" or a.sector in force for a in frame.sources):
            return
        frame.code = self.known_code(assault)

    def recode_by_status(self, frame: EventFrame) -> None:
        """A frame's code as its status makes it: a planned or hypothetical act of force is a
        threat ("will impose a curfew"), of cooperation an intent ("would allow inspectors"); a
        negated modal promise is a refusal ("will not meet their demands"); an act its actor
        intends ("plans to visit") is intent."""
        root = frame.code[:2]
        if frame.purpose:
            pass  # "a deal to destroy the weapons": the aim keeps its own code
        elif root in RULE_CODES.planned_force and (
            frame.status == "planned" or frame.status == "hypothetical" and _would(frame.clause)
        ):
            frame.code = self.refine("threaten", frame.code)  # "will impose a curfew"
        elif frame.status in ("planned", "hypothetical") and root in RULE_CODES.planned_cooperation:
            frame.code = self.intent_code(frame.code)  # "would allow inspectors"
        elif (
            frame.status == "negated" and root in RULE_CODES.refusable and is_modal(frame.clause)
        ):  # "will not meet their demands": a refusal
            frame.code = self.refine("reject", frame.code)
            frame.status = "asserted"
        if (
            frame.clause.dep_ == "xcomp"
            and frame.clause.head.lemma_.lower() in INTENT
            and frame.code[:2] not in RULE_CODES.not_intended
        ):
            frame.code = self.intent_code(frame.code)
        if (
            frame.trigger.pos_ == "ADJ"
            and frame.trigger.lemma_.lower() in INTENT
            and frame.code[:2] not in ("03", "13")  # (a planned attack is a threat already)
        ):  # "willing to renounce immunity": intent, whatever the act ("ready to use force"
            # is a threat)
            threat = frame.code[:2] in RULE_CODES.planned_force
            code = self.refine("threaten" if threat else "intent", frame.code)
            frame.code = code if code[:2] in ("03", "13") else ("130" if threat else "030")
