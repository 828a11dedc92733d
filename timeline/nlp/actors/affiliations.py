"""Affiliations: the country or organisation a modifier names ("Russian", "Russia's", "U.S.",
"Kremlin", "Arab League", "the country's"), for titles, groups and companies.

A US state ("New Jersey officials", "Texas police") and a town the article places in a state
("Jordan police" under "JORDAN, Minn.") name the United States, never the country whose name
they hold (Jersey, Jordan).

A demonym after "ethnic" names a people, not a state; "anti-Syria" and "Iranian-backed" name no
affiliation of the thing they describe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.nlp.actors.countries import country_of
from timeline.nlp.actors.organizations import Organization, institution_of, organization_of
from timeline.nlp.article import MAX_NGRAM
from timeline.nlp.gazetteer import place_lexicon
from timeline.nlp.lookup import key, word_set

if TYPE_CHECKING:
    from timeline.nlp.actors.coreference import Coreference
    from timeline.nlp.article import ArticleView

# Participles that deny an affiliation ("Iranian-backed") and adjectives between a country and
# its title ("Lebanon's new President"): lexicon, in timeline/data
RELATION_PARTICIPLES = word_set("relation_participles.tsv")
TITLE_ADJECTIVES = word_set("title_adjectives.tsv")
UNITED_STATES = "USA"  # the country of the US states
DIRECTIONS = word_set("place_directions.tsv")  # "South" of "South Florida"
# Grammar: the verbs and nouns that say where a person lives or comes from
RESIDENCE_WORDS = {"live", "reside", "resident", "native", "come"}
ORIGIN_NOUNS = {"resident", "native"}
# Going back: where a person returns, is sent back or repatriated to is home
RETURN_WORDS = {"return", "repatriate", "repatriation", "deport"}


class Affiliations:
    """The affiliations the modifiers of one article name."""

    def __init__(self, view: ArticleView, coreference: Coreference) -> None:
        self.view = view
        self.coreference = coreference
        self.regions = place_lexicon().regions
        self.states = place_lexicon().state_names
        self._inside: set[int] | None = None

    def inside_names(self) -> set[int]:
        """The tokens of names of places and bodies after their first word (not "the")."""
        if self._inside is None:
            view = self.view
            self._inside = {
                i
                for ent in view.entities
                if ent.label_ in ("GPE", "LOC", "ORG", "FAC") and view.lower[ent.start] != "the"
                for i in range(ent.start + 1, ent.end)
            }
        return self._inside

    def at(self, i: int, end: int) -> tuple[int, str | None, Organization | None]:
        """(length, country, organization) of a modifier starting at doc[i]: a country name,
        demonym or capital, a seat of government, an organization, or a region of a country.
        A demonym after "ethnic" names a people, not a state."""
        country = self.coreference.country_noun(i, i + 1)
        if country is not None:  # "the country's military"
            return 1, country, None
        view = self.view
        if i in self.inside_names():
            return 0, None, None  # "Havana" of "Little Havana", "Jersey" of "New Jersey"
        words, lower = view.words, view.lower
        for length in range(min(MAX_NGRAM, end - i), 0, -1):
            text = view.span_text(i, i + length)
            if not text[:1].isupper():
                continue
            town = view.named.towns.get(key(text))
            state = key(text)
            if length > 1 and lower[i] in DIRECTIONS:  # "South Florida exiles"
                state = key(view.span_text(i + 1, i + length))
            if town is not None or state in self.states:  # "Jordan police" in Jordan, Minn.;
                return length, town or UNITED_STATES, None  # "New Jersey officials"
            found = country_of(text)
            if found is not None:
                if found[1] == "demonym" and i > 0 and lower[i - 1] == "ethnic":
                    return length, None, None
                if i > 1 and words[i - 1] == "-" and lower[i - 2] in ("anti", "pro"):
                    return length, None, None  # "anti-Syria journalist" is not Syrian
                after = i + length
                if (
                    after + 1 < len(words)
                    and words[after] == "-"
                    and lower[after + 1] in RELATION_PARTICIPLES
                ):
                    return length + 2, None, None  # "Iranian-backed militias" are not Iran's
                return length, found[0], None
            institution = institution_of(text)
            if institution is not None:
                return length, institution[0], None
            org = organization_of(text)
            if org is not None:
                return length, None, org
            region = self.regions.get(key(text))
            if region is not None and region.country:
                return length, region.country, None
            city = self.city_country(i, i + length)
            if city is not None:  # "Miami Mayor", "a Buffalo lawyer": the city's country
                return length, city, None
        return 0, None, None

    def city_country(self, start: int, end: int) -> str | None:
        """The country of the city a place name of the text names (doc[start:end] exactly a
        GPE entity), as the article's context resolves it."""
        from timeline.nlp.places import resolve_place

        view = self.view
        if view.ent_type[start] != "GPE" or view.doc[start].ent_iob_ != "B":
            return None
        if end < len(view.words) and view.doc[end].ent_iob_ == "I":
            return None
        place = resolve_place(view, view.span_text(start, end), None, start, end)
        return place.country_code if place is not None and place.feature == "city" else None

    def ending_at(self, end: int) -> tuple[str | None, Organization | None]:
        """The country or organization named by the words just before doc[end], over adjectives
        such as "former" or "new": "Russian", "Russia's", "U.S.", "Kremlin", "Arab League",
        "Lebanon's new"."""
        words, lower, pos = self.view.words, self.view.lower, self.view.pos
        while end > 0 and (
            lower[end - 1] in TITLE_ADJECTIVES
            or (pos[end - 1] == "ADJ" and words[end - 1].islower())
        ):
            end -= 1
        if end > 0 and words[end - 1] in ("'s", "\u2019s", "'"):
            end -= 1
        if end > 0 and words[end - 1] in (",", ";", ":", "(", ")", "\u2014", "-"):
            return None, None  # "... in Liberia, Defence Minister Pierre Joxe said": not Liberia's
        for begin in range(max(0, end - MAX_NGRAM), end):
            length, country, org = self.at(begin, end)
            if length == end - begin and (country or org):
                return country, org
        return None, None

    def country_after(self, index: int) -> str | None:
        """ "president of Syria": a country after "of"."""
        count = len(self.view.words)
        if index < count and self.view.lower[index] == "of":
            for length in range(min(MAX_NGRAM, count - index - 1), 0, -1):
                found = self.view.country_named(
                    self.view.span_text(index + 1, index + 1 + length), capitals=False
                )
                if found is not None:
                    return found[0]
        return None

    def residence(self, start: int, end: int) -> str | None:
        """The country a person is said to live in or come from, in the clause they are the
        subject of or a relative clause on their name: "X, who lives in Cuba", "X lives in
        Havana", "X, a resident of Buffalo, N.Y.", "X, a native of Kenya", "X rented a house in
        his native Tanzania"."""
        doc = self.view.doc
        root = doc[start:end].root
        verbs = [c for c in root.children if c.dep_ == "relcl"]
        subject = root.head if root.dep_ == "appos" else root  # "The boy's father, X, lives"
        if subject.dep_ in ("nsubj", "nsubjpass"):
            verbs.append(subject.head)
        verbs += [c for c in root.children if c.dep_ == "appos" and c.lemma_ in ORIGIN_NOUNS]
        for verb in verbs:
            for word in verb.subtree:  # "X rented a house in his native Tanzania"
                if (
                    word.lower_ == "native"
                    and word.dep_ == "amod"
                    and word.head.ent_type_ in ("GPE", "LOC")
                    and any(c.tag_ == "PRP$" for c in word.head.children)
                ):
                    country = self.place_country(word.head)
                    if country is not None:
                        return country
            if verb.lemma_.lower() not in RESIDENCE_WORDS:
                continue
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from"):
                    for place in prep.children:
                        if place.dep_ == "pobj" and place.ent_type_ in ("GPE", "LOC"):
                            country = self.place_country(place)
                            if country is not None:
                                return country
        return None

    def home_returned_to(self, start: int, end: int) -> str | None:
        """The country a person is said to go back to, which is home: "Elian's return to Cuba",
        "return the boy to Cuba", "was sent back to Cuba", "X, who wants to return to Cuba"."""
        doc = self.view.doc
        root = doc[start:end].root
        head = root.head
        goings = []
        if root.dep_ == "poss" and head.lemma_.lower() in RETURN_WORDS and head.pos_ == "NOUN":
            goings.append(head)  # "Elian's return to Cuba"
        elif (
            root.dep_ in ("dobj", "nsubjpass", "nsubj")
            and head.pos_ == "VERB"
            and not (root.dep_ == "nsubj" and head.lemma_.lower() in ("deport", "repatriate"))
        ):
            goings.append(head)  # "returned the boy to Cuba"; who deports is not who goes
        for clause in root.children:  # "X, who wants to return to Cuba"
            if clause.dep_ == "relcl":
                goings += [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
        for going in goings:
            backs = [c for c in going.children if c.lower_ == "back"]
            if going.lemma_.lower() not in RETURN_WORDS and not backs:
                continue
            country = self._destination(going, backs)
            if country is not None:
                return country
        return None

    def _destination(self, going, backs) -> str | None:
        """The country of the "to" phrase of a verb of going back (or of its "back")."""
        for prep in (*going.children, *(p for b in backs for p in b.children)):  # "sent back to"
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for place in prep.children:
                    if place.dep_ != "pobj":
                        continue
                    if place.ent_type_ in ("GPE", "LOC"):
                        return self.place_country(place)
                    for inner in place.children:  # "returned to his father in Cuba"
                        if inner.dep_ == "prep" and inner.lower_ == "in":
                            for where in inner.children:
                                if where.dep_ == "pobj" and where.ent_type_ in ("GPE", "LOC"):
                                    return self.place_country(where)
        return None

    def place_country(self, token) -> str | None:
        """The country of the place a token names: a country, a US state, a town of the article
        ("Jordan, Minn."), a city of the gazetteer as the article's context resolves it."""
        from timeline.nlp.places import resolve_place

        view = self.view
        ent = next((e for e in view.entities if e.start <= token.i < e.end), None)
        a, b = (ent.start, ent.end) if ent is not None else (token.i, token.i + 1)
        length, country, _ = self.at(a, b)
        if country is not None and length == b - a:
            return country
        place = resolve_place(view, view.span_text(a, b), None, a, b)
        return place.country_code if place is not None else None
