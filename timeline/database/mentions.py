"""Place mentions: every place an article names, stored with its span and resolved place, and
read back for `timeline places --mentions`.

A mention's span is a pair of character offsets into the article's text exactly as the input gave
it; its place is a row of `locations` (shared with the events' places), or none when the
gazetteer does not know the name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from timeline.database.models import ARTICLES, LOCATIONS, PLACE_MENTIONS, SOURCES, PlaceMentionRow
from timeline.database.record import iso

if TYPE_CHECKING:
    from timeline.records import PlaceMention


class MentionRecord(NamedTuple):
    """One place mention as listed: its article, words, span and place."""

    article: dict  # id, title, url, source, published_at
    text: str
    start: int
    end: int
    name: str
    geonames_id: int | None
    feature: str | None
    country_code: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None


def resolved_mentions(places: Iterable[PlaceMention]) -> list[PlaceMention]:
    """The mentions resolved to a place (an unresolved one has no feature)."""
    return [place for place in places if place.feature is not None]


def save_place_mentions(
    session, article_id: int, places: Iterable[PlaceMention], location_ids: dict[str, int]
) -> None:
    """Write an article's mentions (its earlier ones already deleted); `location_ids` maps each
    resolved place's key (store.location_key) to its row."""
    from timeline.database.store import location_key

    rows = [
        {
            "article_id": article_id,
            "start_char": place.start,
            "end_char": place.end,
            "text": place.text,
            "location_id": location_ids.get(location_key(place)) if place.feature else None,
        }
        for place in places
        if place.start >= 0
    ]
    if rows:
        session.execute(insert(PlaceMentionRow), rows)


def iter_mentions(connection: Connection, article_id: int | None = None) -> Iterator[MentionRecord]:
    """Every stored place mention (of one article), by article and in text order."""
    mention, place, article = PLACE_MENTIONS.c, LOCATIONS.c, ARTICLES.c
    query = (
        select(
            mention.article_id,
            article.title,
            article.url,
            SOURCES.c.name.label("source"),
            article.published_at,
            mention.text,
            mention.start_char,
            mention.end_char,
            place.name,
            place.geonames_id,
            place.feature,
            place.country_code,
            place.admin1,
            place.latitude,
            place.longitude,
        )
        .select_from(PLACE_MENTIONS)
        .join(ARTICLES, article.id == mention.article_id)
        .outerjoin(SOURCES, SOURCES.c.id == article.source_id)
        .outerjoin(LOCATIONS, place.id == mention.location_id)
        .order_by(mention.article_id, mention.start_char, mention.id)
    )
    if article_id is not None:
        query = query.where(mention.article_id == article_id)
    for row in connection.execute(query):
        yield MentionRecord(
            article={
                "id": row.article_id,
                "title": row.title,
                "url": row.url,
                "source": row.source,
                "published_at": iso(row.published_at),
            },
            text=row.text,
            start=row.start_char,
            end=row.end_char,
            name=row.name if row.name is not None else row.text,
            geonames_id=row.geonames_id,
            feature=row.feature,
            country_code=row.country_code,
            admin1=row.admin1,
            latitude=row.latitude,
            longitude=row.longitude,
        )
