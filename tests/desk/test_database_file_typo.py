"""A typo in the SQLite file's name never starts a fresh, empty desk beside the real one: while another mailbot
database is in the folder, a database file that does not exist is refused, naming the one that is there. A first
start in a folder with no mailbot database still creates it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mailbot.store.db import database_problem, make_engine, migrate
from tests.desk.conftest import mailbot
from tests.desk.mailkit import set_config


def _desk_database(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    try:
        migrate(engine)
    finally:
        engine.dispose()


def test_a_missing_database_file_beside_a_mailbot_database_is_refused_naming_it(tmp_path: Path) -> None:
    _desk_database(tmp_path / "mailbot.db")
    said = database_problem(f"sqlite:///{tmp_path / 'mailbot.bd'}")
    assert said is not None, said
    assert said.startswith(f"database.url: {tmp_path / 'mailbot.bd'} does not exist, but the mailbot database "
                           f"{tmp_path / 'mailbot.db'} is in the same folder"), said
    assert "correct the file name in database.url" in said
    assert not (tmp_path / "mailbot.bd").exists()


def test_a_first_start_in_a_folder_without_a_mailbot_database_is_no_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_bytes(b"not sqlite")
    with sqlite3.connect(tmp_path / "other.db") as db:  # a SQLite file of another program
        db.execute("create table things (id integer)")
    assert database_problem(f"sqlite:///{tmp_path / 'mailbot.db'}") is None
    _desk_database(tmp_path / "mailbot.db")  # and the one that exists is used as it is
    assert database_problem(f"sqlite:///{tmp_path / 'mailbot.db'}") is None


def test_check_config_and_run_refuse_a_mistyped_database_file_name(desk_dir: Path) -> None:
    """Was: check-config said "ok ... database: SQLite .../var/mailbot.bd" and run --once started an empty desk
    with the opening balances beside var/mailbot.db."""
    assert mailbot(desk_dir, "migrate").returncode == 0
    set_config(desk_dir, "database", url="sqlite:///var/mailbot.bd")
    for command in (("check-config",), ("run", "--once")):
        refused = mailbot(desk_dir, *command)
        assert refused.returncode == 2, (command, refused.stdout, refused.stderr)
        assert "var/mailbot.bd does not exist, but the mailbot database" in refused.stderr, refused.stderr
        assert "var/mailbot.db is in the same folder" in refused.stderr, refused.stderr
    assert sorted(p.name for p in (desk_dir / "var").iterdir() if p.name.startswith("mailbot.bd")) == []
