"""Crash safety: `timeline load` killed with SIGKILL at random moments never corrupts the database.

Each trial starts the real command (`python -m timeline load`, one worker) on a fresh database,
kills it after a seeded random delay spread over a clean load's duration, then checks the
database: SQLite's own integrity and foreign-key checks, foreign keys on both databases, every
stored article complete (its expressions, events and links exactly as in a clean reference
load), and no orphan rows. Loading again must finish the job: the same content as the reference,
nothing twice.

"Orphan" here, given the store's design: actors, places and sources are shared rows created in
the transaction of the article that first mentions them, so after a crash every actor must be
in some event (event_actors), every place in some event (event_locations), every source behind
some article, every alias on an existing actor. (Rows left without events by `--reprocess` or
`merge-actors` are not crash damage and are not produced here.)

The helpers `write_corpus`, `integrity_problems` and `snapshot` are shared with the
concurrency tests.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import POSTGRES_URL, ROOT, SEED_ARTICLE, _postgres_database
from sqlalchemy import create_engine, inspect, text

from timeline.cli import cli

# kill trials per database: 20 on SQLite and 20 on PostgreSQL; each costs one start of the command
TRIALS = int(os.environ.get("TIMELINE_CRASH_TRIALS", "20"))
SEED = 20170411

ARTICLES = {
    "01-g7-lucca.txt": (
        "2017-04-10",
        "Foreign ministers of the Group of 7 met in Lucca, Italy, on Monday. Secretary of State "
        "Rex Tillerson urged Russia to end its support for President Bashar Assad. Britain "
        "cancelled a planned visit to Moscow last week.",
    ),
    "02-sanctions.txt": (
        "2017-04-11",
        "The European Union imposed new sanctions on Syria on Tuesday. Officials in Brussels "
        "said the measures would target 27 people. Damascus condemned the decision.",
    ),
    "03-talks.txt": (
        "2017-04-12",
        "Russian Foreign Minister Sergey Lavrov met Tillerson in Moscow on Wednesday. The two "
        "men discussed the war in Syria for nearly five hours. Lavrov said Russia was ready to "
        "cooperate.",
    ),
    "04-veto.txt": (
        "2017-04-12",
        "Russia vetoed a United Nations Security Council resolution on Wednesday evening. "
        "China abstained. The United States accused Moscow of shielding Assad.",
    ),
    "05-korea.txt": (
        "2017-04-15",
        "North Korea displayed new missiles at a parade in Pyongyang on Saturday. Japan "
        "protested and South Korea put its forces on alert. Washington warned Pyongyang "
        "against a nuclear test.",
    ),
    "06-turkey.txt": (
        "2017-04-16",
        "Turkish voters narrowly approved a referendum on Sunday expanding the powers of "
        "President Recep Tayyip Erdogan. Observers from Europe criticised the vote.",
    ),
    "07-afghanistan.txt": (
        "2017-04-13",
        "The United States dropped its largest non-nuclear bomb on Islamic State fighters in "
        "Afghanistan on Thursday. Kabul said 36 militants were killed in Nangarhar.",
    ),
    "08-venezuela.txt": (
        "2017-04-19",
        "Protesters marched against President Nicolas Maduro in Caracas on Wednesday. Police "
        "fired tear gas at the crowd. Colombia called for calm.",
    ),
    "09-iran.txt": (
        "2017-04-20",
        "Iran registered candidates for the May election on Thursday. President Hassan Rouhani "
        "will seek a second term, officials in Tehran said.",
    ),
    "10-france.txt": (
        "2017-04-21",
        "A gunman killed a police officer on the Champs-Elysees in Paris on Thursday night. "
        "President Francois Hollande said France would not give in to terror.",
    ),
}


def write_corpus(folder: Path) -> int:
    """The ten short articles (front matter with their publication dates) and the seed article
    in `folder`; returns how many articles there are."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (published, body) in ARTICLES.items():
        (folder / name).write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    (folder / "11-seed.txt").write_text(f"---\npublished: 2017-04-07\n---\n{seed}", "utf-8")
    return len(ARTICLES) + 1


# --- the checks --------------------------------------------------------------------------------

