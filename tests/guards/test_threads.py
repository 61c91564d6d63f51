"""Threads: request references, reply prefixes and the keys that match a follow-up to its request."""

from __future__ import annotations

import email
from email import policy

import pytest

from mailbot.guards.threads import (
    ThreadKeys,
    content_digest,
    find_references,
    format_reference,
    parse_reference,
    strip_reply_prefixes,
    subject_prefixes,
    thread_keys,
)


@pytest.mark.parametrize(
    ("year", "seq", "expected"),
    [
        (2026, 42, "BLK-2026-0042"),
        (2026, 1, "BLK-2026-0001"),
        (2027, 9999, "BLK-2027-9999"),
        (2026, 12345, "BLK-2026-12345"),
    ],
)
def test_format_reference(year: int, seq: int, expected: str) -> None:
    assert format_reference(year, seq) == expected
    assert parse_reference(expected) == (year, seq)


@pytest.mark.parametrize(("year", "seq"), [(2026, 0), (2026, -1), (26, 42), (10000, 1)])
def test_format_reference_refuses_nonsense(year: int, seq: int) -> None:
    with pytest.raises(ValueError):
        format_reference(year, seq)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Re: [BLK-2026-0042] Permohonan blangko", ["BLK-2026-0042"]),
        ("menindaklanjuti permohonan blk 2026-42 kemarin", ["BLK-2026-0042"]),
        ("nomor Blk-2026 - 0042.", ["BLK-2026-0042"]),
        ("BLK2026-0042 dan BLK_2026_43", ["BLK-2026-0042", "BLK-2026-0043"]),
        ("BLK\u20132026\u20130042", ["BLK-2026-0042"]),
        ("(BLK-2026-0042), BLK-2026-0042, blk-2026-42", ["BLK-2026-0042"]),
        ("BLK-2025-0007 lalu BLK-2026-0001", ["BLK-2025-0007", "BLK-2026-0001"]),
        ("Nomor: 470/BLK/2026/12", []),
        ("Nomor: 470/215/Disdukcapil/XI/2022", []),
        ("BLK-2026-0000", []),
        ("BLK-1999-0042", []),
        ("ABLK-2026-0042", []),
        ("BLK-2026-1234567", []),
        ("blangko 2026 sisa 42", []),
        ("", []),
    ],
)
def test_find_references(text: str, expected: list[str]) -> None:
    assert find_references(text) == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: Permohonan blangko", "Permohonan blangko"),
        ("RE: Permohonan blangko", "Permohonan blangko"),
        ("re:Permohonan blangko", "Permohonan blangko"),
        ("Re : Permohonan blangko", "Permohonan blangko"),
        ("Balas: Permohonan blangko", "Permohonan blangko"),
        ("BLS: Permohonan blangko", "Permohonan blangko"),
        ("Bls: Re: Permohonan blangko", "Permohonan blangko"),
        ("Fwd: Permohonan blangko", "Permohonan blangko"),
        ("FW: Permohonan blangko", "Permohonan blangko"),
        ("Fw: Permohonan blangko", "Permohonan blangko"),
        ("TR: Permohonan blangko", "Permohonan blangko"),
        ("TRS: Permohonan blangko", "Permohonan blangko"),
        ("Teruskan: Permohonan blangko", "Permohonan blangko"),
        ("AW: WG: Permohonan blangko", "Permohonan blangko"),
        ("Re: Re[2]: Fwd: Permohonan blangko", "Permohonan blangko"),
        ("Re(3): Re^2: Permohonan blangko", "Permohonan blangko"),
        ("Re\uff1a Permohonan blangko", "Permohonan blangko"),
        ("[Fwd: Permohonan blangko]", "Permohonan blangko"),
        ("Re: [Fwd: Re: Permohonan blangko]", "Permohonan blangko"),
        ("Re:   Permohonan \t blangko  ", "Permohonan blangko"),
        ("Rekap stok blangko", "Rekap stok blangko"),
        ("Re-stok blangko", "Re-stok blangko"),
        ("Trs ke kabupaten", "Trs ke kabupaten"),
        ("Balasan surat nomor 470", "Balasan surat nomor 470"),
        ("Laporan: sisa blangko 812", "Laporan: sisa blangko 812"),
        ("Re:", ""),
        ("", ""),
    ],
)
def test_strip_reply_prefixes(subject: str, expected: str) -> None:
    assert strip_reply_prefixes(subject) == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Antw: SV: R: Permohonan", ("Permohonan", True, False)),
        ("Diteruskan: Teruskan: TRS: Laporan stok", ("Laporan stok", False, True)),
        ("Re: Fwd: Laporan stok", ("Laporan stok", True, True)),
        ("[Fwd: Laporan stok]", ("Laporan stok", False, True)),
        ("RE[2]: Permohonan", ("Permohonan", True, False)),
        ("  Permohonan   blangko ", ("Permohonan blangko", False, False)),
        ("Rekap: sisa blangko", ("Rekap: sisa blangko", False, False)),
    ],
)
def test_subject_prefixes_tell_a_reply_from_a_forward(subject: str, expected: tuple[str, bool, bool]) -> None:
    assert subject_prefixes(subject) == expected


