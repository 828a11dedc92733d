"""The kinds of actor error seen on news nobody tuned for, each with sentences written for the
project: names and codes (titles and bylines inside names, title words as codes), countries of
people (from the dictionary or the text's own words, never from a place near them), pronouns
(only to antecedents that agree), places as actors (only when they stand for a government or its
people), and dated codes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from timeline.pipeline import extract
from timeline.records import ActorMention, Article, Event


def events(text: str, published: str = "2009-07-08") -> list[Event]:
    day = datetime.fromisoformat(published).replace(tzinfo=UTC)
    return extract(Article(text=text, published_at=day)).events


def actors(text: str, role: str | None = None, published: str = "2009-07-08") -> list:
    return [a for e in events(text, published) for a in e.actors if role is None or a.role == role]


def sources(event: Event) -> set[str]:
    return {a.name for a in event.actors_in("source")}


def targets(event: Event) -> set[str]:
    return {a.name for a in event.actors_in("target")}


def named(found: list[ActorMention], name: str) -> ActorMention:
    matches = [a for a in found if a.name == name]
    assert matches, [a.name for a in found]
    return matches[0]


# -- names and codes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("Incumbent Jane Doe criticized her challenger on Monday.", "Jane Doe"),
        ("Deputy Finance John Roe criticized the budget on Monday.", "John Roe"),
        ("Gov. Jeb Whitman asked the president to reverse the order.", "Jeb Whitman"),
        ("FBI Director Louis Frane asked the police to join the hunt.", "Louis Frane"),
    ],
)
def test_titles_are_not_parts_of_names(text, name):
    assert named(actors(text, "source"), name).kind == "person"


def test_a_newspapers_name_is_not_part_of_the_next_organisations():
    found = actors("The Daily Herald Kenya Airways criticized the union on Monday.", "source")
    assert [a.name for a in found] == ["Kenya Airways"]


def test_title_words_are_not_codes():
    # a state's General Assembly is a legislature, not an officer named Assembly coded military
    assembly = actors("The state General Assembly rejected the budget on Monday.", "source")
    assert [(a.kind, a.sector) for a in assembly] == [("group", "LEG")]
    un = actors("The U.N. General Assembly condemned the attack on Monday.", "source")
    assert [(a.name, a.kind) for a in un] == [("UN General Assembly", "organization")]
    # a fair's pageant coordinator is no government official
    text = "Mary Jones, the fair's pageant coordinator, accused the board of lying."
    assert named(actors(text, "source"), "Mary Jones").code is None
    # a word of kin in lower case is family, not a religious title
    text = "Juanita Castro, the sister of the Cuban leader, criticized the ruling."
    assert named(actors(text, "source"), "Juanita Castro").sector is None
    text = "Sister Jeanne O'Laughlin criticized the ruling."
    assert named(actors(text, "source"), "Jeanne O'Laughlin").sector == "REL"
    # the surgeon general is no general
    text = "U.S. Surgeon General Jane Pruitt led a team to Africa to help victims."
    pruitt = named(actors(text, "source"), "Jane Pruitt")
    assert (pruitt.country_code, pruitt.sector) == ("USA", "GOV")


# -- countries of people ----------------------------------------------------------------------


def test_the_best_known_leaders_have_their_country_from_the_dictionary():
    text = "Putin will meet Sarkozy in Paris next week. Mubarak praised Reagan's speech."
    found = actors(text, published="1987-06-02")  # Reagan is the one in office then
    found += [a for a in actors(text, published="2009-06-02") if a.name != "Reagan"]
    countries = {a.name.split()[-1]: a.country_code for a in found}
    assert countries == {"Putin": "RUS", "Sarkozy": "FRA", "Mubarak": "EGY", "Reagan": "USA"}


def test_a_place_near_a_person_is_not_their_country():
    putin = actors("Jack Dalton will meet Ivan Petrov in Paris next week.")
    assert all(a.country_code is None for a in putin)
    executive = named(actors("Acme executive John Miller visited Kenya last week."), "John Miller")
    assert executive.country_code is None
    text = "President Jack Dalton met Russian President Ivan Petrov in Moscow on Monday."
    found = actors(text)
    assert named(found, "Jack Dalton").country_code is None
    assert named(found, "Ivan Petrov").country_code == "RUS"
    text = "FBI Director Louis Frane, on an official visit to Mexico, asked for help."
    assert named(actors(text, "source"), "Louis Frane").country_code == "USA"  # the FBI's


@pytest.mark.parametrize(
    "text, name, country",
    [
        (
            "Michael Dunn, the U.S. ambassador to Russia, criticized the plan.",
            "Michael Dunn",
            "USA",
        ),
        ("Spencer Ewing, a Miami lawyer, complained on Monday.", "Spencer Ewing", "USA"),
        ("Maria Diaz, who lives in Havana, criticized the decision.", "Maria Diaz", "CUB"),
        ("John Kamau, a native of Kenya, praised the ruling.", "John Kamau", "KEN"),
        (
            "Ali Hassan ran a shop in his native Uganda. Ali Hassan praised the ruling.",
            "Ali Hassan",
            "UGA",
        ),
    ],
)
def test_a_persons_country_from_the_texts_own_words(text, name, country):
    assert named(actors(text, "source"), name).country_code == country


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("MIAMI (AP) _ Cuban rafter Rosa Pena criticized the ruling.", "Rosa Pena", "CUB"),
        (
            "MIAMI (AP) _ Rosa Pena, a 9-year-old Cuban girl, criticized the ruling.",
            "Rosa Pena",
            "CUB",
        ),
        ("LONDON (AP) _ Kenyan businessman Peter Otieno praised the deal.", "Peter Otieno", "KEN"),
        # a demonym inside a company's name is no person's country
        ("American Airlines pilot Tom Hardy criticized the union.", "Tom Hardy", None),
    ],
)
def test_a_demonym_before_the_noun_that_describes_a_person_is_their_country(text, name, country):
    assert named(actors(text, "source"), name).country_code == country


@pytest.mark.parametrize(
    "text",
    [
        "MIAMI (AP) _ To prevent Rosa Pena's return to Cuba, a lawmaker subpoenaed her Friday.",
        "MIAMI (AP) _ The judge ruled that Rosa Pena must be returned to her father in Cuba.",
        "MIAMI (AP) _ Rosa Pena was sent back to Cuba on Friday. Pena criticized the decision.",
        "MIAMI (AP) _ Rosa Pena, who wants to return to Cuba, criticized the judge.",
    ],
)
def test_where_a_private_person_goes_back_to_is_home(text):
    found = [a for e in events(text, "2000-01-07") for a in e.actors if a.name == "Rosa Pena"]
    assert found and all(a.country_code == "CUB" for a in found)


def test_an_office_holder_returning_abroad_keeps_their_country():
    text = "WASHINGTON (AP) _ Secretary of State Jane Roe will return to Moscow next week."
    assert named(actors(text, "source"), "Jane Roe").country_code == "USA"


def test_a_person_called_by_the_given_name_alone_is_the_one_named_in_full():
    text = "MIAMI (AP) _ Cuban rafter Rosa Pena arrived in Miami. On Monday, Rosa criticized the "
    text += "judge."
    sources = [a for e in events(text) if e.trigger == "criticized" for a in e.actors_in("source")]
    assert [(a.name, a.country_code) for a in sources] == [("Rosa Pena", "CUB")]
    # and by the given names alone
    text = "MIAMI (AP) _ Cuban rafter Rosa Maria Pena arrived in Miami. On Monday, Rosa Maria "
    text += "criticized the judge."
    sources = [a for e in events(text) if e.trigger == "criticized" for a in e.actors_in("source")]
    assert [(a.name, a.country_code) for a in sources] == [("Rosa Maria Pena", "CUB")]


def test_a_leaders_government_is_of_the_leaders_country_from_the_dictionary():
    text = "LONDON (AP) -- President Vladimir Putin said on Monday that his government had warned "
    text += "British officials."
    warned = [e for e in events(text) if e.trigger == "warned"]
    sources = [a for e in warned for a in e.actors if a.role == "source"]
    assert [(a.name, a.country_code) for a in sources] == [("Russia", "RUS")]


def test_whom_a_group_is_for_or_against_is_not_its_country():
    sources = actors("Pro-Serbian militants attacked a police station in Skopje.", "source")
    assert all(a.country_code != "SRB" for a in sources)
    assert named(sources, "rebels").country_code in (None, "MKD")  # where they fight
    text = "Castro spoke on Monday. On Friday an anti-Castro lawmaker subpoenaed the boy."
    assert all(a.name != "Castro" for a in actors(text, "source"))
    found = actors("Serbian militants attacked a police station in Skopje.", "source")
    assert [a.country_code for a in found] == ["SRB"]


# -- pronouns ----------------------------------------------------------------------------------


def test_she_is_never_a_boy_nor_a_child():
    text = (
        "Maria Lopez brought her son Tommy to the clinic. Tommy Lopez, 6, was treated there. "
        "She criticized the doctors on Monday."
    )
    assert [a.name for a in actors(text, "source")] == ["Maria Lopez"]
    text = "Ana Ruiz, 7, was found on Monday. She accused the guards of lying."
    assert "Ana Ruiz" not in [a.name for a in actors(text, "source")]


def test_he_is_the_person_the_sentence_describes():
    text = "The boy, Danny Ortiz, was returned to his father. The father said he would sue them."
    assert "Danny Ortiz" not in [a.name for a in actors(text, "source")]


def test_they_and_it_agree_in_number():
    text = "Cuba said on Monday that the exiles had failed. They attacked the embassy."
    attack = next(e for e in events(text) if e.lemma == "attack")
    assert all(a.kind == "group" for a in attack.actors_in("source"))
    text = "Israeli officials met Egyptian President Hosni Mubarak. Mubarak urged them to leave."
    urged = next(e for e in events(text, "2005-03-02") if e.lemma == "urge")
    assert {a.country_code for a in urged.actors_in("target")} == {"ISR"}
    text = "Washington said the strikes on Syria were a warning, and it would not send troops."
    send = next(e for e in events(text) if e.lemma == "send")
    assert [a.name for a in send.actors_in("source")] == ["United States"]


# -- places as actors ------------------------------------------------------------------------


def test_a_town_as_a_modifier_is_a_place():
    found = actors("A Springfield man was arrested on Monday.")
    assert all(a.kind != "country" and "Springfield" not in a.name for a in found)


def test_a_dateline_is_never_an_actor():
    text = "JORDAN, Minn. (AP) -- Jordan police arrested two men on Monday."
    found = actors(text)
    assert "JOR" not in {a.country_code for a in found}
    assert named(found, "United States police").code == "USACOP"  # the town's police
    text = "MOSCOW, Idaho (AP) -- Moscow police arrested a student on Friday."
    assert {a.country_code for a in actors(text)} == {"USA"}


def test_a_us_state_is_not_a_country_it_holds():
    found = actors("New Jersey officials criticized the plan on Monday.", "source")
    assert [a.country_code for a in found] == ["USA"]


@pytest.mark.parametrize(
    "text",
    [
        "The senators pressed for a swift reunion of the family on Monday.",
        "Farmers in Iowa protested against cheap turkey imports.",
    ],
)
def test_a_common_word_spelled_like_a_country_is_no_country(text):
    # country names, demonyms and capitals are names, written with a capital letter
    assert not {"REU", "TUR"} & {a.country_code for a in actors(text)}


def test_capitals_stand_for_their_governments():
    said = actors("Moscow expelled the diplomats on Monday.", "source")
    assert [(a.name, a.code) for a in said] == [("Russia", "RUSGOV")]


def test_the_datelines_country_is_of_those_nothing_else_affiliates():
    text = "NAIROBI, Kenya (AP) _ Police arrested Jane Whitfield on Friday."
    found = actors(text)
    assert named(found, "Kenya police").code == "KENCOP"
    assert named(found, "Jane Whitfield").country_code == "KEN"
    text = "NAIROBI, Kenya (AP) _ U.S. Ambassador Jane Whitfield met the police on Friday."
    assert named(actors(text), "Jane Whitfield").country_code == "USA"  # her title says so
    text = "MIAMI (AP) -- Rep. Jane Whitfield criticized the plan on Friday."
    whitfield = named(actors(text), "Jane Whitfield")  # her office, in her story's country
    assert (whitfield.country_code, whitfield.code) == ("USA", "USALEG")
    text = "Jane Whitfield met the mayor of Nairobi, Kenya, on Friday."  # no dateline
    assert named(actors(text), "Jane Whitfield").country_code is None


# -- dated codes -------------------------------------------------------------------------------


def test_the_code_held_on_the_events_date():
    text = "Hosni Mubarak criticized the army on Monday."
    assert named(actors(text, published="2005-03-02"), "Hosni Mubarak").code == "EGYGOV"
    mubarak = named(actors(text, published="2012-03-02"), "Hosni Mubarak")
    assert mubarak.code == "EGYELI"
    assert [r.code for r in mubarak.roles] == ["EGYELI", "EGYGOV", "EGYGOV", "EGYELI"]


# -- a happening named again --------------------------------------------------------------------


def test_the_victim_of_a_killing_is_the_victim_of_the_slaying_named_later():
    text = (
        "Dr. Jane Roe was killed in her home on Friday.\n\n"
        "Friends gathered at the church on Sunday.\n\n"
        "The mayor spoke at the service.\n\n"
        "Investigators said a neighbor was seen near the house before the slaying."
    )
    slaying = [e for e in events(text) if e.trigger == "slaying"]
    assert [[a.name for a in e.actors if a.role == "target"] for e in slaying] == [["Jane Roe"]]


def test_a_later_attack_with_two_possible_victims_takes_neither():
    text = (
        "Dr. Jane Roe was killed in her home on Friday. Gunmen shot Tom Reed on Saturday.\n\n"
        "Friends gathered at the church on Sunday.\n\n"
        "The mayor spoke at the service.\n\n"
        "Investigators said a neighbor was seen near the house before the slaying."
    )
    slaying = [e for e in events(text) if e.trigger == "slaying"]
    assert slaying and all(not [a for a in e.actors if a.role == "target"] for e in slaying)


def test_a_private_person_travelling_makes_no_visit_of_state():
    assert not [
        e for e in events("Tom Reed arrived in Nairobi on Monday.") if e.event_code[:2] == "04"
    ]
    visit = events("Secretary of State Tom Reed arrived in Nairobi on Monday.")
    assert [e.event_code for e in visit if e.trigger == "arrived"] == ["042"]


def test_bombings_in_two_countries_are_two_happenings_each_placed():
    found = events("The bombings in Kenya and Tanzania on Friday killed 200 people.")
    bombings = [e for e in found if e.trigger == "bombings"]
    assert sorted(loc.country_code for e in bombings for loc in e.locations) == ["KEN", "TZA"]


def test_what_is_done_habitually_is_no_event():
    text = "Acme Corp. signed a deal with Kenya on Monday. The firm sells tractors to 90 countries."
    assert [e.trigger for e in events(text) if e.event_code[:2] != "01"] == ["signed"]


def test_a_speakers_own_present_and_a_dated_present_are_events():
    said = events('The minister spoke on Monday. "We condemn the attack on our embassy," he said.')
    assert "condemn" in [e.trigger for e in said]
    planned = events("Tillerson met Lavrov on Monday. He arrives in Moscow on Tuesday.")
    assert "arrives" in [e.trigger for e in planned]


def test_a_happening_named_with_a_or_a_number_is_not_one_named_before():
    text = (
        "Gunmen shot three Canadian doctors on Monday. "
        "Police are looking for a suspect in a fatal attack."
    )
    attack = [e for e in events(text) if e.trigger == "attack"]
    assert attack and all(not [a for a in e.actors if a.role == "target"] for e in attack)


def test_a_story_without_a_dateline_is_from_the_country_of_most_of_its_places():
    text = (
        "Jane Whitfield criticized the mayor of Buffalo, N.Y., on Monday. "
        "She spoke in Albany, N.Y., after a visit to Rochester, N.Y."
    )
    assert named(actors(text), "Jane Whitfield").country_code == "USA"
    text = "Jane Whitfield met officials in Paris, Berlin and Rome on Monday."  # no one country
    assert named(actors(text), "Jane Whitfield").country_code is None


def test_two_named_together_meeting_meet_each_other():
    met = [e for e in events("Putin and Trump met in Helsinki on Monday.") if e.trigger == "met"]
    assert [[(a.role, a.name) for a in e.actors] for e in met] == [
        [("source", "Putin"), ("target", "Trump")]
    ]


def test_a_stop_on_the_way_to_a_planned_arrival_is_planned_too():
    text = "Secretary Rex Tillerson arrives in Moscow on Tuesday after a brief visit to Lucca."
    visit = [e for e in events(text, published="2017-04-07") if e.trigger == "visit"]
    assert [e.status for e in visit] == ["planned"]


# -- who did it, when the text names no one -------------------------------------------------------


def test_someone_known_only_by_what_they_did_is_named_by_it():
    fired = [
        e for e in events("A sniper fired through the kitchen window.") if e.trigger == "fired"
    ]
    assert [a.name for e in fired for a in e.actors_in("source")] == ["sniper"]
    text = "Police are investigating the sniper shooting of Dr. Jane Roe."
    shooting = [e for e in events(text) if e.trigger == "shooting"]
    assert [(a.name, a.sector) for a in shooting[0].actors_in("source")] == [("sniper", "CRM")]
    text = "Dr. Jane Roe was killed in her kitchen by a sniper's bullet."
    killed = [e for e in events(text) if e.trigger == "killed"]
    assert [a.name for a in killed[0].actors_in("source")] == ["sniper"]


def test_a_victim_killed_in_a_passive_is_killed_by_the_unnamed_doer_of_that_act():
    text = "A sniper fired at Dr. Jane Roe through her kitchen window on Friday.\n\n"
    text += "Roe was killed instantly, her husband said."
    killed = [e for e in events(text) if e.trigger == "killed"]
    assert [a.name for a in killed[0].actors_in("source")] == ["sniper"]
    # a victim of no earlier act: no one is made up
    alone = [e for e in events("Roe was killed instantly.") if e.trigger == "killed"]
    assert all(not e.actors_in("source") for e in alone)


def test_an_arrest_or_a_search_told_without_who_made_it_was_made_by_the_police():
    text = "NAIROBI, Kenya (AP) _ A man was arrested on Monday in connection with the bombing."
    arrested = [e for e in events(text) if e.trigger == "arrested"]
    assert [(a.name, a.code) for a in arrested[0].actors_in("source")] == [
        ("Kenya police", "KENCOP")
    ]
    searched = [e for e in events("The search for the gunman was extended to Mexico.")]
    assert [a.sector for e in searched if e.trigger == "search" for a in e.actors_in("source")] == [
        "COP"
    ]
    # charges are brought by prosecutors, not the police; a named arrester stays
    charged = [e for e in events("He was charged with murder on Friday.") if e.trigger == "charged"]
    assert all(a.sector != "COP" for e in charged for a in e.actors_in("source"))
    text = "Jane Roe was arrested by the FBI on Monday."
    by_fbi = [e for e in events(text) if e.trigger == "arrested"]
    assert [a.name for a in by_fbi[0].actors_in("source")] == ["United States police"]
    assert by_fbi[0].actors_in("source")[0].text == "the FBI"


def test_an_embassy_is_of_the_country_whose_mission_the_article_names():
    text = "NAIROBI, Kenya (AP) _ U.S. Ambassador Jane Roe said the bombing of the embassy "
    text += "killed 200 people."
    bombing = [e for e in events(text, "1998-08-26") if e.trigger == "bombing"]
    assert [(a.name, a.code) for a in bombing[0].actors_in("target")] == [
        ("United States", "USAGOV")
    ]
    # never of the country it stands in: with no mission named, "the embassy" names no one
    text = "NAIROBI, Kenya (AP) _ Police said the bombing of the embassy killed 200 people."
    bombing = [e for e in events(text, "1998-08-26") if e.trigger == "bombing"]
    assert all(a.country_code != "KEN" for a in bombing[0].actors_in("target"))


def test_a_later_mention_of_an_act_of_violence_is_by_its_unnamed_doer():
    text = (
        "A sniper fired at Dr. Jane Roe through her kitchen window on Friday.\n\n"
        "Roe, 52, performed abortions at a clinic in the city.\n\n"
        "Her husband said she had received threats.\n\n"
        "The FBI sent agents to the city on Saturday.\n\n"
        "Investigators said a car was seen in the neighborhood in the days before the slaying."
    )
    slaying = [e for e in events(text) if e.trigger == "slaying"]
    assert [a.name for a in slaying[0].actors_in("source")] == ["sniper"]
    assert [a.name for a in slaying[0].actors_in("target")] == ["Jane Roe"]


@pytest.mark.parametrize(
    "text",
    [
        "John Smith met Bill Jones on Monday. Smith praised him for his work.",
        "John Smith met Bill Jones on Monday. He praised him for his work.",
        "In a debate against Bill Jones, John Smith attacked him for failing to act.",
    ],
)
def test_an_object_pronoun_is_never_the_subject_of_its_own_clause(text):
    acts = [e for e in events(text) if e.trigger in ("praised", "attacked")]
    assert [(sources(e), targets(e)) for e in acts] == [({"John Smith"}, {"Bill Jones"})]


def test_who_is_blamed_for_doing_something_did_it():
    found = events("Kopp has been arrested in several states for protesting abortion.")
    assert [sorted(sources(e)) for e in found if e.trigger == "protesting"] == [["Kopp"]]
    found = events("Police arrested Jane Roe on Monday for protesting outside the clinic.")
    assert [sorted(sources(e)) for e in found if e.trigger == "protesting"] == [["Jane Roe"]]


def test_a_weapon_that_struck_stands_for_its_owner():
    text = "Nothing could stop the assassin's bullet that tore through the window of Dr. Jane Roe."
    tore = [e for e in events(text) if e.trigger == "tore"]
    assert [(sources(e), targets(e)) for e in tore] == [({"assassin"}, {"Jane Roe"})]


def test_an_act_done_with_another_is_by_the_subject():
    text = "The government celebrated the day on Friday with rallies in the capital."
    rallies = [e for e in events(text) if e.trigger == "rallies"]
    assert [a.sector for e in rallies for a in e.actors_in("source")] == ["GOV"]


def test_an_act_of_violence_told_without_its_victim_struck_the_victim_of_that_act():
    text = (
        "A sniper fired at Dr. Jane Roe through her kitchen window on Friday.\n\n"
        "Police found a strand of hair near where the sniper fired."
    )
    fired = [e for e in events(text) if e.trigger == "fired"]
    assert [targets(e) for e in fired] == [{"Jane Roe"}, {"Jane Roe"}]
    text = (
        "NAIROBI, Kenya (AP) _ The bombing of the U.S. Embassy killed 200 people on Friday.\n\n"
        "The bombs went off almost simultaneously."
    )
    went = [e for e in events(text, "1998-08-08") if e.trigger == "went"]
    assert [targets(e) for e in went] == [{"United States"}]


def test_a_named_person_before_a_shooting_is_its_victim():
    text = "Dr. Jane Roe was shot at home on Friday. Police issued a warrant in the Roe shooting."
    shooting = [e for e in events(text) if e.trigger == "shooting"]
    assert [(sources(e), targets(e)) for e in shooting] == [(set(), {"Jane Roe"})]


def test_the_act_of_violence_an_article_is_about_is_the_one_a_bare_mention_names():
    text = (
        "Gunmen shot Dr. Jane Roe at her home on Friday.\n\n"
        "In 1995 a gunman wounded Dr. Tom Lane.\n\n"
        "Roe was shot through a window.\n\n"
        "The city council met on Monday.\n\n"
        "The mayor spoke about the budget.\n\n"
        "Aides would not comment about the slaying. Smith is also charged in the 1996 Olympic "
        "bombing."
    )
    found = events(text)
    assert [targets(e) for e in found if e.trigger == "slaying"] == [{"Jane Roe"}]
    assert [targets(e) for e in found if e.trigger == "bombing"] in ([set()], [])


def test_a_name_that_only_says_whose_a_thing_is_is_no_antecedent():
    text = (
        "Tom Perez stayed in Miami on Monday. The Clinton administration might send federal "
        "agents to pull him out of the house, a neighbour said."
    )
    pull = [e for e in events(text, "2000-04-17") if e.trigger == "pull"]
    assert [targets(e) for e in pull] == [{"Tom Perez"}]


def test_a_group_is_not_of_the_country_it_sends_someone_to():
    text = "MIAMI (AP) _ The government deported Rosa Pena to Cuba on Friday."
    deported = [e for e in events(text, "2000-01-07") if e.trigger == "deported"]
    assert [a.country_code for e in deported for a in e.actors_in("source")] == ["USA"]
