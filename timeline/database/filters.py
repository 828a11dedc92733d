"""What a listing's filter (`EventFilter`) selects: its conditions on the events, the date window,
the order, and the SELECT of a whole listing (`filtered`), or of one part of it (`Part`,
`split_listing`, for an export in several processes). Dates in filters are ISO days, months,
years or phrases the temporal engine resolves (`parse_when`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import (
    Select,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Connection

from timeline.database.models import (
    ACTOR_ALIASES,
    ACTORS,
    EVENT_ACTORS,
    EVENT_COUNTRIES,
    EVENT_DYADS,
    EVENT_LOCATIONS,
    EVENTS,
    LOCATIONS,
    fold,
)
from timeline.errors import InputError


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
    type: str | None = None  # CAMEO codes, prefixes, exclusions, label words: see event_types
    quad: tuple[int, ...] | None = None  # quad classes: 1 verbal cooperation .. 4 material
    no_statements: bool = False  # leave out statements (CAMEO 01)
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
        from timeline.nlp.dates import resolve_phrase

        expression = resolve_phrase(text, as_of)
        if expression is not None and expression.date_start and expression.date_end:
            return expression.date_start, expression.date_end
    raise InputError(
        f"invalid date {value!r}: expected YYYY-MM-DD, YYYY-MM, YYYY "
        "or a phrase such as 'last month', 'yesterday', 'March 2017'"
    )


def event_filter(
    *,
    since: str | None = None,
    until: str | None = None,
    on: str | None = None,
    as_of: str | None = None,
    type: str | None = None,
    quad: str | tuple[int, ...] | None = None,
    **fields,
) -> EventFilter:
    """The EventFilter of dates as a user writes them: `since`, `until` and `on` are ISO dates or
    phrases (see `parse_when`) resolved against `as_of` (an ISO time, default now in the local
    time zone), `on` narrowing the window to what it names; `type` and `quad` as typed (checked
    here: see `event_types`); every other field as EventFilter has it."""
    from timeline.database.event_types import parse_quads, parse_types

    if type:
        parse_types(type)  # an error now, before any query
    if isinstance(quad, str):
        quad = parse_quads(quad)
    anchor = datetime.now().astimezone()
    if as_of:
        from timeline.read import parse_published

        anchor = parse_published(as_of)
    first = parse_when(since, anchor)[0] if since else None
    last = parse_when(until, anchor)[1] if until else None
    if on:
        on_first, on_last = parse_when(on, anchor)
        first = max(first, on_first) if first else on_first
        last = min(last, on_last) if last else on_last
    return EventFilter(since=first, until=last, type=type, quad=quad or None, **fields)


def parse_day(value: str, *, end: bool = False, as_of: datetime | None = None) -> date:
    """The first (or, with `end`, the last) day of what `value` names: see `parse_when`."""
    start, last = parse_when(value, as_of)
    return last if end else start


def actor_ids_matching(connection: Connection, name: str) -> Select:
    """Actors whose canonical name or alias equals `name` (case-insensitively), and the country
    that `name` denotes, if it is a country's name, code or demonym."""
    from timeline.nlp.actors.countries import country_code

    key = fold(name)
    by_alias = select(ACTOR_ALIASES.c.actor_id).where(ACTOR_ALIASES.c.alias_key == key)
    matches = [ACTORS.c.name_key == key, ACTORS.c.id.in_(by_alias)]
    code = country_code(name)
    if code:  # any name, code or demonym of a country: "U.S.", "America", "USA"
        matches.append(and_(ACTORS.c.kind == "country", ACTORS.c.country_code == code))
    return select(ACTORS.c.id).where(or_(*matches))


def _country_codes(name: str) -> list[str]:
    from timeline.nlp.actors.countries import country_code

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


