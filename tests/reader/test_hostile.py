"""Hostile input: the reader raises nothing but its one-line reasons, and never works past its limits."""

from __future__ import annotations

import pytest

from mailbot.errors import LimitExceeded, NotAnEmailError, UnreadableError
from mailbot.reader import ReadLimits, read_message
from mailbot.reader.mime import check_spreadsheet, read_xlsx
from tests.fuzzrun import make_hostile
from tests.reader.conftest import DISTRICTS

HEAD = b"From: disdukcapil@malinaukab.example\r\nSubject: Permohonan\r\nMIME-Version: 1.0\r\n"
REQUEST = b"Sisa stok 300 keping. Mohon tambahan 2.000 keping.\r\n"


@pytest.mark.parametrize("charset", ["undefined", "idna", "punycode", "base64", "quopri", "rot13", "utf-8\\x00",
                                     "x-unknown"])
def test_an_undecodable_charset_reads_as_windows_1252(charset: str) -> None:
    body = REQUEST.replace(b"Mohon", b"Mohon \xe9")
    raw = HEAD + f"Content-Type: text/plain; charset={charset}\r\n\r\n".encode() + body
    assert read_message(raw, DISTRICTS).requested == 2000


@pytest.mark.parametrize("header", [
    b"Content-Transfer-Encoding: base64\xff",
    b"Content-Disposition: attachment\xe9; filename=\"a\xff.xlsx\"",
    b"Content-Type: text/plain; charset=\xff\xfe",
    b"Subject: =?undefined?Q?Permohonan?= \xff",
    b"Subject: =?utf-8?X?abc?= =?utf-8?B?###?=",
])
def test_8bit_and_broken_headers_are_read_around(header: bytes) -> None:
    raw = b"From: disdukcapil@malinaukab.example\r\nMIME-Version: 1.0\r\n" + header + b"\r\n\r\n" + REQUEST
    verdict = read_message(raw, DISTRICTS)
    assert verdict.sender == "disdukcapil@malinaukab.example"
    assert "\x00" not in verdict.subject
    verdict.subject.encode("utf-8")  # no lone surrogates


def test_one_stray_nul_in_a_body_or_a_header_leaves_a_request_readable_and_binary_data_is_still_refused() -> None:
    raw = (b"From: disdukcapil@malinaukab.example\r\nSubject: Permohonan\r\n\r\n" + REQUEST + b"\r\n\x00")
    verdict = read_message(raw, DISTRICTS)
    assert verdict.kind == "request" and verdict.requested is not None
    # in a field's value, the headers still parse: mail, the NUL dropped
    raw = b"From: disdukcapil@malinaukab.example\r\nSubject: Permohonan\x00 blangko\x1b\r\n\r\n" + REQUEST
    verdict = read_message(raw, DISTRICTS)
    assert (verdict.kind, verdict.subject) == ("request", "Permohonan blangko")
    with pytest.raises(NotAnEmailError, match="binary data"):  # a line among the headers that is no field
        read_message(b"From: a@b.example\r\n\x00\x01\x02\x03\r\n\r\n" + REQUEST, DISTRICTS)
    with pytest.raises(NotAnEmailError, match="binary data"):  # a program, header-like bytes and all
        read_message(b"\x7fELF\x02\x01\x01\x00\x00\x00\r\nFrom: a@b.example\r\n\r\n" + REQUEST, DISTRICTS)
    with pytest.raises(NotAnEmailError, match="binary data"):
        read_message(b"From: a@b.example\r\n\r\n" + b"\x00\x01" * 9 + REQUEST, DISTRICTS)  # many in the body


def test_nul_and_undecodable_bytes_never_reach_the_verdict() -> None:
    raw = (b"From: Op\xe9rator <disdukcapil@malinaukab.example>\r\nSubject: Permohonan\xff blangko\r\n"
           b"X-Pad: " + b"p" * 4100 + b"\r\n"  # a NUL among the header lines of the first 4 KB: binary data
           b"Message-ID: <a\x00b@malinaukab.example>\r\n\r\n" + REQUEST.replace(b"Mohon", b"Mohon\x00"))
    verdict = read_message(raw, DISTRICTS)
    for text in (verdict.subject, verdict.body_excerpt, verdict.message_id or "", *(e.text for e in verdict.evidence)):
        assert "\x00" not in text
        text.encode("utf-8")  # no lone surrogates


