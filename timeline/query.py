"""Query stage: filters -> events from the database, streamed with their actors and places.

Every listing (`events`, `export`, `show`) goes through `iter_events`, which yields plain dicts in
the JSON shape the CLI prints: id, date_start, date_end, date_value, granularity, date_source,
event_code, event_label, quad_class, trigger, status, sentence, actors, locations, article.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import (
    Select,
    and_,
    case,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import aliased
from sqlmodel import Session

from timeline.errors import InputError
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


def actor_ids_matching(session: Session, name: str) -> Select:
    """Actors whose canonical name or alias equals `name` (case-insensitively), and the country
    that `name` denotes, if it is a country's name, code or demonym."""
    from timeline.resolve import country_code

    key = fold(name)
    by_alias = select(ActorAlias.actor_id).where(ActorAlias.alias_key == key)
    matches = [ActorRow.name_key == key, ActorRow.id.in_(by_alias)]
    code = country_code(name)
    if code:  # any name, code or demonym of a country: "U.S.", "America", "USA"
        matches.append(and_(ActorRow.kind == "country", ActorRow.country_code == code))
    return select(ActorRow.id).where(or_(*matches))


def _country_codes(name: str) -> list[str]:
    from timeline.resolve import country_code

    codes = {name.upper()} if re.fullmatch(r"[A-Za-z]{3}", name) else set()
    code = country_code(name)
    if code:
        codes.add(code)
    if not codes:
        raise InputError(f"unknown country {name!r}: give an ISO 3166 code such as RUS or a name")
    return sorted(codes)


def _full_text(session: Session, query: str):
    """Events whose sentence contains every word of `query` (stemmed: "strike" finds "strikes").

    SQLite: the FTS5 table events_fts; PostgreSQL: to_tsvector('english', sentence), GIN-indexed.
    """
    words = re.findall(r"\w+", query)
    if not words:
        raise InputError(f"nothing to search for in {query!r}")
    if session.get_bind().dialect.name == "postgresql":
        return func.to_tsvector("english", EventRow.sentence).op("@@")(
            func.plainto_tsquery("english", " ".join(words))
        )
    match = " ".join(f'"{word}"' for word in words)
    matching = (
        select(literal_column("rowid"))
        .select_from(text("events_fts"))
        .where(literal_column("events_fts").op("MATCH")(match))
    )
    return EventRow.id.in_(matching)


def _actor_ids(session: Session, name: str) -> list[int]:
    """The ids of the actors a name matches, looked up first: with the ids as literals the
    database can estimate how many events they have (a rare actor's events are fetched by index,
    a frequent one's found while walking the dates)."""
    return list(session.scalars(actor_ids_matching(session, name)))


def _events_of(actors, role: str | None = None) -> Select:
    """The ids of the events the given actors take part in (in a role): an index range on
    event_actors(actor_id, role, event_id), so the database starts from the actor's events
    instead of scanning every event."""
    query = select(EventActor.event_id).where(EventActor.actor_id.in_(actors))
    if role:
        query = query.where(EventActor.role == role)
    return query


def filtered(session: Session, flt: EventFilter) -> Select:
    """The SELECT of event rows (plain table rows, no ORM objects) that match a filter, in order."""
    query = select(EVENTS)
    conditions = []
    for name, role in (
        (flt.actor, None),
        (flt.source_actor, "source"),
        (flt.target_actor, "target"),
    ):
        if not name:
            continue
        conditions.append(EventRow.id.in_(_events_of(_actor_ids(session, name), role)))
    if flt.between:
        first, second = (_actor_ids(session, name) for name in flt.between)

        def role_of(actors, role):
            return EventRow.id.in_(_events_of(actors, role))

        conditions.append(EventRow.id.in_(_events_of(first)))  # drives the query
        conditions.append(
            or_(
                and_(role_of(first, "source"), role_of(second, "target")),
                and_(role_of(second, "source"), role_of(first, "target")),
            )
        )
    if flt.type:
        wanted = flt.type.strip()
        if wanted.isdigit():
            conditions.append(EventRow.event_code.startswith(wanted))
        else:
            conditions.append(func.lower(EventRow.event_label).contains(wanted.lower()))
    if flt.since:
        conditions.append(EventRow.date_end >= flt.since)
    if flt.until:
        conditions.append(EventRow.date_start <= flt.until)
    if flt.location:
        conditions.append(
            exists().where(
                EventLocation.event_id == EventRow.id,
                EventLocation.location_id == LocationRow.id,
                LocationRow.name_key == fold(flt.location),
            )
        )
    if flt.country:
        codes = _country_codes(flt.country)
        located = exists().where(
            EventLocation.event_id == EventRow.id,
            EventLocation.location_id == LocationRow.id,
            LocationRow.country_code.in_(codes),
        )
        involved = exists().where(
            EventActor.event_id == EventRow.id,
            EventActor.actor_id == ActorRow.id,
            ActorRow.country_code.in_(codes),
        )
        conditions.append(or_(located, involved))
    if flt.text:
        conditions.append(_full_text(session, flt.text))
    if flt.article is not None:
        conditions.append(EventRow.article_id == flt.article)
    if flt.status:
        if flt.status not in STATUSES:
            raise InputError(f"unknown status {flt.status!r}: one of {', '.join(STATUSES)}")
        conditions.append(EventRow.status == flt.status)
    if conditions:
        query = query.where(and_(*conditions))
    if flt.order == "-date":
        query = query.order_by(EventRow.date_start.desc(), EventRow.id.desc())
    else:
        query = query.order_by(EventRow.date_start, EventRow.id)
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return query


