"""The pipeline: articles through the NLP stages (timeline.nlp), then into the store.

`extract` is pure NLP for one article (nothing stored). `load_articles` runs the NLP in batches
(spaCy's `nlp.pipe`), in this process or in N worker processes (the model loaded once per worker),
and writes the results in input order through a single writer, one transaction per article: the
database ends up the same whatever the number of workers. The user's actor dictionary entries
(`timeline actors import`) are read from the database when a load begins and used by every
worker.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy.exc import SQLAlchemyError

from timeline.database.engine import Database
from timeline.errors import DatabaseError, InputError, TimelineError
from timeline.records import Article, Extraction

MISSING_PUBLISHED = (
    "no publication time: give one with --published 2017-04-07 "
    "(or a 'published' field / front-matter line in the file)"
)
BATCH_SIZE = 8
# The longest article text analysed, in characters: spaCy's own limit (nlp.max_length), above
# which its parser needs about 1 GB of memory per 100,000 characters. Longer files fail alone
# with a message naming the limit; split them into articles.
MAX_ARTICLE_CHARS = 1_000_000


def require_published(article: Article) -> None:
    if article.published_at is None:
        raise InputError(f"{article.origin}: {MISSING_PUBLISHED}")


def require_parsable(article: Article) -> None:
    """An article the pipeline can analyse: a publication time, and not over the length limit."""
    require_published(article)
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"{article.origin}: too large to analyse ({len(article.text):,} characters; "
            f"the limit is {MAX_ARTICLE_CHARS:,} per article): split it into articles"
        )


def extract(article: Article, doc=None) -> Extraction:
    """Every temporal expression and event in one article (parsed with spaCy unless `doc` given).

    An article published in a month or a year, not on a known day, has its dates that count from
    the publication resolved no finer than that (`timeline.nlp.publication_period`)."""
    from timeline.nlp.events import extract_events_and_places
    from timeline.nlp.model import parse
    from timeline.nlp.publication_period import dated_by_period, publication_period

    require_parsable(article)
    if doc is None:
        doc = parse(article.text)
    expressions = find_dates(article, doc)
    events, places = extract_events_and_places(doc, expressions, article.published_at)
    period = publication_period(article)
    if period is not None:
        dated_by_period(period, events)
    return Extraction(article=article, expressions=expressions, events=events, places=places)


def find_dates(article: Article, doc=None) -> list:
    """The article's temporal expressions, resolved against its publication time (no finer than
    it when that is a month or a year: `timeline.nlp.publication_period`)."""
    from timeline.nlp.dates import find_time_expressions
    from timeline.nlp.publication_period import no_finer_than, publication_period

    expressions = find_time_expressions(article.text, article.published_at, doc)
    period = publication_period(article)
    if period is None:
        return expressions
    return no_finer_than(
        period,
        expressions,
        lambda anchor: find_time_expressions(article.text, anchor, doc),
        article.published_at,
    )


def extract_batch(articles: list[Article]) -> list[Extraction | TimelineError]:
    """Extract a batch of articles, parsing them together; a failing article fails alone."""
    from timeline.nlp.model import parse_many

    results: list[Extraction | TimelineError | None] = [None] * len(articles)
    ready = []
    for i, article in enumerate(articles):
        try:
            require_parsable(article)
            ready.append(i)
        except TimelineError as exc:
            results[i] = exc
    try:
        docs = list(parse_many((articles[i].text for i in ready), batch_size=BATCH_SIZE))
    except Exception:  # the batch parse failed on one text: parse each alone to find which
        docs = None
    for position, i in enumerate(ready):
        try:
            results[i] = extract(articles[i], docs[position] if docs is not None else None)
        except TimelineError as exc:
            results[i] = exc
        except Exception as exc:  # a defect on one article must not stop the others
            results[i] = InputError(
                f"{articles[i].origin}: could not be processed ({type(exc).__name__}: {exc})"
            )
    return results


def _load_model_in_worker(entries: list[tuple] | None = None) -> None:
    from timeline.nlp.actors.dictionary import use_user_entries
    from timeline.nlp.model import load_model

    load_model()
    use_user_entries(entries or [])


def extract_stream(
    articles: Iterable[Article],
    *,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    entries: list[tuple] | None = None,
) -> Iterator[tuple[Article, Extraction | TimelineError]]:
    """Extractions in input order, computed `batch_size` articles at a time in `workers`
    processes; at most two batches per worker are in flight, so memory stays bounded. `entries`
    (name, aliases, code, from, until) are the user's actor dictionary, laid over the shipped
    one (see `timeline.nlp.actors.dictionary`)."""
    batches = _batched(articles, batch_size)
    if workers <= 1:
        from timeline.nlp.actors.dictionary import use_user_entries

        use_user_entries(entries or [])
        for batch in batches:
            yield from zip(batch, extract_batch(batch), strict=True)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_load_model_in_worker,
        initargs=(entries or [],),
    ) as pool:
        pending: deque[tuple[list[Article], Future]] = deque()
        for batch in batches:
            pending.append((batch, pool.submit(extract_batch, batch)))
            if len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield from zip(done, future.result(), strict=True)
        while pending:
            done, future = pending.popleft()
            yield from zip(done, future.result(), strict=True)


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass
class LoadSummary:
    loaded: int = 0
    reprocessed: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.loaded + self.reprocessed + self.duplicates + self.failed

    def line(self) -> str:
        parts = [f"loaded {self.loaded}"]
        if self.reprocessed:
            parts.append(f"reprocessed {self.reprocessed}")
        parts += [
            f"skipped {self.duplicates} as duplicates",
            f"failed {self.failed}",
            f"events stored {self.events}",
        ]
        return ", ".join(parts)


def load_articles(
    db: Database,
    items: Iterable[Article | TimelineError],
    *,
    reprocess: bool = False,
    workers: int = 1,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[LoadSummary], None] | None = None,
) -> LoadSummary:
    """Extract and store each article; a failing article is rolled back and reported, the rest load.

    Articles already stored (same text) are skipped before any NLP unless `reprocess` is set.
    """
    from timeline.database.actors import user_entries
    from timeline.database.store import DUPLICATE, REPROCESSED, find_article, save

    summary = LoadSummary()
    with db.session() as session:  # the user's actor dictionary (`timeline actors import`)
        entries = user_entries(session)

    def fail(message: str) -> None:
        summary.failed += 1
        summary.errors.append(message)
        if on_error:
            on_error(message)
        if on_progress:
            on_progress(summary)

    def to_extract() -> Iterator[Article]:
        """The articles that need NLP; read errors and known articles are counted on the way."""
        for item in items:
            if isinstance(item, TimelineError):
                fail(str(item))
                continue
            if not reprocess:
                with db.session() as session:
                    if find_article(session, item.text) is not None:
                        summary.duplicates += 1
                        if on_progress:
                            on_progress(summary)
                        continue
            yield item

    with db.session() as session:
        for article, result in extract_stream(to_extract(), workers=workers, entries=entries):
            if isinstance(result, TimelineError):
                fail(str(result))
                continue
            try:
                saved = save(session, result, reprocess=reprocess)
            except DatabaseError:
                raise
            except TimelineError as exc:
                fail(str(exc))
                continue
            except SQLAlchemyError as exc:
                orig = getattr(exc, "orig", None) or exc
                text = str(orig).strip()
                fail(f"{article.origin}: not stored: {text.splitlines()[0] if text else exc}")
                continue
            if saved.status == DUPLICATE:
                summary.duplicates += 1
            else:
                if saved.status == REPROCESSED:
                    summary.reprocessed += 1
                else:
                    summary.loaded += 1
                summary.events += saved.events
            if on_progress:
                on_progress(summary)
    return summary
