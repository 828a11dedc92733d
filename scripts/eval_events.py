"""Measure the event stage on public annotated news (read from ../shared/corpora, never copied).

    .venv/bin/python scripts/eval_events.py [--corpora PATH] [--plover] [--meantime] [--seed]

- PLOVER gold standard (plover-gsr/dev.jsonl): event type accuracy (the gold type among the
  sentence's events), source and target country accuracy (the gold code among the actors of the
  system event of that type, else of any event), spurious events per sentence (events whose PLOVER
  type is not the gold one, statements aside).
  The gold records use the 2016 PLOVER names; the project codes with the 2021 table, so types are
  compared after the 2016 renames: CAMEO 09 ACCUSE -> INVESTIGATE, 11 ACCUSE -> DISAPPROVE,
  REQUEST -> DEMAND, 19 ASSAULT -> FIGHT.
- MEANTIME (CAT XML): for every gold event mention with a TLINK to a TIMEX3 that has a calendar
  interval, whether the system event on that trigger has a date interval consistent with the
  relation (a support verb's mention counts as covered by the event on its object noun: "filed a
  lawsuit", "took delivery", where the system puts the event on the noun); and participant recall
  (gold HAS_PARTICIPANT entity mentions overlapped by an actor of the system event on that
  trigger). The publication date is the document's creation-time TIMEX3.
- The seed article: the events listed in the project's specification.
With -v: the PLOVER sentences whose type, source or target is missed, the MEANTIME links dated
inconsistently and the predicates of dated links that get no event (the error groups to work from).
- Speed: sentences per CPU second (the machine may be shared) of the event stage alone, and of
  parse + dates + events, with the parse, dates and events shares.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.nlp.dates import find_time_expressions, interval_of  # noqa: E402
from timeline.nlp.events import extract_events  # noqa: E402
from timeline.nlp.model import load_model  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
FIXED_DATE = datetime(2000, 1, 1, 12, tzinfo=UTC)


def plover_2016(event) -> str | None:
    kind, code = event.plover_type, event.event_code
    if kind is None:
        return None
    if kind == "ACCUSE":
        return "INVESTIGATE" if code.startswith("09") else "DISAPPROVE"
    if kind == "REQUEST":
        return "DEMAND"
    if kind == "ASSAULT" and code.startswith("19"):
        return "FIGHT"
    return kind


def gold_codes(actors) -> set[str]:
    if not actors:
        return set()
    codes = set()
    for actor in actors:
        code = (actor.get("code") or "")[:3].upper()
        codes.add({"JAP": "JPN"}.get(code, code))
    return codes


def system_codes(event, role: str) -> set[str]:
    codes = set()
    for actor in event.actors_in(role):
        if actor.country_code:
            codes.add(actor.country_code)
        if actor.code and actor.code.startswith(("IGO", "NGO")):
            codes.add(actor.code[:3])
        if actor.kind == "organization":
            codes.add("IGO")
    return codes


def eval_plover(corpora: Path, nlp, verbose: bool) -> dict:
    records = [json.loads(line) for line in (corpora / "plover-gsr" / "dev.jsonl").open()]
    docs = list(nlp.pipe([r["text"] for r in records], batch_size=32))
    warm = nlp("French officials met their Russian counterparts in Paris on Monday.")
    extract_events(warm, [], FIXED_DATE)  # loads the lexicons and the gazetteer once
    type_hits = source_hits = source_total = target_hits = target_total = spurious = 0
    events_total = 0
    elapsed = 0.0
    for record, doc in zip(records, docs, strict=True):
        expressions = find_time_expressions(doc.text, FIXED_DATE, doc)
        started = time.process_time()
        events = extract_events(doc, expressions, FIXED_DATE)
        elapsed += time.process_time() - started
        events_total += len(events)
        gold = record["event"]
        matching = [e for e in events if plover_2016(e) == gold]
        type_hits += bool(matching)
        spurious += sum(1 for e in events if plover_2016(e) is not None and plover_2016(e) != gold)
        pool = matching or events
        want_source = gold_codes(record.get("source"))
        if want_source:
            source_total += 1
            source_hits += any(want_source & system_codes(e, "source") for e in pool)
        want_target = gold_codes(record.get("target"))
        if want_target:
            target_total += 1
            target_hits += any(want_target & system_codes(e, "target") for e in pool)
        if verbose and not matching:
            found = [(e.trigger, e.event_code, plover_2016(e)) for e in events]
            print(f"  miss {gold:11} {record['text'][:90]!r} -> {found}")
        if verbose:
            for role, want in (("source", want_source), ("target", want_target)):
                if want and not any(want & system_codes(e, role) for e in pool):
                    got = sorted({c for e in pool for c in system_codes(e, role)})
                    print(f"  {role} {sorted(want)} not in {got}: {record['text'][:90]!r}")
    n = len(records)
    return {
        "sentences": n,
        "event_type_accuracy": type_hits / n,
        "source_country_accuracy": source_hits / max(source_total, 1),
        "target_country_accuracy": target_hits / max(target_total, 1),
        "spurious_per_sentence": spurious / n,
        "events_per_sentence": events_total / n,
        "event_stage_sentences_per_cpu_second": n / elapsed if elapsed else 0.0,
    }


# --- MEANTIME ----------------------------------------------------------------------------------

_INVERSE = {
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS",
    "ENDS": "ENDED_BY",
    "ENDED_BY": "ENDS",
}


def consistent(rel: str, system: tuple[date, date], gold: tuple[date, date]) -> bool:
    """Whether the system's interval for the event fits `event rel timex`."""
    s_start, s_end = system
    g_start, g_end = gold
    if rel == "BEFORE":
        return s_start <= g_end
    if rel == "AFTER":
        return s_end >= g_start
    return s_start <= g_end and g_start <= s_end  # overlap: includes / is_included / simultaneous


