"""A mail that was never handed to the server keeps its attempts; one the server failed uses one up."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mailbot.app import Desk
from mailbot.errors import NotAttempted, SmtpConnectionError
from mailbot.outbox import FlushResult, _record_failure
from mailbot.store.schema import OutboxMessage

pytestmark = pytest.mark.usefixtures("database_url")  # on SQLite and on PostgreSQL (tests/backends.py)


@pytest.mark.parametrize(("error", "attempts"), [
    (NotAttempted("not sent: connection to 127.0.0.1:25 lost earlier in the batch"), 0),
    (SmtpConnectionError("SMTP server 127.0.0.1:25 unreachable"), 1),
])
def test_only_a_tried_mail_uses_up_an_attempt(open_test_desk: Callable[..., Desk], error: Exception,
                                              attempts: int) -> None:
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
        assert (row.status, row.attempts, result.retrying) == ("queued", attempts, 1)
        assert row.next_attempt_at > desk.now()
