"""A Message-ID is the sender's claim: the same message delivered again is a duplicate (nothing doubled), but
another message under a Message-ID already seen is read on its own and shown to a person, and a district's
authenticated request is never silenced by a forgery that took its Message-ID first. With the shipped guards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from mailbot.desk import Desk
from mailbot.runners import process_inbox
from mailbot.store import repo
from mailbot.store.schema import AttentionItem, Message, OutboxMessage, Request
from mailbot.transports.maildir import MaildirInbox, deliver
from tests.desk.mailkit import AUTHSERV_ID, OFFICE

pytestmark = pytest.mark.usefixtures("database_url")  # on SQLite and on PostgreSQL (tests/backends.py)

TARAKAN = "disdukcapil@tarakankota.example"
MID = "<20261127.0800.permohonan@tarakankota.example>"
VOUCHED = (f"Authentication-Results: {AUTHSERV_ID};\r\n\tdkim=pass header.d=tarakankota.example header.s=mail;\r\n"
           f"\tdmarc=pass (p=quarantine) header.from=tarakankota.example\r\n")


def _letter(requested: str, *, vouched: bool, date: str = "Fri, 27 Nov 2026 08:00:00 +0800",
            trace: str = "Received: from mx.kaltaraprov.example by mail.kaltaraprov.example\r\n") -> bytes:
    """Tarakan's request as it reaches the desk: the office's trace headers (and, when *vouched*, its
    Authentication-Results) on top of what the sender wrote."""
    return (f"{trace}{VOUCHED if vouched else ''}From: Disdukcapil Tarakan <{TARAKAN}>\r\nTo: {OFFICE}\r\n"
            f"Subject: Permohonan blangko KTP-el Tarakan\r\nDate: {date}\r\nMessage-ID: {MID}\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "Dengan hormat,\r\nsisa stok blangko KTP-el kami 150 keping.\r\n"
            f"Kami mohon tambahan blangko KTP-el sebanyak {requested} keping.\r\n\r\n"
            "Hormat kami,\r\nOperator Disdukcapil Tarakan\r\n").encode()


def _run(desk: Desk, desk_dir: Path, *raws: bytes) -> dict[str, int]:
    folder = desk_dir / "var" / "mail" / "inbox"
    for raw in raws:
        deliver(folder, raw)
    return dict(process_inbox(desk, MaildirInbox(folder, size_limit=desk.config.guards.max_message_bytes)))


def _rows(desk: Desk) -> tuple[list[tuple[str | None, int | None]], list[tuple[int | None, str]], list[str]]:
    """(messages: Message-ID and the message it shares it with; requests: requested and state; outbox purposes)."""
    with desk.sessions() as session:
        messages = [(m.message_id, (m.guard or {}).get("message_id_shared_with"))
                    for m in session.scalars(select(Message).order_by(Message.id))]
        requests = [(r.requested, r.state) for r in session.scalars(select(Request).order_by(Request.id))]
        purposes = sorted(session.scalars(select(OutboxMessage.purpose)))
    return messages, requests, purposes


def _replies_to_tarakan(desk: Desk) -> list[str]:
    with desk.sessions() as session:
        return [o.purpose for o in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
                if TARAKAN in o.recipients]


def _shared_items(desk: Desk) -> list[int | None]:
    with desk.sessions() as session:
        return list(session.scalars(select(AttentionItem.message_pk)
                                    .where(AttentionItem.reason == "message_id_shared").order_by(AttentionItem.id)))


def test_a_forgery_that_took_the_message_id_first_does_not_silence_the_authenticated_request(
        open_test_desk: Callable[..., Desk], desk_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    desk = open_test_desk()
    forged = _letter("100", vouched=False, date="Fri, 27 Nov 2026 07:50:00 +0800")
    assert _run(desk, desk_dir, forged) == {"request-held": 1}
    assert _replies_to_tarakan(desk) == [], "an unauthenticated sender is never answered"

    real = _letter("1.500", vouched=True)
    assert _run(desk, desk_dir, real) == {"request-approved+queued": 1}
    messages, requests, _ = _rows(desk)
    assert messages == [(MID, None), (MID, 1)], "read on its own, and its record names the other message"
    assert requests == [(100, "held"), (1500, "approved")]
    assert _replies_to_tarakan(desk) == ["reply:2"], "the district hears of its own request"
    assert _shared_items(desk) == [2], "a person is shown the two messages under one Message-ID"
    assert "carries the Message-ID" in caplog.text

    # the real request, fetched again, imported again, or delivered into another folder with other trace
    # headers and line ends: the same message, nothing doubled; so the forgery again
    before = _rows(desk)
    again = real.replace(b"Received: from mx", b"Delivered-To: blangko@disdukcapil.kaltaraprov.example\r\n"
                                               b"Received: from mx2").replace(b"\r\n", b"\n")
    assert _run(desk, desk_dir, real, again, forged) == {"duplicate": 3}
    assert _rows(desk) == before
    assert _shared_items(desk) == [2]


def test_a_forgery_after_the_real_request_is_read_on_its_own_and_never_stands_for_it(
        open_test_desk: Callable[..., Desk], desk_dir: Path) -> None:
    desk = open_test_desk()
    assert _run(desk, desk_dir, _letter("1.500", vouched=True)) == {"request-approved": 1}
    assert _run(desk, desk_dir, _letter("9.000", vouched=False)) == {"request-held+queued": 1}
    messages, requests, _ = _rows(desk)
    assert messages == [(MID, None), (MID, 1)]
    assert requests == [(1500, "approved"), (9000, "held")]
    assert _replies_to_tarakan(desk) == ["reply:1"], "the forgery is not answered"
    assert _shared_items(desk) == [2]
    with desk.sessions() as session:  # a reply in the thread of that Message-ID belongs to the verified request
        found = repo.request_by_inbound_message_id(session, [MID])
        assert found is not None and found.requested == 1500


def test_the_same_letter_authenticated_after_an_unvouched_copy_is_read_and_then_each_copy_is_a_duplicate(
        open_test_desk: Callable[..., Desk], desk_dir: Path) -> None:
    """A forger who copied the whole letter ahead of it (or a copy that came by a way the office's server did not
    vouch for) does not make the authenticated letter a duplicate."""
    desk = open_test_desk()
    unvouched, vouched = _letter("1.500", vouched=False), _letter("1.500", vouched=True)
    assert _run(desk, desk_dir, unvouched) == {"request-held": 1}
    assert _run(desk, desk_dir, vouched) == {"request-approved+queued": 1}
    before = _rows(desk)
    assert before[1] == [(1500, "held"), (1500, "approved")]
    assert _run(desk, desk_dir, vouched, unvouched, vouched.replace(b"\r\n", b"\n")) == {"duplicate": 3}
    assert _rows(desk) == before
    assert _replies_to_tarakan(desk) == ["reply:2"]


def test_an_unvouched_copy_after_the_authenticated_letter_is_a_duplicate(
        open_test_desk: Callable[..., Desk], desk_dir: Path) -> None:
    desk = open_test_desk()
    assert _run(desk, desk_dir, _letter("1.500", vouched=True)) == {"request-approved": 1}
    assert _run(desk, desk_dir, _letter("1.500", vouched=False, trace="")) == {"duplicate": 1}
    assert _rows(desk)[0] == [(MID, None)]
    assert _shared_items(desk) == []
