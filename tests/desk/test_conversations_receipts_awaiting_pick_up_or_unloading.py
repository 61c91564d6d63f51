"""A district asking that blanks be recorded as received while they wait at a carrier's warehouse for a pick-up still
ahead ("besok baru kami ambil") or on a ship berthed but not unloaded ("kapal sudah sandar, belum bongkar"), on the
real SQLite desk in process: blanks not yet arrived, as those still at the port or the airport are; nothing booked,
the managers told in the district's words (its sign-off left out), the district told why."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, Desk12, client_quote, dispatched, flat, send_answer, told_not_arrived

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "above"), [
    ("Kata kurir J&T paketnya sudah ada di gudang mereka di Tanjung Selor, nanti sore baru kami ambil. Tolong "
     "dicatat sudah diterima ya pak.", ""),
    ("Pak, barang sdh di agen ekspedisi, bsk kami jemput. dianggap masuk aja dulu biar laporan beres", GMAIL),
    ("Kapal yang membawa blangko sudah berlabuh di dermaga Tengkayu pagi ini tapi belum dibongkar. Mohon dicatat "
     "diterima saja bu.", ""),
    ("kapalnya udh sandar dr semalam pak, blm bongkar muat. catat aja sdh terima ya", GMAIL),
], ids=["warehouse_pick_up_this_afternoon", "phone_agent_pick_up_tomorrow", "berthed_not_unloaded",
        "phone_sandar_blm_bongkar"])
def test_blanks_awaiting_pick_up_or_unloading_are_not_booked(desk12: Desk12, words: str, above: str) -> None:
    # was: "not a request, report or receipt" in the queue, only "akan dibaca" to the district, the managers not told
    told_not_arrived(desk12, words, above=above)


@pytest.mark.parametrize("words", [
    "Blangko 2.000 keping sudah kami terima dengan baik pak, kardusnya belum dibongkar. Terima kasih.",
    "Blangko sudah kami ambil tadi pagi dari pelabuhan, 2.000 keping lengkap. Terima kasih.",
    "Blangko KTP-el 2.000 keping sudah kami terima. Untuk KIA nanti kami ambil sendiri ke kantor provinsi.",
], ids=["boxes_not_unpacked", "picked_up_at_the_port", "other_pick_up_ahead"])
def test_blanks_in_hand_are_booked(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    mid, outcome = send_answer(desk12, BULUNGAN, notice, words)
    assert "receipt_not_arrived" not in desk12.queue(mid), outcome
    assert desk12.request()["state"] == "received", (outcome, desk12.queue(mid))


def test_the_districts_sign_off_is_not_quoted_to_the_managers(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    quote, _ = client_quote(notice, "outlook_id")
    words = ("Paketnya masih di gudang J&T Juata, katanya siap diambil besok. catat diterima ya pak biar laporan kami "
             "beres\n\nSalam,\nSeksi PIAK Disdukcapil Kabupaten Bulungan")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + notice.subject, f"{words}\n\n{quote}", in_reply_to=notice.message_id)
    assert "receipt_not_arrived" in desk12.queue(mid), outcome
    [managers] = [o for o in desk12.out() if o.purpose.startswith("not-arrived:")]
    # was: "Salam, Seksi PIAK Disdukcapil Kabupaten Bulungan" inside the district's words quoted
    assert "biar laporan kami beres" in flat(managers.text), managers.text
    assert "Seksi PIAK" not in managers.text, managers.text
    [detail] = [r[0] for r in desk12.db().execute("select detail from attention_items where reason = ?",
                                                  ("receipt_not_arrived",))]
    assert "biar laporan kami beres" in detail and "Seksi PIAK" not in detail, detail
