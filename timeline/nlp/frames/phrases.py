"""What a phrase of the parse denotes: the actors and places of an argument or locative phrase.

`PhraseReader` reads a token's phrase (the token with its modifiers, without the clauses and
conjuncts that leave it) and asks the actors and places stages about it. Around them:

* The actors of coordinated phrases, of an apposition ("..., Algeria's leading activist"), of a
  relative pronoun (its antecedent), of "it"/"they" (the subject of a clause above that names a
  country, organisation or group, else the nearest one named before), of "the company" (the
  organisation named last), and those named inside a common noun phrase ("Syrian forces", "an air
  base in Syria").
* Actors without a country take it from the context: a described person from the description, an
  office holder from the one country the article names, unnamed groups from their own place
  ("demonstrators in Baghdad").
* A place in a locative phrase is a location, never an actor written with the place's words; the
  target of a motion or visit to a city is the country it lies in, an actor without words.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from timeline.nlp.actors.coreference import PERSON_NOUNS
from timeline.nlp.actors.countries import country_of
from timeline.nlp.actors.groups import stance_prefix
from timeline.nlp.actors.mentions import actor_codes, country_actor, with_country
from timeline.nlp.words import (
    BODY_NOUNS,
    COMPANY_NOUNS,
    COUNT_NOUNS,
    ENTITY_TYPES,
    MISSION_NOUNS,
    NON_PERSONAL_PRONOUNS,
    OCCASION_NOUNS,
    OUTSIDE_PHRASE,
    PEOPLE_NOUNS,
    PLACE_NOUNS,
    PLACE_TYPES,
    QUANTIFIERS,
    RELATIVE_PRONOUNS,
)
from timeline.records import ActorMention, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from timeline.nlp.actors.resolver import ActorResolver
    from timeline.nlp.article import ArticleView
    from timeline.nlp.places import PlaceResolver


def _placeable(actor: ActorMention) -> bool:
    """Whether an actor's own place gives its country: a group, or a body no dictionary codes."""
    return actor.kind == "group" or (actor.kind == "organization" and not actor.code)


