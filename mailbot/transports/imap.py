"""IMAP inbox: UID fetch in batches with BODY.PEEK, MOVE after commit, IDLE, reconnect with backoff."""

from __future__ import annotations

import ast
import contextlib
import imaplib
import logging
import re
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import TypeVar

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import CapabilityError, IMAPClientError, LoginError
from imapclient.imap4 import IMAP4WithTimeout

from mailbot.config import ImapInbox as ImapInboxConfig
from mailbot.errors import (
    ImapCertificateError,
    ImapCommandError,
    ImapConnectionError,
    ImapConnectionLimit,
    ImapLoginError,
    ImapMisconfigured,
    ImapUnreachable,
    OtherProtocolError,
    SlowGreeting,
)
from mailbot.failures import RepeatedFailure, backoff_delay
from mailbot.guards.limits import LimitViolation
from mailbot.transports.base import CursorStore, IncomingMessage
from mailbot.transports.probe import (
    await_greeting,
    closed_at_once,
    could_be,
    refuse_if_silent_and_other,
    unreachable_words,
    wrong_port,
)
from mailbot.transports.tls import certificate_names, certificate_refused, client_context, is_name_mismatch

log = logging.getLogger(__name__)

T = TypeVar("T")

KEY_PREFIX = "imap:"
# One FETCH of message bodies asks for at most this many bytes of mail (see ImapInbox._parts_by_size).
FETCH_BYTES = 16 << 20
DELETED = b"\\Deleted"

# What a dropped, reset, timed-out or closed connection looks like from imaplib/imapclient.
_CONNECTION_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, imaplib.IMAP4.abort)


class _ConnectionLost(Exception):
    """Internal: the server closed the connection (BYE or EOF seen while idling)."""


class _StoppedConnecting(Exception):
    """Internal: a stop (SIGTERM) came while this thread waited on a server that had not yet answered."""


_CONNECTION_OR_LOST: tuple[type[BaseException], ...] = (*_CONNECTION_ERRORS, _ConnectionLost)


class _ProbingIMAP4(IMAP4WithTimeout):  # type: ignore[misc]  # imapclient has no type hints
    """imapclient's plain connection, asked what it speaks when it stays silent, and given the connect timeout
    in all for its greeting's first line (see PlainIMAPClient)."""

    def _create_socket(self, timeout: float | None = None) -> socket.socket:
        sock: socket.socket = super()._create_socket(timeout)
        seconds = timeout or self._timeout or 0
        refuse_if_silent_and_other(sock, self.host, self.port, "IMAP", seconds)
        if seconds:
            await_greeting(sock, seconds)
        return sock


class PlainIMAPClient(IMAPClient):  # type: ignore[misc]  # imapclient has no type hints
    """IMAPClient whose plain-text connection, when the server stays silent for a few seconds (a web server
    waits for its client), is asked what it speaks (mailbot.transports.probe): a port in another protocol
    raises OtherProtocolError in seconds, not after the whole greeting timeout; a greeting that comes so slowly
    that its first line is not whole within the connect timeout raises SlowGreeting (probe.await_greeting), a
    condition that may pass. Implicit TLS is left as it is."""

    def _create_IMAP4(self) -> imaplib.IMAP4:
        if self.ssl or self.stream:
            return super()._create_IMAP4()  # type: ignore[no-any-return]
        return _ProbingIMAP4(self.host, self.port, getattr(self._timeout, "connect", None))


def make_key(folder: str, uidvalidity: int, uid: int) -> str:
    """The IncomingMessage key for one message, e.g. "imap:INBOX:1700000000:42"."""
    return f"{KEY_PREFIX}{folder}:{uidvalidity}:{uid}"


def parse_key(key: str) -> tuple[str, int, int]:
    """(folder, uidvalidity, uid) from a key made by make_key; ValueError when it is not one."""
    if not key.startswith(KEY_PREFIX):
        raise ValueError(f"not an IMAP message key: {key!r}")
    try:
        folder, validity, uid = key[len(KEY_PREFIX):].rsplit(":", 2)
        return folder, int(validity), int(uid)
    except ValueError:
        raise ValueError(f"not an IMAP message key: {key!r}") from None


class _SaidByMailbot(logging.Filter):
    """imapclient's "Connection closed" (at INFO, each time a connection is shut): mailbot tells a lost connection
    itself, in one line with what the server said, and a closing of its own is no news."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "Connection closed"


logging.getLogger("imapclient.imapclient").addFilter(_SaidByMailbot())


def _plain(exc: BaseException) -> str:
    """Why a connection failed or was lost, in words (no Python exception text): for the log of an outage."""
    if isinstance(exc, _ConnectionLost):  # it says what the server did ("the server ended the connection ...")
        return " ".join(str(exc).split())
    if isinstance(exc, imaplib.IMAP4.abort) and not closed_at_once(exc):
        return f"connection lost: {server_text(exc)}"
    return unreachable_words(exc)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, imaplib.IMAP4.error):  # what the server said, not imaplib's class name ("error: ...")
        return server_text(exc).removeprefix("error: ")
    text = " ".join(str(exc).split()) or "no detail"
    return f"{'connection lost' if isinstance(exc, _ConnectionLost) else type(exc).__name__}: {text}"


class ImapOutage:
    """An IMAP server out of reach, as the connections of one process to it see it (the one that fetches
    and the one that waits in IDLE share it).

    The tries that failed in a row set when the next is due (backoff_delay: growing, capped), across
    operations: the pause does not start again from the first after each failed operation. The log tells
    the outage once, reminds of it every ten minutes while it lasts, and tells its end once; each try is
    a debug line. A connection that gets through ends the outage for every connection.
    """

    def __init__(self, where: str, *, told: bool = True) -> None:
        """*told*: False for a command that says the outage itself in its own line (`mailbot run --once`): then
        each try is a debug line only, and no line promises tries the command will not make."""
        self.where = where
        self.told = told
        self.failures = 0  # tries in a row that failed
        self.retry_at = 0.0  # time.monotonic() when the next try is due
        self.cause = ""  # what the last failed try said
        self._probed_at = -PROBE_SECONDS  # time.monotonic() of the last knock on the port between tries
        self.ended_at = 0.0  # time.monotonic() when the last outage ended (a connection got through)
        self._lock = threading.Lock()
        self._told = RepeatedFailure(log, f"IMAP server {where}")

    def failed(self, exc: BaseException, initial: float, cap: float) -> float:
        """Count a failed try; returns the pause before the next one (its end is kept as retry_at)."""
        with self._lock:
            self.failures += 1
            delay = backoff_delay(self.failures, initial, cap)
            self.retry_at = time.monotonic() + delay
            self.cause = _plain(exc)
            # a server that ended the connection itself is said so, not "not reachable" (it was reached)
            head = "" if isinstance(exc, _ConnectionLost) else "not reachable now: "
            if self.told:
                self._told.failed(exc, f"{head}{self.cause}; trying again, with pauses growing up to {cap:g} s",
                                  kind="unreachable")
            log.debug("IMAP %s: try %d failed (%s); next in %.1fs", self.where, self.failures, self.cause, delay)
            return delay

    def recovered(self) -> bool:
        """A connection got through: the outage, if there was one, is over (told once: True then)."""
        with self._lock:
            ended = self.failures > 0
            if ended:
                self.ended_at = time.monotonic()
            self.failures, self.retry_at = 0, 0.0
            self._told.succeeded()
            return ended

    def outlived(self, connected_at: float) -> bool:
        """Whether a connection made at *connected_at* dates from before the last outage's end: the server went
        away under it, so its failure is the old outage's, not a new one (the connection is made again at once,
        untold and uncounted)."""
        return connected_at < self.ended_at

    def probe_due(self) -> bool:
        """True at most once every PROBE_SECONDS (for all the connections sharing the outage): time to knock on
        the server's port while the next full try is not yet due."""
        with self._lock:
            now = time.monotonic()
            if now < self._probed_at + PROBE_SECONDS:
                return False
            self._probed_at = now
            return True


