"""A supply or an adjustment typed by the operator that is within the hard bounds but unusually large for its
place (more than the place holds and than it uses in 90 days) is asked about at a terminal and refused off one
unless --yes; ordinary figures are booked as before."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot


@pytest.mark.parametrize(("args", "said"), [
    (("supply", "receive", "150.000", "--note", "BAST 1"),
     "mailbot: supply receive: booking 150.000 ktp-el would be more than the province store holds (66.000) and "
     "more than it uses in 90 days (about 42.750); nothing was booked; if the figure is right, add --yes\n"),
    (("adjust", "65.04", "5.000", "--reason", "hitung ulang"),
     "mailbot: adjust: booking 5.000 ktp-el would be more than 65.04 Kabupaten Tana Tidung holds (2.500) and more "
     "than it uses in 90 days (about 2.250); nothing was booked; if the figure is right, add --yes\n"),
    (("adjust", "Tarakan", "20.000", "--reason", "hitung ulang"),
     "mailbot: adjust: booking 20.000 ktp-el would be more than 65.71 Kota Tarakan holds (7.500) and more than it "
     "uses in 90 days (about 12.600); nothing was booked; if the figure is right, add --yes\n"),
], ids=["supply", "adjust-district", "adjust-by-name"])
def test_an_unusually_large_figure_is_refused_off_a_terminal_and_booked_with_yes(
        desk_dir: Path, args: tuple[str, ...], said: str) -> None:
    refused = mailbot(desk_dir, *args)
    assert refused.returncode == 1, refused.stdout
    assert refused.stderr == said
    status = mailbot(desk_dir, "status", "--item", "ktp-el").stdout
    assert "province store: 66.000 on hand" in status  # nothing was booked
    booked = mailbot(desk_dir, *args, "--yes")
    assert booked.returncode == 0, booked.stderr
    assert booked.stdout.startswith("recorded: ")


@pytest.mark.parametrize("args", [("supply", "receive", "60.000", "--note", "BAST 2"),
                                  ("adjust", "65.04", "2.000", "--reason", "hitung ulang"),
                                  ("adjust", "province", "-60.000", "--reason", "rusak")])
def test_an_ordinary_figure_is_booked_without_a_question(desk_dir: Path, args: tuple[str, ...]) -> None:
    booked = mailbot(desk_dir, *args)
    assert booked.returncode == 0, booked.stderr
    assert booked.stdout.startswith("recorded: ")


def _at_a_terminal(desk: Path, args: list[str], answer: bytes) -> tuple[int, str]:
    """`mailbot ARGS` with a terminal as its standard input, *answer* typed at it: the exit code and all it wrote."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", *args], cwd=desk, stdin=follower, stdout=follower,
                            stderr=follower, env=env)
    os.close(follower)
    os.write(leader, answer)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return proc.wait(timeout=60), seen.decode()


def test_at_a_terminal_the_figure_is_shown_and_asked_about(desk_dir: Path) -> None:
    code, seen = _at_a_terminal(desk_dir, ["supply", "receive", "150.000", "--note", "BAST 3"], b"n\n")
    assert code == 1, seen
    assert ("supply receive: booking 150.000 ktp-el would be more than the province store holds (66.000) and more "
            "than it uses in 90 days (about 42.750). Book it anyway? [y/N]") in " ".join(seen.split())
    # the operator has just said the figure is not right: no advice to book it with --yes
    assert " ".join(seen.split()).endswith(
        "(y/ya = yes, n/tidak = no): mailbot: supply receive: nothing was booked"), seen
    assert "--yes" not in seen, seen
    assert "province store: 66.000 on hand" in mailbot(desk_dir, "status", "--item", "ktp-el").stdout
    code, seen = _at_a_terminal(desk_dir, ["supply", "receive", "150.000", "--note", "BAST 3"], b"y\n")
    assert code == 0, seen
    assert "recorded: 150.000 ktp-el received into the province store" in " ".join(seen.split())
    assert "province store: 216.000 on hand" in mailbot(desk_dir, "status", "--item", "ktp-el").stdout
