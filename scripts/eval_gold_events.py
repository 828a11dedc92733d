"""Score the events `timeline` stores for whole articles against gold events (events-gold).

    .venv/bin/python scripts/eval_gold_events.py [GOLD.jsonl ...] [--verbose] [--json]
                                                 [--scorer PATH] [--keep DIR] [--workers N]

GOLD.jsonl (default ../shared/corpora/events-gold/dev.jsonl): articles annotated by
events-gold/GUIDELINES.md. Each file's articles are loaded into a new SQLite database with
`timeline load` (as a user would: the article's publication date, its id as title), listed with
`timeline events --format json`, and scored by the corpus's own scorer
(../shared/tools/score_gold_events.py): precision, recall, and on matched events root, source,
target, status, date, place, all fields at once, and the grouping into happenings. `--verbose`
lists the missed, extra and wrong events; `--keep DIR` keeps the database and the listed events.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = SHARED / "corpora" / "events-gold" / "dev.jsonl"
DEFAULT_SCORER = SHARED / "tools" / "score_gold_events.py"


def timeline(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "timeline", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def evaluate(gold: Path, scorer: Path, folder: Path, workers: int, extra: list[str]) -> int:
    inputs = folder / "articles.jsonl"
    database = folder / "gold.db"
    events = folder / "events.json"
    subprocess.run(
        [sys.executable, str(scorer), str(gold), "--write-input", str(inputs)], check=True
    )
    loaded = timeline("--db", str(database), "load", str(inputs), "--workers", str(workers))
    print(loaded.stderr.strip().splitlines()[-1] if loaded.stderr.strip() else "", file=sys.stderr)
    if loaded.returncode != 0:
        print(loaded.stderr, file=sys.stderr)
        return loaded.returncode
    listed = timeline("--db", str(database), "events", "--limit", "10000000", "--format", "json")
    if listed.returncode != 0:
        print(listed.stderr, file=sys.stderr)
        return listed.returncode
    events.write_text(listed.stdout, encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(events), *extra], check=False
    )
    return scored.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=[DEFAULT_GOLD])
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--verbose", action="store_true", help="list missed, extra, wrong events")
    parser.add_argument("--json", action="store_true", help="the scorer's figures as JSON")
    parser.add_argument("--keep", type=Path, help="keep the databases and listings here")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    extra = [flag for flag, on in (("--verbose", args.verbose), ("--json", args.json)) if on]
    status = 0
    for gold in args.gold:
        print(f"== {gold}", file=sys.stderr)
        if args.keep:
            folder = args.keep / gold.stem
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("gold.db*"):
                old.unlink()
            status |= evaluate(gold, args.scorer, folder, args.workers, extra)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                status |= evaluate(gold, args.scorer, Path(tmp), args.workers, extra)
    return status


if __name__ == "__main__":
    sys.exit(main())