# (what is wrong, a query counting the rows that are wrong): runs on SQLite and PostgreSQL
ORPHANS = [
    (
        "time expressions without their article",
        "SELECT count(*) FROM time_expressions t LEFT JOIN articles a ON a.id = t.article_id "
        "WHERE a.id IS NULL",
    ),
    (
        "events without their article",
        "SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = e.article_id "
        "WHERE a.id IS NULL",
    ),
    (
        "events dated by a missing expression",
        "SELECT count(*) FROM events e LEFT JOIN time_expressions t "
        "ON t.id = e.time_expression_id WHERE e.time_expression_id IS NOT NULL AND t.id IS NULL",
    ),
    (
        "events dated by another article's expression",
        "SELECT count(*) FROM events e JOIN time_expressions t ON t.id = e.time_expression_id "
        "WHERE t.article_id <> e.article_id",
    ),
    (
        "event_actors without their event or actor",
        "SELECT count(*) FROM event_actors x LEFT JOIN events e ON e.id = x.event_id "
        "LEFT JOIN actors a ON a.id = x.actor_id WHERE e.id IS NULL OR a.id IS NULL",
    ),
    (
        "event_locations without their event or place",
        "SELECT count(*) FROM event_locations x LEFT JOIN events e ON e.id = x.event_id "
        "LEFT JOIN locations l ON l.id = x.location_id WHERE e.id IS NULL OR l.id IS NULL",
    ),
    (
        "aliases without their actor",
        "SELECT count(*) FROM actor_aliases x LEFT JOIN actors a ON a.id = x.actor_id "
        "WHERE a.id IS NULL",
    ),
    (
        "articles with a missing source",
        "SELECT count(*) FROM articles a LEFT JOIN sources s ON s.id = a.source_id "
        "WHERE a.source_id IS NOT NULL AND s.id IS NULL",
    ),
    (
        "actors in no event",
        "SELECT count(*) FROM actors a WHERE NOT EXISTS "
        "(SELECT 1 FROM event_actors x WHERE x.actor_id = a.id)",
    ),
    (
        "places in no event",
        "SELECT count(*) FROM locations l WHERE NOT EXISTS "
        "(SELECT 1 FROM event_locations x WHERE x.location_id = l.id)",
    ),
    (
        "sources of no article",
        "SELECT count(*) FROM sources s WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.source_id = s.id)",
    ),
    (
        "actors stored twice",
        "SELECT count(*) FROM (SELECT name_key, kind FROM actors GROUP BY name_key, kind "
        "HAVING count(*) > 1) d",
    ),
    (
        "places stored twice",
        "SELECT count(*) FROM (SELECT key FROM locations GROUP BY key HAVING count(*) > 1) d",
    ),
    (
        "articles stored twice",
        "SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash "
        "HAVING count(*) > 1) d",
    ),
]


PLACES_UNUSED = (
    "places in no event and no mention",
    "SELECT count(*) FROM locations l WHERE NOT EXISTS "
    "(SELECT 1 FROM event_locations x WHERE x.location_id = l.id) AND NOT EXISTS "
    "(SELECT 1 FROM place_mentions m WHERE m.location_id = l.id)",
)


def integrity_problems(url: str) -> list[str]:
    """Everything wrong with the database at `url`; [] when it is sound."""
    problems = []
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                check = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                if check != ["ok"]:
                    problems.append(f"integrity_check: {check[:5]}")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    problems.append(f"foreign_key_check: {broken[:5]}")
            tables = set(
                connection.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE type = 'table'"
                        if engine.dialect.name == "sqlite"
                        else "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    )
                ).scalars()
            )
            if "articles" not in tables:
                return problems  # killed before the schema existed: nothing to check
            version = connection.execute(text("SELECT count(*) FROM alembic_version")).scalar()
            if version != 1:
                problems.append(f"schema tables present but {version} alembic_version rows")
            for what, query in ORPHANS:
                if what == "places in no event" and "place_mentions" in tables:
                    what, query = PLACES_UNUSED  # a place may be named by a mention only
                count = connection.execute(text(query)).scalar()
                if count:
                    problems.append(f"{count} {what}")
            link_columns = {c["name"] for c in inspect(connection).get_columns("event_actors")}
            if "date_start" in link_columns:  # the event's date, copied onto its actor links
                count = connection.execute(text(LINKS_OFF_THEIR_EVENT_DATE)).scalar()
                if count:
                    problems.append(f"{count} actor links not dated as their event")
            if "event_countries" in tables:  # derived from the places and actors, dated
                for what, query in COUNTRIES_OFF_THEIR_LINKS:
                    count = connection.execute(text(query)).scalar()
                    if count:
                        problems.append(f"{count} {what}")
            if "event_dyads" in tables:  # derived from the actor links, dated as the event
                for what, query in DYADS_OFF_THEIR_LINKS:
                    count = connection.execute(text(query)).scalar()
                    if count:
                        problems.append(f"{count} {what}")
    finally:
        engine.dispose()
    return problems


