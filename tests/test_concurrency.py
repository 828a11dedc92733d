"""Concurrency: loaders and readers at the same time, as separate processes (the real command).

SQLite: two loaders on overlapping folders while two readers run `timeline stats` and
`timeline events` over and over; no command may fail ("database is locked" must never reach the
user). PostgreSQL: four loaders on overlapping folders against the real server, all starting on
an empty database. Afterwards, on both: a sound database (the crash tests' checks), no article,
actor or place stored twice, and the same content as one clean load of all the articles.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_crash import (
    environment,
    fresh_database,
    integrity_problems,
    kinds,
    load_in_process,
    skip_without_server,
    snapshot,
    write_corpus,
)

LOADED = re.compile(r"loaded (\d+), skipped (\d+) as duplicates, failed (\d+)")


def overlapping_folders(corpus: Path, root: Path, count: int, size: int) -> list[Path]:
    """`count` folders, the i-th holding `size` consecutive articles of the corpus starting at
    the i-th (wrapping round): neighbours share articles, together they hold them all."""
    files = sorted(corpus.iterdir())
    folders = []
    for i in range(count):
        folder = root / f"loader{i}"
        folder.mkdir()
        start = i * len(files) // count
        for k in range(size):
            chosen = files[(start + k) % len(files)]
            shutil.copy(chosen, folder / chosen.name)
        folders.append(folder)
    assert {p.name for f in folders for p in f.iterdir()} == {p.name for p in files}
    return folders


def timeline(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "timeline", "--db", url, *args]


def comparable(content: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Content that does not depend on which loader wrote first: actors by key only (the
    display name and codes come from whichever article created the row)."""
    content = dict(content)
    content["actors"] = sorted(row[:2] for row in content["actors"])
    return content


def finish(processes: list[subprocess.Popen], timeout: float = 600) -> list[tuple[int, str]]:
    results = []
    for process in processes:
        _, stderr = process.communicate(timeout=timeout)
        results.append((process.returncode, stderr))
    return results


@pytest.mark.stress
@pytest.mark.parametrize("kind", kinds())
def test_concurrent_loaders_and_readers(kind: str, tmp_path: Path) -> None:
    skip_without_server(kind)
    corpus = tmp_path / "corpus"
    total = write_corpus(corpus)
    loaders = 2 if kind == "sqlite" else 4
    folders = overlapping_folders(corpus, tmp_path, loaders, size=7 if loaders == 2 else 5)

    with fresh_database(kind, tmp_path, "reference") as url:
        load_in_process(url, corpus)
        reference = comparable(snapshot(url))

    with fresh_database(kind, tmp_path, "shared") as url:
        # every loader starts on an empty database: they also race to create the schema
        running = [
            subprocess.Popen(
                timeline(url, "load", str(folder)),
                env=environment(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for folder in folders
        ]
        reads: list[tuple[int, str]] = []
        while any(process.poll() is None for process in running):
            for command in (("stats",), ("events", "--format", "json", "--actor", "Russia")):
                done = subprocess.run(
                    timeline(url, *command), env=environment(), capture_output=True, text=True
                )
                if "no database at" in done.stderr:  # a reader before the first loader
                    continue
                reads.append((done.returncode, done.stderr))
            time.sleep(0.05)
        results = finish(running)

        for code, stderr in results:
            assert code == 0, stderr
            assert "locked" not in stderr and "Error" not in stderr, stderr
        for code, stderr in reads:
            assert code == 0 and not stderr.strip(), stderr
        assert reads, "no reader ran while the loaders worked"
        counts = [tuple(map(int, LOADED.search(stderr).groups())) for _, stderr in results]
        assert sum(loaded for loaded, _, _ in counts) == total, counts
        assert sum(failed for _, _, failed in counts) == 0, counts
        assert integrity_problems(url) == []
        assert comparable(snapshot(url)) == reference
