"""Analyst formats: xlsx read back with openpyxl, GeoJSON, and the ACLED / GDELT CSV profiles."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest
from records_factory import extraction

from timeline.database.filters import EventFilter
from timeline.database.listing import iter_events
from timeline.database.record import EventRecord, Participant, Place
from timeline.database.store import save
from timeline.errors import InputError
from timeline.outputs.events import CSV_COLUMNS
from timeline.outputs.geo import write_geojson
from timeline.outputs.profiles import (
    ACLED_COLUMNS,
    GDELT_COLUMNS,
    acled_countries,
    acled_inter_codes,
    acled_type,
    acled_types,
    fips,
    fips_codes,
    write_profile,
)
from timeline.outputs.sheets import write_xlsx


@pytest.fixture
def events(database) -> list[EventRecord]:
    """The factory article's two events as the query gives them: the strike, then the visit."""
    with database.session() as session:
        save(session, extraction())
        return list(iter_events(session, EventFilter()))


def by_trigger(rows: list[dict], key: str = "trigger") -> dict[str, dict]:
    return {row[key]: row for row in rows}


# --- xlsx ---------------------------------------------------------------------------------------


def test_xlsx_read_back(events, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "events.xlsx"
    assert write_xlsx(iter(events), path) == 2
    book = load_workbook(path)
    assert book.sheetnames == ["events", "actors"]
    sheet = book["events"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == CSV_COLUMNS
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:AF{len(rows)}"
    table = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [row["trigger"] for row in table] == ["launched", "arrives"]
    strike, visit = table
    assert strike["date_start"] == datetime(2017, 4, 6)  # a real date, not text
    column = CSV_COLUMNS.index("date_start") + 1
    assert sheet.cell(row=2, column=column).number_format == "yyyy-mm-dd"
    assert strike["quad_class"] == 4 and strike["goldstein"] == -10.0
    assert strike["source_actors"] == "United States"
    assert visit["latitude"] == 55.75222
    assert visit["published_at"] == datetime(2017, 4, 7, 9, 30)  # UTC
    assert visit["sentence"] == "Tillerson arrives in Moscow on Tuesday."

    actors = list(book["actors"].iter_rows(values_only=True))
    assert actors[0] == ("name", "kind", "country_code", "code", "events")
    assert sorted(actors[1:]) == [
        ("Rex Tillerson", "person", "USA", "USAGOV", 1),
        ("Syria", "country", "SYR", "SYR", 1),
        ("United States", "country", "USA", "USA", 1),
    ]


def test_xlsx_counts_actors_over_all_events_and_keeps_text_as_text(events, tmp_path):
    from openpyxl import load_workbook

    again = events[0]._replace(id=99, sentence='=HYPERLINK("http://x") and a bell \x07')
    path = tmp_path / "events.xlsx"
    assert write_xlsx([*events, again], path) == 3
    book = load_workbook(path)
    counts = {row[0]: row[4] for row in book["actors"].iter_rows(min_row=2, values_only=True)}
    assert counts == {"United States": 2, "Syria": 2, "Rex Tillerson": 1}
    cell = book["events"].cell(row=4, column=CSV_COLUMNS.index("sentence") + 1)
    assert cell.data_type == "s"  # never a formula
    assert cell.value == '=HYPERLINK("http://x") and a bell '


def test_xlsx_of_no_events_has_the_header(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "empty.xlsx"
    assert write_xlsx([], path) == 0
    rows = list(load_workbook(path)["events"].iter_rows(values_only=True))
    assert rows == [CSV_COLUMNS]


# --- GeoJSON ------------------------------------------------------------------------------------


def test_geojson_points_are_longitude_then_latitude(events):
    out = io.StringIO()
    assert write_geojson(events, out) == 2
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    features = by_trigger([f["properties"] for f in collection["features"]])
    assert set(features) == {"launched", "arrives"}
    moscow = next(f for f in collection["features"] if f["properties"]["location"] == "Moscow")
    assert moscow["geometry"] == {"type": "Point", "coordinates": [37.61556, 55.75222]}
    visit = moscow["properties"]
    assert visit["date_start"] == visit["date_end"] == "2017-04-11"
    assert visit["event_code"] == "042" and visit["quad_class"] == 1
    assert visit["source_actors"] == "Rex Tillerson" and visit["target_actors"] == ""
    assert visit["country_code"] == "RUS"
    assert visit["article_url"] == "https://example.org/a"
    assert visit["happening_id"] is not None and visit["happening_mentions"] == 1
    strike = features["launched"]
    assert strike["source_actors"] == "United States" and strike["target_actors"] == "Syria"


def test_geojson_leaves_out_places_without_coordinates(events):
    strike, visit = events
    strike = strike._replace(
        locations=[strike.locations[0]._replace(latitude=None), *strike.locations[1:]]
    )
    lucca = Place(name="Lucca", country_code="ITA", latitude=43.84, longitude=10.5, feature="city")
    visit = visit._replace(locations=[*visit.locations, lucca])
    out = io.StringIO()
    assert write_geojson([strike, visit], out) == 2
    features = json.loads(out.getvalue())["features"]
    assert [f["properties"]["location"] for f in features] == ["Moscow", "Lucca"]
    assert {f["properties"]["id"] for f in features} == {visit.id}
    assert features[1]["geometry"]["coordinates"] == [10.5, 43.84]

    empty = io.StringIO()
    assert write_geojson([strike], empty) == 0
    assert json.loads(empty.getvalue()) == {"type": "FeatureCollection", "features": []}


# --- ACLED --------------------------------------------------------------------------------------


def profile_rows(events: list[EventRecord], profile: str) -> list[dict]:
    out = io.StringIO(newline="")
    assert write_profile(events, profile, out) == len(events)
    text = out.getvalue()
    columns = ACLED_COLUMNS if profile == "acled" else GDELT_COLUMNS
    assert text.startswith(",".join(columns) + "\r\n")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_acled_columns_and_values(events):
    strike, visit = profile_rows(events, "acled")
    assert strike["event_date"] == "6 April 2017" and strike["year"] == "2017"
    assert strike["time_precision"] == "1"
    assert strike["disorder_type"] == "Political violence"
    assert strike["event_type"] == "Explosions/Remote violence"
    assert strike["sub_event_type"] == "Air/drone strike"
    assert (strike["actor1"], strike["actor2"]) == ("United States", "Syria")
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("1", "1", "11")
    assert strike["civilian_targeting"] == ""
    assert (strike["iso"], strike["region"], strike["country"]) == ("760", "Middle East", "Syria")
    assert strike["event_id_cnty"] == f"SYR{events[0].id}"
    assert strike["geo_precision"] == "3"  # the country
    assert strike["fatalities"] == ""  # unknown, not zero
    assert strike["notes"] == events[0].sentence
    assert strike["source"] == "AP"
    assert strike["tags"].startswith("status=asserted; date_source=clause; happening=")
    assert strike["tags"].endswith("; reports=1")
    assert strike["timestamp"] == str(int(datetime.fromisoformat("2017-04-07T09:30Z").timestamp()))

    assert visit["event_date"] == "11 April 2017"
    assert (visit["disorder_type"], visit["event_type"], visit["sub_event_type"]) == (
        "Strategic developments",
        "Strategic developments",
        "Other",
    )
    assert visit["actor1"] == "Rex Tillerson" and visit["actor2"] == ""
    assert (visit["inter1"], visit["inter2"], visit["interaction"]) == ("1", "", "10")
    assert visit["location"] == "Moscow" and visit["geo_precision"] == "1"
    assert (visit["iso"], visit["region"], visit["country"]) == ("643", "Europe", "Russia")
    assert float(visit["latitude"]) == 55.75222 and float(visit["longitude"]) == 37.61556
    assert visit["tags"].startswith("status=planned; date_source=clause; happening=")


@pytest.mark.parametrize(
    ("granularity", "start", "end", "precision", "written"),
    [
        ("week", "2017-04-10", "2017-04-16", "2", "13 April 2017"),
        ("month", "2017-04-01", "2017-04-30", "3", "15 April 2017"),
        ("year", "2017-01-01", "2017-12-31", "3", "2 July 2017"),
    ],
)
def test_acled_imprecise_dates(events, granularity, start, end, precision, written):
    event = events[0]._replace(granularity=granularity, date_start=start, date_end=end)
    (row,) = profile_rows([event], "acled")
    assert row["time_precision"] == precision
    assert row["event_date"] == written


def test_acled_protest_civilians_and_states(events):
    students = Participant("students", role="source", kind="group", country_code=None, code="EDU")
    protest = events[1]._replace(event_code="141", actors=[students])
    villagers = Participant(
        name="villagers", role="target", kind="group", country_code="SYR", code="SYRCVL"
    )
    killing = events[0]._replace(
        event_code="1823", actors=[events[0].actors[0], villagers, *events[0].actors[2:]]
    )
    state = events[1]._replace(
        locations=[events[1].locations[0]._replace(feature="state"), *events[1].locations[1:]]
    )
    first, second, third = profile_rows([protest, killing, state], "acled")
    assert (first["event_type"], first["sub_event_type"]) == ("Protests", "Peaceful protest")
    assert first["disorder_type"] == "Demonstrations"
    assert (first["inter1"], first["interaction"]) == ("6", "60")
    assert second["event_type"] == "Violence against civilians"
    assert (second["inter2"], second["interaction"]) == ("7", "17")
    assert second["civilian_targeting"] == "Civilian targeting"
    # a region (province) is ACLED's precision 3, as a country is
    assert third["geo_precision"] == "3" and third["admin1"] == "Moscow"


def test_acled_precision_and_region_as_stored(events):
    """The place's own precision and first-level region, and its source in the tags; the most
    precise place of the event is the one located."""
    moscow = (
        events[1]
        .locations[0]
        ._replace(feature="city", admin1="Moscow", place_source="dateline", precision=2)
    )
    russia = moscow._replace(name="Russia", feature="country", admin1=None, precision=3)
    (row,) = profile_rows([events[1]._replace(locations=[russia, moscow])], "acled")
    assert (row["location"], row["geo_precision"], row["admin1"]) == ("Moscow", "2", "Moscow")
    assert "place_source=dateline" in row["tags"]
    county = moscow._replace(name="Laurel County", feature="county", admin1="Kentucky")
    (row,) = profile_rows(
        [events[1]._replace(locations=[county._replace(precision=None)])], "acled"
    )
    assert (row["admin1"], row["admin2"], row["geo_precision"]) == (
        "Kentucky",
        "Laurel County",
        "2",
    )


# --- GDELT --------------------------------------------------------------------------------------


def test_gdelt_columns_follow_the_gdelt_2_codebook():
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert "ActionGeo_FeatureID" in GDELT_COLUMNS and "Actor2Type3Code" in GDELT_COLUMNS


def test_gdelt_values(events):
    strike, visit = profile_rows(events, "gdelt")
    assert strike["GLOBALEVENTID"] == str(events[0].id)
    assert (strike["SQLDATE"], strike["MonthYear"], strike["Year"]) == (
        "20170406",
        "201704",
        "2017",
    )
    assert strike["FractionDate"] == "2017.2603"  # day 96 of 365
    assert (strike["Actor1Code"], strike["Actor1Name"], strike["Actor1CountryCode"]) == (
        "USA",
        "UNITED STATES",
        "USA",
    )
    assert (strike["Actor2Code"], strike["Actor2CountryCode"]) == ("SYR", "SYR")
    assert (strike["EventCode"], strike["EventBaseCode"], strike["EventRootCode"]) == (
        "195",
        "195",
        "19",
    )
    assert strike["QuadClass"] == "4" and float(strike["GoldsteinScale"]) == -10.0
    assert (strike["NumMentions"], strike["NumSources"], strike["NumArticles"]) == ("1", "1", "1")
    assert strike["AvgTone"] == "" and strike["IsRootEvent"] == ""
    assert strike["ActionGeo_Type"] == "1"  # a country
    assert strike["ActionGeo_CountryCode"] == "SY" and strike["ActionGeo_FeatureID"] == "SY"
    assert strike["Actor1Geo_Type"] == "0" and strike["Actor1Geo_CountryCode"] == ""

    assert visit["Actor1Code"] == "USAGOV" and visit["Actor1CountryCode"] == "USA"
    assert visit["Actor1Type1Code"] == "GOV" and visit["Actor1Type2Code"] == ""
    assert visit["Actor2Code"] == "" and visit["Actor2Name"] == ""
    assert visit["ActionGeo_Type"] == "4"  # a city outside the United States
    assert visit["ActionGeo_FullName"] == "Moscow, Russia"
    assert visit["ActionGeo_CountryCode"] == "RS" and visit["ActionGeo_ADM1Code"] == "RS"
    assert float(visit["ActionGeo_Lat"]) == 55.75222
    assert float(visit["ActionGeo_Long"]) == 37.61556
    assert visit["DATEADDED"] == "20170407093000"
    assert visit["SOURCEURL"] == "https://example.org/a"


def test_gdelt_us_places(events):
    california = Place("California", "USA", latitude=37.2, longitude=-119.5, feature="state")
    chicago = Place("Chicago", "USA", latitude=41.85, longitude=-87.65, feature="city")
    state = events[1]._replace(locations=[california])
    city = events[1]._replace(locations=[chicago])
    state_row, city_row = profile_rows([state, city], "gdelt")
    assert (state_row["ActionGeo_Type"], state_row["ActionGeo_ADM1Code"]) == ("2", "USCA")
    assert (city_row["ActionGeo_Type"], city_row["ActionGeo_CountryCode"]) == ("3", "US")
    assert city_row["ActionGeo_FullName"] == "Chicago, United States"


def test_unknown_profile_is_an_input_error(events):
    with pytest.raises(InputError, match="acled, gdelt"):
        write_profile(events, "icews", io.StringIO())


# --- data files ---------------------------------------------------------------------------------


def _iso_countries() -> set[str]:
    from timeline.nlp.actors.countries import country_lexicon

    return set(country_lexicon().countries)


def test_fips_table_covers_every_country_and_means_fips():
    table = fips_codes()
    assert _iso_countries() <= set(table)
    known = {
        "USA": "US",
        "RUS": "RS",
        "SYR": "SY",
        "DEU": "GM",
        "GBR": "UK",
        "CHN": "CH",
        "ITA": "IT",
        "IRQ": "IZ",
        "ESP": "SP",
        "CHE": "SZ",
        "AUT": "AU",
        "AUS": "AS",
    }
    assert {code: fips(code) for code in known} == known
    assert fips("XYZ") == "" and fips(None) == ""
    for alpha3, (code, name) in table.items():
        assert len(alpha3) == 3 and alpha3.isupper()
        assert len(code) == 2 and code.isupper(), alpha3
        assert name, alpha3
    shared = {}
    for alpha3, (code, _) in table.items():
        shared.setdefault(code, []).append(alpha3)
    # two territories without a FIPS code of their own share their state's (see the file's notes)
    assert {code: sorted(a) for code, a in shared.items() if len(a) > 1} == {
        "FI": ["ALA", "FIN"],
        "NL": ["BES", "NLD"],
    }


def test_acled_countries_table():
    table = acled_countries()
    assert _iso_countries() <= set(table)
    assert table["SYR"] == (760, "Middle East")
    assert table["RUS"] == (643, "Europe")
    assert table["USA"] == (840, "North America")
    assert table["NGA"] == (566, "Western Africa")
    assert table["AFG"] == (4, "South Asia")
    assert table["KAZ"] == (398, "Caucasus and Central Asia")
    assert len({iso for iso, _ in table.values()}) == len(table)


ACLED_EVENT_TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
}


def test_acled_cameo_table_uses_cameo_codes_and_acled_types():
    from timeline.nlp.coding import cameo_lexicon

    cameo = cameo_lexicon().codes
    for code, (disorder, event_type, sub_event) in acled_types().items():
        assert code in cameo, code
        assert disorder in {"Political violence", "Demonstrations", "Strategic developments"}
        assert event_type in ACLED_EVENT_TYPES and sub_event
    assert acled_type("195") == (
        "Political violence",
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert acled_type("1951")[2] == "Air/drone strike"  # the longest listed prefix
    assert acled_type("1831")[2] == "Suicide bomb"
    assert acled_type("190")[1] == "Battles"
    assert acled_type("145")[1] == "Riots"
    assert acled_type("042") == ("Strategic developments", "Strategic developments", "Other")
    assert acled_type("") == acled_type(None) == acled_type("042")


def test_acled_inter_table():
    table = acled_inter_codes()
    assert set(table.values()) <= set(range(1, 9))
    assert (table["GOV"], table["MIL"], table["REB"], table["CVL"], table["IGO"]) == (
        1,
        1,
        2,
        7,
        8,
    )
    assert all(len(kind) == 3 and kind.isupper() for kind in table)


def test_help_names_the_approximations():
    from timeline.outputs.profiles import HELP

    for words in ("AvgTone", "NumMentions", "fatalities", "CAMEO", "FIPS", "publication"):
        assert words in HELP


def test_every_format_on_the_seed_article(tmp_path):
    """The real pipeline's events on the seed article go through every writer."""
    from conftest import SEED_ARTICLE
    from openpyxl import load_workbook

    from timeline.database.engine import Database
    from timeline.outputs.html import write_html
    from timeline.pipeline import load_articles
    from timeline.read import iter_articles, parse_published

    db = Database(f"sqlite:///{tmp_path / 'seed.db'}")
    try:
        articles = iter_articles([str(SEED_ARTICLE)], published=parse_published("2017-04-07"))
        assert load_articles(db, articles).loaded == 1
        with db.session() as session:
            events = list(iter_events(session, EventFilter()))
    finally:
        db.close()
    assert len(events) > 5

    assert write_xlsx(events, tmp_path / "seed.xlsx") == len(events)
    rows = list(load_workbook(tmp_path / "seed.xlsx")["events"].iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == [e.id for e in events]

    out = io.StringIO()
    located = sum(1 for e in events for p in e.locations if p.latitude is not None)
    assert write_geojson(events, out) == located > 0
    for feature in json.loads(out.getvalue())["features"]:
        longitude, latitude = feature["geometry"]["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90

    acled = profile_rows(events, "acled")
    gdelt = profile_rows(events, "gdelt")
    for event, a, g in zip(events, acled, gdelt, strict=True):
        assert datetime.strptime(a["event_date"], "%d %B %Y").date().isoformat() >= (
            event.date_start
        )
        assert a["time_precision"] in {"1", "2", "3"}
        assert g["SQLDATE"] == event.date_start.replace("-", "")
        assert g["EventCode"] == event.event_code
    moscow = [g for g in gdelt if g["ActionGeo_FullName"] == "Moscow, Russia"]
    assert moscow and all(g["ActionGeo_CountryCode"] == "RS" for g in moscow)

    page = io.StringIO()
    assert write_html(events, page, title="Seed") == len(events)
    assert page.getvalue().count('"event_code":') == len(events)
