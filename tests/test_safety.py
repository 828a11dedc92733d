"""Safety: hostile names stay data, article text cannot become markup, paths in records are never
opened, and database passwords never reach the user's screen.

SQL: names carrying SQL go through the store and through every text filter of `timeline events`
(they are bound parameters, so the tables survive and the names match literally). HTML: the
export (`timeline.outputs.html.write_html`) gets an article with <script> in its sentences and
title. Inputs: a JSON or CSV record whose text or url is a file path stores that string. URLs:
the command line with a password in --db (or TIMELINE_DB) and a wrong user, an unreachable host
or a missing database prints one error line without the password.
"""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import POSTGRES_URL
from records_factory import extraction
from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url
from test_crash import environment

from timeline.cli import cli
from timeline.database.models import (
    ActorAlias,
    ActorRow,
    ArticleRow,
    EventActor,
    EventLocation,
    EventRow,
    LocationRow,
    Source,
    TimeExpressionRow,
)
from timeline.database.store import save

DROP_EVENTS = "Robert'); DROP TABLE events; --"
DROP_ACTORS = "Robert O'Brien'; DROP TABLE Actors"  # written like a name: kept as an alias
DELETE_ARTICLES = "Moscow'; DELETE FROM articles WHERE '1'='1"
ALWAYS_TRUE = "x' OR '1'='1"
SCRIPT = '</script><script>alert("owned")</script><img src=x onerror=alert(1)>'
MODELS = (
    ArticleRow,
    TimeExpressionRow,
    EventRow,
    ActorRow,
    ActorAlias,
    EventActor,
    LocationRow,
    EventLocation,
    Source,
)


def hostile_extraction():
    """The factory's two-event article, with SQL in every name and markup in the text."""
    base = extraction(title=f"Title {SCRIPT}", source="AP'); DROP TABLE sources; --")
    arrive, strike = base.events
    visitor = dataclasses.replace(arrive.actors[0], name=DROP_EVENTS, aliases=(DROP_ACTORS,))
    place = dataclasses.replace(arrive.locations[0], name=DELETE_ARTICLES, geonames_id=None)
    arrive = dataclasses.replace(
        arrive, actors=[visitor], locations=[place], sentence=arrive.sentence
    )
    text = base.article.text + " " + SCRIPT
    strike = dataclasses.replace(strike, sentence=strike.sentence + " " + SCRIPT)
    article = dataclasses.replace(base.article, text=text)
    return dataclasses.replace(base, article=article, events=[arrive, strike])


def counts(database) -> dict[str, int]:
    with database.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in MODELS
        }


