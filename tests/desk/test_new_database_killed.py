"""A first start killed while the database's schema is made leaves nothing where the database goes: the next start
makes it again. Was: an empty mailbot.db there (SQLite makes the file at the first connection), which every command
then refused as "an empty file (0 bytes), not a mailbot database" (seen when `mailbot run` was killed just after
it started)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

import mailbot.app as app
from mailbot.configfile import load_config


def test_a_start_stopped_while_the_schema_is_made_leaves_no_database_file(
        desk_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(desk_dir / "config.toml")
    database = desk_dir / "var" / "mailbot.db"
    assert not database.exists()
    migrate = app.migrate

    def killed(engine: Engine) -> None:  # stopped once SQLite has made its file, before any table
        with engine.connect():
            raise KeyboardInterrupt

    monkeypatch.setattr(app, "migrate", killed)
    with pytest.raises(KeyboardInterrupt):
        app.open_desk(config)
    assert not os.path.lexists(database)
    assert [p.name for p in database.parent.iterdir() if p.name.startswith(".mailbot.db")] == []
    monkeypatch.setattr(app, "migrate", migrate)
    desk = app.open_desk(config)  # the next start makes it, with the opening balances
    try:
        with desk.sessions() as session:
            assert session.execute(text("select count(*) from ledger_entries")).scalar_one() > 0
    finally:
        desk.engine.dispose()
    assert database.stat().st_size > 0
    assert [p.name for p in database.parent.iterdir() if p.name.startswith(".mailbot.db")] == []


def test_a_database_made_beside_its_place_is_whole_when_linked(desk_dir: Path) -> None:
    """The schema and the opening balances are in the file itself (nothing left behind in a WAL)."""
    import sqlite3

    config = load_config(desk_dir / "config.toml")
    database = desk_dir / "var" / "mailbot.db"
    app.make_sqlite_database(config.database.url, database)
    wal = database.with_name("mailbot.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        tables = {row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")}
    assert {"alembic_version", "messages", "requests", "outbox"} <= tables, tables
