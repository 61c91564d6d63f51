"""In a received shipment's thread, a recount of what arrived and a new ask in one mail, on the real SQLite desk in
process, every message written fresh: the recount is booked on the shipment received (its shortfall opened), and
the ask is a request of its own with its own reference; the receipt's reply never lists a figure asked that nothing
acts on."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, Desk12, dispatched, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "counted", "asked"), [
    ("Ralat pak, kiriman kemarin yang kami terima ternyata 1.950 keping, bukan 2.000. Sekalian kami mohon tambahan "
     "900 keping, stok kami sekarang tinggal 150.", 1950, 900),
    ("Maaf bu, setelah dihitung ulang blangko yang kami terima 1.900 lembar, bukan 2.000. Stok kami tinggal 200, "
     "mohon dikirim lagi 1.000 lembar.", 1900, 1000),
], ids=["ralat_sekalian_mohon", "dihitung_ulang_mohon_dikirim_lagi"])
def test_a_recount_with_a_new_ask_books_the_recount_and_opens_a_request(
        desk12: Desk12, words: str, counted: int, asked: int) -> None:
    notice = dispatched(desk12)
    mid, _ = send_answer(desk12, BULUNGAN, notice, "Blangko 2.000 keping sudah kami terima. Terima kasih.",
                         above=GMAIL)
    [receipt] = desk12.replies_to(mid)
    mid, outcome = send_answer(desk12, BULUNGAN, receipt, words, above=GMAIL)
    # was: the recount booked, "Jumlah yang dimohon: 900 keping" listed as understood, no request opened
    assert desk12.open_gaps() == [2000 - counted], outcome
    new = desk12.request("BLK-2026-0002")
    assert new is not None and new["requested"] == asked, outcome
    replies = desk12.replies_to(mid)
    [recounted] = [o for o in replies if "[BLK-2026-0001]" in o.subject]
    assert f"menjadi {counted:,}".replace(",", ".") in flat(recounted.text), recounted.text
    assert "Jumlah yang dimohon" not in recounted.text, recounted.text
    [opened] = [o for o in replies if "[BLK-2026-0002]" in o.subject]
    assert "BLK-2026-0001" in flat(opened.text), opened.text


def test_a_recount_alone_opens_no_request(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    mid, _ = send_answer(desk12, BULUNGAN, notice, "Blangko 2.000 keping sudah kami terima.", above=GMAIL)
    [receipt] = desk12.replies_to(mid)
    send_answer(desk12, BULUNGAN, receipt, "Ralat pak, yang kami terima ternyata 1.950 keping, bukan 2.000.",
                above=GMAIL)
    assert desk12.open_gaps() == [50]
    assert desk12.request("BLK-2026-0002") is None