@pytest.mark.parametrize("depth", [25, 400, pytest.param(3000, marks=pytest.mark.slow)])  # 3000: about 1 s
def test_deep_nesting_is_the_depth_limit_not_a_recursion_error(depth: int) -> None:
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="n%d"\r\n\r\n--n%d\r\n' % (i, i) for i in range(depth))
    with pytest.raises(LimitExceeded, match=r"^max_mime_depth: "):
        read_message(HEAD + opening + b"\r\n" + REQUEST, DISTRICTS)
    with pytest.raises(LimitExceeded, match=r"^max_mime_depth: "):
        read_message(HEAD + b"Content-Type: message/rfc822\r\n\r\n" * depth + b"Subject: x\r\n\r\n" + REQUEST,
                     DISTRICTS)


def test_the_configured_depth_and_parts_apply() -> None:
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="n%d"\r\n\r\n--n%d\r\n' % (i, i) for i in range(3))
    raw = HEAD + opening + b"\r\n" + REQUEST
    assert read_message(raw, DISTRICTS).requested == 2000
    with pytest.raises(LimitExceeded, match=r"^max_mime_depth: MIME parts are nested 3 deep, over the limit of 2$"):
        read_message(raw, DISTRICTS, limits=ReadLimits(max_mime_depth=2))
    wide = HEAD + b'Content-Type: multipart/mixed; boundary="w"\r\n\r\n' + b"--w\r\n\r\nSisa 1\r\n" * 9 + b"--w--"
    with pytest.raises(LimitExceeded, match=r"^max_mime_parts: "):
        read_message(wide, DISTRICTS, limits=ReadLimits(max_mime_parts=8))


def test_a_huge_line_is_refused_by_its_length() -> None:
    with pytest.raises(LimitExceeded, match=r"^line_chars: a line of text is 5.000.003 characters"):
        read_message(HEAD + b"\r\n" + b"dua ribu " * 555_555 + b"dua ribu", DISTRICTS)
    with pytest.raises(LimitExceeded, match=r"^line_chars: "):
        read_message(HEAD.replace(b"Subject: Permohonan", b"Subject: " + b"9" * 30_000) + b"\r\nx", DISTRICTS)


def test_the_reader_turns_its_own_faults_into_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import mailbot.reader as reader

    def broken(*_args: object, **_kwargs: object) -> object:
        raise KeyError("a bug\nover two lines")

    monkeypatch.setattr(reader, "split_quoted", broken)
    with pytest.raises(UnreadableError) as info:
        read_message(HEAD + b"\r\n" + REQUEST, DISTRICTS)
    assert str(info.value) == "the reader failed: KeyError: 'a bug\\nover two lines'"


@pytest.mark.parametrize("raw", [b"\xff" * 100, b"From: x\r\n\r\n" + b"\x00" * 10, b"%PDF-1.7\r\n\xff"])
def test_garbage_is_not_an_email(raw: bytes) -> None:
    with pytest.raises(NotAnEmailError):
        read_message(raw, DISTRICTS)


MB = 1 << 20


