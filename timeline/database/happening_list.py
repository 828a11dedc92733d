"""Happenings listed, shown and corrected: one row per happening with its counts
(`list_happenings`, `timeline events --happenings`), the mentions of one (`happening_mentions`,
`timeline show`), and the analyst's merges and splits (`merge_happenings`, `split_happening`),
kept as decisions that later loads and `--reprocess` apply (see `timeline.database.happenings`).
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import delete, insert, select, update

from timeline.database.filters import EventFilter, as_connection, filtered
from timeline.database.happenings import APART, MERGE, refresh, regroup
from timeline.database.models import (
    ACTORS,
    ARTICLES,
    EVENTS,
    HAPPENING_DECISIONS,
    HAPPENINGS,
    LOCATIONS,
)
from timeline.errors import InputError


class HappeningSummary(NamedTuple):
    """One happening: what its mentions agree on, and how often it was reported."""

    id: int
    date_start: str | None
    date_end: str | None
    granularity: str | None
    event_code: str
    source: str | None  # the actor most of its mentions have as source
    target: str | None
    place: str | None
    mentions: int
    articles: int
    sources: int  # distinct outlets
    first_reported: str | None
    last_reported: str | None


HAPPENING_COLUMNS = (
    "id",
    "date_start",
    "granularity",
    "event_code",
    "source",
    "target",
    "place",
    "mentions",
    "articles",
    "sources",
    "first_reported",
)


class HappeningMention(NamedTuple):
    """One report of a happening: the event, its article and its words."""

    event_id: int
    article_id: int
    article_title: str | None
    published_at: str | None
    date_start: str | None
    trigger: str
    sentence: str


def list_happenings(connection, flt: EventFilter, min_sources: int = 0) -> list[HappeningSummary]:
    """The happenings that the filter's events report (each once, in date order), with at least
    `min_sources` outlets; the filter's limit counts happenings."""
    connection = as_connection(connection)
    unlimited = EventFilter(**{**flt.__dict__, "limit": None})
    events = filtered(connection, unlimited).order_by(None).with_only_columns(EVENTS.c.happening_id)
    h = HAPPENINGS.c
    source, target = ACTORS.alias(), ACTORS.alias()
    query = (
        select(
            h.id,
            h.date_start,
            h.date_end,
            h.granularity,
            h.event_code,
            source.c.name,
            target.c.name,
            LOCATIONS.c.name,
            h.mentions,
            h.articles,
            h.sources,
            h.first_reported,
            h.last_reported,
        )
        .outerjoin(source, source.c.id == h.source_id)
        .outerjoin(target, target.c.id == h.target_id)
        .outerjoin(LOCATIONS, LOCATIONS.c.id == h.location_id)
        .where(h.id.in_(events), h.sources >= min_sources)
    )
    if flt.order == "-date":
        query = query.order_by(h.date_start.desc(), h.id.desc())
    else:
        query = query.order_by(h.date_start, h.id)
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return [HappeningSummary(*map(_iso, row)) for row in connection.execute(query)]


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def happening_mentions(connection, happening_id: int) -> list[HappeningMention]:
    """Every mention of a happening, in the order of their articles' publication."""
    connection = as_connection(connection)
    e, a = EVENTS.c, ARTICLES.c
    rows = connection.execute(
        select(
            e.id,
            e.article_id,
            a.title,
            a.published_at,
            e.date_start,
            e.trigger,
            e.sentence,
        )
        .join(ARTICLES, a.id == e.article_id)
        .where(e.happening_id == happening_id)
        .order_by(a.published_at, e.article_id, e.trigger_start)
    )
    return [HappeningMention(*map(_iso, row)) for row in rows]


# --- the analyst's decisions -------------------------------------------------------------------


def _require(session, happening_id: int) -> None:
    found = session.scalar(select(HAPPENINGS.c.id).where(HAPPENINGS.c.id == happening_id))
    if found is None:
        raise InputError(f"no happening with id {happening_id}")


def _first_mention(session, happening_id: int, but: int | None = None):
    e = EVENTS.c
    query = select(e.id, e.article_id, e.trigger_start).where(e.happening_id == happening_id)
    if but is not None:
        query = query.where(e.id != but)
    return session.execute(query.order_by(e.id).limit(1)).first()


def merge_happenings(session, keep: int, other: int) -> int:
    """Join happening `other` into `keep` and record it (a link between a mention of each), so
    that later loads and `--reprocess` keep them one; returns `keep`."""
    if keep == other:
        raise InputError(f"happening {keep} cannot be merged with itself")
    _require(session, keep)
    _require(session, other)
    a, b = _first_mention(session, keep), _first_mention(session, other)
    session.execute(
        insert(HAPPENING_DECISIONS).values(
            kind=MERGE,
            article_id=a.article_id,
            trigger_start=a.trigger_start,
            other_article_id=b.article_id,
            other_trigger_start=b.trigger_start,
        )
    )
    session.execute(update(EVENTS).where(EVENTS.c.happening_id == other).values(happening_id=keep))
    session.execute(delete(HAPPENINGS).where(HAPPENINGS.c.id == other))
    refresh(session, {keep})
    return keep


def split_happening(session, happening_id: int, event_id: int) -> int:
    """Take a mention out of its happening into one of its own, and keep it apart from what the
    matcher would join it to (merges made by hand still join it); the rest of the happening is
    regrouped without it. Returns the mention's new happening."""
    _require(session, happening_id)
    e = EVENTS.c
    mention = session.execute(
        select(e.id, e.article_id, e.trigger_start, e.happening_id).where(e.id == event_id)
    ).first()
    if mention is None or mention.happening_id != happening_id:
        raise InputError(f"event {event_id} is not a mention of happening {happening_id}")
    rest = _first_mention(session, happening_id, but=event_id)
    if rest is None:
        raise InputError(f"happening {happening_id} has no other mention than event {event_id}")
    d = HAPPENING_DECISIONS.c
    # merges that named this mention now name the first other mention of its happening
    for prefix in ("", "other_"):
        session.execute(
            update(HAPPENING_DECISIONS)
            .where(
                d.kind == MERGE,
                d[prefix + "article_id"] == mention.article_id,
                d[prefix + "trigger_start"] == mention.trigger_start,
            )
            .values({prefix + "article_id": rest.article_id})
            .values({prefix + "trigger_start": rest.trigger_start})
        )
    session.execute(
        insert(HAPPENING_DECISIONS).values(
            kind=APART, article_id=mention.article_id, trigger_start=mention.trigger_start
        )
    )
    regroup(session, {happening_id})
    return session.scalar(select(e.happening_id).where(e.id == event_id))
