"""Hand-written extraction records for testing the store, query and export without the NLP, and
varied events written straight into a database (`varied_events`)."""

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
        date_source="clause",
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
        date_source="clause",
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


# (value, granularity, start, end): the widest interval of each granularity events get
WIDEST = [
    ("19", "century", date(1900, 1, 1), date(1999, 12, 31)),
    ("199", "decade", date(1990, 1, 1), date(1999, 12, 31)),
    ("1996", "year", date(1996, 1, 1), date(1996, 12, 31)),
    ("1996-H2", "half", date(1996, 7, 1), date(1996, 12, 31)),
    ("1996-Q4", "quarter", date(1996, 10, 1), date(1996, 12, 31)),
    ("1996-WI", "season", date(1996, 12, 1), date(1997, 2, 28)),
    ("1996-12", "month", date(1996, 12, 1), date(1996, 12, 31)),
    ("1997-W01", "week", date(1996, 12, 30), date(1997, 1, 5)),
    ("1996-12-31", "day", date(1996, 12, 31), date(1996, 12, 31)),
    ("1996-12-31TNI", "part_of_day", date(1996, 12, 31), date(1996, 12, 31)),
    ("1996-12-31T23:00", "hour", date(1996, 12, 31), date(1996, 12, 31)),
]


def varied_events(database, events: int = 700, seed: int = 5) -> None:
    """Events over four years in every granularity (widest intervals), a few without a date;
    actors of very unequal frequency in both roles, places in two countries, sentences from a
    small vocabulary."""
    import random

    from sqlalchemy import insert, select

    from timeline.database.bulk import rebuild_countries, rebuild_dyads
    from timeline.database.models import (
        ActorRow,
        ArticleRow,
        EventActor,
        EventLocation,
        EventRow,
        LocationRow,
    )

    rng = random.Random(seed)
    countries = ["USA", "RUS", "SYR", None]
    with database.engine.begin() as connection:
        connection.execute(
            insert(ActorRow),
            [
                {"name": f"Actor {i}", "name_key": f"actor {i}", "kind": "person",
                 "country_code": countries[i % 4]}
                for i in range(12)
            ],
        )  # fmt: skip
        connection.execute(
            insert(LocationRow),
            [
                {"key": "a", "name": "Alpha", "name_key": "alpha", "country_code": "RUS"},
                {"key": "b", "name": "Beta", "name_key": "beta", "country_code": "SYR"},
                {"key": "c", "name": "Gamma", "name_key": "gamma", "country_code": "SYR"},
            ],
        )
        connection.execute(
            insert(ArticleRow),
            [
                {"published_at": datetime(2020, 1, i + 1, tzinfo=UTC), "content_hash": f"h{i}",
                 "text": "t"}
                for i in range(3)
            ],
        )  # fmt: skip
        rows, links, places = [], [], []
        words = ["talks", "missiles", "border", "sanctions", "visit", "aid"]
        for n in range(events):
            value, granularity, start, end = rng.choice(WIDEST)
            shift = rng.randrange(0, 4 * 365) - 2 * 365
            start, end = (
                (None, None) if n % 97 == 0 else (start.replace(year=start.year + shift // 365),
                                                  end.replace(year=end.year + shift // 365))
            )  # fmt: skip
            rows.append(
                {"article_id": 1 + n % 3, "trigger": f"t{n}", "trigger_start": 0,
                 "trigger_end": 1, "lemma": "t", "sentence": " ".join(rng.sample(words, 3)),
                 "sentence_start": 0, "sentence_end": 1,
                 "event_code": rng.choice(["010", "042", "190", "112"]), "event_label": "x",
                 "quad_class": 1, "status": rng.choice(["asserted", "planned"]),
                 "date_source": "text", "date_value": value, "granularity": granularity,
                 "date_start": start, "date_end": end}
            )  # fmt: skip
            cast = rng.sample(range(1, 13), 3)
            cast[0] = min(cast[0], rng.choice([1, 1, 1, 2, 2, 3]))  # actor 1 is everywhere
            for actor_id, role in zip(cast, ["source", "target", "other"], strict=True):
                # actor 1 is now and then in two roles of an event: met twice on a walk
                links.append(
                    {"event_id": n + 1, "actor_id": actor_id, "role": role,
                     "granularity": granularity, "date_start": start, "date_end": end}
                )  # fmt: skip
            for location_id in rng.sample([1, 2, 3], rng.randrange(0, 3)):
                places.append({"event_id": n + 1, "location_id": location_id})
        connection.execute(insert(EventRow), rows)
        connection.execute(insert(EventActor), links)
        connection.execute(insert(EventLocation), places)
        rebuild_dyads(connection, select(EventRow.id))
        rebuild_countries(connection, select(EventRow.id))