def iter_events(session: Session, flt: EventFilter) -> Iterator[dict]:
    """Stream the matching events as dicts, in one query.

    Each event's actors and places come aggregated as JSON by the database (correlated subqueries
    on the event_actors/event_locations primary keys), its article by a join: no ORM objects and
    no per-event round trips. The cursor streams (server-side on PostgreSQL), so memory does not
    grow with the number of events.
    """
    connection = session.connection()
    # the filter picks and orders event ids first; the details are computed for those rows only
    page = filtered(session, flt).with_only_columns(EVENTS.c.id, EVENTS.c.date_start).subquery()
    query = select(EVENTS).join(page, page.c.id == EVENTS.c.id)
    if flt.order == "-date":
        query = query.order_by(page.c.date_start.desc(), page.c.id.desc())
    else:
        query = query.order_by(page.c.date_start, page.c.id)
    query = _with_details(session, query)
    result = connection.execution_options(stream_results=True, yield_per=CHUNK).execute(query)
    for rows in result.partitions(CHUNK):
        for row in rows:
            yield _event_view(row)


def _json_list(value) -> list:
    """A JSON array from the database; items carrying sort keys (_0, _1) are put in order."""
    if value is None:
        return []
    items = json.loads(value) if isinstance(value, str) else value
    if items and "_0" in items[0]:
        keys = sorted(k for k in items[0] if k.startswith("_"))
        items.sort(key=lambda item: tuple((item[k] is None, item[k] or 0) for k in keys))
        for item in items:
            for k in keys:
                del item[k]
    return items


