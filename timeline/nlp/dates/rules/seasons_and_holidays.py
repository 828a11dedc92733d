"""Rules for the named periods of the year: seasons ("last summer", "the spring of 1994") and
holidays ("Christmas", "Thanksgiving 2016", dates_holidays.tsv)."""

from __future__ import annotations

import re

from timeline.nlp.dates.calendar import holiday_date, interval_of
from timeline.nlp.dates.direction import direction_of
from timeline.nlp.dates.lexicons import lexicons
from timeline.nlp.dates.rules.rule import (
    Candidate,
    Context,
    Resolution,
    Rule,
    RuleMatch,
    position_modifier,
)
from timeline.records import DATE


def season_has_a_cue(candidate: Candidate, text: str) -> bool:
    """A bare season needs "this", a year, "early" ... or "in" / "during" / "since" ... before
    it; "fall" needs more ("the fall of the Berlin Wall"); "the spring of" needs a year."""
    match = candidate.match
    start, end = candidate.start, candidate.end
    relation = match.group("rel")
    if not (relation or match.group("y") or match.group("modw")) and not re.search(
        r"\b(?:in|during|by|until|through|since)\s+$", text[max(0, start - 9) : start]
    ):
        return False
    if match.group("season").lower() == "fall" and not (
        relation and relation.lower() != "the" or match.group("y")
    ):
        if not re.search(r"\b(?:in|this|last|next|the)\s+$", text[max(0, start - 8) : start]):
            return False
        after = text[end : end + 20]
        if re.match(r"\s+of\b", after) and not re.match(r"\s+of\s+\d{4}", after):
            return False  # "the fall of the Berlin Wall"
    if relation and relation.lower() == "the":
        after = text[end : end + 20]
        if re.match(r"\s+of\b", after) and not match.group("y"):
            return False
    return True


def resolve_season(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    season = lexicons().seasons[match.group("season").lower()]
    code = season[0]
    anchor = context.anchor.date()
    if match.group("y"):
        return Resolution(DATE, f"{match.group('y')}-{code}", position_modifier(match))
    relation = (match.group("rel") or "").lower()
    current = anchor.year + (1 if anchor.month == 12 else 0)
    start_month = season[1]
    # the season of the anchor's year that has begun (winter Y starts in December Y-1)
    begun = code == "WI" or anchor.month >= start_month
    if relation in ("this", "the"):
        year = current
        if (
            relation == "the"
            and not begun
            and direction_of(context, candidate.start, candidate.end) == "past"
        ):
            year = current - 1
    elif relation in ("next", "coming"):
        year = current + 1 if begun else current
    elif relation in ("last", "past", "previous"):
        in_it = interval_of(f"{current}-{code}")
        year = current - 1
        if begun and in_it and anchor > in_it[1]:
            year = current
    else:
        direction = direction_of(context, candidate.start, candidate.end)
        year = current if (begun or direction == "future") else current - 1
    return Resolution(DATE, f"{year}-{code}", position_modifier(match))


SEASON = Rule(
    name="season",
    pattern=lambda f: (
        rf"\b{f.lead(f.lexicons.seasons)}(?P<season>{f.season})\b"
        rf"(?:\s+(?:of\s+)?(?:(?P<y>{f.year})|(?P<ys>{f.spelled_year}))\b)?"
    ),
    before=lambda f: rf"{f.modifier}(?:\b(?P<rel>this|next|last|past|coming|previous|the)\s+)?",
    triggers=lambda lex: tuple(lex.seasons),
    checks=(season_has_a_cue,),
    resolve=resolve_season,
    priority=230,
)


def holiday_capitalised(candidate: Candidate, text: str) -> bool:
    return candidate.match.group("hol")[0].isupper()


def resolve_holiday(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    """A holiday with a year, "last" / "next" / "this" one, else the one in the tense's
    direction (the most recent one when nothing says)."""
    name = re.sub(r"\s+", " ", match.group("hol").lower().replace("’", "'"))
    anchor = context.anchor.date()
    if match.group("y"):
        return Resolution(DATE, holiday_date(name, int(match.group("y"))).isoformat())
    relation = (match.group("rel") or "").lower()
    this_year = holiday_date(name, anchor.year)
    if relation == "last":
        year = anchor.year if this_year < anchor else anchor.year - 1
    elif relation == "next":
        year = anchor.year if this_year > anchor else anchor.year + 1
    elif relation == "this":
        year = anchor.year
    else:
        direction = direction_of(context, candidate.start, candidate.end)
        if direction == "future":
            year = anchor.year if this_year >= anchor else anchor.year + 1
        else:
            year = anchor.year if this_year <= anchor else anchor.year - 1
    return Resolution(DATE, holiday_date(name, year).isoformat())


def _first_words(phrases) -> tuple[str, ...]:
    return tuple({phrase.split()[0].replace("'", "") for phrase in phrases})


HOLIDAY = Rule(
    name="holiday",
    pattern=lambda f: (
        rf"\b{f.lead(f.lexicons.holidays)}(?P<hol>{f.holiday})\b(?:\s+(?P<y>{f.year})\b)?"
    ),
    before=r"(?:\b(?P<rel>last|next|this)\s+)?",
    triggers=lambda lex: _first_words(lex.holidays),
    checks=(holiday_capitalised,),
    resolve=resolve_holiday,
    priority=190,
    counts_as_day=True,
)


RULES = (SEASON, HOLIDAY)
