"""After dispatch, on the real SQLite desk in process, every message written fresh: a count of the shipment said
under a condition or a plan ("kalau ... sudah sampai", Javanese "menawi ... sampun dugi", Banjar "amun ... sudah
tiba", "dijadwalkan tiba besok"), or of its papers ("resi pengiriman ... sudah kami terima", "BAST ... sudah kami
siapkan"), is no receipt: nothing is booked. A receipt told with a plan for later beside it is still booked."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, Desk12, dispatched, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Nggih pak, menawi 2.000 keping sampun dugi badhe kami kabari malih.",
    "Menawi 2.000 keping punika sampun dugi, badhe kami tampi lan kami itung rumiyin.",
    "Baik pak, kalau 2.000 keping itu sudah sampai nanti kami kabari jumlahnya.",
    "Amun 2.000 keping sudah tiba, kami itung dulu lah pak.",
    "Info dari ekspedisi pak, 2.000 keping dijadwalkan tiba besok pagi. Nanti kami konfirmasi jumlah yang diterima.",
    "Pak, BAST penerimaan 2.000 keping sudah kami siapkan, nanti ditandatangani waktu barang tiba ya.",
    "Mohon izin pak, resi pengiriman 2.000 keping sudah kami terima. Terima kasih.",
    "Surat pengantar dan BAST untuk 2.000 keping sudah kami terima pak, barangnya masih di jalan.",
], ids=["javanese_kabari", "javanese_itung", "kalau_kabari", "banjar_amun", "scheduled", "bast_ready", "resi",
        "papers_only"])
def test_a_count_said_under_a_condition_a_plan_or_of_the_papers_books_nothing(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    mid, outcome = send_answer(desk12, BULUNGAN, notice, words, above=GMAIL)
    # was: the whole 2.000 booked as received, the district told "Kami telah mencatat penerimaan"
    assert desk12.request()["state"] == "dispatched", outcome
    assert desk12.on_hand() == before
    assert not any("Kami telah mencatat penerimaan" in o.text for o in desk12.replies_to(mid))


@pytest.mark.parametrize("words", [
    "Sudah kami terima 2.000 keping, nanti kami catat di buku stok.",
    "BAST dan blangko 2.000 keping sudah kami terima pak.",
], ids=["told_then_plan", "papers_and_blanks"])
def test_a_receipt_told_beside_a_plan_or_its_papers_is_still_booked(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    _, outcome = send_answer(desk12, BULUNGAN, notice, words, above=GMAIL)
    assert desk12.request()["state"] == "received", outcome
    assert desk12.on_hand() - before == 2000
