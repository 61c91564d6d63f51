"""A district's reply in a request's thread is a follow-up to that request: a corrected or raised figure
updates it in place and it is decided again; a confirmation is recorded; a question or a reminder goes to
a person. Never a second reference for the same conversation."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mailbot import actions, attention, followup, stated
from mailbot.desk import Desk
from mailbot.guards.commands import signature_line
from mailbot.guards.threads import MESSAGE_ID, find_references, subject_prefixes
from mailbot.guards.trust import SenderTrust
from mailbot.indonesian import FIELD_LABELS, ITEM_NAMES, decided_by_words, item_name, number
from mailbot.outcomes import FOLLOW_UP_INTENT, FOLLOW_UP_OF, MessageOutcome
from mailbot.outgoing import answering, queue, reply_subject, subject_of_item
from mailbot.reader import ReadLimits, vocabulary
from mailbot.reader.classify import without_sign_off, without_signature_lines
from mailbot.reader.numbers import find_mentions, normalise
from mailbot.reader.verdict import Doubt, Evidence, Item, ItemReading, Verdict
from mailbot.stock.ledger import Entry, EntryKind
from mailbot.stock.policy import Reason, Step
from mailbot.store import repo
from mailbot.store import stock as ledger
from mailbot.store.schema import (
    AttentionItem,
    AuditEvent,
    Decision,
    LedgerEntry,
    Message,
    OutboxMessage,
    Report,
    Request,
    StatedStock,
)

# States in which a request can still change: nothing has left the store.
CHANGEABLE = ("clarifying", "held", "approved")
FIGURES = ("requested", "stock_on_hand")
_CONFIRMATION = re.compile(r"\b(?:" + vocabulary.alternation(vocabulary.THANKS_WORDS) + r")\b", re.IGNORECASE)
# A reminder of a request sent before ("izin mengingatkan kembali permohonan kami minggu lalu", "belum ada kabar"),
# not a mere urge to send that a new request may carry ("stok hampir habis, mohon segera dikirim").
_EARLIER_ASK = re.compile(
    r"\b(?:" + vocabulary.alternation(vocabulary.REMINDING_WORDS + vocabulary.EARLIER_ASK_WORDS, space=" ")
    + r"|(?:" + vocabulary.alternation(vocabulary.REMINDING_STEMS) + r")\w*|belum (?:juga )?(?:ada )?(?:"
    + vocabulary.alternation(vocabulary.NO_ANSWER_WORDS, space=" ") + r"|(?:"
    + vocabulary.alternation(vocabulary.NO_ANSWER_STEMS) + r")\w*))\b", re.IGNORECASE)
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


def named_in_text(session: Session, verdict: Verdict, trust: SenderTrust) -> Request | None:
    """The district's own request a mail outside any thread names by reference in its new text ("Menindaklanjuti
    permohonan kami dengan nomor rujukan BLK-2026-0001, jumlahnya kami ubah menjadi 1.400"): it is that request's
    follow-up, as with the reference in the subject. Only one of the sender's own district (another district's
    reference changes nothing, see names_other_districts_request); naming two of its own, none is chosen."""
    if not (trust.trusted and trust.district and not trust.is_manager):
        return None
    named = _named_requests(session, verdict.body_excerpt or "")
    own = [r for r in named if r.district == trust.district]
    return own[0] if len(own) == 1 and len(named) == 1 else None


# Words saying a new mail answers a mail of ours (mailbot.reader.vocabulary.ANSWERS_OURS_PHRASES).
_ANSWERS_OURS = re.compile(r"(?<![\w-])(?:" + vocabulary.alternation(vocabulary.ANSWERS_OURS_PHRASES) + r")(?![\w-])",
                           re.IGNORECASE)


def answered_late(session: Session, verdict: Verdict, trust: SenderTrust,
                  message: Message | None = None) -> Request | None:
    """The district's request we asked back for the figure it asks, when a new mail outside any thread says it
    answers us and gives that figure ("menjawab email bapak hari Senin kemarin, jumlah ... yg kami mohon 2.000
    keping"), or quotes our mail asking it, its reference in the quote (a mail client that kept no In-Reply-To): it
    completes that request, as the same answer in its thread does (never a second, linked one). Only when just one
    such request waits, for the blank the mail names (or any, if it names none)."""
    if not _may_answer_late(verdict, trust):
        return None
    if not _says_it_answers(verdict):
        if session.scalar(select(Request.id).where(Request.district == trust.district, Request.state == "clarifying",
                                                   Request.requested.is_(None)).limit(1)) is None:
            return None  # nothing asked back: what the mail quotes does not matter
        quoted = _quoted_requests(session, message)
        own = [r for r in quoted if r.district == trust.district]
        if len(own) != 1 or len(quoted) != 1 or own[0].state != "clarifying" or own[0].requested is not None \
                or (verdict.item is not None and own[0].item != verdict.item) \
                or not repo.sender_verified(session, own[0]):
            return None
        return own[0]
    query = select(Request).where(Request.district == trust.district, Request.state == "clarifying",
                                  Request.requested.is_(None))
    if verdict.item is not None:
        query = query.where(Request.item == verdict.item)
    asked = [r for r in session.scalars(query.limit(2)) if repo.sender_verified(session, r)]
    return asked[0] if len(asked) == 1 else None


def _may_answer_late(verdict: Verdict, trust: SenderTrust) -> bool:
    """Whether a mail may be answered_late's answer at all: a trusted district's, with the figure it asks read."""
    return bool(trust.trusted and trust.district and not trust.is_manager) and verdict.requested is not None \
        and not any(d.field == "requested" for d in verdict.doubts)


def _says_it_answers(verdict: Verdict) -> bool:
    return _ANSWERS_OURS.search(f"{verdict.subject}\n{verdict.body_excerpt or ''}") is not None


def _quoted_requests(session: Session, message: Message | None) -> list[Request]:
    """The requests the quoted part of *message* names by reference (our mail quoted below the writer's words),
    as read when the message was read (quoted_facts); the stored mail is not parsed again."""
    quoted = (message.quoted or {}) if message is not None else {}
    return _requests_by_reference(session, quoted.get("references") or [])


_NEED_OR_ASK = re.compile("|".join(re.escape(stem) for stem in vocabulary.NEED_OR_ASK_STEMS), re.IGNORECASE)
_COURTESIES = re.compile(r"(?<![\w-])(?:" + vocabulary.alternation(vocabulary.NOT_ROLE_PHRASES) + r")(?![\w-])",
                         re.IGNORECASE)


def need_while_asked(session: Session, verdict: Verdict, trust: SenderTrust) -> Request | None:
    """The district's request we asked back for its figure, when a new mail of the district read as a daily
    report, or as a request whose figure is not read, states a need or asks for blanks (a stem of asking or
    needing outside its courtesies, vocabulary.NEED_OR_ASK_STEMS) or says it answers us: it may be the answer in
    words the reader does not know or a figure in doubt ("Nu dibutuhkeun teh sakitar sarebu keping, stokna kantun
    250"), so it is never booked as a daily report (the stock overwritten, the ask lost) nor opened as a second
    request asked for its figure again; a person reads it beside that request."""
    if not (trust.trusted and trust.district and not trust.is_manager) \
            or not (verdict.kind == "stock_report" or (verdict.kind == "request" and verdict.requested is None)):
        return None
    text = f"{verdict.subject}\n{verdict.body_excerpt or ''}"
    if not (_NEED_OR_ASK.search(_COURTESIES.sub(" ", text)) or _ANSWERS_OURS.search(text)
            or (verdict.kind == "stock_report" and _figure_unplaced(verdict))):
        return None
    query = select(Request).where(Request.district == trust.district, Request.state == "clarifying",
                                  Request.requested.is_(None))
    if verdict.item is not None:
        query = query.where(Request.item == verdict.item)
    waiting = [r for r in session.scalars(query.order_by(Request.id)) if repo.sender_verified(session, r)]
    return waiting[0] if waiting else None


def _figure_unplaced(verdict: Verdict) -> bool:
    """Whether a mail read as a daily report holds a count of blanks the reading placed in none of its fields
    ("700 would be good, we have 180 left"): maybe the figure asked for, in words the reader does not know."""
    placed = {verdict.stock_on_hand, verdict.recorded, verdict.printed, verdict.received} - {None}
    return any(m.value is not None and m.value not in placed and m.unit in (None, "blank")
               and not (m.year or m.rate or m.approximate)
               for m in find_mentions(normalise(verdict.body_excerpt or "")))


def _estimate_beside(verdict: Verdict) -> bool:
    """Whether the writer's words give a count of blanks only as an estimate ("kurang lebih 350an", "sekitar 400",
    "kurang dari 100") beside what the reading took: a figure still in doubt, whatever figure the reading placed (the
    "500" of "sisa stok yg 500 td ternyata sdh terpakai" is the one the estimate takes back). A least figure asked
    ("minimal 600") is no estimate; "± 500" of the 500 the reading took is that figure."""
    placed = {verdict.stock_on_hand, verdict.requested, verdict.recorded, verdict.printed, verdict.received} - {None}
    return any(m.value is not None and (m.approximate or m.about) and not m.least and m.value not in placed
               and m.unit in (None, "blank") and not (m.year or m.rate)
               for m in find_mentions(normalise(verdict.body_excerpt or "")))


def need_to_a_person(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                     waiting: Request) -> MessageOutcome:
    """need_while_asked's mail: nothing booked, a person reads it beside *waiting*, the district told so."""
    return _to_a_person(session, desk, message, verdict, trust, waiting, "need_while_asked")


def _named_requests(session: Session, text: str) -> list[Request]:
    """The requests *text* names by reference, each once, in the order named (unknown references left out)."""
    return _requests_by_reference(session, find_references(text))


def _requests_by_reference(session: Session, references: list[str]) -> list[Request]:
    named = {r.id: r for ref in references if (r := repo.request_by_reference(session, ref)) is not None}
    return list(named.values())


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
              thread: Request) -> MessageOutcome | None:
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
        return MessageOutcome.FOLLOW_UP_UNREADABLE
    if answers_managers_mail(session, desk, verdict, trust) and not attention.is_reminder(verdict):
        # an answer to mail we sent to the managers (a held notice, an alert, the digest) was not meant for the
        # desk: whatever figure it holds, it changes nothing, also under a "Setuju pak, tapi ... kami rubah jd
        # 4.200"; a person reads it and the district is told so (a bare SETUJU/TOLAK: that only managers decide)
        figures = {m.value for m in find_mentions(normalise(verdict.body_excerpt or "")) if m.value is not None}
        bare_command = attention.is_command(verdict) and figures <= {thread.requested, thread.approved}
        return _to_a_person(session, desk, message, verdict, trust, thread,
                            "district_command" if bare_command else "managers_thread")
    if verdict.kind == "stock_report" and (verdict.printed is not None or verdict.recorded is not None) \
            and not _CORRECTION.search(verdict.body_excerpt or ""):
        return None  # a daily report written as a reply: it is a report
    chosen = _choice_answered(session, verdict, thread)
    if chosen is not None:
        # "Sisa stok pak." answering our "apakah 1.200 keping adalah jumlah yang dimohon atau sisa stok": the
        # choice names the figure of our own question, read with it
        verdict = replace(verdict, body_excerpt=f"{verdict.body_excerpt}\n{chosen}")
    reading = interpret(session, thread, verdict)
    if reading.intent == "correction" and "received" in reading.figures and thread.approved:
        # "setelah dihitung ulang ternyata lengkap 1.200, bukan 1.100": the district corrects the count it gave
        # for this shipment, whatever words it uses; the right count closes the discrepancy
        return recount(session, desk, message, _counted(verdict, reading.figures["received"]), trust, thread)
    changed = _changed(thread, reading)
    if (changed or reading.intent in ("correction", "unclear")) \
            and followup.withdraws_change(verdict.body_excerpt or ""):
        # "tolong diganti jadi 1.400 ya. Eh maaf pak, nggak jadi, tetap 1.000 saja": a change the same mail takes
        # back is never applied (nor read as a cancellation); the request stays as it is, a person reads it and the
        # district hears nothing changed
        return _to_a_person(session, desk, message, verdict, trust, thread, "change_withdrawn")
    if not changed and reading.intent == "appeal" and _applied_before(session, thread, message, verdict):
        # "ralat pak, mohon 3.000 keping bukan 2.000" sent again by a phone client after it was applied (and
        # partly approved): the same words answering the same mail change nothing; a repeat, recorded as such,
        # never a plea to look again at the decision (the approval stands). (A repeat read as no plea goes on
        # below, and the district hears once that nothing changed.)
        repo.audit(session, at=desk.now(), actor=trust.address or "district", action="repeat",
                   target=thread.reference, details={"message": message.id, "text": (verdict.body_excerpt or "")[:300]})
        return MessageOutcome.FOLLOW_UP_CONFIRMED
    if not changed and reading.intent == "restated" \
            and _repeats_last_change(session, desk, thread, message, verdict, reading):
        # "Ralat pak, 900 bukan 700 🙏" soon after "ralat pak, mohon 900 keping bukan 700." was applied: the same
        # change in other words (a phone's second try), a repeat as the same words are; nothing changes, nobody
        # is written to
        repo.audit(session, at=desk.now(), actor=trust.address or "district", action="repeat",
                   target=thread.reference, details={"message": message.id, "text": (verdict.body_excerpt or "")[:300]})
        return MessageOutcome.FOLLOW_UP_CONFIRMED
    if changed and _applied_before(session, thread, message, verdict):
        # the same words answering the same mail of ours, already applied ("mohon ditambah 500 lagi" sent twice by
        # a phone client): never applied again (a raise would double); a person reads it, the district hears so
        return _to_a_person(session, desk, message, verdict, trust, thread, "repeated_change")
    if changed and thread.state in CHANGEABLE \
            and (restated := _restated_change(session, desk, thread, message, verdict, changed)) is not None:
        # "tadi belum lengkap: mohon ditambah 500 keping lagi" answering the same mail of ours as the +500 already
        # applied (or a colleague's new mail soon after it): the same raise in other words, never added twice; a
        # person reads it, and the district hears the figure stands and how to ask for more
        return _to_a_person(session, desk, message, verdict, trust, thread, "restated_change", set_aside=[restated])
    if not changed and reading.intent in ("plain", "restated") and thread.state in CHANGEABLE \
            and followup.takes_back_correction(verdict.body_excerpt or "") \
            and (restored := _before_last_correction(session, thread)):
        # "abaikan email koreksi kami sebelumnya, permohonan tetap seperti semula": the figures the request held
        # before the district's last correction, decided again, one reply (never read as a cancellation)
        return update(session, desk, thread, message, verdict, trust, restored)
    if not changed and reading.intent in ("plain", "restated") \
            and followup.item_changed(verdict.body_excerpt or "", thread.item or "ktp-el"):
        # "yang kami perlukan sebenarnya blangko KIA, bukan KTP-el. Jumlah tetap 1.000": the blank asked changes;
        # nothing is switched by mail (the approval, the ledger and the stock are the blank's), a person settles
        # it and the district hears so once
        return _to_a_person(session, desk, message, verdict, trust, thread, "item_changed")
    if followup.cancels(verdict.body_excerpt or "", reading.intent) and not reading.of_added:
        return cancel(session, desk, message, verdict, trust, thread, reading)
    if (_open_end(session, thread).state == "dispatched" and attention.asks_after_shipment(verdict)) \
            or (_open_end(session, thread).state == "approved" and attention.asks_if_sent(verdict)):
        # "blangko belum sampai", "apakah sudah dikirim?", "posisi kiriman": where the blanks are, answered with
        # when they left and how many (the managers hear of a shipment overdue); approved and not yet sent
        # ("Pak, blangkonya sudah dikirim belum?"), the district is told so and the managers that it waits
        return remind(session, desk, message, verdict, trust, thread)
    if thread.state in ("approved", "held") and attention.is_reminder(verdict) and changed \
            and all(c.get("field") == "stock_on_hand" for c in changed) \
            and not _CORRECTS.search(verdict.body_excerpt or ""):
        # "mohon segera dikirim ya, stok kami tinggal 300 keping" of a request approved and not yet sent, or
        # "menanyakan tindak lanjut permohonan kami, stok sekarang tinggal 90" of one the managers hold: an urge
        # with the stock now, no correction of the stock the request gave; the stock is kept as stated, the
        # managers hear the district waits (and for how long), the district where its request stands
        return remind(session, desk, message, verdict, trust, thread)
    if reading.intent != "question" and followup.denies_cancelling(verdict.body_excerpt or ""):
        # "mohon permohonan kami jangan dibatalkan", "TIDAK kami batalkan, mohon tetap dikirim 1.200": nothing
        # changes (a figure beside it is for the person to read), but a person hears the district's worry
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="cancel_denied",
                            detail=_detail(verdict, []), district=thread.district, item=thread.item,
                            message=message, request=thread)
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread)
        return MessageOutcome.FOLLOW_UP_QUEUED
    if reading.intent == "question" and attention.is_reminder(verdict):
        return remind(session, desk, message, verdict, trust, thread)
    if reading.intent == "unclear" and reading.below_zero is not None:
        # "sisa stok kami -120 keping": no count of blanks is below zero; nothing changes, and the district is
        # asked what it meant, in the request's thread
        field, value = reading.below_zero
        said = actions.sentence_stating(value, verdict.body_excerpt or "") or f"-{value}"
        asking = replace(verdict, doubts=(Doubt(field or "stock_on_hand", "negative", said),))
        actions.ask_back(session, desk, None, message, asking, district=thread.district, about="request",
                         thread=thread, only_doubts=True)
        return MessageOutcome.FOLLOW_UP_CLARIFY
    if reading.intent == "unclear" and reading.which_figure is not None:
        # "angka 800 tadi keliru, seharusnya 500" of a request asking 800 with 800 left: nothing changes, and the
        # district is asked which of the two it corrects, in the request's thread
        actions.ask_back(session, desk, None, message, replace(verdict, doubts=()), district=thread.district,
                         about="request", thread=thread, only_doubts=True, which_figure=reading.which_figure)
        return MessageOutcome.FOLLOW_UP_CLARIFY
    if reading.intent in ("question", "other_item", "unclear"):
        # never applied to the request: a person reads it (a question, a figure for the other blank, or a
        # figure whose meaning is not clear)
        reason = {"question": "question", "other_item": "other_item", "unclear": "doubt"}[reading.intent]
        other = "kia" if (thread.item or "ktp-el") == "ktp-el" else "ktp-el"
        asked_other = _other_blank_figures(verdict, thread) if reading.intent == "question" else ()
        if asked_other:
            # "Also, could we get 200 KIA cards as well? We have 30 left." in a KTP-el thread: the other blank's
            # figures, asked as a question; never booked here, and the district is told to ask them on their own
            reason, reading = "other_item", replace(reading, other_item=asked_other)
        if reading.intent == "unclear" and _never_filed(session, desk, verdict, trust) == "managers_thread":
            # "kami setuju dengan usulan 3.400 keping, mohon segera dikirim" answering the managers' held notice
            # (forwarded to the district): its figure is the managers' to read, and the district is told why
            reason = "managers_thread"
        if reading.intent == "question":
            _keep_stated(session, desk, message, verdict, thread)
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason=reason,
                            detail=_detail(verdict, []), district=thread.district, item=thread.item,
                            message=message, request=thread)
        set_aside: list[dict[str, object]] = [{"item": other, "value": v} for v in reading.other_item]
        told = reason
        if reading.crossed is not None:
            # a correction written against a figure another mail changed since: the district hears which figure
            # stands and is asked which holds (never only "a person will read it")
            field, old, now, new = reading.crossed
            told, set_aside = "crossed_change", [{"field": field, "old": old, "now": now, "new": new}]
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread, reason=told,
                              set_aside=set_aside)
        return FOLLOW_UP_INTENT[reading.intent]
    if thread.state == "rejected" and reading.intent == "appeal":
        # "mohon dipertimbangkan kembali, stok kami tinggal 200": a person rejected it, a person looks again; the
        # managers hear of it now (never only from the queue's waiting alert), the district that they did
        return appeal(session, desk, message, verdict, trust, thread, changed)
    if thread.state == "approved" and thread.approved and changed and reading.intent != "appeal" \
            and all(c.get("field") == "requested" and int(str(c.get("after") or 0)) != thread.approved
                    for c in changed) \
            and _AWAITS.search(verdict.body_excerpt or "") and not _CORRECTS.search(verdict.body_excerpt or "") \
            and not _ASKS_CHANGE.search(verdict.body_excerpt or ""):
        # "Siap pak, ditunggu kiriman 2.500 kepingnya" (or "... 1.200 kepingnya") of 2.000 approved: a thank-you
        # restating another figure raises or lowers nothing (only "ditunggu", "siap": no word that asks a change);
        # the district is asked whether the request is to change
        new = next(int(str(c["after"])) for c in changed if c.get("after") is not None)
        return actions.ask_back(session, desk, None, message, replace(verdict, doubts=()), district=thread.district,
                                about="request", thread=thread, only_doubts=True, restated=(new, thread.approved))
    if thread.state in ("approved", "dispatched") and thread.approved and thread.requested \
            and thread.approved < thread.requested and not changed and reading.intent != "appeal" \
            and _AWAITS.search(verdict.body_excerpt or "") and not _CORRECTS.search(verdict.body_excerpt or "") \
            and not _ASKS_CHANGE.search(verdict.body_excerpt or "") \
            and _figures_named(verdict) == {thread.requested}:
        # "KIA 1.500 keping kami tunggu" of 1.500 asked and 1.100 approved: the district awaits the figure it first
        # asked; it is told that 1.100 is what comes, and how to ask the managers for the rest (nothing changes)
        return actions.ask_back(session, desk, None, message, replace(verdict, doubts=()), district=thread.district,
                                about="request", thread=thread, only_doubts=True,
                                restated=(thread.requested, thread.approved))
    if changed and reading.intent != "appeal" and thread.state in CHANGEABLE \
            and (asked := next((c for c in changed if c.get("field") == "requested"), None)) is not None \
            and (first := _answered_by_another(session, thread, message, verdict, trust)) is not None:
        # two staff of the district answering our one question for the figure with two figures ("1.200 keping
        # pak", then from another address "yang benar kami butuh 2.000"): the second never silently replaces the
        # first; a person reads it, and its writer hears which figure stands and is asked which holds
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="answered_twice",
                            detail=_detail(verdict, changed), district=thread.district, item=thread.item,
                            message=message, request=thread)
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread,
                              reason="answered_twice",
                              set_aside=[{"field": "requested", "now": thread.requested, "new": asked.get("after"),
                                          "by": first}])
        return MessageOutcome.FOLLOW_UP_QUEUED
    if thread.state == "approved" and thread.approved and reading.intent == "appeal" and not changed \
            and reading.figures and set(reading.figures.values()) <= {thread.approved}:
        # "menindaklanjuti BLK-2026-0005 (2.000 keping), mohon segera dikirim karena antrean perekaman banyak" of
        # 2.000 approved and not yet sent: the approval restated with a reason to hurry is an urge to send it, never
        # a plea against it; a reminder, the district told where it stands
        return remind(session, desk, message, verdict, trust, thread)
    if thread.state == "held" and reading.intent == "appeal" and not changed and attention.is_reminder(verdict):
        # "Izin menanyakan permohonan kami 6.000 keping pak" of a request still waiting for the managers: the figure
        # asked, restated in a question after it, is no plea against a decision no one made yet (the system's
        # proposal is none); a reminder, the managers told how long it has waited, the district where it stands
        return remind(session, desk, message, verdict, trust, thread)
    if (changed or reading.intent == "appeal") and thread.state in CHANGEABLE:
        set_aside = _other_item(session, desk, message, verdict, thread, reading)
        return update(session, desk, thread, message, verdict, trust, changed, appeal=reading.intent == "appeal",
                      set_aside=set_aside)
    if changed and reading.intent == "correction" and thread.state == "linked" and thread.linked_to is not None:
        # "cukup 800 saja, bukan 1.000" of a request linked to the open one: changed in place like any correction,
        # and it still waits for a person beside the open one (never decided alone by the policy)
        return linked_corrected(session, desk, thread, message, verdict, trust, changed)
    if changed or reading.intent == "appeal" or (
            thread.state not in CHANGEABLE and thread.state != "linked"
            and (verdict.kind != "other" or reading.intent == "restated") and not attention.is_reminder(verdict)
            and not _thanks_for_the_decision(verdict, thread)):
        # after the blanks left the store, a figure restated ("2.000 keping, terima kasih") may be a count
        # without the words of a receipt: a person books it, nothing is booked or filed unread
        # a linked request's own thread: a reply about it, whoever wrote it (never "another address" for its sender)
        reason = "linked_follow_up" if thread.state == "linked" else "after_decision"
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason=reason,
                            detail=_detail(verdict, changed), district=thread.district, item=thread.item,
                            message=message, request=thread)
        if changed and reading.intent == "correction" and thread.state == "dispatched":
            # "cukup 1.000 saja, bukan 1.500" after the 1.500 left: the district hears they left, and a person
            # (the managers, the operator) at once
            sent_on = attention.dispatched_at(session, thread)
            # "sisa stok kami waktu itu sebenarnya 450": the district's stated stock, whatever the shipment
            _keep_changed_stock(session, desk, message, thread, changed, source="follow_up")
            actions.changed_after_dispatch(
                session, desk, thread, message, verdict, changes=changed, actor=trust.address or "district",
                dispatched_on=sent_on.astimezone(desk.tz).date().isoformat() if sent_on else None,
                answer_to=trust.address)
            return MessageOutcome.FOLLOW_UP_QUEUED
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread)
        return MessageOutcome.FOLLOW_UP_QUEUED
    if attention.is_reminder(verdict):
        return remind(session, desk, message, verdict, trust, thread)
    unseen = _never_filed(session, desk, verdict, trust)
    if unseen == "district_command" and thread.state == "approved" and thread.approved \
            and not attention.is_rejection(verdict) \
            and _is_confirmation(verdict, decided=(thread.approved,), accepted=thread.approved):
        # "Siap pak, 2.000 dulu tidak apa-apa, terima kasih banyak" of 2.000 approved: it opens as a manager's
        # word ("siap", "setuju") but decides nothing a manager has not; the district takes the approval as it
        # stands, a confirmation (recorded below), never a SETUJU for a person to read
        unseen = None
    if unseen is not None:
        # a district's SETUJU/TOLAK decides nothing, and an answer to mail we sent to the managers was not
        # meant for it: neither is filed as a confirmation; a person reads it and the district is told so
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason=unseen,
                            detail=_detail(verdict, []), district=thread.district, item=thread.item,
                            message=message, request=thread)
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread, reason=unseen)
        return MessageOutcome.FOLLOW_UP_QUEUED
    if verdict.kind == "request" and thread.state in CHANGEABLE and verdict.doubts \
            and all(d.field == "requested" and d.reason == "conflict" for d in verdict.doubts):
        # "jumlahnya mohon diubah jadi seribu, 300 keping ya": figures read together that may be one or two, never
        # taken; the district is asked which it means, as a new request's would be (nothing changes until it says)
        return actions.ask_back(session, desk, None, message, verdict, district=thread.district, about="request",
                                thread=thread, only_doubts=True)
    if verdict.kind in ("request", "stock_report") and any(d.field in followup.FIELDS for d in verdict.doubts) \
            or _estimate_beside(verdict):
        # "yang benar 1.5000 keping": a figure that cannot be read is no confirmation of the request; nor is "sisa
        # stok yg 500 td ternyata sdh terpakai sebagian, skrg kurang lebih 350an keping, nanti sy pastikan lg", which
        # takes the recorded 500 back and gives only an estimate; a person reads it (the district is told once)
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="doubt",
                            detail=_detail(verdict, []), district=thread.district, item=thread.item,
                            message=message, request=thread)
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread)
        return MessageOutcome.FOLLOW_UP_UNREADABLE
    if not followup.gives_reason(verdict.body_excerpt or "") and (
            verdict.kind in ("request", "stock_report")
            or _is_confirmation(verdict, decided=(thread.approved, thread.requested),
                                accepted=thread.approved if thread.state in ("approved", "dispatched") else None)):
        repo.audit(session, at=desk.now(), actor=trust.address or "district", action="confirm",
                   target=thread.reference, details={"message": message.id, "text": (verdict.body_excerpt or "")[:300]})
        if verdict.stock_on_hand is not None and thread.district and (
                verdict.item in (None, thread.item or "ktp-el")
                or not followup.items_named(verdict.body_excerpt or "")):
            stated.record_for_request(session, desk, message, district=thread.district, item=thread.item or "ktp-el",
                                      quantity=verdict.stock_on_hand)
        return MessageOutcome.FOLLOW_UP_CONFIRMED
    return MessageOutcome.OTHER  # not a figure, a question or a confirmation: a person reads it (mailbot.attention)


