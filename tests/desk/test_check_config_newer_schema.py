"""`check-config` without --connect reads the schema revision of a SQLite database that exists (read-only): one
written by a newer mailbot is refused there too, as every other command refuses it, not "ok"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.desk.conftest import mailbot


def test_offline_check_config_refuses_a_database_of_a_newer_version(desk_dir: Path) -> None:
    assert mailbot(desk_dir, "migrate").returncode == 0
    assert mailbot(desk_dir, "check-config").returncode == 0
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        db.execute("update alembic_version set version_num = '0099'")
    checked = mailbot(desk_dir, "check-config")
    assert checked.returncode == 2, checked.stdout  # was: "ok"
    assert checked.stderr.startswith(f"mailbot: configuration error: {desk_dir / 'config.toml'}: database: the "
                                     "database is at schema revision 0099, which this version of mailbot does not "
                                     "know"), checked.stderr
    assert len(checked.stderr.splitlines()) == 1, checked.stderr
