"""Publication times as the command line and the files give them: as sources write them.

    2017-04-07, 2017-04-07T09:30:00-04:00       ISO 8601
    Fri, 07 Apr 2017 09:30:00 -0400             RFC 2822, as in feeds
    March 29, 2018 6:45 PM EDT                  names of months, 12-hour clocks, zone names
    29/03/2018, 29.03.2018                      day-first or month-first when only one reading is
                                                possible; 03/04/2018 needs date_order DMY or MDY
    2018-03, March 2018, 2018                   a month or a year alone: the period's first
                                                instant, with granularity month or year

ISO and RFC 2822 are read directly; everything else with dateparser (imported only then), whose
habit of filling missing parts from today's date is never let through: the year must be written
(four digits), and a phrase that means another day depending on when it is read ("yesterday",
"Tuesday", "2 days ago") is refused rather than resolved against the clock. A time without a zone
is taken as UTC; the result is always timezone-aware, in UTC when a zone was named.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, date, datetime
from typing import NamedTuple

from timeline.errors import InputError
from timeline.read.messages import shown

ISO_HINT = (
    "expected a date such as 2017-04-07, 2017-04-07T09:30:00-04:00, "
    "'March 29, 2018 6:45 PM EDT', 29/03/2018 or 2018-03"
)
DATE_ORDERS = ("DMY", "MDY")
# how precise a publication time is, coarse to fine
GRANULARITIES = ("year", "month", "day", "minute", "second")

_ISO_LIKE = re.compile(r"\d{4}-\d{2}(-\d{2}([T ].*)?)?")
# RFC 2822 as feeds write it ("Fri, 07 Apr 2017 09:30:00 -0400"): email.utils reads other text
# too, wrongly ("March 29, 2018 6:45 PM EDT" as 06:45), so only this shape goes to it
_RFC2822 = re.compile(
    r"([A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(:\d{2})?"
    r"(\s*([+-]\d{4}|GMT|UTC?|Z))?"
)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


class PublishedTime(NamedTuple):
    """A publication time and how precise it is (one of GRANULARITIES)."""

    moment: datetime
    granularity: str


def parse_published(value: str, date_order: str | None = None) -> datetime:
    """The moment of a publication time (see `parse_publication`)."""
    return parse_publication(value, date_order).moment


def parse_publication(value: str, date_order: str | None = None) -> PublishedTime:
    """Parse a publication time as sources write it (see the module's forms).

    `date_order` (DMY or MDY) says how to read a date such as 03/04/2018 that could be either;
    without it such a date is an error that says so. Raises `InputError` for anything that is not
    one publication time: a relative phrase, a date without its year, text that is no date.
    """
    text = " ".join(value.split()) if isinstance(value, str) else ""
    if date_order is not None and date_order.upper() not in DATE_ORDERS:
        raise InputError(f"unknown date order {date_order!r}: DMY or MDY")
    if not text:
        raise InputError(f"invalid publication time '{shown(str(value))}': {ISO_HINT}")
    found = _iso(text)
    if found is None and _RFC2822.fullmatch(text):
        rfc = parse_rfc2822(text)
        found = PublishedTime(rfc, moment_granularity(rfc)) if rfc else None
    if found is None and not _ISO_LIKE.fullmatch(text):
        found = _written(text, date_order)
    if found is None:
        raise InputError(f"invalid publication time '{shown(text)}': {ISO_HINT}")
    moment = found.moment
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return PublishedTime(moment, found.granularity)


def try_published(value: object) -> datetime | None:
    """parse_published, or None: a page date we cannot read is no date at all."""
    if not isinstance(value, str):
        return None
    try:
        return parse_published(value)
    except InputError:
        return None


def parse_rfc2822(text: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def moment_granularity(moment: datetime) -> str:
    """How precise a moment given with a time of day is: day (midnight), minute or second."""
    if (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0):
        return "day"
    return "minute" if (moment.second, moment.microsecond) == (0, 0) else "second"


def _iso(text: str) -> PublishedTime | None:
    """ISO 8601: a year, a month, a day or a date-time; None when the text is not ISO."""
    try:
        if re.fullmatch(r"\d{4}", text):
            return PublishedTime(datetime(int(text), 1, 1), "year")
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = map(int, text.split("-"))
            return PublishedTime(datetime(year, month, 1), "month")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = date.fromisoformat(text)
            return PublishedTime(datetime(day.year, day.month, day.day), "day")
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return PublishedTime(moment, "second" if moment.second or moment.microsecond else "minute")


# --- as sources write them: dateparser ---------------------------------------------------------

_PERIODS = {"year": "year", "month": "month", "day": "day"}
# two days far apart: a phrase that reads as a different date from each is relative
_BASES = (datetime(2001, 2, 3, 4, 5, 6), datetime(2013, 10, 11, 12, 13, 14))


def _written(text: str, date_order: str | None) -> PublishedTime:
    """A date as a person writes it, read with dateparser; raises InputError with the reason."""
    readings = {
        order: _dateparser(text, order, _BASES[0])
        for order in ((date_order.upper(),) if date_order else DATE_ORDERS)
    }
    if all(reading is None for reading in readings.values()):
        raise InputError(f"invalid publication time '{shown(text)}': {ISO_HINT}")
    if any(
        _dateparser(text, order, _BASES[1]) != reading
        for order, reading in readings.items()
        if reading is not None
    ):
        raise InputError(
            f"'{shown(text)}' is relative to the day it is read, not a publication time: "
            "give the date itself (2017-04-07, 'April 7, 2017')"
        )
    distinct = {reading for reading in readings.values() if reading is not None}
    if len(distinct) > 1:
        first, second = (readings[order] for order in DATE_ORDERS)
        raise InputError(
            f"'{shown(text)}' could be {first.moment.day} {first.moment:%B %Y} (day first) or "
            f"{second.moment:%B} {second.moment.day}, {second.moment.year} (month first): "
            "give --date-order DMY or MDY"
        )
    found = distinct.pop()
    if not any(int(year) == found.moment.year for year in _YEAR.findall(text)):
        raise InputError(
            f"'{shown(text)}' has no four-digit year: a publication time needs its year"
        )
    return found


def _dateparser(text: str, order: str, base: datetime) -> PublishedTime | None:
    from dateparser.date import DateDataParser

    settings = {
        "DATE_ORDER": order,
        "RELATIVE_BASE": base,
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",  # a month alone is its first day, not today's
        "PREFER_MONTH_OF_YEAR": "first",
        "REQUIRE_PARTS": ["year"],  # never this year by default
        "RETURN_AS_TIMEZONE_AWARE": True,
        "TIMEZONE": "UTC",  # a time without a zone is UTC
        "TO_TIMEZONE": "UTC",
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    moment = data.date_obj.astimezone(UTC)
    granularity = _PERIODS.get(data.period or "") or moment_granularity(moment)
    if data.period == "time" and granularity == "day":
        granularity = "minute"  # midnight written as a time ("12:00 AM") is still a time
    return PublishedTime(moment, granularity)