# Our question when a lone figure may correct either field (templates/reply_clarify.txt.j2), and the two answers.
_WHICH_ASKED = re.compile(r"mohon tegaskan apakah ([\d.]+) keping adalah jumlah yang dimohon atau sisa stok")
_NAMES_STOCK = re.compile(r"\b(?:sisa stok|sisa blangko|stok|sisa)\b")
_NAMES_ASKED = re.compile(r"\b(?:yang dimohon|jumlah (?:yang )?dimohon|dimohon|yang diminta|permintaan|"
                          r"jumlah permohonan)\b")


def _choice_answered(session: Session, verdict: Verdict, thread: Request) -> str | None:
    """The district's one-word choice ("Sisa stok pak.", "Yang dimohon pak.") answering our question which field a
    lone figure corrects, written out with the figure of that question ("1.200 itu sisa stok"); None when the
    mail answers no such question of ours, gives a figure of its own, or names both or neither."""
    import email
    import email.header
    import email.policy

    words = " ".join((verdict.body_excerpt or "").lower().split())
    if re.search(r"\d", words):
        return None
    stock, asked = bool(_NAMES_STOCK.search(words)), bool(_NAMES_ASKED.search(words))
    if stock == asked:
        return None
    # the mail answered: the newest of ours it names (an id folded as an encoded word by some clients, decoded);
    # naming none of ours (its In-Reply-To unreadable), the newest reply of ours in the request's thread
    said = " ".join([verdict.in_reply_to or "", *verdict.references])
    try:
        said = str(email.header.make_header(email.header.decode_header(said)))
    except (ValueError, LookupError, UnicodeError):
        pass
    ids = MESSAGE_ID.findall(said)[-20:]
    raw = session.scalar(select(OutboxMessage.raw).where(OutboxMessage.message_id.in_(ids))
                         .order_by(OutboxMessage.id.desc()).limit(1)) if ids else None
    if raw is None:
        raw = session.scalar(select(OutboxMessage.raw).where(OutboxMessage.request_pk == thread.id,
                                                             OutboxMessage.category == "reply")
                             .order_by(OutboxMessage.id.desc()).limit(1))
    if raw is None:
        return None

    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    body = parsed.get_body(("plain",)) if isinstance(parsed, email.message.EmailMessage) else None
    found = _WHICH_ASKED.search(" ".join(str(body.get_content() if body is not None else "").lower().split()))
    if found is None:
        return None
    # shown back as what the desk read, never as the district's own sentence
    return f"{actions.CHOICE_ANSWER_LEAD} {'sisa stok' if stock else 'jumlah yang dimohon'} {found.group(1)} keping."


def remind(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
           req: Request) -> MessageOutcome:
    """A reminder or a question about *req* (mailbot.attention.reminder); a stock it states is kept, and the
    reply says so; the managers are told of it when it is news for a request waiting for their decision."""
    stock, news = _keep_stated(session, desk, message, verdict, req)
    return attention.reminder(session, desk, message, verdict, trust, req, new_stock=stock if news else None,
                              stated_stock=stock)


def _keep_changed_stock(session: Session, desk: Desk, message: Message, req: Request,
                        changed: list[dict[str, object]], *, source: str) -> bool:
    """Keep the stock a follow-up changed (*changed*: field, before, after) as the district's stated stock of
    *req*'s blank; whether there was one to keep."""
    stock = next((c["after"] for c in changed if c.get("field") == "stock_on_hand"), None)
    if not isinstance(stock, int) or not req.district:
        return False
    stated.record_for_request(session, desk, message, district=req.district, item=req.item or "ktp-el",
                              quantity=stock, source=source)
    return True


def _keep_stated(session: Session, desk: Desk, message: Message, verdict: Verdict,
                 req: Request) -> tuple[int | None, bool]:
    """A stock a reminder or a question states ("stok kami sekarang tinggal 200 keping, kapan dikirim?") is the
    district's stated stock of the request's blank: never only in the queue's text. The stock kept, if any, and
    whether it is news: other than the request's recorded stock, and not said by a reminder about it before."""
    item = req.item or "ktp-el"
    if not req.district or verdict.item not in (None, item) or any(d.field == "stock_on_hand" for d in verdict.doubts):
        return None, False
    stock = verdict.stock_on_hand if verdict.stock_on_hand is not None else \
        followup.stated_stock(verdict.body_excerpt or "", item)
    if stock is None or _forwarded_statement(session, verdict, req, stock):
        return None, False
    said_before = session.scalar(select(StatedStock.id).where(
        StatedStock.district == req.district, StatedStock.item == item, StatedStock.quantity == stock,
        StatedStock.source == "reminder", StatedStock.at >= req.created_at).limit(1))
    stated.record_for_request(session, desk, message, district=req.district, item=item, quantity=stock,
                              source="reminder")
    return stock, said_before is None and stock != req.stock_on_hand


def _forwarded_statement(session: Session, verdict: Verdict, req: Request, stock: int) -> bool:
    """Whether *stock* is read only from an earlier mail the district forwards ("Mohon ditindaklanjuti" over its
    own request) that the desk read already: that figure is as old as the mail forwarded, stated then and kept
    with its own date, never the district's stock now (a later correction or report stands)."""
    said = [e for e in verdict.evidence if e.field == "stock_on_hand" and e.value == stock]
    if not said or not all("forwarded" in e.cues for e in said):
        return False
    return session.scalar(select(StatedStock.id).where(
        StatedStock.district == req.district, StatedStock.item == (req.item or "ktp-el"),
        StatedStock.quantity == stock).limit(1)) is not None


