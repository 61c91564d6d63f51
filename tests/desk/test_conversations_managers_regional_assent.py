"""A manager answering a held request by asking the blanks sent, in the words of the region, on the real SQLite desk
in process: Javanese, Banjar and Malay assent approves as "ok kirim" does, and a when said with it ("besok") is the
manager's note to the district, never a reason to ask him back."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "ok kirim",
    "Oleh, kirimno wae",
    "Oleh, kirimno wae, ning ojo lali bukti tanda terimane dikirim.",
    "monggo dikirim pak",
    "Kawa ai dikirim.",
    "Boleh hantar.",
], ids=["ok-kirim", "javanese-ngoko", "javanese-ngoko-with-a-duty", "javanese-krama", "banjar", "malay"])
def test_the_blanks_asked_sent_in_regional_words_approve_the_request(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, MANAGERS[0], held, f"{words}\n\nSent from my iPhone", above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert desk12.request()["state"] == "approved"
    assert desk12.queue(mid) == set()
    assert [o for o in desk12.out()[n:] if NUNUKAN in o.to], "the district is told of the approval"


def test_a_when_with_the_assent_approves_and_is_told_to_the_district(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, MANAGERS[1], held, "Ok dikirim besok ya", above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert desk12.request()["state"] == "approved"
    assert not [o for o in desk12.out()[n:] if MANAGERS[1] in o.to and "belum dapat kami pastikan" in flat(o.text)]
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert "Catatan dari pimpinan: dikirim besok" in flat(told.text), told.text


@pytest.mark.parametrize("words", [
    "ok, kirim laporan stoknya dulu ya",
    "ok dikirim besok kalau stok provinsi sudah masuk",
], ids=["send-a-report-first", "when-with-a-condition"])
def test_a_send_word_that_asks_something_else_approves_nothing(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)
    send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert desk12.request()["state"] == "held"
