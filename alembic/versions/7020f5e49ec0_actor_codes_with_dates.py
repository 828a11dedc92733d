"""Dated actor codes, the user's actor dictionary, each event's actor code; no town names a country.

- actor_codes: the codes an actor held and when, from the actor dictionary (shipped or the
  user's): "Hosni Mubarak" EGYGOV 1981-10-14..2011-02-11, EGYELI otherwise.
- actor_entries: the user's dictionary entries (`timeline actors import`), laid over the shipped
  dictionary by later loads and `--reprocess`.
- event_actors.code and .country_code: the code and country the article gave the actor at that
  event (the code held on the event's date); filled here from the actors table, as stored so far.
- Aliases of countries that are not names of that country are deleted: the loader recorded the
  words of a place standing for a country ("Springfield", "Moscow") as the country's names, so
  that `--actor Springfield` listed the United States' events. Its names, codes and other names
  stay ("US", "USA", "America"), and so does a name the user confirmed.

Revision ID: 7020f5e49ec0
Revises: 244c96f251f3
Create Date: 2026-12-05 00:26:05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7020f5e49ec0"
down_revision: str | None = "244c96f251f3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COPY_CODES = """
UPDATE event_actors SET (code, country_code) = (
    SELECT actors.code, actors.country_code FROM actors WHERE actors.id = event_actors.actor_id
)
"""


def upgrade() -> None:
    op.create_table(
        "actor_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("aliases", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=True),
        sa.Column("date_until", sa.Date(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_entries")),
    )
    with op.batch_alter_table("actor_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_entries_name_key"), ["name_key"], unique=False)
    op.create_table(
        "actor_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=True),
        sa.Column("date_until", sa.Date(), nullable=True),
        sa.Column("origin", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_actor_codes_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_codes")),
    )
    with op.batch_alter_table("actor_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_codes_actor_id"), ["actor_id"], unique=False)
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("code", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("country_code", sa.String(), nullable=True))
    op.execute(COPY_CODES)
    _drop_place_aliases()


def _drop_place_aliases() -> None:
    """Delete the aliases of countries that name no country or another one (not those the user
    confirmed): the words of places that stood for the country in a sentence."""
    from timeline.nlp.actors.countries import country_of

    def names(alias: str, alpha3: str) -> bool:  # "US", "U.S.", "USA": not "Moscow"
        found = country_of(alias, capitals=False)
        return alias.upper() == alpha3 or (found is not None and found[0] == alpha3)

    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT x.id, x.alias, x.alias_key, r.name_key, r.country_code "
            "FROM actor_aliases x JOIN actors r ON r.id = x.actor_id "
            "WHERE r.kind = 'country' AND NOT x.confirmed"
        )
    ).all()
    doomed = [
        alias_id
        for alias_id, alias, alias_key, name_key, alpha3 in rows
        if alias_key != name_key and not names(alias, alpha3 or "")
    ]
    for start in range(0, len(doomed), 500):
        connection.execute(
            sa.text("DELETE FROM actor_aliases WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": doomed[start : start + 500]},
        )


def downgrade() -> None:
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.drop_column("country_code")
        batch_op.drop_column("code")
    with op.batch_alter_table("actor_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_codes_actor_id"))
    op.drop_table("actor_codes")
    with op.batch_alter_table("actor_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_entries_name_key"))
    op.drop_table("actor_entries")
