"""The path one message walks, in order:

    fetch       inbox.fetch_new()                       transports/ (Maildir, IMAP)
    intake      store raw bytes under a unique key      intake()
    limits      size, attachments, MIME depth           limits()      -+ judge(): pure; run in a
    read        the pure reader's verdict               read()         | reading process, a batch
    guard       sender trust, automated mail            guard()       -+ ahead of the database
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

The three pure steps (limits, read, guard) need nothing but the bytes and the rules from config,
so `mailbot run` does them in a process of its own (mailbot.runners.ReadingProcess), one batch ahead
of the database work, on a second core; the outbox is sent from a third (mailbot.outbox.SenderProcess).
The driver that feeds batches through these steps (mailbot.runners.process_inbox) lives there too.
"""
from __future__ import annotations

import email
import email.parser
import email.policy
import hashlib
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property

from sqlalchemy.orm import Session

from mailbot import attention, conversation, quarantine, routes, stated
from mailbot.config import Config
from mailbot.desk import Desk, reader_districts
from mailbot.errors import LimitExceeded, MailbotError, Quarantine, UnreadableError
from mailbot.guards.headers import header_block
from mailbot.guards.limits import MAX_PARSED_HEADER_CHARS, check_limits
from mailbot.guards.threads import content_digest, identify, safe_message_id
from mailbot.guards.trust import SenderTrust, assess_sender
from mailbot.outcomes import MessageOutcome
from mailbot.reader import ReadLimits, read_message
from mailbot.reader.mime import header_line, without_byte_order_marks
from mailbot.reader.verdict import District, Verdict, bounded
from mailbot.store import repo
from mailbot.store.db import database_unreachable, storage_error
from mailbot.store.schema import Message
from mailbot.transports.base import Acknowledger, IncomingMessage

log = logging.getLogger(__name__)


@dataclass
class Work:
    """One message on its way through the steps; each step fills in its part."""

    incoming: IncomingMessage
    now: datetime
    raw: bytes = b""
    dedup_key: str = ""
    message: Message | None = None
    judged: Judgment | None = None  # the pure steps' result, when a reading process made it ahead
    verdict: Verdict | None = None
    trust: SenderTrust | None = None
    outcome: MessageOutcome | None = None
    queued: bool = False  # ended with no action and put in the operator's queue (mailbot.attention)
    replay: bool = False  # process again a message stored as quarantined
    claimed: Message | None = None  # a stored message with the same Message-ID that is another message
    inserted: bool = False  # route() inserted the message row (repo.insert_message)
    written: datetime | None = None  # the message's Date, from the judgment (stated.date_written)


# --- the steps, in order -------------------------------------------------------------------------

def intake(session: Session, desk: Desk, rules: Rules, work: Work) -> bool:
    """Store the raw bytes under a unique key. False when the message is already known.

    A Message-ID is only the sender's claim. A message under a Message-ID already stored is the same
    message (a duplicate: fetched again after a crash, imported twice, delivered into two folders) only
    when it says the same (guards.threads.content_digest) and is no better vouched for: a message that
    differs, or one the office's server authenticated where the stored one was not, is a new message,
    stored under a longer key (Claim.keys) and read on its own; *work.claimed* names the stored one.
    """
    if work.incoming.raw is None:
        raise Quarantine(work.incoming.too_big_reason or "message could not be fetched")
    work.raw = work.incoming.raw
    message_id, key = identify(work.raw)
    claim = Claim(work.raw, rules, work.judged.trust if work.judged is not None else None)
    existing: Message | None = None
    first: Message | None = None  # the stored message that claims the same Message-ID and differs
    for work.dedup_key in claim.keys(key) if message_id is not None else (key,):
        # Most messages are new: a plain indexed look-up first, the ORM row only for one already stored.
        existing = repo.find_message(session, work.dedup_key) if repo.message_known(session, work.dedup_key) else None
        if existing is None or message_id is None or claim.same_as(existing.raw):
            break
        first = first or existing  # and should every key be taken (it cannot be), a duplicate of the last
    if existing is not None and work.replay and existing.status == "quarantined":
        attention.replayed(session, desk, existing)
        session.delete(existing)
        session.flush()
        existing = None
    if existing is None and first is not None:
        work.claimed = first
        log.warning("message %s carries the Message-ID %s of stored message #%d but is another message: "
                    "read on its own", work.incoming.key, message_id, first.id)
    if existing is not None:
        work.message = existing
        work.outcome = (MessageOutcome.DUPLICATE if existing.status == "processed"
                        else MessageOutcome.DUPLICATE_QUARANTINED)
        return False
    work.message = Message(
        dedup_key=work.dedup_key, message_id=message_id, inbox_key=work.incoming.key,
        sender=None, subject="", size=len(work.raw), sha256=hashlib.sha256(work.raw).hexdigest(),
        raw=work.raw, received_at=work.now, status="processed",
    )
    session.add(work.message)  # inserted by route(), once judged
    return True


