"""Dates stage: find temporal expressions in English news text and resolve them to TIMEX3 values.

`find_time_expressions(text, anchor, doc)` recognizes absolute dates, relative dates, times of day,
durations, sets and the TimeML reference values with precompiled regular expressions over the raw
text (a rule runs only when one of its words occurs in the text; words that may precede a match,
such as "early" or "the past", are matched backwards from it), then resolves each against the
publication time `anchor`, in the anchor's own local date.

Text anchors: "the next day", "two days earlier", "a week later" count from the last day-precise
date resolved before them in the text ("on Tuesday", "March 3"); "the following year", "later that
month" from the last date of any precision. With no such date they count from the publication
time (anchor_source tells which).

Conventions (TimeML / TempEval-3):
- values: 2017-04-06, 2017-W15, 2017-W14-WE, 2017-03, 2017, 201 (decade), 19 (century), 2017-Q2,
  2017-H1, 2017-SP/SU/FA/WI, 2017-04-07TMO, 2017-04-07T15:00, P3Y, PXM, P10Y, PRESENT_REF ...
- intervals are inclusive calendar days: weeks run Monday..Sunday (ISO weeks), a weekend is
  Saturday..Sunday, seasons are meteorological (SP = Mar-May, SU = Jun-Aug, FA = Sep-Nov, and
  WI of year Y = Dec Y-1 .. Feb Y), a decade 201 = 2010-01-01..2019-12-31.
- mod START / MID / END narrow a month to days 1-10 / 11-20 / 21-end, a year to Jan-Apr / May-Aug /
  Sep-Dec, a decade to years 0-3 / 4-6 / 7-9 and a century to its three thirds. "about" and
  "over" stay outside the span, as TimeML draws it, but still give the mod (APPROX, MORE_THAN).
- durations of decades and centuries are written in years (P10Y, P30Y, PXY for "decades"), as
  the TimeML corpora annotate them; P1DE-style values are still understood by `granularity_of`.
- "year-end" is December 31 of the year (the last one after "since", "as of" or a past verb,
  as TimeBank writes "since year-end"); "by" stays outside the span.
- a half is written in the next smaller unit, as TimeBank writes it: "2 1/2 years" = P2Y6M,
  "an hour and a half" = PT1H30M.
- durations, sets and the *_REF values (PAST_REF included) have no interval: date_start =
  date_end = None.
- financial news: "the quarter", "a year earlier", "the year-ago period" follow the last quarter
  the text reports on (else the last completed quarter); a quarter not over by the publication
  time counts only when the text reports on it, not when it forecasts it ("will post a
  fourth-quarter loss"); "the year ended June 30" is a duration (P1Y).
- parts of the day stay in the value ("Tuesday morning" = 2017-04-11TMO, "Friday night" = ...TNI),
  as the TimeML guidelines and most TimeBank annotations write them.
- direction of underspecified dates (a bare weekday, month, month-day, season or holiday):
  a date named before a noun ("Wednesday's ruling", "a June agreement") is past unless awaited
  ("ahead of Tuesday's vote"); past perfect just before ("had been due to expire Friday") reads
  back; "until" / "through" after a present perfect or present ("has given them until Tuesday")
  reads ahead; then words just before ("by", "as soon as" -> future; "as of", "since" -> past),
  then the tense and aspect of the governing verb when a spaCy Doc is given (will / going to /
  present tense / "is scheduled" / an infinitive under "plan", "decide", "agree" ... -> future;
  past tense, present perfect, reporting verbs, a purpose clause of a past act -> past), else cue
  words of the clause (timeline/data/dates_tense_cues.tsv, "-ed" verbs, "decided to", "plans to"
  after the date). With nothing to go on, a weekday or holiday is the most recent one (the usual
  reading in news) and a month or month-day the nearest one. "last Oct. 23" / "next Feb. 3" are
  the day before / after the anchor.
- TimeML annotates ranges ("from 2009 to 2011") as two dates, and so does this module.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.records import DATE, DURATION, SET, TIME, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


__all__ = ["find_time_expressions", "resolve_phrase", "interval_of", "granularity_of"]


# ---------------------------------------------------------------------------------------------
# lexicons


def _read_table(name: str) -> list[list[str]]:
    return [list(row) for row in read_table(name)]


@dataclass(frozen=True)
class Lexicons:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, str]  # word -> "3", "0.5" or "X"
    ordinals: dict[str, int]
    units: dict[str, tuple[str, str]]  # unit -> (duration letter, granularity)
    seasons: dict[str, tuple[str, int, int]]
    parts_of_day: dict[str, str]
    holidays: dict[str, str]
    references: dict[str, str]
    tense_cues: dict[str, str]


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """The word lists under timeline/data/dates_*.tsv, read once."""
    return Lexicons(
        months={w: int(n) for w, n in _read_table("dates_months.tsv")},
        weekdays={w: int(n) for w, n in _read_table("dates_weekdays.tsv")},
        numbers={w: v for w, v in _read_table("dates_numbers.tsv")},
        ordinals={w: int(n) for w, n in _read_table("dates_ordinals.tsv")},
        units={w: (letter, gran) for w, letter, gran in _read_table("dates_units.tsv")},
        seasons={w: (c, int(a), int(b)) for w, c, a, b in _read_table("dates_seasons.tsv")},
        parts_of_day={w: c for w, c in _read_table("dates_parts_of_day.tsv")},
        holidays={w: rule for w, rule in _read_table("dates_holidays.tsv")},
        references={w: v for w, v in _read_table("dates_references.tsv")},
        tense_cues={w: d for w, d in _read_table("dates_tense_cues.tsv")},
    )


def _alt(words) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)


# ---------------------------------------------------------------------------------------------
# interval arithmetic


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _iso_week_monday(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


def _week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_VALUE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$"), "day"),
    (re.compile(r"^(\d{4})-W(\d{1,2})-WE$"), "weekend"),
    (re.compile(r"^(\d{4})-W(\d{1,2})$"), "week"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$"), "half"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})$"), "decade"),
    (re.compile(r"^(\d{2})$"), "century"),
]


def interval_of(value: str) -> tuple[date, date] | None:
    """The inclusive calendar interval a TIMEX3 date value covers, or None if it has none."""
    for pattern, kind in _VALUE_PATTERNS:
        m = pattern.match(value)
        if not m:
            continue
        try:
            return _interval(kind, m)
        except ValueError:
            return None
    return None


def _interval(kind: str, m: re.Match[str]) -> tuple[date, date]:
    g = m.groups()
    if kind == "day":
        day = date(int(g[0]), int(g[1]), int(g[2]))
        return day, day
    if kind in ("week", "weekend"):
        monday = _iso_week_monday(int(g[0]), int(g[1]))
        if kind == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    year = int(g[0])
    if kind == "month":
        return date(year, int(g[1]), 1), _month_end(year, int(g[1]))
    if kind == "quarter":
        first = 3 * (int(g[1]) - 1) + 1
        return date(year, first, 1), _month_end(year, first + 2)
    if kind == "half":
        first = 6 * (int(g[1]) - 1) + 1
        return date(year, first, 1), _month_end(year, first + 5)
    if kind == "season":
        a, b = _SEASON_MONTHS[g[1]]
        if g[1] == "WI":
            return date(year - 1, 12, 1), _month_end(year, 2)
        return date(year, a, 1), _month_end(year, b)
    if kind == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "decade":
        return date(year * 10, 1, 1), date(year * 10 + 9, 12, 31)
    # century "19" = 1900..1999
    return date(max(1, year * 100), 1, 1), date(year * 100 + 99, 12, 31)


_GRANULARITY_OF = {
    "day": "day", "weekend": "week", "week": "week", "month": "month", "quarter": "quarter",
    "half": "half", "season": "season", "year": "year", "decade": "decade", "century": "century",
}  # fmt: skip


def granularity_of(value: str, type_: str = DATE) -> str:
    """The granularity (records.GRANULARITIES) of a TIMEX3 value."""
    if type_ == SET:
        return "set"
    if value.endswith("_REF"):
        return "reference"
    if type_ == DURATION or value.startswith("P"):
        return "duration"
    if value.endswith("_REF"):
        return "reference"
    m = re.match(r"^\d{4}-\d{2}-\d{2}T(\d{2})(:\d{2})?(:\d{2})?", value)
    if m:
        return "second" if m.group(3) else "minute" if m.group(2) else "hour"
    if re.match(r"^\d{4}-\d{2}-\d{2}T(MO|AF|EV|NI|DT)$", value):
        return "part_of_day"
    for pattern, kind in _VALUE_PATTERNS:
        if pattern.match(value):
            return _GRANULARITY_OF[kind]
    if re.match(r"^\d{4}-(W|Q|H|XX|\d)", value):
        return "year"
    return "reference"


def _narrow(start: date, end: date, granularity: str, mod: str | None) -> tuple[date, date]:
    """Narrow an interval to its first / middle / last third for mod START / MID / END."""
    if mod not in ("START", "MID", "END"):
        return start, end
    third = {"START": 0, "MID": 1, "END": 2}[mod]
    if granularity == "month":
        bounds = [(1, 10), (11, 20), (21, end.day)][third]
        return start.replace(day=bounds[0]), start.replace(day=bounds[1])
    if granularity == "year":
        first, last = [(1, 4), (5, 8), (9, 12)][third]
        return date(start.year, first, 1), _month_end(start.year, last)
    if granularity == "decade":
        first, last = [(0, 3), (4, 6), (7, 9)][third]
        return date(start.year + first, 1, 1), date(start.year + last, 12, 31)
    if granularity == "century":
        first, last = [(0, 32), (33, 65), (66, 99)][third]
        return date(start.year + first, 1, 1), date(start.year + last, 12, 31)
    return start, end


# ---------------------------------------------------------------------------------------------
# recognition


@dataclass
class _Candidate:
    start: int
    end: int
    rule: str
    match: _Groups
    priority: int


@dataclass
class _Resolved:
    type: str
    value: str
    mod: str | None = None
    anchor_source: str = "publication"
    anchor: datetime | None = None


@dataclass
class _Context:
    text: str
    anchor: datetime
    doc: Doc | None
    last_day: date | None = None  # the last day-precise date resolved so far
    last_date: date | None = None  # the start of the last calendar date of any precision
    last_quarter: tuple[int, int] | None = None
    last_quarter_end: int = -10_000


_MOD_WORDS = {
    "early": "START", "beginning": "START", "start": "START", "earlier": "START",
    "late": "END", "end": "END", "close": "END", "later": "END",
    "mid": "MID", "middle": "MID",
}  # fmt: skip
_APPROX_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}  # fmt: skip


def _mod_of(match: re.Match[str]) -> str | None:
    word = match.groupdict().get("modw")
    if not word:
        return None
    for key, mod in _MOD_WORDS.items():
        if re.search(rf"\b{key}\b", word.lower()):
            return mod
    return None


def _lead(*groups) -> str:
    """A lookahead on the first character of any of the words (a cheap pre-filter)."""
    chars: set[str] = set()
    for words in groups:
        for word in words:
            chars.update({word[0].lower(), word[0].upper()})
    body = "".join(sorted(ch for ch in chars if ch.isalpha()))
    digits = "0-9" if any(ch.isdigit() for ch in chars) else ""
    return f"(?=[{body}{digits}'’])"


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, re.Pattern[str], re.Pattern[str] | None, bool]]:
    """(rule, core pattern, pattern for words that may precede it, whether they must)."""
    lex = lexicons()
    month = _alt(lex.months)
    weekday = _alt(lex.weekdays)
    number_words = _alt(lex.numbers)
    compound = (
        r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]"
        r"(?:one|two|three|four|five|six|seven|eight|nine)"
    )
    num = rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{compound}|{number_words})(?:\s+and\s+a\s+half)?"
    units = _alt(lex.units)
    unit = rf"(?:centuries|(?:{units})s?)"
    season = _alt(lex.seasons)
    pod = _alt(lex.parts_of_day)
    holiday = _alt(lex.holidays)
    ordinal = _alt(lex.ordinals)
    year = r"(?:1[0-9]|20)\d\d"
    spelled_year = (  # "nineteen ninety-four", as transcripts write a year after a month or season
        r"(?:nineteen|twenty)[\s-]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
        r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
    )
    day_num = r"(?:[12]\d|3[01]|0?[1-9])"
    ampm = r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
    tz = r"(?:\s+(?:local\s+time|\(?(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|CET|BST)\)?))?"
    mod = (
        r"(?:\b(?P<modw>early|late|mid|the\s+(?:beginning|start|end|middle|close)\s+of"
        r"|the\s+(?:early|late|middle)\s+part\s+of|earlier|later)[\s-]+)?"
    )
    approx = (
        r"(?:\b(?P<approx>around|approximately|roughly|some|nearly|almost|more\s+than"
        r"|less\s+than|fewer\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than)\s+)?"
    )
    rules: dict[str, tuple[str, str | None, bool]] = {
        # absolute calendar dates
        "iso": (r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d))?\b",
                None, False),
        "slash": (r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b", None, False),
        "mdy": (rf"\b{_lead(lex.months)}(?P<month>{month})\.?\s+(?P<d>{day_num})(?:st|nd|rd|th)?\b"
                rf"(?!\s*(?:%|percent|million|billion))(?:(?:\s*,\s*|\s+)(?P<y>{year})\b)?",
                rf"\b(?:(?P<wd>{weekday})\.?,?|(?P<rel>last|next|this\s+coming|coming))\s+", False),
        "week_of": (rf"\b(?=[wW])week\s+of\s+(?P<month>{month})\.?\s+(?P<d>{day_num})"
                    rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{year})\b)?", r"(?:\bthe\s+)?", False),
        "dmy": (rf"\b(?P<d>{day_num})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})\b\.?"
                rf"(?:,?\s+(?P<y>{year})\b)?", rf"(?:\b(?P<wd>{weekday}),?\s+)?(?:\bthe\s+)?",
                False),
        "my": (rf"\b{_lead(lex.months)}(?P<month>{month})\.?(?:\s*,\s*|\s+|\s+of\s+)"
               rf"(?:(?P<y>{year})|(?P<ys>{spelled_year})|"
               r"(?P<yrel>last|this|next)\s+year)\b", mod, False),
        "month": (rf"\b{_lead(lex.months)}(?P<month>{month})\b\.?",
                  rf"{mod}(?:\b(?P<rel>this|next|last|past|coming|previous)\s+)?", False),
        "year": (rf"(?<![\d,.$£€#/])(?P<y>{year})\b(?![\d%/]|,\d|\.\d|-\d|\s+(?:percent|per))",
                 rf"{mod}(?:\b(?P<pre>the\s+year|fiscal(?:\s+year)?|calendar(?:\s+year)?|FY)"
                 r"\s*)?", False),
        "decade": (r"(?P<dec>(?:1[0-9]|20)\d0|(?<!\w)['’]\d0)['’]?s\b",
                   rf"(?:\bthe\s+)?{mod}(?:\bthe\s+)?", False),
        "century": (rf"\b{_lead(lex.ordinals)}(?P<ord>{ordinal}|\d{{1,2}}(?:st|nd|rd|th))"
                    r"[\s-]+century\b",
                    rf"{mod}(?:\bthe\s+)?", False),
        "season": (rf"\b{_lead(lex.seasons)}(?P<season>{season})\b"
                   rf"(?:\s+(?:of\s+)?(?:(?P<y>{year})|(?P<ys>{spelled_year}))\b)?",
                   rf"{mod}(?:\b(?P<rel>this|next|last|past|coming|previous|the)\s+)?", False),
        "quarter": (rf"\b{_lead(lex.ordinals, ['last'])}"
                    r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
                    rf"[\s-]+(?:fiscal\s+)?(?P<unit>quarter|half)s?\b(?:\s+(?:of\s+)?(?:(?:fiscal"
                    rf"\s+)?(?P<y>{year})|(?P<yrel2>this|last|next)\s+year)\b)?",
                    r"(?:\b(?P<the>the)\s+)?(?:\b(?P<yrel>this|last|next)\s+year['’]s\s+)?"
                    r"(?:\b(?:fiscal|calendar)\s+)?", False),
        "year_quarter": (rf"\b(?:(?P<y>{year})|(?P<yrel>last|this|next)\s+year['’]s)\s+(?:(?P<ord>"
                         r"first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?"
                         r"(?P<unit>quarter|period)\b", r"(?:\bthe\s+)?", False),
        "qcode": (rf"\b(?P<q>[1-4])Q\s*(?P<y>{year})\b|\bQ(?P<q2>[1-4])(?:\s+(?P<y2>{year}))?\b",
                  None, False),
        "holiday": (rf"\b{_lead(lex.holidays)}(?P<hol>{holiday})\b(?:\s+(?P<y>{year})\b)?",
                    r"(?:\b(?P<rel>last|next|this)\s+)?", False),
        # relative dates
        "deictic": (rf"\b(?=[tyoTYO])(?P<w>today|yesterday|tomorrow|tonight|overnight)\b"
                    rf"(?:\s+(?P<pod>{pod}))?", mod, False),
        "this_pod": (rf"\b(?=[tlyTLY])(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod>{pod})\b",
                     mod, False),
        "weekday": (rf"\b{_lead(lex.weekdays)}(?P<wd>{weekday})\b(?!\s*\.?\s*\d)(?:\.)?"
                    rf"(?:,?\s+(?P<pod>{pod}))?",
                    rf"{mod}(?:\b(?P<rel>last|next|this|coming|past|previous"
                    r"|the\s+(?:previous|preceding|following))\s+)?", False),
        "set_month": (rf"\b(?=[eE])(?:every|each)\s+(?P<month>{month})\b", None, False),
        "weekday_plural": (rf"\b(?=[eoEO])(?:(?P<every>every|each)\s+(?P<wd1>{weekday})|"
                           r"on\s+(?P<wd2>"
                           r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)s)\b"
                           rf"(?:\s+(?P<pod>{pod}s?))?", None, False),
        "rel_unit": (r"\b(?=[ymwqdchpYMWQDCHP])(?P<unit>year|month|week|quarter|weekend|decade|"
                     r"century|day|half|period)\b",
                     rf"{mod}\b(?P<rel>this|next|last|past|previous|coming|current|"
                     r"the\s+(?:coming|previous|past|last|next|following|same|current|latest|"
                     r"most\s+recent|prior|preceding)|the|that(?:\s+same)?)\s+(?:(?:full|fiscal|calendar|entire|"
                     r"whole)\s+)?",
                     True),
        "year_end": (r"\b(?=[yY])year(?:['’]s\s+|[\s-])end\b", r"(?:\b(?P<approx>around)\s+)?",
                     False),
        "period_ago": (r"\b(?=[tT])the\s+(?:same\s+|corresponding\s+|comparable\s+)?"
                       r"(?P<what>quarter|period)\s+(?:a\s+year\s+(?:ago|earlier|before)"
                       r"|(?:of\s+)?last\s+year|(?:of\s+)?the\s+(?:previous|prior)\s+year)\b",
                       None, False),
        "year_ago": (r"\b(?=[yY])year[\s-](?:earlier|ago)(?:\s+(?P<what>quarter|period|"
                     r"months?|level|figures?|results?|time))?\b", r"(?:\bthe\s+)?", False),
        "duration": (rf"\b{_lead(lex.units)}(?P<unit>{unit})(?P<half>\s+and\s+a\s+half)?"
                     r"(?:[\s-]+long|[\s-]+old)?\b"
                     r"(?:\s+(?P<dir>ago|earlier|later|(?:before|after)(?=\s*[,.;:]|\s*$)|"
                     r"from\s+now|hence|back|previously)\b)?",
                     rf"{approx}(?:\b(?P<pre>the\s+(?:past|last|next|previous|first|coming|final|"
                     r"following|remaining|latest|same)|the|another|an\s+additional|additional"
                     rf")\s+)?(?:\b(?!\d{{4}})(?P<low>{num})\s+to\s+)?\b(?P<num>{num})(?:\s+more)?[\s-]+",
                     True),
        "past_unit": (rf"\b{_lead(lex.units)}(?P<unit>{units})s?\b",
                      r"\b(?P<pre>the\s+(?:past|last|next|coming|previous|first|final))\s+", True),
        "bare_units": (r"\b(?=[fwoatiFWOATI])(?:for|within|over|after|took|take|takes|in|of)\s+"
                       r"(?P<core>(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes))\b",
                       None, False),
        "vague_units": (r"\b(?=[cprfnlCPRFNL])(?P<adj>coming|past|recent|following|next|last|"
                        r"previous|few)\s+(?P<unit>days|weeks|months|years|decades|hours)\b",
                        r"(?:\bthe\s+)?", False),
        "spelled_decade": (r"\b(?=[tfseTFSE])(?P<w>twenties|thirties|forties|fifties|sixties|"
                           r"seventies|"
                           r"eighties|nineties)\b", rf"\bthe\s+{mod}", True),
        "spelled_year": (r"\b(?=[ntNT])(?P<c>nineteen|twenty|two\s+thousand)(?:[\s-]+(?P<t>"
                         r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                         r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                         r"ninety)(?:[\s-]+(?P<u>one|two|three|four|five|six|seven|eight|nine))?)?\b",
                         r"(?:\bthe\s+year\s+)?", False),
        "unit_long": (r"\b(?=[ymwdYMWD])(?P<unit>years|months|weeks|days|decades|day|hour)"
                      r"[\s-]long\b",
                      None, False),
        "set_ly": (r"\b(?=[dwmyaqhnbsDWMYAQHNBS])(?P<w>daily|weekly|monthly|yearly|annually|"
                   r"annual|quarterly|hourly|"
                   r"nightly|biweekly|semiannual|semi-annual|bimonthly)\b", None, False),
        "set_every": (rf"\b(?=[epaEPA])(?P<q>every|each|per|a)\s+(?P<other>other\s+)?"
                      rf"(?P<num>{num}\s+)?"
                      rf"(?P<unit>{units})s?\b", None, False),
        # times of day
        "clock": (rf"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>{ampm}){tz}",
                  approx, False),
        "clock24": (r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|Z)\b", None, False),
        "clock_pod": (r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?(?:\s+o['’]clock)?\s+"
                      r"(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<night>night))\b",
                      None, False),
        "noon": (r"\b(?=[nmNM])(?P<w>noon|midnight|midday)\b", None, False),
        "pod": (r"\b(?=[maeMAE])(?P<pod>morning|afternoon|evening)\b",
                rf"{mod}(?:\b(?P<the>the)\s+(?:(?P<next>next|following|previous|same)\s+)?)?",
                True),
        # reference values
        "reference": (rf"\b{_lead(lex.references)}(?P<w>{_alt(lex.references)})\b", None, False),
    }  # fmt: skip
    flags = re.IGNORECASE
    return [
        (name, re.compile(core, flags), re.compile(rf"(?:{left})\Z", flags) if left else None,
         required)
        for name, (core, left, required) in rules.items()
    ]  # fmt: skip


class _Groups:
    """The groups of a core match, completed by those of the words matched before it."""

    __slots__ = ("core", "left")

    def __init__(self, core: re.Match[str], left: re.Match[str] | None) -> None:
        self.core = core
        self.left = left

    def group(self, name: str | int = 0) -> str | None:
        if name == 0:
            return self.core.group(0)
        value = self.core.groupdict().get(name)
        if value is None and self.left is not None:
            value = self.left.groupdict().get(name)
        if value is None and name == "y" and self.core.groupdict().get("ys"):
            value = _spelled_year_digits(self.core.group("ys"))  # a year in words, as digits
        return value

    def groupdict(self) -> dict[str, str | None]:
        merged = dict(self.left.groupdict()) if self.left is not None else {}
        for key, value in self.core.groupdict().items():
            if value is not None or key not in merged:
                merged[key] = value
        if merged.get("y") is None and merged.get("ys"):
            merged["y"] = _spelled_year_digits(merged["ys"])
        return merged

    def end(self, name: str | int = 0) -> int:
        return self.core.end(name)


_PRIORITY = {name: i for i, name in enumerate(
    ["iso", "slash", "week_of", "mdy", "dmy", "my", "year_quarter", "clock", "clock24", "clock_pod",
     "deictic", "this_pod", "weekday", "period_ago", "year_ago", "year_end", "quarter", "qcode",
     "holiday", "rel_unit", "decade", "century", "season",
     "month", "year", "past_unit", "duration", "weekday_plural", "set_month", "set_every", "set_ly",
     "vague_units", "spelled_decade", "spelled_year", "unit_long", "bare_units", "noon", "pod",
     "reference"]
)}  # fmt: skip

_MAY_CUES = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|last|next|this|early|late|mid|before|after|through|"
    r"during|from|to|and|between|end|beginning|on)[\s-]*)$",
    re.IGNORECASE,
)
_COUNT_NOUN_AFTER = re.compile(
    r"^\s+(?:people|persons|troops|soldiers|members|workers|employees|jobs|cases|units|"
    r"cars|votes|seats|tons|barrels|shares|homes|feet|meters|miles|kilometers|pounds|dollars)\b",
    re.IGNORECASE,
)


def _valid(c: _Candidate, text: str) -> bool:
    m = c.match
    groups = m.groupdict()
    if groups.get("month"):
        word = groups["month"]
        if not word[0].isupper():
            return False
        low = word.lower().rstrip(".")
        if c.rule == "month":
            if low in ("may", "march", "jan", "mar", "sun", "sat", "dec") and not (
                groups.get("rel") or groups.get("modw")
            ):
                if low == "may" or low == "march":
                    before = text[max(0, c.start - 14) : c.start]
                    if not _MAY_CUES.search(before) and text[: c.start].strip():
                        return False
                elif text[m.end("month") : m.end("month") + 1] != ".":
                    return False
            if (
                len(low) <= 4
                and low not in ("may", "june", "july")
                and not m.group(0).endswith(".")
            ):
                return False
    if c.rule == "weekday":
        word = groups["wd"]
        if not word[0].isupper():
            return False
        if len(word) <= 4 and text[m.end("wd") : m.end("wd") + 1] != ".":
            return False  # "Sun", "Wed" without a dot are words or names
    if (
        c.rule == "season"
        and not (groups.get("rel") or groups.get("y") or groups.get("modw"))
        and not re.search(
            r"\b(?:in|during|by|until|through|since)\s+$", text[max(0, c.start - 9) : c.start]
        )
    ):
        return False
    if c.rule in ("duration", "rel_unit", "set_every", "past_unit", "noon") and _is_title(c, text):
        return False
    if (
        c.rule == "duration"
        and m.group("unit").lower().startswith("quarter")
        and re.match(r"^\s+of\b", text[c.end : c.end + 5])
    ):
        return False  # "three-quarters of its food": a fraction
    if (
        c.rule == "season"
        and groups.get("season", "").lower() == "fall"
        and not (groups.get("rel") and groups["rel"].lower() != "the" or groups.get("y"))
    ):
        if not re.search(r"\b(?:in|this|last|next|the)\s+$", text[max(0, c.start - 8) : c.start]):
            return False
        after = text[c.end : c.end + 20]
        if re.match(r"\s+of\b", after) and not re.match(r"\s+of\s+\d{4}", after):
            return False  # "the fall of the Berlin Wall"
    if c.rule == "season" and groups.get("rel", "") and groups["rel"].lower() == "the":
        after = text[c.end : c.end + 20]
        if re.match(r"\s+of\b", after) and not groups.get("y"):
            return False
    if c.rule == "year":
        if c.start > 0 and text[c.start - 1] in "-/" and not groups.get("modw"):
            return False
        if _COUNT_NOUN_AFTER.match(text[c.end : c.end + 20]):
            return False
        before = text[max(0, c.start - 12) : c.start]
        if re.search(
            r"(?:No\.|Nos\.|number|Flight|Route|Highway|model|Boeing|Airbus|A)\s*$", before
        ):
            return False
    if c.rule == "holiday" and not m.group("hol")[0].isupper():
        return False
    if c.rule == "quarter" and _PART_OF.match(text, c.end):
        return False  # "the last half of the '80s", "the second quarter of the century"
    if c.rule == "decade" and not groups.get("modw"):
        return True
    if c.rule == "reference":
        return _valid_reference(c, text)
    if c.rule == "rel_unit":
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        unit = m.group("unit").lower()
        if unit == "period" and rel not in ("the latest", "the most recent"):
            return False
        if unit in ("half", "quarter") and _PART_OF.match(text, c.end):
            return False  # "the last half of the '80s": a part of the date that follows
        if rel in ("the", "that") and unit in ("day", "decade", "century", "half", "weekend"):
            return (rel == "the" and unit == "weekend") or (rel == "that" and unit == "day")
        if rel == "that" and unit not in ("year", "week", "month"):
            return False
    if c.rule == "duration":
        num = m.group("num").lower()
        pre = (groups.get("pre") or "").lower()
        if num in ("a", "an", "some", "many", "few") and m.group("unit").lower().startswith(
            "second"
        ):
            return False
        if num == "some" and not pre:
            return False
        if num == "the" and not pre:
            return False
        if (
            (num in ("a", "an") and pre in ("the", "") and not m.group("dir"))
            and m.group("unit").lower()
            in (
                "day",
                "year",
                "month",
                "week",
            )
            and re.search(
                r"(?:million|billion|percent|%|\d|cents?|dollars?|times)\s*$",
                text[max(0, c.start - 12) : c.start],
            )
        ):
            return False  # "$5 million a year" is a SET, handled by set_every
        if re.match(r"^\d+$", num) and int(num) > 1000:
            return False
        if re.search(r"[\s-]old$", m.group(0).lower()):
            return False  # an age ("a 6-year-old"), not a time
    if c.rule == "set_every" and m.group("q").lower() == "a":
        before = text[max(0, c.start - 14) : c.start]
        if not re.search(
            r"(?:million|billion|percent|%|\d|cents?|dollars?|times|once|twice)\s*$", before
        ):
            return False
    if c.rule == "set_ly":
        word = m.group("w").lower()
        if word == "annual":
            return False
        if word not in ("quarterly", "monthly", "yearly"):
            return True
        # "quarterly dividend", "the party daily Granma": an adjective or a noun, not a set
        following = re.match(r"^\s+([A-Za-z]+)", text[c.end : c.end + 20])
        return following is None or following.group(1).lower() in _FUNCTION_WORDS
    return True


_PART_OF = re.compile(r"\s+of\s+(?:the|this|that|its|his|her|their|a|an)\b|\s+of\s+['’]\d", re.I)


def _is_title(c: _Candidate, text: str) -> bool:
    """A capitalized unit inside a sentence: "60 Minutes", ABC's "This Week", "High Noon"."""
    m = c.match
    word = m.group("w") if c.rule == "noon" else m.group("unit")
    if not word[0].isupper() or word.isupper():
        return False
    if c.rule != "noon":
        return True
    before = text[: c.start].rstrip()
    return bool(before) and before[-1] not in '.!?\n"“'


