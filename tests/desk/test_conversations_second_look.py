"""Conversations that once went astray, on the real SQLite desk in process over the Maildir
defaults, every message written fresh: a recount without "bukan N" in a receipt's thread, a count given against
the shipment or beside the difference, an appeal after TOLAK and a new ask beside it, a reminder told to the
managers once, what a manager is offered after dispatch, a correction taken back, and a manager's "SETUJU 2.000
dulu"."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from mailbot import actions, watch
from mailbot.store import repo
from tests.desk.conftest import WITA
from tests.desk.desk12 import GMAIL, NUNUKAN, REQUEST, Desk12, Out, answer_gmail, dispatched, flat, send_answer
from tests.desk.mailkit import MANAGERS, SetClock

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

KADIS, KABID = MANAGERS
START = datetime(2026, 12, 5, 10, 0, tzinfo=WITA)


@pytest.fixture
def clock() -> SetClock:
    return SetClock(START)


def _held(d: Desk12, stock: int = 500) -> Out:
    """Nunukan asks 4.000 (sisa *stock*): held for the managers; the district's reply."""
    mid, _ = d.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                    REQUEST.format(stock=stock, asked="4.000", name="Nunukan"))
    assert d.request()["state"] == "held"
    [reply] = d.replies_to(mid)
    return reply


def _held_notice(d: Desk12) -> Out:
    return [o for o in d.out() if o.purpose.startswith("held:")][0]




def _rejected(d: Desk12) -> Out:
    """Nunukan's 4.000 rejected by a manager's TOLAK; the district's rejection mail."""
    _held(d)
    send_answer(d, KADIS, _held_notice(d), "TOLAK stok provinsi diprioritaskan untuk kabupaten lain", above=GMAIL)
    assert d.request()["state"] == "rejected"
    return [o for o in d.out() if NUNUKAN in o.to and "TIDAK DAPAT KAMI SETUJUI" in o.text][-1]


# 1. a recount in a receipt's thread, without "bukan N" ------------------------------------------------------

@pytest.mark.parametrize(("first", "words", "received", "gap"), [
    ("Sudah kami terima 1.900 keping pak.", "Maaf salah hitung, yang benar 2.000 keping.", 2000, None),
    ("Sudah kami terima 2.000 keping pak.", "maaf salah hitung, yang benar 1.950", 1950, 50),
    ("Sudah kami terima 1.900 keping pak.", "Ralat: yang kami terima 1.950", 1950, 50),
], ids=["closes", "opens", "ralat"])
def test_a_recount_without_the_old_figure_corrects_the_count_received(
        desk12: Desk12, first: str, words: str, received: int, gap: int | None) -> None:
    notice = dispatched(desk12)  # 2.000 to Bulungan
    before = desk12.on_hand()
    receipt_mid, _ = answer_gmail(desk12, notice, first)
    [receipt] = desk12.replies_to(receipt_mid)
    told_before = len(desk12.to_managers())
    mid, outcome = answer_gmail(desk12, receipt, words)
    assert outcome == {"receipt-corrected": 1}  # was: follow-up-queued, "akan dibaca ... oleh petugas kami"
    assert desk12.on_hand() - before == received
    assert desk12.open_gaps() == ([gap] if gap else [])
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert f"menjadi {received:,}".replace(",", ".") in text and "akan dibaca" not in text
    managers = desk12.to_managers()[told_before:]
    assert len(managers) == 1  # told once: the new difference, or that it is closed
    assert ("Selisih penerimaan" in managers[0].subject) and (("kurang 50" in managers[0].subject) if gap
                                                              else "selesai" in managers[0].subject)


# 2. "sudah dikirim belum?" after dispatch ----------------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "Sudah dikirim belum ya pak?",
    "Selamat pagi, blangkonya sudah dikirim atau belum ya pak?",
    "Pak, udah dikirim blm blangko kami?",
    "Has it been sent?",
    "Have the blanks been shipped yet?",
])
def test_a_status_question_after_dispatch_is_told_the_dispatch(desk12: Desk12, clock: SetClock, words: str) -> None:
    notice = dispatched(desk12)
    clock.now = START + timedelta(days=3)
    mid, outcome = answer_gmail(desk12, notice, words)
    assert outcome == {"reminder": 1}  # was: follow-up-question with the generic acknowledgement
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "telah kami kirim pada 5 Desember 2026 sebanyak 2.000 keping" in text and "akan dibaca" not in text


