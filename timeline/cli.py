"""The command line: parse options, call the library, format the result. Nothing more.

Errors reach the user as one line on stderr and exit status 1 (2 for usage errors, 130 on Ctrl-C);
tracebacks only with --debug.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from dataclasses import asdict
from datetime import datetime

import click

from timeline import __version__
from timeline.errors import InputError, TimelineError

EXAMPLES = """
\b
Examples:
  timeline load seeds/tillerson-moscow-2017.txt --published 2017-04-07
  timeline events --actor Tillerson
  timeline events --since 2017-04-10 --until 2017-04-16 --format json
  timeline export --format csv -o events.csv
"""


class Context:
    def __init__(self, db: str | None, debug: bool):
        self.db_option = db
        self.debug = debug

    def database(self, *, must_exist: bool = False):
        from timeline.database.engine import Database

        return Database(self.db_option, must_exist=must_exist)


pass_context = click.make_pass_decorator(Context)


class TimelineGroup(click.Group):
    """Turns every error raised by a command into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TimelineError as exc:
            if _debug(ctx):
                raise
            raise click.ClickException(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except (KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:  # the last line of defence: never a traceback for the user
            if _debug(ctx):
                raise
            raise click.ClickException(
                f"unexpected {type(exc).__name__}: {exc} (run with --debug for details)"
            ) from None


def _debug(ctx: click.Context) -> bool:
    return bool(ctx.obj and ctx.obj.debug)


@click.group(cls=TimelineGroup, epilog=EXAMPLES)
@click.option(
    "--db",
    envvar="TIMELINE_DB",
    metavar="PATH|URL",
    help="Database: a SQLite file path or an SQLAlchemy URL "
    "(postgresql+psycopg://user@host/db). Default ./timeline.db; env TIMELINE_DB.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(__version__, prog_name="timeline")
@click.pass_context
def cli(ctx: click.Context, db: str | None, debug: bool) -> None:
    """A geopolitical event-timeline database: load news articles, resolve their dates, and query
    who did what to whom, where and when."""
    if os.environ.get("NO_COLOR"):
        ctx.color = False
    ctx.obj = Context(db, debug)


# --- shared options ------------------------------------------------------------------------------


def filter_options(function):
    """The event filters shared by `events` and `export`."""
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
        click.option("--type", "event_type", help="CAMEO code prefix (04, 042) or label words."),
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


def make_filter(options: dict):
    from timeline.database.filters import EventFilter, parse_when

    as_of = datetime.now().astimezone()
    if options["as_of"]:
        from timeline.read import parse_published

        as_of = parse_published(options["as_of"])
    since = parse_when(options["since"], as_of)[0] if options["since"] else None
    until = parse_when(options["until"], as_of)[1] if options["until"] else None
    if options["on"]:
        on_start, on_end = parse_when(options["on"], as_of)
        since = max(since, on_start) if since else on_start
        until = min(until, on_end) if until else on_end
    return EventFilter(
        actor=options["actor"],
        source_actor=options["source_actor"],
        target_actor=options["target_actor"],
        between=tuple(options["between"]) if options["between"] else None,
        type=options["event_type"],
        since=since,
        until=until,
        location=options["location"],
        country=options["country"],
        article=options["article"],
        status=options["status"],
        limit=options["limit"],
        order=options["order"],
        text=options["text"],
    )


def published_option(function):
    return click.option(
        "--published",
        metavar="ISO",
        help="Publication time (2017-04-07 or 2017-04-07T09:30:00-04:00); "
        "relative dates resolve against it.",
    )(function)


def read_one(path: str, published: str | None):
    """The single article of FILE or - (stdin) for `dates` and `extract`."""
    from timeline.read import iter_articles, parse_published

    published_at = parse_published(published) if published else None
    items = list(iter_articles([path], published=published_at))
    errors = [item for item in items if isinstance(item, TimelineError)]
    if errors:
        raise errors[0]
    if len(items) != 1:
        raise InputError(f"{path}: holds {len(items)} articles; give a file with one")
    return items[0]


# --- commands ----------------------------------------------------------------------------------


@cli.command()
@pass_context
def init(context: Context) -> None:
    """Create the database, or upgrade its schema to this version (Alembic `upgrade head`).

    \b
    Examples:
      timeline init
      timeline --db postgresql+psycopg://analyst@dbhost/timeline init
    """
    from timeline.database.engine import current_revision

    with context.database() as db:
        click.echo(f"database ready at schema {current_revision(db.engine)}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl", "csv", "html"]),
    help="Read every input in this format instead of guessing from the extension.",
)
@published_option
@click.option("--source", help="The outlet that published the articles.")
@click.option("--reprocess", is_flag=True, help="Extract again articles that are already stored.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes for the language analysis (one writer stores in input order).",
)
@pass_context
def load(context, paths, fmt, published, source, reprocess, workers) -> None:
    """Load articles from files, folders (recursively) or - (stdin).

    Formats: plain text (with an optional front-matter block), JSON (an object or a list), JSON
    Lines, CSV (columns text, title, url, source, published) and HTML.

    \b
    Examples:
      timeline load seeds/
      timeline load article.txt --published 2017-04-07 --source "Associated Press"
      cat feed.jsonl | timeline load - --format jsonl
      timeline load archive/ --workers 2
    """
    from timeline.pipeline import load_articles
    from timeline.read import iter_articles, parse_published

    published_at = parse_published(published) if published else None
    interactive = sys.stderr.isatty()
    started = time.perf_counter()

    def on_error(message: str) -> None:
        if interactive:
            click.echo("\r\033[K", nl=False, err=True)
        click.echo(f"Error: {message}", err=True)

    def on_progress(summary) -> None:
        if interactive:
            click.echo(
                f"\r\033[K{summary.articles} articles, {summary.events} events", nl=False, err=True
            )

    with context.database() as db:
        items = iter_articles(
            list(paths), format=fmt, published=published_at, source=source, stdin=sys.stdin.buffer
        )
        summary = load_articles(
            db,
            items,
            reprocess=reprocess,
            workers=workers,
            on_error=on_error,
            on_progress=on_progress,
        )
    if interactive:
        click.echo("\r\033[K", nl=False, err=True)
    elapsed = time.perf_counter() - started
    click.echo(f"{summary.line()} ({elapsed:.1f} s)", err=True)
    if summary.failed:
        sys.exit(1)


@cli.command()
@click.argument("path")
@published_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default="table",
    show_default=True,
)
@click.option(
    "--no-parse", is_flag=True, help="Skip the spaCy parse (faster; tense from nearby words)."
)
def dates(path, published, fmt, no_parse) -> None:
    """Print every temporal expression in FILE (or - for stdin), resolved against --published.

    \b
    Example:
      echo "Tillerson arrives in Moscow on Tuesday." | timeline dates - --published 2017-04-07
    """
    from timeline.dates import find_time_expressions
    from timeline.outputs.formatting import write_rows
    from timeline.pipeline import require_published

    article = read_one(path, published)
    require_published(article)
    doc = None
    if not no_parse:
        from timeline.parse import parse

        doc = parse(article.text)
    expressions = find_time_expressions(article.text, article.published_at, doc)
    rows = [expression_dict(e) for e in expressions]
    columns = ("text", "start", "end", "type", "value", "granularity", "date_start", "date_end")
    write_rows(rows, columns, fmt, sys.stdout)


