"""The calendar of TIMEX3 values: the interval and granularity of a value, week, month, quarter and
year arithmetic, the year an underspecified month or day falls in, and the dates of holidays.

Pure functions of their arguments: the anchor day is always passed in, never read from a clock.
"""

from __future__ import annotations

import re
from calendar import isleap, monthrange
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import cache

from timeline.nlp.dates.lexicons import lexicons
from timeline.records import DATE, DURATION, SET

# ---------------------------------------------------------------------------------------------
# days, weeks and months


def calendar_date(year: int, month: int, day: int) -> date | None:
    """The date with these numbers, or None when the calendar has none (February 30, month 13,
    year 0): numbers read from a text need not make a date."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def require_calendar_year(year: int) -> int:
    """`year`, when the calendar has it (1 to 9999). A year computed past either end raises
    OverflowError, as date arithmetic past them does; recognition catches it (see
    `recognition.resolve_candidate`)."""
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError(f"year {year} is outside the calendar")
    return year


def month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_value(day: date) -> str:
    """The TIMEX3 value of the ISO week holding `day` (2017-W14)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def four_digit_year(year: str) -> int:
    """A year written with two digits is 1950-2049."""
    n = int(year)
    if len(year) == 4:
        return n
    return 1900 + n if n >= 50 else 2000 + n


# ---------------------------------------------------------------------------------------------
# the interval and granularity of a value

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


@cache
def _season_months() -> dict[str, tuple[int, int]]:
    """TIMEX3 season code -> (first month, last month), from dates_seasons.tsv."""
    return {code: (first, last) for code, first, last in lexicons().seasons.values()}


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
        monday = date.fromisocalendar(int(g[0]), int(g[1]), 1)
        if kind == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    year = int(g[0])
    if kind == "month":
        return date(year, int(g[1]), 1), month_end(year, int(g[1]))
    if kind == "quarter":
        first = 3 * (int(g[1]) - 1) + 1
        return date(year, first, 1), month_end(year, first + 2)
    if kind == "half":
        first = 6 * (int(g[1]) - 1) + 1
        return date(year, first, 1), month_end(year, first + 5)
    if kind == "season":
        a, b = _season_months()[g[1]]
        if g[1] == "WI":
            return date(year - 1, 12, 1), month_end(year, 2)
        return date(year, a, 1), month_end(year, b)
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


def narrow_interval(start: date, end: date, granularity: str, mod: str | None) -> tuple[date, date]:
    """Narrow an interval to its first / middle / last third for mod START / MID / END."""
    if mod not in ("START", "MID", "END"):
        return start, end
    third = {"START": 0, "MID": 1, "END": 2}[mod]
    if granularity == "month":
        bounds = [(1, 10), (11, 20), (21, end.day)][third]
        return start.replace(day=bounds[0]), start.replace(day=bounds[1])
    if granularity == "year":
        first, last = [(1, 4), (5, 8), (9, 12)][third]
        return date(start.year, first, 1), month_end(start.year, last)
    if granularity == "decade":
        first, last = [(0, 3), (4, 6), (7, 9)][third]
        return date(start.year + first, 1, 1), date(start.year + last, 12, 31)
    if granularity == "century":
        first, last = [(0, 32), (33, 65), (66, 99)][third]
        return date(start.year + first, 1, 1), date(start.year + last, 12, 31)
    return start, end


# ---------------------------------------------------------------------------------------------
# shifting units and placing underspecified dates


def shifted_unit_value(day: date, unit: str, amount: int) -> str:
    """The value of the calendar unit containing `day` shifted by `amount` units."""
    if unit == "day":
        return (day + timedelta(days=amount)).isoformat()
    if unit in ("week", "fortnight"):
        return week_value(day + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit == "weekend":
        return week_value(day + timedelta(weeks=amount)) + "-WE"
    if unit == "month":
        y, m = add_months(day.year, day.month, amount)
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


def weekday_near(anchor: date, weekday: int, direction: str, relation: str | None) -> date:
    """The date of an ISO weekday: "last" / "next" / "this" one, else the one in `direction`
    (the anchor's own weekday counts as both)."""
    delta = weekday - anchor.isoweekday()
    if relation in ("last", "past", "previous"):
        back = (anchor.isoweekday() - weekday) % 7 or 7
        return anchor - timedelta(days=back)
    if relation in ("next", "coming"):
        ahead = delta % 7 or 7
        return anchor + timedelta(days=ahead)
    if relation == "this":
        return anchor + timedelta(days=delta)
    if direction == "future":
        return anchor + timedelta(days=delta % 7)
    return anchor - timedelta(days=(-delta) % 7)


def year_of_month(anchor: date, month: int, direction: str | None, relation: str | None) -> int:
    """The year of a month named without one."""
    if relation == "this":
        return anchor.year
    if relation in ("next", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if relation in ("last", "past", "previous"):
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


def year_of_month_day(anchor: date, month: int, day: int, direction: str | None) -> int:
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
            if isleap(year):
                return year
        return anchor.year
    return best[1]


# ---------------------------------------------------------------------------------------------
# holidays


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
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
    require_calendar_year(year)
    if rule.startswith("easter"):
        return easter_sunday(year) + timedelta(days=int(rule[6:]))
    if re.match(r"^\d\d-\d\d$", rule):
        return date(year, int(rule[:2]), int(rule[3:]))
    nth, month, weekday = (int(x) for x in rule.split(":"))
    if nth > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (nth - 1))
    last = month_end(year, month)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
