"""A district taking a part approval as it stands with no figure, promising to ask again should it fall short ("ok
diterima pak, nanti kalau kurang kami ajukan lagi"), on the real SQLite desk in process: an acceptance, recorded; no
queue item, no reply, the approval stands."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, dispatch_now, part_approved, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "above"), [
    ("baik pak diterima, nanti jika masih kurang kami mohon kembali", ""),
    ("siap bu diterima, klo kurang kami ajukan lagi. makasih", GMAIL),
    ("Ok diterima pak, kalau nanti ternyata kurang kami usulkan kembali. Terima kasih.", ""),
    ("Oke pak diterima 2rb nya. Kalau nanti habis sebelum akhir bulan kami usul lagi.", GMAIL),
], ids=["baik_jika_masih_kurang", "phone_klo_kurang", "kalau_nanti_ternyata_kurang", "kalau_nanti_habis_usul_lagi"])
def test_an_acceptance_promising_to_ask_again_is_recorded(desk12: Desk12, words: str, above: str) -> None:
    told = part_approved(desk12)
    n, to_managers = len(desk12.out()), len(desk12.to_managers())
    mid, outcome = send_answer(desk12, NUNUKAN, told, words, above=above)
    # was: "not a request, report or receipt" in the queue, and "akan dibaca serta ditindaklanjuti" to the district;
    # "diterima 2rb nya ... kalau nanti habis ... usul lagi": a receipt of blanks never dispatched, in the queue
    assert outcome == {"follow-up-confirmed": 1}, (outcome, desk12.queue(mid))
    assert not desk12.queue(mid)
    assert not desk12.out()[n:], [o.text for o in desk12.out()[n:]]
    request = desk12.request()
    assert (request["state"], request["approved"]) == ("approved", 2000)
    assert not desk12.to_managers()[to_managers:]


def test_a_new_ask_beside_the_acceptance_is_no_confirmation(desk12: Desk12) -> None:
    told = part_approved(desk12)
    mid, outcome = send_answer(desk12, NUNUKAN, told, "ok diterima pak, kalau kurang kami minta lagi 1.000 keping")
    assert outcome != {"follow-up-confirmed": 1}, outcome


def test_blanks_received_after_the_dispatch_are_still_a_receipt(desk12: Desk12) -> None:
    part_approved(desk12)
    notice = dispatch_now(desk12)
    _, outcome = send_answer(desk12, NUNUKAN, notice, "Baik pak, sudah kami terima 2.000 keping tadi siang. Kalau "
                                                      "nanti habis sebelum akhir bulan kami usul lagi.", above=GMAIL)
    assert outcome == {"receipt": 1}, outcome
    assert desk12.request()["state"] == "received"
