"""A district's reminder of a request still waiting for its own answer to our question, on the real SQLite desk in
process, every message written fresh: the managers' notice says the request waits for the district, in words
addressed to the managers, and offers no SETUJU/TOLAK for a request nobody can decide yet."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import MALINAU, Desk12, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Selamat siang bu, bagaimana kelanjutan permohonan kami? Sudah lima hari belum ada kabar.",
    "pak gmn kabar permohonan kami? udh seminggu blm ada jawaban",
], ids=["bagaimana_kelanjutan", "phone_gmn_kabar"])
def test_the_managers_hear_the_request_waits_for_the_district(desk12: Desk12, words: str) -> None:
    mid, outcome = desk12.send(MALINAU, "blangko", "Bu, blangko KTP-el kami tinggal sedikit, mohon dikirimkan.\n")
    assert outcome == {"request-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    send_answer(desk12, MALINAU, asked, words)
    [notice] = [o for o in desk12.to_managers() if "Pengingat dari" in o.subject]
    text = flat(notice.text)
    # was: "Status : menunggu jawaban Bapak/Ibu atas pertanyaan kami" and "(SETUJU / TOLAK <alasan>)"
    assert "menunggu jawaban kabupaten/kota atas pertanyaan kami" in text, notice.text
    assert "Bapak/Ibu atas pertanyaan" not in text and "SETUJU" not in text, notice.text
