"""The ledger: movements between buckets, balances from entries, and card conservation under random events."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from mailbot.stock.ledger import (
    MAX_BALANCE,
    PROVINCE,
    Balance,
    Entry,
    EntryKind,
    apply,
    available_to_ship,
    balances,
    confirm_receipt,
    observe,
    postings,
    problems,
    total_cards,
)
from mailbot.stock.policy import PolicyState, Request, decide
from tests.properties import examples
from tests.stock.factories import SETTINGS, row

AT = datetime(2026, 11, 2, 9)
K = EntryKind


def e(kind: EntryKind, location: str, quantity: int, note: str = "", item: str = "ktp-el") -> Entry:
    return Entry(item, location, quantity, kind, AT, f"test:{kind}:{location}", note)


def test_the_article_opening_figures() -> None:
    entries = [e(K.OPENING, PROVINCE, 66000), e(K.OPENING, "65.01", 8000), e(K.OPENING, "65.02", 5500),
               e(K.OPENING, "65.03", 7500), e(K.OPENING, "65.04", 2500), e(K.OPENING, "65.71", 7500)]
    b = balances(entries)
    assert b[("ktp-el", PROVINCE)] == Balance(66000, 0, 0)
    assert total_cards(b, "ktp-el") == 97000


# (entries as (kind, location, quantity), expected balances {location: (on_hand, in_transit, committed)})
MOVEMENTS = [
    ("supply adds to the province",
     [(K.OPENING, PROVINCE, 1000), (K.SUPPLY_RECEIVED, PROVINCE, 500)],
     {PROVINCE: (1500, 0, 0)}),
    ("approval commits province stock that stays on hand",
     [(K.OPENING, PROVINCE, 10000), (K.SHIPMENT_APPROVED, "65.01", 2000)],
     {PROVINCE: (10000, 0, 2000), "65.01": (0, 0, 2000)}),
    ("dispatch moves committed stock into transit",
     [(K.OPENING, PROVINCE, 10000), (K.SHIPMENT_APPROVED, "65.01", 2000), (K.SHIPMENT_DISPATCHED, "65.01", 2000)],
     {PROVINCE: (8000, 0, 0), "65.01": (0, 2000, 0)}),
    ("receipt moves transit to the district's hand",
     [(K.OPENING, PROVINCE, 10000), (K.SHIPMENT_APPROVED, "65.01", 2000), (K.SHIPMENT_DISPATCHED, "65.01", 2000),
      (K.RECEIPT_CONFIRMED, "65.01", 2000)],
     {PROVINCE: (8000, 0, 0), "65.01": (2000, 0, 0)}),
    ("cancelled approval frees the commitment",
     [(K.OPENING, PROVINCE, 10000), (K.SHIPMENT_APPROVED, "65.01", 2000), (K.SHIPMENT_CANCELLED, "65.01", 2000)],
     {PROVINCE: (10000, 0, 0), "65.01": (0, 0, 0)}),
    ("observed consumption removes cards",
     [(K.OPENING, "65.02", 900), (K.STOCK_OBSERVED, "65.02", 97)],
     {"65.02": (803, 0, 0)}),
    ("adjustments go both ways",
     [(K.OPENING, "65.02", 900), (K.ADJUSTMENT, "65.02", -50), (K.ADJUSTMENT, PROVINCE, 20)],
     {"65.02": (850, 0, 0), PROVINCE: (20, 0, 0)}),
]


@pytest.mark.parametrize(("case", "rows", "expected"), MOVEMENTS, ids=[m[0] for m in MOVEMENTS])
def test_movements(case: str, rows: list, expected: dict) -> None:
    entries = [e(k, loc, q, "count") for k, loc, q in rows]
    b = balances(entries)
    assert {loc: (x.on_hand, x.in_transit, x.committed) for (_, loc), x in b.items()} == expected


def test_entries_refuse_nonsense() -> None:
    with pytest.raises(ValueError):
        e(K.SUPPLY_RECEIVED, PROVINCE, -5)
    with pytest.raises(ValueError):
        e(K.SHIPMENT_APPROVED, PROVINCE, 100)
    with pytest.raises(ValueError):
        e(K.ADJUSTMENT, "65.01", -5)  # no reason


def test_postings_are_the_rows_of_a_dispatch() -> None:
    rows = postings(e(K.SHIPMENT_DISPATCHED, "65.03", 700))
    assert [(p.location, p.on_hand, p.in_transit, p.committed) for p in rows] == [
        (PROVINCE, -700, 0, -700), ("65.03", 0, 700, -700)]


def test_problems_name_what_would_go_negative() -> None:
    current = balances([e(K.OPENING, PROVINCE, 1000)])
    assert problems(current, e(K.SHIPMENT_APPROVED, "65.01", 800)) == ()
    assert problems(current, e(K.SHIPMENT_APPROVED, "65.01", 1200)) == ("province_overcommitted",)
    assert "nothing_committed" in problems(current, e(K.SHIPMENT_DISPATCHED, "65.01", 100))
    assert problems(current, e(K.RECEIPT_CONFIRMED, "65.01", 100)) == ("nothing_in_transit",)


def test_no_movement_takes_a_balance_beyond_any_store() -> None:
    """So no sum of a ledger's entries can overflow a database's 64-bit integer (`status` would die)."""
    current = balances([e(K.OPENING, PROVINCE, 66_000), e(K.OPENING, "65.71", MAX_BALANCE - 100)])
    assert problems(current, e(K.ADJUSTMENT, "65.71", 100, "hitung ulang")) == ()
    assert problems(current, e(K.ADJUSTMENT, "65.71", 101, "hitung ulang")) == ("beyond_any_store",)
    assert problems(current, e(K.SUPPLY_RECEIVED, PROVINCE, 2**63 - 1)) == ("beyond_any_store",)
    assert problems(current, e(K.ADJUSTMENT, "65.71", -MAX_BALANCE - 1, "x"))[0] == "beyond_any_store"


OBSERVATIONS = [
    ("a drop is consumption", Balance(900), 812, [(K.STOCK_OBSERVED, 88)]),
    ("no change books zero use", Balance(900), 900, [(K.STOCK_OBSERVED, 0)]),
    ("a rise with nothing in transit is an adjustment", Balance(900), 950, [(K.ADJUSTMENT, 50)]),
    ("a rise while in transit implies the receipt, then use", Balance(900, 2000), 2750,
     [(K.RECEIPT_CONFIRMED, 2000), (K.STOCK_OBSERVED, 150)]),
    ("more than the shipment explains", Balance(900, 2000), 3000,
     [(K.RECEIPT_CONFIRMED, 2000), (K.ADJUSTMENT, 100)]),
]


@pytest.mark.parametrize(("case", "before", "observed", "expected"), OBSERVATIONS, ids=[o[0] for o in OBSERVATIONS])
def test_observe(case: str, before: Balance, observed: int, expected: list) -> None:
    entries = observe(before, "ktp-el", "65.01", observed, AT, "report:1")
    assert [(x.kind, x.quantity) for x in entries] == expected
    after = apply({("ktp-el", "65.01"): before}, entries[0])
    for x in entries[1:]:
        after = apply(after, x)
    assert after[("ktp-el", "65.01")].on_hand == observed


def test_receipt_after_an_implied_receipt_posts_nothing() -> None:
    assert confirm_receipt(Balance(2750, 0), "ktp-el", "65.01", 2000, AT, "message:9") == ()
    (entry,) = confirm_receipt(Balance(900, 2000), "ktp-el", "65.01", 2000, AT, "message:9")
    assert (entry.kind, entry.quantity) == (K.RECEIPT_CONFIRMED, 2000)


@pytest.mark.parametrize(("balance", "reserve", "expected"), [
    (Balance(66000, 0, 0), 5000, 61000), (Balance(66000, 0, 2000), 5000, 59000), (Balance(4000, 0, 0), 5000, 0),
    (Balance(6000, 0, 1500), 5000, 0),
])
def test_available_to_ship(balance: Balance, reserve: int, expected: int) -> None:
    assert available_to_ship(balance, reserve) == expected


# --- random sequences of events ----------------------------------------------------------------

DISTRICTS = ("65.01", "65.02", "65.03")
event = st.one_of(
    st.tuples(st.just("supply"), st.just(PROVINCE), st.integers(1, 20000)),
    st.tuples(st.just("request"), st.sampled_from(DISTRICTS), st.integers(1, 9000)),
    st.tuples(st.just("cancel"), st.sampled_from(DISTRICTS), st.just(0)),
    st.tuples(st.just("dispatch"), st.sampled_from(DISTRICTS), st.just(0)),
    st.tuples(st.just("receive"), st.sampled_from(DISTRICTS), st.integers(0, 9000)),
    st.tuples(st.just("report"), st.sampled_from(DISTRICTS), st.integers(0, 12000)),
    st.tuples(st.just("adjust"), st.sampled_from((PROVINCE, *DISTRICTS)), st.integers(-500, 500)),
)


@hsettings(max_examples=examples(200), deadline=None)
@given(events=st.lists(event, max_size=60), opening=st.integers(0, 70000), use=st.integers(0, 300))
def test_cards_are_conserved_and_balances_are_sums(events: list, opening: int, use: int) -> None:
    item = "ktp-el"
    reserve = SETTINGS.reserve[item]
    entries = [Entry(item, PROVINCE, opening, K.OPENING, AT, "config")]
    running = balances(entries)
    created = opening
    consumed = 0
    for n, (what, loc, q) in enumerate(events):
        at = AT + timedelta(hours=n)
        src = f"event:{n}"
        bal = running.get((item, loc), Balance())
        new: tuple[Entry, ...] = ()
        if what == "supply":
            new = (Entry(item, loc, q, K.SUPPLY_RECEIVED, at, src),)
        elif what == "request":
            status = row(bal.on_hand, float(use), district=loc, in_transit=bal.in_transit,
                         approved_pending=bal.committed, last_report=None)
            province = running.get((item, PROVINCE), Balance())
            decision = decide(Request(src, loc, item, q, None, at), PolicyState(status, province), SETTINGS)
            if decision.approved:
                new = (Entry(item, loc, decision.approved, K.SHIPMENT_APPROVED, at, src),)
        elif what == "cancel" and bal.committed:
            new = (Entry(item, loc, bal.committed, K.SHIPMENT_CANCELLED, at, src),)
        elif what == "dispatch" and bal.committed:
            new = (Entry(item, loc, bal.committed, K.SHIPMENT_DISPATCHED, at, src),)
        elif what == "receive":
            new = confirm_receipt(bal, item, loc, q, at, src)
        elif what == "report":
            new = observe(bal, item, loc, q, at, src)
        elif what == "adjust" and q:
            candidate = Entry(item, loc, q, K.ADJUSTMENT, at, src, "stock count")
            new = () if problems(running, candidate) else (candidate,)  # the desk refuses such a write-off
        for entry in new:
            assert problems(running, entry) == (), (entry, running)
            running = apply(running, entry)
            entries.append(entry)
            if entry.kind in (K.SUPPLY_RECEIVED, K.ADJUSTMENT, K.OPENING):
                created += entry.quantity
            elif entry.kind is K.STOCK_OBSERVED:
                consumed += entry.quantity
            if what == "request":
                store = running[(item, PROVINCE)]
                assert store.on_hand - store.committed >= reserve  # automatic approvals keep the reserve
        # balances equal the sum of entries, however they are folded
        assert balances(entries) == {k: v for k, v in running.items()}
        # cards appear only by opening, supply and adjustment, and leave only as observed use or adjustment
        assert total_cards(running, item) == created - consumed
        province = running.get((item, PROVINCE), Balance())
        assert province.committed == sum(running.get((item, d), Balance()).committed for d in DISTRICTS)
        assert all(b.on_hand >= 0 and b.in_transit >= 0 and b.committed >= 0 for b in running.values())
