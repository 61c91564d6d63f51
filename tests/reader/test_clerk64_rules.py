"""Rules for a school-year month's mail: a stock line closing a daily sheet with no total row, a shipment said
inside the brackets that explain a stock, a receipt of one blank beside the other blank's stock, and a need whose
ask the writer puts off; each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail, read_plain

BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


def test_a_stock_line_closing_a_weekly_csv_without_a_total_row_is_the_stock_and_the_days_are_summed() -> None:
    read = read_plain(
        "Rekap mingguan 9-11 Agustus",
        "Selamat sore, rekap mingguan terlampir (ekspor SIAK).\n\nSalam,\nNur",
        sender=TARAKAN,
        csv="tgl,lokasi,rekam,cetak\n09/08/2027,semua,61,58\n10/08/2027,semua,70,66\n11/08/2027,semua,49,47\n"
            ",,,\nstok_blangko_akhir,,,2218\n",
    )
    assert read.kind == "stock_report"
    assert (read.stock_on_hand, read.printed, read.recorded) == (2218, 171, 180)


def test_a_receipt_inside_the_brackets_after_the_stock_explains_it_and_is_no_receipt() -> None:
    read = mail(
        BULUNGAN, "Lap mingguan",
        "Laporan minggu ini: perekaman 204, pencetakan 198. Stok akhir 2.410 keping (stok awal 608 + 2.000 "
        "diterima Selasa).",
    )
    assert read["kind"] == "stock_report"
    assert read["stock_on_hand"] == 2410 and read["received"] is None and read["printed"] == 198


def test_an_english_opening_and_receipt_in_the_stocks_brackets_is_no_receipt() -> None:
    read = mail(
        TARAKAN, "Daily report",
        "Recorded 57, printed 55. Closing stock 1,946 pcs (opening 1,001 + 1,000 received).",
    )
    assert read["stock_on_hand"] == 1946 and read["received"] is None


def test_a_bracketed_note_under_a_days_report_that_a_shipment_is_in_the_stock_is_no_receipt() -> None:
    read = mail(
        NUNUKAN, "Laporan harian",
        "Rekam 52, cetak 50, sisa blangko 1.310 keping.\n(kiriman 700 keping tgl 2 sudah kami terima, sdh masuk stok)",
    )
    assert read["kind"] == "stock_report"
    assert read["stock_on_hand"] == 1310 and read["received"] is None and read["recorded"] == 52


def test_a_receipts_own_count_in_brackets_stays_the_receipt() -> None:
    read = mail(
        NUNUKAN, "Blangko sudah sampai",
        "Kiriman blangko KTP-el sudah kami terima hari ini.\n(diterima 1.200 keping)\nSisa stok sekarang 1.450.",
    )
    assert read["kind"] == "receipt" and read["received"] == 1200


def test_a_receipt_of_kia_beside_the_ktp_el_stock_is_a_kia_receipt() -> None:
    read = mail(
        BULUNGAN, "KIA sudah datang",
        "Siang pak, blangko KIA 900 lembar sudah kami terima pagi ini, kondisi baik semua.\n"
        "Oh iya, stok KTP-el kami per hari ini 1.644.",
    )
    assert read["kind"] == "receipt" and read["item"] == "kia"
    assert read["received"] == 900 and read["stock_on_hand"] is None
    assert read["readings"]["ktp-el"]["stock_on_hand"] == 1644


def test_a_need_whose_ask_is_put_off_with_the_stock_as_reason_is_a_question() -> None:
    read = mail(
        "Rahmat <rahmat.capil@yahoo.example>", "permintaan blangko pemula",
        "Bu, utk perekaman pemula bulan depan kami perlu kira2 dua ribu keping, tapi stok masih 1.900 jadi "
        "belum kami ajukan sekarang. Mau tanya saja, kiriman bulan depan jadwalnya kapan?\n\nRahmat\n"
        "Disdukcapil Kab. Nunukan",
    )
    assert read["kind"] == "other" and read["stock_on_hand"] is None and read["requested"] is None


def test_kia_named_after_the_figures_only_to_say_who_reports_it_leaves_a_ktp_el_report_under_a_phone_number() -> None:
    read = mail(
        NUNUKAN, "Lap harian",
        "Lap hari ini (Selasa 3/8): rekam 96, cetak 91, sisa 2.215.\nUtk KIA nanti Pak Budi yg lapor.\n\n"
        "Salam,\nAgus S.\nDisdukcapil Nunukan\n0812-5501-3377",
    )
    assert read["kind"] == "stock_report" and read["item"] == "ktp-el"
    assert read["stock_on_hand"] == 2215 and read["printed"] == 91


def test_an_earlier_ask_said_to_be_inside_the_gap_asked_leaves_the_need_less_the_stock() -> None:
    read = mail(
        BULUNGAN, "Permohonan blangko KIA",
        "Selamat pagi, kebutuhan blangko KIA utk posyandu kami hitung 1.450 keping. Sisa blangko KIA 260 keping.\n"
        "Mohon dikirimkan kekurangannya.\n\nSenin kemarin Bu Kasi sempat minta 400 lewat WA, itu sudah termasuk "
        "di sini ya.",
    )
    assert read["kind"] == "request" and read["requested"] == 1190 and read["stock_on_hand"] == 260



def test_an_ask_for_a_printer_or_a_technician_with_the_stock_enough_is_other() -> None:
    read = mail(
        TARAKAN, "Permohonan bantuan teknisi",
        "Yth. Bapak/Ibu,\n\nPrinter kartu kami macet sejak Senin. Mohon kiranya Provinsi dapat mengirimkan teknisi "
        "atau meminjamkan 1 unit printer. Blangko masih cukup.\n\nHormat kami,\nSeksi PIAK Kota Tarakan",
    )
    assert read["kind"] == "other" and read["requested"] is None


def test_an_ask_for_blanks_beside_a_mended_printer_stays_a_request() -> None:
    read = mail(
        TARAKAN, "Blangko",
        "Pak, mohon dikirimkan blangko KTP-el secepatnya karena printer sudah diperbaiki teknisi.",
    )
    assert read["kind"] == "request"


def test_one_blank_not_asked_yet_beside_an_ask_for_the_other_leaves_the_ask() -> None:
    read = mail(
        BULUNGAN, "Permohonan blangko",
        "Dengan hormat, kami mohon blangko KTP-el sebanyak 1.200 keping (sisa 310 keping). Untuk KIA stok masih "
        "cukup, jadi belum kami ajukan.",
    )
    assert read["kind"] == "request" and read["item"] == "ktp-el" and read["requested"] == 1200


def test_a_reconciliation_table_with_a_row_per_blank_stays_a_ktp_el_report() -> None:
    read = mail(
        NUNUKAN, "Rekonsiliasi blangko Juli",
        "Bersama ini kami sampaikan rekonsiliasi persediaan blangko:\n\n"
        "Jenis Blangko | Saldo Awal | Penerimaan | Pemakaian | Saldo Akhir\n"
        "KTP-el        | 2.400      | 0          | 910       | 1.490\n"
        "KIA           | 150        | 500        | 320       | 330\n",
    )
    assert read["item"] == "ktp-el" and read["stock_on_hand"] == 1490
