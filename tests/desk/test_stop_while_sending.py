"""SIGTERM to `mailbot run` while it sends to a slow SMTP server: the mail in hand is finished, the rest stays
queued, and the next start sends it. Nothing lost, nothing sent twice.

The server takes each mail at the end of DATA and answers a quarter of a second later. The signal is sent
the moment the server has taken a mail, so the service is stopped with that mail in hand: it must wait for
the answer and record the mail as sent (else the next start sends it again), then stop without sending the
rest of the outbox (systemd gives a stopping service 90 s; a large outbox to a slow server takes longer).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
import typing
from collections import Counter
from pathlib import Path

import pytest

from mailbot.cli import EXIT_STOPPED
from mailbot.transports.maildir import deliver
from tests.desk.conftest import wait_until
from tests.desk.mailkit import authenticated_request, message_id_in, process_group, use_smtp, wait_gone
from tests.forkserver import run_mailbot, spawn_mailbot
from tests.servers import SmtpServer

pytestmark = pytest.mark.servers

MESSAGES = 30
SERVER_DELAY = 0.25


def _recorded_sent(desk_dir: Path) -> set[str]:
    """Message-IDs recorded as sent: in the outbox, or in the sent journal not yet folded into it."""
    db = desk_dir / "var" / "mailbot.db"
    with sqlite3.connect(db) as conn:
        sent = {row[0] for row in conn.execute("select message_id from outbox where status = 'sent'")}
        by_id = dict(conn.execute("select id, message_id from outbox").fetchall())
    journal = Path(f"{db}.outbox-sent")
    if journal.exists():
        with sqlite3.connect(journal) as conn:
            sent |= {by_id[row[0]] for row in conn.execute("select outbox_id from sent")}
    return sent


def _outbox(desk_dir: Path) -> dict[str, str]:
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as conn:
        return dict(conn.execute("select message_id, status from outbox").fetchall())


def _start_again_until_sent(command: list[str], desk_dir: Path, log: typing.IO[bytes], queued: int) -> None:
    """Start the service again until all *queued* mails are recorded as sent, then stop it."""
    restarted = spawn_mailbot(command, cwd=desk_dir, stdout=log, stderr=log, start_new_session=True)
    try:
        assert wait_until(lambda: len(_recorded_sent(desk_dir)) == queued, timeout=120, every=0.005), \
            "the next start did not send what was left queued"
        time.sleep(1.0)  # anything sent twice would reach the server now
        restarted.send_signal(signal.SIGTERM)
        assert restarted.wait(timeout=60) == 0
    finally:
        if restarted.poll() is None:
            os.killpg(restarted.pid, signal.SIGKILL)
            restarted.wait()


@pytest.mark.timeout(300)
@pytest.mark.parametrize(("whom", "once"), [("main", False), ("group", False), ("main", True)],
                         ids=["main", "group", "once"])
def test_sigterm_while_sending_finishes_the_mail_in_hand_and_the_next_start_sends_the_rest_once(
        desk_dir: Path, tmp_path: Path, whom: str, once: bool) -> None:
    """The service, or one pass (`run --once`, which exits 3 when stopped before it was done)."""
    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(MESSAGES):
        deliver(inbox, authenticated_request(i))
    command = ["--config", str(desk_dir / "config.toml"), "run"]
    log = (tmp_path / "runs.log").open("wb")
    with SmtpServer() as smtp:
        smtp.data_delay = SERVER_DELAY
        use_smtp(desk_dir, smtp)

        proc = spawn_mailbot([*command, *(["--once"] if once else [])], cwd=desk_dir, stdout=log, stderr=log,
                             start_new_session=True)
        try:
            assert wait_until(lambda: len(smtp.messages) >= 3, timeout=90, every=0.005), "mailbot run sent nothing"
            taken = len(smtp.messages)
            assert wait_until(lambda: len(smtp.messages) > taken, timeout=10, every=0.005)
            # the server has just taken a mail and answers it in SERVER_DELAY: the service has it in hand
            in_hand = message_id_in(smtp.messages[-1].raw)
            if whom == "main":
                proc.send_signal(signal.SIGTERM)  # as systemd stops the unit (KillMode=mixed)
            else:
                os.killpg(proc.pid, signal.SIGTERM)  # every process of the service at once
            stopping = time.monotonic()
            assert proc.wait(timeout=60) == (EXIT_STOPPED if once else 0), (tmp_path / "runs.log").read_text()[-2000:]
            stopped_in = time.monotonic() - stopping
            wait_gone(proc.pid, 30)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        taken_at_stop = [message_id_in(m.raw) for m in smtp.messages]
        recorded = _recorded_sent(desk_dir)
        outbox = _outbox(desk_dir)
        assert in_hand in taken_at_stop and in_hand in recorded, "the mail in hand was finished and recorded"
        assert set(taken_at_stop) == recorded, "every mail the server took is recorded as sent, and only those"
        left = [m for m, status in outbox.items() if status == "queued" and m not in recorded]
        assert left, f"the stop sent the whole outbox ({len(outbox)} mails) instead of leaving it queued"
        assert stopped_in < 10, f"stopping took {stopped_in:.1f} s"

        _start_again_until_sent(command, desk_dir, log, len(outbox))
        delivered = Counter(message_id_in(m.raw) for m in smtp.messages)

    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as conn:
        assert conn.execute("select count(*) from messages where status = 'processed'").fetchone()[0] == MESSAGES
        statuses = dict(conn.execute("select status, count(*) from outbox group by status").fetchall())
    assert statuses == {"sent": len(outbox)}, statuses
    assert set(delivered) == set(outbox), "every queued mail reached the server (nothing lost), and nothing else"
    twice = {m: n for m, n in delivered.items() if n > 1}
    assert not twice, f"sent more than once: {twice}"
    print(f"{whom}{' once' if once else ''}: {len(taken_at_stop)} of {len(outbox)} mails sent before the stop "
          f"({stopped_in:.2f} s to stop), {len(left)} left queued and sent by the next start")


@pytest.mark.timeout(300)
def test_a_stop_while_the_smtp_server_stalls_ends_within_the_grace_and_repeats_at_most_the_mail_in_hand(
        desk_dir: Path, tmp_path: Path) -> None:
    """The server takes a mail and then says nothing for a minute: a stop does not wait for it (nor for the
    SMTP timeout); the mail in hand is the one that may go out once more."""
    from mailbot.outbox import SenderProcess

    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(MESSAGES):
        deliver(inbox, authenticated_request(i))
    command = ["--config", str(desk_dir / "config.toml"), "run"]
    log = (tmp_path / "runs.log").open("wb")
    with SmtpServer() as smtp:
        smtp.data_delay = 60.0
        use_smtp(desk_dir, smtp)
        config = desk_dir / "config.toml"  # a server answering within the SMTP timeout (30 s by default), just slowly
        config.write_text(config.read_text().replace("timeout_seconds = 5\n", "timeout_seconds = 60\n"))
        proc = spawn_mailbot(command, cwd=desk_dir, stdout=log, stderr=log, start_new_session=True)
        try:
            assert wait_until(lambda: len(smtp.messages) >= 1, timeout=90, every=0.005), "mailbot run sent nothing"
            proc.send_signal(signal.SIGTERM)
            stopping = time.monotonic()
            assert proc.wait(timeout=60) == 0, (tmp_path / "runs.log").read_text()[-2000:]
            stopped_in = time.monotonic() - stopping
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        assert stopped_in < SenderProcess.STOP_GRACE + 4, f"stopping took {stopped_in:.1f} s"
        assert "within 5 s of the stop" in (tmp_path / "runs.log").read_text()
        smtp.data_delay = 0.0
        outbox = _outbox(desk_dir)
        _start_again_until_sent(command, desk_dir, log, len(outbox))
        delivered = Counter(message_id_in(m.raw) for m in smtp.messages)
    assert set(delivered) == set(outbox), "nothing lost"
    twice = [m for m, n in delivered.items() if n > 1]
    assert len(twice) <= 1 and all(delivered[m] == 2 for m in twice), delivered


@pytest.mark.timeout(300)
@pytest.mark.parametrize("helpers", [True, False], ids=["sender-process", "one-process"])
def test_run_once_stopped_while_the_smtp_server_stalls_ends_within_the_grace(
        desk_dir: Path, tmp_path: Path, helpers: bool) -> None:
    """`run --once` reads its few messages at once and then waits for the mail in hand: a stop then (as in the
    middle of the pass) is obeyed within the grace, not after the server's silence or the SMTP timeout."""
    from mailbot.outbox import SenderProcess
    from tests.desk.mailkit import set_config

    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(5):
        deliver(inbox, authenticated_request(i))
    if not helpers:
        set_config(desk_dir, "run", helper_processes=False)
    log = (tmp_path / "once.log").open("wb")
    with SmtpServer() as smtp:
        smtp.data_delay = 60.0
        use_smtp(desk_dir, smtp)
        config = desk_dir / "config.toml"
        config.write_text(config.read_text().replace("timeout_seconds = 5\n", "timeout_seconds = 60\n"))
        proc = spawn_mailbot(["--config", str(config), "run", "--once"], cwd=desk_dir, stdout=log, stderr=log,
                             start_new_session=True)
        try:
            assert wait_until(lambda: len(smtp.messages) >= 1, timeout=90, every=0.005), "run --once sent nothing"
            time.sleep(1.0)  # the pass has read its five messages: it waits for the mail in hand
            proc.send_signal(signal.SIGTERM)
            stopping = time.monotonic()
            assert proc.wait(timeout=60) == EXIT_STOPPED, (tmp_path / "once.log").read_text()[-2000:]
            stopped_in = time.monotonic() - stopping
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    assert stopped_in < SenderProcess.STOP_GRACE + 4, f"stopping took {stopped_in:.1f} s"
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as conn:
        assert conn.execute("select count(*) from messages where status = 'processed'").fetchone()[0] == 5
        assert conn.execute("select count(*) from outbox where status = 'queued'").fetchone()[0] >= 4, "kept"


