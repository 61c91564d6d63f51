"""Rules from two fresh sets of district mail: a request's supporting day rows are background, a request revised
in English, a printer supply for a blank, blanks found at a kecamatan office, a stock said of the week now, and
children counted for KIA."""

from __future__ import annotations

from mailbot.reader.verdict import Verdict
from tests.reader.conftest import OWN_ADDRESSES, read_plain

DESK = OWN_ADDRESSES[0]
MALINAU = "disdukcapil@malinaukab.example"


def _mail(subject: str, text: str, *, csv: str | None = None, sender: str = MALINAU) -> Verdict:
    return read_plain(subject, text, sender=sender, csv=csv)


def test_a_requests_day_rows_attached_as_background_give_no_work_figures() -> None:
    v = _mail("Permohonan blangko", "Mohon tambahan blangko KTP-el 1.500 keping, sisa stok kami 420 keping. "
              "Data harian terlampir sebagai bahan pertimbangan.",
              csv="Tanggal,Perekaman,Pencetakan\n02/03/2026,88,80\n03/03/2026,95,91\n04/03/2026,77,70\n")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 1500, 420)
    assert (v.printed, v.recorded) == (None, None)  # was the last row's 70 and 77


def test_the_same_day_rows_in_a_report_still_give_the_period() -> None:
    v = _mail("Laporan blangko 2-4 Maret", "Laporan kegiatan terlampir.",
              csv="Tanggal,Perekaman,Pencetakan,Sisa\n02/03/2026,88,80,600\n03/03/2026,95,91,509\n"
                  "04/03/2026,77,70,439\n")
    assert v.kind == "stock_report" and v.stock_on_hand == 439


def test_a_request_revised_down_in_english_is_the_request() -> None:
    v = _mail("Re: Blank card request", "Dear team, kindly revise our request down to 900 pieces, as the "
              "neighbouring sub-district lent us some blanks.")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 900, None)  # was stock 900 ("down to")


def test_a_ribbon_for_kia_used_up_is_no_stock_of_kia_blanks() -> None:
    v = _mail("ribbon", "Pak, tinta printer kami tinggal 1 botol, ribbon KIA habis. Blangko masih cukup.")
    assert v.stock_on_hand is None  # was KIA stock 0


def test_blanks_found_at_a_kecamatan_office_are_not_the_districts_stock() -> None:
    v = _mail("koreksi permohonan", "Mohon maaf, permintaan kami cukup 800 keping saja, karena setelah stok "
              "opname ternyata ada 350 keping di gudang UPT Mentarang yang belum dicatat.")
    assert (v.requested, v.stock_on_hand) == (800, None)  # was stock 350


def test_a_stock_said_of_the_week_now_beside_last_weeks_is_the_stock() -> None:
    v = _mail("laporan", "Minggu lalu sisa kami 1.900 keping, minggu ini tinggal 1.240 keping.")
    assert v.stock_on_hand == 1240  # was none: "minggu ini" took the figure for a running count


def test_children_counted_for_kia_are_no_blanks_asked_for() -> None:
    v = _mail("Data anak", "Menindaklanjuti permintaan data, jumlah anak 0-17 tahun ber-KIA : 18.450 anak.")
    assert v.requested is None


def test_packages_with_their_size_in_brackets_are_counts_of_blanks() -> None:
    assert _mail("minta", "Minta 3 box (@500 keping) ya pak.").requested == 1500  # "(@500" was masked as an address
    assert _mail("minta", "mhn kirim 3 rim (1 rim isi 500 lbr). tks").requested == 1500  # a ream of blanks
    v = _mail("stok opname", "Hasil stok opname: sisa fisik 3 box (@ 500 keping) belum dibuka dan 42 lembar lepas.")
    assert v.stock_on_hand == 1542  # whole unopened boxes and the loose blanks are one count


def test_an_address_in_brackets_is_still_no_figure() -> None:
    v = _mail("minta", "Kontak kami (budi.capil@malinaukab.example), mohon dikirim 600 keping.")
    assert v.requested == 600


