"""Rules for a writer who takes a figure back in the same mail and gives another ("2.000 keping, eh bukan, 3.000
keping", a figure struck through, "3.000 keping (koreksi)"), and for an amount asked as "enough" or "the least"
after the writer's stock ("cukup 600 keping saja", "minimal 600 keping"). Each test is a short mail with its own
words."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail

NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"
BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


def html_and_plain(sender: str, subject: str, plain: str, html: str) -> dict[str, object]:
    """A mail with a plain-text part and its HTML twin, as most mail programs send it."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, OWN_ADDRESSES[0], subject
    msg.set_content(plain)
    msg.add_alternative(html, subtype="html")
    return read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


def figures(read: dict[str, object]) -> tuple[object, ...]:
    return read["kind"], read["requested"], read["stock_on_hand"], read["received"]


# --- A figure taken back in the same breath ----------------------------------------------------------------------


def test_eh_bukan_between_two_asked_figures_asks_the_second() -> None:
    read = mail(NUNUKAN, "Blangko KTP-el",
                "Selamat siang Pak, kami ajukan permintaan blangko KTP-el sebanyak 1.500 keping, eh bukan, "
                "2.500 keping. Sisa stok kami 410.\n\nSalam, Rina")
    # was 1.500: "bukan" read as denying the figure after it
    assert figures(read) == ("request", 2500, 410, None)


def test_sori_typo_between_two_asked_figures_asks_the_second() -> None:
    read = mail(MALINAU, "Permintaan blangko",
                "Mohon dikirimkan blangko KTP-el 1.200 keping, sori typo, 1.800 keping. Stok tinggal 95.")
    # was 1.200: "typo" read as naming the figure after it as the slip
    assert figures(read) == ("request", 1800, 95, None)


def test_other_openers_of_a_take_back_ask_the_second_figure() -> None:
    for opener in ("eh salah", "maaf typo", "maaf salah tulis", "eh maksud saya", "ralat", "eh dudu", "eh silap",
                   "mohon maaf salah ketik, maksudnya"):
        read = mail(TARAKAN, "Permintaan blangko",
                    f"Kami mohon blangko KTP-el 900 keping, {opener}, 1.100 keping. Sisa stok 140 keping.")
        assert figures(read) == ("request", 1100, 140, None), opener


def test_an_english_take_back_asks_the_second_figure() -> None:
    for opener in ("sorry", "sorry typo, I mean"):
        read = mail(BULUNGAN, "Blank request",
                    f"Dear Sir, please send us 1,200 KTP-el blanks, {opener}, 1,600 blanks. Our stock is 210.")
        # was 1,200
        assert figures(read) == ("request", 1600, 210, None), opener


def test_a_stock_taken_back_is_the_second_figure() -> None:
    read = mail(NUNUKAN, "Stok",
                "Mohon kirim blangko KTP-el 2.000 keping. Sisa stok kami 340, eh bukan, 304 keping.")
    # was stock 340, the figure taken back
    assert figures(read) == ("request", 2000, 304, None)


def test_a_receipt_taken_back_is_the_second_figure() -> None:
    read = mail(MALINAU, "Penerimaan blangko",
                "Kiriman blangko KTP-el sudah kami terima 1.500 keping, maaf salah ketik, 1.450 keping. "
                "Terima kasih.")
    # was received 1.500
    assert read["received"] == 1450


def test_bukan_alone_after_an_asked_figure_denies_the_next_one() -> None:
    read = mail(TARAKAN, "Permintaan",
                "Kami mohon blangko KTP-el 1.000 keping, bukan 1.500 keping seperti bulan lalu. Stok 220.")
    assert figures(read) == ("request", 1000, 220, None)


def test_a_slip_word_right_before_a_figure_names_that_figure_the_slip() -> None:
    read = mail(BULUNGAN, "Permintaan",
                "Sisa stok 310 keping. Mohon dikirim 1.000 keping, salah ketik 100 keping di laporan kemarin.")
    assert figures(read) == ("request", 1000, 310, None)


def test_tadinya_then_tapi_sekarang_asks_the_later_figure() -> None:
    read = mail(NUNUKAN, "Permintaan",
                "Kami mohon blangko KTP-el tadinya 1.000 keping tapi sekarang 1.400 keping. Stok tinggal 60.")
    # was no figure: two asks against each other
    assert figures(read) == ("request", 1400, 60, None)


