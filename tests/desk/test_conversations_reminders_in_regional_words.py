"""Reminders written as new mails in the districts' regional Malay and in English, on the real SQLite desk in
process, every message written fresh: each chases the district's open request (the managers hear of it, the
district where it stands), never a question for a person nor a second request."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12, approved, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("subject", "words"), [
    ("blangko ktp", "Selamat siang pak, kami dari Bulungan mo tanya saja, usulan blangko kami hari itu sampai mana "
     "sudah? Warga sudah ramai datang tanya e-KTP nya. Makasih"),
    ("Permohonan blangko kami", "Bapa, beta mau tanya, itu blangko yang kami minta minggu lalu su dikirim ko balom? "
     "Sonde ada kabar sama sekali. Trima kasih banyak"),
    ("Status inquiry - KTP-el blank request", "Good morning, We submitted a request for KTP-el blanks about ten days "
     "ago and have not heard back. Kindly advise on its current status."),
    ("Blangko KTP-el", "Pak, permohonan blangko kami kemarin sampe mana e? Tra ada kabar dari provinsi."),
    ("KTP-el blanks", "Dear Sir, we haven't heard back about our request for KTP-el blanks. Could you advise on the "
     "status? Thank you."),
], ids=["tana_tidung", "kupang", "english_status_inquiry", "papuan_malay", "english_not_heard_back"])
def test_a_reminder_in_regional_or_english_words_chases_the_open_request(desk12: Desk12, subject: str,
                                                                          words: str) -> None:
    approved(desk12)  # BLK-2026-0001, 2.000 approved, not yet sent
    mid, outcome = desk12.send(BULUNGAN, subject, words)
    # was: a question for a person, a generic acknowledgement, or a second request linked to the first
    assert outcome == {"reminder": 1}, outcome
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1
    assert desk12.queue(mid) == {"reminder"}
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "akan dibaca serta ditindaklanjuti" not in flat(told.text)
    assert [o for o in desk12.to_managers() if o.purpose.startswith("reminder:")]
