"""A district's cancellation or receipt that names another district's request (written in its thread, or naming
its reference) is never taken for one of the sender's own requests: nothing changes, a person reads it, and the
sender is told why, without the other district's reference. (Was: Tarakan asking to cancel Malinau's request
cancelled Tarakan's own; Malinau's receipt in Bulungan's thread was booked on Malinau's own undispatched request,
with a dispatch no one recorded.)"""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, MALINAU, NUNUKAN, REQUEST, TARAKAN, Desk12, approved, dispatched, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

NOTICE = "bukan permohonan kabupaten/kota Bapak/Ibu"


def _ask(d: Desk12, sender: str, name: str, asked: str, stock: int) -> str:
    mid, _ = d.send(sender, "Permohonan blangko KTP-el", REQUEST.format(stock=stock, asked=asked, name=name))
    return mid


def _states(d: Desk12) -> dict[str, tuple[str, int | None]]:
    rows = d.db().execute("select reference, state, approved from requests order by reference").fetchall()
    return {r["reference"]: (r["state"], r["approved"]) for r in rows}


def _queued(d: Desk12, message_id: str) -> set[str]:
    return d.queue(message_id)


@pytest.mark.parametrize("words", [
    "Selamat siang, mohon permohonan nomor BLK-2026-0003 dibatalkan saja, terima kasih.",
    "Permohonan BLK-2026-0003 kami batalkan pak, stok masih cukup.",
])
def test_a_cancellation_naming_another_districts_request_cancels_nothing(desk12: Desk12, words: str) -> None:
    dispatched(desk12)  # BLK-2026-0001, Bulungan's, dispatched
    _ask(desk12, TARAKAN, "Tarakan", "1.500", 300)  # BLK-2026-0002, Tarakan's
    _ask(desk12, MALINAU, "Malinau", "1.000", 400)  # BLK-2026-0003, Malinau's
    before = _states(desk12)
    assert before["BLK-2026-0002"][0] != "cancelled" and before["BLK-2026-0003"][0] != "cancelled"
    mid, outcome = desk12.send(TARAKAN, "Pembatalan permohonan", words)
    assert _states(desk12) == before, outcome
    assert _queued(desk12, mid) == {"other_districts_request"}
    [reply] = desk12.replies_to(mid)
    assert reply.to == [TARAKAN] and NOTICE in reply.text
    assert "BLK-2026-0003" not in reply.text and "BLK-2026-0003" not in reply.subject


def test_a_cancellation_written_in_another_districts_thread_cancels_nothing(desk12: Desk12) -> None:
    _ask(desk12, TARAKAN, "Tarakan", "1.500", 300)  # BLK-2026-0001, Tarakan's
    malinau = _ask(desk12, MALINAU, "Malinau", "1.000", 400)  # BLK-2026-0002, Malinau's
    [answer] = desk12.replies_to(malinau)
    before = _states(desk12)
    mid, _ = desk12.send(TARAKAN, "Re: " + answer.subject, "Mohon dibatalkan saja pak permohonannya.",
                         in_reply_to=answer.message_id)
    assert _states(desk12) == before
    assert _queued(desk12, mid) == {"other_districts_request"}


def test_a_receipt_in_another_districts_thread_is_booked_on_no_request(desk12: Desk12) -> None:
    notice = dispatched(desk12)  # BLK-2026-0001, Bulungan's 2.000, dispatched
    _ask(desk12, MALINAU, "Malinau", "1.000", 400)  # BLK-2026-0002, Malinau's, approved, not dispatched
    before = _states(desk12)
    ledger = desk12.db().execute("select count(*) from ledger_entries").fetchone()[0]
    mid, _ = desk12.send(MALINAU, "Re: " + notice.subject, "Blangko 2.000 keping sudah kami terima dengan baik pak.",
                         in_reply_to=notice.message_id)
    assert _states(desk12) == before
    assert desk12.db().execute("select count(*) from ledger_entries").fetchone()[0] == ledger  # nothing booked
    assert _queued(desk12, mid) == {"other_districts_request"}


