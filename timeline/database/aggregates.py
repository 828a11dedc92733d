"""Aggregates: actors, dyads and places with their event counts, event counts per period, and the
database's totals (`stats`).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.engine import Connection

from timeline.database.filters import CHUNK, EventFilter, as_connection, filtered
from timeline.database.models import (
    ACTOR_ALIASES,
    ACTORS,
    EVENT_ACTORS,
    EVENT_LOCATIONS,
    EVENTS,
    LOCATIONS,
    ActorRow,
    ArticleRow,
    EventRow,
    LocationRow,
    Source,
    TimeExpressionRow,
)
from timeline.errors import InputError


def _event_ids(connection: Connection, flt: EventFilter | None):
    """The ids of the events a filter selects, as a subquery (None: every event)."""
    if flt is None:
        return None
    unlimited = EventFilter(**{**flt.__dict__, "limit": None})
    return filtered(connection, unlimited).order_by(None).with_only_columns(EVENTS.c.id)


class ActorCount(NamedTuple):
    """An actor and the number of events it takes part in."""

    id: int
    name: str
    kind: str
    country_code: str | None
    code: str | None
    events: int
    aliases: list[str]  # its other names


class DyadCount(NamedTuple):
    """A source actor acting on a target actor: their events, in total and by quad class."""

    source: str
    target: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int


class PlaceCount(NamedTuple):
    """A place and the number of events there."""

    id: int
    name: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    events: int


# the quad class each of DyadCount's counts is of
QUAD_CLASS_OF = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}


def _with_counts(table, shape, counts, key) -> Select:
    """The rows of `table` (the fields of `shape` that are its columns) with their number of
    events (`counts.c.n`, where `key` is their id; 0 if none), most events first, then by name
    (and id: two actors may share a name)."""
    n = func.coalesce(counts.c.n, 0)
    fields = [table.c[name] for name in shape._fields if name in table.c]
    return (
        select(*fields, n.label("events"))
        .outerjoin(counts, key == table.c.id)
        .order_by(n.desc(), table.c.name, table.c.id)
    )


def counted_unit(mentions: bool):
    """What aggregates count: each event (a mention), or each happening its events report (an
    event in none counts alone)."""
    if mentions:
        return EVENTS.c.id
    return func.coalesce(EVENTS.c.happening_id, -EVENTS.c.id)


def list_actors(
    connection: Connection,
    limit: int | None = None,
    flt: EventFilter | None = None,
    *,
    mentions: bool = False,
) -> list[ActorCount]:
    """Actors with the number of happenings they take part in (with `mentions`, of events),
    among the filter's events if any."""
    connection = as_connection(connection)
    counted = (
        select(
            EVENT_ACTORS.c.actor_id, func.count(func.distinct(counted_unit(mentions))).label("n")
        )
        .join(EVENTS, EVENTS.c.id == EVENT_ACTORS.c.event_id)
        .group_by(EVENT_ACTORS.c.actor_id)
    )
    events = _event_ids(connection, flt)
    if events is not None:
        counted = counted.where(EVENT_ACTORS.c.event_id.in_(events))
    counts = counted.subquery()
    query = _with_counts(ACTORS, ActorCount, counts, counts.c.actor_id)
    if events is not None:
        query = query.where(counts.c.n > 0)
    if limit:
        query = query.limit(limit)
    rows = connection.execute(query).all()
    aliases: dict[int, list[str]] = {row.id: [] for row in rows}
    for chunk_start in range(0, len(rows), CHUNK):
        ids = [row.id for row in rows[chunk_start : chunk_start + CHUNK]]
        for actor_id, alias in connection.execute(
            select(ACTOR_ALIASES.c.actor_id, ACTOR_ALIASES.c.alias)
            .where(ACTOR_ALIASES.c.actor_id.in_(ids))
            .order_by(ACTOR_ALIASES.c.alias)
        ):
            aliases[actor_id].append(alias)
    return [
        ActorCount(**row._mapping, aliases=[a for a in aliases[row.id] if a != row.name])
        for row in rows
    ]


