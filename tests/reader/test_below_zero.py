"""A figure written below zero is no count of blanks: the reader leaves it unread with a doubt (the writer is
asked), never reads its digits without the sign; a dash that is a bullet, a range or arithmetic is no sign."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS

DESK = "blangko@disdukcapil.kaltaraprov.example"


def _mail(body: str, subject: str = "Laporan stok blangko KTP-el") -> bytes:
    return (f"From: disdukcapil@bulungankab.example\nTo: {DESK}\nSubject: {subject}\n"
            "Date: Wed, 02 Dec 2026 10:00:00 +0800\nMessage-ID: <z@bulungankab.example>\n"
            f"Content-Type: text/plain; charset=utf-8\n\n{body}\n").encode()


@pytest.mark.parametrize("body", [
    "Koreksi: sisa stok kami -50 keping (minus, karena ada pinjaman ke kecamatan), bukan 750.",
    "Sisa stok blangko KTP-el kami saat ini -50 keping.",
    "Sisa stok blangko KTP-el kami minus 50 keping karena dipinjam kecamatan.",
    "Sisa stok blangko KTP-el kami 50 keping (minus, karena ada pinjaman ke kecamatan).",
    "Sisa stok blangko KTP-el kami \u22121.200 keping.",
])
def test_a_stock_written_below_zero_is_left_unread_with_a_doubt(body: str) -> None:
    v = read_message(_mail(body), DISTRICTS, own_addresses=[DESK])
    assert v.stock_on_hand is None, v.evidence
    assert [(d.field, d.reason) for d in v.doubts] == [("stock_on_hand", "negative")]


def test_a_request_beside_a_stock_below_zero_keeps_its_ask() -> None:
    v = read_message(_mail("Sisa stok blangko KTP-el kami -50 keping. Mohon tambahan blangko KTP-el sebanyak 2.000 "
                           "keping.", subject="Permohonan blangko"), DISTRICTS, own_addresses=[DESK])
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 2000, None)
    assert ("stock_on_hand", "negative") in [(d.field, d.reason) for d in v.doubts]


@pytest.mark.parametrize(("body", "stock"), [
    ("Laporan stok:\n- sisa stok 50 keping", 50),  # a bullet
    ("Sisa stok per 1-5 Desember: 450 keping", 450),  # a range
    ("Stok awal 2.000 - terpakai 1.550 = sisa stok 450 keping", 450),  # arithmetic
])
def test_a_dash_that_is_no_sign_changes_nothing(body: str, stock: int) -> None:
    assert read_message(_mail(body), DISTRICTS, own_addresses=[DESK]).stock_on_hand == stock
