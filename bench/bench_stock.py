"""Time the status table and the digest for a national deployment: 514 districts x 365 days of reports.

Usage: .venv/bin/python bench/bench_stock.py [--districts 514] [--days 365] [--repeat 3]
Target: under one second each (pure computation, data in memory; the DB read is timed separately).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailbot.config import StockConfig  # noqa: E402
from mailbot.digest import RequestSummary, WaitingRequest, build_digest_view, render_digest  # noqa: E402
from mailbot.render import make_environment  # noqa: E402
from mailbot.stock.forecast import DailyReport  # noqa: E402
from mailbot.stock.ledger import PROVINCE, Entry, EntryKind  # noqa: E402
from mailbot.stock.status import DistrictProfile, status_table  # noqa: E402

TODAY = date(2026, 11, 27)


def generate(districts: int, days: int, seed: int = 7) -> tuple[list[Entry], list[DailyReport], list[DistrictProfile]]:
    """Opening stock, daily reports (printed and stock left) and the matching ledger entries."""
    rng = random.Random(seed)
    start = TODAY - timedelta(days=days)
    at = datetime(start.year, start.month, start.day, 8)
    profiles = [DistrictProfile(f"{11 + i // 100:02d}.{i % 100:02d}", f"Kabupaten {i:03d}", 1000, {})
                for i in range(districts)]
    entries = [Entry("ktp-el", PROVINCE, 2_000_000, EntryKind.OPENING, at, "config")]
    reports: list[DailyReport] = []
    for p in profiles:
        use = rng.uniform(20, 250)
        stock = rng.randint(2000, 9000)
        entries.append(Entry("ktp-el", p.code, stock, EntryKind.OPENING, at, "config"))
        for n in range(1, days + 1):
            day = start + timedelta(days=n)
            if day.weekday() >= 5 or rng.random() < 0.05:
                continue
            if stock < 1000:
                shipped = 30 * round(use / 10) * 10
                src = f"request:{p.code}:{day}"
                entries += [Entry("ktp-el", p.code, shipped, k, at, src) for k in
                            (EntryKind.SHIPMENT_APPROVED, EntryKind.SHIPMENT_DISPATCHED, EntryKind.RECEIPT_CONFIRMED)]
                stock += shipped
            printed = min(stock, max(0, round(rng.gauss(use, use * 0.25))))
            stock -= printed
            reports.append(DailyReport(p.code, "ktp-el", day, stock, printed if rng.random() > 0.1 else None))
            entries.append(Entry("ktp-el", p.code, printed, EntryKind.STOCK_OBSERVED,
                                 datetime(day.year, day.month, day.day, 16), f"report:{p.code}:{day}"))
    return entries, reports, profiles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=514)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = StockConfig(opening_province={"ktp-el": 2_000_000, "kia": 0})
    t0 = time.perf_counter()
    entries, reports, profiles = generate(args.districts, args.days)
    print(f"generated {len(reports):,} daily reports and {len(entries):,} ledger entries "
          f"for {len(profiles)} districts in {time.perf_counter() - t0:.2f} s")
    env = make_environment(ROOT / "templates")
    decisions = [RequestSummary(f"BLK-2026-{i:04d}", p.name, "ktp-el", datetime(2026, 11, 26, 9), 2000, "approve",
                                2000) for i, p in enumerate(profiles[:40])]
    waiting = [WaitingRequest(f"BLK-2026-9{i:03d}", p.name, "ktp-el", datetime(2026, 11, 26, 9), 9000, 6000,
                              ("over_limit",)) for i, p in enumerate(profiles[:10])]
    best_status = best_digest = float("inf")
    html = ""
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        status = status_table(entries, reports, profiles, ("ktp-el",), TODAY, settings)
        best_status = min(best_status, time.perf_counter() - t0)
        t0 = time.perf_counter()
        view = build_digest_view(status, office_name="Ditjen Dukcapil", now=datetime(2026, 11, 27, 7),
                                 since=datetime(2026, 11, 26, 7), decisions=decisions, waiting=waiting,
                                 reserve=settings.reserve, working_days=settings.working_days,
                                 silent_working_days=2, held_request_hours=24, items=("ktp-el",))
        _, text, html = render_digest(view, env)
        best_digest = min(best_digest, time.perf_counter() - t0)
    print(f"status table (balances + forecast, {len(status.districts)} rows): {best_status:.3f} s")
    print(f"digest view + render ({len(html) // 1024} KiB HTML, {len(text) // 1024} KiB text): {best_digest:.3f} s")
    ok = best_status < 1 and best_digest < 1
    print("target < 1 s each:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
