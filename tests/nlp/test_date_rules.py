"""The rules of the dates stage: every rule is one complete object (patterns, triggers, checks,
resolver, priority), listed once; the checks and helpers that replaced the old private ones."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from timeline.nlp.dates import find_time_expressions
from timeline.nlp.dates.calendar import calendar_date, holiday_date, require_calendar_year
from timeline.nlp.dates.recognition import compiled_rules, find_candidates, select_candidates
from timeline.nlp.dates.rules import (
    ALL_RULES,
    calendar_dates,
    durations_and_sets,
    quarters,
    references,
    relative_dates,
    seasons_and_holidays,
    times_of_day,
)
from timeline.nlp.dates.rules.checks import month_full_names, month_name_capitalised
from timeline.nlp.dates.rules.rule import Rule

FAMILIES = [
    calendar_dates, durations_and_sets, quarters, references, relative_dates,
    seasons_and_holidays, times_of_day,
]  # fmt: skip
APRIL_7 = datetime(2017, 4, 7, 14, 30, tzinfo=UTC)


def test_every_rule_is_complete() -> None:
    for rule in ALL_RULES:
        assert re.fullmatch(r"[a-z_]+", rule.name), rule
        assert rule.pattern, rule.name
        assert callable(rule.resolve) and rule.resolve.__name__.startswith("resolve_"), rule.name
        assert isinstance(rule.priority, int), rule.name
        assert all(callable(check) for check in rule.checks), rule.name
        assert rule.before or not rule.before_required, rule.name


def test_names_and_priorities_are_unique() -> None:
    assert len({rule.name for rule in ALL_RULES}) == len(ALL_RULES)
    assert len({rule.priority for rule in ALL_RULES}) == len(ALL_RULES)


def test_every_rule_object_of_a_family_is_listed_once() -> None:
    for family in FAMILIES:
        defined = {id(v) for v in vars(family).values() if isinstance(v, Rule)}
        assert defined == {id(rule) for rule in family.RULES}, family.__name__
    assert len({id(rule) for rule in ALL_RULES}) == len(ALL_RULES)


def test_patterns_compile_and_triggers_are_lower_case() -> None:
    compiled = compiled_rules()
    assert [c.rule for c in compiled] == list(ALL_RULES)
    for c in compiled:
        assert c.core.flags & re.IGNORECASE
        if c.before is not None:
            assert c.before.pattern.endswith(r"\Z")
        if c.triggers is not None:
            assert c.triggers and all(t == t.lower() for t in c.triggers), c.rule.name


def test_every_rule_with_a_month_name_checks_its_capital() -> None:
    for c in compiled_rules():
        if "month" in c.core.groupindex:
            assert month_name_capitalised in c.rule.checks, c.rule.name


def _selected(text: str) -> list[tuple[str, str]]:
    selected = select_candidates(text, find_candidates(text))
    return [(text[c.start : c.end], c.rule.name) for c in selected]


def test_longest_candidate_wins_then_priority() -> None:
    assert _selected("on March 3, 2017") == [("March 3, 2017", "month_day")]
    # same span: "a week" is a duration (270) before a set (300)
    assert _selected("They meet once a week.") == [("a week", "duration")]


def test_checks_reject_words_that_are_not_dates() -> None:
    assert _selected("The minister may march on the capital.") == []
    assert _selected("We read the Sun and Wed in June.") == [("June", "month")]
    assert _selected("the fall of the Berlin Wall") == []
    assert _selected("the quarterly dividend") == []
    assert _selected("the current account") == []


def test_month_full_names_are_the_longest_word_of_each_month() -> None:
    assert len(month_full_names()) == 12
    assert {"may", "june", "july", "september"} <= month_full_names()
    assert not {"sept", "jun", "dec"} & month_full_names()


def test_impossible_dates_of_a_text_are_not_dates() -> None:
    assert calendar_date(2017, 2, 30) is None and calendar_date(0, 1, 1) is None
    assert calendar_date(2016, 2, 29) == date(2016, 2, 29)
    text = "Filed on 2017-02-30, 02/30/2017, February 30, 2017 and 31 April."
    assert find_time_expressions(text, APRIL_7) == []


def test_years_past_the_calendar_raise_overflow_error() -> None:
    assert require_calendar_year(9999) == 9999
    with pytest.raises(OverflowError):
        require_calendar_year(10000)
    with pytest.raises(OverflowError):
        holiday_date("christmas", 0)


def test_dates_shifted_past_the_calendar_have_no_value() -> None:
    end_of_time = datetime(9999, 12, 31, 12, tzinfo=UTC)
    found = find_time_expressions("He left tomorrow, next Christmas and last week.", end_of_time)
    assert [(e.text, e.value) for e in found] == [("last week", "9999-W51")]
