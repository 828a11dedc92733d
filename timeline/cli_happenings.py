"""The commands about happenings: `happenings merge` and `happenings split` (the analyst's
corrections, kept across later loads and `--reprocess`). Listing them is `timeline events
--happenings`; `timeline show` lists the mentions of an event's happening. Registered on the
command group by timeline/cli.py."""

from __future__ import annotations

import click


@click.group()
def happenings() -> None:
    """Correct how mentions are grouped into happenings (one real-world occurrence, many reports).

    \b
    Examples:
      timeline events --happenings --min-sources 2
      timeline happenings merge 12 40
      timeline happenings split 12 311
    """


@happenings.command("merge")
@click.argument("keep", type=int)
@click.argument("other", type=int)
@click.pass_obj
def happenings_merge(context, keep, other) -> None:
    """Merge happening OTHER into happening KEEP: its mentions move, and later loads and
    --reprocess keep them one.

    \b
    Example:
      timeline happenings merge 12 40
    """
    from timeline.database.happening_list import merge_happenings

    with context.database(must_exist=True) as db, db.session() as session:
        merge_happenings(session, keep, other)
        session.commit()
    click.echo(f"merged happening {other} into {keep}", err=True)


@happenings.command("split")
@click.argument("happening_id", type=int)
@click.argument("event_id", type=int)
@click.pass_obj
def happenings_split(context, happening_id, event_id) -> None:
    """Take mention EVENT_ID out of happening HAPPENING_ID into a happening of its own; later
    loads and --reprocess keep it apart (a merge by hand still joins it).

    \b
    Example:
      timeline happenings split 12 311
    """
    from timeline.database.happening_list import split_happening

    with context.database(must_exist=True) as db, db.session() as session:
        new = split_happening(session, happening_id, event_id)
        session.commit()
    click.echo(f"event {event_id} is now happening {new}", err=True)
