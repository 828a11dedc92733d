"""Full-text search over event sentences: FTS5 on SQLite, a GIN tsvector index on PostgreSQL.

Revision ID: 7d2f0a1c9e44
Revises: c4a339bf05e7
Create Date: 2026-11-25 20:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "7d2f0a1c9e44"
down_revision: str | None = "c4a339bf05e7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE events_fts USING fts5(
        sentence, content='events', content_rowid='id', tokenize='porter unicode61')""",
    """CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, sentence) VALUES (new.id, new.sentence);
    END""",
    """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
    END""",
    """CREATE TRIGGER events_fts_update AFTER UPDATE OF sentence ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
        INSERT INTO events_fts(rowid, sentence) VALUES (new.id, new.sentence);
    END""",
    "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS events_fts_update",
    "DROP TRIGGER IF EXISTS events_fts_delete",
    "DROP TRIGGER IF EXISTS events_fts_insert",
    "DROP TABLE IF EXISTS events_fts",
]
POSTGRES_UP = [
    "CREATE INDEX ix_events_sentence_fts ON events USING gin (to_tsvector('english', sentence))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS ix_events_sentence_fts"]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def upgrade() -> None:
    _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN})
