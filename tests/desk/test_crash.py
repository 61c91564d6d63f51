"""Killing mailbot (SIGKILL) at any point and running again loses no message and sends no second reply."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from mailbot.transports.maildir import deliver
from tests.desk.conftest import mailbot, outbox_files
from tests.forkserver import spawn_mailbot

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


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


def _progress(db_path: Path) -> tuple[int, int]:
    """(messages stored, replies sent) as the database shows them now; (0, 0) before it exists."""
    if not db_path.exists():
        return 0, 0
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.2)
        try:
            stored = db.execute("select count(*) from messages").fetchone()[0]
            sent = db.execute("select count(*) from outbox where status = 'sent'").fetchone()[0]
        finally:
            db.close()
    except sqlite3.OperationalError:  # created but not migrated yet, or busy
        return 0, 0
    return int(stored), int(sent)


# Kill points by progress, not by time, so that each run is killed in the phase it names on any machine:
# after the first message is stored, midway and late in the inbox, and while the outbox is sent (first and
# about the 60th of the roughly 100 mails this backlog sends: replies within the caps, one alert per district).
@pytest.mark.parametrize(("stored", "sent"), [(1, 0), (200, 0), (350, 0), (0, 1), (0, 60)])
def test_sigkill_then_rerun(desk_dir: Path, tmp_path: Path, stored: int, sent: int) -> None:
    total = 400
    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(total):
        deliver(inbox, _message(i))
    log = (tmp_path / "run.log").open("wb")
    proc = spawn_mailbot(["--config", str(desk_dir / "config.toml"), "run", "--once"], cwd=desk_dir, stdout=log,
                         stderr=log)
    db_path = desk_dir / "var" / "mailbot.db"
    deadline = time.monotonic() + 90
    while proc.poll() is None and time.monotonic() < deadline:
        now_stored, now_sent = _progress(db_path)
        if now_stored >= stored and now_sent >= sent:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait(timeout=30)
    log.close()
    assert proc.returncode == -signal.SIGKILL, f"the run was not killed: {(tmp_path / 'run.log').read_text()[-2000:]}"
    at_kill = _progress(db_path)
    assert at_kill[0] >= stored and at_kill[1] >= sent
    assert at_kill[0] < total or at_kill[1] < _replies_due(db_path), f"killed after the run was done: {at_kill}"
    again = mailbot(desk_dir, "run", "--once")
    assert again.returncode == 0, again.stderr
    _invariants(desk_dir, total)


def _replies_due(db_path: Path) -> int:
    db = sqlite3.connect(db_path)
    try:
        return int(db.execute("select count(*) from outbox").fetchone()[0])
    finally:
        db.close()
