"""The allocation policy: a request and the stock situation in, a Decision with reasons and arithmetic out."""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Literal

from mailbot.stock.forecast import working_days_between
from mailbot.stock.ledger import Balance, available_to_ship
from mailbot.stock.settings import StockSettings
from mailbot.stock.status import DistrictStatus

Outcome = Literal["approve", "approve_partial", "hold", "clarify", "propose"]
AUTOMATIC: frozenset[str] = frozenset({"approve", "approve_partial"})
Value = int | float | str | None

# Hold reasons, in the order they are reported.
HOLD_CODES = ("sender_unknown", "unauthenticated", "open_request", "contradicts_reports", "over_limit",
              "no_need", "province_short")


@dataclass(frozen=True)
class Request:
    """A district's request as read from its email. requested None: the email gave no number."""

    reference: str
    district: str
    item: str
    requested: int | None
    stated_on_hand: int | None
    received_at: datetime
    sender_known: bool = True
    authenticated: bool = True
    # the day an earlier mail of the district stated *stated_on_hand* (this request's mail stated none): a stock
    # newer than the ledger's figure, told as the district's statement of that day, never as the ledger's
    stated_earlier: date | None = None


@dataclass(frozen=True)
class PolicyState:
    """What the policy knows when it decides: the district's row, the province store, other open requests."""

    district: DistrictStatus
    province: Balance
    open_requests: tuple[str, ...] = ()  # references of the district's other undecided/undelivered requests