# A sentence of its own, for reading a mail sentence by sentence ("2.000" keeps its dot: a space must follow).
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\n+")
_ARRIVED = re.compile(r"\b(?:terima|diterima|menerima|sampai|tiba|datang|received|arrived)\b", re.IGNORECASE)
# A thank-you that waits for the blanks ("siap pak, ditunggu kirimannya"), and words that ask a change.
_AWAITS = re.compile(r"\b(?:siap|ditunggu|kami tunggu|ditunggu kirimannya)\b", re.IGNORECASE)
_ASKS_CHANGE = re.compile(r"\b(?:mohon|minta|tolong|tambah\w*|ubah\w*|diubah|menjadi|naik\w*|kurang\w*|cukup|"
                          r"revis\w*|instead|change\w*|need\w*|please|butuh\w*|perlu)\b", re.IGNORECASE)


# Words that correct a figure given before (never "menjadi" alone: "sisa stok kami sekarang menjadi 2.450" after a
# receipt is the stock now, no correction).
_CORRECTS = re.compile(r"\b(?:koreksi|ralat|bukan|sebenarnya|yang benar|seharusnya|harusnya|salah|keliru|revisi)\b",
                       re.IGNORECASE)


def stock_fixed_on_receipt(session: Session, verdict: Verdict, trust: SenderTrust,
                           thread: Request | None) -> list[dict[str, object]] | None:
    """The stock correction (field, label, before, after) a receipt of *thread*'s shipment carries beside its count
    ("Blangko 2.000 keping sudah kami terima pak. Sekalian koreksi, stok kami waktu mengajukan sebenarnya 450, bukan
    750."), once the blanks left: None when the mail is no such receipt, or corrects anything but the stock (the
    figure asked after dispatch is a person's, mailbot.conversation.follow_up). The sentences that only give the
    count received are left out of the reading, so the count is never taken for a figure of the request."""
    if thread is None or thread.state != "dispatched" or not trust.trusted or trust.is_manager \
            or trust.district is None or thread.district != trust.district:
        return None
    body = verdict.body_excerpt or ""
    if verdict.received is None or any(d.field == "received" for d in verdict.doubts) \
            or verdict.item not in (None, thread.item or "ktp-el") or not _CORRECTS.search(body) \
            or followup.stated_shortfall(body, received=verdict.received, shipped=thread.approved) is not None:
        return None
    received = verdict.received
    # the count's sentence may say what the shipment lacked beside it ("hanya 1.450 keping (kurang 50 dari surat
    # jalan)"): the count and its difference from the shipment are both the receipt's
    counted = {received, abs(thread.approved - received)} if thread.approved else {received}
    rest = [s for s in _SENTENCES.split(body)
            if not (_ARRIVED.search(s) and {m.value for m in find_mentions(normalise(s))
                                            if m.value is not None} <= counted)]
    if len(rest) == len(_SENTENCES.split(body)):
        return None  # the count is said together with the correction: a person reads it
    read = {f: verdict.quantity(f) for f in FIGURES}
    reading = followup.interpret(" ".join(rest), item=thread.item or "ktp-el", requested=thread.requested,
                                 stock_on_hand=thread.stock_on_hand, approved=thread.approved,
                                 read={k: v for k, v in read.items() if v != received},
                                 earlier=_earlier_figures(session, thread))
    changed = _changed(thread, reading)
    if reading.intent != "correction" or not changed or {c["field"] for c in changed} != {"stock_on_hand"}:
        return None
    return changed


def received_with_stock_fix(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                            thread: Request, changed: list[dict[str, object]]) -> MessageOutcome:
    """A receipt of *thread*'s shipment with a correction of the request's stock (stock_fixed_on_receipt): the
    receipt is booked (the shipment closed), the stock is kept as the district's stated stock and handled as any
    correction after dispatch (a person's queue, the managers and the operator told), and one reply says both."""
    counted = replace(verdict, kind="receipt", requested=None, stock_on_hand=None,
                      doubts=tuple(d for d in verdict.doubts if d.field not in FIGURES),
                      evidence=tuple(e for e in verdict.evidence if e.field not in FIGURES))
    sent_on = attention.dispatched_at(session, thread)
    shipped, received = thread.approved, counted.received
    outcome = actions.confirm_receipt(session, desk, thread, message, counted, district=thread.district or "",
                                      item=thread.item or "ktp-el", thread=thread, stock_fix=changed)
    if shipped and received is not None and received != shipped:
        attention.shortfall(session, desk, thread, shipped=shipped, received=received, message=message)
    _keep_changed_stock(session, desk, message, thread, changed, source="follow_up")
    attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="after_decision",
                        detail=_detail(verdict, changed), district=thread.district, item=thread.item,
                        message=message, request=thread)
    actions.changed_after_dispatch(
        session, desk, thread, message, verdict, changes=changed, actor=trust.address or "district",
        dispatched_on=sent_on.astimezone(desk.tz).date().isoformat() if sent_on else None,
        answer_to=trust.address, received=received)
    return outcome


def appeal(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust, req: Request,
           changed: list[dict[str, object]]) -> MessageOutcome:
    """The district asks the province to look again at its rejected request: a queue item the managers were told
    of (one notice, no waiting alert after it), and one reply in the thread saying it went to them. A stock the
    appeal states ("stok kami hanya tinggal 200 keping") is the district's stated stock, as a reminder's is."""
    if not _keep_changed_stock(session, desk, message, req, changed, source="appeal"):
        _keep_stated(session, desk, message, verdict, req)
    item_id, _ = attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="appeal",
                                     detail=_detail(verdict, changed), district=req.district, item=req.item,
                                     message=message, request=req)
    attention.mark_alerted(session, item_id, desk.now())
    actions.appeal_after_rejection(session, desk, req, message, verdict, changes=changed,
                                   actor=trust.address or "district", answer_to=trust.address)
    return MessageOutcome.FOLLOW_UP_APPEALED


def cancel(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust, req: Request,
           reading: followup.Reading) -> MessageOutcome:
    """The district withdraws *req* ("permohonan kami batalkan", "please cancel"): before anything was decided it
    is cancelled and the district told; once approved or dispatched a person settles it (queue item, managers and
    operator told) and the district is told so; with a new figure beside the words, or after the request ended,
    a person reads it. One reply in the thread either way."""
    actor = trust.address or "district"
    beside = followup.figures_beside(verdict.body_excerpt or "", {req.requested, req.approved, req.stock_on_hand})
    if reading.intent in ("correction", "appeal", "other_item") and not _own_figures_only(req, reading) \
            or beside or req.state not in (
            *actions.CANCELLABLE, "approved", "dispatched"):
        # "kami batalkan, cukup 2.000 keping saja": the new figure is never lost by cancelling outright
        reason = "cancellation_unclear" if req.state in (*actions.CANCELLABLE, "approved", "dispatched") \
            else "after_decision"
        attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason=reason,
                            detail=_detail(verdict, []), district=req.district, item=req.item, message=message,
                            request=req)
        attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=req)
        return MessageOutcome.FOLLOW_UP_QUEUED
    if req.state in actions.CANCELLABLE:
        actions.cancel_by_district(session, desk, req, message, verdict, actor=actor, answer_to=trust.address)
        return MessageOutcome.FOLLOW_UP_CANCELLED
    attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="cancellation",
                        detail=_detail(verdict, []), district=req.district, item=req.item, message=message,
                        request=req)
    actions.cancel_asked(session, desk, req, message, verdict, actor=actor, answer_to=trust.address)
    return MessageOutcome.FOLLOW_UP_CANCEL_ASKED


def _own_figures_only(req: Request, reading: followup.Reading) -> bool:
    """Whether a follow-up read as a correction or an appeal names only the request's own recorded figures
    ("permohonan kami sebanyak 3.800 keping mohon dibatalkan" of 3.800 asked, 2.700 approved): beside words of
    cancelling, the request named by its figure, never a new figure nor the whole asked again."""
    return reading.intent in ("correction", "appeal") and not reading.other_item and not reading.old \
        and all(getattr(req, f, None) == v for f, v in reading.figures.items())


def names_other_districts_request(session: Session, verdict: Verdict, trust: SenderTrust,
                                  thread: Request | None) -> bool:
    """Whether a district's mail is about another district's request: written in its thread, or naming its
    reference in the subject or the text, and naming none of the sender's own."""
    if trust.district is None or trust.is_manager:
        return False
    named = _named_requests(session, f"{verdict.subject}\n{verdict.body_excerpt or ''}")
    if any(r.district == trust.district for r in named):
        return False
    return (thread is not None and thread.district != trust.district) or any(
        r.district != trust.district for r in named)


def corrects_other_districts_request(session: Session, verdict: Verdict, trust: SenderTrust) -> bool:
    """Whether a district's mail corrects another district's request: its text names that request's reference,
    none of the sender's own, and says it corrects or changes a figure ("koreksi: rujukan BLK-2026-0001 jumlah
    yang dimohon menjadi 1.000 keping"). A reference only in the subject (a reply in another district's thread)
    is not enough: that mail is the sender's own conversation."""
    if trust.district is None or trust.is_manager or verdict.kind == "receipt":
        return False
    words = verdict.body_excerpt or ""
    if not _CORRECTION.search(words):
        return False
    named = _named_requests(session, words)
    return bool(named) and all(r.district != trust.district for r in named)


_CORRECTS_WORDS = re.compile(r"(?<![\w-])(?:" + vocabulary.alternation(vocabulary.CORRECTION_OPENERS) + r")(?![\w-])",
                             re.IGNORECASE)


def corrects_in_other_districts_thread(session: Session, verdict: Verdict, trust: SenderTrust,
                                       thread: Request | None) -> bool:
    """Whether a district's mail written in another district's request's thread says it corrects a figure ("Maaf
    pak ralat jadi 1.500" from Tarakan in Nunukan's thread): it may mean the other district's request or one of its
    own, so neither changes and no request is opened; a person reads it. So is a mail that reads whole as a
    request, its asked figure and its stock ("Koreksi pak, jumlah yang kami mohon sebenarnya 2.900 keping, sisa
    stok 90."): its words of correcting may still mean the thread's request, and blanks are never committed on a
    guess of which request is meant."""
    if thread is None or trust.district is None or trust.is_manager or thread.district == trust.district:
        return False
    words = verdict.body_excerpt or ""
    if not (_CORRECTION.search(words) or _CORRECTS_WORDS.search(words) or followup.corrected_figures(words)):
        return False
    return names_other_districts_request(session, verdict, trust, thread)


def other_districts_request(session: Session, desk: Desk, message: Message, verdict: Verdict,
                            trust: SenderTrust) -> MessageOutcome:
    """A cancellation or receipt about another district's request: no request changes; a person reads it and the
    district is told why nothing was done (never the other district's reference)."""
    return _to_a_person(session, desk, message, verdict, trust, None, "other_districts_request")


def cancellation_target(session: Session, verdict: Verdict, trust: SenderTrust) -> Request | None:
    """The district's open request a cancellation outside any thread is about ("mohon permohonan blangko kami
    dibatalkan"): its one open request of the blank (KTP-el unless named)."""
    if not (trust.trusted and trust.district and not trust.is_manager and verdict.kind in ("other", "request")
            and followup.cancels(verdict.body_excerpt or "", "plain")):
        return None
    return repo.open_request(session, trust.district, verdict.item or "ktp-el",
                             states=(*actions.CANCELLABLE, "approved", "dispatched"), verified_only=True)


def cancelled_in_receipt(session: Session, verdict: Verdict, trust: SenderTrust,
                         thread: Request | None) -> Request | None:
    """The request a mail read as a receipt withdraws instead ("permohonan kami batalkan karena kiriman dari
    pusat sudah datang kemarin"): words of cancelling from its district, no count received, and a request of
    the district's not yet sent (its thread's, or its one open request); None otherwise."""
    if not (trust.trusted and trust.district and not trust.is_manager and verdict.received is None
            and followup.cancels(verdict.body_excerpt or "", "plain")):
        return None
    if thread is not None:
        return thread if thread.district == trust.district and thread.state in (*actions.CANCELLABLE, "approved") \
            else None
    return repo.open_request(session, trust.district, verdict.item or "ktp-el",
                             states=(*actions.CANCELLABLE, "approved"), verified_only=True)


# The words a short answer may carry beside its figure: "2.000 pak", "1.500 keping saja pak", "seribu lima ratus
# saja, terima kasih".
_ANSWER_WORDS = frozenset({"pak", "bu", "ibu", "bapak", "keping", "kpg", "lembar", "lbr", "pcs", "saja", "aja", "sj",
                           "ya", "yah", "ok", "oke", "baik", "terima", "kasih", "makasih", "mksh", "tks", "dulu",
                           "dlu", "sebanyak", "jumlahnya", "blangko", "ktp-el", "ktp", "el", "kia"})
_WORD = re.compile(r"[a-z][a-z-]*")
# An apology for the slip the answer mends ("1.200 lbr pak, maaf td salah ketik", "seribu dua ratus lima puluh aja
# pak, maaf tadi salah ketik."): it names no figure of its own, so it leaves the answer's one figure standing.
_SLIP_APOLOGY = re.compile(r"\b(?:mohon )?maaf\W+(?:(?:tadi|td|tdi|sebelumnya|kemarin|kmrn|kami|sy|saya|ya|pak|bu)\W+)*"
                           r"(?:" + vocabulary.alternation(vocabulary.SLIP_WORDS) + r"|keliru)\b")
# An apology for answering late and the rest of its sentence ("maaf td lama balasnya", "mohon maaf atas
# keterlambatan balasan kami", "maaf ya tadi kelamaan, lagi di lapangan perekaman keliling"; the words are
# mailbot.reader.vocabulary's): an aside, no figure of its own.
_LATE_APOLOGY = re.compile(r"(?<![\w-])(?:" + vocabulary.alternation(vocabulary.LATE_APOLOGY_WORDS) + r")\W+(?:(?:"
                           + vocabulary.alternation(vocabulary.LATE_APOLOGY_FILLERS) + r")\W+){0,4}?(?:"
                           + vocabulary.alternation(vocabulary.LATE_REPLY_WORDS) + r")(?![\w-])[^.!?\n]*[.!?\n]?")
_LATE_APOLOGY_STOPS = frozenset(vocabulary.LATE_APOLOGY_STOPS)


def _without_late_apology(text: str) -> str:
    """*text* less each apology for answering late with the rest of its sentence, when that rest holds no word
    that may speak of the figure and asks nothing ("maaf lama balasnya, tapi belum pasti" is kept whole)."""
    def aside(m: re.Match[str]) -> str:
        said = m.group(0)
        if said.endswith("?") or any(w in _LATE_APOLOGY_STOPS for w in _WORD.findall(said)):
            return said
        return " "
    return _LATE_APOLOGY.sub(aside, text)


def bare_figure(verdict: Verdict) -> int | None:
    """The one figure of a short answer that holds no other words than a unit, a courtesy, "saja", an apology
    for a slip and one for answering late ("2.000 pak", "1.000 lbr pak", "seribu lima ratus saja pak", "1.200 lbr
    pak, maaf td salah ketik", "1.250 pcs pak, maaf td lama balasnya"); else None."""
    low = normalise(verdict.body_excerpt or "").strip()
    if not low or len(low) > 200:
        return None
    mentions = find_mentions(low)
    if len(mentions) != 1 or mentions[0].value is None or mentions[0].value <= 0 or mentions[0].approximate \
            or mentions[0].conflict or mentions[0].year:
        return None
    mention, value = mentions[0], mentions[0].value
    rest = _without_late_apology(_SLIP_APOLOGY.sub(" ", low[:mention.start] + " " + low[mention.end:]))
    if len(low[mention.start:mention.end]) + len(rest.strip()) > 80 \
            or any(w not in _ANSWER_WORDS for w in _WORD.findall(rest)):
        return None
    return value


def bare_count(session: Session, verdict: Verdict, thread: Request) -> Verdict | None:
    """A short answer in the thread of *thread*'s shipment to our question for the count received ("1.000 lbr pak",
    our question not quoted under it): *verdict* as the receipt of that count; else None. Only an answer to that
    question (In-Reply-To), the reader finding no count in it."""
    if thread.state != "dispatched" or not verdict.in_reply_to or verdict.kind != "other" \
            or verdict.received is not None or (value := bare_figure(verdict)) is None \
            or verdict.item not in (None, thread.item or "ktp-el") \
            or not _asked_for_count(session, verdict.in_reply_to):
        return None
    item: Literal["ktp-el", "kia"] = "kia" if thread.item == "kia" else "ktp-el"
    return replace(verdict, kind="receipt", received=value, item=item,
                   doubts=tuple(d for d in verdict.doubts if d.field not in ("received", "item")),
                   evidence=(*(e for e in verdict.evidence if e.field != "received"),
                             Evidence("received", value, (verdict.body_excerpt or "").strip())))


def _asked_for_count(session: Session, message_id: str) -> bool:
    """Whether our mail *message_id* asked a district for the count of a receipt (mailbot.actions.ask_back)."""
    asked = session.scalar(select(OutboxMessage.id).where(OutboxMessage.message_id == message_id))
    if asked is None:
        return False
    return any((e.details or {}).get("about") == "receipt" for e in session.scalars(
        select(AuditEvent).where(AuditEvent.action == "ask-back", AuditEvent.target == f"outbox:{asked}")))


