"""The desk tests' `mailbot` (tests/forkserver.py) answers as `python -m mailbot` in a subprocess does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.forkserver import run_mailbot, spawn_mailbot


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


def test_a_spawned_command_runs_on_until_its_group_is_killed_and_tells_how_it_ended(desk_dir: Path,
                                                                                  tmp_path: Path) -> None:
    with (tmp_path / "out").open("wb") as out:
        proc = spawn_mailbot(["--config", str(desk_dir / "config.toml"), "run"], cwd=desk_dir, stdout=out,
                             stderr=out, start_new_session=True)
        assert os.getpgid(proc.pid) == proc.pid  # a group of its own, as Popen(start_new_session=True) makes
        time.sleep(0.5)
        assert proc.poll() is None
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=0.1)
        os.killpg(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
        assert proc.poll() == -signal.SIGKILL


def test_a_spawned_command_writes_where_it_is_told(desk_dir: Path, tmp_path: Path) -> None:
    command = ["--config", str(desk_dir / "config.toml"), "no-such-command"]
    fresh = subprocess.run([sys.executable, "-m", "mailbot", *command], capture_output=True, timeout=120,
                           cwd=desk_dir)
    with (tmp_path / "out").open("wb") as out, (tmp_path / "err").open("wb") as err:
        proc = spawn_mailbot(command, cwd=desk_dir, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        assert proc.wait(timeout=120) == fresh.returncode != 0
    assert (tmp_path / "out").read_bytes() == fresh.stdout
    assert (tmp_path / "err").read_bytes() == fresh.stderr


def test_a_forked_command_reads_the_variables_of_its_own_environment(desk_dir: Path) -> None:
    """MAILBOT_CONFIG and the tests' MAILBOT_TEST_* variables (a password the config names) are read by the
    command, not by an import: it is forked with them and reads its own, as a new interpreter does."""
    config = desk_dir / "config.toml"
    config.write_text(config.read_text().replace('kind = "maildir"\npath = "var/mail/outbox"',
                                                 'kind = "smtp"\nhost = "smtp.kaltaraprov.example"\nport = 587\n'
                                                 'username = "blangko"\npassword_env = "MAILBOT_TEST_SMTP"', 1))
    for password in ("   ", "rahasia"):
        env = {**os.environ, "MAILBOT_CONFIG": str(config), "MAILBOT_TEST_SMTP": password}
        fresh = subprocess.run([sys.executable, "-m", "mailbot", "check-config"], capture_output=True, text=True,
                               timeout=120, cwd=desk_dir, env=env)
        forked = run_mailbot(["check-config"], cwd=desk_dir, timeout=120, env=env)
        assert (forked.returncode, forked.stdout, forked.stderr) == (fresh.returncode, fresh.stdout, fresh.stderr)
        assert (fresh.returncode == 0) == (password == "rahasia"), fresh.stderr
