"""A district's mail sent again, on the real SQLite desk in process over the Maildir defaults, every message
written fresh: within [guards] resend_window_hours of the first, a receipt without a count that we asked back about
is not asked again, and a request mail sent again is no second request; after that window the same words are a new
mail. The window is the configuration's, not a fixed day."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.desk.conftest import WITA
from tests.desk.desk12 import BULUNGAN, TARAKAN, Desk12, approved, dispatched, send_answer
from tests.desk.mailkit import SetClock, set_guards

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

START = datetime(2026, 12, 5, 10, 0, tzinfo=WITA)


@pytest.fixture
def clock() -> SetClock:
    return SetClock(START)


# a receipt without a count sent twice: asked once ---------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "Dengan hormat,\nBlangko KTP-el telah kami terima dalam keadaan baik.\nTerima kasih.",
    "Kiriman blangko sudah sampai pak, terima kasih 🙏",
    "Good afternoon, the KTP-el blanks have arrived in good condition. Thank you.",
], ids=["outlook-formal", "phone", "english"])
def test_a_receipt_without_a_count_sent_again_is_asked_once(desk12: Desk12, clock: SetClock, words: str) -> None:
    notice = dispatched(desk12)
    first, outcome = send_answer(desk12, BULUNGAN, notice, words)
    assert outcome == {"receipt-clarify": 1}, outcome
    [asked] = desk12.replies_to(first)
    assert "Jumlah yang diterima belum kami temukan" in asked.text
    clock.now = START + timedelta(minutes=20)
    n = len(desk12.out())
    again, outcome = send_answer(desk12, BULUNGAN, notice, words)
    # was: the same ask-back a second time
    assert outcome == {"asked-before": 1}, outcome
    assert desk12.out()[n:] == [] and desk12.queue(again) == set()
    assert desk12.request()["state"] == "dispatched"
    assert desk12.db().execute("select count(*) from audit where action = 'resent'").fetchone()[0] == 1


def test_the_same_receipt_after_the_window_is_asked_again(desk12: Desk12, clock: SetClock) -> None:
    notice = dispatched(desk12)
    words = "Blangko KTP-el telah kami terima dalam keadaan baik."
    send_answer(desk12, BULUNGAN, notice, words)
    clock.now = START + timedelta(hours=25)  # the shipped window is 24 hours
    again, outcome = send_answer(desk12, BULUNGAN, notice, words)
    assert outcome == {"receipt-clarify": 1}, outcome
    assert len(desk12.replies_to(again)) == 1


# the window is the configuration's --------------------------------------------------------------------------------

RESENT = ("Selamat pagi pak, mohon tambahan blangko KTP-el sebanyak 1.200 keping, sisa stok kami 2.600 keping.\n"
          "Operator Tarakan\n")


@pytest.mark.parametrize(("hours", "later", "outcome"), [
    (48, 30, "repeated-request"),
    (2, 3, "request-linked"),
    (2, 1, "repeated-request"),
], ids=["two-days-30h", "two-hours-3h", "two-hours-1h"])
def test_a_request_sent_again_is_a_repeat_within_the_configured_window(
        request: pytest.FixtureRequest, desk_dir: Path, clock: SetClock, hours: int, later: int,
        outcome: str) -> None:
    set_guards(desk_dir, resend_window_hours=hours)
    desk12: Desk12 = request.getfixturevalue("desk12")
    _, got = desk12.send(TARAKAN, "Permohonan blangko", RESENT)
    assert got == {"request-approved": 1}, got
    clock.now = START + timedelta(hours=later)
    _, got = desk12.send(TARAKAN, "Permohonan blangko", RESENT)
    # was: a fixed day, whatever the configuration said
    assert got == {outcome: 1}, got


def test_a_receipt_sent_again_after_a_short_configured_window_is_asked_again(
        request: pytest.FixtureRequest, desk_dir: Path, clock: SetClock) -> None:
    set_guards(desk_dir, resend_window_hours=2)
    desk12: Desk12 = request.getfixturevalue("desk12")
    notice = dispatched(desk12)
    words = "Blangko KTP-el telah kami terima dalam keadaan baik."
    send_answer(desk12, BULUNGAN, notice, words)
    clock.now = START + timedelta(hours=3)
    _, outcome = send_answer(desk12, BULUNGAN, notice, words)
    assert outcome == {"receipt-clarify": 1}, outcome


def test_a_correction_in_other_words_after_the_window_is_for_a_person(desk12: Desk12, clock: SetClock) -> None:
    reply = approved(desk12)
    send_answer(desk12, BULUNGAN, reply, "ralat pak, mohon 2.400 keping bukan 2.000.")
    clock.now = START + timedelta(hours=25)
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject, "Ralat pak, 2.400 bukan 2.000 🙏\n",
                               in_reply_to=reply.message_id)
    assert outcome != {"follow-up-confirmed": 1}, outcome
    assert desk12.queue(mid) and len(desk12.replies_to(mid)) == 1
