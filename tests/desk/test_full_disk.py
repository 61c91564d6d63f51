"""A full or read-only disk is said as such, in one line: never taken for a damaged database (whose advice,
restoring a backup, would overwrite a good one), never a traceback, no empty files left in a Maildir."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, ROOT, mailbot
from tests.forkserver import run_mailbot, spawn_mailbot


@pytest.mark.parametrize("command", [("status",), ("requests",), ("digest", "--print"), ("outbox", "list"),
                                     ("--help",)])
def test_output_to_a_full_disk_is_one_line(desk_dir: Path, command: tuple[str, ...]) -> None:
    """`mailbot status > report.txt` on a full disk (/dev/full refuses every write as a full disk does)."""
    assert run_mailbot(["--config", str(desk_dir / "config.toml"), "migrate"], cwd=desk_dir).returncode == 0
    with open("/dev/full", "w") as full, tempfile.TemporaryFile() as err:
        proc = spawn_mailbot(["--config", str(desk_dir / "config.toml"), *command], stdout=full, stderr=err,
                             cwd=desk_dir)
        proc.wait(timeout=120)
        err.seek(0)
        said = err.read().decode()
    assert proc.returncode == 1, said
    assert said == "mailbot: cannot write the output to /dev/full: No space left on device\n"


def test_sqlite_full_and_io_errors_are_storage_errors() -> None:
    import sqlite3

    from mailbot.store.db import storage_error

    assert storage_error(sqlite3.OperationalError("database or disk is full"))
    assert storage_error(OSError(28, "No space left on device"))
    assert storage_error(OSError(30, "Read-only file system"))
    assert not storage_error(sqlite3.OperationalError("database is locked"))
    assert not storage_error(OSError(2, "No such file or directory"))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1.2 MB tmpfs holding a copy of the sample desk (needs root to mount it)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    template = tmp_path / "template"
    template.mkdir()
    shutil.copy(ROOT / "config.toml", template / "config.toml")
    (template / "var").mkdir()
    assert mailbot(template, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(template, "run", "--once").returncode == 0
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        (mount / "desk" / "var").mkdir(parents=True)
        shutil.copy(template / "config.toml", mount / "desk" / "config.toml")
        shutil.copy(template / "var" / "mailbot.db", mount / "desk" / "var" / "mailbot.db")
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> None:
    with open(disk / "fill", "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass


def test_a_full_disk_is_no_damaged_database(small_disk: Path) -> None:
    desk = small_disk / "desk"
    _fill(small_disk)
    for command in (("status",), ("supply", "receive", "1000", "--note", "x"), ("check-config",), ("run", "--once")):
        result = mailbot(desk, *command)
        assert result.returncode != 0, (command, result.stdout)
        said = result.stderr.strip().splitlines()
        assert said and all(line.startswith("mailbot") for line in said), result.stderr
        assert "no space left on the disk holding" in result.stderr, (command, result.stderr)
        assert "restore" not in result.stderr and "Traceback" not in result.stderr
    imported = mailbot(desk, "import", str(next(EXAMPLES.glob("*.eml"))))
    assert imported.returncode == 1 and "Traceback" not in imported.stderr, imported.stderr
    assert imported.stderr.startswith("mailbot: cannot deliver to ") and "no space left" in imported.stderr
    assert list((desk / "var" / "mail" / "inbox" / "tmp").iterdir()) == []  # no empty file left behind
    (small_disk / "fill").unlink()
    assert mailbot(desk, "status").returncode == 0  # the desk was never damaged


def test_a_backup_onto_a_full_disk_names_the_disk(small_disk: Path) -> None:
    """On the full disk holding the database it said "backup failed: disk I/O error", SQLite's words."""
    desk = small_disk / "desk"
    _fill(small_disk)
    backup = mailbot(desk, "backup", "var/b.db")
    assert backup.returncode == 1 and backup.stderr == (
        f"mailbot: backup failed, nothing was written: no space left on the disk holding {desk / 'var'}; free some "
        "space there (old backups, logs), or back up to another disk; the database itself is not damaged\n"), \
        backup.stderr
    assert not (desk / "var" / "b.db").exists()


