"""What happens to a request: decide, approve, reject, dispatch, receive; each recorded and told to the district."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal, TypeVar, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from mailbot.config import PROVINCE
from mailbot.desk import Desk
from mailbot.errors import ApprovalRefused, InvalidAction, QuantityError
from mailbot.followup import corrected_figures, damage_said, stock_named, words_digest
from mailbot.guards import suspicion
from mailbot.guards.suspicion import Suspicion
from mailbot.guards.trust import SenderTrust
from mailbot.indonesian import FIELD_LABELS, decided_by_words, item_name, number
from mailbot.outcomes import MessageOutcome, state_words
from mailbot.outgoing import ReplyTo, answering, queue, reply_subject, subject_of_item
from mailbot.quantities import UNIT_PATTERN, estimate_in, parse_quantity
from mailbot.reader.classify import without_sign_off
from mailbot.reader.numbers import find_mentions, normalise
from mailbot.reader.verdict import QUANTITY_FIELDS, Evidence, Verdict
from mailbot.stock import policy
from mailbot.stock.explain import (
    REASON_TEXT,
    decided_since,
    explain_id,
    held_reasons,
    no_proposal,
    reason_id,
    with_spare,
)
from mailbot.stock.ledger import RECONCILING, Balance, Entry, EntryKind, available_to_ship
from mailbot.store import repo
from mailbot.store import stock as ledger
from mailbot.store.prepared import Prepared
from mailbot.store.schema import AuditEvent, Decision, Message, Request, StatedStock

POLICY = "policy"


@dataclass(frozen=True)
class ActionOutcome:
    """What a decision did, for the confirmation to whoever took it."""

    label: str  # Indonesian, for the manager's confirmation
    quantity: int | None = None
    note: str | None = None
    told: tuple[str, ...] = ()  # the district's listed addresses, sent a notice of a request an unlisted sender wrote
    untold: str | None = None  # why the district is sent nothing of the decision, when that is meant


# --- facts the replies quote ---------------------------------------------------------------------

_QUOTE_CHARS = 200  # a quote longer than this is cut to the clause holding the figure
# Where a sentence ends ("... 750 keping. Kami ..."), and where a clause ends within it ("..., bukan 750, dan ..."):
# a dot or comma between digits ("2.000", "1,500") ends nothing.
_SENTENCE_END_RE = re.compile(r"[.!?;](?=\s|$)|\n")
_CLAUSE_END_RE = re.compile(r"[.!?;,:](?=\s|$)|\n|\s[-\u2013\u2014]\s")


def quote_of(snippet: str, text: str) -> str:
    """The words a figure came from, as the reply quotes them: the reader's *snippet* widened to the whole
    sentence of *text* (the mail's new words) it sits in, or to its clause when the sentence is long, so that
    a quote never stops mid-clause. The snippet as it is when it is not found in *text* (a table, the subject).

    >>> quote_of("stock is 400 pieces, not 750, and we need", "Correction: our remaining stock is 400 pieces, "
    ...          "not 750, and we need 1,500 blanks, not 2,000. Thanks")
    'Correction: our remaining stock is 400 pieces, not 750, and we need 1,500 blanks, not 2,000'

    The places of a figure in doubt, joined with " / ", are each quoted, and a place within another's quote is
    quoted once:

    >>> quote_of("yg dikirim cuma 1.950 keping yg kami terima / cuma 1.950 keping", "pak yg dikirim cuma 1.950 keping"
    ...          " yg kami terima, kurang 50 dr surat jalan")
    'pak yg dikirim cuma 1.950 keping yg kami terima, kurang 50 dr surat jalan'
    """
    if " / " in snippet:
        quotes = list(dict.fromkeys(quote_of(part, text) for part in snippet.split(" / ") if part.strip()))
        return " / ".join(q for q in quotes if not any(q != other and q in other for other in quotes))
    words = snippet.split()
    if not words or not text:
        return snippet.strip()[:_QUOTE_CHARS]
    found = re.search(r"\s+".join(re.escape(w) for w in words), text)
    if found is None:
        return snippet.strip()[:_QUOTE_CHARS]
    for boundary in (_SENTENCE_END_RE, _CLAUSE_END_RE):
        start = max((m.end() for m in boundary.finditer(text, 0, found.start())), default=0)
        end = next((m.start() for m in boundary.finditer(text, found.end())), len(text))
        start, end = _outside_brackets(text, start, end, found.start(), found.end())
        quote = " ".join(text[start:end].split()).strip(" ,;:-.")
        if len(quote) <= _QUOTE_CHARS:
            return quote
    return " ".join(snippet.split())  # a clause longer than a quote: the reader's own window of it


def _outside_brackets(text: str, start: int, end: int, first: int, last: int) -> tuple[int, int]:
    r"""*start* and *end* of a quote of *text* kept from holding one half of a bracket: a line break inside brackets
    ends no sentence. A bracket closed in the quote but opened before it is left out ("(pemilih pemula dan layanan
    jemput bola\nke sekolah-sekolah), dengan ini kami mengajukan ..." is quoted from "dengan ini"); one opened in
    it is quoted to its close ("4.000 (empat\nribu)"). *first* and *last* bound the figure's own words.

    >>> text = "(jemput bola\nke sekolah), kami mohon 4.000 (empat\nribu) keping"
    >>> start, end = _outside_brackets(text, 13, 49, 26, 42)
    >>> text[start:end]
    ', kami mohon 4.000 (empat\nribu)'
    """
    depth = 0
    for i in range(start, first):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth, start = (depth - 1, start) if depth else (0, i + 1)
    depth = 0
    for i in range(last, end):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")" and depth:
            depth -= 1
    if depth and (close := text.find(")", end)) != -1:
        end = close + 1
    return start, end


def facts(verdict: Verdict, *, every_item: bool = False) -> list[dict[str, object]]:
    """The numbers understood, each with the text it came from, for the 'what we understood' block. With
    *every_item*, a mail giving figures for both blanks (a combined receipt) has each blank's figures, named."""
    readings = [r for r in verdict.readings if r.evidence] if every_item else []
    if len(readings) > 1:
        readings.sort(key=lambda r: r.item != verdict.item)  # the mail's main blank first
        result: list[dict[str, object]] = []
        for reading in readings:
            for fact in _facts_of(reading.evidence, reading.quantity, verdict.body_excerpt):
                label = str(fact["label"])
                fact["label"] = f"{label} ({item_name(reading.item)})"
                result.append(fact)
        return result
    return _facts_of(verdict.evidence, verdict.quantity, verdict.body_excerpt)


def _facts_of(evidence: Sequence[Evidence], value_of: Callable[[str], int | None],
              text: str) -> list[dict[str, object]]:
    seen: set[str] = set()
    result: list[dict[str, object]] = []
    for e in evidence:
        value = value_of(e.field) if e.field in QUANTITY_FIELDS else None
        if e.field in seen or value is None:
            continue
        seen.add(e.field)
        result.append({"label": FIELD_LABELS.get(e.field, e.field), "value": value, "text": quote_of(e.text, text)})
    return result


def _stated_changes(understood: list[dict[str, object]], changes: list[dict[str, object]],
                    text: str, req: Request) -> list[dict[str, object]]:
    """What was understood, with each figure the district changed that the reader's figures lack ("Koreksi: kami
    cukup 1.700 keping, bukan 2.000", which alone is no request): the new figure, quoted from the sentence that
    states it, so that every reply stating a change shows what was understood. A figure of the request the reader
    took from the mail that the desk did not apply is not shown as understood ("yang 700 itu sisa stok", the answer
    to "which figure is 700?", is no figure asked of 700: the request still asks 1.000)."""
    if not changes or any(c.get("by_us") for c in changes):
        return understood
    held = {FIELD_LABELS[f]: getattr(req, f) for f in ("requested", "stock_on_hand")}
    result = [f for f in understood if str(f["label"]) not in held or held[str(f["label"])] == f["value"]]
    shown = {str(f["label"]): f["value"] for f in result}
    for change in changes:
        label, after = FIELD_LABELS.get(str(change["field"]), str(change["field"])), change["after"]
        if not isinstance(after, int) or shown.get(label) == after:
            continue
        result = [f for f in result if f["label"] != label]
        said = sentence_stating(after, text)
        if said is not None and said.startswith(CHOICE_ANSWER_LEAD):
            # the figure came from our own question the district answered ("Sisa stok pak."): its own words are
            # quoted, never our sentence as if the district had written it
            own = " ".join(text.split(CHOICE_ANSWER_LEAD)[0].split()).strip(" ,;:-").rstrip(".")
            said = own if 0 < len(own) <= _QUOTE_CHARS else None
        result.append({"label": label, "value": after, "text": said})
    return result


# The line a follow-up answering our either-or question ("apakah 1.200 keping adalah jumlah yang dimohon atau sisa
# stok?") is read with (mailbot.conversation): our words, never quoted as the district's.
CHOICE_ANSWER_LEAD = "Jawaban atas pertanyaan kami:"


def sentence_stating(value: int, text: str) -> str | None:
    """The sentence of *text* that writes *value* ("1.700", "1,700", "1700"), as a quote; None when none does."""
    for sentence in re.split(r"(?<=[.!?;])\s+|\n+", text):
        if any(m.value == value and not m.approximate for m in find_mentions(normalise(sentence))):
            quote = " ".join(sentence.split()).strip(" ,;:-").rstrip(".")
            return quote if len(quote) <= _QUOTE_CHARS else quote_of(number(value), quote)
    return None


def _district_mail(session: Session, desk: Desk, req: Request, *, purpose: str, template: str,
                   context: dict[str, object], message: Message | None = None,
                   verdict: Verdict | None = None, answer_to: str | None = None,
                   decision: bool = False) -> list[str]:
    """Queue a message to the district about *req*, threaded to the message it answers (or the first one);
    returns whom it goes to.

    A shipment the province proposed itself has no district message: it goes to the district's first
    configured sender, under a subject of its own. A person's *decision* (approved, rejected, dispatched,
    withdrawn) on a request whose sender is on none of the district's lists goes to that sender, who wrote it, and
    never as a reply to the district's office as if the office had written; the mail says the address is not the
    district's and that blanks go only to the district's office. When the office has to know (blanks approved for
    it, shipped to it, or an approval it was told of withdrawn), it gets a notice of its own (notice_request_in_name)
    quoting who wrote and what was asked. A request whose sender could not be told apart (two From mailboxes) has
    no writer to answer: only that notice goes. A decision's mail is no automatic reply: the per-sender daily cap
    neither counts nor stops it. Returns whom the mail and the office's notice went to.
    """
    origin = message or (session.get(Message, req.message_pk) if req.message_pk is not None else None)
    if verdict is not None:
        subject_source = verdict.subject
    elif origin is not None:
        subject_source = origin.subject
    else:
        subject_source = f"Pengiriman {item_name(req.item)}"
    # a request for one blank opened in the other's thread: its mail names its own blank, then and later
    subject_source = subject_of_item(subject_source, req.item)
    district = desk.config.district(req.district) if req.district else None
    if req.sender:
        to = [req.sender]
    elif origin is None and district is not None:  # a proactive shipment: no district message to answer
        to = [district.senders[0]]
    else:
        to = []  # the sender could not be told apart (e.g. two From mailboxes): answer no one
    writer = decision and unlisted_writer(desk, req)
    if answer_to and answer_to.lower() not in (t.lower() for t in to) and not writer:
        to = [answer_to, *to]  # another address of the district wrote: its writer is answered first
    if writer and district is not None:
        # the writer is no office of the district's: greeted plainly, and told where blanks go
        context = {**context, "role": "writer", "writer": {
            "address": req.sender, "district_name": desk.district_name(req.district),
            "office_told": _office_stage(template, context)}}
    thread = answering(origin, verdict) if origin is not None else None
    if thread is not None and origin is not None and req.message_pk is not None \
            and (origin.id != req.message_pk or message is None):
        thread = _whole_chain(session, req, thread)  # later in the conversation: the whole chain
    context = {"district_name": desk.district_name(req.district), "reference": req.reference,
               "item": req.item, "proactive": req.proactive, **context}
    if to or not writer:  # a writer that cannot be told apart is answered by no one: the office hears of it
        queue(session, desk, purpose=purpose, category="reply", template=template, to=to,
              subject=reply_subject(subject_source, req.reference), request_pk=req.id, context=context,
              reply_to=thread, writer_text=verdict.body_excerpt if verdict is not None and to
              and (verdict.sender or "").lower() == to[0].lower() else None, automatic=not decision)
    if writer and district is not None:
        return [*to, *_notice_to_office(session, desk, req, district.senders, purpose=purpose, template=template,
                                        context=context, origin=origin)]
    return to


# What a decision on a request an unlisted sender wrote tells the district's office, by the writer's template:
# blanks approved for it, or shipped to it (an approval withdrawn is told by the rejection's "withdrawn" and the
# correction's "released" figure).
_OFFICE_STAGES = {"reply_approved": "approved", "reply_partial": "approved", "reply_dispatched": "dispatched"}
_UNANSWERED_STAGES = {"reply_rejected": "rejected", "reply_appeal_declined": "rejected", "reply_withdrawn": "closed"}


def _office_stage(template: str, context: Mapping[str, object]) -> str | None:
    """What the district's office is told of a decision on a request an unlisted sender wrote: "approved",
    "dispatched", "withdrawn" (an approval withdrawn), or None (nothing it has to know)."""
    return _OFFICE_STAGES.get(template) or ("withdrawn" if context.get("withdrawn") or context.get("released")
                                            else None)


def unlisted_writer(desk: Desk, req: Request) -> bool:
    """Whether *req* was written by an address on none of its district's lists (or by no sender that could be
    told apart): its decisions go to that writer, and the district's office hears of them only by a notice of its
    own (see _district_mail). A district's own shipment proposed by the desk has no writer."""
    district = desk.config.district(req.district) if req.district else None
    return district is not None and not req.proactive \
        and str(req.sender or "").lower() not in (a.lower() for a in district.senders)


def _notice_to_office(session: Session, desk: Desk, req: Request, senders: Sequence[str], *, purpose: str,
                      template: str, context: dict[str, object], origin: Message | None) -> list[str]:
    """The district office's notice of a decision on *req*, which an unlisted sender wrote in its name: who wrote,
    when, what was asked (the writer's own words), and what the office is to expect. Nothing for a decision that asks
    nothing of the office (a rejection of what it never heard of)."""
    withdrawn = context.get("withdrawn") or context.get("released")
    # a request no single sender wrote (two From mailboxes) has no writer to tell: the office hears every decision
    stage = _office_stage(template, context) or (None if req.sender else _UNANSWERED_STAGES.get(template))
    if stage is None:
        return []
    read = (origin.verdict or {}) if origin is not None else {}
    words = " ".join(without_sign_off(str(read.get("body_excerpt") or "")).split())[:600]
    name = desk.district_name(req.district)
    queue(session, desk, purpose=f"{purpose}:office", category="reply", template="notice_request_in_name",
          to=list(senders), request_pk=req.id, automatic=False,
          subject=f"Pemberitahuan permohonan atas nama {name} dari alamat tidak terdaftar [{req.reference}]",
          context={**{k: v for k, v in context.items() if k not in ("role", "writer")}, "stage": stage,
                   "writer_address": req.sender or _from_as_written(session, req), "writer_known": bool(req.sender),
                   "written_on": origin.received_at.astimezone(desk.tz).date().isoformat()
                   if origin is not None else None,
                   "words": words, "requested": req.requested, "withdrawn": withdrawn})
    return list(senders)


def _in_conversation(session: Session, req: Request | None, message: Message, verdict: Verdict) -> ReplyTo:
    """A reply to *message* about *req*: with the request's whole conversation in References."""
    thread = answering(message, verdict)
    if req is None or req.message_pk is None or req.message_pk == message.id:
        return thread
    return _whole_chain(session, req, thread)


def _whole_chain(session: Session, req: Request, thread: ReplyTo) -> ReplyTo:
    """A reply later in a request's conversation carries the whole References chain: the district's first
    mail and our replies in it, before what the district's client kept (which may be its parent only)."""
    from sqlalchemy import select

    from mailbot.store.schema import OutboxMessage

    first = session.get(Message, req.message_pk)
    ours = session.scalars(select(OutboxMessage.message_id).where(OutboxMessage.request_pk == req.id,
                                                                  OutboxMessage.category == "reply")
                           .order_by(OutboxMessage.id)).all()
    chain = [*([first.message_id] if first is not None and first.message_id else []), *ours, *thread.references]
    kept = [i for i in dict.fromkeys(chain) if i != thread.message_id]
    if len(kept) > 10:
        kept = kept[:1] + kept[-9:]  # the first and the latest, as RFC 5322 suggests when trimming
    return ReplyTo.answering(thread.message_id, kept)


# --- the policy's view of a request --------------------------------------------------------------

def _policy_request(req: Request, *, trusted_sender: bool, authenticated: bool) -> policy.Request:
    return policy.Request(reference=req.reference, district=req.district or "", item=req.item or "ktp-el",
                          requested=req.requested, stated_on_hand=req.stock_on_hand, received_at=req.created_at,
                          sender_known=trusted_sender, authenticated=authenticated)


def unlisted_district_words(code: str | None, references: Sequence[str]) -> str:
    """What is said of requests of a district config.toml no longer lists (its code changed, its block gone)."""
    shown = ", ".join(references[:3]) + (f" and {len(references) - 3} more" if len(references) > 3 else "")
    return (f"{shown} {'is' if len(references) == 1 else 'are'} of district {code or '(none)'}, which config.toml no "
            f"longer lists: put its districts entry back with code = \"{code}\" (a district's requests, reports and "
            "stock are kept under its code, which never changes); nothing was done")


def _district_listed(desk: Desk, req: Request) -> None:
    """Refuse a person's decision on *req* when its district is no longer in config.toml: nobody could be told
    (its addresses went with it) and nothing could be weighed."""
    if req.district and desk.config.district(req.district) is None:
        raise InvalidAction(unlisted_district_words(req.district, [req.reference]))


def evaluate(session: Session, desk: Desk, req: Request, *, sender_known: bool = True,
             authenticated: bool = True) -> policy.Decision:
    """Decide *req* against the ledger now; when the province is short, take a fair share of it.

    The fair share equalises days of cover across every district of the item that is under its
    target cover (asking or not), so who writes first does not get more.
    """
    item = req.item or "ktp-el"
    status = ledger.stock_status(session, desk, items=(item,))
    row = status.row(req.district or "", item)
    if row is None:
        # its district was taken out of config.toml (or its code changed) while the request waited: no figures to
        # decide with; said in one line (mailbot.checks.unlisted_district_warnings says it at check-config)
        raise InvalidAction(unlisted_district_words(req.district, [req.reference]))
    if row.last_report is not None:
        row = replace(row, adjusted_since_report=ledger.adjusted_since_report(session, row.district, item))
    province = status.province[item]
    # a verified request is never held for one whose sender failed the checks; the reverse is named to
    # the managers (a request no one could verify, beside the district's own)
    others = ledger.open_references(session, row.district, item, exclude=req.id,
                                    verified_only=repo.sender_verified(session, req))
    state = policy.PolicyState(district=row, province=province, open_requests=others)
    request = _policy_request(req, trusted_sender=sender_known, authenticated=authenticated)
    if req.stock_on_hand is None and req.district:
        # the mail states no stock: the one the district stated lately (newer than the ledger's) is its stock
        from mailbot import stated

        earlier = stated.newer_than_ledger(session, district=req.district, item=item, now=desk.now(),
                                           within_days=desk.config.stock.contradiction_report_days,
                                           exclude_message=req.message_pk)
        if earlier is not None:
            request = replace(request, stated_on_hand=earlier.quantity,
                              stated_earlier=stated.local_day(earlier.at, desk))
    alone = policy.decide(request, state, desk.config.stock)
    if alone.outcome not in ("approve_partial", "hold") or not _short(alone):
        return alone
    settings = desk.config.stock
    claims = []
    for other in status.rows(item):
        if other.district == row.district:
            unconstrained = policy.decide(request, replace(state, province=Balance(on_hand=10**12)), settings)
            cap = unconstrained.quantity
        else:
            target = other.daily_use * settings.target_cover_days
            cap = policy.round_up_to_pack(max(0, int(target) - other.pipeline), settings.pack_size)
        claims.append(policy.Claim(other.district, other.pipeline, other.daily_use, cap))
    spare = policy.round_down_to_pack(
        available_to_ship(province, settings.reserve.get(item, 0)), settings.pack_size)
    shares = policy.split_fairly(claims, spare, settings.pack_size)
    return policy.decide(request, state, settings, share=shares[row.district])


def _short(decision: policy.Decision) -> bool:
    codes = decision.reason_codes
    return "capped_by_spare" in codes or "province_short" in codes


# --- applying decisions --------------------------------------------------------------------------

def _record(session: Session, desk: Desk, req: Request, outcome: str, quantity: int | None, *, actor: str,
            reasons: list, arithmetic: list, note: str | None = None) -> Decision:  # type: ignore[type-arg]
    row = Decision(request_pk=req.id, outcome=outcome, quantity=quantity, reasons=reasons, arithmetic=arithmetic,
                   actor=actor, note=note, at=desk.now())
    session.add(row)  # flushed with the rest of the message's work, or by callers that need its id
    return row


def _record_now(session: Session, desk: Desk, req: Request, outcome: str, quantity: int | None, *, actor: str,
                reasons: list[dict[str, object]], arithmetic: list[dict[str, object]]) -> None:
    """_record() for a decision nothing reads back as a row while the message is processed and none other is
    pending beside it: written at once by a Core statement, so the message's savepoint ends with nothing to
    flush."""
    _DECIDED.run(session.connection(), {
        "request_pk": req.id, "outcome": outcome, "quantity": quantity, "reasons": reasons,
        "arithmetic": arithmetic, "actor": actor, "note": None, "at": desk.now()})


_DECIDED = Prepared(insert(cast(Table, Decision.__table__)))


def decide_new(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict,
               trust: SenderTrust, *, follows: dict[str, object] | None = None,
               joined_proposal: int | None = None, reply_purpose: str | None = None) -> MessageOutcome:
    """A new request: ask back, hold, or approve (fully, in part, or a need-based proposal). *follows*: the
    earlier request (reference, state) in whose thread it was asked, which the reply names. *joined_proposal*: the
    desk's own proposal for the district that this request took the place of (join_proposal), which a held notice
    names. *reply_purpose*: the reply's, when the message was answered before (a person's correction of it).

    A sender who failed the checks is never asked back nor answered: the request waits for a manager.
    """
    if _needs_clarification(verdict) and trust.trusted:
        return ask_back(session, desk, req, message, verdict, district=req.district, about="request")
    if req.district is None:
        decision = policy.Decision(req.reference, "", req.item or "ktp-el", "hold", req.requested or 0,
                                   req.requested, (policy.Reason("sender_unknown"),), ())
    else:
        decision = evaluate(session, desk, req, sender_known=trust.on_list,
                            authenticated=trust.authenticated is not False and trust.trusted)
    if trust.trusted and decision.outcome == "hold" and req.stock_on_hand is None \
            and any(r.code == "no_need" for r in decision.reasons) \
            and any(d.field == "stock_on_hand" for d in verdict.doubts):
        # "kurang lebih 300an": the district's stock is an estimate the reader left empty; the records' stock says
        # no need, which the district's own words deny. The district is asked its stock, never held on the opposite
        return ask_back(session, desk, req, message, verdict, district=req.district, about="request")
    if follows is not None and follows.get("state") == "rejected" and decision.outcome not in ("hold", "clarify"):
        # a new ask in the thread of a request a person rejected ("kami minta 600 keping haja dulu" after "mohon
        # ajukan kembali bulan depan") is never approved over that person's head: the managers decide it, the
        # rejection beside it
        decision = replace(decision, outcome="hold",
                           reasons=(*decision.reasons, _after_rejection(session, desk, follows)))
    words = verdict.body_excerpt or ""
    # a reason given, or the district's stock said in words no figure was read from ("stok KIA kami tinggal sadikit
    # banar, kada sampai 50"): the managers read the district's words beside the records' stock
    said = _GIVES_REASON.search(words) or (req.stock_on_hand is None and stock_named(words))
    return apply_policy(session, desk, req, decision, message=message, verdict=verdict, trusted=trust.trusted,
                        note=words[:600] if decision.outcome == "hold" and said else None,
                        follows=follows, joined_proposal=joined_proposal, reply_purpose=reply_purpose)


def _after_rejection(session: Session, desk: Desk, follows: dict[str, object]) -> policy.Reason:
    """The reason a new ask in a rejected request's thread waits for the managers: that rejection, by whom and why."""
    rejected = repo.request_by_reference(session, str(follows.get("reference")))
    last = session.scalar(select(Decision).where(Decision.request_pk == rejected.id, Decision.outcome == "reject")
                          .order_by(Decision.id.desc()).limit(1)) if rejected is not None else None
    return policy.Reason("after_rejection", {"reference": str(follows.get("reference")),
                                             "actor": last.actor if last is not None else "-",
                                             "by": _decided_by(desk, last.actor) if last is not None else "-",
                                             "why": (last.note or "-")[:300] if last is not None else "-"})


# The district says why it needs what it asks ("karena ada kegiatan jemput bola"): the managers read its words.
_GIVES_REASON = re.compile(r"\b(?:karena|sebab|dikarenakan|mengingat|untuk (?:kegiatan|pelayanan)|jemput bola|"
                           r"alasan)\b", re.IGNORECASE)


def _needs_clarification(verdict: Verdict) -> bool:
    # a figure no count can be (too large, below zero) is asked about, never decided on
    return any(d.field in ("requested", "item") or d.reason in ("too_large", "negative") for d in verdict.doubts)


def apply_policy(session: Session, desk: Desk, req: Request, decision: policy.Decision, *,
                 message: Message, verdict: Verdict | None, trusted: bool,
                 changes: list[dict[str, object]] | None = None, note: str | None = None,
                 reply_purpose: str | None = None, again: bool = False, previous_approved: int | None = None,
                 answer_to: str | None = None, set_aside: list[dict[str, object]] | None = None,
                 follows: dict[str, object] | None = None, lowered_from: int | None = None,
                 joined_proposal: int | None = None) -> MessageOutcome:
    """Carry out the policy's decision: record it, book the commitment, queue the reply to *message*.

    *changes* (a district's follow-up that corrected figures) are told first in the reply, and with
    the district's *note* to the managers when the request waits for them *again*; *previous_approved*
    is an approval set aside for the managers to look at again, which the district is told.
    *answer_to*: the address that wrote the follow-up, answered beside the request's sender. *set_aside*: the
    other blank's figures in the same mail ({"item", "value"}), which the reply says a person will decide.
    *follows*: the earlier request (reference, state) in whose thread this one was asked: the reply names it.
    *lowered_from*: a person's approval the district's lower ask went below: the reply says it was lowered.
    *joined_proposal*: the quantity of the desk's proposal this request took the place of: a held notice says so.
    """
    now = desk.now()
    explanation = explain_id(decision)
    _record(session, desk, req, decision.outcome, decision.quantity, actor=POLICY,
            reasons=decision.reasons_json(), arithmetic=decision.steps_json(), note="; ".join(explanation))
    # what the reader understood is told only where it read the request's own blank: a KIA figure is never
    # shown as what a KTP-el request asks
    understood = facts(verdict) if verdict and verdict.item in (None, req.item or "ktp-el") else []
    understood = _corrected_facts(understood, changes or [], req)
    understood = _stated_changes(understood, changes or [], verdict.body_excerpt if verdict else "", req)
    base = {"facts": understood, "explanation": explanation, "requested": req.requested, "changes": changes or [],
            "set_aside": set_aside or [], "follows": follows, "lowered_from": lowered_from}
    purpose = reply_purpose or f"reply:{message.id}"
    if decision.outcome == "clarify" and trusted:
        req.state, req.updated_at = "clarifying", now
        _district_mail(session, desk, req, purpose=purpose, template="reply_clarify",
                       message=message, verdict=verdict,
                       context={**base, "doubts": [], "missing": ["requested"], "policy_reasons":
                                [reason_id(r) for r in decision.reasons]})
        return MessageOutcome.REQUEST_CLARIFY
    if decision.outcome == "hold" or not trusted:
        req.state, req.held_since, req.updated_at = "held", now, now
        req.approved = decision.quantity
        if trusted:  # a sender who failed the checks gets no acknowledgement: the managers see it
            _district_mail(session, desk, req, purpose=purpose, template="reply_held",
                           message=message, verdict=verdict, answer_to=answer_to,
                           context={**base, "show_figures": True, "previous_approved": previous_approved,
                                    "appeal": again and not changes})
        _notify_managers(session, desk, req, decision, explanation,
                         update_of=purpose if changes or again else None, changes=changes or [], note=note,
                         previous_approved=previous_approved, joined_proposal=joined_proposal)
        return MessageOutcome.REQUEST_HELD
    # a request decided again after a correction books its new commitment under a source of its own
    source = f"decision:{req.reference}:auto" + (f":{purpose}" if changes else "")
    _approve(session, desk, req, decision.quantity, actor=POLICY, source=source)
    _close_items(session, desk, req, actor=POLICY, resolution=f"diputuskan: disetujui {decision.quantity}")
    template = "reply_approved" if decision.outcome in ("approve", "propose") else "reply_partial"
    _district_mail(session, desk, req, purpose=purpose, template=template, message=message,
                   verdict=verdict, answer_to=answer_to, context={**base, "approved": decision.quantity,
                                             "proposed": decision.outcome == "propose"})
    return {"approve": MessageOutcome.REQUEST_APPROVED, "propose": MessageOutcome.REQUEST_APPROVED_PROPOSAL}.get(
        decision.outcome, MessageOutcome.REQUEST_APPROVED_PARTIAL)


def _corrected_facts(understood: list[dict[str, object]], changes: list[dict[str, object]],
                     req: Request) -> list[dict[str, object]]:
    """What was understood, with the figures a person corrected: the request's figures now, and the
    email's own words only where they still say them."""
    if not any(c.get("by_us") for c in changes):
        return understood
    corrected = {FIELD_LABELS.get(str(c["field"]), str(c["field"])) for c in changes}
    kept = {str(f["label"]): f for f in understood if f["label"] not in corrected}
    result = []
    for field in ("requested", "stock_on_hand"):
        value, label = getattr(req, field), FIELD_LABELS.get(field, field)
        if value is None:
            continue
        said = kept.pop(label, None)
        result.append(said if said is not None and said["value"] == value else
                      {"label": label, "value": value, "text": None})
    return result + list(kept.values())


def _from_as_written(session: Session, req: Request) -> str:
    """For a request whose sender could not be read as one address ("<evil@x> <disdukcapil@...>", no From at
    all): the From header as written, so that a manager sees who wrote before deciding; else "-"."""
    import email.parser

    from mailbot.guards.headers import header_block, safe_header_text
    from mailbot.reader.mime import without_byte_order_marks

    message = session.get(Message, req.message_pk) if req.message_pk is not None else None
    if message is None or not message.raw:
        return "-"
    try:
        headers = email.parser.BytesHeaderParser().parsebytes(header_block(without_byte_order_marks(message.raw)))
        written = [safe_header_text(str(v), 120) for v in (headers.get_all("From") or [])]
        sender = [safe_header_text(str(v), 120) for v in (headers.get_all("Sender") or [])]
    except Exception:  # noqa: BLE001 - a header that cannot be shown is said to be unreadable
        return "alamat tidak terbaca"
    if written:
        return f"alamat tidak terbaca; tertulis: {' / '.join(written)}"
    if sender:
        return f"tanpa From; Sender: {' / '.join(sender)}"
    return "tanpa alamat pengirim"


def example_figure(requested: int | None, proposed: int | None, pack: int) -> int:
    """The figure the held notice shows in its example "SETUJU <n>" for a figure of the manager's own: 1.500 where
    it fits, else half of what fits in whole packs, never above the request nor, beside a proposal, at or above
    it (an example the notice itself says would be asked back misleads).

    >>> example_figure(3000, 2000, 100), example_figure(600, None, 100), example_figure(600, 600, 100)
    (1500, 300, 200)
    >>> example_figure(150, None, 100), example_figure(None, None, 100)
    (100, 1500)
    """
    ceiling = requested if requested else 1500
    if proposed:
        ceiling = min(ceiling, proposed - pack)
    if ceiling >= 1500:
        return 1500
    half = ceiling // 2 // pack * pack
    return half if half > 0 else (ceiling // pack * pack or requested or pack)


def request_suspicion(session: Session, req: Request) -> Suspicion:
    """What counts against the mail that opened *req* when its sender failed the checks (guards.suspicion): the
    failed check, a Reply-To elsewhere, a delivery asked to another address; nothing for a verified sender."""
    message = session.get(Message, req.message_pk) if req.message_pk is not None else None
    guard = message.guard if message is not None else None
    if message is None or not guard or guard.get("trusted"):
        return Suspicion()
    reply_to: list[str] = []
    if message.raw:
        import email.parser

        from mailbot.guards.headers import header_block
        from mailbot.reader.mime import without_byte_order_marks
        try:
            headers = email.parser.BytesHeaderParser().parsebytes(header_block(without_byte_order_marks(message.raw)))
            reply_to = [str(v) for v in headers.get_all("Reply-To") or []]
        except Exception:  # noqa: BLE001 - a Reply-To that cannot be read leads nowhere to point out
            reply_to = []
    verdict = message.verdict or {}
    return suspicion.assess([str(r) for r in guard.get("reasons") or []], sender=req.sender, reply_to_values=reply_to,
                            writer_text=str(verdict.get("body_excerpt") or ""))


def _notify_managers(session: Session, desk: Desk, req: Request, decision: policy.Decision,
                     explanation: list[str], *, update_of: str | None = None,
                     changes: list[dict[str, object]] | None = None, note: str | None = None,
                     previous_approved: int | None = None, joined_proposal: int | None = None) -> None:
    doubt = request_suspicion(session, req)
    if doubt.check_failed:  # said as failed, and first: not as a check that could not be made
        decision = replace(decision, reasons=(policy.Reason("check_failed"), *(
            r for r in decision.reasons if r.code != "unauthenticated")))
        unsure, failed = REASON_TEXT["unauthenticated"], REASON_TEXT["check_failed"]
        explanation = [line.replace(unsure, failed) for line in explanation]
    reasons = held_reasons(decision, skip=("fallback_use",))
    purpose = f"held:{req.id}" if update_of is None else f"held:{req.id}:{update_of}"
    # who corrected the reading, in words (never the login code "cli:root")
    changes = [{**c, "by": _decided_by(desk, str(c.get("by") or ""))} if c.get("by_us") else c
               for c in changes or []]
    queue(session, desk, purpose=purpose, category="notice", template="notice_held",
          to=desk.config.office.managers, request_pk=req.id,
          context={"reference": req.reference, "district": req.district,
                   "district_name": desk.district_name(req.district),
                   "sender": req.sender or _from_as_written(session, req),
                   # a sender on none of the district's lists: the decision goes to that writer, not the office
                   "unlisted": unlisted_writer(desk, req), "writer": req.sender,
                   "item": req.item, "requested": req.requested, "proposed": decision.quantity,
                   "no_proposal_why": no_proposal(decision.reason_codes),
                   "example": example_figure(req.requested, decision.quantity, desk.config.stock.pack_size),
                   "reasons": reasons, "explanation": explanation, "changes": changes or [],
                   "note": note, "previous_approved": previous_approved, "joined_proposal": joined_proposal,
                   # the district objects to what was approved (its appeal, also of a manager's part approval),
                   # whatever its new figure
                   "appealed": any(r.code == "district_appeal" or r.data.get("appeal") for r in decision.reasons),
                   "failed_checks": " dan ".join(doubt.failed_checks), "reply_to_elsewhere": doubt.reply_to,
                   "delivery_elsewhere": doubt.delivery})


def record_update(req: Request, changes: list[dict[str, object]], *, actor: str, at: datetime,
                  message_id: int, said: str | None = None) -> Decision:
    """The district changed figures of *req* (before and after each), by the message *message_id*; *said* is the
    digest of its words and of the mail it answered (followup.words_digest), by which the same change sent
    again is known."""
    return Decision(request_pk=req.id, outcome="updated", quantity=None,
                    reasons=[{"code": "district_update", "message": message_id,
                              "changes": [{"field": c["field"], "before": c["before"], "after": c["after"]}
                                          for c in changes], **({"said": said} if said else {})}],
                    arithmetic=[], actor=actor, note=None, at=at)


def _approve(session: Session, desk: Desk, req: Request, quantity: int, *, actor: str, source: str) -> None:
    assert req.district is not None
    now = desk.now()
    ledger.book(session, Entry(req.item or "ktp-el", req.district, quantity, EntryKind.SHIPMENT_APPROVED, now,
                               source, req.reference), actor=actor, request_pk=req.id)
    req.state, req.approved, req.updated_at, req.held_since = "approved", quantity, now, None


_ASKED_BACK = {"request": MessageOutcome.REQUEST_CLARIFY, "report": MessageOutcome.REPORT_CLARIFY,
               "receipt": MessageOutcome.RECEIPT_CLARIFY}


# A figure whose thousands are not grouped by three ("2.0000", "1.50"): a typo, not a reading in doubt.
_MALFORMED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d+)+(?![\d.,]*\d)")


def malformed_figure(text: str) -> str | None:
    """The first figure in *text* written with a dot whose group is not three digits ("2.0000"), else None.

    >>> malformed_figure("Sudah kami terima 2.0000 keping")
    '2.0000'
    >>> malformed_figure("Sudah kami terima 2.000 keping") is None
    True
    """
    for m in _MALFORMED.finditer(text):
        if any(len(group) != 3 for group in m.group(0).split(".")[1:]):
            return m.group(0)
    return None


# A multiplier right after a figure ("2.50 rb"): the two are one quantity, read as parse_quantity reads it.
_MULTIPLIER_AFTER_RE = re.compile(r"[ \t]*(?:rb|rbu|ribu|k|jt|juta)(?![^\W\d_])", re.IGNORECASE)


def malformed_fix(text: str, figure: str | None) -> dict[str, object] | None:
    """Why the malformed *figure* in *text* with the multiplier after it ("2.50 rb") is no quantity, and how to
    write it, as a manager's SETUJU and the command line are told (mailbot.quantities.parse_quantity); None for a
    figure with no multiplier after it.

    >>> malformed_fix("mohon 2.50 rb keping", "2.50")["examples"]
    ('2,50 rb', '2.500')
    """
    at = text.find(figure) if figure else -1
    if figure is None or at < 0 or (after := _MULTIPLIER_AFTER_RE.match(text, at + len(figure))) is None:
        return None
    written = text[at:after.end()]
    try:
        parse_quantity(written)
    except QuantityError as exc:
        if exc.indonesian and exc.examples:
            return {"figure": written, "why": exc.indonesian, "examples": exc.examples}
    return None


# A figure with a mark no count has, right before its unit: "2,50.0 keping", "0.800 keping".
_UNREAD_BEFORE_UNIT_RE = re.compile(rf"(?<![\w.,])[0-9]+(?:[.,][0-9]+)+(?=[ \t]*(?:{UNIT_PATTERN})(?![^\W\d_]))",
                                    re.IGNORECASE)


def written_fix(text: str) -> dict[str, object] | None:
    """The figure in *text* that is an estimate ("3 ribu-an", "2 rebuan") or no whole number ("2,50.0 keping",
    "0.800 keping"), with why and how to write it, as a manager's SETUJU and the command line are told
    (mailbot.quantities.parse_quantity); None when *text* holds none.

    >>> written_fix("mohon dikirim kira2 3 ribu-an keping")["figure"]
    '3 ribu-an'
    >>> written_fix("mohon dikirim 3.000 keping") is None
    True
    """
    for m in (estimate_in(text), _UNREAD_BEFORE_UNIT_RE.search(text)):
        if m is None:
            continue
        try:
            parse_quantity(m[0])
        except QuantityError as exc:
            if exc.indonesian and exc.examples:
                return {"figure": " ".join(m[0].split()), "why": exc.indonesian, "examples": exc.examples}
    return None


def read_two_ways(text: str) -> dict[str, object] | None:
    """The one figure in *text* that can be read two ways, as written and with its two readings, as a manager's
    SETUJU and the command line are told them (mailbot.quantities.parse_quantity); None when *text* holds no such
    figure, or more than one.

    >>> read_two_ways("mohon dikirimkan blangko KTP-el dua ribu lima keping")
    {'figure': 'dua ribu lima', 'readings': ('2.005', '2.500')}
    >>> read_two_ways("mohon dikirim seribu 1500 keping")["readings"]
    ('1.500', '2.500')
    >>> read_two_ways("mohon dikirimkan 2.000 keping atau 3.000 keping") is None
    True
    """
    low = normalise(text)
    mentions = find_mentions(low)
    found: list[dict[str, object]] = []
    for i, mention in enumerate(mentions):
        if not mention.conflict:
            continue
        ends = [mention.end]  # the figure, and with the figures right after it ("seribu 1500": 1.500 or 2.500?)
        for after in mentions[i + 1:]:
            if low[ends[-1]:after.start].strip():
                break
            ends.append(after.end)
        for end in reversed(ends):
            try:
                parse_quantity(low[mention.start:end])
            except QuantityError as exc:
                if exc.two_ways:
                    found.append({"figure": " ".join(text[mention.start:end].split()), "readings": exc.two_ways})
                    break
    return found[0] if len(found) == 1 else None


_Doubt = TypeVar("_Doubt", bound=Mapping[str, object])


def _said_once(doubts: list[_Doubt]) -> list[_Doubt]:
    """*doubts* without those whose bullet says again what an earlier one says (templates/reply_clarify.txt.j2): a
    figure that could not be read is asked about without its role, so the same figure doubted as the request and as
    the stock is one bullet."""
    said: set[str] = set()
    once = []
    for doubt in doubts:
        bullet = (repr(("figure unread", doubt["text"], doubt["malformed"], doubt["malformed_fix"]))
                  if doubt["reason"] == "unclear" and (doubt["malformed_fix"] or doubt["malformed"])
                  else repr(sorted(doubt.items(), key=lambda item: item[0])))
        if bullet not in said:
            said.add(bullet)
            once.append(doubt)
    return once


def ask_back(session: Session, desk: Desk, req: Request | None, message: Message, verdict: Verdict, *,
             district: str | None, about: Literal["request", "report", "receipt"],
             thread: Request | None = None, only_doubts: bool = False,
             shortfall: tuple[int, int | None] | None = None,
             which_figure: tuple[int | None, int] | None = None,
             restated: tuple[int, int] | None = None) -> MessageOutcome:
    """Answer with a clarification request that quotes what was understood.

    *thread*: the request a receipt's question is about; the answer comes back in its thread, and the
    request itself does not change state (its shipment is what the question is about). *only_doubts*: ask
    about the verdict's doubts alone, not about figures it lacks (a follow-up in a request's thread).
    *shortfall*: (figure, shipped) of a receipt that gave what was missing, not what arrived: the count is asked.
    *which_figure*: (old, new) of a correction whose old figure is both the figure asked and the stock, or (None,
    new) of one that names neither the old figure nor which figure it is: the district is asked which of the two
    the new figure replaces. *restated*: (new, approved) of a confirmation of an approved request that names a
    figure other than the one approved ("siap, ditunggu kiriman 2.500 kepingnya" of 2.000): the district is asked
    whether the request is to change, and nothing changes until it says so.

    The same mail sent again from the same address within [guards] resend_window_hours of the one we asked back
    about (a phone client's second try: the same words answering the same mail) is not asked twice: it is recorded
    as sent again (ASKED_BEFORE). A new request's own question is always asked (*req* given)."""
    said = words_digest(verdict.body_excerpt, verdict.in_reply_to)
    if req is None and (asked_before := _asked_before(session, desk, message, verdict, said)) is not None:
        repo.audit(session, at=desk.now(), actor=verdict.sender or "district", action="resent",
                   target=(thread.reference if thread else None) or asked_before.target,
                   details={"message": message.id, "asked": asked_before.target})
        return MessageOutcome.ASKED_BEFORE
    doubts = [{"field": FIELD_LABELS.get(d.field, d.field), "reason": d.reason,
               "text": quote_of(d.text, verdict.body_excerpt), "malformed": malformed_figure(d.text or ""),
               # "2.50 rb": a decimal point before a multiplier, said as such with the ways to write it
               "malformed_fix": malformed_fix(d.text or "", malformed_figure(d.text or "")) or (
                   # "kira2 3 ribu-an keping", "2,50.0 keping": the figure quoted, said to be an estimate or no whole
                   # number, with how to write it; never the sentence asked about as a figure of unknown role
                   written_fix(d.text or "") if d.reason == "unclear" and d.field == "requested"
                   and malformed_figure(d.text or "") is None else None),
               # one figure with two readings ("dua ribu lima": 2.005 or 2.500), said as such with both
               "two_ways": read_two_ways(d.text or "") if d.reason == "conflict" else None,
               # a stock the reader knew for one but could not take as a count ("kurang lebih 300an"): asked as such
               "stock_unsure": d.field == "stock_on_hand" and d.reason == "unclear"}
              for d in verdict.doubts]
    doubts = _said_once(doubts)  # one figure doubted in two roles is one bullet
    missing = []
    if about == "request" and verdict.requested is None and not any(d.field == "requested" for d in verdict.doubts):
        missing.append("requested")
    if about == "report" and not any(d.reason in ("too_large", "negative") for d in verdict.doubts):
        missing.append("report")
    if about == "receipt" and verdict.received is None and shortfall is None \
            and not any(d.field == "received" for d in verdict.doubts):
        missing.append("received")
    if only_doubts:
        missing = []
    context = {"facts": facts(verdict), "doubts": doubts, "missing": missing, "policy_reasons": [],
               "only_doubts": only_doubts,
               "shortfall": None if shortfall is None else {
                   "figure": shortfall[0], "shipped": shortfall[1],
                   "text": sentence_stating(shortfall[0], verdict.body_excerpt or "")},
               "which_figure": None if which_figure is None else {
                   "old": which_figure[0], "new": which_figure[1],
                   "requested": thread.requested if thread else None,
                   "stock": thread.stock_on_hand if thread else None,
                   # the old figure the writer named, when the request no longer holds it ("yang benar 2.500
                   # bukan 2.000" after 2.000 became 1.500): said back, as it is what makes the mail unclear
                   "named": next((v for v in corrected_figures(verdict.body_excerpt or "")
                                  if thread is None or v not in (thread.requested, thread.stock_on_hand)), None)
                   if which_figure[0] is None else None},
               # (the figure the district first asked, awaited after a part of it was approved: "partial")
               "restated": None if restated is None else {
                   "new": restated[0], "approved": restated[1],
                   "partial": thread is not None and thread.requested == restated[0] and restated[1] < restated[0]},
               "district_name": desk.district_name(district), "about": about,
               # a receipt's damage or question is passed on at once, whatever its count (mailbot.routes.receipt)
               "damage": about == "receipt" and damage_said(verdict.body_excerpt or "") is not None,
               "reference": req.reference if req else thread.reference if thread else None}
    if req is not None:
        req.state, req.updated_at = "clarifying", desk.now()
        _record(session, desk, req, "clarify", None, actor=POLICY,
                reasons=[{"code": "doubt", "field": d.field, "reason": d.reason} for d in verdict.doubts],
                arithmetic=[])
    about_request = req or thread
    asked = queue(session, desk, purpose=f"reply:{message.id}", category="reply", template="reply_clarify",
          to=[verdict.sender] if verdict.sender else [], request_pk=about_request.id if about_request else None,
          subject=reply_subject(verdict.subject, about_request.reference if about_request else None),
          context={**context, "item": verdict.item or (about_request.item if about_request else None)},
          reply_to=answering(message, verdict), writer_text=verdict.body_excerpt)
    if asked.outbox_id is not None:  # the answer to this question is labelled mail (mailbot.corrections)
        repo.audit(session, at=desk.now(), actor=POLICY, action="ask-back", target=f"outbox:{asked.outbox_id}",
                   details={"message": message.id, "about": about, "said": said,
                            "from": (verdict.sender or "").lower()})
    return _ASKED_BACK[about]


def _asked_before(session: Session, desk: Desk, message: Message, verdict: Verdict, said: str) -> AuditEvent | None:
    """Our question about an earlier mail from the same sender in the same words answering the same mail (*said*,
    followup.words_digest), asked within [guards] resend_window_hours: its audit record; None when there is none."""
    sender = (verdict.sender or "").lower()
    if not sender:
        return None
    since = desk.now() - desk.config.guards.resend_window()
    for event in session.scalars(select(AuditEvent).where(AuditEvent.action == "ask-back", AuditEvent.at >= since)
                                 .order_by(AuditEvent.id.desc())):
        details = event.details or {}
        if details.get("said") == said and details.get("from") == sender and details.get("message") != message.id:
            return event
    return None


def complete_clarification(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict,
                           trust: SenderTrust) -> MessageOutcome:
    """The district's answer to our question completes its original request (no new request)."""
    if verdict.requested is not None:
        req.requested = verdict.requested
    if verdict.stock_on_hand is not None:
        req.stock_on_hand = verdict.stock_on_hand
    if verdict.item is not None:
        req.item = verdict.item
    if _needs_clarification(verdict) or req.requested is None:
        return ask_back(session, desk, req, message, verdict, district=req.district, about="request")
    if req.district is None or not trust.trusted:
        decision = policy.Decision(req.reference, req.district or "", req.item or "ktp-el", "hold",
                                   req.requested or 0, req.requested, (policy.Reason("sender_unknown"),), ())
    else:
        decision = evaluate(session, desk, req, sender_known=trust.on_list,
                            authenticated=trust.authenticated is not False)
    note = None
    if trust.trusted and decision.outcome == "hold" and req.stock_on_hand is None \
            and any(r.code == "no_need" for r in decision.reasons) \
            and (unsure := _stock_left_unsure(session, req)) is not None:
        # "udh mau abis ... sisa 300an" asked back, answered with the figure alone: the stock is still the district's
        # estimate, which the records' "no need" would contradict; the managers read what the district wrote and
        # that its stock is unconfirmed, never "stok yang ada masih mencukupi" from the records alone
        said, words = unsure
        decision = replace(decision, reasons=tuple(
            policy.Reason("stock_unconfirmed", {"said": said, "stock": r.data.get("stock")}) if r.code == "no_need"
            else r for r in decision.reasons))
        note = words
    # the answer may come from another address of the district (a colleague, days later): its writer is answered
    return apply_policy(session, desk, req, decision, message=message, verdict=verdict, trusted=trust.trusted,
                        note=note, answer_to=trust.address)


def _stock_left_unsure(session: Session, req: Request) -> tuple[str, str] | None:
    """Of a request whose first mail gave its stock as an estimate the reader left empty ("sisa 300an"): those
    words and the writer's words of the mail as its stored reading holds them (at most 600 characters); None when
    the first mail stated no stock in doubt. The mail is not read again: a reading stored without its words has
    its doubt's words shown alone."""
    first = session.get(Message, req.message_pk) if req.message_pk is not None else None
    read = (first.verdict or {}) if first is not None else {}
    said = next((str(d.get("text") or "") for d in read.get("doubts", []) if d.get("field") == "stock_on_hand"),
                None)
    if said is None:
        return None
    return said, " ".join(without_sign_off(str(read.get("body_excerpt") or "")).split())[:600] or said


def link(session: Session, desk: Desk, req: Request, open_one: Request, message: Message,
         verdict: Verdict) -> MessageOutcome:
    """A second request while one is open (*req* was created linked to it): never allocated twice."""
    _record_now(session, desk, req, "linked", None, actor=POLICY,
                reasons=[{"code": "open_request", "references": open_one.reference}], arithmetic=[])
    _district_mail(session, desk, req, purpose=f"reply:{message.id}", template="reply_linked", message=message,
                   verdict=verdict,
                   context={"facts": facts(verdict), "open_reference": open_one.reference,
                            "other_sender": None if open_one.sender in (None, req.sender) else open_one.sender,
                            # the desk's own proposal, approved for the district before it asked: never "its" request
                            "proposal": open_one.approved if open_one.proactive and open_one.sender is None else None,
                            # a figure it gave is never asked for again ("mohon sampaikan jumlahnya")
                            "asked": req.requested})
    return MessageOutcome.REQUEST_LINKED


def linked_updated(session: Session, desk: Desk, req: Request, open_one: Request | None, message: Message,
                   verdict: Verdict, *, changes: list[dict[str, object]], answer_to: str | None) -> None:
    """The district's correction of *req*, linked to its open request *open_one*, applied in place: the district is
    told what changed and that a person still decides it beside the open one."""
    _district_mail(session, desk, req, purpose=f"reply:{message.id}", template="reply_linked", message=message,
                   verdict=verdict, answer_to=answer_to,
                   context={"facts": [], "changes": changes, "asked": req.requested,
                            "open_reference": open_one.reference if open_one is not None else None})


def proposal_waiting(req: Request) -> bool:
    """Whether *req* is the desk's own shipment proposal for a district low on stock (a stock alert's, asked by
    no one), still waiting for the managers: a request of the district itself takes its place (join_proposal)."""
    return bool(req.proactive) and req.state == "held" and req.message_pk is None


def join_proposal(session: Session, desk: Desk, proposal: Request, message: Message, verdict: Verdict,
                  trust: SenderTrust) -> MessageOutcome:
    """The district asks for blanks itself while the desk's proposal for it waits for the managers: its request
    takes the proposal's place under the proposal's reference (never parked behind it, never allocated twice) and
    is decided as any new request, the district told the decision. The managers, asked to decide the proposal,
    hear once: in the held notice when the request waits for them, else in a notice that the proposal no longer
    does."""
    proposed = proposal.approved
    now = desk.now()
    # the proposal's figure is no approval of the district's request (never one set aside for the managers)
    _record(session, desk, proposal, "joined", None, actor=trust.address or "district",
            reasons=[{"code": "district_request", "message": message.id, "proposed": proposed,
                      "changes": [{"field": "requested", "before": None, "after": verdict.requested}]}],
            arithmetic=[], note=None)
    proposal.message_pk, proposal.sender, proposal.proactive = message.id, trust.address, False
    proposal.requested, proposal.stock_on_hand = verdict.requested, verdict.stock_on_hand
    proposal.state, proposal.approved, proposal.updated_at, proposal.held_since = "new", None, now, None
    repo.audit(session, at=now, actor=trust.address or "district", action="join-proposal",
               target=proposal.reference, details={"message": message.id, "proposed": proposed})
    session.flush()
    outcome = decide_new(session, desk, proposal, message, verdict, trust, joined_proposal=proposed)
    if proposal.state != "held":
        queue(session, desk, purpose=f"released:{proposal.id}:joined:{message.id}", category="notice",
              template="notice_released", to=desk.config.office.managers, request_pk=proposal.id,
              context={"reference": proposal.reference, "district_name": desk.district_name(proposal.district),
                       "item": proposal.item, "changes": [], "by_us": False, "by": "",
                       "joined_proposal": proposed, "requested": proposal.requested,
                       "outcome_text": _joined_outcome(proposal),
                       "approved": proposal.approved if proposal.state == "approved" else None})
    return outcome


def _joined_outcome(req: Request) -> str:
    """What became of the district's request that took a proposal's place, as the managers' notice says it."""
    if req.state == "approved":
        return "DISETUJUI SEBAGIAN" if req.requested and (req.approved or 0) < req.requested else "DISETUJUI"
    if req.state == "clarifying":
        return "perlu ditanyakan kembali kepada kabupaten/kota sebelum diputuskan"
    return state_words(req.state)


# --- manager and operator actions ----------------------------------------------------------------

@dataclass(frozen=True)
class Concern:
    """Why approving a quantity by hand deserves a second look.

    code: above_request, above_need, not_whole_packs, into_reserve (about the quantity) or
    verified_request_exists, sender_check_failed (about the request). text: for the operator (English),
    indonesian: for a manager who decided by email; both are predicates that concerns_text() and concerns_indonesian()
    join into one sentence ("be more than the 1.500 requested", "melebihi jumlah yang dimohon ...").
    """

    code: str
    text: str
    indonesian: str

    @property
    def about_quantity(self) -> bool:
        return self.code not in ("verified_request_exists", "sender_check_failed")


def _listed(parts: Sequence[str], conjunction: str) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}"