def _with_details(session: Session, query: Select, detail: bool = False) -> Select:
    """Add to an events query: the article and source, and the actors and places as JSON; with
    `detail`, also where each actor and place stands in the text (provenance, for `show`)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    link, actor = EVENT_ACTORS.c, ACTORS.c
    actor_fields = {
        "name": actor.name,
        "role": link.role,
        "kind": actor.kind,
        "country_code": actor.country_code,
        "code": actor.code,
    }
    place_link, place = EVENT_LOCATIONS.c, LOCATIONS.c
    place_fields = {
        "name": place.name,
        "country_code": place.country_code,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "feature": place.feature,
    }
    if detail:
        actor_fields.update(
            text=link.text,
            start=link.start_char,
            end=link.end_char,
            title=func.coalesce(link.title, actor.title),
        )
        place_fields.update(
            text=place_link.text,
            start=place_link.start_char,
            end=place_link.end_char,
            geonames_id=place.geonames_id,
        )

    def aggregated(fields: dict, source, where, order) -> object:
        pairs = [part for key, column in fields.items() for part in (literal(key), column)]
        if postgres:
            item = func.json_build_object(*pairs)
            inner = select(func.json_agg(aggregate_order_by(item, *order)))
            return inner.select_from(source).where(where).scalar_subquery()
        # SQLite before 3.44 cannot order inside an aggregate: the sort keys travel along and
        # _json_list sorts by them
        keys = [part for i, column in enumerate(order) for part in (literal(f"_{i}"), column)]
        item = func.json_object(*pairs, *keys)
        return (
            select(func.json_group_array(item)).select_from(source).where(where).scalar_subquery()
        )

    actors = aggregated(
        actor_fields,
        EVENT_ACTORS.join(ACTORS, actor.id == link.actor_id),
        link.event_id == EVENTS.c.id,
        (link.start_char, actor.name, link.role),
    )
    places = aggregated(
        place_fields,
        EVENT_LOCATIONS.join(LOCATIONS, place.id == place_link.location_id),
        place_link.event_id == EVENTS.c.id,
        (place_link.start_char, place.name),
    )
    article, source = ARTICLES.c, SOURCES.c
    return (
        query.add_columns(
            actors.label("actors_json"),
            places.label("places_json"),
            article.title.label("article_title"),
            article.url.label("article_url"),
            article.published_at.label("article_published_at"),
            source.name.label("article_source"),
        )
        # outer joins (the article always exists) keep the events table as the driving one, so
        # the database can walk the date index and stop after LIMIT rows
        .outerjoin(ARTICLES, article.id == EVENTS.c.article_id)
        .outerjoin(SOURCES, source.id == article.source_id)
    )


def _event_view(row) -> dict:
    return {
        "id": row.id,
        "date_start": row.date_start.isoformat() if row.date_start else None,
        "date_end": row.date_end.isoformat() if row.date_end else None,
        "date_value": row.date_value,
        "granularity": row.granularity,
        "date_source": row.date_source,
        "event_code": row.event_code,
        "event_label": row.event_label,
        "quad_class": row.quad_class,
        "goldstein": row.goldstein,
        "trigger": row.trigger,
        "status": row.status,
        "sentence": row.sentence,
        "actors": _json_list(row.actors_json),
        "locations": _json_list(row.places_json),
        "article": {
            "id": row.article_id,
            "title": row.article_title,
            "url": row.article_url,
            "source": row.article_source,
            "published_at": row.article_published_at.isoformat()
            if row.article_published_at
            else None,
        },
    }


def count_events(session: Session, flt: EventFilter) -> int:
    inner = filtered(session, EventFilter(**{**flt.__dict__, "limit": None})).order_by(None)
    return session.scalar(select(func.count()).select_from(inner.subquery()))


def get_event(session: Session, event_id: int) -> dict | None:
    """One event in the listing's shape, plus its provenance: the spans of its trigger, sentence,
    actors and places in the article, and the time expression that dates it."""
    connection = session.connection()
    query = _with_details(session, select(EVENTS).where(EVENTS.c.id == event_id), detail=True)
    row = connection.execute(query).first()
    if row is None:
        return None
    view = _event_view(row)
    expression = None
    if row.time_expression_id:
        found = connection.execute(
            select(EXPRESSIONS).where(EXPRESSIONS.c.id == row.time_expression_id)
        ).first()
        expression = {
            "text": found.text,
            "start": found.start_char,
            "end": found.end_char,
            "type": found.type,
            "value": found.value,
        }
    view.update(
        {
            "trigger_span": [row.trigger_start, row.trigger_end],
            "sentence_span": [row.sentence_start, row.sentence_end],
            "lemma": row.lemma,
            "plover_type": row.plover_type,
            "plover_mode": row.plover_mode,
            "time_expression": expression,
        }
    )
    return view


EVENTS = EventRow.__table__
EVENT_ACTORS = EventActor.__table__
ACTORS = ActorRow.__table__
EVENT_LOCATIONS = EventLocation.__table__
LOCATIONS = LocationRow.__table__
ARTICLES = ArticleRow.__table__
SOURCES = Source.__table__
EXPRESSIONS = TimeExpressionRow.__table__


# --- listings ---------------------------------------------------------------------------------


def _event_ids(session: Session, flt: EventFilter | None):
    """The ids of the events a filter selects, as a subquery (None: every event)."""
    if flt is None:
        return None
    unlimited = EventFilter(**{**flt.__dict__, "limit": None})
    return filtered(session, unlimited).order_by(None).with_only_columns(EVENTS.c.id)


def list_actors(
    session: Session, limit: int | None = None, flt: EventFilter | None = None
) -> list[dict]:
    """Actors with the number of events they take part in (among the filter's events, if any)."""
    counted = select(
        EventActor.actor_id, func.count(func.distinct(EventActor.event_id)).label("n")
    ).group_by(EventActor.actor_id)
    events = _event_ids(session, flt)
    if events is not None:
        counted = counted.where(EventActor.event_id.in_(events))
    counts = counted.subquery()
    n = func.coalesce(counts.c.n, 0)
    query = (
        select(ActorRow, n)
        .outerjoin(counts, counts.c.actor_id == ActorRow.id)
        .order_by(n.desc(), ActorRow.name)
    )
    if events is not None:
        query = query.where(counts.c.n > 0)
    if limit:
        query = query.limit(limit)
    rows = session.execute(query).all()
    aliases: dict[int, list[str]] = {actor.id: [] for actor, _ in rows}
    for chunk_start in range(0, len(rows), CHUNK):
        ids = [actor.id for actor, _ in rows[chunk_start : chunk_start + CHUNK]]
        for actor_id, alias in session.execute(
            select(ActorAlias.actor_id, ActorAlias.alias)
            .where(ActorAlias.actor_id.in_(ids))
            .order_by(ActorAlias.alias)
        ):
            aliases[actor_id].append(alias)
    return [
        {
            "id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "country_code": actor.country_code,
            "code": actor.code,
            "events": count,
            "aliases": [a for a in aliases[actor.id] if a != actor.name],
        }
        for actor, count in rows
    ]


def list_dyads(
    session: Session, limit: int | None = None, flt: EventFilter | None = None
) -> list[dict]:
    """Pairs (source actor -> target actor) with their event counts, in total and by quad class."""
    source, target = aliased(EventActor), aliased(EventActor)
    source_actor, target_actor = aliased(ActorRow), aliased(ActorRow)
    total = func.count(func.distinct(EventRow.id))
    quads = [
        func.count(func.distinct(case((EventRow.quad_class == q, EventRow.id)))).label(f"q{q}")
        for q in (1, 2, 3, 4)
    ]
    query = (
        select(source_actor.name, target_actor.name, total.label("events"), *quads)
        .select_from(EventRow)
        .join(source, and_(source.event_id == EventRow.id, source.role == "source"))
        .join(target, and_(target.event_id == EventRow.id, target.role == "target"))
        .join(source_actor, source_actor.id == source.actor_id)
        .join(target_actor, target_actor.id == target.actor_id)
        .where(source.actor_id != target.actor_id)
        .group_by(source_actor.name, target_actor.name)
        .order_by(total.desc(), source_actor.name, target_actor.name)
    )
    events = _event_ids(session, flt)
    if events is not None:
        query = query.where(EventRow.id.in_(events))
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
        for s, t, n, q1, q2, q3, q4 in session.execute(query)
    ]