_FUNCTION_WORDS = frozenset(
    "in on at by for to and or from since until during with through of as than but".split()
)
_REF_SKIP_AFTER = re.compile(r"^\s+(?:account|accounts|affairs|events|assets|liabilities)\b", re.I)


def _valid_reference(c: _Candidate, text: str) -> bool:
    word = c.match.group("w").lower()
    if word == "earlier":
        return False  # only meaningful as part of a larger expression
    if word == "current" and _REF_SKIP_AFTER.match(text[c.end : c.end + 20]):
        return False
    if word == "now" and re.match(
        r"^(?:-|\s*[-–]?\s*(?:defunct|former|retired)\b)", text[c.end : c.end + 12]
    ):
        return False
    if word == "future":
        after = text[c.end : c.end + 20]
        if not re.match(r"^\s*(?:[.,;:)]|$)", after) and not re.search(
            r"\b(?:the|near|in)\s+$", text[max(0, c.start - 6) : c.start]
        ):
            return False
    return True


@lru_cache(maxsize=1)
def _triggers() -> dict[str, tuple[str, ...]]:
    """Lower-case substrings one of which a text must contain for a rule to be worth running."""
    lex = lexicons()
    units = tuple(u[:5] for u in lex.units)
    plural_units = ("years", "months", "weeks", "days", "decades", "hours", "minutes")
    first_words = lambda words: tuple({w.split()[0].replace("'", "") for w in words})  # noqa: E731
    return {
        "iso": ("-",), "slash": ("/",), "week_of": ("week of",), "decade": ("0s", "0's", "0’s"),
        "century": ("century",), "season": tuple(lex.seasons), "quarter": ("quarter", "half"),
        "year_quarter": ("quarter", "period"),
        "qcode": ("q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"),
        "holiday": first_words(lex.holidays),
        "deictic": ("today", "yesterday", "tomorrow", "tonight", "overnight"),
        "this_pod": tuple(lex.parts_of_day), "pod": tuple(lex.parts_of_day),
        "weekday": ("day", "mon", "tue", "wed", "thu", "fri", "sat", "sun"),
        "weekday_plural": ("every", "each", "days"), "set_month": ("every", "each"),
        "rel_unit": units + ("weekend", "period"), "duration": units, "past_unit": units,
        "set_every": units, "bare_units": plural_units, "vague_units": plural_units,
        "unit_long": plural_units, "spelled_year": ("nineteen", "twenty", "thousand"),
        "year_ago": ("year",), "year_end": ("year",), "period_ago": ("year",),
        "set_ly": ("daily", "weekly", "monthly", "yearly", "annual", "quarterly", "hourly",
                   "nightly", "biweekly", "semiannual", "semi-annual", "bimonthly"),
        "clock": ("a.m", "p.m", "am", "pm", "a. m", "p. m"), "clock24": ("gmt", "utc"),
        "clock_pod": (" in the morning", " in the afternoon", " in the evening", " at night"),
        "noon": ("noon", "midnight", "midday"), "reference": first_words(lex.references),
    }  # fmt: skip


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    lowered = text.lower()
    triggers = _triggers()
    for name, pattern, left, required in _rules():
        needles = triggers.get(name)
        if needles is not None and not any(n in lowered for n in needles):
            continue
        priority = _PRIORITY[name]
        for m in pattern.finditer(text):
            start, end = m.span("core") if "core" in pattern.groupindex else m.span()
            if end <= start:
                continue
            before = None
            if left is not None:
                lo = max(0, start - 48)
                before = left.search(text, lo, start)
                if before is not None and before.end() == start and before.start() < start:
                    start = before.start()
                elif required:
                    continue
                else:
                    before = None
            found.append(_Candidate(start, end, name, _Groups(m, before), priority))
    return found


