"""A district asking after a dispatched shipment, on the real SQLite desk in process over the Maildir defaults:
whatever the wording ("belum sampai", "apakah sudah dikirim?", "posisi kiriman"), it is told when the blanks left
and how many; the managers are told when the shipment is overdue (out longer than [alerts] attention_hours)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.desk.conftest import WITA
from tests.desk.desk12 import Desk12, answer_gmail, dispatched
from tests.desk.mailkit import MANAGERS, SetClock

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

DISPATCHED_AT = datetime(2026, 12, 5, 10, 0, tzinfo=WITA)
WORDINGS = [
    "Blangko belum sampai pak.",
    "Apakah blangkonya sudah dikirim pak?",
    "Mohon info posisi kiriman blangko kami.",
    "Pak, kiriman blangko kami belum datang juga sampai sekarang.",
    "Selamat siang, blangko belum datang sampai hari ini pak. Mohon info.",
    "When will the blanks be sent? We have an event next week.",
]


@pytest.fixture
def clock() -> SetClock:
    return SetClock(DISPATCHED_AT)


def _to_managers(d: Desk12) -> list[str]:
    return [o.subject for o in d.out() if sorted(o.to) == sorted(MANAGERS)]


@pytest.mark.parametrize("words", WORDINGS)
def test_a_shipment_overdue_is_told_with_its_date_and_figure_and_reaches_the_managers(
        desk12: Desk12, clock: SetClock, words: str) -> None:
    notice = dispatched(desk12)  # 2.000 to Bulungan, dispatched on 5 December
    clock.now = DISPATCHED_AT + timedelta(days=3)
    before = _to_managers(desk12)
    mid, outcome = answer_gmail(desk12, notice, words)
    assert outcome == {"reminder": 1}  # was: a question or "not a request" with the generic acknowledgement
    [told] = desk12.replies_to(mid)
    text = " ".join(told.text.split())
    assert "[BLK-2026-0001]" in told.subject
    assert "telah kami kirim pada 5 Desember 2026" in text and "2.000 keping" in text
    assert "akan dibaca" not in text
    [escalated] = [s for s in _to_managers(desk12) if s not in before]
    assert "BLK-2026-0001" in escalated
    assert desk12.request()["state"] == "dispatched"


def test_a_shipment_asked_after_the_same_day_is_told_but_the_managers_are_not_troubled(
        desk12: Desk12, clock: SetClock) -> None:
    notice = dispatched(desk12)
    clock.now = DISPATCHED_AT + timedelta(hours=3)
    before = _to_managers(desk12)
    mid, _ = answer_gmail(desk12, notice, "Blangko belum sampai pak.")
    [told] = desk12.replies_to(mid)
    text = " ".join(told.text.split())
    assert "telah kami kirim pada 5 Desember 2026" in text and "2.000 keping" in text
    assert _to_managers(desk12) == before


def test_a_change_after_dispatch_tells_the_district_the_blanks_left_and_the_managers_at_once(
        desk12: Desk12, clock: SetClock) -> None:
    notice = dispatched(desk12)
    mid, _ = answer_gmail(desk12, notice, "Koreksi pak, sebenarnya cukup 1.000 keping saja bukan 2.000.")
    row = desk12.request()
    assert (row["state"], row["requested"]) == ("dispatched", 2000)
    [told] = desk12.replies_to(mid)
    text = " ".join(told.text.split())
    # was: the generic "a person will read it"
    assert "sudah kami kirimkan pada 5 Desember 2026 sebanyak 2.000 keping" in text and "1.000 keping" in text
    [managers] = [o for o in desk12.out() if o.purpose.startswith("changed-after-dispatch:")]
    assert set(MANAGERS) <= set(managers.to) and "1.000 keping" in " ".join(managers.text.split())


def test_a_stock_corrected_after_dispatch_is_the_stated_stock_and_the_managers_hear_no_return_of_blanks(
        desk12: Desk12, clock: SetClock) -> None:
    """"sisa stok kami waktu itu sebenarnya 450, bukan 750" after dispatch raised the alert
    suggesting a return of blanks or another shipment, and the stated stock stayed 750."""
    from mailbot import stated

    notice = dispatched(desk12)
    answer_gmail(desk12, notice, "Mohon maaf pak, sisa stok kami waktu itu sebenarnya 450 keping, bukan 750.")
    with desk12.desk.sessions() as session:
        assert stated.latest(session)[("65.01", "ktp-el")].quantity == 450
    [managers] = [o for o in desk12.out() if o.purpose.startswith("changed-after-dispatch:")]
    text = " ".join(managers.text.split())
    assert "hanya mengenai sisa stok" in text and "pengembalian kelebihan" not in text, text
