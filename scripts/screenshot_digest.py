"""Render a sample managers' digest to HTML and photograph it with headless Chromium.

Usage: .venv/bin/python scripts/screenshot_digest.py [--out docs] [--html docs/digest.html]

Writes docs/digest-390.png (a phone, 390 px wide) and docs/digest-1280.png (a desktop), both from
the current templates and code.

The sample replays sixty days of daily reports for the five districts of config.toml through the
ledger, the forecast and the policy, so the picture shows what the real digest shows.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailbot.configfile import load_config  # noqa: E402
from mailbot.digest import RequestSummary, WaitingRequest, build_digest_view, render_digest  # noqa: E402
from mailbot.render import make_environment  # noqa: E402
from mailbot.stock.forecast import DailyReport  # noqa: E402
from mailbot.stock.ledger import PROVINCE, Entry, EntryKind, balances, observe  # noqa: E402
from mailbot.stock.status import profiles_from_config, status_table  # noqa: E402

TODAY = date(2026, 11, 27)
# Per district: a use multiplier (outreach weeks push use up) and whether it asks before running out.
BEHAVIOUR = {"65.01": (1.0, True), "65.02": (1.75, False), "65.03": (1.1, True), "65.04": (2.6, False),
             "65.71": (1.0, True)}
SILENT = {"65.03": 3}  # Nunukan has not reported for three working days


def sample(config_path: Path):  # noqa: ANN201 - a script helper
    config = load_config(config_path)
    profiles = profiles_from_config(config)
    rng = random.Random(17)
    start = TODAY - timedelta(days=60)
    at = datetime.combine(start, time(8))
    entries: list[Entry] = [Entry(i, PROVINCE, q, EntryKind.OPENING, at, "config") for i, q in
                            config.stock.opening_province.items()]
    for d in config.districts:
        entries += [Entry(i, d.code, q, EntryKind.OPENING, at, "config") for i, q in d.opening_stock.items()]
    reports: list[DailyReport] = []
    decisions: list[RequestSummary] = []
    arriving: dict[date, list[tuple[str, int]]] = {}
    day = start
    seq = 0
    while day < TODAY:
        day += timedelta(days=1)
        now = datetime.combine(day, time(16))
        for code, qty in arriving.pop(day, []):
            entries.append(Entry("ktp-el", code, qty, EntryKind.RECEIPT_CONFIRMED, now, f"receipt:{code}:{day}"))
        if day.weekday() >= 5:
            continue
        current = balances(entries)
        for p in profiles:
            if code_silent(p.code, day):
                continue
            factor, asks = BEHAVIOUR[p.code]
            use = p.fallback_daily_use.get("ktp-el", 50) * factor * (1.25 if day > TODAY - timedelta(days=14) else 1.0)
            bal = current.get(("ktp-el", p.code))
            assert bal is not None
            printed = min(bal.on_hand, max(0, round(rng.gauss(use, use * 0.2))))
            if rng.random() < 0.08:
                continue  # a missed report
            left = bal.on_hand - printed
            reports.append(DailyReport(p.code, "ktp-el", day, left, printed))
            entries += observe(bal, "ktp-el", p.code, left, now, f"report:{p.code}:{day}")
            pipeline = left + bal.in_transit + bal.committed
            if asks and pipeline < p.threshold and day < TODAY - timedelta(days=3):
                seq += 1
                ref = f"BLK-2026-{seq:04d}"
                qty = max(0, round(30 * use - pipeline, -2))
                entries.append(Entry("ktp-el", p.code, qty, EntryKind.SHIPMENT_APPROVED, now, ref))
                entries.append(Entry("ktp-el", p.code, qty, EntryKind.SHIPMENT_DISPATCHED, now, ref))
                arriving.setdefault(day + timedelta(days=3), []).append((p.code, qty))
                if day > TODAY - timedelta(days=3):
                    decisions.append(RequestSummary(ref, p.name, "ktp-el", now, qty + 500, "approve_partial",
                                                    qty, ("capped_by_need",)))
    decisions += [
        RequestSummary("BLK-2026-0031", "Kota Tarakan", "ktp-el", datetime.combine(TODAY, time(8, 12)), 2000,
                       "approve", 2000),
        RequestSummary("BLK-2026-0032", "Kabupaten Bulungan", "kia", datetime.combine(TODAY, time(9, 40)), None,
                       "clarify", None, ("no_quantity", "no_basis")),
    ]
    waiting = [
        WaitingRequest("BLK-2026-0029", "Kabupaten Nunukan", "ktp-el",
                       datetime.combine(TODAY - timedelta(days=1), time(10, 5)), 8000, 3900,
                       ("over_limit", "contradicts_reports")),
        WaitingRequest("BLK-2026-0030", "Kabupaten Malinau <Dinas>", "ktp-el",
                       datetime.combine(TODAY, time(7, 30)), 1500, 1500, ("sender_unknown",)),
    ]
    status = status_table(entries, reports, profiles, ("ktp-el", "kia"), TODAY, config.stock)
    view = build_digest_view(
        status, office_name=config.office.name, now=datetime.combine(TODAY, time(16, 30)),
        since=datetime.combine(TODAY - timedelta(days=1), time(7)), decisions=decisions, waiting=waiting,
        reserve=config.stock.reserve, working_days=config.stock.working_days,
        silent_working_days=config.alerts.silent_working_days, held_request_hours=config.alerts.held_request_hours,
    )
    return view


def code_silent(code: str, day: date) -> bool:
    missing = SILENT.get(code, 0)
    return missing > 0 and day > TODAY - timedelta(days=missing + 2) and day.weekday() < 5


# Width and a height that holds the whole sample digest at that width.
SIZES = ((390, 2850), (1280, 2450))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "config.toml")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for digest-<width>.png")
    parser.add_argument("--html", type=Path, default=None, help="also keep the rendered HTML here")
    args = parser.parse_args()
    view = sample(args.config)
    subject, text, html = render_digest(view, make_environment(ROOT / "templates"))
    print(subject)
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        print("chromium is not installed (apt-get install -y chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(args.html) if args.html else Path(tmp) / "digest.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(html, encoding="utf-8")
        args.out.mkdir(parents=True, exist_ok=True)
        for width, height in SIZES:
            shot = args.out / f"digest-{width}.png"
            profile = tempfile.mkdtemp(dir=tmp)
            subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 f"--user-data-dir={profile}", f"--window-size={width},{height}",
                 f"--screenshot={shot.resolve()}", page.resolve().as_uri()],
                check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            print(f"screenshot: {shot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
