"""Queues outgoing mail in the transactional outbox, in the caller's database transaction."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.orm import Session

from mailbot import greeting
from mailbot.desk import Desk
from mailbot.guards.headers import drop_reference_tags, safe_address, safe_header_text, safe_subject
from mailbot.guards.threads import MESSAGE_ID, strip_reply_prefixes
from mailbot.reader.verdict import Verdict
from mailbot.render import Category, Envelope, Rendered, compose, render
from mailbot.store import repo
from mailbot.store.prepared import Prepared
from mailbot.store.schema import Message, OutboxMessage


@dataclass(frozen=True)
class ReplyTo:
    """What an outgoing message answers: In-Reply-To and the References chain (well-formed ids only)."""

    message_id: str | None
    references: tuple[str, ...] = ()

    @classmethod
    def answering(cls, message_id: str | None, references: Sequence[str] = ()) -> ReplyTo:
        kept = tuple(r for r in references if _usable_id(r))[-10:]
        return cls(message_id if message_id and _usable_id(message_id) else None, kept)


# A Message-ID cannot be folded: one longer than this would make its header line longer than the 998 characters
# RFC 5322 allows ("References: " and the id), and a strict relay would refuse the reply.
MAX_ID_CHARS = 900


def _usable_id(message_id: str) -> bool:
    return len(message_id) <= MAX_ID_CHARS and MESSAGE_ID.fullmatch(message_id) is not None


def answering(message: Message, verdict: Verdict | None) -> ReplyTo:
    """In-Reply-To and References for a reply to a stored incoming *message* (read as *verdict*)."""
    return ReplyTo.answering(message.message_id, verdict.references if verdict else ())


# Each blank's names in a subject ("Permohonan blangko KTP-el", "Re: Permohonan blangko KIA").
_ITEM_IN_SUBJECT = {
    "ktp-el": re.compile(r"(?<![\w-])(?:e-?ktp|ktp(?:[- ]?el|[- ]elektronik)?)(?![\w-])", re.IGNORECASE),
    "kia": re.compile(r"(?<![\w-])(?:kia|kartu identitas anak)(?![\w-])", re.IGNORECASE),
}


def subject_of_item(subject: str, item: str | None) -> str:
    """*subject* naming *item*'s blank where it names only the other one: a request for KIA blanks opened in a
    KTP-el request's thread is answered under "Permohonan blangko KIA", then and later, never under the other's.

    >>> subject_of_item("Re: [BLK-2026-0001] Permohonan blangko KTP-el", "kia")
    'Re: [BLK-2026-0001] Permohonan blangko KIA'
    >>> subject_of_item("Permohonan blangko KTP-el dan KIA", "kia")
    'Permohonan blangko KTP-el dan KIA'
    """
    if item not in _ITEM_IN_SUBJECT:
        return subject
    other = "kia" if item == "ktp-el" else "ktp-el"
    if _ITEM_IN_SUBJECT[item].search(subject) or not _ITEM_IN_SUBJECT[other].search(subject):
        return subject
    return _ITEM_IN_SUBJECT[other].sub("KIA" if item == "kia" else "KTP-el", subject)


def reply_subject(original: str, reference: str | None) -> str:
    """"Re: [BLK-2026-0042] <original>" for a request, "Re: <original>" otherwise; prefixes never stacked. A reply
    about no request carries no request's reference (another district's, left in a forwarded subject, is never
    named to the writer, and its thread is not the writer's)."""
    if reference:
        return safe_subject(original, reference)
    text = strip_reply_prefixes(strip_reply_prefixes(drop_reference_tags(safe_header_text(original, max_len=400))))
    return safe_header_text(f"Re: {text}" if text else "Re: (tanpa subjek)", max_len=250)


@dataclass(frozen=True)
class Queued:
    """What queueing did: the outbox row's id (None when nothing was queued) and why a reply was held back."""

    outbox_id: int | None
    suppressed_reason: str | None = None

# Outbox rows are written with Core statements: queueing is on every message's path, and the ORM's
# unit of work costs several times the INSERT itself. Nothing holds an outbox row as an ORM object
# while a message is processed.
OUTBOX = cast(Table, OutboxMessage.__table__)
_QUEUED_FOR = Prepared(select(OUTBOX.c.id).where(OUTBOX.c.purpose == bindparam("for_purpose")))
_ENQUEUE = Prepared(insert(OUTBOX).returning(OUTBOX.c.id))

