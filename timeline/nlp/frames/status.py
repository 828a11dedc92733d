"""The status of an event frame: asserted, planned, negated, hypothetical or reported.

A frame's clause decides by its own negation or auxiliary ("did not meet", "would meet", "will
meet"), a subject that is no one ("none of the doctors were killed", "no one has been named") or
a conditional mark ("if they meet"); otherwise the status comes from the clause above:
a verb that passes its status to the infinitive it governs ("plans to meet", "failed to meet"),
"is to meet", "is going to meet", a purpose infinitive ("a deal to destroy the weapons", which
also marks the frame a purpose), or a speech verb or noun whose content it is ("said they would
...": reported). An event noun named as known and governed by a preposition ("wants to profit
from the killing of a judge") names what happened: the plan above is not its own. A
present-tense report of an act dated after publication is planned ("Tillerson arrives in Moscow
on Tuesday").
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from timeline.nlp.syntax import infinitive
from timeline.nlp.words import (
    COMPLETIVE_ADVERBS,
    CONDITIONAL_MARKS,
    CONTENT_NOUNS,
    DECIDING_VERBS,
    DOUBTFUL_ADJECTIVES,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    OBLIGATION_AUX,
    PASS_THROUGH,
    REPORTING_NOUNS,
    REPORTING_VERBS,
    SPECULATION_AUX,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.frames.predicates import EventFrame


def own_modality(token: Token) -> str | None:
    """The status a clause gives itself: its negation, modal or future auxiliary, or a
    conditional mark."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return "negated"
        if child.dep_ == "preconj" and child.lower_ == "neither":
            return "negated"  # "neither approves nor disapproves": both
    if token.dep_ == "conj" and any(  # (the second of "neither ... nor")
        c.dep_ == "cc" and c.lower_ == "nor" for c in token.head.children
    ):
        return "negated"
    for child in token.children:
        if child.dep_ == "aux":
            word = child.lower_
            if word in HYPOTHETICAL_AUX:
                return "hypothetical"
            if word in FUTURE_AUX:
                return "planned"
    if token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children
    ):
        return "hypothetical"
    return None


def is_modal(token: Token) -> bool:
    """Whether a clause has a future or modal auxiliary ("will not meet", "would not allow")."""
    return any(
        c.dep_ == "aux" and c.lower_ in (FUTURE_AUX | HYPOTHETICAL_AUX) for c in token.children
    )


def _denied(noun: Token) -> bool:
    """An event noun with the determiner "no": "held no talks", "no help was offered"."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ == "no" for c in noun.children
    )


def _done_by_no_one(verb: Token) -> bool:
    """A verb whose subject is no one: "none of those doctors were killed", "no one has been
    named as a suspect", "nobody was hurt"."""
    for subject in verb.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subject.lower_ in ("none", "nobody", "nothing", "neither"):
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
            return True  # "no one has been named", "no doctors were killed"
    return False


def _known(noun: Token) -> bool:
    """An event noun named as known ("the killing of a judge", "his arrest"): the object of a
    preposition, it names a happening, not what the verb above plans ("plans to profit from the
    killing")."""
    return noun.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in noun.children
    )


def status_of(frame: EventFrame) -> str:
    """The status of a frame from its clause and the clauses above it (see the module
    docstring); a purpose infinitive also sets `frame.purpose`."""
    if _denied(frame.trigger) or _done_by_no_one(frame.clause):
        return "negated"  # "held no talks", "no talks were held", "none were killed"
    token = frame.clause
    if frame.trigger.pos_ == "ADJ":  # "were prepared to file an appeal": the readiness
        token = frame.trigger.head
    for _ in range(10):
        own = own_modality(token)
        if own is not None:
            return own
        head = token.head
        dep = token.dep_
        if head.i == token.i:
            return "asserted"
        if dep == "xcomp":
            lemma = head.lemma_.lower()
            passed = PASS_THROUGH.get(lemma)
            if passed is not None and lemma != "be":
                return passed
            if lemma == "be" and token.tag_ == "VB":  # "is to meet"
                return "planned"
            if lemma == "go" and head.tag_ == "VBG":
                return "planned"
            token = head
            continue
        if dep in ("acl", "advcl", "relcl") and infinitive(
            token
        ):  # a purpose: "a deal to destroy the weapons", "went to Geneva to meet the envoy"
            frame.purpose = True
            if dep == "acl" and head.lemma_.lower() not in CONTENT_NOUNS:
                frame.what_for = True  # "evidence to support the charges"
            return "planned"
        if dep in ("ccomp", "parataxis") or (dep == "advcl" and token.tag_ != "VBG"):
            if head.lemma_.lower() in REPORTING_VERBS or head.lemma_.lower() in REPORTING_NOUNS:
                return "reported"
            return "asserted"
        if dep == "pobj" and token.i == frame.trigger.i and _known(token):
            return "asserted"  # "wants to profit from the killing of a judge": it happened
        if dep in ("conj", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "pcomp", "attr"):
            token = head
            continue
        if dep == "acl" and head.lemma_.lower() in REPORTING_NOUNS:
            return "reported"
        return "asserted"
    return "asserted"


