"""Rules from two fresh sets of district mail (border posts, the SIAK migration): a stock kept in parts (a
part left out, a part handed to a kecamatan to keep, places listed with no total), "sampai" before a moment
and a lasting state, spoilt cards said after a receipt, a correction of another day's report, a request
chased in a day's report, records in the system, and hearsay."""

from __future__ import annotations

from mailbot.reader.verdict import Verdict
from tests.reader.conftest import OWN_ADDRESSES, read_plain

DESK = OWN_ADDRESSES[0]
MALINAU = "disdukcapil@malinaukab.example"
TANA_TIDUNG = "disdukcapil@tanatidungkab.example"
PRESS = "redaksi@koranutara.example"


def _mail(subject: str, text: str, *, sender: str = MALINAU) -> Verdict:
    return read_plain(subject, text, sender=sender)


def test_a_stock_that_leaves_out_blanks_held_elsewhere_is_no_stock() -> None:
    v = _mail("Laporan harian 3 Mei", "Perekaman 41 orang, pencetakan 37 keping. Sisa blangko di gudang dinas 2.310 "
              "keping, tidak termasuk blangko yang dibawa petugas ke Pujungan (belum ada laporan).")
    assert (v.kind, v.printed, v.stock_on_hand) == ("stock_report", 37, None)  # was stock 2310


def test_spoilt_cards_left_out_of_the_stock_leave_the_stock_standing() -> None:
    v = _mail("lap", "Rekam 20, cetak 18. Sisa blangko 640 keping (di luar 9 keping rusak).")
    assert v.stock_on_hand == 640


def test_a_part_handed_to_a_kecamatan_to_keep_is_no_stock() -> None:
    v = _mail("Kabar dari Bahau Hulu", "Tim kami membawa 500 keping ke Bahau Hulu; 320 sudah tercetak, sisanya 180 "
              "keping kami titipkan di kantor kecamatan untuk pelayanan berikutnya.")
    assert v.stock_on_hand is None  # was 180


def test_a_stock_listed_place_by_place_is_their_sum() -> None:
    v = _mail("lap harian", "Lap harian 4 Mei\n- rekam: 51\n- cetak: 47\n- sisa blangko di kantor: 1.205\n"
              "- di pos Long Ampung: 95\nterima kasih")
    assert (v.stock_on_hand, v.printed, v.recorded) == (1300, 47, 51)  # was 1205


def test_a_stock_of_two_places_in_one_sentence_is_their_sum() -> None:
    v = _mail("Posisi blangko", "Hari ini di kantor tersisa 870 keping dan di tim Mentarang 150 keping. "
              "Perekaman 33, pencetakan 30.")
    assert v.stock_on_hand == 1020  # was a conflict


def test_a_place_only_estimated_leaves_the_stock_unclear() -> None:
    v = _mail("Posisi blangko", "Hari ini di kantor tersisa 870 keping dan di tim Mentarang sekitar 150an keping.")
    assert v.stock_on_hand is None


def test_a_written_total_of_the_places_is_the_stock() -> None:
    v = _mail("Posisi blangko", "Di kantor tersisa 870 keping dan di tim Mentarang 150 keping, "
              "jadi seluruh stok kami 1.020 keping.")
    assert v.stock_on_hand == 1020


def test_sampai_before_a_moment_and_a_lasting_state_is_until() -> None:
    v = _mail("Stok per 2 Mei", "Di gudang kami masih ada 640 keping, sedangkan yang dibawa tim ke Kayan Hilir "
              "sebanyak 90 keping dan sampai tadi siang belum terpakai. Perekaman hari ini 40, pencetakan 36.")
    assert (v.kind, v.received, v.printed) == ("stock_report", None, 36)  # was a receipt of 90


def test_cards_spoilt_said_after_a_receipt_are_no_receipt() -> None:
    v = _mail("kiriman", "Pak, KTP-el 1.000 sdh sampai tadi siang, di kotak ada 4 keping yg sobek, kami pisahkan.",
              sender=TANA_TIDUNG)
    assert (v.kind, v.received) == ("receipt", 1000)  # was 4


def test_a_correction_of_another_days_report_leaves_todays_figure() -> None:
    v = _mail("Laporan harian 9 Mei", "Perekaman : 64\nPencetakan : 58\nSisa blangko : 1.420\n\n"
              "koreksi untuk laporan tgl 8/5: perekaman yg benar 70 bukan 67.")
    assert (v.recorded, v.printed, v.stock_on_hand) == (64, 58, 1420)  # recorded was 70


