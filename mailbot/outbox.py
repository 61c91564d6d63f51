"""The outbox worker: sends queued mail, retries with backoff, gives up on permanent errors and says so."""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.context
import multiprocessing.process
import os
import pickle
import select as io_select
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from mailbot.config import Config
from mailbot.desk import Desk
from mailbot.errors import (
    MISCONFIGURED_MARK,
    LockBusy,
    NotAttempted,
    PermanentDeliveryError,
    RecipientsRefusedError,
    SendingMisconfigured,
    SmtpConnectionError,
    TemporaryDeliveryError,
)
from mailbot.failures import RepeatedFailure
from mailbot.guards.brake import room_to_send
from mailbot.logs import log_to_stderr
from mailbot.outgoing import queue
from mailbot.store import repo
from mailbot.store.db import database_locked, database_unreachable, exclusive, service_running, storage_refusal
from mailbot.store.schema import OutboxMessage
from mailbot.store.sent_log import sent_log
from mailbot.store.urls import sqlite_file
from mailbot.transports.base import Sender
from mailbot.undelivered import failure_said

log = logging.getLogger(__name__)

# One flush at a time for the whole desk (threads, the sender process, CLI commands): see flush().
MAX_BACKOFF = timedelta(hours=6)
SEND_LEASE = timedelta(minutes=10)


@dataclass
class FlushResult:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    braked: int = 0
    busy: bool = False  # another sender (e.g. the running service) holds the send lock: it sends these
    misconfigured: str | None = None  # the SMTP server refuses mailbot itself: the configuration's to fix
    unreachable: int = 0  # mails not sent because the SMTP server could not be reached
    # per outbox id, the addresses this pass: the server took the mail for / refused for good / deferred
    delivered: dict[int, list[str]] = field(default_factory=dict)
    given_up: dict[int, list[str]] = field(default_factory=dict)
    deferred: dict[int, list[str]] = field(default_factory=dict)

    def add(self, other: FlushResult) -> None:
        self.sent += other.sent
        self.add_addresses(other)
        self.unreachable += other.unreachable
        self.retrying += other.retrying
        self.failed += other.failed
        self.braked = other.braked  # what the latest pass left waiting
        self.misconfigured = other.misconfigured or self.misconfigured

    def add_addresses(self, other: FlushResult) -> None:
        """Take in *other*'s addresses per outbox id (delivered, given up, deferred)."""
        for mine, theirs in ((self.delivered, other.delivered), (self.given_up, other.given_up),
                             (self.deferred, other.deferred)):
            for outbox_id, addresses in theirs.items():
                mine.setdefault(outbox_id, []).extend(addresses)


class ServerAway:
    """The SMTP server out of reach, as a sending loop sees it pass after pass: each mail it could not take is
    logged where it is recorded; when mail goes out again after that, one line says the server works again (as
    the IMAP connection says it of the mailbox)."""

    def __init__(self) -> None:
        self.failures = 0  # mails not sent for the server out of reach, since mail last went out

    def saw(self, result: FlushResult) -> None:
        """Take in the result of one pass of sending."""
        if result.unreachable:
            self.failures += result.unreachable
        elif result.sent and self.failures:
            log.warning("the SMTP server works again (after %d failed %s)", self.failures,
                        "try" if self.failures == 1 else "tries")
            self.failures = 0


class OutboxPump:
    """Sends the outbox from a thread of its own while the inbox is processed.

    Each committed batch nudges it, so replies to a long backlog go out while the rest is still
    being read, and the wait on the mail server overlaps the work on the next batch. Only one
    flush runs at a time in a process (flush's lock), so the pump and the scheduler's retry timer
    never send the same row twice.
    """

    def __init__(self, desk: Desk, sender: Sender, *, tell_misconfigured: bool = True) -> None:
        self.desk = desk
        self.sender = sender
        self._tell = tell_misconfigured  # False: the caller says it (`run --once`), see flush()
        self.result = FlushResult()
        self._nudge = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="outbox-pump", daemon=True)

    def start(self) -> OutboxPump:
        self._thread.start()
        return self

    def nudge(self) -> None:
        self._nudge.set()

    def _loop(self) -> None:
        # tried every second: told once, not each time
        failures = RepeatedFailure(log, "sending the outbox", database=self.desk.database_file)
        away = ServerAway()
        while not self._done.is_set():
            self._nudge.wait(1.0)
            self._nudge.clear()
            try:  # told to stop, it finishes the mail in hand; stop() sends the rest, or leaves it queued
                passed = flush(self.desk, self.sender, should_stop=self._done.is_set, tell_misconfigured=self._tell)
                self.result.add(passed)
                away.saw(passed)
            except Exception as exc:  # noqa: BLE001 - the queue stays; the next nudge or the final flush tries again
                failures.failed(exc)
            else:
                failures.succeeded()

    def stop(self, *, drain: bool = True, should_stop: Callable[[], bool] = lambda: False) -> FlushResult:
        """Stop the thread after the mail in hand; with *drain*, send what the last batch queued, asking
        *should_stop* after each mail; the whole pass's result.

        Without *drain* (the service told to stop) what is still queued stays for the next start."""
        self._done.set()
        self._nudge.set()
        self._thread.join()
        if drain and not should_stop():
            self.result.add(flush(self.desk, self.sender, should_stop=should_stop, tell_misconfigured=self._tell))
        return self.result


