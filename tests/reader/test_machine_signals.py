"""Machine mail beyond the RFC 3834 headers: read receipts, a calendar's answers, a system's own
template words and subject tags, machine-named sender addresses, out-of-office replies that only
describe the absence. And the mail of a person that carries the same words in a disclaimer, a
quote or a forwarded notice, which stays a person's mail."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

import pytest

from mailbot.reader import read_message
from mailbot.reader.automated import automation_reasons
from tests.reader.conftest import DISTRICTS

PERSON = "From: Disdukcapil Malinau <disdukcapil@malinaukab.example>\nTo: blangko@x.example\n"
UNKNOWN = "From: Sistem <info@layanan.example>\nTo: blangko@x.example\n"
REQUEST = "Sisa stok 400 keping, mohon tambahan blangko KTP-el 1.500 keping.\n"


def message(headers: str, subject: str = "Permohonan blangko", body: str = REQUEST) -> EmailMessage:
    text = f"{headers}Subject: {subject}\nDate: Mon, 12 Jan 2026 09:00:00 +0800\n\n{body}"
    msg = email.message_from_string(text, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def read(headers: str, subject: str, body: str):  # type: ignore[no-untyped-def]
    raw = f"{headers}Subject: {subject}\nDate: Mon, 12 Jan 2026 09:00:00 +0800\n\n{body}".encode()
    return read_message(raw, DISTRICTS)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Dibaca: Persetujuan permohonan blangko 2.500 keping", "Pesan Anda\ntelah dibaca pada 15/09/2026 10:41.\n"),
        ("Read: Alokasi blangko", "Your message was read on Tuesday, 5 November 2024 11:02.\n"),
        ("Dibaca: Alokasi blangko", "Pesan Anda\n\n\n"),
    ],
)
def test_a_read_receipt_is_a_machine_notice_even_from_a_district(subject: str, body: str) -> None:
    verdict = read(PERSON, subject, body)
    assert verdict.kind == "automated" and "read-receipt" in verdict.automated_reasons
    assert verdict.requested is None and verdict.district == "65.02"  # known sender: its district


def test_a_subject_starting_like_a_receipt_over_a_whole_letter_is_a_person() -> None:
    body = "Dibaca juga surat kami sebelumnya. " * 12 + REQUEST
    assert "read-receipt" not in automation_reasons(message(PERSON, subject="Dibaca: surat kami", body=body))


@pytest.mark.parametrize(
    "extra",
    ["X-MS-Exchange-Calendar-Originator: yes\n", "X-Autoreply: yes\n", "X-Autorespond: yes\n"],
)
def test_headers_only_a_machine_sets(extra: str) -> None:
    assert "machine-header" in automation_reasons(message(PERSON + extra, subject="Diterima: Rapat", body="Kamis\n"))


def _with_calendar(method: str) -> EmailMessage:
    return message(
        PERSON + 'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="B"\n',
        subject="Rapat Koordinasi Blangko",
        body=(
            "--B\nContent-Type: text/plain\n\nRapat Koordinasi, Kamis 09.00.\n"
            f"--B\nContent-Type: text/calendar; charset=utf-8\n\nBEGIN:VCALENDAR\nMETHOD:{method}\n"
            "BEGIN:VEVENT\nSUMMARY:Rapat\nEND:VEVENT\nEND:VCALENDAR\n--B--\n"
        ),
    )


def test_a_calendar_programs_invitation_and_answer_are_automated_but_a_shared_event_is_not() -> None:
    assert "calendar" in automation_reasons(_with_calendar("REPLY"))
    assert "calendar" in automation_reasons(_with_calendar("REQUEST"))
    assert "calendar" in automation_reasons(_with_calendar("CANCEL"))
    assert automation_reasons(_with_calendar("PUBLISH")) == ()


def test_a_calendar_answer_in_words() -> None:
    body = "Disdukcapil Malinau telah menerima undangan ini.\n\nEvaluasi Stok Blangko\nKamis 09.00\n"
    assert "calendar" in automation_reasons(message(PERSON, subject="Diterima: Evaluasi", body=body))


@pytest.mark.parametrize(
    "body",
    [
        "Tiket: #48213\nKategori: Permintaan blangko 1.500 keping\n\n"
        "Email ini dikirim otomatis. Jangan membalas email ini.\n",
        "Wilayah: 65.03 KAB. NUNUKAN\nSisa Blangko : 1.020\n-- pesan otomatis --\n",
        "[08:14] Reza: stok tinggal 300 nih\n-- Diteruskan otomatis dari WhatsApp --\n",
        "Rekap terlampir. Pesan otomatis, jangan dibalas.\n",
        "Stock 1,020 cards.\nThis is an automated message, please do not reply.\n",
    ],
)
def test_a_systems_own_words_make_it_automated_and_its_figures_nobodys(body: str) -> None:
    verdict = read(UNKNOWN, "Laporan Sinkronisasi", body)
    assert verdict.kind == "automated" and "machine-template" in verdict.automated_reasons
    assert (verdict.requested, verdict.stock_on_hand, verdict.district) == (None, None, None)


def test_a_district_replying_to_a_system_notice_is_a_person() -> None:
    body = (
        REQUEST + "\nPada Sen, 12 Jan 2026 Helpdesk <helpdesk@x.example> menulis:\n"
        "> Email ini dikirim otomatis. Jangan membalas email ini.\n"
    )
    verdict = read(PERSON, "Re: Tiket baru", body)
    assert (verdict.kind, verdict.requested) == ("request", 1500)


def test_a_district_forwarding_a_system_notice_with_its_own_request_is_a_person() -> None:
    body = (
        REQUEST + "\n---------- Forwarded message ---------\nFrom: SIAK <siak@x.example>\nSubject: Sinkronisasi\n\n"
        "Sisa Blangko : 400\nPesan otomatis, jangan dibalas.\n"
    )
    verdict = read(PERSON, "Fwd: Sinkronisasi", body)
    assert (verdict.kind, verdict.requested, verdict.automated_reasons) == ("request", 1500, ())


@pytest.mark.parametrize(
    "disclaimer",
    [
        "PERNYATAAN: Email ini beserta lampirannya bersifat rahasia dan hanya ditujukan untuk penerima yang dimaksud. "
        "Jika Anda bukan penerima yang dimaksud, mohon segera memberitahu pengirim dan menghapus email ini.",
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely for the "
        "addressee. If you have received it in error, please notify the sender and delete it.",
    ],
)
def test_a_request_with_a_confidentiality_disclaimer_is_a_person(disclaimer: str) -> None:
    verdict = read(PERSON, "Permohonan blangko", REQUEST + "\nSalam,\nOperator\n\n" + disclaimer + "\n")
    assert (verdict.kind, verdict.requested, verdict.automated_reasons) == ("request", 1500, ())


@pytest.mark.parametrize(
    "subject",
    ["[Tiket #48302] Tiket baru: reset password SIAK", "[ALERT] Disk usage 91% on db01", "Ticket #5521 updated"],
)
def test_a_systems_subject_tag(subject: str) -> None:
    assert "system-subject" in automation_reasons(message(UNKNOWN, subject=subject, body="Status: open\n"))


@pytest.mark.parametrize("subject", ["Re: [Tiket #48302] reset password", "[PENTING] Stok blangko habis"])
def test_a_persons_subject_is_no_system_tag(subject: str) -> None:
    assert "system-subject" not in automation_reasons(message(PERSON, subject=subject))


@pytest.mark.parametrize(
    "sender", ["monitor@siak.example", "siak-sync@dukcapil.example", "wa-bridge@notif.example", "quarantine@mx.example"]
)
def test_a_machine_named_sender(sender: str) -> None:
    assert "sender-machine" in automation_reasons(message(f"From: {sender}\n"))


@pytest.mark.parametrize("sender", ["abbott.kab@gmail.example", "operator.bulungan@mail.example", "sysbot2@x.example"])
def test_a_persons_address_is_no_machine(sender: str) -> None:
    # a machine's word counts only as a word of its own in the address: "abbott" and "sysbot2" hold none
    assert automation_reasons(message(f"From: {sender}\n")) == ()


@pytest.mark.parametrize(
    "body",
    [
        "Saya sedang melaksanakan perjalanan dinas ke Jakarta tanggal 14 s.d. 20 Januari dengan akses email terbatas.",
        "Untuk hal yang mendesak, silakan menghubungi Sdr. Lukas di 0811-5440-2231.",
        "I have limited access to email until 20 January. I will be back in the office on Monday.",
    ],
)
def test_an_out_of_office_reply_that_describes_the_absence(body: str) -> None:
    assert "out-of-office" in automation_reasons(message(PERSON, subject="Re: Permintaan data", body=body + "\n"))


def test_a_template_marker_counts_on_a_line_of_its_own_only() -> None:
    assert "machine-template" in automation_reasons(message(UNKNOWN, body="Status: selesai\n-- pesan otomatis --\n"))
    person = "Kami belum menerima notifikasi otomatis dari SIAK, mohon tambahan blangko KTP-el 1.000 keping.\n"
    assert automation_reasons(message(PERSON, body=person)) == ()


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Delivery Status Notification (Delay)", "This is an automatically generated Delivery Status Notice."),
        ("Pesan tertunda: Permohonan blangko", "Pesan Anda belum terkirim. Server akan terus mencoba mengirim pesan."),
        ("Persetujuan", "Delivery has failed to these recipients or groups:\nkapil@x.example\n"),
    ],
)
def test_delivery_reports_in_other_wording_and_delays(subject: str, body: str) -> None:
    assert "delivery-failure" in automation_reasons(message(UNKNOWN, subject=subject, body=body))


@pytest.mark.parametrize(
    "subject", ["Pengiriman blangko tertunda", "Blangko gagal dikirim?", "Re: Delivery delayed karena cuaca"]
)
def test_a_district_writing_of_a_delayed_shipment_is_a_person(subject: str) -> None:
    body = "Blangko belum sampai karena kapal tertunda. Stok kami tinggal 200, mohon tambahan 1.000 keping.\n"
    assert automation_reasons(message(PERSON, subject=subject, body=body)) == ()


def test_a_quoted_delivery_report_is_a_persons_reply() -> None:
    body = REQUEST + "\n> Your message couldn't be delivered to kapil@x.example.\n"
    assert automation_reasons(message(PERSON, subject="Re: Undeliverable", body=body)) == ()


@pytest.mark.parametrize(
    "body",
    [
        "Saya sedang cuti tahunan sampai 20 Januari dan akan kembali ke kantor pada 21 Januari.",
        "I am currently away from the office until Monday.",
    ],
)
def test_more_out_of_office_wording(body: str) -> None:
    assert "out-of-office" in automation_reasons(message(PERSON, subject="Re: blangko", body=body + "\n"))


def test_a_not_read_notice() -> None:
    msg = message(PERSON, subject="Not read: Alokasi blangko", body="Your message was deleted without being read.\n")
    assert "read-receipt" in automation_reasons(msg)


def test_an_exchange_servers_own_address() -> None:
    msg = message("From: MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@kab.example\n", body="x\n")
    assert "sender-machine" in automation_reasons(msg)


@pytest.mark.parametrize(
    "body",
    [
        "Saya sedang mengikuti bimtek di Jakarta, jadi laporan terlambat. Stok blangko KTP-el 300 keping.",
        "Mohon maaf, akan saya balas setelah cek gudang. Stok blangko KTP-el 300 keping.",
        "I will reply to your email with the figures tomorrow. Stock is 300 e-KTP blanks.",
    ],
)
def test_a_person_saying_they_are_busy_is_no_out_of_office_reply(body: str) -> None:
    assert automation_reasons(message(PERSON, subject="Re: laporan", body=body + "\n")) == ()


@pytest.mark.parametrize(
    "body",
    [
        "Problem started at 03:12:44 on 2026.12.04\nProblem name: Disk /var 91% used\nHost: srv-siak-02\n",
        "***** Nagios *****\n\nNotification Type: PROBLEM\nHost: db01\nState: DOWN\n",
        "Problem has been resolved at 04:10:02 on 2026.12.04\nProblem name: Disk /var 91% used\n",
    ],
)
def test_a_monitoring_systems_alert_template(body: str) -> None:
    verdict = read(UNKNOWN, "PROBLEM: Disk /var 91% on srv-siak-02", body)
    assert verdict.kind == "automated" and "machine-template" in verdict.automated_reasons


@pytest.mark.parametrize("sender", ["zabbix@monitor.example", "nagios@x.example", "grafana-alerts@x.example"])
def test_a_monitoring_program_named_in_the_sender(sender: str) -> None:
    assert "sender-machine" in automation_reasons(message(f"From: {sender}\n"))


@pytest.mark.parametrize(
    "body",
    [
        "Sisa kuota internet Anda 300 MB, berlaku s.d. 07/12/2026. Beli paket 1.000 MB Rp 10.000, ketik *123#.\n",
        "Masa aktif kartu Anda berakhir 10/12/2026. Isi ulang sekarang.\n",
        "Cek tagihan: tekan *888*2# dari ponsel Anda.\n",
    ],
)
def test_a_carriers_notice_to_its_customer(body: str) -> None:
    verdict = read(UNKNOWN, "Info pelanggan", body)
    assert verdict.kind == "automated" and "carrier-notice" in verdict.automated_reasons


def test_a_person_speaking_of_a_quota_of_blanks_is_no_carrier() -> None:
    body = "Sisa kuota blangko kami 300 keping, mohon tambahan blangko KTP-el 1.000 keping. Hub. 0811-5440-2231.\n"
    verdict = read(PERSON, "Permohonan blangko", body)
    assert (verdict.kind, verdict.requested, verdict.automated_reasons) == ("request", 1000, ())
