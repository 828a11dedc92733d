"""Tests of the places stage: place names and locative phrases resolved to GeoNames, on real
spaCy parses and the seed article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from resolution import Resolution, one, resolve, span_of

from timeline.data import read_table
from timeline.nlp.actors.countries import country_lexicon, country_name
from timeline.nlp.article import read_article
from timeline.nlp.gazetteer import gazetteer, place_lexicon
from timeline.nlp.resolution import context_of

SEED = Path(__file__).resolve().parents[2] / "seeds" / "tillerson-moscow-2017.txt"


@pytest.fixture(scope="module")
def seed(nlp):
    doc = nlp(SEED.read_text(encoding="utf-8"))
    return doc, Resolution(doc)


def test_seed_places(seed):
    doc, resolver = seed
    moscow = one(resolver.places(span_of(doc, "Moscow")))
    assert (moscow.name, moscow.country_code, moscow.feature) == ("Moscow", "RUS", "city")
    assert moscow.latitude == pytest.approx(55.75, abs=0.05)
    assert moscow.longitude == pytest.approx(37.62, abs=0.05)
    lucca = one(resolver.places(span_of(doc, "Lucca, Italy")))
    assert (lucca.name, lucca.country_code) == ("Lucca", "ITA")
    syria = one(resolver.places(span_of(doc, "in Syria")))
    assert (syria.name, syria.feature, syria.country_code) == ("Syria", "country", "SYR")
    assert syria.latitude is not None and syria.longitude is not None


def test_places_with_qualifiers(nlp):
    doc, resolver = resolve(
        nlp,
        "Storms hit Long Beach, CA, overnight, then moved toward Paris, Texas. "
        "Protesters gathered in Paris, France.",
    )
    long_beach = one(resolver.places(span_of(doc, "Long Beach, CA")))
    assert (long_beach.name, long_beach.country_code) == ("Long Beach", "USA")
    assert long_beach.longitude == pytest.approx(-118.19, abs=0.1)
    paris_tx = one(resolver.places(span_of(doc, "Paris, Texas")))
    assert paris_tx.country_code == "USA"
    assert paris_tx.latitude == pytest.approx(33.66, abs=0.1)
    paris_fr = one(resolver.places(span_of(doc, "Paris, France")))
    assert paris_fr.country_code == "FRA"


def test_namesake_place_from_article_context(nlp):
    doc, resolver = resolve(
        nlp, "Storms swept across Texas on Monday. In Paris, the county courthouse flooded."
    )
    assert one(resolver.places(span_of(doc, "Paris"))).country_code == "USA"
    doc, resolver = resolve(
        nlp, "The US president flew to Europe. In Paris, he met French officials."
    )
    assert one(resolver.places(span_of(doc, "Paris"))).country_code == "FRA"


def test_usa_is_the_country(nlp):
    doc, resolver = resolve(nlp, "The USA and Canada signed a trade deal in Ottawa.")
    usa = one(resolver.places(span_of(doc, "USA")))
    assert (usa.name, usa.feature, usa.country_code) == ("United States", "country", "USA")
    # the country's representative point (the centre of the contiguous states), not its capital
    assert (usa.latitude, usa.longitude) == pytest.approx((39.83, -98.58), abs=0.1)


def test_georgia_state_or_country(nlp):
    doc, resolver = resolve(
        nlp, "Storms hit Georgia after Florida and Alabama; Atlanta was spared."
    )
    state = one(resolver.places(span_of(doc, "Georgia")))
    assert (state.feature, state.country_code) == ("region", "USA")
    doc, resolver = resolve(
        nlp, "Russian troops massed on the border with Georgia, near Armenia and Azerbaijan."
    )
    country = one(resolver.places(span_of(doc, "Georgia")))
    assert (country.feature, country.country_code) == ("country", "GEO")


def test_place_list(nlp):
    doc, resolver = resolve(nlp, "Talks were held in Vienna and Geneva.")
    places = resolver.places(span_of(doc, "in Vienna and Geneva"))
    assert [(p.name, p.country_code) for p in places] == [("Vienna", "AUT"), ("Geneva", "CHE")]


def test_known_country_capitals_resolve_to_cities():
    gaz = gazetteer()
    missing = [
        alpha3
        for alpha3, country in country_lexicon().countries.items()
        if country.capitals and gaz.capital(alpha3) is None
    ]
    for alpha3 in ("USA", "RUS", "SYR", "ITA", "GBR", "CHN", "UKR", "IRN", "ISR", "PSE"):
        assert alpha3 not in missing, alpha3
    assert len(missing) < 10


def test_us_states_file():
    rows = read_table("us_states.tsv")
    assert len(rows) == 51  # 50 states and the District of Columbia
    for code, name, abbreviations, lat, lon in rows:
        assert re.fullmatch(r"[A-Z]{2}", code)
        assert 18 < float(lat) < 72 and -180 < float(lon) < -66, name
        assert abbreviations


def test_regions_continents_and_demonym_places(nlp):
    doc, resolver = resolve(
        nlp,
        "Fighting spread across the Middle East, from Gaza into Europe. A Syrian air base was hit.",
    )
    middle_east = one(resolver.places(span_of(doc, "the Middle East")))
    assert (middle_east.name, middle_east.feature, middle_east.country_code) == (
        "Middle East",
        "region",
        None,
    )
    gaza = one(resolver.places(span_of(doc, "Gaza")))
    assert (gaza.name, gaza.country_code) == ("Gaza Strip", "PSE")
    europe = one(resolver.places(span_of(doc, "Europe")))
    assert (europe.feature, europe.geonames_id) == ("region", 6255148)
    syria = one(resolver.places(span_of(doc, "Syrian")))
    assert (syria.name, syria.feature) == ("Syria", "country")


def test_regions_file():
    rows = read_table("regions.tsv")
    assert len(rows) >= 20
    for name, _others, country, lat, lon in rows:
        assert country == "-" or country_name(country) is not None, name
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, name
        assert place_lexicon().regions[name.lower()].name == name


def test_place_names_inside_longer_names_are_not_towns(nlp):
    doc, resolver = resolve(
        nlp,
        "Officials in the Soviet Union and the Ottoman Empire archives in British Columbia.",
    )
    soviet = one(resolver.places(span_of(doc, "the Soviet Union")))
    assert (soviet.name, soviet.feature) == ("Russia", "country")  # listed under its successor
    assert resolver.places(span_of(doc, "the Ottoman Empire")) == []  # not a town called Empire
    bc = one(resolver.places(span_of(doc, "British Columbia")))
    assert (bc.feature, bc.country_code) == ("region", "CAN")


def test_state_abbreviations_and_directions(nlp):
    doc, resolver = resolve(
        nlp, "Fires hit Northern California, N.J. and New York State; New York was calm."
    )
    assert one(resolver.places(span_of(doc, "Northern California"))).name == "California"
    nj = one(resolver.places(span_of(doc, "N.J.")))
    assert (nj.name, nj.feature) == ("New Jersey", "region")
    nys = one(resolver.places(span_of(doc, "New York State")))
    assert (nys.name, nys.feature) == ("New York", "region")
    nyc = one(resolver.places(span_of(doc, "New York", 1)))
    assert (nyc.name, nyc.feature) == ("New York City", "city")


def test_a_big_city_named_like_a_state_is_no_state_context(nlp):
    # "New York" here is the city: Amsterdam stays the Dutch capital, not Amsterdam, N.Y.
    doc, resolver = resolve(
        nlp, "Shares fell in New York and London. In Amsterdam, dealers were calm."
    )
    amsterdam = one(resolver.places(span_of(doc, "Amsterdam")))
    assert amsterdam.country_code == "NLD"


def test_alternate_names_of_large_cities(nlp):
    doc, resolver = resolve(nlp, "He grew up in Bombay.")
    mumbai = one(resolver.places(span_of(doc, "Bombay")))
    assert (mumbai.name, mumbai.country_code) == ("Mumbai", "IND")


def test_place_inside_a_longer_locative_phrase(nlp):
    doc, resolver = resolve(
        nlp, "Apple unveiled the phone at the Moscone Center in downtown San Jose, California."
    )
    places = resolver.places(span_of(doc, "the Moscone Center in downtown San Jose, California"))
    assert [(p.name, p.country_code, p.feature) for p in places] == [("San Jose", "USA", "city")]
    doc, resolver = resolve(nlp, "Talks in Smallbrook, Italy, ended.")
    place = one(resolver.places(span_of(doc, "Smallbrook, Italy")))
    assert (place.name, place.feature) == ("Italy", "country")  # a town too small to be listed


def test_seats_of_power_as_places(nlp):
    doc, resolver = resolve(nlp, "Talks were held at the Kremlin and later at the Pentagon.")
    kremlin = one(resolver.places(span_of(doc, "at the Kremlin")))
    assert (kremlin.name, kremlin.feature, kremlin.country_code) == ("Kremlin", "place", "RUS")
    assert kremlin.latitude == pytest.approx(55.75, abs=0.05)
    pentagon = one(resolver.places(span_of(doc, "at the Pentagon")))
    assert pentagon.longitude == pytest.approx(-77.1, abs=0.1)  # Arlington, Virginia, not Texas


def test_unambiguous_cities_give_context(nlp):
    # No state is named, but Naperville has one listed namesake, in Illinois.
    doc, resolver = resolve(
        nlp, "Storms hit Naperville on Monday. In Paris, the courthouse flooded."
    )
    assert "IL" in resolver.view.named.states
    assert one(resolver.places(span_of(doc, "Paris"))).country_code == "USA"


def test_place_data_files():
    """The derived place tables (scripts/build_places.py) parse and mean what they say."""
    gaz = gazetteer()
    regions = {(r.country, r.name) for r in gaz.admin1.values()}
    assert {
        ("CAN", "Ontario"),
        ("GBR", "Scotland"),
        ("DEU", "Bavaria"),
        ("USA", "Texas"),
    } <= regions
    assert len(read_table("places_admin1.tsv")) > 3000
    for row in read_table("places_admin1.tsv"):
        assert len(row[0]) == 2 and -90 <= float(row[3]) <= 90 and -180 <= float(row[4]) <= 180
    laurel = [c for c in gaz.counties["laurel county"] if c.state == "KY"]
    assert laurel and laurel[0].latitude == pytest.approx(37.1, abs=0.3)
    points = gaz.country_points
    assert len(points) > 200
    assert points["USA"] == pytest.approx((39.83, -98.58), abs=0.01)  # not Washington
    assert points["KEN"] == pytest.approx((1.0, 38.0))  # not Nairobi


def test_the_index_is_built_once_into_the_cache(tmp_path, monkeypatch):
    from timeline.nlp import gazetteer as module

    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    built = []
    real = module.build_index
    monkeypatch.setattr(module, "build_index", lambda path: (built.append(path), real(path)))
    path = module.index_path()
    assert path.parent == tmp_path and path.is_file() and built == [path]
    assert module.index_path() == path and len(built) == 1  # found, not built again
    index = module.CityIndex(path)
    assert any(c.country == "ITA" for c, main in index.get("lucca") if main)
    assert index.get("no such place anywhere") == []


def test_no_writable_cache_folder_is_one_clear_error(tmp_path, monkeypatch):
    from timeline.errors import ModelError
    from timeline.nlp import gazetteer as module

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(module.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    monkeypatch.setattr(module, "build_index", refuse)
    with pytest.raises(ModelError, match="TIMELINE_CACHE_DIR"):
        module.index_path()


def test_a_direction_and_a_state_is_part_of_the_state(nlp):
    doc, resolution = resolve(nlp, "Snow fell across western New York on Friday.")
    place = one(resolution.places(span_of(doc, "western New York")))
    assert (place.name, place.feature, place.precision) == ("New York", "region", 2)


def test_a_demonym_is_its_country_never_a_town_named_like_it(nlp):
    doc, resolution = resolve(nlp, "Two Canadian nurses flew to Lagos.")
    resolver = resolution.places.__self__
    assert [p.text for p in resolver.mentions()] == ["Lagos"]
    place = one(resolution.places(span_of(doc, "Canadian")))
    assert (place.name, place.feature) == ("Canada", "country")


def test_a_great_city_is_no_county_of_a_state_the_article_names(nlp):
    _, resolution = resolve(
        nlp, "WASHINGTON (AP) -- Lawyers for a family in Tampa, Fla., wrote to the court."
    )
    place = resolution.places.__self__.dateline_place()
    assert (place.name, place.feature, place.admin1_code) == ("Washington", "city", "DC")


def test_a_name_before_a_leader_s_rule_is_no_place(nlp):
    _, resolution = resolve(nlp, "The Clinton administration asked the court in Atlanta to act.")
    resolver = resolution.places.__self__
    found = [(p.text, p.admin1) for p in resolver.mentions()]
    assert found == [("Atlanta", "Georgia")]


def test_a_county_inside_an_organisation_s_name_says_which_state(nlp):
    doc, resolution = resolve(
        nlp,
        "Jane Roe, 26, of Paris, was held by the Edgar County Sheriff's Department. "
        "She is a U.S. citizen.",
    )
    place = one(resolution.places(span_of(doc, "Paris")))
    assert (place.name, place.admin1) == ("Paris", "Illinois")
    doc, resolution = resolve(
        nlp, "Jane Roe, 26, of Paris, was held by the police. She is a U.S. citizen."
    )
    assert one(resolution.places(span_of(doc, "Paris"))).country_code == "FRA"


def test_a_country_named_like_a_us_town_waits_for_the_towns_named_after_it(nlp):
    doc, resolution = resolve(
        nlp,
        "A man from Palestine was stopped near Grapeland on Friday. Deputies of Anderson County "
        "drove him to Tennessee Colony and then back to Palestine.",
    )
    place = one(resolution.places(span_of(doc, "Palestine")))
    assert (place.name, place.admin1) == ("Palestine", "Texas")


def test_a_town_named_like_counties_of_other_states_waits_for_the_article(nlp):
    # One listed town is named DeKalb (Illinois), but so are counties of six states: the name
    # says nothing alone, and Stone Mountain puts the story in Georgia.
    doc, resolution = resolve(
        nlp,
        "DeKalb leaders want a new library in Stone Mountain. The DeKalb board votes on the "
        "plan in Decatur on Monday.",
    )
    assert "IL" not in resolution.view.named.states
    dekalb = one(resolution.places(span_of(doc, "DeKalb", 1)))
    assert (dekalb.feature, dekalb.admin1) == ("county", "Georgia")
    assert one(resolution.places(span_of(doc, "Decatur"))).admin1 == "Georgia"


def test_a_seat_of_government_is_never_a_town_named_like_it(nlp):
    doc, resolution = resolve(
        nlp,
        "Lewisburg leaders were invited to a ceremony at the White House. The law protects "
        "forests in nine states, from Oregon to Virginia.",
    )
    resolver = resolution.places.__self__
    seat = next(p for p in resolver.mentions() if p.text == "White House")
    assert (seat.feature, seat.admin1_code) == ("place", "DC")
    # and it says nothing of where the story is
    assert "DC" not in context_of(resolver.view).states


def test_a_namesake_in_a_named_state_and_near_a_placed_town_beats_a_larger_one(nlp):
    # Both states are named; Decatur, Illinois is larger, but Decatur, Georgia lies next to
    # Stone Mountain: being near counts on top of being in a named state.
    doc, resolution = resolve(
        nlp,
        "Tourists from Rockford, Ill., visited Stone Mountain, Ga., on Monday and then drove "
        "to Decatur.",
    )
    assert one(resolution.places(span_of(doc, "Decatur"))).admin1 == "Georgia"


def test_a_dateline_with_namesakes_is_chosen_with_the_article_s_other_names(nlp):
    # Hamilton, Ontario is the largest Hamilton, but the article's county has a namesake by
    # the Ohio one: the dateline waits for the other names, then places them in turn.
    _, resolution = resolve(
        nlp, "HAMILTON — Butler County commissioners approved a new jail budget on Monday."
    )
    resolver = resolution.places.__self__
    assert resolver.dateline_place().admin1 == "Ohio"
    county = next(p for p in resolver.mentions() if p.text == "Butler County")
    assert county.admin1 == "Ohio"


def test_a_dateline_waits_for_the_county_of_the_story(nlp):
    # Columbus, Ohio is the largest Columbus; the county resolved before it (Platte County has
    # a namesake by the Nebraska town) says which.
    _, resolution = resolve(
        nlp,
        "COLUMBUS -- A Columbus man was fined on Tuesday, the Platte County attorney said.",
    )
    assert resolution.places.__self__.dateline_place().admin1 == "Nebraska"


def test_a_us_state_the_article_names_names_the_us(nlp):
    # No country is named: the county (inside an organisation's name) puts the story in
    # Illinois, so in the US, whose Paris is then likelier than France's.
    doc, resolution = resolve(
        nlp,
        "The City of Paris will plant forty oak trees this spring. Gifts for the trees go to "
        "the Edgar County Community Foundation.",
    )
    assert one(resolution.places(span_of(doc, "Paris"))).admin1 == "Illinois"


def test_a_town_named_like_a_larger_city_s_other_name_is_not_alone(nlp):
    # St. Petersburg is the main name of one town (Florida) and another name of Russia's
    # second city: it says nothing alone of a US state, and Moscow puts it in Russia.
    doc, resolution = resolve(
        nlp, "A new airline based in New York will fly to Moscow and St. Petersburg this summer."
    )
    assert "FL" not in resolution.view.named.states
    assert one(resolution.places(span_of(doc, "St. Petersburg"))).country_code == "RUS"


def test_a_world_city_names_no_state_for_the_towns(nlp):
    # Chicago is known across the country: named, it makes no Illinois hamlet likelier than
    # the Atlanta of Georgia.
    doc, resolution = resolve(
        nlp, "Fans flew in from Chicago on Friday. The game in Atlanta drew a record crowd."
    )
    assert "IL" not in resolution.view.named.states
    assert one(resolution.places(span_of(doc, "Atlanta"))).admin1 == "Georgia"


def test_a_region_of_another_country_the_article_names_counts_like_a_us_state(nlp):
    # Ontario is named alone (not as a qualifier): its Woodstock beats the English one beside
    # the Oxford of England, and the province carries its GeoNames code.
    doc, resolution = resolve(
        nlp,
        "The Ontario budget was read on Thursday. Officials in Oxford and Woodstock said they "
        "were pleased.",
    )
    resolver = resolution.places.__self__
    ontario = next(p for p in resolver.mentions() if p.name == "Ontario")
    assert (ontario.feature, ontario.admin1_code) == ("region", "08")
    assert one(resolution.places(span_of(doc, "Woodstock"))).admin1 == "Ontario"
    # a region written as a qualifier names only that place's region: Washington stays the
    # capital beside "London, England"
    doc, resolution = resolve(
        nlp,
        "Talks in Washington went well, the minister said on his return to London, England.",
    )
    assert one(resolution.places(span_of(doc, "Washington"))).admin1_code == "DC"


def test_st_and_saint_are_one_name(nlp):
    # GeoNames writes some towns "Saint ..." and others "St. ...": either spelling finds both
    found = {(c.name, c.admin1) for c, _ in gazetteer().cities.get("st. paris")}
    assert ("Saint Paris", "OH") in found
    assert any(c.country == "RUS" and main for c, main in gazetteer().cities.get("st petersburg"))
    assert any(c.name == "St. Marys" for c, _ in gazetteer().cities.get("saint marys"))
    _, resolution = resolve(nlp, "ST. PARIS — The village council met on Monday night.")
    place = resolution.places.__self__.dateline_place()
    assert (place.name, place.admin1) == ("Saint Paris", "Ohio")


def test_a_province_inside_an_organisation_s_name_says_which_country_s_town(nlp):
    # Ontario is named only inside a board's name, as an Illinois county may be inside a
    # sheriff's department's: it still makes the London of Ontario likelier.
    doc, resolution = resolve(
        nlp,
        "London city council turned down the clinic, and the developers appealed to the "
        "Ontario Municipal Board.",
    )
    assert one(resolution.places(span_of(doc, "London"))).admin1 == "Ontario"


def test_a_town_chosen_among_namesakes_counts_for_the_names_after_it(nlp):
    # Gaston has namesakes (and a county of North Carolina), so it is chosen in the second
    # pass, by Swansea's namesake beside it; chosen, it places the next name as a town resolved
    # alone would: the Swansea next to it, not the larger one of Wales.
    doc, resolution = resolve(
        nlp,
        "Schools in Gaston and Swansea will lose twelve teachers next year, the superintendent "
        "said.",
    )
    assert one(resolution.places(span_of(doc, "Gaston"))).admin1 == "South Carolina"
    assert one(resolution.places(span_of(doc, "Swansea"))).admin1 == "South Carolina"


def test_a_state_s_name_inside_another_place_s_name_names_no_state(nlp):
    for text in (
        "The road north of town near Lake Vermont is closed.",
        "Kansas City police arrested two men on Friday.",
        "A bus crashed on Virginia Avenue in the morning.",
    ):
        view = read_article(nlp(text))
        assert view.named.states == set(), text
    assert read_article(nlp("Floods closed roads across Vermont.")).named.states == {"VT"}


def test_a_county_named_without_county_waits_for_the_article_s_state(nlp):
    # Hall County is a county of three states; placed in Georgia (beside Forsyth County) in the
    # second pass, it then says which Hall the bare name is.
    _, resolution = resolve(
        nlp,
        "Ann Smith, a former Hall County clerk, now works for Forsyth County. Months after "
        "retiring from Hall, she joined Forsyth as a deputy manager.",
    )
    resolver = resolution.places.__self__
    hall = [p for p in resolver.mentions() if p.text == "Hall"]
    assert [(p.name, p.admin1) for p in hall] == [("Hall County", "Georgia")]


def test_a_bare_county_name_of_the_article_s_main_state_beats_a_town_of_a_state_named_less(nlp):
    # West Virginia is named twice, California once: Berkeley of a delegate's district is
    # Berkeley County, West Virginia, not the Californian city.
    _, resolution = resolve(
        nlp,
        "Delegates Ann Roe, D-Raleigh, and John Doe, R-Berkeley, sponsored the West Virginia "
        "bill. West Virginia lawmakers will vote on Friday; a similar law passed in California.",
    )
    resolver = resolution.places.__self__
    berkeley = next(p for p in resolver.mentions() if p.text == "Berkeley")
    assert (berkeley.name, berkeley.admin1) == ("Berkeley County", "West Virginia")
