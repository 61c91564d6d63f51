"""Hostile input: header injection and HTML in incoming fields never reach outgoing mail unescaped; messages
over the input limits are quarantined with the reason, never half-processed."""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from mailbot.app import open_inbox, open_sender
from mailbot.desk import Desk
from mailbot.service import run_once as desk_run_once
from mailbot.transports.maildir import deliver
from tests.desk.mailkit import MANAGERS, OFFICE, db, parse, run_once, sent_mail, set_guards
from tests.headercheck import assert_headers_clean

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


SENDER = "disdukcapil@bulungankab.example"
# The headers of a district reply, and nothing else: no Bcc, Cc or Reply-To can be smuggled in.
REPLY_HEADERS = {
    "from", "to", "subject", "date", "message-id", "in-reply-to", "references", "auto-submitted",
    "x-auto-response-suppress", "x-loop", "x-mailbot-category", "mime-version", "content-type",
}
BREAKS = ("\r", "\n", "\u2028", "\u2029", "\x85", "\x00", "\x1b", "\u202e")
REQUEST = ("Dengan hormat, sisa stok blangko KTP-el kami {stock} keping. Untuk itu\n"
           "mohon tambahan blangko {asked} keping.\n\nTerima kasih.\n")


def _b64(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


# name -> (From header, Subject header, body); raw bytes, as they arrive
CASES: dict[str, tuple[str, str, str]] = {
    "bare-cr-in-subject": (f"Operator <{SENDER}>", "Permohonan blangko\rBcc: korban@evil.example",
                           REQUEST.format(stock="750", asked="2.000")),
    "encoded-crlf-in-subject": (f"Operator <{SENDER}>", "=?utf-8?q?Permohonan_blangko=0D=0ABcc:_x@evil.example?=",
                                REQUEST.format(stock="750", asked="2.000")),
    "encoded-crlf-in-display-name": (f"=?utf-8?q?Operator=0D=0ABcc:_x@evil.example?= <{SENDER}>",
                                     "Permohonan blangko KTP-el", REQUEST.format(stock="750", asked="2.000")),
    "u2028-in-subject": (f"Operator <{SENDER}>", "Permohonan blangko\u2028Bcc: x@evil.example",
                         REQUEST.format(stock="750", asked="2.000")),
    "encoded-u2028-in-subject": (f"Operator <{SENDER}>", _b64("Permohonan\u2028Bcc: x@evil.example\u2029X: y"),
                                 REQUEST.format(stock="750", asked="2.000")),
    "encoded-u2028-in-display-name": (_b64("Operator\u2028Bcc: x@evil.example") + f" <{SENDER}>",
                                      "Permohonan blangko KTP-el", REQUEST.format(stock="750", asked="2.000")),
    "nested-encoded-word": (f"Operator <{SENDER}>",
                            "=?utf-8?q?=3D=3Futf-8=3Fq=3FPermohonan=3D0D=3D0ABcc:_x@evil.example=3F=3D?=",
                            REQUEST.format(stock="750", asked="2.000")),
    "control-and-bidi-characters": (f"Operator <{SENDER}>", "Permohonan \x1b[31mblangko\x7f \u202egnp.exe",
                                    REQUEST.format(stock="750", asked="2.000")),
    "very-long-subject": (f"Operator <{SENDER}>", "Permohonan blangko " + "sangat mendesak " * 150,
                          REQUEST.format(stock="750", asked="2.000")),
    "html-in-fields": ('"<b>Operator</b> <img src=x onerror=alert(1)>" <' + SENDER + ">",
                       "<script>alert(1)</script> Permohonan blangko",
                       REQUEST.format(stock="<b>750</b>", asked='<script>alert("x")</script> 2.000')),
    "u2028-in-message-id": (f"Operator <{SENDER}>", "Permohonan blangko KTP-el",
                            REQUEST.format(stock="750", asked="2.000")),
}
# What the reply answers: the letter's Message-ID, unless that is itself malformed (then nothing is threaded).
MESSAGE_IDS = {name: f"<{name}@bulungankab.example>" for name in CASES}
MESSAGE_IDS["u2028-in-message-id"] = "<u2028\u2028Bcc: x@evil.example>"


def _letter(name: str) -> bytes:
    sender, subject, body = CASES[name]
    head = (f"From: {sender}\r\nTo: {OFFICE}\r\nSubject: {subject}\r\nDate: Fri, 27 Nov 2026 08:30:00 +0800\r\n"
            f"Message-ID: {MESSAGE_IDS[name]}\r\n"
            f"References: <earlier@bulungankab.example> <bad\u2028id@x> =?utf-8?q?=0D=0ABcc:_x@y?=\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n")
    return (head + "\r\n" + body.replace("\n", "\r\n")).encode("utf-8")


def _process(desk: Desk, *raws: bytes) -> None:
    inbox = open_inbox(desk.config, desk)
    for raw in raws:
        deliver(desk.config.inbox.path, raw)  # type: ignore[union-attr]
    desk_run_once(desk, inbox, open_sender(desk.config))


@pytest.mark.parametrize("name", sorted(CASES))
def test_reply_headers_are_exactly_the_expected_set(name: str, desk_dir: Path,
                                                    open_test_desk: Callable[..., Desk]) -> None:
    desk = open_test_desk()
    _process(desk, _letter(name))
    mail = sent_mail(desk_dir)
    [reply] = [m for m in mail if m.msg["X-Mailbot-Category"] == "reply"]
    threaded = name != "u2028-in-message-id"
    assert_headers_clean(reply.raw, expected=REPLY_HEADERS if threaded else REPLY_HEADERS - {"in-reply-to",
                                                                                             "references"})
    for sent in mail:  # the managers' notices and any alert are clean as well
        assert_headers_clean(sent.raw)

    again = parse(reply.raw)
    assert again["To"].addresses[0].addr_spec == SENDER and len(again["To"].addresses) == 1
    assert again["From"].addresses[0].addr_spec == OFFICE
    subject = str(again["Subject"])
    assert subject.startswith("Re: [BLK-2026-0001]"), subject
    assert not any(c in subject for c in BREAKS), repr(subject)
    assert "=?" not in subject and len(subject) <= 200
    if threaded:
        assert reply.in_reply_to == MESSAGE_IDS[name]
        references = str(again["References"]).split()
        assert references[-1] == MESSAGE_IDS[name]
        assert set(references) <= {"<earlier@bulungankab.example>", MESSAGE_IDS[name]}, references
    for sent in mail:
        assert set(sent.to) <= {SENDER, *MANAGERS}, sent.to
        assert not {"bcc", "cc", "reply-to"} & {k.lower() for k in sent.msg.keys()}


def test_html_from_the_sender_is_escaped_in_the_html_part(desk_dir: Path,
                                                          open_test_desk: Callable[..., Desk]) -> None:
    desk = open_test_desk()
    _process(desk, _letter("html-in-fields"))
    [reply] = [m for m in sent_mail(desk_dir) if m.in_reply_to == "<html-in-fields@bulungankab.example>"]
    html = reply.html
    assert html is not None, "district replies carry an HTML alternative"
    assert "<script" not in html.lower() and "<img" not in html.lower() and "<b>750" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; 2.000" in html, "the quoted text is shown, escaped"
    assert "&lt;b&gt;750&lt;/b&gt;" in html
    assert "2.000 keping" in html and "DISETUJUI" in html
    # the text part quotes the same words as written: text templates are not escaped
    assert '<script>alert("x")</script> 2.000' in reply.text
    assert "http" not in html.lower() and "src=" not in html.lower(), "no remote content"


# --- input limits --------------------------------------------------------------------------------

def _with_attachments(name: str, sizes: list[int]) -> bytes:
    parts = [f"--LIM\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{REQUEST.format(stock='750', asked='2.000')}"]
    for i, size in enumerate(sizes):
        payload = base64.encodebytes(b"\x00" * size).decode().replace("\n", "\r\n")
        parts.append(f"--LIM\r\nContent-Type: application/vnd.ms-excel; name=\"stok-{i}.xls\"\r\n"
                     f"Content-Disposition: attachment; filename=\"stok-{i}.xls\"\r\n"
                     f"Content-Transfer-Encoding: base64\r\n\r\n{payload}")
    head = (f"From: Operator <{SENDER}>\r\nTo: {OFFICE}\r\nSubject: Permohonan blangko KTP-el\r\n"
            f"Date: Fri, 27 Nov 2026 08:30:00 +0800\r\nMessage-ID: <{name}@bulungankab.example>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"LIM\"\r\n\r\n")
    return (head + "".join(parts) + "--LIM--\r\n").encode()


LIMIT_CASES = {
    # name -> (letter, words the recorded reason must hold)
    "too-many-attachments": (_with_attachments("too-many-attachments", [100] * 11), ("11 attachments", "10")),
    "attachment-too-big": (_with_attachments("attachment-too-big", [60_000]), ("stok-0.xls", "50.000")),
    "message-too-big": (_with_attachments("message-too-big", [150_000, 150_000]), ("message is", "bytes")),
}


def test_messages_over_the_limits_are_quarantined_whole(desk_dir: Path) -> None:
    set_guards(desk_dir, max_message_bytes=250_000, max_attachment_bytes=50_000, max_attachments=10)
    files = []
    for name, (raw, _) in LIMIT_CASES.items():
        path = desk_dir / f"{name}.eml"
        path.write_bytes(raw)
        files.append(path)
    within = desk_dir / "within.eml"
    malinau = b"disdukcapil@malinaukab.example"
    within.write_bytes(_with_attachments("within", [100] * 10).replace(SENDER.encode(), malinau))
    stdout = run_once(desk_dir, *files, within)
    assert "quarantined" in stdout

    conn = db(desk_dir)
    for name, (_, words) in LIMIT_CASES.items():
        row = conn.execute("select id, status, error, raw is not null as kept from messages where message_id = ?",
                           (f"<{name}@bulungankab.example>",)).fetchone()
        if row is None:  # the Maildir inbox refuses to read an oversized file; it is kept under its inbox key
            row = conn.execute("select id, status, error, raw is not null as kept from messages "
                               "where status = 'quarantined' and error like 'message is %'").fetchone()
        assert row is not None, name
        assert row["status"] == "quarantined", name
        for word in words:
            assert word in row["error"], (name, row["error"])
        assert conn.execute("select count(*) from requests where message_pk = ?", (row["id"],)).fetchone()[0] == 0
    # nothing of them was read, recorded or answered; the message within the limits went through
    assert conn.execute("select count(*) from requests").fetchone()[0] == 1
    assert conn.execute("select count(*) from ledger_entries where source like 'message:%'").fetchone()[0] == 0
    # the district is only asked, once for each, to send it again within the limits
    to_sender = [m for m in sent_mail(desk_dir) if SENDER in m.to]
    assert len(to_sender) == len(LIMIT_CASES)
    assert all("belum dapat kami proses" in m.msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
               and "DISETUJUI" not in m.raw.decode(errors="replace") for m in to_sender)
    # and a person reads each (the "perlu dibaca" queue), without a second note to the sender
    assert conn.execute("select count(*) from attention_items where reason = 'quarantine'").fetchone()[0] == \
        len(LIMIT_CASES)
    quarantined = list((desk_dir / "var" / "mail" / "inbox" / ".Quarantine" / "cur").iterdir())
    assert len(quarantined) == len(LIMIT_CASES)
    listing = run_quarantine_listing(desk_dir)
    assert "attachments" in listing


def run_quarantine_listing(desk_dir: Path) -> str:
    from tests.desk.conftest import mailbot

    result = mailbot(desk_dir, "quarantine")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_quarantined_message_is_never_half_processed_on_replay(desk_dir: Path) -> None:
    """Replaying a message still over a limit quarantines it again, with nothing recorded in between."""
    set_guards(desk_dir, max_attachments=2)
    path = desk_dir / "three.eml"
    path.write_bytes(_with_attachments("three", [100, 100, 100]))
    run_once(desk_dir, path)
    conn = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    [(message_pk,)] = conn.execute("select id from messages where status = 'quarantined'").fetchall()
    from tests.desk.conftest import mailbot

    replay = mailbot(desk_dir, "replay", str(message_pk))
    assert "Traceback" not in replay.stderr
    assert conn.execute("select status from messages").fetchall() == [("quarantined",)]
    assert conn.execute("select count(*) from requests").fetchone()[0] == 0
    # only the notices of the first quarantine (operator, district); the replay adds none
    assert sorted(p.split(":")[0] for (p,) in conn.execute("select purpose from outbox")) == [
        "quarantined", "quarantined-sender"]
    assert conn.execute("select count(*) from attention_items where closed_at is null").fetchone()[0] == 1
