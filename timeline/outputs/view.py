"""The terminal timeline: events grouped under the period their date names.

A day-level event sits under its day, a week-level one ("next week") under its ISO week, a month,
quarter or year under that: the grouping follows each event's granularity, so an analyst sees at a
glance which events are known to the day and which only to the week or the year. Events dated only
by the article's publication (no date in the text) and events that are planned, hypothetical or
negated are marked. Colour through click.style: the caller decides whether it is shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

import click

from timeline.database.record import EventProvenance, EventRecord
from timeline.outputs.events import (
    describe_actors,
    describe_date,
    describe_places,
    provenance_json,
)

QUAD_COLOURS = {1: "green", 2: "cyan", 3: "yellow", 4: "red"}
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
UNCERTAIN_STATUSES = ("planned", "hypothetical", "negated", "reported")


def period_of(event: EventRecord) -> tuple[str, str]:
    """(sort key, heading) of the period an event is grouped under."""
    start = event.date_start or ""
    granularity = event.granularity
    value = event.date_value or start
    if granularity in ("day", "part_of_day", "hour", "minute", "second") and start:
        day = date.fromisoformat(start)
        return (start, f"{start} {day.strftime('%a')}")
    if granularity == "week" and start:
        end = date.fromisoformat(event.date_end)
        first = date.fromisoformat(start)
        return (start, f"{value}  ({first.strftime('%b %d')} - {end.strftime('%b %d')})")
    return (start or value, value)


def describe(event: EventRecord) -> str:
    """'Rex Tillerson -> Russia: Make a visit (trip) in Moscow (RUS)'."""
    who = describe_actors(event)
    text = f"{who}: {event.event_label} ({event.trigger})"
    places = describe_places(event)
    if places:
        text += " in " + ", ".join(places)
    return text


def timeline_lines(events: Iterable[EventRecord]) -> Iterator[str]:
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
        if event.status in UNCERTAIN_STATUSES:
            marks.append(event.status)
        if (event.happening_mentions or 0) > 1:
            articles = _count(event.happening_articles, "article")
            marks.append(f"{event.happening_mentions} reports in {articles}")
        if event.date_source == "publication":
            marks.append("dated by publication")
        elif event.date_source == "context":
            marks.append("date from context")
        sources = {p.place_source for p in event.locations} - {None, "phrase"}
        if sources:  # where the place was read when not in the event's own words
            marks.append("place from " + " and ".join(PLACE_SOURCES[s] for s in sorted(sources)))
        code = click.style(
            f"{event.event_code:<4}", fg=QUAD_COLOURS.get(event.quad_class), bold=True
        )
        line = f"  {code} {describe(event)}"
        if marks:
            line += click.style(f"  [{'; '.join(marks)}]", dim=True)
        line += click.style(f"  #{event.id}", dim=True)
        yield line


# How the timeline view says where an event's place was read
PLACE_SOURCES = {"sentence": "sentence", "paragraph": "paragraph", "dateline": "dateline"}


def write_timeline(events: Iterable[EventRecord], out, *, color: bool | None = None) -> int:
    count = 0
    for line in timeline_lines(events):
        click.echo(line, file=out, color=color)
        if line.startswith("  "):
            count += 1
    return count


# --- one event, with its provenance ---------------------------------------------------------------

# how each part of the sentence is shown: (click.style arguments, plain-text brackets)
MARKS = {
    "trigger": ({"bold": True, "underline": True}, ("*", "*")),
    "source": ({"fg": "cyan", "bold": True}, ("[", "]")),
    "target": ({"fg": "magenta", "bold": True}, ("[", "]")),
    "other": ({"fg": "blue"}, ("[", "]")),
    "place": ({"fg": "green"}, ("{", "}")),
    "date": ({"fg": "yellow"}, ("<", ">")),
}


def highlight_sentence(shown: EventProvenance, *, color: bool) -> str:
    """The event's sentence with its trigger, actors, places and date expression marked: in colour,
    or with brackets (*trigger* [actor] {place} <date>) when colour is off."""
    sentence = shown.event.sentence
    offset = shown.sentence_span[0]
    spans: list[tuple[int, int, str]] = [(*shown.trigger_span, "trigger")]
    spans += [(actor.start, actor.end, actor.role) for actor in shown.actors]
    spans += [(place.start, place.end, "place") for place in shown.locations]
    if shown.time_expression:
        spans.append((shown.time_expression.start, shown.time_expression.end, "date"))
    chosen: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(
        (s, e, k) for s, e, k in spans if s is not None and e is not None
    ):
        start, end = start - offset, end - offset
        if 0 <= start < end <= len(sentence) and all(end <= a or start >= b for a, b, _ in chosen):
            chosen.append((start, end, kind))
    out, position = [], 0
    for start, end, kind in chosen:
        out.append(sentence[position:start])
        style, (left, right) = MARKS[kind]
        piece = sentence[start:end]
        out.append(click.style(piece, **style) if color else f"{left}{piece}{right}")
        position = end
    out.append(sentence[position:])
    return "".join(out)


def render_event(shown: EventProvenance, *, color: bool = False) -> str:
    """Every field of one event, its highlighted sentence and where it comes from."""
    event = shown.event
    lines = [
        f"event {event.id}: {event.event_code} {event.event_label} "
        f"(quad class {event.quad_class}, Goldstein {event.goldstein})",
        f"  trigger     {event.trigger} [{shown.lemma}]  status {event.status}",
        f"  date        {describe_date(event)}  granularity {event.granularity}, "
        f"from {event.date_source}",
    ]
    expression = shown.time_expression
    if expression:
        lines.append(
            f'  expression  "{expression.text}" -> {expression.value} '
            f"({expression.type}) at {expression.start}..{expression.end}"
        )
    for actor in shown.actors:
        title = f", {actor.title}" if actor.title else ""
        lines.append(
            f"  {actor.role:<11} {actor.name} ({actor.kind}{title}"
            f"{', ' + actor.country_code if actor.country_code else ''})"
            + (f'  "{actor.text}"' if actor.text else "  (implied, no words of its own)")
        )
    for place in shown.locations:
        lines.append(
            f"  location    {place.name} ({place.country_code}) {place.latitude}, {place.longitude}"
            + (f"  {place.feature}" if place.feature else "")
            + (f", precision {place.precision}" if place.precision else "")
            + (f", from the {place.place_source}" if place.place_source else "")
        )
    if shown.plover_type:
        lines.append(f"  PLOVER      {shown.plover_type} / {shown.plover_mode or ''}")
    lines.append(f"  sentence    {highlight_sentence(shown, color=color)}")
    lines.append(
        f"  article     {event.article_id}: {event.article_title or '(untitled)'}"
        f"{' - ' + event.article_source if event.article_source else ''}, "
        f"published {event.article_published_at}"
        f"{'  ' + event.article_url if event.article_url else ''}"
    )
    lines.append(
        f"  span        sentence {shown.sentence_span[0]}..{shown.sentence_span[1]}, "
        f"trigger {shown.trigger_span[0]}..{shown.trigger_span[1]}"
    )
    if event.happening_id is not None:
        lines.append(
            f"  happening   {event.happening_id}: {_count(event.happening_mentions, 'mention')} in "
            f"{_count(event.happening_articles, 'article')}, "
            f"{_count(event.happening_sources, 'source')}"
        )
        for mention in shown.mentions:
            mark = "*" if mention.event_id == event.id else " "
            published = (mention.published_at or "")[:10]
            lines.append(
                f"    {mark}{mention.event_id:<6} {published}  article {mention.article_id}  "
                f"{mention.trigger}: {_shortened(mention.sentence)}"
            )
    return "\n".join(lines)


def _count(n: int | None, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _shortened(sentence: str, width: int = 90) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= width else sentence[: width - 3] + "..."


def write_event(shown: EventProvenance, fmt: str, out, *, color: bool = False) -> None:
    """One event with its provenance (`timeline show`): its JSON shape, or `render_event`."""
    if fmt == "json":
        click.echo(json.dumps(provenance_json(shown), ensure_ascii=False, indent=2), file=out)
        return
    click.echo(render_event(shown, color=color), file=out, color=color)


# --- one actor ------------------------------------------------------------------------------------


def render_actor(profile: dict) -> str:
    """`timeline actors show`: the actor's fields, names, code with its dates and events."""
    about = ", ".join(v for v in (profile["kind"], profile["title"], profile["country_code"]) if v)
    lines = [f"{profile['name']} ({about})  id {profile['id']}"]
    for code in profile["codes"]:
        span = ""
        if code["first_date"]:
            span = f"  in events from {code['first_date']} to {code['last_date']}"
        lines.append(f"  code        {code['code']}{span}")
    if profile["sector"]:
        lines.append(f"  sector      {profile['sector']}")
    names = [a["alias"] + (" (confirmed)" if a["confirmed"] else "") for a in profile["aliases"]]
    lines.append(f"  aliases     {'; '.join(names) or '-'}")
    roles = ", ".join(f"{role} {n}" for role, n in profile["events_by_role"].items())
    lines.append(f"  events      {profile['events']}" + (f" ({roles})" if roles else ""))
    for year, n in profile["events_by_year"].items():
        lines.append(f"    {year:<9} {n}")
    return "\n".join(lines)


def write_actor(profile: dict, fmt: str, out) -> None:
    """One actor (`timeline actors show`) as JSON or as `render_actor`'s text."""
    if fmt == "json":
        click.echo(json.dumps(profile, ensure_ascii=False, indent=2), file=out)
        return
    click.echo(render_actor(profile), file=out)
