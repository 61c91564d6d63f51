"""A command started with its output closed (cron, service wrappers) runs instead of failing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.servers
@pytest.mark.parametrize("args", [("--version",), ("--config", str(ROOT / "config.toml"), "check-config")])
def test_a_closed_stdout_is_no_traceback(args: tuple[str, ...]) -> None:
    done = subprocess.run([sys.executable, "-m", "mailbot", *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, timeout=60, cwd=ROOT,
                          preexec_fn=lambda: __import__("os").close(1))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
