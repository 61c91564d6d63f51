"""What a server port speaks: its first words told apart (IMAP, SMTP, POP3, SSH, HTTP, TLS), so that a port
that answers in another protocol is said in one line, by `check-config --connect` and by `mailbot run` alike."""

from __future__ import annotations

import re
import socket


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


def _probe(host: str, port: int, hello: bytes, timeout: float) -> bytes:
    """What the server at host:port says first, or, when it waits for the client (a web server), what it
    answers to *hello*; b"" when it says nothing."""
    try:
        with socket.create_connection((host, port), timeout=min(timeout, 10)) as sock:
            sock.settimeout(min(timeout, 3))
            try:
                said = sock.recv(512)
            except TimeoutError:
                said = b""
            if not said:
                sock.sendall(hello)
                said = sock.recv(512)
            return said
    except OSError:
        return b""


def answered(exc: BaseException) -> bool:
    """Something listens there (a refused connection or an unknown host is no other protocol): an answer
    not understood, or silence (a web server waits for the client to speak first)."""
    return not isinstance(exc, ConnectionRefusedError | socket.gaierror)


def not_the_protocol(host: str, port: int, expected: str, timeout: float) -> str | None:
    """'HOST:PORT answered, but not as an SMTP server (it looks like HTTP)', or None when the server cannot
    be told apart from one speaking *expected* ("SMTP", "IMAP")."""
    hello = b"EHLO mailbot.invalid\r\n" if expected == "SMTP" else b"a1 CAPABILITY\r\n"
    said = _probe(host, port, hello, timeout)
    if not said:
        return None
    looks = protocol_of(said)
    if looks == expected:
        return None
    if looks == "TLS":
        what = "it expects TLS from the first byte"
    elif looks:
        what = f"it looks like {looks}"
    else:
        line = said.split(b"\n", 1)[0].rstrip(b"\r").decode("ascii", "replace")
        shown = "".join(c if c.isprintable() else "?" for c in line)[:60].strip()
        what = f'its first words were "{shown}"' if shown else "it sent no text"
    return f"{host}:{port} answered, but not as an {expected} server ({what})"


def wrong_port(host: str, port: int, expected: str, timeout: float) -> str | None:
    """The one line (without its "inbox: " or "outbox: ") for a port that answers in another protocol than
    *expected*, with the fix, or None: said alike by `check-config --connect` and by `mailbot run`."""
    other = not_the_protocol(host, port, expected, timeout)
    key = "inbox" if expected == "IMAP" else "outbox"
    return f"{other}; check {key}.host, port and tls" if other else None
