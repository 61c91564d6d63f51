"""Classes of misses found on two more writers the reader had not seen (sets J and K), each read by a
principle a clerk applies, not by the sentences of those sets."""

from __future__ import annotations

from datetime import datetime

import pytest

from mailbot.reader.numbers import normalise
from mailbot.reader.roles import current_requests, read_text, settle

SENT = datetime(2026, 12, 8, 9, 0)


def read(text: str, sent: datetime | None = SENT) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text), sent=sent)
    return dict(settle(current_requests(candidates), unassigned).values)


# --- A fallback figure beside the figure asked: two requests, the clerk asks which -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mohon tambahan blangko KTP-el 400 keping. Eh maaf, kalau memungkinkan 600 keping, tapi kalau stok "
        "provinsi terbatas 400 juga tidak apa-apa.",
        "Kami mohon 1.000 keping blangko KTP-el, kalau tidak bisa 500 keping juga boleh.",
        "mohon kirim blangko 2rb, 1.500 jg gpp",
        "We request 1,000 KTP-el blanks; 800 would also do.",
    ],
)
def test_a_fallback_figure_beside_the_one_asked_leaves_the_request_open(text: str) -> None:
    assert "requested" not in read(text)


def test_a_figure_said_once_with_also_fine_is_the_request() -> None:
    # One figure only: the writer asks for it, and says it would do.
    assert read("Mohon kirim blangko KTP-el 500 keping saja juga tidak apa-apa.")["requested"] == 500


def test_an_ordinary_request_beside_another_figure_is_unchanged() -> None:
    assert read("Mohon tambahan blangko KTP-el 1.000 keping. Sisa stok 300 keping.") == {
        "requested": 1000, "stock_on_hand": 300
    }


# --- The rest of a shipment beside a receipt is no stock --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Blangko KTP-el telah kami terima sebanyak 1.000 keping (dari 1.200 yang disampaikan di surat pengantar). "
        "Mohon konfirmasi sisa 200 keping.",
        "Sudah kami terima 1.500 keping dari 2.000 keping menurut surat jalan. Sisa 500 keping mohon dicek.",
    ],
)
def test_a_remainder_that_adds_up_to_the_shipment_is_not_stock(text: str) -> None:
    values = read(text)
    assert "stock_on_hand" not in values
    assert values["received"] in (1000, 1500)


def test_a_stock_named_as_stock_beside_a_receipt_stays() -> None:
    # 1.000 received, stock now 1.200: the sum is the stock itself, named as such.
    text = "Blangko KTP-el telah kami terima 1.000 keping. Stok awal 200, sisa stok sekarang 1.200 keping."
    assert read(text).get("stock_on_hand") != 200


def test_a_remainder_that_adds_up_to_nothing_stays_a_stock() -> None:
    text = "Blangko KTP-el telah kami terima 1.000 keping. Sisa blangko kami sekarang 1.350 keping."
    assert read(text) == {"received": 1000, "stock_on_hand": 1350}


# --- A report table whose header is split over two rows by spanning cells --------------------------------


def test_an_html_recap_with_a_two_row_header_is_read_as_one_table() -> None:
    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS

    html = (
        "<p>Rekap bulanan blangko Oktober 2026:</p><table>"
        '<tr><th rowspan="2">Jenis Blangko</th><th rowspan="2">Stok Awal</th><th colspan="3">Mutasi</th>'
        '<th rowspan="2">Stok Akhir</th></tr><tr><th>Penerimaan</th><th>Pencetakan</th><th>Rusak</th></tr>'
        '<tr><td><i>satuan</i></td><td colspan="5">(keping)</td></tr>'
        "<tr><td>KTP-el</td><td>3.420</td><td>2.000</td><td>2.310</td><td>14</td><td>3.096</td></tr>"
        "<tr><td>KIA</td><td>1.600</td><td>-</td><td>610</td><td>3</td><td>987</td></tr></table>"
    )
    raw = (
        "From: disdukcapil@malinaukab.example\nTo: blangko@x.example\nSubject: Rekap Bulanan Blangko\n"
        "Date: Mon, 02 Nov 2026 09:00:00 +0800\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
        + html
    ).encode()
    verdict = read_message(raw, DISTRICTS)
    assert (verdict.kind, verdict.stock_on_hand, verdict.received, verdict.printed) == (
        "stock_report", 3096, 2000, 2310
    )


def test_a_recap_in_the_old_excel_format_is_read() -> None:
    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS, ROOT

    raw = (ROOT / "tests" / "reading" / "setJ" / "corpus" / "039.eml").read_bytes()
    verdict = read_message(raw, DISTRICTS)
    assert (verdict.kind, verdict.stock_on_hand, verdict.printed, verdict.recorded) == (
        "stock_report", 1140, 116, 141
    )


