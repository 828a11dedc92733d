"""Read stage: turn files (text, JSON, JSON Lines, CSV, HTML) into `Article` records.

Everything the user can get wrong in an input file comes back as an `InputError` instance that
is *yielded*, not raised, with a one-line message "ORIGIN: reason", so that one bad file or
record never stops the good ones next to it. Values inside records (text, URLs, paths) are data
only: nothing named inside a file is ever opened.
"""

from __future__ import annotations

import codecs
import csv
import email.utils
import io
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO, TextIO

from timeline.errors import InputError
from timeline.records import Article

FORMATS = ("text", "json", "jsonl", "csv", "html")

# File name extension -> format, for files found in directories or named without --input-format.
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}

STDIN_ORIGIN = "<stdin>"

# Files a directory of articles commonly also holds that are not articles (compared in lower
# case, extension removed). Skipped when found in a directory; read when named explicitly.
NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "contributing"})

# Record field names (lower case), first match wins.
TEXT_FIELDS = ("text", "body", "content")
PUBLISHED_FIELDS = ("published", "published_at", "date")
TITLE_FIELDS = ("title",)
URL_FIELDS = ("url",)
SOURCE_FIELDS = ("source",)

_ISO_HINT = "expected an ISO date such as 2017-04-07 or 2017-04-07T09:30:00-04:00"
_FRONT_MATTER_FIELD = re.compile(r"^\s*(?P<key>[A-Za-z_][A-Za-z0-9_-]*)\s*:(?P<value>.*)$")
_CSV_FIELD_LIMIT = 64 * 1024 * 1024  # characters in one CSV cell: whole articles fit
_MAX_SHOWN = 60  # characters of a bad value quoted back in a message


@dataclass(frozen=True)
class _Overrides:
    """What the command line imposes on every article, whatever the file says."""

    published: datetime | None
    source: str | None