class Claim:
    """A new message against the stored ones under its Message-ID: its content digest and whether the office's
    server authenticated it, each worked out only when a stored message asks."""

    def __init__(self, raw: bytes, rules: Rules, trust: SenderTrust | None) -> None:
        self.raw, self.rules, self._trust = raw, rules, trust

    @cached_property
    def digest(self) -> str:
        return content_digest(self.raw)

    @cached_property
    def authenticated(self) -> bool:
        return self._trust.authenticated is True if self._trust is not None else _authenticated(self.raw, self.rules)

    def keys(self, key: str) -> Iterator[str]:
        """The unique keys this message may be stored under, in order: its Message-ID's; that with its content
        digest; for an authenticated message, that marked authenticated (beside the same content unvouched for)."""
        yield key
        yield f"{key} content:{self.digest}"
        if self.authenticated:
            yield f"{key} content:{self.digest} authenticated"

    def same_as(self, stored: bytes | None) -> bool:
        """Whether the stored message (its raw bytes) is this one: the same content, and vouched for at least as
        well. A row without its bytes cannot be compared: it is taken as the same, as before."""
        if stored is None:
            return True
        if content_digest(stored) != self.digest:
            return False
        return not self.authenticated or _authenticated(stored, self.rules)


def _authenticated(raw: bytes, rules: Rules) -> bool:
    """Whether the office's server vouched for the sender of *raw* (guard()); False when it cannot tell."""
    try:
        return guard(raw, rules).authenticated is True
    except Exception:  # noqa: BLE001 - headers the guard cannot read vouch for nothing
        return False


# limits, read and guard are pure: bytes and rules in, a Judgment out. judge() runs them in order.

@dataclass(frozen=True)
class Rules:
    """What the pure steps need from config, as plain values (sent once to a reading process)."""

    districts: tuple[District, ...]
    own_addresses: tuple[str, ...]
    district_senders: dict[str, str]
    managers: tuple[str, ...]
    authserv_id: str | None
    require_authentication: bool
    max_message_bytes: int
    max_attachments: int
    max_attachment_bytes: int
    max_parse_seconds: float
    max_mime_parts: int
    max_mime_depth: int
    max_figure: int  # a figure above it is a doubt, never booked ([stock] max_quantity_per_movement)

    @classmethod
    def of(cls, config: Config) -> Rules:
        g = config.guards
        return cls(
            districts=reader_districts(config), own_addresses=tuple(config.own_addresses),
            district_senders={s: d.code for d in config.districts for s in d.senders},
            managers=tuple(config.office.managers), authserv_id=g.authserv_id,
            require_authentication=g.require_authentication, max_message_bytes=g.max_message_bytes,
            max_attachments=g.max_attachments, max_attachment_bytes=g.max_attachment_bytes,
            max_parse_seconds=g.max_parse_seconds, max_mime_parts=g.max_mime_parts, max_mime_depth=g.max_mime_depth,
            max_figure=config.stock.max_quantity_per_movement,
        )

    def untimed(self) -> Rules:
        """The same rules with the parse-time limit at its ceiling, for measuring the reader: on a loaded
        machine a message that reads in a second could pass the desk's few seconds, and a score must not
        depend on the load."""
        return replace(self, max_parse_seconds=600.0)

    @property
    def read_limits(self) -> ReadLimits:
        """The reader's own limits. The attachment limits are not among them: limits() has checked those
        (guards.limits.check_limits, one definition of an attachment and its size) before reading."""
        return ReadLimits(max_mime_parts=self.max_mime_parts, max_mime_depth=self.max_mime_depth)


