"""The digest on the real SQLite desk in process over the Maildir defaults: an approval that was shipped and received
is one line with its latest state ("dikirim 2.000, diterima 1.900"), never "[diganti keputusan sesudahnya]"; a count
corrected later replaces the first count."""

from __future__ import annotations

import pytest

from mailbot.watch import build_digest
from tests.desk.desk12 import Desk12, Out, answer_gmail, dispatched

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

REPLACED = "[diganti keputusan sesudahnya]"


def _lines(d: Desk12) -> list[str]:
    _, text, _ = build_digest(d.desk)
    return [line for line in text.splitlines() if line.startswith("- BLK-2026-0001")]


def test_a_request_shipped_and_received_is_one_line_with_its_latest_state(desk12: Desk12) -> None:
    notice: Out = dispatched(desk12)
    lines = _lines(desk12)
    assert len(lines) == 1 and "disetujui 2.000 (oleh sistem), dikirim 2.000" in lines[0], lines
    receipt, _ = answer_gmail(desk12, notice, "Blangko sudah kami terima 1.900 keping pak.")
    lines = _lines(desk12)
    assert len(lines) == 1 and not any(REPLACED in line for line in lines), lines
    assert "dimohon 2.000, disetujui 2.000 (oleh sistem), dikirim 2.000, diterima 1.900" in lines[0], lines
    [told] = desk12.replies_to(receipt)
    answer_gmail(desk12, told, "Ralat pak, setelah dihitung ulang ternyata lengkap 2.000 keping, bukan 1.900.")
    lines = _lines(desk12)
    assert len(lines) == 1 and "dikirim 2.000, diterima 2.000" in lines[0], lines  # the later count
    _, text, _ = build_digest(desk12.desk)
    assert "== Permohonan dan keputusan sejak awal pencatatan (1) ==" in text


def test_a_question_in_the_queue_is_quoted_in_the_digest_not_only_its_subject(desk12: Desk12) -> None:
    from tests.desk.desk12 import BULUNGAN, approved

    reply = approved(desk12)
    mid, _ = desk12.send(BULUNGAN, "Re: " + reply.subject, "Pak, apakah blangkonya bisa dikirim minggu ini? "
                                                           "Kami ada perekaman massal hari Senin.",
                         in_reply_to=reply.message_id)
    assert desk12.queue(mid) == {"question"}
    _, text, html = build_digest(desk12.desk)
    queue = text[text.index("== Perlu dibaca petugas"):]
    [line] = [line for line in queue.splitlines() if "pertanyaan" in line or "apakah" in line.lower()]
    assert '"Pak, apakah blangkonya bisa dikirim minggu ini? Kami ada perekaman massal hari Senin."' in line, line
    assert "apakah blangkonya bisa dikirim minggu ini?" in html


def test_a_decision_redone_the_same_is_not_told_as_an_earlier_one(desk12: Desk12) -> None:
    from tests.desk.desk12 import BULUNGAN, approved

    reply = approved(desk12)  # 2.000 approved, stock 750
    desk12.send(BULUNGAN, "Re: " + reply.subject, "Koreksi pak, sisa stok kami 700 keping, bukan 750.",
                in_reply_to=reply.message_id)
    assert desk12.request()["stock_on_hand"] == 700
    [line] = _lines(desk12)
    assert "disetujui 2.000 (oleh sistem)" in line and "sebelumnya" not in line, line
