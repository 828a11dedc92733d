"""Event stage: turn a parsed article into coded events (who did what to whom, where and when).

Each predicate that reports something a political actor did, said, planned or suffered (a verb or
an event noun) becomes one `Event`: its CAMEO code from the project's lexicons
(timeline/data/cameo_verbs.tsv, cameo_nouns.tsv), label, QuadClass, Goldstein score and PLOVER
type; its source and target actors and its places (resolved by `timeline.resolve`); its status
(asserted / planned / negated / hypothetical / reported); and its date, taken from the time
expression that governs it in the parse, else from a date earlier in the same paragraph, else
from the publication date.

Decisions worth knowing:

* Places and targets. A place in a locative phrase ("arrives in Moscow", "a stop in Lucca") is a
  location of the event, never an actor written with the place's words. When nothing else is the
  target, the country the place lies in is (CAMEO codes a visit to Moscow as a visit to Russia and a
  curfew lifted in Montenegro as an act towards Montenegro); that target carries no text or
  offsets, so "Moscow" is never recorded as a name of Russia. A country named as such after a
  motion preposition ("sent aid to Greece") is the target itself.
* Companies are actors (the resolver's organizations): their purchases, sales, orders, deliveries
  and contracts are economic cooperation (061), their announcements and product launches are
  statements (010).
* A purpose infinitive ("a deal to destroy the weapons") is planned, with its own code; a planned
  or hypothetical act of force announced by its actor ("will impose a curfew") is a threat.
* Dating: the paragraph's narrative anchor does not date present-tense verbs (they are dated at
  publication) nor past-tense verbs with a later date, and dates a statement only when it is a
  day of the week before publication ("yesterday ..., Tillerson said").
* Actors without a country take it from the context: an office holder from the one country the
  article names, a described person from the description, unnamed groups from their place or the
  place of the violence ("civilians" -> "Egypt civilians"); a protest against no one named is
  against the source's own country, as CAMEO codes it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.records import DATE, TIME, ActorMention, Event, PlaceMention, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Lexicon", "extract_events", "lexicon"]

# ---------------------------------------------------------------------------------------------
# Lexicons (data files, loaded once per process)


@dataclass(frozen=True)
class LexEntry:
    """One lexicon row: the code a word gets when all its conditions hold."""

    code: str
    conditions: tuple[tuple[str, frozenset[str]], ...] = ()


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


@dataclass
class Lexicon:
    """The CAMEO code table, the CAMEO -> PLOVER table and the verb and noun lexicons."""

    codes: dict[str, CodeInfo]
    plover: dict[str, PloverInfo]
    verbs: dict[str, list[LexEntry]]
    nouns: dict[str, list[LexEntry]]

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


_CONDITION_KEYS = ("obj", "prep", "xcomp", "mod", "subj")


def _data_lines(name: str) -> list[list[str]]:
    return [list(row) for row in read_table(name)]


def _read_word_lexicon(name: str, codes: dict[str, CodeInfo]) -> dict[str, list[LexEntry]]:
    table: dict[str, list[LexEntry]] = {}
    for row in _data_lines(name):
        if len(row) < 2:
            raise ValueError(f"{name}: a row needs a lemma and a code: {row!r}")
        lemma, code = row[0].lower(), row[1]
        if code not in codes:
            raise ValueError(f"{name}: unknown CAMEO code {code} for {lemma!r}")
        conditions = []
        if len(row) > 2 and row[2]:
            for part in row[2].split(";"):
                key, _, values = part.partition("=")
                key = key.strip()
                words = frozenset(w.strip().lower() for w in values.split(",") if w.strip())
                if key not in _CONDITION_KEYS or not words:
                    raise ValueError(f"{name}: bad condition {part!r} for {lemma!r}")
                conditions.append((key, words))
        table.setdefault(lemma, []).append(LexEntry(code, tuple(conditions)))
    for entries in table.values():  # most conditions first; the file order breaks ties
        entries.sort(key=lambda entry: -len(entry.conditions))
    return table


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicons, read from timeline/data once per process."""
    codes: dict[str, CodeInfo] = {}
    for row in _data_lines("cameo_codes.tsv"):
        code, label, quad, goldstein = row[:4]
        codes[code] = CodeInfo(label, int(quad), float(goldstein))
    plover: dict[str, PloverInfo] = {}
    for row in _data_lines("cameo_plover.tsv"):
        code, kind, mode, context = row[:4]
        plover[code] = PloverInfo(
            kind, None if mode == "-" else mode, None if context == "-" else context
        )
    return Lexicon(
        codes=codes,
        plover=plover,
        verbs=_read_word_lexicon("cameo_verbs.tsv", codes),
        nouns=_read_word_lexicon("cameo_nouns.tsv", codes),
    )


# ---------------------------------------------------------------------------------------------
# Word classes the frame builder needs (grammar, not coding: the codes live in the data files)

