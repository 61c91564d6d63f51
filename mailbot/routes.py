"""What each kind of message leads to: requests, reports, receipts, manager replies, automated mail."""

from __future__ import annotations

import email
import email.policy
import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot import actions, attention, conversation, followup, labels, stated, watch
from mailbot.desk import Desk
from mailbot.errors import ApprovalRefused, InvalidAction
from mailbot.guards.commands import (
    CommandError,
    ManagerCommand,
    bare_go_ahead,
    opens_with_go_ahead,
    parse_manager_command,
)
from mailbot.guards.trust import SenderTrust
from mailbot.indonesian import decided_by_words, item_name, number
from mailbot.outcomes import MessageOutcome
from mailbot.outgoing import answering, queue
from mailbot.reader import vocabulary
from mailbot.reader.automated import delivery_failure_reason, is_delivery_report
from mailbot.reader.classify import without_sign_off
from mailbot.reader.verdict import Doubt, Evidence, Verdict
from mailbot.stock.explain import decider_words
from mailbot.store import repo
from mailbot.store import stock as ledger
from mailbot.store.schema import AttentionItem, Message, Report, Request
from mailbot.undelivered import status_advice, status_code_alone, status_meaning

log = logging.getLogger(__name__)


def dispatch(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust) -> MessageOutcome:
    """Route one read message; returns a short outcome for logs and the run summary."""
    if verdict.kind == "automated":
        return automated(session, desk, message, verdict)
    if not trust.trusted and trust.is_manager:
        return untrusted(session, desk, message, verdict, trust)
    if not trust.trusted and (thread := find_thread(session, verdict)) is not None:
        # A stranger (or a sender failing the checks) writing in a request's thread never changes it, never
        # opens a reference and is never answered; a person sees it beside the request.
        # a district's own address that failed the authentication checks is no stranger: the operator is told which
        reason = "unverified_in_thread" if trust.on_list or trust.is_manager else "stranger_in_thread"
        if reason == "stranger_in_thread" and attention.is_command(verdict):
            # "SETUJU 3.000" from a manager's personal address: never applied; moot once the request is decided
            reason = "unverified_decision"
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason=reason,
                            detail=f"{verdict.subject}\n{trust.address or '-'}: "
                                   f"{without_sign_off(verdict.body_excerpt or '')[:300]}",
                            district=thread.district, item=thread.item, message=message, request=thread)
        untrusted(session, desk, message, verdict, trust)
        return MessageOutcome.UNTRUSTED_IN_THREAD
    if not trust.trusted and verdict.kind != "request":
        return untrusted(session, desk, message, verdict, trust)
    if trust.is_manager:
        return manager_reply(session, desk, message, verdict, trust)
    thread = find_thread(session, verdict)
    if (verdict.kind == "receipt" or followup.cancels(verdict.body_excerpt or "", "plain")) \
            and conversation.names_other_districts_request(session, verdict, trust, thread):
        # a cancellation or a receipt that names another district's request (in its thread, or by reference):
        # never taken for one of the sender's own requests; a person reads it, the district is told so
        return conversation.other_districts_request(session, desk, message, verdict, trust)
    if conversation.corrects_other_districts_request(session, verdict, trust) \
            or conversation.corrects_in_other_districts_thread(session, verdict, trust, thread):
        # "Kami lampirkan koreksi: rujukan BLK-2026-0001 jumlah yang dimohon menjadi 1.000 keping" from a district
        # that BLK-2026-0001 is not: a correction of a request not its own, never a new request for the sender;
        # no request of either district changes, a person reads it; so is "Maaf pak ralat jadi 1.500" written in
        # another district's thread
        return conversation.other_districts_request(session, desk, message, verdict, trust)
    if thread is not None and trust.district is not None and thread.district != trust.district:
        # a thread binds only its own district's mail: another district writing in it (a forwarded or
        # answered mail) starts a conversation of its own, and is never told of the other district's request
        thread = None
    if thread is None:
        # the district's own request named by reference in the text of a new mail: its follow-up, as with the
        # reference in the subject (never a second reference for a revision)
        thread = conversation.named_in_text(session, verdict, trust)
    if thread is not None and thread.state == "held" and not repo.sender_verified(session, thread):
        # a request no one could verify (perhaps a forgery in the district's name) waits for a person:
        # a verified sender's mail in its thread neither corrects it nor is linked to it
        thread = None
    if thread is None and trust.trusted and trust.district is not None \
            and conversation.answers_managers_mail(session, desk, verdict, trust) \
            and not attention.is_reminder(verdict):
        # "di ringkasan tertulis stok kami 2.500, padahal sisa kami tinggal 600. Mohon dikoreksi dan dikirim
        # tambahan" answering the managers' digest (forwarded to the district): not meant for the desk, never a
        # report booked or a request opened from it; a person reads it and the district is told so
        return conversation.managers_mail_answered(session, desk, message, verdict, trust)
    verdict = _sum_received(session, verdict, trust, thread)
    if verdict.kind == "receipt" and verdict.received is not None \
            and not followup.promises_count_later(verdict.body_excerpt or "") \
            and followup.arrival_not_told(verdict.body_excerpt or "", verdict.received):
        # "Amun 2.000 keping sudah tiba, kami itung dulu", "2.000 keping dijadwalkan tiba besok", "resi pengiriman
        # 1.500 keping sudah kami terima": no blanks said to have come; never booked, read as any other mail
        verdict = replace(verdict, kind="other", received=None,
                          evidence=tuple(e for e in verdict.evidence if e.field != "received"),
                          doubts=tuple(d for d in verdict.doubts if d.field != "received"))
    if thread is not None and thread.district == trust.district and thread.state in ("dispatched", "received") \
            and verdict.kind in ("other", "receipt") \
            and (verdict.received is None or any(d.field == "received" for d in verdict.doubts)) \
            and (counted := followup.count_of_shipment(verdict.body_excerpt or "",
                                                       shipped=thread.approved)) is not None:
        # "we only got 1,800 out of the 2,000", "selisih -100 (1.900 keping)": the count received, said beside the
        # shipment or the difference, in the shipment's thread; a receipt with its shortfall, never asked back
        verdict = _received_counted(verdict, counted, thread)
    if verdict.kind in ("receipt", "other") and verdict.received is not None \
            and verdict.received in followup.damaged_counts(verdict.body_excerpt or ""):
        # "Sudah kami terima, tapi 7 keping rusak": the count of the damaged blanks is never the count received
        verdict = replace(verdict, received=None, doubts=(*(d for d in verdict.doubts if d.field != "received"),
                                                          Doubt("received", "missing", "")))
    if thread is not None and thread.district == trust.district and thread.state == "dispatched" \
            and thread.approved and verdict.kind in ("other", "receipt") and verdict.received is None \
            and (whole := followup.received_whole(verdict.body_excerpt or "")) is not None:
        # "Udh trima semua pak. Tp 12 lbr bengkok ... Perlu BA kah?" in the thread of a shipment on its way: the
        # whole shipment arrived, booked as dispatched; the damage and the question go on as with a count
        verdict = _received_counted(verdict, thread.approved, thread, said=whole)
    if thread is not None and thread.district == trust.district \
            and (counted_now := conversation.bare_count(session, verdict, thread)) is not None:
        # "1.000 lbr pak" in the thread of our question for the count received, nothing quoted under it: the
        # count received, booked as any receipt's
        verdict = counted_now
    if thread is None and verdict.kind in ("stock_report", "other") \
            and (answered := conversation.report_answered(session, verdict, trust)) is not None:
        # "angka sisa di laporan td keliru, harusnya 7.096" in the thread of that report: the report's figure
        # replaced by an audited adjustment, never a second day's report
        return conversation.report_fixed(session, desk, message, verdict, trust, answered)
    if thread is None and verdict.kind in ("stock_report", "other") \
            and (restated := conversation.report_restated(session, verdict, trust)) is not None:
        # another figure for the same day's report in its thread, in words of correction not known: never a
        # second day's report; a person corrects the report, the district told so
        return conversation.report_corrected(session, desk, message, verdict, trust, restated)
    if thread is None and verdict.kind != "receipt":
        thread = conversation.correction_target(session, verdict, trust)  # a correction that lost its thread
        if thread is None and (booked := conversation.corrected_report(session, verdict, trust)) is not None:
            # "ralat laporan harian kemarin: sisa ... 7.036, bukan 7.360" of a report booked with 7.360: a person
            # corrects the report; the district is told so (never that the figure matches nothing)
            return conversation.report_corrected(session, desk, message, verdict, trust, booked)
        if thread is None and conversation.unmatched_correction(verdict, trust):
            # it corrects a figure no open request holds: never a new reference; a person reads it
            return MessageOutcome.CORRECTION_UNMATCHED
    if verdict.kind == "receipt" and verdict.received is not None:
        verdict = _total_of_sum(verdict)
    if verdict.kind == "receipt" and (withdrawn := conversation.cancelled_in_receipt(session, verdict, trust,
                                                                                   thread)) is not None:
        # "permohonan kami batalkan karena kiriman dari pusat sudah datang": the arrival is the reason given for
        # withdrawing a request that was never sent, not a receipt of it
        return conversation.cancel(session, desk, message, verdict, trust, withdrawn,
                                   conversation.interpret(session, withdrawn, verdict))
    if (fixed := conversation.stock_fixed_on_receipt(session, verdict, trust, thread)) is not None:
        # "Blangko 2.000 keping sudah kami terima pak. Sekalian koreksi, stok kami sebenarnya 450, bukan 750.":
        # the receipt is booked and the stock correction handled as after dispatch, in one reply
        assert thread is not None
        return conversation.received_with_stock_fix(session, desk, message, verdict, trust, thread, fixed)
    if verdict.kind == "receipt" and trust.trusted and trust.district is not None \
            and followup.blanks_not_arrived(verdict.body_excerpt or ""):
        # "barangnya belum sampai sih, tapi tolong dicatat aja sudah diterima 1.000": blanks the district says
        # have not arrived are never booked as received; a person reads it, the managers and the district hear so
        return not_arrived(session, desk, message, verdict, trust, thread)
    if verdict.kind == "other" and verdict.received is None and trust.trusted and trust.district is not None \
            and followup.record_asked(verdict.body_excerpt or "") \
            and followup.blanks_not_arrived(verdict.body_excerpt or "") \
            and _shipment_on_the_way(session, verdict, trust, thread):
        # "barangnya masih di J&T pak, nanti sore diambil. udah catat aja diterima full." with no count read: the
        # same receipt of blanks not in hand as with a count; never booked, a person reads it, the managers hear so
        return not_arrived(session, desk, message, verdict, trust, thread)
    if verdict.kind == "receipt":
        outcome = receipt(session, desk, message, verdict, trust, thread)
        if outcome == MessageOutcome.RECEIPT_CLARIFY and trust.trusted and trust.district is not None \
                and (damage := followup.damage_said(verdict.body_excerpt or "")) is not None:
            # "kardusnya basah ... 1 pak (100 lbr) lembab semua. Gmn ini pak?" with no count received: the count
            # is asked back, but the damage and the question reach a person now, never only after the count
            item = verdict.item or (thread.item if thread else None) or "ktp-el"
            about = thread if thread is not None and thread.district == trust.district \
                else shipment_of(session, trust.district, item)
            if not _damage_open(session, trust.district, about, damage):  # the same words resent: told once
                _damage_noted(session, desk, message, verdict, damage, district=trust.district, item=item,
                              request=about, asked=True)
        return outcome
    if thread is not None and conversation.is_follow_up(verdict, trust, thread) \
            and (subject_said := conversation.subject_correction(session, verdict, thread)) is not None:
        # "Re: [BLK-…] Permohonan blangko KTP-el - koreksi jadi 1.200 keping" over an empty body: the subject's
        # correction is the writer's text
        verdict = subject_said
    if thread is not None and thread.state == "clarifying" and conversation.is_follow_up(verdict, trust, thread) \
            and (bare := conversation.bare_answer(verdict, thread)
                 or conversation.item_chosen(session, verdict, thread)) is not None:
        # "2.000 pak", "seribu lima ratus saja pak" in the thread of our question for the figure asked, our mail
        # not quoted under it (a phone, a webmail): the thread says which question it answers
        verdict = bare
    if thread is not None and conversation.is_follow_up(verdict, trust, thread) \
            and (again := conversation.resubmitted(session, thread, verdict)) is not None:
        # the district asks again, as the manager's rejection invited: a request of its own, decided as any, on
        # the stock the mail states (never the rejected request's, nor the ledger's alone)
        asked, stock = again
        repo.audit(session, at=desk.now(), actor=trust.address or "district", action="resubmitted",
                   target=thread.reference, details={"message": message.id, "requested": asked, "stock": stock})
        settled = {"requested"} | ({"stock_on_hand"} if stock is not None else set())
        anew = replace(verdict, kind="request", requested=asked, stock_on_hand=stock,
                       doubts=tuple(d for d in verdict.doubts if d.field not in settled))
        return request(session, desk, message, anew, trust, None, follows=thread)
    if thread is not None and conversation.is_follow_up(verdict, trust, thread) \
            and (both := conversation.receipt_beside_other_ask(verdict, trust, thread)) is not None:
        # "Blangko KTP-el 2.400 keping sudah kami terima ... Sekalian kami mohon tambahan blangko KIA 600 keping" in
        # the KTP-el shipment's thread: the receipt is booked on the shipment, the KIA ask is a request of its own;
        # one reply tells both
        return _receipt_and_ask(session, desk, message, trust, thread, *both)
    if thread is not None and conversation.is_follow_up(verdict, trust, thread) \
            and (other := conversation.other_blank_asked(thread, verdict, trust)) is not None:
        # "sekalian kami mohon juga blangko KIA 300 keping" in a KTP-el request's thread: a request of its own
        outcome = request(session, desk, message, other, trust, None, follows=thread)
        if thread.state == "dispatched" and followup.tells_arrival(verdict.body_excerpt or ""):
            # "Pak, baru datang 300 keping, sisanya masih di ekspedisi. Sekalian mohon blangko KIA 200": blanks said
            # to have come with no count of the thread's blank read; a person books it, never lost unseen
            attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read",
                                reason="receipt_beside_ask",
                                detail=f"{verdict.subject}\n{without_sign_off(verdict.body_excerpt or '')[:300]}",
                                district=thread.district, item=thread.item, message=message, request=thread)
        return outcome
    if thread is not None and conversation.is_follow_up(verdict, trust, thread) \
            and (asks := conversation.receipt_with_ask(verdict, trust, thread)) is not None:
        # "1.900 keping sudah kami terima ... Sekalian kami mohon tambahan lagi 1.200 keping" in the thread of a
        # shipment on its way: the receipt is booked on it, and the ask is a request of its own (never a lowering
        # of the request shipped); one reply tells both
        return _receipt_and_ask(session, desk, message, trust, thread, *asks)
    if thread is not None and conversation.is_follow_up(verdict, trust, thread) \
            and (asks := conversation.recount_with_ask(session, verdict, trust, thread)) is not None:
        # "... sebenarnya 580 bukan 600. Sekarang stok kami tinggal 90, mohon dikirim lagi 700 keping": the recount
        # is booked on the shipment received, and the new ask is a request of its own (never a figure the receipt's
        # reply lists as understood while nothing acts on it)
        conversation.recount(session, desk, message, asks[0], trust, thread, purpose=f"reply:{message.id}:receipt")
        return request(session, desk, message, asks[1], trust, None, follows=thread)
    if thread is not None and conversation.is_follow_up(verdict, trust, thread) \
            and (corrected := conversation.report_corrected_in_thread(session, verdict, trust, thread)) is not None:
        # "laporan harian kami kemarin salah input ... yang benar 300, bukan 2.380" in a request's thread: the
        # report's figure is corrected as in the report's own thread, never a plea to reconsider the request
        return conversation.report_fixed(session, desk, message, verdict, trust, corrected, thread=thread)
    if thread is not None and conversation.is_follow_up(verdict, trust, thread):
        handled = conversation.follow_up(session, desk, message, verdict, trust, thread)
        if handled is not None:
            return handled
    elif thread is None and (reminded := conversation.reminder_target(session, verdict, trust)) is not None:
        return conversation.remind(session, desk, message, verdict, trust, reminded)
    elif thread is None and conversation.unmatched_reminder(session, verdict, trust):
        # "izin mengingatkan kembali permohonan kami minggu lalu" with no request on record: never a new request
        # asked for its figure; a person looks for it and the district is told none was found
        return MessageOutcome.REMINDER_UNMATCHED
    elif thread is None and (withdrawn := conversation.cancellation_target(session, verdict, trust)) is not None:
        # "mohon permohonan blangko kami dibatalkan" in a mail of its own: the district's open request
        return conversation.cancel(session, desk, message, verdict, trust, withdrawn,
                                   conversation.interpret(session, withdrawn, verdict))
    if attention.figures_elsewhere(message, verdict, trust):
        # the figures may be in a PDF or an image: a person reads it (never asked back)
        return MessageOutcome.ATTACHMENT
    if thread is None and (asked_back := conversation.answered_late(session, verdict, trust, message)) is not None:
        # our question for the figure answered days later in a new mail that says it answers us: it completes the
        # request asked back (the district said it was answering), never a second reference linked to it
        thread = asked_back
    if thread is not None and thread.state == "clarifying" and _answers_clarification(verdict) and trust.trusted:
        before = {"requested": thread.requested, "stock_on_hand": thread.stock_on_hand}
        completed = actions.complete_clarification(session, desk, thread, message, verdict, trust)
        if not completed.asks_back:
            # the figure asked back for, given at last: an earlier answer of the district left in doubt for a
            # person ("1.200 lbr pak, maaf ..." read by nobody yet), or one with no figure to act on ("nanti sy cek
            # dl ke pak kabid"), is settled by it
            conversation.settled_doubts(session, desk, thread, message, [
                {"field": field, "before": "-" if value is None else value, "after": getattr(thread, field)}
                for field, value in before.items() if getattr(thread, field) != value], answered=True)
        return _completed(session, desk, message, verdict, completed)
    if thread is None and (waiting := conversation.need_while_asked(session, verdict, trust)) is not None:
        # a new mail stating a need while the district's request waits for its figure: maybe the answer in words
        # or a figure not read; never booked as a daily report nor a second request, a person reads it
        return conversation.need_to_a_person(session, desk, message, verdict, trust, waiting)
    if verdict.kind == "request":
        return request(session, desk, message, verdict, trust, thread)
    if verdict.kind == "stock_report":
        return report(session, desk, message, verdict, trust)
    return MessageOutcome.OTHER


