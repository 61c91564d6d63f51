"""Our question for the figure answered days later in a new mail, in phone shorthand or in English that names
what we asked: it completes the request asked back (never a second, linked reference); one whose figure is not
read is never booked as a daily report, a person reads it and the district is told so."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import TARAKAN, Desk12, asked_back, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _requests(desk12: Desk12) -> list[dict]:
    return [dict(r) for r in desk12.db().execute("select reference, state, requested, stock_on_hand from requests")]


@pytest.mark.parametrize(("words", "asked", "stock"), [
    ("pak ini jwbn utk email bpk kmrn ya, kami butuh 800 kpg, sisa 150", 800, 150),
    ("Bu, ini utk email ibu kemarin: kami perlu 1.200 keping blangko KTP-el, stok tinggal 300.", 1200, 300),
    ("pak ni blsn email bpk yg kmrn, mhn 900 kpg ktp el, sisa 200", 900, 200),
], ids=["phone_jwbn", "email_ibu", "phone_blsn"])
def test_a_late_answer_in_short_words_completes_the_request_asked_back(desk12: Desk12, words: str, asked: int,
                                                                      stock: int) -> None:
    asked_back(desk12)
    mid, outcome = desk12.send(TARAKAN, "blangko", f"{words}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: a second reference BLK-2026-0002 linked to the one asked back, which stayed asked back
    [req] = _requests(desk12)
    assert (req["requested"], req["stock_on_hand"]) == (asked, stock) and req["state"] != "clarifying", outcome
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject, told.subject


@pytest.mark.parametrize("words", [
    "Re the number you asked for on Thursday: 700 blanks please, we have 180 left.\n\nSent from Outlook for Android",
    "As for the figure you wanted: 700 KTP-el blanks, 180 in stock.",
    "About the number you asked us for, 700 would do, with 180 in stock.",
])
def test_a_late_english_answer_is_never_a_daily_report(desk12: Desk12, words: str) -> None:
    asked_back(desk12)
    mid, outcome = desk12.send(TARAKAN, "number of blanks", f"{words}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: booked as a daily report (stock 180), the request left asked back, the district told nothing
    assert desk12.db().execute("select count(*) from reports").fetchone()[0] == 0, outcome
    [req] = _requests(desk12)
    assert req["requested"] in (None, 700)
    if req["requested"] is None:
        assert desk12.queue(mid), outcome
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and ("petugas" in flat(told.text) or "700" in flat(told.text))


@pytest.mark.parametrize("words", [
    "700 blanks please, we have 180 left.",
    "700 would be good, we have 180 left.",
    "we want 700 pcs, 180 remaining",
])
def test_a_figure_besides_the_stock_while_a_request_waits_for_its_figure_is_never_a_daily_report(
        desk12: Desk12, words: str) -> None:
    asked_back(desk12)
    mid, outcome = desk12.send(TARAKAN, "blanks", f"{words}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: a daily report of 180 in stock, the 700 lost, the district told nothing
    assert desk12.db().execute("select count(*) from reports").fetchone()[0] == 0, outcome
    [req] = _requests(desk12)
    assert req["requested"] in (None, 700)
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject


@pytest.mark.parametrize(("words", "asked"), [
    ("Hello, sorry for the late reply to your question last week. We'd like 750 blanks; we have about 200 in hand."
     "\n\nRegards, Tarakan civil registry", 750),
    ("Apologies for the delayed reply. We would like 650 KTP-el blanks, stock is 150.", 650),
    ("Sorry for the late response pak. We\u2019ll need 900 blanks, 120 left.", 900),
], ids=["late-reply-wed-like", "delayed-reply-would-like", "late-response-well-need"])
def test_a_late_english_answer_with_an_apology_completes_the_request_asked_back(desk12: Desk12, words: str,
                                                                              asked: int) -> None:
    asked_back(desk12)
    mid, outcome = desk12.send(TARAKAN, "KTP-el blanks", f"{words}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: "not a request, report or receipt" in the queue, the reply without the request's reference
    [req] = _requests(desk12)
    assert req["requested"] == asked and req["state"] != "clarifying", (outcome, desk12.queue(mid))
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject, told.subject


@pytest.mark.parametrize("above", [
    "On Mon, Nov 30, 2026 at 9:05 AM {desk} wrote:",
    "Pada Sen, 30 Nov 2026 pukul 09.05 {desk} menulis:",
], ids=["on-wrote", "pada-menulis"])
def test_an_answer_quoting_our_question_without_in_reply_to_completes_the_request_asked_back(
        desk12: Desk12, above: str) -> None:
    asked_back(desk12)
    [asked] = [o for o in desk12.out() if TARAKAN in o.to]
    quoted = "\n".join(f"> {line}" if line else ">" for line in asked.text.splitlines())
    assert "BLK-2026-0001" in quoted
    mid, outcome = desk12.send(TARAKAN, "Re: Blanks request",
                               f"We need 850 blanks, stock is 175.\n\n{above.format(desk=asked.msg['From'])}\n"
                               f"{quoted}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: a second reference BLK-2026-0002 linked to the one asked back, which stayed asked back
    [req] = _requests(desk12)
    assert (req["requested"], req["stock_on_hand"]) == (850, 175) and req["state"] != "clarifying", outcome
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject, told.subject
