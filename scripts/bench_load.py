"""Load benchmark: articles/s and events/s of `timeline load` on real news text.

    python scripts/bench_load.py                     # 2,000 articles, 1 and 2 workers, both DBs
    python scripts/bench_load.py --quick             # 200 articles
    python scripts/bench_load.py --corpus DIR ...    # folders of TimeML .tml files
    python scripts/bench_load.py --corpus DIR --articles 58 --write articles.jsonl

The articles are the texts of the TimeML corpora (default: ../shared/corpora/timeml/*, each with
its <DCT> as publication time), repeated until there are N of them; a repeat gets a one-line
marker so that its content hash differs (otherwise the loader would skip it as a duplicate). They
are written to one JSON Lines file and loaded with the real console script (`python -m timeline
load FILE --workers W`) into a fresh database; wall time, articles/s, events/s and the peak memory
of the whole process tree (the loader and its workers) are reported. Prints a table and writes
JSON (--json, default bench_load.json).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from timeml import read_tml  # noqa: E402

DEFAULT_CORPORA = [
    ROOT.parent / "shared" / "corpora" / "timeml" / "tbaq-cleaned",
    ROOT.parent / "shared" / "corpora" / "timeml" / "meantime-dev",
]


def write_articles(corpora: list[Path], count: int, out: Path) -> dict:
    documents = []
    for folder in corpora:
        for path in sorted(Path(folder).rglob("*.tml")):
            document = read_tml(path)
            documents.append((document.text, document.dct.isoformat(), path.name))
    if not documents:
        raise SystemExit(f"no .tml files in {', '.join(map(str, corpora))}")
    words = 0
    with out.open("w", encoding="utf-8") as handle:
        for i in range(count):
            body, published, name = documents[i % len(documents)]
            copy = i // len(documents)
            if copy:
                body = f"{body}\n\n(Copy {copy} of {name}.)"
            words += len(body.split())
            record = {"text": body, "published": published, "title": name, "source": "TimeML"}
            handle.write(json.dumps(record) + "\n")
    return {"articles": count, "distinct_texts": len(documents), "words": words}


def postgres_url() -> tuple[str, object]:
    base = make_url(
        os.environ.get("TIMELINE_BENCH_POSTGRES_URL")
        or os.environ.get("TIMELINE_TEST_POSTGRES_URL")
        or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    name = f"timeline_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return base.set(database=name).render_as_string(hide_password=False), drop


def run_load(url: str, source: Path, workers: int) -> dict:
    command = [
        sys.executable,
        "-m",
        "timeline",
        "--db",
        url,
        "load",
        str(source),
        "--workers",
        str(workers),
    ]
    started = time.perf_counter()
    # the peak resident memory of the loader and of its worker processes (RUSAGE_CHILDREN
    # reports the largest child, so run it under /usr/bin/time when available)
    timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    done = subprocess.run(timer + command, capture_output=True, text=True, cwd=ROOT, check=False)
    seconds = time.perf_counter() - started
    lines = done.stderr.strip().splitlines()
    summary = next((line for line in reversed(lines) if line.startswith("loaded ")), "")
    if done.returncode != 0 or not summary:
        raise SystemExit(f"load failed ({done.returncode}): {done.stderr[-2000:]}")
    parts = dict(
        (key.strip(), int(value))
        for value, key in (
            (p.split()[-1], " ".join(p.split()[:-1])) for p in summary.split(" (")[0].split(", ")
        )
        if value.isdigit()
    )
    peak_mb = int(lines[-1]) / 1024 if timer and lines[-1].strip().isdigit() else None
    loaded = parts.get("loaded", 0)
    events = parts.get("events stored", 0)
    return {
        "seconds": round(seconds, 1),
        "articles_per_s": round(loaded / seconds, 2),
        "events_per_s": round(events / seconds, 1),
        "loaded": loaded,
        "events": events,
        "peak_mb_largest_process": round(peak_mb) if peak_mb else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 articles instead of 2,000")
    parser.add_argument("--articles", type=int, help="number of articles (overrides --quick)")
    parser.add_argument("--corpus", action="append", type=Path, help="folder of .tml files")
    parser.add_argument("--workers", type=int, action="append", help="worker counts (1 and 2)")
    parser.add_argument("--db", action="append", help="sqlite and/or postgres (both)")
    parser.add_argument("--json", default="bench_load.json")
    parser.add_argument(
        "--write",
        type=Path,
        metavar="FILE",
        help="only write the articles as JSON Lines to FILE (for `timeline load FILE`)",
    )
    args = parser.parse_args()
    count = args.articles or (200 if args.quick else 2000)
    if args.write:
        written = write_articles(args.corpus or DEFAULT_CORPORA, count, args.write)
        print(f"wrote {written['articles']} articles to {args.write}", file=sys.stderr)
        return
    report = {"runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        report["input"] = write_articles(args.corpus or DEFAULT_CORPORA, count, source)
        for target in args.db or ["sqlite", "postgres"]:
            for workers in args.workers or [1, 2]:
                drop = None
                if target == "sqlite":
                    url = f"sqlite:///{tmp}/bench-{workers}.db"
                else:
                    url, drop = postgres_url()
                try:
                    print(
                        f"{target}, {workers} worker(s): loading {count} articles", file=sys.stderr
                    )
                    result = run_load(url, source, workers)
                finally:
                    if drop:
                        drop()
                report["runs"].append({"database": target, "workers": workers, **result})
    print(f"\nload of {count} articles ({report['input']['words']:,} words)")
    print(
        f"{'database':<10}{'workers':>8}{'seconds':>10}{'articles/s':>12}{'events/s':>10}"
        f"{'peak MB':>9}"
    )
    for run in report["runs"]:
        print(
            f"{run['database']:<10}{run['workers']:>8}{run['seconds']:>10}"
            f"{run['articles_per_s']:>12}{run['events_per_s']:>10}"
            f"{run['peak_mb_largest_process'] or '-':>9}"
        )
    Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
