"""Dates stage: find temporal expressions in English news text and resolve them to TIMEX3 values.

`find_time_expressions(text, anchor, doc)` recognizes absolute dates, relative dates, times of day,
durations, sets and the TimeML reference values with precompiled regular expressions over the raw
text (a rule runs only when one of its words occurs in the text; words that may precede a match,
such as "early" or "the past", are matched backwards from it), then resolves each against the
publication time `anchor`, in the anchor's own local date.

Text anchors: "the next day", "two days earlier", "a week later" count from the last day-precise
date resolved before them in the text ("on Tuesday", "March 3"); "the following year", "later that
month" from the last date of any precision. With no such date they count from the publication
time, or the article's own date line (anchor_source tells which).

Conventions (TimeML / TempEval-3):
- values: 2017-04-06, 2017-W15, 2017-W14-WE, 2017-03, 2017, 201 (decade), 19 (century), 2017-Q2,
  2017-H1, 2017-SP/SU/FA/WI, 2017-04-07TMO, 2017-04-07T15:00, P3Y, PXM, P10Y, PRESENT_REF ...
- intervals are inclusive calendar days: weeks run Monday..Sunday (ISO weeks), a weekend is
  Saturday..Sunday, seasons are meteorological (SP = Mar-May, SU = Jun-Aug, FA = Sep-Nov, and
  WI of year Y = Dec Y-1 .. Feb Y), a decade 201 = 2010-01-01..2019-12-31.
- mod START / MID / END narrow a month to days 1-10 / 11-20 / 21-end, a year to Jan-Apr / May-Aug /
  Sep-Dec, a decade to years 0-3 / 4-6 / 7-9 and a century to its three thirds. "about" and
  "over" stay outside the span, as TimeML draws it, but still give the mod (APPROX, MORE_THAN).
- durations of decades and centuries are written in years (P10Y, P30Y, PXY for "decades"), as
  the TimeML corpora annotate them; P1DE-style values are still understood by `granularity_of`.
- "year-end" is December 31 of the year (the last one after "since", "as of" or a past verb,
  as TimeBank writes "since year-end"); "by" stays outside the span.
- a half is written in the next smaller unit, as TimeBank writes it: "2 1/2 years" = P2Y6M,
  "an hour and a half" = PT1H30M.
- durations, sets and the *_REF values (PAST_REF included) have no interval: date_start =
  date_end = None.
- financial news: "the quarter", "a year earlier", "the year-ago period" follow the last quarter
  the text reports on (else the last completed quarter); a quarter not over by the publication
  time counts only when the text reports on it, not when it forecasts it ("will post a
  fourth-quarter loss"); "the year ended June 30" is a duration (P1Y).
- parts of the day stay in the value ("Tuesday morning" = 2017-04-11TMO, "Friday night" = ...TNI),
  as the TimeML guidelines and most TimeBank annotations write them.
- direction of underspecified dates (a bare weekday, month, month-day, season or holiday): see
  direction.py. With nothing to go on, a weekday or holiday is the most recent one (the usual
  reading in news) and a month or month-day the nearest one. "last Oct. 23" / "next Feb. 3" are
  the day before / after the anchor.
- TimeML annotates ranges ("from 2009 to 2011") as two dates, and so does this stage.

- a four-digit number is a year only when a date cue makes it one ("in 1935", "the 1935
  election") or it is near the publication; house numbers, blocks, labels, scores and amounts are
  not (rules/year_cues.py). A month in a person's name ("Jason January") and a capitalised
  "Today" in a title ("USA Today") are no dates.
- an article that opens with its own date line is read from that day (anchor_source
  "dateline"); a time of day falls on the day the text talks about there, a live blog's stamp on
  the blog's day (reference.py).

Modules: `recognition` (candidates, selection, the entry points), `reference` (the date line and
the day of a time of day), `rules/` (one object per rule, by family; `rules/year_cues.py`, when a
number is a year), `direction` (tense and cue words), `calendar` (intervals, granularities, unit
arithmetic, holidays), `quantities` (numbers, units, durations), `lexicons` (the word lists,
timeline/data/dates_*.tsv).
"""

from timeline.nlp.dates.calendar import granularity_of, interval_of
from timeline.nlp.dates.recognition import find_time_expressions, resolve_phrase

__all__ = ["find_time_expressions", "resolve_phrase", "interval_of", "granularity_of"]
