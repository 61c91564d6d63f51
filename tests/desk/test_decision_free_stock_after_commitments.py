"""A manager's decision on a held request quotes the province's free stock it was taken on, after what was promised
to other districts while the request waited, not the free stock of the day it was held."""

from __future__ import annotations

import pytest

from mailbot.indonesian import number
from mailbot.store import stock as ledger
from tests.desk.desk12 import Desk12, approved, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_partial_approval_quotes_the_free_stock_after_what_was_promised_since(desk12: Desk12) -> None:
    mid, held = held_for_managers(desk12, asked="3.500")
    approved(desk12)  # Bulungan's 2.000, promised while Nunukan's request waits
    with desk12.desk.sessions() as session:
        province = ledger.province_balance(session, "ktp-el")
    reserve = desk12.desk.config.stock.reserve["ktp-el"]
    assert province.committed == 2000
    send_answer(desk12, MANAGERS[0], held, "SETUJU 2.500")
    assert desk12.request("BLK-2026-0001")["approved"] == 2500
    [told] = [o for o in desk12.replies_to(mid) if "DISETUJUI SEBAGIAN" in o.text]
    text = flat(told.text)
    free = province.on_hand - province.committed - reserve
    # was: "66.000 - cadangan 5.000 = 61.000", the free stock of the day it was held
    assert (f"stok provinsi yang dapat dikirim: {number(province.on_hand)} - sudah dialokasikan 2.000 - cadangan "
            f"{number(reserve)} = {number(free)}") in text, told.text
