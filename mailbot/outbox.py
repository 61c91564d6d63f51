"""The outbox worker: sends queued mail, retries with backoff, gives up on permanent errors and says so."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot.app import Desk
from mailbot.errors import PermanentDeliveryError
from mailbot.outgoing import queue
from mailbot.store import repo
from mailbot.store.schema import OutboxMessage
from mailbot.transports.base import OutgoingMessage, Sender

log = logging.getLogger(__name__)

# One flush at a time per process: the scheduler's timer and the inbox loop both call flush().
_FLUSH_LOCK = threading.Lock()
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


def flush(desk: Desk, sender: Sender, *, batch: int = 100) -> FlushResult:
    """Send what is due, batch by batch, within the global outbound rate."""
    result = FlushResult()
    with _FLUSH_LOCK:
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
            outcomes = sender.send_batch([OutgoingMessage(d.message_id, d.sender, d.recipients, d.raw) for d in due])
            ids = {d.message_id: d.id for d in due}
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
