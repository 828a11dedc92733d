"""People: the people an article names, each by their fullest name, with title and country.

`find_people(view)` reads the PERSON entities (cleaned of titles and honorifics), the names after
a title whatever the entity recogniser made of them, and the surnames it missed or mislabelled
("Tillerson" as ORG). A bare surname joins the one person of the article with that surname; when
several share it ("Donald Trump", "Ivanka Trump") it joins the one most recently named in full
before it, and is left unresolved when none precedes it.

A person's country comes from the words around the name ("Russian Foreign Minister ...", "..., the
U.S. ambassador", "Chancellor ... of Germany"); failing that, from the title's country hint in
titles.tsv, used only when the article mentions that country. A person whose title belongs to an
organization ("Arab League Secretary General ...") takes its code (IGO). People the actor
dictionary knows ("Hosni Mubarak", "Putin", "President Bush") take its entry, with the codes they
held and when (see `dictionary`): "President Bashar Assad" is Syrian whatever the article says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.nlp.actors.affiliations import Affiliations
from timeline.nlp.actors.coreference import PERSON_NOUNS, Coreference
from timeline.nlp.actors.countries import country_of
from timeline.nlp.actors.dictionary import Entry, person_entry
from timeline.nlp.actors.organizations import (
    Organization,
    institution_of,
    is_company_word,
    organization_of,
)
from timeline.nlp.article import DETERMINERS
from timeline.nlp.lookup import key, optional_cell, word_set

if TYPE_CHECKING:
    from timeline.nlp.article import ArticleView

# The words around names that are not part of them: lexicon, in timeline/data
HONORIFICS = {  # "mr." -> "m": the gender a pronoun must agree with
    word: gender for word, gender in read_table("honorifics.tsv") if gender in ("m", "f")
}
HONORIFICS_ANY = {word for word, gender in read_table("honorifics.tsv") if gender == "-"}
NAME_PARTICLES = word_set("name_particles.tsv")  # "al", "von"
NAME_SUFFIXES = word_set("name_suffixes.tsv")  # "jr."
NOT_NAMES = word_set("not_names.tsv")  # weekdays, months, "today"
# Grammar: the prepositions of a place that are never a person's ("in", unlike "to" or "with")
PLACE_PREPOSITIONS = {"in", "near", "inside", "outside", "across", "throughout"}


@dataclass
class TitleLexicon:
    titles: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # (sector,
    # hint): the sector of the holders (None: none), a country hint
    title_gender: dict[str, str] = field(default_factory=dict)  # "spokeswoman" -> "f"
    title_words: set[str] = field(default_factory=set)  # first words of titles
    words_of_titles: set[str] = field(default_factory=set)  # "finance" of "finance minister"


@lru_cache(maxsize=1)
def title_lexicon() -> TitleLexicon:
    """titles.tsv: role titles, the sector of their holders, a country hint and a gender."""
    lex = TitleLexicon()
    for title, sector, hint, gender in read_table("titles.tsv"):
        lex.titles[key(title)] = (optional_cell(sector), optional_cell(hint))
        if gender in ("m", "f"):
            lex.title_gender[key(title)] = gender
    lex.title_words = {title.split()[0] for title in lex.titles}
    lex.words_of_titles = {word for title in lex.titles for word in title.split()}
    return lex


class Titles:
    """The role titles written in one article ("Secretary of State", "foreign minister")."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.lex = title_lexicon()

    def ending_at(self, end: int) -> tuple[int, str] | None:
        """(start, title) of the longest title whose last token is doc[end - 1]."""
        view, titles = self.view, self.lex.titles
        for length in range(min(5, end), 0, -1):
            if view.punct[end - length] or view.words[end - length].lower() in DETERMINERS:
                continue
            text = view.span_text(end - length, end)
            if key(text) in titles and not kinship(text):
                return end - length, text
        return None

    def starting_at(self, start: int, stop: int) -> tuple[int, str] | None:
        """(end, title) of the longest title that starts at doc[start] and ends before `stop`."""
        view = self.view
        if start >= len(view.words) or key(view.words[start]) not in self.lex.title_words:
            return None
        for length in range(min(5, stop - start), 0, -1):
            text = view.span_text(start, start + length)
            if key(text) in self.lex.titles and not kinship(text):
                return start + length, text
        return None