def _receipt_and_ask(session: Session, desk: Desk, message: Message, trust: SenderTrust, thread: Request,
                     receipt: Verdict, ask: Verdict, rest_coming: bool = False) -> MessageOutcome:
    """A receipt of *thread*'s shipment and a new ask in one mail: the receipt booked on the shipment (a difference
    opens a discrepancy, damage told reaches a person and the managers), the ask a request of its own; one reply,
    the request's, tells both."""
    received = conversation.received_beside_ask(session, desk, message, receipt, thread, rest_coming=rest_coming)
    # (the question beside the damage, "mohon petunjuk", goes with it: the ask's reading left it out)
    if (damage := followup.damage_said(receipt.body_excerpt or "")) is not None:
        # "sudah tiba tapi 1 dus (100 keping) rusak kena air": the count is booked as stated, a person reads the
        # damage and the managers hear of it, as any receipt's
        _damage_noted(session, desk, message, receipt, damage, district=thread.district or "",
                      item=thread.item or "ktp-el", request=thread)
        received = {**received, "damaged": True}  # the reply tells the district its words reached a person
    outcome = request(session, desk, message, ask, trust, None, follows=thread, received=received)
    if (opened := session.scalar(select(Request).where(Request.message_pk == message.id))) is not None:
        repo.audit(session, at=desk.now(), actor=trust.address or "district", action="asked_beside_receipt",
                   target=opened.reference, details={"message": message.id, "follows": thread.reference,
                                                    "received": received["received"]})
    return outcome


def _received_counted(verdict: Verdict, counted: int, thread: Request, *, said: str | None = None) -> Verdict:
    """*verdict* as the receipt of *counted* blanks of *thread*'s shipment (followup.count_of_shipment, or the whole
    of it said arrived in the sentence *said*): the doubts about the count (none found, a difference written below
    zero) are answered by it."""
    said = said or actions.sentence_stating(counted, verdict.body_excerpt or "") or ""
    item = verdict.item or ("kia" if thread.item == "kia" else "ktp-el")
    return replace(verdict, kind="receipt", received=counted, item=item,
                   doubts=tuple(d for d in verdict.doubts if d.field != "received" and d.reason != "negative"),
                   evidence=(*(e for e in verdict.evidence if e.field != "received"),
                             Evidence("received", counted, said)))


# Words of blanks arriving: "sudah kami terima", "barang sudah sampai", "kiriman sudah datang".
FIGURE_FIELDS = ("requested", "stock_on_hand")
_ARRIVED = re.compile(r"\b(?:terima|diterima|menerima|sampai|tiba|datang|received|arrived)\b", re.IGNORECASE)


