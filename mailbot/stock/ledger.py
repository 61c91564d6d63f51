"""The stock ledger: every movement of blanks is an entry; balances are derived from entries only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

PROVINCE = "province"
# No store holds a trillion blanks: a balance beyond this is a typing error or a damaged database. Kept
# far below 2^63 so that no sum of a ledger's entries can overflow a database's 64-bit integer.
MAX_BALANCE = 10**12


# the source of an adjustment that settles a stock difference, the books brought to what a district stated
# ("reconcile:7:<time>:<who>", 7 the queue item): a correction of the books, not a movement of stock
RECONCILING = "reconcile:"


class EntryKind(StrEnum):
    """What a ledger entry records. Each kind moves cards between buckets in a fixed way (see POSTINGS)."""

    OPENING = "opening"  # stock present when the ledger starts (from config)
    SUPPLY_RECEIVED = "supply_received"  # blanks delivered by the ministry to a store
    SHIPMENT_APPROVED = "shipment_approved"  # province stock promised to a district (still in the store)
    SHIPMENT_CANCELLED = "shipment_cancelled"  # an approval withdrawn before dispatch
    SHIPMENT_DISPATCHED = "shipment_dispatched"  # promised stock leaves the province, in transit
    RECEIPT_CONFIRMED = "receipt_confirmed"  # the district has the shipment on hand
    STOCK_OBSERVED = "stock_observed"  # a daily report's count; quantity = cards used since the last count
    ADJUSTMENT = "adjustment"  # signed correction with a reason (count error, damage, loss)


# Kinds that create cards (positive quantity) or, for adjustments, create or destroy them.
CREATING_KINDS = frozenset({EntryKind.OPENING, EntryKind.SUPPLY_RECEIVED, EntryKind.ADJUSTMENT})
# The only kind that removes cards as used; all other kinds move cards or claims between buckets.
CONSUMING_KINDS = frozenset({EntryKind.STOCK_OBSERVED})
# Kinds whose location must be a district (the province side is implied).
SHIPMENT_KINDS = frozenset({
    EntryKind.SHIPMENT_APPROVED, EntryKind.SHIPMENT_CANCELLED, EntryKind.SHIPMENT_DISPATCHED,
    EntryKind.RECEIPT_CONFIRMED, EntryKind.STOCK_OBSERVED,
})

# Per kind: (side, bucket, sign) for a unit of quantity. side "self" is the entry's location,
# "province" the provincial store. A district's `committed` is stock promised to it and not yet
# dispatched; the province's `committed` is the sum of what it promised. Both move together, so
# approvals never create cards: only on_hand and in_transit hold cards.
POSTINGS: Mapping[EntryKind, tuple[tuple[str, str, int], ...]] = {
    EntryKind.OPENING: (("self", "on_hand", 1),),
    EntryKind.SUPPLY_RECEIVED: (("self", "on_hand", 1),),
    EntryKind.SHIPMENT_APPROVED: (("province", "committed", 1), ("self", "committed", 1)),
    EntryKind.SHIPMENT_CANCELLED: (("province", "committed", -1), ("self", "committed", -1)),
    EntryKind.SHIPMENT_DISPATCHED: (
        ("province", "on_hand", -1), ("province", "committed", -1),
        ("self", "committed", -1), ("self", "in_transit", 1),
    ),
    EntryKind.RECEIPT_CONFIRMED: (("self", "in_transit", -1), ("self", "on_hand", 1)),
    EntryKind.STOCK_OBSERVED: (("self", "on_hand", -1),),
    EntryKind.ADJUSTMENT: (("self", "on_hand", 1),),
}


@dataclass(frozen=True)
class Entry:
    """One stock movement.

    quantity is never negative, except for ADJUSTMENT where its sign says whether cards were
    found (+) or written off (-); note carries the reason. source names what caused it
    ("message:12", "request:BLK-2026-0001", "cli:supply"), so a replay cannot post it twice.
    """

    item: str
    location: str  # PROVINCE or a district code
    quantity: int
    kind: EntryKind
    at: datetime
    source: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind is not EntryKind.ADJUSTMENT and self.quantity < 0:
            raise ValueError(f"{self.kind} quantity must not be negative (got {self.quantity})")
        if self.kind in SHIPMENT_KINDS and self.location == PROVINCE:
            raise ValueError(f"{self.kind} entries are booked at the district, not the province")
        if self.kind is EntryKind.ADJUSTMENT and not self.note:
            raise ValueError("an adjustment needs a reason in its note")


@dataclass(frozen=True)
class Balance:
    """What one location holds of one item: cards on hand, cards in transit to it, and claims.

    committed: at the province, stock promised to districts but still in the store (part of
    on_hand); at a district, stock promised to it and not yet dispatched (not yet its cards).
    """

    on_hand: int = 0
    in_transit: int = 0
    committed: int = 0

    @property
    def cards(self) -> int:
        """Physical cards this location accounts for (claims excluded)."""
        return self.on_hand + self.in_transit


@dataclass(frozen=True)
class Posting:
    """The change one entry makes to one location's buckets (a row of the ledger table)."""

    item: str
    location: str
    on_hand: int
    in_transit: int
    committed: int