def concerns_text(quantity: int, concerns: Sequence[Concern], *, doing: str = "approving", item: str = "") -> str:
    """The *concerns* about approving (*doing*) *quantity* (of *item*) as one English clause, for the operator.

    >>> concerns_text(2050, [Concern("above_request", "be more than the 2.000 requested", ""),
    ...                      Concern("not_whole_packs", "not give whole packs of 100 (such as 2.000)", "")])
    'approving 2.050 would be more than the 2.000 requested and not give whole packs of 100 (such as 2.000)'
    """
    clauses = [f"{doing} {number(quantity)}{f' {item}' if item else ''} would "
               f"{_listed([c.text for c in concerns if c.about_quantity], 'and')}"] if any(
        c.about_quantity for c in concerns) else []
    clauses += [c.text for c in concerns if not c.about_quantity]
    return ", and ".join(clauses)


def concerns_indonesian(reference: str, quantity: int, concerns: Sequence[Concern]) -> str:
    """The *concerns* about approving *quantity* for *reference* as one Indonesian clause, for a manager.

    >>> concerns_indonesian("BLK-2026-0042", 2050, [
    ...     Concern("above_request", "", "melebihi jumlah yang dimohon (2.000 keping)")])
    'jumlah 2.050 keping untuk permohonan BLK-2026-0042 melebihi jumlah yang dimohon (2.000 keping)'
    """
    about_quantity = [c.indonesian for c in concerns if c.about_quantity]
    about_request = [c.indonesian for c in concerns if not c.about_quantity]
    clauses = [f"jumlah {number(quantity)} keping untuk permohonan {reference} {_listed(about_quantity, 'dan')}"
               ] if about_quantity else []
    clauses += [f"permohonan {'tersebut' if clauses else reference} {text}" for text in about_request]
    return ", dan ".join(clauses)