# 3. and 4. after TOLAK: an appeal reaches the managers at once; a new ask is judged on the stock it states --------

def test_an_appeal_after_a_rejection_reaches_the_managers_at_once_and_once(desk12: Desk12, clock: SetClock) -> None:
    rejection = _rejected(desk12)
    told_before = len(desk12.to_managers())
    mid, outcome = send_answer(desk12, NUNUKAN, rejection,
                                   "Mohon dipertimbangkan kembali pak, stok kami tinggal 200 keping.", above=GMAIL)
    assert outcome == {"follow-up-appealed": 1}  # was: follow-up-queued, left for the 24-hour alert
    row = desk12.request()
    assert (row["state"], row["stock_on_hand"]) == ("rejected", 500)  # a person's decision is not undone
    [notice] = desk12.to_managers()[told_before:]
    assert "Mohon dipertimbangkan kembali" in notice.subject and "BLK-2026-0001" in notice.subject
    body = flat(notice.text)
    assert "stok provinsi diprioritaskan untuk kabupaten lain" in body and "500 keping menjadi 200 keping" in body
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "[BLK-2026-0001]" in told.subject and "telah kami teruskan kepada pimpinan" in text
    assert "akan dibaca" not in text
    # the appeal for the managers, and the stock it states (200, the ledger 500) to check, as any stated stock is
    assert desk12.queue(mid) == {"appeal", "reconcile"}
    # the queue's waiting alert never tells the managers a second time
    clock.now = START + timedelta(hours=25)
    watch.check_alerts(desk12.desk)
    assert not [o for o in desk12.to_managers() if "Mohon dipertimbangkan kembali pak" in o.text
                and o.message_id != notice.message_id]


def test_a_new_ask_after_a_rejection_is_judged_on_the_stock_it_states(desk12: Desk12) -> None:
    rejection = _rejected(desk12)  # stated 500 in the rejected request
    mid, outcome = send_answer(desk12, NUNUKAN, rejection, "Mohon dipertimbangkan kembali pak, stok kami tinggal 200 "
                                                           "keping. Kami ajukan 1.000 keping saja.", above=GMAIL)
    # was: follow-up-queued, never judged; then approved by the system over the person's rejection
    assert outcome == {"request-held": 1}
    row = desk12.request("BLK-2026-0002")
    assert (row["requested"], row["stock_on_hand"], row["state"]) == (1000, 200, "held")
    [notice] = [o for o in desk12.to_managers() if "BLK-2026-0002" in o.subject]
    assert "sisa 200 = 3.700" in flat(notice.text) and "ditolak" in flat(notice.text)


# 5. a count given against the shipment or beside the difference ---------------------------------------------------

@pytest.mark.parametrize(("words", "received"), [
    ("We only got 1,800 out of the 2,000.", 1800),
    ("Blangko sudah diterima, selisih -100 (1.900 keping).", 1900),
])
def test_a_count_beside_the_shipment_or_the_difference_is_the_receipt(desk12: Desk12, words: str,
                                                                       received: int) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    told_before = len(desk12.to_managers())
    mid, outcome = answer_gmail(desk12, notice, words)
    assert outcome == {"receipt": 1}  # was: asked back (or queued as unclear)
    assert desk12.on_hand() - before == received
    assert desk12.open_gaps() == [2000 - received]
    [managers] = desk12.to_managers()[told_before:]
    assert f"kurang {2000 - received}" in managers.subject
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert f"sebanyak {received:,} keping".replace(",", ".") in text and f"kurang {2000 - received} keping" in text


# 6. a reminder reaches the managers once ----------------------------------------------------------------------------

