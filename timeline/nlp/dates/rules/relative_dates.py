"""Rules for dates relative to the publication time or to a date of the text: "today",
"yesterday evening", "on Tuesday", "the previous Friday", "last week", "next month", "the
following year", "that day", "this weekend".

Text anchors: "the next day" counts from the last day-precise date resolved before it in the text
("on Tuesday", "March 3"); "the following year", "later that month" from the last date of any
precision. With no such date, from the publication time (anchor_source tells which).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.nlp.dates.calendar import shifted_unit_value, week_value, weekday_near
from timeline.nlp.dates.direction import direction_of
from timeline.nlp.dates.lexicons import lexicons
from timeline.nlp.dates.quantities import duration_value, unit_and_letter
from timeline.nlp.dates.rules.checks import part_of_the_period_after, unit_not_a_title
from timeline.nlp.dates.rules.quarters import (
    ENDED,
    in_a_results_sentence,
    note_reported_quarter,
    quarter_ended_on,
)
from timeline.nlp.dates.rules.rule import (
    Candidate,
    Context,
    Resolution,
    Rule,
    RuleMatch,
    part_of_day_code,
    position_modifier,
)
from timeline.records import DATE, DURATION, TIME

_DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": -1}


def resolve_today_yesterday_tomorrow(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "today", "yesterday evening", "tonight" (NI), "overnight" (the night before a morning
    publication, else the coming one)."""
    word = match.group("w").lower()
    anchor = context.anchor.date()
    day = anchor + timedelta(days=_DAY_OFFSET[word])
    part = part_of_day_code(match.group("pod")) or {"tonight": "NI", "overnight": "NI"}.get(word)
    if word == "overnight" and not match.group("pod"):
        day = anchor - timedelta(days=1) if context.anchor.hour < 12 else anchor
    if part:
        return Resolution(TIME, f"{day.isoformat()}T{part}", position_modifier(match))
    return Resolution(DATE, day.isoformat(), position_modifier(match))


def not_in_a_name(candidate: Candidate, text: str) -> bool:
    """A capitalised "Today", "Tomorrow" inside a sentence is a name: "USA Today", "Trees for
    Tomorrow"."""
    word = candidate.match.group("w")
    if not word[0].isupper() or word.isupper() or candidate.match.group("modw"):
        return True
    start = candidate.start
    before = text[:start].rstrip()
    if not before or "\n" in text[len(before) : start]:
        return True  # it opens the text or a line
    return before[-1] in ".!?:;\"“”‘’`'(-—–"


TODAY_YESTERDAY_TOMORROW = Rule(
    name="today_yesterday_tomorrow",
    pattern=lambda f: (
        rf"\b(?=[tyoTYO])(?P<w>today|yesterday|tomorrow|tonight|overnight)\b"
        rf"(?:\s+(?P<pod>{f.part_of_day}))?"
    ),
    before=lambda f: f.modifier,
    triggers=("today", "yesterday", "tomorrow", "tonight", "overnight"),
    checks=(not_in_a_name,),
    resolve=resolve_today_yesterday_tomorrow,
    priority=110,
    counts_as_day=True,
)


def weekday_written_as_a_name(candidate: Candidate, text: str) -> bool:
    """Capitalised, and "Sun", "Wed" (four letters or fewer) only with their dot: without it they
    are words or names."""
    match = candidate.match
    word = match.group("wd")
    if not word[0].isupper():
        return False
    return len(word) > 4 or text[match.end("wd") : match.end("wd") + 1] == "."


