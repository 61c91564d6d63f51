"""Conversations where a district's follow-up adds to what it said before, on the real SQLite desk in process over
the Maildir defaults, every message written fresh: a further part of a split delivery adds to the count received,
a relative change sent twice is applied once, a correction of an added amount corrects the added part, "tetap
perlu" after a partial approval is an appeal, a new need in a closed thread is a new request, and a stock stated
in a reminder is the district's stated stock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from mailbot.desk import Desk
from tests.desk.conftest import WITA
from tests.desk.mailkit import MANAGERS
from tests.desk.test_follow_ups_own_words import Desk12, Out, answer_gmail, dispatched

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.fixture
def desk12(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Desk12:
    return Desk12(desk_dir, open_test_desk(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA)))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _to_managers(d: Desk12) -> list[Out]:
    return [o for o in d.out() if set(MANAGERS) <= set(o.to)]


def _on_hand(d: Desk12, district: str = "65.01") -> int:
    return int(d.db().execute("select sum(on_hand) from ledger_entries where location = ?",
                              (district,)).fetchone()[0])


def _open_gaps(d: Desk12) -> list[int]:
    return [r[0] for r in d.db().execute("select quantity from attention_items where kind = 'discrepancy' "
                                         "and closed_at is null")]


# 1. a further part of a split delivery adds to the count received ------------------------------------------

@pytest.mark.parametrize(("first", "second", "received"), [
    ("Blangko sudah kami terima 1.200 keping, sisanya menyusul.",
     "Kiriman tahap ke-2 sebanyak 600 keping juga telah kami terima hari ini.", 1800),
    ("Baru datang 1.000 keping pak, sisanya masih di ekspedisi.",
     "Pengiriman susulan 700 keping sudah sampai tadi pagi pak.", 1700),
    ("Kami terima dulu 1.500 keping, sisanya menyusul katanya.",
     "Pak, 300 keping lagi juga sudah kami terima barusan.", 1800),
], ids=["tahap-ke-2", "susulan", "lagi-juga"])
def test_a_further_part_adds_to_the_count_received_and_the_managers_hear_the_difference_left(
        desk12: Desk12, first: str, second: str, received: int) -> None:
    notice = dispatched(desk12)  # 2.000 to Bulungan
    before = _on_hand(desk12)
    first_mid, _ = answer_gmail(desk12, notice, first)
    [receipt] = desk12.replies_to(first_mid)
    told_before = len(_to_managers(desk12))
    mid, outcome = answer_gmail(desk12, receipt, second)
    assert outcome == {"receipt-corrected": 1}
    assert _on_hand(desk12) - before == received  # was: the second part's figure alone, the first one lost
    assert _open_gaps(desk12) == [2000 - received]
    [told] = desk12.replies_to(mid)
    text = _flat(told.text)
    figure = f"{received:,}".replace(",", ".")
    assert f"seluruh penerimaan kini tercatat {figure} keping" in text and "telah kami ubah dari" not in text
    managers = _to_managers(desk12)[told_before:]
    assert len(managers) == 1  # was: none, the difference still said to be "menyusul"
    assert f"kurang {2000 - received:,}".replace(",", ".") in managers[0].subject
    assert "kiriman berikutnya telah diterima" in _flat(managers[0].text)
