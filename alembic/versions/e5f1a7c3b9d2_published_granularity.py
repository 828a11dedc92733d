"""articles.published_granularity: how precise a publication time is.

A source may give only a month or a year ("2018-03"): the article is stored at the period's first
instant with granularity month (or year), so that relative dates in its text resolve no finer.
Existing rows are day or finer as they were stored: day where the time is midnight UTC (a date
given alone), else minute or second.

Revision ID: e5f1a7c3b9d2
Revises: d2e8b4c6a1f9
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence
from datetime import UTC

import sqlalchemy as sa
from alembic import op

revision: str = "e5f1a7c3b9d2"
down_revision: str | None = "d2e8b4c6a1f9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 500


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "published_granularity",
                sa.String(),
                server_default="day",
                nullable=False,
            )
        )
    articles = sa.table(
        "articles",
        sa.column("id", sa.Integer()),
        sa.column("published_at", sa.DateTime(timezone=True)),
        sa.column("published_granularity", sa.String()),
    )
    bind = op.get_bind()
    finer: dict[str, list[int]] = {"minute": [], "second": []}
    for article_id, moment in bind.execute(sa.select(articles.c.id, articles.c.published_at)):
        if moment is None:
            continue
        if moment.tzinfo is not None:  # PostgreSQL: in the session's zone; SQLite: naive UTC
            moment = moment.astimezone(UTC)
        if (moment.second, moment.microsecond) != (0, 0):
            finer["second"].append(article_id)
        elif (moment.hour, moment.minute) != (0, 0):
            finer["minute"].append(article_id)
    for granularity, ids in finer.items():
        for start in range(0, len(ids), CHUNK):
            bind.execute(
                articles.update()
                .where(articles.c.id.in_(ids[start : start + CHUNK]))
                .values(published_granularity=granularity)
            )


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("published_granularity")
