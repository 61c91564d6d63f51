"""A manager's answer to a held notice that the desk cannot take as a decision ("ok go ahead, approve all of it.
they need it before the year-end rush", "Jangan dulu ya, stok provinsi sedang dialokasikan ..."): nothing is
decided, a person reads it, and the manager is answered with his own words quoted, never the commands alone."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Jangan dulu ya, stok provinsi sedang dialokasikan untuk perekaman massal di Krayan.",
    "Sik, tak cek stok gudange disik, mengko tak kabari.",
], ids=["refusal-without-tolak", "javanese-ngoko"])
def test_a_managers_answer_not_taken_as_a_decision_is_quoted_back(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, MANAGERS[0], held, f"{words}\n\nSent from my iPhone", above=GMAIL)
    assert desk12.request()["state"] == "held", outcome
    assert desk12.queue(mid) == {"manager_other"}, outcome
    [told] = [o for o in desk12.out()[n:] if MANAGERS[0] in o.to]
    # was: only "baris pertamanya bukan perintah SETUJU atau TOLAK" and the commands, his words nowhere
    assert f'Bapak/Ibu menulis: "{flat(words)}"' in flat(told.text), told.text


def test_an_approval_after_go_ahead_is_asked_back_in_the_managers_words(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, "ok go ahead, approve all of it. they need it before the "
                             "year-end rush", above=GMAIL)
    # was: "baris pertamanya bukan perintah SETUJU atau TOLAK", his words nowhere
    assert outcome == {"manager-command-error": 1}, outcome
    assert desk12.request()["state"] == "held"
    [told] = [o for o in desk12.out()[n:] if MANAGERS[0] in o.to]
    assert 'sesudah "approve"' in flat(told.text) and "year-end rush" in flat(told.text), told.text


def test_a_sundanese_approval_with_a_condition_approves_and_passes_it_on(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[1], held, "Mangga disatujuan, asal laporan harianna dikirim unggal "
                             "dinten.", above=GMAIL)
    # was: "baris pertamanya bukan perintah SETUJU atau TOLAK", the request still waiting, the condition lost
    assert outcome == {"manager-approve": 1}, outcome
    assert desk12.request()["state"] == "approved"
    [district] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert "laporan harianna dikirim unggal dinten" in flat(district.text), district.text
