"""The status table: balances and forecasts for every district and item, from entries and reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from mailbot.stock.forecast import (
    DailyReport,
    DistrictStock,
    Runway,
    Trend,
    UseBasis,
    days_of_cover,
    estimate_use,
    provincial_runway,
)
from mailbot.stock.ledger import PROVINCE, Balance, Entry, balances
from mailbot.stock.settings import DistrictsSettings, StockSettings

StockState = Literal["ok", "low", "critical"]


@dataclass(frozen=True)
class DistrictProfile:
    """What the configuration says about a district: its name, threshold and assumed use."""

    code: str
    name: str
    threshold: int
    fallback_daily_use: Mapping[str, float]  # per item; an item missing: the [stock] fallback_daily_use applies


def profiles_from_config(config: DistrictsSettings) -> tuple[DistrictProfile, ...]:
    return tuple(
        DistrictProfile(d.code, d.name, config.threshold_for(d.code), dict(d.daily_use)) for d in config.districts
    )


@dataclass(frozen=True)
class DistrictStatus:
    """One row of the status table: a district's stock of one item and how long it lasts.

    approved_pending is stock promised to the district and not yet dispatched; incoming adds it to
    what is in transit. cover_days counts on-hand stock only (None: no use, lasts indefinitely).
    """

    district: str
    name: str
    item: str
    on_hand: int
    in_transit: int
    approved_pending: int
    threshold: int
    daily_use: float
    use_basis: UseBasis
    trend: Trend
    cover_days: float | None
    last_report: date | None
    last_reported_on_hand: int | None
    state: StockState
    # set when *on_hand* is the stock the district stated on that day (newer than the ledger's figure), not a
    # booked one: the ledger's on-hand and state beside it (mailbot.stock.status.with_stated)
    stated_on: date | None = None
    ledger_on_hand: int | None = None
    ledger_state: StockState | None = None
    # adjustments booked at the district after its last report (a loss written off): that report's figure moved
    # by them is what a later statement is compared with (mailbot.stock.policy.contradiction)
    adjusted_since_report: int = 0

    @property
    def incoming(self) -> int:
        return self.in_transit + self.approved_pending

    @property
    def pipeline(self) -> int:
        """Stock the district has or will have without a new request."""
        return self.on_hand + self.incoming


@dataclass(frozen=True)
class StockStatus:
    """Every district row and the province's balance and runway, per item, on one day."""

    today: date
    districts: tuple[DistrictStatus, ...]
    province: Mapping[str, Balance]
    runways: Mapping[str, Runway]

    def rows(self, item: str) -> tuple[DistrictStatus, ...]:
        return tuple(d for d in self.districts if d.item == item)

    def row(self, district: str, item: str) -> DistrictStatus | None:
        return next((d for d in self.districts if d.district == district and d.item == item), None)


def stock_state(on_hand: int, threshold: int, cover_days: float | None, critical_cover_days: float) -> StockState:
    """critical: empty or lasting fewer than critical_cover_days; low: under the threshold; else ok."""
    if on_hand <= 0 or (cover_days is not None and cover_days < critical_cover_days):
        return "critical"
    if on_hand < threshold:
        return "low"
    return "ok"


def with_stated(status: StockStatus, said: Mapping[tuple[str, str], tuple[int, date]],
                critical_cover_days: float) -> StockStatus:
    """*status* with each district row whose district stated another stock (*said*: (district, item) -> (the
    stock, the day), the latest statement, newer than the ledger's figure) shown at that stock: its cover and
    state follow it, the ledger's on-hand and state kept beside it. The ledger itself is untouched.

    >>> from mailbot.stock.ledger import Balance
    >>> row = DistrictStatus("65.01", "Bulungan", "ktp-el", 8000, 0, 0, 1000, 110.0, "fallback", "unknown", 72.7,
    ...                      None, None, "ok")
    >>> shown = with_stated(StockStatus(date(2026, 12, 6), (row,), {}, {}), {("65.01", "ktp-el"): (650,
    ...                     date(2026, 12, 6))}, 5).districts[0]
    >>> (shown.on_hand, round(shown.cover_days or 0), shown.state, shown.ledger_on_hand, shown.ledger_state)
    (650, 6, 'low', 8000, 'ok')
    """
    rows = []
    for row in status.districts:
        found = said.get((row.district, row.item))
        if found is None or found[0] == row.on_hand:
            rows.append(row)
            continue
        quantity, day = found
        cover = days_of_cover(quantity, row.daily_use)
        rows.append(replace(row, on_hand=quantity, cover_days=cover, stated_on=day, ledger_on_hand=row.on_hand,
                            ledger_state=row.state,
                            state=stock_state(quantity, row.threshold, cover, critical_cover_days)))
    return replace(status, districts=tuple(rows))


