"""Event dating: the date of each event frame, from the article's time expressions.

Each time expression hangs on a predicate of the parse: the verb or event noun it modifies
("arrested early Saturday", "a 2013 deal"). A participle that only describes a thing ("a letter
dated Monday") passes it on to the verb above; a year written before a thing ("a 1996 Chevrolet",
"the 11th century temple") and a date after "since" (where a span starts) date no act, and a
year that names a thing ("the 1991 agreement") sets no reference time for the narrative. Inside one
clause an expression belongs to the nearest frame on the way up, its owner ("invited Sinn Fein to
rejoin two weeks ago" dates the invitation), unless it lies ahead of an infinitive's act ("is
inviting friends to celebrate on March 17"). Once every frame of the article is known, each is
dated in this order, and `date_source` says which:

- `clause`: an expression of its own clause, of its object or trigger noun ("brokered a 2013
  deal"), of its subject when that names a happening ("the June 2 blasts killed four"), or of
  the date its clause relates to ("since early December, when Castro promised", "the days in
  1994 that doctors were shot at"), or the day it is counted from its main clause's ("a
  vigil on Sunday, a year after the mayor was shot"); a promise, order or plan told in the
  past is not dated by what it promised for later;
- `sentence`: an expression that governs it in its sentence: on a predicate above it ("was
  arrested Monday and charged with murder", "said in a letter dated Monday that he objects"), or
  in a clause below it that is no event of its own or happens at its time ("was shot shortly
  after he returned home on Friday"), when the tenses agree (what had happened before a dated
  clause is not dated by it, nor a plan by what is done, nor a past act by a time above a
  present clause over it: "said Friday that the car was found where police believe the thieves
  hid");
  never an expression another event's clause owns; and what a dated statement reports as so
  in the present ("said he does not recognize the court") or as a state in the past ("said
  Monday that six were in custody");
- `context`: the narrative's reference time (`narrative.Narrative`), the time of the dated
  statement a quotation goes on from, or for a statement of the lede that names no day, the day
  its speaker is quoted with further on ("the mayor said ... , the mayor said Sunday"), and
  what a dated statement reports as done ("said Sunday the governor has offered to visit": by
  then);
- `publication`: none of these: the article's publication day.

A clause that names a time without a calendar date ("recently", "now") takes no other. Mentions
of one happening then share the best date among them (`happenings.share_dates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from timeline.nlp.clauses import (
    AT_THE_TIME,
    a_state,
    anniversary,
    counted_apart,
    day_apart,
    for_purpose,
    other_time,
    same_time,
    to_do,
)
from timeline.nlp.coding import RULE_CODES
from timeline.nlp.dates.calendar import add_months, week_value
from timeline.nlp.dates.lexicons import lexicons
from timeline.nlp.narrative import Narrative, intents, is_statement, tense_of
from timeline.nlp.words import TEMPORAL_PREPS
from timeline.records import DATE, DURATION, TIME, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.article import ArticleView
    from timeline.nlp.coding import EventCoder
    from timeline.nlp.frames.predicates import EventFrame

CLAUSE, SENTENCE, CONTEXT, PUBLICATION = "clause", "sentence", "context", "publication"
DATE_SOURCES = (CLAUSE, SENTENCE, CONTEXT, PUBLICATION)

# Dependencies that stay inside one clause on the way up from a predicate to the frame that owns
# its time ("invited X to rejoin two weeks ago"); others open a clause of its own
_INSIDE_A_CLAUSE = frozenset(
    {"xcomp", "prep", "pobj", "pcomp", "dobj", "advmod", "npadvmod", "acomp", "attr", "oprd",
     "dative", "agent", "appos", "nsubjpass", "nsubj"}
)  # fmt: skip
# the granularities of a date written before the name of a thing ("a 1996 Chevrolet"); a day
# before a noun names an occasion ("in Sunday's debate")
_THINGS_DATES = frozenset({"year", "decade", "century"})
_OPENS_A_QUOTE = re.compile(r"\s*(?:[\"“]|``|''|‘‘)")
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?\Z", re.IGNORECASE)
# Dependencies of a clause or phrase below a frame whose time may date it: temporal and relative
# clauses, participles, phrases ("after he returned home on Friday"), but not what it reports or
# accuses of (ccomp, "accused of murdering her in 2007"), what it aims at (xcomp) nor a second
# event joined to it (conj)
_SUBORDINATE = frozenset(
    {"advcl", "relcl", "acl", "prep", "pobj", "npadvmod", "advmod", "dobj", "nsubj",
     "nsubjpass", "attr", "appos", "agent", "dative"}
)  # fmt: skip


@dataclass(frozen=True)
class EventDate:
    """The date fields of an event record."""

    value: str
    granularity: str
    start: date | None
    end: date | None


class EventDating:
    """The time expressions of one article, placed in its parse, and the dates of its frames."""

    def __init__(
        self,
        view: ArticleView,
        expressions: list[TimeExpression],
        published_at: datetime,
        coder: EventCoder,
    ) -> None:
        self.view = view
        self.coder = coder
        self.published = published_at.date() if isinstance(published_at, datetime) else None
        # the day the article is written from: its own date line's, else its publication's
        line = next((e for e in expressions if e.anchor_source == "dateline"), None)
        self.reference = line.anchor.date() if line is not None else self.published
        self.dated = [
            e
            for e in sorted(
                (as_event_time(e, self.reference, view.text) for e in expressions),
                key=lambda e: e.start,
            )
            if e.type in (DATE, TIME, DURATION) and e.date_start is not None
        ]
        self.vague = [e for e in expressions if e.value.endswith("_REF") and e.type == DATE]
        self.durations: dict[int, TimeExpression] = {}  # head token -> duration ("one year")
        for expr in expressions:
            span = view.doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if expr.type == DURATION and span is not None and len(span):
                self.durations[span.root.i] = expr
        self.attached: dict[int, list[TimeExpression]] = {}  # predicate token -> expressions
        self.noun_dates: dict[int, TimeExpression] = {}  # noun -> date modifying it ("2013 deal")
        self.named_with: set[int] = set()  # ids of dates written before a noun ("a 2013 deal")
        self.via_noun: dict[int, TimeExpression] = {}  # noun -> date of a phrase after it
        self.vague_on: set[int] = set()  # predicates a "recently", "now" hangs on
        self.inside: dict[int, TimeExpression] = {}  # token -> the expression it is part of
        for expr in self.dated:
            self._attach(expr)
            span = view.doc.char_span(expr.start, expr.end, alignment_mode="expand")
            for token in span if span is not None else ():
                self.inside[token.i] = expr
        for expr in self.vague:
            token = self._predicate_of(expr)
            if token is not None:
                self.vague_on.add(token.i)

    # -- where each expression hangs -------------------------------------------------------------

    def _predicate_of(self, expr: TimeExpression) -> Token | None:
        span = self.view.doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        token = span.root
        for _ in range(12):
            if token.head == token:
                return token if token.pos_ in ("VERB", "AUX") else None
            if token.dep_ == "pobj" and token.head.dep_ == "prep":
                noun = token.head.head
                if noun.pos_ in ("NOUN", "PROPN"):
                    self.via_noun.setdefault(noun.i, expr)  # "the days in 1994 that ..."
            token = token.head
            if self._describes_a_thing(token):
                continue  # "a letter dated Monday": the date of the letter, not of an act
            if (token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod")) or (
                token.pos_ == "NOUN" and self.coder.is_event_noun(token)
            ):
                return token
            if token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"):
                return token
        return None

    def _describes_a_thing(self, token: Token) -> bool:
        """A participle after a noun that names no event: "a letter dated Monday", "the rifle
        found April 8"."""
        head = token.head
        return (
            token.pos_ == "VERB"
            and token.dep_ == "acl"
            and token.tag_ == "VBN"
            and head.pos_ in ("NOUN", "PROPN")
            and not self.coder.is_event_noun(head)
        )

    def _attach(self, expr: TimeExpression) -> None:
        span = self.view.doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return
        head = span.root
        parent = head.head
        if (
            parent != head
            and parent.pos_ in ("NOUN", "PROPN")
            and head.dep_ in ("compound", "nummod", "amod", "npadvmod", "poss", "nmod")
        ):
            self.noun_dates.setdefault(parent.i, expr)
            if head.dep_ != "npadvmod":
                self.named_with.add(id(expr))
                if expr.granularity in _THINGS_DATES and not self.coder.is_event_noun(parent):
                    return  # "the 11th century temple", "a 1996 Chevrolet": a thing's date
        if _SINCE.search(self.view.text, max(0, expr.start - 12), expr.start):
            return  # "since Jan. 13": where a span of time starts, not when an act happened
        token = self._predicate_of(expr)
        if token is not None:
            token = self._past_below(token, expr) or token
            self.attached.setdefault(token.i, []).append(expr)

    def _past_below(self, token: Token, expr: TimeExpression) -> Token | None:
        """A verb in the past between a present-tense predicate and the past date the parse hung
        on it: "heads a team prosecuting the bombings which killed 224 people on Aug. 7, 1998"
        (no one heads anything on a day long past; the killing was then)."""
        if token.tag_ not in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") for c in token.children
        ):
            return None
        if self.reference is None or expr.date_end is None:
            return None
        if (self.reference - expr.date_end).days <= 7:
            return None
        span = self.view.doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None:
            return None
        past = [
            t
            for t in token.subtree
            if token.i < t.i < span.start and t.tag_ == "VBD" and t.dep_ in ("relcl", "ccomp")
        ]
        return past[-1] if past else None

    # -- dating every frame ----------------------------------------------------------------------

    def date_frames(self, frames: list[EventFrame]) -> None:
        """Date every frame of the article (see the module docstring), in text order."""
        own_tokens = {}
        for frame in frames:
            for token in (frame.trigger, frame.clause, frame.action):
                if token is not None:
                    own_tokens.setdefault(token.i, frame)
        owner = self._owners(own_tokens)
        statements = {
            token.i
            for frame in frames
            if is_statement(frame, RULE_CODES.statement)
            for token in (frame.trigger, frame.clause)
        }
        told = {  # "the 1991 agreement" names a thing: the story is not in 1991 after it
            i: [e for e in exprs if not self._named_year(e)] for i, exprs in self.attached.items()
        }
        narrative = Narrative(self.view, self.reference, RULE_CODES.statement, told, statements)
        for frame in sorted(frames, key=lambda f: f.trigger.i):
            narrative.enter(frame)
            expr = self.clause_time(frame, owner)
            if expr is None:  # "a year after the mayor was shot": counted from its main clause
                main = own_tokens.get(frame.clause.head.i)
                main_time = main.time if main is not None and main is not frame else None
                expr = counted_apart(frame.clause, self.durations, main_time)
            if expr is not None:
                frame.time, frame.date_source = expr, CLAUSE
            elif self._vague_clause(frame):
                pass  # "recently approved": a time with no date; nothing else dates it
            elif mentioned_happening(frame) and self._inside_another(frame, own_tokens):
                pass  # "condemned the bombings": dated by its other mentions, not the verb's
            elif (expr := self.sentence_time(frame, owner)) is not None:
                frame.time, frame.date_source = expr, SENTENCE
            elif (expr := narrative.time_of(frame)) is not None:
                frame.time, frame.date_source = expr, CONTEXT
                # the lede's day when that is the day of writing ("a statement today"): no more
                # a past act's own date than the publication day is
                frame.story_day = expr is narrative.story and expr.date_end == self.reference
            narrative.record(frame)
        statements = [f for f in frames if is_statement(f, RULE_CODES.statement)]
        self._lede_statements(statements, narrative)
        for frame in frames:  # what a statement reports as so ("said he does not recognize ...")
            if frame.time is not None:
                continue
            tense = tense_of(frame.clause)
            state = tense == "past" and a_state(frame.trigger)  # "said six were in custody"
            # "said Sunday the governor has offered to visit": done by the time it was said
            done = tense == "present perfect" and frame.trigger.pos_ == "VERB"
            if tense != "present" and not state and not done:
                continue
            speaker = self._reporting(frame, own_tokens)
            if speaker is not None:
                if speaker.time is not None and tense_of(speaker.clause) == "past":
                    # done by then, on that day or before: no day of its own to share
                    frame.time, frame.date_source = speaker.time, CONTEXT if done else SENTENCE
            elif state or done:
                continue
            elif (quoted := self._quote_goes_on(frame, statements)) is not None:
                frame.time, frame.date_source = quoted, CONTEXT

    def _lede_statements(self, statements: list[EventFrame], narrative: Narrative) -> None:
        """A statement of the lede that names no day was made on the day its speaker is quoted
        with further on ("the mayor said the governor has offered to visit ... , the mayor said
        Sunday"): news names the day of its lede's statement in a later sentence."""
        lede = set(narrative.lede())
        for frame in statements:
            if frame.time is not None or self.view.sentence_of[frame.trigger.i] not in lede:
                continue
            speakers = {a.name for a in frame.sources}
            later = next(
                (
                    s
                    for s in statements
                    if s.trigger.i > frame.trigger.i
                    and s.date_source in (CLAUSE, SENTENCE)
                    and narrative.near(s.time)
                    and speakers & {a.name for a in s.sources}
                ),
                None,
            )
            if later is not None:
                frame.time, frame.date_source = later.time, CONTEXT

    def _quote_goes_on(
        self, frame: EventFrame, statements: list[EventFrame]
    ) -> TimeExpression | None:
        """The time of the statement a quotation goes on from: a sentence that opens with a
        quotation mark and reports no statement of its own continues the last dated statement
        of the sentence before ('"This is abuse," he said on TV Sunday. "They are turning him
        against me."')."""
        view = self.view
        sentence = view.sentence_of[frame.trigger.i]
        if sentence == 0 or not _OPENS_A_QUOTE.match(view.sentences[sentence].text):
            return None
        if any(view.sentence_of[s.trigger.i] == sentence for s in statements):
            return None
        before = [s for s in statements if view.sentence_of[s.trigger.i] == sentence - 1]
        return before[-1].time if before and before[-1].time is not None else None

    def _reporting(self, frame: EventFrame, own_tokens: dict[int, EventFrame]) -> EventFrame | None:
        """The statement whose reported clause the frame is in, if any."""
        token = frame.clause
        for _ in range(6):
            if token.head == token:
                return None
            dep, token = token.dep_, token.head
            above = own_tokens.get(token.i)
            if above is not None and above is not frame:
                reported = dep in ("ccomp", "parataxis")
                return above if reported and is_statement(above, RULE_CODES.statement) else None
        return None

    def _owners(self, own_tokens: dict[int, EventFrame]) -> dict[int, EventFrame]:
        """id(expression) -> the frame whose clause it belongs to, for those that belong to one;
        and the head of each expression's clause (`clause_of`), frame or not."""
        owner: dict[int, EventFrame] = {}
        self.in_clause: dict[int, list[TimeExpression]] = {}  # clause head -> its expressions
        doc = self.view.doc
        for i, exprs in self.attached.items():
            token = doc[i]
            for _ in range(8):
                frame = own_tokens.get(token.i)
                if frame is not None:
                    for expr in exprs:
                        owner[id(expr)] = frame
                    break
                if token.pos_ not in ("VERB", "AUX"):
                    break  # "deliver on a 2013 deal": the date of the deal, not of delivering
                if token.dep_ not in _INSIDE_A_CLAUSE or token.head == token:
                    break
                if to_do(token) and (
                    all(self._ahead(e) for e in exprs) or token.head.lemma_ in intents()
                ):
                    break  # "is inviting friends to celebrate on March 17", "has offered to
                    # travel today": not the invitation, not the offer
                token = token.head
            self.in_clause.setdefault(token.i, []).extend(exprs)
        return owner

    def clause_time(self, frame: EventFrame, owner: dict[int, EventFrame]) -> TimeExpression | None:
        """The expression of the frame's own clause, or of its object or trigger noun."""
        own = [
            expr
            for token in (frame.trigger, frame.clause, frame.action)
            if token is not None
            for expr in self.attached.get(token.i, ())
        ]
        own += [
            expr
            for exprs in self.attached.values()
            for expr in exprs
            if owner.get(id(expr)) is frame and expr not in own
        ]
        if frame.action is not None and tense_of(frame.clause) == "past":
            # "promised Friday to hold a referendum next year": the promise is not next year
            own = [e for e in own if not self._ahead(e)]
        if frame.action is not None and frame.clause.lemma_ in intents():
            # "has offered to travel today": the day of the journey, not of the offer
            aimed = {id(e) for e in self.attached.get(frame.action.i, ())}
            own = [e for e in own if id(e) not in aimed]
        if own:
            return min(own, key=lambda e: abs(e.start - frame.trigger.idx))
        for child in frame.clause.children:  # the date of the deal it brokered: "a 2013 deal"
            if (
                child.dep_ in ("dobj", "nsubjpass")
                and child.i in self.noun_dates
                and id(self.noun_dates[child.i]) in self.named_with
                and self.coder.is_event_noun(child)
            ):
                return self.noun_dates[child.i]
        if frame.trigger.i in self.noun_dates:
            return self.noun_dates[frame.trigger.i]
        if (then := anniversary(frame.trigger, self.inside, lexicons().ordinals)) is not None:
            return then  # "today, the 39th anniversary of the invasion"
        for child in frame.trigger.children:  # "the bombings, which killed 224 people on Aug. 7"
            if child.dep_ == "relcl" and frame.trigger.pos_ == "NOUN":
                told = [e for e in self.in_clause.get(child.i, ()) if id(e) not in owner]
                if told:
                    return min(told, key=lambda e: abs(e.start - frame.trigger.idx))
        for child in frame.clause.children:  # "the June 2 blasts killed four people"
            if (
                child.dep_ == "nsubj"
                and child.i in self.noun_dates
                and self.coder.is_event_noun(child)
            ):
                return self.noun_dates[child.i]
        head = frame.clause.head
        if frame.clause.dep_ in ("relcl", "advcl", "acl") and head.i in self.inside:
            return self.inside[head.i]  # "on March 3, the day that ..."
        if frame.clause.dep_ == "relcl" and head.i in self.via_noun:
            return self.via_noun[head.i]  # "the days in 1994 that doctors were shot at"
        clause = frame.clause
        for _ in range(4):  # "the 2013 deal that Russia (helped) broker"
            when = self._when(clause)
            if when is not None:
                return when
            if clause.dep_ == "relcl":
                return self.noun_dates.get(clause.head.i)
            if clause.dep_ not in ("xcomp", "conj") or clause.head == clause:
                return None
            clause = clause.head
        return None

    def _when(self, clause: Token) -> TimeExpression | None:
        """The date a "when" clause relates to: "since early December, when Castro promised",
        "Thursday, when 133 people were arrested and police were forced to use tear gas"."""
        when = next((c for c in clause.children if c.lower_ in AT_THE_TIME), None)
        if when is None or when.i >= clause.i or when.i == 0:
            return day_apart(clause, self.inside, self.view.text)
        before = when.i - 1 if self.view.punct[when.i - 1] else when.i
        return self.inside.get(before - 1) if before >= 1 else None

    def _vague_clause(self, frame: EventFrame) -> bool:
        return any(t is not None and t.i in self.vague_on for t in (frame.trigger, frame.clause))

    @staticmethod
    def _inside_another(frame: EventFrame, own_tokens: dict[int, EventFrame]) -> bool:
        """Whether an event noun is part of what another event's clause says ("Estrada condemned
        the bombings on Tuesday", "an investigation into the bombings"): that clause's time is
        not the noun's."""
        token = frame.trigger
        for _ in range(10):
            if token.head == token:
                return False
            token = token.head
            other = own_tokens.get(token.i)
            if other is not None and other is not frame:
                return True
        return False

    def sentence_time(
        self, frame: EventFrame, owner: dict[int, EventFrame]
    ) -> TimeExpression | None:
        """An expression that governs the frame in its sentence: on a predicate above it (the
        nearest), else in a clause below it that no other event owns."""
        token = frame.clause
        past = tense_of(frame.clause) in ("past", "past perfect")
        for _ in range(10):
            dep = token.dep_
            if token.head == token:
                break
            if dep == "prep" and token.lemma_.lower() in TEMPORAL_PREPS:
                break  # "before the talks": the time of the talks is not the frame's
            token = token.head
            if past and token.pos_ == "VERB" and tense_of(token) == "present":
                break  # "said Friday that the car was found where police believe the thieves
                # hid": what is so now stands between the act and the time above it
            exprs = self.attached.get(token.i) or self.in_clause.get(token.i)
            if exprs:
                nearest = min(exprs, key=lambda e: abs(e.start - frame.trigger.idx))
                above = owner.get(id(nearest))
                coarse = nearest.granularity in _THINGS_DATES
                if not other_time(frame, above.clause if above else token, coarse):
                    return nearest
                break
        doc = self.view.doc
        below = [
            expr
            for i, exprs in self.attached.items()
            for expr in exprs
            if (id(expr) not in owner or same_time(owner[id(expr)].clause, frame.clause))
            and self._below(frame.clause, doc[i])
            and not (self._ahead(expr) and for_purpose(frame.clause, doc[i]))
            and not other_time(frame, doc[i], expr.granularity in _THINGS_DATES)
            and not (doc[i].pos_ == "NOUN" and self._named_year(expr))
        ]
        if below:
            return min(below, key=lambda e: abs(e.start - frame.trigger.idx))
        return None

    def _named_year(self, expr: TimeExpression) -> bool:
        """A year written before a noun ("deliver on a 2013 deal"): the noun's, not the act's
        that names it ("wounded in Sunday's attack" is the attack's day, and the wound's)."""
        return id(expr) in self.named_with and expr.granularity in _THINGS_DATES

    def _ahead(self, expr: TimeExpression) -> bool:
        return (
            self.reference is not None
            and expr.date_start is not None
            and expr.date_start > self.reference
        )

    def _below(self, clause: Token, token: Token) -> bool:
        """Whether `token` is in a subordinate clause or phrase of `clause` (not reported speech,
        not another event joined to it), within its sentence."""
        for _ in range(10):
            if token == clause:
                return True
            if token.head == token or token.dep_ not in _SUBORDINATE:
                return False
            token = token.head
        return False

    def event_date(self, frame: EventFrame) -> EventDate:
        """The date fields of the frame's event: its time's, else the publication day's."""
        if frame.time is not None:
            time = frame.time
            return EventDate(time.value, time.granularity, time.date_start, time.date_end)
        day: date | None = self.published
        return EventDate(day.isoformat() if day else "", "day", day, day)