def resolve_weekday(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    """ "Tuesday", "last Friday", "Wednesday morning"; "the previous Friday", "the following
    Monday" count from the day the text is about."""
    weekday = lexicons().weekdays[match.group("wd").lower().rstrip(".")]
    relation = " ".join((match.group("rel") or "").lower().split()) or None
    source, base = "publication", context.anchor.date()
    if relation and relation.startswith("the "):
        relation = "last" if relation != "the following" else "next"
        if context.last_day is not None:
            source, base = "text", context.last_day
    direction = direction_of(context, candidate.start, candidate.end)
    day = weekday_near(base, weekday, direction, relation)
    part = part_of_day_code(match.group("pod"))
    value = f"{day.isoformat()}T{part}" if part else day.isoformat()
    anchor = context.anchor_on(base, source)
    return Resolution(TIME if part else DATE, value, position_modifier(match), source, anchor)


WEEKDAY = Rule(
    name="weekday",
    pattern=lambda f: (
        rf"\b{f.lead(f.lexicons.weekdays)}(?P<wd>{f.weekday})\b(?![^\S\n]*\.?[^\S\n]*\d)(?:\.)?"
        rf"(?:,?\s+(?P<pod>{f.part_of_day}))?"
    ),
    before=lambda f: (
        rf"{f.modifier}(?:\b(?P<rel>last|next|this|coming|past|previous"
        r"|the\s+(?:previous|preceding|following))\s+)?"
    ),
    triggers=("day", "mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    checks=(weekday_written_as_a_name,),
    resolve=resolve_weekday,
    priority=130,
    counts_as_day=True,
)


def relative_unit_reads_as_a_date(candidate: Candidate, text: str) -> bool:
    """ "the latest period" but not "the period"; not "the last half of the '80s"; of "the" /
    "that" with a day, decade, century, half or weekend only "the weekend" and "that day";
    "that" otherwise only with a year, week or month."""
    match = candidate.match
    relation = re.sub(r"\s+", " ", match.group("rel").lower())
    unit = match.group("unit").lower()
    if unit == "period" and relation not in ("the latest", "the most recent"):
        return False
    if unit in ("half", "quarter") and part_of_the_period_after(text, candidate.end):
        return False  # "the last half of the '80s": a part of the date that follows
    if relation in ("the", "that") and unit in ("day", "decade", "century", "half", "weekend"):
        return (relation == "the" and unit == "weekend") or (relation == "that" and unit == "day")
    return not (relation == "that" and unit not in ("year", "week", "month"))


# units of a month or longer count from the last date of any precision in the text, shorter ones
# from the last day-precise date
COARSE_UNITS = frozenset({"month", "quarter", "half", "year", "decade", "century"})
# relative words that count from a date of the text, and by how many units
_TEXT_RELATIONS = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1,
                   "the preceding": -1, "the same": 0, "that": 0}  # fmt: skip
_PUBLICATION_RELATIONS = {"this": 0, "current": 0, "the current": 0, "the": 0, "the same": 0,
                          "next": 1, "coming": 1, "the coming": 1, "last": -1, "past": -1,
                          "previous": -1, "the latest": -1, "the most recent": -1}  # fmt: skip


def resolve_relative_unit(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "last week", "next month", "this quarter", "the following year", "that day", "the past
    year" (a duration), "the year ended June 30" (a duration), "last year" in a results sentence
    (the reported quarter a year back), "the quarter" (the reported one)."""
    relation = re.sub(r"\s+", " ", match.group("rel").lower())
    if relation == "that same":
        relation = "that"
    unit = match.group("unit").lower()
    anchor = context.anchor.date()
    mod = position_modifier(match)
    if unit == "period":
        if context.last_quarter and relation == "the":
            year, quarter = context.last_quarter
            return Resolution(DATE, f"{year}-Q{quarter}", mod)
        return Resolution(DATE, shifted_unit_value(anchor, "quarter", -1), mod)
    if relation == "the" and unit == "year" and ENDED.match(context.text, candidate.end):
        # "the year ended June 30": a period of one unit ending on the date that follows
        _, letter = unit_and_letter(unit)
        return Resolution(DURATION, duration_value("1", letter))
    if (
        relation == "last"
        and unit == "year"
        and context.last_quarter
        and in_a_results_sentence(context, candidate)
    ):
        year, quarter = context.last_quarter
        return Resolution(DATE, f"{year - 1}-Q{quarter}", mod)
    if (
        relation in ("the past", "the last", "the next", "the coming")
        and unit != "weekend"
        and (relation != "the next" or unit != "day")
    ):
        if relation == "the last" and unit == "quarter":
            return Resolution(DATE, shifted_unit_value(anchor, "quarter", -1), mod)
        if unit == "half":
            return None
        _, letter = unit_and_letter(unit)
        return Resolution(DURATION, duration_value("1", letter))
    if relation in _TEXT_RELATIONS and unit != "weekend":
        coarse = unit in COARSE_UNITS  # "the following year" counts from a year, a month ...
        base = context.last_date if (relation == "that" or coarse) else context.last_day
        base_day = base or anchor
        source = "text" if base is not None else "publication"
        value = shifted_unit_value(base_day, unit, _TEXT_RELATIONS[relation])
        return Resolution(DATE, value, mod, source, context.anchor_on(base_day, source))
    if unit == "quarter" and relation in ("the", "the latest", "the most recent"):
        return _the_quarter(context, candidate, relation, mod)
    if unit == "day" and relation in ("this", "the", "current", "the current"):
        return None if relation == "the" else Resolution(DATE, anchor.isoformat(), mod)
    offset = _PUBLICATION_RELATIONS.get(relation)
    if offset is None:
        return None
    if unit == "weekend":
        return _weekend(context, candidate, relation, mod)
    if unit == "quarter":
        value = shifted_unit_value(anchor, "quarter", offset)
        note_reported_quarter(context, int(value[:4]), int(value[-1]), candidate)
        return Resolution(DATE, value, mod)
    return Resolution(DATE, shifted_unit_value(anchor, unit, offset), mod)


def _the_quarter(
    context: Context, candidate: Candidate, relation: str, mod: str | None
) -> Resolution:
    """ "the quarter ended Sept. 30" (that calendar quarter), "the quarter" (the one the text
    reports on, if named within 400 characters), else the last completed one."""
    anchor = context.anchor.date()
    ended = quarter_ended_on().match(context.text, candidate.end)
    if ended:
        month = lexicons().months[ended.group("month").lower().rstrip(".")]
        year = int(ended.group("y")) if ended.group("y") else anchor.year
        if not ended.group("y") and date(year, month, 1) > anchor:
            year -= 1
        quarter = (month - 1) // 3 + 1
        note_reported_quarter(context, year, quarter, candidate)
        return Resolution(DATE, f"{year}-Q{quarter}", mod)
    if (
        relation == "the"
        and context.last_quarter
        and candidate.start - context.last_quarter_end < 400
    ):
        year, quarter = context.last_quarter
        return Resolution(DATE, f"{year}-Q{quarter}", mod)
    value = shifted_unit_value(anchor, "quarter", -1)
    note_reported_quarter(context, int(value[:4]), int(value[-1]), candidate)
    return Resolution(DATE, value, mod)


def _weekend(context: Context, candidate: Candidate, relation: str, mod: str | None) -> Resolution:
    """ "last weekend" (the one before the anchor's week), "next weekend", "this weekend", "the
    weekend" (the past one when the tense says so and the anchor is a weekday)."""
    anchor = context.anchor.date()
    if relation in ("last", "past", "previous"):
        last_sunday = anchor - timedelta(days=anchor.isoweekday())
        return Resolution(DATE, week_value(last_sunday) + "-WE", mod)
    if relation in ("next", "coming", "the coming"):
        days = 7 - anchor.isoweekday() + 6
        return Resolution(DATE, week_value(anchor + timedelta(days=days)) + "-WE", mod)
    if (
        relation == "the"
        and direction_of(context, candidate.start, candidate.end) == "past"
        and anchor.isoweekday() < 6
    ):
        return Resolution(DATE, week_value(anchor - timedelta(days=7)) + "-WE", mod)
    return Resolution(DATE, week_value(anchor) + "-WE", mod)


RELATIVE_UNIT = Rule(
    name="relative_unit",
    pattern=(
        r"\b(?=[ymwqdchpYMWQDCHP])(?P<unit>year|month|week|quarter|weekend|decade|century|day"
        r"|half|period)\b"
    ),
    before=lambda f: (
        rf"{f.modifier}\b(?P<rel>this|next|last|past|previous|coming|current|"
        r"the\s+(?:coming|previous|past|last|next|following|same|current|latest|"
        r"most\s+recent|prior|preceding)|the|that(?:\s+same)?)\s+(?:(?:full|fiscal|calendar"
        r"|entire|whole)\s+)?"
    ),
    before_required=True,
    triggers=lambda lex: tuple(u[:5] for u in lex.units) + ("weekend", "period"),
    checks=(unit_not_a_title, relative_unit_reads_as_a_date),
    resolve=resolve_relative_unit,
    priority=200,
    counts_as_day=True,
)


RULES = (TODAY_YESTERDAY_TOMORROW, WEEKDAY, RELATIVE_UNIT)