def test_a_table_of_last_week_beside_this_week_under_a_label_header_reads_this_weeks_column() -> None:
    v = _mail("Laporan mingguan", "Perbandingan:\n\nUraian\tMinggu lalu (2-6 Mar)\tMinggu ini (9-13 Mar)\n"
              "Perekaman\t512\t478\nPencetakan\t490\t455\nSisa stok blangko KTP-el\t2.110\t1.655\n")
    assert (v.stock_on_hand, v.printed, v.recorded) == (1655, 455, 478)  # was last week's: 2.110, 490, 512


def test_the_week_beside_the_running_count_still_reads_the_week() -> None:
    v = _mail("Laporan mingguan", "Uraian | Minggu ini | s.d. minggu ini\nPerekaman | 478 | 20.415\n"
              "Pencetakan | 455 | 19.020\nSisa blangko | 1.655 | -\n")
    assert (v.stock_on_hand, v.printed, v.recorded) == (1655, 455, 478)


def test_terse_shorthand_for_asking_and_receiving() -> None:
    v = _mail("Mnt blangko KIA", "Mnt blangko KIA 150 pcs pak, sisa 9. Ktp-el aman.")
    assert (v.kind, v.item, v.requested, v.stock_on_hand) == ("request", "kia", 150, 9)  # was a report of 9
    v = _mail("blangko sdh trm", "pagi pak, blangko 1.500 keping sdh kami trm kmrn sore. makasih")
    assert (v.kind, v.received) == ("receipt", 1500)  # was other mail


def test_an_approval_asked_to_become_a_figure_is_the_ask() -> None:
    v = _mail("RE: Permohonan blangko", "Terima kasih atas persetujuannya. Namun mohon kiranya jumlah yang disetujui "
              "dapat dinaikkan menjadi 1.800 keping, karena antrean masih panjang.")
    assert v.requested == 1800  # was none: the figure was taken for the approval said back


def test_the_writers_ask_beside_a_table_of_need_is_the_request() -> None:
    v = _mail("Permohonan blangko", "Kebutuhan kami:\nKecamatan\tKebutuhan Jan-Mar\nMalinau Kota\t700\n"
              "Mentarang\t300\nJUMLAH\t1.000\nKebutuhan tersebut dikurangi sisa stok kami 400 keping, sehingga kami "
              "mohon kekurangannya sebanyak 600 keping dapat dikirimkan.")
    assert (v.requested, v.stock_on_hand) == (600, 400)  # was none: the table's 1.000 against the 600 asked


def test_a_receipt_among_the_stock_and_the_days_work_is_a_report() -> None:
    v = _mail("lap stok blangko 9/3", "Lapor, sisa blangko KTP-el per 9 Maret 1.430 keping, setelah kiriman 1.000 "
              "keping dari provinsi kami terima tanggal 5 kemarin.\nPerekaman hari ini 52, cetak 47.")
    assert (v.kind, v.stock_on_hand, v.received, v.printed, v.recorded) == ("stock_report", 1430, 1000, 47, 52)


def test_the_remaining_figure_asked_for_after_a_calculation_is_the_request() -> None:
    v = _mail("KIA blanks", "Our calculation: average of 15 KIA cards per day x 20 working days = 300 cards. We still "
              "have 120 in stock, so we kindly ask for the remaining 180 cards.")
    assert (v.item, v.requested, v.stock_on_hand) == ("kia", 180, 120)  # was a stock conflict (120 / 180)
    v = _mail("Usulan blangko KIA", "- rata-rata pencetakan KIA 6 keping/hari x 20 hari kerja = 120 keping\n"
              "- sisa stok KIA = 45 keping\n- kekurangan = 75 keping\nMohon kekurangan 75 (tujuh puluh lima) keping "
              "tersebut dapat dipenuhi. Blangko KTP-el tidak kami usulkan bulan ini.")
    assert (v.item, v.requested, v.stock_on_hand) == ("kia", 75, 45)  # was KTP-el, and 120 against 75


