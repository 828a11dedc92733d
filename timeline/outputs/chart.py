"""Charts: event counts per day, week, month or year, or per actor, stacked by CAMEO quad class.

`plot_counts` draws a stacked bar chart with matplotlib's Agg backend (no display needed) into a
PNG of exactly width x height pixels and returns the counts it drew, so that what is plotted can
be checked against the query that produced the events.
"""

from __future__ import annotations

import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from timeline.database.aggregates import period_key
from timeline.database.record import EventRecord
from timeline.errors import InputError
from timeline.outputs.files import write_file

PERIODS = ("day", "week", "month", "year")
BY = (*PERIODS, "actor")
QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_COLOURS = {1: "#4e9a06", 2: "#2a6fb0", 3: "#d98e1f", 4: "#c0392b"}  # as in the HTML page
DPI = 100


def period_of(day: date, by: str) -> str:
    """The label of the period that contains `day`: 2017-04-11, 2017-W15, 2017-04 or 2017."""
    if by not in PERIODS:
        raise InputError(f"unknown period {by!r}: one of {', '.join(PERIODS)}")
    return period_key(day, by)


def count_events(
    events: Iterable[EventRecord], by: str, top: int = 15
) -> dict[str, dict[int, int]]:
    """{period or actor: {quad_class: events}}; periods in time order, actors by count (top N).

    Periods come from each event's date_start (events without one are not counted); periods
    without events are not listed (the bars are categories, not a continuous axis). Per actor,
    an event counts once for each distinct actor that takes part in it, whatever the role.
    """
    if by not in BY:
        raise InputError(f"unknown grouping {by!r}: one of {', '.join(BY)}")
    counts: dict[str, Counter[int]] = defaultdict(Counter)
    for event in events:
        quad = int(event.quad_class)
        if by == "actor":
            for name in dict.fromkeys(actor.name for actor in event.actors):
                counts[name][quad] += 1
            continue
        start = event.date_start
        if not start:
            continue
        day = date.fromisoformat(start) if isinstance(start, str) else start
        counts[period_of(day, by)][quad] += 1
    if by == "actor":
        ranked = sorted(counts, key=lambda name: (-sum(counts[name].values()), name.casefold()))
        keys = ranked[:top]
    else:
        keys = sorted(counts)
    return {key: {q: counts[key][q] for q in sorted(counts[key])} for key in keys}


def plot_counts(
    events: Iterable[EventRecord],
    by: str,
    out: str | Path,
    *,
    width: int = 1000,
    height: int = 500,
    top: int = 15,
    title: str | None = None,
) -> dict[str, dict[int, int]]:
    """Draw the stacked counts into a PNG of width x height pixels; returns the counts drawn.

    `by` is day, week, month or year (bars in time order, one per period that has events) or
    actor (horizontal bars, the `top` actors by event count). The PNG is written at 100 dpi with
    a figure of width/100 x height/100 inches, so its size is exactly width x height pixels.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    counts = count_events(events, by, top)
    keys = list(counts)
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    axes = figure.add_subplot()
    positions = list(range(len(keys)))
    horizontal = by == "actor"
    bottom = [0] * len(keys)
    for quad, label in QUAD_LABELS.items():
        values = [counts[key].get(quad, 0) for key in keys]
        if horizontal:
            axes.barh(positions, values, left=bottom, color=QUAD_COLOURS[quad], label=label)
        else:
            axes.bar(positions, values, bottom=bottom, color=QUAD_COLOURS[quad], label=label)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    noun = "actor" if horizontal else by
    axes.set_title(title or f"Events per {noun}, by quad class", pad=26)
    if horizontal:
        axes.set_yticks(positions, keys)
        axes.invert_yaxis()  # the most active actor on top
        axes.set_xlabel("events")
        axes.xaxis.get_major_locator().set_params(integer=True)
    else:
        step = max(1, len(keys) // 30)  # at most about 30 labels
        axes.set_xticks(positions[::step], keys[::step], rotation=45, ha="right")
        axes.set_ylabel("events")
        axes.yaxis.get_major_locator().set_params(integer=True)
    if not keys:
        axes.text(0.5, 0.5, "no events", transform=axes.transAxes, ha="center", va="center")
    axes.legend(  # one row between the title and the bars, never over them
        loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=4, fontsize="small", frameon=False
    )
    axes.spines[["top", "right"]].set_visible(False)
    FigureCanvasAgg(figure)  # the Agg backend, without touching pyplot's global state
    with warnings.catch_warnings():  # a very small figure keeps its default margins
        warnings.simplefilter("ignore", UserWarning)
        figure.tight_layout()
    figure.savefig(str(out), dpi=DPI, format="png")
    return counts


def write_chart(events: Iterable[EventRecord], by: str, output: str, **options) -> dict:
    """`plot_counts` into the file `output`, which appears only once complete; returns the counts
    drawn."""
    return write_file(output, lambda path: plot_counts(events, by, path, **options), by_path=True)
