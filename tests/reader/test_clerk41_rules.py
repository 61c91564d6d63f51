"""Rules for the monthly reporting season: a month's figures beside their running totals ("Bulan ini | s.d.
bulan ini"), recaps with a column per month, a kecamatan's stock in its own forwarded words, and a subject's
"habis" against a body that says some is left. Each test is a short mail with its own words."""

from __future__ import annotations

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, mail
from tests.reader.test_clerk22_rules import workbook_mail

NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"
BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


# --- A month's figures beside running totals -------------------------------------------------


def test_a_numbered_table_reads_the_months_column_not_the_running_totals() -> None:
    read = mail(TARAKAN, "Laporan Oktober",
                "Laporan bulan Oktober:\n\n"
                "No | Kegiatan | s.d. Bulan Lalu | Bulan Ini | s.d. Bulan Ini\n"
                "No | Kegiatan | (1) | (2) | (1+2)\n"
                "1 | Perekaman KTP-el | 14.220 | 1.305 | 15.525\n"
                "2 | Pencetakan KTP-el | 13.870 | 1.264 | 15.134\n"
                "3 | Stok blangko | 2.380 | |\n\nFajar")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (1305, 1264, 2380)


def test_a_typed_table_with_a_cumulative_column_reads_the_month() -> None:
    read = mail(MALINAU, "Laporan bulanan",
                "Dengan hormat, laporan bulan ini:\n\n"
                "Kegiatan              Bulan ini     Kumulatif s.d. bulan ini\n"
                "Rekam KTP-el              612           7.340\n"
                "Cetak KTP-el              598           7.015\n\n"
                "Sisa blangko 980 keping.\nHormat kami")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (612, 598, 980)


# --- A column per month ----------------------------------------------------------------------


def test_month_columns_oldest_first_read_the_latest_month() -> None:
    read = mail(MALINAU, "Rekap Juli-Oktober",
                "Rekap empat bulan:\n\n"
                "| Uraian   | Juli | Agustus | September | Oktober |\n"
                "|----------|------|---------|-----------|---------|\n"
                "| Rekam    | 288  |   301   |    276    |   295   |\n"
                "| Cetak    | 280  |   297   |    270    |   289   |\n"
                "| Sisa     | 1.910| 1.613   |  1.343    | 1.054   |\n")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (295, 289, 1054)


def test_month_columns_newest_first_read_the_latest_month() -> None:
    read = mail(BULUNGAN, "Rekap",
                "Rekap (bulan terakhir di depan):\n\n"
                "Uraian       Okt 2026    Sep 2026    Agu 2026\n"
                "Rekam            722         690         705\n"
                "Cetak            715         684         699\n"
                "Sisa blangko   2.118       2.833       3.517\n")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (722, 715, 2118)


def test_month_columns_across_a_new_year_with_no_year_say_no_latest_month() -> None:
    read = mail(BULUNGAN, "Rekap",
                "Rekap:\n\n"
                "Uraian       Nov      Des      Jan\n"
                "Rekam        722      690      705\n"
                "Cetak        715      684      699\n"
                "Sisa blangko 2.118    1.434    3.517\n")
    assert read["printed"] != 715 and read["printed"] != 684


# --- A kecamatan's stock in its forwarded words ----------------------------------------------


def test_a_stock_said_to_lie_at_the_kecamatan_is_not_the_districts() -> None:
    read = mail(NUNUKAN, "Fwd: blangko Kec. Lumbis",
                "Tolong dikirim 300 keping KTP-el untuk Kec. Lumbis, sesuai pesan di bawah.\n\n"
                "---------- Forwarded message ---------\nFrom: Petrus <petrus.lumbis@gmail.com>\n"
                "Subject: blangko\n\nsiang bu, kami Kec. Lumbis minta 300 keping ktp-el, sisa di kecamatan "
                "20 keping saja.")
    assert read["requested"] == 300 and read["stock_on_hand"] is None


# --- Out in the subject, low in the body -----------------------------------------------------


def test_a_subjects_out_against_a_bodys_low_stock_gives_no_stock() -> None:
    read = mail(MALINAU, "stok habis", "pak blangko sisa sedikit, tolong dikirim minggu ini ya")
    assert read["stock_on_hand"] is None


