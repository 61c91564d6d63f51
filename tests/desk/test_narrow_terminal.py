"""The commands' tables at 40 and 60 columns (a phone's SSH client, a split pane): every reference and figure whole."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import sqlite3
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot


@pytest.fixture(scope="module")
def sample_desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.desk.conftest import ROOT

    desk_dir = tmp_path_factory.mktemp("narrow")
    shutil.copy(ROOT / "config.toml", desk_dir / "config.toml")
    (desk_dir / "var").mkdir()
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    return desk_dir


def _on_terminal(desk_dir: Path, width: int, *args: str, environ: dict[str, str] | None = None) -> str:
    """What `mailbot ARGS` shows on a terminal *width* columns wide (a pseudo-terminal of that size)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | (environ or {})
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), *args],
                            cwd=desk_dir, stdout=follower, stderr=subprocess.PIPE, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 0, proc.stderr.read() if proc.stderr else ""
    return b"".join(chunks).decode().replace("\r\n", "\n")


def _figure(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@pytest.mark.parametrize("width", [40, 60])
def test_tables_are_readable_on_a_narrow_terminal(sample_desk: Path, width: int) -> None:
    db = sqlite3.connect(sample_desk / "var" / "mailbot.db")
    requests = db.execute("select reference, requested from requests").fetchall()
    shown = {}
    for command in (("requests",), ("status",), ("queue", "list"), ("history", "BLK-2026-0001")):
        text = _on_terminal(sample_desk, width, *command, environ={"NO_COLOR": "1"})
        lines = text.splitlines()
        assert "…" not in text and "\x1b[" not in text, text
        assert all(len(line) <= width for line in lines), text
        shown[command[0]] = lines
    for reference, requested in requests:
        assert f"reference: {reference}" in shown["requests"]
        assert requested is None or any(line == f"requested: {_figure(requested)}" for line in shown["requests"])
    on_hand = db.execute("select location, sum(on_hand) from ledger_entries where item = 'ktp-el' "
                         "and location != 'province' group by location").fetchall()
    for district, figure in on_hand:
        at = next(i for i, line in enumerate(shown["status"]) if line.startswith(f"district: {district} "))
        # a district that stated another stock is shown at it, the ledger's figure beside it
        cell = " ".join(shown["status"][at + 1:at + 3])
        assert shown["status"][at + 1] == f"on hand: {_figure(figure)}" or (
            cell.startswith("on hand: ") and " stated " in cell and f", ledger {_figure(figure)}" in cell), \
            shown["status"][at:at + 3]
    assert any(re.fullmatch(r"id: \d+", line) for line in shown["queue"])
    assert any(line.startswith("when: ") and line.endswith(" WITA") for line in shown["history"])


def test_a_wide_colour_terminal_gets_the_table_in_colour(sample_desk: Path) -> None:
    """The other side of the two tests above: without NO_COLOR a terminal gets styles, and at 200 columns the
    requests stay a table."""
    text = _on_terminal(sample_desk, 200, "requests", environ={"TERM": "xterm-256color"})
    assert "\x1b[" in text and "┃" in text and "BLK-2026-0001" in text
    assert "…" not in text


@pytest.mark.parametrize("args", [("--help",), ("approve", "--help"), ("supply", "--help")])
def test_help_on_a_terminal_has_no_style_with_no_color(sample_desk: Path, args: tuple[str, ...]) -> None:
    """README: with NO_COLOR set the output has no colour, bold or other style at all; the help had both."""
    styled = _on_terminal(sample_desk, 80, *args)
    plain = _on_terminal(sample_desk, 80, *args, environ={"NO_COLOR": "1"})
    assert "\x1b[" in styled  # on a terminal the help is styled ...
    assert "\x1b[" not in plain and "Usage: mailbot" in plain, plain  # ... and with NO_COLOR not at all
