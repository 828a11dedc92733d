"""Event extraction on real parses: the seed article and sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from timeline.nlp.coding import RULE_CODES
from timeline.nlp.events import extract_events
from timeline.records import DATE, DURATION, Event, TimeExpression

PUBLISHED = datetime(2017, 4, 7, 12, 0, tzinfo=UTC)


def timex(
    text: str,
    phrase: str,
    value: str,
    granularity: str,
    start: date | None,
    end: date | None,
    kind: str = DATE,
    occurrence: int = 0,
) -> TimeExpression:
    """A TimeExpression for the `occurrence`-th `phrase` in `text`, as the dates stage makes it."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(phrase, offset + 1)
    return TimeExpression(
        text=phrase,
        start=offset,
        end=offset + len(phrase),
        type=kind,
        value=value,
        granularity=granularity,
        date_start=start,
        date_end=end,
        anchor=PUBLISHED,
    )


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str, expressions: list[TimeExpression] | None = None) -> list[Event]:
        return extract_events(nlp(text), expressions or [], PUBLISHED)

    return _run


def sources(event: Event) -> set[str]:
    return {a.name for a in event.actors_in("source")}


def targets(event: Event) -> set[str]:
    return {a.name for a in event.actors_in("target")}


def places(event: Event) -> set[tuple[str, str | None]]:
    return {(p.name, p.country_code) for p in event.locations}


def only(events: list[Event], lemma: str) -> Event:
    found = [e for e in events if e.lemma == lemma]
    assert len(found) == 1, [(e.trigger, e.event_code) for e in events]
    return found[0]


# --- the seed article ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_events(nlp, seed_text) -> list[Event]:
    t = seed_text
    expressions = [
        timex(t, "next week", "2017-W15", "week", date(2017, 4, 10), date(2017, 4, 16)),
        timex(t, "yesterday", "2017-04-06", "day", date(2017, 4, 6), date(2017, 4, 6)),
        timex(t, "2013", "2013", "year", date(2013, 1, 1), date(2013, 12, 31)),
        timex(t, "Tuesday", "2017-04-11", "day", date(2017, 4, 11), date(2017, 4, 11)),
    ]
    return extract_events(nlp(seed_text), expressions, PUBLISHED)


def test_seed_trip_to_moscow_next_week(seed_events):
    trips = [
        e
        for e in seed_events
        if e.event_code.startswith("04") and e.date_value == "2017-W15" and e.status == "planned"
    ]
    assert trips
    trip = trips[0]
    assert "Rex Tillerson" in sources(trip)
    assert ("Moscow", "RUS") in places(trip)
    assert trip.date_start == date(2017, 4, 10) and trip.date_end == date(2017, 4, 16)
    assert trip.granularity == "week" and trip.date_source == "sentence"  # "follow ... next week"
    assert trip.plover_type == "CONSULT"


def test_seed_arrival_on_tuesday(seed_events):
    arrival = only(seed_events, "arrive")
    assert arrival.event_code == "042"
    assert arrival.date_value == "2017-04-11" and arrival.date_source == "clause"
    assert arrival.status == "planned"
    assert places(arrival) == {("Moscow", "RUS")}
    assert sources(arrival) == {"Rex Tillerson"}


def test_seed_stop_in_lucca(seed_events):
    stops = [e for e in seed_events if ("Lucca", "ITA") in places(e)]
    assert stops and all(e.event_code.startswith("04") for e in stops)
    assert any("Rex Tillerson" in sources(e) for e in stops)


def test_seed_plans_to_meet_lavrov(seed_events):
    meetings = [e for e in seed_events if e.event_code == "036"]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting.status == "planned"
    assert sources(meeting) == {"Rex Tillerson"}
    assert targets(meeting) == {"Sergey Lavrov"}
    lavrov = meeting.actors_in("target")[0]
    assert lavrov.country_code == "RUS"
    assert ("Russia", "RUS") in places(meeting)


def test_seed_missile_strike(seed_events):
    strikes = [e for e in seed_events if e.lemma == "launch"]
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike.event_code == "195" and strike.quad_class == 4 and strike.goldstein == -10.0
    assert sources(strike) == {"United States"}
    assert any("Syria" in name for name in targets(strike))
    assert any(code == "SYR" for _, code in places(strike))
    assert strike.date_value == "2017-04-06" and strike.date_source == "context"
    assert strike.status == "asserted"


def test_seed_deal_brokered_in_2013(seed_events):
    deal = only(seed_events, "broker")
    assert deal.date_value == "2013" and deal.granularity == "year"
    assert deal.date_start == date(2013, 1, 1) and deal.date_end == date(2013, 12, 31)
    assert sources(deal) == {"Russia"}


def test_seed_statement_about_russia(seed_events):
    statements = [
        e for e in seed_events if e.event_code[:2] in ("01", "11") and "Rex Tillerson" in sources(e)
    ]
    # "Tillerson said Russia had failed": Russia is what the statement is about, the subject of
    # the clause it reports, not whom it is addressed to
    assert statements and not any("Russia" in targets(e) for e in statements)
    first = statements[0]
    assert "failed in its responsibility" in first.sentence
    # no words of its own date it, and a statement is not dated by the acts it tells of
    assert first.date_value == "2017-04-07" and first.date_source == "publication"


def test_seed_one_person_one_country(seed_events):
    names = {a.name for e in seed_events for a in e.actors}
    assert "Tillerson" not in names and "US" not in names and "U.S." not in names
    assert "Putin" not in names and "Assad" not in names
    the_us = [a for e in seed_events for a in e.actors if a.country_code == "USA"]
    assert {a.name for a in the_us if a.kind == "country"} == {"United States"}


