"""Input limits checked before a message is read: size, MIME shape (before the parser recurses), attachments."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import BytesParser
from typing import Literal

from mailbot.indonesian import number
from mailbot.reader.mime import SETTINGS, ReadLimits, decode_bytes, payload_of

LimitName = Literal["message_bytes", "headers", "header_chars", "attachments", "attachment_bytes", "mime_parts",
                    "mime_depth", "line_chars", "text_chars", "text_lines"]
# A MIME tree this wide or deep is no office mail; walking it is what a mail bomb wants.
MAX_MIME_PARTS = 500
MAX_MIME_DEPTH = 20
# Header fields of the top-level message (a mail client writes a few dozen, a long relay path a
# hundred); the parser's work grows with them, so they are counted before it runs.
MAX_HEADERS = 1_000
# The characters of one header field of the top-level message. The fields mailbot parses for their structure
# (addresses, Content-Type, Date, Message-ID: a mail client writes a few hundred characters; a To or Cc of a
# hundred recipients a few thousand) cost the parser time that grows with their length (a From of 100,000
# characters, seconds): they are held to the first figure, any other field (a long References) to the second.
MAX_PARSED_HEADER_CHARS = 8_000
MAX_HEADER_CHARS = 64_000
PARSED_HEADERS = frozenset({
    "from", "sender", "reply-to", "to", "cc", "bcc", "resent-from", "resent-sender", "resent-to", "resent-cc",
    "resent-bcc", "return-path", "disposition-notification-to", "content-type", "content-disposition",
    "content-transfer-encoding", "mime-version", "date", "message-id", "in-reply-to", "subject",
})

_BASE64_NOISE_RE = re.compile(rb"[^A-Za-z0-9+/]")
_QP_ESCAPE_RE = re.compile(rb"=[0-9A-Fa-f]{2}")
_QP_SOFT_BREAK_RE = re.compile(rb"=\r?\n")


@dataclass(frozen=True)
class LimitViolation:
    """A message over one of the input limits.

    limit: which limit; actual / maximum: the measured value and the limit, in bytes or counts;
    part: the attachment's file name (or its MIME type) for attachment limits, else "".
    """

    limit: LimitName
    actual: int
    maximum: int
    part: str = ""

    @property
    def reason(self) -> str:
        """One line for the quarantine record and the operator, starting with the limit's name."""
        what = {
            "message_bytes": f"message is {number(self.actual)} bytes",
            "headers": f"message has {number(self.actual)} header fields",
            "header_chars": f"header field {self.part} is {number(self.actual)} characters",
            "attachments": f"message has {number(self.actual)} attachments",
            "attachment_bytes": f"attachment {self.part!r} is about {number(self.actual)} bytes",
            "mime_parts": f"message has {number(self.actual)} MIME parts",
            "mime_depth": f"MIME parts are nested {number(self.actual)} deep",
            "line_chars": f"a line of text in attachment {self.part!r} is {number(self.actual)} characters",
            "text_chars": f"the text of attachment {self.part!r} is {number(self.actual)} characters",
            "text_lines": f"the text of attachment {self.part!r} is {number(self.actual)} lines",
        }[self.limit]
        return f"{SETTINGS.get(self.limit, self.limit)}: {what}, over the limit of {number(self.maximum)}"


def check_limits(
    raw: bytes,
    *,
    max_message_bytes: int,
    max_attachments: int,
    max_attachment_bytes: int,
    max_parts: int = MAX_MIME_PARTS,
    max_depth: int = MAX_MIME_DEPTH,
    max_headers: int = MAX_HEADERS,
) -> LimitViolation | None:
    """The first limit *raw* goes over, or None when it is within all of them.

    The whole size is checked before parsing, and so is the MIME shape (mime_shape()): the
    stdlib parser recurses once per level and would hit Python's recursion limit on a deep
    enough message. An attachment is a non-multipart part with a file name (Content-Disposition
    filename or Content-Type name) or with Content-Disposition
    attachment; parts inside attached messages count too. Its size is estimated from its
    encoded length (base64 3/4, quoted-printable less its escapes), without decoding it.

    >>> check_limits(b"Subject: x\\r\\n\\r\\n" + b"a" * 2000, max_message_bytes=1024,
    ...              max_attachments=10, max_attachment_bytes=1024).reason
    'max_message_bytes: message is 2.014 bytes, over the limit of 1.024'
    """
    if len(raw) > max_message_bytes:
        return LimitViolation("message_bytes", len(raw), max_message_bytes)
    block, starts = _header_fields(raw, stop_after=max_headers)  # one pass over the header block for both checks
    if len(starts) > max_headers:
        return LimitViolation("headers", len(starts), max_headers)
    if (long_field := _field_over_limit(block, starts)) is not None:
        return long_field
    shape = mime_shape(raw, max_parts=max_parts, max_depth=max_depth)
    if shape is not None:
        return shape
    try:
        msg = BytesParser(policy=policy.compat32).parsebytes(raw)
    except RecursionError:  # deeper than mime_shape() could see (bare CR line ends, say)
        return LimitViolation("mime_depth", max_depth + 1, max_depth)
    attachments: list[tuple[str, int]] = []
    texts: list[Message] = []  # text attachments (CSV, .txt), held to the reader's text limits
    parts = 0
    stack: list[tuple[Message, int]] = [(msg, 1)]
    while stack:
        part, depth = stack.pop()
        parts += 1
        if parts > max_parts:
            return LimitViolation("mime_parts", parts, max_parts)
        if depth > max_depth:
            return LimitViolation("mime_depth", depth, max_depth)
        payload = payload_of(part)
        if part.is_multipart() and isinstance(payload, list):
            stack.extend((child, depth + 1) for child in reversed(payload))
            continue
        if _is_attachment(part):
            attachments.append((_part_name(part), _decoded_size(part)))
            if _is_text_attachment(part):
                texts.append(part)
    if len(attachments) > max_attachments:
        return LimitViolation("attachments", len(attachments), max_attachments)
    for name, size in attachments:
        if size > max_attachment_bytes:
            return LimitViolation("attachment_bytes", size, max_attachment_bytes, name)
    for part in texts:
        over = text_attachment_limits(part)
        if over is not None:
            return over
    return None


