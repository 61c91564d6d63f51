"""The sender the reader names: the addr-spec of the From header, never text its encoded words decode to."""

from __future__ import annotations

import base64

import pytest

from mailbot.reader import read_message
from mailbot.reader.mime import parse_message, sender_address
from tests.reader.conftest import DISTRICTS

BULUNGAN = "disdukcapil@bulungankab.example"


def _b(text: str) -> str:
    """*text* as one base64 encoded word, the way a mail client writes a display name it cannot send as is."""
    return f"=?utf-8?B?{base64.b64encode(text.encode()).decode()}?="


def _message(from_lines: str) -> bytes:
    return (f"{from_lines}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: permohonan blangko\n"
            "Date: Sun, 06 Dec 2026 08:00:00 +0800\nMessage-ID: <s1@bulungankab.example>\n\n"
            "Mohon tambahan blangko KTP-el 500 keping, sisa stok 200.\n").encode()


LINE_BREAK_NAME = _b("Disdukcapil\r\nBcc: x@evil.example")
ANGLE_NAME = _b("Disdukcapil <kab.bulungan@gmail.example>")
SENDERS = [
    # a display name that decodes to an address names nobody: the address after it is the sender
    pytest.param("From: =?utf-8?Q?disdukcapil=40bulungankab=2Eexample?= <attacker@evil.example>",
                 "attacker@evil.example", id="encoded-address-in-name"),
    pytest.param("From: =?utf-8?Q?disdukcapil=40bulungankab=2Eexample?=", None, id="encoded-address-alone"),
    pytest.param(f"From: {_b('Dinas <' + BULUNGAN + '>')} <attacker@evil.example>", "attacker@evil.example",
                 id="encoded-angle-address-in-name"),
    pytest.param(f"From: {_b(BULUNGAN + ', x')} <attacker@evil.example>", "attacker@evil.example",
                 id="encoded-comma-and-address-in-name"),
    # a group holds no one sender; nor do two mailboxes
    pytest.param(f"From: district: {BULUNGAN};, <attacker@evil.example>", None, id="group-then-attacker"),
    pytest.param(f"From: Disdukcapil: {BULUNGAN};", None, id="group"),
    pytest.param(f"From: attacker@evil.example, {BULUNGAN}", None, id="two-mailboxes"),
    # Sender only stands in when there is no From at all
    pytest.param(f"From: =?utf-8?Q?x?=\nSender: {BULUNGAN}", None, id="sender-does-not-rescue-a-bad-from"),
    pytest.param(f"Sender: {BULUNGAN}", BULUNGAN, id="sender-without-from"),
    # the district's own mail, whatever its name decodes to
    pytest.param(f"From: {LINE_BREAK_NAME} <{BULUNGAN}>", BULUNGAN,
                 id="name-with-line-break"),
    pytest.param(f"From: {ANGLE_NAME} <{BULUNGAN}>", BULUNGAN,
                 id="name-with-angle-address"),
    pytest.param(f"From: =?utf-8?Q?=1B]0;pwned=07=1B[2J=0D=0ABcc: x@evil?= <{BULUNGAN}>", BULUNGAN,
                 id="name-with-controls-and-a-space-inside-the-word"),
    pytest.param(f"From: =?bz2?B?QlpoOTFBWSZTWZzEhycAAAGAgYBAAIAACCAAIKptQZi6g8XckU4UJCcxIcnA?= <{BULUNGAN}>",
                 BULUNGAN, id="name-in-a-bytes-codec"),
    pytest.param(f"From: =?iso-8859-1?Q?Bulungan=2C_Disdukcapil?= <{BULUNGAN.upper()}>", BULUNGAN,
                 id="outlook-name-with-comma"),
    pytest.param(f'From: "Bulungan, Disdukcapil" <{BULUNGAN}>', BULUNGAN, id="quoted-name-with-comma"),
    pytest.param(f"From: Disdukcapil Kab. Bulungan <{BULUNGAN}>", BULUNGAN, id="plain-name"),
    pytest.param(f"From: {BULUNGAN} (Disdukcapil)", BULUNGAN, id="bare-address-with-comment"),
]


@pytest.mark.parametrize(("from_lines", "sender"), SENDERS)
def test_the_sender_is_the_from_address_not_its_decoded_name(from_lines: str, sender: str | None) -> None:
    raw = _message(from_lines)
    assert sender_address(parse_message(raw)) == sender
    verdict = read_message(raw, districts=DISTRICTS)
    assert verdict.sender == sender
    assert (verdict.district, verdict.sender_known) == (("65.01", True) if sender == BULUNGAN else (None, False))
