"""What a rule is (`Rule`: patterns, triggers, checks, resolution, priority) and what its parts
work with: the match of its patterns, a candidate span, the context of resolution, its result.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from timeline.nlp.dates.lexicons import Lexicons, alternation, lexicons
from timeline.nlp.dates.quantities import spelled_year_digits
from timeline.nlp.dates.reference import is_time_stamp
from timeline.records import TIME

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from timeline.nlp.dates.rules.fragments import Fragments

# A pattern is a regular expression, or a function writing one from the shared fragments (month
# names, numbers ...: rules/fragments.py). Triggers likewise, from the lexicons.
PatternSource = str | Callable[["Fragments"], str]
TriggerSource = tuple[str, ...] | Callable[[Lexicons], tuple[str, ...]]
Check = Callable[["Candidate", str], bool]
Resolver = Callable[["RuleMatch", "Context", "Candidate"], "Resolution | None"]


@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression: how to find it, when a match is one, what it means.

    - `pattern`: the core of the expression. A group named `core`, when present, is the span.
    - `before`: words that may precede the core ("early", "the past three"), matched backwards
      from it and joined to the span; with `before_required`, a core without them is no match.
    - `triggers`: lower-case substrings one of which the text must contain for the rule to be
      worth running (None: always run).
    - `checks`: each tells whether a candidate of this rule is an expression (all must agree);
      shared ones live in rules/checks.py.
    - `resolve`: its TIMEX3 resolution, or None when the match is not a date after all.
    - `priority`: between candidates of the same length, the lower number wins.
    - `counts_as_day`: its day-precise values become the day that later "the next day",
      "two days earlier" count from.
    """

    name: str
    pattern: PatternSource
    resolve: Resolver
    priority: int
    before: PatternSource | None = None
    before_required: bool = False
    triggers: TriggerSource | None = None
    checks: tuple[Check, ...] = ()
    counts_as_day: bool = False


class RuleMatch:
    """The groups of a core match, completed by those of the words matched before it.

    A year written in words (group `ys`) is also group `y`, in digits.
    """

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
            value = spelled_year_digits(self.core.group("ys"))
        return value

    def groupdict(self) -> dict[str, str | None]:
        merged = dict(self.left.groupdict()) if self.left is not None else {}
        for key, value in self.core.groupdict().items():
            if value is not None or key not in merged:
                merged[key] = value
        if merged.get("y") is None and merged.get("ys"):
            merged["y"] = spelled_year_digits(merged["ys"])
        return merged

    def end(self, name: str | int = 0) -> int:
        return self.core.end(name)


@dataclass
class Candidate:
    """A span of the text a rule matched, before selection."""

    start: int
    end: int
    rule: Rule
    match: RuleMatch
    priority: int


@dataclass
class Resolution:
    """What a rule's resolver makes of a candidate."""

    type: str
    value: str
    mod: str | None = None
    anchor_source: str = "publication"
    anchor: datetime | None = None


@dataclass
class Context:
    """The text being read, its reference time (the publication time, or the day of its own
    date line) and parse, and the dates resolved so far that later expressions count from."""

    text: str
    anchor: datetime
    doc: Doc | None
    last_day: date | None = None  # the last day-precise date resolved so far
    last_date: date | None = None  # the start of the last calendar date of any precision
    last_quarter: tuple[int, int] | None = None  # the last quarter the text reports on
    last_quarter_end: int = -10_000  # where the text named it

    def day_at(self, start: int, end: int) -> tuple[date, str]:
        """The day a time of day at start..end falls on, and where it comes from: the reference
        day ("publication") for a live blog's time stamp, else the day the text talks about
        there ("text": the last day it named, or the day of the last time stamp), else the
        reference day."""
        if is_time_stamp(self.text, start, end) or self.last_day is None:
            return self.anchor.date(), "publication"
        return self.last_day, "text"

    def time_on_the_day(
        self, candidate: Candidate, time: str, mod: str | None = None
    ) -> Resolution:
        """A time of day ("T18:45", "TMO") on the day `day_at` gives for the candidate."""
        day, source = self.day_at(candidate.start, candidate.end)
        return Resolution(
            TIME, f"{day.isoformat()}{time}", mod, source, self.anchor_on(day, source)
        )

    def anchor_on(self, day: date, source: str) -> datetime:
        """The anchor of an expression counted from `day`: the publication time, or that day at
        midnight when it comes from the text."""
        if source != "text":
            return self.anchor
        return self.anchor.replace(year=day.year, month=day.month, day=day.day, hour=0,
                                   minute=0, second=0, microsecond=0)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# the mod words a match may carry (timeline/data/dates_modifiers.tsv)


def position_modifier(match: RuleMatch) -> str | None:
    """START / MID / END for "early", "mid-", "the end of" ... (group `modw`), else None."""
    words = match.group("modw")
    if not words:
        return None
    found = lexicons().modifiers.get(" ".join(words.lower().split()))
    return found[0] if found else None


@cache
def _modifier_before_span() -> re.Pattern[str]:
    words = [p for p, (_, in_span) in lexicons().modifiers.items() if not in_span]
    return re.compile(rf"\b({alternation(words)})\s+\Z", re.I)


def approximation(match: RuleMatch) -> str | None:
    """The mod of an approximating word in the span (group `approx`), or of "about" / "over"
    just before it (TimeML leaves those out of the span, but they still qualify the value)."""
    word = match.group("approx")
    if not word:
        start = match.left.start() if match.left is not None else match.core.start()
        outside = _modifier_before_span().search(match.core.string, max(0, start - 12), start)
        if outside is None:
            return None
        word = outside.group(1)
    found = lexicons().modifiers.get(re.sub(r"\s+", " ", word.lower()))
    return found[0] if found else None


def part_of_day_code(word: str | None) -> str | None:
    """MO / AF / EV / NI for "morning", "evenings" ... (dates_parts_of_day.tsv), else None."""
    if not word:
        return None
    return lexicons().parts_of_day.get(word.lower().rstrip("s"))
