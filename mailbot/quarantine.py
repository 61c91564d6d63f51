"""A quarantined message is told: to the operator always (one notice for the messages of a group), to its
district sender when the fix is theirs; and the operator may dismiss it with a reason."""

from __future__ import annotations

import email.parser
import email.policy
from dataclasses import dataclass
from email.message import Message as EmailMessage

from sqlalchemy.orm import Session

from mailbot import attention
from mailbot.desk import Desk
from mailbot.errors import InvalidAction
from mailbot.guards.limits import LimitViolation, check_limits
from mailbot.guards.threads import find_references
from mailbot.outgoing import ReplyTo, reply_subject
from mailbot.reader.automated import header_reasons
from mailbot.store import repo
from mailbot.store.schema import Message
from mailbot.transports.base import IncomingMessage

# Limits a district can stay within by sending again differently (fewer or smaller attachments).
SENDER_FIXABLE = ("message_bytes", "attachments", "attachment_bytes")


def violation(desk: Desk, incoming: IncomingMessage) -> LimitViolation | None:
    """The input limit the message went over, if that is why it was quarantined."""
    g = desk.config.guards
    if incoming.raw is None:
        return LimitViolation("message_bytes", incoming.size, g.max_message_bytes) if incoming.too_big_reason else None
    return check_limits(incoming.raw, max_message_bytes=g.max_message_bytes, max_attachments=g.max_attachments,
                        max_attachment_bytes=g.max_attachment_bytes)


def tell(session: Session, desk: Desk, row: Message, incoming: IncomingMessage, *,
         sender_trusted: bool) -> QuarantinedEntry:
    """Queue the district sender's notice for a newly quarantined *row* when the reason is a size or
    attachment limit and the sender passed the sender checks (never to automated mail); the row as the
    operator's notice lists it (tell_operator: one notice for every message quarantined in a group)."""
    from mailbot.outgoing import queue

    over = violation(desk, incoming)
    district = _district_of(desk, row.sender)
    fixable = sender_trusted and over is not None and over.limit in SENDER_FIXABLE and district is not None
    machine = fixable and automated(desk, incoming.raw or incoming.headers)  # only then: a header can be costly
    told_sender = fixable and not machine
    # a district's automated mail is never answered: the operator reads that the district was not told
    untold: str | None = "automated" if fixable and machine else None
    if told_sender and over is not None and district is not None and row.sender:
        queued = queue(session, desk, purpose=f"quarantined-sender:{row.id}", category="reply",
              template="reply_quarantined", to=[row.sender], subject=reply_subject(row.subject or "", None),
              reply_to=ReplyTo.answering(row.message_id),
              context={"district_name": district.name, "limit": over.limit, "actual": over.actual,
                       "maximum": over.maximum, "part": over.part, "message_subject": row.subject or "",
                       # the footer asks to keep a reference only when the subject answered has one
                       "referenced": bool(find_references(row.subject or ""))})
        if queued.suppressed_reason is not None:  # the operator must not read that the district was told
            untold = "daily_cap" if queued.outbox_id is not None else "no_address"
    return QuarantinedEntry(message_pk=row.id, sender=row.sender or "-", message_subject=row.subject or "-",
                            error=row.error or "", district_name=district.name if district else None,
                            told_sender=told_sender, untold=untold,
                            cap=desk.config.guards.max_replies_per_sender_per_day)


@dataclass(frozen=True)
class QuarantinedEntry:
    """One quarantined message as the operator's notice lists it."""

    message_pk: int
    sender: str
    message_subject: str
    error: str
    district_name: str | None
    told_sender: bool  # a reply asking to send again was meant for the sender (never then an acknowledgement)
    # why that reply did not go after all: "daily_cap" (suppressed by the per-sender cap), "no_address"; None when
    # it is queued; "automated" when the district's mail says a machine sent it, so no reply was meant
    untold: str | None = None
    cap: int = 0
    # the sender, whom no reply asks to send again, was told a person will read the message (the note is queued)
    acknowledged: bool = False

    @property
    def reason(self) -> str:
        """The reason in the notice's Indonesian: the limit gone over, with its figures, or the known cause in
        words; a fault of the program is said as one, its technical detail left to `mailbot quarantine`."""
        said = attention.quarantine_said(self.error)
        if said == attention.QUARANTINE_ELSEWHERE:
            return "terjadi kesalahan program saat memproses email ini (rinciannya: mailbot quarantine)"
        return said


