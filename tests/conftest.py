"""Shared fixtures: a fresh database per test on SQLite and on a real PostgreSQL server.

PostgreSQL tests use the server in TIMELINE_TEST_POSTGRES_URL (e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/test): each test gets a new database created on that
server and dropped afterwards. Without the variable those tests are skipped, with the reason.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "tillerson-moscow-2017.txt"
POSTGRES_URL = os.environ.get("TIMELINE_TEST_POSTGRES_URL")
NO_POSTGRES = "TIMELINE_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against"


def _postgres_database():
    """Create a throw-away database on the test server; returns (url, drop)."""
    base = make_url(POSTGRES_URL)
    if base.drivername in ("postgresql", "postgres"):
        base = base.set(drivername="postgresql+psycopg")
    name = f"timeline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return base.set(database=name).render_as_string(hide_password=False), drop


@pytest.fixture(
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def db_url(request, tmp_path) -> str:
    """An empty database URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'timeline.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    url, drop = _postgres_database()
    try:
        yield url
    finally:
        drop()


@pytest.fixture
def database(db_url):
    """A migrated, connected timeline.database.engine.Database."""
    from timeline.database.engine import Database

    db = Database(db_url)
    yield db
    db.close()


@pytest.fixture(scope="session")
def nlp():
    from timeline.nlp.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")