@pytest.mark.parametrize(("name", "sheet", "limit"), [
    ("inflates past the byte limit",
     make_hostile._repeat(make_hostile._SHEET_HEAD, b"<row><c><v>1</v></c></row>", 20 * MB, make_hostile._SHEET_TAIL),
     "spreadsheet_bytes"),
    ("two cells a sheet apart",
     make_hostile._SHEET_HEAD + b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576">'
     b"<v>1</v></c></row>" + make_hostile._SHEET_TAIL, "spreadsheet_rows"),
    ("a row of 100,000 cells",
     make_hostile._repeat(make_hostile._SHEET_HEAD + b"<row>", b"<c><v>2</v></c>", 1_500_000, b"</row>"
                          + make_hostile._SHEET_TAIL), "spreadsheet_cells"),
    ("one cell of 3,000,000 characters",
     make_hostile._repeat(make_hostile._SHEET_HEAD + b'<row><c t="inlineStr"><is><t>', b"A", 3_000_000,
                          b"</t></is></c></row>" + make_hostile._SHEET_TAIL), "line_chars"),
    pytest.param("300,000 cells in rows of 40",
                 make_hostile._repeat(make_hostile._SHEET_HEAD,
                                      b"<x:row>" + b'<x:c s="1"><x:v>4</x:v></x:c>' * 40 + b"</x:row>",
                                      12 * MB, make_hostile._SHEET_TAIL), "spreadsheet_cells",
                 marks=pytest.mark.slow),  # the cells up to the limit are read: about 1.5 s of CPU
])
def test_spreadsheet_bombs_are_refused_before_they_are_read(name: str, sheet: object, limit: str) -> None:
    data = make_hostile.xlsx(sheet)  # type: ignore[arg-type]
    assert len(data) < 1_500_000, name
    with pytest.raises(LimitExceeded, match=rf"^{limit}: "):
        check_spreadsheet(data, ReadLimits())
    with pytest.raises(LimitExceeded, match=rf"^{limit}: "):
        read_xlsx(data)


def test_a_zip_that_lies_about_its_sizes_is_noted_unreadable() -> None:
    data = make_hostile.xlsx(make_hostile._repeat(make_hostile._SHEET_HEAD, b"<row><c><v>3</v></c></row>", 30 * MB,
                                                  make_hostile._SHEET_TAIL), declare=4096)
    check_spreadsheet(data, ReadLimits())  # the sizes it declares are small: left to the reader, which fails
    raw = make_hostile._with_attachment(__import__("random").Random(1), 1, data, "laporan.xlsx")
    verdict = read_message(raw, DISTRICTS)
    assert any("could not be read" in note for note in verdict.notes)


def test_an_ordinary_spreadsheet_is_read_as_before() -> None:
    (table,) = read_xlsx(make_hostile.normal_xlsx())
    assert table[0][:3] == ("Tanggal", "Sisa", None) and table[1][:2] == ("01/11/2026", 893) and len(table) == 31


def test_a_long_digit_run_is_no_quantity_and_costs_no_time() -> None:
    import time

    started = time.monotonic()
    verdict = read_message(HEAD + b"\r\nMohon tambahan blangko sebanyak " + b"9" * 19_000 + b" keping.", DISTRICTS)
    assert time.monotonic() - started < 2.0  # unbounded, the number patterns took 6 to 25 s on this
    assert verdict.requested is None
    # A 16-digit NIK beside a request is still what it was
    nik = read_message(HEAD + b"\r\nNIK operator 6501234567890123. " + REQUEST, DISTRICTS)
    assert nik.requested == 2000


def test_a_message_with_too_many_header_fields_is_refused_by_their_count() -> None:
    from mailbot.guards.limits import check_limits

    raw = HEAD + b"".join(b"X-Filler-%d: x\r\n" % i for i in range(5_000)) + b"\r\n" + REQUEST
    violation = check_limits(raw, max_message_bytes=10 << 20, max_attachments=10, max_attachment_bytes=1 << 20)
    assert violation is not None and violation.reason.startswith("headers: ")
    with pytest.raises(LimitExceeded, match=r"^headers: message has 5.003 header fields, over the limit of 1.000"):
        read_message(raw, DISTRICTS)
    assert read_message(HEAD + b"X-Filler: x\r\n" * 900 + b"\r\n" + REQUEST, DISTRICTS).requested == 2000


def test_an_html_part_and_the_text_are_read_within_their_sizes() -> None:
    html = HEAD + b"Content-Type: text/html\r\n\r\n<table>" + b"<tr><td>Sisa</td><td>300</td></tr>" * 40_000
    with pytest.raises(LimitExceeded, match=r"^html_chars: an HTML part is 1.360.007 characters"):
        read_message(html, DISTRICTS)
    with pytest.raises(LimitExceeded, match=r"^text_chars: "):
        read_message(HEAD + b"\r\n" + b"sisa stok 300 keping mohon 2.000\r\n" * 10_000, DISTRICTS)
    with pytest.raises(LimitExceeded, match=r"^text_lines: the text is 6\.00\d lines"):
        read_message(HEAD + b"\r\n" + b"300\r\n" * 6_000, DISTRICTS)
