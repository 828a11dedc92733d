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
    events (`counts.c.n`, where `key` is their id; 0 if none), most events first, then by name."""
    n = func.coalesce(counts.c.n, 0)
    fields = [table.c[name] for name in shape._fields if name in table.c]
    return (
        select(*fields, n.label("events"))
        .outerjoin(counts, key == table.c.id)
        .order_by(n.desc(), table.c.name)
    )


def list_actors(
    connection: Connection, limit: int | None = None, flt: EventFilter | None = None
) -> list[ActorCount]:
    """Actors with the number of events they take part in (among the filter's events, if any)."""
    connection = as_connection(connection)
    counted = select(
        EVENT_ACTORS.c.actor_id, func.count(func.distinct(EVENT_ACTORS.c.event_id)).label("n")
    ).group_by(EVENT_ACTORS.c.actor_id)
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
    connection: Connection, limit: int | None = None, flt: EventFilter | None = None
) -> list[DyadCount]:
    """Pairs (source actor -> target actor) with their event counts, in total and by quad class."""
    connection = as_connection(connection)
    source, target = EVENT_ACTORS.alias(), EVENT_ACTORS.alias()
    source_actor, target_actor = ACTORS.alias(), ACTORS.alias()
    total = func.count(func.distinct(EVENTS.c.id))
    quads = [
        func.count(func.distinct(case((EVENTS.c.quad_class == quad, EVENTS.c.id)))).label(name)
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
