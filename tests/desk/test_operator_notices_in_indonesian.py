"""The operator's notices of a mail quarantined or given up say why in Indonesian, for every known cause; a
server's own words come only as a quoted "Pesan server" line, never as the reason."""

from __future__ import annotations

import email
import email.policy
import smtplib
import socket
from collections.abc import Callable

import pytest
from sqlalchemy import select

from mailbot.app import Desk
from mailbot.errors import MailbotError
from mailbot.guards.limits import LimitViolation
from mailbot.outbox import FlushResult, _record_failure
from mailbot.quarantine import QuarantinedEntry, tell_operator
from mailbot.reader.mime import parse_message
from mailbot.store.schema import OutboxMessage
from mailbot.transports.smtp import SmtpSender
from mailbot.undelivered import status_advice, status_meaning
from tests.desk.mailkit import queued_reply
from tests.transports.helpers import smtp_config

# English words of the errors mailbot records: none may reach a notice.
ENGLISH = ("message", "refused", "reachable", "limit", "attachments", "not an email", "parse", "connection", "failed")


class _Relay:
    host, port = "smtp.kaltaraprov.example", 587


SENDER = SmtpSender(smtp_config(_Relay()))  # type: ignore[arg-type]


def _notice(desk: Desk, purpose: str) -> str:
    with desk.sessions() as session:
        raw = session.scalar(select(OutboxMessage.raw).where(OutboxMessage.purpose == purpose))
    assert raw is not None
    return email.message_from_bytes(raw, policy=email.policy.default).get_body(("plain",)).get_content()  # type: ignore[attr-defined,union-attr]


def _given_up(desk: Desk, error: Exception) -> str:
    with desk.sessions.begin() as session:
        session.add(row := queued_reply(desk))
        session.flush()
        row.attempts = desk.config.run.outbox_max_attempts
        _record_failure(session, desk, row.id, error, FlushResult())
        assert row.status == "failed"
    return _notice(desk, "delivery-failed:1")


def _field(text: str, label: str) -> str | None:
    return next((line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith(label)), None)


def test_a_recipient_refused_is_said_in_indonesian_with_the_servers_words_quoted(
        open_test_desk: Callable[..., Desk]) -> None:
    error = SENDER._refused("message <r1@desk.example>",
                            {"a@b.example": (550, b"5.1.1 <a@b.example>: Recipient address rejected: User unknown")},
                            partial=False)
    text = _given_up(open_test_desk(), error)
    assert _field(text, "Sebab") == ("server email menolak alamat penerima: alamat penerima tidak dikenal di server "
                                     "tujuan (kotak suratnya tidak ada)"), text
    assert _field(text, "Pesan server") == '"a@b.example: 550 5.1.1 <a@b.example>: Recipient address rejected: ' \
                                           'User unknown"'
    assert "Galat" not in text and "refused by" not in text


@pytest.mark.parametrize(("exc", "said"), [
    (ConnectionRefusedError(111, "Connection refused"),
     "tidak ada layanan yang menjawab di port tersebut (sambungan ditolak)"),
    (socket.gaierror(-2, "Name or service not known"), "nama server tidak dikenal"),
    (TimeoutError("timed out"), "server tidak menjawab dalam batas waktu"),
], ids=["refused", "unknown_host", "timeout"])
def test_a_server_out_of_reach_is_said_in_indonesian(open_test_desk: Callable[..., Desk], exc: Exception,
                                                     said: str) -> None:
    text = _given_up(open_test_desk(), SENDER._session_error(exc))
    assert _field(text, "Sebab") == f"server email kantor (smtp.kaltaraprov.example:587) tidak dapat dihubungi: {said}"
    assert _field(text, "Pesan server") is None
    assert not any(word in text.lower() for word in ("not reachable", "nothing listens", "host name")), text


def test_a_session_refused_quotes_what_the_server_said(open_test_desk: Callable[..., Desk]) -> None:
    error = SENDER._session_error(smtplib.SMTPConnectError(421, b"4.3.2 Service not available, closing channel"))
    text = _given_up(open_test_desk(), error)
    assert _field(text, "Sebab") == "server email kantor (smtp.kaltaraprov.example:587) menolak sambungan", text
    assert _field(text, "Pesan server") == '"421 4.3.2 Service not available, closing channel"'


