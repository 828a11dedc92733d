"""The narrative's reference time: when a frame that names no time of its own happened.

News tells a story from a reference time, and a clause without a time adverbial keeps the one
its tense points to (Reichenbach's reference time):

- a past act ("the man fled on foot") happened at the narrative's current reference time: the
  last day a past-tense clause of the paragraph named ("officers found him Monday morning";
  a past perfect's day is the time it looks back from: "until yesterday, the US had avoided
  strikes"), else the story's day, the day the lede's news happened ("a man was arrested early
  Saturday");
- a statement ("police said", and a refusal to tell: "declined to comment") was made on the day
  the same speaker was last quoted with one ("Smith said in an interview Monday. ... Smith
  added"); never on the day of another speaker's statement, of the acts it tells about (an appeal
  for witnesses is not made at the time of the crime), nor on the story's day alone;
- a plan ("will vote") takes a day ahead that the paragraph named for what is to come;
- what is so now (present tense), what has been (present perfect) and what had been before the
  story (past perfect) take none: they are dated by the publication.

A past day far from the story (a year, a month long ago: "the mill opened in 1925") is the
reference time of the next sentence only; a day near the reference time holds until the paragraph
ends or another replaces it. Nothing earlier than `STORY_WINDOW` days before the reference day
(the article's date line, else its publication) and nothing after it makes the story's day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.nlp.coding import RULE_CODES
from timeline.nlp.dates.lexicons import direction_words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.article import ArticleView
    from timeline.nlp.frames.predicates import EventFrame
    from timeline.records import TimeExpression

STORY_WINDOW = 7  # days before the reference day a story's day may lie
NEWS_WINDOW = 31  # days before it a reference time holds past the next sentence
LEDE_SENTENCES = 3  # the sentences the story's day is looked for in

_FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
_MODALS = frozenset({"would", "could", "might", "may", "should", "can", "must", "'d"})
_PAST_AUXILIARIES = frozenset({"was", "were", "did"})
_PRESENT_AUXILIARIES = frozenset({"is", "are", "am", "'s", "'re", "do", "does"})
_STORY_TENSES = frozenset({"past", "past perfect", "present", None})
_DAY_GRANULARITIES = frozenset({"day", "part_of_day", "hour", "minute", "second"})


@cache
def intents() -> frozenset[str]:
    """Verbs whose infinitive lies ahead of them ("plan to", "agree to"; dates_intent_words.tsv),
    unlike "failed to", "tried to"."""
    return direction_words().intent_words


def tense_of(token: Token, depth: int = 0) -> str | None:
    """The tense of a predicate: "past", "past perfect", "present perfect", "present",
    "future", "modal", or None (no verb governs it: a headline's noun). An event noun takes
    its verb's; a participle or infinitive joined to a verb, that verb's."""
    if token.pos_ not in ("VERB", "AUX"):
        head = token.head
        if head == token or depth > 10:
            return None
        return tense_of(head, depth + 1)
    children = list(token.children)
    auxiliaries = {c.lower_.replace("’", "'") for c in children if c.dep_ in ("aux", "auxpass")}
    if "to" in auxiliaries and token.tag_ == "VB":
        head = token.head
        if head == token or head.pos_ not in ("VERB", "AUX") or head.lemma_ in intents():
            return "future"  # "agreed to meet", "a visit to meet with counterparts": ahead
        if depth < 10:
            return tense_of(head, depth + 1)  # "failed to overthrow", "tried to flee"
    if auxiliaries & _FUTURE_AUXILIARIES or token.lower_ in _FUTURE_AUXILIARIES:
        return "future"
    if "going" in auxiliaries and any(c.lower_ == "to" for c in children):
        return "future"
    if auxiliaries & _MODALS:
        return "modal"
    if auxiliaries & {"had"}:
        return "past perfect"
    if auxiliaries & {"has", "have", "'ve"}:
        return "present perfect"
    if token.tag_ == "VBD" or auxiliaries & _PAST_AUXILIARIES:
        return "past"
    if token.tag_ in ("VBZ", "VBP") or auxiliaries & _PRESENT_AUXILIARIES:
        return "present"
    head = token.head
    if head != token and depth < 10 and token.dep_ in ("conj", "xcomp", "advcl", "acl", "ccomp"):
        return tense_of(head, depth + 1)  # "was arrested and charged", "fled, leaving"
    return None


@cache
def telling_verbs() -> frozenset[str]:
    """timeline/data/dating_telling_verbs.tsv: "declined to comment" is a statement's refusal."""
    return frozenset(row[0] for row in read_table("dating_telling_verbs.tsv"))


def is_statement(frame: EventFrame, statement_codes: frozenset[str]) -> bool:
    """A statement, a demand or appeal made by saying ("said the government must resign"), or a
    refusal to tell ("declined to comment", "refused to say"): dated when it was told, not by
    the acts it is about."""
    if frame.code[:2] in statement_codes:
        return True
    if (  # "said the government must resign": a demand made by saying
        frame.clause.lemma_.lower() in direction_words().reporting_verbs
        and frame.code[:2] in RULE_CODES.demand_clause
    ):
        return True
    action = frame.action if frame.action is not None else frame.clause
    return any(
        c.dep_ == "xcomp" and c.lemma_.lower() in telling_verbs() for c in action.children
    ) or (frame.action is not None and frame.action.lemma_.lower() in telling_verbs())


@dataclass
class _Time:
    """A reference time: the expression, the sentence that named it, whether it holds beyond
    the next sentence."""

    expression: TimeExpression
    sentence: int
    holds: bool


class Narrative:
    """The reference times of one article, read sentence by sentence in text order."""

    def __init__(
        self,
        view: ArticleView,
        reference: date | None,
        statement_codes: frozenset[str],
        attached: dict[int, list[TimeExpression]],
        statements: set[int],
    ) -> None:
        self.view = view
        self.reference = reference
        self.statement_codes = statement_codes
        self.statements = statements  # the tokens of statements' predicates
        self.paragraph = -1
        self.sentence = -1
        self.past: _Time | None = None  # the paragraph's reference time for past acts
        self.ahead: _Time | None = None  # the paragraph's day ahead, for plans
        self.quoted: dict[str, TimeExpression] = {}  # speaker -> the day of their last dated quote
        # the expressions of each sentence, with the predicate each hangs on
        self.by_sentence: dict[int, list[tuple[Token, TimeExpression]]] = {}
        doc = view.doc
        for i, exprs in attached.items():
            for expr in exprs:
                self.by_sentence.setdefault(view.sentence_of[i], []).append((doc[i], expr))
        self.story = self._story_day()

    def near(self, expr: TimeExpression | None) -> bool:
        """Whether a day lies within the story's window before the reference day."""
        return expr is not None and self._near(expr, STORY_WINDOW)

    def _near(self, expr: TimeExpression, days: int) -> bool:
        if self.reference is None or expr.date_start is None or expr.date_end is None:
            return False
        return (
            expr.date_end <= self.reference
            and expr.date_start >= self.reference - timedelta(days=days)
            and expr.granularity in _DAY_GRANULARITIES
        )

    def _story_day(self) -> TimeExpression | None:
        """The day the lede's news happened: its first day near the reference day that a past or
        present clause (or a headline) names."""
        for sentence in self.lede():
            for token, expr in sorted(self.by_sentence.get(sentence, ()), key=lambda p: p[1].start):
                if expr.anchor_source == "dateline" and expr.anchor.date() == expr.date_start:
                    continue  # the article's own date line: the day it is written, not its news
                tense = tense_of(token)
                if self._near(expr, STORY_WINDOW) and tense in _STORY_TENSES:
                    return expr
        return None

    def lede(self) -> list[int]:
        """The first `LEDE_SENTENCES` sentences that say something: blank lines and the date
        line ("SPRINGFIELD (AP) --") before the first are no sentences of the story."""
        dateline_end = self.view.dateline_end
        lede = []
        for n, sentence in enumerate(self.view.sentences):
            if len(lede) == LEDE_SENTENCES:
                break
            written = sentence.start_char + len(sentence.text.rstrip())
            if written <= dateline_end or not any(t.is_alpha for t in sentence):
                continue
            lede.append(n)
        return lede

    def enter(self, frame: EventFrame) -> None:
        """Move the reading to the frame's sentence: the times of the sentences read on the way
        become the reference times."""
        sentence = self.view.sentence_of[frame.trigger.i]
        while self.sentence < sentence:
            self._leave_sentence()
            self.sentence += 1
            start = self.view.sentences[self.sentence].start_char
            if self.view.paragraph_index(start) != self.paragraph:
                self.paragraph = self.view.paragraph_index(start)
                self.past = self.ahead = None

    def _leave_sentence(self) -> None:
        """The reference times a sentence sets for the ones after it; a far past one lasts one
        sentence."""
        if self.past is not None and not self.past.holds and self.past.sentence < self.sentence:
            self.past = None
        if self.sentence < 0:
            return
        for token, expr in sorted(
            self.by_sentence.get(self.sentence, ()), key=lambda p: p[1].start
        ):
            tense = tense_of(token)
            if self.reference is None or expr.date_start is None:
                continue
            if token.dep_ in ("relcl", "acl"):
                continue  # "Ritter, who arrived Thursday, ...": background, not the story's line
            said = token.i in self.statements
            if said and not self._near(expr, STORY_WINDOW):
                continue  # "relatives said last week": when it was told, not when it happened
            if tense in ("past", "past perfect", "present") and expr.date_start <= self.reference:
                # a past perfect's time is the reference time it looks back from: "until
                # yesterday, the US had avoided striking" (the strikes came yesterday)
                if tense != "present" or token.pos_ == "NOUN":  # "the attack Monday" in a
                    # present sentence, not a schedule ("is open noon to 9 p.m. Sunday")
                    # a statement's recent day dates what the next sentence reports
                    holds = self._near(expr, NEWS_WINDOW) and not said
                    self.past = _Time(expr, self.sentence, holds)
            elif tense in ("future", "modal", "present") and expr.date_start > self.reference:
                self.ahead = _Time(expr, self.sentence, True)

    def time_of(self, frame: EventFrame) -> TimeExpression | None:
        """The reference time that dates a frame with no time in its sentence, if any."""
        tense = tense_of(frame.clause)
        if is_statement(frame, self.statement_codes):
            if tense not in ("past", None):
                return None
            for speaker in (a.name for a in frame.sources):
                if speaker in self.quoted:
                    return self.quoted[speaker]
            return None
        if tense == "past":
            if self.past is not None:
                return self.past.expression
            return self.story if frame.clause.dep_ != "acl" else None
        if tense in ("future", "modal"):
            return self.ahead.expression if self.ahead is not None else None
        if self.sentence == 0 and tense in (None, "present"):
            return self.story  # a headline: "Council approves budget", "Task force arrests 14"
        return None

    def record(self, frame: EventFrame) -> None:
        """What a dated statement, or any act of saying ("lashed out Sunday night, accusing
        them of abuse"), says of its speaker's next quotes."""
        if frame.time is None or not (
            is_statement(frame, self.statement_codes) or _verbal(frame.code)
        ):
            return
        if frame.date_source not in ("clause", "sentence", "context"):
            return
        if not self._near(frame.time, STORY_WINDOW):
            return  # "told him last year": a quote of the story's background
        for actor in frame.sources:
            self.quoted[actor.name] = frame.time


def _verbal(code: str) -> bool:
    """A CAMEO code of verbal cooperation or conflict (roots 01-05, 10-14): an act of saying."""
    root = int(code[:2]) if code[:2].isdigit() else 0
    return 1 <= root <= 5 or 10 <= root <= 14
