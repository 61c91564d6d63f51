"""Rules for corrections said in one breath: a recount after a take-back gives the right figure ("2.500 ->
sorry, after checking gudang: 2.430"), and a figure denied right after the right one ("stok 1.204 bkn 1.024")
answers nothing; each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


def test_a_recount_after_an_english_take_back_gives_the_stock() -> None:
    read = mail(NUNUKAN, "Daily report Nunukan 05/09",
                "Dear team,\nPrinted: 61\nRemaining blanks: 1.915 -> sorry, after checking gudang: 1.870 pcs\n"
                "Regards,\nAndi")
    assert read["stock_on_hand"] == 1870


def test_a_recount_after_an_indonesian_take_back_gives_the_stock() -> None:
    read = mail(NUNUKAN, "Laporan harian 06/09",
                "Yth. Bu,\nCetak hari ini 57.\nSisa blangko 1.640, ralat, setelah dicek ulang: 1.604 keping.\nSalam")
    assert read["stock_on_hand"] == 1604


def test_a_figure_denied_after_the_stock_in_a_reply_about_arrival_is_no_receipt() -> None:
    read = mail(MALINAU, "Re: kiriman sdh diterima",
                "pak, tadi keliru. sisa blanko skrg 1.204 bkn 1.024. mohon maaf\n\nyohanes\n\n"
                "Pada Sel, 7 Sep 2027 pukul 09.10 yohanes <disdukcapil@malinaukab.example> menulis:\n\n"
                "> kiriman 800 sdh diterima td pagi lewat kargo. sisa skrg jd 1.024\n")
    assert read["received"] is None
    assert read["stock_on_hand"] == 1204


TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"
BULUNGAN = "Operator Bulungan <operator.bulungan@bulungankab.example>"
NUNUKAN_ADMIN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"


def test_the_stock_named_after_a_shortfall_ask_is_taken_from_the_need() -> None:
    read = mail(NUNUKAN_ADMIN, "kebutuhan blangko KIA",
                "Assalamualaikum,\nKebutuhan blangko KIA untuk posyandu di Lumbis sebanyak 520 keping. Mohon "
                "dikirim kekurangannya saja, dikurangi stok KIA kami yang masih 130 keping.\nWassalam")
    assert read["requested"] == 390 and read["stock_on_hand"] == 130


def test_the_rest_still_to_be_collected_is_no_stock() -> None:
    read = mail(TARAKAN, "Gudang provinsi buka Senin?",
                "Hi Bu,\nSenin gudang provinsi buka kan? Kami mau ambil sisa KTP-el yg 450 kalau sudah siap.\nThanks")
    assert read["stock_on_hand"] is None and read["received"] is None


def test_an_earlier_ask_said_to_be_included_in_another_figure_is_no_ask() -> None:
    read = mail(TARAKAN, "Re: blangko",
                "bu, yg 1.800 dr pak kabid itu sdh termasuk yg sy minta 1.200 ya, jd totalnya 1.800 saja. mksh")
    assert read["requested"] != 1200


def test_the_count_received_physically_is_the_receipt_and_its_shortfall_no_ask() -> None:
    read = mail(BULUNGAN, "Tanda Terima Blangko KTP-el",
                "Dengan hormat,\nKiriman blangko telah kami terima.\n- Surat jalan : 1.500 keping\n"
                "- Diterima fisik : 1.400 keping\nMohon dicek kembali kekurangan 100 keping tersebut.\nHormat kami")
    assert read["kind"] == "receipt" and read["received"] == 1400
    assert read["requested"] is None and read["stock_on_hand"] is None


def test_an_empty_post_named_by_its_place_is_not_the_district_stock() -> None:
    read = mail(NUNUKAN, "Info blangko Krayan",
                "Dear Bu,\nBlangko di pos Long Bawan habis, tapi di kantor kabupaten masih ada 1.450. Kami geser "
                "internal, FYI saja.\nRegards")
    assert read["stock_on_hand"] != 0
