"""SMTP sender: one connection per batch, STARTTLS/implicit TLS, 4xx and connection loss temporary, 5xx permanent."""

from __future__ import annotations

import logging
import re
import smtplib
import socket
import ssl
import threading
from collections.abc import Callable

from mailbot.config import SmtpOutbox as SmtpOutboxConfig
from mailbot.errors import (
    NotAttempted,
    OtherProtocolError,
    PermanentDeliveryError,
    RecipientsRefusedError,
    SendingMisconfigured,
    SmtpConnectionError,
    TemporaryDeliveryError,
)
from mailbot.transports.base import OutgoingMessage
from mailbot.transports.probe import await_greeting, refuse_if_silent_and_other, unreachable_words, wrong_port
from mailbot.transports.tls import client_context

log = logging.getLogger(__name__)

# smtplib raises these (or OSError) when the connection is gone or never came up.
_CONNECTION_ERRORS: tuple[type[BaseException], ...] = (smtplib.SMTPServerDisconnected, OSError)
_ANY_SMTP_ERROR: tuple[type[BaseException], ...] = (*_CONNECTION_ERRORS, smtplib.SMTPException)
_CONNECT_ERRORS: tuple[type[BaseException], ...] = (*_ANY_SMTP_ERROR, ssl.SSLError)
_SESSION_ERRORS: tuple[type[BaseException], ...] = (*_CONNECT_ERRORS, SendingMisconfigured)


_LINE_END = re.compile(rb"\r\n|\r|\n")

# After the last mail of a batch is taken (and recorded as sent), QUIT's answer adds nothing: a server slow to
# give it holds the command no longer than this, then the connection is closed.
QUIT_SECONDS = 2.0
# How long the answer to the end of a mail's data may take (RFC 5321 4.5.3.2.6: ten minutes): the server is taking
# the mail (a spam or virus scan, a slow disk), and a mail given up now and sent again arrives twice.
DATA_END_SECONDS = 600.0


def wire_bytes(raw: bytes) -> bytes:
    """*raw* with every line ending as CRLF, as SMTP requires (smtplib sends bytes unchanged,
    and servers refuse a message whose bare-LF "lines" run past 1,000 octets)."""
    return _LINE_END.sub(b"\r\n", raw)


def _text(value: bytes | str) -> str:
    raw = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    return " ".join(raw.split())


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split()) or 'no detail'}"


def classify_reply(code: int, text: str, what: str) -> TemporaryDeliveryError | PermanentDeliveryError:
    """TemporaryDeliveryError for a 4xx reply (and anything not 5xx), PermanentDeliveryError for 5xx."""
    message = f"{what}: {code} {text}"
    if 500 <= code <= 599:
        return PermanentDeliveryError(message)
    return TemporaryDeliveryError(message)


# Reply codes to AUTH that refuse the mechanism, not the password (RFC 4954: 504 unrecognised mechanism,
# 534 mechanism too weak, 538 encryption required for it).
_MECHANISM_CODES = (504, 534, 538)


# The sender whose connection is being opened in this thread: it keeps the new socket, so that a stop can cut
# a server silent from its greeting on (smtplib connects inside its constructor).
_OPENING = threading.local()


def _opened(sock: socket.socket) -> None:
    sender = getattr(_OPENING, "sender", None)
    if sender is not None:
        sender._socket = sock


class PlainSMTP(smtplib.SMTP):
    """smtplib's SMTP whose new connection, when the server stays silent for a few seconds (a web server waits
    for its client), is asked what it speaks (mailbot.transports.probe): a port in another protocol raises
    OtherProtocolError in seconds instead of after the whole greeting timeout; a greeting whose first line is not
    whole within the timeout raises SlowGreeting (probe.await_greeting), a condition that may pass."""

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock: socket.socket = super()._get_socket(host, port, timeout)  # type: ignore[misc]  # smtplib's own seam
        _opened(sock)
        refuse_if_silent_and_other(sock, host, port, "SMTP", timeout)
        await_greeting(sock, timeout)
        return sock