def bare_answer(verdict: Verdict, thread: Request) -> Verdict | None:
    """A short answer in the thread of *thread*, asked back for its figure, that holds one figure and no other
    words than a unit, a courtesy and "saja" ("2.000 pak", "seribu lima ratus saja pak"), the reader finding no
    figure in it (our question not quoted under it): *verdict* as the request of that figure; else None. Only
    an answer to our mail (In-Reply-To, or the request's reference in the subject, "Re: [BLK-…] …", as a webmail
    or a phone keeps it without the header) and only the figure asked (the request gave none)."""
    if thread.requested is not None or verdict.requested is not None \
            or not (verdict.in_reply_to or thread.reference in find_references(verdict.subject)) \
            or verdict.kind not in ("other", "request") or (value := bare_figure(verdict)) is None:
        return None
    item: Literal["ktp-el", "kia"] = "kia" if thread.item == "kia" else "ktp-el"
    if verdict.item not in (None, item):
        return None
    return replace(verdict, kind="request", requested=value, item=item,
                   doubts=tuple(d for d in verdict.doubts if d.field not in ("requested", "item")),
                   evidence=(*(e for e in verdict.evidence if e.field != "requested"),
                             Evidence("requested", value, (verdict.body_excerpt or "").strip())))


# "Yang KTP-el saja pak.", "KTP-el saja dulu pak yang 1.000. KIA nanti kami email terpisah.", "Just the KTP-el for
# now": the blank named with "only" (and the other, if named, said to come later on its own).
_ONLY_AFTER = re.compile(r"\W*(?:blangko\s+|blanko\s+)?(?:" + vocabulary.alternation(vocabulary.CHOSEN_ONLY_AFTER)
                         + r")\b")
_ONLY_BEFORE = re.compile(r"\b(?:" + vocabulary.alternation(vocabulary.CHOSEN_ONLY_BEFORE)
                          + r")\s+(?:(?:blangko|blanko)\s+)?$")
_OTHER_LATER = re.compile(r"\b(?:" + vocabulary.alternation(vocabulary.OTHER_BLANK_LATER) + r")\b")


def item_chosen(session: Session, verdict: Verdict, thread: Request) -> Verdict | None:
    """A short answer in the thread of *thread*, asked back only because its mail asked for both blanks, that
    names the blank the request was recorded for with "saja" ("Yang KTP-el saja pak."), our mail quoted under it or
    not: *verdict* as that request with its recorded figures (a figure it gives must be the one recorded); else
    None."""
    if thread.requested is None or not verdict.in_reply_to or verdict.kind not in ("other", "request"):
        return None
    last = session.scalars(select(Decision).where(Decision.request_pk == thread.id)
                           .order_by(Decision.id.desc()).limit(1)).first()
    if last is None or last.outcome != "clarify" or not last.reasons \
            or any(not isinstance(r, dict) or r.get("field") != "item" for r in last.reasons):
        return None
    low = normalise(verdict.body_excerpt or "").strip()
    if not low or len(low) > 160:
        return None
    item: Literal["ktp-el", "kia"] = "kia" if thread.item == "kia" else "ktp-el"
    named = followup.items_named(low)
    if item not in named or (len(named) > 1 and not _OTHER_LATER.search(low)):
        return None
    pattern = followup.ITEM_NAMES[item]
    if not any(_ONLY_AFTER.match(low, m.end()) or _ONLY_BEFORE.search(low, 0, m.start())
               for m in re.finditer(pattern, low)):
        return None
    if any(m.value not in (thread.requested, thread.stock_on_hand) for m in find_mentions(low) if not m.year):
        return None
    return replace(verdict, kind="request", requested=thread.requested, stock_on_hand=thread.stock_on_hand,
                   item=item, readings=(), doubts=())


# A subject's parts ("Re: [BLK-…] Permohonan blangko KTP-el - koreksi jadi 1.200 keping", "… (REVISI: 1.300 kpg)",
# "… -> mohon diubah 450 kpg"), the one opened by a word of correction, and the body lines that say nothing (a
# signature's dashes, a phone's footer) or only point at the subject ("Sesuai subjek pak. Trims").
_SUBJECT_PARTS = re.compile(r"\s+[-\u2013\u2014|]\s+|\s*(?:-+>|=+>|\u2192)\s*|\s*[()]\s*"
                            r"|\s*\b(?:re|fwd?|aw|bls)\s*:\s*|\[[^\]]*\]", re.IGNORECASE)
_POINTS_AT_SUBJECT = re.compile(r"^\W*(?:" + vocabulary.alternation(vocabulary.SUBJECT_POINTERS) + r")\b",
                                re.IGNORECASE)
_SUBJECT_CORRECTION = re.compile(r"^(?:" + vocabulary.alternation(vocabulary.SUBJECT_CORRECTION_OPENERS)
                                 + r")(?![\w-])", re.IGNORECASE)
_SAYS_NOTHING = re.compile(r"^(?:-{2,}|_{2,}|(?:" + vocabulary.alternation(vocabulary.FOOTER_LINES)
                           + r"|dikirim dari|sent from|terkirim dari)\b.*)?$", re.IGNORECASE)
_STOCK_NAMED = re.compile(r"\b(?:stok|stock|sisa|persediaan|tersisa)\b", re.IGNORECASE)
_BRACKETED = re.compile(r"\[([^\]]*)\]")


def subject_correction(session: Session, verdict: Verdict, thread: Request) -> Verdict | None:
    """A reply in *thread* whose correction is written only in its subject ("Re: [BLK-2026-0003] Permohonan blangko
    KTP-el - koreksi jadi 1.200 keping", "RALAT jml jadi 900 kpg - Re: [BLK-…]"), its body empty or a signature:
    *verdict* read from that part of the subject, its one figure the request's asked figure (the stock when the
    part names the stock); None otherwise (a body with words of its own, no such part, not one figure, or a part
    the thread's subjects carried before: an old correction's subject answered again)."""
    if thread.requested is None or verdict.requested is not None and not verdict.doubts:
        return None
    if any(not _SAYS_NOTHING.match(line.strip()) and not _points_at_subject(line)
           for line in (verdict.body_excerpt or "").splitlines()):
        return None
    # "[KOREKSI 1.300 bukan 1.000] Re: [BLK-…] …": a bracket's words are a part of their own, a reference's are none
    subject = _BRACKETED.sub(lambda m: m[0] if find_references(m[0]) else f" - {m[1]} - ", verdict.subject or "")
    parts = [p.strip() for p in _SUBJECT_PARTS.split(subject) if p and p.strip()]
    said = [p for p in parts if _SUBJECT_CORRECTION.match(p)]
    if len(said) != 1:
        return None
    before = session.scalars(select(OutboxMessage.subject).where(OutboxMessage.request_pk == thread.id)).all()
    if any(said[0].lower() in (subject or "").lower() for subject in before):
        return None
    # "CORRECTION: 800 pcs not 600": the figure named as the wrong one is not the new one
    old = followup.corrected_figures(said[0])
    figures = [m for m in find_mentions(normalise(said[0])) if m.value is not None and not m.year
               and m.value not in old]
    if len(figures) != 1 or figures[0].value is None or figures[0].value <= 0:
        return None
    field = "stock_on_hand" if _STOCK_NAMED.search(said[0]) or (
        thread.stock_on_hand in old and thread.requested not in old) else "requested"
    value = figures[0].value
    return replace(verdict, kind="request", body_excerpt=said[0], readings=(),
                   requested=value if field == "requested" else thread.requested,
                   stock_on_hand=value if field == "stock_on_hand" else verdict.stock_on_hand,
                   doubts=tuple(d for d in verdict.doubts if d.field not in followup.FIELDS),
                   evidence=(*(e for e in verdict.evidence if e.field != field), Evidence(field, value, said[0])))


def _points_at_subject(line: str) -> bool:
    """Whether a body *line* only points at the subject ("Sesuai subjek pak. Trims", "see subject, thanks"): the
    pointer, then nothing but courtesy and thanks."""
    pointer = _POINTS_AT_SUBJECT.match(line.strip())
    if pointer is None:
        return False
    rest = line.strip()[pointer.end():]
    return not rest.strip(" \t.,;:!-") or not _SUBSTANCE.search(rest) and all(
        not clause.strip() or _COURTESY.match(clause.strip()) or _CONFIRMATION.search(clause)
        or len(clause.split()) <= 2 for clause in re.split(r"[.,;:!?]+", rest))


def interpret(session: Session, req: Request, verdict: Verdict) -> followup.Reading:
    """What the follow-up *verdict* says about *req* (mailbot.followup), the reader's figures beside it
    where the reader read the request's own blank."""
    read = ({f: verdict.quantity(f) for f in FIGURES} if verdict.item in (None, req.item or "ktp-el")
            else {})
    received = actions.received_before(session, req) if req.state == "received" else None
    return followup.interpret(verdict.body_excerpt or "", item=req.item or "ktp-el", requested=req.requested,
                              stock_on_hand=req.stock_on_hand, approved=req.approved, read=read,
                              received=received, earlier=_earlier_figures(session, req),
                              last_change=_last_asked_change(session, req),
                              told=req.state in ("approved", "dispatched"))


def _last_asked_change(session: Session, req: Request) -> tuple[int, int] | None:
    """The asked figure before and after the district's last change of it, while that change stands."""
    last = session.scalars(select(Decision.reasons).where(Decision.request_pk == req.id,
                                                          Decision.outcome == "updated")
                           .order_by(Decision.id.desc())).all()
    for reasons in last:
        for reason in reasons or []:
            for change in (reason.get("changes") or []) if isinstance(reason, dict) else []:
                if change.get("field") == "requested":
                    before, after = change.get("before"), change.get("after")
                    if isinstance(before, int) and isinstance(after, int) and after == req.requested:
                        return before, after
                    return None
    return None


def _applied_before(session: Session, req: Request, message: Message, verdict: Verdict) -> bool:
    """Whether another message with the same words, answering the same mail, already changed *req*."""
    said = followup.words_digest(verdict.body_excerpt, verdict.in_reply_to)
    for reasons in session.scalars(select(Decision.reasons).where(Decision.request_pk == req.id,
                                                                  Decision.outcome == "updated")):
        if any(isinstance(r, dict) and r.get("said") == said and r.get("message") != message.id
               for r in reasons or []):
            return True
    return False


def _restated_change(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict,
                     changed: list[dict[str, object]]) -> dict[str, object] | None:
    """The district's last change of the figure asked by an amount (before, after, the amount), when this
    follow-up changes it again by the same amount without having seen that change: it answers a mail of ours
    sent before it, or (a new mail) none and soon after; and it says nothing of coming on top of it
    (followup.says_further). None when the follow-up may be a genuine further change."""
    asked = next((c for c in changed if c["field"] == "requested"), None)
    if asked is None or not isinstance(asked["before"], int) or not isinstance(asked["after"], int):
        return None
    body = verdict.body_excerpt or ""
    amount = followup.amount_changed(body, req.item or "ktp-el")
    if amount == 0 or asked["after"] - asked["before"] != amount:
        return None
    last = _last_asked_update(session, req)
    if last is None:
        return None
    decision, before, after, by = last
    if after != req.requested or after - before != amount or by == message.id \
            or followup.says_further(body, current=after, amount=amount):
        return None
    answered = _answered_mail(session, verdict, req)
    if answered is not None:
        told = session.scalar(select(OutboxMessage.id).where(OutboxMessage.purpose == f"reply:{by}"))
        if (answered.id >= told) if told is not None else (answered.created_at > decision.at):
            return None  # it answers our mail about the change (or a later one): a further change
    elif desk.now() - decision.at > desk.config.guards.resend_window():
        # a mail answering none of our mails about the change, written this soon after it, may not know of it
        return None
    return {"amount": abs(amount), "raise": amount > 0, "before": before, "after": after, "next": after + amount}


def _repeats_last_change(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict,
                         reading: followup.Reading) -> bool:
    """Whether the follow-up says the district's last change of *req* again in other words ("Ralat pak, 900 bukan
    700", "sorry, 900 not 700 please"), within [guards] resend_window_hours of it: it names both figures of a change
    that *req* still holds, and no figure but those and *req*'s own."""
    last = session.scalar(select(Decision).where(Decision.request_pk == req.id, Decision.outcome == "updated")
                          .order_by(Decision.id.desc()).limit(1))
    if last is None or desk.now() - last.at > desk.config.guards.resend_window():
        return False
    reasons = [r for r in last.reasons or [] if isinstance(r, dict)]
    if any(r.get("message") == message.id for r in reasons):
        return False
    named = {m.value for m in find_mentions(normalise(verdict.body_excerpt or "")) if m.value is not None}
    changes = [c for r in reasons for c in r.get("changes") or [] if isinstance(c, dict)
               and c.get("field") in FIGURES and getattr(req, str(c["field"])) == c.get("after")
               and reading.figures.get(str(c["field"]), c.get("after")) == c.get("after")]
    said = [c for c in changes if {c.get("before"), c.get("after")} <= named]
    own = {req.requested, req.stock_on_hand, req.approved} | {c.get("before") for c in said}
    return bool(said) and named <= own


def _last_asked_update(session: Session, req: Request) -> tuple[Decision, int, int, object] | None:
    """The district's last recorded change of *req*'s figure asked: its decision, before, after, and the message
    that made it."""
    for decision in session.scalars(select(Decision).where(Decision.request_pk == req.id,
                                                           Decision.outcome == "updated").order_by(Decision.id.desc())):
        for reason in decision.reasons or []:
            for change in (reason.get("changes") or []) if isinstance(reason, dict) else []:
                before, after = change.get("before"), change.get("after")
                if change.get("field") == "requested":
                    if isinstance(before, int) and isinstance(after, int):
                        return decision, before, after, reason.get("message")
                    return None
    return None


def recount(session: Session, desk: Desk, message: Message, counted: Verdict, trust: SenderTrust, thread: Request,
            *, purpose: str | None = None) -> MessageOutcome:
    """The count received of *thread*'s shipment corrected to *counted*'s: booked, and the discrepancy opened,
    updated or closed. *purpose*: the reply's, when the same mail gets another reply."""
    assert counted.received is not None and thread.approved
    outcome = actions.correct_receipt(session, desk, thread, message, counted, actor=trust.address or "district",
                                      purpose=purpose)
    attention.shortfall(session, desk, thread, shipped=thread.approved, received=counted.received, message=message)
    return outcome


def recount_with_ask(session: Session, verdict: Verdict, trust: SenderTrust,
                     thread: Request) -> tuple[Verdict, Verdict] | None:
    """Of a follow-up in a received shipment's thread that recounts it and asks for more blanks in the same mail
    ("sebenarnya 580 bukan 600. Sekarang stok kami tinggal 90, mohon dikirim lagi 700 keping"): (the recount, the
    new ask); None otherwise."""
    if thread.state != "received" or not thread.approved:
        return None
    reading = interpret(session, thread, verdict)
    if reading.intent != "correction" or "received" not in reading.figures:
        return None
    return new_ask_beside(_counted(verdict, reading.figures["received"]), thread, trust,
                          actions.received_before(session, thread))


def receipt_with_ask(verdict: Verdict, trust: SenderTrust, thread: Request) -> tuple[Verdict, Verdict] | None:
    """Of a mail in the thread of *thread*'s shipment on its way that says the blanks arrived and asks for more
    ("1.900 keping sudah kami terima ... Sekalian kami mohon tambahan lagi 1.200 keping"): (the receipt, the new
    ask); None when it is no plain receipt (a count in doubt, the rest said to come, a shortfall said apart, blanks
    not in hand, words of correction: the receipt's own ways read those) or asks nothing new. The figure asked
    beside a count received is never a change of the request that was shipped."""
    if thread.state != "dispatched" or not thread.approved or trust.is_manager or thread.district != trust.district:
        return None
    body = verdict.body_excerpt or ""
    if verdict.received is None or any(d.field == "received" for d in verdict.doubts) \
            or verdict.item not in (None, thread.item or "ktp-el") or not _ARRIVED.search(body) \
            or _CORRECTS.search(body) or followup.blanks_not_arrived(body) or followup.rest_coming(body) \
            or followup.stated_shortfall(body, received=verdict.received, shipped=thread.approved) is not None:
        return None
    return new_ask_beside(verdict, thread, trust, None)


