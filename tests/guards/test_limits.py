"""Input limits: a message over a limit is named with a clear reason before anything reads it."""

from __future__ import annotations

import os
from email import policy
from email.message import EmailMessage

import pytest

from mailbot.guards.limits import LimitViolation, check_limits

LIMITS = {"max_message_bytes": 10 * 1024 * 1024, "max_attachments": 10, "max_attachment_bytes": 5 * 1024 * 1024}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def district_mail(*attachments: tuple[str, bytes]) -> EmailMessage:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
    msg["To"] = "blangko@disdukcapil.kaltaraprov.example"
    msg["Subject"] = "Laporan harian 17/12"
    msg.set_content("Laporan harian terlampir. Sisa blangko 812 keping.\n")
    for name, data in attachments:
        maintype, subtype = XLSX.split("/") if name.endswith(".xlsx") else ("application", "pdf")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg


def test_ordinary_report_with_a_spreadsheet_is_within_limits() -> None:
    raw = district_mail(("laporan-17-12.xlsx", os.urandom(40_000))).as_bytes()
    assert check_limits(raw, **LIMITS) is None


def test_message_over_the_size_limit_is_refused_before_parsing() -> None:
    raw = b"From: x@y.example\r\nContent-Type: multipart/mixed; boundary=\"b\r\n\r\n" + b"a" * 3000
    violation = check_limits(raw, max_message_bytes=2048, max_attachments=10, max_attachment_bytes=1024)
    assert violation == LimitViolation("message_bytes", len(raw), 2048)
    expected = f"max_message_bytes: message is {len(raw):,} bytes, over the limit of 2.048".replace(",", ".", 1)
    assert violation.reason == expected


def test_too_many_attachments() -> None:
    raw = district_mail(*[(f"surat-{i}.pdf", b"%PDF-1.4 surat") for i in range(11)]).as_bytes()
    violation = check_limits(raw, **LIMITS)
    assert violation == LimitViolation("attachments", 11, 10)
    assert violation.reason == "max_attachments: message has 11 attachments, over the limit of 10"
    assert check_limits(raw, **{**LIMITS, "max_attachments": 11}) is None


