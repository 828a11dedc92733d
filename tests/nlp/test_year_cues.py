"""Numbers and names that are no dates: house numbers, blocks, labels, phone numbers, scores,
counts and amounts, people and titles ("Jason January", "USA Today"), in sentences of the genres
news has (crime, sports, business, local politics, live blogs); and the date cues that make a
number a year ("in 1935", "the 1935 election")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from timeline.data import read_table
from timeline.nlp.dates import find_time_expressions
from timeline.nlp.dates.rules.year_cues import NEAR_AFTER, NEAR_BEFORE, near, reads_as_a_year

MARCH_20_2009 = datetime(2009, 3, 20, 15, 0, tzinfo=UTC)  # a Friday


def years(text: str) -> list[str]:
    return [e.value for e in find_time_expressions(text, MARCH_20_2009) if len(e.value) == 4]


@pytest.mark.parametrize(
    "text",
    [
        # crime
        "Deputies arrested the man at 1412 Maple Ave. shortly after midnight.",
        "Shots were fired in the 2400 block of Elm Street, police said.",
        "Katrina Chappell, 24, of 1199 N. Poplar St., was charged with neglect.",
        "Jonathan McDaniel, 19, of 1205 Lone Oak Road Lot 12, was arrested.",
        "Vandals hit two houses at 1146 and 1160 W. Avenue P in Palmdale.",
        "Anyone with information is asked to call Detective Baker at 868-5811, Ext. 1223.",
        "Call Crime Stoppers on 0208 892 1789.",
        "The truck was traveling north on FR 1497 when it crashed.",
        # sports
        "She bowled a score of 1380 over the weekend.",
        "He has rushed for 1380 yards and scored 1200 points in his career.",
        "The Tigers won 1380 to 1200 in the final tally.",
        "A crowd of 1500 watched the game.",
        # business
        "Shares rose by 1500 to close the week.",
        "The plant cut its workforce to 1800 and may cut 1200 jobs more.",
        "The company has a total of 1600 stores.",
        # local politics
        "The council approved a budget of 1900 for the parade.",
        "The Elks Lodge 1928 will host a comedy show.",
        "Around 1500 residents signed the petition.",
        # live blogs
        "6:45 p.m.: Police now say 1300 homes lost power on Oak Lane.",
    ],
)
def test_numbers_that_are_no_years(text: str) -> None:
    assert years(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mill closed in 1935 and reopened in 1946.", ["1935", "1946"]),
        ("The 1935 election changed the county.", ["1935"]),
        ("She has served on the board since 1998.", ["1998"]),
        ("The canal was built between 1794 and 1797.", ["1794", "1797"]),
        ("The House lost seats in 1933, 1943 and 1963.", ["1933", "1943", "1963"]),
        ("He served in the Navy from 1980 to 1992.", ["1980", "1992"]),
        ("The schoolhouse dates from circa 1860.", ["1860"]),
        ("Galileo was born around 1564.", ["1564"]),
        ("That 1978 resolution still stands.", ["1978"]),
        ("He lost his unsuccessful 1996 campaign.", ["1996"]),
        ("Roerich's portrait (1929) hangs in the hall.", ["1929"]),
        ("The class of 1959 held its reunion.", ["1959"]),
        ("1929's crash still haunts the town.", ["1929"]),
        # a year near the publication needs no cue
        ("Revenue beat 2008 figures, the company said.", ["2008"]),
        # a cue makes no year of an address, a count or an amount
        ("The fire started in the 1200 block of North John Street.", []),
        ("In 1500 homes the power failed.", []),
    ],
)
def test_date_cues_make_numbers_years(text: str, expected: list[str]) -> None:
    assert years(text) == expected


def test_a_far_number_needs_a_cue_and_a_near_one_does_not() -> None:
    assert near(2009 - NEAR_BEFORE, 2009) and near(2009 + NEAR_AFTER, 2009)
    assert not near(2009 - NEAR_BEFORE - 1, 2009) and not near(2009 + NEAR_AFTER + 1, 2009)
    text = "The tally reached 1380 and then 2007."
    assert not reads_as_a_year(text, 18, 22, 1380, 2009)
    assert reads_as_a_year(text, 32, 36, 2007, 2009)


def test_word_lists_of_addresses_and_amounts() -> None:
    streets = {row[0] for row in read_table("dates_street_words.tsv")}
    assert {"Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane"} <= streets
    assert all(word[0].isupper() for word in streets)
    quantities = {row[0] for row in read_table("dates_quantity_nouns.tsv")}
    assert {"score", "total", "population", "crowd", "budget"} <= quantities
    changes = {row[0] for row in read_table("dates_change_words.tsv")}
    assert {"rose", "fell", "cut", "up", "increase"} <= changes
    for table in ("dates_street_words.tsv", "dates_quantity_nouns.tsv", "dates_change_words.tsv"):
        rows = read_table(table).rows
        assert len(set(rows)) == len(rows), table


@pytest.mark.parametrize(
    "text",
    [
        "The burn ban was lifted, said Jason January of the fire department.",
        "The City supports the Trees for Tomorrow Project.",
        "He told USA Today the plant would close.",
        "Leaders condemned a plan to sell the morning-after pill by text.",
    ],
)
def test_names_that_are_no_dates(text: str) -> None:
    assert find_time_expressions(text, MARCH_20_2009) == []


def test_the_same_words_are_dates_where_they_are_used_as_dates() -> None:
    text = "In January the council met. Today, the ban was lifted. Tomorrow morning it rains."
    assert [e.text for e in find_time_expressions(text, MARCH_20_2009)] == [
        "January", "Today", "Tomorrow morning",
    ]  # fmt: skip
