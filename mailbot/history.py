"""A request's whole story, or a message's: the thread, what was read, what was decided, who did what."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mailbot.errors import InvalidAction
from mailbot.indonesian import number
from mailbot.stock.explain import no_proposal, reason_codes
from mailbot.store import repo
from mailbot.store.schema import (
    AttentionItem,
    AuditEvent,
    Decision,
    Label,
    LedgerEntry,
    Message,
    OutboxMessage,
    Request,
)

# What the history says of a decision, a ledger entry, a message's kind and its figures, an audited action:
# the words of the requests table and the queue, never the code stored.
DECISION_WORDS = {
    "approve": "approved", "approve_partial": "approved in part", "hold": "waiting for manager",
    "clarify": "asked back", "propose": "proposed, waiting for manager", "updated": "figures changed",
    "linked": "linked to an open request", "joined": "the district's own request took the proposal's place",
    "reject": "rejected", "withdraw": "withdrawn", "received": "received",
    "appeal_granted": "appeal granted, decided again", "appeal_declined": "appeal declined, still rejected",
}
LEDGER_WORDS = {
    "opening": "opening balance", "supply_received": "received from the ministry",
    "shipment_approved": "promised to the district (approved, still in the store)",
    "shipment_cancelled": "promise released (approval withdrawn)", "shipment_dispatched": "dispatched, in transit",
    "receipt_confirmed": "received by the district", "stock_observed": "counted in a daily report",
    "adjustment": "adjustment",
}
KIND_WORDS = {"request": "request", "stock_report": "daily report", "receipt": "receipt", "automated": "automatic mail",
              "other": "not a request or report"}
FIGURE_WORDS = {"requested": "requested", "stock_on_hand": "stock", "received": "received", "printed": "printed",
                "recorded": "recorded"}
AUDIT_WORDS = {
    "approve": "approved", "reject": "rejected", "withdraw": "withdrawn", "dispatch": "dispatched",
    "correct": "reading corrected", "reminder": "reminder from the district", "confirm": "district confirmed",
    "update": "district changed its figures", "reading-update": "figures changed by the corrected reading",
    "ask-back": "asked back", "receipt-correction": "receipt count corrected",
    "close-item": "queue item closed", "dismiss": "taken off the quarantine list", "resolve": "difference resolved",
    "supply": "supply received", "adjust": "adjustment", "appeal": "district appealed the rejection",
    "join-proposal": "district's own request took the proposal's place",
    "repeat": "district sent the same change again (nothing changed)",
    "resent": "district sent the same mail again (not acted on twice)",
    "appeal-granted": "appeal granted", "appeal-declined": "appeal declined",
}


def _words(table: Mapping[str, str], code: str | None) -> str:
    """*code* in the operator's words; an unknown code with its underscores as spaces."""
    return table.get(code or "", (code or "-").replace("_", " "))


@dataclass(frozen=True)
class Event:
    at: datetime
    what: str  # in | out | decision | ledger | audit | queue | label
    who: str
    text: str


def story(session: Session, target: str, districts: Mapping[str, str] | None = None) -> tuple[str, list[Event]]:
    """(heading, events in time order) for a reference (BLK-...) or a stored message id; *districts*
    (code -> name) names the district in the heading."""
    if target.isascii() and target.isdigit():
        message = session.get(Message, int(target)) if int(target) < 2**63 else None  # above any row id
        if message is None:
            raise InvalidAction(f"no stored message {target}")
        request = session.scalar(select(Request).where(Request.message_pk == message.id)) or _request_of(session,
                                                                                                            message)
        if request is None:
            return _message_heading(message), _message_events(session, message)
    else:
        request = repo.request_by_reference(session, target.strip().upper())
        if request is None:
            raise InvalidAction(no_request(session, target))
    return (_request_heading(request, districts or {}, policy_codes(session, request),
                             written_by(session, request)),
            _request_events(session, request, districts or {}))


def _delivered_in_part(session: Session, o: OutboxMessage) -> str:
    """"; delivered to a@…; not to b@… (sent|failed|queued)" for a mail the server took for some recipients and refused
    for others (the row keeps only the others), else ""."""
    got = [str(address) for a in session.scalars(select(AuditEvent).where(
        AuditEvent.target == f"outbox:{o.id}", AuditEvent.action == "delivered_in_part").order_by(AuditEvent.id))
        for address in (a.details or {}).get("delivered", [])]
    if not got:
        return ""
    rest = {"sent": "sent later", "failed": "given up", "queued": "still tried",
            "suppressed": "withdrawn"}.get(o.status, o.status)
    return f"; delivered to {', '.join(got)}; not to {', '.join(o.recipients)} ({rest})"


