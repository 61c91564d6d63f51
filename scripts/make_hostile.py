"""Hostile mail for the fuzz test and for trying the desk by hand: seeded, reproducible, bombs included.

    .venv/bin/python scripts/make_hostile.py OUT_DIR [--count 5000] [--seed 10]

writes OUT_DIR/NNNNN-KIND.eml. The mix: mutations of the reader's corpus and the sample inbox (byte
flips, truncations, NUL bytes), broken MIME (lost, reused and missing boundaries, bad transfer
encodings, broken RFC 2231 parameters), bad and undefined charsets in bodies and encoded words,
8-bit and non-UTF-8 headers (From included), deep nesting and wide multiparts, zip and xlsx bombs
(about 1.4 MB of mail that inflates to hundreds of MB), huge lines, and, among them, good requests
from the districts of the shipped config, authenticated by "mx.fuzz.example" (GOOD_AUTHSERV_ID), that
the desk must answer. `generate()` is the same, for a test.
"""

from __future__ import annotations

import argparse
import io
import random
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted([*(ROOT / "tests" / "corpus").glob("*.eml"), *(ROOT / "examples" / "inbox").glob("*.eml")])
GOOD_AUTHSERV_ID = "mx.fuzz.example"
DISTRICT_SENDERS = (
    "disdukcapil@bulungankab.example", "operator.bulungan@bulungankab.example", "disdukcapil@malinaukab.example",
    "disdukcapil@nunukankab.example", "capil.nunukan@nunukankab.example", "disdukcapil@tanatidungkab.example",
    "disdukcapil@tarakankota.example",
)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BAD_CHARSETS = ("undefined", "x-unknown", "unknown-8bit", "utf-7", "utf-16", "utf-32", "idna", "punycode",
                "rot13", "base64", "hex", "zlib", "uu", "quopri", "mbcs", "cp65001", "\xff\xfe", "utf-8\x00",
                "iso-2022-jp", "shift_jis", "big5hkscs", "")


@dataclass(frozen=True)
class Hostile:
    """One generated message: its kind (what was done to it) and its bytes."""

    kind: str
    raw: bytes


# --- building blocks ----------------------------------------------------------------------------

def _headers(rng: random.Random, n: int, *, sender: str = "", subject: str = "Laporan blangko") -> bytes:
    sender = sender or rng.choice(DISTRICT_SENDERS)
    return (f"From: Operator <{sender}>\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
            f"Subject: {subject}\r\nDate: Fri, 27 Nov 2026 09:{n % 60:02d}:00 +0800\r\n"
            f"Message-ID: <hostile-{n}-{rng.getrandbits(48):x}@fuzz.example>\r\nMIME-Version: 1.0\r\n").encode()


def _multipart(parts: list[bytes], boundary: str, subtype: str = "mixed") -> bytes:
    body = b"".join(b"--" + boundary.encode() + b"\r\n" + p + b"\r\n" for p in parts)
    return (f'Content-Type: multipart/{subtype}; boundary="{boundary}"\r\n\r\n'.encode()
            + body + b"--" + boundary.encode() + b"--\r\n")


def _text_part(text: bytes, charset: str = "utf-8", cte: str = "8bit") -> bytes:
    return f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode() + text


def _attachment(data: bytes, filename: str, ctype: str = XLSX_TYPE) -> bytes:
    import base64

    return (f'Content-Type: {ctype}; name="{filename}"\r\nContent-Transfer-Encoding: base64\r\n'
            f'Content-Disposition: attachment; filename="{filename}"\r\n\r\n').encode() + base64.encodebytes(data)


def _with_attachment(rng: random.Random, n: int, data: bytes, filename: str, ctype: str = XLSX_TYPE) -> bytes:
    text = _text_part(b"Laporan harian terlampir. Sisa blangko 812 keping.\r\n")
    return _headers(rng, n) + _multipart([text, _attachment(data, filename, ctype)], f"b{n}")


def _seed(rng: random.Random) -> bytes:
    return _seed_bytes(rng.randrange(len(SEEDS)))


@cache
def _seed_bytes(i: int) -> bytes:
    return SEEDS[i].read_bytes()


def _renamed(raw: bytes, rng: random.Random, n: int) -> bytes:
    """A fresh Message-ID, so that a mutation of a seed is not taken for the seed itself."""
    return f"Message-ID: <hostile-{n}-{rng.getrandbits(48):x}@fuzz.example>\r\n".encode() + raw


# --- spreadsheets and zips ----------------------------------------------------------------------

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    b'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    b'<sheet name="Laporan" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    b'</Relationships>'
)
_SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/' \
              b'spreadsheetml/2006/main"><sheetData>'
