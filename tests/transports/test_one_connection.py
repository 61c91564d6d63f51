"""An IMAP server that allows the user one connection (Dovecot mail_max_userip_connections = 1): `mailbot run`
reads its mail on that one connection, polling, and says so in one WARNING line naming the setting (its IDLE
watcher gave way); was: its two connections refused each other forever and no mail was read."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.desk_config import PASSWORD_ENV, write_desk_config
from tests.forkserver import run_mailbot
from tests.servers import DISTRICTS, MAIL_GID, MAIL_UID, DovecotServer, SmtpServer, district_request
from tests.transports.test_end_to_end import REPO, mailbot_command, replies_to, stop, wait_for

pytestmark = pytest.mark.servers


def _deliver(dovecot: DovecotServer, raw: bytes, name: str) -> None:
    """Into the user's Maildir, as the mail server's delivery agent puts it (an IMAP APPEND would take the one
    connection the user has)."""
    new = dovecot._folder_path("INBOX") / "new"
    assert wait_for(lambda: (new.parent / "tmp").is_dir(), 60), "the mailbox was never opened"  # made at the login
    tmp = new.parent / "tmp" / name
    tmp.write_bytes(raw)
    os.chown(tmp, MAIL_UID, MAIL_GID)
    tmp.rename(new / name)


def test_run_reads_mail_on_a_server_allowing_one_connection(one_connection_dovecot: DovecotServer,
                                                              smtp_server: SmtpServer, tmp_path: Path) -> None:
    dovecot = one_connection_dovecot
    config = write_desk_config(tmp_path, dovecot, smtp_server, poll_seconds=1)
    env = dict(os.environ, **{PASSWORD_ENV: dovecot.password})
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([*mailbot_command(), "--config", str(config), "run"], env=env, stdout=out,
                                stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True)
    try:
        _deliver(dovecot, district_request(0), "1.one.test")
        assert wait_for(lambda: len(replies_to(smtp_server, DISTRICTS[0][2])) == 1, 30), log.read_text()[-3000:]
        _deliver(dovecot, district_request(1), "2.two.test")
        assert wait_for(lambda: len(replies_to(smtp_server, DISTRICTS[1][2])) == 1, 30), log.read_text()[-3000:]
    finally:
        stop(proc)
    said = log.read_text()
    warned = [line for line in said.splitlines() if "only one connection" in line]
    assert len(warned) == 1 and "WARNING" in warned[0] and "mail_max_userip_connections" in warned[0], said
    assert "polling every 1 s" in warned[0], warned
    assert "works again" not in said and "Traceback" not in said, said


def test_check_config_connect_opens_the_connections_run_opens_and_tells_the_limit(
        one_connection_dovecot: DovecotServer, smtp_server: SmtpServer, tmp_path: Path) -> None:
    dovecot = one_connection_dovecot
    config = write_desk_config(tmp_path, dovecot, smtp_server, poll_seconds=30)
    checked = run_mailbot(["--config", str(config), "check-config", "--connect"], cwd=REPO,
                          env=dict(os.environ, **{PASSWORD_ENV: dovecot.password}))
    assert checked.returncode == 0, checked.stderr
    said = " ".join(checked.stdout.split())
    # was: "ok" and nothing of it, while `mailbot run` never read a mail there
    assert "the server refused a second connection ([LIMIT]" in said, said
    assert ("mailbot run will read the inbox on one connection, polling every 30 s instead of waiting in IDLE; to have "
            "new mail read at once, let the user have 2 connections (Dovecot: mail_max_userip_connections)") in said
