"""Event dating on real parses and the real dates stage: each event takes the expression of its own
clause, then one that governs it in its sentence, then the narrative's reference time, else the
publication; `date_source` says which. Sentences written for the project, in the genres of news:
crime, local politics, live reports."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from timeline.nlp.dates import find_time_expressions
from timeline.nlp.dating import DATE_SOURCES
from timeline.nlp.events import extract_events
from timeline.nlp.narrative import telling_verbs
from timeline.records import Event

MONDAY_JUNE_11 = datetime(2018, 6, 11, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str, published: datetime = MONDAY_JUNE_11) -> list[Event]:
        doc = nlp(text)
        return extract_events(doc, find_time_expressions(text, published, doc), published)

    return _run


def event(events: list[Event], trigger: str, occurrence: int = 0) -> Event:
    found = [e for e in events if e.trigger == trigger]
    assert len(found) > occurrence, [(e.trigger, e.date_value, e.date_source) for e in events]
    return found[occurrence]


def dated(e: Event) -> tuple[str, str]:
    return e.date_value, e.date_source


CRIME_REPORT = (
    "Springfield police arrested John Smith early Saturday after a robbery at a gas station on "
    "Elm Street. Smith attacked a clerk at 11:05 p.m. Friday, police said.\n\n"
    "Anyone with information is asked to call Springfield police.\n\n"
    "Mayor Ann Cole told reporters in an interview Sunday that the city would hire more officers. "
    "Police Chief Mark Lee said the department needed them. Cole said the council agreed."
)


def test_an_event_takes_the_day_of_its_own_clause(run):
    events = run(CRIME_REPORT)
    assert dated(event(events, "arrested")) == ("2018-06-09", "clause")  # "early Saturday"
    assert dated(event(events, "attacked")) == ("2018-06-08T23:05", "clause")


def test_an_appeal_for_witnesses_is_not_dated_at_the_crime(run):
    # "anyone with information is asked to call": service boilerplate, no event at all, so never
    # one dated at the crime
    assert not [e for e in run(CRIME_REPORT) if e.trigger == "asked"]


def test_a_statement_is_not_dated_by_another_persons_interview(run):
    events = run(CRIME_REPORT)
    speakers = {"Ann Cole", "Mark Lee"}  # "Police Chief" is his title, not his name
    cole, lee, cole_again = (e for e in events if {a.name for a in e.actors} & speakers)
    assert dated(cole) == ("2018-06-10", "clause")  # "in an interview Sunday"
    assert dated(lee) == ("2018-06-11", "publication")  # another speaker: no date of its own
    assert dated(cole_again) == ("2018-06-10", "context")  # the same speaker, quoted again


STORY = (
    "Police arrest Springfield man. Springfield police arrested John Smith on Saturday and "
    "charged him with robbery.\n\n"
    "Police charged his brother Tom Smith, who had been arrested in 2015, with theft.\n\n"
    "In 1998, rebels attacked the town. The army killed two rebels. Protesters attacked the "
    "police station."
)


def test_a_date_governing_the_clause_in_its_sentence(run):
    charged = event(run(STORY), "charged")  # "arrested ... on Saturday and charged him"
    assert dated(charged) == ("2018-06-09", "sentence")


def test_never_an_expression_of_another_events_clause(run):
    brother = event(run(STORY), "charged", 1)  # "who had been arrested in 2015" is not his
    assert brother.date_value != "2015"
    assert dated(brother) == ("2018-06-09", "context")  # the story's day


def test_two_acts_of_one_sentence_never_share_a_date_as_one_happening(run):
    story = STORY.replace("his brother Tom Smith", "Tom Smith")
    charged = event(run(story), "charged", 1)  # not the arrest "in 2015" of its relative clause
    assert dated(charged) == ("2018-06-09", "context")


def test_a_headline_in_the_present_happened_on_the_storys_day(run):
    assert dated(event(run(STORY), "arrest")) == ("2018-06-09", "context")


def test_a_far_past_year_is_the_reference_time_of_the_next_sentence_only(run):
    events = run(STORY)
    assert dated(event(events, "attacked")) == ("1998", "clause")
    assert dated(event(events, "killed")) == ("1998", "context")  # the next sentence
    assert event(events, "attacked", 1).date_value == "2018-06-09"  # back to the story's day


def test_date_sources_are_the_four_kinds(run):
    events = run(CRIME_REPORT) + run(STORY)
    assert {e.date_source for e in events} == set(DATE_SOURCES)
    for e in events:
        assert (e.time is None) == (e.date_source == "publication")
        if e.date_source == "publication":
            assert e.date_value == "2018-06-11"


def test_a_number_is_not_a_date_of_an_event(run):
    text = (
        "Springfield police arrested John Smith at 1412 Maple Street on Saturday. Officers "
        "searched the 2400 block of Elm Street. Police arrested Tom Lane, 45, of 1205 Lone Oak "
        "Road."
    )
    events = run(text)
    assert all(not e.date_value.startswith(("1412", "2400", "1205")) for e in events)
    assert dated(event(events, "arrested")) == ("2018-06-09", "clause")


def test_a_year_before_a_thing_dates_no_act(run):
    text = "Springfield police arrested John Smith on Monday. Smith stole a 1996 Chevrolet pickup."
    stole = [e for e in run(text) if e.lemma == "steal"]
    assert all(e.date_value != "1996" for e in stole)


def test_a_time_of_day_takes_the_day_of_its_happening_not_the_last_day_named(run):
    text = (
        "Mayor Ann Cole was killed by rebels last Oct. 23 at her home in Springfield.\n\n"
        "Police found the rifle on June 2, buried behind the house.\n\n"
        "The rebels killed Cole at 10 p.m. as she stood in her kitchen."
    )
    published = datetime(2018, 6, 8, 12, tzinfo=UTC)
    clock = [e for e in find_time_expressions(text, published) if e.text == "10 p.m."]
    assert clock[0].value == "2018-06-02T22:00"  # on the last day the text named ...
    later = event(run(text, published), "killed", 1)
    assert dated(later) == ("2017-10-23", "context")  # ... but the killing was last Oct. 23


def test_a_refusal_to_tell_is_dated_as_a_statement(run):
    text = (
        "Springfield police arrested John Smith on Saturday after a robbery. Police Chief Mark "
        "Lee declined to comment on the case."
    )
    declined = event(run(text), "declined")
    assert dated(declined) == ("2018-06-11", "publication")  # not the arrest's Saturday
    assert {"comment", "say", "discuss", "detail"} <= telling_verbs()


def test_a_mention_of_a_happening_takes_its_date_not_the_narratives_day(run):
    text = (
        "The June 2 bombing of the Springfield courthouse killed four people.\n\n"
        "On Monday, Governor Ann Cole visited the rebuilt courthouse. The blast was heard "
        "across the town."
    )
    assert dated(event(run(text), "blast")) == ("2018-06-02", "context")  # not Monday


def test_an_act_whose_subject_names_a_dated_happening_takes_its_date(run):
    text = (
        "Governor Ann Cole paid tribute on Monday to bombing victims in Springfield, where the "
        "June 2 blasts killed four people.\n\n"
        "Police are still investigating the bombings."
    )
    events = run(text)
    assert dated(event(events, "blasts")) == ("2018-06-02", "clause")  # the blasts' day
    assert not [e for e in events if e.trigger == "killed"]  # what they did: told with them
    # the later mention takes the day its own clause gives a blast, not the tribute's Monday
    assert dated(event(events, "bombings")) == ("2018-06-02", "context")


def test_a_mention_dated_to_its_month_takes_the_day_another_gives(run):
    text = (
        "Gunmen shot Mayor Tom Lane to death on Oct. 23 at his home in Springfield. Police said "
        "Monday they had found the rifle used in the October slaying of Lane."
    )
    assert event(run(text), "slaying").date_value == "2017-10-23"  # not all of October


def test_a_mention_of_another_persons_shooting_keeps_no_borrowed_day(run):
    text = (
        "Gunmen shot Mayor Tom Lane in Springfield on Saturday.\n\n"
        "On Monday, police arrested two men. The shooting of Officer Ann Cole in Riverside "
        "remains unsolved."
    )
    assert event(run(text), "shooting").date_value != "2018-06-09"


def test_a_mention_takes_the_day_the_story_tells_the_act_on(run):
    text = (
        "Mayor Tom Lane met council members at the courthouse on June 2. They were talking when "
        "a bomb went off, killing four people.\n\n"
        "On Monday, Governor Ann Cole visited the rebuilt courthouse. The blast was heard across "
        "the town."
    )
    events = run(text)
    assert dated(event(events, "went")) == ("2018-06-02", "context")  # "killing four": the same
    assert dated(event(events, "blast")) == ("2018-06-02", "context")  # what the bomb did


def test_a_state_a_dated_statement_reports_in_the_past_held_when_it_was_said(run):
    text = (
        "Springfield police said on Friday that two men were in custody after the robbery of a "
        "gas station."
    )
    assert dated(event(run(text), "custody")) == ("2018-06-08", "sentence")


def test_the_means_of_a_dated_act_happened_when_it_did(run):
    text = (
        "The June 2 bombing of the Springfield courthouse killed four people.\n\n"
        "The team includes a psychiatrist who worked in Riverside, where 40 people were killed in "
        "2015 in a bombing."
    )
    # the bombing that killed them, not the courthouse bombing told before: the day of the
    # clause that tells it
    assert dated(event(run(text), "bombing", 1)) == ("2015", "clause")


def test_a_lead_that_names_no_one_takes_the_day_told_further_on(run):
    text = (
        "Police in Springfield are investigating the sniper slaying of a doctor.\n\n"
        "Dr. Tom Lane was shot on May 3 as he stood in his kitchen."
    )
    assert dated(event(run(text), "slaying")) == ("2018-05-03", "context")


def test_an_offer_is_not_dated_by_the_day_of_what_it_offers(run):
    text = (
        "The mayor said Governor Ann Cole has offered to visit Springfield today to meet the "
        "families."
    )
    assert event(run(text), "offered").date_source == "publication"  # today is the visit's


def test_a_day_long_past_belongs_to_the_past_clause_not_to_the_present(run):
    text = (
        "Prosecutor Ann Cole heads a team that is investigating the bombing which killed four "
        "people in Springfield on June 2, 2016."
    )
    # no one heads a team on a day long past: the parse hangs the day on "heads", the killing
    # was then, and so the bombing that killed them
    assert dated(event(run(text), "bombing")) == ("2016-06-02", "clause")


def test_an_act_is_not_dated_by_what_it_is_done_for(run):
    text = (
        "The council subpoenaed Mayor Tom Lane to testify before the Committee on Public Safety "
        "on June 15."
    )
    assert event(run(text), "subpoenaed").date_value != "2018-06-15"  # the day of testifying


def test_acts_joined_to_a_when_clause_happened_on_its_day(run):
    text = (
        "In contrast to Saturday, when 40 people were arrested and police were forced to use tear "
        "gas to disperse a crowd, protesters in Springfield were calm on Sunday."
    )
    assert dated(event(run(text), "disperse")) == ("2018-06-09", "clause")  # Saturday's


def test_what_goes_on_now_is_not_dated_years_back(run):
    text = (
        "Government troops fought rebels in the hills north of Springfield in 1972.\n\n"
        "The rebels are weak now. Sporadic fighting in the hills is expected to continue."
    )
    assert event(run(text), "fighting").date_value != "1972"


def test_an_act_of_violence_nothing_dates_is_the_one_the_article_dates(run):
    text = (
        "Gunmen shot Mayor Tom Lane at his home in Springfield on June 2.\n\n"
        "Detectives are still looking for the rifle. They found shell casings near the fence "
        "where the gunmen stood and fired."
    )
    assert dated(event(run(text), "fired")) == ("2018-06-02", "context")


def test_the_day_before_or_after_a_date(run):
    events = run(
        "Tom Lane was last seen May 3, the day before police issued a warrant for his arrest. "
        "Police searched the house on May 3, the day after gunmen shot Mayor Tom Lane."
    )
    assert dated(event(events, "issued")) == ("2018-05-04", "clause")
    assert dated(event(events, "shot")) == ("2018-05-02", "clause")


def test_a_happening_a_dated_day_is_the_anniversary_of(run):
    events = run(
        "Hundreds gathered in Springfield on Sunday, the 50th anniversary of the bombing of the "
        "courthouse."
    )
    assert dated(event(events, "bombing")) == ("1968-06-10", "clause")  # not this Sunday


def test_a_year_that_names_a_thing_sets_no_time_for_the_next_sentence(run):
    text = (
        "Springfield Mayor Ann Cole won her court case against the city council today. The 1991 "
        "agreement was that the council would pay for the new courthouse. Judge Tom Lane agreed "
        "with Cole's lawyers."
    )
    assert event(run(text), "agreed").date_value != "1991"


def test_an_earlier_mention_takes_no_narrative_day_from_a_later_one(run):
    text = (
        "The new Springfield airport is set to open on Monday. It is being billed as the largest "
        "in the state.\n\n"
        "The first flights are not due until October. The airline has warned there could be "
        "additional charges to come."
    )
    # the charges are told where the text is in October; what they refer back to is not then
    assert event(run(text), "billed").date_value != "2018-10"


SATURDAY_JUNE_16 = datetime(2018, 6, 16, 9, 0, tzinfo=UTC)


def test_a_span_counted_back_from_today_dates_what_happened_over_it(run):
    text = (
        "Springfield police have arrested Tom Lane at the county fair in each of the last three "
        "years, the sheriff said."
    )
    arrested = event(run(text), "arrested")
    assert (arrested.date_start.isoformat(), arrested.date_end.isoformat()) == (
        "2015-06-11",
        "2018-06-11",
    )
    assert dated(arrested) == ("P3Y", "clause")  # the span TIMEX3 writes as a duration


def test_the_last_days_of_a_thing_are_no_span_up_to_today(run):
    text = "Springfield police arrested Tom Lane in the last two days of the county fair."
    assert event(run(text), "arrested").date_value != "P2D"


def test_last_week_in_a_weekend_paper_is_the_week_then_ending(run):
    text = "Last week the state police joined Springfield officers to search the river banks."
    joined = event(run(text, SATURDAY_JUNE_16), "joined")
    assert (joined.date_start.isoformat(), joined.date_end.isoformat()) == (
        "2018-06-11",
        "2018-06-16",
    )
    # on a weekday it is the week before
    assert event(run(text), "joined").date_value == "2018-W23"


def test_the_lede_is_read_past_the_blank_lines_and_the_date_line(run):
    text = (
        "\n\nSPRINGFIELD (AP) --\n\nThe council rejected the budget plan. The vote came late "
        "Tuesday after a long debate.\n\nThe mayor criticized the council."
    )
    # the story's day, named in the lede's second sentence, dates a past act told later
    assert dated(event(run(text), "criticized")) == ("2018-06-05", "context")


def test_an_act_of_violence_the_lede_alone_dates_is_the_one_the_article_dates(run):
    text = (
        "\n\nSPRINGFIELD (AP) --\n\nPolice arrested a man in connection with the bombing of the "
        "courthouse, according to a statement today by the sheriff. The blasts on June 2 killed "
        "four people.\n\nThe bombs exploded almost at once."
    )
    # not the day of the arrest the lede tells, but the day the blasts are told on
    assert dated(event(run(text), "exploded")) == ("2018-06-02", "context")


def test_a_past_act_below_what_is_so_now_is_not_dated_by_the_report_above(run):
    text = (
        "A gunman shot Mayor Tom Lane late Thursday in Springfield.\n\n"
        "The Springfield Herald reported Saturday that the rifle was found in a field near a barn "
        "where police believe the gunman stood and fired."
    )
    # the firing is not the day of the report: "police believe" stands between them
    assert dated(event(run(text), "fired")) == ("2018-06-07", "context")


def test_a_lede_statement_is_made_on_the_day_its_speaker_is_quoted_with_further_on(run):
    text = (
        "Mayor Tom Lane said Governor Ann Cole has offered to visit Springfield today to meet the "
        "families.\n\n"
        "Cole would come alone if the council agreed to pay for the trip, Lane said Sunday."
    )
    events = run(text)
    assert dated(event(events, "said")) == ("2018-06-10", "context")
    # what it reports as done ("has offered") was done by the day it was said
    assert dated(event(events, "offered")) == ("2018-06-10", "context")


def test_a_clause_counted_from_the_day_of_its_main_clause(run):
    text = (
        "About 300 people attended a memorial service on Sunday for Mayor Tom Lane, one year "
        "after he was killed by a gunman."
    )
    killed = event(run(text), "killed")
    assert dated(killed) == ("2017-06-10", "clause")  # a year before Sunday, not Sunday
    # a count of years is loose by a few days: the week around the day counted
    assert (killed.date_start.isoformat(), killed.date_end.isoformat()) == (
        "2017-06-07",
        "2017-06-13",
    )
    text = "Protesters blocked the bridge on Friday, two days after police arrested their leader."
    assert dated(event(run(text), "arrested")) == ("2018-06-06", "clause")  # counted in days


def test_a_lead_that_names_the_victim_takes_the_day_told_further_on_without_names(run):
    text = (
        "NAIROBI, Kenya (AP) _ U.S. Ambassador Jane Roe met Kenya's trade minister on Wednesday "
        "to finish talks that were interrupted by the bombing of the U.S. Embassy.\n\n"
        "On June 1, the bomb went off, killing 200 people."
    )
    assert dated(event(run(text), "bombing")) == ("2018-06-01", "context")


def test_a_happening_introduced_later_does_not_date_the_one_told_before(run):
    text = (
        "Drones struck two oil plants on Saturday. The rebels claimed responsibility for the "
        "attacks. In 2006, the plant was the target of an Al-Qaeda suicide attack."
    )
    found = run(text)
    assert event(found, "attacks").date_value != "2006"
    assert event(found, "attack").date_value == "2006"
