"""`mailbot backup` carries the sent journal: a restored backup never sends again what the server accepted.

On SQLite each mail the server accepts is written to a journal beside the database
(`mailbot.db.outbox-sent`) and folded into the outbox rows after the batch. A service killed in the
middle of a batch leaves records in the journal only; a backup taken then must hold them, or the
desk restored from it sends those mails a second time.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from mailbot.transports.maildir import deliver
from tests.desk.conftest import mailbot, wait_until
from tests.desk.mailkit import authenticated_request, message_id_in, use_smtp, wait_gone
from tests.servers import SmtpServer

pytestmark = pytest.mark.servers

MESSAGES = 30


def _journal_rows(desk_dir: Path) -> int:
    journal = desk_dir / "var" / "mailbot.db.outbox-sent"
    if not journal.exists():
        return 0
    with sqlite3.connect(journal) as conn:
        return int(conn.execute("select count(*) from sent").fetchone()[0])


@pytest.mark.timeout(300)
def test_a_backup_taken_before_the_journal_is_folded_sends_nothing_twice_when_restored(
        desk_dir: Path, tmp_path: Path) -> None:
    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(MESSAGES):
        deliver(inbox, authenticated_request(i))
    with SmtpServer() as smtp:
        # The server takes one mail at a time, when the test lets it, and holds the next MAIL FROM unanswered:
        # while it is held, every mail taken before is in the journal or already folded into the outbox, and a
        # kill then leaves nothing the server took unrecorded and nothing half sent (no RFC 1047 repeat).
        smtp.gate()
        use_smtp(desk_dir, smtp)
        command = [sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), "run"]
        with (tmp_path / "run.log").open("wb") as log:
            proc = subprocess.Popen(command, cwd=desk_dir, stdout=log, stderr=log, start_new_session=True)
            try:
                # a pass folds its journal when it ends: take mails until the one in hand has three unfolded
                while _journal_rows(desk_dir) < 3:
                    assert len(smtp.messages) < 4 * MESSAGES, "the journal was folded after every mail"
                    assert wait_until(lambda: smtp.waiting_at_mail > 0, timeout=120, every=0.01), \
                        "the desk sent no more mail"
                    taken_before = len(smtp.messages)
                    smtp.let_through()
                    assert wait_until(lambda n=taken_before: len(smtp.messages) > n and smtp.waiting_at_mail > 0,
                                      timeout=120, every=0.01), "the server took no mail, or the desk sent no next"
                os.killpg(proc.pid, signal.SIGKILL)  # mid-pass: the journal is not folded yet
                proc.wait(timeout=30)
                wait_gone(proc.pid, 30)
            finally:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
        smtp.open_gate()
        taken = [message_id_in(m.raw) for m in smtp.messages]
        journalled = _journal_rows(desk_dir)
        with sqlite3.connect(desk_dir / "var" / "mailbot.db") as conn:
            sent_rows = conn.execute("select count(*) from outbox where status = 'sent'").fetchone()[0]
        assert journalled >= 3, journalled
        assert journalled + sent_rows == len(taken), "every mail the server took is journalled or marked sent"

        backup = tmp_path / "backup.db"
        result = mailbot(desk_dir, "backup", str(backup))
        assert result.returncode == 0, result.stderr
        assert f"{journalled} sent mail(s) from the sent journal" in result.stdout, result.stdout

        restored = tmp_path / "restored"
        (restored / "var").mkdir(parents=True)
        shutil.copy(desk_dir / "config.toml", restored / "config.toml")
        shutil.copy(backup, restored / "var" / "mailbot.db")  # a fresh folder: no journal beside it
        started = time.monotonic()
        again = mailbot(restored, "run", "--once", timeout=240)
        assert again.returncode == 0, again.stderr[-2000:]
        delivered = Counter(message_id_in(m.raw) for m in smtp.messages)

    with sqlite3.connect(restored / "var" / "mailbot.db") as conn:
        outbox = dict(conn.execute("select message_id, status from outbox").fetchall())
    assert set(outbox.values()) == {"sent"}, Counter(outbox.values())
    assert set(delivered) == set(outbox), "every mail reached the server (nothing lost), and nothing else"
    twice = {m: n for m, n in delivered.items() if n > 1}
    assert not twice, f"the restored desk sent again {len(twice)} mail(s) the server had accepted: {twice}"
    print(f"{len(taken)} mails accepted before the kill, journalled, folded into the backup; "
          f"{len(outbox) - len(taken)} sent by the restored desk in {time.monotonic() - started:.1f} s")


@pytest.mark.parametrize("written", ["2026-12-06 10:00:00", "kemarin"])
def test_a_journalled_time_without_its_zone_fails_no_run(sample: Path, written: str) -> None:
    """A sent journal holding a time written without a zone (a journal from a restore, or mended by hand) made
    every `run` fail with a traceback ("naive datetime given to the database"), while check-config said ok: it is read
    as UTC, and what is no time at all as the time of folding."""
    database = sample / "var" / "mailbot.db"
    with sqlite3.connect(database) as db:
        db.execute("update outbox set status = 'queued', next_attempt_at = '2099-01-01 00:00:00' where id = 1")
    with sqlite3.connect(f"{database}.outbox-sent") as journal:
        journal.execute("CREATE TABLE IF NOT EXISTS sent (outbox_id INTEGER PRIMARY KEY, sent_at TEXT NOT NULL)")
        journal.execute("INSERT INTO sent VALUES (1, ?)", (written,))
    ran = mailbot(sample, "run", "--once")
    assert ran.returncode == 0 and "Traceback" not in ran.stderr, ran.stderr
    with sqlite3.connect(database) as db:
        [(status, sent_at)] = db.execute("select status, sent_at from outbox where id = 1").fetchall()
    assert status == "sent" and sent_at, (status, sent_at)
    if written[0].isdigit():
        assert sent_at.startswith("2026-12-06 10:00:00"), sent_at
