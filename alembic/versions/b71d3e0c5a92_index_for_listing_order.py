"""Index for the listing order: (date_start, id) is the order of every event listing and export.

With it the database walks the events in order and stops after a page (LIMIT), and a full export
needs no sort.

Revision ID: b71d3e0c5a92
Revises: 4847aad4f30b
Create Date: 2026-11-25 23:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "b71d3e0c5a92"
down_revision: str | None = "4847aad4f30b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_date_start_id", ["date_start", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_date_start_id")
