"""The allocation policy, case by case: need, packs, province spare, holds, proposals, fair split."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from mailbot.stock.explain import explain_id
from mailbot.stock.ledger import Balance
from mailbot.stock.policy import Claim, decide, decide_batch, proactive_proposal, split_fairly
from tests.properties import examples
from tests.stock.factories import SETTINGS, request, row, settings, state

# (case, request kwargs, row kwargs, state kwargs, settings changes, outcome, quantity, reason codes)
CASES = [
    ("article example: asked less than need", {}, {}, {}, {},
     "approve", 2000, ()),
    ("asked more than need: capped by need", {"requested": 3000}, {}, {}, {},
     "approve_partial", 2800, ("capped_by_need",)),
    ("need rounded up to whole packs", {"requested": 5000}, {"daily_use": 115}, {}, {},
     "approve_partial", 2700, ("capped_by_need",)),
    ("no pack rounding with pack size 1", {"requested": 5000}, {"daily_use": 115}, {}, {"pack_size": 1},
     "approve_partial", 2650, ("capped_by_need",)),
    ("province spare above reserve caps", {}, {}, {"province_on_hand": 6500}, {},
     "approve_partial", 1500, ("capped_by_spare",)),
    ("spare rounded down to whole packs", {}, {}, {"province_on_hand": 6450}, {},
     "approve_partial", 1400, ("capped_by_spare",)),
    ("commitments reduce the spare", {}, {}, {"province_on_hand": 8000, "committed": 2000}, {},
     "approve_partial", 1000, ("capped_by_spare",)),
    ("in transit counts against need", {}, {"in_transit": 2000}, {}, {},
     "approve_partial", 800, ("capped_by_need",)),
    ("approved not yet dispatched counts against need", {}, {"approved_pending": 2500}, {}, {},
     "approve_partial", 300, ("capped_by_need",)),
    ("requested not a pack multiple is given as asked", {"requested": 1250}, {}, {}, {},
     "approve", 1250, ()),
    ("stock above target: no need, held", {"stated": 4000}, {"on_hand": 4000, "last_reported_on_hand": 4000}, {}, {},
     "hold", 0, ("no_need",)),
    ("province at its reserve: held", {}, {}, {"province_on_hand": 5000}, {},
     "hold", 0, ("province_short",)),
    ("over the auto-approval limit", {"requested": 8000, "stated": 800}, {"daily_use": 300}, {}, {},
     "hold", 8000, ("over_limit",)),
    ("sender not on the district's list", {"sender_known": False}, {}, {}, {},
     "hold", 2000, ("sender_unknown",)),
    ("unauthenticated mail", {"authenticated": False}, {}, {}, {},
     "hold", 2000, ("unauthenticated",)),
    ("district already has an open request", {}, {}, {"open_requests": ("BLK-2026-0007",)}, {},
     "hold", 2000, ("open_request",)),
    ("stated stock contradicts yesterday's report", {"stated": 300}, {}, {}, {},
     "hold", 2000, ("contradicts_reports",)),
    ("stated stock a day's use below the report is fine", {"stated": 690}, {}, {}, {},
     "approve", 2000, ()),
    ("a stale report is not compared", {"stated": 300}, {"last_report": date(2026, 11, 2)}, {}, {},
     "approve", 2000, ()),
    ("stated stock far above the report: ledger figure used", {"stated": 3000}, {"in_transit": 500}, {}, {},
     "hold", 2000, ("contradicts_reports",)),
    ("no number: need-based proposal", {"requested": None}, {}, {}, {},
     "propose", 2800, ("no_quantity",)),
    ("no number and no use known: clarify", {"requested": None}, {"use_basis": "none", "daily_use": 0}, {}, {},
     "clarify", 0, ("no_quantity", "no_basis")),
    ("no number and no need: clarify", {"requested": None, "stated": 5000},
     {"on_hand": 5000, "last_reported_on_hand": 5000}, {}, {},
     "clarify", 0, ("no_quantity", "no_need")),
    ("no number from an unknown sender: held", {"requested": None, "sender_known": False}, {}, {}, {},
     "hold", 2800, ("sender_unknown", "no_quantity")),
    ("fallback use is said", {}, {"use_basis": "fallback", "daily_use": 50}, {}, {},
     "approve_partial", 700, ("capped_by_need", "fallback_use")),
]


@pytest.mark.parametrize(("case", "req", "dist", "st_", "changes", "outcome", "quantity", "codes"), CASES,
                         ids=[c[0] for c in CASES])
def test_decide(case: str, req: dict, dist: dict, st_: dict, changes: dict, outcome: str, quantity: int,
                codes: tuple[str, ...]) -> None:
    stated = req.get("stated", 800)
    r = request(**{k: v for k, v in req.items() if k != "stated"}, stated=stated)
    d = row(**{"last_reported_on_hand": 800, **dist})
    decision = decide(r, state(d, **st_), settings(**changes))
    assert (decision.outcome, decision.quantity, decision.reason_codes) == (outcome, quantity, codes)
    if decision.outcome in ("approve", "approve_partial"):
        assert decision.approved == decision.quantity <= r.requested  # type: ignore[operator]
    else:
        assert decision.approved == 0


def test_explain_the_article_example_in_indonesian() -> None:
    decision = decide(request(requested=2000, stated=800), state(row(800, 120)), SETTINGS)
    assert explain_id(decision) == [
        "pemakaian rata-rata 120/hari kerja (dari laporan harian)",
        "kebutuhan 30 hari x 120/hari - sisa 800 = 2.800",
        "stok provinsi yang dapat dikirim: 66.000 - cadangan 5.000 = 61.000",
        "disetujui 2.000 karena sesuai jumlah yang dimohon",
    ]


def test_explain_a_partial_approval_capped_by_the_province() -> None:
    decision = decide(request(requested=3000, stated=650), state(row(800, 120.5), province_on_hand=9450,
                                                                   committed=2000), SETTINGS)
    assert decision.outcome == "approve_partial"
    assert explain_id(decision) == [
        "pemakaian rata-rata 120,5/hari kerja (dari laporan harian)",
        "kebutuhan 30 hari x 120,5/hari - sisa 650 = 2.965",
        "dibulatkan ke atas per kemasan 100 keping = 3.000",
        "stok provinsi yang dapat dikirim: 9.450 - sudah dialokasikan 2.000 - cadangan 5.000 = 2.450",
        "disetujui 2.400 karena stok provinsi yang dapat dikirim saat ini 2.400 keping",
    ]


def test_explain_a_hold_names_every_reason() -> None:
    decision = decide(request(requested=9000, stated=800, sender_known=False), state(row(800, 400)), SETTINGS)
    lines = explain_id(decision)
    assert lines[1] == "kebutuhan 30 hari x 400/hari - sisa 800 = 11.200"
    assert lines[-1] == ("diusulkan 9.000, menunggu keputusan pimpinan karena alamat pengirim tidak terdaftar "
                         "untuk kabupaten/kota ini; jumlah 9.000 melebihi batas persetujuan otomatis 5.000 keping")


def test_explain_takes_off_what_is_on_its_way_in_both_lines_it_counts() -> None:
    # 30 days x 8 = 240 less 120 held and 100 on the way: 20; back to the threshold 500 - 120 - 100 = 280
    proposal = proactive_proposal(row(on_hand=120, daily_use=8, threshold=500, in_transit=100), Balance(20000),
                                  SETTINGS)
    assert proposal is not None
    assert explain_id(proposal)[1:3] == [
        "kebutuhan 30 hari x 8/hari - sisa menurut catatan 120 - sudah disetujui atau dalam pengiriman 100 = 20",
        "untuk kembali ke batas minimum: 500 - sisa menurut catatan 120 - sudah disetujui atau dalam pengiriman 100 "
        "= 280, jadi kebutuhan 280",
    ]


def test_explain_negative_need_reads_as_zero() -> None:
    decision = decide(request(requested=500, stated=4000), state(row(4000, 120)), SETTINGS)
    assert "kebutuhan 30 hari x 120/hari - sisa 4.000 = -400, jadi kebutuhan 0" in explain_id(decision)


def test_decision_serialises_reasons_and_arithmetic() -> None:
    decision = decide(request(requested=3000), state(), SETTINGS)
    assert decision.reasons_json() == [{"code": "capped_by_need", "need": 2800}]
    steps = {s["code"]: s for s in decision.steps_json()}
    assert steps["need"]["value"] == 2800 and steps["need"]["target"] == 3600
    assert steps["approved"] == {"code": "approved", "value": 2800, "requested": 3000, "need": 2800,
                                 "spare": 61000, "limited_by": "need"}


# --- fair split -----------------------------------------------------------------------------------

SPLITS = [
    ("enough for everyone", [("A", 0, 100, 2000), ("B", 500, 50, 1000)], 10000, 100, {"A": 2000, "B": 1000}),
    ("equal use: the emptier district first", [("A", 0, 100, 5000), ("B", 1000, 100, 5000)], 3000, 100,
     {"A": 2000, "B": 1000}),
    ("equalises days of cover, not pieces", [("A", 0, 200, 9000), ("B", 0, 50, 9000)], 5000, 100,
     {"A": 4000, "B": 1000}),
    ("a capped claim frees stock for the others", [("A", 0, 100, 500), ("B", 1000, 100, 5000)], 3000, 100,
     {"A": 500, "B": 2500}),
    ("nothing to share", [("A", 0, 100, 500)], 0, 100, {"A": 0}),
    ("leftover smaller than a pack is kept", [("A", 0, 30, 5050), ("B", 1000, 100, 5000)], 3050, 100,
     {"A": 1000, "B": 2000}),  # at 30 days each the earlier claim takes the last pack
    ("ties: first come first", [("A", 0, 100, 1000), ("B", 0, 100, 1000)], 300, 100, {"A": 200, "B": 100}),
]


@pytest.mark.parametrize(("case", "claims", "available", "pack", "expected"), SPLITS, ids=[s[0] for s in SPLITS])
def test_split_fairly(case: str, claims: list, available: int, pack: int, expected: dict[str, int]) -> None:
    assert split_fairly([Claim(*c) for c in claims], available, pack) == expected


claims_st = st.lists(
    st.tuples(st.integers(0, 5000), st.floats(0, 300, allow_nan=False), st.integers(0, 8000)),
    min_size=1, max_size=8,
).map(lambda xs: [Claim(f"R{i}", s, u, c) for i, (s, u, c) in enumerate(xs)])


@hsettings(max_examples=examples(300), deadline=None)
@given(claims=claims_st, available=st.integers(0, 40000), pack=st.sampled_from([1, 50, 100]))
def test_split_fairly_properties(claims: list[Claim], available: int, pack: int) -> None:
    shares = split_fairly(claims, available, pack)
    assert sum(shares.values()) <= available
    for c in claims:
        assert 0 <= shares[c.reference] <= c.cap
    uncapped = [c for c in claims if shares[c.reference] < c.cap]
    if uncapped and any(c.cap - shares[c.reference] >= pack for c in uncapped):
        # stock left over only when less than a pack remains for anyone who could take a pack
        assert available - sum(shares.values()) < pack
    # water-filling: nobody's last pack went to them while an uncapped claim had fewer days of cover
    for j in claims:
        if shares[j.reference] >= pack and shares[j.reference] % pack == 0 and j.daily_use > 0:
            before_last = (j.stock + shares[j.reference] - pack) / j.daily_use
            for i in uncapped:
                if i.daily_use > 0 and i.cap - shares[i.reference] >= pack:
                    assert (i.stock + shares[i.reference]) / i.daily_use >= before_last - 1e-9


def test_decide_batch_splits_a_short_province_fairly() -> None:
    short = 5000 + 3000  # 3,000 above the reserve
    pending = [
        (request(requested=3000, stated=0, reference="R1"),
         state(row(0, 100, last_reported_on_hand=0, district="65.01"), province_on_hand=short)),
        (request(requested=3000, stated=1000, reference="R2", district="65.02"),
         state(row(1000, 100, district="65.02", last_reported_on_hand=1000), province_on_hand=short)),
    ]
    decisions = decide_batch(pending, SETTINGS)
    assert {ref: d.quantity for ref, d in decisions.items()} == {"R1": 2000, "R2": 1000}
    assert "fair_split" in decisions["R1"].reason_codes
    assert sum(d.approved for d in decisions.values()) <= 3000


def test_decide_batch_leaves_requests_alone_when_the_province_has_enough() -> None:
    pending = [(request(reference="R1"), state()), (request(reference="R2", district="65.02"),
                                                    state(row(district="65.02")))]
    decisions = decide_batch(pending, SETTINGS)
    assert [d.outcome for d in decisions.values()] == ["approve", "approve"]
    assert all("fair_split" not in d.reason_codes for d in decisions.values())


# --- proactive proposals ---------------------------------------------------------------------------

PROACTIVE = [
    ("under threshold: top up to target cover", {"on_hand": 700}, 66000, 2900),
    ("at threshold: nothing", {"on_hand": 1000}, 66000, None),
    ("shipment already incoming: nothing", {"on_hand": 700, "in_transit": 2000}, 66000, None),
    ("low use: at least back to the threshold", {"on_hand": 300, "daily_use": 10}, 66000, 700),
    ("province short: proposal within spare", {"on_hand": 700}, 6000, 1000),
]


@pytest.mark.parametrize(("case", "dist", "province", "expected"), PROACTIVE, ids=[p[0] for p in PROACTIVE])
def test_proactive_proposal(case: str, dist: dict, province: int, expected: int | None) -> None:
    proposal = proactive_proposal(row(**dist), Balance(province), SETTINGS)
    assert (proposal.quantity if proposal else None) == expected
    if proposal is not None:
        assert proposal.outcome == "propose"
        assert proposal.reason_codes[0] == "below_threshold"


def test_no_proactive_proposal_while_a_request_is_open() -> None:
    assert proactive_proposal(row(on_hand=200), Balance(66000), SETTINGS, ("BLK-2026-0003",)) is None


# --- properties over random situations -------------------------------------------------------------

@hsettings(max_examples=examples(400), deadline=None)
@given(
    requested=st.one_of(st.none(), st.integers(1, 20000)),
    on_hand=st.integers(0, 10000), use=st.floats(0, 500, allow_nan=False), in_transit=st.integers(0, 5000),
    province=st.integers(0, 80000), committed=st.integers(0, 20000), pack=st.sampled_from([1, 10, 100, 250]),
    known=st.booleans(),
)
def test_decisions_never_exceed_requested_nor_dip_into_the_reserve(
        requested: int | None, on_hand: int, use: float, in_transit: int, province: int, committed: int,
        pack: int, known: bool) -> None:
    committed = min(committed, province)
    s = settings(pack_size=pack)
    decision = decide(request(requested=requested, stated=None, sender_known=known),
                      state(row(on_hand, use, in_transit=in_transit), province, committed), s)
    if requested is not None:
        assert decision.quantity <= requested
    assert decision.quantity >= 0
    if decision.outcome in ("approve", "approve_partial", "propose"):
        assert province - committed - decision.quantity >= s.reserve["ktp-el"]
        assert decision.quantity <= s.auto_approve_limit
        assert known


def test_a_hold_without_a_proposal_never_says_it_proposes_zero() -> None:
    from mailbot.stock.policy import Decision, Reason

    held = Decision("BLK-2026-0009", "65.01", "ktp-el", "hold", 0, None, (Reason("sender_unknown"),), ())
    assert explain_id(held) == ["belum ada usulan jumlah, menunggu keputusan pimpinan karena alamat pengirim tidak "
                                "terdaftar untuk kabupaten/kota ini"]


def _check_arithmetic(lines: list[str]) -> None:
    """Every 'a - b - c = d' and 'n hari x u/hari - ...' line is true, and rounding follows the line before."""
    import re

    def num(s: str) -> int:
        return int(s.replace(".", ""))

    need = None
    for line in lines:
        m = re.search(r"kebutuhan (\d+) hari x ([\d.]+)/hari - [a-z ]+ ([\d.]+)"
                      r"(?: - sudah disetujui atau dalam pengiriman ([\d.]+))? = (-?[\d.]+)", line)
        if m:
            days, use, stock, inc, result = m.groups()
            assert int(days) * num(use) - num(stock) - num(inc or "0") == num(result), line
            need = max(num(result), 0)
        m = re.search(r"batas minimum: ([\d.]+) - [a-z ]+ ([\d.]+)"
                      r"(?: - sudah disetujui atau dalam pengiriman ([\d.]+))?"
                      r" = ([\d.]+), jadi kebutuhan ([\d.]+)", line)
        if m:
            thr, stock, inc, result, stated_need = m.groups()
            assert num(thr) - num(stock) - num(inc or "0") == num(result) == num(stated_need), line
            need = num(result)
        m = re.search(r"dibulatkan ke atas per kemasan ([\d.]+) keping = ([\d.]+)", line)
        if m:
            assert need is not None, lines
            pack = num(m.group(1))
            assert -(-need // pack) * pack == num(m.group(2)), lines


KIA_LIKE = [
    ({"on_hand": 120, "daily_use": 8, "threshold": 500}, 400),
    ({"on_hand": 120, "daily_use": 8, "threshold": 500, "in_transit": 100}, 300),
    ({"on_hand": 300, "daily_use": 10}, 700),
    ({"on_hand": 700}, 2900),
]


@pytest.mark.parametrize(("dist", "expected"), KIA_LIKE)
def test_proactive_proposal_arithmetic_is_true_line_by_line(dist: dict, expected: int) -> None:
    proposal = proactive_proposal(row(**dist), Balance(20000), SETTINGS)
    assert proposal is not None and proposal.quantity == expected
    lines = explain_id(proposal)
    _check_arithmetic(lines)
    if dist.get("threshold") == 500 and not dist.get("in_transit"):
        assert "kebutuhan 30 hari x 8/hari - sisa menurut catatan 120 = 120" in lines
        assert "untuk kembali ke batas minimum: 500 - sisa menurut catatan 120 = 380, jadi kebutuhan 380" in lines
        assert "dibulatkan ke atas per kemasan 100 keping = 400" in lines
        assert lines[-1] == ("diusulkan 400 karena disesuaikan dengan kebutuhan untuk kembali ke batas minimum "
                             "(400 keping)")
