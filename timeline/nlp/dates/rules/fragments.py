"""The pieces of regular expression several rules share, written from the lexicons once.

Group names the patterns use: `y` year, `ys` a year in words, `m` / `d` month and day numbers,
`month` a month name, `wd` a weekday, `rel` a relative word (last, next, this ...), `yrel` one
before "year", `modw` a START / MID / END modifier word, `approx` an approximation, `pod` a part
of the day, `num` a number, `unit` a calendar unit, `pre` words before a number or a year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from timeline.nlp.dates.lexicons import Lexicons, alternation, first_letter_lookahead, lexicons


@dataclass(frozen=True)
class Fragments:
    lexicons: Lexicons
    month: str
    weekday: str
    number: str  # a number in digits or words, "2 1/2", "twenty-one", "three and a half"
    units: str  # a calendar unit, singular
    unit: str  # a calendar unit, singular or plural
    season: str
    part_of_day: str
    holiday: str
    ordinal: str
    reference: str
    year: str  # a year from 1000 to 2099
    spelled_year: str  # "nineteen ninety-four", as transcripts write a year after a month or season
    day_number: str
    am_pm: str
    time_zone: str
    modifier: str  # "early", "the end of" ... before a date (group `modw`)
    approximation: str  # "around", "more than" ... before a quantity (group `approx`)

    @staticmethod
    def lead(*word_lists: Iterable[str]) -> str:
        return first_letter_lookahead(*word_lists)


@cache
def fragments() -> Fragments:
    lex = lexicons()
    # the tens and units of a spelled number are the structure of English numerals, not a list
    # to extend: they stay in the patterns
    compound = (
        r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]"
        r"(?:one|two|three|four|five|six|seven|eight|nine)"
    )
    number_words = alternation(lex.numbers)
    units = alternation(lex.units)
    # dates_modifiers.tsv: START / MID / END words narrow a date; the others are approximations,
    # some of them ("about", "over") outside the span (rules/rule.py, `approximation`)
    positions = ("START", "MID", "END")
    position_modifiers = [p for p, (mod, _) in lex.modifiers.items() if mod in positions]
    approximations = [
        p for p, (mod, in_span) in lex.modifiers.items() if in_span and mod not in positions
    ]
    return Fragments(
        lexicons=lex,
        month=alternation(lex.months),
        weekday=alternation(lex.weekdays),
        number=rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{compound}|{number_words})(?:\s+and\s+a\s+half)?",
        units=units,
        unit=rf"(?:centuries|(?:{units})s?)",
        season=alternation(lex.seasons),
        part_of_day=alternation(lex.parts_of_day),
        holiday=alternation(lex.holidays),
        ordinal=alternation(lex.ordinals),
        reference=alternation(lex.references),
        year=r"(?:1[0-9]|20)\d\d",
        spelled_year=(
            r"(?:nineteen|twenty)[\s-]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
            r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
        ),
        day_number=r"(?:[12]\d|3[01]|0?[1-9])",
        am_pm=r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)",
        time_zone=rf"(?:\s+(?:local\s+time|\(?(?:{alternation(lex.time_zones)})\)?))?",
        modifier=rf"(?:\b(?P<modw>{alternation(position_modifiers)})[\s-]+)?",
        approximation=rf"(?:\b(?P<approx>{alternation(approximations)})\s+)?",
    )