def _sum_received(session: Session, verdict: Verdict, trust: SenderTrust, thread: Request | None) -> Verdict:
    """A mail saying blanks arrived whose count is written as a sum that makes its total ("Sudah kami terima pak:
    2.000 + 1 dus isi 100, total 2.100 keping", "Ternyata ada lebih: 20 dus @100 keping ditambah 1 dus isi 100
    keping, jadi totalnya 2.100 keping"), after the district's shipment left: the receipt of the total, whatever
    the reading made of it (never a change of the figure asked, never asked which figure it is). The receipt then
    goes as any: a surplus is told to the district and the managers."""
    if not trust.trusted or trust.district is None or trust.is_manager \
            or (verdict.kind == "receipt" and verdict.received is not None):
        return verdict  # a receipt with its count: _total_of_sum reads its sum
    body = verdict.body_excerpt or ""
    if not _ARRIVED.search(body) or len(followup.items_named(body)) > 1:
        return verdict
    total = followup.written_total(body)
    if total is None:
        return verdict
    if thread is not None:
        shipped = thread if thread.district == trust.district and thread.state in ("dispatched", "received") \
            else None
    else:
        shipped = repo.latest_shipment(session, trust.district, verdict.item or "ktp-el")
    if shipped is None:
        return verdict
    counted = _received_counted(verdict, total, shipped)
    # a stock stated beside it, read without doubt and no figure of the sum, stays; no figure asked does
    kept = {"stock_on_hand"} if verdict.stock_on_hand not in (None, total, shipped.approved) \
        and not any(d.field == "stock_on_hand" for d in verdict.doubts) else set()
    return replace(counted, requested=None,
                   stock_on_hand=verdict.stock_on_hand if kept else None,
                   doubts=tuple(d for d in counted.doubts if d.field in kept or d.field not in FIGURE_FIELDS),
                   evidence=tuple(e for e in counted.evidence if e.field in kept or e.field not in FIGURE_FIELDS))


def _total_of_sum(verdict: Verdict) -> Verdict:
    """A receipt whose count is written as a sum with its total ("2.000 keping + 1 dus tambahan isi 100 keping,
    total 2.100 keping") received the total, never one of its parts; a sum that does not add up to the total it
    states ("2.000 + 100, total 2.200") is asked back, never booked."""
    body = verdict.body_excerpt or ""
    if len(followup.items_named(body)) > 1:
        return verdict  # "1.000 KTP-el + 500 KIA, total 1.500": a total of both blanks is no count of either
    total = followup.written_total(body)
    if total is not None and total != verdict.received:
        said = actions.sentence_stating(total, body) or ""
        return replace(verdict, received=total,
                       doubts=tuple(d for d in verdict.doubts if d.field != "received"),
                       evidence=(*(e for e in verdict.evidence if e.field != "received"),
                                 Evidence("received", total, said)))
    if total is None and followup.sum_not_adding_up(body) \
            and not any(d.field == "received" for d in verdict.doubts):
        said = actions.sentence_stating(verdict.received or 0, body) or ""
        return replace(verdict, doubts=(*verdict.doubts, Doubt("received", "conflict", said)))
    return verdict


# --- threads -------------------------------------------------------------------------------------

find_thread = conversation.find_thread


def _completed(session: Session, desk: Desk, message: Message, verdict: Verdict,
               outcome: MessageOutcome) -> MessageOutcome:
    """An answer that completed a clarification is kept as labelled mail (mailbot.corrections)."""
    if not outcome.asks_back:
        labels.label_clarification(session, desk, message, verdict)
    return outcome


def _answers_clarification(verdict: Verdict) -> bool:
    return verdict.requested is not None or verdict.kind == "request"


# --- requests ------------------------------------------------------------------------------------

def request(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
            thread: Request | None, *, follows: Request | None = None,
            received: dict[str, object] | None = None, reply_purpose: str | None = None) -> MessageOutcome:
    """A request for blanks: record it, then decide (or link it to the one already open). *follows*: the ended or
    rejected request in whose thread it was asked; the reply names it. *received*: the receipt of *follows*'
    shipment booked from the same mail (conversation.received_beside_ask), which the reply tells too.
    *reply_purpose*: the reply's, when the message was answered before (a person's correction of it)."""
    district = trust.district or verdict.district
    item = verdict.item or "ktp-el"
    # a request whose sender failed the checks never stands for the district: a verified one is
    # neither linked to it, nor held for it, nor told of it
    waiting = repo.open_request(session, district, item, verified_only=True) if district is not None else None
    # a fresh email outside the thread of a request we asked about is never taken as the answer to our question
    # ("mohon tambahan 1.500 keping rutin" while the 3.500 for a campaign waits for its stock): it is a request
    # of its own, linked to the open one below, and the district is told so; the earlier figure stays as asked
    now = desk.now()
    open_one = thread if thread is not None and thread.state in repo.OPEN_STATES \
        and repo.sender_verified(session, thread) else waiting
    if open_one is not None and trust.trusted and actions.proposal_waiting(open_one):
        # the desk's own proposal for the district waits for the managers: the district's request takes its place
        # and is decided (a district asking for itself is never parked behind what nobody asked for)
        return actions.join_proposal(session, desk, open_one, message, verdict, trust)
    if (again := conversation.resent_request(session, desk, message, verdict, trust)) is not None:
        # the same request mail sent again (a phone client's resend): no second reference to approve by mistake
        return conversation.resent(session, desk, message, verdict, trust, again)
    linking = open_one is not None and trust.trusted
    req = repo.add_request(
        session, reference=repo.next_reference(session, now.year), district=district, item=item,
        message_pk=message.id, sender=trust.address, requested=verdict.requested,
        stock_on_hand=verdict.stock_on_hand, state="linked" if linking else "new",
        linked_to=open_one.id if linking and open_one is not None else None, created_at=now, updated_at=now,
    )
    if linking and open_one is not None:
        # a person decides it beside the open one (approve, or reject as covered by it): never merged silently
        # the open one is the desk's own proposal (no sender), or the district's request from this or another address
        of_whom = f"dari {open_one.sender}" if open_one.sender else "(usulan pengiriman tanpa permohonan)"
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read",
                            reason="other_address" if open_one.sender is not None
                            and open_one.sender.lower() != (trust.address or "").lower() else "linked",
                            detail=f"{verdict.subject}\n{req.reference} dikaitkan dengan {open_one.reference} "
                                   f"{of_whom}",
                            district=district, item=item, message=message, request=req)
        return actions.link(session, desk, req, open_one, message, verdict)
    if (replaced := conversation.forwarded_unverified(session, message, trust, district, item)) is not None:
        # the district's office forwards, from its own address, the request a writer of its sent from an address on
        # none of its lists: one request stands, the office's; the earlier one is closed as superseded by it, and
        # the reply and the managers say which reference stands
        outcome = actions.decide_new(session, desk, req, message, verdict, trust, follows={
            "reference": replaced.reference, "state": "superseded", "sender": replaced.sender})
        actions.supersede(session, desk, replaced, req, actor=trust.address or "district", message=message)
        return outcome
    return actions.decide_new(session, desk, req, message, verdict, trust,
                              follows=received or ({"reference": follows.reference, "state": follows.state}
                                                   if follows else None), reply_purpose=reply_purpose)


def _rest_arrived(session: Session, verdict: Verdict, shipment: Request) -> int | None:
    """The whole count a mail about the rest of *shipment* gives (mailbot.followup.rest_arrived), else None."""
    before = actions.received_before(session, shipment)
    if before is None or not shipment.approved:
        return None
    return followup.rest_arrived(verdict.body_excerpt or "", received_before=before, shipped=shipment.approved)


def _missing_found(session: Session, verdict: Verdict, shipment: Request) -> int | None:
    """The whole count a mail saying the missing part of *shipment* was found after all gives
    (mailbot.followup.missing_found), else None."""
    before = actions.received_before(session, shipment)
    if before is None or not shipment.approved:
        return None
    found = followup.missing_found(verdict.body_excerpt or "", received_before=before, shipped=shipment.approved)
    return found[1] if found is not None else None


def _outstanding_arrived(session: Session, verdict: Verdict, shipment: Request) -> bool:
    """Whether a mail says the figure still outstanding of *shipment* arrived ("yang 500 sudah sampai")."""
    before = actions.received_before(session, shipment)
    return before is not None and bool(shipment.approved) and followup.outstanding_arrived(
        verdict.body_excerpt or "", received_before=before, shipped=shipment.approved or 0)


# --- daily reports -------------------------------------------------------------------------------

