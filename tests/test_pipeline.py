"""The pipeline: batches, worker processes, and per-article failures."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from click.testing import CliRunner
from conftest import SEEDS

from timeline.cli import cli
from timeline.errors import InputError
from timeline.pipeline import extract_batch
from timeline.records import Article

PUBLISHED = datetime(2017, 4, 7, tzinfo=UTC)


def test_a_bad_article_fails_alone():
    articles = [
        Article("Russia and China signed a trade deal on Monday.", PUBLISHED, origin="a"),
        Article("No date for this one.", None, origin="b"),
        Article(
            "Iran accused Saudi Arabia of attacking its embassy yesterday.", PUBLISHED, origin="c"
        ),
    ]
    results = extract_batch(articles)
    assert isinstance(results[1], InputError) and "b: no publication time" in str(results[1])
    assert results[0].article.origin == "a" and results[2].article.origin == "c"
    assert results[0].events and results[2].events


def test_workers_give_the_same_database(db_url, tmp_path):
    """`--workers 2` stores exactly what `--workers 1` stores: same events, same actors."""
    runner = CliRunner()
    exports = []
    for workers, suffix in ((1, "one"), (2, "two")):
        url = db_url if workers == 1 else f"sqlite:///{tmp_path / suffix}.db"
        result = runner.invoke(
            cli,
            [
                "--db",
                url,
                "load",
                str(SEEDS),
                "--published",
                "2017-04-07",
                "--workers",
                str(workers),
            ],
        )
        assert result.exit_code == 0, result.output
        events = runner.invoke(cli, ["--db", url, "export", "--format", "jsonl"]).stdout
        actors = runner.invoke(cli, ["--db", url, "actors", "--format", "jsonl"]).stdout
        exports.append((*happenings_apart(events), actors))
    assert exports[0] == exports[1]
    assert exports[0][0].count("\n") > 50


def happenings_apart(listing: str) -> tuple[str, set]:
    """A JSON Lines listing without its happenings' ids (each database numbers them its own way:
    PostgreSQL never reuses one), and the happenings as sets of event ids."""
    events, groups = [], {}
    for line in listing.splitlines():
        event = json.loads(line)
        groups.setdefault(event.pop("happening_id"), set()).add(event["id"])
        events.append(json.dumps(event))
    return "\n".join(events) + "\n", {frozenset(g) for g in groups.values()}
