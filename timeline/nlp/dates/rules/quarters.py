"""Rules for the periods of financial news: quarters and halves ("the third quarter", "2017's
first quarter", "Q3"), "the year-ago quarter", "the same period last year", "year-end".

"The quarter", "a year earlier" and "the year-ago period" follow the last quarter the text reports
on (`note_reported_quarter`), else the last completed quarter.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from timeline.nlp.dates.calendar import month_end, require_calendar_year, shifted_unit_value
from timeline.nlp.dates.direction import direction_of, future_tail_before
from timeline.nlp.dates.lexicons import alternation, lexicons
from timeline.nlp.dates.rules.checks import part_of_the_period_after
from timeline.nlp.dates.rules.rule import Candidate, Context, Resolution, Rule, RuleMatch
from timeline.records import DATE

# "the quarter ended Sept. 30", "the year ending June 30", "the nine months to date"
ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|through|to\s+date)\b", re.I)


@cache
def quarter_ended_on() -> re.Pattern[str]:
    """ "(the quarter) ended Sept. 30(, 2017)": the month and year that follow."""
    month = alternation(lexicons().months)
    return re.compile(
        rf"\s+(?:that\s+|which\s+)?ended\s+(?P<month>{month})\.?\s+\d{{1,2}}(?:,\s*(?P<y>\d{{4}}))?",
        re.IGNORECASE,
    )


def note_reported_quarter(context: Context, year: int, quarter: int, candidate: Candidate) -> None:
    """Remember a quarter the text reports on, for "a year earlier" and "the quarter" after it.

    A quarter that has not ended by the publication time is remembered only when the text
    reports on it ("reported fourth-quarter earnings", a fiscal quarter, or "the quarter ended
    Sept. 30"), not when it forecasts it ("will result in a fourth-quarter loss").
    """
    require_calendar_year(year)
    ended = month_end(year, 3 * quarter) < context.anchor.date()
    if (
        ended
        or ENDED.match(context.text, candidate.end)
        or direction_of(context, candidate.start, candidate.end, None) == "past"
    ):
        context.last_quarter, context.last_quarter_end = (year, quarter), candidate.end


def in_a_results_sentence(context: Context, candidate: Candidate) -> bool:
    """Whether the sentence around a candidate compares amounts (financial results)."""
    text = context.text
    lo = max(text.rfind(".", 0, candidate.start), text.rfind("\n", 0, candidate.start), 0)
    hi = text.find(".", candidate.end)
    sentence = text[lo : hi if hi > 0 else len(text)]
    return "quarter" in sentence and ("$" in sentence or "%" in sentence)


_YEAR_OFFSET = {"this": 0, "last": -1, "next": 1}


def not_part_of_a_period(candidate: Candidate, text: str) -> bool:
    """Not "the last half of the '80s", "the second quarter of the century"."""
    return not part_of_the_period_after(text, candidate.end)


def resolve_quarter_or_half(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "the third quarter (of 2017)", "last year's second half", "last quarter" (the one before
    this one); without a year, the one of the anchor's year unless it starts over three months
    after the anchor."""
    unit = match.group("unit").lower()
    word = match.group("ord").lower()
    anchor = context.anchor.date()
    size = 3 if unit == "quarter" else 6
    count = 4 if unit == "quarter" else 2
    if (
        word == "last"
        and not match.group("the")
        and not match.group("y")
        and not match.group("yrel2")
    ):
        value = shifted_unit_value(anchor, unit, -1)  # "last quarter": the one before this one
        if unit == "quarter":
            note_reported_quarter(context, int(value[:4]), int(value[-1]), candidate)
        return Resolution(DATE, value)
    n = count if word in ("final", "last") else lexicons().ordinals[word]
    if n > count:
        return None
    letter = "Q" if unit == "quarter" else "H"
    year_relation = (match.group("yrel") or match.group("yrel2") or "").lower()
    if match.group("y"):
        year = int(match.group("y"))
    elif year_relation:
        year = anchor.year + _YEAR_OFFSET[year_relation]
    else:
        year = anchor.year
        first_month = size * (n - 1) + 1
        if (date(year, first_month, 1) - anchor).days > 92:
            year -= 1
    value = f"{year}-{letter}{n}"
    if letter == "Q":
        note_reported_quarter(context, year, n, candidate)
    return Resolution(DATE, value)


QUARTER_OR_HALF = Rule(
    name="quarter_or_half",
    pattern=lambda f: (
        rf"\b{f.lead(f.lexicons.ordinals, ['last'])}"
        r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        r"[\s-]+(?:fiscal\s+)?(?P<unit>quarter|half)s?\b(?:\s+(?:of\s+)?(?:(?:fiscal"
        rf"\s+)?(?P<y>{f.year})|(?P<yrel2>this|last|next)\s+year)\b)?"
    ),
    before=(
        r"(?:\b(?P<the>the)\s+)?(?:\b(?P<yrel>this|last|next)\s+year['’]s\s+)?"
        r"(?:\b(?:fiscal|calendar)\s+)?"
    ),
    triggers=("quarter", "half"),
    checks=(not_part_of_a_period,),
    resolve=resolve_quarter_or_half,
    priority=170,
)


def resolve_year_quarter(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "2017 first quarter", "last year's period" (the quarter the text reports on)."""
    if match.group("y"):
        year = int(match.group("y"))
    else:
        year = context.anchor.year + _YEAR_OFFSET[match.group("yrel").lower()]
    if match.group("ord"):
        quarter = lexicons().ordinals[match.group("ord").lower()]
    elif context.last_quarter:
        quarter = context.last_quarter[1]
    else:
        quarter = int(shifted_unit_value(context.anchor.date(), "quarter", -1)[-1])
    if match.group("ord"):
        note_reported_quarter(context, year, quarter, candidate)
    return Resolution(DATE, f"{year}-Q{quarter}")


YEAR_QUARTER = Rule(
    name="year_quarter",
    pattern=lambda f: (
        rf"\b(?:(?P<y>{f.year})|(?P<yrel>last|this|next)\s+year['’]s)\s+(?:(?P<ord>"
        r"first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?"
        r"(?P<unit>quarter|period)\b"
    ),
    before=r"(?:\bthe\s+)?",
    triggers=("quarter", "period"),
    resolve=resolve_year_quarter,
    priority=70,
)


def resolve_quarter_code(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "Q3", "3Q 2017", "Q4 2016"."""
    quarter = int(match.group("q") or match.group("q2"))
    written = match.group("y") or match.group("y2")
    year = int(written) if written else context.anchor.year
    note_reported_quarter(context, year, quarter, candidate)
    return Resolution(DATE, f"{year}-Q{quarter}")


QUARTER_CODE = Rule(
    name="quarter_code",
    pattern=lambda f: (
        rf"\b(?P<q>[1-4])Q\s*(?P<y>{f.year})\b|\bQ(?P<q2>[1-4])(?:\s+(?P<y2>{f.year}))?\b"
    ),
    triggers=("q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"),
    resolve=resolve_quarter_code,
    priority=180,
)


def resolve_year_ago(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    """The reported quarter one year back, else the last completed quarter's (for "year-ago
    quarter"), else last year."""
    what = (match.group("what") or "").lower()
    if context.last_quarter and what not in ("months", "month"):
        year, quarter = context.last_quarter
        return Resolution(DATE, f"{year - 1}-Q{quarter}")
    if what == "quarter":
        previous = shifted_unit_value(context.anchor.date(), "quarter", -1)
        return Resolution(DATE, f"{int(previous[:4]) - 1}-Q{previous[-1]}")
    return Resolution(DATE, f"{context.anchor.year - 1}")


YEAR_AGO = Rule(
    name="year_ago",
    pattern=(
        r"\b(?=[yY])year[\s-](?:earlier|ago)(?:\s+(?P<what>quarter|period|months?|level"
        r"|figures?|results?|time))?\b"
    ),
    before=r"(?:\bthe\s+)?",
    triggers=("year",),
    resolve=resolve_year_ago,
    priority=150,
)

# "the quarter a year ago", "the corresponding period last year": in an earnings report, the
# reported quarter one year back
PERIOD_A_YEAR_AGO = Rule(
    name="period_a_year_ago",
    pattern=(
        r"\b(?=[tT])the\s+(?:same\s+|corresponding\s+|comparable\s+)?"
        r"(?P<what>quarter|period)\s+(?:a\s+year\s+(?:ago|earlier|before)"
        r"|(?:of\s+)?last\s+year|(?:of\s+)?the\s+(?:previous|prior)\s+year)\b"
    ),
    triggers=("year",),
    resolve=resolve_year_ago,
    priority=140,
)


def resolve_year_end(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    """ "by year-end": December 31 of this year; "since year-end": of the last one."""
    year = context.anchor.year
    if direction_of(
        context, candidate.start, candidate.end, None
    ) == "past" and not future_tail_before(context.text, candidate.start):
        year -= 1
    return Resolution(DATE, f"{year:04d}-12-31", "APPROX" if match.group("approx") else None)


YEAR_END = Rule(
    name="year_end",
    pattern=r"\b(?=[yY])year(?:['’]s\s+|[\s-])end\b",
    before=r"(?:\b(?P<approx>around)\s+)?",
    triggers=("year",),
    resolve=resolve_year_end,
    priority=160,
)


RULES = (QUARTER_OR_HALF, YEAR_QUARTER, QUARTER_CODE, YEAR_AGO, PERIOD_A_YEAR_AGO, YEAR_END)