def approve(session: Session, desk: Desk, req: Request, quantity: int | None, *, actor: str,
            via: str, reason: str | None = None, concerns: Sequence[Concern] = (),
            told_reason: str | None = None, change_declined: bool = False,
            appeal_granted: bool = False) -> ActionOutcome:
    """A manager approves a held (or clarifying) request, with the proposed or a given quantity.

    reason: why it was approved despite *concerns* (from approval_concerns()); both are recorded.
    The hard bounds (free stock, [stock] max_quantity_per_movement) hold whoever approves.
    told_reason: the decider's reason for the district (a manager's "SETUJU 3.000 / sisanya bulan Januari").
    appeal_granted: the request was rejected and a manager grants the district's appeal (see grant_appeal).
    """
    _district_listed(desk, req)
    _check_approvable(req)
    qty = quantity if quantity is not None else req.approved
    note = (f"{reason}; approved anyway, although {concerns_text(qty or 0, concerns)}" if concerns
            else reason) if reason else None
    if not qty:
        raise InvalidAction(f"{req.reference} has no proposed quantity; give --quantity"
                            + (" (or reject it with --reason if it is covered by the open request)"
                               if req.state == "linked" else ""))
    item = req.item or "ktp-el"
    province = ledger.province_balance(session, item)  # before this approval: the free stock it was decided on
    _refuse_beyond_bounds(desk, req.reference, qty, item, province)
    reasons: list[dict[str, object]] = [{"code": "manager", "via": via}]
    if reason:
        reasons.append({"code": "override", "reason": reason, "concerns": [c.code for c in concerns]} if concerns
                       else {"code": "note", "reason": reason})
    # what the system proposed, when the person decided less: the cut is the person's, not the arithmetic's
    proposal = req.approved if req.state == "held" and req.approved and qty < req.approved else None
    # the managers were asked to decide it and someone else did
    asked = req.approved if req.state == "held" and not _by_manager(desk, actor) else None
    was_held = req.state == "held"
    decision = _record(session, desk, req, "approve", qty, actor=actor, reasons=reasons, arithmetic=[], note=note)
    session.flush()  # its id names the ledger source and the mail's purpose
    _approve(session, desk, req, qty, actor=actor, source=f"decision:{decision.id}")
    repo.audit(session, at=desk.now(), actor=actor, action="approve", target=req.reference,
               details={"quantity": qty, "via": via, **({"override": note} if note else {}),
                        **({"reason": told_reason} if told_reason else {})})
    partial = req.requested is not None and qty < req.requested
    told = _district_mail(session, desk, req, purpose=f"decided:{decision.id}", decision=True,
                          template="reply_partial" if partial else "reply_approved",
                          context={"facts": [],
                                   "explanation": _policy_explanation(session, desk, req, province, qty)
                                   if partial else [],
                                   "approved": qty, "requested": req.requested, "proposed": False,
                                   "decided_by": _decided_by(desk, actor), "manager_reason": told_reason,
                                   "change_declined": change_declined, "appeal_granted": appeal_granted,
                                   "system_proposal": proposal})
    into_reserve = _reserve_used(session, desk, item, province)
    if (was_held or into_reserve) and not _by_manager(desk, actor):
        # a request held for the managers, or any taken into the province's reserve, is the managers' to know of
        _tell_managers_decided(session, desk, req, decision, outcome="DISETUJUI SEBAGIAN" if partial else "DISETUJUI",
                               quantity=qty, proposal=asked, actor=actor, reason=told_reason or reason,
                               held=was_held, reserve=into_reserve)
    _close_items(session, desk, req, actor=actor, resolution=f"diputuskan: disetujui {qty}")
    return ActionOutcome("DISETUJUI SEBAGIAN" if partial else "DISETUJUI", qty, told=_redirected(desk, req, told))