def expression_dict(expression) -> dict:
    data = asdict(expression)
    for key in ("date_start", "date_end", "anchor"):
        if data[key] is not None:
            data[key] = data[key].isoformat()
    return data


@cli.command()
@click.argument("path")
@published_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="json",
    show_default=True,
)
def extract(path, published, fmt) -> None:
    """Print the events of one text (FILE or -) without storing anything.

    \b
    Example:
      timeline extract seeds/tillerson-moscow-2017.txt --published 2017-04-07
    """
    from timeline.database.record import extracted_records
    from timeline.outputs.events import write_events
    from timeline.pipeline import extract as run_extract

    write_events(extracted_records(run_extract(read_one(path, published))), fmt, sys.stdout)


@cli.command()
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
)
@pass_context
def events(context, fmt, **options) -> None:
    """List stored events that match the filters.

    Dates are intervals: an event matches --since/--until when its interval overlaps them. In the
    table, a date marked * is the article's publication date (no date was found in the text).

    \b
    Examples:
      timeline events --actor Tillerson
      timeline events --since 2017-04-10 --until 2017-04-16 --format json
      timeline events --type 19 --country SYR
      timeline events --between "United States" Russia --on 2017-04
      timeline events --since "last month" --text "cruise missiles"
    """
    from timeline.database.listing import iter_events
    from timeline.outputs.events import write_events

    flt = make_filter(options)
    with context.database(must_exist=True) as db, db.connect() as connection:
        width = max(80, click.get_terminal_size()[0]) if sys.stdout.isatty() else 160
        write_events(iter_events(connection, flt), fmt, sys.stdout, width=width)


