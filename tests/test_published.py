"""Publication times as sources write them: month names, 12-hour clocks and zones, day-first and
month-first dates, a month or a year alone; relative phrases and ambiguous dates refused with a
reason; and what a month-level publication does to the dates of the article's text.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from test_cli import run

from timeline.errors import InputError
from timeline.read import parse_publication
from timeline.records import Article

CASES = [
    # (as written, UTC time, granularity)
    ("March 29, 2018 6:45 PM EDT", datetime(2018, 3, 29, 22, 45, tzinfo=UTC), "minute"),
    ("29 March 2018 18:45 CEST", datetime(2018, 3, 29, 16, 45, tzinfo=UTC), "minute"),
    ("Mar 29 2018 6:45:30 pm", datetime(2018, 3, 29, 18, 45, 30, tzinfo=UTC), "second"),
    ("29/03/2018", datetime(2018, 3, 29, tzinfo=UTC), "day"),  # only day-first can be
    ("03/29/2018", datetime(2018, 3, 29, tzinfo=UTC), "day"),  # only month-first can be
    ("29.03.2018", datetime(2018, 3, 29, tzinfo=UTC), "day"),
    ("12/12/2018", datetime(2018, 12, 12, tzinfo=UTC), "day"),  # both readings agree
    ("2018-03", datetime(2018, 3, 1, tzinfo=UTC), "month"),
    ("March 2018", datetime(2018, 3, 1, tzinfo=UTC), "month"),
    ("2018", datetime(2018, 1, 1, tzinfo=UTC), "year"),
    ("2017-04-07", datetime(2017, 4, 7, tzinfo=UTC), "day"),
    ("2017-04-07T09:30:00-04:00", datetime(2017, 4, 7, 13, 30, tzinfo=UTC), "minute"),
    ("Fri, 07 Apr 2017 09:30:15 -0400", datetime(2017, 4, 7, 13, 30, 15, tzinfo=UTC), "second"),
]


@pytest.mark.parametrize(("written", "moment", "granularity"), CASES)
def test_publication_times_as_sources_write_them(written, moment, granularity):
    found = parse_publication(written)
    assert found.moment == moment and found.moment.tzinfo is not None
    assert found.granularity == granularity


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("03/04/2018", "could be 3 April 2018 (day first) or March 4, 2018 (month first)"),
        ("yesterday", "is relative to the day it is read"),
        ("2 days ago", "is relative to the day it is read"),
        ("last month", "is relative to the day it is read"),
        ("Tuesday", "invalid publication time"),
        ("March 29", "invalid publication time"),  # no year: never this year by default
        ("6:45 PM", "invalid publication time"),
        ("29/03/18", "no four-digit year"),
    ],
)
def test_what_is_not_one_publication_time_is_refused_with_the_reason(written, says):
    with pytest.raises(InputError) as caught:
        parse_publication(written)
    assert says in str(caught.value)


def test_the_date_order_reads_an_ambiguous_date():
    assert parse_publication("03/04/2018", "DMY").moment == datetime(2018, 4, 3, tzinfo=UTC)
    assert parse_publication("03/04/2018", "mdy").moment == datetime(2018, 3, 4, tzinfo=UTC)
    # an unambiguous date does not change with the order
    assert parse_publication("29/03/2018", "MDY").moment == datetime(2018, 3, 29, tzinfo=UTC)


def test_no_part_is_filled_from_today():
    """dateparser fills a missing day or month from today's date: here, never."""
    for written in ("March 2018", "2018-03", "2018"):
        moment = parse_publication(written).moment
        assert moment.day == 1 and moment.year == 2018
    assert parse_publication("2018").moment.month == 1
    with pytest.raises(InputError):
        parse_publication(f"March {datetime.now(UTC).day}")  # no year: not this year


# --- through the command line ------------------------------------------------------------------

TEXT = "Tillerson met Lavrov in Moscow yesterday. In 2017 Russia vetoed the resolution."