def _redirected(desk: Desk, req: Request, told: list[str]) -> tuple[str, ...]:
    """The district's addresses sent a notice of a decision on *req* an unlisted sender wrote (_district_mail)."""
    writer = (req.sender or "").lower()
    return tuple(t for t in told if t.lower() != writer) if unlisted_writer(desk, req) else ()


# Queue items a person closes by deciding their request: a linked request, a reply in its thread, and a decision
# from an address no listed manager's (never applied).
_DECIDED_WITH_IT = ("linked", "other_address", "linked_follow_up", "unverified_decision")


def _close_items(session: Session, desk: Desk, req: Request, *, actor: str, resolution: str) -> None:
    """*req* was decided (or shipped): the queue items asking for that decision (a linked request's) and the
    district's reminders about it are done."""
    from mailbot import attention

    for item in attention.open_items(session, kinds=("read", "reminder")):
        if item.request_pk == req.id and (item.kind == "reminder" or item.reason in _DECIDED_WITH_IT):
            attention.close(session, desk, item.id, actor=actor, resolution=resolution)


def _decided_by(desk: Desk, actor: str) -> str:
    """Who decided, as the district reads it."""
    return decided_by_words(desk.config.office.managers, actor)


def _by_manager(desk: Desk, actor: str) -> bool:
    return actor.lower() in (m.lower() for m in desk.config.office.managers)


