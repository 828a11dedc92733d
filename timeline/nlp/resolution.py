"""Resolution: which GeoNames place a place name means, chosen by the article's context.

`resolve_place(view, name, qualifier)` tries, in order: a qualifier ("Lucca, Italy", "Long Beach,
CA", "Kingston, Ontario", "Jordan, Minn."; "TBILISI, Georgia" is the country's town); the
project's regions and the continents; a place wrapped in "the Province of"; a county; a country
(a first-level region when the country's other name is that region's: England), a US state (a
state named like a big city, New York or Washington, is the city unless listed with other
states: "Oregon and Washington laws"; "Georgia" is the state when the article is about the US),
a country's name that is a town of a US state the article is about ("Lebanon" in a story about
Pennsylvania); a first-level region; a county named without "County" in a state the article names;
then namesake towns, ranked by what the article says (`best`): a US state it names (or another
country's first-level region it names alone: "Ontario") and nearness to a place it already
placed, the dateline's country and state, other ambiguous names with a namesake nearby, a
country it names often (a US state it names names the US), a national capital (never displaced
by a local namesake of its own country), population last.

The article's context (`context_of`) is kept per article view: the states and countries it names,
the places already resolved for sure, the dateline's place, the namesakes of its ambiguous names.
Countries carry their representative point (not their capital), regions and counties the middle
of their places, towns their own point; each place has a `feature` (country / region / county /
city / place) and the geo precision ACLED gives it (1 a town or site, 2 a county or a part of a
region, 3 a region or a country).
"""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.nlp.actors.countries import country_lexicon, country_of, name_or_code
from timeline.nlp.gazetteer import (
    WORLD_CITY,
    City,
    big_city,
    gazetteer,
    neighbours,
    place_lexicon,
)
from timeline.nlp.lookup import exact_form, key, word_set
from timeline.nlp.toponyms import COUNTY_WORDS
from timeline.records import PlaceMention

if TYPE_CHECKING:
    from timeline.nlp.article import ArticleView

# Words before a place name that say where in it: "Northern California", "east Africa"
DIRECTIONS = word_set("place_directions.tsv")
# ACLED's geo precision of each feature: 1 the town itself, 2 a county (a part of a region),
# 3 a region (province) or a whole country
PRECISION = {"city": 1, "place": 1, "county": 2, "region": 3, "country": 3}
# Distances (km) within which a namesake counts as near a place the article already placed
NEAR_KM = ((40, 4.0), (120, 3.0), (250, 1.0))
# How many namesakes of an ambiguous name are weighed against the article's other names, and the
# bonus for each other ambiguous name with a namesake this near (km): places of one article lie
# together ("Alexandria" and "Pineville", both in Louisiana)
NAMESAKES = 12
# The weight of a namesake's population (its logarithm): what decides when the article says
# nothing else
POPULATION_WEIGHT = 1.25
# Bonuses of a namesake: in a country the article names (the most named: all of it), in a US state
# it names, a national capital
COUNTRY_BONUS, STATE_BONUS, CAPITAL_BONUS = 2.0, 5.0, 2.5
TOGETHER_KM, TOGETHER_BONUS = 60, 2.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


@dataclass(eq=False)
class Context:
    """What the article says about where it is: states and countries it names, the places
    resolved so far (points, with their states), and the dateline's place."""

    states: Counter[str] = field(default_factory=Counter)
    # first-level regions of other countries it names, by (country, admin1 code): "Ontario"
    regions: Counter[tuple[str, str]] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    points: list[tuple[float, float]] = field(default_factory=list)
    places_in: Counter[str] = field(default_factory=Counter)  # towns and counties per country
    dateline: PlaceMention | None = None
    # the likeliest namesakes of each ambiguous name of the article: where it may be
    namesakes: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    # the article's mentions as resolved, by token range: a later lookup of the same words
    # ("Moscow" of "the mayor of Moscow, Idaho", asked by the actors stage) gets the same place
    mentions: dict[tuple[int, int], PlaceMention] = field(default_factory=dict)


_CONTEXTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def named_elsewhere(view: ArticleView, start: int, end: int, alpha3: str) -> bool:
    """Whether the words at tokens start..end are a place mention resolved to a place outside
    the country `alpha3`: "Moscow" of "the mayor of Moscow, Idaho" is no capital of Russia."""
    place = context_of(view).mentions.get((start, end))
    return place is not None and place.country_code not in (None, alpha3)


def context_of(view: ArticleView) -> Context:
    context = _CONTEXTS.get(view)
    if context is None:
        context = Context()
        context.states.update(view.named.states)
        context.states.update(county_states(view.doc.text))
        context.countries.update(view.named.country_counts)
        context.regions.update(named_regions(view.doc.text))
        _CONTEXTS[view] = context
    return context


# A county's or a parish's name, also inside an organisation's ("the Edgar County Sheriff's
# Department"), which is no place mention but says where the story is
COUNTY_NAME = re.compile(r"\b((?:[A-Z][a-z]+\.? ){1,2})(County|Parish)\b")


def county_states(text: str) -> Counter[str]:
    """The US states of the counties a text names that only one state has."""
    states: Counter[str] = Counter()
    counties = gazetteer().counties
    for match in COUNTY_NAME.finditer(text):
        found = counties.get(key(match.group(1) + match.group(2)), [])
        if len({c.state for c in found}) == 1:
            states[found[0].state] += 1
    return states


def region_code(region) -> str | None:
    """The GeoNames first-level code of one of the project's regions that is one ("Ontario")."""
    if not region.country:
        return None
    for other in gazetteer().admin1_names.get(key(region.name), []):
        if other.country == region.country:
            return other.admin1
    return None


@lru_cache(maxsize=1)
def _region_names() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    codes = {}
    for name, region in place_lexicon().regions.items():
        code = region_code(region)
        if code:
            codes[name] = (region.country or "", code)
    names = {r.name for r in place_lexicon().regions.values() if key(r.name) in codes}
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(r"\b(" + (alternatives or "(?!)") + r")\b"), codes


def named_regions(text: str) -> Counter[tuple[str, str]]:
    """The first-level regions of other countries among the project's regions that a text
    names, also inside an organisation's name ("the Ontario Municipal Board")."""
    pattern, codes = _region_names()
    return Counter(codes[key(match.group(1))] for match in pattern.finditer(text))


# Words that wrap a place's name: "the Province of Ontario", "Kermanshah province"
WRAPPERS = {"city", "town", "village", "province", "state", "region", "township", "municipality"}


def _wrapped(name: str, text: str) -> str | None:
    """The place's own name inside "the city of X", "X province" (written as in `text`)."""
    words = text.split()
    if len(words) >= 3 and words[0].lower() in WRAPPERS and words[1].lower() == "of":
        return " ".join(words[2:])
    if len(words) >= 2 and words[-1].lower() in WRAPPERS - {"city", "state"}:
        return " ".join(words[:-1])
    return None


def listed(name: str, qualifier: str) -> bool:
    """Whether "name, qualifier" lists two places rather than qualifying one: a US state or a
    region before anything ("Northern California, N.J."), a country before a country ("Syria,
    Iraq"); a country's name before a US state is a town ("Jordan, Minn.")."""
    if not wide_area(name):
        return False
    first, _, rest = name.partition(" ")
    bare = rest if first in DIRECTIONS and rest else name
    if bare in country_lexicon().names and bare not in place_lexicon().state_names:
        return country_of(qualifier, capitals=False) is not None
    return True


def state_or_country(name: str) -> bool:
    """A name of both a US state and a country: "Georgia"."""
    return name in place_lexicon().state_names and name in country_lexicon().names


def wide_area(name: str) -> bool:
    """Whether a name is a country's, a US state's or a region's (a direction before it aside)."""
    first, _, rest = name.partition(" ")
    if first in DIRECTIONS and rest:
        name = rest
    lex = place_lexicon()
    return (
        name in country_lexicon().names
        or name in lex.state_names
        or name in lex.regions
        or name in gazetteer().continents
    )


