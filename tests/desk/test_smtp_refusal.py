"""A login the SMTP server refuses (535) is a configuration error: said so in one line, the mail stays
queued without using up attempts, and the same process does not log in again with the wrong password."""

from __future__ import annotations

import os
import socketserver
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from tests.desk.conftest import EXAMPLES, mailbot
from tests.forkserver import run_mailbot
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
    assert result.stderr.count("(535") == 1, "said once, not logged as well"  # (a port or a path may hold "535")
    assert "MAILBOT_TEST_SMTP_PASSWORD" in said[0]
    assert "tried again later" not in result.stderr and "Traceback" not in result.stderr
    assert "waiting in the outbox: 1" in result.stdout
    assert len(logins.sessions) == 1  # one login, not one per mail or per pass
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    assert db.execute("select status, attempts from outbox").fetchall() == [("queued", 0)]
    # a command that sends what it queued says it once too
    dispatched = mailbot(desk_dir, "dispatch", "BLK-2026-0001", env=env)
    assert dispatched.returncode == 0, dispatched.stderr
    assert dispatched.stderr.count("(535") == 1, dispatched.stderr
    assert dispatched.stderr.startswith("mailbot: configuration error: the SMTP server"), dispatched.stderr


class _ScriptedSmtp(socketserver.ThreadingTCPServer):
    """An SMTP server that refuses mailbot in one way for good: "greeting" (554 on connecting), "mechanism"
    (504 to every AUTH), "tls" (offers STARTTLS, then answers the handshake in plain text), "noauth" (offers no
    AUTH at all) or "nostarttls" (offers no STARTTLS)."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.sessions = 0
        super().__init__(("127.0.0.1", free_port()), _ScriptedHandler)


class _ScriptedHandler(socketserver.StreamRequestHandler):
    server: _ScriptedSmtp

    def handle(self) -> None:
        mode = self.server.mode
        self.server.sessions += 1
        if mode == "greeting":
            self.wfile.write(b"554 no service for you\r\n")
            return
        self.wfile.write(b"220 scripted ESMTP\r\n")
        for line in self.rfile:
            verb = line.split(b" ", 1)[0].strip().upper()
            if verb == b"EHLO":
                extra = {"tls": b"250-STARTTLS\r\n", "noauth": b"", "nostarttls": b""}.get(
                    mode, b"250-AUTH PLAIN LOGIN\r\n")
                self.wfile.write(b"250-scripted\r\n" + extra + b"250 8BITMIME\r\n")
            elif verb == b"STARTTLS":
                self.wfile.write(b"220 go ahead\r\n")
                self.request.recv(4096)  # the client's TLS hello
                self.wfile.write(b"this is no TLS at all\r\n")
                self.request.recv(4096)
                return
            elif verb == b"AUTH":
                self.wfile.write(b"504 5.5.4 mechanism not supported\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.mark.servers
@pytest.mark.parametrize(("mode", "tls", "said"), [
    ("greeting", "none", "refuses to serve mailbot (554 no service for you); check [outbox] host and port"),
    ("mechanism", "none", "does not accept the way mailbot logs in (504 5.5.4 mechanism not supported)"),
    ("tls", "starttls", 'TLS handshake with the SMTP server 127.0.0.1:{port} failed (WRONG_VERSION_NUMBER); '
                        '[outbox] tls = "starttls" does not match that port'),
    ("noauth", "none", "127.0.0.1:{port} offers no AUTH"),
    ("nostarttls", "starttls", "127.0.0.1:{port} does not offer STARTTLS"),
])
def test_a_server_refusing_mailbot_for_good_is_a_configuration_error(desk_dir: Path, mode: str, tls: str,
                                                                     said: str) -> None:
    server = _ScriptedSmtp(mode)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        path = desk_dir / "config.toml"
        path.write_text(path.read_text().replace(
            'kind = "maildir"\npath = "var/mail/outbox"',
            f'kind = "smtp"\nhost = "127.0.0.1"\nport = {port}\ntls = "{tls}"\n'
            'username = "blangko"\npassword_env = "MAILBOT_TEST_SMTP_PASSWORD"', 1))
        env = {**os.environ, "MAILBOT_TEST_SMTP_PASSWORD": "benar"}
        checked = mailbot(desk_dir, "check-config", "--connect", env=env)
        assert checked.returncode == 2, (checked.stdout, checked.stderr)
        assert said.format(port=port) in checked.stderr and "Traceback" not in checked.stderr
        assert "b'" not in checked.stderr and "_ssl.c" not in checked.stderr
        assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
        before = server.sessions
        result = mailbot(desk_dir, "run", "--once", env=env)
        assert result.returncode == 2, (result.stdout, result.stderr)
        lines = [line for line in result.stderr.splitlines() if line.startswith("mailbot: configuration error")]
        assert len(lines) == 1 and said.format(port=port) in lines[0], result.stderr
        assert "tried again later" not in result.stderr and "Traceback" not in result.stderr
        assert server.sessions - before == 1  # tried once, not once per mail
        db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
        assert db.execute("select status, attempts from outbox").fetchall() == [("queued", 0)]
        # without --connect, check-config knows what the server said at that run: no "ok" while nothing changed
        offline = mailbot(desk_dir, "check-config", env=env)
        assert offline.returncode == 2, (offline.stdout, offline.stderr)
        assert "the SMTP server refused mailbot (" in offline.stderr and "has not changed since" in offline.stderr
        assert said.format(port=port) in offline.stderr and len(offline.stderr.splitlines()) == 1
        later = path.stat().st_mtime + 3600
        os.utime(path, (later, later))  # the file corrected since: a warning, and the advice to try it
        changed = mailbot(desk_dir, "check-config", env=env)
        assert changed.returncode == 0, (changed.stdout, changed.stderr)
        assert "before" in changed.stdout and "check-config --connect tells whether it is corrected" in changed.stdout
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.servers
def test_every_run_says_the_outbox_is_blocked_and_only_for_the_server_that_refused(desk_dir: Path) -> None:
    """A server with no AUTH while outbox.username is set: the second `run --once` within the retry pause said
    nothing and exited 0; and `check-config` of another copy of the file, sending to another port, was blamed
    for that refusal."""
    server = _ScriptedSmtp("noauth")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        path = desk_dir / "config.toml"
        text = path.read_text()
        path.write_text(text.replace(
            'kind = "maildir"\npath = "var/mail/outbox"',
            f'kind = "smtp"\nhost = "127.0.0.1"\nport = {port}\ntls = "none"\n'
            'username = "blangko"\npassword_env = "MAILBOT_TEST_SMTP_PASSWORD"', 1))
        env = {**os.environ, "MAILBOT_TEST_SMTP_PASSWORD": "benar"}
        assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
        assert mailbot(desk_dir, "run", "--once", env=env).returncode == 2
        again = mailbot(desk_dir, "run", "--once", env=env)
        assert again.returncode == 2, (again.stdout, again.stderr)
        lines = [line for line in again.stderr.splitlines() if line.startswith("mailbot: configuration error")]
        assert len(lines) == 1 and "the outbox is blocked" in lines[0] and f"127.0.0.1:{port} offers no AUTH" in \
            lines[0], again.stderr
        other = desk_dir / "other.toml"  # the same desk and database, sending to another port
        other.write_text(path.read_text().replace(f"port = {port}\n", f"port = {free_port()}\n", 1))
        earlier = path.stat().st_mtime - 3600
        os.utime(other, (earlier, earlier))  # a copy kept unchanged since before the refusal
        checked = run_mailbot(["--config", str(other), "check-config"], cwd=desk_dir, env=env)
        assert "refused mailbot" not in checked.stderr + checked.stdout, checked.stderr
        assert checked.returncode == 0, (checked.stdout, checked.stderr)
    finally:
        server.shutdown()
        server.server_close()
