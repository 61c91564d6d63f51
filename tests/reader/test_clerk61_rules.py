"""Rules for phone-typed district mail: damaged cards said as some of a receipt ("ada 2 lembar rusak"), a second
figure in a mail about KIA alone, the week named right after a report's name ("Laporan KIA minggu ini
pencetakan ..."), a mailbox's capacity notice, and a picture of the report sent as the report; each test is a
short mail with other words and figures."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail

MALINAU = "Operator Malinau <disdukcapil@malinaukab.example>"
NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"


def test_damaged_cards_said_as_some_of_those_received_are_no_second_receipt() -> None:
    read = mail(MALINAU, "kiriman sudah sampai",
                "Pak blangko KTP-el 2.400 keping sudah kami terima, ada 5 keping rusak nanti kami buat BA.")
    assert (read["kind"], read["received"]) == ("receipt", 2400)


def test_damaged_cards_after_but_are_some_of_those_received() -> None:
    read = mail(MALINAU, "terima blangko",
                "blangko ktp-el 800 keping sdh kami terima kemarin tapi 7 keping rusak kena hujan")
    assert read["received"] == 800


def test_damaged_cards_counted_beside_good_ones_are_still_asked_about() -> None:
    read = mail(MALINAU, "terima blangko", "kami terima 1.200 keping baik dan 9 keping rusak")
    assert read["received"] is None
    assert any(d["field"] == "received" for d in read["doubts"])


def test_a_second_figure_of_a_kia_only_mail_is_no_ktp_el_figure() -> None:
    read = mail(MALINAU, "Terima blanko KIA", "Pak blanko KIA 1.300 lembar sudah kami terima dan 4 lembar rusak")
    assert (read["item"], read["received"]) == ("kia", None)
    assert any(d["field"] == "received" and d["reason"] == "conflict" for d in read["doubts"])


def test_the_week_named_right_after_the_reports_name_is_the_reports_own() -> None:
    read = mail(MALINAU, "Laporan KIA Malinau", "Laporan KIA minggu ini pencetakan KIA 47 lembar sisa KIA 310 lembar")
    assert (read["kind"], read["item"], read["printed"], read["stock_on_hand"]) == ("stock_report", "kia", 47, 310)


def test_a_running_total_of_the_week_in_a_daily_report_stays_unread() -> None:
    read = mail(MALINAU, "lap harian", "Laporan hari ini: cetak 18, sisa 640. Total minggu ini pencetakan 95")
    assert (read["printed"], read["stock_on_hand"]) == (18, 640)


def test_a_mailbox_capacity_notice_is_the_providers_automated_mail() -> None:
    read = mail("Mail <no-reply@notice.mailhost.example>", "Kotak surat Anda hampir penuh",
                "Anda sudah memakai 88% dari 50 GB.")
    assert read["kind"] == "automated"


def test_a_capacity_notice_asking_to_verify_stays_spam() -> None:
    read = mail("Mail <no-reply@notice.mailhost.example>", "Kotak surat Anda hampir penuh",
                "Anda sudah memakai 88% dari 50 GB. Klik tautan berikut untuk verifikasi akun.")
    assert read["kind"] == "other"


def test_a_picture_of_the_report_sent_alone_is_the_report() -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = NUNUKAN, OWN_ADDRESSES[0], "harian 14/9"
    msg.set_content("foto laporan hari ini ya pak\n\nAyu\nDisdukcapil Nunukan")
    msg.add_attachment(b"\xff\xd8\xff\xe0 not a real picture", maintype="image", subtype="jpeg",
                       filename="IMG-20270914-WA0003.jpg")
    read = read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (read["kind"], read["item"], read["stock_on_hand"]) == ("stock_report", "ktp-el", None)


def test_a_districts_store_room_named_in_a_request_is_no_quota_notice() -> None:
    read = mail(NUNUKAN, "Permohonan blangko - atap gudang bocor",
                "Dengan hormat, hujan deras semalam membasahi ruang penyimpanan kami hingga 80% dari kapasitas rak.\n"
                "Stok blangko KTP-el tersisa 620 keping. Kami mohon dikirim 1.500 keping.")
    assert (read["kind"], read["requested"], read["stock_on_hand"]) == ("request", 1500, 620)
