"""Text from incoming mail made safe for outgoing headers."""

from __future__ import annotations

import re
import unicodedata
from email import errors, policy
from functools import lru_cache

from mailbot.guards.decode import address_structure, decode_encoded_words, recover_bytes, unfold
from mailbot.guards.threads import (
    REFERENCE_PATTERN,
    find_references,
    parse_reference,
    strip_reply_prefixes,
    subject_prefixes,
)

ELLIPSIS = "\u2026"
SUBJECT_MAX = 200
# Line breaks and separators of every kind turn into a space, so "a\r\nb" reads "a b";
# other control and format characters (NUL, ESC, bidi overrides, zero-width marks) go.
_BREAKS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_NESTED_DECODE_ROUNDS = 3
_REFERENCE_TAG_RE = re.compile(rf"\[\s*{REFERENCE_PATTERN}\s*\]", re.IGNORECASE)
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDR_SPEC_RE = re.compile(rf"(?P<local>{_ATOM}(?:\.{_ATOM})*)@(?P<domain>(?:{_LABEL}\.)+{_LABEL})")


# An empty line, whatever ends the lines around it (the header parser takes \r\n, \n and a lone \r as line ends).
_EMPTY_LINE_RE = re.compile(rb"\n\n|\n\r|\r\r")


def header_block(raw: bytes) -> bytes:
    r"""*raw* up to its first empty line (the end of the line before it kept): every header the header parser
    reads from *raw*, without the body it would read line by line after them. (The parser ends the headers at
    the first empty line, or earlier at a line that is no header; either way the same headers.)

    >>> header_block(b"From: a\r\nSubject: b\r\n\r\nbody\r\n")
    b'From: a\r\nSubject: b\r\n'
    """
    end = _EMPTY_LINE_RE.search(raw)
    return raw if end is None else raw[:end.start() + 1]


def safe_header_text(value: str, max_len: int = 200) -> str:
    """*value* as one clean line of at most *max_len* characters, fit for an outgoing header.

    Encoded words are decoded first (also nested ones), so an encoded CR/LF cannot slip through;
    CR, LF, the other control characters and U+0085/U+2028/U+2029 become spaces or go, white
    space collapses, and an over-long text is cut on a character boundary and ends with "…".

    >>> safe_header_text("Permohonan =?utf-8?q?blangko=0D=0ABcc:_x@evil.example?=")
    'Permohonan blangko Bcc: x@evil.example'
    """
    if max_len < 1:
        raise ValueError(f"max_len must be positive: {max_len}")
    if isinstance(value, str) and len(value) <= _CACHED_CHARS:
        return _safe_header_text(value, max_len)
    return _clean_header_text(value, max_len)


# Pure, and a desk writes the same subjects and names over and over: short values are remembered (a few
# MB at most); a long one is cleaned each time.
_CACHED_CHARS = 1000


@lru_cache(maxsize=1024)
def _safe_header_text(value: str, max_len: int) -> str:
    return _clean_header_text(value, max_len)


_UNDECODED_RE = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=|\ufffd+|\u00ff\u00fe|\u00fe\u00ff|\u00ef\u00bb\u00bf")


def _clean_header_text(value: str, max_len: int) -> str:
    text = recover_bytes(value)
    for _ in range(_NESTED_DECODE_ROUNDS):
        decoded = decode_encoded_words(text)
        if decoded == text:
            break
        text = recover_bytes(decoded)
    # What decoded to no text goes: an encoded word no charset decodes ("=?iso-8859-1?B?!!!notbase64?="), a byte
    # nothing decoded (U+FFFD), a byte-order mark read as Latin-1 ("KTP\xff\xfeel" -> "KTPÿþel").
    text = _UNDECODED_RE.sub(" ", text)
    text = "".join(" " if c in _BREAKS else c for c in text if c in _BREAKS or not _dropped(c))
    # An encoded word still left after the rounds above would be decoded by the recipient.
    text = " ".join(unicodedata.normalize("NFC", text).split()).replace("=?", "= ?")
    return _cap(text, max_len)


def drop_reference_tags(text: str) -> str:
    """*text* without the request references tagged in it ("[BLK-2026-0001]").

    >>> drop_reference_tags("Fwd: Re: [BLK-2026-0001] Permohonan blangko")
    'Fwd: Re: Permohonan blangko'
    """
    return " ".join(_REFERENCE_TAG_RE.sub(" ", text).split())


def safe_subject(original_subject: str, reference: str, *, max_len: int = SUBJECT_MAX) -> str:
    """The subject of a reply about request *reference*: "Re: [BLK-2026-0042] <original subject>".

    Reply prefixes are not stacked and the reference tag is not repeated, so replying to a
    reply gives the same subject again.

    >>> safe_subject("RE: Bls: [BLK-2026-0042] Permohonan blangko", "BLK-2026-0042")
    'Re: [BLK-2026-0042] Permohonan blangko'
    """
    if parse_reference(reference) is None:
        raise ValueError(f"not a request reference: {reference!r}")
    head = f"Re: [{reference}]"
    if max_len < len(head):
        raise ValueError(f"max_len {max_len} leaves no room for {head!r}")
    text = strip_reply_prefixes(safe_header_text(original_subject, max_len=10 * max_len))
    text = strip_reply_prefixes(" ".join(_REFERENCE_TAG_RE.sub(" ", text).split()))
    text = _drop_leading_reference(_drop_leading_tag(text), reference)
    if not text or max_len - len(head) < 2:
        return head
    return f"{head} {safe_header_text(text, max_len=max_len - len(head) - 1)}"