def articles_json(db_url: str) -> list[dict]:
    result = run(db_url, "articles", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_load_reads_front_matter_times_as_written(db_url, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, published in (
        ("a.txt", "March 29, 2018 6:45 PM EDT"),
        ("b.txt", "29/03/2018"),
        ("c.txt", "2018-03"),
    ):
        text = f"{TEXT} ({name})"
        (folder / name).write_text(f"---\npublished: {published}\n---\n{text}\n", "utf-8")
    result = run(db_url, "load", str(folder))
    assert result.exit_code == 0, result.output
    stored = {a["title"] or a["id"]: a for a in articles_json(db_url)}
    by_time = sorted((a["published_at"], a["published_granularity"]) for a in stored.values())
    assert by_time == [
        ("2018-03-01T00:00:00+00:00", "month"),
        ("2018-03-29T00:00:00+00:00", "day"),
        ("2018-03-29T22:45:00+00:00", "minute"),
    ]


def test_an_ambiguous_date_in_a_file_needs_the_date_order(db_url, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(f"---\npublished: 03/04/2018\n---\n{TEXT}\n", "utf-8")
    refused = run(db_url, "load", str(article))
    assert refused.exit_code == 1
    assert "give --date-order DMY or MDY" in refused.stderr
    assert f"{article}: '03/04/2018' could be 3 April 2018" in refused.stderr
    loaded = run(db_url, "load", str(article), "--date-order", "DMY")
    assert loaded.exit_code == 0, loaded.output
    assert articles_json(db_url)[0]["published_at"] == "2018-04-03T00:00:00+00:00"


def test_published_option_takes_written_times_and_refuses_relative_ones(db_url, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, "utf-8")
    relative = run(db_url, "load", str(article), "--published", "yesterday")
    assert relative.exit_code == 1 and "is relative to the day it is read" in relative.stderr
    assert len(relative.stderr.strip().splitlines()) == 1
    ambiguous = run(db_url, "load", str(article), "--published", "03/04/2018")
    assert ambiguous.exit_code == 1 and "--date-order" in ambiguous.stderr
    result = run(db_url, "load", str(article), "--published", "03/04/2018", "--date-order", "MDY")
    assert result.exit_code == 0, result.output
    assert articles_json(db_url)[0]["published_at"] == "2018-03-04T00:00:00+00:00"


def test_a_month_level_publication_dates_its_text_no_finer(db_url, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, "utf-8")
    result = run(db_url, "load", str(article), "--published", "2018-03")
    assert result.exit_code == 0, result.output
    (stored,) = articles_json(db_url)
    assert stored["published_granularity"] == "month"
    events = json.loads(run(db_url, "events", "--format", "json").stdout)
    met = next(e for e in events if e["trigger"] == "met")
    # "yesterday" of an unknown day of March 2018: March 2018, not 28 February
    assert (met["date_value"], met["granularity"]) == ("2018-03", "month")
    assert (met["date_start"], met["date_end"]) == ("2018-03-01", "2018-03-31")
    vetoed = next(e for e in events if e["trigger"] == "vetoed")
    assert vetoed["date_value"] == "2017"  # an absolute date stays as it is
    assert met["article"]["published_granularity"] == "month"


def test_dates_command_with_a_month_level_publication():
    from click.testing import CliRunner

    from timeline.cli import cli

    result = CliRunner().invoke(
        cli,
        ["dates", "-", "--published", "2018-03", "--format", "json", "--no-parse"],
        input=TEXT,
    )
    assert result.exit_code == 0, result.output
    found = {e["text"]: e for e in json.loads(result.stdout)}
    assert found["yesterday"]["value"] == "2018-03" and found["2017"]["value"] == "2017"


def test_the_store_fills_the_granularity_of_an_article_given_a_datetime(database):
    from records_factory import extraction
    from sqlalchemy import select

    from timeline.database.models import ArticleRow
    from timeline.database.store import save

    with database.session() as session:
        save(session, extraction())  # published 2017-04-07T09:30Z, no granularity given
        (granularity,) = session.execute(select(ArticleRow.published_granularity)).one()
        assert granularity == "minute"
    assert Article(text="x", published_at=datetime(2017, 4, 7)).published_granularity is None
