"""A typo in the SQLite file's name never starts a fresh, empty desk beside the real one: while another mailbot
database is in the folder, a database file that does not exist is refused, naming the one that is there. A first
start in a folder with no mailbot database still creates it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from mailbot.errors import ConfigError
from mailbot.store.db import database_problem, make_engine, migrate, other_desks
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


def _listing(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in folder.iterdir()}


def test_no_file_that_is_not_a_mailbot_database_is_taken_for_one(tmp_path: Path) -> None:
    """Was: an empty file, the send lock, the sent journal and the database's -wal were each accepted (a fresh,
    empty desk started in them, a desk schema migrated into the sent journal), and recognising the database
    beside them made its -wal (0 bytes), which the next command then took for an empty database."""
    _desk_database(tmp_path / "mailbot.db")
    (tmp_path / "copy.db").touch()  # a failed copy, a `touch`
    (tmp_path / "mailbot.db.outbox.lock").touch()
    with sqlite3.connect(tmp_path / "mailbot.db.outbox-sent") as journal:
        journal.execute("create table sent (outbox_id integer)")
    with sqlite3.connect(tmp_path / "ledger.db") as other:  # another program's database
        other.execute("create table ledger (id integer)")
    before = _listing(tmp_path)
    assert "mailbot.db-wal" not in before
    expected = {
        "copy.db": "is an empty file (0 bytes), not a mailbot database",
        "mailbot.db.outbox.lock": f"is not a mailbot database but its send lock (.outbox.lock) of the database "
                                  f"{tmp_path / 'mailbot.db'}",
        "mailbot.db.outbox-sent": "is not a mailbot database but its sent journal (.outbox-sent)",
        "mailbot.db-wal": "is not a mailbot database but its write-ahead log (-wal)",
        "mailbot.db-shm": "is not a mailbot database but its shared-memory index (-shm)",
        "mailbot.db-journal": "is not a mailbot database but its rollback journal (-journal)",
        "ledger.db": "is not a SQLite database (it is the SQLite database of another program, with the tables "
                     "ledger)",
    }
    for name, words in expected.items():
        url = f"sqlite:///{tmp_path / name}"
        said = database_problem(url)
        assert said is not None and f"{tmp_path / name} {words}" in said, (name, said)
        try:
            make_engine(url)
        except ConfigError as refused:
            assert str(refused) == said
        else:
            raise AssertionError(f"{name} was opened as a database")
    typo = database_problem(f"sqlite:///{tmp_path / 'mailbot.bd'}") or ""
    assert "does not exist, but the mailbot database" in typo, typo
    assert _listing(tmp_path) == before  # nothing made beside the database, nothing written into the files
    assert database_problem(f"sqlite:///{tmp_path / 'mailbot.db'}") is None


def test_commands_refuse_the_send_lock_as_database_and_make_no_wal(desk_dir: Path) -> None:
    assert mailbot(desk_dir, "migrate").returncode == 0
    (desk_dir / "var" / "mailbot.db.outbox.lock").touch()
    for file in ("mailbot.db-wal", "mailbot.db-shm"):
        (desk_dir / "var" / file).unlink(missing_ok=True)
    set_config(desk_dir, "database", url="sqlite:///var/mailbot.db.outbox.lock")
    for command in (("check-config",), ("requests",), ("status",)):
        refused = mailbot(desk_dir, *command)
        assert refused.returncode == 2, (command, refused.stdout, refused.stderr)
        assert "is not a mailbot database but its send lock" in refused.stderr, refused.stderr
    assert (desk_dir / "var" / "mailbot.db.outbox.lock").stat().st_size == 0
    assert not (desk_dir / "var" / "mailbot.db-wal").exists()
    assert not (desk_dir / "var" / "mailbot.db.outbox.lock-wal").exists()


def test_the_start_line_says_when_a_new_database_is_made(desk_dir: Path) -> None:
    """"sqlite:////var/mailbot.db" (a slash too many) started a fresh desk in /var, and the
    start line named the file as it names the live one."""
    (desk_dir / "var" / "mail" / "inbox").mkdir(parents=True, exist_ok=True)
    set_config(desk_dir, "database", url=f"sqlite:///{desk_dir / 'var' / 'fresh.db'}")
    checked = mailbot(desk_dir, "check-config")
    assert checked.returncode == 0, checked.stderr
    assert f"database: SQLite {desk_dir}/var/fresh.db (none there yet: a new, empty database is made there)" \
        in checked.stdout, checked.stdout
    first = mailbot(desk_dir, "run", "--once")
    assert first.returncode == 0 and "a new, empty database is made there" in first.stderr, first.stderr
    again = mailbot(desk_dir, "run", "--once")
    assert again.returncode == 0 and f"database: SQLite {desk_dir}/var/fresh.db;" in again.stderr, again.stderr
    assert "new, empty" not in again.stderr


def test_a_database_cut_short_by_a_failed_copy_is_refused_by_check_config_and_every_command(sample: Path) -> None:
    """Was: check-config said "ok" for the first 100.000 bytes of a real database; status, approve and every other
    command then failed with "cannot open the database: database disk image is malformed"."""
    assert mailbot(sample, "backup", str(sample / "var" / "whole.db")).returncode == 0  # one file, no -wal
    whole = (sample / "var" / "whole.db").read_bytes()
    (sample / "var" / "cut.db").write_bytes(whole[:len(whole) // 3])
    set_config(sample, "database", url="sqlite:///var/cut.db")
    said = f"cut short ({len(whole) // 3:,} of {len(whole):,} bytes)".replace(",", ".")
    for command in (("check-config",), ("status",), ("approve", "BLK-2026-0002")):
        refused = mailbot(sample, *command)
        assert refused.returncode == 2, (command, refused.stdout, refused.stderr)
        [line] = refused.stderr.splitlines()
        assert said in line and "restore the last backup" in line, line
    set_config(sample, "database", url="sqlite:///var/whole.db")  # the whole copy is a desk
    assert mailbot(sample, "check-config").returncode == 0


@pytest.mark.parametrize("target", ["/dev/null", "dangling"])
def test_a_device_or_a_link_to_nothing_is_no_database_for_any_command(desk_dir: Path, target: str) -> None:
    """`backup` with database.url = "sqlite:////dev/null" said "database copied (1 pages)" and exited 0, and a
    dangling link was said to be a file "this user cannot read and write"."""
    if target == "dangling":
        (desk_dir / "var").mkdir(exist_ok=True)
        (desk_dir / "var" / "gone.db").symlink_to(desk_dir / "var" / "nowhere" / "x.db")
        path, said = desk_dir / "var" / "gone.db", "is a link to nothing"
    else:
        path, said = Path(target), "is a device or special file, not a database file"
    set_config(desk_dir, "database", url=f"sqlite:///{path}")
    copy = desk_dir / "copy.db"
    for command in (("backup", str(copy)), ("status",), ("check-config",), ("migrate",)):
        result = mailbot(desk_dir, *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1, (command, result.stderr)
    assert not copy.exists()


def test_a_folder_of_files_whose_read_blocks_is_looked_at_without_waiting() -> None:
    """/proc/kmsg is a "regular" file whose read waits for the kernel's next message: a database named in /proc
    (or beside such a file) is judged at once, never by reading it (check-config once hung there)."""
    import threading

    if not os.access("/proc/kmsg", os.R_OK):
        pytest.skip("needs /proc/kmsg readable (root)")
    said: list[str | None] = []
    looking = threading.Thread(target=lambda: said.append(database_problem("sqlite:////proc/kmsg")), daemon=True)
    looking.start()
    looking.join(10)
    assert said, "reading /proc/kmsg as a database blocked"
    assert other_desks(Path("/proc/m.db"), at_most=100_000) == []


def test_a_pipe_beside_the_database_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "queue.db")  # opened for reading, a pipe waits for a writer
    assert other_desks(tmp_path / "mailbot.db") == []
    assert database_problem(f"sqlite:///{tmp_path / 'mailbot.db'}") is None
