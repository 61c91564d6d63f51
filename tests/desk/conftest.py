"""Fixtures for whole-desk tests: a copy of the shipped config in a temp folder, with its own Maildirs and SQLite."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailbot.app import open_desk
from mailbot.configfile import load_config
from mailbot.desk import Desk

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "inbox"
WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture
def desk_dir(tmp_path: Path) -> Path:
    """A folder holding config.toml (the shipped one, verbatim) and the var/ folder its database goes in."""
    shutil.copy(ROOT / "config.toml", tmp_path / "config.toml")
    (tmp_path / "var").mkdir()
    return tmp_path


def mailbot(desk_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real `mailbot` command line in a subprocess against *desk_dir*/config.toml."""
    return subprocess.run(
        [sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), *args],
        capture_output=True, text=True, timeout=timeout, cwd=desk_dir,
    )


def outbox_files(desk_dir: Path) -> list[Path]:
    folder = desk_dir / "var" / "mail" / "outbox"
    return sorted([*folder.glob("new/*"), *folder.glob("cur/*")])


@pytest.fixture
def open_test_desk(desk_dir: Path) -> Callable[..., Desk]:
    """Open the desk in-process with a fixed clock (Friday 27 November 2026, 10:00 WITA) unless given one."""
    desks: list[Desk] = []

    def _open(now: datetime | None = None, clock: Callable[[], datetime] | None = None) -> Desk:
        fixed = now or datetime(2026, 11, 27, 10, 0, tzinfo=WITA)
        desk = open_desk(load_config(desk_dir / "config.toml"), clock=clock or (lambda: fixed))
        desks.append(desk)
        return desk

    yield _open
    for desk in desks:
        desk.close()
