"""ORM classes (SQLModel) over the tables of `timeline.tables`, the one schema definition.

Each class maps one table (`__table__`), each field one of its columns (`sa_column`): the types,
keys, indexes and constraints live in `timeline.tables`; here are the Python types and defaults a
row object has. tests/test_db.py checks that every column has its field.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from timeline.tables import (
    ACTOR_ALIASES,
    ACTORS,
    ARTICLES,
    EVENT_ACTORS,
    EVENT_COUNTRIES,
    EVENT_DYADS,
    EVENT_LOCATIONS,
    EVENTS,
    EXPRESSIONS,
    LOCATIONS,
    SOURCES,
    fold,
    metadata,
    utc_now,
)

__all__ = [
    "ActorAlias",
    "ActorRow",
    "ArticleRow",
    "EventActor",
    "EventCountry",
    "EventDyad",
    "EventLocation",
    "EventRow",
    "LocationRow",
    "Source",
    "TimeExpressionRow",
    "fold",
    "metadata",
    "utc_now",
]


class Source(SQLModel, table=True):
    """An outlet: "Associated Press", "Wikinews"."""

    __table__ = SOURCES
    __tablename__ = SOURCES.name
    id: int | None = Field(default=None, sa_column=SOURCES.c.id)
    name: str = Field(sa_column=SOURCES.c.name)


class ArticleRow(SQLModel, table=True):
    __table__ = ARTICLES
    __tablename__ = ARTICLES.name
    id: int | None = Field(default=None, sa_column=ARTICLES.c.id)
    source_id: int | None = Field(default=None, sa_column=ARTICLES.c.source_id)
    title: str | None = Field(default=None, sa_column=ARTICLES.c.title)
    url: str | None = Field(default=None, sa_column=ARTICLES.c.url)
    published_at: datetime = Field(sa_column=ARTICLES.c.published_at)
    content_hash: str = Field(sa_column=ARTICLES.c.content_hash)
    text: str = Field(sa_column=ARTICLES.c.text)
    origin: str | None = Field(default=None, sa_column=ARTICLES.c.origin)
    loaded_at: datetime = Field(default_factory=utc_now, sa_column=ARTICLES.c.loaded_at)


class TimeExpressionRow(SQLModel, table=True):
    """A temporal expression found in an article, resolved against its publication time."""

    __table__ = EXPRESSIONS
    __tablename__ = EXPRESSIONS.name
    id: int | None = Field(default=None, sa_column=EXPRESSIONS.c.id)
    article_id: int = Field(sa_column=EXPRESSIONS.c.article_id)
    text: str = Field(sa_column=EXPRESSIONS.c.text)
    start_char: int = Field(sa_column=EXPRESSIONS.c.start_char)
    end_char: int = Field(sa_column=EXPRESSIONS.c.end_char)
    type: str = Field(sa_column=EXPRESSIONS.c.type)
    value: str = Field(sa_column=EXPRESSIONS.c.value)
    granularity: str = Field(sa_column=EXPRESSIONS.c.granularity)
    date_start: date | None = Field(default=None, sa_column=EXPRESSIONS.c.date_start)
    date_end: date | None = Field(default=None, sa_column=EXPRESSIONS.c.date_end)
    mod: str | None = Field(default=None, sa_column=EXPRESSIONS.c.mod)
    anchor_source: str = Field(default="publication", sa_column=EXPRESSIONS.c.anchor_source)


class EventRow(SQLModel, table=True):
    __table__ = EVENTS
    __tablename__ = EVENTS.name
    id: int | None = Field(default=None, sa_column=EVENTS.c.id)
    article_id: int = Field(sa_column=EVENTS.c.article_id)
    time_expression_id: int | None = Field(default=None, sa_column=EVENTS.c.time_expression_id)
    trigger: str = Field(sa_column=EVENTS.c.trigger)
    trigger_start: int = Field(sa_column=EVENTS.c.trigger_start)
    trigger_end: int = Field(sa_column=EVENTS.c.trigger_end)
    lemma: str = Field(sa_column=EVENTS.c.lemma)
    sentence: str = Field(sa_column=EVENTS.c.sentence)
    sentence_start: int = Field(sa_column=EVENTS.c.sentence_start)
    sentence_end: int = Field(sa_column=EVENTS.c.sentence_end)
    event_code: str = Field(sa_column=EVENTS.c.event_code)
    event_label: str = Field(sa_column=EVENTS.c.event_label)
    quad_class: int = Field(sa_column=EVENTS.c.quad_class)
    goldstein: float | None = Field(default=None, sa_column=EVENTS.c.goldstein)
    status: str = Field(sa_column=EVENTS.c.status)
    date_source: str = Field(sa_column=EVENTS.c.date_source)
    date_value: str = Field(sa_column=EVENTS.c.date_value)
    granularity: str = Field(sa_column=EVENTS.c.granularity)
    date_start: date | None = Field(default=None, sa_column=EVENTS.c.date_start)
    date_end: date | None = Field(default=None, sa_column=EVENTS.c.date_end)
    plover_type: str | None = Field(default=None, sa_column=EVENTS.c.plover_type)
    plover_mode: str | None = Field(default=None, sa_column=EVENTS.c.plover_mode)


class ActorRow(SQLModel, table=True):
    """One row per real actor across all articles."""

    __table__ = ACTORS
    __tablename__ = ACTORS.name
    id: int | None = Field(default=None, sa_column=ACTORS.c.id)
    name: str = Field(sa_column=ACTORS.c.name)
    name_key: str = Field(sa_column=ACTORS.c.name_key)  # fold(name)
    kind: str = Field(sa_column=ACTORS.c.kind)  # person / country / organization / group
    country_code: str | None = Field(default=None, sa_column=ACTORS.c.country_code)
    code: str | None = Field(default=None, sa_column=ACTORS.c.code)  # CAMEO-style actor code
    sector: str | None = Field(default=None, sa_column=ACTORS.c.sector)
    title: str | None = Field(default=None, sa_column=ACTORS.c.title)


class ActorAlias(SQLModel, table=True):
    __table__ = ACTOR_ALIASES
    __tablename__ = ACTOR_ALIASES.name
    id: int | None = Field(default=None, sa_column=ACTOR_ALIASES.c.id)
    actor_id: int = Field(sa_column=ACTOR_ALIASES.c.actor_id)
    alias: str = Field(sa_column=ACTOR_ALIASES.c.alias)
    alias_key: str = Field(sa_column=ACTOR_ALIASES.c.alias_key)
    confirmed: bool = Field(default=False, sa_column=ACTOR_ALIASES.c.confirmed)


class EventActor(SQLModel, table=True):
    __table__ = EVENT_ACTORS
    __tablename__ = EVENT_ACTORS.name
    event_id: int = Field(sa_column=EVENT_ACTORS.c.event_id)
    actor_id: int = Field(sa_column=EVENT_ACTORS.c.actor_id)
    role: str = Field(sa_column=EVENT_ACTORS.c.role)  # source / target / other
    text: str | None = Field(default=None, sa_column=EVENT_ACTORS.c.text)
    start_char: int | None = Field(default=None, sa_column=EVENT_ACTORS.c.start_char)
    end_char: int | None = Field(default=None, sa_column=EVENT_ACTORS.c.end_char)
    title: str | None = Field(default=None, sa_column=EVENT_ACTORS.c.title)
    granularity: str | None = Field(default=None, sa_column=EVENT_ACTORS.c.granularity)
    date_start: date | None = Field(default=None, sa_column=EVENT_ACTORS.c.date_start)
    date_end: date | None = Field(default=None, sa_column=EVENT_ACTORS.c.date_end)


class EventDyad(SQLModel, table=True):
    """A source actor acting on a target actor in an event (derived from EventActor rows)."""

    __table__ = EVENT_DYADS
    __tablename__ = EVENT_DYADS.name
    event_id: int = Field(sa_column=EVENT_DYADS.c.event_id)
    source_id: int = Field(sa_column=EVENT_DYADS.c.source_id)
    target_id: int = Field(sa_column=EVENT_DYADS.c.target_id)
    granularity: str | None = Field(default=None, sa_column=EVENT_DYADS.c.granularity)
    date_start: date | None = Field(default=None, sa_column=EVENT_DYADS.c.date_start)
    date_end: date | None = Field(default=None, sa_column=EVENT_DYADS.c.date_end)


class EventCountry(SQLModel, table=True):
    """A country an event is in or involves (derived from its places' and actors' countries)."""

    __table__ = EVENT_COUNTRIES
    __tablename__ = EVENT_COUNTRIES.name
    event_id: int = Field(sa_column=EVENT_COUNTRIES.c.event_id)
    country_code: str = Field(sa_column=EVENT_COUNTRIES.c.country_code)
    granularity: str | None = Field(default=None, sa_column=EVENT_COUNTRIES.c.granularity)
    date_start: date | None = Field(default=None, sa_column=EVENT_COUNTRIES.c.date_start)
    date_end: date | None = Field(default=None, sa_column=EVENT_COUNTRIES.c.date_end)


class LocationRow(SQLModel, table=True):
    __table__ = LOCATIONS
    __tablename__ = LOCATIONS.name
    id: int | None = Field(default=None, sa_column=LOCATIONS.c.id)
    key: str = Field(sa_column=LOCATIONS.c.key)
    name: str = Field(sa_column=LOCATIONS.c.name)
    name_key: str = Field(sa_column=LOCATIONS.c.name_key)
    country_code: str | None = Field(default=None, sa_column=LOCATIONS.c.country_code)
    latitude: float | None = Field(default=None, sa_column=LOCATIONS.c.latitude)
    longitude: float | None = Field(default=None, sa_column=LOCATIONS.c.longitude)
    geonames_id: int | None = Field(default=None, sa_column=LOCATIONS.c.geonames_id)
    feature: str | None = Field(default=None, sa_column=LOCATIONS.c.feature)


class EventLocation(SQLModel, table=True):
    __table__ = EVENT_LOCATIONS
    __tablename__ = EVENT_LOCATIONS.name
    event_id: int = Field(sa_column=EVENT_LOCATIONS.c.event_id)
    location_id: int = Field(sa_column=EVENT_LOCATIONS.c.location_id)
    text: str | None = Field(default=None, sa_column=EVENT_LOCATIONS.c.text)
    start_char: int | None = Field(default=None, sa_column=EVENT_LOCATIONS.c.start_char)
    end_char: int | None = Field(default=None, sa_column=EVENT_LOCATIONS.c.end_char)
