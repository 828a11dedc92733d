"""Rules for calendar dates: ISO and slashed dates, month-day(-year), day-month, month-year, bare
months and years, decades, centuries, and years and decades in words."""

from __future__ import annotations

import re
from functools import cache

from timeline.nlp.dates.calendar import (
    calendar_date,
    four_digit_year,
    week_value,
    year_of_month,
    year_of_month_day,
)
from timeline.nlp.dates.direction import direction_of
from timeline.nlp.dates.lexicons import alternation, context_words, lexicons
from timeline.nlp.dates.quantities import spelled_number
from timeline.nlp.dates.rules.checks import month_full_names, month_name_capitalised
from timeline.nlp.dates.rules.rule import (
    Candidate,
    Context,
    Resolution,
    Rule,
    RuleMatch,
    position_modifier,
)
from timeline.nlp.dates.rules.year_cues import reads_as_a_year
from timeline.records import DATE, TIME

# ---------------------------------------------------------------------------------------------
# dates written with digits


def resolve_iso_date(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    day = calendar_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    if day is None:
        return None
    if match.group("hh"):
        return Resolution(TIME, f"{day.isoformat()}T{match.group('hh')}:{match.group('mm')}")
    return Resolution(DATE, day.isoformat())


ISO_DATE = Rule(
    name="iso_date",
    pattern=r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d))?\b",
    triggers=("-",),
    resolve=resolve_iso_date,
    priority=10,
    counts_as_day=True,
)


def resolve_slash_date(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "4/7/2017": month first, unless the first number cannot be a month."""
    a, b = int(match.group("m")), int(match.group("d"))
    year = four_digit_year(match.group("y"))
    month, day = (a, b) if a <= 12 else (b, a)
    found = calendar_date(year, month, day)
    return None if found is None else Resolution(DATE, found.isoformat())


SLASH_DATE = Rule(
    name="slash_date",
    pattern=r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b",
    triggers=("/",),
    resolve=resolve_slash_date,
    priority=20,
    counts_as_day=True,
)


# ---------------------------------------------------------------------------------------------
# month names


def _month_number(match: RuleMatch) -> int:
    return lexicons().months[match.group("month").lower().rstrip(".")]


def resolve_month_day(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "March 3, 2017", "3 March", "last Oct. 23" (the latest one before the anchor), "next
    Feb. 3" (the first one after it), "June 30" (the tense decides, else the nearest)."""
    month = _month_number(match)
    day = int(match.group("d"))
    if match.group("y"):
        year = int(match.group("y"))
    else:
        relation = (match.group("rel") or "").lower()
        anchor = context.anchor.date()
        if relation:
            this_year = calendar_date(anchor.year, month, day)
            if this_year is None:
                return None
            if relation == "last":
                year = anchor.year if this_year < anchor else anchor.year - 1
            else:  # "next", "this coming", "coming"
                year = anchor.year if this_year > anchor else anchor.year + 1
        else:
            direction = direction_of(context, candidate.start, candidate.end, None)
            year = year_of_month_day(anchor, month, day, direction)
    found = calendar_date(year, month, day)
    return None if found is None else Resolution(DATE, found.isoformat())


MONTH_DAY = Rule(
    name="month_day",
    pattern=lambda f: (
        rf"\b{f.lead(f.lexicons.months)}(?P<month>{f.month})\.?\s+(?P<d>{f.day_number})"
        rf"(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|million|billion))"
        rf"(?:(?:\s*,\s*|\s+)(?P<y>{f.year})\b)?"
    ),
    before=lambda f: rf"\b(?:(?P<wd>{f.weekday})\.?,?|(?P<rel>last|next|this\s+coming|coming))\s+",
    checks=(month_name_capitalised,),
    resolve=resolve_month_day,
    priority=40,
    counts_as_day=True,
)

DAY_MONTH = Rule(
    name="day_month",
    pattern=lambda f: (
        rf"\b(?P<d>{f.day_number})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{f.month})\b\.?"
        rf"(?:,?\s+(?P<y>{f.year})\b)?"
    ),
    before=lambda f: rf"(?:\b(?P<wd>{f.weekday}),?\s+)?(?:\bthe\s+)?",
    checks=(month_name_capitalised,),
    resolve=resolve_month_day,
    priority=50,
    counts_as_day=True,
)


def resolve_week_of_day(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "the week of March 6": the ISO week holding that day."""
    month = _month_number(match)
    day = int(match.group("d"))
    if match.group("y"):
        year = int(match.group("y"))
    else:
        direction = direction_of(context, candidate.start, candidate.end, None)
        year = year_of_month_day(context.anchor.date(), month, day, direction)
    found = calendar_date(year, month, day)
    return None if found is None else Resolution(DATE, week_value(found))


WEEK_OF_DAY = Rule(
    name="week_of_day",
    pattern=lambda f: (
        rf"\b(?=[wW])week\s+of\s+(?P<month>{f.month})\.?\s+(?P<d>{f.day_number})"
        rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{f.year})\b)?"
    ),
    before=r"(?:\bthe\s+)?",
    triggers=("week of",),
    checks=(month_name_capitalised,),
    resolve=resolve_week_of_day,
    priority=30,
)


_YEAR_OFFSET = {"last": -1, "this": 0, "next": 1}


def resolve_month_year(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    month = _month_number(match)
    if match.group("y"):
        year = int(match.group("y"))
    else:
        year = context.anchor.year + _YEAR_OFFSET[match.group("yrel").lower()]
    return Resolution(DATE, f"{year:04d}-{month:02d}", position_modifier(match))


MONTH_YEAR = Rule(
    name="month_year",
    pattern=lambda f: (
        rf"\b{f.lead(f.lexicons.months)}(?P<month>{f.month})\.?(?:\s*,\s*|\s+|\s+of\s+)"
        rf"(?:(?P<y>{f.year})|(?P<ys>{f.spelled_year})|(?P<yrel>last|this|next)\s+year)\b"
    ),
    before=lambda f: f.modifier,
    checks=(month_name_capitalised,),
    resolve=resolve_month_year,
    priority=60,
)


@cache
def _month_cue_before() -> re.Pattern[str]:
    cues = alternation(context_words().month_cues)
    return re.compile(rf"(?:\b(?:{cues})[\s-]*)$", re.IGNORECASE)


def bare_month_is_a_month(candidate: Candidate, text: str) -> bool:
    """ "may" / "march" need a cue word before them ("in May") unless they open the text; "Jan",
    "Dec" their dot; any abbreviation of four letters or fewer its dot ("Sept.", not "Sept")."""
    match = candidate.match
    word = match.group("month").lower().rstrip(".")
    needs = context_words().ambiguous_months.get(word)
    if needs and not (match.group("rel") or match.group("modw")):
        if needs == "cue":
            before = text[max(0, candidate.start - 14) : candidate.start]
            if not _month_cue_before().search(before) and text[: candidate.start].strip():
                return False
        elif text[match.end("month") : match.end("month") + 1] != ".":
            return False
    return len(word) > 4 or word in month_full_names() or match.group(0).endswith(".")


def in_a_name(context: Context, candidate: Candidate) -> bool:
    """A bare month in a person's name: "said Jason January", "April Jones said" (the parse's
    entity when there is one; else a capitalised word just before it that no date follows)."""
    start, end = candidate.start, candidate.end
    if context.doc is not None:
        span = context.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) and span.root.ent_type_ == "PERSON":
            return True
    before = _NAME_BEFORE.search(context.text, max(0, start - 30), start)
    return before is not None and before.group(1).lower() not in _month_cue_words()


@cache
def _month_cue_words() -> frozenset[str]:
    """Words before a month that make it one (dates_month_cues.tsv), and the grammar of a noun
    phrase ("the January report") and of a sentence's opening."""
    return frozenset(context_words().month_cues) | _DETERMINERS


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "each", "every", "its", "their"})
# a capitalised word inside a sentence just before the month, nothing but a space between
_NAME_BEFORE = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]+) \Z")


