"""The CAMEO verb dictionary (PETRARCH/Phoenix) matched on the dependency parse.

The dictionary (timeline/data/petrarch_verbs.tsv, petrarch_verb_patterns.tsv,
petrarch_synsets.tsv, converted from CAMEO.2.0.txt by scripts/convert_petrarch.py) lists about
1,800 verbs in 400 synonym blocks, each with the CAMEO code of the verb alone (`---`: no event
without a pattern), and about 4,600 patterns that give a verb of the block another code by the
words around it: `* aid` ("rushed aid"), `* (to border)` ("rushed police to the border"),
`&military *` ("troops rushed").

A pattern's words after `*` are looked for, in order, among the words that follow the verb in its
own clause (its objects, particles and prepositional phrases, with what they hold, but not a
prepositional phrase inside one of them other than of its noun: "ended a conference in a
building adjacent to the embassy" closes no embassy); its words
before `*` among the words of its clause before it (its subject, adverbs). Parentheses and braces
only group words; `$`, `+`, `^` and `%` (the roles and skipped phrases of the original linear
matcher) are left to the parse, which finds the roles itself. A word ending in `_` in the
original must be the whole word; any other word also matches its inflections (`attack` matches
"attacks", "attacked"), as the dictionary's stems were written to. `&NAME` stands for any phrase
of that word class. Of the patterns that match, the one with most words wins; the file's order
breaks ties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import read_table

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependencies that open another clause: their words are not the verb's own phrase
CLAUSE_BREAKS = {"conj", "cc", "punct", "ccomp", "parataxis", "advcl", "mark", "relcl", "acl"}
NO_EVENT = "---"


@dataclass(frozen=True)
class Word:
    """One word of a pattern: its alternatives (a word class has several), each a tuple of
    consecutive words, and whether each must be whole (no inflection)."""

    phrases: tuple[tuple[str, ...], ...]
    exact: tuple[bool, ...]
    preposition: bool = False  # the first word of a prepositional phrase: "(to border)"


@dataclass(frozen=True)
class VerbPattern:
    block: str
    code: str
    before: tuple[Word, ...]
    after: tuple[Word, ...]
    verb: str  # the verb the pattern was first written for

    @property
    def size(self) -> float:
        """How specific the pattern is: its words, a preposition counting half."""
        return sum(0.5 if w.preposition else 1.0 for w in (*self.before, *self.after))


@dataclass(frozen=True)
class DictionaryVerb:
    lemma: str  # "ask", or a phrasal verb "ask for" (lemma and particle)
    block: str
    code: str  # NO_EVENT when the verb alone is no event


@dataclass
class VerbDictionary:
    verbs: dict[str, list[DictionaryVerb]]  # first word's lemma -> its verbs (phrasal ones too)
    patterns: dict[str, list[VerbPattern]]  # block -> patterns, in the file's order

    def entries(self, lemma: str) -> list[DictionaryVerb]:
        return self.verbs.get(lemma, [])


def _synsets() -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    classes: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for name, phrase, plurals in read_table("petrarch_synsets.tsv"):
        words = tuple(phrase.split())
        if words:
            classes.setdefault(name, []).append((words, plurals != "yes"))
    return classes


_TOKEN = re.compile(r"&[a-z0-9_]+|[a-z0-9][a-z0-9'._-]*|\*|\(")


def _words(text: str, classes) -> tuple[Word, ...] | None:
    """The pattern words of one side; None when the side uses a word class not defined."""
    found: list[Word] = []
    opened = False
    for token in _TOKEN.findall(text.replace(")", " ").replace("{", " ").replace("}", " ")):
        if token == "(":
            opened = True
            continue
        first_in_phrase, opened = opened, False
        if token.startswith("&"):
            members = classes.get(token)
            if not members:
                return None
            found.append(Word(tuple(m[0] for m in members), tuple(m[1] for m in members)))
        else:
            exact = token.endswith("_")
            word = token.rstrip("_")
            if word:
                found.append(Word(((word,),), (exact,), first_in_phrase))
    return tuple(found)


@lru_cache(maxsize=1)
def verb_dictionary() -> VerbDictionary:
    """The dictionary's verbs and patterns, read once per process."""
    classes = _synsets()
    verbs: dict[str, list[DictionaryVerb]] = {}
    for row in read_table("petrarch_verbs.tsv"):
        lemma, block, code = row[0], row[1], row[2]
        verbs.setdefault(lemma.split()[0], []).append(DictionaryVerb(lemma, block, code))
    patterns: dict[str, list[VerbPattern]] = {}
    for row in read_table("petrarch_verb_patterns.tsv"):
        block, pattern, code = row[0], row[1], row[2]
        verb = row[4] if len(row) > 4 else ""
        cleaned = re.sub(r"[$+^%]", " ", pattern)
        before_text, star, after_text = cleaned.partition("*")
        if not star:
            continue
        before = _words(before_text, classes)
        after = _words(after_text, classes)
        if before is None or after is None or not (before or after):
            continue
        patterns.setdefault(block, []).append(VerbPattern(block, code, before, after, verb))
    return VerbDictionary(verbs, patterns)


