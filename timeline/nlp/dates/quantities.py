"""Numbers, calendar units and TIMEX3 duration values: "two and a half" -> 2.5, "weeks" -> W,
(2.5, Y) -> P2Y6M, "nineteen ninety-four" -> 1994."""

from __future__ import annotations

import re

from timeline.nlp.dates.lexicons import lexicons


def number_value(phrase: str) -> str:
    """'3', '2.5', 'X' (a vague quantity) for a number phrase."""
    numbers = lexicons().numbers
    w = re.sub(r"\s+", " ", phrase.lower().replace("-", " ")).strip()
    half = False
    if w.endswith(" and a half"):
        half = True
        w = w[: -len(" and a half")]
    if w in numbers:
        value = numbers[w]
    elif re.match(r"^\d+(\.\d+)?$", w):
        value = w
    elif re.match(r"^\d+ 1/2$", w):
        value = f"{int(w.split()[0]) + 0.5:g}"
    else:
        parts = w.split()
        if len(parts) == 2 and parts[0] in numbers and parts[1] in numbers:
            value = str(int(numbers[parts[0]]) + int(numbers[parts[1]]))
        else:
            value = "X"
    if half and value != "X":
        value = f"{float(value) + 0.5:g}"
    return value


def spelled_number(word: str) -> int:
    """The value of a number word the spelled-year and spelled-decade patterns accept."""
    return int(lexicons().numbers[word])


def spelled_year_digits(words: str) -> str:
    """'nineteen ninety-four' -> '1994' (the forms the spelled-year patterns accept)."""
    first, tens, *units = re.split(r"[\s-]+", words.lower())
    year = spelled_number(first) * 100 + spelled_number(tens)
    return str(year + (spelled_number(units[0]) if units else 0))


def unit_and_letter(word: str) -> tuple[str, str]:
    """The calendar unit of a unit word ("weeks", "centuries") and its TIMEX3 duration letter."""
    w = word.lower()
    units = lexicons().units
    for candidate in (w, w[:-1], w[:-3] + "y" if w.endswith("ies") else w):
        if candidate in units:
            return candidate, units[candidate][0]
    raise KeyError(word)


# a fraction of a unit written in the next smaller one, as TimeML writes "2 1/2 years" (P2Y6M)
_SMALLER_UNIT = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "TH": ("M", 60), "TM": ("S", 60)}
# the TimeML corpora write decades and centuries in years
_IN_YEARS = {"DE": 10, "CE": 100}


def duration_value(number: str, letter: str) -> str:
    """The TIMEX3 duration of `number` units of `letter` ("3", "Y" -> P3Y; "X", "M" -> PXM)."""
    if number != "X" and "." in number and letter in _SMALLER_UNIT:
        whole, fraction = divmod(float(number), 1)
        small, per = _SMALLER_UNIT[letter]
        part = fraction * per
        if abs(part - round(part)) < 1e-6:
            big = letter[-1]
            time = "T" if letter.startswith("T") or small == "H" else ""
            head = f"{int(whole)}{big}" if whole else ""
            if letter.startswith("T"):
                return f"PT{head}{round(part)}{small}"
            return f"P{head}{time}{round(part)}{small}"
    if letter.startswith("T"):
        return f"PT{number}{letter[1:]}"
    if letter == "2W":
        return "PXW" if number == "X" else f"P{int(float(number) * 2)}W"
    if letter in _IN_YEARS:
        return "PXY" if number == "X" else f"P{float(number) * _IN_YEARS[letter]:g}Y"
    return f"P{number}{letter}"