def resolve_month(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    if not match.group("rel") and not match.group("modw") and in_a_name(context, candidate):
        return None
    month = _month_number(match)
    relation = (match.group("rel") or "").lower() or None
    direction = direction_of(context, candidate.start, candidate.end, None)
    year = year_of_month(context.anchor.date(), month, direction, relation)
    return Resolution(DATE, f"{year:04d}-{month:02d}", position_modifier(match))


MONTH = Rule(
    name="month",
    pattern=lambda f: rf"\b{f.lead(f.lexicons.months)}(?P<month>{f.month})\b\.?",
    before=lambda f: rf"{f.modifier}(?:\b(?P<rel>this|next|last|past|coming|previous)\s+)?",
    checks=(month_name_capitalised, bare_month_is_a_month),
    resolve=resolve_month,
    priority=240,
)


# ---------------------------------------------------------------------------------------------
# years, decades, centuries


@cache
def _counted_after_digits() -> re.Pattern[str]:
    nouns = alternation(context_words().count_nouns["digits"])
    return re.compile(rf"^\s+(?:{nouns})\b", re.IGNORECASE)


@cache
def _number_label_before() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(context_words().number_labels)})\s*$")


def year_is_not_a_number(candidate: Candidate, text: str) -> bool:
    """Not "2017-2018" or "3/2017" (unless "mid-2017"), not "2000 people", not "No. 1999"."""
    start, end = candidate.start, candidate.end
    if start > 0 and text[start - 1] in "-/" and not candidate.match.group("modw"):
        return False
    if _counted_after_digits().match(text[end : end + 20]):
        return False
    return not _number_label_before().search(text[max(0, start - 12) : start])


