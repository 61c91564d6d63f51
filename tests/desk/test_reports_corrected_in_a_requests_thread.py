"""A district correcting a figure of its daily report in the thread of its request ("laporan harian kami kemarin
salah input ... yang benar 300, bukan 2.380"): the report's stock is corrected by an audited adjustment, as in the
report's own thread, never read as a plea to reconsider the request; on the real SQLite desk in process."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, BULUNGAN_OPERATOR, GMAIL, REQUEST, Desk12, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

REPORT = ("Laporan harian Disdukcapil Bulungan tgl 01-12-2026\nPerekaman KTP-el: 96\nPencetakan KTP-el: 88\n"
          "Sisa blangko KTP-el: 2.380\n")


@pytest.mark.parametrize("words", [
    "Mohon maaf pak, laporan harian kami kemarin salah input: sisa blangko KTP-el yang benar 300 keping, bukan "
    "2.380 keping. Permohonan kami tetap 700 keping.",
    "Izin pak, sisa blangko di laporan harian tgl 1 kemarin salah ketik, bukan 2.380 tapi 300 keping. Untuk "
    "permohonan tidak ada perubahan.",
])
def test_a_report_corrected_in_a_requests_thread_corrects_the_report(desk12: Desk12, words: str) -> None:
    _, got = desk12.send(BULUNGAN_OPERATOR, "Lap harian 01-12-2026", REPORT, date="Tue, 01 Dec 2026 16:00:00 +0800")
    assert got == {"report": 1}, got
    asked, got = desk12.send(BULUNGAN, "Permohonan tambahan blangko KTP-el",
                             REQUEST.format(stock=300, asked="700", name="Bulungan"),
                             date="Wed, 02 Dec 2026 08:00:00 +0800")
    [reply] = desk12.replies_to(asked)
    on_hand = desk12.on_hand()
    mid, got = send_answer(desk12, BULUNGAN, reply, words, above=GMAIL)
    # was: "Permintaan agar permohonan ... dipertimbangkan kembali telah kami teruskan kepada pimpinan", the report
    # left at 2.380
    assert [r[0] for r in desk12.db().execute("select stock_on_hand from reports")] == [300], got
    assert desk12.on_hand() == on_hand - 2080
    assert desk12.request()["requested"] == 700
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "dipertimbangkan kembali" not in text, told.text
    assert "telah kami ubah dari 2.380 keping menjadi 300 keping" in text, told.text
