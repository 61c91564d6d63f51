"""The database tables: messages, requests, reports, the stock ledger, decisions, the outbox."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as UTC on every backend (SQLite keeps no offset), read back aware in UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class Message(Base):
    """Every message taken from the inbox, raw bytes included: the archive the reader can re-read."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # "mid:<Message-ID>" or "sha256:<hex of raw bytes>"; the unique key that makes intake idempotent.
    dedup_key: Mapped[str] = mapped_column(String(1000), unique=True)
    message_id: Mapped[str | None] = mapped_column(String(998))
    inbox_key: Mapped[str] = mapped_column(String(500))
    sender: Mapped[str | None] = mapped_column(String(320), index=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    # processed | quarantined
    status: Mapped[str] = mapped_column(String(20), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(20))
    district: Mapped[str | None] = mapped_column(String(10), index=True)
    verdict: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    guard: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    outbound_ref: Mapped[str | None] = mapped_column(String(998))  # our Message-ID a bounce refers to
    # What routing needs of the text it quotes or forwards, read with it (mailbot.conversation.quoted_facts), so
    # that the stored mail is never parsed again for it; None for a mail that needs nothing of it.
    quoted: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Request(Base):
    """A district's request for blanks, from first mail to receipt."""

    __tablename__ = "requests"
    __table_args__ = (Index("ix_requests_open", "district", "item", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    district: Mapped[str | None] = mapped_column(String(10), index=True)
    item: Mapped[str | None] = mapped_column(String(10))
    # The district message that opened it; None for a shipment the province proposed itself.
    message_pk: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), unique=True)
    sender: Mapped[str | None] = mapped_column(String(320))
    requested: Mapped[int | None] = mapped_column(Integer)
    stock_on_hand: Mapped[int | None] = mapped_column(Integer)
    # clarifying | held | approved | rejected | dispatched | received | linked
    state: Mapped[str] = mapped_column(String(20), index=True)
    approved: Mapped[int | None] = mapped_column(Integer)
    linked_to: Mapped[int | None] = mapped_column(ForeignKey("requests.id"))
    proactive: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    held_since: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Decision(Base):
    """One decision on a request, with its reasons and arithmetic, by the policy or a person."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_pk: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int | None] = mapped_column(Integer)
    reasons: Mapped[list[Any]] = mapped_column(JSON)
    arithmetic: Mapped[list[Any]] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(320))
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class Report(Base):
    """A district's daily activity report: cards recorded, printed, and blanks left."""

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("message_pk", name="uq_reports_message"),
        Index("ix_reports_district_item_date", "district", "item", "report_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    district: Mapped[str] = mapped_column(String(10))
    item: Mapped[str] = mapped_column(String(10))
    report_date: Mapped[date] = mapped_column(Date)
    recorded: Mapped[int | None] = mapped_column(Integer)
    printed: Mapped[int | None] = mapped_column(Integer)
    stock_on_hand: Mapped[int | None] = mapped_column(Integer)
    message_pk: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class LedgerEntry(Base):
    """One stock movement. Balances are sums over these entries; nothing else holds stock."""

    __tablename__ = "ledger_entries"
    __table_args__ = (
        # A source produces each kind of movement at most once: replays cannot double a movement.
        UniqueConstraint("source", "kind", "item", "location", name="uq_ledger_source"),
        Index("ix_ledger_item_location", "item", "location"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    item: Mapped[str] = mapped_column(String(10))
    location: Mapped[str] = mapped_column(String(10))  # "province" or a district code
    kind: Mapped[str] = mapped_column(String(30))
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    in_transit: Mapped[int] = mapped_column(Integer, default=0)
    committed: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    source: Mapped[str] = mapped_column(String(200))  # "message:12", "request:BLK-2026-0001", "cli:..."
    request_pk: Mapped[int | None] = mapped_column(ForeignKey("requests.id"))
    actor: Mapped[str] = mapped_column(String(320))
    note: Mapped[str | None] = mapped_column(Text)


class OutboxMessage(Base):
    """A message to send, written in the same transaction as the facts it reports."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # What this message is for, e.g. "reply:<message pk>"; at most one message per purpose.
    purpose: Mapped[str] = mapped_column(String(300), unique=True)
    message_id: Mapped[str] = mapped_column(String(998), unique=True)
    category: Mapped[str] = mapped_column(String(20))  # reply | alert | digest | notice
    sender: Mapped[str] = mapped_column(String(320))
    recipients: Mapped[list[Any]] = mapped_column(JSON)
    subject: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    # queued | sent | failed | suppressed
    status: Mapped[str] = mapped_column(String(20), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # of a queued mail when it is due; of a failed one when it was given up
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    request_pk: Mapped[int | None] = mapped_column(ForeignKey("requests.id"))


class ReplyCount(Base):
    """Automatic replies queued to one address on one office day: the per-sender daily cap, in O(1)."""

    __tablename__ = "reply_counts"

    address: Mapped[str] = mapped_column(String(320), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class Alert(Base):
    """An alert raised; its key makes 'never twice for the same condition and period' a unique index."""

    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    district: Mapped[str | None] = mapped_column(String(10))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class Digest(Base):
    """A digest sent to managers; one per scheduled period."""

    __tablename__ = "digests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(40), unique=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class ImapCursor(Base):
    """Per mailbox: the UIDVALIDITY and the last UID seen. A hint; the unique keys are the truth."""

    __tablename__ = "imap_cursors"

    mailbox: Mapped[str] = mapped_column(String(500), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger)


class Counter(Base):
    """Named counters, e.g. the request sequence of a year."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class AuditEvent(Base):
    """Who did what and why: every command and manager action."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(50))
    target: Mapped[str | None] = mapped_column(String(200))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)



class AttentionItem(Base):
    """Something a person must look at ("perlu dibaca"): mail that ended with no action, a reminder, a
    stated stock far from the ledger's, a receipt short of what was shipped. Open until someone closes it."""

    __tablename__ = "attention_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # What makes the item unique, e.g. "read:message:12", "discrepancy:request:4": never opened twice.
    key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)  # read | reminder | reconcile | discrepancy
    reason: Mapped[str] = mapped_column(String(40))  # a code, see mailbot.attention.REASONS
    detail: Mapped[str | None] = mapped_column(Text)
    district: Mapped[str | None] = mapped_column(String(10))
    item: Mapped[str | None] = mapped_column(String(10))
    quantity: Mapped[int | None] = mapped_column(Integer)  # a shortfall or a difference, in pieces
    message_pk: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), index=True)
    request_pk: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    alerted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # managers told it waits too long
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    closed_by: Mapped[str | None] = mapped_column(String(320))
    resolution: Mapped[str | None] = mapped_column(Text)


class StatedStock(Base):
    """A stock figure a district stated (daily report, request, receipt), with its date and source."""

    __tablename__ = "stated_stock"
    __table_args__ = (Index("ix_stated_stock_district_item_at", "district", "item", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    district: Mapped[str] = mapped_column(String(10))
    item: Mapped[str] = mapped_column(String(10))
    quantity: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))  # report | request | receipt | correction
    message_pk: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class Label(Base):
    """The right reading of one stored message, stated by a person (or completed by a clarification),
    in the format of the labelled reading sets: kind, district, item, the five figures, tags."""

    __tablename__ = "labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("messages.id"), unique=True)
    label: Mapped[dict[str, Any]] = mapped_column(JSON)
    origin: Mapped[str] = mapped_column(String(20))  # correction | clarification | import
    actor: Mapped[str] = mapped_column(String(320))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