EVENT_COUNTRIES_DERIVED = (
    "SELECT l.event_id, a.country_code AS code FROM event_actors l "
    "JOIN actors a ON a.id = l.actor_id WHERE a.country_code IS NOT NULL "
    "UNION SELECT p.event_id, g.country_code FROM event_locations p "
    "JOIN locations g ON g.id = p.location_id WHERE g.country_code IS NOT NULL"
)
COUNTRIES_OFF_THEIR_LINKS = [
    (
        "event countries no place or actor gives",
        "SELECT count(*) FROM event_countries c WHERE NOT EXISTS (SELECT 1 FROM "
        f"({EVENT_COUNTRIES_DERIVED}) d WHERE d.event_id = c.event_id AND d.code = c.country_code)",
    ),
    (
        "countries of places and actors missing from event_countries",
        f"SELECT count(*) FROM ({EVENT_COUNTRIES_DERIVED}) d WHERE NOT EXISTS (SELECT 1 FROM "
        "event_countries c WHERE c.event_id = d.event_id AND c.country_code = d.code)",
    ),
    (
        "event countries not dated as their event",
        "SELECT count(*) FROM event_countries c JOIN events e ON e.id = c.event_id "
        "WHERE c.granularity IS DISTINCT FROM e.granularity "
        "OR c.date_start IS DISTINCT FROM e.date_start OR c.date_end IS DISTINCT FROM e.date_end",
    ),
]

DYADS_OFF_THEIR_LINKS = [
    (
        "dyads without their source and target links",
        "SELECT count(*) FROM event_dyads d WHERE NOT EXISTS (SELECT 1 FROM event_actors s "
        "JOIN event_actors t ON t.event_id = s.event_id AND t.role = 'target' "
        "WHERE s.event_id = d.event_id AND s.role = 'source' AND s.actor_id = d.source_id "
        "AND t.actor_id = d.target_id)",
    ),
    (
        "source and target links without their dyad",
        "SELECT count(*) FROM event_actors s JOIN event_actors t ON t.event_id = s.event_id "
        "AND t.role = 'target' AND t.actor_id <> s.actor_id WHERE s.role = 'source' "
        "AND NOT EXISTS (SELECT 1 FROM event_dyads d WHERE d.event_id = s.event_id "
        "AND d.source_id = s.actor_id AND d.target_id = t.actor_id)",
    ),
    (
        "dyads not dated as their event",
        "SELECT count(*) FROM event_dyads d JOIN events e ON e.id = d.event_id "
        "WHERE d.granularity IS DISTINCT FROM e.granularity "
        "OR d.date_start IS DISTINCT FROM e.date_start OR d.date_end IS DISTINCT FROM e.date_end",
    ),
]

LINKS_OFF_THEIR_EVENT_DATE = (
    "SELECT count(*) FROM event_actors x JOIN events e ON e.id = x.event_id "
    "WHERE x.granularity IS DISTINCT FROM e.granularity "
    "OR x.date_start IS DISTINCT FROM e.date_start OR x.date_end IS DISTINCT FROM e.date_end"
)