def policy_codes(session: Session, request: Request) -> list[str]:
    """The reason codes of the policy's last decision on *request*: why its proposal is what it is."""
    last = session.scalar(select(Decision).where(Decision.request_pk == request.id, Decision.actor == "policy")
                          .order_by(Decision.id.desc()).limit(1))
    return reason_codes(last.reasons) if last is not None else []


def no_request(session: Session, typed: str) -> str:
    """The operator's line for a reference no request has: with the request meant when *typed* is a number without
    its year ("BLK-0005", "0005", "5": request number 5 of a year, when there is one), or with a year that has no
    such request ("BLK-2025-0005": number 5 of another year).

    Written for `approve`, `reject`, `dispatch`, `history` and the other commands that take a reference."""
    import re

    from mailbot.suggest import suggestion

    bare = re.fullmatch(r"(?:BLK[-\s]*)?(?:((?:19|20)[0-9]{2})[-\s]+)?0*([1-9][0-9]{0,3})", typed.strip(),
                        re.IGNORECASE)
    # with a year no request has that number in ("BLK-2025-0005" typed in 2026): the same number of another year
    meant = [r for r in repo.references_numbered(session, int(bare[2])) if not bare[1] or bare[1] not in r] \
        if bare else []
    hint = suggestion(" or ".join(meant)) if meant else ""
    return f"no request {typed!r}{hint}; see `mailbot requests`"


def _request_of(session: Session, message: Message) -> Request | None:
    pk = session.scalar(select(AttentionItem.request_pk).where(AttentionItem.message_pk == message.id,
                                                               AttentionItem.request_pk.is_not(None)))
    return session.get(Request, pk) if pk is not None else None


def written_by(session: Session, r: Request) -> str | None:
    """Who wrote *r*: its sender, else the address its mail was read from (a From whose display name has bytes
    no charset decodes passes no sender check, yet its address was read); None for a proposal of the desk's own."""
    if r.sender or r.message_pk is None:
        return r.sender
    return session.scalar(select(Message.sender).where(Message.id == r.message_pk))


def _request_heading(r: Request, districts: Mapping[str, str], why: Sequence[str] = (),
                     sender: str | None = None) -> str:
    """The request in the words of the requests table: the district's name, the state in words, a proposal
    waiting for a decision apart from an approval; *sender*: written_by()."""
    from mailbot.outcomes import state_words

    district = f"{r.district} {districts.get(r.district, '')}".strip() if r.district else "? (unknown sender)"
    decided = r.state in ("approved", "dispatched", "received")
    figure = (f"approved {number(r.approved)}" if decided
              else f"proposed {number(r.approved)}" if r.approved else "approved -" if r.approved is None
              else no_proposal(why, english=True))
    return (f"{r.reference}  district {district}  item {r.item or '-'}  state {state_words(r.state)}  "
            f"requested {number(r.requested) if r.requested is not None else '-'}  stock stated "
            f"{number(r.stock_on_hand) if r.stock_on_hand is not None else '-'}  {figure}  "
            f"from {sender or r.sender or ('stock alert' if r.proactive else '-')}")


def _message_heading(m: Message) -> str:
    return (f"message {m.id}  {m.status}  from {m.sender or '-'}  read as {_words(KIND_WORDS, m.kind)}  "
            f"subject {m.subject!r}")


# What the desk took a message as when that is not the reader's kind: a reminder about a request (whatever
# figures it stated beside it), the same request or receipt sent again.
TAKEN_WORDS = {"reminder": "a reminder", "resent": "the same mail sent again (nothing new recorded)",
               "report_fix": "a correction of a daily report already booked (no new report recorded)"}


def _taken(session: Session, ids: set[int]) -> dict[int, str]:
    """Of the messages *ids*, those the desk took as other than the reader's kind (TAKEN_WORDS), by id."""
    if not ids:
        return {}
    taken = {pk: "reminder" for pk in session.scalars(select(AttentionItem.message_pk).where(
        AttentionItem.kind == "reminder", AttentionItem.message_pk.in_(ids))) if pk is not None}
    taken.update({pk: "report_fix" for pk in session.scalars(select(AttentionItem.message_pk).where(
        AttentionItem.reason == "report_correction", AttentionItem.message_pk.in_(ids))) if pk is not None})
    for a in session.scalars(select(AuditEvent).where(AuditEvent.action.in_(("resent", "report_corrected")))):
        if a.details.get("message") in ids:
            taken[int(a.details["message"])] = "resent" if a.action == "resent" else "report_fix"
    return taken


