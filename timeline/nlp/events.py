"""Events: the stages that turn a parsed article and its time expressions into coded events
(who did what to whom, where and when), and the event records they make.

`extract_events(doc, expressions, published_at)` builds the article view, finds its people, and
goes through its predicates in text order. Each frame found (`frames`) is settled in this order,
because each step reads the ones before: arguments, status and places; its date (`dating`); its
code as its status makes it (`coding`: "will impose a curfew" is a threat); a present-tense report
of a later date is a plan; the countries of its groups again. A later frame may refer back to an
earlier one ("the talks"), so frames are found and settled one at a time. Then the mentions of
one happening share their best date, and each frame becomes an `Event`, in text order.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import TYPE_CHECKING

from timeline.nlp.actors.mentions import at_home, dated, dateline_country
from timeline.nlp.actors.people import find_people
from timeline.nlp.actors.resolver import ActorResolver
from timeline.nlp.article import ArticleView, read_article
from timeline.nlp.coding import CameoLexicon, EventCoder, cameo_lexicon
from timeline.nlp.dating import EventDating
from timeline.nlp.frames.arguments import ArgumentFinder
from timeline.nlp.frames.locations import LocationFinder
from timeline.nlp.frames.phrases import PhraseReader
from timeline.nlp.frames.predicates import EventFrame, FrameFinder
from timeline.nlp.frames.status import plan_by_date
from timeline.nlp.places import PlaceResolver
from timeline.records import Event, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_events"]


def extract_events(
    doc: Doc, expressions: list[TimeExpression], published_at: datetime
) -> list[Event]:
    """The events the article reports, in text order (see the module docstring)."""
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
            dating.date(frame)
            coder.recode_by_status(frame)
            plan_by_date(frame, dating.published)
            finder.settle_targets(frame)
            finder.accept(frame)
    frames = finder.frames()
    dating.share_dates(frames)
    frames.sort(key=lambda f: f.trigger.idx)
    home = dateline_country(view)
    return [event_record(f, view, coder.lexicon, dating, home) for f in frames]


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
