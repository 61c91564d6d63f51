"""The open requests of a district: one query, used both to find the request a mail belongs to and to name
the requests that hold a new one."""

from __future__ import annotations

from datetime import UTC, datetime

from mailbot.store import repo
from mailbot.store.db import make_engine, migrate, session_factory
from mailbot.store.schema import Request
from mailbot.store.stock import open_references

AT = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)


def test_open_requests_put_the_one_awaiting_an_answer_first_and_references_keep_the_age_order(
        database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    rows = [("BLK-1", "65.01", "held", None), ("BLK-2", "65.01", "clarifying", None),
            ("BLK-3", "65.01", "approved", None), ("BLK-4", "65.01", "dispatched", None),
            ("BLK-5", "65.01", "held", 1), ("BLK-6", "65.02", "held", None), ("BLK-7", "65.01", "rejected", None)]
    with session_factory(engine).begin() as session:
        for reference, district, state, linked in rows:
            session.add(Request(reference=reference, district=district, item="ktp-el", state=state,
                                linked_to=linked, created_at=AT, updated_at=AT))
            session.flush()
        first = repo.open_request(session, "65.01", "ktp-el")
        assert first is not None and first.reference == "BLK-2"
        assert [r.reference for r in repo.open_requests(session, "65.01", "ktp-el")] == ["BLK-2", "BLK-1", "BLK-3"]
        assert [r.reference for r in repo.open_requests(session, "65.01", "ktp-el", states=repo.OPEN_STATES)] == [
            "BLK-2", "BLK-1", "BLK-3", "BLK-4"]
        assert open_references(session, "65.01", "ktp-el") == ("BLK-1", "BLK-2", "BLK-3")
        assert open_references(session, "65.01", "ktp-el", exclude=first.id) == ("BLK-1", "BLK-3")
        assert open_references(session, "65.01", "kia") == ()
        assert repo.open_request(session, "65.03", "ktp-el") is None
    engine.dispose()
