"""The SMTP server out of reach and back: when mail goes out again one line says the server works again, as the
IMAP connection says it of the mailbox (each mail it could not take is counted as such: test_outbox_attempts)."""

from __future__ import annotations

import logging

import pytest

from mailbot.outbox import FlushResult, ServerAway


def test_the_server_back_is_said_once(caplog: pytest.LogCaptureFixture) -> None:
    away = ServerAway()
    with caplog.at_level(logging.WARNING, logger="mailbot.outbox"):
        away.saw(FlushResult(retrying=1, unreachable=1))
        away.saw(FlushResult(retrying=1, unreachable=1))
        away.saw(FlushResult())  # nothing due: the server is not known to be back
        away.saw(FlushResult(sent=2))
        away.saw(FlushResult(sent=1))
    said = [r.getMessage() for r in caplog.records if "works again" in r.getMessage()]
    assert said == ["the SMTP server works again (after 2 failed tries)"]