def test_seed_events_are_complete_and_in_text_order(seed_events, seed_text):
    assert [e.trigger_start for e in seed_events] == sorted(e.trigger_start for e in seed_events)
    for event in seed_events:
        assert seed_text[event.trigger_start : event.trigger_end] == event.trigger
        assert seed_text[event.sentence_start : event.sentence_end] == event.sentence
        assert event.event_label and event.quad_class in (1, 2, 3, 4)
        assert event.goldstein is not None
        assert event.status in ("asserted", "planned", "negated", "hypothetical", "reported")
        # only a protest, coercion or violence the text names without its actors has none
        assert (
            event.actors_in("source")
            or event.actors_in("target")
            or event.event_code[:2] in RULE_CODES.happenings
        )
        assert event.date_value and event.date_start is not None
        assert event.date_source in ("clause", "sentence", "context", "publication")
        if event.date_source == "publication":
            assert event.time is None and event.date_value == "2017-04-07"
        else:
            assert event.time is not None and event.time.value == event.date_value
        if not event.event_code.startswith("01"):
            assert event.plover_type


def test_seed_no_event_for_copulas_and_embroiled(seed_events):
    lemmas = {e.lemma for e in seed_events}
    assert not lemmas & {"be", "embroil", "think", "see", "follow", "have"}


# --- sentences written for these tests -------------------------------------------------------


def test_attack_with_place_and_date(run):
    text = "The Russian army attacked rebel positions near Aleppo on Monday."
    events = run(
        text, [timex(text, "Monday", "2017-04-03", "day", date(2017, 4, 3), date(2017, 4, 3))]
    )
    attack = only(events, "attack")
    assert attack.event_code.startswith("19") and attack.plover_type == "ASSAULT"
    assert [a.country_code for a in attack.actors_in("source")] == ["RUS"]
    assert ("Aleppo", "SYR") in places(attack)
    assert attack.date_value == "2017-04-03" and attack.date_source == "clause"
    assert attack.status == "asserted"


def test_passive_agent_is_the_source(run):
    events = run("Opposition leader Alexei Navalny was arrested by Russian police in Moscow.")
    arrest = only(events, "arrest")
    assert arrest.event_code == "173"
    assert [a.country_code for a in arrest.actors_in("source")] == ["RUS"]
    assert "Alexei Navalny" in targets(arrest)
    assert places(arrest) == {("Moscow", "RUS")}


def test_negated_event(run):
    event = only(run("China did not sign the trade agreement with Japan."), "sign")
    assert event.status == "negated"
    assert sources(event) == {"China"}


def test_conditional_is_hypothetical(run):
    event = only(run("If Iran tests a missile, Israel would strike its nuclear sites."), "strike")
    assert event.status == "hypothetical"
    assert event.event_code == "138"  # a conditional attack is coded as a threat of force
    assert sources(event) == {"Israel"}


def test_reported_clause_keeps_the_speaker_as_statement_source(run):
    events = run("German Chancellor Angela Merkel said Germany sent aid to Greece.")
    said = only(events, "say")
    assert said.event_code == "010" and sources(said) == {"Angela Merkel"}
    sent = only(events, "send")
    assert sent.status == "reported" and sent.event_code.startswith("07")
    assert sources(sent) == {"Germany"} and "Greece" in targets(sent)


@pytest.mark.parametrize(
    "text",
    [
        "The cat chased the mouse across the garden.",
        "It rained heavily in London.",
        "Russia is a big country.",
        "The United States thinks Russia is a problem.",
        "Analysts see little chance of progress.",
    ],
)
def test_no_event_without_a_political_action(run, text):
    assert run(text) == []


def test_duration_does_not_date_an_event(run):
    text = "Russian troops shelled Ukrainian positions for three days."
    duration = timex(text, "three days", "P3D", "duration", None, None, kind=DURATION)
    event = only(run(text, [duration]), "shell")
    assert event.date_source == "publication" and event.date_value == "2017-04-07"
    assert event.time is None


def test_the_storys_day_dates_the_past_acts_of_later_paragraphs(run):
    text = (
        "On Monday, the talks in Geneva ended without a deal.\n"
        "Iran accused the United States of sabotage.\n\n"
        "France condemned the decision."
    )
    monday = timex(text, "Monday", "2017-04-03", "day", date(2017, 4, 3), date(2017, 4, 3))
    events = run(text, [monday])
    accuse = only(events, "accuse")
    assert accuse.event_code == "112" and accuse.date_source == "context"
    assert accuse.date_value == "2017-04-03"
    assert sources(accuse) == {"Iran"} and targets(accuse) == {"United States"}
    condemn = only(events, "condemn")  # the lede's day is the story's
    assert condemn.date_source == "context" and condemn.date_value == "2017-04-03"


def test_intent_and_refusal_are_coded_from_the_action(run):
    plans = only(run("Japan plans to meet with South Korean officials."), "meet")
    assert plans.event_code == "036" and plans.status == "planned"
    refusal = only(run("Iran refused to meet with the French envoy."), "refuse")
    assert refusal.event_code == "125" and refusal.plover_type == "REJECT"
    threat = only(run("North Korea threatened to attack South Korea."), "threaten")
    assert threat.event_code == "138" and targets(threat) == {"South Korea"}
    appeal = only(run("The Security Council urged Israel to release the prisoners."), "urge")
    assert appeal.event_code == "0253" and "Israel" in targets(appeal)


def test_future_with_will_and_future_date_is_planned(run):
    text = "Japanese Prime Minister Shinzo Abe will visit Washington next month."
    month = timex(text, "next month", "2017-05", "month", date(2017, 5, 1), date(2017, 5, 31))
    visit = only(run(text, [month]), "visit")
    assert visit.status == "planned" and visit.event_code == "042"
    assert visit.date_value == "2017-05" and visit.granularity == "month"
    assert ("Washington", "USA") in places(visit)


def test_places_belong_to_their_own_event(run):
    events = run("Putin visited Paris on Monday. Russia later criticized NATO.")
    criticism = only(events, "criticize")
    assert criticism.locations == []
    assert targets(criticism) == {"NATO"}


def test_sanctions_on_a_country(run):
    event = only(run("The European Union imposed sanctions on Russia."), "impose")
    assert event.event_code == "163" and targets(event) == {"Russia"}


def test_must_clause_under_speech_is_a_demand_on_its_subject(run):
    text = "British Foreign Secretary Boris Johnson said Iran must release the sailors."
    demand = only(run(text), "say")
    assert demand.event_code == "1053" and demand.plover_type == "REQUEST"
    assert sources(demand) == {"Boris Johnson"} and targets(demand) == {"Iran"}


