"""Events: the stages that turn a parsed article and its time expressions into coded events
(who did what to whom, where and when), and the event records they make.

`extract_events(doc, expressions, published_at)` builds the article view, finds its people, and
goes through its predicates in text order. Each frame found (`frames`) is settled in this order,
because each step reads the ones before: arguments, status and places; its code as its status
makes it (`coding`: "will impose a curfew" is a threat); the countries of its groups again. A
later frame may refer back to an earlier one ("the talks"), so frames are found and settled one at
a time. Then every frame is dated (`dating`: an expression of another event's clause never dates
it, so all of them must be known first); the mentions of one happening share their best date
(`happenings`); a
present-tense report of a later date is a plan; and each frame becomes an `Event`, in text
order.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import TYPE_CHECKING

from timeline.nlp.actors.mentions import at_home, dated, story_country
from timeline.nlp.actors.people import find_people
from timeline.nlp.actors.resolver import ActorResolver
from timeline.nlp.article import ArticleView, read_article
from timeline.nlp.coding import RULE_CODES, CameoLexicon, EventCoder, cameo_lexicon
from timeline.nlp.dating import PUBLICATION, EventDating
from timeline.nlp.frames.arguments import ArgumentFinder
from timeline.nlp.frames.grammar import accused_of, claimed_by, specific_happening
from timeline.nlp.frames.locations import LocationFinder
from timeline.nlp.frames.phrases import PhraseReader
from timeline.nlp.frames.predicates import EventFrame, FrameFinder
from timeline.nlp.frames.status import plan_by_date, plan_the_way_there
from timeline.nlp.happenings import share_dates
from timeline.nlp.places import PlaceResolver
from timeline.nlp.placing import EventPlacing
from timeline.nlp.words import PLACE_TYPES
from timeline.records import Event, PlaceMention, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_events", "extract_events_and_places"]


def extract_events(
    doc: Doc, expressions: list[TimeExpression], published_at: datetime
) -> list[Event]:
    """The events the article reports, in text order (see the module docstring)."""
    return extract_events_and_places(doc, expressions, published_at)[0]


def extract_events_and_places(
    doc: Doc, expressions: list[TimeExpression], published_at: datetime
) -> tuple[list[Event], list[PlaceMention]]:
    """The events the article reports and every place it names, each in text order."""
    view = read_article(doc)
    if not view.has_sentences:
        raise ValueError("events need a parsed Doc: it has no sentence boundaries")
    people = find_people(view, published_at.date())
    places = PlaceResolver(view, people)
    phrases = PhraseReader(view, ActorResolver(view, people), places)
    coder = EventCoder(cameo_lexicon())
    dating = EventDating(view, expressions, published_at, coder)
    finder = FrameFinder(
        view,
        coder,
        phrases,
        ArgumentFinder(phrases, coder),
        LocationFinder(view, phrases, places),
    )
    for sentence in view.sentences:
        for token in sentence:
            frame = finder.frame_at(token)
            if frame is None or not finder.settle(frame):
                continue
            coder.recode_by_status(frame)
            finder.countries.settle_targets(frame)
            coder.recode_by_actors(frame)
            finder.accept(frame)
    frames = [
        part
        for frame in finder.frames()
        for by_place in one_per_place(frame)
        for part in one_per_country(by_place)
    ]
    dating.date_frames(frames)
    share_dates(frames, dating.reference)
    for frame in frames:
        plan_by_date(frame, dating.reference)
    plan_the_way_there(frames)
    frames.sort(key=lambda f: f.trigger.idx)
    mentions = places.mentions()
    home = story_country(view, mentions)
    # the acts told with what they ended in struck someone ("the blasts killed 257")
    ended_in = {f.act.i for f in frames if f.outcome and f.act is not None}
    told = [  # not "killing 247": the bombing's, told once with it
        f for f in frames if not f.outcome and not f.unsaid and not unplaced_in_time(f, ended_in)
    ]
    events = [event_record(f, view, coder.lexicon, dating, home) for f in told]
    # the places read the actors as the event records have them (dictionary roles, countries)
    placing = EventPlacing(view, places, frames, published_at.date())
    for frame, event in zip(told, events, strict=True):
        event.locations = placing.place(frame, event.actors)
    return events, mentions


def unplaced_in_time(frame: EventFrame, ended_in: set[int]) -> bool:
    """Violence that names no one, neither who did it nor whom it struck nor where, and that
    nothing in its sentence or story dates ("the attempt to shut down abortions by shooting
    the doctors", "40 years of the blockade, armed invasions"): it says only that acts of its
    kind happen, no row of who did what to whom (violence needs a participant; an act whose
    trigger is in `ended_in` is told with an outcome that struck someone). Named with a date of
    its own or of its story, a place, what it struck, or someone claiming or blamed for it, it
    is news ("a bomb went off at the market on Friday", "clashes erupted in Tripoli", "the
    attack on the hotel")."""
    trigger = frame.trigger
    return (
        frame.code[:2] in RULE_CODES.violence
        and trigger.i not in ended_in
        and not frame.sources
        and not frame.targets
        and not frame.places
        and not any(t.ent_type_ in PLACE_TYPES for t in _own_clause(frame).subtree)
        and frame.date_source == PUBLICATION
        and not specific_happening(trigger)  # "the attack on the hotel"
        and claimed_by(trigger) is None  # "no one claimed the attack", "blamed X for the
        and accused_of(trigger) is None  # attack": it happened, whoever did it
    )


def _own_clause(frame: EventFrame):
    """The clause an act is told in: its verb's, or for a noun the verb it is an argument of
    ("clashes erupted in Tripoli")."""
    clause = frame.clause
    if clause.pos_ in ("NOUN", "PROPN") and clause.head.pos_ in ("VERB", "AUX"):
        return clause.head
    return clause


def one_per_place(frame: EventFrame) -> list[EventFrame]:
    """Acts of violence or coercion named in the plural at several places are that many
    happenings: "the bombings of the embassies in Kenya and Tanzania" is one bombing in each.
    Each keeps the frame's actors but the countries of the other places."""
    places = frame.places
    if (
        frame.trigger.tag_ not in ("NNS", "NNPS")
        or frame.code[:2] not in RULE_CODES.happenings
        or len({(p.name, p.country_code) for p in places}) < 2
    ):
        return [frame]
    parts = []
    countries = {p.country_code for p in places}
    distinct = {(p.name, p.country_code): p for p in places}.values()
    for place in distinct:
        others = countries - {place.country_code}
        targets = [
            a for a in frame.targets if not (a.kind == "country" and a.country_code in others)
        ]
        parts.append(dataclasses.replace(frame, places=[place], targets=targets))
    return parts


def one_per_country(frame: EventFrame) -> list[EventFrame]:
    """Acts of several countries together, or on several, are one act of each: "aided by
    Britain, Canada and Belgium" is three acts of aid, as event data counts them (an actor of no
    country goes with every part); a meeting of several stays one meeting."""
    if frame.code[:2] in RULE_CODES.consult:  # a meeting of several is one meeting
        return [frame]
    parts = [frame]
    for role in ("sources", "targets"):
        split = []
        for part in parts:
            actors = getattr(part, role)
            countries = list(dict.fromkeys(a.country_code for a in actors if a.country_code))
            if len(countries) < 2:
                split.append(part)
                continue
            split += [
                dataclasses.replace(
                    part, **{role: [a for a in actors if a.country_code in (country, None)]}
                )
                for country in countries
            ]
        parts = split
    return parts


def event_record(
    frame: EventFrame,
    view: ArticleView,
    lexicon: CameoLexicon,
    dating: EventDating,
    home: str | None = None,
) -> Event:
    """The event of a settled frame: its trigger and sentence, code, actors (groups that nothing
    else gave a country are of the dateline's, `home`), places and date."""
    trigger = frame.trigger
    sent = view.sentence(trigger)
    info = lexicon.code_info(frame.code)
    plover = lexicon.plover_info(frame.code)
    when = dating.event_date(frame)
    day = when.start or dating.published  # the codes of the actors the dictionary knows, then
    actors = [
        dataclasses.replace(dated(at_home(a, home), day), role=role)
        for role, found in (("source", frame.sources), ("target", frame.targets))
        for a in found
    ]
    text = view.text
    sent_start = sent.start_char
    sent_end = sent.end_char
    while sent_end > sent_start and text[sent_end - 1].isspace():
        sent_end -= 1
    return Event(
        trigger=trigger.text,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
        lemma=trigger.lemma_.lower(),
        sentence=text[sent_start:sent_end],
        sentence_start=sent_start,
        sentence_end=sent_end,
        event_code=frame.code,
        event_label=info.label,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        status=frame.status,
        actors=actors,
        locations=frame.places,
        time=frame.time if frame.date_source != "publication" else None,
        date_source=frame.date_source if frame.time is not None else "publication",
        date_value=when.value,
        granularity=when.granularity,
        date_start=when.start,
        date_end=when.end,
        plover_type=plover.type if plover else None,
        plover_mode=plover.mode if plover else None,
    )