def list_places(session: Session, limit: int | None = None) -> list[dict]:
    counts = (
        select(EventLocation.location_id, func.count(EventLocation.event_id).label("n"))
        .group_by(EventLocation.location_id)
        .subquery()
    )
    query = (
        select(LocationRow, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.location_id == LocationRow.id)
        .order_by(func.coalesce(counts.c.n, 0).desc(), LocationRow.name)
    )
    if limit:
        query = query.limit(limit)
    return [
        {
            "id": place.id,
            "name": place.name,
            "country_code": place.country_code,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "events": count,
        }
        for place, count in session.execute(query)
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


def counts_by_period(session: Session, flt: EventFilter, by: str = "week") -> dict[str, dict]:
    """Event counts per period of their first day, by quad class: {"2017-W15": {1: 3, 4: 1}}.

    The database groups by day (an index scan); days are folded into weeks, months ... here, the
    same way on every database.
    """
    period_key(date(2000, 1, 1), by)  # reject an unknown period before querying
    events = _event_ids(session, flt)
    query = (
        select(EventRow.date_start, EventRow.quad_class, func.count())
        .where(EventRow.date_start.is_not(None))
        .group_by(EventRow.date_start, EventRow.quad_class)
    )
    if flt.__dict__ != EventFilter().__dict__:
        query = query.where(EventRow.id.in_(events))
    counts: dict[str, dict] = {}
    for day, quad_class, n in session.execute(query):
        bucket = counts.setdefault(period_key(day, by), {})
        bucket[quad_class] = bucket.get(quad_class, 0) + n
    return dict(sorted(counts.items()))


def weekly_counts(session: Session, flt: EventFilter) -> dict[str, dict]:
    return counts_by_period(session, flt, "week")


def stats(session: Session) -> dict:
    def count(model) -> int:
        return session.scalar(select(func.count()).select_from(model))

    first, last = session.execute(
        select(func.min(EventRow.date_start), func.max(EventRow.date_end))
    ).one()
    by_quad = dict(
        session.execute(
            select(EventRow.quad_class, func.count()).group_by(EventRow.quad_class)
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
