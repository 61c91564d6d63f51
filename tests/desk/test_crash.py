"""Killing mailbot (SIGKILL) at any point and running again loses no message and sends no second reply."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailbot.transports.maildir import deliver
from tests.desk.conftest import mailbot, outbox_files
from tests.desk.mailkit import set_guards


@pytest.fixture(autouse=True)
def _sender_lists_decide(desk_dir: Path) -> None:
    """Not a test of mail authentication (see test_forged_senders): the sender lists alone decide here."""
    set_guards(desk_dir, require_authentication=False)

DISTRICT_SENDERS = ["disdukcapil@bulungankab.example", "disdukcapil@malinaukab.example",
                    "disdukcapil@nunukankab.example", "disdukcapil@tanatidungkab.example",
                    "disdukcapil@tarakankota.example"]


def _message(i: int) -> bytes:
    sender = DISTRICT_SENDERS[i % len(DISTRICT_SENDERS)]
    if i % 3 == 0:
        body = f"Laporan harian 2{i % 7}/11/2026\nPerekaman: {100 + i % 50} | Pencetakan: {90 + i % 40} | " \
               f"Sisa blangko: {3000 - i}\n"
        subject = f"Laporan harian {i}"
    else:
        body = f"Dengan hormat,\nmohon tambahan blangko KTP-el sebanyak {1000 + (i % 5) * 100} keping, " \
               f"sisa stok kami {400 + i % 100} keping.\nTerima kasih.\n"
        subject = f"Permohonan blangko {i}"
    return (f"From: <{sender}>\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\nSubject: {subject}\r\n"
            f"Date: Thu, 26 Nov 2026 09:{i % 60:02d}:00 +0800\r\nMessage-ID: <crash-{i}@test.example>\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}").encode()


def _invariants(desk_dir: Path, total: int) -> None:
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    assert db.execute("select count(*) from messages").fetchone() == (total,), "every message stored once"
    assert db.execute("select count(*) from messages where status != 'processed'").fetchone() == (0,)
    dup = db.execute("select purpose, count(*) from outbox group by purpose having count(*) > 1").fetchall()
    assert dup == []
    assert db.execute("select count(*) from outbox where status = 'queued'").fetchone() == (0,), "all sent"
    replies = db.execute("select count(*) from outbox where purpose like 'reply:%'").fetchone()[0]
    replied_messages = db.execute("select count(distinct purpose) from outbox where purpose like 'reply:%'"
                                  ).fetchone()[0]
    assert replies == replied_messages
    files = outbox_files(desk_dir)
    assert len(files) == db.execute("select count(*) from outbox where status = 'sent'").fetchone()[0]
    message_ids = [line for f in files for line in f.read_text(errors="replace").splitlines()
                   if line.lower().startswith("message-id:")]
    assert len(message_ids) == len(set(message_ids)), "no reply delivered twice"
    inbox = desk_dir / "var" / "mail" / "inbox"
    assert not list((inbox / "new").iterdir())
    assert len(list((inbox / "cur").iterdir())) == total
    # requests: exactly one per district request message
    requests = db.execute("select count(*) from requests where message_pk is not null").fetchone()[0]
    request_messages = db.execute("select count(*) from messages where kind = 'request'").fetchone()[0]
    assert requests == request_messages


@pytest.mark.parametrize("kill_after", [0.8, 1.1, 1.4, 1.8, 2.3, 3.0])
def test_sigkill_then_rerun(desk_dir: Path, kill_after: float) -> None:
    total = 400
    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(total):
        deliver(inbox, _message(i))
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"),
                             "run", "--once"], cwd=desk_dir, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    time.sleep(kill_after)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    # The kill lands mid-run (the usual case: 400 messages take longer than the latest kill point),
    # or the run had just finished by itself; either way the rerun must leave everything exactly once.
    assert proc.returncode in (0, -signal.SIGKILL)
    again = mailbot(desk_dir, "run", "--once")
    assert again.returncode == 0, again.stderr
    _invariants(desk_dir, total)
