"""Query stage: filters -> events from the database, streamed with their actors and places.

Every listing (`events`, `export`, `show`) goes through `iter_events`, which yields plain dicts in
the JSON shape the CLI prints: id, date_start, date_end, date_value, granularity, date_source,
event_code, event_label, quad_class, trigger, status, sentence, actors, locations, article.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import (
    Date,
    DateTime,
    Select,
    String,
    Text,
    and_,
    case,
    cast,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
    type_coerce,
    union_all,
)
from sqlalchemy.engine import Connection

from timeline.database.models import (
    ActorAlias,
    ActorRow,
    ArticleRow,
    EventActor,
    EventCountry,
    EventDyad,
    EventLocation,
    EventRow,
    LocationRow,
    Source,
    TimeExpressionRow,
    UTCDateTime,
    fold,
)
from timeline.database.record import (
    ARTICLE_PREFIX,
    ActorInText,
    EventProvenance,
    EventRecord,
    ExpressionInText,
    Participant,
    Place,
    PlaceInText,
)
from timeline.errors import InputError

ACTOR_ALIASES, ACTORS, ARTICLES = ActorAlias.__table__, ActorRow.__table__, ArticleRow.__table__
EVENT_ACTORS, EVENT_COUNTRIES = EventActor.__table__, EventCountry.__table__
EVENT_DYADS, EVENT_LOCATIONS = EventDyad.__table__, EventLocation.__table__
EVENTS, LOCATIONS, SOURCES = EventRow.__table__, LocationRow.__table__, Source.__table__
EXPRESSIONS = TimeExpressionRow.__table__


def as_connection(connection) -> Connection:
    """The query functions take a Core Connection, or an ORM Session, whose connection they use."""
    return connection if isinstance(connection, Connection) else connection.connection()


STATUSES = ("asserted", "planned", "negated", "hypothetical", "reported")
CHUNK = 500


@dataclass
class EventFilter:
    actor: str | None = None  # any role; canonical name, alias or country code
    source_actor: str | None = None
    target_actor: str | None = None
    between: tuple[str, str] | None = None  # a dyad: one acts on the other, either direction
    type: str | None = None  # CAMEO code prefix ("04", "042") or words of the label
    since: date | None = None  # the event's interval overlaps [since, until]
    until: date | None = None
    location: str | None = None
    country: str | None = None  # ISO alpha-3 or name: events located there or with an actor from it
    article: int | None = None
    status: str | None = None
    limit: int | None = None
    order: str = "date"  # date / -date
    text: str | None = None  # full-text search over the event's sentence (all words must occur)


def parse_when(value: str, as_of: datetime | None = None) -> tuple[date, date]:
    """The inclusive interval of days a --since/--until/--on value names.

    ISO forms (2017-04-07, 2017-04, 2017, 2017-W15) or, given `as_of`, any expression the
    temporal engine resolves: "yesterday", "last month", "April 2017", "the first quarter of 2017".
    """
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
            return date(year, 1, 1), date(year, 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = map(int, text.split("-"))
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = date.fromisoformat(text)
            return day, day
    except ValueError:
        raise InputError(f"invalid date {value!r}: no such day or month") from None
    if as_of is not None and text:
        from timeline.dates import resolve_phrase

        expression = resolve_phrase(text, as_of)
        if expression is not None and expression.date_start and expression.date_end:
            return expression.date_start, expression.date_end
    raise InputError(
        f"invalid date {value!r}: expected YYYY-MM-DD, YYYY-MM, YYYY "
        "or a phrase such as 'last month', 'yesterday', 'March 2017'"
    )


def parse_day(value: str, *, end: bool = False, as_of: datetime | None = None) -> date:
    """The first (or, with `end`, the last) day of what `value` names: see `parse_when`."""
    start, last = parse_when(value, as_of)
    return last if end else start


def actor_ids_matching(connection: Connection, name: str) -> Select:
    """Actors whose canonical name or alias equals `name` (case-insensitively), and the country
    that `name` denotes, if it is a country's name, code or demonym."""
    from timeline.resolve import country_code

    key = fold(name)
    by_alias = select(ACTOR_ALIASES.c.actor_id).where(ACTOR_ALIASES.c.alias_key == key)
    matches = [ACTORS.c.name_key == key, ACTORS.c.id.in_(by_alias)]
    code = country_code(name)
    if code:  # any name, code or demonym of a country: "U.S.", "America", "USA"
        matches.append(and_(ACTORS.c.kind == "country", ACTORS.c.country_code == code))
    return select(ACTORS.c.id).where(or_(*matches))


