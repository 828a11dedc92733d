"""Date benchmark: articles/s of the temporal engine against dateparser's search_dates.

    python scripts/bench_dates.py                 # all of tbaq-cleaned; dateparser on 30 articles
    python scripts/bench_dates.py --quick         # 50 articles; dateparser on 10
    python scripts/bench_dates.py --corpus DIR    # another folder of TimeML .tml files

Both run on the same article texts (TimeML <TEXT> without tags, <DCT> as the anchor), one core,
in this process; times are CPU seconds (time.process_time), so a busy machine does not skew them.
The engine runs without the spaCy parse (tense from nearby words); `--parse` adds a run with the
parse given, the parse itself timed separately. dateparser is slow, so it runs on the first
--dateparser-articles articles only; its figure is per article all the same. Prints a table and
writes JSON (--json, default bench_dates.json).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from timeml import read_tml  # noqa: E402

from timeline.nlp.dates import find_time_expressions  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "timeml" / "tbaq-cleaned"


def measure(function, documents) -> dict:
    times = []
    found = 0
    for document in documents:
        started = time.process_time()
        found += len(function(document) or [])
        times.append(time.process_time() - started)
    total = sum(times)
    return {
        "articles": len(documents),
        "cpu_seconds": round(total, 3),
        "articles_per_s": round(len(documents) / total, 1) if total else None,
        "slowest_ms": round(max(times) * 1000, 1),
        "expressions": found,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--dateparser-articles", type=int)
    parser.add_argument("--parse", action="store_true", help="also run with spaCy parses")
    parser.add_argument("--json", default="bench_dates.json")
    args = parser.parse_args()
    paths = sorted(args.corpus.rglob("*.tml"))
    if not paths:
        raise SystemExit(f"no .tml files in {args.corpus}")
    documents = [read_tml(path) for path in paths[: 50 if args.quick else None]]
    subset = documents[: args.dateparser_articles or (10 if args.quick else 30)]
    report = {"corpus": str(args.corpus)}
    find_time_expressions("warm up on 7 April 2017", documents[0].dct)
    report["timeline"] = measure(lambda d: find_time_expressions(d.text, d.dct), documents)
    report["timeline_same_subset"] = measure(lambda d: find_time_expressions(d.text, d.dct), subset)
    if args.parse:
        from timeline.nlp.model import load_model

        nlp = load_model()
        started = time.process_time()
        docs = {id(d): nlp(d.text) for d in documents}
        parse_seconds = time.process_time() - started
        report["timeline_with_parse"] = measure(
            lambda d: find_time_expressions(d.text, d.dct, docs[id(d)]), documents
        )
        report["timeline_with_parse"]["parse_cpu_seconds"] = round(parse_seconds, 1)
    from dateparser.search import search_dates

    def baseline(document):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return search_dates(
                document.text,
                languages=["en"],
                settings={"RELATIVE_BASE": document.dct.replace(tzinfo=None)},
            )

    baseline(subset[0])  # warm up
    report["dateparser"] = measure(baseline, subset)
    print(f"\ntemporal expressions in {args.corpus.name} (CPU time, one core)")
    print(f"{'engine':<28}{'articles':>9}{'articles/s':>12}{'slowest ms':>12}{'found':>8}")
    for name, row in report.items():
        if isinstance(row, dict):
            print(
                f"{name:<28}{row['articles']:>9}{row['articles_per_s']:>12}"
                f"{row['slowest_ms']:>12}{row['expressions']:>8}"
            )
    speedup = (
        report["timeline_same_subset"]["articles_per_s"] / report["dateparser"]["articles_per_s"]
    )
    print(f"the engine is {speedup:.0f}x faster than dateparser on the same articles")
    report["speedup_vs_dateparser"] = round(speedup, 1)
    Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