@cli.command("timeline")
@filter_options
@click.pass_context
def timeline_view(ctx, **options) -> None:
    """The events as a timeline: grouped by day, week, month or year following each event's
    granularity, uncertain ones marked ([planned], [dated by publication] ...). Colour on a
    terminal unless NO_COLOR is set; plain text when piped.

    \b
    Examples:
      timeline timeline --actor Tillerson
      timeline timeline --between "United States" Russia --on 2017-04
    """
    from timeline.database.listing import iter_events
    from timeline.outputs.view import write_timeline

    flt = make_filter(options)
    with ctx.obj.database(must_exist=True) as db, db.connect() as connection:
        write_timeline(iter_events(connection, flt), sys.stdout, color=ctx.color)


@cli.command()
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "jsonl", "html", "xlsx", "geojson"]),
    default="csv",
    show_default=True,
)
@click.option(
    "--profile",
    type=click.Choice(["acled", "gdelt"]),
    help="CSV with ACLED's or GDELT 2.0's columns and conventions (some columns approximate: "
    "see the README).",
)
@click.option("--title", default="Timeline", help="Title of the HTML page.")
@click.option("-o", "--output", default="-", help="File to write (default - : stdout).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Processes writing a large CSV export (100,000 events or more) in parallel "
    "[default: the number of CPUs, at most 4].",
)
@pass_context
def export(context, fmt, profile, title, output, workers, **options) -> None:
    """Export the events that match the filters, streaming.

    \b
    Formats:
      csv      one row per event, header row, RFC 4180 quoting; multi-valued cells
               (actors, places) joined with "; "
      json     an array of events; jsonl: one event per line
      html     one self-contained page with an interactive, zoomable timeline
      xlsx     a spreadsheet (needs -o FILE)
      geojson  a FeatureCollection of points, one per located place of an event
    --profile acled|gdelt writes CSV with the column names of those projects.

    The file appears only when complete (written beside it, then renamed). A CSV export of
    100,000 events or more is read and written by --workers processes, each a part of the
    dates, joined in order.

    \b
    Examples:
      timeline export --format csv -o events.csv
      timeline export --actor Russia --since 2017-04 --format jsonl > russia.jsonl
      timeline export --format html -o timeline.html --title "Syria, April 2017"
      timeline export --profile acled -o acled.csv
    """
    from timeline.database.listing import count_events, iter_events

    if profile and fmt != "csv":
        raise click.UsageError("--profile writes CSV: leave out --format or use --format csv")
    if fmt == "xlsx" and output == "-":
        raise click.UsageError("xlsx is a binary file: give -o FILE.xlsx")
    flt = make_filter(options)
    with context.database(must_exist=True) as db, db.connect() as connection:
        if fmt == "csv" and not profile:
            # the fast path: flat records straight into CSV rows, no dict per event
            from timeline.outputs.events import write_csv
            from timeline.outputs.parallel import (
                PARALLEL_MIN_EVENTS,
                default_workers,
                write_csv_in_parts,
            )

            workers = workers or default_workers()
            if (
                workers > 1
                and flt.limit is None
                and count_events(connection, flt) >= PARALLEL_MIN_EVENTS
            ):

                def write(out):
                    return write_csv_in_parts(db.url, flt, out, workers)

            else:

                def write(out):
                    return write_csv(iter_events(connection, flt), out)

        else:

            def write(out):
                return write_export(iter_events(connection, flt), fmt, profile, title, out)

        if output == "-":
            count = write(sys.stdout)
        else:
            count = write_file(output, write, by_path=fmt == "xlsx")
    click.echo(f"exported {count} events" + (f" to {output}" if output != "-" else ""), err=True)


