"""Groups and sectors: "Russia's military", "Syrian rebels", "Hungarian officials", "NATO troops".

A group noun (timeline/data/sectors.tsv) gives a sector (MIL, REB, GOV, ...); the group's country
comes from the words of its phrase, else from the person who owns it ("Assad's forces", "his army":
the country the text or the actor dictionary gives them), else from the noun's country hint when
the article names that country. A government noun with a country is the country itself in its
government role ("Hungarian officials" -> Hungary, HUNGOV); other groups are named "<country>
<sector label>" ("Russia military", RUSMIL), "<owner> <sector label>" when the owner has no country
("John Smith military") or by the sector label alone ("rebels", REB).
"Ethnic Albanians in south Serbia" are a people, coded with where they live (SRB), not Albania.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.nlp.actors.coreference import FEMALE_PRONOUNS, MALE_PRONOUNS, PERSON_NOUNS
from timeline.nlp.actors.countries import country_lexicon, name_or_code
from timeline.nlp.actors.mentions import (
    actor_code,
    actor_codes,
    actor_mention,
    code_country,
    code_on,
)
from timeline.nlp.actors.organizations import organization_lexicon, organization_of
from timeline.nlp.actors.people import title_lexicon
from timeline.nlp.lookup import key, optional_cell
from timeline.nlp.placing_grammar import DIPLOMAT_WORDS
from timeline.nlp.words import MISSION_NOUNS
from timeline.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.actors.affiliations import Affiliations
    from timeline.nlp.actors.coreference import Coreference
    from timeline.nlp.actors.people import ArticlePeople
    from timeline.nlp.article import ArticleView


# Prefixes of a stance: the name after "pro-" or "anti-" is what a group is for or against
STANCE_PREFIXES = {"pro", "anti"}
CIVILIANS = "CVL"  # the sector of people the text describes without naming them ("his father")


def stance_prefix(word: str, after: str) -> bool:
    """Whether two words open a stance: "pro" or "anti" and its hyphen ("pro-Russian")."""
    return word.lower() in STANCE_PREFIXES and after == "-"


@dataclass
class SectorLexicon:
    sectors: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # -> (sector, hint)
    labels: dict[str, str] = field(default_factory=dict)  # sector code -> label


@lru_cache(maxsize=1)
def sector_lexicon() -> SectorLexicon:
    """sectors.tsv (group nouns), then the Phoenix agents (petrarch_agents.tsv: "police" ~COP,
    "sheriff" ~COP, "general assembly" ~LEG, with their plurals) where sectors.tsv has no entry,
    and sector_names.tsv (the label of each sector code). An agent's sector is the first code
    after its "~" ("~GOVDEV" -> GOV); agents of sectors without a label here (religions, "PPL")
    and of organisations ("NGO~") are left out, and so are the titles of people (titles.tsv:
    "the president" is a person) and the words of companies (company_words.tsv: "airline")."""
    lex = SectorLexicon()
    for code, label in read_table("sector_names.tsv"):
        lex.labels[code] = label
    for noun, sector, hint in read_table("sectors.tsv"):
        lex.sectors[key(noun)] = (sector, optional_cell(hint))
    titles = title_lexicon().titles
    companies = organization_lexicon()
    company_words = companies.company_names | companies.company_nouns
    for agent, code, plural in read_table("petrarch_agents.tsv"):
        sector = code[1:4]
        if not code.startswith("~") or sector not in lex.labels:
            continue
        for form in (agent, *plurals(agent, plural)):
            last = form.rsplit(" ", 1)[-1]
            if form in titles or last in company_words:
                continue  # the project's titles and company words say who they are
            plain = form.isascii() and not form.startswith("the ") and "(" not in form
            lex.sectors.setdefault(form if plain else key(form), (sector, None))
    return lex


@lru_cache(maxsize=1)
def perpetrator_nouns() -> dict[str, str]:
    """perpetrator_nouns.tsv: noun -> sector, for people known only by what they did; with
    their plurals ("two suspects", "the gunmen")."""
    nouns: dict[str, str] = {}
    for noun, sector in read_table("perpetrator_nouns.tsv").rows:
        for form in (noun, *plurals(noun, "regular")):
            nouns[form] = sector
    return nouns


def unnamed_doer(actor: ActorMention) -> bool:
    """Whether an actor is someone known only by what they did ("sniper", "United States
    sniper")."""
    return actor.kind == "group" and actor.name.rsplit(" ", 1)[-1] in perpetrator_nouns()


def plurals(noun: str, plural: str) -> tuple[str, ...]:
    """The plurals of an agent: `regular` (police officer -> police officers, ally -> allies,
    witness -> witnesses), `none`, or the plural written out."""
    if plural == "none":
        return ()
    if plural != "regular":
        return (plural,)
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return (noun[:-1] + "ies",)
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return (noun + "es",)
    if noun.endswith("man"):
        return (noun[:-3] + "men",)
    return (noun + "s",)


def sector_label(sector: str) -> str:
    """The name of a sector's group without a country: "military", "rebels"."""
    return sector_lexicon().labels.get(sector, sector.lower())


class Groups:
    """The groups one article's noun phrases denote."""

    def __init__(
        self,
        view: ArticleView,
        people: ArticlePeople,
        coreference: Coreference,
        affiliations: Affiliations,
    ) -> None:
        self.view = view
        self.people = people
        self.coreference = coreference
        self.affiliations = affiliations
        self.lex = sector_lexicon()

    def group(self, start: int, end: int, head: Token) -> ActorMention | None:
        """A group noun heading the phrase ("Russia's military", "Syrian rebels", "the Trump
        administration", "Hungarian officials", "NATO troops")."""
        view, lex = self.view, self.lex
        words, pos = view.words, view.pos
        sector = hint = None
        noun_start = head.i
        for length in range(min(3, head.i - start + 1), 0, -1):
            text = view.span_text(head.i - length + 1, head.i + 1)
            if key(text) in lex.sectors:
                sector, hint = lex.sectors[key(text)]
                noun_start = head.i - length + 1
                break
        relative = False
        named = None
        if head.pos_ == "NOUN" and head.lemma_.lower() in perpetrator_nouns():
            # "the sniper", "two suspects": known by what they did, as many as the text says
            named = head.lower_ if head.tag_ == "NNS" else head.lemma_.lower()
            sector = perpetrator_nouns()[named]
        if sector is None and head.pos_ == "NOUN" and head.lemma_.lower() in PERSON_NOUNS:
            sector = CIVILIANS  # "Elian's father": someone the text does not name, a civilian
            relative = True
        if sector is None:
            return None
        if words[head.i][:1].isupper() and head.pos_ == "PROPN":
            # A proper name ("Syrian Democratic Forces") is not a group noun, unless the phrase
            # is only a country and the noun: "the Lithuanian Parliament", "the Russian Army".
            first = start
            while first < noun_start and pos[first] == "DET":
                first += 1
            state = first < noun_start and view.lower[first] == "state"
            if state:  # "the state General Assembly" is a state's legislature
                first += 1
            if (first == noun_start and not state) or self.affiliations.at(first, noun_start)[
                0
            ] != (noun_start - first):
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
            stance = self.stance_end(i, end)
            if stance > i:  # "pro-Russian separatists": whom they are for, not whose they are
                i = stance
                continue
            if country is None and org is None:
                length, country, org = self.affiliations.at(i, end)
                if length > 1:
                    i += length
                    continue
            p = self.coreference.person_named_at(i)
            if (
                p is None
                and view.tag[i] == "PRP$"
                and view.lower[i] in MALE_PRONOUNS | FEMALE_PRONOUNS
            ):
                p = self.coreference.antecedent(view.doc[i])
            if p is not None and person is None:
                person = p
            modifier = lex.sectors.get(key(words[i]))
            if modifier and modifier[1]:
                hints.append(modifier[1])
            i += 1
        if (
            org is not None
            and org.kind != "organization"
            or (org is not None and organization_of(view.span_text(start, end)) is org)
        ):
            return None  # "the U.N. General Assembly" is the body the lexicon names
        if org is not None:  # "UNITA rebels": a national movement's group keeps its country
            label = sector_label(sector)
            home = org.code[:3] if org.code[:3] in country_lexicon().countries else None
            return actor_mention(
                view, f"{org.name} {label}", "group", start, end, home, org.code[:3] + sector,
                sector,
            )  # fmt: skip
        persons = self.people.persons
        if country is None and person is not None:
            holder = persons[person]  # "his government": the owner's country, the text's or the
            country = holder.country  # dictionary's ("President Fidel Castro ... his government")
            if country is None and holder.entry is not None:
                country = code_country(code_on(holder.entry.roles, self.people.published))
        if country is None and head.lemma_.lower() in MISSION_NOUNS:
            country = self.mission_country(start)  # "the embassy" of "U.S. Ambassador X"
            if country is None:
                return None  # an embassy is never of the country it stands in
        if country is None:
            for candidate in hints:
                if view.named.mentions_country(candidate):
                    country = candidate
                    break
        owner = (
            persons[person].name if person is not None and not country and not relative else None
        )
        return self.sector_actor(country, sector, owner, start, end, named)

    def mission_country(self, before: int) -> str | None:
        """The country of the last embassy or diplomat named with one before word `before`:
        "U.S. Ambassador Prudence Bushnell ... the embassy", "the American Embassy ... the
        embassy"."""
        lower = self.view.lower
        for j in range(before - 1, 0, -1):
            word = lower[j][:-1] if lower[j].endswith("s") else lower[j]
            if word not in DIPLOMAT_WORDS and lower[j] not in ("embassies",):
                continue
            for k in range(1, min(3, j) + 1):
                length, country, _ = self.affiliations.at(j - k, j)
                if length == k and country is not None:
                    return country
        return None

    def stance_end(self, i: int, end: int) -> int:
        """Where a stance that starts at word i ends ("pro-Russian", "anti-Castro": the name is
        what someone is for or against, not whose they are); i when none starts there."""
        view = self.view
        if i + 2 < end and stance_prefix(view.words[i], view.words[i + 1]):
            return i + 2 + max(self.affiliations.at(i + 2, end)[0], 1)
        return i

    def sector_actor(
        self,
        country: str | None,
        sector: str,
        owner: str | None,
        start: int,
        end: int,
        named: str | None = None,
    ) -> ActorMention:
        """The group of a sector, of a country or an owner: "Russia military", RUSMIL; `named`
        by its own noun instead of the sector's label ("sniper", "United States sniper")."""
        if sector == actor_codes().government and country is not None:
            return actor_mention(
                self.view, name_or_code(country), "country", start, end, country,
                actor_code(country, sector), sector=sector,
            )  # fmt: skip
        label = named or sector_label(sector)
        if country is not None:
            name = f"{name_or_code(country)} {label}"
        elif owner is not None:
            name = f"{owner} {label}"
        else:
            name = label
        return actor_mention(
            self.view, name, "group", start, end, country, actor_code(country, sector), sector
        )

    def located(self, begin: int, end: int, alpha3: str | None) -> str | None:
        """A country other than `alpha3` after "in" or "of" in doc[begin:end]:
        "Albanians of southern Serbia"."""
        lower = self.view.lower
        for i in range(begin, end - 1):
            if lower[i] in ("in", "of", "from"):
                for j in range(i + 1, end):
                    country = self.affiliations.at(j, end)[1]
                    if country is not None:
                        return country if country != alpha3 else None
        return None

    def people_of(self, a: int, b: int, start: int, end: int) -> ActorMention:
        """An ethnic group, coded with the country it lives in when the phrase says so:
        "ethnic Albanians in south Serbia" -> group "ethnic Albanians", SRB."""
        country = self.located(b, end, None)
        ethnic = a > 0 and self.view.lower[a - 1] == "ethnic"
        name = ("ethnic " if ethnic else "") + self.view.span_text(a, b)
        return actor_mention(self.view, name, "group", start, end, country, country)
