"""Charts: a valid PNG of exactly the asked size, and the counts drawn equal the events' counts."""

from __future__ import annotations

import struct
from datetime import date

import pytest
from conftest import SEED_ARTICLE
from records_factory import extraction

from timeline.database.filters import EventFilter
from timeline.database.listing import count_events as query_count
from timeline.database.listing import iter_events
from timeline.database.record import EventRecord
from timeline.database.store import save
from timeline.outputs.chart import count_events, period_of, plot_counts

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path) -> tuple[int, int]:
    """(width, height) from the IHDR chunk, after checking the signature and chunk type."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def events(database) -> list[EventRecord]:
    with database.session() as session:
        save(session, extraction())
        return list(iter_events(session, EventFilter()))


def test_periods():
    day = date(2017, 4, 11)
    assert [period_of(day, by) for by in ("day", "week", "month", "year")] == [
        "2017-04-11",
        "2017-W15",
        "2017-04",
        "2017",
    ]
    assert period_of(date(2021, 1, 1), "week") == "2020-W53"  # ISO week-numbering year
    with pytest.raises(ValueError):
        period_of(day, "fortnight")


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("day", {"2017-04-06": {4: 1}, "2017-04-11": {1: 1}}),
        ("week", {"2017-W14": {4: 1}, "2017-W15": {1: 1}}),
        ("month", {"2017-04": {1: 1, 4: 1}}),
        ("year", {"2017": {1: 1, 4: 1}}),
        ("actor", {"United States": {4: 1}, "Syria": {4: 1}, "Rex Tillerson": {1: 1}}),
    ],
)
def test_plotted_counts_are_the_events_counts(events, tmp_path, by, expected):
    out = tmp_path / f"{by}.png"
    counts = plot_counts(iter(events), by, out)
    assert counts == expected
    if by != "actor":
        assert list(counts) == sorted(counts)  # time order
    assert png_size(out) == (1000, 500)


def test_size_title_and_top(events, tmp_path):
    out = tmp_path / "actors.png"
    counts = plot_counts(events, "actor", out, width=640, height=360, top=2, title="Who")
    assert png_size(out) == (640, 360)
    assert len(counts) == 2


def test_no_events_still_draws(tmp_path):
    out = tmp_path / "empty.png"
    assert plot_counts([], "month", out, width=300, height=200) == {}
    assert png_size(out) == (300, 200)


def test_unknown_grouping(tmp_path):
    with pytest.raises(ValueError, match="day, week, month, year, actor"):
        plot_counts([], "decade", tmp_path / "x.png")


def test_counts_on_the_seed_equal_the_query(tmp_path):
    """The full pipeline on the seed article: per month and per quad class, chart == query."""
    from timeline.database.aggregates import stats
    from timeline.database.engine import Database
    from timeline.database.filters import parse_day
    from timeline.pipeline import load_articles
    from timeline.read import iter_articles, parse_published

    db = Database(f"sqlite:///{tmp_path / 'seed.db'}")
    try:
        articles = iter_articles([str(SEED_ARTICLE)], published=parse_published("2017-04-07"))
        summary = load_articles(db, articles)
        assert summary.loaded == 1 and summary.events > 5
        with db.session() as session:
            events = list(iter_events(session, EventFilter()))
            counts = plot_counts(events, "month", tmp_path / "seed.png")
            assert sum(sum(c.values()) for c in counts.values()) == query_count(
                session, EventFilter()
            )
            for month, by_quad in counts.items():
                in_month = [
                    e
                    for e in iter_events(
                        session,
                        EventFilter(since=parse_day(month), until=parse_day(month, end=True)),
                    )
                    if e.date_start.startswith(month)
                ]
                assert sum(by_quad.values()) == len(in_month), month
            per_quad: dict[str, int] = {}
            for by_quad in counts.values():
                for quad, n in by_quad.items():
                    per_quad[str(quad)] = per_quad.get(str(quad), 0) + n
            assert per_quad == stats(session)["events_by_quad_class"]
            assert count_events(events, "actor")["Rex Tillerson"]
    finally:
        db.close()
