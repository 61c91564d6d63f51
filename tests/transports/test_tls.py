"""TLS on real servers: IMAPS and STARTTLS on Dovecot, STARTTLS and implicit TLS on aiosmtpd, certificate checks."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest

from mailbot.errors import ImapConnectionError, SendingMisconfigured
from mailbot.transports.base import MemoryCursorStore, OutgoingMessage
from mailbot.transports.smtp import SmtpSender
from tests.servers import (
    DovecotServer,
    SmtpServer,
    district_request,
    dovecot_missing_reason,
    unavailable,
)
from tests.transports.helpers import make_inbox, smtp_config

pytestmark = pytest.mark.servers

@pytest.fixture
def tls_dovecot() -> Iterator[DovecotServer]:
    reason = dovecot_missing_reason() or (None if shutil.which("openssl") else "openssl command not installed")
    if reason:
        unavailable(reason)
    with DovecotServer(tls=True) as server:
        yield server


@pytest.mark.parametrize("mode", ["implicit", "starttls"])
def test_imap_over_tls_with_the_right_ca(tls_dovecot: DovecotServer, mode: Literal["implicit", "starttls"]) -> None:
    raw = district_request(1)
    tls_dovecot.append("INBOX", raw)
    port = tls_dovecot.imaps_port if mode == "implicit" else tls_dovecot.port
    with make_inbox(tls_dovecot, MemoryCursorStore(), tls=mode, port=port, host="localhost",
                    ca_file=tls_dovecot.ca_file) as inbox:
        assert [m.raw for m in inbox.fetch_new()] == [raw]


def test_imap_refuses_an_unknown_certificate_at_once(tls_dovecot: DovecotServer) -> None:
    inbox = make_inbox(tls_dovecot, MemoryCursorStore(), tls="implicit", port=tls_dovecot.imaps_port, host="localhost")
    started = time.monotonic()
    with pytest.raises(ImapConnectionError, match="certificate of the IMAP server .* cannot be verified"):
        list(inbox.fetch_new())
    assert time.monotonic() - started < 2  # not retried: waiting would not fix it


def test_imap_without_verification_when_configured(tls_dovecot: DovecotServer) -> None:
    tls_dovecot.append("INBOX", district_request(2))
    with make_inbox(tls_dovecot, MemoryCursorStore(), tls="implicit", port=tls_dovecot.imaps_port,
                    verify_certificate=False) as inbox:
        assert len(list(inbox.fetch_new())) == 1


def reply() -> OutgoingMessage:
    raw = b"From: blangko@disdukcapil.kaltara.test\r\nTo: disdukcapil@nunukan.test\r\nSubject: Re\r\n\r\nDiterima.\r\n"
    return OutgoingMessage("<tls-1@x.test>", "blangko@disdukcapil.kaltara.test", ("disdukcapil@nunukan.test",), raw)


@pytest.mark.parametrize("mode", ["starttls", "implicit"])
def test_smtp_over_tls_with_the_right_ca(
    certificates: tuple[Path, Path, Path], mode: Literal["starttls", "implicit"]
) -> None:
    ca, cert, key = certificates
    with SmtpServer(tls=mode, certificates=(cert, key)) as server:
        config = smtp_config(server, tls=mode, host="localhost", ca_file=ca)
        assert SmtpSender(config).send_batch([reply()]) == {"<tls-1@x.test>": None}
        assert len(server.messages) == 1


def test_smtp_refuses_an_unknown_certificate_as_a_configuration_error(certificates: tuple[Path, Path, Path]) -> None:
    _ca, cert, key = certificates
    with SmtpServer(tls="starttls", certificates=(cert, key)) as server:
        results = SmtpSender(smtp_config(server, tls="starttls", host="localhost")).send_batch([reply()])
        error = results["<tls-1@x.test>"]
        # the mail waits, using up no attempt, until the operator names the certificate authority
        assert isinstance(error, SendingMisconfigured)
        assert "certificate mailbot cannot trust" in str(error) and "ca_file" in str(error)
        assert server.messages == []
