"""Automated mail: one test per RFC 3834-style rule and per content signal, plus a person's mail."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

import pytest

from mailbot.reader import read_message
from mailbot.reader.automated import automation_reasons
from tests.reader.conftest import DISTRICTS

PERSON = "From: Disdukcapil Malinau <disdukcapil@malinaukab.example>\nTo: blangko@x.example\n"


def message(
    headers: str, subject: str = "Permohonan blangko", body: str = "Mohon tambahan 1.000 keping.\n",
) -> EmailMessage:
    text = f"{headers}Subject: {subject}\nDate: Mon, 12 Jan 2026 09:00:00 +0800\n\n{body}"
    msg = email.message_from_string(text, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def test_a_person_writing_is_not_automated() -> None:
    assert automation_reasons(message(PERSON)) == ()


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ("Auto-Submitted: auto-replied\n", "auto-submitted"),
        ("Auto-Submitted: auto-generated\n", "auto-submitted"),
        ("Return-Path: <>\n", "null-return-path"),
        ("Precedence: bulk\n", "precedence-bulk"),
        ("Precedence: junk\n", "precedence-bulk"),
        ("Precedence: list\n", "precedence-bulk"),
        ("List-Id: <x.lists.example>\n", "list-header"),
        ("List-Unsubscribe: <mailto:u@x.example>\n", "list-header"),
        ("X-Loop: blangko@x.example\n", "x-loop"),
        ("X-Auto-Response-Suppress: All\n", "auto-response-suppress"),
        ("X-Auto-Response-Suppress: DR, AutoReply\n", "auto-response-suppress"),
        ("X-Auto-Response-Suppress: OOF\n", "auto-response-suppress"),
    ],
)
def test_header_rules(extra: str, reason: str) -> None:
    assert reason in automation_reasons(message(PERSON + extra))


@pytest.mark.parametrize(
    "extra", ["Auto-Submitted: no\n", "X-Auto-Response-Suppress: DR\n", "Precedence: first-class\n"])
def test_header_values_that_mean_a_person(extra: str) -> None:
    assert automation_reasons(message(PERSON + extra)) == ()


def test_multipart_report() -> None:
    msg = message(
        "From: x@y.example\nMIME-Version: 1.0\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=B\n",
        body="--B\nContent-Type: text/plain\n\nfailed\n--B--\n",
    )
    assert "multipart-report" in automation_reasons(msg)


@pytest.mark.parametrize(
    ("sender", "reason"),
    [
        ("MAILER-DAEMON@mx.example", "sender-mailer-daemon"),
        ("postmaster@mx.example", "sender-postmaster"),
        ("noreply@siak.example", "sender-noreply"),
        ("no-reply@siak.example", "sender-noreply"),
        ("no_reply@siak.example", "sender-noreply"),
        ("donotreply@siak.example", "sender-noreply"),
        ("owner-kaltara@lists.example", "sender-list-owner"),
        ("kaltara-request@lists.example", "sender-list-request"),
    ],
)
def test_sender_local_part_rules(sender: str, reason: str) -> None:
    assert reason in automation_reasons(message(f"From: {sender}\n"))


def test_own_address() -> None:
    msg = message("From: Desk <Blangko@Disdukcapil.Kaltaraprov.example>\n")
    assert automation_reasons(msg, ["blangko@disdukcapil.kaltaraprov.example"]) == ("own-address",)
    assert automation_reasons(msg) == ()


@pytest.mark.parametrize(
    "subject",
    ["Balasan Otomatis: Permohonan", "Automatic reply: blangko", "Out of Office", "Sedang cuti", "Di luar kantor"],
)
def test_out_of_office_subjects(subject: str) -> None:
    assert "out-of-office" in automation_reasons(message(PERSON, subject=subject))


@pytest.mark.parametrize(
    "body",
    [
        "Saya sedang cuti sampai 20 Januari.",
        "Saya sedang di luar kantor.",
        "I am currently out of the office until Monday.",
        "Pesan ini dibalas secara otomatis.",
    ],
)
def test_out_of_office_bodies(body: str) -> None:
    assert "out-of-office" in automation_reasons(message(PERSON, subject="Re: blangko", body=body))


def test_a_person_mentioning_a_colleague_on_leave_is_not_out_of_office() -> None:
    msg = message(PERSON, body="Kepala dinas sedang cuti, mohon tambahan blangko 2.000 keping.")
    assert automation_reasons(msg) == ()


@pytest.mark.parametrize(
    "subject",
    [
        "Undelivered Mail Returned to Sender",
        "Delivery Status Notification (Failure)",
        "Mail delivery failed: returning message to sender",
        "Undeliverable: Persetujuan",
    ],
)
def test_delivery_failure_subjects(subject: str) -> None:
    assert "delivery-failure" in automation_reasons(message(PERSON, subject=subject))


def test_delivery_failure_body() -> None:
    body = "This is the mail system at host mx.example.\nYour message could not be delivered.\n"
    assert "delivery-failure" in automation_reasons(message(PERSON, subject="hi", body=body))


@pytest.mark.parametrize("body", ["Klik di sini untuk berhenti berlangganan.", "To unsubscribe click here."])
def test_newsletter(body: str) -> None:
    assert "newsletter" in automation_reasons(message(PERSON, subject="Buletin", body=body))


def test_compat32_message_is_accepted_too() -> None:
    msg = email.message_from_string("From: MAILER-DAEMON@x.example\nSubject: x\n\nbody\n")
    assert automation_reasons(msg) == ("sender-mailer-daemon",)


def test_automated_verdict_takes_no_numbers_whatever_the_text_says() -> None:
    raw = (PERSON + "Auto-Submitted: auto-replied\nSubject: Permohonan\n\n"
           "Sisa stok 500, mohon tambahan 2.000 keping.\n").encode()
    verdict = read_message(raw, DISTRICTS)
    assert verdict.kind == "automated"
    assert verdict.requested is None and verdict.stock_on_hand is None
    assert verdict.automated_reasons == ("auto-submitted",)