# What mailbot records for each cause of a quarantine, made by the code that records it.
def _not_an_email(raw: bytes) -> str:
    with pytest.raises(MailbotError) as refused:
        parse_message(raw)
    return str(refused.value)


QUARANTINED = [
    (LimitViolation("attachments", 12, 10).reason, "lampirannya terlalu banyak (12 berkas; paling banyak 10 berkas "
                                                   "per email)"),
    (LimitViolation("message_bytes", 10_780_429, 10_485_760).reason,
     "ukurannya terlalu besar (sekitar 10,3 MB; paling besar 10 MB per email)"),
    (LimitViolation("mime_parts", 900, 500).reason, "susunan emailnya terlalu rumit untuk dibaca (bagiannya terlalu "
                                                    "banyak)"),
    (LimitViolation("headers", 2000, 1000).reason, "bagian kepala (header) emailnya terlalu banyak"),
    ("parse_seconds: reading took longer than 10 s", "membacanya memakan waktu terlalu lama"),
    (_not_an_email(b"Catatan rapat, bukan email\n"), "tidak ada bagian kepala (header), jadi bukan email"),
    (_not_an_email(b""), "isinya kosong, bukan email"),
    (_not_an_email(bytes(range(256)) * 4), "isinya data biner (berkas), bukan email"),
    ("the reader failed: KeyError: 'x'", "terjadi kesalahan program saat memproses email ini (rinciannya: mailbot "
                                         "quarantine)"),
]


@pytest.mark.parametrize(("error", "said"), QUARANTINED, ids=[s[:24] for _, s in QUARANTINED])
def test_each_cause_of_a_quarantine_is_said_in_indonesian(open_test_desk: Callable[..., Desk], error: str,
                                                          said: str) -> None:
    desk = open_test_desk()
    entry = QuarantinedEntry(message_pk=7, sender="orang@luar.example", message_subject="Laporan", error=error,
                             district_name=None, told_sender=False)
    with desk.sessions.begin() as session:
        tell_operator(session, desk, [entry])
    text = _notice(desk, "quarantined:7")
    assert _field(text, "Alasan") == said, text
    assert "Rincian" not in text and error not in text
    listed = "\n".join(line for line in text.splitlines() if line.strip().startswith(("Alasan", "Sebab")))
    assert not any(word in listed.lower() for word in ENGLISH), listed


@pytest.mark.parametrize(("code", "said"), [
    ("5.2.2", "kotak surat penerima sudah penuh"),
    ("5.1.1", "alamat penerima tidak dikenal di server tujuan (kotak suratnya tidak ada)"),
    ("4.2.2", "kotak surat penerima sudah penuh (gangguan sementara)"),
    ("5.7.26", "pengiriman ditolak oleh kebijakan keamanan server tujuan"),
])
def test_a_status_code_alone_is_given_its_meaning(code: str, said: str) -> None:
    assert status_meaning(code) == said


@pytest.mark.parametrize(("said", "advice"), [
    ("550 5.1.1 <a@b.example>: Recipient address rejected", "Mohon periksa alamat tujuan"),
    ("5.1.1", "Mohon periksa alamat tujuan"),
    (None, "Mohon periksa alamat tujuan"),
    ("552 5.2.2 Mailbox full", "agar kotak suratnya diperiksa"),
    ("552 5.3.4 Message size exceeds fixed limit", "lampiran yang lebih kecil"),
    ("550 5.7.26 Unauthenticated email from disdukcapil.kaltaraprov.example is not accepted due to domain's DMARC "
     "policy", "(SPF, DKIM atau DMARC) untuk domain kantor gagal"),
    ("550 5.7.1 Message rejected by policy", "pengaturan pengiriman email kantor"),
    ("4.4.7", "tidak akan dikirim ulang secara otomatis"),
    ("451 4.3.0 Temporary failure", "masih mencoba mengirimkannya lagi"),
    ("554 5.4.4 Unable to route", "sistem email tujuan"),
])
def test_a_bounces_advice_follows_its_status_code(said: str | None, advice: str) -> None:
    # each was "Mohon periksa alamat tujuan ...", whatever the code said
    assert advice in status_advice(said)
    assert ("Mohon periksa alamat tujuan" in status_advice(said)) == advice.startswith("Mohon periksa alamat")
