"""Place mentions: every span of an article that names a place, before it is resolved.

Found, each span once (the first kind that claims a token keeps it):

1. the dateline ("JORDAN, Minn. (AP) --"): the place, and its qualifier as a place of its own;
2. the entity recogniser's places (GPE, LOC; FAC only when the gazetteer knows it), a qualified
   name split into the place and its qualifier ("Paris, Texas": Paris, qualified by Texas), a
   name it cut short made whole when the gazetteer knows the whole ("Little Havana"), and none
   from a place named after another ("Little Saigon" is not Saigon);
3. names the recogniser missed or took for something else: a run of capitalised words that is a
   whole name the gazetteer knows (a country, a US state or its abbreviation, a first-level region,
   a county, a region, a continent), or a city's name with a sign that a place is meant (a
   locative preposition before it, a qualifier after it, or a city of 50,000 or more);
4. demonyms that name a place: a country's ("fighting in Syrian territory": Syria, with a noun of
   places_demonym_nouns.tsv) or its capital ("the Kenyan capital": Nairobi).

Not place mentions: a place standing for its government or people as the subject of a verb
("Moscow expelled ...": an actor), a demonym describing something ("German cars"), a name inside
an organisation's or a person's name ("Bank of England"), a word that only opens a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.nlp.actors.countries import country_lexicon
from timeline.nlp.actors.organizations import organization_of
from timeline.nlp.gazetteer import gazetteer, place_lexicon
from timeline.nlp.lookup import exact_form, key, word_set

if TYPE_CHECKING:
    from timeline.nlp.article import ArticleView

# Words that say where in a place ("North", "Western"): alone, no place
DIRECTIONS = word_set("place_directions.tsv")
# Words that name another place after the one that follows: "Little Havana"
NAMESAKE_WORDS = word_set("places_namesake_words.tsv")
# Nouns after which a demonym names its country as a place: "Syrian territory", "Iraqi soil"
DEMONYM_PLACE_NOUNS = word_set("places_demonym_nouns.tsv")
# Nouns after which a name is a leader's: "the Clinton administration"
LEADER_NOUNS = word_set("places_leader_nouns.tsv")
# Verbs whose subject may be a place as a place ("Texas has 254 counties", "Ohio lies ..."): with
# any other verb, a place that is the subject stands for its government or people.
PLACE_SUBJECT_VERBS = word_set("places_subject_verbs.tsv")
# Grammar: prepositions that put a name in a place ("in Jackson", "near Lebanon")
LOCATIVE = {
    "in", "at", "near", "outside", "inside", "from", "to", "into", "across", "throughout",
    "around", "toward", "towards", "through", "between", "of", "via", "within", "along",
}  # fmt: skip
# Grammar: the parts of speech of a capitalised word that opens a sentence before a name ("A
# Gainesville man", "In Ocala")
OPENING_POS = {"DET", "ADP", "PRON", "CCONJ", "SCONJ", "ADV", "AUX", "PART"}
# Lower-case words inside a place name ("Isle of Man", "Rio de Janeiro")
NAME_CONNECTORS = {"of", "de", "la", "del", "da", "do", "du", "des", "el", "al", "upon", "on"}
# Words that end a county's name ("Laurel County", "Orleans Parish")
COUNTY_WORDS = {"county", "parish", "borough"}
# A city this large is a place without any other sign ("Richmond", "Gainesville")
LARGE_CITY = 50_000
# The longest name tried, in tokens
LONGEST = 5


@dataclass
class Toponym:
    """A span that names a place: tokens start..end, what found it, and its qualifier's span."""

    start: int
    end: int
    kind: str  # dateline / entity / name / county / demonym / capital
    qualifier: tuple[int, int] | None = None  # "Texas" of "Paris, Texas"
    qualifies: bool = False  # the qualifier of the toponym before it
    country: str | None = None  # a demonym's country (alpha3)
    optional: bool = False  # a facility: kept only when resolved


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """Keys of whole names that always name a place when written capitalised."""
    countries, places, gaz = country_lexicon(), place_lexicon(), gazetteer()
    names = {*countries.names, *places.state_names, *places.regions, *gaz.continents}
    names |= set(gaz.admin1_names)
    return frozenset(names)


def _is_state_abbreviation(text: str) -> bool:
    return "." in text and exact_form(text).replace(" ", "") in place_lexicon().state_exact


def find_toponyms(view: ArticleView, person_words: frozenset[str] = frozenset()) -> list[Toponym]:
    """The place mentions of an article, in text order (see the module docstring);
    `person_words` are the words of the people's names the article gives ("Taylor")."""
    finder = _Finder(view, person_words)
    finder.dateline()
    finder.county_lists()
    finder.entities()
    finder.names()
    finder.demonyms()
    return sorted(finder.found, key=lambda t: t.start)


