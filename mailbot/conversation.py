"""A district's reply in a request's thread is a follow-up to that request: a corrected or raised figure
updates it in place and it is decided again; a confirmation is recorded; a question or a reminder goes to
a person. Never a second reference for the same conversation."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from mailbot import actions, attention
from mailbot.desk import Desk
from mailbot.guards.threads import MESSAGE_ID, find_references
from mailbot.guards.trust import SenderTrust
from mailbot.indonesian import FIELD_LABELS
from mailbot.outgoing import queue
from mailbot.reader.verdict import Verdict
from mailbot.stock.ledger import Entry, EntryKind
from mailbot.store import repo
from mailbot.store import stock as ledger
from mailbot.store.schema import Message, Request

# States in which a request can still change: nothing has left the store.
CHANGEABLE = ("clarifying", "held", "approved")
FIGURES = ("requested", "stock_on_hand")
_CONFIRMATION = re.compile(r"\b(?:terima ?kasih|makasih|baik|siap|oke|ok|noted|sudah kami terima|sip|mantap|"
                           r"thanks?|thank you)\b", re.IGNORECASE)
_CORRECTION = re.compile(r"\b(?:koreksi|ralat|bukan|sebenarnya|yang benar|salah|keliru|revisi|menjadi)\b",
                         re.IGNORECASE)


def find_thread(session: Session, verdict: Verdict) -> Request | None:
    """The request a follow-up belongs to: by reference in the subject, then by In-Reply-To/References."""
    for reference in find_references(verdict.subject):
        found = repo.request_by_reference(session, reference)
        if found is not None:
            return found
    ids = [i for i in ([verdict.in_reply_to] if verdict.in_reply_to else []) + list(verdict.references)
           if MESSAGE_ID.fullmatch(i or "")]
    return repo.request_by_outbound_message_id(session, ids) or repo.request_by_inbound_message_id(session, ids)


def changes(req: Request, verdict: Verdict) -> list[dict[str, object]]:
    """The figures of *verdict* that differ from those recorded on *req*: field, label, before, after."""
    found = []
    for field in FIGURES:
        after = verdict.quantity(field)
        before = getattr(req, field)
        if after is not None and after != before:
            found.append({"field": field, "label": FIELD_LABELS[field], "before": before, "after": after})
    return found


def is_follow_up(verdict: Verdict, trust: SenderTrust, thread: Request | None) -> bool:
    """A trusted district sender writing in the thread of its own district's request."""
    return (thread is not None and trust.trusted and not trust.is_manager and trust.district is not None
            and thread.district == trust.district and verdict.kind in ("request", "stock_report", "other"))


def follow_up(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
              thread: Request) -> str | None:
    """Handle a reply in *thread*'s conversation; None leaves it to the ordinary routes (an answer to
    our question completes the request there)."""
    if thread.state == "clarifying" and (verdict.requested is not None or verdict.kind == "request"):
        if verdict.requested is not None and not any(d.field in ("requested", "item") for d in verdict.doubts):
            return None  # the answer to our question: it completes the request (mailbot.routes)
        # asked once and still unreadable: a person takes it over instead of asking again
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="doubt",
                            detail=_detail(verdict, []), district=thread.district, item=thread.item,
                            message=message, request=thread)
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread)
        return "follow-up-unreadable"
    if verdict.kind == "stock_report" and (verdict.printed is not None or verdict.recorded is not None) \
            and not _CORRECTION.search(verdict.body_excerpt or ""):
        return None  # a daily report written as a reply: it is a report
    changed = changes(thread, verdict)
    if changed and thread.state in CHANGEABLE:
        return update(session, desk, thread, message, verdict, trust, changed)
    if changed or (thread.state not in CHANGEABLE and thread.state != "linked"
                   and verdict.kind != "other" and not attention.is_reminder(verdict)):
        reason = "other_address" if thread.state == "linked" else "after_decision"
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason=reason,
                            detail=_detail(verdict, changed), district=thread.district, item=thread.item,
                            message=message, request=thread)
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread)
        return "follow-up-queued"
    if attention.is_reminder(verdict):
        return attention.reminder(session, desk, message, verdict, trust, _open_end(session, thread))
    if attention.is_question(verdict):
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="question",
                            detail=_detail(verdict, []), district=thread.district, item=thread.item,
                            message=message, request=thread)
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread)
        return "follow-up-question"
    if verdict.kind in ("request", "stock_report") or _is_confirmation(verdict):
        repo.audit(session, at=desk.now(), actor=trust.address or "district", action="confirm",
                   target=thread.reference, details={"message": message.id, "text": (verdict.body_excerpt or "")[:300]})
        return "follow-up-confirmed"
    return "other"  # not a figure, a question or a confirmation: a person reads it (mailbot.attention)


