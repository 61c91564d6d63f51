"""Conversations that must hold, on the real SQLite desk in process over the Maildir defaults, every message
written fresh: a revision in a new mail naming its request by reference in the text revises that request in
place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from mailbot.desk import Desk
from tests.desk.conftest import WITA
from tests.desk.test_follow_ups_own_words import BULUNGAN, REQUEST, Desk12, Out, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.fixture
def desk12(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Desk12:
    return Desk12(desk_dir, open_test_desk(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA)))


def _asked(d: Desk12, stock: str, asked: str, sender: str = BULUNGAN) -> Out:
    mid, _ = d.send(sender, "Permohonan tambahan blangko KTP-el", REQUEST.format(stock=stock, asked=asked,
                                                                                name="Bulungan"),
                    date="Tue, 01 Dec 2026 08:00:00 +0800")
    [reply] = d.replies_to(mid)
    return reply


# H1. a revision in a new mail naming its request by reference in the text revises it in place -------------------

@pytest.mark.parametrize(("subject", "words", "requested", "stock"), [
    ("Perubahan jumlah permohonan blangko",
     "Menindaklanjuti permohonan kami dengan nomor rujukan BLK-2026-0001, jumlahnya kami ubah menjadi 1.400 keping "
     "karena ada tambahan kegiatan perekaman di Kecamatan Tanjung Palas.", 1400, 750),
    ("Permohonan blangko", "Sehubungan dengan permohonan kami nomor BLK-2026-0001, mohon jumlahnya dinaikkan "
                           "menjadi 2.400 keping.", 2400, 750),
    ("Revisi permohonan", "Untuk permohonan kami [BLK-2026-0001], jumlahnya kami revisi menjadi 1.300 keping.",
     1300, 750),
    ("Revised request", "Please revise our request BLK-2026-0001: we need 1,600 blanks instead of 2,000.", 1600, 750),
    ("Koreksi stok", "Terkait permohonan BLK-2026-0001, stok kami sebenarnya 300 keping.", 2000, 300),
], ids=["menindaklanjuti-rujukan", "sehubungan-nomor", "bracket", "english", "stok"])
def test_a_revision_naming_its_request_in_the_text_revises_it_in_place(
        desk12: Desk12, subject: str, words: str, requested: int, stock: int) -> None:
    _asked(desk12, "750", "2.000")
    assert desk12.request()["approved"] == 2000
    mid, _ = desk12.send(BULUNGAN, subject, f"Selamat siang,\n\n{words}\n\nTerima kasih\nDisdukcapil Bulungan")
    # was: a second reference BLK-2026-0002 "linked", and 2.000 still approved on BLK-2026-0001
    assert desk12.request("BLK-2026-0002") is None
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"]) == (requested, stock)
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject
    text = flat(told.text)
    assert "menjadi" in text and "Perhitungan kami" in text and "permohonan tersendiri" not in text
