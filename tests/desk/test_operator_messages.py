"""What the operator reads: the version, help without type noise, one plain line per refusal, zoned log times."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailbot import __version__
from tests.desk.conftest import mailbot


def test_version(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"mailbot {__version__}"


@pytest.mark.parametrize("command", [(), ("approve",), ("run",), ("check-config",), ("supply", "receive")])
def test_help_shows_no_bool_placeholder(desk_dir: Path, command: tuple[str, ...]) -> None:
    result = mailbot(desk_dir, *command, "--help")
    assert result.returncode == 0, result.stderr
    assert "--help" in result.stdout and "<bool>" not in result.stdout


def test_dispatch_of_an_unknown_request_is_one_line(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "dispatch", "BLK-2026-9999")
    assert result.returncode == 1
    assert result.stderr.strip() == "mailbot: no request 'BLK-2026-9999'; see `mailbot requests`"


def test_log_times_show_the_office_zone(desk_dir: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), "-v", "run"],
                            cwd=desk_dir, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    logged = [line for line in stderr.splitlines() if re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", line)]
    assert logged and all(re.match(r"\S+ \S+ WITA (INFO|WARNING|ERROR) ", line) for line in logged), stderr
    assert "mailbot stopped" in stderr and "WARNING" not in stderr


def test_numbers_and_times_are_indonesian_everywhere(desk_dir: Path) -> None:
    from tests.desk.conftest import EXAMPLES

    parsed = mailbot(desk_dir, "parse", str(EXAMPLES / "02-tarakan-laporan.eml"))
    assert parsed.returncode == 0, parsed.stderr
    assert "6.912" in parsed.stdout and "6,912" not in parsed.stdout
    supply = mailbot(desk_dir, "supply", "receive", "10000")
    assert "recorded: 10.000 ktp-el" in supply.stdout
    assert mailbot(desk_dir, "import", *map(str, sorted(EXAMPLES.glob("*.eml")))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    status = mailbot(desk_dir, "status", "--item", "ktp-el")
    assert re.search(r"runway \d+,\d months", status.stdout), status.stdout
    assert "76.000 on hand" in status.stdout

    requests = mailbot(desk_dir, "requests")
    assert requests.returncode == 0, requests.stderr
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]]
            for line in requests.stdout.splitlines() if line.startswith("| BLK-")}  # piped: a plain ASCII table
    header = ["district", "item", "requested", "proposed", "approved", "state", "origin", "received", "sender"]
    # the unknown Gmail sender's request for Nunukan, held for the managers with the policy's proposal
    nunukan = dict(zip(header, rows["BLK-2026-0005"], strict=True))
    assert nunukan["district"].startswith("65.03 Kabupaten")
    assert (nunukan["requested"], nunukan["proposed"], nunukan["approved"]) == ("3.000", "3.000", "-")
    assert nunukan["state"] == "waiting for manager" and nunukan["origin"] == "email"  # whole: no cell wraps
    assert nunukan["received"].endswith("05:01") or re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d", nunukan["received"])
    proactive = dict(zip(header, rows["BLK-2026-0002"], strict=True))
    assert (proactive["requested"], proactive["proposed"], proactive["origin"]) == ("-", "700", "stock alert")
    bulungan = dict(zip(header, rows["BLK-2026-0001"], strict=True))
    assert (bulungan["approved"], bulungan["state"]) == ("2.000", "approved, not dispatched")
    assert "WITA" in requests.stdout


def test_sigterm_while_starting_is_a_clean_stop(desk_dir: Path) -> None:
    """Stopped by systemd before it is fully up (the database still opening), mailbot exits 0, not killed."""
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), "run"],
                            cwd=desk_dir, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    first = proc.stderr.readline()  # the summary line: the configuration is read, the desk not yet open
    assert first.startswith("mailbot 0.1.0: mailbox: Maildir")
    proc.send_signal(signal.SIGTERM)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 0, rest
    assert "Traceback" not in rest and "WARNING" not in rest
