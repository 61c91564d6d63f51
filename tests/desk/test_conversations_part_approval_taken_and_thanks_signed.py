"""A district taking a part approval as it stands ("2.000 dulu tdk apa2", "2.000 kami ambil dulu"), its promise to
ask again should it fall short written across a comma or typed short ("Kalau stok habis sebelum akhir bulan, kami
mohon lagi.", "Klo kurang nanti kami ajukan lg", "akan kami mohonkan kembali"), and plain thanks after an approval
signed with a name or an office alone ("Oke pak, terima kasih." over "Nurul - Dukcapil Nunukan") or under a
closing: the district's confirmation, recorded, with no queue item and no reply; on the real SQLite desk in process.
Thanks with a question or a new figure still go to a person."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, NUNUKAN, Desk12, approved, part_approved, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _confirmed(desk12: Desk12, sender: str, told_mail: object, words: str) -> None:
    n, to_managers = len(desk12.out()), len(desk12.to_managers())
    mid, outcome = send_answer(desk12, sender, told_mail, words, above=GMAIL)  # type: ignore[arg-type]
    # was: "SETUJU/TOLAK from a district" or "not a request, report or receipt" in the queue, and an acknowledgement
    assert outcome == {"follow-up-confirmed": 1}, (outcome, desk12.queue(mid))
    assert not desk12.queue(mid)
    assert not desk12.out()[n:], [o.text for o in desk12.out()[n:]]
    assert not desk12.to_managers()[to_managers:]


@pytest.mark.parametrize("words", [
    "Baik pak, 2.000 dulu tdk apa2. Kalau stok habis sebelum akhir bulan, kami mohon lagi.\n\nWassalam,\n"
    "Seksi PIAK Disdukcapil Kabupaten Nunukan",
    "Siap pak, 2.000 dulu gpp. Klo kurang nanti kami ajukan lg ya pak. makasih 🙏\n\nNurul - Dukcapil Nunukan",
    "Ya sudah pak, 2.000 kami ambil dulu. Apabila nanti masih kurang akan kami mohonkan kembali.\nTrims\n\n"
    "Yohanes L.\nOperator SIAK Nunukan",
], ids=["for-now-then-ask-again-across-a-comma", "for-now-then-ask-again-typed-short", "taken-then-asked-again-later"])
def test_a_part_approval_taken_with_a_promise_to_ask_again_is_recorded(desk12: Desk12, words: str) -> None:
    told = part_approved(desk12)
    _confirmed(desk12, NUNUKAN, told, words)
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 2000)


@pytest.mark.parametrize("words", [
    "Oke pak, terima kasih.\n\nNurul - Dukcapil Nunukan",
    "Terima kasih banyak pak atas persetujuannya 🙏 kami tunggu kirimannya.\n\nSalam,\n"
    "Seksi PIAK Disdukcapil Kabupaten Nunukan",
], ids=["thanks-over-a-name-and-office", "thanks-for-the-approval-under-a-closing"])
def test_thanks_after_a_part_approval_are_recorded(desk12: Desk12, words: str) -> None:
    told = part_approved(desk12)
    _confirmed(desk12, NUNUKAN, told, words)


def test_thanks_signed_with_a_name_after_an_approval_are_recorded(desk12: Desk12) -> None:
    reply = approved(desk12)
    _confirmed(desk12, BULUNGAN, reply, "Oke pak, terima kasih.\n\nDedi - Dukcapil Bulungan")
    assert desk12.request()["state"] == "approved"


@pytest.mark.parametrize("words", [
    "Oke pak, terima kasih.\n\nKami Mohon Segera Dikirim",
    "Terima kasih pak. Tapi kami masih butuh 1.500 lagi.\n\nNurul - Dukcapil Nunukan",
    "Baik pak, 2.000 dulu. Kalau kurang kami minta lagi 1.000 keping.\n\nNurul - Dukcapil Nunukan",
], ids=["thanks-then-a-plea-in-capitals", "thanks-then-a-new-figure", "taken-then-a-new-figure-asked"])
def test_thanks_with_more_in_them_are_no_confirmation(desk12: Desk12, words: str) -> None:
    told = part_approved(desk12)
    _, outcome = send_answer(desk12, NUNUKAN, told, words, above=GMAIL)
    assert outcome != {"follow-up-confirmed": 1}, outcome
