"""Raw bytes to what the reader needs: decoded headers, body text, and tables from attachments."""

from __future__ import annotations

import binascii
import email
import email.policy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from email.header import Header, decode_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from io import BytesIO

from mailbot.errors import LimitExceeded, NotAnEmailError

Cell = str | int | float | date | None
Table = tuple[tuple[Cell, ...], ...]

_HEADER_LINE_RE = re.compile(rb"^[!-9;-~]+[ \t]*:")
_IDENTIFYING_HEADERS = ("from", "date", "message-id", "subject", "to", "received", "return-path", "sender")
_SPREADSHEET_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel.sheet.macroenabled.12",
)
_MAX_SHEET_ROWS = 2000
_MAX_SHEET_COLS = 40
_MSGID_RE = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class ReadLimits:
    """Input limits: more attachments, or a bigger attachment, raises LimitExceeded."""

    max_attachments: int
    max_attachment_bytes: int


@dataclass(frozen=True)
class Attachment:
    """An attached file, as far as the reader cares."""

    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class MailParts:
    """The decoded pieces of one message."""

    message: Message
    subject: str
    sender: str | None
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    date: datetime | None
    text: str
    html_used: bool
    tables: tuple[tuple[str, Table], ...] = ()  # (attachment file name, rows)
    attachments: tuple[Attachment, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


# --- Charsets and headers -------------------------------------------------------------------


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Text from bytes, tolerating a wrong or unknown charset declaration.

    Valid UTF-8 with non-ASCII bytes is taken as UTF-8 whatever is declared: real Latin-1 text
    is almost never valid UTF-8, while mislabelled UTF-8 is common.
    """
    if data.isascii():
        return data.decode("ascii")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset:
        name = charset.strip().strip('"').lower()
        if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "utf-8", "utf8"):
            name = "windows-1252"  # a superset of Latin-1 for printable characters; clients mislabel
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("windows-1252", errors="replace")


def decode_header_value(value: object) -> str:
    """A header as text: RFC 2047 encoded words decoded, folding removed, bad charsets tolerated."""
    if value is None:
        return ""
    text = str(value)
    if "=?" not in text and not isinstance(value, Header):
        return " ".join(text.split())
    try:
        parts = decode_header(value)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - a malformed header must not stop the read
        return " ".join(text.split())
    out: list[str] = []
    for chunk, charset in parts:
        if isinstance(chunk, bytes):
            out.append(decode_bytes(chunk, charset))
        else:
            out.append(chunk)
    return " ".join("".join(out).split())


_ANGLE_ADDR_RE = re.compile(r"<\s*([^<>@\s\"]+@[^<>@\s]+?)\s*>\s*$")
_BARE_ADDR_RE = re.compile(r"^\s*([^<>@\s\",;]+@[^<>@\s,;()]+)\s*(?:\([^()]*\))?\s*$")


def sender_address(msg: Message) -> str | None:
    """The lowercased address of the From header (Sender when From has none)."""
    for name in ("from", "sender"):
        raw = msg.get(name)
        if raw is None:
            continue
        text = str(raw)
        if "=?" not in text and '"' not in text and "," not in text:
            # The common shapes, "Name <a@b>" and "a@b", without the full RFC 5322 parser.
            m = _ANGLE_ADDR_RE.search(text) or _BARE_ADDR_RE.match(text)
            if m:
                return m.group(1).lower()
        try:
            pairs = getaddresses([decode_header_value(raw)])
        except Exception:  # noqa: BLE001
            continue
        for _, addr in pairs:
            if addr and "@" in addr:
                return addr.strip().lower()
    return None


def _message_ids(value: object) -> tuple[str, ...]:
    return tuple(_MSGID_RE.findall(str(value))) if value is not None else ()


def _date(value: object) -> datetime | None:
    if value is None:
        return None
    try:
        return parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None


# --- HTML -----------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p div br tr li ul ol h1 h2 h3 h4 h5 h6 table thead tbody tfoot pre hr address section article "
    "header footer center dl dt dd".split()
)
_SKIP_TAGS = frozenset(("script", "style", "head", "title", "xml"))


class _HtmlText(HTMLParser):
    """HTML to plain text: blocks become lines, table cells are joined with " | ", blockquotes get "> "."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.quote_depth = 0
        self.skip_depth = 0
        self.row_cells: list[str] | None = None
        self.cell: list[str] | None = None

    def _flush(self, blank: bool = False) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.lines.append(("> " * self.quote_depth) + text)
        elif blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            return
        if tag == "blockquote":
            self._flush()
            self.quote_depth += 1
        elif tag == "tr":
            self._flush()
            self.row_cells = []
        elif tag in ("td", "th"):
            self.cell = []
        elif tag in _BLOCK_TAGS:
            if self.cell is not None:
                self.cell.append(" ")
            else:
                self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr", "p", "div"):
            if self.cell is not None:
                self.cell.append(" ")
            else:
                self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "blockquote":
            self._flush()
            self.quote_depth = max(0, self.quote_depth - 1)
        elif tag in ("td", "th"):
            if self.cell is not None and self.row_cells is not None:
                self.row_cells.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr":
            if self.row_cells is not None:
                cells = self.row_cells
                self.row_cells = None
                if any(cells):
                    self.current = [" | ".join(cells)]
                self._flush()
        elif tag in _BLOCK_TAGS:
            if self.cell is None:
                self._flush(blank=tag in ("p", "div", "table", "ul", "ol", "pre"))

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.cell is not None:
            self.cell.append(data)
        else:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML body; table rows come out as "cell | cell | cell" lines."""
    parser = _HtmlText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; anything it still chokes on is skipped
        pass
    parser._flush()
    return "\n".join(parser.lines).strip()


# --- Spreadsheets ---------------------------------------------------------------------------


def _cell(value: object) -> Cell:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, (date, int, float, str)) or value is None:
        return value
    return str(value)


def read_xlsx(data: bytes) -> tuple[Table, ...]:
    """Every sheet of an .xlsx file as rows of cell values (dates as date), read-only and bounded."""
    import openpyxl  # imported here: most mail has no spreadsheet, and openpyxl is slow to import

    workbook = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
    try:
        tables: list[Table] = []
        for sheet in workbook.worksheets:
            rows: list[tuple[Cell, ...]] = []
            for row in sheet.iter_rows(max_col=_MAX_SHEET_COLS, values_only=True):
                if len(rows) >= _MAX_SHEET_ROWS:
                    break
                cells = tuple(_cell(v) for v in row)
                if any(c not in (None, "") for c in cells):
                    rows.append(cells)
            if rows:
                tables.append(tuple(rows))
        return tuple(tables)
    finally:
        workbook.close()


def read_csv(text: str) -> tuple[Table, ...]:
    """A CSV attachment as one table (comma, semicolon or tab separated)."""
    import csv

    sample = text[:2000]
    delimiter = max((";", ",", "\t"), key=sample.count)
    rows = tuple(tuple(c.strip() for c in row) for row in csv.reader(text.splitlines()[:_MAX_SHEET_ROWS], delimiter=delimiter))
    return (tuple(r for r in rows if any(r)),)


# --- Messages -------------------------------------------------------------------------------


def parse_message(raw: bytes) -> Message:
    """Parse bytes into a message, or raise NotAnEmailError with a one-line reason."""
    if not raw or not raw.strip():
        raise NotAnEmailError("empty input, not an email")
    start = raw.lstrip(b"\r\n")
    if start.startswith(b"From "):  # mbox "From " line
        start = start.split(b"\n", 1)[1] if b"\n" in start else b""
    if b"\x00" in raw[:4096]:
        raise NotAnEmailError("binary data, not an email")
    if not _HEADER_LINE_RE.match(start):
        raise NotAnEmailError("no header block, not an email")
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    if not any(msg.get(h) is not None for h in _IDENTIFYING_HEADERS):
        raise NotAnEmailError("no From, Date, Subject or Message-ID header, not an email")
    return msg


def _is_attachment(part: Message) -> bool:
    disposition = (part.get("content-disposition") or "").lower()
    return disposition.startswith("attachment") or bool(part.get_filename()) or part.get_content_maintype() not in (
        "text",
        "multipart",
        "message",
    )


def _payload_size(part: Message) -> int:
    payload = part.get_payload()
    if not isinstance(payload, str):
        return 0
    if (part.get("content-transfer-encoding") or "").strip().lower() == "base64":
        return len(payload) * 3 // 4
    return len(payload)


_NOT_BASE64_RE = re.compile(r"[^A-Za-z0-9+/]")


def _lenient_base64(payload: str) -> bytes:
    """Decode base64 that may be damaged: stray characters dropped, a torn last group cut off.

    The padding ("=") is dropped with the rest and put back: "Pgo=" is still ">\\n".
    """
    clean = _NOT_BASE64_RE.sub("", payload.split("=", 1)[0])
    rest = len(clean) % 4
    clean = clean[: len(clean) - 1] if rest == 1 else clean + "=" * ((4 - rest) % 4)
    try:
        return binascii.a2b_base64(clean)
    except binascii.Error:
        return b""


def _text_of(part: Message) -> str:
    if (part.get("content-transfer-encoding") or "").strip().lower() == "base64":
        payload = part.get_payload()
        if isinstance(payload, str):
            return decode_bytes(_lenient_base64(payload), part.get_content_charset())
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - a broken transfer encoding must not stop the read
        data = None
    if data is None:
        payload = part.get_payload()
        return payload if isinstance(payload, str) else ""
    if not isinstance(data, bytes):
        return str(data)
    return decode_bytes(data, part.get_content_charset())


class _Collector:
    """Walks the MIME tree once, gathering body text, tables and attachments."""

    def __init__(self, limits: ReadLimits | None) -> None:
        self.limits = limits
        self.texts: list[str] = []
        self.tables: list[tuple[str, Table]] = []
        self.attachments: list[Attachment] = []
        self.notes: list[str] = []
        self.html_used = False

    def walk(self, part: Message, depth: int = 0) -> None:
        if depth > 20:
            self.notes.append("MIME nesting too deep; the rest was skipped")
            return
        ctype = part.get_content_type()
        if part.is_multipart():
            children = part.get_payload()
            if not isinstance(children, list):
                return
            if ctype == "multipart/alternative":
                self._alternative(children, depth)
            elif ctype == "message/rfc822" or ctype == "message/global":
                self._attached_message(children, depth)
            else:
                for child in children:
                    if isinstance(child, Message):
                        self.walk(child, depth + 1)
            return
        if ctype.startswith("multipart/"):
            # A multipart declared without a usable boundary: its body is read as text.
            self.texts.append(_text_of(part))
            return
        if _is_attachment(part) and not (ctype in ("text/plain", "text/html") and not part.get_filename()):
            self._attachment(part, ctype)
            return
        if ctype == "text/plain" or ctype == "text":
            self.texts.append(_text_of(part))
        elif ctype == "text/html":
            self.html_used = True
            self.texts.append(html_to_text(_text_of(part)))
        elif ctype in ("text/csv",):
            self._attachment(part, ctype)

    def _alternative(self, children: Sequence[object], depth: int) -> None:
        plain: Message | None = None
        html: Message | None = None
        other: Message | None = None
        for child in children:
            if not isinstance(child, Message):
                continue
            ctype = child.get_content_type()
            if ctype == "text/plain" and plain is None:
                plain = child
            elif ctype == "text/html" and html is None:
                html = child
            elif child.is_multipart() and other is None:
                other = child
        if html is not None:
            html_text = _text_of(html)
            plain_text = _text_of(plain) if plain is not None else ""
            if not plain_text.strip() or "<table" in html_text.lower():
                self.html_used = True
                self.texts.append(html_to_text(html_text))
                return
            self.texts.append(plain_text)
            return
        if plain is not None:
            self.texts.append(_text_of(plain))
        elif other is not None:
            self.walk(other, depth + 1)

    def _attached_message(self, children: Sequence[object], depth: int) -> None:
        for child in children:
            if isinstance(child, Message):
                subject = decode_header_value(child.get("subject"))
                self.texts.append(f"---------- Forwarded message ---------\n\n{subject}\n")
                self.walk(child, depth + 1)

    def _attachment(self, part: Message, ctype: str) -> None:
        filename = decode_header_value(part.get_filename() or "")
        size = _payload_size(part)
        self.attachments.append(Attachment(filename=filename, content_type=ctype, size=size))
        if self.limits is not None:
            if len(self.attachments) > self.limits.max_attachments:
                raise LimitExceeded(f"more than {self.limits.max_attachments} attachments")
            if size > self.limits.max_attachment_bytes:
                raise LimitExceeded(
                    f"attachment {filename or ctype!r} is {size} bytes, over {self.limits.max_attachment_bytes}"
                )
        name = filename.lower()
        if ctype in _SPREADSHEET_TYPES or name.endswith((".xlsx", ".xlsm")):
            data = part.get_payload(decode=True)
            if isinstance(data, bytes):
                try:
                    self.tables.extend((filename, t) for t in read_xlsx(data))
                except Exception as exc:  # noqa: BLE001 - an unreadable sheet is noted, not fatal
                    self.notes.append(f"spreadsheet {filename!r} could not be read: {type(exc).__name__}")
        elif ctype == "text/csv" or name.endswith(".csv"):
            data = part.get_payload(decode=True)
            if isinstance(data, bytes):
                self.tables.extend(
                    (filename, t) for t in read_csv(decode_bytes(data, part.get_content_charset()))
                )


def extract(raw: bytes, limits: ReadLimits | None = None) -> MailParts:
    """Parse and decode one message; raises NotAnEmailError or LimitExceeded."""
    msg = parse_message(raw)
    return extract_from(msg, limits)


def extract_from(msg: Message, limits: ReadLimits | None = None) -> MailParts:
    """Decode an already parsed message (any policy)."""
    collector = _Collector(limits)
    collector.walk(msg)
    text = "\n\n".join(t for t in collector.texts if t and t.strip())
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return MailParts(
        message=msg,
        subject=decode_header_value(msg.get("subject")),
        sender=sender_address(msg),
        message_id=(_message_ids(msg.get("message-id")) or (None,))[0],
        in_reply_to=(_message_ids(msg.get("in-reply-to")) or (None,))[0],
        references=_message_ids(msg.get("references")),
        date=_date(msg.get("date")),
        text=text,
        html_used=collector.html_used,
        tables=tuple(collector.tables),
        attachments=tuple(collector.attachments),
        notes=tuple(collector.notes),
    )
