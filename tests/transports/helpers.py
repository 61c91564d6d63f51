"""Helpers shared by the transport tests: an in-memory cursor store and config builders."""

from __future__ import annotations

import socket
import threading
from typing import Any

from mailbot.config import ImapInbox as ImapInboxConfig
from mailbot.config import SmtpOutbox as SmtpOutboxConfig
from mailbot.transports.base import MemoryCursorStore
from mailbot.transports.imap import ImapInbox
from tests.servers import DovecotServer, SmtpServer


def inbox_config(server: DovecotServer, **overrides: Any) -> ImapInboxConfig:
    values: dict[str, Any] = {
        "kind": "imap",
        "host": server.host,
        "port": server.port,
        "tls": "none",
        "username": server.user,
        "password_env": "MAILBOT_TEST_IMAP_PASSWORD",
        "connect_timeout_seconds": 5,
        "read_timeout_seconds": 10,
        "max_backoff_seconds": 2,
    }
    values.update(overrides)
    return ImapInboxConfig(**values)


def make_inbox(
    server: DovecotServer, cursors: MemoryCursorStore, size_limit: int | None = None, **overrides: Any
) -> ImapInbox:
    adapter_options = ("use_move", "reconnect_attempts", "initial_backoff_seconds", "outage")
    options = {k: overrides.pop(k) for k in adapter_options if k in overrides}
    return ImapInbox(inbox_config(server, **overrides), server.password, cursors, size_limit, **options)


def smtp_config(server: SmtpServer, **overrides: Any) -> SmtpOutboxConfig:
    values: dict[str, Any] = {
        "kind": "smtp", "host": server.host, "port": server.port, "tls": "none", "timeout_seconds": 5,
    }
    values.update(overrides)
    return SmtpOutboxConfig(**values)


class SilentProxy:
    """A TCP proxy on loopback whose open connections can be made to go silent: still open (no FIN,
    no RST) but passing nothing either way, as a connection behind a dead NAT or firewall does.
    Connections made after silence() pass data normally."""

    def __init__(self, host: str, port: int) -> None:
        self._upstream = (host, port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.connections = 0
        self.from_client = bytearray()  # everything the client sent, over every connection
        self._generation = 0
        self._sockets: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def silence(self) -> None:
        """From now on the connections open so far pass nothing."""
        self._generation += 1

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self._upstream)
            self.connections += 1
            self._sockets += [client, upstream]
            generation = self._generation
            for a, b, record in ((client, upstream, True), (upstream, client, False)):
                threading.Thread(target=self._pump, args=(a, b, generation, record), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, generation: int, record: bool) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                return
            if record:
                self.from_client += data
            if self._generation == generation:  # silenced connections swallow what they get
                try:
                    target.sendall(data)
                except OSError:
                    return

    def close(self) -> None:
        self._closed = True
        for s in [self._listener, *self._sockets]:
            try:
                s.close()
            except OSError:
                pass

    def __enter__(self) -> SilentProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
