"""The database: where it is, how to connect, and its schema version (Alembic migrations only).

`--db` takes a file path (SQLite) or any SQLAlchemy URL. PostgreSQL URLs without a driver get
psycopg 3. Passwords never appear in messages.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from timeline.errors import DatabaseError

DEFAULT_DB = "timeline.db"
BUSY_TIMEOUT_MS = 30_000


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for a --db value (a path or a URL); TIMELINE_DB, then ./timeline.db."""
    db = db or os.environ.get("TIMELINE_DB") or DEFAULT_DB
    if "://" not in db:
        return "sqlite:///" + str(Path(db).expanduser().absolute())
    try:
        url = make_url(db)
    except ArgumentError as exc:
        raise DatabaseError(f"invalid database URL {redact(db)!r}: {exc}") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def redact(url: str) -> str:
    """A URL fit to print: the password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_path(url: str) -> Path | None:
    database = make_url(url).database
    if not database or database == ":memory:":
        return None
    return Path(database)


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    try:
        if is_sqlite(url):
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            event.listen(engine, "connect", _sqlite_on_connect)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseError(f"cannot use database {redact(url)}: {exc}") from None
    return engine


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(
            f"cannot connect to database {redact(str(engine.url.render_as_string(False)))}: "
            f"{reason}"
        ) from None


# --- migrations -----------------------------------------------------------------------------

# Full-text search lives outside the models: an FTS5 table on SQLite, a GIN expression index on
# PostgreSQL, both made by hand-written migrations. Autogenerate must not try to drop them.
FULL_TEXT_OBJECTS = ("events_fts", "ix_events_sentence_fts")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic filter: everything but the full-text search objects."""
    return not (name and name.startswith(FULL_TEXT_OBJECTS))


def migrations_dir() -> Path:
    """The Alembic scripts: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent.parent  # timeline/
    for candidate in (package / "alembic", package.parent / "alembic"):
        if (candidate / "env.py").is_file():
            return candidate
    raise DatabaseError("the schema migrations are missing from this installation")


def alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def head_revision(engine: Engine) -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run_alembic(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str) -> None:
    _run_alembic(engine, "downgrade", revision)


def _run_alembic(
    engine: Engine, direction: str, revision: str, *, refuse_unversioned: bool = False
) -> None:
    from alembic import command
    from alembic.util.exc import CommandError

    config = alembic_config(engine)
    migrating = _sqlite_migration_engine(engine) if is_sqlite(str(engine.url)) else engine
    try:
        with migrating.begin() as connection:
            if connection.dialect.name == "postgresql":
                # loaders starting together on a new database: one migrates, the others wait
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
            if refuse_unversioned:  # checked under the lock: another loader may have migrated
                _refuse_unversioned(connection)
            config.attributes["connection"] = connection
            getattr(command, direction)(config, revision)
            if connection.dialect.name == "sqlite":
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise DatabaseError(
                        f"cannot {direction} the database schema: it would break a foreign key "
                        f"(table {broken[0]}); nothing was changed"
                    )
    except CommandError as exc:
        raise DatabaseError(f"cannot {direction} the database schema: {exc}") from None
    finally:
        if migrating is not engine:
            migrating.dispose()
            engine.dispose()  # pooled connections may hold the schema as it was before


def _refuse_unversioned(connection) -> None:
    from alembic.runtime.migration import MigrationContext

    if MigrationContext.configure(connection).get_current_revision() is not None:
        return
    tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
    if tables & {"articles", "events"}:
        raise DatabaseError(
            "the database has timeline tables but no schema version; "
            "it was not created by 'timeline init' and cannot be upgraded safely"
        )


# pg_advisory_xact_lock key held while the schema changes ("timeline" in ASCII, as a number)
_LOCK_KEY = 0x74696D656C696E65


def _sqlite_migration_engine(engine: Engine) -> Engine:
    """An engine whose transactions really are transactions, DDL included.

    Python's sqlite3 driver runs CREATE/ALTER/DROP outside any transaction, so a process killed
    half way through a migration would leave half a schema that no later run can upgrade. Here
    the driver's own transaction handling is off and every transaction is an explicit BEGIN
    IMMEDIATE ... COMMIT (one writer; a second loader waits, then finds the schema current).
    Foreign keys are off while tables are rebuilt (batch migrations drop and re-create tables,
    which with ON DELETE CASCADE would delete the rows that refer to them) and checked before
    the commit instead.
    """
    migrating = create_engine(
        engine.url, poolclass=NullPool, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
    )

    @event.listens_for(migrating, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(migrating, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return migrating


# The newest migration in alembic/versions; tests/database/test_db.py checks that it is the head.
SCHEMA_REVISION = "3f41ca02b442"


def stored_revision(engine: Engine) -> str | None:
    """The schema version recorded in the database, read with plain SQL."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_schema(engine: Engine) -> None:
    """Bring the schema to the code's version, or refuse when the database is newer than the code.

    A database holding tables that Alembic never created (not a timeline database) is refused.
    """
    check_connection(engine)
    if stored_revision(engine) == SCHEMA_REVISION:
        return  # the common case, without loading Alembic (commands start faster)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return
    if current is not None:
        try:
            script.get_revision(current)
        except Exception:
            raise DatabaseError(
                f"the database schema ({current}) is newer than this version of timeline "
                f"({head}): upgrade timeline"
            ) from None
    # an unversioned database is checked again inside the migration's lock: a loader that
    # started at the same time may have created the schema since `current` was read
    _run_alembic(engine, "upgrade", "head", refuse_unversioned=current is None)


@contextmanager
def open_session(engine: Engine):
    from sqlmodel import Session  # the ORM: only the commands that write need it

    with Session(engine, expire_on_commit=False) as session:
        yield session


class Database:
    """A connected, migrated database: the handle the library functions take."""

    def __init__(self, db: str | None = None, *, migrate: bool = True, must_exist: bool = False):
        self.url = database_url(db)
        path = sqlite_path(self.url) if is_sqlite(self.url) else None
        if path is not None:
            if must_exist and not path.exists():
                raise DatabaseError(
                    f"no database at {path}: load articles first with 'timeline load', "
                    "or create one with 'timeline init'"
                )
            if not path.parent.exists():
                raise DatabaseError(f"cannot create database {path}: folder does not exist")
        self.engine = make_engine(self.url)
        try:
            if migrate:
                ensure_schema(self.engine)
            else:
                check_connection(self.engine)
        except SQLAlchemyError as exc:
            raise DatabaseError(f"database {redact(self.url)}: {_first_line(exc)}") from None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self):
        """An ORM session (SQLModel): the write path."""
        return open_session(self.engine)

    def connect(self) -> Connection:
        """A Core connection, for reading: the listings read the classes' tables through
        SQLAlchemy's core, without ORM objects (a long export makes millions of rows)."""
        return self.engine.connect()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