def iter_articles(
    paths: Sequence[str],
    format: str | None = None,
    published: datetime | None = None,
    source: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Yield one `Article` per article found in `paths`, or an `InputError` per unreadable part.

    `paths` holds files, directories (searched recursively in sorted order, skipping hidden
    entries, files whose extension is not a known format, and README/LICENSE files) and "-"
    for standard input (`stdin`, default `sys.stdin`; format `format`, else text). `format`
    overrides the format detected from file extensions. `published` and `source` override
    whatever the files say. Files are read one at a time; nothing is raised for bad input.
    """
    if isinstance(paths, str):  # one path given bare: not a sequence of one-letter paths
        paths = [paths]
    if format is not None and format not in FORMATS:
        yield InputError(f"unknown format '{_shown(format)}': expected one of {', '.join(FORMATS)}")
        return
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    overrides = _Overrides(published=published, source=source)
    for path in map(os.fspath, paths):
        if path == "-":
            yield from _read_stdin(stdin, format or "text", overrides)
        else:
            yield from _read_path(path, format, overrides)


def parse_published(value: str) -> datetime:
    """Parse a publication time: ISO 8601 (date or date-time) or an RFC 2822 feed date.

    A date alone means midnight UTC; a time without an offset is taken as UTC. The result is
    always timezone-aware. Raises `InputError` for anything else.
    """
    text = value.strip() if isinstance(value, str) else ""
    parsed: datetime | None = None
    if text:
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = _parse_rfc2822(text)
    if parsed is None:
        raise InputError(f"invalid publication time '{_shown(str(value))}': {_ISO_HINT}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def format_for(path: str | os.PathLike[str]) -> str | None:
    """The format a file name's extension stands for, or None when it names no known format."""
    return EXTENSIONS.get(os.path.splitext(os.fspath(path))[1].lower())


# --- paths -------------------------------------------------------------------------------------


def _read_path(
    path: str, format: str | None, overrides: _Overrides
) -> Iterator[Article | InputError]:
    try:
        is_dir = os.path.isdir(path)
        exists = is_dir or os.path.exists(path)
    except ValueError:  # e.g. a NUL character in the name
        is_dir = exists = False
    if not exists:
        yield _error(path, "no such file or directory")
        return
    if not is_dir:
        fmt = format or format_for(path)
        if fmt is None:
            yield _error(
                path,
                "cannot tell the format from the file name; "
                f"give --input-format ({', '.join(FORMATS)})",
            )
            return
        yield from _read_file(path, fmt, overrides)
        return
    found = False
    for item in _walk(path, set()):
        if isinstance(item, InputError):
            yield item
            continue
        found = True
        yield from _read_file(item, format or format_for(item) or "text", overrides)
    if not found:
        known = " ".join(sorted(EXTENSIONS))
        yield _error(path, f"no article files in this directory (looked for {known})")


def _walk(directory: str, seen: set[str]) -> Iterator[str | InputError]:
    """Files of known formats under `directory`, depth first in name order, hidden ones skipped."""
    real = os.path.realpath(directory)
    if real in seen:  # a symbolic link back up the tree
        return
    seen.add(real)
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield _error(directory, f"cannot list directory ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen)
        elif format_for(entry.name) is not None and not _is_documentation(entry.name):
            yield path


def _is_documentation(name: str) -> bool:
    return os.path.splitext(name)[0].lower() in NOT_ARTICLES


def _read_file(path: str, format: str, overrides: _Overrides) -> Iterator[Article | InputError]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        yield _error(path, f"cannot read file ({exc.strerror or exc})")
        return
    yield from _parse(data, path, format, overrides)


def _read_stdin(
    stdin: TextIO | BinaryIO | None, format: str, overrides: _Overrides
) -> Iterator[Article | InputError]:
    stream = stdin if stdin is not None else sys.stdin
    buffer = getattr(stream, "buffer", None)  # read bytes when we can, to decode them ourselves
    try:
        data = buffer.read() if buffer is not None else stream.read()
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        yield _error(STDIN_ORIGIN, f"cannot read standard input ({exc})")
        return
    yield from _parse(data, STDIN_ORIGIN, format, overrides)


def _parse(
    data: bytes | str, origin: str, format: str, overrides: _Overrides
) -> Iterator[Article | InputError]:
    if format == "html":
        yield from _parse_html(data, origin, overrides)
        return
    try:
        text = _to_text(data, origin)
    except InputError as exc:
        yield exc
        return
    if format == "text":
        parser = _parse_text
    elif format == "json":
        parser = _parse_json
    elif format == "jsonl":
        parser = _parse_jsonl
    else:
        parser = _parse_csv
    yield from parser(text, origin, overrides)


# --- decoding ----------------------------------------------------------------------------------


def _to_text(data: bytes | str, origin: str) -> str:
    """Decoded text with CRLF/CR turned into LF; raises for binary, undecodable or empty input."""
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
        nul = text.find("\x00")
        if nul >= 0:
            raise _error(origin, f"binary data, not text (NUL character at offset {nul})")
    else:
        text = _decode(data, origin)
    text = _normalize_newlines(text)
    if not text.strip():
        raise _error(origin, "empty file")
    return text


def _decode(data: bytes, origin: str) -> str:
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise _error(
                    origin, f"not valid {codec.upper()} text (bad data at offset {exc.start})"
                ) from None
            return text.removeprefix("\ufeff")
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    nul = data.find(b"\x00", skip)
    if nul >= 0:
        raise _error(
            origin,
            f"binary data, not text (NUL byte at offset {nul}); "
            "text must be UTF-8, or UTF-16 with a byte-order mark",
        )
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        raise _error(
            origin,
            f"not UTF-8 text (byte 0x{data[offset]:02x} at offset {offset}); "
            "convert it to UTF-8, e.g. iconv -f latin1 -t utf-8",
        ) from None


def _normalize_newlines(text: str) -> str:
    # Same length or shorter only by CRLF pairs: offsets into the result are what later stages use.
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- plain text with front matter --------------------------------------------------------------


def _parse_text(text: str, origin: str, overrides: _Overrides) -> Iterator[Article | InputError]:
    try:
        fields, body = _split_front_matter(text, origin)
        if not body.strip():
            raise _error(origin, "no article text after the front matter")
        yield _make_article(fields, body, origin, overrides)
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
            raise _error(
                f"{origin}:{line_number}",
                f"front matter line '{_shown(stripped)}' is not 'key: value' "
                "(is the closing '---' line missing?)",
            )
        fields[match["key"].lower()] = _unquote(match["value"].strip())
    if not fields:
        return {}, text
    raise _error(origin, "front matter that starts on line 1 is never closed by a '---' line")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


# --- JSON, JSON Lines, CSV ---------------------------------------------------------------------


def _parse_json(text: str, origin: str, overrides: _Overrides) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield _error(
            origin,
            f"not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}); "
            "is the file complete?",
        )
        return
    except RecursionError:
        yield _error(origin, "JSON nested too deeply")
        return
    if isinstance(data, dict):
        yield from _record_article(data, origin, overrides)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _record_article(item, f"{origin}[{index}]", overrides)
    else:
        yield _error(origin, f"expected a JSON object or a list of objects, got {_json_type(data)}")


def _parse_jsonl(text: str, origin: str, overrides: _Overrides) -> Iterator[Article | InputError]:
    # split on "\n" only: str.splitlines would also split on U+2028 inside JSON strings
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_origin = f"{origin}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error(line_origin, f"not valid JSON at column {exc.colno} ({exc.msg})")
            continue
        except RecursionError:
            yield _error(line_origin, "JSON nested too deeply")
            continue
        yield from _record_article(data, line_origin, overrides)


def _parse_csv(text: str, origin: str, overrides: _Overrides) -> Iterator[Article | InputError]:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield _error(origin, f"cannot read the CSV header row ({exc or 'no rows'})")
        return
    columns = [name.strip().lower() for name in header]
    if not any(name in TEXT_FIELDS for name in columns):
        found = ", ".join(repr(name) for name in columns if name) or "none"
        yield _error(
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
            yield _error(row_origin, f"not valid CSV ({exc}); check the quoting")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            yield _error(
                row_origin,
                f"{len(row)} fields but the header names {len(columns)} columns; "
                "quote fields that contain commas",
            )
            continue
        record = {name: cell for name, cell in zip(columns, row, strict=False) if name}
        yield from _record_article(record, row_origin, overrides)


def _record_article(
    record: object, origin: str, overrides: _Overrides
) -> Iterator[Article | InputError]:
    """The Article of one JSON object or CSV row (yielded), or the error that explains why not."""
    if not isinstance(record, dict):
        yield _error(origin, f"expected a JSON object, got {_json_type(record)}")
        return
    fields = {str(key).strip().lower(): value for key, value in record.items()}
    text_key = next((k for k in TEXT_FIELDS if fields.get(k) is not None), None)
    if text_key is None:
        found = ", ".join(repr(key) for key in fields) or "none"
        yield _error(
            origin, f"no 'text' field (fields found: {found}); put the article text under 'text'"
        )
        return
    text = fields.pop(text_key)
    if not isinstance(text, str):
        yield _error(origin, f"'{text_key}' must be a string, got {_json_type(text)}")
        return
    if not text.strip():
        yield _error(origin, f"'{text_key}' is empty")
        return
    try:
        yield _make_article(fields, _normalize_newlines(text), origin, overrides)
    except InputError as exc:
        yield exc


# --- HTML --------------------------------------------------------------------------------------


def _parse_html(
    data: bytes | str, origin: str, overrides: _Overrides
) -> Iterator[Article | InputError]:
    if not data.strip():
        yield _error(origin, "empty file")
        return
    page: bytes | str = data
    if isinstance(data, bytes):
        try:
            page = _decode(data, origin)
        except InputError as exc:
            if b"\x00" in data:
                yield exc
                return
            # not UTF-8: leave the bytes to the HTML parser, which honours <meta charset>
    try:
        import trafilatura
        from trafilatura.utils import load_html

        tree = load_html(page)
        if tree is None:
            yield _error(origin, "cannot parse HTML (no document found in the markup)")
            return
        marked_up = _marked_up_times(tree)  # before extraction, which prunes the tree
        link_words = _link_words(tree)
        document = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,  # navigation-only pages give no text rather than link lists
            date_extraction_params={
                "extensive_search": False,  # only dates marked up as such, not dates in the prose
                "original_date": True,
                "deferred_url_extractor": True,  # a date in the URL has no time of day
                "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            },
        )
    except Exception as exc:  # the HTML parser can fail in many ways on malformed markup
        yield _error(origin, f"cannot parse HTML ({type(exc).__name__}: {_shown(str(exc))})")
        return
    text = _normalize_newlines(getattr(document, "text", None) or "")
    if not text.strip() or set(text.split()) <= link_words:  # nothing but link labels ("Home")
        yield _error(
            origin,
            "no article text found; save the article's own page, or give its text as a .txt file",
        )
        return
    source = overrides.source
    if source is None:
        source = _clean(getattr(document, "sitename", None))
    yield Article(
        text=text,
        published_at=overrides.published or _html_published(document, marked_up),
        title=_clean(getattr(document, "title", None)),
        url=_clean(getattr(document, "url", None)),
        source=source,
        origin=origin,
    )


# <meta> names (property, name or itemprop, lower case) that state the publication time.
_PUBLISHED_META = frozenset(
    {
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date.issued",
        "dcterms.issued",
        "parsely-pub-date",
        "sailthru.date",
    }
)


@dataclass(frozen=True)
class _MarkedUpTimes:
    """Machine-readable times in a page: the declared publication time and <time> elements."""

    published: datetime | None
    times: tuple[datetime, ...]  # <time datetime=...> values that include a time of day


def _marked_up_times(tree: object) -> _MarkedUpTimes:
    published = None
    for element in tree.iter("meta"):  # type: ignore[attr-defined]
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        if key.strip().lower() in _PUBLISHED_META:
            published = _try_published(element.get("content"))
            if published is not None:
                break
    times = []
    for element in tree.iter("time"):  # type: ignore[attr-defined]
        value = (element.get("datetime") or "").strip()
        if len(value) > len("2017-04-07"):  # a time of day, not just a date
            parsed = _try_published(value)
            if parsed is not None:
                times.append(parsed)
    return _MarkedUpTimes(published=published, times=tuple(times))


def _link_words(tree: object) -> set[str]:
    """The words of the page's link labels: text made of these alone is navigation."""
    words: set[str] = set()
    for element in tree.iter("a"):  # type: ignore[attr-defined]
        words.update(" ".join(element.itertext()).split())
    return words


def _html_published(document: object, marked_up: _MarkedUpTimes) -> datetime | None:
    """The page's publication time: declared in <meta>, else trafilatura's date, made precise
    by a <time> element of the same day when there is one. None when the page gives none."""
    if marked_up.published is not None:
        return marked_up.published
    found = _try_published(getattr(document, "date", None))
    for moment in marked_up.times:
        if found is None or moment.date() == found.date():
            return moment
    return found


def _try_published(value: object) -> datetime | None:
    """parse_published, or None: a page date we cannot read is no date at all."""
    if not isinstance(value, str):
        return None
    try:
        return parse_published(value)
    except InputError:
        return None


def _clean(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


# --- shared ------------------------------------------------------------------------------------


def _make_article(
    fields: Mapping[str, object], text: str, origin: str, overrides: _Overrides
) -> Article:
    """Build the Article from lower-case `fields`; raises InputError naming `origin`."""
    published = overrides.published
    if published is None:
        value = _field(fields, PUBLISHED_FIELDS, origin)
        if value is not None:
            try:
                published = parse_published(value)
            except InputError as exc:
                raise _error(origin, str(exc)) from None
    source = overrides.source
    if source is None:
        source = _field(fields, SOURCE_FIELDS, origin)
    return Article(
        text=text,
        published_at=published,
        title=_field(fields, TITLE_FIELDS, origin),
        url=_field(fields, URL_FIELDS, origin),
        source=source,
        origin=origin,
    )


# What to tell the user when a field holds something else than a string.
_FIELD_HINTS = {
    "source": "the outlet's name; --source sets it for every article",
    "published": "such as 2017-04-07T09:30:00-04:00; --published sets it for every article",
    "published_at": "such as 2017-04-07T09:30:00-04:00; --published sets it for every article",
    "date": "such as 2017-04-07T09:30:00-04:00; --published sets it for every article",
}


def _field(fields: Mapping[str, object], names: tuple[str, ...], origin: str) -> str | None:
    """The first of `names` present with a value: a stripped string, or None when blank."""
    for name in names:
        value = fields.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            hint = f" ({_FIELD_HINTS[name]})" if name in _FIELD_HINTS else ""
            raise _error(origin, f"'{name}' must be a string{hint}, got {_json_type(value)}")
        value = value.strip()
        if value:
            return value
    return None


def _parse_rfc2822(text: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _json_type(value: object) -> str:
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


def _shown(value: str) -> str:
    """A value quoted back in a one-line message: control characters escaped, long ones cut."""
    value = value.encode("unicode_escape").decode("ascii") if not value.isprintable() else value
    return value if len(value) <= _MAX_SHOWN else value[: _MAX_SHOWN - 3] + "..."


def _error(origin: str, reason: str) -> InputError:
    message = f"{origin}: {reason}"
    return InputError(message.replace("\r", "\\r").replace("\n", "\\n"))  # one line
