"""Index events(id, date_start): an event's date without reading its row.

Pages that collect events by id (words, a place, an article) read each one's date_start to sort
them: from this narrow index instead of the events table with its sentences, about twice as fast
for ten thousand events (see timeline.query.page_ids).

Revision ID: d2e8b4c6a1f9
Revises: c7d5f3a9e216
Create Date: 2026-11-26 03:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "d2e8b4c6a1f9"
down_revision: str | None = "c7d5f3a9e216"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_id_date_start", ["id", "date_start"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_id_date_start")