def remember(context: Context, place: PlaceMention, alone: bool = True) -> None:
    """A place resolved for sure: its point, and its state unless it is a world city (New York
    says little about which state the article is about); a first-level region of another
    country named `alone` (not as a qualifier: "London, England" says nothing of the rest)."""
    region = (place.country_code or "", place.admin1_code or "")
    if place.feature == "region" and alone and region[0] not in ("", "USA") and region[1]:
        context.regions[region] += 1
    if place.feature in ("city", "county", "place") and place.latitude is not None:
        context.points.append((place.latitude, place.longitude))
        if place.country_code:
            context.places_in[place.country_code] += 1
        if place.country_code == "USA" and place.admin1_code and not _world_city(place):
            context.states[place.admin1_code] += 1


def _world_city(place: PlaceMention) -> bool:
    cities = gazetteer().cities.get(key(place.name))
    return any(c.geonameid == place.geonames_id and c.population >= WORLD_CITY for c, _ in cities)


def city_place(city: City, text: str, start: int, end: int) -> PlaceMention:
    region = gazetteer().admin1.get((city.country, city.admin1))
    return PlaceMention(
        city.name, text, start, end, city.country, city.latitude, city.longitude,
        city.geonameid, "city", admin1=region.name if region else None,
        admin1_code=city.admin1 or None, precision=1,
    )  # fmt: skip


def country_place(alpha3: str, text: str, start: int, end: int) -> PlaceMention:
    gaz = gazetteer()
    point = gaz.country_points.get(alpha3)
    if point is None:
        capital = gaz.capital(alpha3)
        point = (capital.latitude, capital.longitude) if capital else (None, None)
    return PlaceMention(
        name_or_code(alpha3), text, start, end, alpha3, point[0], point[1],
        gaz.country_ids.get(alpha3), "country", precision=3,
    )  # fmt: skip