def report(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust) -> MessageOutcome:
    """A daily activity report: record it; book the observed stock; ask back if it cannot be read."""
    district = trust.district if trust.trusted else None
    if district is None:
        return MessageOutcome.REPORT_UNTRUSTED
    if (verdict.stock_on_hand is None and verdict.printed is None and verdict.recorded is None) or any(
            d.reason in ("too_large", "negative") for d in verdict.doubts):  # an impossible figure: ask, book nothing
        actions.ask_back(session, desk, None, message, verdict, district=district, about="report")
        return MessageOutcome.REPORT_CLARIFY
    item = verdict.item or "ktp-el"
    day = verdict.report_date or desk.now().date()
    # a backlog read out of date order: an older report is recorded, but the stock follows the newest one
    # (a report is recorded under its first blank: the other blank's figures are as old as the report)
    stale = {i for i in {item, *(o.item for o in verdict.readings)}
             if _newer_report(session, district, item, day) or _newer_report(session, district, i, day)}
    session.add(Report(district=district, item=item, report_date=day, recorded=verdict.recorded,
                       printed=verdict.printed, stock_on_hand=verdict.stock_on_hand, message_pk=message.id,
                       at=desk.now()))
    if verdict.stock_on_hand is not None and item not in stale:
        held = repo.balance(session, item, district)
        # a rise up to what is on its way is a delivery arriving, not a difference
        before = held.on_hand if verdict.stock_on_hand <= held.on_hand else \
            min(verdict.stock_on_hand, held.on_hand + held.in_transit)
        ledger.observe(session, district=district, item=item, observed=verdict.stock_on_hand, at=desk.now(),
                       source=f"message:{message.id}", actor=trust.address or "district")
        # the ledger follows the district's count, but a count far from it is never taken silently: a rise
        # beyond what is on its way, or a drop of more than half the stock and of half the district's threshold
        # (more than a few days' use)
        drop = before - verdict.stock_on_hand
        odd = drop <= 0 or (verdict.stock_on_hand < before // 2 and drop > desk.config.threshold_for(district) // 2)
        stated.reconcile(session, desk, district=district, item=item, stated=verdict.stock_on_hand,
                         message=message, expected=before if odd else verdict.stock_on_hand, booked=True,
                         rise=verdict.stock_on_hand > held.on_hand + held.in_transit)
    for other in verdict.readings:
        # A report with figures for both blanks: the other blank's stock is booked as well.
        if other.item != item and other.stock_on_hand is not None and other.item not in stale:
            ledger.observe(session, district=district, item=other.item, observed=other.stock_on_hand,
                           at=desk.now(), source=f"message:{message.id}", actor=trust.address or "district")
    session.flush()
    # a district now low alerts managers at once, with a proposal; silence is judged when the pass is over
    watch.check_alerts_in(session, desk, silence=False)
    if verdict.stock_on_hand is None and any(d.field == "stock_on_hand" and d.reason == "unclear"
                                             for d in verdict.doubts):
        # "sisa blangko 3.5.00 kpg": the day's work is recorded, the stock written unreadably is asked back as a
        # request's figure is (quoted, why, how to write it), never taken as no stock in silence
        actions.ask_back(session, desk, None, message, verdict, district=district, about="report", only_doubts=True)
        return MessageOutcome.REPORT_CLARIFY
    return MessageOutcome.REPORT


def _newer_report(session: Session, district: str, item: str, day: object) -> bool:
    """Whether a report of a later day with a stock figure was read already for *district* and *item*."""
    return session.scalar(select(Report.id).where(
        Report.district == district, Report.item == item, Report.report_date > day,
        Report.stock_on_hand.is_not(None)).limit(1)) is not None


# --- receipts ------------------------------------------------------------------------------------

def receipt(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
            thread: Request | None) -> MessageOutcome:
    """A district confirms a shipment arrived."""
    district = trust.district if trust.trusted else None
    if district is None:
        return MessageOutcome.RECEIPT_UNTRUSTED
    item = verdict.item or (thread.item if thread else None) or "ktp-el"
    if _answers_our_question(session, verdict):
        labels.label_clarification(session, desk, message, verdict)
    own = thread if thread is not None and thread.district == district else None
    if own is not None and own.state in ("approved", "dispatched") \
            and followup.promises_count_later(verdict.body_excerpt or ""):
        # "blangko 2.000 keping ... akan kami konfirmasi begitu tiba di kantor": a promise to count them when they
        # come, in the shipment's thread; recorded, nothing booked, nobody written to
        repo.audit(session, at=desk.now(), actor=trust.address or "district", action="confirm",
                   target=own.reference, details={"message": message.id, "text": (verdict.body_excerpt or "")[:300]})
        return MessageOutcome.FOLLOW_UP_CONFIRMED
    if (source := _from_elsewhere(desk, verdict, district)) is not None:
        # "kami menerima blangko KTP-el 1.000 keping langsung dari Dirjen Dukcapil (pusat)": blanks from another
        # source are no receipt of the province's shipment; nothing is booked, a person reads it beside the
        # district's request (the province's approval may no longer be needed), the district is told so
        about = own or shipment_of(session, district, item)
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="receipt_elsewhere",
                            quantity=verdict.received, detail=f"{verdict.subject}\n{source}: "
                            f"{without_sign_off(verdict.body_excerpt or '')[:300]}", district=district, item=item,
                            message=message,
                            request=about)
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=about,
                              reason="receipt_elsewhere")
        return MessageOutcome.FOLLOW_UP_QUEUED
    pending = shipment_of(session, district, item) if thread is None else None
    if thread is None and pending is None:
        # no shipment on its way: a count for the shipment whose receipt is still in question corrects it
        thread = own = _in_question(session, district, item)  # (_in_question looks among the district's own)
    if own is not None and own.state == "approved":
        # nothing can arrive before it left the store: "terima" here is of the approval, or a person settles it
        return _before_dispatch(session, desk, message, verdict, trust, own)
    if thread is None and pending is not None and pending.state == "approved":
        # a new mail saying the approval arrived ("email persetujuan ... sudah kami terima"): not the blanks; one
        # saying blanks arrived of a shipment never dispatched books nothing (no dispatch is booked by a district's
        # mail): a person settles it, as in its thread
        return _before_dispatch(session, desk, message, verdict, trust, pending)
    if own is not None and own.state == "received":
        moved = _in_transit_meant(session, verdict, own)
        if isinstance(moved, Request):
            thread = own = moved  # the new shipment's receipt, written in the old thread
        elif moved:
            attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read",
                                reason="receipt_which_shipment", quantity=verdict.received,
                                detail=f"{verdict.subject}\n{without_sign_off(verdict.body_excerpt or '')[:300]}",
                                district=district,
                                item=own.item, message=message, request=own)
            attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=own)
            return MessageOutcome.FOLLOW_UP_QUEUED
    if thread is not None and thread.district == district and thread.state == "received":
        whole = _rest_arrived(session, verdict, thread)
        found = _missing_found(session, verdict, thread)
        if found is not None and whole in (None, found):
            # "kekurangan 60 keping ternyata terselip di dus lain, jadi yang kami terima 1.960": the count given
            # before, recounted with what was found; no further part of the shipment arrived
            whole = found
        gap = followup.stated_shortfall(verdict.body_excerpt or "", received=verdict.received,
                                        shipped=thread.approved)
        if whole is None and gap is not None:
            if not gap.of_shipment or not thread.approved:
                # "ternyata kurang 50 keping": what was missing, not the count: asked back in the same thread
                return actions.ask_back(session, desk, None, message, replace(verdict, received=None),
                                        district=district, about="receipt", thread=thread,
                                        shortfall=None if gap.surplus else (gap.figure, thread.approved))
            verdict = replace(verdict, received=thread.approved + (gap.figure if gap.surplus else -gap.figure))
        if whole is not None:
            # the second part of a shipment received in parts ("sisa blangko … 1.000 keping sudah kami terima
            # juga, jadi seluruhnya 2.000"): the shipment's count is the whole, its "sisa" no stock
            verdict = replace(verdict, received=whole, stock_on_hand=None,
                              doubts=tuple(d for d in verdict.doubts if d.field not in ("received", "stock_on_hand")))
        if whole is None and found is None and verdict.received is not None and thread.approved \
                and attention.rest_said_coming(session, thread) \
                and verdict.received == thread.approved - (actions.received_before(session, thread) or 0):
            # the count of the rest still awaited, not read as the rest arriving: never the whole received (a
            # shortfall the district's own figures contradict); it is asked back in the same thread
            verdict = replace(verdict, received=None)
        if verdict.received is None or any(d.field == "received" for d in verdict.doubts):
            # a second count for a shipment already received, not clear: asked back in the same thread
            return actions.ask_back(session, desk, None, message, verdict, district=district, about="receipt",
                                    thread=thread)
        if whole is None and found is None and verdict.received == actions.received_before(session, thread) \
                and conversation.receipt_sent_again(session, thread, message, verdict, trust):
            # the same receipt sent again (a phone client's resend): booked once, answered once
            repo.audit(session, at=desk.now(), actor=trust.address or "district", action="resent",
                       target=thread.reference, details={"message": message.id})
            return MessageOutcome.RECEIPT_CONFIRMED
        second_part = whole is not None and found is None and (followup.names_rest(verdict.body_excerpt or "")
                                                                or _outstanding_arrived(session, verdict, thread))
        text = verdict.body_excerpt or ""
        # a further part that leaves a difference is still one with more to come when the mail says so, or when
        # the district said so before and this mail says only that a part arrived ("tahap kedua 700 keping juga
        # sudah kami terima"), not that it was the rest or the last
        coming = bool(second_part and thread.approved and verdict.received < thread.approved and (
            followup.rest_coming(text)
            or (followup.further_part_only(text) and attention.rest_said_coming(session, thread))))
        asks = conversation.new_ask_beside(verdict, thread, trust, actions.received_before(session, thread)) \
            if whole is None and found is None else None
        outcome = actions.correct_receipt(session, desk, thread, message, asks[0] if asks else verdict,
                                          actor=trust.address or "district", second_part=second_part,
                                          rest_coming=coming, purpose=f"reply:{message.id}:receipt" if asks else None)
        if thread.approved:  # short or over opens (or updates) a discrepancy; the right count closes it
            # a further part that leaves a difference, with nothing more to come, makes the difference final: the
            # managers hear of it once
            attention.shortfall(session, desk, thread, shipped=thread.approved, received=verdict.received,
                                message=message, rest_coming=coming, part_arrived=second_part)
        if asks:
            # "... sebenarnya 580 bukan 600. Sekarang stok kami tinggal 90, mohon dikirim lagi 700 keping": the
            # recount is booked on the shipment received, and the new ask is a request of its own (never a figure
            # the receipt's reply lists as understood while nothing acts on it)
            return request(session, desk, message, asks[1], trust, None, follows=thread)
        return outcome
    if thread is not None and thread.district == district and _other_blank(verdict, thread):
        # a receipt of the other blank in this shipment's thread (KIA in a KTP-el thread) is not this
        # shipment's receipt: nothing is booked, a person matches it
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="other_item",
                            detail=f"{verdict.subject}\n{without_sign_off(verdict.body_excerpt or '')[:300]}",
                            district=district,
                            item=thread.item, message=message, request=thread)
        # the acknowledgement says the other blank's count was not booked on this shipment
        counts = {i: v for i, v in [(verdict.item, verdict.received), *((r.item, r.received) for r in verdict.readings)]
                  if i is not None and i != (thread.item or "ktp-el") and v is not None}
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread, reason="other_item",
                              set_aside=[{"item": i, "value": v} for i, v in counts.items()])
        return MessageOutcome.FOLLOW_UP_OTHER_ITEM
    if thread is not None:
        # In a thread, a receipt is about that thread's shipment only; otherwise a person matches it.
        shipped_request = thread if thread.district == district and thread.state in ("approved", "dispatched") \
            else None
    else:
        shipped_request = shipment_of(session, district, item)
    shipped = shipped_request.approved if shipped_request is not None else None
    gap = followup.stated_shortfall(verdict.body_excerpt or "", received=verdict.received, shipped=shipped)
    if gap is not None:
        if not (gap.of_shipment and shipped and thread is not None and shipped_request is thread):
            # "sudah kami terima, tetapi kurang 100 keping": what was missing, not the count; nothing is booked
            # until the district says how many arrived
            return actions.ask_back(session, desk, None, message, replace(verdict, received=None),
                                    district=district, about="receipt", thread=shipped_request or own,
                                    shortfall=None if gap.surplus else (gap.figure, shipped))
        # "kurang 100 keping dari surat jalan", in the shipment's own thread: the shipment less what was missing
        # ("lebih 50 keping dari surat jalan": the shipment and what came over it)
        verdict = replace(verdict, received=shipped + (gap.figure if gap.surplus else -gap.figure))
    # A receipt of both blanks: each blank's count goes the same way as the first's (booked against its
    # shipment, a difference opens a discrepancy; with no shipment a person matches it), and the reply names each.
    others = [(other, shipment_of(session, district, other.item)) for other in verdict.readings
              if other.item != item and other.received is not None]
    # "sudah diterima 1.000 keping, sisanya menyusul": a part of the shipment; the difference stays listed until
    # it is closed, but nobody is told it is final
    # ("kurang 100 keping dari jumlah yang dikirim" is a shortfall said of the shipment, nothing on its way)
    coming = bool(shipped and verdict.received is not None and verdict.received < shipped and gap is None
                  and followup.rest_coming(verdict.body_excerpt or ""))
    if verdict.stock_on_hand is not None \
            and verdict.stock_on_hand == followup.rest_coming_figure(verdict.body_excerpt or ""):
        # "baru sampai 1.200 keping, sisa 800 katanya dikirim minggu depan": the 800 is the rest still coming,
        # not the district's stock
        verdict = replace(verdict, stock_on_hand=None)
    # "20 keping di antaranya rusak ... Mohon arahan": the reply says a person answers (the count is booked)
    # (a difference told of already is read by a person: only damage named beside it adds to it)
    damage = followup.damage_said(verdict.body_excerpt or "",
                                  asks=not (shipped and verdict.received is not None and verdict.received != shipped))
    # "nang tiba 700 keping haja, kurang 100" of 600 shipped (800 asked): the district's own words say short, the
    # count against the shipment says over; the count is booked, and its statement passed on beside the difference
    said_short = followup.shortfall_beside(verdict.body_excerpt or "", received=verdict.received) \
        if gap is None and shipped and verdict.received is not None and not coming else None
    if said_short is not None and verdict.received is not None and shipped is not None \
            and said_short == shipped - verdict.received:
        said_short = None  # the same difference in its words: nothing to set beside it
    outcome = actions.confirm_receipt(
        session, desk, shipped_request, message, verdict, district=district, item=item, rest_coming=coming,
        damage=damage, said_short=said_short,
        thread=thread if thread is not None and thread.district == district else None,
        others=[{"item": other.item, "received": other.received,
                 "shipped": req.approved if req is not None and req.approved else None,
                 "reference": req.reference if req is not None and req.approved else None}
                for other, req in others])
    if outcome == "receipt" and shipped_request is not None and shipped and verdict.received is not None \
            and verdict.received != shipped:
        attention.shortfall(session, desk, shipped_request, shipped=shipped, received=verdict.received,
                            message=message, rest_coming=coming, said_short=said_short)
    if outcome == "receipt" and damage is not None:
        _damage_noted(session, desk, message, verdict, damage, district=district, item=item,
                      request=shipped_request)
    for other, other_request in others:
        received = other.received
        assert received is not None
        if other_request is not None and other_request.approved:
            actions.book_receipt(session, desk, other_request, received, district=district, item=other.item,
                                 source=f"message:{message.id}", actor=verdict.sender or "district")
            if received != other_request.approved:
                attention.shortfall(session, desk, other_request, shipped=other_request.approved, received=received,
                                    message=message)
            continue
        attention.open_item(session, desk, key=f"read:message:{message.id}:{other.item}", kind="read",
                            reason="receipt_unmatched", quantity=received,
                            detail=f"{verdict.subject}\n{item_name(other.item)} {number(received)} keping diterima, "
                                   "tanpa pengiriman yang tercatat\n"
                                   f"{without_sign_off(verdict.body_excerpt or '')[:300]}",
                            district=district, item=other.item, message=message)
    return outcome


