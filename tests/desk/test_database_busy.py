"""A database another program keeps locked: the command says so in one line, and the sender waits in one line."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from mailbot.store import db


def test_a_locked_database_is_one_line_not_a_traceback(desk_dir: Path, migrated_sqlite: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from mailbot import cli

    shutil.copy(migrated_sqlite, desk_dir / "var" / "mailbot.db")
    monkeypatch.setattr(db, "BUSY_SECONDS", 0.2)
    holder = sqlite3.connect(desk_dir / "var" / "mailbot.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a sqlite3 shell left in a transaction
    try:
        monkeypatch.setattr(sys, "argv", ["mailbot", "--config", str(desk_dir / "config.toml"),
                                          "supply", "receive", "1.000", "--note", "BAST"])
        with pytest.raises(SystemExit) as exited:
            cli.main()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "mailbot: the database stayed locked by another program for 0.2 s (a backup, a sqlite3 shell in a "
        "transaction, a stuck process); try again when it is done"], err
    assert db.database_locked(sqlite3.OperationalError("database is locked"))
    assert not db.database_locked(sqlite3.OperationalError("no such table: messages"))
