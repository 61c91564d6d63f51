"""Rules from two fresh sets of district mail: a named UPT's stock and a UPT's own report are not the
district's, another province's office writes for no district, a length of time glued with a hyphen counts
no blanks, and a total received over a long period (with the figure joined to it) is no receipt."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.reader import read_message
from mailbot.reader.verdict import Verdict
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, read_plain

DESK = OWN_ADDRESSES[0]
NUNUKAN = "disdukcapil@nunukankab.example"
PERSONAL = "operator.sebuku77@gmail.com"


def _mail(subject: str, text: str, *, sender: str = NUNUKAN) -> Verdict:
    return read_plain(subject, text, sender=sender)


UPT_SIGNATURE = "\n\nSalam,\nMarten\nOperator UPT Disdukcapil Kec. Sebuku\nKabupaten Nunukan\n"


def test_a_named_upts_empty_stock_is_not_the_districts_stock() -> None:
    v = _mail("Permohonan blangko UPT Sebuku", "Selamat siang Bapak/Ibu,\nStok blangko KTP-el di UPT Sebuku "
              "sudah kosong sejak Kamis. Kami mohon dialokasikan 250 keping untuk Sebuku." + UPT_SIGNATURE,
              sender=PERSONAL)
    assert (v.kind, v.district, v.requested, v.stock_on_hand) == ("request", "65.03", 250, None)  # was stock 0


def test_a_named_upts_stock_figure_is_not_the_districts_stock() -> None:
    v = _mail("permohonan", "Mohon tambahan blangko KTP-el 1.200 keping. Sisa blangko di UPT Lumbis Ogong "
              "tinggal 40 keping, sedangkan antrean cetak masih panjang.")
    assert (v.requested, v.stock_on_hand) == (1200, None)  # was stock 40


def test_a_stock_at_the_writers_own_unnamed_upt_is_still_the_stock() -> None:
    v = _mail("lap", "Rekam 12, cetak 10. Sisa blangko di kantor UPT tinggal 90 keping.")
    assert v.stock_on_hand == 90


def test_a_upts_own_report_gives_no_district_figures() -> None:
    v = _mail("Laporan UPT Sebuku 3 hari (listrik padam)", "Selamat pagi,\nLaporan UPT Sebuku 3 hari terakhir:\n"
              "2/12 rekam 10 cetak 8\n3/12 rekam 7 cetak 7\n4/12 rekam 12 cetak 0\n\nSisa blangko di UPT Sebuku: "
              "habis." + UPT_SIGNATURE, sender=PERSONAL)
    assert v.kind == "stock_report" and v.district == "65.03"
    assert (v.stock_on_hand, v.printed, v.recorded) == (None, None, None)  # were 0, 0 and 12 (the last row)


def test_a_upts_report_forwarded_under_the_districts_total_keeps_the_total() -> None:
    v = _mail("Fwd laporan UPT Sebuku", "Laporan UPT Sebuku terlampir di bawah. Total kabupaten hari ini: "
              "rekam 140, cetak 121, sisa blangko gudang kabupaten 1.905.")
    assert (v.kind, v.recorded, v.printed, v.stock_on_hand) == ("stock_report", 140, 121, 1905)


def test_another_provinces_office_asking_to_borrow_is_other_mail() -> None:
    v = _mail("Permohonan pinjam blangko", "Dengan hormat,\nSehubungan dengan keterlambatan distribusi blangko "
              "KTP-el untuk Provinsi Kalimantan Selatan, sedangkan stok pada kabupaten/kota di wilayah kami tinggal "
              "2.100 keping, kami bermaksud memohon pinjam pakai blangko KTP-el sebanyak 4.000 keping, yang akan "
              "dikembalikan setelah alokasi dari Ditjen kami terima.\n\nHormat kami,\nDisdukcapil Provinsi "
              "Kalimantan Selatan\n", sender="dukcapil@kalselprov.example")
    assert (v.kind, v.district, v.requested, v.stock_on_hand) == ("other", None, None, None)  # was receipt, 2.100


def test_another_provinces_office_asking_to_visit_is_other_mail() -> None:
    v = _mail("Studi tiru", "Selamat siang,\nKami dari Disdukcapil Provinsi Kalimantan Selatan ingin belajar cara "
              "Kaltara memantau stok blangko 5 kab/kota lewat laporan harian. Apakah kami boleh berkunjung?\n"
              "Salam,\nRina\nDisdukcapil Prov. Kalimantan Selatan", sender="piak.kalsel@gmail.com")
    assert v.kind == "other"  # was a stock report


def test_a_length_of_time_glued_with_a_hyphen_counts_no_blanks() -> None:
    v = _mail("Internship inquiry", "Dear Sir/Madam,\nI am a student at Universitas Borneo Tarakan and would "
              "like to apply for a 3-month internship (March-May 2027) at your office, particularly in inventory "
              "management.\nThank you.\nNanda", sender="nanda@student.example")
    assert (v.kind, v.requested) == ("other", None)  # was a request for 3


def test_a_total_received_over_a_long_period_is_no_receipt() -> None:
    v = _mail("Permintaan data distribusi", "Untuk pemeriksaan Inspektorat kami mohon data distribusi blangko "
              "Januari s.d. Oktober. Menurut catatan kami, total yang diterima selama periode tersebut 14.000 "
              "keping KTP-el dan 3.500 keping KIA, perlu kami cocokkan dengan data provinsi.")
    assert v.received is None  # was 3.500, the KIA figure joined to the period's KTP-el total


def test_applications_counted_beside_the_days_work_are_no_request() -> None:
    v = _mail("KIA report 3 Des", "Sore Pak,\nKIA report hari ini: pengajuan 37, cetak 33, sisa blangko KIA 140 "
              "lembar. Aman!\nDina", sender="disdukcapil@tarakankota.example")
    assert (v.kind, v.item, v.requested, v.printed, v.stock_on_hand) == ("stock_report", "kia", None, 33, 140)
    # was a request for 37


def test_a_request_labelled_with_its_noun_is_still_asked() -> None:
    v = _mail("permohonan", "Permohonan: 1.500 keping blangko KTP-el, sisa stok 300 keping.")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 1500, 300)


def test_a_stated_total_of_the_days_lines_is_the_periods_figure() -> None:
    v = _mail("Laporan harian 7/12 - 9/12 (3 hari, listrik padam)",
              "Mohon maaf laporan 3 hari baru terkirim.\nSenin 7/12 : perekaman 22, pencetakan 20, sisa blangko 980\n"
              "Selasa 8/12 : perekaman 31, pencetakan 30, sisa blangko 950\nRabu 9/12 : perekaman 18, pencetakan "
              "15, sisa blangko 935\nJumlah 3 hari: perekaman 71, pencetakan 65.")
    assert (v.recorded, v.printed, v.stock_on_hand) == (71, 65, 935)  # were both asked back (conflict)


def test_a_total_line_that_is_not_the_sum_stays_in_doubt() -> None:
    v = _mail("Laporan harian 7/12 - 9/12", "Senin 7/12 : perekaman 22\nSelasa 8/12 : perekaman 31\n"
              "Rabu 9/12 : perekaman 18\nJumlah 3 hari: perekaman 75.")
    assert v.recorded is None


def test_a_breakdown_line_said_to_be_already_counted_is_no_figure() -> None:
    v = _mail("rekap kab 3 hari", "Berikut rekap kabupaten 7/12 s.d. 9/12:\nPerekaman : 240\nPencetakan : 215\n"
              "Sisa blangko gudang kabupaten : 1.760\nRincian Sebuku: rekam 31, cetak 28 (tidak menambah angka di "
              "atas, sudah termasuk).")
    assert (v.recorded, v.printed, v.stock_on_hand) == (240, 215, 1760)  # were asked back (conflict)


def test_a_figure_said_to_include_something_stays() -> None:
    v = _mail("laporan", "Perekaman: 40\nCetak: 38\nSisa: 1.330 keping (sudah termasuk tambahan dari provinsi)")
    assert v.stock_on_hand == 1330


def test_a_need_until_the_year_closes_minus_the_stock_is_asked() -> None:
    v = _mail("permohonan blanko", "kebutuhan blanko ktp sampai tutup buku kurleb 3.000 keping, stok kami skrg 1.100. "
              "jd mohon kekurangannya dikirim ya pak.")
    assert (v.requested, v.stock_on_hand) == (1900, 1100)  # was none: "sampai" taken for "arrived"


def test_what_the_writer_wants_to_put_forward_is_asked() -> None:
    v = _mail("permohonan", "pagi bu, mau ajukan blangko ktp 2.200 keping ya, stok sisa 610.")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 2200, 610)  # requested was unclear


def test_minta_with_its_vowel_dropped_asks() -> None:
    v = _mail("minta blangko", "siang kk, mnta 2,5 rb blangko ktp ya, sisa kami 870. mksh")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 2500, 870)  # requested was unclear


def test_a_corrected_answer_sets_aside_the_figure_it_denies() -> None:
    v = _mail("Re: Klarifikasi permohonan blangko", "ralat bu, yg benar 1.400 bkn 4.100. salah ketik.\n"
              "sisa stok tetap 1.020.\n\n> Permohonan Bapak/Ibu sebanyak 4.100 keping jauh di atas kebutuhan.\n"
              "> Mohon konfirmasi jumlah yang dimohon.\n")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 1400, 1020)  # requested was unclear


def test_a_lettered_line_naming_a_blank_gives_its_stock_that_blank() -> None:
    v = _mail("Permohonan Blangko KTP-el dan KIA", "Dengan hormat, kami mengajukan permohonan:\n"
              "a. blangko KTP-el sebanyak 1.500 (seribu lima ratus) keping, sisa stok 1.240 keping;\n"
              "b. blangko KIA sebanyak 600 (enam ratus) keping, sisa stok 70 keping.\n")
    assert (v.item, v.requested, v.stock_on_hand) == ("ktp-el", 1500, 1240)  # the stock was a conflict


def test_a_list_takes_the_role_of_the_last_clause_of_its_lead() -> None:
    v = _mail("Surat Permohonan Blangko", "Memperhatikan persediaan blangko kami yang semakin menipis menjelang "
              "akhir tahun, dengan ini kami mengajukan permohonan:\n1. Blangko KTP-el sebanyak 2.500 (dua ribu lima "
              "ratus) keping;\n2. Blangko KIA sebanyak 700 (tujuh ratus) keping.\nAdapun sisa persediaan adalah "
              "blangko KTP-el 980 keping dan blangko KIA 120 keping.")
    assert (v.kind, v.item, v.requested, v.stock_on_hand) == ("request", "ktp-el", 2500, 980)  # was unclear


def test_a_count_of_boxes_between_the_blanks_and_their_receipt_verb() -> None:
    v = _mail("RE: Persetujuan tambahan blangko", "Bersama ini kami sampaikan bahwa blangko KTP-el sebanyak 2.500 "
              "(dua ribu lima ratus) keping dalam 5 (lima) box telah kami terima pada hari Senin pukul 10.20.")
    assert (v.kind, v.received) == ("receipt", 2500)  # was missing


def test_a_role_word_right_before_the_next_figure_is_that_figures() -> None:
    v = _mail("blangko baru sebagian", "kk, dr 3.000 yg dikirim baru diterima 1.500 td pagi, sisanya menyusul "
              "kapal berikutnya.")
    assert (v.kind, v.received) == ("receipt", 1500)  # was a conflict of 3.000 and 1.500


def test_a_stock_stated_before_an_ask_put_as_a_question_is_stated() -> None:
    v = _mail("izin tanya + request", "Izin tanya sekalian request. Blanko e-KTP di Tana Tidung sisa ± 650, kira2 "
              "bisa dikirim 3rb gak kak? Minggu depan ada perekaman di sekolah.", sender="ktt.intern@gmail.com")
    assert (v.requested, v.stock_on_hand) == (3000, 650)  # the stock was taken as asked about


def test_a_stock_asked_about_is_still_no_figure() -> None:
    v = _mail("tanya", "Apakah benar stok di gudang saat ini 6.600 keping?")
    assert v.stock_on_hand is None


def test_an_answer_to_the_desk_proposing_a_figure_is_the_request() -> None:
    v = _mail("Re: Klarifikasi permohonan blangko", "siap bu, jadi 1.200 saja cukup, sisanya nanti bulan depan.\n\n"
              "> Permohonan 2.000 keping dengan stok 700 keping kami terima. Stok provinsi terbatas; apakah 1.200 "
              "keping mencukupi sampai pengiriman berikutnya?\n", sender="disdukcapil@tarakankota.example")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 1200, None)  # was other mail, no figure


def test_the_figure_that_sums_the_others_of_its_role_is_their_total() -> None:
    v = _mail("lap 2 minggu (16-27 nov)", "kk ini lap 2 minggu sy rangkum\nMinggu III (16-20 Nov)\nrekam 430\n"
              "cetak 401\nMinggu IV (23-27 Nov)\nrekam 388\ncetak 350\ntotal 16-27 nov: rekam 818 cetak 751\n"
              "sisa blangko ktp per hr ini 2.260")
    assert (v.recorded, v.printed, v.stock_on_hand) == (818, 751, 2260)  # were conflicts


def test_figures_of_one_role_none_of_which_is_the_others_sum_stay_in_doubt() -> None:
    v = _mail("lap 2 minggu", "Minggu III: rekam 430\nMinggu IV: rekam 388\nDua minggu: rekam 820")
    assert v.recorded is None


def test_the_sum_needs_no_total_word() -> None:
    v = _mail("lap 2 minggu", "Minggu III: rekam 430\nMinggu IV: rekam 388\nDua minggu: rekam 818")
    assert v.recorded == 818  # was a conflict


def test_a_blank_out_before_a_shipment_came_is_no_stock_now() -> None:
    v = _weekly_with_sheet()
    assert (v.kind, v.stock_on_hand, v.printed, v.recorded) == ("stock_report", 512, 71, 95)
    # was a receipt with the stock a conflict of the sheet's 512 and the prose's "habis"


def _weekly_with_sheet() -> Verdict:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "disdukcapil@tanatidungkab.example", DESK, "lap mingguan 7-11 des"
    msg.set_content("Sore Bapak/Ibu, lap mingguan terlampir ya. Tgl 7-8 cetak tertunda krn blangko habis, tgl 9 "
                    "kiriman sdh masuk.")
    sheet = ("Tanggal,Perekaman KTP-el,Cetak KTP-el,Sisa blangko KTP-el\n07/12/2026,18,0,0\n08/12/2026,21,0,0\n"
             "09/12/2026,20,30,570\n10/12/2026,19,24,546\n11/12/2026,17,17,512\n")
    msg.add_attachment(sheet.encode(), maintype="text", subtype="csv", filename="mingguan.csv")
    return read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES)


def test_a_blank_out_with_no_shipment_since_is_still_out() -> None:
    v = _mail("lap", "Rekam 14, cetak 0 krn blangko habis. Kiriman belum datang.")
    assert v.stock_on_hand == 0


def test_a_notice_of_leave_with_no_figure_is_other_mail() -> None:
    v = _mail("Pemberitahuan cuti operator", "Selamat pagi Bapak/Ibu,\nMulai tanggal 21 s.d. 30 Desember 2026 saya "
              "menjalani cuti tahunan. Selama saya cuti, laporan harian dan urusan blangko dilanjutkan oleh Sdr. "
              "Rudi (HP 0812-5544-1200).\nTerima kasih.")
    assert (v.kind, v.item) == ("other", None)  # was a stock report with its stock missing


def test_a_report_sent_by_the_colleague_who_takes_over_is_a_report() -> None:
    v = _mail("lap harian", "Selamat sore, sy Rudi, selama bu Sari cuti laporan harian dilanjutkan oleh sy.\n"
              "Perekaman 33, pencetakan 30, sisa blangko 1.210 keping.")
    assert (v.kind, v.recorded, v.printed, v.stock_on_hand) == ("stock_report", 33, 30, 1210)