# --- Tables laid out in more ways --------------------------------------------------------------------------


def table(rows: list[tuple[object, ...]]) -> dict[str, object]:
    from mailbot.reader.roles import read_table

    found = read_table(tuple(rows), SENT, "lampiran")
    assert found is not None
    reading = settle(current_requests(found[0]), [])
    return {**reading.values, **{f"doubt:{d.field}": d.reason for d in reading.doubts}}


def test_closing_and_opening_columns_named_alone_and_a_dashed_column() -> None:
    rows = [
        ("Date", "Opening", "Received", "Recorded", "Printed", "Closing"),
        ("16/11/2026", "2196", "-", "148", "84", "2109"),
        ("17/11/2026", "2109", "-", "134", "98", "2011"),
    ]
    from mailbot.reader.roles import read_table

    found = read_table(tuple(rows), SENT, "log.csv", period=True)
    assert found is not None
    reading = settle(current_requests(found[0]), [])
    # The closing stock of the last day; the dashed "Received" column states nothing (no doubt either).
    assert reading.values == {"stock_on_hand": 2011, "recorded": 282, "printed": 182}
    assert reading.doubts == ()


def test_a_row_under_a_table_takes_the_blank_of_each_column() -> None:
    rows = [
        ("Sub-district", "KTP-el recorded", "KTP-el printed", "KIA recorded", "KIA printed"),
        ("Tarakan Barat", "115", "56", "56", "25"),
        ("Tarakan Timur", "187", "82", "30", "24"),
        ("Grand Total", "302", "138", "86", "49"),
        ("Closing stock", "2315", "", "812", ""),
    ]
    from mailbot.reader.roles import read_table

    found = read_table(tuple(rows), SENT, "weekly.csv")
    assert found is not None
    stock = {(c.item, c.value) for c in found[0] if c.field == "stock_on_hand"}
    assert stock == {("ktp-el", 2315), ("kia", 812)}


def test_places_after_a_numbering_column_are_summed() -> None:
    rows = [
        ("No", "Kecamatan", "Perekaman", "Pencetakan", "Rusak"),
        (1, "Tanjung Selor", 163, 53, 4),
        (2, "Tanjung Palas", 257, 45, 4),
        (3, "Sekatak", 243, 42, 1),
    ]
    assert table(rows) == {"recorded": 663, "printed": 140}


def test_a_handover_sheet_with_a_row_per_blank_and_no_total() -> None:
    rows = [
        ("BERITA ACARA SERAH TERIMA BLANGKO",),
        ("Nomor: 028/BAST/DKPS-KTT/XII/2026",),
        ("No", "Jenis", "Jumlah (keping)", "Kondisi"),
        (1, "KTP-el", 1000, "Baik"),
        ("Yang menyerahkan", None, "Yang menerima"),
    ]
    assert table(rows) == {"received": 1000}


def test_a_sheet_titled_with_one_blank_gives_its_rows_that_blank() -> None:
    from mailbot.reader.roles import read_table

    rows = (("Rekap harian KIA 03/12/2026",), ("Uraian", "Jumlah"), ("Pencetakan", 38), ("Sisa blangko", 1874))
    found = read_table(rows, SENT, "rekap.xlsx")
    assert found is not None
    assert {(c.field, c.item, c.value) for c in found[0]} == {("printed", "kia", 38), ("stock_on_hand", "kia", 1874)}


def test_rows_under_a_header_of_blanks_take_each_columns_blank() -> None:
    from mailbot.reader.roles import read_table

    rows = (
        ("Laporan Harian Blangko - 08/12/2026",),
        ("Uraian", "KTP-el", "KIA", "Ket."),
        ("Stok awal", 528, 330, None),
        ("Pencetakan", 25, 11, None),
        ("Stok akhir", 502, 319, None),
    )
    found = read_table(rows, SENT, "lap.xlsx")
    assert found is not None
    assert {(c.field, c.item, c.value) for c in found[0]} == {
        ("printed", "ktp-el", 25), ("printed", "kia", 11), ("stock_on_hand", "ktp-el", 502),
        ("stock_on_hand", "kia", 319),
    }


