"""After the blanks were received, a recount said of the shipment itself ("blangko dari kiriman ini hanya 950
keping"), on the real SQLite desk in process, every message written fresh: the count received is corrected and the
shortfall opened for the managers, never a change of the figure asked."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, Desk12, dispatched, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Selamat pagi bu, setelah stock opname ternyata blangko dari kiriman tersebut hanya 1.900 keping, satu ikat isi "
    "100 tidak ada. Mohon petunjuknya.",
    "pak isi paketnya ternyata cuma 1.900 lembar, kurang 1 bundel. gimana ya pak",
], ids=["stock_opname_kiriman_tersebut", "phone_isi_paketnya"])
def test_a_recount_of_the_shipment_received_corrects_the_count(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    mid, _ = send_answer(desk12, BULUNGAN, notice, "Blangko 2.000 keping sudah kami terima.", above=GMAIL)
    [receipt] = desk12.replies_to(mid)
    mid, outcome = send_answer(desk12, BULUNGAN, receipt, words, above=GMAIL)
    # was: "Jumlah yang dimohon: 2.000 -> 1.900" in the queue, no shortfall, the managers not told
    assert desk12.request()["requested"] == 2000, outcome
    assert desk12.open_gaps() == [100], outcome
    [told] = desk12.replies_to(mid)
    assert "menjadi 1.900 keping" in flat(told.text), told.text
    assert [o for o in desk12.to_managers() if "Selisih penerimaan" in o.subject]
