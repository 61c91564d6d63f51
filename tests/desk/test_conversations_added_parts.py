"""Conversations where a district's follow-up adds to what it said before, on the real SQLite desk in process over
the Maildir defaults, every message written fresh: a further part of a split delivery adds to the count received,
a relative change sent twice is applied once, a correction of an added amount corrects the added part, "tetap
perlu" after a partial approval is an appeal (a figure in its reason too), a new need in a closed thread is a new
request, a stock stated in a reminder is the district's stated stock, the rest said to be at sea is still coming,
a manager's command on a rejected request is offered no command that cannot work, and a revision that lost its
thread revises the open request."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, MALINAU, NUNUKAN, REQUEST, Desk12, Out, answer_gmail, dispatched, flat
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


# 1. a further part of a split delivery adds to the count received ------------------------------------------

@pytest.mark.parametrize(("first", "second", "received"), [
    ("Blangko sudah kami terima 1.200 keping, sisanya menyusul.",
     "Kiriman tahap ke-2 sebanyak 600 keping juga telah kami terima hari ini.", 1800),
    ("Baru datang 1.000 keping pak, sisanya masih di ekspedisi.",
     "Pengiriman susulan 700 keping sudah sampai tadi pagi pak.", 1700),
    ("Kami terima dulu 1.500 keping, sisanya menyusul katanya.",
     "Pak, 300 keping lagi juga sudah kami terima barusan.", 1800),
], ids=["tahap-ke-2", "susulan", "lagi-juga"])
def test_a_further_part_adds_to_the_count_received_and_the_difference_left_stays_provisional(
        desk12: Desk12, first: str, second: str, received: int) -> None:
    notice = dispatched(desk12)  # 2.000 to Bulungan
    before = desk12.on_hand()
    first_mid, _ = answer_gmail(desk12, notice, first)
    [receipt] = desk12.replies_to(first_mid)
    told_before = len(desk12.to_managers())
    mid, outcome = answer_gmail(desk12, receipt, second)
    assert outcome == {"receipt-corrected": 1}
    assert desk12.on_hand() - before == received  # was: the second part's figure alone, the first one lost
    assert desk12.open_gaps() == [2000 - received]
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    figure = f"{received:,}".replace(",", ".")
    assert f"seluruh penerimaan kini tercatat {figure} keping" in text and "telah kami ubah dari" not in text
    # the district said the rest is coming and this mail says only that a part arrived: no final difference
    # for the managers (the one they were told of stays listed as provisional), and the district is told so
    assert desk12.to_managers()[told_before:] == []
    assert f"sisanya, {2000 - received} keping, masih menyusul" in text


# 2. the same relative change sent twice is applied once -------------------------------------------------------

def approved(d: Desk12) -> Out:
    """Bulungan asks 2.000 (sisa 750), approved at once; the desk's reply."""
    mid, outcome = d.send(BULUNGAN, "Permohonan tambahan blangko KTP-el",
                          REQUEST.format(stock=750, asked="2.000 (dua ribu)", name="Bulungan"),
                          date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert outcome == {"request-approved": 1}
    [reply] = d.replies_to(mid)
    return reply


@pytest.mark.parametrize(("words", "requested"), [
    ("Mohon permohonan kami ditambah 400 keping lagi pak.", 2400),
    ("Pak, jumlahnya dikurangi 300 keping saja ya.", 1700),
    ("Bisa tambah 250 lagi pak, terima kasih.", 2250),
], ids=["raise", "cut", "terse-raise"])
def test_the_same_relative_change_sent_twice_is_applied_once(desk12: Desk12, words: str, requested: int) -> None:
    reply = approved(desk12)
    first, _ = answer_gmail(desk12, reply, words)
    assert desk12.request()["requested"] == requested
    again, outcome = answer_gmail(desk12, reply, words)  # a new Message-ID, the same words, the same In-Reply-To
    assert desk12.request()["requested"] == requested  # was: the change applied twice (2.800, 1.400, 2.500)
    assert outcome == {"follow-up-queued": 1}
    assert desk12.queue(again) == {"repeated_change"}
    [told] = desk12.replies_to(again)
    assert "tidak kami terapkan lagi" in flat(told.text) and "[BLK-2026-0001]" in told.subject
    assert len(desk12.replies_to(first)) == 1


# 3. a correction of the amount added corrects the added part ------------------------------------------------

@pytest.mark.parametrize(("raise_words", "words", "requested"), [
    ("Mohon ditambah 600 keping lagi pak.", "Ralat pak, tambahannya 400 saja, bukan 600.", 2400),
    ("Mohon ditambah 600 keping lagi pak.", "Maaf pak, tambahannya cukup 100 keping saja ya.", 2100),
    ("Kami mohon tambah 800 keping lagi.",
     "Pak, penambahan 800 yang kemarin dibatalkan saja, kembali ke jumlah semula.", 2000),
    ("Kami mohon tambah 800 keping lagi.", "Tambahan yang tadi tidak usah pak, cukup seperti permohonan awal.",
     2000),
    ("Jumlahnya dikurangi 500 keping saja pak.", "Mohon maaf, pengurangannya cukup 200 keping saja.", 1800),
    # "tidak jadi 500" gives up the 500 added, it takes back no more (was: the queue)
    ("Mohon ditambah 500 keping lagi pak.", "Maaf pak, untuk tambahannya cukup 200 keping saja, tidak jadi 500.",
     2200),
    ("Kami mohon tambah 700 keping lagi.", "Tambahannya 300 keping aja pak, gak jadi 700.", 2300),
    ("Kami mohon tambah 700 keping lagi.", "Yang tambahan tidak jadi pak, kembali ke 2.000 keping.", 2000),
], ids=["ralat-bukan", "cukup", "dibatalkan", "tidak-usah", "cut", "tidak-jadi-the-added", "gak-jadi-the-added",
        "tidak-jadi-back-to"])
def test_a_correction_of_the_amount_added_corrects_the_added_part(desk12: Desk12, raise_words: str, words: str,
                                                                 requested: int) -> None:
    reply = approved(desk12)
    raised, _ = answer_gmail(desk12, reply, raise_words)
    [told] = desk12.replies_to(raised)
    mid, outcome = answer_gmail(desk12, told, words)
    row = desk12.request()
    assert row["requested"] == requested, outcome  # was: the amount taken for the whole request (400, 100, ...)
    assert row["state"] == "approved" and row["approved"] == requested
    [answer] = desk12.replies_to(mid)
    assert f"menjadi {requested:,} keping".replace(",", ".") in flat(answer.text)


# 4. the whole figure asked again after a partial approval is an appeal ---------------------------------------


@pytest.mark.parametrize("words", [
    "Terima kasih pak, tapi kami tetap perlu 1.800 keping.",
    "Makasih pak, kami masih perlu 1.800 keping ya.",
    "Baik pak. Kami butuh 1.800 keping pak.",
    "Thanks, but we still require 1,800 blanks.",
])
def test_the_whole_figure_asked_again_after_a_partial_approval_goes_to_the_managers(desk12: Desk12,
                                                                                    words: str) -> None:
    mid, _ = desk12.send(MALINAU, "Permohonan blangko KTP-el",
                         REQUEST.format(stock=500, asked="1.800", name="Malinau"))
    row = desk12.request()
    assert row["state"] == "approved" and row["approved"] < 1800  # a part approved
    [partial] = desk12.replies_to(mid)
    quoted = "\n".join(f"> {line}" for line in partial.text.splitlines())
    told_before = len(desk12.to_managers())
    answer, outcome = desk12.send(MALINAU, "Re: " + partial.subject, f"{words}\n\n{quoted}\n",
                                  in_reply_to=partial.message_id)
    assert outcome != {"follow-up-confirmed": 1}  # was: recorded as a confirmation, nobody told
    assert desk12.request()["state"] == "held"
    assert len(desk12.to_managers()) == told_before + 1
    [told] = desk12.replies_to(answer)
    assert "pimpinan" in told.text and "[BLK-2026-0001]" in told.subject


# 5. a new need in the thread of a request that ended is a new request ---------------------------------------

@pytest.mark.parametrize(("words", "asked", "stock"), [
    ("Selamat pagi pak, sisa blangko kami tinggal 450 keping. Mohon dapat dikirimkan kembali 1.500 keping.",
     1500, 450),
    ("Pak, kami mohon tambahan lagi 2.000 keping blangko KTP-el, stok kami saat ini 600 keping.", 2000, 600),
], ids=["dikirimkan-kembali", "tambahan-lagi"])
def test_a_new_need_in_the_thread_of_a_received_request_is_a_new_request(desk12: Desk12, words: str, asked: int,
                                                                         stock: int) -> None:
    notice = dispatched(desk12)
    receipt_mid, _ = answer_gmail(desk12, notice, "Blangko 2.000 keping sudah kami terima lengkap, terima kasih.")
    assert desk12.request()["state"] == "received"
    [receipt] = desk12.replies_to(receipt_mid)
    mid, outcome = answer_gmail(desk12, receipt, words)
    new = desk12.request("BLK-2026-0002")  # was: none; a queue item and the generic acknowledgement
    assert new is not None and new["requested"] == asked and new["stock_on_hand"] == stock, outcome
    assert new["state"] in ("approved", "held")
    assert desk12.request()["state"] == "received"
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0002]" in told.subject
    assert "terpisah dari permohonan BLK-2026-0001 yang telah selesai" in flat(told.text)
    stated = desk12.db().execute("select quantity from stated_stock where district = '65.01' and item = 'ktp-el' "
                                 "order by id desc limit 1").fetchone()
    assert stated[0] == stock  # was: the request's 750 and the receipt, the district's own figure lost


