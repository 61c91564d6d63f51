"""Chasers and mail sent twice, on the real SQLite desk in process over the Maildir defaults, every message written
fresh: a new mail asking whether the blanks were sent chases the district's open request (the managers hear of it,
the district where it stands); with no open request it stays a question for a person. The same request mail sent
twice is recorded once and noted once; the same receipt sent twice is booked and answered once. A chaser in a linked
request's thread is answered under that request's reference; a change there is queued as a reply about it. A receipt
over the shipment whose words say "kurang" passes the district's shortfall on beside the difference. The history
says a reminder was taken as one."""

from __future__ import annotations

import pytest

from mailbot import actions, history
from mailbot.store import repo
from tests.desk.desk12 import (
    BULUNGAN,
    BULUNGAN_OPERATOR,
    TARAKAN,
    Desk12,
    approved,
    dispatched,
    flat,
    send_answer,
    send_request,
)
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

HELD = "Dengan hormat, kami mohon tambahan blangko KTP-el sebanyak 4.000 keping. Sisa stok kami 300 keping."


def _requests(d: Desk12) -> list[tuple[str, str]]:
    return [(r["reference"], r["state"]) for r in d.db().execute("select reference, state from requests order by id")]


def _reminder_notices(d: Desk12) -> list[str]:
    return [o.subject for o in d.to_managers() if o.purpose.startswith("reminder:")]


# a chaser written as a new mail -----------------------------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "Selamat pagi pak, izin menanyakan blangko KTP-el yg kami mohon minggu lalu, apakah sudah dikirim? Terima kasih.",
    "Pak, mau tanya blangko yang kami minta kemarin apakah sudah dikirim ya? Terima kasih",
    "Selamat siang, blangko KTP-el kami sudah dikirim belum ya pak? Mksh",
])
def test_a_new_mail_asking_whether_the_blanks_were_sent_chases_the_open_request(desk12: Desk12, words: str) -> None:
    approved(desk12)  # BLK-2026-0001, 2.000 approved, not yet sent
    mid, outcome = desk12.send(BULUNGAN, "Menanyakan blangko", words)
    assert outcome == {"reminder": 1}, outcome
    assert _requests(desk12) == [("BLK-2026-0001", "approved")]
    assert desk12.queue(mid) == {"reminder"}
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "[BLK-2026-0001]" in told.subject
    assert "telah disetujui dan sedang disiapkan untuk dikirim sebanyak 2.000 keping" in text
    assert "akan dibaca serta ditindaklanjuti" not in text
    [notice] = _reminder_notices(desk12)
    assert notice.startswith("[BLK-2026-0001] Pengingat dari Kabupaten Bulungan")


def test_a_new_mail_asking_after_a_held_request_is_told_it_waits_for_the_managers(desk12: Desk12) -> None:
    first, _ = desk12.send(TARAKAN, "Permohonan blangko KTP-el", HELD)
    assert desk12.request()["state"] == "held"
    mid, outcome = desk12.send(TARAKAN, "Blangko KTP-el", "Izin pak, blangko yang kami mohon tempo hari apakah "
                                                         "sudah dikirim? Terima kasih.")
    assert outcome == {"reminder": 1}, outcome
    [told] = desk12.replies_to(mid)
    assert "BLK-2026-0001" in told.subject and "sedang ditinjau oleh pimpinan" in flat(told.text)


def test_the_same_question_with_no_open_request_stays_for_a_person(desk12: Desk12) -> None:
    mid, outcome = desk12.send(BULUNGAN, "Menanyakan blangko", "Pak, mau tanya blangko yang kami minta kemarin "
                                                               "apakah sudah dikirim ya? Terima kasih")
    assert outcome == {"other+queued": 1}, outcome
    assert _requests(desk12) == [] and desk12.queue(mid) == {"question"}
    assert not _reminder_notices(desk12)


# the same request mail sent twice ---------------------------------------------------------------------------------

RESENT = ("Selamat pagi pak, mohon tambahan blangko KTP-el sebanyak 1.200 keping, sisa stok kami 2.600 keping.\n"
          "Operator Tarakan\n")


def test_a_request_sent_again_is_recorded_once_and_noted_once(desk12: Desk12) -> None:
    first, outcome = desk12.send(TARAKAN, "Permohonan blangko", RESENT)
    assert outcome == {"request-approved": 1}, outcome
    second, outcome = desk12.send(TARAKAN, "Permohonan blangko", RESENT)
    assert outcome == {"repeated-request": 1}, outcome
    third, outcome = desk12.send(TARAKAN, "Permohonan blangko", RESENT)
    assert outcome == {"repeated-request": 1}, outcome
    assert _requests(desk12) == [("BLK-2026-0001", "approved")]
    assert desk12.db().execute("select count(*) from decisions where outcome like 'approve%'").fetchone()[0] == 1
    [note] = desk12.replies_to(second)
    text = flat(note.text)
    assert "[BLK-2026-0001]" in note.subject and note.to == [TARAKAN]
    assert "tidak kami catat sebagai permohonan baru" in text and "sebanyak 1.200 keping" in text
    assert desk12.replies_to(third) == []  # noted once: the district has its answer
    assert desk12.queue(second) == set() and desk12.queue(third) == set()


@pytest.mark.parametrize(("sender", "figure"), [(TARAKAN, "1.500"), (BULUNGAN_OPERATOR, "1.200")])
def test_another_figure_or_another_address_is_still_a_request_of_its_own(
        desk12: Desk12, sender: str, figure: str) -> None:
    first, _ = desk12.send(sender if sender == TARAKAN else BULUNGAN, "Permohonan blangko", RESENT)
    mid, outcome = desk12.send(sender, "Permohonan blangko", RESENT.replace("1.200", figure))
    assert outcome == {"request-linked": 1}, outcome
    assert [s for _, s in _requests(desk12)] == ["approved", "linked"]