def _reading(m: Message, taken: str | None = None) -> str:
    """The message as read: its kind (or, *taken*, what the desk took it as) and the figures read."""
    v = m.verdict or {}
    figures = ", ".join(f"{FIGURE_WORDS[k]} {number(v[k]) if type(v[k]) is int else v[k]}"
                        for k in ("requested", "stock_on_hand", "received", "printed", "recorded")
                        if v.get(k) is not None)
    doubts = "; ".join(f"{_words(FIGURE_WORDS, d['field'])}: {str(d['reason']).replace('_', ' ')}"
                       for d in v.get("doubts", []))
    said = f"taken as {TAKEN_WORDS[taken]}" if taken in TAKEN_WORDS else f"read as {_words(KIND_WORDS, m.kind)}"
    return (f"#{m.id} {m.subject!r}: {said}" + (f" ({figures})" if figures else "")
            + (f", doubts {doubts}" if doubts else "") + (f", error {m.error}" if m.error else ""))


def _message_events(session: Session, m: Message) -> list[Event]:
    events = [Event(m.received_at, "in", m.sender or "-", _reading(m, _taken(session, {m.id}).get(m.id)))]
    label = session.scalar(select(Label).where(Label.message_pk == m.id))
    if label is not None:
        reason = f" ({label.reason})" if label.reason else ""
        events.append(Event(label.at, "label", label.actor, f"{label.origin}: {_label_words(label.label)}{reason}"))
    for item in session.scalars(select(AttentionItem).where(AttentionItem.message_pk == m.id)):
        events.extend(_queue_events(item))
    for a in session.scalars(select(AuditEvent).where(AuditEvent.target == f"message:{m.id}")):
        events.append(Event(a.at, "audit", a.actor, f"{_words(AUDIT_WORDS, a.action)}: {_details(a.details)}"))
    return sorted(events, key=lambda e: e.at)


def _signed(value: int) -> str:
    """+2.000, -500, 0: a change of pieces in Indonesian figures."""
    return ("+" if value > 0 else "-" if value < 0 else "") + number(abs(value))


# The audit details that are pieces (the rest, message ids among them, are shown as recorded).
_PIECES = frozenset({"quantity", "requested", "approved", "proposed", "delta", "stock_on_hand", "shipped",
                     "received", "old", "new", "free", "need", "withdrawn"})


# How an audit record's details read: "{}" is the value (pieces in Indonesian figures).
DETAIL_WORDS = {
    "quantity": "{} pieces", "override": "approved anyway because: {}", "reason": "reason: {}",
    "withdrawn": "approval of {} pieces withdrawn", "message": "message #{}", "requested": "requested {}",
    "approved": "approved {}", "proposed": "proposed {}", "delta": "change {}", "stock_on_hand": "stock {}",
    "shipped": "shipped {}", "received": "received {}", "note": "note: {}", "changes": "changed: {}",
    "old": "before {}", "new": "after {}", "free": "free {}", "need": "need {}",
}


def _via(value: object) -> str:
    """How an action came: "cli" on the command line, "message:14" by the e-mail #14."""
    text = str(value)
    if text == "cli":
        return "on the command line"
    if text.startswith("message:") and text.removeprefix("message:").isdigit():
        return f"by e-mail (message #{text.removeprefix('message:')})"
    return f"through {text}"


def _label_words(label: object) -> str:
    """A person's reading of a message (a correction's label) in the words of the history's own readings: "read as
    request from 65.01, ktp-el (requested 2.000, stock 500)", never the record as Python prints it."""
    if not isinstance(label, dict):
        return str(label)
    figures = ", ".join(f"{FIGURE_WORDS[k]} {number(label[k]) if type(label[k]) is int else label[k]}"
                        for k in FIGURE_WORDS if label.get(k) is not None)
    where = ", ".join(str(label[k]) for k in ("district", "item") if label.get(k))
    tags = ", ".join(str(t).replace("_", " ") for t in label.get("tags") or [])
    return (f"read as {_words(KIND_WORDS, label.get('kind'))}" + (f" from {where}" if where else "")
            + (f" ({figures})" if figures else "") + (", needs an attachment" if label.get("needs_attachment") else "")
            + (f", tags {tags}" if tags else ""))


def _details(details: dict[str, object]) -> str:
    """An audit record's details in plain words ("2.000 pieces, on the command line, reason: ..."), pieces in
    Indonesian figures, nested records as readable words, never key=value records or Python's own notation."""
    said = []
    for key, value in details.items():
        if value is None or value == "":
            continue
        if key == "via":
            said.append(_via(value))
        elif key == "withdrawn" and not value:
            continue
        else:
            said.append(DETAIL_WORDS.get(key, key.replace("_", " ") + " {}").format(_value(key, value)))
    return ", ".join(said) or "-"


def who(actor: str | None) -> str:
    """Who did it, in words: "cli:root" is the user root on the command line."""
    if actor and actor.startswith("cli:"):
        return f"{actor.removeprefix('cli:')} (command line)"
    return actor or "-"


