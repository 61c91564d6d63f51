"""A district that cancelled its request and then needs the blanks after all, writing in the cancelled request's
thread, on the real SQLite desk in process, every message written fresh: whatever else its mail says did not happen
("pinjamannya tidak jadi"), keeping to its ask is a new request with a reference of its own, decided (here held for
the managers, who hear of it at once), never a reply left to the queue alone."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, Desk12, flat, held_reply, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Mohon maaf pak, ternyata bantuan blangko dari Kabupaten Malinau tidak jadi. Jadi permohonan kami tetap 6.000 "
    "keping, sisa stok sekarang 250.",
    "pak pinjaman dr tarakan gak jadi, kami tetap butuh 6.000 keping ya. stok tinggal 250",
], ids=["tetap_6000", "phone_tetap_butuh"])
def test_an_ask_kept_after_a_cancellation_is_a_new_request(desk12: Desk12, words: str) -> None:
    _, reply = held_reply(desk12)
    cancel, outcome = send_answer(desk12, NUNUKAN, reply, "Permohonan ini mohon dibatalkan saja, kami dapat pinjaman.")
    assert outcome == {"follow-up-cancelled": 1}, outcome
    [cancelled] = desk12.replies_to(cancel)
    before = len(desk12.to_managers())
    mid, outcome = send_answer(desk12, NUNUKAN, cancelled, words)
    # was: "reply to a request already decided or dispatched" in the queue, the managers not told
    assert desk12.request()["state"] == "cancelled", outcome
    new = desk12.request("BLK-2026-0002")
    assert new is not None and (new["requested"], new["stock_on_hand"]) == (6000, 250), outcome
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0002]" in told.subject and "BLK-2026-0001" in flat(told.text), told.text
    assert desk12.to_managers()[before:], outcome


def test_a_second_cancellation_in_the_thread_opens_nothing(desk12: Desk12) -> None:
    _, reply = held_reply(desk12)
    cancel, _ = send_answer(desk12, NUNUKAN, reply, "Permohonan ini mohon dibatalkan saja.")
    [cancelled] = desk12.replies_to(cancel)
    send_answer(desk12, NUNUKAN, cancelled, "Iya pak, tidak jadi, permohonan 6.000 keping kami batalkan.")
    assert desk12.request("BLK-2026-0002") is None
