"""GeoJSON export: one Point feature per located place of each event, for GIS tools and web maps.

Coordinates are written as GeoJSON requires, [longitude, latitude] (RFC 7946, section 3.1.1).
An event placed at two places gives two features with the same `id`; places without coordinates
(and events without places) are left out. The collection is streamed feature by feature.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from timeline.outputs.formatting import JOIN

PROPERTIES = (
    "id",
    "date_start",
    "date_end",
    "date_value",
    "granularity",
    "event_code",
    "event_label",
    "quad_class",
    "goldstein",
    "trigger",
    "status",
    "source_actors",
    "target_actors",
    "location",
    "feature",
    "country_code",
    "sentence",
    "article_title",
    "article_url",
)


def features(event: dict) -> Iterator[dict]:
    """The Point features of one event: one per place that has coordinates."""
    actors = event.get("actors") or []
    article = event.get("article") or {}
    for place in event.get("locations") or []:
        lat, lon = place.get("latitude"), place.get("longitude")
        if lat is None or lon is None:
            continue
        properties = {
            "id": event["id"],
            "date_start": event.get("date_start"),
            "date_end": event.get("date_end"),
            "date_value": event.get("date_value"),
            "granularity": event.get("granularity"),
            "event_code": event.get("event_code"),
            "event_label": event.get("event_label"),
            "quad_class": event.get("quad_class"),
            "goldstein": event.get("goldstein"),
            "trigger": event.get("trigger"),
            "status": event.get("status"),
            "source_actors": JOIN.join(a["name"] for a in actors if a["role"] == "source"),
            "target_actors": JOIN.join(a["name"] for a in actors if a["role"] == "target"),
            "location": place.get("name"),
            "feature": place.get("feature"),
            "country_code": place.get("country_code"),
            "sentence": event.get("sentence"),
            "article_title": article.get("title"),
            "article_url": article.get("url"),
        }
        yield {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": properties,
        }


def write_geojson(events: Iterable[dict], out: TextIO) -> int:
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
