"""Rules for district mail after an election: a Horde quote line over the report a correction answers, a
shipment told in a bracket after a report's stock, ...; each test is a short mail with other words and figures."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail

TANA_TIDUNG = "Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>"
NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
BULUNGAN = "Operator Bulungan <operator.bulungan@bulungankab.example>"


def test_a_horde_quote_line_ends_the_new_text_of_a_correction() -> None:
    read = mail(TANA_TIDUNG, "Re: Laporan harian 4 Maret",
                "Selamat sore,\nMohon diralat: pencetakan kemarin 41 (bukan 45), jadi sisa blangko 2.310.\n\n"
                "Salam,\nYosef\n\n"
                "----- Pesan dari Yosef <disdukcapil@tanatidungkab.example> ---------\n"
                "   perekaman 57, pencetakan 45, sisa blangko 2.306")
    assert read["printed"] == 41 and read["stock_on_hand"] == 2310
    assert read["recorded"] is None


def dated(sender: str, subject: str, body: str, date: str) -> dict[str, object]:
    """A plain-text mail from *sender* sent on *date*, as `mailbot parse --json` shows it."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"], msg["Date"] = sender, OWN_ADDRESSES[0], subject, date
    msg.set_content(body)
    return read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


def test_a_shipment_of_this_week_in_a_bracket_after_the_stock_is_no_receipt_either() -> None:
    read = dated(TANA_TIDUNG, "Lap harian 19 Maret",
                 "Dengan hormat,\nperekaman 30, pencetakan 28, sisa blangko 1.402 (kiriman 600 tgl 17 Maret sudah "
                 "masuk).",
                 "Fri, 19 Mar 2027 15:00:00 +0800")
    assert read["kind"] == "stock_report" and read["received"] is None and read["stock_on_hand"] == 1402


def test_a_shipment_in_a_bracket_after_the_stock_is_no_receipt_of_the_report() -> None:
    read = mail(TANA_TIDUNG, "Lap harian 2 April",
                "Selamat siang,\nrekam 31, cetak 29, sisa blangko 2.204 (kiriman 1.500 tgl 28 Maret sudah tiba).\n"
                "Terima kasih.")
    assert read["kind"] == "stock_report" and read["stock_on_hand"] == 2204
    assert read["received"] is None and read["printed"] == 29


def test_the_request_a_receipt_is_measured_against_in_a_bracket_is_no_new_request() -> None:
    read = mail(NUNUKAN, "Konfirmasi blangko KIA",
                "Dear Bapak/Ibu,\nBlangko KIA sudah tiba siang ini, kami terima 800 lembar (dibulatkan per dus dari "
                "permohonan 760). Thank you.")
    assert read["kind"] == "receipt" and read["received"] == 800
    assert read["requested"] is None


def test_a_request_chased_by_its_date_in_a_weekly_report_is_no_new_request() -> None:
    read = mail(TANA_TIDUNG, "Laporan minggu ke-2 Maret",
                "Dengan hormat,\nLaporan mingguan 8-12 Maret: perekaman 96 orang; pencetakan 90 keping; sisa "
                "blangko 35.\n\nMohon blangko 1.200 keping yang kami mohonkan tanggal 1 Maret dapat segera dikirim.")
    assert read["kind"] == "stock_report" and read["requested"] is None
    assert (read["printed"], read["recorded"], read["stock_on_hand"]) == (90, 96, 35)


def test_a_request_asked_by_itself_with_its_date_is_still_read() -> None:
    read = mail(TANA_TIDUNG, "Permohonan blangko",
                "Dengan hormat,\nMohon blangko 1.200 keping yang kami mohonkan tanggal 1 Maret dapat segera dikirim, "
                "sisa stok kami 35 keping.")
    assert read["kind"] == "request" and read["requested"] == 1200


