"""The article view: what every later stage reads about one parsed article, built once.

`read_article(doc)` makes an `ArticleView` of a spaCy Doc: the token attributes the stages test,
as plain lists (one pass over the Doc instead of a new Token object on each `doc[i]`), the
entities and sentences (spaCy builds new Spans on every access to `doc.ents` and `doc.sents`),
the sentence of each token, the paragraphs, the dateline, and the countries and US states the
article names (`PlacesNamed`: context for choosing among namesake places and for the cautious
country hints of titles such as "Secretary of State").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from timeline.nlp.actors.countries import country_lexicon, country_of
from timeline.nlp.gazetteer import WORLD_CITY, big_city, gazetteer, listed_places, place_lexicon
from timeline.nlp.lookup import exact_form, key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# The longest name looked up, in tokens ("the Democratic Republic of the Congo")
MAX_NGRAM = 7
# Marks that open or close a quotation, and the tokens they come as (the tokenizer may split
# "``" in two)
QUOTES = {'"', "``", "''", "\u201c", "\u201d"}
QUOTE_TOKENS = QUOTES | {"`"}
# Grammar: the determiners that open a noun phrase, left out of the names it holds
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "both", "either", "neither"}

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
# A wire story's dateline: "MOSCOW (Reuters) - ", "BEIRUT, Lebanon (AP) — ", "MIAMI _",
# "JORDAN, Minn. (AP)_"; at the start of the text or after its headline (a first line, or a
# first sentence, within DATELINE_WITHIN characters)
DATELINE = re.compile(
    r"(?:\A|\n|(?<=[.!?] ))[ \t]*"
    r"(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)?)"
    r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:--|[-_\u2013\u2014])(?:\s|$)"
)
DATELINE_WITHIN = 300


@dataclass
class PlacesNamed:
    """The countries and US states an article names, with how often and where."""

    country_counts: Counter[str] = field(default_factory=Counter)
    capital_mentions: Counter[tuple[str, str]] = field(default_factory=Counter)
    country_forms: dict[str, list[str]] = field(default_factory=dict)  # alpha3 -> names used
    states: set[str] = field(default_factory=set)
    country_positions: list[tuple[int, str]] = field(default_factory=list)  # (token, alpha3)
    # towns written with their US state ("Jordan, Minn.", "Moscow, Idaho"), by key -> alpha3:
    # in this article their name is the town's, not a country's or a capital's
    towns: dict[str, str] = field(default_factory=dict)

    def mentions_country(self, alpha3: str | None) -> bool:
        """Whether the article names that country."""
        return bool(alpha3) and self.country_counts[alpha3] > 0


@dataclass(eq=False)
class ArticleView:
    """One parsed article, as the stages read it (see the module docstring)."""

    doc: Doc
    text: str  # Doc.text joins every token again on each access
    words: list[str]
    lower: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    ent_type: list[str]
    punct: list[bool]
    idx: list[int]  # the character offset of each token
    sent_start: list[bool | None]
    entities: list[Span]
    sentences: list[Span]  # the whole Doc as one sentence when it has no sentence boundaries
    has_sentences: bool
    sentence_of: list[int]  # token index -> index in `sentences`
    paragraphs: list[int]  # the character offset where each paragraph starts
    named: PlacesNamed = field(default_factory=PlacesNamed)

    def span_text(self, start: int, end: int) -> str:
        """The text of doc[start:end], without building a Span."""
        if end <= start:
            return ""
        return self.text[self.idx[start] : self.end_char(end)]

    def end_char(self, end: int) -> int:
        """The character offset where the token range ending before token `end` ends."""
        return self.idx[end - 1] + len(self.words[end - 1])

    def sentence(self, token: Token) -> Span:
        """The sentence of a token (Token.sent walks the whole Doc on every call)."""
        return self.sentences[self.sentence_of[token.i]]

    def quoted(self, token: Token) -> bool:
        """Whether a word is inside a quotation: an odd number of quotation marks before it in
        its sentence (the tokenizer may split "``" in two)."""
        sentence = self.sentence(token)
        before = self.doc.text[sentence.start_char : token.idx]
        return sum(before.count(mark) for mark in QUOTES) % 2 == 1

    def scare_quoted(self, token: Token, width: int = 4) -> bool:
        """Whether a word is inside a short quotation, the speaker's own word for something
        ("she had been ``practically kidnapped''"), not a whole quoted sentence."""
        sentence = self.sentence(token)
        before = self.doc[max(sentence.start, token.i - width) : token.i]
        after = self.doc[token.i + 1 : min(sentence.end, token.i + width + 1)]
        return (
            any(t.text in QUOTE_TOKENS for t in before)
            and any(t.text in QUOTE_TOKENS for t in after)
            and self.quoted(token)
        )

    def quoted_alone(self, token: Token) -> bool:
        """Whether a word is quoted all by itself, a name for something: "characterized his stay
        as a ``kidnapping.''" (not "the ``barbaric attack''")."""
        doc = self.doc
        after = token.i + 1
        while after < len(doc) and doc[after].is_punct and doc[after].text not in QUOTE_TOKENS:
            after += 1  # "``kidnapping.''"
        return (
            token.i > 0
            and doc[token.i - 1].text in QUOTE_TOKENS
            and after < len(doc)
            and doc[after].text in QUOTE_TOKENS
        )

    def entities_in(self, span: Span) -> list[Span]:
        """span.ents, from the entities listed once (doc.ents builds them anew)."""
        found = []
        for ent in self.entities:
            if ent.start >= span.start:
                if ent.end > span.end:
                    break
                found.append(ent)
        return found

    def country_named(self, text: str, capitals: bool = True) -> tuple[str, str] | None:
        """`country_of` for the article's words: (alpha3, how) of a country's name, demonym or
        capital, except a town the article places in a US state ("JORDAN, Minn.")."""
        if self.named.towns and key(text) in self.named.towns:
            return None
        return country_of(text, capitals)

    def paragraph_index(self, offset: int) -> int:
        """The number of the paragraph a character offset is in."""
        return bisect_right(self.paragraphs, offset) - 1

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """A token range without the punctuation and determiners around it, nor a final 's."""
        punct, lower, words = self.punct, self.lower, self.words
        while start < end and (punct[start] or lower[start] in DETERMINERS):
            start += 1
        while end > start and (punct[end - 1] or words[end - 1] in ("'s", "\u2019s")):
            end -= 1
        return start, end

    def conjuncts(self, span: Span) -> list[tuple[int, int]]:
        """Token ranges of the coordinated parts of a phrase: "the US and Russia" -> two."""
        root = span.root
        inside = set(range(span.start, span.end))
        heads = [root] + [t for t in root.conjuncts if t.i in inside and t.i > root.i]
        if len(heads) == 1:
            return [(span.start, span.end)]
        head_ids = {h.i for h in heads}
        parts = []
        for head in heads:
            tokens = set()
            stack = [head]
            while stack:
                t = stack.pop()
                if t.i not in inside:
                    continue
                if t.i != head.i and t.i in head_ids:
                    continue
                tokens.add(t.i)
                stack.extend(t.children)
            tokens = {
                i
                for i in tokens
                if self.dep[i] not in ("cc", "preconj")
                and not self.punct[i]
                or self.words[i] in ("'", "'s")
            }
            if tokens:
                parts.append((min(tokens), max(tokens) + 1))
        return parts

    @cached_property
    def dateline(self) -> tuple[int, int] | None:
        """The character range of the place a wire story's dateline names ("MOSCOW (Reuters) -"),
        None when the article opens with none."""
        match = self._dateline_match
        return None if match is None else (match[0], match[1])

    @cached_property
    def dateline_end(self) -> int:
        """Where the dateline ends, agency and dash included ("JORDAN, Minn. (AP) -- "): the
        words before are a place and a byline, never an actor. 0 without a dateline."""
        match = self._dateline_match
        return 0 if match is None else match[2]

    @cached_property
    def _dateline_match(self) -> tuple[int, int, int] | None:
        """(start, end) of the dateline's place and the end of the whole dateline, if any."""
        text = self.text.lstrip()
        offset = len(self.text) - len(text)
        match = DATELINE.search(text, 0, DATELINE_WITHIN)
        if match is None or (match.start() > 0 and not _headline_before(text[: match.start()])):
            return None
        start, end = match.span("place")
        return start + offset, end + offset, match.end() + offset


