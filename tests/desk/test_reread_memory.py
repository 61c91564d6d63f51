"""`mailbot reread` holds one stored message at a time, whatever the archive holds."""

from __future__ import annotations

import email.message
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from mailbot.desk import Desk
from mailbot.rereading import reread
from mailbot.runners import process_inbox
from mailbot.transports.maildir import MaildirInbox, deliver

MESSAGES = 30
ATTACHMENT = 500_000  # bytes of each message's PDF: 30 of them are about 20 MB stored, base64 included


def _with_attachment(i: int) -> bytes:
    msg = email.message.EmailMessage()
    msg["From"] = "disdukcapil@malinaukab.example"
    msg["To"] = "blangko@disdukcapil.kaltaraprov.example"
    msg["Subject"] = f"Laporan {i}"
    msg["Message-ID"] = f"<lampiran-{i}@malinaukab.example>"
    msg.set_content("Terlampir laporan pemakaian blangko bulan ini.")
    msg.add_attachment(b"%PDF-1.4 " + bytes([i]) * ATTACHMENT, maintype="application", subtype="pdf",
                       filename=f"laporan-{i}.pdf")
    return msg.as_bytes()


@pytest.mark.slow  # 20 MB of mail stored, then reread under tracemalloc: about 5 s of CPU
def test_reread_memory_stays_that_of_a_few_messages(tmp_path: Path, open_test_desk: Callable[..., Desk]) -> None:
    desk = open_test_desk()
    inbox_dir = tmp_path / "inbox"
    for i in range(MESSAGES):
        deliver(inbox_dir, _with_attachment(i))
    outcomes = process_inbox(desk, MaildirInbox(inbox_dir, size_limit=desk.config.guards.max_message_bytes))
    assert sum(outcomes.values()) == MESSAGES
    tracemalloc.start()
    try:
        changes, total = reread(desk, None, include_quarantined=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == MESSAGES
    assert changes == []
    # all of them held at once would be over 20 MB (their raw bytes alone); one at a time (raw, parse, decoded PDF)
    # is a few (about 6 MB traced, the desk's own objects included)
    assert peak < 10 << 20, f"reread peaked at {peak / (1 << 20):.0f} MB traced"
