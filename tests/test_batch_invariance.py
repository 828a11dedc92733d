"""Batch invariance: articles loaded in one batch, one at a time, or in another order give the
same events with the same actors, codes and countries.

The articles are short ones written for the project, naming the same people and bodies in
different ways (a full name, a fuller one, a surname, with and without a country), so that the
store must join them into the same actors whatever comes first. The language analysis of an
article does not depend on the batch it is parsed in (checked once); the store is then given the
extractions in every order hypothesis draws, into a new database each time.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.database.engine import Database
from timeline.database.filters import EventFilter
from timeline.database.listing import iter_events
from timeline.database.store import save
from timeline.pipeline import extract, extract_batch
from timeline.records import Article

ARTICLES = [
    (
        "2009-07-08",
        "Russian President Dmitry Medvedev met President Barack Obama in Moscow on Monday. "
        "Medvedev praised the American leader.",
    ),
    (
        "2009-07-09",
        "Barack H. Obama criticized Moscow on Tuesday. Obama said the talks had failed. "
        "Dmitry A. Medvedev rejected the criticism.",
    ),
    (
        "2005-03-02",
        "Egyptian President Hosni Mubarak met Israeli officials in Cairo on Tuesday. "
        "Mubarak urged them to withdraw.",
    ),
    (
        "2012-03-02",
        "Hosni Mubarak criticized the army on Monday. Police arrested three protesters in "
        "Cairo. Jane Whitfield, a lawyer, accused the police of abuse.",
    ),
    (
        "2012-03-05",
        "NAIROBI, Kenya (AP) _ Police arrested Jane Whitfield on Friday. The Kenyan government "
        "accused her of spying.",
    ),
]


def article(number: int) -> Article:
    published, text = ARTICLES[number]
    day = datetime.fromisoformat(published).replace(tzinfo=UTC)
    return Article(text=text, published_at=day, title=f"article {number}", origin=str(number))


@pytest.fixture(scope="module")
def extractions():
    return [extract(article(n)) for n in range(len(ARTICLES))]


def test_an_article_is_analysed_alike_alone_and_in_a_batch(extractions):
    batch = extract_batch([article(n) for n in range(len(ARTICLES))])
    assert [e.events for e in batch] == [e.events for e in extractions]


def listing(url: str) -> dict:
    """Each article's events with their actors as a listing shows them."""
    out: dict = {}
    with Database(url) as db, db.connect() as connection:
        for event in iter_events(connection, EventFilter()):
            actors = sorted((a.role, a.name, a.kind, a.code, a.country_code) for a in event.actors)
            out.setdefault(event.article_title, []).append(
                (event.trigger, event.event_code, event.date_value, actors)
            )
    return {title: sorted(events) for title, events in out.items()}


def load(url: str, extractions, order: list[int]) -> dict:
    with Database(url) as db, db.session() as session:
        for number in order:
            save(session, extractions[number])
    return listing(url)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(order=st.permutations(range(len(ARTICLES))))
def test_the_order_of_loading_changes_nothing(extractions, tmp_path_factory, order):
    first = tmp_path_factory.mktemp("in-order") / "a.db"
    again = tmp_path_factory.mktemp("shuffled") / "b.db"
    in_order = load(f"sqlite:///{first}", extractions, list(range(len(ARTICLES))))
    shuffled = load(f"sqlite:///{again}", extractions, order)
    assert shuffled == in_order
    # the people each have their dictionary code on each event's date
    codes = {a[1:] for events in in_order.values() for *_, actors in events for a in actors}
    assert ("Hosni Mubarak", "person", "EGYGOV", "EGY") in codes  # 2005
    assert ("Hosni Mubarak", "person", "EGYELI", "EGY") in codes  # 2012
    # "Barack Obama" and "Barack H. Obama" are one actor, named by the fullest name
    named = {
        title: {a[1] for *_, actors in events for a in actors} for title, events in in_order.items()
    }
    assert "Barack H. Obama" in named["article 0"] and "Barack H. Obama" in named["article 1"]
    # a group's words never name another group: the police of article 3 are not Kenya's
    assert "Kenya police" not in named["article 3"]
