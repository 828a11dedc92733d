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
from timeline.cli_options import (
    INPUT_FORMATS,
    RECORD_FORMATS,
    count_mentions_option,
    counted_rows,
    date_order_option,
    filter_options,
    make_filter,
    output_options,
    published_option,
    table_width,
    wide_option,
)
from timeline.errors import InputError, TimelineError, UsageError
from timeline.outputs import BINARY_FORMATS, EXPORT_FORMATS

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


class OneLineUsageError(click.ClickException):
    """A value the user typed that cannot mean anything: one line (what would be valid), exit 2."""

    exit_code = 2


class TimelineGroup(click.Group):
    """Turns every error raised by a command into one line on stderr and exit status 1 (2 for a
    value typed on the command line that cannot mean anything)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            if _debug(ctx):
                raise
            raise OneLineUsageError(str(exc)) from None
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


# --- shared options: timeline/cli_options.py -------------------------------------------------


def read_one(path: str, published: str | None, date_order: str | None = None):
    """The single article of FILE or - (stdin) for `dates` and `extract`."""
    from timeline.read import iter_articles, parse_publication

    work_begins()
    given = parse_publication(published, date_order) if published else None
    items = list(
        iter_articles(
            [path],
            published=given.moment if given else None,
            published_granularity=given.granularity if given else None,
            date_order=date_order,
        )
    )
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
@date_order_option
@click.option("--source", help="The outlet that published the articles.")
@click.option("--reprocess", is_flag=True, help="Extract again articles that are already stored.")
@click.option(
    "--progress",
    "progress_lines",
    is_flag=True,
    help="When stderr is not a terminal, print how far the load is every few seconds "
    "(on a terminal a progress bar is always shown).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes for the language analysis (one writer stores in input order).",
)
@pass_context
def load(
    context,
    paths,
    input_format,
    format_alias,
    published,
    date_order,
    source,
    reprocess,
    progress_lines,
    workers,
) -> None:
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
    from timeline.outputs.progress import LoadProgress
    from timeline.pipeline import load_articles
    from timeline.read import count_articles, iter_articles, parse_publication

    if input_format and format_alias and input_format != format_alias:
        raise click.UsageError("--format is the old name of --input-format: give one of them")
    given = parse_publication(published, date_order) if published else None
    interactive = stderr_is_terminal()
    started = time.perf_counter()
    progress = None
    if interactive or progress_lines:
        total = count_articles(list(paths), input_format or format_alias)
        progress = LoadProgress(sys.stderr, total=total, interactive=interactive)
        progress.begin()

    def on_error(message: str) -> None:
        if progress:
            progress.clear()
        click.echo(f"Error: {message}", err=True)

    def on_progress(summary) -> None:
        if progress:
            progress.update(summary.articles, summary.events)

    with context.database() as db:
        items = iter_articles(
            list(paths),
            format=input_format or format_alias,
            published=given.moment if given else None,
            source=source,
            stdin=sys.stdin.buffer,
            published_granularity=given.granularity if given else None,
            date_order=date_order,
        )
        summary = load_articles(
            db,
            items,
            reprocess=reprocess,
            workers=workers,
            on_error=on_error,
            on_progress=on_progress,
        )
    if progress:
        progress.clear()
    elapsed = time.perf_counter() - started
    click.echo(f"{summary.line()} ({elapsed:.1f} s)", err=True)
    if summary.failed:
        sys.exit(1)


@cli.command()
@click.argument("path")
@published_option
@date_order_option
@output_options("table")
@click.option(
    "--no-parse", is_flag=True, help="Skip the spaCy parse (faster; tense from nearby words)."
)
def dates(path, published, date_order, fmt, no_parse) -> None:
    """Print every temporal expression in FILE (or - for stdin), resolved against --published.

    \b
    Example:
      echo "Tillerson arrives in Moscow on Tuesday." | timeline dates - --published 2017-04-07
    """
    from timeline.outputs.expressions import write_expressions
    from timeline.pipeline import find_dates, require_published

    article = read_one(path, published, date_order)
    require_published(article)
    doc = None
    if not no_parse:
        from timeline.nlp.model import parse

        doc = parse(article.text)
    write_expressions(find_dates(article, doc), fmt, sys.stdout)


@cli.command()
@click.argument("path")
@published_option
@date_order_option
@output_options("json")
def extract(path, published, date_order, fmt) -> None:
    """Print the events of one text (FILE or -) without storing anything.

    \b
    Example:
      timeline extract seeds/tillerson-moscow-2017.txt --published 2017-04-07
    """
    from timeline.database.record import extracted_records
    from timeline.outputs.events import write_events
    from timeline.pipeline import extract as run_extract

    article = read_one(path, published, date_order)
    write_events(extracted_records(run_extract(article)), fmt, sys.stdout)


@cli.command()
@filter_options
@click.option(
    "--happenings",
    "by_happening",
    is_flag=True,
    help="One row per happening the events report (many articles, one occurrence), with its "
    "counts of mentions, articles and sources.",
)
@click.option(
    "--min-sources",
    type=click.IntRange(min=0),
    default=0,
    help="With --happenings: only happenings reported by at least N outlets.",
)
@output_options("table")
@wide_option
@pass_context
def events(context, by_happening, min_sources, fmt, wide, **options) -> None:
    """List stored events that match the filters (--happenings: the happenings they report).

    Dates are intervals: an event matches --since/--until when its interval overlaps them. In the
    table, a date marked * is the article's publication date (no date was found in the text).

    \b
    Examples:
      timeline events --actor Tillerson
      timeline events --since 2017-04-10 --until 2017-04-16 --format json
      timeline events --type 19 --country SYR
      timeline events --between "United States" Russia --on 2017-04
      timeline events --since "last month" --text "cruise missiles"
      timeline events --happenings --min-sources 2
    """
    from timeline.database.listing import iter_events
    from timeline.outputs.events import write_events

    if min_sources and not by_happening:
        raise OneLineUsageError("--min-sources counts a happening's outlets: add --happenings")
    flt = make_filter(options)
    with context.database(must_exist=True) as db, db.connect() as connection:
        if by_happening:
            from timeline.database.happening_list import HAPPENING_COLUMNS, list_happenings
            from timeline.outputs.formatting import write_rows

            rows = list_happenings(connection, flt, min_sources)
            write_rows(rows, HAPPENING_COLUMNS, fmt, sys.stdout, width=table_width(wide))
            return
        write_events(iter_events(connection, flt), fmt, sys.stdout, width=table_width(wide))


@cli.command("timeline")
@filter_options
@count_mentions_option
@click.pass_context
def timeline_view(ctx, count_mentions, **options) -> None:
    """The happenings as a timeline, each at its first mention with its number of reports
    (--count-mentions: every event): grouped by day, week, month or year following each event's
    granularity, uncertain ones marked ([planned], [dated by publication] ...). Colour on a
    terminal unless NO_COLOR is set; plain text when piped.

    \b
    Examples:
      timeline timeline --actor Tillerson
      timeline timeline --between "United States" Russia --on 2017-04
    """
    from timeline.database.listing import iter_events
    from timeline.outputs.events import one_per_happening
    from timeline.outputs.view import write_timeline

    flt = make_filter(options)
    with ctx.obj.database(must_exist=True) as db, db.connect() as connection:
        events = iter_events(connection, flt)
        if not count_mentions:
            events = one_per_happening(events)
        write_timeline(events, sys.stdout, color=ctx.color)


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
      parquet  the CSV's columns, typed: dates, numbers, lists (needs -o FILE)
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
      timeline export --format parquet -o events.parquet --no-statements
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
@count_mentions_option
@pass_context
def chart(context, by, output, width, height, top, title, count_mentions, **options) -> None:
    """Draw counts of happenings as a PNG (--count-mentions: of events, every report counted):
    per day/week/month/year or per actor, stacked by quad class (verbal/material
    cooperation/conflict). A happening counts at its first mention in date order.

    \b
    Examples:
      timeline chart --by week --actor Russia -o events.png
      timeline chart --by actor --top 10 --since 2017-04 -o actors.png
    """
    from timeline.database.listing import iter_events
    from timeline.outputs.chart import write_chart
    from timeline.outputs.events import one_per_happening

    flt = make_filter(options)
    with context.database(must_exist=True) as db, db.connect() as connection:
        events = iter_events(connection, flt)
        if not count_mentions:
            events = one_per_happening(events)
        counts = write_chart(events, by, output, width=width, height=height, top=top, title=title)
    total = sum(sum(q.values()) for q in counts.values())
    unit = "events" if count_mentions else "happenings"
    click.echo(f"chart of {total} {unit} in {len(counts)} bars written to {output}", err=True)


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


@cli.command()
@click.option("--top", type=click.IntRange(min=1), help="Only the N pairs with most happenings.")
@filter_options
@count_mentions_option
@output_options("table")
@wide_option
@pass_context
def dyads(context, top, count_mentions, fmt, wide, **options) -> None:
    """Pairs of actors (who acts -> on whom) with counts of happenings by quad class
    (--count-mentions: of events, every report counted).

    \b
    Example:
      timeline dyads --top 10 --since 2017-04
    """
    from timeline.database.aggregates import DyadCount, list_dyads
    from timeline.outputs.formatting import write_rows

    flt = make_filter(options, or_none=True)
    with context.database(must_exist=True) as db, db.connect() as connection:
        rows = list_dyads(connection, top, flt, mentions=count_mentions)
    rows, fields = counted_rows(rows, DyadCount._fields, count_mentions)
    write_rows(rows, fields, fmt, sys.stdout, width=table_width(wide))


@cli.command()
@click.option("--top", type=click.IntRange(min=1), help="Only the N places with most events.")
@click.option("--mentions", is_flag=True, help="Every place each article names, with its span.")
@click.option("--article", "article_id", type=int, help="With --mentions: one article's.")
@output_options("table")
@wide_option
@pass_context
def places(context, top, mentions, article_id, fmt, wide) -> None:
    """List places with their country, coordinates and event counts; --mentions: every place
    each article names (text, character offsets, resolved place).

    \b
    Examples: timeline places --top 10 --format csv
              timeline places --mentions --article 1 --format json
    """
    from timeline.database.aggregates import PlaceCount, list_places
    from timeline.database.mentions import iter_mentions
    from timeline.outputs.formatting import write_mentions, write_rows

    if article_id is not None and not mentions:
        raise click.UsageError("--article lists one article's mentions: add --mentions")
    with context.database(must_exist=True) as db, db.connect() as connection:
        if not mentions:
            rows = list_places(connection, top)
            return write_rows(rows, PlaceCount._fields, fmt, sys.stdout, width=table_width(wide))
        write_mentions(iter_mentions(connection, article_id), fmt, sys.stdout)


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


# the actors group (list, merge, alias, unalias, show) and the articles listing
from timeline.cli_actors import actors, articles  # noqa: E402

cli.add_command(actors)
cli.add_command(articles)

# corrections of the grouping into happenings (merge, split)
from timeline.cli_happenings import happenings  # noqa: E402

cli.add_command(happenings)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


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
