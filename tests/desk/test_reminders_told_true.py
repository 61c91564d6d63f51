"""Reminders, on the real SQLite desk in process over the Maildir defaults: a reminder from a district with no open
request opens none and asks no figure; it waits for a person and the district is told no request was found; a
reminder told that it went to the managers only when it did (a later one is told they know already)."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, MALINAU, Desk12, approved
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

FORWARDED = "telah kami teruskan kepada pimpinan"


@pytest.mark.parametrize(("subject", "words"), [
    ("Re: permohonan blangko", "Izin mengingatkan kembali permohonan blangko kami minggu lalu pak, belum ada kabar."),
    ("Permohonan blangko KTP-el", "Selamat siang, kami menanyakan kelanjutan permohonan blangko yang kami kirim "
                                  "sebelumnya. Terima kasih."),
])
def test_a_reminder_with_no_open_request_opens_none_and_is_told_none_was_found(
        desk12: Desk12, subject: str, words: str) -> None:
    mid, outcome = desk12.send(MALINAU, subject, words)
    assert outcome == {"reminder-unmatched+queued": 1}
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 0
    assert desk12.queue(mid) == {"reminder_unmatched"}
    [told] = desk12.replies_to(mid)
    assert told.to == [MALINAU]
    assert "belum menemukan permohonan blangko" in told.text and "Jumlah yang dimohon belum" not in told.text


def test_a_new_request_that_urges_sending_without_a_figure_is_still_asked_its_figure(desk12: Desk12) -> None:
    mid, outcome = desk12.send(MALINAU, "Permohonan blangko KTP-el",
                               "Stok blangko kami hampir habis, mohon segera dikirim tambahan blangko KTP-el.")
    assert outcome == {"request-clarify": 1}


def test_only_the_reminder_that_went_to_the_managers_says_so(desk12: Desk12) -> None:
    reply = approved(desk12)
    first, _ = desk12.send(BULUNGAN, "Re: " + reply.subject, "Izin mengingatkan kembali permohonan kami pak.",
                           in_reply_to=reply.message_id)
    second, _ = desk12.send(BULUNGAN, "Re: " + reply.subject, "Mohon ditindaklanjuti pak, belum ada kabar.",
                            in_reply_to=reply.message_id)
    assert len([o for o in desk12.out() if o.purpose.startswith("reminder:") and sorted(o.to) == sorted(MANAGERS)]) == 1
    [one] = desk12.replies_to(first)
    [two] = desk12.replies_to(second)
    assert FORWARDED in one.text
    assert FORWARDED not in two.text and "telah kami sampaikan kepada pimpinan sebelumnya" in two.text


def _open_reminders(desk12: Desk12) -> int:
    return int(desk12.db().execute("select count(*) from attention_items where kind = 'reminder' "
                                   "and closed_at is null").fetchone()[0])


def test_a_reminder_closes_when_its_request_is_dispatched(desk12: Desk12) -> None:
    from mailbot import actions
    from mailbot.store import repo

    reply = approved(desk12)
    mid, _ = desk12.send(BULUNGAN, "Re: " + reply.subject, "Izin mengingatkan kembali permohonan kami pak.",
                         in_reply_to=reply.message_id)
    assert desk12.queue(mid) == {"reminder"} and _open_reminders(desk12) == 1
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    assert desk12.queue(mid) == set() and _open_reminders(desk12) == 0


@pytest.mark.parametrize("decide", ["approve", "reject"])
def test_a_reminder_closes_when_a_manager_decides_its_held_request(desk12: Desk12, decide: str) -> None:
    from mailbot import actions
    from mailbot.store import repo

    tarakan = "disdukcapil@tarakankota.example"
    mid, _ = desk12.send(tarakan, "Permohonan blangko KTP-el", "Dengan hormat, kami mohon tambahan blangko KTP-el "
                                                               "sebanyak 4.000 keping. Sisa stok kami 300 keping.")
    [ack] = desk12.replies_to(mid)
    assert desk12.request()["state"] == "held"
    desk12.send(tarakan, "Re: " + ack.subject, "Mohon ditindaklanjuti pak, belum ada kabar.",
                in_reply_to=ack.message_id)
    assert _open_reminders(desk12) == 1
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        if decide == "approve":
            actions.approve(session, desk12.desk, req, 3000, actor=MANAGERS[0], via="message")
        else:
            actions.reject(session, desk12.desk, req, "stok provinsi terbatas", actor=MANAGERS[0], via="message")
    assert _open_reminders(desk12) == 0
