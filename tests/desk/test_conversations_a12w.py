"""Conversations that went wrong in an outside test, on the real SQLite desk in process over the Maildir defaults,
every message written fresh: an English receipt of a part with the rest still coming is a part, as in Indonesian;
the missing part of a shipment found later closes the shortfall; a district lowering its ask below what a manager
approved lowers the approval, and never sends more than asked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from mailbot.desk import Desk
from tests.desk.conftest import WITA
from tests.desk.test_follow_ups_own_words import Desk12, answer_gmail, dispatched, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.fixture
def desk12(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Desk12:
    return Desk12(desk_dir, open_test_desk(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA)))


# N-H3. an English receipt of a part, the rest said to be coming ---------------------------------------------------

@pytest.mark.parametrize("words", [
    "We have received 800 blanks so far, the rest (1,200) is still on the ship.",
    "Dear Sir, 800 blanks arrived today. The remaining 1,200 will arrive next week.",
    "We received 800 blanks; the other 1,200 are still on the way.",
    "Received 800 pcs, 1,200 more to follow.",
    "Only 800 blanks have arrived so far.",
    # the Indonesian the English must read like, a thousands dot in the rest's figure
    "Blangko baru kami terima 800 keping, sisanya 1.200 keping belum sampai.",
], ids=["so_far_on_the_ship", "will_arrive", "on_the_way", "more_to_follow", "so_far", "belum_sampai"])
def test_an_english_receipt_of_a_part_with_the_rest_coming_is_a_part(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)  # 2.000 dispatched to Bulungan
    told_before = len(desk12.to_managers())
    mid, outcome = answer_gmail(desk12, notice, words)
    assert outcome == {"receipt": 1}
    assert desk12.open_gaps() == [1200]  # listed until the rest arrives
    [reply] = desk12.replies_to(mid)
    text = flat(reply.text)
    # was: "Selisih tersebut telah kami sampaikan kepada pimpinan untuk diperiksa", and to the managers
    # "[BLK-2026-0001] Selisih penerimaan ...: kurang 1.200 keping ... Mohon selisih ini diperiksa"
    assert "sisanya, 1.200 keping, masih menyusul" in text, reply.text
    assert "untuk diperiksa" not in text
    for mail in desk12.to_managers()[told_before:]:
        assert "Mohon selisih ini diperiksa" not in flat(mail.text), mail.text
    # the rest arriving closes it, and the managers hear of that once
    rest, _ = answer_gmail(desk12, reply, "The remaining 1,200 blanks arrived this morning, so all 2,000 are "
                                          "complete. Thank you.")
    assert desk12.open_gaps() == []
    assert [m for m in desk12.to_managers()[told_before:] if m.purpose.startswith("discrepancy-closed:")]
