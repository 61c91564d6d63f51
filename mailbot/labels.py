"""The label of a stored message: the right reading of it, in the format of the labelled reading sets, kept by a
person's correction (mailbot.corrections) or by a district answer that completed a clarification."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot.desk import Desk
from mailbot.reader.verdict import QUANTITY_FIELDS, Verdict
from mailbot.store.schema import Label, Message

LABEL_KEYS = ("district", "item", "kind", "needs_attachment", "printed", "received", "recorded", "requested",
              "sender_known", "stock_on_hand", "tags")


def label_of(message: Message) -> dict[str, object]:
    """The stored reading of *message* as a label (what mailbot understood, before any correction)."""
    v = message.verdict or {}
    guard = message.guard or {}
    label: dict[str, object] = {k: v.get(k) for k in ("kind", "district", "item", *QUANTITY_FIELDS)}
    label["kind"] = label["kind"] or "other"
    label["sender_known"] = bool(guard.get("on_list", v.get("sender_known", False)))
    label["needs_attachment"] = False
    label["tags"] = []
    if label["kind"] in ("automated", "other"):
        label.update({"item": None, **{f: None for f in QUANTITY_FIELDS}})
    return {k: label[k] for k in LABEL_KEYS}


def keep_label(session: Session, desk: Desk, message: Message, label: dict[str, object], *, origin: str,
               actor: str, reason: str | None) -> Label:
    row = session.scalar(select(Label).where(Label.message_pk == message.id))
    if row is None:
        row = Label(message_pk=message.id, label=label, origin=origin, actor=actor, reason=reason, at=desk.now())
        session.add(row)
    else:
        row.label, row.origin, row.actor, row.reason, row.at = label, origin, actor, reason, desk.now()
    return row


def label_clarification(session: Session, desk: Desk, message: Message, verdict: Verdict) -> None:
    """A district answer that completed a clarification: its reading, confirmed by the exchange, is a label."""
    if session.scalar(select(Label.id).where(Label.message_pk == message.id)) is not None:
        return
    session.flush()
    keep_label(session, desk, message, label_of(message), origin="clarification", actor=verdict.sender or "district",
               reason="jawaban atas pertanyaan klarifikasi")
