"""Conversations that must hold, on the real SQLite desk in process over the Maildir defaults, every message
written fresh: "sudah kami terima" said of the approval mail, before anything left the store, books no receipt;
a receipt of the new shipment written in the old, finished thread is booked against the shipment in transit and
never rewrites the old receipt."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.store import repo
from tests.desk.desk12 import (
    BULUNGAN,
    REQUEST,
    Desk12,
    Out,
    answer_gmail,
    dispatched,
    flat,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def approved(d: Desk12, asked: str = "2.000", stock: str = "750", date: str = "Tue, 01 Dec 2026 08:00:00 +0800"
              ) -> tuple[str, Out]:
    """Bulungan asks *asked* (sisa *stock*), approved at once; the request's message id and the desk's reply."""
    mid, outcome = d.send(BULUNGAN, "Permohonan tambahan blangko KTP-el",
                          REQUEST.format(stock=stock, asked=asked, name="Bulungan"), date=date)
    assert outcome == {"request-approved": 1}
    [reply] = d.replies_to(mid)
    return mid, reply


def _dispatch(d: Desk12, reference: str) -> Out:
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, reference)
        assert req is not None
        actions.dispatch(session, d.desk, req, actor="operator", via="cli")
    [notice] = [o for o in d.out() if o.purpose.startswith("dispatched:")
                and reference in str(o.msg["Subject"])]
    return notice


# H1. "terima" of the approval mail or of the decision, before dispatch: no receipt is booked -----------------

@pytest.mark.parametrize("words", [
    "Email persetujuan 2.000 keping sudah kami terima pak, kami tunggu kirimannya. Terima kasih.",
    "Baik pak, informasi persetujuan 2.000 keping sudah kami terima. Terima kasih.",
    "Terima kasih pak Kadis, kami terima 2.000 keping dulu, sisanya nanti kami ajukan lagi.",
], ids=["email-persetujuan", "informasi-persetujuan", "kami-terima-dulu"])
def test_terima_of_the_approval_before_dispatch_books_no_receipt(desk12: Desk12, words: str) -> None:
    _, reply = approved(desk12)
    on_hand = desk12.on_hand()
    mid, outcome = answer_gmail(desk12, reply, words)
    req = desk12.request()
    # was: "receipt", the request "received", shipment_dispatched and receipt_confirmed booked, stock +2.000
    assert req["state"] == "approved"
    assert "receipt_confirmed" not in desk12.ledger_kinds() and "shipment_dispatched" not in desk12.ledger_kinds()
    assert desk12.on_hand() == on_hand
    assert outcome == {"follow-up-confirmed": 1}
    assert not desk12.queue(mid)
    assert not [o for o in desk12.replies_to(mid) if "penerimaan blangko" in flat(o.text)]
    notice = _dispatch(desk12, "BLK-2026-0001")  # the operator can still send the blanks
    assert desk12.request()["state"] == "dispatched" and notice is not None


def test_a_new_mail_saying_the_approval_arrived_books_no_receipt(desk12: Desk12) -> None:
    approved(desk12)
    on_hand = desk12.on_hand()
    _, outcome = desk12.send(BULUNGAN, "Konfirmasi", "Yth. Bapak, email persetujuan 2.000 keping blangko KTP-el "
                                                    "sudah kami terima. Kami tunggu kirimannya. Terima kasih.")
    # was: booked against the approved request, as if the blanks had arrived
    assert desk12.request()["state"] == "approved" and desk12.on_hand() == on_hand
    assert "receipt_confirmed" not in desk12.ledger_kinds()
    assert outcome == {"follow-up-confirmed": 1}


def test_a_receipt_of_blanks_before_dispatch_goes_to_a_person(desk12: Desk12) -> None:
    _, reply = approved(desk12)
    on_hand = desk12.on_hand()
    mid, _ = answer_gmail(desk12, reply, "Blangko 2.000 keping sudah kami terima lengkap pak.")
    # was: booked as received although nothing was dispatched
    assert desk12.request()["state"] == "approved" and desk12.on_hand() == on_hand
    assert "receipt_confirmed" not in desk12.ledger_kinds()
    assert desk12.queue(mid) == {"receipt_before_dispatch"}
    [told] = desk12.replies_to(mid)
    assert "penerimaan blangko" not in flat(told.text)


# H2. a receipt of the shipment in transit, answering the old finished thread ----------------------------------

def _old_received_new_in_transit(d: Desk12) -> Out:
    """BLK-2026-0001 (2.000) dispatched and received in full; BLK-2026-0002 (1.500) approved and dispatched.
    The old dispatch mail."""
    old = dispatched(d)
    answer_gmail(d, old, "Blangko 2.000 keping sudah kami terima lengkap, terima kasih.")
    assert d.request()["state"] == "received"
    approved(d, asked="1.500", stock="200", date="Sat, 05 Dec 2026 08:00:00 +0800")
    _dispatch(d, "BLK-2026-0002")
    return old


def test_a_receipt_in_the_old_thread_matching_the_new_shipment_books_the_new_one(desk12: Desk12) -> None:
    old = _old_received_new_in_transit(desk12)
    told_before, on_hand = len(desk12.to_managers()), desk12.on_hand()
    mid, _ = answer_gmail(desk12, old, "Kiriman blangko 1.500 keping sudah kami terima, terima kasih pak.")
    # was: BLK-2026-0001's receipt 2.000 -> 1.500, an adjustment of -500, a shortfall to the managers, and
    # BLK-2026-0002 still in transit
    assert desk12.request("BLK-2026-0002")["state"] == "received"
    assert desk12.request("BLK-2026-0001")["state"] == "received"
    assert "adjustment" not in desk12.ledger_kinds()
    assert desk12.on_hand() - on_hand == 1500
    assert desk12.open_gaps() == []
    assert not [m for m in desk12.to_managers()[told_before:] if "Selisih" in m.subject]
    assert "telah kami ubah" not in " ".join(flat(o.text) for o in desk12.replies_to(mid))


def test_a_figure_fitting_neither_shipment_in_the_old_thread_goes_to_a_person(desk12: Desk12) -> None:
    old = _old_received_new_in_transit(desk12)
    on_hand = desk12.on_hand()
    mid, _ = answer_gmail(desk12, old, "Kiriman blangko 1.400 keping sudah kami terima pak.")
    assert desk12.request("BLK-2026-0002")["state"] == "dispatched"
    assert "adjustment" not in desk12.ledger_kinds() and desk12.on_hand() == on_hand
    assert desk12.queue(mid) == {"receipt_which_shipment"}


def test_a_recount_of_the_old_receipt_says_so_and_is_still_applied(desk12: Desk12) -> None:
    old = _old_received_new_in_transit(desk12)
    answer_gmail(desk12, old, "Mohon maaf pak, salah hitung: blangko kiriman itu yang kami terima 1.950 keping.")
    assert "adjustment" in desk12.ledger_kinds()
    assert desk12.request("BLK-2026-0002")["state"] == "dispatched"


# M-A. the district answers our question "1.200: jumlah yang dimohon atau sisa stok?" by naming one -----------

@pytest.mark.parametrize(("words", "figures"), [
    ("Sisa stok pak.", (2000, 1200)),
    ("Yang dimohon pak, maaf kurang jelas.", (1200, 750)),
], ids=["sisa-stok", "yang-dimohon"])
def test_a_choice_answering_our_question_applies_its_figure(desk12: Desk12, words: str,
                                                             figures: tuple[int, int]) -> None:
    _, reply = approved(desk12)
    mid, _ = answer_gmail(desk12, reply, "Koreksi pak, yang benar 1.200.")
    [asked] = desk12.replies_to(mid)
    assert "Mohon tegaskan apakah 1.200 keping adalah jumlah yang dimohon atau sisa stok" in flat(asked.text)
    mid, _ = answer_gmail(desk12, asked, words)
    req = desk12.request()
    # was: nothing applied (2.000 / 750), the answer queued as "not a request, report or receipt"
    assert (req["requested"], req["stock_on_hand"]) == figures
    assert "other" not in desk12.queue(mid)
    [told] = desk12.replies_to(mid)
    assert "1.200 keping" in flat(told.text) and "menjadi 1.200 keping" in flat(told.text)


def test_a_choice_whose_in_reply_to_is_lost_answers_the_threads_last_question(desk12: Desk12) -> None:
    _, reply = approved(desk12)
    mid, _ = answer_gmail(desk12, reply, "Koreksi pak, yang benar 1.200.")
    [asked] = desk12.replies_to(mid)
    # a client that folded our long Message-ID as an encoded word: no In-Reply-To the desk can read
    desk12.send(BULUNGAN, "Re: " + asked.subject, "Sisa stok pak.\n\nDikirim dari iPhone saya\n")
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"]) == (2000, 1200)  # was: 2.000 / 750, queued as "other"
