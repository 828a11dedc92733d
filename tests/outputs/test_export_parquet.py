"""Parquet export: the CSV's columns, typed, read back with pyarrow and with DuckDB.

Runs on SQLite and on the PostgreSQL server (TIMELINE_TEST_POSTGRES_URL).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from records_factory import extraction

from timeline.cli import cli
from timeline.database.store import save
from timeline.outputs.events import CSV_COLUMNS, LIST_COLUMNS


@pytest.fixture
def stored(database):
    with database.session() as session:
        save(session, extraction())
    return database.url


def export(url: str, *args: str):
    return CliRunner().invoke(cli, ["--db", url, "export", *args], catch_exceptions=False)


def test_parquet_has_the_csv_columns_typed(stored, tmp_path):
    path = tmp_path / "events.parquet"
    result = export(stored, "--format", "parquet", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert "exported 2 events" in result.stderr
    table = pq.read_table(path)
    assert table.column_names == list(CSV_COLUMNS)
    schema = table.schema
    assert schema.field("date_start").type == pa.date32()
    assert schema.field("date_end").type == pa.date32()
    assert schema.field("published_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("event_id").type == pa.int64()
    assert schema.field("quad_class").type == pa.int8()
    assert schema.field("goldstein").type == pa.float64()
    for name in LIST_COLUMNS:
        assert schema.field(name).type == pa.list_(pa.string()), name
    strike, visit = table.to_pylist()
    assert strike["date_start"] == date(2017, 4, 6)
    assert strike["source_actors"] == ["United States"]
    assert strike["target_actor_codes"] == ["SYR"]
    assert visit["source_actor_codes"] == ["USAGOV"] and visit["target_actors"] == []
    assert visit["location_country_codes"] == ["RUS"] and visit["actor_country_codes"] == ["USA"]
    assert visit["latitude"] == pytest.approx(55.75222)
    assert visit["published_at"] == datetime(2017, 4, 7, 9, 30, tzinfo=UTC)

    # the same values as the CSV, once the lists are joined and the dates written
    rows = list(csv.DictReader(io.StringIO(export(stored).stdout, newline="")))
    for row, typed in zip(rows, table.to_pylist(), strict=True):
        for name in CSV_COLUMNS:
            value = typed[name]
            if name in LIST_COLUMNS:
                value = "; ".join(item or "" for item in value)
            elif isinstance(value, date):  # datetimes too
                value = value.isoformat()
            assert ("" if value is None else str(value)) == row[name], name


def test_duckdb_reads_the_parquet_export(stored, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "events.parquet"
    assert export(stored, "--format", "parquet", "-o", str(path)).exit_code == 0
    connection = duckdb.connect()
    types = dict(
        connection.execute(f"SELECT column_name, column_type FROM (DESCRIBE '{path}')").fetchall()
    )
    assert types["date_start"] == "DATE" and types["source_actors"] == "VARCHAR[]"
    assert types["published_at"].startswith("TIMESTAMP WITH TIME ZONE")
    found = connection.execute(
        f"SELECT event_id, date_start FROM '{path}' "
        "WHERE list_contains(source_actors, 'Rex Tillerson') AND date_start >= DATE '2017-04-10'"
    ).fetchall()
    assert len(found) == 1 and found[0][1] == date(2017, 4, 11)
    by_quad = connection.execute(
        f"SELECT quad_class, count(*) FROM '{path}' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert by_quad == [(1, 1), (4, 1)]


def test_parquet_of_no_events_and_the_filters(stored, tmp_path):
    path = tmp_path / "none.parquet"
    result = export(stored, "--format", "parquet", "-o", str(path), "--type", "18")
    assert result.exit_code == 0, result.output
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.column_names == list(CSV_COLUMNS)
    only = tmp_path / "fights.parquet"
    assert export(stored, "--format", "parquet", "-o", str(only), "--quad", "4").exit_code == 0
    assert pq.read_table(only).column("event_code").to_pylist() == ["195"]


def test_parquet_needs_a_file(stored):
    result = export(stored, "--format", "parquet")
    assert result.exit_code == 2 and "-o FILE.parquet" in result.stderr
