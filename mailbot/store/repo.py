"""Queries and writes the desk needs, each a small function over a Session."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Row, Select, Table, and_, bindparam, case, false, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, make_transient_to_detached, sessionmaker

from mailbot.errors import ImpossibleLedger
from mailbot.indonesian import number
from mailbot.stock.forecast import DailyReport
from mailbot.stock.ledger import MAX_BALANCE, Balance
from mailbot.store.prepared import Prepared
from mailbot.store.schema import (
    AuditEvent,
    Counter,
    ImapCursor,
    LedgerEntry,
    Message,
    OutboxMessage,
    ReplyCount,
    Report,
    Request,
)
from mailbot.transports.base import OutgoingMessage

OPEN_STATES = ("clarifying", "held", "approved", "dispatched")
WAITING_STATES = ("clarifying", "held", "approved")


def balances(session: Session, item: str | None = None) -> dict[tuple[str, str], Balance]:
    """(item, location) -> Balance, summed over the ledger (ImpossibleLedger if a sum is beyond any store)."""
    query = select(
        LedgerEntry.item,
        LedgerEntry.location,
        func.sum(LedgerEntry.on_hand),
        func.sum(LedgerEntry.in_transit),
        func.sum(LedgerEntry.committed),
    ).group_by(LedgerEntry.item, LedgerEntry.location)
    if item is not None:
        query = query.where(LedgerEntry.item == item)
    return {(str(row[0]), str(row[1])): _sane(session, tuple(row)[2:]) for row in _sums(session, query)}


def balance(session: Session, item: str, location: str) -> Balance:
    """The balance of *item* at *location*. Ledger rows are flushed as they are posted (post()), so this
    sum runs on the transaction's connection without first flushing whatever else is pending."""
    try:
        row = _BALANCE.first(session.connection(), {"item": item, "location": location})
    except OperationalError as exc:  # on PostgreSQL a sum of bigints is numeric: it never overflows
        if "overflow" not in str(exc.orig):
            raise
        raise _impossible(session) from None
    assert row is not None  # an aggregate gives one row
    return _sane(session, row)


def _sums(session: Session, query: Select[*tuple[Any, ...]]) -> list[Row[*tuple[Any, ...]]]:
    """The rows of a query of ledger sums; a sum SQLite cannot hold in 64 bits is ImpossibleLedger."""
    try:
        return list(session.execute(query))
    except OperationalError as exc:  # on PostgreSQL a sum of bigints is numeric: it never overflows
        if "overflow" not in str(exc.orig):
            raise
        raise _impossible(session) from None


def _sane(session: Session, sums: Sequence[object]) -> Balance:
    values = [int(cast(int, v or 0)) for v in sums]
    if any(abs(v) > MAX_BALANCE for v in values):
        raise _impossible(session)
    return Balance(*values)


def _impossible(session: Session) -> ImpossibleLedger:
    """One line naming the ledger rows no mailbot command writes (mailbot.stock.ledger.MAX_BALANCE)."""
    columns = (LedgerEntry.on_hand, LedgerEntry.in_transit, LedgerEntry.committed)
    rows = session.execute(select(LedgerEntry.id, LedgerEntry.location, LedgerEntry.item)
                           .where(or_(*(func.abs(c) > MAX_BALANCE for c in columns)))
                           .order_by(LedgerEntry.id).limit(5)).all()
    named = ", ".join(f"#{r.id} ({r.location} {r.item})" for r in rows)
    if not named:  # no one entry is beyond a store, their sum is: the place, and its largest entries
        named = _beyond_in_sum(session, columns)
    return ImpossibleLedger(
        f"the ledger holds a figure beyond any store (over {number(MAX_BALANCE)} pieces): ledger_entries {named}; "
        "the database was changed outside mailbot: restore the last backup (README, Backup and restore)")


