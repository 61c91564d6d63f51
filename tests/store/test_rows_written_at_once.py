"""Rows the inbox loop writes by single statements instead of the ORM's unit of work: a new request held in
the session as a loaded row, an attention item opened once per key, an open item restated by its id; on both
databases."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, inspect, select

from mailbot import attention
from mailbot.store import repo
from mailbot.store.db import make_engine, migrate, session_factory
from mailbot.store.schema import AttentionItem, Request

AT = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
DESK: Any = SimpleNamespace(now=lambda: AT)  # open_item() asks the desk for the time only


def test_a_request_added_at_once_is_a_clean_row_of_the_session_and_later_changes_are_written(
        database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    with session_factory(engine).begin() as session:
        first = repo.add_request(session, reference="BLK-2026-0001", district="65.01", item="ktp-el", message_pk=None,
                                 sender="a@b.test", requested=500, stock_on_hand=150, state="new", linked_to=None,
                                 created_at=AT, updated_at=AT)
        second = repo.add_request(session, reference="BLK-2026-0002", district="65.01", item="ktp-el",
                                  message_pk=None, sender="a@b.test", requested=600, stock_on_hand=190,
                                  state="linked", linked_to=first.id, created_at=AT, updated_at=AT)
        state = inspect(second)
        assert state.persistent and not state.modified and not session.new and not session.dirty
        assert session.get(Request, second.id) is second  # the session's own row: no second copy is loaded
        assert (second.linked_to, second.proactive, second.approved, second.held_since) == (first.id, False, None,
                                                                                            None)
        second.state, second.approved = "held", 400
        session.flush()
        stored = session.execute(select(Request.state, Request.approved, Request.proactive, Request.linked_to)
                                 .where(Request.id == second.id).execution_options(populate_existing=True)).one()
        assert tuple(stored) == ("held", 400, False, first.id)
    engine.dispose()


def test_an_item_is_opened_once_per_key_and_a_pending_change_to_the_queue_is_written_first(
        database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    with session_factory(engine).begin() as session:
        opened, new = attention.open_item(session, DESK, key="read:message:1", kind="read", reason="linked",
                                          detail="first", district="65.01", item="ktp-el")
        assert new
        again, new_again = attention.open_item(session, DESK, key="read:message:1", kind="read", reason="linked",
                                               detail="second", district="65.01", item="ktp-el")
        assert (again, new_again) == (opened, False)
        assert session.scalar(select(func.count()).select_from(AttentionItem)) == 1
        assert session.scalar(select(AttentionItem.detail).where(AttentionItem.id == opened)) == "first"
        # an item added by hand and not yet flushed holds the key: it is found, not opened a second time
        session.add(AttentionItem(key="reminder:2", kind="reminder", reason="reminder", opened_at=AT))
        found, opened_now = attention.open_item(session, DESK, key="reminder:2", kind="reminder", reason="reminder")
        assert not opened_now
        assert found == session.scalar(select(AttentionItem.id).where(AttentionItem.key == "reminder:2"))
    engine.dispose()


def test_an_open_item_restated_by_its_id_keeps_a_loaded_row_in_step(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    with session_factory(engine).begin() as session:
        item_id, _ = attention.open_item(session, DESK, key="reconcile:message:1", kind="reconcile",
                                         reason="reconcile", detail="dinyatakan 150", district="65.01",
                                         item="ktp-el", quantity=-50)
        assert attention.open_item_for(session, kind="reconcile", district="65.01", item="ktp-el") == item_id
        assert attention.open_item_for(session, kind="reconcile", district="65.02", item="ktp-el") is None
        loaded = session.get(AttentionItem, item_id)
        assert loaded is not None
        message: Any = SimpleNamespace(id=None)
        attention.restate(session, item_id, detail="dinyatakan 190", quantity=-10, message=message)
        assert (loaded.detail, loaded.quantity) == ("dinyatakan 190", -10) and not inspect(loaded).modified
        stored = session.execute(select(AttentionItem.detail, AttentionItem.quantity)
                                 .where(AttentionItem.id == item_id).execution_options(populate_existing=True)).one()
        assert tuple(stored) == ("dinyatakan 190", -10)
    engine.dispose()
