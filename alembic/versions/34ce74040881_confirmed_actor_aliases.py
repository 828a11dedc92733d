"""Confirmed actor aliases: names a user gave with `actors merge` / `actors alias`.

Revision ID: 34ce74040881
Revises: 7d2f0a1c9e44
Create Date: 2026-11-25 20:20:36.599420
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "34ce74040881"
down_revision: str | None = "7d2f0a1c9e44"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("actor_aliases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("confirmed", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("actor_aliases", schema=None) as batch_op:
        batch_op.drop_column("confirmed")
