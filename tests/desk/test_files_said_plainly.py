"""Files the operator names, and the database file, refused for what they are: a backup path that begins with a
space, a backup into a folder of the system's own (/proc), a database file marked immutable. In process."""

from __future__ import annotations

import array
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailbot.configfile import load_config
from mailbot.errors import MailbotError
from mailbot.store.db import backup_sqlite, make_engine, migrate, sqlite_write_problem
from mailbot.targets import output_file, output_folder, refuse_desk_path
from tests.desk.conftest import ROOT


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "mailbot.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        migrate(engine)
    finally:
        engine.dispose()
    return path


@pytest.mark.parametrize(("typed", "said"), [
    (" ../bk/sp.db", "' ../bk/sp.db' begins with a space, which would name another folder; give the path without "
                     "it, e.g. '../bk/sp.db'"),
    ("../bk /sp.db", "'../bk /sp.db' has a space at either end of the folder name 'bk ' in it, which would name "
                     "another folder; give the path without it, e.g. '../bk/sp.db'"),
], ids=["begins", "folder"])
def test_a_backup_path_with_a_space_around_a_folder_name_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    typed: str, said: str) -> None:
    """`backup " ../bk/sp.db"` said "the folder ../bk does not exist", which the operator could see was there."""
    (tmp_path / "config.toml").write_text((ROOT / "config.toml").read_text())
    (tmp_path / "var").mkdir()
    (tmp_path / "bk").mkdir()
    config = load_config(tmp_path / "config.toml")
    monkeypatch.chdir(tmp_path / "var")
    with pytest.raises(MailbotError) as refused:
        refuse_desk_path(Path(typed), config, tmp_path / "config.toml", what=typed)
    assert str(refused.value) == said


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc here")
def test_a_backup_into_proc_is_said_in_words(database: Path) -> None:
    """Was SQLite's own "backup failed: unable to open database file"."""
    with pytest.raises(MailbotError) as refused:
        backup_sqlite(f"sqlite:///{database}", Path("/proc/self/b.db"))
    said = str(refused.value)
    assert said.startswith("cannot make a file in the folder /proc/self: "), said
    assert "unable to open" not in said and "does not exist" not in said, said


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc here")
@pytest.mark.parametrize("target", ["/proc/x.html", "/proc/self/x.html"])
def test_a_file_to_write_into_proc_is_said_in_words_as_a_backup_is(tmp_path: Path, target: str) -> None:
    """`digest --output /proc/x.html` said "a folder on the way does not exist", and /proc is there."""
    (tmp_path / "config.toml").write_text((ROOT / "config.toml").read_text())
    config = load_config(tmp_path / "config.toml")
    with pytest.raises(MailbotError) as refused:
        output_file(Path(target), config, tmp_path / "config.toml", option="--output", force=False)
    folder = os.path.dirname(target)
    assert str(refused.value) == (f"--output {target}: cannot make a file in the folder {folder}: it is a folder of "
                                  "the system's own (like /proc or /sys), which takes no files; give a file in a "
                                  "folder this user can write to")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc here")
@pytest.mark.parametrize(("target", "folder"), [("/proc/foo", "/proc"), ("/proc/self/foo/bar", "/proc/self")])
def test_a_folder_to_write_into_proc_is_said_in_words_as_a_backup_is(tmp_path: Path, target: str,
                                                                     folder: str) -> None:
    """`labels export /proc/foo` said "a folder on the way does not exist": the nearest folder that exists is the
    one that takes no files, and it is named."""
    (tmp_path / "config.toml").write_text((ROOT / "config.toml").read_text())
    config = load_config(tmp_path / "config.toml")
    with pytest.raises(MailbotError) as refused:
        output_folder(Path(target), config, tmp_path / "config.toml", what=target)
    assert str(refused.value) == (f"{target}: cannot make a file in the folder {folder}: it is a folder of the "
                                  "system's own (like /proc or /sys), which takes no files; give a folder this user "
                                  "can write to (it is made if it does not exist)")


def test_a_folder_to_write_under_a_file_or_in_a_new_folder(tmp_path: Path) -> None:
    """Under a file: named; a folder to be made (two levels) where the user may write: taken, nothing made yet."""
    (tmp_path / "config.toml").write_text((ROOT / "config.toml").read_text())
    config = load_config(tmp_path / "config.toml")
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(MailbotError, match=r"notes\.txt is a file, not a folder; give a folder in a folder that"):
        output_folder(tmp_path / "notes.txt" / "labels", config, tmp_path / "config.toml", what="labels")
    with pytest.raises(MailbotError, match=r"^labels is a file, not a folder; give a folder \(it is made"):
        output_folder(tmp_path / "notes.txt", config, tmp_path / "config.toml", what="labels")
    output_folder(tmp_path / "new" / "labels", config, tmp_path / "config.toml", what="labels")
    assert not (tmp_path / "new").exists()


_FS_IOC_GETFLAGS, _FS_IOC_SETFLAGS, _FS_IMMUTABLE_FL = 0x80086601, 0x40086602, 0x10


def _set_immutable(path: Path, on: bool) -> bool:
    """chattr +i / -i in process; False where the file system or this user cannot."""
    fd = os.open(path, os.O_RDONLY)
    try:
        flags = array.array("l", [0])
        fcntl.ioctl(fd, _FS_IOC_GETFLAGS, flags, True)
        flags[0] = flags[0] | _FS_IMMUTABLE_FL if on else flags[0] & ~_FS_IMMUTABLE_FL
        fcntl.ioctl(fd, _FS_IOC_SETFLAGS, flags)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


@pytest.fixture
def immutable(database: Path) -> Iterator[Path]:
    if not _set_immutable(database, True):
        pytest.skip("this user or file system cannot mark a file immutable")
    try:
        yield database
    finally:
        _set_immutable(database, False)


def test_an_immutable_database_file_is_named_so(immutable: Path) -> None:
    """Was "cannot be read and written by this user; check its owner and permissions": both were right."""
    said = sqlite_write_problem(immutable)
    assert said == (f"database.url: {immutable} cannot be written: it is marked immutable, which no owner or "
                    f"permission overrides (lsattr {immutable} shows an i); as root, remove the mark with "
                    f"chattr -i {immutable}"), said
