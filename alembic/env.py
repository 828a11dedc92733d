"""Alembic environment: the target is every table of the SQLModel classes (`SQLModel.metadata`,
filled by importing timeline.database.models, which also sets its naming convention).

Run from the CLI (`timeline init`) with a connection passed in config.attributes, or by hand from a
source checkout: `alembic -x db=URL upgrade head` or
`alembic -x db=URL revision --autogenerate -m ...`.
"""

from alembic import context
from sqlalchemy import create_engine, pool
from sqlmodel import SQLModel

import timeline.database.models  # noqa: F401  (defines every table in SQLModel.metadata)
from timeline.database.engine import database_url, include_object

config = context.config
target_metadata = SQLModel.metadata


def run_with(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(database_url(url), poolclass=pool.NullPool)
    with engine.connect() as connection:
        run_with(connection)
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported: give a database with -x db=URL")
run_migrations_online()
