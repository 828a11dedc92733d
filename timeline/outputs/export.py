"""Exports: the events a filter selects, in one export format, to a file or a stream.

The format decides the path: CSV straight from the records (in several processes when the
listing is large, `timeline.outputs.parallel`), a profile (ACLED, GDELT), an HTML page, GeoJSON,
a spreadsheet, Parquet, or a listing format (JSON, JSON Lines, the table). A file appears only once
complete (`timeline.outputs.files`).
"""

from __future__ import annotations

from typing import TextIO

from timeline.database.engine import Database
from timeline.database.filters import EventFilter
from timeline.database.listing import count_events, iter_events
from timeline.outputs import BINARY_FORMATS


def export_events(
    db: Database,
    flt: EventFilter,
    output: str | TextIO,
    *,
    fmt: str = "csv",
    profile: str | None = None,
    title: str = "Timeline",
    workers: int | None = None,
) -> int:
    """Write the events of `flt` to `output` (a path, or an open text stream) in one format, or
    as CSV in an ACLED or GDELT `profile`; returns the number written. A CSV export of
    PARALLEL_MIN_EVENTS events or more is written by `workers` processes (default: the number
    of CPUs, at most 4)."""
    with db.connect() as connection:
        if fmt == "csv" and not profile:
            write = _csv_writer(db, connection, flt, workers)
        else:

            def write(out):
                return write_events_as(iter_events(connection, flt), fmt, out, profile, title)

        if isinstance(output, str):
            from timeline.outputs.files import write_file

            return write_file(output, write, by_path=fmt in BINARY_FORMATS)
        return write(output)


def _csv_writer(db: Database, connection, flt: EventFilter, workers: int | None):
    """write(out) of the CSV export: in parts by several processes when the listing is large."""
    from timeline.outputs.events import write_csv
    from timeline.outputs.parallel import PARALLEL_MIN_EVENTS, default_workers, write_csv_in_parts

    workers = workers or default_workers()
    if workers > 1 and flt.limit is None and count_events(connection, flt) >= PARALLEL_MIN_EVENTS:
        return lambda out: write_csv_in_parts(db.url, flt, out, workers)
    return lambda out: write_csv(iter_events(connection, flt), out)


def write_events_as(events, fmt: str, out, profile: str | None = None, title: str = "Timeline"):
    """Write events in one export format to a text stream (or, for xlsx and parquet, a path)."""
    if profile:
        from timeline.outputs.profiles import write_profile

        return write_profile(events, profile, out)
    if fmt == "html":
        from timeline.outputs.html import write_html

        return write_html(events, out, title=title)
    if fmt == "geojson":
        from timeline.outputs.geo import write_geojson

        return write_geojson(events, out)
    if fmt == "xlsx":
        from timeline.outputs.sheets import write_xlsx

        return write_xlsx(events, out)
    if fmt == "parquet":
        from timeline.outputs.parquet import write_parquet

        return write_parquet(events, out)
    from timeline.outputs.events import write_events

    return write_events(events, fmt, out)
