"""A database mailbot cannot use is one line from every command; a restored backup, with the README's
procedure, reads again the mail read since the backup (and only that)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot

COMMANDS = [("migrate",), ("status",), ("run", "--once"), ("check-config", "--connect")]


def _one_line_refusal(desk_dir: Path, words: str) -> None:
    for command in COMMANDS:
        result = mailbot(desk_dir, *command)
        assert result.returncode != 0, (command, result.stdout)
        said = [line for line in result.stderr.splitlines() if not line.startswith("mailbot 0")]  # run's summary
        assert len(said) == 1 and words in said[0] and "Backup and restore" in said[0], (command, result.stderr)


def test_a_schema_from_a_newer_version_is_refused_in_one_line(desk_dir: Path) -> None:
    assert mailbot(desk_dir, "migrate").returncode == 0
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        db.execute("update alembic_version set version_num = '0099'")
    _one_line_refusal(desk_dir, "schema revision 0099, which this version of mailbot does not know")


def test_a_file_that_is_no_database_is_refused_in_one_line(desk_dir: Path) -> None:
    (desk_dir / "var" / "mailbot.db").write_text("not a database\n")
    _one_line_refusal(desk_dir, "cannot open the database: file is not a database")


def _messages(desk_dir: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        return db.execute("select subject, status from messages order by subject").fetchall()


def test_restore_procedure_reads_again_what_came_after_the_backup(desk_dir: Path) -> None:
    inbox = desk_dir / "var" / "mail" / "inbox"
    assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    backup = desk_dir / "backup.db"
    assert mailbot(desk_dir, "backup", str(backup)).returncode == 0
    assert mailbot(desk_dir, "import", str(EXAMPLES / "02-tarakan-laporan.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    read = _messages(desk_dir)
    assert len(read) == 2

    # the README's restore: the backup in the database's place, the mail of cur/ imported again
    database = desk_dir / "var" / "mailbot.db"
    shutil.copy(backup, database)
    for extra in ("mailbot.db-wal", "mailbot.db-shm"):
        (desk_dir / "var" / extra).unlink(missing_ok=True)
    assert len(_messages(desk_dir)) == 1
    again = mailbot(desk_dir, "import", *sorted(str(p) for p in (inbox / "cur").iterdir()))
    assert again.returncode == 0, again.stderr
    result = mailbot(desk_dir, "run", "--once")
    assert result.returncode == 0, result.stderr
    assert _messages(desk_dir) == read  # the later one read again, the earlier one not twice
    assert "duplicate" in result.stdout


@pytest.mark.parametrize(("path", "words"), [("/dev/zero", "/dev/zero: not a file"), ("/", "/: a folder")])
def test_import_refuses_what_is_no_file(desk_dir: Path, path: str, words: str) -> None:
    result = mailbot(desk_dir, "import", path, timeout=30)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"mailbot: {words}; give .eml files (one message each); "
                                                  "nothing was delivered"]


def test_import_copies_a_file_above_the_message_limit_for_the_quarantine(desk_dir: Path) -> None:
    big = desk_dir / "big.eml"
    big.write_bytes(b"Subject: x\n\n" + b"a" * (10 * 1024 * 1024))
    result = mailbot(desk_dir, "import", str(big))
    assert result.returncode == 0, result.stderr
    [copy] = (desk_dir / "var" / "mail" / "inbox" / "new").iterdir()
    assert copy.read_bytes() == big.read_bytes()
