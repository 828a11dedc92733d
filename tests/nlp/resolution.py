"""Helpers of the actors and places tests: the two stages over one parsed article, and spans."""

from __future__ import annotations

import re

from timeline.nlp.actors.people import find_people
from timeline.nlp.actors.resolver import ActorResolver
from timeline.nlp.article import read_article
from timeline.nlp.places import PlaceResolver


class Resolution:
    """The actors and places stages over one parsed article, asked as the frames stage asks."""

    def __init__(self, doc) -> None:
        self.view = read_article(doc)
        self.people = find_people(self.view)
        self.actors = ActorResolver(self.view, self.people).actors
        self.places = PlaceResolver(self.view, self.people).places


def resolve(nlp, text):
    doc = nlp(text)
    return doc, Resolution(doc)


def span_of(doc, text, occurrence=0):
    """The span of the n-th whole-word occurrence of `text` in the document."""
    matches = list(re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", doc.text))
    start = matches[occurrence].start()
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    assert span is not None
    return span


def one(actors):
    assert len(actors) == 1, actors
    return actors[0]
