"""The path one message walks, in order:

    fetch       inbox.fetch_new()                       transports/ (Maildir, IMAP)
    intake      store raw bytes under a unique key      intake()
    limits      size, attachments, MIME depth           limits()
    read        the pure reader's verdict               read()        -> mailbot.reader
    guard       sender trust, automated mail            guard()       -> mailbot.guards
    record      request / report / receipt, ledger      route()       -> mailbot.routes
    decide      allocation policy                                     -> mailbot.actions, mailbot.stock
    render      reply from templates/                                 -> mailbot.render
    queue       outbox row in the same transaction                    -> mailbot.outgoing
    commit      one transaction per group of messages   process_batch()
    acknowledge inbox.acknowledge() after the commit    _acknowledge()
    send        the outbox worker, with retries         mailbot.outbox.flush()

Everything a message causes (its archive row, request, report, ledger entries, decision and
replies in the outbox) is written in the same database transaction, inside a savepoint of its
own. The inbox copy is acknowledged only after that transaction commits, and sending happens from
the outbox afterwards. A crash at any point therefore leaves either nothing (the message is read
again and processed once) or everything (the message is found by its unique key and only
acknowledged).
"""
from __future__ import annotations

import email
import email.parser
import email.policy
import hashlib
import logging
import re
import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from email.message import Message as EmailHeaders

from sqlalchemy.orm import Session

from mailbot import routes
from mailbot.app import Desk
from mailbot.errors import LimitExceeded, NotAnEmailError
from mailbot.guards.limits import check_limits
from mailbot.guards.threads import MESSAGE_ID
from mailbot.guards.trust import SenderTrust, assess_sender
from mailbot.reader import ReadLimits, read_message
from mailbot.reader.verdict import Verdict
from mailbot.store import repo
from mailbot.store.schema import Message
from mailbot.transports.base import Inbox, IncomingMessage

log = logging.getLogger(__name__)

# A Message-ID as RFC 5322 allows it: printable ASCII only. Anything else (a U+2028, bytes that
# did not decode) is no id, so it never reaches In-Reply-To or References of a reply.


@dataclass
class Work:
    """One message on its way through the steps; each step fills in its part."""

    incoming: IncomingMessage
    now: datetime
    raw: bytes = b""
    dedup_key: str = ""
    email: EmailHeaders | None = None
    message: Message | None = None
    verdict: Verdict | None = None
    trust: SenderTrust | None = None
    outcome: str = ""
    replay: bool = False  # process again a message stored as quarantined


class Quarantine(Exception):
    """A message that must not be processed, with the reason recorded beside it."""


# --- the steps, in order -------------------------------------------------------------------------

def intake(session: Session, desk: Desk, work: Work) -> bool:
    """Store the raw bytes under a unique key. False when the message is already known."""
    if work.incoming.raw is None:
        raise Quarantine(work.incoming.too_big_reason or "message could not be fetched")
    work.raw = work.incoming.raw
    message_id, work.dedup_key = identify(work.raw)
    # Most messages are new: a plain indexed look-up first, the ORM row only for one already stored.
    existing = repo.find_message(session, work.dedup_key) if repo.message_known(session, work.dedup_key) else None
    if existing is not None and work.replay and existing.status == "quarantined":
        session.delete(existing)
        session.flush()
        existing = None
    if existing is not None:
        work.message = existing
        work.outcome = "duplicate" if existing.status == "processed" else "duplicate-quarantined"
        return False
    # Only the headers are needed here (sender trust); the reader decodes the body itself.
    work.email = email.parser.BytesHeaderParser().parsebytes(work.raw)
    work.message = Message(
        dedup_key=work.dedup_key, message_id=message_id, inbox_key=work.incoming.key,
        sender=None, subject="", size=len(work.raw), sha256=hashlib.sha256(work.raw).hexdigest(),
        raw=work.raw, received_at=work.now, status="processed",
    )
    session.add(work.message)  # inserted by route(), once read and guard have filled it in
    return True