def test_a_read_only_disk_is_said_as_such(small_disk: Path) -> None:
    desk = small_disk / "desk"
    (desk / "var" / "mail" / "inbox").mkdir(parents=True)
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True).returncode == 0
    for command in (("check-config",), ("run", "--once")):  # README: exit 1, said as such, in one line
        checked = mailbot(desk, *command)
        assert checked.returncode == 1, (command, checked.stderr)
        assert len(checked.stderr.splitlines()) == 1 and "is read-only" in checked.stderr, (command, checked.stderr)
        assert "configuration error" not in checked.stderr and "owner and permissions" not in checked.stderr
    imported = mailbot(desk, "import", str(next(EXAMPLES.glob("*.eml"))))
    assert imported.returncode == 1 and "Traceback" not in imported.stderr, imported.stderr
    assert "is read-only" in imported.stderr
    # nothing to free on a read-only disk (was "... free some space and run the same import again")
    assert "free some space" not in imported.stderr and imported.stderr.rstrip().endswith(
        "nothing was delivered (0 of 1 message(s)); then run the same import again"), imported.stderr


def test_a_small_disk_is_said_as_it_is(tmp_path: Path) -> None:
    """600 KB free was "no space left on the disk" (untrue), and a 30 MB disk with 28 MB free was warned of as
    "only 28 MB free" on every command."""
    from mailbot.store.db import storage_problem

    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=30m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        desk = disk / "desk"
        (desk / "var").mkdir(parents=True)
        shutil.copy(ROOT / "config.toml", desk / "config.toml")
        checked = mailbot(desk, "check-config")
        assert checked.returncode == 0 and "MB free" not in checked.stdout + checked.stderr, checked.stderr
        (disk / "fill").write_bytes(b"\0" * (30 * 1024 * 1024 - 600 * 1024))
        said = storage_problem(desk)
        assert said is not None and said.startswith("too little space left (") and "KB free, under 1 MB) on the " \
            f"disk holding {disk}" in said and "no space left" not in said, said
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


# The commands that only read: they open the database read-only, so they work where nothing can be written.
READING_COMMANDS = [("status",), ("requests",), ("history", "BLK-2026-0001"), ("show", "BLK-2026-0001"),
                    ("queue", "list"), ("digest", "--print"), ("outbox", "list"), ("quarantine",)]
WRITING_COMMANDS = [("approve", "BLK-2026-0005"), ("supply", "receive", "1.000", "--note", "470/1/Dukcapil"),
                    ("adjust", "65.04", "-20", "--reason", "rusak")]


def _reads_and_refuses_writes(desk: Path, before: dict[tuple[str, ...], str], *, read_only_words: str,
                             prefix: tuple[str, ...] = ()) -> None:
    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return run_mailbot(["--config", str(desk / "config.toml"), *command], cwd=desk, timeout=120, prefix=prefix)

    for command in READING_COMMANDS:
        result = run(*command)
        assert result.returncode == 0 and result.stderr == "", (command, result.stderr)
        assert result.stdout == before[command], command  # the same as on the writable desk
    for command in WRITING_COMMANDS:
        result = run(*command)
        assert result.returncode == 1, (command, result.stdout)
        said = result.stderr.splitlines()
        assert len(said) == 1 and read_only_words in said[0], (command, result.stderr)
        assert "configuration error" not in said[0] and "restore" not in said[0], said
    # a backup only reads: it is taken off a disk gone read-only (no lock file made there), to a writable place
    copy = Path(tempfile.mkdtemp()) / "backup.db"
    try:
        result = run("backup", str(copy))
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert sqlite3.connect(copy).execute("select count(*) from requests").fetchone()[0] > 0
    finally:
        shutil.rmtree(copy.parent)


def test_commands_that_only_read_work_on_a_read_only_mount(small_disk: Path) -> None:
    desk = small_disk / "desk"
    before = {command: mailbot(desk, *command).stdout for command in READING_COMMANDS}
    assert "Kabupaten Bulungan" in before[("status",)] and "BLK-2026-0001" in before[("history", "BLK-2026-0001")]
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True).returncode == 0
    _reads_and_refuses_writes(desk, before, read_only_words="is read-only")


