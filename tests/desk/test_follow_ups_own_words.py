"""A follow-up is read from the writer's own new words, on the real SQLite desk in process: the desk's words it
quotes ("... dengan menyebutkan jumlah yang diterima") never make it a receipt, in any quoting style or from the
district's second address; an urge to send and a district's SETUJU are reminders or mail for a person, never a
receipt or a silent confirmation, also in the managers' notice thread; the other blank's figure beside a change
goes to a person and the reply says so; the rest of a shipment that arrived is no stock."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.store import repo
from tests.desk.desk12 import (
    BULUNGAN,
    BULUNGAN_OPERATOR,
    NUNUKAN,
    REQUEST,
    STYLES,
    Desk12,
    approved,
    client_quote,
)
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("sender", [BULUNGAN, BULUNGAN_OPERATOR], ids=["same_address", "second_address"])
def test_a_correction_quoting_the_approval_updates_the_request_and_is_never_a_receipt(
        desk12: Desk12, style: str, sender: str) -> None:
    reply = approved(desk12)
    new = "Jumlah yang benar cukup 1.500 keping saja, bukan 2.000."
    quoted, html = client_quote(reply, style)
    subject = ("Fwd: " if style == "forwarded" else "Re: ") + reply.subject
    mid, outcome = desk12.send(sender, subject, f"{new}\n\n{quoted}\n", in_reply_to=reply.message_id,
                               html=None if html is None else f"<div>{new}</div>{html}")
    assert outcome == {"follow-up-request-approved": 1}
    req = desk12.request()
    assert (req["requested"], req["approved"], req["state"]) == (1500, 1500, "approved")
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1
    # nothing dispatched or received, no discrepancy, no shortfall notice to the managers
    assert not {"shipment_dispatched", "receipt_confirmed"} & set(desk12.ledger_kinds())
    assert desk12.db().execute("select count(*) from attention_items where kind = 'discrepancy'").fetchone()[0] == 0
    assert not [o for o in desk12.out() if "Selisih" in o.subject]
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and sender in told.to  # the request's sender is told beside it
    assert "2.000 keping menjadi 1.500 keping" in told.text and "penerimaan" not in told.text


def test_a_receipt_in_the_writers_own_words_under_the_same_quote_is_still_booked(desk12: Desk12) -> None:
    reply = approved(desk12)
    with desk12.desk.sessions.begin() as session:  # nothing is received before it was dispatched
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    quoted, _ = client_quote(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               f"Blangko KTP-el sebanyak 2.000 keping sudah kami terima hari ini.\n\n{quoted}\n",
                               in_reply_to=reply.message_id)
    assert outcome == {"receipt": 1}
    assert desk12.request()["state"] == "received"


def test_an_urge_to_send_with_a_districts_setuju_is_a_reminder_never_a_receipt(desk12: Desk12) -> None:
    reply = approved(desk12)
    quoted, _ = client_quote(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               f"SETUJU 2.000\n\nmohon segera dikirim pak.\n\n{quoted}\n", in_reply_to=reply.message_id)
    assert outcome == {"reminder": 1}
    req = desk12.request()
    assert (req["state"], req["approved"]) == ("approved", 2000)
    assert not {"shipment_dispatched", "receipt_confirmed"} & set(desk12.ledger_kinds())
    assert desk12.queue(mid) == {"reminder"}
    [told] = desk12.replies_to(mid)
    assert "telah disetujui dan sedang disiapkan untuk dikirim" in told.text and "penerimaan" not in told.text
    [notice] = [o for o in desk12.out() if o.purpose.startswith("reminder:")]
    assert sorted(notice.to) == sorted(MANAGERS) and "SETUJU 2.000" in notice.text


@pytest.mark.parametrize(("text", "outcome", "reason"), [
    ("SETUJU 6.000\n\nmohon segera dikirim pak.", "reminder", "reminder"),
    ("SETUJU 6.000", "follow-up-queued", "district_command"),
    ("Baik pak, terima kasih.", "follow-up-queued", "managers_thread"),
])
def test_a_district_answering_the_managers_notice_never_ends_unseen(desk12: Desk12, text: str, outcome: str,
                                                                    reason: str) -> None:
    mid, first = desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                             REQUEST.format(stock=300, asked="6.000 (enam ribu)", name="Nunukan"),
                             date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert first == {"request-held": 1}
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    quoted = "\n".join(f"> {line}" for line in notice.text.splitlines())
    answer, got = desk12.send(NUNUKAN, "Re: " + notice.subject, f"{text}\n\n{quoted}\n", in_reply_to=notice.message_id)
    assert got == {outcome: 1}
    assert desk12.request()["state"] == "held"  # a district decides nothing
    assert desk12.queue(answer) == {reason}
    [told] = desk12.replies_to(answer)
    assert told.to == [NUNUKAN]


def test_the_other_blanks_figure_beside_a_correction_goes_to_a_person_and_the_reply_says_so(desk12: Desk12) -> None:
    reply = approved(desk12)
    quoted, _ = client_quote(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               "Koreksi: KTP-el cukup 1.000 keping, KIA mohon 300 keping.\nTerima kasih.\n\n"
                               f"{quoted}\n",
                               in_reply_to=reply.message_id)
    assert outcome == {"follow-up-request-approved": 1}
    req = desk12.request()
    assert (req["item"], req["requested"], req["approved"]) == ("ktp-el", 1000, 1000)
    assert desk12.queue(mid) == {"other_item"}
    [told] = desk12.replies_to(mid)
    assert "2.000 keping menjadi 1.000 keping" in told.text
    assert "Angka untuk blangko KIA (300 keping)" in told.text
    assert "Jumlah yang dimohon: 300" not in told.text and "Jumlah yang diterima" not in told.text


def test_two_changed_figures_are_two_lines_of_the_reply(desk12: Desk12) -> None:
    reply = approved(desk12)
    quoted, _ = client_quote(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               "Koreksi: sisa stok kami 400 keping, bukan 750, dan mohon 2.500 keping, bukan 2.000."
                               f"\n\n{quoted}\n", in_reply_to=reply.message_id)
    assert outcome == {"follow-up-request-approved": 1}
    [told] = desk12.replies_to(mid)
    lines = told.text.splitlines()
    assert "- Sisa stok: 750 keping menjadi 400 keping" in lines
    assert "- Jumlah yang dimohon: 2.000 keping menjadi 2.500 keping" in lines


def test_the_rest_of_a_shipment_that_arrived_is_no_stock(desk12: Desk12) -> None:
    reply = approved(desk12)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    quoted, _ = client_quote(reply, "gmail")
    first, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                                 f"Blangko baru datang 1.000 keping, sisanya menyusul.\n\n{quoted}\n",
                                 in_reply_to=reply.message_id, date="Thu, 03 Dec 2026 10:00:00 +0800")
    assert outcome == {"receipt": 1}
    rest, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                                "Sisanya 1.000 keping sudah sampai hari ini, jadi total sudah kami terima 2.000 keping."
                                f"\nTerima kasih.\n\n{quoted}\n", in_reply_to=reply.message_id,
                                date="Fri, 04 Dec 2026 10:00:00 +0800")
    assert outcome == {"receipt-corrected": 1}
    stated = desk12.db().execute("select quantity, source from stated_stock where district = '65.01' "
                                 "and item = 'ktp-el' order by id desc").fetchall()
    assert all(row[0] != 1000 for row in stated), [tuple(r) for r in stated]
    assert desk12.db().execute("select count(*) from attention_items where kind = 'reconcile' and closed_at is null "
                               "and detail like '%1.000%'").fetchone()[0] == 0
    [told] = desk12.replies_to(rest)
    assert "Sisa stok" not in told.text
    assert "seluruh penerimaan kini tercatat 2.000 keping (sebelumnya 1.000 keping)" in told.text


def test_a_figure_restated_after_dispatch_without_words_of_receipt_goes_to_a_person(desk12: Desk12) -> None:
    reply = approved(desk12)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    quoted, _ = client_quote(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject, f"2.000 keping, terima kasih pak.\n\n{quoted}\n",
                               in_reply_to=reply.message_id)
    assert outcome == {"follow-up-queued": 1}  # perhaps a count: a person books it, nothing is filed unread
    assert desk12.request()["state"] == "dispatched" and "receipt_confirmed" not in desk12.ledger_kinds()
    assert desk12.queue(mid) == {"after_decision"}
    [ack] = desk12.replies_to(mid)
    assert "akan dibaca serta ditindaklanjuti langsung oleh petugas kami" in ack.text


def test_a_districts_setuju_outside_any_thread_waits_for_a_person(desk12: Desk12) -> None:
    mid, outcome = desk12.send(BULUNGAN, "Persetujuan", "SETUJU 2.000")
    assert outcome == {"other+queued": 1}
    assert desk12.queue(mid) == {"district_command"}
    assert len(desk12.replies_to(mid)) == 1


def test_a_figure_with_an_urge_answers_our_question_rather_than_reminding(desk12: Desk12) -> None:
    mid, outcome = desk12.send(BULUNGAN, "Permohonan blangko KTP-el",
                               "Dengan hormat, sisa stok blangko KTP-el kami 500 keping. Mohon tambahan blangko.",
                               date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert outcome == {"request-clarify": 1}
    [asked] = desk12.replies_to(mid)
    # the answer in the thread of our question: its figure completes the request asked about, the urge
    # notwithstanding (a fresh email outside the thread is a request of its own, see
    # test_conversations_repeats_and_short_answers)
    mid, outcome = desk12.send(BULUNGAN, "Re: " + asked.subject,
                               "Dengan hormat, permohonan blangko KTP-el kami sebanyak 2.000 keping, mohon segera "
                               "dikirim.", in_reply_to=asked.message_id)
    assert outcome == {"request-approved": 1}
    assert (desk12.request()["requested"], desk12.request()["state"]) == (2000, "approved")