def _damage_open(session: Session, district: str, request: Request | None, said: str) -> bool:
    """Whether the district's damage in these words (*said*, of *request*) already waits in the queue."""
    details = session.scalars(select(AttentionItem.detail).where(
        AttentionItem.reason == "damaged", AttentionItem.closed_at.is_(None), AttentionItem.district == district,
        AttentionItem.request_pk == (request.id if request is not None else None)))
    return any((detail or "").split("\n", 1)[-1] == said[:600] for detail in details)


def _shipment_on_the_way(session: Session, verdict: Verdict, trust: SenderTrust, thread: Request | None) -> bool:
    """Whether the district has blanks dispatched to it and not yet received: those of the request whose thread the
    mail answers, or, outside any thread, its latest shipment of the blank the mail names (KTP-el if none)."""
    assert trust.district is not None
    if thread is not None and thread.district == trust.district:
        return thread.state == "dispatched"
    shipment = shipment_of(session, trust.district, verdict.item or "ktp-el")
    return shipment is not None and shipment.state == "dispatched"


def not_arrived(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                thread: Request | None) -> MessageOutcome:
    """A receipt whose words say the blanks have not arrived: nothing booked, a person reads it, the managers hear
    of it once with the district's words, and the district is told why its receipt was not recorded."""
    assert trust.district is not None
    item = verdict.item or (thread.item if thread is not None else None) or "ktp-el"
    about = thread if thread is not None and thread.district == trust.district \
        else shipment_of(session, trust.district, item)
    said = without_sign_off((verdict.body_excerpt or "").strip())[:600]  # the district's words, not its signature
    attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="receipt_not_arrived",
                        detail=f"{verdict.subject}\n{said}", district=trust.district, item=item, message=message,
                        request=about)
    queue(session, desk, purpose=f"not-arrived:{message.id}", category="notice", template="notice_not_arrived",
          to=desk.config.office.managers, request_pk=about.id if about is not None else None,
          context={"reference": about.reference if about is not None else None,
                   "district_name": desk.district_name(trust.district), "item": item,
                   "received": verdict.received, "said": said})
    attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=about,
                          reason="receipt_not_arrived")
    return MessageOutcome.FOLLOW_UP_QUEUED


def _damage_noted(session: Session, desk: Desk, message: Message, verdict: Verdict, said: str, *, district: str,
                  item: str, request: Request | None, asked: bool = False) -> None:
    """A receipt saying blanks came damaged or asking what to do ("20 keping di antaranya rusak ... Mohon arahan"):
    the count is booked as stated (or, *asked*, asked back as the receipt gave none), a person reads the damage and
    the question (a queue item naming them), and the managers hear of it once, with the district's words."""
    attention.open_item(session, desk, key=f"damaged:message:{message.id}", kind="read", reason="damaged",
                        detail=f"{verdict.subject}\n{said[:600]}", district=district, item=item,
                        message=message, request=request)
    queue(session, desk, purpose=f"damaged:{message.id}", category="notice", template="notice_damaged",
          to=desk.config.office.managers, request_pk=request.id if request is not None else None,
          context={"reference": request.reference if request is not None else None,
                   "district_name": desk.district_name(district), "item": item,
                   "received": None if asked else verdict.received, "asked": asked, "said": said[:600]})


# Words that tie "sudah kami terima" to the desk's mail or decision, not to blanks that arrived ("email
# persetujuan ... sudah kami terima", "kami terima 3.000 keping dulu", "kami tunggu kirimannya"), or that speak of
# asking again later, as one accepting a part does ("2.000 keping kami terima, nanti kalau kurang kami ajukan lagi").
_OF_THE_DECISION = re.compile(
    r"\b(?:e-?mail|surel|persetujuan\w*|informasi|info|pemberitahuan|keputusan\w*|balasan|kabar|dulu|"
    r"(?:kami )?tunggu|menunggu|ditunggu|(?:kalau|kalo|klo|jika|bila|apabila) (?:(?:nanti|masih|ternyata) )*"
    r"(?:kurang|habis)|(?:" + vocabulary.alternation(vocabulary.ASK_AGAIN_VERBS) + r") (?:lagi|kembali))\b")


def _before_dispatch(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                     req: Request) -> MessageOutcome:
    """A "receipt" in the thread of *req*, approved but not dispatched: nothing is booked. Said of the desk's mail or
    of the decision, with no other figure, it is a confirmation (recorded); otherwise a person settles it (blanks
    sent without `mailbot dispatch`, or no receipt at all) and the district is told a person reads it."""
    text = verdict.body_excerpt or ""
    if _of_the_decision(verdict, req):
        repo.audit(session, at=desk.now(), actor=trust.address or "district", action="confirm",
                   target=req.reference, details={"message": message.id, "text": text[:300]})
        return MessageOutcome.FOLLOW_UP_CONFIRMED
    attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="receipt_before_dispatch",
                        quantity=verdict.received, detail=f"{verdict.subject}\n{text[:300]}", district=req.district,
                        item=req.item, message=message, request=req)
    attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=req)
    return MessageOutcome.FOLLOW_UP_QUEUED


# Blanks from another source than the province's store: the ministry ("langsung dari Dirjen Dukcapil (pusat)",
# "dari Kemendagri", "from the ministry"), or another district (its name, read from the config: "pinjaman dari
# Tarakan"). "dari provinsi" is the province's own shipment.
_ELSEWHERE = re.compile(
    rf"\b(?:dari|dr|from)\s+(?:the\s+)?(?P<source>(?:{vocabulary.alternation(vocabulary.OTHER_SOURCE_STEMS)})\w*|"
    rf"{vocabulary.alternation(vocabulary.OTHER_SOURCE_WORDS)})\b", re.IGNORECASE)
_LOAN = re.compile(rf"\b(?:(?:{vocabulary.alternation(vocabulary.RECEIPT_LOAN_STEMS)})\w*|"
                   rf"{vocabulary.alternation(vocabulary.RECEIPT_LOAN_WORDS)})\b", re.IGNORECASE)


def _from_elsewhere(desk: Desk, verdict: Verdict, district: str) -> str | None:
    """The source a receipt names for its blanks when it is not the province ("dari pusat", "dari Kota Tarakan"),
    else None."""
    text = " ".join((verdict.body_excerpt or "").split())
    if (found := _ELSEWHERE.search(text)) is not None:
        return found["source"]
    for other in desk.config.districts:
        if other.code == district:
            continue
        place = re.sub(r"^(?:kabupaten|kota)\s+", "", other.name, flags=re.IGNORECASE)
        # the office named ("dr Kota Tarakan", "dari Disdukcapil Nunukan"), or a loan: a place alone ("dikirim
        # dari Tarakan naik kapal") may be the route of the province's own shipment
        named = re.search(rf"\b(?:dari|dr|from)\s+(?P<office>(?:(?:kabupaten|kab\.?|kota|pemkab|pemkot|disdukcapil|"
                          rf"dukcapil)\s+)*){re.escape(place)}\b", text, re.IGNORECASE)
        if named is not None and (named["office"] or _LOAN.search(text)):
            return other.name
    return None


def _of_the_decision(verdict: Verdict, req: Request) -> bool:
    """Whether a receipt's "terima" is said of the desk's mail or decision on *req*, with no other figure."""
    figure_fits = verdict.received in (None, req.approved) and not any(d.field == "received" for d in verdict.doubts)
    return figure_fits and _OF_THE_DECISION.search((verdict.body_excerpt or "").lower()) is not None


def _in_transit_meant(session: Session, verdict: Verdict, req: Request) -> Request | bool:
    """For a receipt in the thread of *req*, already received, while another shipment of the same district and
    blank is in transit: that shipment when the figure is its own and no word says the old count is corrected; True
    when it is not clear which is meant (a person settles it); False when no other shipment is in transit or
    the mail says it recounts."""
    other = repo.latest_shipment(session, req.district or "", req.item or "ktp-el")
    text = verdict.body_excerpt or ""
    if other is None or other.id == req.id or followup.says_recount(text):
        return False
    if verdict.received is not None and verdict.received == other.approved \
            and not any(d.field == "received" for d in verdict.doubts):
        return other
    return verdict.received is not None and verdict.received != actions.received_before(session, req)


def _other_blank(verdict: Verdict, thread: Request) -> bool:
    """Whether a receipt in *thread* is about the other blank: the reader named it, or its figures are
    named for the other blank only."""
    own = thread.item or "ktp-el"
    if verdict.item is not None and verdict.item != own and not any(r.item == own for r in verdict.readings):
        return True
    reading = followup.interpret(verdict.body_excerpt or "", item=own, requested=None, stock_on_hand=None,
                                 approved=None)
    return reading.intent == "other_item"


def _answers_our_question(session: Session, verdict: Verdict) -> bool:
    """Whether *verdict* answers one of our clarification questions (its In-Reply-To/References)."""
    from sqlalchemy import select

    from mailbot.store.schema import AuditEvent, OutboxMessage

    ids = [i for i in ([verdict.in_reply_to] if verdict.in_reply_to else []) + list(verdict.references) if i]
    if not ids:
        return False
    ours = select(OutboxMessage.id).where(OutboxMessage.message_id.in_(ids))
    asked = [f"outbox:{pk}" for pk in session.scalars(ours)]
    question = select(AuditEvent.id).where(AuditEvent.action == "ask-back", AuditEvent.target.in_(asked)).limit(1)
    return bool(asked) and session.scalar(question) is not None