@pytest.mark.parametrize(
    "rows",
    [
        [
            ("No", "Kecamatan", "Sisa Stok (keping)", "Kebutuhan Des 2026", "Usulan Permohonan"),
            (1, "Tanjung Selor", 310, 1200, 900),
            (2, "Tanjung Palas", 95, 300, 200),
            (None, "JUMLAH", 405, 1500, 1100),
        ],
        [
            ("Uraian", "Jumlah"),
            ("Kebutuhan", 1500),
            ("Sisa stok", 405),
            ("Usulan (kebutuhan - sisa)", 1100),
        ],
    ],
)
def test_the_ask_beside_the_need_is_the_figure_requested(rows: list[tuple[object, ...]]) -> None:
    assert table(rows) == {"requested": 1100, "stock_on_hand": 405}


def test_a_need_column_alone_is_still_the_request() -> None:
    rows = [("Kecamatan", "Kebutuhan"), ("Tanjung Selor", 1200), ("Peso", 300), ("JUMLAH", 1500)]
    assert table(rows) == {"requested": 1500}


# --- A figure asked to be raised or lowered to; "pls send" ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ok. Blangko KTP-el naikkan jd 3.000 saja, sekalian utk jemput bola.", 3000),
        ("naikin jadi 3.000 ya min, krn ada jemput bola minggu depan.", 3000),
        ("Mohon maaf, permohonan kami turunkan menjadi 800 keping saja.", 800),
        ("Pls send 1,500 KTP-el blanks to Tarakan.", 1500),
        ("plz send 700 KIA blanks asap", 700),
    ],
)
def test_a_figure_asked_to_be_raised_or_lowered_to_is_the_request(text: str, wanted: int) -> None:
    assert read(text)["requested"] == wanted


def test_a_stock_that_rose_is_no_request() -> None:
    assert "requested" not in read("Stok blangko kami naik jadi 2.000 keping setelah kiriman kemarin datang.")


# --- Zero stock said in English, and of one blank beside the other's figure --------------------------------


def items(text: str) -> set[tuple[str, str | None, int | None]]:
    candidates, _ = read_text(text, normalise(text), sent=SENT)
    return {(c.field, c.item, c.value) for c in candidates}


@pytest.mark.parametrize(
    "text",
    [
        "We have zero KIA blanks left. Please send 800 KIA blanks.",
        "Our remaining stock of KIA blanks is nil.",
        "KIA stock: nil. We need 500 cards.",
        "We have no blanks left for KIA, none left at all.",
    ],
)
def test_a_stock_of_zero_said_in_english(text: str) -> None:
    assert ("stock_on_hand", "kia", 0) in items(text)


def test_zero_of_one_blank_beside_the_other_blanks_figure() -> None:
    text = "Per 30/11/2026 stok blangko KTP-el Kab. Bulungan NIHIL, stok KIA 415 keping."
    assert items(text) == {("stock_on_hand", "ktp-el", 0), ("stock_on_hand", "kia", 415)}


def test_a_zero_that_is_not_a_stock_stays_out() -> None:
    assert "stock_on_hand" not in read("Zero defects this week; we printed 120 cards.")


# --- The difference asked: the stock of the blank whose need is stated; the rest of a period is no stock ---


def test_the_difference_asked_takes_the_stock_of_the_needs_blank() -> None:
    text = (
        "Kebutuhan KTP-el Kab. Bulungan sampai 31 Desember 2026 sebesar 2.500 keping, sedangkan sisa stok KTP-el "
        "saat ini 850 keping. Mohon dikirimkan selisihnya.\n\nUntuk KIA, stok kami 1.340 keping dan masih cukup."
    )
    candidates, unassigned = read_text(text, normalise(text), sent=SENT)
    reading = settle(current_requests(candidates), unassigned)
    assert reading.values["requested"] == 1650


@pytest.mark.parametrize("period", ["sisa triwulan IV", "sisa tahun anggaran 2026", "sisa bulan ini", "sisa semester"])
def test_what_is_left_of_a_period_is_no_stock(period: str) -> None:
    text = (
        f"Kebutuhan blangko KTP-el untuk {period} kami perkirakan 3.000 keping. Saat ini sisa stok di gudang "
        "kami 800 keping. Mohon dapat dipenuhi kekurangannya."
    )
    assert read(text) == {"requested": 2200, "stock_on_hand": 800}


# --- Last month's figure beside this month's ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Posisi stok blangko KTP-el:\n- Stok akhir bulan Oktober 2026 : 2.360 keping\n"
        "- Stok akhir bulan November 2026: 1.510 keping\n",
        "Stok akhir November: 1.510\nStok akhir Oktober: 2.360\n",
    ],
)
def test_the_latest_months_figure_is_the_figure_now(text: str) -> None:
    assert read(text, datetime(2026, 12, 1, 9, 0)) == {"stock_on_hand": 1510}


