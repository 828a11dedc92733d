"""Articles published in a month or a year, not on a known day ("2018-03").

Their publication time is the period's first instant; a date in the text that counts from the
publication ("yesterday", "on Tuesday", "last week") would count from that first instant as if it
were the day. Here such a date resolves no finer than the period: an expression whose value
changes when it is resolved against the period's last instant instead of its first depends on the
unknown day, and becomes the period itself; one that does not ("in 2017", "last year" in a March
article) stays as it is. Events dated by the publication are dated by the period.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from timeline.records import Article, Event, TimeExpression

# the publication granularities coarser than a day
COARSE = ("month", "year")


class Period(NamedTuple):
    value: str  # TIMEX3 value: 2018-03, 2018
    granularity: str  # month / year
    first: date
    last: date


def publication_period(article: Article) -> Period | None:
    """The month or year an article was published in, when that is all that is known."""
    granularity = article.published_granularity
    if granularity not in COARSE or article.published_at is None:
        return None
    start = article.published_at.date()
    if granularity == "year":
        return Period(f"{start.year:04d}", "year", date(start.year, 1, 1), date(start.year, 12, 31))
    last = calendar.monthrange(start.year, start.month)[1]
    return Period(
        f"{start.year:04d}-{start.month:02d}",
        "month",
        date(start.year, start.month, 1),
        date(start.year, start.month, last),
    )


def no_finer_than(
    period: Period,
    expressions: list[TimeExpression],
    resolve: Callable[[datetime], list[TimeExpression]],
    published_at: datetime,
) -> list[TimeExpression]:
    """The expressions, those that depend on the unknown day replaced by the period. `resolve`
    finds the expressions of the same text against another anchor."""
    last_instant = datetime.combine(period.last, time(23, 59), published_at.tzinfo)
    if last_instant - published_at < timedelta(days=1):
        return expressions
    other = {(e.start, e.end): e.value for e in resolve(last_instant)}
    return [
        expression
        if other.get((expression.start, expression.end), expression.value) == expression.value
        else dataclasses.replace(
            expression,
            value=period.value,
            granularity=period.granularity,
            date_start=period.first,
            date_end=period.last,
        )
        for expression in expressions
    ]


def dated_by_period(period: Period, events: list[Event]) -> None:
    """Events dated by the publication are dated by its period."""
    for event in events:
        if event.date_source == "publication":
            event.date_value, event.granularity = period.value, period.granularity
            event.date_start, event.date_end = period.first, period.last