def kinship(title: str) -> bool:
    """A title that is also a word of kin, written in lower case: "his sister Juanita", "Juanita
    Castro, the sister of the dictator" are family, "Sister Jeanne" a nun (person_nouns.tsv)."""
    return title.islower() and key(title) in PERSON_NOUNS


@dataclass
class Person:
    """One person of the article, by their fullest name."""

    name: str
    words: list[str]
    surname: str
    title: str | None = None
    sector: str | None = None
    country: str | None = None  # from the words around a mention
    hint: str | None = None  # from a title's country hint
    gender: str | None = None
    child: bool = False  # "the boy, Danny Ortiz", "Tommy Lopez, 6,"
    organization: Organization | None = None  # "Arab League Secretary General Chadli Klibi"
    aliases: list[str] = field(default_factory=list)
    entry: Entry | None = None  # the actor dictionary's entry for them


@dataclass
class NameMention:
    """A name written in the article and the person it names (None when unresolved)."""

    start: int  # token indexes
    end: int
    person: int | None
    explicit: bool  # more than a bare surname


@dataclass
class ArticlePeople:
    """The people of one article and the mentions of their names, in text order."""

    persons: list[Person] = field(default_factory=list)
    mentions: list[NameMention] = field(default_factory=list)
    token_mention: dict[int, int] = field(default_factory=dict)  # token index -> mention index
    title_tokens: set[int] = field(default_factory=set)  # the words of role titles
    published: date | None = None  # the day the dictionary's codes are read on, until dated


def surname_key(words: list[str]) -> str:
    """The key of a name's surname, without suffixes and an Arabic article ("al-Assad")."""
    significant = [w for w in words if w.lower() not in NAME_SUFFIXES] or words
    last = significant[-1].lower()
    for prefix in ("al-", "el-", "ad-", "as-"):
        if last.startswith(prefix) and len(last) > len(prefix) + 1:
            last = last[len(prefix) :]
    return key(last)


def _given_key(words: list[str]) -> list[str]:
    return [
        key(w).rstrip(".")
        for w in words[:-1]
        if w.lower() not in NAME_PARTICLES and w.lower() not in NAME_SUFFIXES
    ]


def compatible(a: list[str], b: list[str]) -> bool:
    """Two names with the same surname that may be one person: same or initial-compatible first
    given name ("Donald Trump", "Donald J. Trump"), or one of them a bare surname."""
    ga, gb = _given_key(a), _given_key(b)
    if not ga or not gb:
        return True
    first_a, first_b = ga[0], gb[0]
    if first_a == first_b:
        return True
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return False


def find_people(view: ArticleView, published: date | None = None) -> ArticlePeople:
    """The people the article names (see the module docstring), each with the actor
    dictionary's entry for them, chosen as of the publication day."""
    people = ArticlePeople(published=published)
    # While they are found, "his country" before a title refers to the people found so far.
    affiliations = Affiliations(view, Coreference(view, people))
    PeopleFinder(view, people, affiliations).run()
    for person in people.persons:
        person.entry = person_entry(person, published)
    return people


