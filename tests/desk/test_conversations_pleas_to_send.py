"""A plea to send blanks written on a phone, the stock said gone and no figure asked, on the real SQLite desk in
process, every message written fresh: a request asked back for its figure, answered in its thread; never a daily
report that sets the ledger to nothing and leaves the district without a word."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import MALINAU, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

ASKED_BACK = "Jumlah yang dimohon belum kami temukan"


@pytest.mark.parametrize("words", [
    "Pagi bu. Blangko KTP-el kami sudah nol, antrean cetak panjang. Mohon kiranya segera dikirimkan.\n\n"
    "Dikirim dari Yahoo Mail di Android",
    "Bu, blangko ktp kami habis sudah, kada ada lagi. Kirimi pang blangko lah.",
    "stok blangko ktp-el kosong pak, tolong bantuannya dikirim secepatnya",
], ids=["mohon_kiranya_segera", "kirimi_pang", "tolong_bantuannya"])
def test_a_plea_to_send_is_asked_back_for_its_figure(desk12: Desk12, words: str) -> None:
    before = desk12.on_hand("65.02")
    mid, outcome = desk12.send(MALINAU, "blangko ktp", f"{words}\n")
    # was: a daily report of 0, the ledger set to nothing, a "kritis" alert to the managers, no reply at all
    assert outcome == {"request-clarify": 1}, (outcome, desk12.queue(mid))
    [asked] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in asked.subject and ASKED_BACK in flat(asked.text), asked.text
    assert desk12.on_hand("65.02") == before
    assert not [o for o in desk12.to_managers() if "kritis" in o.subject.lower()]