def test_future_coercion_is_a_threat_and_future_refusal_a_rejection(run):
    threat = only(run("Greece will impose new restrictions on Turkish imports."), "impose")
    assert threat.event_code.startswith("13") and threat.status == "planned"
    assert targets(threat) == {"Turkey"}
    refusal = only(run("Israel will not meet with Hamas."), "meet")
    assert refusal.event_code == "125" and refusal.status == "asserted"


def test_readiness_is_intent_and_own_troops_are_not_the_target(run):
    event = only(run("China is ready to send troops to Mali."), "ready")
    assert event.event_code.startswith("03") and event.plover_type == "AGREE"
    assert event.status == "asserted"  # the readiness: what it is ready for is its code
    assert sources(event) == {"China"} and targets(event) == {"Mali"}


def test_place_country_is_the_target_when_none_is_named(run):
    event = only(run("Serbia lifted the curfew in Montenegro."), "lift")
    assert event.event_code.startswith("08")
    assert targets(event) == {"Montenegro"}


def test_nouns_inside_names_are_not_events(run):
    assert run("The Asia-Pacific Economic Cooperation forum opened in Lima.") == []


def test_statement_event_and_anaphoric_mention_share_the_date(run):
    text = (
        "The United States launched air strikes on Islamic State positions in Iraq.\n\n"
        "On Thursday, the strikes were condemned by Iran."
    )
    thursday = timex(text, "Thursday", "2017-04-06", "day", date(2017, 4, 6), date(2017, 4, 6))
    events = run(text, [thursday])
    launch = only(events, "launch")
    assert launch.event_code == "195"
    assert sources(launch) == {"United States"}
    condemn = only(events, "condemn")
    assert sources(condemn) == {"Iran"} and condemn.date_source == "clause"
    # Thursday is when Iran condemned the strikes, not when they were launched: the mention of
    # the strikes (the launch's actors) does not take the day of the clause it is mentioned in
    mention = only(events, "strike")
    assert sources(mention) == {"United States"}
    assert mention.date_value != "2017-04-06"


def test_empty_and_eventless_texts(run):
    assert run("") == []
    assert run("\n\n") == []


def test_support_verb_noun_takes_the_verbs_subject_and_its_by_agent(run):
    events = run("Chinese President Xi Jinping paid a state visit to Germany.")
    visit = only(events, "visit")
    assert visit.event_code == "042" and visit.trigger == "visit"
    assert sources(visit) == {"Xi Jinping"} and targets(visit) == {"Germany"}
    assert ("Germany", "DEU") in places(visit)


def test_people_take_their_country_from_their_description(run):
    events = run("Amina Diallo, Senegal's leading human rights lawyer, staged a hunger strike.")
    strike = only(events, "strike")
    assert strike.event_code == "142" and strike.plover_type == "PROTEST"
    assert [a.country_code for a in strike.actors_in("source")] == ["SEN"]


def test_groups_take_their_country_from_the_city_they_are_in(run):
    event = only(run("Demonstrators in Nairobi blocked roads in the city of Mombasa."), "block")
    assert event.event_code == "144"
    assert {a.country_code for a in event.actors_in("source")} == {"KEN"}


def test_company_business_is_economic_cooperation_dated_by_its_expression(run):
    text = "Lufthansa ordered twelve new aircraft from Embraer on Monday."
    monday = timex(text, "on Monday", "2017-04-03", "day", date(2017, 4, 3), date(2017, 4, 3))
    events = run(text, [monday])
    order = next(e for e in events if e.lemma == "order")
    assert order.event_code == "061"
    assert order.plover_type == "COOPERATE"
    assert "Lufthansa" in sources(order)
    assert order.date_value == "2017-04-03" and order.date_source == "clause"


def test_companies_are_business_actors_of_their_events(run):
    text = "Brightwater Inc. sued Samsung Electronics over a patent on Monday."
    monday = timex(text, "on Monday", "2017-04-03", "day", date(2017, 4, 3), date(2017, 4, 3))
    suit = only(run(text, [monday]), "sue")
    assert suit.event_code == "115"
    assert [(a.name, a.code) for a in suit.actors_in("source")] == [("Brightwater Inc.", "BUS")]
    assert [(a.name, a.code) for a in suit.actors_in("target")] == [("Samsung Electronics", "BUS")]
    assert suit.date_value == "2017-04-03"
    # a company name the recogniser does not type in full is still the company
    events = run("Boeing Commercial Airplanes delivered the last jet to AirTran Airways.")
    delivery = only(events, "deliver")
    assert delivery.event_code == "061"
    assert {(a.name, a.sector) for a in delivery.actors_in("source")} == {
        ("Boeing Commercial Airplanes", "BUS")
    }


@pytest.mark.parametrize(
    ("text", "lemma", "code"),
    [
        ("The Air Force selected Northrop Grumman to build the new tankers.", "select", "061"),
        ("The ministry chose Alstom to supply the trains.", "choose", "061"),
        ("Airbus secured a contract from the Royal Air Force.", "secure", "061"),
        ("Apple settled its trademark dispute with Apple Corps.", "settle", "057"),
        ("Steve Jobs gave the keynote at the developers conference.", "keynote", "010"),
    ],
)
def test_business_news_verbs_and_nouns(run, text, lemma, code):
    assert only(run(text), lemma).event_code == code


def test_choosing_is_business_only_when_the_chosen_supply_something(run):
    for text in (
        "The board selected a new chairman.",
        "The party chose Maria Ortiz as its candidate.",
        "The minister has chosen to step down.",
    ):
        assert not any(e.lemma in ("select", "choose") for e in run(text)), text


def test_a_participle_joined_to_a_passive_shares_its_subject(run):
    events = run("Two activists were arrested and charged by police in Cairo.")
    charge = only(events, "charge")
    assert charge.event_code.startswith("17")
    assert {a.code for a in charge.actors_in("source")} == {"EGYCOP"}
    assert {a.sector for a in charge.actors_in("target")} == {"OPP"}
    purchase = only(
        run("In China, airliners are selected and purchased by the government."), "purchase"
    )
    assert purchase.event_code == "061"
    assert {a.code for a in purchase.actors_in("source")} == {"CHNGOV"}


