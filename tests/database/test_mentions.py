"""Place mentions stored per article and listed by `timeline places --mentions`; each event's
places with where the article ties them (place_source) and their precision; the migration that
adds them fills what the older schema knew. On SQLite and PostgreSQL; articles written for these
tests."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from timeline.cli import cli
from timeline.database.engine import Database, downgrade, upgrade

# An article with a dateline, a qualified name and a place standing for its government
ARTICLE = (
    "\n\nSPRINGFIELD, Ill. (AP) -- Police arrested two men in Peoria on Tuesday after a chase "
    "that began in Paris, Tenn.\r\n\nMoscow expelled two diplomats, officials said.\n"
)


def run(db_url: str, *args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["--db", db_url, *args], input=input, catch_exceptions=False)


@pytest.fixture
def loaded(db_url, tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    result = run(db_url, "load", str(path), "--published", "2021-03-09", "--source", "Wire")
    assert result.exit_code == 0, result.output
    return db_url


def mentions(db_url: str, *args: str) -> list[dict]:
    result = run(db_url, "places", "--mentions", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_mention_with_its_span_into_the_text_as_given(loaded):
    found = mentions(loaded)
    assert [m["text"] for m in found] == ["SPRINGFIELD", "Ill.", "Peoria", "Paris", "Tenn."]
    for mention in found:
        assert ARTICLE[mention["start"] : mention["end"]] == mention["text"]
    first = found[0]
    assert first["article"]["id"] == 1 and first["article"]["source"] == "Wire"
    assert set(first["article"]) == {"id", "title", "url", "source", "published_at"}
    assert set(first) == {
        "article", "text", "start", "end", "name", "geonames_id", "feature", "country_code",
        "admin1", "latitude", "longitude",
    }  # fmt: skip
    paris = found[3]
    assert (paris["name"], paris["admin1"], paris["feature"]) == ("Paris", "Tennessee", "city")
    assert paris["geonames_id"] and paris["latitude"] == pytest.approx(36.3, abs=0.1)


def test_mentions_of_one_article_and_the_summary_stays(loaded):
    assert mentions(loaded, "--article", "1")
    assert mentions(loaded, "--article", "2") == []
    table = run(loaded, "places", "--mentions")
    assert table.exit_code == 0 and "Peoria" in table.stdout and "article_id" in table.stdout
    summary = run(loaded, "places")
    assert summary.exit_code == 0 and "events" in summary.stdout.splitlines()[0]


def test_article_without_mentions_is_a_usage_error(loaded):
    result = run(loaded, "places", "--article", "1")
    assert result.exit_code == 2
    assert "--mentions" in result.output


def test_event_places_say_where_they_come_from(loaded):
    result = run(loaded, "events", "--format", "json")
    events = {e["trigger"]: e for e in json.loads(result.stdout)}
    arrested = events["arrested"]["locations"]
    assert [(p["name"], p["place_source"], p["precision"]) for p in arrested] == [
        ("Peoria", "phrase", 1)
    ]
    assert all("place_source" in p for e in events.values() for p in e["locations"])


def test_location_and_country_filters(loaded):
    # "Illinois": the places of that region too (Peoria, and Springfield of the dateline)
    result = run(loaded, "events", "--location", "Illinois", "--format", "json")
    found = json.loads(result.stdout)
    assert "arrested" in [e["trigger"] for e in found]
    assert all(any(p["admin1"] == "Illinois" for p in e["locations"]) for e in found)
    result = run(loaded, "events", "--location", "Peoria", "--format", "json")
    assert [e["trigger"] for e in json.loads(result.stdout)] == ["arrested"]
    result = run(loaded, "events", "--country", "USA", "--format", "json")
    assert "arrested" in [e["trigger"] for e in json.loads(result.stdout)]


def test_reprocess_replaces_the_mentions(loaded, tmp_path):
    before = mentions(loaded)
    path = tmp_path / "article.txt"
    result = run(loaded, "load", str(path), "--published", "2021-03-09", "--reprocess")
    assert result.exit_code == 0, result.output
    assert mentions(loaded) == before


def test_the_migration_fills_existing_rows(loaded):
    """Taken below the revision that adds mentions and back: features get their new names,
    every event place is from its phrase with its feature's precision, and the spans events
    recorded become mentions."""
    with Database(loaded) as db:
        downgrade(db.engine, "d2e8b4c6a1f9")
    engine = create_engine(loaded)
    with engine.begin() as connection:  # as an older version stored them
        connection.execute(text("UPDATE locations SET feature = 'state' WHERE feature = 'region'"))
    engine.dispose()
    with Database(loaded) as db:
        upgrade(db.engine)
    found = mentions(loaded)
    assert "Peoria" in [m["text"] for m in found]
    result = run(loaded, "events", "--format", "json")
    places = [p for e in json.loads(result.stdout) for p in e["locations"]]
    assert places and all(p["place_source"] == "phrase" for p in places)
    assert all(p["precision"] in (1, 2, 3) for p in places)
    assert all(p["feature"] != "state" for p in places)