def test_a_month_later_than_the_message_is_of_last_year() -> None:
    # Sent in January: "Desember" is last year's, before "Januari".
    text = "Stok akhir Desember: 2.360\nStok per Januari: 1.510\n"
    assert read(text, datetime(2027, 1, 20, 9, 0)) == {"stock_on_hand": 1510}


def test_two_figures_on_lines_without_months_still_conflict() -> None:
    assert "stock_on_hand" not in read("Stok gudang: 2.360\nStok loket: 1.510\n")


def test_a_line_with_a_dated_day_is_no_month_line() -> None:
    from mailbot.reader.dates import line_month

    low = "stok per 30 november: 1.510"
    assert line_month(low, low.index("1.510"), datetime(2026, 12, 1)) is None
    low = "stok akhir november 2026: 1.510"
    assert line_month(low, low.index("1.510"), datetime(2026, 12, 1)) == (2026, 11)


# --- Numbers said into a phone, and quick receipts ----------------------------------------------------


def test_small_numbers_in_words_right_after_the_name_of_a_count() -> None:
    text = (
        "laporan hari ini perekaman seratus dua belas pencetakan sembilan puluh tujuh sisa blangko seribu "
        "delapan ratus empat puluh keping"
    )
    assert read(text) == {"recorded": 112, "printed": 97, "stock_on_hand": 1840}
    assert read("laporan kia hari ini cetak tiga puluh dua sisa blangko kia empat ratus sepuluh keping") == {
        "printed": 32, "stock_on_hand": 410
    }


@pytest.mark.parametrize(
    "text",
    [
        "mohon kiriman blangko tanggal dua puluh tiga ya pak",  # a date, said after no count's name
        "salah satu operator kami cuti",
        "kami mohon tambahan blangko, stok tinggal dua",  # a lone small word, no compound
    ],
)
def test_small_numbers_in_words_elsewhere_are_no_figure(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "received"),
    [
        ("Blangko sdh sampe 2rb pas, makasih min", 2000),
        ("blangko ktp 1rb sdh sampe pak, mksh", 1000),
        ("udh trma 1rb blangko ktpel td pagi tq", 1000),
        ("blangko KIA 500 udah sampai kemarin sore", 500),
    ],
)
def test_quick_receipts(text: str, received: int) -> None:
    assert read(text)["received"] == received


def test_sampe_alone_is_until() -> None:
    assert "received" not in read("sampe hari ini blangko 1.000 keping belum datang pak")


# --- "X bukan Y": the denial is of the figure after it ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ralat pak, mohon blangko KTP-el, yang benar 1.800 keping bukan 1.200.", 1800),
        ("Permohonan kami: blangko KIA, maaf ralat, yg benar 450 bukan 540.", 450),
        ("mohon dikirim blangko KTP-el, eh sorry typo, maksudnya 2.000 bukan 20.000", 2000),
    ],
)
def test_the_figure_before_a_denied_one_is_the_figure_meant(text: str, wanted: int) -> None:
    assert read(text)["requested"] == wanted


def test_a_reply_revising_its_own_request_with_x_bukan_y() -> None:
    candidates, unassigned = read_text(
        "maaf ralat pak, yg benar 450 bukan 540. salah ketik td",
        normalise("maaf ralat pak, yg benar 450 bukan 540. salah ketik td"), answer_role="requested",
    )
    assert settle(current_requests(candidates), unassigned).values == {"requested": 450}


def test_a_denied_figure_alone_is_still_no_figure() -> None:
    assert read("Sisa stok kami bukan 500 keping, mohon dicek lagi datanya.") == {}


# --- Rows that name their own figures under a lead sentence ----------------------------------------------


def test_rows_naming_their_own_figures_are_read_by_their_labels_not_the_lead_sentence() -> None:
    from mailbot.reader.roles import split_text_tables

    text = (
        "Dengan hormat, bersama ini kami sampaikan permohonan blangko dengan rincian sebagai berikut:\n\n"
        "Uraian | Jenis | Jumlah (keping)\nSisa stok per 04/12/2026 | KTP-el | 480\n"
        "Rata-rata cetak per hari | KTP-el | 70\nJumlah permohonan | KTP-el | 1.700\n\nTerima kasih."
    )
    from mailbot.reader.roles import read_table

    _, tables = split_text_tables(text)
    (rows,) = tables
    found = read_table(rows, SENT, "tabel")
    assert found is not None
    reading = settle(current_requests(found[0]), [])
    assert reading.values == {"requested": 1700, "stock_on_hand": 480}  # the average per day is no count


def test_an_average_column_is_no_count() -> None:
    from mailbot.reader.roles import column_of

    assert column_of("Rata-rata cetak per hari") == "ignore"
    assert column_of("Average printed") == "ignore"
    assert column_of("Pencetakan") == "printed"


