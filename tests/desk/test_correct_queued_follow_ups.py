"""A person's `mailbot correct` of a follow-up that waits in the queue, on the real SQLite desk in process over the
Maildir defaults: the right reading reaches the request it followed up even where the stored reading already held
the figure (a receipt is booked, its shortfall opened and the managers told once; a stock changes the request,
which is decided again); when it cannot reach the request, the operator is told why and the queue item stays open."""

from __future__ import annotations

import pytest

from mailbot import corrections
from mailbot.store import repo
from tests.desk.desk12 import BULUNGAN, Desk12, answer_gmail, approved, dispatched
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _correct(d: Desk12, message_id: str, fields: list[str], reason: str) -> list[str]:
    with d.desk.sessions.begin() as session:
        pk = d.db().execute("select id from messages where message_id = ?", (message_id,)).fetchone()[0]
        parsed = corrections.parse_fields(fields, maximum=d.desk.config.stock.max_quantity_per_movement)
        return corrections.correct(session, d.desk, pk, parsed, actor="Operator Blangko", reason=reason).effects


def test_a_queued_receipt_corrected_by_a_person_is_booked_with_its_shortfall_and_the_managers_told(
        desk12: Desk12) -> None:
    notice = dispatched(desk12)
    mid, _ = answer_gmail(desk12, notice, "Hitungan kami 1.900 keping pak.")
    assert desk12.queue(mid) == {"doubt"}  # a figure whose meaning is not clear: a person reads it
    assert desk12.request()["state"] == "dispatched"
    before = len(desk12.out())
    effects = _correct(desk12, mid, ["kind=receipt", "received=1.900"], "jumlah yang diterima")
    assert not any("nothing to change" in e for e in effects), effects
    assert desk12.request()["state"] == "received"
    assert desk12.ledger_kinds()[-2:] == ["receipt_confirmed", "adjustment"]  # 2.000 arrived, 100 short
    assert "doubt" not in desk12.queue(mid)  # the person's reading was carried through: the item is closed
    [gap] = desk12.db().execute("select reason, quantity from attention_items where kind = 'discrepancy' "
                                "and closed_at is null").fetchall()
    assert (gap["reason"], gap["quantity"]) == ("shortfall", 100)
    new = desk12.out()[before:]
    [managers] = [o for o in new if "Selisih penerimaan" in o.subject]
    assert sorted(managers.to) == sorted(MANAGERS) and "kurang 100 keping" in managers.subject
    [told] = [o for o in new if o.to == [BULUNGAN]]
    assert "[BLK-2026-0001]" in told.subject and "1.900 keping" in told.text
    assert "Jumlah yang dimohon" not in told.text  # a receipt asks for nothing
    # the same correction again books nothing twice and tells nobody again
    _correct(desk12, mid, ["kind=receipt", "received=1.900"], "sekali lagi")
    assert len([o for o in desk12.out() if "Selisih penerimaan" in o.subject]) == 1


def test_a_queued_stock_corrected_by_a_person_reaches_the_request_and_it_is_decided_again(desk12: Desk12) -> None:
    reply = approved(desk12)
    mid, _ = answer_gmail(desk12, reply, "ralat sisa stok 300 bkan 750")
    assert desk12.queue(mid) == {"doubt"}
    assert desk12.request()["stock_on_hand"] == 750
    before = len(desk12.out())
    effects = _correct(desk12, mid, ["stock_on_hand=300", "requested=null"], "bkan = bukan")
    assert any("decided again" in e for e in effects), effects
    row = desk12.request()
    assert (row["stock_on_hand"], row["requested"]) == (300, 2000)
    [told] = [o for o in desk12.out()[before:] if o.to == [BULUNGAN]]
    assert "[BLK-2026-0001]" in told.subject and "750 keping menjadi 300 keping" in told.text
    assert "doubt" not in desk12.queue(mid)


def test_a_correction_that_cannot_reach_the_request_says_why_and_the_item_stays_open(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    mid, _ = answer_gmail(desk12, notice, "ralat sisa stok 300 bkan 750")
    assert desk12.queue(mid) == {"doubt"}
    effects = _correct(desk12, mid, ["stock_on_hand=300"], "bkan = bukan")
    assert any("cannot be decided again" in e for e in effects), effects
    assert any("stays open" in e for e in effects), effects
    assert desk12.queue(mid) == {"doubt"}  # still for a person: nothing was carried through


def test_a_receipt_in_the_thread_of_a_request_not_shipped_is_booked_against_no_other_shipment(desk12: Desk12) -> None:
    dispatched(desk12)  # BLK-2026-0001 is on its way
    mid, _ = desk12.send(BULUNGAN, "Permohonan tambahan blangko KTP-el",
                         "Dengan hormat, mohon tambahan blangko KTP-el 1.000 keping, sisa stok kami 400 keping.")
    [second] = desk12.replies_to(mid)
    assert "BLK-2026-0002" in second.subject
    with desk12.desk.sessions.begin() as session:  # it waits for a manager: nothing is shipped for it
        req = repo.request_by_reference(session, "BLK-2026-0002")
        assert req is not None
        req.state, req.approved = "held", None
    answer, _ = answer_gmail(desk12, second, "Hitungan kami 1.900 keping pak.")
    effects = _correct(desk12, answer, ["kind=receipt", "received=1.900"], "dibaca sebagai penerimaan")
    assert any("nothing booked" in e for e in effects) and any("stays open" in e for e in effects), effects
    assert desk12.request()["state"] == "dispatched"  # never booked against the other request's shipment
    assert "receipt_confirmed" not in desk12.ledger_kinds()


def test_a_stock_typed_for_a_follow_up_read_as_other_reaches_the_request(desk12: Desk12) -> None:
    """Only the stock typed, on a follow-up the reader read as kind other: the request holds 750, so the 300 typed
    is a change, carried through (never "already has these figures"), and the item closes because it was applied."""
    reply = approved(desk12)
    mid, _ = answer_gmail(desk12, reply,
                          "Pak, sisa stok kami ternyata tinggal sedikit sekali, kira2 setengah dari yang kami sebut.")
    assert desk12.queue(mid) == {"other"}
    assert desk12.request()["stock_on_hand"] == 750
    before = len(desk12.out())
    effects = _correct(desk12, mid, ["stock_on_hand=300"], "kira-kira setengah")
    assert not any("nothing to change" in e for e in effects), effects
    assert any("decided again" in e for e in effects), effects
    assert desk12.request()["stock_on_hand"] == 300
    [told] = [o for o in desk12.out()[before:] if o.to == [BULUNGAN]]
    assert "[BLK-2026-0001]" in told.subject and "750 keping menjadi 300 keping" in told.text
    assert "other" not in desk12.queue(mid)
    latest = desk12.db().execute("select quantity, source from stated_stock where district = '65.01' "
                                 "order by at desc, id desc").fetchone()
    assert (latest["quantity"], latest["source"]) == (300, "correction")  # status and the digest show 300
