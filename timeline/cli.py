"""The command line: parse options, call the library, format the result. Nothing more.

Errors reach the user as one line on stderr and exit status 1 (2 for usage errors, 130 on Ctrl-C);
tracebacks only with --debug.
"""

from __future__ import annotations

import gc
import os
import sys
import time

import click

from timeline import __version__
from timeline.errors import InputError, TimelineError
from timeline.outputs import BINARY_FORMATS, EXPORT_FORMATS, LISTING_FORMATS

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
        from timeline.database import Database

        work_begins()
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
        click.option("--type", help="CAMEO code prefix (04, 042) or label words."),
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
    if or_none and all(value in (None, (), "date") for value in given):
        return None
    return event_filter(**{**options, "between": options["between"] or None})


published_option = click.option(
    "--published",
    metavar="ISO",
    help="Publication time (2017-04-07 or 2017-04-07T09:30:00-04:00); "
    "relative dates resolve against it.",
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


def read_one(path: str, published: str | None):
    """The single article of FILE or - (stdin) for `dates` and `extract`."""
    from timeline.read import iter_articles, parse_published

    work_begins()
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
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    help="Read every input in this format instead of guessing from the extension.",
)
# the input format's earlier name, still accepted
@click.option("--format", "format_alias", type=click.Choice(INPUT_FORMATS), hidden=True)
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
def load(context, paths, input_format, format_alias, published, source, reprocess, workers) -> None:
    """Load articles from files, folders (recursively) or - (stdin).

    Formats: plain text (with an optional front-matter block), JSON (an object or a list), JSON
    Lines, CSV (columns text, title, url, source, published) and HTML.

    \b
    Examples:
      timeline load seeds/
      timeline load article.txt --published 2017-04-07 --source "Associated Press"
      cat feed.jsonl | timeline load - --input-format jsonl
      timeline load archive/ --workers 2
    """
    from timeline.pipeline import load_articles
    from timeline.read import iter_articles, parse_published

    if input_format and format_alias and input_format != format_alias:
        raise click.UsageError("--format is the old name of --input-format: give one of them")
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
            list(paths),
            format=input_format or format_alias,
            published=published_at,
            source=source,
            stdin=sys.stdin.buffer,
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
@output_options("table")
@click.option(
    "--no-parse", is_flag=True, help="Skip the spaCy parse (faster; tense from nearby words)."
)
def dates(path, published, fmt, no_parse) -> None:
    """Print every temporal expression in FILE (or - for stdin), resolved against --published.

    \b
    Example:
      echo "Tillerson arrives in Moscow on Tuesday." | timeline dates - --published 2017-04-07
    """
    from timeline.nlp.dates import find_time_expressions
    from timeline.outputs.expressions import write_expressions
    from timeline.pipeline import require_published

    article = read_one(path, published)
    require_published(article)
    doc = None
    if not no_parse:
        from timeline.nlp.model import parse

        doc = parse(article.text)
    expressions = find_time_expressions(article.text, article.published_at, doc)
    write_expressions(expressions, fmt, sys.stdout)


@cli.command()
@click.argument("path")
@published_option
@output_options("json")
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
@output_options("table")
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
@output_options("csv", choices=EXPORT_FORMATS)
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
      table    the table `timeline events` prints
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
    from timeline.outputs.export import export_events

    if profile and fmt != "csv":
        raise click.UsageError("--profile writes CSV: leave out --format or use --format csv")
    if fmt in BINARY_FORMATS and output == "-":
        raise click.UsageError(f"{fmt} is a binary file: give -o FILE.{fmt}")
    flt, out = make_filter(options), sys.stdout if output == "-" else output
    with context.database(must_exist=True) as db:
        count = export_events(db, flt, out, fmt=fmt, profile=profile, title=title, workers=workers)
    click.echo(f"exported {count} events" + (f" to {output}" if output != "-" else ""), err=True)


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
    from timeline.outputs.chart import write_chart

    flt = make_filter(options)
    with context.database(must_exist=True) as db, db.connect() as connection:
        events = iter_events(connection, flt)
        counts = write_chart(events, by, output, width=width, height=height, top=top, title=title)
    total = sum(sum(q.values()) for q in counts.values())
    click.echo(f"chart of {total} events in {len(counts)} bars written to {output}", err=True)