def write_export(events, fmt: str, profile: str | None, title: str, out) -> int:
    """Write events in one export format to a text stream (or, for xlsx, a path)."""
    if profile:
        from timeline.outputs.profiles import write_profile

        return write_profile(events, profile, out)
    if fmt == "html":
        from timeline.outputs.html import write_html

        return write_html(events, out, title=title)
    if fmt == "geojson":
        from timeline.outputs.geo import write_geojson

        return write_geojson(events, out)
    if fmt == "xlsx":
        from timeline.outputs.sheets import write_xlsx

        return write_xlsx(events, out)
    from timeline.outputs.events import write_events

    return write_events(events, fmt, out)


def write_file(output: str, write, *, by_path: bool = False):
    """Run `write` on a file beside OUTPUT, then rename it over OUTPUT: a failed export leaves no
    half-written file and never clobbers an earlier complete one. `write` gets an open text
    stream, or with `by_path` the partial file's path (binary formats: xlsx, png).

    An OUTPUT that exists and is not a regular file (/dev/null, a named pipe) is written in place:
    renaming over it would replace the device or pipe with a file."""
    in_place = os.path.exists(output) and not os.path.isfile(output)
    target = output if in_place else f"{output}.part"
    try:
        if by_path:
            result = write(target)
        else:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                result = write(handle)
        if not in_place:
            os.replace(target, output)
    except BaseException as exc:
        if not in_place:
            with contextlib.suppress(OSError):
                os.unlink(target)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None
        raise
    return result


@cli.command()
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month", "year", "actor"]),
    default="week",
    show_default=True,
    help="Bars per period of the events' first day, or per actor (the --top most active).",
)
@filter_options
@click.option("-o", "--output", required=True, help="The PNG file to write.")
@click.option("--width", type=click.IntRange(200, 10000), default=1000, show_default=True)
@click.option("--height", type=click.IntRange(150, 10000), default=500, show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True)
@click.option("--title", help="Chart title.")
@pass_context
def chart(context, by, output, width, height, top, title, **options) -> None:
    """Draw event counts as a PNG: per day/week/month/year or per actor, stacked by quad class
    (verbal/material cooperation/conflict).

    \b
    Examples:
      timeline chart --by week --actor Russia -o events.png
      timeline chart --by actor --top 10 --since 2017-04 -o actors.png
    """
    from timeline.database.listing import iter_events
    from timeline.outputs.chart import plot_counts

    flt = make_filter(options)
    with context.database(must_exist=True) as db, db.connect() as connection:
        counts = write_file(
            output,
            lambda path: plot_counts(
                iter_events(connection, flt),
                by,
                path,
                width=width,
                height=height,
                top=top,
                title=title,
            ),
            by_path=True,
        )
    total = sum(sum(q.values()) for q in counts.values())
    click.echo(f"chart of {total} events in {len(counts)} bars written to {output}", err=True)


@cli.command()
@click.argument("event_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def show(ctx, event_id, fmt) -> None:
    """Print one event with its sentence, article and every field: where it comes from (article,
    sentence, character spans), with the trigger, actors, places and date highlighted.

    \b
    Example:
      timeline show 20
    """
    from timeline.database.listing import get_event
    from timeline.outputs.events import provenance_json
    from timeline.outputs.view import render_event

    with ctx.obj.database(must_exist=True) as db, db.connect() as connection:
        event = get_event(connection, event_id)
    if event is None:
        raise InputError(f"no event with id {event_id}")
    if fmt == "json":
        click.echo(json.dumps(provenance_json(event), ensure_ascii=False, indent=2))
        return
    color = ctx.color if ctx.color is not None else sys.stdout.isatty()
    click.echo(render_event(event, color=color), color=color)


def _has_filters(options: dict) -> bool:
    return any(
        options[name] not in (None, (), "date")
        for name in options
        if name not in ("as_of", "order", "limit")
    )


@cli.group(invoke_without_command=True)
@click.option("--top", type=click.IntRange(min=1), help="Only the N actors with most events.")
@filter_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table"
)
@click.pass_context
def actors(ctx, top, fmt, **options) -> None:
    """List actors with their kind, country, CAMEO code, aliases and event counts; with filters,
    only the events that match are counted.

    \b
    Examples:
      timeline actors --top 20 --since 2017-04
      timeline actors merge "Vladimir Putin" "Putin V."
      timeline actors alias "Rex Tillerson" "the secretary"
    """
    if ctx.invoked_subcommand is not None:
        return
    from timeline.database.aggregates import list_actors
    from timeline.outputs.formatting import write_rows

    flt = make_filter(options) if _has_filters(options) else None
    with ctx.obj.database(must_exist=True) as db, db.connect() as connection:
        rows = list_actors(connection, top, flt)
    columns = ("id", "name", "kind", "country_code", "code", "events", "aliases")
    write_rows(rows, columns, fmt, sys.stdout)