def resolve_place(
    view: ArticleView, name: str, qualifier: str | None = None, start: int = -1, end: int = -1
) -> PlaceMention | None:
    """A place name (with an optional country, region or US state qualifier) to a GeoNames place;
    the place is written by doc[start:end] when given, namesakes chosen with the article's
    context (see the module docstring)."""
    lex = place_lexicon()
    gaz = gazetteer()
    context = context_of(view)
    k = key(name)
    if not k:
        return None
    if qualifier is None and (start, end) in context.mentions:
        return context.mentions[(start, end)]
    text = view.span_text(start, end) if start >= 0 else name
    char_start = view.idx[start] if start >= 0 else -1
    char_end = view.end_char(end) if start >= 0 else -1

    def as_city(city: City) -> PlaceMention:
        return city_place(city, text, char_start, char_end)

    def as_country(alpha3: str) -> PlaceMention:
        return country_place(alpha3, text, char_start, char_end)

    def region_place(alpha3: str, code: str) -> PlaceMention:
        region = gaz.admin1[(alpha3, code)]
        return PlaceMention(
            region.name, text, char_start, char_end, alpha3, region.latitude, region.longitude,
            region.geonameid, "region", admin1=region.name, admin1_code=code, precision=3,
        )  # fmt: skip

    def state_place(code: str) -> PlaceMention:
        return region_place("USA", code)

    candidates = gaz.cities.get(k)
    if qualifier and listed(k, qualifier):
        return None  # "Northern California, N.J.": a list of two places, not a qualified name
    if qualifier:
        q_country = country_of(qualifier, capitals=False)
        q_key = key(qualifier)
        q_state = lex.state_exact.get(exact_form(qualifier)) or lex.state_names.get(q_key)
        if q_state is None and exact_form(qualifier).upper() in lex.state_exact:
            q_state = lex.state_exact[exact_form(qualifier).upper()]  # "MINN." in a dateline
        q_regions = [] if q_state or q_country else gaz.admin1_names.get(q_key, [])
        # A name not found under its qualifier is a smaller place of that state or country,
        # unless it is a longer phrase ("Moscone Center in San Francisco, California"),
        # whose own place names the caller then tries.
        phrase = any(word[:1].islower() for word in name.split())
        if q_state is not None:
            chosen = [(c, m) for c, m in candidates if c.country == "USA" and c.admin1 == q_state]
            if chosen:
                return as_city(best(view, chosen, k))
            county = find_county(k, q_state)
            if county is not None:
                return county_place(county, text, char_start, char_end)
            if q_country is None or not any(c.country == q_country[0] for c, _ in candidates):
                return None if phrase else state_place(q_state)
            # "TBILISI, Georgia": a town of the country named like the state
        if q_country is not None:
            alpha3 = q_country[0]
            chosen = [(c, m) for c, m in candidates if c.country == alpha3]
            if chosen:
                return as_city(best(view, chosen, k))
            regions = [r for r in gaz.admin1_names.get(k, []) if r.country == alpha3]
            if regions:
                return region_place(alpha3, regions[0].admin1 or "")
            return None if phrase else as_country(alpha3)
        if q_regions:
            codes = {(r.country, r.admin1) for r in q_regions}
            chosen = [(c, m) for c, m in candidates if (c.country, c.admin1) in codes]
            if chosen:
                return as_city(best(view, chosen, k))
        # Not a qualifier: "Moscow, Washington and Paris" is read by the caller as a list.
        return None
    region = lex.regions.get(k) or gaz.continents.get(k)
    if region is not None:
        code = region_code(region)  # "Ontario" carries its code, as GeoNames' regions do
        return PlaceMention(
            region.name, text, char_start, char_end, region.country, region.latitude,
            region.longitude, region.geonameid, "region", admin1=region.name if code else None,
            admin1_code=code, precision=3,
        )  # fmt: skip
    inner = _wrapped(k, name)
    if inner is not None:  # "the Province of Ontario", "Kermanshah province", "City of Richmond"
        return resolve_place(view, inner, None, start, end)
    words = k.split()
    if len(words) >= 2 and words[-1] in COUNTY_WORDS:
        county = find_county(k, None, context)
        if county is not None:
            return county_place(county, text, char_start, char_end)
    exact = exact_form(name)
    country_names = country_lexicon()
    alpha3 = (
        country_names.exact.get(exact)
        or country_names.names.get(k)
        or ("." in exact and country_names.exact.get(exact + "."))  # "U.S" + "." split off
        or None
    )
    state = lex.state_names.get(k)
    if state is None and k.endswith(" state"):  # "New York State", "Washington state"
        state = lex.state_names.get(k[: -len(" state")])
        if state is not None:
            return state_place(state)
    if (
        state is not None
        and (not big_city(k) or (start >= 0 and _listed_with_states(view, start, end)))
        and (alpha3 is None or _prefer_state(view, alpha3, state))
    ):
        return state_place(state)
    main = [(c, m) for c, m in candidates if m]
    if alpha3 is not None:
        parts = [r for r in gaz.admin1_names.get(k, []) if r.country == alpha3]
        if parts and k != key(name_or_code(alpha3)):  # "England": the region of that name
            return region_place(alpha3, parts[0].admin1 or "")
        local = [
            (c, m)
            for c, m in main
            if c.country == "USA"
            and context.states[c.admin1] > 0
            and (
                context.states[c.admin1] > 1
                or _nearness(context, c.latitude, c.longitude) >= NEAR_KM[1][1]
                or (context.dateline is not None and context.dateline.admin1_code == c.admin1)
            )
        ]
        if local and alpha3 != "USA" and _local_namesake(view, alpha3, local):
            return as_city(best(view, local, k))  # "Lebanon" in an article about Ohio
        return as_country(alpha3)
    regions = gaz.admin1_names.get(k, [])
    if regions:
        region = max(regions, key=lambda r: context.countries[r.country or ""])
        near = [(c, m) for c, m in main if context.states[c.admin1] > 0 and c.country == "USA"]
        # a large city named like its region is the city ("Moscow", "Tokyo"); a region of a
        # country the article does not name is no likelier than a town ("Hanover")
        namesake = [
            c for c, _ in candidates if c.country == region.country and c.population >= 100_000
        ]
        named = context.countries[region.country or ""] > 0 or not main
        if not near and not namesake and named:
            return region_place(region.country or "", region.admin1 or "")
    county = find_county(k + " county", None, context) if context.states else None
    # "DeKalb", "Oglethorpe": a county of a state the article names, written without "County",
    # where no state named as often has a town of the name ("R-Berkeley" of a West Virginia
    # delegate, with California named once), and no city of half a million has it
    # ("Washington" in a story about Miami is the capital, not Washington County, Florida)
    if (
        county is not None
        and context.states[county.state] > 0
        and not any(
            c.country == "USA" and context.states[c.admin1] >= context.states[county.state]
            for c, _ in candidates
        )
        and not big_city(k)
    ):
        return county_place(county, text, char_start, char_end)
    if k in country_names.demonyms:  # "a Syrian air base"; "Canadian doctors" are not of the
        return as_country(country_names.demonyms[k])  # town of Canadian, Texas
    if candidates:  # by main name, or another: "Bombay", "Peking"
        return as_city(best(view, candidates, k))
    bare = exact.replace(" ", "")
    for form in (bare, bare + ".", bare.upper()):  # "Calif.", "N.Y.", "W.Va" + ".", "W. Va."
        if "." in form and form in lex.state_exact:
            return state_place(lex.state_exact[form])
    first, _, rest = k.partition(" ")
    if first in DIRECTIONS and rest in lex.state_names:  # "western New York": of the state,
        return replace(state_place(lex.state_names[rest]), precision=2)  # not of its city
    if first in DIRECTIONS and rest:  # "Northern California", "West Germany", "east Africa"
        place = resolve_place(view, name.split(None, 1)[1], None, start, end)
        if place is not None and place.feature != "city":
            place = replace(place, precision=min(2, place.precision or 2))
        return place
    if state is not None:
        return state_place(state)
    return None


