"""What each kind of message leads to: requests, reports, receipts, manager replies, automated mail."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import replace

from sqlalchemy.orm import Session

from mailbot import actions, attention, conversation, corrections, watch
from mailbot.desk import Desk
from mailbot.errors import InvalidAction
from mailbot.guards.commands import CommandError, ManagerCommand, parse_manager_command
from mailbot.guards.threads import MESSAGE_ID, find_references
from mailbot.guards.trust import SenderTrust
from mailbot.indonesian import number
from mailbot.outgoing import answering, queue
from mailbot.reader.automated import is_delivery_report
from mailbot.reader.verdict import Verdict
from mailbot.stock.ledger import available_to_ship
from mailbot.store import repo
from mailbot.store import stock as ledger
from mailbot.store.schema import Message, Report, Request


def dispatch(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust) -> str:
    """Route one read message; returns a short outcome for logs and the run summary."""
    if verdict.kind == "automated":
        return automated(session, desk, message, verdict)
    if not trust.trusted and (trust.is_manager or verdict.kind != "request"):
        return untrusted(session, desk, message, verdict, trust)
    if trust.is_manager:
        return manager_reply(session, desk, message, verdict, trust)
    thread = find_thread(session, verdict)
    if verdict.kind == "receipt":
        return receipt(session, desk, message, verdict, trust, thread)
    if thread is not None and conversation.is_follow_up(verdict, trust, thread):
        handled = conversation.follow_up(session, desk, message, verdict, trust, thread)
        if handled is not None:
            return handled
    elif thread is None and (reminded := conversation.reminder_target(session, verdict, trust)) is not None:
        return attention.reminder(session, desk, message, verdict, trust, reminded)
    if attention.figures_elsewhere(message, verdict, trust):
        return "attachment"  # the figures may be in a PDF or an image: a person reads it (never asked back)
    if thread is not None and thread.state == "clarifying" and _answers_clarification(verdict) and trust.trusted:
        return _completed(session, desk, message, verdict,
                          actions.complete_clarification(session, desk, thread, message, verdict, trust))
    if verdict.kind == "request":
        return request(session, desk, message, verdict, trust, thread)
    if verdict.kind == "stock_report":
        return report(session, desk, message, verdict, trust)
    return "other"


# --- threads -------------------------------------------------------------------------------------

def find_thread(session: Session, verdict: Verdict) -> Request | None:
    """The request a follow-up belongs to: by reference in the subject, then by In-Reply-To/References."""
    for reference in find_references(verdict.subject):
        found = repo.request_by_reference(session, reference)
        if found is not None:
            return found
    ids = [i for i in ([verdict.in_reply_to] if verdict.in_reply_to else []) + list(verdict.references)
           if MESSAGE_ID.fullmatch(i or "")]
    return repo.request_by_outbound_message_id(session, ids) or repo.request_by_inbound_message_id(session, ids)


def _completed(session: Session, desk: Desk, message: Message, verdict: Verdict, outcome: str) -> str:
    """An answer that completed a clarification is kept as labelled mail (mailbot.corrections)."""
    if not outcome.endswith("clarify"):
        corrections.label_clarification(session, desk, message, verdict)
    return outcome


def _answers_clarification(verdict: Verdict) -> bool:
    return verdict.requested is not None or verdict.kind == "request"


# --- requests ------------------------------------------------------------------------------------

def request(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
            thread: Request | None) -> str:
    """A request for blanks: record it, then decide (or link it to the one already open)."""
    district = trust.district or verdict.district
    item = verdict.item or "ktp-el"
    waiting = repo.open_request(session, district, item) if district is not None else None
    if waiting is not None and waiting.state == "clarifying" and trust.trusted and verdict.requested is not None \
            and waiting.sender == trust.address:
        # a fresh email that answers our question still completes the same request (from the same
        # address: another address of the district is its own conversation, linked below)
        return _completed(session, desk, message, verdict,
                          actions.complete_clarification(session, desk, waiting, message, verdict, trust))
    now = desk.now()
    open_one = thread if thread is not None and thread.state in repo.OPEN_STATES else waiting
    linking = open_one is not None and trust.trusted
    req = Request(
        reference=repo.next_reference(session, now.year), district=district, item=item,
        message_pk=message.id, sender=trust.address, requested=verdict.requested,
        stock_on_hand=verdict.stock_on_hand, state="linked" if linking else "new",
        linked_to=open_one.id if linking and open_one is not None else None, created_at=now, updated_at=now,
    )
    session.add(req)
    session.flush()
    if linking and open_one is not None:
        if open_one.sender != trust.address:  # another address of the district: a person looks at both
            attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="other_address",
                                detail=f"{verdict.subject}\n{open_one.reference} dari {open_one.sender}",
                                district=district, item=item, message=message, request=req)
        return actions.link(session, desk, req, open_one, message, verdict)
    return actions.decide_new(session, desk, req, message, verdict, trust)


# --- daily reports -------------------------------------------------------------------------------

def report(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust) -> str:
    """A daily activity report: record it; book the observed stock; ask back if it cannot be read."""
    district = trust.district if trust.trusted else None
    if district is None:
        return "report-untrusted"
    if verdict.stock_on_hand is None and verdict.printed is None and verdict.recorded is None:
        actions.ask_back(session, desk, None, message, verdict, district=district, about="report")
        return "report-clarify"
    item = verdict.item or "ktp-el"
    day = verdict.report_date or desk.now().date()
    session.add(Report(district=district, item=item, report_date=day, recorded=verdict.recorded,
                       printed=verdict.printed, stock_on_hand=verdict.stock_on_hand, message_pk=message.id,
                       at=desk.now()))
    if verdict.stock_on_hand is not None:
        ledger.observe(session, district=district, item=item, observed=verdict.stock_on_hand, at=desk.now(),
                       source=f"message:{message.id}", actor=trust.address or "district")
    for other in verdict.readings:
        # A report with figures for both blanks: the other blank's stock is booked as well.
        if other.item != item and other.stock_on_hand is not None:
            ledger.observe(session, district=district, item=other.item, observed=other.stock_on_hand,
                           at=desk.now(), source=f"message:{message.id}", actor=trust.address or "district")
    session.flush()
    watch.check_alerts_in(session, desk)  # a district now low alerts managers at once, with a proposal
    return "report"


# --- receipts ------------------------------------------------------------------------------------

def receipt(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
            thread: Request | None) -> str:
    """A district confirms a shipment arrived."""
    district = trust.district if trust.trusted else None
    if district is None:
        return "receipt-untrusted"
    item = verdict.item or (thread.item if thread else None) or "ktp-el"
    shipped_request = thread if thread is not None and thread.state in ("approved", "dispatched") else None
    shipped_request = shipped_request or _shipment_of(session, district, item)
    shipped = shipped_request.approved if shipped_request is not None else None
    outcome = actions.confirm_receipt(session, desk, shipped_request, message, verdict, district=district, item=item)
    if outcome == "receipt" and shipped_request is not None and shipped and verdict.received is not None \
            and verdict.received < shipped:
        attention.shortfall(session, desk, shipped_request, shipped=shipped, received=verdict.received,
                            message=message)
    for other in verdict.readings:
        # A receipt of both blanks: the other blank's shipment is booked as arrived too.
        if other.item == item or other.received is None:
            continue
        other_request = _shipment_of(session, district, other.item)
        if other_request is not None and other_request.approved:
            actions.book_receipt(session, desk, other_request, other.received, district=district, item=other.item,
                                 source=f"message:{message.id}", actor=verdict.sender or "district")
    return outcome


def _shipment_of(session: Session, district: str, item: str) -> Request | None:
    """The district's shipment of *item* a receipt is about: the latest dispatched, else one approved."""
    return repo.latest_shipment(session, district, item) or repo.open_request(session, district, item,
                                                                              states=("approved",))