class TrackedSMTP_SSL(smtplib.SMTP_SSL):  # noqa: N801 - named after smtplib's class
    """smtplib's SMTP_SSL whose socket a stop can cut (see _OPENING), from before its TLS handshake: a port that
    takes the connection and never answers the handshake is cut too."""

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        plain: socket.socket = smtplib.SMTP._get_socket(self, host, port, timeout)  # type: ignore[attr-defined]
        sock: ssl.SSLSocket = self.context.wrap_socket(plain, server_hostname=self._host,  # type: ignore[attr-defined]
                                                       do_handshake_on_connect=False)
        _opened(sock)  # (the plain socket object is closed by the wrapping: the wrapped one holds the connection)
        sock.do_handshake()
        return sock


# A stop gives the mail in progress this long before its connection is cut (that one mail may go out again).
STOP_GRACE = 5.0


def session_problem(exc: BaseException, where: str, config: SmtpOutboxConfig) -> str | None:
    """The one line, with the fix, for a session the SMTP server at *where* refuses for good (a password,
    an AUTH mechanism, this client, a TLS handshake, another protocol on the port), or None when *exc* may
    pass by itself."""
    if isinstance(exc, OtherProtocolError):
        return str(exc)
    if isinstance(exc, smtplib.SMTPAuthenticationError) and exc.smtp_code in _MECHANISM_CODES:
        return (f"the SMTP server {where} does not accept the way mailbot logs in ({exc.smtp_code} "
                f"{_text(exc.smtp_error)}); mailbot logs in with PLAIN, LOGIN or CRAM-MD5: enable one of these "
                f"on the server for {config.username}, or use the server's submission port (587 with "
                'tls = "starttls", 465 with tls = "implicit")')
    if isinstance(exc, smtplib.SMTPAuthenticationError) and 500 <= exc.smtp_code <= 599:
        return (f"the SMTP server {where} refused the login of {config.username} "
                f"({exc.smtp_code} {_text(exc.smtp_error)}); correct [outbox] username or the password in "
                f"{config.password_env}")
    if isinstance(exc, smtplib.SMTPNotSupportedError) and "AUTH" in str(exc).upper():
        return (f"the SMTP server {where} offers no AUTH (login), but outbox.username is set ({config.username}); "
                "remove username and password_env if the server needs no login, or use the server's submission "
                'port (587 with tls = "starttls", 465 with tls = "implicit")')
    if isinstance(exc, smtplib.SMTPNotSupportedError) and "STARTTLS" in str(exc).upper():
        return (f'the SMTP server {where} does not offer STARTTLS, which outbox.tls = "starttls" requires; use '
                'tls = "implicit" (usually port 465) or the server\'s submission port')
    if isinstance(exc, smtplib.SMTPException) and "authentication method" in str(exc):  # smtplib's own refusal
        return (f"the SMTP server {where} offers no login mechanism mailbot knows (PLAIN, LOGIN or CRAM-MD5); "
                f"enable one on the server for {config.username}, or remove outbox.username and password_env "
                "if the server needs no login")
    if isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_error in ("Line too long.", b"Line too long."):
        # smtplib's own 500 for a reply line over its limit (8192 bytes): no answer the server gave
        return (f"the SMTP server {where} sent a line longer than any SMTP answer (over 8 KB), which is no mail "
                "server's answer; check [outbox] host and port")
    if (isinstance(exc, smtplib.SMTPResponseException) and not isinstance(exc, smtplib.SMTPAuthenticationError)
            and 500 <= exc.smtp_code <= 599):
        return (f"the SMTP server {where} refuses to serve mailbot ({exc.smtp_code} {_text(exc.smtp_error)}); "
                "check [outbox] host and port, and ask the server's administrator to accept mail from this host")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (f"the SMTP server {where} shows a certificate mailbot cannot trust ({_text(exc.verify_message or '')}"
                "); set [outbox] ca_file to the certificate authority that signed it, or correct [outbox] host to "
                "the name on the certificate")
    if isinstance(exc, ssl.SSLError) and not isinstance(exc, ssl.SSLEOFError | ssl.SSLZeroReturnError):
        reason = _text(exc.reason or "") or type(exc).__name__
        return (f'the TLS handshake with the SMTP server {where} failed ({reason}); [outbox] tls = "{config.tls}" '
                'does not match that port: use tls = "starttls" with port 587, tls = "implicit" with port 465')
    return None


