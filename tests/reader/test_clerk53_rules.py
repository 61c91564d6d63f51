"""Rules for a report template filled in every way: a field still holding the template's example, a form sent back
with only the example in it, a form or typed table of two days side by side, a count for both blanks split by the
writer, and a request form with a row per blank. Each test is a short mail with words and figures of its own."""

from __future__ import annotations

from tests.reader.conftest import mail
from tests.reader.sheets import ods, ods_mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


def _doubt(read: dict[str, object], field: str) -> str | None:
    return next((d["reason"] for d in read["doubts"] if d["field"] == field), None)  # type: ignore[index, union-attr]


def test_a_field_left_with_the_templates_example_is_no_figure() -> None:
    read = mail(MALINAU, "Laporan harian 9 Juli",
                "LAPORAN HARIAN BLANGKO\n"
                "Perekaman KTP-el hari ini : 88\n"
                "Pencetakan KTP-el hari ini : (contoh: 120)\n"
                "Sisa blangko KTP-el : contoh: 900\n"
                "Keterangan : cetak dan stok dikirim besok")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (88, None, None)


def test_a_form_sent_back_as_only_the_example_has_no_figures() -> None:
    read = mail(MALINAU, "Laporan harian 10 Juli",
                "LAPORAN HARIAN BLANGKO\n"
                "Perekaman KTP-el hari ini : 200\n"
                "Pencetakan KTP-el hari ini : 180\n"
                "Sisa blangko KTP-el : 2.000\n"
                "Keterangan : maaf ini masih contoh, isian menyusul")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (None, None, None)
    assert _doubt(read, "stock_on_hand") == "unclear"


def test_a_form_of_two_days_gives_the_later_days_stock_and_no_single_days_count() -> None:
    read = mail(TARAKAN, "Laporan 8 dan 9 Juli",
                "Yth. Bapak/Ibu,\n\n"
                "Tanggal laporan : 08/07/2027 | 09/07/2027\n"
                "Perekaman KTP-el : 97 | 104\n"
                "Pencetakan KTP-el : 90 | 99\n"
                "Sisa blangko KTP-el : 3.410 | 3.311\n"
                "Keterangan : -")
    assert (read["stock_on_hand"], read["printed"], read["recorded"]) == (3311, None, None)
    assert _doubt(read, "printed") == "unclear"


def test_dated_day_columns_none_called_today_give_the_stock_and_no_count() -> None:
    read = mail(TARAKAN, "lap harian",
                "Tanggal | 8/7 | 9/7\n"
                "Rekam   | 97  | 104\n"
                "Cetak   | 90  | 99\n"
                "Sisa    | 3.410 | 3.311")
    assert (read["stock_on_hand"], read["printed"], read["recorded"]) == (3311, None, None)


def test_a_count_for_both_blanks_split_by_the_writer_is_the_named_blanks_part() -> None:
    read = mail(MALINAU, "Re: laporan 7 Juli",
                "Bu, pencetakan kemarin 40 itu sudah termasuk 6 KIA ya. KTP-el nya 34.")
    assert (read["item"], read["printed"]) == ("ktp-el", 34)


def test_a_split_that_does_not_add_up_is_not_taken() -> None:
    read = mail(MALINAU, "Re: laporan 7 Juli",
                "Bu, pencetakan kemarin 40 itu sudah termasuk 6 KIA ya. KTP-el nya 30.")
    assert read["printed"] != 30


def test_a_request_form_asks_for_the_blank_whose_row_asks() -> None:
    sheet = ods([
        ("Form permintaan blangko Juli", None, None, None),
        ("Jenis", "Stok", "Kebutuhan", "Diminta"),
        ("KTP-el", 520, 3000, 2480),
        ("KIA", 900, 700, 0),
    ])
    read = ods_mail(sheet, sender=TARAKAN, subject="Permintaan blangko Juli",
                    body="Yth. Bapak/Ibu, terlampir form permintaan. Blangko KIA masih cukup.",
                    filename="permintaan_juli.ods")
    assert (read["item"], read["requested"], read["stock_on_hand"]) == ("ktp-el", 2480, 520)


def test_nil_in_a_count_field_is_the_counts_zero_and_leaves_the_stock_its_figure() -> None:
    read = mail(MALINAU, "Laporan harian 11 Juli",
                "LAPORAN HARIAN BLANGKO\n"
                "Jumlah perekaman KTP-el hari ini  : nihil\n"
                "Jumlah pencetakan KTP-el hari ini : nihil\n"
                "Sisa blangko KTP-el (akhir hari)  : 1.475")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (0, 0, 1475)
