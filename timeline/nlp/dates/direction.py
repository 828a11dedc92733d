"""The direction of an underspecified date ("on Tuesday", "in March"): whether it lies ahead of
the publication time or behind it.

In order: a date named before a noun ("Wednesday's ruling", "a June agreement") is past unless
awaited ("ahead of Tuesday's vote"); "said Monday" is the day of the saying; past perfect just
before reads back; "until" / "through" after a present perfect or a deadline given reads ahead;
then words just before ("as soon as", "by" -> future, unless "by" closes an act done: "crews
restored power by Monday"; "as of", "since" -> past); then the tense and aspect of the governing
verb when a spaCy Doc is given (the date of a happening nobody schedules, "a man is in custody
after a shooting Monday", is past even in a present-tense sentence); else such a happening named
next to the date ("the Monday morning crash"), else cue words of the clause
(timeline/data/dates_tense_cues.tsv, "-ed" verbs, "decided to", "plans to" after the date).

The word lists are data (timeline/data/dates_*.tsv, `lexicons.direction_words`); the closed-class
words written in the patterns and conditions below (auxiliaries, modals, prepositions,
determiners) are the grammar of those patterns.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from timeline.nlp.dates.lexicons import alternation, direction_words, lexicons

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from timeline.nlp.dates.rules.rule import Context

_PAST_VERB = re.compile(r"^[a-z]+ed$")
_CLAUSE_BREAK = re.compile(r"[;:!?\n]|(?<!\.m)(?<!\b[A-Z])(?<!Mr|Ms|Dr|St)\.(?=\s|$)")
_PAST_TAIL = re.compile(r"\b(?:as\s+of|since|until\s+now)\s+(?:last\s+)?\Z", re.I)
_FUTURE_TAIL = re.compile(
    r"\b(?:as\s+(?:soon|early)\s+as|no\s+later\s+than|by)\s+(?:next\s+)?\Z", re.I
)
_BY_TAIL = re.compile(r"\bby\s+\Z", re.I)
_PAST_PERFECT = re.compile(r"\bhad\b(?!\s+to\b)(?![^;:.!?]*\b(?:will|would|shall)\b)", re.I)
_POSSESSIVE = re.compile(r"['’]s\b")
_ARTICLE_TAIL = re.compile(r"\b(?:a|an)\s+\Z", re.I)
_UNTIL_TAIL = re.compile(
    r"\b(?:until|till|through)\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.\s?m\.\s*(?:[A-Z]{2,3}\s+)?)?\Z",
    re.I,
)
_PERFECT_OR_PRESENT = re.compile(
    r"\b(?:has|have|'ve|is|are)\s+(?:(?:also|now|been|already)\s+)*[a-z]+(?:ed|en|n)\b", re.I
)


@cache
def _said_before() -> re.Pattern[str]:
    """ "officials said (on) Monday", "told reporters Monday": the day of the saying. "told"
    counts with its recipient (an audience, or a name)."""
    said = alternation(direction_words().said_verbs)
    return re.compile(
        rf"\b(?:told\s+(?:reporters|journalists|parliament|lawmakers|[A-Z]\w+)|{said})"
        r"\s+(?:on\s+)?\Z"
    )


@cache
def _noun_after() -> re.Pattern[str]:
    """A noun after the date, unless it names something awaited ("a June deadline")."""
    awaited = alternation(direction_words().awaited_nouns)
    return re.compile(rf"\s+(?!(?:{awaited})\b)[a-z]{{3,}}\b")


@cache
def _awaiting_before() -> re.Pattern[str]:
    awaiting = alternation(direction_words().awaiting_words)
    return re.compile(rf"\b(?:{awaiting})\s+(?:the\s+)?\Z", re.I)


@cache
def _deadline_given() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(direction_words().deadline_verbs)})\b", re.I)


def direction_of(
    context: Context, start: int, end: int, default: str | None = "past"
) -> str | None:
    """'past' / 'future' for the expression at start..end of the text; `default` when nothing
    says."""
    direction = None
    text = context.text
    clause = _clause_before(text, start)
    if _POSSESSIVE.match(text, end) or (
        text[start].isupper() and _ARTICLE_TAIL.search(clause) and _noun_after().match(text, end)
    ):
        # "Wednesday's ruling", "a June agreement": the verb of the sentence does not date the
        # thing named; news names an event this way once it happened, unless it is awaited
        # ("ahead of Tuesday's vote")
        return "future" if _awaiting_before().search(clause) else "past"
    if _said_before().search(clause):
        return "past"  # "officials said Monday (that) ...": the day of the saying
    if _PAST_PERFECT.search(" ".join(clause.split()[-8:])):
        return "past"  # "had filed reports by Wednesday", "had been due to expire Friday"
    if _UNTIL_TAIL.search(clause) and (
        _PERFECT_OR_PRESENT.search(clause) or _deadline_given().search(clause)
    ):
        # "has given them until 9 a.m. Tuesday", "has extended loans through May", "gave the
        # company until mid-March": a deadline lies ahead of the act that sets it
        return "future"
    if _FUTURE_TAIL.search(text, max(0, start - 40), start):
        by = _BY_TAIL.search(text, max(0, start - 12), start)
        if by and _done_by(context, clause, by.start(), start, end):
            return "past"  # "crews restored power by Monday", "the fire was contained by Friday"
        return "future"  # "as soon as Tuesday", "by March", "must decide by Thursday"
    if _PAST_TAIL.search(text, max(0, start - 40), start):
        return "past"  # "as of February", "since Monday"
    if context.doc is not None:
        direction = _direction_from_parse(context.doc, text, start, end)
    if direction is None and _incident_next_to(text, start, end):
        return "past"  # "after a shooting Monday", "in the Monday morning crash"
    if direction is None:
        direction = _direction_from_cue_words(text, start, end)
    return direction or default


@cache
def _incident_words() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(direction_words().incident_nouns)})\b", re.I)


def _incident_next_to(text: str, start: int, end: int) -> bool:
    """Whether a noun of a happening nobody schedules names what the date dates: just before it
    ("a shooting Monday", "the crash early Friday") or just after it ("the Monday shooting")."""
    before = re.search(r"([A-Za-z-]+)\s+(?:on\s+)?\Z", text[max(0, start - 30) : start])
    if before and _incident_words().fullmatch(before.group(1)):
        return True
    after = re.match(r"\s+([A-Za-z-]+)", text[end : end + 30])
    return bool(after and _incident_words().fullmatch(after.group(1)))


def _done_by(context: Context, clause: str, by: int, start: int, end: int) -> bool:
    """Whether "by <date>" closes an act already done: its verb is a past tense and no word of
    intent or deadline ("promised", "ordered", "gave") makes the date one set ahead."""
    words_of = direction_words()
    ahead = words_of.intent_words | set(words_of.deadline_verbs)
    if context.doc is not None:
        verb = _governing_verb(context.doc, start, end)
        if verb is None or verb.lower_ in ahead or verb.lemma_ in ahead:
            return False
        return _direction_from_parse(context.doc, context.text, start, end) == "past"
    if any(word.lower() in ahead for word in re.findall(r"[A-Za-z]+", clause)):
        return False
    if re.search(r"\bto\s+[a-z]+\b", clause[: by - start + len(clause)]):
        return False  # "are supposed to conclude by May": an infinitive looks ahead
    return _direction_from_cue_words(context.text, by, end) == "past"


def future_tail_before(text: str, start: int) -> bool:
    """Whether "by", "as soon as", "no later than" ends the text just before `start`."""
    return _FUTURE_TAIL.search(text, max(0, start - 40), start) is not None


def _clause_before(text: str, start: int) -> str:
    """The words of the clause before `start`, back to a sentence or clause break."""
    window = text[max(0, start - 120) : start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window)), default=0)
    return window[cut:]


def _direction_from_cue_words(text: str, start: int, end: int) -> str | None:
    """'future' / 'past' from cue words before the expression in its clause (else just after
    it), None if no cue."""
    words_of = direction_words()
    lo = max(0, start - 120)
    window = text[lo:start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window)), default=0)
    words = re.findall(r"[A-Za-z']+|[’]ll", window[cut:])
    cues = lexicons().tense_cues
    if _FUTURE_TAIL.search(window):
        return "future"
    recent = [w.lower().replace("’", "'") for w in words[-10:]]
    for i in range(len(recent) - 1, -1, -1):
        low = recent[i]
        if low.endswith("'ll"):
            return "future"
        cue = cues.get(low)
        if low == "next" and i + 1 < len(recent) and recent[i + 1] == "to":
            continue  # "next to the embassy"
        if low == "set" and (i + 1 >= len(recent) or recent[i + 1] not in ("for", "to")):
            cue = "past"  # "a record high set on Aug. 6", but "set for Tuesday"
        past = cue == "past" or (
            cue is None
            and _PAST_VERB.match(low) is not None
            and low not in words_of.not_past_verbs
            and (i == 0 or recent[i - 1] not in words_of.before_adjective)  # "a still unspecified"
        )
        if past:
            # a participle after a modal or "to" ("will be held", "to be signed") is not past
            j = i - 1
            while j >= 0 and recent[j] in ("be", "been", "have", "not", "also", "still", "then"):
                j -= 1
            if j >= 0 and (
                recent[j] in ("will", "shall", "would", "to") or recent[j].endswith("'ll")
            ):
                return "future"
            return "past"
        if low == "to" and i > 0 and recent[i - 1] in words_of.intent_words:
            return "future"  # "did not plan to remove him on Thursday"
        if cue is not None:
            return cue
    after = text[end : min(len(text), end + 60)]
    stop = _CLAUSE_BREAK.search(after)
    after_words = re.findall(r"[A-Za-z']+", after[: stop.start()] if stop else after)
    for k, word in enumerate(after_words[:8]):
        low = word.lower()
        if low in ("will", "would", "is", "are") or low.endswith("'ll"):
            return "future" if low != "would" else None
        if cues.get(low) == "past":
            return "past"
        if cues.get(low) == "future" and low not in ("next", "set", "due", "would"):
            following = after_words[k + 1].lower() if k + 1 < len(after_words) else ""
            if not low.endswith("ed") and following == "to":  # not "planned", not "plans" (noun)
                return "future"  # "On Tuesday, the league plans to ..."
        if _PAST_VERB.match(low) and low not in words_of.not_past_verbs:
            return "past"
    return None


def _governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb the expression at start..end hangs on in the parse, if any."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _direction_from_parse(doc: Doc, text: str, start: int, end: int) -> str | None:
    """'future' / 'past' from the tense and aspect of the verb governing the expression."""
    if re.match(r"['’]s\b", text[end : end + 3]):
        return None  # "Tuesday's ruling": the verb of the sentence does not date it
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words_of = direction_words()
    token = span.root
    through_noun = False
    noun = None
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
        if token.lower_ in words_of.forward_words and token.pos_ != "VERB":
            return "future"  # "payable Dec. 15", "effective Feb. 1"
        if token.pos_ == "NOUN" and noun is None:
            noun = token
        through_noun = through_noun or token.pos_ == "NOUN"
    if noun is not None and noun.lower_ in words_of.incident_nouns and _present(token):
        return "past"  # "a man is in custody after a shooting Monday": named once it happened
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if through_noun and token.lemma_ in words_of.reporting_verbs and token.tag_ == "VBD":
        return None  # "told them of a cutback in September": the cutback is not dated by "told"
    return _tense_direction(token, span, through_noun)


def _present(verb: Token) -> bool:
    """Whether a verb is in the present: "is", "remains", "is charged" (no modal, no perfect);
    the root of a verbless headline counts as present."""
    if verb.pos_ not in ("VERB", "AUX"):
        return True
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBG" and not auxiliaries and verb.dep_ == "prep" and verb.head != verb:
        return _present(verb.head)  # "is dead following a crash Monday"
    if auxiliaries - {"is", "are", "am", "'s", "'re", "being", "do", "does"}:
        return False
    return verb.tag_ in ("VBZ", "VBP") or (
        verb.tag_ in ("VBN", "VBG") and bool(auxiliaries & {"is", "are", "am", "'s", "'re"})
    )


_SINGULAR_SUBJECT_TAGS = frozenset(("NN", "NNP"))


def _tense_direction(token: Token, span: Span, through_noun: bool, depth: int = 0) -> str | None:
    """'future' / 'past' from the tense and aspect of `token`, the verb governing `span`."""
    words_of = direction_words()
    children = list(token.children)
    auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "'ll", "shall", "wo", "going"} or token.lower_ in ("will", "'ll"):
        return "future"
    if auxiliaries & {"would", "could", "might", "may", "should", "can", "must"}:
        return None  # modal: the cue words decide
    if token.tag_ == "VB" and any(c.lower_ == "to" for c in children):
        # "plans to visit on Tuesday", "asked him to testify on Feb. 10", but not a purpose
        # clause of a past act: "staged celebrations to mark the entry on Friday"
        head = token.head
        intent = words_of.intent_words
        if head.i == token.i or head.lower_ in intent or head.lemma_ in intent:
            return "future"
        if head.pos_ in ("VERB", "AUX") and head.tag_ in ("VBD", "VBN"):
            return None
        return "future" if head.pos_ in ("VERB", "AUX", "ADJ") else None
    if token.tag_ == "VBD":
        # "postponed until Tuesday", "scheduled for Monday": the date lies ahead of the act
        if token.lower_ == "set" and not any(c.lower_ in ("for", "to") for c in children):
            return "past"  # "set Friday as the deadline", "set a record on Monday"
        if lexicons().tense_cues.get(token.lower_) != "future":
            return "past"
        # "postponed until Tuesday", "planned a rally on Saturday", but "On Friday, the
        # government planned to ...": a date put before the verb is the day of the planning
        head = span.root.head
        if span.root.i < token.i and head.lower_ not in words_of.forward_prepositions:
            return "past"
        return "future"
    if token.tag_ == "VBN":
        if token.lower_ == "set" and not any(c.lower_ in ("for", "to") for c in children):
            return "past"  # "the record set on Oct. 6", but "a summit set for April"
        if token.lower_ in words_of.forward_words or "to" in auxiliaries:
            return "future"  # "a summit set for April", "to be published in November"
        if auxiliaries & {"is", "are", "am", "'s", "'re"} and not auxiliaries & {"has", "have"}:
            return "future"  # present passive in news: "the case is heard in May"
        return "past"
    if token.tag_ in ("VBZ", "VBP"):
        if auxiliaries & {"has", "have", "'ve"}:
            return "past"
        if token.lemma_ in words_of.reporting_verbs:
            return "past"  # "the ministry says Monday": a report of what happened
        if (
            token.tag_ == "VBP"
            and token.lower_ in words_of.same_past_verbs
            and any(c.dep_ == "nsubj" and c.tag_ in _SINGULAR_SUBJECT_TAGS for c in children)
        ):
            return "past"  # "Weakness hurt the index on Friday": not a present, which agrees
        if through_noun:
            return None  # "properties, worth $130 million in October, are worth half now"
        return "future"  # news present: "arrives in Moscow on Tuesday"
    if token.tag_ == "VBG":
        if auxiliaries & {"is", "are", "'s", "'re", "am"}:
            return "future"
        if auxiliaries & {"was", "were"}:
            return "past"
        head = token.head
        if (
            depth < 3
            and not auxiliaries
            and token.dep_ in ("advcl", "xcomp", "conj", "acl")
            and head.i != token.i
            and head.pos_ in ("VERB", "AUX")
        ):
            # a participle clause takes the time of its verb: "has fluctuated, rising to a
            # high in June from $29.75 in March"
            return _tense_direction(head, span, through_noun, depth + 1)
    return None
