"""Rules for durations and sets: "three years", "the past two weeks", "two days ago" (a date),
"for years", "recent years", "a years-long war", "weekly", "every two weeks", "$5 million a year",
"every March", "on Mondays".

Durations are written in TIMEX3 (P3Y, PXM, PT2H); decades and centuries in years, as the TimeML
corpora write them (P10Y); a half in the next smaller unit ("2 1/2 years" = P2Y6M).
"""

from __future__ import annotations

import re
from functools import cache

from timeline.nlp.dates.calendar import shifted_unit_value
from timeline.nlp.dates.lexicons import alternation, context_words, lexicons
from timeline.nlp.dates.quantities import duration_value, number_value, unit_and_letter
from timeline.nlp.dates.rules.checks import month_name_capitalised, unit_not_a_title
from timeline.nlp.dates.rules.relative_dates import COARSE_UNITS
from timeline.nlp.dates.rules.rule import (
    Candidate,
    Context,
    Resolution,
    Rule,
    RuleMatch,
    approximation,
    part_of_day_code,
)
from timeline.records import DATE, DURATION, SET


def _unit_prefixes(lex) -> tuple[str, ...]:
    return tuple(unit[:5] for unit in lex.units)


_PLURAL_UNITS = ("years", "months", "weeks", "days", "decades", "hours", "minutes")


@cache
def _rate_before(*kinds: str) -> re.Pattern[str]:
    """An amount ("$5 million", "3 percent", "three times") or, with "frequency", "once" /
    "twice" at the end of the text before "a year"."""
    rate_words = context_words().rate_words
    words = alternation(word for kind in kinds for word in rate_words[kind])
    return re.compile(rf"(?:{words}|\d)\s*$")


# ---------------------------------------------------------------------------------------------
# durations


def duration_is_a_time(candidate: Candidate, text: str) -> bool:
    """Not "three-quarters of", "a second", "some years" / "the years" alone, "$5 million a year"
    (a set), a number over 1000, or an age ("a 6-year-old")."""
    match = candidate.match
    unit = match.group("unit").lower()
    after = text[candidate.end : candidate.end + 5]
    if unit.startswith("quarter") and re.match(r"^\s+of\b", after):
        return False  # "three-quarters of its food": a fraction
    number = match.group("num").lower()
    before_number = (match.group("pre") or "").lower()
    if number in ("a", "an", "some", "many", "few") and unit.startswith("second"):
        return False
    if number in ("some", "the") and not before_number:
        return False
    if (
        (number in ("a", "an") and before_number in ("the", "") and not match.group("dir"))
        and unit in ("day", "year", "month", "week")
        and _rate_before("amount").search(text[max(0, candidate.start - 12) : candidate.start])
    ):
        return False  # "$5 million a year" is a SET, handled by EVERY_UNIT
    if re.match(r"^\d+$", number) and int(number) > 1000:
        return False
    return not re.search(r"[\s-]old$", match.group(0).lower())  # an age, not a time


def _duration_number(match: RuleMatch) -> str:
    number = number_value(match.group("num"))
    if match.group("half") and number != "X":
        number = f"{float(number) + 0.5:g}"  # "a minute and a half"
    return number


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|should|must|to)\s+\Z", re.I)


def resolve_duration(match: RuleMatch, context: Context, candidate: Candidate) -> Resolution | None:
    """ "three years", "12 to 18 months" (PXM), "one day" after a modal (FUTURE_REF); with
    "ago", "later" ... a date (`resolve_duration_ago`)."""
    if match.group("dir"):
        return resolve_duration_ago(match, context, candidate)
    text = context.text
    if text[candidate.start : candidate.end].lower() == "one day" and _MODAL_BEFORE.search(
        text, 0, candidate.start
    ):
        return Resolution(DATE, "FUTURE_REF")  # "Islam will one day be ...": some future day
    number = "X" if match.group("low") else _duration_number(match)
    _, letter = unit_and_letter(match.group("unit"))
    return Resolution(DURATION, duration_value(number, letter), approximation(match))


