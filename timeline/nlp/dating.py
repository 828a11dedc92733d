"""Event dating: the date of each event frame, from the article's time expressions.

A frame's own time is the expression that governs it in the parse ("arrives on Tuesday"), or
dates its object or trigger noun ("a 2013 deal"); else the context time: the last date earlier
in the same paragraph (the narrative anchor), which does not date present-tense verbs (they are
dated at publication) nor past-tense verbs with a later date, and dates a statement only when it
is a day of the week before publication ("yesterday ..., Tillerson said"); else publication.
Mentions of one happening (same root, shared actor) then share the best date among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from timeline.nlp.coding import RULE_CODES
from timeline.nlp.words import TEMPORAL_PREPS
from timeline.records import DATE, TIME, TimeExpression

if TYPE_CHECKING:
    from timeline.nlp.article import ArticleView
    from timeline.nlp.coding import EventCoder
    from timeline.nlp.frames.predicates import EventFrame


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
        self.dated = [
            e
            for e in sorted(expressions, key=lambda e: e.start)
            if e.type in (DATE, TIME) and e.date_start is not None
        ]
        self.governs: dict[int, TimeExpression] = {}  # predicate token -> expression
        self.noun_dates: dict[int, TimeExpression] = {}  # noun -> date modifying it ("2013 deal")
        self._attach_times()

    def _attach_times(self) -> None:
        doc = self.view.doc
        for expr in self.dated:
            span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            head = span.root
            parent = head.head
            if (
                parent is not head
                and parent.pos_ in ("NOUN", "PROPN")
                and head.dep_ in ("compound", "nummod", "amod", "npadvmod", "poss", "nmod")
            ):
                self.noun_dates.setdefault(parent.i, expr)
            token = head
            for _ in range(12):
                if token.head is token:
                    break
                token = token.head
                if (token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod")) or (
                    token.pos_ == "NOUN" and self.coder.is_event_noun(token)
                ):
                    self.governs.setdefault(token.i, expr)
                    break
                if token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"):
                    self.governs.setdefault(token.i, expr)
                    break

    def date(self, frame: EventFrame) -> None:
        """Date a frame by its own time, else by the context time (else it keeps publication)."""
        expr = self.own_time(frame)
        if expr is not None:
            frame.time, frame.date_source = expr, "text"
        else:
            expr = self.context_time(frame)
            if expr is not None:
                frame.time, frame.date_source = expr, "context"

    def own_time(self, frame: EventFrame) -> TimeExpression | None:
        """The expression that governs the frame's predicate, or dates its object or trigger."""
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
            if dep == "prep" and token.lemma_.lower() in TEMPORAL_PREPS:
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

    def context_time(self, frame: EventFrame) -> TimeExpression | None:
        """The narrative anchor: the last date earlier in the paragraph. Not for what is so now
        (present-tense verbs are dated at publication); a past-tense verb is not anchored to a
        date after publication; a statement is news of the last days, so only a day of the week
        before publication anchors it ("yesterday ... said"), never a year or month of the
        story's background."""
        clause = frame.clause
        if clause.tag_ in ("VBZ", "VBP"):
            return None
        statement = frame.code[:2] in RULE_CODES.statement
        past = clause.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.tag_ == "VBD" for c in clause.children
        )
        offset = frame.trigger.idx
        view = self.view
        begin = view.paragraphs[view.paragraph_index(offset)]
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

    def share_dates(self, frames: list[EventFrame]) -> None:
        """Mentions of one happening (same root, shared actor) share the best date among them."""

        def overlap(a: EventFrame, b: EventFrame) -> bool:
            if {x.name for x in a.sources} & {x.name for x in b.sources}:
                return True
            return bool({x.name for x in a.targets} & {x.name for x in b.targets})

        for frame in frames:
            if frame.date_source != "publication" and frame.antecedent is None:
                continue
            if frame.code[:2] in RULE_CODES.statement or frame.status in (
                "negated",
                "hypothetical",
            ):
                continue
            best = None
            best_rank = (-1, 0)
            for other in frames:
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
        for frame in frames:  # an anaphoric mention dates its antecedent the other way too
            ante = frame.antecedent
            if ante is not None and ante.date_source == "publication" and frame.time is not None:
                ante.time, ante.date_source = frame.time, "context"

    def event_date(self, frame: EventFrame) -> EventDate:
        """The date fields of the frame's event: its time's, else the publication day's."""
        if frame.time is not None:
            time = frame.time
            return EventDate(time.value, time.granularity, time.date_start, time.date_end)
        day: date | None = self.published
        return EventDate(day.isoformat() if day else "", "day", day, day)