@actors.command("merge")
@click.argument("keep")
@click.argument("merge")
@pass_context
def actors_merge(context, keep, merge) -> None:
    """Merge actor MERGE into actor KEEP: events and aliases move, MERGE's name becomes an alias,
    and articles loaded later that name MERGE join KEEP."""
    from timeline.database.store import merge_actors

    with context.database(must_exist=True) as db, db.session() as session:
        kept = merge_actors(session, keep, merge)
    click.echo(f"merged {merge!r} into {kept.name} (id {kept.id})", err=True)


@actors.command("alias")
@click.argument("name")
@click.argument("alias")
@pass_context
def actors_alias(context, name, alias) -> None:
    """Give actor NAME another name, ALIAS: queries find it by ALIAS, and later articles that use
    ALIAS join this actor."""
    from timeline.database.store import alias_actor

    with context.database(must_exist=True) as db, db.session() as session:
        actor = alias_actor(session, name, alias)
    click.echo(f"{alias!r} is now an alias of {actor.name} (id {actor.id})", err=True)


@cli.command()
@click.option("--top", type=click.IntRange(min=1), help="Only the N pairs with most events.")
@filter_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table"
)
@pass_context
def dyads(context, top, fmt, **options) -> None:
    """Pairs of actors (who acts -> on whom) with event counts by quad class.

    \b
    Example:
      timeline dyads --top 10 --since 2017-04
    """
    from timeline.database.aggregates import list_dyads
    from timeline.outputs.formatting import write_rows

    flt = make_filter(options) if _has_filters(options) else None
    with context.database(must_exist=True) as db, db.connect() as connection:
        rows = list_dyads(connection, top, flt)
    columns = (
        "source",
        "target",
        "events",
        "verbal_cooperation",
        "material_cooperation",
        "verbal_conflict",
        "material_conflict",
    )
    write_rows(rows, columns, fmt, sys.stdout)


@cli.command()
@click.option("--top", type=click.IntRange(min=1), help="Only the N places with most events.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table"
)
@pass_context
def places(context, top, fmt) -> None:
    """List places with their country, coordinates and event counts.

    \b
    Example:
      timeline places --top 10 --format csv
    """
    from timeline.database.aggregates import list_places
    from timeline.outputs.formatting import write_rows

    with context.database(must_exist=True) as db, db.connect() as connection:
        rows = list_places(connection, top)
    columns = ("id", "name", "country_code", "latitude", "longitude", "events")
    write_rows(rows, columns, fmt, sys.stdout)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_context
def stats(context, fmt) -> None:
    """Counts of articles, events, actors, places and the span of dates.

    \b
    Example:
      timeline stats --format json
    """
    from timeline.database.aggregates import stats as database_stats

    with context.database(must_exist=True) as db, db.connect() as connection:
        data = database_stats(connection)
    if fmt == "json":
        click.echo(json.dumps(data, indent=2))
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
        click.echo(f"{key.replace('_', ' '):<18} {value}")


# --- the edge: one line per error ----------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    """The console script: exit 0 ok, 1 failure, 2 usage error, 130 on Ctrl-C; quiet on | head."""
    try:
        cli.main(args=argv, prog_name="timeline", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # stdout closed early (| head): end quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
