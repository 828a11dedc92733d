"""Happenings: mentions of one occurrence across articles are grouped as articles load, whatever
the order, the batches or the number of loaders; `--reprocess` regroups only what it touches; the
analyst's merges and splits survive later loads; a happening holds its counts.

The articles are short ones written for the project: a bombing in Nairobi reported by three
outlets over three days, a meeting reported twice, and another bombing, in Mombasa, days later.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from timeline.database.engine import Database, downgrade, upgrade
from timeline.database.filters import EventFilter
from timeline.database.happening_list import (
    happening_mentions,
    list_happenings,
    merge_happenings,
    split_happening,
)
from timeline.database.models import EVENTS, HAPPENINGS
from timeline.database.store import save
from timeline.errors import InputError
from timeline.pipeline import extract
from timeline.records import Article

ARTICLES = [
    (
        "2021-03-06",
        "Daily Wire",
        "NAIROBI, Kenya (AP) _ A bomb exploded outside the Kenyan parliament in Nairobi on "
        "Friday, killing four people, police said. The bombing was the worst attack in the "
        "capital this year. Kenyan police arrested two suspects in Nairobi on Friday night.",
    ),
    (
        "2021-03-07",
        "Coast Herald",
        "Kenyan police said on Saturday that the bombing outside the parliament in Nairobi on "
        "Friday killed four people. Police arrested two suspects after the bombing. President "
        "Uhuru Kenyatta condemned the attack.",
    ),
    (
        "2021-03-08",
        "Daily Wire",
        "President Uhuru Kenyatta met Tanzanian President Samia Suluhu in Nairobi on Monday. "
        "The two leaders discussed the bombing of the parliament in Nairobi on Friday.",
    ),
    (
        "2021-03-09",
        "Lake Times",
        "President Uhuru Kenyatta met Tanzanian President Samia Suluhu in Nairobi on Monday to "
        "discuss security. A bomb exploded at a market in Mombasa on Tuesday, killing two people.",
    ),
]


def article(number: int, text: str | None = None) -> Article:
    published, source, body = ARTICLES[number]
    day = datetime.fromisoformat(published).replace(tzinfo=UTC)
    return Article(
        text=text or body, published_at=day, title=f"article {number}", source=source,
        origin=str(number),
    )  # fmt: skip


@pytest.fixture(scope="module")
def extractions():
    return [extract(article(n)) for n in range(len(ARTICLES))]


def grouping(url: str) -> set[frozenset]:
    """The happenings as sets of mentions, each named by its article and trigger (not by ids)."""
    with Database(url) as db, db.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT a.title, e.trigger_start, e.trigger, e.happening_id FROM events e "
                "JOIN articles a ON a.id = e.article_id"
            )
        ).all()
    groups: dict = {}
    for title, start, trigger, happening_id in rows:
        assert happening_id is not None
        groups.setdefault(happening_id, set()).add((title, start, trigger))
    return {frozenset(g) for g in groups.values()}


def group_of(groups: set[frozenset], title: str, trigger: str) -> frozenset:
    return next(g for g in groups if any(m[0] == title and m[2] == trigger for m in g))


def load(url: str, extractions, batches: list[list[int]]) -> set[frozenset]:
    for batch in batches:  # each batch a loader of its own, one transaction per article
        with Database(url) as db, db.session() as session:
            for number in batch:
                save(session, extractions[number])
    return grouping(url)


def test_reports_of_one_happening_are_grouped_across_articles(extractions, db_url):
    groups = load(db_url, extractions, [[0, 1, 2, 3]])
    nairobi = group_of(groups, "article 0", "exploded")
    titles = {m[0] for m in nairobi}
    assert {"article 0", "article 1", "article 2"} <= titles
    assert ("bombing" in {m[2] for m in nairobi}) and ("exploded" in {m[2] for m in nairobi})
    assert group_of(groups, "article 3", "exploded") != nairobi  # Mombasa, days later
    assert group_of(groups, "article 2", "met") == group_of(groups, "article 3", "met")
    with Database(db_url) as db, db.connect() as connection:
        rows = list_happenings(connection, EventFilter(type="183"))
        mentions = happening_mentions(connection, rows[0].id)
    first = next(r for r in rows if r.mentions == len(nairobi))
    assert (first.articles, first.sources) == (len(titles), 2)
    assert first.date_start == "2021-03-05" and first.granularity == "day"
    assert first.first_reported.startswith("2021-03-06")
    assert first.last_reported.startswith("2021-03-08")
    assert first.place == "Nairobi"
    assert [m.published_at[:10] for m in mentions] == sorted(m.published_at[:10] for m in mentions)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations(range(len(ARTICLES))), cut=st.integers(0, len(ARTICLES)))
def test_the_order_and_the_batches_of_loading_change_no_grouping(
    extractions, tmp_path_factory, order, cut
):
    first = tmp_path_factory.mktemp("in-order") / "a.db"
    again = tmp_path_factory.mktemp("shuffled") / "b.db"
    in_order = load(f"sqlite:///{first}", extractions, [list(range(len(ARTICLES)))])
    shuffled = load(f"sqlite:///{again}", extractions, [order[:cut], order[cut:]])
    assert shuffled == in_order


def test_concurrent_loaders_group_as_one_loader_does(extractions, db_url, tmp_path):
    alone = load(f"sqlite:///{tmp_path / 'alone.db'}", extractions, [[0, 1, 2, 3]])
    Database(db_url).close()  # migrated once, before the loaders start
    errors = []

    def loader(numbers):
        try:
            load(db_url, extractions, [numbers])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=loader, args=(n,)) for n in ([0, 2], [1, 3], [3, 0])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert grouping(db_url) == alone


def test_reprocess_regroups_only_what_it_touches(extractions, db_url):
    load(db_url, extractions, [[0, 1, 2, 3]])
    before = grouping(db_url)
    with Database(db_url) as db, db.connect() as connection:
        ids_before = dict(connection.execute(select(EVENTS.c.id, EVENTS.c.happening_id)).all())
        meeting = connection.scalar(
            text("SELECT happening_id FROM events WHERE trigger = 'met' ORDER BY id LIMIT 1")
        )
    with Database(db_url) as db, db.session() as session:
        save(session, extract(article(1)), reprocess=True)
    assert grouping(db_url) == before
    with Database(db_url) as db, db.connect() as connection:
        after = dict(connection.execute(select(EVENTS.c.id, EVENTS.c.happening_id)).all())
        counts = connection.execute(select(HAPPENINGS.c.id, HAPPENINGS.c.mentions)).all()
    # the meeting, which article 1 does not mention, kept its happening (and its id)
    assert meeting in after.values()
    untouched = [i for i, h in ids_before.items() if h == meeting]
    assert all(after[i] == meeting for i in untouched)
    assert sum(n for _, n in counts) == len(after)  # every count is of the mentions now stored


def test_merges_and_splits_survive_reprocess_and_later_loads(extractions, db_url):
    load(db_url, extractions, [[0, 2]])
    with Database(db_url) as db, db.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT e.id, e.trigger, e.trigger_start, e.happening_id, a.title FROM events e "
                "JOIN articles a ON a.id = e.article_id ORDER BY e.id"
            )
        ).all()
    bomb = next(r for r in rows if r.trigger == "exploded")
    met = next(r for r in rows if r.trigger == "met")
    others = [r for r in rows if r.happening_id == bomb.happening_id and r.id != bomb.id]
    assert others
    with Database(db_url) as db, db.session() as session:
        merge_happenings(session, met.happening_id, bomb.happening_id)  # (an odd merge, on purpose)
        session.commit()
        with pytest.raises(InputError, match="cannot be merged with itself"):
            merge_happenings(session, met.happening_id, met.happening_id)
        with pytest.raises(InputError, match="no happening with id 9999"):
            merge_happenings(session, met.happening_id, 9999)
        split = others[0]
        new = split_happening(session, met.happening_id, split.id)
        session.commit()
        with pytest.raises(InputError, match="is not a mention of happening"):
            split_happening(session, met.happening_id, split.id)
    assert new != met.happening_id
    kept = grouping(db_url)
    # another report of the bombing and a reprocessed article: the decisions hold
    with Database(db_url) as db, db.session() as session:
        save(session, extractions[1])
        save(session, extract(article(0)), reprocess=True)
    groups = grouping(db_url)
    merged = group_of(groups, "article 2", "met")
    assert group_of(groups, "article 0", "exploded") == merged
    alone = next(g for g in groups if (split.title, split.trigger_start, split.trigger) in g)
    assert len(alone) == 1 and alone in kept


def test_the_migration_groups_the_events_already_stored(extractions, db_url):
    grouped = load(db_url, extractions, [[0, 1, 2, 3]])
    with Database(db_url) as db:
        downgrade(db.engine, "7020f5e49ec0")
        upgrade(db.engine)
    assert grouping(db_url) == grouped


def test_candidates_are_read_through_indexes(extractions, tmp_path):
    """Every query of the candidate lookup walks an index (by actor, place or lemma, and date),
    never the whole events table."""
    from sqlalchemy import event

    from timeline.database.happenings import candidates, load_mentions

    url = f"sqlite:///{tmp_path / 'plan.db'}"
    load(url, extractions, [[0, 1, 2]])
    with Database(url) as db, db.connect() as connection:
        ids = connection.scalars(text("SELECT id FROM events WHERE article_id = 3")).all()
        mentions = [m for m, _ in load_mentions(connection, ids).values()]
        statements = []

        def seen(conn, cursor, statement, parameters, context, executemany):
            statements.append((statement, parameters))

        event.listen(db.engine, "before_cursor_execute", seen)
        assert candidates(connection, mentions)  # the bombing's other reports
        event.remove(db.engine, "before_cursor_execute", seen)
        plans = [
            " ".join(str(row) for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + s, p))
            for s, p in statements
        ]
    assert plans
    for plan in plans:
        assert "SCAN events" not in plan and "SCAN event_actors" not in plan, plan
        assert "USING" in plan and "INDEX" in plan, plan
