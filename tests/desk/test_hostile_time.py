"""A message built to make the reader slow is refused within the parse limit, even with the CPU busy."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot

PARSE_SECONDS = 5  # the shipped max_parse_seconds
MARGIN = 10  # on a CPU shared with two busy loops; starting Python is measured apart (_baseline)


def _table_in_one_line(rows: int) -> bytes:
    """A multipart message whose text/html part is one line holding a table of *rows* rows."""
    table = "<table>" + "<tr><td>Sisa stok</td><td>300</td><td>keping</td></tr>" * rows + "</table>"
    return (
        "From: <disdukcapil@tarakankota.example>\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
        "Subject: Laporan\r\nMessage-ID: <table@tarakankota.example>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        f"--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{table}\r\n--b--\r\n"
    ).encode()


@pytest.fixture
def busy_cpu() -> Iterator[None]:
    """Two loops competing for the CPU for at most 90 s (the machine's two cores). Each loop ends itself
    after 90 s, and is killed (itself, not a wrapper that would leave it running) when the test ends."""
    burn = "import time\nend = time.monotonic() + 90\nwhile time.monotonic() < end: pass"
    loops = [subprocess.Popen([sys.executable, "-c", burn]) for _ in range(2)]
    try:
        yield
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()


def _baseline(desk_dir: Path, *args: str) -> float:
    """Wall-clock seconds of the same command on an ordinary message, under the same load: what starting
    Python and the desk costs on a busy machine, which the parse limit does not cover."""
    started = time.monotonic()
    assert mailbot(desk_dir, *args, timeout=300).returncode == 0
    return time.monotonic() - started


@pytest.mark.usefixtures("busy_cpu")
def test_parse_refuses_the_table_bomb_in_time(desk_dir: Path) -> None:
    bomb = desk_dir / "table.eml"
    bomb.write_bytes(_table_in_one_line(60_000))
    start_up = _baseline(desk_dir, "parse", str(EXAMPLES / "01-bulungan-permohonan.eml"))
    started = time.monotonic()
    result = mailbot(desk_dir, "parse", str(bomb), timeout=300)
    took = time.monotonic() - started
    assert result.returncode == 1 and "html_chars" in result.stderr, result.stderr[-500:]
    assert took - start_up < PARSE_SECONDS + MARGIN, f"parse took {took:.1f} s, {start_up:.1f} s of it starting"


@pytest.mark.usefixtures("busy_cpu")
def test_run_once_quarantines_the_table_bomb_in_time(desk_dir: Path) -> None:
    bomb = desk_dir / "table.eml"
    bomb.write_bytes(_table_in_one_line(60_000))
    start_up = _baseline(desk_dir, "run", "--once")  # an empty inbox
    assert mailbot(desk_dir, "import", str(bomb)).returncode == 0
    started = time.monotonic()
    result = mailbot(desk_dir, "run", "--once", timeout=300)
    took = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-500:]
    assert took - start_up < PARSE_SECONDS + MARGIN, f"run --once took {took:.1f} s, {start_up:.1f} s of it starting"
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        rows = db.execute("select status, error from messages").fetchall()
    assert len(rows) == 1 and rows[0][0] == "quarantined" and rows[0][1].startswith("html_chars: "), rows
