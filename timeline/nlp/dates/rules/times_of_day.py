"""Rules for times of day: clock times ("10:35 a.m.", "14:00 GMT", "7 in the evening"), noon and
midnight, and parts of the day ("this morning", "last night", "the next morning").

A clock time, noon or a part of the day falls on the day the text is talking about there: the last
day it named, else the reference day (the publication's, or the article's own date line's); a live
blog's time stamp ("6:45 p.m.: ...") and the times of its entry on the reference day
(`Context.day_at`, reference.py). Parts of the day stay in the value (2017-04-07TMO), as TimeML
writes them.
"""

from __future__ import annotations

from datetime import timedelta

from timeline.nlp.dates.rules.rule import (
    Candidate,
    Context,
    Resolution,
    Rule,
    RuleMatch,
    approximation,
    part_of_day_code,
    position_modifier,
)
from timeline.records import TIME


def _twenty_four_hour(hour: int, minute: int, am_pm: str | None) -> tuple[int, int]:
    if am_pm:
        p = am_pm.lower().replace(".", "").replace(" ", "")
        if p.startswith("p") and hour < 12:
            hour += 12
        if p.startswith("a") and hour == 12:
            hour = 0
    return hour, minute


def resolve_clock_time(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "10:35 a.m.", "5 p.m. EST"; "13 p.m." is no time."""
    hour, minute = _twenty_four_hour(
        int(match.group("h")), int(match.group("mi") or 0), match.group("ampm")
    )
    if int(match.group("h")) > 12:
        return None
    return context.time_on_the_day(candidate, f"T{hour:02d}:{minute:02d}", approximation(match))


CLOCK_TIME = Rule(
    name="clock_time",
    pattern=lambda f: (
        rf"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>{f.am_pm}){f.time_zone}"
    ),
    before=lambda f: f.approximation,
    triggers=("a.m", "p.m", "am", "pm", "a. m", "p. m"),
    resolve=resolve_clock_time,
    priority=80,
)


def resolve_utc_clock_time(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "14:00 GMT" = ...T14:00Z."""
    hour, minute = int(match.group("h")), int(match.group("mi"))
    return context.time_on_the_day(candidate, f"T{hour:02d}:{minute:02d}Z")


UTC_CLOCK_TIME = Rule(
    name="utc_clock_time",
    pattern=r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|Z)\b",
    triggers=("gmt", "utc"),
    resolve=resolve_utc_clock_time,
    priority=90,
)


def resolve_clock_in_part_of_day(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "7 in the evening" = 19:00, "11 at night" = 23:00, "12 at night" = 00:00."""
    hour, minute = int(match.group("h")), int(match.group("mi") or 0)
    part = (match.group("pod") or "").lower()
    if part in ("afternoon", "evening") or (match.group("night") and hour >= 6):
        hour = hour % 12 + 12
    elif hour == 12:
        hour = 0
    return context.time_on_the_day(candidate, f"T{hour:02d}:{minute:02d}")


CLOCK_IN_PART_OF_DAY = Rule(
    name="clock_in_part_of_day",
    pattern=(
        r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?(?:\s+o['’]clock)?\s+"
        r"(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<night>night))\b"
    ),
    triggers=(" in the morning", " in the afternoon", " in the evening", " at night"),
    resolve=resolve_clock_in_part_of_day,
    priority=100,
)


def noon_not_a_title(candidate: Candidate, text: str) -> bool:
    """A capitalised "Noon" inside a sentence is a title ("High Noon")."""
    word = candidate.match.group("w")
    if not word[0].isupper() or word.isupper():
        return True
    before = text[: candidate.start].rstrip()
    return not (bool(before) and before[-1] not in '.!?\n"“')


_CLOCK_OF = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}


def resolve_noon(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    clock = _CLOCK_OF[match.group("w").lower()]
    return context.time_on_the_day(candidate, f"T{clock}")


NOON = Rule(
    name="noon",
    pattern=r"\b(?=[nmNM])(?P<w>noon|midnight|midday)\b",
    triggers=("noon", "midnight", "midday"),
    checks=(noon_not_a_title,),
    resolve=resolve_noon,
    priority=370,
)


_STEP = {"next": 1, "following": 1, "previous": -1}


def resolve_part_of_day(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "the next morning", "the previous evening" of the last day of the text; "the morning" of
    the day the text is talking about there."""
    part = part_of_day_code(match.group("pod"))
    step = (match.group("next") or "").lower()
    mod = position_modifier(match)
    if step not in _STEP:
        return context.time_on_the_day(candidate, f"T{part}", mod)
    base = (context.last_day or context.anchor.date()) + timedelta(days=_STEP[step])
    return Resolution(TIME, f"{base.isoformat()}T{part}", mod)


PART_OF_DAY = Rule(
    name="part_of_day",
    pattern=r"\b(?=[maeMAE])(?P<pod>morning|afternoon|evening)\b(?!-)",  # not "morning-after"
    before=lambda f: (
        rf"{f.modifier}(?:\b(?P<the>the)\s+(?:(?P<next>next|following|previous|same)\s+)?)?"
    ),
    before_required=True,
    triggers=lambda lex: tuple(lex.parts_of_day),
    resolve=resolve_part_of_day,
    priority=380,
)


_DAY_OF = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}


def resolve_this_part_of_day(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "this morning", "last night", "tomorrow evening", "yesterday afternoon"."""
    day = context.anchor.date() + timedelta(days=_DAY_OF[match.group("rel").lower()])
    part = part_of_day_code(match.group("pod"))
    return Resolution(TIME, f"{day.isoformat()}T{part}", position_modifier(match))


THIS_PART_OF_DAY = Rule(
    name="this_part_of_day",
    pattern=lambda f: (
        rf"\b(?=[tlyTLY])(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod>{f.part_of_day})\b"
    ),
    before=lambda f: f.modifier,
    triggers=lambda lex: tuple(lex.parts_of_day),
    resolve=resolve_this_part_of_day,
    priority=120,
)


RULES = (
    CLOCK_TIME, UTC_CLOCK_TIME, CLOCK_IN_PART_OF_DAY, NOON, PART_OF_DAY, THIS_PART_OF_DAY,
)  # fmt: skip