# A stop gives the IMAP command in progress this long to finish before its connection is shut (stop_waiting).
STOP_GRACE = 2.0

# In a long outage the pause before the next full try grows up to max_backoff_seconds (300 s by default); a
# server back meanwhile would wait out the rest of it. So, between tries, every PROBE_SECONDS an operation
# that is not allowed a full try knocks on the port (a TCP connect, closed at once): a port that answers again
# gets its try now. A port that answers while the server is not ready yet costs one more failed try.
PROBE_SECONDS = 5.0


def server_text(exc: BaseException) -> str:
    """What the server said, as text: imapclient passes its replies on as the repr of bytes (b'...'), imaplib
    names the command before them ("command: LIST => [UNAVAILABLE] restarting" is said "[UNAVAILABLE] restarting
    (in answer to LIST)")."""
    text = str(exc)
    if text[:2] in ("b'", 'b"') and text[-1:] == text[1]:
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            value = None
        if isinstance(value, bytes):
            text = value.decode("utf-8", "replace")
    text = _BYTES_REPR_RE.sub(r"\2", text)  # "Unexpected IDLE response: b'* BYE ...'"
    if (answered := _IMAPLIB_COMMAND_RE.fullmatch(text.strip())) is not None:
        text = f"{answered[2]} (in answer to {answered[1]})"
    return " ".join(text.split()) or type(exc).__name__


# imaplib's words around what the server said: "command: SEARCH => Disconnected for inactivity."
_IMAPLIB_COMMAND_RE = re.compile(r"command: ([A-Z]+) => (.*)", re.DOTALL)
_BYTES_REPR_RE = re.compile(r"\bb(['\"])(.*?)\1")


def tls_mismatch(exc: BaseException, where: str, tls: str) -> str | None:
    """The one line for a TLS handshake with the IMAP server at *where* that failed because [inbox] tls does not
    match the port (TLS spoken to a plain port, or plain text answered to TLS), or None for another failure."""
    if not isinstance(exc, ssl.SSLError) or isinstance(
            exc, ssl.SSLCertVerificationError | ssl.SSLEOFError | ssl.SSLZeroReturnError):
        return None
    reason = " ".join(str(exc.reason or "").split()) or type(exc).__name__
    return (f'the TLS handshake with the IMAP server {where} failed ({reason}); inbox.tls = "{tls}" does not match '
            'that port: use tls = "implicit" with port 993, tls = "starttls" with port 143')


def certificate_refused_by(exc: ssl.SSLCertVerificationError, config: ImapInboxConfig, port: int, where: str) -> str:
    """The one line for an IMAP server whose certificate is refused (as `mailbot run` and `check-config` say it):
    for a name that does not match, the names the certificate holds, read over a second connection."""
    names = (certificate_names(config.host, port, starttls=config.tls == "starttls", ca_file=config.ca_file,
                               timeout=config.connect_timeout_seconds) if is_name_mismatch(exc) else None)
    return certificate_refused(exc, "IMAP", where, "inbox", names)


def setup_refused(exc: BaseException, config: ImapInboxConfig, port: int) -> str | None:
    """The one line, with "inbox" and the fix, for a connection the IMAP server at host:*port* can never give
    as configured (TLS spoken to a plain port or the other way round, STARTTLS not on offer, another protocol
    on the port), or None for a failure that may pass (the server down, a dropped connection, a greeting that
    says BYE: refused_for_now): `check-config --connect` and `mailbot run` say it alike, and run does not retry it."""
    where = f"{config.host}:{port}"
    if isinstance(exc, OtherProtocolError):  # told on the connection just opened
        return f"inbox: {exc}"
    if mismatch := tls_mismatch(exc, where, config.tls):
        return f"inbox: {mismatch}"
    if isinstance(exc, CapabilityError) and "STARTTLS" in str(exc).upper():
        return (f'inbox.tls: the IMAP server {where} does not offer STARTTLS, which tls = "starttls" requires; use '
                'tls = "implicit" with port 993, or ask the server\'s administrator to offer STARTTLS')
    if isinstance(exc, SlowGreeting) and could_be(exc.said, "IMAP"):
        return None  # an IMAP greeting, only slow: tried again as a server out of reach
    if isinstance(exc, TimeoutError) and not isinstance(exc, ssl.SSLError):
        # no greeting within the time: a web server waits for its client to speak first; a slow IMAP server stays
        # silent to the probe as well, and is tried again as a server out of reach
        other = wrong_port(config.host, port, "IMAP", config.connect_timeout_seconds)
        return f"inbox: {other}" if other else None
    if not isinstance(exc, imaplib.IMAP4.error) or isinstance(exc, LoginError):
        return None
    if refused_for_now(exc):  # a BYE greeting: the server is shutting down or full, tried again as out of reach
        return None
    if other := wrong_port(config.host, port, "IMAP", config.connect_timeout_seconds):
        return f"inbox: {other}"
    return None