@dataclass(frozen=True)
class Reason:
    """Why a decision came out as it did: a code (English, stable) and the numbers behind it."""

    code: str
    data: Mapping[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One line of the arithmetic: a named value and the operands it came from."""

    code: str
    value: int | float
    data: Mapping[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    """The policy's answer to one request.

    quantity is what is approved (approve, approve_partial), or what is proposed (propose, and
    hold: what a manager would approve by agreeing); 0 for clarify.
    """

    reference: str
    district: str
    item: str
    outcome: Outcome
    quantity: int
    requested: int | None
    reasons: tuple[Reason, ...]
    steps: tuple[Step, ...]

    @property
    def approved(self) -> int:
        return self.quantity if self.outcome in AUTOMATIC else 0

    @property
    def reason_codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    def step(self, code: str) -> Step | None:
        return next((s for s in self.steps if s.code == code), None)

    def reasons_json(self) -> list[dict[str, object]]:
        return [{"code": r.code, **dict(r.data)} for r in self.reasons]

    def steps_json(self) -> list[dict[str, object]]:
        return [{"code": s.code, "value": s.value, **dict(s.data)} for s in self.steps]


def round_up_to_pack(quantity: int, pack_size: int) -> int:
    return 0 if quantity <= 0 else math.ceil(quantity / pack_size) * pack_size


def round_down_to_pack(quantity: int, pack_size: int) -> int:
    return 0 if quantity <= 0 else (quantity // pack_size) * pack_size


def contradiction(request: Request, district: DistrictStatus, settings: StockSettings) -> Reason | None:
    """A Reason when the stock stated in *request* cannot be squared with the district's recent reports.

    The last report's count, less the use since then, is what the district should have; the stated
    figure may sit anywhere between that and the count itself plus what is in transit, with a margin
    of contradiction_tolerance (relative) but at least contradiction_min_pieces. Reports older than
    contradiction_report_days working days are not compared. Adjustments booked after the report (a loss
    the operator wrote off) move its count: a statement equal to the books since is no contradiction.
    """
    stated = request.stated_on_hand
    said = district.last_reported_on_hand
    if stated is None or said is None or district.last_report is None:
        return None
    reported = max(0, said + district.adjusted_since_report)
    elapsed = working_days_between(district.last_report, request.received_at.date(), settings.working_days)
    if elapsed > settings.contradiction_report_days:
        return None
    expected = max(0, reported - round(district.daily_use * elapsed))
    margin = max(settings.contradiction_tolerance * reported, settings.contradiction_min_pieces)
    low = expected - margin
    high = reported + district.in_transit + margin
    if low <= stated <= high:
        return None
    return Reason("contradicts_reports", {"stated": stated, "reported": said,
                                          "report_date": district.last_report.isoformat(),
                                          "expected": expected, "margin": round(margin)})


@dataclass(frozen=True)
class _Figures:
    stock: int
    stock_source: str
    target: int
    need: int
    need_packed: int
    spare: int
    cap_spare: int
    steps: tuple[Step, ...]


def _figures(request: Request, state: PolicyState, settings: StockSettings, contradicted: bool,
             share: int | None) -> _Figures:
    d = state.district
    use_ok = request.stated_on_hand is not None and not contradicted
    stock = request.stated_on_hand if use_ok and request.stated_on_hand is not None else d.on_hand
    source = ("stated_earlier" if request.stated_earlier is not None else "stated") if use_ok else "ledger"
    target = math.ceil(settings.target_cover_days * d.daily_use)
    raw = target - stock - d.incoming
    need = max(0, raw)
    packed = round_up_to_pack(need, settings.pack_size)
    reserve = settings.reserve.get(request.item, 0)
    spare = available_to_ship(state.province, reserve)
    cap_spare = round_down_to_pack(spare, settings.pack_size)
    steps = [
        Step("daily_use", round(d.daily_use, 1), {"basis": d.use_basis}),
        Step("need", need, {"days": settings.target_cover_days, "daily_use": round(d.daily_use, 1),
                            "target": target, "stock": stock, "stock_source": source,
                            "incoming": d.incoming, "raw": raw,
                            **({"stated_on": request.stated_earlier.isoformat()}
                               if source == "stated_earlier" and request.stated_earlier is not None else {})}),
    ]
    if packed != need:
        steps.append(Step("pack", packed, {"need": need, "pack_size": settings.pack_size}))
    steps.append(Step("spare", spare, {"on_hand": state.province.on_hand, "committed": state.province.committed,
                                       "reserve": reserve}))
    if share is not None:
        cap_spare = min(cap_spare, share)
        steps.append(Step("fair_share", share, {}))
    return _Figures(stock, source, target, need, packed, spare, cap_spare, tuple(steps))


def decide(request: Request, state: PolicyState, settings: StockSettings, *, share: int | None = None) -> Decision:
    """Decide one request.

    approved = min(requested, need rounded up to the pack size, province spare above its reserve
    (rounded down to whole packs), and the fair *share* when a split applies). need = target
    cover days x daily use - (stock + incoming), never negative; stock is the figure stated in the
    request when it agrees with the reports, the ledger's figure otherwise. The request is held
    for a manager when the sender is unknown or unauthenticated, the district has another open
    request, the stated stock contradicts its reports, the quantity is over auto_approve_limit,
    there is no need, or the province cannot spare anything. Without a number: a need-based
    proposal, or a clarification when there is no basis (no use known, or no need).
    """
    d = state.district
    requested = request.requested if request.requested is not None and request.requested > 0 else None
    contra = contradiction(request, d, settings)
    f = _figures(request, state, settings, contra is not None, share)
    holds: list[Reason] = []
    if not request.sender_known:
        holds.append(Reason("sender_unknown"))
    if not request.authenticated:
        holds.append(Reason("unauthenticated"))
    if state.open_requests:
        holds.append(Reason("open_request", {"references": ", ".join(state.open_requests)}))
    if contra is not None:
        holds.append(contra)
    info: list[Reason] = []
    if d.use_basis == "fallback":
        info.append(Reason("fallback_use", {"daily_use": round(d.daily_use, 1)}))
    if share is not None:
        info.append(Reason("fair_split", {"share": share}))

    def make(outcome: Outcome, quantity: int, reasons: Sequence[Reason], final: Step | None) -> Decision:
        steps = f.steps + ((final,) if final else ())
        return Decision(request.reference, request.district, request.item, outcome, quantity, requested,
                        tuple(reasons) + tuple(info), steps)

    if requested is None:
        if d.use_basis == "none" or d.daily_use <= 0:
            return make("clarify", 0, [*holds, Reason("no_quantity"), Reason("no_basis")], None)
        if f.need_packed == 0:
            return make("clarify", 0, [*holds, Reason("no_quantity"), Reason("no_need", {"stock": f.stock})], None)
        quantity = min(f.need_packed, f.cap_spare)
        limited_by = "need" if quantity == f.need_packed else "spare"
        final = Step("proposed", quantity, {"need": f.need_packed, "spare": f.cap_spare, "limited_by": limited_by})
        if quantity > settings.auto_approve_limit:
            holds.append(Reason("over_limit", {"limit": settings.auto_approve_limit, "quantity": quantity}))
        if quantity == 0:
            holds.append(Reason("province_short", {"spare": f.spare}))
        outcome: Outcome = "hold" if holds else "propose"
        return make(outcome, quantity, [*holds, Reason("no_quantity")], final)

    quantity = min(requested, f.need_packed, f.cap_spare)
    if quantity == requested:
        limited_by = "requested"
    elif quantity == f.need_packed:
        limited_by = "need"
    else:
        limited_by = "share" if share is not None and share < round_down_to_pack(f.spare, settings.pack_size) \
            else "spare"
    final = Step("approved", quantity, {"requested": requested, "need": f.need_packed, "spare": f.cap_spare,
                                        "limited_by": limited_by})
    if quantity > settings.auto_approve_limit:
        holds.append(Reason("over_limit", {"limit": settings.auto_approve_limit, "quantity": quantity}))
    if quantity == 0 and f.need_packed == 0:
        holds.append(Reason("no_need", {"stock": f.stock, "incoming": d.incoming, "target": f.target}))
    elif quantity == 0:
        holds.append(Reason("province_short", {"spare": f.spare}))
    if holds:
        return make("hold", quantity, holds, final)
    if quantity == requested:
        return make("approve", quantity, [], final)
    cap = Reason("capped_by_need", {"need": f.need_packed}) if limited_by == "need" else \
        Reason("capped_by_spare", {"spare": f.cap_spare})
    return make("approve_partial", quantity, [cap], final)


@dataclass(frozen=True)
class Claim:
    """One district waiting for stock in a fair split: its stock pipeline, use, and most it may get."""

    reference: str
    stock: int
    daily_use: float
    cap: int


def split_fairly(claims: Sequence[Claim], available: int, pack_size: int = 1) -> dict[str, int]:
    """Share *available* among *claims* so that days of cover come out as equal as possible.

    Water-filling: the claim with the fewest days of cover ((stock + share) / daily use) gets the
    next pack, until the stock or every cap is exhausted. So no claim's last pack went to it while
    another, still uncapped, had fewer days of cover. Shares are whole packs except where a cap is
    not a multiple of the pack size. Never more than a claim's cap; the total never exceeds
    *available*. Ties go to the earlier claim in *claims* (first come, first served as a tiebreak);
    claims without use (no need of cover) come last.
    """
    shares = {c.reference: 0 for c in claims}
    budget = min(max(available, 0), sum(max(c.cap, 0) for c in claims))
    heap = [(_cover(c, 0), order) for order, c in enumerate(claims) if c.cap > 0]
    heapq.heapify(heap)
    while budget > 0 and heap:
        cover, order = heapq.heappop(heap)
        c = claims[order]
        share = shares[c.reference]
        packs = 1
        if heap and c.daily_use > 0 and heap[0][0] != math.inf:
            # Every pack given before this claim passes the next one's cover would go to it anyway
            # (at equal cover only when it came first): give them at once.
            room = (heap[0][0] * c.daily_use - c.stock - share) / pack_size
            if not math.isfinite(room) or room > budget:
                packs = math.ceil(budget / pack_size)
            else:
                packs = max(1, math.floor(room) + 1 if order < heap[0][1] else math.ceil(room))
        elif not heap:
            packs = math.ceil(budget / pack_size)
        give = min(packs * pack_size, c.cap - share)
        if give > budget:
            give = round_down_to_pack(budget, pack_size)  # never break a pack for a leftover
        if give <= 0:
            continue
        shares[c.reference] = share + give
        budget -= give
        if shares[c.reference] < c.cap:
            heapq.heappush(heap, (_cover(c, shares[c.reference]), order))
    return shares


def _cover(c: Claim, share: int) -> float:
    return math.inf if c.daily_use <= 0 else (c.stock + share) / c.daily_use


def decide_batch(pending: Sequence[tuple[Request, PolicyState]], settings: StockSettings) -> dict[str, Decision]:
    """Decide several requests for the same item together, splitting fairly when the province is short.

    Each request is first decided alone against the same province store. When the automatic
    approvals together exceed what the province can spare, they are decided again with the share
    split_fairly gives each (capped by its own requested and need). Held requests do not take stock.
    """
    alone = {req.reference: decide(req, st, settings) for req, st in pending}
    auto = [(req, st) for req, st in pending if alone[req.reference].outcome in AUTOMATIC]
    if not auto:
        return alone
    item = auto[0][0].item
    reserve = settings.reserve.get(item, 0)
    spare = round_down_to_pack(available_to_ship(auto[0][1].province, reserve), settings.pack_size)
    if sum(alone[req.reference].quantity for req, _ in auto) <= spare:
        return alone
    claims = []
    for req, st in auto:
        unconstrained = decide(req, replace(st, province=Balance(on_hand=10**12)), settings)
        claims.append(Claim(req.reference, st.district.pipeline, st.district.daily_use, unconstrained.quantity))
    shares = split_fairly(claims, spare, settings.pack_size)
    result = dict(alone)
    for req, st in auto:
        result[req.reference] = decide(req, st, settings, share=shares[req.reference])
    return result


def proactive_proposal(district: DistrictStatus, province: Balance, settings: StockSettings,
                       open_requests: tuple[str, ...] = ()) -> Decision | None:
    """A shipment to propose for a district under its threshold that has not asked (None: none needed).

    The trigger is the district's pipeline (on hand + incoming) under its threshold, and no open
    request. The quantity tops the district up to target cover, at least back to its threshold,
    in whole packs, within what the province can spare.
    """
    if open_requests or district.pipeline >= district.threshold:
        return None
    target = math.ceil(settings.target_cover_days * district.daily_use)
    raw = target - district.pipeline
    to_threshold = district.threshold - district.pipeline
    need = max(raw, to_threshold, 0)
    by_threshold = to_threshold > max(raw, 0)
    packed = round_up_to_pack(need, settings.pack_size)
    reserve = settings.reserve.get(district.item, 0)
    spare = available_to_ship(province, reserve)
    cap_spare = round_down_to_pack(spare, settings.pack_size)
    quantity = min(packed, cap_spare)
    steps = (
        Step("daily_use", round(district.daily_use, 1), {"basis": district.use_basis}),
        Step("need", max(raw, 0), {"days": settings.target_cover_days, "daily_use": round(district.daily_use, 1),
                                   "target": target, "stock": district.on_hand, "stock_source": "ledger",
                                   "incoming": district.incoming, "raw": raw}),
        *((Step("threshold", need, {"threshold": district.threshold, "stock": district.on_hand,
                                    "incoming": district.incoming}),) if by_threshold else ()),
        *((Step("pack", packed, {"need": need, "pack_size": settings.pack_size}),) if packed != need else ()),
        Step("spare", spare, {"on_hand": province.on_hand, "committed": province.committed, "reserve": reserve}),
        Step("proposed", quantity, {"need": packed, "spare": cap_spare,
                                    "limited_by": ("threshold" if by_threshold else "need")
                                    if quantity == packed else "spare"}),
    )
    reasons = [Reason("below_threshold", {"on_hand": district.on_hand, "threshold": district.threshold})]
    if quantity == 0:
        reasons.append(Reason("province_short", {"spare": spare}))
    if quantity > settings.auto_approve_limit:
        reasons.append(Reason("over_limit", {"limit": settings.auto_approve_limit, "quantity": quantity}))
    return Decision(f"proactive:{district.district}", district.district, district.item, "propose", quantity, None,
                    tuple(reasons), steps)