# Root writes a file whatever its mode; without these capabilities it is bound by the mode bits like any user.
WITHOUT_OVERRIDE = ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner",
                    "--inh-caps=-dac_override,-dac_read_search,-fowner")


def test_commands_that_only_read_work_on_a_read_only_file(desk_dir: Path) -> None:
    """A database file and folder this user may only read (chmod)."""
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None or subprocess.run([*WITHOUT_OVERRIDE, "true"]).returncode != 0:
            pytest.skip("root writes a file whatever its mode, and setpriv cannot drop that right here")
        prefix = WITHOUT_OVERRIDE
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    before = {command: mailbot(desk_dir, *command).stdout for command in READING_COMMANDS}
    var = desk_dir / "var"
    for file in var.iterdir():
        if file.is_file():
            file.chmod(0o444)
    var.chmod(0o555)
    try:
        _reads_and_refuses_writes(desk_dir, before, read_only_words="cannot be read and written by this user",
                                  prefix=prefix)
    finally:
        var.chmod(0o755)


def _district_mails(folder: Path, count: int) -> list[Path]:
    """*count* authenticated district mails (requests and daily reports), each a file of its own, with a long
    sign-off (a few KB each, so that a few dozen fill a small disk)."""
    from tests.desk.mailkit import DISTRICT_SENDERS, write_eml

    folder.mkdir()
    senders = sorted(DISTRICT_SENDERS.values())
    files = []
    for i in range(count):
        sender = senders[i % len(senders)]
        domain = sender.split("@")[1]
        body = (f"Dengan hormat, sisa stok blangko KTP-el kami {300 + i} keping. Mohon tambahan 1.000 keping."
                if i % 3 == 0 else f"Laporan hari ini: perekaman KTP-el {20 + i} keping, sisa stok {1000 + i} keping.")
        body += "\n\nSalam,\nDinas Kependudukan dan Pencatatan Sipil\n" + (
            f"Pelayanan administrasi kependudukan yang cepat, tepat dan ramah (baris {i}).\n" * 80)
        files.append(write_eml(folder, f"{i:03d}.eml", sender=sender, subject=f"Blangko KTP-el {i}", body=body,
                               message_id=f"<fill{i}@{domain}>", extra_headers=(
                                   f"Authentication-Results: mx.kaltaraprov.example; dkim=pass header.d={domain}; "
                                   f"dmarc=pass header.from={domain}\n")))
    return files


