"""Dates written in district mail ("17/12", "17/12/2025", "17 Desember 2025") and the report date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from mailbot.reader import vocabulary as vocab

_MONTHS = "|".join(sorted(vocab.MONTHS, key=len, reverse=True))
_DATE_RE = re.compile(
    r"(?<![\d/.\-])(?:"
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    # one separator throughout: "1-4/12" is a span of days in December, not the 1st of April '12
    r"|(?P<d>\d{1,2})\s*(?P<sep>[/\-.])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}|\d{2}))?"
    rf"|(?P<nd>\d{{1,2}})\s*(?P<nm>{_MONTHS})\b\.?(?:\s*'?(?P<ny>\d{{4}}|\d{{2}}))?"
    r")(?![\d/])"
)
_REPORT_CUE_RE = re.compile(
    r"\b(?:laporan|lap\.?|rekap\w*|tanggal|tgl\.?|per|posisi|hari ini|update|kondisi|data)\b[^\n\d]{0,40}$"
)
# A year-less date more than this far after the message date belongs to the previous year.
_FUTURE_SLACK = timedelta(days=31)


def _build(day: int, month: int, year: int | None, sent: datetime | None) -> date | None:
    if year is None:
        if sent is None:
            return None
        year = sent.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate - sent.date() > _FUTURE_SLACK:
            candidate = date(year - 1, month, day)
        return candidate
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, sent: datetime | None = None) -> date | None:
    """The first date in text; a year-less date takes its year from sent (the Date header)."""
    m = _DATE_RE.search(text.lower())
    return _from_match(m, sent) if m else None


def _from_match(m: re.Match[str], sent: datetime | None) -> date | None:
    if m.group("iy"):
        return _build(int(m.group("id")), int(m.group("im")), int(m.group("iy")), sent)
    if m.group("d"):
        year = int(m.group("y")) if m.group("y") else None
        if m.group("y") is None and "." in m.group(0):
            return None  # "09.30" is a time, not a date
        return _build(int(m.group("d")), int(m.group("m")), year, sent)
    year = int(m.group("ny")) if m.group("ny") else None
    return _build(int(m.group("nd")), vocab.MONTHS[m.group("nm")], year, sent)


_DAYS = "|".join(sorted(vocab.DAY_NAMES, key=len, reverse=True))
# A line that opens with a span of days in one month, a week's name before it or not: "mg 6-10/3", "- 13-17/3 :".
_WEEK_SPAN_RE = re.compile(
    rf"[ \t>*\u2022-]*(?:(?:{'|'.join(sorted(vocab.WEEK_WORDS, key=len, reverse=True))})\.?[ \t]*(?:ke[ \t-]*)?"
    r"(?:\d[ \t]*)?\(?[ \t]*)?"
    r"(?<![\d/.\-])\d{1,2}[ \t]*[-\u2013][ \t]*(?P<last>\d{1,2})[ \t]*/[ \t]*(?P<m>\d{1,2})(?![\d/])"
)
_LINE_LEAD_RE = re.compile(rf"[ \t>*\u2022-]*(?:(?:hari\s+)?(?:{_DAYS})\b[,.]?\s*)?(?:(?:tgl|tanggal)\.?\s*:?\s*)?")


def line_date(low: str, pos: int, sent: datetime | None) -> date | None:
    """The date that opens the line holding pos ("- Jumat 13/3 : rekam 98, ..."), if any.

    Without a message date, a year-less date takes the year 2000 so that lines still order.
    """
    start = low.rfind("\n", 0, pos) + 1
    lead = _LINE_LEAD_RE.match(low, start)
    at = lead.end() if lead else start
    m = _DATE_RE.match(low, at)
    if not m and (span := _WEEK_SPAN_RE.match(low, start)) is not None and span.start("last") < pos:
        # "mg 13-17/3 rek 9 cet 9 sisa 75": a line for a week's days is dated by its last day.
        return _build(int(span.group("last")), int(span.group("m")), None, sent or datetime(2000, 12, 31))
    if not m or m.start() >= pos:
        return None
    found = _from_match(m, sent)
    if found is None and sent is None:
        found = _from_match(m, datetime(2000, 12, 31))
    return found


def cell_date(value: object, sent: datetime | None) -> date | None:
    """A table cell as a date: a spreadsheet date, or text such as "17/12/2025"."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value, sent)
    return None


