"""`mailbot import` stopped by Ctrl-C or SIGTERM delivers nothing (all or nothing, as the README says): every message
is staged in the Maildir's tmp/ first and moved into new/ only when all are there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailbot.cli import import_
from mailbot.cli_shared import state
from mailbot.errors import Stopped
from mailbot.transports import maildir

COUNT = 20_000


def _mbox(path: Path, count: int) -> Path:
    with open(path, "w", encoding="ascii") as fh:
        for n in range(count):
            fh.write(f"From disdukcapil@malinaukab.example Tue Nov 24 10:30:00 2026\n"
                     f"From: disdukcapil@malinaukab.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
                     f"Subject: Laporan {n}\nMessage-ID: <imp-{n}@malinaukab.example>\n"
                     f"Date: Tue, 24 Nov 2026 10:30:00 +0800\n\nSisa blangko 812 keping.\n\n")
    return path


def _files(folder: Path) -> int:
    return sum(1 for sub in ("new", "tmp") if (folder / sub).is_dir() for _ in os.scandir(folder / sub))


def _import_under_way(desk_dir: Path, inbox: Path) -> subprocess.Popen[str]:
    """`mailbot import` of a large mbox, in a process of its own, returned once it has staged some messages."""
    source = _mbox(desk_dir / "big.mbox", COUNT)
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), "import",
                             str(source)], cwd=desk_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while _files(inbox) < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert proc.poll() is None, proc.communicate()  # delivery had started, and was not done
    return proc


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_an_import_stopped_midway_delivers_nothing_and_says_so(desk_dir: Path, stop: signal.Signals) -> None:
    """Was: 210 of 4.800 messages in new/ after Ctrl-C at 5 s, exit 130, and "what the command had recorded is kept
    (nothing half-done); mail not yet sent stays in the outbox" (import has no outbox)."""
    inbox = desk_dir / "var" / "mail" / "inbox"
    proc = _import_under_way(desk_dir, inbox)
    proc.send_signal(stop)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + stop, (proc.returncode, stdout, stderr)
    assert sorted(os.listdir(inbox / "new")) == [] and sorted(os.listdir(inbox / "tmp")) == []
    assert stderr.strip() == (f"mailbot: stopped by {stop.name}: nothing was delivered (0 of 20000 message(s); an "
                              "import is all or nothing); run the same import again"), stderr


def test_an_import_killed_midway_leaves_tmp_files_the_next_import_removes(desk_dir: Path) -> None:
    """SIGKILL cannot be caught: the staged files stay in tmp/ (never in new/). Was: they stayed there for good; the
    next import (or the inbox opened by `run`) removes what a process no longer running left."""
    from tests.desk.conftest import mailbot

    inbox = desk_dir / "var" / "mail" / "inbox"
    proc = _import_under_way(desk_dir, inbox)
    proc.kill()
    proc.communicate(timeout=60)
    left = len(os.listdir(inbox / "tmp"))
    assert left >= 5 and os.listdir(inbox / "new") == []
    one = _mbox(desk_dir / "one.mbox", 1)
    again = mailbot(desk_dir, "import", str(one))
    assert again.returncode == 0, again.stderr
    said = " ".join(again.stdout.split())
    assert f"removed {left} file(s) from {inbox}/tmp that a stopped import or delivery left unfinished" in said, said
    assert os.listdir(inbox / "tmp") == [] and len(os.listdir(inbox / "new")) == 1


def test_sweep_removes_only_what_no_running_delivery_writes(tmp_path: Path) -> None:
    """A file named by a process that runs (this one, pid 1) or by another host is kept until it is 36 hours old;
    one named by a process that has ended is removed at once."""
    import socket

    maildir.ensure_maildir(tmp_path)
    host = socket.gethostname().replace("/", "-")
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    now = time.time()
    names = {"dead": f"1.P{ended.pid}.abc.{host}", "mine": f"1.P{os.getpid()}.abc.{host}", "init": f"1.P1.abc.{host}",
             "other_host": f"1.P{ended.pid}.abc.elsewhere", "foreign": "courier.12345", "old": "courier.old"}
    for name in names.values():
        (tmp_path / "tmp" / name).write_bytes(b"x")
    os.utime(tmp_path / "tmp" / names["old"], (now - 37 * 3600, now - 37 * 3600))
    assert maildir.sweep_tmp(tmp_path, now=now) == 2
    assert sorted(os.listdir(tmp_path / "tmp")) == sorted(
        names[k] for k in ("mine", "init", "other_host", "foreign"))
    (tmp_path / "tmp" / names["dead"]).write_bytes(b"x")
    maildir.MaildirInbox(tmp_path)  # opening the inbox (as `run` does) sweeps too
    assert not (tmp_path / "tmp" / names["dead"]).exists()
    assert maildir.sweep_tmp(tmp_path, now=now + 37 * 3600) == 4


