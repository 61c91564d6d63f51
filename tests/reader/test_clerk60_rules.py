"""Rules for figures a careful clerk does not take: a blank that ran out once (before a shipment came), the running
total of a shipment after the part that came now, a small count of weeks before "minggu ini", an earlier ask the
writer changes to another figure, and a regency of another province asking for blanks; each test is a short mail
with other words and figures."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail

BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
MALINAU_PERSONAL = "Lukas Ding <lukas.ding.mlnw@gmail.com>"
PASER = "Disdukcapil Kab. Paser <disdukcapil@paserkab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"

RECAP = (
    "Yth. Kabid PIAK,\n\nBersama ini kami sampaikan rekap tiga bulan terakhir beserta perkembangan bulan ini:\n\n"
    "| Bulan | Perekaman | Pencetakan | Sisa blangko |\n"
    "| Agustus 2029 | 1.320 | 1.250 | 2.100 |\n"
    "| September 2029 | 1.190 | 1.102 | 998 |\n"
    "| Oktober 2029 (s.d. tgl 15) | 611 | 580 | 418 |\n\n"
    "Demikian disampaikan.\nStefanus"
)


def dated(sender: str, subject: str, body: str, date: str) -> dict[str, object]:
    """A plain-text mail from *sender* sent on *date*, as `mailbot parse --json` shows it."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"], msg["Date"] = sender, OWN_ADDRESSES[0], subject, date
    msg.set_content(body)
    return read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


def test_a_blank_that_ran_out_once_is_no_stock_of_zero_now() -> None:
    read = mail(BULUNGAN, "Laporan mingguan",
                "Dengan hormat, perekaman minggu ini 315 orang dan pencetakan 290 keping. Pelayanan sempat "
                "terhenti karena blangko KTP-el sempat habis pada hari Selasa.")
    assert read["recorded"] == 315
    assert read["stock_on_hand"] is None


def test_a_blank_out_before_the_shipment_arrived_is_no_stock_of_zero_now() -> None:
    read = mail(BULUNGAN, "Laporan mingguan",
                "Perekaman 210, pencetakan 188. Blangko KTP-el habis hari Rabu sebelum kiriman datang.")
    assert read["printed"] == 188
    assert read["stock_on_hand"] is None


def test_a_blank_out_now_stays_a_stock_of_zero() -> None:
    read = mail(BULUNGAN, "Blangko KTP-el habis", "Stok blangko KTP-el kami sudah habis, mohon dikirim 2.000 keping.")
    assert read["stock_on_hand"] == 0


def test_the_shipment_completed_by_the_part_that_came_is_no_count_received() -> None:
    read = mail(NUNUKAN, "Penerimaan blangko KTP-el",
                "Kiriman blangko KTP-el tahap II sebanyak 700 keping sudah tiba, jadi kiriman 1.400 keping sudah kami "
                "terima semua.")
    assert read["received"] == 700


def test_a_few_weeks_before_minggu_ini_count_no_blanks() -> None:
    read = mail(BULUNGAN, "blangko",
                "mohon maaf pak, ada rekam massal sekolah 2 minggu ini jadi blangko cepat berkurang.")
    assert read["recorded"] is None


def test_a_count_done_this_week_is_still_read() -> None:
    read = mail(BULUNGAN, "Laporan", "Perekaman 412 minggu ini, pencetakan 380 keping, sisa blangko 1.120 keping.")
    assert read["recorded"] == 412


def test_an_earlier_ask_changed_to_another_figure_asks_the_new_one() -> None:
    read = mail(MALINAU_PERSONAL, "Re: blangko ktp",
                "pak yg kemarin 1rb jadi 1,5rb aja pak, antrian makin banyak.\n\n"
                "Lukas - operator Disdukcapil Malinau\n\n"
                "Pada Sen, 3 Jan 2028 pukul 09.12 Lukas Ding <lukas.ding.mlnw@gmail.com> menulis:\n\n"
                "> Pak, boleh minta blangko ktp 1rb? stok tinggal sedikit.")
    assert read["requested"] == 1500
    assert read["kind"] == "request"


