"""Statements run straight on the driver's cursor (mailbot.store.prepared) write what SQLAlchemy's own execution
writes, in the session's transaction, and fail as it fails; the message row inserted at once is a clean row of
the session; on both databases."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Table, bindparam, delete, event, insert, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ReleaseSavepointClause, RollbackToSavepointClause, SavepointClause

from mailbot.store import repo
from mailbot.store.db import make_engine, migrate, session_factory
from mailbot.store.prepared import Prepared
from mailbot.store.schema import Message, OutboxMessage, Request

AT = datetime(2026, 11, 2, 1, 30, 15, 123456, tzinfo=UTC)
MESSAGES: Table = Message.__table__  # type: ignore[assignment]


def _values(key: str) -> dict[str, object]:
    return {"dedup_key": key, "message_id": "<a@b.test>", "inbox_key": "1", "sender": None, "subject": "Perihal \u00e9",
            "size": 3, "sha256": "0" * 64, "raw": b"\x00\xffraw", "received_at": AT, "status": "processed",
            "error": None, "kind": "request", "district": "65.01", "verdict": {"requested": 1500, "doubts": []},
            "guard": None, "outbound_ref": None}


def _row(session: Session, key: str) -> tuple[object, ...]:
    columns = [c for c in MESSAGES.c if c.key != "id"]
    return tuple(session.execute(select(*columns).where(MESSAGES.c.dedup_key == key)).one())


def test_a_prepared_insert_writes_what_sqlalchemy_writes_and_its_errors_are_sqlalchemys(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    add = Prepared(insert(MESSAGES).returning(MESSAGES.c.id))
    known = Prepared(select(MESSAGES.c.id).where(MESSAGES.c.dedup_key == bindparam("key")))
    with session_factory(engine).begin() as session:
        connection = session.connection()
        connection.execute(insert(MESSAGES), _values("by sqlalchemy"))
        pk = add.scalar(connection, _values("prepared"))
        assert known.scalar(connection, {"key": "prepared"}) == pk
        assert known.first(connection, {"key": "nowhere"}) is None
        # datetimes, JSON (None included), bytes and text go through the same bind processing
        assert _row(session, "prepared")[1:] == _row(session, "by sqlalchemy")[1:]
        assert _row(session, "prepared")[8] == AT
        with pytest.raises(IntegrityError):  # the unique key, wrapped as SQLAlchemy wraps the driver's error
            with session.begin_nested():
                add.scalar(session.connection(), _values("prepared"))
    with session_factory(engine)() as session:  # committed with the session's transaction
        assert session.scalar(select(Message.id).where(Message.dedup_key == "prepared")) == pk
    engine.dispose()


def test_a_prepared_statement_refuses_what_it_cannot_run_as_sqlalchemy_would(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    outbox: Table = OutboxMessage.__table__  # type: ignore[assignment]
    with session_factory(engine).begin() as session:
        connection = session.connection()
        with pytest.raises(ValueError, match="plain bound parameters"):  # an IN list expanded per call
            Prepared(select(MESSAGES.c.id).where(MESSAGES.c.dedup_key.in_(bindparam("keys", expanding=True)))
                     ).all(connection, {"keys": ["a"]})
        defaulted = [c.key for c in MESSAGES.c if c.default is not None]
        assert defaulted  # subject: a Python-side default SQLAlchemy would fill in
        with pytest.raises(ValueError, match="defaults"):
            Prepared(insert(MESSAGES)).run(connection, {k: v for k, v in _values("x").items() if k not in defaulted})
        Prepared(delete(outbox).where(outbox.c.id == bindparam("pk"))).run(connection, {"pk": -1})  # runs
    engine.dispose()


def test_the_message_row_inserted_at_once_is_a_clean_row_of_the_session(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    with session_factory(engine).begin() as session:
        message = Message(dedup_key="mid:<a@b.test>", message_id="<a@b.test>", inbox_key="7", sender="a@b.test",
                          size=3, sha256="0" * 64, raw=b"raw", received_at=AT, status="processed", kind="request",
                          verdict={"requested": 1500})
        session.add(message)
        pending_request = Request(reference="BLK-2026-0001", district="65.01", item="ktp-el", state="new",
                                  created_at=AT, updated_at=AT)
        session.add(pending_request)  # pending beside it: flushed first, as a flush would
        repo.insert_message(session, message)
        state = inspect(message)
        assert state.persistent and not state.modified and not session.new and not session.dirty
        assert session.get(Message, message.id) is message
        assert pending_request.id is not None
        # a column left unset is NULL (the guard, JSON, too: not the JSON 'null'); the default subject is ''
        stored = session.execute(select(Message.subject, Message.guard, Message.error, Message.received_at)
                                 .where(Message.id == message.id).execution_options(populate_existing=True)).one()
        assert tuple(stored) == ("", None, None, AT)
        assert message.subject == ""
        message.status = "quarantined"  # a later change is written by the next flush
        session.flush()
        assert session.scalar(select(MESSAGES.c.status).where(MESSAGES.c.id == message.id)) == "quarantined"
    engine.dispose()


def test_a_savepoint_runs_as_sqlalchemy_writes_it_and_keeps_or_undoes_its_rows(database_url: str) -> None:
    """make_engine runs SAVEPOINT, RELEASE and ROLLBACK TO as the text SQLAlchemy's compiler writes (every message is
    one): the same statements, and a savepoint rolled back undoes its rows alone, a released one keeps them."""
    statements: list[str] = []
    engine = make_engine(database_url)
    migrate(engine)
    event.listen(engine, "before_cursor_execute", lambda _c, _cur, statement, *_: statements.append(statement))
    with session_factory(engine).begin() as session:
        with session.begin_nested():
            session.connection().execute(insert(MESSAGES), _values("kept"))
        with pytest.raises(IntegrityError), session.begin_nested():
            session.connection().execute(insert(MESSAGES), _values("undone"))
            session.connection().execute(insert(MESSAGES), _values("kept"))  # the unique key: this savepoint fails
    with session_factory(engine)() as session:
        assert session.scalars(select(Message.dedup_key)).all() == ["kept"]
    saved = [s for s in statements if "SAVEPOINT" in s]
    assert saved == ["SAVEPOINT sa_savepoint_1", "RELEASE SAVEPOINT sa_savepoint_1", "SAVEPOINT sa_savepoint_2",
                     "ROLLBACK TO SAVEPOINT sa_savepoint_2"]
    # the text SQLAlchemy's own compiler writes for them
    assert [str(clause("sa_savepoint_1").compile(dialect=engine.dialect)) for clause in (
        SavepointClause, ReleaseSavepointClause, RollbackToSavepointClause)] == [
        "SAVEPOINT sa_savepoint_1", "RELEASE SAVEPOINT sa_savepoint_1", "ROLLBACK TO SAVEPOINT sa_savepoint_1"]
    engine.dispose()
