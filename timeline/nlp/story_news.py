"""Which acts are the story's own news, the ones its dateline places (nlp/placing.py).

A wire story's dateline says where the reporter is. An act told in it happened there when it is
news told in its own words: not a supposition, nor background in the perfect (nor what a clause in
the perfect reports: "Reno has said she was consulted"), not history (dated years before the
story), not a standing state ("an activist being sought", "the department wants ..."), an
obligation ("must be returned"), a course of acts over weeks or more ("for months refused"), an
act spread over many places ("an international manhunt", how something was received: "the decision
was met with outrage by Cuban-Americans") or one a journey elsewhere is for ("led a team to Africa
to help the victims"), nor an appeal, demand, criticism, accusation or denial made by a verb of
saying ("said the assumptions were untrue", "accusing them of abuse", "asked Clinton to reverse
the order": wherever the speaker was; a warning by the town's police is its news). Another
country's government acts at home ("Cuban President Fidel Castro promised ..." in a story from
Miami), unless it is a diplomat or the article tells of its people going there.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from timeline.nlp.coding import RULE_CODES, received_with
from timeline.nlp.placing_grammar import OBLIGATION_MODALS, diplomat, lasting, present_passive
from timeline.nlp.syntax import with_to
from timeline.nlp.words import INTENT, MOTION_PREPS, SCOPE_WORDS, SPEECH_VERBS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from timeline.nlp.frames.predicates import EventFrame
    from timeline.nlp.places import PlaceResolver
    from timeline.records import ActorMention

# How an act hangs from a clause whose tense it shares: what that clause reports, and the
# participle or relative clause describing a thing in it ("have filed affidavits alleging ...")
BACKGROUND_DEPS = {"ccomp", "acl", "relcl", "appos", "dobj", "pobj", "prep"}
# An act that ended more than this many days before the story is history, not its news: the
# dateline does not place it ("killed a year ago" in a story from the town still is)
HISTORY_DAYS = 2 * 366


def story_news(frame: EventFrame, published: date | None) -> bool:
    """Whether an act is told as the story's own news (see the module docstring); the sentence
    it is in may still put it somewhere else."""
    clause = frame.clause
    if background(frame) or present_passive(clause) or history(frame, published):
        return False
    if lasting(clause) and frame.code[:2] not in RULE_CODES.leaving_state:
        return False  # "for months refused": a course of acts ("jailed for months" is not)
    if journey_goals(frame):
        return False  # "led a team to Africa to help the victims": where the team went
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in clause.children):
        return False  # "the decision that Elian must be returned": required, not done
    if clause.tag_ in ("VBZ", "VBP") and clause.lemma_.lower() in INTENT:
        return False  # "the Justice Department wants the court to ...": a standing wish
    if clause.lemma_.lower() in SPEECH_VERBS and frame.code[:2] in RULE_CODES.said_anywhere:
        return False  # "said the assumptions were untrue", "accusing them of abuse": a charge
        # made wherever its speaker was, on the air or in a letter
    received = received_with(frame.trigger.head.head)
    if received is not None and received.i == frame.trigger.i:
        return False  # "the decision was met with outrage by Cuban-Americans": wherever they are
    return not any(
        c.dep_ in ("amod", "advmod") and c.lemma_.lower() in SCOPE_WORDS
        for word in (frame.trigger, clause)
        for c in word.children
    )  # "an international manhunt", "searched worldwide": no one town


def background(frame: EventFrame) -> bool:
    """A supposition, or background in the perfect ("has pushed for ...", "had threatened"): not
    the story's news, placed only by its own sentence. A plan is ("they will order the family to
    ...": made, and mostly carried out, where the story is)."""
    if frame.status == "hypothetical":
        return True
    clause = frame.clause
    for _ in range(6):  # and an act a clause in the perfect reports or describes ("Reno has
        if any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in clause.children):
            return True  # said she was consulted", "have filed affidavits alleging")
        if clause.i == frame.trigger.i and clause.dep_ in ("dobj", "nsubjpass"):
            clause = clause.head  # the act a verb in the perfect does to a happening's noun ("a
            continue  # search has been launched")
        if frame.trigger.pos_ != "VERB" or clause.dep_ not in BACKGROUND_DEPS:
            return False  # a happening's noun is not ("have named a suspect in the slaying")
        clause = clause.head
    return False


def history(frame: EventFrame, published: date | None) -> bool:
    """Whether the event's own date ended years before the story was published."""
    end = frame.time.date_end if frame.time is not None else None
    if end is None or published is None:
        return False
    return (published - end).days > HISTORY_DAYS


def journey_goals(frame: EventFrame) -> list[Token]:
    """The named places ("to Africa", "into Cuba") the clause above an act's infinitive of
    purpose or outcome sends someone to: "led a team of doctors to Africa to help"."""
    clause = frame.clause
    if clause.dep_ not in ("advcl", "xcomp") or not with_to(clause):
        return []
    return [
        token
        for token in clause.head.subtree
        if not clause.left_edge.i <= token.i <= clause.right_edge.i
        and token.dep_ == "pobj"
        and token.head.lower_ in MOTION_PREPS
        and token.ent_type_ in ("GPE", "LOC")
    ]


def foreign_government(
    actors: Sequence[ActorMention],
    home: str | None,
    frames: Sequence[EventFrame],
    resolver: PlaceResolver,
) -> bool:
    """Whether an act with these participants is done by the government of another country
    than `home`, the dateline's (not by its diplomats), with no one of `home` in it, and the
    article's frames tell of no visit of the government's people there."""
    sources = [a for a in actors if a.role == "source"]
    if not home or not sources or any(a.country_code == home for a in actors):
        return False
    if not all(
        a.country_code and (a.kind == "country" or a.sector == "GOV") and not diplomat(a)
        for a in sources
    ):
        return False
    countries = {a.country_code for a in sources}
    return not any(_visit(other, countries, home, resolver) for other in frames)


def _visit(
    frame: EventFrame, countries: set[str | None], home: str, resolver: PlaceResolver
) -> bool:
    """Whether a frame tells of people of these countries going to the country `home`: a visit
    there, or a journey to it or to a region around it ("led a team of doctors to Africa")."""
    if not any(a.country_code in countries for a in frame.sources):
        return False
    if frame.code in RULE_CODES.travel and (
        any(a.country_code == home for a in frame.targets)
        or any(p.country_code == home for p in frame.places)
    ):
        return True
    for token in frame.clause.subtree:
        if token.dep_ != "pobj" or token.head.lower_ not in MOTION_PREPS:
            continue
        if token.ent_type_ not in ("GPE", "LOC") or _verb_of(token).i != frame.clause.i:
            continue  # not "allow them to fly back to Cuba": their journey
        found = resolver.mentioned_in(token.left_edge.i, token.i + 1)
        if not found or any(p.country_code in (home, None) for _, p in found):
            return True
    return False


def _verb_of(token: Token) -> Token:
    """The verb a word's phrase belongs to ("led a team of doctors to Africa": "led")."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head
