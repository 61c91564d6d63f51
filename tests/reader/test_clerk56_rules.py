"""Rules for highland mail: a week's lines added up when the mail says "minggu ini", lines for a week's span of
days, a word of zero on the last dated line, packages and loose blanks counted in all in brackets, a larger
figure offered "atau kalau memungkinkan", heights and "tambahan informasi" that ask for nothing, and "cet" for
printing; each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"
UPT = "Operator Mentarang <op.mentarang21@gmail.com>"
SIGNATURE = "\n\nagus\noperator kec. Mentarang\ndisdukcapil kab malinau"


def test_day_lines_of_a_mail_that_says_this_week_add_up() -> None:
    read = mail(UPT, "lap mentarang minggu ini",
                "malam pak, laporan mentarang minggu ini\n\nSen 2/3 rekam 8 cetak 6 sisa 240\n"
                "Sel 3/3 rekam 11 cetak 10 sisa 230\nRab 4/3 rekam 5 cetak 5 sisa 225" + SIGNATURE)
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (24, 21, 225)


def test_lines_for_a_span_of_days_are_dated_by_their_last_day_and_add_up() -> None:
    read = mail(UPT, "rekap mingguan mentarang",
                "mg 2-6/3 rek 10 cet 9 sisa 90\nmg 9-13/3 rek 15 cet 14 sisa 76" + SIGNATURE)
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (25, 23, 76)


def test_a_word_of_zero_on_the_last_dated_line_said_again_below_is_the_stock() -> None:
    read = mail(UPT, "lap mentarang 2-4 maret",
                "laporan minggu ini\nSen 2/3 rekam 8 cetak 8 sisa 30\nSel 3/3 rekam 12 cetak 12 sisa 18\n"
                "Rab 4/3 rekam 18 cetak 18 sisa habis\n\nblangko sudah habis pak, mohon dikirim" + SIGNATURE)
    assert read["stock_on_hand"] == 0


def test_boxes_and_loose_blanks_with_their_count_in_brackets_are_that_count() -> None:
    read = mail(TARAKAN, "Laporan harian", "Rekam 88, cetak 80. Sisa 12 dus + 40 keping (1.240 keping).")
    assert read["stock_on_hand"] == 1240


def test_boxes_and_loose_blanks_whose_bracketed_count_cannot_add_up_are_unclear() -> None:
    read = mail(TARAKAN, "Laporan harian", "Rekam 88, cetak 80. Sisa 12 dus + 40 keping (1.250 keping).")
    assert read["stock_on_hand"] is None


def test_a_larger_figure_offered_if_it_can_be_had_leaves_the_request_open() -> None:
    read = mail(MALINAU, "Permohonan blangko",
                "Yth. Bapak,\nkami mohon blangko KTP-el sebanyak 700 keping, atau jika memungkinkan 900 keping, "
                "untuk pelayanan keliling.\nHormat kami")
    assert (read["kind"], read["requested"]) == ("request", None)


def test_a_height_in_feet_is_no_figure_of_blanks() -> None:
    read = mail(MALINAU, "Permohonan", "Mohon dikirim blangko KTP-el lewat kargo, pesawat perintis terbang setinggi "
                "8.500 kaki.")
    assert (read["kind"], read["requested"]) == ("request", None)


def test_additional_information_asks_for_nothing() -> None:
    read = mail(MALINAU, "Laporan harian",
                "Perekaman 40, pencetakan 38, sisa stok 1.120 keping.\nSebagai tambahan informasi, speedboat ke "
                "hulu berangkat Senin dengan muatan 1.300 saja.")
    assert (read["kind"], read["requested"]) == ("stock_report", None)


def test_cet_beside_rek_is_the_count_printed() -> None:
    read = mail(UPT, "lap mentarang", "hari ini rek 23 cet 21 sisa 310" + SIGNATURE)
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (23, 21, 310)
