"""Daily use from daily reports, days of cover, trend, working days and the provincial runway."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mailbot.stock.forecast import (
    DailyReport,
    DistrictStock,
    add_working_days,
    days_of_cover,
    estimate_use,
    provincial_runway,
    trend_of,
    working_days_between,
)

WEEKDAYS = [0, 1, 2, 3, 4]
TODAY = date(2026, 11, 27)  # Friday


def rep(day: str, stock: int | None = None, printed: int | None = None) -> DailyReport:
    return DailyReport("65.01", "ktp-el", date.fromisoformat(day), stock, printed)


def use(reports: list[DailyReport], history_days: int = 28, fallback: float | None = 50.0):  # noqa: ANN201
    return estimate_use(reports, TODAY, history_days=history_days, working_days=WEEKDAYS, fallback=fallback)


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2026-11-27", "2026-11-30", 1),  # Fri -> Mon
    ("2026-11-23", "2026-11-27", 4),  # Mon -> Fri
    ("2026-11-20", "2026-11-27", 5),  # a week
    ("2026-11-01", "2026-11-30", 21),
    ("2026-11-27", "2026-11-27", 0),
    ("2026-11-28", "2026-11-29", 0),  # a weekend
])
def test_working_days_between(start: str, end: str, expected: int) -> None:
    assert working_days_between(date.fromisoformat(start), date.fromisoformat(end), WEEKDAYS) == expected


@pytest.mark.parametrize(("start", "n", "expected"), [
    ("2026-11-27", 1, "2026-11-30"), ("2026-11-27", 5, "2026-12-04"), ("2026-11-23", 4, "2026-11-27"),
    ("2026-11-23", 0, "2026-11-23"), ("2026-11-28", 1, "2026-11-30"), ("2026-11-27", 21, "2026-12-28"),
])
def test_add_working_days(start: str, n: int, expected: str) -> None:
    assert add_working_days(date.fromisoformat(start), n, WEEKDAYS) == date.fromisoformat(expected)


def test_add_and_count_agree_over_a_year() -> None:
    start = date(2026, 1, 1)
    for n in range(0, 300, 7):
        assert working_days_between(start, add_working_days(start, n, WEEKDAYS), WEEKDAYS) == n


# (case, reports, expected daily use, basis, covered working days)
USES = [
    ("printed counts, one week", [rep("2026-11-23", 900, 100), rep("2026-11-24", 790, 110),
                                  rep("2026-11-25", 670, 120), rep("2026-11-26", 580, 90),
                                  rep("2026-11-27", 500, 80)], 100.0, "reports", 5),
    ("missing days are left out, not zero", [rep("2026-11-23", None, 100), rep("2026-11-27", None, 140)],
     120.0, "reports", 2),
    ("a weekend has no reports and is not a gap", [rep("2026-11-20", None, 100), rep("2026-11-23", None, 120)],
     110.0, "reports", 2),
    ("stock drop spread over the working days between", [rep("2026-11-20", 1000), rep("2026-11-23", 880),
                                                          rep("2026-11-25", 640)], 120.0, "reports", 3),
    ("a delivery between reports is skipped", [rep("2026-11-23", 500), rep("2026-11-24", 2400),
                                               rep("2026-11-25", 2300)], 100.0, "reports", 1),
    ("printed preferred over the drop", [rep("2026-11-23", 1000, 50), rep("2026-11-24", 700, 90)],
     70.0, "reports", 2),
    ("saturday outreach adds cards but no day", [rep("2026-11-20", None, 100), rep("2026-11-21", None, 60)],
     160.0, "reports", 1),
    ("outside the window is ignored", [rep("2026-10-01", None, 999), rep("2026-11-27", None, 80)],
     80.0, "reports", 1),
    ("future reports are ignored", [rep("2026-11-27", None, 80), rep("2026-11-30", None, 999)],
     80.0, "reports", 1),
    ("no history: fallback", [], 50.0, "fallback", 0),
    ("only weekend reports: fallback", [rep("2026-11-22", None, 40)], 50.0, "fallback", 0),
    ("a later report for the same day replaces the first", [rep("2026-11-27", None, 10),
                                                            rep("2026-11-27", None, 70)], 70.0, "reports", 1),
    ("drop anchored on the report before the window", [rep("2026-10-29", 1000), rep("2026-11-02", 760)],
     120.0, "reports", 2),
]


@pytest.mark.parametrize(("case", "reports", "expected", "basis", "covered"), USES, ids=[u[0] for u in USES])
def test_estimate_use(case: str, reports: list[DailyReport], expected: float, basis: str, covered: int) -> None:
    usage = use(reports)
    assert (usage.daily_use, usage.basis, usage.working_days_covered) == (pytest.approx(expected), basis, covered)


def test_no_history_and_no_fallback_has_no_basis() -> None:
    usage = use([], fallback=0)
    assert (usage.daily_use, usage.basis) == (0.0, "none")


def _weeks(first: int, second: int) -> list[DailyReport]:
    days = [TODAY - timedelta(days=i) for i in range(27, -1, -1)]
    return [rep(d.isoformat(), None, first if d <= TODAY - timedelta(days=14) else second)
            for d in days if d.weekday() < 5]


@pytest.mark.parametrize(("first", "second", "trend"), [
    (100, 140, "rising"), (140, 100, "falling"), (100, 110, "flat"), (100, 90, "flat"), (0, 20, "rising"),
])
def test_trend_compares_recent_with_earlier_half(first: int, second: int, trend: str) -> None:
    assert use(_weeks(first, second)).trend == trend


def test_trend_unknown_with_too_few_days() -> None:
    assert use([rep("2026-11-27", None, 100)]).trend == "unknown"
    assert trend_of(None, 100.0, 0.15) == "unknown"


@pytest.mark.parametrize(("stock", "daily", "expected"), [(2400, 120.0, 20.0), (0, 50.0, 0.0), (500, 0.0, None),
                                                          (-5, 10.0, 0.0)])
def test_days_of_cover(stock: int, daily: float, expected: float | None) -> None:
    assert days_of_cover(stock, daily) == expected


def test_runway_of_the_article_figures() -> None:
    # 66,000 in the store, 31,000 over five districts (thresholds 1,000 and 500), 475 cards a working day
    districts = [DistrictStock(8000, 1000, 110), DistrictStock(5500, 1000, 70), DistrictStock(7500, 1000, 130),
                 DistrictStock(2500, 500, 25), DistrictStock(7500, 1000, 140)]
    r = provincial_runway("ktp-el", 66000, 0, districts, TODAY, working_days=WEEKDAYS, horizon_months=6)
    assert (r.province_free, r.district_surplus, r.runway_stock) == (66000, 26500, 92500)
    assert r.total_daily_use == 475
    assert r.working_days == pytest.approx(194.74, abs=0.005)  # 92,500 / 475
    assert r.runs_out_on == add_working_days(TODAY, 194, WEEKDAYS) == date(2027, 8, 26)
    assert r.months == pytest.approx(8.94, abs=0.005)  # 272 calendar days of 30.44 a month
    assert not r.below_horizon


def test_runway_counts_commitments_once_and_flags_a_short_horizon() -> None:
    districts = [DistrictStock(800 + 2000, 1000, 300)]  # 2,000 promised to it counts in its pipeline
    r = provincial_runway("ktp-el", 20000, 2000, districts, TODAY, working_days=WEEKDAYS, horizon_months=6)
    assert (r.province_free, r.district_surplus) == (18000, 1800)
    assert r.working_days == pytest.approx(66.0)  # (18,000 + 1,800) / 300
    assert r.runs_out_on == date(2027, 3, 1)  # thirteen weeks of five working days and one more day
    assert r.months == pytest.approx(3.09, abs=0.005)  # 94 calendar days
    assert r.below_horizon


def test_runway_without_use_is_unbounded() -> None:
    r = provincial_runway("kia", 20000, 0, [DistrictStock(100, 1000, 0)], TODAY, working_days=WEEKDAYS,
                          horizon_months=6)
    assert (r.months, r.runs_out_on, r.below_horizon) == (None, None, False)


def test_add_working_days_never_overflows_the_calendar() -> None:
    far = add_working_days(date(2026, 11, 27), 10**15, WEEKDAYS)
    assert date(3000, 1, 1) < far < date(4100, 1, 1)
