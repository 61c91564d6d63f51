"""Our question for the figure asked, answered in the request's thread with one figure: an apology for answering
late after it (and why it came late) is an aside, no doubt on the figure; the reference in the subject links the
answer as In-Reply-To does, for the request's own district only; and the figure taken settles what the thread
left to a person before it."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

TANA_TIDUNG = "disdukcapil@tanatidungkab.example"
TAKEN = ({"request-approved": 1}, {"request-approved-partial": 1}, {"request-held": 1})


def _asked_back(desk12: Desk12) -> str:
    """Tana Tidung asks blanks with no figure from a phone and is asked back: our question's Message-ID."""
    mid, outcome = desk12.send(TANA_TIDUNG, "blangko ktp-el",
                               "pagi pak, tlg dikirim blangko ktp-el ya, sisa di kantor tgl 120 kpg\n\n"
                               "Sent from my iPhone\n")
    assert outcome == {"request-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in asked.subject
    return asked.message_id


def _answer(desk12: Desk12, words: str, *, in_reply_to: str | None, sender: str = TANA_TIDUNG,
            subject: str = "Re: [BLK-2026-0001] blangko ktp-el") -> tuple[str, dict[str, int]]:
    return desk12.send(sender, subject, f"{words}\n\nSent from my iPhone\n", in_reply_to=in_reply_to,
                       date="Thu, 03 Dec 2026 09:00:00 +0800")


@pytest.mark.parametrize(("words", "figure"), [
    ("900 lbr pak, maaf ya lama bls nya \U0001f64f", 900),
    ("Delapan ratus keping pak. Mohon maaf atas keterlambatan jawaban kami.", 800),
    ("1300 aja bu, maaf td kelamaan, baru pulang dari perekaman di kecamatan", 1300),
    ("700 pcs, sorry for the late reply", 700),
    ("1.100 kpg pak, mhn maaf baru sempat balas. Tks", 1100),
], ids=["lama_bls", "keterlambatan", "kelamaan_why", "english", "baru_sempat"])
def test_an_apology_for_answering_late_leaves_the_answer_s_figure_standing(desk12: Desk12, words: str,
                                                                          figure: int) -> None:
    ours = _asked_back(desk12)
    mid, outcome = _answer(desk12, words, in_reply_to=ours)
    # was: "a figure still in doubt" in the queue, the request still asked back, a generic acknowledgement
    assert outcome in TAKEN, outcome
    assert desk12.request()["requested"] == figure and desk12.request()["state"] != "clarifying"
    assert desk12.queue(mid) == set()


@pytest.mark.parametrize("words", [
    "900 lbr pak, maaf lama balasnya, tapi itu belum pasti",
    "900 lbr pak, maaf lama balasnya, yang KIA nyusul",
    "900 lbr pak, maaf lama balasnya, masih bisa kan?",
], ids=["hedged", "other_blank", "asks"])
def test_words_of_the_figure_in_the_apology_s_sentence_leave_it_to_a_person(desk12: Desk12, words: str) -> None:
    ours = _asked_back(desk12)
    mid, outcome = _answer(desk12, words, in_reply_to=ours)
    assert outcome not in TAKEN, outcome
    assert desk12.request()["requested"] is None and desk12.request()["state"] == "clarifying"
    assert desk12.queue(mid), outcome


@pytest.mark.parametrize("words", ["1.250 pcs pak.", "seribu dua ratus lima puluh aja pak",
                                   "1.250 pcs pak, maaf ya lama bls nya"], ids=["digits", "spelled", "apology"])
def test_the_reference_in_the_subject_links_an_answer_without_in_reply_to(desk12: Desk12, words: str) -> None:
    _asked_back(desk12)
    mid, outcome = _answer(desk12, words, in_reply_to=None)
    # was: "a reply with an unclear figure", the request still asked back
    assert outcome in TAKEN, outcome
    assert desk12.request()["requested"] == 1250 and desk12.request()["state"] != "clarifying"
    assert desk12.queue(mid) == set()
    [told] = desk12.replies_to(mid)
    assert TANA_TIDUNG in told.to and "[BLK-2026-0001]" in told.subject


def test_the_reference_in_the_subject_links_only_the_request_s_own_district(desk12: Desk12) -> None:
    _asked_back(desk12)
    _answer(desk12, "1.250 pcs pak.", in_reply_to=None, sender=NUNUKAN)
    assert desk12.request()["requested"] is None and desk12.request()["state"] == "clarifying"


def _open_items(desk12: Desk12) -> dict[str, str]:
    """The mails still waiting for a person to read them, each with its reason."""
    return {r["message_id"]: r["reason"] for r in desk12.db().execute(
        "select m.message_id, a.reason from attention_items a join messages m on m.id = a.message_pk "
        "where a.closed_at is null and a.kind = 'read'")}


@pytest.mark.parametrize("linked", ["in_reply_to", "subject"])
def test_the_figure_given_at_last_settles_an_earlier_mail_of_the_thread_with_no_figure(desk12: Desk12,
                                                                                     linked: str) -> None:
    ours = _asked_back(desk12)
    later, outcome = _answer(desk12, "siap pak, nanti kami hitung dulu kebutuhannya sama kasi", in_reply_to=ours)
    assert desk12.queue(later) == {"other"}, outcome
    mid, outcome = _answer(desk12, "1.250 pcs pak.", in_reply_to=ours if linked == "in_reply_to" else None)
    assert outcome in TAKEN, outcome
    # was: the earlier mail's "not a request, report or receipt" item left open beside the request decided
    assert _open_items(desk12) == {}
    [closed] = desk12.db().execute("select closed_by, resolution from attention_items a join messages m "
                                   "on m.id = a.message_pk where m.message_id = ?", (later,)).fetchall()
    [pk] = desk12.db().execute("select id from messages where message_id = ?", (mid,)).fetchone()
    assert closed["closed_by"] == "mailbot" and f"#{pk}" in flat(closed["resolution"]), dict(closed)


def test_a_question_of_the_thread_still_waits_for_its_answer_when_the_figure_is_given(desk12: Desk12) -> None:
    ours = _asked_back(desk12)
    asked, outcome = _answer(desk12, "pak, paling banyak boleh minta berapa ya?", in_reply_to=ours)
    assert desk12.queue(asked) == {"question"}, outcome
    _, outcome = _answer(desk12, "1.250 pcs pak.", in_reply_to=ours)
    assert outcome in TAKEN, outcome
    assert _open_items(desk12) == {asked: "question"}
