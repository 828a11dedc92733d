"""The commands about happenings: every event says its happening and its counts, `events
--happenings` lists one row per happening, `show` lists a happening's mentions, the counts of
dyads, actors, chart and timeline are of happenings unless --count-mentions, `happenings
merge/split`, and loading with --workers groups as one process does.

Runs on SQLite and on the PostgreSQL server (TIMELINE_TEST_POSTGRES_URL).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_cli import run

ARTICLES = [
    {
        "title": "A",
        "source": "Daily Wire",
        "published": "2021-03-06",
        "text": "NAIROBI, Kenya (AP) _ A bomb exploded outside the Kenyan parliament in Nairobi "
        "on Friday, killing four people, police said. Kenyan police arrested two suspects in "
        "Nairobi on Friday night.",
    },
    {
        "title": "B",
        "source": "Coast Herald",
        "published": "2021-03-07",
        "text": "Kenyan police said on Saturday that the bombing outside the parliament in "
        "Nairobi on Friday killed four people. President Uhuru Kenyatta condemned the attack.",
    },
    {
        "title": "C",
        "source": "Daily Wire",
        "published": "2021-03-08",
        "text": "President Uhuru Kenyatta met Tanzanian President Samia Suluhu in Nairobi on "
        "Monday. The two leaders discussed the bombing of the parliament in Nairobi on Friday.",
    },
]


def write_articles(folder) -> str:
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return str(path)


@pytest.fixture
def reported(db_url, tmp_path):
    result = run(db_url, "load", write_articles(tmp_path))
    assert result.exit_code == 0, result.output
    return db_url


def events(db_url, *args) -> list[dict]:
    result = run(db_url, "events", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def bombing(rows: list[dict]) -> int:
    return next(e["happening_id"] for e in rows if e["trigger"] == "exploded")


def test_every_event_says_its_happening_and_its_counts(reported):
    rows = events(reported)
    assert all(e["happening_id"] is not None for e in rows)
    happening = bombing(rows)
    reports = [e for e in rows if e["happening_id"] == happening]
    assert {e["article"]["title"] for e in reports} == {"A", "B", "C"}
    first = reports[0]
    assert first["happening_mentions"] == len(reports)
    assert (first["happening_articles"], first["happening_sources"]) == (3, 2)


def test_events_happenings_lists_one_row_per_happening(reported):
    rows = events(reported, "--happenings")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) == len({e["happening_id"] for e in events(reported)})
    well_sourced = events(reported, "--happenings", "--min-sources", "2")
    assert [r["id"] for r in well_sourced] == [bombing(events(reported))]
    assert well_sourced[0]["articles"] == 3 and well_sourced[0]["place"] == "Nairobi"
    table = run(reported, "events", "--happenings")
    assert table.exit_code == 0 and "mentions" in table.stdout.splitlines()[0]


def test_min_sources_without_happenings_is_one_clear_line(reported):
    result = run(reported, "events", "--min-sources", "2")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "--happenings" in result.stderr


def test_show_lists_every_mention_of_the_happening(reported):
    rows = events(reported)
    event = next(e for e in rows if e["trigger"] == "exploded")
    text = run(reported, "show", str(event["id"]))
    assert text.exit_code == 0, text.output
    assert f"happening   {event['happening_id']}: " in text.stdout
    assert "in 3 articles, 2 sources" in text.stdout
    shown = json.loads(run(reported, "show", str(event["id"]), "--format", "json").stdout)
    assert len(shown["mentions"]) == event["happening_mentions"]
    assert {m["event_id"] for m in shown["mentions"]} >= {event["id"]}


def test_aggregates_count_happenings_unless_asked_for_mentions(reported, tmp_path):
    by_happening = json.loads(run(reported, "actors", "--format", "json").stdout)
    by_mention = json.loads(run(reported, "actors", "--format", "json", "--count-mentions").stdout)
    assert "happenings" in by_happening[0] and "events" in by_mention[0]
    assert sum(a["happenings"] for a in by_happening) <= sum(a["events"] for a in by_mention)
    dyads = json.loads(run(reported, "dyads", "--format", "json").stdout)
    assert all("happenings" in d for d in dyads)
    once = run(reported, "timeline").stdout
    every = run(reported, "timeline", "--count-mentions").stdout
    assert "reports in 3 articles" in once
    assert once.count("#") < every.count("#")
    chart = run(reported, "chart", "-o", str(tmp_path / "c.png"))
    assert chart.exit_code == 0 and "happenings" in chart.stderr
    mentions = run(reported, "chart", "-o", str(tmp_path / "m.png"), "--count-mentions")
    assert mentions.exit_code == 0 and " events " in mentions.stderr


def test_exports_carry_the_happening_and_its_counts(reported, tmp_path):
    exported = run(reported, "export", "--format", "csv")
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert all(r["happening_id"] for r in rows)
    assert {"happening_mentions", "happening_articles", "happening_sources"} <= set(rows[0])
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "e.parquet"
    assert run(reported, "export", "--format", "parquet", "-o", str(out)).exit_code == 0
    table = pq.read_table(out)
    assert str(table.schema.field("happening_sources").type) == "int64"


def test_merge_and_split_by_hand(reported):
    rows = events(reported)
    bomb = bombing(rows)
    met = next(e for e in rows if e["trigger"] == "met")
    merged = run(reported, "happenings", "merge", str(bomb), str(met["happening_id"]))
    assert merged.exit_code == 0, merged.output
    assert f"merged happening {met['happening_id']} into {bomb}" in merged.stderr
    assert next(e for e in events(reported) if e["id"] == met["id"])["happening_id"] == bomb
    split = run(reported, "happenings", "split", str(bomb), str(met["id"]))
    assert split.exit_code == 0, split.output
    assert next(e for e in events(reported) if e["id"] == met["id"])["happening_id"] != bomb
    for args in (["merge", str(bomb), str(bomb)], ["merge", str(bomb), "99999"],
                 ["split", str(bomb), str(met["id"])]):  # fmt: skip
        refused = run(reported, "happenings", *args)
        assert refused.exit_code == 1
        assert refused.stderr.strip().count("\n") == 0 and "Traceback" not in refused.output


def test_workers_group_as_one_process_does(db_url, tmp_path):
    source = write_articles(tmp_path)
    alone = f"sqlite:///{tmp_path / 'alone.db'}"
    assert run(alone, "load", source).exit_code == 0
    result = run(db_url, "load", source, "--workers", "2")
    assert result.exit_code == 0, result.output

    def grouping(url):
        groups: dict = {}
        for e in events(url):
            groups.setdefault(e["happening_id"], set()).add((e["article"]["title"], e["trigger"]))
        return {frozenset(g) for g in groups.values()}

    assert grouping(db_url) == grouping(alone)