class PhraseReader:
    """The actors and places of one article's phrases (see the module docstring)."""

    def __init__(
        self, view: ArticleView, actor_resolver: ActorResolver, place_resolver: PlaceResolver
    ) -> None:
        self.view = view
        self.actor_resolver = actor_resolver
        self.place_resolver = place_resolver
        self.actor_cache: dict[tuple[int, bool], list[ActorMention]] = {}

    def phrase(self, token: Token) -> Span:
        """A token's noun phrase: with its modifiers, without the clauses and conjuncts that leave
        it; a name the entity recogniser found is taken whole ("the Group of 7")."""
        keep = [token.i]
        for child in token.children:
            if child.dep_ in OUTSIDE_PHRASE:
                continue
            keep.extend(t.i for t in child.subtree)
        end = max(keep) + 1
        if token.ent_type_ in ("ORG", "GPE", "FAC", "LOC"):  # "the Group of 7": the whole name
            doc = self.view.doc
            while end < len(doc) and doc[end].ent_iob_ == "I" and end - token.i < 8:
                end += 1
        return self.view.doc[min(keep) : end]

    def actors(self, token: Token, loose: bool = False) -> list[ActorMention]:
        """The actors a phrase denotes; `loose` also takes those its modifiers name ("a base in
        Syria"), which suits patients and partners but not agents."""
        key = (token.i, loose)
        cached = self.actor_cache.get(key)
        if cached is not None:
            return cached
        self.actor_cache[key] = []  # guards against cycles in odd parses
        found: list[ActorMention] = []
        for member in [token, *token.conjuncts]:
            if member.i < token.i and token.dep_ == "conj":
                continue
            found += self._actors_one(member, loose)
        unique: dict[str, ActorMention] = {}
        for actor in found:
            unique.setdefault(actor.name, actor)
        result = list(unique.values())
        self.actor_cache[key] = result
        return result

    def _actors_one(self, token: Token, loose: bool = False) -> list[ActorMention]:
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS and token.head.dep_ in ("relcl", "acl"):
            return self.actors(token.head.head) if token.head.head.i != token.i else []
        found = self.actor_resolver.actors(self.phrase(token))
        if found:
            return self._described(token, self._located(token, list(found)))
        for child in token.children:
            if child.dep_ == "appos":
                found = self.actor_resolver.actors(self.phrase(child))
                if found:
                    return self._described(child, list(found), description=token)
        if (
            token.lemma_.lower() in COUNT_NOUNS
            or lower == "tens"
            or token.tag_ == "CD"  # "one of the two men", "eight of them"
            or lower in QUANTIFIERS  # "some of the protesters"
        ):  # "hundreds of children"
            counted = [
                pobj
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ]
            if counted:
                return self.actors(counted[0], loose)
        if token.pos_ == "PRON" and lower in NON_PERSONAL_PRONOUNS:
            return self._pronoun_actors(token)
        if token.lemma_.lower() in COMPANY_NOUNS and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children
        ):
            return self._company_antecedent(token)
        if token.pos_ in ("NOUN", "PROPN") or (
            token.tag_ == "VBG" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
        ):  # a gerund read as a noun: "vetoed a Security Council resolution censuring ..."
            return self._modifier_actors(token, loose)
        return []

    def _described(
        self, token: Token, found: list[ActorMention], description: Token | None = None
    ) -> list[ActorMention]:
        """People without a country take it from their description: "Salaheddine Sidhoum,
        Algeria's leading activist", "A member of the Syrian parliament, Mohammed Mamoun"."""
        if all(a.country_code or a.kind != "person" for a in found):
            return found
        phrases = [self.phrase(c) for c in token.children if c.dep_ == "appos"]
        if description is not None:
            phrases.append(self.phrase(description))
            phrases += [
                self.phrase(pobj)
                for prep in description.children
                if prep.dep_ == "prep" and prep.lemma_.lower() == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ]
        code = None
        organization = None  # "Kofi Annan, UN secretary-general": the person's IGO code
        for phrase in phrases:
            for entity in self.view.entities_in(phrase):
                if not _modifies(entity.root, phrase.root):
                    continue  # "on a visit to Mexico", "the ambassador to Russia": not theirs
                if entity.label_ in ("GPE", "NORP"):
                    code = next(
                        (
                            a.country_code
                            for a in self.actor_resolver.actors(entity)
                            if a.country_code
                        ),
                        None,
                    )
                    if code:
                        break
                elif entity.label_ == "ORG" and organization is None:
                    organization = next(
                        (
                            a.code
                            for a in self.actor_resolver.actors(entity)
                            if a.kind == "organization"
                            and a.code
                            and a.code[:3] in actor_codes().international
                        ),
                        None,
                    )
            if code:
                break
        if code is None and organization is not None:
            return [
                dataclasses.replace(a, code=organization)
                if a.kind == "person" and not a.country_code and a.code in (None, a.sector)
                else a
                for a in found
            ]
        if code is None:
            code = self._only_country(found)
        if code is None:
            return found
        return [
            dataclasses.replace(a, country_code=code, code=code + (a.sector or ""))
            if a.kind == "person" and not a.country_code and a.code in (None, a.sector)
            else a
            for a in found
        ]

    def _only_country(self, found: list[ActorMention]) -> str | None:
        """The country of an office holder the article gives no country ("President Yoweri
        Museveni"): the one country the article names, when it names exactly one and no other
        person of the article is of it ("President X met Russian President Y": X is not
        Russian)."""
        if not any(
            a.kind == "person" and a.title and a.sector in actor_codes().state for a in found
        ):
            return None
        named = [c for c, n in self.view.named.country_counts.items() if n > 0]
        if len(named) != 1:
            return None
        names = {a.name for a in found}
        people = self.actor_resolver.people.persons
        if any(p.country == named[0] and p.name not in names for p in people):
            return None
        return named[0]

    def _located(self, token: Token, found: list[ActorMention]) -> list[ActorMention]:
        """Groups, and bodies no dictionary codes, without a country take it from their own
        place: "demonstrators in Baghdad", "the Karaj research center in northern Iran"."""
        if all(a.country_code or not _placeable(a) for a in found):
            return found
        for child in token.children:
            if child.dep_ == "prep" and child.lemma_.lower() in ("in", "from", "of"):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    code = None
                    for modifier in pobj.children:  # "of the Syrian Golan Heights": Syria's
                        if modifier.dep_ in ("amod", "compound") and modifier.ent_type_ == "NORP":
                            found_country = country_of(modifier.text, capitals=False)
                            code = found_country[0] if found_country else None
                    if code is None and self.is_place(pobj):
                        code = next((p.country_code for p in self.places(pobj)), None)
                    if code:
                        return [
                            with_country(a, code) if _placeable(a) and not a.country_code else a
                            for a in found
                        ]
        return found

    def _modifier_actors(self, noun: Token, loose: bool) -> list[ActorMention]:
        """Actors named inside a common noun phrase: "an air base in Syria", "Syrian forces"; a
        person's relative is not that person ("Elian's father")."""
        found: list[ActorMention] = []
        relative = noun.lemma_.lower() in PERSON_NOUNS
        for child in noun.children:
            if relative and child.dep_ == "poss":
                continue
            if child.dep_ in ("amod", "compound", "nmod", "poss") and (
                child.ent_type_ in ENTITY_TYPES
                or (child.pos_ == "PROPN" and noun.lemma_.lower() in BODY_NOUNS)
            ):  # "Syrian forces"; "the Hizbollah group", a name the recogniser missed
                if _stance(child):
                    continue  # "an anti-Castro lawmaker": whom they are against, not whose
                found += self.actor_resolver.actors(self.phrase(child))
            elif child.dep_ == "compound" and child.pos_ == "NOUN":  # "a Security Council
                for inner in child.children:  # resolution vote": the name inside the compound
                    if inner.dep_ in ("compound", "amod") and inner.ent_type_ in ENTITY_TYPES:
                        found += self.actor_resolver.actors(self.phrase(inner))
            elif child.dep_ == "poss" and child.pos_ == "PRON":
                found += self._actors_one(child)
            elif child.dep_ == "prep" and child.lemma_.lower() in (
                ("in", "of", "from", "by")
                if loose or noun.lemma_.lower() in PEOPLE_NOUNS
                else ("of", "from")
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (
                        pobj.ent_type_ in ENTITY_TYPES
                        or any(t.ent_type_ in ENTITY_TYPES for t in pobj.subtree)
                    ):
                        if child.lemma_.lower() == "in" and self.is_place(pobj):
                            # "a market in Kano": the country, without the city's words; but
                            # "a ceremony in Independence, Mo." is only held there
                            if not (
                                noun.lemma_.lower() in OCCASION_NOUNS
                                and noun.dep_ == "pobj"
                                and noun.head.lower_ == "to"
                            ):
                                found += self.destination(pobj, self.places(pobj))
                        else:
                            found += self.actors(pobj, loose)
        return found

    def _pronoun_actors(self, pronoun: Token) -> list[ActorMention]:
        """ "it"/"its"/"they": the subject of a clause above it that names a country, organization
        or group ("the RUF announced it will return ...", "Denmark accepted a plan to end its
        dispute"), else the nearest country or organization named before it; in number with it
        ("they" is never a country named by its name: "Cuba said the exiles failed. They ..."),
        and never the "it" of "it rained"."""
        if pronoun.dep_ == "expl":
            return []
        found = self._governing_subject(pronoun)
        if found:
            return [
                dataclasses.replace(
                    a, text=pronoun.text, start=pronoun.idx, end=pronoun.idx + len(pronoun)
                )
                for a in found
            ]
        sent = self.view.sentence(pronoun)
        starts = [sent.start]
        if sent.start > 0:
            starts.append(self.view.sentence(self.view.doc[sent.start - 1]).start)
        if pronoun.lower_ in PLURAL_PRONOUNS:  # "the exiles ... They": a group named before
            for begin in starts:
                for noun in reversed(self.view.doc[begin : pronoun.i]):
                    if noun.tag_ == "NNS" and noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
                        groups = [a for a in self.actors(noun) if a.kind == "group"]
                        if groups:
                            return [
                                dataclasses.replace(
                                    a,
                                    text=pronoun.text,
                                    start=pronoun.idx,
                                    end=pronoun.idx + len(pronoun),
                                )  # fmt: skip
                                for a in groups
                            ]
        for begin in starts:
            candidates = [
                ent
                for ent in self.view.entities
                if begin <= ent.start
                and ent.end <= pronoun.i
                and ent.label_ in ("GPE", "ORG", "NORP")
            ]
            for ent in reversed(candidates):
                if not _agrees(pronoun, ent.root):
                    continue
                noun = ent.root.head if ent.root.dep_ in ("amod", "compound") else None
                if noun is not None and noun.pos_ == "NOUN":  # "Israeli officials": the group
                    found = [a for a in self.actors(noun) if a.kind != "person"]
                else:
                    found = [a for a in self.actor_resolver.actors(ent) if a.kind != "person"]
                if found:
                    return [
                        dataclasses.replace(
                            a, text=pronoun.text, start=pronoun.idx, end=pronoun.idx + len(pronoun)
                        )
                        for a in found
                    ]
        return []

    def _governing_subject(self, pronoun: Token) -> list[ActorMention]:
        token = pronoun
        for _ in range(8):
            head = token.head
            if head.i == token.i:
                return []
            token = head
            if token.pos_ not in ("VERB", "AUX"):
                continue
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < pronoun.i:
                    if not _agrees(pronoun, child):
                        break  # "the strikes were ..., and it would": not "it"'s
                    if child.pos_ == "PRON":
                        return []
                    named = self.actor_resolver.actors(self.phrase(child))  # the subject itself
                    found = [a for a in named if a.kind != "person" and a.country_code] or [
                        a for a in named if a.kind == "organization"
                    ]
                    if found or named:  # a person subject ("he said it ...") decides nothing
                        return found
        return []

    def _company_antecedent(self, noun: Token) -> list[ActorMention]:
        """ "the company", "the airline": the organization named last before it, in its sentence
        or the two before, that is not an international one."""
        first = self.view.sentences[max(0, self.view.sentence_of[noun.i] - 2)].start
        named = [e for e in self.view.entities if first <= e.start and e.end <= noun.i]
        named.sort(key=lambda e: (e.root.dep_ in ("nsubj", "nsubjpass"), e.start))
        for ent in reversed(named):  # the last subject first, then the last named
            if ent.label_ != "ORG":
                continue
            found = [
                a
                for a in self.actor_resolver.actors(ent)
                if a.kind == "organization"
                and not (a.code or "").startswith(actor_codes().international)
            ]
            if found:
                start = min(t.idx for t in noun.subtree if t.i <= noun.i)
                return [
                    dataclasses.replace(a, text=self.view.text[start : noun.idx + len(noun)])
                    for a in found[:1]
                ]
        return []

    def is_place(self, token: Token) -> bool:
        """Whether a token's phrase names a place (or a name the entity recogniser left untyped)."""
        if token.ent_type_ in PLACE_TYPES:
            return True
        if token.pos_ == "PROPN" and not token.ent_type_:  # names the parser did not type
            return True
        return any(t.ent_type_ in PLACE_TYPES for t in self.phrase(token))

    def places(self, token: Token) -> list[PlaceMention]:
        """The places a token's phrase names: "Lucca, Italy", "Montenegro province", and those
        joined to it: "in Kenya and Tanzania"; of a country's embassy, only where it is ("the
        U.S. embassy in Kenya": Kenya)."""
        if token.lemma_.lower() in MISSION_NOUNS:
            return self.mission_places(token)
        found = self._own_places(token)
        for child in token.children:
            if child.dep_ == "conj" and self.is_place(child):
                found += self.places(child)
        return found

    def _own_places(self, token: Token) -> list[PlaceMention]:
        span = self.phrase(token)
        for child in token.children:  # "Lucca, Italy"
            if child.dep_ == "appos" and child.ent_type_ in PLACE_TYPES:
                span = self.view.doc[span.start : max(span.end, child.i + 1)]
        found = list(self.place_resolver.places(span))
        if not found and token.lemma_.lower() in PLACE_NOUNS:  # "Montenegro province"
            for child in token.children:
                if child.dep_ in ("compound", "amod") and child.ent_type_ in PLACE_TYPES:
                    found += self.place_resolver.places(self.view.doc[child.i : child.i + 1])
        return found

    def mission_places(self, token: Token) -> list[PlaceMention]:
        """Where a country's embassy or consulate is: the places of its own "in" or "at" phrase
        ("the U.S. embassies in Kenya and Tanzania"), never the country that owns it."""
        found: list[PlaceMention] = []
        doc = self.view.doc
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lemma_.lower() in ("in", "at"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        span = doc[pobj.left_edge.i : pobj.right_edge.i + 1]
                        found += self.place_resolver.places(span)
        return found

    def destination(self, pobj: Token, places: list[PlaceMention]) -> list[ActorMention]:
        """The target of a motion or visit to a place: a country named as such is itself the
        target ("sent aid to Greece"); a city or region is a place, and the target is the country
        it lies in, an actor that takes no words from the place ("travel to Moscow": Russia)."""
        if places and all(p.feature == "country" for p in places):
            return self.actors(pobj)
        return self.host_countries(places, set())

    def host_countries(
        self, places: list[PlaceMention], own: set[str | None]
    ) -> list[ActorMention]:
        """The country the first of the places lies in, unless it is one of `own`."""
        for place in places:
            code = place.country_code
            if code and code not in own:
                return [country_actor(code)]
        return []


# Grammar: the links by which a word modifies the noun of a description ("the U.S. ambassador",
# "Algeria's leading activist", "a member of the Syrian parliament")
MODIFIER_LINKS = {"compound", "amod", "poss", "nmod", "case"}


def _modifies(token: Token, head: Token) -> bool:
    """Whether `token` modifies `head` through modifiers only, or through an "of" phrase after
    it, and not through another preposition ("ambassador to Russia", "visit to Mexico")."""
    for _ in range(6):
        if token.i == head.i:
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i == head.i:
            return True
        if token.dep_ not in MODIFIER_LINKS and token.dep_ != "appos":
            return False
        token = token.head
    return False


PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}


def _agrees(pronoun: Token, noun: Token) -> bool:
    """Whether a non-personal pronoun may refer to a noun phrase with this head: "they" to a
    plural ("the exiles", "Israeli officials") or an organisation, "it" to a singular; a country
    named by its name is singular ("Cuba ... it")."""
    head = noun.head if noun.dep_ in ("amod", "compound") and noun.head.pos_ == "NOUN" else noun
    if head.ent_type_ == "ORG":
        return True
    plural = head.tag_ in ("NNS", "NNPS") and head.ent_type_ != "GPE"
    return plural == (pronoun.lower_ in PLURAL_PRONOUNS)


def _stance(token: Token) -> bool:
    """Whether a name is what someone is for or against: "pro-Russian", "anti-Castro"."""
    doc = token.doc
    return token.i >= 2 and stance_prefix(doc[token.i - 2].text, doc[token.i - 1].text)
