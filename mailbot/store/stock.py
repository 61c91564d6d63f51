"""The ledger in the database: each movement (mailbot.stock.ledger.Entry) is stored as its postings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot.config import ITEMS, PROVINCE
from mailbot.errors import InvalidAction
from mailbot.indonesian import number
from mailbot.stock.forecast import DailyReport, DistrictStock, provincial_runway
from mailbot.stock.ledger import Balance, Entry, EntryKind, postings, problems
from mailbot.stock.ledger import confirm_receipt as ledger_confirm_receipt
from mailbot.stock.ledger import observe as ledger_observe
from mailbot.stock.status import DistrictStatus, StockStatus, district_status, profiles_from_config
from mailbot.store import repo
from mailbot.store.schema import LedgerEntry, Report, Request

if TYPE_CHECKING:
    from mailbot.desk import Desk

# What each of ledger.problems' codes means to the operator.
PROBLEM_WORDS = {
    "province_short": "the province store would go below zero",
    "district_short": "the district's stock would go below zero",
    "nothing_in_transit": "there is not that much in transit",
    "nothing_committed": "there is not that much promised",
    "province_overcommitted": "the province would promise more than its store holds",
}


def book(session: Session, entry: Entry, *, actor: str, request_pk: int | None = None) -> bool:
    """Store *entry* as its postings, unless the same (source, kind) was booked already. True if booked.

    An entry that would drive a balance below zero (or commit more than the store holds) is refused
    with InvalidAction: the ledger never shows stock that is not there.
    """
    if entry.kind is not EntryKind.OPENING:
        current = {(p.item, p.location): repo.balance(session, p.item, p.location) for p in postings(entry)}
        if (entry.item, PROVINCE) not in current:
            current[(entry.item, PROVINCE)] = repo.balance(session, entry.item, PROVINCE)
        found = problems(current, entry)
        if found:
            here = current.get((entry.item, entry.location), Balance())
            raise InvalidAction(
                f"refused: {'; '.join(PROBLEM_WORDS.get(code, code) for code in found)} "
                f"({entry.location} has {number(here.on_hand)} {entry.item} on hand, {number(here.in_transit)} "
                f"in transit, {number(here.committed)} committed; the movement was {number(entry.quantity)})")
    booked = False
    for p in postings(entry):
        booked |= repo.post(session, LedgerEntry(
            item=p.item, location=p.location, kind=str(entry.kind), on_hand=p.on_hand, in_transit=p.in_transit,
            committed=p.committed, at=entry.at, source=entry.source, request_pk=request_pk, actor=actor,
            note=entry.note or None,
        ))
    return booked


def ensure_opening_balances(desk: Desk) -> None:
    """Book the opening balances from config once; later runs find them and add nothing."""
    config = desk.config
    now = desk.now()
    with desk.sessions.begin() as session:
        booked = repo.opening_booked(session)
        for item in ITEMS:
            locations = [(PROVINCE, config.stock.opening_province.get(item, 0))]
            locations += [(d.code, d.opening_stock.get(item, 0)) for d in config.districts]
            for location, quantity in locations:
                if (item, location) in booked:
                    continue
                book(session, Entry(item, location, quantity, EntryKind.OPENING, now, "config:opening",
                                    "saldo awal dari konfigurasi"), actor="config")


def observe(session: Session, *, district: str, item: str, observed: int, at: datetime, source: str,
            actor: str) -> int:
    """Bring the district's on-hand to what its report says; returns the change (negative = cards used).

    See mailbot.stock.ledger.observe: a drop is consumption, a rise is an implied receipt of what is
    in transit, and anything still unexplained an adjustment with its reason.
    """
    current = repo.balance(session, item, district)
    for entry in ledger_observe(current, item, district, observed, at, source):
        book(session, entry, actor=actor)
    return observed - current.on_hand


def receive(session: Session, *, district: str, item: str, shipped: int, received: int, at: datetime,
            source: str, actor: str, request_pk: int | None, reference: str) -> None:
    """A receipt confirmation: the shipment moves from in transit to on hand; a shortfall is booked with its reason."""
    current = repo.balance(session, item, district)
    moved = ledger_confirm_receipt(current, item, district, shipped, at, source)
    for entry in moved:
        book(session, entry, actor=actor, request_pk=request_pk)
    if moved and received != shipped:
        book(session, Entry(item, district, received - shipped, EntryKind.ADJUSTMENT, at, source,
                            f"selisih penerimaan {reference}: dikirim {shipped}, diterima {received}"),
             actor=actor, request_pk=request_pk)


def province_balance(session: Session, item: str) -> Balance:
    return repo.balance(session, item, PROVINCE)


def stock_status(session: Session, desk: Desk, today: date | None = None,
                 items: Sequence[str] = ITEMS) -> StockStatus:
    """Every district's row and the provincial runway, from ledger sums and recent reports."""
    config = desk.config
    today = today or desk.now().date()
    settings = config.stock
    since = today - timedelta(days=settings.history_days + 14)
    all_balances = repo.balances(session)
    rows: list[DistrictStatus] = []
    province: dict[str, Balance] = {}
    runways = {}
    profiles = profiles_from_config(config)
    last_reports = _last_reports(session)
    for item in items:
        recent = repo.reports_since(session, since, item=item)
        item_rows = []
        for p in profiles:
            b = all_balances.get((item, p.code))
            reports = list(recent.get(p.code, ()))
            last = last_reports.get((p.code, item))
            if last is not None and (not reports or reports[-1].day < last.day):
                reports.insert(0, last)
            item_rows.append(district_status(p, item, b or Balance(), reports, today, settings))
        rows.extend(item_rows)
        store = all_balances.get((item, PROVINCE), Balance())
        province[item] = store
        runways[item] = provincial_runway(
            item, store.on_hand, store.committed,
            [DistrictStock(r.pipeline, r.threshold, r.daily_use) for r in item_rows],
            today, working_days=settings.working_days, horizon_months=settings.runway_horizon_months)
    return StockStatus(today, tuple(rows), province, runways)


def _daily(r: Report) -> DailyReport:
    return DailyReport(r.district, r.item, r.report_date, r.stock_on_hand, r.printed)


def _last_reports(session: Session) -> dict[tuple[str, str], DailyReport]:
    """The newest report with a stock figure per district and item (for 'last report' beyond the window)."""
    return {key: _daily(r) for key, r in repo.latest_reports(session).items()}


def open_references(session: Session, district: str, item: str, exclude: int | None = None) -> tuple[str, ...]:
    """References of the district's requests still waiting for a decision or a shipment."""
    query = select(Request.reference).where(
        Request.district == district, Request.item == item, Request.state.in_(repo.WAITING_STATES),
        Request.linked_to.is_(None))
    if exclude is not None:
        query = query.where(Request.id != exclude)
    return tuple(session.scalars(query.order_by(Request.id)))
