"""Recognition and selection of temporal expressions, and the stage's entry points:
`find_time_expressions(text, anchor, doc)` and `resolve_phrase(phrase, anchor)`.

Every rule (rules/) whose trigger words occur in the text runs its precompiled core pattern; the
words that may precede a match ("early", "the past three") are matched backwards from it. Of the
overlapping candidates the longest wins, then the rule of lower priority number; a candidate its
rule's checks reject leaves the place to the next. The selected ones are resolved in text order
against the publication time, each able to count from the dates resolved before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from timeline.nlp.dates.calendar import granularity_of, interval_of, narrow_interval
from timeline.nlp.dates.lexicons import lexicons
from timeline.nlp.dates.reference import is_time_stamp, reference_time
from timeline.nlp.dates.rules import ALL_RULES
from timeline.nlp.dates.rules.checks import month_full_names
from timeline.nlp.dates.rules.fragments import fragments
from timeline.nlp.dates.rules.rule import Candidate, Context, Resolution, Rule, RuleMatch
from timeline.records import DATE, TIME, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its patterns compiled and its triggers written out."""

    rule: Rule
    core: re.Pattern[str]
    before: re.Pattern[str] | None  # anchored at the end: matched backwards from the core
    triggers: tuple[str, ...] | None


@cache
def compiled_rules() -> tuple[CompiledRule, ...]:
    shared = fragments()
    lex = lexicons()
    compiled = []
    for rule in ALL_RULES:
        core = rule.pattern(shared) if callable(rule.pattern) else rule.pattern
        before = rule.before(shared) if callable(rule.before) else rule.before
        triggers = rule.triggers(lex) if callable(rule.triggers) else rule.triggers
        compiled.append(
            CompiledRule(
                rule=rule,
                core=re.compile(core, re.IGNORECASE),
                before=re.compile(rf"(?:{before})\Z", re.IGNORECASE) if before else None,
                triggers=triggers,
            )
        )
    return tuple(compiled)


def find_candidates(text: str) -> list[Candidate]:
    """Every match of every rule worth running on `text`, joined to the words before it."""
    found: list[Candidate] = []
    lowered = text.lower()
    for compiled in compiled_rules():
        rule = compiled.rule
        triggers = compiled.triggers
        if triggers is not None and not any(t in lowered for t in triggers):
            continue
        pattern, left = compiled.core, compiled.before
        for m in pattern.finditer(text):
            start, end = m.span("core") if "core" in pattern.groupindex else m.span()
            if end <= start:
                continue
            before = None
            if left is not None:
                before = left.search(text, max(0, start - 48), start)
                if before is not None and before.end() == start and before.start() < start:
                    start = before.start()
                elif rule.before_required:
                    continue
                else:
                    before = None
            found.append(Candidate(start, end, rule, RuleMatch(m, before), rule.priority))
    return found


@cache
def _never_abbreviated() -> frozenset[str]:
    """Month and weekday names that are never written with an abbreviation dot: the words of
    more than four letters, and May, June, July."""
    lex = lexicons()
    full_months = month_full_names()
    return frozenset(w for w in (*lex.months, *lex.weekdays) if len(w) > 4 or w in full_months)


def select_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    """Longest candidates first, lower priority numbers on ties; no two selected ones overlap,
    and each passes its rule's checks. In text order."""
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    never_abbreviated = _never_abbreviated()
    for c in found:
        if text[c.end - 1] == "." and c.end - c.start > 1:
            word = re.search(r"([A-Za-z]+)\.$", text[c.start : c.end])
            if word and word.group(1).lower() in never_abbreviated:
                c.end -= 1  # "on Tuesday." ends a sentence: the dot is not part of the name
        if any(occupied[c.start : c.end]):
            continue
        if not all(check(c, text) for check in c.rule.checks):
            continue
        taken.append(c)
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
    taken.sort(key=lambda c: c.start)
    return taken


def resolve_candidate(candidate: Candidate, context: Context) -> Resolution | None:
    """The resolution of a selected candidate by its rule, or None when it is no date after all.

    Resolution near the ends of the calendar (an anchor, or a date of the text, in year 1 or
    9999: "the day after 9999-12-31", "next Christmas" published in 9999) can step past them:
    date arithmetic raises OverflowError there, and so does `calendar.require_calendar_year`
    for a year computed past them. Such an expression has no value. This is the one place an
    exception of a resolver is caught; impossible dates written in a text (February 30) are no
    exception: their rules return None (`calendar.calendar_date`).
    """
    try:
        return candidate.rule.resolve(candidate.match, context, candidate)
    except OverflowError:
        return None


# granularities of a value that later "the next day", "two days earlier" count from
_DAY_PRECISE = ("day", "part_of_day", "hour", "minute")


