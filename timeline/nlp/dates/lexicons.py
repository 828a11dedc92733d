"""The dates stage's word lists (timeline/data/dates_*.tsv), read once, and regular expressions
built from word lists.

Three groups: `lexicons()`, the words temporal expressions are made of and what each means;
`context_words()`, the words around a match that decide whether it is an expression at all;
`direction_words()`, the words that say whether an underspecified date lies ahead or behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from timeline.data import read_table


def _rows(name: str) -> list[list[str]]:
    return [list(row) for row in read_table(name)]


def _words(name: str) -> tuple[str, ...]:
    """The first column of a one-word-a-line file, in file order."""
    return tuple(row[0] for row in read_table(name))


@dataclass(frozen=True)
class Lexicons:
    """The words of temporal expressions and what each means."""

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
    modifiers: dict[str, tuple[str, bool]]  # phrase -> (TIMEX3 mod, whether it is in the span)
    frequencies: dict[str, tuple[str, str]]  # word -> (SET value, when it is a set)
    time_zones: tuple[str, ...]


@cache
def lexicons() -> Lexicons:
    """The word lists under timeline/data/dates_*.tsv, read once."""
    return Lexicons(
        months={w: int(n) for w, n in _rows("dates_months.tsv")},
        weekdays={w: int(n) for w, n in _rows("dates_weekdays.tsv")},
        numbers={w: v for w, v in _rows("dates_numbers.tsv")},
        ordinals={w: int(n) for w, n in _rows("dates_ordinals.tsv")},
        units={w: (letter, gran) for w, letter, gran in _rows("dates_units.tsv")},
        seasons={w: (c, int(a), int(b)) for w, c, a, b in _rows("dates_seasons.tsv")},
        parts_of_day={w: c for w, c in _rows("dates_parts_of_day.tsv")},
        holidays={w: rule for w, rule in _rows("dates_holidays.tsv")},
        references={w: v for w, v in _rows("dates_references.tsv")},
        tense_cues={w: d for w, d in _rows("dates_tense_cues.tsv")},
        modifiers={p: (mod, span == "yes") for p, mod, span in _rows("dates_modifiers.tsv")},
        frequencies={w: (v, when) for w, v, when in _rows("dates_frequencies.tsv")},
        time_zones=_words("dates_time_zones.tsv"),
    )


@dataclass(frozen=True)
class ContextWords:
    """Words around a match that decide whether it is a temporal expression."""

    ambiguous_months: dict[str, str]  # month word -> what makes it a month: "cue" or "dot"
    month_cues: tuple[str, ...]  # words before "May" / "March" that make it the month
    count_nouns: dict[str, tuple[str, ...]]  # "digits" / "words" -> nouns counted after a number
    number_labels: tuple[str, ...]  # "No.", "Flight": the number after them is not a year
    function_words: frozenset[str]
    rate_words: dict[str, tuple[str, ...]]  # "amount" / "frequency" -> words before "a year"
    reference_exceptions: dict[str, tuple[str, ...]]  # "current" -> ("account", ...)


@cache
def context_words() -> ContextWords:
    count_nouns: dict[str, list[str]] = {}
    for noun, after in _rows("dates_count_nouns.tsv"):
        count_nouns.setdefault(after, []).append(noun)
    rate_words: dict[str, list[str]] = {}
    for word, kind in _rows("dates_rate_words.tsv"):
        rate_words.setdefault(kind, []).append(word)
    exceptions: dict[str, list[str]] = {}
    for reference, word in _rows("dates_reference_exceptions.tsv"):
        exceptions.setdefault(reference, []).append(word)
    return ContextWords(
        ambiguous_months={w: needs for w, needs in _rows("dates_ambiguous_months.tsv")},
        month_cues=_words("dates_month_cues.tsv"),
        count_nouns={after: tuple(nouns) for after, nouns in count_nouns.items()},
        number_labels=_words("dates_number_labels.tsv"),
        function_words=frozenset(_words("dates_function_words.tsv")),
        rate_words={kind: tuple(words) for kind, words in rate_words.items()},
        reference_exceptions={r: tuple(words) for r, words in exceptions.items()},
    )


@dataclass(frozen=True)
class DirectionWords:
    """Words that say whether an underspecified date lies ahead of the telling or behind it."""

    not_past_verbs: frozenset[str]  # "-ed" words that are not past verbs ("need", "united")
    before_adjective: frozenset[str]  # "a", "still": an "-ed" word after them is an adjective
    intent_words: frozenset[str]  # "plan", "agree": a "to" infinitive after them looks ahead
    reporting_verbs: frozenset[str]  # lemmas: "say", "report"
    said_verbs: tuple[str, ...]  # "said", "announced" just before a date: the day of the saying
    forward_words: frozenset[str]  # "payable", "scheduled": their date lies ahead
    forward_prepositions: frozenset[str]  # "until", "for": their date lies ahead of the verb
    same_past_verbs: frozenset[str]  # "hurt", "cut": the past is the base form
    awaited_nouns: tuple[str, ...]  # "deadline", "vote": "a June deadline" is still ahead
    awaiting_words: tuple[str, ...]  # "ahead of", "upcoming"
    incident_nouns: frozenset[str]  # "shooting", "crash": dated once they happened
    deadline_verbs: tuple[str, ...]  # "gave", "extended" (until a date)


@cache
def direction_words() -> DirectionWords:
    return DirectionWords(
        not_past_verbs=frozenset(_words("dates_not_past_verbs.tsv")),
        before_adjective=frozenset(_words("dates_before_adjective.tsv")),
        intent_words=frozenset(_words("dates_intent_words.tsv")),
        reporting_verbs=frozenset(_words("speech_verbs.tsv")),
        said_verbs=_words("dates_said_verbs.tsv"),
        forward_words=frozenset(_words("dates_forward_words.tsv")),
        forward_prepositions=frozenset(_words("dates_forward_prepositions.tsv")),
        same_past_verbs=frozenset(_words("dates_same_past_verbs.tsv")),
        awaited_nouns=_words("dates_awaited_nouns.tsv"),
        awaiting_words=_words("dates_awaiting_words.tsv"),
        incident_nouns=frozenset(_words("dates_incident_nouns.tsv")),
        deadline_verbs=_words("dates_deadline_verbs.tsv"),
    )


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace and an
    apostrophe either apostrophe."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)


def first_letter_lookahead(*word_lists: Iterable[str]) -> str:
    """A lookahead on the first character of any of the words (a cheap pre-filter before a long
    alternation)."""
    chars: set[str] = set()
    for words in word_lists:
        for word in words:
            chars.update({word[0].lower(), word[0].upper()})
    body = "".join(sorted(ch for ch in chars if ch.isalpha()))
    digits = "0-9" if any(ch.isdigit() for ch in chars) else ""
    return f"(?=[{body}{digits}'’])"
