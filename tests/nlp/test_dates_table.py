"""Expression / anchor / expected TIMEX3 value table for timeline.nlp.dates.resolve_phrase.

Anchors (publication times): A 2017-04-07 (a Friday, ISO week 14), B 2020-12-31 (Thursday,
2020-W53), C 2021-01-01 (Friday, still 2020-W53), D 2016-02-29 (leap day, a Monday), E 2019-12-30
(Monday, already 2020-W01), F 2018-01-01 (Monday, 2018-W01), G 1998-08-07 (Friday), H 2017-12-15
(Friday, December), J 2017-04-07 23:30 at UTC-5 and K 2017-04-08 01:00 at UTC+9 (the local date,
not UTC, is the anchor day).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from timeline.nlp.dates import find_time_expressions, resolve_phrase

UTC = UTC
ANCHORS = {
    "A": datetime(2017, 4, 7, 12, 0, tzinfo=UTC),
    "B": datetime(2020, 12, 31, 9, 0, tzinfo=UTC),
    "C": datetime(2021, 1, 1, 9, 0, tzinfo=UTC),
    "D": datetime(2016, 2, 29, 9, 0, tzinfo=UTC),
    "E": datetime(2019, 12, 30, 9, 0, tzinfo=UTC),
    "F": datetime(2018, 1, 1, 9, 0, tzinfo=UTC),
    "G": datetime(1998, 8, 7, 9, 0, tzinfo=UTC),
    "H": datetime(2017, 12, 15, 9, 0, tzinfo=UTC),
    "J": datetime(2017, 4, 7, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
    "K": datetime(2017, 4, 8, 1, 0, tzinfo=timezone(timedelta(hours=9))),
}

# phrase | anchor | value [| mod]
TABLE = """
today | A | 2017-04-07
Today | A | 2017-04-07
yesterday | A | 2017-04-06
tomorrow | A | 2017-04-08
tonight | A | 2017-04-07TNI
this morning | A | 2017-04-07TMO
this afternoon | A | 2017-04-07TAF
this evening | A | 2017-04-07TEV
last night | A | 2017-04-06TNI
yesterday morning | A | 2017-04-06TMO
yesterday afternoon | A | 2017-04-06TAF
tomorrow evening | A | 2017-04-08TEV
late yesterday | A | 2017-04-06 | END
this week | A | 2017-W14
next week | A | 2017-W15
last week | A | 2017-W13
this month | A | 2017-04
next month | A | 2017-05
last month | A | 2017-03
this year | A | 2017
next year | A | 2018
last year | A | 2016
this quarter | A | 2017-Q2
next quarter | A | 2017-Q3
last quarter | A | 2017-Q1
the current quarter | A | 2017-Q2
this weekend | A | 2017-W14-WE
next weekend | A | 2017-W15-WE
last weekend | A | 2017-W13-WE
this decade | A | 201
last decade | A | 200
this century | A | 20
two days ago | A | 2017-04-05
three weeks ago | A | 2017-W11
a month ago | A | 2017-03
two months ago | A | 2017-02
two years ago | A | 2015
a year ago | A | 2016
a decade ago | A | 200
five days from now | A | 2017-04-12
ten days ago | A | 2017-03-28
six months ago | A | 2016-10
about two years ago | A | 2015 | APPROX
last Tuesday | A | 2017-04-04
next Tuesday | A | 2017-04-11
this Tuesday | A | 2017-04-04
last Friday | A | 2017-03-31
next Friday | A | 2017-04-14
Tuesday | A | 2017-04-04
Friday | A | 2017-04-07
Saturday | A | 2017-04-01
Thursday | A | 2017-04-06
Monday | A | 2017-04-03
Sunday | A | 2017-04-02
Wednesday | A | 2017-04-05
Tuesday morning | A | 2017-04-04TMO
Thursday night | A | 2017-04-06TNI
Wednesday afternoon | A | 2017-04-05TAF
April 7, 2017 | A | 2017-04-07
April 7, 2017 | B | 2017-04-07
7 April 2017 | A | 2017-04-07
7 April 2017 | C | 2017-04-07
the 7th of April 2017 | B | 2017-04-07
Apr. 7 | A | 2017-04-07
April 7th | A | 2017-04-07
April 3 | A | 2017-04-03
April 20 | A | 2017-04-20
Sept. 30 | A | 2017-09-30
Dec. 25 | A | 2016-12-25
June 1 | A | 2017-06-01
2017-04-07 | A | 2017-04-07
2017-04-07 | D | 2017-04-07
1998-08-07 | A | 1998-08-07
4/7/2017 | A | 2017-04-07
4/7/2017 | E | 2017-04-07
12/25/16 | A | 2016-12-25
7/8/07 | A | 2007-07-08
Tuesday, April 11, 2017 | A | 2017-04-11
Friday, Aug. 7, 1998 | G | 1998-08-07
Aug. 7, 1998 | A | 1998-08-07
August 7, 1998 | G | 1998-08-07
Feb. 29, 2016 | A | 2016-02-29
April 2016 | A | 2016-04
April 2016 | F | 2016-04
March of 2015 | A | 2015-03
December 2020 | C | 2020-12
July last year | A | 2016-07
May next year | A | 2018-05
2013 | A | 2013
2013 | G | 2013
1998 | A | 1998
fiscal 1989 | A | 1989
the year 2000 | A | 2000
nineteen ninety-six | A | 1996
two thousand | A | 2000
the 1990s | A | 199
the 1980s | A | 198
1960s | A | 196
the 2010s | A | 201
the '90s | A | 199
the 20th century | A | 19
the 19th century | A | 18
the twentieth century | A | 19
the 21st century | A | 20
the spring of 2016 | A | 2016-SP
spring 2016 | A | 2016-SP
summer 2015 | A | 2015-SU
the summer of 2015 | H | 2015-SU
autumn 2014 | A | 2014-FA
fall 2014 | A | 2014-FA
winter 2017 | A | 2017-WI
this spring | A | 2017-SP
this summer | A | 2017-SU
last summer | A | 2016-SU
next summer | A | 2017-SU
last fall | A | 2016-FA
next winter | A | 2018-WI
this winter | H | 2018-WI
last spring | H | 2017-SP
the third quarter | A | 2017-Q3
the fourth quarter | A | 2016-Q4
the first quarter | A | 2017-Q1
the second quarter | A | 2017-Q2
the fourth quarter of 2016 | A | 2016-Q4
the third quarter of 2015 | H | 2015-Q3
third-quarter | A | 2017-Q3
the first half of 2016 | A | 2016-H1
the second half of 2016 | A | 2016-H2
the first half | A | 2017-H1
last year's third quarter | A | 2016-Q3
Q3 2016 | A | 2016-Q3
Q1 | A | 2017-Q1
early 2017 | A | 2017 | START
mid-2016 | A | 2016 | MID
late 2016 | A | 2016 | END
the end of 2016 | A | 2016 | END
the beginning of 2016 | A | 2016 | START
the middle of 2015 | A | 2015 | MID
early next year | A | 2018 | START
late last year | A | 2016 | END
earlier this year | A | 2017 | START
later this year | A | 2017 | END
earlier this month | A | 2017-04 | START
late this month | A | 2017-04 | END
mid-March | A | 2017-03 | MID
early March | A | 2017-03 | START
late March | A | 2017-03 | END
early March 2016 | A | 2016-03 | START
the end of March | A | 2017-03 | END
early June | A | 2017-06 | START
the early 1990s | A | 199 | START
the late 1980s | A | 198 | END
March | A | 2017-03
June | A | 2017-06
January | A | 2017-01
December | A | 2016-12
October | A | 2016-10
September | A | 2017-09
last March | A | 2017-03
next March | A | 2018-03
this June | A | 2017-06
last December | A | 2016-12
next January | A | 2018-01
3 p.m. | A | 2017-04-07T15:00
3 pm | A | 2017-04-07T15:00
10:30 a.m. | A | 2017-04-07T10:30
9 a.m. | A | 2017-04-07T09:00
12 p.m. | A | 2017-04-07T12:00
12 a.m. | A | 2017-04-07T00:00
11:45 p.m. | A | 2017-04-07T23:45
3 p.m. local time | A | 2017-04-07T15:00
noon | A | 2017-04-07T12:00
midnight | A | 2017-04-07T24:00
10 p.m. Wednesday | A | 2017-04-05T22:00
noon Thursday | A | 2017-04-06T12:00
mid-afternoon yesterday | A | 2017-04-06TAF | MID
this morning | K | 2017-04-08TMO
about 7:15 p.m. | A | 2017-04-07T19:15 | APPROX
18:00 GMT | A | 2017-04-07T18:00Z
three years | A | P3Y
two days | A | P2D
a decade | A | P10Y
six months | A | P6M
several years | A | PXY
a few weeks | A | PXW
many years | A | PXY
the past several months | A | PXM
the past two weeks | A | P2W
the last three years | A | P3Y
the next four years | A | P4Y
the past decade | A | P10Y
the past year | A | P1Y
the first nine months | A | P9M
30 minutes | A | PT30M
thirty minutes | A | PT30M
five hours | A | PT5H
24 hours | A | PT24H
18 months | A | P18M
two weeks | A | P2W
a week | A | P1W
one month | A | P1M
twenty-five years | A | P25Y
two and a half years | A | P2Y6M
two-year | A | P2Y
10-year | A | P10Y
16-hour | A | PT16H
three decades | A | P30Y
two centuries | A | P200Y
about three years | A | P3Y | APPROX
more than two weeks | A | P2W | MORE_THAN
nearly five years | A | P5Y | LESS_THAN
less than an hour | A | PT1H | LESS_THAN
at least 10 days | A | P10D | EQUAL_OR_MORE
several months | A | PXM
a couple of days | A | P2D
every year | A | P1Y
every day | A | P1D
each week | A | P1W
every month | A | P1M
every other week | A | P2W
weekly | A | P1W
daily | A | P1D
monthly | A | P1M
annually | A | P1Y
hourly | A | PT1H
every Tuesday | A | XXXX-WXX-2
each Friday | A | XXXX-WXX-5
now | A | PRESENT_REF
right now | A | PRESENT_REF
currently | A | PRESENT_REF
nowadays | A | PRESENT_REF
recently | A | PAST_REF
lately | A | PAST_REF
the past | A | PAST_REF
recent years | A | PAST_REF
the future | A | FUTURE_REF
the near future | A | FUTURE_REF
Christmas | A | 2016-12-25
Christmas 2015 | A | 2015-12-25
next Christmas | A | 2017-12-25
last Christmas | A | 2016-12-25
Christmas Eve | H | 2016-12-24
New Year's Day | A | 2017-01-01
Thanksgiving 2016 | A | 2016-11-24
Thanksgiving | H | 2017-11-23
Easter 2017 | A | 2017-04-16
Easter 2016 | A | 2016-03-27
Labor Day 2017 | A | 2017-09-04
Memorial Day 2017 | A | 2017-05-29
Independence Day | A | 2016-07-04
Halloween | H | 2017-10-31
this week | B | 2020-W53
next week | B | 2021-W01
last week | B | 2020-W52
tomorrow | B | 2021-01-01
yesterday | B | 2020-12-30
next month | B | 2021-01
last month | B | 2020-11
next year | B | 2021
this quarter | B | 2020-Q4
next quarter | B | 2021-Q1
this weekend | B | 2020-W53-WE
two days from now | B | 2021-01-02
this week | C | 2020-W53
last week | C | 2020-W52
next week | C | 2021-W01
yesterday | C | 2020-12-31
last month | C | 2020-12
last quarter | C | 2020-Q4
this quarter | C | 2021-Q1
last year | C | 2020
this year | C | 2021
Dec. 25 | C | 2020-12-25
December | C | 2020-12
a week ago | C | 2020-W52
this week | E | 2020-W01
next week | E | 2020-W02
last week | E | 2019-W52
this year | E | 2019
tomorrow | E | 2019-12-31
next month | E | 2020-01
January | E | 2020-01
this week | F | 2018-W01
last week | F | 2017-W52
yesterday | F | 2017-12-31
last year | F | 2017
last month | F | 2017-12
December 31 | F | 2017-12-31
tomorrow | D | 2016-03-01
yesterday | D | 2016-02-28
a year ago | D | 2015
Feb. 29 | D | 2016-02-29
next week | D | 2016-W10
this month | D | 2016-02
March 1 | D | 2016-03-01
one day ago | D | 2016-02-28
Feb. 29 | A | 2016-02-29
last week | G | 1998-W31
this week | G | 1998-W32
Friday | G | 1998-08-07
Thursday | G | 1998-08-06
yesterday | G | 1998-08-06
last month | G | 1998-07
August | G | 1998-08
next week | H | 2017-W51
next month | H | 2018-01
next quarter | H | 2018-Q1
January | H | 2018-01
November | H | 2017-11
today | J | 2017-04-07
yesterday | J | 2017-04-06
tomorrow | J | 2017-04-08
this week | J | 2017-W14
today | K | 2017-04-08
yesterday | K | 2017-04-07
this weekend | K | 2017-W14-WE
2 1/2 years | A | P2Y6M
three and a half years | A | P3Y6M
5 1/2 hours | A | PT5H30M
an hour and a half | A | PT1H30M
a minute and a half | A | PT1M30S
1.5 days | A | P1DT12H
0.5 years | A | P6M
a year and a half | A | P1Y6M
the day before last Tuesday | A | 2017-04-03
the day after March 3, 2017 | A | 2017-03-04
the day after Christmas | C | 2020-12-26
year-end | A | 2017-12-31
around year end | A | 2017-12-31 | APPROX
the week of March 6 | A | 2017-W10
the week of April 17 | A | 2017-W16
the week of Jan. 2, 2017 | A | 2017-W01
4 in the morning | A | 2017-04-07T04:00
7 in the evening | A | 2017-04-07T19:00
3:30 in the afternoon | A | 2017-04-07T15:30
11 at night | A | 2017-04-07T23:00
the near term | A | FUTURE_REF
the short term | A | FUTURE_REF
the long term | A | FUTURE_REF
a later date | A | FUTURE_REF
as soon as possible | A | FUTURE_REF
last Oct. 23 | A | 2016-10-23
last March 30 | A | 2017-03-30
last April 10 | A | 2016-04-10
next Feb. 3 | A | 2018-02-03
next April 1 | A | 2018-04-01
"""


def _rows() -> list[tuple[str, str, str, str | None]]:
    rows = []
    for line in TABLE.strip().splitlines():
        parts = [part.strip() for part in line.split("|")]
        rows.append((parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else None))
    return rows


ROWS = _rows()


def test_the_table_is_large_enough() -> None:
    assert len(ROWS) >= 300


@pytest.mark.parametrize(("phrase", "anchor", "value", "mod"), ROWS)
def test_phrase_resolves_to_value(phrase: str, anchor: str, value: str, mod: str | None) -> None:
    expression = resolve_phrase(phrase, ANCHORS[anchor])
    assert expression is not None, phrase
    assert expression.value == value
    assert expression.mod == mod
    if expression.date_start is not None:
        assert expression.date_start <= expression.date_end


# Expressions inside sentences, where the words around them decide the value:
# (anchor, expression, value, sentence)
SENTENCES = [
    ("H", "a year ago", "2016-Q3",
     "Acme posted third-quarter profit and said it will post a fourth-quarter loss. "
     "Sales rose from a year ago."),
    ("G", "the third quarter", "1998-Q3",
     "The firm announced a loss for the third quarter of $2 million."),
    ("H", "the quarter", "2017-Q3",
     "Acme named a new chief in the first quarter. In the quarter ended Sept. 30, it earned $5 "
     "million."),
    ("H", "a year earlier", "2016-Q3",
     "Acme named a new chief in the first quarter. In the quarter ended Sept. 30, it earned $5 "
     "million, up from $4 million a year earlier."),
    ("A", "two thousand years", None,
     "The glassmakers have kept their secrets for two thousand years."),
    ("A", "year-end", "2016-12-31", "The index has fallen 4% since year-end."),
    ("A", "year-end", "2017-12-31", "The merger should close by year-end."),
    ("H", "a year earlier", "2016-Q3",
     "Acme reported third-quarter profit of $5 million, up from $4 million a year earlier."),
    ("H", "the quarter a year ago", "2016-Q3",
     "Acme reported third-quarter profit of $5 million. For the quarter a year ago, it earned $4 "
     "million."),
    ("H", "the corresponding period last year", "2016-Q3",
     "Acme reported third-quarter profit of $5 million, against $4 million for the "
     "corresponding period last year."),
    ("A", "one day", "FUTURE_REF", "Analysts say the city will one day host the games."),
    ("A", "one day", "P1D", "The strike lasted one day."),
    ("A", "then current", "PAST_REF", "Holders could buy shares at half the then current price."),
    ("A", "January nineteen ninety-seven", "1997-01",
     "January nineteen ninety-seven. Atlanta again."),
    ("A", "the winter of nineteen ninety-four", "1994-WI",
     "Prices fell to the level we saw in the winter of nineteen ninety-four."),
    ("A", "the previous Friday", "2017-03-24",
     "Shares fell on March 31. They closed down 4% from the previous Friday."),
    ("A", "The following Monday", "2017-03-06",
     "The talks ended on March 3. The following Monday, the minister resigned."),
    ("A", "the previous Friday", "2017-03-31", "He had left the previous Friday."),
    ("A", "the next 12 to 18 months", "PXM",
     "The company plans acquisitions during the next 12 to 18 months."),
]  # fmt: skip


@pytest.mark.parametrize(("anchor", "phrase", "value", "sentence"), SENTENCES)
def test_expression_in_sentence_resolves_to_value(
    anchor: str, phrase: str, value: str | None, sentence: str
) -> None:
    found = {e.text: e.value for e in find_time_expressions(sentence, ANCHORS[anchor])}
    assert found.get(phrase) == value, found
    if value is None:  # not a date at all: no part of the phrase is taken for one
        assert not any(text in phrase for text in found), found
