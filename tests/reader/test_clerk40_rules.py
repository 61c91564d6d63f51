"""Rules for the year-end stock-taking: a stock held in two warehouses with or without its total, the sound part
of a shipment after its damaged cards, blanks moved between the district's own stores, a stock card's "masuk"
column, an office's empty store named in the subject, and the rest of a shipment sent in a later stage. Each
test is a short mail with its own words."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"


# --- A stock in two warehouses ---------------------------------------------------------------


def test_a_stock_word_then_each_warehouse_adds_up_the_warehouses() -> None:
    read = mail(NUNUKAN, "Permohonan blangko",
                "Stok kami sekarang di gudang dinas 700 keping dan di gudang UPT Lumbis 150 keping. "
                "Mohon tambahan 1.000 keping.")
    assert read["stock_on_hand"] == 850 and read["requested"] == 1000


def test_warehouses_listed_with_their_total_give_the_total() -> None:
    read = mail(NUNUKAN, "Permohonan blangko",
                "Mohon tambahan blangko KTP-el 1.500 keping. Stok per hari ini: gudang dinas 1.210 keping, "
                "UPT Krayan 305 keping, jumlah 1.515 keping.")
    assert read["stock_on_hand"] == 1515


def test_a_total_of_warehouses_that_does_not_add_up_gives_no_warehouse_as_the_stock() -> None:
    read = mail(NUNUKAN, "Permohonan blangko",
                "Mohon tambahan blangko KTP-el 1.500 keping. Stok per hari ini: gudang dinas 1.210 keping, "
                "UPT Krayan 305 keping, jumlah 1.600 keping.")
    assert read["stock_on_hand"] != 1210


def test_a_total_per_blank_under_warehouse_rows_is_the_stock() -> None:
    read = mail(TARAKAN, "Hasil opname",
                "Hasil stock opname per 30 Desember:\n\n1. Gudang dinas: KTP-el 1.100, KIA 400\n"
                "2. Loket kecamatan: KTP-el 90, KIA 30\n\nTotal KTP-el 1.190 keping, KIA 430 keping.")
    assert read["stock_on_hand"] == 1190 and read["item"] == "ktp-el"


def test_no_difference_between_counts_sets_no_second_count_against_the_stock() -> None:
    read = mail(TARAKAN, "Hasil opname",
                "Sisa blangko KTP-el 1.190 keping, jumlah yang dihitung 1.190 keping, tidak ada selisih.")
    assert read["stock_on_hand"] == 1190


def test_a_receipt_total_said_in_subject_and_text_beside_its_parts_is_the_count_received() -> None:
    read = mail(NUNUKAN, "Terima blangko 1.500",
                "Blangko KTP-el sudah tiba. Sudah kami bagi: 1.000 keping masuk gudang dinas, 500 keping dibawa "
                "ke UPT Krayan. Jumlah yang kami terima 1.500 keping.")
    assert read["received"] == 1500


# --- What came in a shipment -----------------------------------------------------------------


def test_the_usable_part_of_a_shipment_is_no_stock() -> None:
    read = mail(MALINAU, "blangko sampai",
                "blangko KTP-el 1.500 keping sudah kami terima kemarin. setelah dicek 12 keping retak, jadi yang "
                "dapat dipakai 1.488 keping.")
    assert read["stock_on_hand"] is None and read["received"] == 1500


def test_a_kia_figure_said_again_without_its_name_keeps_the_mail_kia() -> None:
    read = mail(MALINAU, "blangko sampai",
                "blangko KIA 600 lembar sudah kami terima pagi ini. di kartu stok kami tulis yang diterima 600.")
    assert read["item"] == "kia" and read["received"] == 600


def test_blanks_moved_from_the_districts_own_warehouse_are_not_received() -> None:
    read = mail(NUNUKAN, "Rekap",
                "Sisa blangko KTP-el 1.300 keping.\nKecamatan Lumbis terima 200 keping dari gudang dinas, "
                "bukan dari provinsi.")
    assert read["received"] is None and read["stock_on_hand"] == 1300


def test_a_stock_card_whose_masuk_column_adds_up_to_nothing_receives_nothing() -> None:
    read = mail(TARAKAN, "Kartu stok",
                "Kartu stok blangko KTP-el:\n\nTanggal | Masuk | Keluar | Saldo\n01-12-2026 | - | 40 | 960\n"
                "02-12-2026 | - | 35 | 925\n03-12-2026 | - | 41 | 884\nJUMLAH | 0 | 116 | \n")
    assert read["received"] is None and read["stock_on_hand"] == 884


def test_the_rest_of_a_shipment_sent_in_a_later_stage_is_no_stock() -> None:
    read = mail(BULUNGAN, "Penerimaan blangko",
                "Blangko KTP-el tahap I sebanyak 1.500 keping sudah kami terima. Sisanya (500 keping) akan dikirim "
                "tahap II bulan depan.")
    assert read["stock_on_hand"] is None and read["received"] == 1500


# --- An office's empty store -----------------------------------------------------------------


def test_an_empty_office_named_in_the_subject_is_no_district_stock_of_zero() -> None:
    read = mail(NUNUKAN, "KTP-el habis di Krayan",
                "Blangko KTP-el di UPT Krayan sudah habis sejak Senin. Mohon kirim 800 keping untuk Krayan.")
    assert read["stock_on_hand"] != 0 and read["requested"] == 800


# --- Figures worked out, said in words, asked in English --------------------------------------


def test_the_result_of_a_difference_written_out_is_not_the_count_before_the_equals_sign() -> None:
    read = mail(BULUNGAN, "daily report",
                "Report for today:\n- rekam: 70\n- cetak KTP-el: 85\n- sisa blangko (closing): 815\n\n"
                "Opening stock was 900, minus 85 printed = 815.")
    assert read["printed"] == 85 and read["stock_on_hand"] == 815


def test_a_stock_to_get_back_to_is_no_stock_now() -> None:
    read = mail(NUNUKAN, "Permohonan blangko",
                "Stok blangko KTP-el kami kurang lebih 500 keping. Mohon tambahan 1.000 keping agar stok kembali "
                "1.500.")
    assert read["stock_on_hand"] == 500 and read["requested"] == 1000


def test_a_schools_number_after_sma_n_is_no_count() -> None:
    read = mail(MALINAU, "Perekaman pemula SMA N 2 Malinau", "Hari ini yang direkam 64 siswa kelas XII.")
    assert read["recorded"] == 64


def test_an_ask_of_getting_in_english_is_a_request() -> None:
    read = mail(BULUNGAN, "KTP-el", "Hi, our KTP-el stock is low. Could we get 1.500 keping next week?")
    assert read["kind"] == "request" and read["requested"] == 1500


# --- Words about papers and reports ----------------------------------------------------------


def test_an_explanation_received_by_the_inspectorate_is_no_receipt() -> None:
    read = mail(TARAKAN, "Tembusan jawaban Inspektorat",
                "Hasil hitung fisik blangko KTP-el 2.100 keping, sama dengan saldo SIAK. Inspektorat telah menerima "
                "penjelasan kami.")
    assert read["kind"] == "stock_report" and read["stock_on_hand"] == 2100


def test_lateness_of_reports_apologised_for_in_a_greeting_is_no_report() -> None:
    read = mail(NUNUKAN, "Selamat Natal",
                "Selamat Natal dan tahun baru. Mohon maaf kalau laporan harian kami sering telat selama setahun ini."
                "\n\nSalam,\nPengelola Blangko Kab. Nunukan")
    assert read["kind"] == "other"


# --- Which count is right --------------------------------------------------------------------


def test_a_correction_picking_one_blanks_figure_from_the_lines_above_is_of_that_blank() -> None:
    read = mail(BULUNGAN, "Stock opname",
                "Hasil stock opname:\n\nBlangko KTP-el : fisik 980 keping, SIAK 992 keping\n"
                "Blangko KIA    : fisik 610 keping, SIAK 610 keping\n\n"
                "Selisih 12 keping itu ternyata masih di loket. Jadi angka yang benar adalah angka SIAK, 992 keping.")
    assert read["stock_on_hand"] == 992 and read["item"] == "ktp-el"


def test_a_reply_settling_which_of_its_own_quoted_counts_is_right_reports_that_stock() -> None:
    read = mail(MALINAU, "Re: hasil opname",
                "sudah dicek: yang benar angka SIAK, 1.450 keping. 15 keping ada di loket.\n\n"
                "Pada Sen, 28 Des 2026 pukul 10.00 Disdukcapil Malinau <disdukcapil@malinaukab.example> menulis:\n"
                "> hasil opname blangko ktp-el: hitung fisik 1.435, di SIAK 1.450.\n")
    assert read["kind"] == "stock_report" and read["stock_on_hand"] == 1450


# --- Replies and school drives ---------------------------------------------------------------


def test_a_request_cut_down_in_english_is_the_new_ask() -> None:
    read = mail(BULUNGAN, "Re: blangko for January",
                "Small update: the Kasi says cut it to 800 pcs first, the rest next month.\n\n"
                "On Mon, Dec 28, 2026 at 09:00 Disdukcapil Bulungan <disdukcapil@bulungankab.example> wrote:\n"
                "> Please send blangko KTP-el for the school drive in January.\n")
    assert read["kind"] == "request" and read["requested"] == 800


def test_a_reply_saying_the_stock_has_not_changed_is_a_stock_report_without_a_figure() -> None:
    read = mail(BULUNGAN, "RE: Konfirmasi stok",
                "Selamat pagi,\n\nAngka stok sudah kami kirim di laporan hari Senin (lihat di bawah), belum ada "
                "perubahan.\n\n-----Pesan Asli-----\nDari: Disdukcapil Bulungan\n\nKTP-el: cetak 40, sisa 1.300\n")
    assert read["kind"] == "stock_report" and read["stock_on_hand"] is None


def test_an_ask_for_as_many_blanks_as_students_asks_for_the_students_counted() -> None:
    read = mail(BULUNGAN, "Blangko perekaman pemula",
                "Untuk perekaman pemula bulan Januari: 9 sekolah, total 640 siswa kelas XII. Mohon dikirim blangko "
                "sesuai jumlah siswa tersebut. Stok kami 900 keping untuk pelayanan rutin.")
    assert read["requested"] == 640 and read["stock_on_hand"] == 900


def test_two_counts_of_students_and_an_ask_for_as_many_leave_the_ask_to_a_clerk() -> None:
    read = mail(BULUNGAN, "Blangko perekaman pemula",
                "SMA 1: 120 siswa, SMA 2: 95 siswa. Mohon dikirim blangko sejumlah siswa tersebut.")
    assert read["requested"] is None


def test_an_inspection_announced_by_its_inspectors_is_no_receipt_nor_report() -> None:
    read = mail("Inspektorat Provinsi <inspektorat@kaltaraprov.example>", "Pemberitahuan pemeriksaan persediaan",
                "Tim kami akan melakukan uji petik persediaan blangko KTP-el di gudang provinsi pada 14 Januari. "
                "Mohon disiapkan kartu stok dan berita acara serah terima. Saldo awal tahun tercatat 50.000 keping.")
    assert read["kind"] == "other"


def test_a_shipment_from_the_province_beside_a_transfer_between_stores_stays_received() -> None:
    read = mail(NUNUKAN, "Terima blangko",
                "Blangko KTP-el kiriman provinsi sebanyak 2.000 keping sudah kami terima tanggal 3 dan sebagian "
                "langsung kami salurkan ke UPT Sebatik dari gudang dinas.")
    assert read["received"] == 2000


def test_warehouses_listed_under_a_stock_heading_add_up() -> None:
    read = mail(NUNUKAN, "Permohonan blangko",
                "Berikut sisa stok kami:\n- Gudang Dinas (Nunukan): 520 keping\n- Gudang UPT Krayan: 75 keping\n"
                "Mohon tambahan blangko KTP-el sebanyak 1.500 keping.")
    assert read["stock_on_hand"] == 595 and read["requested"] == 1500


def test_an_empty_office_beside_the_other_warehouses_figure_leaves_that_figure_the_stock() -> None:
    read = mail(NUNUKAN, "KTP-el habis di Krayan",
                "Blangko KTP-el di UPT Krayan sudah habis sejak Senin. Gudang dinas masih ada 430 keping. Mohon "
                "kirim 800 keping untuk Krayan.")
    assert read["stock_on_hand"] == 430 and read["requested"] == 800


def test_an_empty_office_beside_two_places_figures_gives_no_one_place_as_the_stock() -> None:
    read = mail(NUNUKAN, "Permohonan blangko",
                "Blangko KTP-el di UPT Krayan sudah habis. Gudang dinas masih ada 430 keping, loket kota tinggal "
                "25 keping. Mohon kirim 800 keping.")
    assert read["stock_on_hand"] in (None, 455)