SNAPSHOT_QUERIES = {
    "articles": "SELECT a.content_hash, a.title, a.url, s.name FROM articles a "
    "LEFT JOIN sources s ON s.id = a.source_id",
    "expressions": "SELECT a.content_hash, t.start_char, t.end_char, t.text, t.type, t.value, "
    "t.date_start, t.date_end FROM time_expressions t JOIN articles a ON a.id = t.article_id",
    "events": "SELECT a.content_hash, e.trigger_start, e.trigger_end, e.event_code, e.status, "
    "e.date_value, e.date_start, e.date_end, t.start_char FROM events e "
    "JOIN articles a ON a.id = e.article_id "
    "LEFT JOIN time_expressions t ON t.id = e.time_expression_id",
    "event_actors": "SELECT a.content_hash, e.trigger_start, e.event_code, r.name_key, r.kind, "
    "x.role, x.granularity, x.date_start, x.date_end FROM event_actors x "
    "JOIN events e ON e.id = x.event_id "
    "JOIN articles a ON a.id = e.article_id JOIN actors r ON r.id = x.actor_id",
    "event_locations": "SELECT a.content_hash, e.trigger_start, e.event_code, l.key "
    "FROM event_locations x JOIN events e ON e.id = x.event_id "
    "JOIN articles a ON a.id = e.article_id JOIN locations l ON l.id = x.location_id",
    "actors": "SELECT name_key, kind, name, country_code, code, sector, title FROM actors",
    "aliases": "SELECT r.name_key, r.kind, x.alias_key FROM actor_aliases x "
    "JOIN actors r ON r.id = x.actor_id",
    # the places of events: what every revision holds (a place only a mention names goes with
    # the place_mentions table when the schema is taken below it)
    "locations": "SELECT key, name, country_code FROM locations l WHERE EXISTS "
    "(SELECT 1 FROM event_locations x WHERE x.location_id = l.id)",
}
PER_ARTICLE = ("expressions", "events", "event_actors", "event_locations")


def has_schema(url: str) -> bool:
    """Whether any table exists: a kill before the first migration commits leaves none."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return bool(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def snapshot(url: str) -> dict[str, list[tuple]]:
    """The database's content without row ids, each table as a sorted list (duplicates kept)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                name: sorted(
                    (tuple(str(v) for v in row) for row in connection.execute(text(query))),
                )
                for name, query in SNAPSHOT_QUERIES.items()
            }
    finally:
        engine.dispose()


def incomplete_articles(partial: dict, reference: dict) -> list[str]:
    """Articles stored with less (or more) than the reference has for them."""
    stored = {row[0] for row in partial["articles"]}
    wrong = []
    for table in PER_ARTICLE:
        mine = [row for row in partial[table] if row[0] in stored]
        theirs = [row for row in reference[table] if row[0] in stored]
        if mine != theirs:
            wrong.append(f"{table}: {len(mine)} rows, reference {len(theirs)}")
    return wrong


# --- databases and the command -----------------------------------------------------------------


