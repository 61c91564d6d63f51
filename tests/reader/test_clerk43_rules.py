"""Rules for an outreach season: blanks held by the office and by a mobile team's box, a day's work counted place
by place and then totalled, a school asking for a recording day, weekly tables with a column per day, and a
table with a row per blank under an unheaded labels column. Each test is a short mail with its own words."""

from __future__ import annotations

from tests.reader.conftest import mail

BULUNGAN = "Operator Bulungan <operator.bulungan@bulungankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"
TANA_TIDUNG = "Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


# --- The office and the team's box ------------------------------------------------------------


def test_a_stock_only_in_the_teams_box_is_no_district_stock() -> None:
    read = mail("Tim Sembakung <tim.sembakung@gmail.com>", "Minta blangko",
                "Kami tim jemput bola Disdukcapil Nunukan di Sembakung. Tolong kirim blangko 150 keping, "
                "blangko dalam kotak tim tinggal 18 keping.\nRudi")
    assert (read["requested"], read["stock_on_hand"]) == (150, None)


def test_an_empty_teams_box_is_no_district_stock_of_zero() -> None:
    read = mail(NUNUKAN, "Permintaan blangko",
                "Mohon dikirim blangko 400 keping untuk tim Sebuku. Stok di kotak tim sudah habis.\nHasnah")
    assert (read["requested"], read["stock_on_hand"]) == (400, None)


def test_the_teams_box_beside_the_office_adds_up() -> None:
    read = mail(BULUNGAN, "Lap harian",
                "Rekam 40, cetak 38.\nSisa blangko: di kotak tim 25, di kantor 870.\nSalam")
    assert read["stock_on_hand"] == 895


def test_the_office_and_the_box_without_prepositions_read_their_written_total() -> None:
    read = mail(NUNUKAN, "Lap harian + mutasi",
                "Rekam 51, cetak 47.\nSisa kantor 980, kotak tim 120, total 1.100 keping.\nHasnah")
    assert read["stock_on_hand"] == 1100


def test_a_stock_said_to_include_the_teams_blanks_is_the_stock() -> None:
    read = mail(MALINAU, "Lap", "Rekam 22, cetak 20, sisa blangko (kantor + yang dibawa tim) 640.\nYohanes")
    assert read["stock_on_hand"] == 640


def test_the_shortfall_is_asked_against_both_places() -> None:
    read = mail(MALINAU, "Permintaan blangko",
                "Kebutuhan tim ke Kayan Hilir 1.200 keping. Stok di kantor 450, di kotak tim 50. "
                "Mohon dikirim kekurangannya saja.\nYohanes")
    assert (read["requested"], read["stock_on_hand"]) == (700, 500)


# --- A count place by place, then its total ---------------------------------------------------


def test_a_count_per_place_then_its_total_in_the_sentence_reads_the_total() -> None:
    read = mail(TARAKAN, "Lap jebol",
                "Perekaman di RSUD 17 orang, Panti Asuhan 12 orang, total 29.\nPencetakan 25.\nSisa blangko 760.")
    assert (read["recorded"], read["printed"]) == (29, 25)


def test_a_count_per_place_then_a_total_over_days_reads_the_total() -> None:
    read = mail(NUNUKAN, "Lap 2 hari",
                "Kemarin kami rekam 33 orang di Binter, hari ini 21 orang di Pa' Upan. Jumlah 2 hari 54 orang. "
                "Sisa blangko 700.\nHasnah")
    assert read["recorded"] == 54


def test_places_that_do_not_add_up_to_the_total_give_no_total() -> None:
    read = mail(TARAKAN, "Lap jebol",
                "Perekaman di RSUD 17 orang, Panti Asuhan 12 orang, total 31.\nSisa blangko 760.")
    assert read["recorded"] != 31


# --- A school writing for itself ---------------------------------------------------------------


def test_a_school_asking_for_a_recording_day_is_other_mail() -> None:
    read = mail("SMKN 2 Tarakan <smkn2tarakan@sch.example>", "Permohonan perekaman",
                "Yth. Disdukcapil,\nKami dari SMK Negeri 2 Tarakan memohon kunjungan perekaman KTP-el untuk 142 "
                "siswa kelas XII.\nKepala Sekolah")
    assert (read["kind"], read["district"], read["recorded"], read["requested"]) == ("other", None, None, None)


# --- A week's table with a column per day -------------------------------------------------------


def test_a_typed_week_with_a_total_column_reads_the_totals_and_the_last_days_stock() -> None:
    read = mail(MALINAU, "Lap mingguan",
                "Lap mingguan:\n\n"
                "              Sen 2/11  Sel 3/11  Rab 4/11  Kam 5/11  Jml\n"
                "Perekaman     12        15        10        13        50\n"
                "Pencetakan    11        14        9         12        46\n"
                "Sisa blangko  980       966       957       945       -\n\nYohanes")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (50, 46, 945)


def test_a_tab_pasted_week_without_totals_sums_the_days() -> None:
    read = mail(TANA_TIDUNG, "lap mingguan",
                "Lap minggu ini:\n\n\tSen\tSel\tRab\n"
                "Rekam\t4\t7\t5\nCetak\t3\t6\t5\nSisa blangko\t212\t206\t201\n\nFitriani")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (16, 14, 201)


