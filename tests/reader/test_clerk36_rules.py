"""Rules for mail written in a flood: voice notes typed as heard ("2 ratus lima puluh"), blanks taken out to a
flood post, the province greeted in a run-on note, a stock reported yesterday and corrected, a new operator's
introduction, a calendar's answer, phone shorthand. Each test is a short mail with its own words."""

from __future__ import annotations

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TANA_TIDUNG = "Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>"


def test_hundreds_in_digits_then_tens_in_words_is_one_figure() -> None:
    read = mail(MALINAU, "catatan suara", "isi pesan suara Pak Kabid: tolong kirim blangko ktp seribu lima ratus, "
                "stok kami sekarang 3 ratus dua puluh saja karena gudang kebanjiran")
    assert read["requested"] == 1500 and read["stock_on_hand"] == 320


def test_blanks_taken_to_a_flood_post_that_ran_out_are_no_stock_of_zero() -> None:
    read = mail(TANA_TIDUNG, "blangko posko", "Pak, blangko yang dibawa ke posko pengungsian sudah habis, di kantor "
                "masih ada beberapa. Mohon kirim blangko KTP-el 300 keping.")
    assert read["requested"] == 300 and read["stock_on_hand"] is None


def test_the_province_greeted_in_a_run_on_voice_note_holds_no_stock() -> None:
    read = mail(MALINAU, "pesan suara kasi", "ketikan pesan suara: halo bapak ibu di provinsi ini dari malinau "
                "blangko yang masih kering tinggal tiga ratus sepuluh keping jadi mohon dikirim seribu keping ktp el")
    assert read["requested"] == 1000 and read["stock_on_hand"] == 310


def test_a_count_after_a_receipt_of_what_the_province_sent_is_the_receipt() -> None:
    read = mail(TANA_TIDUNG, "Konfirmasi kiriman", "Yth. Bapak/Ibu, blangko KIA yang Bapak/Ibu kirimkan sudah kami "
                "terima siang tadi. Setelah dihitung bersama Kabid, jumlahnya 650 (enam ratus lima puluh) lembar.")
    assert read["kind"] == "receipt" and read["received"] == 650


def test_the_stock_of_yesterdays_report_gives_way_to_the_stock_corrected_now() -> None:
    read = mail(TANA_TIDUNG, "Laporan kemarin - koreksi", "Mohon maaf Bapak/Ibu, stok KTP-el yang kami laporkan "
                "kemarin (310) ternyata termasuk 9 keping yang lembap. Jadi stok yang bisa dipakai adalah 301 keping.")
    assert read["stock_on_hand"] == 301


def test_a_new_operator_asking_how_requests_are_made_asks_for_no_blanks() -> None:
    read = mail(TANA_TIDUNG, "Salam kenal", "Salam kenal Bapak/Ibu, saya operator yang baru bertugas minggu ini. "
                "Mohon bimbingannya, khususnya prosedur permintaan blangko KTP-el ke provinsi.")
    assert read["kind"] == "other" and read["item"] is None


def test_a_calendar_answer_naming_the_meeting_is_automated_mail() -> None:
    read = mail("Microsoft Outlook <outlook@disdukcapil.kaltaraprov.example>", "Diterima: Evaluasi Stok Blangko",
                "Bidang PIAK Kabupaten Bulungan telah menerima undangan rapat ini.")
    assert read["kind"] == "automated" and read["received"] is None


def test_a_figure_that_came_in_phone_shorthand_is_received() -> None:
    read = mail("Disdukcapil Kota Tarakan <disdukcapil@tarakankota.example>", "kia 300 lembar dtg", "")
    assert read["kind"] == "receipt" and read["received"] == 300


def test_a_stock_said_low_with_its_figure_to_follow_is_a_report() -> None:
    read = mail("Disdukcapil Kota Tarakan <disdukcapil@tarakankota.example>", "stok kia",
                "Stok KIA kami sudah menipis pak, angka pastinya kami kirim sore nanti.")
    assert read["kind"] == "stock_report" and read["stock_on_hand"] is None
