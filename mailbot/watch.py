"""Watching the stock: alerts to managers (each condition once per period) and the managers' digest."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mailbot import attention, stated
from mailbot.desk import Desk
from mailbot.digest import ProvinceMoves, RequestSummary, WaitingRequest, build_digest_view, reason_words, render_digest
from mailbot.history import policy_codes
from mailbot.indonesian import decided_by_words, item_name, long_date, number
from mailbot.outbox import FlushResult, flush
from mailbot.outgoing import queue
from mailbot.render import Rendered
from mailbot.stock.alerts import Alert, AlertSnapshot, HeldRequest, alert_context, alert_template, iso_week
from mailbot.stock.alerts import check_alerts as alert_conditions
from mailbot.stock.explain import explain_id, no_proposal
from mailbot.stock.ledger import EntryKind
from mailbot.stock.status import with_stated
from mailbot.store import repo
from mailbot.store import stock as ledger
from mailbot.store.schema import Alert as AlertRow
from mailbot.store.schema import AuditEvent, Decision, Digest, LedgerEntry, Message, OutboxMessage, Request
from mailbot.transports.base import Sender

log = logging.getLogger(__name__)


def check_alerts(desk: Desk) -> int:
    """Run every alert check now, in its own transaction; returns how many new alerts were queued."""
    with desk.sessions.begin() as session:
        return check_alerts_in(session, desk)


def check_alerts_in(session: Session, desk: Desk, *, silence: bool = True) -> int:
    """Raise every alert condition that holds and was not raised before for its period.

    Without *silence*, districts that stopped reporting are not judged: a report read in the middle of a
    pass (a backlog, an archive, a re-import after a restore) is not the district's latest yet.
    """
    now = desk.now()
    status = ledger.stock_status(session, desk, today=now.date())
    held = [
        HeldRequest(r.reference, r.district, r.item, _aware(r.held_since or r.created_at, desk), r.requested,
                    r.approved, "" if r.approved else no_proposal(policy_codes(session, r)))
        for r in session.scalars(select(Request).where(Request.state == "held"))
    ]
    open_requests: dict[tuple[str, str], tuple[str, ...]] = {}
    for r in session.scalars(select(Request).where(Request.state.in_(repo.OPEN_STATES),
                                                   Request.linked_to.is_(None))):
        if r.district and r.item:
            open_requests[(r.district, r.item)] = (*open_requests.get((r.district, r.item), ()), r.reference)
    started = session.scalar(select(func.min(LedgerEntry.at)))
    snapshot = AlertSnapshot(status=status, held=tuple(held), open_requests=open_requests,
                             reports_expected_since=_aware(started, desk).date() if started else None)
    raised = attention.check_waiting(session, desk)
    for alert in alert_conditions(snapshot, now, desk.config.stock, desk.config.alerts, silence=silence):
        new = _remember(session, alert.key, alert.kind, alert.district, dict(alert.data), now)
        # A proposal has its own key: a low district the province could not serve when the alert went
        # out gets its proposal as soon as stock allows, not a week later.
        request = _proactive_request(session, desk, alert)
        if new or request is not None:
            _send_alert(session, desk, alert, request, purpose=f"alert:{alert.key}" + ("" if new else ":proposal"))
            raised += 1
    return raised


def _remember(session: Session, key: str, kind: str, district: str | None, details: dict[str, object],
              now: datetime) -> bool:
    """Record a condition under its unique key; False if it was recorded before (nothing to send)."""
    if session.scalar(select(AlertRow.id).where(AlertRow.key == key)) is not None:
        return False
    session.add(AlertRow(key=key, kind=kind, district=district, details=details, at=now))
    session.flush()
    return True


def _proactive_request(session: Session, desk: Desk, alert: Alert) -> Request | None:
    """A district low without asking: a held shipment proposal managers can approve with SETUJU."""
    proposal = alert.proposal
    if alert.kind != "below_threshold" or proposal is None or proposal.quantity <= 0 or alert.district is None:
        return None
    now = desk.now()
    key = f"proposal:{alert.item}:{alert.district}:{iso_week(now.date())}"
    if not _remember(session, key, "proposal", alert.district, {"quantity": proposal.quantity}, now):
        return None
    req = Request(reference=repo.next_reference(session, now.year), district=alert.district, item=alert.item,
                  message_pk=None, sender=None, requested=None, stock_on_hand=None, state="held",
                  approved=proposal.quantity, proactive=True, created_at=now, updated_at=now, held_since=now)
    session.add(req)
    session.flush()
    session.add(Decision(request_pk=req.id, outcome="propose", quantity=proposal.quantity,
                         reasons=proposal.reasons_json(), arithmetic=proposal.steps_json(), actor="policy",
                         note="; ".join(explain_id(proposal)), at=now))
    return req


def _send_alert(session: Session, desk: Desk, alert: Alert, request: Request | None, *, purpose: str) -> None:
    name = desk.district_name(alert.district) if alert.district else None
    queue(session, desk, purpose=purpose, category="alert", template=alert_template(alert),
          to=desk.config.office.managers, request_pk=request.id if request else None,
          context={**alert_context(alert, name), "reference": request.reference if request else None})


# --- the digest ----------------------------------------------------------------------------------

def build_digest(desk: Desk, *, now: datetime | None = None) -> tuple[str, str, str]:
    """(subject, text, html) of the digest as of *now*."""
    with desk.sessions() as session:
        return _build(session, desk, now or desk.now())


def _build(session: Session, desk: Desk, now: datetime) -> tuple[str, str, str]:
    status = ledger.stock_status(session, desk, today=now.date())
    # Changes since the last scheduled digest: one sent by hand (`digest --send`, its period a full
    # timestamp) does not shorten what the next one, or `digest --print`, shows.
    last = session.scalar(select(func.max(Digest.at)).where(Digest.period.not_like("%T%")))
    since = _aware(last, desk) if last else None
    decided = select(Decision, Request).join(Request, Request.id == Decision.request_pk)
    if since is not None:
        decided = decided.where(Decision.at > since)
    # a request linked beside the district's open one (from its second address) is listed by its link until decided
    rows = [(d, r) for d, r in session.execute(decided.order_by(Decision.id))
            if d.outcome not in ("updated", "joined")]
    decisions = _request_lines(session, desk, rows, since)
    waiting = [
        WaitingRequest(r.reference, desk.district_name(r.district), r.item, _aware(r.held_since or r.created_at, desk),
                       r.requested, r.approved, _last_reasons(session, r), bool(r.proactive),
                       unclear=_asked_unclearly(session, r),
                       no_proposal_why="" if r.approved else no_proposal(policy_codes(session, r)))
        for r in session.scalars(select(Request).where(Request.state == "held").order_by(Request.id))
    ]
    said = stated.latest(session)
    # each district's row at the stock it stated last, when that differs from the ledger's (said so in the row)
    shown = with_stated(status, {key: (s.quantity, _aware(s.at, desk).date()) for key, s in said.items()},
                        desk.config.stock.critical_cover_days)
    view = build_digest_view(
        shown, office_name=desk.config.office.name, now=now, since=since, decisions=decisions, waiting=waiting,
        reserve=desk.config.stock.reserve, working_days=desk.config.stock.working_days,
        silent_working_days=desk.config.alerts.silent_working_days,
        held_request_hours=desk.config.alerts.held_request_hours,
        province_moves=_province_moves(session, since),
    )
    waiting_for_people = attention.digest_lines(session, desk, now)
    view = replace(view, attention=waiting_for_people, stated=stated_lines(session, desk, said),
                   capped=capped_lines(session, desk, since))
    # stated under the threshold where the ledger's table shows the district safe (a district the table
    # already shows low or critical is counted there)
    low_stated = [s for s in said.values()
                  if (row := status.row(s.district, s.item)) is not None and row.state == "ok"
                  and s.quantity < row.threshold]
    if low_stated:
        # districts, not (district, item) pairs: a district low in KTP-el and in KIA is one district
        districts = len({s.district for s in low_stated})
        if "stok semua kabupaten/kota aman" in view.summary:
            # the ledger says all is well, the districts say otherwise: the headline says both
            told = (f"stok aman menurut catatan, tetapi {districts} kabupaten/kota menyatakan stok di bawah "
                    "batas minimum")
            summary = view.summary.replace("stok semua kabupaten/kota aman", told)
        else:
            told = (f"{districts} kabupaten/kota menyatakan stok di bawah batas minimum meskipun menurut "
                    "catatan aman")
            summary = f"{view.summary}, {told}" if view.summary else told
        view = replace(view, summary=summary)
    if waiting_for_people["count"]:
        # an item may be a stock to check or a receipt difference, not only a mail
        told = f"{waiting_for_people['count']} hal perlu diperiksa petugas"
        view = replace(view, summary=f"{view.summary}, {told}" if view.summary else told)
    if view.headline is not None:  # the subject counts them too, in its few words
        headline = replace(view.headline, stated_low=len(low_stated), to_check=int(str(waiting_for_people["count"])))
        view = replace(view, headline=headline, subject=headline.subject())
    return render_digest(view, desk.env)


def _province_moves(session: Session, since: datetime | None) -> dict[str, ProvinceMoves]:
    """Per item, the blanks the ministry delivered to the province's store and its adjustments by hand since
    *since* (all of them when None)."""
    query = select(LedgerEntry.item, LedgerEntry.kind, LedgerEntry.on_hand).where(
        LedgerEntry.location == "province",
        LedgerEntry.kind.in_((EntryKind.SUPPLY_RECEIVED.value, EntryKind.ADJUSTMENT.value)))
    if since is not None:
        query = query.where(LedgerEntry.at > since)
    found: dict[str, ProvinceMoves] = {}
    for item, kind, quantity in session.execute(query.order_by(LedgerEntry.id)):
        moves = found.get(item, ProvinceMoves())
        if kind == EntryKind.SUPPLY_RECEIVED.value:
            moves = replace(moves, received=moves.received + quantity, deliveries=moves.deliveries + 1)
        else:
            moves = replace(moves, added=moves.added + max(quantity, 0), removed=moves.removed + max(-quantity, 0),
                            adjustments=moves.adjustments + 1)
        found[item] = moves
    return found


def _moved_text(s: stated.Stated) -> str | None:
    """How a statement older than later deliveries was rolled forward, in Indonesian."""
    if s.stated is None:
        return None
    # blanks the district confirmed receiving, and the stock adjustments booked by hand (a count, a write-off),
    # each named as what it is: an adjustment is no receipt
    adjusted = s.moved_since - s.received_since
    changes = [f"ditambah penerimaan sesudahnya {number(s.received_since)} keping"] if s.received_since else []
    if adjusted:
        changes.append(f"{'ditambah' if adjusted > 0 else 'dikurangi'} penyesuaian stok sesudahnya "
                       f"{number(abs(adjusted))} keping")
    return f"dinyatakan {number(s.stated)} keping, {' dan '.join(changes)}"


def stated_lines(session: Session, desk: Desk,
                 said: dict[tuple[str, str], stated.Stated] | None = None) -> list[dict[str, object]]:
    """The latest stock each district stated, with its date and source, and the ledger's beside it (*said*:
    stated.latest of the same session, when the caller has it already)."""
    return [{"district_name": desk.district_name(s.district), "item_name": item_name(s.item),
             "quantity_text": number(s.quantity), "date_text": long_date(_aware(s.at, desk)),
             "source": stated.SOURCE_TEXT.get(s.source, s.source),
             "expected": s.expected if s.differs else None, "expected_text": number(s.expected),
             "moved_text": _moved_text(s)}
            for s in sorted((stated.latest(session) if said is None else said).values(),
                            key=lambda s: (s.item, s.district))]


def capped_lines(session: Session, desk: Desk, since: datetime | None) -> list[dict[str, object]]:
    """The automatic replies kept back by the per-sender daily cap since *since* (mailbot.outgoing.queue), one line
    per address with its district and how many: a district that wrote more than the cap never learns of what its
    later mails became unless somebody tells it."""
    query = select(OutboxMessage.recipients, OutboxMessage.created_at).where(
        OutboxMessage.status == "suppressed", OutboxMessage.category == "reply",
        OutboxMessage.last_error.like("per-sender cap%"))
    if since is not None:
        query = query.where(OutboxMessage.created_at > since)
    counts: dict[str, list[datetime]] = {}
    for recipients, created in session.execute(query.order_by(OutboxMessage.id)):
        address = str(recipients[0]).lower() if recipients else "-"
        counts.setdefault(address, []).append(_aware(created, desk))
    lines: list[dict[str, object]] = []
    for address, times in counts.items():
        district = next((d for d in desk.config.districts if address in d.senders), None)
        lines.append({"address": address, "district_name": district.name if district else None,
                      "count_text": number(len(times)), "last_text": long_date(max(times))})
    return lines


def _request_lines(session: Session, desk: Desk, rows: list[tuple[Decision, Request]],
                   since: datetime | None) -> list[RequestSummary]:
    """One line per request decided, dispatched or received since *since*: its latest decision (a receipt carries
    it out, never replaces it), what was carried out ("dikirim 2.000, diterima 1.900") and the decision it replaced
    in the period."""
    shipped = select(AuditEvent.target).where(AuditEvent.action == "dispatch")
    if since is not None:
        shipped = shipped.where(AuditEvent.at > since)
    requests = {r.id: r for _, r in rows}
    for reference in session.scalars(shipped):
        req = repo.request_by_reference(session, reference or "")
        if req is not None:
            requests.setdefault(req.id, req)
    asked, _ = _asked_at_the_time(session, requests)
    history: dict[int, list[Decision]] = {}
    linked: dict[int, Decision] = {}  # a request's link to the open one, its line while nothing else is decided
    if requests:
        for d in session.scalars(select(Decision).where(Decision.request_pk.in_(requests)).order_by(Decision.id)):
            if d.outcome == "linked":
                linked[d.request_pk] = d
            elif d.outcome not in ("updated", "joined"):
                history.setdefault(d.request_pk, []).append(d)
    in_period = {d.id for d, _ in rows}
    lines = []
    for pk, req in requests.items():
        decided = [d for d in history.get(pk, []) if d.outcome != "received"] or (
            [linked[pk]] if pk in linked else [])
        if not decided:
            continue
        main = decided[-1]
        # the decision this one replaced in the period, unless it came out the same
        earlier = [d for d in decided[:-1] if d.id in in_period and (
            _outcome_code(d), d.quantity, d.actor, asked.get(d.id)) != (
            _outcome_code(main), main.quantity, main.actor, asked.get(main.id))]
        before = ""
        if earlier:
            e = earlier[-1]
            then = asked.get(e.id, req.requested)
            before = (("" if then == asked.get(main.id, req.requested) or then is None else f"dimohon {number(then)}, ")
                      + _outcome_label(_outcome_code(e), e.quantity, asked.get(e.id, req.requested))
                      + (f" {'usulan ' if e.outcome == 'hold' else ''}{number(e.quantity)}" if e.quantity else "")
                      + f" (oleh {_decided_by(desk, e)})"
                      + (f"; {'; '.join(words)}" if (words := _words(e)) else ""))
        carried = []
        if req.state in ("dispatched", "received") and req.approved:
            carried.append(f"dikirim {number(req.approved)}")
        counts = [d for d in history.get(pk, []) if d.outcome == "received"]
        if req.state == "received" and counts and counts[-1].quantity is not None:
            carried.append(f"diterima {number(counts[-1].quantity)}")
        lines.append(RequestSummary(req.reference, desk.district_name(req.district), req.item,
                                    _aware(req.created_at, desk), asked.get(main.id, req.requested),
                                    _outcome_code(main), main.quantity, _words(main), _decided_by(desk, main),
                                    False, bool(req.proactive), carried=", ".join(carried), before=before,
                                    unclear=_asked_unclearly(session, req)))
    return lines


def _asked_unclearly(session: Session, req: Request) -> bool:
    """Whether the request's mail wrote the figure asked but its reading left it in doubt ("1.800, 350"): the digest
    says it was written unclearly, not that it was not stated."""
    message = session.get(Message, req.message_pk) if req.message_pk is not None else None
    return "requested" in repo.written_unclearly(message)


def _outcome_label(code: str, quantity: int | None, requested: int | None) -> str:
    from mailbot.digest import outcome_label

    return outcome_label(code, quantity, requested)


def _asked_at_the_time(session: Session, requests: dict[int, Request]) -> tuple[dict[int, int | None], set[int]]:
    """For each decision on *requests*: the figure the request asked for when it was made (district
    updates change it later), and which decisions a later one on the same request replaced (a receipt replaces
    none: it carries the approval out)."""
    asked: dict[int, int | None] = {}
    replaced: set[int] = set()
    if not requests:
        return asked, replaced
    history: dict[int, list[Decision]] = {}
    for d in session.scalars(select(Decision).where(Decision.request_pk.in_(requests)).order_by(Decision.id)):
        history.setdefault(d.request_pk, []).append(d)
    for pk, decisions in history.items():
        changes = [c for d in decisions if d.outcome in ("updated", "joined") for r in d.reasons or []
                   for c in r.get("changes", []) or [] if c.get("field") == "requested"]
        running = changes[0].get("before") if changes else requests[pk].requested
        last: Decision | None = None
        for d in decisions:
            if d.outcome in ("updated", "joined"):  # the district's figures changed, or first given
                for r in d.reasons or []:
                    for c in r.get("changes", []) or []:
                        if c.get("field") == "requested":
                            running = c.get("after")
            elif d.outcome != "linked":
                asked[d.id] = running
                # a receipt carries out the decision before it (never replaces it); a later count replaces a count
                if last is not None and (d.outcome != "received" or last.outcome == "received"):
                    replaced.add(last.id)
                last = d
    return asked, replaced


def _outcome_code(d: Decision) -> str:
    if d.actor != "policy":
        return {"approve": "approved", "reject": "rejected", "withdraw": "withdrawn",
                "cancel": "cancelled", "supersede": "superseded"}.get(d.outcome, d.outcome)
    return d.outcome


def _last_reasons(session: Session, req: Request) -> tuple[str, ...]:
    d = session.scalar(select(Decision).where(Decision.request_pk == req.id).order_by(Decision.id.desc()).limit(1))
    return _words(d) if d else ()


def _words(d: Decision) -> tuple[str, ...]:
    """The decision's reasons in Indonesian; a manager's rejection with its reason."""
    return reason_words(d.reasons or [], d.note if d.outcome in ("reject", "withdraw") and d.actor != "policy"
                        else None)


def _decided_by(desk: Desk, d: Decision) -> str:
    """Who made decision *d*, in the words the district's and the managers' mail use; a district that cancelled
    its own request with the address it wrote from, said without brackets (the digest puts it in "(oleh ...)")."""
    if d.outcome == "cancel" and "@" in d.actor:
        return f"kabupaten/kota melalui email {d.actor}"
    return decided_by_words(desk.config.office.managers, d.actor, district=d.outcome == "cancel")


def send_digest(desk: Desk, sender: Sender, *, force: bool = False,
                send: Callable[[Desk, Sender], FlushResult] = flush) -> FlushResult:
    """Queue today's digest once (or again, with *force*) and *send* it (a command run by hand: outbox.send_now,
    which leaves it to a running service that is sending)."""
    now = desk.now()
    period = now.isoformat() if force else f"{now.date().isoformat()}"
    with desk.sessions.begin() as session:
        if session.scalar(select(Digest.id).where(Digest.period == period)) is None:
            # a digest still waiting in the outbox (an earlier `digest --send` stopped before it went) is
            # replaced by this newer one: the managers get one digest, with today's figures
            repo.suppress_queued(session, session.scalars(select(OutboxMessage).where(
                OutboxMessage.category == "digest", OutboxMessage.status == "queued")),
                why=f"replaced by the digest of {now.isoformat(timespec='seconds')} before it was sent", at=now,
                actor="policy", action=None)
            subject, text, html = _build(session, desk, now)
            session.add(Digest(period=period, at=now))
            queue(session, desk, purpose=f"digest:{period}", category="digest", template="",
                  to=desk.config.office.managers, subject=subject, body=Rendered(subject, text, html), context={})
    return send(desk, sender)


def latest_digest_id(desk: Desk) -> int:
    """The outbox id of the digest queued last (0 when there is none)."""
    with desk.sessions() as session:
        return session.scalar(select(func.max(OutboxMessage.id)).where(OutboxMessage.category == "digest")) or 0


def _aware(value: datetime, desk: Desk) -> datetime:
    """A stored time (UTC) in office time."""
    return value.astimezone(desk.tz)
