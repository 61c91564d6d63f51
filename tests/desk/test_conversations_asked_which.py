"""A correction that gives only a new figure, naming neither the figure it corrects nor the old one, is asked
about when the request has a stock recorded (the figure may be either); one whose old figure is not the request's
goes to a person. Both on the real SQLite desk in process over the Maildir defaults (outside test a12u H1, H3)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from mailbot.desk import Desk
from tests.desk.conftest import WITA
from tests.desk.test_follow_ups_own_words import BULUNGAN, REQUEST, Desk12, Out, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.fixture
def desk12(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Desk12:
    return Desk12(desk_dir, open_test_desk(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA)))


def _answer(d: Desk12, reply: Out, words: str) -> str:
    quoted = "\n".join(f"> {line}" for line in reply.text.splitlines())
    mid, _ = d.send(BULUNGAN, "Re: " + reply.subject, f"{words}\n\nPada Sab, 5 Des 2026 menulis:\n{quoted}\n",
                    in_reply_to=reply.message_id)
    return mid


def test_a_lone_figure_is_asked_about_and_the_answer_applies_it(desk12: Desk12) -> None:
    mid, _ = desk12.send(BULUNGAN, "Permohonan blangko KTP-el", REQUEST.format(stock="750", asked="2.000",
                                                                              name="Bulungan"))
    [approved] = desk12.replies_to(mid)
    assert desk12.request()["approved"] == 2000
    mid = _answer(desk12, approved, "Koreksi pak, yang benar 1.200.")
    # was: "Jumlah yang dimohon: 2.000 keping menjadi 1.200 keping", approved 1.200, nobody asked
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"], req["approved"]) == (2000, 750, 2000)
    [asked] = desk12.replies_to(mid)
    text = flat(asked.text)
    assert "[BLK-2026-0001]" in asked.subject
    assert ("Angka 1.200 keping dalam email Bapak/Ibu tidak disertai keterangan angka mana yang diralat: jumlah yang "
            "dimohon (tercatat 2.000 keping) atau sisa stok (tercatat 750 keping). Mohon tegaskan apakah 1.200 "
            "keping adalah jumlah yang dimohon atau sisa stok.") in text, text
    mid = _answer(desk12, asked, "Maksud kami yang 1.200 itu sisa stok pak.")
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"]) == (2000, 1200)
    [told] = desk12.replies_to(mid)
    assert "Sisa stok: 750 keping menjadi 1.200 keping" in flat(told.text)
