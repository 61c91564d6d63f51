"""Our question for the figure answered by another address of the same district (a colleague, in a new mail days
later or in the thread of our question): the request asked back is completed, and the decision reaches the person
who answered as well as the address that asked first."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, BULUNGAN_OPERATOR, GMAIL, Desk12, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

VAGUE = "Blangko KTP-el kami sudah menipis, mohon dikirimkan tambahan secepatnya.\n"


@pytest.mark.parametrize("in_thread", [False, True], ids=["new-mail", "in-thread"])
def test_an_answer_from_the_districts_other_address_is_answered_to_its_writer(desk12: Desk12,
                                                                              in_thread: bool) -> None:
    first, outcome = desk12.send(BULUNGAN, "Permohonan blangko", VAGUE, date="Mon, 30 Nov 2026 09:00:00 +0800")
    assert outcome == {"request-clarify": 1}, outcome
    [question] = desk12.replies_to(first)
    words = ("Menindaklanjuti email dari disdukcapil@bulungankab.example kemarin yg blm sempat kami jawab (maaf "
             "terlambat): kebutuhan kami 1.200 keping, sisa stok 400 keping")
    if in_thread:
        mid, outcome = send_answer(desk12, BULUNGAN_OPERATOR, question, words, above=GMAIL)
    else:
        mid, outcome = desk12.send(BULUNGAN_OPERATOR, "Jawaban: kebutuhan blangko Bulungan", words + "\n",
                                   date="Thu, 03 Dec 2026 08:00:00 +0800")
    [req] = desk12.db().execute("select requested, stock_on_hand, state from requests").fetchall()
    assert (req["requested"], req["stock_on_hand"]) == (1200, 400) and req["state"] != "clarifying", outcome
    [told] = desk12.replies_to(mid)
    # was: the approval went to disdukcapil@ alone; the operator who answered heard nothing
    assert told.to[0] == BULUNGAN_OPERATOR and BULUNGAN in told.to, told.to
    assert "[BLK-2026-0001]" in told.subject