def test_a_subjects_out_against_a_bodys_estimate_quotes_the_estimate_too() -> None:
    # was: only the subject quoted, "URGENT - blangko habis", which holds no figure
    read = mail(TARAKAN, "URGENT - blangko habis",
                "Izin pak, blangko ktp-el kami hampir HABIS, sisa estimasi +/- 300 keping (belum dihitung ulang).\n"
                "Mohon dikirim 2.500 keping.")
    assert read["stock_on_hand"] is None
    assert read["doubts"] == [{"field": "stock_on_hand", "reason": "conflict", "text": (
        "URGENT - blangko habis / blangko ktp-el kami hampir HABIS, sisa estimasi +/- 300 keping (belum dihitung "
        "ulang)")}]


def test_a_blank_out_beside_the_other_blank_low_is_still_out() -> None:
    read = mail(MALINAU, "stok", "pak blangko KIA sudah habis, KTP-el tinggal sedikit. Mohon dikirim KIA 500 keping")
    assert read["stock_on_hand"] == 0 and read["item"] == "kia"


def test_a_kecamatans_mail_under_an_outlook_header_yields_to_the_districts_own_figures() -> None:
    read = mail(TARAKAN, "Fw: blangko KIA Kec. Tarakan Utara",
                "Kami teruskan. Untuk kota mohon 600 keping KIA, sisa gudang kota 210.\n\nFajar\n\n"
                "________________________________\nFrom: Kec Tarakan Utara <kec.taru@gmail.com>\n"
                "Sent: 02 December 2026 09:05\nSubject: KIA\n\nMohon KIA 90 lembar, sisa 7.")
    assert (read["requested"], read["stock_on_hand"]) == (600, 210)


# --- Cards bent in transport -----------------------------------------------------------------


def test_cards_said_bent_after_a_receipt_are_no_second_receipt() -> None:
    read = mail(MALINAU, "Re: kiriman KTP-el",
                "Selamat siang, blangko KTP-el 2.400 keping sudah kami terima dengan baik, hanya 5 keping tertekuk.")
    assert read["received"] == 2400


# --- A past delivery given as a reason -------------------------------------------------------


def test_a_question_with_last_months_late_delivery_as_its_reason_is_no_receipt() -> None:
    read = mail(MALINAU, "Jadwal kiriman",
                "Selamat siang, kapan jadwal kiriman blangko ke Malinau bulan ini? Kami tanya karena bulan lalu "
                "kiriman kami baru sampai tanggal 23.")
    assert read["kind"] == "other"


# --- A line per kecamatan with the same counts -----------------------------------------------


def test_lines_per_kecamatan_with_no_total_line_are_summed() -> None:
    read = mail(NUNUKAN, "laporan mingguan",
                "Laporan minggu ini:\nKec. Lumbis: rekam 44, cetak 40\nKec. Sembakung: rekam 31, cetak 29\n"
                "Kec. Sebatik Barat: rekam 25, cetak 22\n\nSisa blangko 1.640 keping.")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (100, 91, 1640)


def test_lines_per_kecamatan_closed_by_a_total_line_give_the_total() -> None:
    read = mail(NUNUKAN, "laporan mingguan",
                "Laporan minggu ini:\nKec. Lumbis: rekam 44, cetak 40\nKec. Sembakung: rekam 31, cetak 29\n"
                "Jumlah: rekam 75, cetak 69\n\nSisa blangko 1.640 keping.")
    assert (read["recorded"], read["printed"]) == (75, 69)


# --- Sheets with a column per month ----------------------------------------------------------


def test_a_sheet_with_a_column_per_month_gives_the_latest_months_counts() -> None:
    rows: list[tuple[object, ...]] = [
        ("REKAP BULANAN", None, None, None), (None, None, None, None),
        ("Uraian", "Agustus", "September", "Oktober"),
        ("Perekaman", 512, 498, 530), ("Pencetakan", 505, 490, 521), ("Sisa blangko", 3010, 2520, 1999),
    ]
    verdict = read_message(workbook_mail({"KTP-el": rows}), DISTRICTS)
    assert (verdict.recorded, verdict.printed, verdict.stock_on_hand) == (530, 521, 1999)


