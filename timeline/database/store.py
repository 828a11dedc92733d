"""Store stage: one article's extraction becomes rows, in one transaction.

Re-loading an article with the same text is a no-op (content hash), unless `reprocess` is set, in
which case its expressions and events are replaced. Actors, places and sources are shared across
articles: one row per real actor (canonical name + kind), its other names kept as aliases; an actor
merged into another (`merge_actors`) stays merged, because names are looked up among aliases too.

Writes are bulk statements (no per-row round trips), and shared rows are created with INSERT ... ON
CONFLICT DO NOTHING in a fixed order (sorted keys), so concurrent loaders on PostgreSQL never
duplicate a row and do not deadlock each other; `save` retries a transaction that the database
aborted for a deadlock or a serialization failure.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, delete, insert, select, tuple_, union, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from timeline.database.mentions import resolved_mentions, save_place_mentions
from timeline.database.models import (
    ActorAlias,
    ActorRow,
    ArticleRow,
    EventActor,
    EventCountry,
    EventDyad,
    EventLocation,
    EventRow,
    LocationRow,
    PlaceMentionRow,
    Source,
    TimeExpressionRow,
    fold,
)
from timeline.errors import InputError
from timeline.read.published import moment_granularity
from timeline.records import ActorMention, Event, Extraction, PlaceMention

LOADED, DUPLICATE, REPROCESSED = "loaded", "duplicate", "reprocessed"
# the events table's columns an extracted event fills, each from its field of the same name
EVENT_FIELDS = tuple(
    column.name
    for column in EventRow.__table__.columns
    if column.name in {field.name for field in dataclasses.fields(Event)}
)
RETRIES = 5
# PostgreSQL's codes for "try the transaction again"; SQLite's busy errors are OperationalErrors.
RETRY_SQLSTATES = {"40001", "40P01"}

# Words that refer to an actor without naming it: never recorded as its aliases.
_PRONOUNS = """i me my mine we us our ours you your yours he him his she her hers it its
they them their theirs this that these those who whom whose which"""
PRONOUNS = frozenset(_PRONOUNS.split())


@dataclass
class SaveResult:
    status: str  # loaded / duplicate / reprocessed
    article_id: int
    events: int


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_article(session: Session, text: str) -> ArticleRow | None:
    return session.scalars(
        select(ArticleRow).where(ArticleRow.content_hash == content_hash(text))
    ).first()


def save(session: Session, extraction: Extraction, *, reprocess: bool = False) -> SaveResult:
    """Write one article and everything found in it in one transaction; commits, or rolls back.

    A transaction aborted by the database for a deadlock, a serialization failure or a busy SQLite
    file is retried (with backoff) before the error is raised.
    """
    for attempt in range(RETRIES):
        try:
            result = _save(session, extraction, reprocess)
            session.commit()
            return result
        except DBAPIError as exc:
            session.rollback()
            if attempt + 1 < RETRIES and _retryable(exc):
                time.sleep(0.05 * 2**attempt)
                continue
            raise
        except BaseException:
            session.rollback()
            raise
    raise AssertionError("unreachable")  # pragma: no cover


def _retryable(exc: DBAPIError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in RETRY_SQLSTATES:
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig)


def _save(session: Session, extraction: Extraction, reprocess: bool) -> SaveResult:
    article = extraction.article
    if article.published_at is None:
        raise InputError(f"{article.origin}: no publication time")
    digest = content_hash(article.text)
    existing = session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == digest))
    if existing is not None and not reprocess:
        return SaveResult(DUPLICATE, existing, 0)

    # shared rows first, each kind in sorted order, so that concurrent writers lock alike
    source_id = _source_id(session, article.source)
    actor_ids = actor_ids_for(session, [a for e in extraction.events for a in e.actors])
    located = [p for e in extraction.events for p in e.locations]
    location_ids = location_ids_for(session, located + resolved_mentions(extraction.places))

    fields = {
        "source_id": source_id,
        "title": article.title,
        "url": article.url,
        "published_at": article.published_at,
        "published_granularity": article.published_granularity
        or moment_granularity(article.published_at),
        "origin": article.origin,
    }
    if existing is None:
        article_id = _insert_ignore(
            session,
            ArticleRow,
            [{**fields, "content_hash": digest, "text": article.text}],
            ["content_hash"],
            returning=ArticleRow.id,
        )
        if article_id is None:  # another loader stored the same text meanwhile
            existing = session.scalar(
                select(ArticleRow.id).where(ArticleRow.content_hash == digest)
            )
            return SaveResult(DUPLICATE, existing, 0)
        status = LOADED
    else:
        article_id, status = existing, REPROCESSED
        kept = {k: v for k, v in fields.items() if v is not None}
        session.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(**kept))
        session.execute(delete(EventRow).where(EventRow.article_id == article_id))
        session.execute(delete(TimeExpressionRow).where(TimeExpressionRow.article_id == article_id))
        session.execute(delete(PlaceMentionRow).where(PlaceMentionRow.article_id == article_id))

    expression_ids = _insert_returning(
        session,
        TimeExpressionRow,
        [
            {
                "article_id": article_id,
                "text": e.text,
                "start_char": e.start,
                "end_char": e.end,
                "type": e.type,
                "value": e.value,
                "granularity": e.granularity,
                "date_start": e.date_start,
                "date_end": e.date_end,
                "mod": e.mod,
                "anchor_source": e.anchor_source,
            }
            for e in extraction.expressions
        ],
    )
    by_span = {
        (e.start, e.end): i for e, i in zip(extraction.expressions, expression_ids, strict=True)
    }
    event_ids = _insert_returning(
        session,
        EventRow,
        [
            {
                **{name: getattr(event, name) for name in EVENT_FIELDS},
                "article_id": article_id,
                "time_expression_id": (
                    by_span.get((event.time.start, event.time.end)) if event.time else None
                ),
            }
            for event in extraction.events
        ],
    )
    links, places = [], []
    for event, event_id in zip(extraction.events, event_ids, strict=True):
        seen: set[tuple[int, str]] = set()
        for actor in event.actors:
            key = (actor_ids[actor_key(actor)], actor.role)
            if key in seen:
                continue
            seen.add(key)
            links.append(
                {
                    "event_id": event_id,
                    "actor_id": key[0],
                    "role": actor.role,
                    "text": actor.text or None,
                    "start_char": actor.start if actor.start >= 0 else None,
                    "end_char": actor.end if actor.end >= 0 else None,
                    "title": actor.title,
                    "granularity": event.granularity,
                    "date_start": event.date_start,
                    "date_end": event.date_end,
                }
            )
        seen_places: set[int] = set()
        for place in event.locations:
            location_id = location_ids[location_key(place)]
            if location_id in seen_places:
                continue
            seen_places.add(location_id)
            places.append(
                {
                    "event_id": event_id,
                    "location_id": location_id,
                    "text": place.text or None,
                    "start_char": place.start if place.start >= 0 else None,
                    "end_char": place.end if place.end >= 0 else None,
                    "place_source": place.place_source,
                    "precision": place.precision,
                }
            )
    if links:
        session.execute(insert(EventActor), links)
        rebuild_dyads(session, event_ids)
    if places:
        session.execute(insert(EventLocation), places)
    if links or places:
        rebuild_countries(session, event_ids)
    save_place_mentions(session, article_id, extraction.places, location_ids)
    return SaveResult(status, article_id, len(extraction.events))


def rebuild_dyads(session, event_ids) -> None:
    """Derive the event_dyads rows of these events (a list of ids or a SELECT of them) from their
    actor links: every source actor with every target actor, except an actor on itself, dated as
    the event. (`session`: an ORM session or a Core connection.)"""
    session.execute(delete(EventDyad).where(EventDyad.event_id.in_(event_ids)))
    source, target = EventActor.__table__.alias(), EventActor.__table__.alias()
    pairs = (
        select(
            source.c.event_id,
            source.c.actor_id,
            target.c.actor_id,
            source.c.granularity,
            source.c.date_start,
            source.c.date_end,
        )
        .join(
            target,
            and_(
                target.c.event_id == source.c.event_id,
                target.c.role == "target",
                target.c.actor_id != source.c.actor_id,
            ),
        )
        .where(source.c.role == "source", source.c.event_id.in_(event_ids))
    )
    columns = ["event_id", "source_id", "target_id", "granularity", "date_start", "date_end"]
    session.execute(insert(EventDyad).from_select(columns, pairs))


def rebuild_countries(session, event_ids) -> None:
    """Derive the event_countries rows of these events (a list of ids or a SELECT of them): the
    countries of their places and of their actors, dated as the event. (`session`: an ORM session
    or a Core connection.)"""
    session.execute(delete(EventCountry).where(EventCountry.event_id.in_(event_ids)))
    link, place = EventActor.__table__.c, EventLocation.__table__.c
    actor, location, event = ActorRow.__table__.c, LocationRow.__table__.c, EventRow.__table__.c
    countries = union(
        select(link.event_id, actor.country_code.label("code"))
        .join(ActorRow.__table__, actor.id == link.actor_id)
        .where(link.event_id.in_(event_ids), actor.country_code.is_not(None)),
        select(place.event_id, location.country_code.label("code"))
        .join(LocationRow.__table__, location.id == place.location_id)
        .where(place.event_id.in_(event_ids), location.country_code.is_not(None)),
    ).subquery()
    rows = select(
        countries.c.event_id, countries.c.code, event.granularity, event.date_start, event.date_end
    ).join(EventRow.__table__, event.id == countries.c.event_id)
    columns = ["event_id", "country_code", "granularity", "date_start", "date_end"]
    session.execute(insert(EventCountry).from_select(columns, rows))


# --- bulk helpers ------------------------------------------------------------------------------


def _insert_returning(session: Session, model, rows: list[dict]) -> list[int]:
    """Insert many rows in one statement; their ids in the order given."""
    if not rows:
        return []
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, rows))


def _insert_ignore(
    session: Session, model, rows: list[dict], conflict: list[str], returning=None
) -> int | None:
    """INSERT ... ON CONFLICT DO NOTHING for each row (one statement); with `returning`, the id
    of the single row inserted, or None when it already existed."""
    if not rows:
        return None
    dialect = session.get_bind().dialect.name
    table = model.__table__
    module = postgresql if dialect == "postgresql" else sqlite
    statement = module.insert(table).on_conflict_do_nothing(index_elements=conflict)
    if returning is not None:
        return session.scalar(statement.values(**rows[0]).returning(returning))
    session.execute(statement, rows)
    return None


def _source_id(session: Session, name: str | None) -> int | None:
    if not name:
        return None
    _insert_ignore(session, Source, [{"name": name}], ["name"])
    return session.scalars(select(Source.id).where(Source.name == name)).one()


# --- actors ------------------------------------------------------------------------------------


def actor_key(actor: ActorMention) -> tuple[str, str]:
    return (fold(actor.name), actor.kind)


def _alias_can_identify(alias_key: str, kind: str) -> bool:
    """A surname alone never identifies a person (namesakes stay apart); a full name does."""
    return kind != "person" or len(alias_key.split()) > 1


def actor_ids_for(session: Session, mentions: Iterable[ActorMention]) -> dict[tuple, int]:
    """The row id of every actor mentioned, creating the missing ones; names become aliases."""
    merged: dict[tuple[str, str], ActorMention] = {}
    names: dict[tuple[str, str], set[str]] = {}
    for mention in mentions:
        key = actor_key(mention)
        best = merged.get(key)
        if best is None or _richness(mention) > _richness(best):
            merged[key] = mention
        names.setdefault(key, set()).update(_names_of(mention))
    if not merged:
        return {}
    keys = sorted(merged)
    ids = _known_actor_ids(session, keys)
    missing = [k for k in keys if k not in ids]
    if missing:
        _insert_ignore(
            session,
            ActorRow,
            [
                {
                    "name": merged[k].name,
                    "name_key": k[0],
                    "kind": k[1],
                    "country_code": merged[k].country_code,
                    "code": merged[k].code,
                    "sector": merged[k].sector,
                    "title": merged[k].title,
                }
                for k in missing
            ],
            ["name_key", "kind"],
        )
        ids.update(_known_actor_ids(session, missing))
    _fill_gaps(session, {ids[k]: merged[k] for k in keys})
    aliases = sorted(
        {(ids[k], clean) for k in keys for n in names[k] if _is_alias(clean := _clean_name(n))}
    )
    _insert_ignore(
        session,
        ActorAlias,
        [{"actor_id": i, "alias": a, "alias_key": fold(a)} for i, a in aliases],
        ["actor_id", "alias_key"],
    )
    return ids


def _richness(mention: ActorMention) -> int:
    return sum(v is not None for v in (mention.country_code, mention.code, mention.sector))


def _names_of(mention: ActorMention) -> set[str]:
    names = {mention.name, *mention.aliases}
    if mention.text:
        names.add(mention.text)
    if mention.kind == "country" and mention.country_code:
        names.add(mention.country_code)
    if mention.kind == "person" and len(mention.name.split()) > 1:
        # so that `--actor Lavrov` finds him; a surname alias never merges actors
        names.add(mention.name.split()[-1])
    return names


def _clean_name(name: str) -> str:
    """Spaces collapsed, punctuation trimmed from the ends: "Russia," -> "Russia" (not "U.S.")."""
    return " ".join(name.split()).strip(",;:()[]{}\"'\u201c\u201d\u2018\u2019 ")


NAME_CONNECTORS = frozenset("of the and al el bin ibn de del da di van von la le for".split())


def _is_alias(name: str) -> bool:
    """A name worth recording: a proper name ("Secretary of State Rex Tillerson", "U.S."), not a
    pronoun ("it"; "US" stays) and not a descriptive phrase ("Trump administration official")."""
    words = name.split()
    if not words or len(words) > 6 or name.endswith(("'s", "’s")):
        return False
    if len(words) == 1 and name.lower() in PRONOUNS and not (name.isupper() and len(name) > 1):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in NAME_CONNECTORS for w in words)


def _known_actor_ids(session: Session, keys: list[tuple[str, str]]) -> dict[tuple, int]:
    """Existing actors by canonical name, else by an alias that identifies one actor."""
    found: dict[tuple, int] = {}
    for chunk in _chunks(keys, 400):
        for actor_id, name_key, kind in session.execute(
            select(ActorRow.id, ActorRow.name_key, ActorRow.kind).where(
                tuple_(ActorRow.name_key, ActorRow.kind).in_(chunk)
            )
        ):
            found[(name_key, kind)] = actor_id
    rest = [k for k in keys if k not in found]
    if rest:
        aliases: dict[str, list[tuple[int, str, bool]]] = {}
        for chunk in _chunks(sorted({name_key for name_key, _ in rest}), 400):
            for actor_id, alias_key, kind, confirmed in session.execute(
                select(
                    ActorAlias.actor_id, ActorAlias.alias_key, ActorRow.kind, ActorAlias.confirmed
                )
                .join(ActorRow, ActorRow.id == ActorAlias.actor_id)
                .where(ActorAlias.alias_key.in_(chunk))
            ):
                aliases.setdefault(alias_key, []).append((actor_id, kind, confirmed))
        for name_key, kind in rest:
            # a name the user confirmed wins (whatever its kind); else a full name of that kind
            candidates = {a for a, _, confirmed in aliases.get(name_key, []) if confirmed} or {
                a
                for a, alias_kind, _ in aliases.get(name_key, [])
                if alias_kind == kind and _alias_can_identify(name_key, kind)
            }
            if len(candidates) == 1:
                found[(name_key, kind)] = candidates.pop()
    return found


def _fill_gaps(session: Session, by_id: dict[int, ActorMention]) -> None:
    """Fill what an earlier article did not know (country, code, sector, title)."""
    rows = session.execute(
        select(
            ActorRow.id, ActorRow.country_code, ActorRow.code, ActorRow.sector, ActorRow.title
        ).where(ActorRow.id.in_(list(by_id)))
    )
    for actor_id, country_code, code, sector, title in rows:
        mention = by_id[actor_id]
        values = {}
        for column, stored, new in (
            ("country_code", country_code, mention.country_code),
            ("code", code, mention.code),
            ("sector", sector, mention.sector),
            ("title", title, mention.title),
        ):
            if stored is None and new:
                values[column] = new
        if values:
            session.execute(update(ActorRow).where(ActorRow.id == actor_id).values(**values))
            if "country_code" in values:  # the actor's earlier events now involve that country
                events = select(EventActor.event_id).where(EventActor.actor_id == actor_id)
                rebuild_countries(session, events)


# --- the user's corrections: merge two actors, give one another name ----------------------------


def find_actor(session: Session, name: str) -> ActorRow:
    """The one actor a name denotes (canonical name, else alias); an error if none or several."""
    key = fold(name)
    rows = session.scalars(select(ActorRow).where(ActorRow.name_key == key)).all()
    if not rows:
        by_alias = select(ActorAlias.actor_id).where(ActorAlias.alias_key == key)
        rows = session.scalars(select(ActorRow).where(ActorRow.id.in_(by_alias))).all()
    if not rows:
        raise InputError(f"no actor named {name!r}: see 'timeline actors'")
    if len(rows) > 1:
        choices = "; ".join(f"{r.name} ({r.kind}, id {r.id})" for r in rows)
        raise InputError(f"{name!r} names several actors: {choices}; use the full name")
    return rows[0]


def add_alias(session: Session, actor_id: int, alias: str, *, confirmed: bool = False) -> None:
    alias = _clean_name(alias)
    if not _is_alias(alias):
        raise InputError(f"{alias!r} cannot be an alias")
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    statement = module.insert(ActorAlias).values(
        actor_id=actor_id, alias=alias, alias_key=fold(alias), confirmed=confirmed
    )
    if confirmed:
        statement = statement.on_conflict_do_update(
            index_elements=["actor_id", "alias_key"], set_={"confirmed": True}
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=["actor_id", "alias_key"])
    session.execute(statement)


def alias_actor(session: Session, name: str, alias: str) -> ActorRow:
    """Record `alias` as a confirmed name of the actor `name`; later articles using it join it."""
    actor = find_actor(session, name)
    add_alias(session, actor.id, alias, confirmed=True)
    session.commit()
    return actor


def unalias_actor(session: Session, name: str, alias: str) -> ActorRow:
    """Take the name `alias` from the actor `name`: queries no longer find it by that name, and
    later articles that use it no longer join it for that reason. An actor keeps its own name."""
    actor = find_actor(session, name)
    key = fold(_clean_name(alias))
    if key == actor.name_key:
        raise InputError(f"{alias!r} is the name of {actor.name} (id {actor.id}), not an alias")
    removed = session.execute(
        delete(ActorAlias).where(ActorAlias.actor_id == actor.id, ActorAlias.alias_key == key)
    ).rowcount
    if not removed:
        names = session.scalars(
            select(ActorAlias.alias)
            .where(ActorAlias.actor_id == actor.id, ActorAlias.alias_key != actor.name_key)
            .order_by(ActorAlias.alias)
        ).all()
        session.rollback()
        known = ", ".join(repr(n) for n in names) or "none"
        raise InputError(f"{alias!r} is not an alias of {actor.name} (its aliases: {known})")
    session.commit()
    return actor


def merge_actors(session: Session, keep: str, merge: str) -> ActorRow:
    """Fold actor `merge` into actor `keep`: its events, its aliases and its name move over, and
    the name stays a confirmed alias, so articles loaded later join `keep` too."""
    kept, gone = find_actor(session, keep), find_actor(session, merge)
    if kept.id == gone.id:
        raise InputError(f"{keep!r} and {merge!r} are already the same actor")
    try:
        links = session.execute(
            select(EventActor.event_id, EventActor.role).where(EventActor.actor_id == kept.id)
        ).all()
        already = {(event_id, role) for event_id, role in links}
        for link in session.scalars(select(EventActor).where(EventActor.actor_id == gone.id)):
            if (link.event_id, link.role) in already:
                session.delete(link)
            else:
                link.actor_id = kept.id
        session.flush()
        rebuild_dyads(session, select(EventActor.event_id).where(EventActor.actor_id == kept.id))
        names = set(
            session.scalars(select(ActorAlias.alias).where(ActorAlias.actor_id == gone.id))
        ) | {gone.name}
        session.execute(delete(ActorAlias).where(ActorAlias.actor_id == gone.id))
        session.execute(delete(ActorRow).where(ActorRow.id == gone.id))
        for name in sorted(names):
            if _is_alias(name):
                add_alias(session, kept.id, name, confirmed=name == gone.name)
        for column in ("country_code", "code", "sector", "title"):
            if getattr(kept, column) is None and getattr(gone, column) is not None:
                setattr(kept, column, getattr(gone, column))
        session.flush()
        rebuild_countries(
            session, select(EventActor.event_id).where(EventActor.actor_id == kept.id)
        )
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return kept


# --- places ------------------------------------------------------------------------------------


def location_key(place: PlaceMention) -> str:
    """A place's row: its GeoNames id, else its name and country (and region: a county)."""
    if place.geonames_id is not None:
        return f"geonames:{place.geonames_id}"
    key = f"{fold(place.name)}|{place.country_code or ''}"
    return f"{key}|{fold(place.admin1)}" if place.admin1 else key


def location_ids_for(session: Session, places: Iterable[PlaceMention]) -> dict[str, int]:
    by_key = {location_key(p): p for p in places}
    if not by_key:
        return {}
    keys = sorted(by_key)
    _insert_ignore(
        session,
        LocationRow,
        [
            {
                "key": k,
                "name": by_key[k].name,
                "name_key": fold(by_key[k].name),
                "country_code": by_key[k].country_code,
                "latitude": by_key[k].latitude,
                "longitude": by_key[k].longitude,
                "geonames_id": by_key[k].geonames_id,
                "feature": by_key[k].feature,
                "admin1": by_key[k].admin1,
            }
            for k in keys
        ],
        ["key"],
    )
    ids = {}
    for chunk in _chunks(keys, 400):
        ids.update(
            session.execute(
                select(LocationRow.key, LocationRow.id).where(LocationRow.key.in_(chunk))
            ).all()
        )
    return ids


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]
