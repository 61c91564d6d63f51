"""Conversations that once went wrong, on the real SQLite desk in process over the Maildir
defaults, every message written fresh: parcels counted with what they hold in all are that many blanks; a
second stage of a shipment adds to the first."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.desk.conftest import WITA
from tests.desk.desk12 import NUNUKAN, Desk12, Out, answer_gmail, dispatched, flat, send_request
from tests.desk.mailkit import SetClock

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


# "3 koli berisi 1.000 keping": the pieces are the figure, not 3 x 1.000 -------------------------------------

def test_parcels_with_what_they_hold_are_that_many_blanks(desk12: Desk12) -> None:
    notice = dispatched(desk12)  # 2.000 dispatched to Bulungan
    before = desk12.on_hand()
    mid, outcome = answer_gmail(desk12, notice, "Pak, 3 koli berisi 1.000 keping sudah kami terima, 3 koli "
                                                "lainnya belum datang.")
    assert outcome == {"receipt": 1}, outcome
    # was: 3.000 received, "selisih lebih 1.000", and the district's stock raised by it
    assert desk12.on_hand() - before == 1000
    [reply] = desk12.replies_to(mid)
    text = flat(reply.text)
    assert "3.000" not in text, reply.text
    assert "lebih" not in text, reply.text
    # "3 koli lainnya belum datang": the rest is still coming, a part, not a shortfall for the managers
    assert "masih menyusul" in text, reply.text
    assert "untuk diperiksa" not in text
    # the other parcels arrive: added, all 2.000 received, nothing left open
    rest, _ = answer_gmail(desk12, reply, "3 koli sisanya sudah tiba hari ini, isinya 1.000 keping.")
    assert desk12.on_hand() - before == 2000
    assert desk12.open_gaps() == []


# the rest still coming, in other words: a part, and the English rest never the stock ------------------------

@pytest.mark.parametrize(("words", "got"), [
    ("Kiriman gelombang pertama sebanyak 600 keping telah kami terima pak, gelombang berikutnya masih dalam "
     "perjalanan.", 600),
    ("Dear Sir, the first batch of 900 blanks has arrived; the remaining 1,100 will follow next week according "
     "to the courier.", 900),
], ids=["gelombang_berikutnya", "english_remaining_will_follow"])
def test_a_first_part_with_the_rest_on_its_way_is_a_part(desk12: Desk12, words: str, got: int) -> None:
    notice = dispatched(desk12)
    told_before = len(desk12.to_managers())
    mid, outcome = answer_gmail(desk12, notice, words)
    assert outcome == {"receipt": 1}, outcome
    [reply] = desk12.replies_to(mid)
    text = flat(reply.text)
    # was: a final shortfall, "Selisih tersebut telah kami sampaikan kepada pimpinan untuk diperiksa"
    assert "masih menyusul" in text, reply.text
    assert "untuk diperiksa" not in text
    for m in desk12.to_managers()[told_before:]:
        assert "Mohon selisih ini diperiksa" not in flat(m.text), m.text
    # was (English): "Sisa stok: 1.100 keping", the rest recorded as the district's stock
    assert "Sisa stok" not in text, reply.text
    stated = [r[0] for r in desk12.db().execute("select quantity from stated_stock where source = 'receipt'")]
    assert 2000 - got not in stated


# "Tahap II ... sudah masuk gudang", "Kiriman terakhir ...": stages add to the count, never replace it -------

def test_stages_of_a_shipment_add_to_the_count_received(desk12: Desk12) -> None:
    notice = dispatched(desk12)  # 2.000
    before = desk12.on_hand()
    first, _ = answer_gmail(desk12, notice, "Tahap I sudah kami terima 500 keping, sisanya menyusul.")
    [told] = desk12.replies_to(first)
    told_before = len(desk12.to_managers())
    second, _ = answer_gmail(desk12, told, "Tahap II 600 keping sudah masuk gudang pak.")
    # was: "telah kami ubah dari 500 menjadi 600 keping", and the managers asked to chase 1.400
    assert desk12.on_hand() - before == 1100
    [told] = desk12.replies_to(second)
    assert "menjadi 600" not in flat(told.text), told.text
    for m in desk12.to_managers()[told_before:]:
        assert "Mohon selisih ini diperiksa" not in flat(m.text), m.text
    third, _ = answer_gmail(desk12, told, "Kiriman terakhir sudah datang pak, isinya 800 keping.")
    # was: 800 received in all, and "kurang 1.200" to the managers
    assert desk12.on_hand() - before == 1900
    assert desk12.open_gaps() == [100]
    [told] = desk12.replies_to(third)
    assert "menjadi 800" not in flat(told.text), told.text
    assert "1.900" in flat(told.text), told.text


# "kiriman belum sampai ya? Stok kami tinggal 100": asking after the shipment, with a stock -----------------

DISPATCHED_AT = datetime(2026, 12, 5, 10, 0, tzinfo=WITA)


@pytest.fixture
def clock() -> SetClock:
    return SetClock(DISPATCHED_AT)


def test_a_shipment_asked_after_with_a_stock_is_told_when_it_left(desk12: Desk12, clock: SetClock) -> None:
    notice = dispatched(desk12)  # 2.000 to Bulungan, dispatched on 5 December
    clock.now = DISPATCHED_AT + timedelta(days=3)
    before = len(desk12.to_managers())
    mid, outcome = answer_gmail(desk12, notice, "Pak, kiriman belum sampai ya? Stok kami tinggal 100 keping.")
    # was: a question, "akan dibaca ... oleh petugas kami", and no manager told of the shipment 3 days out
    assert outcome == {"reminder": 1}, outcome
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "telah kami kirim pada 5 Desember 2026" in text and "2.000 keping" in text, told.text
    assert "akan dibaca" not in text
    assert [m for m in desk12.to_managers()[before:] if "BLK-2026-0001" in m.subject]
    stated = [r[0] for r in desk12.db().execute("select quantity from stated_stock")]
    assert 100 in stated


def _answer_outlook(d: Desk12, sender: str, mail: Out, words: str) -> tuple[str, dict[str, int]]:
    """*sender* answers *mail* in Outlook's Indonesian quoting ("-----Pesan Asli-----" over the desk's text)."""
    return d.send(sender, "Re: " + mail.subject,
                  f"{words}\n\n-----Pesan Asli-----\nDari: {mail.msg['From']}\nDikirim: Minggu, 06 Desember 2026 "
                  f"09:14\nKepada: Disdukcapil\nPerihal: {mail.subject}\n\n{mail.text}\n",
                  in_reply_to=mail.message_id)


# a reminder with the stock now, on a request held or approved and not sent: a reminder, no correction --

@pytest.mark.parametrize(("stock", "asked", "words"), [
    ("300", "3.500", "Menanyakan tindak lanjut permohonan kami pak. Stok sekarang tinggal 90 keping."),
    ("750", "2.000 (dua ribu)", "Pak, mohon segera dikirim, stok kami tinggal 40 keping."),
], ids=["held_menanyakan_tindak_lanjut", "approved_mohon_segera_dikirim"])
def test_a_reminder_with_the_stock_now_is_a_reminder(desk12: Desk12, clock: SetClock, stock: str, asked: str,
                                                      words: str) -> None:
    reply = send_request(desk12, stock, asked, sender=NUNUKAN, name="Nunukan")
    clock.now = DISPATCHED_AT + timedelta(days=2)
    mid, outcome = _answer_outlook(desk12, NUNUKAN, reply, words)
    # was: "Terima kasih atas koreksinya ... keputusan di bawah ini menggantikan keputusan sebelumnya"
    assert outcome == {"reminder": 1}, outcome
    [told] = desk12.replies_to(mid)
    assert "koreksi" not in flat(told.text), told.text
    # the managers hear a reminder, with how long it waited and the stock it states
    [notice] = [m for m in desk12.to_managers() if "Pengingat" in m.subject]
    now = "90" if "90" in words else "40"
    assert "Lama menunggu" in notice.text and f"{now} keping" in flat(notice.text), notice.text


# "Siap pak, ditunggu kiriman 2.500 kepingnya" of 2.000 approved: asked back, never raised -------------------

def test_a_confirmation_restating_another_figure_is_asked_back(desk12: Desk12) -> None:
    reply = send_request(desk12, "750", "2.000 (dua ribu)", outcome="request-approved")
    mid, outcome = answer_gmail(desk12, reply, "Siap pak, ditunggu kiriman 2.500 kepingnya.")
    row = desk12.request()
    # was: "Terima kasih atas koreksinya ... 2.000 keping menjadi 2.500 keping ... DISETUJUI sebanyak 2.500 keping"
    assert (row["state"], row["requested"], row["approved"]) == ("approved", 2000, 2000)
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "Apakah permohonan hendak diubah menjadi 2.500 keping?" in text, told.text
    assert "tetap disetujui sebanyak 2.000 keping" in text
    assert "koreksinya" not in text
    assert outcome != {"follow-up-changed": 1}