# 6. a stock stated in a reminder or a question is the district's stated stock ---------------------------------

@pytest.mark.parametrize(("words", "stock"), [
    ("Selamat siang pak, sisa stok kami sekarang tinggal 300 keping, kira-kira blangkonya kapan dikirim ya?", 300),
    ("Stok blangko kami tinggal 250 keping pak, apakah bisa kami ambil sendiri ke provinsi?", 250),
], ids=["reminder", "question"])
def test_a_stock_stated_in_a_reminder_or_a_question_is_the_stated_stock(desk12: Desk12, words: str,
                                                                        stock: int) -> None:
    reply = approved(desk12)
    mid, outcome = answer_gmail(desk12, reply, words)
    assert desk12.request()["requested"] == 2000 and desk12.request()["state"] == "approved", outcome
    stated = desk12.db().execute("select quantity, source from stated_stock where district = '65.01' "
                                 "and item = 'ktp-el' order by id desc limit 1").fetchone()
    assert tuple(stated) == (stock, "reminder")  # was: the request's 750, the district's own figure lost


# 7. an appeal whose reason holds a figure of its own still reaches the managers -----------------------------

@pytest.mark.parametrize("words", [
    "Mohon dapat dinaikkan menjadi 3.500 keping seperti permohonan kami, karena perekaman di sekolah memerlukan "
    "500 keping.",
    "Kami tetap memohon 3.500 keping pak, sebab kegiatan jemput bola di Krayan saja butuh 700 keping.",
])
def test_an_appeal_with_a_figure_in_its_reason_goes_to_the_managers(desk12: Desk12, words: str) -> None:
    desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el", REQUEST.format(stock=400, asked="3.500",
                                                                             name="Nunukan"))
    assert desk12.request()["state"] == "held"
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    quoted = "\n".join(f"> {line}" for line in notice.text.splitlines())
    desk12.send(MANAGERS[1], "Re: " + notice.subject, f"SETUJU 3.000\n\n{quoted}\n", in_reply_to=notice.message_id)
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 3000)
    [partial] = [o for o in desk12.out() if NUNUKAN in o.to and "SEBAGIAN" in o.text]
    told_before = len(desk12.to_managers())
    quoted = "\n".join(f"> {line}" for line in partial.text.splitlines())
    mid, outcome = desk12.send(NUNUKAN, "Re: " + partial.subject, f"{words}\n\n{quoted}\n",
                               in_reply_to=partial.message_id)
    assert desk12.request()["state"] == "held", outcome  # was: a figure in doubt, queued, managers not told
    assert len(desk12.to_managers()) == told_before + 1
    assert not desk12.queue(mid) - {"appeal"}