def test_a_correction_of_the_report_itself_still_corrects() -> None:
    v = _mail("Laporan harian 9 Mei", "Perekaman : 64\nPencetakan : 58\nkoreksi: perekaman yg benar 66.")
    assert v.recorded == 66


def test_a_request_chased_in_a_days_report_is_no_new_request() -> None:
    v = _mail("lap 9/5", "lap 9/5 rekam 22, cetak 0 krn blangko habis. mohon segera dikirim yg 1.000 kemarin pak",
              sender=TANA_TIDUNG)
    assert (v.requested, v.recorded, v.printed) == (None, 22, 0)  # requested was 1000


def test_a_reminder_alone_still_restates_its_request() -> None:
    v = _mail("permohonan", "Mohon segera dikirim blangko 1.000 keping yang kami mohon minggu lalu.",
              sender=TANA_TIDUNG)
    assert v.requested == 1000


def test_records_in_the_system_are_no_work_done() -> None:
    v = _mail("tanya sinkron", "Pagi Pak, mau tanya: data perekaman yg kami input offline (145 data, 2-6 Mei) belum "
              "masuk ke server. Perlu input ulang?")
    assert (v.kind, v.recorded) == ("other", None)  # was a stock report, recorded 145


def test_hearsay_is_no_figure_of_the_writer() -> None:
    v = _mail("Konfirmasi", "Selamat siang, kami mendapat informasi bahwa beberapa daerah kehabisan blangko, termasuk "
              "Malinau yang stoknya 0. Apakah benar? Mohon konfirmasi untuk berita besok.", sender=PRESS)
    assert (v.kind, v.stock_on_hand) == ("other", None)  # was a stock report, stock 0


def test_todays_figures_win_over_yesterdays_in_one_report() -> None:
    v = _mail("lap", "Laporan Malinau kemarin (08/05) rekam 31 cetak 29 sisa 1.440, hari ini (09/05) rekam 35 cetak "
              "33 sisa 1.407.")
    assert (v.recorded, v.printed, v.stock_on_hand) == (35, 33, 1407)  # were conflicts


def test_yesterdays_stock_in_a_story_gives_way_to_todays() -> None:
    v = _mail("Laporan", "Hari Senin kemarin sisa blangko kami 1.310 keping. Hari ini, setelah pelayanan keliling, "
              "sisa blangko menjadi 1.262 keping; perekaman 50 orang dan pencetakan 48 keping.")
    assert (v.stock_on_hand, v.printed, v.recorded) == (1262, 48, 50)  # stock was a conflict


def test_people_served_are_no_second_count_of_blanks() -> None:
    v = _mail("Laporan", "Sisa blangko kami masih 760 keping, namun hari ini setelah pelayanan untuk 95 orang pemohon "
              "di pelabuhan, printer rusak.")
    assert v.stock_on_hand == 760  # was a conflict


def test_blanks_still_whole_are_the_stock() -> None:
    v = _mail("", "Dari tim jemput bola di Pujungan. Hari ini rekam 33, cetak 0 krn printer rusak.\n"
              "Blangko yg kami bawa masih utuh 240 keping.")
    assert (v.stock_on_hand, v.recorded) == (240, 33)  # stock was not read


def test_a_blank_named_in_its_part_of_a_barred_line_is_its_figures_blank() -> None:
    v = _mail("Lap harian 02/05", "Ringkas: KTP-el rekam 88 cetak 80 sisa 1.604 | KIA cetak 21 sisa 377")
    assert (v.stock_on_hand, v.printed, v.recorded) == (1604, 80, 88)  # stock was a conflict
    kia = next(r for r in v.readings if r.item == "kia")
    assert (kia.stock_on_hand, kia.printed) == (377, 21)


def test_blanks_we_still_have_are_the_stock() -> None:
    v = _mail("Cerita dari Pujungan", "Tim kami sudah kembali dari Pujungan. Secara keseluruhan, kami masih memiliki "
              "1.415 keping, sehingga belum perlu tambahan.")
    assert (v.kind, v.stock_on_hand) == ("stock_report", 1415)  # was not read