def _beyond_in_sum(session: Session, columns: tuple[Any, ...]) -> str:
    """"of 65.04 ktp-el, which add up to it (the largest: #20, #21, #22)": the place whose entries add up beyond
    any store, summed as floating point (which does not overflow where a sum of integers does)."""
    from sqlalchemy import Float
    from sqlalchemy import cast as sql_cast

    sums = [func.abs(func.sum(sql_cast(c, Float))) for c in columns]
    place = session.execute(select(LedgerEntry.location, LedgerEntry.item)
                            .group_by(LedgerEntry.location, LedgerEntry.item)
                            .having(or_(*(s > MAX_BALANCE for s in sums)))
                            .order_by(LedgerEntry.location, LedgerEntry.item).limit(1)).first()
    if place is None:
        return "(the sum of several places)"
    largest = session.scalars(select(LedgerEntry.id)
                              .where(LedgerEntry.location == place.location, LedgerEntry.item == place.item)
                              .order_by((func.abs(columns[0]) + func.abs(columns[1]) + func.abs(columns[2])).desc(),
                                        LedgerEntry.id).limit(5)).all()
    shown = ", ".join(f"#{i}" for i in sorted(largest))
    return f"of {place.location} {place.item}, which add up to it (the largest: {shown})"


def post(session: Session, entry: dict[str, Any]) -> bool:
    """Add a ledger entry (the columns of a LedgerEntry but its id) unless its (source, kind, item, location) is
    already there. True if added.

    By Core statements on the transaction's connection (repo.balance and the next posting read it there at
    once): a booking posts two or three entries, and an ORM row, its select and its flush cost several times
    the two statements. Whatever else is pending is flushed first, as the ORM's select would."""
    session.flush()
    connection = session.connection()
    if _POSTED.first(connection, {key: entry[key] for key in ("source", "kind", "item", "location")}) is not None:
        return False
    _POST.run(connection, entry)
    return True


def next_reference(session: Session, year: int) -> str:
    """BLK-<year>-<4-digit sequence>, from a counter row updated inside the caller's transaction.

    One UPDATE ... RETURNING takes the row lock and the next value at once (SQLite >= 3.35,
    PostgreSQL); the first request of a year inserts the row.
    """
    name = f"request:{year}"
    connection = session.connection()  # counters are written only here, never as ORM rows: nothing to flush
    value = _NEXT_VALUE.scalar(connection, {"counter": name})
    if value is None:
        connection.execute(_FIRST_VALUE, {"name": name, "value": 1})
        value = 1
    return f"BLK-{year}-{value:04d}"


def add_request(session: Session, **values: Any) -> Request:
    """Insert a new request at once and return it as a row of *session*, as if loaded after the INSERT.

    One Core INSERT ... RETURNING instead of the ORM's unit of work for a single row (which costs several
    times the INSERT on every request's path); whatever else is pending is flushed first, as a flush would.
    Columns not given take their defaults, as the ORM would insert them."""
    session.flush()
    row = {"approved": None, "linked_to": None, "proactive": False, "held_since": None, **values}
    req = Request(id=_ADD_REQUEST.scalar(session.connection(), row), **row)
    make_transient_to_detached(req)  # its values are now those of the stored row, with nothing to flush
    session.add(req)
    return req


def insert_message(session: Session, message: Message) -> None:
    """Insert the new (pending) *message* at once by one Core INSERT ... RETURNING; it stays a row of *session*,
    as if loaded after the INSERT. The ORM's unit of work for this one row costs several times the INSERT, and
    every message takes this path. Whatever else is pending is flushed first, as a flush would.

    Should the savepoint around it roll back, the caller expunges it (forget_message()): the ORM does not count
    it among the rows its savepoint added."""
    given = message.__dict__  # the attributes set, as the ORM would insert them: a column left unset is NULL
    values = {column.key: given[column.key] for column in _messages.c if column.key in given}
    for column in _messages.c:  # or takes its default
        if column.key not in values and column.default is not None and column.default.is_scalar:
            values[column.key] = getattr(column.default, "arg")  # noqa: B009 - typed as any column default
    session.expunge(message)
    session.flush()
    message.id = _ADD_MESSAGE.scalar(session.connection(), values)
    for column in _messages.c:  # the row as stored: NULL where nothing was given (no load when it is read)
        if column.key != "id":
            setattr(message, column.key, values.get(column.key))
    make_transient_to_detached(message)  # its values are now those of the stored row, with nothing to flush
    session.add(message)


