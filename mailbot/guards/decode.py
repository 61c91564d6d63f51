"""Header values as text: unfolding, RFC 2047 encoded words and stray 8-bit bytes, never raising."""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from email.message import Message

ENCODED_WORD_RE = re.compile(
    r"=\?(?P<charset>[^?*\s]+)(?:\*[^?\s]*)?\?(?P<encoding>[bBqQ])\?(?P<text>[^?\s]*)\?="
)
# An encoded word as an address parser takes it (Python's email package, mail clients): one token up to
# its "?=", white space inside it included (RFC 2047 forbids that, but a display name is read so).
# Encoded words stand only in display names and comments, never in an address: replacing each by a
# plain word keeps the structure of an address header whatever the words decode to.
ENCODED_WORD_TOKEN_RE = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?]*\?=")
_FOLD_RE = re.compile(r"\r?\n(?=[ \t])")
_QP_ESCAPE_RE = re.compile(rb"=([0-9A-Fa-f]{2})")
# A byte the parser could not decode, kept as a lone surrogate (surrogateescape).
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def unfold(value: str) -> str:
    """*value* with folding line breaks removed (RFC 5322 2.2.3); any other CR or LF becomes a space."""
    if "\n" not in value:  # nothing folded (most values): one search, no pattern
        return value.replace("\r", " ")
    return _FOLD_RE.sub("", value).replace("\r", " ").replace("\n", " ")


def address_structure(value: str) -> str:
    """An address header *value* with each encoded word replaced by a plain word, fit for an address parser.

    Read this way, an encoded word that decodes to an address, a "<...>", a comma or a line break is
    still one word of a display name: the parser neither takes an address from it nor refuses the header.

    >>> address_structure("=?utf-8?q?disdukcapil=40bulungankab=2Eexample?= <evil@attacker.example>")
    'x <evil@attacker.example>'
    """
    return ENCODED_WORD_TOKEN_RE.sub("x", value)


def recover_bytes(value: str) -> str:
    """Turn undecodable bytes the parser kept as surrogates back into text (UTF-8, else U+FFFD)."""
    if _SURROGATE_RE.search(value) is None:
        return value
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)


def decode_encoded_words(value: str) -> str:
    """*value* with its RFC 2047 encoded words decoded; what cannot be decoded stays as written.

    Adjacent encoded words are joined without the white space between them, and their bytes
    are joined before decoding, so a character split over two words survives.

    >>> decode_encoded_words("=?utf-8?q?Permohonan_?= =?utf-8?b?YmxhbmdrbyBLVFAtZWw=?=")
    'Permohonan blangko KTP-el'
    """
    out: list[str] = []
    pending_charset: str | None = None
    pending = bytearray()
    pos = 0

    def flush() -> None:
        nonlocal pending_charset
        if pending_charset is not None:
            try:
                out.append(bytes(pending).decode(pending_charset, "replace"))
            except Exception:  # noqa: BLE001 - "undefined" always raises, "idna" refuses "replace"
                out.append(bytes(pending).decode("utf-8", "replace"))
            pending.clear()
            pending_charset = None

    for m in ENCODED_WORD_RE.finditer(value):
        between = value[pos:m.start()]
        data = _word_bytes(m["encoding"], m["text"])
        if data is None:
            flush()
            out.append(between + m.group(0))
        else:
            charset = _charset(m["charset"])
            if pending_charset is None or between.strip(" \t\r\n"):
                flush()
                out.append(between)
            elif charset != pending_charset:
                flush()
            pending_charset = charset
            pending.extend(data)
        pos = m.end()
    flush()
    out.append(value[pos:])
    return "".join(out)


def raw_header_values(msg: Message, name: str) -> list[str]:
    """Every value of header *name* as it stands in the message, unfolded, top to bottom."""
    wanted = name.lower()
    return [unfold(str(v)) for k, v in msg.raw_items() if k.lower() == wanted]


def header_text(msg: Message, name: str) -> str:
    """The first value of header *name* as readable text ("" when absent). Not yet safe to reuse."""
    values = raw_header_values(msg, name)
    if not values:
        return ""
    return decode_encoded_words(recover_bytes(values[0]))


def _word_bytes(encoding: str, text: str) -> bytes | None:
    if encoding in "bB":
        try:
            return base64.b64decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            return None
    raw = text.replace("_", " ").encode("ascii", "replace")
    return _QP_ESCAPE_RE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)


def _charset(name: str) -> str:
    try:
        canonical = codecs.lookup(name).name
        b"".decode(canonical)  # bytes-to-bytes codecs ("base64", "hex") are no charset
        if not codecs.lookup(canonical)._is_text_encoding:  # "quopri", "rot13" decode b"" all the same
            return "utf-8"
    except (LookupError, ValueError, TypeError):  # unknown, or with a NUL in the name
        return "utf-8"
    return canonical
