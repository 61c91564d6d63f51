"""`mailbot run`: wakes on its poll timer, answers, and on SIGTERM finishes the current message and exits 0."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from mailbot.transports.maildir import deliver
from tests.desk.conftest import EXAMPLES, mailbot, outbox_files
from tests.desk.test_crash import _message


def _start(desk_dir: Path) -> subprocess.Popen[bytes]:
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace("poll_seconds = 30", "poll_seconds = 0.3"))
    return subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(path), "-v", "run"], cwd=desk_dir,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait(predicate, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_run_answers_new_mail_and_stops_cleanly(desk_dir: Path) -> None:
    proc = _start(desk_dir)
    try:
        inbox = desk_dir / "var" / "mail" / "inbox"
        assert _wait(lambda: (desk_dir / "var" / "mailbot.db").exists())
        deliver(inbox, (EXAMPLES / "01-bulungan-permohonan.eml").read_bytes())
        assert _wait(lambda: len(outbox_files(desk_dir)) >= 1), "no reply within 20 s"
        before = len(outbox_files(desk_dir))
        deliver(inbox, (EXAMPLES / "07-kia-tarakan.eml").read_bytes())
        assert _wait(lambda: len(outbox_files(desk_dir)) > before), "second message not answered while running"
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr.decode()
    assert b"mailbot stopped" in stderr
    assert b"Traceback" not in stderr


def test_sigterm_mid_backlog_finishes_the_current_message(desk_dir: Path) -> None:
    inbox = desk_dir / "var" / "mail" / "inbox"
    total = 200
    for i in range(total):
        deliver(inbox, _message(i))
    proc = _start(desk_dir)
    assert _wait(lambda: len(list((inbox / "cur").glob("*"))) >= 5, timeout=60)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr.decode()
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    processed = db.execute("select count(*) from messages").fetchone()[0]
    acknowledged = len(list((inbox / "cur").glob("*")))
    # every stored message was acknowledged, and the rest is still waiting in new/
    assert processed == acknowledged < total
    assert len(list((inbox / "new").glob("*"))) == total - acknowledged
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    assert db.execute("select count(*) from messages").fetchone()[0] == total