def sender_refused(code: int, text: str, sender: str, where: str, config: SmtpOutboxConfig) -> str:
    """The one line, with the fix, for a server at *where* that refuses the office's address at MAIL FROM for
    good (5xx): a server that wants STARTTLS or a login first is told as such, not as a wrong address."""
    answer = f"{code} {' '.join(text.split())}"
    if "STARTTLS" in text.upper() and config.tls == "none":
        return (f"the SMTP server {where} takes mail only after STARTTLS ({answer}), but [outbox] tls = \"none\"; "
                'set tls = "starttls"')
    if code == 530 and not config.username and "TLS" not in text.upper():
        return (f"the SMTP server {where} takes mail only after a login ({answer}); set [outbox] username and "
                "password_env")
    return (f"the SMTP server {where} refuses {sender!r} as sender ({answer}); [office] address must be an "
            "address [outbox] username may send as")


def quit_briefly(connection: smtplib.SMTP) -> None:
    """QUIT, waiting QUIT_SECONDS at most for its answer; then the connection is closed (the mail sent on it is
    the server's already: a QUIT unanswered loses nothing, RFC 5321 4.1.1.10)."""
    try:
        if connection.sock is not None:
            connection.sock.settimeout(min(QUIT_SECONDS, connection.sock.gettimeout() or QUIT_SECONDS))
            connection.quit()
    except _ANY_SMTP_ERROR:
        connection.close()