def test_a_report_named_by_its_day_with_an_ask_without_a_figure_is_the_days_report() -> None:
    v = _mail("LAPORAN", "pak, lap KTT 12/05: blangko ktp-el kosong sejak pagi, cetak 0, rekam 19. mohon segera "
              "kiriman yg kemarin diminta.", sender="operator.ktt88@yahoo.com")
    assert (v.kind, v.stock_on_hand, v.printed, v.recorded, v.requested) == ("stock_report", 0, 0, 19, None)


def test_a_malay_ask_to_send_is_a_request() -> None:
    v = _mail("", "Tolong hantar 250 keping lagi untuk pos Sebatik. Stok dah habis semalam.\nHerman (Disdukcapil "
              "Nunukan - Sebatik)", sender="herman.pos@yahoo.co.id")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 250, 0)  # was a stock report


def test_a_district_cut_off_in_the_signature_is_still_named() -> None:
    v = _mail("BLANGKO SUDAH SAMPAI", "BLANGKO YG DIKIRIM LWT PESAWAT SUDAH SAMPAI TADI PAGI, 500 KEPING. "
              "TERIMA KASIH.\nYos - UPT Pujungan Kab Malin", sender="yos.pujungan@gmail.com")
    assert (v.kind, v.district, v.received) == ("receipt", "65.02", 500)  # district was None


def test_a_writer_naming_only_his_post_writes_from_its_district() -> None:
    v = _mail("", "KIA DI LUMBIS OGONG JUGA HABIS PAK, MINTA 150 KEPING.\nyul", sender="yul.lumbis@gmail.com")
    assert (v.kind, v.district, v.item, v.requested, v.stock_on_hand) == ("request", "65.03", "kia", 150, 0)


def _inline_reply(answer_stock: str, answer_need: str) -> Verdict:
    return _mail("Re: MOHON BLANGKO", "> Yth. Bapak,\n> Untuk memproses permintaan, mohon dijawab:\n"
                 "> 1. Berapa sisa blangko KTP-el saat ini?\n" + answer_stock + "\n> 2. Berapa keping yang "
                 "dibutuhkan?\n" + answer_need + "\n>\n> Salam,\n> Blangko Disdukcapil Kaltara\n\nYos\n")


def test_an_inline_answer_opening_with_zero_is_a_stock_of_zero() -> None:
    v = _inline_reply("0 (nol), sdh habis pak", "600")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 600, 0)  # stock was not read
    assert _inline_reply("Habis pak", "600").stock_on_hand == 0


# --- The election run-up set (code-mixing operator, numbers as words, delivery note against count) ---------


def test_a_figure_with_no_need_for_it_is_given_up() -> None:
    text = (
        "Pak/Ibu, saya lagi. Setelah rapat dgn Dinas, utk Kec. Mentarang cukup 250 keping saja Pak, tidak usah 400.\n\n"
        "Pada Jum, 13 Okt 2028 pukul 20.31 petugas.mentarang@gmail.com menulis:\n"
        "> Kami mohon Provinsi bisa menambah 400 keping blangko KTP-el untuk kegiatan di Mentarang.\n"
    )
    v = _mail("Re: blangko kecamatan", text, sender="petugas.mentarang@gmail.com")
    assert v.requested == 250  # was 400


def test_hundreds_in_digits_take_the_digits_after_them() -> None:
    v = _mail("lap harian sabtu", "lap Sabtu:\nperekaman: 180\npencetakan: 3 ratus 12\nsisa blangko: 640")
    assert (v.printed, v.recorded, v.stock_on_hand) == (312, 180, 640)  # was printed 300


def test_thousands_in_digits_take_the_digits_after_them() -> None:
    v = _mail("permohonan", "Mohon dikirim blangko KTP-el 1 ribu 400 keping untuk layanan malam.")
    assert v.requested == 1400  # was 1000


def test_a_round_figure_with_its_exact_one_in_brackets_is_the_exact_one() -> None:
    v = _mail("Laporan harian", "Perekaman : 88\nPencetakan : 80\nSisa blangko KTP-el : 2.4 rb keping (tepatnya 2.391)")
    assert v.stock_on_hand == 2391  # was a conflict


def test_the_count_against_the_delivery_note_is_what_was_received() -> None:
    v = _mail("terima blangko", "Blangko sudah sampai siang ini. Di surat jalan 1.500, fisik yg kami hitung 1.480 "
              "keping. Mohon dicek selisihnya.")
    assert (v.kind, v.received, v.stock_on_hand) == ("receipt", 1480, None)  # was stock 1480, received none


