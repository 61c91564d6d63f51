"""SmtpSender against a real aiosmtpd server: delivery, one connection a batch, 4xx/5xx/drops/down server."""

from __future__ import annotations

import time

import pytest

from mailbot.errors import (
    NotAttempted,
    PermanentDeliveryError,
    RecipientsRefusedError,
    SendingMisconfigured,
    SmtpConnectionError,
    TemporaryDeliveryError,
)
from mailbot.transports.base import OutgoingMessage
from mailbot.transports.smtp import SmtpSender, classify_reply, wire_bytes
from tests.servers import SmtpMode, SmtpServer, free_port
from tests.transports.helpers import smtp_config

DESK = "blangko@disdukcapil.kaltara.test"


def reply(n: int, *recipients: str) -> OutgoingMessage:
    to = recipients or ("disdukcapil@malinau.test",)
    message_id = f"<balasan-{n}@disdukcapil.kaltara.test>"
    raw = (
        f"From: {DESK}\r\nTo: {', '.join(to)}\r\nSubject: Re: Permohonan blangko KTP-el\r\n"
        f"Message-ID: {message_id}\r\n\r\nPermohonan Anda nomor {n} telah kami terima.\r\n"
    ).encode()
    return OutgoingMessage(message_id=message_id, sender=DESK, recipients=tuple(to), raw=raw)


@pytest.mark.parametrize(
    ("code", "kind"),
    [(421, TemporaryDeliveryError), (450, TemporaryDeliveryError), (451, TemporaryDeliveryError),
     (550, PermanentDeliveryError), (552, PermanentDeliveryError), (554, PermanentDeliveryError)],
)
def test_reply_codes_are_classified(code: int, kind: type[Exception]) -> None:
    error = classify_reply(code, "text", "message <x@y>")
    assert type(error) is kind
    assert str(error) == f"message <x@y>: {code} text"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"Subject: a\nTo: b\n\nbody\n", b"Subject: a\r\nTo: b\r\n\r\nbody\r\n"),
        (b"Subject: a\r\n\r\nbody\r\n", b"Subject: a\r\n\r\nbody\r\n"),
        (b"Subject: a\r\rbody", b"Subject: a\r\n\r\nbody"),
    ],
)
def test_line_endings_are_sent_as_crlf(raw: bytes, expected: bytes) -> None:
    assert wire_bytes(raw) == expected


@pytest.mark.servers
def test_message_with_bare_newlines_and_long_body_is_delivered(smtp_server: SmtpServer) -> None:
    body = "".join(f"Baris {i}: stok blangko KTP-el tersisa {i * 10} keping.\n" for i in range(200))
    raw = f"From: {DESK}\nTo: disdukcapil@tarakan.test\nSubject: Rekap\nMessage-ID: <rekap-1@x.test>\n\n{body}".encode()
    message = OutgoingMessage("<rekap-1@x.test>", DESK, ("disdukcapil@tarakan.test",), raw)
    assert SmtpSender(smtp_config(smtp_server)).send_batch([message]) == {"<rekap-1@x.test>": None}
    (captured,) = smtp_server.messages
    assert captured.raw.replace(b"\r\n", b"\n") == raw


@pytest.mark.servers
def test_batch_is_delivered_over_one_connection(smtp_server: SmtpServer) -> None:
    batch = [reply(i) for i in range(5)]
    results = SmtpSender(smtp_config(smtp_server)).send_batch(batch)
    assert results == {m.message_id: None for m in batch}
    captured = smtp_server.messages
    assert [c.raw.replace(b"\r\n", b"\n") for c in captured] == [m.raw.replace(b"\r\n", b"\n") for m in batch]
    assert all(c.mail_from == DESK and c.recipients == ("disdukcapil@malinau.test",) for c in captured)
    assert smtp_server.connections == 1
    assert {c.connection for c in captured} == {1}


@pytest.mark.servers
def test_each_batch_opens_its_own_connection(smtp_server: SmtpServer) -> None:
    sender = SmtpSender(smtp_config(smtp_server))
    sender.send_batch([reply(1), reply(2)])
    sender.send_batch([reply(3)])
    assert sender.send_batch([]) == {}
    assert smtp_server.connections == 2
    assert len(smtp_server.messages) == 3