def forget_message(session: Session, message: Message | None) -> None:
    """Take *message* out of *session* after its savepoint rolled back: neither its row nor its id stand."""
    if message is not None and message in session:
        session.expunge(message)


def let_go_of_requests(session: Session) -> None:
    """After a savepoint rolled back, hold on to no request for the next look-up (_request_row()): one the savepoint
    added is gone with it, and its id may be taken by the next new request."""
    session.info.pop(_HELD, None)


def find_message(session: Session, dedup_key: str) -> Message | None:
    return session.scalar(select(Message).where(Message.dedup_key == dedup_key))


def written_unclearly(message: Message | None) -> frozenset[str]:
    """The figures *message* wrote that its reading left in doubt ("1.800, 350": "requested"), apart from those it did
    not write at all: such a figure is said to be written unclearly ("tertulis kurang jelas"), to the district and in
    the digest, never "belum disebutkan"."""
    doubts = (message.verdict or {}).get("doubts", []) if message is not None else []
    return frozenset(str(d.get("field")) for d in doubts if isinstance(d, dict) and d.get("reason") != "missing")


def message_known(session: Session, dedup_key: str) -> bool:
    """Whether a message with this unique key is stored (one indexed look-up, no ORM object loaded).

    Every message row is flushed when its message's savepoint ends, before the next message's intake
    asks: the look-up needs no flush first."""
    return _MESSAGE_KNOWN.first(session.connection(), {"key": dedup_key}) is not None


def request_by_reference(session: Session, reference: str, *, lock: bool = False) -> Request | None:
    """The request *reference*; with *lock*, its row is locked until the transaction ends (PostgreSQL's SELECT ...
    FOR UPDATE: a second command acting on it waits, then reads what the first wrote), so that a check of its state
    and the change made on it are one step. SQLite needs no row lock: every writing transaction holds the whole
    database's write lock from its start (BEGIN IMMEDIATE, mailbot.store.db)."""
    query = select(Request).where(Request.reference == reference.upper())
    return session.scalar(query.with_for_update() if lock else query)


def references_numbered(session: Session, seq: int) -> list[str]:
    """The references of every year's request number *seq* ("BLK-2025-0005", "BLK-2026-0005"), latest year first."""
    from mailbot.guards.threads import REFERENCE_PREFIX

    if not 1 <= seq <= 9999:
        return []
    pattern = f"{REFERENCE_PREFIX}-____-{seq:04d}"
    return list(session.scalars(select(Request.reference).where(Request.reference.like(pattern))
                                .order_by(Request.reference.desc())))


def request_by_outbound_message_id(session: Session, message_ids: list[str]) -> Request | None:
    """The request one of our own sent messages (by Message-ID) belongs to."""
    if not message_ids:
        return None
    pk = session.scalar(
        select(OutboxMessage.request_pk)
        .where(OutboxMessage.message_id.in_(message_ids), OutboxMessage.request_pk.is_not(None))
        .order_by(OutboxMessage.id.desc())
        .limit(1)
    )
    return session.get(Request, pk) if pk is not None else None


def request_by_inbound_message_id(session: Session, message_ids: list[str]) -> Request | None:
    """The request whose original district message has one of these Message-IDs. A Message-ID is the sender's
    claim, and two messages may carry one (mailbot.pipeline.intake): a request whose sender passed the checks
    comes first, then the newest."""
    if not message_ids:
        return None
    return session.scalar(
        select(Request).join(Message, Message.id == Request.message_pk).where(Message.message_id.in_(message_ids))
        .order_by(case((_UNVERIFIED_MESSAGE, 1), else_=0), Request.id.desc()).limit(1)
    )


