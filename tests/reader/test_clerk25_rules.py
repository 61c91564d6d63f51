"""Rules from two independent sets of district mail (a budget year's first month: yearly need plans, packs
counted by the box, month positions, offices inside a district; and counters and warehouses named one by one):
each test is a short mail in the style of a miss, with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


# --- Packages counted with "@" or "of" and no unit after the size; packs of two sizes added ----------------


def test_boxes_at_a_size_with_no_unit_after_it_are_a_count_of_blanks() -> None:
    got = mail(MALINAU, "kiriman blangko", "Selamat siang, blangko KTP-el sudah kami terima pagi ini, 5 dus @ 400. "
               "Terima kasih.")
    assert (got["kind"], got["received"]) == ("receipt", 2000)


def test_packs_of_two_sizes_joined_by_dan_add_up() -> None:
    got = mail(MALINAU, "penerimaan blangko", "Kami sampaikan:\n1. Blangko KTP-el diterima: 2 dus @ 500 dan 3 pak "
               "@ 50\n2. Kondisi baik\n\nSalam")
    assert (got["kind"], got["received"]) == ("receipt", 1150)


def test_boxes_of_a_size_plus_a_pack_in_english() -> None:
    got = mail(TARAKAN, "Receipt", "Hello, we received the shipment today: 4 boxes of 250 plus 2 packs of 100 "
               "e-KTP blanks, in good condition. Thanks.")
    assert (got["kind"], got["received"]) == ("receipt", 1200)


# --- A sum written out with a note after each operand: its result is the figure ---------------------------


def test_a_sum_with_bracketed_notes_gives_its_result() -> None:
    got = mail(MALINAU, "Laporan harian", "1. Perekaman: 30 (kantor) + 27 (jemput bola Mentarang) = 57\n"
               "2. Pencetakan KTP-el: 51\n3. Sisa blangko KTP-el: 1.404")
    assert (got["recorded"], got["printed"], got["stock_on_hand"]) == (57, 51, 1404)


def test_a_sum_of_three_operands_gives_its_result() -> None:
    got = mail(MALINAU, "Laporan harian", "Perekaman hari ini 12 + 9 + 20 = 41 orang, pencetakan 38, sisa blangko "
               "KTP-el 966 keping.")
    assert (got["recorded"], got["printed"], got["stock_on_hand"]) == (41, 38, 966)


# --- A typed table whose header leaves the label column blank ---------------------------------------------


def test_a_typed_table_with_a_blank_label_column_header_reads_its_total_row() -> None:
    got = mail(NUNUKAN, "Laporan harian", "Laporan harian 12 Maret:\n"
               "                  Rekam   Cetak   Sisa\n"
               "Dinas Nunukan        70      65   1.900\n"
               "UPT Krayan           11       9     240\n"
               "Jumlah               81      74   2.140\n\nSalam")
    assert (got["recorded"], got["printed"], got["stock_on_hand"]) == (81, 74, 2140)


# --- One office's stock inside the district, named as the clause's subject, or "there" -------------------


def test_an_office_named_as_subject_before_its_stock_is_no_district_stock() -> None:
    got = mail(NUNUKAN, "RE: Permohonan blangko", "Mohon maaf, permintaan kami yang benar 1.800 keping, bukan "
               "2.000 keping, karena UPT Krayan masih ada stok 200 keping. Terima kasih.")
    assert (got["requested"], got["stock_on_hand"]) == (1800, None)


def test_a_named_counter_is_one_part_of_the_stock() -> None:
    got = mail(NUNUKAN, "Blangko loket", "Slmt pagi pak, stok di loket Lumbis tinggal 35 keping, gudang katanya "
               "masih banyak. Mohon dikirim ke Lumbis 300 keping.")
    assert (got["requested"], got["stock_on_hand"]) == (300, None)


def test_a_stock_said_to_be_there_is_that_place_s_part() -> None:
    got = mail(NUNUKAN, "KIA Krayan", "Pak, mohon blangko KIA utk Krayan 400 keping, sisa di sana 25. Terima kasih.")
    assert (got["requested"], got["stock_on_hand"]) == (400, None)


def test_an_office_after_dari_is_the_writer_s_own_and_keeps_its_stock() -> None:
    got = mail(NUNUKAN, "minta blangko", "Kami dari UPT Krayan mohon blangko KTP-el 300 keping, stok kami tinggal "
               "40 keping.")
    assert (got["requested"], got["stock_on_hand"]) == (300, 40)


# --- A mail that says it asks for nothing now -------------------------------------------------------------


def test_a_need_plan_said_to_be_no_request_asks_nothing() -> None:
    got = mail(NUNUKAN, "Rencana kebutuhan blangko 2032", "Dengan hormat, untuk bahan perencanaan kami sampaikan:\n"
               "1. Jumlah penduduk: 41.200 jiwa\n2. Kebutuhan KTP-el: 4.800 keping/tahun (400 per bulan)\n"
               "Ini bukan permintaan pengiriman; permintaan akan kami ajukan tersendiri.\n\nHormat kami")
    assert (got["kind"], got["requested"]) == ("other", None)


# --- A month's or a year's stock position: its shipment is the period's movement --------------------------


def test_a_receipt_in_a_month_position_is_no_receipt_now() -> None:
    got = mail(MALINAU, "Posisi blangko akhir Maret", "Posisi blangko per 31 Maret:\nKTP-el: stok awal bulan 1.600, "
               "diterima 1.000, terpakai 900, sisa 1.700\n\nTerima kasih")
    assert (got["kind"], got["received"], got["stock_on_hand"]) == ("stock_report", None, 1700)


def test_no_receipt_in_a_year_position_is_no_receipt_of_zero() -> None:
    got = mail(TARAKAN, "Laporan stok", "Posisi stok per 8 Januari:\n- Stok awal tahun: 2.900 keping\n"
               "- Penerimaan: nihil\n- Stok akhir: 2.100 keping")
    assert (got["received"], got["stock_on_hand"]) == (None, 2100)


def test_a_receipt_in_a_day_s_opening_and_closing_stays_a_receipt() -> None:
    got = mail(TARAKAN, "Laporan harian", "Laporan 3/3:\nStok awal : 800\nPenerimaan dari Prov : 1.000\n"
               "Pemakaian : 90\nStok akhir : 1.710")
    assert (got["received"], got["stock_on_hand"]) == (1000, 1710)


# --- A stock listed place by place with no preposition: one place's figure is not the stock ----------------


def test_a_place_list_whose_next_figure_cannot_be_read_leaves_the_stock_unclear() -> None:
    got = mail(NUNUKAN, "Laporan 4/3", "Laporan 4/3:\nperekaman 31, pencetakan 29\nsisa: gudang 410, loket 38, mobil "
               "keliling 12 -- dijumlah saja ya.")
    assert (got["printed"], got["recorded"], got["stock_on_hand"]) == (29, 31, None)


def test_places_each_with_di_still_add_up() -> None:
    got = mail(NUNUKAN, "Laporan stok", "Sisa blangko di kantor tersisa 900 keping dan di tim Sebuku 150 keping.")
    assert got["stock_on_hand"] == 1050


def test_a_place_whose_figure_is_masked_is_no_part_of_the_next_place_s_name() -> None:
    got = mail(NUNUKAN, "Laporan stok", "Sisa blangko di gudang 300, di loket 45 dan di mobil keliling 20.")
    assert got["stock_on_hand"] is None  # not 320: "di loket 45" is masked as a counter number


# --- A blank named right before the next figure or its zero word opens it; it is not the figure's before ---


def test_a_blank_named_before_its_own_figure_is_not_the_previous_figure_s() -> None:
    got = mail(NUNUKAN, "Lap harian", "Hari ini: rekam 88, cetak 81, KIA 30, sisa KTP-el 2.210, sisa KIA 515")
    assert (got["item"], got["recorded"], got["printed"], got["stock_on_hand"]) == ("ktp-el", 88, 81, 2210)


def test_a_blank_named_before_its_word_of_zero_is_not_the_stock_before() -> None:
    got = mail("Disdukcapil KTT <disdukcapil@tanatidungkab.example>", "lap",
               "Lap KTT 9/2 rekam 14 cetak 12 sisa 860 KIA kosong")
    assert (got["item"], got["recorded"], got["printed"], got["stock_on_hand"]) == ("ktp-el", 14, 12, 860)


def test_a_blank_named_after_the_last_figure_is_still_its_own() -> None:
    got = mail(NUNUKAN, "blangko diterima", "Sudah kami terima 800 keping KIA dan 1.500 keping KTP-el, terima kasih.")
    assert got["received"] == 1500


# --- Javanese krama "already arrived" ---------------------------------------------------------------------


def test_sampun_dugi_is_an_arrival() -> None:
    got = mail(TARAKAN, "Re: Pengiriman blangko", "Sampun dugi Pak, 1.500 keping lengkap. Matur nuwun.")
    assert (got["kind"], got["received"]) == ("receipt", 1500)


# --- A table with a row per blank and a row of a printer supply -------------------------------------------


def test_a_supply_row_beside_the_blanks_rows_leaves_the_table_per_blank() -> None:
    got = mail(MALINAU, "Tanda terima", "Kiriman kemarin sudah kami terima:\n\n| Barang | Jumlah |\n|---|---|\n"
               "| Blangko KTP-el | 1.500 |\n| Blangko KIA | 300 |\n| Ribbon printer | 3 roll |\n\nSalam")
    assert (got["kind"], got["item"], got["received"]) == ("receipt", "ktp-el", 1500)


# --- Places aligned with spaces, closed by their total ----------------------------------------------------


def test_places_aligned_with_spaces_and_a_total_line_give_the_total() -> None:
    got = mail("Disdukcapil KTT <disdukcapil@tanatidungkab.example>", "Tambahan blangko",
               "Posisi stok KTP-el per 2/3:\n  gudang           310\n  loket Tideng Pale 64\n  mobil keliling    26\n"
               "  ------------------\n  total            400\n\nKami mohon 700 keping.")
    assert (got["requested"], got["stock_on_hand"]) == (700, 400)


# --- Blanks collected in person, said as done ----------------------------------------------------------------


def test_blanks_collected_at_the_province_are_received() -> None:
    got = mail(NUNUKAN, "blangko krayan", "Pak, blangko KTP-el utk Krayan sdh kami ambil di provinsi pagi ini, 800 "
               "keping. Terima kasih.")
    assert (got["kind"], got["received"]) == ("receipt", 800)


def test_blanks_to_be_collected_are_no_receipt() -> None:
    got = mail(NUNUKAN, "KIA Krayan", "Slmt siang pak, mohon blangko KIA utk Krayan 300 keping. Nanti sy ambil "
               "langsung ke provinsi hari Jumat.")
    assert (got["kind"], got["requested"], got["received"]) == ("request", 300, None)


# --- A year's need, a plan, beside a month's need and the stock: no ask, no need for the gap ---------------


def test_a_year_s_need_beside_the_month_s_leaves_the_gap_asked() -> None:
    got = mail(MALINAU, "Permohonan blangko", "Kebutuhan blangko KTP-el kami untuk bulan Maret diperkirakan 1.800 "
               "keping, sedangkan sisa stok kami saat ini 650 keping. Untuk itu kami mohon kiranya dapat dikirimkan "
               "kekurangannya.\n\nSebagai informasi, Rencana Kebutuhan Tahunan kami adalah 16.000 keping KTP-el dan "
               "5.000 keping KIA.")
    assert (got["requested"], got["stock_on_hand"]) == (1150, 650)


def test_a_year_s_need_alone_is_no_ask() -> None:
    got = mail(MALINAU, "Kebutuhan tahunan", "Kebutuhan tahunan blangko KTP-el kami 14.000 keping, sisa stok saat "
               "ini 2.100 keping.")
    assert got["requested"] is None
