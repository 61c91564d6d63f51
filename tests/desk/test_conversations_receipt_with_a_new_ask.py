"""In a dispatched request's thread, a receipt that also asks for more, on the real SQLite desk in process, every
message written fresh: the receipt is booked on the shipment (its shortfall opened, as any receipt's), and the ask
is a request of its own with its own reference, linked to the one received and decided by the policy; the district
hears of both in one reply, never thanked for a correction, and the managers hear of no change after dispatch."""

from __future__ import annotations

import pytest

from mailbot import corrections
from tests.desk.desk12 import BULUNGAN, GMAIL, Desk12, dispatched, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "counted", "asked", "stock", "state"), [
    ("Dengan hormat, kiriman blangko KTP-el sejumlah 1.900 keping telah kami terima siang ini. Terima kasih.\n"
     "Sekalian kami mohon tambahan lagi 1.200 keping untuk perekaman di sekolah-sekolah, karena stok kami sekarang "
     "tinggal 250 keping (belum termasuk kiriman ini).", 1900, 1200, None, "held"),
    ("Alhamdulillah blangko 2.000 keping sudah kami terima lengkap pak. Mohon dikirim lagi 800 keping ya pak, "
     "stok kami sekarang tinggal 300 keping.", 2000, 800, 300, "approved"),
], ids=["shortfall_and_ask", "whole_and_ask"])
def test_a_receipt_with_a_new_ask_books_the_receipt_and_opens_a_request(
        desk12: Desk12, words: str, counted: int, asked: int, stock: int | None, state: str) -> None:
    notice = dispatched(desk12)  # 2.000 dispatched to Bulungan as BLK-2026-0001
    before = desk12.on_hand()
    told_before = len(desk12.to_managers())
    mid, outcome = send_answer(desk12, BULUNGAN, notice, words, above=GMAIL)
    # was: read as a correction lowering the request after dispatch; nothing booked, no request opened
    first = desk12.request("BLK-2026-0001")
    assert first["state"] == "received" and first["requested"] == 2000, outcome
    assert desk12.on_hand() - before == counted
    assert desk12.open_gaps() == ([2000 - counted] if counted < 2000 else [])
    new = desk12.request("BLK-2026-0002")
    assert new is not None and new["requested"] == asked, outcome
    assert new["stock_on_hand"] == stock and new["state"] == state, (new["stock_on_hand"], new["state"])
    [reply] = desk12.replies_to(mid)
    text = flat(reply.text)
    assert "koreksi" not in text.lower(), reply.text
    assert "BLK-2026-0001" in text and "BLK-2026-0002" in text, reply.text
    assert f"Kami telah mencatat penerimaan blangko KTP-el sebanyak {counted:,} keping untuk permohonan " \
           "BLK-2026-0001".replace(",", ".") in text, reply.text
    assert ("selisih kurang 100 keping" in text) == (counted == 1900), reply.text
    html = reply.msg.get_body(("html",))
    assert html is not None and "Kami telah mencatat penerimaan blangko KTP-el sebanyak" in flat(html.get_content())
    assert f"{asked:,}".replace(",", ".") + " keping" in text, reply.text
    assert "[BLK-2026-0002]" in reply.subject
    managers = desk12.to_managers()[told_before:]

    assert not [o for o in managers if "Koreksi setelah pengiriman" in o.subject], [o.subject for o in managers]


def test_a_receipt_with_an_ask_corrected_to_a_receipt_keeps_the_ask(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    # a count said with a word of correction ("sebenarnya") is not taken as a plain receipt: a person reads it
    mid, outcome = send_answer(desk12, BULUNGAN, notice,
                               "Blangko kiriman Bapak sudah kami terima, tetapi setelah dihitung jumlahnya sebenarnya "
                               "1.800 keping. Sekalian kami mohon tambahan lagi 1.000 keping, stok kami tinggal 200 "
                               "keping.", above=GMAIL)
    assert desk12.request()["state"] == "dispatched", outcome
    [pk] = desk12.db().execute("select id from messages where message_id = ?", (mid,)).fetchone()
    n = len(desk12.out())
    with desk12.desk.sessions.begin() as session:
        effects = corrections.correct(session, desk12.desk, int(pk), {"kind": "receipt", "received": 1800},
                                      actor="cli:root", reason="dicek lewat telepon").effects
    # was: the receipt booked, the 1.000 asked in the same mail nowhere, the district not written to
    assert desk12.request()["state"] == "received" and desk12.on_hand() - before == 1800, effects
    assert desk12.open_gaps() == [200]
    new = desk12.request("BLK-2026-0002")
    assert new is not None and new["requested"] == 1000 and new["stock_on_hand"] == 200, effects
    assert any("BLK-2026-0002" in e for e in effects), effects
    [told] = [o for o in desk12.out()[n:] if BULUNGAN in o.to]
    text = flat(told.text)
    assert "[BLK-2026-0002]" in told.subject, told.subject
    assert "Kami telah mencatat penerimaan blangko KTP-el sebanyak 1.800 keping untuk permohonan BLK-2026-0001" \
        in text, told.text