class PeopleFinder:
    """Finds the people of one article into an `ArticlePeople` (see `find_people`)."""

    def __init__(self, view: ArticleView, people: ArticlePeople, affiliations: Affiliations):
        self.view = view
        self.people = people
        self.affiliations = affiliations
        self.titles = Titles(view)
        self.lex = title_lexicon()

    def is_name_word(self, i: int) -> bool:
        """Whether doc[i] can be part of a person's name."""
        text = self.view.words[i]
        low = text.lower()
        if (
            low in NOT_NAMES
            or low in HONORIFICS
            or low in HONORIFICS_ANY
            or key(text) in self.lex.titles
        ):
            return False
        if not text[:1].isupper():
            return False
        if country_of(text) is not None or organization_of(text) is not None:
            return False
        return self.view.pos[i] == "PROPN" or (text.endswith(".") and len(text) == 2)

    @staticmethod
    def names_a_body(text: str) -> bool:
        """Whether a title and the words after it name an organisation, an institution or a
        group ("General Assembly", "General Motors"), not a titled person."""
        from timeline.nlp.actors.groups import sector_lexicon

        return bool(
            organization_of(text) or institution_of(text) or key(text) in sector_lexicon().sectors
        )

    def name_after(self, start: int) -> tuple[int, int] | None:
        """The capitalised name that starts at doc[start] (after a title), if any."""
        words = self.view.words
        count = len(words)
        i = start
        if i < count and words[i].lower() in HONORIFICS:
            i += 1
        begin = i
        if i < count and words[i].lower() in self.lex.words_of_titles:
            return None  # "Deputy Finance John Roe": not a name that begins "Finance"
        while i < count and i - begin < 5:
            if self.is_name_word(i) or (
                words[i].lower() in NAME_PARTICLES
                and i + 1 < count
                and i > begin
                and self.is_name_word(i + 1)
            ):
                i += 1
            else:
                break
        return (begin, i) if i > begin else None

    def clean_name(self, start: int, end: int) -> tuple[int, int, str | None]:
        """Drop titles, honorifics and a possessive from a PERSON entity; return the gender an
        honorific gives."""
        words, punct = self.view.words, self.view.punct
        gender = None
        while start < end:
            low = words[start].lower()
            if low in HONORIFICS:
                gender = HONORIFICS[low]
                start += 1
                continue
            if low in HONORIFICS_ANY:
                start += 1
                continue
            found = self.titles.starting_at(start, end)
            if found is not None and found[0] < end:
                start = found[0]
                continue
            if end - start > 2 and low in self.lex.words_of_titles:
                start += 1  # what is left of a title: "Deputy Finance John Roe"
                continue
            break
        while end > start and (words[end - 1] in ("'s", "\u2019s", "'") or punct[end - 1]):
            end -= 1
        if start > 0 and words[start - 1].lower() in HONORIFICS:
            gender = HONORIFICS[words[start - 1].lower()]
        return start, end, gender

    def describe(self, start: int, end: int) -> tuple[str | None, str | None, Organization | None]:
        """(title, country, organization) from the words around the name doc[start:end]."""
        view, affiliations, titles = self.view, self.affiliations, self.titles
        words = view.words
        title = country = org = None
        before = start
        if before > 0 and words[before - 1].lower() in HONORIFICS.keys() | HONORIFICS_ANY:
            before -= 1
        found = titles.ending_at(before)
        if found is None and before > 1 and words[before - 1] == ",":
            found = titles.ending_at(before - 1)  # "Russia's foreign minister, Sergey Lavrov"
        if found is not None:
            title_start, title = found
            country, org = affiliations.ending_at(title_start)
            if country is None:
                country = affiliations.country_after(title_start + len(title.split()))
            if country is None:
                country = affiliations.country_after(end)  # "Chancellor Angela Merkel of Germany"
        if title is None and country is None:
            country = self.described_as(before)  # "Cuban rafter Elian Gonzalez"
        # Apposition: "Michael McFaul, the U.S. ambassador to Russia"
        if end < len(words) and words[end] == ",":
            i = end + 1
            stop = i
            while stop < len(words) and stop - i < 10 and words[stop] not in (",", ".", ";"):
                stop += 1
            if i < stop and (
                view.lower[i] in DETERMINERS
                or view.tag[i] == "PRP$"
                or country_of(words[i]) is not None
                or titles.starting_at(i, stop) is not None
                or (i + 1 < stop and words[i + 1] in ("'s", "\u2019s"))
            ):
                for j in range(i, stop):
                    if kinship(words[j]):
                        break  # "the sister of the Cuban leader": the leader's title
                    appos = titles.starting_at(j, stop)
                    if appos is not None:
                        if title is None:
                            title = appos[1]
                        if country is None and org is None:
                            country, org = affiliations.ending_at(j)
                            if country is None and org is None:
                                country = affiliations.country_after(appos[0])
                        break
                if country is None and org is None:  # "Elian, a 6-year-old Cuban boy,"
                    country = next(
                        (found for j in range(i + 2, stop + 1) if (found := self.described_as(j))),
                        None,
                    )
        return title, country, org

    def described_as(self, end: int) -> str | None:
        """The country of a demonym before one or two common nouns that end at `end` and
        describe a person: "Cuban rafter" (Elian Gonzalez), "a 6-year-old Cuban boy", "Kenyan
        businessman"; not a title (those are read with their own country) and not a proper name
        ("American Airlines pilot")."""
        view = self.view
        i = end - 1
        while i >= 0 and end - i <= 2 and view.tag[i] in ("NN", "NNS") and view.words[i].islower():
            i -= 1
        if i == end - 1 or i < 0 or not view.words[i][:1].isupper():
            return None
        if i > 0 and view.tag[i - 1] == "NNP" and view.words[i - 1][:1].isupper():
            return None  # part of a longer name
        found = country_of(view.words[i], capitals=False)
        return found[0] if found is not None and found[1] == "demonym" else None

    def name_spans(self) -> dict[tuple[int, int], str | None]:
        """The token ranges of people's names, with the gender an honorific gives them."""
        view = self.view
        doc, words = view.doc, view.words
        spans: dict[tuple[int, int], str | None] = {}
        for ent in view.entities:
            if ent.label_ != "PERSON":
                continue
            start, end, gender = self.clean_name(ent.start, ent.end)
            # Given names the recogniser left out: "Jusman [Syafii Djamal]".
            while (
                start == ent.start
                and start > 0
                and ent.start - start < 2
                and view.ent_type[start - 1] in ("", "PERSON")
                and self.is_name_word(start - 1)
                and view.lower[start - 1] not in self.lex.words_of_titles
            ):
                start -= 1
            text = view.span_text(start, end) if end > start else ""
            if not text or not text[:1].isupper():
                continue
            if country_of(text) or organization_of(text) or institution_of(text):
                continue
            if end - start > 1 and is_company_word(doc[end - 1]):
                continue  # "Nordwind Airlines" read as a person
            spans[(start, end)] = gender
        # A name the article writes as a place ("in Little Havana") is no person's anywhere.
        places = {
            key(view.span_text(s, e))
            for s, e in spans
            if doc[s:e].root.dep_ == "pobj" and doc[s:e].root.head.lower_ in PLACE_PREPOSITIONS
        }
        if places:
            spans = {
                (s, e): g
                for (s, e), g in spans.items()
                if key(view.span_text(s, e)) not in places or g is not None
            }
        # Names after a title, whatever the entity recogniser made of them.
        title_end = 0
        for i in range(len(words)):
            if i < title_end:  # inside a longer title: "Chief [Executive Officer]"
                continue
            found = self.titles.starting_at(i, len(words))
            if found is None:
                continue
            name = self.name_after(found[0])
            if (
                name is not None
                and doc[i].ent_type_ == "ORG"
                and doc[i].ent_iob_ == "B"
                and doc[name[1] - 1].ent_type_ == "ORG"
                and doc[name[1] - 1].ent_iob_ == "I"
                and (name[1] == len(doc) or doc[name[1]].ent_iob_ != "I")
            ):
                continue  # a company named with a title word: "General Motors", "General Electric"
            if name is not None and self.names_a_body(view.span_text(i, name[1])):
                continue  # "General Assembly" is a body, not General Assembly the officer
            title_end = found[0]
            self.people.title_tokens.update(range(i, found[0]))
            if not words[i][:1].isupper():
                continue
            if name is None:
                continue
            if not any(s <= name[0] < e or name[0] <= s < name[1] for s, e in spans):
                low = words[found[0]].lower()
                spans[name] = HONORIFICS.get(low)
        # Surnames the recogniser missed or mislabelled ("Tillerson" as ORG), with the given names
        # written before them ("Ivanka Trump" when only "Donald Trump" was found).
        surnames = {surname_key(view.span_text(s, e).split()) for s, e in spans}
        covered = {i for s, e in spans for i in range(s, e)}
        for i, word in enumerate(words):
            if i in covered or not word[:1].isupper() or surname_key([word]) not in surnames:
                continue
            if (
                view.sent_start[i]
                and view.pos[i] != "PROPN"
                and view.dep[i] not in ("nsubj", "nsubjpass")
            ):
                continue  # "Young people protested" in an article about John Young
            begin = i
            while (
                begin > 0
                and i - begin < 3
                and begin - 1 not in covered
                and self.is_name_word(begin - 1)
                and words[begin - 1].lower() not in self.lex.words_of_titles
            ):
                begin -= 1
            spans[(begin, i + 1)] = None
            covered.update(range(begin, i + 1))
        return spans

    def run(self) -> None:
        """Join the names into people: full names first (by surname and compatible given names),
        then bare surnames; then the title hints, the mentions in text order and the aliases."""
        view, people = self.view, self.people
        mentions = people.mentions
        occurrences = sorted(self.name_spans().items())
        persons: list[Person] = []
        surname_index: dict[str, list[int]] = {}
        pending: list[tuple] = []
        for (start, end), gender in occurrences:
            words = view.span_text(start, end).split()
            title, country, org = self.describe(start, end)
            if len(words) < 2:
                pending.append((start, end, gender, title, country, org))
                continue
            surname = surname_key(words)
            index = None
            for candidate in surname_index.get(surname, []):
                if compatible(persons[candidate].words, words):
                    index = candidate
                    break
            if index is None and surname not in surname_index:
                # "Juan Miguel" after "Juan Miguel Gonzalez": the given names of one named before
                longer = [
                    n
                    for n, known in enumerate(persons)
                    if len(known.words) > len(words)
                    and [key(w) for w in known.words[: len(words)]] == [key(w) for w in words]
                ]
                index = longer[0] if len(longer) == 1 else None
            if index is None:
                index = len(persons)
                persons.append(Person(" ".join(words), words, surname))
                surname_index.setdefault(surname, []).append(index)
            person = persons[index]
            if len(words) > len(person.words):
                person.name, person.words = " ".join(words), words
            self.update(person, title, country, gender, org)
            mentions.append(NameMention(start, end, index, True))

        pending.sort()

        for start, end, gender, title, country, org in pending:
            surname = surname_key(view.span_text(start, end).split())
            candidates = surname_index.get(surname, [])
            if not candidates:  # a child or a figure called by the given name alone: "Elian"
                candidates = [
                    n
                    for n, known in enumerate(persons)
                    if len(known.words) > 1 and key(known.words[0]) == surname
                ][:2]
                candidates = candidates if len(candidates) == 1 else []
            if not candidates:
                index = len(persons)
                words = view.span_text(start, end).split()
                persons.append(Person(" ".join(words), words, surname))
                surname_index[surname] = [index]
                candidates = [index]
            if len(candidates) == 1:
                index = candidates[0]
            else:
                index = self.most_recent_explicit(candidates, start)
            if index is not None:
                self.update(persons[index], title, country, gender, org)
            mentions.append(NameMention(start, end, index, False))

        for mention in mentions:  # "X, who lives in Cuba", "X, a native of Kenya"
            person = persons[mention.person] if mention.person is not None else None
            if person is not None and person.country is None:
                person.country = self.affiliations.residence(mention.start, mention.end)
        for mention in mentions:  # "Elian's return to Cuba": home
            person = persons[mention.person] if mention.person is not None else None
            if person is not None and person.country is None and person.title is None:
                person.country = self.affiliations.home_returned_to(mention.start, mention.end)
        for person in persons:
            if person.country is None and person.hint and view.named.mentions_country(person.hint):
                person.country = person.hint
        mentions.sort(key=lambda m: m.start)
        coreference = Coreference(view, people)
        for mention in mentions:
            if mention.person is not None:
                gender, child = coreference.described(mention.start, mention.end)
                person = persons[mention.person]
                person.gender = person.gender or gender
                person.child = person.child or child
        for n, mention in enumerate(mentions):
            for i in range(mention.start, mention.end):
                people.token_mention[i] = n
            person = persons[mention.person] if mention.person is not None else None
            text = view.span_text(mention.start, mention.end)
            if person is not None and text != person.name and text not in person.aliases:
                person.aliases.append(text)
        people.persons = persons

    def most_recent_explicit(self, candidates: list[int], before: int) -> int | None:
        """Of several people sharing a surname, the one named in full last before doc[before]."""
        best = None
        for mention in self.people.mentions:
            if (
                mention.explicit
                and mention.person in candidates
                and mention.start < before
                and (best is None or mention.start > best.start)
            ):
                best = mention
        return best.person if best is not None else None

    def update(
        self,
        person: Person,
        title: str | None,
        country: str | None,
        gender: str | None,
        org: Organization | None = None,
    ) -> None:
        """What a mention says about its person: title and sector, country, organisation, gender
        (the first of each wins, but a title given with a country replaces one without)."""
        if title is not None:
            sector, hint = self.lex.titles[key(title)]
            gender = gender or self.lex.title_gender.get(key(title))
            if person.title is None or (country and person.country is None):
                person.title = " ".join(w if w.isupper() else w for w in title.split())
                person.sector = sector
            if hint and person.hint is None:
                person.hint = hint
        if country and person.country is None:
            person.country = country
        if org is not None and person.organization is None:
            person.organization = org
        if gender and person.gender is None:
            person.gender = gender
