"""A manager's SETUJU that would take the province store into its reserve is refused (the reserve is never used by
email); the refusal names the most that leaves the reserve whole as the SETUJU to write, never the bare SETUJU
that would be refused again."""

from __future__ import annotations

import pytest

from mailbot import actions
from tests.desk.desk12 import GMAIL, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _province_down_to(d: Desk12, on_hand: int) -> None:
    with d.desk.sessions.begin() as session:
        actions.adjust(session, d.desk, location="province", item="ktp-el", delta=on_hand - 66000,
                       reason="hitung ulang gudang", actor="cli:root")


@pytest.mark.parametrize("words", ["SETUJU", "SETUJU 3.500 PAKSA arahan Gubernur"])
def test_a_setuju_into_the_reserve_offers_the_most_that_leaves_it_whole(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)  # Nunukan asks 3.500, proposed whole
    _province_down_to(desk12, 7250)  # 2.250 free above the 5.000 reserve: 2.200 in whole packs of 100
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert desk12.request()["state"] == "held"
    [refusal] = desk12.out()[n:]
    text = flat(refusal.text)
    assert "Cadangan provinsi tidak dapat dipakai melalui email, juga dengan PAKSA." in text, text
    assert ("Jumlah terbesar yang dapat disetujui tanpa memakai cadangan adalah 2.200 keping, yaitu dengan "
            "membalas: SETUJU 2.200") in text, text
    lines = [line.strip() for line in refusal.text.splitlines()]
    # was: the list offered a bare "SETUJU", the proposal just refused
    assert "SETUJU" not in lines, refusal.text
    assert any(line.startswith("SETUJU 2.200 PAKSA <alasan>") for line in lines), refusal.text


def test_a_setuju_with_no_room_above_the_reserve_offers_no_setuju(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    _province_down_to(desk12, 5050)  # 50 free above the reserve: not one pack
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], held, "SETUJU", above=GMAIL)
    [refusal] = desk12.out()[n:]
    text = flat(refusal.text)
    assert "Stok provinsi di luar cadangan tidak cukup untuk satu pak pun" in text, text
    assert not [line for line in refusal.text.splitlines() if line.strip().startswith("SETUJU")], refusal.text
    assert "TOLAK <alasan>" in text
