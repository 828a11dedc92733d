"""Listings: the events a filter selects, streamed as records (`EventRecord`) with their actors,
places and article (`iter_events`, the path of every listing and export); their number; one
event with its provenance (`get_event`).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import (
    Date,
    DateTime,
    Select,
    String,
    Text,
    cast,
    func,
    select,
    type_coerce,
)
from sqlalchemy.engine import Connection

from timeline.database.filters import CHUNK, EventFilter, Part, as_connection, filtered, in_order
from timeline.database.happening_list import happening_mentions
from timeline.database.models import (
    ACTORS,
    ARTICLES,
    EVENT_ACTORS,
    EVENT_LOCATIONS,
    EVENTS,
    EXPRESSIONS,
    HAPPENINGS,
    LOCATIONS,
    SOURCES,
    UTCDateTime,
)
from timeline.database.pages import PAGE_LIMIT, page_ids
from timeline.database.record import (
    ARTICLE_PREFIX,
    HAPPENING_PREFIX,
    ActorInText,
    EventProvenance,
    EventRecord,
    ExpressionInText,
    Participant,
    Place,
    PlaceInText,
)


def iter_events(
    connection: Connection, flt: EventFilter, part: Part | None = None
) -> Iterator[EventRecord]:
    """Stream the matching events as records (`EventRecord`), in one query (with `part`, only
    that part of the listing). The path of every listing and export.

    The events come with their article (a join) and, per event, the ids of its actors and places
    packed in one string each (a correlated group_concat/string_agg on the event_actors and
    event_locations primary keys). Actors and places themselves are few and shared by many
    events: `_ActorsAndPlaces` reads each one once, a chunk of rows at a time, and reuses it.
    Dates and times are read as the driver gives them and turned into ISO strings once per
    distinct value. No ORM objects, no JSON built by the database, no per-event round trips. A
    long listing's cursor streams (server-side on PostgreSQL), so memory grows with the number of
    distinct actors, places and dates, not of events; a page's rows are read at once.
    """
    connection = as_connection(connection)
    # the filter picks and orders event ids first; the rest is read for those rows only
    query = select(*_record_columns(connection, raw_times=True)).select_from(EVENTS)
    query = _with_article(query)
    paged = flt.limit is not None and flt.limit <= PAGE_LIMIT and part is None
    if paged:
        query = in_order(query.where(EVENTS.c.id.in_(page_ids(connection, flt))), flt)
    else:
        page = filtered(connection, flt, part)
        page = page.with_only_columns(EVENTS.c.id, EVENTS.c.date_start)
        page = page.subquery()
        query = query.join(page, page.c.id == EVENTS.c.id)
        query = in_order(query, flt, (page.c.date_start, page.c.id))
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
    the source's name) and the event's actor and place links, packed (see `_ActorsAndPlaces`). With
    `raw_times`, dates and times as the driver gives them (turned into ISO strings by
    `_records`)."""
    link, place_link = EVENT_ACTORS.c, EVENT_LOCATIONS.c
    links = {
        "actors": select(
            _packed(
                connection, link.actor_id, link.role, link.start_char, link.code, link.country_code
            )
        )
        .where(link.event_id == EVENTS.c.id)
        .scalar_subquery(),
        "locations": select(
            _packed(
                connection,
                place_link.location_id,
                place_link.start_char,
                place_link.place_source,
                place_link.precision,
            )
        )
        .where(place_link.event_id == EVENTS.c.id)
        .scalar_subquery(),
    }
    columns = []
    for name in EventRecord._fields:
        if name in links:
            column = links[name]
        elif name in EVENTS.c:
            column = EVENTS.c[name]
        elif name.startswith(HAPPENING_PREFIX):
            column = HAPPENINGS.c[name.removeprefix(HAPPENING_PREFIX)]
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
    return (
        query.outerjoin(ARTICLES, ARTICLES.c.id == EVENTS.c.article_id)
        .outerjoin(SOURCES, SOURCES.c.id == ARTICLES.c.source_id)
        .outerjoin(HAPPENINGS, HAPPENINGS.c.id == EVENTS.c.happening_id)
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
    links = _ActorsAndPlaces(connection)
    if read_all:
        links.read_all()
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
        links.read(rows)
        if len(times) > 100_000:  # publication times are nearly unique: keep the cache bounded
            times.clear()
            times[None] = None
        for row in rows:
            values = list(row)
            for position, read, cache in conversions:
                value = values[position]
                if value not in cache:
                    cache[value] = (read(value) if read else value).isoformat()
                values[position] = cache[value]
            values[actors_at] = links.actors(values[actors_at])
            values[places_at] = links.places(values[places_at])
            yield EventRecord._make(values)


def _start_key(start: int | None) -> tuple[bool, int]:
    """Where a mention starts, for sorting: unknown positions last."""
    return (start is None, start or 0)


# The fields of a `Place` that its link to the event holds (the others are the place's own)
PLACE_LINK_FIELDS = ("place_source", "precision")


class _ActorsAndPlaces:
    """The actors and places of the events read so far, each read from the database once.

    `actors(packed)` and `places(packed)` turn a row's packed links into the record's
    participants and places, in the order of the text (then by name, then role)."""

    def __init__(self, connection):
        self.connection = connection
        self.actor_fields: dict[int, dict] = {}  # an actor's fields but its role, by id
        # by (actor id, role, code and country at the event)
        self.participants: dict[tuple, Participant] = {}
        self.place_rows: dict[int, dict] = {}  # a place's fields but its link's, by id
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
        names = [name for name in Place._fields if name not in PLACE_LINK_FIELDS]
        self.place_rows.update(self._fields(LOCATIONS, names, ids))

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
        last), then by name and role; each with the code and country it had at the event (an
        actor the dictionary knows may hold another code on another date), else its own."""
        if not packed:
            return []
        participants = self.participants
        links = []
        for item in packed.split(","):
            actor_id, role, start, code, country = item.split(":")
            key = (int(actor_id), role, code, country)
            participant = participants.get(key)
            if participant is None:
                fields = dict(self.actor_fields[key[0]])
                if code:
                    fields["code"] = code
                if country:
                    fields["country_code"] = country
                participant = Participant(role=role, **fields)
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
            place_id, start, source, precision = item.split(":")
            place = Place(
                **rows[int(place_id)],
                place_source=source or None,
                precision=int(precision) if precision else None,
            )
            links.append((not start, int(start) if start else 0, place))
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
    # as the article titled and coded them at this event
    at_event = {
        name: func.coalesce(EVENT_ACTORS.c[name], ACTORS.c[name])
        for name in ("title", "code", "country_code")
    }
    actors = _in_text(connection, ActorInText, ACTORS, EVENT_ACTORS, event_id, **at_event)
    places = _in_text(connection, PlaceInText, LOCATIONS, EVENT_LOCATIONS, event_id)
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
        actors=sorted(actors, key=lambda actor: (_start_key(actor.start), actor.name, actor.role)),
        locations=sorted(places, key=lambda place: (_start_key(place.start), place.name)),
        trigger_span=(row.trigger_start, row.trigger_end),
        sentence_span=(row.sentence_start, row.sentence_end),
        lemma=row.lemma,
        plover_type=row.plover_type,
        plover_mode=row.plover_mode,
        time_expression=expression,
        mentions=happening_mentions(connection, record.happening_id) if record.happening_id else [],
    )


def _in_text(connection, shape, table, link, event_id: int, **columns) -> list:
    """The actors (places) of an event as `shape` (ActorInText, PlaceInText): each field the
    column of its name in `table` (actors, locations) or in the `link` table joining them to
    the event, `start` and `end` its span (start_char, end_char), or one of `columns`."""
    chosen = []
    for name in shape._fields:
        if name in columns:
            column = columns[name]
        elif name in ("start", "end"):
            column = link.c[f"{name}_char"]
        else:
            column = table.c[name] if name in table.c else link.c[name]
        chosen.append(column.label(name))
    # joined on the link's foreign key to the table
    query = select(*chosen).select_from(link).join(table).where(link.c.event_id == event_id)
    return [shape(**row._mapping) for row in connection.execute(query)]