def _in_question(session: Session, district: str, item: str) -> Request | None:
    """The district's received shipment of *item* with a receipt discrepancy still open, if just one."""
    found = list(session.scalars(select(Request).join(AttentionItem, AttentionItem.request_pk == Request.id).where(
        AttentionItem.kind == "discrepancy", AttentionItem.closed_at.is_(None), Request.district == district,
        Request.item == item, Request.state == "received")))
    return found[0] if len(found) == 1 else None


def shipment_of(session: Session, district: str, item: str) -> Request | None:
    """The district's shipment of *item* a receipt is about: the latest dispatched, else one approved."""
    return repo.latest_shipment(session, district, item) or repo.open_request(session, district, item,
                                                                              states=("approved",))


# --- senders who are not who they say (or cannot be shown to be) --------------------------------

def untrusted(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust) -> MessageOutcome:
    """Mail that failed the sender checks and is not a request (a request is held for the managers).

    Nothing is recorded from it and nobody is answered: an acknowledgement would tell a forger what
    the desk does, and reach a district that never wrote. When it claims a manager's or a listed
    district address (a forgery, or genuine mail whose authentication broke), the operator is told,
    once per address and day, so a flood of forgeries cannot flood the outbox.
    """
    if not (trust.is_manager or trust.on_list) or trust.address is None:
        return MessageOutcome.UNTRUSTED
    log.warning("mail from %s was not acted on: the sender checks failed (%s); message %s", trust.address,
                ", ".join(trust.reasons) or "no trusted Authentication-Results", message.id)
    operator = desk.config.office.operator or desk.config.office.managers[0]
    day = desk.now().astimezone(desk.tz).date().isoformat()
    queue(session, desk, purpose=f"untrusted:{trust.address}:{day}",
          category="notice", template="notice_untrusted", to=[operator],
          context={"sender": trust.address, "original_subject": verdict.subject[:200], "kind": verdict.kind,
                   "as_manager": trust.is_manager, "district_name": desk.district_name(trust.district),
                   "reasons": [_TRUST_REASONS.get(r, r) for r in trust.reasons if r in _TRUST_REASONS]
                   or [_TRUST_REASONS["not_authenticated"]]})
    return MessageOutcome.UNTRUSTED_NOTIFIED


# What each sender-check reason means, for the operator (Indonesian).
_TRUST_REASONS: dict[str, str] = {
    "no_trusted_authentication_results":
        "server email kantor tidak mencantumkan hasil verifikasi (Authentication-Results) untuk email ini",
    "not_authenticated": "server email kantor tidak dapat memastikan keaslian alamat pengirim (DMARC/DKIM tidak lulus)",
    "dmarc_fail": "pemeriksaan DMARC oleh server email kantor GAGAL: alamat pengirim kemungkinan dipalsukan",
    "dkim_fail": "pemeriksaan DKIM oleh server email kantor GAGAL: alamat pengirim kemungkinan dipalsukan",
    "dkim_pass_not_aligned": "tanda tangan DKIM berasal dari domain lain, bukan domain alamat pengirim",
    "dmarc_other_domain": "hasil DMARC berlaku untuk domain lain, bukan domain alamat pengirim",
    "dmarc_no_domain": "hasil DMARC tidak menyebut domain yang diperiksa (header.from), sehingga tidak dapat dipercaya",
    "malformed_authentication_results":
        "hasil verifikasi (Authentication-Results) memuat bagian yang tidak tertulis dengan benar (diabaikan)",
    "conflicting_authentication_results":
        "hasil verifikasi (Authentication-Results) menyebut hasil yang saling bertentangan untuk pemeriksaan yang sama",
    "forged_authentication_results_ignored":
        "email membawa hasil verifikasi palsu atas nama server kantor (diabaikan)",
    "display_name_has_address": "nama tampilan pengirim memuat alamat email lain",
    "multiple_from_headers": "email memiliki lebih dari satu baris From",
    "two_from_mailboxes": "email menyebut lebih dari satu alamat pengirim",
    "malformed_from": "alamat pengirim tidak tertulis dengan benar",
}


# --- managers ------------------------------------------------------------------------------------

def manager_reply(session: Session, desk: Desk, message: Message, verdict: Verdict,
                  trust: SenderTrust) -> MessageOutcome:
    """A manager answering a held-request notice with SETUJU / SETUJU 1.500 [PAKSA <alasan>] / TOLAK <alasan>.

    A manager's mail that failed the sender checks never comes here: untrusted() tells the operator
    (once per address and day) and nothing is decided."""
    command = parse_manager_command(verdict.body_excerpt)
    if command is None and conversation.is_thanks(verdict) and (thread := find_thread(session, verdict)) is not None \
            and thread.state != "held":
        # "ok terima kasih" to the confirmation of a decision: recorded as a district's thanks is, never answered
        # (to a request still waiting, "ok" decides nothing and the manager is told so)
        repo.audit(session, at=desk.now(), actor=trust.address or "manager", action="confirm",
                   target=thread.reference, details={"message": message.id, "text": (verdict.body_excerpt or "")[:300]})
        return MessageOutcome.MANAGER_THANKS
    if command is None and (forwarded := conversation.forwarded_district(desk, message)) is not None:
        # a district's mail a manager forwards ("Tolong diproses sesuai ketentuan ya"): for a person, under that
        # district; never answered with the SETUJU/TOLAK commands
        return conversation.managers_forward(session, desk, message, verdict, trust, *forwarded)
    if (command is None or isinstance(command, CommandError)) \
            and (said := bare_go_ahead(verdict.body_excerpt or "")) is not None \
            and (thread := find_thread(session, verdict)) is not None and thread.state == "held":
        # "Jalan mi.", "gas", "lanjut", signed with a title alone or followed by an instruction for the district
        # ("Silakan diproses. Mohon BA ... ya."), in the thread of a request waiting for the managers: SETUJU, as
        # proposed, the instruction passed on (the same words from a district, or on a request not waiting, decide
        # nothing)
        command = ManagerCommand("approve", text=said.text, reason=said.note)
    if (command is None or isinstance(command, CommandError)) \
            and (thread := find_thread(session, verdict)) is not None and thread.state == "superseded" \
            and (isinstance(command, CommandError) or opens_with_go_ahead(verdict.body_excerpt or "")):
        # "Setuju, silakan dikirim." on the notice of a request closed as superseded: what replaced it and where
        # that one stands, never how to write a command for a request closed
        _command_error(session, desk, message, verdict, trust,
                       _superseded_refusal(thread, desk.config.office.managers), thread)
        return MessageOutcome.MANAGER_COMMAND_ERROR
    if command is None:
        return MessageOutcome.MANAGER_OTHER
    if isinstance(command, ManagerCommand) and command.reference:  # written in the command line: it wins
        target = repo.request_by_reference(session, command.reference)
    else:
        target = find_thread(session, verdict)
    if isinstance(command, CommandError):
        _command_error(session, desk, message, verdict, trust, command.message, target)
        return MessageOutcome.MANAGER_COMMAND_ERROR
    if target is None:
        _command_error(session, desk, message, verdict, trust,
                       "nomor rujukan permohonan tidak ditemukan pada subjek atau utas email.", None)
        return MessageOutcome.MANAGER_COMMAND_ERROR
    if command.full and command.quantity is None and target.requested:
        # "approve the full amount": the figure the district asked, whatever the desk proposed
        command = replace(command, quantity=target.requested)
    actor = trust.address or "manager"
    appeal = _open_appeal(session, target)
    if appeal is not None and command.action == "approve" and command.quantity is None:
        # granting an appeal decides the request anew: its earlier proposal was rejected, so the figure is written
        _command_error(session, desk, message, verdict, trust,
                       f"permohonan {target.reference} telah DITOLAK, dan kabupaten/kota memohon agar penolakan itu "
                       "dipertimbangkan kembali. Untuk mengabulkannya, mohon tulis jumlah yang disetujui: SETUJU "
                       f"<jumlah>, misalnya: SETUJU {number(target.requested or 1000)}; untuk tetap menolaknya, balas "
                       "dengan TOLAK <alasan>. Belum ada yang kami ubah.", target)
        return MessageOutcome.MANAGER_COMMAND_UNCONFIRMED
    if command.action == "approve" and command.quantity is None and target.state == "held" \
            and (overtaken := _overtaken_notice(session, verdict, target)) is not None:
        # a bare SETUJU approves what the notice it answers offered: on a notice a correction (or another
        # manager's decision) has overtaken, it would approve a figure the manager may never have read
        _command_error(session, desk, message, verdict, trust, overtaken, target)
        return MessageOutcome.MANAGER_COMMAND_UNCONFIRMED
    try:
        with session.begin_nested():  # a refused decision leaves nothing behind
            if command.action == "approve":
                if appeal is not None:
                    # SETUJU <jumlah> on the district's appeal: the rejected request is decided again, by this
                    # manager, within the same bounds
                    actions.reopen_for_appeal(session, desk, target, actor=actor, via=f"message:{message.id}")
                # the same bounds as `mailbot approve`: concerns are confirmed with PAKSA <alasan>,
                # the reserve is never broken by email, the hard bounds hold for everyone
                concerns = actions.approval_concerns(session, desk, target, command.quantity)
                most = actions.most_above_reserve(session, desk, target) if any(
                    c.code == "into_reserve" for c in concerns) else None
                if command.full and command.reasoned and concerns and all(c.code in _CHOSEN_WITH_THE_ASK
                                                                        for c in concerns):
                    # "Setuju, kirim full sesuai permintaan mereka. Jemput bola ke hulu itu prioritas.": the district's
                    # own figure chosen over the proposal the notice showed, with a reason, is the manager's informed
                    # choice, as SETUJU <that figure> PAKSA <alasan> is
                    command = replace(command, forced=True)
                unconfirmed = _unconfirmed(command, target, concerns, most_above_reserve=most)
                if unconfirmed is not None:
                    # the appeal's reopening, if any, is undone
                    raise _Unconfirmed(unconfirmed, most, refused=any(c.code == "into_reserve" for c in concerns))
                outcome = actions.approve(session, desk, target, command.quantity, actor=actor,
                                          via=f"message:{message.id}",
                                          reason=command.reason if concerns and command.forced else None,
                                          concerns=concerns,
                                          told_reason=command.reason, appeal_granted=appeal is not None)
            elif appeal is not None:
                # TOLAK <alasan> on the district's appeal: the request stays rejected, and the district is told
                outcome = actions.decline_appeal(session, desk, target, command.reason or "", actor=actor,
                                                 via=f"message:{message.id}")
            else:
                unconfirmed = _unconfirmed_rejection(command, target, desk.config.office.managers)
                if unconfirmed is not None:
                    _command_error(session, desk, message, verdict, trust, unconfirmed, target)
                    return MessageOutcome.MANAGER_COMMAND_UNCONFIRMED
                kept = None if command.forced else actions.set_aside_approval(session, target)
                if kept is not None:
                    # TOLAK of an appeal or change that set an approval aside declines that, and the approval the
                    # district was told of stands; TOLAK PAKSA rejects the whole request
                    outcome = actions.decline_change(session, desk, target, kept, command.reason or "",
                                                     actor=actor, via=f"message:{message.id}")
                else:
                    outcome = actions.reject(session, desk, target, command.reason or "", actor=actor,
                                             via=f"message:{message.id}")
    except _Unconfirmed as exc:
        # a bare SETUJU refused is never offered again as an answer to its own refusal
        _command_error(session, desk, message, verdict, trust, str(exc), target, offer=exc.offer,
                       bare_refused=command.action == "approve" and command.quantity is None and not command.full)
        return MessageOutcome.MANAGER_COMMAND_REFUSED if exc.refused else MessageOutcome.MANAGER_COMMAND_UNCONFIRMED
    except ApprovalRefused as exc:
        _command_error(session, desk, message, verdict, trust,
                       f"permohonan {target.reference} tidak dapat disetujui: {exc.indonesian} "
                       "Mohon setujui jumlah yang lebih kecil.", target)
        return MessageOutcome.MANAGER_COMMAND_REFUSED
    except InvalidAction:
        # Two managers answering the same notice, or a decision the request no longer allows: the
        # manager is told why, instead of the reply failing (and being quarantined) unanswered.
        refusal = _refusal(command, target, desk.config.office.managers)
        _command_error(session, desk, message, verdict, trust, refusal, target)
        return MessageOutcome.MANAGER_COMMAND_REFUSED
    if appeal is not None:
        attention.close(session, desk, appeal.id, actor=actor, resolution=f"diputuskan pimpinan: {outcome.label}")
    queue(session, desk, purpose=f"manager-confirm:{message.id}", category="reply", template="manager_confirm",
          to=[actor], request_pk=target.id,
          context={"reference": target.reference, "district_name": desk.district_name(target.district),
                   "outcome_label": outcome.label, "quantity": outcome.quantity, "note": outcome.note,
                   # the manager's own note or condition, as the district was told it
                   "passed_on": command.reason if command.action == "approve" else None,
                   # the desk's own proposal rejected before the district heard of it: nothing went to it
                   "district_untold": outcome.untold is not None,
                   # a request an unlisted sender wrote: the decision went to that writer, the office apart
                   "writer": target.sender if actions.unlisted_writer(desk, target) else None,
                   "office_told": bool(outcome.told)},
          reply_to=answering(message, verdict), writer_text=verdict.body_excerpt)
    return MessageOutcome.MANAGER_APPROVE if command.action == "approve" else MessageOutcome.MANAGER_REJECT


