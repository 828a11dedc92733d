"""Pages: the ids of the first events of a listing with a limit (the first page an analyst looks
at), found without reading every event that matches.

A page is found one of three ways:
- walk the links, with an actor, a dyad or a country: its rows of event_actors (event_dyads,
  event_countries) are read in date order, one index range per granularity (inside a window,
  the range its events can start in), each event checked against the other conditions until
  the page is full;
- collect, when another selective condition (place, words, article) holds for at most
  COLLECT_LIMIT events (counted from its index): those events (the intersection, when several
  do) are read by id, the other conditions checked on them, and sorted;
- walk the dates: the events in date order (inside a window, one range per granularity), each
  checked until the page is full.
Walking the dates for a rare place, or collecting and sorting a frequent one's events, would
cost far more: the planner cannot know which is which; the counts do.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import (
    Select,
    Text,
    cast,
    func,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.engine import Connection

from timeline.database.filters import (
    CHUNK,
    MAX_SPAN_DAYS,
    EventFilter,
    as_connection,
    date_window,
    filter_conditions,
    in_order,
)
from timeline.database.models import EVENTS

# a condition holding for at most this many events has them collected
COLLECT_LIMIT = 5000
# pages longer than this stream like a full listing
PAGE_LIMIT = 10_000


def page_ids(connection: Connection, flt: EventFilter) -> list[int]:
    """The ids of the events of a page (a filter with a limit), in the filter's order."""
    connection = as_connection(connection)
    conditions = filter_conditions(connection, flt)
    window = date_window(flt)
    collected: set[int] | None = None
    checks, walkable = [], []
    for condition in conditions:
        if condition.walks is not None and len(condition.walks) <= MAX_WALKS:
            # an actor's (a dyad's) events are read in date order from its own index, a few
            # entries per granularity however many it has: never collected
            if not condition.walks:
                return []  # no actor of that name (no such pair): no events
            walkable.append(condition)
            continue
        if condition.ids is not None and (collected is None or collected):
            ids = _few_ids(connection, condition.ids, COLLECT_LIMIT)
            if ids is not None:
                collected = ids if collected is None else collected.intersection(ids)
                continue
        checks.append(condition.test)
    if collected is not None:
        tests = checks + [c.test for c in walkable] + window
        return _collected(connection, flt, sorted(collected), tests)
    if walkable:
        walked = walkable[0]
        others = [c.test for c in conditions if c is not walked]
        # the walks read the window from the links' own copy of the dates
        return _walked_links(connection, flt, walked.walks, others)
    return _walked(connection, flt, checks + window)


def _few_ids(connection: Connection, ids: Select, limit: int) -> set[int] | None:
    """The ids a query selects if there are at most `limit`, else None: read in one row (their
    number and the ids joined), so that many ids cost the database, not Python."""
    limited = ids.limit(limit + 1).subquery()
    column = next(iter(limited.c))
    if connection.dialect.name == "postgresql":
        joined = func.string_agg(cast(column, Text), ",")
    else:
        joined = func.group_concat(column, ",")
    count, packed = connection.execute(select(func.count(), joined)).one()
    if count > limit:
        return None
    return {int(i) for i in packed.split(",")} if packed else set()


def _collected(connection: Connection, flt: EventFilter, ids: list[int], checks: list) -> list:
    """The page among these events: the ones passing `checks`, sorted by date as the database
    sorts (a missing date sorts below every date on SQLite, above on PostgreSQL)."""
    rows = []
    for start in range(0, len(ids), CHUNK):
        query = select(EVENTS.c.id, EVENTS.c.date_start).where(
            EVENTS.c.id.in_(ids[start : start + CHUNK]), *checks
        )
        rows.extend(connection.execute(query).all())
    descending = flt.order == "-date"
    far = date.min if connection.dialect.name == "sqlite" else date.max
    rows.sort(key=lambda row: (far if row[1] is None else row[1], row[0]), reverse=descending)
    return [row[0] for row in rows[: flt.limit]]


