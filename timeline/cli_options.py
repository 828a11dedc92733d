"""The options several commands share: the event filters, --format, --published and --date-order,
the width of a table. Learnt once, the same on every command (see timeline/cli.py)."""

from __future__ import annotations

import shutil
import sys

import click

from timeline.outputs import LISTING_FORMATS


def filter_options(function):
    """The event filters of every command that selects events (events, timeline, export, dyads,
    actors, chart, articles)."""
    options = [
        click.option("--actor", help="Events involving this actor (name, alias or country code)."),
        click.option("--source-actor", help="Events whose source (who acts) is this actor."),
        click.option("--target-actor", help="Events whose target (who is acted on) is this actor."),
        click.option(
            "--between",
            nargs=2,
            metavar="ACTOR ACTOR",
            help="A dyad: events where one of the two acts on the other (either direction).",
        ),
        click.option(
            "--type",
            metavar="CODES|WORDS",
            help="CAMEO codes or prefixes (04, 042), a comma list (18,19,20), exclusions ('!01') "
            "or words of a label (visit).",
        ),
        click.option(
            "--quad",
            metavar="1,2,3,4",
            help="Quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
            "4 material conflict (a comma list).",
        ),
        click.option(
            "--no-statements",
            is_flag=True,
            help="Leave out statements (CAMEO 01: 'said', 'told'); the same as --type '!01'.",
        ),
        click.option(
            "--since",
            help="Events whose dates reach this day or later: 2017-04-07, 2017-04, 2017, "
            "or a phrase ('last month') resolved against --as-of.",
        ),
        click.option("--until", help="Events whose dates start on this day or earlier."),
        click.option("--on", "on", help="Events overlapping this day, week, month or year."),
        click.option(
            "--as-of",
            metavar="DATE",
            help="The day relative dates in --since/--until/--on count from (default: today).",
        ),
        click.option("--text", help="Full-text search: events whose sentence has all these words."),
        click.option("--location", help="Events at this place (name)."),
        click.option(
            "--country",
            help="Events located in, or with an actor from, this country (RUS, Russia).",
        ),
        click.option("--article", type=int, help="Events of one article (its id)."),
        click.option(
            "--status",
            type=click.Choice(["asserted", "planned", "negated", "hypothetical", "reported"]),
        ),
        click.option("--limit", type=click.IntRange(min=0), help="At most this many events."),
        click.option(
            "--order", type=click.Choice(["date", "-date"]), default="date", show_default=True
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def make_filter(options: dict, *, or_none: bool = False):
    """The EventFilter of the filter options (`filter_options`); with `or_none`, None when none
    of them selects events (an order, a limit or --as-of alone do not)."""
    from timeline.database.filters import event_filter

    given = [v for k, v in options.items() if k not in ("as_of", "order", "limit")]
    if or_none and all(value in (None, (), "date", False) for value in given):
        return None
    return event_filter(**{**options, "between": options["between"] or None})


published_option = click.option(
    "--published",
    metavar="TIME",
    help="Publication time as sources write it (2017-04-07, 2017-04-07T09:30-04:00, "
    "'March 29, 2018 6:45 PM EDT', 2018-03 for a month); relative dates resolve against it.",
)
date_order_option = click.option(
    "--date-order",
    type=click.Choice(["DMY", "MDY"], case_sensitive=False),
    help="How to read a publication date such as 03/04/2018 that could be day-first or "
    "month-first (refused without this).",
)


# one record (`show`, `stats`) is printed as text or JSON
RECORD_FORMATS = ("text", "json")
# what `load` reads (timeline.read.FORMATS, named here without loading the reader)
INPUT_FORMATS = ("text", "json", "jsonl", "csv", "html")


def output_options(default: str, *, choices: tuple[str, ...] = LISTING_FORMATS):
    """The --format option of every command that prints rows: the same choices on each (each
    keeps its own default)."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True
    )


wide_option = click.option(
    "--wide",
    is_flag=True,
    help="On a terminal, print whole values instead of fitting the table to its width "
    "(off a terminal values are always whole).",
)


def table_width(wide: bool = False) -> int | None:
    """The width a table fits on stdout: the terminal's, or None (whole values) when stdout is
    not a terminal or --wide is given."""
    if wide or not stdout_is_terminal():
        return None
    return max(60, shutil.get_terminal_size().columns)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


count_mentions_option = click.option(
    "--count-mentions",
    is_flag=True,
    help="Count every mention (each article's report) instead of each happening once.",
)


def counted_rows(rows: list, fields: tuple[str, ...], mentions: bool) -> tuple[list, tuple]:
    """Rows of counts and their columns, the count named for what it counts: "events"
    (mentions) or "happenings"."""
    if mentions:
        return rows, fields
    rename = {"events": "happenings"}
    renamed = [{rename.get(k, k): v for k, v in row._asdict().items()} for row in rows]
    return renamed, tuple(rename.get(f, f) for f in fields)