def limits(session: Session, desk: Desk, work: Work) -> None:
    """Refuse, before reading, anything over the configured size and attachment limits."""
    g = desk.config.guards
    violation = check_limits(work.raw, max_message_bytes=g.max_message_bytes, max_attachments=g.max_attachments,
                             max_attachment_bytes=g.max_attachment_bytes)
    if violation is not None:
        raise Quarantine(str(violation.reason))


def read(session: Session, desk: Desk, work: Work) -> None:
    """The reader's verdict, within the parse-time limit."""
    g = desk.config.guards
    with time_limit(g.max_parse_seconds):
        work.verdict = read_message(
            work.raw, desk.districts, own_addresses=desk.config.own_addresses,
            limits=ReadLimits(max_attachments=g.max_attachments, max_attachment_bytes=g.max_attachment_bytes),
        )
    assert work.message is not None
    v = work.verdict
    work.message.sender = v.sender
    work.message.subject = v.subject
    work.message.kind = v.kind
    work.message.district = v.district
    work.message.verdict = v.as_dict()


def guard(session: Session, desk: Desk, work: Work) -> None:
    """Who sent it and may we act on it automatically."""
    assert work.email is not None and work.message is not None
    config = desk.config
    senders = {s: d.code for d in config.districts for s in d.senders}
    work.trust = assess_sender(
        work.email, district_senders=senders, manager_addresses=config.office.managers,
        authserv_id=config.guards.authserv_id, require_authentication=config.guards.require_authentication,
    )
    t = work.trust
    work.message.guard = {
        "address": t.address, "district": t.district, "is_manager": t.is_manager, "on_list": t.on_list,
        "authenticated": t.authenticated, "trusted": t.trusted, "reasons": list(t.reasons),
    }


def route(session: Session, desk: Desk, work: Work) -> None:
    """Record what the message says, decide, and queue the answers (see mailbot.routes)."""
    assert work.verdict is not None and work.trust is not None and work.message is not None
    session.flush()  # the message row, complete, before anything refers to it
    work.outcome = routes.dispatch(session, desk, work.message, work.verdict, work.trust, work.email)


STEPS: tuple[Callable[[Session, Desk, Work], None], ...] = (limits, read, guard, route)


# --- running the steps ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    key: str
    outcome: str
    error: str | None = None


# Messages share one database transaction (group commit), each inside its own savepoint: one
# fsync per batch instead of per message, and a failing message still rolls back alone.
GROUP_COMMIT = 50


def process(desk: Desk, inbox: Inbox, incoming: IncomingMessage, *, replay: bool = False) -> Outcome:
    """Walk one message through the steps; commit; then acknowledge (or quarantine) it in the inbox."""
    return process_batch(desk, inbox, [incoming], replay=replay)[0]


def process_batch(desk: Desk, inbox: Inbox, batch: list[IncomingMessage], *, replay: bool = False,
                  should_stop: Callable[[], bool] = lambda: False) -> list[Outcome]:
    """Walk each message through the steps in one transaction; after the commit, acknowledge each.

    Nothing is acknowledged before the commit: a crash anywhere leaves every message of the batch
    in the inbox, to be read again and found (or not) by its unique key.
    """
    done: list[tuple[Work, str | None]] = []
    with desk.sessions.begin() as session:
        for incoming in batch:
            work = Work(incoming=incoming, now=desk.now(), replay=replay)
            error = _walk(session, desk, work)
            if error is not None:
                _quarantine_row(session, work, error)
            done.append((work, error))
            if should_stop():
                break
    return [_acknowledge(inbox, work, error) for work, error in done]


def _walk(session: Session, desk: Desk, work: Work) -> str | None:
    """Run the steps inside a savepoint; the error that quarantines the message, or None."""
    try:
        with session.begin_nested():
            if intake(session, desk, work):
                for step in STEPS:
                    step(session, desk, work)
    except (Quarantine, NotAnEmailError, LimitExceeded) as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad message must never stop the run
        log.exception("message %s failed", work.incoming.key)
        return f"{type(exc).__name__}: {exc}"
    return None