@lru_cache(maxsize=1)
def _full_names() -> frozenset[str]:
    """Month and weekday names that are never written with an abbreviation dot."""
    lex = lexicons()
    return frozenset(
        w for w in (*lex.months, *lex.weekdays) if len(w) > 4 or w in ("may", "june", "july")
    )


def _select(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """Longest candidates first, earlier-listed rules on ties; no two selected ones overlap."""
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[_Candidate] = []
    occupied = bytearray(len(text) + 1)
    full_names = _full_names()
    for c in found:
        if text[c.end - 1] == "." and c.end - c.start > 1:
            word = re.search(r"([A-Za-z]+)\.$", text[c.start : c.end])
            if word and word.group(1).lower() in full_names:
                c.end -= 1  # "on Tuesday." ends a sentence: the dot is not part of the name
        if any(occupied[c.start : c.end]):
            continue
        if not _valid(c, text):
            continue
        taken.append(c)
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
    taken.sort(key=lambda c: c.start)
    return taken


# ---------------------------------------------------------------------------------------------
# direction (tense)

_PAST_VERB = re.compile(r"^[a-z]+ed$")
_NOT_PAST = {"need", "speed", "feed", "seed", "red", "bed", "shed", "united", "bred", "indeed",
             "led", "hundred", "proceed", "succeed", "exceed"}  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[;:!?\n]|(?<!\.m)(?<!\b[A-Z])(?<!Mr|Ms|Dr|St)\.(?=\s|$)")


_PAST_TAIL = re.compile(r"\b(?:as\s+of|since|until\s+now)\s+(?:last\s+)?\Z", re.I)
_INTENT_WORDS = frozenset(
    "plan plans planning planned expect expects expected intend intends intended hope hopes "
    "hoped want wants wanted aim aims aimed going scheduled due set ready prepared decide "
    "decides decided agree agrees agreed promise promises promised pledge pledges pledged vow "
    "vows vowed threaten threatens threatened vote votes voted ask asks asked urge urges urged "
    "invite invites invited order orders ordered prepare prepares likely decision agreement "
    "deal proposal deadline invitation bid".split()
)
_BEFORE_ADJECTIVE = frozenset(
    "a an the still very most more less its his her their our your this that these those".split()
)
_FUTURE_TAIL = re.compile(
    r"\b(?:as\s+(?:soon|early)\s+as|no\s+later\s+than|by)\s+(?:next\s+)?\Z", re.I
)


def _direction_from_text(text: str, start: int, end: int) -> str | None:
    """'future' / 'past' from cue words before the expression in its clause, None if no cue."""
    lo = max(0, start - 120)
    window = text[lo:start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window)), default=0)
    words = re.findall(r"[A-Za-z']+|[’]ll", window[cut:])
    cues = lexicons().tense_cues
    if _FUTURE_TAIL.search(window):
        return "future"
    recent = [w.lower().replace("’", "'") for w in words[-10:]]
    for i in range(len(recent) - 1, -1, -1):
        low = recent[i]
        if low.endswith("'ll"):
            return "future"
        cue = cues.get(low)
        if low == "next" and i + 1 < len(recent) and recent[i + 1] == "to":
            continue  # "next to the embassy"
        if low == "set" and (i + 1 >= len(recent) or recent[i + 1] not in ("for", "to")):
            cue = "past"  # "a record high set on Aug. 6", but "set for Tuesday"
        past = cue == "past" or (
            cue is None
            and _PAST_VERB.match(low) is not None
            and low not in _NOT_PAST
            and (i == 0 or recent[i - 1] not in _BEFORE_ADJECTIVE)  # "a still unspecified date"
        )
        if past:
            # a participle after a modal or "to" ("will be held", "to be signed") is not past
            j = i - 1
            while j >= 0 and recent[j] in ("be", "been", "have", "not", "also", "still", "then"):
                j -= 1
            if j >= 0 and (
                recent[j] in ("will", "shall", "would", "to") or recent[j].endswith("'ll")
            ):
                return "future"
            return "past"
        if low == "to" and i > 0 and recent[i - 1] in _INTENT_WORDS:
            return "future"  # "did not plan to remove him on Thursday"
        if cue is not None:
            return cue
    after = text[end : min(len(text), end + 60)]
    stop = _CLAUSE_BREAK.search(after)
    after_words = re.findall(r"[A-Za-z']+", after[: stop.start()] if stop else after)
    for k, word in enumerate(after_words[:8]):
        low = word.lower()
        if low in ("will", "would", "is", "are") or low.endswith("'ll"):
            return "future" if low != "would" else None
        if cues.get(low) == "past":
            return "past"
        if cues.get(low) == "future" and low not in ("next", "set", "due", "would"):
            following = after_words[k + 1].lower() if k + 1 < len(after_words) else ""
            if not low.endswith("ed") and following == "to":  # not "planned", not "plans" (noun)
                return "future"  # "On Tuesday, the league plans to ..."
        if _PAST_VERB.match(low) and low not in _NOT_PAST:
            return "past"
    return None


