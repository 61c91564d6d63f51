"""Raw bytes to what the reader needs: decoded headers, body text, and tables from attachments."""

from __future__ import annotations

import binascii
import email
import email.policy
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from email.header import Header, decode_header
from email.message import Message
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from io import BytesIO
from typing import Any

from mailbot.errors import LimitExceeded, NotAnEmailError
from mailbot.guards.decode import raw_header_values, recover_bytes
from mailbot.guards.headers import parse_mailboxes
from mailbot.indonesian import number as figure  # "5.000.003": Indonesian thousands, as every message shows
from mailbot.reader.frozen import quick

Cell = str | int | float | date | None
Table = tuple[tuple[Cell, ...], ...]

_HEADER_LINE_RE = re.compile(rb"^[!-9;-~]+[ \t]*:")
_IDENTIFYING_HEADERS = ("from", "date", "message-id", "subject", "to", "received", "return-path", "sender")
_SPREADSHEET_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel.sheet.macroenabled.12",
)
_ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_OLD_EXCEL_TYPES = ("application/vnd.ms-excel", "application/msexcel", "application/x-msexcel", "application/x-excel")
_MAX_SHEET_ROWS = 2000
_MAX_SHEET_COLS = 40
_MSGID_RE = re.compile(r"<[^<>\s]+>")


@quick
@dataclass(frozen=True)
class ReadLimits:
    """Bounds on the work one message may cause; going over one raises LimitExceeded naming it.

    The attachment count and size apply only when given (the pipeline passes the configured
    ones). The rest always apply: no office mail comes near them, and each stops a kind of mail
    bomb before it costs time or memory. A spreadsheet is an attachment of a few tens of KB that
    inflates to well under a MB; the spreadsheet limits are checked on its zip before a reader
    inflates it.
    """

    max_attachments: int | None = None
    max_attachment_bytes: int | None = None
    max_mime_parts: int = 500
    max_mime_depth: int = 20
    max_line_chars: int = 20_000  # the longest line of text (or subject) the reader analyses
    # The reader's text analysis costs more than linear time on some text (long digit runs, long
    # table lines); these keep its work bounded by the caps, not by what a sender sends. Office
    # mail, quoted thread included, is a few tens of KB of text and a few hundred lines.
    max_html_chars: int = 1_000_000  # one HTML part, before it is turned into text
    max_text_chars: int = 200_000  # the body text the reader analyses, all parts together
    max_text_lines: int = 5_000  # lines (table rows included) of that text
    max_headers: int = 1_000  # header fields of the message; a mail client writes a few dozen
    max_spreadsheet_bytes: int = 16 << 20  # all members of one .xlsx, inflated
    max_spreadsheet_files: int = 1_000  # members of its zip
    max_spreadsheet_rows: int = 20_000  # rows in its sheets, or the highest row number
    max_spreadsheet_cells: int = 200_000  # cells in its sheets
    max_spreadsheet_row_cells: int = 5_000  # cells in one row


# The [guards] setting of each limit the operator can set: a reason starts with the name to look up in
# config.toml ("max_message_bytes: ..."); the fixed limits are named by what they count ("text_lines: ...").
SETTINGS: dict[str, str] = {"message_bytes": "max_message_bytes", "attachments": "max_attachments",
                            "attachment_bytes": "max_attachment_bytes", "mime_parts": "max_mime_parts",
                            "mime_depth": "max_mime_depth"}


def limit_exceeded(limit: str, what: str, maximum: int) -> LimitExceeded:
    """The error for going over a limit: one line that starts with the limit's setting or name."""
    return LimitExceeded(f"{SETTINGS.get(limit, limit)}: {what}, over the limit of {figure(maximum)}")


@quick
@dataclass(frozen=True)
class Attachment:
    """An attached file, as far as the reader cares."""

    filename: str
    content_type: str
    size: int


@quick
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
    fields: dict[str, Any] = field(default_factory=dict, compare=False)  # see first_fields
    address: str | None = None  # sender_address(message) as read; sender is it made fit to store
    # the From header of each message attached as message/rfc822 (a forward), outermost first; the text shows
    # only their subjects
    forwarded_senders: tuple[str, ...] = ()


# --- Charsets and headers -------------------------------------------------------------------


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Text from bytes, tolerating a wrong or unknown charset declaration.

    Valid UTF-8 with non-ASCII bytes is taken as UTF-8 whatever is declared: real Latin-1 text
    is almost never valid UTF-8, while mislabelled UTF-8 is common.
    """
    text = _ascii_or_utf8(data)
    if text is not None:
        return text
    if charset:
        name = charset.strip().strip('"').lower()
        if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "utf-8", "utf8"):
            name = "windows-1252"  # a superset of Latin-1 for printable characters; clients mislabel
        try:
            text = data.decode(name)
        except Exception:  # noqa: BLE001 - unknown, undefined ("undefined" always raises) or not a text codec
            text = None
        if isinstance(text, str):
            return text
    return data.decode("windows-1252", errors="replace")


def _ascii_or_utf8(data: bytes) -> str | None:
    """data as text when it is ASCII or valid UTF-8, whatever charset is declared (see decode_bytes)."""
    if data.isascii():
        return data.decode("ascii")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decoded(data: bytes, part: Message) -> str:
    """decode_bytes(data, the charset part declares), which is only looked up for bytes that need it:
    reading it parses the Content-Type's parameters, which costs more than the decoding."""
    text = _ascii_or_utf8(data)
    return text if text is not None else decode_bytes(data, _charset(part))


def clean_text(text: str) -> str:
    """*text* without what no database column takes: NUL characters dropped, lone surrogates (bytes
    that decoded to nothing) replaced by U+FFFD."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


def first_fields(msg: Message) -> dict[str, Any]:
    """Each header field of msg under its lowercased name, the first one of a name, as msg.get(name)
    returns it: read once, where Message.get goes over every field at each call."""
    fields: dict[str, Any] = {}
    for name, value in msg.items():
        fields.setdefault(name.lower(), value)
    return fields


def header_text(part: Message, name: str, fields: dict[str, Any] | None = None) -> str:
    """A header of *part* as a plain str ("" when absent): with 8-bit bytes, compat32 hands back a
    Header object, which has no str methods. fields: part's first_fields, when at hand."""
    value = part.get(name) if fields is None else fields.get(name)
    if value is None:
        return ""
    try:
        return str(value)
    except Exception:  # noqa: BLE001 - an undecodable Header reads as empty
        return ""