def test_a_list_under_a_lead_line_is_said_of_the_month_the_lead_names() -> None:
    text = (
        "Kami sampaikan rekapitulasi bulan November 2026: perekaman 2.910, pencetakan 2.655 keping.\n\n"
        "Sedangkan bulan Desember 2026 s.d. tanggal 04/12/2026:\n- perekaman   : 412\n- pencetakan  : 380\n"
        "- sisa stok blangko KTP-el : 1.905 keping\n"
    )
    assert read(text, datetime(2026, 12, 4, 15, 0)) == {"recorded": 412, "printed": 380, "stock_on_hand": 1905}


# --- A figure typed onto its word; "hari ini" after a figure -----------------------------------------


def test_a_figure_typed_onto_its_word() -> None:
    assert read("rekam 156 cetak149 sisa2.061 ktpel") == {"recorded": 156, "printed": 149, "stock_on_hand": 2061}
    assert read("mohon tmbahan blangko ktpel1000 kpg sisa 97kpg") == {"requested": 1000, "stock_on_hand": 97}


def test_a_doubled_word_with_a_2_is_no_figure() -> None:
    # "sisa2" is "sisa-sisa"; one digit is never read off a word.
    assert read("sisa2 blangko lama sudah kami kembalikan, stok sekarang 300 keping") == {"stock_on_hand": 300}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("guys fyi sisa blangko ktp-el 1.987, rekam 144 cetak 133 hari ini.", {"stock_on_hand": 1987,
                                                                              "recorded": 144, "printed": 133}),
        ("pencetakan 410 minggu ini, sisa stok 900", {"printed": 410, "stock_on_hand": 900}),
    ],
)
def test_today_after_a_figure_is_no_unit_of_days(text: str, wanted: dict[str, int]) -> None:
    assert read(text) == wanted


def test_days_after_a_figure_are_still_days() -> None:
    assert "printed" not in read("pencetakan terhenti 3 hari karena printer rusak")


# --- A product worked out in the sentence of the ask ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Kami mohon blangko KIA untuk Kab. Tana Tidung: rata-rata 8 keping/hari x 25 hari = 200 keping.", 200),
        ("Kami mohon blangko KTP-el: 45 keping per hari x 22 hari kerja = 990 keping.", 990),
        ("mohon blangko ktp 60 kpg × 20 hari jadi 1.200 kpg", 1200),
    ],
)
def test_a_product_worked_out_in_the_ask_is_the_figure_asked(text: str, wanted: int) -> None:
    assert read(text)["requested"] == wanted


@pytest.mark.parametrize(
    "text",
    [
        "Kami mohon blangko KTP-el: 30 keping per hari x 22 hari = 600 keping.",  # 30 x 22 is 660: a slip
        "Rata-rata cetak 30 keping x 22 hari = 660 keping bulan lalu.",  # no ask in the sentence
    ],
)
def test_a_product_that_does_not_add_up_or_asks_nothing_is_not_read(text: str) -> None:
    assert read(text) == {}


def test_a_product_in_a_receipt_is_the_figure_received() -> None:
    assert read("Kami terima 3 dus @ 500 = 1.500 keping.") == {"received": 1500}


@pytest.mark.parametrize(
    "text",
    [
        "Malinau Regency kindly requests one thousand five hundred (1,500) pieces of blank e-ID cards.",
        "Nunukan district requests additional e-KTP blanks: 1.500 pieces (one thousand five hundred).",
        "We are requesting 1,500 KTP-el blanks for December.",
    ],
)
def test_an_office_requesting_in_the_third_person(text: str) -> None:
    assert read(text)["requested"] == 1500


def test_a_sentence_in_a_cell_of_its_own_under_a_sheets_table() -> None:
    rows = [
        ("LAPORAN HARIAN PEREKAMAN DAN PENCETAKAN KTP-el",),
        ("TANGGAL : 01 DESEMBER 2026",),
        ("No", "Kecamatan", "Perekaman KTP-el", "Pencetakan KTP-el", "Keterangan"),
        (1, "Nunukan", 41, 35, None),
        (2, "Sebatik", 12, 10, None),
        (None, "JUMLAH", 53, 45, None),
        ("Sisa stok blangko KTP-el di Dinas : 2.140 keping", None, None),
        ("Blangko rusak : 2 keping", None, None),
    ]
    assert table(rows) == {"recorded": 53, "printed": 45, "stock_on_hand": 2140}


