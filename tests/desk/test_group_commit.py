"""One group of messages, one transaction: a message that fails after it wrote leaves nothing of itself and the
rest commits; a Message-ID seen twice in one group is processed once; the latest statement is the one kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from mailbot import attention, pipeline
from mailbot.desk import Desk
from mailbot.outcomes import MessageOutcome
from mailbot.store import repo
from mailbot.store.schema import AttentionItem, Message, OutboxMessage, Request, StatedStock
from mailbot.transports.maildir import MaildirInbox, deliver
from tests.desk.mailkit import OFFICE, request_body

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

BULUNGAN = "disdukcapil@bulungankab.example"
OPENING = 8000  # Bulungan's opening stock of KTP-el in the shipped config.toml


def _request(mid: str, *, requested: str, stock: str) -> bytes:
    return (f"From: Disdukcapil Bulungan <{BULUNGAN}>\r\nTo: {OFFICE}\r\nSubject: Permohonan blangko KTP-el\r\n"
            f"Date: Fri, 27 Nov 2026 08:30:00 +0800\r\nMessage-ID: <{mid}@bulungankab.example>\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n\r\n"
            f"{request_body(requested, stock)}").replace("\n", "\r\n").replace("\r\r\n", "\r\n").encode()


def _one_group(desk: Desk, desk_dir: Path, *raws: bytes) -> list[pipeline.Outcome]:
    folder = desk_dir / "var" / "mail" / "inbox"
    for raw in raws:
        deliver(folder, raw)
    inbox = MaildirInbox(folder, size_limit=desk.config.guards.max_message_bytes)
    batch = list(inbox.fetch_new())
    assert len(batch) == len(raws)
    batch.sort(key=lambda m: raws.index(m.raw or b""))  # the order they were written in
    return pipeline.process_batch(desk, inbox, batch)


# its row, inserted and rolled back with its savepoint, must not linger in the session beside the quarantined one
@pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")
def test_a_message_failing_after_its_writes_leaves_nothing_and_the_rest_of_its_group_commits(
        open_test_desk: Callable[..., Desk], desk_dir: Path, monkeypatch: pytest.MonkeyPatch,
        database_url: str) -> None:
    desk = open_test_desk()
    after_route = attention.after_route

    def failing(session, desk, message, verdict, trust, outcome):  # type: ignore[no-untyped-def]
        if message.message_id == "<b@bulungankab.example>":  # after its request, reply and statement are written
            raise RuntimeError("disk full")
        return after_route(session, desk, message, verdict, trust, outcome)

    monkeypatch.setattr(attention, "after_route", failing)
    outcomes = _one_group(desk, desk_dir, _request("a", requested="2.000", stock="750"),
                          _request("b", requested="1.500", stock="600"),
                          _request("c", requested="1.000", stock="500"))

    assert [o.outcome for o in outcomes] == [MessageOutcome.REQUEST_APPROVED, MessageOutcome.QUARANTINED,
                                            MessageOutcome.REQUEST_LINKED]
    assert outcomes[1].error == "RuntimeError: disk full"
    with desk.sessions() as session:
        ids = {m.message_id: m.id for m in session.scalars(select(Message))}
        failed = ids["<b@bulungankab.example>"]
        statuses = {m.message_id: m.status for m in session.scalars(select(Message))}
        assert statuses == {"<a@bulungankab.example>": "processed", "<b@bulungankab.example>": "quarantined",
                            "<c@bulungankab.example>": "processed"}
        requests = list(session.scalars(select(Request).order_by(Request.id)))
        assert [(r.message_pk, r.requested, r.state) for r in requests] == [
            (ids["<a@bulungankab.example>"], 2000, "approved"), (ids["<c@bulungankab.example>"], 1000, "linked")]
        # the reference B took was rolled back with it: C has the next one after A's
        assert [r.reference for r in requests] == ["BLK-2026-0001", "BLK-2026-0002"]
        stated = [(s.message_pk, s.quantity) for s in session.scalars(select(StatedStock).order_by(StatedStock.id))]
        assert stated == [(ids["<a@bulungankab.example>"], 750), (ids["<c@bulungankab.example>"], 500)]
        replies = [o.purpose for o in session.scalars(select(OutboxMessage).where(OutboxMessage.category == "reply"))]
        assert f"reply:{failed}" not in replies
        assert {f"reply:{ids['<a@bulungankab.example>']}", f"reply:{ids['<c@bulungankab.example>']}"} <= set(replies)
        items = list(session.scalars(select(AttentionItem).order_by(AttentionItem.id)))
        # B's own items are gone; what it has now is the quarantine's
        assert [i.reason for i in items if i.message_pk == failed] == ["quarantine"]
        reconcile = [i for i in items if i.kind == "reconcile"]
        assert len(reconcile) == 1 and reconcile[0].closed_at is None
        # the latest statement that committed (C's), not B's, which was rolled back
        assert (reconcile[0].message_pk, reconcile[0].quantity) == (ids["<c@bulungankab.example>"], 500 - OPENING)
        assert reconcile[0].detail is not None and "dinyatakan 500," in reconcile[0].detail


@pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")
def test_a_request_looked_up_by_a_message_that_then_fails_is_not_held_for_the_next_one(
        open_test_desk: Callable[..., Desk], desk_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The open request a look-up found is held for the rest of the group; one the failing message added is gone
    with its savepoint, and the next new request takes its id: it must be no row of the session by then."""
    desk = open_test_desk()
    after_route = attention.after_route

    def failing(session, desk, message, verdict, trust, outcome):  # type: ignore[no-untyped-def]
        if message.message_id == "<a@bulungankab.example>":
            assert repo.open_request(session, trust.district, "ktp-el", states=repo.OPEN_STATES) is not None
            raise RuntimeError("disk full")  # after the look-up found (and held) the request A added
        return after_route(session, desk, message, verdict, trust, outcome)

    monkeypatch.setattr(attention, "after_route", failing)
    outcomes = _one_group(desk, desk_dir, _request("a", requested="2.000", stock="750"),
                          _request("b", requested="1.500", stock="600"))

    assert [(o.outcome, o.error) for o in outcomes] == [(MessageOutcome.QUARANTINED, "RuntimeError: disk full"),
                                                        (MessageOutcome.REQUEST_APPROVED, None)]
    with desk.sessions() as session:
        assert [(r.requested, r.state) for r in session.scalars(select(Request))] == [(1500, "approved")]