@pytest.mark.parametrize("size", [100_000, 250_001, 1_000_003])
def test_attachment_size_is_estimated_from_its_encoded_length(size: int) -> None:
    raw = district_mail(("rekap.xlsx", os.urandom(size))).as_bytes()
    below = check_limits(raw, **{**LIMITS, "max_attachment_bytes": size - size // 50})
    above = check_limits(raw, **{**LIMITS, "max_attachment_bytes": size + size // 50})
    assert below is not None and below.limit == "attachment_bytes" and below.part == "rekap.xlsx"
    assert abs(below.actual - size) <= size // 100
    assert above is None


def test_quoted_printable_attachment_size() -> None:
    text = ("Kecamatan Tanjung Selor = 120 keping; sisa \u00b1 80\n" * 2000).encode()
    msg = district_mail()
    msg.add_attachment(text, maintype="text", subtype="plain", filename="rekap.txt", cte="quoted-printable")
    violation = check_limits(msg.as_bytes(), **{**LIMITS, "max_attachment_bytes": 1000})
    assert violation is not None and violation.part == "rekap.txt"
    assert abs(violation.actual - len(text)) <= len(text) // 50


def test_attachments_inside_a_forwarded_message_count() -> None:
    inner = district_mail(*[(f"lampiran-{i}.pdf", b"%PDF-1.4") for i in range(3)])
    outer = district_mail(("laporan.xlsx", b"PK\x03\x04"))
    outer.add_attachment(inner)
    violation = check_limits(outer.as_bytes(), **{**LIMITS, "max_attachments": 3})
    assert violation == LimitViolation("attachments", 4, 3)


CONTENT_DISPOSITION_CASES = [
    pytest.param(
        b'Content-Type: image/png; name="ttd.png"\r\nContent-Transfer-Encoding: base64\r\n', 1, id="name-only"
    ),
    pytest.param(
        b"Content-Type: application/octet-stream\r\nContent-Disposition: attachment\r\n", 1, id="no-filename"
    ),
    pytest.param(
        b'Content-Type: image/png\r\nContent-Disposition: inline; filename="logo.png"\r\n', 1, id="inline-file"
    ),
    pytest.param(b"Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: inline\r\n", 0, id="inline-text"),
]


@pytest.mark.parametrize(("part_headers", "count"), CONTENT_DISPOSITION_CASES)
def test_what_counts_as_an_attachment(part_headers: bytes, count: int) -> None:
    raw = (
        b"From: disdukcapil@nunukankab.example\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="B"\r\n\r\n'
        b"--B\r\nContent-Type: text/plain\r\n\r\nMohon tambahan blangko.\r\n"
        b"--B\r\n" + part_headers + b"\r\niVBORw0KGgo=\r\n--B--\r\n"
    )
    violation = check_limits(raw, **{**LIMITS, "max_attachments": 0})
    assert (violation.actual if violation else 0) == count


def test_deeply_nested_mime_is_refused() -> None:
    body = b"--B30\r\nContent-Type: text/plain\r\n\r\nx\r\n--B30--\r\n"
    for depth in range(29, -1, -1):
        body = (
            f"--B{depth}\r\nContent-Type: multipart/mixed; boundary=\"B{depth + 1}\"\r\n\r\n".encode()
            + body + f"--B{depth}--\r\n".encode()
        )
    raw = b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="B0"\r\n\r\n' + body
    violation = check_limits(raw, **LIMITS)
    assert violation is not None and violation.limit == "mime_depth"
    assert check_limits(raw, **LIMITS, max_depth=40) is None


def test_very_wide_mime_is_refused() -> None:
    parts = b"".join(b"--B\r\nContent-Type: text/plain\r\n\r\nx\r\n" for _ in range(600))
    raw = b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="B"\r\n\r\n' + parts + b"--B--\r\n"
    violation = check_limits(raw, **LIMITS)
    assert violation is not None and violation.limit == "mime_parts"
    assert violation.reason == "max_mime_parts: message has 501 MIME parts, over the limit of 500"


def test_broken_mime_is_left_to_the_reader() -> None:
    raw = b'From: x@y.example\r\nContent-Type: multipart/mixed; boundary="never"\r\n\r\njust text\r\n'
    assert check_limits(raw, **LIMITS) is None


@pytest.mark.parametrize("depth", [21, 300, 5000])
def test_deep_nesting_is_refused_before_the_parser_recurses(depth: int) -> None:
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="n%d"\r\n\r\n--n%d\r\n' % (i, i) for i in range(depth))
    raw = b"From: x@y.example\r\nMIME-Version: 1.0\r\n" + opening + b"\r\nMohon 2.000 keping"
    assert check_limits(raw, **LIMITS) == LimitViolation("mime_depth", 21, 20)
    wrapped = b"From: x@y.example\r\n" + b"Content-Type: message/rfc822\r\n\r\n" * depth + b"Subject: x\r\n\r\nhalo"
    assert check_limits(wrapped, **LIMITS) == LimitViolation("mime_depth", 21, 20)


def test_mime_shape_follows_closing_and_enclosing_boundaries() -> None:
    # Siblings at depth 3 under a part that closes, then one more part of the outer multipart.
    inner = b'Content-Type: multipart/alternative; boundary="in"\r\n\r\n--in\r\n\r\na\r\n--in\r\n\r\nb\r\n--in--\r\n'
    raw = (b'From: x@y.example\r\nContent-Type: multipart/mixed; boundary="out"\r\n\r\n--out\r\n' + inner
           + b"--out\r\nContent-Type: text/plain\r\n\r\nc\r\n--out--\r\n")
    assert check_limits(raw, **LIMITS, max_depth=3) is None
    assert check_limits(raw, **LIMITS, max_depth=2) == LimitViolation("mime_depth", 3, 2)
    assert check_limits(raw, **LIMITS, max_parts=5) is None
    assert check_limits(raw, **LIMITS, max_parts=4) == LimitViolation("mime_parts", 5, 4)
    # An inner part that never closes is ended by the outer boundary: the next part is at depth 2 again.
    unclosed = raw.replace(b"--in--\r\n", b"")
    assert check_limits(unclosed, **LIMITS, max_depth=3) is None


def test_an_undecodable_charset_does_not_stop_the_check() -> None:
    for charset in (b"undefined", b"idna", b"utf-8\x00"):
        raw = (b"From: x@y.example\r\nContent-Type: text/plain; charset=" + charset
               + b"\r\n\r\nSisa \xe9 100 keping\r\n")
        assert check_limits(raw, **LIMITS) is None
