"""Rules for mail written during an emergency, away from the office: the rest of a need asked without its figure
("sisa kebutuhannya"), also when the need is given place by place with its total; a post's own blanks; cards still
fit to print; work done up to a date; a forwarded mail the forwarder says not to count; a correction naming the
receipt paper it corrects; a shipment thanked for in a mail that asks anew; the province named as a shipment's
sender; a total of days equal to one day's count when the other days printed nothing; the delivery papers' figure
set against what arrived. Each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Disdukcapil Nunukan <capil.nunukan@nunukankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


def test_the_rest_of_the_need_asked_is_the_need_less_the_stock() -> None:
    read = mail(NUNUKAN, "Permohonan blangko KTP-el",
                "Kebutuhan blangko KTP-el kami sampai akhir bulan 1.600 keping, stok yang ada 700 keping.\n"
                "Mohon sisa kebutuhannya dapat dikirim minggu ini.")
    assert read["kind"] == "request" and read["requested"] == 900 and read["stock_on_hand"] == 700


def test_the_need_given_place_by_place_with_its_total_is_the_total() -> None:
    read = mail(NUNUKAN, "Permohonan blangko KTP-el untuk UPT",
                "Kebutuhan UPT Krayan 400 keping, UPT Lumbis 200 keping, jumlah 600 keping. Stok di gudang 150 "
                "keping.\nMohon kekurangannya dikirim.")
    assert read["requested"] == 450


def test_the_need_given_place_by_place_without_a_total_leaves_the_gap_unclear() -> None:
    read = mail(NUNUKAN, "Permohonan blangko KTP-el untuk UPT",
                "Kebutuhan UPT Krayan 400 keping, UPT Lumbis 200 keping. Stok di gudang 150 keping.\n"
                "Mohon kekurangannya dikirim.")
    assert read["requested"] is None


def test_what_is_left_of_the_blanks_carried_to_a_post_is_no_district_stock() -> None:
    read = mail(MALINAU, "laporan posko",
                "Posko Sungai Boh: rekam 35, cetak 31.\nBlangko yang kami bawa ke posko 300, sisa 269.")
    assert read["stock_on_hand"] is None and read["printed"] == 31 and read["recorded"] == 35


def test_a_post_out_of_blanks_is_no_district_out_of_blanks() -> None:
    read = mail(MALINAU, "blangko posko",
                "Bu, kiriman untuk posko Mentarang belum tiba. Sisa blangko kami di posko sudah habis.")
    assert read["stock_on_hand"] is None


def test_cards_still_fit_to_print_are_not_cards_printed() -> None:
    read = mail(NUNUKAN, "Penerimaan blangko",
                "Kiriman 1.000 keping sudah kami terima. Satu dus kena hujan, setelah dikeringkan masih bisa dicetak "
                "95 dari 100 keping.")
    assert read["received"] == 1000 and read["printed"] is None


def test_cards_printed_today_are_still_read() -> None:
    read = mail(NUNUKAN, "Laporan harian", "Hari ini dicetak 95 keping, direkam 102 orang. Sisa stok 800 keping.")
    assert read["printed"] == 95


def test_work_done_up_to_a_date_is_a_running_total() -> None:
    read = mail(NUNUKAN, "Ucapan terima kasih",
                "Terima kasih atas dukungan Bapak/Ibu. Hingga 15 Juni 2027 kami sudah mencetak 2.300 keping KTP-el "
                "bagi warga perbatasan.")
    assert read["printed"] is None and read["kind"] != "stock_report"


def test_work_done_up_to_an_hour_of_today_is_the_days_count() -> None:
    read = mail(NUNUKAN, "Laporan harian",
                "Laporan hari ini. Sampai pukul 14.00 hari ini sudah tercetak 45 keping, rekam 50.")
    assert read["printed"] == 45 and read["recorded"] == 50


_FORWARDED_WA = (
    "\n\n---------- Forwarded message ---------\nDari: UPT Mentarang <upt.mentarang@gmail.com>\n"
    "Date: Sen, 7 Jun 2027 16.05\nSubject: laporan\nTo: disdukcapil@malinaukab.example\n\n"
    "7/6 rekam 30 cetak 28 sisa 140\n"
)


def test_a_forwarded_mail_the_forwarder_says_not_to_count_gives_no_figures() -> None:
    read = mail(MALINAU, "Fwd: laporan",
                "Pak, laporan UPT di bawah jangan dihitung lagi, sudah masuk rekap kemarin. Permintaan kami tetap "
                "1.500 keping." + _FORWARDED_WA)
    assert read["requested"] == 1500
    assert read["stock_on_hand"] is None and read["printed"] is None and read["recorded"] is None


def test_a_forwarded_mail_passed_on_with_an_ask_still_gives_its_figures() -> None:
    read = mail(MALINAU, "Fwd: laporan",
                "Pak, laporan UPT di bawah. Permintaan kami tetap 1.500 keping." + _FORWARDED_WA)
    assert read["printed"] == 28


def test_a_correction_naming_the_receipt_paper_reads_the_figure_received_after_it() -> None:
    read = mail(NUNUKAN, "RE: Tanda terima blangko KTP-el",
                "Mohon maaf, ralat tanda terima kemarin: dus yang 100 keping ternyata ada di gudang. Jadi yang kami "
                "terima lengkap 1.000 keping.")
    assert read["kind"] == "receipt" and read["received"] == 1000


def test_a_shipment_thanked_for_in_a_new_ask_is_no_receipt() -> None:
    read = mail(NUNUKAN, "Permohonan tambahan",
                "Terima kasih kiriman 800 keping sudah sampai. Karena antrean bertambah, mohon tambahan 1.200 keping "
                "untuk bulan depan.")
    assert read["requested"] == 1200 and read["received"] is None


def test_a_shipment_thanked_for_alone_is_a_receipt() -> None:
    read = mail(NUNUKAN, "Penerimaan blangko", "Terima kasih, kiriman 800 keping sudah sampai hari ini dengan baik.")
    assert read["kind"] == "receipt" and read["received"] == 800


def test_the_provinces_shipment_received_is_the_writers_receipt() -> None:
    read = mail(NUNUKAN, "Tanda terima blangko KIA", "Blangko KIA kiriman provinsi sudah diterima 3/6: 750 keping.")
    assert read["kind"] == "receipt" and read["received"] == 750


def test_a_receipt_by_the_province_is_still_not_the_writers() -> None:
    read = mail(NUNUKAN, "Info", "Provinsi telah menerima 30.000 keping dari Kemendagri. Stok kami 900 keping.")
    assert read["received"] is None


def test_a_total_of_days_equal_to_one_day_when_the_other_was_nil_is_the_total() -> None:
    read = mail(NUNUKAN, "lap 2 hari",
                "lap 3/6: rekam 40, cetak 0 (printer mati)\n4/6 rekam 52 cetak 75\ntotal 2 hari rekam 92 cetak 75\n"
                "sisa blangko 1.210")
    assert read["printed"] == 75 and read["recorded"] == 92


def test_the_papers_figure_set_against_what_arrived_is_not_received() -> None:
    read = mail(NUNUKAN, "Tanda terima blangko KTP-el",
                "Kiriman sudah tiba. Jumlah sesuai surat jalan 1.000 keping namun yang sampai hanya 950 keping, satu "
                "pak hilang.")
    assert read["received"] == 950


def test_a_receipt_that_matches_the_papers_is_received() -> None:
    read = mail(NUNUKAN, "Tanda terima blangko KTP-el",
                "Blangko sudah kami terima sesuai surat jalan 1.000 keping dalam keadaan baik.")
    assert read["received"] == 1000
