"""A file named in the wrong place is said to be what it is: the configuration file named as the database, a text
file as the database, a database or a program as the configuration (never "save it as UTF-8 in Notepad", never a
restore over the configuration)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from mailbot.configfile import load_config
from mailbot.errors import ConfigError
from mailbot.store.db import database_problem
from tests.desk.conftest import ROOT


def _config_with_url(folder: Path, url: str) -> Path:
    text = (ROOT / "config.toml").read_text().replace('url = "sqlite:///var/mailbot.db"', f'url = "{url}"', 1)
    path = folder / "config.toml"
    path.write_text(text)
    (folder / "var").mkdir(exist_ok=True)
    return path


def test_the_configuration_file_named_as_the_database_is_refused(tmp_path: Path) -> None:
    """Was: check-config said ok, and every command advised restoring a backup over config.toml."""
    path = _config_with_url(tmp_path, "sqlite:///config.toml")
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    assert str(refused.value) == (f"{path}: database.url names this configuration file itself as the database; "
                                  'name the database\'s own file, e.g. url = "sqlite:///var/mailbot.db"')
    assert not (tmp_path / "config.toml.outbox.lock").exists()


def test_a_text_file_named_as_the_database_is_refused_offline(tmp_path: Path) -> None:
    other = tmp_path / "notes.toml"
    other.write_text("[office]\nname = 'x'\n")
    assert database_problem(f"sqlite:///{other}") == (
        f"database.url: {other} is not a SQLite database (it is a text file, perhaps a configuration); if "
        "database.url names the wrong file, correct it; if a wrong file was put in the database's place, restore "
        "the last backup (README: Backup and restore)")
    empty = tmp_path / "new.db"
    empty.write_bytes(b"")  # a failed copy, a `touch`: SQLite would start a fresh, empty desk in it
    assert "is an empty file (0 bytes), not a mailbot database" in (database_problem(f"sqlite:///{empty}") or "")


@pytest.mark.parametrize(("make", "said"), [
    ("database", "is not a text file but a SQLite database (perhaps mailbot's own database), not a configuration; "
                 "name the configuration file, a text file such as config.toml, with --config FILE"),
    ("program", "is not a text file but a program, not a configuration"),
    ("binary", "is not a text file (it holds binary data), not a configuration"),
])
def test_a_file_that_is_no_text_named_as_the_configuration_is_said_to_be_what_it_is(
        tmp_path: Path, make: str, said: str) -> None:
    """Was: `--config var/mailbot.db` or `--config /usr/bin/ls`: "is saved as UTF-16 ("Unicode"); save it as UTF-8
    text (in Notepad ...)"."""
    path = tmp_path / "given"
    if make == "database":
        with sqlite3.connect(path) as db:
            db.execute("create table requests (id integer)")
    elif make == "program":
        shutil.copy("/bin/sh", path)
    else:
        path.write_bytes(b"\x01\x02config\x00\x00\x00\x05" * 20)
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    assert str(refused.value).startswith(f"{path}: {said}"), refused.value


def test_utf16_and_a_byte_order_mark_are_still_told_apart(tmp_path: Path) -> None:
    text = (ROOT / "config.toml").read_text()
    utf16 = tmp_path / "utf16.toml"
    utf16.write_bytes(text.encode("utf-16-le"))  # no byte-order mark: every other byte nought
    with pytest.raises(ConfigError, match=r"is saved as UTF-16"):
        load_config(utf16)
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "var").mkdir()
    assert load_config(bom).office.name