def _country_codes(name: str) -> list[str]:
    from timeline.resolve import country_code

    codes = {name.upper()} if re.fullmatch(r"[A-Za-z]{3}", name) else set()
    code = country_code(name)
    if code:
        codes.add(code)
    if not codes:
        raise InputError(f"unknown country {name!r}: give an ISO 3166 code such as RUS or a name")
    return sorted(codes)


def _words(query: str) -> list[str]:
    words = re.findall(r"\w+", query)
    if not words:
        raise InputError(f"nothing to search for in {query!r}")
    return words


def _full_text_ids(connection: Connection, query: str) -> Select:
    """The ids of the events whose sentence contains every word of `query` (stemmed: "strike"
    finds "strikes"). SQLite: the FTS5 table events_fts; PostgreSQL: to_tsvector('english',
    sentence), GIN-indexed."""
    words = _words(query)
    if connection.dialect.name == "postgresql":
        matches = func.to_tsvector("english", EVENTS.c.sentence).op("@@")(
            func.plainto_tsquery("english", " ".join(words))
        )
        # materialized: all matches from the GIN index first. Under a LIMIT (a page counting
        # its events) the planner would otherwise scan the table, parsing every sentence until
        # enough match: seconds for words in 1% of the events
        found = select(EVENTS.c.id).where(matches).cte().prefix_with("MATERIALIZED")
        return select(found.c.id)
    match = " ".join(f'"{word}"' for word in words)
    return (
        select(literal_column("rowid"))
        .select_from(text("events_fts"))
        .where(literal_column("events_fts").op("MATCH")(match))
    )


def _actor_ids(connection: Connection, name: str) -> list[int]:
    """The ids of the actors a name matches, looked up first (as literals, the database can
    estimate how many events they have)."""
    return list(connection.scalars(actor_ids_matching(connection, name)))


def _events_of(actors, role: str | None = None) -> Select:
    """The ids of the events the given actors take part in (in a role): an index range on
    event_actors(actor_id, role, event_id), so the database starts from the actor's events
    instead of scanning every event."""
    query = select(EVENT_ACTORS.c.event_id).where(EVENT_ACTORS.c.actor_id.in_(actors))
    if role:
        query = query.where(EVENT_ACTORS.c.role == role)
    return query


def _dyad_pairs(first, second):
    """The condition, on event_dyads, that one of `first` acts on one of `second` or the other
    way round."""
    dyad = EVENT_DYADS.c
    return or_(
        and_(dyad.source_id.in_(first), dyad.target_id.in_(second)),
        and_(dyad.source_id.in_(second), dyad.target_id.in_(first)),
    )


# The longest interval an event of each granularity can have, in days, rounded up: an event
# that overlaps a window starts at most this long before the window opens. Granularities without
# an interval (duration, set, reference) never date an event; a century bounds them all the same.
MAX_SPAN_DAYS = {
    "century": 36525, "decade": 3653, "year": 366, "half": 184, "quarter": 92, "season": 92,
    "month": 31, "week": 7, "day": 1, "part_of_day": 1, "hour": 1, "minute": 1, "second": 1,
    "duration": 36525, "set": 36525, "reference": 36525,
}  # fmt: skip


def _starts_near(since: date, until: date):
    """Events that can overlap [since, until], as one bounded range of the (granularity,
    date_start) index per granularity: without it the database walks every event that starts
    before the window and checks its end."""
    return or_(
        *(
            and_(
                EVENTS.c.granularity == granularity,
                EVENTS.c.date_start >= since - timedelta(days=days),
                EVENTS.c.date_start <= until,
            )
            for granularity, days in MAX_SPAN_DAYS.items()
        )
    )


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


