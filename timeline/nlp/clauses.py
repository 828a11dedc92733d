"""How the clauses of a sentence relate in time, as far as the grammar says: whether a clause
below another happens at its time ("was shot shortly after he returned home"), has a time of its
own ("said Friday he had been arrested"), is what another is done for ("subpoenaed him to
testify on Feb. 10") or aims at ("is inviting friends to celebrate on March 17"), and whether a
noun names a state someone is in ("were in custody"), and the day of a clause named as the day
before or after a date, counted from its main clause's day ("a year after the mayor was shot") or
the anniversary of one. `dating` reads them."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.nlp.dates.calendar import add_months
from timeline.nlp.narrative import tense_of
from timeline.nlp.syntax import infinitive, with_to

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.frames.predicates import EventFrame
    from timeline.records import TimeExpression

# Conjunctions of a temporal clause that happens at the time of its main clause, and the adverbs
# that bring "after" close enough ("shortly after", "just after")
AT_THE_TIME = frozenset({"when", "as", "while", "whilst"})
CLOSE_AFTER = frozenset({"shortly", "just", "soon", "immediately", "right", "moments", "minutes"})
# a count of weeks, months or years from a day is loose by this many days either way
LOOSE_DAYS = 3
_COUNT = re.compile(r"P(\d+)([YMWD])")
_DAYS = frozenset({"day", "part_of_day", "hour", "minute", "second"})


def same_time(subordinate: Token, clause: Token) -> bool:
    """Whether a clause is a temporal clause of `clause` that happens at its time: "when",
    "as", "while", "shortly after" ("was shot shortly after he returned home on Friday")."""
    if subordinate.dep_ != "advcl" or subordinate.head != clause:
        return False
    marks = {c.lower_ for c in subordinate.children if c.dep_ == "mark"}
    if marks & AT_THE_TIME:
        return True
    close = {c.lower_ for c in subordinate.children if c.dep_ == "advmod"} & CLOSE_AFTER
    return "after" in marks and bool(close)


def other_time(frame: EventFrame, predicate: Token, coarse: bool) -> bool:
    """Whether the predicate above (or below) the frame has a time of its own the frame does
    not share: what had happened before it ("said Friday he had been arrested", "concluded
    in January he had been killed"; but "an order in 1992 against protesters who had
    blocked a clinic": within a year it is still that year), a plan's time for what is done
    or the other way round ("promised Friday to hold a vote next year")."""
    mine, theirs = tense_of(frame.clause), tense_of(predicate)
    if mine == "past perfect" and theirs != "past perfect" and not coarse:
        return True
    return (mine in ("future", "modal")) != (theirs in ("future", "modal"))


def a_state(trigger: Token) -> bool:
    """Whether a noun names a state its clause says someone is in ("were in custody", "remained
    in detention"): told in the past under a past statement, it held when the statement was
    made."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    verb = trigger.head.head
    return trigger.head.dep_ == "prep" and verb.lemma_ in ("be", "remain", "stay")


def for_purpose(clause: Token, token: Token) -> bool:
    """Whether `token` is inside an infinitive of purpose of `clause` ("subpoenaed him to testify
    on Feb. 10"): a later day there is the day of what the act is done for, not of the act."""
    while token != clause and token.head != token:
        if token.dep_ == "advcl" and infinitive(token):
            return True
        token = token.head
    return False


def to_do(token: Token) -> bool:
    """An infinitive or gerund complement: "to celebrate", "in celebrating"."""
    if token.dep_ == "xcomp" and token.tag_ == "VB":
        return with_to(token)
    return token.dep_ in ("pcomp", "xcomp") and token.tag_ == "VBG"


def day_apart(clause: Token, inside: dict[int, TimeExpression], text: str) -> TimeExpression | None:
    """The day a clause happened on when the text names it as the day before or after a date
    (`inside`: token -> the expression it is part of): "last seen Nov. 3, the day before
    authorities issued a warrant" (Nov. 4)."""
    mark = next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)
    day = next((c for c in clause.children if c.dep_ == "npadvmod"), clause.head)
    if day.lower_ != "day" or mark not in ("before", "after") or day.i > clause.i:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in day.children):
        return None
    named = next((t for t in (day.i - 2, day.i - 3) if t >= 0 and t in inside), None)
    expr = inside.get(named) if named is not None else None
    if expr is None or expr.granularity != "day" or expr.date_start is None:
        return None
    shifted = expr.date_start + timedelta(days=1 if mark == "before" else -1)
    end = day.idx + len(day.text)
    return replace(
        expr,
        text=text[expr.start : end],
        end=end,
        value=shifted.isoformat(),
        date_start=shifted,
        date_end=shifted,
    )