def open_requests(session: Session, district: str, item: str, *, states: tuple[str, ...] = WAITING_STATES,
                  exclude: int | None = None, verified_only: bool = False) -> list[Request]:
    """The district's requests for *item* in *states* and linked to none, other than *exclude*: one waiting
    for our question to be answered first (a new email may be that answer), then oldest first.

    verified_only leaves out requests whose sender failed the checks (sender_verified()): such a request
    never stands for its district beside a verified one."""
    return [_request_row(session, pk) for pk in _open_request_ids(session, district, item, states=states,
                                                                 exclude=exclude, verified_only=verified_only)]


def open_request(session: Session, district: str, item: str, *, states: tuple[str, ...] = WAITING_STATES,
                 exclude: int | None = None, verified_only: bool = False) -> Request | None:
    """The first of open_requests(), or None."""
    ids = _open_request_ids(session, district, item, states=states, exclude=exclude, verified_only=verified_only,
                            first=True)
    return _request_row(session, ids[0]) if ids else None


def _open_request_ids(session: Session, district: str, item: str, *, states: tuple[str, ...], exclude: int | None,
                      verified_only: bool, first: bool = False) -> list[int]:
    """The ids of open_requests(), by a Core query: the rows themselves are most often in the session already
    (the request a district's later mail is linked to), and loading them through an ORM query costs several
    times the query. Pending changes are flushed first, as the ORM query would."""
    if not states:
        return []
    session.flush()
    return [row[0] for row in _open_request_ids_query(tuple(states), verified_only, first).all(
        session.connection(), {"district": district, "item": item, "exclude": -1 if exclude is None else exclude})]


@functools.lru_cache(maxsize=32)
def _open_request_ids_query(states: tuple[str, ...], verified_only: bool, first: bool) -> Prepared:
    """The ids of the open requests in *states*: one statement for each set of states asked for (a handful)."""
    query = (_OPEN_VERIFIED_REQUESTS if verified_only else _OPEN_REQUESTS).with_only_columns(Request.id).where(
        or_(*(Request.state == state for state in states)))  # plain parameters: no IN list expanded per call
    return Prepared(query.limit(1) if first else query)


def _request_row(session: Session, pk: int) -> Request:
    """The request *pk* as a row of *session*: from its identity map when it is there (and not expired), else
    loaded. The session holds on to it (its identity map alone would let it go once the message that asked is
    done), so that the next message of the group asking for the same open request finds it there."""
    row = session.get(Request, pk)
    assert row is not None  # its id was read in this transaction
    session.info.setdefault(_HELD, {})[pk] = row
    return row


_HELD = "mailbot.open_requests"


def sender_verified(session: Session, req: Request) -> bool:
    """Whether *req* came from a sender that passed the checks (mailbot.guards.trust), or from no email at
    all (a proactive proposal). A request held because its sender could not be verified may be a forgery:
    it is decided by a person and never stands for its district."""
    if req.message_pk is None:
        return True
    return session.scalar(_COUNT_UNVERIFIED, {"message_pk": req.message_pk}) == 0


def latest_shipment(session: Session, district: str, item: str) -> Request | None:
    """The oldest request shipped to *district* and not yet confirmed received."""
    return session.scalar(
        select(Request).where(Request.district == district, Request.item == item, Request.state == "dispatched")
        .order_by(Request.id).limit(1)
    )


def reports_since(session: Session, since: date, item: str = "ktp-el",
                  district: str | None = None) -> dict[str, list[DailyReport]]:
    """District -> its reports dated on or after *since*, oldest first (plain values, no ORM objects)."""
    query = select(Report.district, Report.item, Report.report_date, Report.stock_on_hand, Report.printed).where(
        Report.item == item, Report.report_date >= since)
    if district is not None:
        query = query.where(Report.district == district)
    result: dict[str, list[DailyReport]] = defaultdict(list)
    for row in session.execute(query.order_by(Report.report_date, Report.id)):
        result[row[0]].append(DailyReport(row[0], row[1], row[2], row[3], row[4]))
    return result


