"""An IMAP server that turns mailbot away for a while (a BYE greeting: shutting down, too many connections; a
login refused with RFC 5530 [UNAVAILABLE], [LIMIT], [INUSE] or [SERVERBUG]) is a temporary failure: `mailbot run`
tries again with its growing pauses, `check-config --connect` says so, exit 1. A wrong password stays a
configuration error, exit 2 (the service unit does not restart on it)."""

from __future__ import annotations

import os
import re
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailbot.config import ImapInbox as ImapInboxConfig
from mailbot.errors import ImapConnectionError, ImapConnectionLimit, ImapLoginError
from mailbot.transports.base import MemoryCursorStore
from mailbot.transports.imap import ImapInbox
from tests.desk.conftest import mailbot

pytestmark = pytest.mark.servers

PASSWORD_ENV = "MAILBOT_TEST_IMAP_PASSWORD"


class _Fake(socketserver.ThreadingTCPServer):
    """An IMAP server on 127.0.0.1 that greets with *greeting* and answers LOGIN with *login*; counts connections."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, greeting: bytes, login: bytes) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.greeting = greeting
        self.login = login
        self.connections = 0


class _Handler(socketserver.StreamRequestHandler):
    server: _Fake

    def handle(self) -> None:
        self.server.connections += 1
        self.wfile.write(self.server.greeting + b"\r\n")
        if self.server.greeting.startswith(b"* BYE"):
            return
        for line in self.rfile:
            tag, _, command = line.decode("ascii", "replace").strip().partition(" ")
            word = command.split(" ", 1)[0].upper()
            if word == "CAPABILITY":
                self.wfile.write(f"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n".encode())
            elif word == "LOGIN":
                self.wfile.write(tag.encode() + b" " + self.server.login + b"\r\n")
            elif word == "LOGOUT":
                self.wfile.write(f"* BYE\r\n{tag} OK bye\r\n".encode())
                return
            else:
                self.wfile.write(f"{tag} BAD not here\r\n".encode())


OK = b"* OK IMAP4rev1 ready"
FOR_NOW = {
    "bye-unavailable": (b"* BYE [UNAVAILABLE] Server shutting down", b"OK"),
    "bye-too-many": (b"* BYE Too many connections, try again later", b"OK"),
    "no-limit": (OK, b"NO [LIMIT] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=1)"),
    "no-unavailable": (OK, b"NO [UNAVAILABLE] Authentication service unavailable"),
    "no-inuse": (OK, b"NO [INUSE] Mailbox in use"),
    "no-serverbug": (OK, b"NO [SERVERBUG] Internal error occurred"),
    "no-shutting-down": (OK, b"NO Shutting down"),  # Dovecot, to a login while it stops
}
FOR_GOOD = {
    "no-authenticationfailed": (OK, b"NO [AUTHENTICATIONFAILED] Authentication failed."),
    "no-plain": (OK, b"NO Login failed"),
}


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> Iterator[_Fake]:
    server = _Fake(*request.param)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _config(port: int) -> ImapInboxConfig:
    return ImapInboxConfig(kind="imap", host="127.0.0.1", port=port, tls="none", username="blangko",
                           password_env=PASSWORD_ENV, connect_timeout_seconds=2, read_timeout_seconds=2,
                           max_backoff_seconds=0.05)


def _check_config(desk_dir: Path, port: int) -> tuple[int, list[str]]:
    path = desk_dir / "config.toml"
    text = path.read_text()
    found = re.search(r"^\[inbox\]\n.*?(?=^\[)", text, re.MULTILINE | re.DOTALL)
    assert found
    path.write_text(text[:found.start()] + f'[inbox]\nkind = "imap"\nhost = "127.0.0.1"\nport = {port}\n'
                    f'tls = "none"\nusername = "blangko"\npassword_env = "{PASSWORD_ENV}"\n'
                    "connect_timeout_seconds = 2\nread_timeout_seconds = 2\n\n" + text[found.end():])
    result = mailbot(desk_dir, "check-config", "--connect", env={**os.environ, PASSWORD_ENV: "rahasia"})
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr.strip().splitlines()


@pytest.mark.parametrize("fake", FOR_NOW.values(), ids=FOR_NOW.keys(), indirect=True)
def test_run_tries_again_when_the_server_turns_it_away_for_now(fake: _Fake) -> None:
    """Was ImapMisconfigured or ImapLoginError at the first answer: `mailbot run` exited 2, the unit stayed down."""
    inbox = ImapInbox(_config(fake.server_address[1]), "rahasia", MemoryCursorStore(), reconnect_attempts=2,
                      initial_backoff_seconds=0.01)
    with pytest.raises(ImapConnectionError, match="not reachable now") as raised:
        list(inbox.fetch_new())
    assert not isinstance(raised.value, ImapLoginError)
    assert fake.connections == 3, "the first try and two more"
    said = (fake.greeting if fake.greeting.startswith(b"* BYE") else fake.login).decode()
    assert said.split(" ", 1)[1] in str(raised.value), raised.value
    # the service's wait between passes: keeps trying, raises nothing
    assert inbox.wait_for_mail(0.5) is False
    assert fake.connections > 3


@pytest.mark.parametrize("fake", [FOR_NOW["no-limit"], FOR_NOW["bye-too-many"]], ids=["no-limit", "bye-too-many"],
                         indirect=True)
def test_a_second_connection_refused_for_the_users_limit_gives_way(fake: _Fake) -> None:
    """The IDLE watcher's connection (open_inbox(gives_way=True)): the server allows the user one connection, the
    fetching one's; the watcher says so at once rather than try again as the fetching one does above."""
    inbox = ImapInbox(_config(fake.server_address[1]), "rahasia", MemoryCursorStore(), reconnect_attempts=2,
                      initial_backoff_seconds=0.01, gives_way=True)
    with pytest.raises(ImapConnectionLimit, match="refused a second connection"):
        inbox.wait_for_mail(0.5)
    assert fake.connections == 1


@pytest.mark.parametrize("fake", FOR_NOW.values(), ids=FOR_NOW.keys(), indirect=True)
def test_check_config_says_a_temporary_failure(desk_dir: Path, fake: _Fake) -> None:
    code, lines = _check_config(desk_dir, fake.server_address[1])
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"mailbot: temporary failure: inbox: the IMAP server 127.0.0.1:{fake.server_address[1]}"
                               " refuses "), lines
    assert "mailbot run tries again" in lines[0] and "password" not in lines[0], lines


@pytest.mark.parametrize("fake", FOR_GOOD.values(), ids=FOR_GOOD.keys(), indirect=True)
def test_a_wrong_password_stays_a_configuration_error(desk_dir: Path, fake: _Fake) -> None:
    inbox = ImapInbox(_config(fake.server_address[1]), "salah", MemoryCursorStore(), reconnect_attempts=2,
                      initial_backoff_seconds=0.01)
    with pytest.raises(ImapLoginError, match="refused the login of blangko"):
        list(inbox.fetch_new())
    assert fake.connections == 1
    code, lines = _check_config(desk_dir, fake.server_address[1])
    assert code == 2 and len(lines) == 1, lines
    assert lines[0].startswith("mailbot: configuration error: inbox: ") and "correct [inbox] username" in lines[0]
