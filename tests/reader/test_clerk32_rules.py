"""Rules for the year-end stock count: Malay spellings of the border posts (months, "baki",
"bekalan"), packages of an unstated size, a journalist quoting a district's figure, and a spreadsheet saved by
LibreOffice (.ods); each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail
from tests.reader.sheets import ods, ods_mail

NUNUKAN = "UPT Sebatik <capil.nunukan@nunukankab.example>"


def test_a_malay_month_dates_a_stock_and_its_day_is_no_figure() -> None:
    read = mail(NUNUKAN, "Baki stok", "Baki stok blangko KTP-el as of 30 Dis 2033: 615 keping. Tq.")
    assert read["stock_on_hand"] == 615


def test_a_new_supply_asked_in_malay_makes_a_request() -> None:
    read = mail(NUNUKAN, "Stok kad",
                "Baki stok blangko KTP-el 410 keping. Please advise bila boleh hantar bekalan baru.")
    assert read["kind"] == "request" and read["stock_on_hand"] == 410


def test_thanks_for_a_years_supply_asks_for_nothing() -> None:
    read = mail("Rosnah <rosnah.k@gmail.com>", "Salam Tahun Baru",
                "Terima kasih atas bekalan kad sepanjang tahun lepas. Semoga sihat selalu.")
    assert read["kind"] == "other"


def test_baki_is_the_stock_left_and_the_ktp_el_balance_is_the_reports() -> None:
    read = mail(NUNUKAN, "Laporan minggu 3",
                "Cetakan KIA minggu ini 120 keping, baki kad KIA sebanyak 640 keping.\n"
                "Kad KTP-el pula baki 455 keping.")
    assert read["item"] == "ktp-el" and read["stock_on_hand"] == 455 and read["printed"] is None


def test_rakaman_is_the_days_recording_and_damaged_cards_are_no_stock() -> None:
    read = mail(NUNUKAN, "Laporan harian", "Rakaman 39, cetakan 36.\nKad rosak 3 keping.\nBaki stok 1.310 keping.")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (39, 36, 1310)


def test_boxes_of_an_unstated_size_are_no_stock() -> None:
    read = mail(NUNUKAN, "Kad KIA", "Baki kad KIA tinggal 4 kotak je. Mohon tambah 600 keping.")
    assert read["requested"] == 600 and read["stock_on_hand"] is None


def test_a_journalist_asking_to_confirm_a_districts_figure_is_no_district_mail() -> None:
    read = mail("Redaksi <redaksi.kabarutara@gmail.com>", "Konfirmasi berita: stok blangko Malinau",
                "Selamat siang, saya dari portal Kabar Utara. Warga Mentarang mengeluh blangko KTP-el di Malinau "
                "habis sejak pekan lalu. Mohon tanggapan provinsi.")
    assert read["kind"] == "other" and read["stock_on_hand"] is None and read["district"] is None


# --- A spreadsheet saved by LibreOffice (.ods) and a stock count's minutes ---------------------------------------

def _lap(rows: list[tuple[object, ...]], body: str) -> dict[str, object]:
    """A district operator's report with its sheet as LibreOffice saves it (lap.ods), read."""
    return ods_mail(ods(rows, padded=True), sender="operator.bulungan@bulungankab.example", subject="Laporan",
                    body=body, filename="lap.ods")


def test_an_ods_report_is_read_as_a_sheet_title_rows_above_its_header() -> None:
    read = _lap([("LAPORAN HARIAN",), ("Kab. Bulungan",), ("Tanggal", "Perekaman", "Pencetakan", "Sisa Blangko"),
                 ("16/01/2034", 66, 61, 1544), ("17/01/2034", 58, 52, 1492)],
                "Terlampir laporan harian (file LibreOffice).")
    assert (read["kind"], read["stock_on_hand"], read["printed"], read["recorded"]) == ("stock_report", 1492, 52, 58)


def test_the_physical_count_of_a_stock_opname_sheet_is_the_stock_not_the_siak_balance() -> None:
    read = _lap([("BERITA ACARA STOCK OPNAME",), ("Jenis", "Saldo SIAK", "Fisik", "Selisih"),
                 ("KTP-el", 2040, 2031, 9), ("KIA", 610, 604, 6)],
                "Terlampir BA stock opname per 31 Desember.")
    assert (read["item"], read["stock_on_hand"]) == ("ktp-el", 2031)


def test_a_pasted_table_of_system_and_physical_counts_gives_the_physical_count() -> None:
    read = mail("Disdukcapil Tarakan <disdukcapil@tarakankota.example>", "Hasil stock opname",
                "Hasil stock opname akhir tahun:\n\nJenis\tSaldo Sistem\tHitung Fisik\tSelisih\n"
                "KTP-el\t1.733\t1.726\t-7\nKIA\t522\t530\t+8\n\nBA menyusul via pos.")
    assert (read["item"], read["stock_on_hand"]) == ("ktp-el", 1726)


# --- An ask for the other blank in a postscript --------------------------------------------------------------

TANA_TIDUNG = "Operator <disdukcapil@tanatidungkab.example>"


