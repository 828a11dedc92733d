"""Where an article puts its acts of violence: the few happenings it reports, each placed where
one of its mentions says ("the blast in Dar es Salaam"), so that a mention its own words do not
place ("the bombs went off almost simultaneously") is placed there too, and a country is the one
town of it the article names ("the embassy in Kenya" in a story that names Nairobi).

A killing is not of a bombing's kind (two happenings: "injured in the 1998 bombing in
Birmingham" does not place "he was killed by a sniper"); an attack or a use of force not
specified places the mentions of every kind of its root ("the embassy blasts in Kenya" place
"the bombings"), not the other way round. Mentions counted or set apart ("three Atlanta attacks",
"four other sniper attacks") are of other happenings, and a speaker's account is not the
article's: neither places the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.frames.predicates import EventFrame
    from timeline.nlp.places import PlaceResolver
    from timeline.records import PlaceMention

# CAMEO roots of violence (assaults, fights, mass violence): an article's mentions of them are
# mostly of the few happenings it reports, placed where it says those happened
VIOLENCE_ROOTS = {"18", "19", "20"}
# Words that set a mention of violence apart from the happening the article tells
OTHERS = {"other", "several", "similar", "previous", "earlier", "past", "many"}
# More places than this for one kind of violence are several happenings: which is meant is unknown
MOST_PLACES = 2


class ArticleViolence:
    """The places of one article's acts of violence (see the module docstring); `own` gives the
    places a frame's own words name, `quoted` whether a word is in a quotation."""

    def __init__(
        self,
        resolver: PlaceResolver,
        frames: Sequence[EventFrame],
        own: Callable[[EventFrame], list[PlaceMention]],
        quoted: Callable[[Token], bool],
    ) -> None:
        self.resolver = resolver
        self.frames = frames
        self.own = own
        self.quoted = quoted
        self._towns: dict[str, list[PlaceMention]] | None = None
        self.seats: list[PlaceMention] = []  # the cities of the embassies the article names

    def places(self, frame: EventFrame) -> list[PlaceMention]:
        """Where the article's acts of violence of the frame's kind happened, as their own
        phrases name it, when that is one or two places."""
        if frame.code[:2] not in VIOLENCE_ROOTS or frame.status in ("negated", "hypothetical"):
            return []
        places: dict[tuple[str, str | None], PlaceMention] = {}
        for other in self.frames:
            if other is frame or not same_kind(frame.code, other.code):
                continue
            if other.status in ("negated", "hypothetical", "planned"):
                continue
            if self.quoted(other.trigger):
                continue  # a speaker's words are not the article's account
            if _others(other.trigger):
                continue  # "three Atlanta attacks", "four other sniper attacks": other happenings
            for place in self.own(other):
                place = self.town_of(place)
                places.setdefault((place.name, place.country_code), place)
        return list(places.values()) if len(places) <= MOST_PLACES else []

    def town_of(self, place: PlaceMention) -> PlaceMention:
        """A country's place as the one town of it the article names (or the city of an embassy
        it names in that country: "the U.S. embassies in Kenya and Tanzania"), with precision 2,
        else the country's."""
        if place.feature != "country":
            return place
        if self._towns is None:
            self._towns = {}
            for mention in [*self.resolver.mentions(), *self.seats]:
                if mention.feature == "city" and mention.country_code:
                    towns = self._towns.setdefault(mention.country_code, [])
                    if all(t.name != mention.name for t in towns):
                        towns.append(mention)
        towns = self._towns.get(place.country_code or "", [])
        if len(towns) != 1:
            return place
        return replace(
            towns[0],
            text=place.text,
            start=place.start,
            end=place.end,
            precision=2,
            place_source=place.place_source,
        )


def _others(trigger: Token) -> bool:
    """Whether a mention counts happenings or sets them apart from the one told ("three
    attacks", "other shootings", "a similar bombing"; a year is no count: "the 1998 bombing")."""
    return any(
        c.dep_ == "nummod" and c.ent_type_ not in ("DATE", "TIME") or c.lower_ in OTHERS
        for c in trigger.children
    )


def same_kind(code: str, other: str) -> bool:
    """Whether a mention of violence coded `other` may place one coded `code`: the same three
    digits, or `other` is its root's unspecified act ("attack" 180, "fighting" 190)."""
    if code[:2] not in VIOLENCE_ROOTS or other[:2] not in VIOLENCE_ROOTS:
        return False
    return code[:3] == other[:3] or other[2:3] in ("0", "")