def list_dyads(
    connection: Connection,
    limit: int | None = None,
    flt: EventFilter | None = None,
    *,
    mentions: bool = False,
) -> list[DyadCount]:
    """Pairs (source actor -> target actor) with their happening counts (with `mentions`, event
    counts), in total and by quad class."""
    connection = as_connection(connection)
    source, target = EVENT_ACTORS.alias(), EVENT_ACTORS.alias()
    source_actor, target_actor = ACTORS.alias(), ACTORS.alias()
    unit = counted_unit(mentions)
    total = func.count(func.distinct(unit))
    quads = [
        func.count(func.distinct(case((EVENTS.c.quad_class == quad, unit)))).label(name)
        for name, quad in QUAD_CLASS_OF.items()
    ]
    query = (
        select(
            source_actor.c.name.label("source"),
            target_actor.c.name.label("target"),
            total.label("events"),
            *quads,
        )
        .select_from(EVENTS)
        .join(source, and_(source.c.event_id == EVENTS.c.id, source.c.role == "source"))
        .join(target, and_(target.c.event_id == EVENTS.c.id, target.c.role == "target"))
        .join(source_actor, source_actor.c.id == source.c.actor_id)
        .join(target_actor, target_actor.c.id == target.c.actor_id)
        .where(source.c.actor_id != target.c.actor_id)
        .group_by(source_actor.c.name, target_actor.c.name)
        .order_by(total.desc(), source_actor.c.name, target_actor.c.name)
    )
    events = _event_ids(connection, flt)
    if events is not None:
        query = query.where(EVENTS.c.id.in_(events))
    if limit:
        query = query.limit(limit)
    return [DyadCount(**row._mapping) for row in connection.execute(query)]


def list_places(connection: Connection, limit: int | None = None) -> list[PlaceCount]:
    """Places with the number of events there."""
    connection = as_connection(connection)
    counts = (
        select(EVENT_LOCATIONS.c.location_id, func.count(EVENT_LOCATIONS.c.event_id).label("n"))
        .group_by(EVENT_LOCATIONS.c.location_id)
        .subquery()
    )
    query = _with_counts(LOCATIONS, PlaceCount, counts, counts.c.location_id)
    if limit:
        query = query.limit(limit)
    return [PlaceCount(**row._mapping) for row in connection.execute(query)]


# how each kind of period is written, from a day in it
PERIOD_OF_DAY = {
    "day": date.isoformat,
    "week": lambda day: "{}-W{:02d}".format(*day.isocalendar()[:2]),  # ISO year and week
    "month": lambda day: f"{day:%Y-%m}",
    "quarter": lambda day: f"{day.year}-Q{(day.month - 1) // 3 + 1}",
    "year": lambda day: str(day.year),
}


def period_key(day: date, by: str) -> str:
    """The period a day falls in: 2017-04-11 (day), 2017-W15 (ISO week), 2017-04, 2017-Q2, 2017."""
    if by not in PERIOD_OF_DAY:
        raise InputError(f"unknown period {by!r}: day, week, month, quarter or year")
    return PERIOD_OF_DAY[by](day)


def counts_by_period(connection: Connection, flt: EventFilter, by: str = "week") -> dict[str, dict]:
    """Event counts per period of their first day, by quad class: {"2017-W15": {1: 3, 4: 1}}.

    The database groups by day (an index scan); days are folded into weeks, months ... here, the
    same way on every database.
    """
    connection = as_connection(connection)
    period_key(date(2000, 1, 1), by)  # reject an unknown period before querying
    events = _event_ids(connection, flt)
    query = (
        select(EVENTS.c.date_start, EVENTS.c.quad_class, func.count())
        .where(EVENTS.c.date_start.is_not(None))
        .group_by(EVENTS.c.date_start, EVENTS.c.quad_class)
    )
    if flt.__dict__ != EventFilter().__dict__:
        query = query.where(EVENTS.c.id.in_(events))
    counts: dict[str, dict] = {}
    for day, quad_class, n in connection.execute(query):
        bucket = counts.setdefault(period_key(day, by), {})
        bucket[quad_class] = bucket.get(quad_class, 0) + n
    return dict(sorted(counts.items()))


def weekly_counts(connection: Connection, flt: EventFilter) -> dict[str, dict]:
    return counts_by_period(connection, flt, "week")


def stats(connection: Connection) -> dict:
    connection = as_connection(connection)

    def count(model) -> int:
        return connection.scalar(select(func.count()).select_from(model.__table__))

    first, last = connection.execute(
        select(func.min(EVENTS.c.date_start), func.max(EVENTS.c.date_end))
    ).one()
    by_quad = dict(
        connection.execute(
            select(EVENTS.c.quad_class, func.count()).group_by(EVENTS.c.quad_class)
        ).all()
    )
    return {
        "articles": count(ArticleRow),
        "events": count(EventRow),
        "actors": count(ActorRow),
        "places": count(LocationRow),
        "time_expressions": count(TimeExpressionRow),
        "sources": count(Source),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "events_by_quad_class": {str(k): v for k, v in sorted(by_quad.items())},
    }


