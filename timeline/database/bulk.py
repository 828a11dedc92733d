"""Bulk writes of the store and the tables derived from the actor links (`event_dyads`,
`event_countries`), shared by the store of articles (`store`) and of actors (`actors`).

Writes are bulk statements (no per-row round trips); shared rows are created with INSERT ... ON
CONFLICT DO NOTHING (`insert_ignore`).
"""

from __future__ import annotations

from sqlalchemy import and_, delete, func, insert, select, union
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from timeline.database.models import (
    ActorRow,
    EventActor,
    EventCountry,
    EventDyad,
    EventLocation,
    EventRow,
    LocationRow,
)


def rebuild_dyads(session, event_ids) -> None:
    """Derive the event_dyads rows of these events (a list of ids or a SELECT of them) from their
    actor links: every source actor with every target actor, except an actor on itself, dated as
    the event. (`session`: an ORM session or a Core connection.)"""
    session.execute(delete(EventDyad).where(EventDyad.event_id.in_(event_ids)))
    source, target = EventActor.__table__.alias(), EventActor.__table__.alias()
    pairs = (
        select(
            source.c.event_id,
            source.c.actor_id,
            target.c.actor_id,
            source.c.granularity,
            source.c.date_start,
            source.c.date_end,
        )
        .join(
            target,
            and_(
                target.c.event_id == source.c.event_id,
                target.c.role == "target",
                target.c.actor_id != source.c.actor_id,
            ),
        )
        .where(source.c.role == "source", source.c.event_id.in_(event_ids))
    )
    columns = ["event_id", "source_id", "target_id", "granularity", "date_start", "date_end"]
    session.execute(insert(EventDyad).from_select(columns, pairs))


def rebuild_countries(session, event_ids) -> None:
    """Derive the event_countries rows of these events (a list of ids or a SELECT of them): the
    countries of their places and of their actors, dated as the event. (`session`: an ORM session
    or a Core connection.)"""
    session.execute(delete(EventCountry).where(EventCountry.event_id.in_(event_ids)))
    link, place = EventActor.__table__.c, EventLocation.__table__.c
    actor, location, event = ActorRow.__table__.c, LocationRow.__table__.c, EventRow.__table__.c
    # an actor's country at the event (the link's), else the actor's own
    country = func.coalesce(link.country_code, actor.country_code)
    countries = union(
        select(link.event_id, country.label("code"))
        .join(ActorRow.__table__, actor.id == link.actor_id)
        .where(link.event_id.in_(event_ids), country.is_not(None)),
        select(place.event_id, location.country_code.label("code"))
        .join(LocationRow.__table__, location.id == place.location_id)
        .where(place.event_id.in_(event_ids), location.country_code.is_not(None)),
    ).subquery()
    rows = select(
        countries.c.event_id, countries.c.code, event.granularity, event.date_start, event.date_end
    ).join(EventRow.__table__, event.id == countries.c.event_id)
    columns = ["event_id", "country_code", "granularity", "date_start", "date_end"]
    session.execute(insert(EventCountry).from_select(columns, rows))


# --- bulk helpers ------------------------------------------------------------------------------


def insert_returning(session: Session, model, rows: list[dict]) -> list[int]:
    """Insert many rows in one statement; their ids in the order given."""
    if not rows:
        return []
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, rows))


def insert_ignore(
    session: Session, model, rows: list[dict], conflict: list[str], returning=None
) -> int | None:
    """INSERT ... ON CONFLICT DO NOTHING for each row (one statement); with `returning`, the id
    of the single row inserted, or None when it already existed."""
    if not rows:
        return None
    dialect = session.get_bind().dialect.name
    table = model.__table__
    module = postgresql if dialect == "postgresql" else sqlite
    statement = module.insert(table).on_conflict_do_nothing(index_elements=conflict)
    if returning is not None:
        return session.scalar(statement.values(**rows[0]).returning(returning))
    session.execute(statement, rows)
    return None


def chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]
