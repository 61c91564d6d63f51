"""Paths and dates the operator types: `digest --output` somewhere it cannot write, `reread --since` far back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot
from tests.desk.mailkit import run_once, set_config


@pytest.mark.parametrize(("where", "words"), [
    ("no-such-folder/digest.html", "the folder no-such-folder does not exist"), (".", "no file name given"),
    ("/proc/self/digest.html", "cannot make a file in the folder /proc/self: it is a folder of the system's own"),
])
def test_a_digest_written_where_it_cannot_be_is_one_line(desk_dir: Path, where: str, words: str) -> None:
    assert mailbot(desk_dir, "migrate").returncode == 0  # the desk exists (`digest --print` makes no database)
    result = mailbot(desk_dir, "digest", "--print", "--output", where)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("mailbot: --output") and words in line, line


def test_reread_since_the_first_day_of_the_calendar_reads_everything(desk_dir: Path) -> None:
    run_once(desk_dir, *sorted(EXAMPLES.glob("*.eml")))

    def count(*args: str) -> str:
        result = mailbot(desk_dir, "reread", *args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        return next(line for line in result.stdout.splitlines() if "stored message(s)" in line)

    everything = count()
    assert not everything.startswith("0 ")
    assert count("--since", "0001-01-01") == count("--since", "1969-12-31") == everything
    assert count("--since", "9999-12-31").startswith("0 stored message(s)")


def test_a_database_path_through_a_loop_of_links_is_one_line(desk_dir: Path) -> None:
    """Was: 57 lines ending in "RuntimeError: Symlink loop", exit 1, from check-config, status and run."""
    (desk_dir / "var" / "loop2").symlink_to("loop1")
    (desk_dir / "var" / "loop1").symlink_to("loop2")
    set_config(desk_dir, "database", url="sqlite:///var/loop1/mailbot.db")
    for command in (("check-config",), ("status",), ("run", "--once")):
        said = mailbot(desk_dir, *command)
        assert said.returncode == 2, (command, said.stderr)
        assert said.stderr.strip().splitlines() == [
            f"mailbot: configuration error: database.url: {desk_dir / 'var' / 'loop1' / 'mailbot.db'} cannot be "
            "reached: its path runs through a loop of symbolic links (ls -l along the path shows them); point it at "
            "a real folder"], (command, said.stderr)
