"""Consumption forecasts: daily use from daily reports, days of cover, trend, provincial runway."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Trend = Literal["rising", "falling", "flat", "unknown"]
UseBasis = Literal["reports", "fallback", "none"]

DAYS_PER_MONTH = 365.25 / 12
# Each half of the window needs this many covered working days before a trend is called.
MIN_TREND_DAYS = 3


@dataclass(frozen=True)
class DailyReport:
    """What one daily activity report says about one item: cards printed and blanks left."""

    district: str
    item: str
    day: date
    stock_on_hand: int | None = None
    printed: int | None = None


@dataclass(frozen=True)
class Usage:
    """A district's estimated use of one item, per working day, and how it was estimated.

    cards_used over working_days_covered is the average; basis says whether it comes from
    reports, from the configured fallback, or from nothing (fallback 0 and no history).
    """

    daily_use: float
    basis: UseBasis
    working_days_covered: int
    cards_used: int
    trend: Trend
    recent_daily_use: float | None = None
    earlier_daily_use: float | None = None


def is_working_day(day: date, working_days: Collection[int]) -> bool:
    return day.weekday() in working_days


def working_days_between(start: date, end: date, working_days: Collection[int]) -> int:
    """Working days d with start < d <= end (0 when end <= start).

    >>> working_days_between(date(2026, 11, 27), date(2026, 11, 30), [0, 1, 2, 3, 4])  # Fri -> Mon
    1
    """
    days = (end - start).days
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    count = weeks * len(set(working_days))
    first = start.weekday()
    for i in range(1, rest + 1):
        if (first + i) % 7 in working_days:
            count += 1
    return count


MAX_HORIZON_YEARS = 1000


def add_working_days(start: date, n: int, working_days: Collection[int]) -> date:
    """The date of the n-th working day after *start* (start itself when n <= 0).

    A date beyond the calendar (a stock that lasts for millennia) is capped at MAX_HORIZON_YEARS
    from *start*, so no stock figure can make a status, a digest or an alert fail.
    """
    per_week = len(set(working_days))
    if n <= 0 or per_week == 0:
        return start
    n = min(n, per_week * 52 * MAX_HORIZON_YEARS)
    weeks, rest = divmod(n, per_week)
    if rest == 0:
        weeks, rest = weeks - 1, per_week
    day = start + timedelta(weeks=weeks)
    while rest:
        day += timedelta(days=1)
        if day.weekday() in working_days:
            rest -= 1
    return day


def estimate_use(reports: Sequence[DailyReport], today: date, *, history_days: int,
                 working_days: Collection[int], fallback: float | None,
                 trend_tolerance: float = 0.15) -> Usage:
    """Average daily use (per working day) of one district and item over the last *history_days*.

    A report's printed count is the day's use. Without it, the drop in stock since the previous
    report is spread over the working days in between (a rise means a delivery arrived, and that
    interval is skipped). Days without a report are left out, never counted as zero. Printing on a
    non-working day (outreach on a Saturday) adds its cards but no day, so the week's use is kept.
    With no covered working day the configured *fallback* is used.
    """
    window_start = today - timedelta(days=history_days)
    by_day: dict[date, DailyReport] = {}
    anchor: DailyReport | None = None
    for r in reports:
        if r.day > today:
            continue
        if r.day > window_start:
            by_day[r.day] = r  # a later report for the same day replaces the earlier one
        elif r.stock_on_hand is not None and (anchor is None or r.day >= anchor.day):
            anchor = r
    observations: list[tuple[date, int, int]] = []  # (day, working days covered, cards used)
    previous = anchor
    for day in sorted(by_day):
        r = by_day[day]
        if r.printed is not None:
            observations.append((day, 1 if day.weekday() in working_days else 0, r.printed))
        elif previous is not None and previous.stock_on_hand is not None and r.stock_on_hand is not None:
            drop = previous.stock_on_hand - r.stock_on_hand
            if drop >= 0:
                observations.append((day, working_days_between(previous.day, day, working_days), drop))
        if r.stock_on_hand is not None:
            previous = r
    covered = sum(o[1] for o in observations)
    used = sum(o[2] for o in observations)
    if covered == 0:
        if fallback:
            return Usage(float(fallback), "fallback", 0, 0, "unknown")
        return Usage(0.0, "none", 0, 0, "unknown")
    middle = today - timedelta(days=history_days / 2)
    recent = [o for o in observations if o[0] > middle]
    earlier = [o for o in observations if o[0] <= middle]
    recent_rate = _rate(recent)
    earlier_rate = _rate(earlier)
    return Usage(used / covered, "reports", covered, used,
                 trend_of(recent_rate, earlier_rate, trend_tolerance), recent_rate, earlier_rate)


def _rate(observations: Sequence[tuple[date, int, int]]) -> float | None:
    covered = sum(o[1] for o in observations)
    if covered < MIN_TREND_DAYS:
        return None
    return sum(o[2] for o in observations) / covered


def trend_of(recent: float | None, earlier: float | None, tolerance: float) -> Trend:
    """rising/falling when the recent rate differs from the earlier one by more than *tolerance*."""
    if recent is None or earlier is None:
        return "unknown"
    if earlier == 0:
        return "rising" if recent > 0 else "flat"
    change = (recent - earlier) / earlier
    if change > tolerance:
        return "rising"
    if change < -tolerance:
        return "falling"
    return "flat"


def days_of_cover(stock: int, daily_use: float) -> float | None:
    """Working days *stock* lasts at *daily_use*; None when nothing is used (it lasts indefinitely)."""
    if daily_use <= 0:
        return None
    return max(stock, 0) / daily_use


@dataclass(frozen=True)
class Runway:
    """How long the provincial stock of one item lasts at the current total use.

    runway_stock = province_free + district_surplus, where province_free is the store's stock not
    yet promised (on hand - committed) and district_surplus is, per district, its stock (on hand +
    in transit + promised to it) above its threshold, summed. Stock above a threshold is used before
    the district asks again, so it postpones the draw on the province; stock under the threshold is
    the district's working buffer and never comes back to the store. The reserve is counted: it is
    the province's to spend, only not automatically. working_days = runway_stock / total_daily_use;
    runs_out_on is that many working days after today; months is the calendar distance.
    """

    item: str
    province_on_hand: int
    province_committed: int
    province_free: int
    district_surplus: int
    runway_stock: int
    total_daily_use: float
    working_days: float | None
    runs_out_on: date | None
    months: float | None
    horizon_months: float
    below_horizon: bool


@dataclass(frozen=True)
class DistrictStock:
    """The inputs of the runway for one district: its stock pipeline, threshold and use."""

    stock: int  # on hand + in transit + promised, not yet dispatched
    threshold: int
    daily_use: float


def provincial_runway(item: str, province_on_hand: int, province_committed: int,
                      districts: Sequence[DistrictStock], today: date, *, working_days: Collection[int],
                      horizon_months: float) -> Runway:
    """The provincial runway of *item* as defined in Runway."""
    free = max(0, province_on_hand - province_committed)
    surplus = sum(max(0, d.stock - d.threshold) for d in districts)
    stock = free + surplus
    use = sum(d.daily_use for d in districts)
    if use <= 0:
        return Runway(item, province_on_hand, province_committed, free, surplus, stock, use, None, None, None,
                      horizon_months, False)
    wd = stock / use
    runs_out = add_working_days(today, math.floor(wd), working_days)
    months = (runs_out - today).days / DAYS_PER_MONTH
    return Runway(item, province_on_hand, province_committed, free, surplus, stock, use, wd, runs_out, months,
                  horizon_months, months < horizon_months)