def read_cat(path: Path):
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    position = 0
    previous_sentence = None
    for token in tokens:
        sentence = token.get("sentence")
        if previous_sentence is not None and sentence != previous_sentence:
            separator = "\n\n" if previous_sentence in ("0", "1") else "\n"
        elif previous_sentence is None:
            separator = ""
        else:
            separator = " "
        pieces.append(separator)
        position += len(separator)
        text = token.text or ""
        offsets[token.get("t_id")] = (position, position + len(text))
        pieces.append(text)
        position += len(text)
        previous_sentence = sentence
    markables = root.find("Markables")
    spans: dict[str, tuple[int, int]] = {}
    kinds: dict[str, str] = {}
    timex: dict[str, ET.Element] = {}
    for element in markables:
        anchors = [a.get("t_id") for a in element.findall("token_anchor")]
        if anchors:
            spans[element.get("m_id")] = (offsets[anchors[0]][0], offsets[anchors[-1]][1])
        kinds[element.get("m_id")] = element.tag
        if element.tag == "TIMEX3":
            timex[element.get("m_id")] = element
    relations = root.find("Relations")
    return "".join(pieces), spans, kinds, timex, relations


def eval_meantime(corpora: Path, nlp, verbose: bool) -> dict:
    files = sorted((corpora / "meantime").glob("corpus_*/*.xml"))
    links_total = links_covered = links_ok = 0
    uncovered: Counter[str] = Counter()  # predicates of dated links with no system event
    part_total = part_found = part_covered_total = 0
    events_gold = events_covered = 0
    for path in files:
        text, spans, kinds, timex, relations = read_cat(path)
        dct = next(
            (t for t in timex.values() if t.get("functionInDocument") == "CREATION_TIME"), None
        )
        if dct is None or interval_of(dct.get("value", "")) is None:
            continue
        published = datetime.combine(interval_of(dct.get("value"))[0], datetime.min.time())
        published = published.replace(hour=12, tzinfo=UTC)
        doc = nlp(text)
        events = extract_events(doc, find_time_expressions(text, published, doc), published)

        on_token = {}  # token index of each system trigger -> its event
        for event in events:
            span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
            if span is not None and len(span):
                on_token.setdefault(span.root.i, event)

        def event_on(m_id: str, spans=spans, events=events, doc=doc, on_token=on_token):
            start, end = spans[m_id]
            for event in events:
                if event.trigger_start < end and start < event.trigger_end:
                    return event
            # a support verb and its event noun are one predicate ("filed a lawsuit", "a lawsuit
            # was filed", "took delivery"): the system puts the event on the noun
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span) or span.root.pos_ != "VERB":
                return None
            for child in span.root.children:
                if child.dep_ in ("dobj", "nsubjpass") and child.i in on_token:
                    return on_token[child.i]
            return None

        gold_events = [m for m, k in kinds.items() if k == "EVENT_MENTION" and m in spans]
        events_gold += len(gold_events)
        events_covered += sum(1 for m in gold_events if event_on(m) is not None)
        for link in relations.findall("TLINK"):
            source = link.find("source").get("m_id")
            target = link.find("target").get("m_id")
            rel = link.get("reltype")
            if kinds.get(source) == "TIMEX3" and kinds.get(target) == "EVENT_MENTION":
                source, target, rel = target, source, _INVERSE.get(rel, rel)
            if kinds.get(source) != "EVENT_MENTION" or kinds.get(target) != "TIMEX3":
                continue
            if source not in spans:
                continue
            gold = interval_of(timex[target].get("value", ""))
            if gold is None:
                continue
            links_total += 1
            event = event_on(source)
            if event is None or event.date_start is None:
                uncovered[text[spans[source][0] : spans[source][1]].lower()] += 1
                continue
            links_covered += 1
            ok = consistent(rel, (event.date_start, event.date_end), gold)
            links_ok += ok
            if verbose and not ok:
                print(
                    f"  date {event.trigger!r} {rel} {timex[target].get('value')} but "
                    f"{event.date_value} ({event.date_source}) in {path.name}"
                )
        for link in relations.findall("HAS_PARTICIPANT"):
            source = link.find("source").get("m_id")
            target = link.find("target").get("m_id")
            if source not in spans or target not in spans:
                continue
            part_total += 1
            event = event_on(source)
            if event is None:
                continue
            part_covered_total += 1
            start, end = spans[target]
            part_found += any(a.start < end and start < a.end for a in event.actors if a.start >= 0)
    if verbose:
        print("  dated links without a system event, by predicate:")
        print("   ", ", ".join(f"{word} {n}" for word, n in uncovered.most_common(40)))
    return {
        "documents": len(files),
        "gold_event_mentions": events_gold,
        "event_mentions_with_a_system_event": events_covered,
        "dated_tlinks": links_total,
        "dated_tlinks_with_a_system_event": links_covered,
        "anchoring_consistent_of_covered": links_ok / max(links_covered, 1),
        "anchoring_consistent_of_all": links_ok / max(links_total, 1),
        "participant_recall_of_covered": part_found / max(part_covered_total, 1),
        "participant_recall_of_all": part_found / max(part_total, 1),
    }


