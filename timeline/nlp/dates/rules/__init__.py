"""The rules of the dates stage, one object each (`rule.Rule`), by family:

- calendar_dates: ISO, slashed and written dates, months, years, decades, centuries;
- seasons_and_holidays: "last summer", "Christmas";
- quarters: the quarters and halves of financial news, "year-ago", "year-end";
- relative_dates: "today", weekdays, "last week", "the following year";
- durations_and_sets: "three years", "two days ago", "weekly", "every two weeks";
- times_of_day: clock times, noon, parts of the day;
- references: "now", "recently", "the future".

A new rule is one `Rule` in its family's module, listed in that module's RULES.
"""

from __future__ import annotations

from timeline.nlp.dates.rules import (
    calendar_dates,
    durations_and_sets,
    quarters,
    references,
    relative_dates,
    seasons_and_holidays,
    times_of_day,
)
from timeline.nlp.dates.rules.rule import Rule

ALL_RULES: tuple[Rule, ...] = (
    *calendar_dates.RULES,
    *seasons_and_holidays.RULES,
    *quarters.RULES,
    *relative_dates.RULES,
    *durations_and_sets.RULES,
    *times_of_day.RULES,
    *references.RULES,
)