def test_a_regency_of_another_province_writes_for_no_district() -> None:
    read = mail(PASER, "Bantuan blangko KIA",
                "Yth. Kepala Dinas Dukcapil Provinsi Kalimantan Utara,\n\nDengan hormat, berhubung alokasi blangko KIA "
                "untuk Kabupaten Paser (Prov. Kalimantan Timur) belum datang, kami mohon kiranya dapat dibantu blangko "
                "KIA sebanyak 400 keping dan akan kami ganti bulan depan. Stok KIA kami saat ini 0 keping.\n\n"
                "Kepala Disdukcapil Kabupaten Paser")
    assert read["kind"] == "other"
    assert read["district"] is None
    assert read["requested"] is None and read["stock_on_hand"] is None


def test_the_rest_of_a_shipment_said_to_have_come_is_received() -> None:
    read = mail(NUNUKAN, "Penerimaan kiriman tahap kedua",
                "Dengan hormat, sisa kiriman blangko KTP-el sebanyak 900 keping telah tiba tadi pagi dengan kapal "
                "reguler.")
    assert read["received"] == 900
    assert read["stock_on_hand"] is None


def test_the_rest_of_a_shipment_not_yet_come_is_not_received() -> None:
    read = mail(NUNUKAN, "Kiriman blangko", "Sisa kiriman 900 keping belum tiba, mohon informasinya.")
    assert read["received"] is None


def test_a_shipment_of_which_a_part_came_is_not_the_count_received() -> None:
    read = mail(NUNUKAN, "Penerimaan sebagian",
                "Pak, kiriman 2.400 keping baru kami terima sebagian, 1.000 keping, sisanya masih di pelabuhan.")
    assert read["received"] == 1000


def test_a_recap_of_months_closed_by_the_month_of_the_mail_reads_that_row() -> None:
    read = dated(MALINAU, "Laporan perkembangan", RECAP, "Wed, 16 Oct 2029 09:00:00 +0800")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (611, 580, 418)


def test_a_recap_of_months_ending_before_the_mail_reads_no_row() -> None:
    read = dated(MALINAU, "Laporan perkembangan", RECAP, "Fri, 01 Nov 2029 09:00:00 +0800")
    assert read["recorded"] is None and read["printed"] is None and read["stock_on_hand"] is None


def test_a_figure_after_one_denied_with_tapi_corrects_it() -> None:
    read = mail(NUNUKAN, "permintaan blangko",
                "Pak, mohon dikirim blangko KTP-el 1.500 keping. Stok kami 850.\n\n"
                "Eh maaf salah tulis Pak, stok kami bukan 850 keping tetapi 580 keping.")
    assert read["requested"] == 1500
    assert read["stock_on_hand"] == 580


def test_a_month_end_stock_of_an_earlier_month_gives_way_to_the_stock_now() -> None:
    read = dated(MALINAU, "Laporan mingguan",
                 "Dengan hormat, stok blangko KTP-el pada akhir September sebanyak 1.200 keping dan pada akhir Oktober "
                 "900 keping. Minggu ini pencetakan 190 keping, sisa blangko per 8 November 702 keping.",
                 "Fri, 08 Nov 2029 09:00:00 +0800")
    assert read["stock_on_hand"] == 702


def test_a_month_end_stock_said_alone_stays_the_stock() -> None:
    read = dated(MALINAU, "Permohonan blangko",
                 "Dengan hormat, sisa blangko KTP-el kami pada akhir Desember 2029 sebanyak 300 keping. Mohon dikirim "
                 "2.000 keping.", "Mon, 07 Jan 2030 09:00:00 +0800")
    assert read["stock_on_hand"] == 300 and read["requested"] == 2000


def test_a_weeks_report_with_a_row_per_weekday_and_no_total_sums_the_rows() -> None:
    read = mail(BULUNGAN, "Laporan mingguan 3-7 Maret",
                "LAPORAN MINGGUAN PERIODE 3-7 MARET\n\n"
                "HARI      REKAM  CETAK\n"
                "SENIN       30     28\n"
                "SELASA      22     20\n"
                "RABU        27     27\n"
                "KAMIS       19     17\n"
                "JUMAT       24     21\n\n"
                "SISA BLANGKO PER 7 MARET: 640 KEPING.")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (122, 113, 640)


def test_a_blank_out_until_a_shipment_comes_stays_a_stock_of_zero() -> None:
    read = mail(BULUNGAN, "lap harian KIA",
                "pencetakan KIA 0, blangko KIA habis, cetak KIA kami tunda sampai kiriman datang")
    assert read["stock_on_hand"] == 0
