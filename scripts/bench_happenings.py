"""Speed of grouping into happenings: loading articles into a database that already holds many
events takes about as long as into an empty one, since a new mention's candidates are looked up
through indexes (by actor, place or lemma, within a date window), not by reading the events.

    python scripts/bench_happenings.py --keep /tmp/bench          # 200 articles, 1,000,000 events
    python scripts/bench_happenings.py --events 100000 --articles 50
    python scripts/bench_happenings.py --keep /tmp/bench --in-bench-years

The full database is generated once by scripts/bench_query.py's generator (synthetic actors,
places and words over 2015-2024, each event its own happening) and kept in --keep DIR
(bench-N.db, the file scripts/bench_query.py --keep DIR writes too); each run loads the articles
(the TimeML corpora's texts, as scripts/bench_load.py writes them) with `timeline load` into a
copy of it and into an empty database (its schema made before the clock starts), --runs times in
turn, and compares the fastest wall times, and the least CPU time of the loader (steadier on a
machine shared with other work).
`--in-bench-years` moves the articles' publication dates into 2019, so that their mentions'
date windows hold the generated events (by default the corpora's 1990s dates hold none of them).
Prints a table and writes JSON (--json, default bench_happenings.json).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from bench_load import DEFAULT_CORPORA, run_load, write_articles  # noqa: E402
from bench_query import generate  # noqa: E402

from timeline.database.engine import Database  # noqa: E402

LIMIT = 1.10  # at most 10 % longer


def full_database(folder: Path, events: int) -> Path:
    path = folder / f"bench-{events}.db"
    if not path.exists():
        print(f"generating {events:,} events into {path}", file=sys.stderr)
        db = Database(f"sqlite:///{path}")
        generate(db, events)
        db.close()
    return path


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def moved_to_bench_years(source: Path, out: Path) -> Path:
    with source.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as handle:
        for line in lines:
            record = json.loads(line)
            record["published"] = "2019" + record["published"][4:]
            handle.write(json.dumps(record) + "\n")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the full database in DIR")
    parser.add_argument("--corpus", action="append", type=Path, help="folder of .tml files")
    parser.add_argument("--in-bench-years", action="store_true")
    parser.add_argument("--json", default="bench_happenings.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = args.keep or tmp
        folder.mkdir(parents=True, exist_ok=True)
        full = full_database(folder, args.events)
        source = tmp / "articles.jsonl"
        written = write_articles(args.corpus or DEFAULT_CORPORA, args.articles, source)
        if args.in_bench_years:
            source = moved_to_bench_years(source, tmp / "articles-2019.jsonl")
        times: dict[str, list[float]] = {"empty": [], "full": []}
        cpu: dict[str, list[float]] = {"empty": [], "full": []}
        for run in range(args.runs):
            for name in ("empty", "full"):
                target = tmp / f"{name}-{run}.db"
                if name == "full":
                    shutil.copyfile(full, target)
                else:  # migrated before the clock starts, as the full one is
                    Database(f"sqlite:///{target}").close()
                before = _children_cpu()
                result = run_load(f"sqlite:///{target}", source, 1)
                times[name].append(result["seconds"])
                cpu[name].append(round(_children_cpu() - before, 1))
                print(
                    f"  run {run + 1}: {name:<5} {result['seconds']:7.1f} s, "
                    f"CPU {cpu[name][-1]:7.1f} s",
                    file=sys.stderr,
                )
                target.unlink()
    best = {name: min(values) for name, values in times.items()}
    ratio = best["full"] / best["empty"]
    least = {name: min(values) for name, values in cpu.items()}
    cpu_ratio = least["full"] / least["empty"]
    report = {
        "events_in_full_database": args.events,
        "articles": written["articles"],
        "in_bench_years": args.in_bench_years,
        "seconds": times,
        "cpu_seconds": cpu,
        "ratio": round(ratio, 3),
        "cpu_ratio": round(cpu_ratio, 3),
        "within_limit": ratio <= LIMIT,
    }
    print(f"\nloading {written['articles']} articles (fastest of {args.runs} runs)")
    print(f"  into an empty database           {best['empty']:7.1f} s")
    print(f"  into one of {args.events:,} events  {best['full']:7.1f} s")
    print(f"  ratio {ratio:.3f} (limit {LIMIT:.2f}): {'ok' if ratio <= LIMIT else 'TOO SLOW'}")
    print(
        f"  CPU of the loader {least['empty']:.1f} s and {least['full']:.1f} s: ratio "
        f"{cpu_ratio:.3f} (on a machine shared with other work, the steadier measure)"
    )
    Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