def test_an_order_to_a_person_is_still_a_demand(run):
    events = run("The Syrian army ordered residents to leave the village.")
    assert any(e.event_code.startswith("10") for e in events)
    assert not any(e.event_code == "061" for e in events)


def test_company_unveiling_is_a_statement(run):
    events = run("Toyota unveiled a new electric car in Tokyo.")
    unveil = next(e for e in events if e.lemma == "unveil")
    assert unveil.event_code == "010"
    assert "Toyota" in sources(unveil)


def test_purpose_infinitive_is_planned_and_keeps_its_code(run):
    text = "Russia and the United States reached a deal to destroy Syria's chemical weapons."
    events = run(text)
    destroy = next(e for e in events if e.lemma == "destroy")
    assert destroy.status == "planned"
    assert destroy.event_code.startswith("17")  # an aim, not a threat
    deal = next(e for e in events if e.lemma == "reach")
    assert deal.status == "asserted"


def test_a_protest_against_no_one_named_has_no_target(run):
    # the text names no one it is against: neither the source's country nor where it happens
    for text in (
        "Thousands of Kenyan teachers staged a general strike over pay.",
        "Tens of thousands of people rallied in Havana on Friday.",
    ):
        protest = next(e for e in run(text) if e.event_code.startswith("14"))
        assert protest.actors_in("source") and not protest.actors_in("target"), text
    events = run("Thousands of students protested against the government in Nairobi.")
    protest = next(e for e in events if e.event_code.startswith("14"))
    assert protest.actors_in("target")


def test_visit_to_a_city_targets_its_country_without_the_city_words(run):
    events = run("Prime Minister Justin Trudeau of Canada travelled to Beijing on Monday.")
    visit = next(e for e in events if e.event_code.startswith("04"))
    target = next(a for a in visit.actors_in("target"))
    assert (target.name, target.country_code) == ("China", "CHN")
    assert target.text == "" and target.start == -1  # "Beijing" is a place, not a name of China
    assert ("Beijing", "CHN") in places(visit)


def test_aid_for_a_country_and_to_a_country(run):
    for text in (
        "Japan agreed to provide emergency aid for Nepal.",
        "Japan sent emergency aid to Nepal.",
    ):
        events = run(text)
        assert any("Nepal" in targets(e) for e in events), text


def test_office_holder_takes_the_only_country_the_article_names(run):
    # (a president the actor dictionary does not know)
    text = "President Jean Kabera criticized the opposition. Rwanda will hold elections in May."
    events = run(text)
    criticism = next(e for e in events if "Jean Kabera" in sources(e))
    kabera = next(a for a in criticism.actors_in("source") if a.name == "Jean Kabera")
    assert kabera.country_code == "RWA"
    text = "President Jean Kabera praised Uganda and Kenya."
    praise = next(e for e in run(text) if "Jean Kabera" in sources(e))
    assert next(a for a in praise.actors if a.name == "Jean Kabera").country_code is None


def test_it_is_the_subject_of_the_clause_above_not_the_nearest_country(run):
    text = "Washington said the strikes on Syria were a warning, and it would not send troops."
    send = next(e for e in run(text) if e.lemma == "send")
    assert sources(send) == {"United States"}
    text = "The Tamil Tigers announced that it will free soldiers captured in Sri Lanka."
    free = next(e for e in run(text) if e.lemma == "free")
    assert sources(free) == {"Tamil Tigers"}


def test_narrative_anchor_respects_tense_and_statements(run):
    text = (
        "In 2015 the company built a factory in Ohio. Ford said it was pleased. "
        "Ford sells cars in Mexico. Ford opened a plant in 2019 and expanded it."
    )
    year = timex(text, "2015", "2015", "year", date(2015, 1, 1), date(2015, 12, 31))
    later = timex(text, "2019", "2019", "year", date(2019, 1, 1), date(2019, 12, 31))
    events = run(text, [year, later])
    said = next(e for e in events if e.lemma == "say")
    assert said.date_source == "publication"  # a statement is not dated by the story's background
    sells = [e for e in events if e.lemma == "sell"]
    assert not sells  # what the firm does habitually is no event
    text2 = "Rex Tillerson said yesterday that talks failed. Tillerson said Russia was to blame."
    yesterday = timex(text2, "yesterday", "2017-04-06", "day", date(2017, 4, 6), date(2017, 4, 6))
    first, second = [e for e in run(text2, [yesterday]) if e.lemma == "say"]
    assert first.date_value == "2017-04-06" and first.date_source == "clause"
    assert second.date_value == "2017-04-06" and second.date_source == "context"  # same speaker
    text3 = "Until yesterday the US waited. Rex Tillerson said Russia had failed."
    yesterday = timex(text3, "yesterday", "2017-04-06", "day", date(2017, 4, 6), date(2017, 4, 6))
    said = next(e for e in run(text3, [yesterday]) if e.lemma == "say")
    assert said.date_source == "publication"  # not the day of the act it tells of


def test_place_named_by_a_kind_of_place_and_victims_of_the_place(run):
    events = run("Serbia lifted the curfew on Wednesday in Kosovo province.")
    lifted = next(e for e in events if "Serbia" in sources(e))
    assert any(p[1] for p in places(lifted))  # "Kosovo province" is a place
    text = "Two gunmen from Chad killed four people on Sunday when they attacked a market in Kano."
    killed = next(e for e in run(text) if e.lemma == "kill")
    victims = [a for a in killed.actors_in("target") if a.kind == "group"]
    assert victims and all(a.country_code == "NGA" for a in victims)


def test_actor_words_cover_the_whole_name(run):
    text = "Japan sent aid to the Organization of American States."
    sent = next(e for e in run(text) if e.lemma == "send")
    target = next(a for a in sent.actors_in("target"))
    assert target.text == "the Organization of American States"


def test_seed_actor_words_are_names(seed_events):
    for event in seed_events:
        for actor in event.actors:
            assert actor.text != "Moscow" or actor.name != "Russia"  # a place lends no name
            assert actor.text != "the Group"


def test_person_described_as_an_organization_official_takes_its_code(run):
    critic = next(e for e in run("Ban Ki-moon, the UN secretary-general, criticized Israel."))
    person = next(a for a in critic.actors_in("source"))
    # the actor dictionary's code: the UN's secretary-general
    assert (person.name, person.code, person.country_code) == ("Ban Ki-moon", "IGOUNO", None)


