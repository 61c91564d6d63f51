"""The sent-mail journal: each mail the server accepted, written down before the next one is sent."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from sqlalchemy import Engine, Table, bindparam, update
from sqlalchemy.orm import Session, sessionmaker

from mailbot.store.schema import OutboxMessage
from mailbot.store.urls import sqlite_file

log = logging.getLogger(__name__)

_OUTBOX = cast(Table, OutboxMessage.__table__)
_MARK_SENT = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("outbox_id"), _OUTBOX.c.status != "sent")
    .values(status="sent", sent_at=bindparam("at"), attempts=_OUTBOX.c.attempts + 1, last_error=None)
)


class SentLog:
    """Where the outbox worker records a mail as sent the moment the server accepted it.

    A kill between two mails must repeat at most the one in flight, so every accepted mail is
    recorded (durably) before the next is sent. On PostgreSQL that is an UPDATE of the outbox row
    in a transaction of its own. On SQLite the database has one writer at a time, and the inbox
    loop holds that lock for a whole group of messages: a per-mail UPDATE would wait behind every
    group. There each accepted mail is appended instead to a small journal of its own beside the
    database (`<database>.outbox-sent`), which only the holder of the send lock writes; fold()
    moves the journal into the outbox rows in one transaction, and runs before anything is picked
    to send, so a journal left by a killed sender is applied first.

    The journal is WAL with synchronous=NORMAL: a record is in the file before the next mail is
    sent, so it survives a kill of any mailbot process; only an operating-system crash or power cut
    can lose the records of its last moments (their mails are then sent again, never lost). An fsync
    per mail would cost more than the mail itself on a backlog.

    Use it only under the outbox send lock (mailbot.store.db.exclusive).
    """

    def __init__(self, engine: Engine, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._journal: sqlite3.Connection | None = None
        if (database := sqlite_file(engine.url)) is not None:
            self._journal = _open_journal(journal_path(database))

    def record(self, outbox_id: int, at: datetime) -> None:
        """*outbox_id* was accepted by the server at *at*: durable when this returns."""
        if self._journal is None:
            with self._sessions.begin() as session:
                session.execute(_MARK_SENT, [{"outbox_id": outbox_id, "at": at}])
            return
        self._journal.execute("INSERT OR IGNORE INTO sent (outbox_id, sent_at) VALUES (?, ?)",
                              (outbox_id, at.isoformat()))

    def fold(self) -> int:
        """Mark every journalled mail sent in the outbox and empty the journal; how many there were."""
        if self._journal is None:
            return 0
        rows = self._journal.execute("SELECT outbox_id, sent_at FROM sent").fetchall()
        if not rows:
            return 0
        with self._sessions.begin() as session:
            mark_sent(session, rows)
        # A kill here leaves rows already marked: folding them again changes nothing (status != 'sent').
        self._journal.executemany("DELETE FROM sent WHERE outbox_id = ?", [(i,) for i, _ in rows])
        return len(rows)

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None


def journal_path(database: str | Path) -> Path:
    """The sent journal beside the SQLite database file *database*."""
    return Path(f"{database}.outbox-sent")


def mark_sent(session: Session, rows: list[tuple[int, str]]) -> None:
    """Mark the journalled (outbox_id, sent_at) *rows* sent in the outbox (a row already sent is left as it is)."""
    session.execute(_MARK_SENT, [{"outbox_id": i, "at": _sent_at(at)} for i, at in rows])


def _sent_at(text: object) -> datetime:
    """A journalled time as written (ISO 8601 in UTC, "+00:00"); one written without its zone (a journal from
    elsewhere, or mended by hand) is read as UTC, and one that is no time at all as now: the mail was sent all
    the same, and a run must not fail on the record of it."""
    try:
        at = datetime.fromisoformat(str(text))
    except ValueError:
        log.warning("sent journal: %r is no time; the mail is recorded as sent now", text)
        return datetime.now(UTC)
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def read_journal(path: Path, uri: Callable[[Path], str]) -> list[tuple[int, str]]:
    """The (outbox_id, sent_at) records of the journal at *path*, opened by the SQLite URI *uri* gives for it
    (a read-only one: a read-only mount or file is read as well); none when there is no journal.

    Read it under the outbox send lock: then no sender adds to it or folds it meanwhile."""
    if not path.exists():
        return []
    journal = sqlite3.connect(uri(Path(os.path.abspath(path))), uri=True, timeout=30)
    try:
        has_table = journal.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sent'").fetchone()
        return journal.execute("SELECT outbox_id, sent_at FROM sent").fetchall() if has_table else []
    finally:
        journal.close()


def _open_journal(path: Path) -> sqlite3.Connection:
    journal = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
    journal.execute("PRAGMA journal_mode=WAL")
    journal.execute("PRAGMA synchronous=NORMAL")
    journal.execute("CREATE TABLE IF NOT EXISTS sent (outbox_id INTEGER PRIMARY KEY, sent_at TEXT NOT NULL)")
    return journal


@contextmanager
def sent_log(engine: Engine, sessions: sessionmaker[Session]) -> Iterator[SentLog]:
    """A SentLog, folded when opened (a journal a killed sender left) and when done."""
    log = SentLog(engine, sessions)
    try:
        log.fold()
        yield log
        log.fold()
    finally:
        log.close()