_SHEET_TAIL = b"</sheetData></worksheet>"
_SST_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/' \
            b'spreadsheetml/2006/main" count="1" uniqueCount="1">'


def xlsx(sheet: Iterator[bytes] | bytes, shared: Iterator[bytes] | bytes = _SST_HEAD + b"<si><t>Sisa</t></si></sst>",
         *, declare: int | None = None) -> bytes:
    """A minimal .xlsx whose sheet and shared strings XML come in chunks (a bomb streams into the zip).
    *declare* lies about the sheet's uncompressed size in the zip's headers."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, data in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                           ("xl/workbook.xml", _WORKBOOK), ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)):
            z.writestr(name, data)
        for name, chunks in (("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", sheet)):
            with z.open(name, "w", force_zip64=True) as fh:
                for chunk in ([chunks] if isinstance(chunks, bytes) else chunks):
                    fh.write(chunk)
    data = buffer.getvalue()
    if declare is not None:
        data = _lie_about_sizes(data, declare)
    return data


def _lie_about_sizes(data: bytes, size: int) -> bytes:
    """Rewrite the central directory's uncompressed sizes (zip64 entries are left as they are)."""
    out = bytearray(data)
    pos = out.find(b"PK\x01\x02")
    while pos != -1:
        if int.from_bytes(out[pos + 24:pos + 28], "little") != 0xFFFFFFFF:
            out[pos + 24:pos + 28] = min(size, 0xFFFFFFFE).to_bytes(4, "little")
        pos = out.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