def _tell_managers_decided(session: Session, desk: Desk, req: Request, decision: Decision, *, outcome: str,
                           quantity: int | None, proposal: int | None, actor: str, reason: str | None,
                           held: bool = True, reserve: Mapping[str, int] | None = None) -> None:
    """A request held for the managers was decided by someone else (the operator's `mailbot approve` or
    `reject`): the managers, whose notice asked them to decide, hear once who decided what, and why. *held*
    False: a request they were not asked about, approved by hand into the province's *reserve* (_reserve_used),
    which they hear of all the same."""
    queue(session, desk, purpose=f"decided-by-hand:{req.id}:{decision.id}", category="notice",
          template="notice_decided", to=desk.config.office.managers, request_pk=req.id,
          context={"reference": req.reference, "district_name": desk.district_name(req.district),
                   "item": req.item, "requested": req.requested, "outcome": outcome, "quantity": quantity,
                   "proposal": proposal, "by": _decided_by(desk, actor),
                   "by_short": decided_by_words(desk.config.office.managers, actor, short=True), "reason": reason,
                   "district_told": _district_told(session, req), "held": held, "reserve": reserve,
                   # a request an unlisted sender wrote: the decision went to that writer, the office apart
                   "writer": (req.sender or "") if unlisted_writer(desk, req) else None,
                   "office_told": _queued(session, f"decided:{decision.id}:office"),
                   # the desk's own proposal (a stock alert's), asked by no district
                   "own_proposal": bool(req.proactive) and req.message_pk is None})


def _reserve_used(session: Session, desk: Desk, item: str, before: Balance) -> dict[str, int] | None:
    """The province's *item* reserve as an approval just made left it, when the approval took from it (the free
    stock, on hand less committed, was above what is left now and what is left is under the reserve): the
    reserve, the free stock left and the part of the reserve promised; None when the reserve is untouched."""
    reserve = desk.config.stock.reserve.get(item, 0)
    after = ledger.province_balance(session, item)
    free = after.on_hand - after.committed
    if free >= reserve or free >= before.on_hand - before.committed:
        return None
    return {"reserve": reserve, "free": max(0, free), "used": reserve - max(0, free)}


# The stocks a district states in a request's conversation (mailbot.conversation): an appeal's, a follow-up's, a
# reminder's.
_STATED_IN_CONVERSATION = ("appeal", "follow_up", "reminder")


def _policy_explanation(session: Session, desk: Desk, req: Request, province: Balance, approved: int) -> list[str]:
    """The arithmetic of the policy's last decision on *req* (the need it worked out), for a partial approval of
    *approved*; the province's free stock as it stood when the person decided (*province*, before the approval), the
    figure the approval was checked against, with what was promised since the arithmetic was made (the reserve not
    taken off when the approval took from it, `mailbot approve --force`: the stock *approved* came from)."""
    from sqlalchemy import select

    row = session.scalar(select(Decision).where(Decision.request_pk == req.id, Decision.actor == POLICY,
                                                Decision.note.is_not(None)).order_by(Decision.id.desc()).limit(1))
    if row is None:
        return []
    if req.district is not None and req.message_pk is not None:
        # a stock the district stated since in the request's conversation ("mohon dipertimbangkan kembali, stok kami
        # tinggal 90"): the arithmetic was on a stock no longer its own, never shown as the reason of the decision
        since = session.scalar(select(StatedStock.quantity).where(
            StatedStock.district == req.district, StatedStock.item == (req.item or "ktp-el"),
            StatedStock.source.in_(_STATED_IN_CONVERSATION), StatedStock.message_pk > req.message_pk)
            .order_by(StatedStock.id.desc()).limit(1))
        if since is not None and since != req.stock_on_hand:
            return []
    held = {reason_id(policy.Reason(str(r["code"]), {k: v for k, v in r.items() if k != "code"}))
            for r in row.reasons or []}
    reserve = desk.config.stock.reserve.get(req.item or "ktp-el", 0)
    spare = policy.Step("spare", available_to_ship(province, reserve),
                        {"on_hand": province.on_hand, "committed": province.committed, "reserve": reserve})
    if approved > spare.value:
        spare = policy.Step("spare", max(0, province.on_hand - province.committed),
                            {"on_hand": province.on_hand, "committed": province.committed, "into_reserve": True})
    return with_spare(decided_since([line for line in (row.note or "").split("; ") if line], held), spare)


