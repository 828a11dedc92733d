"""Place mentions: every place an article names, found with its span and resolved by context, on
real spaCy parses of sentences written for these tests."""

from __future__ import annotations

import pytest

from timeline.nlp.actors.people import find_people
from timeline.nlp.article import read_article
from timeline.nlp.places import PlaceResolver


def mentions(nlp, text):
    view = read_article(nlp(text))
    return PlaceResolver(view, find_people(view)).mentions()


def named(found, text):
    """The mentions whose words are `text`."""
    return [m for m in found if m.text == text]


def only(found, text):
    hits = named(found, text)
    assert len(hits) == 1, [(m.text, m.name) for m in found]
    return hits[0]


def test_spans_are_offsets_into_the_text_as_given(nlp):
    text = "\n\n  Floods closed roads in Lucca and Pisa on Monday.\r\nRepairs began in Pisa."
    found = mentions(nlp, text)
    assert [m.text for m in found] == ["Lucca", "Pisa", "Pisa"]
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    assert {(m.name, m.country_code) for m in found} == {("Lucca", "ITA"), ("Pisa", "ITA")}


def test_qualified_names_are_two_mentions_and_the_qualifier_decides(nlp):
    found = mentions(nlp, "The mayor of Moscow, Idaho, condemned the attack on the library.")
    moscow = only(found, "Moscow")
    assert (moscow.country_code, moscow.admin1, moscow.feature) == ("USA", "Idaho", "city")
    assert moscow.longitude == pytest.approx(-117.0, abs=0.2)
    idaho = only(found, "Idaho")
    assert (idaho.feature, idaho.precision) == ("region", 3)


def test_qualified_name_with_an_abbreviated_state(nlp):
    found = mentions(nlp, "Two men were arrested in Paris, Tenn., after a chase.")
    paris = only(found, "Paris")
    assert (paris.country_code, paris.admin1) == ("USA", "Tennessee")
    assert only(found, "Tenn.").name == "Tennessee"


def test_dateline_place_and_its_qualifier(nlp):
    found = mentions(
        nlp, "JORDAN, Minn. (AP) \u2014 A barn fire spread to two houses on Sunday, officials said."
    )
    jordan = only(found, "JORDAN")
    assert (jordan.name, jordan.country_code, jordan.admin1) == ("Jordan", "USA", "Minnesota")
    assert only(found, "Minn.").name == "Minnesota"


def test_dateline_after_a_headline(nlp):
    found = mentions(
        nlp, "Barn fire spreads to houses. JORDAN, Minn. -- A barn fire spread on Sunday."
    )
    assert only(found, "JORDAN").admin1 == "Minnesota"


def test_the_dateline_decides_namesakes(nlp):
    found = mentions(
        nlp, "SPRINGFIELD, Ill. (AP) -- The council met in Decatur to discuss the new bridge."
    )
    assert only(found, "Decatur").admin1 == "Illinois"


def test_other_places_of_the_article_decide_namesakes(nlp):
    found = mentions(
        nlp,
        "Heavy rain flooded Laurel County on Tuesday. In London, the creek rose four feet and "
        "the county road near Corbin was closed.",
    )
    county = only(found, "Laurel County")
    assert (county.feature, county.admin1, county.precision) == ("county", "Kentucky", 2)
    assert only(found, "London").admin1 == "Kentucky"


def test_population_decides_last(nlp):
    found = mentions(nlp, "The exhibition opens in Paris next spring.")
    assert only(found, "Paris").country_code == "FRA"


def test_a_country_is_at_its_representative_point_not_its_capital(nlp):
    kenya = only(mentions(nlp, "The drought in Kenya worsened."), "Kenya")
    assert (kenya.feature, kenya.precision) == ("country", 3)
    assert (kenya.latitude, kenya.longitude) == pytest.approx((1.0, 38.0), abs=0.5)


def test_regions_outside_the_us(nlp):
    found = mentions(nlp, "Snow closed schools across Ontario and Bavaria.")
    ontario, bavaria = only(found, "Ontario"), only(found, "Bavaria")
    assert (ontario.feature, ontario.country_code) == ("region", "CAN")
    assert (bavaria.feature, bavaria.country_code) == ("region", "DEU")


def test_a_place_standing_for_its_government_is_no_place_mention(nlp):
    found = mentions(nlp, "Moscow expelled two diplomats on Friday.")
    assert named(found, "Moscow") == []
    found = mentions(nlp, "The diplomats were expelled from Moscow on Friday.")
    assert only(found, "Moscow").country_code == "RUS"


def test_a_name_inside_an_organisation_is_no_place_mention(nlp):
    found = mentions(nlp, "The Bank of England raised its rate, and the Ohio Supreme Court ruled.")
    assert named(found, "England") == [] and named(found, "Ohio") == []


def test_demonyms_name_a_place_only_where_they_mean_it(nlp):
    found = mentions(nlp, "Fighting spread into Syrian territory near the border.")
    assert only(found, "Syrian").name == "Syria"
    assert mentions(nlp, "German cars sold well last year.") == []