def _repeat(head: bytes, unit: bytes, total: int, tail: bytes) -> Iterator[bytes]:
    yield head
    chunk = unit * max(1, (1 << 20) // len(unit))
    for _ in range(max(1, total // len(chunk))):
        yield chunk
    yield tail


def normal_xlsx() -> bytes:
    """A daily report sheet as a district sends it: a header row and a month of rows."""
    rows = [b'<row r="1"><c r="A1" t="inlineStr"><is><t>Tanggal</t></is></c><c r="B1" t="s"><v>0</v></c></row>']
    for day in range(1, 31):
        r = day + 1
        rows.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{day:02d}/11/2026</t></is></c>'
                    f'<c r="B{r}"><v>{900 - day * 7}</v></c></row>'.encode())
    return xlsx(_SHEET_HEAD + b"".join(rows) + _SHEET_TAIL)


@cache
def bombs(scale: int = 1) -> dict[str, bytes]:
    """The attachment bombs, each about 0.3-1.4 MB; *scale* divides their inflated size (for quick tests)."""
    mb = 1 << 20
    return {
        # ~550 MB of identical rows: the 1.4 MB xlsx bomb
        "xlsx-rows-bomb": xlsx(_repeat(_SHEET_HEAD, b"<row><c><v>1</v></c></row>", 550 * mb // scale, _SHEET_TAIL)),
        # one row of a million cells, under any limit on inflated bytes
        "xlsx-wide-row-bomb": xlsx(_repeat(_SHEET_HEAD + b"<row>", b"<c><v>2</v></c>", 14 * mb // scale,
                                           b"</row>" + _SHEET_TAIL)),
        # a million cells in rows of 40, under any limit on inflated bytes
        "xlsx-cells-bomb": xlsx(_repeat(_SHEET_HEAD, b"<row>" + b"<c><v>4</v></c>" * 40 + b"</row>",
                                        14 * mb // scale, _SHEET_TAIL)),
        # one shared string of a gigabyte
        "xlsx-shared-strings-bomb": xlsx(_SHEET_HEAD + b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + _SHEET_TAIL,
                                         _repeat(_SST_HEAD + b"<si><t>", b"A", 1000 * mb // scale, b"</t></si></sst>")),
        # two cells a whole sheet apart: a dense reader allocates 17 billion cells
        "xlsx-sparse-corners": xlsx(_SHEET_HEAD + b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576">'
                                    b'<c r="XFD1048576"><v>1</v></c></row>' + _SHEET_TAIL),
        # a million empty rows
        "xlsx-empty-rows": xlsx(_repeat(_SHEET_HEAD, b"<row/>", 100 * mb // scale, _SHEET_TAIL)),
        # the bomb with its central directory saying its sheet is small
        "xlsx-lying-sizes": xlsx(_repeat(_SHEET_HEAD, b"<row><c><v>3</v></c></row>", 300 * mb // scale,
                                         _SHEET_TAIL), declare=4096),
        # a plain zip bomb, named as a spreadsheet and as a zip
        "zip-bomb": _zip_bomb(800 * mb // scale),
    }


def _zip_bomb(size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z, z.open("data.bin", "w", force_zip64=True) as fh:
        for chunk in _repeat(b"", b"\0", size, b""):
            fh.write(chunk)
    return buffer.getvalue()


# --- the kinds of hostile message ---------------------------------------------------------------

def good(rng: random.Random, n: int) -> bytes:
    """An authenticated district request the desk must answer."""
    sender = rng.choice(DISTRICT_SENDERS)
    domain = sender.split("@", 1)[1]
    quantity = rng.choice((500, 1000, 1500, 2000))
    return (f"Authentication-Results: {GOOD_AUTHSERV_ID}; spf=pass smtp.mailfrom={domain}; "
            f"dkim=pass header.d={domain}; dmarc=pass header.from={domain}\r\n").encode() + _headers(
        rng, n, sender=sender, subject="Permohonan tambahan blangko KTP-el") + _text_part(
        f"Dengan hormat,\r\n\r\nSisa stok blangko KTP-el kami saat ini 300 keping. Kami mohon tambahan blangko "
        f"KTP-el sebanyak {quantity:,} keping.\r\n\r\nHormat kami,\r\nOperator\r\n".replace(",", ".").encode())


def byte_flips(rng: random.Random, n: int) -> bytes:
    raw = bytearray(_seed(rng))
    for _ in range(rng.randint(1, 60)):
        raw[rng.randrange(len(raw))] = rng.randrange(256)
    return _renamed(bytes(raw), rng, n)


def truncation(rng: random.Random, n: int) -> bytes:
    raw = _seed(rng)
    return _renamed(raw[: rng.randrange(1, len(raw))], rng, n)


def nul_bytes(rng: random.Random, n: int) -> bytes:
    raw = bytearray(_seed(rng))
    for _ in range(rng.randint(1, 20)):
        pos = rng.randrange(len(raw))
        raw[pos:pos] = b"\0" * rng.randint(1, 3)
    return _renamed(bytes(raw), rng, n) if rng.random() < 0.7 else bytes(raw)  # NUL in the Message-ID too


_EIGHT_BIT = (
    b"\xff\xfe", b"\xe9", b"\xc3\x28", b"\xa0\xa1", b"\xed\xa0\x80", b"\xf0\x28\x8c\xbc", b"\x80", b"\xc0\xaf")


def eight_bit_headers(rng: random.Random, n: int) -> bytes:
    bad = rng.choice(_EIGHT_BIT)
    sender = rng.choice(DISTRICT_SENDERS).encode()
    local, domain = sender.split(b"@")
    froms = (b"Op" + bad + b"rator <" + sender + b">", b'"' + bad + b'" <' + sender + b">",
             local + bad + b"@" + domain, b"Operator <" + local + bad + b"@" + domain + b">",
             b"=?utf-8?B?" + bad + b"?= <" + sender + b">", bad * 40 + b"@" + bad + b".example",
             b"Operator <" + sender + b">, " + bad + b" <x" + bad + b"@y.example>", b"<" + bad + b">")
    headers = [b"From: " + rng.choice(froms),
               b"To: blangko@disdukcapil.kaltaraprov.example" + (bad if rng.random() < 0.3 else b""),
               b"Subject: Permohonan " + bad + b" blangko " + bad, b"Date: Fri, 27 Nov 2026 " + bad,
               f"Message-ID: <hostile-{n}-{rng.getrandbits(32):x}@fuzz.example>".encode()
               + (bad if rng.random() < 0.2 else b""),
               b"MIME-Version: 1.0", b"Reply-To: " + bad + b"@x.example", b"References: <a" + bad + b"@b>",
               b"In-Reply-To: <" + bad + b">", b"Authentication-Results: mx" + bad + b"; dmarc=pass header.from="
               + domain]
    rng.shuffle(headers)
    body_headers = rng.choice((
        b"Content-Type: text/plain; charset=" + bad + b"\r\nContent-Transfer-Encoding: " + bad,
        b"Content-Type: text/pl" + bad + b"in",
        b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64" + bad,
        b"Content-Type: text/plain\r\nContent-Disposition: attachment; filename=\"" + bad + b".xlsx\"",
        b"Content-Type: application/octet-stream; name=" + bad + b"\r\nContent-Transfer-Encoding: quoted-printable"
        + bad,
    ))
    body = b"Mohon tambahan blangko KTP-el sebanyak 1.000 keping " + bad + b"\r\n"
    return b"\r\n".join(headers) + b"\r\n" + body_headers + b"\r\n\r\n" + body


def bad_charsets(rng: random.Random, n: int) -> bytes:
    charset = rng.choice(BAD_CHARSETS)
    text = "Mohon tambahan blangko sebanyak 1.000 keping. Sisa stok 250 — terima kasih é".encode(
        rng.choice(("utf-8", "latin-1", "utf-16")), "replace")
    word = rng.choice((f"=?{charset}?Q?Permohonan_blangko?=", f"=?{charset}?B?UGVybW9ob25hbg==?=",
                       "=?utf-8?X?abc?=", "=?utf-8?B?###?=", "=?utf-8*id?Q?a?=", "=?=?=?", f"=?{charset}?q?=FF=FE?="))
    cte = rng.choice(("8bit", "base64", "quoted-printable", "7bit", "binary", "x-uuencode", "undefined"))
    if cte == "base64":
        import base64

        text = base64.encodebytes(text)
    parts = [_text_part(text, charset=f'"{charset}"' if rng.random() < 0.5 else charset, cte=cte)]
    if rng.random() < 0.5:
        parts.append(f"Content-Type: text/html; charset={charset}\r\n\r\n<p>Sisa 100</p>".encode())
        body = _multipart(parts, f"cs{n}", rng.choice(("mixed", "alternative")))
    else:
        body = parts[0]
    head = _headers(rng, n, subject=word).replace(b"Operator", f"{word}".encode(), 1 if rng.random() < 0.5 else 0)
    attach = (f'\r\nContent-Type: text/csv; charset={charset}; name="rekap.csv"\r\n'
              f'Content-Disposition: attachment; filename*={charset}\'\'%FF%FE.csv\r\n\r\nsisa;100\r\n')
    if rng.random() < 0.3:
        body = _multipart([parts[0], attach.encode().strip()], f"at{n}")
    return head + body


_BROKEN_MIME: tuple[Callable[[random.Random, int], bytes], ...] = (
    lambda rng, n: b"Content-Type: multipart/mixed\r\n\r\n--x\r\n\r\nSisa 100\r\n--x--\r\n",
    lambda rng, n: b'Content-Type: multipart/mixed; boundary="a"\r\n\r\n--a\r\nContent-Type: multipart/mixed; '
                   b'boundary="a"\r\n\r\n--a\r\n\r\nSisa\r\n--a--\r\n',
    lambda rng, n: b'Content-Type: multipart/mixed; boundary="z"\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\n'
                   b'Mohon 1.000 keping\r\n' + b"--z\r\n" * rng.randint(1, 50),
    lambda rng, n: b'Content-Type: multipart/alternative; boundary=""\r\n\r\n--\r\n\r\nx\r\n----\r\n',
    lambda rng, n: b"Content-Type: message/rfc822\r\n\r\n",
    lambda rng, n: b"Content-Type: message/rfc822\r\n\r\nnot headers at all \xff\r\n",
    lambda rng, n: b'Content-Type: multipart/digest; boundary="d"\r\n\r\n--d\r\n\r\n--d\r\n\r\nFrom: x\r\n--d--',
    lambda rng, n: b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n" + bytes(
        rng.randrange(33, 127) for _ in range(rng.randint(1, 400))),
    lambda rng, n: b"Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n=4=\r\n=",
    lambda rng, n: b"Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 a\r\n"
                   b"M\xff\xfe garbage\r\nend\r\n",
    lambda rng, n: b"Content-Type: application/pdf; name*0*=utf-8''%FF; name*1*=%FE; name*2=\"x\r\n\r\n%PDF",
    lambda rng, n: b"Content-Type: application/vnd.ms-excel; name*=undefined''abc.xlsx\r\nContent-Disposition: "
                   b"attachment; filename*=us-ascii'en'%E9.xlsx\r\nContent-Transfer-Encoding: base64\r\n\r\nUEsDBA==",
    lambda rng, n: b"Content-Type: " + b";" * rng.randint(1, 3000) + b"\r\n\r\nSisa 100",
    lambda rng, n: b"Content-Type: text/plain; " + b"a=b; " * rng.randint(100, 5000) + b"\r\n\r\nSisa 100",
    lambda rng, n: b"Content-Type: multipart/mixed; boundary=\"q\"\r\n\r\n--q\r\nContent-Type: application/"
                   b"vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=\"a.xlsx\"\r\nContent-Transfer-"
                   b"Encoding: base64\r\n\r\n" + bytes(rng.randrange(65, 90) for _ in range(800)) + b"\r\n--q--",
    lambda rng, n: b"Content-Type: text/html\r\n\r\n" + b"<table>" * rng.randint(100, 20000) + b"<td>1.000",
    lambda rng, n: b"Content-Type: text/html\r\n\r\n<" + b"!" * rng.randint(1, 5000) + b"<![CDATA[" + b"&#" * 3000,
    lambda rng, n: b"Content-Type: text/plain; charset=utf-8\r\n" + b"X-Folded: a\r\n" + b" b\r\n" * 20000 + b"\r\n1",
)


def broken_mime(rng: random.Random, n: int) -> bytes:
    return _headers(rng, n) + rng.choice(_BROKEN_MIME)(rng, n)


def deep_nesting(rng: random.Random, n: int) -> bytes:
    depth = rng.choice((3, 21, 60, 200, 400, 1000, 3000))
    if rng.random() < 0.5:
        opening = b"".join(f'Content-Type: multipart/mixed; boundary="n{i}"\r\n\r\n--n{i}\r\n'.encode()
                           for i in range(depth))
        closing = b"".join(f"\r\n--n{i}--".encode() for i in reversed(range(depth)))
        return _headers(rng, n) + opening + b"Content-Type: text/plain\r\n\r\nMohon 2.000 keping" + closing
    return _headers(rng, n) + b"Content-Type: message/rfc822\r\n\r\n" * depth + b"Subject: x\r\n\r\nMohon 2.000"


def wide_multipart(rng: random.Random, n: int) -> bytes:
    width = rng.choice((50, 499, 501, 2000, 20000))
    parts = [b"Content-Type: text/plain\r\n\r\nSisa 1" if rng.random() < 0.8 else b"\r\n" for _ in range(width)]
    return _headers(rng, n) + _multipart(parts, f"w{n}")


def bomb(rng: random.Random, n: int, scale: int) -> bytes:
    name, data = rng.choice(sorted(bombs(scale).items()))
    filename, ctype = rng.choice((("laporan.xlsx", XLSX_TYPE), ("laporan.zip", "application/zip"),
                                  ("laporan.xlsm", "application/vnd.ms-excel.sheet.macroenabled.12")))
    return _with_attachment(rng, n, data, filename, ctype)


def huge_line(rng: random.Random, n: int) -> bytes:
    size = rng.choice((100_000, 1_000_000, 5_000_000))
    unit = rng.choice((b"a", b"1.000 ", b"sisa 2 rb keping ", b"9", b". ", b"dua ribu lima ratus "))
    line = (unit * (size // len(unit) + 1))[:size]
    where = rng.random()
    if where < 0.6:
        return _headers(rng, n) + _text_part(line)
    if where < 0.8:
        return _headers(rng, n) + b"Content-Type: text/html\r\n\r\n<p>" + line + b"</p>"
    return _headers(rng, n, subject=line[:size // 5].decode()) + _text_part(b"Sisa 100\r\n")


def good_spreadsheet(rng: random.Random, n: int) -> bytes:
    """A report with a small, ordinary spreadsheet: must be read, not refused."""
    return _with_attachment(rng, n, normal_xlsx(), "laporan-harian.xlsx")


KINDS: dict[str, tuple[float, Callable[..., bytes]]] = {
    "good": (0.02, good),
    "good-spreadsheet": (0.01, good_spreadsheet),
    "byte-flips": (0.22, byte_flips),
    "truncation": (0.12, truncation),
    "nul-bytes": (0.10, nul_bytes),
    "8bit-headers": (0.15, eight_bit_headers),
    "bad-charset": (0.12, bad_charsets),
    "broken-mime": (0.10, broken_mime),
    "deep-nesting": (0.05, deep_nesting),
    "wide-multipart": (0.04, wide_multipart),
    "bomb": (0.04, bomb),
    "huge-line": (0.03, huge_line),
}


def generate(count: int, seed: int = 10, *, bomb_scale: int = 1) -> Iterator[Hostile]:
    """*count* hostile messages, the same ones for the same *seed*."""
    rng = random.Random(seed)
    names = list(KINDS)
    weights = [KINDS[k][0] for k in names]
    for n in range(count):
        kind = rng.choices(names, weights)[0]
        make = KINDS[kind][1]
        yield Hostile(kind, make(rng, n, bomb_scale) if kind == "bomb" else make(rng, n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write NNNNN-KIND.eml files into")
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = 0
    for n, message in enumerate(generate(args.count, args.seed)):
        (args.out / f"{n:05d}-{message.kind}.eml").write_bytes(message.raw)
        sizes += len(message.raw)
    print(f"{args.count} messages, {sizes / 1e6:.1f} MB, in {args.out}")


if __name__ == "__main__":
    zlib.crc32(b"")  # zlib is needed for the bombs; fail here, not halfway through
    main()