# --- senders who are not who they say (or cannot be shown to be) --------------------------------

def untrusted(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust) -> str:
    """Mail that failed the sender checks and is not a request (a request is held for the managers).

    Nothing is recorded from it and nobody is answered: an acknowledgement would tell a forger what
    the desk does, and reach a district that never wrote. When it claims a manager's or a listed
    district address (a forgery, or genuine mail whose authentication broke), the operator is told,
    once per address and day, so a flood of forgeries cannot flood the outbox.
    """
    if not (trust.is_manager or trust.on_list) or trust.address is None:
        return "untrusted"
    operator = desk.config.office.operator or desk.config.office.managers[0]
    day = desk.now().astimezone(desk.tz).date().isoformat()
    queue(session, desk, purpose=f"untrusted:{trust.address}:{day}",
          category="notice", template="notice_untrusted", to=[operator],
          context={"sender": trust.address, "original_subject": verdict.subject[:200], "kind": verdict.kind,
                   "as_manager": trust.is_manager, "district_name": desk.district_name(trust.district),
                   "reasons": [_TRUST_REASONS.get(r, r) for r in trust.reasons if r in _TRUST_REASONS]
                   or [_TRUST_REASONS["not_authenticated"]]})
    return "untrusted-notified"


# What each sender-check reason means, for the operator (Indonesian).
_TRUST_REASONS: dict[str, str] = {
    "no_trusted_authentication_results":
        "server email kantor tidak mencantumkan hasil verifikasi (Authentication-Results) untuk email ini",
    "not_authenticated": "server email kantor tidak dapat memastikan keaslian alamat pengirim (DMARC/DKIM tidak lulus)",
    "dmarc_fail": "pemeriksaan DMARC oleh server email kantor GAGAL: alamat pengirim kemungkinan dipalsukan",
    "dkim_pass_not_aligned": "tanda tangan DKIM berasal dari domain lain, bukan domain alamat pengirim",
    "dmarc_other_domain": "hasil DMARC berlaku untuk domain lain, bukan domain alamat pengirim",
    "forged_authentication_results_ignored":
        "email membawa hasil verifikasi palsu atas nama server kantor (diabaikan)",
    "display_name_has_address": "nama tampilan pengirim memuat alamat email lain",
    "multiple_from_headers": "email memiliki lebih dari satu baris From",
    "two_from_mailboxes": "email menyebut lebih dari satu alamat pengirim",
    "malformed_from": "alamat pengirim tidak tertulis dengan benar",
}