@pytest.mark.timeout(300)
def test_a_second_ctrl_c_while_the_smtp_server_stalls_ends_mailbot_and_its_helpers_at_once(
        desk_dir: Path, tmp_path: Path) -> None:
    """Ctrl-C, and while the first stop waits for the mail in hand, Ctrl-C again: mailbot ends at once (130),
    and its reading and sending processes with it, not a second or two later."""
    inbox = desk_dir / "var" / "mail" / "inbox"
    for i in range(5):
        deliver(inbox, authenticated_request(i))
    log = (tmp_path / "once.log").open("wb")
    with SmtpServer() as smtp:
        smtp.data_delay = 60.0
        use_smtp(desk_dir, smtp)
        proc = spawn_mailbot(["--config", str(desk_dir / "config.toml"), "run", "--once"], cwd=desk_dir,
                             stdout=log, stderr=log, start_new_session=True)
        try:
            assert wait_until(lambda: len(smtp.messages) >= 1, timeout=90, every=0.005), "run --once sent nothing"
            helpers = process_group(proc.pid)
            assert len(helpers) >= 2, helpers  # mailbot and its helper processes
            os.killpg(proc.pid, signal.SIGINT)
            time.sleep(0.5)
            os.killpg(proc.pid, signal.SIGINT)
            assert proc.wait(timeout=10) == 130, (tmp_path / "once.log").read_text()[-2000:]
            time.sleep(0.3)
            assert process_group(proc.pid) == [], "a helper outlived mailbot"
        finally:
            if proc.poll() is None or process_group(proc.pid):
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
def test_a_command_stopped_while_it_sends_says_what_was_kept(desk_dir: Path, tmp_path: Path, signum: int) -> None:
    """`mailbot dispatch` stopped while the SMTP server holds its mail: one line says the dispatch is recorded and the
    mail waits in the outbox (an operator told nothing runs the command again); the exit status is the signal's."""
    deliver(desk_dir / "var" / "mail" / "inbox", authenticated_request(1))
    assert run_mailbot(["--config", str(desk_dir / "config.toml"), "run", "--once"], cwd=desk_dir).returncode == 0
    reference = "BLK-2026-0001"
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as conn:
        [state] = conn.execute("select state from requests where reference = ?", (reference,)).fetchone()
    if state != "approved":  # the policy approves a request read in full; one read in doubt is approved by hand
        approved = run_mailbot(["--config", str(desk_dir / "config.toml"), "approve", reference, "--quantity",
                                "1000"], cwd=desk_dir)
        assert approved.returncode == 0, approved.stderr
    with SmtpServer() as smtp:
        smtp.data_delay = 60.0
        use_smtp(desk_dir, smtp)
        with (tmp_path / "err").open("wb") as err:
            proc = spawn_mailbot(["--config", str(desk_dir / "config.toml"), "dispatch", reference], cwd=desk_dir,
                                 stdout=subprocess.DEVNULL, stderr=err)
            try:
                assert wait_until(lambda: len(smtp.messages) >= 1, timeout=60, every=0.005), "dispatch sent nothing"
                proc.send_signal(signum)
                proc.wait(timeout=30)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
    said = (tmp_path / "err").read_text()
    assert proc.returncode == 128 + signum, said
    assert said.count("\n") == 1 and said.startswith(f"mailbot: stopped by {signal.Signals(signum).name}: "), said
    assert "mail not yet sent stays in the outbox" in said and "Traceback" not in said
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as conn:
        assert conn.execute("select state from requests where reference = ?", (reference,)).fetchone() == (
            "dispatched",)
