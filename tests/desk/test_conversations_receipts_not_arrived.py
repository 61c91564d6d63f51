"""A receipt whose own words say the blanks have not arrived, on the real SQLite desk in process, every message
written fresh: never booked as received; a person reads it, the managers hear of it and the district is told why."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12, dispatched, flat, send_answer, told_not_arrived

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Pak, barangnya belum sampai sih, tapi tolong dicatat aja sudah diterima 2.000 biar laporan kami cepat beres.",
    "Blangkonya memang belum datang pak, tapi mohon dicatat sudah kami terima 2.000 keping ya.",
    "brg blm nyampe pak, tp catat aja udh terima 2.000 ya, mksh",
    "Dengan hormat, paket blangko masih di kantor pos (belum kami ambil), namun mohon dicatat diterima 2.000 keping "
    "untuk keperluan laporan akhir tahun.",
    "Kirimannya masih tertahan di pelabuhan Tarakan bu. Tolong dianggap sudah kami terima 2.000 ya biar sinkron.",
    "paketnya msh di J&T pak, catat aja udh terima 2.000",
    "Bu, tolong dicatat sudah diterima 2.000 keping ya, meskipun fisiknya masih di pelabuhan Nunukan.",
], ids=["barangnya_belum_sampai", "blangkonya_belum_datang", "phone_brg_blm_nyampe", "masih_di_kantor_pos",
        "tertahan_di_pelabuhan", "phone_msh_di_jnt", "meskipun_fisiknya_masih"])
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


def test_a_receipt_with_the_rest_still_at_the_port_books_the_part_in_hand(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    mid, _ = send_answer(desk12, BULUNGAN, notice,
                         "Blangko 1.500 keping sudah kami terima pak, sisanya masih di pelabuhan.")
    assert "receipt_not_arrived" not in desk12.queue(mid)
    assert "receipt_confirmed" in desk12.ledger_kinds(), desk12.ledger_kinds()


@pytest.mark.parametrize("words", [
    "Paketnya masih di kantor pos Tanjung Selor pak, besok baru kami jemput. Dicatat saja sudah diterima ya.",
    "blangko msh nyangkut di ekspedisi bu, blm kami ambil. tolong dianggap udh masuk aja biar laporan beres",
    "Blangko 2.000 keping msh tertahan di pelabuhan Tengkayu, blm dibongkar. Mohon dicatat diterima dulu pak.",
], ids=["no_count_kantor_pos", "no_count_phone_ekspedisi", "shipment_count_at_the_port"])
def test_an_ask_to_record_blanks_still_on_their_way_without_a_count_read_is_told_as_with_one(
        desk12: Desk12, words: str) -> None:
    # was: only "akan dibaca serta ditindaklanjuti langsung oleh petugas kami", the managers not told
    _, managers = told_not_arrived(desk12, words)
    assert words[:30] in flat(managers.text), managers.text


def test_a_question_after_blanks_on_their_way_is_no_receipt(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    mid, _ = send_answer(desk12, BULUNGAN, notice, "Paketnya masih di kantor pos ya pak? Kami belum dapat kabar.")
    assert "receipt_not_arrived" not in desk12.queue(mid)
    assert not [o for o in desk12.out() if o.purpose.startswith("not-arrived:")]


@pytest.mark.parametrize("words", [
    "Pak, kata kurir paket blangko sudah sampai di bandara Juwata tapi belum bisa kami ambil karena kantor kargo "
    "tutup. Mohon dicatat diterima saja pak agar laporan bulan ini lengkap.",
    "Kiriman sdh tiba di pelabuhan Nunukan, blm sempat dijemput krn kapal telat sandar. Tolong catat sdh masuk ya.",
    "Info dari ekspedisi blangko telah sampai di gudang mereka namun belum dapat kami ambil. Mohon dianggap sudah "
    "diterima dulu.",
], ids=["bandara_belum_bisa_kami_ambil", "phone_blm_sempat_dijemput", "gudang_belum_dapat_kami_ambil"])
def test_blanks_arrived_at_a_place_on_their_way_but_not_yet_taken_are_not_asked_for_a_count(
        desk12: Desk12, words: str) -> None:
    told, _ = told_not_arrived(desk12, words)
    # was: "Jumlah yang diterima belum kami temukan dalam email. Mohon sebutkan angkanya", the managers not told
    assert "Mohon sebutkan angkanya" not in told.text