_REPORTING = frozenset("say tell report announce claim state add note confirm deny".split())
_FORWARD_WORDS = frozenset(
    "payable effective scheduled expected due slated planned set starting beginning".split()
)


_FORWARD_PREPOSITIONS = frozenset("until till to for by through before".split())


def _direction_from_doc(doc: Doc, text: str, start: int, end: int) -> str | None:
    """'future' / 'past' from the tense and aspect of the verb governing the expression."""
    if re.match(r"['’]s\b", text[end : end + 3]):
        return None  # "Tuesday's ruling": the verb of the sentence does not date it
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    through_noun = False
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
        if token.lower_ in _FORWARD_WORDS and token.pos_ != "VERB":
            return "future"  # "payable Dec. 15", "effective Feb. 1"
        through_noun = through_noun or token.pos_ == "NOUN"
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if through_noun and token.lemma_ in _REPORTING and token.tag_ == "VBD":
        return None  # "told them of a cutback in September": the cutback is not dated by "told"
    return _tense_direction(token, span, through_noun)


# Verbs whose past form is their base form: tagged VBP after a singular subject, they are past
# ("Weakness hurt the index"), since the present would agree ("hurts").
_SAME_PAST = frozenset(
    "hurt cut put set hit cost let shut spread quit bet split cast thrust".split()
)
_SINGULAR_SUBJECT_TAGS = frozenset(("NN", "NNP"))