@dataclass(frozen=True)
class Judgment:
    """What the pure steps make of one message: the verdict and the sender's trust, or why it is refused."""

    verdict: Verdict | None = None
    trust: SenderTrust | None = None
    refused: str | None = None  # a limit, not an email, too slow to read: quarantined with this reason
    seconds: float = 0.0  # how long the pure steps took
    written: datetime | None = None  # its Date (stated.date_written), read here rather than in the database's process
    quoted: dict[str, object] | None = None  # what it quotes or forwards that routing needs (Message.quoted)


def limits(raw: bytes, rules: Rules) -> None:
    """Refuse, before reading, anything over the configured size, MIME shape and attachment limits. A fault of
    the checks on odd bytes refuses the message in one line too, as a fault of the reader does."""
    try:
        violation = check_limits(raw, max_message_bytes=rules.max_message_bytes,
                                 max_attachments=rules.max_attachments, max_attachment_bytes=rules.max_attachment_bytes,
                                 max_parts=rules.max_mime_parts, max_depth=rules.max_mime_depth)
    except Exception as exc:  # noqa: BLE001 - one message's bytes never stop `parse`, `reread` or the run
        detail = " ".join(str(exc).split())[:200]
        raise UnreadableError(f"the size and shape checks failed: {type(exc).__name__}: {detail}") from exc
    if violation is not None:
        raise LimitExceeded(violation.reason)


def read(raw: bytes, rules: Rules) -> Verdict:
    """The reader's verdict, within the parse-time limit."""
    with time_limit(rules.max_parse_seconds):
        verdict = read_message(raw, rules.districts, own_addresses=rules.own_addresses, limits=rules.read_limits)
    return bounded(verdict, rules.max_figure)


def read_within_limits(raw: bytes, rules: Rules) -> Verdict:
    """limits, then read: what `mailbot parse` and `mailbot reread` show; raises MailbotError with one line."""
    limits(raw, rules)
    return read(raw, rules)


def guard(raw: bytes, rules: Rules) -> SenderTrust:
    """Who sent it and may we act on it automatically (from the headers only)."""
    # not the body, read line by line; a byte order mark before the headers left aside, as the reader does
    headers = email.parser.BytesHeaderParser().parsebytes(header_block(without_byte_order_marks(raw)))
    return assess_sender(
        headers, district_senders=rules.district_senders, manager_addresses=rules.managers,
        authserv_id=rules.authserv_id, require_authentication=rules.require_authentication,
    )


def judge(raw: bytes, rules: Rules) -> Judgment:
    """limits, read and guard, in order. A refusal is a value; any other error is raised."""
    started = time.monotonic()
    try:
        limits(raw, rules)
        verdict = read(raw, rules)
    except MailbotError as exc:
        return Judgment(refused=str(exc), seconds=time.monotonic() - started)
    try:
        trust = guard(raw, rules)
    except Exception as exc:  # noqa: BLE001 - headers the guard cannot read are no sender to act for
        log.warning("the sender guard failed: %s: %s", type(exc).__name__, exc)
        return Judgment(refused=f"sender headers could not be read ({type(exc).__name__})",
                        seconds=time.monotonic() - started)
    return Judgment(verdict, trust, seconds=time.monotonic() - started, written=stated.date_written(raw),
                    quoted=conversation.quoted_facts(raw, verdict, trust, rules.read_limits))


def record_judgment(work: Work, judged: Judgment) -> None:
    """Fill in the message row from the judgment; a refused message is quarantined."""
    if judged.refused is not None:
        raise Quarantine(judged.refused)
    assert judged.verdict is not None and judged.trust is not None and work.message is not None
    v, t = work.verdict, work.trust = judged.verdict, judged.trust
    work.written = judged.written
    m = work.message
    m.sender, m.subject = db_text(v.sender, 320) if v.sender else None, db_text(v.subject)
    m.kind, m.district, m.verdict, m.quoted = v.kind, v.district, v.as_dict(), judged.quoted
    m.guard = {
        "address": t.address, "district": t.district, "is_manager": t.is_manager, "on_list": t.on_list,
        "authenticated": t.authenticated, "trusted": t.trusted, "reasons": list(t.reasons),
        **({"message_id_shared_with": work.claimed.id} if work.claimed is not None else {}),
    }


