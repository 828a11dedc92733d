"""Digests of what the extraction produces for every text of the corpora, to prove a change kept
the output byte for byte.

    .venv/bin/python scripts/golden.py [--corpora PATH] [-o DIGESTS] [--compare OLD] [--jobs N]
                                       [--keep DIR]

Texts: the seed articles (`seeds/`, the specification article published 2017-04-07 as in the
demo), every TimeML document of `timeml/` (its DCT as publication time), the PLOVER dev sentences
(their placeholder date), the `events-gold` articles and the `lgl-dev` articles (their dates).

For each text two digests are written (one line: `id<TAB>extract<TAB>record`):
- `extract`: SHA-256 of what `timeline extract FILE --format json` prints (run through the CLI);
- `record`: SHA-256 of the whole extraction record (every field of every time expression, event,
  actor and place, spans included), which the JSON output does not all show.

`--compare OLD` reads an earlier digest file and lists the texts whose digests differ (exit 1 when
any does). `--keep DIR` also writes each text's JSON output and record to DIR, to diff them.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import html
import json
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
SPEC_ARTICLE = "tillerson-moscow-2017.txt"
SPEC_PUBLISHED = "2017-04-07"


def texts(corpora: Path) -> list[tuple[str, dict]]:
    """(id, JSON article record) for every text, in a fixed order."""
    from timeml import read_tml

    from timeline.read import iter_articles

    found: list[tuple[str, dict]] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for article in iter_articles([str(path)]):
            published = article.published_at.isoformat() if article.published_at else SPEC_PUBLISHED
            found.append((f"seeds/{path.name}", {"text": article.text, "published": published}))
    for path in sorted((corpora / "timeml").rglob("*.tml")):
        document = read_tml(path)
        record = {"text": document.text, "published": document.dct.isoformat()}
        found.append((str(path.relative_to(corpora)), record))
    plover = corpora / "plover-gsr" / "dev.jsonl"
    for line in plover.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            found.append(
                (f"plover/{item['id']}", {"text": item["text"], "published": item["date"]})
            )
    gold = corpora / "events-gold" / "dev.jsonl"
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            found.append(
                (
                    f"events-gold/{item['id']}",
                    {"text": item["text"], "published": item["published"]},
                )
            )
    lgl = corpora / "lgl-dev" / "lgl-dev.xml"
    for article in ET.parse(lgl).getroot().iter("article"):
        dltime = article.findtext("dltime") or ""
        match = re.match(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})", dltime)
        published = f"{match.group(1)}T{match.group(2)}" if match else dltime[:10]
        text = html.unescape(article.findtext("text") or "")
        found.append((f"lgl/{article.get('docid')}", {"text": text, "published": published}))
    return found


def _plain(value):
    """A record as JSON-ready data: dataclasses as dicts, dates as ISO strings."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def digest_one(item: tuple[str, dict], keep: str | None = None) -> tuple[str, str, str]:
    from click.testing import CliRunner

    from timeline.cli import cli
    from timeline.pipeline import extract
    from timeline.read import iter_articles

    name, record = item
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        result = CliRunner().invoke(cli, ["extract", str(path), "--format", "json"])
        printed = result.output if result.exit_code == 0 else f"exit {result.exit_code}"
        (article,) = list(iter_articles([str(path)]))
    article.origin = name  # not the temporary file's path
    try:
        whole = json.dumps(_plain(extract(article)), sort_keys=True, ensure_ascii=False)
    except Exception as exc:  # noqa: BLE001 - recorded, so a change of behaviour shows
        whole = f"{type(exc).__name__}: {exc}"
    if keep:
        stem = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
        Path(keep, f"{stem}.extract.json").write_text(printed, encoding="utf-8")
        Path(keep, f"{stem}.record.json").write_text(whole, encoding="utf-8")
    return (
        name,
        hashlib.sha256(printed.encode("utf-8")).hexdigest(),
        hashlib.sha256(whole.encode("utf-8")).hexdigest(),
    )


def _digest_chunk(chunk: list[tuple[str, dict]], keep: str | None) -> list[tuple[str, str, str]]:
    return [digest_one(item, keep) for item in chunk]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("-o", "--output", type=Path, help="digest file to write (default stdout)")
    parser.add_argument("--compare", type=Path, help="an earlier digest file to compare with")
    parser.add_argument("--jobs", type=int, default=1, help="processes (each loads the model)")
    parser.add_argument("--keep", help="a folder to write every output and record to")
    parser.add_argument("--only", help="only the texts whose id contains this")
    args = parser.parse_args()

    items = texts(args.corpora)
    if args.only:
        items = [item for item in items if args.only in item[0]]
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
    if args.jobs <= 1:
        rows = [digest_one(item, args.keep) for item in items]
    else:
        chunks = [items[i :: args.jobs] for i in range(args.jobs)]
        with ProcessPoolExecutor(args.jobs) as pool:
            parts = list(pool.map(_digest_chunk, chunks, [args.keep] * len(chunks)))
        rows = sorted((row for part in parts for row in part), key=lambda r: r[0])
    rows.sort(key=lambda r: r[0])
    lines = [f"{name}\t{extracted}\t{whole}" for name, extracted, whole in rows]
    output = "\n".join(lines) + "\n"
    if args.output:
        args.output.write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    print(f"{len(rows)} texts digested", file=sys.stderr)
    if args.compare:
        old = {}
        for line in args.compare.read_text(encoding="utf-8").splitlines():
            name, extracted, whole = line.split("\t")
            old[name] = (extracted, whole)
        new = {name: (extracted, whole) for name, extracted, whole in rows}
        differ = []
        for name in sorted(set(old) | set(new)):
            if old.get(name) != new.get(name):
                parts = []
                if name not in old or name not in new:
                    parts.append("only in " + ("new" if name not in old else "old"))
                else:
                    if old[name][0] != new[name][0]:
                        parts.append("extract")
                    if old[name][1] != new[name][1]:
                        parts.append("record")
                differ.append(f"{name}: {', '.join(parts)}")
        for line in differ:
            print(line, file=sys.stderr)
        print(f"{len(differ)} of {len(new)} texts differ from {args.compare}", file=sys.stderr)
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