def payload_of(part: Message) -> str | list[Message]:
    """part.get_payload(), which decodes an 8-bit body by its declared charset and so raises on
    an undefined or non-text one ("undefined", "idna", "base64", a NUL in the name): then the
    body's text as the parser stored it (bytes as surrogate escapes)."""
    try:
        return part.get_payload()  # type: ignore[return-value]
    except Exception:  # noqa: BLE001 - the charset failed, not the body
        payload = part.__dict__.get("_payload", "")
        return payload if isinstance(payload, (str, list)) else ""


def _charset(part: Message) -> str | None:
    try:
        charset = part.get_content_charset()
    except Exception:  # noqa: BLE001 - a broken parameter declares nothing
        return None
    return charset if isinstance(charset, str) else None


def _filename(part: Message, fields: dict[str, Any] | None = None) -> str:
    disposition = part.get("content-disposition") if fields is None else fields.get("content-disposition")
    if disposition is None and "name" not in header_text(part, "content-type", fields).lower():
        return ""  # no parameter that could name a file (parsing the parameters costs more)
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001 - a broken RFC 2231 parameter names no file
        return ""
    return name if isinstance(name, str) else ""


# Control characters in a header's text (NUL, ESC, BEL, DEL, the C1 controls): no writer means them, no later
# header or line of text may carry them. A NUL goes; any other becomes a space, as a line break does.
_HEADER_CONTROLS_RE = re.compile("[\x01-\x1f\x7f-\x9f]")


def header_line(text: str) -> str:
    r"""*text* of a header as one line of plain text: NUL, lone surrogates and white space as clean_text and
    split() leave them, every other control character a space.

    >>> header_line("Laporan\x00 harian \x1b[31mblangko\x07")
    'Laporan harian [31mblangko'
    """
    return " ".join(_HEADER_CONTROLS_RE.sub(" ", clean_text(text)).split())


def decode_header_value(value: object) -> str:
    """A header as text: RFC 2047 encoded words decoded, folding removed, bad charsets tolerated, control
    characters dropped (header_line)."""
    if value is None:
        return ""
    try:
        text = str(value)
    except Exception:  # noqa: BLE001 - an undecodable Header reads as empty
        return ""
    if "=?" not in text and not isinstance(value, Header):
        return header_line(text)
    try:
        parts = decode_header(value)  # type: ignore[arg-type]
        out: list[str] = []
        for chunk, charset in parts:
            if isinstance(chunk, bytes):
                out.append(decode_bytes(chunk, charset))
            else:
                out.append(str(chunk))
    except Exception:  # noqa: BLE001 - a malformed header must not stop the read
        return header_line(text)
    return header_line("".join(out))


_ANGLE_ADDR_RE = re.compile(r"<\s*([^<>@\s\"]+@[^<>@\s]+?)\s*>\s*$")
_BARE_ADDR_RE = re.compile(r"^\s*([^<>@\s\",;]+@[^<>@\s,;()]+)\s*(?:\([^()]*\))?\s*$")


def sender_address(msg: Message) -> str | None:
    """The lowercased addr-spec of the From header's one mailbox (of Sender's when there is no From);
    None when it has none, several, or a group.

    The address is read from the header's structure, never from the text its encoded words decode to: a
    display name "=?utf-8?q?disdukcapil=40bulungankab=2Eexample?=" is a name, and one that decodes to a line
    break or a "<...>" leaves the address after it the sender's.
    """
    values = raw_header_values(msg, "from") or raw_header_values(msg, "sender")
    if not values:
        return None
    text = recover_bytes(values[0])
    if "=?" not in text and not any(c in text for c in '",:;'):
        # The common shapes, "Name <a@b>" and "a@b", without the full RFC 5322 parser.
        m = _ANGLE_ADDR_RE.search(text) or _BARE_ADDR_RE.match(text)
        if m:
            return m.group(1).lower()
    mailboxes = parse_mailboxes(text)  # a field too long to parse is refused before reading (header_chars)
    if not mailboxes or len(mailboxes) != 1 or "@" not in mailboxes[0]:
        return None
    return mailboxes[0].strip().lower()


def _message_ids(value: object) -> tuple[str, ...]:
    return tuple(clean_text(m) for m in _MSGID_RE.findall(str(value))) if value is not None else ()


def _date(value: object) -> datetime | None:
    if value is None:
        return None
    try:
        return parsedate_to_datetime(str(value))
    except Exception:  # noqa: BLE001 - a date that cannot be read is no date
        return None


# --- HTML -----------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p div br tr li ul ol h1 h2 h3 h4 h5 h6 table thead tbody tfoot pre hr address section article "
    "header footer center dl dt dd".split()
)
_SKIP_TAGS = frozenset(("script", "style", "head", "title", "xml"))
# Text struck through is taken back by its writer ("<s>2.000</s> 3.000 keping"): it is left out of the reading.
_STRUCK_TAGS = frozenset(("s", "del", "strike"))
_STRUCK_STYLE = "line-through"
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# An HTML body that strikes something through: read instead of its plain-text twin, which keeps the figure.
_STRUCK_RE = re.compile(r"<(?:s|del|strike)[\s>]|line-through", re.IGNORECASE)


