"""A checker for the headers of outgoing mail: every header one clean line, nothing injected."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from email import policy
from email.message import Message
from email.parser import BytesParser

from mailbot.guards.decode import decode_encoded_words, recover_bytes, unfold

# Headers RFC 5322 allows once; a second copy in an outgoing message means something was injected.
SINGLE_HEADERS: frozenset[str] = frozenset({
    "from", "sender", "reply-to", "to", "cc", "bcc", "subject", "date", "message-id",
    "in-reply-to", "references",
})
# Control, format and surrogate characters, and line and paragraph separators (NEL is a control).
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_FIELD_NAME_RE = re.compile(rb"[!-9;-~]+:")


def assert_headers_clean(msg: Message | bytes, *, expected: Collection[str] | None = None) -> None:
    """Raise AssertionError unless every header of *msg* is one clean line.

    Checks the serialised form (every header line is a field or a fold, no bare CR or LF, at
    most 998 characters, ASCII only), that no header value, decoded, holds a control or separator
    character (a tab aside), that single headers (From, To, Subject ...) appear once, and, given
    *expected*, that the header names are exactly those (case-insensitive).
    """
    if isinstance(msg, bytes):
        raw = msg
    else:
        try:
            raw = msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))
        except Exception as exc:  # whatever refuses to serialise is not clean
            raise AssertionError(f"message does not serialise: {exc}") from exc
    _check_header_lines(raw)
    parsed = BytesParser(policy=policy.default).parsebytes(raw, headersonly=True)
    names: list[str] = []
    for name, value in parsed.raw_items():
        names.append(name.lower())
        text = decode_encoded_words(recover_bytes(unfold(str(value))))
        bad = [c for c in text if c != "\t" and unicodedata.category(c) in _FORBIDDEN_CATEGORIES]
        if bad:
            raise AssertionError(f"header {name} holds control characters {bad!r}: {text!r}")
    twice = sorted({n for n in names if n in SINGLE_HEADERS and names.count(n) > 1})
    if twice:
        raise AssertionError(f"headers appear more than once: {', '.join(twice)}")
    if expected is not None and set(names) != {n.lower() for n in expected}:
        missing = sorted({n.lower() for n in expected} - set(names))
        extra = sorted(set(names) - {n.lower() for n in expected})
        raise AssertionError(f"header names differ: missing {missing}, unexpected {extra}")


def _check_header_lines(raw: bytes) -> None:
    end = re.search(rb"\r?\n\r?\n", raw)
    block = raw[:end.start()] if end else raw
    if b"\r\n" in block and re.search(rb"(?<!\r)\n", block):
        raise AssertionError("header block mixes CRLF with a bare LF")
    for number, line in enumerate(re.split(rb"\r?\n", block), 1):
        if b"\r" in line:
            raise AssertionError(f"header line {number} holds a bare CR: {line!r}")
        if len(line) > 998:
            raise AssertionError(f"header line {number} is {len(line)} characters long")
        if not line.isascii():  # outgoing headers are RFC 2047 encoded; raw 8-bit means something slipped past
            raise AssertionError(f"header line {number} holds 8-bit bytes: {line!r}")
        if (number == 1 or line[:1] not in (b" ", b"\t")) and not _FIELD_NAME_RE.match(line):
            raise AssertionError(f"header line {number} is neither a field nor a fold: {line!r}")