def test_thread_keys_of_a_gmail_reply() -> None:
    raw = b"""From: Disdukcapil Bulungan <disdukcapil@bulungankab.example>\r
To: blangko@disdukcapil.kaltaraprov.example\r
Subject: =?UTF-8?Q?Re=3A_=5BBLK=2D2026=2D0042=5D_Permohonan_tambahan_blangko?=\r
In-Reply-To: <blk-2026-0042.2@disdukcapil.kaltaraprov.example>\r
References: <20251215013041.A1@bulungankab.example>\r
 <blk-2026-0042.1@disdukcapil.kaltaraprov.example>\r
 <blk-2026-0042.2@disdukcapil.kaltaraprov.example>\r
Message-ID: <CAF3x=ab@mail.gmail.example>\r
\r
Sisa stok kami 750 keping.\r
"""
    keys = thread_keys(email.message_from_bytes(raw, policy=policy.default))
    assert keys == ThreadKeys(
        references_in_subject=("BLK-2026-0042",),
        in_reply_to="<blk-2026-0042.2@disdukcapil.kaltaraprov.example>",
        references=(
            "<20251215013041.A1@bulungankab.example>",
            "<blk-2026-0042.1@disdukcapil.kaltaraprov.example>",
            "<blk-2026-0042.2@disdukcapil.kaltaraprov.example>",
        ),
    )
    assert keys.message_ids == (
        "<blk-2026-0042.2@disdukcapil.kaltaraprov.example>",
        "<blk-2026-0042.1@disdukcapil.kaltaraprov.example>",
        "<20251215013041.A1@bulungankab.example>",
    )


def test_thread_keys_of_a_new_message_are_empty() -> None:
    raw = b"From: disdukcapil@malinaukab.example\r\nSubject: Permohonan blangko\r\n\r\nMohon 1.000 keping.\r\n"
    keys = thread_keys(email.message_from_bytes(raw))
    assert keys == ThreadKeys(references_in_subject=(), in_reply_to=None, references=())
    assert keys.message_ids == ()


def test_thread_keys_tolerate_outlook_in_reply_to_with_comment_and_junk() -> None:
    raw = (b"Subject: RE: BLS: permohonan blk 2026-7\r\n"
           b"In-Reply-To: <blk-2026-0007.1@disdukcapil.kaltaraprov.example> (pesan dari blangko)\r\n"
           b"References: not-a-message-id <a@b.example> <a@b.example>\r\n\r\nx")
    keys = thread_keys(email.message_from_bytes(raw, policy=policy.default))
    assert keys.references_in_subject == ("BLK-2026-0007",)
    assert keys.in_reply_to == "<blk-2026-0007.1@disdukcapil.kaltaraprov.example>"
    assert keys.references == ("<a@b.example>",)


_LETTER = (b"Return-Path: <disdukcapil@tarakankota.example>\r\nReceived: from mx by mail\r\n"
           b"From: Disdukcapil Tarakan <disdukcapil@tarakankota.example>\r\nTo: blangko@kaltaraprov.example\r\n"
           b"Subject: Permohonan\r\n blangko\r\nDate: Fri, 27 Nov 2026 08:00:00 +0800\r\nMessage-ID: <p@t.example>\r\n"
           b"Content-Type: text/plain; charset=utf-8\r\n\r\nmohon 1.500 keping\r\n")


@pytest.mark.parametrize(("name", "copy"), [
    ("identical", _LETTER),
    ("line ends as LF", _LETTER.replace(b"\r\n", b"\n")),
    ("other trace headers", _LETTER.replace(b"Received: from mx by mail", b"Received: from mx2 by mail2\r\n"
                                                                       b"Delivered-To: arsip@kaltaraprov.example")),
    ("authentication results added", b"Authentication-Results: mx; dmarc=pass header.from=t.example\r\n" + _LETTER),
    ("folded otherwise", _LETTER.replace(b"Permohonan\r\n blangko", b"Permohonan  blangko")),
    ("a blank line more at the end", _LETTER + b"\r\n"),
    ("another Message-ID", _LETTER.replace(b"<p@t.example>", b"<q@t.example>")),
])
def test_a_copy_of_the_same_message_has_its_digest(name: str, copy: bytes) -> None:
    assert content_digest(copy) == content_digest(_LETTER), name


@pytest.mark.parametrize(("name", "other"), [
    ("another figure", _LETTER.replace(b"1.500", b"15.000")),
    ("another sender", _LETTER.replace(b"From: Disdukcapil Tarakan <disdukcapil@", b"From: <x")),
    ("another date", _LETTER.replace(b"08:00:00", b"09:00:00")),
    ("another subject", _LETTER.replace(b"Permohonan\r\n blangko", b"Permohonan KIA")),
    ("another charset", _LETTER.replace(b"utf-8", b"iso-8859-1")),
    ("a header moved into the body", _LETTER.replace(b"Date: Fri", b"\r\nDate: Fri")),
    ("no body", _LETTER.split(b"\r\n\r\n")[0]),
])
def test_another_message_has_another_digest(name: str, other: bytes) -> None:
    assert content_digest(other) != content_digest(_LETTER), name


@pytest.mark.parametrize("raw", [b"", b"\x00\xff\xfe", b"From\r\n\r\n", b": no name\n\nbody", b"\n\n\n"])
def test_the_digest_of_anything_is_a_digest(raw: bytes) -> None:
    assert len(content_digest(raw)) == 64
