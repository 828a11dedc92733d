"""Index for date windows: (granularity, date_start, date_end).

An event's interval is at most one unit of its granularity (a day, a week, a year ...), so the
events overlapping a window [since, until] start between since minus that unit and until: one
bounded range of this index per granularity, instead of every event that starts before the
window (see timeline.query.filtered).

Revision ID: 5d0c7e21a9b3
Revises: b71d3e0c5a92
Create Date: 2026-11-26 00:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5d0c7e21a9b3"
down_revision: str | None = "b71d3e0c5a92"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_events_granularity_date_start",
            ["granularity", "date_start", "date_end"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_granularity_date_start")
