"""What a district says of a shipment in its request's thread, on the real SQLite desk in process over the Maildir
defaults: a count with its shortfall explained in packages is a receipt whose shortfall reaches the managers (never
a request of the packages' content); "sudah kami terima emailnya" received our mail, no blanks, and is asked
nothing; blanks still awaited ("belum datang, masih kami tunggu 2.000 keping") are never booked as received, even
in answer to our question about the count."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, approved, dispatched
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

ASKED_COUNT = "Jumlah yang diterima belum kami temukan"


def test_a_count_with_its_shortfall_in_packages_is_a_receipt_that_reaches_the_managers(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    mid, outcome = answer_gmail(desk12, notice, "Blangko KTP-el sudah kami terima hari ini, namun setelah dihitung "
                                           "hanya 1.900 keping (kurang 1 dus isi 100).")
    assert outcome == {"receipt": 1}
    row = desk12.request()
    assert (row["state"], row["requested"]) == ("received", 2000)
    assert not desk12.queue(mid) - {"shortfall"}
    [gap] = desk12.db().execute("select quantity from attention_items where kind = 'discrepancy'").fetchall()
    assert gap["quantity"] == 100
    [managers] = [o for o in desk12.out() if "Selisih penerimaan" in o.subject]
    assert sorted(managers.to) == sorted(MANAGERS)
    [told] = desk12.replies_to(mid)
    assert "1.900 keping" in told.text and "Jumlah yang dimohon" not in told.text


def test_thanks_for_our_email_is_asked_nothing_about_blanks_never_sent(desk12: Desk12) -> None:
    reply = approved(desk12)
    mid, _ = answer_gmail(desk12, reply, "Terima kasih pak, sudah kami terima emailnya.")
    assert desk12.request()["state"] == "approved"
    assert not any(ASKED_COUNT in o.text for o in desk12.replies_to(mid))
    assert "receipt_confirmed" not in desk12.ledger_kinds()


def test_blanks_still_awaited_in_answer_to_our_question_are_never_booked_as_received(desk12: Desk12) -> None:
    reply = dispatched(desk12)  # before dispatch no receipt is asked back: a person reads it
    mid, _ = answer_gmail(desk12, reply, "Blangko sudah sampai pak, terima kasih.")
    [asked] = desk12.replies_to(mid)
    assert ASKED_COUNT in asked.text  # a receipt without its count: asked once
    answer, _ = answer_gmail(desk12, asked,
                             "Maaf pak, keliru. Blangkonya belum datang, masih kami tunggu 2.000 keping.")
    assert desk12.request()["state"] == "dispatched"
    assert "receipt_confirmed" not in desk12.ledger_kinds()
    assert not any("Kami telah mencatat penerimaan" in o.text for o in desk12.replies_to(answer))