def test_a_disk_that_fills_during_a_run_is_said_as_full_in_one_line(desk_dir: Path, tmp_path: Path) -> None:
    """the database's disk filled while `run --once` read a backlog; the log showed a traceback
    ("sending the outbox failed") and the sender called the full disk "the database busy"."""
    from tests.desk.mailkit import set_config

    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1100k", "tmpfs", str(disk)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        set_config(desk_dir, "database", url=f"sqlite:///{disk}/mailbot.db")
        assert mailbot(desk_dir, "import", *map(str, _district_mails(tmp_path / "mails", 40))).returncode == 0
        result = mailbot(desk_dir, "run", "--once")
        assert result.returncode == 1, result.stdout
        assert "Traceback" not in result.stderr and "busy" not in result.stderr, result.stderr
        assert not [line for line in result.stderr.splitlines() if line.startswith((" ", "\t"))], result.stderr
        assert f"the disk holding {disk} is full (" in result.stderr, result.stderr  # "... (0 KB free)"
        assert "KB free)" in result.stderr
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_write_the_disk_refuses_is_logged_as_a_full_disk_in_one_line(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """The service's jobs and the sender retry a write that a full disk refused: each says so in one line (the disk,
    how much is free), never with a traceback, never as "the database busy". SQLite refuses the write here as on a
    full disk (its page limit reached: "database or disk is full")."""
    import logging

    from sqlalchemy import create_engine, text

    from mailbot import outbox
    from mailbot.failures import RepeatedFailure

    database = tmp_path / "mailbot.db"
    engine = create_engine(f"sqlite:///{database}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x BLOB)"))

    def write() -> None:
        with engine.begin() as connection:
            connection.execute(text("PRAGMA max_page_count = 3"))
            connection.execute(text("INSERT INTO t VALUES (zeroblob(100000))"))

    try:
        write()
    except Exception as exc:  # noqa: BLE001 - the refusal is what is logged
        refused = exc
    else:
        pytest.fail("SQLite took the write")
    caplog.set_level(logging.WARNING)
    failures = RepeatedFailure(logging.getLogger("mailbot.test"), "inbox", database=database)
    failures.failed(refused)
    failures.failed(refused)  # the same failure again: not logged again
    monkeypatch.setattr(outbox.time, "sleep", lambda _seconds: None)
    with pytest.raises(Exception, match="disk is full"):
        outbox._retry_busy(write, database)
    lines = [record.getMessage() for record in caplog.records]
    assert all(record.exc_info is None for record in caplog.records)
    assert lines[0].startswith(f"inbox failed: the disk holding {tmp_path} is full (") and "MB free)" in lines[0]
    assert len([line for line in lines if line.startswith("inbox")]) == 1, lines
    assert lines[1].startswith(f"recording sent mail failed (the disk holding {tmp_path} is full ("), lines
    assert not any("busy" in line for line in lines), lines


def test_a_read_only_maildir_outbox_is_no_mail_server(sample: Path, tmp_path: Path) -> None:
    """With the Maildir outbox on a disk gone read-only, `approve` printed "WARNING ... will retry
    <179656583389.13034....decided.7@...> (attempt 1)" and then "the mail server did not take its mail" for a local
    folder: one line, saying the mail could not be written to the Maildir outbox."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    out = tmp_path / "out"
    out.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=5m", "tmpfs", str(out)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        config = sample / "config.toml"
        config.write_text(config.read_text().replace('path = "var/mail/outbox"', f'path = "{out}/outbox"', 1))
        for part in ("new", "cur", "tmp"):
            (out / "outbox" / part).mkdir(parents=True)
        assert subprocess.run(["mount", "-o", "remount,ro", str(out)], capture_output=True).returncode == 0
        done = mailbot(sample, "approve", "BLK-2026-0005", "--force", "--reason", "telepon")
        assert done.returncode == 0, done.stderr
        assert done.stderr == "", done.stderr
        [line] = done.stdout.strip().splitlines()
        assert "could not be written to the Maildir outbox" in line and "mail server" not in line, line
    finally:
        subprocess.run(["umount", "-l", str(out)], check=False)


def test_labels_export_onto_a_full_disk_leaves_no_half_export(sample: Path, tmp_path: Path) -> None:
    """`labels export DIR` onto a disk that filled left DIR/corpus/ with some .eml files and no labels.json: the export
    is written aside and moved into place only when whole."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    for message in range(1, 7):
        done = mailbot(sample, "correct", str(message), "tags=checked", "--reason", "uji")
        assert done.returncode == 0, done.stderr
    whole = tmp_path / "whole"
    assert mailbot(sample, "labels", "export", str(whole)).returncode == 0
    assert len(list(whole.rglob("*.eml"))) == 6  # six pages of tmpfs: more than the three left below
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        # room for a part of the export only (tmpfs counts whole 4 KB pages)
        _fill(disk)
        (disk / "fill").write_bytes((disk / "fill").read_bytes()[:-(3 * 4096)])
        result = mailbot(sample, "labels", "export", str(disk / "labels"))
        assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
        assert "cannot write the labels to" in result.stderr, result.stderr
        assert sorted(p.name for p in disk.iterdir()) == ["fill"], list(disk.rglob("*"))
        (disk / "fill").unlink()
        again = mailbot(sample, "labels", "export", str(disk / "labels"))
        assert again.returncode == 0 and len(list((disk / "labels" / "corpus").iterdir())) == 6, again.stderr
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
