"""Rules for a digit and a half said before its scale word ("2 setengah rb"): the half goes with the scale, as it
does in words ("dua setengah ribu"), never the digit alone. Each test is a short mail with words of its own."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


@pytest.mark.parametrize(("body", "field", "value"), [
    ("bang, posisi skrg: sisa ktp 3 setengah rb, td rekam 140 cetak 131.", "stock_on_hand", 3500),
    ("Pak mohon dikirimi blangko KTP-el 1 stengah ribu keping, stok kami menipis.", "requested", 1500),
    ("sisa blangko tinggal 4 setengah ratus keping pak, rekam hari ini 61.", "stock_on_hand", 450),
], ids=["rb", "ribu", "ratus"])
def test_a_digit_and_a_half_before_the_scale_is_the_whole_figure(body: str, field: str, value: int) -> None:
    read = mail(TARAKAN, "update blangko", body)
    assert read[field] == value, read


def test_a_half_of_a_figure_in_digits_stays_a_half_of_it() -> None:
    """"setengah dari 4.000" is half of that figure, not a digit and a half: the ask is 2.000."""
    read = mail(MALINAU, "permohonan blangko", "Mohon dikirim setengah dari permintaan kami sebelumnya (4.000) dulu.")
    assert read["requested"] == 2000, read
