"""Parquet export: the CSV's columns with their types, for pandas, DuckDB, Spark and R.

The columns are the CSV export's (`events.CSV_COLUMNS`), with the values of `events.typed_rows`:
`date_start`/`date_end` are dates, `published_at` a UTC timestamp, numbers are numbers, and the
multi-valued columns (actors, their codes, places, countries) are lists of strings, a missing
code a null item. Rows are written in row groups of ROW_GROUP events as they come, so memory
does not grow with the export. pyarrow is imported here only: a listing never loads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from timeline.database.record import EventRecord
from timeline.outputs.events import CSV_COLUMNS, LIST_COLUMNS, typed_rows
from timeline.outputs.formatting import batched

ROW_GROUP = 10_000
DATE_COLUMNS = ("date_start", "date_end")
TIME_COLUMNS = ("published_at",)
INTEGER_COLUMNS = {
    "event_id": "int64",
    "article_id": "int64",
    "quad_class": "int8",
    "happening_id": "int64",
    "happening_mentions": "int64",
    "happening_articles": "int64",
    "happening_sources": "int64",
}
FLOAT_COLUMNS = ("goldstein", "latitude", "longitude")


def schema():
    """The Parquet schema: each CSV column with its type."""
    import pyarrow as pa

    fields = []
    for name in CSV_COLUMNS:
        if name in DATE_COLUMNS:
            kind = pa.date32()
        elif name in TIME_COLUMNS:
            kind = pa.timestamp("us", tz="UTC")
        elif name in INTEGER_COLUMNS:
            kind = getattr(pa, INTEGER_COLUMNS[name])()
        elif name in FLOAT_COLUMNS:
            kind = pa.float64()
        elif name in LIST_COLUMNS:
            kind = pa.list_(pa.string())
        else:
            kind = pa.string()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def _converters() -> list:
    """Per column, what turns the typed row's value into the Parquet one (None: as it is)."""

    def day(value):
        return date.fromisoformat(value) if isinstance(value, str) else value

    def moment(value):
        return datetime.fromisoformat(value) if isinstance(value, str) else value

    return [
        day if name in DATE_COLUMNS else moment if name in TIME_COLUMNS else None
        for name in CSV_COLUMNS
    ]


def write_parquet(events: Iterable[EventRecord], path: str | Path) -> int:
    """Write the events to a Parquet file at `path`; returns the number written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table_schema = schema()
    convert = _converters()
    count = 0
    with pq.ParquetWriter(str(path), table_schema, compression="zstd") as writer:
        for chunk in batched(typed_rows(events), ROW_GROUP):
            columns = []
            for position, name in enumerate(CSV_COLUMNS):
                values = [row[position] for row in chunk]
                if convert[position] is not None:
                    values = [None if v is None else convert[position](v) for v in values]
                columns.append(pa.array(values, type=table_schema.field(name).type))
            writer.write_table(pa.Table.from_arrays(columns, schema=table_schema))
            count += len(chunk)
        if count == 0:  # a file with the columns and no rows
            writer.write_table(table_schema.empty_table())
    return count
