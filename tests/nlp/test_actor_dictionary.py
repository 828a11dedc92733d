"""The actor dictionary: its data, how names are found in it, dated codes, the user's entries
laid over it, and the files `timeline actors import` reads."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from timeline.data import read_table
from timeline.nlp.actors.countries import country_of
from timeline.nlp.actors.dictionary import (
    ActorDictionary,
    code_country,
    code_on,
    code_sector,
    entries_of,
    shipped_index,
    use_user_entries,
)
from timeline.nlp.actors.entries import read_entries
from timeline.pipeline import extract
from timeline.records import Article, DatedCode


def test_the_shipped_dictionary_holds_people_bodies_and_groups_but_no_place():
    index = shipped_index()
    assert len(index.entries) > 20_000
    names = {entry.name for entry in index.entries}
    assert {"hosni mubarak", "vladimir putin", "federal bureau of investigation"} <= names
    # no country or territory: the original lists their towns as their names
    for name in ("iraq", "kuwait", "gaza", "guam", "armenia", "isle of man"):
        assert name not in names
    for entry in index.entries:
        assert country_of(entry.name, capitals=False) is None, entry.name
        for role in entry.roles:
            assert role.code == role.code.upper() and role.code != "---", entry.name
            assert role.start is None or role.end is None or role.start <= role.end, entry.name
    rows = read_table("petrarch_actors.tsv")
    assert rows.columns == ("name", "aliases", "code", "from", "until", "list")
    assert not any("(" in row[0] and ")" not in row[0] for row in rows)


@pytest.mark.parametrize(
    "code, country, sector",
    [
        ("EGYGOV", "EGY", "GOV"),
        ("USAELI", "USA", "ELI"),
        ("MNCUSA", "USA", "BUS"),  # a multinational company of the United States
        ("IGOUNO", None, None),
        ("IMGMUSALQ", None, None),
        ("ANGREB", "AGO", "REB"),  # CAMEO's own code for Angola (UNITA)
        ("DDRGOV", "DEU", "GOV"),  # East Germany, under its successor as the countries table has it
    ],
)
def test_what_a_code_names(code, country, sector):
    assert (code_country(code), code_sector(code)) == (country, sector)


MUBARAK = (
    DatedCode("EGYELI", date(1946, 1, 1), date(1981, 10, 7)),
    DatedCode("EGYGOV", date(1981, 10, 14), date(2011, 2, 11)),
    DatedCode("EGYELI"),
)


@pytest.mark.parametrize(
    "day, code",
    [
        (date(2005, 6, 1), "EGYGOV"),  # in office
        (date(2012, 6, 1), "EGYELI"),  # after: the code held otherwise
        (date(1970, 6, 1), "EGYELI"),
        (None, "EGYELI"),  # no day, no office open today
    ],
)
def test_the_code_held_on_a_day(day, code):
    assert code_on(MUBARAK, day) == code


def test_without_a_day_the_office_held_today():
    roles = (DatedCode("RUSGOV", date(2012, 5, 7)), DatedCode("RUSELI"))
    assert code_on(roles, None) == "RUSGOV"
    # without an undated code, the last one held before the day
    assert code_on((DatedCode("USAGOV", date(1981, 1, 20), date(1989, 1, 20)),), date(2000, 1, 1))


@pytest.fixture(scope="module")
def dictionary():
    return ActorDictionary()


@pytest.mark.parametrize(
    "forms, day, name",
    [
        (["Hosni Mubarak"], None, "hosni mubarak"),
        (["Mubarak"], None, "hosni mubarak"),  # a surname the dictionary lists
        (["Jean-Bertrand Aristide"], None, "jean bertrand aristide"),  # hyphens and spaces
        # one name, two presidents: the one in office that day
        (["President Bush"], date(1990, 6, 1), "george bush"),
        (["President Bush"], date(2003, 6, 1), "george w. bush"),
        (["FBI"], None, "federal bureau of investigation"),
    ],
)
def test_names_are_found_as_the_dictionary_writes_them(dictionary, forms, day, name):
    assert dictionary.find(forms, day).name == name


def test_a_full_name_spelled_with_a_letter_doubled_or_not_is_found(dictionary):
    day = date(1992, 5, 1)
    assert dictionary.find(["Francois Mitterand"], day).name == "francois mitterrand"
    assert dictionary.find(["Hosni Mubbarak"], day).name == "hosni mubarak"
    assert dictionary.find(["Mitterand"], day) is None  # a single word: too little to go on
    assert dictionary.find(["Pierre Mitterand"], day) is None  # not a spelling of any entry
    # only someone who held a code then: a common name is more often someone else
    assert dictionary.find(["Francois Mitterand"], date(2021, 3, 1)) is None
    assert dictionary.find(["Mohammed Ahmed"], date(2021, 3, 1)) is None


def test_short_names_only_in_capitals(dictionary):
    assert dictionary.find(["UN"]) is not None
    assert dictionary.find(["Un"]) is None and dictionary.find(["Ins"]) is None


def test_the_users_entries_win_and_keep_the_shipped_names():
    user = ActorDictionary(
        entries_of(
            [
                ("Barack Obama", "", "USAGOV", "2009-01-20", "2017-01-20"),
                ("Barack Obama", "", "USAELI", "", ""),
                ("Jane Quill", "Quill|Governor Quill", "USAGOV", "2019-01-01", ""),
            ],
            "user",
        )
    )
    obama = user.find(["Obama"])  # the shipped alias finds the user's entry
    assert obama.roles[0].origin == "user"
    assert obama.code_on(date(2018, 6, 1)) == "USAELI"  # the shipped entry left it open
    assert ActorDictionary().find(["Obama"]).code_on(date(2018, 6, 1)) == "USAGOV"
    assert user.find(["Governor Quill"]).name == "jane quill"


def test_a_loaded_article_uses_the_users_entries():
    text = "Jane Quill criticized the plan on Monday."
    article = Article(text=text, published_at=datetime(2020, 3, 4, tzinfo=UTC))
    try:
        use_user_entries([("Jane Quill", "", "USAGOV", "2019-01-01", "")])
        quill = extract(article).events[0].actors_in("source")[0]
        assert (quill.code, quill.country_code) == ("USAGOV", "USA")
    finally:
        use_user_entries([])
    assert extract(article).events[0].actors_in("source")[0].code is None


CSV = """name,aliases,code,from,until
Jane Quill,Quill|Governor Quill,USAGOV,2019-01-01,
Jane Quill,,USAELI,,
"""
PHOENIX = """# my entries
JANE_QUILL_
+GOVERNOR_QUILL_
[USAGOV 20190101-20230101]
[USAELI]
TOM_REED_ [GBRGOV >190724]
"""


def test_dictionary_files_in_both_formats():
    rows, errors = read_entries(CSV, "a.csv")
    assert not errors
    assert rows == [
        ("Jane Quill", "Quill|Governor Quill", "USAGOV", "2019-01-01", ""),
        ("Jane Quill", "", "USAELI", "", ""),
    ]
    rows, errors = read_entries(PHOENIX, "a.txt")
    assert not errors
    assert rows == [
        ("jane quill", "governor quill", "USAGOV", "2019-01-01", "2023-01-01"),
        ("jane quill", "", "USAELI", "", ""),
        ("tom reed", "", "GBRGOV", "2019-07-24", ""),
    ]


@pytest.mark.parametrize(
    "row, problem",
    [
        ("Jane Quill,,usagov,,", "is not a CAMEO actor code"),
        ("Jane Quill,,USAGOV,2019-02-30,", "is not an ISO date"),
        ("Jane Quill,,USAGOV,2020-01-01,2019-01-01", "is after until"),
        (",Quill,USAGOV,,", "no name"),
        ("Jane Quill,Quill||Q,USAGOV,,", "an empty alias"),
        ("Jane Quill,USAGOV,,", "4 cells"),
    ],
)
def test_each_bad_row_is_reported_with_its_line(row, problem):
    rows, errors = read_entries(f"name,aliases,code,from,until\nTom Reed,,GBRGOV,,\n{row}\n", "f")
    assert len(errors) == 1 and errors[0].startswith("f:3: ") and problem in errors[0]
    _, errors = read_entries("JANE_QUILL_ [USAGOV 190101-180101]\n[bad code]\n", "p")
    assert len(errors) == 2 and errors[0].startswith("p:1: ")