def test_artillery_fire_against_a_conjoined_object(run):
    text = "Syrian troops launched artillery, mortar and rocket fire against Turkish positions."
    fire = next(e for e in run(text) if e.lemma == "launch")
    assert fire.event_code == "194"
    assert {a.country_code for a in fire.actors_in("target")} == {"TUR"}


@pytest.mark.parametrize(
    ("text", "lemma", "code"),
    [
        ("Russia launched an investigation into the crash.", "investigation", "09"),
        ("Putin delivered a speech in Moscow.", "speech", "01"),
        ("Airbus delivered ten aircraft to Qatar Airways.", "deliver", "06"),
        ("Samsung launched a new phone in Seoul.", "launch", "01"),
        ("The government released 40 prisoners.", "release", "08"),
    ],
)
def test_support_verb_with_an_event_noun_is_the_noun(run, text, lemma, code):
    events = run(text)
    assert any(e.lemma == lemma and e.event_code.startswith(code) for e in events), [
        (e.lemma, e.event_code) for e in events
    ]


def test_unnamed_groups_take_the_name_and_code_of_the_country_context_gives(run):
    killed = next(e for e in run("Police killed three protesters in Cairo."))
    assert {(a.name, a.code) for a in killed.actors} == {
        ("Egypt police", "EGYCOP"),
        ("Egypt opposition", "EGYOPP"),
    }
    text = "France is ready to contribute 4,000 troops to an international force in Liberia."
    pledge = next(e for e in run(text) if "France" in sources(e))
    assert "Liberia military" in targets(pledge)  # not merged with France's own troops


def test_engaged_in_an_event_noun_and_meetings_between_actors(run):
    text = "Sudanese militias were engaged in ethnic cleansing in Darfur."
    cleansing = next(e for e in run(text) if e.event_code == "203")
    assert {a.country_code for a in cleansing.actors_in("source")} == {"SDN"}
    text = "Egypt will host a meeting between Israel and Hamas in Cairo."
    meeting = next(e for e in run(text) if e.event_code.startswith("04"))
    assert {"Israel", "Hamas"} <= targets(meeting)


def test_aid_measured_in_quantities_is_aid(run):
    text = "Swiss doctors handed over 700 kg of medicine to the Red Cross in Bam."
    handed = next(e for e in run(text) if e.lemma == "hand")
    assert handed.event_code.startswith("07")
    assert {a.country_code for a in handed.actors_in("source")} == {"CHE"}


def test_organization_named_inside_a_compound_object(run):
    text = "Russia on Friday vetoed a Security Council resolution censuring its air strikes."
    veto = next(e for e in run(text) if e.lemma == "veto")
    assert "UN Security Council" in targets(veto)


def test_the_company_is_the_company_just_named(run):
    text = (
        "Lufthansa ordered 20 jets from Airbus on Monday. The airline signed the contract in Paris."
    )
    events = run(text)
    sources_written = {(a.name, a.text) for e in events for a in e.actors_in("source")}
    assert ("Lufthansa", "The airline") in sources_written
    order = next(e for e in events if e.lemma == "order")
    assert not any(a.sector == "MIL" for a in order.actors)  # the jets are goods, not troops


def test_a_city_inside_the_object_lends_no_words_to_its_country(run):
    text = "Gunmen from Chad attacked a market in Kano and killed four traders."
    for event in run(text):
        for actor in event.actors:
            assert actor.text != "Kano"


def test_exercising_purchase_options_is_business_but_restraint_is_not(run):
    events = run("Ryanair exercised its options on five Boeing 737s.")
    assert any(e.event_code == "061" and "Ryanair" in sources(e) for e in events)
    assert not any(e.lemma == "exercise" for e in run("The Syrian army exercised restraint."))


def test_a_known_happening_named_under_a_plan_is_no_plan_of_its_own(run):
    # "the murder" is what happened, not what the senator wants: not a threat to murder
    events = run("The senator wants to capitalize on the murder of a Springfield doctor.")
    murder = only(events, "murder")
    assert murder.status == "asserted" and murder.event_code.startswith("18")
    # what a plan is to bring about stays planned
    attack = only(run("The rebels plan to carry out an attack on the capital."), "attack")
    assert attack.status == "planned"


def test_an_actor_where_violence_struck_is_its_target(run):
    text = "A bomb exploded outside the U.S. Embassy on Friday."
    exploded = [e for e in run(text) if e.trigger == "exploded"]
    assert [(a.name, a.code) for a in exploded[0].actors_in("target")] == [
        ("United States", "USAGOV")
    ]
    # a place where it struck is a place, not a target: the target is the country it is in
    text = "A bomb exploded outside the station in Nairobi on Friday."
    assert [targets(e) for e in run(text) if e.trigger == "exploded"] == [{"Kenya"}]


def test_a_name_called_something_is_the_target(run):
    text = "Castro called Munero -- who reportedly drove a taxi -- a ruffian on Friday."
    called = [e for e in run(text) if e.trigger == "called"]
    assert "Munero" in targets(called[0])


def test_whom_an_accusation_accuses_is_the_subject_of_what_it_says_they_did(run):
    text = "Lawyers for the family raised accusations that Juan Perez had mistreated his son."
    accusations = [e for e in run(text) if e.trigger == "accusations"]
    assert targets(accusations[0]) == {"Juan Perez"}
    text = "The relatives filed affidavits alleging Perez abused his former wife."
    alleging = [e for e in run(text) if e.trigger == "alleging"]
    assert targets(alleging[0]) == {"Perez"}
    # a complaint quoting someone does not accuse them
    text = "``Elian cannot apply for asylum,'' Spencer Eig complained on Monday."
    assert all("Elian" not in targets(e) for e in run(text) if e.trigger == "complained")


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Tens of thousands of people rallied in Havana on Friday.", "rallied"),
        ("Dozens of rebels attacked the town on Monday.", "attacked"),
        ("A group of protesters marched to the palace on Monday.", "marched"),
        ("Half of the rebels attacked the town on Monday.", "attacked"),
    ],
)
def test_the_people_a_number_counts_are_the_actors(run, text, trigger):
    found = [e for e in run(text) if e.trigger == trigger]
    assert found and sources(found[0]), [(e.trigger, sources(e)) for e in run(text)]


