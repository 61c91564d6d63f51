"""Corrections by a person: the right reading of a stored message, kept as a label (the format of the
labelled reading sets), and carried through by audited adjustments; labels moved between offices and
used to measure the reader."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot import actions, attention, conversation, stated
from mailbot.desk import Desk, reader_districts
from mailbot.errors import InvalidAction, MailbotError, UsageError
from mailbot.indonesian import FIELD_LABELS, number
from mailbot.labels import LABEL_KEYS, keep_label, label_of
from mailbot.outcomes import outcome_words, state_words
from mailbot.reader import read_message
from mailbot.reader.verdict import QUANTITY_FIELDS, Item, Kind, Verdict
from mailbot.stock.ledger import MAX_BALANCE
from mailbot.store import repo
from mailbot.store.schema import Label, Message, Report, Request

KINDS = ("request", "stock_report", "receipt", "automated", "other")
ITEMS = ("ktp-el", "kia")
COMPARED = ("kind", "district", "item", *QUANTITY_FIELDS, "sender_known")


def district_code(typed: str, districts: Mapping[str, str]) -> str | None:
    """The district *typed* names, by code or name (*districts*: code -> name), spaces and case aside:
    "65.01", " 65.01 ", "Kabupaten Bulungan", "bulungan"; None when it names none.

    >>> district_code(" bulungan ", {"65.01": "Kabupaten Bulungan", "65.71": "Kota Tarakan"})
    '65.01'
    >>> district_code("65.99", {"65.01": "Kabupaten Bulungan"}) is None
    True
    """
    wanted = " ".join(typed.split()).lower()
    for code, name in districts.items():
        short = re.sub(r"^(kabupaten|kab\.?|kota)\s+", "", name.lower())
        if wanted in (code, name.lower(), short):
            return code
    return None


def unknown_district(typed: str, districts: Mapping[str, str]) -> str:
    """Why *typed* is refused as a district (*districts*: code -> name), with every district it may name.

    >>> unknown_district("65.7", {"65.01": "Kabupaten Bulungan", "65.71": "Kota Tarakan"})
    "'65.7' is no district of this desk; write one of: 65.01 Kabupaten Bulungan, 65.71 Kota Tarakan (the code \
or the name, e.g. 65.71 or Tarakan)"
    """
    listed = ", ".join(f"{code} {name}" for code, name in districts.items())
    code, name = list(districts.items())[-1] if districts else ("65.01", "Kabupaten Bulungan")
    short = re.sub(r"^(kabupaten|kab\.?|kota)\s+", "", name, flags=re.IGNORECASE)
    return (f"{typed.strip()!r} is no district of this desk; write one of: {listed} (the code or the name, e.g. "
            f"{code} or {short})")


def parse_fields(pairs: list[str], *, maximum: int, districts: Mapping[str, str] | None = None) -> dict[str, object]:
    """field=value pairs as a person types them ("requested=2.000", "item=kia", "stock_on_hand=null").
    A district is a code or a name of *districts* (code -> name), kept as its code; an item or a kind is
    read whatever its case.

    A figure is read by the one quantity reader (mailbot.quantities), within *maximum* ([stock]
    max_quantity_per_movement, what a district's mail may state too); only a request's figure must be
    above zero ("habis" is a stock of 0). What cannot be taken is a UsageError (typed input, exit 2)."""
    from mailbot.errors import QuantityError
    from mailbot.quantities import parse_quantity

    fields: dict[str, object] = {}
    given: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or name not in LABEL_KEYS:
            raise UsageError(f"{pair!r}: expected field=value with field one of {', '.join(LABEL_KEYS)}")
        if name in given:  # "requested=1.500 requested=2.000": which one was meant is not for mailbot to guess
            raise UsageError(f"{name} is given twice ({given[name]!r} and {value!r}); give it once")
        given[name] = value
        if not value:  # "requested=" (an unset shell variable, say): emptying a field is said in so many words
            raise UsageError(f"{name}: no value given after '='; to empty the field write {name}=null")
        if value.lower() in ("null", "none", "-"):
            fields[name] = [] if name == "tags" else None
        elif name in QUANTITY_FIELDS:
            try:
                fields[name] = parse_quantity(value, zero=name != "requested", maximum=maximum)
            except QuantityError as exc:
                raise UsageError(f"{name}: {exc}") from None
        elif name in ("sender_known", "needs_attachment"):
            if value.lower() not in ("true", "false"):
                raise UsageError(f"{name}: expected true or false, got {value!r}")
            fields[name] = value.lower() == "true"
        elif name == "tags":
            fields[name] = [t for t in value.split(",") if t]
        elif name == "kind":
            if value.lower() not in KINDS:
                raise UsageError(f"kind: expected one of {', '.join(KINDS)}, got {value!r}")
            fields[name] = value.lower()
        elif name == "item":
            if value.lower() not in ITEMS:
                raise UsageError(f"item: expected one of {', '.join(ITEMS)}, got {value!r}")
            fields[name] = value.lower()
        elif name == "district" and districts is not None:
            code = district_code(value, districts)
            if code is None:
                raise UsageError(f"district: {unknown_district(value, districts)}")
            fields[name] = code
        else:
            fields[name] = value
    if not fields:
        raise UsageError("give at least one field=value to correct")
    return fields


# --- correcting ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Corrected:
    label: dict[str, object]
    effects: list[str]  # what the correction changed, for the operator (English)
    told: tuple[int, ...] = ()  # the requests whose district the correction wrote to (the command says how it went)


def correct(session: Session, desk: Desk, message_pk: int, fields: dict[str, object], *, actor: str,
            reason: str) -> Corrected:
    """State the right reading of a stored message; re-route what it changed by audited adjustments."""
    message = session.get(Message, message_pk)
    if message is None:
        raise InvalidAction(f"no stored message {message_pk}; see `mailbot requests` or `mailbot queue list`")
    if not reason.strip():
        raise InvalidAction("a correction needs a reason (--reason)")
    queued_up_to = repo.last_outbox_id(session)
    existing = session.scalar(select(Label).where(Label.message_pk == message.id))
    before = dict(existing.label) if existing is not None else label_of(message)
    after = {**before, **fields}
    keep_label(session, desk, message, after, origin="correction", actor=actor, reason=reason)
    # a mail now read as no request, report or receipt states no stock (unless a stock is typed for it): the
    # figure read from it is withdrawn first; a request it followed up may take its earlier stock back below
    unstated = stated.withdraw(session, desk, message, actor=actor, reason=reason) if (
        after.get("kind") not in ("request", "stock_report", "receipt") and "stock_on_hand" not in fields
        and session.scalar(select(Report.id).where(Report.message_pk == message.id)) is None) else []
    # the request the message opened before this correction (one the correction opens, an ask beside a receipt,
    # is the right reading's, never withdrawn by it)
    own = session.scalar(select(Request).where(Request.message_pk == message.id))
    effects, blocked, told = _reroute(session, desk, message, before, after, typed=set(fields), actor=actor,
                                      reason=reason)
    effects = unstated + effects
    if own is not None and after.get("kind") != "request":
        # the message is no longer read as a request: the request it opened (or linked to an open one)
        # is withdrawn, its approval released, and the district told; a dispatched shipment stays
        if own.state in actions.WITHDRAWABLE:
            released = own.approved if own.state == "approved" else None
            actions.withdraw(session, desk, own, reason, actor=actor, kind=str(after.get("kind") or ""))
            effects.append(f"{own.reference} closed as no request"
                           + (f", its approval of {number(released)} released" if released else ""))
            told.append(own.id)
        elif own.state in ("dispatched", "received"):
            effects.append(f"{own.reference} is {own.state}: a shipment already dispatched is not undone "
                           "(settle it with `mailbot adjust`)")
    for item in attention.open_items(session):
        if item.message_pk == message.id and item.kind == "read":
            if blocked:
                # the right reading could not reach the request: the message still needs a person
                effects.append(f"queue item {item.id} stays open: {blocked}")
                continue
            attention.close(session, desk, item.id, actor=actor, resolution=f"dikoreksi: {reason}")
            effects.append(f"queue item {item.id} closed")
    for request_pk in dict.fromkeys(told):
        if not repo.district_mail_since(session, queued_up_to, request_pk):
            continue  # nothing new was said to the district: what waits is still its word
        withdrawn = repo.withdraw_superseded(
            session, request_pk=request_pk, up_to=queued_up_to, at=desk.now(), actor=actor,
            why=f"withdrawn: superseded by the correction of message {message.id} (mailbot correct); the district "
                "is told the corrected decision instead")
        if withdrawn:
            reference = session.get(Request, request_pk)
            effects.append(f"earlier reply about {reference.reference if reference else request_pk} still waiting "
                           f"(outbox {', '.join(map(str, withdrawn))}) withdrawn, not sent: the new one replaces it")
    if not effects:
        effects.append("label stored; nothing booked from this message changes")
    repo.audit(session, at=desk.now(), actor=actor, action="correct", target=f"message:{message.id}",
               details={"before": before, "after": after, "reason": reason, "effects": effects})
    return Corrected(after, effects, tuple(told))


def _reroute(session: Session, desk: Desk, message: Message, before: dict[str, object], after: dict[str, object],
             *, typed: set[str], actor: str, reason: str) -> tuple[list[str], str | None, list[int]]:
    """Carry the corrected reading through; the effects (English, for the operator), why it could not
    reach the request it is about (None when it did, or had nothing to change), and the requests whose district
    was written to."""
    effects: list[str] = []
    # the stored mail is read at most once per correction, and only when a step needs its reading
    reading = functools.cache(lambda: read_message(message.raw or b"", reader_districts(desk.config),
                                                   own_addresses=desk.config.own_addresses))
    report = session.scalar(select(Report).where(Report.message_pk == message.id))
    stated_now = after.get("stock_on_hand")
    if report is not None and isinstance(stated_now, int) and stated_now != report.stock_on_hand:
        effects.append(conversation.correct_report(session, desk, report, stated_now, actor=actor, reason=reason,
                                                   source=f"correction:message:{message.id}:{desk.now().isoformat()}",
                                                   note=f"koreksi pembacaan laporan #{message.id}"))
    request = session.scalar(select(Request).where(Request.message_pk == message.id))
    follow_up = False
    if request is None and message.raw and report is None:
        request = _followed_up(session, message, reading())  # a follow-up: it changes the request it followed up
        follow_up = request is not None
    if _newly_received(before, after, typed) and report is None and message.raw:
        return _reroute_receipt(session, desk, message, reading(), after, request if follow_up else None,
                                actor=actor)
    if request is not None and not follow_up and after.get("kind") != "request":
        # the request's own mail is no longer read as a request: the request is withdrawn (by the caller), never
        # decided again first; a stock typed for the mail is the district's stated stock
        stock = after.get("stock_on_hand")
        if "stock_on_hand" in typed and isinstance(stock, int) and request.district:
            stated.record_for_request(session, desk, message, district=request.district,
                                      item=request.item or "ktp-el", quantity=stock, source="correction")
        return effects, None, []
    if request is not None:
        # the figures the person typed, over the request's current ones: a figure the district corrected in a
        # later mail stands unless the person typed it again
        targets = _targets(session, request, message, before, after, typed) if follow_up else {
            f: figure for f in conversation.FIGURES if f in typed and isinstance(figure := after.get(f), int)}
        # a figure typed for the request's own mail that the district corrected in a later mail: the district's
        # word stands, the first mail's reading is corrected in its label only (nothing decided again, no mail)
        corrected_later, restated_later = ({}, {}) if follow_up else _corrected_later(session, request, message,
                                                                                       before)
        for f, later in corrected_later.items():
            if f in targets:
                effects.append(f"{f}: the district's later correction ({number(later)}) stands; the first mail's "
                               f"reading is corrected to {number(targets.pop(f))} for the record")
        for f, later in restated_later.items():
            if f in targets and targets[f] != later:
                effects.append(f"{f}: the district's later mail ({number(later)}) stands, as it states the figure "
                               f"again; the first mail's reading is corrected to {number(targets.pop(f))} for the "
                               "record")
        # a figure the mail wrote but the reading left in doubt ("1.800, 350") was not missing: the district is
        # told it was unclear, never that it was not stated
        doubted = repo.written_unclearly(message)
        changed = [{"field": f, "label": FIELD_LABELS[f], "before": getattr(request, f),
                    "after": value, "by_us": True, "by": actor,
                    "unclear": getattr(request, f) is None and f in doubted}
                   for f, value in targets.items() if value != getattr(request, f)]
        if changed and request.state in conversation.CHANGEABLE and message.raw:
            outcome = conversation.redecide(session, desk, request, message, reading(), changed, actor=actor,
                                            sender_known=True, authenticated=True, purpose_tag=f"correction:{actor}",
                                            note=reason, hold=conversation.waiting_for_managers(session, request))
            stock = next((c["after"] for c in changed if c["field"] == "stock_on_hand"), None)
            if isinstance(stock, int) and request.district:
                # the stock the managers see follows the corrected reading (as a corrected report's does)
                stated.record_for_request(session, desk, message, district=request.district,
                                          item=request.item or "ktp-el", quantity=stock, source="correction")
            effects.append(f"{request.reference}: {', '.join(str(c['field']) for c in changed)} corrected"
                           f"{' (this message followed it up)' if follow_up else ''}; decided again "
                           f"({outcome_words(outcome)})")
            return effects, None, [request.id]
        elif changed:
            effects.append(f"{request.reference} is {state_words(request.state)}: nothing changed; a request in "
                           "that state cannot be decided again (settle a shipment with `mailbot adjust`)")
            return effects, f"{request.reference} is {state_words(request.state)} and cannot take the figures", []
        elif follow_up and targets:
            effects.append(f"{request.reference} (followed up by this message) already has these figures: "
                           "nothing to change")
        elif follow_up:
            effects.append(f"{request.reference} (followed up by this message): no figure given for it, "
                           "the request is unchanged")
    return effects, None, []


def _newly_received(before: dict[str, object], after: dict[str, object], typed: set[str]) -> bool:
    """Whether the corrected reading states a count received that the stored reading did not route as one: a
    receipt now, its count typed or changed, or the message read as something else before."""
    return after.get("kind") == "receipt" and isinstance(after.get("received"), int) and (
        before.get("kind") != "receipt" or "received" in typed or after.get("received") != before.get("received"))


def _reroute_receipt(session: Session, desk: Desk, message: Message, verdict: Verdict, after: dict[str, object],
                     thread: Request | None, *, actor: str) -> tuple[list[str], str | None, list[int]]:
    """A message now read as a receipt: booked as the district's receipt would have been (against the shipment
    of its thread, else the district's shipment on its way, never another request's in a thread; a count
    differing from what was shipped opens a discrepancy and the managers are told once; a shipment already
    received has its count corrected), and the district told. With no shipment to book it against, nothing is
    booked and the operator is told why."""
    from dataclasses import replace

    from mailbot import routes
    from mailbot.guards.trust import SenderTrust

    guard = message.guard or {}
    district = str(after.get("district") or guard.get("district") or verdict.district or "")
    item: Literal["ktp-el", "kia"] = "kia" if (after.get("item") or (thread.item if thread else None)) == "kia" \
        else "ktp-el"
    received = after["received"]
    assert isinstance(received, int)
    # in a thread, the receipt is about that thread's shipment only (as routes.receipt has it)
    shipment = thread if thread is not None else routes.shipment_of(session, district, item)
    if not district or shipment is None or not shipment.approved \
            or shipment.state not in ("approved", "dispatched", "received"):
        return ([f"no shipment of {item} to {district or 'an unknown district'} to book a receipt of "
                 f"{number(received)} against: nothing booked"],
                "no shipment to book the receipt against (dispatch it, then correct again)", [])
    before_state, before_count = shipment.state, actions.received_before(session, shipment)
    trust = SenderTrust(address=guard.get("address") or verdict.sender, district=district, is_manager=False,
                        on_list=True, authenticated=True, trusted=True, reasons=())
    figures = {f: value if isinstance(value := after.get(f), int) else None for f in QUANTITY_FIELDS}
    # a receipt asks for nothing: a figure read as requested was the misreading being corrected, unless it asks
    # for more blanks beside the count ("1.800 keping sudah kami terima ... mohon tambahan lagi 1.000 keping"):
    # that ask is a request of its own, never lost with the receipt
    corrected = replace(verdict, kind="receipt", district=district, item=item, doubts=(),
                        requested=None, stock_on_hand=figures["stock_on_hand"],
                        received=received, printed=figures["printed"], recorded=figures["recorded"])
    asked = after.get("requested")
    asks = conversation.new_ask_beside(replace(corrected, requested=asked), shipment, trust, None) \
        if isinstance(asked, int) and shipment.state == "dispatched" and after.get("item") in (None, item) \
        and session.scalar(select(Request.id).where(Request.message_pk == message.id)) is None else None
    if asks is not None:
        booked = conversation.received_beside_ask(session, desk, message, corrected, shipment)
        routes.request(session, desk, message, asks[1], trust, None, follows=shipment, received=booked,
                       reply_purpose=f"reply:{message.id}:correction:{actor}:{desk.now().isoformat()}")
    else:
        routes.receipt(session, desk, message, corrected, trust, shipment)
    shipped = shipment.approved
    if before_state == "received":
        effects = [f"{shipment.reference}: receipt corrected {number(before_count or 0)} -> {number(received)}, "
                   "adjustment booked"]
    else:
        effects = [f"{shipment.reference}: receipt of {number(received)} booked (shipped {number(shipped)})"]
    if asks is not None and (opened := session.scalar(select(Request).where(Request.message_pk == message.id))):
        effects.append(f"{opened.reference}: the {number(asks[1].requested or 0)} asked beside the receipt is a "
                       f"request of its own ({state_words(opened.state)}); the district is told both in one reply")
    if received != shipped:
        effects.append(f"{shipment.reference}: {'short' if received < shipped else 'over'} by "
                       f"{number(abs(shipped - received))}, a discrepancy is open and the managers are told")
    return effects, None, [shipment.id]


def _targets(session: Session, request: Request, message: Message, before: dict[str, object],
             after: dict[str, object], typed: set[str]) -> dict[str, int]:
    """The request's figures a corrected follow-up stands for: the figures the person changed or typed (a
    follow-up in doubt never reached the request, even where its stored reading held the right figure), and,
    where the follow-up is now read as carrying no figure (a question, another blank), the figures it changed
    put back."""
    from mailbot.store.schema import Decision

    set_by_it: dict[str, int] = {}
    for row in session.scalars(select(Decision).where(Decision.request_pk == request.id,
                                                      Decision.outcome == "updated").order_by(Decision.id)):
        for reason in row.reasons or []:
            if reason.get("message") == message.id:
                for change in reason.get("changes", []):
                    if isinstance(change.get("before"), int):
                        set_by_it.setdefault(str(change["field"]), change["before"])
    other_item = after.get("item") not in (None, request.item)
    figureless = after.get("kind") in ("automated", "other") or other_item
    targets: dict[str, int] = {}
    for f in conversation.FIGURES:
        value = after.get(f)
        if not other_item and isinstance(value, int) and f in typed:
            targets[f] = value  # a figure the person typed is the request's, whatever kind the message was read as
        elif not figureless and isinstance(value, int) and value != before.get(f):
            targets[f] = value
        elif (figureless or value is None) and f in set_by_it:
            targets[f] = set_by_it[f]
    return targets


def _corrected_later(session: Session, request: Request, message: Message,
                     before: dict[str, object]) -> tuple[dict[str, int], dict[str, int]]:
    """The figures of *request* (opened by *message*, read as *before*) that the district set in a later mail
    and that still stand, and those a later mail that changed the request states again as they stand: each field
    -> the figure. A figure last changed by *message* itself (a correction of it), or put back to *message*'s
    reading (the later mail corrected to carry no figure), is none of the first."""
    from mailbot.store.schema import Decision

    last: dict[str, tuple[object, object]] = {}  # field -> (the message that last changed it, to what)
    later: list[int] = []  # the district's later mails that changed the request, the latest first
    for row in session.scalars(select(Decision).where(Decision.request_pk == request.id,
                                                      Decision.outcome == "updated").order_by(Decision.id.desc())):
        for reason in row.reasons or []:
            by = reason.get("message") if isinstance(reason, dict) else None
            if isinstance(by, int) and by != message.id and by not in later:
                later.append(by)
            for change in (reason.get("changes") or []) if isinstance(reason, dict) else []:
                last.setdefault(str(change.get("field")), (reason.get("message"), change.get("after")))
    standing = {f: figure for f in conversation.FIGURES if f in last
                for by, figure in [last[f]] if isinstance(figure, int) and by != message.id
                and figure == getattr(request, f) and figure != before.get(f)}
    return standing, {f: figure for f in conversation.FIGURES if f not in standing
                      for figure in [_restated(session, later, f)]
                      if isinstance(figure, int) and figure == getattr(request, f)}


def _restated(session: Session, later: list[int], field: str) -> int | None:
    """The figure of *field* the latest of the district's *later* mails states, as read or as a person corrected
    its reading ("kebutuhan kami 1.800 (bukan 1.500), sisa stok benar 420": the stock said again, unchanged)."""
    for pk in later:
        mail = session.get(Message, pk)
        if mail is None:
            continue
        kept = session.scalar(select(Label).where(Label.message_pk == pk))
        figure = (dict(kept.label) if kept is not None else label_of(mail)).get(field)
        if isinstance(figure, int):
            return figure
    return None


def _followed_up(session: Session, message: Message, verdict: Verdict) -> Request | None:
    """The request *message* (read as *verdict*) followed up (reference in its subject, or In-Reply-To/References),
    from the same district."""
    thread = conversation.find_thread(session, verdict) or _updated_by(session, message)
    district = (message.guard or {}).get("district") or verdict.district
    if thread is None or (district is not None and thread.district != district):
        return None
    return thread


def _updated_by(session: Session, message: Message) -> Request | None:
    """The request *message* changed as a follow-up without being in its thread (a correction that lost it)."""
    from mailbot.store.schema import Decision

    for row in session.scalars(select(Decision).where(Decision.outcome == "updated").order_by(Decision.id.desc())):
        if any(reason.get("message") == message.id for reason in row.reasons or []):
            return session.get(Request, row.request_pk)
    return None


# --- labels out and in ---------------------------------------------------------------------------

def export_labels(session: Session, folder: Path) -> int:
    """Write every labelled message as corpus/NNN.eml with labels.json beside (the reading sets' format).

    All or nothing: the export is written into a folder of its own inside *folder* and moved into place only when
    whole, so a disk that fills (or any failed write) leaves no half export, and an earlier one (--force) is
    replaced only by a whole one."""
    import shutil
    import tempfile

    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".labels-export-", dir=folder))
    try:
        corpus = staging / "corpus"
        corpus.mkdir()
        labels: dict[str, dict[str, object]] = {}
        rows = session.execute(select(Label, Message).join(Message, Message.id == Label.message_pk)
                               .where(Message.raw.is_not(None)).order_by(Label.id)).all()
        for n, (label, message) in enumerate(rows, start=1):
            name = f"{n:03d}.eml"
            (corpus / name).write_bytes(message.raw or b"")
            labels[name] = {k: label.label.get(k) for k in LABEL_KEYS}
        (staging / "labels.json").write_text(json.dumps(labels, indent=1, sort_keys=True, ensure_ascii=False)
                                             + "\n")
        if (folder / "corpus").exists():  # the earlier export's, overwritten (--force)
            shutil.rmtree(folder / "corpus")
        corpus.rename(folder / "corpus")
        (staging / "labels.json").replace(folder / "labels.json")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if made:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return len(labels)


@dataclass(frozen=True)
class Imported:
    """What `labels import` did: labels new to this desk, labels that replaced another, labels already there."""

    new: int = 0
    changed: int = 0
    same: int = 0

    @property
    def total(self) -> int:
        return self.new + self.changed + self.same


def import_labels(session: Session, desk: Desk, folder: Path, *, actor: str) -> Imported:
    """Read labels.json and corpus/*.eml; a message not stored yet is archived as labelled mail only. A label the
    desk already holds for the same message is left as it is (and counted as already there). All or nothing:
    every label and every message is checked before the first is stored (see `read_label_set`)."""
    from mailbot.guards.threads import identify

    new = changed = same = 0
    for name, raw, wanted in read_label_set(folder, districts={d.code for d in desk.config.districts}):
        message_id, key = identify(raw)
        message = repo.find_message(session, key) or repo.find_message(session, f"label:{key}")
        if message is None:
            message = Message(dedup_key=f"label:{key}", message_id=message_id, inbox_key=f"labels:{name}",
                              sender=None, subject="", size=len(raw), sha256=hashlib.sha256(raw).hexdigest(), raw=raw,
                              received_at=desk.now(), status="labelled")
            session.add(message)
            session.flush()
        held = session.scalar(select(Label).where(Label.message_pk == message.id))
        if held is not None and {k: held.label.get(k) for k in LABEL_KEYS} == wanted:
            same += 1
            continue
        keep_label(session, desk, message, wanted, origin="import", actor=actor, reason=f"diimpor dari {folder}")
        if held is None:
            new += 1
        else:
            changed += 1
    return Imported(new, changed, same)


def _no_repeated_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object, refused when it names a key twice (json keeps the last one and drops the other)."""
    seen: dict[str, object] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key {key!r} is given twice")
        seen[key] = value
    return seen


def read_label_set(folder: Path, *, districts: set[str]) -> list[tuple[str, bytes, dict[str, object]]]:
    """Each (file name, message, label) of the label set in *folder*, checked whole: a label names a message
    in the set's own corpus/ folder (a bare file name, no link leading out of it), the message is mail cut off
    nowhere, and the label holds exactly the label keys with values this desk knows (its districts, the kinds
    and items of the reader); MailbotError with one line for the first that is not."""
    from mailbot.cutoff import cut_off
    from mailbot.errors import NotAnEmailError
    from mailbot.reader.mime import parse_message

    path = folder / "labels.json"
    try:
        labels = json.loads(path.read_text(), object_pairs_hook=_no_repeated_keys)
    except (OSError, ValueError) as exc:
        raise MailbotError(f"{path}: cannot read labels ({exc}); nothing was imported") from None
    if not isinstance(labels, dict):
        raise MailbotError(f"{path}: expected an object of file name -> label; nothing was imported")
    corpus = folder.resolve() / "corpus"
    found: list[tuple[str, bytes, dict[str, object]]] = []
    for name, label in sorted(labels.items()):
        where = f"{path}: {name!r}"
        if not isinstance(label, dict) or set(label) != set(LABEL_KEYS):
            raise MailbotError(f"{where}: a label needs exactly the keys {', '.join(LABEL_KEYS)}; "
                               "nothing was imported")
        why = _odd_label(label, districts)
        if why:
            raise MailbotError(f"{where}: {why}; nothing was imported")
        file = corpus / name
        if not _BARE_NAME.fullmatch(name) or file.resolve().parent != corpus:
            raise MailbotError(f"{where}: a label names a file of the set's own corpus/ folder by its bare name "
                               "(such as 001.eml), not a path or a link out of it; nothing was imported")
        try:
            if file.exists() and not file.is_file():
                raise MailbotError(f"{file}: not a file; a label names an .eml file; nothing was imported")
            raw = file.read_bytes()
        except OSError as exc:
            raise MailbotError(f"{file}: {exc.strerror}; nothing was imported") from None
        try:
            parse_message(raw)
        except NotAnEmailError as exc:
            raise MailbotError(f"{file}: {exc}; nothing was imported") from None
        cut = cut_off(raw)
        if cut is not None:
            raise MailbotError(f"{file}: cut off before its end ({cut}); nothing was imported")
        found.append((name, raw, {k: label[k] for k in LABEL_KEYS}))
    return found


# A file name of its own: no folder, no "..", no hidden file, no control character.
_BARE_NAME = re.compile(r"[^./\\\x00-\x1f][^/\\\x00-\x1f]{0,200}")


def _odd_label(label: dict[str, object], districts: set[str]) -> str | None:
    """What in *label* (with exactly the label keys) this desk does not know; None when all is known."""
    odd = [f for f in QUANTITY_FIELDS if label[f] is not None
           and not (type(label[f]) is int and 0 <= label[f] <= MAX_BALANCE)]  # type: ignore[operator]
    if odd:
        return f"{odd[0]} must be a whole number of pieces from 0 or null, got {label[odd[0]]!r}"
    if label["kind"] not in get_args(Kind):
        return f"kind {label['kind']!r} is no kind of mail (kinds are {', '.join(get_args(Kind))})"
    if label["district"] is not None and label["district"] not in districts:
        return f"district {label['district']!r} is no district of this desk (codes are {', '.join(sorted(districts))})"
    if label["item"] is not None and label["item"] not in get_args(Item):
        return f"item {label['item']!r} is no item (items are {', '.join(get_args(Item))})"
    for flag in ("needs_attachment", "sender_known"):
        if type(label[flag]) is not bool:
            return f"{flag} must be true or false, got {label[flag]!r}"
    tags = label["tags"]
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        return f"tags must be a list of words, got {tags!r}"
    return None


# --- agreement -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Agreement:
    messages: int
    entirely_right: int
    fields: int
    fields_right: int
    wrong_numbers: list[tuple[int, str, object, object]]  # (message, field, label, reader)
    differences: list[tuple[int, str, object, object]]


def agreement(desk: Desk) -> Agreement:
    """The current reader against every stored label: fields right, and numbers stated wrongly."""
    messages = entirely = fields = right = 0
    wrong: list[tuple[int, str, object, object]] = []
    differences: list[tuple[int, str, object, object]] = []
    with desk.sessions() as session:
        rows = session.execute(select(Label, Message).join(Message, Message.id == Label.message_pk)
                               .where(Message.raw.is_not(None)).order_by(Message.id)).all()
        for label, message in rows:
            try:
                now = read_message(message.raw or b"", reader_districts(desk.config),
                                   own_addresses=desk.config.own_addresses).as_dict()
            except MailbotError:
                now = {"kind": "error"}
            messages += 1
            all_right = True
            for name in COMPARED:
                expected, got = label.label.get(name), now.get(name)
                fields += 1
                if expected == got:
                    right += 1
                    continue
                all_right = False
                differences.append((message.id, name, expected, got))
                if name in QUANTITY_FIELDS and got is not None:
                    wrong.append((message.id, name, expected, got))
            entirely += all_right
    return Agreement(messages, entirely, fields, right, wrong, differences)
