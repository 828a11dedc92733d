"""Every event placed when the article says where: its own phrase, else its sentence, else its
paragraph or the dateline; never a place the article does not tie to it. Sentences written for
these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from timeline.nlp.dates import find_time_expressions
from timeline.nlp.events import extract_events
from timeline.pipeline import extract
from timeline.records import Article

PUBLISHED = datetime(2021, 3, 9, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text):
        return extract_events(nlp(text), find_time_expressions(text, PUBLISHED), PUBLISHED)

    return _run


def event(events, trigger):
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, [e.trigger for e in events]
    return found[0]


def where(e):
    return [(p.name, p.place_source) for p in e.locations]


def test_its_own_phrase(run):
    events = run("Police arrested two protesters in Lyon on Monday.")
    assert where(event(events, "arrested")) == [("Lyon", "phrase")]
    place = event(events, "arrested").locations[0]
    assert (place.feature, place.precision, place.country_code) == ("city", 1, "FRA")


def test_its_sentence(run):
    events = run("In Nairobi, police said they arrested two men after the attack.")
    assert ("Nairobi", "sentence") in where(event(events, "arrested"))


def test_its_subject_place_when_the_subject_acts(run):
    events = run("Protesters in Valencia marched against the new tax on Sunday.")
    assert where(event(events, "marched")) == [("Valencia", "sentence")]


def test_near_a_town_is_precision_two(run):
    events = run("Soldiers clashed with rebels near Goma on Tuesday.")
    place = event(events, "clashed").locations[0]
    assert (place.name, place.precision) == ("Goma", 2)


def test_its_paragraph(run):
    events = run("Kenyan police raided a house in Mombasa on Monday. They arrested three men.")
    assert where(event(events, "arrested")) == [("Mombasa", "paragraph")]
    # only an event told of the same people goes on where the sentence before ended
    events = run("Kenyan police raided a house in Mombasa on Monday. Soldiers arrested three men.")
    assert event(events, "arrested").locations == []


def test_the_dateline(run):
    events = run("SPRINGFIELD, Ill. (AP) -- Police arrested a man on Tuesday, officials said.")
    place = event(events, "arrested").locations[0]
    assert (place.name, place.admin1, place.place_source) == ("Springfield", "Illinois", "dateline")


def test_a_quotation_of_the_story_s_news_is_at_the_dateline(run):
    events = run(
        'SPRINGFIELD, Ill. (AP) -- "Police arrested my son without a reason," his mother said.'
    )
    assert where(event(events, "arrested")) == [("Springfield", "dateline")]


def test_a_speaker_s_account_of_violence_does_not_place_the_article_s(run):
    events = run(
        "BOSTON (AP) -- Police said the doctor was shot on Friday.\n\n"
        '"People here still talk about the shooting in Ohio," a neighbour said.'
    )
    shot = event(events, "shot")
    assert where(shot) == [("Boston", "dateline")]


def test_an_act_of_force_at_the_place_it_is_done_to(run):
    events = run("The army's invasion of Kuwait drew condemnation.")
    assert where(event(events, "invasion")) == [("Kuwait", "phrase")]


def test_never_a_place_the_article_does_not_tie_to_it(run):
    events = run("Greek unions accused the government of breaking its promises.")
    assert event(events, "accused").locations == []
    # a place that only describes a participant is not where the act happened
    events = run("Greek officials asked their Boston relatives to help.")
    assert event(events, "asked").locations == []


def test_a_qualified_town_is_not_the_capital_it_is_named_like(run):
    events = run("The mayor of Moscow, Idaho, condemned the attack on the city library.")
    condemned = event(events, "condemned")
    assert [(a.name, a.country_code) for a in condemned.actors_in("source")] == [
        ("United States", "USA")
    ]
    place = condemned.locations[0]
    assert (place.name, place.admin1, place.place_source) == ("Moscow", "Idaho", "sentence")


def test_a_place_inside_the_event_s_own_locative_phrase(run):
    events = run("Rebels shot a soldier through a window of the barracks in Goma on Friday.")
    assert where(event(events, "shot")) == [("Goma", "sentence")]


def test_background_in_the_perfect_is_not_the_dateline_s_news(run):
    events = run(
        "SPRINGFIELD, Ill. (AP) -- Police arrested a man on Tuesday. "
        "Police have arrested four other men since March."
    )
    found = [e for e in events if e.trigger == "arrested"]
    assert [where(e) for e in found] == [[("Springfield", "dateline")], []]


def test_the_victims_nationality_is_no_place(run):
    events = run("Militants attacked Nigerian soldiers in Maiduguri.")
    assert where(event(events, "attacked")) == [("Maiduguri", "phrase")]
    events = run("Militants attacked Nigerian soldiers on Sunday.")
    assert event(events, "attacked").locations == []


def test_an_embassy_is_where_it_stands_not_in_its_country(run):
    events = run("Gunmen attacked the Canadian embassy in Lima on Thursday.")
    assert where(event(events, "attacked")) == [("Lima", "phrase")]
    events = run("Rebels bombed the French consulate in Karachi on Monday.")
    assert where(event(events, "bombed")) == [("Karachi", "phrase")]


def test_violence_put_in_a_country_is_in_the_one_town_of_it_the_article_names(run):
    events = run(
        "A car bomb went off near the police station in Uganda on Monday.\n\n"
        "Eleven people died in Kampala, officials said."
    )
    place = event(events, "went").locations[0]
    assert (place.name, place.country_code, place.precision) == ("Kampala", "UGA", 2)
    # with two towns of that country named, the country stays
    events = run(
        "A car bomb went off near the police station in Uganda on Monday.\n\n"
        "Relatives travelled from Gulu to Kampala, officials said."
    )
    assert where(event(events, "went")) == [("Uganda", "sentence")]


def test_violence_the_words_do_not_place_is_where_the_article_puts_it(run):
    events = run(
        "LYON, France (AP) -- Prosecutors charged a man on Tuesday over the grenade attack "
        "on a market in Marseille last spring.\n\n"
        "The grenade attack wounded nine people.\n\n"
        "Police said the attack was planned for weeks."
    )
    wounded = [e for e in events if e.trigger == "attack" and "wounded" in e.sentence]
    assert [where(e) for e in wounded] == [[("Marseille", "phrase")]]


def test_a_killing_is_not_placed_where_another_kind_of_violence_was(run):
    events = run(
        "DENVER (AP) -- A guard who was hurt in the 2019 bombing in Tulsa spoke on Sunday.\n\n"
        "The teacher was killed by a gunman a year ago, police said."
    )
    assert where(event(events, "killed")) == [("Denver", "dateline")]
    # an attack of no kind named is placed only by one of its own kind
    events = run(
        "DENVER (AP) -- A guard who was hurt in a bombing in Tulsa spoke on Sunday.\n\n"
        "The teacher was shot by a gunman a year ago, police said."
    )
    assert where(event(events, "shot")) == [("Denver", "dateline")]


def test_a_paragraph_opening_on_a_town_moves_the_story_there(run):
    events = run(
        "NAIROBI, Kenya (AP) -- Police arrested two men on Monday.\n\n"
        "In Mombasa, officials opened an inquiry on Tuesday.\n\n"
        "Detectives detained a bus driver on Wednesday, officials said."
    )
    assert where(event(events, "arrested")) == [("Nairobi", "dateline")]
    assert where(event(events, "detained")) == [("Mombasa", "paragraph")]
    # a country is an aside, not a scene
    events = run(
        "NAIROBI, Kenya (AP) -- Police arrested two men on Monday.\n\n"
        "In Uganda, meanwhile, officials opened an inquiry on Tuesday.\n\n"
        "Detectives detained a bus driver on Wednesday, officials said."
    )
    assert where(event(events, "detained")) == [("Nairobi", "dateline")]
    # until a later paragraph names another town
    events = run(
        "NAIROBI, Kenya (AP) -- Police arrested two men on Monday.\n\n"
        "In Mombasa, officials opened an inquiry on Tuesday.\n\n"
        "Relatives of the men travelled from Kisumu, officials said.\n\n"
        "Detectives detained a bus driver on Wednesday, officials said."
    )
    assert where(event(events, "detained")) == [("Nairobi", "dateline")]


def test_a_place_of_what_an_event_is_about_keeps_the_dateline(run):
    events = run(
        "MANILA, Philippines (AP) -- President Fidel Ramos condemned the bombing of the embassy in "
        "Nairobi on Tuesday."
    )
    assert where(event(events, "condemned")) == [("Manila", "dateline")]
    # a place the sentence puts another act in may be where this one happened too
    events = run(
        "MANILA, Philippines (AP) -- As protesters marched in Cebu, President Fidel Ramos "
        "condemned the strike on Tuesday."
    )
    assert event(events, "condemned").locations == []


def test_a_plan_is_made_where_the_story_is(run):
    events = run(
        "MIAMI (AP) -- Immigration officials said Monday they will order the relatives to hand "
        "over the boy."
    )
    assert where(event(events, "order")) == [("Miami", "dateline")]
    events = run("MIAMI (AP) -- If the court agreed, officials would order the relatives to leave.")
    assert event(events, "order").locations == []


def test_violence_is_where_the_people_it_is_done_to_are(run):
    events = run("Prosecutors condemned the killing of John Miller, a doctor in Tulsa, on Monday.")
    assert where(event(events, "killing")) == [("Tulsa", "phrase")]
    events = run("Police investigated the slaying of a doctor in Tulsa last week.")
    assert where(event(events, "slaying")) == [("Tulsa", "phrase")]


def test_a_place_that_owns_the_place_named_is_where_it_happened(run):
    events = run("Protesters rallied outside the Lyon relatives' home on Monday.")
    assert [p.name for p in event(events, "rallied").locations] == ["Lyon"]
    events = run("Thousands of students marched in Havana's streets on Friday.")
    assert [p.name for p in event(events, "marched").locations] == ["Havana"]


def test_an_act_a_journey_is_made_for_is_where_the_journey_ends(run):
    events = run(
        "MIAMI (AP) -- Mayor Joe Carollo flew to Denver on Friday to appeal directly to "
        "Governor Bill Owens."
    )
    assert where(event(events, "appeal")) == [("Denver", "sentence")]


def test_a_place_of_another_event_in_a_phrase_is_that_event_s(run):
    events = run("Police arrested a man in connection with the bombing of a bank in Lyon.")
    assert event(events, "arrested").locations == []
    assert where(event(events, "bombing")) == [("Lyon", "sentence")]


def test_a_where_clause_is_at_the_place_it_is_said_of(run):
    events = run(
        "Doctors flew to Goma on Monday to help victims of the bombings of two markets in "
        "Goma.\n\nThe team includes a psychiatrist who worked in Bukavu, where 168 people were "
        "killed in a bombing in 1995."
    )
    bombings = [e for e in events if e.trigger == "bombing"]
    assert [where(e) for e in bombings] == [[("Bukavu", "sentence")]]


def test_a_standing_state_in_the_present_passive_is_not_the_dateline_s_news(run):
    events = run(
        "OMAHA, Neb. (AP) -- Mayor John Miller is accused by prosecutors of taking bribes, "
        "police said."
    )
    assert event(events, "accused").locations == []
    events = run(
        "OMAHA, Neb. (AP) -- Mayor John Miller was charged by prosecutors with taking bribes on "
        "Monday."
    )
    assert where(event(events, "charged")) == [("Omaha", "dateline")]


def test_violence_counted_or_set_apart_is_another_happening(run):
    events = run(
        "BOSTON (AP) -- A guard was shot on Friday, police said.\n\n"
        "The gunman is also wanted for three shootings in Ohio."
    )
    assert where(event(events, "shot")) == [("Boston", "dateline")]


def test_there_is_the_place_named_before_it(run):
    events = run(
        "The inquiry into the fire in Mombasa is led by Inspector John Otieno, who said "
        "detectives have questioned nine men there."
    )
    assert where(event(events, "questioned")) == [("Mombasa", "phrase")]


def test_a_place_after_a_verb_is_not_the_place_of_another_subject_s_act(run):
    events = run(
        "The minister arrived in Lyon on Monday, and Governor John Miller criticized the plan."
    )
    assert event(events, "criticized").locations == []
    events = run(
        "In Lyon, the minister arrived on Monday, and Governor John Miller criticized him."
    )
    assert where(event(events, "criticized")) == [("Lyon", "sentence")]


def test_a_town_that_describes_the_people_or_acts_of_a_phrase_places_only_them(run):
    # "at his Denver cousins": where the cousins live, not where he lashed out
    events = run("The senator lashed out at his Denver cousins on Sunday, accusing them of lying.")
    assert event(events, "accusing").locations == []
    # "charged in two Omaha robberies": where the robberies were, not the charge
    events = run("He is also charged in two Omaha bombings, including the 2004 bombing of a bank.")
    assert event(events, "charged").locations == []
    assert where(event(events, "bombing")) == [("Omaha", "sentence")]


def test_a_demanded_act_s_place_is_not_the_demand_s(run):
    events = run(
        "The father demanded on Monday that the girl be returned to him in Peru, and "
        "the government said that the two should meet soon."
    )
    assert event(events, "demanded").locations == []
    assert event(events, "said").locations == []


def test_what_a_clause_in_the_perfect_reports_is_not_the_dateline_s_news(run):
    events = run(
        "SPRINGFIELD, Ill. (AP) -- The mayor has said he was consulted by the FBI on the raid."
    )
    assert event(events, "consulted").locations == []
    events = run(
        "SPRINGFIELD, Ill. (AP) -- The tenants have filed complaints accusing the landlord "
        "of fraud."
    )
    assert event(events, "accusing").locations == []
    events = run("SPRINGFIELD, Ill. (AP) -- The tenants have sued the landlord over the rent.")
    assert event(events, "sued").locations == []
    events = run("SPRINGFIELD, Ill. (AP) -- The tenants sued the landlord on Monday.")
    assert where(event(events, "sued")) == [("Springfield", "dateline")]
    # a happening's noun in it still is: where the story is
    events = run("SPRINGFIELD, Ill. (AP) -- Police have named a suspect in Friday's shooting.")
    assert where(event(events, "shooting")) == [("Springfield", "dateline")]


def test_an_act_spread_over_many_places_is_not_at_the_dateline(run):
    events = run(
        "SPRINGFIELD, Ill. (AP) -- The fugitive became the subject of an international "
        "manhunt in June. Police began a worldwide search for him."
    )
    assert event(events, "manhunt").locations == []
    assert event(events, "search").locations == []


def test_history_is_not_the_dateline_s_news(nlp):
    text = (
        "DUBLIN (AP) -- Crowds honoured the rebels who fought for independence in 1916. "
        "Police arrested two men on Monday."
    )
    events = extract(Article(text=text, published_at=PUBLISHED), nlp(text)).events
    assert event(events, "fought").locations == []
    assert where(event(events, "arrested")) == [("Dublin", "dateline")]


def test_a_standing_state_or_an_obligation_is_not_the_dateline_s_news(run):
    events = run(
        "SPRINGFIELD, Ill. (AP) -- He is the second man being sought by police in the case. "
        "A judge ruled that the boy must be returned to his mother."
    )
    assert event(events, "sought").locations == []
    assert event(events, "returned").locations == []


def test_an_act_a_journey_is_for_happens_where_the_journey_goes(run):
    events = run(
        "SPRINGFIELD, Ill. (AP) -- U.S. Surgeon General Jane Roe led a team of doctors to Asia "
        "on Monday to help victims of the floods. The activist returned to Peru in May, only to "
        "be arrested."
    )
    assert event(events, "help").locations == []  # a continent is no place to put it in
    assert where(event(events, "arrested")) == [("Peru", "sentence")]


def test_what_a_verb_in_the_perfect_does_to_a_happening_is_background(run):
    events = run(
        "SPRINGFIELD, Ill. (AP) -- The paper reported that a search has been launched for "
        "the gunmen. Police launched a search for the gunmen on Monday."
    )
    searches = [e for e in events if e.trigger == "search"]
    assert [where(e) for e in searches] == [[], [("Springfield", "dateline")]]


def test_an_act_gone_on_for_months_is_not_the_dateline_s_news(run):
    events = run(
        "SPRINGFIELD, Ill. (AP) -- Mayor John Smith for months refused requests by the union. "
        "Governor Jane Roe refused the union's request on Monday. Police jailed the activist "
        "for several months."
    )
    refusals = [e for e in events if e.trigger == "refused"]
    assert [where(e) for e in refusals] == [[], [("Springfield", "dateline")]]
    # a span of a detention is the state it left: the act is still the story's
    assert where(event(events, "jailed")) == [("Springfield", "dateline")]


def test_another_country_s_government_acts_at_home_not_at_the_dateline(run):
    events = run(
        "MIAMI (AP) -- Exiles marched on Monday. Cuban President Raul Ortega on Sunday "
        "criticized the exiles. Cuban Ambassador Jose Perez on Monday criticized the ruling."
    )
    assert where(event(events, "marched")) == [("Miami", "dateline")]
    criticisms = [e for e in events if e.trigger == "criticized"]
    # the Cuban president is in Cuba; an ambassador acts where she is posted
    assert [where(e) for e in criticisms] == [[], [("Miami", "dateline")]]
    # unless the article tells of the government's people going there
    events = run(
        "MIAMI (AP) -- Cuban President Raul Ortega flew to Miami on Saturday. "
        "Ortega on Sunday criticized the exiles."
    )
    assert where(event(events, "criticized")) == [("Miami", "dateline")]


def test_an_embassy_in_a_country_is_in_its_seat_of_government_on_the_storys_day(nlp):
    def bombed(text, day):
        published = datetime.fromisoformat(day).replace(tzinfo=UTC)
        events = extract_events(nlp(text), [], published)
        return [p.name for e in events if e.trigger == "bombings" for p in e.locations]

    text = "The president condemned the bombings of the U.S. embassies in Kenya and Tanzania."
    assert bombed(text, "1998-08-11") == ["Nairobi", "Dar es Salaam"]
    assert bombed(text, "2021-03-09") == ["Nairobi", "Dodoma"]  # the government moved in 2019
    # a later mention that puts the act only in the countries: the embassies' cities
    text += "\n\nIn all, the bombings in Kenya last week claimed at least 217 lives."
    later = [
        p.name
        for e in extract_events(nlp(text), [], datetime(1998, 8, 11, tzinfo=UTC))
        if e.trigger == "bombings" and "217" in e.sentence
        for p in e.locations
    ]
    assert later == ["Nairobi"]


def test_a_capital_is_the_seat_of_government_of_its_day():
    from datetime import date

    from timeline.nlp.gazetteer import gazetteer

    gaz = gazetteer()
    assert gaz.capital("NGA", date(1990, 5, 1)).name == "Lagos"
    assert gaz.capital("NGA", date(2000, 5, 1)).name == "Abuja"
    assert gaz.capital("NGA").name == "Abuja"
    assert gaz.capital("BOL").name == "La Paz"  # where the government sits, not Sucre


def test_the_place_a_where_clause_describes(run):
    events = run(
        "Secretary of State Madeleine Albright flew to Kenya, where she arrived on Monday."
    )
    arrived = event(events, "arrived")
    assert [p.name for p in arrived.locations] == ["Kenya"]
    assert [a.name for a in arrived.actors_in("target")] == ["Kenya"]  # the visit's country


def test_a_standing_wish_is_not_placed_at_the_dateline(run):
    events = run(
        "MIAMI (AP) -- The Justice Department wants the appeals court to suspend the order "
        "issued Thursday."
    )
    assert event(events, "wants").locations == []


def test_a_charge_made_by_saying_it_is_not_the_dateline_s_news(run):
    # said wherever the speaker was: on the air, in a letter, at home
    events = run(
        "MIAMI (AP) -- Lawyer Spencer Eig said on Monday that Doris Meissner's assumptions were "
        "untrue."
    )
    assert event(events, "said").event_code == "111"
    assert event(events, "said").locations == []
    events = run("MIAMI (AP) -- Bush asked Clinton on Monday to reverse the order.")
    assert event(events, "asked").locations == []
    events = run(
        "SPRINGFIELD, Ill. (AP) -- The tenants filed complaints on Monday accusing the landlord "
        "of fraud."
    )
    assert event(events, "accusing").locations == []
    # a warning by the town's police is the town's news
    events = run("NEW ORLEANS (AP) -- Police warned residents on Monday to stay indoors.")
    assert where(event(events, "warned")) == [("New Orleans", "dateline")]
    # a plain statement is the story's news; a place the sentence gives is the charge's
    events = run("MIAMI (AP) -- Lawyer Spencer Eig said on Monday that the family would appeal.")
    assert where(event(events, "said")) == [("Miami", "dateline")]
    events = run("MIAMI (AP) -- In Havana, Castro said the exiles' claims were untrue.")
    assert [p.name for p in event(events, "said").locations] == ["Havana"]