def _check_approvable(req: Request) -> None:
    if req.state == "approved":
        raise InvalidAction(f"{req.reference} is already approved ({number(req.approved)} pieces); "
                            "nothing was changed")
    if req.state not in ("held", "clarifying", "linked"):
        raise InvalidAction(f"{req.reference} is {state_words(req.state)}; only requests waiting for a manager, "
                            "asked back or linked can be approved")
    if req.district is None:
        raise InvalidAction(f"{req.reference} has no district (unknown sender); it cannot be shipped")


def approval_concerns(session: Session, desk: Desk, req: Request, quantity: int | None) -> list[Concern]:
    """Why approving *quantity* (None: the proposal) for *req* by hand deserves a second look.

    The one check of a manual approval, by `mailbot approve` and by a manager's SETUJU alike: more
    than the district asked for, more than it needs for its target cover, not whole packs, or a
    promise that takes the province store into its reserve. Raises InvalidAction when the request
    cannot be approved at all (already decided, no quantity) and ApprovalRefused beyond the hard
    bounds (the free stock, [stock] max_quantity_per_movement).
    """
    _check_approvable(req)
    qty = quantity if quantity is not None else req.approved
    if not qty:
        raise InvalidAction(f"{req.reference} has no proposed quantity; give --quantity")
    settings = desk.config.stock
    item = req.item or "ktp-el"
    province = ledger.province_balance(session, item)
    _refuse_beyond_bounds(desk, req.reference, qty, item, province)
    decision = evaluate(session, desk, req)
    need = decision.step("pack") or decision.step("need")
    verified = repo.open_requests(session, req.district, item, states=repo.OPEN_STATES, exclude=req.id,
                                  verified_only=True) if req.district is not None and not repo.sender_verified(
        session, req) else []
    concerns = quantity_concerns(qty, requested=req.requested, need=int(need.value) if need is not None else None,
                                 cover_days=settings.target_cover_days, pack=settings.pack_size,
                                 free_after=province.on_hand - province.committed - qty,
                                 reserve=settings.reserve.get(item, 0),
                                 verified_open=[r.reference for r in verified])
    if quantity is None and qty == req.requested:
        # the proposal is the district's own figure, taken as asked (as the policy approves it under the limit, packs
        # or not): the notice offered it, and a bare SETUJU approves what the notice offered
        concerns = [c for c in concerns if c.code != "not_whole_packs"]
    failed = request_suspicion(session, req).failed_checks
    if failed:  # never by email (mailbot.routes): the operator approves it, once the district confirmed it
        concerns.append(Concern(
            "sender_check_failed",
            f"the office's mail server checked the request's mail and its {' and '.join(failed)} check FAILED: it is "
            "probably forged; confirm it with the district by another channel (telephone, letter) first",
            f"gagal dalam pemeriksaan keaslian ({' dan '.join(failed)}) oleh server email kantor, sehingga "
            "kemungkinan dipalsukan"))
    return concerns


# A typed movement larger than what its place holds and than this many days of its use is asked about: a figure
# typed with a digit too many, or a district's count booked at the province, is caught before it is booked.
LARGE_MOVEMENT_DAYS = 90


def large_movement_concerns(change: int, *, place: str, on_hand: int, daily_use: float,
                            days: int = LARGE_MOVEMENT_DAYS) -> list[Concern]:
    """The concern about booking *change* pieces by hand at a place (*place*: "the province store", "65.04
    Kabupaten Tana Tidung") holding *on_hand* and using *daily_use* a day (pure): more than it holds and more
    than it uses in *days* days. A change that takes out more than the place holds is the ledger's refusal,
    never a question.

    >>> [c.text for c in large_movement_concerns(500000, place="the province store", on_hand=66000, daily_use=250)]
    ['be more than the province store holds (66.000) and more than it uses in 90 days (about 22.500)']
    >>> large_movement_concerns(10000, place="the province store", on_hand=66000, daily_use=250)
    []
    >>> large_movement_concerns(3000, place="65.04 Kabupaten Tana Tidung", on_hand=2500, daily_use=36)
    []
    """
    need = round(daily_use * days)
    if change <= 0 or change <= on_hand or change <= need:
        return []
    return [Concern("unusually_large", f"be more than {place} holds ({number(on_hand)}) and more than it uses in "
                                       f"{days} days (about {number(need)})", "")]


def movement_concerns(session: Session, desk: Desk, *, location: str, item: str, change: int) -> list[Concern]:
    """Why booking *change* pieces of *item* by hand at *location* (the province store: a supply or an
    adjustment; a district: an adjustment) deserves a second look (large_movement_concerns). The province's use
    is all its districts' together."""
    status = ledger.stock_status(session, desk, items=(item,))
    if location == PROVINCE:
        return large_movement_concerns(change, place="the province store", on_hand=status.province[item].on_hand,
                                       daily_use=sum(row.daily_use for row in status.rows(item)))
    row = status.row(location, item)
    if row is None:
        return []
    return large_movement_concerns(change, place=f"{row.district} {row.name}", on_hand=row.on_hand,
                                   daily_use=row.daily_use)


