"""Corrections a district writes in a follow-up: the new figure is read, never the old one it takes back."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS


def reply(body: str) -> bytes:
    return (f"From: disdukcapil@malinaukab.example\nTo: blangko@x.example\n"
            f"Subject: Re: [BLK-2026-0001] Permohonan blangko KTP-el\nIn-Reply-To: <a@desk.example>\n\n{body}").encode()


@pytest.mark.parametrize(("text", "field", "value"), [
    ("Ralat: sisa stok blangko KTP-el kami yang benar 1.200 keping (kemarin salah ketik 800).", "stock_on_hand", 1200),
    ("Sisa stok kami 450 keping (salah ketik 540).", "stock_on_hand", 450),
    ("sisa blangko 1.430 -> maaf salah ketik, yg benar 1.340", "stock_on_hand", 1340),
    ("Sisa stok 820 keping, typo, seharusnya 280 keping.", "stock_on_hand", 280),
    ("Sisa stok kami 450 keping, sebelumnya salah tulis 540.", "stock_on_hand", 450),
    ("Kami koreksi, jumlah yang kami mohonkan cukup 1.000 (seribu) keping saja, bukan 1.500.", "requested", 1000),
    ("Jumlah yang dimohonkan 2.000 keping.", "requested", 2000),
    ("Mohon permintaan dinaikkan jadi 1.200 lembar.", "requested", 1200),
    ("Permintaan kami diturunkan menjadi 900 keping.", "requested", 900),
    ("Mohon jumlahnya dikurangi jadi 800 keping saja.", "requested", 800),
    ("Mohon ditambah jadi 3.000 keping.", "requested", 3000),
    ("Sisa stok kami bukan 300 tetapi 150 keping.", "stock_on_hand", 150),
    ("Yang benar permintaan kami 2.000 keping, bukan 3.000.", "requested", 2000),
    ("Permohonan kami ubah menjadi 2.500 keping.", "requested", 2500),
    ("Sisa stok 700, bukan 1.700 seperti yang kami tulis.", "stock_on_hand", 700),
    ("Mohon maaf salah ketik, permintaan kami 2.000 keping.", "requested", 2000),
    ("Ralat, salah ketik. Stok kami yang benar 450 keping.", "stock_on_hand", 450),
])
def test_the_new_figure_wins_over_the_old_one(text: str, field: str, value: int) -> None:
    verdict = read_message(reply(text), DISTRICTS)
    assert verdict.quantity(field) == value, (text, verdict.kind, verdict.requested, verdict.stock_on_hand)
    assert not [d for d in verdict.doubts if d.field == field]
