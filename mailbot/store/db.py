"""The database engine: SQLite (WAL, synchronous=FULL) or PostgreSQL, and Alembic migrations."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mailbot.errors import ConfigError, MailbotError

MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseError(MailbotError):
    """The database cannot be opened or migrated."""


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create the engine for *url*; for SQLite create the folder and set WAL and synchronous=FULL."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"database.url: not a database URL: {url!r}") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    try:
        return create_engine(url, echo=echo, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise ConfigError(f"database.url: driver not installed ({exc.name}); pip install 'mailbot[postgres]'") from None


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Let SQLAlchemy, not pysqlite, issue BEGIN, so each transaction takes the write lock up front.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin_immediate(conn) -> None:  # type: ignore[no-untyped-def]
    conn.exec_driver_sql("BEGIN IMMEDIATE")


# The newest migration in migrations/versions (a test checks it is Alembic's head). A database
# already there is not handed to Alembic at all: importing and running it costs more than a
# whole `mailbot status`.
HEAD_REVISION = "0001"


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision. Safe to repeat."""
    if current_revision(engine) == HEAD_REVISION:
        return
    from alembic import command
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise DatabaseError(f"cannot open or migrate the database: {exc.orig}") from None


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, or None for a new one."""
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as exc:
        raise DatabaseError(f"cannot open the database: {exc.orig}") from None


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
