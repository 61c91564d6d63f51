"""Re-reading the archive with the current reader, and replaying a quarantined message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any

from rich.progress import Progress
from sqlalchemy import ColumnElement, select

from mailbot.desk import Desk
from mailbot.errors import InvalidAction, MailbotError
from mailbot.indonesian import zoned
from mailbot.pipeline import Rules, process, read_within_limits
from mailbot.store.schema import Message, OutboxMessage
from mailbot.transports.base import Acknowledger, IncomingMessage

COMPARED = ("kind", "district", "item", "requested", "stock_on_hand", "received", "printed", "recorded",
            "sender_known")


@dataclass(frozen=True)
class Change:
    message_pk: int
    received: str
    field: str
    before: str
    after: str


def reread(desk: Desk, since: date | None, *, progress: bool = False,
           include_quarantined: bool = False) -> tuple[list[Change], int]:
    """Every field the current reader reads differently from what was stored; and how many were read.

    Quarantined (and dismissed) messages were never read to the end: they are left out unless asked.
    """
    changes: list[Change] = []
    rules = Rules.of(desk.config)
    with desk.sessions() as session:
        wanted: list[ColumnElement[bool]] = [Message.raw.is_not(None)]
        # mail imported with labels only (status "labelled") was never read by the desk: nothing to compare
        wanted.append(Message.status.in_(("processed", "quarantined", "dismissed") if include_quarantined
                                         else ("processed",)))
        ids_query = select(Message.id).where(*wanted).order_by(Message.id)
        if since is not None:
            ids_query = ids_query.where(Message.received_at >= datetime.combine(since, time.min, tzinfo=desk.tz))
        ids = list(session.scalars(ids_query))
    total = len(ids)
    # A few messages at a time, as plain rows (no ORM objects kept by the session): memory stays
    # that of one page of raw mail, whatever the archive holds.
    columns = select(Message.id, Message.raw, Message.verdict, Message.received_at, Message.error)
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("re-reading", total=total)
        for start in range(0, total, _PAGE):
            page = ids[start:start + _PAGE]
            with desk.sessions() as session:
                rows = session.execute(columns.where(Message.id.in_(page)).order_by(Message.id)).all()
            for row in rows:
                changes.extend(_compare(rules, row, desk.tz))
                bar.advance(task)
            del rows
    return changes, total


_PAGE = 1  # one message at a time: a stored message may be as large as max_message_bytes


def _compare(rules: Rules, message: Any, tz: tzinfo) -> list[Change]:
    stored = message.verdict or {}
    try:
        now = read_within_limits(message.raw or b"", rules).as_dict()
    except MailbotError as exc:
        if not stored and str(exc) == message.error:
            return []  # quarantined, and refused again for the same reason: nothing would change
        now = {"kind": f"error: {exc}"}
    received = zoned(message.received_at, tz)
    return [
        Change(message.id, received, name, _show(stored.get(name)) + _cues(stored, name),
               _show(now.get(name)) + _cues(now, name))
        for name in COMPARED
        if stored.get(name) != now.get(name) and (stored or name == "kind")
    ]


def _cues(verdict: dict[str, object], name: str) -> str:
    """The cues that decided the number of *name* in a stored or current reading ("  (cues: keyword_before:sisa)")."""
    evidence = verdict.get("evidence")
    items = evidence if isinstance(evidence, list) else []
    found = [e for e in items if isinstance(e, dict) and e.get("field") == name]
    cues = found[0].get("cues") if found else None
    return f"  (cues: {', '.join(cues)})" if cues else ""


def _show(value: object) -> str:
    return "-" if value is None else str(value)


class _ArchiveInbox(Acknowledger):
    """The inbox side of a replay: the message comes from the archive, so there is nothing to move."""

    def acknowledge(self, key: str) -> None:
        pass

    def quarantine(self, key: str, reason: str) -> None:
        pass


@dataclass(frozen=True)
class Replayed:
    """What a replay did: the message's outcome ("quarantined ..." when the fix did not help), the requests it
    opened or answered (whose district the command says it told), and the outbox row of the earlier "please send
    again" reply it withdrew (None when there was none still waiting)."""

    outcome: str
    requests: tuple[int, ...]
    withdrawn: int | None
    # (outbox id, when sent) of that reply when it had gone already: the district may send the mail again
    asked_again: tuple[int, datetime] | None = None


def replay(desk: Desk, message_pk: int) -> Replayed:
    """Process a quarantined message again from its stored bytes; once it is no longer quarantined, the reply
    that asked its district to send it again is withdrawn if it has not gone yet (mailbot.quarantine)."""
    from mailbot.quarantine import withdraw_resend_request
    from mailbot.store.schema import Request

    with desk.sessions() as session:
        message = session.get(Message, message_pk)
        if message is None:
            raise InvalidAction(f"no stored message {message_pk}")
        if message.status == "dismissed":
            raise InvalidAction(f"message {message_pk} was dismissed from the quarantine; only quarantined ones "
                                "are replayed (its bytes stay in the archive: `mailbot history` shows it)")
        if message.status != "quarantined":
            raise InvalidAction(f"message {message_pk} was processed already; only quarantined ones are replayed")
        if message.raw is None:
            raise InvalidAction(f"message {message_pk} has no stored bytes (it was over the size limit)")
        raw = message.raw
    outcome = process(desk, _ArchiveInbox(), IncomingMessage(f"replay:{message_pk}", raw, len(raw)), replay=True)
    with desk.sessions.begin() as session:
        row = session.get(Message, message_pk)
        done = row is not None and row.status != "quarantined"
        withdrawn = withdraw_resend_request(session, desk, message_pk) if done else None
        asked = None
        if done and withdrawn is None:
            gone = session.scalar(select(OutboxMessage).where(
                OutboxMessage.purpose == f"quarantined-sender:{message_pk}", OutboxMessage.status == "sent"))
            asked = (gone.id, gone.sent_at) if gone is not None and gone.sent_at is not None else None
        requests = tuple(session.scalars(select(Request.id).where(Request.message_pk == message_pk)))
    return Replayed(outcome.label + (f" ({outcome.error})" if outcome.error else ""), requests, withdrawn, asked)
