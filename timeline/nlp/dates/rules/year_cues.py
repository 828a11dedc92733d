"""Whether a number that could be a year is one: the cues of the words around it.

News is full of four-digit numbers that are no year: house numbers ("1412 Maple Ave.", "the 1200
block of North John Street"), labels ("Ext. 1223", "Lodge 1928"), phone numbers, scores and
amounts ("a score of 1380", "rose by 1500"). A number is a year when a date cue makes it one:

- a temporal preposition or a date word before it: "in 1935", "since 1998", "until 2030", "circa
  1860", "the class of 1998", "from 1945 to 1975", "between 1794 and 1797", "by 2010";
- a determiner or possessive before it and a noun after it: "the 1935 election", "a 1996 law",
  "That 1978 resolution", "his unsuccessful 1996 campaign";
- a possessive after it ("1998's budget"), brackets around it ("Portrait (1929)"), a year
  before it ("in 1994, 1995 and 1997"), or nothing around it at all (a phrase typed as a year).

Without a cue, only a year near the publication (`NEAR_BEFORE` years before it to `NEAR_AFTER`
after) is taken: "sales rose 12 percent over 2008" stays a year, "scored 1380" does not. Words that
make a number an address, a label or an amount overrule every cue: "in the 2400 block", "a total
of 1500", "at 2031 Monument Ave.". The word lists are data (timeline/data/dates_street_words.tsv,
dates_number_labels.tsv, dates_quantity_nouns.tsv, dates_change_words.tsv).
"""

from __future__ import annotations

import re
from functools import cache

from timeline.data import read_table
from timeline.nlp.dates.lexicons import alternation, context_words

NEAR_BEFORE = 20
NEAR_AFTER = 10

# the grammar of the cues: prepositions and date words before a year, determiners before a noun
_DATE_WORDS_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|before|after|during|through|throughout|circa|ca\.|c\.|as\s+of"
    r"|spring|summer|fall|autumn|winter|vintage|between|from|by|of|about|around)"
    r"|\b(?:early|mid|late)-?)\s*\Z",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|these|those|its|his|her|their|our|your|my|whose|each|every)"
    r"|[A-Za-z]['’]s)\s+(?:[A-Za-z-]+\s+)?\Z",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s+[A-Za-z]")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_BRACKETED = re.compile(r"\(\s*\Z")
_CLOSING_BRACKET = re.compile(r"\s*\)")
# "in 1994, 1995 and 1997", "from 1980 to 1992": a number just before, in a list or range, that
# is a year itself
_YEAR_BEFORE = re.compile(
    r"\b(?P<y>(?:1[0-9]|20)\d\d)\s*(?:,|,?\s*(?:and|or|to|through|until))\s*\Z"
)
_RANGE_WORDS = re.compile(r"\b(?:and|or|to)\s*\Z", re.IGNORECASE)
_AROUND_WORD = re.compile(r"\b(?:about|around|circa|ca\.|c\.)\s*\Z", re.IGNORECASE)
# a phone number: digits just before, after a space or a dot ("0208 892 1789", "555.1212")
_DIGITS_BEFORE = re.compile(r"\d[\s.]\Z")
_BLOCK_AFTER = re.compile(r"\s+block\b", re.IGNORECASE)
# the words between a house number and its street type: "N.", "Lone Oak", "5th", "Martin L."
_ADDRESS_WORD = r"(?:[A-Z][A-Za-z'’-]*\.?|\d+(?:st|nd|rd|th)|[NSEW]{1,2}\.?)"


@cache
def _street_after() -> re.Pattern[str]:
    streets = alternation(row[0] for row in read_table("dates_street_words.tsv"))
    return re.compile(rf"(?:\s+{_ADDRESS_WORD}){{0,4}}?\s+(?:{streets})\b\.?(?!\w)")


@cache
def _quantity_of_before() -> re.Pattern[str]:
    nouns = alternation(row[0] for row in read_table("dates_quantity_nouns.tsv"))
    return re.compile(rf"\b(?:{nouns})\s+of\s*\Z", re.IGNORECASE)


@cache
def _change_before() -> re.Pattern[str]:
    words = alternation(row[0] for row in read_table("dates_change_words.tsv"))
    return re.compile(rf"\b(?:{words})\s+(?:\S+\s+){{0,3}}?(?:by|to|of)\s*\Z", re.IGNORECASE)


@cache
def _counted_after() -> re.Pattern[str]:
    nouns = alternation(context_words().count_nouns["digits"])
    return re.compile(rf"\s+(?:{nouns})\b", re.IGNORECASE)


@cache
def _label_before() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(context_words().number_labels)})\s*\Z")


def not_a_year(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] make it an address, a label, a phone number, a
    count or an amount, whatever else they say."""
    before = text[max(0, start - 40) : start]
    if _BLOCK_AFTER.match(text, end) or _street_after().match(text, end):
        return True
    if _counted_after().match(text, end):
        return True
    if _label_before().search(text[max(0, start - 14) : start]):
        return True
    if _DIGITS_BEFORE.search(before):
        return True
    return bool(_quantity_of_before().search(before) or _change_before().search(before))


def date_cue(text: str, start: int, end: int, anchor_year: int) -> bool:
    """Whether a date cue makes the number at text[start:end] a year (see the module docstring)."""
    before = text[max(0, start - 40) : start]
    if not text[:start].strip() and not text[end:].strip():
        return True  # a year alone: a phrase typed as one ("--since 2013")
    listed = _YEAR_BEFORE.search(before)
    if listed:
        # "between 1794 and 1797" is a range of years when its first end is a year
        first = max(0, start - 40) + listed.start("y")
        year = int(listed.group("y"))
        return reads_as_a_year(text, first, first + 4, year, anchor_year)
    if _RANGE_WORDS.search(before):
        return False  # "2 to 1380", "3 and 1500": the other end of a range of numbers
    if _DATE_WORDS_BEFORE.search(before):
        # "around 1500 people": an approximation counts unless nothing countable follows
        return not (_AROUND_WORD.search(before) and re.match(r"\s+[a-z]", text[end : end + 3]))
    if _DETERMINER_BEFORE.search(before) and _WORD_AFTER.match(text, end):
        return True
    if _POSSESSIVE_AFTER.match(text, end):
        return True
    return bool(_BRACKETED.search(before) and _CLOSING_BRACKET.match(text, end))


def near(year: int, anchor_year: int) -> bool:
    """Whether a year is close enough to the publication to be taken without a cue."""
    return anchor_year - NEAR_BEFORE <= year <= anchor_year + NEAR_AFTER


def reads_as_a_year(text: str, start: int, end: int, year: int, anchor_year: int) -> bool:
    """Whether the number `year` at text[start:end] is a year: no address, label or amount, and
    a date cue or a year near the publication."""
    if not_a_year(text, start, end):
        return False
    return date_cue(text, start, end, anchor_year) or near(year, anchor_year)
