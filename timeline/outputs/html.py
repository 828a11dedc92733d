"""HTML export: one self-contained page with an interactive, zoomable timeline of the events.

The page (its template, style sheet and script are the files of timeline/outputs/page/) needs no
network: CSS and JavaScript are inline, fonts are the system's, and a
Content-Security-Policy forbids every fetch (only the page's own script, by hash, may run). The
events are embedded as JSON in a <script type="application/json"> block with '<', '>' and '&'
written as JSON escapes, so text from articles can never close the block or become markup; the
script builds the page with DOM text nodes only, and links only to http(s) addresses.

What an analyst gets: a horizontal time axis with every event drawn over its date interval (a
day is a dot, a week a bar; a month or a year a thin bar in a band of its own under the days, so
that it never covers one; colours by CAMEO quad class), opening on where the events are (a robust
range: a stray old date is a zoom away, and counted), zoom with the buttons or the mouse wheel,
"Fit" to the events the filters show, pan by dragging; below it the list in date order; filters
by actor, CAMEO root, quad class, status and free text; a click on an event shows its sentence
with the trigger highlighted, its actors and places, and its article (title linked to the URL,
source, time).

The timeline draws one mark per happening (the first of its reports in date order; its
reports listed when it is opened), the list one row per event (each report). Every event element
(timeline mark and list row) carries data-event-id, data-date-start and data-actors (a JSON list
of actor names); a mark also data-happening-id and data-reports (how many of the page's events
report it).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TextIO

from timeline.data import read_table
from timeline.database.record import EventRecord
from timeline.outputs.events import event_json

# the order the page's data lists a place's fields in (its feature before its coordinates, then
# where the article ties it to the event and how precise it is)
PLACE_FIELDS = (
    "name", "country_code", "feature", "latitude", "longitude", "place_source", "precision",
)  # fmt: skip


@lru_cache(maxsize=1)
def cameo_roots() -> dict[str, str]:
    """The CAMEO root codes (01..20) and their labels, from timeline/data/cameo_codes.tsv."""
    roots: dict[str, str] = {}
    for code, label, *_ in read_table("cameo_codes.tsv"):
        if len(code) == 2 and code.isdigit():
            roots[code] = label
    return roots


def script_json(value) -> str:
    """JSON that is safe inside a <script> element: no '<', '>', '&' or line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def page_event(event: EventRecord) -> dict:
    """What the page shows of an event: its JSON shape."""
    view = event_json(event)
    view["locations"] = [{key: place[key] for key in PLACE_FIELDS} for place in view["locations"]]
    return view


def _hash(source: str) -> str:
    return base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def write_html(events: Iterable[EventRecord], out: TextIO, *, title: str = "Timeline") -> int:
    """Write the timeline page for `events` (in any order) to `out`; returns the events written."""
    template, style, script = page_files()
    policy = (
        "default-src 'none'; "
        f"script-src 'sha256-{_hash(script)}'; "
        "style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    shown = html.escape(title, quote=True)
    out.write(template.format(policy=html.escape(policy, quote=True), title=shown, style=style))
    out.write('<script type="application/json" id="timeline-roots">')
    out.write(script_json(cameo_roots()))
    out.write("</script>\n")
    out.write('<script type="application/json" id="timeline-data">[')
    count = 0
    for event in events:
        out.write(",\n" if count else "\n")
        out.write(script_json(page_event(event)))
        count += 1
    out.write("\n]</script>\n")
    out.write(f"<script>{script}</script>\n</body>\n</html>\n")
    return count


@lru_cache(maxsize=1)
def page_files() -> tuple[str, str, str]:
    """The page's template (HTML up to the data, with {policy}, {title} and {style} to fill), its
    style sheet and its script: package data files in timeline/outputs/page/. The style and the
    script start on a line of their own in the page."""
    folder = resources.files("timeline.outputs") / "page"

    def read(name: str) -> str:
        return (folder / name).read_text(encoding="utf-8")

    return read("timeline.html"), "\n" + read("timeline.css"), "\n" + read("timeline.js")