def _headline_before(text: str) -> bool:
    """Whether the text before a dateline is a headline: one line or one sentence."""
    text = text.strip()
    return bool(text) and "\n" not in text and text.count(". ") == 0


def read_article(doc: Doc) -> ArticleView:
    """The view of a parsed article (see the module docstring)."""
    words, lower, pos, tag, dep, ent_type, punct, idx, sent_start = ([] for _ in range(9))
    for t in doc:
        words.append(t.text)
        lower.append(t.lower_)
        pos.append(t.pos_)
        tag.append(t.tag_)
        dep.append(t.dep_)
        ent_type.append(t.ent_type_)
        punct.append(t.is_punct)
        idx.append(t.idx)
        sent_start.append(t.is_sent_start)
    try:
        sentences = list(doc.sents)
        has_sentences = True
    except ValueError:  # no sentence boundaries: the article is one sentence
        sentences, has_sentences = [doc[:]], False
    sentence_of: list[int] = []
    for n, sentence in enumerate(sentences):
        sentence_of.extend([n] * len(sentence))
    text = doc.text
    view = ArticleView(
        doc=doc,
        text=text,
        words=words,
        lower=lower,
        pos=pos,
        tag=tag,
        dep=dep,
        ent_type=ent_type,
        punct=punct,
        idx=idx,
        sent_start=sent_start,
        entities=list(doc.ents),
        sentences=sentences,
        has_sentences=has_sentences,
        sentence_of=sentence_of,
        paragraphs=[0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)],
    )
    view.named = find_places_named(view)
    return view


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first words (keys) of the names of countries, their peoples and capitals, and states."""
    countries, places = country_lexicon(), place_lexicon()
    names = [*countries.names, *countries.demonyms, *countries.capitals, *places.state_names]
    names += [key(text) for text in (*countries.exact, *places.state_exact)]
    return frozenset(name.split()[0] for name in names if name)


def find_places_named(view: ArticleView) -> PlacesNamed:
    """The countries (by name, demonym or capital) and US states the article names."""
    named = PlacesNamed()
    places = place_lexicon()
    words = view.words
    count = len(words)
    named.towns = _towns(view)
    starts = _first_words()
    i = 0
    while i < count:
        matched = 0
        word = words[i]
        if not word[:1].isupper() or key(word) not in starts:
            i += 1
            continue
        for length in range(min(MAX_NGRAM, count - i), 0, -1):
            text = view.span_text(i, i + length)
            found = view.country_named(text)
            if found is not None:
                named.country_counts[found[0]] += 1
                named.country_positions.append((i, found[0]))
                if found[1] == "name":
                    named.country_forms.setdefault(found[0], []).append(exact_form(text))
                if found[1] == "capital":
                    named.capital_mentions[(found[0], key(text))] += 1
                matched = length
            state = places.state_names.get(key(text))
            if state is not None and big_city(key(text)):
                # "New York", "Washington": the city, unless written "New York State"
                following = words[i + length].lower() if i + length < count else ""
                if following != "state":
                    state = None
            if state is None and "." in text and exact_form(text) in places.state_exact:
                state = places.state_exact[exact_form(text)]
            if state is not None and _inside_a_name(words, i, i + length):
                state = None  # "Lake Vermont", "Kansas City", "Ohio County": another place
            if state is not None:
                named.states.add(state)
                matched = max(matched, length)
            if matched:
                break
        i += matched or 1
    # Cities with one listed place of that name ("Aleppo", "Dallas") name their country and,
    # in the US, their state: context for the namesakes of other names.
    countries = country_lexicon()
    for ent in view.entities:
        if ent.label_ != "GPE":
            continue
        k = key(view.span_text(ent.start, ent.end))
        if k in countries.names or k in places.state_names or k in countries.capitals:
            continue
        candidates = [c for c, main in gazetteer().cities.get(k, (), spellings=False) if main]
        if candidates and len(listed_places(k)) == 1:
            city = candidates[0]
            named.country_counts[city.country] += 1
            if city.country == "USA" and city.population < WORLD_CITY:  # not "Chicago"
                named.states.add(city.admin1)
    # Cities written with a state ("Austin, Texas", "Long Beach, CA") name their state.
    for i in range(count - 1):
        if words[i] == ",":
            nxt = words[i + 1]
            if nxt in places.state_exact:
                named.states.add(places.state_exact[nxt])
    return named


# Words that make a state's name part of another place's name, before it ("Lake Vermont",
# "Fort Washington") or after it ("Kansas City", "Ohio County", "Virginia Avenue")
NAME_BEFORE = {"Lake", "Mount", "Fort", "Port", "Camp"}
NAME_AFTER = {"City", "County", "Lake", "River", "Avenue", "Street", "Road", "Boulevard"}


def _inside_a_name(words: list[str], start: int, end: int) -> bool:
    return (start > 0 and words[start - 1] in NAME_BEFORE) or (
        end < len(words) and words[end] in NAME_AFTER
    )


def _towns(view: ArticleView) -> dict[str, str]:
    """The towns the article writes with their US state ("Jordan, Minn.", "Lebanon, Pa.",
    "MOSCOW, Idaho" in a dateline) whose names are also a country's or a capital's: key ->
    the country they are in."""
    places = place_lexicon()
    words = view.words
    towns: dict[str, str] = {}
    for i in range(1, len(words) - 1):
        if words[i] != ",":
            continue
        state = words[i + 1]
        if state not in places.state_exact and key(state) not in places.state_names:
            continue
        for length in (1, 2, 3):
            begin = i - length
            if begin < 0 or not words[begin][:1].isupper():
                break
            text = view.span_text(begin, i)
            if country_of(text) is not None:
                towns[key(text)] = "USA"
    return towns