def plan_by_date(frame: EventFrame, published: date | None) -> None:
    """A present-tense report of an act dated after publication is a plan: "Tillerson arrives in
    Moscow on Tuesday"."""
    if (
        frame.status == "asserted"
        and (frame.clause.tag_ in ("VBZ", "VBP") or frame.clause.pos_ == "NOUN")
        and frame.time is not None
        and published is not None
        and frame.time.date_start is not None
        and frame.time.date_start > published
    ):
        frame.status = "planned"


def plan_the_way_there(frames: list[EventFrame]) -> None:
    """An act the text dates only by the publication, named as what comes just before a planned
    one ("arrives in Moscow on Tuesday after a brief visit to Lucca"), is on the way there: a
    plan too."""
    planned = {f.clause.i for f in frames if f.status == "planned" and f.time is not None}
    for frame in frames:
        trigger = frame.trigger
        if (
            frame.status == "asserted"
            and frame.time is None
            and trigger.pos_ == "NOUN"
            and trigger.dep_ == "pobj"
            and trigger.head.lower_ == "after"
            and trigger.head.head.i in planned
        ):
            frame.status = "planned"


def speculated(frame: EventFrame, quoted: bool = False) -> bool:
    """Whether a frame's clause only says an act could be, or, in a sentence of its own, ought to
    be: "they could provide him with a better life", "the group might come as soon as Tuesday",
    "Elian cannot apply for asylum", "they must not be allowed to succeed", "it is unlikely that
    his appearance will be sought". Such a clause tells
    a possibility or an opinion, no act. Not so:
    - what a decision says must or can be done ("ruled that he must be returned", "ruled that
      Britain can deport them"), or a speaker, also in a quotation going on (`quoted`): "said
      Iran must release the sailors";
    - what a state or a body says it cannot do, a refusal ("Serbia cannot recognize Kosovo");
    - what could be done at last ("inspectors could finally visit the site");
    - what one would do, or may do if something happens: a plan or a threat ("may halt
      mediation efforts if ...").
    (Violence feared is still told, "said the exiles might harm the boy": the caller keeps it.)"""
    clause = frame.clause
    if any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
        for c in clause.children
    ):
        return False
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in DECIDING_VERBS:
        return False  # "the court ruled that Britain can deport them"
    if clause.dep_ in ("ccomp", "csubj") and any(
        c.dep_ == "acomp" and c.lemma_.lower() in DOUBTFUL_ADJECTIVES for c in clause.head.children
    ):
        return True  # "it is highly unlikely that his appearance will be sought"
    if any(c.dep_ == "advmod" and c.lower_ in COMPLETIVE_ADVERBS for c in clause.children):
        return False  # "could finally visit the site"
    negated = any(c.dep_ == "neg" for c in clause.children)
    for child in clause.children:
        if child.dep_ != "aux":
            continue
        if child.lower_ in SPECULATION_AUX:
            return not (negated and _body_subject(clause))
        if child.lower_ in OBLIGATION_AUX and clause.dep_ == "ROOT" and not quoted:
            return True
    return False


def _body_subject(clause: Token) -> bool:
    """Whether a clause's subject is a state, a body or "we": who can say what it will not do."""
    return any(
        c.dep_ == "nsubj" and (c.ent_type_ in ("GPE", "ORG", "NORP") or c.lower_ in ("we", "i"))
        for c in clause.children
    )
    for child in clause.children:
        if child.dep_ != "aux":
            continue
        if child.lower_ in SPECULATION_AUX:
            return True
        if child.lower_ in OBLIGATION_AUX and clause.dep_ == "ROOT":
            return True
    return False


def questioned(frame: EventFrame) -> bool:
    """Whether a frame's act is what a question asks about, no act told: "it was not clear
    whether the family would come to Miami or travel to Washington", "a question on whether he
    opposed the law", "just how far they are willing to go remains to be seen"."""
    token = frame.clause
    for _ in range(4):
        for child in token.children:
            if child.dep_ == "mark" and child.lower_ == "whether":
                return True
            if (
                child.dep_ == "advmod"
                and child.i < token.i
                and any(
                    t.lower_ == "how" and t.head.i != token.i and t.head.pos_ in ("ADV", "ADJ")
                    for t in child.subtree
                )
            ):
                return True  # "how far they are willing to go" (not "showed how police beat")
        if token.dep_ not in ("conj", "xcomp", "advcl", "acomp") or token.head.i == token.i:
            return False
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ not in ("if", "whether") for c in token.children
        ):
            return False  # "whether talks would resume after Israel freed the prisoners" (but
            # "whether they would come ... or if instead they would travel")
        token = token.head
    return False
