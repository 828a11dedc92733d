"""The event record: one stored (or freshly extracted) event as every listing, export and view
reads it, by name. Defined here once.

The query stage yields an `EventRecord` per event; `timeline extract` turns an unstored
extraction into the same records (`extracted_records`). The event's own fields are the events
table's columns of the same name; its actors, places and article come from their tables. Dates
and times are ISO strings, as every output writes them.

`show` reads one event with its provenance: an `EventProvenance` (the record, and where its
trigger, sentence, actors, places and date stand in the article's text).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # a listing never reads an extraction: it starts without the NLP's records
    from timeline.records import Extraction


class Participant(NamedTuple):
    """An actor taking part in an event, in a role."""

    name: str
    role: str  # source / target / other
    kind: str | None  # person / country / organization / group
    country_code: str | None
    code: str | None  # CAMEO-style actor code


class Place(NamedTuple):
    """A place an event is at, and how the article ties it to the event."""

    name: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    feature: str | None  # country / region / county / city / place
    admin1: str | None = None  # the first-level region it lies in
    place_source: str | None = None  # phrase / sentence / paragraph / dateline
    precision: int | None = None  # ACLED's geo precision: 1 town, 2 county or near a town, 3 region


class EventRecord(NamedTuple):
    """One event: its own fields (the events table's columns of the same names), its actors and
    places in the order of the text, and its article."""

    id: int | None  # numbered from 1 in an unstored extraction
    date_start: str | None
    date_end: str | None
    date_value: str
    granularity: str
    date_source: str  # clause / sentence / context / publication ("text" in older rows: clause)
    event_code: str
    event_label: str
    quad_class: int
    goldstein: float | None
    trigger: str
    status: str
    sentence: str
    actors: list[Participant]
    locations: list[Place]
    article_id: int | None  # None in an unstored extraction
    article_title: str | None
    article_url: str | None
    article_source: str | None
    article_published_at: str | None
    article_published_granularity: str | None  # year, month, day, minute, second
    # the happening it reports and that happening's counts (None in an unstored extraction)
    happening_id: int | None = None
    happening_mentions: int | None = None
    happening_articles: int | None = None
    happening_sources: int | None = None


# the record's fields read from the article, each named "article_" + the article's field
ARTICLE_PREFIX = "article_"
# and those read from its happening (its id is the event's own column)
HAPPENING_PREFIX = "happening_"


class ActorInText(NamedTuple):
    """An actor of one event with where the text names it (no words of its own: no span)."""

    name: str
    role: str
    kind: str | None
    country_code: str | None
    code: str | None
    text: str | None
    start: int | None
    end: int | None
    title: str | None


class PlaceInText(NamedTuple):
    """A place of one event with where the text names it."""

    name: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    feature: str | None
    admin1: str | None
    place_source: str | None
    precision: int | None
    text: str | None
    start: int | None
    end: int | None
    geonames_id: int | None


class ExpressionInText(NamedTuple):
    """The temporal expression that dates an event."""

    text: str
    start: int
    end: int
    type: str
    value: str


class EventProvenance(NamedTuple):
    """One event and where it comes from: the spans of its trigger and sentence in the article,
    its actors and places with their spans, and the expression that dates it."""

    event: EventRecord
    actors: list[ActorInText]
    locations: list[PlaceInText]
    trigger_span: tuple[int, int]
    sentence_span: tuple[int, int]
    lemma: str
    plover_type: str | None
    plover_mode: str | None
    time_expression: ExpressionInText | None
    # every mention of the event's happening (this one too), in the order they were reported
    mentions: list = []


def iso(value):
    """Dates and times as ISO strings, everything else as it is."""
    return value.isoformat() if isinstance(value, date) else value


def extracted_records(extraction: Extraction) -> list[EventRecord]:
    """The events of an extraction not (yet) stored, as the records of stored ones: each field
    read by name from the extracted event, or from its article; ids count from 1 and the article
    has no id."""
    article = {
        ARTICLE_PREFIX + name: iso(getattr(extraction.article, name, None))
        for name in _ARTICLE_FIELDS
    }
    published = extraction.article.published_at
    if published is not None and not extraction.article.published_granularity:
        from timeline.read.published import moment_granularity  # as the store fills it

        article[ARTICLE_PREFIX + "published_granularity"] = moment_granularity(published)
    return [
        EventRecord(
            **{name: iso(getattr(event, name)) for name in _EVENT_FIELDS},
            id=number,
            actors=[_named(Participant, actor) for actor in event.actors],
            locations=[_named(Place, place) for place in event.locations],
            **article,
        )
        for number, event in enumerate(extraction.events, start=1)
    ]


_ARTICLE_FIELDS = [
    name.removeprefix(ARTICLE_PREFIX)
    for name in EventRecord._fields
    if name.startswith(ARTICLE_PREFIX)
]
_EVENT_FIELDS = [
    name
    for name in EventRecord._fields
    if name not in ("id", "actors", "locations")
    and not name.startswith((ARTICLE_PREFIX, HAPPENING_PREFIX))
]


def _named(record_type, value):
    """A record of `record_type` with the fields of the same names read from `value`."""
    return record_type._make(getattr(value, name) for name in record_type._fields)
