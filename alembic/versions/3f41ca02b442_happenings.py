"""Happenings: the real-world occurrences that events report, and the analyst's decisions.

- happenings: one row per happening, with what its mentions agree on (code, date, place, main
  actors), its first and last report and its counts of mentions, articles and sources.
- events.happening_id: the happening each event (a mention) reports, indexed with its date (the
  matcher's candidates are found through the actors' and places' indexes).
- happening_decisions: merges and splits made by hand (`timeline happenings merge/split`).
- The events already stored are grouped, as a load of their articles would group them.

Revision ID: 3f41ca02b442
Revises: 7020f5e49ec0
Create Date: 2026-12-05 03:22:32
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3f41ca02b442"
down_revision: str | None = "7020f5e49ec0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "happenings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_code", sa.String(), nullable=False),
        sa.Column("granularity", sa.String(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("first_reported", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_reported", sa.DateTime(timezone=True), nullable=True),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_happenings_location_id_locations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["actors.id"],
            name=op.f("fk_happenings_source_id_actors"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["actors.id"],
            name=op.f("fk_happenings_target_id_actors"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_happenings")),
    )
    with op.batch_alter_table("happenings", schema=None) as batch_op:
        batch_op.create_index("ix_happenings_date_start", ["date_start", "id"], unique=False)

    op.create_table(
        "happening_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("other_article_id", sa.Integer(), nullable=True),
        sa.Column("other_trigger_start", sa.Integer(), nullable=True),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_happening_decisions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["other_article_id"],
            ["articles.id"],
            name=op.f("fk_happening_decisions_other_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_happening_decisions")),
    )
    with op.batch_alter_table("happening_decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_happening_decisions_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_happening_decisions_other_article_id"),
            ["other_article_id"],
            unique=False,
        )

    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("happening_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            "ix_events_happening_id_date_start", ["happening_id", "date_start"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_events_happening_id_happenings"),
            "happenings",
            ["happening_id"],
            ["id"],
            ondelete="SET NULL",
        )
    _full_text_triggers()
    _group_stored_events()


# On SQLite the events table is copied anew to add (or drop) a column with a foreign key, which
# drops the triggers that keep its full-text index (revision 7d2f0a1c9e44) up to date: they are
# made again (the index itself is keyed by the events' ids, which the copy keeps).
SQLITE_TRIGGERS = [
    "DROP TRIGGER IF EXISTS events_fts_insert",
    "DROP TRIGGER IF EXISTS events_fts_delete",
    "DROP TRIGGER IF EXISTS events_fts_update",
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
]


def _full_text_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def _group_stored_events() -> None:
    """Every event already stored joins the happening it reports, as if its articles were loaded
    again (the matcher of this version)."""
    from timeline.database.happenings import regroup_all

    regroup_all(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_events_happening_id_happenings"), type_="foreignkey"
        )
        batch_op.drop_index("ix_events_happening_id_date_start")
        batch_op.drop_column("happening_id")
    _full_text_triggers()

    with op.batch_alter_table("happening_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_happening_decisions_other_article_id"))
        batch_op.drop_index(batch_op.f("ix_happening_decisions_article_id"))

    op.drop_table("happening_decisions")
    with op.batch_alter_table("happenings", schema=None) as batch_op:
        batch_op.drop_index("ix_happenings_date_start")

    op.drop_table("happenings")
