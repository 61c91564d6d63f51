"""What the reader makes of one message: a Verdict value with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from mailbot.reader.frozen import quick

Kind = Literal["request", "stock_report", "receipt", "automated", "other"]
Item = Literal["ktp-el", "kia"]
QUANTITY_FIELDS: tuple[str, ...] = ("requested", "stock_on_hand", "received", "printed", "recorded")


@dataclass(frozen=True)
class District:
    """The reader's view of a configured district: its code, name and allowed senders."""

    code: str
    name: str
    senders: tuple[str, ...]


@quick
@dataclass(frozen=True)
class Evidence:
    """A number the reader took, and the text it took it from."""

    field: str  # one of QUANTITY_FIELDS
    value: int
    text: str  # the snippet of the message it came from, as written
    cues: tuple[str, ...] = ()  # the named cues that gave the number its role ("keyword_before:sisa", "unit:blank")


@quick
@dataclass(frozen=True)
class Doubt:
    """Why a careful clerk would ask back about one field.

    reason is a code: "missing" (no number where one is expected), "conflict"
    (two different numbers for the same role), "unclear" (a number whose role
    cannot be told), "item" (which blank is meant is unclear), "both_items" (both
    blanks asked for by name: the request is read for KTP-el and the district told
    so), "too_large" (a figure larger than any stock could be: a typo to ask about,
    never booked).
    """

    field: str
    reason: Literal["missing", "conflict", "unclear", "item", "both_items", "too_large", "negative"]
    text: str = ""  # the text that caused the doubt, for the clarification reply


@quick
@dataclass(frozen=True)
class ItemReading:
    """The figures a message gives for one blank (a report or receipt may give them for both)."""

    item: Item
    requested: int | None = None
    stock_on_hand: int | None = None
    received: int | None = None
    printed: int | None = None
    recorded: int | None = None
    evidence: tuple[Evidence, ...] = ()

    def quantity(self, name: str) -> int | None:
        value: int | None = getattr(self, name)
        return value

    def as_dict(self) -> dict[str, object]:
        return {
            **{name: getattr(self, name) for name in QUANTITY_FIELDS},
            "evidence": [
                {"field": e.field, "value": e.value, "text": e.text, "cues": list(e.cues)} for e in self.evidence
            ],
        }


@quick
@dataclass(frozen=True)
class Verdict:
    """The reader's verdict on one message. Pure data; no I/O went into it."""

    kind: Kind
    district: str | None
    sender_known: bool
    sender: str | None
    item: Item | None
    requested: int | None = None
    stock_on_hand: int | None = None
    received: int | None = None
    printed: int | None = None
    recorded: int | None = None
    report_date: date | None = None
    subject: str = ""
    message_id: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    automated_reasons: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    doubts: tuple[Doubt, ...] = ()
    body_excerpt: str = ""  # the new (unquoted) text, trimmed, for the operator and manager commands
    notes: tuple[str, ...] = field(default_factory=tuple)
    # A reading per blank the message gives figures for; the top-level figures are the main item's.
    readings: tuple[ItemReading, ...] = ()

    def quantity(self, name: str) -> int | None:
        value: int | None = getattr(self, name)
        return value

    def reading_for(self, item: str) -> ItemReading | None:
        return next((r for r in self.readings if r.item == item), None)

    def as_dict(self) -> dict[str, object]:
        """The JSON contract of `mailbot parse --json`."""
        return {
            "kind": self.kind,
            "district": self.district,
            "sender_known": self.sender_known,
            "sender": self.sender,
            "item": self.item,
            "requested": self.requested,
            "stock_on_hand": self.stock_on_hand,
            "received": self.received,
            "printed": self.printed,
            "recorded": self.recorded,
            "report_date": self.report_date.isoformat() if self.report_date else None,
            "subject": self.subject,
            "message_id": self.message_id,
            "automated_reasons": list(self.automated_reasons),
            "evidence": [
                {"field": e.field, "value": e.value, "text": e.text, "cues": list(e.cues)} for e in self.evidence
            ],
            "doubts": [{"field": d.field, "reason": d.reason, "text": d.text} for d in self.doubts],
            "readings": {r.item: r.as_dict() for r in self.readings},
            # the writer's own words as read (stored with the reading: what the desk quotes of a mail later)
            "body_excerpt": self.body_excerpt,
        }


def bounded(verdict: Verdict, maximum: int) -> Verdict:
    """*verdict* with every figure above *maximum* taken out and made a doubt (the district is asked).

    >>> v = Verdict("stock_report", "65.01", True, None, "ktp-el", recorded=999_999_999,
    ...             evidence=(Evidence("recorded", 999_999_999, "perekaman 999.999.999"),))
    >>> b = bounded(v, 200_000)
    >>> b.recorded, b.evidence, b.doubts
    (None, (), (Doubt(field='recorded', reason='too_large', text='perekaman 999.999.999'),))
    """
    large = [name for name in QUANTITY_FIELDS if (getattr(verdict, name) or 0) > maximum]
    if not large:
        return verdict
    doubts = [Doubt(name, "too_large", next((e.text for e in verdict.evidence if e.field == name), ""))
              for name in large]
    return replace(verdict, **{name: None for name in large},  # type: ignore[arg-type]
                   evidence=tuple(e for e in verdict.evidence if e.field not in large),
                   doubts=(*verdict.doubts, *doubts))
