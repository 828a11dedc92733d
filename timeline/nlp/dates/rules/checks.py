"""Checks several rules share: month names are capitalised, a capitalised unit is a title, a
quarter or a half "of the ..." is a part of the period that follows."""

from __future__ import annotations

import re
from functools import cache

from timeline.nlp.dates.lexicons import lexicons
from timeline.nlp.dates.rules.rule import Candidate


def month_name_capitalised(candidate: Candidate, text: str) -> bool:
    """Every match with a month name: "may", "march" in lower case are a verb, not a month.
    Every rule whose pattern has a `month` group lists this check."""
    word = candidate.match.group("month")
    return not word or word[0].isupper()


def unit_not_a_title(candidate: Candidate, text: str) -> bool:
    """A capitalised unit inside a sentence is a title: "60 Minutes", ABC's "This Week"."""
    word = candidate.match.group("unit")
    return not word[0].isupper() or word.isupper()


# "the last half of the '80s", "the second quarter of the century": a part of the date that
# follows, not a date of its own (determiners: the grammar of the phrase, not a word list)
_PART_OF = re.compile(r"\s+of\s+(?:the|this|that|its|his|her|their|a|an)\b|\s+of\s+['’]\d", re.I)


def part_of_the_period_after(text: str, end: int) -> bool:
    """Whether "of the ...", "of its ...", "of '80s" follows `end`."""
    return _PART_OF.match(text, end) is not None


@cache
def month_full_names() -> frozenset[str]:
    """The full name of each month: its longest word in dates_months.tsv ("may", "june",
    "september"); the others are abbreviations."""
    longest: dict[int, str] = {}
    for word, month in lexicons().months.items():
        if len(word) > len(longest.get(month, "")):
            longest[month] = word
    return frozenset(longest.values())
