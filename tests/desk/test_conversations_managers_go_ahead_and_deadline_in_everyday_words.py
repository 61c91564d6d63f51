"""A manager's go-ahead on a held request in everyday or regional speech, on the real SQLite desk in process:
"gas", "sip", Bugis-Makassar "ja"/"mi" ("jalan mi"), over several sentences, approve the proposal with the when or
the duty told to the district (asked as a question, they decide nothing); a time limit said as the day the blanks
are to be there by ("paling lambat akhir bulan", "sebelum tgl 18") approves the proposal (or the figure written) with
the day as the manager's note, a date never read as a count of blanks. A condition, an "ok" alone or a district's
own words decide nothing."""

from __future__ import annotations

import re

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _approved(desk12: Desk12, words: str) -> tuple[int, int, str]:
    """The manager answers the held notice with *words* (phone style): the figure proposed, the figure approved
    and what the district was told."""
    _, held = held_for_managers(desk12)
    proposed = int(re.search(r"sesuai usulan sistem, ([\d.]+) keping", flat(held.text))[1].replace(".", ""))
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, MANAGERS[0], held, f"{words}\n\nSent from my iPhone", above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert desk12.request()["state"] == "approved"
    assert desk12.queue(mid) == set()
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    return proposed, desk12.request()["approved"], flat(told.text)


@pytest.mark.parametrize(("words", "note"), [
    ("Gaskan pak, lanjut ja. Kirim lusa.", "Kirim lusa."),
    ("Siip, ACC. Tp jgn lupa rekap pemakaian dikirim tiap Jumat.", "jgn lupa rekap pemakaian dikirim tiap Jumat"),
    ("Iyo, jalan mi, kirimkan semua.", None),
    ("Jalan terus pak. Dikirim hari Senin.", "Dikirim hari Senin."),
], ids=["gas-then-when", "sip-acc-then-duty", "makassar-jalan-mi", "jalan-terus-then-day"])
def test_a_go_ahead_in_everyday_or_regional_speech_approves_the_proposal(desk12: Desk12, words: str,
                                                                         note: str | None) -> None:
    proposed, approved, told = _approved(desk12, words)
    assert approved == proposed
    if note is not None:
        assert f"Catatan dari pimpinan: {note}" in told, told


@pytest.mark.parametrize(("words", "note"), [
    ("Oke acc. Selambat-lambatnya akhir bulan ini sudah tiba di Nunukan.",
     "Selambat-lambatnya akhir bulan ini sudah tiba di Nunukan"),
    ("Lanjutkan, mohon dikirim paling lambat tanggal 20 Desember.", "mohon dikirim paling lambat tanggal 20 Desember"),
    ("Silakan diproses, sebelum tgl 18 sudah sampai ya", "sebelum tgl 18 sudah sampai"),
    ("Disetujui, paling lambat Kamis depan.", "paling lambat Kamis depan"),
], ids=["acc-end-of-month-at-a-place", "carry-on-by-a-date", "proceed-before-the-day", "approved-by-a-weekday"])
def test_a_day_to_be_there_by_approves_the_proposal_and_is_told(desk12: Desk12, words: str, note: str) -> None:
    proposed, approved, told = _approved(desk12, words)
    assert approved == proposed  # "tanggal 20", "tgl 18": never a count of blanks
    assert f"Catatan dari pimpinan: {note}" in told, told


def test_a_figure_with_a_day_to_be_there_by_approves_the_figure(desk12: Desk12) -> None:
    _, approved, told = _approved(desk12, "Setuju 2.000 keping sebelum tgl 18 ya")
    assert approved == 2000
    assert "Catatan dari pimpinan: sebelum tgl 18" in told, told


@pytest.mark.parametrize("words", [
    "Sip, dikirim besok?",
    "Lanjut, kirim lusa?",
    "Gas pak, kirim sebelum tgl 18 kalau stok provinsi sudah masuk.",
    "Ok, sebelum tanggal 18 ya",
    "Setuju, paling lambat tgl 18?",
], ids=["sip-question", "carry-on-question", "gas-with-a-condition", "ok-with-a-day-only", "day-asked"])
def test_an_everyday_word_or_a_day_that_asks_more_approves_nothing(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert desk12.request()["state"] == "held"
    assert not [o for o in desk12.out()[n:] if NUNUKAN in o.to]


@pytest.mark.parametrize("words", ["Sip pak, tolong dikirim sebelum tgl 18 ya", "Iye, jalan mi, kirimkan saja."],
                         ids=["sip-by-a-date", "makassar-go-ahead"])
def test_a_districts_go_ahead_words_decide_nothing(desk12: Desk12, words: str) -> None:
    mid, _ = held_for_managers(desk12)
    [reply] = desk12.replies_to(mid)
    n = len(desk12.out())
    send_answer(desk12, NUNUKAN, reply, words, above=GMAIL)
    assert desk12.request()["state"] == "held"
    assert not [o for o in desk12.out()[n:] if "DISETUJUI" in o.text]