class SenderProcess:
    """The outbox worker in a process of its own, for `mailbot run`: the same job as OutboxPump.

    Reading and recording the inbox is Python work on one core; sending (smtplib, the server's
    replies) is more. In a thread the two take turns with the interpreter lock, and every database
    call of the inbox loop waits for the sender's turn to end; in a process of its own the sender
    uses the second core and waits for nothing. Rows are still sent by one worker at a time
    (flush() holds the desk-wide lock), and a resend keeps its Message-ID.

    The parent talks to it over a pipe it never blocks on (one byte: send now, or stop), so a
    sender that died cannot hang the parent; a dead one is replaced at the next nudge. It stops
    after the mail in hand when told to, when its parent is gone, or on SIGTERM.

    Create it before the database is opened (it forks a process with nothing open; with other
    threads already running it starts a fresh interpreter instead). It opens the database only on
    the first nudge, after the caller has migrated it. Stopping it, the caller sends what is left
    with stop(desk, sender).
    """

    STOP_SECONDS = 60.0  # a pass that ends: for the mail in hand; then the process is killed
    # A stop asked for (SIGTERM, Ctrl-C): a server that has not answered the mail in hand within this is cut off
    # (the process is killed): that one mail may go out once more at the next start (RFC 1047's window).
    STOP_GRACE = 5.0

    def __init__(self, config: Config, *, tell_misconfigured: bool = True) -> None:
        self._config = config
        self._tell = tell_misconfigured  # False: the caller says it (`run --once`), see flush()
        self._lock = threading.Lock()  # nudge() comes from the inbox loop and the scheduler's timer
        self._stopping = False
        self._context = multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn")

    def start(self) -> SenderProcess:
        with self._lock:
            self._start(self._context)
        return self

    def _start(self, context: multiprocessing.context.BaseContext) -> None:
        wake_read, wake_write = context.Pipe(duplex=False)
        result_read, result_write = context.Pipe(duplex=False)
        self._process: multiprocessing.process.BaseProcess = context.Process(  # type: ignore[attr-defined]
            target=_sender_main, name="mailbot-sender", daemon=True,
            args=(self._config, wake_read, wake_write, result_write, os.getpid(), logging.getLogger().level,
                  self._tell),
        )
        self._process.start()
        wake_read.close()
        result_write.close()
        os.set_blocking(wake_write.fileno(), False)
        self._wake, self._results = wake_write, result_read

    def _signal(self, byte: bytes) -> None:
        try:
            os.write(self._wake.fileno(), byte)
        except (BlockingIOError, BrokenPipeError):
            pass  # a full pipe already holds a nudge; a gone reader is replaced at the next nudge

    def nudge(self) -> None:
        """Wake the process to send; a process that died (it should not) is replaced first."""
        with self._lock:
            if self._stopping:
                return
            if not self._process.is_alive():
                log.error("the sender process ended (status %s); starting another", self._process.exitcode)
                self._close_pipes()
                self._start(multiprocessing.get_context("spawn"))  # other threads run by now: no fork
            self._signal(_SEND)

    def expect_stop(self) -> None:
        """Stop replacing the process from now on (the service was told to stop; so may this process
        have been, by the same signal). Safe in a signal handler: it takes no lock."""
        self._stopping = True

    def kill_now(self) -> None:
        """From a signal handler, before this process ends at once (a second Ctrl-C): the sender goes with it."""
        try:
            os.kill(self._process.pid or 0, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def _close_pipes(self) -> None:
        self._wake.close()
        self._results.close()

    def stop(self, desk: Desk, sender: Sender, *, drain: bool = True,
             should_stop: Callable[[], bool] = lambda: False) -> FlushResult:
        """Let the process finish the mail in hand and exit (killed after STOP_SECONDS, or STOP_GRACE when a stop
        was asked for: no *drain*, or *should_stop*); with *drain*,
        then send what is left (`run --once`), asking *should_stop* after each mail; without, it stays
        queued for the next start (a service told to stop finishes what it has in hand, not the whole
        outbox)."""
        with self._lock:
            self._stopping = True
            if self._process.is_alive():
                self._signal(_STOP)
        asked = not drain or should_stop()  # a stop asked for, not the end of a pass
        seconds = self.STOP_GRACE if asked else self.STOP_SECONDS
        deadline = time.monotonic() + seconds
        while self._process.is_alive() and time.monotonic() < deadline:
            self._process.join(min(0.2, max(0.0, deadline - time.monotonic())))
            if not asked and should_stop():  # a stop came while the pass was ending: the grace from now on
                asked, seconds = True, self.STOP_GRACE
                deadline = min(deadline, time.monotonic() + seconds)
        if self._process.is_alive():
            if asked:
                log.warning("the SMTP server has not answered the mail in hand within %.0f s of the stop; sending "
                            "stops here (that mail may go out once more at the next start)", seconds)
            else:
                log.error("the sender process did not stop within %.0f s; killing it", seconds)
            self._process.kill()
            self._process.join()
        result = FlushResult()
        try:
            if self._results.poll(0):
                result = self._results.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            pass  # it died before reporting: only the counts are lost, the rows say what was sent
        self._close_pipes()
        if not drain or should_stop():
            return result
        if self._process.exitcode != 0:
            log.error("the sender process ended with status %s; sending from here", self._process.exitcode)
        result.add(flush(desk, sender, should_stop=should_stop, tell_misconfigured=self._tell))
        return result


_SEND, _STOP = b"s", b"x"


def _sender_main(config: Config, wake: Connection, wake_write: Connection, results: Connection, parent: int,
                 level: int, tell_misconfigured: bool = True) -> None:
    """The sender process: flush on every nudge (and each second) until told to stop, orphaned or SIGTERMed."""
    import concurrent.futures.process

    from mailbot.app import open_desk, open_sender

    # a pool of the parent's, inherited by this fork, is not this process's to wake at exit
    getattr(concurrent.futures.process, "_threads_wakeups", {}).clear()

    wake_write.close()  # this process's copy of the parent's end
    stop = False
    nudged = False  # the database is opened only after the first nudge: by then the parent has migrated it

    def _sigterm(_signum: int, _frame: object) -> None:
        nonlocal stop
        stop = True  # finish the mail in hand, then exit

    def told_to_stop() -> bool:
        """Read what the parent sent (without waiting): True once it says stop, is gone, or SIGTERM came."""
        nonlocal stop, nudged
        while not stop and io_select.select([wake], [], [], 0)[0]:
            data = os.read(wake.fileno(), 4096)
            stop = not data or _STOP in data  # no data: the parent's end is closed
            nudged = nudged or _SEND in data
        return stop or os.getppid() != parent

    signal.signal(signal.SIGTERM, _sigterm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us in order
    if not logging.getLogger().handlers:  # a process started afresh: the same line as its parent's
        log_to_stderr(level, config.office.tz)
    total = FlushResult()
    desk: Desk | None = None
    sender: Sender | None = None
    failures = RepeatedFailure(log, "sending the outbox", database=sqlite_file(config.database.url))
    away = ServerAway()
    try:
        while not told_to_stop():
            io_select.select([wake], [], [], 1.0)  # a nudge, or a second gone by (retries fall due)
            if told_to_stop():
                break
            if not nudged:
                continue
            if desk is None:
                desk, sender = open_desk(config, upgrade=False), open_sender(config)
            try:
                assert sender is not None
                passed = flush(desk, sender, should_stop=told_to_stop, tell_misconfigured=tell_misconfigured)
                total.add(passed)
                away.saw(passed)
            except Exception as exc:  # noqa: BLE001 - the queue stays; the next pass or the final flush tries again
                from mailbot.store.db import database_locked

                if not database_locked(exc):  # tried every second: told once (then every ten minutes)
                    failures.failed(exc)
                else:  # another program holds the database: one line, and the next nudge tries again
                    log.error("sending the outbox waited for the database, locked by another program; "
                              "the mail stays queued")
            else:
                failures.succeeded()
    finally:
        if sender is not None:
            sender.close()
        if desk is not None:
            desk.close()
    try:
        results.send(total)
    except OSError:
        pass  # the parent is gone


def flush(desk: Desk, sender: Sender, *, batch: int = 100, should_stop: Callable[[], bool] = lambda: False,
          wait: bool = True, tell_misconfigured: bool = True) -> FlushResult:
    """Send what is due, batch by batch, within the global outbound rate; *should_stop* is asked after
    each mail (the rest stays queued).

    One flush at a time for the whole desk: the lock is held across processes (an flock beside a
    SQLite database, an advisory lock on PostgreSQL), so the service's sender, a CLI command and a
    timer never send the same row twice. The lock is checked before every batch: a PostgreSQL
    session that ended takes its lock with it, and nothing more is sent under a lock not held.
    With wait=False (commands run by hand), a lock held elsewhere returns at once with busy set:
    whoever holds it sends the mail. A server that refuses mailbot itself (a wrong password) is logged
    as a configuration error, and a mail given up as an error, unless *tell_misconfigured* is False: a command
    that says it itself, in one line, from the result's misconfigured and the mail's fate.
    """
    try:
        return _flush(desk, sender, batch=batch, should_stop=should_stop, wait=wait,
                      tell_misconfigured=tell_misconfigured)
    except LockBusy:
        return FlushResult(busy=True)


def send_now(desk: Desk, sender: Sender) -> FlushResult:
    """What a command run by hand sends after its change: everything due, now. When another sender
    holds the send lock, the result is busy only if a `mailbot run` service is running (it sends the
    mail within a minute); another command or `run --once` sending at the same moment is waited for
    (it finishes in seconds), so no mail is left queued on a desk with no service."""
    result = flush(desk, sender, wait=False, tell_misconfigured=False)
    if result.busy and not service_running(desk.engine):
        result = flush(desk, sender, wait=True, tell_misconfigured=False)
    return result


def _flush(desk: Desk, sender: Sender, *, batch: int, should_stop: Callable[[], bool], wait: bool,
           tell_misconfigured: bool) -> FlushResult:
    result = FlushResult()
    # On PostgreSQL the lock lives in a database session, which can end under us (a timeout, a
    # restart) while a batch is out: the batch's rows are then also leased (kept out of every due
    # list for SEND_LEASE), so a sender that takes the lock meanwhile cannot send them again. A
    # sender killed mid-batch leaves them to go out when the lease ends. (An flock cannot be lost.)
    leased = desk.engine.dialect.name == "postgresql"
    with exclusive(desk.engine, "outbox", wait=wait) as held, sent_log(desk.engine, desk.sessions) as sent:
        while not should_stop():
            if not held():
                log.error("the outbox send lock was lost (its database session ended); sending stops here")
                return result
            now = desk.now()
            with desk.sessions.begin() as session:
                allowed = room_to_send(desk.config.guards.max_outbound_per_minute,
                                       repo.sent_in_window(session, now - timedelta(minutes=1)))
                if allowed <= 0:
                    result.braked = repo.count_due(session, now)
                    return result
                due = repo.due_to_send(session, now, limit=min(batch, allowed))
                if leased and due:
                    taken = repo.lease(session, [outbox_id for outbox_id, _ in due], now, now + SEND_LEASE)
                    due = [(outbox_id, mail) for outbox_id, mail in due if outbox_id in taken]
            if not due:
                return result  # (on PostgreSQL, rows another sender took meanwhile are its to send)
            ids = {mail.message_id: outbox_id for outbox_id, mail in due}
            to = {mail.message_id: list(mail.recipients) for _, mail in due}
            failed_before = result.failed
            recorded: set[str] = set()
            untried: list[str] = []  # behind a connection lost mid-batch: due again at once

            def record(message_id: str, error: Exception | None, ids: dict[str, int] = ids,
                       recorded: set[str] = recorded, untried: list[str] = untried,
                       to: dict[str, list[str]] = to) -> None:
                # Each mail is recorded the moment the server has answered for it, before the next
                # one is sent: a kill then repeats at most the one mail in flight (RFC 1047).
                if error is None:
                    _retry_busy(lambda: sent.record(ids[message_id], desk.now()), desk.database_file)
                    result.sent += 1
                    result.delivered.setdefault(ids[message_id], []).extend(to[message_id])
                else:
                    _record_failure_durably(desk, ids[message_id], error, result, tell=tell_misconfigured)
                    if isinstance(error, NotAttempted):
                        untried.append(message_id)
                recorded.add(message_id)
                if should_stop():
                    raise _Stopped  # out of send_batch, which closes its connection; the rest stays queued

            try:
                outcomes = sender.send_batch([mail for _, mail in due], on_result=record)
                for message_id, error in outcomes.items():  # a sender that did not report each as it went
                    if message_id not in recorded:
                        record(message_id, error)
            except _Stopped:
                if leased:  # what was not tried is due again now, not when the lease ends
                    _release(desk, [i for m, i in ids.items() if m not in recorded])
                return result
            # the batch's journal into the outbox rows, before the next due list
            _retry_busy(sent.fold, desk.database_file)
            if result.misconfigured:
                if tell_misconfigured:
                    log.error("configuration error: %s; the mail stays queued", result.misconfigured)
                return result
            # a mail given up in this batch queued the operator's notice of it: one more pass sends it (a notice's
            # own failure is never told, so this ends), as `run --once` promises to send what it queued
            if len(due) < batch and not untried and result.failed == failed_before:
                # (each pass with untried mail tried one: it ends)
                if len(due) == allowed:  # the brake, not an empty queue, ended this batch
                    with desk.sessions() as session:
                        result.braked = repo.count_due(session, desk.now())
                return result
    return result


def _release(desk: Desk, outbox_ids: list[int]) -> None:
    outbox = cast(Table, OutboxMessage.__table__)
    with desk.sessions.begin() as session:
        session.execute(update(outbox).where(outbox.c.id.in_(outbox_ids), outbox.c.status == "queued")
                        .values(next_attempt_at=desk.now()))


class _Stopped(Exception):
    """Raised from the per-mail callback to leave send_batch when told to stop."""


def _retry_busy(step: Callable[[], object], database: Path | None = None) -> None:
    """Run a recording *step*, again while the database is busy (or its disk full, or out of reach): mail that
    went out and is not recorded would go out again (with the same Message-ID, but twice all the same).
    *database*: the SQLite file, whose disk is named when it refused the write."""
    for attempt in range(1, 6):
        try:
            step()
            return
        except (OperationalError, sqlite3.OperationalError) as exc:  # (the sent journal is SQLite's own)
            why = (database_unreachable(exc) or storage_refusal(exc, database)
                   or ("the database busy" if database_locked(exc) else " ".join(str(getattr(exc, "orig", exc))
                                                                               .split())))
            if attempt == 5:
                log.error("recording sent mail failed (%s) five times: the mail the server accepted last is "
                          "not recorded as sent and goes out once more", why)
                raise
            log.warning("recording sent mail failed (%s); attempt %d of 5", why, attempt + 1)
            time.sleep(attempt)


def _record_failure_durably(desk: Desk, outbox_id: int, error: Exception, result: FlushResult, *,
                            tell: bool = True) -> None:
    """Record a refusal or a failure at once, in a transaction of its own (a partly delivered mail
    counts as sent to those who got it: it must not go out again). A mail given up is an error line of the log
    when *tell*, else an info line: the command that sent it says it in its own result line."""
    counted = FlushResult()

    def step() -> None:
        counted.retrying = counted.failed = counted.unreachable = 0
        counted.delivered, counted.given_up, counted.deferred = {}, {}, {}
        with desk.sessions.begin() as session:
            _record_failure(session, desk, outbox_id, error, counted, tell=tell)

    _retry_busy(step, desk.database_file)
    result.retrying += counted.retrying
    result.failed += counted.failed
    result.unreachable += counted.unreachable
    result.misconfigured = counted.misconfigured or result.misconfigured
    result.add_addresses(counted)


def _record_failure(session: Session, desk: Desk, outbox_id: int, error: Exception, result: FlushResult, *,
                    tell: bool = True) -> None:
    now = desk.now()
    row = session.get(OutboxMessage, outbox_id)
    assert row is not None
    row.last_error = str(error)[:2000]
    if isinstance(error, SendingMisconfigured):
        row.last_error = (MISCONFIGURED_MARK + str(error))[:2000]
        # mailbot itself is refused, not this mail: no attempt is used up, and it waits for the fix
        row.next_attempt_at = now + timedelta(seconds=desk.config.run.outbox_retry_seconds)
        result.misconfigured = str(error)
        result.retrying += 1
        return
    if isinstance(error, NotAttempted):
        # never handed to the server (the connection was lost before its turn): no attempt is used up, and
        # it is due at once, on a new connection (a server really away fails that connection, and the mail
        # tried on it waits its retry pause); one dropped connection delays only the mail it carried
        row.next_attempt_at = now  # (not counted as retrying: it waits for no pause)
        return
    if isinstance(error, RecipientsRefusedError):
        # delivered to some, refused for others: whoever has it must never get it again. The row keeps only the
        # refused recipients, so neither a later try nor `mailbot outbox retry` sends it to the others; a refusal
        # that is only a deferral (4xx, greylisting) is tried again as any deferral is.
        if error.partial:
            got = [r for r in row.recipients if r not in error.refused]
            result.delivered.setdefault(row.id, []).extend(got)
            # who has it, kept: the row's recipients are narrowed to the others, and `mailbot history` says both
            repo.audit(session, at=now, actor="outbox", action="delivered_in_part", target=f"outbox:{row.id}",
                       details={"delivered": got, "refused": [r for r in row.recipients if r in error.refused]})
            row.recipients = [r for r in row.recipients if r in error.refused]
        for_good = [r for r in row.recipients if r in error.refused and not 400 <= error.refused[r][0] <= 499]
        deferred = [r for r in row.recipients if r not in for_good]
        if for_good and deferred:
            # some refused for good, the others only deferred (or not asked, after a 421): those refused for good
            # are given up (the operator told, naming both), the row keeps the others and is tried again
            row.recipients = deferred
            result.given_up.setdefault(row.id, []).extend(for_good)
            log.log(logging.ERROR if tell else logging.INFO, "giving up on outbox message %d %s to %s (refused "
                    "for good); still tried for %s: %s", row.id, row.message_id, ", ".join(for_good),
                    ", ".join(deferred), error)
            _tell_operator(session, desk, row, refused=for_good, attempts=row.attempts + 1,
                           failure=f"message {row.message_id}: {error.refused_for_good(for_good)}")
            error = TemporaryDeliveryError(str(error))
        elif not for_good:
            error = TemporaryDeliveryError(str(error))
    row.attempts += 1
    if isinstance(error, SmtpConnectionError):
        result.unreachable += 1
    permanent = isinstance(error, PermanentDeliveryError)
    if permanent or row.attempts >= desk.config.run.outbox_max_attempts:
        # a failed mail has no next try: its next_attempt_at says when it was given up (`mailbot outbox list`)
        row.status, row.next_attempt_at = "failed", now
        result.failed += 1
        result.given_up.setdefault(row.id, []).extend(row.recipients)
        log.log(logging.ERROR if tell else logging.INFO, "giving up on outbox message %d %s to %s: %s", row.id,
                row.message_id, ", ".join(row.recipients), error)
        _tell_operator(session, desk, row)
        return
    # doubled at each attempt up to MAX_BACKOFF; capped before it becomes a timedelta, which 2**99 would overflow
    delay = min(desk.config.run.outbox_retry_seconds * 2.0 ** min(row.attempts - 1, 64), MAX_BACKOFF.total_seconds())
    row.next_attempt_at = now + timedelta(seconds=delay)
    result.retrying += 1
    result.deferred.setdefault(row.id, []).extend(row.recipients)
    # a command says it in its own line (mailbot.outbox.fate_words); the service's log names the row to look up
    log.log(logging.INFO if desk.by_person else logging.WARNING, "outbox message %d to %s not sent (attempt %d): "
            "%s; tried again later", row.id, ", ".join(row.recipients), row.attempts, error)


def _tell_operator(session: Session, desk: Desk, row: OutboxMessage, *, refused: list[str] | None = None,
                   attempts: int | None = None, failure: str | None = None) -> None:
    """Queue the operator's notice that *row* was given up: for all its recipients, or for those *refused* for
    good while the row is still tried for the others (*failure*: the words for those alone). A notice to the
    operator that is itself refused goes to the first manager, as when office.operator is unset; the failure of
    that one is an error line of the log (a notice of a notice's failure could loop)."""
    office = desk.config.office
    operator = office.operator or office.managers[0]
    given_up = refused if refused is not None else list(row.recipients)
    to_managers = False
    if row.purpose.startswith("delivery-failed:") or operator in given_up:
        if office.operator and office.operator in given_up and office.managers[0] not in given_up:
            operator, to_managers = office.managers[0], True  # the operator's address is what fails
        else:
            # an error of the service's log; a command run by a person says the mail's fate in its own line
            log.log(logging.INFO if desk.by_person else logging.ERROR, "outbox message %d (%s) to %s was given up, "
                    "and nobody can be told by mail: see `mailbot outbox list`", row.id, row.subject,
                    ", ".join(given_up))
            return
    purpose = f"delivery-failed:{row.id}"
    told = session.scalar(select(func.count(OutboxMessage.id)).where(
        (OutboxMessage.purpose == purpose) | OutboxMessage.purpose.like(f"{purpose}:%")))
    if told:
        purpose += f":{told + 1}"  # failed again after `mailbot outbox retry`: told again, not taken as told
    retried = [r for r in row.recipients if r not in given_up]
    queue(session, desk, purpose=purpose, category="notice",
          template="notice_delivery_failed", to=[operator], request_pk=row.request_pk,
          context={"failed_message_id": row.message_id, "failed_to": ", ".join(given_up),
                   "retried_to": ", ".join(retried), "operator_refused": to_managers,
                   "failed_subject": row.subject, "attempts": row.attempts if attempts is None else attempts,
                   "failure": failure_said(failure if failure is not None else row.last_error or ""),
                   "outbox_id": row.id})


def retry(desk: Desk, outbox_id: int, *, actor: str = "operator") -> list[int] | None:
    """Put a failed message back in the queue (same Message-ID), with its attempts counted afresh; None if there
    is no such failed message.

    The operator's notices that it failed and will not be tried again, still waiting to be sent, are withdrawn
    (marked suppressed): they would say so of a mail that is on its way after all. Their ids."""
    with desk.sessions.begin() as session:
        row = session.scalar(select(OutboxMessage).where(OutboxMessage.id == outbox_id))
        if row is None or row.status not in ("failed", "queued"):
            return None
        # a fresh start: the usual retry pauses against a temporary failure, not given up at its first one
        row.status, row.next_attempt_at, row.attempts = "queued", desk.now(), 0
        notices = list(session.scalars(select(OutboxMessage).where(
            OutboxMessage.status == "queued",
            (OutboxMessage.purpose == f"delivery-failed:{outbox_id}")
            | OutboxMessage.purpose.like(f"delivery-failed:{outbox_id}:%")).order_by(OutboxMessage.id)))
        why = (f"withdrawn: message {outbox_id} was queued again (mailbot outbox retry); a notice that it will not "
               "be tried again is no longer true")
        return repo.suppress_queued(session, notices, why=why, at=desk.now(), actor=actor,
                                    action="withdraw-superseded", details={"retried": outbox_id, "why": why})


@dataclass(frozen=True)
class MailFate:
    """Where one mail a command queued stands after the command's sending: what the operator is told."""

    status: str  # queued | sent | failed | suppressed (the outbox row's)
    recipients: tuple[str, ...]
    attempts: int = 0
    last_error: str | None = None
    ahead: int = 0  # mail waiting before it in the outbox


def fate_words(fates: Sequence[MailFate], result: FlushResult, *, brake: int, service: bool = False,
               maildir: bool = False) -> str:
    """One clause saying truthfully whether the district's mail went out, waits (and until when) or did not go;
    *service*: a `mailbot run` service is running (it sends what waits); *maildir*: the outbox is a Maildir
    folder, which no mail server stands behind.

    >>> fate_words([MailFate("sent", ("a@x.example",))], FlushResult(sent=1), brake=120)
    'the district was told (mail sent to a@x.example)'
    >>> fate_words([MailFate("queued", ("a@x.example",), ahead=40)], FlushResult(braked=41), brake=30)
    'the district is NOT told yet: its mail waits in the outbox behind 40 other(s), held by the outbound brake \
([guards] max_outbound_per_minute = 30); the mailbot service (`mailbot run`) sends it at that rate, in about 2 \
minute(s) of running'
    >>> fate_words([MailFate("queued", ("a@x.example",), ahead=40)], FlushResult(braked=41), brake=30, service=True)
    'the district is NOT told yet: its mail waits in the outbox behind 40 other(s), held by the outbound brake \
([guards] max_outbound_per_minute = 30); the running mailbot service sends it at that rate, in about 2 minute(s)'
    """
    if not fates:
        return ("no new mail to the district (no address to send it to, or it was written to about this already; "
                "see the log and `mailbot outbox list`)")
    to = ", ".join(dict.fromkeys(a for f in fates for a in f.recipients))
    if all(f.status == "sent" for f in fates):
        return f"the district was told (mail sent to {to})"
    waiting = [f for f in fates if f.status == "queued"]
    if any(f.status in ("failed", "suppressed") for f in fates):
        why = "; ".join(dict.fromkeys(f.last_error or f.status for f in fates if f.status in ("failed", "suppressed")))
        return (f"the district's mail to {to} was NOT sent ({why}); see `mailbot outbox list`, and "
                "`mailbot outbox retry ID` once the cause is fixed")
    if result.busy:
        ahead = max((f.ahead for f in waiting), default=0)
        return f"the district's mail to {to} is among it" + (f" ({ahead} other mail before it)" if ahead else "")
    tried = [f for f in waiting if f.attempts]
    if tried:
        why = "; ".join(dict.fromkeys(f.last_error or "no answer" for f in tried))
        refused = (f"its mail to {to} could not be written to the Maildir outbox" if maildir
                   else f"the mail server did not take its mail to {to}")
        return f"the district is NOT told yet: {refused} ({why}); it is tried again by `mailbot run`"
    if result.misconfigured:
        return f"the district is NOT told yet: its mail to {to} stays queued until the configuration is corrected"
    ahead = max(f.ahead for f in waiting)
    minutes = -(-(ahead + 1) // max(brake, 1))  # a `run --once` sends only what the brake lets out that minute
    by = (f"the running mailbot service sends it at that rate, in about {minutes} minute(s)" if service else
          f"the mailbot service (`mailbot run`) sends it at that rate, in about {minutes} minute(s) of running")
    return (f"the district is NOT told yet: its mail waits in the outbox behind {ahead} other(s), held by the "
            f"outbound brake ([guards] max_outbound_per_minute = {brake}); {by}")


def recipients_fate(desk: Desk, outbox_id: int, result: FlushResult) -> tuple[str, str | None]:
    """What became of outbox row *outbox_id* in the sending that gave *result*, by recipient: one clause ("sent to
    a; refused for good for b (...); deferred for c, tried again by `mailbot run`"), and an error line when some
    recipient was refused for good (None else); ("", None) when the row was not tried."""
    sent, refused, deferred = (list(dict.fromkeys(d.get(outbox_id, ()))) for d in (
        result.delivered, result.given_up, result.deferred))
    deferred = [a for a in deferred if a not in sent]
    if not (sent or refused or deferred):
        return "", None
    parts = [f"sent to {', '.join(sent)}"] if sent else ["sent to nobody"]
    error = None
    if refused:
        with desk.sessions() as session:
            row = session.get(OutboxMessage, outbox_id)
            why = " ".join((row.last_error or "").split()) if row is not None else ""
        parts.append(f"refused for good for {', '.join(refused)} (the operator is told)")
        error = (f"outbox message {outbox_id} was refused for good for {', '.join(refused)}" + (f": {why}" if why
                 else "") + "; see `mailbot outbox list`")
    if deferred:
        parts.append(f"deferred by the server for {', '.join(deferred)}, tried again by `mailbot run`")
    return "; ".join(parts), error


def district_fate(desk: Desk, after_id: int, request_pks: Sequence[int], result: FlushResult) -> str:
    """What became of the mail to the district(s) about *request_pks* a command queued after outbox row *after_id*
    and then tried to send (*result*): the one clause every command that tells a district ends with."""
    fates = [fate for pk in dict.fromkeys(request_pks) for fate in district_mail_fates(desk, after_id, pk)]
    waits = any(f.status == "queued" for f in fates) and not result.busy
    return fate_words(fates, result, brake=desk.config.guards.max_outbound_per_minute,
                      maildir=desk.config.outbox.kind == "maildir",
                      service=waits and service_running(desk.engine))


def district_mail_fates(desk: Desk, after_id: int, request_pk: int) -> list[MailFate]:
    """Where the mail to the district about *request_pk*, queued after outbox row *after_id*, stands now."""
    with desk.sessions() as session:
        return [MailFate(row.status, tuple(row.recipients), row.attempts, row.last_error,
                         repo.queued_before(session, row.id) if row.status == "queued" else 0)
                for row in repo.district_mail_since(session, after_id, request_pk)]
