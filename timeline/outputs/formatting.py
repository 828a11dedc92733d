"""Writers shared by every command that prints rows: JSON, JSON Lines, CSV and a terminal table.

They stream: rows are written as they come, so memory does not grow with the number of rows.
What an event's row holds is in `timeline.outputs.events`.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterable, Iterator
from typing import TextIO


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


def write_csv_rows(
    rows: Iterable[tuple], columns: tuple[str, ...], out: TextIO, *, header: bool = True
) -> int:
    """CSV of rows of len(columns) cells, as csv.writer writes them (RFC 4180, minimal quoting,
    CRLF), after the header row (the columns) unless `header` is false. csv.writer inspects
    every character (most of an export's time): a row whose joined cells hold no quote, CR or LF
    and exactly the separating commas needs no quoting, so it is written joined as it is, and
    only the other rows go through csv.writer."""
    writer = csv.writer(out, lineterminator="\r\n")
    if header:
        writer.writerow(columns)
    commas = len(columns) - 1
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


def write_table(
    rows: Iterable[dict], columns: tuple[str, ...], out: TextIO, width: int | None = None
) -> int:
    """A plain aligned table; rows are buffered in pages of 200 so that it starts printing early.

    With `width` (a terminal's), the widest columns are narrowed until a line fits and longer
    values are cut with "…"; without it (not a terminal, or --wide) every value is whole. A column
    never narrows from one page to the next."""
    count = 0
    page: list[dict] = []
    widths: list[int] = []

    def flush() -> None:
        nonlocal widths
        cells = [[_cell(row.get(c)) for c in columns] for row in page]
        found = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        if width is not None:
            found = _fit(found, width)
        header = not widths
        widths = [max(pair) for pair in zip(widths, found, strict=True)] if widths else found
        if header:
            out.write(_line(list(columns), widths) + "\n")
            out.write(_line(["-" * w for w in widths], widths) + "\n")
        for r in cells:
            out.write(_line(r, widths, cut=width is not None) + "\n")
        page.clear()

    for row in rows:
        page.append(row)
        count += 1
        if len(page) >= 200:
            flush()
    if page or not widths:
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


def _line(cells: list[str], widths: list[int], *, cut: bool = True) -> str:
    parts = []
    for cell, w in zip(cells, widths, strict=True):
        parts.append(cell if not cut or len(cell) <= w else cell[: w - 1] + "…")
    return "  ".join(p.ljust(w) for p, w in zip(parts, widths, strict=True)).rstrip()


def write_rows(
    rows: list, columns: tuple[str, ...], fmt: str, out: TextIO, *, width: int | None = None
) -> int:
    """A listing's rows (actors, dyads, places, dates; dicts or named tuples): a table (fitted to
    `width`, see `write_table`), JSON, JSON Lines or CSV of the given columns (JSON: every
    field)."""
    rows = [row._asdict() if hasattr(row, "_asdict") else row for row in rows]
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
    return write_table(rows, columns, out, width)


# The columns of a place mention in a table or CSV (JSON nests its article)
MENTION_COLUMNS = (
    "article_id", "text", "start", "end", "name", "geonames_id", "feature", "country_code",
    "admin1", "latitude", "longitude",
)  # fmt: skip


def write_mentions(mentions, fmt: str, out: TextIO) -> int:
    """Place mentions (`MentionRecord`s): JSON with each one's article as an object, or a table
    or CSV with the article's id."""
    if fmt in ("json", "jsonl"):
        return write_rows(list(mentions), MENTION_COLUMNS, fmt, out)
    rows = [{"article_id": m.article["id"], **m._asdict()} for m in mentions]
    return write_rows(rows, MENTION_COLUMNS, fmt, out)


def write_summary(data: dict, fmt: str, out: TextIO) -> None:
    """Named values (`timeline stats`) as JSON, or one "name  value" line each (a dict value as
    "key: value, ...")."""
    if fmt == "json":
        out.write(json.dumps(data, indent=2) + "\n")
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
        out.write(f"{key.replace('_', ' '):<18} {value}\n")
