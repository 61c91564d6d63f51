"""`mailbot run`: wakes on its poll timer, answers, and on SIGTERM finishes the current message and exits 0."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailbot.transports.maildir import deliver
from tests.desk.conftest import EXAMPLES, mailbot, outbox_files, wait_until
from tests.desk.mailkit import catches_sigterm, numbered_message


def _start(desk_dir: Path) -> subprocess.Popen[bytes]:
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace("poll_seconds = 30", "poll_seconds = 0.3"))
    return subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(path), "-v", "run"], cwd=desk_dir,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_run_answers_new_mail_and_stops_cleanly(desk_dir: Path) -> None:
    proc = _start(desk_dir)
    try:
        inbox = desk_dir / "var" / "mail" / "inbox"
        assert wait_until(lambda: (desk_dir / "var" / "mailbot.db").exists())
        deliver(inbox, (EXAMPLES / "01-bulungan-permohonan.eml").read_bytes())
        assert wait_until(lambda: len(outbox_files(desk_dir)) >= 1), "no reply within 20 s"
        before = len(outbox_files(desk_dir))
        deliver(inbox, (EXAMPLES / "07-kia-tarakan.eml").read_bytes())
        assert wait_until(lambda: len(outbox_files(desk_dir)) > before), "second message not answered while running"
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
        deliver(inbox, numbered_message(i))
    proc = _start(desk_dir)
    assert wait_until(lambda: len(list((inbox / "cur").glob("*"))) >= 5, timeout=60)
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


@pytest.mark.parametrize("when", ["handler", 0.32, 0.8, 1.5])
def test_a_stop_during_start_up_is_a_clean_stop(desk_dir: Path, when: str | float) -> None:
    """SIGTERM as soon as `mailbot` holds it (while it is still importing), or a fixed time after it was
    started: exit 0, no traceback, and every stored message acknowledged, the rest left for the next run."""
    inbox = desk_dir / "var" / "mail" / "inbox"
    total = 30
    for i in range(total):
        deliver(inbox, numbered_message(i))
    command = Path(sys.executable).parent / "mailbot"  # the installed entry point, as systemd starts it
    proc = subprocess.Popen([str(command), "--config", str(desk_dir / "config.toml"), "-v", "run"], cwd=desk_dir,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if when == "handler":
        assert wait_until(lambda: catches_sigterm(proc.pid), timeout=10), "mailbot never took over SIGTERM"
    else:
        time.sleep(float(when))
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, (proc.returncode, stderr.decode())
    assert b"Traceback" not in stderr
    stored = 0
    if (desk_dir / "var" / "mailbot.db").exists():
        stored = sqlite3.connect(desk_dir / "var" / "mailbot.db").execute("select count(*) from messages").fetchone()[0]
    assert stored == len(list((inbox / "cur").glob("*")))
    assert len(list((inbox / "new").glob("*"))) == total - stored
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    assert len(list((inbox / "cur").glob("*"))) == total


def test_a_second_mailbot_run_on_the_same_desk_says_so(desk_dir: Path) -> None:
    first = _start(desk_dir)
    try:
        assert wait_until(lambda: (desk_dir / "var" / "mailbot.db.service.lock").exists() or first.poll() is not None,
                     timeout=30), "the first service never started"
        time.sleep(1.0)
        second = _start(desk_dir)
        try:
            time.sleep(4.0)
            second.send_signal(signal.SIGTERM)
            _, err = second.communicate(timeout=60)
        finally:
            if second.poll() is None:
                second.kill()
                second.wait()
    finally:
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=60)
    said = err.decode()
    assert "another `mailbot run` is already running on this desk" in said, said[-2000:]
    assert second.returncode == 0 and "Traceback" not in said
