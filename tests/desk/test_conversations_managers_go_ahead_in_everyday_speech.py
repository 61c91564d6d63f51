"""A manager's go-ahead on a held request in everyday speech, on the real SQLite desk in process: all of it sent in the
words of the region or half in English with the approval said again after it, a when of sending in any order, a duty
after a word that carries the request on. Approved, with the when or the duty told to the district; a condition on
the approval itself, a question, or an "ok" with a duty only, approves nothing. A refusal "for now" tells its reason
without the fillers."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _told_district(desk12: Desk12, words: str) -> str:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, MANAGERS[0], held, f"{words}\n\nDikirim dari ponsel Samsung", above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert desk12.request()["state"] == "approved"
    assert desk12.queue(mid) == set()
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    return flat(told.text)


@pytest.mark.parametrize("words", [
    "Monggo dikirim sedaya, kulo sampun setuju.",
    "Kawa, kirimakan haja barataan pak. Ulun setujui.",
    "Boleh lah tu, hantar je semuanya. Saya setuju.",
    "Iye' pak, langsung dikirim mami.",
    "Noted, go ahead kirim semua ya. Approved.",
], ids=["javanese", "banjar", "malay", "bugis-makassar", "english-mixed"])
def test_all_of_it_sent_in_regional_or_mixed_words_approves_the_request(desk12: Desk12, words: str) -> None:
    _told_district(desk12, words)


@pytest.mark.parametrize(("words", "note"), [
    ("Setuju, kirimnya besok saja.", "dikirim besok"),
    ("Acc pak, dikirim hari Kamis depan.", "dikirim hari Kamis depan."),
    ("besok aja dikirim ya pak", "dikirim besok"),
    ("Boleh, lusa kirimnya, sekalian bareng kiriman Malinau.", "dikirim lusa, sekalian bareng kiriman Malinau"),
    ("SETUJU, tapi pengirimannya pekan depan aja", "dikirim pekan depan"),
    ("Disetujui. Kirim besok pagi, jangan hari ini.", "Kirim besok pagi, jangan hari ini."),
], ids=["noun-then-when", "day-next-week", "when-first-alone", "when-with-more", "but-when", "not-today"])
def test_a_when_of_sending_with_the_go_ahead_approves_and_is_told(desk12: Desk12, words: str, note: str) -> None:
    assert f"Catatan dari pimpinan: {note}" in _told_district(desk12, words)


@pytest.mark.parametrize(("words", "duty"), [
    ("Silakan lanjutkan, tapi jangan lupa laporan pemakaian dikirim tiap akhir bulan.",
     "jangan lupa laporan pemakaian dikirim tiap akhir bulan"),
    ("Lanjut pak, tp jgn lupa BA penerimaan ditandatangani kadis.", "jgn lupa BA penerimaan ditandatangani kadis"),
], ids=["silakan-lanjutkan", "lanjut-abbreviated"])
def test_a_duty_after_carrying_on_approves_and_is_told(desk12: Desk12, words: str, duty: str) -> None:
    assert f"Catatan dari pimpinan: {duty}" in _told_district(desk12, words)


@pytest.mark.parametrize("words", [
    "Setuju, dikirim besok kalau stok provinsi sudah masuk.",
    "besok dikirim?",
    "Ok, tapi jangan lupa cek stok gudang dulu.",
    "Nggih monggo dikirim, nanti kita lihat lagi.",
], ids=["when-with-a-condition", "question", "acknowledged-only", "javanese-later"])
def test_a_go_ahead_that_asks_more_approves_nothing(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert desk12.request()["state"] == "held"
    for told in [o for o in desk12.out()[n:] if MANAGERS[0] in o.to]:
        assert 'sesudah "SETUJU"' not in flat(told.text), told.text  # never a SETUJU he did not write


def test_a_refusal_for_now_tells_the_reason_without_its_fillers(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, "Tolak saja dulu ya bu, rekap pemakaian November belum masuk.",
                             above=GMAIL)
    assert outcome == {"manager-reject": 1}, outcome
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert "Alasan: rekap pemakaian November belum masuk" in flat(told.text), told.text
