"""Shared bench plumbing: the test servers, the desk config, child processes with peak RSS, percentiles."""

from __future__ import annotations

import math
import os
import subprocess
import sys
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
    "DovecotServer",
    "SmtpServer",
    "district_request",
    "dovecot_missing_reason",
    "mailbot_command",
    "percentile",
    "pipeline_missing_reason",
    "run_child",
    "write_desk_config",
]


@dataclass(frozen=True)
class ChildRun:
    returncode: int
    seconds: float
    peak_rss_mb: float
    output: str


def run_child(command: list[str], env: dict[str, str] | None = None, timeout: float = 900.0) -> ChildRun:
    """Run *command*, wait for it, and report its wall time and peak RSS (from wait4)."""
    log_path = Path(f"/tmp/mailbot-bench-child-{os.getpid()}.log")
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
            time.sleep(0.02)
        seconds = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    output = log_path.read_text(errors="replace")
    log_path.unlink(missing_ok=True)
    return ChildRun(proc.returncode, seconds, usage.ru_maxrss / 1024.0, output)


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
