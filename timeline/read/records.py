"""Articles from records: plain text with a front-matter block, JSON, JSON Lines and CSV.

Each record's fields (text, title, url, source, published) make one `Article`; the command line's
overrides win over what a file says. Values are data only: nothing named in a field is opened.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime

from timeline.errors import InputError
from timeline.read.decoding import normalize_newlines
from timeline.read.messages import input_error, shown
from timeline.read.published import parse_publication
from timeline.records import Article

# Record field names (lower case), first match wins.
TEXT_FIELDS = ("text", "body", "content")
PUBLISHED_FIELDS = ("published", "published_at", "date")
TITLE_FIELDS = ("title",)
URL_FIELDS = ("url",)
SOURCE_FIELDS = ("source",)

_FRONT_MATTER_FIELD = re.compile(r"^\s*(?P<key>[A-Za-z_][A-Za-z0-9_-]*)\s*:(?P<value>.*)$")
_CSV_FIELD_LIMIT = 64 * 1024 * 1024  # characters in one CSV cell: whole articles fit


@dataclass(frozen=True)
class Overrides:
    """What the command line imposes on every article, whatever the file says."""

    published: datetime | None
    source: str | None
    published_granularity: str | None = None  # how precise `published` is
    date_order: str | None = None  # DMY or MDY: how to read 03/04/2018 in the files


def parse_text(text: str, origin: str, overrides: Overrides) -> Iterator[Article | InputError]:
    try:
        fields, body = _split_front_matter(text, origin)
        if not body.strip():
            raise input_error(origin, "no article text after the front matter")
        yield make_article(fields, body, origin, overrides)
    except InputError as exc:
        yield exc


def _split_front_matter(text: str, origin: str) -> tuple[dict[str, str], str]:
    """(front matter fields with lower-case keys, body). Without front matter: ({}, text).

    The block is a first line "---", lines "key: value", and a closing line "---". The body is
    everything after the newline that ends the closing line, unchanged.
    """
    first, newline, _ = text.partition("\n")
    if first.rstrip() != "---" or not newline:
        return {}, text
    fields: dict[str, str] = {}
    position = len(first) + 1
    line_number = 1
    while position < len(text):
        line_number += 1
        end = text.find("\n", position)
        line = text[position:] if end < 0 else text[position:end]
        position = len(text) if end < 0 else end + 1
        if line.rstrip() == "---":
            return fields, text[position:]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _FRONT_MATTER_FIELD.match(line)
        if match is None:
            if not fields:  # a horizontal rule followed by prose, not front matter
                return {}, text
            raise input_error(
                f"{origin}:{line_number}",
                f"front matter line '{shown(stripped)}' is not 'key: value' "
                "(is the closing '---' line missing?)",
            )
        fields[match["key"].lower()] = _unquote(match["value"].strip())
    if not fields:
        return {}, text
    raise input_error(origin, "front matter that starts on line 1 is never closed by a '---' line")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


# --- JSON, JSON Lines, CSV ---------------------------------------------------------------------


def parse_json(text: str, origin: str, overrides: Overrides) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield input_error(
            origin,
            f"not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}); "
            "is the file complete?",
        )
        return
    except RecursionError:
        yield input_error(origin, "JSON nested too deeply")
        return
    if isinstance(data, dict):
        yield from record_article(data, origin, overrides)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from record_article(item, f"{origin}[{index}]", overrides)
    else:
        found = json_type(data)
        yield input_error(origin, f"expected a JSON object or a list of objects, got {found}")


def parse_jsonl(text: str, origin: str, overrides: Overrides) -> Iterator[Article | InputError]:
    # split on "\n" only: str.splitlines would also split on U+2028 inside JSON strings
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_origin = f"{origin}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield input_error(line_origin, f"not valid JSON at column {exc.colno} ({exc.msg})")
            continue
        except RecursionError:
            yield input_error(line_origin, "JSON nested too deeply")
            continue
        yield from record_article(data, line_origin, overrides)


def parse_csv(text: str, origin: str, overrides: Overrides) -> Iterator[Article | InputError]:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield input_error(origin, f"cannot read the CSV header row ({exc or 'no rows'})")
        return
    columns = [name.strip().lower() for name in header]
    if not any(name in TEXT_FIELDS for name in columns):
        found = ", ".join(repr(name) for name in columns if name) or "none"
        yield input_error(
            origin,
            f"no 'text' column (columns found: {found}); "
            "the first row must name the columns, one of them 'text'",
        )
        return
    while True:
        row_origin = f"{origin}:{reader.line_num + 1}"  # the line the record starts on
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader starts again on the next line
            yield input_error(row_origin, f"not valid CSV ({exc}); check the quoting")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            yield input_error(
                row_origin,
                f"{len(row)} fields but the header names {len(columns)} columns; "
                "quote fields that contain commas",
            )
            continue
        record = {name: cell for name, cell in zip(columns, row, strict=False) if name}
        yield from record_article(record, row_origin, overrides)


def record_article(
    record: object, origin: str, overrides: Overrides
) -> Iterator[Article | InputError]:
    """The Article of one JSON object or CSV row (yielded), or the error that explains why not."""
    if not isinstance(record, dict):
        yield input_error(origin, f"expected a JSON object, got {json_type(record)}")
        return
    fields = {str(key).strip().lower(): value for key, value in record.items()}
    text_key = next((k for k in TEXT_FIELDS if fields.get(k) is not None), None)
    if text_key is None:
        found = ", ".join(repr(key) for key in fields) or "none"
        yield input_error(
            origin, f"no 'text' field (fields found: {found}); put the article text under 'text'"
        )
        return
    text = fields.pop(text_key)
    if not isinstance(text, str):
        yield input_error(origin, f"'{text_key}' must be a string, got {json_type(text)}")
        return
    if not text.strip():
        yield input_error(origin, f"'{text_key}' is empty")
        return
    try:
        yield make_article(fields, normalize_newlines(text), origin, overrides)
    except InputError as exc:
        yield exc


def make_article(
    fields: Mapping[str, object], text: str, origin: str, overrides: Overrides
) -> Article:
    """Build the Article from lower-case `fields`; raises InputError naming `origin`."""
    published, granularity = overrides.published, overrides.published_granularity
    if published is None:
        value = record_field(fields, PUBLISHED_FIELDS, origin)
        if value is not None:
            try:
                published, granularity = parse_publication(value, overrides.date_order)
            except InputError as exc:
                raise input_error(origin, str(exc)) from None
    source = overrides.source
    if source is None:
        source = record_field(fields, SOURCE_FIELDS, origin)
    return Article(
        text=text,
        published_at=published,
        title=record_field(fields, TITLE_FIELDS, origin),
        url=record_field(fields, URL_FIELDS, origin),
        source=source,
        origin=origin,
        published_granularity=granularity,
    )


# What to tell the user when a field holds something else than a string.
_FIELD_HINTS = {
    "source": "the outlet's name; --source sets it for every article",
    "published": "such as 2017-04-07T09:30:00-04:00; --published sets it for every article",
    "published_at": "such as 2017-04-07T09:30:00-04:00; --published sets it for every article",
    "date": "such as 2017-04-07T09:30:00-04:00; --published sets it for every article",
}


def record_field(fields: Mapping[str, object], names: tuple[str, ...], origin: str) -> str | None:
    """The first of `names` present with a value: a stripped string, or None when blank."""
    for name in names:
        value = fields.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            hint = f" ({_FIELD_HINTS[name]})" if name in _FIELD_HINTS else ""
            raise input_error(origin, f"'{name}' must be a string{hint}, got {json_type(value)}")
        value = value.strip()
        if value:
            return value
    return None


def json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
