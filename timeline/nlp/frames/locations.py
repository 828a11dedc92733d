"""Where an event happens: the places of an event frame.

The places in locative phrases of the trigger, its clause and the action it introduces ("arrives in
Moscow", "a stop in Lucca, Italy"), and the patient's own place ("an air base in Syria"); the
place of an attacked or visited object that is itself a place; the place a "where" clause
describes ("Kenya, where she arrived"). With none, the places of the clauses it depends on
("While in Russia, Tillerson plans to meet ..."). A "from" phrase names an origin, not where the
event happens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.nlp.coding import RULE_CODES
from timeline.nlp.words import MISSION_NOUNS, PLACE_PREPS, PLACE_TYPES, TEMPORAL_PREPS
from timeline.records import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.article import ArticleView
    from timeline.nlp.frames.phrases import PhraseReader
    from timeline.nlp.frames.predicates import EventFrame
    from timeline.nlp.places import PlaceResolver


class LocationFinder:
    """The places of one article's frames."""

    def __init__(
        self, view: ArticleView, phrases: PhraseReader, place_resolver: PlaceResolver
    ) -> None:
        self.view = view
        self.phrases = phrases
        self.place_resolver = place_resolver

    def locations(self, frame: EventFrame) -> list[PlaceMention]:
        """The places of a frame, each once (see the module docstring)."""
        places = list(frame.places)
        seen = {frame.trigger.i}
        predicates = [frame.trigger, frame.clause]
        if frame.action is not None and frame.action.dep_ != "ccomp":
            predicates.append(frame.action)  # not a demanded clause: "demanded that the boy be
            # returned to him in Cuba" is made where the speaker is
        for predicate in predicates:
            if predicate.i in seen and predicate.i != frame.trigger.i:
                continue
            seen.add(predicate.i)
            places += self._prep_places(predicate)
            for child in predicate.children:  # the patient's own place: "an air base in Syria"
                objects = []
                if child.dep_ in ("dobj", "nsubjpass"):
                    objects.append(child)
                elif child.dep_ == "prep" and child.lemma_.lower() in ("against", "on", "at"):
                    objects.extend(c for c in child.children if c.dep_ == "pobj")
                for obj in objects:
                    if self.phrases.is_place(obj) and frame.code[:2] in RULE_CODES.place_object:
                        places += self.phrases.places(obj)
                        continue
                    places += self._prep_places(obj)
                    for mod in obj.children:  # not the owner of "the U.S. embassy"
                        if (
                            mod.dep_ in ("amod", "compound")
                            and mod.ent_type_ in ("NORP", "GPE")
                            and obj.lemma_.lower() not in MISSION_NOUNS
                        ):
                            places += self.place_resolver.places(self.view.doc[mod.i : mod.i + 1])
        clause = frame.clause
        if (
            not places
            and clause.dep_ == "relcl"
            and any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children)
            and self.phrases.is_place(clause.head)
        ):  # "Kenya, where she arrived next": the place the clause describes
            places += self.phrases.places(clause.head)
        if not places:  # "While in Russia, Tillerson plans to meet ...": the governing clause
            token = frame.clause
            for _ in range(5):
                dep = token.dep_
                if token.head.i == token.i or dep not in ("xcomp", "conj", "relcl", "acl", "pobj"):
                    break
                if dep == "conj" and _has_subject(token):
                    break  # "X was returned in Cuba, and the government said ...": two acts
                if dep in ("relcl", "acl") and token.tag_ != "VB":
                    break
                if dep == "pobj":
                    prep = token.head
                    if prep.dep_ != "prep" or prep.lemma_.lower() in TEMPORAL_PREPS:
                        break
                    token = prep
                token = token.head
                places += self._prep_places(token)
                if not places and token.pos_ == "NOUN":
                    places += self._noun_places(token)
                if places:
                    break
        unique: dict[tuple[str, str | None], PlaceMention] = {}
        for place in places:
            unique.setdefault((place.name, place.country_code), place)
        return list(unique.values())

    def _noun_places(self, noun: Token) -> list[PlaceMention]:
        places: list[PlaceMention] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lemma_.lower() in PLACE_PREPS:
                for pobj in child.children:
                    place = self._place_head(pobj) if pobj.dep_ == "pobj" else None
                    if place is not None:
                        places += self.phrases.places(place)
        return places

    def _prep_places(self, token: Token) -> list[PlaceMention]:
        places: list[PlaceMention] = []
        for child in token.children:
            if child.dep_ == "prep" and child.lemma_.lower() in PLACE_PREPS:
                if child.lemma_.lower() == "from":
                    continue
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    place = self._place_head(pobj)
                    if place is not None:
                        places += self.phrases.places(place)
        return places

    def _place_head(self, token: Token) -> Token | None:
        """The place a phrase names, also behind "the city of", "the province of"."""
        if self.phrases.is_place(token):
            return token
        if token.pos_ == "NOUN":
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lemma_.lower() == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and self.phrases.is_place(pobj):
                            return pobj
        return None

    # -- status ---------------------------------------------------------------------------------

    def sentence_place(self, token: Token) -> str | None:
        """The country of the first place named in a locative phrase of the sentence."""
        sent = self.view.sentence(token)
        for ent in self.view.entities_in(sent):
            if ent.label_ not in PLACE_TYPES:
                continue
            head = ent.root
            prep = head.head.lemma_.lower()
            if head.dep_ != "pobj" or prep not in PLACE_PREPS or prep == "from":
                continue  # "gunmen from Chad" name an origin, not where it happened
            for place in self.place_resolver.places(ent):
                if place.country_code:
                    return place.country_code
        return None


def _has_subject(clause: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