def test_a_postscript_asking_for_kia_under_a_ktp_el_report_is_a_kia_request() -> None:
    read = mail(TANA_TIDUNG, "Laporan harian",
                "Perekaman KTP-el 21, pencetakan KTP-el 19, sisa blangko KTP-el 812.\n\nSalam,\nOperator\n\n"
                "PS: KIA tinggal 35 keping juga, kalau bisa sekalian dikirim 250 keping.")
    assert (read["item"], read["requested"], read["stock_on_hand"], read["printed"]) == ("kia", 250, 35, None)


def test_a_sentence_opened_by_the_other_blank_gives_its_ask_that_blank() -> None:
    read = mail(TANA_TIDUNG, "Laporan harian",
                "Sisa blangko KTP-el 1.204 keping.\nStok blangko KIA tinggal 60 keping, mohon dikirim 400 keping.")
    assert (read["item"], read["requested"], read["stock_on_hand"]) == ("kia", 400, 60)


def test_a_kia_ask_under_a_signature_naming_ktp_el_is_a_kia_request() -> None:
    read = mail("Seksi Cetak <disdukcapil@tarakankota.example>", "Stok KIA habis",
                "Selamat siang,\n\nStok blangko KIA kami habis sejak Senin. Mohon dikirim 1.800 keping.\n\n--\n"
                "Seksi Pendataan & Cetak KTP-el\nDisdukcapil Kota Tarakan")
    assert (read["item"], read["requested"], read["stock_on_hand"]) == ("kia", 1800, 0)


def test_a_one_figure_reply_to_the_desks_ask_for_information_on_the_stock_is_the_stock() -> None:
    read = mail("Kadis <disdukcapil@malinaukab.example>", "Re: Sisa stok",
                "1850.\n\nKadis\n\nPada Rab, 11 Jan 2034 Desk Blangko menulis:\n\n> Yth. Disdukcapil,\n"
                "> Mohon informasi sisa stok blangko KTP-el saat ini.\n> Terima kasih.")
    assert (read["kind"], read["stock_on_hand"]) == ("stock_report", 1850)


def test_the_ask_for_the_rest_of_a_shipment_partly_arrived_belongs_to_its_receipt() -> None:
    read = mail("Admin <disdukcapil@nunukankab.example>", "Penerimaan sebagian",
                "Blangko KTP-el telah kami terima sebanyak 1.500 keping dari 3.000 keping yang disetujui. "
                "Mohon kekurangan 1.500 keping dapat dikirim pada pengiriman berikutnya.")
    assert (read["kind"], read["received"], read["requested"]) == ("receipt", 1500, None)


def test_a_receipt_then_a_new_ask_for_want_of_blanks_is_still_a_request() -> None:
    read = mail("Admin <disdukcapil@nunukankab.example>", "Blangko",
                "Kiriman 1.000 keping sudah kami terima. Kami masih kekurangan blangko, mohon dikirim lagi.")
    assert read["kind"] == "request"


def test_some_of_a_shipment_broken_is_a_defect_not_a_second_receipt() -> None:
    read = mail("Seksi Cetak <disdukcapil@tarakankota.example>", "Blangko diterima",
                "Kak, kiriman blangko KTP-el 1.500 keping sudah sampai jam 10.30 tadi, 4 keping ada yang retak "
                "sudutnya, fotonya terlampir.")
    assert (read["kind"], read["received"]) == ("receipt", 1500)


def test_an_ask_that_leaves_the_amount_to_the_desk_is_a_request_without_a_figure() -> None:
    read = mail("Kadis <disdukcapil@malinaukab.example>", "Blangko KTP", "Kirimkan sesuai kebutuhan saja.\n\nKadis")
    assert (read["kind"], read["item"], read["requested"]) == ("request", "ktp-el", None)


def test_a_weeks_report_sent_as_a_shared_sheets_link_is_a_report_with_no_figure() -> None:
    read = mail("Seksi Cetak <disdukcapil@tarakankota.example>", "Laporan minggu ke-3",
                "Kak, laporan mingguan sudah saya update di sheet bersama:\n"
                "https://docs.google.com/spreadsheets/d/9XkLmQ2/edit\n\nTerima kasih")
    assert (read["kind"], read["stock_on_hand"]) == ("stock_report", None)


def test_an_ask_for_something_if_there_is_one_asks_for_a_paper_not_blanks() -> None:
    read = mail("Admin <disdukcapil@nunukankab.example>", "Format BA",
                "Yth. Bapak/Ibu,\n\nApakah provinsi punya contoh baku berita acara stock opname blangko? "
                "Mohon dikirim jika ada.\n\nAdmin")
    assert read["kind"] == "other" and read["requested"] is None


def test_an_ods_sheet_past_the_row_limit_is_refused_and_a_declared_document_type_is_not_read() -> None:
    import pytest

    from mailbot.errors import LimitExceeded
    from mailbot.reader.mime import ReadLimits, read_ods

    rows: list[tuple[object, ...]] = [("Tanggal", "Perekaman")] + [(f"{d:02d}/01/2034", 40 + d) for d in range(1, 9)]
    # the padding cells and the million empty rows spread no further
    assert len(read_ods(ods(rows, padded=True))[0]) == 9
    with pytest.raises(LimitExceeded):
        read_ods(ods(rows, padded=True), ReadLimits(max_spreadsheet_rows=5))
    with pytest.raises(ValueError):
        read_ods(ods(rows, padded=True, prolog='<!DOCTYPE x [<!ENTITY a "aaaa">]>'))
