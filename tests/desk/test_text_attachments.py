"""A text attachment (CSV, .txt) is held to the text limits of the body: one verdict in parse, run and reread.

A CSV of one enormous line is no office mail. Read or not, it must be refused the same way everywhere,
by the limit's name, before the reader spends its parse time on it (which, on a busy machine, decided
the verdict).
"""

from __future__ import annotations

import base64
import sqlite3
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.test_hostile_messages import GOOD, deliver


def with_attachment(name: str, content_type: str, data: bytes, n: int) -> bytes:
    """A district request with *data* attached as *name*, base64 as mail clients send it."""
    encoded = base64.encodebytes(data)
    return (
        b"From: Disdukcapil Bulungan <disdukcapil@bulungankab.example>\r\n"
        b"To: blangko@disdukcapil.kaltaraprov.example\r\nSubject: Permohonan blangko (lampiran)\r\n"
        b"Date: Mon, 30 Nov 2026 09:00:00 +0800\r\nMessage-ID: <text-attachment-%d@bulungankab.example>\r\n"
        b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="BB"\r\n\r\n'
        b"--BB\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Sisa stok 200 keping. Kami mohon tambahan blangko KTP-el sebanyak 1.000 keping.\r\n"
        b"--BB\r\nContent-Type: %s\r\nContent-Disposition: attachment; filename=\"%s\"\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" % (n, content_type.encode(), name.encode())
        + encoded + b"--BB--\r\n"
    )


# Each case well within the attachment size limit (5 MB), and quick to read were it read.
CASES = [
    ("satu.csv", "text/csv", b"Bulungan;1.000;" * 20_000, "line_chars", "300.000 characters"),
    ("catatan.txt", "text/plain", b"sisa 200 " * 30_000, "line_chars", "270.000 characters"),
    ("stok.csv", "application/octet-stream", b"kecamatan;sisa\r\n" + b"Tanjung Selor;10\r\n" * 6_000,
     "text_lines", "6.001 lines"),
    ("panjang.csv", "text/csv", (b"x" * 19_999 + b"\n") * 11, "text_chars", "220.000 characters"),
]


@pytest.mark.parametrize(("name", "content_type", "data", "limit", "figure"), CASES,
                         ids=[c[0] for c in CASES])
def test_a_text_attachment_over_a_text_limit_has_one_verdict(desk_dir: Path, name: str, content_type: str,
                                                            data: bytes, limit: str, figure: str) -> None:
    raw = with_attachment(name, content_type, data, 1)
    (desk_dir / "over.eml").write_bytes(raw)
    parsed = mailbot(desk_dir, "parse", "over.eml")
    assert parsed.returncode == 1, parsed.stdout
    reason = parsed.stderr.strip().removeprefix("mailbot: over.eml: would be quarantined: ")
    assert reason.startswith(f"{limit}: ") and f"{name!r} is {figure}" in reason, parsed.stderr

    deliver(desk_dir, raw, GOOD)
    run = mailbot(desk_dir, "run", "--once")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    rows = dict(db.execute("SELECT message_id, status || ' ' || coalesce(error, '') FROM messages"))
    assert rows["<text-attachment-1@bulungankab.example>"] == f"quarantined {reason}"
    assert rows["<good-1@bulungankab.example>"].startswith("processed")
    assert db.execute("SELECT count(*) FROM requests").fetchone()[0] == 1

    reread = mailbot(desk_dir, "reread", "--include-quarantined")
    assert reread.returncode == 0, reread.stderr
    # refused again by the same limit, for the same reason: no difference to show (read past the limit, the
    # message would be listed with the kind it was read as)
    assert "2 stored message(s) re-read: no differences." in reread.stdout, reread.stdout


def test_a_text_attachment_within_the_limits_is_read(desk_dir: Path) -> None:
    table = b"kecamatan;sisa blangko\r\nTanjung Selor;120\r\nTanjung Palas;80\r\n"
    (desk_dir / "within.eml").write_bytes(with_attachment("stok.csv", "text/csv", table, 2))
    parsed = mailbot(desk_dir, "parse", "within.eml")
    assert parsed.returncode == 0, parsed.stderr
    assert "1.000" in parsed.stdout
