"""The store: one transaction per article, idempotent re-load, shared actors and places."""

from __future__ import annotations

import dataclasses

import pytest
from records_factory import TEXT, TILLERSON, extraction
from sqlalchemy import func, select

from timeline.database.models import (
    ActorAlias,
    ActorRow,
    ArticleRow,
    EventActor,
    EventRow,
    LocationRow,
    Source,
    TimeExpressionRow,
)
from timeline.database.store import DUPLICATE, LOADED, REPROCESSED, save


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_save_writes_every_table(database):
    with database.session() as session:
        result = save(session, extraction())
        assert (result.status, result.events) == (LOADED, 2)
        assert count(session, ArticleRow) == 1
        assert count(session, EventRow) == 2
        assert count(session, TimeExpressionRow) == 2
        assert count(session, Source) == 1
        assert count(session, LocationRow) == 2
        names = set(session.scalars(select(ActorRow.name)))
        assert names == {"Rex Tillerson", "United States", "Syria"}
        article = session.scalars(select(ArticleRow)).one()
        assert article.published_at.isoformat().startswith("2017-04-07T09:30:00")
        assert article.published_at.utcoffset() is not None


def test_reload_is_a_no_op(database):
    with database.session() as session:
        first = save(session, extraction())
        second = save(session, extraction())
        assert second.status == DUPLICATE and second.article_id == first.article_id
        assert count(session, EventRow) == 2 and count(session, ArticleRow) == 1


def test_reprocess_replaces_events(database):
    with database.session() as session:
        save(session, extraction())
        again = extraction()
        again.events = again.events[:1]
        result = save(session, again, reprocess=True)
        assert result.status == REPROCESSED
        assert count(session, EventRow) == 1
        assert count(session, EventActor) == 1
        assert count(session, ArticleRow) == 1


def test_actors_are_shared_across_articles(database):
    with database.session() as session:
        save(session, extraction())
        save(session, extraction(TEXT + " Later."))
        assert count(session, ActorRow) == 3
        assert count(session, EventRow) == 4
        tillerson = session.scalars(select(ActorRow).where(ActorRow.name == "Rex Tillerson")).one()
        aliases = set(
            session.scalars(select(ActorAlias.alias).where(ActorAlias.actor_id == tillerson.id))
        )
        assert {"Tillerson", "Secretary of State Rex Tillerson", "Rex Tillerson"} <= aliases


def test_a_failing_article_leaves_nothing_behind(database):
    broken = extraction()
    # an actor without a kind violates NOT NULL: the whole article must roll back
    broken.events[1].actors.append(
        dataclasses.replace(broken.events[1].actors[0], name="Nobody", kind=None)
    )
    with database.session() as session:
        with pytest.raises(Exception):  # noqa: B017 - the database's own integrity error
            save(session, broken)
        assert count(session, ArticleRow) == 0
        assert count(session, EventRow) == 0
        assert count(session, TimeExpressionRow) == 0
        # and the session is usable afterwards
        assert save(session, extraction()).status == LOADED


def test_event_links_its_time_expression(database):
    with database.session() as session:
        save(session, extraction())
        row = session.scalars(select(EventRow).where(EventRow.trigger == "arrives")).one()
        expression = session.get(TimeExpressionRow, row.time_expression_id)
        assert expression.text == "on Tuesday" and expression.value == "2017-04-11"


def test_an_actor_given_a_country_later_brings_its_earlier_events_to_that_country(database):
    """`--country` matches the countries of an event's places and actors (event_countries): when
    a later article tells an actor's country, the actor's earlier events match it too."""
    from dataclasses import replace

    from test_crash import integrity_problems

    from timeline.database.filters import EventFilter
    from timeline.database.listing import iter_events

    stateless = replace(TILLERSON, country_code=None, code=None)
    first = extraction()
    first = replace(
        first,
        events=[replace(e, actors=[stateless], locations=[]) for e in first.events[:1]],
    )
    later = extraction("Tillerson met Lavrov.", title="Later")
    later = replace(later, events=[replace(e, locations=[]) for e in later.events[:1]])
    with database.session() as session:
        save(session, first)
        assert [e.trigger for e in iter_events(session, EventFilter(country="USA"))] == []
        save(session, later)
        found = [e.trigger for e in iter_events(session, EventFilter(country="USA"))]
        assert found.count("arrives") == 2  # the first article's event and the later one's
        paged = [e.trigger for e in iter_events(session, EventFilter(country="USA", limit=5))]
        assert paged == found
    assert integrity_problems(database.url) == []
