"""Export: CSV and JSON round-trips of stored events, streamed."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from records_factory import extraction

from timeline.database.filters import EventFilter
from timeline.database.listing import iter_events
from timeline.database.store import save
from timeline.outputs.events import CSV_COLUMNS, write_events


def exported(database, fmt: str) -> str:
    with database.session() as session:
        save(session, extraction())
        out = io.StringIO(newline="")
        write_events(iter_events(session, EventFilter()), fmt, out)
        return out.getvalue()


def test_csv_round_trip(database):
    text = exported(database, "csv")
    assert text.startswith(",".join(CSV_COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["trigger"] for row in rows] == ["launched", "arrives"]
    strike, visit = rows
    assert strike["source_actors"] == "United States"
    assert strike["target_actors"] == "Syria"
    assert strike["date_start"] == strike["date_end"] == "2017-04-06"
    assert strike["quad_class"] == "4"
    assert visit["locations"] == "Moscow"
    assert visit["location_country_codes"] == "RUS"  # the place's country
    assert visit["actor_country_codes"] == "USA"  # apart from the actors'
    assert visit["source_actor_codes"] == "USAGOV" and visit["target_actor_codes"] == ""
    assert strike["source_actor_codes"] == "USA" and strike["target_actor_codes"] == "SYR"
    assert float(visit["latitude"]) == 55.75222
    assert visit["article_url"] == "https://example.org/a"
    assert visit["sentence"] == "Tillerson arrives in Moscow on Tuesday."


def test_csv_quotes_commas_quotes_and_newlines(database):
    from timeline.outputs.events import write_csv

    event = next(iter_events_of(database))
    event = event._replace(sentence='He said "no", then\nleft; twice')
    out = io.StringIO(newline="")
    write_csv([event], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert row["sentence"] == 'He said "no", then\nleft; twice'


def test_csv_codes_stay_aligned_with_their_actors(database):
    """One code per actor of a role, in the same order, an empty item for an actor without a
    code: the n-th code is the n-th name's."""
    from timeline.database.record import Participant
    from timeline.outputs.events import csv_cells

    event = next(iter_events_of(database))
    event = event._replace(
        actors=[
            Participant("Rex Tillerson", "source", "person", "USA", "USAGOV"),
            Participant("Lucca council", "source", "organization", "ITA", None),
            Participant("Sergey Lavrov", "source", "person", "RUS", "RUSGOV"),
            Participant("Russia", "target", "country", "RUS", "RUS"),
        ]
    )
    row = csv_cells(event)
    names, codes = row["source_actors"].split("; "), row["source_actor_codes"].split("; ")
    assert list(zip(names, codes, strict=True)) == [
        ("Rex Tillerson", "USAGOV"),
        ("Lucca council", ""),
        ("Sergey Lavrov", "RUSGOV"),
    ]
    assert row["target_actors"] == "Russia" and row["target_actor_codes"] == "RUS"
    assert row["actor_country_codes"] == "USA; ITA; RUS"