# a chaser in a linked request's thread ----------------------------------------------------------------------------

def test_a_chaser_in_a_linked_requests_thread_is_answered_under_its_own_reference(desk12: Desk12) -> None:
    approved(desk12)  # BLK-2026-0001, 2.000 approved
    linked = send_request(desk12, "600", "3.000", outcome="request-linked")  # BLK-2026-0002
    mid, outcome = send_answer(desk12, BULUNGAN, linked, "Selamat siang pak, permohonan kami ini kapan diproses ya? "
                                                         "Sudah seminggu belum ada kabar.")
    assert outcome == {"reminder": 1}, outcome
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "[BLK-2026-0002]" in told.subject and "BLK-2026-0001]" not in told.subject
    assert "nomor rujukan BLK-2026-0002 (diterima 1 Desember 2026, dimohon 3.000 keping)" in text
    assert "BLK-2026-0001 (dimohon 2.000 keping), yang saat ini telah disetujui" in text
    [notice] = _reminder_notices(desk12)
    assert notice.startswith("[BLK-2026-0002] Pengingat")
    [pk] = desk12.db().execute("select r.reference from attention_items a join requests r on r.id = a.request_pk "
                               "where a.kind = 'reminder'").fetchone()
    assert pk == "BLK-2026-0002"


def test_a_change_in_a_linked_requests_thread_is_queued_as_a_reply_about_it(desk12: Desk12) -> None:
    approved(desk12)
    linked = send_request(desk12, "600", "3.000", outcome="request-linked")
    mid, _ = send_answer(desk12, BULUNGAN, linked, "Mohon jumlahnya diubah menjadi 3.500 keping pak.")
    assert desk12.queue(mid) == {"linked_follow_up"}  # never "a request from another address": the same one wrote


# what the history says --------------------------------------------------------------------------------------------

def test_the_history_says_a_reminder_was_taken_as_one(desk12: Desk12) -> None:
    reply = approved(desk12)
    mid, outcome = send_answer(desk12, BULUNGAN, reply, "Mohon segera dikirim ya pak, stok kami tinggal 150 keping.")
    assert outcome == {"reminder": 1}, outcome
    with desk12.desk.sessions.begin() as session:
        _, events = history.story(session, "BLK-2026-0001")
    [said] = [e.text for e in events if e.what == "in" and e.text.startswith("#2 ")]
    assert "taken as a reminder (stock 150)" in said and "daily report" not in said


# receipts ---------------------------------------------------------------------------------------------------------

def test_a_receipt_over_the_shipment_that_says_short_passes_the_districts_words_on(desk12: Desk12) -> None:
    desk12.send(TARAKAN, "Permohonan blangko KTP-el", HELD)  # 4.000 asked: waits for the managers
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.approve(session, desk12.desk, req, 3000, actor=MANAGERS[0], via="cli")
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    [notice] = [o for o in desk12.out() if o.purpose.startswith("dispatched:")]
    before = desk12.on_hand("65.71")
    mid, outcome = send_answer(desk12, TARAKAN, notice, "Blangko sudah sampai 3.500 keping pak, masih kurang 500 "
                                                        "keping. Mohon dicek.")
    assert outcome == {"receipt": 1}, outcome
    assert desk12.on_hand("65.71") - before == 3500  # what arrived is booked
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "kurang 500 keping, sesuai dengan selisihnya terhadap jumlah yang dimohon (4.000 keping)" in text
    assert "penerimaan 3.500 keping lebih 500 keping" in text
    [managers] = [o for o in desk12.to_managers() if "Selisih penerimaan" in o.subject]
    assert "(menurut kabupaten/kota: kurang 500 keping)" in managers.subject
    assert "sendiri menyebutkan bahwa kiriman ini kurang 500 keping" in flat(managers.text)


def test_a_receipt_sent_again_is_booked_and_answered_once(desk12: Desk12) -> None:
    notice = dispatched(desk12)  # 2.000 to Bulungan
    words = "Alhamdulillah blangko 2.000 keping sudah kami terima lengkap pak. Terima kasih"
    first, outcome = send_answer(desk12, BULUNGAN, notice, words)
    assert outcome == {"receipt": 1}, outcome
    second, outcome = send_answer(desk12, BULUNGAN, notice, words)
    assert outcome == {"receipt-confirmed": 1}, outcome
    assert len(desk12.replies_to(first)) == 1 and desk12.replies_to(second) == []
    assert desk12.ledger_kinds().count("receipt_confirmed") == 1


@pytest.mark.parametrize("subject", ["RE: Re: {subject}", "AW: {subject}"], ids=["outlook_adds_re", "german_client"])
def test_a_receipt_sent_again_under_another_reply_prefix_is_booked_once(desk12: Desk12, subject: str) -> None:
    # a mail client that writes its own reply prefix before the one there ("RE: Re:"), or one in German ("AW:"):
    # the subject is the same read without its prefixes (guards.threads.subject_prefixes)
    notice = dispatched(desk12)
    words = "Alhamdulillah blangko 2.000 keping sudah kami terima lengkap pak. Terima kasih"
    first, outcome = send_answer(desk12, BULUNGAN, notice, words)
    assert outcome == {"receipt": 1}, outcome
    quoted = "\n".join(f"> {line}" if line else ">" for line in notice.text.splitlines())
    second, outcome = desk12.send(BULUNGAN, subject.format(subject=notice.subject), f"{words}\n\n{quoted}\n",
                                  in_reply_to=notice.message_id)
    assert outcome == {"receipt-confirmed": 1}, outcome
    assert desk12.replies_to(second) == [] and desk12.ledger_kinds().count("receipt_confirmed") == 1
