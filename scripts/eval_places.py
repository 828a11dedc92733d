"""Score place recognition and resolution on the LGL geoparsing corpus (lgl-dev).

    .venv/bin/python scripts/eval_places.py [CORPUS.xml] [--limit N] [--cache FILE] [--verbose]

CORPUS.xml (default ../shared/corpora/lgl-dev/lgl-dev.xml): articles whose every toponym is
annotated with its span and resolved to GeoNames (see the corpus's README). Each article is parsed
as `timeline load` parses it and its place mentions found and resolved by the places stage
(`PlaceResolver.mentions`, what the place_mentions table stores). Printed:

* recognition: precision, recall and F1 of the mentions' spans against the gold spans, exact
  (same start and end) and overlapping. Scored against the gold toponyms that are places as the
  project defines them: LGL also annotates street names and buildings without a GeoNames entry
  ("Shamrock Street") and every adjectival demonym ("Russian ICBMs"), which the project counts as
  place mentions only in some uses (see timeline/nlp/toponyms.py). Those gold spans are optional:
  a mention on one is neither right nor wrong, and missing one is no error. The same scores
  against every gold span are printed below ("all gold spans").
* resolution, over the required gold toponyms that have coordinates: end to end, the share found
  (overlapping span) and resolved within 161 km of the gold point; of those found, the share
  resolved within 161 km.

`--cache FILE` keeps the parsed articles (spaCy DocBin) so that later runs skip the parse;
`--verbose` lists the misses, the extra mentions and the wrong resolutions.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "lgl-dev" / "lgl-dev.xml"
KM = 161


def read_corpus(path: Path) -> list[dict]:
    articles = []
    for article in ET.parse(path).getroot().findall("article"):
        text = article.findtext("text") or ""
        gold = []
        for toponym in article.find("toponyms") or []:
            start, end = int(toponym.findtext("start")), int(toponym.findtext("end"))
            tag = toponym.find("gaztag")
            lat = lon = None
            if tag is not None and tag.findtext("lat"):
                lat, lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
            gold.append(
                {"start": start, "end": end, "text": text[start:end], "lat": lat, "lon": lon}
            )
        articles.append({"id": article.get("docid"), "text": text, "gold": gold})
    return articles


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2, dl = math.radians(a), math.radians(c), math.radians(d - b)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def parse(texts: list[str], cache: Path | None):
    from spacy.tokens import DocBin

    from timeline.nlp.model import load_model

    nlp = load_model()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts, strict=True)):
            return docs
    docs = list(nlp.pipe(texts, batch_size=8))
    if cache is not None:
        DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return docs


# Capitalised words after a place name that do not make it part of a longer name
NOT_NAME_WORDS = set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December The A An In On At And But".split()
)


def optional(gold: dict, text: str) -> bool:
    """A gold span the project's definition leaves open: no GeoNames entry (streets, buildings),
    a country's demonym (LGL annotates every one, descriptive or not), or a place's name inside a
    longer name, which the project counts as no place ("Ohio Supreme Court", "Gainesville Police
    Department": the name goes on with a capitalised word)."""
    from timeline.nlp.actors.countries import country_lexicon
    from timeline.nlp.lookup import key

    if gold["lat"] is None:
        return True
    if key(gold["text"]) in country_lexicon().demonyms:
        return True
    after = re.match(r" ([A-Z][a-z]+)", text[gold["end"] :])
    return after is not None and after.group(1) not in NOT_NAME_WORDS


def overlaps(a: dict, b) -> bool:
    return a["start"] < b.end and b.start < a["end"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--cache", type=Path, help="keep the parsed articles in this file")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    from timeline.nlp.actors.people import find_people
    from timeline.nlp.article import read_article
    from timeline.nlp.places import PlaceResolver

    articles = read_corpus(args.corpus)[: args.limit]
    docs = parse([a["text"] for a in articles], args.cache)
    t = Counter()
    misses, extras, wrong = Counter(), Counter(), []
    for article, doc in zip(articles, docs, strict=True):
        view = read_article(doc)
        mentions = PlaceResolver(view, find_people(view)).mentions()
        gold = article["gold"]
        spans = {(g["start"], g["end"]) for g in gold}
        required = [g for g in gold if not optional(g, article["text"])]
        optionals = [g for g in gold if optional(g, article["text"])]
        t["gold_all"] += len(gold)
        t["gold"] += len(required)
        t["system_all"] += len(mentions)
        for m in mentions:
            if (m.start, m.end) in spans:
                t["exact_all"] += 1
            if any(overlaps(g, m) for g in gold):
                t["overlap_all"] += 1
            on_optional = any(overlaps(g, m) for g in optionals)
            on_required = [g for g in required if overlaps(g, m)]
            if on_optional and not on_required:
                continue
            t["system"] += 1
            if any((g["start"], g["end"]) == (m.start, m.end) for g in on_required):
                t["exact"] += 1
            if on_required:
                t["overlap"] += 1
            else:
                extras[m.text] += 1
        for g in required:
            found = [m for m in mentions if overlaps(g, m)]
            t["gold_found"] += bool(found)
            if any((m.start, m.end) == (g["start"], g["end"]) for m in found):
                t["gold_exact"] += 1
            if not found:
                misses[g["text"]] += 1
                continue
            t["found"] += 1
            place = found[0]
            if (
                place.latitude is not None
                and km(place.latitude, place.longitude, g["lat"], g["lon"]) <= KM
            ):
                t["resolved"] += 1
            else:
                wrong.append(
                    (article["id"], g["text"], place.name, place.country_code, place.admin1)
                )
    prf = lambda hit, system, gold_hit, gold: (  # noqa: E731
        hit / max(system, 1),
        gold_hit / max(gold, 1),
        2
        * (hit / max(system, 1))
        * (gold_hit / max(gold, 1))
        / max(hit / max(system, 1) + gold_hit / max(gold, 1), 1e-9),
    )
    print(
        f"{len(articles)} articles, {t['gold']} required gold toponyms "
        f"({t['gold_all']} in all), {t['system']} mentions scored ({t['system_all']} in all)"
    )
    p, r, f = prf(t["exact"], t["system"], t["gold_exact"], t["gold"])
    print(f"recognition, exact spans:       P {p:.1%}  R {r:.1%}  F1 {f:.1%}")
    p, r, f = prf(t["overlap"], t["system"], t["gold_found"], t["gold"])
    print(f"recognition, overlapping spans: P {p:.1%}  R {r:.1%}  F1 {f:.1%}")
    p, r, f = prf(t["exact_all"], t["system_all"], t["exact_all"], t["gold_all"])
    print(f"all gold spans, exact:          P {p:.1%}  R {r:.1%}  F1 {f:.1%}")
    print(
        f"end to end: found and resolved within {KM} km {t['resolved'] / max(t['gold'], 1):.1%} "
        f"of {t['gold']}; of the {t['found']} found, resolved within {KM} km "
        f"{t['resolved'] / max(t['found'], 1):.1%}"
    )
    if args.verbose:
        print("\nmissed:", ", ".join(f"{k} {n}" for k, n in misses.most_common(80)))
        print("\nextra:", ", ".join(f"{k} {n}" for k, n in extras.most_common(80)))
        print("\nwrongly resolved:")
        for row in wrong:
            print("  ", *row)


if __name__ == "__main__":
    main()