# 8. the rest said to be still at sea is no final shortfall -------------------------------------------------

@pytest.mark.parametrize("words", [
    "Blangko baru kami terima 1.300 keping hari ini, 700 keping lagi katanya masih di kapal.",
    "Sudah diterima 1.500 keping pak, sisanya masih di pelabuhan Tarakan.",
])
def test_the_rest_said_to_be_on_a_ship_is_a_partial_receipt(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    answer_gmail(desk12, notice, words)
    [told] = [o for o in desk12.to_managers() if o.purpose.startswith("shortfall:")]
    assert "Penerimaan sebagian" in told.subject  # was: "Selisih penerimaan ...", a final shortfall


# 9. a refused command on a rejected request offers no command that cannot work ------------------------------


@pytest.mark.parametrize("command", ["SETUJU 2.000", "Setuju", "TOLAK stok sudah habis"])
def test_a_command_on_a_rejected_request_lists_no_commands(desk12: Desk12, command: str) -> None:
    desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el", REQUEST.format(stock=500, asked="4.000",
                                                                             name="Nunukan"))
    assert desk12.request()["state"] == "held"
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    kadis, kabid = MANAGERS
    quoted = "\n".join(f"> {line}" for line in notice.text.splitlines())
    desk12.send(kadis, "Re: " + notice.subject,
                f"TOLAK stok provinsi diprioritaskan untuk kabupaten lain\n\n{quoted}\n", in_reply_to=notice.message_id)
    assert desk12.request()["state"] == "rejected"
    mid, _ = desk12.send(kabid, "Re: " + notice.subject, f"{command}\n\n{quoted}\n", in_reply_to=notice.message_id)
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "sudah DITOLAK sebelumnya" in text
    assert "SETUJU 1.500" not in text and "TOLAK <alasan>" not in text  # was: all four commands listed
    assert "permohonan baru" in text


# 10. a revision of the earlier request that lost its thread revises it -------------------------------------

@pytest.mark.parametrize(("subject", "words", "requested"), [
    ("Permohonan blangko KTP-el", "Selamat siang pak, permohonan kami kemarin mohon dinaikkan menjadi 2.600 keping.",
     2600),
    ("Revisi permohonan blangko", "Bersama ini kami merevisi permohonan kami sebelumnya: jumlah yang kami mohon "
                                  "menjadi 2.300 keping.", 2300),
], ids=["kemarin-dinaikkan", "merevisi"])
def test_a_revision_that_lost_its_thread_revises_the_open_request(desk12: Desk12, subject: str, words: str,
                                                                  requested: int) -> None:
    approved(desk12)
    mid, outcome = desk12.send(BULUNGAN, subject, f"Yth. Bapak/Ibu,\n\n{words}\n\nTerima kasih")
    assert desk12.request("BLK-2026-0002") is None, outcome  # was: a second reference, linked
    assert desk12.request()["requested"] == requested
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject
