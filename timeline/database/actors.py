"""The store of actors: one row per real actor across articles, its names (aliases), its dated
codes (`actor_codes`), the user's corrections (`merge_actors`, `alias_actor`) and the user's actor
dictionary (`import_entries`, `user_entries`: entries laid over the shipped one by later loads).

An actor is found again by its canonical name and kind, else by a name the user confirmed, else
by a name that identifies one actor of that kind: the mention's name or one of its other full
names that is the actor's name or one of its aliases. A surname alone never identifies a person:
an article that only says "Assad" joins the actor "Bashar Assad" only by a full name the actor
dictionary gives it or by a name the user gave (`timeline actors merge`/`alias`), else whichever
article came first would decide.
The lookup goes both ways ("Barack H. Obama" joins "Barack Obama" whichever came first; the actor
dictionary's name of a known actor is among its aliases), and an actor's name becomes the
fullest one any article gave it, so that the order articles are loaded in changes nothing. What
an article says about an actor (country, code, sector, title) is kept on each event's link; the
actor's own row takes, of the values articles gave it, the first in sort order, and for an actor
the dictionary knows, the code it holds as far as the dictionary knows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import delete, insert, select, text, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from timeline.database.bulk import chunks, insert_ignore, rebuild_countries, rebuild_dyads
from timeline.database.models import ActorAlias, ActorCode, ActorRow, EventActor, fold
from timeline.errors import InputError
from timeline.records import ActorMention

# Words that refer to an actor without naming it: never recorded as its aliases.
_PRONOUNS = """i me my mine we us our ours you your yours he him his she her hers it its
they them their theirs this that these those who whom whose which"""
PRONOUNS = frozenset(_PRONOUNS.split())


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
    identifying = {k: _identifying(k, names[k]) for k in keys}
    _lock_names(session, set().union(*identifying.values()))
    ids = _known_actor_ids(session, keys, identifying)
    missing = [k for k in keys if k not in ids]
    if missing:
        insert_ignore(
            session,
            ActorRow,
            [{"name_key": k[0], "kind": k[1], **_own_fields(merged[k])} for k in missing],
            ["name_key", "kind"],
        )
        ids.update(_known_actor_ids(session, missing, identifying))
    _fullest_names(session, {ids[k]: merged[k] for k in keys})
    _fill_gaps(session, {ids[k]: merged[k] for k in keys})
    _store_codes(session, {ids[k]: merged[k].roles for k in keys if merged[k].roles})
    aliases = sorted(
        {(ids[k], clean) for k in keys for n in names[k] if _is_alias(clean := _clean_name(n))}
    )
    insert_ignore(
        session,
        ActorAlias,
        [{"actor_id": i, "alias": a, "alias_key": fold(a)} for i, a in aliases],
        ["actor_id", "alias_key"],
    )
    return ids


def _lock_names(session: Session, names: set[str]) -> None:
    """On PostgreSQL, hold a lock on each name until the transaction ends, taken in one order:
    two loaders storing mentions of one actor by different names ("Tillerson", the dictionary's
    "Rex Tillerson") at the same time find it one after the other, as one loader would, instead
    of each creating it. (SQLite has one writer at a time.)"""
    if not names or session.get_bind().dialect.name != "postgresql":
        return
    numbers = sorted(
        {int.from_bytes(hashlib.blake2b(n.encode(), digest_size=8).digest(), "big", signed=True)
         for n in names}
    )  # fmt: skip
    session.execute(
        text(
            "SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS k ORDER BY k"
        ),
        {"keys": numbers},
    )


def _identifying(key: tuple[str, str], names: set[str]) -> set[str]:
    """The keys of a mention's names that identify one actor: its name, and its other names
    that are proper names (a person's full names only)."""
    found = {key[0]}
    for name in names:
        clean = _clean_name(name)
        if _is_alias(clean) and _alias_can_identify(fold(clean), key[1]):
            found.add(fold(clean))
    return found


def _name_order(name: str) -> tuple:
    """The fullest name first (most words, then longest), then in alphabetical order."""
    return (-len(name.split()), -len(name), name)


def _fullest_names(session: Session, by_id: dict[int, ActorMention]) -> None:
    """A person or an organisation takes the fullest name an article gives it ("Barack H.
    Obama" over "Barack Obama"), its earlier name staying an alias, unless another actor of its
    kind has that name or the user named it (an actor with a confirmed alias keeps its name)."""
    curated = set(
        session.scalars(
            select(ActorAlias.actor_id).where(
                ActorAlias.actor_id.in_(sorted(by_id)), ActorAlias.confirmed
            )
        )
    )
    rows = session.execute(
        select(ActorRow.id, ActorRow.name, ActorRow.kind).where(ActorRow.id.in_(sorted(by_id)))
    ).all()
    for actor_id, name, kind in rows:
        mention = by_id[actor_id]
        new = mention.name
        if (
            kind != mention.kind
            or kind not in ("person", "organization")
            or actor_id in curated
            or _name_order(new) >= _name_order(name)
        ):
            continue
        taken = session.scalar(
            select(ActorRow.id).where(ActorRow.name_key == fold(new), ActorRow.kind == kind)
        )
        if taken is not None and taken != actor_id:
            continue
        session.execute(
            update(ActorRow).where(ActorRow.id == actor_id).values(name=new, name_key=fold(new))
        )
        if _is_alias(name):
            add_alias(session, actor_id, name)


def _store_codes(session: Session, roles: dict[int, tuple]) -> None:
    """The dated codes the dictionary gives these actors, as the latest article found them: an
    actor's rows are replaced when they differ (the user may have imported new entries since).
    The actors' rows are locked first, in id order, so that concurrent loaders write one set."""
    if not roles:
        return
    ids = sorted(roles)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(ActorRow.id).where(ActorRow.id.in_(ids)).with_for_update())
    stored: dict[int, set] = {}
    for chunk in chunks(ids, 400):
        for row in session.execute(
            select(
                ActorCode.actor_id,
                ActorCode.code,
                ActorCode.date_from,
                ActorCode.date_until,
                ActorCode.origin,
            ).where(ActorCode.actor_id.in_(chunk))
        ):
            stored.setdefault(row[0], set()).add(tuple(row[1:]))
    changed = [i for i in ids if stored.get(i, set()) != {tuple(r) for r in roles[i]}]
    if not changed:
        return
    session.execute(delete(ActorCode).where(ActorCode.actor_id.in_(changed)))
    session.execute(
        insert(ActorCode),
        [
            {
                "actor_id": i,
                "code": role.code,
                "date_from": role.start,
                "date_until": role.end,
                "origin": role.origin,
            }
            for i in changed
            for role in roles[i]
        ],
    )