def _tense_direction(token: Token, span: Span, through_noun: bool, depth: int = 0) -> str | None:
    """'future' / 'past' from the tense and aspect of `token`, the verb governing `span`."""
    children = list(token.children)
    auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "'ll", "shall", "wo", "going"} or token.lower_ in ("will", "'ll"):
        return "future"
    if auxiliaries & {"would", "could", "might", "may", "should", "can", "must"}:
        return None  # modal: the cue words decide
    if token.tag_ == "VB" and any(c.lower_ == "to" for c in children):
        # "plans to visit on Tuesday", "asked him to testify on Feb. 10", but not a purpose
        # clause of a past act: "staged celebrations to mark the entry on Friday"
        head = token.head
        if head is token or head.lower_ in _INTENT_WORDS or head.lemma_ in _INTENT_WORDS:
            return "future"
        if head.pos_ in ("VERB", "AUX") and head.tag_ in ("VBD", "VBN"):
            return None
        return "future" if head.pos_ in ("VERB", "AUX", "ADJ") else None
    if token.tag_ == "VBD":
        # "postponed until Tuesday", "scheduled for Monday": the date lies ahead of the act
        if token.lower_ == "set" and not any(c.lower_ in ("for", "to") for c in children):
            return "past"  # "set Friday as the deadline", "set a record on Monday"
        if lexicons().tense_cues.get(token.lower_) != "future":
            return "past"
        # "postponed until Tuesday", "planned a rally on Saturday", but "On Friday, the
        # government planned to ...": a date put before the verb is the day of the planning
        head = span.root.head
        if span.root.i < token.i and head.lower_ not in _FORWARD_PREPOSITIONS:
            return "past"
        return "future"
    if token.tag_ == "VBN":
        if token.lower_ == "set" and not any(c.lower_ in ("for", "to") for c in children):
            return "past"  # "the record set on Oct. 6", but "a summit set for April"
        if token.lower_ in _FORWARD_WORDS or "to" in auxiliaries:
            return "future"  # "a summit set for April", "to be published in November"
        if auxiliaries & {"is", "are", "am", "'s", "'re"} and not auxiliaries & {"has", "have"}:
            return "future"  # present passive in news: "the case is heard in May"
        return "past"
    if token.tag_ in ("VBZ", "VBP"):
        if auxiliaries & {"has", "have", "'ve"}:
            return "past"
        if token.lemma_ in _REPORTING:
            return "past"  # "the ministry says Monday": a report of what happened
        if (
            token.tag_ == "VBP"
            and token.lower_ in _SAME_PAST
            and any(c.dep_ == "nsubj" and c.tag_ in _SINGULAR_SUBJECT_TAGS for c in children)
        ):
            return "past"  # "Weakness hurt the index on Friday": not a present, which agrees
        if through_noun:
            return None  # "properties, worth $130 million in October, are worth half now"
        return "future"  # news present: "arrives in Moscow on Tuesday"
    if token.tag_ == "VBG":
        if auxiliaries & {"is", "are", "'s", "'re", "am"}:
            return "future"
        if auxiliaries & {"was", "were"}:
            return "past"
        head = token.head
        if (
            depth < 3
            and not auxiliaries
            and token.dep_ in ("advcl", "xcomp", "conj", "acl")
            and head is not token
            and head.pos_ in ("VERB", "AUX")
        ):
            # a participle clause takes the time of its verb: "has fluctuated, rising to a
            # high in June from $29.75 in March"
            return _tense_direction(head, span, through_noun, depth + 1)
    return None


_PAST_PERFECT = re.compile(r"\bhad\b(?!\s+to\b)(?![^;:.!?]*\b(?:will|would|shall)\b)", re.I)
_POSSESSIVE = re.compile(r"['’]s\b")
_SAID_TAIL = re.compile(
    r"\b(?:said|told\s+(?:reporters|journalists|parliament|lawmakers|[A-Z]\w+)|announced|reported"
    r"|added|stated|confirmed|declared|disclosed|warned|claimed|denied|acknowledged|insisted)"
    r"\s+(?:on\s+)?\Z"
)
_ARTICLE_TAIL = re.compile(r"\b(?:a|an)\s+\Z", re.I)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:deadline|target|goal|date|elections?|vote|referendum|summit|launch|opening|start"
    r"|debut|release)\b)[a-z]{3,}\b"
)
_AHEAD = re.compile(r"\b(?:ahead\s+of|upcoming|awaiting|await|awaits)\s+(?:the\s+)?\Z", re.I)
_UNTIL_TAIL = re.compile(
    r"\b(?:until|till|through)\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.\s?m\.\s*(?:[A-Z]{2,3}\s+)?)?\Z",
    re.I,
)
_DEADLINE_GIVEN = re.compile(r"\b(?:gave|granted|allowed|extended)\b", re.I)
_PERFECT_OR_PRESENT = re.compile(
    r"\b(?:has|have|'ve|is|are)\s+(?:(?:also|now|been|already)\s+)*[a-z]+(?:ed|en|n)\b", re.I
)


def _clause_before(text: str, start: int) -> str:
    """The words of the clause before `start`, back to a sentence or clause break."""
    window = text[max(0, start - 120) : start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window)), default=0)
    return window[cut:]


def _direction(ctx: _Context, start: int, end: int, default: str | None = "past") -> str | None:
    """'past' / 'future' for the expression at start..end; `default` when nothing says."""
    direction = None
    text = ctx.text
    clause = _clause_before(text, start)
    if _POSSESSIVE.match(text, end) or (
        text[start].isupper() and _ARTICLE_TAIL.search(clause) and _NOUN_AFTER.match(text, end)
    ):
        # "Wednesday's ruling", "a June agreement": the verb of the sentence does not date the
        # thing named; news names an event this way once it happened, unless it is awaited
        # ("ahead of Tuesday's vote")
        return "future" if _AHEAD.search(clause) else "past"
    if _SAID_TAIL.search(clause):
        return "past"  # "officials said Monday (that) ...": the day of the saying
    if _PAST_PERFECT.search(" ".join(clause.split()[-8:])):
        return "past"  # "had filed reports by Wednesday", "had been due to expire Friday"
    if _UNTIL_TAIL.search(clause) and (
        _PERFECT_OR_PRESENT.search(clause) or _DEADLINE_GIVEN.search(clause)
    ):
        # "has given them until 9 a.m. Tuesday", "has extended loans through May", "gave the
        # company until mid-March": a deadline lies ahead of the act that sets it
        return "future"
    if _FUTURE_TAIL.search(ctx.text, max(0, start - 40), start):
        return "future"  # "as soon as Tuesday", "by March"
    if _PAST_TAIL.search(ctx.text, max(0, start - 40), start):
        return "past"  # "as of February", "since Monday"
    if ctx.doc is not None:
        direction = _direction_from_doc(ctx.doc, ctx.text, start, end)
    if direction is None:
        direction = _direction_from_text(ctx.text, start, end)
    return direction or default


# ---------------------------------------------------------------------------------------------
# resolution helpers


def _number(word: str) -> str:
    """'3', '2.5', 'X' for a number phrase."""
    lex = lexicons()
    w = re.sub(r"\s+", " ", word.lower().replace("-", " ")).strip()
    half = False
    if w.endswith(" and a half"):
        half = True
        w = w[: -len(" and a half")]
    if w in lex.numbers:
        value = lex.numbers[w]
    elif re.match(r"^\d+(\.\d+)?$", w):
        value = w
    elif re.match(r"^\d+ 1/2$", w):
        value = f"{int(w.split()[0]) + 0.5:g}"
    else:
        parts = w.split()
        if len(parts) == 2 and parts[0] in lex.numbers and parts[1] in lex.numbers:
            value = str(int(lex.numbers[parts[0]]) + int(lex.numbers[parts[1]]))
        else:
            value = "X"
    if half and value != "X":
        value = f"{float(value) + 0.5:g}"
    return value


def _unit(word: str) -> tuple[str, str]:
    w = word.lower()
    units = lexicons().units
    for candidate in (w, w[:-1], w[:-3] + "y" if w.endswith("ies") else w):
        if candidate in units:
            return candidate, units[candidate][0]
    raise KeyError(word)


# a fraction of a unit written in the next smaller one, as TimeML writes "2 1/2 years" (P2Y6M)
_SPLIT = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "TH": ("M", 60), "TM": ("S", 60)}


def _duration_value(num: str, letter: str) -> str:
    if num != "X" and "." in num and letter in _SPLIT:
        whole, fraction = divmod(float(num), 1)
        small, per = _SPLIT[letter]
        part = fraction * per
        if abs(part - round(part)) < 1e-6:
            big = letter[-1]
            time = "T" if letter.startswith("T") or small == "H" else ""
            head = f"{int(whole)}{big}" if whole else ""
            if letter.startswith("T"):
                return f"PT{head}{round(part)}{small}"
            return f"P{head}{time}{round(part)}{small}"
    if letter.startswith("T"):
        return f"PT{num}{letter[1:]}"
    if letter == "2W":
        return "PXW" if num == "X" else f"P{int(float(num) * 2)}W"
    if letter in _IN_YEARS:  # the TimeML corpora write decades and centuries in years
        return "PXY" if num == "X" else f"P{float(num) * _IN_YEARS[letter]:g}Y"
    return f"P{num}{letter}"


_IN_YEARS = {"DE": 10, "CE": 100}


