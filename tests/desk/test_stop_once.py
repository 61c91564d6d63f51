"""`mailbot run --once` told to stop (SIGTERM, or Ctrl-C's SIGINT to its whole process group): it finishes the
message in hand, commits what it read, leaves the rest in the inbox and exits with status 3, never by the
signal; the next run does exactly what was left. Real subprocesses, real signals, a real SQLite file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailbot.cli import EXIT_STOPPED
from mailbot.transports.maildir import deliver
from tests.desk.conftest import mailbot, wait_until
from tests.desk.mailkit import assert_desk_invariants, catches_sigterm, desk_progress, numbered_message, set_config

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

TOTAL = 400


def _once(desk_dir: Path) -> subprocess.Popen[bytes]:
    command = Path(sys.executable).parent / "mailbot"  # the installed entry point, as an operator runs it
    return subprocess.Popen([str(command), "--config", str(desk_dir / "config.toml"), "run", "--once"],
                            cwd=desk_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _stopped(proc: subprocess.Popen[bytes], signum: int, *, group: bool) -> str:
    if group:
        os.killpg(proc.pid, signum)  # as a terminal's Ctrl-C, or systemd's stop, reaches every process
    else:
        proc.send_signal(signum)
    try:
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    text = stderr.decode(errors="replace")
    assert proc.returncode == EXIT_STOPPED, (proc.returncode, text[-2000:])
    assert "Traceback" not in text, text[-2000:]
    assert f"stopped by {signal.Signals(signum).name}" in text, text[-2000:]
    return text


def _read_and_acknowledged(desk_dir: Path) -> tuple[int, int, int]:
    """(messages stored, acknowledged in the inbox (cur/), still in new/)."""
    inbox = desk_dir / "var" / "mail" / "inbox"
    stored = 0
    if (desk_dir / "var" / "mailbot.db").exists():
        with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
            stored = db.execute("select count(*) from messages").fetchone()[0]
    return stored, len(list((inbox / "cur").iterdir())), len(list((inbox / "new").iterdir()))


@pytest.mark.parametrize(("signum", "group", "helpers"), [
    (signal.SIGTERM, False, True),   # kill PID, with the reading and sending processes
    (signal.SIGINT, True, True),     # Ctrl-C in the terminal: the whole process group
    (signal.SIGTERM, True, False),   # one process ([run] helper_processes = false)
], ids=["sigterm-main", "sigint-group", "sigterm-one-process"])
def test_a_stop_mid_backlog_ends_the_pass_cleanly_and_the_next_run_does_exactly_the_rest(
        desk_dir: Path, signum: int, group: bool, helpers: bool) -> None:
    if not helpers:
        set_config(desk_dir, "run", helper_processes=False)
    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(TOTAL):
        deliver(inbox, numbered_message(i))
    proc = _once(desk_dir)
    db_path = desk_dir / "var" / "mailbot.db"
    assert wait_until(lambda: desk_progress(db_path)[0] >= 60 or proc.poll() is not None, timeout=90)
    assert proc.poll() is None, "the pass ended before it could be stopped"
    _stopped(proc, signum, group=group)

    stored, acknowledged, waiting = _read_and_acknowledged(desk_dir)
    assert stored == acknowledged, "every message read was committed and acknowledged, and only those"
    assert stored < TOTAL and waiting == TOTAL - stored, "the rest waits in the inbox"
    again = mailbot(desk_dir, "run", "--once")
    assert again.returncode == 0, again.stderr
    assert_desk_invariants(desk_dir, TOTAL)  # every message once, every reply once, nothing left queued


@pytest.mark.parametrize("when", ["handler", 0.8])
def test_a_stop_while_the_pass_is_starting_reads_nothing_and_exits_3(desk_dir: Path, when: str | float) -> None:
    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(30):
        deliver(inbox, numbered_message(i))
    proc = _once(desk_dir)
    if when == "handler":
        assert wait_until(lambda: catches_sigterm(proc.pid), timeout=10), "mailbot never took over SIGTERM"
    else:
        time.sleep(float(when))
    _stopped(proc, signal.SIGTERM, group=False)
    stored, acknowledged, waiting = _read_and_acknowledged(desk_dir)
    assert stored == acknowledged and waiting == 30 - stored
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    assert_desk_invariants(desk_dir, 30)