# --- managers ------------------------------------------------------------------------------------

def manager_reply(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust) -> str:
    """A manager answering a held-request notice with SETUJU / SETUJU 1500 / TOLAK <alasan>."""
    if not trust.trusted:
        return "manager-untrusted"
    command = parse_manager_command(verdict.body_excerpt)
    if command is None:
        return "manager-other"
    if isinstance(command, ManagerCommand) and command.reference:  # written in the command line: it wins
        target = repo.request_by_reference(session, command.reference)
    else:
        target = find_thread(session, verdict)
    if isinstance(command, CommandError):
        _command_error(session, desk, message, verdict, trust, command.message, target)
        return "manager-command-error"
    if target is None:
        _command_error(session, desk, message, verdict, trust,
                       "nomor rujukan permohonan tidak ditemukan pada subjek atau utas email.", None)
        return "manager-command-error"
    actor = trust.address or "manager"
    quantity, capped_note = command.quantity, None
    if command.action == "approve":
        bounded = _bounded_approval(session, desk, target, command.quantity)
        if isinstance(bounded, str):
            _command_error(session, desk, message, verdict, trust, bounded, target)
            return "manager-command-refused"
        quantity, capped_note = bounded
    try:
        with session.begin_nested():  # a refused decision leaves nothing behind
            if command.action == "approve":
                outcome = actions.approve(session, desk, target, quantity, actor=actor,
                                          via=f"message:{message.id}")
                if capped_note:
                    outcome = replace(outcome, note=capped_note)
            else:
                outcome = actions.reject(session, desk, target, command.reason or "", actor=actor,
                                         via=f"message:{message.id}")
    except InvalidAction:
        # Two managers answering the same notice, or a decision the request no longer allows: the
        # manager is told why, instead of the reply failing (and being quarantined) unanswered.
        _command_error(session, desk, message, verdict, trust, _refusal(command, target), target)
        return "manager-command-refused"
    queue(session, desk, purpose=f"manager-confirm:{message.id}", category="reply", template="manager_confirm",
          to=[actor], request_pk=target.id,
          context={"reference": target.reference, "district_name": desk.district_name(target.district),
                   "outcome_label": outcome.label, "quantity": outcome.quantity, "note": outcome.note},
          reply_to=answering(message, verdict))
    return f"manager-{command.action}"


