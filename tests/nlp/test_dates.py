"""Tests for timeline.nlp.dates: the API contract, the seed article, tense, text anchors, intervals,
the lexicon files, and properties of the interval arithmetic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.nlp.dates import find_time_expressions, granularity_of, interval_of, resolve_phrase
from timeline.nlp.dates.calendar import holiday_date
from timeline.nlp.dates.lexicons import lexicons
from timeline.records import GRANULARITIES, TimeExpression

UTC = UTC
APRIL_7 = datetime(2017, 4, 7, 14, 30, tzinfo=UTC)  # a Friday
SEED = Path(__file__).resolve().parents[2] / "seeds" / "tillerson-moscow-2017.txt"


def values(text: str, anchor: datetime = APRIL_7, doc=None) -> dict[str, str]:
    return {e.text: e.value for e in find_time_expressions(text, anchor, doc)}


# ------------------------------------------------------------------------------------ contract


def test_offsets_index_the_text_sorted_and_disjoint() -> None:
    text = (
        "On March 3, 2017, the council met for three hours. A week later it voted again, "
        "and it will meet every Tuesday until next month."
    )
    found = find_time_expressions(text, APRIL_7)
    assert [e.text for e in found] == [
        "March 3, 2017", "three hours", "A week later", "every Tuesday", "next month",
    ]  # fmt: skip
    for e in found:
        assert text[e.start : e.end] == e.text
        assert isinstance(e, TimeExpression)
        assert e.granularity in GRANULARITIES
    for left, right in zip(found, found[1:], strict=False):
        assert left.end <= right.start


def test_types_and_empty_intervals_for_durations_sets_and_references() -> None:
    found = {e.text: e for e in find_time_expressions(
        "Now, after three years of talks held weekly, the deal came on Friday.", APRIL_7
    )}  # fmt: skip
    assert found["Now"].type == "DATE" and found["Now"].value == "PRESENT_REF"
    assert found["three years"].type == "DURATION" and found["three years"].date_start is None
    assert found["weekly"].type == "SET" and found["weekly"].date_end is None
    assert found["Friday"].date_start == found["Friday"].date_end == date(2017, 4, 7)
    assert found["Now"].granularity == "reference"
    assert found["three years"].granularity == "duration"
    assert found["weekly"].granularity == "set"


def test_time_values_have_type_time() -> None:
    found = find_time_expressions("The blast came at 10:35 a.m. on Friday morning.", APRIL_7)
    assert {e.value: e.type for e in found} == {
        "2017-04-07T10:35": "TIME", "2017-04-07TMO": "TIME",
    }  # fmt: skip


def test_anchor_is_not_converted_to_utc() -> None:
    late_evening_new_york = datetime(2017, 4, 7, 23, 0, tzinfo=timezone(timedelta(hours=-4)))
    assert values("It happened today.", late_evening_new_york) == {"today": "2017-04-07"}
    early_tokyo = datetime(2017, 4, 8, 0, 30, tzinfo=timezone(timedelta(hours=9)))
    assert values("It happened today.", early_tokyo) == {"today": "2017-04-08"}


def test_nothing_found_in_text_without_dates() -> None:
    assert find_time_expressions("The minister may march on the capital.", APRIL_7) == []
    assert find_time_expressions("", APRIL_7) == []


def test_numbers_that_are_not_years() -> None:
    text = "Police said 2000 people marched, the No. 1999 bus stopped and shares rose 2010%."
    assert values(text) == {}


def test_ages_are_not_durations() -> None:
    assert values("The 6-year-old boy and his 52-year-old father.") == {}


def test_a_part_of_a_named_period_is_not_a_date_of_its_own() -> None:
    found = values("Sales were flat through the last half of the '80s and the first half of 2016.")
    assert found == {"the '80s": "198", "the first half of 2016": "2016-H1"}


def test_resolve_phrase_needs_the_whole_phrase() -> None:
    assert resolve_phrase("last month", APRIL_7).value == "2017-03"
    assert resolve_phrase("  next week ", APRIL_7).value == "2017-W15"
    assert resolve_phrase("in April 2016", APRIL_7).value == "2016-04"
    assert resolve_phrase("last month and next week", APRIL_7) is None
    assert resolve_phrase("the minister", APRIL_7) is None
    assert resolve_phrase("2017-W15", APRIL_7).date_start == date(2017, 4, 10)


# ---------------------------------------------------------------------------------- seed article


def _seed_expressions(doc=None) -> list[TimeExpression]:
    return find_time_expressions(SEED.read_text(encoding="utf-8"), APRIL_7, doc)


def _check_seed(found: list[TimeExpression]) -> None:
    by_text = {e.text: e for e in found}
    week = by_text["next week"]
    assert (week.value, week.granularity) == ("2017-W15", "week")
    assert (week.date_start, week.date_end) == (date(2017, 4, 10), date(2017, 4, 16))
    yesterday = by_text["yesterday"]
    assert (yesterday.value, yesterday.granularity) == ("2017-04-06", "day")
    assert (by_text["2013"].value, by_text["2013"].granularity) == ("2013", "year")
    tuesday = by_text["Tuesday"]
    assert (tuesday.value, tuesday.date_start) == ("2017-04-11", date(2017, 4, 11))
    text = SEED.read_text(encoding="utf-8")
    days = text.index("just days")
    for e in found:  # "just days" is not a date with a value of its own
        if e.start < days + len("just days") and days < e.end:
            assert e.type == "DURATION" and e.value.startswith("P")


def test_seed_article_without_parse() -> None:
    _check_seed(_seed_expressions())


@pytest.fixture(scope="module")
def nlp():
    from timeline.nlp.model import load_model

    return load_model()


def test_seed_article_with_parse(nlp) -> None:
    _check_seed(_seed_expressions(nlp(SEED.read_text(encoding="utf-8"))))


# ----------------------------------------------------------------------------- tense / direction

TENSE_CASES = [
    ("The minister will visit Paris on Tuesday.", "Tuesday", "2017-04-11"),
    ("The minister visited Paris on Tuesday.", "Tuesday", "2017-04-04"),
    ("Tillerson arrives in Moscow on Tuesday.", "Tuesday", "2017-04-11"),
    ("Officials met in Geneva on Monday.", "Monday", "2017-04-03"),
    ("The envoy is going to fly to Kabul on Thursday.", "Thursday", "2017-04-13"),
    ("She plans to travel to Madrid on Wednesday morning.", "Wednesday morning",
     "2017-04-12TMO"),
    ("The rebels attacked the town on Wednesday morning.", "Wednesday morning",
     "2017-04-05TMO"),
    ("The summit will be held in March.", "March", "2018-03"),
    ("Prices rose sharply in March.", "March", "2017-03"),
    ("The treaty was signed in December.", "December", "2016-12"),
    ("Elections will take place in June.", "June", "2017-06"),
    ("The deal was signed on Dec. 15.", "Dec. 15", "2016-12-15"),
    ("The vote is expected on May 3.", "May 3", "2017-05-03"),
    ("The ruling came on Friday.", "Friday", "2017-04-07"),
    ("The court postponed the hearing until Tuesday.", "Tuesday", "2017-04-11"),
    ("Police do not plan to act on Thursday.", "Thursday", "2017-04-13"),
    ("The ministry says Monday's talks went well.", "Monday", "2017-04-03"),
    ("Relatives said they would fight Wednesday's ruling.", "Wednesday", "2017-04-05"),
    ("Markets were calm ahead of Tuesday's vote.", "Tuesday", "2017-04-11"),
    ("Most members had filed their reports by Wednesday.", "Wednesday", "2017-04-05"),
    ("The offer had been due to expire on Monday.", "Monday", "2017-04-03"),
    ("The agency has given them until 9 a.m. Tuesday to answer.", "9 a.m. Tuesday",
     "2017-04-11T09:00"),
    ("The banks have extended the loans through January.", "January", "2018-01"),
    ("The index closed near the record high set on Oct. 6.", "Oct. 6", "2016-10-06"),
    ("Traders set a record on Thursday.", "Thursday", "2017-04-06"),
    ("On Thursday, the government planned to pay the families.", "Thursday", "2017-04-06"),
    ("Protesters planned a large rally on Sunday.", "Sunday", "2017-04-09"),
    ("The council decided to hold the vote in March.", "March", "2018-03"),
    ("A car bomb exploded next to the embassy in Kabul Thursday morning.", "Thursday morning",
     "2017-04-06TMO"),
    ("On Tuesday, the union plans to strike.", "Tuesday", "2017-04-11"),
    ("Parliament votes on the bill on Wednesday.", "Wednesday", "2017-04-12"),
    ("Officials said Monday the army is holding drills on Thursday.", "Monday", "2017-04-03"),
    ("Officials said Monday the army is holding drills on Thursday.", "Thursday", "2017-04-13"),
    ("He told reporters Thursday that troops would withdraw by Sunday.", "Sunday", "2017-04-09"),
    ("The court hears the appeal on Monday.", "Monday", "2017-04-10"),
    ("Crowds gathered in the square to mark the anniversary on Thursday.", "Thursday",
     "2017-04-06"),
    ("The firm is still bound by a June agreement with its lenders.", "June", "2016-06"),
    ("The firm faces a June 30 deadline to repay its lenders.", "June 30", "2017-06-30"),
    ("On Tuesday, when the minister set aside his plans, the talks resumed.", "Tuesday",
     "2017-04-04"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "phrase", "value"), TENSE_CASES)
def test_direction_from_cue_words(sentence: str, phrase: str, value: str) -> None:
    assert values(sentence)[phrase] == value


@pytest.mark.parametrize(("sentence", "phrase", "value"), TENSE_CASES)
def test_direction_from_the_parse(nlp, sentence: str, phrase: str, value: str) -> None:
    assert values(sentence, doc=nlp(sentence))[phrase] == value


# Cases only the parse gets right: the words near the date say nothing, or say the wrong thing.
# (sentence, phrase, value) against 2017-12-15, where a bare month is nearer ahead than behind.
DECEMBER_15 = datetime(2017, 12, 15, 9, 0, tzinfo=UTC)
PARSE_TENSE_CASES = [
    # a verb whose past is its base form, after a singular subject, is a past ("hurts" agrees)
    ("Weakness in technology stocks hurt the index on Monday.", "Monday", "2017-12-11"),
    # a participle clause takes the time of the verb it hangs on
    ("The stock has fluctuated sharply, rising to a high in June from $29.75 in March.",
     "March", "2017-03"),
    # a deadline given is ahead of the giving
    ("The agency gave the company until mid-March to submit more information.", "mid-March",
     "2018-03"),
    # a date inside a noun phrase is not dated by the present tense of the main verb
    ("Her properties, worth $130 million in October, now fetch half that.", "October",
     "2017-10"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "phrase", "value"), PARSE_TENSE_CASES)
def test_direction_from_the_parse_where_cue_words_say_nothing(
    nlp, sentence: str, phrase: str, value: str
) -> None:
    assert values(sentence, DECEMBER_15, doc=nlp(sentence))[phrase] == value


# -------------------------------------------------------------------------------- text anchors


def test_expressions_anchored_to_an_earlier_date_in_the_text() -> None:
    text = (
        "The ceasefire began on March 3, 2017. The next day, shelling resumed. "
        "Two days earlier, envoys had met, and a week later the truce collapsed."
    )
    found = {e.text: e for e in find_time_expressions(text, APRIL_7)}
    assert found["The next day"].value == "2017-03-04"
    assert found["The next day"].anchor_source == "text"
    assert found["Two days earlier"].value == "2017-03-02"
    assert found["a week later"].value == "2017-W10"
    assert found["March 3, 2017"].anchor_source == "publication"


def test_coarse_text_anchors_count_from_the_last_date_of_any_precision() -> None:
    text = "The war began in 1998. The following year, talks started, and two years later, a truce."
    found = {e.text: e for e in find_time_expressions(text, APRIL_7)}
    assert found["The following year"].value == "1999"
    assert found["The following year"].anchor_source == "text"
    assert found["two years later"].value == "2001"


def test_text_anchored_expression_without_earlier_date_uses_publication_time() -> None:
    found = find_time_expressions("The following day, talks resumed.", APRIL_7)
    assert [(e.value, e.anchor_source) for e in found] == [("2017-04-08", "publication")]


def test_clock_time_joins_the_day_that_follows() -> None:
    assert values("The deadline is 5 p.m. Wednesday.") == {"5 p.m. Wednesday": "2017-04-12T17:00"}
    assert values("The deadline was noon Thursday.")["noon Thursday"] == "2017-04-06T12:00"


# ------------------------------------------------------------------------------------ intervals

INTERVALS = [
    ("2017-04-06", (date(2017, 4, 6), date(2017, 4, 6))),
    ("2017-04-07TMO", (date(2017, 4, 7), date(2017, 4, 7))),
    ("2017-04-07T15:00", (date(2017, 4, 7), date(2017, 4, 7))),
    ("2017-W15", (date(2017, 4, 10), date(2017, 4, 16))),
    ("2020-W53", (date(2020, 12, 28), date(2021, 1, 3))),
    ("2020-W01", (date(2019, 12, 30), date(2020, 1, 5))),
    ("2017-W14-WE", (date(2017, 4, 8), date(2017, 4, 9))),
    ("2017-03", (date(2017, 3, 1), date(2017, 3, 31))),
    ("2016-02", (date(2016, 2, 1), date(2016, 2, 29))),
    ("2017-02", (date(2017, 2, 1), date(2017, 2, 28))),
    ("2017-Q2", (date(2017, 4, 1), date(2017, 6, 30))),
    ("2017-Q4", (date(2017, 10, 1), date(2017, 12, 31))),
    ("2017-H1", (date(2017, 1, 1), date(2017, 6, 30))),
    ("2017-H2", (date(2017, 7, 1), date(2017, 12, 31))),
    ("2017-SP", (date(2017, 3, 1), date(2017, 5, 31))),
    ("2017-SU", (date(2017, 6, 1), date(2017, 8, 31))),
    ("2017-FA", (date(2017, 9, 1), date(2017, 11, 30))),
    ("2017-WI", (date(2016, 12, 1), date(2017, 2, 28))),
    ("2016-WI", (date(2015, 12, 1), date(2016, 2, 29))),
    ("2017", (date(2017, 1, 1), date(2017, 12, 31))),
    ("201", (date(2010, 1, 1), date(2019, 12, 31))),
    ("19", (date(1900, 1, 1), date(1999, 12, 31))),
]


@pytest.mark.parametrize(("value", "interval"), INTERVALS)
def test_interval_of(value: str, interval: tuple[date, date]) -> None:
    assert interval_of(value) == interval


@pytest.mark.parametrize(
    "value", ["P3Y", "PXM", "PRESENT_REF", "PAST_REF", "XXXX-WI", "", "2017-13"]
)
def test_interval_of_values_without_one(value: str) -> None:
    assert interval_of(value) is None


def test_granularity_of() -> None:
    assert granularity_of("2017-W15") == "week"
    assert granularity_of("2017-04-07TMO") == "part_of_day"
    assert granularity_of("2017-04-07T15:00") == "minute"
    assert granularity_of("201") == "decade"
    assert granularity_of("P3Y", "DURATION") == "duration"
    assert granularity_of("P1W", "SET") == "set"
    assert granularity_of("FUTURE_REF") == "reference"


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("early March 2017", date(2017, 3, 1), date(2017, 3, 10)),
        ("mid-March 2017", date(2017, 3, 11), date(2017, 3, 20)),
        ("late February 2016", date(2016, 2, 21), date(2016, 2, 29)),
        ("early 2016", date(2016, 1, 1), date(2016, 4, 30)),
        ("mid-2016", date(2016, 5, 1), date(2016, 8, 31)),
        ("late 2016", date(2016, 9, 1), date(2016, 12, 31)),
        ("the early 1990s", date(1990, 1, 1), date(1993, 12, 31)),
        ("the late 1980s", date(1987, 1, 1), date(1989, 12, 31)),
    ],
)
def test_start_mid_end_narrow_the_interval(phrase: str, start: date, end: date) -> None:
    e = resolve_phrase(phrase, APRIL_7)
    assert (e.date_start, e.date_end) == (start, end)


# -------------------------------------------------------------------------------------- lexicons


def test_month_lexicon() -> None:
    months = lexicons().months
    assert sorted(set(months.values())) == list(range(1, 13))
    assert months["sept"] == months["september"] == 9
    assert months["jan"] == 1 and months["december"] == 12


def test_weekday_lexicon_uses_iso_numbers() -> None:
    weekdays = lexicons().weekdays
    assert sorted(set(weekdays.values())) == list(range(1, 8))
    assert weekdays["monday"] == 1 and weekdays["sunday"] == 7 and weekdays["thurs"] == 4


def test_number_lexicon() -> None:
    numbers = lexicons().numbers
    assert numbers["twelve"] == "12" and numbers["a"] == "1" and numbers["several"] == "X"
    assert all(v == "X" or float(v) > 0 for v in numbers.values())


def test_unit_and_season_lexicons() -> None:
    lex = lexicons()
    assert lex.units["year"] == ("Y", "year") and lex.units["hour"] == ("TH", "hour")
    assert all(g in GRANULARITIES for _, g in lex.units.values())
    assert lex.seasons["fall"] == lex.seasons["autumn"] == ("FA", 9, 11)
    assert {code for code, _, _ in lex.seasons.values()} == {"SP", "SU", "FA", "WI"}
    assert set(lex.parts_of_day.values()) == {"MO", "AF", "EV", "NI"}


def test_reference_and_tense_lexicons() -> None:
    lex = lexicons()
    assert set(lex.references.values()) <= {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
    assert lex.references["now"] == "PRESENT_REF" and lex.references["the future"] == "FUTURE_REF"
    assert set(lex.tense_cues.values()) == {"past", "future"}
    assert lex.tense_cues["will"] == "future" and lex.tense_cues["said"] == "past"


def test_holiday_lexicon_rules() -> None:
    assert all(holiday_date(name, 2017).year == 2017 for name in lexicons().holidays)
    assert holiday_date("thanksgiving", 2017) == date(2017, 11, 23)
    assert holiday_date("memorial day", 2018) == date(2018, 5, 28)
    assert holiday_date("easter", 2019) == date(2019, 4, 21)
    assert holiday_date("good friday", 2019) == date(2019, 4, 19)
    assert holiday_date("christmas", 2019) == date(2019, 12, 25)


# ------------------------------------------------------------------------------------ properties

anchors = st.datetimes(
    min_value=datetime(1900, 1, 8), max_value=datetime(2099, 12, 20), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(anchors)
def test_next_week_is_the_monday_to_sunday_after_the_anchor(anchor: datetime) -> None:
    e = resolve_phrase("next week", anchor)
    day = anchor.date()
    assert 1 <= (e.date_start - day).days <= 7
    assert 7 <= (e.date_end - day).days <= 13
    assert e.date_start.isoweekday() == 1 and e.date_end.isoweekday() == 7


@settings(max_examples=300, deadline=None)
@given(anchors)
def test_last_week_ends_before_the_anchor(anchor: datetime) -> None:
    e = resolve_phrase("last week", anchor)
    day = anchor.date()
    assert 1 <= (day - e.date_end).days <= 7
    assert e.date_start.isoweekday() == 1 and (e.date_end - e.date_start).days == 6


PHRASES = ["this week", "this month", "this quarter", "this year", "today", "this weekend",
           "this decade", "this century", "the first half", "this summer"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(anchors, st.sampled_from(PHRASES))
def test_current_units_are_ordered_and_round_trip(anchor: datetime, phrase: str) -> None:
    e = resolve_phrase(phrase, anchor)
    assert e.date_start <= e.date_end
    assert interval_of(e.value) == (e.date_start, e.date_end)


@settings(max_examples=200, deadline=None)
@given(anchors, st.sampled_from(["this week", "this month", "this quarter", "this year", "today"]))
def test_current_units_contain_the_anchor(anchor: datetime, phrase: str) -> None:
    e = resolve_phrase(phrase, anchor)
    assert e.date_start <= anchor.date() <= e.date_end


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_iso_dates_round_trip(day: date) -> None:
    e = resolve_phrase(day.isoformat(), APRIL_7)
    assert e.value == day.isoformat()
    assert interval_of(e.value) == (day, day)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=2999), st.integers(min_value=1, max_value=53))
def test_week_intervals_are_seven_days_from_monday(year: int, week: int) -> None:
    value = f"{year}-W{week:02d}"
    interval = interval_of(value)
    if interval is None:  # a year without a week 53
        assert week == 53
        return
    start, end = interval
    assert start.isoweekday() == 1 and (end - start).days == 6
    assert start.isocalendar()[:2] == (year, week)


@settings(max_examples=200, deadline=None)
@given(anchors, st.integers(min_value=1, max_value=30))
def test_days_ago_is_that_many_days_before(anchor: datetime, n: int) -> None:
    e = resolve_phrase(f"{n} days ago", anchor)
    assert e.date_start == e.date_end == anchor.date() - timedelta(days=n)


@settings(max_examples=200, deadline=None)
@given(anchors, st.sampled_from(["yesterday", "last month", "last year", "last quarter"]))
def test_past_units_end_before_the_anchor(anchor: datetime, phrase: str) -> None:
    e = resolve_phrase(phrase, anchor)
    assert e.date_start <= e.date_end < anchor.date()


TOKENS = [
    "the", "last", "next", "this", "early", "late", "mid-", "about", "over", "a", "two", "several",
    "1998", "2017", "12", "31", "7th", "March", "May", "Sept.", "Tuesday", "Sun.", "night",
    "morning", "week", "weeks", "year", "years", "quarter", "third", "fiscal", "ago", "later",
    "earlier", "after", "before", "day", "days", "weekend", "Christmas", "spring", "fall", "now",
    "every", "each", "daily", "3", "p.m.", "noon", "GMT", "1990s", "'90s", "century", "20th",
    "Q3", "4/7/2017", "2017-04-07", "-", ",", ".", ";", "\n", "will", "said", "period", "that",
    "same", "following", "year-ago", "year-end", "nineties", "nineteen", "ninety-six", "1/2",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=25), anchors)
def test_any_mix_of_date_words_gives_sorted_disjoint_spans(words: list[str], anchor) -> None:
    text = " ".join(words)
    found = find_time_expressions(text, anchor)
    for e in found:
        assert text[e.start : e.end] == e.text and e.text.strip()
        assert e.type in ("DATE", "TIME", "DURATION", "SET")
        assert e.granularity in GRANULARITIES
        if e.date_start is not None:
            assert e.date_start <= e.date_end
    for left, right in zip(found, found[1:], strict=False):
        assert left.end <= right.start
