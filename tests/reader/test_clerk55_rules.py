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