@contextmanager
def fresh_database(kind: str, folder: Path, name: str) -> Iterator[str]:
    """An empty database URL of `kind` (sqlite / postgres), dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / (name + '.db')}"
        return
    url, drop = _postgres_database()
    try:
        yield url
    finally:
        drop()


def load_command(url: str, folder: Path) -> list[str]:
    return [sys.executable, "-m", "timeline", "--db", url, "load", str(folder), "--workers", "1"]


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def load_in_process(url: str, folder: Path) -> str:
    result = CliRunner().invoke(
        cli, ["--db", url, "load", str(folder), "--workers", "1"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return result.stderr


def kinds() -> list:
    return ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def skip_without_server(kind: str) -> None:
    if kind == "postgres" and not POSTGRES_URL:
        pytest.skip("TIMELINE_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")


# --- the tests ---------------------------------------------------------------------------------


def stored_articles(engine) -> int:
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM articles")).scalar()
    except Exception:  # no schema yet, or the file is being created
        return 0


def run_watched(command: list[str], url: str, until: Callable[[int, float], bool]):
    """Start `command`, watch how many articles it has stored, and SIGKILL it as soon as
    `until(stored, seconds since the first article)` holds. Returns (process, commit times)."""
    engine = create_engine(url)
    process = subprocess.Popen(
        command, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    commits: list[float] = []
    try:
        while process.poll() is None:
            stored = stored_articles(engine)
            now = time.monotonic()
            commits += [now] * (stored - len(commits))
            if until(stored, now - commits[0] if commits else -1.0):
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.01)
        process.wait()
    finally:
        engine.dispose()
    return process, commits


@pytest.mark.stress
@pytest.mark.parametrize("kind", kinds())
def test_sigkill_during_load_loses_nothing(kind: str, tmp_path: Path) -> None:
    skip_without_server(kind)
    corpus = tmp_path / "corpus"
    total = write_corpus(corpus)
    with fresh_database(kind, tmp_path, "reference") as url:
        done, commits = run_watched(load_command(url, corpus), url, lambda _n, _t: False)
        assert done.returncode == 0
        reference = snapshot(url)
        assert integrity_problems(url) == []
    assert len(reference["articles"]) == total and reference["events"]
    # the span over which articles are written: kills are spread over it
    window = max(commits[-1] - commits[0], 0.05) * total / max(total - 1, 1)

    rng = random.Random(SEED)
    partial_trials = 0
    for trial in range(TRIALS):
        # where the kill lands, as a share of the load: after article `after` is stored, a
        # random part of one article's time later (the pace measured in this very run, so that a
        # busy machine moves the kill with the load instead of past its end); below 0, before
        # the first article
        share = rng.uniform(-0.1, 1.0)
        after, part = max(1, min(total - 1, int(share * total))), rng.random()
        with fresh_database(kind, tmp_path, f"trial{trial}") as url:

            def due(stored: int, since_first: float, share=share, after=after, part=part) -> bool:
                if share < 0:
                    return True
                if stored < after:
                    return False
                pace = since_first / (stored - 1) if stored > 1 else window / total
                return since_first >= (after - 1) * pace + part * pace

            process, _ = run_watched(load_command(url, corpus), url, due)
            where = f"trial {trial} ({kind}, killed at {share:+.2f} of the load)"
            assert process.returncode in (-signal.SIGKILL, 0), where
            if has_schema(url):
                assert integrity_problems(url) == [], where
                partial = snapshot(url)
                assert incomplete_articles(partial, reference) == [], where
                stored = len(partial["articles"])
            else:  # killed before its first migration committed: an empty database, no tables
                stored = 0
            partial_trials += 0 < stored < total
            summary = load_in_process(url, corpus)
            assert f"loaded {total - stored}, skipped {stored} as duplicates, failed 0" in summary
            assert integrity_problems(url) == [], where
            assert snapshot(url) == reference, where
    # the kills must have caught the loader in the middle of its work, or nothing was tested
    assert partial_trials >= TRIALS // 2, f"only {partial_trials} of {TRIALS} kills mid-load"


@pytest.mark.parametrize("kind", kinds())
def test_kill_during_the_first_migration_leaves_no_half_schema(kind: str, tmp_path: Path) -> None:
    """The schema is created in one transaction: a process killed between two CREATE TABLEs
    leaves an empty database that the next run creates normally."""
    skip_without_server(kind)
    script = (
        "import os, signal, sys\n"
        "from alembic.operations import Operations\n"
        "original = Operations.create_table\n"
        "made = []\n"
        "def create_table(self, *args, **kwargs):\n"
        "    made.append(args[0])\n"
        "    if len(made) == 4:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return original(self, *args, **kwargs)\n"
        "Operations.create_table = create_table\n"
        "from timeline.database.engine import Database\n"
        "Database(sys.argv[1])\n"
    )
    with fresh_database(kind, tmp_path, "migrate") as url:
        killed = subprocess.run([sys.executable, "-c", script, url], env=environment())
        assert killed.returncode == -signal.SIGKILL
        engine = create_engine(url)
        with engine.connect() as connection:
            from sqlalchemy import inspect

            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        engine.dispose()
        corpus = tmp_path / "corpus"
        write_corpus(corpus)
        (corpus / "11-seed.txt").unlink()
        assert "failed 0" in load_in_process(url, corpus)
        assert integrity_problems(url) == []


def test_the_checks_find_damage(tmp_path: Path) -> None:
    """The integrity checks are not vacuous: damage done by hand is reported."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    for name in list(ARTICLES)[2:]:
        (corpus / name).unlink()
    (corpus / "11-seed.txt").unlink()
    url = f"sqlite:///{tmp_path / 'damaged.db'}"
    load_in_process(url, corpus)
    reference = snapshot(url)
    assert integrity_problems(url) == []
    engine = create_engine(url)
    damage: list[Callable] = [
        lambda c: c.exec_driver_sql("PRAGMA foreign_keys=OFF"),
        lambda c: c.exec_driver_sql(
            "DELETE FROM time_expressions WHERE id = (SELECT min(id) FROM time_expressions)"
        ),
        lambda c: c.exec_driver_sql("DELETE FROM events WHERE id = (SELECT max(id) FROM events)"),
        lambda c: c.exec_driver_sql(
            "INSERT INTO actors (name, name_key, kind) VALUES ('Nobody', 'nobody', 'person')"
        ),
    ]
    with engine.connect() as connection:
        for step in damage:
            step(connection)
        connection.commit()
    engine.dispose()
    problems = integrity_problems(url)
    assert any("foreign_key_check" in p for p in problems)
    assert any("actors in no event" in p for p in problems)
    assert incomplete_articles(snapshot(url), reference)
