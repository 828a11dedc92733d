"""Articles from HTML pages: the main text, title, site and publication time (trafilatura)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from timeline.errors import InputError
from timeline.read.decoding import decode, normalize_newlines
from timeline.read.messages import input_error, shown
from timeline.read.published import try_published
from timeline.read.records import Overrides
from timeline.records import Article


def parse_html(
    data: bytes | str, origin: str, overrides: Overrides
) -> Iterator[Article | InputError]:
    if not data.strip():
        yield input_error(origin, "empty file")
        return
    page: bytes | str = data
    if isinstance(data, bytes):
        try:
            page = decode(data, origin)
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
            yield input_error(origin, "cannot parse HTML (no document found in the markup)")
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
        yield input_error(origin, f"cannot parse HTML ({type(exc).__name__}: {shown(str(exc))})")
        return
    text = normalize_newlines(getattr(document, "text", None) or "")
    if not text.strip() or set(text.split()) <= link_words:  # nothing but link labels ("Home")
        yield input_error(
            origin,
            "no article text found; save the article's own page, or give its text as a .txt file",
        )
        return
    source = overrides.source
    if source is None:
        source = clean(getattr(document, "sitename", None))
    yield Article(
        text=text,
        published_at=overrides.published or _html_published(document, marked_up),
        title=clean(getattr(document, "title", None)),
        url=clean(getattr(document, "url", None)),
        source=source,
        origin=origin,
        published_granularity=overrides.published_granularity if overrides.published else None,
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
            published = try_published(element.get("content"))
            if published is not None:
                break
    times = []
    for element in tree.iter("time"):  # type: ignore[attr-defined]
        value = (element.get("datetime") or "").strip()
        if len(value) > len("2017-04-07"):  # a time of day, not just a date
            parsed = try_published(value)
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
    found = try_published(getattr(document, "date", None))
    for moment in marked_up.times:
        if found is None or moment.date() == found.date():
            return moment
    return found


def clean(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