def _acknowledge(inbox: Inbox, work: Work, error: str | None) -> Outcome:
    key = work.incoming.key
    if error is not None:
        inbox.quarantine(key, error)
        log.warning("quarantined %s: %s", key, error)
        return Outcome(key, "quarantined", error)
    if work.outcome == "duplicate-quarantined":
        inbox.quarantine(key, "already quarantined")
        return Outcome(key, "duplicate")
    inbox.acknowledge(key)
    log.info("processed %s: %s", key, work.outcome)
    return Outcome(key, work.outcome)


def _quarantine_row(session: Session, work: Work, error: str) -> None:
    """Keep a failed message (raw bytes and error), so nothing is lost."""
    raw = work.incoming.raw
    key = work.dedup_key or (identify(raw)[1] if raw is not None else f"inbox:{work.incoming.key}")
    row = repo.find_message(session, key)
    if row is None:
        sender, subject = _header_summary(raw)
        session.add(Message(
            dedup_key=key, message_id=_safe_message_id(raw), inbox_key=work.incoming.key, sender=sender,
            subject=subject, size=work.incoming.size,
            sha256=hashlib.sha256(raw).hexdigest() if raw is not None else "",
            raw=raw, received_at=work.now, status="quarantined", error=error,
        ))
        session.flush()
    elif row.status != "processed":
        row.status, row.error = "quarantined", error


def process_inbox(desk: Desk, inbox: Inbox, *, should_stop: Callable[[], bool] = lambda: False,
                  group: int = GROUP_COMMIT, committed: Callable[[], None] = lambda: None) -> Counter[str]:
    """Process every new message, *group* to a transaction; stops between messages when *should_stop* says so.

    *committed* is called after each batch's commit (the outbox pump sends what it queued).
    """
    counts: Counter[str] = Counter()
    batch: list[IncomingMessage] = []
    for incoming in inbox.fetch_new():
        batch.append(incoming)
        if len(batch) >= group or should_stop():
            counts.update(o.outcome for o in process_batch(desk, inbox, batch, should_stop=should_stop))
            committed()
            batch = []
            if should_stop():
                return counts
    if batch:
        counts.update(o.outcome for o in process_batch(desk, inbox, batch, should_stop=should_stop))
        committed()
    return counts


# --- helpers -------------------------------------------------------------------------------------

def identify(raw: bytes) -> tuple[str | None, str]:
    """(Message-ID or None, unique key): 'mid:<Message-ID>' when there is one, else 'sha256:<hash of the bytes>'."""
    mid = _safe_message_id(raw)
    return mid, (f"mid:{mid}" if mid else f"sha256:{hashlib.sha256(raw).hexdigest()}")



_HEADER_END = re.compile(rb"\r?\n\r?\n")
_MID_HEADER = re.compile(rb"^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


def _safe_message_id(raw: bytes | None) -> str | None:
    if not raw:
        return None
    end = _HEADER_END.search(raw)
    head = raw[: end.start()] if end else raw[:65536]
    match = _MID_HEADER.search(head)
    if not match:
        return None
    mid = MESSAGE_ID.search(match.group(1).decode("ascii", "replace"))
    return mid.group(0)[:900] if mid else None


def _header_summary(raw: bytes | None) -> tuple[str | None, str]:
    """From address and Subject of a message that could not be processed, for the operator; never raises."""
    if not raw:
        return None, ""
    try:
        headers = email.parser.BytesHeaderParser(policy=email.policy.default).parsebytes(raw[:65536])
        sender = headers.get("From")
        address = sender.addresses[0].addr_spec if sender is not None and sender.addresses else None
        return (address or None), str(headers.get("Subject") or "")[:300]
    except Exception:  # noqa: BLE001 - this is a best effort on a message that already failed
        return None, ""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise LimitExceeded if the block runs longer than *seconds* (main thread only; elsewhere no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(_signum: int, _frame: object) -> None:
        raise LimitExceeded(f"reading took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
