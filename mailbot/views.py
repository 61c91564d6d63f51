"""Rows for the operator's terminal tables: requests, stock status, outbox, quarantine."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from mailbot.desk import Desk
from mailbot.indonesian import decimal, number, zoned
from mailbot.outcomes import STATE_WORDS
from mailbot.stock.explain import no_proposal, reason_codes
from mailbot.stock.status import DistrictStatus, with_stated
from mailbot.store import stock as ledger
from mailbot.store.repo import OPEN_STATES
from mailbot.store.schema import Decision, Message, OutboxMessage, Request
from mailbot.tables import cut, print_table

if TYPE_CHECKING:
    from mailbot import stated

STATE_STYLE = {"ok": "green", "low": "yellow", "critical": "bold red"}


REQUEST_COLUMNS = ("reference", "district", "item", "requested", "proposed", "approved", "state", "origin",
                   "received", "sender")
SHIPPED_STATES = ("approved", "dispatched", "received")


def request_rows(desk: Desk, *, limit: int, open_only: bool) -> list[tuple[str, ...]]:
    """The requests table: the policy's proposal and the approval apart, and where each request came from."""
    with desk.sessions() as session:
        query = select(Request).order_by(Request.id.desc()).limit(limit)
        if open_only:
            query = query.where(Request.state.in_(OPEN_STATES))
        requests = list(session.scalars(query))
        policy = {pk: (quantity, reasons) for pk, quantity, reasons in session.execute(
            select(Decision.request_pk, Decision.quantity, Decision.reasons)
            .where(Decision.request_pk.in_([r.id for r in requests]), Decision.actor == "policy",
                   Decision.quantity.is_not(None))
            .order_by(Decision.id)).tuples().all()}

        def proposal(r: Request) -> str:
            # a proposal of 0 offers nothing: said so, with why, never as "0"
            quantity, reasons = policy.get(r.id, (r.approved if r.proactive or r.state in ("held", "clarifying")
                                                  else None, []))
            return no_proposal(reason_codes(reasons), english=True) if quantity == 0 else _n(quantity)

        # a request whose From passed no sender check still shows the address its mail was read from
        read_from = {pk: sender for pk, sender in session.execute(
            select(Message.id, Message.sender).where(Message.id.in_(
                [r.message_pk for r in requests if r.sender is None and r.message_pk is not None])))}
        return [
            (r.reference, f"{r.district} {desk.district_name(r.district)}" if r.district else "? (unknown sender)",
             r.item or "-", _n(r.requested), proposal(r),
             _n(r.approved) if r.state in SHIPPED_STATES else "-",
             STATE_WORDS.get(r.state, r.state),
             "stock alert" if r.proactive else "email",
             zoned(r.created_at, desk.tz), r.sender or read_from.get(r.message_pk or 0) or "-")
            for r in requests
        ]


STATUS_COLUMNS = ("district", "on hand", "in transit", "approved", "threshold", "daily use", "days of cover",
                  "trend", "last report", "state")
# Above this many rows the table is printed as plain aligned lines: measuring a rich table of a
# national deployment (1,000+ rows) costs more than computing the whole status.
RICH_ROWS = 100


def print_status(desk: Desk, console: Console, *, items: Sequence[str]) -> None:
    from mailbot import stated

    with desk.sessions() as session:
        said = stated.latest(session)
        # each district's row at the stock it stated last, when that differs from the ledger's (marked "stated")
        status = with_stated(ledger.stock_status(session, desk, items=items),
                             {key: (s.quantity, s.at.astimezone(desk.tz).date()) for key, s in said.items()},
                             desk.config.stock.critical_cover_days)
    for item in items:
        rows = [_status_cells(row) for row in status.rows(item)]
        title = f"Stock of {item} on {status.today.isoformat()}"
        store = status.province[item]
        runway = status.runways[item]
        reserve = desk.config.stock.reserve.get(item, 0)
        free = store.on_hand - store.committed
        # the store promised into its reserve (an approval by hand with --force): said, never left to arithmetic
        below = (f", BELOW THE RESERVE: {number(max(0, free))} free, {number(reserve - max(0, free))} under the "
                 f"{number(reserve)} reserve" if free < reserve else "")
        caption = (
            f"province store: {number(store.on_hand)} on hand, {number(store.committed)} committed{below}; runway "
            + (f"{decimal(runway.months)} months (runs out {runway.runs_out_on})" if runway.months is not None
               else "n/a")
            + ("  BELOW HORIZON" if runway.below_horizon else "")
            + "   (* daily use assumed: no reports yet; \"stated\": the stock the district stated last, not booked)"
        )
        if len(rows) > RICH_ROWS:
            _print_plain(console, title, rows, caption)
        else:
            _print_rich(console, title, rows, caption)
        _print_stated(desk, console, item, [s for (_, i), s in sorted(said.items()) if i == item])


def _print_rich(console: Console, title: str, rows: list[tuple[str, ...]], caption: str) -> None:
    table = Table(title=title, caption=caption)
    for col in STATUS_COLUMNS:
        table.add_column(col, justify="right" if col not in ("district", "trend", "state") else "left")
    for cells in rows:
        style = STATE_STYLE.get(cells[-1], "")
        table.add_row(*cells[:-1], f"[{style}]{cells[-1]}[/{style}]")
    print_table(console, table)


