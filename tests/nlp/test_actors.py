"""Tests of the actors stage: people, coreference, countries, organisations and groups, on real
spaCy parses and the seed article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from resolution import Resolution, one, resolve, span_of

from timeline.data import read_table
from timeline.nlp.actors.countries import country_code, country_lexicon, country_name
from timeline.nlp.actors.groups import sector_lexicon
from timeline.nlp.actors.organizations import (
    institution_of,
    organization_lexicon,
    organization_of,
)
from timeline.nlp.actors.people import title_lexicon
from timeline.nlp.lookup import key

SEED = Path(__file__).resolve().parents[2] / "seeds" / "tillerson-moscow-2017.txt"


@pytest.fixture(scope="module")
def seed(nlp):
    doc = nlp(SEED.read_text(encoding="utf-8"))
    return doc, Resolution(doc)


# -- countries -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("United States", "USA"),
        ("American", "USA"),
        ("USA", "USA"),
        ("Russian", "RUS"),
        ("Russia", "RUS"),
        ("RU", "RUS"),
        ("Moscow", "RUS"),
        ("the United Kingdom", "GBR"),
        ("Britain", "GBR"),
        ("Hungarian", "HUN"),
        ("Côte d'Ivoire", "CIV"),
    ],
)
def test_country_code(text, code):
    assert country_code(text) == code


def test_country_code_unknown():
    assert country_code("Atlantis") is None
    assert country_code("") is None


def test_country_code_accepts_codes_in_any_case():
    # The query layer passes what the user typed: --country usa, --country us.
    assert country_code("usa") == "USA"
    assert country_code("us") == "USA"
    assert country_code("gb") == "GBR"
    assert country_code("uk") == "GBR"
    assert country_code("u.s.") == "USA"


def test_pronoun_us_is_not_the_country(nlp):
    doc = nlp("The Russians told us nothing.")
    resolver = Resolution(doc)
    assert resolver.actors(span_of(doc, "us")) == []


def test_country_name():
    assert country_name("USA") == "United States"
    assert country_name("RUS") == "Russia"
    assert country_name("SY") == "Syria"
    assert country_name("XXX") is None


# -- the seed article ------------------------------------------------------------------------


def test_seed_tillerson(seed):
    doc, resolver = seed
    full = one(resolver.actors(span_of(doc, "Secretary of State Rex Tillerson")))
    assert (full.name, full.kind, full.title) == ("Rex Tillerson", "person", "Secretary of State")
    assert (full.country_code, full.sector, full.code) == ("USA", "GOV", "USAGOV")
    later = one(resolver.actors(span_of(doc, "Tillerson", 3)))
    assert later.name == "Rex Tillerson"
    assert later.text == "Tillerson"
    assert "Tillerson" in later.aliases


def test_seed_us_names(seed):
    doc, resolver = seed
    for text in ("the US", "U.S.", "America"):
        actor = one(resolver.actors(span_of(doc, text)))
        assert (actor.name, actor.kind, actor.code) == ("United States", "country", "USA"), text
        assert actor.text == text
        assert doc.text[actor.start : actor.end] == text
        assert set(actor.aliases) == {"US", "U.S.", "America"}


def test_seed_putin_and_assad(seed):
    doc, resolver = seed
    full = one(resolver.actors(span_of(doc, "Vladimir Putin")))
    bare = one(resolver.actors(span_of(doc, "Putin", 2)))
    assert full.name == bare.name == "Vladimir Putin"
    assert full.country_code == "RUS"  # "Russian President Vladimir Putin"
    assassad = one(resolver.actors(span_of(doc, "Assad", 1)))
    assert assassad.name == "Bashar Assad"
    assert assassad.title == "President"
    # the article never says which country: the actor dictionary knows him
    assert (assassad.country_code, assassad.code) == ("SYR", "SYRGOV")


def test_seed_lavrov(seed):
    doc, resolver = seed
    lavrov = one(resolver.actors(span_of(doc, "Russian Foreign Minister Sergey Lavrov")))
    assert (lavrov.name, lavrov.kind) == ("Sergey Lavrov", "person")
    assert (lavrov.country_code, lavrov.sector, lavrov.code) == ("RUS", "GOV", "RUSGOV")
    assert lavrov.title == "Foreign Minister"


def test_seed_groups(seed):
    doc, resolver = seed
    military = one(resolver.actors(span_of(doc, "Russia's military")))
    assert (military.kind, military.country_code, military.sector) == ("group", "RUS", "MIL")
    assert military.code == "RUSMIL"
    spies = one(resolver.actors(span_of(doc, "America's spy agencies")))
    assert spies.code == "USASPY"
    forces = one(resolver.actors(span_of(doc, "Assad's forces")))  # the owner's country, from
    assert (forces.kind, forces.sector, forces.country_code) == ("group", "MIL", "SYR")  # the
    assert forces.name == "Syria military"  # actor dictionary: the text names none


def test_seed_group_of_7(seed):
    doc, resolver = seed
    g7 = one(resolver.actors(span_of(doc, "the Group of 7 industrialized economies")))
    assert (g7.name, g7.kind, g7.code) == ("G7", "organization", "IGO")


def test_seed_coordination(seed):
    doc, resolver = seed
    span = span_of(doc, "the US and Russia")
    names = [a.name for a in resolver.actors(span)]
    assert names == ["United States", "Russia"]


def test_seed_pronoun(seed):
    doc, resolver = seed
    # "... said Michael McFaul, the U.S. ambassador ... Still, he said the Russians ..."
    he = one(resolver.actors(span_of(doc, "he said the Russians")[:1]))
    assert he.name == "Michael McFaul"
    assert he.country_code == "USA"


# -- sentences -------------------------------------------------------------------------------


def test_demonym_officials_are_the_government(nlp):
    doc, resolver = resolve(nlp, "Hungarian officials said the border would stay closed.")
    actor = one(resolver.actors(span_of(doc, "Hungarian officials")))
    assert (actor.name, actor.kind, actor.code, actor.sector) == (
        "Hungary",
        "country",
        "HUNGOV",
        "GOV",
    )


def test_capital_and_seat_of_power_as_actor(nlp):
    doc, resolver = resolve(
        nlp, "Moscow said the strikes were illegal, and the Kremlin called them aggression."
    )
    for text in ("Moscow", "the Kremlin"):
        actor = one(resolver.actors(span_of(doc, text)))
        assert (actor.name, actor.kind, actor.code) == ("Russia", "country", "RUSGOV"), text
    # The same capital in a locative phrase is the city.
    moscow = one(resolver.places(span_of(doc, "Moscow")))
    assert (moscow.feature, moscow.country_code) == ("city", "RUS")


def test_organizations(nlp):
    doc, resolver = resolve(nlp, "NATO and the European Union condemned the attack.")
    actors = resolver.actors(span_of(doc, "NATO and the European Union"))
    # named as the project's lexicon names them, coded as the actor dictionary codes them
    assert [(a.name, a.kind, a.code) for a in actors] == [
        ("NATO", "organization", "IGOWSTNAT"),
        ("European Union", "organization", "IGOEUREEC"),
    ]


def test_groups_with_and_without_country(nlp):
    doc, resolver = resolve(nlp, "Syrian rebels and Turkish troops clashed. Rebels fled.")
    actors = resolver.actors(span_of(doc, "Syrian rebels and Turkish troops"))
    assert [(a.kind, a.code, a.country_code) for a in actors] == [
        ("group", "SYRREB", "SYR"),
        ("group", "TURMIL", "TUR"),
    ]
    rebels = one(resolver.actors(span_of(doc, "Rebels")))
    assert (rebels.kind, rebels.sector, rebels.country_code, rebels.code) == (
        "group",
        "REB",
        None,
        "REB",
    )


def test_administration_of_a_person(nlp):
    doc, resolver = resolve(
        nlp, "The Trump administration imposed sanctions on Iran. The US said it would act."
    )
    actor = one(resolver.actors(span_of(doc, "The Trump administration")))
    assert (actor.name, actor.code) == ("United States", "USAGOV")


def test_administration_without_us_context_has_no_country(nlp):
    doc, resolver = resolve(nlp, "The Macri administration cut subsidies.")
    actor = one(resolver.actors(span_of(doc, "The Macri administration")))
    assert actor.country_code is None
    assert actor.sector == "GOV"


def test_namesakes_are_not_merged(nlp):
    text = "Donald Trump met Ivanka Trump in Washington. Later Trump spoke to reporters."
    doc, resolver = resolve(nlp, text)
    donald = one(resolver.actors(span_of(doc, "Donald Trump")))
    ivanka = one(resolver.actors(span_of(doc, "Ivanka Trump")))
    assert donald.name == "Donald Trump"
    assert ivanka.name == "Ivanka Trump"
    # A bare "Trump" joins the one most recently named in full.
    later = one(resolver.actors(span_of(doc, "Trump", 2)))
    assert later.name == "Ivanka Trump"


def test_ambiguous_surname_before_any_full_name_is_unresolved(nlp):
    doc, resolver = resolve(nlp, "Trump spoke first. Then Donald Trump and Ivanka Trump left.")
    assert resolver.actors(span_of(doc, "Trump")) == []


def test_surname_before_the_full_name_joins_it(nlp):
    doc, resolver = resolve(
        nlp, "Merkel arrived late. Chancellor Angela Merkel of Germany then spoke."
    )
    early = one(resolver.actors(span_of(doc, "Merkel")))
    assert (early.name, early.country_code, early.code) == ("Angela Merkel", "DEU", "DEUGOV")


def test_pronoun_agrees_with_honorific(nlp):
    doc, resolver = resolve(
        nlp, "Mrs. Clinton met Mr. Sanders in Iowa. She said the talks went well."
    )
    she = one(resolver.actors(span_of(doc, "She")))
    assert she.name == "Clinton"


def test_appositive_name(nlp):
    doc, resolver = resolve(
        nlp,
        "Iranian Foreign Minister Mohammad Javad Zarif met his Russian counterpart, "
        "Sergei Lavrov, in Tehran. Zarif said they agreed.",
    )
    zarif = one(resolver.actors(span_of(doc, "Zarif", 1)))
    assert (zarif.name, zarif.code, zarif.title) == (
        "Mohammad Javad Zarif",
        "IRNGOV",
        "Foreign Minister",
    )
    lavrov = one(resolver.actors(span_of(doc, "his Russian counterpart, Sergei Lavrov")))
    assert lavrov.name == "Sergei Lavrov"


def test_person_mislabelled_by_the_recogniser(nlp):
    # Whatever label the entity recogniser gives "Tillerson", a known person's name is the person.
    doc, resolver = resolve(
        nlp,
        "Secretary of State Rex Tillerson flew to Moscow. Tillerson met Lavrov. "
        "The US wants talks.",
    )
    for occurrence in (0, 1):
        actor = one(resolver.actors(span_of(doc, "Tillerson", occurrence)))
        assert actor.name == "Rex Tillerson"
        assert actor.code == "USAGOV"


def test_unknown_words_are_not_places_or_actors(nlp):
    doc, resolver = resolve(nlp, "The committee discussed the weather.")
    assert resolver.places(span_of(doc, "the weather")) == []
    assert resolver.actors(span_of(doc, "the weather")) == []


# -- data files ------------------------------------------------------------------------------


def test_countries_file():
    rows = read_table("countries.tsv")
    assert len(rows) > 190
    alpha3s = [row[0] for row in rows]
    alpha2s = [row[1] for row in rows]
    assert len(set(alpha3s)) == len(alpha3s)
    assert len(set(alpha2s)) == len(alpha2s)
    for row in rows:
        assert len(row) == 6, row
        alpha3, alpha2, name = row[0], row[1], row[2]
        assert re.fullmatch(r"[A-Z]{3}", alpha3), row
        assert re.fullmatch(r"[A-Z]{2}", alpha2), row
        # every name resolves back to its row; so does every other name
        assert country_code(name) == alpha3, name
        assert country_name(alpha3) == name
        for other in filter(None, row[3].split(";")):
            assert country_code(other) == alpha3, (other, alpha3)
    assert country_lexicon().countries["USA"].capitals[0] == "Washington"


def test_every_demonym_maps_to_one_country():
    owners: dict[str, set[str]] = {}
    for row in read_table("countries.tsv"):
        for demonym in filter(None, row[4].split(";")):
            owners.setdefault(key(demonym), set()).add(row[0])
    assert len(owners) > 150
    shared = {word: codes for word, codes in owners.items() if len(codes) > 1}
    assert shared == {}
    for word, codes in owners.items():
        assert country_code(word) == next(iter(codes)), word


def sector_codes():

    return {row[0] for row in read_table("sector_names.tsv")}


def test_titles_and_sectors_files():
    codes = sector_codes()
    assert {"GOV", "MIL", "REB", "OPP", "COP", "MED", "SPY"} <= codes
    for name, columns in (("titles.tsv", 4), ("sectors.tsv", 3)):
        rows = read_table(name)
        assert rows, name
        for row in rows:
            assert len(row) == columns, (name, row)
            assert columns == 3 or row[3] in ("m", "f", "-"), row
            assert row[0] == row[0].lower(), row
            assert row[1] in codes or (name == "titles.tsv" and row[1] == "-"), row
            assert row[2] == "-" or country_name(row[2]) is not None, row
    titles, sectors = title_lexicon().titles, sector_lexicon().sectors
    assert titles["director"] == (None, None)  # a title of no sector
    # the Phoenix agents, where sectors.tsv has no entry; titles and company words are not
    assert sectors["general assembly"][0] == "LEG" and sectors["deputies"][0] == "COP"
    assert "president" not in sectors and "airways" not in sectors
    assert titles["secretary of state"] == ("GOV", "USA")
    assert titles["foreign minister"][0] == "GOV"
    assert titles["general"][0] == "MIL"
    assert sectors["troops"][0] == "MIL"
    assert sectors["rebels"][0] == "REB"
    assert sectors["police"][0] == "COP"
    assert sectors["protesters"][0] == "OPP"
    assert sectors["journalists"][0] == "MED"
    assert sectors["spy agencies"][0] == "SPY"


def test_organizations_and_institutions_files():
    names = set()
    for row in read_table("organizations.tsv"):
        assert len(row) in (3, 4), row
        assert row[1] in {"IGO", "NGO", "IMG"} or country_name(row[1][:3]) is not None, row
        assert row[2] == "organization", row
        assert row[0] not in names
        names.add(row[0])
        assert organization_of(row[0]).name == row[0]
    for text, name in [
        ("Group of 7", "G7"),
        ("Group of Seven", "G7"),
        ("G-7", "G7"),
        ("the U.N.", "United Nations"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("EU", "European Union"),
    ]:
        assert organization_of(text).name == name, text
    assert organization_of("who") is None  # the pronoun is not the World Health Organization
    for row in read_table("institutions.tsv"):
        assert len(row) == 4, row
        assert country_name(row[1]) is not None, row
        assert row[2] in sector_codes(), row
    assert institution_of("the Kremlin") == ("RUS", "GOV")


# -- more people -----------------------------------------------------------------------------


def test_title_country_from_possessive_and_abbreviation(nlp):
    doc, resolver = resolve(
        nlp, "Russia's Foreign Minister Sergey Lavrov met U.S. Secretary of State Rex Tillerson."
    )
    lavrov = one(resolver.actors(span_of(doc, "Russia's Foreign Minister Sergey Lavrov")))
    assert lavrov.code == "RUSGOV"
    tillerson = one(resolver.actors(span_of(doc, "U.S. Secretary of State Rex Tillerson")))
    assert tillerson.code == "USAGOV"


def test_title_hint_needs_the_country_in_the_article(nlp):
    doc, resolver = resolve(nlp, "Secretary of State Rex Tillerson met Angela Merkel in Berlin.")
    tillerson = one(resolver.actors(span_of(doc, "Secretary of State Rex Tillerson")))
    assert tillerson.title == "Secretary of State"
    assert tillerson.country_code is None
    assert tillerson.code == "GOV"


def test_arabic_article_in_surname(nlp):
    doc, resolver = resolve(nlp, "Syrian President Bashar al-Assad spoke. Assad said rebels lost.")
    assassad = one(resolver.actors(span_of(doc, "Assad", 1)))
    assert (assassad.name, assassad.code) == ("Bashar al-Assad", "SYRGOV")


def test_hyphenated_pair_of_people(nlp):
    doc, resolver = resolve(
        nlp, "Donald Trump and Vladimir Putin spoke. A Trump-Putin meeting is planned."
    )
    pair = resolver.actors(span_of(doc, "Trump-Putin"))
    assert [a.name for a in pair] == ["Donald Trump", "Vladimir Putin"]


def test_possessive_pronoun_owner_of_a_group(nlp):
    doc, resolver = resolve(
        nlp, "Turkish President Recep Tayyip Erdogan said his army would stay in Syria."
    )
    army = one(resolver.actors(span_of(doc, "his army")))
    assert (army.kind, army.code) == ("group", "TURMIL")


def test_organization_affiliations(nlp):
    doc, resolver = resolve(
        nlp,
        "NATO troops arrived. Arab League Secretary General Ahmed Aboul Gheit welcomed them. "
        "Hamas fired rockets.",
    )
    troops = one(resolver.actors(span_of(doc, "NATO troops")))
    assert (troops.kind, troops.code, troops.sector) == ("group", "IGOMIL", "MIL")
    gheit = one(resolver.actors(span_of(doc, "Ahmed Aboul Gheit")))
    assert (gheit.code, gheit.country_code) == ("IGO", None)
    hamas = one(resolver.actors(span_of(doc, "Hamas")))
    assert (hamas.kind, hamas.country_code) == ("organization", "PSE")


def test_visiting_leader_keeps_the_country_before_the_title(nlp):
    doc, resolver = resolve(nlp, "Kenya's visiting President Daniel Moi met the Pope.")
    moi = one(resolver.actors(span_of(doc, "Daniel Moi")))
    assert moi.country_code == "KEN"


def test_country_before_a_comma_is_not_the_title_holders(nlp):
    doc, resolver = resolve(
        nlp, "Spain will send troops to Mali, Defence Minister Carmen Lopez said on Monday."
    )
    lopez = one(resolver.actors(span_of(doc, "Defence Minister Carmen Lopez")))
    assert lopez.country_code != "MLI"


def test_national_movements_keep_their_country(nlp):
    doc, resolver = resolve(
        nlp, "UNITA rebels shelled the town. The Tamil Tigers and the ANC issued statements."
    )
    rebels = one(resolver.actors(span_of(doc, "UNITA rebels")))
    assert (rebels.kind, rebels.code, rebels.country_code) == ("group", "AGOREB", "AGO")
    actors = resolver.actors(span_of(doc, "The Tamil Tigers and the ANC"))
    assert [(a.name, a.country_code) for a in actors] == [
        ("Tamil Tigers", "LKA"),
        ("African National Congress", "ZAF"),
    ]


def test_ethnic_groups_are_not_states(nlp):
    doc, resolver = resolve(nlp, "Ethnic Albanians in south Serbia protested.")
    group = one(resolver.actors(span_of(doc, "Ethnic Albanians in south Serbia")))
    assert (group.kind, group.name, group.country_code) == ("group", "ethnic Albanians", "SRB")
    doc, resolver = resolve(nlp, "A prominent anti-Syria journalist was killed.")
    journalist = one(resolver.actors(span_of(doc, "A prominent anti-Syria journalist")))
    assert (journalist.sector, journalist.country_code) == ("MED", None)


def test_unknown_organization_keeps_its_country(nlp):
    doc, resolver = resolve(nlp, "The Nigerian Union of Teachers called a strike.")
    union = one(resolver.actors(span_of(doc, "The Nigerian Union of Teachers")))
    assert (union.kind, union.country_code) == ("organization", "NGA")
    assert union.name == "Nigerian Union of Teachers"


def test_city_as_actor_is_its_country(nlp):
    # A capital is its government ("Moscow said"); another city is its country.
    doc, resolver = resolve(nlp, "Tel Aviv and Tokyo agreed to host the talks.")
    actors = resolver.actors(span_of(doc, "Tel Aviv and Tokyo"))
    assert [(a.name, a.kind, a.code) for a in actors] == [
        ("Israel", "country", "ISR"),
        ("Japan", "country", "JPNGOV"),
    ]


def test_adjective_between_country_and_title(nlp):
    doc, resolver = resolve(nlp, "Lebanon's new President Elias Haddadin met envoys.")
    haddadin = one(resolver.actors(span_of(doc, "Elias Haddadin")))
    assert (haddadin.country_code, haddadin.code) == ("LBN", "LBNGOV")


def test_seed_the_president_is_the_president_just_named(seed):
    doc, resolver = seed
    # "... accusations from Trump's opponents that the president who has praised Putin ..."
    president = one(resolver.actors(span_of(doc, "the president")))
    assert president.name == "Donald Trump"


def test_definite_title_joins_a_named_holder(nlp):
    doc, resolver = resolve(
        nlp,
        "Russian Foreign Minister Sergey Lavrov met Rex Tillerson. "
        "The Russian minister said the talks were useful. The minister left.",
    )
    for text in ("The Russian minister", "The minister"):
        actor = one(resolver.actors(span_of(doc, text)))
        assert (actor.name, actor.code) == ("Sergey Lavrov", "RUSGOV"), text
    # No named holder: the country's government, or nothing without a country.
    doc, resolver = resolve(nlp, "The French president spoke. The prime minister was silent.")
    french = one(resolver.actors(span_of(doc, "The French president")))
    assert (french.name, french.code) == ("France", "FRAGOV")
    assert resolver.actors(span_of(doc, "The prime minister")) == []


def test_empty_span(nlp):
    doc, resolver = resolve(nlp, "Nothing happened.")
    assert resolver.actors(doc[1:1]) == []
    assert resolver.places(doc[1:1]) == []


def test_first_person_in_quotes_is_the_speaker(nlp):
    doc, resolver = resolve(
        nlp,
        "Russian Foreign Minister Sergey Lavrov met reporters. "
        '"I think the talks were useful," Lavrov said.',
    )
    speaker = one(resolver.actors(span_of(doc, "I")))
    assert speaker.name == "Sergey Lavrov"
    # the seed: "“I think the Russians have adjusted ...,” said Michael McFaul"
    doc = nlp(SEED.read_text(encoding="utf-8"))
    resolver = Resolution(doc)
    assert one(resolver.actors(span_of(doc, "I"))).name == "Michael McFaul"


def test_titles_are_not_names(nlp):
    doc, resolver = resolve(
        nlp,
        "Steve Jobs, the Apple Chief Executive Officer, spoke. "
        "Indonesian Transport Minister Jusman Syafii Djamal listened.",
    )
    assert sorted(p.name for p in resolver.people.persons) == ["Jusman Syafii Djamal", "Steve Jobs"]
    jobs = one(resolver.actors(span_of(doc, "Steve Jobs")))
    assert (jobs.title, jobs.sector) == ("Chief Executive Officer", "BUS")


def test_backed_by_a_country_is_not_of_that_country(nlp):
    doc, resolver = resolve(nlp, "Iranian-backed militias attacked the base.")
    militias = one(resolver.actors(span_of(doc, "Iranian-backed militias")))
    assert (militias.sector, militias.country_code) == ("UAF", None)


def test_seed_title_word_is_no_organization(seed):
    doc, resolver = seed
    # The recogniser tags "State" in "Secretary of State Rex Tillerson" as an organization.
    assert resolver.actors(span_of(doc, "State")) == []


def test_the_country_refers_to_the_country_just_named(nlp):
    text = (
        "Syria rejected the report. The country's army shelled Homs. Foreign reporters in the "
        "country were expelled. Russian President Vladimir Putin said his country would help."
    )
    doc, resolver = resolve(nlp, text)
    army = one(resolver.actors(span_of(doc, "The country's army")))
    assert army.code == "SYRMIL"
    place = one(resolver.places(span_of(doc, "in the country")))
    assert (place.name, place.feature) == ("Syria", "country")
    his = one(resolver.actors(span_of(doc, "his country")))
    assert (his.name, his.code) == ("Russia", "RUS")
    # Nothing named before it: no country.
    doc, resolver = resolve(nlp, "The country held elections.")
    assert resolver.actors(span_of(doc, "The country")) == []


def test_doc_without_a_parse(nlp):
    # A Doc from the tokenizer alone (no tagger, parser or entities) must not break anything.
    doc = nlp.make_doc("Russia and Syria met in Moscow.")
    resolver = Resolution(doc)
    assert [a.name for a in resolver.actors(doc[0:1])] == ["Russia"]
    assert one(resolver.places(doc[5:6])).country_code == "RUS"


def test_gendered_title_guides_pronouns(nlp):
    doc, resolver = resolve(
        nlp,
        "State Department spokeswoman Heather Nauert met Sergey Lavrov. She said talks went well.",
    )
    assert one(resolver.actors(span_of(doc, "She"))).name == "Heather Nauert"
    doc, resolver = resolve(
        nlp, "Donald Trump met Queen Elizabeth in London. She said the visit went well."
    )
    assert one(resolver.actors(span_of(doc, "She"))).name == "Elizabeth"


def test_capitalised_common_word_is_not_a_surname(nlp):
    doc, resolver = resolve(
        nlp, "Senator John Young spoke on Monday. Young people protested outside."
    )
    assert one(resolver.actors(span_of(doc, "Young people"))).name == "civilians"


# -- companies -------------------------------------------------------------------------------


def test_company_words_file():
    seen = set()
    for row in read_table("company_words.tsv"):
        assert len(row) == 2, row
        word, where = row
        assert where in ("name", "noun"), row
        assert word == word.lower(), row
        assert (word, where) not in seen, row
        seen.add((word, where))
    lex = organization_lexicon()
    assert {"inc.", "airlines", "motors"} <= lex.company_names
    assert {"manufacturer", "airline", "carmaker"} <= lex.company_nouns
    # words that end names of ministries, agencies and central banks are not company words
    assert not {"energy", "bank", "office", "agency", "force"} & lex.company_names


@pytest.mark.parametrize(
    "text, phrase, name, code",
    [
        # a company word ends the name
        ("Brightwater Inc. sued Samsung Electronics.", "Brightwater Inc.", "Brightwater Inc.",
         "BUS"),
        ("Apple Inc. sued Samsung Electronics.", "Samsung Electronics", "Samsung Electronics",
         "BUS"),
        ("Kestrel Marine Holdings bought the shipyard.", "Kestrel Marine Holdings",
         "Kestrel Marine Holdings", "BUS"),
        # a country in the name, or describing the company, is its country
        ("Qatar Airways ordered new jets.", "Qatar Airways", "Qatar Airways", "QATBUS"),
        ("The plane was built by Dassault Aviation, the French aircraft manufacturer.",
         "Dassault Aviation", "Dassault Aviation", "FRABUS"),
        # the actor dictionary's code: a multinational company of the United States
        ("The Air Force signed a deal with aircraft manufacturer Boeing.",
         "aircraft manufacturer Boeing", "Boeing", "MNCUSA"),
        # a title word that begins a company's name is no title
        ("General Electric won the contract.", "General Electric", "General Electric",
         "MNCUSA"),
        # a name the recogniser takes for a person's
        ("Nordwind Airlines leased two jets.", "Nordwind Airlines", "Nordwind Airlines", "BUS"),
    ],
)  # fmt: skip
def test_companies_are_business_actors(nlp, text, phrase, name, code):
    doc, resolver = resolve(nlp, text)
    actor = one(resolver.actors(span_of(doc, phrase)))
    assert (actor.name, actor.kind, actor.sector, actor.code) == (
        name,
        "organization",
        "BUS",
        code,
    )


def test_company_named_as_such_once_is_a_company_later(nlp):
    doc, resolver = resolve(
        nlp,
        "The Japanese carmaker Toyota recalled 20,000 cars in March. "
        "Toyota said on Friday that the fault was fixed.",
    )
    later = one(resolver.actors(span_of(doc, "Toyota", occurrence=1)))
    # the actor dictionary's code: a multinational company of Japan
    assert (later.kind, later.code, later.country_code) == ("organization", "MNCJPN", "JPN")


def test_organizations_without_a_company_cue_are_not_businesses(nlp):
    doc, resolver = resolve(nlp, "The Government Accountability Office criticised the plan.")
    office = one(resolver.actors(span_of(doc, "The Government Accountability Office")))
    assert office.kind == "organization"
    assert office.sector is None and office.code is None
    doc, resolver = resolve(nlp, "General David Petraeus met Iraqi officials.")
    general = one(resolver.actors(span_of(doc, "General David Petraeus")))
    assert (general.kind, general.name) == ("person", "David Petraeus")


def test_actor_rule_codes_are_sectors_and_organisation_codes():
    from timeline.nlp.actors.mentions import actor_codes

    codes = actor_codes()
    sectors = sector_codes()
    assert (codes.government, codes.business, codes.military) == ("GOV", "BUS", "MIL")
    assert {codes.government, codes.business, codes.military} <= sectors
    assert codes.state <= sectors and codes.government in codes.state
    assert codes.business not in codes.state
    organisation_codes = {row[1] for row in read_table("organizations.tsv")}
    assert set(codes.international) == {"IGO", "NGO"}
    assert set(codes.international) <= organisation_codes
