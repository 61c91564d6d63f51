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