def route(session: Session, desk: Desk, work: Work) -> None:
    """Record what the message says, decide, and queue the answers (see mailbot.routes)."""
    assert work.verdict is not None and work.trust is not None and work.message is not None
    # the message row, complete, before anything refers to it
    if work.message in session.new:
        repo.insert_message(session, work.message)
        work.inserted = True
    else:
        session.flush()
    work.outcome = routes.dispatch(session, desk, work.message, work.verdict, work.trust)
    if not work.outcome.is_follow_up and work.outcome not in (MessageOutcome.CORRECTION_UNMATCHED,
                                                              MessageOutcome.REPEATED_REQUEST,
                                                              MessageOutcome.ASKED_BEFORE,
                                                              MessageOutcome.REMINDER):
        # a follow-up's stock is the stock of the request it followed up, kept there (mailbot.conversation);
        # a correction that fits no request states no stock a person has not read; a request (or a mail we asked
        # back about) sent again states the stock its first copy stated (recorded then); a reminder's stock is
        # kept by the reminder as its own (never as a daily report, which the reader may call a mail that states
        # a stock)
        stated.record(session, desk, work.message, work.verdict, work.trust, written=work.written)
    work.queued = attention.after_route(session, desk, work.message, work.verdict, work.trust, work.outcome)
    if work.claimed is not None:
        attention.message_id_shared(session, desk, work.message, work.claimed)
        work.queued = True


# --- running the steps ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """What became of one message of the inbox: *label* is its line in logs and the run summary."""

    key: str
    outcome: MessageOutcome
    error: str | None = None
    queued: bool = False

    @property
    def label(self) -> str:
        return self.outcome.value + ("+queued" if self.queued else "")


def process(desk: Desk, inbox: Acknowledger, incoming: IncomingMessage, *, replay: bool = False) -> Outcome:
    """Walk one message through the steps; commit; then acknowledge (or quarantine) it in the inbox."""
    return process_batch(desk, inbox, [incoming], replay=replay)[0]


def process_batch(desk: Desk, inbox: Acknowledger, batch: list[IncomingMessage], *, replay: bool = False,
                  should_stop: Callable[[], bool] = lambda: False,
                  judged: list[Judgment | None] | None = None) -> list[Outcome]:
    """Walk each message through the steps in one transaction; after the commit, acknowledge each.

    *judged* holds the pure steps' results made ahead (by a reading process), one per message;
    without it they are made here, and only for messages not already stored.
    Nothing is acknowledged before the commit: a crash anywhere leaves every message of the batch
    in the inbox, to be read again and found (or not) by its unique key.
    """
    done: list[tuple[Work, str | None]] = []
    quarantined: list[quarantine.QuarantinedEntry] = []  # told to the operator in one notice, at the group's end
    rules = Rules.of(desk.config)
    with desk.sessions.begin() as session:
        for i, incoming in enumerate(batch):
            work = Work(incoming=incoming, now=desk.now(), replay=replay, judged=judged[i] if judged else None)
            started = time.monotonic()
            ahead = work.judged.seconds if work.judged is not None else 0.0
            error = _walk(session, desk, rules, work)
            if error is not None:
                stored, newly = _quarantine_row(session, work, error)
                if not stored:
                    continue  # not even a bare row could be stored: it stays in the inbox, unacknowledged
                if newly is not None:
                    quarantined += _tell_quarantined(session, desk, newly, incoming, notify=not replay)
            done.append((work, error))
            log.info("message %s: read ahead in %.3f s, walked in %.3f s", incoming.key, ahead,
                     time.monotonic() - started)
            if should_stop():
                break
        _tell_operator(session, desk, quarantined)
    return [_acknowledge(inbox, work, error) for work, error in done]


