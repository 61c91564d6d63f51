"""Whether a message stops short: the signs that a file (an .eml, or an mbox's last message) was cut off."""

from __future__ import annotations

import email
import email.errors
import email.policy
import re

# The first empty line ends the header block; a message a mail program wrote always has one.
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d{1,12})[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
# What a base64 decoder counts (it passes over line ends and any other character)
_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/=]+")


def cut_off(raw: bytes, *, ends_mid_line: bool = False) -> str | None:
    """Why *raw*, the last bytes of a file, is a message cut off before its end; None when it looks whole.

    *ends_mid_line*: the message is the last of an mbox and stops in the middle of a line (an mbox writer ends
    every message with a line end, so that the next "From " line starts a line). An .eml file without a final
    line end is not cut off for that alone (many programs save mail so); only a structure left open says so:
    a header block never ended by its empty line, a body shorter than its Content-Length, a MIME multipart
    without its closing boundary, or base64 that stops in the middle of a group of four characters.

    >>> cut_off(b"Subject: x\\nFrom: a@b.example\\n\\nisi")
    >>> cut_off(b"Subject: x\\nContent-Type: text/pl")
    'its header block stops before the empty line that ends it'
    """
    if raw.startswith(b"From "):  # an mbox separator line left in an .eml
        raw = raw.split(b"\n", 1)[1] if b"\n" in raw else b""
    end = _HEADER_END.search(raw)
    if end is None:
        return "its header block stops before the empty line that ends it"
    head, body = raw[:end.start()], raw[end.end():]
    declared = _CONTENT_LENGTH.search(head)
    if declared is not None and len(body) + body.count(b"\n") < int(declared.group(1)):
        # line ends counted twice: a body stored with LF where it was measured with CRLF is not short
        return f"its body holds {len(body)} bytes of the {int(declared.group(1))} its Content-Length header gives"
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        defects = {type(defect) for defect in part.defects}
        if email.errors.CloseBoundaryNotFoundDefect in defects or email.errors.StartBoundaryNotFoundDefect in defects:
            return "a MIME multipart stops before its closing boundary"
        if not part.is_multipart() and part.get("content-transfer-encoding", "").strip().lower() == "base64":
            payload = part.get_payload()
            if isinstance(payload, str) and len(_NOT_BASE64.sub("", payload)) % 4:
                return "a base64 part stops in the middle of a line"
    if ends_mid_line:
        return "its last line stops in the middle, without the line end an mbox writer puts after every message"
    return None
