"""Blanks asked to be sent ("kirimin lg dong") with no figure and no word of asking before, on the real SQLite desk
in process, every message written fresh: a request asked back for its figure, never a daily report of 0 that the
district is not answered on."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

ASKED_BACK = "Jumlah yang dimohon belum kami temukan"


@pytest.mark.parametrize("words", [
    "pak blangko ktp kami hbs nih, kirimin lg dong. mksh\n\nDikirim dari Samsung Galaxy",
    "Bu, blangko KTP-el kami sudah habis, kirimkan lagi ya bu.",
    "pak stok ktp el kosong nih, dikirimin lg dong secepatnya",
], ids=["phone_kirimin_lg_dong", "kirimkan_lagi", "dikirimin_lg_dong"])
def test_sending_asked_without_a_figure_is_asked_back(desk12: Desk12, words: str) -> None:
    mid, outcome = desk12.send(NUNUKAN, "ktp", f"{words}\n")
    # was: a daily report of stock 0, the managers alerted with a proposal, the district answered nothing
    assert outcome == {"request-clarify": 1}, (outcome, desk12.queue(mid))
    [asked] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in asked.subject and ASKED_BACK in flat(asked.text), asked.text
    assert desk12.request()["state"] == "clarifying"