def _shift(day: date, unit: str, amount: int) -> str:
    """The value of the calendar unit containing `day` shifted by `amount` units."""
    if unit == "day":
        return (day + timedelta(days=amount)).isoformat()
    if unit in ("week", "fortnight"):
        return _week_value(day + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit == "weekend":
        return _week_value(day + timedelta(weeks=amount)) + "-WE"
    if unit == "month":
        y, m = _add_months(day.year, day.month, amount)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        index = day.year * 4 + (day.month - 1) // 3 + amount
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "half":
        index = day.year * 2 + (day.month - 1) // 6 + amount
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "year":
        return f"{day.year + amount:04d}"
    if unit == "decade":
        return f"{day.year // 10 + amount:03d}"
    if unit == "century":
        return f"{day.year // 100 + amount:02d}"
    if unit in ("hour", "minute", "second"):
        return day.isoformat()
    raise KeyError(unit)


def _weekday_date(anchor: date, weekday: int, direction: str, rel: str | None) -> date:
    delta = weekday - anchor.isoweekday()
    if rel in ("last", "past", "previous"):
        back = (anchor.isoweekday() - weekday) % 7 or 7
        return anchor - timedelta(days=back)
    if rel in ("next", "coming"):
        ahead = delta % 7 or 7
        return anchor + timedelta(days=ahead)
    if rel == "this":
        return anchor + timedelta(days=delta)
    if direction == "future":
        return anchor + timedelta(days=delta % 7)
    return anchor - timedelta(days=(-delta) % 7)


def _year_for_month(anchor: date, month: int, direction: str | None, rel: str | None) -> int:
    if rel == "this":
        return anchor.year
    if rel in ("next", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel in ("last", "past", "previous"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    if direction == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    # nothing says: the nearest such month, the past one on a tie
    ahead = (month - anchor.month) % 12
    behind = (anchor.month - month) % 12
    return (
        anchor.year + (1 if month < anchor.month else 0)
        if ahead < behind
        else (anchor.year - (1 if month > anchor.month else 0))
    )


def _year_for_day(anchor: date, month: int, day: int, direction: str | None) -> int:
    """The year of a month-day without a year: the tense decides beyond a month away, else the
    nearest occurrence (February 29 looks for the nearest leap year)."""
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            diff = (date(year, month, day) - anchor).days
        except ValueError:
            continue
        if direction == "past" and diff > 31 or direction == "future" and diff < -31:
            continue
        if best is None or abs(diff) < best[0]:
            best = (abs(diff), year)
    if best is None:
        for year in range(anchor.year, anchor.year - 8, -1):
            if calendar.isleap(year):
                return year
        return anchor.year
    return best[1]


def _easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday_date(name: str, year: int) -> date:
    """The date of a holiday from dates_holidays.tsv in a given year."""
    rule = lexicons().holidays[name.lower()]
    if rule.startswith("easter"):
        return _easter(year) + timedelta(days=int(rule[6:]))
    if re.match(r"^\d\d-\d\d$", rule):
        return date(year, int(rule[:2]), int(rule[3:]))
    nth, month, weekday = (int(x) for x in rule.split(":"))
    if nth > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (nth - 1))
    last = _month_end(year, month)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _two_digit_year(y: str) -> int:
    n = int(y)
    if len(y) == 4:
        return n
    return 1900 + n if n >= 50 else 2000 + n


# ---------------------------------------------------------------------------------------------
# the resolver, one function per rule


def _r_iso(m, ctx, c):
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    day = date(y, mo, d)
    if m.group("hh"):
        return _Resolved(TIME, f"{day.isoformat()}T{m.group('hh')}:{m.group('mm')}")
    return _Resolved(DATE, day.isoformat())


def _r_slash(m, ctx, c):
    a, b = int(m.group("m")), int(m.group("d"))
    y = _two_digit_year(m.group("y"))
    month, day = (a, b) if a <= 12 else (b, a)
    return _Resolved(DATE, date(y, month, day).isoformat())


def _r_mdy(m, ctx, c):
    month = lexicons().months[m.group("month").lower().rstrip(".")]
    d = int(m.group("d"))
    if m.group("y"):
        y = int(m.group("y"))
    else:
        rel = (m.group("rel") or "").lower()
        anchor = ctx.anchor.date()
        if rel == "last":  # "last Oct. 23": the latest one before the anchor
            y = anchor.year if date(anchor.year, month, d) < anchor else anchor.year - 1
        elif rel:  # "next Feb. 3", "this coming May 5": the first one after it
            y = anchor.year if date(anchor.year, month, d) > anchor else anchor.year + 1
        else:
            y = _year_for_day(anchor, month, d, _direction(ctx, c.start, c.end, None))
    return _Resolved(DATE, date(y, month, d).isoformat())


def _r_week_of(m, ctx, c):
    """ "the week of March 6": the ISO week holding that day."""
    month = lexicons().months[m.group("month").lower().rstrip(".")]
    d = int(m.group("d"))
    if m.group("y"):
        y = int(m.group("y"))
    else:
        y = _year_for_day(ctx.anchor.date(), month, d, _direction(ctx, c.start, c.end, None))
    return _Resolved(DATE, _week_value(date(y, month, d)))


def _r_my(m, ctx, c):
    month = lexicons().months[m.group("month").lower().rstrip(".")]
    if m.group("y"):
        year = int(m.group("y"))
    else:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m.group("yrel").lower()]
    return _Resolved(DATE, f"{year:04d}-{month:02d}", _mod_of(m))


def _r_month(m, ctx, c):
    month = lexicons().months[m.group("month").lower().rstrip(".")]
    rel = (m.group("rel") or "").lower() or None
    direction = _direction(ctx, c.start, c.end, None)
    y = _year_for_month(ctx.anchor.date(), month, direction, rel)
    return _Resolved(DATE, f"{y:04d}-{month:02d}", _mod_of(m))


def _r_year(m, ctx, c):
    return _Resolved(DATE, f"{int(m.group('y')):04d}", _mod_of(m))


def _r_decade(m, ctx, c):
    dec = m.group("dec").lstrip("'’")
    if len(dec) == 2:
        century = 19 if int(dec) > (ctx.anchor.year % 100) else ctx.anchor.year // 100
        return _Resolved(DATE, f"{century}{dec[0]}", _mod_of(m))
    return _Resolved(DATE, dec[:3], _mod_of(m))


def _r_century(m, ctx, c):
    word = m.group("ord").lower()
    n = lexicons().ordinals.get(word) or int(re.sub(r"\D", "", word))
    return _Resolved(DATE, f"{n - 1:02d}", _mod_of(m))


def _r_season(m, ctx, c):
    code = lexicons().seasons[m.group("season").lower()][0]
    anchor = ctx.anchor.date()
    if m.group("y"):
        return _Resolved(DATE, f"{m.group('y')}-{code}", _mod_of(m))
    rel = (m.group("rel") or "").lower()
    current = anchor.year + (1 if anchor.month == 12 else 0)
    start_month = lexicons().seasons[m.group("season").lower()][1]
    # the season of the anchor's year that has begun (winter Y starts in December Y-1)
    begun = code == "WI" or anchor.month >= start_month
    if rel in ("this", "the"):
        y = current if (code == "WI" or begun or rel == "this") else current
        if rel == "the" and not begun and _direction(ctx, c.start, c.end) == "past":
            y = current - 1
    elif rel in ("next", "coming"):
        y = current + 1 if begun else current
    elif rel in ("last", "past", "previous"):
        in_it = interval_of(f"{current}-{code}")
        y = current - 1 if (begun and in_it and in_it[0] <= anchor) else current - 1
        if not begun:
            y = current - 1
        elif in_it and anchor > in_it[1]:
            y = current
    else:
        direction = _direction(ctx, c.start, c.end)
        y = current if (begun or direction == "future") else current - 1
    return _Resolved(DATE, f"{y}-{code}", _mod_of(m))


def _note_quarter(ctx: _Context, year: int, quarter: int, c: _Candidate) -> None:
    """Remember a quarter the text reports on, for "a year earlier" and "the quarter" after it.

    A quarter that has not ended by the publication time is remembered only when the text
    reports on it ("reported fourth-quarter earnings", a fiscal quarter, or "the quarter ended
    Sept. 30"), not when it forecasts it ("will result in a fourth-quarter loss").
    """
    ended = _month_end(year, 3 * quarter) < ctx.anchor.date()
    if ended or _ENDED.match(ctx.text, c.end) or _direction(ctx, c.start, c.end, None) == "past":
        ctx.last_quarter, ctx.last_quarter_end = (year, quarter), c.end


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _r_quarter(m, ctx, c):
    unit = m.group("unit").lower()
    word = m.group("ord").lower()
    anchor = ctx.anchor.date()
    size = 3 if unit == "quarter" else 6
    count = 4 if unit == "quarter" else 2
    if word == "last" and not m.group("the") and not m.group("y") and not m.group("yrel2"):
        value = _shift(anchor, unit, -1)  # "last quarter": the one before this one
        if unit == "quarter":
            _note_quarter(ctx, int(value[:4]), int(value[-1]), c)
        return _Resolved(DATE, value)
    n = count if word in ("final", "last") else _ORD_Q[word]
    if n > count:
        return None
    letter = "Q" if unit == "quarter" else "H"
    yrel = (m.group("yrel") or m.group("yrel2") or "").lower()
    if m.group("y"):
        y = int(m.group("y"))
    elif yrel:
        y = anchor.year + {"this": 0, "last": -1, "next": 1}[yrel]
    else:
        y = anchor.year
        first_month = size * (n - 1) + 1
        if (date(y, first_month, 1) - anchor).days > 92:
            y -= 1
    value = f"{y}-{letter}{n}"
    if letter == "Q":
        _note_quarter(ctx, y, n, c)
    return _Resolved(DATE, value)


def _r_year_quarter(m, ctx, c):
    if m.group("y"):
        year = int(m.group("y"))
    else:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m.group("yrel").lower()]
    if m.group("ord"):
        q = _ORD_Q[m.group("ord").lower()]
    elif ctx.last_quarter:
        q = ctx.last_quarter[1]
    else:
        q = int(_shift(ctx.anchor.date(), "quarter", -1)[-1])
    if m.group("ord"):
        _note_quarter(ctx, year, q, c)
    return _Resolved(DATE, f"{year}-Q{q}")


def _r_qcode(m, ctx, c):
    q = int(m.group("q") or m.group("q2"))
    y = m.group("y") or m.group("y2")
    year = int(y) if y else ctx.anchor.year
    _note_quarter(ctx, year, q, c)
    return _Resolved(DATE, f"{year}-Q{q}")


def _r_holiday(m, ctx, c):
    name = re.sub(r"\s+", " ", m.group("hol").lower().replace("’", "'"))
    anchor = ctx.anchor.date()
    if m.group("y"):
        return _Resolved(DATE, holiday_date(name, int(m.group("y"))).isoformat())
    rel = (m.group("rel") or "").lower()
    this_year = holiday_date(name, anchor.year)
    if rel == "last":
        y = anchor.year if this_year < anchor else anchor.year - 1
    elif rel == "next":
        y = anchor.year if this_year > anchor else anchor.year + 1
    elif rel == "this":
        y = anchor.year
    else:
        direction = _direction(ctx, c.start, c.end)
        if direction == "future":
            y = anchor.year if this_year >= anchor else anchor.year + 1
        else:
            y = anchor.year if this_year <= anchor else anchor.year - 1
    return _Resolved(DATE, holiday_date(name, y).isoformat())


def _pod_code(word: str | None) -> str | None:
    if not word:
        return None
    return lexicons().parts_of_day.get(word.lower().rstrip("s"))


def _r_deictic(m, ctx, c):
    w = m.group("w").lower()
    anchor = ctx.anchor.date()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": -1}[w]
    day = anchor + timedelta(days=offset)
    pod = _pod_code(m.group("pod")) or {"tonight": "NI", "overnight": "NI"}.get(w)
    if w == "overnight" and not m.group("pod"):
        day = anchor - timedelta(days=1) if ctx.anchor.hour < 12 else anchor
    if pod:
        return _Resolved(TIME, f"{day.isoformat()}T{pod}", _mod_of(m))
    return _Resolved(DATE, day.isoformat(), _mod_of(m))


def _r_this_pod(m, ctx, c):
    rel = m.group("rel").lower()
    anchor = ctx.anchor.date()
    pod = _pod_code(m.group("pod"))
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and pod != "NI":
        offset = -1
    return _Resolved(TIME, f"{(anchor + timedelta(days=offset)).isoformat()}T{pod}", _mod_of(m))