@pytest.mark.servers
@pytest.mark.parametrize(
    ("mode", "kind", "text"),
    [
        ("tempfail", TemporaryDeliveryError, "451 4.3.0"),
        ("rcpt_tempfail", TemporaryDeliveryError, "450 4.2.0"),
        ("permfail", PermanentDeliveryError, "550 5.7.1"),
        ("rcpt_permfail", RecipientsRefusedError, "550 5.1.1"),
    ],
)
def test_refusals_are_temporary_for_4xx_and_permanent_for_5xx(
    smtp_server: SmtpServer, mode: SmtpMode, kind: type[Exception], text: str
) -> None:
    smtp_server.set_mode(mode)
    batch = [reply(1), reply(2)]
    results = SmtpSender(smtp_config(smtp_server)).send_batch(batch)
    for message in batch:
        error = results[message.message_id]
        assert type(error) is kind
        assert text in str(error) and message.message_id in str(error)
        assert isinstance(error, TemporaryDeliveryError) != isinstance(error, PermanentDeliveryError)
    assert smtp_server.messages == []
    assert smtp_server.connections == 1  # a refusal does not cost the connection


@pytest.mark.servers
def test_one_refused_recipient_is_permanent_and_not_retried_for_the_others(smtp_server: SmtpServer) -> None:
    smtp_server.refused_recipients = {"salah@nunukan.test"}
    message = reply(1, "disdukcapil@nunukan.test", "salah@nunukan.test")
    results = SmtpSender(smtp_config(smtp_server)).send_batch([message])
    error = results[message.message_id]
    assert isinstance(error, RecipientsRefusedError)
    assert error.partial is True
    assert error.refused == {"salah@nunukan.test": (550, "5.1.1 No such user here")}
    assert [c.recipients for c in smtp_server.messages] == [("disdukcapil@nunukan.test",)]


@pytest.mark.servers
def test_dropped_connection_mid_batch_makes_the_rest_temporary(smtp_server: SmtpServer) -> None:
    smtp_server.set_mode("drop", ok_first=1)
    batch = [reply(1), reply(2), reply(3)]
    results = SmtpSender(smtp_config(smtp_server)).send_batch(batch)
    assert results[batch[0].message_id] is None
    assert isinstance(results[batch[1].message_id], SmtpConnectionError)
    # the third was never handed to the server: retried without using up one of its attempts
    assert isinstance(results[batch[2].message_id], NotAttempted)
    assert "lost earlier in the batch" in str(results[batch[2].message_id])
    assert all(isinstance(results[m.message_id], TemporaryDeliveryError) for m in batch[1:])
    assert len(smtp_server.messages) == 1


@pytest.mark.servers
@pytest.mark.parametrize(("limit", "said"), [("max_per_connection", "421 4.7.0 Too many messages"),
                                             ("close_after", "connection to")])
def test_a_server_that_closes_after_some_mails_leaves_the_next_untried(
    smtp_server: SmtpServer, limit: str, said: str
) -> None:
    """A relay's limit of mails a connection (a 421 at MAIL FROM, or the connection closed after a 250): the
    mail that met it never reached the server, and goes at once on a new connection, like the rest."""
    setattr(smtp_server, limit, 2)
    batch = [reply(i) for i in range(5)]
    results = SmtpSender(smtp_config(smtp_server)).send_batch(batch)
    assert [results[m.message_id] for m in batch[:2]] == [None, None]
    untried = results[batch[2].message_id]
    assert isinstance(untried, NotAttempted), untried
    assert "closed the connection after 2 mails" in str(untried) and said in str(untried)
    assert all(isinstance(results[m.message_id], NotAttempted) for m in batch[3:])
    assert len(smtp_server.messages) == 2


@pytest.mark.servers
def test_a_421_to_the_first_mail_of_a_connection_waits_the_retry_pause(smtp_server: SmtpServer) -> None:
    """A 421 to a connection's first mail is the server's trouble, not a limit: that mail uses up an attempt,
    so a server that always answers 421 is not asked again and again."""
    smtp_server.max_per_connection = 0
    results = SmtpSender(smtp_config(smtp_server)).send_batch([reply(1), reply(2)])
    first = results[reply(1).message_id]
    assert isinstance(first, TemporaryDeliveryError) and not isinstance(first, NotAttempted), first
    assert "421 4.7.0" in str(first)
    assert isinstance(results[reply(2).message_id], NotAttempted)
    assert smtp_server.messages == []