def receipt_beside_other_ask(verdict: Verdict, trust: SenderTrust,
                             thread: Request) -> tuple[Verdict, Verdict, bool] | None:
    """Of a request for the other blank in the thread of a shipment on its way that also says the thread's blanks
    arrived ("Blangko KTP-el 2.400 keping sudah kami terima ..., ada 1 pak (100 keping) belum sampai. Sekalian kami
    mohon tambahan blangko KIA 600 keping"): (the receipt of the thread's blank, the ask, whether the rest is said
    to be coming); None when the mail gives no count received of the thread's blank said as done, the count is
    said only as what the delivery lacked, or the blanks are said not to have come."""
    item = thread.item or "ktp-el"
    if thread.state != "dispatched" or not thread.approved or trust.is_manager or thread.district != trust.district \
            or verdict.kind != "request" or verdict.item in (None, item):
        return None
    got = verdict.reading_for(item) or _unnamed_received(verdict, thread)
    body = verdict.body_excerpt or ""
    # (the reader reads the other blank's count received only when said with words of arrival)
    if got is None or got.received is None or _CORRECTS.search(body) \
            or followup.blanks_not_arrived(body) \
            or followup.stated_shortfall(body, received=got.received, shipped=thread.approved) is not None:
        return None
    doubts = verdict.doubts
    if any(d.field == "received" for d in doubts):
        # "diterima lengkap 2.000 keping, tetapi 12 keping hologramnya pudar": a count of damaged blanks beside the
        # count received is no second count; any other doubt about the count stays a doubt
        damaged = followup.damaged_counts(body)
        if not damaged or got.received in damaged:
            return None
        doubts = tuple(d for d in doubts if d.field != "received")
    # the damage and its question ("Tp 1 pak (100 lbr) kena air, lembab semua. Gmn ini pak?") go to a person with
    # the receipt (routes._receipt_and_ask): never a question that leaves the ask unopened
    asked = body
    for sentence in followup.damage_sentences(body):
        asked = asked.replace(sentence, " ")
    ask = other_blank_asked(thread, replace(verdict, readings=(), body_excerpt=asked, doubts=doubts), trust)
    if ask is None:
        return None
    ask = replace(ask, body_excerpt=body, received=None,
                  evidence=tuple(e for e in ask.evidence if e.field != "received"))
    receipt = replace(verdict, kind="receipt", item=got.item, received=got.received, requested=None,
                      stock_on_hand=None, evidence=got.evidence, doubts=(), readings=())
    return receipt, replace(ask, readings=()), followup.rest_coming(body)


def _unnamed_received(verdict: Verdict, thread: Request) -> ItemReading | None:
    """The count received the mail gives in words that name no blank ("Pak, paket sdh sampai, kami hitung ada 2.000
    lbr"), read as the only one of the mail, as a reading of *thread*'s blank: the parcel on its way in this thread
    is the one said to have come. None when the mail reads blanks one by one, the sentence names a blank, or the
    count is more than was shipped."""
    if verdict.readings or any(d.field == "received" for d in verdict.doubts):
        return None
    blank: Item = "kia" if thread.item == "kia" else "ktp-el"
    if verdict.received is None and thread.approved \
            and (whole := followup.whole_shipment_told(verdict.body_excerpt or "", thread.approved)) is not None \
            and not followup.items_named(whole) - {blank}:
        # "Kirimannya sudah datang kemarin sore, 500 keping pas.": the whole shipment told arrived, by its figure
        return ItemReading(item=blank, received=thread.approved,
                           evidence=(Evidence("received", thread.approved, whole),))
    if verdict.received is None or verdict.received > (thread.approved or 0):
        return None
    said = tuple(e for e in verdict.evidence if e.field == "received")
    if not said or any(followup.items_named(e.text) for e in said):
        return None
    return ItemReading(item=blank, received=verdict.received, evidence=said)


def received_beside_ask(session: Session, desk: Desk, message: Message, receipt: Verdict,
                        thread: Request, *, rest_coming: bool = False) -> dict[str, object]:
    """The receipt of *thread*'s shipment said beside a new ask (receipt_with_ask), booked as any receipt (a
    difference opens a discrepancy, the managers told once) with no reply of its own: the reply to the ask, a
    request of its own, tells both. What that reply needs of it (reference, state, received, shipped, item)."""
    assert receipt.received is not None and thread.approved
    shipped, received = thread.approved, receipt.received
    actions.book_receipt(session, desk, thread, received, district=thread.district or "",
                         item=thread.item or "ktp-el", source=f"message:{message.id}",
                         actor=receipt.sender or "district")
    if received != shipped:
        attention.shortfall(session, desk, thread, shipped=shipped, received=received, message=message,
                            rest_coming=rest_coming)
    return {"reference": thread.reference, "state": thread.state, "received": received, "shipped": shipped,
            "item": thread.item or "ktp-el", "rest_coming": rest_coming and received < shipped}


def new_ask_beside(verdict: Verdict, thread: Request, trust: SenderTrust,
                   before: int | None) -> tuple[Verdict, Verdict] | None:
    """Of a count received of *thread*'s shipment that also asks for more blanks, read without doubt ("mohon
    dikirim lagi 700 keping"): (the receipt without the ask, the ask without the count received); None when it
    asks nothing, or its figure asked is only one of the shipment's own (the count received, shipped or asked, or
    its difference from the count shipped or from the one received *before*)."""
    if not trust.trusted or trust.district is None or verdict.requested is None \
            or any(d.field in ("requested", "item") for d in verdict.doubts) \
            or verdict.requested in (verdict.received, thread.approved, thread.requested) \
            or (verdict.received is not None
                and verdict.requested in (abs((thread.approved or 0) - verdict.received),
                                          abs((before or 0) - verdict.received))):
        return None  # "kekurangan 100 keping sudah ditemukan": a difference, never an ask
    receipt = replace(verdict, requested=None, evidence=tuple(e for e in verdict.evidence if e.field != "requested"))
    ask = replace(verdict, kind="request", received=None,
                  evidence=tuple(e for e in verdict.evidence if e.field != "received"),
                  doubts=tuple(d for d in verdict.doubts if d.field != "received"))
    return receipt, ask


def _answered_by_another(session: Session, req: Request, message: Message, verdict: Verdict,
                         trust: SenderTrust) -> str | None:
    """The address of another writer of the district whose answer to our question for *req*'s figure (the mail
    *verdict* answers as well) completed it; None when this mail answers another mail of ours, or the answer that
    completed the request came from the same address (a writer correcting itself)."""
    answered = _answered_mail(session, verdict, req)
    if answered is None or req.message_pk is None or answered.purpose != f"reply:{req.message_pk}" \
            or session.scalar(select(Decision.id).where(Decision.request_pk == req.id,
                                                        Decision.outcome == "clarify").limit(1)) is None:
        return None
    later = session.scalar(select(OutboxMessage.purpose).where(
        OutboxMessage.request_pk == req.id, OutboxMessage.id > answered.id, OutboxMessage.purpose.like("reply:%"),
        OutboxMessage.purpose != f"reply:{message.id}").order_by(OutboxMessage.id).limit(1))
    number = (later or "").removeprefix("reply:")
    answer = session.get(Message, int(number)) if number.isdigit() else None
    if answer is None or not answer.sender or not trust.address \
            or answer.sender.lower() == trust.address.lower():
        return None
    return answer.sender


def _answered_mail(session: Session, verdict: Verdict, req: Request) -> OutboxMessage | None:
    """The mail of ours about *req* that *verdict* answers: its In-Reply-To, else the latest its References name."""
    ids = [i for i in list(verdict.references) + ([verdict.in_reply_to] if verdict.in_reply_to else [])
           if MESSAGE_ID.fullmatch(i or "")]
    if not ids:
        return None
    ours = {o.message_id: o for o in session.scalars(select(OutboxMessage).where(
        OutboxMessage.message_id.in_(ids), OutboxMessage.request_pk == req.id))}
    if verdict.in_reply_to in ours:
        return ours[verdict.in_reply_to]
    return max(ours.values(), key=lambda o: o.id, default=None)


def _earlier_figures(session: Session, req: Request) -> dict[str, tuple[int, ...]]:
    """The figures *req* held before the district changed them (its recorded updates), field by field."""
    found: dict[str, list[int]] = {}
    for reasons in session.scalars(select(Decision.reasons).where(Decision.request_pk == req.id,
                                                                  Decision.outcome == "updated")):
        for reason in reasons or []:
            for change in (reason.get("changes") or []) if isinstance(reason, dict) else []:
                before, name = change.get("before"), change.get("field")
                if isinstance(before, int) and isinstance(name, str) and before != getattr(req, name, None):
                    found.setdefault(name, []).append(before)
    return {k: tuple(v) for k, v in found.items()}


def _before_last_correction(session: Session, req: Request) -> list[dict[str, object]]:
    """The changes that put back the figures *req* held before the district's last correction (its last recorded
    update): each figure it changed, from what it is now to what it was; none when that update is not the last
    word on a figure (changed again since) or there is none."""
    last = session.scalar(select(Decision).where(Decision.request_pk == req.id, Decision.outcome == "updated")
                          .order_by(Decision.id.desc()).limit(1))
    if last is None:
        return []
    back = []
    for reason in last.reasons or []:
        for change in (reason.get("changes") or []) if isinstance(reason, dict) else []:
            name, before, after = change.get("field"), change.get("before"), change.get("after")
            if name not in FIGURES or getattr(req, str(name)) != after or before is None or before == after:
                return []
            back.append({"field": name, "label": FIELD_LABELS[str(name)], "before": after, "after": before,
                         "restored": True})
    return back


def _changed(req: Request, reading: followup.Reading) -> list[dict[str, object]]:
    return [{"field": f, "label": FIELD_LABELS[f], "before": getattr(req, f), "after": v}
            for f, v in reading.figures.items()
            if reading.intent in ("correction", "appeal") and f in FIGURES and v != getattr(req, f)]


PERSONS_MATTER = ("district_appeal", "district_reason", "decided_by_manager", "changed_while_waiting")


def waiting_for_managers(session: Session, req: Request) -> Reason | None:
    """Why *req* waits for the managers over a person's matter (the district's appeal or its reason for a larger
    need, a change after a manager decided), from the decision that holds it; None when it is not held, or is
    held by the policy alone (which may decide it again)."""
    if req.state != "held":
        return None
    last = session.scalar(select(Decision).where(Decision.request_pk == req.id, Decision.outcome != "updated")
                          .order_by(Decision.id.desc()).limit(1))
    if last is None or last.outcome != "hold":
        return None
    for reason in reversed(last.reasons or []):
        if isinstance(reason, dict) and reason.get("code") in PERSONS_MATTER:
            return Reason(str(reason["code"]), {k: v for k, v in reason.items() if k != "code"})
    return None


def manager_decision(session: Session, req: Request) -> str | None:
    """Who last decided *req* by hand (a manager's SETUJU, `mailbot approve`), if a person did; an approval lowered
    to the district's lower ask is still that person's decision."""
    last = session.execute(select(Decision.actor, Decision.reasons).where(
        Decision.request_pk == req.id, Decision.outcome.in_(("approve", "approve_partial", "hold", "clarify",
                                                              "propose", "reject")))
        .order_by(Decision.id.desc()).limit(1)).first()
    if last is None:
        return None
    actor, reasons = last
    lowered = [r for r in reasons or [] if isinstance(r, dict) and r.get("code") == LOWERED]
    if actor == actions.POLICY and lowered:
        return str(lowered[0].get("actor") or "") or None
    return actor if actor not in (None, actions.POLICY) else None


def _other_item(session: Session, desk: Desk, message: Message, verdict: Verdict, req: Request,
                reading: followup.Reading) -> list[dict[str, object]]:
    """The other blank's figures beside a change to *req* ("KTP-el cukup 1.000 keping, KIA mohon 300 keping"):
    never booked on *req*; a person decides them (a queue item), and the reply says so."""
    if not reading.other_item:
        return []
    other = "kia" if (req.item or "ktp-el") == "ktp-el" else "ktp-el"
    attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="other_item",
                        detail=_detail(verdict, []), district=req.district, item=other, message=message, request=req)
    return [{"item": other, "value": value, "request_item": req.item or "ktp-el"} for value in reading.other_item]


def _other_blank_figures(verdict: Verdict, req: Request) -> tuple[int, ...]:
    """The figures of a mail in *req*'s thread that names only the other blank ("could we get 200 KIA cards as well?
    We have 30 left" in a KTP-el thread); () when it names the thread's own blank too, or none, or has no figure."""
    named = followup.items_named(verdict.body_excerpt or "")
    if named != {"kia" if (req.item or "ktp-el") == "ktp-el" else "ktp-el"}:
        return ()
    return tuple(m.value for m in find_mentions(normalise(verdict.body_excerpt or ""))
                 if m.value is not None and m.value > 0 and not m.year)


def linked_corrected(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict,
                     trust: SenderTrust, changed: list[dict[str, object]]) -> MessageOutcome:
    """The district corrected a figure of *req*, a request linked to its open one: the figures change in place (an
    audited update, a stock kept as the district's stated stock), the request still waits for a person beside the
    open one (a queue item names the change), and the district is told what changed in the same thread."""
    now = desk.now()
    for change in changed:
        setattr(req, str(change["field"]), change["after"])
    req.updated_at = now
    session.add(actions.record_update(req, changed, actor=trust.address or "district", at=now,
                                      message_id=message.id,
                                      said=followup.words_digest(verdict.body_excerpt, verdict.in_reply_to)))
    repo.audit(session, at=now, actor=trust.address or "district", action="update", target=req.reference,
               details={"message": message.id, "changes": [
                   {"field": c["field"], "before": c["before"], "after": c["after"]} for c in changed]})
    _keep_changed_stock(session, desk, message, req, changed, source="follow_up")
    # the person who decides it beside the open one reads the change with the district's words
    attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="linked_follow_up",
                        detail=f"{_detail(verdict, changed)}\n(diterapkan pada {req.reference})",
                        district=req.district, item=req.item, message=message, request=req)
    open_one = session.get(Request, req.linked_to) if req.linked_to is not None else None
    actions.linked_updated(session, desk, req, open_one, message, verdict, changes=changed,
                           answer_to=trust.address)
    return MessageOutcome.FOLLOW_UP_REQUEST_HELD  # it waits for a person, as it did


def update(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict, trust: SenderTrust,
           changed: list[dict[str, object]], *, appeal: bool = False,
           set_aside: list[dict[str, object]] | None = None) -> MessageOutcome:
    """The district corrected or raised a figure: the request changes in place and is decided again. After a
    person's decision, or when the district asks for its figure to be looked at again, it waits for a manager
    (who sees the district's words) instead of being decided again by the policy."""
    decided_by = manager_decision(session, req)
    # keeping to the figure asked and granted in full ("tetap membutuhkan 2.000") explains nothing
    granted = req.approved if req.approved is not None and req.approved == req.requested and not any(
        c["field"] == "requested" for c in changed) else None
    explained = appeal or followup.gives_reason(verdict.body_excerpt or "", granted=granted)
    hold = None
    if decided_by is not None:
        # a protest of a manager's decision ("kami keberatan ... minimal 3.200") waits for the managers as any change
        # after it does; the reason keeps that it is the district's objection, which their notice then says
        hold = Reason("decided_by_manager", {"actor": decided_by,
                                             "by": decided_by_words(desk.config.office.managers, decided_by),
                                             **({"appeal": "district"} if appeal else {})})
    elif appeal:
        hold = Reason("district_appeal")
    else:
        # a request waiting for the managers over a person's matter (the district's appeal or reason, a
        # manager's decision asked back) keeps waiting: a corrected figure reaches the managers, never the
        # policy's decision in their place
        hold = waiting_for_managers(session, req)
        if hold is not None and hold.code in ("district_appeal", "district_reason") and not explained:
            # a change that gives no reason ("setelah rapat cukup 2.500 saja") is not said to give one: the
            # request keeps waiting because it was waiting already
            hold = Reason("changed_while_waiting")
    if explained:
        # the district explained why: its reply thanks for the explanation, not for a correction
        changed = [{**c, "explained": True} for c in changed]
    # a figure the request's first mail wrote but the reading left in doubt ("kira-kira 150an"), or a later mail of its
    # thread did ("kira2 200an lah pak, nanti sy cek lagi"), was not missing: the district is told it was unclear,
    # never that it was not stated
    doubted = repo.written_unclearly(session.get(Message, req.message_pk) if req.message_pk is not None else None) \
        | _written_unclearly_in_thread(session, req, message)
    changed = [{**c, "unclear": True} if c["before"] is None and c["field"] in doubted else c for c in changed]
    # (never when the mail gives a reason or keeps to a figure at least as large: "tetap memohon 3.500 keping,
    # sebab ... butuh 700 keping" is no lowering to 700, whatever the reading made of it; the managers read it)
    lowered = _lowered_below_approval(req, changed, decided_by) if not explained else None
    if explained and not appeal:
        # "cukup 2.000 keping saja pak, karena ada bantuan dari Kemendagri": the reason explains the lowering, which
        # it is still (the managers read the reason in the notice that their approval was lowered)
        lowered = _lowered_below_approval(req, changed, decided_by)
        if lowered is not None and not followup.says_enough(verdict.body_excerpt or "", int(str(changed[0]["after"]))):
            lowered = None
    if lowered is not None and followup.names_new_figure_from(verdict.body_excerpt or "", req.item or "ktp-el",
                                                              lowered[0]):
        lowered = None
    if lowered is not None:
        # "Ralat, ternyata kami cukup 2.500 keping saja" after a manager approved 3.000: the manager granted
        # more than is now asked, so the approval is simply lowered to the ask (never more sent than asked);
        # nobody needs to decide again, and the managers hear of it once
        hold = None
    previous = req.approved if req.state == "approved" else None
    queued_up_to = repo.last_outbox_id(session)
    outcome = redecide(session, desk, req, message, verdict, changed, actor=trust.address or "district",
                       sender_known=trust.on_list, authenticated=trust.authenticated is not False,
                       hold=hold, answer_to=trust.address,
                       # our partial approval asked for the reason of a larger need: once given, a manager
                       # weighs it, never the policy again (which would only invite the reason again)
                       hold_if_partial=Reason("district_reason") if explained and lowered is None else None,
                       set_aside=set_aside, lowered_from=lowered)
    if previous is not None and repo.district_mail_since(session, queued_up_to, req.id):
        # the approval this change set aside was told to the district in a mail still waiting to go (a manager's
        # SETUJU and the district's correction in the same poll): that mail is withdrawn, never sent beside the
        # new one that contradicts it; the new one states the approval and that it is set aside
        repo.withdraw_superseded(session, request_pk=req.id, up_to=queued_up_to, at=desk.now(), actor="mailbot",
                                 why=f"withdrawn: superseded by message {message.id}, which changed {req.reference} "
                                     "before this mail was sent; the district is told the new decision instead")
    settled_doubts(session, desk, req, message, changed)
    stock = next((c["after"] for c in changed if c["field"] == "stock_on_hand"), None)
    if isinstance(stock, int) and req.district:
        # the stock the district stated is the stock of this request's blank, whatever blank the mail names
        stated.record_for_request(session, desk, message, district=req.district, item=req.item or "ktp-el",
                                  quantity=stock)
    return FOLLOW_UP_OF[outcome]


