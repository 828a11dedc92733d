"""Store stage: one article's extraction becomes rows, in one transaction.

Re-loading an article with the same text is a no-op (content hash), unless `reprocess` is set, in
which case its expressions and events are replaced. Actors, places and sources are shared across
articles: one row per real actor (canonical name + kind), its other names kept as aliases.
Get-or-create uses INSERT ... ON CONFLICT DO NOTHING, so concurrent loaders never duplicate a row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from timeline.models import (
    ActorAlias,
    ActorRow,
    ArticleRow,
    EventActor,
    EventLocation,
    EventRow,
    LocationRow,
    Source,
    TimeExpressionRow,
    fold,
)
from timeline.records import ActorMention, Extraction, PlaceMention, TimeExpression

LOADED, DUPLICATE, REPROCESSED = "loaded", "duplicate", "reprocessed"


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
    """Write one article and everything found in it; commits, or rolls back and re-raises."""
    try:
        result = _save(session, extraction, reprocess)
        session.commit()
        return result
    except BaseException:
        session.rollback()
        raise


def _save(session: Session, extraction: Extraction, reprocess: bool) -> SaveResult:
    article = extraction.article
    row = find_article(session, article.text)
    if row is not None and not reprocess:
        return SaveResult(DUPLICATE, row.id, 0)
    status = LOADED
    if row is None:
        row = ArticleRow(
            source_id=_source_id(session, article.source),
            title=article.title,
            url=article.url,
            published_at=article.published_at,
            content_hash=content_hash(article.text),
            text=article.text,
            origin=article.origin,
        )
        session.add(row)
        session.flush()
    else:
        status = REPROCESSED
        row.published_at = article.published_at
        row.title = article.title or row.title
        row.url = article.url or row.url
        if article.source:
            row.source_id = _source_id(session, article.source)
        session.execute(delete(EventRow).where(EventRow.article_id == row.id))
        session.execute(delete(TimeExpressionRow).where(TimeExpressionRow.article_id == row.id))
        session.flush()

    expression_ids = _save_expressions(session, row.id, extraction.expressions)
    for event in extraction.events:
        event_row = EventRow(
            article_id=row.id,
            time_expression_id=expression_ids.get(_expression_key(event.time))
            if event.time
            else None,
            trigger=event.trigger,
            trigger_start=event.trigger_start,
            trigger_end=event.trigger_end,
            lemma=event.lemma,
            sentence=event.sentence,
            sentence_start=event.sentence_start,
            sentence_end=event.sentence_end,
            event_code=event.event_code,
            event_label=event.event_label,
            quad_class=event.quad_class,
            goldstein=event.goldstein,
            status=event.status,
            date_source=event.date_source,
            date_value=event.date_value,
            granularity=event.granularity,
            date_start=event.date_start,
            date_end=event.date_end,
            plover_type=event.plover_type,
            plover_mode=event.plover_mode,
        )
        session.add(event_row)
        session.flush()
        seen_actors: set[tuple[int, str]] = set()
        for actor in event.actors:
            actor_id = actor_id_for(session, actor)
            if (actor_id, actor.role) in seen_actors:
                continue
            seen_actors.add((actor_id, actor.role))
            session.add(
                EventActor(
                    event_id=event_row.id,
                    actor_id=actor_id,
                    role=actor.role,
                    text=actor.text or None,
                    start_char=actor.start if actor.start >= 0 else None,
                    end_char=actor.end if actor.end >= 0 else None,
                    title=actor.title,
                )
            )
        seen_places: set[int] = set()
        for place in event.locations:
            location_id = location_id_for(session, place)
            if location_id in seen_places:
                continue
            seen_places.add(location_id)
            session.add(
                EventLocation(
                    event_id=event_row.id,
                    location_id=location_id,
                    text=place.text or None,
                    start_char=place.start if place.start >= 0 else None,
                    end_char=place.end if place.end >= 0 else None,
                )
            )
    session.flush()
    return SaveResult(status, row.id, len(extraction.events))


def _expression_key(expression: TimeExpression) -> tuple[int, int]:
    return (expression.start, expression.end)


def _save_expressions(
    session: Session, article_id: int, expressions: list[TimeExpression]
) -> dict[tuple[int, int], int]:
    ids = {}
    for expression in expressions:
        row = TimeExpressionRow(
            article_id=article_id,
            text=expression.text,
            start_char=expression.start,
            end_char=expression.end,
            type=expression.type,
            value=expression.value,
            granularity=expression.granularity,
            date_start=expression.date_start,
            date_end=expression.date_end,
            mod=expression.mod,
            anchor_source=expression.anchor_source,
        )
        session.add(row)
        session.flush()
        ids[_expression_key(expression)] = row.id
    return ids


# --- shared rows: get or create, safe under concurrent writers ------------------------------------


def _insert_ignore(session: Session, model, values: dict, conflict: list[str]) -> None:
    dialect = session.get_bind().dialect.name
    table = model.__table__
    if dialect == "postgresql":
        statement = postgresql.insert(table).values(**values)
    elif dialect == "sqlite":
        statement = sqlite.insert(table).values(**values)
    else:  # pragma: no cover - other databases: plain insert, unique constraint still holds
        session.execute(table.insert().values(**values))
        return
    session.execute(statement.on_conflict_do_nothing(index_elements=conflict))


def _source_id(session: Session, name: str | None) -> int | None:
    if not name:
        return None
    _insert_ignore(session, Source, {"name": name}, ["name"])
    return session.scalars(select(Source.id).where(Source.name == name)).one()


def actor_id_for(session: Session, actor: ActorMention) -> int:
    """The row of a canonical actor, created on first sight; its names recorded as aliases."""
    key = fold(actor.name)
    _insert_ignore(
        session,
        ActorRow,
        {
            "name": actor.name,
            "name_key": key,
            "kind": actor.kind,
            "country_code": actor.country_code,
            "code": actor.code,
            "sector": actor.sector,
            "title": actor.title,
        },
        ["name_key", "kind"],
    )
    row = session.scalars(
        select(ActorRow).where(ActorRow.name_key == key, ActorRow.kind == actor.kind)
    ).one()
    # fill what an earlier article did not know
    if row.country_code is None and actor.country_code:
        row.country_code = actor.country_code
    if row.code is None and actor.code:
        row.code = actor.code
    if row.sector is None and actor.sector:
        row.sector = actor.sector
    if row.title is None and actor.title:
        row.title = actor.title
    names = {actor.name, *actor.aliases}
    if actor.text:
        names.add(actor.text)
    if actor.kind == "country" and actor.country_code:
        names.add(actor.country_code)
    if actor.kind == "person" and len(actor.name.split()) > 1:
        # so that `--actor Lavrov` finds him; aliases never merge actors, so namesakes stay apart
        names.add(actor.name.split()[-1])
    for name in names:
        add_alias(session, row.id, name)
    return row.id


# Words that refer to an actor without naming it: never recorded as its aliases.
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "this",
        "that",
        "these",
        "those",
        "who",
        "whom",
        "whose",
        "which",
    ]
)


def add_alias(session: Session, actor_id: int, alias: str) -> None:
    alias = " ".join(alias.split())
    if not alias or (alias.lower() in PRONOUNS and not alias.isupper()):  # "it", not "US"
        return
    _insert_ignore(
        session,
        ActorAlias,
        {"actor_id": actor_id, "alias": alias, "alias_key": fold(alias)},
        ["actor_id", "alias_key"],
    )


def location_id_for(session: Session, place: PlaceMention) -> int:
    if place.geonames_id is not None:
        key = f"geonames:{place.geonames_id}"
    else:
        key = f"{fold(place.name)}|{place.country_code or ''}"
    _insert_ignore(
        session,
        LocationRow,
        {
            "key": key,
            "name": place.name,
            "name_key": fold(place.name),
            "country_code": place.country_code,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "geonames_id": place.geonames_id,
            "feature": place.feature,
        },
        ["key"],
    )
    return session.scalars(select(LocationRow.id).where(LocationRow.key == key)).one()