def _bounded_approval(session: Session, desk: Desk, target: Request,
                      asked: int | None) -> tuple[int | None, str | None] | str:
    """The quantity a manager's SETUJU may approve by email, and a note for the manager when it was cut;
    or why it cannot be approved (Indonesian).

    Never more than the district asked for (or, for the province's own proposal, than proposed): a
    slip such as "SETUJU 60000" on a request of 6.000 approves 6.000 and says so; a larger shipment
    is decided by the operator (`mailbot approve`). Never into the provincial reserve.
    """
    quantity = asked if asked is not None else target.approved
    if quantity is None or target.district is None or target.state not in ("held", "clarifying"):
        return asked, None  # actions.approve refuses it with its own reason
    note = None
    ceiling = target.requested if target.requested is not None else target.approved
    if ceiling is not None and quantity > ceiling:
        what = "dimohon kabupaten/kota" if target.requested is not None else "diusulkan"
        note = (f"jumlah pada balasan ({number(quantity)} keping) melebihi jumlah yang {what} "
                f"({number(ceiling)} keping); yang disetujui dibatasi {number(ceiling)} keping. Jumlah yang "
                f"lebih besar hanya dapat disetujui operator dengan perintah mailbot approve.")
        quantity = ceiling
    item = target.item or "ktp-el"
    spare = available_to_ship(ledger.province_balance(session, item), desk.config.stock.reserve.get(item, 0))
    if quantity > spare and spare <= 0:
        return (f"stok provinsi saat ini tidak melebihi cadangannya; permohonan {target.reference} tidak dapat "
                "disetujui melalui email sebelum ada pasokan baru.")
    if quantity > spare:
        return (f"persetujuan {number(quantity)} keping untuk permohonan {target.reference} akan memakai cadangan "
                f"stok provinsi; yang dapat disetujui saat ini paling banyak {number(spare)} keping. "
                f"Mohon balas dengan jumlah yang lebih kecil, misalnya: SETUJU {spare}.")
    return quantity, note


def _command_error(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                   problem: str, target: Request | None) -> None:
    queue(session, desk, purpose=f"manager-error:{message.id}", category="reply",
          template="manager_command_error", to=[trust.address or ""],
          request_pk=target.id if target is not None else None,
          context={"problem": problem, "reference": target.reference if target is not None else None},
          reply_to=answering(message, verdict))


def _refusal(command: ManagerCommand, target: Request) -> str:
    """Why a manager's decision on *target* cannot be applied, in Indonesian."""
    ref = target.reference
    if target.state == "approved":
        return f"permohonan {ref} sudah DISETUJUI sebelumnya sebanyak {number(target.approved)} keping."
    if target.state == "rejected":
        return f"permohonan {ref} sudah DITOLAK sebelumnya."
    if target.state in ("dispatched", "received"):
        return f"blangko untuk permohonan {ref} sudah dikirim; keputusan tidak dapat diubah lagi."
    if target.state == "linked":
        return f"permohonan {ref} digabungkan dengan permohonan lain yang masih terbuka; mohon putuskan yang itu."
    if command.action == "reject":
        return f"permohonan {ref} tidak dapat ditolak pada tahap ini."
    if target.district is None:
        return (f"pengirim permohonan {ref} tidak terdaftar pada kabupaten/kota mana pun, sehingga blangko "
                "tidak dapat dikirim. Mohon tolak permohonan ini atau hubungi operator.")
    if not (command.quantity or target.approved):
        return f"permohonan {ref} belum memiliki usulan jumlah. Tulis jumlahnya, misalnya: SETUJU 1500."
    return (f"stok provinsi yang belum dialokasikan tidak mencukupi untuk "
            f"{number(command.quantity or target.approved)} keping. Mohon setujui jumlah yang lebih kecil.")


# --- automated mail ------------------------------------------------------------------------------

def automated(session: Session, desk: Desk, message: Message, verdict: Verdict) -> str:
    """Never answered. A bounce of one of our own messages is matched to it and reported to the operator.

    Only a delivery status notification is a bounce: an out-of-office reply quotes our reply and
    names its Message-ID too, but the mail was delivered (it is merely unanswered).
    """
    mentioned = [m for m in _our_message_ids(message.raw or b"", desk.config.office.domain)
                 if m != message.message_id]
    bounced = repo.outbox_by_message_id(session, mentioned)
    if bounced is None:
        return "automated"
    if not is_delivery_report(email.message_from_bytes(message.raw or b"", policy=email.policy.compat32)):
        return "automated-reply"
    message.outbound_ref = bounced.message_id
    operator = desk.config.office.operator or desk.config.office.managers[0]
    queue(session, desk, purpose=f"bounce:{message.id}", category="notice", template="notice_bounce",
          to=[operator], request_pk=bounced.request_pk,
          context={"bounced_message_id": bounced.message_id, "bounced_to": ", ".join(bounced.recipients),
                   "bounced_subject": bounced.subject,
                   "bounce_subject": verdict.subject, "reasons": list(verdict.automated_reasons)})
    return "automated-bounce"


def _our_message_ids(raw: bytes, domain: str) -> list[str]:
    pattern = re.compile(rb"<[^<>\s@]+@" + re.escape(domain.encode()) + rb">", re.IGNORECASE)
    return list(dict.fromkeys(m.decode("ascii", "replace") for m in pattern.findall(raw)))
