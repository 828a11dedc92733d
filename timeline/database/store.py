"""Store stage: one article's extraction becomes rows, in one transaction.

Re-loading an article with the same text is a no-op (content hash), unless `reprocess` is set, in
which case its expressions and events are replaced. Actors, places and sources are shared across
articles: one row per real actor (canonical name + kind), its other names kept as aliases; an actor
merged into another (`merge_actors`) stays merged, because names are looked up among aliases too.

Writes are bulk statements (no per-row round trips), and shared rows are created with INSERT ... ON
CONFLICT DO NOTHING in a fixed order (sorted keys), so concurrent loaders on PostgreSQL never
duplicate a row and do not deadlock each other; `save` retries a transaction that the database
aborted for a deadlock or a serialization failure. The actors' rows, names and dated codes are
written by `timeline.database.actors`; the bulk statements and the derived tables (dyads,
countries) are in `timeline.database.bulk`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from timeline.database.actors import (
    actor_ids_for,
    actor_key,
)
from timeline.database.bulk import (
    chunks,
    insert_ignore,
    insert_returning,
    rebuild_countries,
    rebuild_dyads,
)
from timeline.database.happenings import group_events, happenings_of_article, regroup
from timeline.database.mentions import resolved_mentions, save_place_mentions
from timeline.database.models import (
    ArticleRow,
    EventActor,
    EventLocation,
    EventRow,
    LocationRow,
    PlaceMentionRow,
    Source,
    TimeExpressionRow,
    fold,
)
from timeline.errors import InputError
from timeline.read.published import moment_granularity
from timeline.records import Event, Extraction, PlaceMention

LOADED, DUPLICATE, REPROCESSED = "loaded", "duplicate", "reprocessed"
# the events table's columns an extracted event fills, each from its field of the same name
EVENT_FIELDS = tuple(
    column.name
    for column in EventRow.__table__.columns
    if column.name in {field.name for field in dataclasses.fields(Event)}
)
RETRIES = 5
# PostgreSQL's codes for "try the transaction again"; SQLite's busy errors are OperationalErrors.
RETRY_SQLSTATES = {"40001", "40P01"}


@dataclass
class SaveResult:
    status: str  # loaded / duplicate / reprocessed
    article_id: int
    events: int


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_article(session: Session, text: str) -> ArticleRow | None:
    return session.scalars(
        select(ArticleRow).where(ArticleRow.content_hash == content_hash(text))
    ).first()


def save(session: Session, extraction: Extraction, *, reprocess: bool = False) -> SaveResult:
    """Write one article and everything found in it in one transaction; commits, or rolls back.

    A transaction aborted by the database for a deadlock, a serialization failure or a busy SQLite
    file is retried (with backoff) before the error is raised.
    """
    for attempt in range(RETRIES):
        try:
            result = _save(session, extraction, reprocess)
            session.commit()
            return result
        except DBAPIError as exc:
            session.rollback()
            if attempt + 1 < RETRIES and _retryable(exc):
                time.sleep(0.05 * 2**attempt)
                continue
            raise
        except BaseException:
            session.rollback()
            raise
    raise AssertionError("unreachable")  # pragma: no cover


def _retryable(exc: DBAPIError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in RETRY_SQLSTATES:
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig)


def _save(session: Session, extraction: Extraction, reprocess: bool) -> SaveResult:
    article = extraction.article
    if article.published_at is None:
        raise InputError(f"{article.origin}: no publication time")
    digest = content_hash(article.text)
    existing = session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == digest))
    if existing is not None and not reprocess:
        return SaveResult(DUPLICATE, existing, 0)

    # shared rows first, each kind in sorted order, so that concurrent writers lock alike
    source_id = _source_id(session, article.source)
    actor_ids = actor_ids_for(session, [a for e in extraction.events for a in e.actors])
    located = [p for e in extraction.events for p in e.locations]
    location_ids = location_ids_for(session, located + resolved_mentions(extraction.places))

    fields = {
        "source_id": source_id,
        "title": article.title,
        "url": article.url,
        "published_at": article.published_at,
        "published_granularity": article.published_granularity
        or moment_granularity(article.published_at),
        "origin": article.origin,
    }
    if existing is None:
        article_id = insert_ignore(
            session,
            ArticleRow,
            [{**fields, "content_hash": digest, "text": article.text}],
            ["content_hash"],
            returning=ArticleRow.id,
        )
        if article_id is None:  # another loader stored the same text meanwhile
            existing = session.scalar(
                select(ArticleRow.id).where(ArticleRow.content_hash == digest)
            )
            return SaveResult(DUPLICATE, existing, 0)
        status = LOADED
    else:
        article_id, status = existing, REPROCESSED
        kept = {k: v for k, v in fields.items() if v is not None}
        session.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(**kept))
        touched = happenings_of_article(session, article_id)
        session.execute(delete(EventRow).where(EventRow.article_id == article_id))
        regroup(session, touched)  # what the article's old mentions held together
        session.execute(delete(TimeExpressionRow).where(TimeExpressionRow.article_id == article_id))
        session.execute(delete(PlaceMentionRow).where(PlaceMentionRow.article_id == article_id))

    expression_ids = insert_returning(
        session,
        TimeExpressionRow,
        [
            {
                "article_id": article_id,
                "text": e.text,
                "start_char": e.start,
                "end_char": e.end,
                "type": e.type,
                "value": e.value,
                "granularity": e.granularity,
                "date_start": e.date_start,
                "date_end": e.date_end,
                "mod": e.mod,
                "anchor_source": e.anchor_source,
            }
            for e in extraction.expressions
        ],
    )
    by_span = {
        (e.start, e.end): i for e, i in zip(extraction.expressions, expression_ids, strict=True)
    }
    event_ids = insert_returning(
        session,
        EventRow,
        [
            {
                **{name: getattr(event, name) for name in EVENT_FIELDS},
                "article_id": article_id,
                "time_expression_id": (
                    by_span.get((event.time.start, event.time.end)) if event.time else None
                ),
            }
            for event in extraction.events
        ],
    )
    links, places = [], []
    for event, event_id in zip(extraction.events, event_ids, strict=True):
        seen: set[tuple[int, str]] = set()
        for actor in event.actors:
            key = (actor_ids[actor_key(actor)], actor.role)
            if key in seen:
                continue
            seen.add(key)
            links.append(
                {
                    "event_id": event_id,
                    "actor_id": key[0],
                    "role": actor.role,
                    "text": actor.text or None,
                    "start_char": actor.start if actor.start >= 0 else None,
                    "end_char": actor.end if actor.end >= 0 else None,
                    "title": actor.title,
                    "code": actor.code,
                    "country_code": actor.country_code,
                    "granularity": event.granularity,
                    "date_start": event.date_start,
                    "date_end": event.date_end,
                }
            )
        seen_places: set[int] = set()
        for place in event.locations:
            location_id = location_ids[location_key(place)]
            if location_id in seen_places:
                continue
            seen_places.add(location_id)
            places.append(
                {
                    "event_id": event_id,
                    "location_id": location_id,
                    "text": place.text or None,
                    "start_char": place.start if place.start >= 0 else None,
                    "end_char": place.end if place.end >= 0 else None,
                    "place_source": place.place_source,
                    "precision": place.precision,
                }
            )
    if links:
        session.execute(insert(EventActor), links)
        rebuild_dyads(session, event_ids)
    if places:
        session.execute(insert(EventLocation), places)
    if links or places:
        rebuild_countries(session, event_ids)
    save_place_mentions(session, article_id, extraction.places, location_ids)
    group_events(session, event_ids)
    return SaveResult(status, article_id, len(extraction.events))


def _source_id(session: Session, name: str | None) -> int | None:
    if not name:
        return None
    insert_ignore(session, Source, [{"name": name}], ["name"])
    return session.scalars(select(Source.id).where(Source.name == name)).one()


# --- places ------------------------------------------------------------------------------------


def location_key(place: PlaceMention) -> str:
    """A place's row: its GeoNames id, else its name and country (and region: a county)."""
    if place.geonames_id is not None:
        return f"geonames:{place.geonames_id}"
    key = f"{fold(place.name)}|{place.country_code or ''}"
    return f"{key}|{fold(place.admin1)}" if place.admin1 else key


def location_ids_for(session: Session, places: Iterable[PlaceMention]) -> dict[str, int]:
    by_key = {location_key(p): p for p in places}
    if not by_key:
        return {}
    keys = sorted(by_key)
    insert_ignore(
        session,
        LocationRow,
        [
            {
                "key": k,
                "name": by_key[k].name,
                "name_key": fold(by_key[k].name),
                "country_code": by_key[k].country_code,
                "latitude": by_key[k].latitude,
                "longitude": by_key[k].longitude,
                "geonames_id": by_key[k].geonames_id,
                "feature": by_key[k].feature,
                "admin1": by_key[k].admin1,
            }
            for k in keys
        ],
        ["key"],
    )
    ids = {}
    for chunk in chunks(keys, 400):
        ids.update(
            session.execute(
                select(LocationRow.key, LocationRow.id).where(LocationRow.key.in_(chunk))
            ).all()
        )
    return ids