# an actor name matching more actors than this (a dyad, more pairs) is walked through the events,
# not the links
MAX_WALKS = 8


def _granularities(connection: Connection) -> dict[str, int]:
    """MAX_SPAN_DAYS of the granularities the events have: a walk per granularity is needed only
    for those. Found in one statement with one index seek each on events(granularity, ...) (a
    loose index scan, recursive: no more than the few distinct values are read)."""
    found = connection.exec_driver_sql(
        "WITH RECURSIVE g(value) AS ("
        " SELECT min(granularity) FROM events"
        " UNION ALL"
        " SELECT (SELECT min(granularity) FROM events WHERE granularity > g.value)"
        " FROM g WHERE g.value IS NOT NULL"
        ") SELECT value FROM g WHERE value IS NOT NULL"
    ).scalars()
    return {g: MAX_SPAN_DAYS.get(g, MAX_SPAN_DAYS["century"]) for g in found}


def _walked_links(connection: Connection, flt: EventFilter, walks: list, checks: list) -> list:
    """The page found by walking actor links (event_actors) or dyads (event_dyads) in date order:
    for each actor (pair) and granularity, the range of the table's (actor, granularity,
    date_start) index its events can start in, each event checked against `checks` until `limit`
    pass; merged by date. An event met on several walks counts once: if that leaves the page
    short while a walk was cut, the walks run again, longer."""
    granularities = _granularities(connection)
    descending = flt.order == "-date"
    far = date.min if connection.dialect.name == "sqlite" else date.max
    size = flt.limit
    while True:
        parts = []
        for table, key in walks:
            link = table.alias("link")
            for granularity, days in granularities.items():
                query = select(link.c.event_id, link.c.date_start).where(
                    *(link.c[column] == value for column, value in key.items()),
                    link.c.granularity == granularity,
                )
                if flt.since:
                    query = query.where(
                        link.c.date_start >= flt.since - timedelta(days=days),
                        link.c.date_end >= flt.since,
                    )
                if flt.until:
                    query = query.where(link.c.date_start <= flt.until)
                if checks:
                    query = query.join(EVENTS, EVENTS.c.id == link.c.event_id).where(*checks)
                query = in_order(query, flt, (link.c.date_start, link.c.event_id))
                query = query.add_columns(literal_column(str(len(parts))).label("walk"))
                parts.append(query.limit(size).subquery())
        merged = union_all(
            *(select(part.c.event_id, part.c.date_start, part.c.walk) for part in parts)
        )
        rows = connection.execute(merged).all()
        rows.sort(key=lambda row: (far if row[1] is None else row[1], row[0]), reverse=descending)
        page = list(dict.fromkeys(row[0] for row in rows))
        cut = len(rows) - len(page) and max(Counter(row[2] for row in rows).values()) == size
        if not cut:  # every walk read to its end, or none met an event twice
            return page[: flt.limit]
        size *= 2  # an event met twice may have pushed another out of a walk: walk further


def _walked(connection: Connection, flt: EventFilter, checks: list) -> list[int]:
    """The page found by walking the dates and checking each event. With a start date, one walk
    per granularity (the range of the (granularity, date_start) index its events can start in),
    each stopping at `limit` events, merged."""
    query = select(EVENTS.c.id, EVENTS.c.date_start).where(*checks)
    if flt.since:
        granularities = _granularities(connection)
        walks = [
            in_order(
                query.where(
                    EVENTS.c.granularity == granularity,
                    EVENTS.c.date_start >= flt.since - timedelta(days=days),
                ),
                flt,
            )
            .limit(flt.limit)
            .subquery()
            for granularity, days in granularities.items()
        ]
        merged = union_all(*(select(walk.c.id, walk.c.date_start) for walk in walks)).subquery()
        query = select(merged.c.id, merged.c.date_start)
        query = in_order(query, flt, (merged.c.date_start, merged.c.id))
    else:
        query = in_order(query, flt)
    return list(connection.scalars(query.limit(flt.limit)))
