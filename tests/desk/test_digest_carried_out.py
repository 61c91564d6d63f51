"""The digest on the real SQLite desk in process over the Maildir defaults: an approval that was shipped and received
was carried out, never "[diganti keputusan sesudahnya]"; a count corrected later replaces the first count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from mailbot.desk import Desk
from mailbot.watch import build_digest
from tests.desk.conftest import WITA
from tests.desk.test_follow_ups_own_words import Desk12, Out
from tests.desk.test_receipt_words_in_thread import _answer, _dispatched

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

REPLACED = "[diganti keputusan sesudahnya]"


@pytest.fixture
def desk12(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Desk12:
    return Desk12(desk_dir, open_test_desk(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA)))


def _lines(d: Desk12) -> list[str]:
    _, text, _ = build_digest(d.desk)
    return [line for line in text.splitlines() if line.startswith("- BLK-2026-0001")]


def test_an_approval_shipped_and_received_is_not_told_as_replaced(desk12: Desk12) -> None:
    notice: Out = _dispatched(desk12)
    receipt, _ = _answer(desk12, notice, "Blangko sudah kami terima 1.900 keping pak.")
    lines = _lines(desk12)
    assert len(lines) == 2 and not any(REPLACED in line for line in lines), lines
    [told] = desk12.replies_to(receipt)
    _answer(desk12, told, "Ralat pak, setelah dihitung ulang ternyata lengkap 2.000 keping, bukan 1.900.")
    lines = _lines(desk12)
    assert [REPLACED in line for line in lines] == [False, True, False], lines
