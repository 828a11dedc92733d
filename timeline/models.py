"""Database tables (SQLModel). The schema changes only through the Alembic migrations in alembic/.

Every table is here, so that alembic/env.py sees them all through `SQLModel.metadata`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

# Named constraints, set before any table is defined, so that migrations can drop them on SQLite.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def utc_now() -> datetime:
    return datetime.now(UTC)


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


def fold(name: str) -> str:
    """The key names are matched on: case- and space-insensitive."""
    return " ".join(name.casefold().split())


class Source(SQLModel, table=True):
    """An outlet: "Associated Press", "Wikinews"."""

    __tablename__ = "sources"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class ArticleRow(SQLModel, table=True):
    __tablename__ = "articles"
    id: int | None = Field(default=None, primary_key=True)
    source_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("sources.id"), index=True)
    )
    title: str | None = None
    url: str | None = None
    published_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    content_hash: str = Field(unique=True, max_length=64)
    text: str = Field(sa_column=Column(Text, nullable=False))
    origin: str | None = None
    loaded_at: datetime = Field(
        default_factory=utc_now,
        sa_column=Column(UTCDateTime, nullable=False, default=utc_now),
    )


class TimeExpressionRow(SQLModel, table=True):
    """A temporal expression found in an article, resolved against its publication time."""

    __tablename__ = "time_expressions"
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    text: str
    start_char: int
    end_char: int
    type: str
    value: str
    granularity: str
    date_start: date | None = None
    date_end: date | None = None
    mod: str | None = None
    anchor_source: str = "publication"


class EventRow(SQLModel, table=True):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_date_start_date_end", "date_start", "date_end"),
        Index("ix_events_date_end", "date_end"),
        # covers the histogram queries (counts per day/week/month by quad class)
        Index("ix_events_date_start_quad_class", "date_start", "quad_class"),
        # a date window per granularity: an event's interval is at most one unit of its
        # granularity, so its start lies within that unit before the window (query.filtered)
        Index("ix_events_granularity_date_start", "granularity", "date_start", "date_end"),
    )
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    time_expression_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("time_expressions.id", ondelete="SET NULL")),
    )
    trigger: str
    trigger_start: int
    trigger_end: int
    lemma: str
    sentence: str = Field(sa_column=Column(Text, nullable=False))
    sentence_start: int
    sentence_end: int
    event_code: str = Field(index=True)
    event_label: str
    quad_class: int
    goldstein: float | None = None
    status: str = Field(index=True)
    date_source: str
    date_value: str
    granularity: str
    date_start: date | None = None
    date_end: date | None = None
    plover_type: str | None = None
    plover_mode: str | None = None


class ActorRow(SQLModel, table=True):
    """One row per real actor across all articles."""

    __tablename__ = "actors"
    __table_args__ = (UniqueConstraint("name_key", "kind", name="uq_actors_name_key_kind"),)
    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(index=True)  # fold(name)
    kind: str  # person / country / organization / group
    country_code: str | None = Field(default=None, index=True)
    code: str | None = None  # CAMEO-style actor code
    sector: str | None = None
    title: str | None = None


class ActorAlias(SQLModel, table=True):
    __tablename__ = "actor_aliases"
    __table_args__ = (
        UniqueConstraint("actor_id", "alias_key", name="uq_actor_aliases_actor_id_alias_key"),
    )
    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    alias: str
    alias_key: str = Field(index=True)
    # set by `timeline actors merge/alias`: a name the user confirmed, which always identifies
    # this actor when later articles use it (even a bare surname)
    confirmed: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )


class EventActor(SQLModel, table=True):
    __tablename__ = "event_actors"
    # an actor's events (in a role) without reading the table: filters by actor and by dyad
    __table_args__ = (
        Index("ix_event_actors_actor_id_role_event_id", "actor_id", "role", "event_id"),
    )
    event_id: int = Field(
        sa_column=Column(Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    )
    actor_id: int = Field(
        sa_column=Column(Integer, ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    )
    role: str = Field(primary_key=True)  # source / target / other
    text: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    title: str | None = None


class LocationRow(SQLModel, table=True):
    __tablename__ = "locations"
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)  # "geonames:524901", or "name|country" without a GeoNames id
    name: str
    name_key: str = Field(index=True)
    country_code: str | None = Field(default=None, index=True)
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    feature: str | None = None


class EventLocation(SQLModel, table=True):
    __tablename__ = "event_locations"
    # a place's events without reading the table: filters by place and by country
    __table_args__ = (Index("ix_event_locations_location_id_event_id", "location_id", "event_id"),)
    event_id: int = Field(
        sa_column=Column(Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    )
    location_id: int = Field(
        sa_column=Column(Integer, ForeignKey("locations.id", ondelete="CASCADE"), primary_key=True)
    )
    text: str | None = None
    start_char: int | None = None
    end_char: int | None = None