def test_who_tightens_or_extends_an_act_does_it(run):
    events = run("NATO said on Wednesday that it would tighten the naval blockade of Serbia.")
    blockade = [e for e in events if e.trigger == "blockade"]
    assert [sources(e) for e in blockade] == [{"NATO"}]


@pytest.mark.parametrize(
    "text, told",
    [
        ("On Monday the bomb went off, killing 24 people and wounding 50 others.", ["went"]),
        (
            "Rudolph fled after the bombing of a clinic that killed a guard and maimed a nurse.",
            ["bombing"],
        ),
        ("In 1995, 168 people were killed in a bombing in Oklahoma City.", ["bombing"]),
        ("The blasts killed 257 people in Nairobi on Friday.", ["blasts"]),
        # the act itself, not what it ended in; but a noun of killing is its own act
        ("Police said the man was involved in the killing of the doctor.", ["killing"]),
        # a killing whose verb says who did it tells the act
        ("Russian aircraft killed 46 civilians in an attack on a village.", ["killed", "attack"]),
    ],
)
def test_what_an_act_of_violence_ended_in_is_the_same_happening_told_once(run, text, told):
    violence = [e.trigger for e in run(text) if e.event_code[:2] in ("18", "19", "20")]
    assert violence == told


def test_people_of_a_place_a_demonym_names_are_of_that_country(run):
    text = "Druze inhabitants of the Syrian Golan Heights threatened to hold a general strike."
    threatened = [e for e in run(text) if e.trigger == "threatened"]
    assert [a.country_code for e in threatened for a in e.actors_in("source")] == ["SYR"]


def test_a_threat_is_aimed_at_who_must_act_to_avert_it(run):
    text = "The villagers threatened to hold a general strike unless Israel revokes the law."
    threatened = [e for e in run(text) if e.trigger == "threatened"]
    assert [targets(e) for e in threatened] == [{"Israel"}]


def test_what_must_have_happened_is_a_guess_not_a_demand(run):
    text = "``Perez must not have written the letter himself,'' said Senator John Roe."
    assert [e.event_code for e in run(text) if e.trigger == "said"] == ["010"]
    text = "``Perez must return the boy,'' said Senator John Roe."
    assert [e.event_code[:2] for e in run(text) if e.trigger == "said"] == ["10"]


def test_whom_a_sum_is_for_is_the_target(run):
    text = "Japan agreed on Saturday to provide 50 million dollars for Nepal."
    agreed = [e for e in run(text) if e.trigger == "agreed"]
    assert [targets(e) for e in agreed] == [{"Nepal"}]


def test_youths_are_civilians_of_their_country(run):
    threw = [e for e in run("Palestinian youths threw stones at soldiers.") if e.trigger == "threw"]
    assert [(a.country_code, a.sector) for e in threw for a in e.actors_in("source")] == [
        ("PSE", "CVL")
    ]


def test_cutting_aid_is_reducing_it(run):
    found = run(
        "The United Nations on Tuesday reduced food supplies to the refugee camp in Cambodia."
    )
    assert [e.event_code for e in found if e.trigger == "reduced"] == ["162"]
    assert not [e for e in run("The company reduced prices on Monday.") if e.trigger == "reduced"]


def test_a_name_before_group_or_movement_is_the_body(run):
    text = "The pro-Iranian Hizbollah (Party of God) group declared a unilateral ceasefire."
    declared = [e for e in run(text) if e.trigger == "declared"]
    assert [(sources(e), e.event_code) for e in declared] == [({"Hezbollah"}, "0871")]


@pytest.mark.parametrize(
    "text, trigger, whom",
    [
        # who made the thing criticised, rejected or appealed
        ("Prime Minister John Roe rejected the rebels' proposal.", "rejected", {"rebels"}),
        ("Prime Minister John Roe denied a newspaper report.", "denied", {"media"}),
        (
            "The farmers will appeal the ruling, issued on Friday by the Supreme Court.",
            "appeal",
            {"United States judiciary"},
        ),
        (
            "The opposition protested against the government's decision.",
            "protested",
            {"government"},
        ),
        # the act criticised was done by whose it is, with its own object, or by the nation its
        # adjective names; whom it struck is not the target
        (
            "Greece condemned the Turkish army's shelling of the village.",
            "condemned",
            {"Turkey military"},
        ),
        (
            "Egypt complained to the United Nations over Israeli air raids.",
            "complained",
            {"United Nations", "Israel"},
        ),
        ("Greece condemned the bombing of the French embassy.", "condemned", set()),
        # the possessor of an act done to them did not do it
        ("Senator John Roe criticized the activist's arrest.", "criticized", set()),
    ],
)
def test_a_criticism_is_aimed_at_who_did_or_made_what_it_is_about(run, text, trigger, whom):
    found = [e for e in run(text) if e.trigger == trigger]
    assert [targets(e) for e in found] == [whom]


@pytest.mark.parametrize(
    "text, trigger, whom",
    [
        # who is held is the subject of the verb that puts or keeps them there
        ("Human rights groups said the two journalists remain in custody.", "custody", {"media"}),
        ("Three journalists were in detention in Cairo on Monday.", "detention", {"Egypt media"}),
        # a number or a quantity of a group is that group
        ("Police in Lagos released one of the three students.", "released", {"Nigeria education"}),
        ("The army detained some of the protesters.", "detained", {"opposition"}),
        # people known only as suspects, named as the text counts them
        ("The police arrested two suspects after the attack.", "arrested", {"suspects"}),
    ],
)
def test_who_is_held_counted_or_suspected_is_the_target(run, text, trigger, whom):
    found = [e for e in run(text) if e.trigger == trigger]
    assert [targets(e) for e in found] == [whom]


