"""A large CSV export in parallel: the listing cut into consecutive parts by date
(`query.split_listing`), each part read from the database and written by its own process into a
file of its own, then the files joined in order after the header. The bytes are those of the
serial export (`events.write_csv`).

Reading an event's row, its actors and places and formatting its CSV row cost about the same;
both are done once per event, so with N processes on N cores an export takes about 1/N of the
time. The parts are files, not pipes: a process never waits for another.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from typing import TextIO

# fewer events than this are exported in this process: starting the others would cost more
PARALLEL_MIN_EVENTS = 100_000


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def write_csv_in_parts(url: str, flt, out: TextIO, workers: int) -> int:
    """Write the CSV of the listing `flt` (no limit) on the database at `url` to `out`, in `workers`
    processes. Returns the number of events."""
    from timeline.database.engine import Database
    from timeline.database.filters import split_listing
    from timeline.outputs.events import write_csv

    with Database(url, migrate=False) as db, db.connect() as connection:
        parts = split_listing(connection, flt, workers)
    with tempfile.TemporaryDirectory(prefix="timeline-export-") as folder:
        paths = [os.path.join(folder, f"part-{n}.csv") for n in range(len(parts))]
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            jobs = [pool.submit(_write_part, url, flt, part, path) for part, path in zip(
                parts, paths, strict=True
            )]  # fmt: skip
            counts = [job.result() for job in jobs]
        write_csv((), out)  # the header
        for path in paths:
            with open(path, encoding="utf-8", newline="") as part_file:
                shutil.copyfileobj(part_file, out, 1 << 20)
    return sum(counts)


def _write_part(url: str, flt, part, path: str) -> int:
    """In a worker: one part of the listing, as CSV rows without the header."""
    from timeline.database.engine import Database
    from timeline.database.listing import iter_events
    from timeline.outputs.events import write_csv

    with (
        Database(url, migrate=False) as db,
        db.connect() as connection,
        open(path, "w", encoding="utf-8", newline="") as out,
    ):
        return write_csv(iter_events(connection, flt, part), out, header=False)
