"""Literal building blocks for the stock tests: a district row, settings, a request."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from mailbot.config import AlertsConfig, StockConfig
from mailbot.stock.ledger import Balance
from mailbot.stock.policy import PolicyState, Request
from mailbot.stock.status import DistrictStatus

TODAY = date(2026, 11, 27)  # a Friday
NOW = datetime(2026, 11, 27, 9, 30)

SETTINGS = StockConfig(
    opening_province={"ktp-el": 66000, "kia": 20000}, threshold=1000, target_cover_days=30,
    reserve={"ktp-el": 5000, "kia": 1000}, pack_size=100, auto_approve_limit=5000,
    fallback_daily_use={"ktp-el": 50, "kia": 50},
    history_days=28, runway_horizon_months=6, contradiction_tolerance=0.25, working_days=[0, 1, 2, 3, 4],
)
ALERTS = AlertsConfig(silent_working_days=2, held_request_hours=24)


def settings(**changes: object) -> StockConfig:
    return SETTINGS.model_copy(update=changes)


def row(on_hand: int = 800, daily_use: float = 120.0, *, district: str = "65.01", item: str = "ktp-el",
        in_transit: int = 0, approved_pending: int = 0, threshold: int = 1000, use_basis: str = "reports",
        last_report: date | None = date(2026, 11, 26), last_reported_on_hand: int | None = None,
        state: str = "low", name: str = "Kabupaten Bulungan", trend: str = "flat") -> DistrictStatus:
    return DistrictStatus(
        district=district, name=name, item=item, on_hand=on_hand, in_transit=in_transit,
        approved_pending=approved_pending, threshold=threshold, daily_use=daily_use,
        use_basis=use_basis,  # type: ignore[arg-type]
        trend=trend,  # type: ignore[arg-type]
        cover_days=on_hand / daily_use if daily_use else None, last_report=last_report,
        last_reported_on_hand=on_hand if last_reported_on_hand is None else last_reported_on_hand,
        state=state,  # type: ignore[arg-type]
    )


def request(requested: int | None = 2000, stated: int | None = 800, **changes: object) -> Request:
    base = Request("BLK-2026-0001", "65.01", "ktp-el", requested, stated, NOW)
    return replace(base, **changes)  # type: ignore[arg-type]


def state(district: DistrictStatus | None = None, province_on_hand: int = 66000, committed: int = 0,
          open_requests: tuple[str, ...] = ()) -> PolicyState:
    return PolicyState(district or row(), Balance(province_on_hand, 0, committed), open_requests)