def _written_unclearly_in_thread(session: Session, req: Request, message: Message) -> frozenset[str]:
    """The figures the district's earlier mails in *req*'s thread, put before a person as figures in doubt or
    unread, wrote without the reading taking them ("kira2 200an"; mailbot.store.repo.written_unclearly)."""
    fields: set[str] = set()
    for item in session.scalars(select(AttentionItem).where(
            AttentionItem.request_pk == req.id, AttentionItem.kind == "read",
            AttentionItem.reason.in_(_SETTLED_BY_ANSWER), AttentionItem.message_pk < message.id)):
        fields |= repo.written_unclearly(session.get(Message, item.message_pk))
    return frozenset(fields)


# The items an earlier mail of the thread opened that the figure we asked back for, given at last, settles: a figure
# in doubt, and a mail with no figure the desk could act on ("iya pak nanti sy cek dl ke pak kabid brp yg
# dibutuhkan"). (A question, an attachment, a reminder wait for their own answer.)
_SETTLED_BY_ANSWER = frozenset({"doubt", "other", "no_figure"})


def settled_doubts(session: Session, desk: Desk, req: Request, message: Message,
                   changed: list[dict[str, object]], *, answered: bool = False) -> None:
    """A later mail of the district in *req*'s thread changed its figures, or (*answered*) gave the figure we asked
    back for: the items its earlier figures in doubt opened ("eh maaf pak, yg bener ...", read by nobody yet) are
    settled by it, and closed saying so; an answer also settles the earlier mails that gave no figure to act on."""
    said = "; ".join(f"{FIELD_LABELS.get(str(c['field']), str(c['field'])).lower()}: {_said_value(c['before'])} "
                     f"menjadi {_said_value(c['after'])}" for c in changed)
    reasons = _SETTLED_BY_ANSWER if answered else frozenset({"doubt"})
    fields = {str(c["field"]) for c in changed}
    for item in attention.open_items(session, kinds=("read",)):
        if item.request_pk != req.id or item.message_pk is None or item.message_pk >= message.id:
            continue
        # a mail that gave a figure of the stock or the ask the desk could not act on ("masih ada kurang lebih
        # 350an keping, nanti sy pastikan lg angkanya") is settled by the later mail that changes that figure
        if item.reason in reasons or (item.reason in _SETTLED_BY_ANSWER and _gave_figure_of(session, item, fields)):
            attention.close(session, desk, item.id, actor="mailbot",
                            resolution=f"diselesaikan oleh email berikutnya #{message.id} ({said})")


def _gave_figure_of(session: Session, item: AttentionItem, fields: set[str]) -> bool:
    """Whether the mail that opened *item* named a figure of one of *fields*, in words the reader could not take."""
    opened = session.get(Message, item.message_pk)
    text = str(((opened.verdict if opened is not None else None) or {}).get("body_excerpt") or "")
    return any(followup.gives_figure_of(text, field) for field in fields)


def _said_value(value: object) -> str:
    """A figure of a change as the queue tells it: 1250 -> "1.250", nothing -> "-", a blank's name by its name."""
    if value is None or isinstance(value, int | float):
        return number(value)
    return item_name(str(value)) if str(value) in ITEM_NAMES else str(value)


def _lowered_below_approval(req: Request, changed: list[dict[str, object]],
                            decided_by: str | None) -> tuple[int, str] | None:
    """(the approval, who decided it) when the district's change only lowers its ask to a figure within what a
    person already approved and the district was told of, not yet shipped; else None."""
    if decided_by is None or req.state != "approved" or not req.approved:
        return None
    if [c["field"] for c in changed] != ["requested"]:
        return None
    after = changed[0]["after"]
    return (req.approved, decided_by) if isinstance(after, int) and 0 < after < req.approved else None


# The reason of an approval lowered to what the district now asks, below what a person approved before.
LOWERED = "lowered_below_approval"


def redecide(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict,
             changed: list[dict[str, object]], *, actor: str, sender_known: bool, authenticated: bool,
             purpose_tag: str | None = None, note: str | None = None, hold: Reason | None = None,
             answer_to: str | None = None, hold_if_partial: Reason | None = None,
             set_aside: list[dict[str, object]] | None = None,
             lowered_from: tuple[int, str] | None = None) -> MessageOutcome:
    """Change *req*'s figures in place and decide it again; an approval not yet shipped is released first
    (an audited cancellation in the ledger). The district's reply tells what changed, in the same thread, and
    what of its mail was *set_aside* for a person (the other blank's figures). *lowered_from*: (the approval,
    who decided it) a person gave before the district lowered its ask below it: the new ask is approved as it
    is, on that person's decision, and the managers are told."""
    now = desk.now()
    was_held = req.state == "held"
    previous = req.approved if req.state == "approved" else None
    tag = f"{purpose_tag}:{now.isoformat()}" if purpose_tag else f"update:{message.id}"
    if req.state == "approved" and req.approved and req.district:
        ledger.book(session, Entry(req.item or "ktp-el", req.district, req.approved, EntryKind.SHIPMENT_CANCELLED,
                                   now, tag, req.reference), actor=actor, request_pk=req.id)
        req.approved = None
    for change in changed:
        setattr(req, str(change["field"]), change["after"])
    req.updated_at = now
    session.add(actions.record_update(req, changed, actor=actor, at=now, message_id=message.id,
                                      said=followup.words_digest(verdict.body_excerpt, verdict.in_reply_to)))
    # a reading the operator corrected (mailbot correct) is the desk's change, not the district's
    repo.audit(session, at=now, actor=actor, action="reading-update" if any(c.get("by_us") for c in changed)
               else "update", target=req.reference, details={"message": message.id, "changes": [
                   {"field": c["field"], "before": c["before"], "after": c["after"]} for c in changed]})
    session.flush()
    decision = actions.evaluate(session, desk, req, sender_known=sender_known, authenticated=authenticated)
    if lowered_from is not None and req.requested:
        # the ask, within what a person approved: approved as asked, whatever the policy would now say
        before, by = lowered_from
        decision = replace(decision, outcome="approve", quantity=req.requested,
                           reasons=(Reason(LOWERED, {"approved": before, "actor": by}),),
                           steps=(*(s for s in decision.steps if s.code not in ("approved", "proposed")),
                                  Step("approved", req.requested, {"limited_by": "requested"})))
    if hold is None and hold_if_partial is not None and decision.outcome == "approve_partial":
        hold = hold_if_partial
    if hold is not None and decision.outcome != "clarify":
        decision = replace(decision, outcome="hold", reasons=(*decision.reasons, hold))
    outcome = actions.apply_policy(session, desk, req, decision, message=message, verdict=verdict, trusted=True,
                                   changes=changed,
                                   note=note if note is not None
                                   else without_sign_off(verdict.body_excerpt or "")[:600],
                                   reply_purpose=None if purpose_tag is None else f"reply:{message.id}:{tag}",
                                   # an approval set aside is said to be, whatever holds the request (a
                                   # person's matter, or the policy's limit after a raise or a lower stock)
                                   again=True, previous_approved=previous,
                                   answer_to=answer_to, set_aside=set_aside,
                                   lowered_from=lowered_from[0] if lowered_from is not None else None)
    if lowered_from is not None and req.state == "approved":
        # the managers hear once that the approval they gave was lowered to what the district now asks
        queue(session, desk, purpose=f"lowered:{req.id}:{tag}", category="notice",
              template="notice_approval_lowered", to=desk.config.office.managers, request_pk=req.id,
              context={"reference": req.reference, "district_name": desk.district_name(req.district),
                       "item": req.item, "changes": changed, "before": lowered_from[0],
                       "by": decided_by_words(desk.config.office.managers, lowered_from[1]),
                       "approved": req.approved, "note": note if note is not None else
                       without_sign_off(verdict.body_excerpt or "")[:600]})
    if was_held and req.state != "held" and hold is None:
        # the managers were asked to decide: they learn it no longer waits for them
        queue(session, desk, purpose=f"released:{req.id}:{tag}", category="notice", template="notice_released",
              to=desk.config.office.managers, request_pk=req.id,
              context={"reference": req.reference, "district_name": desk.district_name(req.district),
                       "item": req.item, "changes": changed, "by_us": bool(changed and changed[0].get("by_us")),
                       "by": decided_by_words(desk.config.office.managers, str(changed[0].get("by") or ""))
                       if changed else "",
                       "outcome_text": _OUTCOME_TEXT.get(req.state, req.state),
                       "approved": req.approved if req.state == "approved" else None})
    return outcome


_OUTCOME_TEXT = {"approved": "DISETUJUI otomatis", "clarifying": "perlu ditanyakan kembali kepada kabupaten/kota",
                 "rejected": "ditolak"}


def _counted(verdict: Verdict, received: int) -> Verdict:
    """*verdict* as the recount it is: *received* is the count, shown back as such ("setelah dihitung ulang
    ternyata pas 1.500 keping" is no figure requested, whatever the reader took it for)."""
    evidence = tuple(e for e in verdict.evidence if e.value != received or e.field == "received")
    if not any(e.field == "received" for e in evidence):
        said = actions.sentence_stating(received, verdict.body_excerpt or "")
        evidence = (*evidence, Evidence("received", received, said or ""))
    return replace(verdict, received=received, evidence=evidence,
                   requested=None if verdict.requested == received else verdict.requested,
                   stock_on_hand=None if verdict.stock_on_hand == received else verdict.stock_on_hand)


def resubmitted(session: Session, thread: Request, verdict: Verdict) -> tuple[int, int | None] | None:
    """The figure a district asks anew in the thread of its rejected request ("Baik pak, kalau begitu kami ajukan
    3.000 keping saja", as the manager's TOLAK invited), with the stock it states beside it: a new request, judged
    on that stock as any request is, never a change of the one decided. The same figure asked again with a plea
    ("tetap membutuhkan 4.000, mohon dipertimbangkan") is an appeal (see appeal). In the thread of a request that
    ended (received, cancelled), a new ask ("stok kami tinggal 600, mohon dikirim lagi 2.000") is a new request
    too, whatever its figure: replying to the last mail is how districts start the next one."""
    if followup.cancels(verdict.body_excerpt or "", "plain") \
            and not (thread.state == "cancelled" and followup.keeps_ask(verdict.body_excerpt or "")):
        # (of a request the district cancelled, "pinjaman dari Tarakan tidak jadi. Jadi permohonan kami tetap 3.500":
        # the ask taken up again, a new request, whatever else the mail says did not happen)
        return None
    if thread.state in ENDED:
        return _asked_anew(verdict)
    if thread.state != "rejected":
        return None
    reading = interpret(session, thread, verdict)
    asked = reading.figures.get("requested")
    if reading.intent not in ("correction", "appeal") or asked is None \
            or set(reading.figures) - {"requested", "stock_on_hand"}:
        return None
    if reading.intent == "appeal" and asked == thread.requested:
        return None
    return asked, reading.figures.get("stock_on_hand", verdict.stock_on_hand)


def other_blank_asked(thread: Request, verdict: Verdict, trust: SenderTrust) -> Verdict | None:
    """A request for the other blank asked in the thread of the district's request ("Sekalian kami mohon juga
    blangko KIA sebanyak 300 keping, sisa KIA kami tinggal 60 keping" in a KTP-el request's thread), read whole:
    its own request for that blank, as if sent in a mail of its own (the thread's request is untouched); None when
    the mail also gives a figure of the thread's blank, asks a question (a person reads it), or its ask is not
    clear."""
    item = thread.item or "ktp-el"
    words = verdict.body_excerpt or ""
    if thread.district != trust.district or verdict.kind != "request" or verdict.item in (None, item) \
            or verdict.requested is None or verdict.doubts \
            or any(r.item == item for r in verdict.readings) or followup.cancels(words, "plain") \
            or attention.is_question(verdict) or not followup.asks_for(words, verdict.item, verdict.requested):
        return None
    # its answer is under the subject of the blank it asks ("Re: [BLK-…] Permohonan blangko KIA"), never the thread's
    return replace(verdict, subject=subject_of_item(verdict.subject or "", verdict.item))


# States in which a request is over: a new ask in its thread is a new request.
ENDED = ("received", "cancelled")


def _asked_anew(verdict: Verdict) -> tuple[int, int | None] | None:
    """The figure and stock of a new ask in an ended request's thread: a request read with its asked figure
    clear, neither a question, a reminder nor a correction of figures given before."""
    words = verdict.body_excerpt or ""
    if verdict.kind != "request" or verdict.requested is None \
            or any(d.field in ("requested", "item") for d in verdict.doubts) \
            or followup.interpret(words, item=verdict.item or "ktp-el", requested=None, stock_on_hand=None,
                                  approved=None).intent == "question" \
            or attention.is_reminder(verdict) or _CORRECTION.search(words) or followup.corrected_figures(words) \
            or not followup.asks_for(words, verdict.item or "ktp-el", verdict.requested):
        return None
    return verdict.requested, verdict.stock_on_hand


def reminder_target(session: Session, verdict: Verdict, trust: SenderTrust) -> Request | None:
    """The district's open request a reminder outside any thread (a forwarded request, a new email) is about. A
    new mail asking whether the blanks were sent ("izin menanyakan blangko yg kami mohon minggu lalu, apakah sudah
    dikirim?") chases the district's open request whatever its state, as the same words do in its thread: the
    district hears where it stands, never only that a person will read it."""
    asks_after = attention.asks_after_shipment(verdict)
    reminds = attention.is_reminder(verdict) or attention.asks_if_sent(verdict)
    if not (trust.trusted and trust.district and not trust.is_manager and (reminds or asks_after)):
        return None
    item = verdict.item or "ktp-el"
    # the writer's own request first: another address of the district has its own (perhaps linked) request
    own = session.scalar(select(Request).where(
        Request.district == trust.district, Request.item == item, Request.sender == trust.address,
        Request.state.in_((*repo.OPEN_STATES, "linked"))).order_by(Request.id.desc()).limit(1))
    if own is not None and repo.sender_verified(session, own) \
            and (verdict.requested is None or own.requested in (None, verdict.requested)):
        found: Request | None = own
    else:
        found = repo.open_request(session, trust.district, item, states=repo.OPEN_STATES, verified_only=True)
    if found is None or (found.state != "dispatched" and not reminds):
        return None  # "belum sampai" reminds of blanks on their way only
    if verdict.requested is not None and found.requested is not None and verdict.requested != found.requested:
        return None  # a different figure: a request of its own, not a reminder
    if verdict.requested is not None and found.requested is None:
        return None  # the figure we asked for ("2.000 keping, mohon segera dikirim"): an answer, not a reminder
    return found


def unmatched_reminder(session: Session, verdict: Verdict, trust: SenderTrust) -> bool:
    """A trusted district's reminder of a request sent before, outside any thread and with no figure of its own,
    when the district has no open request to remind of (reminder_target found none): it is no new request; a
    person reads it."""
    words = f"{verdict.subject}\n{verdict.body_excerpt or ''}"
    if not (trust.trusted and trust.district and not trust.is_manager and attention.is_reminder(verdict)
            and _EARLIER_ASK.search(words) and verdict.requested is None
            and not any(d.field == "requested" and d.reason != "missing" for d in verdict.doubts)):
        return False
    return repo.open_request(session, trust.district, verdict.item or "ktp-el",
                             states=(*repo.OPEN_STATES, "linked")) is None


def resent_request(session: Session, desk: Desk, message: Message, verdict: Verdict,
                   trust: SenderTrust) -> Request | None:
    """The district's open request *verdict* repeats: a verified request from the same address, for the same blank,
    under the same subject, whose figures stand in the same words, received within [guards] resend_window_hours (a
    phone client's resend comes minutes or hours after the first; later, the same words are a new ask for a person
    to weigh beside the open one, a linked request). The district sent its request again; it is no second request
    for a person to approve by mistake."""
    if not (trust.trusted and trust.district and trust.address and not trust.is_manager) \
            or verdict.requested is None:
        return None
    for req in session.scalars(select(Request).where(
            Request.district == trust.district, Request.item == (verdict.item or "ktp-el"),
            Request.state.in_((*repo.OPEN_STATES, "linked")), Request.message_pk.is_not(None),
            Request.message_pk != message.id, Request.created_at >= desk.now() - desk.config.guards.resend_window())
            .order_by(Request.id.desc())):
        first = session.get(Message, req.message_pk)
        # a copy no one could verify (a forger's ahead of the letter) never makes the district's own a repeat
        if first is not None and (req.sender or "").lower() == trust.address.lower() \
                and repo.sender_verified(session, req) and _said_alike(first, verdict, trust):
            return req
    return None