def test_a_demonym_capital_is_the_capital(nlp):
    found = mentions(nlp, "A bomb exploded in the Kenyan capital on Friday.")
    assert only(found, "Kenyan").name == "Nairobi"


def test_town_names_the_recogniser_misses(nlp):
    found = mentions(nlp, "A Gainesville man was arrested after a chase through Ocala.")
    assert only(found, "Gainesville").country_code == "USA"
    assert only(found, "Ocala").admin1 == "Florida"


def test_names_before_counties(nlp):
    found = mentions(nlp, "Flood warnings covered Becker, Clay and Norman counties in Minnesota.")
    for name in ("Becker", "Clay", "Norman"):
        county = only(found, name)
        assert (county.feature, county.admin1) == ("county", "Minnesota"), name


def test_a_state_before_counties_is_the_state(nlp):
    # "Indiana counties" are the state's (Indiana County is in Pennsylvania); in a list the
    # names are counties ("Dakota and Washington counties")
    found = mentions(nlp, "Its jobless rate was the lowest of all Indiana counties last month.")
    state = only(found, "Indiana")
    assert (state.feature, state.admin1_code) == ("region", "IN")
    found = mentions(nlp, "Floods covered Burt and Washington counties in Nebraska on Monday.")
    county = only(found, "Washington")
    assert (county.feature, county.admin1) == ("county", "Nebraska")


def test_a_state_abbreviation_written_with_a_space_qualifies(nlp):
    found = mentions(nlp, "He is held in the regional jail in Greenwood, W. Va., until May.")
    town = only(found, "Greenwood")
    assert town.admin1 == "West Virginia"  # not the larger Greenwood of Wisconsin
    assert only(found, "W. Va.").admin1_code == "WV"


def test_a_saint_s_name_is_a_place_only_as_the_gazetteer_writes_it(nlp):
    # "St. Michael's" is a school here; GeoNames knows a Saint Michael (Minnesota) only under
    # the other spelling, which resolves a place named as one but finds no new one
    found = mentions(
        nlp, "The bus drops off pupils of Holy Family first and St. Michael's pupils last."
    )
    assert named(found, "St. Michael") == []
    place = only(mentions(nlp, "A trailer burned in St. Paris, Ohio, on Monday."), "St. Paris")
    assert (place.name, place.admin1) == ("Saint Paris", "Ohio")


def test_a_qualifier_named_like_a_state_and_a_country_is_the_country_of_its_town(nlp):
    found = mentions(nlp, "TBILISI, Georgia -- The police arrested six men on Monday.")
    town = only(found, "TBILISI")
    assert (town.name, town.country_code) == ("Tbilisi", "GEO")
    found = mentions(nlp, "ATHENS, Georgia -- The university closed on Monday.")
    assert only(found, "ATHENS").admin1 == "Georgia"


def test_a_big_city_s_name_listed_with_states_is_the_state(nlp):
    found = mentions(nlp, "Doctors may help patients die under Oregon and Washington laws.")
    assert only(found, "Washington").feature == "region"
    found = mentions(nlp, "Players came from Missouri, New York and Virginia to the festival.")
    assert only(found, "New York").feature == "region"
    found = mentions(nlp, "Fans drove in from Texas and Washington, D.C., for the game.")
    assert (only(found, "Washington").feature, only(found, "Washington").admin1_code) == (
        "city",
        "DC",
    )
    found = mentions(nlp, "The senator flew from Washington to Ohio on Monday.")
    assert only(found, "Washington").feature == "city"


def test_no_place_from_a_month_or_a_person(nlp):
    found = mentions(nlp, "On May 11, Sheriff Tom Taylor said Taylor would not run again.")
    assert found == []


def test_a_place_unknown_in_its_qualifier_s_state_is_not_a_namesake_elsewhere(nlp):
    found = mentions(nlp, "The school bought land in Smallbrook County, Virginia, last year.")
    place = only(found, "Smallbrook County")
    assert (place.name, place.feature) == ("Virginia", "region")


def test_a_name_the_recogniser_cut_short_is_the_whole_name(nlp):
    text = "MIAMI (AP) -- Crowds gathered outside a house in Little Havana on Monday."
    place = only(mentions(nlp, text), "Little Havana")
    assert (place.admin1, place.country_code) == ("Florida", "USA")
    assert named(mentions(nlp, "Police arrested two men in Little Rock."), "Little Rock")


def test_a_place_named_after_another_is_not_that_one(nlp):
    found = mentions(nlp, "Crowds gathered in Little Saigon on Monday.")
    assert all(m.country_code != "VNM" for m in found), [(m.text, m.name) for m in found]


def test_a_dateline_written_alone_is_the_city_agencies_write_alone(nlp):
    found = mentions(nlp, "ATLANTA (AP) -- The governor of Indiana praised the ruling on Monday.")
    assert only(found, "ATLANTA").admin1 == "Georgia"
    # any other town of a dateline is chosen by the article's context
    found = mentions(nlp, "HAMILTON -- The Butler County board met on Monday.")
    assert only(found, "HAMILTON").admin1 == "Ohio"