def missing_folder(folder: str, where: str) -> str:
    """The one line for an inbox folder that does not exist on the server at *where*."""
    return f"inbox.folder: the IMAP folder {folder!r} does not exist on {where}"


def folder_typo(config: ImapInboxConfig, missing: list[str], existing: list[str], where: str) -> str | None:
    """The line for a folder mailbot would create one or two letters from a folder that exists (a likely typo:
    "Proccessed" beside "Processed", "Quarantne" beside "Quarantine"), or None: said alike by `check-config
    --connect` and by `mailbot run`, which refuses to start rather than create it."""
    from mailbot.suggest import typo_of

    for key in ("processed_folder", "quarantine_folder"):
        name = getattr(config, key)
        if name not in missing:
            continue
        if (near := typo_of(name, existing)) is not None:
            return (f"inbox.{key}: the folder {name!r} does not exist on {where}, but {near!r} does, a letter or "
                    f"two from it: a likely typo; correct the name (mailbot run would create {name!r} beside it)")
    return None


def create_missing_folders(client: IMAPClient, config: ImapInboxConfig, delimiter: str,
                           where: str) -> tuple[list[str], str | None]:
    """Create the processed and quarantine folders that are not there yet, in the server's level separator: the
    names created, and the one line (with the key and the fix) for a folder the server refuses to create, said
    alike by `check-config --connect` and by `mailbot run`, which checks before it reads any mail (else it would
    answer mail it can never move out of the inbox, and read it again)."""
    created: list[str] = []
    missing = [name for name in (config.processed_folder, config.quarantine_folder)
               if not client.folder_exists(name.replace("/", delimiter))]
    if missing:
        existing = [str(name).replace(delimiter, "/") for _flags, _d, name in client.list_folders()]
        if typo := folder_typo(config, missing, existing, where):
            return created, typo
    for key in ("processed_folder", "quarantine_folder"):
        name = getattr(config, key)
        server_name = name.replace("/", delimiter)
        if name not in missing:
            continue
        try:
            client.create_folder(server_name)
        except IMAPClientError as exc:
            if "ALREADYEXISTS" not in str(exc).upper():
                return created, (f"inbox.{key}: the IMAP server {where} refuses to create the folder {name!r}: "
                                 f"{server_text(exc)}; name another folder, or create it with a mail program")
        try:
            client.subscribe_folder(server_name)
        except IMAPClientError as exc:
            log.info("could not subscribe to %s: %s", server_name, _describe(exc))  # it still takes mail
        created.append(name)
    return created, None


def log_in(client: IMAPClient, username: str, password: str) -> None:
    """Log in the way the server offers (its CAPABILITY): LOGIN for a name and password in ASCII (RFC 3501 carries
    them as 7-bit quoted strings; RFC 6855's UTF-8 is switched on only after the login) unless the server says
    LOGINDISABLED; else AUTHENTICATE PLAIN, whose strings are UTF-8 (RFC 4616; Dovecot takes them), or AUTHENTICATE
    LOGIN (a Dovecot with auth_mechanisms = login offers only that), when offered; else LoginError saying why."""
    in_ascii = username.isascii() and password.isascii()
    if in_ascii and not client.has_capability("LOGINDISABLED"):
        client.login(username, password)
    elif client.has_capability("AUTH=PLAIN"):
        client.plain_login(username, password)
    elif client.has_capability("AUTH=LOGIN"):
        _sasl_login(client, username, password)
    elif not in_ascii:
        raise _LoginNotTried("the name" if not username.isascii() else "the password")
    else:
        raise _NoLoginOffered(sorted(c.decode("ascii", "replace") for c in client.capabilities()
                                     if c.upper() == b"LOGINDISABLED" or c.upper().startswith(b"AUTH=")))


def _sasl_login(client: IMAPClient, username: str, password: str) -> None:
    """AUTHENTICATE LOGIN: the server asks for the name, then the password (each base64, as imaplib sends them)."""
    answers = iter((username, password))

    def answer(challenge: bytes) -> str:
        return next(answers, "")

    try:
        client._command_and_check("authenticate", "LOGIN", answer, unpack=True)  # noqa: SLF001 - as plain_login
    except IMAPClientError as exc:
        raise LoginError(str(exc)) from exc