def safe_display_name(from_value: str, max_len: int = 64) -> str:
    """The display name of a raw From/Reply-To value as clean text, "" when there is none.

    Read without the address parser, which refuses a name that decodes to CR/LF: the text
    before the last "<" (or an old-style "(comment)" after a bare address), unquoted, decoded.

    >>> safe_display_name('"Disdukcapil Kab. Bulungan" <disdukcapil@bulungankab.example>')
    'Disdukcapil Kab. Bulungan'
    """
    value = unfold(from_value)
    if "<" in value:
        name = value[:value.rfind("<")].strip()
    else:
        comment = re.search(r"\((.*)\)\s*$", value)
        name = comment.group(1) if comment else ""
    if len(name) >= 2 and name[0] == name[-1] == '"':
        name = re.sub(r'\\(.)', r"\1", name[1:-1])
    return safe_header_text(name, max_len=max_len)


def is_addr_spec(address: str) -> bool:
    """Whether *address* is one plain ASCII addr-spec (dot-atom local part, dotted host name)."""
    m = _ADDR_SPEC_RE.fullmatch(address)
    return m is not None and len(m["local"]) <= 64 and len(address) <= 254


def safe_address(addr: str | None) -> str | None:
    """The single plain address in *addr*, lowercased, or None when there is not exactly one.

    A display name is dropped; groups, lists, quoted local parts, domain literals, non-ASCII
    addresses and any line break or control character give None.

    >>> safe_address('"Disdukcapil Bulungan" <Disdukcapil@BulunganKab.example>')
    'disdukcapil@bulungankab.example'
    """
    if not isinstance(addr, str):
        return None
    return _safe_address(addr) if len(addr) <= _CACHED_CHARS else _safe_address.__wrapped__(addr)


@lru_cache(maxsize=1024)
def _safe_address(addr: str) -> str | None:
    # Pure, and the same few addresses are answered over and over: parsing costs more than the lookup.
    if any(c in _BREAKS or unicodedata.category(c) == "Cc" for c in addr):
        return None
    mailboxes = parse_mailboxes(addr)
    if mailboxes is None or len(mailboxes) != 1:
        return None
    address = mailboxes[0].lower()
    return address if is_addr_spec(address) else None


def parse_mailboxes(value: str) -> list[str] | None:
    """The addr-specs of an address header value, or None when it is malformed or has a group.

    Encoded words can only stand in display names and comments, never in an address, so they
    are replaced by a plain word before parsing: what they decode to cannot change how many
    addresses there are, and the parser cannot refuse a name that decodes to CR/LF.
    """
    structure = address_structure(recover_bytes(unfold(value)))
    try:
        header = policy.default.header_factory("To", structure)
    except Exception:  # the header parser has no narrower contract
        return None
    if any(g.display_name is not None for g in header.groups):
        return None
    # Obsolete syntax (a period in a display name, "Kab. Bulungan") is common and harmless.
    if any(not isinstance(d, errors.ObsoleteHeaderDefect) for d in header.defects):
        return None
    return [a.addr_spec for a in header.addresses]


def _dropped(c: str) -> bool:
    return unicodedata.category(c) in _DROPPED_CATEGORIES


def _cap(text: str, max_len: int) -> str:
    if len(text) <= max_len:
        return text
    cut = max_len - 1
    # A combining mark belongs to the letter before it: cut before the letter, not between.
    while cut > 0 and unicodedata.combining(text[cut]):
        cut -= 1
    return text[:cut].rstrip() + ELLIPSIS


_LEADING_TAG_RE = re.compile(r"\s*(?:\[[^\]]{1,120}\]|\([^)]{1,120}\))\s*")


def _drop_leading_tag(text: str) -> str:
    """*text* without a tag the writer put before the reply prefix ("[KOREKSI: sisa stok 150] Re: Permohonan",
    "(salah ketik - sisa stok kami 300) Re: ..."): it was said once, in that mail, and is no part of the thread's
    subject. A bracket not followed by a reply prefix is the subject's own ("[Mendesak] Permohonan blangko").

    >>> _drop_leading_tag("[Ralat jumlah 2.600] Re: Permohonan blangko KTP-el")
    'Permohonan blangko KTP-el'
    """
    m = _LEADING_TAG_RE.match(text)
    if m is None:
        return text
    rest, replied, _ = subject_prefixes(text[m.end():])
    return rest if replied and rest else text


def _drop_leading_reference(text: str, reference: str) -> str:
    refs = find_references(text[:40])
    if refs and refs[0] == reference:
        m = re.match(rf"\s*{REFERENCE_PATTERN}\s*[:\-\u2013\u2014]?\s*", text, re.IGNORECASE)
        if m:
            return text[m.end():]
    return text