def _struck(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element strikes its text through: <s>, <del>, <strike>, or a style of "line-through"."""
    if tag in _STRUCK_TAGS:
        return True
    style = next((v for k, v in attrs if k == "style"), None) or ""
    return _STRUCK_STYLE in style.lower()


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
        self.cell_span = (1, 1)  # the open cell's (colspan, rowspan)
        # Per open table, the cells spanning down into later rows: column -> (rows left, text).
        self.spans: list[dict[int, tuple[int, str]]] = []
        self.row_spans: list[tuple[str, int, int]] = []  # the open row's cells with their spans
        self.struck: list[str] = []  # the elements open inside one that strikes its text through, outermost first

    def _flush(self, blank: bool = False) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.lines.append(("> " * self.quote_depth) + text)
        elif blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID_TAGS and (self.struck or _struck(tag, attrs)):
            self.struck.append(tag)
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            return
        if tag == "blockquote":
            self._flush()
            self.quote_depth += 1
        elif tag == "table":
            self._flush(blank=True)
            self.spans.append({})
        elif tag == "tr":
            self._flush()
            self.row_cells = []
            self.row_spans = []
        elif tag in ("td", "th"):
            self.cell = []
            self.cell_span = (_span(attrs, "colspan"), _span(attrs, "rowspan"))
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
        if tag in self.struck:
            # closes the element opened last under that name (and any left unclosed inside it)
            del self.struck[len(self.struck) - 1 - self.struck[::-1].index(tag) :]
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "blockquote":
            self._flush()
            self.quote_depth = max(0, self.quote_depth - 1)
        elif tag in ("td", "th"):
            if self.cell is not None and self.row_cells is not None:
                text = " ".join("".join(self.cell).split())
                self.row_cells.append(text)
                self.row_spans.append((text, *self.cell_span))
            self.cell = None
        elif tag == "tr":
            if self.row_cells is not None:
                cells = self._laid_out() if self.spans else self.row_cells
                self.row_cells = None
                if any(cells):
                    self.current = [" | ".join(cells)]
                self._flush()
        elif tag == "table":
            if self.spans:
                self.spans.pop()
            if self.cell is None:
                self._flush(blank=True)
        elif tag in _BLOCK_TAGS:
            if self.cell is None:
                self._flush(blank=tag in ("p", "div", "table", "ul", "ol", "pre"))

    def _laid_out(self) -> list[str]:
        """The open row's cells on the table's grid: a cell spanning several columns ("Mutasi" over
        "Penerimaan | Pencetakan | Rusak") fills them, its text in the first; a cell spanning rows down
        ("Stok Awal" beside those three) stands again in each row it covers when it holds words, so that a
        header split over two rows becomes one whole header row (a spanning figure is not repeated)."""
        spans = self.spans[-1]
        if not any(c > 1 or r > 1 for _, c, r in self.row_spans) and not spans:
            return self.row_cells or []
        cells: list[str] = []
        col = 0

        def fill_from_above() -> None:
            nonlocal col
            while col in spans:
                left, text = spans[col]
                cells.append(text)
                if left <= 1:
                    del spans[col]
                else:
                    spans[col] = (left - 1, text)
                col += 1

        for text, colspan, rowspan in self.row_spans:
            fill_from_above()
            for k in range(colspan):
                cells.append(text if k == 0 else "")
                if rowspan > 1:
                    spans[col] = (rowspan - 1, "" if any(ch.isdigit() for ch in text) else text)
                col += 1
        fill_from_above()
        return cells

    def handle_data(self, data: str) -> None:
        if self.skip_depth or self.struck:
            return
        if self.cell is not None:
            self.cell.append(data)
        else:
            self.current.append(data)


_MAX_SPAN = 50  # a cell spans at most this many columns or rows (a larger figure is a mistake or a trap)


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    value = next((v for k, v in attrs if k == name), None)
    try:
        return max(1, min(_MAX_SPAN, int(str(value).strip()))) if value is not None else 1
    except ValueError:
        return 1


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


_SHEET_MEMBER_RE = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
# The tags a sheet's size is counted by, with or without a namespace prefix: <row ...>, <c ...>.
_SHEET_TAG_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^<>]*)")
_ROW_NUMBER_RE = re.compile(rb"\sr\s*=\s*[\"']?(\d{1,12})")


def check_spreadsheet(data: bytes, limits: ReadLimits) -> None:
    """Raise LimitExceeded for an .xlsx that would inflate past the spreadsheet limits.

    Every member of the zip is inflated in chunks and thrown away, its bytes counted (the zip's
    own size fields can lie), and the rows and cells of each sheet counted on the way. Nothing
    is kept, so this costs a few MB whatever the file. An .xlsx that is no zip at all is left to
    the spreadsheet reader to say so.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        return
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_spreadsheet_files:
            raise limit_exceeded("spreadsheet_files", f"spreadsheet has {figure(len(members))} files",
                                 limits.max_spreadsheet_files)
        declared = sum(m.file_size for m in members)
        if declared > limits.max_spreadsheet_bytes:
            raise limit_exceeded("spreadsheet_bytes", f"spreadsheet inflates to {figure(declared)} bytes",
                                 limits.max_spreadsheet_bytes)
        counter = _SheetCounter(limits)
        inflated = 0
        # a cell's text (in the shared strings or a sheet) is a run of bytes between two tags; a UTF-8
        # character is at most four bytes, so a longer run holds a line over the line limit
        longest_text = 4 * limits.max_line_chars
        for member in members:
            sheet = bool(_SHEET_MEMBER_RE.fullmatch(member.filename))
            text = 0  # bytes since the member's last "<"
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(1 << 16):
                        inflated += len(chunk)
                        if inflated > limits.max_spreadsheet_bytes:
                            raise limit_exceeded("spreadsheet_bytes", "spreadsheet inflates to more bytes",
                                                 limits.max_spreadsheet_bytes)
                        runs = chunk.split(b"<")
                        text += len(runs[0])
                        if max(text, *(len(r) for r in runs[1:-1]), 0) > longest_text:
                            raise limit_exceeded("line_chars", "a spreadsheet cell holds a longer text",
                                                 limits.max_line_chars)
                        if len(runs) > 1:
                            text = len(runs[-1])
                        if sheet:
                            counter.feed(chunk)
            except LimitExceeded:
                raise
            except Exception:  # noqa: BLE001 - a damaged member: the reader notes it unreadable
                return
            counter.end_sheet()


class _SheetCounter:
    """Counts the rows and cells of sheet XML fed to it in chunks, against the limits."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.rows = self.cells = self.row_cells = 0
        self.carry = b""

    def feed(self, chunk: bytes) -> None:
        data = self.carry + chunk
        cut = data.rfind(b"<")
        if cut == -1:
            self.carry = b""
            return
        # The last tag may go on in the next chunk: keep it (a tag is short; a huge one is counted as text).
        self.carry = data[cut:] if len(data) - cut < 4096 else b""
        for m in _SHEET_TAG_RE.finditer(data, 0, cut if self.carry else len(data)):
            if m.group(1) == b"row":
                self.rows += 1
                self.row_cells = 0
                number = _ROW_NUMBER_RE.search(m.group(2))
                highest = int(number.group(1)) if number else 0
                if max(self.rows, highest) > self.limits.max_spreadsheet_rows:
                    raise limit_exceeded("spreadsheet_rows", f"spreadsheet has row {figure(max(self.rows, highest))}",
                                         self.limits.max_spreadsheet_rows)
            else:
                self.cells += 1
                self.row_cells += 1
                if self.cells > self.limits.max_spreadsheet_cells:
                    raise limit_exceeded("spreadsheet_cells", "spreadsheet has more cells",
                                         self.limits.max_spreadsheet_cells)
                if self.row_cells > self.limits.max_spreadsheet_row_cells:
                    raise limit_exceeded("spreadsheet_cells", "a spreadsheet row has more cells",
                                         self.limits.max_spreadsheet_row_cells)

    def end_sheet(self) -> None:
        self.carry = b""
        self.row_cells = 0


def read_xlsx(data: bytes, limits: ReadLimits | None = None) -> tuple[Table, ...]:
    """Every sheet of an .xlsx file as rows of cell values (dates as date), read-only and bounded.

    openpyxl in read-only mode streams the rows of a sheet. (python-calamine, measured against
    it by bench/bench_spreadsheets.py, is faster on ordinary sheets, but builds each sheet whole
    as a dense grid: two cells a sheet apart make it allocate 512 GB and abort the process.)
    check_spreadsheet() runs first, so neither the shared strings openpyxl keeps nor the rows it
    streams can grow past the spreadsheet limits.
    """
    import openpyxl  # imported here: most mail has no spreadsheet, and openpyxl is slow to import

    check_spreadsheet(data, limits or ReadLimits())
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


def read_xls(data: bytes, limits: ReadLimits | None = None) -> tuple[Table, ...]:
    """Every sheet of an old Excel file (.xls, BIFF) as rows of cell values (dates as date), bounded.

    xlrd reads the workbook from its bytes (the attachment size limit bounds them; a file larger than
    the spreadsheet byte limit is refused first), one sheet at a time; a sheet with more rows or cells
    than the spreadsheet limits is refused before its rows are read.
    """
    import xlrd  # imported here: most mail has no spreadsheet

    limits = limits or ReadLimits()
    if len(data) > limits.max_spreadsheet_bytes:
        raise limit_exceeded("spreadsheet_bytes", f"spreadsheet is {figure(len(data))} bytes",
                             limits.max_spreadsheet_bytes)
    book = xlrd.open_workbook(file_contents=data, on_demand=True, formatting_info=False, logfile=io.StringIO())
    try:
        tables: list[Table] = []
        cells = 0
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.nrows > limits.max_spreadsheet_rows:
                raise limit_exceeded("spreadsheet_rows", f"spreadsheet has row {figure(sheet.nrows)}",
                                     limits.max_spreadsheet_rows)
            cells += sum(sheet.row_len(r) for r in range(sheet.nrows))
            if cells > limits.max_spreadsheet_cells:
                raise limit_exceeded("spreadsheet_cells", "spreadsheet has more cells", limits.max_spreadsheet_cells)
            rows: list[tuple[Cell, ...]] = []
            for r in range(min(sheet.nrows, _MAX_SHEET_ROWS)):
                width = min(sheet.row_len(r), _MAX_SHEET_COLS)
                row = tuple(_xls_cell(cell, book.datemode) for cell in sheet.row_slice(r, 0, width))
                if any(c not in (None, "") for c in row):
                    rows.append(row)
            if rows:
                tables.append(tuple(rows))
            book.unload_sheet(index)
        return tuple(tables)
    finally:
        book.release_resources()


def _xls_cell(cell: Any, datemode: int) -> Cell:
    """One .xls cell as the value a reader of the sheet sees: text, a whole number, a date, or None."""
    import xlrd

    if cell.ctype == xlrd.XL_CELL_TEXT:
        return str(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        value = float(cell.value)
        return int(value) if value.is_integer() else value
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            when: datetime = xlrd.xldate_as_datetime(cell.value, datemode)
            return when.date()
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return None
    return None


def _office_xml(data: bytes, member: str, limits: ReadLimits, what: str) -> bytes:
    """The XML *member* of an office document's zip (an .ods, a .docx), the zip bounded first (check_spreadsheet());
    a document type declaration, which no office document needs, is refused (ValueError naming *what*)."""
    check_spreadsheet(data, limits)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        content = archive.read(member)
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise ValueError(f"{what} with a document type declaration")
    return content


_ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODF_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ODF_TEXT_P = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
_ODF_NUMBER_TYPES = frozenset(("float", "percentage", "currency"))


def read_ods(data: bytes, limits: ReadLimits | None = None) -> tuple[Table, ...]:
    """Every sheet of an OpenDocument spreadsheet (.ods, as LibreOffice saves it) as rows of cell values, bounded.

    An .ods is a zip whose content.xml holds the sheets; the standard library reads it (check_spreadsheet()
    bounds the zip first; a document type declaration, which no spreadsheet needs, is refused). A cell or row
    repeated ("number-columns-repeated", which pads every row out to the sheet's last column) is spread only
    as far as the sheet limits, and empty rows are dropped, as for the other sheets.
    """
    import xml.etree.ElementTree as ElementTree  # imported here: most mail has no spreadsheet

    limits = limits or ReadLimits()
    content = _office_xml(data, "content.xml", limits, "an .ods content")
    tables: list[Table] = []
    rows: list[tuple[Cell, ...]] = []
    row: list[Cell] = []
    numbered: dict[int, tuple[Cell, ...]] = {}  # the sheet's rows by their number, as a formula names them
    cells = 0
    for _event, element in ElementTree.iterparse(BytesIO(content), events=("end",)):
        tag = element.tag
        if tag in (_ODF_TABLE + "table-cell", _ODF_TABLE + "covered-table-cell"):
            value = _ods_cell(element) if tag.endswith("}table-cell") else None
            formula = element.get(_ODF_TABLE + "formula")
            if value in (None, "") and formula:
                value = _ods_sum(formula, numbered, len(numbered) + 1, row)
            repeat = int(element.get(_ODF_TABLE + "number-columns-repeated") or 1)
            row.extend([value] * max(0, min(repeat, _MAX_SHEET_COLS - len(row))))
            element.clear()
        elif tag == _ODF_TABLE + "table-row":
            while row and row[-1] in (None, ""):
                row.pop()
            repeat = int(element.get(_ODF_TABLE + "number-rows-repeated") or 1)
            if len(numbered) < _MAX_SHEET_ROWS:
                for _ in range(max(0, min(repeat, _MAX_SHEET_ROWS - len(numbered)))):
                    numbered[len(numbered) + 1] = tuple(row)
            if row:
                for _ in range(max(0, min(repeat, _MAX_SHEET_ROWS - len(rows)))):
                    rows.append(tuple(row))
                    cells += len(row)
                if len(rows) > limits.max_spreadsheet_rows:
                    raise limit_exceeded("spreadsheet_rows", f"spreadsheet has row {figure(len(rows))}",
                                         limits.max_spreadsheet_rows)
                if cells > limits.max_spreadsheet_cells:
                    raise limit_exceeded("spreadsheet_cells", "spreadsheet has more cells",
                                         limits.max_spreadsheet_cells)
            row = []
            element.clear()
        elif tag == _ODF_TABLE + "table":
            if rows:
                tables.append(tuple(rows))
            rows = []
            numbered = {}
            element.clear()
    return tuple(tables)


_ODS_REF_RE = re.compile(r"\$?([A-Z]{1,2})\$?(\d{1,5})")
_ODS_SUM_RE = re.compile(
    r"(?:of:)?=\s*SUM\(\s*((?:\$?[A-Z]{1,2}\$?\d{1,5}(?::\$?[A-Z]{1,2}\$?\d{1,5})?\s*[;,]?\s*)+)\)\s*"
    r"|(?:of:)?=\s*(\$?[A-Z]{1,2}\$?\d{1,5}(?:\s*\+\s*\$?[A-Z]{1,2}\$?\d{1,5})+)\s*",
    re.IGNORECASE,
)


def _ods_sum(formula: str, numbered: dict[int, tuple[Cell, ...]], here: int, row: list[Cell]) -> Cell:
    """The value a clerk sees in a formula cell saved without its result ("of:=SUM([.B3:.B7])", "=B3+B4"): a
    simple sum of whole numbers read before it on its own sheet, or None when the formula is anything else or
    names a cell not yet read, empty, or not a whole number (a total that cannot be valued is not guessed)."""
    plain = formula.replace("[", "").replace("]", "").replace(".", "")
    shape = _ODS_SUM_RE.fullmatch(plain.strip())
    if shape is None:
        return None
    total = 0
    for part in re.split(r"[;,+]", shape.group(1) or shape.group(2)):
        ends = part.split(":")
        first, last = _ODS_REF_RE.fullmatch(ends[0].strip()), _ODS_REF_RE.fullmatch(ends[-1].strip())
        if first is None or last is None or len(ends) > 2:
            return None
        col1, row1 = _column_number(first.group(1)), int(first.group(2))
        col2, row2 = _column_number(last.group(1)), int(last.group(2))
        if row2 - row1 > _MAX_SHEET_ROWS or col2 - col1 > _MAX_SHEET_COLS or row1 > row2 or col1 > col2:
            return None
        for number in range(row1, row2 + 1):
            source = row if number == here else numbered.get(number)
            if source is None:
                return None
            for col in range(col1, col2 + 1):
                value = source[col - 1] if col - 1 < len(source) else None
                if isinstance(value, bool) or not isinstance(value, int):
                    return None
                total += value
    return total


def _column_number(letters: str) -> int:
    """A column's number from its letters: A is 1, Z 26, AA 27."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _ods_cell(element: Any) -> Cell:
    """One .ods cell as the value a reader of the sheet sees: a whole number, a date, its text, or None."""
    kind = element.get(_ODF_OFFICE + "value-type")
    if kind in _ODF_NUMBER_TYPES:
        try:
            value = float(element.get(_ODF_OFFICE + "value") or "")
        except ValueError:
            value = None
        if value is not None:
            return int(value) if value.is_integer() else value
    elif kind == "date":
        try:
            return date.fromisoformat((element.get(_ODF_OFFICE + "date-value") or "")[:10])
        except ValueError:
            pass
    text = "\n".join("".join(p.itertext()) for p in element.iter(_ODF_TEXT_P))
    return text or None


_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, limits: ReadLimits | None = None) -> str:
    """The text of a Word letter (.docx) as its writer laid it out: a line per paragraph, each table row a line of
    cells joined with " | " (as an HTML table's, see html_to_text), blank lines around a table.

    A .docx is a zip whose word/document.xml holds the body; the standard library reads it, bounded as a
    spreadsheet's zip is (check_spreadsheet(); a document type declaration, which no letter needs, is refused).
    A table has at most the sheet limits' rows and columns; the text's own limits apply to it with the body's.
    """
    import xml.etree.ElementTree as ElementTree  # imported here: most mail has no Word letter

    limits = limits or ReadLimits()
    content = _office_xml(data, "word/document.xml", limits, "a .docx document")
    body = ElementTree.fromstring(content).find(_WORD + "body")
    lines: list[str] = []
    for block in body if body is not None else ():
        if block.tag == _WORD + "p":
            lines.append(_docx_paragraph(block))
        elif block.tag == _WORD + "tbl":
            lines.append("")
            for row in block.findall(_WORD + "tr")[:_MAX_SHEET_ROWS]:
                cells: list[str] = []
                for cell in row.findall(_WORD + "tc")[:_MAX_SHEET_COLS]:
                    text = " ".join(_docx_paragraph(p) for p in cell.iter(_WORD + "p"))
                    # A cell merged across columns ("gridSpan") fills them, its text in the first.
                    span = cell.find(f"{_WORD}tcPr/{_WORD}gridSpan")
                    wide = span.get(_WORD + "val", "1") if span is not None else "1"
                    cells.extend([text] + [""] * (min(int(wide), _MAX_SPAN) - 1 if wide.isdigit() else 0))
                if any(cells):
                    lines.append(" | ".join(" ".join(c.split()) for c in cells))
            lines.append("")
        else:
            # A block around paragraphs (a content control, "w:sdt"): its paragraphs, in order.
            lines.extend(_docx_paragraph(p) for p in block.iter(_WORD + "p"))
    return "\n".join(lines)


def _docx_paragraph(paragraph: Any) -> str:
    """One Word paragraph's text: its runs' text, a tab as a tab, a line break as a new line."""
    out: list[str] = []
    for element in paragraph.iter():
        if element.tag == _WORD + "t" and element.text:
            out.append(element.text)
        elif element.tag == _WORD + "tab":
            out.append("\t")
        elif element.tag in (_WORD + "br", _WORD + "cr"):
            out.append("\n")
    return "".join(out)


def read_csv(text: str) -> tuple[Table, ...]:
    """A CSV attachment as one table (comma, semicolon or tab separated)."""
    import csv

    sample = text[:2000]
    delimiter = max((";", ",", "\t"), key=sample.count)
    lines = text.splitlines()[:_MAX_SHEET_ROWS]
    rows = tuple(tuple(c.strip() for c in row) for row in csv.reader(lines, delimiter=delimiter))
    return (tuple(r for r in rows if any(r)),)


# --- Messages -------------------------------------------------------------------------------


def without_byte_order_marks(raw: bytes) -> bytes:
    """*raw* less the UTF-8 byte order marks before its headers (a message saved, or saved again, by a text
    editor): what the reader and the sender guard both read.

    >>> without_byte_order_marks(b"\\xef\\xbb\\xbf\\xef\\xbb\\xbfFrom: a@b.example\\r\\n")
    b'From: a@b.example\\r\\n'
    """
    while raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw


def _binary(head: bytes) -> bool:
    """Whether the first bytes of a message are binary data (a program, an image), not mail: more than a few NUL
    bytes, or one among its header lines where a line is no header field. One stray NUL in a body or in a field's
    value (a client's or a gateway's slip) leaves a genuine mail readable: its headers parse, the NUL is dropped.

    >>> _binary(b"From: a@b.example\\r\\n\\r\\nmohon 500 keping\\r\\n\\x00")
    False
    >>> _binary(b"From: a@b.example\\r\\nSubject: Laporan\\x00 harian\\r\\n\\r\\nsisa 600\\r\\n")
    False
    >>> _binary(b"\\x7fELF\\x02\\x01\\x01\\x00\\x00")
    True
    """
    if b"\x00" not in head:  # (most mail: no NUL at all, one pass)
        return False
    if head.count(b"\x00") > 8:
        return True
    end = min((i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0), default=len(head))
    block = head[:end]
    if b"\x00" not in block:
        return False
    return not all(_HEADER_LINE_RE.match(line) or line[:1] in (b" ", b"\t")
                   for line in block.replace(b"\r", b"").split(b"\n") if line)


def parse_message(raw: bytes) -> Message:
    """Parse bytes into a message, or raise NotAnEmailError with a one-line reason.

    A UTF-8 byte order mark before the headers (a message saved by a text editor) is left aside."""
    raw = without_byte_order_marks(raw)
    if not raw or not raw.strip():
        raise NotAnEmailError("empty input, not an email")
    start = raw.lstrip(b"\r\n")
    if start.startswith(b"From "):  # mbox "From " line
        start = start.split(b"\n", 1)[1] if b"\n" in start else b""
    if _binary(start[:4096]):
        raise NotAnEmailError("binary data, not an email")
    if not _HEADER_LINE_RE.match(start):
        raise NotAnEmailError("no header block, not an email")
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    except RecursionError:
        raise LimitExceeded("max_mime_depth: MIME parts nested too deep to parse") from None
    except Exception as exc:  # noqa: BLE001 - the stdlib parser is lenient; what it still refuses is no email
        raise NotAnEmailError(f"cannot be parsed as an email ({type(exc).__name__})") from None
    if not any(msg.get(h) is not None for h in _IDENTIFYING_HEADERS):
        raise NotAnEmailError("no From, Date, Subject or Message-ID header, not an email")
    return msg


def _is_attachment(part: Message, fields: dict[str, Any] | None = None, ctype: str | None = None) -> bool:
    """ctype: part.get_content_type(), when at hand."""
    disposition = header_text(part, "content-disposition", fields).lower()
    return disposition.startswith("attachment") or bool(_filename(part, fields)) or (
        part.get_content_maintype() if ctype is None else ctype.split("/")[0]
    ) not in ("text", "multipart", "message")


def _payload_size(part: Message) -> int:
    payload = payload_of(part)
    if not isinstance(payload, str):
        return 0
    if header_text(part, "content-transfer-encoding").strip().lower() == "base64":
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


def _text_of(part: Message, fields: dict[str, Any] | None = None) -> str:
    if header_text(part, "content-transfer-encoding", fields).strip().lower() == "base64":
        payload = payload_of(part)
        if isinstance(payload, str):
            return _decoded(_lenient_base64(payload), part)
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - a broken transfer encoding must not stop the read
        data = None
    if data is None:
        payload = payload_of(part)
        return payload if isinstance(payload, str) else ""
    if not isinstance(data, bytes):
        return str(data)
    return _decoded(data, part)


def unflow(text: str, delsp: bool = False) -> str:
    """Plain text sent as format=flowed (RFC 3676) with its soft line breaks joined: a line ending in a space
    (not the signature line "-- ") goes on in the next line of the same quote depth ("... per 1 " /
    "Januari 2027 sebanyak 310 keping"). With delsp=yes the space belongs to the break and is dropped."""
    out: list[str] = []
    open_depth: int | None = None  # the quote depth of the line being continued, if any
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        depth = len(line) - len(line.lstrip(">"))
        if open_depth is not None and depth == open_depth:
            rest = line[depth:]
            out[-1] += rest[1:] if depth and rest.startswith(" ") else rest  # "> " stuffs one space
        else:
            out.append(line)
        content = out[-1][depth:]
        if content.endswith(" ") and content.strip() != "--":
            if delsp:
                out[-1] = out[-1][:-1]
            open_depth = depth
        else:
            open_depth = None
    return "\n".join(out)


# A body that is base64 from end to end: lines of the base64 alphabet only, the last one padded or not.
_UNDECLARED_BASE64_RE = re.compile(r"(?:[A-Za-z0-9+/]{20,}\n)*[A-Za-z0-9+/]{4,}={0,2}")
_UNDECLARED_BASE64_MIN = 40  # characters: a word or two of letters alone is text, never taken for base64


def _undeclared_base64(text: str) -> str:
    """The text of a body a client encoded in base64 but declared 7bit or 8bit (a phone's mailer: the
    whole body one block of base64 lines); the text itself for any other body. Only a block that decodes to
    UTF-8 text of printable characters and spaces is taken."""
    body = text.replace("\r", "").strip()
    if len(body) < _UNDECLARED_BASE64_MIN or " " in body or not _UNDECLARED_BASE64_RE.fullmatch(body):
        return text
    compact = body.replace("\n", "")
    if len(compact) % 4:
        return text
    try:
        decoded = binascii.a2b_base64(compact).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return text
    if " " not in decoded or not all(c.isprintable() or c in "\n\t\r" for c in decoded):
        return text
    return decoded


def _plain_text_of(part: Message, fields: dict[str, Any] | None = None) -> str:
    """A text/plain part's text, its flowed lines joined when it says format=flowed. fields: part's
    first_fields, when at hand."""
    text = _text_of(part, fields)
    if header_text(part, "content-transfer-encoding", fields).strip().lower() in ("", "7bit", "8bit"):
        text = _undeclared_base64(text)
    content_type = part.get("content-type", "") if fields is None else fields.get("content-type", "")
    if "flowed" in str(content_type).lower() and str(part.get_param("format", "")).lower() == "flowed":
        return unflow(text, str(part.get_param("delsp", "")).lower() == "yes")
    return text


class _Collector:
    """Walks the MIME tree once, gathering body text, tables and attachments."""

    def __init__(
        self, limits: ReadLimits, root: Message | None = None, root_fields: dict[str, Any] | None = None
    ) -> None:
        self.limits = limits
        self.root, self.root_fields = root, root_fields  # the message and its header fields, read once
        self.texts: list[str] = []
        self.tables: list[tuple[str, Table]] = []
        self.attachments: list[Attachment] = []
        self.notes: list[str] = []
        self.html_used = False
        self.parts = 0
        self.forwarded_senders: list[str] = []

    def walk(self, part: Message, depth: int = 0) -> None:
        self.parts += 1
        if self.parts > self.limits.max_mime_parts:
            raise limit_exceeded("mime_parts", "message has more MIME parts", self.limits.max_mime_parts)
        if depth + 1 > self.limits.max_mime_depth:
            raise limit_exceeded("mime_depth", f"MIME parts are nested {figure(depth + 1)} deep",
                                 self.limits.max_mime_depth)
        try:
            self._part(part, depth)
        except (LimitExceeded, RecursionError):
            raise
        except Exception as exc:  # noqa: BLE001 - one broken part is noted; the rest is still read
            self.notes.append(f"a MIME part could not be read ({type(exc).__name__})")

    def _part(self, part: Message, depth: int) -> None:
        fields = self.root_fields if part is self.root else None
        ctype = part.get_content_type()
        if part.is_multipart():
            children = payload_of(part)
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
            self.texts.append(_text_of(part, fields))
            return
        if _is_attachment(part, fields, ctype) and not (
            ctype in ("text/plain", "text/html") and not _filename(part, fields)
        ):
            self._attachment(part, ctype)
            return
        if ctype == "text/plain" or ctype == "text":
            self.texts.append(_plain_text_of(part, fields))
        elif ctype == "text/html":
            self.html_used = True
            self.texts.append(self._html_text(_text_of(part, fields)))
        elif ctype in ("text/csv",):
            self._attachment(part, ctype)

    def _html_text(self, html: str) -> str:
        if len(html) > self.limits.max_html_chars:
            raise limit_exceeded("html_chars", f"an HTML part is {figure(len(html))} characters",
                                 self.limits.max_html_chars)
        return html_to_text(html)

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
            plain_text = _plain_text_of(plain) if plain is not None else ""
            if not plain_text.strip() or "<table" in html_text.lower() or _STRUCK_RE.search(html_text):
                self.html_used = True
                self.texts.append(self._html_text(html_text))
                return
            self.texts.append(plain_text)
            return
        if plain is not None:
            self.texts.append(_plain_text_of(plain))
        elif other is not None:
            self.walk(other, depth + 1)

    def _attached_message(self, children: Sequence[object], depth: int) -> None:
        for child in children:
            if isinstance(child, Message):
                subject = decode_header_value(child.get("subject"))
                self.forwarded_senders.append(decode_header_value(child.get("from")))
                self.texts.append(f"---------- Forwarded message ---------\n\n{subject}\n")
                self.walk(child, depth + 1)

    def _attachment(self, part: Message, ctype: str) -> None:
        filename = decode_header_value(_filename(part))
        size = _payload_size(part)
        self.attachments.append(Attachment(filename=filename, content_type=ctype, size=size))
        most, biggest = self.limits.max_attachments, self.limits.max_attachment_bytes
        if most is not None and len(self.attachments) > most:
            raise limit_exceeded("attachments", f"message has {figure(len(self.attachments))} attachments", most)
        if biggest is not None and size > biggest:
            raise limit_exceeded("attachment_bytes", f"attachment {filename or ctype!r} is about {figure(size)} bytes",
                                 biggest)
        name = filename.lower()
        new_excel = ctype in _SPREADSHEET_TYPES or name.endswith((".xlsx", ".xlsm"))
        open_document = ctype == _ODS_TYPE or name.endswith(".ods")
        if new_excel or open_document or ctype in _OLD_EXCEL_TYPES or name.endswith(".xls"):
            data = part.get_payload(decode=True)
            if isinstance(data, bytes):
                try:
                    read_sheets = read_xlsx if new_excel else read_ods if open_document else read_xls
                    self.tables.extend((filename, t) for t in read_sheets(data, self.limits))
                except LimitExceeded:
                    raise
                except Exception as exc:  # noqa: BLE001 - an unreadable sheet is noted, not fatal
                    self.notes.append(f"spreadsheet {filename!r} could not be read: {type(exc).__name__}")
        elif ctype == "text/csv" or name.endswith(".csv"):
            data = part.get_payload(decode=True)
            if isinstance(data, bytes):
                self.tables.extend((filename, t) for t in read_csv(decode_bytes(data, _charset(part))))
        elif ctype == _DOCX_TYPE or name.endswith(".docx"):
            # A letter attached as a Word file ("terlampir surat kami"): its words are the writer's, read after
            # the body, its tables as an HTML letter's are.
            data = part.get_payload(decode=True)
            if isinstance(data, bytes):
                try:
                    self.texts.append(read_docx(data, self.limits))
                except LimitExceeded:
                    raise
                except Exception as exc:  # noqa: BLE001 - an unreadable letter is noted, not fatal
                    self.notes.append(f"letter {filename!r} could not be read: {type(exc).__name__}")
        elif (letter := _html_letter(part, ctype, name)) is not None:
            # A letter attached as a web page or as Word's HTML saved under ".doc" ("Surat Permohonan
            # Blangko.htm"): its words are the writer's, read after the body.
            self.html_used = True
            self.texts.append(self._html_text(letter))


_HTML_LETTER_SUFFIXES = (".htm", ".html", ".doc")
_HTML_LETTER_TYPES = frozenset(("text/html", "application/msword"))


def _html_letter(part: Message, ctype: str, name: str) -> str | None:
    """The HTML of an attached letter (a web page, or Word's HTML under ".doc"); None for any other file."""
    if ctype not in _HTML_LETTER_TYPES and not name.endswith(_HTML_LETTER_SUFFIXES):
        return None
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return None
    text = decode_bytes(data, _charset(part))
    return text if "<html" in text[:2000].lower() else None


def extract(raw: bytes, limits: ReadLimits | None = None) -> MailParts:
    """Parse and decode one message; raises NotAnEmailError or LimitExceeded."""
    msg = parse_message(raw)
    return extract_from(msg, limits)


def extract_from(msg: Message, limits: ReadLimits | None = None) -> MailParts:
    """Decode an already parsed message (any policy); raises LimitExceeded naming the limit gone over."""
    limits = limits or ReadLimits()
    headers = len(msg.keys())
    if headers > limits.max_headers:
        raise limit_exceeded("headers", f"message has {figure(headers)} header fields", limits.max_headers)
    fields = first_fields(msg)
    collector = _Collector(limits, msg, fields)
    try:
        collector.walk(msg)
    except RecursionError:
        raise LimitExceeded("max_mime_depth: MIME parts nested too deep to read") from None
    text = "\n\n".join(t for t in collector.texts if t and t.strip())
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    subject = decode_header_value(fields.get("subject"))
    # (No line of a text is longer than the text: most are not measured line by line.)
    longest = max(len(subject), _longest_line(text) if len(text) > limits.max_line_chars else len(text))
    if longest > limits.max_line_chars:
        raise limit_exceeded("line_chars", f"a line of text is {figure(longest)} characters", limits.max_line_chars)
    if len(text) > limits.max_text_chars:
        raise limit_exceeded("text_chars", f"the text is {figure(len(text))} characters", limits.max_text_chars)
    lines = text.count("\n") + 1
    if lines > limits.max_text_lines:
        raise limit_exceeded("text_lines", f"the text is {figure(lines)} lines", limits.max_text_lines)
    text, subject = no_long_digit_runs(text), no_long_digit_runs(subject)
    sender = sender_address(msg)
    return MailParts(
        message=msg,
        subject=subject,
        sender=clean_text(sender) if sender else sender,
        address=sender,
        message_id=(_message_ids(fields.get("message-id")) or (None,))[0],
        in_reply_to=(_message_ids(fields.get("in-reply-to")) or (None,))[0],
        references=_message_ids(fields.get("references")),
        date=_date(fields.get("date")),
        text=text,
        html_used=collector.html_used,
        tables=tuple(collector.tables),
        attachments=tuple(collector.attachments),
        notes=tuple(collector.notes),
        fields=fields,
        forwarded_senders=tuple(collector.forwarded_senders),
    )


# No quantity, NIK or phone number is this long (a NIK or family-card number has 16 digits); the
# reader's number patterns cost time growing with the square of a digit run's length.
MAX_DIGIT_RUN = 18
# (\d\d{n,} rather than \d{n+1,}: a pattern opening with one digit is skipped along by the regex engine.)
_LONG_DIGIT_RUN_RE = re.compile(rf"\d\d{{{MAX_DIGIT_RUN},}}")


def no_long_digit_runs(text: str) -> str:
    """*text* with each run of more than MAX_DIGIT_RUN digits replaced by as many "#": no quantity,
    and no longer a number the reader's patterns try to read (every index is kept).

    >>> no_long_digit_runs("mohon 2000 keping, ref 1234567890123456789012")
    'mohon 2000 keping, ref ######################'
    """
    if len(text) <= MAX_DIGIT_RUN:
        return text
    return _LONG_DIGIT_RUN_RE.sub(lambda m: "#" * len(m.group()), text)


def _longest_line(text: str) -> int:
    return max(map(len, text.split("\n")), default=0)
