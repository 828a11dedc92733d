"""The countries of a frame's actors and the targets a place or a source gives it: groups
without a country take the country of the place where it happens, else of the source; with no
other target, the target is the country where it happens ("lifted a curfew in Montenegro"), and
coercion of no named actor is against the source's own country, as CAMEO codes it. A person never
takes a country from a place ("Putin will meet Sarkozy in Paris")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.nlp.actors.mentions import country_actor, with_country
from timeline.nlp.coding import RULE_CODES
from timeline.nlp.words import MOTION_PREPS

if TYPE_CHECKING:
    from timeline.nlp.article import ArticleView
    from timeline.nlp.frames.locations import LocationFinder
    from timeline.nlp.frames.phrases import PhraseReader
    from timeline.nlp.frames.predicates import EventFrame
    from timeline.records import ActorMention, PlaceMention


class FrameCountries:
    """The countries of one article's frames (see the module docstring)."""

    def __init__(self, view: ArticleView, phrases: PhraseReader, locations: LocationFinder):
        self.view = view
        self.phrases = phrases
        self.locations = locations

    def settle_targets(self, frame: EventFrame) -> None:
        """After coding: the countries of groups again, and the source's own groups are not its
        targets when a foreign one is ("send troops to Mali": Mali is the target)."""
        self.fill(frame)
        own = {a.country_code for a in frame.sources if a.country_code}
        foreign = [a for a in frame.targets if a.country_code and a.country_code not in own]
        if foreign:
            frame.targets = [
                a for a in frame.targets if not (a.kind == "group" and a.country_code in own)
            ]

    def fill(self, frame: EventFrame) -> None:
        """Domestic groups without a country ("demonstrators", "civilians") take the country of
        the place it happens, else (for targets) of the source; so do targets that are bodies no
        dictionary codes ("inspectors to the Esfahan plant in Iran"). A person never takes it:
        "Putin will meet Sarkozy in Paris" does not make Putin French."""
        place = next((p.country_code for p in frame.places if p.country_code), None)
        if place is None and frame.code[:2] in RULE_CODES.violence:
            place = self.locations.sentence_place(frame.trigger)  # "... killed 23 people when
            # they blew themselves up in Tel Aviv": victims are of the country where it happened
        source = next((a.country_code for a in frame.sources if a.country_code), None)
        domestic = RULE_CODES.domestic
        start = next(  # where the source acts from: not where it sends someone ("deported him
            # to Cuba": the government is not Cuba's)
            (p.country_code for p in frame.places if p.country_code and not self._goal(p)),
            None,
        )
        if start is None and not any(self._goal(p) for p in frame.places):
            start = place  # the violence's sentence place: "... blew themselves up in Tel Aviv"
        for role, fallback, kinds in (
            ("sources", start, ("group",)),
            ("targets", place, ("group", "organization")),  # "inspectors to the Esfahan plant
            # in Iran": a body no dictionary codes is of where it is acted on
            ("targets", source, ("group",)),
            ("targets", source if frame.code[:2] in domestic else None, ("organization",)),
        ):
            if fallback is None:
                continue
            setattr(
                frame,
                role,
                [
                    with_country(a, fallback)
                    if a.country_code is None
                    and a.kind in kinds
                    and a.code in (None, a.sector)  # not "U.N. military" (IGOMIL)
                    else a
                    for a in getattr(frame, role)
                ],
            )

    def _goal(self, place: PlaceMention) -> bool:
        """Whether a place is where an act sends someone or something ("to Cuba")."""
        span = self.view.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in MOTION_PREPS

    def place_country(self, frame: EventFrame) -> list[ActorMention]:
        """With no other target, the country where it happens: "lifted a curfew in Montenegro",
        "arrives in Moscow" (CAMEO codes a visit to a capital as a visit to its country). The place
        stays a location; the country target takes no words from it, so that "Moscow" is never
        recorded as a name of Russia."""
        own = {a.country_code for a in frame.sources}
        return self.phrases.host_countries(frame.places, own)

    def domestic_target(self, frame: EventFrame) -> list[ActorMention]:
        """Coercion of an object that names no actor ("outlawed the largest militant group",
        "prevented the demonstration") is coded, as CAMEO does, against the source's country."""
        if frame.code[:2] in RULE_CODES.coercion and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in frame.clause.children
        ):
            return []
        code = frame.sources[0].country_code
        if not code:
            return []
        return [country_actor(code)]
