"""Hostile mail through the real desk: scripts/make_hostile.py's messages, `mailbot run --once` on a
Maildir and SQLite in groups, and what came of it (for tests/desk/test_fuzz.py and bench/bench_fuzz.py)."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("make_hostile", ROOT / "scripts" / "make_hostile.py")
assert _spec is not None and _spec.loader is not None
make_hostile = importlib.util.module_from_spec(_spec)
sys.modules["make_hostile"] = make_hostile
_spec.loader.exec_module(make_hostile)

_TIMING_RE = re.compile(r"message (\S+): read ahead in ([\d.]+) s, walked in ([\d.]+) s")
_MID_RE = re.compile(rb"^Message-ID: (<[^>\r\n]+>)", re.MULTILINE)


@dataclass
class RunResult:
    returncode: int
    seconds: float
    peak_rss_mb: float  # the largest single process of the run (wait4: the run and the helpers it reaped)
    peak_tree_rss_mb: float  # the run's process tree at its peak, RSS summed (sampled)
    stderr: str


@dataclass
class FuzzFigures:
    """What a fuzz run did, to print or to assert on."""

    messages: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    runs: list[RunResult] = field(default_factory=list)
    processed: int = 0  # moved to the inbox's cur/
    quarantined: int = 0  # moved to its .Quarantine
    left: int = 0  # still in new/: neither
    reasons: Counter[str] = field(default_factory=Counter)  # quarantine reasons, by limit name or error kind
    unreasoned: int = 0  # quarantined rows without a reason
    tracebacks: int = 0
    timed: int = 0  # messages with a timing line
    max_message_seconds: float = 0.0
    slowest: str = ""
    good: int = 0  # authenticated district requests
    good_answered: int = 0  # ... processed, with a reply queued
    reports: int = 0  # district reports with an ordinary spreadsheet
    reports_read: int = 0  # ... processed as a stock report
    seconds: float = 0.0

    @property
    def failed_runs(self) -> list[RunResult]:
        return [r for r in self.runs if r.returncode != 0]

    @property
    def peak_rss_mb(self) -> float:
        return max((r.peak_rss_mb for r in self.runs), default=0.0)

    @property
    def peak_tree_rss_mb(self) -> float:
        return max((r.peak_tree_rss_mb for r in self.runs), default=0.0)

    def report(self) -> str:
        lines = [
            f"messages {self.messages:,} in {len(self.runs)} runs of `mailbot run --once`, {self.seconds:.0f} s; "
            f"kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items())),
            f"runs exiting non-zero {len(self.failed_runs)}; tracebacks in stderr {self.tracebacks}",
            f"processed {self.processed:,}, quarantined {self.quarantined:,}, left in the inbox {self.left:,}",
            f"good requests {self.good}, answered {self.good_answered}; "
            f"spreadsheet reports {self.reports}, read {self.reports_read}",
            f"slowest message {self.max_message_seconds:.2f} s ({self.slowest}); timed {self.timed:,}",
            f"peak RSS {self.peak_rss_mb:.0f} MB (largest process), {self.peak_tree_rss_mb:.0f} MB (process tree)",
            "quarantined by reason:",
            *(f"  {n:6,}  {reason}" for reason, n in self.reasons.most_common()),
        ]
        return "\n".join(lines)


def fuzz_config(folder: Path) -> Path:
    """The shipped config in *folder*, with the fuzz mail server's authserv-id required and no reply cap."""
    text = (ROOT / "config.toml").read_text()
    for key, value in (("authserv_id", f'"{make_hostile.GOOD_AUTHSERV_ID}"'), ("require_authentication", "true"),
                       ("max_replies_per_sender_per_day", "100000"), ("max_outbound_per_minute", "100000")):
        text = re.sub(rf"(?m)^#?\s*{key}\s*=.*\n", "", text)
        text = text.replace("[guards]\n", f"[guards]\n{key} = {value}\n", 1)
    path = folder / "config.toml"
    path.write_text(text)
    return path


