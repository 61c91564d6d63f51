"""Time `mailbot status` and the digest through the database, for a national deployment.

514 districts x 365 days of daily reports and the ledger entries they imply, in a SQLite database in a
temporary folder (bulk-inserted with SQLAlchemy core). Then, in the same run:

  floor        a bare SQL SUM(...) GROUP BY item, location over the ledger (what no status can beat)
  stock_status mailbot.store.stock.stock_status(session, desk), what `mailbot status` computes
  digest       mailbot.watch.build_digest(desk), text and HTML
  cli status   the `mailbot status` command end to end in a subprocess (start-up, open the desk, render)

Usage: .venv/bin/python bench/bench_status_db.py [--districts 514] [--days 365] [--repeat 3] [--profile]
Target: under one second each. --profile prints where the time goes for a step over the target
(cProfile, in-process; the CLI is profiled by calling its command in-process).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import redirect_stdout
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from mailbot import watch  # noqa: E402
from mailbot.app import open_desk  # noqa: E402
from mailbot.configfile import load_config  # noqa: E402
from mailbot.desk import Desk  # noqa: E402
from mailbot.stock.ledger import Entry, EntryKind, postings  # noqa: E402
from mailbot.store import stock as ledger  # noqa: E402
from mailbot.store.schema import Decision, Digest, LedgerEntry, Report, Request  # noqa: E402

WITA = ZoneInfo("Asia/Makassar")
TARGET = 1.0


def district_codes(n: int) -> list[str]:
    """Kemendagri-like codes: 11.01 ... , twenty districts per province code."""
    return [f"{11 + i // 20:02d}.{i % 20 + 1:02d}" for i in range(n)]


def write_config(folder: Path, codes: list[str]) -> Path:
    """The shipped config with a national district list and a store large enough for a year."""
    shipped = (ROOT / "config.toml").read_text()
    head = shipped[: shipped.index("\n[[districts]]\n") + 1]
    head = head.replace('opening_province = { "ktp-el" = 66000, "kia" = 20000 }',
                        'opening_province = { "ktp-el" = 3000000, "kia" = 1000000 }')
    blocks = []
    for code in codes:
        slug = code.replace(".", "")
        blocks.append(
            f'[[districts]]\ncode = "{code}"\nname = "Kabupaten {code}"\n'
            f'senders = ["disdukcapil@kab{slug}.example", "operator@kab{slug}.example"]\n'
            f'opening_stock = {{ "ktp-el" = 6000, "kia" = 2000 }}\n'
        )
    path = folder / "config.toml"
    path.write_text(head + "\n".join(blocks))
    return path


def fill(desk: Desk, codes: list[str], days: int, today: date, seed: int = 7) -> dict[str, int]:
    """365 days of daily reports per district, the ledger entries they imply, requests and decisions."""
    rng = random.Random(seed)
    start = today - timedelta(days=days)
    reports: list[dict[str, object]] = []
    rows: list[dict[str, object]] = []
    requests: list[dict[str, object]] = []
    decisions: list[tuple[int, dict[str, object]]] = []

    def at(day: date, hour: int) -> datetime:
        return datetime.combine(day, dtime(hour), tzinfo=WITA).astimezone(UTC)

    def book(entry: Entry, actor: str) -> None:
        for p in postings(entry):
            rows.append({"item": p.item, "location": p.location, "kind": str(entry.kind), "on_hand": p.on_hand,
                         "in_transit": p.in_transit, "committed": p.committed, "at": entry.at,
                         "source": entry.source, "request_pk": None, "actor": actor, "note": entry.note or None})

    seq = 0
    for code in codes:
        use = rng.uniform(20, 250)
        stock = 6000
        for n in range(1, days + 1):
            day = start + timedelta(days=n)
            if day.weekday() >= 5:
                continue
            if rng.random() < 0.03:
                continue  # a missed report
            if stock < 1000:  # asked, approved, dispatched and received the same week
                seq += 1
                qty = int(30 * use) // 100 * 100 + 100
                ref = f"BLK-{day.year}-{seq:05d}"[:20]
                for kind, hour in ((EntryKind.SHIPMENT_APPROVED, 9), (EntryKind.SHIPMENT_DISPATCHED, 10),
                                   (EntryKind.RECEIPT_CONFIRMED, 11)):
                    book(Entry("ktp-el", code, qty, kind, at(day, hour), f"bench:{ref}", ref), "bench")
                requests.append({"reference": ref, "district": code, "item": "ktp-el", "message_pk": None,
                                 "sender": f"disdukcapil@kab{code.replace('.', '')}.example", "requested": qty,
                                 "stock_on_hand": stock, "state": "received", "approved": qty, "linked_to": None,
                                 "proactive": False, "created_at": at(day, 9), "updated_at": at(day, 11),
                                 "held_since": None})
                decisions.append((len(requests), {
                    "outcome": "approve", "quantity": qty, "actor": "policy", "note": None, "at": at(day, 9),
                    "reasons": [], "arithmetic": [{"code": "approved", "value": qty, "requested": qty,
                                                   "need": qty, "spare": 100000, "limited_by": "requested"}]}))
                stock += qty
            printed = min(stock, max(0, round(rng.gauss(use, use * 0.25))))
            stock -= printed
            reports.append({"district": code, "item": "ktp-el", "report_date": day, "recorded": printed + 7,
                            "printed": printed, "stock_on_hand": stock, "message_pk": None, "at": at(day, 16)})
            book(Entry("ktp-el", code, printed, EntryKind.STOCK_OBSERVED, at(day, 16), f"bench:report:{code}:{day}",
                       f"observed {stock}"), "bench")
    # a few requests waiting for a manager
    for code in codes[:25]:
        requests.append({"reference": f"BLK-H-{code}", "district": code, "item": "ktp-el", "message_pk": None,
                         "sender": None, "requested": 8000, "stock_on_hand": 900, "state": "held", "approved": 6000,
                         "linked_to": None, "proactive": False, "created_at": at(today, 8),
                         "updated_at": at(today, 8), "held_since": at(today, 8)})
        decisions.append((len(requests), {"outcome": "hold", "quantity": 6000, "actor": "policy", "note": None,
                                          "at": at(today, 8), "reasons": [{"code": "over_limit", "limit": 5000}],
                                          "arithmetic": []}))
    with desk.engine.begin() as conn:
        first = conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM requests")).scalar_one()
        for chunk in range(0, len(reports), 20000):
            conn.execute(insert(Report), reports[chunk:chunk + 20000])
        for chunk in range(0, len(rows), 20000):
            conn.execute(insert(LedgerEntry), rows[chunk:chunk + 20000])
        conn.execute(insert(Request), requests)
        conn.execute(insert(Decision), [{"request_pk": first + i, **d} for i, d in decisions])
        # the previous digest went out yesterday morning: this one covers a day
        conn.execute(insert(Digest), [{"period": (today - timedelta(days=1)).isoformat(),
                                       "at": at(today - timedelta(days=1), 7)}])
        conn.execute(text("ANALYZE"))
    return {"reports": len(reports), "ledger rows": len(rows), "requests": len(requests)}


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(first run, best of the repeats) in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times[0], min(times)


def profile(fn: Callable[[], object], limit: int = 25) -> str:
    """The *limit* most expensive calls (cumulative) in mailbot, rich and alembic code under *fn*."""
    prof = cProfile.Profile()
    with redirect_stdout(io.StringIO()):
        prof.runcall(fn)
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).sort_stats("cumulative")
    stats.print_stats(r"/mailbot/|rich/console|rich/table|alembic/command", limit)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=514)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="profile every step over the target")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mailbot-bench-") as tmp:
        folder = Path(tmp)
        codes = district_codes(args.districts)
        config_path = write_config(folder, codes)
        config = load_config(config_path)
        today = datetime.now(WITA).date()
        t0 = time.perf_counter()
        desk = open_desk(config)
        opened = time.perf_counter() - t0
        t0 = time.perf_counter()
        counts = fill(desk, codes, args.days, today)
        filled = time.perf_counter() - t0
        size = (folder / "var" / "mailbot.db").stat().st_size
        print(f"{args.districts} districts x {args.days} days: {counts['reports']:,} reports, "
              f"{counts['ledger rows']:,} ledger rows, {counts['requests']:,} requests; "
              f"database {size / 1e6:.0f} MB (open+opening balances {opened:.1f} s, fill {filled:.1f} s)")

        def floor() -> object:
            with desk.engine.connect() as conn:
                return conn.execute(text(
                    "SELECT item, location, SUM(on_hand), SUM(in_transit), SUM(committed) "
                    "FROM ledger_entries GROUP BY item, location")).all()

        def status() -> object:
            with desk.sessions() as session:
                return ledger.stock_status(session, desk)

        def digest() -> object:
            return watch.build_digest(desk)

        cli_cmd = [sys.executable, "-m", "mailbot", "--config", str(config_path), "status"]
        env = {**os.environ, "COLUMNS": "160"}

        def cli() -> object:
            done = subprocess.run(cli_cmd, capture_output=True, text=True, cwd=folder, env=env, timeout=600)
            if done.returncode != 0:
                raise RuntimeError(done.stderr)
            return done.stdout

        def python_start() -> object:
            return subprocess.run([sys.executable, "-c", "import mailbot.cli"], check=True, cwd=folder)

        def reopen() -> object:
            again = open_desk(load_config(config_path))  # migrate + ensure_opening_balances, as every command
            again.close()
            return again

        def render() -> object:
            from rich.console import Console

            from mailbot.config import ITEMS
            from mailbot.views import print_status

            console = Console(file=io.StringIO(), width=160)
            print_status(desk, console, items=ITEMS)
            return console.file

        steps: list[tuple[str, Callable[[], object], bool]] = [
            ("floor: SQL SUM GROUP BY ledger", floor, False),
            ("stock_status(session, desk)", status, True),
            ("watch.build_digest(desk)", digest, True),
            ("`mailbot status` (subprocess)", cli, True),
            ("  of which: python + import mailbot.cli", python_start, False),
            ("  of which: open_desk (migrate, openings)", reopen, False),
            ("  of which: print_status (status + rich)", render, False),
        ]
        results = {}
        print(f"\n{'step':44} {'first':>8} {'best':>8}  target < {TARGET:.0f} s")
        for name, fn, targeted in steps:
            first, best = timed(fn, args.repeat)
            results[name] = best
            verdict = ("ok" if best < TARGET else "MISSED") if targeted else ""
            print(f"{name:44} {first:8.3f} {best:8.3f}  {verdict}")
        rows = len(floor())  # type: ignore[arg-type]
        print(f"\n(floor returns {rows} balances; status renders {2 * args.districts} rows)")

        if args.profile:
            def cli_in_process() -> None:
                from mailbot.cli import app

                try:
                    app(["--config", str(config_path), "status"], standalone_mode=False)
                except SystemExit:
                    pass

            for name, fn in (("stock_status(session, desk)", status), ("watch.build_digest(desk)", digest),
                             ("`mailbot status` (subprocess)", cli_in_process)):
                if results[name] >= TARGET:
                    print(f"\n--- profile: {name} ---")
                    print(profile(fn))
        desk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