def resolve_year(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    """A bare number is a year when a date cue makes it one, or when it is near the publication
    and nothing makes it an address, a label or an amount (rules/year_cues.py); "early",
    "mid-", "fiscal", "the year" before it are cues."""
    year = int(match.group("y"))
    if not (match.group("modw") or match.group("pre")):
        start, end = match.core.span("y")
        if not reads_as_a_year(context.text, start, end, year, context.anchor.year):
            return None
    return Resolution(DATE, f"{year:04d}", position_modifier(match))


YEAR = Rule(
    name="year",
    pattern=lambda f: (
        rf"(?<![\d,.$£€#/])(?P<y>{f.year})\b(?![\d%/]|,\d|\.\d|-\d|\s+(?:percent|per))"
    ),
    before=lambda f: (
        rf"{f.modifier}(?:\b(?P<pre>the\s+year|fiscal(?:\s+year)?|calendar(?:\s+year)?|FY)"
        r"\s*)?"
    ),
    checks=(year_is_not_a_number,),
    resolve=resolve_year,
    priority=250,
)


def resolve_decade(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    """ "the 1990s" = 199; "the '90s" in the last century unless the anchor has reached it."""
    decade = match.group("dec").lstrip("'’")
    if len(decade) == 2:
        anchor_year = context.anchor.year
        century = 19 if int(decade) > (anchor_year % 100) else anchor_year // 100
        return Resolution(DATE, f"{century}{decade[0]}", position_modifier(match))
    return Resolution(DATE, decade[:3], position_modifier(match))


DECADE = Rule(
    name="decade",
    pattern=r"(?P<dec>(?:1[0-9]|20)\d0|(?<!\w)['’]\d0)['’]?s\b",
    before=lambda f: rf"(?:\bthe\s+)?{f.modifier}(?:\bthe\s+)?",
    triggers=("0s", "0's", "0’s"),
    resolve=resolve_decade,
    priority=210,
)


def resolve_century(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    word = match.group("ord").lower()
    n = lexicons().ordinals.get(word) or int(re.sub(r"\D", "", word))
    return Resolution(DATE, f"{n - 1:02d}", position_modifier(match))


CENTURY = Rule(
    name="century",
    pattern=lambda f: (
        rf"\b{f.lead(f.lexicons.ordinals)}(?P<ord>{f.ordinal}|\d{{1,2}}(?:st|nd|rd|th))"
        r"[\s-]+century\b"
    ),
    before=lambda f: rf"{f.modifier}(?:\bthe\s+)?",
    triggers=("century",),
    resolve=resolve_century,
    priority=220,
)


def resolve_spelled_decade(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "the nineties" = 199."""
    tens = spelled_number(match.group("w").lower()[:-3] + "y") // 10
    return Resolution(DATE, f"19{tens}", position_modifier(match))


SPELLED_DECADE = Rule(
    name="spelled_decade",
    pattern=(
        r"\b(?=[tfseTFSE])(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties"
        r"|nineties)\b"
    ),
    before=lambda f: rf"\bthe\s+{f.modifier}",
    before_required=True,
    resolve=resolve_spelled_decade,
    priority=330,
)


@cache
def _counted_after_words() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(context_words().count_nouns['words'])})\b")


def resolve_spelled_year(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "nineteen ninety-four" = 1994, "two thousand" = 2000, "the year two thousand six"."""
    if _counted_after_words().match(context.text[candidate.end : candidate.end + 9]):
        return None  # "two thousand years": a number, not the year 2000
    first = re.sub(r"\s+", " ", match.group("c").lower())
    if first == "two thousand":
        century, rest = 2000, 0
    elif not match.group("t"):
        return None
    else:
        century, rest = spelled_number(first) * 100, 0
    if match.group("t"):
        rest = spelled_number(match.group("t").lower()) + (
            spelled_number(match.group("u").lower()) if match.group("u") else 0
        )
    if rest >= 100:
        return None
    return Resolution(DATE, f"{century + rest:04d}")


SPELLED_YEAR = Rule(
    name="spelled_year",
    pattern=(
        r"\b(?=[ntNT])(?P<c>nineteen|twenty|two\s+thousand)(?:[\s-]+(?P<t>ten|eleven|twelve"
        r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
        r"|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<u>one|two|three|four|five|six|seven"
        r"|eight|nine))?)?\b"
    ),
    before=r"(?:\bthe\s+year\s+)?",
    triggers=("nineteen", "twenty", "thousand"),
    resolve=resolve_spelled_year,
    priority=340,
)


RULES = (
    ISO_DATE, SLASH_DATE, WEEK_OF_DAY, MONTH_DAY, DAY_MONTH, MONTH_YEAR, MONTH,
    YEAR, DECADE, CENTURY, SPELLED_DECADE, SPELLED_YEAR,
)  # fmt: skip
