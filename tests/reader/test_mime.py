"""MIME decoding: not-an-email input, limits, charsets, HTML and spreadsheets."""

from __future__ import annotations

import pytest

from mailbot.errors import LimitExceeded, NotAnEmailError
from mailbot.reader import ReadLimits, read_message
from mailbot.reader.mime import decode_bytes, decode_header_value, extract, html_to_text
from tests.corpus.kit import FAKE_PNG, xlsx
from tests.reader.conftest import CORPUS, DISTRICTS

HEAD = ("From: disdukcapil@malinaukab.example\nTo: blangko@x.example\nSubject: s\n"
        "Date: Mon, 12 Jan 2026 09:00:00 +0800\n")


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"   \r\n\r\n",
        FAKE_PNG,
        b"%PDF-1.4\n1 0 obj\n",
        b"Hello, this is just some text without any headers.\nMohon tambahan 2.000 keping.\n",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        b"Note: this is not a mail either\n\nbody\n",
    ],
)
def test_not_an_email(raw: bytes) -> None:
    with pytest.raises(NotAnEmailError) as info:
        read_message(raw, DISTRICTS)
    assert "\n" not in str(info.value) and str(info.value)


def _with_attachments(count: int, size: int) -> bytes:
    parts = "".join(
        f"--B\nContent-Type: application/pdf; name=a{i}.pdf\nContent-Disposition: attachment; filename=a{i}.pdf\n"
        f"Content-Transfer-Encoding: base64\n\n{'QUFB' * (size // 3)}\n"
        for i in range(count)
    )
    body = f"--B\nContent-Type: text/plain\n\nMohon tambahan 1.000 keping.\n{parts}--B--\n"
    return (HEAD + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n" + body).encode()


def test_limit_on_attachment_count() -> None:
    limits = ReadLimits(max_attachments=2, max_attachment_bytes=10_000)
    read_message(_with_attachments(2, 30), DISTRICTS, limits=limits)
    with pytest.raises(LimitExceeded):
        read_message(_with_attachments(3, 30), DISTRICTS, limits=limits)


def test_limit_on_attachment_size() -> None:
    limits = ReadLimits(max_attachments=10, max_attachment_bytes=1000)
    read_message(_with_attachments(1, 900), DISTRICTS, limits=limits)
    with pytest.raises(LimitExceeded):
        read_message(_with_attachments(1, 3000), DISTRICTS, limits=limits)


def test_without_limits_nothing_is_refused() -> None:
    assert read_message(_with_attachments(12, 3000), DISTRICTS).requested == 1000


@pytest.mark.parametrize(
    ("data", "charset", "text"),
    [
        ("sisa ± 400".encode("iso-8859-1"), "iso-8859-1", "sisa ± 400"),
        ("“KTP-el” – 700".encode("windows-1252"), "windows-1252", "“KTP-el” – 700"),
        ("“KTP-el” – 700".encode("windows-1252"), "iso-8859-1", "“KTP-el” – 700"),
        ("“KTP-el” – 700".encode(), "iso-8859-1", "“KTP-el” – 700"),
        ("sisa ± 400".encode("iso-8859-1"), "x-unknown", "sisa ± 400"),
        ("sisa ± 400".encode("iso-8859-1"), None, "sisa ± 400"),
    ],
)
def test_charsets_are_tolerated(data: bytes, charset: str | None, text: str) -> None:
    assert decode_bytes(data, charset) == text


@pytest.mark.parametrize(
    ("header", "text"),
    [
        ("=?UTF-8?B?UGVybW9ob25hbiBibGFuZ2tvIOKAkyBNYWxpbmF1?=", "Permohonan blangko – Malinau"),
        ("=?iso-8859-1?Q?Laporan_harian_=96_23/01?=", "Laporan harian – 23/01"),
        ("=?x-bogus?Q?Laporan_harian?=", "Laporan harian"),
        ("Plain\n subject", "Plain subject"),
    ],
)
def test_encoded_word_subjects(header: str, text: str) -> None:
    assert decode_header_value(header) == text


def test_html_table_rows_become_cells_and_blockquotes_are_marked() -> None:
    html = (
        "<p>Laporan</p><table><tr><th>Tanggal</th><th>Sisa</th></tr><tr><td>16/01</td><td>3.206</td></tr></table>"
        "<blockquote>lama 750</blockquote><script>var x = 999;</script>"
    )
    lines = [line for line in html_to_text(html).split("\n") if line]
    assert lines == ["Laporan", "Tanggal | Sisa", "16/01 | 3.206", "> lama 750"]


def test_a_header_split_over_two_rows_by_spanning_cells_becomes_one_whole_row() -> None:
    html = (
        '<table><tr><th rowspan="2">Jenis</th><th rowspan="2">Stok Awal</th><th colspan="2">Mutasi</th>'
        '<th rowspan="2">Stok Akhir</th></tr><tr><th>Penerimaan</th><th>Pencetakan</th></tr>'
        '<tr><td>satuan</td><td colspan="4">(keping)</td></tr>'
        '<tr><td>KTP-el</td><td>3.420</td><td>2.000</td><td>2.310</td><td>3.096</td></tr></table>'
    )
    lines = [line for line in html_to_text(html).split("\n") if line]
    assert lines == [
        "Jenis | Stok Awal | Mutasi | | Stok Akhir",
        "Jenis | Stok Awal | Penerimaan | Pencetakan | Stok Akhir",
        "satuan | (keping) | | |",
        "KTP-el | 3.420 | 2.000 | 2.310 | 3.096",
    ]


def test_a_figure_spanning_rows_is_not_repeated_in_the_rows_below() -> None:
    html = (
        '<table><tr><th>Kecamatan</th><th>Blangko</th><th>Sisa</th></tr>'
        '<tr><td rowspan="2">Malinau Kota</td><td>KTP-el</td><td rowspan="2">1.200</td></tr>'
        '<tr><td>KIA</td></tr></table>'
    )
    lines = [line for line in html_to_text(html).split("\n") if line]
    assert lines == ["Kecamatan | Blangko | Sisa", "Malinau Kota | KTP-el | 1.200", "Malinau Kota | KIA |"]


def test_spreadsheet_attachment_is_read_and_pdf_is_not() -> None:
    parts = extract((CORPUS / "xlsx-with-pdf.eml").read_bytes())
    assert [a.filename for a in parts.attachments] == ["surat_pengantar.pdf", "laporan.xlsx"]
    assert len(parts.tables) == 1 and parts.tables[0][0] == "laporan.xlsx"
    assert "999" not in parts.text  # the PDF's text is never read


def test_unreadable_spreadsheet_is_noted_not_fatal() -> None:
    raw = (
        HEAD + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\n"
        "Laporan terlampir.\n--B\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; "
        "name=lap.xlsx\nContent-Transfer-Encoding: base64\n\nbm90IGEgemlw\n--B--\n"
    ).encode()
    verdict = read_message(raw, DISTRICTS)
    assert any("lap.xlsx" in note for note in verdict.notes)


def test_spreadsheet_helper_writes_real_xlsx() -> None:
    assert xlsx([["Tanggal", "Sisa"]])[:2] == b"PK"


def _old_excel_attachment() -> bytes:
    """The .xls (BIFF) recap attached to a message of set J, as its bytes."""
    import email as email_lib
    import email.policy as email_policy

    from tests.reader.conftest import ROOT

    raw = (ROOT / "tests" / "reading" / "setJ" / "corpus" / "038.eml").read_bytes()
    msg = email_lib.message_from_bytes(raw, policy=email_policy.default)
    for part in msg.walk():
        if part.get_filename() and part.get_filename().endswith(".xls"):
            data = part.get_payload(decode=True)
            assert isinstance(data, bytes)
            return data
    raise AssertionError("no .xls attachment")


def test_an_old_excel_attachment_is_read_as_a_table() -> None:
    from mailbot.reader.mime import read_xls

    (sheet,) = read_xls(_old_excel_attachment())
    assert sheet[2] == ("Operator", "Perekaman", "Pencetakan KTP-el", "Rusak", "Ket")
    assert sheet[-2][:3] == ("Total", 172, 106)


def test_an_old_excel_file_over_the_spreadsheet_limit_is_refused() -> None:
    from mailbot.reader.mime import read_xls

    data = _old_excel_attachment()
    with pytest.raises(LimitExceeded, match="spreadsheet_bytes"):
        read_xls(data, ReadLimits(max_spreadsheet_bytes=len(data) - 1))
    with pytest.raises(LimitExceeded, match="spreadsheet_rows"):
        read_xls(data, ReadLimits(max_spreadsheet_rows=3))


def test_an_unreadable_old_excel_file_is_noted_not_fatal() -> None:
    raw = (
        HEAD + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\n"
        "Laporan terlampir.\n--B\nContent-Type: application/vnd.ms-excel; name=rekap.xls\n"
        "Content-Disposition: attachment; filename=rekap.xls\nContent-Transfer-Encoding: base64\n\n"
        "bm90IGFuIGV4Y2VsIGZpbGU=\n--B--\n"
    ).encode()
    parts = extract(raw)
    assert parts.tables == () and any("rekap.xls" in n for n in parts.notes)