@pytest.mark.parametrize(
    "text, trigger, whom",
    [
        # whom something is asked from, also inside the object
        (
            "President Jane Roe has requested dlrs 20 million in emergency relief funding from"
            " Congress.",
            "requested",
            {"United States legislature"},
        ),
        ("Police in Lima used tear gas to disperse a crowd.", "disperse", {"Peru civilians"}),
    ],
)
def test_whom_something_is_asked_from_and_a_crowd_are_targets(run, text, trigger, whom):
    found = [e for e in run(text) if e.trigger == trigger]
    assert [targets(e) for e in found] == [whom]


def test_the_object_of_a_preposition_the_parser_left_without_one_is_the_target(run):
    # the parser reads "officers holed up" as a clause and leaves "to" without its object
    text = (
        "Chile has granted political asylum to four Bolivian army officers holed up in its embassy."
    )
    granted = [e for e in run(text) if e.trigger == "granted"]
    assert [targets(e) for e in granted] == [{"Bolivia military"}]


@pytest.mark.parametrize(
    "text, trigger",
    [
        (
            "The IAEA sent inspectors to the Karaj Agricultural Research Center in northern Iran.",
            "sent",
        ),
        (
            "The IAEA has dispatched experts to Bushehr Nuclear Power Plant (BNPP) in southern Iran"
            " to inspect the reactor.",
            "dispatched",
        ),
    ],
)
def test_a_body_no_dictionary_codes_is_of_where_it_is_acted_on(run, text, trigger):
    found = [e for e in run(text) if e.trigger == trigger]
    assert [{a.country_code for a in e.actors_in("target")} for e in found] == [{"IRN"}]


def test_the_stance_an_act_is_done_in_names_its_target(run):
    text = "Thousands of workers blocked roads in Manila in defiance of Chinese authorities."
    blocked = [e for e in run(text) if e.trigger == "blocked"]
    assert {a.country_code for e in blocked for a in e.actors_in("target")} >= {"CHN"}


def test_an_international_force_takes_no_country_from_where_it_acts(run):
    text = "Villagers in northern Iraq are demanding a U.N. military presence."
    demanding = [e for e in run(text) if e.trigger == "demanding"]
    assert [targets(e) for e in demanding] == [{"United Nations military"}]


def test_a_verb_joined_to_a_passive_one_has_its_passive_subject_for_subject(run):
    text = "Prime Minister Milo Roe of Montenegro was indicted by the court and will resign."
    resign = [e for e in run(text) if e.trigger == "resign"]
    assert [sources(e) for e in resign] == [{"Milo Roe"}]


@pytest.mark.parametrize(
    "text, trigger, whom",
    [
        (
            "The African Union may suspend peace efforts among Sudan's warring factions.",
            "suspend",
            {"Sudan"},
        ),
        (
            "Qatar suspended mediation efforts between Israel and Hamas.",
            "suspended",
            {"Israel", "Hamas"},
        ),
    ],
)
def test_whom_an_effort_among_or_between_parties_concerns_is_the_target(run, text, trigger, whom):
    found = [e for e in run(text) if e.trigger == trigger]
    assert set().union(*(targets(e) for e in found)) == whom


def test_the_wounded_are_people_not_an_act(run):
    text = "Red Cross helicopters evacuated the wounded from the Syrian town of Homs on Friday."
    found = run(text)
    assert [e.trigger for e in found if e.event_code[:2] == "18"] == []
    evacuated = [e for e in found if e.trigger == "evacuated"]
    assert [{(a.country_code, a.sector) for a in e.actors_in("target")} for e in evacuated] == [
        {("SYR", "CVL")}
    ]


def test_a_planned_or_hypothetical_act_that_names_no_one_is_no_event(run):
    text = "In a case like this, potential charges could be brought in federal court."
    assert [e.trigger for e in run(text) if e.event_code[:2] != "01"] == []
    # nor one about anyone at all
    text = "If a suspect is arrested in Texas, a state trial would come first."
    assert [e.trigger for e in run(text) if e.event_code[:2] != "01"] == []
    # but investigations go on by the police they imply, whatever they will do next
    text = "Multiple investigations in the US will follow Secretary Ann Roe to Moscow next week."
    assert [e.trigger for e in run(text) if e.event_code[:2] == "09"] == ["investigations"]
    text = "Prosecutors said Kopp would be charged in federal court."
    assert [e.trigger for e in run(text) if e.trigger == "charged"] == ["charged"]


def test_wanting_someone_else_to_act_is_an_appeal_to_them(run):
    text = "The Kenyan government wants the World Bank to cancel its debt."
    found = run(text)
    wants = [e for e in found if e.trigger == "wants"]
    assert [(e.event_code[:2], targets(e)) for e in wants] == [("02", {"World Bank"})]
    assert not [e for e in found if e.trigger == "cancel"]  # what is asked is no act of its own


def test_a_place_before_an_assault_is_where_it_happened_not_whom_it_struck(run):
    text = (
        "A truck bomb exploded outside the U.S. Embassy in Dar es Salaam on Friday. "
        "The death toll in the Tanzania blast has risen to 12."
    )
    blast = [e for e in run(text) if e.trigger == "blast"]
    assert [{a.country_code for a in e.actors_in("target")} for e in blast] == [{"USA"}]


def test_a_participle_of_saying_addresses_whom_its_verb_addresses(run):
    text = "Senator Ann Roe wrote to President Jane Doe on Monday, demanding that the troops leave."
    demanding = [e for e in run(text) if e.trigger == "demanding"]
    assert [targets(e) for e in demanding] == [{"Jane Doe"}]


@pytest.mark.parametrize(
    "text, trigger, whom",
    [
        (
            "The Supreme Court ruled on Thursday that the law stands. "
            "President Jane Roe praised the ruling on Friday.",
            "praised",
            {"United States judiciary"},
        ),
        (
            "The Kenyan government announced its decision on Monday. "
            "Opposition leader Raila Odinga rejected the decision on Tuesday.",
            "rejected",
            {"Kenya"},
        ),
    ],
)
def test_the_maker_of_what_the_refers_back_to_is_the_target(run, text, trigger, whom):
    found = [e for e in run(text) if e.trigger == trigger]
    assert [targets(e) for e in found] == [whom]


