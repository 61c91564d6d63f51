"""Conversations that must hold, on the real SQLite desk in process over the Maildir defaults, every message
written fresh: a raise restated in other words, answering the same mail as the raise already applied, is never
added twice; a receipt written with a stock correction after dispatch books the receipt and handles the
correction; the answer "yang 700 itu sisa stok" is shown back as the stock only."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import (
    BULUNGAN,
    BULUNGAN_OPERATOR,
    MALINAU,
    Desk12,
    answer_gmail,
    dispatched,
    flat,
    send_answer,
    send_request,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


# M2. the answer "yang 700 itu sisa stok" is shown back as the stock it was applied to, never as the figure asked --

def test_the_answer_naming_its_figure_is_shown_back_as_applied(desk12: Desk12) -> None:
    reply = send_request(desk12, "1.000", "1.000", sender=MALINAU, name="Malinau")
    mid = send_answer(desk12, MALINAU, reply, "Koreksi pak, bukan 1.000 tapi 700.")[0]
    [asked] = desk12.replies_to(mid)
    mid = send_answer(desk12, MALINAU, asked, "Maksud kami yang 700 itu sisa stok pak.")[0]
    assert (desk12.request()["requested"], desk12.request()["stock_on_hand"]) == (1000, 700)
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    understood = text[text.index("Yang kami pahami"):]
    # was: "- Jumlah yang dimohon: 700 keping (tertulis: ...)" beside the stock, the request still asking 1.000
    assert "Jumlah yang dimohon: 700 keping" not in text
    assert "Sisa stok: 700 keping" in understood


# H4, H5. a receipt with a correction of the stock, after dispatch: the receipt booked, the stock handled as any
# correction after dispatch, one reply ----------------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "Blangko 2.000 keping sudah kami terima pak. Sekalian koreksi, stok kami waktu mengajukan sebenarnya 450, "
    "bukan 750.",
    "Blangko sudah kami terima 2.000 keping. Mohon maaf, stok yang kami tulis di permohonan keliru, seharusnya 450.",
], ids=["sekalian-koreksi-bukan", "stok-yang-kami-tulis-keliru"])
def test_a_receipt_with_a_stock_correction_books_the_receipt(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)  # 2.000 to Bulungan, stock 750
    told_before, on_hand = len(desk12.to_managers()), desk12.on_hand()
    mid, _ = answer_gmail(desk12, notice, words)
    req = desk12.request()
    # was: nothing received (state "dispatched"), and (stok-yang-kami-tulis-keliru) the figure asked 2.000 -> 450
    # told to the district and to the managers
    assert (req["state"], req["requested"], req["approved"]) == ("received", 2000, 2000)
    assert "receipt_confirmed" in desk12.ledger_kinds() and desk12.on_hand() - on_hand == 2000
    stated = desk12.db().execute("select quantity from stated_stock where district = '65.01' order by id desc"
                                 ).fetchone()
    assert stated is not None and stated[0] == 450
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "penerimaan blangko KTP-el sebanyak 2.000 keping" in text
    assert "Sisa stok: 750 keping menjadi 450 keping" in text
    assert "Jumlah yang dimohon: 2.000 keping menjadi" not in text and "menjadi 450" not in text.replace(
        "750 keping menjadi 450", "")
    assert "mohon konfirmasi" not in text.lower()  # the district is never asked again for the count it gave
    [managers] = desk12.to_managers()[told_before:]
    said = flat(managers.text)
    assert "Sisa stok: 750 keping menjadi 450 keping" in said and "Jumlah yang dimohon" not in said
    assert "diterima sebanyak 2.000 keping" in said
    assert desk12.queue(mid) >= {"after_decision"}


def test_a_short_receipt_with_a_stock_correction_books_the_count_and_the_shortfall(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    on_hand = desk12.on_hand()
    mid, _ = answer_gmail(desk12, notice, "Blangko sudah kami terima 1.900 keping. Koreksi pak, stok kami waktu itu "
                                          "sebenarnya 450, bukan 750.")
    assert desk12.request()["state"] == "received" and desk12.on_hand() - on_hand == 1900
    assert desk12.open_gaps() == [100]
    [told] = desk12.replies_to(mid)
    assert "kurang 100" in flat(told.text) and "Sisa stok: 750 keping menjadi 450 keping" in flat(told.text)


def test_a_receipt_with_the_stock_now_is_no_correction(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    told_before = len(desk12.to_managers())
    mid, _ = answer_gmail(desk12, notice, "Blangko 2.000 keping sudah kami terima. Sisa stok kami sekarang menjadi "
                                          "2.450 keping.")
    assert desk12.request()["state"] == "received" and desk12.request()["stock_on_hand"] == 750
    assert "after_decision" not in desk12.queue(mid)
    assert not [m for m in desk12.to_managers()[told_before:] if "Koreksi setelah pengiriman" in m.subject]


# H2. a raise restated in other words, answering the same mail as the raise applied, is never added twice ----------

RAISE = "Pak, mohon ditambah 500 keping lagi ya."


@pytest.mark.parametrize(("sender", "words"), [
    (BULUNGAN, "Pak maaf, tadi belum lengkap: mohon ditambah 500 keping lagi karena ada perekaman di Sebatik."),
    (BULUNGAN_OPERATOR, "Pak, permohonan BLK-2026-0001 mohon ditambah 500 keping lagi ya."),
], ids=["same-address-reworded", "colleague-reworded"])
def test_a_raise_restated_answering_the_same_mail_is_not_added_again(desk12: Desk12, sender: str,
                                                                     words: str) -> None:
    reply = send_request(desk12, "900", "1.500")
    send_answer(desk12, BULUNGAN, reply, RAISE)
    assert desk12.request()["requested"] == 2000
    mid = send_answer(desk12, sender, reply, words)[0]  # the same 1.500 mail answered again
    req = desk12.request()
    # was: "2.000 keping menjadi 2.500 keping", the 500 added a second time
    assert req["requested"] == 2000
    assert desk12.queue(mid) == {"restated_change"}
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "[BLK-2026-0001]" in told.subject and "menjadi 2.500 keping" not in text.split("Apabila")[0]
    assert "belum kami terapkan" in text and "jumlah yang dimohon tetap 2.000 keping" in text


def test_a_raise_restated_in_a_new_mail_soon_after_is_not_added_again(desk12: Desk12) -> None:
    reply = send_request(desk12, "900", "1.500")
    send_answer(desk12, BULUNGAN, reply, "Pak, mohon ditambah 500 keping lagi, jadi total 2.000.")
    mid, _ = desk12.send(BULUNGAN_OPERATOR, "Tambahan permohonan BLK-2026-0001",
                         "Yth. Provinsi,\nTambahan permohonan BLK-2026-0001: mohon ditambah 500 keping lagi.\n"
                         "Terima kasih")
    # was: 2.500
    assert desk12.request()["requested"] == 2000
    assert desk12.queue(mid) == {"restated_change"}


@pytest.mark.parametrize("words", [
    "Pak, ternyata masih kurang, mohon ditambah 500 keping lagi.",
    "Pak, mohon ditambah 500 keping lagi sehingga menjadi 2.500 keping.",
], ids=["masih-kurang", "names-the-new-total"])
def test_a_second_raise_answering_the_old_mail_but_saying_so_is_applied(desk12: Desk12, words: str) -> None:
    reply = send_request(desk12, "900", "1.500")
    send_answer(desk12, BULUNGAN, reply, RAISE)
    send_answer(desk12, BULUNGAN, reply, words)
    assert desk12.request()["requested"] == 2500


def test_a_second_raise_answering_the_reply_about_the_first_is_applied(desk12: Desk12) -> None:
    reply = send_request(desk12, "900", "1.500")
    mid = send_answer(desk12, BULUNGAN, reply, RAISE)[0]
    [raised] = desk12.replies_to(mid)  # the desk's reply about the 2.000
    mid = send_answer(desk12, BULUNGAN_OPERATOR, raised, "Pak maaf, mohon ditambah 500 keping lagi.")[0]
    assert desk12.request()["requested"] == 2500
    [told] = desk12.replies_to(mid)
    assert "2.000 keping menjadi 2.500 keping" in flat(told.text)
