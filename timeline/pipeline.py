"""The pipeline: one article through parse -> dates -> events (with resolve), then into the store.

`extract` is pure NLP (nothing stored); `load_articles` adds the store, one transaction per
article, and counts what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from timeline.db import Database
from timeline.errors import DatabaseError, InputError, TimelineError
from timeline.records import Article, Extraction

MISSING_PUBLISHED = (
    "no publication time: give one with --published 2017-04-07 "
    "(or a 'published' field / front-matter line in the file)"
)


def require_published(article: Article) -> None:
    if article.published_at is None:
        raise InputError(f"{article.origin}: {MISSING_PUBLISHED}")


def extract(article: Article) -> Extraction:
    """Every temporal expression and event in one article (parsed with spaCy)."""
    from timeline.dates import find_time_expressions
    from timeline.events import extract_events
    from timeline.parse import parse

    require_published(article)
    doc = parse(article.text)
    expressions = find_time_expressions(article.text, article.published_at, doc)
    events = extract_events(doc, expressions, article.published_at)
    return Extraction(article=article, expressions=expressions, events=events)


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
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[LoadSummary], None] | None = None,
) -> LoadSummary:
    """Extract and store each article; a failing article is rolled back and reported, the rest load.

    Articles already stored (same text) are skipped before any NLP unless `reprocess` is set.
    """
    from timeline.store import DUPLICATE, REPROCESSED, find_article, save

    summary = LoadSummary()

    def fail(message: str) -> None:
        summary.failed += 1
        summary.errors.append(message)
        if on_error:
            on_error(message)

    for item in items:
        if isinstance(item, TimelineError):
            fail(str(item))
        else:
            try:
                with db.session() as session:
                    if not reprocess and find_article(session, item.text) is not None:
                        summary.duplicates += 1
                    else:
                        result = save(session, extract(item), reprocess=reprocess)
                        if result.status == DUPLICATE:
                            summary.duplicates += 1
                        else:
                            if result.status == REPROCESSED:
                                summary.reprocessed += 1
                            else:
                                summary.loaded += 1
                            summary.events += result.events
            except DatabaseError:
                raise
            except TimelineError as exc:
                fail(str(exc))
            except SQLAlchemyError as exc:
                orig = getattr(exc, "orig", None) or exc
                reason = (
                    str(orig).strip().splitlines()[0] if str(orig).strip() else type(exc).__name__
                )
                fail(f"{item.origin}: not stored: {reason}")
        if on_progress:
            on_progress(summary)
    return summary
