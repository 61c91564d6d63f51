"""A mail the SMTP server took for some recipients and refused for others: the history of its request says who
received it and who did not (the outbox row keeps only the refused ones, so that no one gets it twice)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mailbot.app import Desk
from mailbot.errors import RecipientsRefusedError
from mailbot.history import story
from mailbot.outbox import flush
from mailbot.store.schema import Request
from tests.desk.mailkit import queued_reply

pytestmark = pytest.mark.usefixtures("database_url")  # on SQLite and on PostgreSQL (tests/backends.py)


class _RefusingOneOfTwo:
    """A relay that takes a mail for every recipient but *refused*, which it refuses for good (550 at RCPT)."""

    def __init__(self, refused: str) -> None:
        self.refused = refused

    def send_batch(self, messages, *, on_result=None):  # type: ignore[no-untyped-def]
        outcomes: dict[str, Exception | None] = {}
        for mail in messages:
            error = RecipientsRefusedError("recipients refused", {self.refused: (550, "5.1.1 mailbox unavailable")},
                                           partial=len(mail.recipients) > 1, where="127.0.0.1:25")
            outcomes[mail.message_id] = error
            if on_result is not None:
                on_result(mail.message_id, error)
        return outcomes

    def stop_waiting(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_the_history_says_who_received_a_mail_refused_for_some(open_test_desk: Callable[..., Desk]) -> None:
    desk = open_test_desk()
    with desk.sessions.begin() as session:
        request = Request(reference="BLK-2026-0001", district="65.71", item="ktp-el", state="approved",
                          created_at=desk.now(), updated_at=desk.now())
        session.add(request)
        session.flush()
        row = queued_reply(desk, 1)
        row.recipients, row.request_pk, row.subject = (["capil@tarakan.example", "kabid@tarakan.example"], request.id,
                                                       "Re: [BLK-2026-0001] permohonan")
        session.add(row)
    flush(desk, _RefusingOneOfTwo("kabid@tarakan.example"))  # type: ignore[arg-type]
    with desk.sessions() as session:
        _, events = story(session, "BLK-2026-0001")
    # the reply, beside the operator's notice that it could not be delivered to all
    [out] = [e for e in events if e.what == "out" and e.text.startswith("failed: Re: ")]
    assert out.text == ("failed: Re: [BLK-2026-0001] permohonan; delivered to capil@tarakan.example; not to "
                        "kabid@tarakan.example (given up)")
