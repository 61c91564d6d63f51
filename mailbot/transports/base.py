"""The two ports the pipeline talks to: an Inbox to read from, a Sender to deliver through; and the part of an
Inbox the steps need once a message's transaction commits (Acknowledger)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class IncomingMessage:
    """One message as the inbox hands it over.

    key: the inbox's own stable handle ("maildir:<filename>" or
    "imap:<mailbox>:<uidvalidity>:<uid>"), used to acknowledge it later.
    raw: the full RFC 5322 bytes, or None when the message was too big to
    fetch (then too_big_reason says why, size is its declared size, and headers
    holds its header block where the inbox could read it, to tell its sender).
    """

    key: str
    raw: bytes | None
    size: int
    too_big_reason: str | None = None
    headers: bytes | None = None


class Acknowledger(Protocol):
    """Where a message the steps walked is put away, only after the database commit: what mailbot.pipeline needs
    of the place a message came from. Every Inbox is one; so is the archive a replay reads a message from again
    (mailbot.rereading), where there is nothing to move."""

    def acknowledge(self, key: str) -> None:
        """Move the message out of the inbox (processed). Safe to repeat."""
        ...

    def quarantine(self, key: str, reason: str) -> None:
        """Move the message to quarantine. Safe to repeat."""
        ...


class Inbox(Acknowledger, Protocol):
    """Where district mail is read from. Acknowledge only after the database commit."""

    def fetch_new(self) -> Iterator[IncomingMessage]:
        """Yield messages not yet acknowledged, oldest first, in batches internally."""
        ...

    def wait_for_mail(self, timeout: float) -> bool:
        """Block up to *timeout* seconds until new mail may be there (IMAP IDLE). True if woken."""
        ...

    def interrupt(self) -> None:
        """From another thread: end a wait_for_mail() now, and every one after it (for a stop)."""
        ...

    def stop_waiting(self) -> None:
        """From a signal handler in the thread that reads (for a stop): end a wait on a server that has not
        answered yet now, not after its timeout and every retry. An inbox that never waits on a server (a
        Maildir) does nothing."""
        ...

    def dropped(self) -> bool:
        """From another thread, between passes: whether the server ended the connection in hand (the next pass
        would find it gone, and should come now to say so). An inbox with no connection to lose (a Maildir) is
        never dropped."""
        ...

    def limit_refusal(self) -> str | None:
        """From another thread, between passes: what the server said when it refused this inbox's connection for the
        user's limit of connections, while its tries still fail; None otherwise. An inbox with no server to refuse it
        (a Maildir) has none."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class OutgoingMessage:
    """One rendered message ready to send: envelope plus full RFC 5322 bytes."""

    message_id: str
    sender: str
    recipients: tuple[str, ...]
    raw: bytes


class Sender(Protocol):
    """Where replies, alerts and digests are delivered.

    send_batch delivers each message and returns, per message_id, None on
    success or the exception for a failure (TemporaryDeliveryError to retry,
    PermanentDeliveryError to give up). One connection is reused for a batch.
    Each outcome is also handed to *on_result* as soon as it is known, before
    the next message is tried, so the caller can record it there.
    """

    def send_batch(self, messages: list[OutgoingMessage], *,
                   on_result: Callable[[str, Exception | None], None] | None = None,
                   ) -> dict[str, Exception | None]: ...

    def stop_waiting(self) -> None:
        """From a signal handler (a stop): a mail in progress gets a short grace, then its connection is cut."""

    def close(self) -> None: ...


class CursorStore(Protocol):
    """Remembers, per IMAP mailbox, the UIDVALIDITY and the last UID seen (a hint, not the truth)."""

    def load_cursor(self, mailbox: str) -> tuple[int, int] | None:
        """(uidvalidity, last_uid) saved for *mailbox*, or None."""
        ...

    def save_cursor(self, mailbox: str, uidvalidity: int, last_uid: int) -> None: ...


class MemoryCursorStore:
    """A CursorStore kept in a dict: for reading a mailbox without a database (benchmarks, adapter tests)."""

    def __init__(self) -> None:
        self.saved: dict[str, tuple[int, int]] = {}

    def load_cursor(self, mailbox: str) -> tuple[int, int] | None:
        return self.saved.get(mailbox)

    def save_cursor(self, mailbox: str, uidvalidity: int, last_uid: int) -> None:
        self.saved[mailbox] = (uidvalidity, last_uid)