def _r_weekday(m, ctx, c):
    weekday = lexicons().weekdays[m.group("wd").lower().rstrip(".")]
    rel = " ".join((m.group("rel") or "").lower().split()) or None
    source, base = "publication", ctx.anchor.date()
    if rel and rel.startswith("the "):
        # "the previous Friday", "the following Monday": counted from the day the text is about
        rel = "last" if rel != "the following" else "next"
        if ctx.last_day is not None:
            source, base = "text", ctx.last_day
    direction = _direction(ctx, c.start, c.end)
    day = _weekday_date(base, weekday, direction, rel)
    pod = _pod_code(m.group("pod"))
    value = f"{day.isoformat()}T{pod}" if pod else day.isoformat()
    anchor = _anchor_dt(ctx, base, source)
    return _Resolved(TIME if pod else DATE, value, _mod_of(m), source, anchor)


def _r_set_month(m, ctx, c):
    month = lexicons().months[m.group("month").lower().rstrip(".")]
    return _Resolved(SET, f"XXXX-{month:02d}")


def _r_weekday_plural(m, ctx, c):
    weekday = lexicons().weekdays[(m.group("wd1") or m.group("wd2")).lower()]
    pod = _pod_code(m.group("pod"))
    return _Resolved(SET, f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else ""))


_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|through|to\s+date)\b", re.I)


def _money_sentence(ctx: _Context, c: _Candidate) -> bool:
    """Whether the sentence around a candidate compares amounts (financial results)."""
    lo = max(ctx.text.rfind(".", 0, c.start), ctx.text.rfind("\n", 0, c.start), 0)
    hi = ctx.text.find(".", c.end)
    sentence = ctx.text[lo : hi if hi > 0 else len(ctx.text)]
    return "quarter" in sentence and ("$" in sentence or "%" in sentence)


_COARSE_UNITS = frozenset({"month", "quarter", "half", "year", "decade", "century"})
_TEXT_REL = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1,
             "the preceding": -1, "the same": 0, "that": 0}  # fmt: skip


def _r_rel_unit(m, ctx, c):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    if rel == "that same":
        rel = "that"
    unit = m.group("unit").lower()
    anchor = ctx.anchor.date()
    mod = _mod_of(m)
    if unit == "period":
        if ctx.last_quarter and rel == "the":
            y, q = ctx.last_quarter
            return _Resolved(DATE, f"{y}-Q{q}", mod)
        return _Resolved(DATE, _shift(anchor, "quarter", -1), mod)
    if rel == "the" and unit == "year" and _ENDED.match(ctx.text, c.end):
        # "the year ended June 30": a period of one unit ending on the date that follows
        _, letter = _unit(unit)
        return _Resolved(DURATION, _duration_value("1", letter))
    if rel in ("last",) and unit == "year" and ctx.last_quarter and _money_sentence(ctx, c):
        y, q = ctx.last_quarter
        return _Resolved(DATE, f"{y - 1}-Q{q}", mod)
    if (
        rel in ("the past", "the last", "the next", "the coming")
        and unit not in ("weekend",)
        and (rel != "the next" or unit != "day")
    ):
        if rel == "the last" and unit == "quarter":
            return _Resolved(DATE, _shift(anchor, "quarter", -1), mod)
        if unit == "half":
            return None
        _, letter = _unit(unit)
        return _Resolved(DURATION, _duration_value("1", letter))
    if rel in _TEXT_REL and unit != "weekend":
        coarse = unit in _COARSE_UNITS  # "the following year" counts from a year, a month ...
        base = ctx.last_date if (rel == "that" or coarse) else ctx.last_day
        base_day = base or anchor
        source = "text" if base is not None else "publication"
        value = _shift(base_day, unit, _TEXT_REL[rel])
        return _Resolved(DATE, value, mod, source, _anchor_dt(ctx, base_day, source))
    if unit == "quarter" and rel in ("the", "the latest", "the most recent"):
        ended = _quarter_ended().match(ctx.text, c.end)
        if ended:  # "the quarter ended Sept. 30": the calendar quarter of that day
            month = lexicons().months[ended.group("month").lower().rstrip(".")]
            year = int(ended.group("y")) if ended.group("y") else anchor.year
            if not ended.group("y") and date(year, month, 1) > anchor:
                year -= 1
            q = (month - 1) // 3 + 1
            _note_quarter(ctx, year, q, c)
            return _Resolved(DATE, f"{year}-Q{q}", mod)
        if rel == "the" and ctx.last_quarter and c.start - ctx.last_quarter_end < 400:
            y, q = ctx.last_quarter
            return _Resolved(DATE, f"{y}-Q{q}", mod)
        value = _shift(anchor, "quarter", -1)
        _note_quarter(ctx, int(value[:4]), int(value[-1]), c)
        return _Resolved(DATE, value, mod)
    if unit == "day" and rel in ("this", "the", "current", "the current"):
        return None if rel in ("the",) else _Resolved(DATE, anchor.isoformat(), mod)
    offset = {"this": 0, "current": 0, "the current": 0, "the": 0, "the same": 0,
              "next": 1, "coming": 1, "the coming": 1, "last": -1, "past": -1,
              "previous": -1, "the latest": -1, "the most recent": -1}.get(rel)  # fmt: skip
    if offset is None:
        return None
    if unit == "weekend":
        if rel in ("last", "past", "previous"):
            base = anchor - timedelta(days=anchor.isoweekday())  # last Sunday
            return _Resolved(DATE, _week_value(base) + "-WE", mod)
        if rel in ("next", "coming", "the coming"):
            days = 7 - anchor.isoweekday() + 6
            return _Resolved(DATE, _week_value(anchor + timedelta(days=days)) + "-WE", mod)
        if rel == "the" and _direction(ctx, c.start, c.end) == "past" and anchor.isoweekday() < 6:
            return _Resolved(DATE, _week_value(anchor - timedelta(days=7)) + "-WE", mod)
        return _Resolved(DATE, _week_value(anchor) + "-WE", mod)
    if unit == "quarter":
        value = _shift(anchor, "quarter", offset)
        _note_quarter(ctx, int(value[:4]), int(value[-1]), c)
        return _Resolved(DATE, value, mod)
    return _Resolved(DATE, _shift(anchor, unit, offset), mod)


@lru_cache(maxsize=1)
def _quarter_ended() -> re.Pattern[str]:
    month = _alt(lexicons().months)
    return re.compile(
        rf"\s+(?:that\s+|which\s+)?ended\s+(?P<month>{month})\.?\s+\d{{1,2}}(?:,\s*(?P<y>\d{{4}}))?",
        re.IGNORECASE,
    )


def _anchor_dt(ctx: _Context, day: date, source: str) -> datetime:
    if source != "text":
        return ctx.anchor
    return ctx.anchor.replace(year=day.year, month=day.month, day=day.day, hour=0, minute=0,
                              second=0, microsecond=0)  # fmt: skip


def _duration_number(m: _Groups) -> str:
    num = _number(m.group("num"))
    if m.group("half") and num != "X":
        num = f"{float(num) + 0.5:g}"  # "a minute and a half"
    return num


def _r_ago(m, ctx, c):
    num = _duration_number(m)
    unit, letter = _unit(m.group("unit"))
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if direction in ("before", "after") and not re.match(r"^\s*[,.;]", ctx.text[c.end : c.end + 2]):
        # "two days after the vote": a duration relating two events
        return _Resolved(DURATION, _duration_value(num, letter), _approx(m))
    if num == "X":
        if direction in ("ago", "back"):
            return _Resolved(DATE, "PAST_REF")
        if direction in ("from now", "hence"):
            return _Resolved(DATE, "FUTURE_REF")
        return _Resolved(DURATION, _duration_value(num, letter), _approx(m))
    amount = float(num)
    textual = direction in ("earlier", "later", "before", "after", "previously")
    mentioned = ctx.last_date if unit in _COARSE_UNITS else ctx.last_day
    base = mentioned if (textual and mentioned is not None) else ctx.anchor.date()
    source = "text" if (textual and mentioned is not None) else "publication"
    if unit in ("hour", "minute", "second"):
        return _Resolved(DURATION, _duration_value(num, letter), _approx(m))
    if unit == "year" and amount == 1 and sign < 0 and ctx.last_quarter:
        y, q = ctx.last_quarter
        return _Resolved(DATE, f"{y - int(amount)}-Q{q}", _approx(m))
    if amount != int(amount):
        return _Resolved(DURATION, _duration_value(num, letter), _approx(m))
    value = _shift(base, unit, sign * int(amount))
    return _Resolved(DATE, value, _approx(m), source, _anchor_dt(ctx, base, source))


def _approx(m: _Groups) -> str | None:
    """The mod of an approximating word in the span, or of "about"/"over" just before it (TimeML
    leaves those two out of the span but they still qualify the value)."""
    word = m.groupdict().get("approx")
    if not word:
        start = m.left.start() if m.left is not None else m.core.start()
        outside = _APPROX_OUTSIDE.search(m.core.string, max(0, start - 12), start)
        if outside is None:
            return None
        word = outside.group(1)
    return _APPROX_MODS.get(re.sub(r"\s+", " ", word.lower()))


_APPROX_OUTSIDE = re.compile(r"\b(about|over)\s+\Z", re.I)


def _r_year_end(m, ctx, c):
    """ "by year-end": December 31 of this year; "since year-end": of the last one."""
    year = ctx.anchor.year
    if _direction(ctx, c.start, c.end, None) == "past" and not _FUTURE_TAIL.search(
        ctx.text, max(0, c.start - 40), c.start
    ):
        year -= 1
    return _Resolved(DATE, f"{year:04d}-12-31", "APPROX" if m.group("approx") else None)


def _r_year_ago(m, ctx, c):
    what = (m.group("what") or "").lower()
    if ctx.last_quarter and what not in ("months", "month"):
        y, q = ctx.last_quarter
        return _Resolved(DATE, f"{y - 1}-Q{q}")
    if what == "quarter":
        prev = _shift(ctx.anchor.date(), "quarter", -1)
        return _Resolved(DATE, f"{int(prev[:4]) - 1}-Q{prev[-1]}")
    return _Resolved(DATE, f"{ctx.anchor.year - 1}")


def _r_period_ago(m, ctx, c):
    # "the quarter a year ago", "the corresponding period last year": in an earnings report, the
    # reported quarter one year back
    return _r_year_ago(m, ctx, c)


_MODAL_TAIL = re.compile(r"\b(?:will|would|could|may|might|can|should|must|to)\s+\Z", re.I)


def _r_duration(m, ctx, c):
    if m.group("dir"):
        return _r_ago(m, ctx, c)
    if ctx.text[c.start : c.end].lower() == "one day" and _MODAL_TAIL.search(ctx.text, 0, c.start):
        return _Resolved(DATE, "FUTURE_REF")  # "Islam will one day be ...": some future day
    num = "X" if m.group("low") else _duration_number(m)  # "12 to 18 months": PXM
    unit, letter = _unit(m.group("unit"))
    return _Resolved(DURATION, _duration_value(num, letter), _approx(m))