def run_fuzz(folder: Path, *, count: int = 5000, seed: int = 10, group: int = 500, bomb_scale: int = 1,
             timeout: float = 600.0) -> FuzzFigures:
    """Deliver *count* hostile messages *group* at a time to a fresh desk in *folder*, each group followed
    by one `mailbot -v run --once`; then count what became of them."""
    started = time.monotonic()
    config = fuzz_config(folder)
    inbox = folder / "var" / "mail" / "inbox"
    for sub in ("new", "cur", "tmp"):
        (inbox / sub).mkdir(parents=True, exist_ok=True)
    figures = FuzzFigures()
    good_ids: dict[str, set[str]] = {"good": set(), "good-spreadsheet": set()}
    batch: list[make_hostile.Hostile] = []
    for n, message in enumerate(make_hostile.generate(count, seed, bomb_scale=bomb_scale)):
        figures.messages += 1
        figures.kinds[message.kind] += 1
        if message.kind in good_ids:
            mid = _MID_RE.search(message.raw)
            assert mid is not None
            good_ids[message.kind].add(mid.group(1).decode())
        batch.append(message)
        if len(batch) == group or n == count - 1:
            for i, m in enumerate(batch):
                name = f"{n - len(batch) + 1 + i:05d}.{m.kind}.fuzz"
                (inbox / "tmp" / name).write_bytes(m.raw)
                os.replace(inbox / "tmp" / name, inbox / "new" / name)
            batch = []
            figures.runs.append(_run_once(config, timeout))
    _count(figures, folder, inbox, good_ids)
    figures.seconds = time.monotonic() - started
    return figures


def _run_once(config: Path, timeout: float) -> RunResult:
    command = [sys.executable, "-m", "mailbot", "--config", str(config), "-v", "run", "--once"]
    err_path = config.parent / "stderr.log"
    with open(err_path, "wb") as err:
        began = time.monotonic()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, cwd=config.parent)
        tree = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - began > timeout:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            tree = max(tree, _tree_rss_kb(proc.pid))
            time.sleep(0.1)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return RunResult(proc.returncode, time.monotonic() - began, usage.ru_maxrss / 1024, tree / 1024,
                     err_path.read_text(errors="replace"))


def _tree_rss_kb(root: int) -> int:
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def _count(figures: FuzzFigures, folder: Path, inbox: Path, good_ids: dict[str, set[str]]) -> None:
    figures.processed = len(list((inbox / "cur").iterdir()))
    quarantine = inbox / ".Quarantine" / "cur"
    figures.quarantined = len(list(quarantine.iterdir())) if quarantine.exists() else 0
    figures.left = len(list((inbox / "new").iterdir()))
    for run in figures.runs:
        figures.tracebacks += run.stderr.count("Traceback (most recent call last)")
        for key, ahead, walked in _TIMING_RE.findall(run.stderr):
            figures.timed += 1
            seconds = float(ahead) + float(walked)
            if seconds > figures.max_message_seconds:
                figures.max_message_seconds, figures.slowest = seconds, key
    db = sqlite3.connect(folder / "var" / "mailbot.db")
    try:
        for (error,) in db.execute("SELECT error FROM messages WHERE status = 'quarantined'"):
            if not error:
                figures.unreasoned += 1
            figures.reasons[_reason_kind(error or "")] += 1
        figures.good, figures.reports = len(good_ids["good"]), len(good_ids["good-spreadsheet"])
        for mid in good_ids["good"]:
            row = db.execute("SELECT id, status FROM messages WHERE message_id = ?", (mid,)).fetchone()
            # answered: its reply, or the note that the same request came before (two good mails may say the same)
            if row is not None and row[1] == "processed" and db.execute(
                    "SELECT 1 FROM outbox WHERE purpose IN (?, ?)", (f"reply:{row[0]}", f"resent:{row[0]}")).fetchone():
                figures.good_answered += 1
        for mid in good_ids["good-spreadsheet"]:
            row = db.execute("SELECT status, kind FROM messages WHERE message_id = ?", (mid,)).fetchone()
            figures.reports_read += row == ("processed", "stock_report")
    finally:
        db.close()


def _reason_kind(error: str) -> str:
    """A quarantine reason without its figures: the limit's name, else the reason with digits dropped."""
    head = error.split(":", 1)[0]
    if re.fullmatch(r"[a-z_]+", head):
        return head
    return re.sub(r"\d[\d,.]*", "N", error)[:80]


def clean(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
