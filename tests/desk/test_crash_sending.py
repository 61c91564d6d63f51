"""Killed while sending to a slow SMTP server, again and again: no mail lost, at most one repeated per kill.

The server takes each message at the end of DATA and answers 30 ms later; a client killed in that
window has sent a mail it never heard was accepted (RFC 1047), so one repeat per kill cannot be
avoided. Anything more would mean mail recorded as sent only after others had gone out.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from mailbot.transports.maildir import deliver
from tests.desk.mailkit import authenticated_request, process_group, use_smtp, wait_gone
from tests.forkserver import run_mailbot, spawn_mailbot
from tests.servers import SmtpServer

pytestmark = pytest.mark.servers

MESSAGES = 200
KILLS = 24
SERVER_DELAY = 0.03


def _holding(pid: int, name: str) -> bool:
    """Whether process *pid* has a file whose path ends with *name* open."""
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}").endswith(name) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return False


@pytest.mark.timeout(300)
def test_sigkill_while_sending_to_a_slow_server(desk_dir: Path, tmp_path: Path) -> None:
    rng = random.Random(1047)
    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(MESSAGES):
        deliver(inbox, authenticated_request(i))
    command = ["--config", str(desk_dir / "config.toml"), "run"]
    log = (tmp_path / "runs.log").open("wb")
    kills: Counter[str] = Counter()
    with SmtpServer() as smtp:
        smtp.data_delay = SERVER_DELAY
        use_smtp(desk_dir, smtp)
        started = time.monotonic()
        while sum(kills.values()) < KILLS:
            proc = spawn_mailbot(command, cwd=desk_dir, stdout=log, stderr=log, start_new_session=True)
            target = len(smtp.messages) + rng.randint(2, 10)
            deadline = time.monotonic() + 60
            while len(smtp.messages) < target and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
            assert proc.poll() is None, f"mailbot run ended ({proc.returncode}) before it could be killed"
            assert len(smtp.messages) >= target, "mailbot run sent nothing for a minute"
            mode = ("group", "main", "sender")[sum(kills.values()) % 3]
            if mode == "sender":
                helpers = [p for p in process_group(proc.pid) if p != proc.pid and _holding(p, ".outbox.lock")]
                mode = "sender" if helpers else "group"
            if mode == "group":
                os.killpg(proc.pid, signal.SIGKILL)
            elif mode == "main":
                os.kill(proc.pid, signal.SIGKILL)  # the helpers see their parent gone and stop
            else:
                os.kill(helpers[0], signal.SIGKILL)  # the sender process, mid-mail
                kills[mode] += 1
                mode = "group"  # then the rest (the service would send again only at its next timer)
                os.killpg(proc.pid, signal.SIGKILL)
            kills[mode] += 1
            proc.wait(timeout=30)
            wait_gone(proc.pid, 30)
            print(f"{time.monotonic() - started:5.1f} s: {mode} kill, {len(smtp.messages)} mails taken",
                  file=sys.stderr)
        killing = time.monotonic() - started
        finished = run_mailbot([*command, "--once"], cwd=desk_dir, timeout=300)
        assert finished.returncode == 0, finished.stderr
        captured = [m.raw for m in smtp.messages]

    conn = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    assert conn.execute("select count(*) from messages where status = 'processed'").fetchone()[0] == MESSAGES
    statuses = dict(conn.execute("select status, count(*) from outbox group by status").fetchall())
    assert statuses == {"sent": statuses.get("sent", 0)} and statuses["sent"] >= MESSAGES, statuses
    queued_ids = {row[0] for row in conn.execute("select message_id from outbox")}
    delivered = Counter(re.search(rb"^Message-ID: (<[^>]+>)", raw, re.MULTILINE | re.IGNORECASE).group(1).decode()
                        for raw in captured)
    assert set(delivered) == queued_ids, "every mail reached the server (0 lost), and nothing else did"
    repeats = sum(n - 1 for n in delivered.values())
    total_kills = sum(kills.values())
    print(f"{len(queued_ids)} mails, {total_kills} kills {dict(kills)} in {killing:.0f} s, {repeats} repeated")
    assert total_kills >= 20
    assert repeats <= total_kills, f"{repeats} mails repeated after {total_kills} kills"
    assert max(delivered.values()) <= 2
