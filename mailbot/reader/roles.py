"""Which number is which: requested, stock on hand, received, printed, recorded; with evidence and doubts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from mailbot.reader import vocabulary as vocab
from mailbot.reader.numbers import Mention, find_mentions, mask_non_quantities, quantity_in
from mailbot.reader.verdict import QUANTITY_FIELDS, Doubt, Evidence
from mailbot.reader.dates import cell_date

Role = Literal["requested", "stock_on_hand", "received", "printed", "recorded", "ignore"]

_ROLE_OF: dict[str, str] = {}
for _role, _phrases in vocab.ROLE_PHRASES.items():
    for _p in _phrases:
        _ROLE_OF.setdefault(_p, _role)
_NOT_ROLE = frozenset(vocab.NOT_ROLE_PHRASES)
_WEAK = frozenset(vocab.WEAK_REQUEST_PHRASES)
_RECEIPT_VERBS = frozenset(vocab.RECEIPT_VERBS)
_KEYWORD_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(p) for p in sorted(set(_ROLE_OF) | _NOT_ROLE, key=len, reverse=True))
    + r")(?![\w-])"
)
# Clause ends: a line break, a semicolon, or a full stop/!/? followed by a space (not "2.000").
_CLAUSE_END_RE = re.compile(r"\n|;|[.!?](?=\s)")
_CONTINUATION_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in vocab.CONTINUATION_WORDS) + r")\b")
# Only these roles are read from words after a number ("2.000 keping sudah kami terima",
# "3 keping rusak"); anything else after a number usually belongs to the next one.
_AFTER_ROLES = frozenset(("received", "ignore"))
_NEAR = 18  # a bare number ("2000", "77212") counts only this close after its role word
_SNIPPET = 110


@dataclass(frozen=True)
class Keyword:
    start: int
    end: int
    role: str
    weak: bool
    receipt_verb: bool


@dataclass(frozen=True)
class Candidate:
    """A number given a role, before conflicts between candidates are settled."""

    field: str
    value: int | None
    text: str
    strong: bool
    doubt: Literal["conflict", "unclear"] | None = None


@dataclass(frozen=True)
class Reading:
    """The settled numbers of one message."""

    values: dict[str, int]
    evidence: tuple[Evidence, ...]
    doubts: tuple[Doubt, ...]
    unassigned: tuple[str, ...]  # snippets of numbers that look like counts but have no role


def keywords(masked: str) -> list[Keyword]:
    """Role words in the text, in order; phrases that only look like role words are dropped."""
    out: list[Keyword] = []
    for m in _KEYWORD_RE.finditer(masked):
        word = m.group()
        if word in _NOT_ROLE:
            continue
        out.append(Keyword(m.start(), m.end(), _ROLE_OF[word], word in _WEAK, word in _RECEIPT_VERBS))
    return out


def _clauses(masked: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_END_RE.finditer(masked):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(masked)))
    return spans


def _snippet(original: str, start: int, end: int, lo: int, hi: int) -> str:
    """The words around a number, within its clause, as written."""
    left = max(lo, start - _SNIPPET // 2)
    right = min(hi, end + _SNIPPET // 2)
    text = " ".join(original[left:right].split())
    return text.strip(" ,:|-")


def _role_for(
    m: Mention, before: list[Keyword], after: list[Keyword], clause_has_receipt: bool
) -> tuple[str | None, bool, Keyword | None]:
    """(role, strong, keyword) for a mention from the role words before it, else after it."""
    chosen: Keyword | None = before[-1] if before else None
    pool = before
    if chosen is None and after:
        chosen = after[0]
        pool = after
    if chosen is None:
        return None, False, None
    role = chosen.role
    if role == "requested" and chosen.weak and clause_has_receipt:
        return "received", True, chosen
    strong = any(k.role == role and not k.weak for k in pool)
    if role != "requested":
        strong = True
    return role, strong, chosen


def read_text(original: str, low: str) -> tuple[list[Candidate], list[str]]:
    """Candidates from running text; original and low (normalised) must have equal length."""
    masked = mask_non_quantities(low)
    mentions = find_mentions(low, masked)
    kws = keywords(masked)
    candidates: list[Candidate] = []
    unassigned: list[str] = []
    if not mentions:
        return candidates, unassigned
    clauses = _clauses(masked)
    ci = 0
    for idx, m in enumerate(mentions):
        while ci < len(clauses) - 1 and clauses[ci][1] <= m.start:
            ci += 1
        c_start, c_end = clauses[ci]
        prev_end = c_start
        if idx > 0 and mentions[idx - 1].end > c_start:
            prev_end = mentions[idx - 1].end
        next_start = c_end
        if idx + 1 < len(mentions) and mentions[idx + 1].start < c_end:
            next_start = mentions[idx + 1].start
        comma = masked.find(",", m.end, next_start)
        after_limit = comma if comma != -1 else next_start
        before = [k for k in kws if k.start >= prev_end and k.end <= m.start]
        if not before and _CONTINUATION_RE.search(masked, prev_end, m.start):
            # "..., tepatnya 396", "... dan blangko KIA 500": the role carries over from the clause.
            before = [k for k in kws if k.start >= c_start and k.end <= m.start]
        after = [k for k in kws if k.start >= m.end and k.end <= after_limit and k.role in _AFTER_ROLES]
        clause_has_receipt = any(k.receipt_verb and c_start <= k.start < c_end for k in kws)
        role, strong, keyword = _role_for(m, before, after, clause_has_receipt)
        snippet = _snippet(original, m.start, m.end, c_start, c_end)
        if m.unit == "other" or m.rate:
            continue
        if (m.bare or (m.value is not None and m.value < 10 and not m.spelled)) and m.unit is None:
            # A bare year-like or long number, or a lone small digit, counts only right after its role word.
            if keyword is None or keyword.end > m.start or m.start - keyword.end > _NEAR:
                continue
        elif m.bare and m.unit != "blank":
            if keyword is None or keyword.end > m.start or m.start - keyword.end > _NEAR:
                continue
        if role is None or role == "ignore":
            if role is None and (m.unit == "blank" or (m.value is not None and m.value >= 10 and not m.spelled)):
                unassigned.append(snippet)
            continue
        if m.unit == "people" and role not in ("recorded", "printed"):
            continue
        if m.conflict:
            candidates.append(Candidate(role, None, snippet, strong, "conflict"))
        elif m.approximate or m.value is None:
            candidates.append(Candidate(role, None, snippet, strong, "unclear"))
        else:
            candidates.append(Candidate(role, m.value, snippet, strong))
    return candidates, unassigned


# --- Tables ---------------------------------------------------------------------------------

_COLUMN_ORDER = ("ignore", "date", "recorded", "printed", "received", "requested", "stock_on_hand")
_COLUMN_RES = {
    col: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(vocab.COLUMN_WORDS[col], key=len, reverse=True)) + r")(?!\w)")
    for col in _COLUMN_ORDER
}
_EXACT_IGNORE = frozenset(("no", "no.", "nama", "ket", "ket."))
_TOTAL_RE = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in vocab.TOTAL_ROW_WORDS) + r")\b")
_SPLIT_RE = re.compile(r"\s*\|\s*|\t+|\s{3,}")


def column_of(header: object) -> str | None:
    """The role of a table column from its header cell ("Sisa Blangko" -> "stock_on_hand")."""
    if not isinstance(header, str):
        return None
    text = " ".join(header.lower().split())
    if not text:
        return None
    if text in _EXACT_IGNORE:
        return "ignore"
    for col in _COLUMN_ORDER:
        if col == "ignore" and text in ("no", "no."):
            return "ignore"
        if _COLUMN_RES[col].search(text):
            return col
    return None


def _header_columns(row: tuple[object, ...]) -> dict[int, str] | None:
    cols = {i: c for i, cell in enumerate(row) if (c := column_of(cell)) is not None}
    quantities = [c for c in cols.values() if c in QUANTITY_FIELDS]
    if len(quantities) >= 2 or (quantities and "date" in cols.values()):
        return cols
    return None


def _cell_quantity(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, str):
        return quantity_in(value)
    return None


def read_table(rows: tuple[tuple[object, ...], ...], sent: datetime | None, source: str) -> tuple[list[Candidate], date | None] | None:
    """Candidates from a report table (header row, then dated rows); the latest dated row wins.

    None when rows hold no report table.
    """
    for h, row in enumerate(rows):
        cols = _header_columns(row)
        if cols is None:
            continue
        data = [
            r for r in rows[h + 1 :]
            if any(_cell_quantity(r[i]) is not None for i, c in cols.items() if c in QUANTITY_FIELDS and i < len(r))
            and not (r and isinstance(r[0], str) and _TOTAL_RE.match(r[0].lower()))
        ]
        if not data:
            continue
        date_col = next((i for i, c in cols.items() if c == "date"), None)
        chosen: tuple[object, ...] | None = None
        row_date: date | None = None
        if date_col is not None:
            dated = [(d, r) for r in data if date_col < len(r) and (d := cell_date(r[date_col], sent)) is not None]
            if dated:
                row_date, chosen = max(dated, key=lambda pair: pair[0])
        if chosen is None and len(data) == 1:
            chosen = data[0]
        candidates: list[Candidate] = []
        if chosen is None:
            for i, col in cols.items():
                if col in QUANTITY_FIELDS:
                    candidates.append(Candidate(col, None, f"{source}: {len(data)} rows without dates", True, "unclear"))
            return candidates, None
        label = f" ({row[date_col]} {chosen[date_col]})" if date_col is not None and date_col < len(chosen) else ""
        for i, col in cols.items():
            if col not in QUANTITY_FIELDS or i >= len(chosen):
                continue
            value = _cell_quantity(chosen[i])
            header = " ".join(str(row[i]).split())
            if value is None:
                if chosen[i] not in (None, "", "-"):
                    candidates.append(Candidate(col, None, f"{source}: {header}: {chosen[i]}{label}", True, "unclear"))
                continue
            candidates.append(Candidate(col, value, f"{source}: {header}: {chosen[i]}{label}", True))
        return candidates, row_date
    return None


def split_text_tables(text: str) -> tuple[str, list[tuple[tuple[str, ...], ...]]]:
    """Pull horizontal tables ("Tanggal | Perekaman | ..." then rows) out of text; the rest stays.

    Removed lines become empty so the text keeps its shape.
    """
    if "|" not in text and "\t" not in text and "   " not in text:
        return text, []
    lines = text.split("\n")
    tables: list[tuple[tuple[str, ...], ...]] = []
    i = 0
    while i < len(lines):
        line = lines[i].lstrip("> ")
        cells = tuple(c for c in _SPLIT_RE.split(line.strip()) if c != "")
        if len(cells) >= 3 and _header_columns(cells) is not None:
            rows = [cells]
            j = i + 1
            end = j
            while j < len(lines):
                if not lines[j].strip():
                    j += 1
                    continue
                row = tuple(c for c in _SPLIT_RE.split(lines[j].lstrip("> ").strip()) if c != "")
                if len(row) < 2 or abs(len(row) - len(cells)) > 1:
                    break
                rows.append(row)
                j += 1
                end = j
            j = end
            if len(rows) > 1:
                tables.append(tuple(rows))
                for k in range(i, j):
                    lines[k] = ""
                i = j
                continue
        i += 1
    return "\n".join(lines), tables


# --- Settling --------------------------------------------------------------------------------


def settle(candidates: list[Candidate], unassigned: list[str]) -> Reading:
    """One value per field, or none with a doubt when candidates disagree or are unclear."""
    values: dict[str, int] = {}
    evidence: list[Evidence] = []
    doubts: list[Doubt] = []
    for field in QUANTITY_FIELDS:
        mine = [c for c in candidates if c.field == field]
        if not mine:
            continue
        if any(c.strong for c in mine):
            mine = [c for c in mine if c.strong]
        exact = [c for c in mine if c.doubt is None]
        distinct = sorted({c.value for c in exact if c.value is not None})
        conflicts = [c for c in mine if c.doubt == "conflict"]
        unclear = [c for c in mine if c.doubt == "unclear"]
        if conflicts:
            doubts.append(Doubt(field, "conflict", conflicts[0].text))
        elif len(distinct) > 1:
            doubts.append(Doubt(field, "conflict", " / ".join(dict.fromkeys(c.text for c in exact))))
        elif len(distinct) == 1:
            # An exact figure beside a bound for the same role ("di bawah 1.000, tinggal 750"):
            # the exact figure is what was meant.
            value = distinct[0]
            values[field] = value
            first = next(c for c in exact if c.value == value)
            evidence.append(Evidence(field, value, first.text))
        elif unclear:
            doubts.append(Doubt(field, "unclear", unclear[0].text))
    return Reading(values, tuple(evidence), tuple(doubts), tuple(unassigned))