def test_an_import_stopped_at_any_message_leaves_nothing_in_the_maildir(
        desk_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In process: the stop comes as the seventh message is staged."""
    source = _mbox(desk_dir / "some.mbox", 12)
    staged = maildir.stage
    calls = []

    def stage_then_stop(path: Path, raw: bytes) -> Path:
        calls.append(raw)
        if len(calls) == 7:
            raise Stopped(signal.SIGTERM)
        return staged(path, raw)

    monkeypatch.setattr(maildir, "stage", stage_then_stop)
    monkeypatch.setattr(state, "config_path", desk_dir / "config.toml")
    with pytest.raises(Stopped) as stopped:
        import_([source])
    assert stopped.value.said is not None and "nothing was delivered (0 of 12" in stopped.value.said
    inbox = desk_dir / "var" / "mail" / "inbox"
    assert os.listdir(inbox / "new") == [] and os.listdir(inbox / "tmp") == []


def test_an_import_stopped_while_its_messages_are_read_says_nothing_was_delivered(
        desk_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while a large mbox is still being read and checked (nothing staged yet). Was the generic "what the
    command had recorded is kept ...; mail not yet sent stays in the outbox"."""
    import mailbot.cli as cli

    source = _mbox(desk_dir / "some.mbox", 12)
    checked = cli._check_email
    calls = []

    def check_then_stop(raw: bytes, what: str, hint: str) -> None:
        calls.append(what)
        if len(calls) == 5:
            raise KeyboardInterrupt
        checked(raw, what, hint)

    monkeypatch.setattr(cli, "_check_email", check_then_stop)
    monkeypatch.setattr(state, "config_path", desk_dir / "config.toml")
    with pytest.raises(Stopped) as stopped:
        import_([source])
    assert stopped.value.signum == signal.SIGINT
    assert stopped.value.said == "nothing was delivered (an import is all or nothing); run the same import again"
    inbox = desk_dir / "var" / "mail" / "inbox"
    assert not (inbox / "new").exists() or os.listdir(inbox / "new") == []


def test_an_import_stopped_after_a_message_is_staged_but_before_it_is_counted_leaves_nothing(
        desk_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stop comes just after the seventh message's file is written to tmp/, before the import has it in its list
    of staged files. Was: that one file stayed in tmp/ (seen once in CI after SIGINT)."""
    source = _mbox(desk_dir / "some.mbox", 12)
    staged = maildir.stage
    calls = []

    def stop_after_staging(path: Path, raw: bytes) -> Path:
        written = staged(path, raw)
        calls.append(written)
        if len(calls) == 7:
            raise KeyboardInterrupt
        return written

    monkeypatch.setattr(maildir, "stage", stop_after_staging)
    monkeypatch.setattr(state, "config_path", desk_dir / "config.toml")
    with pytest.raises(Stopped) as stopped:
        import_([source])
    assert stopped.value.signum == signal.SIGINT
    inbox = desk_dir / "var" / "mail" / "inbox"
    assert calls[6].parent == inbox / "tmp"
    assert os.listdir(inbox / "new") == [] and os.listdir(inbox / "tmp") == []


def test_discarding_an_import_removes_only_this_process_s_files(tmp_path: Path) -> None:
    """What a stopped import removes from tmp/: the files it named itself, not another delivery's."""
    import socket

    maildir.ensure_maildir(tmp_path)
    host = socket.gethostname().replace("/", "-")
    names = [f"1.P{os.getpid()}.abc.{host}", f"2.P{os.getpid()}.def.{host}", f"1.P1.abc.{host}",
             f"1.P{os.getpid()}.abc.elsewhere", "courier.12345"]
    for name in names:
        (tmp_path / "tmp" / name).write_bytes(b"x")
    maildir.discard(tmp_path)
    assert sorted(os.listdir(tmp_path / "tmp")) == sorted(names[2:])


def test_an_import_stopped_while_tmp_is_swept_says_nothing_was_delivered(
        desk_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stop comes while the files an earlier killed import left in tmp/ are removed. Was the generic "what the
    command had recorded is kept ...; mail not yet sent stays in the outbox" (import has no outbox)."""
    import mailbot.transports.maildir as maildir_module

    source = _mbox(desk_dir / "some.mbox", 3)

    def sweep_then_stop(path: Path, **_: object) -> int:
        raise Stopped(signal.SIGTERM)

    monkeypatch.setattr(maildir_module, "sweep_tmp", sweep_then_stop)
    monkeypatch.setattr(state, "config_path", desk_dir / "config.toml")
    with pytest.raises(Stopped) as stopped:
        import_([source])
    assert stopped.value.signum == signal.SIGTERM
    assert stopped.value.said == "nothing was delivered (an import is all or nothing); run the same import again"
    inbox = desk_dir / "var" / "mail" / "inbox"
    assert not (inbox / "new").exists() or os.listdir(inbox / "new") == []


@pytest.mark.parametrize("argv", [
    ["mailbot", "import", "x.mbox"], ["mailbot", "--config", "import", "import"],
    ["mailbot", "-c", "c.toml", "-v", "import", "a.eml"],
], ids=["plain", "config-named-import", "options"])
def test_an_import_stopped_before_it_begins_says_the_imports_own_line(
        argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C while Python and mailbot start, before the import's own work: was the generic "mail not yet sent
    stays in the outbox" line (an import has no outbox)."""
    from mailbot import cli

    monkeypatch.setattr(sys, "argv", argv)
    assert cli._say_stopped(signal.SIGINT) == 130
    said = capsys.readouterr().err.strip()
    assert said == ("mailbot: stopped by SIGINT: nothing was delivered (an import is all or nothing); run the same "
                    "import again"), said


def test_another_command_stopped_says_what_was_kept(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from mailbot import cli

    monkeypatch.setattr(sys, "argv", ["mailbot", "-c", "import", "dispatch", "BLK-2026-0001"])
    assert cli._say_stopped(signal.SIGTERM) == 143
    assert "what the command had recorded is kept" in capsys.readouterr().err