log = logging.getLogger(__name__)
# purposes already reported as having no recipient, so that a notice tried on every pass is told once
_UNADDRESSED: set[str] = set()


def queue(
    session: Session,
    desk: Desk,
    *,
    purpose: str,
    category: Category,
    template: str,
    to: list[str] | tuple[str, ...],
    subject: str | None = None,
    reply_to: ReplyTo | None = None,
    request_pk: int | None = None,
    context: dict[str, object],
    body: Rendered | None = None,
    writer_text: str | None = None,
    automatic: bool = True,
) -> Queued:
    """Render *template* (or take the ready *body*) and put the message in the outbox, unless one for
    *purpose* is already there.

    Automatic replies go through the per-sender daily cap: over it, the reply is recorded as suppressed. Mail a
    person causes (a command run by hand, *desk.by_person*; a decision, *automatic* False) is neither counted against
    that cap nor stopped by it: the cap is there against loops and floods, and a person asked for this mail. Nor is
    a reply to a manager or the operator (the confirmation of a manager's SETUJU, the ask to confirm with PAKSA,
    an acknowledgement): the office's own people are no mail loop, and their answers must never be held back. A
    reply greets its
    first recipient by role (mailbot.greeting: the config's, else the signature in *writer_text*, the words of the
    mail it answers) unless the context names the role.
    """
    # Outbox rows are only ever written here, by Core statements: the look-up needs no flush of the ORM rows
    # pending in the session (which would cost more than the whole queueing).
    connection = session.connection()
    existing = _QUEUED_FOR.scalar(connection, {"for_purpose": purpose})
    if existing is not None:
        return Queued(existing)
    recipients = tuple(a for a in (safe_address(t) for t in to) if a)
    if not recipients:
        if purpose not in _UNADDRESSED:  # never a silent drop: the configuration accepted these addresses
            _UNADDRESSED.add(purpose)
            about = (f"the mail about {context['reference']}" if context.get("reference") else f"the {category}"
                     + (f" {str(context['title'])!r}" if context.get("title") else " mail"))
            if to:
                log.error("not queued: %s has no address mail can be sent to (%s); if it is in config.toml, "
                          "correct it there and run mailbot check-config", about, ", ".join(map(repr, to)))
            else:  # the message it answers had no sender that could be told apart (two From mailboxes)
                log.warning("not queued: %s has no one to go to: the message it answers names no single sender",
                            about)
        return Queued(None, "no valid recipient address")
    now = desk.now()
    if body is None:
        if category == "reply" and "role" not in context:
            context = {**context, "role": greeting.role_of(desk.config, recipients[0], writer_text)}
        body = render(desk.env, template, office=desk.config.office, **context)
    final_subject = safe_header_text(subject if subject is not None else body.subject, max_len=250)
    envelope = Envelope(
        sender=desk.config.office.address,
        sender_name=safe_header_text(desk.config.office.name, max_len=120),
        recipients=recipients,
        subject=final_subject,
        in_reply_to=reply_to.message_id if reply_to else None,
        references=reply_to.references if reply_to else (),
    )
    message_id, raw = compose(envelope, body, category=category, domain=desk.config.office.domain, now=now,
                              purpose=purpose)
    status, reason = "queued", None
    if category == "reply" and automatic and not desk.by_person and not _office_person(desk, recipients[0]):
        cap = desk.config.guards.max_replies_per_sender_per_day
        if not repo.take_reply_slot(session, recipients[0], now.date(), cap):
            status, reason = "suppressed", f"per-sender cap of {cap} automatic replies a day reached"
    outbox_id = _ENQUEUE.scalar(connection, dict(
        purpose=purpose, message_id=message_id, category=category, sender=envelope.sender,
        recipients=list(recipients), subject=final_subject, raw=raw, status=status, attempts=0,
        next_attempt_at=now, last_error=reason, created_at=now, request_pk=request_pk, sent_at=None,
    ))
    return Queued(outbox_id, reason)


def _office_person(desk: Desk, address: str) -> bool:
    """Whether *address* is a manager's or the operator's (office.managers, office.operator), in any case."""
    office = desk.config.office
    people = (*office.managers, *((office.operator,) if office.operator else ()))
    return address.lower() in (person.lower() for person in people)
