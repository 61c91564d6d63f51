"""Safe output: text from incoming mail reaches outgoing headers only as one clean, capped line."""

from __future__ import annotations

import email
import email.parser
import unicodedata
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.guards.decode import header_text, raw_header_values
from mailbot.guards.headers import header_block, safe_address, safe_display_name, safe_header_text, safe_subject
from tests.headercheck import assert_headers_clean
from tests.properties import examples

REF = "BLK-2026-0042"
OFFICE = Address("Disdukcapil Provinsi Kalimantan Utara", addr_spec="blangko@disdukcapil.kaltaraprov.example")
REPLY_HEADERS = {
    "From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
    "Auto-Submitted", "X-Auto-Response-Suppress", "X-Loop", "MIME-Version",
    "Content-Type", "Content-Transfer-Encoding",
}
FORBIDDEN = set("\r\n\x00\x1b\x85\u2028\u2029\u202e\u200b\ufeff")


def incoming(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def reply_to(msg: EmailMessage) -> bytes:
    """A reply built the way the pipeline builds one, from the guards' output only."""
    # The stdlib address parser raises on a display name that decodes to CR/LF, so the raw
    # value is read, as the pipeline reads it.
    (raw_from,) = raw_header_values(msg, "From")
    to = safe_address(raw_from)
    assert to is not None
    reply = EmailMessage(policy=policy.SMTP)
    reply["From"] = OFFICE
    reply["To"] = Address(safe_display_name(raw_from), addr_spec=to)
    reply["Subject"] = safe_subject(header_text(msg, "Subject"), REF)
    reply["Date"] = "Mon, 15 Dec 2025 09:35:00 +0800"
    reply["Message-ID"] = "<blk-2026-0042.1@disdukcapil.kaltaraprov.example>"
    reply["In-Reply-To"] = "<20251215013041.A1@bulungankab.example>"
    reply["References"] = "<20251215013041.A1@bulungankab.example>"
    reply["Auto-Submitted"] = "auto-replied"
    reply["X-Auto-Response-Suppress"] = "All"
    reply["X-Loop"] = "blangko@disdukcapil.kaltaraprov.example"
    reply.set_content("Permohonan Bapak/Ibu sudah kami terima.\n")
    return reply.as_bytes()


INJECTIONS = [
    pytest.param(
        b"Subject: =?utf-8?q?Permohonan_blangko=0D=0ABcc:_semua@attacker.example?=",
        b"Disdukcapil Bulungan <disdukcapil@bulungankab.example>",
        "Re: [BLK-2026-0042] Permohonan blangko Bcc: semua@attacker.example", "Disdukcapil Bulungan",
        id="encoded-crlf-q",
    ),
    pytest.param(
        b"Subject: =?utf-8?b?UGVybW9ob25hbg0KDQo8aDE+aGFsbzwvaDE+?=",
        b"disdukcapil@bulungankab.example",
        "Re: [BLK-2026-0042] Permohonan <h1>halo</h1>", "",
        id="encoded-blank-line-b",
    ),
    pytest.param(
        "Subject: Permohonan\u2028Bcc: x@attacker.example\u0085Cc: y@attacker.example".encode(),
        b"disdukcapil@bulungankab.example",
        "Re: [BLK-2026-0042] Permohonan Bcc: x@attacker.example Cc: y@attacker.example", "",
        id="raw-utf8-line-separators",
    ),
    pytest.param(
        b"Subject: =?utf-8?q?=3D=3Futf-8=3Fq=3FPermohonan=3D0D=3D0ABcc=3A=5Fx=40attacker.example=3F=3D?=",
        b"disdukcapil@bulungankab.example",
        "Re: [BLK-2026-0042] Permohonan Bcc: x@attacker.example", "",
        id="encoded-word-inside-encoded-word",
    ),
    pytest.param(
        b"Subject: Re: Permohonan\x00\x1b[31m blangko\x07",
        b"=?utf-8?q?Budi=0D=0ABcc:_x@attacker.example?= <budi@bulungankab.example>",
        "Re: [BLK-2026-0042] Permohonan[31m blangko", "Budi Bcc: x@attacker.example",
        id="nul-escape-and-encoded-crlf-in-name",
    ),
    pytest.param(
        "Subject: Permohonan \u202egnp.exe\u200b blangko".encode(),
        '"<script>alert(1)</script> \u202eOperator" <operator.bulungan@bulungankab.example>'.encode(),
        "Re: [BLK-2026-0042] Permohonan gnp.exe blangko", "<script>alert(1)</script> Operator",
        id="bidi-override-and-html-in-name",
    ),
]


@pytest.mark.parametrize(("subject", "sender", "expected_subject", "expected_name"), INJECTIONS)
def test_injection_cases_give_exactly_the_expected_headers(
    subject: bytes, sender: bytes, expected_subject: str, expected_name: str
) -> None:
    raw = b"From: " + sender + b"\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n" + subject + b"\r\n\r\nIsi.\r\n"
    out = reply_to(incoming(raw))
    assert_headers_clean(out, expected=REPLY_HEADERS)
    reparsed = incoming(out)
    # The generator may fold right after "Subject:"; the fold's space is not part of the value.
    assert reparsed["Subject"].strip() == expected_subject
    assert [a.display_name for a in reparsed["To"].addresses] == [expected_name]
    assert len(reparsed["To"].addresses) == 1
    assert reparsed.get_all("Bcc") is None and reparsed.get_all("Cc") is None


def test_very_long_subject_is_capped() -> None:
    raw = b"From: disdukcapil@bulungankab.example\r\nSubject: " + b"Permohonan blangko " * 300 + b"\r\n\r\nx"
    out = reply_to(incoming(raw))
    assert_headers_clean(out, expected=REPLY_HEADERS)
    subject = incoming(out)["Subject"].strip()
    assert len(subject) <= 200
    assert subject.startswith("Re: [BLK-2026-0042] Permohonan blangko")
    assert subject.endswith("\u2026")


@pytest.mark.parametrize(
    ("value", "max_len", "expected"),
    [
        ("Permohonan blangko KTP-el", 200, "Permohonan blangko KTP-el"),
        ("  Laporan\r\n\tharian  17/12 ", 200, "Laporan harian 17/12"),
        ("a\u2028b\u2029c\u0085d\x0be\x0cf", 200, "a b c d e f"),
        ("nol\x00byte\x7fdel\x1b", 200, "nolbytedel"),
        ("=?utf-8?q?a=0D=0Ab?=", 200, "a b"),
        ("=?bogus-charset?q?caf=C3=A9?=", 200, "caf\u00e9"),
        ("=?utf-8?b?!!!notbase64?=", 200, ""),  # an encoded word nothing decodes goes, never shown raw
        ("KTP\xff\xfeel \ufffd\ufffd", 200, "KTP el"),  # a byte-order mark read as Latin-1, bytes decoded to nothing
        ("=?utf-8?q?Kab=2E_?= =?utf-8?q?Bulungan?=", 200, "Kab. Bulungan"),
        ("x" * 10, 5, "xxxx\u2026"),
        ("kata kata panjang", 11, "kata kata\u2026"),
        ("aq\u0301b", 3, "a\u2026"),
        ("Cafe\u0301", 5, "Caf\u00e9"),
        ("", 200, ""),
        ("\r\n\u2028", 200, ""),
    ],
)
def test_safe_header_text(value: str, max_len: int, expected: str) -> None:
    assert safe_header_text(value, max_len) == expected


forbidden_heavy_text = st.text(
    alphabet=st.sampled_from(list("aZ 9=?_.:<>@\"\u00e9\u20ac\u0301\t") + sorted(FORBIDDEN)),
    max_size=300,
) | st.text(max_size=300) | st.lists(
    st.sampled_from(["=?utf-8?q?", "=0D=0A", "?=", "Bcc:_x@y", " ", "=?utf-8?b?DQo=?=", "\u2028", "Re: "]),
    max_size=20,
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(value=forbidden_heavy_text, max_len=st.integers(min_value=1, max_value=250))
def test_safe_header_text_is_always_one_clean_capped_line(value: str, max_len: int) -> None:
    cleaned = safe_header_text(value, max_len)
    assert len(cleaned) <= max_len
    assert not FORBIDDEN & set(cleaned)
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in cleaned)
    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert safe_header_text(cleaned, max_len) == cleaned


@settings(max_examples=examples(200), deadline=None)
@given(value=forbidden_heavy_text)
def test_any_subject_serialises_to_clean_headers(value: str) -> None:
    reply = EmailMessage(policy=policy.SMTP)
    reply["Subject"] = safe_subject(value, REF)
    out = reply.as_bytes()
    assert_headers_clean(out, expected={"Subject"})
    assert incoming(out)["Subject"].strip().startswith(f"Re: [{REF}]")


@pytest.mark.parametrize(
    "original",
    [
        "Permohonan tambahan blangko KTP-el",
        "Re: Permohonan tambahan blangko KTP-el",
        "RE: Re[2]: Fwd: BLS: TRS: Permohonan tambahan blangko KTP-el",
        "Re: [BLK-2026-0042] Permohonan tambahan blangko KTP-el",
        "Balas: Re: [blk 2026-42] Permohonan tambahan blangko KTP-el",
        "Re: BLK-2026-0042: Permohonan tambahan blangko KTP-el",
        "Re: Re: [BLK-2026-0042] Re: Permohonan   tambahan\r\n blangko KTP-el",
    ],
)
def test_safe_subject_never_stacks_prefixes_or_tags(original: str) -> None:
    assert safe_subject(original, REF) == "Re: [BLK-2026-0042] Permohonan tambahan blangko KTP-el"


@pytest.mark.parametrize("original", [
    "[KOREKSI: sisa stok 150] Re: [BLK-2026-0042] Re: Permohonan tambahan blangko KTP-el",
    "(salah ketik - stok kami 300) Re: [BLK-2026-0042] Permohonan tambahan blangko KTP-el",
    "Re: [BLK-2026-0042] [Ralat jumlah 2.600] Re: Permohonan tambahan blangko KTP-el",
    "Bls: (revisi) AW: Permohonan tambahan blangko KTP-el",
])
def test_a_tag_the_writer_put_before_the_reply_prefix_leaves_the_threads_subject(original: str) -> None:
    assert safe_subject(original, REF) == "Re: [BLK-2026-0042] Permohonan tambahan blangko KTP-el"


def test_a_bracket_that_is_the_subjects_own_stays() -> None:
    assert safe_subject("[Mendesak] Permohonan tambahan blangko", REF) == \
        "Re: [BLK-2026-0042] [Mendesak] Permohonan tambahan blangko"


@pytest.mark.parametrize("original", ["", "Re:", "  RE :  ", "[BLK-2026-0042]", "Re: [BLK-2026-0042]"])
def test_safe_subject_of_an_empty_subject_is_the_tag(original: str) -> None:
    assert safe_subject(original, REF) == "Re: [BLK-2026-0042]"


def test_safe_subject_keeps_another_request_mentioned_in_text() -> None:
    assert safe_subject("Re: Susulan BLK-2026-0041", REF) == "Re: [BLK-2026-0042] Susulan BLK-2026-0041"


@pytest.mark.parametrize("reference", ["BLK-26-42", "blk-2026-0042", "BLK-2026-0000", "X\r\nBcc: y"])
def test_safe_subject_refuses_a_malformed_reference(reference: str) -> None:
    with pytest.raises(ValueError):
        safe_subject("Permohonan", reference)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("disdukcapil@bulungankab.example", "disdukcapil@bulungankab.example"),
        ('"Disdukcapil Bulungan" <Disdukcapil@BulunganKab.Example>', "disdukcapil@bulungankab.example"),
        ("Operator <operator.bulungan@bulungankab.example> (kantor)", "operator.bulungan@bulungankab.example"),
        ("capil.nunukan+blangko@nunukankab.example", "capil.nunukan+blangko@nunukankab.example"),
        ("disdukcapil@bulungankab.example, evil@attacker.example", None),
        ("undisclosed-recipients:;", None),
        ("Dinas: disdukcapil@bulungankab.example;", None),
        ("disdukcapil@bulungankab.example\r\nBcc: evil@attacker.example", None),
        ("disdukcapil@bulungankab.example\nBcc: evil@attacker.example", None),
        ("disdukcapil@bulungankab.example\u2028", None),
        ("disdukcapil@bulungankab.example\x00", None),
        ('"disduk capil"@bulungankab.example', None),
        ("operator@[203.0.113.7]", None),
        ("operator@localhost", None),
        ("operator@bulungankаb.example", None),
        ("x <a@bulungankab.example> <b@attacker.example>", None),
        ("operator..bulungan@bulungankab.example", None),
        ("operator@-bulungankab.example", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_address(value: str | None, expected: str | None) -> None:
    assert safe_address(value) == expected


BAD_HEADER_BLOCKS = [
    pytest.param(b"Subject: a\r\nBcc: x@attacker.example\r\nSubject: b\r\n\r\n", id="duplicate-subject"),
    pytest.param(b"Subject: a\rBcc: x@attacker.example\r\n\r\n", id="bare-cr"),
    pytest.param(b"Subject: a\nBcc: x@attacker.example\r\nTo: b@c.example\r\n\r\n", id="bare-lf-among-crlf"),
    pytest.param(b"Subject: a\r\nnot a header line\r\n\r\n", id="line-without-field-name"),
    pytest.param(b"Subject: =?utf-8?q?a=0D=0Ab?=\r\n\r\n", id="encoded-crlf"),
    pytest.param("Subject: a\u2028b\r\n\r\n".encode(), id="line-separator"),
    pytest.param(b"Subject: " + b"x" * 1000 + b"\r\n\r\n", id="over-998"),
]


@pytest.mark.parametrize("raw", BAD_HEADER_BLOCKS)
def test_assert_headers_clean_catches_injected_headers(raw: bytes) -> None:
    with pytest.raises(AssertionError):
        assert_headers_clean(raw)


def test_assert_headers_clean_reads_lf_messages() -> None:
    raw = b"From: a@b.example\nSubject: a\n  folded\n\nbody line\nanother\n"
    assert_headers_clean(raw, expected={"From", "Subject"})


def test_assert_headers_clean_checks_the_exact_set() -> None:
    raw = b"From: blangko@disdukcapil.kaltaraprov.example\r\nSubject: a\r\n\r\nbody"
    assert_headers_clean(raw, expected={"from", "SUBJECT"})
    with pytest.raises(AssertionError, match="missing"):
        assert_headers_clean(raw, expected={"From", "Subject", "To"})


def test_unsanitised_encoded_subject_is_caught_by_the_checker() -> None:
    # Setting a header to text that holds an encoded CR/LF is what safe_header_text prevents.
    reply = EmailMessage(policy=policy.SMTP)
    reply["Subject"] = "=?utf-8?q?a=0D=0ABcc:_x@attacker.example?="
    with pytest.raises(AssertionError):
        assert_headers_clean(reply, expected={"Subject"})


_LINE_ENDS = st.sampled_from([b"\r\n", b"\n", b"\r"])
_HEADER_LINES = st.sampled_from([
    b"From: Disdukcapil <a@b.example>", b"Subject: Permohonan", b"  continued", b"\tcontinued", b"To: x@y.example",
    b"From x@y Mon Jan  1", b"no header here", b"X-Empty:", b"Date: Mon, 03 Mar 2025 09:15:00 +0800", b"",
    b"Content-Type: text/plain; charset=\"utf-8\"", b"Subject: \xc3\xa9t\xe9", b":no name", b" ",
])


@settings(max_examples=examples(300), deadline=None)
@given(lines=st.lists(st.tuples(_HEADER_LINES, _LINE_ENDS), max_size=12), body=st.binary(max_size=200))
def test_the_header_block_holds_every_header_the_parser_reads(lines: list[tuple[bytes, bytes]], body: bytes) -> None:
    """pipeline.guard parses only header_block(raw): the same headers as from the whole message, however its
    lines end and wherever the parser ends the headers."""
    raw = b"".join(line + end for line, end in lines) + body
    parser = email.parser.BytesHeaderParser()
    assert list(parser.parsebytes(header_block(raw)).raw_items()) == list(parser.parsebytes(raw).raw_items())
