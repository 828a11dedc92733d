"""Where each event happened, when the article says it: the places of its own phrases, else of
its sentence, else of its paragraph, else the dateline's place; never a place the article does not
tie to it.

* `phrase`: the places of the event's own locative phrases ("arrives in Moscow", found by the
  frames stage), or of the earlier mention of the same happening it refers back to ("the
  bombings");
* `sentence`: a place its sentence puts everything in: a locative phrase of the clause the event
  is in or of a clause above it ("In Nairobi, police said they arrested ..."), not a phrase of
  origin ("from Chad") or of a person's or a group's description ("officials in Tanzania");
* `paragraph`: the same in the sentences of its paragraph before it, when the paragraph goes on
  about that place (no other place named in between);
* `dateline`: the wire story's dateline, for an event of the story's own news (not one the
  article reports as said, nor one in a quotation) in an article whose dateline is a town or city.

Each place carries its `place_source` and its geo precision (ACLED: 1 the town itself, 2 near it
or a part of a region, 3 a region or a country).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from timeline.nlp.words import PEOPLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.article import ArticleView
    from timeline.nlp.frames.predicates import EventFrame
    from timeline.nlp.places import PlaceResolver
    from timeline.records import PlaceMention

# Grammar: prepositions that say where something happens ("in Nairobi", "outside Baghdad");
# "near" and "outside" put it close to the place rather than in it (ACLED precision 2)
WHERE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within"}
NEAR_PREPS = {"near", "outside", "around"}
# Quotation marks: an event inside a quotation is not the story's own news
QUOTES = {'"', "``", "''", "\u201c", "\u201d"}


class EventPlacing:
    """The places of one article's events (see the module docstring)."""

    def __init__(self, view: ArticleView, resolver: PlaceResolver) -> None:
        self.view = view
        self.resolver = resolver
        self.dateline = resolver.dateline_place()
        self._sentence_places: dict[int, list[PlaceMention]] = {}

    def place(self, frame: EventFrame) -> list[PlaceMention]:
        """The event's places, each with where it came from."""
        if frame.places:
            return [self._sourced(p, "phrase") for p in frame.places]
        antecedent = frame.antecedent
        while antecedent is not None and not antecedent.places:
            antecedent = antecedent.antecedent
        if antecedent is not None:
            return [self._sourced(p, "phrase") for p in antecedent.places]
        trigger = frame.trigger
        n = self.view.sentence_of[trigger.i]
        found = self._clause_places(trigger, n)
        if found:
            return [self._sourced(p, "sentence") for p in found]
        found = self._paragraph_places(n)
        if found:
            return [self._sourced(p, "paragraph") for p in found]
        if self.dateline is not None and self._own_news(frame):
            return [self._sourced(self.dateline, "dateline")]
        return []

    @staticmethod
    def _sourced(place: PlaceMention, source: str) -> PlaceMention:
        if place.place_source is not None:
            return place
        return replace(place, place_source=source)

    # -- the sentence ---------------------------------------------------------------------------

    def _where(self, n: int) -> list[tuple[Token, PlaceMention, Token]]:
        """(object of the preposition, place, the word the phrase attaches to) of each locative
        phrase of sentence n."""
        sentence = self.view.sentences[n]
        found = []
        for toponym, place in self.resolver.mentioned_in(sentence.start, sentence.end):
            token = self.view.doc[toponym.start : toponym.end].root
            while token.dep_ in ("compound", "conj", "appos") and token.head.i != token.i:
                token = token.head
            prep = token.head
            if token.dep_ != "pobj" or prep.lower_ not in WHERE_PREPS:
                continue
            attached = prep.head
            if attached.pos_ in ("NOUN", "PROPN") and (
                attached.lemma_.lower() in PEOPLE_NOUNS or attached.ent_type_ in ("PERSON", "ORG")
            ):
                continue  # "officials in Tanzania": where they are from, not where it happened
            if prep.lower_ in NEAR_PREPS and place.precision == 1:
                place = replace(place, precision=2)
            found.append((token, place, attached))
        return found

    def _clause_places(self, trigger: Token, n: int) -> list[PlaceMention]:
        """The places of locative phrases attached to the trigger's clause or a clause above it."""
        heads = set()
        token = trigger
        for _ in range(12):
            heads.add(token.i)
            if token.head.i == token.i:
                break
            token = token.head
        places = []
        for _, place, attached in self._where(n):
            if attached.i in heads and place not in places:
                places.append(place)
        return places

    def _paragraph_places(self, n: int) -> list[PlaceMention]:
        """The place of the last locative phrase of an earlier sentence of the same paragraph,
        when no other place is named after it."""
        view = self.view
        paragraph = view.paragraph_index(view.sentences[n].start_char)
        m = n - 1
        while m >= 0 and view.paragraph_index(view.sentences[m].start_char) == paragraph:
            where = self._where(m)
            named = self.resolver.mentioned_in(view.sentences[m].start, view.sentences[m].end)
            if where:
                last = where[-1][1]
                later = [p for t, p in named if t.start > where[-1][0].i]
                if not later:
                    return [last]
                return []
            if named:
                return []
            m -= 1
        return []

    # -- the dateline ---------------------------------------------------------------------------

    def _own_news(self, frame: EventFrame) -> bool:
        """An event the story reports from its dateline: not reported speech, not quoted."""
        if frame.status == "reported":
            return False
        trigger = frame.trigger
        sentence = self.view.sentence(trigger)
        quotes = [t.i for t in sentence if t.text in QUOTES]
        before = sum(1 for i in quotes if i < trigger.i)
        return before % 2 == 0
