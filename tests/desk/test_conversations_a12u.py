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
    answer_gmail,
    dispatched,
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


# H4, H5. a receipt with a correction of the stock, after dispatch: the receipt booked, the stock handled as any
# correction after dispatch, one reply ----------------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "Blangko 2.000 keping sudah kami terima pak. Sekalian koreksi, stok kami waktu mengajukan sebenarnya 450, "
    "bukan 750.",
    "Blangko sudah kami terima 2.000 keping. Mohon maaf, stok yang kami tulis di permohonan keliru, seharusnya 450.",
], ids=["sekalian-koreksi-bukan", "stok-yang-kami-tulis-keliru"])
def test_a_receipt_with_a_stock_correction_books_the_receipt(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)  # 2.000 to Bulungan, stock 750
    told_before, on_hand = len(desk12.to_managers()), desk12.on_hand()
    mid, _ = answer_gmail(desk12, notice, words)
    req = desk12.request()
    # was: nothing received (state "dispatched"), and (stok-yang-kami-tulis-keliru) the figure asked 2.000 -> 450
    # told to the district and to the managers
    assert (req["state"], req["requested"], req["approved"]) == ("received", 2000, 2000)
    assert "receipt_confirmed" in desk12.ledger_kinds() and desk12.on_hand() - on_hand == 2000
    stated = desk12.db().execute("select quantity from stated_stock where district = '65.01' order by id desc"
                                 ).fetchone()
    assert stated is not None and stated[0] == 450
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "penerimaan blangko KTP-el sebanyak 2.000 keping" in text
    assert "Sisa stok: 750 keping menjadi 450 keping" in text
    assert "Jumlah yang dimohon: 2.000 keping menjadi" not in text and "menjadi 450" not in text.replace(
        "750 keping menjadi 450", "")
    assert "mohon konfirmasi" not in text.lower()  # the district is never asked again for the count it gave
    [managers] = desk12.to_managers()[told_before:]
    said = flat(managers.text)
    assert "Sisa stok: 750 keping menjadi 450 keping" in said and "Jumlah yang dimohon" not in said
    assert "diterima sebanyak 2.000 keping" in said
    assert desk12.queue(mid) >= {"after_decision"}