def anniversary(
    trigger: Token, inside: dict[int, TimeExpression], ordinals: dict[str, int]
) -> TimeExpression | None:
    """The day of a happening named as what a dated day is the anniversary of: "today, the 39th
    anniversary of the Bay of Pigs fiasco, an aborted invasion" (39 years before today), "Sunday
    was the 10th anniversary of the attack"."""
    token = trigger
    for _ in range(4):
        if token.dep_ not in ("pobj", "prep", "appos") or token.head == token:
            return None
        token = token.head
        if token.lemma_ == "anniversary":
            break
    else:
        return None
    nth = next((c.lower_ for c in token.children if c.dep_ == "amod"), "")
    years = int(nth[:-2]) if re.fullmatch(r"\d+(?:st|nd|rd|th)", nth) else ordinals.get(nth)
    if not years:
        return None
    first = min(c.i for c in token.children if c.dep_ in ("det", "amod"))
    expr = inside.get(first - 2)  # "today, the 39th anniversary"
    if expr is None and token.dep_ == "attr":  # "Sunday was the 10th anniversary"
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        expr = inside.get(subject.i) if subject is not None else None
    if expr is None or expr.granularity != "day" or expr.date_start is None:
        return None
    day = expr.date_start
    try:
        then = day.replace(year=day.year - years)
    except ValueError:  # February 29
        then = day.replace(year=day.year - years, day=28)
    return replace(expr, value=then.isoformat(), date_start=then, date_end=then)


def counted_apart(
    clause: Token, durations: dict[int, TimeExpression], main: TimeExpression | None
) -> TimeExpression | None:
    """The day of a clause the text counts from the day of its main clause (`main`; `durations`:
    token -> the duration it heads): "a vigil on Sunday, a year after the mayor was shot" (a
    year before), "resigned on Friday, two days before she was charged" (two days after). A
    count of weeks, months or years is loose by a few days (a vigil falls on the Sunday nearest
    the day): the week around the day counted, no day to lend other mentions."""
    if clause.dep_ != "advcl" or main is None or main.date_start is None:
        return None
    if main.granularity not in _DAYS:
        return None
    mark = next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)
    count = next(
        (durations[c.i] for c in clause.children if c.dep_ == "npadvmod" and c.i in durations),
        None,
    )
    found = _COUNT.fullmatch(count.value) if count is not None else None
    if mark not in ("after", "before") or found is None:
        return None
    amount, unit = int(found.group(1)) * (-1 if mark == "after" else 1), found.group(2)
    base = main.date_start
    if unit in "DW":
        day = base + timedelta(days=amount * (7 if unit == "W" else 1))
    else:
        year, month = add_months(base.year, base.month, amount * (12 if unit == "Y" else 1))
        day = date(year, month, min(base.day, calendar.monthrange(year, month)[1]))
    loose = timedelta(days=0 if unit == "D" else LOOSE_DAYS)
    return replace(
        main,
        text=count.text,
        start=count.start,
        end=count.end,
        value=day.isoformat(),
        granularity="week" if loose else "day",
        date_start=day - loose,
        date_end=day + loose,
        mod="APPROX" if loose else None,
    )
