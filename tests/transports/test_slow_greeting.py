"""A mail server that sends its greeting slowly (a byte at a time: overloaded, or on a poor link) is a slow server
of the right protocol: its first line is awaited for the connect timeout in all, whole within it is taken, not
whole by then is SlowGreeting (a condition that may pass); the probe of what a port speaks judges such a server by
its first words, not by its first byte. Real sockets on 127.0.0.1, each served by a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from imapclient import SocketTimeout

from mailbot.errors import SlowGreeting
from mailbot.transports.imap import PlainIMAPClient
from mailbot.transports.probe import not_the_protocol
from mailbot.transports.smtp import PlainSMTP

pytestmark = pytest.mark.servers

IMAP_GREETING = b"* OK IMAP4rev1 ready\r\n"
SMTP_GREETING = b"220 mail.kaltaraprov.example ESMTP ready\r\n"


class SlowServer:
    """Listens on 127.0.0.1; to each connection sends *greeting* a byte every *pause* seconds, then answers each
    line it is sent (an IMAP CAPABILITY, an SMTP EHLO or QUIT) as a server of that protocol would."""

    def __init__(self, greeting: bytes, pause: float) -> None:
        self.greeting, self.pause = greeting, pause
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.gone = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.gone.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                for byte in self.greeting:
                    if self.gone.is_set():
                        return
                    conn.sendall(bytes([byte]))
                    time.sleep(self.pause)
                for line in conn.makefile("rb"):
                    tag, _, command = line.decode("ascii", "replace").strip().partition(" ")
                    if command.upper().startswith("CAPABILITY"):
                        conn.sendall(f"* CAPABILITY IMAP4rev1\r\n{tag} OK done\r\n".encode())
                    elif tag.upper() == "EHLO":
                        conn.sendall(b"250-mail.kaltaraprov.example\r\n250 8BITMIME\r\n")
                    elif tag.upper() == "QUIT":
                        conn.sendall(b"221 bye\r\n")
                        return
            except OSError:
                return  # the client went away

    def close(self) -> None:
        self.gone.set()
        self.listener.close()


@pytest.fixture
def slow() -> Iterator[list[SlowServer]]:
    servers: list[SlowServer] = []
    yield servers
    for server in servers:
        server.close()


def _server(servers: list[SlowServer], greeting: bytes, pause: float) -> SlowServer:
    servers.append(SlowServer(greeting, pause))
    return servers[-1]


def _imap(port: int, seconds: float) -> PlainIMAPClient:
    return PlainIMAPClient("127.0.0.1", port=port, ssl=False, timeout=SocketTimeout(connect=seconds, read=seconds))


def test_a_slow_greeting_whole_within_the_connect_timeout_is_taken(slow: list[SlowServer]) -> None:
    imap = _server(slow, IMAP_GREETING, 0.03)  # whole after about 0.7 s
    client = _imap(imap.port, 3)
    assert b"IMAP4REV1" in client.capabilities()
    client.shutdown()
    smtp = _server(slow, SMTP_GREETING, 0.02)
    connection = PlainSMTP("127.0.0.1", smtp.port, timeout=3)
    assert connection.ehlo()[0] == 250
    connection.quit()


@pytest.mark.parametrize(("greeting", "connect"), [
    (IMAP_GREETING, lambda port: _imap(port, 1)),
    (SMTP_GREETING, lambda port: PlainSMTP("127.0.0.1", port, timeout=1)),
], ids=["imap", "smtp"])
def test_a_greeting_not_whole_within_the_connect_timeout_is_slow(slow: list[SlowServer], greeting: bytes,
                                                                connect: object) -> None:
    """Was taken after as long as each byte came within the timeout (22 s at a byte a second), then the first
    command's timeout was judged by the probe's one byte: "not an IMAP server (its first words were "*")"."""
    server = _server(slow, greeting, 0.2)
    started = time.monotonic()
    with pytest.raises(SlowGreeting) as raised:
        connect(server.port)  # type: ignore[operator]
    took = time.monotonic() - started
    assert 1 <= took < 2, took
    assert raised.value.seconds == 1 and greeting.startswith(raised.value.said) and len(raised.value.said) >= 3
    assert isinstance(raised.value, TimeoutError)  # handled wherever a server that does not answer is
    assert str(raised.value).startswith('its greeting had not come whole after 1 s, only "'), str(raised.value)


@pytest.mark.parametrize(("greeting", "protocol"), [(IMAP_GREETING, "IMAP"), (SMTP_GREETING, "SMTP")],
                         ids=["imap", "smtp"])
def test_the_probe_judges_a_slow_greeting_by_its_first_words(slow: list[SlowServer], greeting: bytes,
                                                             protocol: str) -> None:
    """Was "answered, but not as an IMAP server (its first words were "*")": one byte read, one byte judged."""
    server = _server(slow, greeting, 0.4)
    assert not_the_protocol("127.0.0.1", server.port, protocol, 1) is None


def test_the_probe_still_tells_another_protocol_sent_slowly(slow: list[SlowServer]) -> None:
    server = _server(slow, b"SSH-2.0-OpenSSH_9.6\r\n", 0.1)
    said = not_the_protocol("127.0.0.1", server.port, "IMAP", 1)
    assert said == f"127.0.0.1:{server.port} answered, but not as an IMAP server (it looks like SSH)", said
    smtp = _server(slow, IMAP_GREETING, 0.1)
    said = not_the_protocol("127.0.0.1", smtp.port, "SMTP", 1)
    assert said == f"127.0.0.1:{smtp.port} answered, but not as an SMTP server (it looks like IMAP)", said