def test_people_whose_printing_is_held_up_are_no_count_printed() -> None:
    read = mail(TANA_TIDUNG, "Laporan harian 9 Maret",
                "Dengan hormat,\nperekaman: 40 orang; pencetakan: 31 keping; blangko habis sejak siang, pencetakan "
                "tertunda 9 orang.")
    assert read["printed"] == 31 and read["recorded"] == 40 and read["stock_on_hand"] == 0


def test_a_figure_the_writer_questions_in_a_bracket_is_asked_back() -> None:
    read = mail(NUNUKAN, "LAPORAN HARIAN 12-03-2027",
                "Laporan Jumat 12-03-2027\n\nRekam  : 88\nCetak  : 81 (sudah termasuk 5 KIA?)\nSisa   : 2.740\n")
    assert read["printed"] is None and any(d["field"] == "printed" for d in read["doubts"])
    assert (read["recorded"], read["stock_on_hand"]) == (88, 2740)


def test_a_blank_named_only_in_the_writers_question_is_not_the_mails_item() -> None:
    read = mail(NUNUKAN, "LAPORAN HARIAN 12-03-2027",
                "Laporan Jumat 12-03-2027\n\nRekam  : 88\nCetak  : 81 (sudah termasuk 5 KIA?)\nSisa   : 2.740\n")
    assert read["item"] == "ktp-el"


def test_photos_for_the_provinces_news_with_a_count_of_people_recorded_are_no_report() -> None:
    read = mail(BULUNGAN, "dokumentasi perekaman sekolah",
                "bu ini foto perekaman di SMKN 2 pagi tadi, 148 siswa terekam. utk bahan berita web prov ya bu")
    assert read["kind"] == "other" and read["recorded"] is None


def test_a_days_report_that_also_sends_photos_for_the_news_is_still_a_report() -> None:
    read = mail(BULUNGAN, "laporan harian",
                "lap hari ini: rekam 148, cetak 139, sisa blangko 1.204. foto kegiatan utk bahan berita web prov ya bu")
    assert read["kind"] == "stock_report" and read["recorded"] == 148 and read["stock_on_hand"] == 1204


def test_a_reconciliations_count_printed_over_weeks_is_read_past_a_days_most() -> None:
    read = mail(BULUNGAN, "Rekonsiliasi blangko KTP-el",
                "Dengan hormat,\nMenjawab surat rekonsiliasi, penggunaan blangko KTP-el 1 Januari s.d. 26 Februari:\n"
                "  Dicetak      : 4.105 keping\n  Sisa stok    : 1.318 keping\n")
    assert read["printed"] == 4105 and read["stock_on_hand"] == 1318


def test_blanks_used_for_printing_are_the_count_printed() -> None:
    read = mail(BULUNGAN, "Rekonsiliasi blangko",
                "Data kami Januari sampai Februari: blangko diterima 3.000, terpakai dicetak 2.217, rusak 19, sisa di "
                "gudang 1.207.")
    assert read["printed"] == 2217 and read["stock_on_hand"] == 1207


def test_blanks_used_in_a_ledger_that_balances_with_the_damaged_apart_are_printed() -> None:
    read = mail(TANA_TIDUNG, "Laporan bulanan Maret",
                "Dengan hormat,\nStok awal bulan 1.140, tidak ada kiriman, terpakai 708, rusak 12, stok akhir bulan "
                "420.")
    assert read["printed"] == 708 and read["stock_on_hand"] == 420


def test_blanks_used_in_a_ledger_that_does_not_balance_stay_unread() -> None:
    read = mail(TANA_TIDUNG, "Laporan bulanan Maret",
                "Dengan hormat,\nStok awal bulan 1.140, terpakai 708, rusak 12, stok akhir bulan 432.")
    assert read["printed"] is None and read["stock_on_hand"] == 432


def test_a_count_of_damaged_blanks_by_cause_is_no_stock_report() -> None:
    read = mail(NUNUKAN, "Data kartu rusak Maret",
                "Selamat pagi,\nBerikut data blangko rusak bulan Maret:\nGagal cetak 17, chip error 6, salah data 9.\n"
                "Fisik blangko rusak kami serahkan saat rekonsiliasi bulan depan.\nSalam")
    assert read["kind"] == "other" and read["item"] is None


