"""Rules from an independent set of district mail (a nationwide SIAK outage and its catch-up: quick phone
messages in shorthand from honorary staff, figures offered with an alternative): each test is a short mail in
the style of a miss, with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


# --- A figure offered with an alternative is two values: null and a doubt, never the first -----------------


def test_a_request_of_one_figure_ato_another_is_asked_back() -> None:
    got = mail(MALINAU, "blgko", "pgi bu\nmhn blgko ktp 800 ato 1200 utk bln dpn terserah ibu aj\ntks")
    assert (got["kind"], got["requested"]) == ("request", None)
    assert any(d["field"] == "requested" for d in got["doubts"])  # type: ignore[union-attr]


def test_a_stock_of_one_figure_atw_another_is_asked_back() -> None:
    got = mail(NUNUKAN, "lap", "lap hr ini prkmn 41 ctk 38 sisa 620 atw 260 sy lupa nnti sy cek")
    assert (got["printed"], got["recorded"], got["stock_on_hand"]) == (38, 41, None)
    assert any(d["field"] == "stock_on_hand" for d in got["doubts"])  # type: ignore[union-attr]


def test_an_english_request_of_one_figure_or_another_is_asked_back() -> None:
    got = mail(TARAKAN, "Blank request", "Dear team, please send 1,600 or maybe 2,000 e-KTP blanks, "
               "whichever you can spare. Thanks.")
    assert (got["kind"], got["requested"]) == ("request", None)


# --- "stk" is the shorthand of "stok" in quick messages -------------------------------------------------------


def test_stk_in_a_shorthand_daily_report_is_the_stock() -> None:
    got = mail(MALINAU, "lap mln", "sore bu\nlap mln hr ini prkmn 27 ctk 31 stk 905\ntks")
    assert (got["kind"], got["printed"], got["recorded"], got["stock_on_hand"]) == ("stock_report", 31, 27, 905)


def test_stk_on_its_own_line_of_a_shorthand_report() -> None:
    got = mail(NUNUKAN, "lap dukcapil", "lap hr ini\nprkmn 88 ctk 92\nstk 1863\nsy kirim dr hp")
    assert (got["stock_on_hand"], got["printed"]) == (1863, 92)


# --- "blgn" names Bulungan in the signature of a mail from a personal address -----------------------------------


def test_blgn_in_a_personal_senders_signature_names_bulungan() -> None:
    got = mail("andi <andi.honor99@gmail.com>", "lap", "sore pk\nlap hr ini prkmn 12 ctk 9 sisa 730\n\nandi\n"
               "honorer dukcapil blgn")
    assert (got["kind"], got["district"], got["stock_on_hand"]) == ("stock_report", "65.01", 730)


# --- A part put off to a later ask is no second value of the answer --------------------------------------------


def test_a_lowered_reply_with_the_rest_asked_later_keeps_the_figure_now() -> None:
    body = ("Pak cukup 450 aja dulu, yg 350 nanti bulan depan. Makasih\n\n"
            "Pada 2 Jul 2031, Meja Blangko <blangko@disdukcapil.kaltaraprov.example> menulis:\n\n"
            "> Yth. Operator Disdukcapil Kabupaten Malinau,\n>\n"
            "> Permintaan blangko KTP-el sebanyak 800 keping telah kami terima.\n>\n> Salam,\n> Meja Blangko\n")
    got = mail(MALINAU, "Re: Blangko", body)
    assert (got["kind"], got["requested"]) == ("request", 450)