def test_a_physical_count_with_no_papers_stays_the_stock() -> None:
    v = _mail("stok opname", "Hasil stok opname: tercatat di SIAK 2.310, fisik 2.296 keping.")
    assert (v.stock_on_hand, v.received) == (2296, None)


def test_the_operands_of_a_written_sum_are_no_figures() -> None:
    v = _mail("Re: Laporan harian", "Koreksi pak: cetak yg benar 140 (yg 14 keping lupa masuk), jadi sisa blangko "
              "KTP-el = 905 - 14 = 891. Rekam tetap 150.")
    assert (v.kind, v.stock_on_hand, v.printed, v.recorded, v.received) == ("stock_report", 891, 140, 150, None)


def test_a_sum_that_does_not_check_is_left_as_written() -> None:
    v = _mail("lap", "Rekam 40, cetak 38. Sisa blangko = 905 - 14 = 880.")
    assert v.stock_on_hand is None


def test_what_was_forgotten_is_not_done() -> None:
    v = _mail("lap", "Rekam 52, cetak 47. Ada 6 keping yang lupa diterima di aplikasi, sisa blangko 700.")
    assert (v.received, v.stock_on_hand) == (None, 700)


def test_the_stock_a_team_carried_running_out_is_not_the_districts() -> None:
    v = _mail("laporan jemput bola", "Jemput bola di Pasar Malinau Sabtu-Minggu sudah merekam 130 warga, dicetak di "
              "tempat 118 keping. Blangko yang dibawa tim sudah habis hari Minggu sore.")
    assert (v.kind, v.printed, v.stock_on_hand) == ("stock_report", 118, None)  # was stock 0


def test_a_dropping_that_came_in_is_no_request() -> None:
    v = _mail("Rekap mingguan", "Rekap minggu ini: perekaman 812, pencetakan 790, sisa blangko 1.120.\n"
              "Ket: 14/10 masuk dropping Ditjen 1.000 kpg.")
    assert (v.kind, v.requested, v.received) == ("stock_report", None, 1000)  # was a request of 1000


def test_a_correction_of_a_quoted_table_report_is_a_report_whatever_receipt_its_note_names() -> None:
    text = (
        "Yth. Admin Provinsi,\nKoreksi laporan mingguan kemarin: angka Jumat 03/11 yang benar cetak 90 dan sisa 1.410 "
        "(bukan 96 dan 1.404, 6 keping tercatat dobel).\nAdmin Database\n\n"
        "Pada 05/11/2028 20.00, Admin Database KTT menulis:\n> Lap. Mingguan KTT | 30 Okt - 04 Nov 2028\n>\n"
        "> | Hari  | Tgl | Rekam | Cetak | Sisa |\n> |-------|-----|-------|-------|------|\n"
        "> | Kamis | 02/11 |    80 |    75 | 1.500|\n> | Jumat | 03/11 |    99 |    96 | 1.404|\n>\n"
        "> (02/11 terima 1.000 kpg dari Prov.)\n>\n> Admin Database KTT\n"
    )
    v = _mail("Re: Lap. Mingguan KTT", text, sender='"Admin Database KTT" <disdukcapil@tanatidungkab.example>')
    assert (v.kind, v.received, v.stock_on_hand, v.printed) == ("stock_report", None, 1410, 90)  # was received 6


# --- The rainy-season set (floods, split deliveries, phone abbreviations, English) -----------------------------


def test_the_stock_still_fit_for_use_is_the_stock() -> None:
    v = _mail("stok pasca banjir", "Setelah banjir kami hitung ulang:\n- rusak terendam: 40 keping\n"
              "- stok yang masih bisa dipakai: 920 keping")
    assert v.stock_on_hand == 920  # was none


def test_a_phones_shorthand_of_arrived_is_a_receipt() -> None:
    v = _mail("brg dtg", "brg udh smp pak 2rb kpg, dus aman. mksh")
    assert (v.kind, v.received) == ("receipt", 2000)  # was other


def test_a_receipt_confirmed_with_a_word_of_time_between() -> None:
    v = _mail("KIA blanks", "Hello,\nConfirming receipt today of 800 KIA blanks. All boxes dry.\nRegards")
    assert (v.kind, v.item, v.received) == ("receipt", "kia", 800)  # was other


