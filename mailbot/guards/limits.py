"""Input limits checked before a message is read: size, attachment count and size, MIME shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import BytesParser
from typing import Literal

LimitName = Literal["message_bytes", "attachments", "attachment_bytes", "mime_parts", "mime_depth"]
# A MIME tree this wide or deep is no office mail; walking it is what a mail bomb wants.
MAX_MIME_PARTS = 500
MAX_MIME_DEPTH = 20

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
        """One line for the quarantine record and the operator."""
        what = {
            "message_bytes": f"message is {self.actual:,} bytes",
            "attachments": f"message has {self.actual:,} attachments",
            "attachment_bytes": f"attachment {self.part!r} is about {self.actual:,} bytes",
            "mime_parts": f"message has {self.actual:,} MIME parts",
            "mime_depth": f"MIME parts are nested {self.actual:,} deep",
        }[self.limit]
        return f"{what}, over the limit of {self.maximum:,}"


def check_limits(
    raw: bytes,
    *,
    max_message_bytes: int,
    max_attachments: int,
    max_attachment_bytes: int,
    max_parts: int = MAX_MIME_PARTS,
    max_depth: int = MAX_MIME_DEPTH,
) -> LimitViolation | None:
    """The first limit *raw* goes over, or None when it is within all of them.

    The whole size is checked before parsing. An attachment is a non-multipart part with a
    file name (Content-Disposition filename or Content-Type name) or with Content-Disposition
    attachment; parts inside attached messages count too. Its size is estimated from its
    encoded length (base64 3/4, quoted-printable less its escapes), without decoding it.

    >>> check_limits(b"Subject: x\\r\\n\\r\\n" + b"a" * 2000, max_message_bytes=1024,
    ...              max_attachments=10, max_attachment_bytes=1024).reason
    'message is 2,014 bytes, over the limit of 1,024'
    """
    if len(raw) > max_message_bytes:
        return LimitViolation("message_bytes", len(raw), max_message_bytes)
    msg = BytesParser(policy=policy.compat32).parsebytes(raw)
    attachments: list[tuple[str, int]] = []
    parts = 0
    stack: list[tuple[Message, int]] = [(msg, 1)]
    while stack:
        part, depth = stack.pop()
        parts += 1
        if parts > max_parts:
            return LimitViolation("mime_parts", parts, max_parts)
        if depth > max_depth:
            return LimitViolation("mime_depth", depth, max_depth)
        payload = part.get_payload()
        if part.is_multipart() and isinstance(payload, list):
            stack.extend((child, depth + 1) for child in reversed(payload))
            continue
        if _is_attachment(part):
            attachments.append((_part_name(part), _decoded_size(part)))
    if len(attachments) > max_attachments:
        return LimitViolation("attachments", len(attachments), max_attachments)
    for name, size in attachments:
        if size > max_attachment_bytes:
            return LimitViolation("attachment_bytes", size, max_attachment_bytes, name)
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
    payload = part.get_payload(decode=False)
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