def test_a_revision_under_the_desks_acknowledgement_quoted_with_an_attribution_line() -> None:
    quoted = ("On 05/03/2026 16:00, blangko@disdukcapil.kaltaraprov.example wrote:\n> Yth. Bapak/Ibu Operator,\n>\n"
              "> Permohonan Disdukcapil Kabupaten Malinau sebanyak 2.000 keping blangko KTP-el telah kami terima.\n"
              "> Sisa stok yang dilaporkan: 500 keping.\n")
    v = _mail("Re: minta blangko", "ralat pak, cukup 1.200 aja. yg 2.000 kebanyakan, jemput bola ditunda.\n\n" + quoted)
    assert (v.kind, v.requested) == ("request", 1200)  # was a receipt ("telah kami terima" across "2.000")


def test_a_list_of_places_closed_by_its_total_under_a_titled_role() -> None:
    v = _mail("Laporan 28/11", "Laporan perekaman KTP-el per kecamatan, 28/11/2026\n\nMalinau Kota   : 40\n"
              "Malinau Barat  : 25\nMentarang      : 17\n--------------\nJumlah         : 82\n\n"
              "Sisa blangko KTP-el: 1.310 keping.")
    assert (v.recorded, v.stock_on_hand) == (82, 1310)  # was no recorded figure


def test_a_list_of_places_whose_total_is_no_sum_is_not_taken_for_one() -> None:
    v = _mail("Laporan 28/11", "Laporan perekaman KTP-el per kecamatan, 28/11/2026\n\nMalinau Kota   : 40\n"
              "Malinau Barat  : 25\nMentarang      : 17\nJumlah         : 90\n\nSisa blangko KTP-el: 1.310 keping.")
    assert v.recorded != 90


def test_thousands_with_the_hundreds_glued_after_rb() -> None:
    assert _mail("stok", "stok ktp tinggal 2rb3 pcs pak").stock_on_hand == 2300  # was 2
    assert _mail("minta", "mnt blangko 1rb5 ya pak stok sisa 400").requested == 1500
    assert _mail("stok", "sisa stok 2rb30 pak").stock_on_hand is None  # 2.030 or 2.300: a clerk asks


def test_the_rest_of_a_request_asked_for_is_the_request_not_stock() -> None:
    v = _mail("RE: persetujuan sebagian", "Mohon sisa 800 keping dari permohonan kami dapat dikirim pada "
              "pengiriman berikutnya.")
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 800, None)  # was a stock of 800


def test_a_decimal_said_in_words_by_voice_typing() -> None:
    v = _mail("laporan", "informasi dari kantor blangko sisa dua koma lima ribu keping titik terima kasih")
    assert v.stock_on_hand == 2500  # was 5.000 ("lima ribu")


def test_a_count_followed_by_the_work_it_counts_from_a_field_team() -> None:
    v = _mail("Rekap JB", "[12/10 19.02] Daniel: Rekap JB Kec. Mentarang\n[12/10 19.04] Daniel: Total 96 perekaman\n\n"
              "Daniel\nKoord. Jemput Bola Disdukcapil Malinau")
    assert (v.kind, v.recorded) == ("stock_report", 96)  # was other mail


def test_a_part_in_brackets_stays_a_part() -> None:
    v = _mail("laporan", "1) Perekaman KTP-el: 109 (termasuk 23 perekaman jemput bola)\n2) Pencetakan KTP-el: 104\n"
              "3) Sisa blangko: 1.216")
    assert (v.recorded, v.printed, v.stock_on_hand) == (109, 104, 1216)


def test_blanks_offered_on_loan_are_asked_by_no_one() -> None:
    v = _mail("Pinjaman blangko", "Kami dengar stok Kabupaten Bulungan tinggal sekitar 300 keping. Bila diperlukan, "
              "Kabupaten Malinau bisa meminjamkan 400 keping dulu sambil menunggu kiriman provinsi.")
    assert v.requested is None and v.kind != "request"  # was a request of 400