def most_above_reserve(session: Session, desk: Desk, req: Request) -> int:
    """The most *req* may be approved without taking the province store into its reserve: whole packs, never
    above the request (0: not one pack)."""
    item = req.item or "ktp-el"
    province = ledger.province_balance(session, item)
    settings = desk.config.stock
    room = province.on_hand - province.committed - settings.reserve.get(item, 0)
    if req.requested:
        room = min(room, req.requested)
    return max(0, room // settings.pack_size * settings.pack_size)


def _whole_packs_near(qty: int, pack: int, limits: Sequence[int]) -> int:
    """The whole packs to suggest for *qty*: rounded up, unless that is above one of *limits* (the request,
    the need), which the same refusal would name; then rounded down (if that leaves any)."""
    up = policy.round_up_to_pack(qty, pack)
    down = up - pack
    return down if down > 0 and any(up > limit for limit in limits) else up


def quantity_concerns(qty: int, *, requested: int | None, need: int | None, cover_days: int, pack: int,
                      free_after: int, reserve: int, verified_open: Sequence[str]) -> list[Concern]:
    """The concerns of approving *qty* by hand (pure; see approval_concerns()).

    free_after: the province's free stock once *qty* is promised; verified_open: the references of the
    district's open requests from verified senders when this request's sender is not verified (else empty).
    """
    concerns: list[Concern] = []
    if requested and qty > requested:
        concerns.append(Concern("above_request", f"be more than the {number(requested)} requested",
                                f"melebihi jumlah yang dimohon ({number(requested)} keping)"))
    if need is not None and qty > need:
        concerns.append(Concern(
            "above_need", f"be more than the {number(need)} the district needs for {cover_days} days",
            f"melebihi kebutuhan kabupaten/kota untuk {cover_days} hari ({number(need)} keping)"))
    if qty % pack:
        rounded = number(_whole_packs_near(qty, pack, [limit for limit in (requested, need) if limit]))
        concerns.append(Concern(
            "not_whole_packs", f"not give whole packs of {number(pack)} (such as {rounded})",
            f"bukan kelipatan satu pak ({number(pack)} keping, misalnya {rounded})"))
    if free_after < reserve:
        concerns.append(Concern(
            "into_reserve", f"take the province store into the reserve (it would leave {number(free_after)} "
                            f"free, under the {number(reserve)} reserve)",
            f"akan memakai cadangan provinsi (sisa stok bebas tinggal {number(free_after)} keping, di bawah "
            f"cadangan {number(reserve)} keping)"))
    if verified_open:
        refs = ", ".join(verified_open)
        concerns.append(Concern(
            "verified_request_exists",
            f"the request's sender could not be verified while the district has "
            f"{'a verified request' if len(verified_open) == 1 else 'verified requests'} open ({refs})",
            f"berasal dari pengirim yang keasliannya tidak dapat dipastikan, sedangkan kabupaten/kota ini "
            f"sudah memiliki permohonan dari pengirim terverifikasi yang masih berjalan ({refs})"))
    return concerns


def _refuse_beyond_bounds(desk: Desk, reference: str, quantity: int, item: str, province: Balance) -> None:
    most = desk.config.stock.max_quantity_per_movement
    if quantity > most:
        raise ApprovalRefused(
            f"{reference}: cannot approve {number(quantity)}: more than the most one movement may be "
            f"({number(most)}, [stock] max_quantity_per_movement)",
            f"{number(quantity)} keping melebihi batas satu kali pengiriman ({number(most)} keping).")
    free = province.on_hand - province.committed
    if quantity > free:
        raise ApprovalRefused(
            f"{reference}: cannot approve {number(quantity)}: the province store has "
            f"{number(max(0, free))} {item} free ({number(province.on_hand)} on hand, "
            f"{number(province.committed)} already promised)",
            f"stok provinsi yang belum dialokasikan hanya {number(max(0, free))} keping, tidak cukup untuk "
            f"{number(quantity)} keping.")


def reject(session: Session, desk: Desk, req: Request, reason: str, *, actor: str, via: str) -> ActionOutcome:
    """A manager rejects a request that is not yet shipped; a commitment is released."""
    _district_listed(desk, req)
    if req.state not in ("held", "clarifying", "approved", "linked"):
        raise InvalidAction(f"{req.reference} is {state_words(req.state)}; it can no longer be rejected")
    if not reason.strip():
        raise InvalidAction("a rejection needs a reason")
    # an approval the district was told of is withdrawn in so many words (and its commitment released)
    # (as is one set aside for the managers by the district's appeal or change, which the district was told of)
    withdrawn = req.approved if req.state == "approved" and req.approved else set_aside_approval(session, req)
    # the desk's own proposal (a stock alert's), asked by no one: the district hears of its end only when it was
    # told of the shipment before, and then as the province's plan called off, never as its "permohonan" refused
    silent = bool(req.proactive) and req.message_pk is None and not _district_told(session, req)
    asked = req.approved if req.state == "held" and not _by_manager(desk, actor) else None
    was_held = req.state == "held"
    decision = _end(session, desk, req, action="reject", state="rejected", actor=actor, note=reason,
         reasons=[{"code": "manager", "via": via}], details={"reason": reason, "via": via, "withdrawn": withdrawn},
         template=None if silent else "reply_rejected",
         context={"reason": reason, "withdrawn": withdrawn, "decided_by": _decided_by(desk, actor)})
    if was_held and not _by_manager(desk, actor):
        _tell_managers_decided(session, desk, req, decision, outcome="DITOLAK", quantity=None, proposal=asked,
                               actor=actor, reason=reason)
    _close_items(session, desk, req, actor=actor, resolution=f"diputuskan: ditolak ({reason})")
    untold = "the district is not written to: it never heard of this proposal of the desk's own" if silent else None
    if withdrawn:  # the confirmation says what the district's mail says: the approval is withdrawn too
        return ActionOutcome(f"DITOLAK; persetujuan sebelumnya sebanyak {number(withdrawn)} keping DIBATALKAN",
                             None, reason, untold=untold)
    return ActionOutcome("DITOLAK", None, reason, untold=untold)


_APPROVALS = ("approve", "approve_partial", "propose")


def set_aside_approval(session: Session, req: Request) -> int | None:
    """The approval a held *req* had before the district's appeal or change set it aside for the managers (the
    quantity the district was told it would receive); None when the request holds no such approval."""
    from sqlalchemy import select
    if req.state != "held":
        return None
    rows = session.scalars(select(Decision).where(Decision.request_pk == req.id).order_by(Decision.id.desc())).all()
    if not rows or rows[0].outcome != "hold":
        return None
    earlier = next((d for d in rows if d.outcome not in ("hold", "updated")), None)
    if earlier is None or earlier.outcome not in _APPROVALS or not earlier.quantity:
        return None
    # never more than the district now asks: an approval of 3.000 set aside by a lowering to 2.500 stands as 2.500
    return min(earlier.quantity, req.requested) if req.requested else earlier.quantity


def decline_change(session: Session, desk: Desk, req: Request, kept: int, reason: str, *, actor: str,
                   via: str) -> ActionOutcome:
    """A manager's TOLAK of what set *req*'s approval aside (an appeal for more, a raise): that is declined and
    the earlier approval of *kept* stands again; the district is told both, with the manager's reason."""
    if not reason.strip():
        raise InvalidAction("a rejection needs a reason")
    told = f"permintaan penambahan/perubahan tidak disetujui ({reason}); persetujuan sebelumnya tetap berlaku"
    outcome = approve(session, desk, req, kept, actor=actor, via=via, told_reason=told, change_declined=True)
    repo.audit(session, at=desk.now(), actor=actor, action="decline-change", target=req.reference,
               details={"kept": kept, "reason": reason, "via": via})
    return ActionOutcome(f"PERMINTAAN PERUBAHAN DITOLAK; persetujuan sebelumnya tetap ({outcome.label})", kept,
                         reason, told=outcome.told)


def _queued(session: Session, purpose: str) -> bool:
    """Whether a mail for *purpose* is in the outbox."""
    from mailbot.store.schema import OutboxMessage

    return session.scalar(select(OutboxMessage.id).where(OutboxMessage.purpose == purpose)) is not None


def _district_told(session: Session, req: Request) -> bool:
    """Whether the district was mailed about *req* before (a reply of ours under its reference)."""
    from sqlalchemy import select

    from mailbot.store.schema import OutboxMessage

    return session.scalar(select(OutboxMessage.id).where(OutboxMessage.request_pk == req.id,
                                                         OutboxMessage.category == "reply").limit(1)) is not None


def _end(session: Session, desk: Desk, req: Request, *, action: str, state: str, actor: str, note: str,
         reasons: list[dict[str, object]], details: dict[str, object], template: str | None,
         context: dict[str, object]) -> Decision:
    """Close *req* without a shipment (a rejection, a withdrawal): the decision is recorded, an approval
    not yet dispatched is released, the action audited and the district told (unless *template* is None)."""
    released = req.approved if req.state == "approved" and req.approved and req.district else None
    decision = _record(session, desk, req, action, None, actor=actor, reasons=reasons, arithmetic=[], note=note)
    session.flush()  # its id names the ledger source and the mail's purpose
    if released and req.district:
        ledger.book(session, Entry(req.item or "ktp-el", req.district, released, EntryKind.SHIPMENT_CANCELLED,
                                   desk.now(), f"decision:{decision.id}", req.reference),
                    actor=actor, request_pk=req.id)
    req.state, req.updated_at, req.held_since = state, desk.now(), None
    repo.audit(session, at=desk.now(), actor=actor, action=action, target=req.reference, details=details)
    if template is not None:
        _district_mail(session, desk, req, purpose=f"decided:{decision.id}", template=template, decision=True,
                       context=context)
    return decision


WITHDRAWABLE = ("clarifying", "held", "approved", "linked")
# What a correction (`mailbot correct MSG kind=...`) found the mail that opened a request to be, in the district's and
# the managers' words; kind=other says no more than that it is no request now (a request the district withdrew by
# telephone, a test mail, an invitation: the operator's reason says which).
WITHDRAWN_AS = {"stock_report": "laporan stok", "receipt": "konfirmasi penerimaan blangko",
                "automated": "balasan otomatis"}


def withdrawn_words(kind: str | None) -> str:
    """A withdrawn request, in the managers' notice of a decision by hand: what the mail was found to be, when the
    correction named it (*kind*).

    >>> withdrawn_words("stock_report"), withdrawn_words("other")
    ('DITUTUP karena email yang dicatat sebagai permohonan ternyata laporan stok, bukan permohonan', \
'DITUTUP dan tidak lagi dicatat sebagai permohonan')
    """
    what = WITHDRAWN_AS.get(kind or "")
    return (f"DITUTUP karena email yang dicatat sebagai permohonan ternyata {what}, bukan permohonan" if what
            else "DITUTUP dan tidak lagi dicatat sebagai permohonan")


def withdraw(session: Session, desk: Desk, req: Request, reason: str, *, actor: str,
             kind: str | None = None) -> ActionOutcome:
    """A person found that the message which opened *req* was no request (`mailbot correct MSG kind=...`, *kind*
    what it was found to be, told to the district and the managers; see WITHDRAWN_AS):
    the request is closed ("dikoreksi operator"), an approval not yet dispatched is released, its queue
    items are closed, and the district, which was answered about it, is told; the managers, when it waited for
    them, hear once that it no longer does (as of a decision by hand)."""
    if req.state not in WITHDRAWABLE:
        raise InvalidAction(f"{req.reference} is {state_words(req.state)}; a shipment already dispatched is not undone "
                            "(settle it with `mailbot adjust`)")
    released = req.approved if req.state == "approved" and req.approved and req.district else None
    was_held = req.state == "held"
    decision = _end(session, desk, req, action="withdraw", state="withdrawn", actor=actor,
                    note=f"dikoreksi operator: {reason}", reasons=[], details={"reason": reason, "released": released},
                    template="reply_withdrawn",
                    context={"reason": reason, "released": released, "found": WITHDRAWN_AS.get(kind or "")})
    if was_held and not _by_manager(desk, actor):
        _tell_managers_decided(session, desk, req, decision, outcome=withdrawn_words(kind), quantity=None,
                               proposal=None, actor=actor, reason=reason)
    from mailbot import attention

    for item in attention.open_items(session):
        if item.request_pk == req.id:
            attention.close(session, desk, item.id, actor=actor, resolution=f"dikoreksi operator: {reason}")
    return ActionOutcome("DITUTUP", None, reason)


# A request the district may cancel itself: nothing was decided for it yet, or it waits for a manager.
CANCELLABLE = ("clarifying", "held", "linked")


def cancel_by_district(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict, *,
                       actor: str, answer_to: str | None) -> None:
    """The district withdrew *req* before anything was decided for it (asked back, waiting for a manager):
    the request is cancelled, its queue items closed, the district told in one reply in the thread, and the
    managers, who were asked to decide, told it no longer waits for them."""
    held = req.state == "held"
    text = without_sign_off(verdict.body_excerpt or "")[:300]  # the district's words, not its signature
    decision = _record(session, desk, req, "cancel", None, actor=actor, reasons=[{"code": "district_cancel"}],
                       arithmetic=[], note=f"dibatalkan oleh kabupaten/kota: {text}")
    req.state, req.updated_at, req.held_since = "cancelled", desk.now(), None
    repo.audit(session, at=desk.now(), actor=actor, action="cancel", target=req.reference,
               details={"message": message.id, "text": text})
    session.flush()
    _district_mail(session, desk, req, purpose=f"reply:{message.id}", template="reply_cancelled", message=message,
                   verdict=verdict, answer_to=answer_to, context={})
    if held:
        queue(session, desk, purpose=f"cancelled:{req.id}:{decision.id}", category="notice",
              template="notice_cancelled", to=desk.config.office.managers, request_pk=req.id,
              context={"reference": req.reference, "district_name": desk.district_name(req.district),
                       "item": req.item, "requested": req.requested, "text": text, "decided": False})
    _close_items(session, desk, req, actor=actor, resolution="dibatalkan oleh kabupaten/kota")


def _managers_and_operator(desk: Desk) -> list[str]:
    """The managers, and the operator when not one of them: who hears at once of what a person must settle."""
    to = list(desk.config.office.managers)
    if desk.config.office.operator and desk.config.office.operator.lower() not in (a.lower() for a in to):
        to.append(desk.config.office.operator)
    return to


def cancel_asked(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict, *,
                 actor: str, answer_to: str | None) -> None:
    """The district asks to cancel *req*, approved or dispatched already: a person settles it (a shipment is
    not undone by mail). Recorded on the request; the managers and the operator are told at once, and the
    district is told a person will handle it, in one reply in the thread."""
    text = without_sign_off(verdict.body_excerpt or "")[:300]  # the district's words, not its signature
    repo.audit(session, at=desk.now(), actor=actor, action="cancel-asked", target=req.reference,
               details={"message": message.id, "state": req.state, "text": text})
    _district_mail(session, desk, req, purpose=f"reply:{message.id}", template="reply_cancel_asked",
                   message=message, verdict=verdict, answer_to=answer_to,
                   context={"dispatched": req.state != "approved", "approved": req.approved})
    to = _managers_and_operator(desk)
    queue(session, desk, purpose=f"cancel-asked:{req.id}:{message.id}", category="notice",
          template="notice_cancelled", to=to, request_pk=req.id,
          context={"reference": req.reference, "district_name": desk.district_name(req.district),
                   "item": req.item, "requested": req.requested, "approved": req.approved, "text": text,
                   "decided": True, "dispatched": req.state != "approved"})


def changed_after_dispatch(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict, *,
                           changes: list[dict[str, object]], dispatched_on: str | None, actor: str,
                           answer_to: str | None, received: int | None = None) -> None:
    """The district changes a figure of *req* after its blanks left ("cukup 1.000 saja, bukan 1.500"): a shipment
    is not undone by mail. The district is told the blanks left (when, how many) in one reply in the thread; the
    managers and the operator are told at once, as for a cancellation asked after dispatch. With *received*, the
    same mail confirmed the shipment arrived ("Blangko 2.000 keping sudah kami terima. Sekalian koreksi, stok kami
    sebenarnya 450"): the receipt's reply tells the district of the correction, and the managers hear of both."""
    text = without_sign_off(verdict.body_excerpt or "")[:300]  # the district's words, not its signature
    repo.audit(session, at=desk.now(), actor=actor, action="changed-after-dispatch", target=req.reference,
               details={"message": message.id, "changes": [
                   {"field": c["field"], "before": c["before"], "after": c["after"]} for c in changes]})
    context: dict[str, object] = {"approved": req.approved, "changes": changes, "dispatched_on": dispatched_on,
                                  "text": text, "received": received,
                                  "stock_only": all(c.get("field") == "stock_on_hand" for c in changes)}
    if received is None:
        _district_mail(session, desk, req, purpose=f"reply:{message.id}", template="reply_changed_after_dispatch",
                       message=message, verdict=verdict, answer_to=answer_to, context=context)
    to = _managers_and_operator(desk)
    queue(session, desk, purpose=f"changed-after-dispatch:{req.id}:{message.id}", category="notice",
          template="notice_changed_after_dispatch", to=to, request_pk=req.id,
          context={"reference": req.reference, "district_name": desk.district_name(req.district),
                   "item": req.item, **context})


def appeal_after_rejection(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict, *,
                           changes: list[dict[str, object]], actor: str, answer_to: str | None) -> None:
    """The district asks the province to look again at *req*, which a person rejected ("mohon dipertimbangkan
    kembali, stok kami tinggal 200"): nothing changes on the request, a rejection is no policy's to undo. The
    managers hear of it at once, with the figures the district now states and the reason it was rejected; the
    district is told, in one reply in the thread, that its appeal went to the managers."""
    from sqlalchemy import select

    text = without_sign_off(verdict.body_excerpt or "")[:600]  # the district's words, not its signature
    rejected = session.scalar(select(Decision.note).where(Decision.request_pk == req.id, Decision.outcome == "reject")
                              .order_by(Decision.id.desc()).limit(1))
    repo.audit(session, at=desk.now(), actor=actor, action="appeal", target=req.reference,
               details={"message": message.id, "changes": [
                   {"field": c["field"], "before": c["before"], "after": c["after"]} for c in changes]})
    context: dict[str, object] = {"changes": changes, "requested": req.requested, "text": text}
    _district_mail(session, desk, req, purpose=f"reply:{message.id}", template="reply_appeal_forwarded",
                   message=message, verdict=verdict, answer_to=answer_to, context=context)
    queue(session, desk, purpose=f"appeal:{req.id}:{message.id}", category="notice", template="notice_appeal",
          to=list(desk.config.office.managers), request_pk=req.id,
          context={"reference": req.reference, "district_name": desk.district_name(req.district),
                   "sender": answer_to or req.sender or "-", "item": req.item, "rejected_reason": rejected or "",
                   **context})


def reopen_for_appeal(session: Session, desk: Desk, req: Request, *, actor: str, via: str) -> None:
    """A manager grants the district's appeal of the rejected *req*: it waits for that manager's decision
    again (approve() then decides it, as of a held request). Recorded and audited; the caller decides it in the
    same transaction, so a refused decision leaves it rejected."""
    if req.state != "rejected":
        raise InvalidAction(f"{req.reference} is {state_words(req.state)}; only a rejected request can be appealed")
    _record(session, desk, req, "appeal_granted", None, actor=actor, reasons=[{"code": "manager", "via": via}],
            arithmetic=[])
    req.state, req.updated_at = "held", desk.now()
    repo.audit(session, at=desk.now(), actor=actor, action="appeal-granted", target=req.reference,
               details={"via": via})


def decline_appeal(session: Session, desk: Desk, req: Request, reason: str, *, actor: str,
                   via: str) -> ActionOutcome:
    """A manager declines the district's appeal of the rejected *req*: it stays rejected, and the district is
    told, with the manager's reason, as its appeal's acknowledgement promised."""
    if not reason.strip():
        raise InvalidAction("declining an appeal needs a reason")
    decision = _record(session, desk, req, "appeal_declined", None, actor=actor,
                       reasons=[{"code": "manager", "via": via}], arithmetic=[], note=reason)
    session.flush()  # its id names the mail's purpose
    repo.audit(session, at=desk.now(), actor=actor, action="appeal-declined", target=req.reference,
               details={"reason": reason, "via": via})
    told = _district_mail(session, desk, req, purpose=f"decided:{decision.id}", template="reply_appeal_declined",
                          decision=True, context={"reason": reason, "decided_by": _decided_by(desk, actor)})
    return ActionOutcome("PERMOHONAN PERTIMBANGAN KEMBALI DITOLAK; permohonan tetap ditolak", None, reason,
                         told=_redirected(desk, req, told))


def dispatch(session: Session, desk: Desk, req: Request, *, actor: str, via: str) -> ActionOutcome:
    """The approved shipment left the province store."""
    _district_listed(desk, req)
    if req.state != "approved" or not req.approved or req.district is None:
        raise InvalidAction(f"{req.reference} is {state_words(req.state)}; only approved requests can be dispatched")
    from mailbot import attention

    # the district asked to cancel it ("permohonan ini dibatalkan saja"): nothing leaves the store until a person
    # settles that (rejects it, withdrawing the approval, or closes the item with why it still ships)
    if cancelled := [i for i in attention.open_items(session, kinds=("read",))
                     if i.request_pk == req.id and i.reason in ("cancellation", "cancellation_unclear")]:
        raise InvalidAction(f"{req.reference}: the district asked to cancel it (queue item "
                            f"{', '.join(str(i.id) for i in cancelled)}); not dispatched. Reject it, which withdraws "
                            "the approval (`mailbot reject REF --reason ...`), or close the item with why it still "
                            "ships (`mailbot queue close`), then dispatch")
    now = desk.now()
    ledger.book(session, Entry(req.item or "ktp-el", req.district, req.approved, EntryKind.SHIPMENT_DISPATCHED, now,
                               f"dispatch:{req.reference}", req.reference), actor=actor, request_pk=req.id)
    req.state, req.updated_at = "dispatched", now
    repo.audit(session, at=now, actor=actor, action="dispatch", target=req.reference,
               details={"quantity": req.approved, "via": via})
    # a receipt the district sent before this dispatch was recorded waits in the queue, unbooked: the district hears
    # it was not lost, and whoever dispatches that a person should look at it
    early = [i for i in attention.open_items(session, kinds=("read",))
             if i.request_pk == req.id and i.reason == "receipt_before_dispatch"]
    _district_mail(session, desk, req, purpose=f"dispatched:{req.id}", template="reply_dispatched", decision=True,
                   context={"quantity": req.approved, "when": now.astimezone(desk.tz).date().isoformat(),
                            "earlier_receipt": early[-1].quantity if early else None, "earlier": bool(early)})
    _close_items(session, desk, req, actor=actor, resolution=f"dikirim {req.approved}")
    waiting = (f"a receipt the district sent before this dispatch waits in the queue, not booked: item "
               f"{', '.join(str(i.id) for i in early)} (`mailbot queue list`)") if early else None
    return ActionOutcome("DIKIRIM", req.approved, note=waiting)


def confirm_receipt(session: Session, desk: Desk, req: Request | None, message: Message, verdict: Verdict, *,
                    district: str, item: str, thread: Request | None = None,
                    others: list[dict[str, object]] | None = None, rest_coming: bool = False,
                    stock_fix: list[dict[str, object]] | None = None, damage: str | None = None,
                    said_short: int | None = None) -> MessageOutcome:
    """The district confirms a shipment arrived: in transit becomes on hand; a shortfall is booked with its reason.
    *others* are the other blank's counts in the same mail (item, received, shipped, reference; shipped None when
    no shipment matches), named in the reply. *stock_fix*: the district's correction of the request's stock in the
    same mail (field, label, before, after), told in the same reply as passed on (changed_after_dispatch).
    *damage*: what the district said of blanks damaged or asked what to do; the reply says a person answers it.
    *said_short*: a shortfall the district states that is not the difference from the shipment ("tiba 700, kurang
    100" of 600 shipped, 800 asked); the reply sets the district's words beside the count, never only "lebih"."""
    source = f"message:{message.id}"
    shipped: int | None = None
    if any(d.field == "received" and d.reason in ("conflict", "unclear", "too_large", "negative")
           for d in verdict.doubts):
        return ask_back(session, desk, None, message, verdict, district=district, about="receipt", thread=thread)
    if req is not None and req.approved and verdict.received is None:
        # "sudah kami terima" without a count: nothing is booked until the district says how many arrived
        return ask_back(session, desk, None, message, verdict, district=district, about="receipt", thread=req)
    if req is not None and req.approved:
        shipped = req.approved
        book_receipt(session, desk, req, verdict.received, district=district, item=item, source=source,
                     actor=verdict.sender or "district")
    queue(session, desk, purpose=f"reply:{message.id}", category="reply", template="reply_receipt",
          to=[verdict.sender] if verdict.sender else [], request_pk=req.id if req else None,
          subject=reply_subject(verdict.subject, req.reference if req else None),
          context={"district_name": desk.district_name(district), "item": item, "received": verdict.received,
                   "shipped": shipped, "reference": req.reference if req else None,
                   "facts": facts(verdict, every_item=True),
                   "matched": req is not None, "others": others or [], "rest_coming": rest_coming,
                   "stock_fix": stock_fix or [], "damage": damage is not None,
                   "said_short": said_short if shipped else None, "requested": req.requested if req else None},
          reply_to=_in_conversation(session, req, message, verdict), writer_text=verdict.body_excerpt)
    return MessageOutcome.RECEIPT if req is not None else MessageOutcome.RECEIPT_UNMATCHED


def received_before(session: Session, req: Request) -> int | None:
    """The figure *req*'s receipt was last booked with."""
    from sqlalchemy import select
    row = session.scalar(select(Decision).where(Decision.request_pk == req.id, Decision.outcome == "received")
                         .order_by(Decision.id.desc()).limit(1))
    return row.quantity if row is not None else None


def correct_receipt(session: Session, desk: Desk, req: Request, message: Message, verdict: Verdict, *,
                    actor: str, second_part: bool = False, rest_coming: bool = False,
                    purpose: str | None = None) -> MessageOutcome:
    """A receipt in the thread of a shipment already received: the district corrects the count it gave, or
    (*second_part*) tells the rest of it arrived. The difference is an audited adjustment on that request, never
    a booking against another one. *rest_coming*: more of the shipment is still on its way; the reply says the
    difference is not final. *purpose*: the reply's, when the same mail gets another reply (a new ask in it)."""
    now = desk.now()
    district, item = req.district or "", req.item or "ktp-el"
    before = received_before(session, req)
    received = verdict.received if verdict.received is not None else before
    corrected_from = None
    if received is not None and before is not None and received != before:
        corrected_from = before
        ledger.book(session, Entry(item, district, received - before, EntryKind.ADJUSTMENT, now,
                                   f"message:{message.id}",
                                   f"koreksi penerimaan {req.reference}: diterima {received}, "
                                   f"sebelumnya tercatat {before}"), actor=actor, request_pk=req.id)
        req.updated_at = now
        _record(session, desk, req, "received", received, actor=actor, reasons=[], arithmetic=[],
                note=f"koreksi penerimaan: sebelumnya {before}")
        repo.audit(session, at=now, actor=actor, action="receipt-correction", target=req.reference,
                   details={"message": message.id, "before": before, "after": received})
    queue(session, desk, purpose=purpose or f"reply:{message.id}", category="reply", template="reply_receipt",
          to=[verdict.sender] if verdict.sender else [], request_pk=req.id,
          subject=reply_subject(verdict.subject, req.reference),
          context={"district_name": desk.district_name(district), "item": item, "received": received,
                   "shipped": req.approved, "reference": req.reference, "facts": facts(verdict, every_item=True),
                   "corrected_from": corrected_from, "matched": True, "second_part": second_part,
                   "rest_coming": rest_coming},
          reply_to=_in_conversation(session, req, message, verdict), writer_text=verdict.body_excerpt)
    return MessageOutcome.RECEIPT_CORRECTED if corrected_from is not None else MessageOutcome.RECEIPT_CONFIRMED


def book_receipt(session: Session, desk: Desk, req: Request, received: int | None, *, district: str, item: str,
                 source: str, actor: str) -> None:
    """Book a shipment of *req* as arrived (*received* cards, or all that was shipped) and mark it received."""
    now = desk.now()
    shipped = req.approved or 0
    got = received if received is not None else shipped
    if req.state == "approved":  # shipped without `mailbot dispatch`: the receipt proves it left
        ledger.book(session, Entry(item, district, shipped, EntryKind.SHIPMENT_DISPATCHED, now,
                                   f"dispatch:{req.reference}", req.reference), actor="receipt",
                    request_pk=req.id)
    ledger.receive(session, district=district, item=item, shipped=shipped, received=got, at=now,
                   source=source, actor=actor, request_pk=req.id, reference=req.reference)
    req.state, req.updated_at = "received", now
    _record(session, desk, req, "received", got, actor=actor, reasons=[], arithmetic=[])


def receive_supply(session: Session, desk: Desk, *, item: str, quantity: int, note: str, actor: str,
                   force: bool = False) -> None:
    """Book a delivery to the province store. The same quantity with the same note within a day is taken
    for the same delivery typed twice (the up-arrow and Enter) and refused unless *force*."""
    now = desk.now()
    if not force:
        from datetime import timedelta

        from sqlalchemy import select

        from mailbot.indonesian import zoned
        from mailbot.store.schema import LedgerEntry

        earlier = session.scalars(
            select(LedgerEntry).where(LedgerEntry.kind == EntryKind.SUPPLY_RECEIVED.value, LedgerEntry.item == item,
                                      LedgerEntry.location == PROVINCE, LedgerEntry.on_hand == quantity,
                                      LedgerEntry.at >= now - timedelta(days=1))
            .order_by(LedgerEntry.at.desc())).all()
        same = [e for e in earlier if _same_note(e.note or "", note)]
        if same:
            noted = f"with the note {note.strip()!r}" if note.strip() else "with no note"
            when = zoned(same[0].at, desk.tz)
            raise InvalidAction(f"{number(quantity)} {item} {noted} was booked already at {when}; "
                                "if this is another delivery, add --force (better: a --note naming its letter)")
    source = f"supply:{now.isoformat()}:{actor}"
    ledger.book(session, Entry(item, PROVINCE, quantity, EntryKind.SUPPLY_RECEIVED, now, source, note), actor=actor)
    repo.audit(session, at=now, actor=actor, action="supply", target=item, details={"quantity": quantity,
                                                                                    "note": note})


def _same_note(one: str, other: str) -> bool:
    """Two delivery notes that name the same letter as typed by people: case and spacing do not matter
    ("Kiriman  pusat " is "kiriman pusat")."""
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def adjust(session: Session, desk: Desk, *, location: str, item: str, delta: int, reason: str, actor: str,
           reconciling: int | None = None) -> None:
    """Book *delta* pieces at *location*. *reconciling*: the stock-difference queue item this adjustment settles
    (the books brought to what the district stated), kept in its source so the statement it settles is not
    rolled forward by it (mailbot.stated.latest)."""
    now = desk.now()
    source = (f"{RECONCILING}{reconciling}:{now.isoformat()}:{actor}" if reconciling is not None
              else f"adjust:{now.isoformat()}:{actor}")
    ledger.book(session, Entry(item, location, delta, EntryKind.ADJUSTMENT, now, source, reason), actor=actor)
    repo.audit(session, at=now, actor=actor, action="adjust", target=f"{location}:{item}",
               details={"delta": delta, "reason": reason})


def _reported_by(session: Session, desk: Desk, message_pk: int | None, req: Request) -> str | None:
    """The address that reported a receipt difference (the receipt's sender), when it is one of *req*'s district's
    own registered addresses: it hears how the difference was settled, beside the request's sender. None for any
    other address: a district's settlement goes to no one outside it."""
    message = session.get(Message, message_pk) if message_pk is not None else None
    district = desk.config.district(req.district) if req.district else None
    sender = str(message.sender or "") if message is not None else ""
    registered = {a.lower() for a in district.senders} if district is not None else set()
    return sender if sender.lower() in registered else None


def tell_discrepancy_resolved(session: Session, desk: Desk, item_id: int, reason: str, *, change: int) -> int | None:
    """A receipt difference a person resolved (`mailbot resolve`, queue item *item_id*, *change* pieces booked at
    the district with *reason*): the district hears once, in its request's thread, how it was settled (what was
    shipped, what it counted, what was booked and the reason as typed). Returns the request told of, or None when
    the item is no receipt difference of a request (a stock difference has no thread to answer in)."""
    from mailbot.store.schema import AttentionItem

    row = session.get(AttentionItem, item_id)
    req = session.get(Request, row.request_pk) if row is not None and row.request_pk is not None else None
    if row is None or row.kind != "discrepancy" or req is None or not req.approved:
        return None
    received = received_before(session, req)
    difference = row.quantity or 0
    _district_mail(session, desk, req, purpose=f"resolved:{item_id}", template="reply_discrepancy_resolved",
                   decision=True, answer_to=_reported_by(session, desk, row.message_pk, req),
                   context={"shipped": req.approved, "received": received if received is not None
                            else req.approved - difference, "difference": abs(difference),
                            "short": difference > 0, "change": change, "reason": reason})
    return req.id


def supersede(session: Session, desk: Desk, old: Request, new: Request, *, actor: str, message: Message) -> None:
    """*old* (a request no one could verify, still waiting) is superseded by *new*, the same request the district's
    office forwarded from its own address (conversation.forwarded_unverified): *old* is closed and linked to *new*,
    its queue items closed, and the managers, when it waited for them, hear once that it no longer does and which
    reference stands. Nothing was approved for *old*, so nothing is released and nothing can be shipped twice."""
    held = old.state == "held"
    _record(session, desk, old, "supersede", None, actor=actor,
            reasons=[{"code": "superseded", "by": new.reference}], arithmetic=[],
            note=f"digantikan oleh {new.reference}, diteruskan dari alamat resmi {actor}")
    old.state, old.linked_to, old.updated_at, old.held_since = "superseded", new.id, desk.now(), None
    old.approved = None  # a figure proposed for it is no promise of blanks: only the standing request has one
    repo.audit(session, at=desk.now(), actor=actor, action="supersede", target=old.reference,
               details={"by": new.reference, "message": message.id})
    session.flush()
    if held:
        queue(session, desk, purpose=f"superseded:{old.id}:{new.id}", category="notice",
              template="notice_superseded", to=desk.config.office.managers, request_pk=old.id,
              context={"reference": old.reference, "new_reference": new.reference,
                       "district_name": desk.district_name(old.district), "item": old.item,
                       "requested": old.requested, "writer": old.sender, "office_address": actor,
                       "new_state": new.state, "new_approved": new.approved})
    _close_items(session, desk, old, actor=actor, resolution=f"digantikan oleh {new.reference}")