def _print_stated(desk: Desk, console: Console, item: str, rows: Sequence[stated.Stated]) -> None:
    """The latest stock each district stated (report, request, receipt), beside the ledger's on hand."""
    from mailbot.stated import SOURCE_WORDS

    if not rows:
        return
    table = Table(title=f"Stock of {item} as the districts state it")
    for col in ("district", "stated", "on", "source", "ledger expects"):
        table.add_column(col, justify="right" if col in ("stated", "ledger expects") else "left")
    for r in rows:
        table.add_row(f"{r.district} {desk.district_name(r.district)}", number(r.quantity),
                      r.at.astimezone(desk.tz).date().isoformat(), SOURCE_WORDS.get(r.source, r.source),
                      number(r.expected) if r.differs else "same")
    print_table(console, table)


def _status_cells(row: DistrictStatus) -> tuple[str, ...]:
    return (
        f"{row.district} {row.name}",
        number(row.on_hand) + (f" stated {row.stated_on.isoformat()}, ledger {number(row.ledger_on_hand)}"
                               if row.stated_on is not None and row.ledger_on_hand is not None else ""),
        number(row.in_transit), number(row.approved_pending),
        number(row.threshold), number(round(row.daily_use)) + ("*" if row.use_basis == "fallback" else ""),
        "-" if row.cover_days is None else number(round(row.cover_days)), row.trend,
        row.last_report.isoformat() if row.last_report else "-", row.state,
    )


def _print_plain(console: Console, title: str, rows: list[tuple[str, ...]], caption: str) -> None:
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(STATUS_COLUMNS)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i in (0, 7, 9) else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    text = "\n".join([title, line(STATUS_COLUMNS), *(line(r) for r in rows), caption])
    console.out(text, highlight=False)


def outbox_rows(desk: Desk, limit: int, *, whole: bool = False, ellipsis: str = "…") -> list[tuple[str, ...]]:
    """The outbox's newest *limit* mails; subjects and errors cut to fit a terminal (ending with *ellipsis*),
    or *whole* (into a file or a pipe)."""
    def fit(text: str) -> str:
        return text if whole else cut(text, 60, ellipsis)

    with desk.sessions() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit))
        return [(str(r.id), r.category, ", ".join(r.recipients), fit(r.subject), r.status, _when(desk, r),
                 str(r.attempts), fit(r.last_error or "")) for r in rows]


def _when(desk: Desk, r: OutboxMessage) -> str:
    """When a mail went, or when its next try is due (after an outage the operator sees when it goes again); of a
    failed one, when it was given up (its last try); of a suppressed one, when it was queued."""
    if r.sent_at is not None:
        return f"sent {zoned(r.sent_at, desk.tz)}"
    if r.status == "queued":
        return f"next try {zoned(r.next_attempt_at, desk.tz)}"
    if r.status == "failed":
        return f"given up {zoned(r.next_attempt_at, desk.tz)}"
    return f"queued {zoned(r.created_at, desk.tz)}"


def quarantine_rows(desk: Desk, limit: int, *, whole: bool = False, ellipsis: str = "…") -> list[tuple[str, ...]]:
    """The newest *limit* quarantined messages; subjects and errors cut to fit a terminal (ending with
    *ellipsis*), or *whole* (into a file or a pipe), as the outbox's."""
    def fit(text: str, most: int) -> str:
        return text if whole else cut(text, most, ellipsis)

    with desk.sessions() as session:
        rows = session.scalars(select(Message).where(Message.status == "quarantined")
                               .order_by(Message.id.desc()).limit(limit))
        return [(str(m.id), zoned(m.received_at, desk.tz), m.sender or "-", fit(m.subject or "", 50),
                 fit(error_words(m.error or ""), 80)) for m in rows]


# A limit's error as the reader and the intake guards record it: "max_attachments: message has 12 attachments, over
# the limit of 10" (the setting or the fixed limit's name first).
_LIMIT_ERROR_RE = re.compile(r"^(?P<name>[a-z_]+): (?P<what>.*, over the limit of .*)$", re.DOTALL)


def error_words(error: str) -> str:
    """A quarantined message's error in plain words for the operator: a limit's what and figures first, the
    [guards] setting that sets it after them (a fixed limit's name, no setting, left out).

    >>> error_words("max_attachments: message has 12 attachments, over the limit of 10")
    'message has 12 attachments, over the limit of 10 (setting [guards] max_attachments)'
    >>> error_words("line_chars: a line of text is 40.002 characters, over the limit of 20.000")
    'a line of text is 40.002 characters, over the limit of 20.000'
    >>> error_words("binary data, not an email")
    'binary data, not an email'
    """
    from mailbot.reader.mime import SETTINGS

    m = _LIMIT_ERROR_RE.match(error)
    if m is None:
        return error
    return f"{m['what']} (setting [guards] {m['name']})" if m["name"] in SETTINGS.values() else m["what"]


def _n(value: int | None) -> str:
    return "-" if value is None else number(value)