def events_json(db_url: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(
        cli, ["--db", db_url, "events", "--format", "json", *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def matching(db_url: str, option: str, value: str) -> list[dict] | None:
    """The events a filter matches, or None when the command refused the value (one line)."""
    result = CliRunner().invoke(
        cli, ["--db", db_url, "events", "--format", "json", option, value], catch_exceptions=False
    )
    if result.exit_code == 0:
        return json.loads(result.stdout)
    assert result.exit_code in (1, 2) and result.stderr.startswith("Error: "), result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "unexpected" not in result.stderr
    return None


def test_sql_in_names_and_filters_is_only_data(database) -> None:
    with database.session() as session:
        save(session, hostile_extraction())
    tables = set(inspect(database.engine).get_table_names())
    before = counts(database)
    assert before["articles"] == 1 and before["events"] == 2

    with database.session() as session:
        assert session.scalar(select(ActorRow.name).where(ActorRow.name == DROP_EVENTS))
        aliases = set(session.scalars(select(ActorAlias.alias)))
        assert DROP_ACTORS in aliases
        places = set(session.scalars(select(LocationRow.name)))
        assert DELETE_ARTICLES in places

    # the hostile names match literally, as names
    found = events_json(database.url, "--actor", DROP_EVENTS)
    assert [e["trigger"] for e in found] == ["arrives"]
    assert [e["trigger"] for e in events_json(database.url, "--actor", DROP_ACTORS)] == ["arrives"]
    assert [e["trigger"] for e in events_json(database.url, "--location", DELETE_ARTICLES)] == [
        "arrives"
    ]
    # and SQL in any filter matches nothing (not everything), or is refused as a bad value
    for option in ("--actor", "--source-actor", "--target-actor", "--location", "--country"):
        for value in (ALWAYS_TRUE, "'; DROP TABLE events; --", "%", "_"):
            assert matching(database.url, option, value) in ([], None), (option, value)
    for value in (ALWAYS_TRUE, "'; DROP TABLE events; --", "04') OR ('1'='1"):
        assert matching(database.url, "--type", value) in ([], None), value

    assert set(inspect(database.engine).get_table_names()) == tables
    assert counts(database) == before


def test_html_export_escapes_article_text(database) -> None:
    """<script> in a sentence or a title never reaches the page as markup."""
    from timeline.database.filters import EventFilter
    from timeline.database.listing import iter_events
    from timeline.outputs.html import write_html

    with database.session() as session:
        save(session, hostile_extraction())
        events = list(iter_events(session, EventFilter()))
    assert any(SCRIPT in e.sentence for e in events)
    out = io.StringIO()
    assert write_html(events, out, title=f"Report {SCRIPT}") == 2
    page = out.getvalue()
    benign = io.StringIO()
    write_html([], benign, title="Report")
    assert SCRIPT not in page
    assert "<script>alert" not in page and "<img src=x" not in page
    # every <script> element on the page is the page's own: none comes from the data
    assert page.count("<script") == benign.getvalue().count("<script")
    assert page.count("</script") == benign.getvalue().count("</script")


@pytest.mark.parametrize(
    "name, content",
    [
        ("records.json", json.dumps([{"text": "/etc/passwd", "url": "/etc/hostname"}])),
        ("records.jsonl", json.dumps({"text": "/etc/passwd", "url": "file:///etc/passwd"})),
        ("records.csv", "text,url,title\n/etc/passwd,/etc/hostname,/proc/self/environ\n"),
    ],
)
def test_paths_in_records_are_stored_as_strings(database, tmp_path, name, content) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--db", database.url, "load", str(tmp_path / name), "--published", "2017-04-07"],
        catch_exceptions=False,
    )
    assert "loaded 1," in result.stderr, result.stderr
    with database.session() as session:
        stored = session.scalars(select(ArticleRow)).one()
    assert stored.text == "/etc/passwd"
    assert stored.url in ("/etc/hostname", "file:///etc/passwd")
    assert "root:" not in stored.text and len(stored.text) == len("/etc/passwd")


SECRET = "s3cr3t-pa55"


def bad_urls() -> list:
    """(what is wrong, URL with the password in it)."""
    urls = [("unreachable host", f"postgresql://someone:{SECRET}@127.0.0.1:1/nothing")]
    if POSTGRES_URL:
        server = make_url(POSTGRES_URL)
        host, port = server.host or "127.0.0.1", server.port or 5432
        urls += [
            ("unknown user", f"postgresql://no_such_user:{SECRET}@{host}:{port}/test"),
            (
                "missing database",
                f"postgresql+psycopg://{server.username}:{SECRET}@{host}:{port}/no_such_db_x",
            ),
        ]
    return urls


@pytest.mark.parametrize("what, url", bad_urls(), ids=[w for w, _ in bad_urls()])
@pytest.mark.parametrize("command", [["stats"], ["init"], ["events", "--actor", "Putin"]])
def test_passwords_never_printed(what: str, url: str, command: list[str]) -> None:
    runner = CliRunner()
    for args, env in (
        (["--db", url, *command], {}),
        (command, {"TIMELINE_DB": url}),
    ):
        result = runner.invoke(cli, args, env=env)
        assert result.exit_code == 1, (what, result.output)
        assert SECRET not in result.output, (what, result.output)
        assert SECRET not in repr(result.exception or ""), what
        errors = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(errors) == 1 and errors[0].startswith("Error: "), result.stderr
        assert "***" in errors[0] or what != "unreachable host", errors[0]


def test_password_not_in_the_console_script_output(tmp_path) -> None:
    """The real command, with its logging and --debug: still no password."""
    url = f"postgresql://someone:{SECRET}@127.0.0.1:1/nothing"
    for args in (
        ["--db", url, "stats"],
        ["--db", url, "load", "x.txt"],
        ["--debug", "--db", url, "stats"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "timeline", *args],
            env=environment(),
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert done.returncode != 0
        assert SECRET not in done.stdout + done.stderr
