"""Indexes for listings: an actor's events and a place's.

(actor_id, role, event_id) finds an actor's events, in a role, from the index alone; it replaces
the index on actor_id. (location_id, event_id) does the same for a place's events (filters by
place and by country).

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
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.create_index(
            "ix_event_actors_actor_id_role_event_id", ["actor_id", "role", "event_id"], unique=False
        )
        batch_op.drop_index("ix_event_actors_actor_id")
    with op.batch_alter_table("event_locations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_event_locations_location_id_event_id", ["location_id", "event_id"], unique=False
        )
        batch_op.drop_index("ix_event_locations_location_id")


def downgrade() -> None:
    with op.batch_alter_table("event_locations", schema=None) as batch_op:
        batch_op.create_index("ix_event_locations_location_id", ["location_id"], unique=False)
        batch_op.drop_index("ix_event_locations_location_id_event_id")
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.create_index("ix_event_actors_actor_id", ["actor_id"], unique=False)
        batch_op.drop_index("ix_event_actors_actor_id_role_event_id")
