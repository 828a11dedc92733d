"""The event's date on its actor links, and indexes in listing order (date_start, id).

event_actors gets the granularity, date_start and date_end of its event (copied: an event's date
never changes once stored), and the index (actor_id, granularity, date_start, event_id, date_end,
role): a page of an actor's events, in a date window or not, reads a few entries of it per
granularity instead of collecting and sorting all the actor's events (see
timeline.query.page_ids). The events' (granularity, date_start, date_end) index becomes
(granularity, date_start, id, date_end): a page of a date window stops after its last event
instead of sorting every event of a day (all the events of a year start on its first day).

Revision ID: 8e4b2d6f1a37
Revises: 5d0c7e21a9b3
Create Date: 2026-11-26 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8e4b2d6f1a37"
down_revision: str | None = "5d0c7e21a9b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COPY_DATES = """
UPDATE event_actors SET (granularity, date_start, date_end) = (
    SELECT events.granularity, events.date_start, events.date_end
    FROM events WHERE events.id = event_actors.event_id
)
"""


def upgrade() -> None:
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("granularity", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("date_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("date_end", sa.Date(), nullable=True))
    op.execute(COPY_DATES)
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.create_index(
            "ix_event_actors_actor_id_granularity_date_start",
            ["actor_id", "granularity", "date_start", "event_id", "date_end", "role"],
            unique=False,
        )
    _events_index(["granularity", "date_start", "id", "date_end"])


def _events_index(columns: list[str]) -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_granularity_date_start")
        batch_op.create_index("ix_events_granularity_date_start", columns, unique=False)


def downgrade() -> None:
    _events_index(["granularity", "date_start", "date_end"])
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actors_actor_id_granularity_date_start")
        batch_op.drop_column("date_end")
        batch_op.drop_column("date_start")
        batch_op.drop_column("granularity")