def test_a_message_seen_twice_in_one_group_is_processed_once_and_another_under_its_message_id_on_its_own(
        open_test_desk: Callable[..., Desk], desk_dir: Path, database_url: str) -> None:
    desk = open_test_desk()
    first = _request("a", requested="2.000", stock="750")
    outcomes = _one_group(desk, desk_dir, first,
                          first.replace(b"\r\n", b"\n"),  # the same message, delivered again with other line ends
                          _request("a", requested="3.000", stock="100"),  # the same Message-ID, other figures
                          _request("c", requested="1.000", stock="500"))

    assert [(o.outcome, o.queued) for o in outcomes] == [
        (MessageOutcome.REQUEST_APPROVED, False), (MessageOutcome.DUPLICATE, False),
        (MessageOutcome.REQUEST_LINKED, True), (MessageOutcome.REQUEST_LINKED, False)]
    with desk.sessions() as session:
        assert [m.message_id for m in session.scalars(select(Message).order_by(Message.id))] == [
            "<a@bulungankab.example>", "<a@bulungankab.example>", "<c@bulungankab.example>"]
        assert [r.requested for r in session.scalars(select(Request).order_by(Request.id))] == [2000, 3000, 1000]
        assert [s.quantity for s in session.scalars(select(StatedStock).order_by(StatedStock.id))] == [750, 100, 500]
        replies = list(session.scalars(select(OutboxMessage).where(OutboxMessage.category == "reply")))
        assert sorted(r.purpose for r in replies) == ["reply:1", "reply:2", "reply:3"]  # one to each message read
        [shared] = session.scalars(select(AttentionItem).where(AttentionItem.reason == "message_id_shared"))
        assert shared.message_pk == 2
    assert not list((desk_dir / "var" / "mail" / "inbox" / "new").iterdir()), "all four acknowledged"
