"""The ledger in the database: each movement (mailbot.stock.ledger.Entry) is stored as its postings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from mailbot.config import ITEMS, PROVINCE
from mailbot.errors import InvalidAction
from mailbot.indonesian import number
from mailbot.stock.ledger import Balance, Entry, EntryKind, postings, problems
from mailbot.stock.ledger import confirm_receipt as ledger_confirm_receipt
from mailbot.stock.ledger import observe as ledger_observe
from mailbot.stock.status import StockStatus, profiles_from_config, status_from_balances
from mailbot.store import repo

if TYPE_CHECKING:
    from mailbot.desk import Desk

# What each of ledger.problems' codes means to the operator.
PROBLEM_WORDS = {
    "province_short": "the province store would go below zero",
    "district_short": "the district's stock would go below zero",
    "nothing_in_transit": "there is not that much in transit",
    "nothing_committed": "there is not that much promised",
    "province_overcommitted": "the province would promise more than its store holds",
    "beyond_any_store": "more than any store could hold (over 1.000.000.000.000 pieces)",
}


def refusal(found: Sequence[str], location: str, here: Balance, item: str, quantity: int) -> str:
    """Why the ledger refuses a movement of *quantity* at *location* (ledger.problems' codes *found*), as
    one sentence for the operator, with what *location* holds (*here*).

    >>> refusal(["province_short", "province_overcommitted"], "province", Balance(66000, 0, 2000), "ktp-el", -70000)
    'refused: the province store would go below zero and the province would promise more than its store \
holds (the province store has 66.000 ktp-el on hand, 0 in transit and 2.000 committed; the movement was -70.000)'
    """
    words = [PROBLEM_WORDS.get(code, code) for code in found]
    listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
    where = "the province store" if location == PROVINCE else location
    return (f"refused: {listed} ({where} has {number(here.on_hand)} {item} on hand, {number(here.in_transit)} "
            f"in transit and {number(here.committed)} committed; the movement was {number(quantity)})")


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
            raise InvalidAction(refusal(found, entry.location, here, entry.item, entry.quantity))
    booked = False
    for p in postings(entry):
        booked |= repo.post(session, dict(
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
    """Every district's row and the provincial runway (mailbot.stock.status), from ledger sums and recent reports."""
    config = desk.config
    today = today or desk.now().date()
    settings = config.stock
    since = today - timedelta(days=settings.history_days + 14)
    reports = [r for item in items for rs in repo.reports_since(session, since, item=item).values() for r in rs]
    return status_from_balances(repo.balances(session), reports, profiles_from_config(config), items, today,
                                settings, latest=repo.latest_reports(session))


def adjusted_since_report(session: Session, district: str, item: str) -> int:
    """The adjustments booked at *district* after its latest report with a stock figure was read (a flood loss
    the operator wrote off; not the report's own count): that report's figure moved by them is what the
    district's books said since, signed; 0 when it has no report."""
    from sqlalchemy import func, select

    from mailbot.store.schema import LedgerEntry, Report

    report = session.execute(select(Report.at, Report.message_pk).where(
        Report.district == district, Report.item == item, Report.stock_on_hand.is_not(None))
        .order_by(Report.report_date.desc(), Report.id.desc()).limit(1)).first()
    if report is None:
        return 0
    return int(session.scalar(select(func.coalesce(func.sum(LedgerEntry.on_hand), 0)).where(
        LedgerEntry.location == district, LedgerEntry.item == item, LedgerEntry.at > report.at,
        LedgerEntry.kind == EntryKind.ADJUSTMENT.value,
        LedgerEntry.source != f"message:{report.message_pk}")) or 0)


def open_references(session: Session, district: str, item: str, exclude: int | None = None, *,
                    verified_only: bool = False) -> tuple[str, ...]:
    """References of the district's requests still waiting for a decision or a shipment, oldest first
    (verified_only: of those whose sender passed the checks, see repo.sender_verified)."""
    waiting = repo.open_requests(session, district, item, exclude=exclude, verified_only=verified_only)
    return tuple(r.reference for r in sorted(waiting, key=lambda r: r.id))
