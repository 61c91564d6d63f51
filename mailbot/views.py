"""Rows for the operator's terminal tables: requests, stock status, outbox, quarantine."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from mailbot.app import Desk
from mailbot.indonesian import number
from mailbot.store import stock as ledger
from mailbot.store.repo import OPEN_STATES
from mailbot.store.schema import Message, OutboxMessage, Request

STATE_STYLE = {"ok": "green", "low": "yellow", "critical": "bold red"}


def request_rows(desk: Desk, *, limit: int, open_only: bool) -> list[tuple[str, ...]]:
    with desk.sessions() as session:
        query = select(Request).order_by(Request.id.desc()).limit(limit)
        if open_only:
            query = query.where(Request.state.in_(OPEN_STATES))
        return [
            (r.reference, r.district or "?", r.item or "-", _n(r.requested), _n(r.approved), r.state,
             r.created_at.astimezone(desk.tz).strftime("%Y-%m-%d %H:%M"), r.sender or "-")
            for r in session.scalars(query)
        ]


def print_status(desk: Desk, console: Console, *, items: Sequence[str]) -> None:
    with desk.sessions() as session:
        status = ledger.stock_status(session, desk, items=items)
    for item in items:
        table = Table(title=f"Stock of {item} on {status.today.isoformat()}")
        for col in ("district", "on hand", "in transit", "approved", "threshold", "daily use", "days of cover",
                    "trend", "last report", "state"):
            table.add_column(col, justify="right" if col not in ("district", "trend", "state") else "left")
        for row in status.rows(item):
            style = STATE_STYLE.get(row.state, "")
            table.add_row(
                f"{row.district} {row.name}", number(row.on_hand), number(row.in_transit),
                number(row.approved_pending), number(row.threshold),
                f"{row.daily_use:.0f}" + ("*" if row.use_basis == "fallback" else ""),
                "-" if row.cover_days is None else f"{row.cover_days:.0f}", row.trend,
                row.last_report.isoformat() if row.last_report else "-", f"[{style}]{row.state}[/{style}]",
            )
        store = status.province[item]
        runway = status.runways[item]
        table.caption = (
            f"province store: {number(store.on_hand)} on hand, {number(store.committed)} committed; runway "
            + (f"{runway.months:.1f} months (runs out {runway.runs_out_on})" if runway.months is not None else "n/a")
            + ("  [bold red]below horizon[/bold red]" if runway.below_horizon else "")
            + "   (* daily use assumed: no reports yet)"
        )
        console.print(table)


def outbox_rows(desk: Desk, limit: int) -> list[tuple[str, ...]]:
    with desk.sessions() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit))
        return [(str(r.id), r.category, ", ".join(r.recipients), r.subject[:60], r.status, str(r.attempts),
                 (r.last_error or "")[:60]) for r in rows]


def quarantine_rows(desk: Desk, limit: int) -> list[tuple[str, ...]]:
    with desk.sessions() as session:
        rows = session.scalars(select(Message).where(Message.status == "quarantined")
                               .order_by(Message.id.desc()).limit(limit))
        return [(str(m.id), m.received_at.astimezone(desk.tz).strftime("%Y-%m-%d %H:%M"), m.sender or "-", m.subject[:50],
                 (m.error or "")[:80]) for m in rows]


def _n(value: int | None) -> str:
    return "-" if value is None else number(value)
