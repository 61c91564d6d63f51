"""A district asking, as a plain question, whether a part approval is all it gets ("is that final?", "can't it be
the full figure?"), on the real SQLite desk in process: an appeal that reaches the managers with the approval set
aside for them, as "kenapa hanya disetujui sebagian?" does, never only a question in the queue."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, REQUEST, Desk12, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Selamat siang Pak, mohon arahan: jumlah yang disetujui itu sudah final ya? Kami mengajukan 2.500 karena "
    "antrean perekaman masih panjang.",
    "apa gak bisa full 2.500 pak? bulan depan ada perekaman di sekolah2",
    "Mohon maaf Bu, apakah masih bisa ditambah? Stok segitu hanya cukup sepekan.",
], ids=["sudah_final", "phone_gak_bisa_full", "bisa_ditambah"])
def test_a_part_approval_questioned_reaches_the_managers(desk12: Desk12, words: str) -> None:
    mid, outcome = desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                               REQUEST.format(stock="2.000", asked="2.500", name="Nunukan"))
    [partly] = desk12.replies_to(mid)
    assert "SEBAGIAN" in partly.text, (outcome, partly.text)
    n = len(desk12.to_managers())
    asked, outcome = send_answer(desk12, NUNUKAN, partly, words)
    assert desk12.to_managers()[n:], (outcome, desk12.queue(asked))
    [told] = desk12.replies_to(asked)
    assert "pimpinan" in flat(told.text), told.text


def test_a_question_after_a_full_approval_stays_a_question(desk12: Desk12) -> None:
    mid, _ = desk12.send(NUNUKAN, "Permohonan blangko KTP-el",
                         REQUEST.format(stock="2.000", asked="500", name="Nunukan"))
    [approved] = desk12.replies_to(mid)
    assert "SEBAGIAN" not in approved.text, approved.text
    n = len(desk12.to_managers())
    asked, outcome = send_answer(desk12, NUNUKAN, approved, "Pak, jumlah itu sudah final ya? Terima kasih banyak.")
    assert not desk12.to_managers()[n:], outcome