# --- seed article ------------------------------------------------------------------------------


def eval_seed(nlp) -> dict:
    text = (ROOT / "seeds" / "tillerson-moscow-2017.txt").read_text(encoding="utf-8")
    published = datetime(2017, 4, 7, 12, tzinfo=UTC)
    doc = nlp(text)
    events = extract_events(doc, find_time_expressions(text, published, doc), published)

    def names(event, role):
        return {a.name for a in event.actors_in(role)}

    def places(event):
        return {(p.name, p.country_code) for p in event.locations}

    checks = {
        "travel to Moscow next week (planned, 04x, 2017-W15, Moscow)": any(
            e.event_code.startswith("04")
            and e.status == "planned"
            and e.date_value == "2017-W15"
            and ("Moscow", "RUS") in places(e)
            and "Rex Tillerson" in names(e, "source")
            for e in events
        ),
        "arrives in Moscow on Tuesday (2017-04-11, Moscow)": any(
            e.lemma == "arrive" and e.date_value == "2017-04-11" and ("Moscow", "RUS") in places(e)
            for e in events
        ),
        "stop in Lucca, Italy (Lucca, ITA)": any(
            e.event_code.startswith("04") and ("Lucca", "ITA") in places(e) for e in events
        ),
        "plans to meet Lavrov (036, planned, Tillerson -> Lavrov)": any(
            e.event_code == "036"
            and e.status == "planned"
            and "Rex Tillerson" in names(e, "source")
            and "Sergey Lavrov" in names(e, "target")
            for e in events
        ),
        "US launched cruise missiles (19x, USA -> Syria, Syria, 2017-04-06)": any(
            e.event_code.startswith("19")
            and "United States" in names(e, "source")
            and any("Syria" in n for n in names(e, "target"))
            and any(p[1] == "SYR" for p in places(e))
            and e.date_value == "2017-04-06"
            for e in events
        ),
        "Russia brokered a 2013 deal (2013, year, source Russia)": any(
            e.lemma == "broker"
            and e.date_value == "2013"
            and e.granularity == "year"
            and "Russia" in names(e, "source")
            for e in events
        ),
        "Tillerson said Russia failed (01x/11x, Tillerson -> Russia)": any(
            e.event_code[:2] in ("01", "11")
            and "Rex Tillerson" in names(e, "source")
            and "Russia" in names(e, "target")
            for e in events
        ),
    }
    return {"events": len(events), "checks": checks, "passed": sum(checks.values())}


def eval_speed(corpora: Path, nlp) -> dict:
    records = [json.loads(line) for line in (corpora / "plover-gsr" / "dev.jsonl").open()]
    texts = [r["text"] for r in records]
    extract_events(nlp(texts[0]), [], FIXED_DATE)  # lexicons and gazetteer loaded once
    parse = dates = events = 0.0
    for text in texts:
        started = time.process_time()
        doc = nlp(text)
        parsed = time.process_time()
        expressions = find_time_expressions(text, FIXED_DATE, doc)
        dated = time.process_time()
        extract_events(doc, expressions, FIXED_DATE)
        done = time.process_time()
        parse += parsed - started
        dates += dated - parsed
        events += done - dated
    total = parse + dates + events
    return {
        "pipeline_sentences_per_cpu_second": len(texts) / total,
        "parse_share": parse / total,
        "dates_share": dates / total,
        "events_share": events / total,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--plover", action="store_true")
    parser.add_argument("--meantime", action="store_true")
    parser.add_argument("--seed", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = parser.parse_args()
    everything = not (args.plover or args.meantime or args.seed or args.speed)
    nlp = load_model()
    results = {}
    if args.seed or everything:
        results["seed"] = eval_seed(nlp)
    if args.plover or everything:
        results["plover"] = eval_plover(args.corpora, nlp, args.verbose)
    if args.meantime or everything:
        results["meantime"] = eval_meantime(args.corpora, nlp, args.verbose)
    if args.speed or everything:
        results["speed"] = eval_speed(args.corpora, nlp)
    print(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