@dataclass
class _Condition:
    """One part of a filter: `test`, checked on an events row; `ids`, where the filter is
    selective (an actor, a dyad, a place, a country, words, an article), the ids of the events
    it holds for, read from an index."""

    test: object
    ids: Select | None = None
    # the rows that enumerate its events, each walked in date order through an index with the
    # granularity and the date: (event_actors, event_dyads or event_countries, {column: value})
    walks: list[tuple] | None = None


def _conditions(connection: Connection, flt: EventFilter) -> list[_Condition]:
    """The filter's conditions on events (the date window apart: see `_window`)."""
    conditions = []
    for name, role in (
        (flt.actor, None),
        (flt.source_actor, "source"),
        (flt.target_actor, "target"),
    ):
        if not name:
            continue
        actors = _actor_ids(connection, name)
        link = exists().where(
            EVENT_ACTORS.c.event_id == EVENTS.c.id, EVENT_ACTORS.c.actor_id.in_(actors)
        )
        if role:
            link = link.where(EVENT_ACTORS.c.role == role)
        walks = [
            (EVENT_ACTORS, {"actor_id": actor, **({"role": role} if role else {})})
            for actor in actors
        ]
        conditions.append(_Condition(link, _events_of(actors, role), walks))
    if flt.between:
        first, second = (_actor_ids(connection, name) for name in flt.between)
        pairs = _dyad_pairs(first, second)
        test = exists().where(EVENT_DYADS.c.event_id == EVENTS.c.id, pairs)
        walks = [
            (EVENT_DYADS, {"source_id": source, "target_id": target})
            for sources, targets in ((first, second), (second, first))
            for source in sources
            for target in targets
            if source != target
        ]
        conditions.append(_Condition(test, select(EVENT_DYADS.c.event_id).where(pairs), walks))
    if flt.type:
        wanted = flt.type.strip()
        if wanted.isdigit():
            conditions.append(_Condition(EVENTS.c.event_code.startswith(wanted)))
        else:
            conditions.append(_Condition(func.lower(EVENTS.c.event_label).contains(wanted.lower())))
    if flt.location:
        place = LOCATIONS.c.name_key == fold(flt.location)
        conditions.append(_located(place))
    if flt.country:
        # located there or with an actor from there: event_countries, derived from both
        codes = _country_codes(flt.country)
        country = EVENT_COUNTRIES.c
        test = exists().where(country.event_id == EVENTS.c.id, country.country_code.in_(codes))
        ids = select(country.event_id).where(country.country_code.in_(codes))
        walks = [(EVENT_COUNTRIES, {"country_code": code}) for code in codes]
        conditions.append(_Condition(test, ids, walks))
    if flt.text:
        ids = _full_text_ids(connection, flt.text)
        conditions.append(_Condition(EVENTS.c.id.in_(ids), ids))
    if flt.article is not None:
        conditions.append(
            _Condition(
                EVENTS.c.article_id == flt.article,
                select(EVENTS.c.id).where(EVENTS.c.article_id == flt.article),
            )
        )
    if flt.status:
        if flt.status not in STATUSES:
            raise InputError(f"unknown status {flt.status!r}: one of {', '.join(STATUSES)}")
        conditions.append(_Condition(EVENTS.c.status == flt.status))
    return conditions


def _located(place) -> _Condition:
    """Events at a place the condition `place` (on locations) selects."""
    link = EVENT_LOCATIONS.c
    return _Condition(
        exists().where(link.event_id == EVENTS.c.id, link.location_id == LOCATIONS.c.id, place),
        select(link.event_id).join(LOCATIONS, LOCATIONS.c.id == link.location_id).where(place),
    )


def _window(flt: EventFilter) -> list:
    """The date window: events whose interval overlaps [since, until]."""
    conditions = []
    if flt.since:
        conditions.append(EVENTS.c.date_end >= flt.since)
    if flt.until:
        conditions.append(EVENTS.c.date_start <= flt.until)
    return conditions


def _in_order(query: Select, flt: EventFilter, columns=None) -> Select:
    start, event_id = columns if columns is not None else (EVENTS.c.date_start, EVENTS.c.id)
    if flt.order == "-date":
        return query.order_by(start.desc(), event_id.desc())
    return query.order_by(start, event_id)


