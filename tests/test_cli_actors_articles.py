"""`timeline actors unalias`, `timeline actors show` and `timeline articles`.

Runs on SQLite and on the PostgreSQL server (TIMELINE_TEST_POSTGRES_URL).
"""

from __future__ import annotations

import csv
import io
import json

from test_cli import events_json, loaded, run  # noqa: F401 (loaded is a fixture)


def test_unalias_takes_a_name_back(loaded):  # noqa: F811
    assert run(loaded, "actors", "alias", "Rex Tillerson", "Secretary Tillerson").exit_code == 0
    assert events_json(loaded, "--actor", "Secretary Tillerson")
    result = run(loaded, "actors", "unalias", "Rex Tillerson", "secretary  tillerson")
    assert result.exit_code == 0, result.output
    assert "'secretary  tillerson' is no longer an alias of Rex Tillerson" in result.stderr
    assert events_json(loaded, "--actor", "Secretary Tillerson") == []
    actors = json.loads(run(loaded, "actors", "--format", "json").stdout)
    tillerson = next(a for a in actors if a["name"] == "Rex Tillerson")
    assert "Secretary Tillerson" not in tillerson["aliases"] and "Tillerson" in tillerson["aliases"]
    # the actor itself and its other names stay
    assert events_json(loaded, "--actor", "Tillerson")


def test_unalias_errors_are_one_line(loaded):  # noqa: F811
    for args, says in (
        (["Rex Tillerson", "Nobody"], "'Nobody' is not an alias of Rex Tillerson (its aliases: "),
        (["Rex Tillerson", "Rex Tillerson"], "is the name of Rex Tillerson"),
        (["Nobody At All", "X"], "no actor named 'Nobody At All'"),
    ):
        result = run(loaded, "actors", "unalias", *args)
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and says in lines[0], lines


def test_actors_show_gives_names_codes_and_events_by_year(loaded):  # noqa: F811
    run(loaded, "actors", "alias", "Rex Tillerson", "Secretary Tillerson")
    result = run(loaded, "actors", "show", "Tillerson", "--format", "json")
    assert result.exit_code == 0, result.output
    profile = json.loads(result.stdout)
    assert profile["name"] == "Rex Tillerson" and profile["kind"] == "person"
    assert {"alias": "Secretary Tillerson", "confirmed": True} in profile["aliases"]
    assert {"alias": "Tillerson", "confirmed": False} in profile["aliases"]
    events = events_json(loaded, "--actor", "Rex Tillerson")
    assert profile["events"] == len(events)
    assert profile["events_by_year"] == {"2017": len(events)}
    (code,) = profile["codes"]
    assert code["code"] == "USAGOV"
    assert code["first_date"] == min(e["date_start"] for e in events)
    assert code["last_date"] == max(e["date_start"] for e in events)
    text = run(loaded, "actors", "show", "Rex Tillerson").stdout
    assert text.startswith("Rex Tillerson (person, Secretary of State, USA)")
    assert "Secretary Tillerson (confirmed)" in text and "  2017      " in text
    missing = run(loaded, "actors", "show", "Nobody At All")
    assert missing.exit_code == 1 and "no actor named" in missing.stderr


def test_articles_lists_each_article_with_its_events(loaded, tmp_path):  # noqa: F811
    second = tmp_path / "b.txt"
    second.write_text(
        "---\ntitle: Talks\nsource: Wire\npublished: March 29, 2018 6:45 PM EDT\n---\n"
        "Russia and China signed a trade agreement on Monday.\n",
        encoding="utf-8",
    )
    assert run(loaded, "load", str(second)).exit_code == 0
    result = run(loaded, "articles", "--format", "json")
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)
    assert [list(a) for a in articles][0] == [
        "id", "title", "url", "source", "published_at", "published_granularity", "events",
    ]  # fmt: skip
    seed, talks = articles
    assert seed["published_at"] == "2017-04-07T00:00:00+00:00" and seed["events"] == len(
        events_json(loaded, "--article", str(seed["id"]))
    )
    assert talks["title"] == "Talks" and talks["source"] == "Wire"
    assert (talks["published_at"], talks["published_granularity"]) == (
        "2018-03-29T22:45:00+00:00",
        "minute",
    )
    # filters: the articles that have such events, counted among them
    fights = json.loads(run(loaded, "articles", "--type", "19", "--format", "json").stdout)
    assert [a["id"] for a in fights] == [seed["id"]]
    assert fights[0]["events"] == len(events_json(loaded, "--type", "19"))
    latest = json.loads(
        run(loaded, "articles", "--order", "-date", "--limit", "1", "--format", "json").stdout
    )
    assert [a["id"] for a in latest] == [talks["id"]]
    table = run(loaded, "articles").stdout.splitlines()
    assert table[0].split() == [
        "id", "published_at", "published_granularity", "source", "events", "title",
    ]  # fmt: skip
    assert len(table) == 4
    rows = list(csv.DictReader(io.StringIO(run(loaded, "articles", "--format", "csv").stdout)))
    assert rows[1]["url"] == "" and rows[1]["title"] == "Talks"
