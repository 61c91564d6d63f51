"""Conversations that went wrong in an outside test (i12ae), on the real SQLite desk in process over the Maildir
defaults, every message written fresh: a cancellation typed on a phone ("gk jd pak") is the cancellation that "gak
jadi" is."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, REQUEST, Desk12, answer_gmail, approved, flat, send_answer
from tests.desk.mailkit import MANAGERS
from tests.desk.test_conversations_i12ad import _proposed

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


# 1. "gk jd pak": an approved request withdrawn in phone shorthand reaches the managers before it is sent ---------

@pytest.mark.parametrize("words", [
    "pak gk jd pak, udh dpt dr pusat kmrn. mksh",
    "gk jd pak",
    "ga jd pak, stok msh ada",
    "gk jadi pak, ternyata masih cukup",
    "tdk jd pak, kegiatannya diundur",
    "batal aja pak, udh dpt dr pusat",
], ids=["gk_jd_reason", "gk_jd", "ga_jd", "gk_jadi", "tdk_jd", "batal_aja_pak"])
def test_an_approved_request_cancelled_in_shorthand_goes_to_the_managers(desk12: Desk12, words: str) -> None:
    reply = approved(desk12)
    mid, outcome = answer_gmail(desk12, reply, words)
    # was ("gk jd"): "not a request, report or receipt" in the queue, and nobody told not to send it
    assert outcome == {"follow-up-cancel-asked": 1}, outcome
    assert desk12.queue(mid) == {"cancellation"}
    [notice] = [o for o in desk12.out() if o.purpose.startswith("cancel-asked:")]
    assert set(MANAGERS) <= set(notice.to)
    assert desk12.request()["state"] == "approved"


# 2. a district's request after the desk's proposal for it was approved: linked, never "its" request, never "None" --

def test_a_request_after_an_approved_proposal_names_the_proposal_not_a_request_of_the_district(desk12: Desk12) -> None:
    alert = _proposed(desk12, BULUNGAN, "Bulungan", 36)  # 700 proposed
    send_answer(desk12, MANAGERS[0], alert, "SETUJU")
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 700)
    mid, outcome = desk12.send(BULUNGAN, "Permohonan tambahan blangko KTP-el",
                               REQUEST.format(stock=400, asked="2.000", name="Bulungan"))
    assert outcome == {"request-linked": 1}, outcome
    [(reason, detail)] = [tuple(r) for r in desk12.db().execute(
        "select a.reason, a.detail from attention_items a join messages m on m.id = a.message_pk "
        "where m.message_id = ?", (mid,))]
    # was: "other_address" (the same address) and "... dikaitkan dengan BLK-2026-0001 dari None"
    assert reason == "linked" and "None" not in detail, detail
    assert "usulan pengiriman tanpa permohonan" in detail
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "tanpa menunggu permohonan, sebanyak 700 keping (nomor rujukan BLK-2026-0001)" in text, told.text
    assert "permohonan blangko KTP-el dari kabupaten/kota Bapak/Ibu dengan nomor rujukan BLK-2026-0001" not in text
