"""Conversations that must hold, on the real SQLite desk in process over the Maildir defaults, every message
written fresh: a raise restated in other words, answering the same mail as the raise already applied, is never
added twice; a receipt written with a stock correction after dispatch books the receipt and handles the
correction; the answer "yang 700 itu sisa stok" is shown back as the stock only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from mailbot.desk import Desk
from tests.desk.conftest import WITA
from tests.desk.test_follow_ups_own_words import (
    REQUEST,
    Desk12,
    Out,
    flat,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

MALINAU = "disdukcapil@malinaukab.example"


@pytest.fixture
def desk12(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Desk12:
    return Desk12(desk_dir, open_test_desk(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA)))


def _asked(d: Desk12, sender: str, name: str, stock: str, asked: str) -> Out:
    mid, _ = d.send(sender, "Permohonan blangko KTP-el", REQUEST.format(stock=stock, asked=asked, name=name))
    [reply] = d.replies_to(mid)
    return reply


def _answer(d: Desk12, sender: str, reply: Out, words: str) -> str:
    quoted = "\n".join(f"> {line}" for line in reply.text.splitlines())
    mid, _ = d.send(sender, "Re: " + reply.subject, f"{words}\n\n{quoted}\n", in_reply_to=reply.message_id)
    return mid


# M2. the answer "yang 700 itu sisa stok" is shown back as the stock it was applied to, never as the figure asked --

def test_the_answer_naming_its_figure_is_shown_back_as_applied(desk12: Desk12) -> None:
    reply = _asked(desk12, MALINAU, "Malinau", "1.000", "1.000")
    mid = _answer(desk12, MALINAU, reply, "Koreksi pak, bukan 1.000 tapi 700.")
    [asked] = desk12.replies_to(mid)
    mid = _answer(desk12, MALINAU, asked, "Maksud kami yang 700 itu sisa stok pak.")
    assert (desk12.request()["requested"], desk12.request()["stock_on_hand"]) == (1000, 700)
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    understood = text[text.index("Yang kami pahami"):]
    # was: "- Jumlah yang dimohon: 700 keping (tertulis: ...)" beside the stock, the request still asking 1.000
    assert "Jumlah yang dimohon: 700 keping" not in text
    assert "Sisa stok: 700 keping" in understood
