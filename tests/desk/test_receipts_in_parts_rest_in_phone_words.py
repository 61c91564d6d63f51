"""A count of the rest of a shipment received in parts that the desk cannot read as the rest arriving (after the
first part was booked with the rest coming) goes to a person, never booked as the whole with a shortfall the
district's own figures contradict. The rest read as arriving: test_receipts_in_parts_completed.py."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, dispatched, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

FIRST = ("Pak, blangko baru masuk 1.200 keping ja, yang 800 lagi kata pihak ekspedisi masih tertahan di pelabuhan "
         "Tarakan, kapal berikutnya hari Kamis.")


def _first_part(desk12: Desk12):
    notice = dispatched(desk12)  # 2.000 dispatched to Bulungan
    first, outcome = answer_gmail(desk12, notice, FIRST)
    assert outcome == {"receipt": 1}
    [told] = desk12.replies_to(first)
    assert "sisanya, 800 keping, masih menyusul" in flat(told.text)
    return told


@pytest.mark.parametrize("words", [
    "yg 800 udh nyampe semuanya pak",
    "800 keping sudah diterima semuanya pak, mksh",
    "Total yg diterima 800 pak",
    "800 pak, mksh",
])
def test_the_rest_s_figure_never_replaces_the_count_booked(desk12: Desk12, words: str) -> None:
    before = desk12.on_hand()
    told = _first_part(desk12)
    told_before = len(desk12.to_managers())
    rest, _ = answer_gmail(desk12, told, words)
    # was: "telah kami ubah dari 1.200 menjadi 800 keping", the managers told of a shortfall of 1.200
    assert desk12.on_hand() - before in (1200, 2000)
    for m in [*desk12.replies_to(rest), *desk12.to_managers()[told_before:]]:
        text = flat(m.text)
        assert "menjadi 800" not in text and "kurang 1.200" not in text
    assert desk12.replies_to(rest)