def _richness(mention: ActorMention) -> int:
    return sum(v is not None for v in (mention.country_code, mention.code, mention.sector))


def _names_of(mention: ActorMention) -> set[str]:
    names = {mention.name, *mention.aliases}
    if mention.kind == "group":  # "police", "Russia military": its words describe, never name
        return {mention.name}
    if mention.text and mention.kind != "country":
        # a country's words may be a place standing for it ("Springfield", "Moscow"): its names
        # are those the article gives it as such (its aliases), never a town
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


def _known_actor_ids(
    session: Session, keys: list[tuple[str, str]], identifying: dict[tuple, set[str]]
) -> dict[tuple, int]:
    """Existing actors by canonical name and kind, else by a name the user confirmed (whatever its
    kind), else by a name identifying one actor of that kind (see the module docstring)."""
    found: dict[tuple, int] = {}
    for chunk in chunks(keys, 400):
        for actor_id, name_key, kind in session.execute(
            select(ActorRow.id, ActorRow.name_key, ActorRow.kind).where(
                tuple_(ActorRow.name_key, ActorRow.kind).in_(chunk)
            )
        ):
            found[(name_key, kind)] = actor_id
    rest = [k for k in keys if k not in found]
    if not rest:
        return found
    wanted = sorted(set().union(*(identifying[k] for k in rest)))
    # (actor, kind, confirmed) of each name key: the actors' names and their aliases
    named: dict[str, set[tuple[int, str, bool]]] = {}
    for chunk in chunks(wanted, 400):
        for actor_id, alias_key, kind, confirmed in session.execute(
            select(ActorAlias.actor_id, ActorAlias.alias_key, ActorRow.kind, ActorAlias.confirmed)
            .join(ActorRow, ActorRow.id == ActorAlias.actor_id)
            .where(ActorAlias.alias_key.in_(chunk))
        ):
            named.setdefault(alias_key, set()).add((actor_id, kind, confirmed))
        for actor_id, name_key, kind in session.execute(
            select(ActorRow.id, ActorRow.name_key, ActorRow.kind).where(
                ActorRow.name_key.in_(chunk)
            )
        ):
            named.setdefault(name_key, set()).add((actor_id, kind, False))
    for key in rest:
        name_key, kind = key
        confirmed = {a for a, _, sure in named.get(name_key, ()) if sure}
        # "Assad" alone identifies no one; a full name the dictionary gives it does
        by = (
            identifying[key]
            if _alias_can_identify(name_key, kind)
            else identifying[key] - {name_key}
        )
        candidates = confirmed or {
            a for k in by for a, their, _ in named.get(k, ()) if their == kind
        }
        if len(candidates) == 1:
            found[key] = candidates.pop()
    return found