def _forms(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


def _side_tokens(verb: Token) -> tuple[list[Token], list[Token]]:
    """The tokens of the verb's own clause before and after it, in text order."""
    before: list[Token] = []
    after: list[Token] = []
    for child in verb.children:
        if child.dep_ in CLAUSE_BREAKS:
            continue
        side = before if child.i < verb.i else after
        side.extend(_own_phrase(child))
    before.sort(key=lambda t: t.i)
    after.sort(key=lambda t: t.i)
    return before, after


def _own_phrase(token: Token, preps: int = 0) -> list[Token]:
    """A phrase of the verb's clause without a prepositional phrase inside a prepositional
    phrase unless it is of that phrase's own noun: in "ended a news conference in a building
    adjacent to the embassy", "embassy" is where the building is, no object of "ended"; in
    "found Poland in breach of EU law" and "called for an end to the operation" the second
    phrase is of the first one's noun."""
    if token.dep_ == "prep":
        preps += 1
        if preps > 1 and token.head.dep_ != "pobj":
            return []
    words = [token]
    for child in token.children:
        words += _own_phrase(child, preps)
    return words


def _word_at(word: Word, tokens: list[Token], start: int) -> int | None:
    """The position after the first match of `word` at or after `start`, or None."""
    for i in range(start, len(tokens)):
        for phrase, exact in zip(word.phrases, word.exact, strict=True):
            if i + len(phrase) > len(tokens):
                continue
            if all(_matches(part, tokens[i + k], exact) for k, part in enumerate(phrase)):
                return i + len(phrase)
    return None


def _matches(word: str, token: Token, exact: bool) -> bool:
    if token.dep_ == "prep" and token.pos_ == "VERB":
        return False  # a participle used as a preposition: "according to" is no "accord"
    surface, lemma = _forms(token)
    if exact:
        return surface == word or lemma == word
    return surface.startswith(word) or lemma == word


def _in_order(words: tuple[Word, ...], tokens: list[Token]) -> bool:
    position = 0
    for word in words:
        found = _word_at(word, tokens, position)
        if found is None:
            return False
        position = found
    return True


def phrasal_verb(verb: Token, dictionary: VerbDictionary, lemma: str) -> DictionaryVerb | None:
    """The dictionary's entry for a verb, a phrasal one first ("ask for", "call off")."""
    entries = dictionary.entries(lemma)
    if not entries:
        return None
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep") and c.i > verb.i}
    best = None
    for entry in entries:
        words = entry.lemma.split()
        if len(words) > 1:
            if all(w in particles for w in words[1:]) and (
                best is None or len(best.lemma) < len(entry.lemma)
            ):
                best = entry
        elif best is None:
            best = entry
    return best


def dictionary_code(verb: Token, lemma: str) -> tuple[str, VerbPattern | None] | None:
    """(code, pattern) the verb dictionary gives a verb of the parse: its block's best matching
    pattern's, else the verb's own code (pattern None); None when the verb is not in the
    dictionary or codes nothing."""
    dictionary = verb_dictionary()
    entry = phrasal_verb(verb, dictionary, lemma)
    if entry is None:
        return None
    before, after = _side_tokens(verb)
    best: VerbPattern | None = None
    for pattern in dictionary.patterns.get(entry.block, ()):
        if best is not None and pattern.size <= best.size:
            continue
        if _in_order(pattern.after, after) and _in_order(pattern.before, before):
            best = pattern
    code = best.code if best is not None else entry.code
    if code == NO_EVENT:
        return None
    return code, best


def dictionary_default(lemma: str) -> str | None:
    """The dictionary's own code of a single-word verb, without context; None when it has none
    (not listed, or `---`)."""
    for entry in verb_dictionary().entries(lemma):
        if entry.lemma == lemma:
            return None if entry.code == NO_EVENT else entry.code
    return None