def test_the_head_word_of_a_header_under_a_merged_title_says_need_or_ask() -> None:
    rows = [
        ("PERMOHONAN BLANGKO KTP-EL KOTA TARAKAN", None, None, None),
        ("Kecamatan", "Sisa Stok", "Kebutuhan", "Permohonan"),
        ("Tarakan Barat", 120, 600, 480),
        ("Tarakan Timur", 150, 500, 350),
        ("JUMLAH", 270, 1100, 830),
    ]
    assert table(rows) == {"stock_on_hand": 270, "requested": 830}


def test_a_recap_named_by_its_month_is_monthly() -> None:
    text = (
        "FYI rekap Nov dr dashboard SIAK:\n\nTotal Perekaman: 2.871 | Total Cetak: 2.640 | Sisa Blangko: 1.929\n"
        "Rata2/hari: 130 | Hari kerja: 21\n"
    )
    assert read(text) == {"recorded": 2871, "printed": 2640, "stock_on_hand": 1929}


def test_a_large_running_total_in_a_daily_note_is_still_no_days_count() -> None:
    text = "Laporan harian: Total Perekaman: 12.871 | Sisa Blangko: 1.929\n"
    assert "recorded" not in read(text)


# --- English quick requests; a blank sent along with the figure ---------------------------------------


def test_could_you_send_and_down_to_after_an_abbreviation() -> None:
    text = "Could you send us 2k KTP-el blanks? We're down to approx. 600 pcs and the mailbox is down today."
    assert read(text) == {"requested": 2000, "stock_on_hand": 600}


def test_a_blank_sent_along_with_the_figure_is_not_its_blank() -> None:
    text = (
        "Kebutuhan blangko KTP-el kami kurang lebih 2.200 keping, sedangkan stok yang ada 700 keping. Mohon "
        "kekurangannya 1.500 keping nggih, monggo dikirim bersamaan dengan blangko KIA yang sampun disetujui."
    )
    asked = {(c.item, c.value) for c in read_text(text, normalise(text), sent=SENT)[0] if c.field == "requested"}
    assert (None, 1500) in asked or ("ktp-el", 1500) in asked
    assert ("kia", 1500) not in asked


# --- A day's report that also asks, without a figure of its own -----------------------------------------


def _verdict(body: str, subject: str = "Laporan harian"):  # type: ignore[no-untyped-def]
    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS

    raw = (
        "From: capil.nunukan@nunukankab.example\nTo: blangko@x.example\nSubject: " + subject + "\n"
        "Date: Mon, 07 Dec 2026 16:00:00 +0800\n\n" + body
    ).encode()
    return read_message(raw, DISTRICTS)


def test_a_days_report_that_asks_without_a_figure_is_the_report() -> None:
    verdict = _verdict(
        "Laporan 07/12/2026:\nKTP-el : perekaman 151, pencetakan 142, sisa 1.778\n"
        "KIA    : blangko KIA kosong sejak 04/12, pencetakan 0\n\nMohon blangko KIA segera dialokasikan.\n"
    )
    assert (verdict.kind, verdict.stock_on_hand, verdict.printed, verdict.recorded) == ("stock_report", 1778, 142, 151)


def test_a_report_with_a_figure_asked_is_still_a_request() -> None:
    verdict = _verdict(
        "Laporan harian: perekaman 151, pencetakan 142, sisa 300.\nMohon tambahan blangko KTP-el 1.000 keping.\n"
    )
    assert (verdict.kind, verdict.requested) == ("request", 1000)


def test_an_ask_with_stock_but_no_days_work_is_a_request() -> None:
    verdict = _verdict("Sisa blangko KTP-el kami 120 keping. Mohon segera dikirim blangko.\n", "Permohonan")
    assert verdict.kind == "request"


def test_every_figure_said_of_kia_with_ktp_el_named_without_one_is_a_kia_mail() -> None:
    verdict = _verdict(
        "Yth. Desk Blangko, blangko KIA 750 keping sudah diterima lengkap. KTP-el dari pengiriman yang sama "
        "masih dalam perjalanan.\n",
        "Penerimaan blangko KIA",
    )
    assert (verdict.kind, verdict.item, verdict.received) == ("receipt", "kia", 750)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Pak, blangko ktp 500 lg ya utk Tideng Pale. Sisa 40.", {"requested": 500, "stock_on_hand": 40}),
        ("blangko KIA 300 lembar lagi dong bu", {"requested": 300}),
    ],
)
def test_a_count_of_blanks_and_more_please_asks_that_many_more(text: str, wanted: dict[str, int]) -> None:
    assert read(text) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "blangko ktp tinggal 500 lagi ya pak",  # what is left, said by its own word
        "blangko datang 2 hari lagi ya",  # days
        "500 lagi ya pak",  # no blank named
    ],
)
def test_more_please_without_a_count_of_blanks_asks_nothing(text: str) -> None:
    assert "requested" not in read(text)