def test_a_take_back_of_figures_read_together_is_left_to_a_clerk() -> None:
    read = mail(TARAKAN, "Laporan harian",
                "Laporan hari ini. Rekam/cetak: 140/122, eh bukan, 140/126. Sisa blangko 800 keping.")
    assert read["printed"] != 122
    assert read["stock_on_hand"] == 800


# --- A figure marked as the correction ---------------------------------------------------------------------------


def test_a_figure_marked_koreksi_right_after_another_replaces_it() -> None:
    read = mail(MALINAU, "Permintaan blangko",
                "Mohon dikirim blangko KTP-el 700 keping 900 keping (koreksi). Sisa stok 75.")
    # was 700, the figure the writer corrected
    assert figures(read) == ("request", 900, 75, None)


def test_a_stock_marked_koreksi_replaces_the_stock_before_it() -> None:
    read = mail(NUNUKAN, "Permintaan blangko",
                "Mohon dikirim blangko KTP-el 1.300 keping. Sisa stok 180, 160 (koreksi).")
    # was stock 180
    assert figures(read) == ("request", 1300, 160, None)


def test_a_line_marked_koreksi_replaces_the_line_of_its_role_above() -> None:
    read = mail(BULUNGAN, "Permohonan blangko",
                "Permintaan: 1.100 keping\nPermintaan: 1.400 keping (koreksi)\nSisa stok: 230 keping")
    # was no figure: two asks against each other
    assert figures(read) == ("request", 1400, 230, None)


# --- A figure struck through in HTML ----------------------------------------------------------------------------


def test_a_struck_figure_in_html_is_taken_back() -> None:
    read = html_and_plain(TARAKAN, "Permintaan blangko",
                          "Mohon dikirim blangko KTP-el 1.000 1.300 keping. Sisa stok 90.",
                          "<p>Mohon dikirim blangko KTP-el <s>1.000</s> 1.300 keping. Sisa stok 90.</p>")
    # was no figure (the plain twin keeps both)
    assert figures(read) == ("request", 1300, 90, None)


def test_every_way_of_striking_a_figure_through_takes_it_back() -> None:
    for struck in ("<del>410</del>", "<strike>410</strike>", '<span style="text-decoration: line-through">410</span>',
                   '<span style="color:red;text-decoration:line-through"><b>410</b></span>'):
        read = html_and_plain(NUNUKAN, "Permintaan blangko",
                              "Mohon blangko KTP-el 1.500 keping. Sisa stok 410 380.",
                              f"<div>Mohon blangko KTP-el 1.500 keping. Sisa stok {struck} 380.</div>")
        assert figures(read) == ("request", 1500, 380, None), struck


# --- An amount asked as enough or as the least, after the writer's stock ---------------------------------------


def test_cukup_saja_after_a_denied_need_is_the_amount_asked() -> None:
    read = mail(MALINAU, "Blangko",
                "Pak, stok blangko KTP-el kami tinggal 150. Tidak perlu banyak, cukup 500 keping saja.")
    # was a stock report with no request: "tidak perlu" read as denying the figure
    assert figures(read) == ("request", 500, 150, None)


def test_saja_cukup_after_the_stock_is_the_amount_asked() -> None:
    read = mail(TARAKAN, "Blangko",
                "Stok blangko KTP-el kami tinggal 120 keping. 800 keping saja cukup pak.")
    assert figures(read) == ("request", 800, 120, None)


def test_the_least_needed_after_the_stock_is_the_amount_asked() -> None:
    for least in ("Minimal", "Paling tidak", "Setidaknya"):
        read = mail(BULUNGAN, "Blangko", f"Sisa blangko KTP-el 90 keping. {least} 700 keping ya pak.")
        assert figures(read) == ("request", 700, 90, None), least


def test_the_least_asked_with_a_most_beside_it_is_left_to_a_clerk() -> None:
    read = mail(NUNUKAN, "Blangko",
                "Stok KTP-el tinggal 200. Kami mohon minimal 900 keping, maksimal 1.200 keping.")
    assert read["requested"] is None


def test_a_figure_with_saja_said_of_something_else_is_no_ask() -> None:
    read = mail(MALINAU, "Blangko",
                "Stok kami tinggal 300 keping, mohon dikirim 1.000 keping. Kemarin terpakai 45 keping saja.")
    assert figures(read) == ("request", 1000, 300, None)


def test_a_stock_and_an_amount_after_a_sentence_dot_are_two_figures() -> None:
    read = mail(TARAKAN, "Blangko", "Stok blangko KTP-el kami tinggal 240. 600 keping saja cukup.")
    # was stock 240.600: the dot ending the sentence read as a thousands dot
    assert figures(read) == ("request", 600, 240, None)
