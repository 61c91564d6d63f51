"""Shared bench plumbing: the test servers, the desk config, child processes with peak RSS, percentiles."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.desk_config import PASSWORD_ENV, write_desk_config  # noqa: E402
from tests.servers import (  # noqa: E402
    DISTRICTS,
    DovecotServer,
    SmtpServer,
    district_request,
    dovecot_missing_reason,
)

__all__ = [
    "DISTRICTS",
    "PASSWORD_ENV",
    "REPO",
    "ChildRun",
    "DeskRun",
    "DovecotServer",
    "SmtpServer",
    "district_request",
    "dovecot_missing_reason",
    "mailbot_command",
    "percentile",
    "pipeline_missing_reason",
    "run_child",
    "run_desk_once",
    "write_desk_config",
]


@dataclass(frozen=True)
class ChildRun:
    returncode: int
    seconds: float
    peak_rss_mb: float  # the largest single process of the tree (wait4)
    output: str
    peak_tree_rss_mb: float = 0.0  # the whole process tree at its peak, RSS summed (shared pages counted twice)
    peak_tree_pss_mb: float = 0.0  # the same, proportional set size (shared pages split among their sharers)
    cpu_seconds: float = 0.0  # user + system CPU of the command and the processes it waited for (wait4)
    # the largest single process of the tree as sampled (peak_rss_mb, from wait4, also counts what the
    # benchmark itself held when it forked the command: Linux keeps the pre-exec high-water mark)
    peak_process_rss_mb: float = 0.0


def _tree(root: int) -> list[int]:
    """*root* and every process descended from it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def _tree_memory_kb(root: int) -> tuple[int, int, int]:
    """(RSS, PSS, largest RSS of one process) of the process tree under *root*, in kB, from
    /proc/<pid>/smaps_rollup."""
    rss = pss = largest = 0
    for pid in _tree(root):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                    largest = max(largest, int(line.split()[1]))
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss, largest


def run_child(command: list[str], env: dict[str, str] | None = None, timeout: float = 900.0,
              sample_tree: bool = False) -> ChildRun:
    """Run *command*, wait for it, and report its wall time and peak RSS (from wait4).

    With *sample_tree*, the memory of the whole process tree (the command and the processes it
    starts) is sampled every 50 ms, and its peak reported too.
    """
    log_path = Path(f"/tmp/mailbot-bench-child-{os.getpid()}.log")
    tree_rss = tree_pss = one_rss = 0
    with open(log_path, "wb") as log:
        started = time.monotonic()
        proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            if sample_tree:
                rss, pss, largest = _tree_memory_kb(proc.pid)
                tree_rss, tree_pss, one_rss = max(tree_rss, rss), max(tree_pss, pss), max(one_rss, largest)
                time.sleep(0.05)
            else:
                time.sleep(0.02)
        seconds = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    output = log_path.read_text(errors="replace")
    log_path.unlink(missing_ok=True)
    return ChildRun(proc.returncode, seconds, usage.ru_maxrss / 1024.0, output, tree_rss / 1024.0,
                    tree_pss / 1024.0, usage.ru_utime + usage.ru_stime, one_rss / 1024.0)


@dataclass(frozen=True)
class DeskRun:
    """One `mailbot run --once` of a fresh desk against the test servers, and what it did there."""

    run: ChildRun
    processed: int  # messages this run moved to the processed folder
    replies: int  # replies the SMTP server captured during this run


def run_desk_once(dovecot: DovecotServer, smtp: SmtpServer, *, fetch_batch: int, helper_processes: bool,
                  timeout: float = 900.0, sample_tree: bool = False) -> DeskRun:
    """`mailbot run --once` with a database of its own, on whatever the Dovecot INBOX holds now."""
    moved_before, replies_before = dovecot.count(dovecot.mailbox("mailbot/processed")), len(smtp.messages)
    folder = Path(tempfile.mkdtemp(prefix="mailbot-bench-"))
    config = write_desk_config(folder, dovecot, smtp, fetch_batch=fetch_batch,
                               max_replies_per_sender_per_day=1_000_000, helper_processes=helper_processes)
    env = dict(os.environ, **{PASSWORD_ENV: dovecot.password})
    run = run_child([*mailbot_command(), "--config", str(config), "run", "--once"], env=env, timeout=timeout,
                    sample_tree=sample_tree)
    return DeskRun(run, dovecot.count(dovecot.mailbox("mailbot/processed")) - moved_before,
                   len(smtp.messages) - replies_before)


def mailbot_command() -> list[str]:
    script = Path(sys.executable).parent / "mailbot"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mailbot"]


def pipeline_missing_reason() -> str | None:
    """Why `mailbot run` cannot be benchmarked yet, or None."""
    done = subprocess.run(
        [sys.executable, "-c", "import mailbot.cli, mailbot.service, mailbot.pipeline"],
        capture_output=True, text=True, cwd=REPO,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        return f"mailbot run is not importable: {last}"
    return None


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of *values* (fraction 0.5 for p50, 0.95 for p95)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]