# --- articles, and one actor in full ------------------------------------------------------------


class ArticleCount(NamedTuple):
    """An article and the number of its events (among a filter's events, if any)."""

    id: int
    title: str | None
    url: str | None
    source: str | None
    published_at: str
    published_granularity: str
    events: int


def list_articles(
    connection: Connection,
    flt: EventFilter | None = None,
    *,
    limit: int | None = None,
    descending: bool = False,
) -> list[ArticleCount]:
    """Articles by publication time (latest first with `descending`), at most `limit`, with their
    number of events; with a filter, only the articles that have events it selects, counted among
    those."""
    from timeline.database.models import ARTICLES, SOURCES

    connection = as_connection(connection)
    counted = select(EVENTS.c.article_id, func.count().label("n")).group_by(EVENTS.c.article_id)
    events = _event_ids(connection, flt)
    if events is not None:
        counted = counted.where(EVENTS.c.id.in_(events))
    counts = counted.subquery()
    n = func.coalesce(counts.c.n, 0)
    query = (
        select(
            ARTICLES.c.id,
            ARTICLES.c.title,
            ARTICLES.c.url,
            SOURCES.c.name.label("source"),
            ARTICLES.c.published_at,
            ARTICLES.c.published_granularity,
            n.label("events"),
        )
        .outerjoin(SOURCES, SOURCES.c.id == ARTICLES.c.source_id)
        .outerjoin(counts, counts.c.article_id == ARTICLES.c.id)
    )
    if events is not None:
        query = query.where(counts.c.n > 0)
    published = ARTICLES.c.published_at
    query = query.order_by(published.desc() if descending else published, ARTICLES.c.id)
    if limit is not None:
        query = query.limit(limit)
    return [
        ArticleCount(**{**row._mapping, "published_at": row.published_at.isoformat()})
        for row in connection.execute(query)
    ]


def actor_profile(connection: Connection, name: str) -> dict:
    """Everything known of one actor (`timeline actors show`): its fields, its names (the ones a
    user confirmed marked), its code with the dates of the events it has it in, and its events by
    year and by role. Raises InputError when the name matches no actor or several."""
    from timeline.database.models import fold

    connection = as_connection(connection)
    key = fold(name)
    found = connection.execute(select(ACTORS).where(ACTORS.c.name_key == key)).all()
    if not found:
        by_alias = select(ACTOR_ALIASES.c.actor_id).where(ACTOR_ALIASES.c.alias_key == key)
        found = connection.execute(select(ACTORS).where(ACTORS.c.id.in_(by_alias))).all()
    if not found:
        raise InputError(f"no actor named {name!r}: see 'timeline actors'")
    if len(found) > 1:
        choices = "; ".join(f"{r.name} ({r.kind}, id {r.id})" for r in found)
        raise InputError(f"{name!r} names several actors: {choices}; use the full name")
    actor = found[0]
    aliases = connection.execute(
        select(ACTOR_ALIASES.c.alias, ACTOR_ALIASES.c.confirmed)
        .where(ACTOR_ALIASES.c.actor_id == actor.id)
        .order_by(ACTOR_ALIASES.c.alias)
    ).all()
    link = EVENT_ACTORS.c
    by_year: dict[str, int] = {}
    by_role: dict[str, int] = {}
    first = last = None
    for day, role, n in connection.execute(
        select(link.date_start, link.role, func.count())
        .where(link.actor_id == actor.id)
        .group_by(link.date_start, link.role)
    ):
        year = str(day.year) if day is not None else "undated"
        by_year[year] = by_year.get(year, 0) + n
        by_role[role] = by_role.get(role, 0) + n
        if day is not None:
            first = day if first is None or day < first else first
            last = day if last is None or day > last else last
    events = connection.scalar(
        select(func.count(func.distinct(link.event_id))).where(link.actor_id == actor.id)
    )
    codes = []
    if actor.code:
        codes.append(
            {
                "code": actor.code,
                "first_date": first.isoformat() if first else None,
                "last_date": last.isoformat() if last else None,
            }
        )
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country_code": actor.country_code,
        "sector": actor.sector,
        "title": actor.title,
        "codes": codes,
        "aliases": [
            {"alias": alias, "confirmed": bool(confirmed)}
            for alias, confirmed in aliases
            if alias != actor.name
        ],
        "events": events,
        "events_by_role": dict(sorted(by_role.items())),
        "events_by_year": dict(sorted(by_year.items())),
    }
