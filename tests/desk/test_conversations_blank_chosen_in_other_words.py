"""Our question on a mail asking for both blanks, answered in its thread without a quote of our mail in Javanese,
Banjar or English, on the real SQLite desk in process, every message written fresh: the blank named with "only"
or "first" (the other said to come later on its own) completes the request with its recorded figures."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

BOTH = ("mohon dikirim blangko KTP-el 600 keping dan blangko KIA 150 keping, sisa KTP-el 500 KIA 80\n"
        "Disdukcapil Bulungan")


def _answer(desk12: Desk12, words: str) -> tuple[str, dict[str, int]]:
    first, outcome = desk12.send(BULUNGAN, "Permohonan blangko", BOTH)
    assert outcome == {"request-clarify": 1}, outcome
    [asked] = desk12.replies_to(first)
    return desk12.send(BULUNGAN, "Re: " + asked.subject, f"{words}\n", in_reply_to=asked.message_id)


@pytest.mark.parametrize("words", [
    "KTP-el riyin mawon pak, KIA mengke nyusul.\n\nDikirim dari Yahoo Mail di Android",
    "KTP-el wae pak, KIA engko dikirim terpisah.",
    "Just the KTP-el for now please, we will send the KIA request separately.",
    "Only the KTP-el please; the KIA we will ask for another time.",
    "KTP-el haja dahulu pak, KIA kaina kami kirim email.",
], ids=["javanese_riyin_mawon", "javanese_wae", "english_just_for_now", "english_only", "banjar_haja"])
def test_the_blank_chosen_in_other_words_completes_the_request(desk12: Desk12, words: str) -> None:
    mid, outcome = _answer(desk12, words)
    # was: "not a request, report or receipt" in the queue, the request still asked back
    req = desk12.request()
    assert req["state"] != "clarifying", (outcome, desk12.queue(mid))
    assert (req["requested"], req["item"]) == (600, "ktp-el")
    assert desk12.queue(mid) == set()


def test_both_blanks_kept_in_the_answer_leave_the_question_open(desk12: Desk12) -> None:
    mid, _ = _answer(desk12, "Just the KTP-el and the KIA as well please.")
    assert desk12.request()["state"] == "clarifying"
    assert desk12.queue(mid)