def opening_booked(session: Session) -> set[tuple[str, str]]:
    """(item, location) pairs whose opening balance is already in the ledger."""
    rows = session.execute(select(LedgerEntry.item, LedgerEntry.location).where(
        LedgerEntry.source == "config:opening", LedgerEntry.kind == "opening"))
    return {(r[0], r[1]) for r in rows}


def latest_reports(session: Session) -> dict[tuple[str, str], DailyReport]:
    """(district, item) -> its newest report that gives a stock figure, in one query (plain values, no ORM
    objects: loading the rows as objects cost several times the query, each time the stock status is asked)."""
    return {(row[0], row[1]): DailyReport(row[0], row[1], row[2], row[3], row[4])
            for row in session.execute(_LATEST_REPORTS)}


def audit(session: Session, *, at: datetime, actor: str, action: str, target: str | None,
          details: dict[str, object]) -> None:
    session.add(AuditEvent(at=at, actor=actor, action=action, target=target, details=details))


def take_reply_slot(session: Session, address: str, day: date, cap: int) -> bool:
    """Count one more automatic reply to *address* on *day*; False, counting nothing, once *cap* is reached."""
    key = {"to_address": address.lower(), "on_day": day}
    connection = session.connection()  # reply counts are written only here, never as ORM rows: nothing to flush
    if _TAKE_REPLY.scalar(connection, {**key, "cap": cap}) is not None:
        return True
    if connection.execute(_REPLY_COUNT, key).first() is not None:
        return False  # the row is there and full
    if cap < 1:
        return False
    connection.execute(_FIRST_REPLY, {"address": key["to_address"], "day": day, "count": 1})
    return True


def count_due(session: Session, now: datetime) -> int:
    """Outbox rows waiting to be sent now."""
    outbox = cast(Table, OutboxMessage.__table__)
    return int(session.execute(
        select(func.count()).select_from(outbox).where(outbox.c.status == "queued", outbox.c.next_attempt_at <= now)
    ).scalar() or 0)


def count_queued(session: Session) -> int:
    """Outbox rows not yet sent, due now or later."""
    outbox = cast(Table, OutboxMessage.__table__)
    return int(session.execute(select(func.count()).select_from(outbox).where(outbox.c.status == "queued")
                               ).scalar() or 0)


def due_to_send(session: Session, now: datetime, limit: int = 100) -> list[tuple[int, OutgoingMessage]]:
    """What the outbox worker sends next, oldest first: (outbox id, the message), no ORM objects built."""
    outbox = cast(Table, OutboxMessage.__table__)
    rows = session.execute(
        select(outbox.c.id, outbox.c.message_id, outbox.c.sender, outbox.c.recipients, outbox.c.raw)
        .where(outbox.c.status == "queued", outbox.c.next_attempt_at <= now)
        .order_by(outbox.c.id).limit(limit)
    )
    return [(r[0], OutgoingMessage(r[1], r[2], tuple(r[3]), r[4])) for r in rows]


def sent_in_window(session: Session, since: datetime) -> int:
    return int(session.scalar(
        select(func.count(OutboxMessage.id)).where(OutboxMessage.sent_at >= since)
    ) or 0)


def lease(session: Session, outbox_ids: list[int], now: datetime, until: datetime) -> set[int]:
    """Take these rows for sending: keep them out of every sender's due list until *until*.

    Only rows still due are taken, and the ids taken are returned; on PostgreSQL a second sender's
    UPDATE waits for the first one's commit and then finds the rows no longer due.
    """
    if not outbox_ids:
        return set()
    outbox = cast(Table, OutboxMessage.__table__)
    taken = session.execute(
        update(outbox)
        .where(outbox.c.id.in_(outbox_ids), outbox.c.status == "queued", outbox.c.next_attempt_at <= now)
        .values(next_attempt_at=until).returning(outbox.c.id)
    )
    return {row[0] for row in taken}