@cli.command()
@click.argument("event_id", type=int)
@output_options("text", choices=RECORD_FORMATS)
@click.pass_context
def show(ctx, event_id, fmt) -> None:
    """Print one event with its sentence, article and every field: where it comes from (article,
    sentence, character spans), with the trigger, actors, places and date highlighted.

    \b
    Example:
      timeline show 20
    """
    from timeline.database.listing import get_event
    from timeline.outputs.view import write_event

    with ctx.obj.database(must_exist=True) as db, db.connect() as connection:
        event = get_event(connection, event_id)
    if event is None:
        raise InputError(f"no event with id {event_id}")
    color = ctx.color if ctx.color is not None else sys.stdout.isatty()
    write_event(event, fmt, sys.stdout, color=color)


@cli.group(invoke_without_command=True)
@click.option("--top", type=click.IntRange(min=1), help="Only the N actors with most events.")
@filter_options
@output_options("table")
@click.pass_context
def actors(ctx, top, fmt, **options) -> None:
    """List actors with their kind, country, CAMEO code, aliases and event counts; with filters,
    only the events that match are counted.

    \b
    Examples:
      timeline actors --top 20 --since 2017-04
      timeline actors merge "Vladimir Putin" "Putin V."
      timeline actors alias "Rex Tillerson" "the secretary"
      timeline actors import leaders.csv
    """
    if ctx.invoked_subcommand is not None:
        return
    from timeline.database.aggregates import ActorCount, list_actors
    from timeline.outputs.formatting import write_rows

    flt = make_filter(options, or_none=True)
    with ctx.obj.database(must_exist=True) as db, db.connect() as connection:
        rows = list_actors(connection, top, flt)
    write_rows(rows, ActorCount._fields, fmt, sys.stdout)


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
@output_options("table")
@pass_context
def dyads(context, top, fmt, **options) -> None:
    """Pairs of actors (who acts -> on whom) with event counts by quad class.

    \b
    Example:
      timeline dyads --top 10 --since 2017-04
    """
    from timeline.database.aggregates import DyadCount, list_dyads
    from timeline.outputs.formatting import write_rows

    flt = make_filter(options, or_none=True)
    with context.database(must_exist=True) as db, db.connect() as connection:
        rows = list_dyads(connection, top, flt)
    write_rows(rows, DyadCount._fields, fmt, sys.stdout)


@cli.command()
@click.option("--top", type=click.IntRange(min=1), help="Only the N places with most events.")
@output_options("table")
@pass_context
def places(context, top, fmt) -> None:
    """List places with their country, coordinates and event counts.

    \b
    Example:
      timeline places --top 10 --format csv
    """
    from timeline.database.aggregates import PlaceCount, list_places
    from timeline.outputs.formatting import write_rows

    with context.database(must_exist=True) as db, db.connect() as connection:
        rows = list_places(connection, top)
    write_rows(rows, PlaceCount._fields, fmt, sys.stdout)


@cli.command()
@output_options("text", choices=RECORD_FORMATS)
@pass_context
def stats(context, fmt) -> None:
    """Counts of articles, events, actors, places and the span of dates.

    \b
    Example:
      timeline stats --format json
    """
    from timeline.database.aggregates import stats as database_stats
    from timeline.outputs.formatting import write_summary

    with context.database(must_exist=True) as db, db.connect() as connection:
        write_summary(database_stats(connection), fmt, sys.stdout)


from timeline.cli_actors import actors_import  # noqa: E402 (the actor dictionary's command)

actors.add_command(actors_import)


# --- the edge: one line per error ----------------------------------------------------------------


def work_begins() -> None:
    """The command's modules are loaded: collect garbage as usual among the objects made from
    here (see `main`). Nothing to do in a command that `main` did not start."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def main(argv: list[str] | None = None) -> None:
    """The console script: exit 0 ok, 1 failure, 2 usage error, 130 on Ctrl-C; quiet on | head.

    Importing SQLAlchemy, SQLModel and pydantic makes a few hundred thousand objects that live as
    long as the process: the cyclic garbage collector would walk them over and over while they
    are made, and at exit (nearly half a listing's start-up). It is off until the command's work
    begins (`work_begins`), and they are frozen out of its sight (`gc.freeze`)."""
    gc.disable()
    try:
        _run(argv)
    finally:
        gc.freeze()
        gc.enable()


def _run(argv: list[str] | None) -> None:
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
