"""A district writing in the dispatch thread that something other than the blanks broke (the office car, the
printer, the road), on the real SQLite desk in process: no damage to the blanks is read into it, nothing is booked,
and no one is told of damaged blanks; blanks said damaged still are."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, dispatched, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Paket blangko masih tertahan di kantor pos pak, belum bisa kami jemput karena kendaraan kantor kami rusak. "
    "Mohon dicatat sudah diterima saja.",
    "Kiriman 2.000 keping masih di ekspedisi Tanjung Selor, blm kami ambil krn mobil dinas lagi rusak. Mohon "
    "dicatat sudah diterima saja ya.",
    "Blangkonya sudah diterima pak, tapi belum bisa kami hitung karena printer kami rusak.",
], ids=["kendaraan_kantor", "mobil_dinas_with_figure", "printer"])
def test_something_else_broken_is_no_damage_to_the_blanks(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    n = len(desk12.out())
    mid, outcome = answer_gmail(desk12, notice, words)
    assert desk12.request()["state"] == "dispatched", outcome
    assert "damaged" not in desk12.queue(mid), (outcome, desk12.queue(mid))
    sent = desk12.out()[n:]
    assert sent, outcome
    for o in sent:  # never "Blangko rusak ..." to the managers, nor "blangko yang rusak" to the district
        assert "rusak" not in o.subject.lower() and "blangko yang rusak" not in flat(o.text), (o.subject, o.text)


def test_blanks_said_damaged_still_reach_a_person(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    n = len(desk12.out())
    answer_gmail(desk12, notice, "Sudah kami terima 2.000 keping pak, tapi 15 keping di antaranya rusak kena hujan "
                 "karena mobil pengangkutnya bocor.")
    assert any("rusak" in o.subject for o in desk12.out()[n:]), [o.subject for o in desk12.out()[n:]]
