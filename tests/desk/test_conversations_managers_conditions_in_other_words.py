"""A manager's approval with a condition set on the district, in other words, on the real SQLite desk in process
over the Maildir defaults, every message written fresh: in English ("Approved 2,000 for now, on condition that
…", "OK, approve 2,000 provided …") and after a "but" over what the district must do ("Setuju, tp Nunukan wajib
kirim rekap …") the request is approved and the condition goes to the district as the manager's note; a condition
on the approval itself ("if the provincial stock allows", "kalau stok provinsi cukup", "tapi tunggu …") decides
nothing, and the manager is told which word."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "figure", "note"), [
    ("Approved 2,000 for now, on condition that Nunukan sends the BA within 5 days of arrival.", 2000,
     "on condition that Nunukan sends the BA within 5 days of arrival"),
    ("OK, approve 2,000 provided they send last month's usage report first.", 2000,
     "provided they send last month's usage report first"),
    ("Approved, but Nunukan must send the BA within 5 days of arrival.", 3500,
     "Nunukan must send the BA within 5 days of arrival"),
    ("Setuju, tp Nunukan wajib kirim rekap pemakaian blangko tiap akhir bulan ya.", 3500,
     "Nunukan wajib kirim rekap pemakaian blangko tiap akhir bulan"),
    ("Disetujui pak, namun Nunukan harus melaporkan pemakaian blangko tiap minggu.", 3500,
     "Nunukan harus melaporkan pemakaian blangko tiap minggu"),
], ids=["approved-on-condition", "approve-provided", "approved-but-must", "setuju-tp-wajib", "disetujui-namun-harus"])
def test_an_approval_with_a_condition_on_the_district_approves_and_passes_it_on(
        desk12: Desk12, words: str, figure: int, note: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[1], held, f"{words}\n\nSent from my iPhone", above=GMAIL)
    # was: "baris pertamanya bukan perintah SETUJU atau TOLAK" / "Maksud baris pertamanya belum dapat kami
    # pastikan", the request still waiting for a manager
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", figure)
    [district] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert f"Catatan dari pimpinan: {note}" in flat(district.text), district.text


@pytest.mark.parametrize(("words", "word"), [
    ("Approved 2,000 if the provincial stock allows.", "if"),
    ("Approved 2,000, if the provincial stock allows.", "if"),
    ("Setuju 2.000, kalau stok provinsi cukup.", "kalau"),
    ("Setuju 2.000, tapi tunggu stok provinsi masuk.", "tunggu"),
], ids=["english-if", "english-comma-if", "kalau", "tapi-tunggu"])
def test_an_approval_hanging_on_a_condition_decides_nothing(desk12: Desk12, words: str, word: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, f"{words}\n\nSent from my iPhone", above=GMAIL)
    # was: approved with the condition passed on as a note ("kalau", "tapi tunggu"), or not read as a command
    assert outcome == {"manager-command-error": 1}, outcome
    assert desk12.request()["state"] == "held"
    assert [o for o in desk12.out()[n:] if NUNUKAN in o.to] == []
    [told] = [o for o in desk12.out()[n:] if MANAGERS[0] in o.to]
    assert f'kata "{word}"' in flat(told.text), told.text


def test_an_english_approval_negated_is_no_approval(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, "Not approved yet, let me check first.", above=GMAIL)
    assert outcome == {"manager-command-error": 1}, outcome
    assert desk12.request()["state"] == "held"
    [told] = [o for o in desk12.out()[n:] if MANAGERS[0] in o.to]
    assert "TOLAK" in told.text, told.text


def test_a_reason_opening_with_what_comes_later_is_still_passed_on(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, "SETUJU 2.000, nanti sisanya menyusul bulan depan",
                             above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    [district] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert "Catatan dari pimpinan: nanti sisanya menyusul bulan depan" in flat(district.text), district.text