class _LoginNotTried(LoginError):  # type: ignore[misc]  # imapclient has no type hints
    """A login mailbot did not send: the name or password (*what*) holds a character outside ASCII, which IMAP LOGIN
    cannot carry, and the server offers no AUTHENTICATE PLAIN. The server refused nothing."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} holds a character outside ASCII and the server offers no AUTHENTICATE PLAIN")
        self.what = what


class _NoLoginOffered(LoginError):  # type: ignore[misc]  # imapclient has no type hints
    """A login mailbot did not send: the server offers none mailbot can make (LOGINDISABLED, and neither
    AUTHENTICATE PLAIN nor LOGIN). The server refused nothing."""

    def __init__(self, offered: list[str]) -> None:
        said = ", ".join(offered) or "no login at all"
        super().__init__(f"the server offers no login mailbot can make ({said})")
        self.offered = said


def login_refused(where: str, username: str, password_env: str, exc: BaseException) -> str:
    """The one line for a login the IMAP server at *where* refused (or one mailbot could not send), with the fix."""
    if isinstance(exc, _LoginNotTried):
        held = f"[inbox] username {username!r}" if exc.what == "the name" else f"the password in {password_env}"
        return (f"mailbot did not try to log in to the IMAP server {where} as {username}: {held} holds a character "
                "outside ASCII, and the server offers no way to send it (no AUTHENTICATE PLAIN; IMAP LOGIN takes "
                "ASCII only); change it to ASCII letters, digits and signs, or ask the server's administrator to "
                "offer AUTHENTICATE PLAIN; check with `mailbot check-config --connect`, then start mailbot again")
    if isinstance(exc, _NoLoginOffered):
        return (f"mailbot did not try to log in to the IMAP server {where} as {username}: the server offers no login "
                f"mailbot can make ({exc.offered}; mailbot logs in with LOGIN, AUTHENTICATE PLAIN or AUTHENTICATE "
                'LOGIN); if the server takes logins only over an encrypted connection, set [inbox] tls = "starttls" '
                '(port 143) or tls = "implicit" (port 993), else ask the server\'s administrator to offer one of '
                "them; check with `mailbot check-config --connect`, then start mailbot again")
    said = server_text(exc)
    fix = next((fix for code, fix in _LOGIN_FIXES.items() if code in said.upper()),
               "correct [inbox] username or the password in {env}")
    return (f"the IMAP server {where} refused the login of {username} ({said}); {fix.format(env=password_env)}, "
            "check with `mailbot check-config --connect`, then start mailbot again")


# RFC 5530 codes of a refused login whose fix is not the name or the password as typed
_LOGIN_FIXES = {
    "[PRIVACYREQUIRED]": 'the server takes a login only over an encrypted connection: set [inbox] tls = "implicit" '
                         '(port 993) or tls = "starttls" (port 143)',
    "[EXPIRED]": "the password has expired on the server: have a new one set there, and put it in {env}",
}


# RFC 5530 response codes of a condition that passes by itself: the server (or its password store) down for a
# while, too many connections, the mailbox in use elsewhere, a fault of the server's own
_TEMPORARY_CODES = ("[UNAVAILABLE]", "[LIMIT]", "[INUSE]", "[SERVERBUG]")
# the operator's to fix: the name or password wrong, or the name not allowed this mailbox
_FOR_GOOD_CODES = ("[AUTHENTICATIONFAILED]", "[AUTHORIZATIONFAILED]")
# ("NO Shutting down": Dovecot's answer to a login that comes while it stops, a restart under way)
_TEMPORARY_WORDS = ("too many connections", "maximum number of connections", "try again later", "shutting down")


# What a server says when the user has all the connections it allows (Dovecot's mail_max_userip_connections)
_LIMIT_WORDS = ("[LIMIT]", "[INUSE]", "TOO MANY CONNECTIONS", "MAXIMUM NUMBER OF CONNECTIONS")


def connection_limit(said: str) -> bool:
    """Whether *said* (a refusal, or a failure's words) is the server refusing one more connection of the user."""
    return any(word in said.upper() for word in _LIMIT_WORDS)


def refused_for_now(exc: BaseException) -> str | None:
    """What the IMAP server said when it refused the connection or the login for a while, not for good, or None.

    A BYE greeting (RFC 3501 7.1.5: the server shutting down, or full) and a refused login carrying an RFC 5530
    code for a passing condition ([UNAVAILABLE], [LIMIT], [INUSE], [SERVERBUG]) or saying "too many connections"
    pass by themselves: `mailbot run` tries again with its growing pauses, and `check-config --connect` says a
    temporary failure. A login refused with [AUTHENTICATIONFAILED], [AUTHORIZATIONFAILED] or a plain NO is the
    operator's to correct. The one classification for both."""
    if not isinstance(exc, imaplib.IMAP4.error) or isinstance(exc, imaplib.IMAP4.abort):
        return None
    said = server_text(exc)
    upper = said.upper()
    if upper.startswith("* BYE"):
        return said
    if not isinstance(exc, LoginError) or any(code in upper for code in _FOR_GOOD_CODES):
        return None
    if any(code in upper for code in _TEMPORARY_CODES) or any(w in said.lower() for w in _TEMPORARY_WORDS):
        return said
    return None


def _is_new_mail(response: tuple[object, ...]) -> bool:
    """An untagged "* N EXISTS" or "* N RECENT" (N > 0) in an IDLE response."""
    return (
        len(response) >= 2
        and isinstance(response[0], int)
        and response[1] in (b"EXISTS", b"RECENT")
        and response[0] > 0
    )


def _is_bye(response: tuple[object, ...]) -> bool:
    return bool(response) and response[0] == b"BYE"


def _bye(responses: list[tuple[object, ...]]) -> _ConnectionLost | None:
    """The connection lost, with what the server said, when *responses* (read during IDLE) hold a BYE."""
    said = next((r for r in responses if _is_bye(r)), None)
    if said is None:
        return None
    words = " ".join(part.decode("utf-8", "replace") if isinstance(part, bytes) else str(part) for part in said[1:])
    return _ConnectionLost("the server ended the connection during IDLE" + (f' ("{" ".join(words.split())}")'
                                                                            if words.strip() else ""))


class ImapInbox:
    """The Inbox port on a real IMAP mailbox.

    Reads *config.folder* by UID, oldest first, in batches of *config.fetch_batch*: sizes
    first (RFC822.SIZE), then BODY.PEEK[] for the messages within *size_limit* (others are
    yielded with raw=None and a too_big_reason), at most FETCH_BYTES of mail to a FETCH.
    Everything left in the folder is unprocessed: acknowledge() and quarantine() MOVE messages
    out. The CursorStore keeps (UIDVALIDITY, last UID) to tell new mail from leftovers and to
    notice a recreated mailbox; the database's unique keys make a rescan harmless.

    Connection loss is repaired transparently: every operation reconnects with jittered
    exponential backoff, up to *reconnect_attempts* times, then raises ImapConnectionError.

    Example::

        inbox = ImapInbox(config.inbox, config.inbox.password(), cursors, size_limit=10 << 20)
        for message in inbox.fetch_new():
            ...  # record in the database, commit
            inbox.acknowledge(message.key)
        inbox.wait_for_mail(timeout=300)
    """

    def __init__(
        self,
        config: ImapInboxConfig,
        password: str,
        cursor_store: CursorStore,
        size_limit: int | None = None,
        *,
        use_move: bool | None = None,
        reconnect_attempts: int = 6,
        initial_backoff_seconds: float = 0.25,
        outage: ImapOutage | None = None,
        outage_told: bool = True,
        gives_way: bool = False,
    ) -> None:
        """use_move: None uses MOVE when the server announces it; False forces COPY+EXPUNGE.
        outage: the one of another connection of this process to the same server (see ImapOutage).
        outage_told: False when the caller says an outage itself (ImapOutage told).
        gives_way: a second connection (the IDLE watcher's): refused for the user's connection limit, it raises
        ImapConnectionLimit from wait_for_mail rather than take the one connection from the fetching one."""
        self._config = config
        self._password = password
        self._cursors = cursor_store
        self._size_limit = size_limit
        self._use_move = use_move
        self._reconnect_attempts = reconnect_attempts
        self._initial_backoff = initial_backoff_seconds
        self._port = config.port or (993 if config.tls == "implicit" else 143)
        self._client: IMAPClient | None = None
        self._connected_at = 0.0  # time.monotonic() when the connection in hand was made
        self._capabilities: frozenset[bytes] = frozenset()
        self._delimiter: str | None = None
        self._known_folders: set[str] = set()
        self._folders_checked = False  # the processed and quarantine folders exist (or were made) on the server
        self._pending: dict[str, list[tuple[int, int]]] = {}
        self._uidvalidity: int | None = None
        self._last_uid = 0
        self._outage = outage or ImapOutage(self._where, told=outage_told)
        self._interrupted = False
        self._selected: dict[bytes, object] = {}
        self._waiting_thread: int | None = None  # the thread blocked connecting to (or waiting on) the server
        self._using_thread: int | None = None  # the thread running a command on the connection in hand
        self._operation = 0  # commands run on a connection so far (which one a stop's grace period is about)
        self._gives_way = gives_way

    # -- public API ----------------------------------------------------------

    @property
    def uidvalidity(self) -> int | None:
        """UIDVALIDITY of the folder as last selected (None before the first connection)."""
        return self._uidvalidity

    @property
    def outage(self) -> ImapOutage:
        """This server's reachability, to share with another connection to it (open_inbox(share_with=...))."""
        return self._outage

    @property
    def uses_move(self) -> bool:
        """True when acknowledge() uses MOVE (after the first connection)."""
        return self._use_move is not False and b"MOVE" in self._capabilities

    @property
    def uses_idle(self) -> bool:
        """True when wait_for_mail() uses IDLE rather than polling (after the first connection)."""
        return self._config.idle and b"IDLE" in self._capabilities

    def fetch_new(self) -> Iterator[IncomingMessage]:
        """Yield every message still in the folder, in UID order, fetched in batches.

        Messages that arrive while the batches are being handed over are yielded too. A
        message left in the folder (not acknowledged) is yielded again on the next call.
        """
        self.flush()
        self._call(lambda client: None)
        validity = self._require_validity()
        next_uid = 1
        while True:
            self.flush()  # what was acknowledged must be gone before the folder is searched again
            start = next_uid
            uids = self._call(partial(self._search_from, first_uid=start))
            if self._uidvalidity != validity:
                validity, next_uid = self._require_validity(), 1
                continue
            if not uids:
                return
            restarted = False
            for offset in range(0, len(uids), self._config.fetch_batch):
                chunk = uids[offset : offset + self._config.fetch_batch]
                parts = self._call(partial(self._parts_by_size, uids=chunk))
                for part in parts:
                    if self._uidvalidity != validity:
                        break
                    messages = self._call(partial(self._fetch_chunk, uids=part, validity=validity))
                    if self._uidvalidity != validity:
                        break
                    for message in messages:
                        self._last_uid = max(self._last_uid, parse_key(message.key)[2])
                        yield message
                    messages.clear()
                if self._uidvalidity != validity:
                    # Reconnected into a recreated mailbox: these UIDs mean other messages now.
                    validity, next_uid, restarted = self._require_validity(), 1, True
                    break
                next_uid = chunk[-1] + 1
                self._save_cursor()
                self.flush()
            if restarted:
                continue

    def acknowledge(self, key: str) -> None:
        """Move the message to the processed folder. Safe to repeat; stale keys are ignored.

        Moves are carried out in batches (one UID MOVE for many messages): at the latest on
        the next fetch_new(), wait_for_mail(), flush() or close(). A message whose move was
        lost to a crash stays in the folder and is read again; the database knows it.
        """
        self._defer(key, self._config.processed_folder)

    def quarantine(self, key: str, reason: str) -> None:
        """Move the message to the quarantine folder (batched like acknowledge). Safe to repeat."""
        log.warning("quarantining %s: %s", key, reason)
        self._defer(key, self._config.quarantine_folder)

    def flush(self) -> None:
        """Carry out the acknowledgements and quarantines made so far."""
        while self._pending:
            target, entries = next(iter(self._pending.items()))
            self._call(partial(self._move_now, target=target, entries=entries))
            del self._pending[target]

    def wait_for_mail(self, timeout: float) -> bool:
        """Block up to *timeout* seconds until new mail may be there; True if so.

        Uses IDLE when the server offers it (renewed every idle_renew_seconds, followed by a
        NOOP to prove the connection alive), polling every poll_seconds otherwise. After a
        lost connection it reconnects with backoff and returns True once back, since mail may
        have arrived meanwhile. Returns False when the time runs out (also while the server
        stays unreachable).
        """
        deadline = time.monotonic() + timeout
        if self._interrupted:
            return False
        if self._pending and self._client is not None:
            try:
                self.flush()
            except ImapConnectionError as exc:
                log.warning("moves postponed: %s", exc)
        self._catch_up_with_cursor()
        while True:
            now = time.monotonic()
            if now >= deadline or self._interrupted:
                return False
            if self._client is None:
                if now < self._outage.retry_at and not self._answers_again():
                    time.sleep(min(self._outage.retry_at, deadline, now + PROBE_SECONDS) - now)
                    continue
                try:
                    self._connect()
                except _StoppedConnecting:
                    return False
                except ssl.SSLCertVerificationError as exc:
                    raise self._certificate_error(exc) from exc
                except _CONNECTION_ERRORS as exc:
                    if self._gives_way and connection_limit(str(exc)):
                        # the one connection the server allows is the fetching one's: no outage, no retry
                        raise ImapConnectionLimit(f"the IMAP server {self._where} refused a second connection: "
                                                  f"{_plain(exc)}") from exc
                    self._note_failure(exc)
                    continue
                except LoginError as exc:
                    raise self._login_error(exc) from exc
                except IMAPClientError as exc:
                    raise ImapCommandError(f"IMAP server {self._where} refused a command: {_describe(exc)}") from exc
                return True
            client = self._client
            try:
                if self._has_new(client):
                    return True
                if self.uses_idle:
                    return self._idle(client, deadline)
                return self._poll(client, deadline)
            except _CONNECTION_OR_LOST as exc:
                self._drop()
                if self._interrupted:
                    return False  # interrupt() shut the connection under the wait: a stop, not a failure
                if not self._outage.outlived(self._connected_at):
                    self._note_failure(exc)
            except IMAPClientError as exc:
                self._drop()
                raise ImapCommandError(f"IMAP server {self._where} refused a command: {_describe(exc)}") from exc

    def dropped(self) -> bool:
        """From another thread: whether the server ended the connection in hand (a BYE, its end) while no command
        was in progress on it, between passes: the next use would find it gone. Nothing is read from the connection:
        only whether there is something to read, which an idle IMAP connection has only when the server leaves."""
        client = self._client
        if client is None or self._using_thread is not None:
            return False
        try:
            readable, _, _ = select.select([client.socket()], [], [], 0)
        except (OSError, ValueError, AttributeError):  # closed meanwhile by the thread that uses it
            return False
        return bool(readable)

    def limit_refusal(self) -> str | None:
        """From another thread, between passes: what the server said when it refused the connection for the user's
        limit of connections (connection_limit), while the outage this connection shares lasts; None otherwise."""
        outage = self._outage
        cause = outage.cause
        return cause if outage.failures and connection_limit(cause) else None

    def interrupt(self) -> None:
        """From another thread: end a wait_for_mail() now, and every one after it (for a stop).

        The connection is shut down under the waiting call, which then returns False.
        """
        self._interrupted = True
        client = self._client
        if client is None:
            return
        try:
            client.socket().shutdown(socket.SHUT_RDWR)
        except (OSError, AttributeError):
            pass  # already closed

    def stop_waiting(self) -> None:
        """From a signal handler (for a stop): end the wait of this thread on a server that has not answered
        yet (a slow greeting or login, the pause before the next try) now, not after the timeout and every
        retry; the operation fails with ImapConnectionError. A command in progress on the connection in hand
        is given STOP_GRACE seconds to finish (a fetch, a move after the commit), then its connection is
        shut (a server that stopped answering no longer holds the stop for the read timeout); every later
        read on it waits STOP_GRACE seconds at most; no new connection is made. Database work is never cut."""
        self._interrupted = True
        me = threading.get_ident()
        if self._waiting_thread == me:
            self._waiting_thread = None
            raise _StoppedConnecting
        client = self._client
        if client is None:
            return
        try:
            client.socket().settimeout(STOP_GRACE)
        except (OSError, AttributeError):
            pass  # already closed
        if self._using_thread == me:
            timer = threading.Timer(STOP_GRACE, self._cut, (client, self._operation))
            timer.daemon = True
            timer.start()

    def _cut(self, client: IMAPClient, operation: int) -> None:
        """The end of a stop's grace: the command it found in progress still is: shut its connection."""
        current = self._client
        if current is not None and current is client and self._operation == operation and self._using_thread:
            log.info("IMAP %s: the server has not answered within %g s of the stop; closing the connection",
                     self._where, STOP_GRACE)
            try:
                current.socket().shutdown(socket.SHUT_RDWR)
            except (OSError, AttributeError):
                pass

    def close(self) -> None:
        """Carry out pending moves, log out and close the connection; safe to repeat."""
        if self._pending:
            try:
                self.flush()
            except (ImapConnectionError, ImapCommandError) as exc:
                # The messages stay in the folder and are read again next time; the database
                # recognises them, so nothing is answered twice.
                log.warning("%d moves not done before closing: %s", sum(map(len, self._pending.values())), exc)
                self._pending.clear()
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - the connection may be half dead already
            try:
                client.shutdown()
            except Exception:  # noqa: BLE001
                pass

    def __enter__(self) -> ImapInbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- connection ----------------------------------------------------------

    @property
    def _where(self) -> str:
        return f"{self._config.host}:{self._port}"

    def _ssl_context(self) -> ssl.SSLContext:
        return client_context(verify_certificate=self._config.verify_certificate, ca_file=self._config.ca_file)

    def _connect(self) -> IMAPClient:
        """Open, secure, log in, select the folder; raises connection errors as they come."""
        with self._stoppable():
            return self._finish_connect(self._open())

    def _open(self) -> IMAPClient:
        config = self._config
        context = self._ssl_context() if config.tls != "none" else None
        try:
            client = PlainIMAPClient(
                config.host,
                port=self._port,
                ssl=config.tls == "implicit",
                ssl_context=context,
                timeout=SocketTimeout(connect=config.connect_timeout_seconds, read=config.read_timeout_seconds),
            )
        except (*_CONNECTION_ERRORS, IMAPClientError) as exc:
            self._refuse_setup(exc)
            if said := refused_for_now(exc):  # retried with backoff, like a server that cannot be reached
                raise ConnectionError(f"the server refuses connections for now: {said}") from exc
            raise
        try:
            if config.tls == "starttls":
                try:
                    client.starttls(context)
                except (*_CONNECTION_ERRORS, IMAPClientError) as exc:
                    self._refuse_setup(exc)
                    raise
            try:
                log_in(client, config.username, self._password)
            except LoginError as exc:
                if said := refused_for_now(exc):  # retried with backoff, like a server that cannot be reached
                    raise ConnectionError(f"login refused for now: {said}") from exc
                raise
            self._capabilities = frozenset(client.capabilities())
            self._delimiter = self._find_delimiter(client)
            try:
                selected = client.select_folder(self._server_name(config.folder))
            except imaplib.IMAP4.error as exc:
                if not client.folder_exists(self._server_name(config.folder)):
                    # the folder to read is not there: the same every time, a configuration error as check-config
                    # --connect says it, not a server failure to retry
                    raise ImapMisconfigured(missing_folder(config.folder, self._where)) from exc
                raise
            if not self._folders_checked:  # before any mail is read: mail read must be movable out of the inbox
                created, refused = create_missing_folders(client, config, self._delimiter or "/", self._where)
                if refused:
                    raise ImapMisconfigured(refused)
                for name in created:
                    log.info("created IMAP folder %s", name)
                self._known_folders.update(self._server_name(name) for name in
                                           (config.processed_folder, config.quarantine_folder))
                self._folders_checked = True
        except BaseException:
            try:
                client.shutdown()
            except Exception:  # noqa: BLE001
                pass
            raise
        self._selected = selected
        return client

    def _refuse_setup(self, exc: BaseException) -> None:
        """Raise ImapMisconfigured when *exc* says the server can never serve mailbot as configured: a
        configuration error, never retried (a port in another protocol answers the same way every time)."""
        if problem := setup_refused(exc, self._config, self._port):
            raise ImapMisconfigured(problem) from exc

    def _finish_connect(self, client: IMAPClient) -> IMAPClient:
        self._waiting_thread = None  # from here the database is written (the cursor): no longer cut short
        config = self._config
        validity = int(self._selected[b"UIDVALIDITY"])  # type: ignore[call-overload]
        # The cursor first: a connection counts as made only once its UIDVALIDITY is adopted, so a failure
        # here (the database away, a second connection saving the first cursor at the same moment) leaves
        # no half-made connection behind that every later call would find without a UIDVALIDITY.
        try:
            self._adopt_validity(validity)
        except BaseException:
            try:
                client.shutdown()
            except Exception:  # noqa: BLE001 - already broken
                pass
            raise
        self._client = client
        self._connected_at = time.monotonic()
        # after an outage, its "works again" is the one line of the connection made (the folder is the same)
        log.log(
            logging.DEBUG if self._outage.recovered() else logging.INFO,
            "connected to IMAP %s as %s, folder %s (UIDVALIDITY %d, %s, %s)",
            self._where,
            config.username,
            config.folder,
            validity,
            "IDLE" if self.uses_idle else "polling",
            "MOVE" if self.uses_move else "COPY+EXPUNGE",
        )
        return client

    @contextlib.contextmanager
    def _stoppable(self) -> Iterator[None]:
        """Mark this thread's network wait as one a stop may cut short (see interrupt())."""
        if self._interrupted:
            raise _StoppedConnecting
        self._waiting_thread = threading.get_ident()
        try:
            yield
        finally:
            self._waiting_thread = None

    def _adopt_validity(self, validity: int) -> None:
        if self._uidvalidity == validity:
            return
        cursor = self._cursors.load_cursor(self._config.folder)
        if cursor is not None and cursor[0] == validity:
            self._last_uid = cursor[1]
        else:
            if cursor is not None:
                log.warning(
                    "UIDVALIDITY of %s changed from %d to %d: the mailbox was recreated, rescanning it",
                    self._config.folder,
                    cursor[0],
                    validity,
                )
            self._last_uid = 0
            self._cursors.save_cursor(self._config.folder, validity, 0)
        self._uidvalidity = validity

    def _require_validity(self) -> int:
        assert self._uidvalidity is not None, "connected but no UIDVALIDITY"
        return self._uidvalidity

    def _find_delimiter(self, client: IMAPClient) -> str | None:
        try:
            listed = client.list_folders("", "")
        except IMAPClientError:
            return None
        for _flags, delimiter, _name in listed:
            if delimiter:
                return delimiter.decode() if isinstance(delimiter, bytes) else str(delimiter)
        return None

    def _server_name(self, folder: str) -> str:
        """A configured folder name ("mailbot/processed") in the server's hierarchy delimiter."""
        if self._delimiter and self._delimiter != "/":
            return folder.replace("/", self._delimiter)
        return folder

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.shutdown()
            except Exception:  # noqa: BLE001 - already broken
                pass

    def _note_failure(self, exc: BaseException) -> float:
        return self._outage.failed(exc, self._initial_backoff, self._config.max_backoff_seconds)

    def _answers_again(self) -> bool:
        """Whether the server's port takes a connection again (asked at most every PROBE_SECONDS, within
        a second): then the next full try need not wait for its pause to end."""
        if not self._outage.probe_due():
            return False
        try:
            with self._stoppable():
                socket.create_connection((self._config.host, self._port), timeout=1.0).close()
        except (OSError, _StoppedConnecting):
            return False
        log.debug("IMAP %s: the port takes connections again; trying now", self._where)
        return True

    def _unreachable(self) -> ImapConnectionError:
        # the same words for the whole outage, which ImapOutage has told in the log (the service adds no line)
        return ImapUnreachable(f"IMAP server {self._where} not reachable now: {self._outage.cause}")

    def _certificate_error(self, exc: ssl.SSLCertVerificationError) -> ImapConnectionError:
        return ImapCertificateError(certificate_refused_by(exc, self._config, self._port, self._where))

    def _stopped(self) -> ImapConnectionError:
        return ImapConnectionError(f"stopped while waiting for the IMAP server {self._where}")

    def _login_error(self, exc: BaseException) -> ImapLoginError:
        return ImapLoginError(login_refused(self._where, self._config.username, self._config.password_env, exc))

    def _call(self, operation: Callable[[IMAPClient], T]) -> T:
        """Run *operation* on a live connection, reconnecting with backoff when it drops.

        Up to *reconnect_attempts* tries after the first, while the tries in a row that failed are no more
        than that; in a longer outage, one try once the next is due, and none before (ImapConnectionError
        at once): an operation does not wait out the growing pause, and one that comes after another
        connection got through tries at once."""
        if (self._client is None and self._outage.failures > self._reconnect_attempts
                and time.monotonic() < self._outage.retry_at and not self._answers_again()):
            raise self._unreachable()
        attempt = 0
        while True:
            existing = self._client
            try:
                client = existing or self._connect()
                self._operation += 1
                self._using_thread = threading.get_ident()
                try:
                    return operation(client)
                finally:
                    self._using_thread = None
            except ssl.SSLCertVerificationError as exc:
                self._drop()
                raise self._certificate_error(exc) from exc
            except LoginError as exc:
                self._drop()
                raise self._login_error(exc) from exc
            except _CONNECTION_ERRORS as exc:
                self._drop()
                if self._interrupted:  # a stop cut it short (or came meanwhile): no new connection
                    raise self._stopped() from exc
                if existing is not None and self._outage.outlived(self._connected_at):
                    log.debug("IMAP %s: a connection from before the outage failed (%s); connecting again",
                              self._where, _describe(exc))
                    continue
                attempt += 1
                delay = self._note_failure(exc)
                if attempt > self._reconnect_attempts or self._outage.failures > self._reconnect_attempts:
                    raise self._unreachable() from exc
                try:
                    with self._stoppable():
                        time.sleep(delay)
                except _StoppedConnecting:
                    raise self._stopped() from None
            except _StoppedConnecting:
                self._drop()
                raise self._stopped() from None
            except IMAPClientError as exc:
                raise ImapCommandError(f"IMAP server {self._where} refused a command: {_describe(exc)}") from exc

    # -- fetching ------------------------------------------------------------

    def _search_from(self, client: IMAPClient, first_uid: int) -> list[int]:
        # "first:*" always matches the highest UID, even below first: filter it out.
        found = client.search(["UID", f"{first_uid}:*"])
        return sorted(uid for uid in found if uid >= first_uid)

    def _parts_by_size(self, client: IMAPClient, uids: list[int]) -> list[list[int]]:
        """*uids* in runs of at most FETCH_BYTES of mail each (a larger message is a run of its own), so that one
        FETCH never holds a whole batch of large messages at once (imapclient keeps the response and its parse).
        A message over the size limit counts for nothing: only its header is fetched."""
        sizes = client.fetch(uids, ["RFC822.SIZE"])
        parts: list[list[int]] = []
        run: list[int] = []
        held = 0
        for uid in uids:
            data = sizes.get(uid)
            size = int(data[b"RFC822.SIZE"]) if data is not None and b"RFC822.SIZE" in data else 0
            if self._size_limit is not None and size > self._size_limit:
                size = 0
            if run and held + size > FETCH_BYTES:
                parts.append(run)
                run, held = [], 0
            run.append(uid)
            held += size
        if run:
            parts.append(run)
        return parts

    def _fetch_chunk(self, client: IMAPClient, uids: list[int], validity: int) -> list[IncomingMessage]:
        sizes = client.fetch(uids, ["RFC822.SIZE"])
        if self._uidvalidity != validity:
            return []
        limit = self._size_limit
        wanted = sorted(uid for uid, data in sizes.items() if limit is None or int(data[b"RFC822.SIZE"]) <= limit)
        bodies = client.fetch(wanted, ["BODY.PEEK[]"]) if wanted else {}
        too_big = sorted(set(sizes) - set(wanted))
        heads = client.fetch(too_big, ["BODY.PEEK[HEADER]"]) if too_big else {}
        folder = self._config.folder
        messages: list[IncomingMessage] = []
        for uid in sorted(sizes):
            size = int(sizes[uid][b"RFC822.SIZE"])
            key = make_key(folder, validity, uid)
            if limit is not None and size > limit:
                reason = LimitViolation("message_bytes", size, limit).reason  # as every size limit says it
                head = heads.get(uid, {}).get(b"BODY[HEADER]")
                messages.append(IncomingMessage(key=key, raw=None, size=size, too_big_reason=reason,
                                                headers=bytes(head) if head is not None else None))
                continue
            data = bodies.get(uid)
            if data is None or b"BODY[]" not in data:
                continue  # moved away by another client between the two FETCHes
            messages.append(IncomingMessage(key=key, raw=bytes(data[b"BODY[]"]), size=size))
        return messages

    def _save_cursor(self) -> None:
        if self._uidvalidity is not None:
            self._cursors.save_cursor(self._config.folder, self._uidvalidity, self._last_uid)

    def _catch_up_with_cursor(self) -> None:
        # Another ImapInbox on the same store (the fetching one, when this one only waits)
        # may have handed over messages since: they are not new to this one either.
        if self._uidvalidity is None:
            return
        cursor = self._cursors.load_cursor(self._config.folder)
        if cursor is not None and cursor[0] == self._uidvalidity:
            self._last_uid = max(self._last_uid, cursor[1])

    def _has_new(self, client: IMAPClient) -> bool:
        return bool(self._search_from(client, self._last_uid + 1))

    # -- moving --------------------------------------------------------------

    def _defer(self, key: str, target: str) -> None:
        folder, validity, uid = parse_key(key)
        if folder != self._config.folder:
            raise ValueError(f"key {key!r} belongs to folder {folder!r}, not {self._config.folder!r}")
        self._pending.setdefault(target, []).append((validity, uid))
        if sum(len(entries) for entries in self._pending.values()) >= self._config.fetch_batch:
            self.flush()

    def _move_now(self, client: IMAPClient, target: str, entries: list[tuple[int, int]]) -> None:
        uids = sorted({uid for validity, uid in entries if validity == self._uidvalidity})
        if len(uids) < len({entry for entry in entries}):
            log.info("ignoring %d message keys from an earlier UIDVALIDITY (mailbox recreated)",
                     len({e for e in entries if e[0] != self._uidvalidity}))
        if not uids:
            return
        destination = self._server_name(target)
        self._ensure_folder(client, destination)
        if self.uses_move:
            client.move(uids, destination)
            return
        wanted = set(uids)
        present = sorted(u for u in client.search(["UID", ",".join(map(str, uids))]) if u in wanted)
        if not present:
            return  # already moved: a second COPY would duplicate them
        client.copy(present, destination)
        client.add_flags(present, [DELETED], silent=True)
        if b"UIDPLUS" in self._capabilities:
            client.uid_expunge(present)
        else:
            client.expunge()

    def _ensure_folder(self, client: IMAPClient, name: str) -> None:
        if name in self._known_folders:
            return
        if not client.folder_exists(name):
            try:
                client.create_folder(name)
            except IMAPClientError as exc:
                if "ALREADYEXISTS" not in str(exc).upper():
                    raise
            try:
                client.subscribe_folder(name)
            except IMAPClientError as exc:
                log.info("could not subscribe to %s: %s", name, _describe(exc))
            log.info("created IMAP folder %s", name)
        self._known_folders.add(name)

    # -- waiting -------------------------------------------------------------

    def _idle(self, client: IMAPClient, deadline: float) -> bool:
        """IDLE until new mail or *deadline*, renewing and proving the connection alive."""
        while True:
            now = time.monotonic()
            if now >= deadline:
                return False
            renew_at = min(deadline, now + self._config.idle_renew_seconds)
            client.idle()
            woke = False
            while not woke:
                left = renew_at - time.monotonic()
                if left <= 0:
                    break
                started = time.monotonic()
                responses = client.idle_check(timeout=left)
                if (lost := _bye(responses)) is not None:
                    raise lost
                if any(_is_new_mail(r) for r in responses):
                    woke = True
                elif time.monotonic() - started < left - 0.05:
                    # Woken without news: a keepalive, a flag change, or EOF. Check below.
                    break
            _text, trailing = client.idle_done()
            if (lost := _bye(trailing)) is not None:
                raise lost
            woke = woke or any(_is_new_mail(r) for r in trailing)
            client.noop()  # a quiet IDLE proves nothing; this raises on a dead connection
            if woke or self._has_new(client):
                return True

    def _poll(self, client: IMAPClient, deadline: float) -> bool:
        """Poll every poll_seconds until new mail or *deadline*."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(self._config.poll_seconds, left))
            client.noop()
            if self._has_new(client):
                return True