@dataclass
class Condition:
    """One part of a filter: `test`, checked on an events row; `ids`, where the filter is
    selective (an actor, a dyad, a place, a country, words, an article), the ids of the events
    it holds for, read from an index."""

    test: object
    ids: Select | None = None
    # the rows that enumerate its events, each walked in date order through an index with the
    # granularity and the date: (event_actors, event_dyads or event_countries, {column: value})
    walks: list[tuple] | None = None


def filter_conditions(connection: Connection, flt: EventFilter) -> list[Condition]:
    """The filter's conditions on events (the date window apart: see `date_window`)."""
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
        conditions.append(Condition(link, _events_of(actors, role), walks))
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
        conditions.append(Condition(test, select(EVENT_DYADS.c.event_id).where(pairs), walks))
    conditions += _type_conditions(flt)
    if flt.location:
        # the place itself, or a place in the region of that name ("Texas": Paris, Texas too)
        wanted = fold(flt.location)
        place = or_(LOCATIONS.c.name_key == wanted, func.lower(LOCATIONS.c.admin1) == wanted)
        conditions.append(_located(place))
    if flt.country:
        # located there or with an actor from there: event_countries, derived from both
        codes = _country_codes(flt.country)
        country = EVENT_COUNTRIES.c
        test = exists().where(country.event_id == EVENTS.c.id, country.country_code.in_(codes))
        ids = select(country.event_id).where(country.country_code.in_(codes))
        walks = [(EVENT_COUNTRIES, {"country_code": code}) for code in codes]
        conditions.append(Condition(test, ids, walks))
    if flt.text:
        ids = _full_text_ids(connection, flt.text)
        conditions.append(Condition(EVENTS.c.id.in_(ids), ids))
    if flt.article is not None:
        conditions.append(
            Condition(
                EVENTS.c.article_id == flt.article,
                select(EVENTS.c.id).where(EVENTS.c.article_id == flt.article),
            )
        )
    if flt.status:
        if flt.status not in STATUSES:
            raise InputError(f"unknown status {flt.status!r}: one of {', '.join(STATUSES)}")
        conditions.append(Condition(EVENTS.c.status == flt.status))
    return conditions


def _type_conditions(flt: EventFilter) -> list[Condition]:
    """The event types (`--type`, `--no-statements`) and quad classes (`--quad`) a filter keeps."""
    from timeline.database.event_types import TypeSelection, parse_types

    conditions = []
    selection = parse_types(flt.type) if flt.type else TypeSelection()
    exclude = selection.exclude + (("01",) if flt.no_statements else ())
    code = EVENTS.c.event_code
    if selection.include:
        conditions.append(Condition(or_(*(code.startswith(p) for p in selection.include))))
    if exclude:
        conditions.append(Condition(and_(*(~code.startswith(p) for p in exclude))))
    if flt.quad:
        conditions.append(Condition(EVENTS.c.quad_class.in_(flt.quad)))
    return conditions


def _located(place) -> Condition:
    """Events at a place the condition `place` (on locations) selects."""
    link = EVENT_LOCATIONS.c
    return Condition(
        exists().where(link.event_id == EVENTS.c.id, link.location_id == LOCATIONS.c.id, place),
        select(link.event_id).join(LOCATIONS, LOCATIONS.c.id == link.location_id).where(place),
    )


def date_window(flt: EventFilter) -> list:
    """The date window: events whose interval overlaps [since, until]."""
    conditions = []
    if flt.since:
        conditions.append(EVENTS.c.date_end >= flt.since)
    if flt.until:
        conditions.append(EVENTS.c.date_start <= flt.until)
    return conditions


def in_order(query: Select, flt: EventFilter, columns=None) -> Select:
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
        for c in filter_conditions(connection, flt)
    ]
    conditions += date_window(flt)
    if part is not None:
        conditions.append(part.condition())
    if flt.since and flt.until:
        conditions.append(_starts_near(flt.since, flt.until))
    query = select(EVENTS)
    if conditions:
        query = query.where(and_(*conditions))
    query = in_order(query, flt)
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
