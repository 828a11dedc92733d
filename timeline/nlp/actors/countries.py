"""Countries: the country lexicon (timeline/data/countries.tsv) and what a phrase names.

A country is named by its name or another name ("Britain"), its ISO codes ("US", "RUS"), a demonym
("Russian") or its capital standing for it ("Moscow said"). `country_code` and `country_name` are
public: the query layer reads what a user types with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from timeline.data import read_table
from timeline.nlp.lookup import MEMO_SIZE, exact_form, is_abbreviation, key, split_cell


@dataclass(frozen=True)
class Country:
    alpha3: str
    alpha2: str
    name: str
    other_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass
class CountryLexicon:
    countries: dict[str, Country] = field(default_factory=dict)  # alpha3 -> row
    by_alpha2: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # key -> alpha3
    exact: dict[str, str] = field(default_factory=dict)  # abbreviation -> alpha3
    demonyms: dict[str, str] = field(default_factory=dict)  # key -> alpha3
    capitals: dict[str, str] = field(default_factory=dict)  # key -> alpha3


@lru_cache(maxsize=1)
def country_lexicon() -> CountryLexicon:
    """countries.tsv, parsed and indexed (once per process)."""
    lex = CountryLexicon()
    for row in read_table("countries.tsv"):
        alpha3, alpha2, name, others, demonyms, capitals = (list(row) + [""] * 6)[:6]
        country = Country(
            alpha3, alpha2, name, tuple(split_cell(others)), tuple(split_cell(demonyms)),
            tuple(split_cell(capitals)),
        )  # fmt: skip
        lex.countries[alpha3] = country
        lex.by_alpha2[alpha2] = alpha3
        for text in (name, *country.other_names):
            if is_abbreviation(text):
                lex.exact[text] = alpha3
            else:
                lex.names.setdefault(key(text), alpha3)
        for text in country.demonyms:
            lex.demonyms.setdefault(key(text), alpha3)
        for text in country.capitals:
            lex.capitals.setdefault(key(text), alpha3)
    return lex


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 for a country name, code, demonym or capital-as-metonym.

    "US", "U.S.", "America", "United States", "American" -> "USA"; "Russian" -> "RUS".
    """
    lex = country_lexicon()
    text = name.strip()
    if not text:
        return None
    if text.upper() in lex.countries and (text.isupper() or len(text) == 3):
        return text.upper()
    exact = exact_form(text)
    if exact in lex.exact:
        return lex.exact[exact]
    if exact.upper() in lex.exact:  # what a user types: "uk", "u.s."
        return lex.exact[exact.upper()]
    if len(text) == 2 and text.upper() in lex.by_alpha2:
        return lex.by_alpha2[text.upper()]
    k = key(text)
    for index in (lex.names, lex.demonyms, lex.capitals):
        if k in index:
            return index[k]
    return None


def country_name(code: str) -> str | None:
    """The common English name of a country from its alpha-3 (or alpha-2) code."""
    lex = country_lexicon()
    code = code.strip().upper()
    if len(code) == 2:
        code = lex.by_alpha2.get(code, "")
    country = lex.countries.get(code)
    return country.name if country else None


def name_or_code(alpha3: str) -> str:
    """The name an actor or place of that country is given: its name, else its code."""
    return country_name(alpha3) or alpha3


@lru_cache(maxsize=MEMO_SIZE)
def country_of(text: str, capitals: bool = True) -> tuple[str, str] | None:
    """(alpha3, how) for a phrase naming a country: how is name / demonym / capital."""
    lex = country_lexicon()
    exact = exact_form(text)
    if exact in lex.exact:
        return lex.exact[exact], "name"
    k = key(text)
    if k in lex.names:
        return lex.names[k], "name"
    if k in lex.demonyms:
        return lex.demonyms[k], "demonym"
    if capitals and k in lex.capitals:
        return lex.capitals[k], "capital"
    return None
