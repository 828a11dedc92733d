"""Plain data passed between the stages (read -> parse -> dates -> events -> resolve -> store).

These are deliberately not database models: the NLP stages never touch the database, and the
store turns these records into rows. Offsets are character offsets into `Article.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple


@dataclass
class Article:
    """One news article as read from a file, before any NLP."""

    text: str
    published_at: datetime | None  # timezone-aware; None until the user or the file gives one
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the outlet, e.g. "Associated Press"
    origin: str = "-"  # where it came from, for messages: "seeds/a.txt", "feed.jsonl:12"
    # how precise published_at is: year / month (a period's first instant), day, minute, second;
    # None: as precise as published_at shows (midnight a day)
    published_granularity: str | None = None


# TIMEX3 types
DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"

# Granularities, coarse to fine, for the interval a value covers
GRANULARITIES = (
    "century",
    "decade",
    "year",
    "half",
    "quarter",
    "season",
    "month",
    "week",
    "day",
    "part_of_day",
    "hour",
    "minute",
    "second",
    "duration",
    "set",
    "reference",
)


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression found in a text and resolved against an anchor.

    `value` is written exactly as TimeML writes TIMEX3 values: 2017-04-06, 2017-W15, 2017-03, 2017,
    201 (a decade), 2017-Q2, 2017-SP, 2017-04-07TMO, 2017-04-07T15:00, P3Y, PXM, XXXX-WI,
    PRESENT_REF ... `date_start`/`date_end` is the inclusive interval of calendar days the value
    covers (None for durations, sets and values that cannot be placed on the calendar).
    """

    text: str
    start: int  # character offsets into the text that was searched
    end: int
    type: str  # DATE / TIME / DURATION / SET
    value: str  # TIMEX3 value
    granularity: str  # one of GRANULARITIES
    date_start: date | None
    date_end: date | None
    anchor: datetime  # the datetime the value was resolved against
    anchor_source: str = "publication"  # "publication", "dateline" (its own date line), "text"
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER ...


class DatedCode(NamedTuple):
    """A CAMEO actor code and the days it held (None: open), from the actor dictionary."""

    code: str
    start: date | None = None  # the first day the code held
    end: date | None = None  # the last day
    origin: str = "dictionary"  # dictionary (shipped) / user (`timeline actors import`)


@dataclass
class ActorMention:
    """A participant of an event, as resolved to a canonical actor."""

    name: str  # canonical name: "Rex Tillerson", "United States", "NATO"
    kind: str  # person / country / organization / group
    role: str  # source / target / other
    text: str = ""  # the words in the sentence: "Tillerson", "the U.S."
    start: int = -1
    end: int = -1
    country_code: str | None = None  # ISO 3166 alpha-3 of the actor or its affiliation
    code: str | None = None  # CAMEO-style actor code: USAGOV, RUSGOV, SYRMIL, IGO
    title: str | None = None  # "Secretary of State", "Foreign Minister"
    sector: str | None = None  # GOV, MIL, REB, OPP, MED, ...
    aliases: tuple[str, ...] = ()  # other names this actor had in the article
    # the codes the actor dictionary gives it, with their dates; `code` is the one held on the
    # event's date once the event is dated
    roles: tuple[DatedCode, ...] = ()


@dataclass
class PlaceMention:
    """A place named in an article (a mention) or attached to an event, resolved to a GeoNames
    place; an unresolved mention has only its words (name = text)."""

    name: str  # canonical: "Moscow", "Lucca", "Syria"
    text: str = ""
    start: int = -1
    end: int = -1
    country_code: str | None = None  # ISO 3166 alpha-3
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    feature: str | None = None  # country / region / county / city / place
    admin1: str | None = None  # the first-level region it lies in: "Texas", "Ontario"
    admin1_code: str | None = None  # its GeoNames admin1 code ("TX" in the US)
    precision: int | None = None  # ACLED's geo precision: 1 town, 2 county or part, 3 region
    place_source: str | None = None  # of an event's place: phrase / sentence / paragraph / dateline


@dataclass
class Event:
    """Who did what to whom, where and when: one predicate in one sentence."""

    trigger: str  # the predicate as written: "arrives", "launched", "visit"
    trigger_start: int
    trigger_end: int
    lemma: str  # "arrive"
    sentence: str
    sentence_start: int
    sentence_end: int
    event_code: str  # CAMEO code, "042"
    event_label: str  # "Make a visit"
    quad_class: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    goldstein: float | None = None
    status: str = "asserted"  # asserted / planned / negated / hypothetical / reported
    actors: list[ActorMention] = field(default_factory=list)
    locations: list[PlaceMention] = field(default_factory=list)
    time: TimeExpression | None = None  # the expression that dates the event, if any
    date_source: str = "publication"  # clause / sentence / context / publication (nlp/dating.py)
    date_value: str = ""  # TIMEX3 value of the event's date
    granularity: str = "day"
    date_start: date | None = None
    date_end: date | None = None
    plover_type: str | None = None
    plover_mode: str | None = None

    def actors_in(self, role: str) -> list[ActorMention]:
        return [actor for actor in self.actors if actor.role == role]


@dataclass
class Extraction:
    """Everything the NLP stages found in one article: what the store saves."""

    article: Article
    expressions: list[TimeExpression]
    events: list[Event]
    places: list[PlaceMention] = field(default_factory=list)  # every place mention, in text order
