"""Reminders on the real SQLite desk in process, every message written fresh: a new mail in Bugis-Makassar Malay
with its particles ("belum pi ada kabarnya", "bagaimana mi itu permohonan"), and a district asking in its held
request's thread when the managers decide ("kapan ngasih keputusan?"): each chases the request, the managers
hear of it, never a question for a person."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, TARAKAN, Desk12, approved, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("subject", "words"), [
    ("blangko", "Tabe' pak, bagaimana mi itu permohonan blangko ta' minggu lalu? Belum pi ada kabarnya sampai "
     "sekarang di'. Masyarakat banyak mi menunggu."),
    ("Permohonan blangko KTP-el", "Assalamu alaikum pak, belum pi ada balasannya itu permohonan ta' kemarin. "
     "Ditunggu ki kabarnya di'."),
    ("blangko ktp", "Pak, bagaimana ji itu usulan blangko ta'? Lama mi kodong menunggu."),
], ids=["bugis_reported", "belum_pi_ada_balasan", "bagaimana_ji_usulan"])
def test_a_reminder_in_bugis_malay_chases_the_open_request(desk12: Desk12, subject: str, words: str) -> None:
    approved(desk12)  # BLK-2026-0001, 2.000 approved, not yet sent
    mid, outcome = desk12.send(BULUNGAN, subject, words)
    # was: a question from the district for a person; the managers not told
    assert outcome == {"reminder": 1}, outcome
    assert desk12.queue(mid) == {"reminder"}
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "akan dibaca serta ditindaklanjuti" not in flat(told.text)
    assert [o for o in desk12.to_managers() if o.purpose.startswith("reminder:")]


@pytest.mark.parametrize("words", [
    "Mas, itu pimpinan kapan ngasih keputusan? Kami tunggu dari kemarin lho. Nuwun",
    "Pak, kapan kira-kira pimpinan kasih keputusan ya? Warga sudah antri.",
    "Bu, keputusannya kapan ya? Warga nanya terus di loket.",
], ids=["ngasih_keputusan", "kasih_keputusan", "keputusannya_kapan"])
def test_asking_when_the_managers_decide_in_a_held_thread_is_a_reminder(desk12: Desk12, words: str) -> None:
    _, outcome = desk12.send(TARAKAN, "Permohonan blangko KTP-el", "Dengan hormat,\nmohon tambahan blangko KTP-el "
                             "sebanyak 4000 keping, sisa stok 100 keping.\nHormat kami\nOperator\n")
    assert outcome == {"request-held": 1}, outcome
    [held] = [o for o in desk12.out() if o.to == [TARAKAN]]
    mid, outcome = send_answer(desk12, TARAKAN, held, words, above=GMAIL)
    # was: a question from the district for a person; the managers not told
    assert outcome == {"reminder": 1}, outcome
    assert [o for o in desk12.to_managers() if o.purpose.startswith("reminder:")]
    [told] = desk12.replies_to(mid)
    assert "pimpinan" in flat(told.text), told.text