# Verbs that pass their subject, status and time to the infinitive they govern, which is the event
# ("plans to meet", "helped broker", "is going to add"); the value is the status they give it.
_PASS_THROUGH = {
    "plan": "planned",
    "intend": "planned",
    "aim": "planned",
    "expect": "planned",
    "hope": "planned",
    "want": "planned",
    "wish": "planned",
    "seek": "planned",
    "prepare": "planned",
    "schedule": "planned",
    "set": "planned",
    "go": "planned",
    "be": "planned",
    "due": "planned",
    "need": "planned",
    "have": None,
    "try": "planned",
    "attempt": "planned",
    "decide": "planned",
    "help": None,
    "continue": None,
    "begin": None,
    "start": None,
    "resume": None,
    "manage": None,
    "move": None,
    "get": None,
    "appear": None,
    "seem": None,
    "ready": "planned",
    "willing": "planned",
    "prepared": "planned",
    "eager": "planned",
    "determined": "planned",
    "use": None,
    "avoid": "negated",
    "fail": "negated",
    "refrain": "negated",
    "cease": "negated",
    "stop": "negated",
}
# Verbs whose subject intends the action they govern: the action is coded as intent (CAMEO 03)
_INTENT = {
    "plan",
    "intend",
    "want",
    "hope",
    "seek",
    "wish",
    "aim",
    "prepare",
    "decide",
    "ready",
    "willing",
    "prepared",
    "eager",
    "determined",
}
# Verbs that introduce an action and are the event themselves, coded from that action.
_INTRODUCER_ROOTS = {
    "03": "intent",
    "12": "reject",
    "13": "threaten",
    "02": "appeal",
    "10": "demand",
}
_INTRODUCERS = {
    "agree",
    "offer",
    "promise",
    "pledge",
    "vow",
    "commit",
    "undertake",
    "volunteer",
    "consent",
    "refuse",
    "decline",
    "reject",
    "threaten",
    "warn",
    "demand",
    "urge",
    "call",
    "ask",
    "appeal",
    "request",
    "press",
    "pressure",
    "plead",
    "order",
    "accept",
}
# Verbs whose object is the subject of the infinitive ("urged Iran to stop")
_OBJECT_CONTROL = {
    "urge",
    "ask",
    "tell",
    "order",
    "force",
    "persuade",
    "call",
    "invite",
    "press",
    "pressure",
    "encourage",
    "allow",
    "help",
    "request",
    "appeal",
    "push",
    "compel",
}
# Support verbs: the event is their object noun ("make a visit", "hold talks", "launch strikes")
_SUPPORT_VERBS = {
    "make",
    "hold",
    "conduct",
    "carry",
    "launch",
    "stage",
    "pay",
    "undertake",
    "begin",
    "start",
    "continue",
    "resume",
    "have",
    "give",
    "issue",
    "mount",
    "wage",
    "host",
    "attend",
    "open",
    "organize",
    "organise",
    "announce",
    "deliver",
    "lodge",
    "file",
    "level",
    "express",
    "voice",
    "take",
    "go",
    "end",
    "complete",
    "sign",
    "reach",
    "conclude",
    "call",
    "order",
    "impose",
    "renew",
    "speed",
    "accelerate",
    "declare",
    "unleash",
    "step",
    "intensify",
    "plan",
}
_SPEECH = {
    "say",
    "tell",
    "announce",
    "state",
    "declare",
    "claim",
    "report",
    "add",
    "note",
    "insist",
    "warn",
    "confirm",
    "stress",
    "argue",
    "allege",
    "deny",
    "reiterate",
    "assert",
    "affirm",
    "explain",
    "write",
    "believe",
    "think",
    "predict",
    "estimate",
    "suggest",
    "indicate",
    "acknowledge",
    "admit",
    "reply",
    "respond",
    "comment",
    "remark",
    "accuse",
    "charge",
}
_SPEECH_NOUNS = {"statement", "accusation", "allegation", "claim", "report", "warning", "hope"}
_NEGATORS = {"not", "n't", "never", "no"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_RELATIVE_PRONOUNS = {"who", "whom", "that", "which", "whose"}
_NON_PERSONAL_PRONOUNS = {"it", "its", "they", "their", "them", "itself", "themselves"}
_PLACE_PREPS = {
    "in",
    "at",
    "to",
    "near",
    "into",
    "inside",
    "outside",
    "across",
    "throughout",
    "toward",
    "towards",
    "around",
    "within",
    "from",
    "along",
    "over",
}
_MOTION_PREPS = {"to", "into", "toward", "towards"}
_TARGET_PREPS = {
    "over",
    "with",
    "against",
    "on",
    "at",
    "toward",
    "towards",
    "to",
    "upon",
    "into",
    "for",
}
_NOUN_AGENT_PREPS = {"by"}
_SAYING_AGENT_PREPS = {"by", "from"}
_NOUN_TARGET_PREPS = {
    "of",
    "against",
    "on",
    "with",
    "to",
    "at",
    "toward",
    "towards",
    "over",
    "between",  # "a meeting between Israel and the PLO"
}
_TEMPORAL_PREPS = {"after", "before", "since", "until", "till", "following", "prior", "ahead"}
_ENTITY_TYPES = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
# Dependencies that leave the noun phrase of an argument: the actor is the phrase without them
_OUTSIDE_PHRASE = {
    "relcl",
    "acl",
    "advcl",
    "prep",
    "appos",
    "conj",
    "cc",
    "punct",
    "ccomp",
    "xcomp",
    "parataxis",
    "dep",
}
# Nouns for groups of people whose affiliation is given by a place: "protesters in Cairo"
_PEOPLE = {
    "people",
    "protester",
    "demonstrator",
    "resident",
    "inhabitant",
    "villager",
    "worker",
    "student",
    "civilian",
    "activist",
    "youth",
    "crowd",
    "citizen",
    "refugee",
    "settler",
    "farmer",
    "supporter",
    "member",
    "thousand",
    "hundred",
    "dozen",
    "official",
    "authority",
    "police",
    "troop",
    "soldier",
    "force",
    "militant",
    "rebel",
    "leader",
    "opposition",
}
# Participles whose passive subject is the one who acts: "is opposed to", "is committed to"
_STATIVE_PASSIVES = {"oppose", "commit", "determine", "prepare", "dedicate", "engage", "involve"}
_NAME_TYPES = {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"}
_PARTNER_PREPS = {"with", "against", "to", "toward", "towards", "on"}
_CONFLICT_ACTIONS = {"14", "16", "17", "18", "19", "20"}
# Common nouns for a kind of place, named by their modifier: "Montenegro province", "Gaza city"
_PLACE_NOUNS = {
    "province",
    "region",
    "state",
    "district",
    "county",
    "city",
    "town",
    "village",
    "area",
    "territory",
    "enclave",
    "republic",
}
# Roots whose "for" names the one the act is for: "aid for Nepal", "calls for Iran to ..."
_FOR_BENEFICIARY = {"02", "03", "05", "07", "10", "11"}
# Nouns that refer back to the company just named: "the company said", "the airline signed"
_COMPANY_NOUNS = {
    "company",
    "firm",
    "airline",
    "carrier",
    "manufacturer",
    "maker",
    "corporation",
    "planemaker",
    "automaker",
    "retailer",
    "bank",
    "group",
}
# Verbs whose "in" phrase names the event: "engaged in fighting", "took part in talks"
_ENGAGE_VERBS = {"engage", "participate", "join", "involve", "take"}
# Sectors of office holders whose country is their state's: a "President X" or "Defense Minister X"
_STATE_SECTORS = {"GOV", "MIL", "JUD", "LEG", "COP", "SPY"}

# Refining an introducing verb by the action it introduces, by the action's CAMEO root
_REFINE = {
    "intent": {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": None},
    "reject": {"04": "125", "06": "121", "07": "122", "08": "124", "05": "120"},
    "threaten": {
        "04": "134",
        "16": "131",
        "17": "132",
        "14": "133",
        "15": "138",
        "18": "138",
        "19": "138",
        "20": "138",
    },
    "appeal": {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"},
    "demand": {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"},
}
# The sub-code of a yield (08) action in the 0x5 / 1x5 / 124 families: which concession
_YIELD_SUFFIX = {"081": "1", "082": "2", "084": "3", "085": "4", "086": "5", "087": "6"}


# ---------------------------------------------------------------------------------------------
# Frames


@dataclass
class _Frame:
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
    antecedent: _Frame | None = None
    action: Token | None = None  # the action an introducing verb governs ("agreed to set up")
    purpose: bool = False  # planned as the aim of another act, not announced or threatened


def _with_country(actor: ActorMention, alpha3: str) -> ActorMention:
    """An actor given the country the context names; an unnamed group ("military", "civilians")
    is then named and coded as the resolver names groups with a country: "Liberia military",
    LBRMIL."""
    from timeline.nlp.actors.countries import country_name

    code = actor.code
    name = actor.name
    if actor.sector and code in (None, actor.sector):
        code = alpha3 + actor.sector
        if actor.kind == "group" and " " not in name and name.islower():
            name = f"{country_name(alpha3) or alpha3} {name}"
    return dataclasses.replace(actor, name=name, country_code=alpha3, code=code)


def extract_events(
    doc: Doc, expressions: list[TimeExpression], published_at: datetime
) -> list[Event]:
    """The events the article reports, in text order (see the module docstring)."""
    from timeline.nlp.actors.people import find_people
    from timeline.nlp.actors.resolver import ActorResolver
    from timeline.nlp.article import read_article
    from timeline.nlp.places import PlaceResolver

    view = read_article(doc)
    people = find_people(view)
    builder = _Builder(
        view, expressions, published_at, ActorResolver(view, people), PlaceResolver(view, people),
        lexicon(),
    )  # fmt: skip
    return builder.run()


class _Builder:
    def __init__(self, view, expressions, published_at, actors, places, lex: Lexicon) -> None:
        self.doc = view.doc
        self.text = view.text
        self.actor_resolver = actors
        self.place_resolver = places
        self.lex = lex
        self.published = published_at.date() if isinstance(published_at, datetime) else None
        self.published_at = published_at
        self.consumed: set[int] = set()
        self.actor_cache: dict[tuple[int, bool], list[ActorMention]] = {}
        self.frames: list[_Frame] = []
        self.view = view
        self.paragraphs = self.view.paragraphs
        self.dated = [
            e
            for e in sorted(expressions, key=lambda e: e.start)
            if e.type in (DATE, TIME) and e.date_start is not None
        ]
        self.governs: dict[int, TimeExpression] = {}  # predicate token -> expression
        self.noun_dates: dict[int, TimeExpression] = {}  # noun -> date modifying it ("2013 deal")
        self._attach_times()

    # -- time expressions in the parse --------------------------------------------------------

    def _attach_times(self) -> None:
        for expr in self.dated:
            span = self.doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            head = span.root
            parent = head.head
            if (
                parent is not head
                and parent.pos_ in ("NOUN", "PROPN")
                and head.dep_
                in (
                    "compound",
                    "nummod",
                    "amod",
                    "npadvmod",
                    "poss",
                    "nmod",
                )
            ):
                self.noun_dates.setdefault(parent.i, expr)
            token = head
            for _ in range(12):
                if token.head is token:
                    break
                token = token.head
                if (token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod")) or (
                    token.pos_ == "NOUN" and token.lemma_.lower() in self.lex.nouns
                ):
                    self.governs.setdefault(token.i, expr)
                    break
                if token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"):
                    self.governs.setdefault(token.i, expr)
                    break

    # -- main loop ------------------------------------------------------------------------------

    def _sentence(self, token: Token) -> Span:
        """The sentence of a token (Token.sent walks the whole Doc on every call)."""
        return self.sentences[self.sentence_of[token.i]]

    def run(self) -> list[Event]:
        if not self.view.has_sentences:
            raise ValueError("events need a parsed Doc: it has no sentence boundaries")
        self.sentences = self.view.sentences
        self.sentence_of = self.view.sentence_of
        for sent in self.sentences:
            for token in sent:
                if token.i in self.consumed:
                    continue
                frame = None
                if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod"):
                    frame = self._verb_frame(token)
                elif token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.lex.nouns:
                    frame = self._noun_frame(token)
                if frame is not None and self._finish(frame):
                    self.frames.append(frame)
        # verb frames may consume nouns found earlier in the sentence ("the talks were held")
        self.frames = [f for f in self.frames if not self._consumed_later(f)]
        self._share_dates()
        self.frames.sort(key=lambda f: f.trigger.idx)
        return [self._event(f) for f in self.frames]

    def _ents_in(self, span: Span) -> list[Span]:
        """span.ents, from the entities listed once per article (doc.ents builds them anew)."""
        found = []
        for ent in self.view.entities:
            if ent.start >= span.start:
                if ent.end > span.end:
                    break
                found.append(ent)
        return found

    def _consumed_later(self, frame: _Frame) -> bool:
        return frame.trigger.i in self.consumed and frame.clause is frame.trigger

    # -- coding ---------------------------------------------------------------------------------

    def _object_lemmas(self, verb: Token) -> set[str]:
        lemmas: set[str] = set()
        for child in verb.children:
            heads = []
            if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
                heads.append(child)
            elif child.dep_ == "prep" and child.lemma_.lower() in ("with", "for", "on", "in", "by"):
                heads.extend(c for c in child.children if c.dep_ == "pobj")
            for head in heads:
                lemmas.add(head.lemma_.lower())
                lemmas.update(
                    c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod")
                )
                for prep in head.children:  # "700 kg of medicine", "a shipment of weapons"
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        lemmas.update(c.lemma_.lower() for c in prep.children if c.dep_ == "pobj")
        return lemmas

    def _holds(self, token: Token, key: str, words: frozenset[str]) -> bool:
        if key == "obj":
            return bool(self._object_lemmas(token) & words)
        if key == "prep":  # "called for X", not "called on Sunday"
            return any(
                c.dep_ in ("prep", "prt", "agent")
                and c.lemma_.lower() in words
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                for c in token.children
            )
        if key == "xcomp":  # the parser often attaches "selected X to build" as a clause
            return any(
                c.lemma_.lower() in words
                and (
                    c.dep_ == "xcomp"
                    or (
                        c.dep_ == "advcl"
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    )
                )
                for c in token.children
            )
        if key == "subj":
            for child in token.children:
                if child.dep_ in ("nsubj", "agent"):
                    heads = [child] if child.dep_ == "nsubj" else list(child.children)
                    for head in heads:
                        lemmas = {head.lemma_.lower()}
                        lemmas.update(c.lemma_.lower() for c in head.children)
                        if lemmas & words:
                            return True
            return False
        if key == "mod":
            return any(
                c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in words
                for c in token.children
            )
        return False

    def _lemma(self, token: Token) -> str:
        """The lemma, mended where the lemmatizer cuts a silent e ("staged" -> "stag")."""
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and token.lower_.endswith(("ed", "es", "ing")):
            mended = lemma + "e"
            if lemma not in self.lex.verbs and (
                mended in self.lex.verbs or mended in _SUPPORT_VERBS
            ):
                return mended
        return lemma

    def _match(self, table: dict[str, list[LexEntry]], token: Token) -> str | None:
        entry = self._match_entry(table, token)
        return entry.code if entry is not None else None

    def _match_entry(self, table: dict[str, list[LexEntry]], token: Token) -> LexEntry | None:
        entries = None
        if token.tag_ in ("NNS", "NNPS"):  # "talks" is not "talk"
            entries = table.get(token.lower_)
        if not entries:
            entries = table.get(self._lemma(token))
        if not entries:
            return None
        for entry in entries:
            if all(self._holds(token, key, words) for key, words in entry.conditions):
                return entry
        return None

    def _action_code(self, verb: Token) -> tuple[str | None, Token | None]:
        """The code of the action an introducing verb governs: its infinitive or object noun."""
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                target = child
                while target.lemma_.lower() in _PASS_THROUGH and target.lemma_.lower() != "help":
                    nxt = next((c for c in target.children if c.dep_ == "xcomp"), None)
                    if nxt is None:
                        break
                    target = nxt
                code = self._match(self.lex.verbs, target)
                if code is None:
                    code = self._support_noun_code(target)
                return code, target
        for child in verb.children:
            if child.dep_ == "ccomp" and verb.lemma_.lower() in ("demand", "urge", "ask"):
                code = self._match(self.lex.verbs, child)
                return code, child
        for child in verb.children:
            nouns = []
            if child.dep_ in ("dobj",):
                nouns.append(child)
            elif child.dep_ == "prep" and child.lemma_.lower() in ("for", "to"):
                nouns.extend(c for c in child.children if c.dep_ == "pobj")
            for noun in nouns:
                code = self._match(self.lex.nouns, noun)
                if code is not None:
                    return code, noun
        return None, None

    def _support_noun_code(self, verb: Token) -> str | None:
        if self._lemma(verb) not in _SUPPORT_VERBS:
            return None
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                code = self._match(self.lex.nouns, child)
                if code is not None:
                    self.consumed.add(child.i)
                    return code
        return None

    def _refine(self, kind: str, base: str, action: str | None) -> str:
        if action is None:
            return base
        root = action[:2]
        table = _REFINE[kind]
        if root not in table:
            if kind == "intent" and root in ("14", "15", "16", "17", "18", "19", "20"):
                return self._refine("threaten", "130", action)
            return base
        code = table[root]
        if code is None:
            return action
        if root == "08":
            suffix = _YIELD_SUFFIX.get(action[:3])
            if suffix:
                family = {"intent": "035", "appeal": "025", "demand": "105", "reject": "124"}
                candidate = family[kind] + suffix
                if candidate in self.lex.codes:
                    return candidate
        return code

    def _intent_code(self, action: str) -> str:
        """The code of a planned/intended action: intent to cooperate, or a threat."""
        return self._refine("intent", "030", action)

    # -- verb and noun frames -------------------------------------------------------------------

    def _verb_frame(self, verb: Token) -> _Frame | None:
        lemma = self._lemma(verb)
        has_xcomp = any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)
        if lemma in _PASS_THROUGH and has_xcomp and lemma not in self.lex.verbs:
            return None
        if lemma == "help" and has_xcomp:
            return None
        entry = self._match_entry(self.lex.verbs, verb)
        if (
            entry is not None
            and not entry.conditions
            and lemma in _SUPPORT_VERBS
            and lemma not in _INTRODUCERS
            and any(
                c.dep_ == "dobj"
                and (noun := self._match(self.lex.nouns, c)) is not None
                and noun[:2] != entry.code[:2]
                for c in verb.children
            )
        ):  # "delivered a speech", "launched an investigation": the event is the noun
            entry = None
        code = entry.code if entry is not None else None
        trigger = verb
        introduced: Token | None = None
        demanded: Token | None = None
        if code is None:
            noun_code = None
            for child in verb.children:
                if child.dep_ in ("dobj", "nsubjpass") and lemma in _SUPPORT_VERBS:
                    noun_code = self._match(self.lex.nouns, child)
                    if noun_code is not None:
                        trigger = child
                        break
                if child.dep_ == "prep" and child.lower_ == "in" and lemma in _ENGAGE_VERBS:
                    for pobj in child.children:  # "were engaged in ethnic cleansing"
                        if pobj.dep_ == "pobj":
                            noun_code = self._match(self.lex.nouns, pobj)
                            if noun_code is not None:
                                trigger = pobj
                                break
                    if noun_code is not None:
                        break
            if noun_code is None:
                return None
            code = noun_code
            self.consumed.add(trigger.i)
        elif lemma in _INTRODUCERS and code[:2] in _INTRODUCER_ROOTS:
            action, action_token = self._action_code(verb)
            if action_token is not None and action is not None:
                self.consumed.add(action_token.i)
                code = self._refine(_INTRODUCER_ROOTS[code[:2]], code, action)
                introduced = action_token
            elif (xcomp := next((c for c in verb.children if c.dep_ == "xcomp"), None)) is not None:
                introduced = xcomp  # "agreed to set up a centre in Tokyo": its partners and places
            elif code[:2] in ("02", "10"):  # "demanded that the government end ..."
                demanded = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        elif code[:2] == "01" and (demanded := self._must_clause(verb)) is not None:
            # "X said Y must ...": a demand of the speaker on Y
            action = self._match(self.lex.verbs, demanded) or self._support_noun_code(demanded)
            code = self._refine("demand", "100", action)
            self.consumed.add(demanded.i)
        else:
            conditioned = entry is not None and any(k == "obj" for k, _ in entry.conditions)
            for child in verb.children:  # "signed a treaty": the object is not a second event
                if child.dep_ in ("dobj", "nsubjpass"):
                    noun_code = self._match(self.lex.nouns, child)
                    if noun_code is not None and (noun_code[:2] == code[:2] or conditioned):
                        self.consumed.add(child.i)
                        introduced = child
                        if (
                            noun_code[:2] == code[:2]
                            and code.endswith("0")
                            and (not noun_code.endswith("0"))
                        ):  # "launched air strikes": the noun is more specific
                            code = noun_code
        frame = _Frame(trigger=trigger, clause=verb, code=code, action=introduced or demanded)
        frame.passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            self._shares_passive_subject(verb)
        )
        self._verb_arguments(frame, verb)
        if demanded is not None:
            for child in demanded.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    frame.targets += self._actors(child)
            frame.targets += self._objects(demanded)
        if introduced is not None and introduced.pos_ in ("VERB", "AUX"):
            # "refused to meet with the envoys": the partner of the action is the target
            frame.targets += self._objects(introduced)
            self._prep_targets(frame, introduced)
        elif introduced is not None:  # "imposed sanctions on Russia"
            self._noun_targets(frame, introduced)
        if trigger is not verb:
            self._noun_targets(frame, trigger)
            for prep in trigger.children:  # "made a visit by X": X is a source, not a patient
                if prep.dep_ == "prep" and prep.lemma_.lower() == "by":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            agents = self._actors(pobj)
                            names = {a.name for a in agents}
                            frame.targets = [a for a in frame.targets if a.name not in names]
                            frame.sources += agents
        return frame

    def _must_clause(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "ccomp" and any(
                c.dep_ == "aux" and c.lower_ in ("must", "should") for c in child.children
            ):
                return child
        return None

    def _noun_frame(self, noun: Token) -> _Frame | None:
        if noun.ent_type_ in _NAME_TYPES:  # "Asia-Pacific Economic Cooperation" is a name
            return None
        code = self._match(self.lex.nouns, noun)
        if code is None:
            return None
        head = noun.head
        if (
            noun.dep_ in ("dobj", "nsubjpass")
            and head.pos_ == "VERB"
            and self._lemma(head) in _SUPPORT_VERBS
            and self._match(self.lex.verbs, head) is None
        ):
            return None  # coded with its support verb, when that verb is visited
        frame = _Frame(trigger=noun, clause=noun, code=code)
        agent_preps = (
            _SAYING_AGENT_PREPS
            if code[:2] in ("01", "02", "10", "11", "12", "13")
            else (_NOUN_AGENT_PREPS)
        )
        for child in noun.children:
            if (
                child.dep_ == "poss"
                or child.dep_ in ("compound", "amod", "nmod")
                and child.ent_type_ in _ENTITY_TYPES
            ):
                frame.sources += self._actors(child)
            elif child.dep_ == "prep" and child.lemma_.lower() in agent_preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        frame.sources += self._actors(pobj)
        self._noun_targets(frame, noun)
        if not frame.sources and code[:2] == "04":
            governor = self._governing_verb(noun)
            if governor is not None:
                frame.sources = self._subject(governor) or self._objects(governor)
        if (
            not frame.sources
            and not frame.targets
            and any(
                c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this")
                for c in noun.children
            )
        ):
            frame.antecedent = self._antecedent(code, noun)
            if frame.antecedent is not None:
                frame.sources = list(frame.antecedent.sources)
                frame.targets = list(frame.antecedent.targets)
        return frame

    def _governing_verb(self, noun: Token) -> Token | None:
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

    def _antecedent(self, code: str, noun: Token) -> _Frame | None:
        paragraph = self._paragraph_index(noun.idx)
        for frame in reversed(self.frames):
            if frame.code[:2] != code[:2] or frame.status in ("negated", "hypothetical"):
                continue
            if paragraph - self._paragraph_index(frame.trigger.idx) > 2:
                return None
            return frame
        return None

    def _noun_targets(self, frame: _Frame, noun: Token) -> None:
        for child in noun.children:
            if child.dep_ != "prep":
                continue
            beneficiary = child.lemma_.lower() == "for" and frame.code[:2] in _FOR_BENEFICIARY
            if child.lemma_.lower() not in _NOUN_TARGET_PREPS and not beneficiary:
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if self._is_place(pobj) and child.lemma_.lower() in _PLACE_PREPS:
                    places = self._places(pobj)
                    if places:
                        frame.places += places
                        if frame.code[:2] == "04" or child.lemma_.lower() in _MOTION_PREPS:
                            frame.targets += self._destination(pobj, places)
                        continue
                frame.targets += self._actors(pobj, loose=True)

    def _shares_passive_subject(self, verb: Token) -> bool:
        """A participle joined to a passive verb shares its subject: "were arrested and charged
        by police", "are selected and purchased by the government"."""
        return (
            verb.dep_ == "conj"
            and verb.tag_ == "VBN"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and any(c.dep_ == "auxpass" for c in verb.head.children)
        )

    def _verb_arguments(self, frame: _Frame, verb: Token) -> None:
        if frame.passive:
            if self._shares_passive_subject(verb):
                for child in verb.head.children:
                    if child.dep_ == "nsubjpass":
                        frame.targets += self._actors(child, loose=True)
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    frame.targets += self._actors(child, loose=True)
                elif child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            frame.sources += self._actors(pobj)
        else:
            frame.sources = self._subject(verb)
        if frame.passive and not frame.sources and verb.lemma_.lower() in _STATIVE_PASSIVES:
            frame.sources, frame.targets = frame.targets, []  # "Israel is opposed to ..."
            frame.passive = False
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not frame.targets:
            frame.passive = True
            frame.targets += self._actors(verb.head)
            for child in verb.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            frame.sources += self._actors(pobj)
        frame.targets += self._objects(verb)
        if frame.code[:2] == "01":  # "X said Russia failed": the statement is about Russia
            for child in verb.children:
                if child.dep_ == "ccomp":
                    for sub in child.children:
                        if sub.dep_ in ("nsubj", "nsubjpass"):
                            frame.targets += self._actors(sub)
        self._prep_targets(frame, verb)

    def _prep_targets(self, frame: _Frame, verb: Token) -> None:
        """Partners and patients in prepositional phrases: "met with X", "fired at X", "provide
        aid to X"."""
        for child in verb.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in self.lex.nouns:
                self._noun_targets(frame, child)
            elif child.dep_ == "dobj":  # "break off relations with Congo", "mortar and rocket
                # fire against the camps"
                for prep in (c for obj in (child, *child.conjuncts) for c in obj.children):
                    if prep.dep_ == "prep" and prep.lemma_.lower() in _PARTNER_PREPS:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                frame.targets += self._actors(pobj, loose=True)
            if (
                child.dep_ == "prep"
                and child.lemma_.lower() == "from"
                and frame.code[:2] in ("16", "17")
            ):  # "confiscated weapons from armed groups"
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not self._is_place(pobj):
                        frame.targets += self._actors(pobj, loose=True)
            if child.dep_ in ("prep", "dative") and child.lemma_.lower() in _TARGET_PREPS:
                lemma = child.lemma_.lower()
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if self._is_place(pobj) and lemma in _PLACE_PREPS:
                        if lemma in _MOTION_PREPS:  # "travel to Moscow", "send aid to Greece"
                            frame.targets += self._destination(pobj, self._places(pobj))
                        continue
                    if lemma == "over" and frame.code[:2] not in ("11", "12", "14"):
                        continue  # "complained over the raids", not "fought over the town"
                    if lemma == "for" and frame.code[:2] not in _FOR_BENEFICIARY:
                        continue
                    frame.targets += self._actors(pobj, loose=True)

    def _subject(self, verb: Token, depth: int = 0) -> list[ActorMention]:
        if depth > 6:
            return []
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                return self._actors(child)
            if child.dep_ == "nsubjpass":
                return []
        head = verb.head
        if head is verb:
            return []
        if verb.dep_ == "xcomp":
            if head.lemma_.lower() in _OBJECT_CONTROL:
                objects = self._objects(head)
                if objects:
                    return objects
            return self._subject(head, depth + 1)
        if verb.dep_ in ("conj", "acomp"):
            return self._subject(head, depth + 1)
        if (
            verb.dep_ in ("relcl", "acl")
            and verb.tag_ == "VB"
            and head.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            governor = self._governing_verb(head)  # "a visit to Lucca to meet ..."
            return self._subject(governor, depth + 1) if governor is not None else []
        if verb.dep_ in ("relcl", "acl") and verb.tag_ != "VBN":
            return self._actors(head)
        if verb.dep_ in ("advcl", "pcomp") and verb.tag_ in ("VBG", "VB"):
            if verb.dep_ == "pcomp":
                head = head.head
            return self._subject(head, depth + 1) if head.pos_ in ("VERB", "AUX") else []
        return []

    def _objects(self, verb: Token) -> list[ActorMention]:
        found: list[ActorMention] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "iobj"):
                found += self._actors(child, loose=True)
            elif (
                child.dep_ == "prep"
                and child.lemma_.lower() in ("on", "upon")
                and (verb.lemma_.lower() in ("call",))
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found += self._actors(pobj)
        return found

    # -- actors and places ----------------------------------------------------------------------

    def _phrase(self, token: Token) -> Span:
        keep = [token.i]
        for child in token.children:
            if child.dep_ in _OUTSIDE_PHRASE:
                continue
            keep.extend(t.i for t in child.subtree)
        end = max(keep) + 1
        if token.ent_type_ in ("ORG", "GPE", "FAC", "LOC"):  # "the Group of 7": the whole name
            doc = self.doc
            while end < len(doc) and doc[end].ent_iob_ == "I" and end - token.i < 8:
                end += 1
        return self.doc[min(keep) : end]

    def _actors(self, token: Token, loose: bool = False) -> list[ActorMention]:
        """The actors a phrase denotes; `loose` also takes those its modifiers name ("a base in
        Syria"), which suits patients and partners but not agents."""
        key = (token.i, loose)
        cached = self.actor_cache.get(key)
        if cached is not None:
            return cached
        self.actor_cache[key] = []  # guards against cycles in odd parses
        found: list[ActorMention] = []
        for member in [token, *token.conjuncts]:
            if member.i < token.i and token.dep_ == "conj":
                continue
            found += self._actors_one(member, loose)
        unique: dict[str, ActorMention] = {}
        for actor in found:
            unique.setdefault(actor.name, actor)
        result = list(unique.values())
        self.actor_cache[key] = result
        return result

    def _actors_one(self, token: Token, loose: bool = False) -> list[ActorMention]:
        lower = token.lower_
        if lower in _RELATIVE_PRONOUNS and token.head.dep_ in ("relcl", "acl"):
            return self._actors(token.head.head) if token.head.head is not token else []
        found = self.actor_resolver.actors(self._phrase(token))
        if found:
            return self._described(token, self._located(token, list(found)))
        for child in token.children:
            if child.dep_ == "appos":
                found = self.actor_resolver.actors(self._phrase(child))
                if found:
                    return self._described(child, list(found), description=token)
        if token.pos_ == "PRON" and lower in _NON_PERSONAL_PRONOUNS:
            return self._pronoun_actors(token)
        if token.lemma_.lower() in _COMPANY_NOUNS and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children
        ):
            return self._company_antecedent(token)
        if token.pos_ in ("NOUN", "PROPN") or (
            token.tag_ == "VBG" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
        ):  # a gerund read as a noun: "vetoed a Security Council resolution censuring ..."
            return self._modifier_actors(token, loose)
        return []

    def _described(
        self, token: Token, found: list[ActorMention], description: Token | None = None
    ) -> list[ActorMention]:
        """People without a country take it from their description: "Salaheddine Sidhoum,
        Algeria's leading activist", "A member of the Syrian parliament, Mohammed Mamoun"."""
        if all(a.country_code or a.kind != "person" for a in found):
            return found
        phrases = [self._phrase(c) for c in token.children if c.dep_ == "appos"]
        if description is not None:
            phrases.append(self._phrase(description))
            phrases += [
                self._phrase(pobj)
                for prep in description.children
                if prep.dep_ == "prep" and prep.lemma_.lower() == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ]
        code = None
        organization = None  # "Kofi Annan, UN secretary-general": the person's IGO code
        for phrase in phrases:
            for entity in self._ents_in(phrase):
                if entity.label_ in ("GPE", "NORP"):
                    code = next(
                        (
                            a.country_code
                            for a in self.actor_resolver.actors(entity)
                            if a.country_code
                        ),
                        None,
                    )
                    if code:
                        break
                elif entity.label_ == "ORG" and organization is None:
                    organization = next(
                        (
                            a.code
                            for a in self.actor_resolver.actors(entity)
                            if a.kind == "organization" and a.code and a.code[:3] in ("IGO", "NGO")
                        ),
                        None,
                    )
            if code:
                break
        if code is None and organization is not None:
            return [
                dataclasses.replace(a, code=organization)
                if a.kind == "person" and not a.country_code and a.code in (None, a.sector)
                else a
                for a in found
            ]
        if code is None:
            code = self._only_country(found)
        if code is None:
            return found
        return [
            dataclasses.replace(a, country_code=code, code=code + (a.sector or ""))
            if a.kind == "person" and not a.country_code and a.code in (None, a.sector)
            else a
            for a in found
        ]

    def _only_country(self, found: list[ActorMention]) -> str | None:
        """The country of an office holder the article gives no country ("President Yoweri
        Museveni"): the one country the article names, when it names exactly one."""
        if not any(a.kind == "person" and a.title and a.sector in _STATE_SECTORS for a in found):
            return None
        named = [c for c, n in self.view.named.country_counts.items() if n > 0]
        return named[0] if len(named) == 1 else None

    def _located(self, token: Token, found: list[ActorMention]) -> list[ActorMention]:
        """Groups without a country take it from their own place: "demonstrators in Baghdad"."""
        if all(a.country_code or a.kind != "group" for a in found):
            return found
        for child in token.children:
            if child.dep_ == "prep" and child.lemma_.lower() in ("in", "from", "of"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and self._is_place(pobj):
                        code = next((p.country_code for p in self._places(pobj)), None)
                        if code:
                            return [
                                _with_country(a, code)
                                if a.kind == "group" and not a.country_code
                                else a
                                for a in found
                            ]
        return found

    def _modifier_actors(self, noun: Token, loose: bool) -> list[ActorMention]:
        """Actors named inside a common noun phrase: "an air base in Syria", "Syrian forces"."""
        found: list[ActorMention] = []
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss") and child.ent_type_ in (
                _ENTITY_TYPES
            ):
                found += self.actor_resolver.actors(self._phrase(child))
            elif child.dep_ == "compound" and child.pos_ == "NOUN":  # "a Security Council
                for inner in child.children:  # resolution vote": the name inside the compound
                    if inner.dep_ in ("compound", "amod") and inner.ent_type_ in _ENTITY_TYPES:
                        found += self.actor_resolver.actors(self._phrase(inner))
            elif child.dep_ == "poss" and child.pos_ == "PRON":
                found += self._actors_one(child)
            elif child.dep_ == "prep" and child.lemma_.lower() in (
                ("in", "of", "from", "by")
                if loose or noun.lemma_.lower() in _PEOPLE
                else ("of", "from")
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (
                        pobj.ent_type_ in _ENTITY_TYPES
                        or any(t.ent_type_ in _ENTITY_TYPES for t in pobj.subtree)
                    ):
                        if child.lemma_.lower() == "in" and self._is_place(pobj):
                            # "a market in Kano": the country, without the city's words
                            found += self._destination(pobj, self._places(pobj))
                        else:
                            found += self._actors(pobj, loose)
        return found

    def _pronoun_actors(self, pronoun: Token) -> list[ActorMention]:
        """ "it"/"its"/"they": the subject of a clause above it that names a country, organization
        or group ("the RUF announced it will return ...", "Denmark accepted a plan to end its
        dispute"), else the nearest country or organization named before it."""
        found = self._governing_subject(pronoun)
        if found:
            return [
                dataclasses.replace(
                    a, text=pronoun.text, start=pronoun.idx, end=pronoun.idx + len(pronoun)
                )
                for a in found
            ]
        sent = self._sentence(pronoun)
        starts = [sent.start]
        if sent.start > 0:
            starts.append(self._sentence(self.doc[sent.start - 1]).start)
        for begin in starts:
            candidates = [
                ent
                for ent in self.view.entities
                if begin <= ent.start
                and ent.end <= pronoun.i
                and ent.label_ in ("GPE", "ORG", "NORP")
            ]
            for ent in reversed(candidates):
                found = [a for a in self.actor_resolver.actors(ent) if a.kind != "person"]
                if found:
                    return [
                        dataclasses.replace(
                            a, text=pronoun.text, start=pronoun.idx, end=pronoun.idx + len(pronoun)
                        )
                        for a in found
                    ]
        return []

    def _governing_subject(self, pronoun: Token) -> list[ActorMention]:
        token = pronoun
        for _ in range(8):
            head = token.head
            if head is token:
                return []
            token = head
            if token.pos_ not in ("VERB", "AUX"):
                continue
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < pronoun.i:
                    if child.pos_ == "PRON":
                        return []
                    named = self.actor_resolver.actors(self._phrase(child))  # the subject itself
                    found = [a for a in named if a.kind != "person" and a.country_code] or [
                        a for a in named if a.kind == "organization"
                    ]
                    if found or named:  # a person subject ("he said it ...") decides nothing
                        return found
        return []

    def _company_antecedent(self, noun: Token) -> list[ActorMention]:
        """ "the company", "the airline": the organization named last before it, in its sentence
        or the two before, that is not an international one."""
        first = self.sentences[max(0, self.sentence_of[noun.i] - 2)].start
        named = [e for e in self.view.entities if first <= e.start and e.end <= noun.i]
        named.sort(key=lambda e: (e.root.dep_ in ("nsubj", "nsubjpass"), e.start))
        for ent in reversed(named):  # the last subject first, then the last named
            if ent.label_ != "ORG":
                continue
            found = [
                a
                for a in self.actor_resolver.actors(ent)
                if a.kind == "organization" and not (a.code or "").startswith(("IGO", "NGO"))
            ]
            if found:
                start = min(t.idx for t in noun.subtree if t.i <= noun.i)
                return [
                    dataclasses.replace(a, text=self.text[start : noun.idx + len(noun)])
                    for a in found[:1]
                ]
        return []

    def _is_place(self, token: Token) -> bool:
        if token.ent_type_ in _PLACE_TYPES:
            return True
        if token.pos_ == "PROPN" and not token.ent_type_:  # names the parser did not type
            return True
        return any(t.ent_type_ in _PLACE_TYPES for t in self._phrase(token))

    def _places(self, token: Token) -> list[PlaceMention]:
        span = self._phrase(token)
        for child in token.children:  # "Lucca, Italy"
            if child.dep_ == "appos" and child.ent_type_ in _PLACE_TYPES:
                span = self.doc[span.start : max(span.end, child.i + 1)]
        found = list(self.place_resolver.places(span))
        if not found and token.lemma_.lower() in _PLACE_NOUNS:  # "Montenegro province"
            for child in token.children:
                if child.dep_ in ("compound", "amod") and child.ent_type_ in _PLACE_TYPES:
                    found += self.place_resolver.places(self.doc[child.i : child.i + 1])
        return found

    def _locations(self, frame: _Frame) -> list[PlaceMention]:
        places = list(frame.places)
        seen = {frame.trigger.i}
        predicates = [frame.trigger, frame.clause]
        if frame.action is not None:
            predicates.append(frame.action)
        for predicate in predicates:
            if predicate.i in seen and predicate is not frame.trigger:
                continue
            seen.add(predicate.i)
            places += self._prep_places(predicate)
            for child in predicate.children:  # the patient's own place: "an air base in Syria"
                objects = []
                if child.dep_ in ("dobj", "nsubjpass"):
                    objects.append(child)
                elif child.dep_ == "prep" and child.lemma_.lower() in ("against", "on", "at"):
                    objects.extend(c for c in child.children if c.dep_ == "pobj")
                for obj in objects:
                    if self._is_place(obj) and frame.code[:2] in ("04", "17", "18", "19", "20"):
                        places += self._places(obj)
                        continue
                    places += self._prep_places(obj)
                    for mod in obj.children:
                        if mod.dep_ in ("amod", "compound") and mod.ent_type_ in ("NORP", "GPE"):
                            places += self.place_resolver.places(self.doc[mod.i : mod.i + 1])
        if not places:  # "While in Russia, Tillerson plans to meet ...": the governing clause
            token = frame.clause
            for _ in range(5):
                dep = token.dep_
                if token.head is token or dep not in ("xcomp", "conj", "relcl", "acl", "pobj"):
                    break
                if dep in ("relcl", "acl") and token.tag_ != "VB":
                    break
                if dep == "pobj":
                    prep = token.head
                    if prep.dep_ != "prep" or prep.lemma_.lower() in _TEMPORAL_PREPS:
                        break
                    token = prep
                token = token.head
                places += self._prep_places(token)
                if not places and token.pos_ == "NOUN":
                    places += self._noun_places(token)
                if places:
                    break
        unique: dict[tuple[str, str | None], PlaceMention] = {}
        for place in places:
            unique.setdefault((place.name, place.country_code), place)
        return list(unique.values())

    def _noun_places(self, noun: Token) -> list[PlaceMention]:
        places: list[PlaceMention] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lemma_.lower() in _PLACE_PREPS:
                for pobj in child.children:
                    place = self._place_head(pobj) if pobj.dep_ == "pobj" else None
                    if place is not None:
                        places += self._places(place)
        return places

    def _prep_places(self, token: Token) -> list[PlaceMention]:
        places: list[PlaceMention] = []
        for child in token.children:
            if child.dep_ == "prep" and child.lemma_.lower() in _PLACE_PREPS:
                if child.lemma_.lower() == "from":
                    continue
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    place = self._place_head(pobj)
                    if place is not None:
                        places += self._places(place)
        return places

    def _place_head(self, token: Token) -> Token | None:
        """The place a phrase names, also behind "the city of", "the province of"."""
        if self._is_place(token):
            return token
        if token.pos_ == "NOUN":
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lemma_.lower() == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and self._is_place(pobj):
                            return pobj
        return None

    # -- status ---------------------------------------------------------------------------------

    def _own_modality(self, token: Token) -> str | None:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                return "negated"
        for child in token.children:
            if child.dep_ == "aux":
                word = child.lower_
                if word in _HYPOTHETICAL_AUX:
                    return "hypothetical"
                if word in _FUTURE_AUX:
                    return "planned"
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in token.children
        ):
            return "hypothetical"
        return None

    def _status(self, frame: _Frame) -> str:
        token = frame.clause
        for _ in range(10):
            own = self._own_modality(token)
            if own is not None:
                return own
            head = token.head
            dep = token.dep_
            if head is token:
                return "asserted"
            if dep == "xcomp":
                lemma = head.lemma_.lower()
                passed = _PASS_THROUGH.get(lemma)
                if passed is not None and lemma != "be":
                    return passed
                if lemma == "be" and token.tag_ == "VB":  # "is to meet"
                    return "planned"
                if lemma == "go" and head.tag_ == "VBG":
                    return "planned"
                token = head
                continue
            if (
                dep in ("acl", "advcl", "relcl")
                and token.tag_ == "VB"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            ):  # a purpose: "a deal to destroy the weapons", "went to Geneva to meet the envoy"
                frame.purpose = True
                return "planned"
            if dep in ("ccomp", "parataxis") or (dep == "advcl" and token.tag_ != "VBG"):
                if head.lemma_.lower() in _SPEECH or head.lemma_.lower() in _SPEECH_NOUNS:
                    return "reported"
                return "asserted"
            if dep in ("conj", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "pcomp", "attr"):
                token = head
                continue
            if dep == "acl" and head.lemma_.lower() in _SPEECH_NOUNS:
                return "reported"
            return "asserted"
        return "asserted"

    # -- time -----------------------------------------------------------------------------------

    def _own_time(self, frame: _Frame) -> TimeExpression | None:
        for token in (frame.trigger, frame.clause):
            expr = self.governs.get(token.i)
            if expr is not None:
                return expr
        for child in frame.clause.children:  # the date of the deal it brokered: "a 2013 deal"
            if child.dep_ in ("dobj", "nsubjpass") and child.i in self.noun_dates:
                return self.noun_dates[child.i]
        if frame.trigger.i in self.noun_dates:
            return self.noun_dates[frame.trigger.i]
        token = frame.clause
        for _ in range(6):
            dep = token.dep_
            head = token.head
            if head is token:
                break
            if dep == "relcl" and head.i in self.noun_dates:
                return self.noun_dates[head.i]
            if dep == "prep" and token.lemma_.lower() in _TEMPORAL_PREPS:
                break
            if dep not in ("xcomp", "conj", "prep", "pobj", "dobj", "nsubjpass", "relcl"):
                break
            if dep == "relcl":
                break
            token = head
            expr = self.governs.get(token.i)
            if expr is not None:
                return expr
        return None

    def _paragraph_index(self, offset: int) -> int:
        return self.view.paragraph_index(offset)

    def _context_time(self, frame: _Frame) -> TimeExpression | None:
        """The narrative anchor: the last date earlier in the paragraph. Not for what is so now
        (present-tense verbs are dated at publication); a past-tense verb is not anchored to a
        date after publication; a statement is news of the last days, so only a day of the week
        before publication anchors it ("yesterday ... said"), never a year or month of the
        story's background."""
        clause = frame.clause
        if clause.tag_ in ("VBZ", "VBP"):
            return None
        statement = frame.code[:2] == "01"
        past = clause.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.tag_ == "VBD" for c in clause.children
        )
        offset = frame.trigger.idx
        paragraph = self._paragraph_index(offset)
        begin = self.paragraphs[paragraph]
        best = None
        for expr in self.dated:
            if begin <= expr.start and expr.end <= offset:
                if (
                    past
                    and self.published is not None
                    and expr.date_start is not None
                    and expr.date_start > self.published
                ):
                    continue
                if statement and not self._recent_day(expr):
                    continue
                best = expr
        return best

    def _recent_day(self, expr: TimeExpression) -> bool:
        if self.published is None or expr.date_start is None or expr.date_end is None:
            return False
        if expr.date_start != expr.date_end:
            return False
        return 0 <= (self.published - expr.date_start).days <= 7

    # -- assembling -----------------------------------------------------------------------------

    def _finish(self, frame: _Frame) -> bool:
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
        if not frame.sources and not (frame.targets and (frame.passive or frame.antecedent)):
            return False
        frame.status = self._status(frame)
        frame.places = self._locations(frame)
        self._fill_countries(frame)
        own = {a.country_code for a in frame.sources if a.country_code}
        frame.targets = [  # "sent troops to Mali": the source's own forces are not its target
            a
            for a in frame.targets
            if not (a.kind == "group" and a.sector == "MIL" and a.country_code in own)
        ]
        if frame.code == "061":  # "ordered 20 jets": goods traded are not a military target
            frame.targets = [
                a for a in frame.targets if not (a.kind == "group" and a.country_code is None)
            ]
        if not frame.targets and frame.places and frame.code[:2] != "01":
            frame.targets = self._place_country(frame)
        if not frame.targets and frame.code[:2] in ("14", "17") and frame.sources:
            frame.targets = self._domestic_target(frame)
        expr = self._own_time(frame)
        if expr is not None:
            frame.time, frame.date_source = expr, "text"
        else:
            expr = self._context_time(frame)
            if expr is not None:
                frame.time, frame.date_source = expr, "context"
        root = frame.code[:2]
        if frame.purpose:
            pass  # "a deal to destroy the weapons": the aim keeps its own code
        elif frame.status in ("planned", "hypothetical") and root in _CONFLICT_ACTIONS:
            frame.code = self._refine("threaten", "130", frame.code)  # "will impose a curfew"
        elif frame.status in ("planned", "hypothetical") and root in ("06", "07", "08"):
            frame.code = self._intent_code(frame.code)  # "would allow inspectors"
        elif (
            frame.status == "negated"
            and root in ("03", "04", "05", "06", "07", "08")
            and self._modal(frame.clause)
        ):  # "will not meet their demands": a refusal
            frame.code = self._refine("reject", "120", frame.code)
            frame.status = "asserted"
        if (
            frame.clause.dep_ == "xcomp"
            and frame.clause.head.lemma_.lower() in _INTENT
            and frame.code[:2] not in ("01", "02", "03", "10", "11", "12", "13")
        ):
            frame.code = self._intent_code(frame.code)
        if (  # present tense with a future date: "Tillerson arrives in Moscow on Tuesday"
            frame.status == "asserted"
            and (frame.clause.tag_ in ("VBZ", "VBP") or frame.clause.pos_ == "NOUN")
            and frame.time is not None
            and self.published is not None
            and frame.time.date_start is not None
            and frame.time.date_start > self.published
        ):
            frame.status = "planned"
        self._fill_countries(frame)
        own = {a.country_code for a in frame.sources if a.country_code}
        foreign = [a for a in frame.targets if a.country_code and a.country_code not in own]
        if foreign:  # "send troops to Mali": the troops are the source's, Mali is the target
            frame.targets = [
                a for a in frame.targets if not (a.kind == "group" and a.country_code in own)
            ]
        return True

    def _fill_countries(self, frame: _Frame) -> None:
        """Domestic groups without a country ("demonstrators", "civilians") take the country of
        the place it happens, else (for targets) of the source."""
        place = next((p.country_code for p in frame.places if p.country_code), None)
        if place is None and frame.code[:2] in ("18", "19", "20"):
            place = self._sentence_place(frame.trigger)  # "... killed 23 people when they blew
            # themselves up in Tel Aviv": victims are of the country where it happened
        source = next((a.country_code for a in frame.sources if a.country_code), None)
        for role, fallback, kinds in (
            ("sources", place, ("group", "person")),
            ("targets", place, ("group",)),
            ("targets", source, ("group",)),
            ("targets", source if frame.code[:2] in ("14", "17") else None, ("organization",)),
        ):
            if fallback is None:
                continue
            setattr(
                frame,
                role,
                [
                    _with_country(a, fallback)
                    if a.country_code is None
                    and a.kind in kinds
                    and (a.kind != "organization" or not a.code)
                    else a
                    for a in getattr(frame, role)
                ],
            )

    def _destination(self, pobj: Token, places: list[PlaceMention]) -> list[ActorMention]:
        """The target of a motion or visit to a place: a country named as such is itself the
        target ("sent aid to Greece"); a city or region is a place, and the target is the country
        it lies in, an actor that takes no words from the place ("travel to Moscow": Russia)."""
        if places and all(p.feature == "country" for p in places):
            return self._actors(pobj)
        return self._host_countries(places, set())

    def _host_countries(
        self, places: list[PlaceMention], own: set[str | None]
    ) -> list[ActorMention]:
        from timeline.nlp.actors.countries import country_name

        for place in places:
            code = place.country_code
            if code and code not in own:
                name = country_name(code) or code
                return [
                    ActorMention(
                        name=name, kind="country", role="target", country_code=code, code=code
                    )
                ]
        return []

    def _sentence_place(self, token: Token) -> str | None:
        """The country of the first place named in a locative phrase of the sentence."""
        sent = self._sentence(token)
        for ent in self._ents_in(sent):
            if ent.label_ not in _PLACE_TYPES:
                continue
            head = ent.root
            prep = head.head.lemma_.lower()
            if head.dep_ != "pobj" or prep not in _PLACE_PREPS or prep == "from":
                continue  # "gunmen from Chad" name an origin, not where it happened
            for place in self.place_resolver.places(ent):
                if place.country_code:
                    return place.country_code
        return None

    def _place_country(self, frame: _Frame) -> list[ActorMention]:
        """With no other target, the country where it happens: "lifted a curfew in Montenegro",
        "arrives in Moscow" (CAMEO codes a visit to a capital as a visit to its country). The place
        stays a location; the country target takes no words from it, so that "Moscow" is never
        recorded as a name of Russia."""
        return self._host_countries(frame.places, {a.country_code for a in frame.sources})

    def _domestic_target(self, frame: _Frame) -> list[ActorMention]:
        """Coercion of an object that names no actor ("outlawed the largest militant group",
        "prevented the demonstration") and a protest against no one named ("staged a general
        strike") are coded, as CAMEO does, against the source's country."""
        from timeline.nlp.actors.countries import country_name

        if frame.code[:2] == "17" and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in frame.clause.children
        ):
            return []  # a protest needs no object: it is against the source's own government
        source = frame.sources[0]
        code = source.country_code
        if not code:
            return []
        return [
            ActorMention(
                name=country_name(code) or code,
                kind="country",
                role="target",
                country_code=code,
                code=code,
            )
        ]

    def _modal(self, token: Token) -> bool:
        return any(
            c.dep_ == "aux" and c.lower_ in (_FUTURE_AUX | _HYPOTHETICAL_AUX)
            for c in token.children
        )

    def _share_dates(self) -> None:
        """Mentions of one happening (same root, shared actor) share the best date among them."""

        def overlap(a: _Frame, b: _Frame) -> bool:
            if {x.name for x in a.sources} & {x.name for x in b.sources}:
                return True
            return bool({x.name for x in a.targets} & {x.name for x in b.targets})

        for frame in self.frames:
            if frame.date_source != "publication" and frame.antecedent is None:
                continue
            if frame.code[:2] == "01" or frame.status in ("negated", "hypothetical"):
                continue
            best = None
            best_rank = (-1, 0)
            for other in self.frames:
                if other is frame or other.time is None or other.code[:2] != frame.code[:2]:
                    continue
                if other.status in ("negated", "hypothetical"):
                    continue
                linked = other.antecedent is frame or frame.antecedent is other
                if not linked and not overlap(frame, other):
                    continue
                if frame.date_source == "context" and not (linked and other.date_source == "text"):
                    continue
                rank = (
                    (2 if other.date_source == "text" else 0) + (other.code == frame.code),
                    -abs(other.trigger.i - frame.trigger.i),
                )
                if rank > best_rank:
                    best, best_rank = other, rank
            if best is not None:
                frame.time, frame.date_source = best.time, "context"
        for frame in self.frames:  # an anaphoric mention dates its antecedent the other way too
            ante = frame.antecedent
            if ante is not None and ante.date_source == "publication" and frame.time is not None:
                ante.time, ante.date_source = frame.time, "context"

    def _event(self, frame: _Frame) -> Event:
        trigger = frame.trigger
        sent = self._sentence(trigger)
        info = self.lex.code_info(frame.code)
        plover = self.lex.plover_info(frame.code)
        actors = [dataclasses.replace(a, role="source") for a in frame.sources]
        actors += [dataclasses.replace(a, role="target") for a in frame.targets]
        if frame.time is not None:
            value = frame.time.value
            granularity = frame.time.granularity
            start, end = frame.time.date_start, frame.time.date_end
        else:
            day: date | None = self.published
            value = day.isoformat() if day else ""
            granularity = "day"
            start = end = day
        text = self.text
        sent_start = sent.start_char
        sent_end = sent.end_char
        while sent_end > sent_start and text[sent_end - 1].isspace():
            sent_end -= 1
        return Event(
            trigger=trigger.text,
            trigger_start=trigger.idx,
            trigger_end=trigger.idx + len(trigger.text),
            lemma=trigger.lemma_.lower(),
            sentence=text[sent_start:sent_end],
            sentence_start=sent_start,
            sentence_end=sent_end,
            event_code=frame.code,
            event_label=info.label,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            status=frame.status,
            actors=actors,
            locations=frame.places,
            time=frame.time if frame.date_source != "publication" else None,
            date_source=frame.date_source if frame.time is not None else "publication",
            date_value=value,
            granularity=granularity,
            date_start=start,
            date_end=end,
            plover_type=plover.type if plover else None,
            plover_mode=plover.mode if plover else None,
        )
