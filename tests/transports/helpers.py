"""Helpers shared by the transport tests: an in-memory cursor store and config builders."""

from __future__ import annotations

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
    adapter_options = ("use_move", "reconnect_attempts", "initial_backoff_seconds")
    options = {k: overrides.pop(k) for k in adapter_options if k in overrides}
    return ImapInbox(inbox_config(server, **overrides), server.password, cursors, size_limit, **options)


def smtp_config(server: SmtpServer, **overrides: Any) -> SmtpOutboxConfig:
    values: dict[str, Any] = {
        "kind": "smtp", "host": server.host, "port": server.port, "tls": "none", "timeout_seconds": 5,
    }
    values.update(overrides)
    return SmtpOutboxConfig(**values)
