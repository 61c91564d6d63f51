"""A district's polite question after its request still waiting for the managers, on the real SQLite desk in process
("Izin menanyakan permohonan kami", "permohonan kami bagaimana ya pak?", "izin bertanya perkembangan usulan kami",
the figure asked restated in it): a reminder as the reminding words are, the managers told how long it has waited
and the district where its request stands; never a plea against a decision no one made yet, nor only a question for
the queue."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_reply, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Izin menanyakan permohonan kami",
    "Selamat siang pak, izin bertanya tentang permohonan blangko KTP-el kami.",
    "Izin menanyakan, permohonan kami bagaimana ya pak?",
    "Mohon izin menanyakan permohonan blangko KTP-el kami sebanyak 6.000 keping.",
    "Selamat pagi bu, mohon izin bertanya perkembangan permohonan blangko kami. Terima kasih",
    "mau tanya progres pengajuan kami pak",
], ids=["izin-menanyakan", "izin-bertanya-tentang", "bagaimana-after-the-request", "figure-restated",
        "bertanya-perkembangan", "tanya-progres"])
def test_a_status_question_on_a_held_request_is_a_reminder(desk12: Desk12, words: str) -> None:
    _, reply = held_reply(desk12)  # BLK-2026-0001, Nunukan's 6.000, waiting for the managers
    n, held_notices = len(desk12.out()), len([o for o in desk12.out() if o.purpose.startswith("held:")])
    mid, outcome = send_answer(desk12, NUNUKAN, reply, words, above=GMAIL)
    assert outcome == {"reminder": 1}, outcome
    assert desk12.queue(mid) == {"reminder"}
    request = desk12.request()
    assert (request["state"], request["requested"]) == ("held", 6000)
    [managers] = [o for o in desk12.out()[n:] if set(MANAGERS) <= set(o.to)]
    assert managers.purpose.startswith("reminder:") and "Lama menunggu" in flat(managers.text), managers.text
    assert len([o for o in desk12.out() if o.purpose.startswith("held:")]) == held_notices  # no appeal notice
    [told] = desk12.replies_to(mid)
    assert told.to == [NUNUKAN] and "sedang ditinjau oleh pimpinan" in flat(told.text), told.text
    assert "dipertimbangkan kembali" not in flat(told.text)