def update(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict, trust: SenderTrust,
           changed: list[dict[str, object]]) -> str:
    """The district corrected or raised a figure: the request changes in place and is decided again."""
    outcome = redecide(session, desk, req, message, verdict, changed, actor=trust.address or "district",
                       sender_known=trust.on_list, authenticated=trust.authenticated is not False)
    return f"follow-up-{outcome}"


def redecide(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict,
             changed: list[dict[str, object]], *, actor: str, sender_known: bool, authenticated: bool,
             purpose_tag: str | None = None, note: str | None = None) -> str:
    """Change *req*'s figures in place and decide it again; an approval not yet shipped is released first
    (an audited cancellation in the ledger). The district's reply tells what changed, in the same thread."""
    now = desk.now()
    was_held = req.state == "held"
    tag = f"{purpose_tag}:{now.isoformat()}" if purpose_tag else f"update:{message.id}"
    if req.state == "approved" and req.approved and req.district:
        ledger.book(session, Entry(req.item or "ktp-el", req.district, req.approved, EntryKind.SHIPMENT_CANCELLED,
                                   now, tag, req.reference), actor=actor, request_pk=req.id)
        req.approved = None
    for change in changed:
        setattr(req, str(change["field"]), change["after"])
    req.updated_at = now
    session.add(actions.record_update(req, changed, actor=actor, at=now, message_id=message.id))
    repo.audit(session, at=now, actor=actor, action="update", target=req.reference,
               details={"message": message.id, "changes": [
                   {"field": c["field"], "before": c["before"], "after": c["after"]} for c in changed]})
    session.flush()
    decision = actions.evaluate(session, desk, req, sender_known=sender_known, authenticated=authenticated)
    outcome = actions.apply_policy(session, desk, req, decision, message=message, verdict=verdict, trusted=True,
                                   changes=changed,
                                   note=note if note is not None else (verdict.body_excerpt or "")[:600],
                                   reply_purpose=None if purpose_tag is None else f"reply:{message.id}:{tag}")
    if was_held and req.state != "held":
        # the managers were asked to decide: they learn it no longer waits for them
        queue(session, desk, purpose=f"released:{req.id}:{tag}", category="notice", template="notice_released",
              to=desk.config.office.managers, request_pk=req.id,
              context={"reference": req.reference, "district_name": desk.district_name(req.district),
                       "item": req.item, "changes": changed, "by_us": bool(changed and changed[0].get("by_us")),
                       "by": str(changed[0].get("by", "")) if changed else "",
                       "outcome_text": _OUTCOME_TEXT.get(req.state, req.state),
                       "approved": req.approved if req.state == "approved" else None})
    return outcome


_OUTCOME_TEXT = {"approved": "DISETUJUI otomatis", "clarifying": "perlu ditanyakan kembali kepada kabupaten/kota",
                 "rejected": "ditolak"}


def reminder_target(session: Session, verdict: Verdict, trust: SenderTrust) -> Request | None:
    """The district's open request a reminder outside any thread (a forwarded request, a new email) is about."""
    if not (trust.trusted and trust.district and not trust.is_manager and attention.is_reminder(verdict)):
        return None
    found = repo.open_request(session, trust.district, verdict.item or "ktp-el", states=repo.OPEN_STATES,
                              verified_only=True)
    if found is None:
        return None
    if verdict.requested is not None and found.requested is not None and verdict.requested != found.requested:
        return None  # a different figure: a request of its own, not a reminder
    return found


def _is_confirmation(verdict: Verdict) -> bool:
    """A short "baik, terima kasih" / "siap" / "noted": recorded; anything longer is for a person to read."""
    text = (verdict.body_excerpt or "").strip()
    return len(text) <= 200 and bool(_CONFIRMATION.search(text))


def _open_end(session: Session, req: Request) -> Request:
    """A linked request stands for the open one it was linked to."""
    if req.state == "linked" and req.linked_to is not None:
        return session.get(Request, req.linked_to) or req
    return req


def _detail(verdict: Verdict, changed: list[dict[str, object]]) -> str:
    told = "; ".join(f"{c['label']}: {c['before']} -> {c['after']}" for c in changed)
    return "\n".join(part for part in (verdict.subject, told, verdict.body_excerpt) if part)
