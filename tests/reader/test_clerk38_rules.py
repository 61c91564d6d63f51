"""Rules for mail in a shortage of printer supplies: packs and boxes count blanks only with the size of one stated,
a flow line's empty cell lends its word to no figure, supplies counted in pieces are no blanks, accounts of a system
are no count of work, and a figure called off in a reply is not the one asked. Each test is a short mail with its
own words."""

from __future__ import annotations

from tests.reader.conftest import mail

BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


# --- Packs and boxes --------------------------------------------------------------------------


def test_packs_with_the_size_of_one_stated_in_the_mail_count_blanks() -> None:
    read = mail(MALINAU, "Permohonan blangko",
                "Selamat siang bu, blangko KTP-el kami sisa 6 pak (1 pak = 50 keping). Mohon dikirimi 30 pak.")
    assert read["stock_on_hand"] == 300 and read["requested"] == 1500


def test_packs_sized_as_so_many_per_pack_count_blanks() -> None:
    read = mail(BULUNGAN, "Permintaan", "Mohon dikirim blangko KIA 8 pak (250 per pak). Terima kasih.")
    assert read["requested"] == 2000


def test_packs_sized_by_a_count_per_pack_in_the_text_count_blanks() -> None:
    read = mail(BULUNGAN, "Permintaan", "Mohon dikirim 8 pak blangko KIA, 250 keping per pak. Terima kasih.")
    assert read["requested"] == 2000


def test_the_size_of_one_box_in_brackets_is_no_total_of_the_boxes() -> None:
    read = mail(TARAKAN, "Stok", "Stok KTP-el kami 2 dus (400 keping per dus), cetak hari ini 35.")
    assert read["stock_on_hand"] == 800 and read["printed"] == 35


def test_packs_and_boxes_of_two_sizes_each_sized_in_brackets() -> None:
    read = mail(MALINAU, "Permintaan blangko",
                "Stok KTP-el tinggal 3 pak (100 per pak). Mohon dikirim 2 dus (500/dus).")
    assert read["stock_on_hand"] == 300 and read["requested"] == 1000


def test_the_size_of_a_pack_is_not_the_size_of_a_box() -> None:
    read = mail(MALINAU, "Minta blangko", "Sisa kami 2 pak saja, isi 100 per pak. Minta 5 box dulu ya pak.")
    assert read["stock_on_hand"] == 200 and read["requested"] is None


def test_packs_of_blanks_with_no_size_stated_count_no_blanks() -> None:
    read = mail(TARAKAN, "Permintaan blangko", "Mohon dikirim 12 pak blangko KTP-el minggu ini. Trims.")
    assert read["kind"] == "request" and read["requested"] is None


def test_the_reader_addressed_after_a_figure_is_still_no_pack() -> None:
    read = mail(TARAKAN, "Stok", "Sisa blangko 640 Pak, isi 100 per pak di gudang. Mohon dikirim 1.000 keping.")
    assert read["stock_on_hand"] == 640 and read["requested"] == 1000


def test_boxes_and_loose_blanks_with_the_size_in_brackets_after_the_loose_ones() -> None:
    read = mail(MALINAU, "Laporan stok KIA", "Stok KIA kami per hari ini: 2 dus + 25 keping (1 dus = 400 keping).")
    assert read["stock_on_hand"] == 825


# --- A flow line with an empty cell -----------------------------------------------------------


def test_a_dash_in_a_cell_of_a_flow_line_gives_its_word_no_figure_after_it() -> None:
    read = mail(BULUNGAN, "Lap harian",
                "Blangko KTP-el 12/01\nStok awal 960 | diterima - | pakai 41 | rusak 2 | stok akhir 917\nRekam 60")
    assert read["received"] is None and read["stock_on_hand"] == 917 and read["recorded"] == 60


def test_a_dash_in_a_cell_of_a_flow_line_gives_its_word_no_figure_before_it() -> None:
    read = mail(BULUNGAN, "Lap harian", "Lap KTP-el 12/01: awal 800 | masuk - | pakai 52 | rusak 1 | akhir 747")
    assert read["received"] is None


# --- Printer supplies -------------------------------------------------------------------------


def test_supplies_counted_in_pieces_are_no_blanks() -> None:
    read = mail(MALINAU, "Permintaan bahan cetak",
                "Blangko KTP-el kami masih aman. Yang kami butuhkan sekarang consumables printer:\n"
                "- ribbon 3 roll\n- cartridge tinta 4 buah\n\nTerima kasih")
    assert read["kind"] == "other" and read["requested"] is None and read["item"] is None


# --- Accounts of a system ---------------------------------------------------------------------


