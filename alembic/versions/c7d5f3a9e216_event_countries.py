"""event_countries: the countries each event is in or involves, dated, indexed by country and date.

One row per event and country of its places or of its actors (what `--country` matches), with the
event's granularity and dates, derived from the links. The index (country_code, granularity,
date_start, event_id, date_end) gives a country's events in date order, one range per
granularity (see timeline.query.page_ids); the rows of existing events are derived here.

Revision ID: c7d5f3a9e216
Revises: a3c9e1f05b72
Create Date: 2026-11-26 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c7d5f3a9e216"
down_revision: str | None = "a3c9e1f05b72"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DERIVE = """
INSERT INTO event_countries (event_id, country_code, granularity, date_start, date_end)
SELECT c.event_id, c.code, e.granularity, e.date_start, e.date_end
FROM (
    SELECT l.event_id, a.country_code AS code
    FROM event_actors l JOIN actors a ON a.id = l.actor_id
    WHERE a.country_code IS NOT NULL
    UNION
    SELECT p.event_id, g.country_code AS code
    FROM event_locations p JOIN locations g ON g.id = p.location_id
    WHERE g.country_code IS NOT NULL
) c
JOIN events e ON e.id = c.event_id
"""


def upgrade() -> None:
    op.create_table(
        "event_countries",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("country_code", sa.String(), nullable=False),
        sa.Column("granularity", sa.String(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_countries_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "country_code", name=op.f("pk_event_countries")),
    )
    op.execute(DERIVE)
    op.create_index(
        "ix_event_countries_country_code_granularity",
        "event_countries",
        ["country_code", "granularity", "date_start", "event_id", "date_end"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_event_countries_country_code_granularity", table_name="event_countries")
    op.drop_table("event_countries")
