"""Small tests of the dependency parse that several stages read, with no lexicon behind them:
whether a verb carries the infinitive marker "to", is a "to" infinitive, or is passive."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def with_to(verb: Token) -> bool:
    """Whether a verb has the infinitive marker "to" ("to take", "only to be jailed")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def infinitive(verb: Token) -> bool:
    """Whether a verb is a "to" infinitive ("any attempt to take Elian")."""
    return verb.tag_ == "VB" and with_to(verb)


def passive_subject(verb: Token) -> Token | None:
    """The subject of a passive verb, or of the passive it is joined to ("the ruling was
    announced and was met with outrage")."""
    for holder in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        found = next((c for c in holder.children if c.dep_ == "nsubjpass"), None)
        if found is not None:
            return found
    return None


def passive(verb: Token) -> bool:
    """Whether a verb is passive: a passive subject or auxiliary ("was met", "were betrayed")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
