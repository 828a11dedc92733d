"""Which actor (person, country, organisation or group) a noun phrase of the article denotes.

`ActorResolver(view, people)` answers `actors(span)` for the argument phrases the frames stage
finds, in this order: "the country"; a pronoun or a name of a person of the article; a group noun
("Russia's military"); an institution, organisation or country named by the phrase, the entity
covering its head or the words around its head ("the Group of 7 industrialized economies"); a
title without a name ("the president" is the president just named, "the Russian president" when
none is the Russian government); a city standing for its country, as CAMEO codes it ("Tokyo
agreed"; a capital is its government: "Moscow said"); an organisation the lexicons do not know,
with its country from its own words ("Nigerian Union of Teachers"); a company name the entity
recogniser left untyped or took for a person's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from timeline.nlp.actors.affiliations import Affiliations
from timeline.nlp.actors.coreference import Coreference
from timeline.nlp.actors.countries import country_lexicon, country_of, name_or_code
from timeline.nlp.actors.dictionary import Entry, actor_dictionary
from timeline.nlp.actors.groups import Groups
from timeline.nlp.actors.mentions import (
    actor_code,
    actor_codes,
    actor_mention,
    known,
    person_mention,
)
from timeline.nlp.actors.organizations import (
    Companies,
    institution_of,
    is_company_word,
    organization_of,
)
from timeline.nlp.actors.people import Titles, title_lexicon
from timeline.nlp.article import MAX_NGRAM
from timeline.nlp.lookup import key, word_set
from timeline.nlp.resolution import named_elsewhere, resolve_place
from timeline.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from timeline.nlp.actors.people import ArticlePeople
    from timeline.nlp.article import ArticleView

# Grammar: the words a proper name of a body holds between its proper nouns
NAME_JOINERS = {"of", "and", "for", "the", "-", "&", "'s", "on", "in"}
# The last words of newspapers' names ("The Daily Herald"): lexicon, in timeline/data
PUBLICATION_WORDS = word_set("publication_words.tsv")


class ActorResolver:
    """The actors of one article's noun phrases (see the module docstring)."""

    def __init__(self, view: ArticleView, people: ArticlePeople) -> None:
        self.view = view
        self.people = people
        self.coreference = Coreference(view, people)
        self.affiliations = Affiliations(view, self.coreference)
        self.groups = Groups(view, people, self.coreference, self.affiliations)
        self.companies = Companies(view, self.affiliations)
        self.titles = Titles(view)

    def actors(self, span: Span) -> list[ActorMention]:
        """The political actors a noun phrase denotes (role="other"; the caller sets the role with
        dataclasses.replace). [] when it names none."""
        view = self.view
        if view.dateline_end and view.idx[span.start] < view.dateline_end:
            # the dateline is a place and a byline: "JORDAN, Minn. (AP) -- Police said ..."
            first = next((t.i for t in span if t.idx >= view.dateline_end), None)
            if first is None:
                return []
            span = view.doc[first : span.end]
        if len(span) == 0:
            return []
        out: list[ActorMention] = []
        for start, end in view.conjuncts(span):
            paired = self._paired(start, end)
            single = [] if paired else [self._actor(start, end)]
            if single and single[0] is not None:
                # The words as written, determiner included: "the U.S.".
                a, b = start, end
                while a < b and view.punct[a]:
                    a += 1
                while b > a and view.punct[b - 1]:
                    b -= 1
                if a < b:
                    single[0] = replace(
                        single[0],
                        text=view.span_text(a, b),
                        start=view.idx[a],
                        end=view.end_char(b),
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
        view, people = self.view, self.people
        start, end = view.trim(start, end)
        if not any(view.words[i] in ("-", "\u2013") for i in range(start, end)):
            return []
        found: list[ActorMention] = []
        i = start
        while i < end:
            if view.words[i] in ("-", "\u2013"):
                i += 1
                continue
            n = people.token_mention.get(i)
            if n is None or people.mentions[n].person is None:
                return []
            mention = people.mentions[n]
            last = min(mention.end, end)
            person = people.persons[mention.person]
            found.append(
                person_mention(view, person, max(mention.start, start), last, people.published)
            )
            i = last
        return found if len(found) > 1 else []

    def _person(self, index: int, start: int, end: int) -> ActorMention:
        people = self.people
        return person_mention(self.view, people.persons[index], start, end, people.published)

    def _country(self, alpha3: str, start: int, end: int) -> ActorMention:
        return actor_mention(self.view, name_or_code(alpha3), "country", start, end, alpha3, alpha3)

    def _actor(self, start: int, end: int) -> ActorMention | None:
        view = self.view
        start, end = view.trim(start, end)
        if start >= end:
            return None
        doc = view.doc
        span = doc[start:end]
        head = span.root
        coreference = self.coreference

        country = coreference.country_noun(start, end)
        if country is not None:  # "the country", "his country"
            return self._country(country, start, end)

        # 1. A pronoun or a name of a person of the article.
        if end - start == 1 and head.pos_ == "PRON":
            index = coreference.person_at(head.i)
            return self._person(index, start, end) if index is not None else None
        group = self.groups.group(start, end, head)
        if group is not None:
            return group
        index = coreference.person_at(head.i)
        if index is None and key(head.text) in title_lexicon().titles:
            i = start
            while i < end and index is None:  # not "an anti-Castro lawmaker"
                stance = self.groups.stance_end(i, end)
                if stance > i:
                    i = stance
                    continue
                index = coreference.person_named_at(i)
                i += 1
        if index is None:  # "his Russian counterpart, Sergei Lavrov"
            for child in head.children:
                if child.dep_ == "appos" and start <= child.i < end:
                    index = coreference.person_named_at(child.i)
                    if index is not None:
                        break
        if index is not None:
            return self._person(index, start, end)

        # 2. Institutions, organizations, countries: the whole phrase, the entity that covers its
        # head ("the Group of 7 industrialized economies"), or words around its head.
        windows = self._windows(start, end, head.i)
        for ent in view.entities:
            if ent.start <= head.i < ent.end:
                windows.insert(1, (ent.start, ent.end))
        for a, b in windows:
            text = view.span_text(a, b)
            institution = institution_of(text)
            if institution is not None:
                return self.groups.sector_actor(institution[0], institution[1], None, start, end)
            org = organization_of(text)
            if org is not None and a > start and self._qualified(start, a):
                org = None  # "the state General Assembly", "Kenya's Human Rights Council"
            if org is not None:
                country = org.code[:3] if org.code[:3] in country_lexicon().countries else None
                actor = actor_mention(view, org.name, org.kind, start, end, country, org.code)
                return known(actor, self._entry(a, b), self.people.published)
            # a country, its people or its capital is a name, written with a capital: "a swift
            # reunion" is no Reunion, "turkey" no Turkey
            found = view.country_named(text) if not text.islower() else None
            if (
                found is not None
                and found[1] == "capital"
                and named_elsewhere(view, a, b, found[0])
            ):
                found = None  # "the mayor of Moscow, Idaho": that town, not Russia's capital
            if found is not None:
                alpha3, how = found
                if how == "demonym" and (
                    (a > 0 and view.lower[a - 1] == "ethnic") or self.groups.located(b, end, alpha3)
                ):
                    return self.groups.people_of(a, b, start, end)
                if how == "capital" and index is None:
                    government = actor_codes().government
                    return self.groups.sector_actor(alpha3, government, None, start, end)
                return self._country(alpha3, start, end)
            entry = self._entry(a, b)
            if entry is not None:  # a body or group the actor dictionary knows
                a, b = view.trim(a, b)
                actor = actor_mention(view, view.span_text(a, b), "organization", start, end)
                return known(actor, entry, self.people.published)

        # 3. A title without a name: "the president" is the president the article has just
        # named; "the Russian president", when none, is the Russian government.
        title = self.titles.ending_at(head.i + 1)
        if title is not None:
            country = None
            for i in range(start, title[0]):
                length, country, _ = self.affiliations.at(i, title[0])
                if country is not None:
                    break
            bare = country is None and title[0] == start
            if start > 0 and view.lower[start - 1] == "the" and (bare or country is not None):
                index = coreference.titled_person(key(title[1]), country, start)
                if index is not None:
                    return self._person(index, start, end)
            sector = title_lexicon().titles[key(title[1])][0]
            if country is not None and sector is not None:
                return self.groups.sector_actor(country, sector, None, start, end)

        # 4. A city standing for its country, as CAMEO codes it ("Tokyo agreed", "Tel Aviv").
        for ent in view.entities:
            if ent.start <= head.i < ent.end and ent.label_ == "GPE":
                place = resolve_place(
                    view, view.span_text(ent.start, ent.end), None, ent.start, ent.end
                )
                if place is not None and place.feature == "city" and place.country_code:
                    return self._country(place.country_code, start, end)

        # 5. An organization the entity recogniser found but the lexicon does not know; its
        # country from its own words ("Nigerian Union of Teachers").
        for ent in view.entities:
            if ent.start <= head.i < ent.end and ent.label_ == "ORG":
                if country_of(ent.text) is not None:
                    continue
                if all(i in self.people.title_tokens for i in range(ent.start, ent.end)):
                    continue  # "State" in "Secretary of State Rex Tillerson"
                a, b = view.trim(max(ent.start, start), min(ent.end, end))
                for i in range(b - 2, a - 1, -1):  # "The Daily Herald Kenya Airways"
                    if view.lower[i] in PUBLICATION_WORDS and view.words[i + 1][:1].isupper():
                        a = i + 1
                        break
                if a >= b:
                    continue
                country = code = None
                for i in range(start, end):
                    _, country, org = self.affiliations.at(i, end)
                    if org is not None:  # "United Nations Emergency Relief Coordinator"
                        code = org.code
                        break
                    if country is not None:
                        code = country
                        break
                name = view.span_text(a, b)
                companies = self.companies
                if code in (None, country) and companies.is_company(a, b, start, end):
                    country = (
                        country
                        or companies.country(a, b)
                        or companies.names().get(key(view.span_text(a, b)))
                    )
                    business = actor_codes().business
                    return actor_mention(
                        view, name, "organization", start, end, country,
                        actor_code(country, business), sector=business,
                    )  # fmt: skip
                return actor_mention(view, name, "organization", start, end, country, code)

        # 6. A company name the entity recogniser left untyped or took for a person's: "Boeing
        # Commercial Airplanes", "Nordwind Airlines".
        return self._unlisted_company(start, end, head)

    def _unlisted_company(self, start: int, end: int, head: Token) -> ActorMention | None:
        view = self.view
        doc = view.doc
        if (
            head.pos_ == "PROPN"
            and head.ent_type_ in ("", "PERSON")
            and is_company_word(head)
            and self.coreference.person_at(head.i) is None
        ):
            a = head.i
            while a > start and doc[a - 1].pos_ == "PROPN" and doc[a - 1].text[:1].isupper():
                a -= 1
            if a < head.i and not any(i in self.people.title_tokens for i in range(a, head.i + 1)):
                country = next(
                    (c for i in range(start, a) if (c := self.affiliations.at(i, a)[1])), None
                )
                business = actor_codes().business
                return actor_mention(
                    view, view.span_text(a, head.i + 1), "organization", start, end, country,
                    actor_code(country, business), sector=business,
                )  # fmt: skip
        return None

    def _qualified(self, start: int, a: int) -> bool:
        """Whether the words before a body's name give it a state or a country of its own."""
        view = self.view
        return any(
            view.lower[i] == "state" or self.affiliations.at(i, a)[1] is not None
            for i in range(start, a)
        )

    def _entry(self, a: int, b: int) -> Entry | None:
        """The actor dictionary's entry for the name doc[a:b]: proper nouns (with "of", "and",
        "for" or a hyphen between them), opening with a capital."""
        view = self.view
        a, b = view.trim(a, b)
        if a >= b or not view.words[a][:1].isupper():
            return None
        for i in range(a, b):
            if view.pos[i] != "PROPN" and view.lower[i] not in NAME_JOINERS:
                return None
        return actor_dictionary().find([view.span_text(a, b)], self.people.published)

    def _windows(self, start: int, end: int, head: int) -> list[tuple[int, int]]:
        """The whole range, then every sub-range containing the head, longest first; a sub-range
        never begins inside a name ("Jersey" of "New Jersey")."""
        out = [(start, end)]
        cut = self.affiliations.inside_names()
        for length in range(min(MAX_NGRAM, end - start), 0, -1):
            for a in range(max(start, head - length + 1), min(head, end - length) + 1):
                if (a, a + length) != (start, end) and a not in cut:
                    out.append((a, a + length))
        return out
