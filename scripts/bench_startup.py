"""Startup benchmark: wall time of `timeline --help`, `timeline events` and `timeline stats`.

    python scripts/bench_startup.py                  # a fresh empty database, 15 runs each
    python scripts/bench_startup.py --db FILE|URL    # an existing database (first page of events)
    python scripts/bench_startup.py --quick          # 5 runs each

Each run is a new process of the installed console script (the one `pip install` made next to
this Python), output to /dev/null, so the figure is what a user waits: interpreter start, imports,
connecting, the query and printing. The machine's other work shows in the spread: quote the
median. Prints a table and writes JSON (--json, default bench_startup.json).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("timeline")


def timed(args: list[str], runs: int) -> dict:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(SCRIPT), *args], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return {
        "runs": runs,
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "max_s": round(max(times), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database to list (default: a new empty one)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int)
    parser.add_argument("--json", default="bench_startup.json")
    args = parser.parse_args()
    if not SCRIPT.exists():
        sys.exit(f"bench_startup: no console script at {SCRIPT}: run 'make install' first")
    runs = args.runs or (5 if args.quick else 15)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "empty.db")
        if not args.db:
            subprocess.run([str(SCRIPT), "--db", db, "init"], check=True, capture_output=True)
        commands = {
            "timeline --help": ["--help"],
            "timeline events": ["--db", db, "events", "--limit", "100"],
            "timeline stats": ["--db", db, "stats"],
        }
        results = {name: timed(command, runs) for name, command in commands.items()}
    print(f"{'command':<18} {'median':>8} {'min':>8} {'max':>8}   ({runs} runs, wall time)")
    for name, result in results.items():
        print(
            f"{name:<18} {result['median_s']:>7.3f}s {result['min_s']:>7.3f}s "
            f"{result['max_s']:>7.3f}s"
        )
    Path(args.json).write_text(json.dumps({"database": args.db or "empty", **results}, indent=2))


if __name__ == "__main__":
    main()
