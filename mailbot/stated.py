"""Stock as the districts state it: the latest figure from a report, a request or a receipt, with its date
and source, beside the ledger's expectation; a large difference is a reconciliation item for a person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal
from typing import cast as typed

from sqlalchemy import String, Table, case, cast, exists, func, insert, literal, select
from sqlalchemy.orm import Session

from mailbot import attention, followup
from mailbot.desk import Desk
from mailbot.guards.trust import SenderTrust
from mailbot.indonesian import number
from mailbot.reader.verdict import Verdict
from mailbot.stock.ledger import RECONCILING, EntryKind
from mailbot.store import repo
from mailbot.store.prepared import Prepared
from mailbot.store.schema import LedgerEntry, Message, StatedStock

SOURCE_TEXT = {"report": "laporan harian", "request": "permohonan", "receipt": "tanda terima",
               "correction": "koreksi petugas", "stock_report": "laporan harian",
               "follow_up": "koreksi dalam percakapan permohonan",
               "reminder": "pengingat atau pertanyaan kabupaten/kota",
               "appeal": "permohonan peninjauan kembali"}

# The same sources in the operator's English (`mailbot status`), never the stored code ("follow_up").
SOURCE_WORDS = {"report": "daily report", "request": "request", "receipt": "receipt",
                "correction": "operator's correction", "stock_report": "daily report",
                "follow_up": "reply about a request", "reminder": "reminder or question", "appeal": "appeal"}


@dataclass(frozen=True)
class Stated:
    """The latest stock a district stated for an item, and what the ledger expects."""

    district: str
    item: str
    quantity: int
    at: datetime
    source: str
    expected: int
    stated: int | None = None  # the figure as stated, when deliveries booked after it are added to *quantity*
    moved_since: int = 0  # deliveries and adjustments booked after the statement (on hand, signed)
    received_since: int = 0  # of *moved_since*, the deliveries the district confirmed: the rest is adjustments

    @property
    def differs(self) -> bool:
        return self.quantity != self.expected


def record(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust, *,
           written: datetime | None | Literal["unread"] = "unread") -> None:
    """Keep the stock a trusted district sender stated; open a reconciliation item when it is far from the
    ledger (a report's figure is booked by the report itself, so only requests and receipts are compared).
    *written*: the message's date_written(), when it was read ahead (mailbot.pipeline.judge)."""
    if not trust.trusted or trust.district is None or verdict.stock_on_hand is None:
        return
    if verdict.kind not in ("request", "stock_report", "receipt"):
        return
    if verdict.kind == "receipt" and verdict.stock_on_hand == followup.rest_coming_figure(verdict.body_excerpt or ""):
        return  # "sisa 800 katanya dikirim minggu depan": the rest of the shipment still coming, not a stock
    item = verdict.item or "ktp-el"
    source: str = "report" if verdict.kind == "stock_report" else verdict.kind
    at = written_at(message, desk.now()) if written == "unread" else _no_later(written, desk.now())
    keep(session, district=trust.district, item=item, quantity=verdict.stock_on_hand, source=source,
         message=message, at=at)
    if source != "report":
        reconcile(session, desk, district=trust.district, item=item, stated=verdict.stock_on_hand, message=message)


def record_for_request(session: Session, desk: Desk, message: Message, *, district: str, item: str, quantity: int,
                       source: str = "follow_up") -> None:
    """Keep a stock stated for a request's blank: a follow-up's corrected stock (in the request's thread or one
    that lost it), or a person's correction of it: the blank is the request's, whatever the mail names."""
    keep(session, district=district, item=item, quantity=quantity, source=source, message=message,
         at=written_at(message, desk.now()))
    reconcile(session, desk, district=district, item=item, stated=quantity, message=message)


def withdraw(session: Session, desk: Desk, message: Message, *, actor: str, reason: str) -> list[str]:
    """*message* is corrected to a kind that states no stock (a test mail, an automated notice): the stock it
    stated is no longer the district's (status, digest), and the reconciliation item it opened (its figure the
    latest one) is closed; what this did, in English for the operator."""
    from sqlalchemy import delete

    rows = session.execute(delete(StatedStock).where(StatedStock.message_pk == message.id)
                           .returning(StatedStock.district, StatedStock.item, StatedStock.quantity)).all()
    effects = [f"stock {number(row.quantity)} stated for {row.district} ({row.item}) withdrawn" for row in rows]
    for item in attention.open_items(session, kinds=("reconcile",)):
        if item.message_pk == message.id:
            attention.close(session, desk, item.id, actor=actor,
                            resolution=f"dikoreksi: email ini tidak menyatakan stok ({reason})")
            effects.append(f"queue item {item.id} closed")
    return effects


def written_at(message: Message, now: datetime) -> datetime:
    """When the district wrote *message*: its Date header, never later than *now* (when it was read; a
    sender's clock may run ahead), else *now*. A statement is as old as the mail that made it."""
    return _no_later(date_written(message.raw), now)


def date_written(raw: bytes | None) -> datetime | None:
    """The Date header of the message *raw* (a zone it leaves unknown taken as UTC), or None when it has none
    that can be read. Pure: the reading process works it out ahead of the database (mailbot.pipeline.judge)."""
    from email.parser import BytesHeaderParser
    from email.utils import parsedate_to_datetime

    head = (raw or b"").partition(b"\r\n\r\n")[0].partition(b"\n\n")[0]
    try:
        value = BytesHeaderParser().parsebytes(head.removeprefix(b"\xef\xbb\xbf")).get("date")
        written = parsedate_to_datetime(str(value)) if value is not None else None
    except Exception:  # noqa: BLE001 - a Date that cannot be read is no date
        written = None
    if written is not None and written.tzinfo is None:  # "-0000": the zone is unknown (RFC 5322); taken as UTC
        written = written.replace(tzinfo=UTC)
    return written


def _no_later(written: datetime | None, now: datetime) -> datetime:
    return now if written is None else min(written, now)


def keep(session: Session, *, district: str, item: str, quantity: int, source: str, message: Message | None,
         at: datetime) -> None:
    # a row nothing reads back while the message is processed: a Core insert, no ORM object to flush
    _KEEP.run(session.connection(), {"district": district, "item": item, "quantity": quantity, "source": source,
                                         "message_pk": message.id if message is not None else None, "at": at})


_KEEP = Prepared(insert(typed(Table, StatedStock.__table__)))


def reconcile(session: Session, desk: Desk, *, district: str, item: str, stated: int, message: Message,
              expected: int | None = None, booked: bool = False, rise: bool = False) -> None:
    """Compare a stated figure with the ledger (*expected*: the ledger before a report booked it); far apart
    opens (or updates) the district's reconciliation item, close enough settles an open one. *rise*: the
    figure is above what the ledger held plus what is on its way; stock does not grow by itself, so any rise
    over contradiction_min_pieces is far apart (the relative tolerance does not apply)."""
    expected = repo.balance(session, item, district).on_hand if expected is None else expected
    min_pieces = desk.config.stock.contradiction_min_pieces
    far = stated - expected > min_pieces if rise else \
        far_apart(stated, expected, tolerance=desk.config.stock.contradiction_tolerance, min_pieces=min_pieces)
    if not far:
        difference = abs(stated - expected)
        agrees = (f"sesuai catatan ({number(expected)})" if not difference else
                  f"mendekati catatan ({number(expected)}), selisih {number(difference)} keping")
        for open_one in attention.open_items(session, kinds=("reconcile",)):
            if open_one.district == district and open_one.item == item:
                # a later statement agrees with the ledger: the difference is settled
                attention.close(session, desk, open_one.id, actor="mailbot",
                                resolution=f"stok yang dinyatakan kemudian ({number(stated)}) {agrees}")
        return
    detail = (f"laporan harian menyatakan {number(stated)}, catatan sebelumnya {number(expected)}; "
              "stok dicatat mengikuti laporan"
              if booked else f"dinyatakan {number(stated)}, menurut catatan {number(expected)}")
    standing = attention.open_item_for(session, kind="reconcile", district=district, item=item)
    if standing is not None:
        # one item per district and blank: the latest statement replaces the earlier one
        attention.restate(session, standing, detail=detail, quantity=stated - expected, message=message)
        return
    attention.open_item(session, desk, key=f"reconcile:message:{message.id}", kind="reconcile", reason="reconcile",
                        detail=detail, district=district, item=item, quantity=stated - expected, message=message)


def far_apart(stated: int, expected: int, *, tolerance: float, min_pieces: int) -> bool:
    """A difference a person should look at: over *min_pieces* and over *tolerance* of the larger figure."""
    difference = abs(stated - expected)
    return difference > min_pieces and difference > tolerance * max(stated, expected, 1)


def newer_than_ledger(session: Session, *, district: str, item: str, now: datetime, within_days: int,
                      exclude_message: int | None = None) -> StatedStock | None:
    """The latest stock the district stated for *item* in the last *within_days* days when it is newer than the
    ledger's own figure (no report, receipt or adjustment booked since): the district's stock, as it said it,
    for a request whose mail states none ("kalau begitu kami ajukan 3.000 keping saja" minutes after "sisa stok
    kami 200 keping"). None when there is none, or the ledger moved since."""
    row = session.scalars(select(StatedStock).where(
        StatedStock.district == district, StatedStock.item == item, StatedStock.at >= now - timedelta(days=within_days),
        *((StatedStock.message_pk != exclude_message,) if exclude_message is not None else ()))
        .order_by(StatedStock.at.desc(), StatedStock.id.desc()).limit(1)).first()
    if row is None:
        return None
    moved = session.scalar(select(func.max(LedgerEntry.at)).where(
        LedgerEntry.location == district, LedgerEntry.item == item,
        LedgerEntry.kind.in_([kind.value for kind in _ON_HAND_KINDS]),
        LedgerEntry.source != f"message:{row.message_pk}"))
    if moved is not None and _aware(moved) > _aware(row.at):
        return None
    return row


# The ledger entries that set a district's on-hand figure from what happened (approvals and dispatches do not;
# the opening figure is config's baseline, no newer knowledge than a statement, even one written before it was
# booked at the first start).
_ON_HAND_KINDS = (EntryKind.SUPPLY_RECEIVED, EntryKind.RECEIPT_CONFIRMED, EntryKind.STOCK_OBSERVED,
                  EntryKind.ADJUSTMENT)


def local_day(at: datetime, desk: Desk) -> date:
    """The office's day of *at* (a statement's time)."""
    return _aware(at).astimezone(desk.tz).date()


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def latest(session: Session) -> dict[tuple[str, str], Stated]:
    """The latest stated stock per (district, item), with the ledger's on-hand beside it. A statement older
    than a delivery or an adjustment booked after it is rolled forward by those movements (a report's count
    is a statement of its own, so counts are never added)."""
    # only the newest statement of each district and blank is loaded (by time, then by row), not the history
    rank = func.row_number().over(partition_by=(StatedStock.district, StatedStock.item),
                                  order_by=(StatedStock.at.desc(), StatedStock.id.desc()))
    newest = select(StatedStock.id, rank.label("rank")).subquery()
    found = {(row.district, row.item): row for row in session.scalars(
        select(StatedStock).join(newest, StatedStock.id == newest.c.id).where(newest.c.rank == 1)
        .order_by(StatedStock.district, StatedStock.item))}
    balances = repo.balances(session)
    result = {}
    for key, row in found.items():
        # an earlier statement's own booking (a report's count above the ledger, booked as an adjustment when
        # that report was read, perhaps after this one was written) is a count this statement replaces
        earlier_count = exists().where(
            StatedStock.district == row.district, StatedStock.item == row.item,
            literal("message:").concat(cast(StatedStock.message_pk, String)) == LedgerEntry.source)
        confirmed = case((LedgerEntry.kind == EntryKind.RECEIPT_CONFIRMED.value, LedgerEntry.on_hand), else_=0)
        moved, received = session.execute(select(
            func.coalesce(func.sum(LedgerEntry.on_hand), 0), func.coalesce(func.sum(confirmed), 0)).where(
            LedgerEntry.location == row.district, LedgerEntry.item == row.item, LedgerEntry.at > row.at,
            LedgerEntry.kind.in_((EntryKind.RECEIPT_CONFIRMED.value, EntryKind.ADJUSTMENT.value)),
            # what the stating mail booked itself (a report's count, a receipt) is in its figure already
            LedgerEntry.source != f"message:{row.message_pk}", ~earlier_count,
            # an adjustment settling a stock difference brought the books to a statement: no movement of stock
            ~LedgerEntry.source.startswith(RECONCILING, autoescape=True))).one()
        expected = balances[(row.item, row.district)].on_hand if (row.item, row.district) in balances else 0
        # a loss booked after the statement larger than the stated stock: the district holds none, not less
        rolled = max(0, row.quantity + int(moved or 0))
        result[key] = Stated(row.district, row.item, rolled, row.at, row.source, expected,
                             stated=row.quantity if rolled != row.quantity else None, moved_since=rolled - row.quantity,
                             received_since=int(received or 0))
    return result
