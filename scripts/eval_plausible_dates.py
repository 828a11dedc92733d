"""Count the events of local news whose date cannot be right: implausible dates on LGL.

    .venv/bin/python scripts/eval_plausible_dates.py [LGL.xml] [--limit N] [--cache DIR] [-v]
                                                     [--sample N --seed S --out FILE]

LGL.xml (default ../shared/corpora/lgl-dev/lgl-dev.xml): local US news of 2009, each article with
its crawl time (`dltime`, used as the publication time, as `load` would be told). Every article is
parsed and its events extracted as `load` extracts them. An event's date is implausible when it
ends more than 30 years before the article's publication or starts more than 5 years after it,
unless the article names that year in a date phrase ("in 1864", "October 23, 1998", "the 1960s",
"the 19th century"): a number read as a year (a street number, a score, an amount) is the usual
cause. Also printed: how events are dated (`date_source`), and with -v each implausible event.

`--sample N` writes N events drawn at random (`--seed`) to `--out` (JSON Lines: the article, its
publication time, the sentence, the trigger, the date and what it came from) for reading by hand.
`--cache DIR` keeps the spaCy parses (DocBin files) between runs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.nlp.dates import find_time_expressions  # noqa: E402
from timeline.nlp.events import extract_events  # noqa: E402
from timeline.nlp.model import load_model  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "lgl-dev" / "lgl-dev.xml"
YEARS_BEFORE, YEARS_AFTER = 30, 5

_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_BEFORE_YEAR = (
    r"(?:in|since|of|from|until|till|by|before|after|during|through|to|circa|around|early"
    r"|late|mid|spring|summer|fall|autumn|winter|year|class)"
)


def read_articles(path: Path) -> list[dict]:
    """The articles of an LGL file: id, title, text and publication time (the crawl time)."""
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        crawled = node.findtext("dltime").strip()
        published = datetime.fromisoformat(re.sub(r"([+-]\d\d)$", r"\1:00", crawled))
        articles.append(
            {
                "id": node.get("docid"),
                "title": node.findtext("title") or "",
                "text": node.findtext("text") or "",
                "published": published,
            }
        )
    return articles


def named_in_a_date_phrase(text: str, value: str) -> bool:
    """Whether the text names the year (or decade, century) of a date value in a date phrase:
    after a preposition or a season ("in 1864", "spring 1998"), after a month ("October 23,
    1998"), as a decade ("the 1960s") or a century ("the 19th century")."""
    head = value[:4]
    if re.fullmatch(r"\d{4}", head):
        year = re.escape(head)
        return bool(
            re.search(rf"\b{_BEFORE_YEAR}[\s-]+(?:of\s+)?{year}\b", text, re.I)
            or re.search(rf"\b{_MONTHS}\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*)?{year}\b", text)
        )
    if re.fullmatch(r"\d{3}", value):
        return re.search(rf"\b{value}0['’]?s\b", text) is not None
    if re.fullmatch(r"\d{2}", value):
        century = rf"\b{int(value) + 1}(?:st|nd|rd|th)[\s-]+century\b"
        return re.search(century, text, re.I) is not None
    return False


def years_from(day: date, years: int) -> date:
    """The same day `years` later (earlier when negative); February 29 becomes the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def implausible(start: date | None, end: date | None, published: date) -> bool:
    """Whether an event's interval ends more than YEARS_BEFORE years before publication or starts
    more than YEARS_AFTER years after it."""
    if start is None or end is None:
        return False
    return end < years_from(published, -YEARS_BEFORE) or start > years_from(published, YEARS_AFTER)


def parses(articles: list[dict], cache: Path | None):
    """The spaCy Doc of each article, from the cache when it has them."""
    from spacy.tokens import DocBin

    nlp = load_model()
    stored = cache / f"docs-{len(articles)}.spacy" if cache else None
    if stored is not None and stored.exists():
        return list(DocBin().from_disk(stored).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a["text"] for a in articles), batch_size=16))
    if stored is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(stored)
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--cache", type=Path, default=None, help="keep the parses here")
    parser.add_argument("--sample", type=int, default=0, help="write N random events to --out")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list implausible events")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"error: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    if args.sample and args.out is None:
        print("error: --sample needs --out FILE", file=sys.stderr)
        return 2
    articles = read_articles(args.corpus)[: args.limit]
    docs = parses(articles, args.cache)
    events_total = 0
    sources: Counter[str] = Counter()
    wrong: list[tuple[dict, object]] = []
    listed: list[dict] = []
    started = time.process_time()
    for article, doc in zip(articles, docs, strict=True):
        published = article["published"]
        expressions = find_time_expressions(article["text"], published, doc)
        events = extract_events(doc, expressions, published)
        events_total += len(events)
        for event in events:
            sources[event.date_source] += 1
            if implausible(event.date_start, event.date_end, published.date()) and not (
                named_in_a_date_phrase(article["text"], event.date_value)
            ):
                wrong.append((article, event))
            listed.append(
                {
                    "article": article["id"],
                    "published": published.isoformat(),
                    "sentence": event.sentence,
                    "trigger": event.trigger,
                    "code": event.event_code,
                    "date": event.date_value,
                    "date_start": str(event.date_start),
                    "date_end": str(event.date_end),
                    "date_source": event.date_source,
                    "expression": event.time.text if event.time else None,
                }
            )
    seconds = time.process_time() - started
    share = len(wrong) / events_total if events_total else 0.0
    print(
        f"{args.corpus}: {len(articles)} articles, {events_total} events, "
        f"{len(wrong)} with an implausible date ({share:.2%}: ending more than {YEARS_BEFORE} "
        f"years before publication or starting more than {YEARS_AFTER} after it, the year named "
        f"in no date phrase)"
    )
    print(
        "dated from: "
        + ", ".join(f"{k} {v} ({v / max(events_total, 1):.1%})" for k, v in sources.most_common())
    )
    print(f"dates and events: {seconds:.1f} s of CPU")
    if args.verbose:
        for article, event in wrong:
            shown = event.time.text if event.time else ""
            print(
                f"  {article['id']} {article['published'].date()} {event.date_value} "
                f"<{shown}> {event.trigger!r}: {event.sentence[:160]!r}"
            )
    if args.sample:
        chosen = random.Random(args.seed).sample(listed, min(args.sample, len(listed)))
        with args.out.open("w", encoding="utf-8") as out:
            for row in chosen:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(chosen)} events to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
