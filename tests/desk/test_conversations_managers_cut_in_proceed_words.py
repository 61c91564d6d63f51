"""A manager answering a held request by telling the desk to carry on with a smaller figure, on the real SQLite desk
in process: "Silakan diproses, namun dibatasi ...", "Lanjutkan, tapi ... dulu", "Proses aja, max ...", "Boleh tapi
dikurangi jadi ..." approve that figure, as "Boleh, tapi cukup 3.000" does; carrying on with no figure and words
that are no time limit approves nothing (a time limit for sending with it approves the proposal: see
test_conversations_managers_smaller_figure_and_time_limit.py; "Silakan diproses." as the whole reply approves the
proposal: test_conversations_managers_go_ahead_alone_or_with_a_deadline.py)."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "figure"), [
    ("Silakan diproses, namun dibatasi 2.500 keping saja.", 2500),
    ("Silakan diproses 2.200 saja.", 2200),
    ("Lanjutkan, tapi 3.000 dulu ya.", 3000),
    ("Proses aja pak, max 2.000.", 2000),
    ("Boleh pak tapi dikurangi jadi 1.500", 1500),
], ids=["proceed-limited", "proceed-figure-only", "carry-on-but-for-now", "proceed-max", "may-but-lowered-to"])
def test_carrying_on_with_a_smaller_figure_approves_it(desk12: Desk12, words: str, figure: int) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", figure)
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    text = flat(told.text)
    assert "SEBAGIAN" in text and f"{figure:,}".replace(",", ".") in text, told.text


@pytest.mark.parametrize("words", ["Lanjutkan 3 hari lagi ya.", "Silakan diproses, 3 hari lagi."],
                         ids=["a-time-no-figure", "proceed-then-a-time"])
def test_carrying_on_without_a_figure_decides_nothing(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert desk12.request()["state"] == "held", outcome
    assert not [o for o in desk12.out()[n:] if NUNUKAN in o.to]
