"""Export stage: event dicts (from timeline.database.query) -> CSV, JSON, JSON Lines or a table.

Other formats live beside this module, one each: html (a self-contained timeline page), xlsx,
geojson, and the ACLED / GDELT column profiles.

One formatting module for every command that prints rows. Writers stream: rows are written as they
come, so memory does not grow with the number of events.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

CSV_COLUMNS = (
    "event_id",
    "date_start",
    "date_end",
    "date_value",
    "granularity",
    "date_source",
    "event_code",
    "event_label",
    "quad_class",
    "goldstein",
    "trigger",
    "status",
    "source_actors",
    "target_actors",
    "other_actors",
    "actor_codes",
    "locations",
    "country_codes",
    "latitude",
    "longitude",
    "sentence",
    "article_id",
    "article_title",
    "article_url",
    "source",
    "published_at",
)
JOIN = "; "


def csv_row(event: dict) -> dict:
    """One CSV row as a dict: see `csv_cells`."""
    return dict(zip(CSV_COLUMNS, csv_cells(event), strict=True))


def csv_cells(event: dict) -> tuple:
    """One CSV row, in the order of CSV_COLUMNS: see `csv_records`."""
    article = event["article"]
    record = (
        event["id"],
        event["date_start"],
        event["date_end"],
        event["date_value"],
        event["granularity"],
        event["date_source"],
        event["event_code"],
        event["event_label"],
        event["quad_class"],
        event.get("goldstein"),
        event["trigger"],
        event["status"],
        event["sentence"],
        article["id"],
        article["title"],
        article["url"],
        article["source"],
        article["published_at"],
        [
            (a["name"], a["role"], a.get("kind"), a.get("country_code"), a.get("code"))
            for a in event["actors"]
        ],
        [
            (p["name"], p.get("country_code"), p.get("latitude"), p.get("longitude"), None)
            for p in event["locations"]
        ],
    )
    return next(csv_records([record]))


def csv_records(records: Iterable[tuple]) -> Iterator[tuple]:
    """CSV rows (in the order of CSV_COLUMNS) of event records (query.RECORD_FIELDS): multi-valued
    cells joined with '; ', actor codes and country codes once each (the places' countries
    first), the first located place's coordinates. (Runs once per exported event: kept to plain
    loops, no calls per actor or place.)"""
    join = JOIN.join
    for record in records:
        actors, places = record[18], record[19]
        sources, targets, others, codes, countries, names = [], [], [], [], [], []
        for name, role, _, _, code in actors:
            if role == "source":
                sources.append(name)
            elif role == "target":
                targets.append(name)
            elif role == "other":
                others.append(name)
            if code and code not in codes:
                codes.append(code)
        latitude = longitude = None
        for name, code, lat, lon, _ in places:
            names.append(name)
            if code and code not in countries:
                countries.append(code)
            if latitude is None and lat is not None:
                latitude, longitude = lat, lon
        for _, _, _, code, _ in actors:
            if code and code not in countries:
                countries.append(code)
        yield (
            *record[:12],  # id .. status, as the record has them
            join(sources),
            join(targets),
            join(others),
            join(codes),
            join(names),
            join(countries),
            latitude,
            longitude,
            *record[12:18],  # sentence, article id, title, url, source, publication time
        )


def extracted_events(extraction) -> list[dict]:
    """The events of an extraction not (yet) stored, in the same shape as `iter_events` gives
    stored ones; ids count from 1 and the article has no id."""
    article = extraction.article
    published = article.published_at.isoformat() if article.published_at else None
    return [
        event_dict(
            (
                number,
                event.date_start.isoformat() if event.date_start else None,
                event.date_end.isoformat() if event.date_end else None,
                event.date_value,
                event.granularity,
                event.date_source,
                event.event_code,
                event.event_label,
                event.quad_class,
                event.goldstein,
                event.trigger,
                event.status,
                event.sentence,
                None,
                article.title,
                article.url,
                article.source,
                published,
                [(a.name, a.role, a.kind, a.country_code, a.code) for a in event.actors],
                [
                    (p.name, p.country_code, p.latitude, p.longitude, p.feature)
                    for p in event.locations
                ],
            )
        )
        for number, event in enumerate(extraction.events, start=1)
    ]


def event_dict(record: tuple) -> dict:
    """The listing's dict (the JSON shape the CLI prints) of an event record
    (timeline.database.query.RECORD_FIELDS)."""
    (
        event_id,
        date_start,
        date_end,
        date_value,
        granularity,
        date_source,
        event_code,
        event_label,
        quad_class,
        goldstein,
        trigger,
        status,
        sentence,
        article_id,
        article_title,
        article_url,
        article_source,
        article_published_at,
        actors,
        places,
    ) = record
    return {
        "id": event_id,
        "date_start": date_start,
        "date_end": date_end,
        "date_value": date_value,
        "granularity": granularity,
        "date_source": date_source,
        "event_code": event_code,
        "event_label": event_label,
        "quad_class": quad_class,
        "goldstein": goldstein,
        "trigger": trigger,
        "status": status,
        "sentence": sentence,
        "actors": [
            {"name": n, "role": r, "kind": k, "country_code": c, "code": code}
            for n, r, k, c, code in actors
        ],
        "locations": [
            {"name": n, "country_code": c, "latitude": la, "longitude": lo, "feature": f}
            for n, c, la, lo, f in places
        ],
        "article": {
            "id": article_id,
            "title": article_title,
            "url": article_url,
            "source": article_source,
            "published_at": article_published_at,
        },
    }


def write_csv(events: Iterable[dict], out: TextIO) -> int:
    return write_csv_rows(map(csv_cells, events), out)


def write_csv_records(records: Iterable[tuple], out: TextIO, *, header: bool = True) -> int:
    """The CSV of event records (query.iter_event_records): the export's fast path, the same bytes
    as `write_csv` of the events as dicts."""
    return write_csv_rows(csv_records(records), out, header=header)


def write_csv_rows(rows: Iterable[tuple], out: TextIO, *, header: bool = True) -> int:
    """CSV of rows of len(CSV_COLUMNS) cells, as csv.writer writes them (RFC 4180, minimal quoting,
    CRLF), after the header row unless `header` is false. csv.writer inspects every character
    (most of an export's time): a row whose joined cells hold no quote, CR or LF and exactly the
    separating commas needs no quoting, so it is written joined as it is, and only the other rows
    go through csv.writer."""
    writer = csv.writer(out, lineterminator="\r\n")
    if header:
        writer.writerow(CSV_COLUMNS)
    commas = len(CSV_COLUMNS) - 1
    count = 0
    for chunk in batched(rows, 500):
        lines = []
        for row in chunk:
            line = ",".join(["" if v is None else v if v.__class__ is str else str(v) for v in row])
            if (
                line.count(",") == commas
                and '"' not in line
                and "\n" not in line
                and "\r" not in line
            ):
                lines.append(line)
            else:
                if lines:
                    out.write("\r\n".join(lines) + "\r\n")
                    lines = []
                writer.writerow(row)
        if lines:
            out.write("\r\n".join(lines) + "\r\n")
        count += len(chunk)
    return count


def batched(items: Iterable, size: int) -> Iterator[tuple]:
    """Tuples of `size` items (the last one shorter): itertools.batched before Python 3.12."""
    iterator = iter(items)
    while chunk := tuple(itertools.islice(iterator, size)):
        yield chunk


def write_json(rows: Iterable[dict], out: TextIO) -> int:
    """A JSON array, written element by element."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n  " if count else "\n  ")
        out.write(json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(rows: Iterable[dict], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def write_events(events: Iterable[dict], fmt: str, out: TextIO, *, width: int = 120) -> int:
    if fmt == "csv":
        return write_csv(events, out)
    if fmt == "json":
        return write_json(events, out)
    if fmt == "jsonl":
        return write_jsonl(events, out)
    return write_table(event_table_rows(events), EVENT_TABLE_COLUMNS, out, width=width)


# --- terminal tables ----------------------------------------------------------------------------

EVENT_TABLE_COLUMNS = ("id", "date", "event", "status", "who", "where")


def describe_date(event: dict) -> str:
    value = event["date_value"] or ""
    if event["granularity"] == "day" or not event["date_start"]:
        text = value
    else:
        text = f"{value} ({event['date_start']}..{event['date_end']})"
    if event["date_source"] == "publication":
        text += "*"
    return text


def describe_actors(event: dict, nobody: str = "?") -> str:
    """'Rex Tillerson -> Russia': the sources, then the targets, if any."""
    sources = [a["name"] for a in event["actors"] if a["role"] == "source"]
    targets = [a["name"] for a in event["actors"] if a["role"] == "target"]
    text = ", ".join(sources) or nobody
    if targets:
        text += " -> " + ", ".join(targets)
    return text


def event_table_rows(events: Iterable[dict]) -> Iterator[dict]:
    for event in events:
        yield {
            "id": event["id"],
            "date": describe_date(event),
            "event": f"{event['event_code']} {event['event_label']} ({event['trigger']})",
            "status": event["status"],
            "who": describe_actors(event),
            "where": ", ".join(
                p["name"] + (f" ({p['country_code']})" if p.get("country_code") else "")
                for p in event["locations"]
            ),
        }


def write_table(
    rows: Iterable[dict], columns: tuple[str, ...], out: TextIO, width: int = 120
) -> int:
    """A plain aligned table; rows are buffered in pages of 200 so that it starts printing early."""
    count = 0
    page: list[dict] = []
    header_done = False

    def flush() -> None:
        nonlocal header_done
        cells = [[_cell(row.get(c)) for c in columns] for row in page]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        widths = _fit(widths, width)
        if not header_done:
            out.write(_line(list(columns), widths) + "\n")
            out.write(_line(["-" * w for w in widths], widths) + "\n")
            header_done = True
        for r in cells:
            out.write(_line(r, widths) + "\n")
        page.clear()

    for row in rows:
        page.append(row)
        count += 1
        if len(page) >= 200:
            flush()
    if page or not header_done:
        flush()
    return count


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return " ".join(str(value).split())


def _fit(widths: list[int], total: int) -> list[int]:
    """Shrink the widest columns until the line fits the terminal."""
    widths = list(widths)
    while sum(widths) + 2 * (len(widths) - 1) > total and max(widths) > 12:
        widths[widths.index(max(widths))] -= 1
    return widths


def _line(cells: list[str], widths: list[int]) -> str:
    parts = []
    for cell, w in zip(cells, widths, strict=True):
        parts.append(cell if len(cell) <= w else cell[: w - 1] + "…")
    return "  ".join(p.ljust(w) for p, w in zip(parts, widths, strict=True)).rstrip()


def write_records(rows: list[dict], columns: tuple[str, ...], fmt: str, out: TextIO) -> int:
    """Listings (actors, places, dates): table, json, jsonl or csv of the given columns."""
    if fmt == "json":
        return write_json(rows, out)
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    if fmt == "csv":
        writer = csv.DictWriter(
            out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n"
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _cell(row.get(c)) for c in columns})
        return len(rows)
    return write_table(rows, columns, out)
