"""A need for blanks said without a figure, and our question for the figure answered days later in a new mail in
English, on the real SQLite desk in process, every message written fresh: the need is a request asked back for its
figure, as the formal wording is; the late answer completes that request, never a second one."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, MALINAU, NUNUKAN, Desk12, dispatched, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

ASKED_BACK = "Jumlah yang dimohon belum kami temukan"


# a need said on a phone or in Javanese, with no figure -------------------------------------------------------

@pytest.mark.parametrize("words", [
    "pak kami perlu blangko ktp el lg, stok tipis",
    "Bu, persediaan KTP-el kami tinggal sedikit, kami memerlukan blangko lagi.",
    "Nuwun sewu pak, kami mbetahaken blangko KTP-el malih, stok sampun menipis.",
    "Bu, kami perlukan blangko KTP-el lagi ya, buat perekaman di kecamatan.",
    # asked as a question: still an ask (was: "a question from the district" in the queue, never asked back)
    "Tabe pak, blangko KTP-el ta' tinggal sedikit mi, bisa ki dikirimkan lagi?",
    "pak stok blangko ktp el kami udh tipis, boleh dikirimin lg?",
], ids=["phone_perlu", "memerlukan_blangko", "javanese_mbetahaken", "perlukan", "bugis_bisa_ki", "phone_boleh"])
def test_a_need_without_a_figure_is_asked_back_and_the_answer_completes_it(desk12: Desk12, words: str) -> None:
    mid, outcome = desk12.send(NUNUKAN, "blangko", f"{words}\n", date="Mon, 30 Nov 2026 09:00:00 +0800")
    # was: "not a request, report or receipt" in the queue and the generic acknowledgement
    assert outcome == {"request-clarify": 1}, (outcome, desk12.queue(mid))
    [asked] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in asked.subject and ASKED_BACK in flat(asked.text), asked.text
    assert desk12.queue(mid) == set()
    mid, outcome = desk12.send(NUNUKAN, "blangko lg", "Pak, menjawab email pian kemarin tu, kami perlu 800 keping, "
                               "sisa stok 200 haja.\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1, outcome
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"], req["state"]) == (800, 200, "approved"), dict(req)


@pytest.mark.parametrize("words", [
    "Blangko 2.000 keping sudah kami terima. Kalau butuh blangko lagi nanti kami kabari.",
    "Kiriman 2.000 keping sudah kami terima pak. Nanti kalau kami perlu blangko lagi kami email ya.",
], ids=["kalau_butuh", "nanti_kalau_kami_perlu"])
def test_a_need_under_a_condition_in_a_receipt_asks_nothing(desk12: Desk12, words: str) -> None:
    dispatched(desk12)
    _, outcome = desk12.send(BULUNGAN, "Penerimaan blangko", f"{words}\n")
    # was (of "butuh"): a new request asked back for its figure, the blanks never booked as received
    assert outcome == {"receipt": 1}, outcome
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1
    assert desk12.request()["state"] == "received"


# our question answered days later in a new mail in English ----------------------------------------------------

@pytest.mark.parametrize(("subject", "words"), [
    ("Re: blanks - the number", "Following up on your email from Thursday asking for the figure: we need 900 "
     "KTP-el blanks; current stock is 250."),
    ("KTP-el blanks", "Dear Sir,\nRegarding your question about the quantity, we need 900 KTP-el blanks. Our stock "
     "is 250.\nRegards,\nMalinau"),
    ("Blanks request - figure", "Hi, re your email of Monday: we need 900 KTP-el blanks. We have 250 left in stock."),
    ("Re: blanks", "Further to your mail of Monday, the number we need is 900 KTP-el blanks (stock 250)."),
], ids=["following_up_on_your_email", "regarding_your_question", "re_your_email", "further_to_your_mail"])
def test_an_english_answer_in_a_new_mail_completes_the_request_asked_back(desk12: Desk12, subject: str,
                                                                          words: str) -> None:
    _, outcome = desk12.send(MALINAU, "Blanks request", "Please send us more KTP-el blanks, we are running low.\n",
                             date="Mon, 30 Nov 2026 09:00:00 +0800")
    assert outcome == {"request-clarify": 1}, outcome
    mid, outcome = desk12.send(MALINAU, subject, f"{words}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: a second reference BLK-2026-0002 linked to BLK-2026-0001, which stayed asked back
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1, outcome
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"]) == (900, 250) and req["state"] != "clarifying", dict(req)
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "tersendiri" not in flat(told.text), told.text


def test_an_english_chaser_of_the_districts_own_request_is_no_answer(desk12: Desk12) -> None:
    desk12.send(MALINAU, "Blanks request", "Please send us more KTP-el blanks, we are running low.\n",
                date="Mon, 30 Nov 2026 09:00:00 +0800")
    desk12.send(MALINAU, "KTP-el blanks", "Following up on our request, we would like to request 900 KTP-el blanks. "
                "Our current stock is 250.\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    assert desk12.request()["state"] == "clarifying"