# --- Answers to the desk's question about the right figure --------------------------------------------


def test_a_question_about_the_right_figure_asks_for_the_role_named_before_it() -> None:
    from mailbot.reader.roles import asked_role

    quoted = normalise(
        "> Laporan harian Kabupaten Nunukan tanggal 07/12/2026 mencantumkan sisa stok 1.778 keping, sedangkan "
        "surat Nomor 470/733/DKPS-NNK/XII/2026 menyebut 1.877 keping. Mohon konfirmasi angka yang benar.\n"
    )
    assert asked_role(quoted) == "stock_on_hand"
    assert asked_role(normalise("> Your message mentions 2,000 and 1,200. Please confirm the quantity requested.")) == (
        "requested"
    )


def test_of_several_figures_in_an_answer_the_one_called_correct_answers() -> None:
    text = "Yes, 2,000 is the correct quantity. The 1,200 was our stock last week; our stock today is 85 pcs."
    candidates, unassigned = read_text(text, normalise(text), answer_role="requested")
    assert settle(current_requests(candidates), unassigned).values == {"requested": 2000, "stock_on_hand": 85}


def test_two_figures_in_an_answer_without_one_called_correct_stay_unclear() -> None:
    text = "Bisa 500 atau 700 keping, terserah Bapak."
    candidates, unassigned = read_text(text, normalise(text), answer_role="requested")
    assert "requested" not in settle(current_requests(candidates), unassigned).values


# --- "Used" glossed by a count's name ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "role"),
    [("Terpakai (Cetak)", "printed"), ("Pencetakan (terpakai)", "printed"), ("Terpakai", "ignore"),
     ("Rusak (terpakai)", "ignore"), ("Stok Akhir (keping)", "stock_on_hand")],
)
def test_used_glossed_by_a_counts_name_is_that_count(header: str, role: str) -> None:
    from mailbot.reader.roles import column_of

    assert column_of(header) == role


def test_used_glossing_a_counts_name_in_a_typed_table() -> None:
    text = "Uraian | KTP-el\nStok awal | 1.240\nPerekaman | 95\nPencetakan (terpakai) | 88\nStok akhir | 1.152\n"
    assert read(text) == {"recorded": 95, "printed": 88, "stock_on_hand": 1152}


@pytest.mark.parametrize(
    "text",
    [
        "Mohon 1.000 keping, kalau tidak bisa ya sudah 800 saja.",
        "We request 2,000 KTP-el blanks, or at least 1,500 if that is not possible.",
    ],
)
def test_a_figure_offered_in_case_the_first_cannot_be_had_leaves_the_request_open(text: str) -> None:
    assert "requested" not in read(text)


def test_a_rest_asked_to_be_sent_beside_a_receipt_is_no_stock() -> None:
    values = read("Blangko sdh sampe 1.500 kpg, sisa yg 500 kpg lg ya pak mohon dikirim.")
    assert values.get("received") == 1500 and "stock_on_hand" not in values


def test_a_stock_beside_a_receipt_and_an_ask_stays() -> None:
    values = read("Blangko 1.500 kpg sudah kami terima. Sisa stok kami 2.100 keping, mohon dikirim KIA juga.")
    assert values.get("stock_on_hand") == 2100


@pytest.mark.parametrize(
    "text",
    [
        "Stock 1,250 pcs as at 30 Nov. Printed 112 today. Last month we received 3,000.",
        "Sisa stok 1.250 keping. Bulan lalu kami terima 2.000 keping dari provinsi.",
    ],
)
def test_a_sentence_opened_by_a_past_period_tells_that_periods_figures(text: str) -> None:
    values = read(text)
    assert "received" not in values and values["stock_on_hand"] == 1250


def test_a_receipt_said_of_today_is_read() -> None:
    assert read("Hari ini kami terima 2.000 keping dari provinsi. Bulan lalu tidak ada kiriman.")["received"] == 2000


# --- A total opening the sentence after the figures it adds up ---------------------------------------


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Stok di gudang 1.500 keping, di kecamatan 200 keping. Total 1.700 keping.", {"stock_on_hand": 1700}),
        ("Perekaman dalam gedung 80, jemput bola 40. Jumlah 120.", {"recorded": 120}),
        ("Stok di gudang 1.500 keping, di kecamatan 200 keping. Total 1.900 keping.", {}),  # does not add up
        ("Sisa KTP-el 1.500 keping, KIA 200 lembar. Total 1.700.", {}),  # two blanks: no total of one
    ],
)
def test_a_total_opening_the_next_sentence(text: str, wanted: dict[str, int]) -> None:
    candidates, unassigned = read_text(text, normalise(text), sent=SENT)
    values = settle(current_requests(candidates), unassigned).values
    assert {k: v for k, v in values.items() if k in wanted or not wanted} == wanted


