"""A request for the other blank asked in the thread of the district's request ("sekalian kami mohon juga blangko
KIA ...") is a request of its own for that blank; the thread's request is untouched."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, approved, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "asked", "stock"), [
    ("Terima kasih pak. Sekalian kami mohon juga blangko KIA sebanyak 300 keping, sisa KIA kami tinggal 60 keping.",
     300, 60),
    ("Baik pak, terima kasih. Oh ya, untuk blangko KIA kami mohon dikirim 400 keping, stok KIA kami tinggal 50 "
     "keping.", 400, 50),
])
def test_a_kia_request_in_a_ktp_el_thread_opens_a_kia_request(desk12: Desk12, words: str, asked: int,
                                                               stock: int) -> None:
    reply = approved(desk12)  # Bulungan's KTP-el 2.000, approved
    mid, outcome = answer_gmail(desk12, reply, words)
    # was: "follow-up-other_item", a queue item, and "Angka untuk blangko KIA ... tidak kami catat"
    kia = desk12.request("BLK-2026-0002")
    assert kia is not None, outcome
    assert (kia["item"], kia["requested"], kia["stock_on_hand"]) == ("kia", asked, stock)
    first = desk12.request()
    assert (first["item"], first["state"], first["approved"]) == ("ktp-el", "approved", 2000)
    [told] = desk12.replies_to(mid)
    assert "BLK-2026-0002" in told.subject
    # was: "Re: [BLK-2026-0002] Permohonan blangko KTP-el" for the KIA request
    assert "KIA" in told.subject and "KTP" not in told.subject, told.subject
    assert "tidak kami catat pada permohonan" not in flat(told.text)



@pytest.mark.parametrize(("words", "figures"), [
    ("Iye pak, makasih banyak ki. Oh iya, blangko KIA ta' juga tinggal 50 mi, mohon dikirimkan 300 lembar di'.",
     "50 keping dan 300 keping"),
    ("Thanks pak. Also, could we get 200 KIA cards as well? We have 30 left.", "200 keping dan 30 keping"),
    ("Matur nuwun pak. Menawi saged, KIA kami nyuwun 250 keping, kantun 40.", "250 keping dan 40 keping"),
], ids=["bugis", "english-question", "javanese"])
def test_a_kia_ask_not_read_whole_tells_the_district_to_send_it_on_its_own(desk12: Desk12, words: str,
                                                                          figures: str) -> None:
    reply = approved(desk12)  # Bulungan's KTP-el 2.000, approved
    mid, _ = answer_gmail(desk12, reply, words)
    first = desk12.request()
    assert (first["item"], first["state"], first["approved"]) == ("ktp-el", "approved", 2000)
    assert desk12.queue(mid) == {"other_item"}
    [told] = desk12.replies_to(mid)
    # was: only "akan dibaca ... oleh petugas kami" (a question), or the figures set aside with no word of what to do
    assert f"Angka untuk blangko KIA ({figures})" in flat(told.text), told.text
    assert "mohon kirimkan permohonannya sebagai email tersendiri" in flat(told.text), told.text
