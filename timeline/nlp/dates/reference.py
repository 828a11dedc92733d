"""The reference time of an article and of each place in it: the day the text calls "today".

An article may open with its own date: a date line ("Friday, June 8, 2018", "June 8, 2018 --",
"Posted: June 8, 2018 3:45 p.m.", "By Ann Lee, Staff Writer June 8, 2018") or a wire dateline
("WASHINGTON, June 8 (AP) --"). That day is the day the text is written from: relative expressions
("today", "on Friday", "this morning") resolve against it, with the publication time's clock and
zone, and its year when the line gives none. The publication time alone is the reference when
there is no date line, or when the one found lies more than `DAYS_BEFORE` days before the
publication or more than `DAYS_AFTER` after it (a date at the top of an archived page).

A time of day ("6:45 p.m.", "noon") falls on the day the text is talking about there: the last day
it named, else the reference day. A time stamp that opens a line or a paragraph, as live blogs
write their entries ("6:45 p.m.: Police say ..."), is on the reference day whatever the entries
before it talked about, and the times of its entry after it too.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from timeline.nlp.dates.rules.rule import Candidate, Resolution

DAYS_BEFORE = 31
DAYS_AFTER = 2
OPENING = 400  # characters from the start of the text a date line may begin in
DATE_LINE_RULES = frozenset({"iso_date", "slash_date", "month_day", "day_month"})

# Before a date line on its line: capitalised words (a place, a byline's name), punctuation, and
# the words that introduce one ("Posted", "Updated", "By ... Staff Writer")
_LINE_BEFORE = re.compile(
    r"(?:\A|\n|[.!?]\s)(?:[^\S\n]*(?:(?i:by|on|at|posted|published|updated|last|modified|staff"
    r"|writer|correspondent|reporter)\b|[A-Z][\w.'’&-]*|[,:|/()\u2013\u2014-]+))*[^\S\n]*\Z"
)
# A wire dateline's place: "WASHINGTON, ", "BEIRUT, Lebanon, "
_WIRE_PLACE = re.compile(r"(?:\A|\n)[^\S\n]*[A-Z][A-Z.'’ -]+,(?:[^\S\n]*[A-Z][\w.]*)*,?[^\S\n]*\Z")
# After it: the end of the line, a dash, a colon, a bracket ("(AP)"), a clock time, or the first
# word of the body
_LINE_AFTER = re.compile(
    r"[^\S\n]*(?:\Z|\n|--|[-\u2013\u2014:|(]|\d{1,2}:\d\d|at\s+\d|[A-Z])|[^\S\n]*,[^\S\n]*\d{1,2}:\d\d"
)
# A time stamp that opens a line: "6:45 p.m.:", "10:02 a.m. -", "Updated 9:15 a.m."
_STAMP_BEFORE = re.compile(
    r"(?:\A|\n)[^\S\n]*(?:(?:updated|posted|update)[^\S\n]*:?[^\S\n]*)?\Z", re.I
)
_STAMP_AFTER = re.compile(r"[^\S\n]*(?:[:|\u2013\u2014-]|\n|\Z)")


def is_date_line(text: str, candidate: Candidate) -> bool:
    """Whether a candidate stands where an article's own date line stands: in its opening, on a
    line of its own or after a place or a byline, and not inside a sentence of the body."""
    if candidate.start > OPENING or candidate.rule.name not in DATE_LINE_RULES:
        return False
    match = candidate.match
    if match.group("rel"):
        return False  # "last March 30": counted from a day, not one
    wire = _WIRE_PLACE.search(text, max(0, candidate.start - 60), candidate.start)
    if not (match.group("y") or match.group("wd") or wire):
        return False  # a month and day alone date a line only after a wire dateline's place
    if _LINE_BEFORE.search(text, max(0, candidate.start - 120), candidate.start) is None:
        return False
    return _LINE_AFTER.match(text, candidate.end) is not None


def reference_time(
    text: str,
    candidates: list[Candidate],
    published: datetime,
    resolve: Callable[[Candidate], Resolution | None],
) -> datetime | None:
    """The day of the article's own date line, at the publication's clock (noon when the day
    differs), or None when it has none the publication time allows."""
    for candidate in candidates:
        if candidate.start > OPENING:
            break
        if not is_date_line(text, candidate):
            continue
        resolved = resolve(candidate)
        if resolved is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", resolved.value[:10]):
            continue
        day = date.fromisoformat(resolved.value[:10])
        gap = (day - published.date()).days
        if not -DAYS_BEFORE <= gap <= DAYS_AFTER:
            return None
        if gap == 0:
            return published
        return published.replace(year=day.year, month=day.month, day=day.day, hour=12, minute=0,
                                 second=0, microsecond=0)  # fmt: skip
    return None


def is_time_stamp(text: str, start: int, end: int) -> bool:
    """Whether a clock time at text[start:end] opens a line as a live blog's entry stamp."""
    return bool(_STAMP_BEFORE.search(text, max(0, start - 20), start)) and bool(
        _STAMP_AFTER.match(text, end)
    )
