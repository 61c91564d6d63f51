"""A kecamatan's mail forwarded by its district with no words of the district's own, through the desk: the
kecamatan's stock is never booked as the district's, and the managers get no alert of a critical stock."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_bare_forward_of_a_kecamatans_low_stock_changes_no_ledger_and_alerts_no_one(desk12: Desk12) -> None:
    before = desk12.on_hand("65.03")
    mid, outcome = desk12.send(
        NUNUKAN, "Fw: stok blangko kecamatan",
        "---------- Forwarded message ---------\nDari: Kec Sei Menggaris <kec.seimenggaris@nunukankab.example>\n"
        "Subject: stok blangko kecamatan\n\nsisa blangko ktp-el di kecamatan tinggal 35 keping\n",
    )
    # was: a daily report of 35, the ledger set to 35, a "kritis" alert to the managers
    assert desk12.on_hand("65.03") == before
    assert not [o for o in desk12.to_managers() if "kritis" in o.subject.lower()]
    # the district is asked its own stock, the kecamatan's sentence quoted
    assert outcome == {"report-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    assert "di kecamatan tinggal 35 keping" in flat(asked.text), asked.text
