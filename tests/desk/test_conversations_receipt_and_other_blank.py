"""In a KTP-el shipment's thread, a mail that says the KTP-el blanks arrived and asks for KIA blanks, on the real
SQLite desk in process: the receipt is booked on the shipment (a part said to be still coming is a provisional
difference, any other a difference the managers hear of), the KIA ask is a request of its own, and one reply tells
both. Before, the mail was read as a KIA request only and the receipt was lost: the shipment stayed in transit."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, Desk12, dispatch_now, dispatched, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "counted", "coming", "asked", "stock"), [
    ("Selamat sore Pak,\n\nBlangko KTP-el 1.900 keping sudah kami terima tadi siang, tapi ada 1 pak (100 keping) "
     "belum sampai, mungkin masih di ekspedisi.\nSekalian kami mohon tambahan blangko KIA 600 keping, sisa KIA kami "
     "tinggal 250 keping.\n\nTerima kasih", 1900, True, 600, 250),
    ("Pak, kiriman KTP-el 2.000 lembar sdh kami terima lengkap, makasih. Oh iya kami jg mohon dikirim blangko KIA "
     "400 lembar, stok KIA tinggal 90.", 2000, False, 400, 90),
    ("Dengan hormat, blangko KTP-el telah kami terima sebanyak 1.950 keping. Bersama ini kami juga mengajukan "
     "permohonan blangko KIA sebanyak 1.000 keping untuk kegiatan di sekolah dasar.", 1950, False, 1000, None),
    ("Selamat pagi,\nKiriman KTP-el 2.000 lembar sdh kami terima lengkap tadi pagi, kondisi baik semua.\n"
     "Sekalian kami mengajukan blangko KIA sebanyak 250 lembar krn stok KIA kami tinggal 35 lembar.\n\nWassalam",
     2000, False, 250, 35),
    ("pak KTP-el br dtg 1.800 kpg, 1 dus lagi (200 kpg) msh di kurir katanya. sekalian mohon dikirimkan blangko KIA "
     "300 kpg ya pak, sisa KIA 60", 1800, True, 300, 60),
], ids=["part_coming", "whole", "short", "submitting", "abbreviated"])
def test_a_receipt_beside_an_ask_for_the_other_blank_books_both(
        desk12: Desk12, words: str, counted: int, coming: bool, asked: int, stock: int | None) -> None:
    notice = dispatched(desk12)  # 2.000 KTP-el dispatched to Bulungan as BLK-2026-0001
    before = desk12.on_hand()
    mid, outcome = send_answer(desk12, BULUNGAN, notice, words, above=GMAIL)
    shipment = desk12.request("BLK-2026-0001")
    assert shipment["state"] == "received", outcome
    assert desk12.on_hand() - before == counted
    assert desk12.open_gaps() == ([2000 - counted] if counted < 2000 else [])
    kia = desk12.request("BLK-2026-0002")
    assert kia is not None and kia["item"] == "kia" and kia["requested"] == asked, outcome
    assert kia["stock_on_hand"] == stock
    [reply] = desk12.replies_to(mid)
    text = flat(reply.text)
    assert f"Kami telah mencatat penerimaan blangko KTP-el sebanyak {counted:,} keping untuk permohonan " \
           "BLK-2026-0001".replace(",", ".") in text, reply.text
    assert ("masih menyusul" in text) == coming, reply.text
    assert ("selisih kurang" in text) == (counted < 2000 and not coming), reply.text
    assert "BLK-2026-0002" in text and "[BLK-2026-0002]" in reply.subject, reply.subject
    html = reply.msg.get_body(("html",))
    assert html is not None and ("masih menyusul" in flat(html.get_content())) == coming


def test_blanks_said_not_come_beside_an_ask_for_the_other_blank_book_no_receipt(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    mid, outcome = send_answer(desk12, BULUNGAN, notice,
                               "Pak, blangko KTP-el 2.000 keping belum kami terima sampai hari ini. Sekalian kami "
                               "mohon blangko KIA 500 keping, stok KIA kami tinggal 40.", above=GMAIL)
    assert desk12.request("BLK-2026-0001")["state"] == "dispatched", outcome
    assert desk12.on_hand() == before
    kia = desk12.request("BLK-2026-0002")
    assert kia is not None and kia["item"] == "kia" and kia["requested"] == 500, outcome


def test_a_receipt_of_kia_beside_an_ask_for_ktp_el_books_both(desk12: Desk12) -> None:
    mid, outcome = desk12.send(BULUNGAN, "Permohonan blangko KIA",
                               "Dengan hormat, mohon dikirim blangko KIA sebanyak 500 keping. Sisa stok KIA kami 80 "
                               "keping.\n\nDisdukcapil Kabupaten Bulungan", date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert outcome == {"request-approved": 1}, outcome
    notice = dispatch_now(desk12)
    assert desk12.request()["item"] == "kia"
    mid, outcome = send_answer(desk12, BULUNGAN, notice,
                               "Dengan hormat, blangko KIA kiriman Bapak baru tiba 300 keping, sisanya 200 keping "
                               "masih di kapal. Selain itu kami mohon tambahan blangko KTP-el 1.500 keping, sisa "
                               "stok KTP-el kami 400 keping.", above=GMAIL)
    assert desk12.request()["state"] == "received", outcome
    assert desk12.open_gaps() == [200]
    ktp = desk12.request("BLK-2026-0002")
    assert ktp is not None and ktp["item"] == "ktp-el" and ktp["requested"] == 1500, outcome
    [reply] = desk12.replies_to(mid)
    text = flat(reply.text)
    assert "Kami telah mencatat penerimaan blangko KIA sebanyak 300 keping untuk permohonan BLK-2026-0001" in text
    assert "masih menyusul" in text, reply.text


@pytest.mark.parametrize("words", [
    "Blangko KTP-el 2.000 keping semoga minggu ini sudah kami terima. Sekalian kami mohon blangko KIA 500 keping.",
    "Kalau KTP-el 2.000 keping sudah sampai nanti kami kabari. Sekalian kami mohon blangko KIA 500 keping.",
])
def test_an_arrival_hoped_for_beside_an_ask_for_the_other_blank_books_no_receipt(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    _, outcome = send_answer(desk12, BULUNGAN, notice, words, above=GMAIL)
    assert desk12.request("BLK-2026-0001")["state"] == "dispatched", outcome
    assert desk12.on_hand() == before


def test_blanks_said_to_have_come_with_no_blank_named_beside_an_ask_reach_a_person(desk12: Desk12) -> None:
    """No blank named for the count that came (the KIA is named only for the ask): nothing booked by guess, a person
    books it; before, the arrival was lost unseen."""
    notice = dispatched(desk12)
    before = desk12.on_hand()
    mid, outcome = send_answer(desk12, BULUNGAN, notice,
                               "Pak, kemarin sore baru datang 1.200 lembar, yang 800 lagi katanya masih di kapal. "
                               "Sekalian kami mohon blangko KIA 350 lembar, stok KIA kami kosong.", above=GMAIL)
    assert desk12.request("BLK-2026-0002")["item"] == "kia", outcome
    assert desk12.on_hand() == before
    assert "receipt_beside_ask" in desk12.queue(mid), desk12.queue(mid)


@pytest.mark.parametrize(("words", "counted", "damage"), [
    # a phone: the parcel named, no blank; the count, the damp pack and the KIA ask in one breath
    ("Pak, paket sdh sampai, kami hitung ada 2.000 lbr. Tp 1 pak (100 lbr) kena air, lembab semua. Gmn ini pak? "
     "Sekalian mohon dikirim blangko KIA 400 keping ya pak, stok KIA kami tinggal 100.", 2000, "lembab semua"),
    # a letter: the whole shipment received, a few faded, the KIA asked with its reason
    ("Kiriman blangko KTP-el telah diterima lengkap 2.000 keping, tetapi 12 keping hologramnya pudar. Mohon "
     "petunjuk penggantiannya. Kami juga memohon blangko KIA sebanyak 400 keping karena sisa stok KIA kami 100 "
     "keping.", 2000, "hologramnya pudar"),
    # Banjar: the whole shipment told arrived by its figure in a clause of its own ("500 keping pas")
    ("Assalamualaikum pak,\n\nKirimannya sudah datang kemarin sore, 2.000 keping pas. Tapi ada 8 keping yang rusak, "
     "kena banyu pas di speedboat, basah kartunya.\n\nUlun sekalian minta blangko KIA jua lah pak, 400 keping. Stok "
     "KIA kami tinggal sadikit, 100 keping haja.", 2000, "basah kartunya"),
], ids=["phone_parcel", "letter_faded", "banjar_whole"])
def test_a_receipt_with_damage_beside_an_ask_for_the_other_blank_books_tells_and_asks(
        desk12: Desk12, words: str, counted: int, damage: str) -> None:
    """The shipment's count booked, the damage before a person and the managers, the KIA ask a request of its own,
    and the one reply says all three with each figure under its own blank (before: nothing booked, no damage told,
    and the reply listed the KTP-el count as KIA figures not recorded)."""
    notice = dispatched(desk12)
    before = desk12.on_hand()
    mid, outcome = send_answer(desk12, BULUNGAN, notice, words, above=GMAIL)
    assert desk12.request("BLK-2026-0001")["state"] == "received", outcome
    assert desk12.on_hand() - before == counted
    kia = desk12.request("BLK-2026-0002")
    assert kia is not None and kia["item"] == "kia" and kia["requested"] == 400, outcome
    assert "damaged" in desk12.queue(mid), desk12.queue(mid)
    assert any(damage in flat(o.text) for o in desk12.to_managers()), [o.subject for o in desk12.to_managers()]
    [reply] = desk12.replies_to(mid)
    text = flat(reply.text)
    assert f"penerimaan blangko KTP-el sebanyak {counted:,} keping".replace(",", ".") in text, reply.text
    assert "rusak" in text, reply.text  # the district hears that its word of damage reached a person
    assert "Angka untuk blangko KIA" not in text and "2.000 keping, " not in text, reply.text


def test_the_other_blanks_request_keeps_its_own_blank_in_later_subjects(desk12: Desk12) -> None:
    """A KIA request opened in the KTP-el shipment's thread: its dispatch mail, later, is under "Permohonan blangko
    KIA" (before: under the KTP-el thread's subject)."""
    from mailbot import actions
    from mailbot.store import repo

    notice = dispatched(desk12)
    send_answer(desk12, BULUNGAN, notice, "Blangko KTP-el 2.000 keping sudah kami terima. Sekalian kami mohon "
                                          "blangko KIA 300 keping, sisa KIA kami tinggal 40.", above=GMAIL)
    assert desk12.request("BLK-2026-0002")["state"] == "approved"
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0002")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    [sent] = [o for o in desk12.out() if o.purpose.startswith("dispatched:") and "BLK-2026-0002" in o.subject]
    assert "blangko KIA" in sent.subject and "KTP-el" not in sent.subject, sent.subject