def test_a_verb_the_parser_hung_on_the_subject_is_the_sentences_own(run):
    # read as "doctors from two groups [that] donated", with the noun as the sentence's root
    text = (
        "Doctors from two French aid groups donated and personally delivered $20,000 worth of"
        " medicine to Kabul University Hospital."
    )
    found = {e.trigger: e for e in run(text)}
    assert {a.country_code for a in found["donated"].actors_in("source")} == {"FRA"}
    # verbs joined by "and" share the object and partner the second one names
    assert {a.country_code for a in found["donated"].actors_in("target")} == {"AFG"}


def test_what_an_act_of_violence_tore_through_is_its_target(run):
    text = "On Friday an explosion ripped through the British Embassy in Ankara."
    explosion = [e for e in run(text) if e.trigger == "explosion"]
    assert [{a.country_code for a in e.actors_in("target")} for e in explosion] == [{"GBR"}]


def test_who_was_killed_in_an_act_of_violence_is_whom_it_struck(run):
    text = "She once worked in Omagh, where 29 people were killed in a bombing in 1998."
    bombing = [e for e in run(text) if e.trigger == "bombing"]
    assert [{a.sector for a in e.actors_in("target")} for e in bombing] == [{"CVL"}]


def test_an_event_noun_made_the_subject_of_its_support_verb_is_the_event(run):
    found = run("A search has been launched for the gunmen in the hills, police said.")
    assert [(e.trigger, e.event_code[:2], targets(e)) for e in found if e.trigger != "said"] == [
        ("search", "09", {"gunmen"})
    ]


def test_event_nouns_joined_by_and_share_their_partners_and_agents(run):
    found = run("Harassment and threats against Kurdish villagers by the army increased in March.")
    harassment = [e for e in found if e.trigger == "Harassment"]
    assert [(sources(e), targets(e)) for e in harassment] == [({"military"}, {"civilians"})]


def test_a_threat_is_aimed_at_whom_its_if_clause_names(run):
    text = "If the rebels refused, the army threatened to shell the villages."
    threatened = [e for e in run(text) if e.trigger == "threatened"]
    assert [targets(e) for e in threatened] == [{"rebels"}]


def test_an_embassy_struck_is_its_countrys(run):
    text = "A car bomb exploded outside the U.S. embassy in Beirut on Friday."
    exploded = [e for e in run(text) if e.trigger == "exploded"]
    assert [{a.country_code for a in e.actors_in("target")} for e in exploded] == [{"USA"}]
    assert [p.name for e in exploded for p in e.locations] == ["Beirut"]


def test_the_of_phrase_of_a_protest_is_who_protests(run):
    text = "The statement was read at a rally of several thousand Cuban doctors in Havana."
    rally = [e for e in run(text) if e.trigger == "rally"]
    assert [({a.country_code for a in e.actors_in("source")}, targets(e)) for e in rally] == [
        ({"CUB"}, set())
    ]


def test_a_passive_infinitive_befalls_the_subject_of_the_verb_it_goes_with(run):
    text = "Ivan Petrov returned to Russia in 2001, only to be jailed for two years."
    jailed = [e for e in run(text) if e.trigger == "jailed"]
    assert [targets(e) for e in jailed] == [{"Ivan Petrov"}]


def test_an_act_a_letter_carries_is_by_its_sender_to_whom_it_is_sent(run):
    found = run("Lawyers for the Kenyan family sent letters of protest to President Jane Roe.")
    protest = [e for e in found if e.trigger == "protest"]
    assert [targets(e) for e in protest] == [{"Jane Roe"}]
    assert [bool(sources(e)) for e in protest] == [True]


def test_what_a_copula_calls_its_subject_is_no_act_of_its_own(run):
    found = run("The attack on the village was a massacre, the minister said.")
    assert [e.trigger for e in found if e.event_code[:2] in ("18", "19", "20")] == ["attack"]
    # but "there have been" says the acts happened
    found = run("There have been a dozen attempted murders of Kenyan judges since 2005.")
    assert [e.trigger for e in found if e.event_code[:2] == "18"] == ["murders"]


def test_acts_announced_are_told_of_not_made_by_announcing(run):
    text = (
        "The United States launched cruise missiles at a Syrian air base on Thursday. "
        "Minister Ann Roe, speaking just after the strikes were announced, criticized Russia."
    )
    strikes = [e for e in run(text) if e.trigger == "strikes"]
    assert [e.event_code[:2] for e in strikes] == ["19"]


def test_the_demand_a_protest_is_held_to_make_is_the_protests(run):
    found = run("Thousands of students rallied in Caracas on Friday to demand new elections.")
    assert [e.trigger for e in found if e.event_code[:2] != "01"] == ["rallied"]


def test_a_participle_that_describes_a_noun_is_no_act_of_its_own(run):
    text = "Police officers assigned to a joint task force watched the crowd of protesters."
    assert not [e for e in run(text) if e.trigger == "assigned"]
    # the acts of violence it names still are: "the doctor, shot by a sniper"
    text = "Dr. Ann Roe, shot by a sniper in her kitchen, died on Friday."
    assert [e.trigger for e in run(text) if e.event_code[:2] == "18"] == ["shot"]


@pytest.mark.parametrize(
    "text, trigger, root",
    [
        ("The number of refugees declined sharply in March.", "declined", None),
        ("Turnout declined in the capital.", "declined", None),
        ("Chile declined the invitation.", "declined", "12"),
        ("The minister gave the victory sign to the crowd.", "gave", None),
        ("The Kenyan government gave a cautious response to the proposal.", "gave", "01"),
        ("Japan gave 50 million dollars to Nepal.", "gave", "07"),
    ],
)
def test_senses_of_decline_and_give(run, text, trigger, root):
    found = [e.event_code[:2] for e in run(text) if e.trigger == trigger]
    assert found == ([root] if root else [])


def test_acts_of_a_kind_told_in_the_present_are_no_events(run):
    assert not [
        e for e in run("Bombings at clinics have become common.") if e.trigger == "Bombings"
    ]
    assert [e.trigger for e in run("Bombings killed 20 people in Kabul on Monday.")] == ["Bombings"]


def test_the_harm_an_act_leaves_is_no_act(run):
    text = "The minister, hospitalized with a head wound, toured the damage at the embassy."
    assert [e.trigger for e in run(text) if e.event_code[:2] in ("18", "19", "20")] == []
