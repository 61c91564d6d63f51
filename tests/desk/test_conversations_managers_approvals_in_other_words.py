"""A manager's approval of a held request written in other words, on the real SQLite desk in process: an English
assent before the command ("Fine by me, please approve the full amount"), a cut after it ("ok approved but only 2,500
this month pls"), Javanese ("Monggo disetujui, nanging ... kedah ..."). Approved when the meaning is clear and the
figure is one; otherwise the manager is asked back quoting what he wrote, and the queue item carries the request."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Fine by me, please approve the full amount.",
    "Sure, approved in full.",
    "Mangga pak, disetujui sepenuhnya.",
], ids=["fine-by-me-full-amount", "sure-in-full", "mangga-sepenuhnya"])
def test_an_approval_of_the_full_amount_approves_what_the_district_asked(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    # was: "baris pertamanya bukan perintah SETUJU atau TOLAK", the request still waiting
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 3500)
    assert [o for o in desk12.out()[n:] if NUNUKAN in o.to]


@pytest.mark.parametrize(("words", "figure"), [
    ("ok approved but only 2,500 this month pls", 2500),
    ("Approved, just 1,800 for now.", 1800),
    ("Setuju tapi cuma 2.000 saja ya", 2000),
], ids=["approved-but-only", "approved-just", "setuju-tapi-cuma"])
def test_an_approval_with_a_cut_approves_the_figure_written(desk12: Desk12, words: str, figure: int) -> None:
    _, held = held_for_managers(desk12)
    _, outcome = send_answer(desk12, MANAGERS[1], held, words, above=GMAIL)
    # was: "angka 2,500 sesudah SETUJU dapat dibaca sebagai jumlah blangko" (no SETUJU was written)
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", figure)


def test_an_unclear_approval_is_asked_back_in_the_managers_own_words(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, "ok approved 2,000 and another 500 later", above=GMAIL)
    assert outcome == {"manager-command-error": 1}, outcome
    assert desk12.request()["state"] == "held"
    [told] = [o for o in desk12.out()[n:] if MANAGERS[0] in o.to]
    assert 'angka 500 sesudah "approved" 2.000' in flat(told.text), told.text
    assert "sesudah SETUJU" not in flat(told.text), told.text


@pytest.mark.parametrize(("words", "note"), [
    ("Monggo disetujui, nanging BA penerimaan kedah dikirim paling lambat minggu ngajeng.",
     "BA penerimaan kedah dikirim paling lambat minggu ngajeng"),
    ("Nggih, setuju, ning Nunukan kudu ngirim rekap pemakaian saben wulan.",
     "Nunukan kudu ngirim rekap pemakaian saben wulan"),
], ids=["monggo-nanging-kedah", "nggih-ning-kudu"])
def test_a_javanese_approval_with_a_condition_on_the_district_approves(desk12: Desk12, words: str,
                                                                        note: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[1], held, words, above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert desk12.request()["state"] == "approved"
    [district] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert f"Catatan dari pimpinan: {note}" in flat(district.text), district.text


def test_a_managers_mail_without_a_command_is_queued_under_the_threads_request(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    mid, outcome = send_answer(desk12, MANAGERS[0], held, "Monggo dipun rembag rumiyin kaliyan kabid.",
                               above=GMAIL)
    assert outcome == {"manager-other+queued": 1}, outcome
    [row] = desk12.db().execute(
        "select a.district, a.request_pk from attention_items a join messages m on m.id = a.message_pk "
        "where m.message_id = ?", (mid,)).fetchall()
    # was: district "-", though the mail answers Nunukan's held notice
    assert row["district"] == "65.03" and row["request_pk"] == desk12.request()["id"], dict(row)
