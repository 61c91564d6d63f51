"""What the operator reads: the version, help without type noise, one plain line per refusal, zoned log times."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailbot import __version__
from tests.desk.conftest import mailbot


def test_version(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"mailbot {__version__}"


@pytest.mark.parametrize("command", [(), ("approve",), ("run",), ("check-config",), ("supply", "receive")])
def test_help_shows_no_bool_placeholder(desk_dir: Path, command: tuple[str, ...]) -> None:
    result = mailbot(desk_dir, *command, "--help")
    assert result.returncode == 0, result.stderr
    assert "--help" in result.stdout and "<bool>" not in result.stdout


def test_dispatch_of_an_unknown_request_is_one_line(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "dispatch", "BLK-2026-9999")
    assert result.returncode == 1
    assert result.stderr.strip() == "mailbot: no request 'BLK-2026-9999'; see `mailbot requests`"


def test_log_times_show_the_office_zone(desk_dir: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), "-v", "run"],
                            cwd=desk_dir, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    logged = [line for line in stderr.splitlines() if re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", line)]
    assert logged and all(re.match(r"\S+ \S+ WITA (INFO|WARNING|ERROR) ", line) for line in logged), stderr
    assert "mailbot stopped" in stderr and "WARNING" not in stderr