def find_time_expressions(
    text: str, anchor: datetime, doc: Doc | None = None
) -> list[TimeExpression]:
    """Every temporal expression in `text`, resolved against the publication time `anchor`.

    Results are sorted by start offset and do not overlap; `text[e.start:e.end] == e.text`.
    An article that opens with its own date line is read from that day (reference.py): its
    expressions' `anchor_source` is then "dateline" instead of "publication".
    `doc`, the spaCy Doc of the same text, lets the tense of the governing verb choose the
    direction of underspecified dates ("on Tuesday"); without it, nearby cue words decide.
    """
    candidates = select_candidates(text, find_candidates(text))
    by_publication = Context(text=text, anchor=anchor, doc=doc)
    reference = reference_time(
        text, candidates, anchor, lambda candidate: resolve_candidate(candidate, by_publication)
    )
    context = Context(text=text, anchor=reference or anchor, doc=doc)
    results: list[TimeExpression] = []
    for candidate in candidates:
        resolved = resolve_candidate(candidate, context)
        if resolved is None:
            continue
        source = resolved.anchor_source
        if source == "publication" and reference is not None:
            source = "dateline"  # resolved against the day of the article's own date line
        expression = _expression(
            text, candidate.start, candidate.end, resolved.type, resolved.value,
            resolved.anchor or context.anchor, source, resolved.mod,
        )  # fmt: skip
        results.append(expression)
        if expression.granularity in _DAY_PRECISE and (
            candidate.rule.counts_as_day or is_time_stamp(text, candidate.start, candidate.end)
        ):
            context.last_day = expression.date_start  # a live blog's stamp: its entry's day
        if expression.date_start is not None and expression.type == DATE:
            context.last_date = expression.date_start
    return _day_named_after(text, _merge_clock_times(text, _day_before_or_after(text, results)))


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


# ---------------------------------------------------------------------------------------------
# expressions, and the ones that join ("10 p.m. Wednesday", "the day after Christmas")


def _expression(
    text: str, start: int, end: int, type_: str, value: str, anchor: datetime,
    anchor_source: str = "publication", mod: str | None = None,
) -> TimeExpression:  # fmt: skip
    granularity = granularity_of(value, type_)
    interval = None
    if type_ in (DATE, TIME) and not value.endswith("_REF"):
        interval = interval_of(value)
        if interval and mod in ("START", "MID", "END"):
            interval = narrow_interval(interval[0], interval[1], granularity, mod)
    return TimeExpression(
        text=text[start:end], start=start, end=end, type=type_, value=value,
        granularity=granularity,
        date_start=interval[0] if interval else None,
        date_end=interval[1] if interval else None,
        anchor=anchor, anchor_source=anchor_source, mod=mod,
    )  # fmt: skip


_DAY_BEFORE = re.compile(r"\b(?:the\s+)?day\s+(?P<dir>before|after)\s+\Z", re.IGNORECASE)


def _day_before_or_after(text: str, items: list[TimeExpression]) -> list[TimeExpression]:
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


_JOIN = re.compile(r"^\s*,?\s*(?:on\s+)?$", re.IGNORECASE)


def _merge_clock_times(text: str, items: list[TimeExpression]) -> list[TimeExpression]:
    """A clock time or part of the day and the day that follows it ("10 p.m. Wednesday", "noon
    Thursday"): one expression on that day."""
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


_CLOCK_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})(T(?:\d{2}:\d{2}Z?|MO|AF|EV|NI))$")
_NAMES_A_DAY = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|overnight)\b", re.IGNORECASE)
# what may stand between a time and the day it is on: a bracketed time elsewhere, "on", commas
_TIME_TO_DAY = re.compile(
    r"^\s*(?:\([^().!?]{0,30}\)|\s|,|on\b|local\s+time)*\s*\(?\s*$", re.IGNORECASE
)


def _day_named_after(text: str, items: list[TimeExpression]) -> list[TimeExpression]:
    """A time of day whose day is named just after it, across a bracket or "local time" ("10:35
    a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. EDT Thursday)"), is on that day."""
    out = list(items)
    lex = lexicons()
    day_words = set(lex.weekdays) | set(lex.months)
    for i, e in enumerate(items[:-1]):
        clock = _CLOCK_VALUE.match(e.value)
        nxt = items[i + 1]
        if clock is None or nxt.date_start is None or nxt.granularity not in _DAY_PRECISE:
            continue
        if names_a_day(e.text, day_words) or not names_a_day(nxt.text, day_words):
            continue  # the time names its own day ("Friday morning"), or the next is no day
        gap = text[e.end : nxt.start]
        if "\n" in gap or not _TIME_TO_DAY.match(gap) or nxt.value[:10] == clock.group(1):
            continue
        out[i] = _expression(text, e.start, e.end, e.type, nxt.value[:10] + clock.group(2),
                             nxt.anchor, nxt.anchor_source, e.mod)  # fmt: skip
    return out


def names_a_day(text: str, day_words: set[str]) -> bool:
    """Whether an expression's words name its day: a weekday, a month, "today" ..."""
    return bool(_NAMES_A_DAY.search(text) or day_words & set(re.findall(r"[a-z]+", text.lower())))