# "the past decade", "the last three years", "the previous two weeks": the span up to the
# reference day (a duration in TIMEX3; "the last two days of the trial" are a trial's)
_PAST_SPAN = re.compile(r"(?:the\s+)?(?:past|last|previous)\s+\S.*", re.IGNORECASE)
_SPAN_VALUE = re.compile(r"P(\d+)([YMWD])")
_LAST_WEEK = re.compile(r"last\s+week", re.IGNORECASE)


def as_event_time(expr: TimeExpression, reference: date | None, text: str) -> TimeExpression:
    """The expression as a time of events, where that differs from its TIMEX3 interval:

    - a span counted back from the reference day ("won the title in each of the last three
      years", "prices have doubled over the past decade") covers those days, though TIMEX3
      writes it as a duration (P3Y);
    - "last week" written on a Saturday or a Sunday is the week then ending: what a weekend
      paper tells of "last week" happened on its working days (TimeML gives the week before).
    """
    if reference is None:
        return expr
    if expr.type == DURATION:
        found = _SPAN_VALUE.fullmatch(expr.value)
        written = expr.text.strip()
        of_a_thing = text[expr.end :].startswith(" of ")  # "the last two days of the trial"
        if found is None or of_a_thing or not _PAST_SPAN.fullmatch(written):
            return expr
        count, unit = int(found.group(1)), found.group(2)
        if unit in "WD":
            start = reference - timedelta(days=count * (7 if unit == "W" else 1))
        else:
            months = count * (12 if unit == "Y" else 1)
            year, month = add_months(reference.year, reference.month, -months)
            start = date(year, month, min(reference.day, 28))
        granularity = {"Y": "year", "M": "month", "W": "week", "D": "day"}[unit]
        return replace(expr, granularity=granularity, date_start=start, date_end=reference)
    if (
        _LAST_WEEK.fullmatch(expr.text.strip())
        and reference.isoweekday() >= 6
        and expr.value == week_value(reference - timedelta(days=7))
    ):
        monday = reference - timedelta(days=reference.isoweekday() - 1)
        return replace(expr, value=week_value(reference), date_start=monday, date_end=reference)
    return expr


def mentioned_happening(frame: EventFrame) -> bool:
    """A noun of violence, coercion or protest: a mention of a happening, whose date is its own,
    not that of the sentence it is mentioned in or the story's ("Estrada on Tuesday condemned the
    bombings", "the blast in Nairobi"); when its own words do not date it, its other mentions do
    (`happenings.share_dates`)."""
    trigger = frame.trigger
    return (
        trigger.i == frame.clause.i
        and trigger.pos_ == "NOUN"
        and frame.code[:2] in RULE_CODES.happenings
    )
