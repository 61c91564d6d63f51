"""A configuration read again is read as it is now and where it is: the same text in another folder names that
folder's files, and a changed file its new values (load_config keeps the last few texts it validated)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mailbot.configfile import load_config
from mailbot.errors import ConfigError
from tests.desk.conftest import ROOT
from tests.desk.mailkit import set_config


def _desk(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(ROOT / "config.toml", folder / "config.toml")
    return folder


def test_the_same_text_in_two_folders_names_each_folders_own_files(tmp_path: Path) -> None:
    first, second = _desk(tmp_path / "first"), _desk(tmp_path / "second")
    one, other = load_config(first / "config.toml"), load_config(second / "config.toml")
    assert one.database.url == f"sqlite:///{first}/var/mailbot.db"
    assert other.database.url == f"sqlite:///{second}/var/mailbot.db"
    assert str(other.inbox.path).startswith(f"{second}/")  # type: ignore[union-attr]
    assert load_config(first / "config.toml").database.url == one.database.url


def test_a_file_changed_between_reads_is_read_with_its_new_values(tmp_path: Path) -> None:
    desk = _desk(tmp_path / "desk")
    shipped = (desk / "config.toml").read_text()
    assert load_config(desk / "config.toml").stock.threshold == 1000
    set_config(desk, "stock", threshold=750)
    assert load_config(desk / "config.toml").stock.threshold == 750
    set_config(desk, "stock", threshold="banyak")
    with pytest.raises(ConfigError, match="stock.threshold"):
        load_config(desk / "config.toml")
    (desk / "config.toml").write_text(shipped)
    assert load_config(desk / "config.toml").stock.threshold == 1000