def test_two_month_columns_beside_a_running_total_give_the_latest_month() -> None:
    rows: list[tuple[object, ...]] = [
        ("LAPORAN", None, None, None), (None, None, None, None),
        ("Uraian", "Juli", "Agustus", "Jumlah s.d. Agustus"),
        ("Perekaman", 610, 580, 1190), ("Pencetakan", 600, 575, 1175), ("Sisa blangko akhir bulan", 2200, 1625, None),
    ]
    verdict = read_message(workbook_mail({"Data": rows}), DISTRICTS)
    assert (verdict.recorded, verdict.printed, verdict.stock_on_hand) == (580, 575, 1625)



def test_a_ledger_of_months_from_an_opening_stock_gives_only_its_closing_stock() -> None:
    rows: list[tuple[object, ...]] = [
        ("MUTASI BLANGKO", None, None, None), (None, None, None, None),
        ("Uraian", "Agustus", "September", "Oktober"),
        ("Stok awal", 3000, 2480, 2960), ("Penerimaan", 1000, 2000, 1000), ("Pencetakan", 1520, 1520, 1610),
        ("Stok akhir", 2480, 2960, 2350),
    ]
    verdict = read_message(workbook_mail({"Mutasi": rows}), DISTRICTS)
    assert (verdict.printed, verdict.received, verdict.stock_on_hand) == (None, None, 2350)


def test_a_stock_line_under_a_sheets_total_row_in_its_date_column_is_the_stock() -> None:
    rows: list[tuple[object, ...]] = [
        ("REKAP HARIAN", None, None), ("Tanggal", "Perekaman", "Pencetakan"),
        ("01/09/2026", 50, 48), ("02/09/2026", 61, 57), ("JUMLAH", 111, 105),
        ("Sisa blangko per 02/09/2026", 1340, None),
    ]
    verdict = read_message(workbook_mail({"Rekap": rows}), DISTRICTS)
    assert (verdict.recorded, verdict.printed, verdict.stock_on_hand) == (111, 105, 1340)


def test_stock_lines_of_a_sheet_per_office_are_parts_of_the_stock() -> None:
    def office(name: str, stock: int) -> list[tuple[object, ...]]:
        return [
            (f"REKAP HARIAN - {name}", None, None), ("Tanggal", "Perekaman", "Pencetakan"),
            ("01/09/2026", 50, 48), ("02/09/2026", 61, 57), ("JUMLAH", 111, 105),
            ("Sisa blangko per 02/09/2026", stock, None),
        ]
    summary: list[tuple[object, ...]] = [
        ("REKAPITULASI", None, None), ("Kantor", "Perekaman", "Sisa KTP-el"),
        ("Dinas", 111, 900), ("UPT Lumbis", 111, 140), ("TOTAL", 222, 1040),
    ]
    verdict = read_message(workbook_mail({"Dinas": office("DINAS", 900), "UPT": office("UPT LUMBIS", 140),
                                          "Rekap": summary}), DISTRICTS)
    assert verdict.stock_on_hand == 1040

# --- A span of days is no date with a year ---------------------------------------------------


def test_a_span_of_days_in_a_month_is_not_read_as_a_two_digit_year() -> None:
    read = mail(NUNUKAN, "laporan", "Laporan minggu I Desember (1-4/12):\nrekam 40, cetak 38, sisa 900")
    assert read["report_date"] != "2012-04-01"


# --- An amount said to be enough -------------------------------------------------------------


def test_an_amount_said_to_be_enough_is_the_ask() -> None:
    read = mail(MALINAU, "Blangko Malinau",
                "Selamat siang, kabarnya kabupaten lain dapat banyak. Untuk Malinau cukup 600 keping saja. "
                "Sisa kami 250 keping.")
    assert (read["kind"], read["requested"], read["stock_on_hand"]) == ("request", 600, 250)


def test_a_stock_said_to_be_enough_is_no_ask() -> None:
    read = mail(MALINAU, "Laporan", "Stok kami cukup 900 keping saja untuk minggu ini, rekam 40, cetak 38.")
    assert read["requested"] is None
