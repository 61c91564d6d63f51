"""The whole desk on real servers: a request appended to Dovecot is answered through aiosmtpd, once."""

from __future__ import annotations

import email
import email.policy
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desk_config import PASSWORD_ENV, write_desk_config
from tests.forkserver import run_mailbot
from tests.servers import DISTRICTS, DovecotServer, SmtpServer, district_request

pytestmark = pytest.mark.servers

PROCESSED = "mailbot/processed"
QUARANTINE = "mailbot/quarantine"
REPO = Path(__file__).resolve().parents[2]


def mailbot_command() -> list[str]:
    """The installed `mailbot` command, for the tests that start it and signal it while it runs; a command the
    test only waits for runs forked from an interpreter that has imported mailbot (run_mailbot, tests/forkserver.py)."""
    script = Path(sys.executable).parent / "mailbot"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mailbot"]


def run_once(config: Path, dovecot: DovecotServer) -> str:
    """`mailbot --config CONFIG run --once`; returns its output, fails the test on a non-zero exit."""
    env = dict(os.environ, **{PASSWORD_ENV: dovecot.password})
    done = run_mailbot(["--config", str(config), "run", "--once"], env=env, timeout=120, cwd=REPO)
    assert done.returncode == 0, f"mailbot run --once failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


def replies_to(smtp: SmtpServer, address: str) -> list[email.message.EmailMessage]:
    out = []
    for captured in smtp.messages:
        if address in captured.recipients:
            parsed = email.message_from_bytes(captured.raw, policy=email.policy.default)
            assert isinstance(parsed, email.message.EmailMessage)
            out.append(parsed)
    return out


def request_id(raw: bytes) -> str:
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    return str(parsed["Message-ID"])


@pytest.fixture
def desk_folder(tmp_path: Path) -> Path:
    return tmp_path


def test_request_is_answered_once_and_moved_to_processed(
    dovecot: DovecotServer, smtp_server: SmtpServer, desk_folder: Path
) -> None:
    config = write_desk_config(desk_folder, dovecot, smtp_server)
    request = district_request(0)
    district_address = DISTRICTS[0][2]
    dovecot.append("INBOX", request)

    run_once(config, dovecot)

    replies = replies_to(smtp_server, district_address)
    assert len(replies) == 1
    assert request_id(request) in str(replies[0]["In-Reply-To"])
    assert dovecot.count("INBOX") == 0
    assert [m.raw for m in dovecot.messages(dovecot.mailbox(PROCESSED))] == [request]

    run_once(config, dovecot)
    assert len(replies_to(smtp_server, district_address)) == 1


def test_reply_waits_while_smtp_is_down_and_goes_out_once_when_back(
    dovecot: DovecotServer, smtp_server: SmtpServer, desk_folder: Path
) -> None:
    config = write_desk_config(desk_folder, dovecot, smtp_server, outbox_retry_seconds=1.0)
    request = district_request(1)
    district_address = DISTRICTS[1][2]
    dovecot.append("INBOX", request)
    smtp_server.stop()

    output = run_once(config, dovecot)
    assert "waiting in the outbox: 1" in output
    assert dovecot.count("INBOX") == 0  # recorded and committed: the inbox copy is done with

    smtp_server.start()
    time.sleep(1.2)  # past the first retry delay
    run_once(config, dovecot)
    run_once(config, dovecot)
    replies = replies_to(smtp_server, district_address)
    assert len(replies) == 1
    assert request_id(request) in str(replies[0]["In-Reply-To"])


def test_recreated_mailbox_with_old_messages_sends_nothing_new(
    dovecot: DovecotServer, smtp_server: SmtpServer, desk_folder: Path
) -> None:
    config = write_desk_config(desk_folder, dovecot, smtp_server)
    requests = [district_request(2), district_request(3)]
    dovecot.append_many("INBOX", requests)
    run_once(config, dovecot)
    sent_before = len(smtp_server.messages)
    assert sent_before >= 2
    old_validity = dovecot.uidvalidity("INBOX")

    # The server is migrated and the inbox restored from a backup holding both requests again.
    new_validity = dovecot.recreate_mailbox("INBOX", requests)
    assert new_validity != old_validity

    run_once(config, dovecot)
    assert len(smtp_server.messages) == sent_before
    assert dovecot.count("INBOX") == 0


