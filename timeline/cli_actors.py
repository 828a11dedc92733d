"""The commands about actors and articles: `actors` (list, merge, alias, unalias, show, import)
and `articles`. Registered on the command group by timeline/cli.py."""

from __future__ import annotations

import sys

import click

from timeline.cli_options import (
    RECORD_FORMATS,
    count_mentions_option,
    counted_rows,
    filter_options,
    make_filter,
    output_options,
    table_width,
    wide_option,
)


@click.group(invoke_without_command=True)
@click.option("--top", type=click.IntRange(min=1), help="Only the N actors with most happenings.")
@filter_options
@count_mentions_option
@output_options("table")
@wide_option
@click.pass_context
def actors(ctx, top, count_mentions, fmt, wide, **options) -> None:
    """List actors with their kind, country, CAMEO code, aliases and the number of happenings
    they take part in (--count-mentions: of events, every report counted); with filters, only
    the events that match are counted.

    \b
    Examples:
      timeline actors --top 20 --since 2017-04
      timeline actors merge "Vladimir Putin" "Putin V."
      timeline actors alias "Rex Tillerson" "Secretary Tillerson"
      timeline actors unalias "Rex Tillerson" "Secretary Tillerson"
      timeline actors show "Rex Tillerson"
    """
    if ctx.invoked_subcommand is not None:
        return
    from timeline.database.aggregates import ActorCount, list_actors
    from timeline.outputs.formatting import write_rows

    flt = make_filter(options, or_none=True)
    with ctx.obj.database(must_exist=True) as db, db.connect() as connection:
        rows = list_actors(connection, top, flt, mentions=count_mentions)
    rows, fields = counted_rows(rows, ActorCount._fields, count_mentions)
    write_rows(rows, fields, fmt, sys.stdout, width=table_width(wide))


@actors.command("merge")
@click.argument("keep")
@click.argument("merge")
@click.pass_obj
def actors_merge(context, keep, merge) -> None:
    """Merge actor MERGE into actor KEEP: events and aliases move, MERGE's name becomes an alias,
    and articles loaded later that name MERGE join KEEP."""
    from timeline.database.actors import merge_actors

    with context.database(must_exist=True) as db, db.session() as session:
        kept = merge_actors(session, keep, merge)
    click.echo(f"merged {merge!r} into {kept.name} (id {kept.id})", err=True)


@actors.command("alias")
@click.argument("name")
@click.argument("alias")
@click.pass_obj
def actors_alias(context, name, alias) -> None:
    """Give actor NAME another name, ALIAS: queries find it by ALIAS, and later articles that use
    ALIAS join this actor."""
    from timeline.database.actors import alias_actor

    with context.database(must_exist=True) as db, db.session() as session:
        actor = alias_actor(session, name, alias)
    click.echo(f"{alias!r} is now an alias of {actor.name} (id {actor.id})", err=True)


@actors.command("unalias")
@click.argument("name")
@click.argument("alias")
@click.pass_obj
def actors_unalias(context, name, alias) -> None:
    """Take the name ALIAS from actor NAME (one it was given by mistake): queries no longer find
    the actor by ALIAS, and later articles that use ALIAS no longer join it for that reason.

    \b
    Example:
      timeline actors unalias "Rex Tillerson" "Secretary Tillerson"
    """
    from timeline.database.actors import unalias_actor

    with context.database(must_exist=True) as db, db.session() as session:
        actor = unalias_actor(session, name, alias)
    click.echo(f"{alias!r} is no longer an alias of {actor.name} (id {actor.id})", err=True)


@actors.command("show")
@click.argument("name")
@output_options("text", choices=RECORD_FORMATS)
@click.pass_obj
def actors_show(context, name, fmt) -> None:
    """One actor in full: kind, country, code and the dates of its events, its other names (those
    confirmed with merge or alias marked), and its events by role and by year.

    \b
    Example:
      timeline actors show "Rex Tillerson" --format json
    """
    from timeline.database.aggregates import actor_profile
    from timeline.outputs.view import write_actor

    with context.database(must_exist=True) as db, db.connect() as connection:
        profile = actor_profile(connection, name)
    write_actor(profile, fmt, sys.stdout)


# the columns of the articles table (JSON and CSV: every field)
ARTICLE_TABLE_COLUMNS = ("id", "published_at", "published_granularity", "source", "events", "title")


@click.command()
@filter_options
@output_options("table")
@wide_option
@click.pass_obj
def articles(context, fmt, wide, **options) -> None:
    """List the stored articles by publication time, with their number of events; with filters,
    only the articles that have events that match, counted among those (--limit: articles).

    \b
    Examples:
      timeline articles
      timeline articles --actor Russia --type 19 --format json
      timeline articles --since 2017-04 --order -date --limit 10
    """
    from timeline.database.aggregates import ArticleCount, list_articles
    from timeline.outputs.formatting import write_rows

    flt = make_filter(options, or_none=True)
    limit, descending = options["limit"], options["order"] == "-date"
    with context.database(must_exist=True) as db, db.connect() as connection:
        rows = list_articles(connection, flt, limit=limit, descending=descending)
    columns = ArticleCount._fields if fmt in ("json", "jsonl", "csv") else ARTICLE_TABLE_COLUMNS
    write_rows(rows, columns, fmt, sys.stdout, width=table_width(wide))


@actors.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.pass_obj
def actors_import(context, path: str) -> None:
    """Add or override actor dictionary entries from PATH: CSV with the columns name, aliases
    (separated by |), code, from, until (ISO dates, empty for open), or the Phoenix format.
    Later loads and --reprocess use them, over the shipped dictionary (which stops in 2017).

    \b
    Example:
      timeline actors import leaders.csv
    """
    from timeline.database.actors import import_entries

    with context.database() as db, db.session() as session:
        entries, rows = import_entries(session, path)
    click.echo(f"imported {entries} actors ({rows} dated codes) from {path}", err=True)
