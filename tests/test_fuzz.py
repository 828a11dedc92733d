"""Fuzzing the temporal engine and the event extractor with hypothesis.

Random unicode and news-like word salad (dates real and impossible, numbers, names, places,
relative words) go through `find_time_expressions` with and without a parse, and through
`extract`. Whatever the text: no exception, every interval in order (date_start <= date_end),
every offset inside the text and pointing at the words it claims. The budget is fixed
(max_examples, deadline) and the examples derandomized, so CI runs the same cases every time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.nlp.dates import find_time_expressions
from timeline.pipeline import extract
from timeline.records import GRANULARITIES, Article

FAST = settings(
    max_examples=300,
    deadline=timedelta(seconds=5),  # one text taking longer points at runaway backtracking
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
PARSED = settings(FAST, max_examples=60)

WORDS = """the a of in on at by to from after before since until during about nearly
said says will would could met meets meeting visited visit arrived arrives attacked
condemned signed agreed rejected talks summit ceasefire election strike troops minister
president envoy officials government army rebels protesters police , . ; : - ( ) " '""".split()
NAMES = """Tillerson Lavrov Putin Assad Trump Merkel Erdogan Rouhani Maduro Xi Jinping
Russia Syria China Iran Turkey Germany France Ukraine Israel Gaza Moscow Damascus Beijing
Tehran Ankara Berlin Paris Kyiv Washington NATO UN EU Hamas Taliban the U.S. Britain""".split()
TIME_WORDS = """today yesterday tomorrow tonight now currently recently Monday Tuesday
Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December week month year decade century quarter spring summer
autumn fall winter morning afternoon evening night noon midnight last next this past
coming previous early mid late ago later earlier weekend weekly daily annual annually
days weeks months years hours minutes Christmas Easter Ramadan first second third fourth
1st 2nd 3rd 21st half Q1 Q3 H1 fiscal FY2017 '90s 1990s 2010s""".split()
NUMBERS = st.one_of(
    st.integers(min_value=-5, max_value=3000).map(str),
    st.sampled_from(["0", "00", "31", "32", "29", "30", "99", "1899", "1900", "2017", "9999"]),
)
ISO_DATES = st.builds(
    lambda y, m, d, sep: f"{y:04d}{sep}{m:02d}{sep}{d:02d}",
    st.integers(0, 9999),
    st.integers(0, 13),
    st.integers(0, 32),
    st.sampled_from(["-", "/", "."]),
)
WRITTEN_DATES = st.builds(
    lambda month, day, year: f"{month} {day}, {year}",
    st.sampled_from(["January", "February", "April", "June", "September", "Feb.", "Sept."]),
    st.integers(0, 40),
    st.integers(1, 3000),
)
TOKEN = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(NAMES),
    st.sampled_from(TIME_WORDS),
    NUMBERS,
    ISO_DATES,
    WRITTEN_DATES,
    st.sampled_from(["Feb. 30", "February 29, 2017", "2017-02-30", "31 April", "24:61", "T-3"]),
)
NEWS = st.lists(TOKEN, min_size=0, max_size=60).map(" ".join)
UNICODE = st.text(max_size=200)
MIXED = st.builds(
    lambda a, b, c: a + b + c,
    NEWS,
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    NEWS,
)
TEXTS = st.one_of(NEWS, MIXED, UNICODE)
ANCHORS = st.builds(
    lambda moment, minutes: moment.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2099, 12, 30)),
    st.integers(-12 * 60, 14 * 60),
)


def check_expressions(text: str, anchor: datetime, expressions) -> None:
    previous_end = 0
    for expression in expressions:
        assert 0 <= expression.start < expression.end <= len(text), expression
        assert text[expression.start : expression.end] == expression.text, expression
        assert expression.start >= previous_end, "expressions overlap"
        previous_end = expression.end
        assert expression.granularity in GRANULARITIES, expression
        assert expression.value, expression
        if expression.date_start is not None and expression.date_end is not None:
            assert expression.date_start <= expression.date_end, expression
        assert expression.anchor.tzinfo is not None


def check_span(text: str, start: int, end: int, written: str, what: str) -> None:
    assert 0 <= start <= end <= len(text), (what, start, end)
    assert text[start:end] == written, (what, text[start:end], written)


@FAST
@given(text=TEXTS, anchor=ANCHORS)
def test_dates_without_a_parse(text: str, anchor: datetime) -> None:
    check_expressions(text, anchor, find_time_expressions(text, anchor))


@PARSED
@given(text=TEXTS, anchor=ANCHORS)
def test_dates_with_a_parse(nlp, text: str, anchor: datetime) -> None:
    check_expressions(text, anchor, find_time_expressions(text, anchor, nlp(text)))


@PARSED
@given(text=st.one_of(NEWS, MIXED), anchor=ANCHORS)
def test_event_extraction(nlp, text: str, anchor: datetime) -> None:
    article = Article(text=text, published_at=anchor, origin="fuzz")
    extraction = extract(article, nlp(text))
    check_expressions(text, anchor, extraction.expressions)
    for event in extraction.events:
        check_span(text, event.trigger_start, event.trigger_end, event.trigger, "trigger")
        check_span(text, event.sentence_start, event.sentence_end, event.sentence, "sentence")
        assert event.sentence_start <= event.trigger_start < event.trigger_end
        assert event.trigger_end <= event.sentence_end
        if event.date_start is not None and event.date_end is not None:
            assert event.date_start <= event.date_end, event
        assert 1 <= event.quad_class <= 4 and event.event_code
        for actor in event.actors:
            assert actor.role in ("source", "target", "other")
            if actor.start >= 0:
                check_span(text, actor.start, actor.end, actor.text, "actor")
        for place in event.locations:
            if place.start >= 0:
                check_span(text, place.start, place.end, place.text, "place")
        if event.time is not None:
            assert event.time in extraction.expressions


def test_the_strategies_make_news_like_text() -> None:
    """The word salad does reach the engine's interesting paths (dates are found in it)."""
    found = 0

    @settings(FAST, max_examples=50)
    @given(text=NEWS)
    def count(text: str) -> None:
        nonlocal found
        found += bool(find_time_expressions(text, datetime(2017, 4, 7, tzinfo=UTC)))

    count()
    assert found >= 10