class _ClosedAtMailFrom(Exception):
    """The server closed the channel at a mail's MAIL FROM (421, or the connection found closed): *error*."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


class SmtpSender:
    """The Sender port on an SMTP submission server (smtplib).

    One connection serves a whole batch. Per message: None when accepted,
    TemporaryDeliveryError for connection trouble and 4xx replies (retry later, same
    Message-ID), PermanentDeliveryError for 5xx replies (RecipientsRefusedError when
    recipients were refused). When the connection drops mid-batch, the rest of the batch
    gets NotAttempted without being tried; so does a mail the server refused with 421 at MAIL
    FROM, or on a connection found closed, after mail went over that connection (a limit of
    mails per connection): none of it reached the server.

    Example::

        sender = SmtpSender(config.outbox, config.outbox.password())
        results = sender.send_batch([message])
        if results[message.message_id] is None:
            ...  # delivered
    """

    def __init__(
        self, config: SmtpOutboxConfig, password: str | None = None, *, local_hostname: str | None = None
    ) -> None:
        self._config = config
        self._password = password
        self._local_hostname = local_hostname
        default_port = {"implicit": 465, "starttls": 587, "none": 25}[config.tls]
        self._port = config.port or default_port
        self._misconfigured: SendingMisconfigured | None = None  # a refused login: not tried again
        self._socket: socket.socket | None = None  # the connection of the batch in progress
        self._batch = 0  # batches sent so far (which one a stop's grace is about)
        self._busy = False  # a batch is in progress

    @property
    def _where(self) -> str:
        return f"{self._config.host}:{self._port}"

    def _ssl_context(self) -> ssl.SSLContext:
        return client_context(verify_certificate=self._config.verify_certificate, ca_file=self._config.ca_file)

    def _connect(self) -> smtplib.SMTP:
        config = self._config
        timeout = config.timeout_seconds
        connection: smtplib.SMTP
        _OPENING.sender = self
        try:
            if config.tls == "implicit":
                connection = TrackedSMTP_SSL(
                    config.host, self._port, local_hostname=self._local_hostname, timeout=timeout,
                    context=self._ssl_context(),
                )
            else:
                connection = PlainSMTP(config.host, self._port, local_hostname=self._local_hostname, timeout=timeout)
        finally:
            _OPENING.sender = None
        try:
            connection.ehlo()
            if config.tls == "starttls":
                connection.starttls(context=self._ssl_context())
                connection.ehlo()
            if config.username:
                connection.login(config.username, self._password or "")
        except BaseException:
            connection.close()
            raise
        return connection

    def send_batch(self, messages: list[OutgoingMessage], *,
                   on_result: Callable[[str, Exception | None], None] | None = None) -> dict[str, Exception | None]:
        """Deliver *messages* over one connection; per message_id None or the failure.

        *on_result* is called with each message's outcome as soon as the server has answered for
        it, before the next message is sent (the caller records it there).
        """
        results: dict[str, Exception | None] = {}
        if not messages:
            return results
        self._batch += 1
        self._busy = True
        try:
            return self._send_batch(messages, results, on_result or (lambda _message_id, _error: None))
        finally:
            self._busy, self._socket = False, None

    def stop_waiting(self) -> None:
        """From a signal handler (a stop): the batch in progress (in any thread) gets STOP_GRACE seconds for the
        mail in hand; then its connection is cut, and that mail fails as a connection lost (it may go out once
        more: the server may have taken it without saying so yet, RFC 1047)."""
        if self._busy:
            timer = threading.Timer(STOP_GRACE, self._cut, (self._batch,))
            timer.daemon = True
            timer.start()

    def _cut(self, batch: int) -> None:
        sock = self._socket
        if self._busy and self._batch == batch and sock is not None:
            log.warning("SMTP %s has not answered within %g s of the stop; closing the connection", self._where,
                        STOP_GRACE)
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed

    def _send_batch(self, messages: list[OutgoingMessage], results: dict[str, Exception | None],
                    report: Callable[[str, Exception | None], None]) -> dict[str, Exception | None]:
        try:
            if self._misconfigured is not None:
                raise self._misconfigured
            connection = self._connect()
        except _SESSION_ERRORS as exc:
            error = exc if isinstance(exc, SendingMisconfigured) else self._session_error(exc)
            for message in messages:
                results[message.message_id] = error
                report(message.message_id, error)
            return results

        lost: Exception | None = None
        delivered = 0  # on this connection
        try:
            for message in messages:
                if lost is not None:
                    results[message.message_id] = NotAttempted(
                        f"not sent: connection to {self._where} lost earlier in the batch ({lost})"
                    )
                    report(message.message_id, results[message.message_id])
                    continue
                results[message.message_id] = self._send_one(connection, message, delivered)
                delivered += results[message.message_id] is None
                report(message.message_id, results[message.message_id])
                if connection.sock is None:
                    lost = results[message.message_id] or SmtpConnectionError("server closed the connection")
        finally:
            quit_briefly(connection)
        sent = sum(1 for r in results.values() if r is None)
        log.info("SMTP %s: %d of %d delivered in one connection", self._where, sent, len(messages))
        return results

    def _session_error(self, exc: BaseException) -> Exception:
        """What a failure to open the session means for the mail waiting on it."""
        problem = session_problem(exc, self._where, self._config)
        if problem is None and isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code == -1:
            # an answer with no SMTP reply code: another protocol on the port (POP3, SSH) answers so every time
            problem = wrong_port(self._config.host, self._port, "SMTP", self._config.timeout_seconds)
        if problem is not None:
            # The server refuses mailbot itself (a password, a mechanism, this client, TLS): the operator's to
            # fix; the replies must wait, not fail, and this process does not try again (a mail server may
            # lock the account).
            self._misconfigured = SendingMisconfigured(
                f"{problem}; check with `mailbot check-config --connect`, then restart mailbot")
            return self._misconfigured
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return TemporaryDeliveryError(
                f"SMTP server {self._where} refused login for {self._config.username}: "
                f"{exc.smtp_code} {_text(exc.smtp_error)}"
            )
        if isinstance(exc, smtplib.SMTPResponseException):
            return SmtpConnectionError(
                f"SMTP server {self._where} refused the session: {exc.smtp_code} {_text(exc.smtp_error)}"
            )
        # a server restarting (nothing listens for a moment) or closing at once: tried again, said in words
        return SmtpConnectionError(f"SMTP server {self._where} not reachable now: {unreachable_words(exc)}")

    def _send_one(self, connection: smtplib.SMTP, message: OutgoingMessage, delivered: int) -> Exception | None:
        """*message* over *connection*, on which *delivered* mails went before it: None or the failure."""
        what = f"message {message.message_id}"
        try:
            refused = self._transmit(connection, message, what)
        except _ClosedAtMailFrom as closed:
            connection.close()
            if delivered:
                # A server that takes so many mails a connection (or closes after a mail) has taken none of
                # this one: it goes at once on a new connection, without using up an attempt. On a fresh
                # connection the same answer is the server's trouble: the mail waits its retry pause.
                return NotAttempted(f"not sent: {self._where} closed the connection after {delivered} mails on "
                                    f"it ({closed.error}); sent again on a new connection")
            return closed.error
        except smtplib.SMTPRecipientsRefused as exc:
            return self._refused(what, exc.recipients, partial=False)
        except smtplib.SMTPSenderRefused as exc:
            self._reset(connection)
            if 500 <= exc.smtp_code <= 599:
                # The office's own address refused (every mail is sent as it): the configuration is wrong.
                return SendingMisconfigured(sender_refused(exc.smtp_code, _text(exc.smtp_error), exc.sender,
                                                           self._where, self._config))
            return classify_reply(exc.smtp_code, _text(exc.smtp_error), f"{what} refused by {self._where}")
        except smtplib.SMTPResponseException as exc:  # sender refused, data refused, 421 ...
            result = classify_reply(exc.smtp_code, _text(exc.smtp_error), f"{what} refused by {self._where}")
            self._reset(connection)
            return result
        except _CONNECTION_ERRORS as exc:
            connection.close()
            return SmtpConnectionError(f"{what}: connection to {self._where} lost before the server said it took "
                                       f"the mail: {unreachable_words(exc)}")
        except smtplib.SMTPNotSupportedError as exc:
            self._reset(connection)
            return PermanentDeliveryError(f"{what} cannot be sent through {self._where}: {_describe(exc)}")
        except smtplib.SMTPException as exc:
            self._reset(connection)
            return TemporaryDeliveryError(f"{what}: SMTP error from {self._where}: {_describe(exc)}")
        if refused:
            # Delivered to some recipients: a retry would send those a second copy.
            return self._refused(what, refused, partial=True)
        return None

    def _transmit(self, connection: smtplib.SMTP, message: OutgoingMessage, what: str) -> dict[str, tuple[int, bytes]]:
        """smtplib's sendmail step by step (its exceptions, its RSETs), telling apart a server that closes the
        channel at MAIL FROM, a 421 or the connection found closed: nothing of the mail reached it."""
        data = wire_bytes(message.raw)
        options = [f"size={len(data)}"] if connection.does_esmtp and connection.has_extn("size") else []
        try:
            code, text = connection.mail(message.sender, options)
        except _CONNECTION_ERRORS as exc:
            raise _ClosedAtMailFrom(SmtpConnectionError(
                f"{what}: connection to {self._where} lost: {unreachable_words(exc)}")) from exc
        if code == 421:
            raise _ClosedAtMailFrom(classify_reply(code, _text(text), f"{what} refused by {self._where}"))
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, text, message.sender)  # (RSET by _send_one)
        refused: dict[str, tuple[int, bytes]] = {}
        for recipient in message.recipients:
            code, text = connection.rcpt(recipient)
            if code not in (250, 251):
                refused[recipient] = (code, text)
            if code == 421:
                connection.close()
                raise smtplib.SMTPRecipientsRefused(refused)
        if len(refused) == len(message.recipients):
            self._reset(connection)
            raise smtplib.SMTPRecipientsRefused(refused)
        code, text = self._data(connection, data)
        if code != 250:
            if code == 421:
                connection.close()
            else:
                self._reset(connection)
            raise smtplib.SMTPDataError(code, text)
        return refused

    def _data(self, connection: smtplib.SMTP, data: bytes) -> tuple[int, bytes]:
        """DATA and the mail, waiting for the answer to its end as RFC 5321 (4.5.3.2.6) asks: up to ten minutes,
        not the command timeout. The server has the mail by then; a client that gives up sooner and sends it
        again delivers it twice. (A stop still cuts the wait after STOP_GRACE: stop_waiting.)"""
        sock = connection.sock
        if sock is not None:
            sock.settimeout(max(DATA_END_SECONDS, self._config.timeout_seconds))
        try:
            return connection.data(data)
        finally:
            if connection.sock is not None:
                connection.sock.settimeout(self._config.timeout_seconds)

    def _refused(
        self, what: str, refused: dict[str, tuple[int, bytes]], *, partial: bool
    ) -> Exception:
        details = {addr: (code, _text(text)) for addr, (code, text) in refused.items()}
        listing = "; ".join(f"{addr}: {code} {text}" for addr, (code, text) in details.items())
        if not partial and all(400 <= code <= 499 for code, _ in details.values()):
            return TemporaryDeliveryError(f"{what}: recipients deferred by {self._where}: {listing}")
        prefix = "delivered, but some recipients refused" if partial else "recipients refused"
        return RecipientsRefusedError(f"{what}: {prefix} by {self._where}: {listing}", details, partial, self._where)

    def _reset(self, connection: smtplib.SMTP) -> None:
        if connection.sock is None:
            return
        try:
            connection.rset()
        except _ANY_SMTP_ERROR:
            connection.close()

    def close(self) -> None:
        """Nothing is held between batches; present for the Sender port."""