# The reader's limits on the text it analyses (ReadLimits), which a text attachment is held to as well:
# a CSV or .txt file of one 5 MB line is no office mail, whether it comes as the body or attached.
_TEXT_LIMITS = ReadLimits()
_TEXT_TYPES = ("text/plain", "text/csv", "text/tab-separated-values")
_TEXT_NAMES = (".csv", ".txt", ".tsv")


def _is_text_attachment(part: Message) -> bool:
    return part.get_content_type() in _TEXT_TYPES or (_filename(part) or "").lower().endswith(_TEXT_NAMES)


def text_attachment_limits(part: Message, limits: ReadLimits = _TEXT_LIMITS) -> LimitViolation | None:
    """The text limits (line_chars, text_chars, text_lines) one text attachment goes over, or None. Its size
    is within max_attachment_bytes already, so decoding it costs little; its lines are counted as the
    reader splits a CSV.

    >>> from email.message import Message as M
    >>> part = M(); part["Content-Disposition"] = 'attachment; filename="a.csv"'; part.set_payload("x;" * 20_001)
    >>> text_attachment_limits(part).reason
    "line_chars: a line of text in attachment 'a.csv' is 40.002 characters, over the limit of 20.000"
    """
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - an undecodable part holds no text to measure
        return None
    if not isinstance(data, bytes) or not data:
        return None
    try:
        charset = part.get_content_charset()
    except Exception:  # noqa: BLE001 - a broken parameter declares nothing
        charset = None
    text = decode_bytes(data, charset if isinstance(charset, str) else None)
    name = _part_name(part)
    lines = text.splitlines()
    longest = max(map(len, lines), default=0)
    if longest > limits.max_line_chars:
        return LimitViolation("line_chars", longest, limits.max_line_chars, name)
    if len(text) > limits.max_text_chars:
        return LimitViolation("text_chars", len(text), limits.max_text_chars, name)
    if len(lines) > limits.max_text_lines:
        return LimitViolation("text_lines", len(lines), limits.max_text_lines, name)
    return None


_HEADER_END_RE = re.compile(rb"\r?\n\r?\n")
_FIELD_START_RE = re.compile(rb"(?m)^[^ \t\r\n]")


def _header_fields(raw: bytes, *, stop_after: int) -> tuple[bytes, list[int]]:
    """*raw*'s top-level header block and where each of its fields starts (continuation lines are part of their
    field); the search stops a little after *stop_after* fields."""
    end = _HEADER_END_RE.search(raw)
    block = raw[: end.start() if end else len(raw)]
    starts: list[int] = []
    for field in _FIELD_START_RE.finditer(block):
        starts.append(field.start())
        if len(starts) > stop_after:
            break
    return block, starts


def header_count(raw: bytes, *, stop_after: int) -> int:
    r"""The header fields of *raw*'s top-level header block (continuation lines not counted);
    counting stops a little after *stop_after*.

    >>> header_count(b"From: a\r\nSubject: b\r\n  c\r\n\r\nbody", stop_after=10)
    2
    """
    return len(_header_fields(raw, stop_after=stop_after)[1])


def longest_header(raw: bytes) -> LimitViolation | None:
    r"""The first header field of *raw*'s top-level header block longer than its limit (MAX_PARSED_HEADER_CHARS
    for the fields parsed for their structure, MAX_HEADER_CHARS for the others), folding included; or None.

    >>> longest_header(b"From: " + b"a," * 5000 + b"\r\nSubject: x\r\n\r\nbody").reason
    'header_chars: header field From is 10.008 characters, over the limit of 8.000'
    """
    return _field_over_limit(*_header_fields(raw, stop_after=MAX_HEADERS))


