"""Queries: every filter of `timeline events` against stored rows, on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from records_factory import extraction

from timeline.errors import InputError
from timeline.query import (
    EventFilter,
    count_events,
    get_event,
    iter_events,
    list_actors,
    list_places,
    parse_day,
    parse_when,
    stats,
)
from timeline.store import save


@pytest.fixture
def session(database):
    with database.session() as session:
        save(session, extraction())
        yield session


def triggers(session, **kwargs) -> list[str]:
    return [event["trigger"] for event in iter_events(session, EventFilter(**kwargs))]


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
    event = next(iter_events(session, EventFilter(actor="Tillerson")))
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
    assert event["time_expression"]["text"] == "on Tuesday"
    assert event["actors"][0]["title"] == "Secretary of State"
    assert get_event(session, 999) is None


def test_listings_and_stats(session):
    actors = {a["name"]: a for a in list_actors(session)}
    assert actors["Rex Tillerson"]["events"] == 1
    assert "Tillerson" in actors["Rex Tillerson"]["aliases"]
    assert {p["name"] for p in list_places(session)} == {"Moscow", "Syria"}
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
