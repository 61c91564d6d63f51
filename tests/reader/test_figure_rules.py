"""The figures: one literal case per general rule of roles and tables (each written for this file, in
wording of its own, not taken from the labelled sets)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import current_requests, read_table, read_text, settle, split_text_tables
from tests.reader.conftest import DISTRICTS
from tests.reader.test_unseen_writers import xlsx_mail


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def per_item(text: str) -> dict[tuple[str, str | None], int | None]:
    candidates, _ = read_text(text, normalise(text))
    return {(c.field, c.item): c.value for c in candidates}


SENT = datetime(2026, 5, 4, 9, 0)


# --- Roles in running text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A plan, a target or an average is no count of work done.
        ("Sasaran perekaman tahun ini sebanyak 2.300 wajib KTP, mohon tambahan 1.000 keping.", {"requested": 1000}),
        ("Requesting 900 blanks. Stock 240. Weekly avg print: 130.", {"requested": 900, "stock_on_hand": 240}),
        # A span of days before its month is a date, not a count.
        ("Perekaman periode 3 s.d. 9 Maret 2026 sebanyak 418 orang.", {"recorded": 418}),
        # A slip taken back in the same breath.
        ("mohon kirim 800 keping, eh maaf maksud saya 1.200 keping ya pak", {"requested": 1200}),
        ("tolong kirim blangko 900 lembar, eh 1.300 lembar pak", {"requested": 1300}),
        # A stated sum of one role's figures is the figure meant; one that is not their sum is asked.
        ("Selain 600 keping yang kami minta minggu lalu, mohon ditambah 400 lagi, jadi total 1.000 keping.",
         {"requested": 1000}),
        ("Mohon dikirim 3 dus (1 dus isi 250 keping), jadi total 750 keping.", {"requested": 750}),
        ("Selain 600 keping yang kami minta, mohon ditambah 400 lagi, jadi total 1.200 keping.", {}),
        # English role words after their figure and its noun.
        ("Tideng Pale office has 215 KTP-el blanks left, please send 700 more.",
         {"stock_on_hand": 215, "requested": 700}),
        ("Today: 44 enrolled, 39 printed, 1,204 blanks remaining.",
         {"recorded": 44, "printed": 39, "stock_on_hand": 1204}),
        # Stock said to be zero, in a sentence.
        ("Our KTP-el stock is now zero, please send 500 blanks.", {"stock_on_hand": 0, "requested": 500}),
        # Reprints and a system's stock are not the counts a clerk acts on.
        ("Jml cetak 84\nJml cetak ulang 5\nSisa blangko fisik 930\nSisa blangko sistem 936",
         {"printed": 84, "stock_on_hand": 930}),
        # A figure followed by its unit and a word of damage counts the damage.
        ("Sisa stok 1.020 keping. Selisih stok termasuk 4 keping rusak.", {"stock_on_hand": 1020}),
        # Dotted leaders lead to the figure.
        ("Closing stock (31 May) ........ 1,777\nPrinted .............. 402", {"stock_on_hand": 1777, "printed": 402}),
        # Week numbers are no counts.
        ("Stock update (week 12): closing stock 2.040", {"stock_on_hand": 2040}),
        # A list under a sentence ending with a colon takes the role it names.
        ("Kiriman kemarin sudah kami terima semua:\n - blangko KTP-el : 900 keping\n", {"received": 900}),
        # Beside a receipt, a shortage noun asks for nothing.
        ("Blangko yang kami terima 1.450 keping. Kekurangan 50 keping mohon dicek di gudang.", {"received": 1450}),
        # A date right before a figure keeps its year to two or four digits.
        ("Mohon tambahan 1.000 keping. Sisa stok per 2 Maret 480 keping.", {"requested": 1000, "stock_on_hand": 480}),
        # A month's report counts a month of work; a day's report never this much.
        ("Rekap bulan Agustus:\n- perekaman KTP-el 3.412\n- pencetakan KTP-el 3.105\n",
         {"recorded": 3412, "printed": 3105}),
        ("Laporan harian:\n- perekaman KTP-el 3.412\n- pencetakan KTP-el 3.105\n", {}),
        # Opening and closing stock in other words; stock gone in other words; cards that arrived.
        ("Beginning balance 2,000; ending balance 1,640.", {"stock_on_hand": 1640}),
        ("Stok blangko KTP-el kami sudah ludes, mohon 1.000 keping.", {"stock_on_hand": 0, "requested": 1000}),
        ("Good news: 2,000 blanks arrived this morning.", {"received": 2000}),
        # "approx" states a round figure, as "kurang lebih" does; "sekitar 500-an" stays an estimate.
        ("Current stock is approx 700 pcs; please send 2,000.", {"stock_on_hand": 700, "requested": 2000}),
        ("Stok sekitar 500-an, mohon kirim 2.000 keping.", {"requested": 2000}),
        # Files that came in are no blanks received.
        ("Berkas masuk 120 hari ini. Rekam 88, cetak 80.", {"recorded": 88, "printed": 80}),
    ],
)
def test_roles_in_running_text(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


def test_a_line_label_and_a_figures_own_blank_name_give_items() -> None:
    got = per_item("KTP-el : rekam 21, cetak 19, sisa blangko 1.402 keping\n"
                   "KIA    : cetak 7, sisa blangko 233 lembar\n")
    assert got[("stock_on_hand", "ktp-el")] == 1402 and got[("stock_on_hand", "kia")] == 233
    got = per_item("KTP cetak 61, rekam 70, sisa 2.004\nKIA cetak 12 sisa 390\n")
    assert got[("stock_on_hand", "ktp-el")] == 2004 and got[("stock_on_hand", "kia")] == 390


def test_blanks_listed_under_one_role_word_share_it() -> None:
    got = per_item("Sisa stok per Jumat sore: KTP-el 1.210 keping, KIA 305 lembar.")
    assert got == {("stock_on_hand", "ktp-el"): 1210, ("stock_on_hand", "kia"): 305}


def test_figures_joined_by_dan_share_the_role_said_after_them() -> None:
    got = per_item("Kiriman dua ribu keping KTP-el dan lima ratus lembar KIA telah tiba siang ini.")
    assert got == {("received", "ktp-el"): 2000, ("received", "kia"): 500}


def test_a_text_correction_of_an_attachment_figure_wins() -> None:
    rows: list[tuple[object, ...]] = [
        ("Tanggal", "Perekaman", "Pencetakan", "Sisa blangko"), ("04/05/2026", 30, 28, 1300),
    ]
    body = "Terlampir laporan. Di lampiran tertulis sisa blangko 1.300, yang benar 1.030 keping."
    v = read_message(xlsx_mail(rows, body), DISTRICTS)
    assert (v.kind, v.stock_on_hand, v.printed) == ("stock_report", 1030, 28)


# --- Spreadsheets and typed tables ------------------------------------------------------------------


def table(rows: Sequence[tuple[object, ...]]) -> dict[tuple[str, str | None], int | None]:
    found = read_table(tuple(rows), SENT, "laporan.xlsx")
    assert found is not None
    return {(c.field, c.item): c.value for c in found[0]}


def test_a_row_below_the_table_that_names_its_figure_is_read_by_its_label() -> None:
    rows = [("Kecamatan", "Perekaman", "Pencetakan"), ("Mentarang", 12, 10), ("Malinau Kota", 30, 27),
            ("JUMLAH", 42, 37), ("Sisa blangko KTP-el", 1666, None)]
    assert table(rows) == {("recorded", None): 42, ("printed", None): 37, ("stock_on_hand", "ktp-el"): 1666}


def test_a_labelled_row_with_both_blanks_gives_one_figure_each() -> None:
    rows = [("Kecamatan", "Rekam", "Cetak"), ("Sesayap", 5, 4), ("Tana Lia", 6, 6), ("TOTAL", 11, 10),
            ("Stok akhir bulan", "KTP-el", 900, "KIA", 310)]
    got = table(rows)
    assert (got[("stock_on_hand", "ktp-el")], got[("stock_on_hand", "kia")]) == (900, 310)


def test_a_form_of_labelled_rows_is_read_by_its_labels() -> None:
    rows = [("FORMULIR PERMINTAAN BLANGKO", None), ("Uraian", "Jumlah (keping)"), ("Sisa stok saat ini", 455),
            ("Stok awal bulan", 1200), ("Rata-rata cetak per minggu", 260),
            ("Jumlah yang diminta", 1500, "untuk 6 minggu")]
    assert table(rows) == {("stock_on_hand", None): 455, ("requested", None): 1500}


def test_a_labelled_row_with_two_figures_for_one_blank_is_unclear() -> None:
    found = read_table((("Sisa stok", 455, 470),), SENT, "x.xlsx")
    assert found is not None and [(c.field, c.value, c.doubt) for c in found[0]] == [("stock_on_hand", None, "unclear")]


def test_rows_of_one_day_per_place_take_the_total_row() -> None:
    rows = [("Tanggal", "Lokasi", "Perekaman", "Pencetakan"), ("04/05/2026", "Kantor", 20, 18),
            ("04/05/2026", "UPT Sebuku", 9, 7), ("", "TOTAL", 29, 25)]
    assert table(rows) == {("recorded", None): 29, ("printed", None): 25}


def test_rows_of_one_day_per_place_without_a_total_are_unclear() -> None:
    rows = [("Tanggal", "Lokasi", "Perekaman", "Pencetakan"), ("04/05/2026", "Kantor", 20, 18),
            ("04/05/2026", "UPT Sebuku", 9, 7)]
    assert table(rows) == {("recorded", None): None, ("printed", None): None}


def test_subtotals_are_neither_rows_nor_the_total() -> None:
    rows = [("Kecamatan", "Rekam", "Cetak"), ("A", 3, 2), ("B", 4, 4), ("Subtotal Hulu", 7, 6), ("C", 5, 5),
            ("Sub Total Hilir", 5, 5), ("TOTAL KABUPATEN", 12, 11)]
    assert table(rows) == {("recorded", None): 12, ("printed", None): 11}


def test_a_total_that_is_not_its_columns_sum_is_asked() -> None:
    rows = [("Kecamatan", "Rekam", "Cetak"), ("A", 3, 2), ("B", 4, 4), ("Jumlah", 7, 9)]
    found = read_table(tuple(rows), SENT, "x.xlsx")
    assert found is not None
    got = {(c.field, c.value, c.doubt) for c in found[0]}
    assert got == {("recorded", 7, None), ("printed", None, "conflict")}


def test_merged_item_cells_over_the_header_name_its_columns_blank() -> None:
    rows = [("Kecamatan", "KTP-el", None, "KIA", None), (None, "Rekam", "Cetak", "Cetak", "Rusak"),
            ("A", 10, 9, 4, 0), ("B", 6, 6, 2, 1), ("TOTAL", 16, 15, 6, 1)]
    assert table(rows) == {("recorded", "ktp-el"): 16, ("printed", "ktp-el"): 15, ("printed", "kia"): 6}


def test_a_row_per_weekday_is_a_period() -> None:
    rows = [("Hari", "Rekam", "Cetak", "Sisa"), ("Senin", 10, 9, 500), ("Selasa", 8, 8, 492), ("Jumlah", 18, 17, 492)]
    assert table(rows) == {("stock_on_hand", None): 492, ("recorded", None): 18, ("printed", None): 17}


def test_a_sheets_count_column_takes_the_role_of_its_title() -> None:
    rows = [("BERITA ACARA SERAH TERIMA BLANGKO", None, None), ("Kemasan", "Jenis", "Jumlah (keping)"),
            ("Dus 1", "KTP-el", 400), ("Dus 2", "KTP-el", 400), ("JUMLAH", None, 800)]
    assert table(rows) == {("received", None): 800}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Rule lines and a short total row whose figures stand under the last columns.
        ("Rekap:\n Hari   Tgl    Rekam  Cetak  Sisa\n------------------------------\n"
         " Senin  04/05    12     11    700\n"
         " Selasa  05/05    13     12    688\n------------------------------\n TOTAL           25     23    688\n",
         {"recorded": 25, "printed": 23, "stock_on_hand": 688}),
        # Group headings inside a table, subtotals, and a grand total.
        ("Kebutuhan per wilayah:\nKecamatan        Sisa   Kebutuhan\nHulu\n  A              10      300\n"
         "  B              20      200\n"
         "  Subtotal       30      500\nHilir\n  C              40      100\nGRAND TOTAL      70      600\n",
         {"stock_on_hand": 70, "requested": 600}),
        # A count column named by no role takes the role of the sentence leading into the table.
        ("Blangko telah kami terima dengan rincian sebagai berikut:\nNo | Uraian | Jumlah Keping\n"
         "1 | Dus A | 500\n2 | Dus B | 500\n | Jumlah | 1.000\n", {"received": 1000}),
        # ... or of a table with a row per blank.
        ("Kami konfirmasi penerimaan kiriman kemarin:\nJenis | Jumlah keping\nBlangko KTP-el | 1.500\n"
         "Blangko KIA | 300\n", {}),
        # A table of rows that name their figures.
        ("Laporan bulan Mei:\nNo | Uraian | Jumlah\n1 | Perekaman | 410\n2 | Stok awal | 2.000\n"
         "3 | Stok akhir | 1.620\n",
         {"recorded": 410, "stock_on_hand": 1620}),
    ],
)
def test_typed_tables(text: str, want: dict[str, int]) -> None:
    rest, tables = split_text_tables(text)
    assert tables
    candidates = [c for t in tables if (found := read_table(t, SENT, "tabel")) for c in found[0]]
    assert dict(settle(candidates, []).values) == want


def test_a_table_with_a_row_per_blank_under_a_lead_in_gives_each_blank_its_figure() -> None:
    text = ("Kami konfirmasi penerimaan kiriman kemarin:\nJenis | Jumlah keping\nBlangko KTP-el | 1.500\n"
            "Blangko KIA | 300\n")
    _, tables = split_text_tables(text)
    found = read_table(tables[0], SENT, "tabel")
    assert found is not None
    assert {(c.field, c.item): c.value for c in found[0]} == {("received", "ktp-el"): 1500, ("received", "kia"): 300}


def test_a_line_of_figures_with_their_words_is_no_table_header() -> None:
    _, tables = split_text_tables("KTP-el : rekam 50 | cetak 47 | sisa 1.010\nKIA : cetak 3 | sisa 120\n")
    assert tables == []