def test_naming_ones_own_request_beside_anothers_still_cancels_ones_own(desk12: Desk12) -> None:
    _ask(desk12, TARAKAN, "Tarakan", "1.500", 300)  # BLK-2026-0001
    _ask(desk12, MALINAU, "Malinau", "1.000", 400)  # BLK-2026-0002
    mid, _ = desk12.send(TARAKAN, "Pembatalan", "Mohon permohonan kami BLK-2026-0001 dibatalkan (bukan BLK-2026-0002).")
    # approved already: the cancellation of its own request goes to a person as such
    assert _queued(desk12, mid) == {"cancellation"}
    assert _states(desk12)["BLK-2026-0002"][0] != "cancelled"



@pytest.mark.parametrize("words", [
    "Maaf pak ralat jadi 1.500 keping ya.",
    "Koreksi pak, yang benar 800 keping, bukan 2.000.",
    "Correction: it should be 1,200 blanks.",
    "Koreksi pak, jumlah yang kami mohon sebenarnya 2.900 keping, sisa stok 90.",
    "Mohon maaf pak, koreksi: permohonan kami 3.000 keping dengan sisa stok 200 keping.",
    "Ralat: stok kami tinggal 150, jadi mohon dikirim 2.500 keping.",
], ids=["ralat-jadi", "koreksi-yang-benar", "english-correction", "figure-and-stock", "permohonan-dengan-stok",
        "stok-lalu-jumlah"])
def test_a_correction_written_in_another_districts_thread_changes_nothing_and_opens_nothing(
        desk12: Desk12, words: str) -> None:
    reply = approved(desk12, sender=NUNUKAN)  # BLK-2026-0001, Nunukan's 2.000, approved; Tarakan has none
    before = _states(desk12)
    mid, outcome = send_answer(desk12, TARAKAN, reply, words, above=GMAIL)
    # was: a new request of Tarakan's opened with the figure, held for the managers, "telah kami terima"
    assert _states(desk12) == before, outcome
    assert _queued(desk12, mid) == {"other_districts_request"}
    [told] = desk12.replies_to(mid)
    assert told.to == [TARAKAN] and NOTICE in told.text and "Petugas kami akan memeriksanya" in told.text
    assert "DITINJAU" not in told.text and "BLK-2026-0001" not in told.text


@pytest.mark.parametrize("words", [
    REQUEST.format(stock=400, asked="1.500", name="Tarakan"),
    "Selamat pagi pak, kami dari Tarakan juga mohon dikirim blangko KTP-el 1.500 keping, sisa stok kami 400 keping.",
], ids=["formal-letter", "short-note"])
@pytest.mark.parametrize("held", [False, True], ids=["other-approved", "other-held"])
def test_a_new_request_written_in_another_districts_thread_is_the_senders_own(desk12: Desk12, words: str,
                                                                             held: bool) -> None:
    if held:
        nunukan, _ = desk12.send(NUNUKAN, "Permohonan blangko KTP-el", REQUEST.format(stock=300, asked="3.500",
                                                                                       name="Nunukan"))
        [answer] = desk12.replies_to(nunukan)
    else:
        answer = approved(desk12, sender=NUNUKAN)  # BLK-2026-0001, Nunukan's
    before = _states(desk12)
    mid, outcome = send_answer(desk12, TARAKAN, answer, words, above=GMAIL)
    after = _states(desk12)
    assert after.pop("BLK-2026-0002") == ("approved", 1500), outcome  # Tarakan's own request, its own reference
    assert after == before  # Nunukan's request as it was
    tarakan = desk12.db().execute("select district, sender from requests where reference = 'BLK-2026-0002'").fetchone()
    assert tuple(tarakan) == ("65.71", TARAKAN)
    [told] = desk12.replies_to(mid)
    assert told.to == [TARAKAN] and "[BLK-2026-0002]" in told.subject and "BLK-2026-0001" not in told.subject
    assert "BLK-2026-0001" not in told.text and "Nunukan" not in told.text
    assert "other_districts_request" not in desk12.queue(mid)
