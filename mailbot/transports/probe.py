"""What a server port speaks: its first words told apart (IMAP, SMTP, POP3, SSH, HTTP, TLS), so that a port
that answers in another protocol is said in one line, by `check-config --connect` and by `mailbot run` alike."""

from __future__ import annotations

import errno
import imaplib
import re
import select
import smtplib
import socket
import ssl
import time

from mailbot.errors import OtherProtocolError, SlowGreeting

# How long a server may stay silent on a new connection before it is asked, on a connection of its own, what
# it speaks: a mail server greets at once, a web server waits for its client to speak first.
SILENCE_SECONDS = 3.0
_EXPECTS_TLS = "it expects TLS from the first byte"


def protocol_of(first: bytes) -> str | None:
    """The protocol a server's first words look like (its greeting, or its answer to a line of ours)."""
    text = first.lstrip(b"\r\n ")
    if text.startswith(b"HTTP/") or text[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "HTTP"
    if text.startswith((b"* OK", b"* PREAUTH", b"* BYE")):
        return "IMAP"
    if re.match(rb"(220|421|554)[ -]", text):
        return "SMTP"
    if text.startswith((b"+OK", b"-ERR")):
        return "POP3"
    if text.startswith(b"SSH-"):
        return "SSH"
    if text[:2] in (b"\x15\x03", b"\x16\x03"):
        return "TLS"
    return None


# How each protocol's greeting begins (protocol_of): a greeting cut short that is still the start of one of these
# may be that protocol's, only slow.
_OPENINGS = {"IMAP": (b"* OK", b"* PREAUTH", b"* BYE"),
             "SMTP": tuple(code + end for code in (b"220", b"421", b"554") for end in (b" ", b"-"))}


def could_be(said: bytes, expected: str) -> bool:
    """Whether a server's first words may be a greeting in *expected* ("IMAP", "SMTP"): they look like one, or
    they are a first line not yet whole that begins as one does ("* O" from a server sending a byte at a time)."""
    text = said.lstrip(b"\r\n ")
    if protocol_of(text) == expected:
        return True
    return bool(text) and b"\n" not in text and any(opening.startswith(text) for opening in _OPENINGS[expected])


def await_greeting(sock: socket.socket, seconds: float) -> None:
    """Wait, at most *seconds* in all, until the first line of the server's greeting is whole in *sock*'s buffer,
    left there for the client to read as ever. A server that has begun its greeting and not ended its first line
    by then raises SlowGreeting (one sending a byte a second would otherwise be waited for as long as each byte
    comes within the timeout); one that has said nothing raises TimeoutError, as the client's own read would.
    A closed connection or a first line longer than a greeting is left to the client to find. Plain sockets
    only (MSG_PEEK)."""
    deadline = time.monotonic() + seconds
    seen = b""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            if seen:
                raise SlowGreeting(seen, seconds)
            raise TimeoutError("timed out")
        if seen:  # the socket stays readable while part of a line waits in it: look again shortly
            time.sleep(min(left, 0.05))
        elif not select.select([sock], [], [], left)[0]:
            continue
        try:
            seen = sock.recv(1024, socket.MSG_PEEK)
        except OSError:
            return  # the client's own read meets the same failure
        if not seen or b"\n" in seen or len(seen) >= 1024:
            return


def _probe(host: str, port: int, hello: bytes, timeout: float, *, wait: bool = True) -> bytes:
    """What the server at host:port says first, or, when it waits for the client (a web server), what it
    answers to *hello*; b"" when it says nothing. Without *wait*, *hello* is said at once (the server was
    silent on another connection already)."""
    try:
        with socket.create_connection((host, port), timeout=min(timeout, 10)) as sock:
            sock.settimeout(min(timeout, 3))
            said = b""
            if wait:
                try:
                    said = sock.recv(512)
                except TimeoutError:
                    said = b""
            if not said:
                sock.sendall(hello)
                said = sock.recv(512)
            return _rest_of_line(sock, said, min(timeout, 3))
    except OSError:
        return b""


def _rest_of_line(sock: socket.socket, said: bytes, seconds: float) -> bytes:
    """*said* and what follows it on the socket up to the end of its first line, for at most *seconds*: a server
    that sends its greeting a byte at a time is judged by its first words, not by its first byte."""
    deadline = time.monotonic() + seconds
    while said and b"\n" not in said and len(said) < 512 and (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            more = sock.recv(512 - len(said))
        except OSError:
            break
        if not more:
            break
        said += more
    return said


def speaks_tls(host: str, port: int, timeout: float) -> bool:
    """Whether the server at host:port answers a TLS handshake (its certificate unchecked: only the protocol is
    asked), as an implicit-TLS port (SMTPS 465, IMAPS 993) does while it stays silent to a client in clear text."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with socket.create_connection((host, port), timeout=min(timeout, 10)) as sock:
            sock.settimeout(min(timeout, 3))
            with context.wrap_socket(sock, do_handshake_on_connect=True):
                return True
    except ssl.SSLError as exc:  # an alert is a TLS server's answer (a version it will not speak, say)
        return "ALERT" in str(exc.reason or "").upper()
    except OSError:
        return False


def answered(exc: BaseException) -> bool:
    """Something listens there (a refused connection or an unknown host is no other protocol): an answer
    not understood, or silence (a web server waits for the client to speak first)."""
    return not isinstance(exc, ConnectionRefusedError | socket.gaierror)


def not_the_protocol(host: str, port: int, expected: str, timeout: float, *, wait: bool = True) -> str | None:
    """'HOST:PORT answered, but not as an SMTP server (it looks like HTTP)', or None when the server cannot
    be told apart from one speaking *expected* ("SMTP", "IMAP")."""
    hello = b"EHLO mailbot.invalid\r\n" if expected == "SMTP" else b"a1 CAPABILITY\r\n"
    said = _probe(host, port, hello, timeout, wait=wait)
    if not said and not speaks_tls(host, port, timeout):
        return None
    if said and could_be(said, expected):  # its greeting, or the start of one still coming
        return None
    looks = protocol_of(said) if said else "TLS"
    if looks == "TLS":
        what = _EXPECTS_TLS
    elif looks:
        what = f"it looks like {looks}"
    else:
        line = said.split(b"\n", 1)[0].rstrip(b"\r").decode("ascii", "replace")
        # only printable ASCII reaches the terminal: a replacement character or a byte of junk is a "?"
        shown = "".join(c if c.isprintable() and c.isascii() else "?" for c in line)[:60].strip()
        binary = sum(c != "?" for c in shown) < len(shown) / 2
        what = ("it sent binary data, not text" if shown and binary
                else f'its first words were "{shown}"' if shown else "it sent no text")
    return f"{host}:{port} answered, but not as an {expected} server ({what})"


def wrong_port(host: str, port: int, expected: str, timeout: float, *, wait: bool = True) -> str | None:
    """The one line (without its "inbox: " or "outbox: ") for a port that answers in another protocol than
    *expected*, with the fix, or None: said alike by `check-config --connect` and by `mailbot run`."""
    other = not_the_protocol(host, port, expected, timeout, wait=wait)
    key = "inbox" if expected == "IMAP" else "outbox"
    if other and _EXPECTS_TLS in other:  # an implicit-TLS port (465, 993) spoken to in clear text
        plain = "587" if expected == "SMTP" else "143"
        return (f'{other}; it is an implicit-TLS port: set {key}.tls = "implicit" (or use the server\'s port for '
                f'STARTTLS, usually {plain}, with tls = "starttls")')
    return f"{other}; check {key}.host, port and tls" if other else None


def refuse_if_silent_and_other(sock: socket.socket, host: str, port: int, expected: str, timeout: float) -> None:
    """On a plain connection just opened to a server that should greet first: when it has said nothing within
    SILENCE_SECONDS, ask it on a connection of its own what it speaks, and raise OtherProtocolError (closing
    *sock*) when it answers in another protocol. So a web server at a mail setting's port is told in seconds,
    not after the whole greeting timeout; a slow mail server is waited for as before (the probe, asked
    early, answers as one)."""
    if timeout <= SILENCE_SECONDS or select.select([sock], [], [], SILENCE_SECONDS)[0]:
        return
    if other := wrong_port(host, port, expected, timeout, wait=False):
        sock.close()
        raise OtherProtocolError(other)


def unreachable_words(exc: BaseException) -> str:
    """Why a connection could not be made or was lost at once, in plain words (no Python exception text)."""
    if isinstance(exc, ConnectionRefusedError) or getattr(exc, "errno", None) == errno.ECONNREFUSED:
        return "nothing listens on that port (the connection was refused)"
    if isinstance(exc, socket.gaierror):
        return "the host name is not known"
    if isinstance(exc, SlowGreeting):
        return f"the server is slow: {exc}"
    if _timed_out(exc):
        return "no answer in time"
    if (isinstance(exc, ConnectionResetError | BrokenPipeError | EOFError | smtplib.SMTPServerDisconnected)
            or closed_at_once(exc)):
        return "the server closed the connection"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[:1].lower() + exc.strerror[1:]
    return " ".join(str(exc).split()) or "the connection failed"


def passes(exc: BaseException) -> bool:
    """A connection refused (nothing listening: a server restarting) or closed at once: `mailbot run` tries
    again, and `check-config --connect` says the server is not reachable now, no configuration error."""
    if _timed_out(exc):  # smtplib says a greeting that never came as a closed connection: a silent server
        return False
    return (isinstance(exc, ConnectionRefusedError | ConnectionResetError | EOFError | smtplib.SMTPServerDisconnected)
            or getattr(exc, "errno", None) == errno.ECONNREFUSED or closed_at_once(exc))


def _timed_out(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or "timed out" in str(exc).lower()


def closed_at_once(exc: BaseException) -> bool:
    """imaplib's word for a connection the server closed before its greeting ("socket error: EOF")."""
    return isinstance(exc, imaplib.IMAP4.abort) and "EOF" in str(exc)
