"""The outbox worker: sends queued mail, retries with backoff, gives up on permanent errors and says so."""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.context
import multiprocessing.process
import multiprocessing.synchronize
import os
import signal
import threading
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot.app import Desk
from mailbot.config import Config
from mailbot.errors import PermanentDeliveryError
from mailbot.outgoing import queue
from mailbot.store import repo
from mailbot.store.db import exclusive
from mailbot.store.schema import OutboxMessage
from mailbot.transports.base import Sender

log = logging.getLogger(__name__)

# One flush at a time for the whole desk (threads, the sender process, CLI commands): see flush().
MAX_BACKOFF = timedelta(hours=6)


@dataclass
class FlushResult:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    braked: int = 0

    def add(self, other: FlushResult) -> None:
        self.sent += other.sent
        self.retrying += other.retrying
        self.failed += other.failed
        self.braked = other.braked  # what the latest pass left waiting


class OutboxPump:
    """Sends the outbox from a thread of its own while the inbox is processed.

    Each committed batch nudges it, so replies to a long backlog go out while the rest is still
    being read, and the wait on the mail server overlaps the work on the next batch. Only one
    flush runs at a time in a process (flush's lock), so the pump and the scheduler's retry timer
    never send the same row twice.
    """

    def __init__(self, desk: Desk, sender: Sender) -> None:
        self.desk = desk
        self.sender = sender
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
        while not self._done.is_set():
            self._nudge.wait(1.0)
            self._nudge.clear()
            try:
                self.result.add(flush(self.desk, self.sender))
            except Exception:  # noqa: BLE001 - the queue stays; the next nudge or the final flush tries again
                log.exception("sending the outbox failed")

    def stop(self) -> FlushResult:
        """Stop the thread, send what the last batch queued, and return the whole pass's result."""
        self._done.set()
        self._nudge.set()
        self._thread.join()
        self.result.add(flush(self.desk, self.sender))
        return self.result