def test_message_over_the_size_limit_is_quarantined_without_reply(
    dovecot: DovecotServer, smtp_server: SmtpServer, desk_folder: Path
) -> None:
    config = write_desk_config(desk_folder, dovecot, smtp_server, max_message_bytes=20_000)
    big = district_request(4, size_padding=60_000)
    dovecot.append("INBOX", big)
    run_once(config, dovecot)
    # not read, not answered: the district is only asked to send it again smaller
    [notice] = replies_to(smtp_server, DISTRICTS[4][2])
    assert "ukurannya terlalu besar" in notice.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert [m.raw for m in dovecot.messages(dovecot.mailbox(QUARANTINE))] == [big]
    assert dovecot.count("INBOX") == 0


@pytest.fixture
def running_desk(
    dovecot: DovecotServer, smtp_server: SmtpServer, desk_folder: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """`mailbot run` in the background, idling on the test Dovecot; always stopped afterwards."""
    config = write_desk_config(desk_folder, dovecot, smtp_server, poll_seconds=60)
    env = dict(os.environ, **{PASSWORD_ENV: dovecot.password})
    log = open(desk_folder / "run.log", "wb")
    proc = subprocess.Popen(
        [*mailbot_command(), "--config", str(config), "-v", "run"],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            stop(proc)
        log.close()


def stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM, as the service manager stops it; SIGKILL to its group when it has not gone within 10 s."""
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def wait_for(predicate: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_running_desk_answers_on_idle_and_survives_a_dovecot_restart(
    dovecot: DovecotServer, smtp_server: SmtpServer, running_desk: subprocess.Popen[bytes], desk_folder: Path
) -> None:
    first, second = district_request(0), district_request(1)
    time.sleep(1.5)  # let it connect and settle into IDLE
    dovecot.append("INBOX", first)
    assert wait_for(lambda: len(replies_to(smtp_server, DISTRICTS[0][2])) == 1, 10), (
        (desk_folder / "run.log").read_text()[-3000:]
    )

    dovecot.restart(down_seconds=1.0)
    dovecot.append("INBOX", second)
    assert wait_for(lambda: len(replies_to(smtp_server, DISTRICTS[1][2])) == 1, 20), (
        (desk_folder / "run.log").read_text()[-3000:]
    )
    assert wait_for(lambda: dovecot.count("INBOX") == 0, 5)
    assert running_desk.poll() is None
    assert [m.raw for m in dovecot.messages(dovecot.mailbox(PROCESSED))] == [first, second]
    assert len(replies_to(smtp_server, DISTRICTS[0][2])) == 1


def test_an_imap_outage_is_told_once_and_its_end_once(
    dovecot: DovecotServer, smtp_server: SmtpServer, desk_folder: Path
) -> None:
    """Dovecot away for 12 s under `mailbot run` (IDLE, an inbox pass every 2 s): the log says the outage
    once and its end once, from the connections (fetching and IDLE share it), not a line for each try, nor a second
    line from the inbox pass ("inbox failed: ...", "inbox works again" were said with each); the mail that came
    meanwhile is answered once the server is back."""
    config = write_desk_config(desk_folder, dovecot, smtp_server, poll_seconds=2)
    env = dict(os.environ, **{PASSWORD_ENV: dovecot.password})
    with open(desk_folder / "run.log", "wb") as log:
        proc = subprocess.Popen([*mailbot_command(), "--config", str(config), "run"],
                                env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True)
        try:
            time.sleep(1.5)  # connected, idling
            dovecot.stop()
            time.sleep(12)
            dovecot.start()
            dovecot.append("INBOX", district_request(3))
            assert wait_for(lambda: len(replies_to(smtp_server, DISTRICTS[3][2])) == 1, 30), (
                (desk_folder / "run.log").read_text()[-3000:])
        finally:
            stop(proc)
    lines = (desk_folder / "run.log").read_text().splitlines()
    told = [line for line in lines
            if (" WARNING " in line or " ERROR " in line) and "require_authentication" not in line]
    assert len(told) == 2, "\n".join(told)
    assert f"ERROR mailbot.transports.imap: IMAP server {dovecot.host}:{dovecot.port} failed: " in told[0], told
    assert "WARNING mailbot.transports.imap: IMAP server " in told[1] and "works again" in told[1], told
    assert "_ConnectionLost" not in "\n".join(lines)


def test_permanent_refusal_fails_once_and_tells_the_operator(
    dovecot: DovecotServer, smtp_server: SmtpServer, desk_folder: Path
) -> None:
    """A 5xx is not retried: the reply is marked failed and the operator is told (through a working server)."""
    import sqlite3

    config = write_desk_config(desk_folder, dovecot, smtp_server, outbox_retry_seconds=1.0)
    dovecot.append("INBOX", district_request(2))
    district_address = DISTRICTS[2][2]
    smtp_server.refused_recipients.add(district_address)  # 550 for this mailbox only
    output = run_once(config, dovecot)
    assert "failed: 1" in output
    time.sleep(1.2)
    run_once(config, dovecot)
    db = sqlite3.connect(desk_folder / "mailbot.db")
    rows = dict(db.execute("select purpose, status from outbox"))
    replies = [p for p in rows if p.startswith("reply:")]
    assert len(replies) == 1 and rows[replies[0]] == "failed"
    notices = [p for p in rows if p.startswith("delivery-failed:")]
    assert len(notices) == 1 and rows[notices[0]] == "sent"
    assert replies_to(smtp_server, district_address) == [], "a refused reply is never sent again by itself"
    error = db.execute("select last_error from outbox where purpose = ?", (replies[0],)).fetchone()[0]
    assert "550" in error


def _manager_reply(notice: email.message.EmailMessage, command: str) -> bytes:
    """What a manager's mail client sends when replying to the held-request notice."""
    reply = email.message.EmailMessage()
    reply["From"] = "Kepala Dinas <kadis@disdukcapil.kaltara.test>"
    reply["To"] = str(notice["From"])
    reply["Subject"] = "Re: " + str(notice["Subject"])
    reply["Message-ID"] = f"<keputusan-{abs(hash(command))}@disdukcapil.kaltara.test>"
    reply["In-Reply-To"] = str(notice["Message-ID"])
    reply["References"] = str(notice["Message-ID"])
    quoted = "\n".join("> " + line for line in notice.get_body(("plain",)).get_content().splitlines())
    reply.set_content(f"{command}\n\nPada hari ini, layanan blangko menulis:\n{quoted}\n")
    return reply.as_bytes()


@pytest.mark.parametrize(("command", "state", "district_says"), [
    ("Setuju 1.500 PAKSA perekaman massal di sekolah", "approved", "DISETUJUI"),  # above the need: confirmed
    ("TOLAK stok provinsi sedang menipis", "rejected", "TIDAK DAPAT KAMI SETUJUI"),
])
def test_manager_decides_a_held_request_by_replying_through_the_real_servers(
    dovecot: DovecotServer, smtp_server: SmtpServer, desk_folder: Path, command: str, state: str,
    district_says: str,
) -> None:
    import sqlite3

    config = write_desk_config(desk_folder, dovecot, smtp_server)
    config.write_text(config.read_text().replace("auto_approve_limit = 100000", "auto_approve_limit = 1000"))
    district_address = DISTRICTS[3][2]
    dovecot.append("INBOX", district_request(3, requested=2500, stock=200))
    run_once(config, dovecot)
    notices = replies_to(smtp_server, "kadis@disdukcapil.kaltara.test")
    assert len(notices) == 1 and "SETUJU" in notices[0].get_body(("plain",)).get_content()
    held = replies_to(smtp_server, district_address)
    assert len(held) == 1 and "DITINJAU" in held[0].get_body(("plain",)).get_content()

    dovecot.append("INBOX", _manager_reply(notices[0], command))
    run_once(config, dovecot)

    db = sqlite3.connect(desk_folder / "mailbot.db")
    assert db.execute("select state from requests").fetchone() == (state,)
    if state == "approved":
        assert db.execute("select approved from requests").fetchone() == (1500,)
    to_district = replies_to(smtp_server, district_address)
    assert len(to_district) == 2 and district_says in to_district[1].get_body(("plain",)).get_content()
    confirmations = replies_to(smtp_server, "kadis@disdukcapil.kaltara.test")[1:]
    assert len(confirmations) == 1 and "Keputusan" in str(confirmations[0]["Subject"])
    assert dovecot.count("INBOX") == 0


def test_sigterm_stops_the_running_desk_at_once_while_it_idles(
    running_desk: subprocess.Popen[bytes], desk_folder: Path
) -> None:
    """The IDLE watcher's connection is shut down under it: no wait for the next IDLE renewal."""
    log_path = desk_folder / "run.log"
    # started (its signal handlers set) and connected; on a busy machine that takes more than a fixed pause
    assert wait_for(lambda: "mailbot running" in log_path.read_text(errors="replace")
                    and "connected to IMAP" in log_path.read_text(errors="replace"), 60), log_path.read_text()
    time.sleep(1.0)  # idling, helpers started
    started = time.monotonic()
    running_desk.send_signal(signal.SIGTERM)
    running_desk.wait(timeout=10)
    took = time.monotonic() - started
    assert running_desk.returncode == 0
    assert took < 1.5, f"stopping took {took:.1f} s"
    log = log_path.read_text(errors="replace")
    assert "Traceback" not in log and "IDLE watcher error" not in log


def test_an_imap_outage_early_in_a_run_is_told_when_seen_and_its_end_when_it_ends(
    dovecot: DovecotServer, smtp_server: SmtpServer, desk_folder: Path
) -> None:
    """Dovecot's master stopped a few seconds after `mailbot run` starts, with the shipped poll of 30 s: the fetching
    connection is ended, while the process of the IDLE one lives on and answers. The outage is in the log while the
    server is still away, not at the next inbox pass; its end once it is back."""
    config = write_desk_config(desk_folder, dovecot, smtp_server, poll_seconds=30)
    env = dict(os.environ, **{PASSWORD_ENV: dovecot.password})
    run_log = desk_folder / "run.log"

    def told() -> list[str]:
        return [line for line in run_log.read_text().splitlines()
                if (" WARNING " in line or " ERROR " in line) and "require_authentication" not in line]

    with open(run_log, "wb") as log:
        proc = subprocess.Popen([*mailbot_command(), "--config", str(config), "-v", "run"],
                                env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True)
        try:
            assert wait_for(lambda: run_log.read_text().count("connected to IMAP") == 2, 15), (
                run_log.read_text()[-3000:])
            time.sleep(2)  # the second connection idling
            assert dovecot._proc is not None
            os.kill(dovecot._proc.pid, signal.SIGTERM)  # the master alone, as an operator's `kill` stops it
            assert wait_for(lambda: any(" failed: " in line for line in told()), 15), run_log.read_text()[-3000:]
            assert not any("works again" in line for line in told()), told()
            dovecot.stop()
            dovecot.start()
            assert wait_for(lambda: any("works again" in line for line in told()), 45), run_log.read_text()[-3000:]
        finally:
            stop(proc)
    lines = told()
    assert len(lines) == 2, "\n".join(lines)
    assert f"ERROR mailbot.transports.imap: IMAP server {dovecot.host}:{dovecot.port} failed: " in lines[0], lines
    assert "works again" in lines[1], lines
