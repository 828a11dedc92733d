"""The word lists of the dates stage that used to be written in its code (now
timeline/data/dates_*.tsv): each parses, holds what its comment says, and drives the behaviour
it describes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from timeline.data import read_table
from timeline.nlp.dates import find_time_expressions, granularity_of
from timeline.nlp.dates.lexicons import context_words, direction_words, lexicons

APRIL_7 = datetime(2017, 4, 7, 14, 30, tzinfo=UTC)
TIMEX_MODS = {"START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE",
              "EQUAL_OR_LESS"}  # fmt: skip


def found(text: str) -> dict[str, tuple[str, str | None]]:
    return {e.text: (e.value, e.mod) for e in find_time_expressions(text, APRIL_7)}


# file -> its columns
NEW_FILES = {
    "dates_modifiers.tsv": ("phrase", "mod", "in_span"),
    "dates_ambiguous_months.tsv": ("word", "needs"),
    "dates_month_cues.tsv": ("word",),
    "dates_count_nouns.tsv": ("noun", "after"),
    "dates_number_labels.tsv": ("label",),
    "dates_time_zones.tsv": ("abbreviation",),
    "dates_frequencies.tsv": ("word", "value", "set_when"),
    "dates_function_words.tsv": ("word",),
    "dates_rate_words.tsv": ("word", "kind"),
    "dates_reference_exceptions.tsv": ("reference", "next_word"),
    "dates_not_past_verbs.tsv": ("word",),
    "dates_before_adjective.tsv": ("word",),
    "dates_intent_words.tsv": ("word",),
    "dates_said_verbs.tsv": ("verb",),
    "dates_forward_words.tsv": ("word",),
    "dates_forward_prepositions.tsv": ("word",),
    "dates_same_past_verbs.tsv": ("verb",),
    "dates_awaited_nouns.tsv": ("noun",),
    "dates_awaiting_words.tsv": ("phrase",),
    "dates_deadline_verbs.tsv": ("verb",),
}


@pytest.mark.parametrize("name", sorted(NEW_FILES))
def test_each_file_parses_with_its_columns_and_no_duplicate_rows(name: str) -> None:
    table = read_table(name)
    assert table.columns == NEW_FILES[name]
    assert len(table) > 0
    assert all(len(row) == len(table.columns) and all(row) for row in table), name
    assert len(set(table.rows)) == len(table.rows), name


def test_modifiers() -> None:
    modifiers = lexicons().modifiers
    assert set(mod for mod, _ in modifiers.values()) == TIMEX_MODS
    assert modifiers["early"] == modifiers["the beginning of"] == ("START", True)
    assert modifiers["mid"] == ("MID", True) and modifiers["the end of"] == ("END", True)
    assert modifiers["about"] == ("APPROX", False) and modifiers["over"] == ("MORE_THAN", False)
    assert modifiers["no more than"] == ("EQUAL_OR_LESS", True)
    assert found("in early March")["early March"] == ("2017-03", "START")
    assert found("for about three years")["three years"] == ("P3Y", "APPROX")  # left out
    assert found("for nearly three years")["nearly three years"] == ("P3Y", "LESS_THAN")


def test_ambiguous_months_and_their_cues() -> None:
    words = context_words()
    assert words.ambiguous_months == {"may": "cue", "march": "cue", "jan": "dot", "mar": "dot",
                                      "dec": "dot"}  # fmt: skip
    assert set(words.ambiguous_months) <= set(lexicons().months)
    assert {"in", "since", "mid", "early"} <= set(words.month_cues)
    assert found("They may March on Rome.") == {}
    assert found("They met in May.") == {"May": ("2016-05", None)}
    assert found("Jan Smith spoke.") == {}
    assert found("It ended in Dec and") == {}
    assert found("It ended in Dec. and") == {"Dec.": ("2016-12", None)}


def test_count_nouns_and_number_labels() -> None:
    nouns = context_words().count_nouns
    assert set(nouns) == {"digits", "words"}
    assert {"people", "troops", "barrels"} <= set(nouns["digits"])
    assert {"years", "people", "times"} <= set(nouns["words"])
    assert {"No.", "Flight", "Boeing", "A"} <= set(context_words().number_labels)
    assert found("About 2000 people and 1999 barrels, on Flight 2017 and Route 1998.") == {}
    assert found("It lasted two thousand years.") == {}
    assert found("In the year two thousand, prices fell.")["the year two thousand"][0] == "2000"


def test_time_zones() -> None:
    zones = lexicons().time_zones
    assert {"EST", "GMT", "UTC", "CET"} <= set(zones) and all(z.isupper() for z in zones)
    assert found("The polls closed at 8 p.m. EST.") == {"8 p.m. EST": ("2017-04-07T20:00", None)}


def test_frequencies_and_function_words() -> None:
    frequencies = lexicons().frequencies
    assert frequencies["weekly"] == ("P1W", "always")
    assert frequencies["annual"] == ("P1Y", "never")
    assert frequencies["quarterly"] == ("P3M", "alone")
    assert {when for _, when in frequencies.values()} == {"always", "alone", "never"}
    assert all(granularity_of(value, "SET") == "set" for value, _ in frequencies.values())
    assert {"of", "to", "and", "than"} <= context_words().function_words
    assert found("Dividends are paid quarterly to shareholders.") == {"quarterly": ("P3M", None)}
    assert found("It pays a quarterly dividend and an annual bonus.") == {}
    assert found("They meet weekly.") == {"weekly": ("P1W", None)}


def test_rate_words() -> None:
    rate_words = context_words().rate_words
    assert {"million", "percent", "%", "times"} <= set(rate_words["amount"])
    assert set(rate_words["frequency"]) == {"once", "twice"}
    assert found("They earn $5 million a year.") == {"a year": ("P1Y", None)}
    assert [e.type for e in find_time_expressions("$5 million a year", APRIL_7)] == ["SET"]


def test_reference_exceptions() -> None:
    exceptions = context_words().reference_exceptions
    assert set(exceptions) == {"current", "now"}
    assert set(exceptions) <= set(lexicons().references)
    assert "account" in exceptions["current"] and "defunct" in exceptions["now"]
    assert found("The current account deficit of the now defunct firm.") == {}
    assert found("The current situation.") == {"current": ("PRESENT_REF", None)}


def test_direction_word_lists() -> None:
    words = direction_words()
    assert all(word.endswith("ed") for word in words.not_past_verbs)
    assert {"plan", "agree", "deadline"} <= words.intent_words
    assert {"a", "the", "still"} <= words.before_adjective
    assert {"say", "report", "announce"} <= words.reporting_verbs
    assert {"said", "announced"} <= set(words.said_verbs)
    assert all(verb.endswith("ed") or verb == "said" for verb in words.said_verbs)
    assert {"payable", "effective", "scheduled"} <= words.forward_words
    assert {"until", "for", "by"} <= words.forward_prepositions
    assert {"hurt", "cut", "set"} <= words.same_past_verbs
    assert {"deadline", "vote", "election", "elections"} <= set(words.awaited_nouns)
    assert {"ahead of", "upcoming"} <= set(words.awaiting_words)
    assert {"gave", "extended"} <= set(words.deadline_verbs)


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("Officials announced Monday that the talks failed.", "Monday", "2017-04-03"),  # said
        ("Markets were calm ahead of Tuesday's vote.", "Tuesday", "2017-04-11"),  # awaiting
        ("The firm faces a June deadline.", "June", "2017-06"),  # awaited noun
        ("The firm is still bound by a June agreement.", "June", "2016-06"),  # other noun
        ("The agency gave the company until May to answer.", "May", "2017-05"),  # deadline
        ("Police do not plan to act on Thursday.", "Thursday", "2017-04-13"),  # intent
        ("Voters undecided in June.", "June", "2016-06"),  # an "-ed" word: a past
        ("The undecided vote in June.", "June", "2017-06"),  # after "the": an adjective
    ],
)
def test_direction_words_drive_the_direction(sentence: str, phrase: str, value: str) -> None:
    assert found(sentence)[phrase][0] == value