class DbCursorStore:
    """CursorStore on the imap_cursors table; each save commits on its own."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def load_cursor(self, mailbox: str) -> tuple[int, int] | None:
        with self.sessions() as session:
            row = session.get(ImapCursor, mailbox)
            return (row.uidvalidity, row.last_uid) if row else None

    def save_cursor(self, mailbox: str, uidvalidity: int, last_uid: int) -> None:
        for attempt in (1, 2):
            try:
                with self.sessions.begin() as session:
                    row = session.get(ImapCursor, mailbox)
                    if row is None:
                        session.add(ImapCursor(mailbox=mailbox, uidvalidity=uidvalidity, last_uid=last_uid))
                    else:
                        row.uidvalidity, row.last_uid = uidvalidity, last_uid
                return
            except IntegrityError:
                # Another connection of the same desk (the fetching one and the IDLE one start together)
                # saved this mailbox's first cursor between our look and our insert: the row is there now,
                # so the second attempt updates it.
                if attempt == 2:
                    raise



def outbox_by_message_id(session: Session, message_ids: list[str]) -> OutboxMessage | None:
    if not message_ids:
        return None
    return session.scalar(select(OutboxMessage).where(OutboxMessage.message_id.in_(message_ids)).limit(1))


# --- statements on every message's path, built once ----------------------------------------------
# Each runs once or twice per message; building a statement costs more than running it on SQLite,
# so these are built here with bound parameters and only executed per message (Core statements,
# outside the ORM's unit of work, except the open-request look-up, which returns the ORM row).

_counters, _messages, _reply_counts = (cast(Table, m.__table__) for m in (Counter, Message, ReplyCount))
_NEXT_VALUE = Prepared(update(_counters).where(_counters.c.name == bindparam("counter"))
                        .values(value=_counters.c.value + 1).returning(_counters.c.value))
_FIRST_VALUE = insert(_counters)
_requests = cast(Table, Request.__table__)
_ADD_REQUEST = Prepared(insert(_requests).returning(_requests.c.id))
_ADD_MESSAGE = Prepared(insert(_messages).returning(_messages.c.id))
_ledger = cast(Table, LedgerEntry.__table__)
_BALANCE = Prepared(select(func.sum(_ledger.c.on_hand), func.sum(_ledger.c.in_transit),
                            func.sum(_ledger.c.committed)).where(
    _ledger.c.item == bindparam("item"), _ledger.c.location == bindparam("location")))
_POSTED = Prepared(select(_ledger.c.id).where(
    _ledger.c.source == bindparam("source"), _ledger.c.kind == bindparam("kind"), _ledger.c.item == bindparam("item"),
    _ledger.c.location == bindparam("location")))
_POST = Prepared(insert(_ledger))
_NEWEST_REPORT_DAYS = (
    select(Report.district, Report.item, func.max(Report.report_date).label("day"))
    .where(Report.stock_on_hand.is_not(None)).group_by(Report.district, Report.item).subquery()
)
_LATEST_REPORTS = select(Report.district, Report.item, Report.report_date, Report.stock_on_hand, Report.printed).join(
    _NEWEST_REPORT_DAYS, and_(Report.district == _NEWEST_REPORT_DAYS.c.district,
                              Report.item == _NEWEST_REPORT_DAYS.c.item,
                              Report.report_date == _NEWEST_REPORT_DAYS.c.day)).order_by(Report.id)
_MESSAGE_KNOWN = Prepared(select(_messages.c.id).where(_messages.c.dedup_key == bindparam("key")))
_REPLY_DAY = and_(_reply_counts.c.address == bindparam("to_address"), _reply_counts.c.day == bindparam("on_day"))
_TAKE_REPLY = Prepared(update(_reply_counts).where(_REPLY_DAY, _reply_counts.c.count < bindparam("cap"))
                        .values(count=_reply_counts.c.count + 1).returning(_reply_counts.c.count))
_REPLY_COUNT = select(_reply_counts.c.count).where(_REPLY_DAY)
_FIRST_REPLY = insert(_reply_counts)
# a request waiting for our question to be answered comes first: a new email may be that answer
_OPEN_REQUESTS = (
    select(Request).where(
        Request.district == bindparam("district"), Request.item == bindparam("item"),
        Request.linked_to.is_(None),
        Request.id != bindparam("exclude"),
    ).order_by(Request.state != "clarifying", Request.id)
)
# a message whose sender failed the checks (mailbot.pipeline.record_judgment keeps the guard's judgment)
_UNVERIFIED_MESSAGE = Message.guard["trusted"].as_boolean() == false()
_COUNT_UNVERIFIED = select(func.count()).where(Message.id == bindparam("message_pk"), _UNVERIFIED_MESSAGE)
_OPEN_VERIFIED_REQUESTS = _OPEN_REQUESTS.where(
    ~select(Message.id).where(Message.id == Request.message_pk, _UNVERIFIED_MESSAGE).exists())


def last_outbox_id(session: Session) -> int:
    """The newest outbox row's id (0 for none): what a command queues after it is newer."""
    return int(session.scalar(select(func.max(OutboxMessage.id))) or 0)


