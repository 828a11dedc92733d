"""Score the temporal engine on TimeML corpora the way TempEval-3 (Task A) scores it.

    .venv/bin/python scripts/eval_dates.py ../shared/corpora/timeml/tbaq-cleaned
    .venv/bin/python scripts/eval_dates.py CORPUS --parse          # give the engine spaCy docs
    .venv/bin/python scripts/eval_dates.py CORPUS --engine dateparser --limit 20

Relaxed match: spans overlap; strict match: identical spans. Value (type) accuracy is computed
over relaxed matches; value F1 = relaxed F1 x value accuracy. MEANTIME annotates only the title
and the first sentences of each article, so on that corpus (`--lines`, by default 5 when the folder
name contains "meantime") system expressions after those lines are not scored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeml import GoldTimex, TimeMLDocument, read_folder  # noqa: E402


@dataclass
class Found:
    start: int
    end: int
    text: str
    type: str
    value: str


def run_timeline(doc: TimeMLDocument, spacy_doc=None) -> list[Found]:
    from timeline.nlp.dates import find_time_expressions

    return [
        Found(e.start, e.end, e.text, e.type, e.value)
        for e in find_time_expressions(doc.text, doc.dct, spacy_doc)
    ]


def run_dateparser(doc: TimeMLDocument, spacy_doc=None) -> list[Found]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": doc.dct.replace(tzinfo=None)}
    found: list[Found] = []
    cursor = 0
    for phrase, moment in search_dates(doc.text, languages=["en"], settings=settings) or []:
        start = doc.text.find(phrase, cursor)
        if start < 0:
            start = doc.text.find(phrase)
        if start < 0:
            continue
        cursor = start + len(phrase)
        found.append(Found(start, cursor, phrase, "DATE", moment.strftime("%Y-%m-%d")))
    return found


def match(gold: list[GoldTimex], system: list[Found], strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index): identical spans, or overlapping spans."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si in used:
                continue
            ok = (
                (s.start, s.end) == (g.start, g.end)
                if strict
                else (s.start < g.end and g.start < s.end)
            )
            if ok:
                pairs.append((gi, si))
                used.add(si)
                break
    return pairs


def prf(tp_sys: int, n_sys: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def line_limit(text: str, lines: int | None) -> int:
    if not lines:
        return len(text)
    position = -1
    for _ in range(lines):
        position = text.find("\n", position + 1)
        if position < 0:
            return len(text)
    return position


_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)


def phrase_class(text: str) -> str:
    """'Last week' -> 'last week', 'Tuesday' -> 'DAY', 'March 3' -> 'MON 9', 'March 1990' ->
    'MON 9999': phrases that one rule would treat alike."""
    text = re.sub(
        r"\d+", lambda m: "9999" if len(m.group()) == 4 else "9", text.lower().strip(" .,")
    )
    text = re.sub(rf"\b(?:{_WEEKDAYS})\b", "DAY", text)
    return re.sub(rf"\b(?:{_MONTHS})\b\.?", "MON", text)


def value_form(value: str) -> str:
    """'1998-W33' -> '9999-W99', '1998-WXX' -> '9999-WXX', 'P1W' -> 'P9W'."""
    return re.sub(r"\d", "9", value)


def print_conventions(forms: dict[str, Counter], matched: int, value_ok: int, rf: float) -> None:
    """Phrase classes whose gold values take several forms: an engine that writes one form per
    phrase class misses at least the minority forms, whatever else it gets right."""
    minority = {k: sum(c.values()) - max(c.values()) for k, c in forms.items()}
    total = sum(minority.values())
    ceiling = (matched - total) / matched if matched else 0.0
    print(
        f"conventions  {total} of {matched} matched gold values use a minority form of their "
        f"phrase class; value accuracy ceiling {ceiling * 100:.2f}, value F1 ceiling "
        f"{rf * ceiling * 100:.2f} at this relaxed F1 (now {value_ok} right)"
    )
    for key, count in sorted(minority.items(), key=lambda kv: -kv[1])[:12]:
        if count:
            shown = ", ".join(f"{form} x{n}" for form, n in forms[key].most_common())
            print(f"  {key!r:28} {shown}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--engine", choices=("timeline", "dateparser"), default="timeline")
    parser.add_argument("--parse", action="store_true", help="give the engine spaCy docs")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--lines", type=int, default=None, help="score only the first N lines")
    parser.add_argument("--json", type=Path, default=None, help="write figures and errors here")
    parser.add_argument("--errors", type=int, default=0, help="print N value/span errors")
    parser.add_argument(
        "--conventions",
        action="store_true",
        help="report phrases the gold annotates in several value forms, and the ceiling that puts "
        "on the value accuracy of any engine that writes one form per phrase",
    )
    args = parser.parse_args(argv)

    lines = args.lines
    if lines is None and "meantime" in args.folder.name.lower():
        lines = 5
    docs = read_folder(args.folder)
    if args.limit:
        docs = docs[: args.limit]
    engine = run_timeline if args.engine == "timeline" else run_dateparser

    spacy_docs: list = [None] * len(docs)
    parse_seconds = 0.0
    if args.parse:
        from timeline.nlp.model import load_model

        nlp = load_model()
        started = time.perf_counter()
        spacy_docs = list(nlp.pipe([d.text for d in docs], batch_size=16))
        parse_seconds = time.perf_counter() - started

    if args.engine == "timeline":  # import and load lexicons outside the timed loop
        from timeline.nlp.dates import find_time_expressions

        find_time_expressions("May 1, 2000", docs[0].dct if docs else None)  # compile patterns

    n_gold = n_sys = 0
    relaxed_sys = relaxed_gold = strict_sys = strict_gold = 0
    value_ok = type_ok = 0
    forms: dict[str, Counter] = {}  # phrase class -> gold value forms over relaxed matches
    errors: list[dict] = []
    total_seconds = total_cpu = 0.0
    slowest = (0.0, "")
    slowest_cpu = (0.0, "")
    for doc, spacy_doc in zip(docs, spacy_docs, strict=True):
        started, started_cpu = time.perf_counter(), time.process_time()
        system = engine(doc, spacy_doc)
        elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        total_seconds += elapsed
        total_cpu += elapsed_cpu
        if elapsed > slowest[0]:
            slowest = (elapsed, doc.path.name)
        if elapsed_cpu > slowest_cpu[0]:
            slowest_cpu = (elapsed_cpu, doc.path.name)
        limit = line_limit(doc.text, lines)
        system = [s for s in system if s.start < limit]
        gold = doc.timexes
        n_gold += len(gold)
        n_sys += len(system)
        relaxed = match(gold, system, strict=False)
        strict = match(gold, system, strict=True)
        relaxed_sys += len(relaxed)
        relaxed_gold += len(relaxed)
        strict_sys += len(strict)
        strict_gold += len(strict)
        matched_sys = {si for _, si in relaxed}
        matched_gold = {gi for gi, _ in relaxed}
        for gi, si in relaxed:
            g, s = gold[gi], system[si]
            value_ok += g.value == s.value
            type_ok += g.type == s.type
            forms.setdefault(phrase_class(g.text), Counter())[value_form(g.value)] += 1
            if g.value != s.value or (g.start, g.end) != (s.start, s.end):
                errors.append(
                    {
                        "kind": "value" if g.value != s.value else "span",
                        "doc": doc.path.name,
                        "gold": [g.text, g.value, g.type],
                        "system": [s.text, s.value, s.type],
                        "dct": doc.dct.date().isoformat(),
                        "context": doc.text[max(0, g.start - 60) : g.end + 40].replace("\n", " "),
                    }
                )
        for gi, g in enumerate(gold):
            if gi not in matched_gold:
                errors.append(
                    {
                        "kind": "missed",
                        "doc": doc.path.name,
                        "gold": [g.text, g.value, g.type],
                        "context": doc.text[max(0, g.start - 60) : g.end + 40].replace("\n", " "),
                    }
                )
        for si, s in enumerate(system):
            if si not in matched_sys:
                errors.append(
                    {
                        "kind": "spurious",
                        "doc": doc.path.name,
                        "system": [s.text, s.value, s.type],
                        "context": doc.text[max(0, s.start - 60) : s.end + 40].replace("\n", " "),
                    }
                )

    sp, sr, sf = prf(strict_sys, n_sys, strict_gold, n_gold)
    rp, rr, rf = prf(relaxed_sys, n_sys, relaxed_gold, n_gold)
    matched = relaxed_sys
    value_acc = value_ok / matched if matched else 0.0
    type_acc = type_ok / matched if matched else 0.0
    figures = {
        "corpus": str(args.folder),
        "engine": args.engine,
        "parse": args.parse,
        "documents": len(docs),
        "scored_lines": lines,
        "gold": n_gold,
        "system": n_sys,
        "strict": {"P": sp, "R": sr, "F1": sf},
        "relaxed": {"P": rp, "R": rr, "F1": rf},
        "value_accuracy": value_acc,
        "value_F1": rf * value_acc,
        "type_accuracy": type_acc,
        "type_F1": rf * type_acc,
        "docs_per_second": len(docs) / total_seconds if total_seconds else 0.0,
        "engine_seconds": total_seconds,
        "slowest_doc_ms": slowest[0] * 1000,
        "slowest_doc": slowest[1],
        "parse_seconds": parse_seconds,
        "cpu_docs_per_second": len(docs) / total_cpu if total_cpu else 0.0,
        "cpu_seconds": total_cpu,
        "slowest_doc_cpu_ms": slowest_cpu[0] * 1000,
    }
    print(
        f"corpus {args.folder}  engine {args.engine}{' +parse' if args.parse else ''}  "
        f"documents {len(docs)}  gold {n_gold}  system {n_sys}"
        + (f"  (scored: first {lines} lines of each document)" if lines else "")
    )
    print(f"strict   P {sp * 100:6.2f}  R {sr * 100:6.2f}  F1 {sf * 100:6.2f}")
    print(f"relaxed  P {rp * 100:6.2f}  R {rr * 100:6.2f}  F1 {rf * 100:6.2f}")
    print(f"value    accuracy {value_acc * 100:6.2f}  F1 {rf * value_acc * 100:6.2f}")
    print(f"type     accuracy {type_acc * 100:6.2f}  F1 {rf * type_acc * 100:6.2f}")
    print(
        f"speed    {figures['docs_per_second']:.1f} documents/s  "
        f"(engine {total_seconds:.2f} s; slowest {slowest[0] * 1000:.1f} ms, {slowest[1]})"
        + (f"; spaCy parse {parse_seconds:.2f} s, not counted" if args.parse else "")
    )
    print(
        f"cpu      {figures['cpu_docs_per_second']:.1f} documents/s of CPU time "
        f"(engine {total_cpu:.2f} s; slowest {slowest_cpu[0] * 1000:.1f} ms, {slowest_cpu[1]})"
    )
    if args.conventions:
        print_conventions(forms, matched, value_ok, rf)
    if args.errors:
        kinds = Counter(e["kind"] for e in errors)
        print("errors:", dict(kinds))
        for e in errors[: args.errors]:
            print(json.dumps(e, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({"figures": figures, "errors": errors}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