# --- A shipment between two other parties -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Perihal Monitoring Ketersediaan Blangko, serta memperhatikan informasi pengiriman 45.000 keping blangko "
        "KTP-el dari Kementerian Dalam Negeri ke Provinsi Kalimantan Utara, kami laporkan: sisa blangko 1.778 keping.",
        "Stok di kami 1.778 keping; info tambahan stok 30.000 keping dari Kemendagri untuk Provinsi minggu ini.",
    ],
)
def test_a_shipment_between_two_other_parties_is_theirs(text: str) -> None:
    assert read(text) == {"stock_on_hand": 1778}


def test_a_shipment_from_the_province_to_us_is_ours() -> None:
    assert read("Kami terima 2.000 keping dari Provinsi kepada Disdukcapil kami hari ini.")["received"] == 2000


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Laporan harian Malinau. Rekam 67 cetak 61 sosa 1.512",
            {"recorded": 67, "printed": 61, "stock_on_hand": 1512},
        ),
        ("Lapiran harian tgl 6: perekam an 102, cetakan 95, sisi stok 1.210 keeping.", {"recorded": 102}),
    ],
)
def test_a_phones_autocorrect_of_the_role_words(text: str, wanted: dict[str, int]) -> None:
    values = read(text)
    assert {k: values.get(k) for k in wanted} == wanted


@pytest.mark.parametrize(
    "text",
    [
        "Proyeksi stok akhir Desember: 500\nStok akhir November: 1.510\n",  # a forecast
        "Stok akhir Desember: 500\nStok akhir November: 1.510\n",  # this month's close, five days in
    ],
)
def test_a_forecast_of_a_month_is_no_months_figure(text: str) -> None:
    assert read(text, datetime(2026, 12, 5, 9, 0)) == {}


def test_a_months_closing_stock_in_its_last_week_is_its_figure() -> None:
    text = "Stok akhir bulan Oktober 2026 : 2.360 keping\nStok akhir bulan November 2026: 1.510 keping\n"
    assert read(text, datetime(2026, 11, 28, 23, 0)) == {"stock_on_hand": 1510}


# --- English stock after its figure; a month's running total --------------------------------------------


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Hi, we have 350 KTP-el blanks in stock and need 1,000 more next month.", {"stock_on_hand": 350}),
        ("KIA blanks: 0 left. Need 500 urgently.", {"stock_on_hand": 0, "requested": 500}),
        ("Printed this month to date: 1,950. Printed today: 95. Stock: 880.", {"printed": 95, "stock_on_hand": 880}),
    ],
)
def test_english_stock_after_its_figure_and_a_running_total(text: str, wanted: dict[str, int]) -> None:
    values = read(text)
    assert {k: values.get(k) for k in wanted} == wanted


def test_one_person_left_is_no_stock() -> None:
    assert "stock_on_hand" not in read("1 operator left the office early; we printed 80 cards today.")


# --- A target as the need of a shortfall asked ----------------------------------------------------------


def test_a_target_is_the_need_of_a_shortfall_asked_when_no_need_is_stated() -> None:
    text = "Target penerbitan KIA Desember 1.000 anak, stok blangko KIA kami 350 keping. Mohon dipenuhi kekurangannya."
    assert read(text)["requested"] == 650


@pytest.mark.parametrize(
    "text",
    [
        # A need stated: the target is no need.
        "Target KIA 2026 12.000 anak. Kebutuhan Desember 1.000 keping, stok 350. Mohon kekurangannya.",
        # No shortfall asked: the target asks nothing.
        "Target penerbitan KIA Desember 1.000 anak, stok blangko KIA kami 350 keping.",
        # Two targets: which one, a clerk asks.
        "Target KIA 1.000 anak, target KTP-el 2.000 orang, stok 350. Mohon dipenuhi kekurangannya.",
    ],
)
def test_a_target_is_no_need_otherwise(text: str) -> None:
    assert read(text).get("requested") in (None, 650)
    if "Kebutuhan" not in text:
        assert "requested" not in read(text)


def test_a_years_target_is_no_need_of_a_shortfall() -> None:
    text = "Target perekaman tahun 2026: 12.000 jiwa, stok blangko kami 350 keping. Mohon dipenuhi kekurangannya."
    assert "requested" not in read(text)
