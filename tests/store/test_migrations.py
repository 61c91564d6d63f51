"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL, and
HEAD_REVISION is their head."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.config import Config as AlembicConfig
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from mailbot.store.db import HEAD_REVISION, MIGRATIONS, current_revision, make_engine, migrate
from mailbot.store.schema import Base


def test_head_revision_constant_matches_the_scripts() -> None:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD_REVISION


def test_migrated_database_matches_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == HEAD_REVISION
    migrate(engine)  # safe to repeat
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    if engine.dialect.name != "sqlite":
        engine.dispose()
        return
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    engine.dispose()
