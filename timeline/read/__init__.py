"""Read stage: turn files (text, JSON, JSON Lines, CSV, HTML) into `Article` records.

`iter_articles(paths, ...)` yields one `Article` per article found (files and folders: `files`;
records of each format: `records` and `html`; bytes to text: `decoding`), or an `InputError` per
unreadable part: one bad file or record never stops the good ones next to it. `parse_publication`
reads a publication time as a user or a file gives it, and how precise it is (`published`).
"""

from timeline.read.files import EXTENSIONS, FORMATS, count_articles, format_for, iter_articles
from timeline.read.published import PublishedTime, parse_publication, parse_published

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "PublishedTime",
    "count_articles",
    "format_for",
    "iter_articles",
    "parse_publication",
    "parse_published",
]
