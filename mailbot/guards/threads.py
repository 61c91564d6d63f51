"""Request references, reply prefixes and the keys that tie a follow-up to its request."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from email.message import Message

from mailbot.guards.decode import header_text, raw_header_values

REFERENCE_PREFIX = "BLK"

# The canonical form is BLK-YYYY-NNNN: a four-digit year and a sequence padded to at least four
# digits (BLK-2026-0042, BLK-2026-12345). People retype references by hand, so find_references
# also takes other case and spacing ("blk 2026-42", "Blk-2026 - 0042", "BLK2026-0042", "BLK_2026_42"):
# the prefix, then a 20xx year, then a 1-6 digit sequence, with at most one hyphen, dash or
# underscore (and spaces) between parts. Slashes and dots are not separators, so letter numbers
# ("Nomor: 470/BLK/2026") are never read as references. A sequence of 0 is not a reference.
_SEP = r"[ \t]*[-\u2010-\u2015_]?[ \t]*"
REFERENCE_PATTERN = rf"(?<![A-Za-z0-9])BLK{_SEP}(?P<year>20\d\d){_SEP}(?P<seq>\d{{1,6}})(?![0-9])"
_REFERENCE_RE = re.compile(REFERENCE_PATTERN, re.IGNORECASE)
_CANONICAL_RE = re.compile(r"BLK-(?P<year>\d{4})-(?P<seq>\d{4,})")

# Reply and forward prefixes of common mail clients, English and Indonesian (Outlook in
# Indonesian writes BLS:/TRS:, Gmail keeps Re:/Fwd:), plus the German AW:/WG:/Antw:, the French
# TR:, the Scandinavian SV: and the Italian R: that travel through forwarded chains.
REPLY_PREFIXES: tuple[str, ...] = ("re", "balas", "bls", "aw", "antw", "sv", "r")
FORWARD_PREFIXES: tuple[str, ...] = ("fwd", "fw", "tr", "trs", "teruskan", "diteruskan", "wg")
_PREFIX_WORD = "|".join(sorted(REPLY_PREFIXES + FORWARD_PREFIXES, key=len, reverse=True))
# "Re:", "RE :", "Re[2]:", "Re(3):", "Re^2:", with an ASCII or full-width colon.
_PREFIX_RE = re.compile(
    rf"^\s*(?P<word>{_PREFIX_WORD})\s*(?:\[\d+\]|\(\d+\)|\^\d+)?\s*[:\uff1a]\s*",
    re.IGNORECASE,
)
# The old bracketed forward form: "[Fwd: subject]".
_BRACKETED_RE = re.compile(rf"^\s*\[\s*(?P<word>{_PREFIX_WORD})\s*[:\uff1a]\s*(?P<inner>.*)\]\s*$",
                           re.IGNORECASE)
_MSGID_RE = re.compile(r"<([^<>\s]+)>")
# A Message-ID safe to carry into our own headers: printable ASCII only, one "@".
MESSAGE_ID = re.compile(r"<[!-;=?A-~]+@[!-;=?A-~]+>")


def format_reference(year: int, seq: int) -> str:
    """The canonical reference of request number *seq* of *year*.

    >>> format_reference(2026, 42)
    'BLK-2026-0042'
    """
    if not 2000 <= year <= 9999:
        raise ValueError(f"year out of range: {year}")
    if seq < 1:
        raise ValueError(f"sequence must be positive: {seq}")
    return f"{REFERENCE_PREFIX}-{year:04d}-{seq:04d}"


def parse_reference(reference: str) -> tuple[int, int] | None:
    """The (year, seq) of a canonical reference, or None when *reference* is not canonical."""
    m = _CANONICAL_RE.fullmatch(reference)
    if m is None or int(m["seq"]) < 1:
        return None
    return int(m["year"]), int(m["seq"])


def find_references(text: str) -> list[str]:
    """Every request reference in *text*, in canonical form, first occurrence first, no repeats.

    >>> find_references("Re: [blk 2026-42] dan BLK-2026-0042, juga BLK-2025-7")
    ['BLK-2026-0042', 'BLK-2025-0007']
    """
    found: list[str] = []
    for m in _REFERENCE_RE.finditer(text):
        seq = int(m["seq"])
        if seq < 1:
            continue
        ref = format_reference(int(m["year"]), seq)
        if ref not in found:
            found.append(ref)
    return found


def strip_reply_prefixes(subject: str) -> str:
    """*subject* without its leading reply and forward prefixes, however many and however written.

    >>> strip_reply_prefixes("Re: RE[2]: Fwd: BLS: Permohonan blangko")
    'Permohonan blangko'
    """
    return subject_prefixes(subject)[0]


def subject_prefixes(subject: str) -> tuple[str, bool, bool]:
    """(*subject* without its leading reply and forward prefixes, whether one was a reply prefix, whether
    one was a forward prefix); runs of whitespace in what is left become one space.

    >>> subject_prefixes("Re: [Fwd: Laporan stok]")
    ('Laporan stok', True, True)
    >>> subject_prefixes("Rekap: stok")
    ('Rekap: stok', False, False)
    """
    text = " ".join(subject.split())
    reply = forward = False
    while True:
        m = _BRACKETED_RE.match(text) or _PREFIX_RE.match(text)
        if m is None:
            return text, reply, forward
        if m["word"].lower() in FORWARD_PREFIXES:
            forward = True
        else:
            reply = True
        text = m["inner"].strip() if m.re is _BRACKETED_RE else text[m.end():]


@dataclass(frozen=True)
class ThreadKeys:
    """What ties a message to an earlier request, in the order the pipeline should try it.

    references_in_subject: canonical request references found in the subject.
    in_reply_to: the message id the message answers ("<id@host>"), or None.
    references: the message ids of the References header, oldest first.
    """

    references_in_subject: tuple[str, ...]
    in_reply_to: str | None
    references: tuple[str, ...]

    @property
    def message_ids(self) -> tuple[str, ...]:
        """Message ids to look up, most telling first: In-Reply-To, then References newest first."""
        ordered = ([self.in_reply_to] if self.in_reply_to else []) + list(reversed(self.references))
        return tuple(dict.fromkeys(ordered))


def parse_message_ids(value: str) -> tuple[str, ...]:
    """The "<id@host>" message ids in a header value, in order, without repeats."""
    return tuple(dict.fromkeys(f"<{m}>" for m in _MSGID_RE.findall(value)))


def thread_keys(msg: Message) -> ThreadKeys:
    """The subject references and the In-Reply-To/References ids of *msg*."""
    subject = header_text(msg, "Subject")
    in_reply_to = parse_message_ids(" ".join(raw_header_values(msg, "In-Reply-To")[:1]))
    return ThreadKeys(
        references_in_subject=tuple(find_references(subject)),
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=parse_message_ids(" ".join(raw_header_values(msg, "References")[:1])),
    )


def identify(raw: bytes) -> tuple[str | None, str]:
    """(Message-ID or None, unique key): 'mid:<Message-ID>' when there is one, else 'sha256:<hash of the bytes>'."""
    mid = safe_message_id(raw)
    return mid, (f"mid:{mid}" if mid else f"sha256:{hashlib.sha256(raw).hexdigest()}")


# What a message says and who it says it is from: a Message-ID is only the sender's claim, so two messages
# under one Message-ID are the same message only when these agree. The trace headers each delivery adds
# (Received, Delivered-To, Return-Path, Authentication-Results ...) are not among them, so the same mail
# fetched again, imported again or delivered into two folders has one digest.
CONTENT_HEADERS = (b"from", b"sender", b"reply-to", b"to", b"cc", b"date", b"subject", b"in-reply-to",
                   b"references", b"mime-version", b"content-type", b"content-transfer-encoding")
_FOLD = re.compile(rb"\r?\n(?=[ \t])")
_FIELD = re.compile(rb"^([!-9;-~]+)[ \t]*:(.*)$")


def content_digest(raw: bytes) -> str:
    r"""SHA-256 (hex) of what a message says: its body, line ends as LF and trailing blank space left aside,
    and the CONTENT_HEADERS, unfolded with runs of blank space as one space. Never raises.

    >>> a = b"Received: from a\r\nFrom: x@y\r\nSubject: Stok\r\n\r\nsisa 500\r\n"
    >>> b = b"Received: from b\nDelivered-To: z\nFrom:  x@y\nSubject: Stok\n\nsisa 500\n\n"
    >>> content_digest(a) == content_digest(b) != content_digest(a.replace(b"500", b"900"))
    True
    """
    end = _HEADER_END.search(raw)
    head, body = (raw[: end.start()], raw[end.end():]) if end else (raw, b"")
    fields: dict[bytes, list[bytes]] = {}
    for line in _FOLD.sub(b"", head).splitlines():
        field = _FIELD.match(line)
        if field is not None and field.group(1).lower() in CONTENT_HEADERS:
            fields.setdefault(field.group(1).lower(), []).append(b" ".join(field.group(2).split()))
    digest = hashlib.sha256()
    for name in CONTENT_HEADERS:
        for value in fields.get(name, ()):
            digest.update(name + b":" + value + b"\n")
    digest.update(b"\n" + body.replace(b"\r\n", b"\n").rstrip())
    return digest.hexdigest()


_HEADER_END = re.compile(rb"\r?\n\r?\n")
_MID_HEADER = re.compile(rb"^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


def safe_message_id(raw: bytes | None) -> str | None:
    """The Message-ID of *raw* as RFC 5322 allows it (printable ASCII only), read from the header bytes; or None."""
    if not raw:
        return None
    end = _HEADER_END.search(raw)
    head = raw[: end.start()] if end else raw[:65536]
    match = _MID_HEADER.search(head)
    if not match:
        return None
    mid = MESSAGE_ID.search(match.group(1).decode("ascii", "replace"))
    return mid.group(0)[:900] if mid else None