# Words that join the names of a list: "Oregon and Washington", "Missouri, New York, Virginia"
LIST_WORDS = {",", "and", "or", "&"}


def _listed_with_states(view: ArticleView, start: int, end: int) -> bool:
    """Whether the name at tokens start..end is listed with a US state's ("Oregon and
    Washington laws"): a state, though named like a big city."""
    lex, words = place_lexicon(), view.words

    def state_at(begin: int, stop: int) -> bool:
        if begin < 0 or stop > len(words) or begin >= stop:
            return False
        name = key(view.span_text(begin, stop))
        return name in lex.state_names and not big_city(name)

    if end + 1 < len(words) and words[end] == "," and words[end + 1] in lex.state_exact:
        return False  # qualified: "Texas and Washington, D.C."
    after = end
    while after < len(words) and words[after] in LIST_WORDS:
        after += 1
    if after > end and any(state_at(after, after + n) for n in (1, 2, 3)):
        return True
    before = start
    while before > 0 and words[before - 1] in LIST_WORDS:
        before -= 1
    return before < start and any(state_at(before - n, before) for n in (1, 2, 3))


def find_county(name: str, state: str | None, context: Context | None = None):
    counties = gazetteer().counties.get(name, [])
    if state is not None:
        counties = [c for c in counties if c.state == state]
    if not counties:
        return None
    if context is None or len(counties) == 1:
        return counties[0]

    def score(county) -> float:
        value = 3.0 * context.states[county.state]
        if context.dateline is not None and context.dateline.admin1_code == county.state:
            value += 3.0
        value += _nearness(context, county.latitude, county.longitude)
        value += _together(context, name, county.latitude, county.longitude)
        return value

    return max(counties, key=score)