def postings(entry: Entry) -> tuple[Posting, ...]:
    """The bucket changes of *entry*, one per location it touches.

    >>> [p.location for p in postings(Entry("ktp-el", "65.01", 100, EntryKind.SHIPMENT_DISPATCHED,
    ...                                       datetime(2026, 1, 5), "request:R1"))]
    ['province', '65.01']
    """
    deltas: dict[str, dict[str, int]] = {}
    for side, bucket, sign in POSTINGS[entry.kind]:
        location = entry.location if side == "self" else PROVINCE
        row = deltas.setdefault(location, {"on_hand": 0, "in_transit": 0, "committed": 0})
        row[bucket] += sign * entry.quantity
    return tuple(Posting(entry.item, loc, **row) for loc, row in deltas.items())


def balances(entries: Iterable[Entry]) -> dict[tuple[str, str], Balance]:
    """Balances per (item, location), summed from *entries* and nothing else."""
    acc: dict[tuple[str, str], list[int]] = {}
    index = {"on_hand": 0, "in_transit": 1, "committed": 2}
    for entry in entries:
        q = entry.quantity
        for side, bucket, sign in POSTINGS[entry.kind]:
            key = (entry.item, entry.location if side == "self" else PROVINCE)
            row = acc.get(key)
            if row is None:
                row = acc[key] = [0, 0, 0]
            row[index[bucket]] += sign * q
    return {key: Balance(row[0], row[1], row[2]) for key, row in acc.items()}


def apply(current: Mapping[tuple[str, str], Balance], entry: Entry) -> dict[tuple[str, str], Balance]:
    """Balances after posting *entry* on top of *current* (a new mapping; *current* is untouched)."""
    result = dict(current)
    for p in postings(entry):
        old = result.get((p.item, p.location), Balance())
        result[(p.item, p.location)] = Balance(
            old.on_hand + p.on_hand, old.in_transit + p.in_transit, old.committed + p.committed
        )
    return result


def problems(current: Mapping[tuple[str, str], Balance], entry: Entry) -> tuple[str, ...]:
    """Why *entry* cannot be posted on *current*: codes for every bucket it would drive below zero.

    An empty tuple means the entry is sound. Codes: "province_short" (dispatch or write-off
    larger than the store), "nothing_committed", "nothing_in_transit", "district_short",
    "beyond_any_store" (a movement or a balance above MAX_BALANCE).
    """
    after = apply(current, entry)
    found: list[str] = []
    if abs(entry.quantity) > MAX_BALANCE:
        found.append("beyond_any_store")
    for p in postings(entry):
        b = after[(p.item, p.location)]
        if max(abs(b.on_hand), abs(b.in_transit), abs(b.committed)) > MAX_BALANCE:
            found.append("beyond_any_store")
        where = "province" if p.location == PROVINCE else "district"
        if b.on_hand < 0:
            found.append(f"{where}_short")
        if b.in_transit < 0:
            found.append("nothing_in_transit")
        if b.committed < 0:
            found.append("nothing_committed")
    store = after.get((entry.item, PROVINCE), Balance())
    if store.committed > store.on_hand:
        found.append("province_overcommitted")
    return tuple(dict.fromkeys(found))


def available_to_ship(balance: Balance, reserve: int) -> int:
    """Province stock that may still be promised: on hand - committed - reserve, never below 0."""
    return max(0, balance.on_hand - balance.committed - reserve)


def total_cards(by_location: Mapping[tuple[str, str], Balance], item: str) -> int:
    """All cards of *item* in the system: every store's on hand plus everything in transit."""
    return sum(b.cards for (it, _), b in by_location.items() if it == item)


def observe(balance: Balance, item: str, district: str, observed: int, at: datetime, source: str
            ) -> tuple[Entry, ...]:
    """Entries that bring a district's on-hand to the count *observed* in a daily report.

    The drop from the ledger's figure is consumption (a STOCK_OBSERVED entry). A count above the
    ledger's figure while a shipment is in transit means the shipment arrived before its receipt
    was confirmed: the whole in-transit stock is booked as received first. Whatever is still
    unexplained becomes an ADJUSTMENT, so cards never appear without an entry that says why.
    """
    if observed < 0:
        raise ValueError("an observed stock cannot be negative")
    out: list[Entry] = []
    on_hand = balance.on_hand
    if observed > on_hand and balance.in_transit > 0:
        out.append(Entry(item, district, balance.in_transit, EntryKind.RECEIPT_CONFIRMED, at, source,
                         "implied by daily report"))
        on_hand += balance.in_transit
    if observed <= on_hand:
        out.append(Entry(item, district, on_hand - observed, EntryKind.STOCK_OBSERVED, at, source,
                         f"observed {observed}"))
    else:
        out.append(Entry(item, district, observed - on_hand, EntryKind.ADJUSTMENT, at, source,
                         f"observed {observed} above ledger {on_hand}"))
    return tuple(out)


def confirm_receipt(balance: Balance, item: str, district: str, received: int, at: datetime, source: str
                    ) -> tuple[Entry, ...]:
    """Entries for a district's receipt confirmation of *received* cards.

    At most what is in transit is moved to on-hand (a daily report may already have implied the
    receipt, then nothing is posted). Cards received beyond that are not invented here: the next
    daily report's count books them as an adjustment.
    """
    moved = min(max(received, 0), balance.in_transit)
    if moved == 0:
        return ()
    note = "" if moved == received else f"district reported {received}, in transit {balance.in_transit}"
    return (Entry(item, district, moved, EntryKind.RECEIPT_CONFIRMED, at, source, note),)