def test_no_csv_column_is_always_empty_on_the_seed(database):
    text = exported(database, "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert "other_actors" not in CSV_COLUMNS
    for column in CSV_COLUMNS:  # each column holds a value in some row
        assert any(row[column] for row in rows), column


def iter_events_of(database):
    with database.session() as session:
        save(session, extraction())
        yield from iter_events(session, EventFilter())


def test_json_and_jsonl_agree(database):
    as_json = json.loads(exported(database, "json"))
    as_lines = [json.loads(line) for line in exported(database, "jsonl").splitlines()]
    assert as_json == as_lines
    assert as_json[1]["actors"][0]["name"] == "Rex Tillerson"


def test_empty_json_is_an_empty_list():
    from timeline.outputs.formatting import write_json

    out = io.StringIO()
    write_json(iter([]), out)
    assert json.loads(out.getvalue()) == []


def test_writers_stream():
    """A writer consumes its input lazily: the first row is out before the last is made."""
    from timeline.outputs.formatting import write_jsonl

    out = io.StringIO()
    seen_output = []

    def rows():
        for i in range(3):
            seen_output.append(out.getvalue().count("\n"))
            yield {"i": i}

    write_jsonl(rows(), out)
    assert seen_output == [0, 1, 2]


def test_csv_keeps_coordinates_exactly(database):
    """Coordinates come from the database as numbers, never through text that rounds them."""
    from records_factory import MOSCOW

    record = extraction()
    exact = dataclasses.replace(MOSCOW, latitude=55.75222222222222, longitude=37.61556123456789)
    for event in record.events:
        event.locations = [exact if place.name == "Moscow" else place for place in event.locations]
    with database.session() as session:
        save(session, record)
        out = io.StringIO(newline="")
        write_events(iter_events(session, EventFilter(location="Moscow")), "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert row["latitude"] == "55.75222222222222"
    assert row["longitude"] == "37.61556123456789"


def test_csv_rows_are_written_as_csv_writer_writes_them():
    """Rows without quotes or line breaks are joined directly; every other row goes through
    csv.writer: the bytes are the same either way."""
    from timeline.outputs.formatting import write_csv_rows

    width = len(CSV_COLUMNS)
    cells = [
        "plain",
        "",
        None,
        7,
        -0.1,
        1e-05,
        55.75222,
        "a, b",
        'say "no"',
        "two\nlines",
        "cr\rhere",
        "semi; colon",
        " spaced ",
        "ünïcode",
    ]
    rows = [tuple(cells[(i + j) % len(cells)] for j in range(width)) for i in range(len(cells))]
    rows.append(tuple(["x"] * width))
    rows.append(tuple([None] * width))
    expected = io.StringIO(newline="")
    writer = csv.writer(expected, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    out = io.StringIO(newline="")
    assert write_csv_rows(rows, CSV_COLUMNS, out) == len(rows)
    assert out.getvalue() == expected.getvalue()


def csv_row_of_json(event: dict) -> tuple:
    """The CSV row of an event, computed from its JSON shape: the reference the export's CSV is
    checked against."""
    article, actors, places = event["article"], event["actors"], event["locations"]

    def names(role: str, field: str = "name") -> str:
        return "; ".join(a[field] or "" for a in actors if a["role"] == role)

    def once(codes) -> str:
        return "; ".join(dict.fromkeys(c for c in codes if c))

    located = [p for p in places if p["latitude"] is not None]
    own = [event[name] for name in CSV_COLUMNS[1:12]]  # date_start .. status
    return (
        event["id"],
        *own,
        names("source"),
        names("source", "code"),
        names("target"),
        names("target", "code"),
        once(a["country_code"] for a in actors),
        "; ".join(p["name"] for p in places),
        once(p["country_code"] for p in places),
        located[0]["latitude"] if located else None,
        located[0]["longitude"] if located else None,
        event["sentence"],
        article["id"],
        article["title"],
        article["url"],
        article["source"],
        article["published_at"],
        article["published_granularity"],
        event["happening_id"],
        event["happening_mentions"],
        event["happening_articles"],
        event["happening_sources"],
    )


def test_csv_of_records_is_the_csv_of_their_json(database):
    """The export's CSV (straight from the records) holds what the events' JSON shape holds, in
    either order and with filters; dates and publication times come out as ISO strings."""
    from timeline.outputs.events import event_json, write_csv
    from timeline.outputs.formatting import write_csv_rows

    with database.session() as session:
        save(session, extraction())
        for flt in (EventFilter(), EventFilter(order="-date"), EventFilter(location="Moscow")):
            records = list(iter_events(session, flt))
            from_records, from_json = io.StringIO(newline=""), io.StringIO(newline="")
            write_csv(records, from_records)
            rows = [csv_row_of_json(event_json(record)) for record in records]
            write_csv_rows(rows, CSV_COLUMNS, from_json)
            assert from_records.getvalue() == from_json.getvalue()
        (record, *_) = iter_events(session, EventFilter())
        assert record.date_start == "2017-04-06"
        assert record.article_published_at.startswith("2017-04-")
        assert record.article_published_at.endswith("+00:00")


def test_records_are_the_same_whether_every_actor_is_read_up_front_or_as_met(database):
    """A listing without a limit reads all actors and places at once, a limited one those of its
    rows: the same records."""
    with database.session() as session:
        save(session, extraction())
        everything = list(iter_events(session, EventFilter()))
        limited = list(iter_events(session, EventFilter(limit=1000)))
    assert everything == limited
    assert any(record.actors for record in everything)
    assert any(record.locations for record in everything)


def test_a_csv_export_in_parts_is_the_serial_export(database, monkeypatch, tmp_path):
    """`timeline export --workers N` cuts the listing into parts by date, writes each in its own
    process and joins them: the same bytes as one process, events without a date included, in
    either order and with filters."""
    from click.testing import CliRunner
    from records_factory import varied_events

    import timeline.outputs.parallel as parallel
    from timeline.cli import cli
    from timeline.database.filters import split_listing

    varied_events(database)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_EVENTS", 0)
    for options in ([], ["--order", "-date"], ["--actor", "Actor 0", "--since", "1996-06-01"]):
        outputs = {}
        for workers in (1, 3):
            path = tmp_path / f"{workers}.csv"
            result = CliRunner().invoke(
                cli,
                ["--db", database.url, "export", "-o", str(path), "--workers", str(workers),
                 *options],
                catch_exceptions=False,
            )  # fmt: skip
            assert result.exit_code == 0, result.output
            outputs[workers] = path.read_bytes()
        assert outputs[3] == outputs[1], options
        assert outputs[1].count(b"\r\n") > 50
    with database.connect() as connection:
        parts = split_listing(connection, EventFilter(), 3)
    assert len(parts) == 4 and sum(part.undated for part in parts) == 1
