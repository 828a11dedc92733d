"""`timeline actors import`: the user's actor dictionary entries, from a CSV or Phoenix file.

A command of the `actors` group of timeline.cli, kept apart so that cli.py stays small.
"""

from __future__ import annotations

import click

from timeline.cli import Context, pass_context


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@pass_context
def actors_import(context: Context, path: str) -> None:
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