def _said_alike(earlier: Message, verdict: Verdict, trust: SenderTrust) -> bool:
    """Whether the *earlier* message says what *verdict* read: from the same address, under the same subject, the
    same figures in the same words (white space and case aside). The Message-ID and the Date differ."""
    read = earlier.verdict or {}
    return (str(earlier.sender or "").lower() == str(trust.address or "").lower()
            and _resent_subject(earlier.subject) == _resent_subject(verdict.subject)
            and all(read.get(f) == getattr(verdict, f) for f in ("kind", "requested", "stock_on_hand", "received"))
            and _figures_said(read.get("evidence") or []) == _figures_said(
                [{"field": e.field, "value": e.value, "text": e.text} for e in verdict.evidence]))


# A subject's marks of the same mail sent again: "(kirim ulang)", "- resend" in it.
_RESENT_MARKS = re.compile(r"[\s(\[\-\u2013|]*\b(?:" + vocabulary.alternation(vocabulary.RESEND_SUBJECT_MARKS)
                           + r")\b[\s)\]:\-\u2013|]*", re.IGNORECASE)


# A copy's number after a subject sent again ("Usulan blangko KTP-el Des 2026 (2)", "... [3]").
_COPY_NUMBER = re.compile(r"\s*[(\[]\s*\d{1,2}\s*[)\]]\s*$")


def _resent_subject(subject: str) -> str:
    """*subject* as the same mail sent again would carry it: its reply and forward prefixes (subject_prefixes, in
    any mail client's language), marks of sending again and a copy's number left out ("Fwd: Permohonan blangko
    (kirim ulang)", "TR: Permohonan blangko" and "Permohonan blangko (2)" are "permohonan blangko"), white space
    and case aside."""
    return " ".join(_COPY_NUMBER.sub("", _RESENT_MARKS.sub(" ", subject_prefixes(subject or "")[0]).strip())
                    .split()).lower()


def _figures_said(evidence: list[dict[str, object]]) -> set[tuple[object, object, str]]:
    """The figures a reading found, each with the words it stood in (white space and case aside)."""
    return {(e.get("field"), e.get("value"), " ".join(str(e.get("text") or "").lower().split())) for e in evidence}


def receipt_sent_again(session: Session, req: Request, message: Message, verdict: Verdict,
                       trust: SenderTrust) -> bool:
    """Whether *req*'s receipt, already booked, is what this mail says again word for word (a phone client's
    resend): booked once, answered once."""
    booked = session.scalars(select(LedgerEntry.source).where(LedgerEntry.request_pk == req.id,
                                                              LedgerEntry.source.like("message:%")))
    ids = {int(s.removeprefix("message:")) for s in booked if s.removeprefix("message:").isdigit()} - {message.id}
    return any(_said_alike(m, verdict, trust)
               for m in session.scalars(select(Message).where(Message.id.in_(ids)))) if ids else False


def resent(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
           req: Request) -> MessageOutcome:
    """The district sent its request *req* again (resent_request): recorded on it, no second reference, nothing
    decided again. Its sender hears once, in the request's thread, that the mail is recorded under *req*'s
    reference and where it stands; a third copy is only recorded (the district has its answer)."""
    told = session.scalar(select(OutboxMessage.id).where(OutboxMessage.request_pk == req.id,
                                                         OutboxMessage.purpose.like("resent:%")).limit(1))
    repo.audit(session, at=desk.now(), actor=trust.address or "district", action="resent", target=req.reference,
               details={"message": message.id})
    if told is None:
        queue(session, desk, purpose=f"resent:{message.id}", category="reply", template="reply_resent",
              to=[trust.address] if trust.address else [], request_pk=req.id,
              subject=reply_subject(verdict.subject, req.reference),
              context={"district_name": desk.district_name(req.district), "reference": req.reference,
                       "item": req.item, "requested": req.requested, "approved": req.approved, "state": req.state,
                       "state_text": attention.STATE_TEXT.get(req.state, req.state),
                       "since": attention.received_at(session, req).astimezone(desk.tz).date().isoformat()},
              reply_to=answering(message, verdict), writer_text=verdict.body_excerpt)
    return MessageOutcome.REPEATED_REQUEST


def correction_target(session: Session, verdict: Verdict, trust: SenderTrust) -> Request | None:
    """The district's open request a correction outside any thread is about ("ralat untuk email kami tadi pagi:
    sisa stok 200, bukan 450"): the one whose recorded figure is the one the correction names as wrong. A mail
    that names no blank may correct a request for either (a KIA request's "bukan 120"); when requests of both
    blanks hold the old figure, none is chosen (a person reads it, see unmatched_correction). A mail that says in
    words it revises the district's earlier request ("Merevisi permohonan kami sebelumnya, jumlah ... menjadi 2.400
    keping", "permohonan kami kemarin mohon dinaikkan jadi 2.500") is about its one open request too."""
    revises = bool(_REVISES.search(normalise(f"{verdict.subject}\n{verdict.body_excerpt or ''}")))
    if not (trust.trusted and trust.district and not trust.is_manager
            and (_CORRECTION.search(verdict.body_excerpt or "") or revises)):
        return None
    named = followup.items_named(f"{verdict.subject}\n{verdict.body_excerpt or ''}")
    items = (verdict.item or "ktp-el",) if named else ("ktp-el", "kia")
    matched, revised = [], []
    for item in items:
        found = repo.open_request(session, trust.district, item, states=CHANGEABLE)
        if found is None:
            continue
        reading = interpret(session, found, verdict)
        recorded = {found.requested, found.stock_on_hand} - {None}
        if reading.intent == "correction" and recorded.intersection(reading.old):
            matched.append(found)
        elif revises and reading.intent in ("correction", "appeal"):
            revised.append(found)
    if matched:
        return matched[0] if len(matched) == 1 else None
    return revised[0] if len(revised) == 1 else None


# A mail saying it revises the district's earlier request, whose thread it lost: "Merevisi permohonan kami
# sebelumnya", "permohonan kami kemarin mohon dinaikkan jadi 2.500", a subject "Permohonan blangko (revisi)".
_REVISES = re.compile(
    r"\b(?:merevisi|revisi|meralat|ralat|mengoreksi|koreksi|memperbaiki|perbaikan|mengubah|perubahan)\b[^.\n]{0,40}?"
    r"\bpermohonan (?:[\w-]+ ){0,4}?(?:sebelumnya|kemarin|terdahulu|yang lalu|tadi|terakhir|"
    r"yang (?:kemarin|tadi|sebelumnya|lalu))\b|"
    r"\bpermohonan (?:[\w-]+ ){0,4}?(?:sebelumnya|kemarin|terdahulu|yang lalu|tadi|yang (?:kemarin|tadi|sebelumnya))\b"
    r"[^.\n]{0,60}?\b(?:dinaikkan|dinaikan|diturunkan|diubah|dikurangi|ditambah\w*|menjadi|jadi|direvisi|"
    r"dikoreksi)\b|"
    r"\((?:revisi|ralat|koreksi)\)")


# A ralat of a daily report, by its words: "Ralat lap. harian tgl 4/12", "ralat laporan harian tgl 4 Desember",
# "koreksi laporan kemarin", "laporan harian ... salah ketik, seharusnya ...".
_REPORT_RALAT = re.compile(
    r"\b(?:ralat|koreksi|revisi|perbaikan)\b[^.\n]{0,40}?\blap(?:oran\b|\.|\s+harian\b)|"
    r"\blap(?:oran|\.)?\s*harian\b[^\n]{0,80}?\b(?:ralat|koreksi|salah ketik|keliru|seharusnya|yang benar)\b",
    re.IGNORECASE)


def corrected_report(session: Session, verdict: Verdict, trust: SenderTrust) -> Report | None:
    """The district's daily report already booked that a correction outside any thread is about ("ralat laporan
    harian kemarin: sisa blangko KTP-el yang benar 7.036 keping, bukan 7.360"): one of its last three reports
    holding the figure the mail names as wrong; None otherwise."""
    if not (trust.trusted and trust.district and not trust.is_manager):
        return None
    olds = set(followup.corrected_figures(verdict.body_excerpt or ""))
    recent = list(session.scalars(select(Report).where(Report.district == trust.district)
                                  .order_by(Report.id.desc()).limit(3)))
    if not olds:
        # "Ralat lap. harian tgl 4/12: sisa blangko KTP-el seharusnya 5.120": a ralat of a daily report that does
        # not repeat the wrong figure is still no new report; the report of the date it names, else the last one
        if verdict.requested is not None or not recent \
                or not _REPORT_RALAT.search(f"{verdict.subject}\n{verdict.body_excerpt or ''}"):
            return None
        return next((r for r in recent if r.report_date == verdict.report_date), recent[0])
    return next((r for r in recent if olds & ({r.stock_on_hand, r.recorded, r.printed} - {None})), None)


def report_corrected_in_thread(session: Session, verdict: Verdict, trust: SenderTrust,
                               thread: Request) -> Report | None:
    """The district's daily report a mail in its request *thread*'s conversation corrects ("laporan harian kami
    kemarin salah input ... yang benar 300, bukan 2.380"): the figure named as wrong is none of the request's own and
    is a figure of one of the district's last three reports; None otherwise (a correction of the request)."""
    olds = set(followup.corrected_figures(verdict.body_excerpt or ""))
    if thread.district != trust.district or not olds \
            or olds & {thread.requested, thread.stock_on_hand, thread.approved}:
        return None
    report = corrected_report(session, verdict, trust)
    return report if report is not None and verdict.item in (None, report.item) else None


def correct_report(session: Session, desk: Desk, report: Report, new: int, *, actor: str, reason: str, source: str,
                   note: str, message: Message | None = None) -> str:
    """Set *report*'s stock to *new* by an audited adjustment of the difference; the effect, in English for the
    operator. The ledger follows the newest count: when a later report's count was booked since, that count
    stands and only the record changes (the difference is never taken off twice)."""
    old = report.stock_on_hand
    later = session.scalar(select(Report.id).where(
        Report.district == report.district, Report.item == report.item, Report.id > report.id,
        Report.stock_on_hand.is_not(None)).limit(1)) is not None
    delta = 0 if later else new - (old if old is not None else
                                   repo.balance(session, report.item, report.district).on_hand)
    if delta:
        ledger.book(session, Entry(report.item, report.district, delta, EntryKind.ADJUSTMENT, desk.now(), source,
                                   f"{note}: sisa stok {old} menjadi {new} ({reason})"), actor=actor)
    report.stock_on_hand = new
    if not later:
        stated.keep(session, district=report.district, item=report.item, quantity=new, source="correction",
                    message=message if message is not None else session.get(Message, report.message_pk),
                    at=desk.now())
    if later:
        return (f"{report.district} {report.item}: report stock {number(old)} -> {number(new)}; no adjustment "
                "(a later report's count is booked since)")
    return (f"{report.district} {report.item}: stock {number(old)} -> {number(new)}"
            + (f", adjustment {'+' if delta > 0 else '-'}{number(abs(delta))} booked" if delta else ""))


# Words that say a mail in a daily report's thread corrects a figure of it: "angka sisa di laporan td keliru,
# harusnya 7.096", "Correction to today's report: ... should read 7,096".
# ("salah" alone is no such word: "3 keping salah cetak" in the next day's report answering this one)
_FIXES_REPORT = re.compile(r"\b(?:koreksi|ralat|sebenarnya|yang benar|yg benar|seharusnya|harusnya|hrsnya|keliru|"
                           r"revisi|salah (?:ketik|tulis|input|hitung|angka|ngetik)|correction|corrected|should read|"
                           r"should be|typo|typing error|"
                           # Javanese, Sundanese, Manado, Banjar: "klentu, ingkang leres 7.096", "ada salah"
                           r"klentu|kliru|lepat|ingkang leres|sing bener|sing leres|nu leres|nu bener|"
                           r"ada (?:yang |yg )?salah|so salah|salah sadikit|nang bujur)\b", re.IGNORECASE)


def report_answered(session: Session, verdict: Verdict, trust: SenderTrust) -> Report | None:
    """The district's own daily report a mail answers in its thread (by In-Reply-To/References) and says it
    corrects; None otherwise."""
    if not _FIXES_REPORT.search(verdict.body_excerpt or ""):
        return None
    return _report_of_thread(session, verdict, trust)


def report_restated(session: Session, verdict: Verdict, trust: SenderTrust) -> Report | None:
    """The district's own daily report a mail in its thread, of the same date, gives another figure for one of
    its fields (stock, recorded, printed) without words of correction the desk knows ("angka sisa ing laporan
    wau klentu, ingkang leres 7.096"; "torang pe laporan tadi ada salah"): a correction in other words, never a
    second report of that day; None otherwise."""
    report = _report_of_thread(session, verdict, trust)
    if report is None or (verdict.item or report.item) != report.item:
        return None
    return report if any(
        new is not None and old is not None and new != old
        for new, old in ((verdict.stock_on_hand, report.stock_on_hand), (verdict.recorded, report.recorded),
                         (verdict.printed, report.printed))) else None


def _report_of_thread(session: Session, verdict: Verdict, trust: SenderTrust) -> Report | None:
    """The district's own daily report a mail answers in its thread (by In-Reply-To/References), of the same
    date (a report of another day written in the thread is that day's report); None otherwise."""
    if not (trust.trusted and trust.district and not trust.is_manager) or verdict.requested is not None:
        return None
    ids = [i for i in ([verdict.in_reply_to] if verdict.in_reply_to else []) + list(verdict.references)
           if MESSAGE_ID.fullmatch(i or "")]
    if not ids:
        return None
    report = session.scalar(select(Report).join(Message, Message.id == Report.message_pk).where(
        Message.message_id.in_(ids), Report.district == trust.district).order_by(Report.id.desc()).limit(1))
    return None if report is None or verdict.report_date not in (None, report.report_date) else report


def report_fixed(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                 report: Report, *, thread: Request | None = None) -> MessageOutcome:
    """A correction of a daily report in its thread ("harusnya 7.096"), or in the *thread* of a request: the
    report's stock replaced by an audited adjustment, never a second day's report; the district is told what
    changed. With no new stock clearly given, a person books it (report_corrected)."""
    stock = verdict.stock_on_hand
    if stock is None or stock == report.stock_on_hand or (verdict.item or report.item) != report.item \
            or any(d.field == "stock_on_hand" for d in verdict.doubts):
        return report_corrected(session, desk, message, verdict, trust, report)
    old = report.stock_on_hand
    effect = correct_report(session, desk, report, stock, actor=trust.address or "district",
                            reason=f"ralat kabupaten/kota, pesan #{message.id}", message=message,
                            source=f"report-fix:message:{message.id}", note=f"ralat laporan #{report.message_pk}")
    repo.audit(session, at=desk.now(), actor=trust.address or "district", action="report_corrected",
               target=f"message:{report.message_pk}", details={"message": message.id, "stock_before": old,
                                                               "stock_after": stock, "effect": effect})
    attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread, reason="report_fixed",
                          set_aside=[{"item": report.item, "before": old, "after": stock,
                                      "date": report.report_date.isoformat()}])
    return MessageOutcome.REPORT_CORRECTED


_FROM_LINE = re.compile(r"^\s*\*?\s*(?:" + vocabulary.alternation(vocabulary.OUTLOOK_FROM) + r")", re.IGNORECASE)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def forwarded_district(desk: Desk, message: Message) -> tuple[str, str] | None:
    """The district whose own mail a manager's mail forwards (its forwarded header's From is on the district's
    sender list), with the forwarded text; None for any other mail. From what quoted_facts read of the mail when
    it was read: the stored mail is not parsed again."""
    from mailbot.desk import reader_districts
    from mailbot.reader.classify import district_of_sender

    quoted = message.quoted or {}
    address, part = quoted.get("forwarded_from"), quoted.get("forwarded")
    if not isinstance(address, str) or not isinstance(part, str):
        return None
    code = district_of_sender(address, reader_districts(desk.config))
    return (code, part) if code is not None else None


# How much of a forwarded mail's text the desk keeps (managers_forward shows it to the person who takes it up).
FORWARD_EXCERPT = 600


def quoted_facts(raw: bytes, verdict: Verdict, trust: SenderTrust, limits: ReadLimits) -> dict[str, object] | None:
    """What routing may need of the text a mail quotes or forwards, read from its bytes once, when it is read
    (mailbot.pipeline.judge, pure), and stored with it (Message.quoted): the references its quoted part names,
    for answered_late (a district's mail that may answer our question and does not say so); the forwarded
    mail's sender and text, for forwarded_district (a manager's mail) and for forwarded_unverified (a district's
    request that forwards a mail of its own writer). None for a mail neither may concern."""
    from mailbot.reader.mime import extract
    from mailbot.reader.quotes import forwarded_part, split_quoted

    wants_quote = _may_answer_late(verdict, trust) and not _says_it_answers(verdict)
    wants_forward = trust.trusted and (trust.is_manager or (bool(trust.district) and verdict.kind == "request"))
    if not (wants_quote or wants_forward):
        return None
    try:
        text = extract(raw, limits).text
    except Exception:  # noqa: BLE001 - a mail that cannot be read again quotes and forwards nothing to name
        return None
    facts: dict[str, object] = {}
    if wants_quote:
        facts["references"] = find_references(split_quoted(text)[1])
    if wants_forward:
        # a forward's separator ("---------- Forwarded message ---------"), or Outlook's "FW:" over the mail it
        # quotes
        part = forwarded_part(text) or (split_quoted(text)[1] if subject_prefixes(verdict.subject)[2] else None)
        sender = next((line for line in part.splitlines()[:12] if _FROM_LINE.match(line)), "") if part else ""
        if part and (address := _ADDRESS.search(sender.lower())) is not None:
            facts["forwarded_from"], facts["forwarded"] = address.group(0), part[:FORWARD_EXCERPT]
    return facts


