"""A district answering a manager's part approval by accepting it with the figure approved ("3.000 sudah cukup untuk
sementara", "baik 3.000 dulu tidak apa-apa"), on the real SQLite desk in process: a confirmation, recorded; the
approval stands and nothing goes back to the managers. A figure below the approval ("cukup 2.000 saja") is still a
lowering of the request."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, part_approved, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Ok pak terima kasih, 2.000 sdh cukup untuk sementara.",
    "Baik pak, terima kasih. 2.000 cukup utk sementara.",
    "baik 2.000 dulu tidak apa-apa",
], ids=["thanks-enough-for-now", "thanks-then-enough", "for-now-no-matter"])
def test_the_approved_figure_accepted_keeps_the_approval(desk12: Desk12, words: str) -> None:
    told = part_approved(desk12)
    n, to_managers = len(desk12.out()), len(desk12.to_managers())
    mid, outcome = send_answer(desk12, NUNUKAN, told, words, above=GMAIL)
    request = desk12.request()
    assert (request["state"], request["approved"], request["requested"]) == ("approved", 2000, 3500), outcome
    assert not desk12.to_managers()[to_managers:], outcome
    for reply in desk12.out()[n:]:
        assert "DITINJAU" not in reply.text and "menjadi" not in reply.text, reply.text


def test_a_figure_below_the_approval_still_lowers_the_request(desk12: Desk12) -> None:
    told = part_approved(desk12)
    _, outcome = send_answer(desk12, NUNUKAN, told, "Pak, cukup 1.500 saja.", above=GMAIL)
    assert desk12.request()["requested"] == 1500, outcome


@pytest.mark.parametrize("words", [
    "Ok pak terima kasih, 2.000 sdh cukup untuk sementara.",
    "baik 2rb dulu tidak apa-apa pak",
], ids=["thanks-enough-for-now", "short-figure-no-matter"])
def test_the_acceptance_is_recorded_and_not_answered(desk12: Desk12, words: str) -> None:
    told = part_approved(desk12)
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, NUNUKAN, told, words, above=GMAIL)
    assert outcome == {"follow-up-confirmed": 1}, (outcome, desk12.queue(mid))
    assert not desk12.queue(mid)
    assert not desk12.out()[n:], [o.text for o in desk12.out()[n:]]


@pytest.mark.parametrize("words", [
    "Siap pak, 2.000 keping dulu tidak masalah. Terima kasih banyak.",
    "Setuju pak 2.000 dulu, terima kasih",
    "Oke pak, 2.000 keping kami terima, kalau masih kurang nanti kami ajukan lagi.",
    "Baik bu, 2rb keping kami terima, jika kurang kami mohon kembali.",
], ids=["siap-no-problem", "setuju-for-now", "kami-terima-ask-again", "kami-terima-mohon-kembali"])
def test_an_acceptance_in_a_managers_word_or_as_taken_is_a_confirmation(desk12: Desk12, words: str) -> None:
    told = part_approved(desk12)
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, NUNUKAN, told, words, above=GMAIL)
    # was: queued as a district's SETUJU/TOLAK, or as a receipt of blanks not yet dispatched, and answered with
    # "akan dibaca serta ditindaklanjuti langsung oleh petugas kami"
    assert outcome == {"follow-up-confirmed": 1}, (outcome, desk12.queue(mid))
    assert not desk12.queue(mid)
    assert not desk12.out()[n:], [o.text for o in desk12.out()[n:]]
    request = desk12.request()
    assert (request["state"], request["approved"]) == ("approved", 2000)


def test_a_tolak_from_a_district_on_its_approved_request_still_goes_to_a_person(desk12: Desk12) -> None:
    told = part_approved(desk12)
    mid, _ = send_answer(desk12, NUNUKAN, told, "Tolak pak, 2.000 terima kasih", above=GMAIL)
    assert desk12.queue(mid) == {"district_command"}