def test_the_remaining_sent_for_is_asked_and_what_is_left_is_the_stock() -> None:
    v = _mail("April allocation", "We expect to use about 2,000 cards in April. We have 700 left, so please send "
              "the remaining 1,300.")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 1300, 700)  # was a conflict


def test_the_rest_of_a_shipment_that_came_is_received() -> None:
    v = _mail("Re: kiriman", "pak sisanya 200 kmrn udh nyampe td siang, skrg stok 910")
    assert (v.kind, v.received, v.stock_on_hand) == ("receipt", 200, 910)  # was a stock conflict


def test_a_person_whose_mailbox_is_over_quota_is_no_quota_notice() -> None:
    v = _mail("Request for KIA blanks", "Dear Sir/Madam,\nOur office mailbox is over quota, so I write from my own "
              "address. We kindly request 900 blank KIA cards.\nRegards,\nDisdukcapil Kabupaten Malinau",
              sender="staff.malinau@gmail.com")
    assert (v.kind, v.requested) == ("request", 900)  # was automated


def test_the_writers_own_stock_after_a_clause_heard_is_stated() -> None:
    v = _mail("blangko", "Kabarnya Malinau masih punya 2.000-an blangko, kami di sini tinggal 310 keping. "
              "Mohon 1.000 keping dikirim secepatnya.")
    assert (v.requested, v.stock_on_hand) == (1000, 310)  # was stock none


def test_a_raise_with_its_stated_total_asks_the_total() -> None:
    v = _mail("Re: Permohonan blangko", "Selamat pagi pak,\nMohon ditambah 300 lagi pak, jadi total 1.100 keping, "
              "karena ada perekaman di pesantren.\nTerima kasih")
    assert (v.kind, v.requested) == ("request", 1100)  # was a conflict


def test_a_total_less_than_the_raise_is_still_asked_about() -> None:
    v = _mail("Re: Permohonan blangko", "Mohon ditambah 300 lagi pak, jadi total 200 keping.")
    assert v.requested is None


def test_the_stock_glossed_as_usable_in_brackets_is_the_stock() -> None:
    v = _mail("Laporan", "Perekaman 61, pencetakan 58.\nSisa blangko KTP-el (dapat digunakan): 2.204 keping")
    assert v.stock_on_hand == 2204  # was none


def test_a_request_number_asked_after_is_no_figure_and_no_request() -> None:
    v = _mail("Status permintaan REQ-2028-0051", "Selamat pagi,\nMohon info status permintaan kami nomor REQ-2028-0051 "
              "(diajukan 3 Maret). Apakah sudah dikirim?\nTerima kasih")
    assert (v.kind, v.requested) == ("other", None)  # was a request with an unclear figure


def test_a_figure_beside_a_reference_number_is_read() -> None:
    v = _mail("Re: [BLK-2026-0044] Permohonan", "Untuk BLK-2026-0044 mohon ditambah menjadi 1.500 keping pak.")
    assert (v.kind, v.requested) == ("request", 1500)


def test_the_stock_after_a_receipt_is_no_rest_that_came() -> None:
    v = _mail("lap", "Sisa blangko 1.450 keping setelah kiriman kemarin kami terima.")
    assert (v.received, v.stock_on_hand) == (None, 1450)


def test_the_rest_of_the_blanks_named_with_its_reference_is_received() -> None:
    v = _mail("Re: [BLK-2026-0007] Penerimaan", "Selamat siang, sisa blangko KTP-el 600 keping untuk BLK-2026-0007 "
              "hari ini sudah kami terima juga.")
    assert (v.kind, v.received, v.stock_on_hand) == ("receipt", 600, None)


def test_a_question_about_a_reports_form_is_no_report() -> None:
    v = _mail("format laporan KIA per kecamatan", "Selamat pagi,\nMau tanya, format laporan KIA per kecamatan seperti "
              "apa ya pak? Apakah cukup jumlah yang dicetak? Kami ada 9 kecamatan.\nTerima kasih")
    assert (v.kind, v.item) == ("other", None)  # was a stock report


def test_a_report_sent_in_the_new_form_is_a_report() -> None:
    v = _mail("Laporan harian KIA", "Laporan harian KIA sesuai format laporan yang baru: cetak KIA 41, sisa 380.")
    assert (v.kind, v.printed, v.stock_on_hand) == ("stock_report", 41, 380)
