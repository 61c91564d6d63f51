"""A district's request first sent from an address on none of its lists (a staff member's own mailbox) waits for the
managers; the district's office then forwards that same mail from its registered address ("Fwd:", "mohon
diproses"). One request stands, the office's: the unverified one is closed as superseded by it and linked to it,
the office's reply says which reference stands, and the managers hear once that the first no longer waits for them.
(Was: the forward approved as a new request while the first stayed held, two open requests for one need.)"""

from __future__ import annotations

import re

import pytest

from mailbot.watch import build_digest
from tests.desk.desk12 import BULUNGAN, GMAIL, REQUEST, Desk12, flat, send_answer
from tests.desk.mailkit import MANAGERS, OFFICE

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

WRITER = "rina.capil.blg@gmail.example"
SUBJECT = "Permohonan tambahan blangko KTP-el"
LETTER = REQUEST.format(stock="600", asked="2.000", name="Bulungan")
FORWARD = ("Mohon diproses pak, permohonan kami kemarin terkirim dari email pribadi staf kami.\n\n"
           "---------- Forwarded message ---------\nFrom: Rina <{writer}>\nDate: Tue, Dec 1, 2026 at 8:00 AM\n"
           "Subject: {subject}\nTo: <{office}>\n\n{letter}")


def _forwarded(desk12: Desk12) -> tuple[str, dict[str, int]]:
    """The writer's request held, then the office's forward of it."""
    desk12.send(WRITER, SUBJECT, LETTER, date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert desk12.request()["state"] == "held"
    return desk12.send(BULUNGAN, "Fwd: " + SUBJECT,
                       FORWARD.format(writer=WRITER, subject=SUBJECT, office=OFFICE, letter=LETTER))


def test_the_offices_forward_supersedes_the_unverified_request(desk12: Desk12) -> None:
    mid, outcome = _forwarded(desk12)
    assert outcome == {"request-approved": 1}, outcome
    rows = [tuple(r) for r in desk12.db().execute(
        "select reference, state, approved, linked_to, sender from requests order by id")]
    assert rows == [("BLK-2026-0001", "superseded", None, 2, WRITER),
                    ("BLK-2026-0002", "approved", 2000, None, BULUNGAN)], rows
    # the office's reply names the reference that stands and the one it replaces
    [reply] = desk12.replies_to(mid)
    assert reply.to == [BULUNGAN] and "[BLK-2026-0002]" in reply.subject, (reply.to, reply.subject)
    text = flat(reply.text)
    assert "DISETUJUI sebanyak 2.000 keping" in text, text
    assert ("Permohonan ini kami catat dengan nomor rujukan BLK-2026-0002 dan menggantikan permohonan BLK-2026-0001 "
            f"yang sebelumnya dikirim dari alamat {WRITER}, yang tidak terdaftar sebagai alamat email resmi. "
            "Permohonan BLK-2026-0001 telah kami tutup; yang berlaku hanya permohonan BLK-2026-0002.") in text, text
    # and so does its HTML part, which most mail clients show
    html = reply.msg.get_body(("html",))
    assert html is not None
    shown = flat(re.sub(r"<[^>]+>", "", html.get_content()))
    assert ("Permohonan ini kami catat dengan nomor rujukan BLK-2026-0002 dan menggantikan permohonan BLK-2026-0001 "
            f"yang sebelumnya dikirim dari alamat {WRITER}") in shown, shown
    assert "terpisah dari permohonan" not in shown, shown
    # the managers, asked to decide BLK-2026-0001, hear once that it no longer waits for them
    [notice] = [o for o in desk12.to_managers() if o.purpose.startswith("superseded:")]
    assert notice.subject == "[BLK-2026-0001] Tidak lagi menunggu keputusan: digantikan oleh BLK-2026-0002"
    said = flat(notice.text)
    assert ("Permohonan BLK-2026-0001 (Kabupaten Bulungan, blangko KTP-el sebanyak 2.000 keping) dari alamat "
            f"{WRITER}, yang tidak terdaftar sebagai alamat email resmi Kabupaten Bulungan, TIDAK LAGI menunggu "
            "keputusan Bapak/Ibu.") in said, said
    assert (f"diteruskan dari alamat email resmi Kabupaten Bulungan ({BULUNGAN}) dan kami catat dengan nomor rujukan "
            "BLK-2026-0002, yang telah DISETUJUI sebanyak 2.000 keping.") in said, said
    # nothing of BLK-2026-0001 is left for anyone: its queue items are closed
    assert desk12.db().execute("select count(*) from attention_items a join requests r on r.id = a.request_pk "
                               "where r.reference = 'BLK-2026-0001' and a.closed_at is null").fetchone()[0] == 0


def test_a_managers_setuju_on_the_superseded_request_changes_nothing(desk12: Desk12) -> None:
    _forwarded(desk12)
    [held] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    answer, _ = send_answer(desk12, MANAGERS[0], held, "SETUJU", above=GMAIL)
    assert desk12.request()["state"] == "superseded"
    assert desk12.request("BLK-2026-0002")["approved"] == 2000
    assert desk12.db().execute("select count(*) from requests where state in ('approved', 'held')").fetchone()[0] == 1
    [refused] = desk12.replies_to(answer)
    assert ("digantikan oleh permohonan BLK-2026-0002, yaitu permohonan yang sama yang diteruskan dari alamat email "
            "resmi") in flat(refused.text)


def test_the_digest_says_the_superseded_request_was_replaced_in_indonesian(desk12: Desk12) -> None:
    _forwarded(desk12)
    _, text, _ = build_digest(desk12.desk)
    lines = [line for line in text.splitlines() if "BLK-2026-0001" in line]
    assert lines and all("supersede" not in line for line in lines), lines
    assert any("digantikan oleh permohonan dari alamat resmi kabupaten/kota" in line for line in lines), lines
