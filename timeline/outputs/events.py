"""Events out: an event record (`timeline.database.record.EventRecord`) as the JSON shape the
listings and exports write, as a CSV row and as a row of the terminal table; `write_events`
writes a listing of events in any of the listing formats, `write_csv` the CSV export.

Every function reads the record's fields by name. The CSV export's path (`csv_rows`, once per
exported event) is kept to plain loops.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from timeline.database.record import ARTICLE_PREFIX, EventProvenance, EventRecord
from timeline.outputs.formatting import write_csv_rows, write_json, write_jsonl, write_table

CSV_COLUMNS = (
    "event_id",
    "date_start",
    "date_end",
    "date_value",
    "granularity",
    "date_source",
    "event_code",
    "event_label",
    "quad_class",
    "goldstein",
    "trigger",
    "status",
    "source_actors",
    "source_actor_codes",
    "target_actors",
    "target_actor_codes",
    "actor_country_codes",
    "locations",
    "location_country_codes",
    "latitude",
    "longitude",
    "sentence",
    "article_id",
    "article_title",
    "article_url",
    "source",
    "published_at",
    "published_granularity",
    "happening_id",
    "happening_mentions",
    "happening_articles",
    "happening_sources",
)
JOIN = "; "
# the record's fields that hold its article's, gathered under "article" in the JSON shape
_ARTICLE_FIELDS = tuple(name for name in EventRecord._fields if name.startswith(ARTICLE_PREFIX))


def one_per_happening(records: Iterable[EventRecord]) -> Iterator[EventRecord]:
    """The first record of each happening (in the listing's order); records of no happening
    each count alone."""
    seen: set[int] = set()
    for record in records:
        if record.happening_id is not None:
            if record.happening_id in seen:
                continue
            seen.add(record.happening_id)
        yield record


# --- JSON ----------------------------------------------------------------------------------------


def event_json(record: EventRecord) -> dict:
    """The JSON shape of an event: its fields by name, its actors and places as objects, and the
    article's fields (`article_title` ...) gathered under "article" (title ...)."""
    data = record._asdict()
    data["actors"] = [actor._asdict() for actor in record.actors]
    data["locations"] = [place._asdict() for place in record.locations]
    data["article"] = {
        name.removeprefix(ARTICLE_PREFIX): data.pop(name) for name in _ARTICLE_FIELDS
    }
    return data


def provenance_json(provenance: EventProvenance) -> dict:
    """The JSON shape of one event with its provenance (`show --format json`): the event's, its
    actors and places with their spans, then the other fields of the provenance."""
    data = event_json(provenance.event)
    for name in EventProvenance._fields[1:]:
        value = getattr(provenance, name)
        if isinstance(value, list):
            value = [item._asdict() for item in value]
        elif hasattr(value, "_asdict"):
            value = value._asdict()
        data[name] = value
    return data


# --- CSV -----------------------------------------------------------------------------------------


def csv_rows(records: Iterable[EventRecord]) -> Iterator[tuple]:
    """CSV rows (in the order of CSV_COLUMNS) of event records: the lists of `typed_rows`
    joined with '; ' (a code list keeps an empty item where an actor has no code, so that it
    stays aligned with its names)."""
    join = JOIN.join
    lists = _LIST_POSITIONS
    for row in typed_rows(records):
        row = list(row)
        for position in lists:
            row[position] = join(["" if v is None else v for v in row[position]])
        yield row


def typed_rows(records: Iterable[EventRecord]) -> Iterator[tuple]:
    """The export's rows (in the order of CSV_COLUMNS) with their values typed: lists as lists,
    numbers as numbers, dates and times as ISO strings, a missing value as None. Source and
    target actors come with their codes in the same order (None for an actor without one); the
    actors' countries and the places' countries are listed apart, each once; the coordinates are
    the first located place's."""
    for record in records:
        sources, source_codes, targets, target_codes, countries = [], [], [], [], []
        for actor in record.actors:
            role = actor.role
            if role == "source":
                sources.append(actor.name)
                source_codes.append(actor.code)
            elif role == "target":
                targets.append(actor.name)
                target_codes.append(actor.code)
            code = actor.country_code
            if code and code not in countries:
                countries.append(code)
        names, places = [], []
        latitude = longitude = None
        for place in record.locations:
            names.append(place.name)
            code = place.country_code
            if code and code not in places:
                places.append(code)
            if latitude is None and place.latitude is not None:
                latitude, longitude = place.latitude, place.longitude
        yield (
            record.id,
            record.date_start,
            record.date_end,
            record.date_value,
            record.granularity,
            record.date_source,
            record.event_code,
            record.event_label,
            record.quad_class,
            record.goldstein,
            record.trigger,
            record.status,
            sources,
            source_codes,
            targets,
            target_codes,
            countries,
            names,
            places,
            latitude,
            longitude,
            record.sentence,
            record.article_id,
            record.article_title,
            record.article_url,
            record.article_source,
            record.article_published_at,
            record.article_published_granularity,
            record.happening_id,
            record.happening_mentions,
            record.happening_articles,
            record.happening_sources,
        )


# the columns whose values are lists (joined in a CSV cell)
LIST_COLUMNS = (
    "source_actors",
    "source_actor_codes",
    "target_actors",
    "target_actor_codes",
    "actor_country_codes",
    "locations",
    "location_country_codes",
)
_LIST_POSITIONS = tuple(CSV_COLUMNS.index(name) for name in LIST_COLUMNS)


def csv_cells(record: EventRecord) -> dict:
    """One event's CSV row as {column: cell}."""
    return dict(zip(CSV_COLUMNS, next(csv_rows([record])), strict=True))


def write_csv(records: Iterable[EventRecord], out: TextIO, *, header: bool = True) -> int:
    """The CSV of event records (the export's): one row each, after the header unless `header`
    is false."""
    return write_csv_rows(csv_rows(records), CSV_COLUMNS, out, header=header)


# --- the terminal table --------------------------------------------------------------------------

EVENT_TABLE_COLUMNS = ("id", "date", "event", "status", "who", "where")


def describe_date(event: EventRecord) -> str:
    value = event.date_value or ""
    if event.granularity == "day" or not event.date_start:
        text = value
    else:
        text = f"{value} ({event.date_start}..{event.date_end})"
    if event.date_source == "publication":
        text += "*"
    return text


# how every output writes an event's missing source actor (the page's script writes the same)
NOBODY = "(unknown)"


def describe_actors(event: EventRecord) -> str:
    """'Rex Tillerson -> Russia': the sources, then the targets, if any; a missing source is
    NOBODY."""
    sources = [actor.name for actor in event.actors if actor.role == "source"]
    targets = [actor.name for actor in event.actors if actor.role == "target"]
    text = ", ".join(sources) or NOBODY
    if targets:
        text += " -> " + ", ".join(targets)
    return text


def describe_places(event: EventRecord) -> list[str]:
    """'Moscow (RUS)' for each place of the event."""
    return [
        place.name + (f" ({place.country_code})" if place.country_code else "")
        for place in event.locations
    ]


def event_table_rows(events: Iterable[EventRecord]) -> Iterator[dict]:
    for event in events:
        yield {
            "id": event.id,
            "date": describe_date(event),
            "event": f"{event.event_code} {event.event_label} ({event.trigger})",
            "status": event.status,
            "who": describe_actors(event),
            "where": ", ".join(describe_places(event)),
        }


def write_events(
    events: Iterable[EventRecord], fmt: str, out: TextIO, *, width: int | None = None
) -> int:
    """A listing of events as a table (fitted to `width`, else whole values), JSON, JSON Lines or
    CSV."""
    if fmt == "csv":
        return write_csv(events, out)
    if fmt == "json":
        return write_json(map(event_json, events), out)
    if fmt == "jsonl":
        return write_jsonl(map(event_json, events), out)
    return write_table(event_table_rows(events), EVENT_TABLE_COLUMNS, out, width=width)
