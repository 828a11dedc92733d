"""Place mentions, and where an event's place comes from.

A table of every place an article names (`place_mentions`: article, span, text, the place it was
resolved to); for each place of an event, where the article ties it to the event
(`event_locations.place_source`: phrase / sentence / paragraph / dateline) and ACLED's geo
precision (`event_locations.precision`); the first-level region of a place (`locations.admin1`).

Existing rows are filled where the data allows: features get their new names (a US state is a
region, a continent a region, a facility a place), a state's admin1 is itself, a country's
coordinates become its representative point instead of its capital's; every event place stored
so far came from the event's own phrases, with the precision of its feature; and each place
mention an event link recorded becomes a row of place_mentions. Mentions that no event used are
found only by loading the article again (`timeline load --reprocess`).

Revision ID: 244c96f251f3
Revises: e5f1a7c3b9d2
Create Date: 2026-12-05 00:23:57
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "244c96f251f3"
down_revision: str | None = "e5f1a7c3b9d2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FEATURES = {"state": "region", "continent": "region", "facility": "place"}
PRECISION = {"city": 1, "place": 1, "county": 2, "region": 3, "country": 3}


def upgrade() -> None:
    op.create_table(
        "place_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_place_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_place_mentions_location_id_locations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place_mentions")),
    )
    with op.batch_alter_table("place_mentions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_place_mentions_article_id_start_char", ["article_id", "start_char"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_place_mentions_location_id"), ["location_id"], unique=False
        )
    with op.batch_alter_table("event_locations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("place_source", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(sa.Column("precision", sa.Integer(), nullable=True))
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("admin1", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    _fill()


def _fill() -> None:
    bind = op.get_bind()
    locations = sa.table(
        "locations",
        sa.column("id"),
        sa.column("name"),
        sa.column("country_code"),
        sa.column("feature"),
        sa.column("admin1"),
        sa.column("latitude"),
        sa.column("longitude"),
    )
    links = sa.table(
        "event_locations",
        sa.column("event_id"),
        sa.column("location_id"),
        sa.column("text"),
        sa.column("start_char"),
        sa.column("end_char"),
        sa.column("place_source"),
        sa.column("precision"),
    )
    events = sa.table("events", sa.column("id"), sa.column("article_id"))
    mentions = sa.table(
        "place_mentions",
        sa.column("article_id"),
        sa.column("start_char"),
        sa.column("end_char"),
        sa.column("text"),
        sa.column("location_id"),
    )
    for old, new in FEATURES.items():
        bind.execute(sa.update(locations).where(locations.c.feature == old).values(feature=new))
    bind.execute(
        sa.update(locations)
        .where(locations.c.feature == "region", locations.c.country_code == "USA")
        .values(admin1=locations.c.name)
    )
    for alpha3, latitude, longitude in _country_points():
        bind.execute(
            sa.update(locations)
            .where(locations.c.feature == "country", locations.c.country_code == alpha3)
            .values(latitude=latitude, longitude=longitude)
        )
    bind.execute(sa.update(links).values(place_source="phrase"))
    for feature, precision in PRECISION.items():
        of_feature = sa.select(locations.c.id).where(locations.c.feature == feature)
        bind.execute(
            sa.update(links).where(links.c.location_id.in_(of_feature)).values(precision=precision)
        )
    spans = (
        sa.select(
            events.c.article_id,
            links.c.start_char,
            sa.func.max(links.c.end_char),
            sa.func.max(links.c.text),
            sa.func.min(links.c.location_id),
        )
        .join(events, events.c.id == links.c.event_id)
        .where(links.c.start_char.is_not(None), links.c.text.is_not(None))
        .group_by(events.c.article_id, links.c.start_char)
    )
    bind.execute(
        sa.insert(mentions).from_select(
            ["article_id", "start_char", "end_char", "text", "location_id"], spans
        )
    )


def _country_points() -> list[tuple[str, float, float]]:
    """Each country's representative point, from the package's data file (as the places stage
    reads it); none when the package is not importable."""
    try:
        from timeline.data import read_table
    except ImportError:  # pragma: no cover - migrations run from the installed package
        return []
    return [(a, float(lat), float(lon)) for a, lat, lon in read_table("places_countries.tsv")]


def downgrade() -> None:
    # places that only mentions named are in no event: the older schema keeps none such
    op.execute(
        "DELETE FROM locations WHERE NOT EXISTS "
        "(SELECT 1 FROM event_locations x WHERE x.location_id = locations.id)"
    )
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.drop_column("admin1")
    with op.batch_alter_table("event_locations", schema=None) as batch_op:
        batch_op.drop_column("precision")
        batch_op.drop_column("place_source")
    with op.batch_alter_table("place_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_mentions_location_id"))
        batch_op.drop_index("ix_place_mentions_article_id_start_char")
    op.drop_table("place_mentions")