class _Unconfirmed(Exception):
    """A manager's decision by email that waits for a confirmation (PAKSA): why, in Indonesian. Raised inside the
    decision's savepoint, so that whatever it began is undone. *offer*: the figure a SETUJU may take instead (the
    most that leaves the province's reserve whole; 0: none), when the one written cannot be approved by email.
    *refused*: nothing would confirm it by email (the reserve, never used by email, even with PAKSA): a refusal."""

    def __init__(self, problem: str, offer: int | None = None, *, refused: bool = False) -> None:
        super().__init__(problem)
        self.offer = offer
        self.refused = refused


def _open_appeal(session: Session, target: Request) -> AttentionItem | None:
    """The district's appeal of the rejected *target* still waiting for the managers, if any (the latest)."""
    if target.state != "rejected":
        return None
    return session.scalar(select(AttentionItem).where(
        AttentionItem.request_pk == target.id, AttentionItem.kind == "read", AttentionItem.reason == "appeal",
        AttentionItem.closed_at.is_(None)).order_by(AttentionItem.id.desc()).limit(1))


_OFFERED_RE = re.compile(r"^\s*Usulan (?:sistem|pengiriman tanpa menunggu permohonan)\s*:\s*(\d{1,3}(?:\.\d{3})*|\d+) "
                         r"keping", re.MULTILINE)


def _overtaken_notice(session: Session, verdict: Verdict, target: Request) -> str | None:
    """Why a bare SETUJU answering an earlier held notice of *target* is not applied, in Indonesian: a newer notice
    went out since (the district changed the request, perhaps after a manager decided); None when the mail answers
    the latest notice, or no notice of ours."""
    from mailbot.store.schema import OutboxMessage

    # (a stock alert's proposal is the first held notice of the request the district's own one joined)
    notices = list(session.scalars(select(OutboxMessage).where(
        OutboxMessage.request_pk == target.id,
        (OutboxMessage.purpose == f"held:{target.id}") | OutboxMessage.purpose.like(f"held:{target.id}:%")
        | OutboxMessage.purpose.like("alert:%"))
        .order_by(OutboxMessage.id)))
    by_id = {n.message_id: n for n in notices}
    answered = by_id.get(verdict.in_reply_to or "") or next(
        (by_id[i] for i in reversed(verdict.references) if i in by_id), None)
    if answered is None and len(notices) > 1:
        # which notice the manager read cannot be told (no In-Reply-To or References of ours), and the request has
        # had more than one: a bare SETUJU would approve a figure the manager may never have read
        offers = [m.group(1) for n in notices if (m := _OFFERED_RE.search(_notice_text(n.raw)))]
        if len(set(offers)) > 1 or len(offers) < len(notices):
            latest = " ".join(notices[-1].subject.split())
            return (f"permohonan {target.reference} telah diubah sejak pemberitahuan pertama, dan dari balasan ini "
                    "tidak dapat kami pastikan pemberitahuan mana yang Bapak/Ibu baca, sehingga belum ada yang "
                    f"disetujui. Mohon periksa pemberitahuan terbaru (\"{latest}\"), lalu balas dengan "
                    + (f"SETUJU {number(target.approved)} untuk menyetujui usulan terbaru, SETUJU <jumlah> untuk "
                       "jumlah lain, atau TOLAK <alasan>." if target.approved
                       else "SETUJU <jumlah> atau TOLAK <alasan>."))
    if answered is None or answered is notices[-1]:
        return None
    offered = _OFFERED_RE.search(_notice_text(answered.raw))
    then = f" (usulan sistem saat itu {offered.group(1)} keping)" if offered else ""
    matter = conversation.waiting_for_managers(session, target)
    decided = decider_words(matter.data) if matter is not None and matter.code == "decided_by_manager" else ""
    since = (f"permohonan tersebut telah diputuskan oleh {decided}, lalu diubah oleh kabupaten/kota"
             if decided else "permohonan tersebut diubah oleh kabupaten/kota")
    now = (f"usulan sistem kini {number(target.approved)} keping" if target.approved
           else "permohonan ini kini belum memiliki usulan jumlah")
    answer = (f"SETUJU {number(target.approved)} untuk menyetujui usulan terbaru, SETUJU <jumlah> untuk jumlah lain, "
              "atau TOLAK <alasan>" if target.approved else "SETUJU <jumlah> atau TOLAK <alasan>")
    return (f"pemberitahuan yang Bapak/Ibu balas{then} sudah tidak berlaku. Sejak itu {since}, dan permohonan "
            f"{target.reference} kembali menunggu keputusan; {now} (lihat pemberitahuan terbaru: "
            f"\"{' '.join(notices[-1].subject.split())}\"). Balasan SETUJU tanpa jumlah tidak kami terapkan pada "
            "usulan yang berbeda dari yang Bapak/Ibu baca, sehingga belum ada yang disetujui. Mohon periksa "
            f"pemberitahuan terbaru, lalu balas dengan {answer}.")