def test_accounts_of_a_printing_desk_are_no_count_of_work() -> None:
    read = mail(MALINAU, "Login SIAK",
                "Pak, akun petugas cetak kami (4 akun) terkunci sejak pagi. Mohon info reset ke siapa ya?")
    assert read["printed"] is None and read["kind"] == "other"


# --- A figure called off in a reply ------------------------------------------------------------


def test_the_earlier_figure_called_off_leaves_the_new_one_asked() -> None:
    read = mail(BULUNGAN, "Re: Permohonan blangko KTP-el",
                "Bu, yg 2.500 kemarin batal saja ya, cukup 1.400 dulu krn printer kami sedang diservis.\n"
                "Sisa 520.\n\n"
                "Pada Sel, 19 Jan 2027 pukul 09.00 <disdukcapil@bulungankab.example> menulis:\n"
                "> Mohon dikirim 2.500 keping blangko KTP-el. Sisa 600.")
    assert read["requested"] == 1400 and read["stock_on_hand"] == 520


# --- A weekly report's own week ---------------------------------------------------------------


def test_this_weeks_count_in_a_report_of_a_numbered_week_is_the_reports_own() -> None:
    read = mail(BULUNGAN, "Rekap blangko Bulungan",
                "Rekap blangko KTP-el minggu ke-2 Februari:\n\nCetak minggu ini 380, sisa blangko per Sabtu 940.")
    assert read["printed"] == 380 and read["stock_on_hand"] == 940


# --- The replacement of a returned batch ------------------------------------------------------


def test_the_replacement_of_returned_blanks_received_is_a_receipt_of_it() -> None:
    read = mail(MALINAU, "Pengganti sudah sampai",
                "Pengganti retur blangko KIA (chip rusak, nomor seri 0045501-0045530) sejumlah 30 keping telah kami "
                "terima dengan baik.")
    assert read["kind"] == "receipt" and read["received"] == 30


# --- Blanks lent out --------------------------------------------------------------------------


def test_a_stock_leaving_out_blanks_lent_to_another_office_is_the_stock() -> None:
    read = mail(TARAKAN, "Lap stok",
                "Sisa blangko KTP-el 1.150 keping, di luar 300 keping yang kami pinjamkan ke Kab. Malinau minggu lalu."
                "\nRekam 70.")
    assert read["stock_on_hand"] == 1150 and read["recorded"] == 70


def test_a_stock_leaving_out_blanks_borrowed_from_another_office_stays_unclear() -> None:
    read = mail(TARAKAN, "Lap stok",
                "Sisa blangko KTP-el 1.150 keping, di luar 300 keping yang dipinjam dari Kab. Malinau.\nRekam 70.")
    assert read["stock_on_hand"] is None


# --- A replacement and a routine ask summed -----------------------------------------------------


def test_a_total_named_by_the_asks_own_word_after_jadi_total_is_the_request() -> None:
    read = mail(MALINAU, "Permohonan pengganti dan rutin",
                "Mohon dikirim pengganti 20 keping yang rusak ditambah kebutuhan bulan ini 800 keping, jadi total yang "
                "kami minta 820 keping.")
    assert read["requested"] == 820


def test_a_total_that_is_not_the_sum_of_the_asks_stays_unclear() -> None:
    read = mail(MALINAU, "Permohonan pengganti dan rutin",
                "Mohon dikirim pengganti 20 keping yang rusak ditambah kebutuhan bulan ini 800 keping, jadi total yang "
                "kami minta 900 keping.")
    assert read["kind"] == "request" and read["requested"] is None


# --- A table pasted from a PDF, a value to a line ----------------------------------------------


def test_a_pasted_table_with_one_value_to_a_line_is_read_by_its_columns() -> None:
    read = mail(MALINAU, "Lap harian (dari PDF)",
                "Laporan hari ini, salinan dari aplikasi:\n\nTanggal Perekaman Pencetakan Sisa\nBlangko\n"
                "21/01/2027\n88\n80\n1.432\n\nTerima kasih")
    assert read["recorded"] == 88 and read["printed"] == 80 and read["stock_on_hand"] == 1432


def test_a_pasted_table_with_more_values_than_columns_is_not_read() -> None:
    read = mail(MALINAU, "Lap harian (dari PDF)",
                "Laporan hari ini, salinan dari aplikasi:\n\nTanggal Perekaman Pencetakan Sisa\nBlangko\n"
                "21/01/2027\n88\n80\n6\n1.432\n\nTerima kasih")
    assert read["recorded"] is None and read["printed"] is None and read["stock_on_hand"] is None