class _Finder:
    def __init__(self, view: ArticleView, person_words: frozenset[str]) -> None:
        self.view = view
        self.person_words = person_words
        self.found: list[Toponym] = []
        self.taken = [False] * len(view.words)
        self.entity_of: list[str] = [""] * len(view.words)  # the label of each token's entity
        for ent in view.entities:
            for i in range(ent.start, ent.end):
                self.entity_of[i] = ent.label_

    def add(self, toponym: Toponym) -> None:
        self.found.append(toponym)
        for i in range(toponym.start, toponym.end):
            self.taken[i] = True

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    # -- 1. the dateline ------------------------------------------------------------------------

    def dateline(self) -> None:
        span = self.view.dateline
        if span is None:
            return
        tokens = self._tokens(*span)
        if tokens is None:
            return
        start, end = tokens
        words = self.view.words
        comma = next((i for i in range(start, end) if words[i] == ","), None)
        if comma is None:
            self.add(Toponym(start, end, "dateline"))
            return
        qualifier = (comma + 1, end)
        self.add(Toponym(start, comma, "dateline", qualifier=qualifier))
        self.add(Toponym(comma + 1, end, "dateline", qualifies=True))

    def _tokens(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        span = self.view.doc.char_span(start_char, end_char, alignment_mode="expand")
        return (span.start, span.end) if span is not None and len(span) else None

    # -- 2. the entity recogniser's places --------------------------------------------------------

    def entities(self) -> None:
        view = self.view
        words = view.words
        for ent in view.entities:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            start, end = view.trim(ent.start, ent.end)
            if start >= end or not self.free(start, end):
                continue
            if not any(words[i][:1].isupper() for i in range(start, end)):
                continue
            if self.stands_for_actor(start, end) or self.leader_before(end):
                continue
            start = self.whole_name_start(start, end)  # "Little Havana", "Fort Worth"
            if self.named_after(start, end):
                continue  # "Little Saigon": a part of a town named after Saigon, not Saigon
            # a name the gazetteer may not know is kept only where a place is meant ("in
            # Smallbrook", "Smallbrook, Idaho"); a facility only when the gazetteer knows it
            optional = ent.label_ == "FAC" or not (
                self.locative_before(start) or self.qualifier_after(end) is not None
            )
            if view.span_text(start, end) in self.person_words:
                continue
            commas = [i for i in range(start, end) if words[i] == ","]
            if commas:  # "Paris, Texas" as one entity: the place and its qualifier
                head_end = commas[0]
                qualifier = view.trim(head_end + 1, end)
                self.add(Toponym(start, head_end, "entity", qualifier, optional=optional))
                if qualifier[0] < qualifier[1]:
                    self.add(Toponym(*qualifier, "entity", qualifies=True))
                continue
            toponym = Toponym(start, end, "entity", optional=optional)
            qualifier = self.qualifier_after(end)
            if qualifier is not None:
                toponym.qualifier = qualifier
            self.add(toponym)
            if qualifier is not None and self.free(*qualifier):
                self.add(Toponym(*qualifier, "entity", qualifies=True))

    def whole_name_start(self, start: int, end: int) -> int:
        """Where a name begins that the entity recogniser cut short: the capitalised word before
        it when the two make a name the gazetteer knows ("Little Havana", a part of Miami)."""
        view = self.view
        before = start - 1
        if before < 0 or not _capitalised(view.words[before]) or self.taken[before]:
            return start
        if view.pos[before] in OPENING_POS:
            return start
        whole = view.span_text(before, end)
        return before if self.known_place(key(whole), whole) else start

    def named_after(self, start: int, end: int) -> bool:
        """Whether the name is part of another place's named after it, which the gazetteer does
        not know ("Little Havana", "Little Italy"; not "Little Rock")."""
        words = self.view.words
        if start == 0 or key(words[start - 1]) not in NAMESAKE_WORDS:
            return False
        if not _capitalised(words[start - 1]):
            return False
        whole = self.view.span_text(start - 1, end)
        return not self.known_place(key(whole), whole)

    def qualifier_after(self, end: int) -> tuple[int, int] | None:
        """The qualifier written after a name: ", Texas", ", Minn.", ", Italy"."""
        view = self.view
        words = view.words
        if end + 1 >= len(words) or words[end] != ",":
            return None
        start = end + 1
        abbreviation = self.abbreviation_at(start)
        if abbreviation is not None:
            return abbreviation
        for length in (3, 2, 1):
            stop = start + length
            if stop > len(words) or not words[start][:1].isupper() or view.punct[stop - 1]:
                continue
            name = key(view.span_text(start, stop))
            if name in country_lexicon().names or name in place_lexicon().state_names:
                return (start, stop)
        return None

    def abbreviation_at(self, start: int) -> tuple[int, int] | None:
        """A US state's abbreviation at a token ("Minn.", "CA"), with its final period when the
        tokenizer split it off ("W.Va" "."), or in two tokens ("W." "Va."): the token range, or
        None."""
        view = self.view
        words = view.words
        word = words[start]
        if word in place_lexicon().state_exact and (word.isupper() or "." in word):
            return (start, start + 1)
        if (
            start + 1 < len(words)
            and words[start + 1] == "."
            and view.idx[start + 1] == view.idx[start] + len(word)
            and _is_state_abbreviation(word + ".")
        ):
            return (start, start + 2)
        if (  # written with a space, in two tokens: "W. Va.", "N. C."
            start + 1 < len(words)
            and len(word) == 2
            and word.endswith(".")
            and words[start + 1].endswith(".")
            and _is_state_abbreviation(word + words[start + 1])
        ):
            return (start, start + 2)
        return None

    def leader_before(self, end: int) -> bool:
        """A name before a noun of a leader's rule: "the Clinton administration"."""
        return end < len(self.view.words) and self.view.lower[end] in LEADER_NOUNS

    def stands_for_actor(self, start: int, end: int) -> bool:
        """A place that is the subject of a verb other than the few said of places ("Moscow
        expelled the diplomats"): it stands for its government or people."""
        view = self.view
        root = view.doc[start:end].root
        if root.dep_ != "nsubj":
            return False
        verb = root.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        return verb.lemma_.lower() not in PLACE_SUBJECT_VERBS

    # -- 3. names the recogniser missed --------------------------------------------------------

    def county_lists(self) -> None:
        """Names before "counties": "in Becker, Clay and Douglas counties" (each a county)."""
        view = self.view
        words = view.words
        for j, word in enumerate(words):
            if word != "counties" and word != "parishes":
                continue
            i = j - 1
            names: list[tuple[int, int]] = []
            end = j
            while i >= 0:
                if _capitalised(words[i]) and not self.taken[i]:
                    i -= 1
                    continue
                if i + 1 < end:
                    names.append((i + 1, end))
                if words[i] in (",", "and", "or", "&"):
                    end = i
                    i -= 1
                    if i >= 0 and words[i] == ",":  # ", and"
                        end = i
                        i -= 1
                    continue
                break
            for start, stop in names:
                singular = "county" if word == "counties" else "parish"
                name = key(view.span_text(start, stop))
                if len(names) == 1 and name in place_lexicon().state_names:
                    self.add(Toponym(start, stop, "entity"))  # "Indiana counties": the state's
                elif name + " " + singular in gazetteer().counties:
                    self.add(Toponym(start, stop, "county"))

    def names(self) -> None:
        view = self.view
        words, count = view.words, len(view.words)
        i = 0
        while i < count:
            if self.taken[i] or not _capitalised(words[i]):
                i += 1
                continue
            run_end = i + 1
            while run_end < count and run_end - i < LONGEST + 2:
                word = words[run_end]
                if _capitalised(word) and not self.taken[run_end]:
                    run_end += 1
                elif (
                    word in NAME_CONNECTORS
                    and run_end + 1 < count
                    and _capitalised(words[run_end + 1])
                ):
                    run_end += 2
                else:
                    break
            found = None
            # the whole run, else the part before a connecting word ("Pisa" of "Pisa on Monday")
            ends = [run_end] + [k for k in range(run_end - 1, i, -1) if words[k] in NAME_CONNECTORS]
            for stop in ends:
                found = self.name_in_run(i, stop)
                if found is None and stop - i > 1 and view.pos[i] in OPENING_POS:
                    found = self.name_in_run(i + 1, stop)  # "A Gainesville man", "In Ocala"
                if found is not None:
                    break
            if found is not None:
                self.add(found)
                qualifier = self.qualifier_after(found.end)
                if qualifier is not None and self.free(*qualifier):
                    found.qualifier = qualifier
                    self.add(Toponym(*qualifier, "name", qualifies=True))
                i = found.end
            else:
                i = run_end

    def name_in_run(self, start: int, end: int) -> Toponym | None:
        """A place name that is the whole run of capitalised words (a county's name may be
        followed by nothing else; a state abbreviation stands alone)."""
        view = self.view
        words = view.words
        labels = {self.entity_of[i] for i in range(start, end)}
        if labels & {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}:
            return None  # "May 11"
        text = view.span_text(start, end)
        name = key(text)
        if end - start == 1 and (name in DIRECTIONS or text in self.person_words):
            return None  # "West", "Taylor"
        if organization_of(text) is not None:
            return None  # "NATO", "Hamas"
        if self.stands_for_actor(start, end):
            return None  # "Moscow expelled ..."
        if self.leader_before(end):
            return None  # "the Clinton administration"
        cue = self.locative_before(start) or self.qualifier_after(end) is not None
        if labels & {"ORG", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"}:
            # A name inside a longer one ("Bank of England", "Gainesville Police") is not a
            # place; an entity that is just the place's name is, when a place is meant: "in
            # Jackson", "a Gainesville man", "Gainesville's mayor".
            if self._inside_longer_entity(start, end) or not (cue or self.modifies_noun(end)):
                return None
            if not self.known_place(name, text):
                return None
            if (
                "ORG" in labels
                and text.isupper()
                and exact_form(text) not in country_lexicon().exact
            ):
                return None  # "the local INS office": an agency's initials, not Ins, Switzerland
        if end - start == 1 and ("." in text or _is_state_abbreviation(text + ".")):
            abbreviation = self.abbreviation_at(start)
            if abbreviation is not None:
                return Toponym(*abbreviation, "name")
        last = words[end - 1].lower()
        if last in COUNTY_WORDS and end - start >= 2:
            return Toponym(start, end, "name") if name in gazetteer().counties else None
        sentence_start = bool(view.sent_start[start]) or start == 0
        if name in _name_words() or exact_form(text) in country_lexicon().exact:
            if sentence_start and end - start == 1 and not cue and not words[start].isupper():
                return None if view.pos[start] != "PROPN" else Toponym(start, end, "name")
            return Toponym(start, end, "name")
        cities = gazetteer().cities.get(name, spellings=False)
        if not cities:
            return None
        if name in country_lexicon().demonyms and self.qualifier_after(end) is None:
            return None  # "Canadian doctors": a demonym, not the town of Canadian, Texas
        modifier = self.modifies_noun(end)
        proper = view.tag[end - 1] in ("NNP", "NNPS")
        if end - start == 1 and _common_word(view.lower[start]):
            proper = proper and not sentence_start  # "Mobile phones", "Reading is ..."
            if not proper:
                return None
        if not (proper or cue or modifier) or (sentence_start and not (cue or modifier)):
            return None
        if cue or modifier or cities[0][0].population >= LARGE_CITY and cities[0][1]:
            return Toponym(start, end, "name")
        return None

    def _inside_longer_entity(self, start: int, end: int) -> bool:
        view = self.view
        for ent in view.entities:
            if ent.start <= start and end <= ent.end:
                a, b = view.trim(ent.start, ent.end)
                return (a, b) != (start, end)
        return False

    def modifies_noun(self, end: int) -> bool:
        """A name before a common noun or a possessive: "a Gainesville man", "Ohio's budget"."""
        view = self.view
        if end >= len(view.words):
            return False
        word = view.words[end]
        return word in ("'s", "\u2019s") or (view.pos[end] == "NOUN" and word[:1].islower())

    def known_place(self, name: str, text: str) -> bool:
        if name in _name_words() or exact_form(text) in country_lexicon().exact:
            return True
        return bool(gazetteer().cities.get(name, spellings=False))

    def locative_before(self, start: int) -> bool:
        """A locative preposition before a name ("in Jackson"), or a place just found that it is
        listed with ("in Lucca and Pisa")."""
        view = self.view
        before = start - 1
        if before >= 0 and view.lower[before] in ("the",):
            before -= 1
        if before >= 0 and view.lower[before] in LOCATIVE:
            return True
        if before >= 1 and view.lower[before] in ("and", "or", ","):
            return self.taken[before - 1] and any(
                t.end == before for t in self.found if not t.optional
            )
        return False

    # -- 4. demonyms naming a place ------------------------------------------------------------

    def demonyms(self) -> None:
        view = self.view
        demonyms = country_lexicon().demonyms
        for i, word in enumerate(view.words):
            if self.taken[i] or not word[:1].isupper():
                continue
            alpha3 = demonyms.get(key(word))
            if alpha3 is None:
                continue
            token = view.doc[i]
            head = token.head
            if token.dep_ not in ("amod", "compound", "conj") or head.i == i:
                continue
            while token.dep_ == "conj" and head.dep_ in ("amod", "compound"):
                head = head.head  # "the Kenyan and Tanzanian capitals"
            noun = head.lemma_.lower()
            if noun == "capital":
                self.add(Toponym(i, i + 1, "capital", country=alpha3))
            elif noun in DEMONYM_PLACE_NOUNS:
                self.add(Toponym(i, i + 1, "demonym", country=alpha3))


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The common words the model's lemmatizer knows (its tables of nouns, verbs, adjectives and
    adverbs): a place's name that is one of them ("Mobile", "Reading") needs more than a capital
    letter at a sentence's start."""
    from timeline.nlp.model import load_model

    nlp = load_model()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if "lemma_index" not in lookups:
        return frozenset()
    words: set[str] = set()
    for entries in lookups.get_table("lemma_index").values():
        words.update(entries)
    return frozenset(words)


def _common_word(word: str) -> bool:
    return word in _english_words()


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(ch.isalpha() for ch in word)
