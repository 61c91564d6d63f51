"""One poisonous message in a group: it ends quarantined with a readable reason, its raw bytes kept as they
came, and the rest of the group is processed (the real `mailbot run --once`, on SQLite here and on
PostgreSQL in tests/postgres). And the configured MIME limits reach the reader."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.desk.conftest import ROOT, mailbot

GOOD = (
    b"From: Disdukcapil Bulungan <disdukcapil@bulungankab.example>\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
    b"Subject: Permohonan tambahan blangko KTP-el\r\nDate: Fri, 27 Nov 2026 08:00:00 +0800\r\n"
    b"Message-ID: <good-1@bulungankab.example>\r\n\r\n"
    b"Sisa stok blangko KTP-el kami 300 keping. Mohon tambahan 1.000 keping.\r\n"
)
# Quarantined (nested deeper than max_mime_depth) with non-UTF-8 bytes in its From and a NUL in its Subject.
POISON = (
    b"From: Op\xe9rator \xff <op\xe9rator@bulungankab.example>\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
    b"Subject: Permohonan \x00 blangko \xff\r\nDate: Fri, 27 Nov 2026 08:01:00 +0800\r\n"
    b"Message-ID: <poison-1@bulungankab.example>\r\nMIME-Version: 1.0\r\n"
    + b"".join(b'Content-Type: multipart/mixed; boundary="n%d"\r\n\r\n--n%d\r\n' % (i, i) for i in range(40))
    + b"Content-Type: text/plain\r\n\r\nMohon tambahan 2.000 keping\r\n"
)
# Processed: undecodable bytes in the Subject and a NUL in the body (past the first 4 KB, where NULs among
# the header lines, or many, are taken for binary data), which PostgreSQL refuses in text.
NUL_REQUEST = (
    b"From: Disdukcapil Nunukan <disdukcapil@nunukankab.example>\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
    b"Subject: Permohonan blangko \xc3\x28 KTP-el\r\nDate: Fri, 27 Nov 2026 08:02:00 +0800\r\n"
    b"Message-ID: <nul-1@nunukankab.example>\r\nContent-Type: text/plain; charset=undefined\r\n"
    + b"".join(b"X-Relay-%d: relay%d.nunukankab.example\r\n" % (i, i) for i in range(120)) + b"\r\n"
    b"Sisa stok 200 keping.\x00 Mohon tambahan 1.500 keping \xff.\r\n"
)


def deliver(desk_dir: Path, *messages: bytes) -> None:
    new = desk_dir / "var" / "mail" / "inbox" / "new"
    new.mkdir(parents=True, exist_ok=True)
    for i, raw in enumerate(messages):
        (new / f"{i:03d}.eml").write_bytes(raw)


def run_poisoned_group(desk_dir: Path) -> None:
    """GOOD, POISON and NUL_REQUEST in one group; asserts what must hold on any database."""
    deliver(desk_dir, GOOD, POISON, NUL_REQUEST)
    for _ in range(2):  # and a second run finds nothing left to trip on
        run = mailbot(desk_dir, "-v", "run", "--once")
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr, run.stderr
    inbox = desk_dir / "var" / "mail" / "inbox"
    assert list((inbox / "new").iterdir()) == []
    assert len(list((inbox / "cur").iterdir())) == 2
    assert len(list((inbox / ".Quarantine" / "cur").iterdir())) == 1
    listing = mailbot(desk_dir, "quarantine")
    assert listing.returncode == 0, listing.stderr
    assert "mime_depth" in listing.stdout


def test_a_poisonous_message_is_quarantined_and_its_group_processed(desk_dir: Path) -> None:
    run_poisoned_group(desk_dir)
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    rows = {mid: (status, sender, subject, error, raw) for mid, status, sender, subject, error, raw in db.execute(
        "SELECT message_id, status, sender, subject, error, raw FROM messages")}
    status, sender, subject, error, raw = rows["<poison-1@bulungankab.example>"]
    assert status == "quarantined" and raw == POISON
    assert error == "max_mime_depth: MIME parts are nested 21 deep, over the limit of 20"
    # the NUL dropped when the header is read
    assert sender == "op\\udce9rator@bulungankab.example" and subject == "Permohonan blangko \ufffd"
    assert "\x00" not in subject
    assert rows["<good-1@bulungankab.example>"][0] == "processed"
    status, sender, subject, _, raw = rows["<nul-1@nunukankab.example>"]
    assert (status, sender, raw) == ("processed", "disdukcapil@nunukankab.example", NUL_REQUEST)
    assert subject.startswith("Permohonan blangko")
    assert "\x00" not in db.execute("SELECT verdict FROM messages WHERE message_id = '<nul-1@nunukankab.example>'"
                                    ).fetchone()[0].replace("\\u0000", "\x00")
    requested = dict(db.execute("SELECT sender, requested FROM requests"))
    assert requested == {"disdukcapil@bulungankab.example": 1000, "disdukcapil@nunukankab.example": 1500}


def _config_with(desk_dir: Path, **guards: int) -> None:
    text = (ROOT / "config.toml").read_text()
    for key, value in guards.items():
        text, n = re.subn(rf"(?m)^{key}\s*=.*$", f"{key} = {value}", text)
        assert n == 1, key
    (desk_dir / "config.toml").write_text(text)


def nested(depth: int) -> bytes:
    """A district request whose text sits *depth* levels down (depth 1: not nested)."""
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="n%d"\r\n\r\n--n%d\r\n' % (i, i)
                       for i in range(depth - 1))
    return (b"From: Disdukcapil Bulungan <disdukcapil@bulungankab.example>\r\nSubject: Permohonan blangko\r\n"
            b"Message-ID: <nested-%d@bulungankab.example>\r\nMIME-Version: 1.0\r\n" % depth + opening
            + b"Content-Type: text/plain\r\n\r\nMohon tambahan blangko KTP-el 2.000 keping.\r\n")


def test_the_configured_mime_depth_is_the_one_applied(desk_dir: Path) -> None:
    _config_with(desk_dir, max_mime_depth=2)
    for depth in (2, 4):
        (desk_dir / f"nested-{depth}.eml").write_bytes(nested(depth))
    within = mailbot(desk_dir, "parse", "nested-2.eml")
    assert within.returncode == 0 and "2.000" in within.stdout, within.stderr
    over = mailbot(desk_dir, "parse", "nested-4.eml")
    assert over.returncode == 1 and over.stdout == ""
    assert over.stderr.strip() == ("mailbot: nested-4.eml: would be quarantined: "
                                   "max_mime_depth: MIME parts are nested 3 deep, over the limit of 2")
    deliver(desk_dir, nested(4))
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    listing = mailbot(desk_dir, "quarantine")
    assert "mime_depth" in listing.stdout and "over the limit of 2" in listing.stdout


def test_the_configured_mime_parts_are_the_ones_applied(desk_dir: Path) -> None:
    _config_with(desk_dir, max_mime_parts=5)
    parts = b"".join(b"--w\r\nContent-Type: text/plain\r\n\r\nSisa 100 keping\r\n" for _ in range(5))
    raw = (b"From: disdukcapil@bulungankab.example\r\nSubject: Laporan\r\nMIME-Version: 1.0\r\n"
           b'Content-Type: multipart/mixed; boundary="w"\r\n\r\n' + parts + b"--w--\r\n")
    (desk_dir / "wide.eml").write_bytes(raw)
    over = mailbot(desk_dir, "parse", "wide.eml")
    assert over.returncode == 1
    assert over.stderr.strip().endswith("max_mime_parts: message has 6 MIME parts, over the limit of 5")