def district_status(profile: DistrictProfile, item: str, balance: Balance, reports: Sequence[DailyReport],
                    today: date, settings: StockSettings) -> DistrictStatus:
    """The status row of one district and item."""
    fallback = profile.fallback_daily_use.get(item, settings.fallback_daily_use.get(item, 0.0))
    usage = estimate_use(reports, today, history_days=settings.history_days, working_days=settings.working_days,
                         fallback=fallback, trend_tolerance=settings.trend_tolerance)
    last: DailyReport | None = None
    for r in reports:
        if r.day <= today and r.stock_on_hand is not None and (last is None or r.day >= last.day):
            last = r
    cover = days_of_cover(balance.on_hand, usage.daily_use)
    return DistrictStatus(
        district=profile.code, name=profile.name, item=item,
        on_hand=balance.on_hand, in_transit=balance.in_transit, approved_pending=balance.committed,
        threshold=profile.threshold, daily_use=usage.daily_use, use_basis=usage.basis, trend=usage.trend,
        cover_days=cover,
        last_report=last.day if last else None,
        last_reported_on_hand=last.stock_on_hand if last else None,
        state=stock_state(balance.on_hand, profile.threshold, cover, settings.critical_cover_days),
    )


def status_table(entries: Iterable[Entry], reports: Iterable[DailyReport], profiles: Sequence[DistrictProfile],
                 items: Sequence[str], today: date, settings: StockSettings) -> StockStatus:
    """Balances from *entries* and forecasts from *reports* for every district and item, and the runways.

    Reports older than history_days (plus a margin for the stock-drop anchor) may be left out by the
    caller; they do not change the result except through the last report date.
    """
    return status_from_balances(balances(entries), reports, profiles, items, today, settings)


def status_from_balances(by_location: Mapping[tuple[str, str], Balance], reports: Iterable[DailyReport],
                         profiles: Sequence[DistrictProfile], items: Sequence[str], today: date,
                         settings: StockSettings,
                         latest: Mapping[tuple[str, str], DailyReport] | None = None) -> StockStatus:
    """The status table from balances already summed per (item, location) (as the database sums them).

    *latest* holds, per (district, item), the newest report with a stock figure however old: a
    district with no report in *reports* still shows when it last reported, and what.
    """
    grouped: dict[tuple[str, str], list[DailyReport]] = defaultdict(list)
    for r in reports:
        grouped[(r.district, r.item)].append(r)
    for key, last in (latest or {}).items():
        recent = grouped[key]
        if not recent or recent[-1].day < last.day:
            recent.insert(0, last)
    rows: list[DistrictStatus] = []
    province: dict[str, Balance] = {}
    runways: dict[str, Runway] = {}
    for item in items:
        item_rows = [
            district_status(p, item, by_location.get((item, p.code), Balance()), grouped.get((p.code, item), ()),
                            today, settings)
            for p in profiles
        ]
        rows.extend(item_rows)
        store = by_location.get((item, PROVINCE), Balance())
        province[item] = store
        runways[item] = provincial_runway(
            item, store.on_hand, store.committed,
            [DistrictStock(r.pipeline, r.threshold, r.daily_use) for r in item_rows],
            today, working_days=settings.working_days, horizon_months=settings.runway_horizon_months,
        )
    return StockStatus(today, tuple(rows), province, runways)