def test_a_reminder_reaches_the_managers_once(desk12: Desk12, clock: SetClock) -> None:
    reply = _held(desk12)
    clock.now = START + timedelta(days=3)
    mid, outcome = send_answer(desk12, NUNUKAN, reply,
                               "Izin mengingatkan kembali permohonan kami pak, belum ada kabar.", above=GMAIL)
    assert outcome == {"reminder": 1}
    clock.now = START + timedelta(days=4, hours=2)
    watch.check_alerts(desk12.desk)
    about = [o for o in desk12.to_managers() if "Izin mengingatkan kembali" in o.text]
    # was 2: the reminder notice, then the queue's waiting alert about the same reminder a day later
    assert [o.purpose.split(":")[0] for o in about] == ["reminder"]
    assert desk12.queue(mid) == {"reminder"}  # still listed for a person, in the digest


# 7. after dispatch, a manager is offered only what can still be done -----------------------------------------------

def test_after_dispatch_a_manager_is_offered_no_decision(desk12: Desk12) -> None:
    _held(desk12)
    notice = _held_notice(desk12)
    send_answer(desk12, KADIS, notice, "SETUJU 3.000", above=GMAIL)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    for words in ("TOLAK stok provinsi menipis", "Setuju pak kalau bisa"):
        mid, _ = send_answer(desk12, KABID, notice, words, above=GMAIL)
        [told] = desk12.replies_to(mid)
        text = flat(told.text)
        assert "PAKSA" not in text and "SETUJU 1.500" not in text  # was: every command, TOLAK PAKSA too
        assert "blangkonya sudah dikirim" in text


def test_before_an_approval_tolak_paksa_is_not_offered(desk12: Desk12) -> None:
    _held(desk12)
    mid, _ = send_answer(desk12, KABID, _held_notice(desk12), "Setuju pak kalau bisa", above=GMAIL)
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "TOLAK <alasan>" in text and "TOLAK PAKSA" not in text


# 8. a correction taken back ----------------------------------------------------------------------------------------

def test_a_correction_taken_back_restores_the_figures_and_decides_again(desk12: Desk12) -> None:
    reply = _held(desk12)  # stock 500: proposed 3.400
    mid, _ = send_answer(desk12, NUNUKAN, reply, "Koreksi pak, sisa stok kami 200 keping, bukan 500.", above=GMAIL)
    assert (desk12.request()["stock_on_hand"], desk12.request()["approved"]) == (200, 3700)
    [corrected] = desk12.replies_to(mid)
    mid, outcome = send_answer(desk12, NUNUKAN, corrected, "Mohon abaikan email koreksi kami sebelumnya, permohonan "
                                                           "tetap seperti semula.", above=GMAIL)
    assert outcome == {"follow-up-request-held": 1}  # was: other+queued
    row = desk12.request()
    assert (row["stock_on_hand"], row["requested"], row["approved"], row["state"]) == (500, 4000, 3400, "held")
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "kami kembalikan seperti semula" in text and "Sisa stok: 200 keping menjadi 500 keping" in text
    assert "sisa 500 = 3.400" in text
    assert not desk12.queue(mid) - {"reconcile"}  # the stock stated again, far from the ledger: for a person


# 9. a manager's "SETUJU 2.000 dulu" --------------------------------------------------------------------------------

def test_a_managers_approval_for_now_is_a_partial_approval_told_as_such(desk12: Desk12) -> None:
    _held(desk12)
    mid, outcome = send_answer(desk12, KADIS, _held_notice(desk12), "Setuju, 2.000 keping dulu", above=GMAIL)
    assert outcome == {"manager-approve": 1}  # was: manager-command-error, asked back
    row = desk12.request()
    assert (row["state"], row["approved"]) == ("approved", 2000)
    [district] = [o for o in desk12.out() if NUNUKAN in o.to and "DISETUJUI SEBAGIAN" in o.text]
    text = flat(district.text)
    assert re.search(r"diputuskan oleh pimpinan .*DISETUJUI SEBAGIAN, yaitu 2\.000 keping", text)
