"""The rule for the TimeML reference values: "now", "currently" (PRESENT_REF), "recently", "in
the past" (PAST_REF), "the future" (FUTURE_REF), from timeline/data/dates_references.tsv."""

from __future__ import annotations

import re
from functools import cache

from timeline.nlp.dates.lexicons import alternation, context_words, lexicons
from timeline.nlp.dates.rules.rule import Candidate, Context, Resolution, Rule, RuleMatch
from timeline.records import DATE


@cache
def _not_a_time_after() -> dict[str, re.Pattern[str]]:
    """After "current" ("current account") and "now" ("now-defunct"): the words of
    dates_reference_exceptions.tsv that make them no time."""
    words = context_words().reference_exceptions
    return {
        "current": re.compile(rf"^\s+(?:{alternation(words['current'])})\b", re.I),
        "now": re.compile(rf"^(?:-|\s*[-–]?\s*(?:{alternation(words['now'])})\b)"),
    }


def reference_is_a_time(candidate: Candidate, text: str) -> bool:
    """Not "earlier" alone (it belongs to a larger expression), "current account", "now-defunct",
    or "future" before a noun ("future plans") unless after "the", "near" or "in"."""
    word = candidate.match.group("w").lower()
    if word == "earlier":
        return False
    after = _not_a_time_after()
    if word == "current" and after["current"].match(text[candidate.end : candidate.end + 20]):
        return False
    if word == "now" and after["now"].match(text[candidate.end : candidate.end + 12]):
        return False
    if word == "future":
        following = text[candidate.end : candidate.end + 20]
        if not re.match(r"^\s*(?:[.,;:)]|$)", following) and not re.search(
            r"\b(?:the|near|in)\s+$", text[max(0, candidate.start - 6) : candidate.start]
        ):
            return False
    return True


def resolve_reference(
    match: RuleMatch, context: Context, candidate: Candidate
) -> Resolution | None:
    phrase = re.sub(r"\s+", " ", match.group("w").lower().replace("’", "'"))
    return Resolution(DATE, lexicons().references[phrase])


REFERENCE = Rule(
    name="reference",
    pattern=lambda f: rf"\b{f.lead(f.lexicons.references)}(?P<w>{f.reference})\b",
    triggers=lambda lex: tuple({w.split()[0].replace("'", "") for w in lex.references}),
    checks=(reference_is_a_time,),
    resolve=resolve_reference,
    priority=390,
)

RULES = (REFERENCE,)