def resolve_duration_ago(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "two days ago" / "from now" count from the publication time; "two days earlier" /
    "later" / "before," from the last date of the text; "two days after the vote" is a duration
    relating two events; "years ago" is PAST_REF."""
    number = _duration_number(match)
    unit, letter = unit_and_letter(match.group("unit"))
    direction = re.sub(r"\s+", " ", match.group("dir").lower())
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    approx = approximation(match)
    if direction in ("before", "after") and not re.match(
        r"^\s*[,.;]", context.text[candidate.end : candidate.end + 2]
    ):
        # "two days after the vote": a duration relating two events
        return Resolution(DURATION, duration_value(number, letter), approx)
    if number == "X":
        if direction in ("ago", "back"):
            return Resolution(DATE, "PAST_REF")
        if direction in ("from now", "hence"):
            return Resolution(DATE, "FUTURE_REF")
        return Resolution(DURATION, duration_value(number, letter), approx)
    amount = float(number)
    textual = direction in ("earlier", "later", "before", "after", "previously")
    mentioned = context.last_date if unit in COARSE_UNITS else context.last_day
    from_text = textual and mentioned is not None
    base = mentioned if from_text else context.anchor.date()
    source = "text" if from_text else "publication"
    if unit in ("hour", "minute", "second"):
        return Resolution(DURATION, duration_value(number, letter), approx)
    if unit == "year" and amount == 1 and sign < 0 and context.last_quarter:
        year, quarter = context.last_quarter
        return Resolution(DATE, f"{year - int(amount)}-Q{quarter}", approx)
    if amount != int(amount):
        return Resolution(DURATION, duration_value(number, letter), approx)
    value = shifted_unit_value(base, unit, sign * int(amount))
    return Resolution(DATE, value, approx, source, context.anchor_on(base, source))


DURATION_RULE = Rule(
    name="duration",
    pattern=lambda f: (
        rf"\b{f.lead(f.lexicons.units)}(?P<unit>{f.unit})(?P<half>\s+and\s+a\s+half)?"
        r"(?:[\s-]+long|[\s-]+old)?\b"
        r"(?:\s+(?P<dir>ago|earlier|later|(?:before|after)(?=\s*[,.;:]|\s*$)|"
        r"from\s+now|hence|back|previously)\b)?"
    ),
    before=lambda f: (
        rf"{f.approximation}(?:\b(?P<pre>the\s+(?:past|last|next|previous|first|coming|final|"
        r"following|remaining|latest|same)|the|another|an\s+additional|additional"
        rf")\s+)?(?:\b(?!\d{{4}})(?P<low>{f.number})\s+to\s+)?\b(?P<num>{f.number})"
        r"(?:\s+more)?[\s-]+"
    ),
    before_required=True,
    triggers=_unit_prefixes,
    checks=(unit_not_a_title, duration_is_a_time),
    resolve=resolve_duration,
    priority=270,
    counts_as_day=True,
)


def resolve_past_units(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "the past months" (PXM), "the first week" (P1W), "over the years" (PXY)."""
    _, letter = unit_and_letter(match.group("unit"))
    plural = match.group(0).lower().endswith("s")
    number = number_value(match.group("num")) if match.group("num") else ("X" if plural else "1")
    return Resolution(DURATION, duration_value(number, letter))


def spans_many(candidate: Candidate, text: str) -> bool:
    """ "over the years", "through the decades": a span of many (PXY); "over the year" is no
    expression of this rule."""
    pre = candidate.match.group("pre").lower()
    return pre != "the" or candidate.match.group(0).lower().endswith("s")


PAST_UNITS = Rule(
    name="past_units",
    pattern=lambda f: rf"\b{f.lead(f.lexicons.units)}(?P<unit>{f.units})s?\b",
    before=(
        r"\b(?P<pre>the\s+(?:past|last|next|coming|previous|first|final)|(?<=over\s)the"
        r"|(?<=through\s)the|(?<=across\s)the)\s+"
    ),
    before_required=True,
    triggers=_unit_prefixes,
    checks=(unit_not_a_title, spans_many),
    resolve=resolve_past_units,
    priority=260,
)


def resolve_vague_units(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "for years", "took months", "the coming days" (PXD); "recent years" is PAST_REF."""
    if (match.group("adj") or "").lower() == "recent" and match.group("unit").lower() == "years":
        return Resolution(DATE, "PAST_REF")
    _, letter = unit_and_letter(match.group("unit"))
    return Resolution(DURATION, duration_value("X", letter))


BARE_UNITS = Rule(
    name="bare_units",
    pattern=(
        r"\b(?=[fwoatiFWOATI])(?:for|within|over|after|took|take|takes|in|of)\s+"
        r"(?P<core>(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes))\b"
    ),
    triggers=_PLURAL_UNITS,
    resolve=resolve_vague_units,
    priority=360,
)

VAGUE_UNITS = Rule(
    name="vague_units",
    pattern=(
        r"\b(?=[cprfnlCPRFNL])(?P<adj>coming|past|recent|following|next|last|previous|few)\s+"
        r"(?P<unit>days|weeks|months|years|decades|hours)\b"
    ),
    before=r"(?:\bthe\s+)?",
    triggers=_PLURAL_UNITS,
    resolve=resolve_vague_units,
    priority=320,
)


def resolve_units_long(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "a years-long war" (PXY), "a day-long strike" (P1D)."""
    _, letter = unit_and_letter(match.group("unit"))
    plural = match.group("unit").lower().endswith("s")
    return Resolution(DURATION, duration_value("X" if plural else "1", letter))


UNITS_LONG = Rule(
    name="units_long",
    pattern=r"\b(?=[ymwdYMWD])(?P<unit>years|months|weeks|days|decades|day|hour)[\s-]long\b",
    triggers=_PLURAL_UNITS,
    resolve=resolve_units_long,
    priority=350,
)


# ---------------------------------------------------------------------------------------------
# sets


def frequency_is_a_set(candidate: Candidate, text: str) -> bool:
    """As dates_frequencies.tsv says: "annual" never, "quarterly" only standing alone."""
    word = candidate.match.group("w").lower()
    set_when = lexicons().frequencies[word][1]
    if set_when != "alone":
        return set_when == "always"
    # "quarterly dividend", "the party daily Granma": an adjective or a noun, not a set
    following = re.match(r"^\s+([A-Za-z]+)", text[candidate.end : candidate.end + 20])
    return following is None or following.group(1).lower() in context_words().function_words


def resolve_frequency(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    return Resolution(SET, lexicons().frequencies[match.group("w").lower()][0])


FREQUENCY = Rule(
    name="frequency",
    pattern=lambda f: (
        rf"\b{f.lead(f.lexicons.frequencies)}(?P<w>{alternation(f.lexicons.frequencies)})\b"
    ),
    triggers=lambda lex: tuple(lex.frequencies),
    checks=(frequency_is_a_set,),
    resolve=resolve_frequency,
    priority=310,
)


def rate_after_an_amount(candidate: Candidate, text: str) -> bool:
    """ "a year" is a set only after an amount or "once" / "twice" ("$5 million a year")."""
    if candidate.match.group("q").lower() != "a":
        return True
    before = text[max(0, candidate.start - 14) : candidate.start]
    return _rate_before("amount", "frequency").search(before) is not None


def resolve_every_unit(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "every week" (P1W), "every two years" (P2Y), "every other day" (P2D)."""
    _, letter = unit_and_letter(match.group("unit"))
    number = number_value(match.group("num")) if match.group("num") else "1"
    if match.group("other"):
        number = "2"
    return Resolution(SET, duration_value(number, letter))


EVERY_UNIT = Rule(
    name="every_unit",
    pattern=lambda f: (
        rf"\b(?=[epaEPA])(?P<q>every|each|per|a)\s+(?P<other>other\s+)?(?P<num>{f.number}\s+)?"
        rf"(?P<unit>{f.units})s?\b"
    ),
    triggers=_unit_prefixes,
    checks=(unit_not_a_title, rate_after_an_amount),
    resolve=resolve_every_unit,
    priority=300,
)


def resolve_every_month(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    month = lexicons().months[match.group("month").lower().rstrip(".")]
    return Resolution(SET, f"XXXX-{month:02d}")


EVERY_MONTH = Rule(
    name="every_month",
    pattern=lambda f: rf"\b(?=[eE])(?:every|each)\s+(?P<month>{f.month})\b",
    triggers=("every", "each"),
    checks=(month_name_capitalised,),
    resolve=resolve_every_month,
    priority=290,
)


def resolve_every_weekday(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    """ "every Tuesday", "on Mondays", "on Sundays mornings" (XXXX-WXX-7TMO)."""
    weekday = lexicons().weekdays[(match.group("wd1") or match.group("wd2")).lower()]
    part = part_of_day_code(match.group("pod"))
    return Resolution(SET, f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))


EVERY_WEEKDAY = Rule(
    name="every_weekday",
    # the plural is written of the full names only: "on Mondays", not "on Mons"
    pattern=lambda f: (
        rf"\b(?=[eoEO])(?:(?P<every>every|each)\s+(?P<wd1>{f.weekday})|on\s+(?P<wd2>monday"
        r"|tuesday|wednesday|thursday|friday|saturday|sunday)s)\b"
        rf"(?:\s+(?P<pod>{f.part_of_day}s?))?"
    ),
    triggers=("every", "each", "days"),
    resolve=resolve_every_weekday,
    priority=280,
)


RULES = (
    DURATION_RULE, PAST_UNITS, BARE_UNITS, VAGUE_UNITS, UNITS_LONG,
    FREQUENCY, EVERY_UNIT, EVERY_MONTH, EVERY_WEEKDAY,
)  # fmt: skip
