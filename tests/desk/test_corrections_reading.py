"""A correction reads the stored mail at most once: a follow-up's correction finds the request it followed up and
decides it again from the same reading."""

from __future__ import annotations

from typing import Any

import pytest

from mailbot import corrections
from mailbot.reader.verdict import Verdict
from tests.desk.desk12 import BULUNGAN, Desk12, approved

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_follow_ups_correction_reads_the_stored_mail_once(desk12: Desk12,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    reply = approved(desk12)
    follow, got = desk12.send(BULUNGAN, "Re: " + reply.subject, "Koreksi: sisa stok kami 300 keping, bukan 750.",
                              in_reply_to=reply.message_id, date="Wed, 02 Dec 2026 08:00:00 +0800")
    assert got == {"follow-up-request-approved": 1}
    pk = desk12.db().execute("select id from messages where message_id = ?", (follow,)).fetchone()[0]
    read = corrections.read_message
    reads: list[int] = []

    def counted(raw: bytes, *args: Any, **kwargs: Any) -> Verdict:
        reads.append(len(raw))
        return read(raw, *args, **kwargs)

    monkeypatch.setattr(corrections, "read_message", counted)
    with desk12.desk.sessions.begin() as session:
        done = corrections.correct(session, desk12.desk, pk, {"stock_on_hand": 100}, actor="Tester",
                                   reason="ditelepon: sisa sebenarnya 100")
    assert any("followed it up" in e and "decided again" in e for e in done.effects), done.effects
    assert desk12.request()["stock_on_hand"] == 100
    assert len(reads) == 1, reads