def filtered(connection: Connection, flt: EventFilter, part: Part | None = None) -> Select:
    """The SELECT of event rows (plain table rows, no ORM objects) that match a filter, in order
    (with `part`, only that part of the listing).

    Each selective condition is an index range (`events.id IN (...)`), a date window one bounded
    range per granularity; the database plans the rest. Pages go through `page_ids` instead."""
    conditions = [
        EVENTS.c.id.in_(c.ids) if c.ids is not None else c.test
        for c in _conditions(connection, flt)
    ]
    conditions += _window(flt)
    if part is not None:
        conditions.append(part.condition())
    if flt.since and flt.until:
        conditions.append(_starts_near(flt.since, flt.until))
    query = select(EVENTS)
    if conditions:
        query = query.where(and_(*conditions))
    query = _in_order(query, flt)
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return query


@dataclass(frozen=True)
class Part:
    """A part of a listing, by the events' first day: from `first` (inclusive) to `stop`
    (exclusive), either end open when None; or, with `undated`, the events without a date.
    Consecutive parts (`split_listing`) concatenate into the whole listing, in order."""

    first: date | None = None
    stop: date | None = None
    undated: bool = False

    def condition(self):
        start = EVENTS.c.date_start
        if self.undated:
            return start.is_(None)
        conditions = [start.is_not(None)]
        if self.first is not None:
            conditions.append(start >= self.first)
        if self.stop is not None:
            conditions.append(start < self.stop)
        return and_(*conditions)