def _notice_text(raw: bytes) -> str:
    """The plain text of one of our own notices."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    part = msg.get_body(("plain",)) if hasattr(msg, "get_body") else None
    return str(part.get_content()) if part is not None else ""


def _command_error(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                   problem: str, target: Request | None, *, offer: int | None = None,
                   bare_refused: bool = False) -> None:
    """Tell the manager why the reply was not applied, and the commands that still can be. *offer*: the figure a
    SETUJU may take instead of the proposal (no bare SETUJU is offered); 0: no SETUJU can be applied by email."""
    queue(session, desk, purpose=f"manager-error:{message.id}", category="reply",
          template="manager_command_error", to=[trust.address or ""],
          request_pk=target.id if target is not None else None,
          context={"problem": problem, "reference": target.reference if target is not None else None,
                   # a request cancelled or withdrawn leaves nothing to decide: no commands are offered
                   # (or superseded: its decision belongs to the request that replaced it, named in *problem*)
                   "settled": target is not None and target.state in ("cancelled", "withdrawn", "superseded"),
                   # what can still be done by email: nothing once the blanks left, only TOLAK PAKSA of an approval
                   # not yet sent, and TOLAK PAKSA never before an approval
                   "state": target.state if target is not None else None,
                   # a request from an address on no district's list can only be rejected by email
                   "no_district": target is not None and target.district is None,
                   # a rejected request whose appeal waits: SETUJU <jumlah> grants it, TOLAK declines it
                   "appeal_open": target is not None and _open_appeal(session, target) is not None,
                   # a request with no proposal to approve: a SETUJU needs its figure (no bare SETUJU is offered)
                   "figure_needed": offer is not None or (target is not None and target.state in (
                       "held", "clarifying", "linked") and not target.approved),
                   # the example figure of "SETUJU <jumlah>": never above the request (as on the held notice)
                   "example": offer or actions.example_figure(target.requested if target is not None else None,
                                                              None, desk.config.stock.pack_size),
                   # nothing a SETUJU could approve by email (the reserve): only TOLAK is offered
                   "no_approval": offer == 0,
                   "bare_refused": bare_refused,
                   # the figures of the commands shown: the request's own (its proposal, the figure asked)
                   **attention.command_figures(target)},
          reply_to=answering(message, verdict), writer_text=verdict.body_excerpt)


# What choosing the district's own figure ("kirim full sesuai permintaan mereka") brings with it and the manager saw
# on the notice: more than the need the desk proposed, packs or not. An unverified sender stays asked back.
_CHOSEN_WITH_THE_ASK = frozenset({"above_need", "not_whole_packs"})


def _unconfirmed(command: ManagerCommand, target: Request, concerns: list[actions.Concern], *,
                 most_above_reserve: int | None = None) -> str | None:
    """Why an approval by email is not applied as written, in Indonesian (None: apply it). *most_above_reserve*:
    the most that leaves the province's reserve whole (actions.most_above_reserve), named as the figure to write
    when the one written would use the reserve."""
    if not concerns:
        return None
    quantity = command.quantity or target.approved or 0
    listed = actions.concerns_indonesian(target.reference, quantity, concerns)
    if any(c.code == "sender_check_failed" for c in concerns):
        return (f"{listed}. Permohonan seperti ini tidak dapat disetujui melalui email, juga dengan PAKSA. Mohon "
                "pastikan lebih dahulu langsung kepada kabupaten/kota melalui saluran lain (telepon atau surat resmi); "
                "bila dibenarkan, persetujuan diberikan oleh operator dengan perintah mailbot approve "
                f"{target.reference} --force --reason \"...\". Untuk menolak, balas: TOLAK <alasan>.")
    if any(c.code == "into_reserve" for c in concerns):
        said = f"{listed}. Cadangan provinsi tidak dapat dipakai melalui email, juga dengan PAKSA."
        if most_above_reserve:
            return (f"{said} Jumlah terbesar yang dapat disetujui tanpa memakai cadangan adalah "
                    f"{number(most_above_reserve)} keping, yaitu dengan membalas: SETUJU {number(most_above_reserve)}"
                    "; jumlah yang lebih besar hanya dapat diputuskan oleh operator dengan perintah mailbot approve.")
        return (f"{said} Stok provinsi di luar cadangan tidak cukup untuk satu pak pun, sehingga permohonan ini hanya "
                "dapat disetujui oleh operator dengan perintah mailbot approve, atau ditolak dengan TOLAK <alasan>.")
    if command.forced:
        return None
    meant = "jumlah tersebut memang dimaksud" if any(c.about_quantity for c in concerns) else \
        "permohonan ini memang hendak disetujui"
    return (f"{listed}, sehingga belum kami setujui. Bila {meant}, mohon tegaskan dengan membalas: "
            f"SETUJU {number(quantity)} PAKSA <alasan>, misalnya: SETUJU {number(quantity)} PAKSA "
            "stok kabupaten rusak karena banjir. Alasan tersebut akan dicatat.")


def _unconfirmed_rejection(command: ManagerCommand, target: Request, managers: Sequence[str]) -> str | None:
    """Why a TOLAK of a request approved already is not applied as written, in Indonesian (None: apply it):
    the district was told of the approval, and a TOLAK in the wrong thread would withdraw it; the manager
    confirms with TOLAK PAKSA <alasan>, as the operator does with `mailbot reject --force`."""
    if command.forced or target.state != "approved" or not target.approved:
        return None
    return (f"permohonan {target.reference} sudah DISETUJUI sebelumnya sebanyak {number(target.approved)} keping "
            f"({_approved_by(target, managers)}) dan kabupaten/kota sudah diberi tahu; penolakan akan membatalkan "
            "persetujuan tersebut, sehingga belum kami laksanakan. Bila persetujuan itu memang hendak dibatalkan, "
            f"mohon tegaskan dengan membalas: TOLAK PAKSA <alasan>, misalnya: TOLAK PAKSA {command.reason}. "
            "Kabupaten/kota akan diberi tahu bahwa persetujuannya dibatalkan, beserta alasannya.")


def _approved_by(target: Request, managers: Sequence[str]) -> str:
    """Who approved *target*, as a manager reads it (in words: never a login code such as "cli:root")."""
    from sqlalchemy import select
    from sqlalchemy.orm import object_session

    from mailbot.store.schema import Decision

    session = object_session(target)
    actor = None if session is None else session.scalar(
        select(Decision.actor).where(Decision.request_pk == target.id,
                                     Decision.outcome.in_(("approve", "approve_partial", "propose")))
        .order_by(Decision.id.desc()).limit(1))
    if actor in (None, actions.POLICY):
        return "otomatis oleh sistem sesuai aturan persetujuan"
    return f"oleh {decided_by_words(managers, actor)}"


def _superseded_refusal(target: Request, managers: Sequence[str]) -> str:
    """Why nothing is decided on *target*, closed as superseded, in Indonesian: the request that replaced it, where
    that one stands, and that any decision is given on it (never another try with *target*'s own figures)."""
    from sqlalchemy.orm import object_session

    ref = target.reference
    session = object_session(target)
    standing = None if session is None or target.linked_to is None else session.get(Request, target.linked_to)
    if standing is None:
        return (f"permohonan {ref} sudah ditutup karena digantikan oleh permohonan yang sama yang diteruskan dari "
                f"alamat email resmi kabupaten/kota; balasan ini tidak mengubah apa pun, dan tidak ada yang perlu "
                f"diputuskan atas {ref}.")
    new = standing.reference
    if standing.state == "approved" and standing.approved:
        stands = (f"sudah DISETUJUI sebanyak {number(standing.approved)} keping "
                  f"({_approved_by(standing, managers)})")
    elif standing.state in ("dispatched", "received"):
        stands = f"sudah disetujui sebanyak {number(standing.approved)} keping dan blangkonya sudah dikirim"
    elif standing.state == "held":
        stands = "menunggu keputusan Bapak/Ibu"
    elif standing.state == "clarifying":
        stands = "sedang kami tanyakan kembali kepada kabupaten/kota"
    elif standing.state == "rejected":
        stands = "sudah DITOLAK"
    else:
        stands = "sudah kami proses"
    decide = (f"mohon berikan keputusan Bapak/Ibu atas permohonan {new} dengan membalas email pemberitahuan "
              f"permohonan {new}" if standing.state == "held" else
              f"keputusan apa pun hanya dapat diberikan atas permohonan {new}")
    return (f"permohonan {ref} sudah ditutup karena digantikan oleh permohonan {new}, yaitu permohonan yang sama "
            f"yang diteruskan dari alamat email resmi kabupaten/kota; permohonan {new} {stands}. Balasan ini tidak "
            f"mengubah apa pun, dan tidak ada yang perlu diputuskan atas {ref}: {decide}.")


def _refusal(command: ManagerCommand, target: Request, managers: Sequence[str]) -> str:
    """Why a manager's decision on *target* cannot be applied, in Indonesian."""
    ref = target.reference
    if target.state == "approved":
        return (f"permohonan {ref} sudah DISETUJUI sebelumnya sebanyak {number(target.approved)} keping "
                f"({_approved_by(target, managers)}); permohonan ini tidak lagi menunggu keputusan, dan balasan ini "
                "tidak mengubah apa pun.")
    if target.state == "rejected":
        return f"permohonan {ref} sudah DITOLAK sebelumnya."
    if target.state == "cancelled":
        return f"permohonan {ref} sudah dibatalkan oleh kabupaten/kota; tidak ada yang perlu diputuskan."
    if target.state == "superseded":
        return _superseded_refusal(target, managers)
    if target.state == "withdrawn":
        return (f"permohonan {ref} sudah ditutup oleh petugas dan tidak lagi dicatat sebagai permohonan; "
                "tidak ada yang perlu diputuskan.")
    if target.state in ("dispatched", "received"):
        return f"blangko untuk permohonan {ref} sudah dikirim; keputusan tidak dapat diubah lagi."
    if target.state == "linked":
        return (f"permohonan {ref} dikaitkan dengan permohonan lain dari kabupaten/kota yang sama yang masih terbuka "
                f"dan belum memiliki usulan jumlah. Mohon balas dengan SETUJU <jumlah> untuk menyetujuinya, atau "
                f"TOLAK <alasan> bila kebutuhannya sudah tercakup dalam permohonan yang terbuka.")
    if command.action == "reject":
        return f"permohonan {ref} tidak dapat ditolak pada tahap ini."
    if target.district is None:
        return (f"pengirim permohonan {ref} tidak terdaftar pada kabupaten/kota mana pun, sehingga blangko "
                "tidak dapat dikirim. Mohon tolak permohonan ini atau hubungi operator.")
    if not (command.quantity or target.approved):
        return (f"pemberitahuan permohonan {ref} tidak memuat usulan jumlah, sehingga SETUJU tanpa jumlah tidak "
                "menyetujui apa pun, dan belum ada yang kami ubah. Mohon tulis jumlah yang Bapak/Ibu setujui, "
                "misalnya: SETUJU 1.500.")
    return (f"stok provinsi yang belum dialokasikan tidak mencukupi untuk "
            f"{number(command.quantity or target.approved)} keping. Mohon setujui jumlah yang lebih kecil.")


# --- automated mail ------------------------------------------------------------------------------

def automated(session: Session, desk: Desk, message: Message, verdict: Verdict) -> MessageOutcome:
    """Never answered. A bounce of one of our own messages is matched to it and reported to the operator.

    Only a delivery status notification is a bounce: an out-of-office reply quotes our reply and
    names its Message-ID too, but the mail was delivered (it is merely unanswered).
    """
    mentioned = [m for m in _our_message_ids(message.raw or b"", desk.config.office.domain)
                 if m != message.message_id]
    bounced = repo.outbox_by_message_id(session, mentioned)
    if bounced is None:
        return MessageOutcome.AUTOMATED
    report = email.message_from_bytes(message.raw or b"", policy=email.policy.compat32)
    if not is_delivery_report(report):
        return MessageOutcome.AUTOMATED_REPLY
    message.outbound_ref = bounced.message_id
    operator = desk.config.office.operator or desk.config.office.managers[0]
    reason = delivery_failure_reason(report)
    queue(session, desk, purpose=f"bounce:{message.id}", category="notice", template="notice_bounce",
          to=[operator], request_pk=bounced.request_pk,
          context={"bounced_message_id": bounced.message_id, "bounced_to": ", ".join(bounced.recipients),
                   "bounced_subject": bounced.subject,
                   "bounce_subject": verdict.subject, "reasons": list(verdict.automated_reasons),
                   # the receiving server's own words ("552 5.2.2 Mailbox full"): what to ask the district about
                   # (a report with no Diagnostic-Code gives its Status code alone: no words of the server's)
                   "bounce_reason": None if reason is None or status_code_alone(reason) else reason,
                   # its enhanced status code ("5.2.2") in words: a report may give the code alone
                   "bounce_meaning": status_meaning(reason),
                   # what to do about it, by the same code: the address, the mail's size, the office's own setup
                   "bounce_advice": status_advice(reason),
                   "bounce_from": message.sender or "(tanpa alamat)",
                   "bounce_from_elsewhere": _bounced_elsewhere(desk, message.sender, bounced.recipients),
                   "bounce_forged": "dmarc_fail" in (message.guard or {}).get("reasons", ())})
    return MessageOutcome.AUTOMATED_BOUNCE


def _bounced_elsewhere(desk: Desk, sender: str | None, recipients: list[str]) -> bool:
    """Whether a bounce came from outside every organisation that could send one: the recipients' (their
    server), the office's, and the office's SMTP server's (which reports what it could not deliver). Anyone can
    write a delivery report: the operator is told when one comes from elsewhere."""
    from mailbot.guards.trust import organizational_domain

    domain = (sender or "").rpartition("@")[2].strip().lower()
    if not domain:
        return True
    outbox = desk.config.outbox
    relay = getattr(outbox, "host", "") if getattr(outbox, "kind", "") == "smtp" else ""
    expected = [r.rpartition("@")[2] for r in recipients] + [desk.config.office.domain, str(relay)]
    return organizational_domain(domain) not in {organizational_domain(d) for d in expected if d}


def _our_message_ids(raw: bytes, domain: str) -> list[str]:
    pattern = re.compile(rb"<[^<>\s@]+@" + re.escape(domain.encode()) + rb">", re.IGNORECASE)
    return list(dict.fromkeys(m.decode("ascii", "replace") for m in pattern.findall(raw)))
