"""Conversations that must hold, on the real SQLite desk in process over the Maildir defaults, every message
written fresh: a district's correction naming another district's reference changes nothing and goes to a person;
the answer to "which figure is 700?" is applied to the figure it names; a correction of the part added by a raise
corrects the part, never the whole request; a ralat of a booked daily report goes to a person whether or not it
names the old figure; a receipt of more than was sent, written as a sum with its total, books the total."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import (
    BULUNGAN,
    BULUNGAN_OPERATOR,
    MALINAU,
    NUNUKAN,
    TARAKAN,
    Desk12,
    answer_gmail,
    dispatched,
    flat,
    send_answer,
    send_request,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


# H5. a correction naming another district's reference changes nothing of either district's requests ------------

def test_a_correction_naming_another_districts_reference_changes_nothing(desk12: Desk12) -> None:
    send_request(desk12, "600", "1.800")
    send_request(desk12, "900", "2.000", sender=NUNUKAN, name="Nunukan")
    bulungan, nunukan = desk12.request("BLK-2026-0001"), desk12.request("BLK-2026-0002")
    assert nunukan["district"] != bulungan["district"]
    mid, _ = desk12.send(NUNUKAN, "Fwd: koreksi", "Yth. Provinsi,\nKami lampirkan koreksi: rujukan BLK-2026-0001 "
                                                  "jumlah yang dimohon menjadi 1.000 keping.\nTerima kasih")
    # was: a new request BLK-2026-0003 of 1.000 keping opened for Nunukan, "linked" to BLK-2026-0002
    assert desk12.request("BLK-2026-0003") is None
    for ref, before in (("BLK-2026-0001", bulungan), ("BLK-2026-0002", nunukan)):
        after = desk12.request(ref)
        assert (after["requested"], after["approved"], after["state"]) == \
            (before["requested"], before["approved"], before["state"])
    assert desk12.queue(mid) == {"other_districts_request"}
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "BLK-2026-0001" not in text + told.subject and "permohonan tersendiri" not in text


# H6. the answer to "which figure is 700?" is applied to the figure it names ------------------------------------

@pytest.mark.parametrize(("answer", "requested", "stock"), [
    ("Maksud kami yang 700 itu sisa stok pak.", 1000, 700),
    ("Maaf pak, 700 keping itu adalah jumlah yang dimohon.", 700, 1000),
], ids=["itu-sisa-stok", "adalah-jumlah-dimohon"])
def test_the_answer_naming_its_figure_after_it_is_applied_to_that_figure(
        desk12: Desk12, answer: str, requested: int, stock: int) -> None:
    reply = send_request(desk12, "1.000", "1.000", sender=MALINAU, name="Malinau")
    assert desk12.request()["approved"] == 1000
    mid = send_answer(desk12, MALINAU, reply, "Koreksi pak, bukan 1.000 tapi 700.")[0]
    [asked] = desk12.replies_to(mid)
    assert "apakah 700 keping adalah jumlah yang dimohon atau sisa stok" in flat(asked.text)
    assert (desk12.request()["requested"], desk12.request()["stock_on_hand"]) == (1000, 1000)
    mid = send_answer(desk12, MALINAU, asked, answer)[0]
    req = desk12.request()
    # was (itu-sisa-stok): the figure asked 1.000 -> 700 and 700 approved, the stock left at 1.000
    assert (req["requested"], req["stock_on_hand"]) == (requested, stock)
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject
    label = "Sisa stok" if stock == 700 else "Jumlah yang dimohon"
    assert f"{label}: 1.000 keping menjadi 700 keping" in flat(told.text)


# H3. a correction of the part a raise added corrects the part, never the whole request ---------------------------

@pytest.mark.parametrize("words", [
    "Izin koreksi pak, yg ditambahkan itu cuma 200 keping aja ternyata, bukan 500. Mohon maaf.",
    "Izin koreksi pak, yang ditambahkan itu cuma 200 keping saja, bukan 500.",
    "Koreksi pak, yg kami tambahkan cukup 200 keping, bukan 500.",
], ids=["yg-ditambahkan", "yang-ditambahkan", "yg-kami-tambahkan"])
def test_a_correction_of_the_added_part_corrects_the_part(desk12: Desk12, words: str) -> None:
    reply = send_request(desk12, "800", "1.500", sender=TARAKAN, name="Tarakan")
    assert desk12.request()["approved"] == 1500
    mid = send_answer(desk12, TARAKAN, reply, "Pak, mohon ditambah 500 keping lagi ya, ada perekaman di Lapas.")[0]
    assert desk12.request()["requested"] == 2000
    [raised] = desk12.replies_to(mid)
    mid = send_answer(desk12, TARAKAN, raised, words)[0]
    req = desk12.request()
    # was: the whole request 2.000 -> 200 and 200 approved
    assert req["requested"] == 1700
    [told] = desk12.replies_to(mid)
    assert "2.000 keping menjadi 1.700 keping" in flat(told.text) and "menjadi 200 keping" not in flat(told.text)


def test_a_correction_naming_the_added_amount_as_wrong_without_saying_which_goes_to_a_person(desk12: Desk12) -> None:
    reply = send_request(desk12, "800", "1.500", sender=TARAKAN, name="Tarakan")
    mid = send_answer(desk12, TARAKAN, reply, "Pak, mohon ditambah 500 keping lagi ya, ada perekaman di Lapas.")[0]
    [raised] = desk12.replies_to(mid)
    mid = send_answer(desk12, TARAKAN, raised, "Izin koreksi pak, cuma 200 keping aja ternyata, bukan 500.")[0]
    req = desk12.request()
    # was: the whole request 2.000 -> 200 and 200 approved
    assert (req["requested"], req["approved"]) == (2000, 2000)
    assert desk12.queue(mid) == {"doubt"}
    [told] = desk12.replies_to(mid)
    assert "menjadi 200 keping" not in flat(told.text)


# H4. a ralat of a booked daily report goes to a person whether or not it names the old figure -------------------

@pytest.mark.parametrize(("subject", "words"), [
    ("ralat laporan", "Ralat lap. harian tgl 4/12 pak: sisa blangko KTP-el seharusnya 5.120, tadi angkanya tertukar."
                      "\nMaaf, Rudi"),
    ("Ralat laporan harian", "Selamat pagi pak, ralat laporan harian tgl 4 Desember: yang benar sisa blangko KTP-el "
                             "5.120 keping. Mohon maaf atas kekeliruannya.\nRudi"),
], ids=["lap-harian-seharusnya", "laporan-harian-yang-benar"])
def test_a_ralat_of_a_booked_report_without_the_old_figure_is_queued_and_told(
        desk12: Desk12, subject: str, words: str) -> None:
    desk12.send(BULUNGAN_OPERATOR, "Laporan harian 4 Desember 2026",
                "Laporan harian Disdukcapil Bulungan tgl 04-12-2026\nPerekaman KTP-el: 96\nPencetakan KTP-el: 88\n"
                "Sisa blangko KTP-el: 5.210\nRusak: 2\n")
    on_hand, kinds = desk12.on_hand(), desk12.ledger_kinds()
    mid, _ = desk12.send(BULUNGAN_OPERATOR, subject, words)
    # was: booked silently as a new report of today (a second stock_observed, 5.210 -> 5.120), no mail, no queue
    assert desk12.on_hand() == on_hand and desk12.ledger_kinds() == kinds
    assert desk12.queue(mid) == {"report_correction"}
    [told] = desk12.replies_to(mid)
    assert "ralat atas laporan harian yang telah kami catat" in flat(told.text)
    # the next day's report, with no word of a ralat, is booked as any
    desk12.send(BULUNGAN_OPERATOR, "Laporan harian 5 Desember 2026",
                "Laporan harian Disdukcapil Bulungan tgl 05-12-2026\nPerekaman KTP-el: 90\nPencetakan KTP-el: 80\n"
                "Sisa blangko KTP-el: 5.040\n")
    assert len(desk12.ledger_kinds()) > len(kinds)


# H1, H2. a receipt of more than was sent, written as a sum with its total, books the total with the surplus -------

@pytest.mark.parametrize(("words", "total"), [
    ("Sudah kami terima pak: 2.000 + 1 dus isi 100, total 2.100 keping.", 2100),
    ("Pak, barang sudah sampai. 2.000 + 50 keping, total 2.050 keping. Trims", 2050),
    ("Selamat sore Pak,\n\nKiriman blangko sudah kami terima tadi siang. Ternyata ada lebih: 20 dus @100 keping "
     "ditambah 1 dus isi 100 keping, jadi totalnya 2.100 keping.\n\nTerima kasih\nRini", 2100),
    ("Pak, barang sudah sampai. Rinciannya 2.000 + 50 keping (ada 1 ikat terselip), total 2.050 keping. Trims",
     2050),
    ("Blangko diterima lengkap malah lebih, 2.000 lbr + 1 pak 100 lbr jadi total 2.100 lbr.", 2100),
], ids=["terima-dus-isi-total", "sampai-total", "jadi-totalnya", "rinciannya", "pak-lbr"])
def test_a_receipt_of_a_surplus_written_as_a_sum_books_the_total(desk12: Desk12, words: str, total: int) -> None:
    notice = dispatched(desk12)  # 2.000 to Bulungan
    told_before, on_hand = len(desk12.to_managers()), desk12.on_hand()
    mid, _ = answer_gmail(desk12, notice, words)
    req = desk12.request()
    # was: asked back which figure it is, "belum kami temukan", or (jadi-totalnya) a change of the asked figure
    # 2.000 -> 2.100 put to the managers as a correction after dispatch; nothing received
    assert (req["state"], req["requested"]) == ("received", 2000)
    assert desk12.on_hand() - on_hand == total
    surplus = f"lebih {total - 2000}"
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert f"{total:,} keping".replace(",", ".") in text and surplus in text
    assert "Jumlah yang dimohon" not in text and "belum kami temukan" not in text
    [managers] = desk12.to_managers()[told_before:]
    assert surplus in managers.subject + flat(managers.text) and "Koreksi setelah pengiriman" not in managers.subject


def test_a_receipt_of_a_surplus_in_a_new_mail_books_the_total(desk12: Desk12) -> None:
    dispatched(desk12)
    on_hand = desk12.on_hand()
    mid, _ = desk12.send(BULUNGAN, "Mohon kiriman blangko KTP-el",
                         "Yth. Provinsi,\nBlangko KTP-el kiriman provinsi sudah kami terima: 2.000 + 1 dus isi 100, "
                         "total 2.100 keping.\nTerima kasih, Rini")
    # was: asked back whether 2.100 is the figure asked, the stock or the count received
    assert desk12.request()["state"] == "received" and desk12.on_hand() - on_hand == 2100
    [told] = desk12.replies_to(mid)
    assert "lebih 100" in flat(told.text)


# a correction under a "| " quote, and one naming its reference with spaces, are applied in place --

@pytest.mark.parametrize("words", [
    "ralat pak: sisa kami 400, bukan 900. permohonan tetap 2.500.",
    "Mohon maaf Pak, stok kami sebenarnya tinggal 400 keping (bukan 900).",
], ids=["ralat-sisa", "stok-sebenarnya"])
def test_a_correction_above_a_quote_marked_with_bars_is_applied(desk12: Desk12, words: str) -> None:
    reply = send_request(desk12, "900", "2.500", sender=TARAKAN, name="Tarakan")
    assert desk12.request()["stock_on_hand"] == 900
    quoted = "\n".join(f"| {line}" for line in reply.text.splitlines())  # webmail and Lotus quote so
    mid, _ = desk12.send(TARAKAN, "Re: " + reply.subject, f"{words}\n\n{quoted}\n", in_reply_to=reply.message_id)
    # was: "a figure still in doubt" in the queue, the stock left at 900 (the quoted figures read as new words)
    assert desk12.request()["stock_on_hand"] == 400
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "900 keping menjadi 400 keping" in flat(told.text)
    assert "doubt" not in desk12.queue(mid)


def test_a_revision_naming_its_reference_with_spaces_is_applied_in_place(desk12: Desk12) -> None:
    send_request(desk12, "600", "1.800")
    mid, _ = desk12.send(BULUNGAN, "Revisi jumlah",
                         "Pak, untuk permohonan BLK 2026 0001 jumlahnya kami revisi jadi 2.400 keping ya.")
    # was: the generic acknowledgement and a person's queue; the request left at 1.800
    assert desk12.request()["requested"] == 2400
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "1.800 keping menjadi 2.400 keping" in flat(told.text)
    assert desk12.request("BLK-2026-0002") is None


# two colleagues' corrections crossing in flight: the later one, written against a figure changed since ---

def test_a_correction_naming_a_figure_changed_since_goes_to_a_person(desk12: Desk12) -> None:
    reply = send_request(desk12, "600", "2.000")
    send_answer(desk12, BULUNGAN, reply, "Koreksi pak: cukup 1.500 keping saja, bukan 2.000.")
    assert desk12.request()["requested"] == 1500
    # the colleague answers the same first reply, not having seen the change
    mid = send_answer(desk12, BULUNGAN_OPERATOR, reply, "Ralat pak, mohon dinaikkan jadi 2.500 keping, bukan 2.000.")[0]
    # was: applied over the colleague's change, "1.500 keping menjadi 2.500 keping", nobody told they disagree
    assert desk12.request()["requested"] == 1500
    assert desk12.queue(mid) == {"doubt"}
    [told] = desk12.replies_to(mid)
    assert "menjadi 2.500" not in flat(told.text)


def test_a_correction_of_the_figure_as_it_stands_is_still_applied(desk12: Desk12) -> None:
    reply = send_request(desk12, "600", "2.000")
    mid = send_answer(desk12, BULUNGAN, reply, "Koreksi pak: cukup 1.500 keping saja, bukan 2.000.")[0]
    [changed] = desk12.replies_to(mid)
    send_answer(desk12, BULUNGAN_OPERATOR, changed, "Ralat pak, mohon dinaikkan jadi 2.500 keping, bukan 1.500.")
    assert desk12.request()["requested"] == 2500
