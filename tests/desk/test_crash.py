"""Killing mailbot (SIGKILL) at any point and running again loses no message and sends no second reply."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from mailbot.transports.maildir import deliver
from tests.desk.conftest import mailbot
from tests.desk.mailkit import assert_desk_invariants, desk_progress, numbered_message
from tests.forkserver import spawn_mailbot

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


# Kill points by progress, not by time, so that each run is killed in the phase it names on any machine:
# after the first message is stored, midway and late in the inbox, and while the outbox is sent (first and
# about the 60th of the roughly 100 mails this backlog sends: replies within the caps, one alert per district).
@pytest.mark.parametrize(("stored", "sent"), [(1, 0), (200, 0), (350, 0), (0, 1), (0, 60)])
def test_sigkill_then_rerun(desk_dir: Path, tmp_path: Path, stored: int, sent: int) -> None:
    total = 400
    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(total):
        deliver(inbox, numbered_message(i))
    log = (tmp_path / "run.log").open("wb")
    proc = spawn_mailbot(["--config", str(desk_dir / "config.toml"), "run", "--once"], cwd=desk_dir, stdout=log,
                         stderr=log)
    db_path = desk_dir / "var" / "mailbot.db"
    deadline = time.monotonic() + 90
    while proc.poll() is None and time.monotonic() < deadline:
        now_stored, now_sent = desk_progress(db_path)
        if now_stored >= stored and now_sent >= sent:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait(timeout=30)
    log.close()
    assert proc.returncode == -signal.SIGKILL, f"the run was not killed: {(tmp_path / 'run.log').read_text()[-2000:]}"
    at_kill = desk_progress(db_path)
    assert at_kill[0] >= stored and at_kill[1] >= sent
    assert at_kill[0] < total or at_kill[1] < _replies_due(db_path), f"killed after the run was done: {at_kill}"
    again = mailbot(desk_dir, "run", "--once")
    assert again.returncode == 0, again.stderr
    assert_desk_invariants(desk_dir, total)


def _replies_due(db_path: Path) -> int:
    db = sqlite3.connect(db_path)
    try:
        return int(db.execute("select count(*) from outbox").fetchone()[0])
    finally:
        db.close()
