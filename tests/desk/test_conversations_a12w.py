"""Conversations of the outside test a12w, on the real SQLite desk in process: a short correction in the reader's
abbreviations ("150 lbr bkn 250") is applied like its long form; a stock the district stated minutes before
decides its new request and is shown to the managers; an urge to send an approved request is a reminder, not a
correction; a request naming both blanks opens both; a crossing correction from the second address is told the
figure its colleague had applied; the digest's district row follows the stock the district stated."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from mailbot.desk import Desk
from tests.desk.conftest import WITA
from tests.desk.test_follow_ups_own_words import Desk12, Out, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

MALINAU = "disdukcapil@malinaukab.example"
TANA_TIDUNG = "disdukcapil@tanatidungkab.example"


@pytest.fixture
def desk12(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Desk12:
    return Desk12(desk_dir, open_test_desk(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA)))


def answer(d: Desk12, sender: str, reply: Out, words: str) -> tuple[str, dict[str, int]]:
    """*sender* answers the desk's *reply* in Gmail style."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in reply.text.splitlines())
    return d.send(sender, "Re: " + reply.subject,
                  f"{words}\n\nPada Sab, 5 Des 2026 pukul 09.00 {reply.msg['From']} menulis:\n{quoted}\n",
                  in_reply_to=reply.message_id)


@pytest.mark.parametrize(("item", "words", "approved"), [
    ("KIA", "Koreksi, sisa KIA 150 lbr bkn 250.", 500),  # need 30 x 20 - 150 = 450, rounded up to 500
    ("KTP-el", "Koreksi, sisa KTP-el 150 lbr bkn 250.", 600),
])
def test_short_stock_correction_in_the_readers_abbreviations_is_applied(desk12: Desk12, item: str,
                                                                         words: str, approved: int) -> None:
    """N-H2: "150 lbr bkn 250" ("lembar", "bukan") is the correction "150 lembar, bukan 250": stock 250 -> 150,
    the request decided again, one reply in the thread (it was left to a person as a figure in doubt)."""
    d = desk12
    mid, outcome = d.send(MALINAU, f"Permohonan blangko {item}",
                          f"Sisa blangko {item} kami 250 lembar. Mohon dikirim blangko {item} 600 lembar.")
    assert sum(outcome.values()) == 1
    [first] = d.replies_to(mid)
    mid2, outcome = answer(d, MALINAU, first, words)
    assert "follow-up-unclear" not in outcome, outcome
    row = d.request()
    assert row["stock_on_hand"] == 150
    assert row["approved"] == approved
    [reply] = d.replies_to(mid2)
    assert "150" in flat(reply.text) and "250" in flat(reply.text)