def test_a_total_column_the_days_do_not_add_up_to_is_left_to_a_clerk() -> None:
    read = mail(MALINAU, "Lap mingguan",
                "Lap mingguan:\n\n"
                "              Sen 2/11  Sel 3/11  Rab 4/11  Jml\n"
                "Perekaman     12        15        10        40\n"
                "Sisa blangko  980       966       957       -\n\nYohanes")
    assert (read["recorded"], read["stock_on_hand"]) == (None, 957)


# --- A row per blank under an unheaded labels column -------------------------------------------


def test_rows_per_blank_under_an_unheaded_labels_column_read_the_ktp_el_row() -> None:
    read = mail(TANA_TIDUNG, "Lap harian",
                "Laporan harian:\n"
                "        Rekam  Cetak  Sisa\n"
                "KTP-el  14     12     380\n"
                "KIA     6      6      95\n"
                "Terima kasih")
    assert (read["item"], read["recorded"], read["printed"], read["stock_on_hand"]) == ("ktp-el", 14, 12, 380)


# --- A block of lines per kecamatan -------------------------------------------------------------


def test_blocks_per_kecamatan_under_a_recap_heading_read_the_recap() -> None:
    read = mail(NUNUKAN, "Lap jemput bola",
                "Laporan jemput bola:\nKECAMATAN SEBUKU\nLokasi: Pembeliangan\nPerekaman: 40\nPencetakan: 31\n"
                "KECAMATAN TULIN ONSOI\nPerekaman: 25\nPencetakan: 22\nBBM speedboat: 60 liter\n"
                "REKAP KABUPATEN\nPerekaman: 65\nPencetakan: 53\nSisa blangko: 1.320\nHasnah")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (65, 53, 1320)


def test_blocks_per_kecamatan_without_a_recap_add_up() -> None:
    read = mail(NUNUKAN, "Lap jebol",
                "Kec. Sei Menggaris\n  perekaman : 12\n  pencetakan: 10\n\n"
                "Kec. Sebatik Barat\n  perekaman : 20\n  pencetakan: 0 (printer rusak)\n\n"
                "sisa blangko kantor: 990\nHasnah")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (32, 10, 990)


def test_blocks_per_kecamatan_closed_by_a_total_line_read_the_total() -> None:
    read = mail(TANA_TIDUNG, "Lap mingguan",
                "Kec. Muruk Rian\n  rekam : 8\n  cetak : 7\n\nKec. Betayau\n  rekam : 5\n  cetak : 5\n\n"
                "Jumlah seminggu: rekam 13, cetak 12\nSisa blangko 240 keping\nFitriani")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (13, 12, 240)


def test_a_recap_the_blocks_do_not_add_up_to_is_left_to_a_clerk() -> None:
    read = mail(NUNUKAN, "Lap jemput bola",
                "KECAMATAN SEBUKU\nPerekaman: 40\nKECAMATAN TULIN ONSOI\nPerekaman: 25\n"
                "REKAP KABUPATEN\nPerekaman: 70\nSisa blangko: 1.320\nHasnah")
    assert (read["recorded"], read["stock_on_hand"]) == (None, 1320)


# --- The recording device -----------------------------------------------------------------------


def test_a_broken_recording_device_is_no_count_of_recording() -> None:
    read = mail(MALINAU, "alat rusak",
                "pak, 3 unit alat rekam (S/N RK-1182, RK-1190, RK-1203) mati kena hujan di Long Loreh. "
                "Mohon info perbaikan. tks")
    assert (read["kind"], read["recorded"]) == ("other", None)


def test_a_day_report_beside_a_broken_recording_device_keeps_its_counts() -> None:
    read = mail(TARAKAN, "Lap", "Alat rekam di loket 2 rusak 1 unit. Perekaman hari ini 34, cetak 30, sisa 870.")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (34, 30, 870)


# --- A count of what arrived against the delivery papers ----------------------------------------


def test_a_count_against_the_delivery_note_is_the_count_received() -> None:
    read = mail(BULUNGAN, "Selisih kiriman",
                "Bu, di surat jalan tertulis 1.500 keping, tapi setelah kami hitung cuma 1.480 keping. Mohon dicek.")
    assert (read["kind"], read["received"]) == ("receipt", 1480)


def test_a_count_with_no_delivery_papers_is_no_receipt() -> None:
    read = mail(BULUNGAN, "Permintaan", "Kebutuhan Desember setelah dihitung 1.000 keping, mohon dikirim.")
    assert (read["requested"], read["received"]) == (1000, None)


def test_the_gap_after_a_count_against_the_papers_is_not_the_count() -> None:
    read = mail(TARAKAN, "Penerimaan blangko",
                "Kiriman tgl 3/12 sudah sampai. Dari 1.200 keping yang tertulis di surat jalan, setelah dihitung "
                "ulang kurang 50 keping (setengah pack), sehingga yang kami terima 1.150 keping.")
    assert (read["kind"], read["received"]) == ("receipt", 1150)