def test_asking_the_day_of_a_reconciliation_is_no_report() -> None:
    read = mail(BULUNGAN, "Jadwal rekonsiliasi",
                "Selamat siang Bapak/Ibu,\nKami menunggu info jadwal rekonsiliasi blangko triwulan ini dari "
                "provinsi.\nTerima kasih")
    assert read["kind"] == "other"


def test_a_stock_field_line_under_a_pipe_table_is_no_group_heading() -> None:
    read = mail(NUNUKAN, "LAPORAN HARIAN 08-03-2027",
                "Laporan harian Senin 08-03-2027\n\n| Lokasi | Rekam | Cetak |\n|---|---|---|\n"
                "| Kantor | 61 | 57 |\n| UPT Sebatik | 20 | 18 |\n| TOTAL | 81 | 75 |\n\n"
                "Sisa blangko KTP-el : 1.902 keping\nRusak hari ini      : 3 keping\n")
    assert read["stock_on_hand"] == 1902 and (read["recorded"], read["printed"]) == (81, 75)


def test_aligned_field_lines_under_a_space_table_are_no_rows_of_it() -> None:
    read = mail(NUNUKAN, "LAPORAN HARIAN 09-03-2027",
                "Laporan harian Selasa 09-03-2027\n\nLokasi          Rekam   Cetak\nKantor            70      66\n"
                "UPT Sebatik       25      24\n                -----   -----\nTOTAL             95      90\n\n"
                "Sisa blangko KTP-el  : 1.812\nKIA tercetak         :    12\n")
    assert read["stock_on_hand"] == 1812 and (read["recorded"], read["printed"]) == (95, 90)


def test_a_shipment_asked_by_a_colleague_before_yields_to_the_new_ask() -> None:
    read = mail(NUNUKAN, "Urgent: blangko KTP-el",
                "Dear Bapak/Ibu,\nstok blangko KTP-el kami tinggal 380 pcs, kiriman 3.000 yang diminta Pak Kepala "
                "belum tiba. Kindly send 800 pcs dulu, sisanya menyusul.\nThank you.")
    assert read["requested"] == 800 and read["stock_on_hand"] == 380


def test_the_gap_on_its_own_line_is_what_an_ask_for_the_gap_refers_to() -> None:
    read = mail("Disdukcapil Tarakan <disdukcapil@tarakankota.example>", "Permohonan blangko KTP-el",
                "Yth. Bapak/Ibu,\nPerhitungan kebutuhan bulan Mei:\n\n  Kebutuhan (21 hari x 150)  : 3.150 keping\n"
                "  Sisa stok per 20 April     : 1.975 keping\n  Kekurangan                 : 1.175 keping\n\n"
                "Mohon dapat dikirimkan sejumlah kekurangan tersebut.\n")
    assert read["requested"] == 1175 and read["stock_on_hand"] == 1975


def test_a_correction_that_types_again_a_figure_typed_with_a_letter_o_keeps_the_other_figures() -> None:
    read = mail("Disdukcapil Kota Tarakan <disdukcapil@tarakankota.example>", "lap harian",
                "kak lap senin 15/3\nrekam 174\ncetak 168\nsisa blangko 2.9O5\n\nmaaf typo kak, maksudnya 2.905\n")
    assert (read["stock_on_hand"], read["printed"], read["recorded"]) == (2905, 168, 174)


def test_a_correction_of_a_figure_it_does_not_name_still_asks_which() -> None:
    read = mail("Disdukcapil Kota Tarakan <disdukcapil@tarakankota.example>", "lap harian",
                "kak lap senin 15/3\nrekam 174\ncetak 168\nsisa blangko 2.915\n\nmaaf typo kak, maksudnya 168\n")
    assert read["printed"] is None and read["recorded"] is None
