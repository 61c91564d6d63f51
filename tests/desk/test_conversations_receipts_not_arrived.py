"""A receipt whose own words say the blanks have not arrived, on the real SQLite desk in process, every message
written fresh: never booked as received; a person reads it, the managers hear of it and the district is told why."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12, dispatched, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Pak, barangnya belum sampai sih, tapi tolong dicatat aja sudah diterima 2.000 biar laporan kami cepat beres.",
    "Blangkonya memang belum datang pak, tapi mohon dicatat sudah kami terima 2.000 keping ya.",
    "brg blm nyampe pak, tp catat aja udh terima 2.000 ya, mksh",
], ids=["barangnya_belum_sampai", "blangkonya_belum_datang", "phone_brg_blm_nyampe"])
def test_a_receipt_saying_the_blanks_have_not_arrived_is_not_booked(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    on_hand = desk12.on_hand()
    mid, outcome = send_answer(desk12, BULUNGAN, notice, words)
    # was: "Kami telah mencatat penerimaan blangko KTP-el sebanyak 2.000 keping", the request received
    assert desk12.request()["state"] == "dispatched" and desk12.on_hand() == on_hand, outcome
    assert "receipt_not_arrived" in desk12.queue(mid), outcome
    [told] = desk12.replies_to(mid)
    assert "belum kami catat" in flat(told.text) and "telah mencatat penerimaan" not in flat(told.text), told.text
    [managers] = [o for o in desk12.out() if o.purpose.startswith("not-arrived:")]
    assert "belum sampai" in managers.subject and "2.000" in flat(managers.text), managers.text


def test_a_receipt_with_a_second_parcel_still_coming_is_booked(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    send_answer(desk12, BULUNGAN, notice, "Blangko 2.000 keping sudah kami terima dengan baik. Terima kasih.")
    assert desk12.request()["state"] == "received"