def _walk(session: Session, desk: Desk, rules: Rules, work: Work) -> str | None:
    """Run the steps inside a savepoint; the error that quarantines the message, or None."""
    try:
        with session.begin_nested():
            if intake(session, desk, rules, work):
                record_judgment(work, work.judged or judge(work.raw, rules))
                route(session, desk, work)
    except (Quarantine, MailbotError) as exc:
        _forget(session, work)
        return db_text(str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad message must never stop the run
        if database_unreachable(exc) or storage_error(exc):
            raise  # no fault of the message (the database away, its disk full): the pass ends, the group stays in
            # the inbox for the next one
        _forget(session, work)
        log.exception("message %s failed", work.incoming.key)
        return db_text(f"{type(exc).__name__}: {exc}")
    return None


def _forget(session: Session, work: Work) -> None:
    """After the message's savepoint rolled back: the rows it added are gone, and so are the ORM rows held for them
    (the message row route() inserted; the requests an open-request look-up holds for the group)."""
    repo.let_go_of_requests(session)
    if work.inserted:
        repo.forget_message(session, work.message)
        work.inserted = False


def _acknowledge(inbox: Acknowledger, work: Work, error: str | None) -> Outcome:
    key = work.incoming.key
    if error is not None:
        inbox.quarantine(key, error)
        log.warning("quarantined %s: %s", key, error)
        return Outcome(key, MessageOutcome.QUARANTINED, error)
    if work.outcome is MessageOutcome.DUPLICATE_QUARANTINED:
        inbox.quarantine(key, "already quarantined")
        return Outcome(key, MessageOutcome.DUPLICATE)
    assert work.outcome is not None  # every walk that did not fail ends with an outcome
    result = Outcome(key, work.outcome, queued=work.queued)
    inbox.acknowledge(key)
    log.info("processed %s: %s", key, result.label)
    return result


def _quarantine_row(session: Session, work: Work, error: str) -> tuple[bool, Message | None]:
    """Keep a failed message (raw bytes and error), so nothing is lost: (stored, the row when it is new).

    The row holds only text every database takes (see db_text()); should the From and Subject
    shown to the operator still be refused, the row is stored without them. (False, None) when not
    even that could be stored.
    """
    for summary in (True, False):
        try:
            with session.begin_nested():
                return True, _store_quarantined(session, work, error, summary=summary)
        except Exception as exc:  # noqa: BLE001 - the quarantine must not take the group down with it
            log.error("storing quarantined message %s failed: %s: %s", work.incoming.key, type(exc).__name__,
                      db_text(str(exc), 300))
    return False, None


def _tell_quarantined(session: Session, desk: Desk, row: Message, incoming: IncomingMessage, *,
                      notify: bool) -> list[quarantine.QuarantinedEntry]:
    """A person reads it (the "perlu dibaca" queue); with *notify*, a district sender who passes the sender
    checks hears once: how to fix it, or that a person will read it; and the entry for the operator's notice
    is returned. A failure to tell never stops the group."""
    try:
        with session.begin_nested():
            trust = _sender_trust(row.raw or incoming.headers, desk)
            trusted = trust is not None and trust.trusted
            entry = quarantine.tell(session, desk, row, incoming, sender_trusted=trusted) if notify else None
            acknowledged = attention.quarantined(
                session, desk, row, trust,
                acknowledge_sender=notify and not (entry is not None and entry.told_sender)
                and not (trusted and quarantine.automated(desk, row.raw or incoming.headers)))
            if entry is not None and acknowledged:
                entry = replace(entry, acknowledged=True)  # the operator reads that the sender was told
            return [entry] if entry is not None else []
    except Exception as exc:  # noqa: BLE001 - the message is safely quarantined already
        log.error("telling about quarantined message %s failed: %s: %s", incoming.key, type(exc).__name__,
                  db_text(str(exc), 300))
        return []


def _tell_operator(session: Session, desk: Desk, entries: list[quarantine.QuarantinedEntry]) -> None:
    """The operator's one notice for the group's quarantined messages; a failure to tell never stops the group."""
    try:
        with session.begin_nested():
            quarantine.tell_operator(session, desk, entries)
    except Exception as exc:  # noqa: BLE001 - the messages are safely quarantined already
        log.error("telling the operator about %d quarantined message(s) failed: %s: %s", len(entries),
                  type(exc).__name__, db_text(str(exc), 300))


def _store_quarantined(session: Session, work: Work, error: str, *, summary: bool) -> Message | None:
    raw = work.incoming.raw
    key = work.dedup_key or (identify(raw)[1] if raw is not None else f"inbox:{db_text(work.incoming.key, 900)}")
    row = repo.find_message(session, key)
    if row is None:
        headers = raw or work.incoming.headers
        sender, subject = _header_summary(headers) if summary else (None, "")
        row = Message(
            dedup_key=key, message_id=safe_message_id(headers), inbox_key=db_text(work.incoming.key, 500),
            sender=db_text(sender, 320) if sender else None, subject=db_text(subject, 300),
            size=work.incoming.size, sha256=hashlib.sha256(raw).hexdigest() if raw is not None else "",
            raw=raw, received_at=work.now, status="quarantined",
            error=db_text(error + (f"; its Message-ID is also that of message #{work.claimed.id}, another message"
                                   if work.claimed is not None else "")),
        )
        session.add(row)
        session.flush()
        return row
    if row.status != "processed":
        row.status, row.error = "quarantined", db_text(error)
        session.flush()
    return None


def db_text(value: str, limit: int | None = None) -> str:
    r"""*value* as text every database stores: lone surrogates (undecodable bytes) and NUL, which
    PostgreSQL refuses in text, written as backslash escapes; cut to *limit* characters.

    >>> db_text("Op\udce9rator\x00 <a@b>")
    'Op\\udce9rator\\x00 <a@b>'
    """
    text = value.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")
    return text[:limit] if limit is not None else text


# --- helpers -------------------------------------------------------------------------------------

def _sender_trust(raw: bytes | None, desk: Desk) -> SenderTrust | None:
    """Who sent a message that could not be processed (from its headers); None when they cannot be read."""
    if not raw:
        return None
    try:
        return guard(raw[:65536], Rules.of(desk.config))
    except Exception:  # noqa: BLE001 - a best effort on a message that already failed
        return None


def _header_summary(raw: bytes | None) -> tuple[str | None, str]:
    """From address and Subject of a message that could not be processed, for the operator; never raises."""
    if not raw:
        return None, ""
    try:
        # the header block read as text, and only the From and Subject parsed for their structure: each within
        # the limit of a parsed field (a From of 100,000 characters costs the parser seconds)
        headers = email.parser.BytesHeaderParser(policy=email.policy.default).parsebytes(raw[:1 << 20])
        # a field is parsed when it is read: its length as written (raw_items) is checked first
        written: dict[str, int] = {}
        for name, value in headers.raw_items():
            written.setdefault(name.lower(), len(value))  # the first of a name, as get() reads it
        address, subject = None, ""
        if written.get("from", 0) <= MAX_PARSED_HEADER_CHARS:
            sender = headers.get("From")
            address = sender.addresses[0].addr_spec if sender is not None and sender.addresses else None
        if written.get("subject", 0) <= MAX_PARSED_HEADER_CHARS:
            subject = header_line(str(headers.get("Subject") or ""))  # control characters dropped, as read
        return (address or None), subject[:300]
    except Exception:  # noqa: BLE001 - this is a best effort on a message that already failed
        return None, ""


_UNTIMED_THREADS: set[str] = set()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise LimitExceeded if the block runs longer than *seconds*.

    SIGALRM reaches the main thread only: in any other thread the block runs untimed, and the
    first such block of each thread says so in the log (once, not once per message).
    """
    if threading.current_thread() is not threading.main_thread():
        name = threading.current_thread().name
        if name not in _UNTIMED_THREADS:
            _UNTIMED_THREADS.add(name)
            log.warning("parse_seconds is not enforced in thread %r: reading there runs untimed "
                        "(SIGALRM reaches the main thread only)", name)
        yield
        return

    def _expired(_signum: int, _frame: object) -> None:
        raise LimitExceeded(f"parse_seconds: reading took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
