"""Files, folders and standard input: which inputs hold articles, in which format.

Everything the user can get wrong in an input file comes back as an `InputError` instance that
is *yielded*, not raised, with a one-line message "ORIGIN: reason", so that one bad file or
record never stops the good ones next to it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import BinaryIO, TextIO

from timeline.errors import InputError
from timeline.read.decoding import to_text
from timeline.read.html import parse_html
from timeline.read.messages import input_error, shown
from timeline.read.records import Overrides, parse_csv, parse_json, parse_jsonl, parse_text
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


def iter_articles(
    paths: Sequence[str],
    format: str | None = None,
    published: datetime | None = None,
    source: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    *,
    published_granularity: str | None = None,
    date_order: str | None = None,
) -> Iterator[Article | InputError]:
    """Yield one `Article` per article found in `paths`, or an `InputError` per unreadable part.

    `paths` holds files, directories (searched recursively in sorted order, skipping hidden
    entries, files whose extension is not a known format, and README/LICENSE files) and "-"
    for standard input (`stdin`, default `sys.stdin`; format `format`, else text). `format`
    overrides the format detected from file extensions. `published` and `source` override
    whatever the files say (`published_granularity`: how precise `published` is, see
    `parse_publication`); `date_order` (DMY, MDY) reads the files' ambiguous dates such as
    03/04/2018. Files are read one at a time; nothing is raised for bad input.
    """
    if isinstance(paths, str):  # one path given bare: not a sequence of one-letter paths
        paths = [paths]
    if format is not None and format not in FORMATS:
        yield InputError(f"unknown format '{shown(format)}': expected one of {', '.join(FORMATS)}")
        return
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    overrides = Overrides(
        published=published,
        source=source,
        published_granularity=published_granularity,
        date_order=date_order,
    )
    for path in map(os.fspath, paths):
        if path == "-":
            yield from _read_stdin(stdin, format or "text", overrides)
        else:
            yield from _read_path(path, format, overrides)


def format_for(path: str | os.PathLike[str]) -> str | None:
    """The format a file name's extension stands for, or None when it names no known format."""
    return EXTENSIONS.get(os.path.splitext(os.fspath(path))[1].lower())


# --- paths -------------------------------------------------------------------------------------


def _read_path(
    path: str, format: str | None, overrides: Overrides
) -> Iterator[Article | InputError]:
    try:
        is_dir = os.path.isdir(path)
        exists = is_dir or os.path.exists(path)
    except ValueError:  # e.g. a NUL character in the name
        is_dir = exists = False
    if not exists:
        yield input_error(path, "no such file or directory")
        return
    if not is_dir:
        fmt = format or format_for(path)
        if fmt is None:
            yield input_error(
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
        yield input_error(path, f"no article files in this directory (looked for {known})")


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
        yield input_error(directory, f"cannot list directory ({exc.strerror or exc})")
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


def _read_file(path: str, format: str, overrides: Overrides) -> Iterator[Article | InputError]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        yield input_error(path, f"cannot read file ({exc.strerror or exc})")
        return
    yield from _parse(data, path, format, overrides)


def _read_stdin(
    stdin: TextIO | BinaryIO | None, format: str, overrides: Overrides
) -> Iterator[Article | InputError]:
    stream = stdin if stdin is not None else sys.stdin
    buffer = getattr(stream, "buffer", None)  # read bytes when we can, to decode them ourselves
    try:
        data = buffer.read() if buffer is not None else stream.read()
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        yield input_error(STDIN_ORIGIN, f"cannot read standard input ({exc})")
        return
    yield from _parse(data, STDIN_ORIGIN, format, overrides)


def _parse(
    data: bytes | str, origin: str, format: str, overrides: Overrides
) -> Iterator[Article | InputError]:
    if format == "html":
        yield from parse_html(data, origin, overrides)
        return
    try:
        text = to_text(data, origin)
    except InputError as exc:
        yield exc
        return
    if format == "text":
        parser = parse_text
    elif format == "json":
        parser = parse_json
    elif format == "jsonl":
        parser = parse_jsonl
    else:
        parser = parse_csv
    yield from parser(text, origin, overrides)


def count_articles(paths: Sequence[str], format: str | None = None) -> int | None:
    """How many items (articles, and errors for what cannot be read) `iter_articles` will yield
    for these paths, counted before a load for its progress: a text or HTML file is one article,
    the records of JSON, JSON Lines and CSV files are read and counted. None with standard input
    (it can be read only once)."""
    if isinstance(paths, str):
        paths = [paths]
    if "-" in paths:
        return None
    overrides = Overrides(published=None, source=None)
    count = 0
    for path in map(os.fspath, paths):
        if not os.path.isdir(path):
            found = [path]
        else:
            found = [item for item in _walk(path, set()) if not isinstance(item, InputError)]
            count += not found  # "no article files in this directory"
        for file in found:
            fmt = format or format_for(file) or "text"
            if fmt in ("text", "html") or not os.path.isfile(file):
                count += 1
            else:
                count += sum(1 for _ in _read_file(file, fmt, overrides))
    return count
