"""A manager's go-ahead on a held request in everyday speech, on the real SQLite desk in process: "ACC." or "Jalan mi,
kirim ji itu" followed by a sentence of when the blanks are to be there ("Usahakan sebelum akhir bulan sudah diterima
mereka.", "... sebelum tanggal 18.") approves the proposal with that sentence as the manager's note; a go-ahead that
is the whole reply ("Jalan mi.", "gas", "lanjut", "oke jalan") approves the proposal; the same words asked, an "ok"
alone, or a district writing them, decide nothing."""

from __future__ import annotations

import re

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

IPHONE = "On Dec 7, 2026, at 09:41, {desk} wrote:"


def _answered(desk12: Desk12, words: str) -> tuple[int, dict[str, int], str]:
    """The kadis answers the held notice with *words* over an iPhone quote: the figure proposed, the outcome and
    what the district was told (flat; "" when nothing)."""
    _, held = held_for_managers(desk12)
    proposed = int(re.search(r"sesuai usulan sistem, ([\d.]+) keping", flat(held.text))[1].replace(".", ""))
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, words, above=IPHONE)
    told = [flat(o.text) for o in desk12.out()[n:] if NUNUKAN in o.to]
    return proposed, outcome, told[0] if told else ""


@pytest.mark.parametrize(("words", "note"), [
    ("Sip, ACC. Usahakan sebelum akhir bulan sudah diterima mereka.",
     "Usahakan sebelum akhir bulan sudah diterima mereka."),
    ("Jalan mi, kirim ji itu sebelum tanggal 18.", "sebelum tanggal 18"),
], ids=["acc-then-try-to-have-it-there", "makassar-send-it-before-a-day"])
def test_a_go_ahead_then_a_deadline_sentence_approves_with_the_note(desk12: Desk12, words: str, note: str) -> None:
    proposed, outcome, told = _answered(desk12, words)
    # was: "Maksud baris pertamanya belum dapat kami pastikan" and the request left waiting
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", proposed)
    assert f"Catatan dari pimpinan: {note}" in told, told


@pytest.mark.parametrize("words", ["Jalan mi.", "gas", "gass pak", "lanjut", "oke jalan", "Silakan diproses.",
                                   "Gas\n\nSent from my iPhone"])
def test_a_go_ahead_alone_approves_the_proposal(desk12: Desk12, words: str) -> None:
    proposed, outcome, told = _answered(desk12, words)
    # was: "Kami belum dapat memastikan apakah itu keputusan" and a queue item
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", proposed)
    assert "DISETUJUI" in told, told


@pytest.mark.parametrize("words", ["gas kah?", "jalan mi kah?", "sudah dicek?", "ok", "siap pak",
                                   "gas, nanti saya telpon kadis Nunukan"])
def test_a_go_ahead_asked_or_an_acknowledgement_decides_nothing(desk12: Desk12, words: str) -> None:
    _, outcome, told = _answered(desk12, words)
    assert desk12.request()["state"] == "held", outcome
    assert not told


def test_a_districts_go_ahead_alone_decides_nothing(desk12: Desk12) -> None:
    mid, _ = held_for_managers(desk12)
    [reply] = desk12.replies_to(mid)
    n = len(desk12.out())
    send_answer(desk12, NUNUKAN, reply, "gas", above=GMAIL)
    assert desk12.request()["state"] == "held"
    assert not [o for o in desk12.out()[n:] if "DISETUJUI" in o.text]
