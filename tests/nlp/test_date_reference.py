"""The reference time of an article and of each place in it: an article's own date line, the
direction of a weekday from tense, aspect and modals, and the day a time of day falls on (live
blogs). Sentences written for the project."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from timeline.nlp.dates import find_time_expressions
from timeline.nlp.dates.lexicons import direction_words

FRIDAY_JUNE_8 = datetime(2018, 6, 8, 18, 0, tzinfo=UTC)


def found(text: str, anchor: datetime = FRIDAY_JUNE_8, doc=None) -> dict[str, str]:
    return {e.text: e.value for e in find_time_expressions(text, anchor, doc)}


# ------------------------------------------------------------------------------------ date lines


@pytest.mark.parametrize(
    "opening",
    [
        "Friday, June 8, 2018\n\n",
        "June 8, 2018 -- ",
        "Posted: Friday, June 8, 2018 3:45 p.m.\n",
        "Pool closes early. By Ann Lee, Staff Writer June 8, 2018 ",
        "SPRINGFIELD, June 8 (AP) -- ",
        "2018-06-08\n",
    ],
)
def test_an_articles_own_date_line_is_the_day_it_is_read_from(opening: str) -> None:
    # published (as a feed says) a day early, in another time zone: the date line decides
    early = datetime(2018, 6, 7, 22, 0, tzinfo=timezone(timedelta(hours=-5)))
    text = opening + "The council met Friday afternoon and voted to close the pool on Monday."
    expressions = {e.text: e for e in find_time_expressions(text, early)}
    assert expressions["Friday afternoon"].value == "2018-06-08TAF"
    assert expressions["Monday"].value == "2018-06-11"
    assert expressions["Friday afternoon"].anchor_source == "dateline"


def test_a_date_in_the_first_sentence_is_no_date_line() -> None:
    text = "On June 1, 2018, the council met. It voted Friday."
    expressions = {e.text: e for e in find_time_expressions(text, FRIDAY_JUNE_8)}
    assert expressions["Friday"].value == "2018-06-08"
    assert expressions["Friday"].anchor_source == "publication"


def test_a_date_line_far_from_the_publication_is_not_taken() -> None:
    text = "March 2, 2011\n\nThe mayor spoke Friday."
    expressions = {e.text: e for e in find_time_expressions(text, FRIDAY_JUNE_8)}
    assert expressions["Friday"].value == "2018-06-08"
    assert expressions["Friday"].anchor_source == "publication"


def test_last_and_next_days_are_no_date_lines() -> None:
    assert found("Last March 30") == {"Last March 30": "2018-03-30"}


# ------------------------------------------------------------------------ direction of a weekday

DIRECTION_CASES = [
    # "by" reads ahead, unless it closes an act already done
    ("The council must decide by Thursday.", "Thursday", "2018-06-14"),
    ("Officials hope to reopen the road by Monday.", "Monday", "2018-06-11"),
    ("Crews restored power by Monday morning.", "Monday morning", "2018-06-04TMO"),
    ("The fire was contained by Thursday.", "Thursday", "2018-06-07"),
    ("By Thursday, the flood water had receded.", "Thursday", "2018-06-07"),
    ("The talks are supposed to conclude by Monday.", "Monday", "2018-06-11"),
    # modals and tense
    ("The board will vote Thursday on the budget.", "Thursday", "2018-06-14"),
    ("The board had voted Thursday on the budget.", "Thursday", "2018-06-07"),
    # a happening nobody schedules is past, even in a present-tense report
    ("A man is in custody after a shooting Monday morning.", "Monday morning", "2018-06-04TMO"),
    ("A woman is dead following a crash Monday morning on Route 9.", "Monday morning",
     "2018-06-04TMO"),
    ("The man is charged with murder in the Monday morning shooting.", "Monday morning",
     "2018-06-04TMO"),
    ("The body was discovered Monday morning by a jogger.", "Monday morning", "2018-06-04TMO"),
    # an event that is scheduled looks ahead in the present
    ("The school board meets Monday morning.", "Monday morning", "2018-06-11TMO"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "phrase", "value"), DIRECTION_CASES)
def test_direction_of_a_weekday_with_the_parse(nlp, sentence: str, phrase: str, value: str) -> None:
    assert found(sentence, doc=nlp(sentence))[phrase] == value


@pytest.mark.parametrize(("sentence", "phrase", "value"), DIRECTION_CASES)
def test_direction_of_a_weekday_from_the_words(sentence: str, phrase: str, value: str) -> None:
    assert found(sentence)[phrase] == value


# ------------------------------------------------------------------------- times of day, blogs

LIVE_BLOG = (
    "Live updates: storm hits the coast\n\n"
    "6:15 p.m.: Winds reach 80 mph along the beach.\n\n"
    "6:30 p.m.: The mayor compared the storm with the one on March 4, when the shelter flooded "
    "at 9 p.m.\n\n"
    "6:45 p.m.: Power is out in 3,000 homes.\n\n"
    "At 7 p.m. crews reached the pier."
)


def test_live_blog_stamps_are_on_the_day_of_the_blog_not_the_last_day_named() -> None:
    values = found(LIVE_BLOG)
    assert values["6:15 p.m."] == "2018-06-08T18:15"
    assert values["9 p.m."] == "2018-03-04T21:00"  # in the entry that named March 4
    assert values["6:45 p.m."] == "2018-06-08T18:45"
    assert values["At 7 p.m."[3:]] == "2018-06-08T19:00"  # the entry after a stamp


def test_a_time_of_day_takes_the_day_the_text_talks_about() -> None:
    text = "The attack came on March 4. Police arrived at 6:45 p.m. and closed the road."
    assert found(text)["6:45 p.m."] == "2018-03-04T18:45"


def test_a_time_takes_the_day_named_just_after_it() -> None:
    text = "The blast hit the market at about 10:35 a.m. (0735 GMT) Wednesday, police said."
    assert found(text)["10:35 a.m."] == "2018-06-06T10:35"
    text = "He will leave at 4 in the morning (4 a.m. EDT Tuesday), his lawyer said."
    assert found(text)["4 in the morning"] == "2018-06-12T04:00"


def test_a_weekday_ending_a_paragraph_before_a_time_stamp() -> None:
    text = "The council will vote by Thursday.\n\n6:45 p.m.: The vote was moved."
    assert found(text) == {"Thursday": "2018-06-14", "6:45 p.m.": "2018-06-08T18:45"}


def test_incident_nouns_are_happenings_nobody_schedules() -> None:
    nouns = direction_words().incident_nouns
    assert {"shooting", "crash", "fire", "robbery", "arrest"} <= nouns
    assert not nouns & {"meeting", "game", "trial", "hearing", "vote", "concert"}
    assert found("Firefighters are still at the scene of a fire Monday.")["Monday"] == "2018-06-04"
