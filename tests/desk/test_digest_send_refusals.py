"""`digest --send` says what became of the digest by manager (sent to whom, refused for good for whom, deferred for
whom), and a configuration the SMTP server refuses makes it exit 2, as `run --once` does."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.servers import SmtpServer, free_port

KADIS = "kadis@disdukcapil.kaltaraprov.example"
KABID = "kabid.piak@disdukcapil.kaltaraprov.example"


def _smtp_outbox(desk_dir: Path, port: int) -> None:
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace('kind = "maildir"\npath = "var/mail/outbox"',
                                             f'kind = "smtp"\nhost = "127.0.0.1"\nport = {port}\ntls = "none"', 1))


@pytest.mark.servers
def test_a_digest_refused_for_one_manager_says_who_has_it_and_who_not(desk_dir: Path) -> None:
    # was: "digest queued; mail sent: 0", exit 0, nothing on stderr, though kabid had it
    with SmtpServer() as smtp:
        smtp.refused_recipients = {KADIS}
        _smtp_outbox(desk_dir, smtp.port)
        result = mailbot(desk_dir, "digest", "--send")
        assert result.returncode == 0, result.stderr
        said = " ".join(result.stdout.split())
        assert f"the digest: sent to {KABID}; refused for good for {KADIS} (the operator is told)" in said, said
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and "refused for good for " + KADIS in lines[0] and "550" in lines[0], lines
        smtp.refused_recipients = set()
        smtp.deferred_recipients = {KADIS, KABID}
        deferred = mailbot(desk_dir, "digest", "--send")
        said = " ".join(deferred.stdout.split())
        assert f"the digest: sent to nobody; deferred by the server for {KADIS}, {KABID}, tried again by " in said


class _Imap(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        self.wfile.write(b"* OK [CAPABILITY IMAP4rev1] ready\r\n")
        for _ in self.rfile:
            self.wfile.write(b"* BAD unknown command\r\n")


@pytest.fixture
def imap_port() -> Iterator[int]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", free_port()), _Imap)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.servers
def test_a_digest_sent_to_a_port_that_is_no_smtp_server_exits_2(desk_dir: Path, imap_port: int) -> None:
    # was: "configuration error" on stderr and exit 0: a cron job saw success
    _smtp_outbox(desk_dir, imap_port)
    result = mailbot(desk_dir, "digest", "--send")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "mailbot: configuration error:" in result.stderr and "not as an SMTP server" in result.stderr
