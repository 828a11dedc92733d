"""Coreference: which person or country a mention that does not name it refers to.

* A bare surname joins its person when the people are found (see `people`).
* Pronouns (he/him/his, she/her) join the most recent person earlier in the same sentence, else
  the subject of the nearest earlier sentence that names a person, else the most recent person;
  honorifics (Mr., Mrs.), gendered titles and describing nouns ("her son Tommy", "the boy, ...",
  person_nouns.tsv) give a gender that must agree; a child of unknown gender ("Tommy, 6,") is
  never "he" or "she", and a person described without a name as the subject of a clause before
  the pronoun ("The father said he ...") takes it from those named earlier. "I" in quoted speech
  is the subject of the speech verb.
* "The president", "the Russian minister" join the holder of that title named in the last few
  sentences; "the country", "his country" the country named last, or the person's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.nlp.lookup import key, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.actors.people import ArticlePeople, NameMention
    from timeline.nlp.article import ArticleView

# Grammar: the personal pronouns that refer to a person, by gender, and to the speaker
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
# Nouns that refer to a country named before ("the country") and the verbs whose subject says
# the "I" of a quotation: lexicon, in timeline/data
COUNTRY_NOUNS = word_set("country_nouns.tsv")
SPEAKER_VERBS = word_set("speech_verbs.tsv")
# Nouns describing a person by their name: the gender they give, and whether a child
PERSON_NOUNS = {
    noun: (gender if gender in ("m", "f") else None, child == "yes")
    for noun, gender, child in read_table("person_nouns.tsv")
}
CHILD_AGE = 13  # "Tommy Lopez, 6,": under this age, a child


class Coreference:
    """The referents of an article's pronouns, surnames, titles and "the country"."""

    def __init__(self, view: ArticleView, people: ArticlePeople) -> None:
        self.view = view
        self.people = people

    def person_named_at(self, i: int) -> int | None:
        """The person whose name covers doc[i]."""
        n = self.people.token_mention.get(i)
        return self.people.mentions[n].person if n is not None else None

    def person_at(self, token_index: int) -> int | None:
        """The person a token's mention (name or pronoun) refers to."""
        people = self.people
        n = people.token_mention.get(token_index)
        if n is not None:
            return people.mentions[n].person
        lower = self.view.lower[token_index]
        if self.view.pos[token_index] != "PRON":
            return None
        doc = self.view.doc
        if lower in MALE_PRONOUNS or lower in FEMALE_PRONOUNS:
            return self.antecedent(doc[token_index])
        if lower in FIRST_PERSON:
            return self.speaker(doc[token_index])
        return None

    def speaker(self, pronoun: Token) -> int | None:
        """ "I" in quoted speech: the person who says it, the subject of a speech verb in the
        same sentence, else in the next or the previous one ("'I think ...,' said McFaul")."""
        index = self.view.sentence_of[pronoun.i]
        sentences = self.view.sentences
        for n in (index, index + 1, index - 1):
            if not 0 <= n < len(sentences):
                continue
            for token in sentences[n]:
                if token.lemma_.lower() not in SPEAKER_VERBS or token.pos_ not in ("VERB", "AUX"):
                    continue
                # "Jobs started by hinting ..., saying": the subject of a governing verb.
                verb = token
                for _ in range(4):
                    found = self.subject_person(verb)
                    if found is not None:
                        return found
                    if verb.head.i == verb.i:
                        break
                    verb = verb.head
        # No speech verb: the subject of the sentence holding the quotation.
        return self.subject_person(sentences[index].root)

    def subject_person(self, verb: Token) -> int | None:
        """The person named by the subject of a verb."""
        people = self.people
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                mention = people.token_mention.get(child.i)
                if mention is not None and people.mentions[mention].person is not None:
                    return people.mentions[mention].person
        return None

    def antecedent(self, pronoun: Token) -> int | None:
        """The person a he/him/his or she/her pronoun refers to: one whose gender agrees (a child
        of unknown gender is none), unless a person the sentence describes without a name comes
        between ("The father said he would sue": not the boy named before)."""
        gender = "m" if pronoun.lower_ in MALE_PRONOUNS else "f"
        persons = self.people.persons

        def fits(mention: NameMention) -> bool:
            if mention.person is None:
                return False
            person = persons[mention.person]
            if person.gender is None:
                return not person.child
            return person.gender == gender

        subject = self.own_subject(pronoun)
        subject_mention = self.people.token_mention.get(subject) if subject is not None else None
        himself = (  # "Smith praised him": never Smith
            self.people.mentions[subject_mention].person if subject_mention is not None else None
        )
        if himself is None and subject is not None:  # "He praised him": never whom "he" is
            token = pronoun.doc[subject]
            if token.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:
                himself = self.antecedent(token)
        doc = self.view.doc
        earlier = [
            m
            for m in self.people.mentions
            if m.end <= pronoun.i
            and fits(m)
            and (himself is None or m.person != himself)
            and not self.names_a_thing(doc[m.start : m.end].root)
        ]
        if not earlier or self.unnamed_person_before(pronoun, earlier[-1].end):
            return None

        def agreeing(mentions: list[NameMention]) -> list[NameMention]:
            """Those whose gender is known to agree, when there are any."""
            known = [m for m in mentions if persons[m.person].gender == gender]
            return known or mentions

        sentence_of = self.view.sentence_of
        same = [m for m in earlier if sentence_of[m.start] == sentence_of[pronoun.i]]
        if same:
            return agreeing(same)[-1].person
        # The nearest earlier sentence that names someone: its subject first.
        last_sentence = sentence_of[earlier[-1].start]
        in_last = agreeing([m for m in earlier if sentence_of[m.start] == last_sentence])
        for mention in in_last:
            root = doc[mention.start : mention.end].root
            if root.dep_ in ("nsubj", "nsubjpass"):
                return mention.person
        return in_last[-1].person

    @staticmethod
    def names_a_thing(root: Token) -> bool:
        """Whether a name only says whose a thing is ("the Clinton administration", "the Castro
        government"): no person a pronoun can refer to."""
        return root.dep_ == "compound" and root.head.pos_ == "NOUN"

    @staticmethod
    def own_subject(pronoun: Token) -> int | None:
        """The subject of the clause a pronoun is the object of, which it never refers to
        ("Spitzer attacked him": not Spitzer; "himself" would be): its token index, or None."""
        verb = pronoun.head
        if pronoun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif pronoun.dep_ not in ("dobj", "dative", "iobj"):
            return None
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        return next((c.i for c in verb.children if c.dep_ == "nsubj"), None)

    def unnamed_person_before(self, pronoun: Token, after: int) -> bool:
        """Whether the subject of a clause of the pronoun's sentence, before it and after
        doc[after], is a person described without a name ("The father said he ...")."""
        view = self.view
        sentence = view.sentence(pronoun)
        for token in view.doc[max(sentence.start, after) : pronoun.i]:
            if (
                token.dep_ in ("nsubj", "nsubjpass")
                and token.pos_ == "NOUN"
                and token.lemma_.lower() in PERSON_NOUNS
                and self.people.token_mention.get(token.i) is None
            ):
                return True
        return False

    def described(self, start: int, end: int) -> tuple[str | None, bool]:
        """(gender, child) the words by a name give its person: a describing noun before it or
        in apposition ("her son Tommy", "The boy, Danny Ortiz", "Maria, the boy's mother"), an
        age under 13 after it ("Tommy Lopez, 6,")."""
        view = self.view
        doc, words = view.doc, view.words
        nouns = []
        if start > 0 and view.pos[start - 1] == "NOUN":
            nouns.append(doc[start - 1])  # "her son Tommy"
        root = doc[start:end].root
        if root.dep_ == "appos":
            nouns.append(root.head)  # "The boy, Danny Ortiz"
        nouns += [c for c in root.children if c.dep_ == "appos"]  # "Maria, the boy's mother"
        gender, child = None, False
        for noun in nouns:
            found = PERSON_NOUNS.get(noun.lemma_.lower())
            if found is not None:
                gender = gender or found[0]
                child = child or found[1]
        if end + 2 < len(words) and words[end] == "," and words[end + 1].isdigit():
            child = child or (int(words[end + 1]) < CHILD_AGE and words[end + 2] == ",")
        return gender, child

    def titled_person(self, title: str, country: str | None, before: int) -> int | None:
        """The person most recently mentioned before doc[before], in the same sentence or the
        three before it, whose title is `title` or ends with it ("minister" -> a foreign
        minister) and whose country, when one is asked for, is `country`."""
        sentence_of = self.view.sentence_of
        first_sentence = max(0, sentence_of[before] - 3)
        for mention in reversed(self.people.mentions):
            if mention.start >= before or mention.person is None:
                continue
            if sentence_of[mention.start] < first_sentence:
                break
            person = self.people.persons[mention.person]
            if person.title is None or (country is not None and person.country != country):
                continue
            held = key(person.title)
            if held == title or held.endswith(" " + title):
                return mention.person
        return None

    def recent_country(self, before: int) -> str | None:
        """The country named last before doc[before], within the three sentences before it:
        what "the country" refers to."""
        sentence_of = self.view.sentence_of
        first_sentence = sentence_of[before] - 3 if before < len(self.view.words) else 0
        for index, alpha3 in reversed(self.view.named.country_positions):
            if index < before:
                return alpha3 if sentence_of[index] >= first_sentence else None
        return None

    def country_noun(self, start: int, end: int) -> str | None:
        """ "the country", "the nation", "his country": the country it refers to."""
        view = self.view
        if end - start == 2 and view.tag[start] == "PRP$":
            start += 1  # "his country"
        if end - start != 1 or view.words[start].lower() not in COUNTRY_NOUNS or start == 0:
            return None
        before = view.doc[start - 1]
        if before.lower_ == "the":
            return self.recent_country(start)
        if before.tag_ == "PRP$" and before.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:
            person = self.antecedent(before)
            return self.people.persons[person].country if person is not None else None
        return None
