"""Hand-written extraction records for testing the store, query and export without the NLP."""

from __future__ import annotations

from datetime import UTC, date, datetime

from timeline.records import (
    DATE,
    ActorMention,
    Article,
    Event,
    Extraction,
    PlaceMention,
    TimeExpression,
)

PUBLISHED = datetime(2017, 4, 7, 9, 30, tzinfo=UTC)

TEXT = (
    "Tillerson arrives in Moscow on Tuesday. "
    "The US launched cruise missiles at a Syrian air base yesterday."
)

TILLERSON = ActorMention(
    name="Rex Tillerson",
    kind="person",
    role="source",
    text="Tillerson",
    start=0,
    end=9,
    country_code="USA",
    code="USAGOV",
    title="Secretary of State",
    sector="GOV",
    aliases=("Tillerson", "Secretary of State Rex Tillerson"),
)
USA = ActorMention(
    name="United States",
    kind="country",
    role="source",
    text="US",
    start=44,
    end=46,
    country_code="USA",
    code="USA",
    aliases=("US", "U.S.", "America"),
)
SYRIA = ActorMention(
    name="Syria",
    kind="country",
    role="target",
    text="Syrian",
    start=78,
    end=84,
    country_code="SYR",
    code="SYR",
)
MOSCOW = PlaceMention(
    name="Moscow",
    text="Moscow",
    start=21,
    end=27,
    country_code="RUS",
    latitude=55.75222,
    longitude=37.61556,
    geonames_id=524901,
    feature="city",
)
SYRIA_PLACE = PlaceMention(
    name="Syria",
    text="Syrian",
    start=78,
    end=84,
    country_code="SYR",
    latitude=35.0,
    longitude=38.0,
    geonames_id=163843,
    feature="country",
)


def tuesday() -> TimeExpression:
    return TimeExpression(
        text="on Tuesday",
        start=28,
        end=38,
        type=DATE,
        value="2017-04-11",
        granularity="day",
        date_start=date(2017, 4, 11),
        date_end=date(2017, 4, 11),
        anchor=PUBLISHED,
    )


def yesterday() -> TimeExpression:
    return TimeExpression(
        text="yesterday",
        start=94,
        end=103,
        type=DATE,
        value="2017-04-06",
        granularity="day",
        date_start=date(2017, 4, 6),
        date_end=date(2017, 4, 6),
        anchor=PUBLISHED,
    )


def extraction(text: str = TEXT, *, title: str = "Tillerson to Moscow", source="AP") -> Extraction:
    article = Article(
        text=text,
        published_at=PUBLISHED,
        title=title,
        url="https://example.org/a",
        source=source,
        origin="test.txt",
    )
    arrive = Event(
        trigger="arrives",
        trigger_start=10,
        trigger_end=17,
        lemma="arrive",
        sentence="Tillerson arrives in Moscow on Tuesday.",
        sentence_start=0,
        sentence_end=39,
        event_code="042",
        event_label="Make a visit",
        quad_class=1,
        goldstein=1.9,
        status="planned",
        actors=[TILLERSON],
        locations=[MOSCOW],
        time=tuesday(),
        date_source="text",
        date_value="2017-04-11",
        granularity="day",
        date_start=date(2017, 4, 11),
        date_end=date(2017, 4, 11),
        plover_type="CONSULT",
        plover_mode="visit",
    )
    strike = Event(
        trigger="launched",
        trigger_start=47,
        trigger_end=55,
        lemma="launch",
        sentence="The US launched cruise missiles at a Syrian air base yesterday.",
        sentence_start=40,
        sentence_end=104,
        event_code="195",
        event_label="Employ aerial weapons",
        quad_class=4,
        goldstein=-10.0,
        status="asserted",
        actors=[USA, SYRIA],
        locations=[SYRIA_PLACE],
        time=yesterday(),
        date_source="text",
        date_value="2017-04-06",
        granularity="day",
        date_start=date(2017, 4, 6),
        date_end=date(2017, 4, 6),
        plover_type="ASSAULT",
        plover_mode="aerial",
    )
    return Extraction(
        article=article, expressions=[tuesday(), yesterday()], events=[arrive, strike]
    )