class SenderProcess:
    """The outbox worker in a process of its own, for `mailbot run`: the same job as OutboxPump.

    Reading and recording the inbox is Python work on one core; sending (smtplib, the server's
    replies) is more. In a thread the two take turns with the interpreter lock, and every database
    call of the inbox loop waits for the sender's turn to end; in a process of its own the sender
    uses the second core and waits for nothing. Rows are still sent by one worker at a time
    (flush() holds the desk-wide lock), and a resend keeps its Message-ID.

    Create it before the database is opened (it forks a process with nothing open; with other
    threads already running it starts a fresh interpreter instead). It opens the database only on
    the first nudge, after the caller has migrated it. Stopping it, the caller sends what is left
    with stop(desk, sender).
    """

    def __init__(self, config: Config) -> None:
        self._config = config
        self._stopping = False
        self._new_process(multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn"))

    def _new_process(self, context: multiprocessing.context.BaseContext) -> None:
        """A process with its own signals (they must come from the same start method as the process)."""
        self._nudge = context.Event()
        self._done = context.Event()
        self._results: multiprocessing.SimpleQueue[FlushResult] = context.SimpleQueue()
        self._process: multiprocessing.process.BaseProcess = context.Process(  # type: ignore[attr-defined]
            target=_sender_main, args=(self._config, self._nudge, self._done, self._results, os.getpid()),
            name="mailbot-sender", daemon=True,
        )

    def start(self) -> SenderProcess:
        self._process.start()
        return self

    def nudge(self) -> None:
        """Wake the process to send; a process that died (it should not) is replaced first."""
        if not self._process.is_alive() and not self._stopping:
            log.error("the sender process ended (status %s); starting another", self._process.exitcode)
            self._new_process(multiprocessing.get_context("spawn"))  # other threads run by now: no fork
            self._process.start()
        self._nudge.set()

    def stop(self, desk: Desk, sender: Sender) -> FlushResult:
        """Let the process finish its pass and exit, then send here what is still queued."""
        self._stopping = True
        self._done.set()
        self._nudge.set()
        if self._process.pid is not None:  # started
            self._process.join(timeout=600)
        if self._process.is_alive():  # a send stuck past every timeout: the lock keeps the final flush safe
            log.error("the sender process did not stop; terminating it")
            self._process.terminate()
            self._process.join()
        result = FlushResult()
        if self._process.exitcode == 0 and not self._results.empty():
            result = self._results.get()
        elif self._process.exitcode != 0:
            log.error("the sender process ended with status %s; sending from here", self._process.exitcode)
        result.add(flush(desk, sender))
        return result


def _sender_main(config: Config, nudge: multiprocessing.synchronize.Event, done: multiprocessing.synchronize.Event,
                 results: multiprocessing.SimpleQueue[FlushResult], parent: int) -> None:
    """The sender process: flush on every nudge (and each second) until told to stop or orphaned."""
    from mailbot.app import open_sender, system_clock
    from mailbot.render import make_environment
    from mailbot.store.db import make_engine, session_factory

    stopping = False

    def _stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True  # finish the batch in hand, then exit

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us in order
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    total = FlushResult()
    desk: Desk | None = None
    sender: Sender | None = None
    try:
        while not stopping and not done.is_set() and os.getppid() == parent:
            if not nudge.wait(1.0):
                continue
            nudge.clear()
            if done.is_set():
                break
            if desk is None:
                engine = make_engine(config.database.url, echo=config.database.echo)
                desk = Desk(config=config, engine=engine, sessions=session_factory(engine), env=make_environment(),
                            clock=system_clock(config.office.tz))
                sender = open_sender(config)
            try:
                assert sender is not None
                total.add(flush(desk, sender))
            except Exception:  # noqa: BLE001 - the queue stays; the next nudge or the final flush tries again
                log.exception("sending the outbox failed")
    finally:
        if sender is not None:
            sender.close()
        if desk is not None:
            desk.close()
    results.put(total)


def flush(desk: Desk, sender: Sender, *, batch: int = 100) -> FlushResult:
    """Send what is due, batch by batch, within the global outbound rate.

    One flush at a time for the whole desk: the lock is held across processes (an flock beside a
    SQLite database, an advisory lock on PostgreSQL), so the service's sender, a CLI command and a
    timer never send the same row twice.
    """
    result = FlushResult()
    with exclusive(desk.engine, "outbox"):
        while True:
            now = desk.now()
            with desk.sessions.begin() as session:
                allowed = desk.config.guards.max_outbound_per_minute - repo.sent_in_window(
                    session, now - timedelta(minutes=1))
                if allowed <= 0:
                    result.braked = repo.count_due(session, now)
                    return result
                due = repo.due_to_send(session, now, limit=min(batch, allowed))
            if not due:
                return result
            outcomes = sender.send_batch([mail for _, mail in due])
            ids = {mail.message_id: outbox_id for outbox_id, mail in due}
            with desk.sessions.begin() as session:
                sent = [ids[message_id] for message_id, error in outcomes.items() if error is None]
                repo.mark_sent(session, sent, desk.now())
                result.sent += len(sent)
                for message_id, error in outcomes.items():
                    if error is not None:
                        _record_failure(session, desk, ids[message_id], error, result)
            if len(due) < batch:
                if len(due) == allowed:  # the brake, not an empty queue, ended this batch
                    with desk.sessions() as session:
                        result.braked = repo.count_due(session, desk.now())
                return result


def _record_failure(session: Session, desk: Desk, outbox_id: int, error: Exception, result: FlushResult) -> None:
    now = desk.now()
    row = session.get(OutboxMessage, outbox_id)
    assert row is not None
    row.attempts += 1
    row.last_error = str(error)[:2000]
    permanent = isinstance(error, PermanentDeliveryError)
    if permanent or row.attempts >= desk.config.run.outbox_max_attempts:
        row.status = "failed"
        result.failed += 1
        log.error("giving up on %s to %s: %s", row.message_id, row.recipients, error)
        _tell_operator(session, desk, row)
        return
    delay = timedelta(seconds=desk.config.run.outbox_retry_seconds * 2 ** (row.attempts - 1))
    row.next_attempt_at = now + min(delay, MAX_BACKOFF)
    result.retrying += 1
    log.warning("will retry %s (attempt %d): %s", row.message_id, row.attempts, error)


def _tell_operator(session: Session, desk: Desk, row: OutboxMessage) -> None:
    operator = desk.config.office.operator or desk.config.office.managers[0]
    if row.purpose.startswith("delivery-failed:") or operator in row.recipients:
        return  # never report the failure of a failure report: that could loop
    queue(session, desk, purpose=f"delivery-failed:{row.id}", category="notice",
          template="notice_delivery_failed", to=[operator], request_pk=row.request_pk,
          context={"failed_message_id": row.message_id, "failed_to": ", ".join(row.recipients),
                   "failed_subject": row.subject, "attempts": row.attempts, "error": row.last_error,
                   "outbox_id": row.id})


def retry(desk: Desk, outbox_id: int) -> bool:
    """Put a failed message back in the queue (same Message-ID). False if there is no such failed message."""
    with desk.sessions.begin() as session:
        row = session.scalar(select(OutboxMessage).where(OutboxMessage.id == outbox_id))
        if row is None or row.status not in ("failed", "queued"):
            return False
        row.status, row.next_attempt_at = "queued", desk.now()
        return True
