"""The terminal timeline: events grouped under the period their date names.

A day-level event sits under its day, a week-level one ("next week") under its ISO week, a month,
quarter or year under that: the grouping follows each event's granularity, so an analyst sees at a
glance which events are known to the day and which only to the week or the year. Events dated only
by the article's publication (no date in the text) and events that are planned, hypothetical or
negated are marked. Colour through click.style: the caller decides whether it is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

import click

QUAD_COLOURS = {1: "green", 2: "cyan", 3: "yellow", 4: "red"}
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
UNCERTAIN_STATUSES = ("planned", "hypothetical", "negated", "reported")


def period_of(event: dict) -> tuple[str, str]:
    """(sort key, heading) of the period an event is grouped under."""
    start = event["date_start"] or ""
    granularity = event["granularity"]
    value = event["date_value"] or start
    if granularity in ("day", "part_of_day", "hour", "minute", "second") and start:
        day = date.fromisoformat(start)
        return (start, f"{start} {day.strftime('%a')}")
    if granularity == "week" and start:
        end = date.fromisoformat(event["date_end"])
        first = date.fromisoformat(start)
        return (start, f"{value}  ({first.strftime('%b %d')} - {end.strftime('%b %d')})")
    return (start or value, value)


def describe(event: dict) -> str:
    """'Rex Tillerson -> Russia: Make a visit (trip) in Moscow (RUS)'."""
    sources = [a["name"] for a in event["actors"] if a["role"] == "source"]
    targets = [a["name"] for a in event["actors"] if a["role"] == "target"]
    who = ", ".join(sources) or "someone"
    if targets:
        who += " -> " + ", ".join(targets)
    text = f"{who}: {event['event_label']} ({event['trigger']})"
    places = [
        p["name"] + (f" ({p['country_code']})" if p.get("country_code") else "")
        for p in event["locations"]
    ]
    if places:
        text += " in " + ", ".join(places)
    return text


def timeline_lines(events: Iterable[dict]) -> Iterator[str]:
    """Styled lines: a heading per period, then its events; events must come in date order."""
    heading = None
    for event in events:
        key, title = period_of(event)
        if title != heading:
            if heading is not None:
                yield ""
            yield click.style(title, bold=True)
            heading = title
        marks = []
        if event["status"] in UNCERTAIN_STATUSES:
            marks.append(event["status"])
        if event["date_source"] == "publication":
            marks.append("dated by publication")
        elif event["date_source"] == "context":
            marks.append("date from context")
        code = click.style(
            f"{event['event_code']:<4}", fg=QUAD_COLOURS.get(event["quad_class"]), bold=True
        )
        line = f"  {code} {describe(event)}"
        if marks:
            line += click.style(f"  [{'; '.join(marks)}]", dim=True)
        line += click.style(f"  #{event['id']}", dim=True)
        yield line


def write_timeline(events: Iterable[dict], out, *, color: bool | None = None) -> int:
    count = 0
    for line in timeline_lines(events):
        click.echo(line, file=out, color=color)
        if line.startswith("  "):
            count += 1
    return count
