"""Killed between a commit and the IMAP MOVE that acknowledges it, mailbot answers nobody twice: the messages
committed but still in the inbox folder are found again by the next run, known, and only moved.

Real Dovecot, real aiosmtpd, `mailbot run --once` in a subprocess killed with SIGKILL (its whole group).
"""

from __future__ import annotations

import email
import email.policy
import os
import signal
import sqlite3
import subprocess
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from tests.desk_config import PASSWORD_ENV, write_desk_config
from tests.servers import DovecotServer, SmtpServer, district_request
from tests.transports.test_end_to_end import PROCESSED, REPO, mailbot_command, request_id, run_once

pytestmark = pytest.mark.servers

TOTAL = 150


def _stored(db_path: Path) -> int:
    """Messages the database has committed (0 before it exists or while it is created)."""
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.2) as db:
            return int(db.execute("select count(*) from messages").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


@pytest.mark.timeout(600)
def test_a_kill_between_the_commit_and_the_imap_move_answers_nobody_twice(
        dovecot: DovecotServer, smtp_server: SmtpServer, tmp_path: Path) -> None:
    config = write_desk_config(tmp_path, dovecot, smtp_server, max_replies_per_sender_per_day=1000)
    requests = [district_request(i) for i in range(TOTAL)]
    dovecot.append_many("INBOX", requests)
    env = dict(os.environ, **{PASSWORD_ENV: dovecot.password})
    db_path = tmp_path / "mailbot.db"
    kills = caught = 0
    log = (tmp_path / "runs.log").open("wb")
    while not caught and kills < 5:
        proc = subprocess.Popen([*mailbot_command(), "--config", str(config), "run", "--once"], env=env, cwd=REPO,
                                stdout=log, stderr=log, start_new_session=True)
        deadline = time.monotonic() + 120
        # committed in the database, not yet moved out of the inbox folder: kill now
        while proc.poll() is None and time.monotonic() < deadline:
            if _stored(db_path) > TOTAL - dovecot.count("INBOX"):
                os.killpg(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.01)
        proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL, \
            f"the run ended ({proc.returncode}) before it was killed: {(tmp_path / 'runs.log').read_text()[-2000:]}"
        kills += 1
        left = dovecot.count("INBOX")
        caught = _stored(db_path) + left - TOTAL  # committed messages the kill left in the inbox folder
        assert left, "killed after the inbox was emptied"
    assert caught > 0, f"no kill of {kills} fell between a commit and its MOVE"

    run_once(config, dovecot)
    assert dovecot.count("INBOX") == 0 and dovecot.count(dovecot.mailbox(PROCESSED)) == TOTAL
    with sqlite3.connect(db_path) as db:
        assert db.execute("select count(*), count(distinct message_id) from messages").fetchone() == (TOTAL, TOTAL)
        assert db.execute("select count(*) from outbox where status != 'sent'").fetchone() == (0,)
    answers: defaultdict[str, set[str]] = defaultdict(set)  # request -> the Message-IDs of the replies to it
    deliveries: Counter[str] = Counter()
    for captured in smtp_server.messages:
        reply = email.message_from_bytes(captured.raw, policy=email.policy.default)
        deliveries[str(reply["Message-ID"])] += 1
        if reply["In-Reply-To"]:
            answers[str(reply["In-Reply-To"]).strip()].add(str(reply["Message-ID"]))
    asked = {request_id(raw).strip() for raw in requests}
    assert {r: len(a) for r, a in answers.items() if r in asked} == dict.fromkeys(asked, 1), \
        "every request answered by one reply, the committed ones left in the inbox not again"
    repeated = sum(n - 1 for n in deliveries.values())
    assert repeated <= kills, f"{repeated} mails delivered again after {kills} kills (at most the one in flight each)"
    print(f"{kills} kill(s), {caught} committed message(s) left in the inbox by the kill, found again and "
          f"only moved; {repeated} mail(s) delivered again")
