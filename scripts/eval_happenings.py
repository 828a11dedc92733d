"""How well loading groups mentions into happenings, on gold articles (events-gold).

    .venv/bin/python scripts/eval_happenings.py [GOLD.jsonl ...] [--workers N] [--reversed]
                                                [--json]

Loads each gold file's articles as a user would (`scripts/eval_gold_events.py`: a new SQLite
database, `timeline load`, `timeline events --format json`) and prints, on the mentions the
corpus's scorer matches to gold events, how the system's `happening_id` groups them against the
gold `happening`: pairs of mentions put together (precision, recall, F1), B-cubed, and the two
baselines the scorer computes on the same mentions (every mention alone; the key (date, source,
target, root) that R's rpolecat deduplicates POLECAT by), with the number of gold pairs.
`--reversed` loads the articles in the reverse order (the grouping must not change).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_gold_events import DEFAULT_GOLD, DEFAULT_SCORER  # noqa: E402


def load_and_list(gold: Path, scorer: Path, folder: Path, workers: int, backwards: bool) -> Path:
    inputs, database, listed = folder / "articles.jsonl", folder / "gold.db", folder / "events.json"
    subprocess.run(
        [sys.executable, str(scorer), str(gold), "--write-input", str(inputs)], check=True
    )
    if backwards:
        lines = inputs.read_text(encoding="utf-8").splitlines(keepends=True)
        inputs.write_text("".join(reversed(lines)), encoding="utf-8")
    for args in (
        ["load", str(inputs), "--workers", str(workers)],
        ["events", "--limit", "10000000", "--format", "json"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "timeline", "--db", str(database), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            sys.exit(done.stderr.strip() or f"timeline {args[0]} failed")
    listed.write_text(done.stdout, encoding="utf-8")
    return listed


def figures(gold: Path, scorer: Path, listed: Path) -> dict:
    scored = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(listed), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(scored.stdout)["happenings"]


def line(name: str, x: dict | None) -> str:
    if x is None:
        return f"  {name:<13} none in the output"
    return (
        f"  {name:<13} pairs P {x['pair_p']:6.1%}  R {x['pair_r']:6.1%}  F1 {x['pair_f1']:6.1%}"
        f"   B-cubed P {x['p']:6.1%}  R {x['r']:6.1%}  F1 {x['f1']:6.1%}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=[DEFAULT_GOLD])
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--reversed", action="store_true", help="load the articles backwards")
    parser.add_argument("--json", action="store_true", help="the figures as JSON")
    args = parser.parse_args()
    report = {}
    for gold in args.gold:
        with tempfile.TemporaryDirectory() as tmp:
            listed = load_and_list(gold, args.scorer, Path(tmp), args.workers, args.reversed)
            report[str(gold)] = figures(gold, args.scorer, listed)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for gold, h in report.items():
        if h is None:
            print(f"{gold}: no matched mention has a gold happening")
            continue
        print(
            f"{gold}: {h['mentions']} matched mentions, {h['gold_happenings']} gold happenings, "
            f"{h['gold_pairs']} gold pairs"
        )
        for name in ("system", "key_baseline", "singletons"):
            print(
                line(
                    {"key_baseline": "key baseline", "singletons": "each alone"}.get(name, name),
                    h[name],
                )
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
