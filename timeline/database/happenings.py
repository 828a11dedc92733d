"""Store side of happenings: each stored event (a mention) joins the happening it reports.

When an article is stored, its events are compared with the events already stored that share an
actor or a place with them within the matcher's date reach (looked up by index) and with each
other (`timeline.nlp.same_happening`). Mentions linked are one
happening: the happenings their candidates belong to are merged into one (the lowest id) and the
new mentions join it, or a new happening starts. Since links depend on the two mentions only, the
groups are the connected groups of all mentions stored, whatever the order of loading.

`--reprocess` removes an article's events: the happenings they belonged to are regrouped among
their remaining mentions (split where nothing links them any more), and the new events are
grouped as above. The analyst's decisions (`happening_decisions`: merge two mentions, keep one
apart) are links or cuts that every grouping applies; they name a mention by its article and
trigger offset, so they survive `--reprocess`.

On PostgreSQL every grouping holds one transaction-level advisory lock, so that concurrent
loaders see each other's mentions.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import and_, delete, insert, or_, select, text, update

from timeline.database.filters import MAX_SPAN_DAYS
from timeline.database.models import (
    ARTICLES,
    EVENT_ACTORS,
    EVENT_LOCATIONS,
    EVENTS,
    HAPPENING_DECISIONS,
    HAPPENINGS,
    LOCATIONS,
)
from timeline.nlp.same_happening import (
    REACH,
    REPORT_LAG,
    WEAK_SOURCES,
    Mention,
    compatible_roots,
    interval,
    same_happening,
    sentence_names,
    sentence_words,
)

LOCK_KEY = 0x68617070  # the advisory lock that serializes grouping on PostgreSQL
CHUNK = 500
MERGE, APART = "merge", "apart"


def _lock(session) -> None:
    bind = session if hasattr(session, "dialect") else session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})


def _chunks(items, size: int = CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- mentions ----------------------------------------------------------------------------------


def load_mentions(session, event_ids) -> dict[int, tuple[Mention, int | None]]:
    """The stored events as the matcher sees them, with the happening each is in."""
    e, a = EVENTS.c, ARTICLES.c
    rows, actors, places = [], {}, {}
    for chunk in _chunks(sorted(set(event_ids))):
        rows += session.execute(
            select(
                e.id, e.article_id, e.sentence_start, e.event_code, e.lemma, e.status,
                e.granularity, e.date_start, e.date_end, e.date_source, a.published_at,
                e.sentence, e.happening_id,
            )
            .join(ARTICLES, a.id == e.article_id)
            .where(e.id.in_(chunk))
        ).all()  # fmt: skip
        # the country the article gave the actor there (an actor's own may change later)
        link = EVENT_ACTORS.c
        for event_id, actor_id, role, country in session.execute(
            select(link.event_id, link.actor_id, link.role, link.country_code).where(
                link.event_id.in_(chunk)
            )
        ):
            actors.setdefault(event_id, []).append((actor_id, role, country))
        place, location = EVENT_LOCATIONS.c, LOCATIONS.c
        for event_id, location_id, country, lat, lon, feature in session.execute(
            select(
                place.event_id,
                place.location_id,
                location.country_code,
                location.latitude,
                location.longitude,
                location.feature,
            )
            .join(LOCATIONS, location.id == place.location_id)
            .where(place.event_id.in_(chunk))
        ):
            if feature == "country":  # a whole country is no point to measure from
                lat = lon = None
            places.setdefault(event_id, []).append((location_id, country, lat, lon))
    found = {}
    for row in rows:
        who, where = actors.get(row.id, []), places.get(row.id, [])

        def role(name, who=who):
            return frozenset(x for x, r, _ in who if r == name)

        def countries(name, who=who):
            return frozenset(c for _, r, c in who if r == name and c)

        mention = Mention(
            event_id=row.id,
            article_id=row.article_id,
            sentence_start=row.sentence_start,
            code=row.event_code,
            lemma=row.lemma,
            status=row.status,
            granularity=row.granularity,
            date_start=row.date_start,
            date_end=row.date_end,
            date_source=row.date_source,
            published=row.published_at.date() if row.published_at else None,
            sources=role("source"),
            targets=role("target"),
            source_countries=countries("source"),
            target_countries=countries("target"),
            places=frozenset(x for x, *_ in where),
            place_countries=frozenset(c for _, c, *_ in where if c),
            points=tuple((lat, lon) for *_, lat, lon in where if lat is not None),
            words=sentence_words(row.sentence),
            names=sentence_names(row.sentence),
        )
        found[row.id] = (mention, row.happening_id)
    return found


def _reach(mentions, pad: timedelta) -> tuple[date | None, date | None, bool]:
    """The date window of these mentions' intervals widened by `pad` (and whether undated
    mentions are among them)."""
    spans = [interval(m) for m in mentions]
    dated = [s for s in spans if s is not None]
    if not dated:
        return None, None, True
    low = min(s[0] for s in dated) - pad
    high = max(s[1] for s in dated) + pad
    return low, high, len(dated) < len(spans)


def _starts_near(table, low, high, undated):
    """Rows whose interval may overlap [low, high]: one bounded range of the (granularity,
    date_start) index per granularity (an interval starts at most its granularity's span before
    the window; one that only the publication dates reaches REPORT_LAG back from its end)."""
    c = table.c
    if low is None:
        return c.date_start.is_(None)
    dated = or_(
        *(
            and_(
                c.granularity == granularity,
                c.date_start >= low - timedelta(days=days),
                c.date_start <= high + REPORT_LAG,
            )
            for granularity, days in MAX_SPAN_DAYS.items()
        )
    )
    return or_(dated, c.date_start.is_(None)) if undated else dated


def candidates(session, mentions: list[Mention]) -> set[int]:
    """Ids of grouped events of other articles that share an actor (event_actors' index by
    actor and date) or a place (event_locations' index by place) with these mentions, within
    their date REACH."""
    mentions = [m for m in mentions if m.groupable]
    if not mentions:
        return set()
    articles = {m.article_id for m in mentions}
    found: set[int] = set()
    e = EVENTS.c

    roots = sorted({r for m in mentions for r in compatible_roots(m.root)})
    kinds = or_(*(e.event_code.startswith(root, autoescape=True) for root in roots))

    def keep(query):
        query = query.where(e.happening_id.is_not(None), kinds, e.article_id.not_in(articles))
        found.update(session.scalars(query))

    by_actor: dict[int, list[Mention]] = {}
    by_place: dict[int, list[Mention]] = {}
    for m in mentions:
        for actor_id in m.sources | m.targets:
            by_actor.setdefault(actor_id, []).append(m)
        for location_id in m.places:
            by_place.setdefault(location_id, []).append(m)
    link = EVENT_ACTORS
    for actor_id, group in sorted(by_actor.items()):
        low, high, undated = _reach(group, REACH)
        keep(
            select(link.c.event_id)
            .join(EVENTS, e.id == link.c.event_id)
            .where(link.c.actor_id == actor_id, _starts_near(link, low, high, undated))
        )
    for location_id, group in sorted(by_place.items()):
        low, high, undated = _reach(group, REACH)
        keep(
            select(e.id)
            .join(EVENT_LOCATIONS, EVENT_LOCATIONS.c.event_id == e.id)
            .where(
                EVENT_LOCATIONS.c.location_id == location_id,
                _starts_near(EVENTS, low, high, undated),
            )
        )
    return found


# --- decisions ---------------------------------------------------------------------------------


def _decisions(session, article_ids) -> list:
    d = HAPPENING_DECISIONS.c
    ids = sorted(set(article_ids))
    rows = []
    for chunk in _chunks(ids):
        rows += session.execute(
            select(d.kind, d.article_id, d.trigger_start, d.other_article_id, d.other_trigger_start)
            .where(or_(d.article_id.in_(chunk), d.other_article_id.in_(chunk)))
            .order_by(d.id)
        ).all()
    return list(dict.fromkeys(rows))


def _events_at(session, keys) -> dict[tuple[int, int], int]:
    """The event at each (article id, trigger offset)."""
    e = EVENTS.c
    found = {}
    for article_id in sorted({k[0] for k in keys}):
        starts = sorted({k[1] for k in keys if k[0] == article_id})
        rows = session.execute(
            select(e.article_id, e.trigger_start, e.id).where(
                e.article_id == article_id, e.trigger_start.in_(starts)
            )
        )
        for a, t, i in rows:
            found.setdefault((a, t), i)
    return found


class _Groups:
    """Union-find over event ids and happening ids (("h", id))."""

    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x, y) -> None:
        self.parent[self.find(x)] = self.find(y)

    def members(self) -> dict:
        out: dict = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return out


def _link(groups: _Groups, mentions: dict, pairs, apart: set) -> None:
    for a, b in pairs:
        if a in apart or b in apart:
            continue
        if same_happening(mentions[a][0], mentions[b][0]):
            groups.union(a, b)


def _apply_decisions(session, groups: _Groups, mentions: dict, decisions) -> set[int]:
    """Join the mentions the analyst merged (loading those not at hand); returns the ids of the
    mentions kept apart."""
    keys = {(r.article_id, r.trigger_start) for r in decisions}
    keys |= {(r.other_article_id, r.other_trigger_start) for r in decisions if r.kind == MERGE}
    at = _events_at(session, keys)
    kept = (at.get((r.article_id, r.trigger_start)) for r in decisions if r.kind == APART)
    apart = {x for x in kept if x is not None}
    missing = [i for i in at.values() if i not in mentions]
    mentions.update(load_mentions(session, missing))
    for r in decisions:
        if r.kind != MERGE:
            continue
        a = at.get((r.article_id, r.trigger_start))
        b = at.get((r.other_article_id, r.other_trigger_start))
        if a is not None and b is not None:
            groups.union(a, b)
    return apart


# --- grouping ----------------------------------------------------------------------------------


def group_events(session, event_ids) -> set[int]:
    """Group newly stored events (not yet in any happening); returns the happenings touched."""
    _lock(session)
    new = load_mentions(session, event_ids)
    if not new:
        return set()
    mentions = dict(new)
    mentions.update(load_mentions(session, candidates(session, [m for m, _ in new.values()])))
    groups = _Groups()
    for event_id, (_, happening_id) in mentions.items():
        groups.find(event_id)
        if happening_id is not None and event_id not in new:
            groups.union(event_id, ("h", happening_id))
    articles = {m.article_id for m, _ in new.values()}
    apart = _apply_decisions(session, groups, mentions, _decisions(session, articles))
    for event_id, (_, happening_id) in mentions.items():  # those the decisions brought in
        if happening_id is not None and event_id not in new:
            groups.union(event_id, ("h", happening_id))
    new_ids = sorted(new)
    pairs = [(a, b) for i, a in enumerate(new_ids) for b in new_ids[i + 1 :]]
    pairs += [(a, b) for a in new_ids for b in mentions if b not in new]
    _link(groups, mentions, pairs, apart)
    touched: set[int] = set()
    for members in groups.members().values():
        fresh = sorted(x for x in members if x in new)
        if not fresh:
            continue
        held = sorted(x[1] for x in members if isinstance(x, tuple))
        target = held[0] if held else _new_happening(session, new[fresh[0]][0].code)
        for other in held[1:]:
            session.execute(
                update(EVENTS).where(EVENTS.c.happening_id == other).values(happening_id=target)
            )
            session.execute(delete(HAPPENINGS).where(HAPPENINGS.c.id == other))
        for chunk in _chunks(fresh):
            session.execute(
                update(EVENTS).where(EVENTS.c.id.in_(chunk)).values(happening_id=target)
            )
        touched.add(target)
    refresh(session, touched)
    return touched


def _new_happening(session, code: str) -> int:
    return session.execute(
        insert(HAPPENINGS).values(event_code=code).returning(HAPPENINGS.c.id)
    ).scalar_one()


def happenings_of_article(session, article_id: int) -> set[int]:
    e = EVENTS.c
    query = select(e.happening_id).where(e.article_id == article_id, e.happening_id.is_not(None))
    return set(session.scalars(query.distinct()))


def regroup(session, happening_ids) -> None:
    """Group the remaining mentions of these happenings again among themselves (after some were
    removed or an analyst's decision changed): the largest group keeps the id, the others start
    happenings of their own; a happening left without mentions is deleted."""
    _lock(session)
    e = EVENTS.c
    for happening_id in sorted(set(happening_ids)):
        ids = list(session.scalars(select(e.id).where(e.happening_id == happening_id)))
        if not ids:
            session.execute(delete(HAPPENINGS).where(HAPPENINGS.c.id == happening_id))
            continue
        mentions = load_mentions(session, ids)
        groups = _Groups()
        for event_id in mentions:
            groups.find(event_id)
        articles = {m.article_id for m, _ in mentions.values()}
        decisions = _decisions(session, articles)
        apart = _apply_decisions(session, groups, mentions, decisions)
        members = sorted(mentions)
        pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
        _link(groups, mentions, pairs, apart)
        parts = sorted(
            ([x for x in g if x in set(ids)] for g in groups.members().values()),
            key=lambda g: (-len(g), min(g) if g else 0),
        )
        parts = [sorted(p) for p in parts if p]
        touched = {happening_id}
        for part in parts[1:]:
            target = _new_happening(session, mentions[part[0]][0].code)
            for chunk in _chunks(part):
                session.execute(update(EVENTS).where(e.id.in_(chunk)).values(happening_id=target))
            touched.add(target)
        refresh(session, touched)


def regroup_all(session) -> None:
    """Group every stored event from scratch, article by article in the order stored."""
    session.execute(update(EVENTS).values(happening_id=None))
    session.execute(delete(HAPPENINGS))
    e = EVENTS.c
    for article_id in list(session.scalars(select(e.article_id).distinct().order_by(e.article_id))):
        ids = list(session.scalars(select(e.id).where(e.article_id == article_id)))
        group_events(session, ids)


# --- what a happening holds --------------------------------------------------------------------


def refresh(session, happening_ids) -> None:
    """Derive each happening's row from its mentions: code, date, place, actors, reports, counts."""
    e, a = EVENTS.c, ARTICLES.c
    for chunk in _chunks(sorted(set(happening_ids))):
        rows = session.execute(
            select(
                e.happening_id, e.id, e.event_code, e.granularity, e.date_start, e.date_end,
                e.date_source, e.article_id, a.published_at, a.source_id,
            )
            .join(ARTICLES, a.id == e.article_id)
            .where(e.happening_id.in_(chunk))
            .order_by(e.id)
        ).all()  # fmt: skip
        by: dict[int, list] = {}
        for row in rows:
            by.setdefault(row.happening_id, []).append(row)
        ids = [r.id for r in rows]
        actors: dict[int, list] = {}
        places: dict[int, list] = {}
        for part in _chunks(ids):
            link = EVENT_ACTORS.c
            for event_id, actor_id, role in session.execute(
                select(link.event_id, link.actor_id, link.role).where(link.event_id.in_(part))
            ):
                actors.setdefault(event_id, []).append((actor_id, role))
            place = EVENT_LOCATIONS.c
            for event_id, location_id in session.execute(
                select(place.event_id, place.location_id).where(place.event_id.in_(part))
            ):
                places.setdefault(event_id, []).append(location_id)
        for happening_id in chunk:
            members = by.get(happening_id)
            if not members:
                session.execute(delete(HAPPENINGS).where(HAPPENINGS.c.id == happening_id))
                continue
            session.execute(
                update(HAPPENINGS)
                .where(HAPPENINGS.c.id == happening_id)
                .values(**summary(members, actors, places))
            )


def _most(values):
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def summary(members, actors: dict, places: dict) -> dict:
    """What a happening holds, from its mentions' rows."""
    reported = [m.published_at for m in members if m.published_at is not None]
    granularity, start, end = agreed_date(members)
    return {
        "event_code": _most(m.event_code for m in members),
        "granularity": granularity,
        "date_start": start,
        "date_end": end,
        "location_id": _most(x for m in members for x in places.get(m.id, [])),
        "source_id": _most(x for m in members for x, r in actors.get(m.id, []) if r == "source"),
        "target_id": _most(x for m in members for x, r in actors.get(m.id, []) if r == "target"),
        "first_reported": min(reported, default=None),
        "last_reported": max(reported, default=None),
        "mentions": len(members),
        "articles": len({m.article_id for m in members}),
        "sources": len({m.source_id for m in members if m.source_id is not None}),
    }


def agreed_date(members) -> tuple[str | None, date | None, date | None]:
    """The most precise date most of the mentions agree on (overlap): among the dates the
    articles' words give (else every date), the one overlapping most others, then the shortest,
    then the earliest."""
    dated = [m for m in members if m.date_start is not None and m.date_end is not None]
    own = [m for m in dated if m.date_source not in WEAK_SOURCES]
    pool = own or dated
    if not pool:
        return None, None, None

    def rank(m):
        support = sum(o.date_start <= m.date_end and m.date_start <= o.date_end for o in pool)
        return (-support, (m.date_end - m.date_start).days, m.date_start)

    best = min(pool, key=rank)
    return best.granularity, best.date_start, best.date_end