@pytest.mark.servers
def test_server_down_is_temporary_and_delivery_resumes_when_back(smtp_server: SmtpServer) -> None:
    sender = SmtpSender(smtp_config(smtp_server))
    smtp_server.stop()
    started = time.monotonic()
    results = sender.send_batch([reply(1), reply(2)])
    assert time.monotonic() - started < 3
    assert all(isinstance(e, SmtpConnectionError) for e in results.values())
    # in words, without Python's exception text (was "unreachable: ConnectionRefusedError: [Errno 111] ...")
    assert all(str(e) == f"SMTP server {smtp_server.host}:{smtp_server.port} not reachable now: nothing listens on "
               "that port (the connection was refused)" for e in results.values()), results
    smtp_server.start()
    assert sender.send_batch([reply(1), reply(2)]) == {reply(1).message_id: None, reply(2).message_id: None}
    assert len(smtp_server.messages) == 2


def test_nothing_listening_is_temporary() -> None:
    port = free_port()
    config = smtp_config(SmtpServer(port=port))
    results = SmtpSender(config).send_batch([reply(1)])
    assert isinstance(results[reply(1).message_id], TemporaryDeliveryError)
    assert f"127.0.0.1:{port}" in str(results[reply(1).message_id])


# The server refuses mailbot itself, not a mail: a configuration error, so no mail fails or uses up an attempt
# (mailbot.outbox keeps it queued), and the same sender does not try the server again.
@pytest.mark.servers
def test_starttls_required_but_not_offered_is_a_configuration_error(smtp_server: SmtpServer) -> None:
    config = smtp_config(smtp_server, tls="starttls")
    sender = SmtpSender(config)
    error = sender.send_batch([reply(1)])[reply(1).message_id]
    assert isinstance(error, SendingMisconfigured)
    assert "does not offer STARTTLS" in str(error) and 'tls = "implicit"' in str(error)
    assert sender.send_batch([reply(2)])[reply(2).message_id] is error
    assert smtp_server.messages == []


@pytest.mark.servers
def test_username_on_a_server_without_auth_is_a_configuration_error(smtp_server: SmtpServer) -> None:
    config = smtp_config(smtp_server).model_copy(update={"username": "blangko", "password_env": "X"})
    results = SmtpSender(config, password="secret").send_batch([reply(1)])
    error = results[reply(1).message_id]
    assert isinstance(error, SendingMisconfigured)
    assert "offers no AUTH" in str(error) and "remove username" in str(error)
    assert smtp_server.messages == []