def county_place(county, text: str, start: int, end: int) -> PlaceMention:
    state = place_lexicon().states.get(county.state)
    return PlaceMention(
        county.name, text, start, end, "USA", county.latitude, county.longitude, None, "county",
        admin1=state.name if state else None, admin1_code=county.state, precision=2,
    )  # fmt: skip


def _nearness(context: Context, lat: float, lon: float) -> float:
    if not context.points:
        return 0.0
    nearest = min(km(lat, lon, a, b) for a, b in context.points)
    return next((bonus for limit, bonus in NEAR_KM if nearest <= limit), 0.0)


def _together(context: Context, name: str, lat: float, lon: float) -> float:
    """A bonus for each other ambiguous name of the article with a namesake near this point."""
    bonus = 0.0
    for other, points in context.namesakes.items():
        if other == name:
            continue
        if any(abs(lat - a) < 1 and km(lat, lon, a, b) <= TOGETHER_KM for a, b in points):
            bonus += TOGETHER_BONUS
    return min(bonus, 3 * TOGETHER_BONUS)


def _local_namesake(view: ArticleView, alpha3: str, local: list) -> bool:
    """Whether a country's name means a US town of a state the article names ("Lebanon" in an
    article about Ohio): the article names the country no other way, nor its neighbours."""
    named = view.named
    forms = {key(form) for form in named.country_forms.get(alpha3, [])}
    if len(forms) > 1 or any(named.country_counts[c] for c in neighbours(alpha3)):
        return False
    return not any(capital for (code, capital) in named.capital_mentions if code == alpha3)


def _prefer_state(view: ArticleView, alpha3: str, state: str) -> bool:
    """ "Georgia": the US state when the article is about the US more than about the
    country's neighbourhood."""
    named, context = view.named, context_of(view)
    us = named.country_counts["USA"] + 2 * len(named.states - {state}) + context.places_in["USA"]
    nearby = context.places_in[alpha3]
    for code in neighbours(alpha3):
        nearby += named.country_counts[code] + context.places_in[code]
    return us > nearby


def best(view: ArticleView, candidates: list[tuple[City, bool]], name: str = "") -> City:
    """The likeliest of namesake cities: one in a US state the article names (the dateline's
    first), near the places already resolved, of a country the article names often (a capital
    named only by the place itself does not count for its country), a capital, a main name over
    an alternate name, a larger city."""
    if len(candidates) == 1:
        return candidates[0][0]
    named = view.named
    context = context_of(view)
    counts = Counter(context.countries) + context.places_in
    counts["USA"] += sum(context.states.values())  # a US state named names the US
    for (alpha3, capital), n in named.capital_mentions.items():
        if capital == name:
            counts[alpha3] -= n
    top = max(counts.values(), default=0)
    gaz = gazetteer()
    dateline = context.dateline

    # a national capital among the namesakes: its country's other towns of the name get no
    # bonus for being local ("Washington" in a story about Indiana is still the capital)
    capitals = {c.country for c, _ in candidates if gaz.capital(c.country) == c}

    def score(item: tuple[City, bool]) -> float:
        city, main = item
        value = POPULATION_WEIGHT * math.log10(city.population + 10)
        if city.country in capitals and gaz.capital(city.country) != city:
            return value + (1.0 if main else 0.0)
        if top > 0:
            value += COUNTRY_BONUS * max(counts[city.country], 0) / top
        # in a state the article names, and near a place it placed: the one and the other
        local = _nearness(context, city.latitude, city.longitude)
        named = context.states[city.admin1] if city.country == "USA" else 0
        if named > 0 or context.regions[(city.country, city.admin1)] > 0:
            local += STATE_BONUS
        value += local
        if dateline is not None and dateline.country_code == city.country:
            value += 1.0
            if dateline.admin1_code and dateline.admin1_code == city.admin1:
                value += 2.0
        value += _together(context, name, city.latitude, city.longitude)
        if main:
            value += 1.0
        if gaz.capital(city.country) == city:
            value += CAPITAL_BONUS
        return value

    return max(candidates, key=score)[0]
