"""Two operators (or an operator and a script) acting on the same desk at once: what a command checked before it
asked or refused is what it changes, or it changes nothing and says so.

Each test makes the race happen every time: the command runs in process, and between its check and its change
(its second opening of the desk) another `mailbot` command, in a process of its own, changes the desk and commits.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot, outbox_files


def _between_check_and_change(monkeypatch: pytest.MonkeyPatch, desk_dir: Path, *other: str) -> list[str]:
    """Run `mailbot *other*` (and wait for it) when the command in process opens the desk for the second time."""
    from mailbot import cli

    opened = cli._desk
    said: list[str] = []

    @contextmanager
    def desk(*, read_only: bool = False) -> Iterator[object]:
        said.append("opened")
        if len(said) == 2:
            done = mailbot(desk_dir, *other)
            assert done.returncode == 0, done.stderr
            said.append(done.stdout)
        with opened(read_only=read_only) as it:
            yield it

    monkeypatch.setattr(cli, "_desk", desk)
    return said


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], desk_dir: Path,
         *args: str) -> tuple[int, str]:
    from mailbot import cli

    monkeypatch.setattr(sys, "argv", ["mailbot", "--config", str(desk_dir / "config.toml"), *args])
    with pytest.raises(SystemExit) as exited:
        cli.main()
        sys.exit(0)
    return int(exited.value.code or 0), capsys.readouterr().err


def _state(desk_dir: Path, reference: str) -> tuple[str, int | None]:
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    row = db.execute("select state, approved from requests where reference = ?", (reference,)).fetchone()
    return row[0], row[1]


def _mails_about(desk_dir: Path, reference: str) -> list[str]:
    return [p.read_text(errors="replace") for p in outbox_files(desk_dir) if f"[{reference}]" in p.read_text(
        errors="replace")]


def test_a_plain_reject_does_not_withdraw_an_approval_made_meanwhile(
        sample: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """the reject checked a held request, an `approve --force` landed, and the reject then withdrew it."""
    assert _state(sample, "BLK-2026-0005") == ("held", 3000)
    before = len(_mails_about(sample, "BLK-2026-0005"))
    said = _between_check_and_change(monkeypatch, sample, "approve", "BLK-2026-0005", "--quantity", "3.000",
                                     "--force", "--reason", "dicek telepon")
    code, err = _run(monkeypatch, capsys, sample, "reject", "BLK-2026-0005", "--reason", "ditolak")
    assert "approved 3.000 ktp-el" in said[-1]  # the approval landed between the reject's check and its change
    assert code == 1, err
    assert err.splitlines() == [
        "mailbot: BLK-2026-0005 changed while this command ran: it was waiting for manager (proposed 3.000 ktp-el) "
        "and is now approved, not dispatched (3.000 ktp-el); nothing was done (see `mailbot history BLK-2026-0005`, "
        "then give the command again if it still stands)"], err
    assert _state(sample, "BLK-2026-0005") == ("approved", 3000)
    # the approval only, no withdrawal: to its writer (an address on none of Nunukan's lists), the separate notice
    # to Nunukan's office of the blanks approved in its name, and the managers' notice of a decision by hand
    assert len(_mails_about(sample, "BLK-2026-0005")) == before + 3


def test_an_approval_that_the_stock_taken_meanwhile_puts_into_the_reserve_asks_for_force(
        sample: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The approve's check found no concern; an adjustment that committed before its change left 500 above the
    reserve, so the 700 approved would go into it: that needs --force, as it does when typed one after the other."""
    assert _state(sample, "BLK-2026-0002") == ("held", 700)
    _between_check_and_change(monkeypatch, sample, "adjust", "province", "-58.500", "--reason", "hitung ulang")
    code, err = _run(monkeypatch, capsys, sample, "approve", "BLK-2026-0002")
    assert code == 1, err
    lines = err.splitlines()
    assert len(lines) == 1 and "reserve" in lines[0] and "the stock changed while this command ran" in lines[0] \
        and lines[0].endswith("nothing was approved; to approve it anyway add --force --reason TEXT"), err
    assert _state(sample, "BLK-2026-0002") == ("held", 700)

