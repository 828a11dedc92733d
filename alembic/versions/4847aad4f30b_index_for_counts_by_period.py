"""Index for counts by period: (date_start, quad_class) covers the histogram queries.

Revision ID: 4847aad4f30b
Revises: 34ce74040881
Create Date: 2026-11-25 21:32:11.489065
"""

from collections.abc import Sequence

from alembic import op

revision: str = "4847aad4f30b"
down_revision: str | None = "34ce74040881"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_events_date_start_quad_class", ["date_start", "quad_class"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_date_start_quad_class")
