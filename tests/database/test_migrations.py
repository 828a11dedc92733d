"""Migrations with data in the tables: every Alembic revision, on SQLite and PostgreSQL.

The revision list is walked with alembic's ScriptDirectory, so a new revision is covered without
touching this file. With the seed and a few more articles loaded at head, each revision's
downgrade and upgrade run in turn (head down to the first revision, then up again) and the
database must come back with every row it had. Downgrading the first revision drops the tables
(by design); it must still succeed with data present, and the empty schema must upgrade again.
tests/database/test_db.py checks that the models and the migrations agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from sqlalchemy import inspect
from test_crash import integrity_problems, load_in_process, snapshot, write_corpus

from timeline.database.engine import Database, alembic_config, current_revision, downgrade, upgrade


def revisions(engine) -> list:
    """Every revision, oldest first (one line of history: branches would need their own walk)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    walked = list(script.walk_revisions())
    assert len(script.get_heads()) == 1, "the migrations have more than one head"
    return list(reversed(walked))


@pytest.fixture
def loaded(db_url: str, tmp_path: Path) -> str:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    for name in sorted(p.name for p in corpus.iterdir())[3:-1]:
        (corpus / name).unlink()  # three short articles and the seed
    load_in_process(db_url, corpus)
    return db_url


def test_the_walk_finds_every_revision_file(database) -> None:
    files = {path.stem.split("_", 1)[0] for path in (ROOT / "alembic" / "versions").glob("*.py")}
    assert {r.revision for r in revisions(database.engine)} == files


def test_each_revision_downgrades_and_upgrades_with_data(loaded: str) -> None:
    before = snapshot(loaded)
    assert before["events"] and before["actors"]
    with Database(loaded) as db:
        history = revisions(db.engine)
        head = history[-1].revision
        # step down one revision at a time, as far as the first one (which keeps the tables)
        for revision in reversed(history[1:]):
            assert current_revision(db.engine) == revision.revision
            downgrade(db.engine, revision.down_revision)
            assert current_revision(db.engine) == revision.down_revision
        # then up one at a time: each upgrade runs on the data the older schema kept
        for revision in history[1:]:
            upgrade(db.engine, revision.revision)
            assert current_revision(db.engine) == revision.revision
        assert current_revision(db.engine) == head
    assert snapshot(loaded) == before
    assert integrity_problems(loaded) == []


def test_newest_revision_round_trip_keeps_the_data(loaded: str, tmp_path: Path) -> None:
    before = snapshot(loaded)
    with Database(loaded) as db:
        newest = revisions(db.engine)[-1]
        downgrade(db.engine, newest.down_revision or "base")
        if newest.down_revision is None:
            return  # the only revision: nothing below it can hold data
        upgrade(db.engine)
    assert snapshot(loaded) == before
    # and the upgraded database keeps working: more articles load next to the old ones
    corpus = tmp_path / "more"
    write_corpus(corpus)
    assert "failed 0" in load_in_process(loaded, corpus)
    after = snapshot(loaded)
    assert set(before["articles"]) <= set(after["articles"])
    assert integrity_problems(loaded) == []


def test_upgrade_from_every_revision_to_head(db_url: str, tmp_path: Path) -> None:
    """A database with data, taken down to any older revision, upgrades straight to head in one
    step and keeps its rows."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    load_in_process(db_url, corpus)
    reference = snapshot(db_url)
    with Database(db_url) as db:
        for revision in revisions(db.engine):
            downgrade(db.engine, revision.revision)
            upgrade(db.engine)  # all the way to head in one command
            assert snapshot(db_url) == reference, revision.revision
        assert integrity_problems(db_url) == []


def test_downgrade_to_base_with_data_then_upgrade_again(loaded: str, tmp_path: Path) -> None:
    with Database(loaded) as db:
        downgrade(db.engine, "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        assert current_revision(db.engine) is None
        upgrade(db.engine)
    corpus = tmp_path / "again"
    write_corpus(corpus)
    assert "failed 0" in load_in_process(loaded, corpus)
    assert integrity_problems(loaded) == []


def test_tables_without_a_schema_version_are_refused(db_url: str) -> None:
    """Tables Alembic did not create are never migrated over (checked under the migration
    lock, so that loaders starting together on a new database are not refused)."""
    from sqlalchemy import create_engine

    from timeline.database.models import metadata
    from timeline.errors import DatabaseError

    engine = create_engine(db_url)
    metadata.create_all(engine)
    engine.dispose()
    with pytest.raises(DatabaseError, match="no schema version"):
        Database(db_url)
