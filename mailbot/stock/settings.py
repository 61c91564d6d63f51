"""What the stock core reads from the configuration, as protocols: the core never imports the config module.

The configuration models (`mailbot.config.StockConfig`, `AlertsConfig`, `Config`) satisfy these as
they are; tests may pass any value with the same attributes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol


class StockSettings(Protocol):
    """The `[stock]` settings: cover targets, pack size, reserve and the forecast's parameters."""

    @property
    def target_cover_days(self) -> int: ...
    @property
    def reserve(self) -> Mapping[str, int]: ...
    @property
    def pack_size(self) -> int: ...
    @property
    def auto_approve_limit(self) -> int: ...
    @property
    def fallback_daily_use(self) -> Mapping[str, float]: ...
    @property
    def history_days(self) -> int: ...
    @property
    def runway_horizon_months(self) -> float: ...
    @property
    def contradiction_tolerance(self) -> float: ...
    @property
    def working_days(self) -> Sequence[int]: ...
    @property
    def critical_cover_days(self) -> float: ...
    @property
    def contradiction_min_pieces(self) -> int: ...
    @property
    def trend_tolerance(self) -> float: ...
    @property
    def contradiction_report_days(self) -> int: ...


class AlertSettings(Protocol):
    """The `[alerts]` settings the conditions use."""

    @property
    def silent_working_days(self) -> int: ...
    @property
    def held_request_hours(self) -> float: ...


class DistrictSettings(Protocol):
    """One `[[districts]]` entry: its code, name and assumed daily use per item."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def daily_use(self) -> Mapping[str, float]: ...


class DistrictsSettings(Protocol):
    """The districts of the configuration, and each one's threshold."""

    @property
    def districts(self) -> Sequence[DistrictSettings]: ...

    def threshold_for(self, code: str) -> int: ...
