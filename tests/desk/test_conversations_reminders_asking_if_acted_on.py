"""A reminder written as a new mail that asks whether the district's request was acted on yet ("udh diproses blm
ya?"), on a phone, in Javanese, Banjar or Kupang Malay, on the real SQLite desk in process, every message written
fresh: it chases the open request (the managers hear of it, the district where it stands), never a question for a
person."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12, approved, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("subject", "words"), [
    ("tanya blangko", "Assalamu'alaikum pak, mau nanya permohonan blangko ktp-el kami yg kmrn itu udh diproses blm "
     "ya? soalnya warga udh pada nanya. mksh\n\nDikirim dari iPhone saya"),
    ("blangko", "Pak, usulan blangko kami minggu lalu sdh disetujui belum ya?"),
    ("Permohonan blangko", "Nuwun sewu pak, permohonan blangko kami sampun diproses dereng nggih?"),
    ("blangko", "Bapa, permohonan blangko katong su diproses ko balom? Makasi"),
    ("blangko", "Assalamualaikum pak, usulan blangko kami nang minggu tadi balum ada kabar jua. Makasih lah"),
], ids=["phone_udh_diproses_blm", "sdh_disetujui_belum", "javanese_sampun_dereng", "kupang_su_ko_balom",
        "banjar_balum_ada_kabar"])
def test_asking_if_the_request_was_acted_on_chases_it(desk12: Desk12, subject: str, words: str) -> None:
    approved(desk12)  # BLK-2026-0001, 2.000 approved, not yet sent
    mid, outcome = desk12.send(BULUNGAN, subject, words)
    # was: "a question from the district" in the queue and the generic acknowledgement
    assert outcome == {"reminder": 1}, (outcome, desk12.queue(mid))
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1
    assert desk12.queue(mid) == {"reminder"}
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "akan dibaca serta ditindaklanjuti" not in flat(told.text)
    assert [o for o in desk12.to_managers() if o.purpose.startswith("reminder:")]


def test_asking_if_something_can_be_done_is_a_question(desk12: Desk12) -> None:
    approved(desk12)
    mid, outcome = desk12.send(BULUNGAN, "tanya", "Pak, apakah blangko KIA sudah bisa diminta lewat email juga?")
    assert outcome != {"reminder": 1}, outcome
    assert "reminder" not in desk12.queue(mid)
