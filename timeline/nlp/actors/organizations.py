"""Organisations, institutions and companies.

The lexicons: international and national organisations (timeline/data/organizations.tsv: NATO, the
ANC), state institutions with their country, sector and seat (institutions.tsv: "the Kremlin" is
the Russian government and a building in Moscow) and the words of company names and descriptions
(company_words.tsv). `Companies` tells which organisations of an article are companies: those
whose name ends with a company word ("Apple Inc.", "Qatar Airways") or that a company noun
describes ("computer maker Apple", "Airbus, the European planemaker"), anywhere in the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.nlp.lookup import MEMO_SIZE, exact_form, is_abbreviation, key, split_cell

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.actors.affiliations import Affiliations
    from timeline.nlp.article import ArticleView


@dataclass(frozen=True)
class Organization:
    name: str
    code: str
    kind: str
    other_names: tuple[str, ...]


@dataclass
class OrganizationLexicon:
    organizations: dict[str, Organization] = field(default_factory=dict)  # key -> row
    organization_exact: dict[str, Organization] = field(default_factory=dict)
    institutions: dict[str, tuple[str, str]] = field(default_factory=dict)  # -> (alpha3, sector)
    institution_exact: dict[str, tuple[str, str]] = field(default_factory=dict)
    seats: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name, city)
    company_names: set[str] = field(default_factory=set)  # last words of company names
    company_nouns: set[str] = field(default_factory=set)  # "manufacturer", "airline"


@lru_cache(maxsize=1)
def organization_lexicon() -> OrganizationLexicon:
    """organizations.tsv, institutions.tsv and company_words.tsv, indexed (once per process)."""
    lex = OrganizationLexicon()
    for row in read_table("organizations.tsv"):
        name, code, kind, others = (list(row) + [""] * 4)[:4]
        org = Organization(name, code, kind or "organization", tuple(split_cell(others)))
        for text in (name, *org.other_names):
            if is_abbreviation(text):
                lex.organization_exact[text] = org
            else:
                lex.organizations.setdefault(key(text), org)
    for name, alpha3, sector, seat in read_table("institutions.tsv"):
        if is_abbreviation(name):
            lex.institution_exact[name] = (alpha3, sector)
        else:
            lex.institutions[key(name)] = (alpha3, sector)
        if seat != "-":
            lex.seats[key(name)] = (name, seat)
    for word, where in read_table("company_words.tsv"):
        (lex.company_names if where == "name" else lex.company_nouns).add(word)
    return lex


@lru_cache(maxsize=MEMO_SIZE)
def organization_of(text: str) -> Organization | None:
    """The organisation a phrase names ("the U.N.", "Group of Seven"), if any."""
    lex = organization_lexicon()
    exact = exact_form(text)
    if exact in lex.organization_exact:
        return lex.organization_exact[exact]
    return lex.organizations.get(key(text))


@lru_cache(maxsize=MEMO_SIZE)
def institution_of(text: str) -> tuple[str, str] | None:
    """(alpha3, sector) of the state institution a phrase names ("the Kremlin"), if any."""
    lex = organization_lexicon()
    exact = exact_form(text)
    if exact in lex.institution_exact:
        return lex.institution_exact[exact]
    return lex.institutions.get(key(text))


def is_company_word(token: Token) -> bool:
    """A capitalized last word of a company name ("Airlines", "Inc."); the two-letter ones
    ("AG", "SA") only in capitals, so that no surname is taken for one."""
    text = token.text
    if not text[:1].isupper() or token.lower_ not in organization_lexicon().company_names:
        return False
    return len(text.rstrip(".")) > 2 or text.isupper()


class Companies:
    """The companies of one article."""

    def __init__(self, view: ArticleView, affiliations: Affiliations) -> None:
        self.view = view
        self.affiliations = affiliations
        self.lex = organization_lexicon()
        self._names: dict[str, str | None] | None = None  # see names()

    def is_company(self, a: int, b: int, start: int, end: int) -> bool:
        """Whether the organization named by doc[a:b] is a company: a company noun describes it
        in its own phrase ("aircraft manufacturer Boeing"), or the article names it as a company
        somewhere (see `names`), so that a later bare "Apple" is a company too."""
        nouns = self.lex.company_nouns
        doc = self.view.doc
        if any(doc[i].lemma_.lower() in nouns for i in (*range(start, a), *range(b, end))):
            return True
        return key(self.view.span_text(a, b)) in self.names()

    def names(self) -> dict[str, str | None]:
        """The names (keys) of the organizations the article shows to be companies: a name ending
        with a company word ("Apple Inc.", "Qatar Airways"; its bare form "Apple" too), or one a
        company noun describes ("computer maker Apple", "Airbus, the European planemaker", "the
        planemaker, Airbus"), with the country its mention gives, if any ("the American computer
        company Apple": later mentions of Apple are American too)."""
        if self._names is not None:
            return self._names
        lex, nouns = self.lex, self.lex.company_nouns
        doc = self.view.doc
        names: dict[str, str | None] = {}
        for ent in self.view.entities:
            if ent.label_ != "ORG":
                continue
            root = ent.root
            last = doc[ent.end - 1].lower_
            country = self.country(ent.start, ent.end)
            if last in lex.company_names:
                names[key(ent.text)] = names.get(key(ent.text)) or country
                if len(ent) > 1:
                    bare = key(self.view.span_text(ent.start, ent.end - 1))
                    names[bare] = names.get(bare) or country
            elif (
                (root.dep_ == "appos" and root.head.lemma_.lower() in nouns)
                or any(
                    c.dep_ in ("appos", "compound") and c.lemma_.lower() in nouns
                    for c in root.children
                )
                or (ent.start > 0 and doc[ent.start - 1].lemma_.lower() in nouns)
            ):
                names[key(ent.text)] = names.get(key(ent.text)) or country
        self._names = names
        return names

    def country(self, a: int, b: int) -> str | None:
        """The country of the company noun describing doc[a:b]: "the American computer company
        Apple", "Airbus, the European planemaker"."""
        root = self.view.doc[a:b].root
        described = [root.head] if root.dep_ == "appos" else []
        described += [c for c in root.children if c.dep_ == "appos"]
        for noun in described:
            if noun.lemma_.lower() not in self.lex.company_nouns:
                continue
            for i in range(noun.left_edge.i, noun.i):
                country = self.affiliations.at(i, noun.i)[1]
                if country is not None:
                    return country
        return None
