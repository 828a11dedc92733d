"""The database layer: URLs, SQLite settings, and the Alembic migrations on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from timeline.database.engine import (
    Database,
    current_revision,
    database_url,
    downgrade,
    head_revision,
    include_object,
    redact,
    upgrade,
)
from timeline.database.models import metadata
from timeline.errors import DatabaseError

TABLES = {
    "sources",
    "articles",
    "time_expressions",
    "events",
    "actors",
    "actor_aliases",
    "event_actors",
    "locations",
    "event_locations",
}


def test_path_becomes_sqlite_url(tmp_path):
    assert database_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"


def test_env_var_is_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "env.db"))
    assert database_url(None).endswith("env.db")


def test_postgres_url_gets_psycopg_driver():
    assert database_url("postgresql://u:p@h/db").startswith("postgresql+psycopg://u:p@h/db")


def test_password_is_redacted():
    assert "secret" not in redact("postgresql+psycopg://user:secret@host/db")


def test_unreachable_database_is_one_clear_error():
    with pytest.raises(DatabaseError) as info:
        Database("postgresql+psycopg://nobody:secret@127.0.0.1:1/nothing")
    message = str(info.value)
    assert "cannot connect" in message and "secret" not in message
    assert "\n" not in message


def test_bad_url_is_one_clear_error():
    with pytest.raises(DatabaseError):
        Database("nosuchdriver://x/y")


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(DatabaseError, match="folder does not exist"):
        Database(str(tmp_path / "no" / "such" / "x.db"))


def test_must_exist_refuses_a_missing_file(tmp_path):
    with pytest.raises(DatabaseError, match="no database at"):
        Database(str(tmp_path / "x.db"), must_exist=True)
    assert not (tmp_path / "x.db").exists()


def test_sqlite_pragmas(tmp_path):
    with Database(str(tmp_path / "x.db")) as db, db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_schema_revision_constant_is_the_head(database):
    from timeline.database.engine import SCHEMA_REVISION, stored_revision

    assert head_revision(database.engine) == SCHEMA_REVISION
    assert stored_revision(database.engine) == SCHEMA_REVISION


def test_schema_is_created_by_migrations(database):
    tables = set(inspect(database.engine).get_table_names())
    assert tables >= TABLES | {"alembic_version"}
    assert current_revision(database.engine) == head_revision(database.engine)


def test_downgrade_and_upgrade_again(database):
    downgrade(database.engine, "base")
    assert set(inspect(database.engine).get_table_names()) <= {"alembic_version"}
    upgrade(database.engine)
    assert set(inspect(database.engine).get_table_names()) >= TABLES


def test_every_table_has_its_model_and_every_column_its_field():
    """The SQLModel classes define every table, field for column: no table or column is defined
    anywhere else."""
    from sqlmodel import SQLModel

    import timeline.database.models as models

    classes = [
        cls
        for cls in vars(models).values()
        if isinstance(cls, type) and issubclass(cls, SQLModel) and cls is not SQLModel
    ]
    assert metadata is SQLModel.metadata
    assert {cls.__table__.name for cls in classes} == set(metadata.tables)
    for cls in classes:
        assert metadata.tables[cls.__tablename__] is cls.__table__
        assert list(cls.model_fields) == list(cls.__table__.columns.keys()), cls.__name__


def test_tables_and_migrations_agree(database):
    """Autogenerate finds nothing to change: the migrations build exactly the schema of the
    SQLModel classes."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        assert compare_metadata(context, metadata) == []


def test_newer_schema_is_refused(database):
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    with pytest.raises(DatabaseError, match="newer than this version"):
        Database(database.url)


def test_indexes_for_the_queries(database):
    inspector = inspect(database.engine)
    indexed = {
        (table, tuple(index["column_names"]))
        for table in (
            "events",
            "event_actors",
            "event_locations",
            "actor_aliases",
            "actors",
            "locations",
        )
        for index in inspector.get_indexes(table)
    }
    for expected in [
        ("events", ("date_start", "date_end")),
        ("events", ("date_end",)),
        ("events", ("event_code",)),
        ("events", ("article_id",)),
        # covering: an actor's (a place's) events are read from the index alone, in date order
        (
            "event_actors",
            ("actor_id", "granularity", "date_start", "event_id", "date_end", "role"),
        ),
        ("event_locations", ("location_id", "event_id")),
        ("actor_aliases", ("alias_key",)),
        ("actors", ("name_key",)),
        ("locations", ("country_code",)),
    ]:
        assert expected in indexed
