"""Rules for conversations: "mohon dikirimi", "tolong kirimi" ask for blanks as
"mohon dikirim" does, a figure given or not; each test is a short mail with other words and figures."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

TANA_TIDUNG = "Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>"


@pytest.mark.parametrize("body", [
    "Pagi pak, sisa blangko KTP-el kami 350 keping, mohon dikirimi blangko KTP-el ya.",
    "Stok KTP-el tinggal 1.250 lembar pak, tolong kirimi lagi untuk perekaman di sekolah.",
    "Blangko KIA kami tinggal 80 keping. Mhn dikirimi pak.",
    "Selamat siang, kami minta dikirimi blangko KTP-el lagi pak, persediaan di gudang tinggal 1.320 lembar.",
], ids=["mohon_dikirimi", "tolong_kirimi", "mhn_dikirimi", "minta_dikirimi"])
def test_a_send_ask_with_the_i_suffix_is_a_request_without_a_figure(body: str) -> None:
    read = mail(TANA_TIDUNG, "blangko", body)
    # was: a daily report of the stock, the ask itself read by nobody
    assert read["kind"] == "request" and read["requested"] is None
    assert any(d["field"] == "requested" and d["reason"] == "missing" for d in read["doubts"])


def test_a_send_ask_with_the_i_suffix_keeps_its_figure() -> None:
    read = mail(TANA_TIDUNG, "blangko", "Sisa stok kami 400 keping, mohon dikirimi 1.500 keping blangko KTP-el.")
    assert (read["kind"], read["requested"], read["stock_on_hand"]) == ("request", 1500, 400)


@pytest.mark.parametrize("verb", ["dikirimkan", "dikirimi"])
def test_a_count_in_a_supplys_unit_asks_for_the_supply_not_for_blanks(verb: str) -> None:
    read = mail(TANA_TIDUNG, "printer", f"Pak, pita printer kami habis, mohon {verb} 3 gulung. Blangko KIA masih "
                                        "cukup.")
    assert read["kind"] != "request" and read["requested"] is None


@pytest.mark.parametrize("body", [
    "Pak, blangko nang datang cuma 900 lembar haja, kurang 300. Tolong dicek lah.",
    "Blangko yang datang hanya 1.150 keping pak, kurang 50 dari surat jalan.",
], ids=["banjar_nang_datang", "yang_datang"])
def test_what_came_said_with_datang_is_a_receipt_of_it(body: str) -> None:
    read = mail(TANA_TIDUNG, "Re: [BLK-2026-0004] Pengiriman blangko KTP-el", body)
    # was: not a receipt ("datang" after "nang"/"yang" named no arrival), the count booked by nobody
    assert read["kind"] == "receipt" and read["requested"] is None
    assert read["received"] in (900, 1150)


def test_words_typed_on_a_quoted_line_after_an_arrow_are_the_writers() -> None:
    read = mail(TANA_TIDUNG, "Re: [BLK-2026-0004] Permohonan blangko KTP-el",
                "Cek di bawah pak.\n\n> - Sisa stok: 900 keping <-- salah, sisa stok kami 450 keping\n"
                "> - Jumlah yang dimohon: 1.000 keping\n")
    # was: only "Cek di bawah pak." read, the 450 lost with the quote
    assert read["stock_on_hand"] == 450 and read["requested"] is None


def test_a_quoted_line_with_no_arrow_stays_quoted() -> None:
    read = mail(TANA_TIDUNG, "Re: [BLK-2026-0004] Permohonan blangko KTP-el",
                "Baik pak, terima kasih.\n\n> - Sisa stok: 900 keping\n> - Jumlah yang dimohon: 1.000 keping\n")
    assert read["stock_on_hand"] is None and read["requested"] is None
