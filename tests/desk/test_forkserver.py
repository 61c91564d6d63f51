"""The desk tests' `mailbot` (tests/forkserver.py) answers as `python -m mailbot` in a subprocess does."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.forkserver import run_mailbot


@pytest.mark.parametrize("args", [
    ["--version"],
    ["no-such-command"],
    ["check-config"],
    ["status"],
    ["approve", "BLK-2026-9999"],
])
def test_a_forked_command_answers_as_a_new_interpreter(desk_dir: Path, args: list[str]) -> None:
    command = ["--config", str(desk_dir / "config.toml"), *args]
    fresh = subprocess.run([sys.executable, "-m", "mailbot", *command], capture_output=True, text=True, timeout=120,
                           cwd=desk_dir)
    forked = run_mailbot(command, cwd=desk_dir, timeout=120)
    assert (forked.returncode, forked.stdout, forked.stderr) == (fresh.returncode, fresh.stdout, fresh.stderr)


def test_a_forked_command_past_its_time_limit_is_killed(desk_dir: Path) -> None:
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        run_mailbot(["--config", str(desk_dir / "config.toml"), "run"], cwd=desk_dir, timeout=5)
    assert time.monotonic() - started < 60
    after = run_mailbot(["--config", str(desk_dir / "config.toml"), "status"], cwd=desk_dir, timeout=120)
    assert after.returncode == 0, after.stderr  # the killed service left the desk usable; the server goes on
