"""A mail that was never handed to the server keeps its attempts; one the server failed uses one up, and one the
server could not be reached for is counted as out of reach (what the service says of it: test_outbox_smtp_back)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from email import message_from_bytes
from email.policy import default

import pytest
from sqlalchemy import select

from mailbot.app import Desk
from mailbot.errors import NotAttempted, PermanentDeliveryError, SmtpConnectionError, TemporaryDeliveryError
from mailbot.indonesian import zoned
from mailbot.outbox import FlushResult, _record_failure, flush
from mailbot.store.schema import OutboxMessage
from mailbot.transports.smtp import SmtpSender
from mailbot.views import outbox_rows
from tests.desk.mailkit import queued_reply
from tests.servers import SmtpServer
from tests.transports.helpers import smtp_config

pytestmark = pytest.mark.usefixtures("database_url")  # on SQLite and on PostgreSQL (tests/backends.py)


@pytest.mark.parametrize(("error", "attempts", "unreachable"), [
    (NotAttempted("not sent: connection to 127.0.0.1:25 lost earlier in the batch"), 0, 0),
    (SmtpConnectionError("SMTP server 127.0.0.1:25 not reachable now: nothing listens on that port"), 1, 1),
    (TemporaryDeliveryError("451 mailbox busy"), 1, 0),
], ids=["never_handed_over", "server_out_of_reach", "server_busy"])
def test_only_a_tried_mail_uses_up_an_attempt_and_one_out_of_reach_is_counted_so(
        open_test_desk: Callable[..., Desk], error: Exception, attempts: int, unreachable: int) -> None:
    desk = open_test_desk()
    with desk.sessions.begin() as session:
        session.add(row := queued_reply(desk))
        session.flush()
        result = FlushResult()
        _record_failure(session, desk, row.id, error, result)
        assert (row.status, row.attempts, result.retrying, result.unreachable) == (
            "queued", attempts, attempts, unreachable)
        # never tried: due again at once, on the next connection; tried: after the retry pause
        assert (row.next_attempt_at > desk.now()) is (attempts == 1)



@pytest.mark.parametrize(("error", "before"), [
    (SmtpConnectionError("SMTP server 127.0.0.1:25 unreachable"), 1),  # its last attempt
    (PermanentDeliveryError("550 5.1.1 no such user"), None),  # refused at once
])
def test_outbox_list_says_when_a_mail_was_given_up(open_test_desk: Callable[..., Desk], error: Exception,
                                                   before: int | None) -> None:
    """Queued an hour and a half before it is given up, due for its last try half an hour before: the list shows
    when it was given up, and says so (was "queued" and the time it was queued)."""
    desk = open_test_desk()
    attempts = 0 if before is None else desk.config.run.outbox_max_attempts - before
    with desk.sessions.begin() as session:
        row = OutboxMessage(purpose="reply:1", message_id="<r1@desk.example>", category="reply",
                            sender="blangko@disdukcapil.kaltaraprov.example", recipients=["a@b.example"],
                            subject="Re: x", raw=b"x", status="queued", attempts=attempts,
                            next_attempt_at=desk.now() - timedelta(minutes=30),
                            created_at=desk.now() - timedelta(minutes=90))
        session.add(row)
        session.flush()
        _record_failure(session, desk, row.id, error, FlushResult())
        assert row.status == "failed"
        given_up = str(row.id)
    # (the operator's notice that it failed is queued beside it)
    [listed] = [listed for listed in outbox_rows(desk, 10) if listed[0] == given_up]
    assert (listed[4], listed[5]) == ("failed", f"given up {zoned(desk.now(), desk.tz)}"), listed


@pytest.mark.servers
def test_one_dropped_connection_delays_only_the_mail_in_flight(open_test_desk: Callable[..., Desk]) -> None:
    with SmtpServer() as smtp_server:
        _one_dropped_connection(open_test_desk(), smtp_server)


def _queue(desk: Desk, count: int) -> None:
    with desk.sessions.begin() as session:
        for n in range(1, count + 1):
            raw = (f"From: blangko@disdukcapil.kaltaraprov.example\r\nTo: a@b.example\r\nSubject: Re: x\r\n"
                   f"Message-ID: <r{n}@desk.example>\r\n\r\nBalasan {n}.\r\n").encode()
            session.add(queued_reply(desk, n, raw))


def _one_dropped_connection(desk: Desk, smtp_server: SmtpServer) -> None:
    _queue(desk, 4)
    smtp_server.set_mode("drop_once", ok_first=1)
    result = flush(desk, SmtpSender(smtp_config(smtp_server)))
    # the first delivered, the second lost with the connection; the two behind it go out on a new one at once
    assert [m.raw.split(b"Balasan ")[1][:1] for m in smtp_server.messages] == [b"1", b"3", b"4"]
    assert (result.sent, result.retrying, smtp_server.connections) == (3, 1, 2)


@pytest.mark.servers
@pytest.mark.parametrize("limit", ["max_per_connection", "close_after"])
def test_a_limit_of_mails_per_connection_delays_nothing(open_test_desk: Callable[..., Desk], limit: str) -> None:
    """A relay that takes 2 mails a connection (then answers 421 at MAIL FROM, or closes after the 250): the
    mail that met the limit was never handed over, and goes at once on a new connection, not after the
    retry pause, without using up an attempt."""
    desk = open_test_desk()
    _queue(desk, 7)
    with SmtpServer() as smtp_server:
        setattr(smtp_server, limit, 2)
        result = flush(desk, SmtpSender(smtp_config(smtp_server)))
        assert [m.raw.split(b"Balasan ")[1][:1] for m in smtp_server.messages] == [
            b"1", b"2", b"3", b"4", b"5", b"6", b"7"]
        assert (result.sent, result.retrying, result.failed, smtp_server.connections) == (7, 0, 0, 4)
    with desk.sessions() as session:
        rows = session.query(OutboxMessage).order_by(OutboxMessage.id).all()
        assert [(r.status, r.attempts) for r in rows] == [("sent", 1)] * 7  # the one try that took each


def _statuses(desk: Desk) -> dict[str, str]:
    from sqlalchemy import select

    with desk.sessions() as session:
        return {purpose: status for purpose, status in session.execute(
            select(OutboxMessage.purpose, OutboxMessage.status).order_by(OutboxMessage.id))}


def test_a_retried_mail_withdraws_the_notice_that_it_will_not_be_tried_again(
        open_test_desk: Callable[..., Desk]) -> None:
    """the operator's notice "could not be sent, will not be tried again" went out after `mailbot outbox
    retry` had sent that mail. Still waiting when the mail is queued again, it is withdrawn; a second failure of
    the mail is told again."""
    from mailbot.errors import PermanentDeliveryError
    from mailbot.outbox import retry

    desk = open_test_desk()
    _queue(desk, 1)
    with desk.sessions.begin() as session:
        _record_failure(session, desk, 1, PermanentDeliveryError("550 mailbox unavailable"), FlushResult())
    assert _statuses(desk) == {"reply:1": "failed", "delivery-failed:1": "queued"}
    withdrawn = retry(desk, 1)
    assert _statuses(desk) == {"reply:1": "queued", "delivery-failed:1": "suppressed"}
    assert withdrawn == [2]  # `outbox retry` says so
    with desk.sessions.begin() as session:  # it fails again: the operator is told of that failure
        _record_failure(session, desk, 1, PermanentDeliveryError("550 mailbox unavailable"), FlushResult())
    assert _statuses(desk) == {"reply:1": "failed", "delivery-failed:1": "suppressed",
                               "delivery-failed:1:2": "queued"}


class _RefusingOne:
    """A relay that refuses one address (or a few) for good (550) and takes every other mail."""

    def __init__(self, *refused: str) -> None:
        self.refused = set(refused)
        self.delivered: list[str] = []

    def send_batch(self, messages, *, on_result=None):  # type: ignore[no-untyped-def]
        from mailbot.errors import PermanentDeliveryError

        outcomes: dict[str, Exception | None] = {}
        for mail in messages:
            error = PermanentDeliveryError("550 5.1.1 mailbox unavailable") if self.refused & set(mail.recipients) \
                else None
            if error is None:
                self.delivered.extend(mail.recipients)
            outcomes[mail.message_id] = error
            if on_result is not None:
                on_result(mail.message_id, error)
        return outcomes

    def stop_waiting(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_the_notice_of_a_mail_given_up_goes_in_the_same_sending(open_test_desk: Callable[..., Desk]) -> None:
    """`run --once` ended "failed: 1" with the operator's notice of that failure still queued, for the next run."""
    desk = open_test_desk()
    _queue(desk, 1)
    relay = _RefusingOne("a@b.example")
    result = flush(desk, relay)  # type: ignore[arg-type]
    assert (result.sent, result.failed) == (1, 1)
    assert _statuses(desk) == {"reply:1": "failed", "delivery-failed:1": "sent"}
    operator = desk.config.office.operator or desk.config.office.managers[0]
    assert relay.delivered == [operator]


def test_a_retried_mail_gets_the_usual_retry_pauses_again(open_test_desk: Callable[..., Desk]) -> None:
    """given up after `outbox_max_attempts` temporary failures and queued again by `mailbot outbox retry`, one
    more temporary failure (the server still away) puts it back to wait its retry pause, not given up at once."""
    from mailbot.outbox import retry

    desk = open_test_desk()
    _queue(desk, 1)
    away = SmtpConnectionError("SMTP server 127.0.0.1:25 not reachable now")
    for _ in range(desk.config.run.outbox_max_attempts):
        with desk.sessions.begin() as session:
            _record_failure(session, desk, 1, away, FlushResult())
    assert _statuses(desk) == {"reply:1": "failed", "delivery-failed:1": "queued"}
    retry(desk, 1)
    result = FlushResult()
    with desk.sessions.begin() as session:
        _record_failure(session, desk, 1, away, result)
        row = session.get(OutboxMessage, 1)
        assert row is not None
        assert (row.status, row.attempts, result.retrying, result.failed) == ("queued", 1, 1, 0)
        assert row.next_attempt_at > desk.now()
    assert _statuses(desk) == {"reply:1": "queued", "delivery-failed:1": "suppressed"}


def _digest_to_two_managers(open_test_desk: Callable[..., Desk]) -> Desk:
    """A new desk whose outbox holds one digest (row 1) to two managers, kadis@ and kabid@x.example."""
    desk = open_test_desk()
    raw = (b"From: blangko@disdukcapil.kaltaraprov.example\r\nTo: kadis@x.example, kabid@x.example\r\n"
           b"Subject: Ringkasan\r\nMessage-ID: <r1@desk.example>\r\n\r\nRingkasan harian.\r\n")
    with desk.sessions.begin() as session:
        row = queued_reply(desk, 1, raw)
        row.recipients = ["kadis@x.example", "kabid@x.example"]
        session.add(row)
    return desk


@pytest.mark.servers
def test_a_mail_deferred_for_one_recipient_goes_again_to_that_one_only(open_test_desk: Callable[..., Desk]) -> None:
    """A digest to two managers, one greylisted (451 at RCPT): the other has it and never gets it again; the
    deferred one gets it on the next try, as any deferral, not given up."""
    desk = _digest_to_two_managers(open_test_desk)
    with SmtpServer() as smtp:
        smtp.deferred_recipients = {"kabid@x.example"}
        first = flush(desk, SmtpSender(smtp_config(smtp)))
        assert (first.sent, first.retrying, first.failed) == (0, 1, 0)
        with desk.sessions.begin() as session:
            row = session.get(OutboxMessage, 1)
            assert row is not None
            assert (row.status, row.recipients) == ("queued", ["kabid@x.example"])
            row.next_attempt_at = desk.now()  # its retry pause over
        smtp.deferred_recipients = set()
        second = flush(desk, SmtpSender(smtp_config(smtp)))
        assert second.sent == 1
        delivered = [r for m in smtp.messages for r in m.recipients]
    assert sorted(delivered) == ["kabid@x.example", "kadis@x.example"]  # each once
    assert _statuses(desk) == {"reply:1": "sent"}


@pytest.mark.servers
def test_one_recipient_refused_for_good_and_one_deferred_drops_only_the_refused_one(
        open_test_desk: Callable[..., Desk]) -> None:
    """A digest to two managers, one refused for good (550), the other deferred (451), nobody has it: the refused
    one is given up and the operator told, naming who is refused for good and who is tried again; the deferred
    one stays in the row, is tried again and gets it once (was: the whole mail given up)."""
    desk = _digest_to_two_managers(open_test_desk)
    with SmtpServer() as smtp:
        smtp.refused_recipients = {"kadis@x.example"}
        smtp.deferred_recipients = {"kabid@x.example"}
        first = flush(desk, SmtpSender(smtp_config(smtp)))
        assert (first.retrying, first.given_up, first.deferred) == (
            1, {1: ["kadis@x.example"]}, {1: ["kabid@x.example"]})
        with desk.sessions.begin() as session:
            row = session.get(OutboxMessage, 1)
            assert row is not None
            assert (row.status, row.recipients, row.attempts) == ("queued", ["kabid@x.example"], 1)
            notice = session.scalar(select(OutboxMessage).where(OutboxMessage.purpose == "delivery-failed:1"))
            assert notice is not None
            body = message_from_bytes(notice.raw, policy=default).get_body(("plain",))
            assert body is not None
            text = " ".join(body.get_content().split())
            assert "Kepada : kadis@x.example" in text and "Dicoba lagi : kabid@x.example" in text, text
            assert "tidak akan dicoba lagi secara otomatis kepada mereka" in text
            row.next_attempt_at = desk.now()  # its retry pause over
        smtp.deferred_recipients = set()
        second = flush(desk, SmtpSender(smtp_config(smtp)))
        assert second.delivered.get(1) == ["kabid@x.example"]
        delivered = [r for m in smtp.messages if b"Ringkasan harian" in m.raw for r in m.recipients]
    assert delivered == ["kabid@x.example"]  # once, and never to the refused one
    assert _statuses(desk)["reply:1"] == "sent"


def test_a_notice_the_operator_s_address_refuses_goes_to_the_first_manager(
        open_test_desk: Callable[..., Desk], caplog: pytest.LogCaptureFixture) -> None:
    """The mail given up, and the operator's notice of it refused too: the first manager is told instead, asked
    to pass it on; when that fails as well, an error line says nobody could be told (was: nobody told at all)."""
    desk = open_test_desk()
    office = desk.config.office
    assert office.operator is not None
    _queue(desk, 1)
    relay = _RefusingOne("a@b.example", office.operator)
    flush(desk, relay)  # type: ignore[arg-type]
    assert _statuses(desk) == {"reply:1": "failed", "delivery-failed:1": "failed", "delivery-failed:2": "sent"}
    assert relay.delivered == [office.managers[0]]
    with desk.sessions() as session:
        notice = session.scalar(select(OutboxMessage).where(OutboxMessage.purpose == "delivery-failed:2"))
        assert notice is not None
        body = message_from_bytes(notice.raw, policy=default).get_body(("plain",))
        assert body is not None
        text = " ".join(body.get_content().split())
    assert text.startswith("Yth. Bapak/Ibu Pimpinan,") and "server email menolak alamat operator" in text, text
    another = OutboxMessage(purpose="reply:9", message_id="<r9@desk.example>", category="reply",
                                sender="blangko@disdukcapil.kaltaraprov.example", recipients=["c@d.example"],
                                subject="Re: y", raw=b"Subject: Re: y\r\n\r\nx\r\n", status="queued", attempts=0,
                                next_attempt_at=desk.now(), created_at=desk.now())
    with desk.sessions.begin() as session:
        session.add(another)
    with caplog.at_level("ERROR", logger="mailbot.outbox"):
        flush(desk, _RefusingOne("c@d.example", office.operator, office.managers[0]))  # type: ignore[arg-type]
    assert "nobody can be told by mail" in caplog.text
