"""The database schema: every table, as SQLAlchemy Core tables. It changes only through the Alembic
migrations in alembic/ (tests/test_db.py checks that the two agree).

This is the one definition of the schema. The query stage reads through these tables directly, so
a listing imports SQLAlchemy's core only; the ORM classes in `timeline.models` (SQLModel, for the
write path and library users) are mapped onto the same tables.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.types import TypeDecorator

# Named constraints, so that migrations can drop them on SQLite.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def fold(name: str) -> str:
    """The key names are matched on: case- and space-insensitive."""
    return " ".join(name.casefold().split())


class UTCDateTime(TypeDecorator):
    """A timezone-aware datetime stored as UTC and read back as UTC on every database.

    (SQLite has no time zones: without this it would hand back naive datetimes.)
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: a publication time needs a time zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _id() -> Column:
    return Column("id", Integer, primary_key=True)


def _link(column: str, target: str, *, nullable: bool = False, **kw) -> Column:
    return Column(column, Integer, ForeignKey(target, ondelete="CASCADE"), nullable=nullable, **kw)


def _event_date() -> list:
    """The event's granularity and dates, copied onto a row that refers to it (an event's date
    never changes once stored)."""
    return [Column("granularity", String), Column("date_start", Date), Column("date_end", Date)]


def _in_date_order(name: str, *key: str, covering: tuple = ()) -> Index:
    """The index giving the events of one `key` value and granularity in listing order
    (date_start, event_id): a page reads a few entries of it per granularity, however many
    events the key has (query.page_ids)."""
    columns = (*key, "granularity", "date_start", "event_id", "date_end", *covering)
    return Index(name, *columns)


# An outlet: "Associated Press", "Wikinews".
SOURCES = Table(
    "sources",
    metadata,
    _id(),
    Column("name", String, nullable=False, unique=True),
)

ARTICLES = Table(
    "articles",
    metadata,
    _id(),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("title", String),
    Column("url", String),
    Column("published_at", UTCDateTime, nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("origin", String),
    Column("loaded_at", UTCDateTime, nullable=False, default=utc_now),
)

# A temporal expression found in an article, resolved against its publication time.
EXPRESSIONS = Table(
    "time_expressions",
    metadata,
    _id(),
    _link("article_id", "articles.id", index=True),
    Column("text", String, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("type", String, nullable=False),
    Column("value", String, nullable=False),
    Column("granularity", String, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("mod", String),
    Column("anchor_source", String, nullable=False, default="publication"),
)

EVENTS = Table(
    "events",
    metadata,
    _id(),
    _link("article_id", "articles.id", index=True),
    Column("time_expression_id", Integer, ForeignKey("time_expressions.id", ondelete="SET NULL")),
    Column("trigger", String, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("lemma", String, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("event_code", String, nullable=False, index=True),
    Column("event_label", String, nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float),
    Column("status", String, nullable=False, index=True),
    Column("date_source", String, nullable=False),
    Column("date_value", String, nullable=False),
    Column("granularity", String, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("plover_type", String),
    Column("plover_mode", String),
    Index("ix_events_date_start_date_end", "date_start", "date_end"),
    Index("ix_events_date_end", "date_end"),
    # covers the histogram queries (counts per day/week/month by quad class)
    Index("ix_events_date_start_quad_class", "date_start", "quad_class"),
    # a date window per granularity: an event's interval is at most one unit of its granularity,
    # so its start lies within that unit before the window (query.filtered); in listing order
    # (date_start, id) within a granularity, so that a page stops after its last event even
    # where thousands start on one day (the events of a year start on its first day)
    Index("ix_events_granularity_date_start", "granularity", "date_start", "id", "date_end"),
    # an event's date without reading its row: pages that collect events by id sort them by it
    Index("ix_events_id_date_start", "id", "date_start"),
)

# One row per real actor across all articles.
ACTORS = Table(
    "actors",
    metadata,
    _id(),
    Column("name", String, nullable=False),
    Column("name_key", String, nullable=False, index=True),  # fold(name)
    Column("kind", String, nullable=False),  # person / country / organization / group
    Column("country_code", String, index=True),
    Column("code", String),  # CAMEO-style actor code
    Column("sector", String),
    Column("title", String),
    UniqueConstraint("name_key", "kind", name="uq_actors_name_key_kind"),
)

ACTOR_ALIASES = Table(
    "actor_aliases",
    metadata,
    _id(),
    _link("actor_id", "actors.id", index=True),
    Column("alias", String, nullable=False),
    Column("alias_key", String, nullable=False, index=True),
    # set by `timeline actors merge/alias`: a name the user confirmed, which always identifies
    # this actor when later articles use it (even a bare surname)
    Column("confirmed", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("actor_id", "alias_key", name="uq_actor_aliases_actor_id_alias_key"),
)

EVENT_ACTORS = Table(
    "event_actors",
    metadata,
    _link("event_id", "events.id", primary_key=True),
    _link("actor_id", "actors.id", primary_key=True),
    Column("role", String, primary_key=True),  # source / target / other
    Column("text", String),
    Column("start_char", Integer),
    Column("end_char", Integer),
    Column("title", String),
    *_event_date(),
    # an actor's events (in a role) without reading the table: filters by actor and by dyad
    Index("ix_event_actors_actor_id_role_event_id", "actor_id", "role", "event_id"),
    # an actor's events in date order, with their role
    _in_date_order(
        "ix_event_actors_actor_id_granularity_date_start", "actor_id", covering=("role",)
    ),
)

# Who acts on whom: one row per source and target actor of an event (never an actor on itself),
# with the event's date (copied, as on event_actors). Derived from event_actors by
# `store.rebuild_dyads`; a dyad's events in date order are one range of the index below per
# granularity.
EVENT_DYADS = Table(
    "event_dyads",
    metadata,
    _link("event_id", "events.id", primary_key=True),
    _link("source_id", "actors.id", primary_key=True),
    _link("target_id", "actors.id", primary_key=True),
    *_event_date(),
    _in_date_order("ix_event_dyads_source_id_target_id_granularity", "source_id", "target_id"),
)

# Where each event is, by country: the countries of its places and of its actors (what `--country`
# matches), with the event's date (copied). Derived by `store.rebuild_countries`; a country's
# events in date order are one range of the index below per granularity.
EVENT_COUNTRIES = Table(
    "event_countries",
    metadata,
    _link("event_id", "events.id", primary_key=True),
    Column("country_code", String, primary_key=True),
    *_event_date(),
    _in_date_order("ix_event_countries_country_code_granularity", "country_code"),
)

LOCATIONS = Table(
    "locations",
    metadata,
    _id(),
    # "geonames:524901", or "name|country" without a GeoNames id
    Column("key", String, nullable=False, unique=True),
    Column("name", String, nullable=False),
    Column("name_key", String, nullable=False, index=True),
    Column("country_code", String, index=True),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geonames_id", Integer),
    Column("feature", String),
)

EVENT_LOCATIONS = Table(
    "event_locations",
    metadata,
    _link("event_id", "events.id", primary_key=True),
    _link("location_id", "locations.id", primary_key=True),
    Column("text", String),
    Column("start_char", Integer),
    Column("end_char", Integer),
    # a place's events without reading the table: filters by place and by country
    Index("ix_event_locations_location_id_event_id", "location_id", "event_id"),
)
