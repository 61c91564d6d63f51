"""Fixtures for the transport tests: real Dovecot and aiosmtpd servers, an in-memory cursor store."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mailbot.transports.base import MemoryCursorStore
from tests.servers import (
    DovecotServer,
    ServerUnavailable,
    SmtpServer,
    dovecot_missing_reason,
    make_test_certificates,
    unavailable,
)


def start_dovecot(**kwargs: Any) -> Iterator[DovecotServer]:
    reason = dovecot_missing_reason()
    if reason:
        unavailable(reason)
    try:
        server = DovecotServer(**kwargs)
    except ServerUnavailable as exc:
        unavailable(str(exc))
    with server:
        yield server


@pytest.fixture
def dovecot() -> Iterator[DovecotServer]:
    """A fresh Dovecot (IDLE, MOVE, UIDPLUS) with an empty mailbox, stopped after the test."""
    yield from start_dovecot()


@pytest.fixture
def one_connection_dovecot() -> Iterator[DovecotServer]:
    """A Dovecot (IDLE, MOVE, UIDPLUS) that allows the user one connection (mail_max_userip_connections = 1)."""
    yield from start_dovecot(max_connections=1)


@pytest.fixture
def bare_dovecot() -> Iterator[DovecotServer]:
    """A Dovecot that announces neither IDLE, MOVE nor UIDPLUS."""
    yield from start_dovecot(capabilities="IMAP4rev1 LITERAL+ SASL-IR ID ENABLE NAMESPACE")


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """An aiosmtpd server that records what it accepts, stopped after the test."""
    server = SmtpServer()
    with server:
        yield server


@pytest.fixture
def cursors() -> MemoryCursorStore:
    return MemoryCursorStore()


@pytest.fixture
def certificates() -> Iterator[tuple[Path, Path, Path]]:
    """A CA, and a certificate and key it signed for 127.0.0.1 and localhost (removed after the test)."""
    if shutil.which("openssl") is None:
        unavailable("openssl command not installed")
    folder = Path(tempfile.mkdtemp(prefix="mailbot-certs-"))
    try:
        yield make_test_certificates(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