def report_date(low: str, sent: datetime | None) -> date | None:
    """The date a report is for: a date right after "laporan", "tanggal", "per"...; else the first date."""
    first: date | None = None
    for m in _DATE_RE.finditer(low):
        found = _from_match(m, sent)
        if found is None:
            continue
        if _REPORT_CUE_RE.search(low[max(0, m.start() - 60) : m.start()]):
            return found
        if first is None:
            first = found
    return first


# Month names written out ("Oktober", "Nov" is too short to be sure of, "may" is an English verb).
_MONTH_NAMES = tuple(name for name in vocab.MONTHS if len(name) >= 4 or name == "mei")
_MONTH_WORD_RE = re.compile(r"(?<![\w-])(" + vocab.alternation(_MONTH_NAMES) + r")(?![\w-])(?!\s*\d{1,2}\b(?!\d))")
_DAY_BEFORE_RE = re.compile(r"\d{1,2}\s*$")


def line_month(low: str, pos: int, sent: datetime | None) -> tuple[int, int] | None:
    """(year, month) of the one month named, without a day, on the line before pos ("Stok akhir bulan
    Oktober 2026 : 2.360"), the year taken as the latest not after the message date; None when the line
    names no month, a dated day ("30 November"), or several months."""
    start = low.rfind("\n", 0, pos) + 1
    end = low.find("\n", pos)
    end = len(low) if end == -1 else end
    found = _months(low, start, pos)
    if not found and not _MONTH_WORD_RE.search(low, start, end):
        # "Sedangkan bulan Desember 2026 s.d. tanggal 04/12/2026:" / "- perekaman : 412": a list under a
        # lead line ending with a colon is said of the month the lead names.
        lead_end = start - 1
        while lead_end > 0 and not low[low.rfind("\n", 0, lead_end) + 1 : lead_end].strip() == "" and (
            _LIST_LINE_RE.match(low, low.rfind("\n", 0, lead_end) + 1)
        ):
            lead_end = low.rfind("\n", 0, lead_end)
        lead_start = low.rfind("\n", 0, max(lead_end, 0)) + 1
        if lead_end > 0 and low[lead_start:lead_end].rstrip().endswith(":") and _LIST_LINE_RE.match(low, start):
            found = _months(low, lead_start, lead_end)
    elif _MONTH_WORD_RE.search(low, pos, end):
        return None
    if len(found) != 1 or _FORECAST_RE.search(low, start, pos):
        # "Proyeksi stok akhir Desember: 500": a forecast is no month's figure.
        return None
    month = vocab.MONTHS[found[0].group(1)]
    year = sent.year if sent is not None else 2000
    if sent is not None and month > sent.month:
        year -= 1
    if (
        sent is not None and (year, month) == (sent.year, sent.month) and sent.day < _MONTH_END_DAYS
        and _MONTH_END_RE.search(low, start, pos)
    ):
        # "Stok akhir Desember" written on 5 December: the month is far from its end, the figure is a
        # forecast. (In a month's last week its closing stock is what offices report.)
        return None
    return year, month


_LIST_LINE_RE = re.compile(r"[ \t>]*(?:[-*\u2022]|\d{1,2}[.)])[ \t]")


def _months(low: str, start: int, end: int) -> list[re.Match[str]]:
    """The month names between start and end not preceded by a day ("30 November" is a date)."""
    return [m for m in _MONTH_WORD_RE.finditer(low, start, end) if not _DAY_BEFORE_RE.search(low, start, m.start())]


_FORECAST_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.FORECAST_WORDS) + r")(?![\w-])")
_MONTH_END_DAYS = 24  # from this day of a month on, "stok akhir <this month>" is the month's closing stock
_MONTH_END_RE = re.compile(r"(?<![\w-])(?:akhir|end of|end-of|closing)(?![\w-])")


def names_a_month(low: str) -> bool:
    """Whether the text names a month in words anywhere (so that its lines may be month lines)."""
    return _MONTH_WORD_RE.search(low) is not None
