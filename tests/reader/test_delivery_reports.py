"""What counts as a bounce of the desk's mail (RFC 3464 and the plain-text kind), table-driven with literal mail."""

from __future__ import annotations

import email
import email.policy

import pytest

from mailbot.reader.automated import is_delivery_report

_DSN = (
    "From: Mail Delivery System <MAILER-DAEMON@mx.bulungankab.example>\n"
    "To: blangko@disdukcapil.kaltaraprov.example\nSubject: {subject}\n"
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n'
    "--b\nContent-Type: text/plain\n\n{text}\n"
    "--b\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; mx.bulungankab.example\n\n"
    "Final-Recipient: rfc822; kepala@bulungankab.example\nAction: {action}\nStatus: {status}\n"
    "--b--\n"
)

_EXIM_PLAIN = (
    "From: Mail Delivery System <Mailer-Daemon@mail.tarakankota.example>\n"
    "To: blangko@disdukcapil.kaltaraprov.example\n"
    "Subject: Mail delivery failed: returning message to sender\n"
    "X-Failed-Recipients: kasi@tarakankota.example\nAuto-Submitted: auto-replied\n\n"
    "This message was created automatically by mail delivery software.\n\n"
    "A message that you sent could not be delivered to one or more of its recipients.\n"
    "  kasi@tarakankota.example\n    mailbox is full\n\n"
    "------ This is a copy of the message, including all the headers. ------\n"
    "Subject: Re: [BLK-2026-0004] Permohonan blangko\n\nDISETUJUI sebanyak 2.000 keping\n"
)

_VACATION = (
    "From: Kepala Bidang <kabid@malinaukab.example>\nTo: blangko@disdukcapil.kaltaraprov.example\n"
    "Subject: Balasan otomatis: Re: [BLK-2026-0002] Permohonan blangko\n"
    "In-Reply-To: <reply-1@disdukcapil.kaltaraprov.example>\n\n"
    "Saya sedang cuti sampai 10 Desember. Email tidak dapat terkirim ke atasan saya.\n\n"
    "> DISETUJUI sebanyak 1.500 keping\n"
)


def _msg(text: str) -> email.message.EmailMessage:
    return email.message_from_string(text, policy=email.policy.default)  # type: ignore[return-value]


@pytest.mark.parametrize(("name", "raw", "bounce"), [
    ("postfix failed", _DSN.format(subject="Undelivered Mail Returned to Sender", text="could not be delivered",
                                   action="failed", status="5.1.1"), True),
    ("postfix delayed: still being retried", _DSN.format(subject="Delayed Mail (still being retried)",
                                                         text="not yet delivered", action="delayed",
                                                         status="4.4.1"), False),
    ("relayed only", _DSN.format(subject="Delivery Status Notification (Relay)", text="relayed",
                                 action="relayed", status="2.0.0"), False),
    ("exim plain-text bounce", _EXIM_PLAIN, True),
    ("a vacation reply quoting the desk's mail", _VACATION, False),
])
def test_a_bounce_is_a_failed_delivery_and_nothing_else(name: str, raw: str, bounce: bool) -> None:
    assert is_delivery_report(_msg(raw)) is bounce, name