def district_mail_since(session: Session, after_id: int, request_pk: int) -> list[OutboxMessage]:
    """The mail to the district about request *request_pk* queued after outbox row *after_id*, oldest first."""
    return list(session.scalars(select(OutboxMessage).where(
        OutboxMessage.id > after_id, OutboxMessage.request_pk == request_pk, OutboxMessage.category == "reply",
    ).order_by(OutboxMessage.id)))


def withdraw_superseded(session: Session, *, request_pk: int, up_to: int, why: str, at: datetime,
                        actor: str) -> list[int]:
    """Mark suppressed (with *why*) the replies to the district about request *request_pk* queued up to outbox
    row *up_to* and still waiting: a decision stated since makes them untrue ("DISETUJUI 1.500" under a
    correction to 2.000). Their ids, oldest first. Only the replies to the district's mail and the statements
    of a decision (purposes "reply:" and "decided:"), never a notice or another request's mail."""
    rows = list(session.scalars(select(OutboxMessage).where(
        OutboxMessage.id <= up_to, OutboxMessage.request_pk == request_pk, OutboxMessage.category == "reply",
        OutboxMessage.status == "queued",
        OutboxMessage.purpose.like("reply:%") | OutboxMessage.purpose.like("decided:%"),
    ).order_by(OutboxMessage.id)))
    return suppress_queued(session, rows, why=why, at=at, actor=actor, action="withdraw-superseded",
                           details={"request": request_pk, "why": why})


def suppress_queued(session: Session, rows: Iterable[OutboxMessage], *, why: str, at: datetime, actor: str,
                    action: str | None, details: dict[str, object] | None = None) -> list[int]:
    """Withdraw outbox *rows* still waiting to be sent: each is marked suppressed with *why* (shown by `outbox
    list`), and audited as *action* by *actor* (no audit row when *action* is None). The ids withdrawn."""
    ids = []
    for row in rows:
        row.status = "suppressed"
        row.last_error = why
        if action is not None:
            audit(session, at=at, actor=actor, action=action, target=f"outbox:{row.id}", details=details or {})
        ids.append(row.id)
    return ids


def queued_before(session: Session, outbox_id: int) -> int:
    """How many outbox rows waiting to be sent were queued before row *outbox_id* (they go out first)."""
    return int(session.scalar(select(func.count(OutboxMessage.id)).where(
        OutboxMessage.status == "queued", OutboxMessage.id < outbox_id)) or 0)
