"""After dispatch, on the real SQLite desk in process, every message written fresh: a formal promise to confirm the
count when the blanks come is recorded (never asked back as a receipt without its count, never queued); a phone
number partly masked in a signature ("HP 0812-5xxx") is no figure of a thanks; a count received said with what it
lacks ("kurang 50 dr surat jalan") is booked with its difference, never asked back as two figures. Before
dispatch, an urge to send in Javanese is a reminder, and a stock said almost out is no stock of zero."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import (
    BULUNGAN,
    GMAIL,
    NUNUKAN,
    Desk12,
    answer_gmail,
    approved,
    dispatched,
    flat,
    part_approved,
    send_answer,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Yth. Bapak/Ibu,\n\nTerima kasih atas pemberitahuan pengiriman blangko KTP-el sebanyak 2.000 keping. Jumlah yang "
    "kami terima akan kami konfirmasikan setelah barang tiba di kantor kami.\n\nHormat kami,\nDisdukcapil Kabupaten "
    "Bulungan",
    "Terima kasih Pak. Berapa jumlah yang kami terima nanti kami sampaikan setelah paketnya sampai.",
], ids=["formal", "berapa"])
def test_a_promise_to_confirm_the_count_on_arrival_is_recorded(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    mid, outcome = send_answer(desk12, BULUNGAN, notice, words, above=GMAIL)
    # was (formal): "Jumlah yang diterima belum kami temukan dalam email. Mohon sebutkan angkanya."
    assert outcome == {"follow-up-confirmed": 1}, (outcome, desk12.queue(mid))
    assert desk12.replies_to(mid) == [] and desk12.queue(mid) == set()
    assert desk12.request()["state"] == "dispatched" and desk12.on_hand() == before


@pytest.mark.parametrize("signature", ["Andi\nHP 0812-5xxx", "Andi\nWA 0853 41xx xxxx", "Andi\nTelp. 0813-xxxx-1234"])
def test_a_partly_masked_phone_number_under_a_thanks_is_no_figure(desk12: Desk12, signature: str) -> None:
    notice = dispatched(desk12)
    mid, outcome = send_answer(desk12, BULUNGAN, notice, f"Baik pak terima kasih, kami tunggu kirimannya.\n\n"
                                                         f"{signature}\nSent from my Redmi Note 12 Pro 5G", above=GMAIL)
    # was: "a figure still in doubt" in the queue, and an acknowledgement
    assert outcome == {"follow-up-confirmed": 1}, (outcome, desk12.queue(mid))
    assert desk12.replies_to(mid) == [] and desk12.queue(mid) == set()


@pytest.mark.parametrize("words", [
    "pak blangko ktp-el yg dikirim cuma 1.950 keping yg kami terima, kurang 50 dr surat jalan",
    "Blangko sudah sampai pak, 1.950 lembar, kekurangan 50 lembar dari surat jalan.",
    "Pak, barang so sampe, mar cuma 1.950 keping, kurang 50.",
], ids=["phone", "kekurangan", "manado"])
def test_a_count_received_with_what_it_lacks_is_booked_with_its_difference(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    mid, outcome = send_answer(desk12, BULUNGAN, notice, words, above=GMAIL)
    assert desk12.request()["state"] == "received", outcome
    assert desk12.on_hand() - before == 1950
    assert desk12.open_gaps() == [50]
    [reply] = desk12.replies_to(mid)
    assert "selisih kurang 50 keping" in flat(reply.text), reply.text
    assert "lebih dari satu angka" not in flat(reply.text), reply.text


@pytest.mark.parametrize("words", [
    "Nuwun sewu pak, menawi saged enggal dipun kintun nggih ingkang 2.000 keping wau, stok sampun meh telas.",
    "Pak, mohon segera dikirim yang 2.000 keping itu, stok kami sudah handak habis.",
], ids=["javanese", "banjar_almost_out"])
def test_an_urge_to_send_the_approved_figure_is_a_reminder_and_the_approval_stays(desk12: Desk12,
                                                                                  words: str) -> None:
    reply = approved(desk12)
    before = desk12.request()
    mid, outcome = answer_gmail(desk12, reply, words)
    # was: "not a request, report or receipt" in the queue (javanese); a correction of the stock to 0 that
    # released and approved the request again (banjar)
    assert outcome == {"reminder": 1}, (outcome, desk12.queue(mid))
    now = desk12.request()
    assert (now["state"], now["approved"], now["stock_on_hand"]) == ("approved", before["approved"],
                                                                     before["stock_on_hand"]), now
    [told] = desk12.replies_to(mid)
    assert "koreksi" not in flat(told.text), told.text


@pytest.mark.parametrize("words", [
    "Blangko sudah kami terima pak, jumlahnya sesuai surat jalan.",
    "Kiriman sudah sampai, jumlah sesuai dengan BAST. Terima kasih.",
    "sdh diterima pak, sesuai surat jalan",
], ids=["surat_jalan", "bast", "phone"])
def test_a_receipt_whose_count_matches_the_delivery_note_is_the_whole_shipment(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    mid, outcome = send_answer(desk12, BULUNGAN, notice, words, above=GMAIL)
    # was: "Jumlah yang diterima belum kami temukan dalam email. Mohon sebutkan angkanya."
    assert outcome == {"receipt": 1}, outcome
    assert desk12.request()["state"] == "received" and desk12.on_hand() - before == 2000


def test_a_receipt_said_not_to_match_the_delivery_note_books_nothing_whole(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    _, outcome = send_answer(desk12, BULUNGAN, notice, "Blangko sudah kami terima pak, tapi jumlahnya tidak sesuai "
                                                       "surat jalan.", above=GMAIL)
    assert desk12.on_hand() == before, outcome


@pytest.mark.parametrize("words", [
    "Baik pak, terima kasih. Yang 3.500 keping kami tunggu ya.",
    "Siap, ditunggu kiriman 3.500 kepingnya pak 🙏",
], ids=["kami_tunggu", "ditunggu"])
def test_awaiting_the_figure_first_asked_after_a_part_approval_is_told_what_comes(desk12: Desk12,
                                                                                  words: str) -> None:
    told = part_approved(desk12)  # Nunukan asked 3.500, the kadis approved 2.000
    mid, outcome = send_answer(desk12, NUNUKAN, told, words, above=GMAIL)
    # was: recorded as a confirmation, the district left waiting for 3.500 that will not come
    now = desk12.request()
    assert (now["state"], now["requested"], now["approved"]) == ("approved", 3500, 2000), (outcome, now)
    [reply] = desk12.replies_to(mid)
    text = flat(reply.text)
    assert "disetujui sebagian, sebanyak 2.000 keping, dan jumlah itulah yang akan dikirim" in text, reply.text


def test_thanks_for_the_part_approved_is_recorded(desk12: Desk12) -> None:
    told = part_approved(desk12)
    mid, outcome = send_answer(desk12, NUNUKAN, told, "Baik pak, terima kasih. Yang 2.000 keping kami tunggu ya.",
                               above=GMAIL)
    assert outcome == {"follow-up-confirmed": 1}, outcome
    assert desk12.replies_to(mid) == []