def _r_past_unit(m, ctx, c):
    unit, letter = _unit(m.group("unit"))
    plural = m.group(0).lower().endswith("s")
    num = _number(m.group("num")) if m.group("num") else ("X" if plural else "1")
    return _Resolved(DURATION, _duration_value(num, letter))


def _r_bare_units(m, ctx, c):
    _, letter = _unit(m.group("unit"))
    return _Resolved(DURATION, _duration_value("X", letter))


def _r_vague_units(m, ctx, c):
    if m.group("adj").lower() == "recent" and m.group("unit").lower() == "years":
        return _Resolved(DATE, "PAST_REF")
    _, letter = _unit(m.group("unit"))
    return _Resolved(DURATION, _duration_value("X", letter))


_SPELLED = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
            "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
            "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9}  # fmt: skip


def _spelled_year_digits(words: str) -> str:
    """'nineteen ninety-four' -> '1994' (the forms the spelled-year patterns accept)."""
    first, tens, *units = re.split(r"[\s-]+", words.lower())
    return str(_SPELLED[first] * 100 + _SPELLED[tens] + (_SPELLED[units[0]] if units else 0))


def _r_spelled_decade(m, ctx, c):
    tens = _SPELLED[m.group("w").lower()[:-3] + "y"] // 10
    return _Resolved(DATE, f"19{tens}", _mod_of(m))


def _r_spelled_year(m, ctx, c):
    if re.match(
        r"\s+(?:years?|days?|months?|weeks?|people|dollars|times)\b", ctx.text[c.end : c.end + 9]
    ):
        return None  # "two thousand years": a number, not the year 2000
    first = re.sub(r"\s+", " ", m.group("c").lower())
    if first == "two thousand":
        century, rest = 2000, 0
    elif not m.group("t"):
        return None
    else:
        century, rest = _SPELLED[first] * 100, 0
    if m.group("t"):
        rest = _SPELLED[m.group("t").lower()] + (
            _SPELLED[m.group("u").lower()] if m.group("u") else 0
        )
    if rest >= 100:
        return None
    return _Resolved(DATE, f"{century + rest:04d}")


def _r_unit_long(m, ctx, c):
    _, letter = _unit(m.group("unit"))
    plural = m.group("unit").lower().endswith("s")
    return _Resolved(DURATION, _duration_value("X" if plural else "1", letter))


_LY = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
       "annually": "P1Y", "annual": "P1Y", "quarterly": "P3M", "hourly": "PT1H",
       "biweekly": "P2W", "semiannual": "P6M", "semi-annual": "P6M",
       "bimonthly": "P2M"}  # fmt: skip


def _r_set_ly(m, ctx, c):
    return _Resolved(SET, _LY[m.group("w").lower()])


def _r_set_every(m, ctx, c):
    unit, letter = _unit(m.group("unit"))
    num = _number(m.group("num")) if m.group("num") else "1"
    if m.group("other"):
        num = "2"
    return _Resolved(SET, _duration_value(num, letter))


def _clock(h: int, minute: int, ampm: str | None) -> tuple[int, int]:
    if ampm:
        p = ampm.lower().replace(".", "").replace(" ", "")
        if p.startswith("p") and h < 12:
            h += 12
        if p.startswith("a") and h == 12:
            h = 0
    return h, minute


def _r_clock(m, ctx, c):
    h, mi = _clock(int(m.group("h")), int(m.group("mi") or 0), m.group("ampm"))
    if int(m.group("h")) > 12:
        return None
    base = ctx.last_day or ctx.anchor.date()
    return _Resolved(TIME, f"{base.isoformat()}T{h:02d}:{mi:02d}", _approx(m))


def _r_clock_pod(m, ctx, c):
    h, mi = int(m.group("h")), int(m.group("mi") or 0)
    pod = (m.group("pod") or "").lower()
    if pod in ("afternoon", "evening") or (m.group("night") and h >= 6):
        h = h % 12 + 12  # "7 in the evening", "11 at night"
    elif h == 12:
        h = 0  # "12 in the morning", "12 at night" is midnight
    base = ctx.last_day or ctx.anchor.date()
    return _Resolved(TIME, f"{base.isoformat()}T{h:02d}:{mi:02d}")


def _r_clock24(m, ctx, c):
    h, mi = int(m.group("h")), int(m.group("mi"))
    base = ctx.last_day or ctx.anchor.date()
    return _Resolved(TIME, f"{base.isoformat()}T{h:02d}:{mi:02d}Z")


def _r_noon(m, ctx, c):
    w = m.group("w").lower()
    time_of = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[w]
    return _Resolved(TIME, f"{ctx.anchor.date().isoformat()}T{time_of}")


def _r_pod(m, ctx, c):
    pod = _pod_code(m.group("pod"))
    base = ctx.last_day or ctx.anchor.date()
    step = (m.group("next") or "").lower()
    base += timedelta(days={"next": 1, "following": 1, "previous": -1}.get(step, 0))
    return _Resolved(TIME, f"{base.isoformat()}T{pod}", _mod_of(m))


def _r_reference(m, ctx, c):
    phrase = re.sub(r"\s+", " ", m.group("w").lower().replace("’", "'"))
    return _Resolved(DATE, lexicons().references[phrase])


_RESOLVERS: dict[str, Callable] = {
    name[3:]: fn for name, fn in globals().items() if name.startswith("_r_") and callable(fn)
}
_RESOLVERS["dmy"] = _r_mdy


# ---------------------------------------------------------------------------------------------
# merging a clock time with the day it falls on ("10 p.m. Wednesday", "noon Thursday")

_JOIN = re.compile(r"^\s*,?\s*(?:on\s+)?$", re.IGNORECASE)


_DAY_BEFORE = re.compile(r"\b(?:the\s+)?day\s+(?P<dir>before|after)\s+\Z", re.IGNORECASE)


def _day_before_after(text: str, items: list[TimeExpression]) -> list[TimeExpression]:
    """ "the day before last Tuesday('s hearing)", "the day after Christmas": one day off the date
    that follows, one expression."""
    out: list[TimeExpression] = []
    for e in items:
        lead = _DAY_BEFORE.search(text, max(0, e.start - 20), e.start)
        previous_end = out[-1].end if out else 0
        if lead and lead.start() >= previous_end and e.granularity == "day" and e.type == DATE:
            step = -1 if lead.group("dir").lower() == "before" else 1
            day = date.fromisoformat(e.value[:10]) + timedelta(days=step)
            out.append(_expression(text, lead.start(), e.end, DATE, day.isoformat(), e.anchor,
                                   e.anchor_source, e.mod))  # fmt: skip
            continue
        out.append(e)
    return out


def _merge_times(text: str, items: list[TimeExpression]) -> list[TimeExpression]:
    merged: list[TimeExpression] = []
    i = 0
    while i < len(items):
        e = items[i]
        if i + 1 < len(items):
            nxt = items[i + 1]
            gap = text[e.end : nxt.start]
            clock = re.match(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}Z?|MO|AF|EV|NI)$", e.value)
            if clock and nxt.granularity == "day" and _JOIN.match(gap) and len(gap) <= 5:
                value = f"{nxt.value}T{clock.group(2)}"
                merged.append(_expression(text, e.start, nxt.end, TIME, value, e.anchor,
                                          nxt.anchor_source, e.mod))  # fmt: skip
                i += 2
                continue
        merged.append(e)
        i += 1
    return merged


def _expression(
    text: str, start: int, end: int, type_: str, value: str, anchor: datetime,
    anchor_source: str = "publication", mod: str | None = None,
) -> TimeExpression:  # fmt: skip
    granularity = granularity_of(value, type_)
    interval = None
    if type_ in (DATE, TIME) and not value.endswith("_REF"):
        interval = interval_of(value)
        if interval and mod in ("START", "MID", "END"):
            interval = _narrow(interval[0], interval[1], granularity, mod)
    return TimeExpression(
        text=text[start:end], start=start, end=end, type=type_, value=value,
        granularity=granularity,
        date_start=interval[0] if interval else None,
        date_end=interval[1] if interval else None,
        anchor=anchor, anchor_source=anchor_source, mod=mod,
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# public API


def find_time_expressions(
    text: str, anchor: datetime, doc: Doc | None = None
) -> list[TimeExpression]:
    """Every temporal expression in `text`, resolved against the publication time `anchor`.

    Results are sorted by start offset and do not overlap; `text[e.start:e.end] == e.text`.
    `doc`, the spaCy Doc of the same text, lets the tense of the governing verb choose the
    direction of underspecified dates ("on Tuesday"); without it, nearby cue words decide.
    """
    ctx = _Context(text=text, anchor=anchor, doc=doc)
    results: list[TimeExpression] = []
    for c in _select(text, _candidates(text)):
        try:
            resolved = _RESOLVERS[c.rule](c.match, ctx, c)
        except (ValueError, KeyError, OverflowError):
            resolved = None
        if resolved is None:
            continue
        expression = _expression(
            text, c.start, c.end, resolved.type, resolved.value,
            resolved.anchor or anchor, resolved.anchor_source, resolved.mod,
        )  # fmt: skip
        results.append(expression)
        if expression.granularity in ("day", "part_of_day", "hour", "minute") and c.rule in (
            "iso", "slash", "mdy", "dmy", "weekday", "deictic", "holiday", "duration", "rel_unit",
        ):  # fmt: skip
            ctx.last_day = expression.date_start
        if expression.date_start is not None and expression.type == DATE:
            ctx.last_date = expression.date_start
    return _merge_times(text, _day_before_after(text, results))


def resolve_phrase(phrase: str, anchor: datetime) -> TimeExpression | None:
    """Resolve a whole phrase ("last month", "2017-W15", "early March") against `anchor`.

    Returns None unless one temporal expression covers the whole phrase (surrounding blanks and
    a leading preposition such as "on", "since", "about" or "within" are allowed).
    """
    text = phrase.strip()
    lead = re.match(r"^(?:on|in|at|since|during|by|about|over|within)\s+", text, re.IGNORECASE)
    body_start = lead.end() if lead else 0
    week = re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", text[body_start:])
    if week and interval_of(text[body_start:]):
        return _expression(text, body_start, len(text), DATE, text[body_start:], anchor)
    found = find_time_expressions(text, anchor)
    if len(found) != 1:
        return None
    e = found[0]
    if e.start not in (0, body_start) or e.end != len(text):
        return None
    return e
