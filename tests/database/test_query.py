"""Queries: every filter of `timeline events` against stored rows, on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from records_factory import WIDEST, extraction, varied_events

from timeline.database.aggregates import list_actors, list_places, stats
from timeline.database.filters import EventFilter, parse_day, parse_when
from timeline.database.listing import count_events, get_event, iter_events
from timeline.database.record import Participant
from timeline.database.store import save
from timeline.errors import InputError


@pytest.fixture
def session(database):
    with database.session() as session:
        save(session, extraction())
        yield session


def triggers(session, **kwargs) -> list[str]:
    return [event.trigger for event in iter_events(session, EventFilter(**kwargs))]


def test_all_events_in_date_order(session):
    assert triggers(session) == ["launched", "arrives"]
    assert triggers(session, order="-date") == ["arrives", "launched"]


def test_actor_matches_name_alias_and_code_case_insensitively(session):
    assert triggers(session, actor="Rex Tillerson") == ["arrives"]
    assert triggers(session, actor="tillerson") == ["arrives"]
    assert triggers(session, actor="U.S.") == ["launched"]
    assert triggers(session, actor="usa") == ["launched"]
    assert triggers(session, actor="Nobody") == []


def test_source_and_target_actor(session):
    assert triggers(session, source_actor="United States") == ["launched"]
    assert triggers(session, target_actor="United States") == []
    assert triggers(session, target_actor="Syria") == ["launched"]


def test_type_by_code_prefix_and_label(session):
    assert triggers(session, type="19") == ["launched"]
    assert triggers(session, type="04") == ["arrives"]
    assert triggers(session, type="visit") == ["arrives"]


def test_dates_overlap(session):
    assert triggers(session, since=date(2017, 4, 10), until=date(2017, 4, 16)) == ["arrives"]
    assert triggers(session, until=date(2017, 4, 6)) == ["launched"]
    assert triggers(session, since=date(2017, 4, 12)) == []


def test_location_country_status_article_limit(session):
    assert triggers(session, location="moscow") == ["arrives"]
    assert triggers(session, country="RUS") == ["arrives"]
    assert triggers(session, country="Syria") == ["launched"]
    assert triggers(session, status="planned") == ["arrives"]
    assert triggers(session, article=1) == ["launched", "arrives"]
    assert triggers(session, article=99) == []
    assert triggers(session, limit=1) == ["launched"]
    assert count_events(session, EventFilter(limit=1)) == 2


def test_full_text_search(session):
    assert triggers(session, text="cruise missiles") == ["launched"]
    assert triggers(session, text="missile") == ["launched"]  # stemmed
    assert triggers(session, text="Moscow") == ["arrives"]
    assert triggers(session, text="Moscow missiles") == []  # every word must occur
    assert triggers(session, text="cruise", actor="Tillerson") == []
    assert triggers(session, text='"; DROP TABLE events; --') == []
    assert len(triggers(session)) == 2


def test_full_text_follows_reprocessing(database):
    with database.session() as session:
        save(session, extraction())
        again = extraction()
        again.events = again.events[:1]
        save(session, again, reprocess=True)
        assert triggers(session, text="missiles") == []
        assert triggers(session, text="Moscow") == ["arrives"]


def test_unknown_status_and_country_are_errors(session):
    with pytest.raises(InputError):
        list(iter_events(session, EventFilter(status="maybe")))
    with pytest.raises(InputError, match="unknown country"):
        list(iter_events(session, EventFilter(country="Atlantis")))


def test_json_shape(session):
    from timeline.outputs.events import event_json

    event = event_json(next(iter_events(session, EventFilter(actor="Tillerson"))))
    assert set(event) >= {
        "id",
        "date_start",
        "date_end",
        "date_value",
        "granularity",
        "date_source",
        "event_code",
        "event_label",
        "quad_class",
        "trigger",
        "status",
        "sentence",
        "actors",
        "locations",
        "article",
    }
    assert event["actors"] == [
        {
            "name": "Rex Tillerson",
            "role": "source",
            "kind": "person",
            "country_code": "USA",
            "code": "USAGOV",
        }
    ]
    assert event["locations"][0]["name"] == "Moscow"
    assert event["article"]["source"] == "AP"
    assert event["date_start"] == "2017-04-11"


def test_show_one_event(session):
    event = get_event(session, 1)  # the arrival, stored first
    assert event.time_expression.text == "on Tuesday"
    assert event.actors[0].title == "Secretary of State"
    assert get_event(session, 999) is None


def test_listings_and_stats(session):
    actors = {a.name: a for a in list_actors(session)}
    assert actors["Rex Tillerson"].events == 1
    assert "Tillerson" in actors["Rex Tillerson"].aliases
    assert {p.name for p in list_places(session)} == {"Moscow", "Syria"}
    data = stats(session)
    assert (data["articles"], data["events"]) == (1, 2)
    assert (data["first_date"], data["last_date"]) == ("2017-04-06", "2017-04-11")


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2017-04-07", False, date(2017, 4, 7)),
        ("2017-04", False, date(2017, 4, 1)),
        ("2017-04", True, date(2017, 4, 30)),
        ("2016-02", True, date(2016, 2, 29)),
        ("2017", True, date(2017, 12, 31)),
    ],
)
def test_parse_day(text, end, expected):
    assert parse_day(text, end=end) == expected


@pytest.mark.parametrize("text", ["2017-02-30", "April", "", "2017-13"])
def test_parse_day_rejects(text):
    with pytest.raises(InputError):
        parse_day(text)


def test_between_is_a_dyad_in_either_direction(session):
    assert triggers(session, between=("United States", "Syria")) == ["launched"]
    assert triggers(session, between=("syria", "U.S.")) == ["launched"]
    assert triggers(session, between=("Tillerson", "Syria")) == []


AS_OF = datetime(2017, 4, 7, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last month", (date(2017, 3, 1), date(2017, 3, 31))),
        ("yesterday", (date(2017, 4, 6), date(2017, 4, 6))),
        ("next week", (date(2017, 4, 10), date(2017, 4, 16))),
        ("2017-W15", (date(2017, 4, 10), date(2017, 4, 16))),
        ("March 2017", (date(2017, 3, 1), date(2017, 3, 31))),
        ("2016", (date(2016, 1, 1), date(2016, 12, 31))),
    ],
)
def test_relative_dates_in_filters(text, expected):
    assert parse_when(text, AS_OF) == expected


def test_relative_date_needs_an_anchor_and_sense():
    with pytest.raises(InputError):
        parse_when("last month")  # no as_of
    with pytest.raises(InputError, match="last month"):
        parse_when("the day after never", AS_OF)


def _bulk_events(database, events: int, actors: int) -> None:
    """`events` events, each with actor n % actors as source (at position n % 3, unknown when
    0), a shared actor as target (at position 50) and, for 4 events in 5, one of two places."""
    from sqlalchemy import insert

    from timeline.database.models import (
        ActorRow,
        ArticleRow,
        EventActor,
        EventLocation,
        EventRow,
        LocationRow,
    )

    with database.engine.begin() as connection:
        people = [(f"Actor {i}", "person", None, f"C{i}") for i in range(actors)]
        connection.execute(
            insert(ActorRow),
            [
                {
                    "name": name,
                    "name_key": name.lower(),
                    "kind": kind,
                    "country_code": country,
                    "code": code,
                }
                for name, kind, country, code in [*people, ("Zed", "group", "SYR", None)]
            ],
        )
        connection.execute(
            insert(LocationRow),
            [
                {"key": "a", "name": "Alpha", "name_key": "alpha", "latitude": 54.65213122034416},
                {"key": "b", "name": "Beta", "name_key": "beta", "latitude": None},
            ],
        )
        connection.execute(
            insert(ArticleRow),
            [{"published_at": datetime(2020, 1, 1, tzinfo=UTC), "content_hash": "h", "text": "t"}],
        )
        day = date(2020, 1, 1)
        connection.execute(
            insert(EventRow),
            [
                {
                    "article_id": 1,
                    "trigger": f"t{n}",
                    "trigger_start": 0,
                    "trigger_end": 1,
                    "lemma": "t",
                    "sentence": "s",
                    "sentence_start": 0,
                    "sentence_end": 1,
                    "event_code": "010",
                    "event_label": "Make statement",
                    "quad_class": 1,
                    "status": "asserted",
                    "date_source": "text",
                    "date_value": day.isoformat(),
                    "granularity": "day",
                    "date_start": day,
                    "date_end": day,
                }
                for n in range(events)
            ],
        )
        connection.execute(
            insert(EventActor),
            [
                link
                for n in range(events)
                for link in (
                    {
                        "event_id": n + 1,
                        "actor_id": n % actors + 1,
                        "role": "source",
                        "start_char": n % 3 or None,
                    },
                    {
                        "event_id": n + 1,
                        "actor_id": actors + 1,
                        "role": "target",
                        "start_char": 50,
                    },
                )
            ],
        )
        connection.execute(
            insert(EventLocation),
            [
                {"event_id": n + 1, "location_id": 1 + n % 2, "start_char": 5}
                for n in range(events)
                if n % 5
            ],
        )


def test_many_events_get_their_own_actors_and_places(database):
    """More events and more actors than one chunk: actors and places are read once each, in
    chunks, and every event still gets its own, in the order of the text (unknown positions
    last)."""
    from timeline.database.filters import CHUNK

    events, actors = 3 * CHUNK + 7, CHUNK + 40
    _bulk_events(database, events, actors)
    with database.session() as session:
        listed = list(iter_events(session, EventFilter()))
    assert [event.id for event in listed] == list(range(1, events + 1))
    for n, event in enumerate(listed):
        source = Participant(
            name=f"Actor {n % actors}",
            role="source",
            kind="person",
            country_code=None,
            code=f"C{n % actors}",
        )
        target = Participant(name="Zed", role="target", kind="group", country_code="SYR", code=None)
        # in the order of the text; an actor whose position is unknown comes last
        assert event.actors == ([source, target] if n % 3 else [target, source])
        if n % 5:
            (place,) = event.locations
            assert place.name == ("Alpha" if n % 2 == 0 else "Beta")
            assert place.latitude == (54.65213122034416 if n % 2 == 0 else None)
        else:
            assert event.locations == []


@pytest.mark.parametrize(
    ("since", "until"),
    [
        (date(1997, 1, 1), date(1997, 1, 3)),  # only the season and the week reach into 1997
        (date(1996, 12, 31), date(1996, 12, 31)),  # every one of them
        (date(1999, 12, 31), date(2000, 1, 1)),  # the century and the decade
        (date(1890, 1, 1), date(1900, 1, 1)),  # the century starts on the window's last day
        (date(2000, 1, 1), date(2000, 2, 1)),  # none
    ],
)
def test_a_date_window_finds_every_overlapping_event_of_every_granularity(database, since, until):
    # the window is found through one range per granularity: an event of the widest interval its
    # granularity allows, starting as long before the window as it can, is still found
    from dataclasses import replace

    from records_factory import extraction as make

    base = make()
    template = base.events[0]
    events = [
        replace(template, trigger=f"t{i}", trigger_start=i, trigger_end=i + 1, date_value=value,
                granularity=granularity, date_start=start, date_end=end)
        for i, (value, granularity, start, end) in enumerate(WIDEST)
    ]  # fmt: skip
    with database.session() as session:
        save(session, replace(base, events=events))
        found = set(triggers(session, since=since, until=until))
    expected = {
        f"t{i}" for i, (_, _, start, end) in enumerate(WIDEST) if start <= until and end >= since
    }
    assert found == expected


PAGE_FILTERS = [
    {},
    {"actor": "Actor 0"},  # in most events
    {"actor": "Actor 11"},
    {"actor": "Nobody"},
    {"between": ("Actor 0", "Nobody")},
    {"source_actor": "Actor 0"},
    {"target_actor": "Actor 5"},
    {"between": ("Actor 0", "Actor 4")},
    {"between": ("Actor 7", "Actor 9")},
    {"since": date(1997, 1, 1), "until": date(1997, 1, 3)},
    {"since": date(1996, 6, 1), "until": date(1998, 6, 1)},
    {"since": date(1997, 3, 1)},
    {"until": date(1995, 12, 31)},
    {"actor": "Actor 0", "since": date(1996, 12, 1), "until": date(1997, 1, 31)},
    {"actor": "Actor 3", "since": date(1995, 1, 1), "type": "19"},
    {"country": "SYR"},
    {"country": "RUS", "since": date(1997, 1, 1)},
    {"location": "gamma", "status": "planned"},
    {"text": "missiles"},
    {"text": "border talks", "actor": "Actor 0"},
    {"article": 2, "since": date(1996, 1, 1)},
    {"actor": "Actor 0", "country": "USA", "text": "aid"},
]


# (COLLECT_LIMIT, MAX_WALKS): actors and dyads walked through their links, or every condition
# through the dates; the rarer conditions collected; every selective condition collected (actors
# and dyads too, when walking their links is off)
STRATEGIES = {
    "links walked": (-1, 8),
    "dates walked": (-1, 0),
    "counted": (60, 8),
    "collected": (10**9, 8),
    "all collected": (10**9, 0),
}


@pytest.mark.parametrize("order", ["date", "-date"])
def test_pages_collected_or_walked_are_the_first_events_of_the_full_listing(
    database, monkeypatch, order
):
    """A page is found by collecting the events of its rarest condition, by walking an actor's
    links in date order or by walking the dates (one walk per granularity, and per actor),
    depending on counts: whichever way, it is exactly the start of the full listing, in the same
    order."""
    import timeline.database.pages as page_finding

    varied_events(database)
    with database.connect() as connection:
        for kwargs in PAGE_FILTERS:
            everything = [e.id for e in iter_events(connection, EventFilter(order=order, **kwargs))]
            for limit in (1, 7, 100):
                expected = everything[:limit]
                flt = EventFilter(order=order, limit=limit, **kwargs)
                pages = {}
                for name, (collect_limit, max_walks) in STRATEGIES.items():
                    monkeypatch.setattr(page_finding, "COLLECT_LIMIT", collect_limit)
                    monkeypatch.setattr(page_finding, "MAX_WALKS", max_walks)
                    pages[name] = [e.id for e in iter_events(connection, flt)]
                assert pages == dict.fromkeys(pages, expected), (kwargs, limit)
            assert (
                everything
                or kwargs.get("between")
                or kwargs.get("location")
                or "Nobody" in str(kwargs)
            )