def _own_fields(mention: ActorMention) -> dict:
    """A new actor's row as its first mention gives it (the dictionary's code for an actor it
    knows, as `_fill_gaps` keeps it)."""
    from timeline.nlp.actors.dictionary import code_country, code_on, code_sector

    known = code_on(mention.roles, None)
    if known:
        return {
            "name": mention.name,
            "country_code": code_country(known),
            "code": known,
            "sector": code_sector(known),
            "title": mention.title,
        }
    return {
        "name": mention.name,
        "country_code": mention.country_code,
        "code": mention.code,
        "sector": mention.sector,
        "title": mention.title,
    }


def _fill_gaps(session: Session, by_id: dict[int, ActorMention]) -> None:
    """What articles say about an actor (country, code, sector, title): of the values they gave,
    the row keeps the first in sort order, whatever order they came in; an actor the dictionary
    knows has the code it holds as far as the dictionary knows (and its country)."""
    from timeline.nlp.actors.dictionary import code_country, code_on, code_sector

    rows = session.execute(
        select(
            ActorRow.id, ActorRow.country_code, ActorRow.code, ActorRow.sector, ActorRow.title
        ).where(ActorRow.id.in_(sorted(by_id)))
    )
    moved: list[int] = []  # actors whose country changed
    for actor_id, country_code, code, sector, title in rows:
        mention = by_id[actor_id]
        known = code_on(mention.roles, None)
        values = {}
        if known:  # the dictionary's, whatever the article
            for column, stored, new in (
                ("country_code", country_code, code_country(known)),
                ("code", code, known),
                ("sector", sector, code_sector(known)),
            ):
                if new != stored:
                    values[column] = new
        for column, stored, new in (
            ("country_code", country_code, mention.country_code),
            ("code", code, mention.code),
            ("sector", sector, mention.sector),
            ("title", title, mention.title),
        ):
            if (
                column not in values
                and new
                and (stored is None or new < stored)
                and not (known and column != "title")
            ):
                values[column] = new
        if values:
            session.execute(update(ActorRow).where(ActorRow.id == actor_id).values(**values))
            if "country_code" in values:
                moved.append(actor_id)
    if moved:  # their events whose article gave them no country
        events = select(EventActor.event_id).where(
            EventActor.actor_id.in_(moved), EventActor.country_code.is_(None)
        )
        if session.execute(events.limit(1)).first() is not None:
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


# --- the user's actor dictionary -----------------------------------------------------------------


def import_entries(session: Session, path: str) -> tuple[int, int]:
    """Store the entries of a dictionary file (`timeline.nlp.actors.entries`: CSV or the Phoenix
    format), replacing the user's earlier entries of the same names; (entries, rows). A file with
    bad rows is refused whole, with one line per bad row."""
    from datetime import date

    from timeline.database.models import ActorEntry
    from timeline.nlp.actors.entries import read_entries

    try:
        with open(path, encoding="utf-8-sig") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc})") from None
    rows, errors = read_entries(text, path)
    if errors:
        errors.append(f"{path}: nothing imported ({len(errors)} bad rows)")
        raise InputError("\n".join(errors))
    if not rows:
        raise InputError(f"{path}: no entries")
    names = sorted({fold(name) for name, *_ in rows})
    try:
        for chunk in chunks(names, 400):
            session.execute(delete(ActorEntry).where(ActorEntry.name_key.in_(chunk)))
        session.execute(
            insert(ActorEntry),
            [
                {
                    "name": name,
                    "name_key": fold(name),
                    "aliases": aliases,
                    "code": code,
                    "date_from": date.fromisoformat(start) if start else None,
                    "date_until": date.fromisoformat(end) if end else None,
                }
                for name, aliases, code, start, end in rows
            ],
        )
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return len(names), len(rows)


def user_entries(session) -> list[tuple[str, str, str, str, str]]:
    """The user's dictionary entries, as rows of (name, aliases, code, from, until): what the
    actors stage lays over the shipped dictionary (`use_user_entries`)."""
    from timeline.database.models import ActorEntry

    rows = session.execute(
        select(
            ActorEntry.name,
            ActorEntry.aliases,
            ActorEntry.code,
            ActorEntry.date_from,
            ActorEntry.date_until,
        ).order_by(ActorEntry.id)
    )
    return [
        (name, aliases, code, start.isoformat() if start else "", end.isoformat() if end else "")
        for name, aliases, code, start, end in rows
    ]
