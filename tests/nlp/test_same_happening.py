"""Whether two mentions report one happening: the decision looks at the two mentions only, the
same both ways; codes of one kind of act, dates within reach, anchors, conflicts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from timeline.nlp.same_happening import (
    Mention,
    compatible_codes,
    same_happening,
    score,
    sentence_names,
    sentence_words,
)

BOMBING = Mention(
    event_id=1,
    article_id=1,
    sentence_start=0,
    code="183",
    lemma="explode",
    status="asserted",
    granularity="day",
    date_start=date(2021, 3, 5),
    date_end=date(2021, 3, 5),
    date_source="clause",
    targets=frozenset({7}),
    target_countries=frozenset({"KEN"}),
    places=frozenset({3}),
    place_countries=frozenset({"KEN"}),
    points=((-1.29, 36.82),),
    words=sentence_words("A bomb exploded outside the Kenyan parliament in Nairobi on Friday"),
    names=sentence_names("A bomb exploded outside the Kenyan parliament in Nairobi on Friday"),
)
# the same bombing told by another article two days later
REPORT = replace(
    BOMBING,
    event_id=2,
    article_id=2,
    lemma="bombing",
    date_source="context",
    words=sentence_words("Police said the bombing outside the parliament in Nairobi killed four"),
    names=sentence_names("Police said the bombing outside the parliament in Nairobi killed four"),
)


def test_a_report_of_the_same_bombing_is_the_same_happening():
    assert same_happening(BOMBING, REPORT) and same_happening(REPORT, BOMBING)


def test_one_sentence_never_reports_one_happening_twice():
    twin = replace(REPORT, article_id=1, sentence_start=0)
    assert not same_happening(BOMBING, twin)


def test_statements_and_hypothetical_acts_join_nothing():
    for other in (replace(REPORT, code="010"), replace(REPORT, status="hypothetical")):
        assert not same_happening(BOMBING, other)
    # a negated clause still names the act it is about ("the bombing will not stop us")
    assert same_happening(BOMBING, replace(REPORT, status="negated"))


def test_kinds_of_violence_are_compatible_but_specific_kinds_differ():
    assert compatible_codes("183", "190") and compatible_codes("180", "1823")
    assert not compatible_codes("183", "1823")  # a bombing is no killing
    assert not compatible_codes("040", "183")


def test_another_place_far_away_and_dates_apart_keep_happenings_apart():
    mombasa = replace(
        REPORT,
        places=frozenset({9}),
        points=((-4.04, 39.67),),
        date_start=date(2021, 3, 9),
        date_end=date(2021, 3, 9),
        date_source="clause",
    )
    assert not same_happening(BOMBING, mombasa)
    a_year_later = replace(REPORT, date_start=date(2023, 3, 5), date_end=date(2023, 3, 5))
    assert not same_happening(BOMBING, a_year_later)


def test_nothing_shared_is_no_link():
    stranger = replace(REPORT, lemma="blast", targets=frozenset(), places=frozenset(), article_id=5)
    assert score(BOMBING, stranger) < 0


def test_names_are_the_capitalized_words_but_the_first():
    assert sentence_names("Police said the bombing in Nairobi killed four") == {"nairobi"}


mentions = st.builds(
    replace,
    st.just(REPORT),
    event_id=st.integers(3, 100),
    article_id=st.integers(1, 3),
    sentence_start=st.integers(0, 2),
    code=st.sampled_from(["183", "180", "190", "1823", "040"]),
    lemma=st.sampled_from(["explode", "bombing", "attack"]),
    date_source=st.sampled_from(["clause", "context", "publication"]),
    targets=st.frozensets(st.integers(6, 8), max_size=2),
    places=st.frozensets(st.integers(2, 4), max_size=2),
)


@given(mentions, mentions)
def test_the_decision_is_the_same_both_ways(a, b):
    assert score(a, b) == score(b, a)