def split_listing(connection: Connection, flt: EventFilter, parts: int) -> list[Part]:
    """The listing of an unlimited filter cut into about `parts` parts of equal size, in the
    listing's order (the events without a date where the database sorts them: first on SQLite,
    last on PostgreSQL, in ascending order). Events of one day stay in one part."""
    connection = as_connection(connection)
    dated = (
        filtered(connection, EventFilter(**{**flt.__dict__, "limit": None, "order": "date"}))
        .with_only_columns(EVENTS.c.date_start)
        .where(EVENTS.c.date_start.is_not(None))
    )
    total = connection.scalar(select(func.count()).select_from(dated.order_by(None).subquery()))
    cuts = []
    for k in range(1, parts):
        cut = connection.scalar(dated.offset(k * total // parts).limit(1))
        if cut is not None and (not cuts or cut > cuts[-1]):
            cuts.append(cut)
    bounds = [None, *cuts, None]
    ordered = [Part(first, stop) for first, stop in zip(bounds, bounds[1:], strict=False)]
    if connection.dialect.name == "sqlite":
        ordered.insert(0, Part(undated=True))
    else:
        ordered.append(Part(undated=True))
    return ordered[::-1] if flt.order == "-date" else ordered


# A page (a listing with a limit, the first events in date order) is found one of three ways:
# - walk the links, with an actor, a dyad or a country: its rows of event_actors (event_dyads,
#   event_countries) are read in date order, one index range per granularity (inside a window,
#   the range its events can start in), each event checked against the other conditions until
#   the page is full;
# - collect, when another selective condition (place, words, article) holds for at most
#   COLLECT_LIMIT events (counted from its index): those events (the intersection, when several
#   do) are read by id, the other conditions checked on them, and sorted;
# - walk the dates: the events in date order (inside a window, one range per granularity), each
#   checked until the page is full.
# Walking the dates for a rare place, or collecting and sorting a frequent one's events, would
# cost far more: the planner cannot know which is which; the counts do.
COLLECT_LIMIT = 5000
# pages longer than this stream like a full listing
PAGE_LIMIT = 10_000


def page_ids(connection: Connection, flt: EventFilter) -> list[int]:
    """The ids of the events of a page (a filter with a limit), in the filter's order."""
    connection = as_connection(connection)
    conditions = _conditions(connection, flt)
    window = _window(flt)
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
                query = _in_order(query, flt, (link.c.date_start, link.c.event_id))
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
            _in_order(
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
        query = _in_order(query, flt, (merged.c.date_start, merged.c.id))
    else:
        query = _in_order(query, flt)
    return list(connection.scalars(query.limit(flt.limit)))


def iter_events(
    connection: Connection, flt: EventFilter, part: Part | None = None
) -> Iterator[EventRecord]:
    """Stream the matching events as records (`EventRecord`), in one query (with `part`, only
    that part of the listing). The path of every listing and export.

    The events come with their article (a join) and, per event, the ids of its actors and places
    packed in one string each (a correlated group_concat/string_agg on the event_actors and
    event_locations primary keys). Actors and places themselves are few and shared by many events:
    `_Details` reads each one once, a chunk of rows at a time, and reuses it. Dates and times are
    read as the driver gives them and turned into ISO strings once per distinct value. No ORM
    objects, no JSON built by the database, no per-event round trips. A long listing's cursor
    streams (server-side on PostgreSQL), so memory grows with the number of distinct actors,
    places and dates, not of events; a page's rows are read at once.
    """
    connection = as_connection(connection)
    # the filter picks and orders event ids first; the details are computed for those rows only
    query = select(*_record_columns(connection, raw_times=True)).select_from(EVENTS)
    query = _with_article(query)
    paged = flt.limit is not None and flt.limit <= PAGE_LIMIT and part is None
    if paged:
        query = _in_order(query.where(EVENTS.c.id.in_(page_ids(connection, flt))), flt)
    else:
        page = filtered(connection, flt, part)
        page = page.with_only_columns(EVENTS.c.id, EVENTS.c.date_start)
        page = page.subquery()
        query = query.join(page, page.c.id == EVENTS.c.id)
        query = _in_order(query, flt, (page.c.date_start, page.c.id))
    if paged:  # a few rows: a server-side cursor would only add round trips
        result = connection.execute(query)
    else:
        # options of this statement only: Connection.execution_options would change the
        # connection for every later statement (an INSERT through a server-side cursor fails)
        result = connection.execute(query.execution_options(stream_results=True, yield_per=CHUNK))
    # an export or a long listing will meet most actors and places: read them all at once
    return _records(connection, result, read_all=flt.limit is None)


def _record_columns(connection: Connection, *, raw_times: bool = False) -> list:
    """The columns of an `EventRecord`, in its order and labelled with its names: the events
    table's columns of those names, the article's (`article_title` is articles.title, its source
    the source's name) and the event's actor and place links, packed (see `_Details`). With
    `raw_times`, dates and times as the driver gives them (turned into ISO strings by
    `_records`)."""
    link, place_link = EVENT_ACTORS.c, EVENT_LOCATIONS.c
    links = {
        "actors": select(_packed(connection, link.actor_id, link.role, link.start_char))
        .where(link.event_id == EVENTS.c.id)
        .scalar_subquery(),
        "locations": select(_packed(connection, place_link.location_id, place_link.start_char))
        .where(place_link.event_id == EVENTS.c.id)
        .scalar_subquery(),
    }
    columns = []
    for name in EventRecord._fields:
        if name in links:
            column = links[name]
        elif name in EVENTS.c:
            column = EVENTS.c[name]
        elif name == ARTICLE_PREFIX + "source":
            column = SOURCES.c.name
        else:
            column = ARTICLES.c[name.removeprefix(ARTICLE_PREFIX)]
        if raw_times and _is_time(column):
            column = type_coerce(column, String)
        columns.append(column.label(name))
    return columns


def _is_time(column) -> bool:
    return isinstance(column.type, Date | DateTime | UTCDateTime)


def _with_article(query: Select) -> Select:
    """An events query joined to its article and source: outer joins (the article always
    exists) keep the events table as the driving one, so that the database can walk the date
    index and stop after LIMIT rows."""
    return query.outerjoin(ARTICLES, ARTICLES.c.id == EVENTS.c.article_id).outerjoin(
        SOURCES, SOURCES.c.id == ARTICLES.c.source_id
    )


def _packed(connection, *columns) -> object:
    """'12:source:40,7:target:' : the columns of each link row, ':'-joined, rows ','-joined."""
    item = cast(columns[0], Text)
    for column in columns[1:]:
        item = item.concat(":").concat(func.coalesce(cast(column, Text), ""))
    if connection.dialect.name == "postgresql":
        return func.string_agg(item, ",")
    return func.group_concat(item, ",")


def _records(connection: Connection, result, *, read_all: bool) -> Iterator[EventRecord]:
    """The records of the rows of a query of `_record_columns(raw_times=True)`: dates and times
    turned into ISO strings (each distinct value once), the packed links into actors and
    places."""
    dialect = connection.dialect
    details = _Details(connection)
    if read_all:
        details.read_all()
    columns = _record_columns(connection, raw_times=False)
    # (position, reader, cache) of each date or time field
    days: dict = {None: None}
    times: dict = {None: None}
    conversions = [
        (
            position,
            column.type.dialect_impl(dialect).result_processor(dialect, None),
            days if isinstance(column.type, Date) else times,
        )
        for position, column in enumerate(columns)
        if _is_time(column)
    ]
    actors_at, places_at = (
        EventRecord._fields.index("actors"),
        EventRecord._fields.index("locations"),
    )
    for rows in result.partitions(CHUNK):
        details.read(rows)
        if len(times) > 100_000:  # publication times are nearly unique: keep the cache bounded
            times.clear()
            times[None] = None
        for row in rows:
            values = list(row)
            for position, read, known in conversions:
                value = values[position]
                if value not in known:
                    known[value] = (read(value) if read else value).isoformat()
                values[position] = known[value]
            values[actors_at] = details.actors(values[actors_at])
            values[places_at] = details.places(values[places_at])
            yield EventRecord._make(values)


def _start_key(start: int | None) -> tuple[bool, int]:
    """Where a mention starts, for sorting: unknown positions last."""
    return (start is None, start or 0)


class _Details:
    """The actors and places of the events read so far, each read from the database once.

    `actors(packed)` and `places(packed)` turn a row's packed links into the record's
    participants and places, in the order of the text (then by name, then role)."""

    def __init__(self, connection):
        self.connection = connection
        self.actor_fields: dict[int, dict] = {}  # an actor's fields but its role, by id
        self.participants: dict[tuple[int, str], Participant] = {}  # by (actor id, role)
        self.place_rows: dict[int, Place] = {}
        self.complete = False

    def read_all(self) -> None:
        """Read every actor and place at once (a few thousand rows: cheaper than finding, chunk by
        chunk, the ones a long listing has not met yet)."""
        self._read_actors(None)
        self._read_places(None)
        self.complete = True

    def read(self, rows) -> None:
        """Read the actors and places of these rows not read yet."""
        if self.complete:
            return
        actor_ids, place_ids = set(), set()
        for row in rows:
            if row.actors:
                actor_ids.update(int(item.split(":", 1)[0]) for item in row.actors.split(","))
            if row.locations:
                place_ids.update(int(item.split(":", 1)[0]) for item in row.locations.split(","))
        self._read_actors(sorted(actor_ids.difference(self.actor_fields)))
        self._read_places(sorted(place_ids.difference(self.place_rows)))

    def _read_actors(self, ids: list[int] | None) -> None:
        names = [name for name in Participant._fields if name != "role"]
        self.actor_fields.update(self._fields(ACTORS, names, ids))

    def _read_places(self, ids: list[int] | None) -> None:
        for place_id, fields in self._fields(LOCATIONS, Place._fields, ids):
            self.place_rows[place_id] = Place(**fields)

    def _fields(self, table, names, ids: list[int] | None) -> Iterator[tuple[int, dict]]:
        """(id, {name: value}) of the rows of `table` with these ids (None: every row)."""
        query = select(table.c.id, *(table.c[name] for name in names))
        chunks = [None] if ids is None else [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
        for chunk in chunks:
            some = query if chunk is None else query.where(table.c.id.in_(chunk))
            for row in self.connection.execute(some):
                yield row.id, {name: row._mapping[name] for name in names}

    def actors(self, packed: str | None) -> list[Participant]:
        """The participants of packed actor links, in the order of the text (unknown positions
        last), then by name and role."""
        if not packed:
            return []
        participants = self.participants
        links = []
        for item in packed.split(","):
            actor_id, role, start = item.split(":")
            key = (int(actor_id), role)
            participant = participants.get(key)
            if participant is None:
                participant = Participant(role=role, **self.actor_fields[key[0]])
                participants[key] = participant
            links.append((not start, int(start) if start else 0, participant))
        if len(links) > 1:
            links.sort(key=_in_text_order)
        return [link[2] for link in links]

    def places(self, packed: str | None) -> list[Place]:
        """The places of packed place links, in the order of the text (unknown positions last),
        then by name."""
        if not packed:
            return []
        rows = self.place_rows
        links = []
        for item in packed.split(","):
            place_id, start = item.split(":")
            links.append((not start, int(start) if start else 0, rows[int(place_id)]))
        if len(links) > 1:
            links.sort(key=_in_text_order)
        return [link[2] for link in links]


def _in_text_order(link: tuple) -> tuple:
    """The sort key of a (no start, start, participant or place) link: where the text names it,
    then the name (and the role)."""
    missing, start, named = link
    return (missing, start, named.name, getattr(named, "role", ""))


def count_events(connection: Connection, flt: EventFilter) -> int:
    connection = as_connection(connection)
    inner = filtered(connection, EventFilter(**{**flt.__dict__, "limit": None})).order_by(None)
    return connection.scalar(select(func.count()).select_from(inner.subquery()))


def get_event(connection: Connection, event_id: int) -> EventProvenance | None:
    """One event with its provenance: the spans of its trigger, sentence, actors and places in
    the article, and the time expression that dates it."""
    connection = as_connection(connection)
    event = EVENTS.c
    query = _with_article(select(*_record_columns(connection, raw_times=True)).select_from(EVENTS))
    records = _records(
        connection, connection.execute(query.where(event.id == event_id)), read_all=False
    )
    record = next(records, None)
    if record is None:
        return None
    row = connection.execute(
        select(
            event.time_expression_id,
            event.trigger_start,
            event.trigger_end,
            event.sentence_start,
            event.sentence_end,
            event.lemma,
            event.plover_type,
            event.plover_mode,
        ).where(event.id == event_id)
    ).one()
    link, actor = EVENT_ACTORS.c, ACTORS.c
    actors = connection.execute(
        select(
            actor.name,
            link.role,
            actor.kind,
            actor.country_code,
            actor.code,
            link.text,
            link.start_char.label("start"),
            link.end_char.label("end"),
            func.coalesce(link.title, actor.title).label("title"),
        )
        .join(ACTORS, actor.id == link.actor_id)
        .where(link.event_id == event_id)
    ).all()
    place_link, place = EVENT_LOCATIONS.c, LOCATIONS.c
    places = connection.execute(
        select(
            place.name,
            place.country_code,
            place.latitude,
            place.longitude,
            place.feature,
            place_link.text,
            place_link.start_char.label("start"),
            place_link.end_char.label("end"),
            place.geonames_id,
        )
        .join(LOCATIONS, place.id == place_link.location_id)
        .where(place_link.event_id == event_id)
    ).all()
    expression = None
    if row.time_expression_id:
        found = connection.execute(
            select(EXPRESSIONS).where(EXPRESSIONS.c.id == row.time_expression_id)
        ).first()
        expression = ExpressionInText(
            text=found.text,
            start=found.start_char,
            end=found.end_char,
            type=found.type,
            value=found.value,
        )
    return EventProvenance(
        event=record,
        actors=[
            ActorInText(**r._mapping)
            for r in sorted(actors, key=lambda r: (_start_key(r.start), r.name, r.role))
        ],
        locations=[
            PlaceInText(**r._mapping)
            for r in sorted(places, key=lambda r: (_start_key(r.start), r.name))
        ],
        trigger_span=(row.trigger_start, row.trigger_end),
        sentence_span=(row.sentence_start, row.sentence_end),
        lemma=row.lemma,
        plover_type=row.plover_type,
        plover_mode=row.plover_mode,
        time_expression=expression,
    )


# --- listings ---------------------------------------------------------------------------------


def _event_ids(connection: Connection, flt: EventFilter | None):
    """The ids of the events a filter selects, as a subquery (None: every event)."""
    if flt is None:
        return None
    unlimited = EventFilter(**{**flt.__dict__, "limit": None})
    return filtered(connection, unlimited).order_by(None).with_only_columns(EVENTS.c.id)


def list_actors(
    connection: Connection, limit: int | None = None, flt: EventFilter | None = None
) -> list[dict]:
    """Actors with the number of events they take part in (among the filter's events, if any)."""
    connection = as_connection(connection)
    counted = select(
        EVENT_ACTORS.c.actor_id, func.count(func.distinct(EVENT_ACTORS.c.event_id)).label("n")
    ).group_by(EVENT_ACTORS.c.actor_id)
    events = _event_ids(connection, flt)
    if events is not None:
        counted = counted.where(EVENT_ACTORS.c.event_id.in_(events))
    counts = counted.subquery()
    n = func.coalesce(counts.c.n, 0)
    actor = ACTORS.c
    query = (
        select(actor.id, actor.name, actor.kind, actor.country_code, actor.code, n)
        .outerjoin(counts, counts.c.actor_id == ACTORS.c.id)
        .order_by(n.desc(), ACTORS.c.name)
    )
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
        {
            "id": actor_id,
            "name": name,
            "kind": kind,
            "country_code": country_code,
            "code": code,
            "events": count,
            "aliases": [a for a in aliases[actor_id] if a != name],
        }
        for actor_id, name, kind, country_code, code, count in rows
    ]


def list_dyads(
    connection: Connection, limit: int | None = None, flt: EventFilter | None = None
) -> list[dict]:
    """Pairs (source actor -> target actor) with their event counts, in total and by quad class."""
    connection = as_connection(connection)
    source, target = EVENT_ACTORS.alias(), EVENT_ACTORS.alias()
    source_actor, target_actor = ACTORS.alias(), ACTORS.alias()
    total = func.count(func.distinct(EVENTS.c.id))
    quads = [
        func.count(func.distinct(case((EVENTS.c.quad_class == q, EVENTS.c.id)))).label(f"q{q}")
        for q in (1, 2, 3, 4)
    ]
    query = (
        select(source_actor.c.name, target_actor.c.name, total.label("events"), *quads)
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
    return [
        {
            "source": s,
            "target": t,
            "events": n,
            "verbal_cooperation": q1,
            "material_cooperation": q2,
            "verbal_conflict": q3,
            "material_conflict": q4,
        }
        for s, t, n, q1, q2, q3, q4 in connection.execute(query)
    ]


def list_places(connection: Connection, limit: int | None = None) -> list[dict]:
    connection = as_connection(connection)
    counts = (
        select(EVENT_LOCATIONS.c.location_id, func.count(EVENT_LOCATIONS.c.event_id).label("n"))
        .group_by(EVENT_LOCATIONS.c.location_id)
        .subquery()
    )
    query = (
        select(
            LOCATIONS.c.id,
            LOCATIONS.c.name,
            LOCATIONS.c.country_code,
            LOCATIONS.c.latitude,
            LOCATIONS.c.longitude,
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.location_id == LOCATIONS.c.id)
        .order_by(func.coalesce(counts.c.n, 0).desc(), LOCATIONS.c.name)
    )
    if limit:
        query = query.limit(limit)
    return [
        {
            "id": place_id,
            "name": name,
            "country_code": country_code,
            "latitude": latitude,
            "longitude": longitude,
            "events": count,
        }
        for place_id, name, country_code, latitude, longitude, count in connection.execute(query)
    ]


def period_key(day: date, by: str) -> str:
    """The period a day falls in: 2017-04-11 (day), 2017-W15 (ISO week), 2017-04, 2017-Q2, 2017."""
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{day:%Y-%m}"
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if by == "year":
        return str(day.year)
    raise InputError(f"unknown period {by!r}: day, week, month, quarter or year")


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

    def count(table) -> int:
        return connection.scalar(select(func.count()).select_from(table))

    first, last = connection.execute(
        select(func.min(EVENTS.c.date_start), func.max(EVENTS.c.date_end))
    ).one()
    by_quad = dict(
        connection.execute(
            select(EVENTS.c.quad_class, func.count()).group_by(EVENTS.c.quad_class)
        ).all()
    )
    return {
        "articles": count(ARTICLES),
        "events": count(EVENTS),
        "actors": count(ACTORS),
        "places": count(LOCATIONS),
        "time_expressions": count(EXPRESSIONS),
        "sources": count(SOURCES),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "events_by_quad_class": {str(k): v for k, v in sorted(by_quad.items())},
    }
