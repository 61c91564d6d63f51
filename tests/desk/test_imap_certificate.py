"""An IMAP server whose certificate does not match the configured host, or cannot be verified: `mailbot run --once`
says so in one line naming the server, reads nothing and exits 1; `check-config --connect` says the same."""

from __future__ import annotations

import os
import re
import socketserver
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.servers import make_test_certificates, unavailable

pytestmark = [pytest.mark.servers, pytest.mark.slow]

PASSWORD_ENV = "MAILBOT_TEST_IMAP_PASSWORD"
# The test certificate names localhost and 127.0.0.1; the server listens on another loopback address too.
OTHER_ADDRESS = "127.0.0.2"


class _TlsServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, context: ssl.SSLContext) -> None:
        super().__init__((OTHER_ADDRESS, 0), _Handler)
        self.context = context


class _Handler(socketserver.BaseRequestHandler):
    server: _TlsServer

    def handle(self) -> None:
        try:
            with self.server.context.wrap_socket(self.request, server_side=True) as tls:
                tls.sendall(b"* OK IMAP4rev1 ready\r\n")
                tls.recv(1024)
        except OSError:
            pass  # the client refused the certificate


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    try:
        ca, cert, key = make_test_certificates(tmp_path)
    except FileNotFoundError:
        unavailable("openssl command not installed")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server = _TlsServer(context)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1], ca
    finally:
        server.shutdown()
        server.server_close()


def _imap(desk_dir: Path, port: int, ca: Path | None) -> None:
    path = desk_dir / "config.toml"
    text = path.read_text()
    found = re.search(r"^\[inbox\]\n.*?(?=^\[)", text, re.MULTILINE | re.DOTALL)
    assert found
    ca_line = f'ca_file = "{ca}"\n' if ca else ""
    path.write_text(text[:found.start()] + f'[inbox]\nkind = "imap"\nhost = "{OTHER_ADDRESS}"\nport = {port}\n'
                    f'tls = "implicit"\n{ca_line}username = "blangko"\npassword_env = "{PASSWORD_ENV}"\n'
                    "connect_timeout_seconds = 2\nread_timeout_seconds = 2\n\n" + text[found.end():])


def _said(desk_dir: Path, *command: str) -> tuple[int, list[str]]:
    result = mailbot(desk_dir, *command, env={**os.environ, PASSWORD_ENV: "rahasia"})
    lines = result.stderr.strip().splitlines()
    assert not any(word in result.stderr for word in ("Traceback", "SSLCertVerificationError", "_ssl.c")), lines
    return result.returncode, [line for line in lines if line.startswith("mailbot:")]


@pytest.mark.parametrize(("with_ca", "said"), [
    (True, "does not match that name (IP address mismatch, certificate is not valid for '127.0.0.2'.); set [inbox] "
           "host to a name on the certificate (it holds 'localhost', '127.0.0.1')"),
    (False, "cannot be verified (unable to get local issuer certificate); set [inbox] ca_file to the certificate "
            "authority that signed it, or correct [inbox] host"),
], ids=["other_name", "unknown_authority"])
def test_a_certificate_refused_is_one_line_naming_the_server(desk_dir: Path, tls_server: tuple[int, Path],
                                                             with_ca: bool, said: str) -> None:
    port, ca = tls_server
    _imap(desk_dir, port, ca if with_ca else None)
    server = f"the certificate of the IMAP server {OTHER_ADDRESS}:{port}"
    code, lines = _said(desk_dir, "run", "--once")
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"mailbot: {server} {said}; nothing was read (mail sent: "), lines
    code, lines = _said(desk_dir, "check-config", "--connect")
    assert code != 0 and len(lines) == 1, lines
    assert f"inbox: {server} {said}" in lines[0], lines
