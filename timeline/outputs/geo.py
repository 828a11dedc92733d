"""GeoJSON export: one Point feature per located place of each event, for GIS tools and web maps.

Coordinates are written as GeoJSON requires, [longitude, latitude] (RFC 7946, section 3.1.1).
An event placed at two places gives two features with the same `id`; places without coordinates
(and events without places) are left out. A country is at its representative point, not its
capital; each feature says where the article ties the place to the event (`place_source`) and how
precise it is (`precision`, as ACLED codes it). The collection is streamed feature by feature.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from timeline.database.record import EventRecord
from timeline.outputs.events import JOIN

# the event's own fields a feature carries: those up to its status, where its date came from apart
_OWN_FIELDS = EventRecord._fields[: EventRecord._fields.index("sentence")]
EVENT_PROPERTIES = tuple(name for name in _OWN_FIELDS if name != "date_source") + tuple(
    name for name in EventRecord._fields if name.startswith("happening_")
)


def features(event: EventRecord) -> Iterator[dict]:
    """The Point features of one event: one per place that has coordinates."""
    for place in event.locations:
        if place.latitude is None or place.longitude is None:
            continue
        properties = {name: getattr(event, name) for name in EVENT_PROPERTIES}
        properties.update(
            source_actors=JOIN.join(a.name for a in event.actors if a.role == "source"),
            target_actors=JOIN.join(a.name for a in event.actors if a.role == "target"),
            location=place.name,
            feature=place.feature,
            country_code=place.country_code,
            admin1=place.admin1,
            place_source=place.place_source,
            precision=place.precision,
            sentence=event.sentence,
            article_title=event.article_title,
            article_url=event.article_url,
        )
        yield {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(place.longitude), float(place.latitude)],
            },
            "properties": properties,
        }


def write_geojson(events: Iterable[EventRecord], out: TextIO) -> int:
    """Write a FeatureCollection of the events' located places; returns the features written."""
    count = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for event in events:
        for feature in features(event):
            out.write(",\n  " if count else "\n  ")
            out.write(json.dumps(feature, ensure_ascii=False))
            count += 1
    out.write("\n]}\n" if count else "]}\n")
    return count
