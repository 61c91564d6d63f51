"""The SMTP server out of reach and back: each mail it could not take is counted as such, and when mail goes out
again one line says the server works again, as the IMAP connection says it of the mailbox."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from mailbot.app import Desk
from mailbot.errors import SmtpConnectionError, TemporaryDeliveryError
from mailbot.outbox import FlushResult, ServerAway, _record_failure
from mailbot.store.schema import OutboxMessage

pytestmark = pytest.mark.usefixtures("database_url")


@pytest.mark.parametrize(("error", "unreachable"), [
    (SmtpConnectionError("SMTP server 127.0.0.1:25 not reachable now: nothing listens on that port"), 1),
    (TemporaryDeliveryError("451 mailbox busy"), 0),
])
def test_a_mail_the_server_could_not_take_is_counted_as_out_of_reach(open_test_desk: Callable[..., Desk],
                                                                     error: Exception, unreachable: int) -> None:
    desk = open_test_desk()
    with desk.sessions.begin() as session:
        row = OutboxMessage(purpose="reply:1", message_id="<r1@desk.example>", category="reply",
                            sender="blangko@disdukcapil.kaltaraprov.example", recipients=["a@b.example"],
                            subject="Re: x", raw=b"x", status="queued", attempts=0, next_attempt_at=desk.now(),
                            created_at=desk.now())
        session.add(row)
        session.flush()
        result = FlushResult()
        _record_failure(session, desk, row.id, error, result)
        assert (result.retrying, result.unreachable) == (1, unreachable)


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
