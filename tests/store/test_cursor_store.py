"""The IMAP cursor kept in the database: two connections of one desk (the fetching one and the IDLE one) may save
a mailbox's first cursor at the same moment; the one that finds the row there already updates it. On both
databases where it can happen: on SQLite a write transaction begins IMMEDIATE, so no other connection can
write between the look-up and the insert."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from mailbot.store.db import make_engine, migrate, session_factory
from mailbot.store.repo import DbCursorStore
from mailbot.store.schema import ImapCursor


def test_a_first_cursor_saved_meanwhile_by_another_connection_is_updated_not_refused(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite's write transactions begin IMMEDIATE: no other connection writes in between")
    engine = make_engine(database_url)
    migrate(engine)
    sessions = session_factory(engine)
    store = DbCursorStore(sessions)
    raced: list[int] = []

    # The other connection's insert lands between this save's look-up (no row yet) and its own insert.
    @event.listens_for(sessions, "before_flush")
    def _other_connection_saves_first(session: Session, *_: Any) -> None:
        if not raced and any(isinstance(o, ImapCursor) for o in session.new):
            raced.append(1)
            with engine.begin() as other:
                other.execute(ImapCursor.__table__.insert().values(mailbox="INBOX", uidvalidity=7, last_uid=0))

    try:
        store.save_cursor("INBOX", 7, 0)
        assert raced == [1]
        assert store.load_cursor("INBOX") == (7, 0)
        store.save_cursor("INBOX", 7, 12)
        assert store.load_cursor("INBOX") == (7, 12)
    finally:
        engine.dispose()