def _value(key: str, value: object) -> str:
    if value is None:
        return "-"
    if type(value) is int and (key in _PIECES or key in ("before", "after")):
        return number(value)
    if isinstance(value, dict):
        if {"field", "before", "after"} <= value.keys():
            return (f"{value['field']} {_value('before', value['before'])} -> "
                    f"{_value('after', value['after'])}")
        if set(value) == {"code"} or (value.keys() == {"code", "message"}):
            return str(value["code"])
        if "kind" in value:  # a reading, before or after a correction: as the history says a reading
            return _label_words(value)
        return " ".join(f"{k}={_value(str(k), v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(_value(key, v) for v in value) or "-"
    return str(value)


def _update_text(reasons: object) -> str:
    """What a district's update changed, from its decision's reasons: "requested 1.500 -> 1.000"."""
    changes = [c for r in (reasons if isinstance(reasons, list) else []) if isinstance(r, dict)
               for c in (r.get("changes") or [])]
    return "; ".join(_value("changes", c) for c in changes) if changes else _value("reasons", reasons)


def _queue_events(item: AttentionItem) -> list[Event]:
    from mailbot.attention import QUEUE_KINDS, operator_reason

    kind = QUEUE_KINDS.get(item.kind, item.kind.replace("_", " "))
    # "queue item 3", never "#3": in the history "#3" is message 3
    events = [Event(item.opened_at, "queue", "mailbot",
                    f"queue item {item.id} {kind}: {operator_reason(item.reason)}")]
    if item.closed_at is not None:
        events.append(Event(item.closed_at, "queue", item.closed_by or "-",
                            f"queue item {item.id} closed: {item.resolution}"))
    return events


def _location(code: str, districts: Mapping[str, str]) -> str:
    return "province store" if code == "province" else f"{code} {districts.get(code, '')}".strip()


def _request_events(session: Session, r: Request, districts: Mapping[str, str]) -> list[Event]:
    message_ids: set[int] = {r.message_pk} if r.message_pk is not None else set()
    events: list[Event] = []
    for d in session.scalars(select(Decision).where(Decision.request_pk == r.id)):
        for reason in d.reasons:
            if isinstance(reason, dict) and isinstance(reason.get("message"), int):
                message_ids.add(reason["message"])
        qty = f" {number(d.quantity)}" if d.quantity is not None else ""
        said = _words(DECISION_WORDS, d.outcome)
        if d.outcome in ("hold", "propose") and d.quantity:
            said, qty = "waiting for manager, proposed", qty
        elif d.outcome in ("hold", "propose") and d.quantity == 0:
            said, qty = f"waiting for manager, {no_proposal(reason_codes(d.reasons), english=True)}", ""
        elif d.outcome == "clarify":
            # a question asks for a figure: it has none of its own ("asked back 0" said a figure nobody gave)
            qty = ""
        events.append(Event(d.at, "decision", d.actor, f"{said}{qty}"
                            + (f": {d.note}" if d.note else "")
                            + (f" {_update_text(d.reasons)}" if d.outcome == "updated" else "")))
    for item in session.scalars(select(AttentionItem).where(AttentionItem.request_pk == r.id)):
        if item.message_pk is not None:
            message_ids.add(item.message_pk)
        events.extend(_queue_events(item))
    for a in session.scalars(select(AuditEvent).where(or_(AuditEvent.target == r.reference,
                                                          AuditEvent.target.like("message:%")))):
        if a.target != r.reference and not (a.target or "").removeprefix("message:").isdigit():
            continue
        if a.target != r.reference and int((a.target or "0").removeprefix("message:")) not in message_ids:
            continue
        if isinstance(a.details.get("message"), int):
            message_ids.add(a.details["message"])
        events.append(Event(a.at, "audit", a.actor, f"{_words(AUDIT_WORDS, a.action)}: {_details(a.details)}"))
    for e in session.scalars(select(LedgerEntry).where(LedgerEntry.request_pk == r.id)):
        events.append(Event(e.at, "ledger", e.actor,
                            f"{_location(e.location, districts)}, {_words(LEDGER_WORDS, e.kind)}: on hand "
                            f"{_signed(e.on_hand)}, in transit {_signed(e.in_transit)}, committed "
                            f"{_signed(e.committed)}" + (f" ({e.note})" if e.note else "")))
    for o in session.scalars(select(OutboxMessage).where(OutboxMessage.request_pk == r.id)):
        events.append(Event(o.created_at, "out", ", ".join(o.recipients), f"{o.status}: {o.subject}"
                            + _delivered_in_part(session, o)))
    taken = _taken(session, message_ids)
    for m in session.scalars(select(Message).where(Message.id.in_(message_ids))):
        events.append(Event(m.received_at, "in", m.sender or "-", _reading(m, taken.get(m.id))))
        label = session.scalar(select(Label).where(Label.message_pk == m.id))
        if label is not None:
            events.append(Event(label.at, "label", label.actor, f"#{m.id} {label.origin}: {_label_words(label.label)}"))
    return sorted(events, key=lambda e: (e.at, e.what != "in"))
