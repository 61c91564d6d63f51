"""The second part of a shipment received in parts, said in the district's own words after the first part was
booked with the rest coming: it adds to the count booked (the shipment now whole), never replaces it."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, dispatched, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

FIRST = ("Pak, blangko baru masuk 1.200 keping ja, yang 800 lagi kata pihak ekspedisi masih tertahan di pelabuhan "
         "Tarakan, kapal berikutnya hari Kamis.")


@pytest.mark.parametrize("words", [
    "Yang 800 tadi sudah tiba juga pak hari ini, jadi sudah genap semuanya. Terima kasih.",
    "dus kedua udh nyampe pak, 800 lbr. lengkap ya skrg",
    "Kiriman kedua sudah datang pak, 800 keping, semuanya sudah lengkap.",
    # in phone shorthand, the figure with "-nya" glued on
    "pak sisa 800nya br nyampe td sore, skrg udh komplit smua 👍\n\nDikirim dari Redmi Note",
    "Pak, sisa 800 nya sdh kami terima td pagi, jd udh lengkap smuanya. Mksh",
    "Alhamdulillah sisanya 800 lbr udh masuk gudang, komplit pak.",
])
def test_the_rest_arriving_completes_the_shipment(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)  # 2.000 dispatched to Bulungan
    before = desk12.on_hand()
    first, outcome = answer_gmail(desk12, notice, FIRST)
    assert outcome == {"receipt": 1}
    [told] = desk12.replies_to(first)
    assert "sisanya, 800 keping, masih menyusul" in flat(told.text)
    told_before = len(desk12.to_managers())
    rest, outcome = answer_gmail(desk12, told, words)
    assert outcome == {"receipt-corrected": 1}
    # was: "telah kami ubah dari 1.200 menjadi 800 keping ... selisih kurang 1.200 keping"
    assert desk12.on_hand() - before == 2000 and desk12.open_gaps() == []
    [answer] = desk12.replies_to(rest)
    text = flat(answer.text)
    assert "seluruh penerimaan kini tercatat 2.000 keping" in text
    assert "menjadi 800" not in text and "selisih kurang" not in text
    assert all("kurang" not in m.subject for m in desk12.to_managers()[told_before:])