@pytest.mark.servers  # a listening socket, and seconds of waiting on it
@pytest.mark.parametrize("tls", ["implicit", "none"])
def test_a_stop_cuts_a_server_silent_from_the_first_byte_after_the_grace(tls: str,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A port that takes the connection and then says nothing (no TLS handshake answer, no greeting): a stop gives
    the mail STOP_GRACE seconds, then the connection is cut and the mail fails as a connection lost, instead of
    waiting out the SMTP timeout (60 s here). The grace is 1 s here instead of the shipped 5 s: the same cut, 8 s
    less of waiting for the two cases."""
    import socket
    import threading

    from mailbot.config import SmtpOutbox as SmtpOutboxConfig
    from mailbot.transports import smtp

    monkeypatch.setattr(smtp, "STOP_GRACE", 1.0)
    listener = socket.create_server(("127.0.0.1", 0))
    taken: list[socket.socket] = []
    accepted = threading.Event()

    def accept() -> None:
        taken.append(listener.accept()[0])
        accepted.set()

    threading.Thread(target=accept, daemon=True).start()
    config = SmtpOutboxConfig(kind="smtp", host="127.0.0.1", port=listener.getsockname()[1], tls=tls,
                              timeout_seconds=60, verify_certificate=False)
    sender = SmtpSender(config)
    outcome: dict[str, Exception | None] = {}
    sending = threading.Thread(target=lambda: outcome.update(sender.send_batch([reply(1)])))
    started = time.monotonic()
    sending.start()
    assert accepted.wait(10), "the sender never connected"  # now in the handshake, or waiting for the greeting
    sender.stop_waiting()
    sending.join(smtp.STOP_GRACE + 5)
    took = time.monotonic() - started
    try:
        assert not sending.is_alive(), "still waiting on the silent server"
        # in clear text a silent server is also asked, on connections of its own, what it speaks (about 3 s each):
        # that may finish after the cut
        assert smtp.STOP_GRACE <= took < smtp.STOP_GRACE + (3 if tls == "implicit" else 8), took
        assert isinstance(outcome[reply(1).message_id], TemporaryDeliveryError), outcome
    finally:
        for sock in taken:
            sock.close()
        listener.close()


class _FakeSmtp:
    """A submission server on 127.0.0.1 with one misbehaviour: *quit_delay* seconds before answering QUIT, or
    closing the connection at the end of DATA (*drop_at_data*) without a reply. Counts the mails it took."""

    def __init__(self, *, quit_delay: float = 0.0, drop_at_data: bool = False) -> None:
        import socket
        import threading

        self.quit_delay, self.drop_at_data, self.taken = quit_delay, drop_at_data, 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.done = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        connection, _ = self.listener.accept()
        with connection, connection.makefile("rb") as lines:
            connection.sendall(b"220 smtp.test ESMTP\r\n")
            in_data = False
            for line in lines:
                if in_data:
                    if line == b".\r\n":
                        in_data = False
                        if self.drop_at_data:
                            break
                        self.taken += 1
                        connection.sendall(b"250 2.0.0 queued\r\n")
                    continue
                word = line[:4].upper()
                if word == b"EHLO":
                    connection.sendall(b"250-smtp.test\r\n250 8BITMIME\r\n")
                elif word == b"DATA":
                    in_data = True
                    connection.sendall(b"354 go ahead\r\n")
                elif word == b"QUIT":
                    self.done.wait(self.quit_delay)
                    connection.sendall(b"221 bye\r\n")
                    break
                else:
                    connection.sendall(b"250 ok\r\n")

    def close(self) -> None:
        self.done.set()
        self.listener.close()


@pytest.mark.servers
def test_a_server_slow_to_answer_quit_does_not_hold_the_batch() -> None:
    """The mails were taken in the first second, then QUIT's answer was awaited for the whole timeout (about 30 s
    of an `approve` printing nothing). Each mail is reported taken as the server takes it, and only once."""
    from mailbot.config import SmtpOutbox as SmtpOutboxConfig
    from mailbot.transports import smtp

    server = _FakeSmtp(quit_delay=30)
    config = SmtpOutboxConfig(kind="smtp", host="127.0.0.1", port=server.port, tls="none", timeout_seconds=30)
    reported: list[tuple[str, Exception | None]] = []
    try:
        started = time.monotonic()
        results = SmtpSender(config).send_batch([reply(1), reply(2)],
                                                on_result=lambda mid, error: reported.append((mid, error)))
        took = time.monotonic() - started
    finally:
        server.close()
    assert results == {reply(1).message_id: None, reply(2).message_id: None}
    assert reported == [(reply(1).message_id, None), (reply(2).message_id, None)]
    assert server.taken == 2
    assert took < smtp.QUIT_SECONDS + 2, took


@pytest.mark.servers
def test_a_connection_dropped_after_data_is_said_in_plain_words_and_retried() -> None:
    """Was "connection to …: lost: SMTPServerDisconnected: Connection unexpectedly closed"."""
    from mailbot.config import SmtpOutbox as SmtpOutboxConfig

    server = _FakeSmtp(drop_at_data=True)
    config = SmtpOutboxConfig(kind="smtp", host="127.0.0.1", port=server.port, tls="none", timeout_seconds=5)
    try:
        results = SmtpSender(config).send_batch([reply(1)])
    finally:
        server.close()
    error = results[reply(1).message_id]
    assert isinstance(error, SmtpConnectionError) and isinstance(error, TemporaryDeliveryError), error
    assert str(error) == (f"message {reply(1).message_id}: connection to 127.0.0.1:{server.port} lost before the "
                          "server said it took the mail: the server closed the connection"), error


@pytest.mark.servers
def test_a_server_slow_to_answer_the_end_of_the_data_is_waited_for_and_the_mail_goes_once(
        smtp_server: SmtpServer) -> None:
    """The server takes the mail and answers after the command timeout (a scan, a slow disk): RFC 5321 gives the
    end of the data ten minutes, and a mail given up then and sent again would arrive twice."""
    smtp_server.data_delay = 2.5
    message = reply(7)
    results = SmtpSender(smtp_config(smtp_server, timeout_seconds=1)).send_batch([message])
    assert results == {message.message_id: None}
    assert len(smtp_server.messages) == 1
