"""A tls setting that does not fit the server, on real servers (aiosmtpd with SMTPS or required STARTTLS, Dovecot's
IMAPS port): told in seconds as a configuration error with the fix, by `check-config --connect` and by `run` alike,
never retried as a server that may be busy."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Literal

import pytest

from tests.desk_config import PASSWORD_ENV, edit_config, write_desk_config
from tests.forkserver import run_mailbot
from tests.servers import DovecotServer, SmtpServer, district_request, unavailable
from tests.transports.test_check_config import check
from tests.transports.test_end_to_end import REPO

pytestmark = pytest.mark.servers


def _run_once(config: Path, password: str) -> tuple[int, str]:
    done = run_mailbot(["--config", str(config), "run", "--once"], env=dict(os.environ, **{PASSWORD_ENV: password}),
                       timeout=120, cwd=REPO)
    return done.returncode, done.stderr


def _attempts(config: Path) -> list[int]:
    with sqlite3.connect(config.parent / "mailbot.db") as db:
        return [row[0] for row in db.execute("select attempts from outbox")]


@pytest.mark.parametrize("tls", ["starttls", "none"])
def test_clear_text_to_an_smtps_port_is_told_in_seconds(dovecot: DovecotServer, tmp_path: Path,
                                                        certificates: tuple[Path, Path, Path],
                                                        tls: Literal["starttls", "none"]) -> None:
    """Port 465 with tls = "starttls": was "took the connection but did not answer within 30 s ...; it may be
    busy: mailbot run retries" (exit 1), and `run` used an attempt of every mail on it."""
    _ca, cert, key = certificates
    with SmtpServer(tls="implicit", certificates=(cert, key)) as smtps:
        config = write_desk_config(tmp_path, dovecot, smtps)
        edit_config(config, 'tls = "none"\ntimeout_seconds = 5', f'tls = "{tls}"\ntimeout_seconds = 30')
        started = time.monotonic()
        result = check(config, "--connect", password=dovecot.password)
        took = time.monotonic() - started
        assert result.returncode == 2, (result.stdout, result.stderr)
        [line] = result.stderr.strip().splitlines()
        assert (f"outbox: {smtps.host}:{smtps.port} answered, but not as an SMTP server (it expects TLS from the "
                'first byte); it is an implicit-TLS port: set outbox.tls = "implicit"') in line, line
        assert took < 20, took  # not the 30 s timeout
        dovecot.append("INBOX", district_request(1))
        code, stderr = _run_once(config, dovecot.password)
        assert code == 2, stderr
        assert 'set outbox.tls = "implicit"' in stderr and "tried again later" not in stderr, stderr
        assert _attempts(config) and set(_attempts(config)) == {0}  # kept, no attempt used up
        assert smtps.messages == []


def test_clear_text_to_an_imaps_port_is_told_in_seconds(smtp_server: SmtpServer, tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        unavailable("openssl command not installed")
    with DovecotServer(tls=True) as dovecot:
        config = write_desk_config(tmp_path, dovecot, smtp_server)
        edit_config(config, f'port = {dovecot.port}\ntls = "none"', f'port = {dovecot.imaps_port}\ntls = "none"')
        edit_config(config, "read_timeout_seconds = 30", "read_timeout_seconds = 60")
        started = time.monotonic()
        result = check(config, "--connect", password=dovecot.password)
        took = time.monotonic() - started
    assert result.returncode == 2, (result.stdout, result.stderr)
    [line] = result.stderr.strip().splitlines()
    assert (f"inbox: {dovecot.host}:{dovecot.imaps_port} answered, but not as an IMAP server (it expects TLS from "
            'the first byte); it is an implicit-TLS port: set inbox.tls = "implicit"') in line, line
    assert took < 30, took


def test_a_server_that_wants_starttls_is_told_to_need_it(dovecot: DovecotServer, tmp_path: Path,
                                                         certificates: tuple[Path, Path, Path]) -> None:
    """tls = "none" against a server that requires STARTTLS: `--connect` said ok, and `run` said "[office]
    address must be an address [outbox] username may send as"."""
    _ca, cert, key = certificates
    with SmtpServer(tls="starttls", certificates=(cert, key), require_starttls=True) as smtp:
        config = write_desk_config(tmp_path, dovecot, smtp)
        result = check(config, "--connect", password=dovecot.password)
        assert result.returncode == 2, (result.stdout, result.stderr)
        [line] = result.stderr.strip().splitlines()
        assert (f"outbox: the SMTP server {smtp.host}:{smtp.port} takes mail only after STARTTLS (530") in line, line
        assert line.endswith('but [outbox] tls = "none"; set tls = "starttls"'), line
        dovecot.append("INBOX", district_request(1))
        code, stderr = _run_once(config, dovecot.password)
        assert code == 2, stderr
        assert 'set tls = "starttls"' in stderr and "[office] address" not in stderr, stderr
        assert set(_attempts(config)) == {0}


def test_a_missing_imap_ca_file_is_refused_before_connecting(dovecot: DovecotServer, smtp_server: SmtpServer,
                                                      tmp_path: Path) -> None:
    config = write_desk_config(tmp_path, dovecot, smtp_server)
    edit_config(config, "connect_timeout_seconds = 5", 'connect_timeout_seconds = 5\nca_file = "/nonexistent/ca.pem"')
    result = check(config, "--connect", password=dovecot.password)
    assert result.returncode == 2, (result.stdout, result.stderr)
    [line] = result.stderr.strip().splitlines()
    assert "inbox.ca_file: /nonexistent/ca.pem does not exist" in line and "Traceback" not in result.stderr
