"""Conversations on the real SQLite desk in process, every message written fresh: our question answered days
later in a new mail written in Javanese; the same request sent again under a subject that only marks it as sent
again, or forwarded from the district's own earlier mail."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, TARAKAN, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


# our question answered in a new mail in Javanese ------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "Nyuwun sewu pak, badhe nanggapi email panjenengan kala wingi. Blangko KTP-el ingkang kami suwun 1.200 keping, "
    "stok kantun 300.",
    "Sugeng enjing Bu,\nmangsuli email panjenengan dinten Senin, blangko KTP-el ingkang kami nedhi 1.200 keping. "
    "Stok kantun 300 keping.\nMatur nuwun",
], ids=["nanggapi_suwun", "mangsuli_nedhi"])
def test_a_javanese_answer_in_a_new_mail_completes_the_request_asked_back(desk12: Desk12, words: str) -> None:
    _, outcome = desk12.send(TARAKAN, "Permohonan blangko", "Kami mohon kiriman blangko KTP-el, persediaan kami "
                             "sudah menipis.\n", date="Mon, 30 Nov 2026 09:00:00 +0800")
    assert outcome == {"request-clarify": 1}, outcome
    mid, outcome = desk12.send(TARAKAN, "Jumlah blangko", f"{words}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: read as a daily report (stock 300); the request stayed asked back and the district got no reply
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1, outcome
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"]) == (1200, 300) and req["state"] != "clarifying", dict(req)
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "tersendiri" not in flat(told.text), told.text


# the same request sent again under a subject marked as sent again, or forwarded ------------------------------

LETTER = ("Yth. Kepala Dinas\nKami mohon dikirimkan blangko KTP-el sebanyak 1.300 keping, sisa persediaan 900 "
          "keping.\nHormat kami,\nKasi PIAK\n")
ENGLISH = "Dear Sir/Madam,\nWe would like to request 750 KTP-el blanks. Our current stock is 500.\nRegards, Nunukan\n"
FORWARD = ("{words}\n\n---------- Forwarded message ---------\nFrom: {sender}\nDate: Wed, 2 Dec 2026 at 09:01\n"
           "Subject: {subject}\nTo: blangko@disdukcapil.kaltaraprov.example\n\n{letter}")


@pytest.mark.parametrize(("sender", "subject", "again", "letter"), [
    (TARAKAN, "Usulan blangko KTP-el Des 2026", "Usulan blangko KTP-el Des 2026 (kirim ulang)",
     "Mohon maaf, kami kirim ulang karena email sebelumnya sepertinya tidak masuk.\n\n" + LETTER),
    (TARAKAN, "Permohonan blangko KTP-el", "Kirim ulang - Permohonan blangko KTP-el",
     "Pak, ini saya kirim ulang ya.\n\n" + LETTER),
    (NUNUKAN, "Request for KTP-el blanks", "Request for KTP-el blanks [resend]", ENGLISH),
    (NUNUKAN, "Request for KTP-el blanks", "Fwd: Request for KTP-el blanks",
     FORWARD.format(words="Resending in case the first one got lost.", sender=NUNUKAN,
                    subject="Request for KTP-el blanks", letter=ENGLISH)),
    (TARAKAN, "Usulan blangko KTP-el Des 2026", "Fwd: Usulan blangko KTP-el Des 2026",
     FORWARD.format(words="Pak, email kami tadi pagi kami teruskan lagi, takut belum masuk.", sender=TARAKAN,
                    subject="Usulan blangko KTP-el Des 2026", letter=LETTER)),
    # forwarded by a mail client in another language (Outlook in French: "TR:", in German: "WG:"), or in the old
    # bracketed form: the prefix is the one every subject is read without (guards.threads.subject_prefixes)
    (TARAKAN, "Usulan blangko KTP-el Des 2026", "TR: Usulan blangko KTP-el Des 2026",
     "Pak, email kami tadi pagi kami teruskan lagi.\n\n" + LETTER),
    (NUNUKAN, "Request for KTP-el blanks", "WG: Request for KTP-el blanks", ENGLISH),
    (NUNUKAN, "Request for KTP-el blanks", "[Fwd: Request for KTP-el blanks]", ENGLISH),
], ids=["kirim_ulang_in_brackets", "kirim_ulang_first", "resend", "gmail_forward", "forward_indonesian",
        "outlook_french_forward", "outlook_german_forward", "bracketed_forward"])
def test_a_request_sent_again_under_a_marked_subject_is_recorded_once(desk12: Desk12, sender: str, subject: str,
                                                                      again: str, letter: str) -> None:
    _, outcome = desk12.send(sender, subject, LETTER if sender == TARAKAN else ENGLISH)
    assert outcome == {"request-approved": 1}, outcome
    mid, outcome = desk12.send(sender, again, letter)
    # was: a second reference, linked, told it was "permohonan tersendiri"; a person had to reject the copy
    assert outcome == {"repeated-request": 1}, outcome
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "tersendiri" not in flat(told.text), told.text


@pytest.mark.parametrize("again", ["Usulan blangko KTP-el Des 2026 (kirim ulang)",
                                   "TR: Usulan blangko KTP-el Des 2026"], ids=["kirim_ulang", "outlook_forward"])
def test_a_marked_subject_with_another_figure_is_a_request_of_its_own(desk12: Desk12, again: str) -> None:
    desk12.send(TARAKAN, "Usulan blangko KTP-el Des 2026", LETTER)
    _, outcome = desk12.send(TARAKAN, again, LETTER.replace("1.300", "1.600"))
    assert outcome != {"repeated-request": 1}, outcome
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 2


@pytest.mark.parametrize("again", ["Rekap: Usulan blangko KTP-el Des 2026", "Usulan blangko KIA Des 2026",
                                   "TR: Usulan blangko KTP-el Jan 2027"], ids=["word_before_colon", "other_words",
                                                                               "forward_of_another_subject"])
def test_the_same_letter_under_another_subject_is_no_resend(desk12: Desk12, again: str) -> None:
    # only prefixes and marks of sending again are left out of a subject: a word before a colon that is no mail
    # client's prefix ("Rekap:"), or other words, make it another mail for a person to weigh beside the first
    desk12.send(TARAKAN, "Usulan blangko KTP-el Des 2026", LETTER)
    _, outcome = desk12.send(TARAKAN, again, LETTER)
    assert outcome != {"repeated-request": 1}, outcome
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 2