def _field_over_limit(block: bytes, starts: list[int]) -> LimitViolation | None:
    """Of the fields starting at *starts* in the header *block*, the first longer than its limit.

    >>> _field_over_limit(b"", []) is None  # no header field at all: nothing over a limit
    True
    """
    if not starts:
        return None
    for start, stop in zip(starts, [*starts[1:], len(block)], strict=True):
        if stop - start <= MAX_PARSED_HEADER_CHARS:
            continue
        name = block[start:block.find(b":", start, stop)].decode("ascii", "replace").strip() or "(no name)"
        limit = MAX_PARSED_HEADER_CHARS if name.lower() in PARSED_HEADERS else MAX_HEADER_CHARS
        if stop - start > limit:
            return LimitViolation("header_chars", stop - start, limit, name[:60])
    return None


_CONTAINER_RE = re.compile(rb"content-type:\s*(?:multipart|message)/", re.IGNORECASE)
_CONTENT_TYPE_RE = re.compile(rb"content-type[ \t]*:", re.IGNORECASE)
_HEADER_NAME_RE = re.compile(rb"[!-9;-~]+[ \t]*:")
_MULTIPART_RE = re.compile(rb"^\s*multipart/", re.IGNORECASE)
_MESSAGE_RE = re.compile(rb"^\s*message/(?:rfc822|global)\b", re.IGNORECASE)
_BOUNDARY_RE = re.compile(rb"""(?i)[;\s]boundary\s*=\s*(?:"([^"]*)"|([^\s;"]+))""")


def mime_shape(raw: bytes, *, max_parts: int, max_depth: int) -> LimitViolation | None:
    r"""The MIME parts and depth of *raw* over the limits, read from its lines without parsing it.

    It follows the boundaries the way the stdlib parser does (a boundary line of an enclosing
    multipart ends the parts inside it; message/rfc822 opens a header block), so that a message
    is refused before the parser recurses into it. The top level is depth 1.

    >>> deep = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(3))
    >>> mime_shape(b"Subject: x\n" + deep + b"\nhalo", max_parts=500, max_depth=3).reason
    'max_mime_depth: MIME parts are nested 4 deep, over the limit of 3'
    """
    if not _CONTAINER_RE.search(raw):
        return None
    stack: list[bytes | None] = []  # the containers around the current part: a boundary, None for message/*
    parts = 1
    in_headers = True
    content_type: bytes | None = None  # the current header block's Content-Type, while it is being read
    collecting = False
    for line in raw.split(b"\n"):
        line = line.rstrip(b"\r")
        if in_headers:
            if line and line[:1] in b" \t" and collecting and content_type is not None:
                content_type += b" " + line.strip()
                continue
            if line and _HEADER_NAME_RE.match(line):
                collecting = bool(_CONTENT_TYPE_RE.match(line))
                if collecting:
                    content_type = line.split(b":", 1)[1]
                continue
            # the end of the header block (a blank line, or a line that is no header)
            in_headers, collecting, declared, content_type = False, False, content_type or b"", None
            if _MESSAGE_RE.match(declared):
                stack.append(None)
                parts, in_headers = parts + 1, True
            elif _MULTIPART_RE.match(declared):
                m = _BOUNDARY_RE.search(b";" + declared)
                if m is not None:
                    stack.append(m.group(1) if m.group(1) is not None else m.group(2))
            if len(stack) + 1 > max_depth:
                return LimitViolation("mime_depth", len(stack) + 1, max_depth)
            if parts > max_parts:
                return LimitViolation("mime_parts", parts, max_parts)
            continue
        if not line.startswith(b"--"):
            continue
        for level in range(len(stack) - 1, -1, -1):
            boundary = stack[level]
            if boundary is None or not line.startswith(b"--" + boundary):
                continue
            rest = line[2 + len(boundary):]
            if rest.startswith(b"--"):
                del stack[level:]
            elif not rest.strip():
                del stack[level + 1:]
                parts, in_headers, content_type = parts + 1, True, None
                if parts > max_parts:
                    return LimitViolation("mime_parts", parts, max_parts)
            else:
                continue
            break
    return None


def _is_attachment(part: Message) -> bool:
    disposition = str(part.get("Content-Disposition", "")).split(";", 1)[0].strip().lower()
    return disposition == "attachment" or _filename(part) is not None


def _part_name(part: Message) -> str:
    return _filename(part) or part.get_content_type()


def _filename(part: Message) -> str | None:
    try:
        return part.get_filename()
    except Exception:  # a broken RFC 2231 parameter names no file, it does not stop the check
        return None


def _decoded_size(part: Message) -> int:
    payload = payload_of(part)
    if not isinstance(payload, str):
        return 0
    data = payload.encode("utf-8", "surrogateescape")
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding == "base64":
        return len(_BASE64_NOISE_RE.sub(b"", data)) * 3 // 4
    if encoding == "quoted-printable":
        soft = sum(len(m) for m in _QP_SOFT_BREAK_RE.findall(data))
        return len(data) - soft - 2 * len(_QP_ESCAPE_RE.findall(data))
    if encoding in ("x-uuencode", "uuencode", "x-uue", "uue"):
        return len(data) * 3 // 4
    return len(data)
