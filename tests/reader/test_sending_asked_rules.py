"""Rules for blanks asked to be sent with no word of asking before the verb ("kirimin lg dong", "kirimkan lagi"):
a request, never a daily report of the stock the mail states; each test is a short mail with other words."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


@pytest.mark.parametrize("body", [
    "pak stok blangko kita udah abis, kirimin lg dong secepatnya",
    "Bu, blangko KTP-el kami habis. Kirimkan lagi ya bu, terima kasih.",
    "blangko ktp el sdh kosong pak, dikirimkan lg donk",
], ids=["kirimin_lg_dong", "kirimkan_lagi", "dikirimkan_lg_donk"])
def test_a_send_form_told_with_lagi_or_dong_is_a_request(body: str) -> None:
    read = mail(TARAKAN, "blangko", body)
    assert read["kind"] == "request" and read["requested"] is None, read


def test_the_districts_own_sending_again_is_no_request() -> None:
    read = mail(TARAKAN, "Laporan harian", "Laporan harian kami kirim lagi pak: rekam 120, cetak 110, sisa 2.300.")
    assert read["kind"] != "request", read