def forwarded_unverified(session: Session, message: Message, trust: SenderTrust, district: str | None,
                         item: str) -> Request | None:
    """The request a district's office stands behind by forwarding it from its own address: a request of *district*
    for *item* still waiting (asked back or held), whose sender is the forwarded mail's (message.quoted) and could
    not be verified (an address on none of the district's lists, a personal mailbox). The office's forward is the
    request that stands; the unverified one is closed as superseded by it (actions.supersede), never left open
    beside it for a second shipment."""
    address = (message.quoted or {}).get("forwarded_from")
    if not (trust.trusted and trust.on_list and district and not trust.is_manager and isinstance(address, str)) \
            or address.lower() == (trust.address or "").lower():
        return None
    for req in session.scalars(select(Request).where(
            Request.district == district, Request.item == item, Request.state.in_(("clarifying", "held")),
            func.lower(Request.sender) == address.lower()).order_by(Request.id.desc())):
        if not repo.sender_verified(session, req):
            return req
    return None


def managers_forward(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                     district: str, forwarded: str) -> MessageOutcome:
    """A district's mail a manager forwards to the desk ("Tolong diproses sesuai ketentuan ya"): a person takes it
    up under that district (nothing is booked or decided in the district's name from a forward); the manager is
    told so, never asked for SETUJU or TOLAK."""
    name = desk.district_name(district)
    attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="manager_forward",
                        detail=f"{verdict.subject}\n{name}, diteruskan oleh {trust.address or 'pimpinan'}: "
                               f"{without_sign_off(verdict.body_excerpt or '')}\n{forwarded}",
                        district=district, item=verdict.item, message=message)
    attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=None, reason="manager_forward",
                          set_aside=[{"district": name}])
    return MessageOutcome.MANAGER_FORWARD


def report_corrected(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                     report: Report) -> MessageOutcome:
    """A district's correction of a report already booked: a person books it (`mailbot correct` of the report,
    an audited adjustment) and the district is told so truthfully, once; nothing changes by itself."""
    detail = (f"{verdict.subject}\nralat atas laporan #{report.message_pk} ({report.report_date.isoformat()}, sisa "
              f"{report.stock_on_hand}); koreksi: mailbot correct {report.message_pk} stock_on_hand=N --reason ...\n"
              f"{without_sign_off(verdict.body_excerpt or '')}")
    attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="report_correction",
                        detail=detail, district=report.district, item=report.item, message=message)
    attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=None, reason="report_correction")
    return MessageOutcome.FOLLOW_UP_QUEUED


def unmatched_correction(verdict: Verdict, trust: SenderTrust) -> bool:
    """A trusted district's mail outside any thread that says it corrects a figure given before ("Ralat: sisa
    stok kami 400 keping, bukan 500") and fits none of its open requests (correction_target found none): it is
    no new request; a person reads it. One that asks for blanks ("... Mohon kirim 3.000 keping") is a request of
    its own."""
    return bool(trust.trusted and trust.district and not trust.is_manager and verdict.kind != "receipt"
                and verdict.requested is None and followup.corrected_figures(verdict.body_excerpt or ""))


def _never_filed(session: Session, desk: Desk, verdict: Verdict, trust: SenderTrust) -> str | None:
    """Why a district's follow-up must reach a person even when it reads as a confirmation: it is written as a
    manager's decision ("SETUJU 2.000"), or it answers mail we sent to the managers (a held notice, an alert,
    the digest), which the district may have seen forwarded."""
    if attention.is_command(verdict):
        return "district_command"
    return "managers_thread" if answers_managers_mail(session, desk, verdict, trust) else None


def answers_managers_mail(session: Session, desk: Desk, verdict: Verdict, trust: SenderTrust) -> bool:
    """Whether a district's mail answers (or forwards) mail we sent to the managers and not to it (a held notice,
    an alert, the digest): by In-Reply-To (else the last of References), or, with neither naming a mail of ours,
    by its subject with the reply and forward prefixes taken off ("Re: Ringkasan stok blangko …")."""
    managers = {str(m).lower() for m in desk.config.office.managers}
    ids = [i for i in ([verdict.in_reply_to] if verdict.in_reply_to else list(verdict.references[-1:]))
           if MESSAGE_ID.fullmatch(i or "")]
    answered = repo.outbox_by_message_id(session, ids)
    if answered is not None:
        recipients = {str(r).lower() for r in answered.recipients}
        return (trust.address or "").lower() not in recipients and bool(
            recipients & managers or answered.category in ("notice", "alert", "digest"))
    if ids and session.scalar(select(Message.id).where(Message.message_id.in_(ids)).limit(1)) is not None:
        return False  # it answers a mail the desk received (the district's own, say), not one of ours
    subject, reply, forward = subject_prefixes(verdict.subject or "")
    if not (reply or forward) or not subject:
        return False
    # only a mail that went to the managers (and the operator) alone: never one the district's other address got
    office = managers | {str(desk.config.office.operator or "").lower()}
    return any({str(r).lower() for r in recipients} <= office for recipients in session.scalars(
        select(OutboxMessage.recipients).where(OutboxMessage.subject == subject,
                                               OutboxMessage.category.in_(("notice", "alert", "digest")))
        .order_by(OutboxMessage.id.desc()).limit(5)))


def managers_mail_answered(session: Session, desk: Desk, message: Message, verdict: Verdict,
                           trust: SenderTrust) -> MessageOutcome:
    """A district's mail outside any request's thread answering mail we sent to the managers (the digest, an
    alert; answers_managers_mail): whatever it states or asks, nothing is booked or opened from it; a person reads
    it and the district is told why."""
    return _to_a_person(session, desk, message, verdict, trust, None, "managers_thread")


# What a plain confirmation may say besides its thanks: agreement, greetings, the address and a sign-off.
# (mailbot.reader.vocabulary: THANKS_WORDS, AGREEMENT_WORDS, COURTESY_WORDS)
_AGREEMENT = re.compile(r"\b(?:" + vocabulary.alternation(vocabulary.AGREEMENT_WORDS)
                        + r"|atas (?:perhatian|bantuan|persetujuan|kerja ?sama|respon)\w*)\b", re.IGNORECASE)
_COURTESY = re.compile(r"^(?:(?:" + vocabulary.alternation(vocabulary.COURTESY_WORDS)
                       + r"|wassalam\w*|assalamu\w*|wa ?alaikum\w*|warahmatullahi|wabarakatuh"
                       r"|selamat (?:pagi|siang|sore|malam))\b\W*)+$", re.IGNORECASE)
_ACCEPTANCE = re.compile(r"\b(?:" + vocabulary.alternation(vocabulary.ACCEPTANCE_WORDS) + r")(?![\w-])",
                         re.IGNORECASE)
# Words that say something a confirmation does not: a short clause holding one is never a name in a sign-off.
_SUBSTANCE = re.compile(r"\b(?:batal\w*|tunda\w*|ditunda|diundur|undur|tidak|tdk|tak|jangan|ga|gak|nggak|ngga|gk|"
                        r"enggak|belum|kurang|lebih|tolong|mohon|minta|ubah|ganti|salah|tapi|namun|urung\w*|tarik|"
                        r"cancel\w*|not|no|but|" + vocabulary.alternation(vocabulary.CONFIRMATION_DENIALS)
                        + r")\b|\d", re.IGNORECASE)

# Beside an approval taken as it stands, the promise to ask again if it falls short ("nanti kalau kurang kami ajukan
# lagi", "jika masih kurang kami mohon kembali"): part of the acceptance, no new ask (as mailbot.routes reads it of a
# receipt's "kami terima").
# ("Kalau stok habis sebelum akhir bulan, kami mohon lagi.", "Klo kurang nanti kami ajukan lg ya", "Apabila nanti
# masih kurang akan kami mohonkan kembali.": what falls short named, the verb with its "-kan", "lagi" typed short)
_ASKS_AGAIN_IF_SHORT = re.compile(
    r"^(?:(?:nanti|nnti|ntar)\s+)?(?:kalau|kalo|klo|klu|kl|jika|jikalau|bila|apabila)\s+(?:(?:nanti|masih|msh|ternyata)"
    r"\s+)*(?:[^\W\d_]+\s+){0,3}?(?:kurang|kekurangan|habis|tidak cukup|tdk cukup|belum cukup|blm cukup)\b.*\b(?:"
    + vocabulary.alternation(vocabulary.ASK_AGAIN_VERBS) + r")(?:kan)?\s+(?:lagi|lg|lgi|kembali)\b")
# Words that take the figure approved ("1.800 kami ambil dulu", "yg 2.400 keping kami terima dulu")
_TAKEN = re.compile(r"\b(?:kami ambil|diambil|ambil|kami terima|diterima|ya sudah|yasudah|ya sdh)\b")
# A clause restating the desk's decision with the figure taken out ("jadi keping sudah disetujui ya"), and a promise
# to write when the blanks arrive ("nanti kami kabari lagi kalau barangnya sudah sampai"): see the vocabulary.
_DECISION_WORD = re.compile(r"\b(?:" + vocabulary.alternation(vocabulary.DECISION_RESTATED_WORDS) + r")(?![\w-])")
_RESTATES_DECISION = re.compile(
    r"^(?:(?:" + vocabulary.alternation(vocabulary.DECISION_RESTATED_WORDS + vocabulary.DECISION_RESTATED_FILLER)
    + r")(?![\w-])[\s,]*)+$")
_ARRIVAL_PROMISE = re.compile(
    r"\b(?:" + vocabulary.alternation(vocabulary.ARRIVAL_PROMISE_VERBS) + r")\b.*\b(?:"
    + vocabulary.alternation(vocabulary.PROMISED_ARRIVAL_WORDS) + r")\b"
    + r"|\b(?:" + vocabulary.alternation(vocabulary.PROMISED_ARRIVAL_WORDS) + r")\b.*\b(?:"
    + vocabulary.alternation(vocabulary.ARRIVAL_PROMISE_VERBS) + r")\b")
# A sentence of a text, for the promise above to be read whole across its commas ("2.000": a figure's stop is none)
_SENTENCE = re.compile(r"[!?\n]+|(?<!\d)\.|\.(?!\d)")


def _without_signature_below(text: str) -> str:
    """*text* without the name or the title standing alone below it, after a blank line, as a signature does with no
    closing above it ("Oke pak, terima kasih.\n\nNurul - Dukcapil Tana Tidung"); as it is when there is none."""
    head, blank, tail = text.rstrip().rpartition("\n\n")
    lines = [line.strip() for line in tail.split("\n") if line.strip()]
    if blank and head.strip() and 0 < len(lines) <= 3 and all(signature_line(line) for line in lines):
        return head
    return text


def is_thanks(verdict: Verdict) -> bool:
    """A short "ok terima kasih" / "siap" / "noted" that says nothing else (see _is_confirmation)."""
    return _is_confirmation(verdict)


def _is_confirmation(verdict: Verdict, *, decided: tuple[int | None, ...] = (), accepted: int | None = None) -> bool:
    """A short "baik, terima kasih" / "siap" / "noted" that says nothing else (thanks, agreement, greetings, the
    address, a sign-off): recorded; anything more ("Pak, batal aja ya, kegiatannya diundur. Makasih") or longer
    is for a person to read. A figure in it must be one of the request's *decided* figures, restated ("ditunggu
    kiriman 2.000 kepingnya" of 2.000 approved); any other figure is for a person. Beside the figure *accepted*
    (approved), words taking it as it stands are agreement too ("terima kasih, 3.000 sdh cukup untuk sementara",
    "baik 3.000 dulu tidak apa-apa")."""
    # a signature under its delimiter line ("-- ") and a phone's line ("Dikirim dari iPhone 13 saya") are no words
    # of the note (the phone's model number no figure of it)
    text = without_signature_lines(verdict.body_excerpt or "").strip()
    # the figure approved taken as it stands is a confirmation of itself, thanks or none ("Ya sudah pak, 1.800 kami
    # ambil dulu.")
    taken = bool(accepted) and any(m.value == accepted for m in find_mentions(normalise(text))) \
        and bool(_ACCEPTANCE.search(normalise(text)) or _TAKEN.search(normalise(text)))
    # the signature is no words of the note: under a closing ("Salam,", "Wassalam,"), or a name or a title alone;
    # the note's length is that of its words
    words = _without_signature_below(without_sign_off(text))
    if len(words.strip()) > 200 or not (_CONFIRMATION.search(text) or taken):
        return False
    # (a figure in the signature is checked with the rest)
    figures = {m.value for m in find_mentions(normalise(text)) if m.value is not None}
    if figures and not figures <= {v for v in decided if v}:
        return False
    text = words
    if accepted:
        # the promise to ask again should the approval fall short, read as one sentence whatever its commas
        text = "\n".join(part for part in _SENTENCE.split(text)
                          if not _ASKS_AGAIN_IF_SHORT.match(normalise(part).strip()))
    restated = re.compile("|".join(rf"\b{re.escape(number(v))}\b" for v in figures)) if figures else None
    # clauses end at punctuation, never inside a figure ("2.000")
    for clause in re.split(r"[;:!?\n]+|(?<!\d)[.,]|[.,](?!\d)", text):
        low = normalise(clause)
        if accepted and (said := [m for m in find_mentions(low) if m.value == accepted]):
            for m in reversed(said):  # the figure as written ("2rb", "2000"), then the words that accept it
                low = f"{low[:m.start]} {low[m.end:]}"
            clause = _ACCEPTANCE.sub(" ", low)
        if restated is not None:
            clause = restated.sub(" ", clause)
        clause = clause.strip(" \t-*_~()\"'")
        if not clause or _COURTESY.match(clause) or accepted and _ASKS_AGAIN_IF_SHORT.match(normalise(clause)):
            continue
        if _SUBSTANCE.search(clause):
            return False  # "Makasih pak tapi blangkonya belum sampai": the thanks do not make the rest a thanks
        said_low = normalise(clause)
        if (restated is not None or accepted) and _RESTATES_DECISION.match(said_low) \
                and _DECISION_WORD.search(said_low):
            continue  # "Jadi 2.000 keping sudah disetujui ya": the decision restated, thanked for
        if _ARRIVAL_PROMISE.search(said_low):
            continue  # "Nanti kami kabari lagi kalau barangnya sudah sampai": a promise, nothing to act on
        if _CONFIRMATION.search(clause) or _AGREEMENT.search(clause) or len(clause.split()) <= 3:
            continue  # thanks, agreement, or a name or a title in the sign-off ("Rina", "Kasi Pendataan")
        return False
    return True


def _figures_named(verdict: Verdict) -> set[int]:
    """The figures a mail's own words name, its phone's and mail app's lines left out."""
    text = normalise(without_signature_lines(verdict.body_excerpt or ""))
    return {m.value for m in find_mentions(text) if m.value is not None and not m.year}


def _thanks_for_the_decision(verdict: Verdict, thread: Request) -> bool:
    """Whether a mail in *thread*'s thread after its blanks left thanks for the decision, restating its figure as
    approved or sent ("terima kasih atas 3.500 keping yg sudah disetujui dan dikirim. Nanti kami kabari lagi kalau
    barangnya sudah sampai"): a confirmation, never a count received (the words say whose figure it is)."""
    text = verdict.body_excerpt or ""
    return verdict.kind == "other" and bool(_DECISION_WORD.search(normalise(text))) and _is_confirmation(
        verdict, decided=(thread.approved, thread.requested), accepted=thread.approved)


def _open_end(session: Session, req: Request) -> Request:
    """A linked request stands for the open one it was linked to."""
    if req.state == "linked" and req.linked_to is not None:
        return session.get(Request, req.linked_to) or req
    return req


def _said(value: object) -> str:
    """A changed figure as a person reads it ("1.400"); anything else (a blank's name) as it is."""
    return number(value) if isinstance(value, int) or value is None else str(value)


def _detail(verdict: Verdict, changed: list[dict[str, object]]) -> str:
    told = "; ".join(f"{c['label']}: {_said(c['before'])} -> {_said(c['after'])}" for c in changed)
    return "\n".join(part for part in (verdict.subject, told, without_sign_off(verdict.body_excerpt or "")) if part)


def _to_a_person(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                 thread: Request | None, reason: str,
                 set_aside: list[dict[str, object]] | None = None) -> MessageOutcome:
    """A follow-up no rule acts on: in the queue for a person with *reason*, and the district told so once
    (with no *thread*: of the sender's district and the blank the mail names)."""
    attention.open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason=reason,
                        detail=_detail(verdict, []),
                        district=thread.district if thread is not None else trust.district,
                        item=thread.item if thread is not None else verdict.item, message=message, request=thread)
    attention.acknowledge(session, desk, message, verdict, to=trust.address, thread=thread, reason=reason,
                          set_aside=set_aside)
    return MessageOutcome.FOLLOW_UP_QUEUED
