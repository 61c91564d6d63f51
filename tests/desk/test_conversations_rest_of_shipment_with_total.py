"""The rest of a shipment received in parts, said with the whole it makes ("sisa 500 kpg sdh nyampe, jd total udh
1.300 lengkap"): booked when the part and the total agree with what was shipped, the difference closed; a total
that does not agree with the part is never booked."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12, dispatched, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

FIRST = "Pak, blangko baru tiba 1.200 keping, sisanya 800 masih di kapal katanya menyusul."


@pytest.mark.parametrize("words", [
    "Pak sisa 800 kpg sdh nyampe td sore, jd total udh 2.000 lengkap ya. Mksh",
    "Sisa 800 keping sudah sampai hari ini, jadi total 2.000 keping sudah lengkap.",
    "Bu, sisa 800 lembar sudah kami terima tadi pagi, sehingga seluruhnya 2.000 lembar.",
], ids=["phone", "formal", "seluruhnya"])
def test_the_rest_said_with_its_total_closes_the_difference(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)  # 2.000 sent to Bulungan
    first, _ = send_answer(desk12, BULUNGAN, notice, FIRST)
    [told] = desk12.replies_to(first)
    assert "menyusul" in flat(told.text) and desk12.open_gaps() == [800], told.text
    mid, outcome = send_answer(desk12, BULUNGAN, told, words)
    # was: asked back "kami menemukan lebih dari satu angka"; the difference of 800 left open
    [reply] = desk12.replies_to(mid)
    assert "lebih dari satu angka" not in flat(reply.text), reply.text
    assert desk12.open_gaps() == [], (outcome, desk12.queue(mid))


def test_a_total_that_does_not_agree_with_the_rest_is_never_booked(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    first, _ = send_answer(desk12, BULUNGAN, notice, FIRST)
    [told] = desk12.replies_to(first)
    send_answer(desk12, BULUNGAN, told, "Sisa 800 keping sudah sampai hari ini, jadi total 1.900 keping.")
    assert desk12.open_gaps() == [800]
