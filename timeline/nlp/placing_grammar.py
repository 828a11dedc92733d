"""The words and the grammar the placing rules read (nlp/placing.py): who a locative phrase
places, whose embassy a country names, a standing state in the present passive."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.nlp.actors.coreference import PERSON_NOUNS
from timeline.nlp.actors.people import title_lexicon
from timeline.nlp.coding import agent_nouns
from timeline.nlp.lookup import key, word_set
from timeline.nlp.words import MISSION_NOUNS, PEOPLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.records import ActorMention

# People named by kin ("the boy's relatives in Miami") are where their "in" phrase says
PERSON_NOUN_WORDS = frozenset(PERSON_NOUNS) | {"relative"}
# Dependency labels of a clause under another: its own subject makes it an act of its own
CLAUSE_DEPS = {"conj", "advcl", "ccomp", "relcl", "xcomp", "acl"}
# Calendar units of a week or longer: "for months" is a course of acts
LONG_UNITS = frozenset(
    word
    for word, letter, _ in read_table("dates_units.tsv")
    if letter != "D" and not letter.startswith("T")
)
# Words of envoys and missions: "Ambassador Prudence Bushnell", "an embassy official"
DIPLOMAT_WORDS = frozenset(MISSION_NOUNS | word_set("places_diplomat_words.tsv"))
# Modals of obligation: "must be returned" is required, not done where the story is told
OBLIGATION_MODALS = {"must", "should", "ought"}
# Pronouns of people or groups named before: "They arrested three men" goes on from the sentence
# before
PRONOUNS = {"he", "she", "they", "we", "it"}


def present_passive(clause: Token) -> bool:
    """Whether a clause is a passive in the present tense: "is accused", "are being sought", "an
    activist being sought by the FBI" (a participle describing someone as they are now)."""
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if not any(c.dep_ == "auxpass" for c in auxiliaries):
        return False
    if clause.dep_ == "acl" and all(c.tag_ == "VBG" for c in auxiliaries):
        return True
    return any(c.tag_ in ("VBZ", "VBP") for c in auxiliaries)


def lasting(clause: Token) -> bool:
    """Whether an active clause says its act went on for weeks or longer ("for months refused",
    "have demanded for years"): a course of acts, not one done where the story is told (in the
    passive the span is the state it left: "was jailed for several months")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    for word in (clause, *subjects):  # the parser may hang "for months" on the subject
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.tag_ == "NNS" and key(noun.lemma_) in LONG_UNITS:
                    return True
    return False


def diplomat(actor: ActorMention) -> bool:
    """Whether an actor is a country's envoy or mission ("U.S. Ambassador Prudence Bushnell", "a
    U.S. Embassy official"): it acts where it is posted, not at home."""
    words = f"{actor.title or ''} {actor.text}".lower().replace("-", " ").split()
    return any(w.rstrip(".,'s") in DIPLOMAT_WORDS for w in words)


def mission_owner(token: Token) -> bool:
    """Whether a place only says whose embassy or consulate it is ("the U.S. embassy")."""
    return (
        token.dep_ in ("compound", "amod", "nmod", "poss")
        and token.head.lemma_.lower() in MISSION_NOUNS
    )


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """Nouns of people whose "in" phrase says where they are: groups ("protesters in Miami"),
    kinds of actors of the agent dictionary ("lawyers in Havana"), people named by kin ("the
    boy's relatives in Miami", person_nouns.tsv)."""
    return PEOPLE_NOUNS | agent_nouns() | PERSON_NOUN_WORDS


def people(lemma: str) -> bool:
    return lemma.lower() in _people_nouns()


def title(word: str) -> bool:
    """Whether a word is a role title ("mayor", "governor"): its holder acts where the office is."""
    return key(word) in title_lexicon().titles
