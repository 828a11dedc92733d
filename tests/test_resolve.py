"""Tests of the resolve stage: actors and places, on real spaCy parses and the seed article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.parse import load_model
from timeline.resolve import ArticleResolver, country_code, country_name

SEED = Path(__file__).resolve().parent.parent / "seeds" / "tillerson-moscow-2017.txt"


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def seed(nlp):
    doc = nlp(SEED.read_text(encoding="utf-8"))
    return doc, ArticleResolver(doc)


def span_of(doc, text, occurrence=0):
    """The span of the n-th whole-word occurrence of `text` in the document."""
    matches = list(re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", doc.text))
    start = matches[occurrence].start()
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    assert span is not None
    return span


def one(actors):
    assert len(actors) == 1, actors
    return actors[0]


# -- helpers ---------------------------------------------------------------------------------


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


def test_pronoun_us_is_not_the_country(nlp):
    doc = nlp("The Russians told us nothing.")
    resolver = ArticleResolver(doc)
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


def test_seed_putin_and_assad(seed):
    doc, resolver = seed
    full = one(resolver.actors(span_of(doc, "Vladimir Putin")))
    bare = one(resolver.actors(span_of(doc, "Putin", 2)))
    assert full.name == bare.name == "Vladimir Putin"
    assert full.country_code == "RUS"  # "Russian President Vladimir Putin"
    assassad = one(resolver.actors(span_of(doc, "Assad", 1)))
    assert assassad.name == "Bashar Assad"
    assert assassad.title == "President"
    assert assassad.country_code is None  # the article never says which country


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
    forces = one(resolver.actors(span_of(doc, "Assad's forces")))
    assert (forces.kind, forces.sector, forces.country_code) == ("group", "MIL", None)
    assert "Bashar Assad" in forces.name


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
