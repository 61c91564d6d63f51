"""A manager answering a held request in everyday words, on the real SQLite desk in process: a smaller figure said as a
cap or a cut ("tp max ...", "dipotong jd ...", "cukup ... saja", "Silakan, dikurangi menjadi ...") approves that
figure, one above the request is asked back; a time limit for sending said with the go-ahead ("mohon dikirim paling
lambat 4 hari", "maksimal dua minggu", "maks sepekan") approves the proposal and is told to the district as the
manager's note, never read as a count of blanks."""

from __future__ import annotations

import re

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "figure"), [
    ("Oke jalan pak, tp max 2.200 aja. Sisanya menyusul.", 2200),
    ("Acc, dipotong jd 1.800 dulu ya", 1800),
    ("Boleh diproses, cukup 2.500 keping.", 2500),
    ("Silakan, dikurangi menjadi 1.500", 1500),
    ("Silahkan, dipotong menjadi 2rb saja", 2000),
], ids=["go-on-but-max", "cut-to-abbreviated", "enough-after-go-ahead", "please-lowered-to", "please-cut-to-words"])
def test_a_smaller_figure_as_a_cap_or_a_cut_approves_it(desk12: Desk12, words: str, figure: int) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", figure)
    assert desk12.queue(mid) == set()
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert "SEBAGIAN" in told.text and f"{figure:,}".replace(",", ".") in flat(told.text), told.text


def test_a_cut_above_the_request_is_asked_back(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], held, "Silakan, dikurangi jadi 4.000", above=GMAIL)
    assert desk12.request()["state"] == "held"
    assert not [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    [asked] = [o for o in desk12.out()[n:] if MANAGERS[0] in o.to]
    assert "melebihi jumlah yang dimohon (3.500 keping)" in flat(asked.text), asked.text


@pytest.mark.parametrize(("words", "note"), [
    ("Setuju pak, mohon dikirim paling lambat 4 hari.", "mohon dikirim paling lambat 4 hari"),
    ("Silakan diproses, maksimal dua minggu sudah tiba ya", "maksimal dua minggu sudah tiba"),
    ("Disetujui, maks sepekan", "maks sepekan"),
    ("Lanjutkan, max 5 hari kerja harus sampai", "max 5 hari kerja harus sampai"),
], ids=["agree-at-the-latest", "proceed-at-most-in-words", "approved-a-week", "carry-on-working-days"])
def test_a_time_limit_with_the_go_ahead_approves_the_proposal_and_is_told(desk12: Desk12, words: str,
                                                                          note: str) -> None:
    _, held = held_for_managers(desk12)
    proposed = int(re.search(r"sesuai usulan sistem, ([\d.]+) keping", flat(held.text))[1].replace(".", ""))
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", proposed)
    assert desk12.queue(mid) == set()
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert f"Catatan dari pimpinan: {note}" in flat(told.text), told.text


@pytest.mark.parametrize("words", ["Lanjutkan, max 4 hari lagi ya.", "Ok, paling lambat 3 hari?"],
                         ids=["a-delay-not-a-limit", "a-question"])
def test_a_time_said_otherwise_decides_nothing(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert desk12.request()["state"] == "held"
    assert not [o for o in desk12.out()[n:] if NUNUKAN in o.to]
