"""A login the SMTP server refuses (535) is a configuration error: said so in one line, the mail stays
queued without using up attempts, and the same process does not log in again with the wrong password."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from tests.desk.conftest import EXAMPLES, mailbot
from tests.servers import free_port


class _Logins:
    def __init__(self) -> None:
        self.sessions: set[int] = set()  # one login tries each mechanism on offer, in one session

    def __call__(self, _server: Any, session: Any, *_args: Any) -> AuthResult:
        self.sessions.add(id(session))
        return AuthResult(success=False, handled=False)  # aiosmtpd answers 535


class _Keep:
    async def handle_DATA(self, *_args: Any) -> str:
        return "250 OK"


@pytest.fixture
def refusing_smtp() -> Iterator[tuple[int, _Logins]]:
    logins = _Logins()
    port = free_port()
    controller = Controller(_Keep(), hostname="127.0.0.1", port=port, authenticator=logins, auth_require_tls=False)
    controller.start()
    try:
        yield port, logins
    finally:
        controller.stop()


@pytest.mark.servers
def test_refused_login_is_a_configuration_error_not_a_retry(desk_dir: Path,
                                                            refusing_smtp: tuple[int, _Logins]) -> None:
    port, logins = refusing_smtp
    path = desk_dir / "config.toml"
    text = path.read_text()
    path.write_text(text.replace('kind = "maildir"\npath = "var/mail/outbox"',
                                 f'kind = "smtp"\nhost = "127.0.0.1"\nport = {port}\ntls = "none"\n'
                                 'username = "blangko"\npassword_env = "MAILBOT_TEST_SMTP_PASSWORD"', 1))
    env = {**os.environ, "MAILBOT_TEST_SMTP_PASSWORD": "salah"}
    assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
    result = mailbot(desk_dir, "run", "--once", env=env)
    assert result.returncode == 2, (result.stdout, result.stderr)
    said = [line for line in result.stderr.splitlines() if line.startswith("mailbot: configuration error")]
    assert len(said) == 1 and "refused the login of blangko (535" in said[0], result.stderr
    assert "MAILBOT_TEST_SMTP_PASSWORD" in said[0]
    assert "will retry" not in result.stderr and "Traceback" not in result.stderr
    assert "waiting in the outbox: 1" in result.stdout
    assert len(logins.sessions) == 1  # one login, not one per mail or per pass
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    assert db.execute("select status, attempts from outbox").fetchall() == [("queued", 0)]
