"""A district's mail with a NUL or another control character in a header is mail: its headers parse, the control
characters are dropped when they are read, the report is booked, and no header of the desk's answer carries one.
A file of binary data stays refused."""

from __future__ import annotations

import re

import pytest

from mailbot.runners import process_inbox
from mailbot.transports.maildir import MaildirInbox, deliver
from tests.desk.conftest import mailbot
from tests.desk.desk12 import TARAKAN, Desk12
from tests.desk.mailkit import set_guards

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

# C0 controls (tab aside), DEL and the C1 controls: none may stand in a header line the desk writes
CONTROL_RE = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]|\xc2[\x80-\x9f]")


def _report(subject: bytes, *, asks: bool = False) -> bytes:
    body = (b"Yth. Disdukcapil Provinsi Kalimantan Utara,\n\nLaporan harian 4/12/2026\nperekaman 58\npencetakan 41\n"
            b"sisa blangko 2.764 keping\n\nDisdukcapil Kota Tarakan\n")
    if asks:
        body = (b"Yth. Kepala Disdukcapil Provinsi Kalimantan Utara,\n\nsisa stok blangko KTP-el kami 380 keping.\n"
                b"Mohon tambahan blangko KTP-el sebanyak 600 keping.\n\nDisdukcapil Kota Tarakan\n")
    return (b"From: Operator Dukcapil Tarakan <" + TARAKAN.encode() + b">\r\n"
            b"To: blangko@disdukcapil.kaltaraprov.example\r\n"
            b"Subject: " + subject + b"\r\n"
            b"Date: Fri, 04 Dec 2026 15:40:00 +0800\r\n"
            b"Message-ID: <lap-0412.ctl@tarakankota.example>\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body.replace(b"\n", b"\r\n"))


def _deliver(d: Desk12, raw: bytes) -> dict[str, int]:
    deliver(d.inbox, raw)
    return dict(process_inbox(d.desk, MaildirInbox(d.inbox, size_limit=d.desk.config.guards.max_message_bytes)))


def _header_lines(raw: bytes) -> list[bytes]:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return head.split(b"\n")


def test_a_report_with_a_nul_in_its_subject_is_booked(desk12: Desk12) -> None:
    outcome = _deliver(desk12, _report(b"Laporan\x00 harian blangko\x07 Tarakan"))
    assert outcome == {"report": 1}, outcome
    row = desk12.db().execute("select status, subject, error from messages "
                              "where message_id = '<lap-0412.ctl@tarakankota.example>'").fetchone()
    assert (row["status"], row["subject"], row["error"]) == ("processed", "Laporan harian blangko Tarakan", None)
    stock = desk12.db().execute("select stock_on_hand from reports where district = '65.71'").fetchone()
    assert stock[0] == 2764


def test_no_header_of_an_answer_carries_a_control_character(desk12: Desk12) -> None:
    outcome = _deliver(desk12, _report(b"Permohonan\x00 blangko \x1b[1mKTP-el\x7f\x0b mendesak", asks=True))
    assert outcome == {"request-approved": 1}, outcome
    [reply] = desk12.replies_to("<lap-0412.ctl@tarakankota.example>")
    assert reply.subject == "Re: [BLK-2026-0001] Permohonan blangko [1mKTP-el mendesak"
    raw = desk12.db().execute("select raw from outbox where purpose like 'reply%' or recipients like ?",
                              (f"%{TARAKAN}%",)).fetchone()["raw"]
    for line in _header_lines(raw):
        assert CONTROL_RE.search(line.rstrip(b"\r")) is None, line


def test_import_takes_the_mail_and_refuses_binary_data(desk_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    mail = tmp_path / "laporan.eml"
    mail.write_bytes(_report(b"Laporan harian\x00 4/12"))
    binary = tmp_path / "foto.eml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))
    imported = mailbot(desk_dir, "import", str(mail))
    assert imported.returncode == 0, imported.stderr
    refused = mailbot(desk_dir, "import", str(binary))
    assert refused.returncode != 0
    assert "binary data, not an email" in refused.stderr, refused.stderr


def test_a_quarantined_mail_is_answered_without_its_control_characters(desk_dir, open_desk12) -> None:  # type: ignore[no-untyped-def]
    set_guards(desk_dir, max_message_bytes=2048, max_attachment_bytes=2048)
    d = open_desk12()
    raw = _report(b"Laporan\x00 harian\x1b 4/12").replace(b"Disdukcapil Kota Tarakan\r\n",
                                                           b"Disdukcapil Kota Tarakan\r\n" + b"-" * 76 * 40 + b"\r\n")
    assert _deliver(d, raw) == {"quarantined": 1}
    row = d.db().execute("select subject from messages where message_id = '<lap-0412.ctl@tarakankota.example>'")
    assert row.fetchone()["subject"] == "Laporan harian 4/12"
    [reply] = d.replies_to("<lap-0412.ctl@tarakankota.example>")
    assert reply.subject == "Re: Laporan harian 4/12"
