"""event_dyads: who acts on whom in each event, dated, indexed by dyad and date.

One row per source and target actor of an event (never an actor on itself), with the event's
granularity and dates, derived from event_actors. The index (source_id, target_id, granularity,
date_start, event_id, date_end) gives a dyad's events in date order, one range per granularity
(see timeline.query.page_ids); the rows of existing events are derived here.

Revision ID: a3c9e1f05b72
Revises: 8e4b2d6f1a37
Create Date: 2026-11-26 02:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a3c9e1f05b72"
down_revision: str | None = "8e4b2d6f1a37"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DERIVE = """
INSERT INTO event_dyads (event_id, source_id, target_id, granularity, date_start, date_end)
SELECT s.event_id, s.actor_id, t.actor_id, s.granularity, s.date_start, s.date_end
FROM event_actors s
JOIN event_actors t ON t.event_id = s.event_id AND t.role = 'target' AND t.actor_id <> s.actor_id
WHERE s.role = 'source'
"""


def upgrade() -> None:
    op.create_table(
        "event_dyads",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("granularity", sa.String(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_dyads_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["actors.id"],
            name=op.f("fk_event_dyads_source_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["actors.id"],
            name=op.f("fk_event_dyads_target_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "source_id", "target_id", name=op.f("pk_event_dyads")),
    )
    op.execute(DERIVE)
    op.create_index(
        "ix_event_dyads_source_id_target_id_granularity",
        "event_dyads",
        ["source_id", "target_id", "granularity", "date_start", "event_id", "date_end"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_event_dyads_source_id_target_id_granularity", table_name="event_dyads")
    op.drop_table("event_dyads")