# A burst of junk (a spam run, a broken client sending again and again) is one notice to the operator per
# group of messages read together, listing at most this many; `mailbot quarantine` lists them all.
LISTED = 20


def tell_operator(session: Session, desk: Desk, entries: list[QuarantinedEntry]) -> None:
    """One notice to the operator for the messages quarantined together (a group of the inbox pass)."""
    from mailbot.outgoing import queue

    if not entries:
        return
    operator = desk.config.office.operator or desk.config.office.managers[0]
    first, last = entries[0].message_pk, entries[-1].message_pk
    queue(session, desk, purpose=f"quarantined:{first}" + (f"-{last}" if len(entries) > 1 else ""),
          category="notice", template="notice_quarantined", to=[operator],
          context={"entries": entries[:LISTED], "unlisted": len(entries) - min(len(entries), LISTED),
                   "count": len(entries)})


def dismiss(desk: Desk, message_pk: int, reason: str, *, actor: str) -> None:
    """Take a quarantined message off the quarantine list, keeping it and the reason on record; its queue item
    is closed with that reason."""
    if not reason.strip():
        raise InvalidAction("a dismissal needs a reason: --reason TEXT")
    with desk.sessions.begin() as session:
        row = session.get(Message, message_pk)
        if row is None:
            raise InvalidAction(f"no stored message {message_pk}; see `mailbot quarantine`")
        if row.status != "quarantined":
            raise InvalidAction(f"message {message_pk} is {row.status}, not quarantined")
        row.status = "dismissed"
        attention.dismissed(session, desk, row, actor=actor, reason=reason)
        repo.audit(session, at=desk.now(), actor=actor, action="dismiss", target=f"message:{message_pk}",
                   details={"reason": reason, "error": row.error})


def withdraw_resend_request(session: Session, desk: Desk, message_pk: int) -> int | None:
    """After message *message_pk* was replayed and processed, the reply asking its district to send it again
    (queued when it was quarantined) must not go: it is marked suppressed with the reason, if it still waits.
    Its outbox id, or None when there was none waiting."""
    from sqlalchemy import select

    from mailbot.store.schema import OutboxMessage

    row = session.scalar(select(OutboxMessage).where(OutboxMessage.purpose == f"quarantined-sender:{message_pk}",
                                                     OutboxMessage.status == "queued"))
    if row is None:
        return None
    repo.suppress_queued(session, [row], why=f"withdrawn: message {message_pk} was replayed and processed (mailbot "
                         "replay); the district need not send it again", at=desk.now(), actor="policy",
                         action="withdraw-resend", details={"message": message_pk})
    return row.id


def _district_of(desk: Desk, sender: str | None):  # type: ignore[no-untyped-def]
    if not sender:
        return None
    address = sender.lower()
    return next((d for d in desk.config.districts if address in d.senders), None)


def automated(desk: Desk, raw: bytes | None) -> bool:
    """Whether the quarantined mail *raw* says by its headers or its sender that a machine wrote it (RFC 3834:
    Auto-Submitted, a list, a delivery report, ...), or its headers cannot be read: never answered, not even to
    say that a person will read it."""
    headers = _headers(raw)
    return headers is None or bool(header_reasons(headers, desk.config.own_addresses))


def _headers(raw: bytes | None) -> EmailMessage | None:
    if not raw:
        return None
    try:
        return email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw[:65536])
    except Exception:  # noqa: BLE001 - a message that already failed; no notice rather than a second failure
        return None
