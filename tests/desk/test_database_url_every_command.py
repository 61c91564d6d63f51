"""Every command that opens the database makes the check check-config and `run` make, in the same line: a
database in memory (whatever a command records is forgotten when it ends), a file inside a Maildir (read as mail
by the desk), a side file of the database or an empty file (no desk at all) is refused with exit 2, and nothing is
recorded, sent or made. `backup` included: a refused URL gives no empty "backup"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot, outbox_files
from tests.desk.mailkit import set_config

# Commands that read, record, send or copy: each opened its desk without the check before (`status`, `supply`,
# `digest --send` worked on an empty desk in memory; `backup` copied the -wal).
COMMANDS = (
    ("status",),
    ("requests",),
    ("supply", "receive", "2.000", "--item", "ktp-el", "--note", "kiriman pusat"),
    ("approve", "BLK-2026-0002"),
    ("adjust", "65.01", "-100", "--reason", "hitung ulang"),
    ("digest", "--send"),
    ("outbox", "list"),
    ("migrate",),
    ("backup", "BACKUP"),
)


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under *folder* with its size and modification time: what a refused command must not change."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _refused_everywhere(desk: Path, url: str, words: str) -> None:
    set_config(desk, "database", url=url)
    told = mailbot(desk, "check-config")
    assert told.returncode == 2, (told.stdout, told.stderr)
    [line] = told.stderr.splitlines()
    assert words in line, line
    before, sent = _files(desk / "var"), outbox_files(desk)
    for command in COMMANDS:
        backup = desk.parent / f"backup-{command[0]}.db"
        refused = mailbot(desk, *(str(backup) if part == "BACKUP" else part for part in command))
        assert refused.returncode == 2, (url, command, refused.stdout, refused.stderr)
        assert refused.stderr.splitlines() == [line], (url, command, refused.stderr)
        assert refused.stdout == "", (url, command, refused.stdout)
        assert not backup.exists(), (url, command)
    assert _files(desk / "var") == before, url
    assert outbox_files(desk) == sent


@pytest.mark.parametrize("url", ["sqlite:///", "sqlite:///:memory:"])
def test_every_command_refuses_a_database_in_memory(sample: Path, url: str) -> None:
    """Was: only check-config and run refused it; `supply receive` said "recorded" and forgot it, `digest --send`
    mailed the managers the digest of an empty desk, `backup` said "the database is in memory" in other words."""
    _refused_everywhere(sample, url, f"database.url: {url!r} is a database in memory, forgotten at every stop")


@pytest.mark.parametrize("box", ["inbox/new", "outbox/cur"])
def test_every_command_refuses_a_database_inside_a_maildir(sample: Path, box: str) -> None:
    """Was: check-config refused it, but `status`, `supply` and `approve` made a fresh desk in var/mail/inbox/new/,
    which the real desk then took for mail and quarantined."""
    _refused_everywhere(sample, f"sqlite:///var/mail/{box}/mailbot.db", "is inside the Maildir of")
    assert not (sample / "var" / "mail" / box / "mailbot.db").exists()


@pytest.mark.parametrize(("file", "words"), [
    ("mailbot.db-wal", "is not a mailbot database but its write-ahead log (-wal)"),
    ("mailbot.db-shm", "is not a mailbot database but its shared-memory index (-shm)"),
    ("mailbot.db.outbox.lock", "is not a mailbot database but its send lock (.outbox.lock)"),
    ("empty.db", "is an empty file (0 bytes), not a mailbot database"),
])
def test_backup_refuses_what_every_command_refuses(sample: Path, file: str, words: str) -> None:
    """Was: `backup` of the -wal (0 bytes after a command that only reads), the send lock, the service lock or an
    empty file said "database copied to ... (1 pages)", exit 0, wrote a database of no tables, and left
    "<file>.outbox.lock" beside the live database; of the -shm it said SQLite's "file is not a database"."""
    assert mailbot(sample, "status").returncode == 0  # leaves the -wal and -shm, as a running service does
    var = sample / "var"
    (var / "empty.db").touch()
    (var / "mailbot.db.outbox.lock").touch()
    assert (var / file).is_file()
    set_config(sample, "database", url=f"sqlite:///var/{file}")
    status = mailbot(sample, "status")
    assert status.returncode == 2, status.stdout
    [line] = status.stderr.splitlines()
    assert words in line, line
    before = _files(var)
    backup = sample.parent / "backup.db"
    refused = mailbot(sample, "backup", str(backup))
    assert (refused.returncode, refused.stderr.splitlines(), refused.stdout) == (2, [line], "")
    assert not backup.exists()
    assert _files(var) == before  # no "<file>.outbox.lock" beside the database
