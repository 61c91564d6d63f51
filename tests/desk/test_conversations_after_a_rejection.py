"""A district answering a person's rejection in its thread: a lower ask is a new request the managers decide with
the rejection beside it (never approved over it by the system), and an appeal in its own words goes to them."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.store import repo
from tests.desk.desk12 import MALINAU, REQUEST, Desk12, Out, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

WHY = "stok provinsi sedang diprioritaskan untuk daerah perbatasan; mohon ajukan kembali bulan depan"


def _rejected(d: Desk12) -> Out:
    """Malinau asks 1.200 on a stock of 900, approved, then rejected by the operator; the rejection mail."""
    mid, _ = d.send(MALINAU, "Permohonan blangko KTP-el", REQUEST.format(stock="900", asked="1.200", name="Malinau"))
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.reject(session, d.desk, req, WHY, actor="operator", via="cli")
    [rejection] = [o for o in d.replies_to(mid) if "TIDAK DAPAT KAMI SETUJUI" in o.text]
    return rejection


def _answer(d: Desk12, rejection: Out, words: str) -> tuple[str, dict[str, int]]:
    quoted = "\n".join(f"> {line}" for line in rejection.text.splitlines())
    return d.send(MALINAU, "Re: " + rejection.subject, f"{words}\n\n{quoted}\n", in_reply_to=rejection.message_id)


@pytest.mark.parametrize("words", [
    "Baik pak, kalau kaya itu kami minta 600 keping haja dulu gin, sisa stok kami wayah ini 150 keping.",
    "Baik pak, kalau begitu kami ajukan 500 keping saja dulu, sisa stok kami sekarang 150 keping.",
])
def test_a_lower_ask_after_a_rejection_waits_for_the_managers(desk12: Desk12, words: str) -> None:
    rejection = _rejected(desk12)
    told_before = len(desk12.to_managers())
    mid, outcome = _answer(desk12, rejection, words)
    new = desk12.request("BLK-2026-0002")
    # was: approved by the system minutes after the rejection, the managers never told
    assert new is not None and new["state"] == "held", outcome
    assert desk12.request()["state"] == "rejected"
    [notice] = [o for o in desk12.to_managers()[told_before:] if "BLK-2026-0002" in o.subject]
    assert "ditolak" in flat(notice.text) and "daerah perbatasan" in flat(notice.text)
    [told] = desk12.replies_to(mid)
    assert "DISETUJUI" not in told.text


@pytest.mark.parametrize("words", [
    "Assalamualaikum pak, mohon kiranya permohonan kami ditimbang pulang. Stok kami wayah ini tinggal 150 keping "
    "haja, warga nang handak rekam banyak banar di kecamatan.",
    "Dear Sir, with respect, could the province please reconsider this? We are down to 120 blanks and the village "
    "registration drive starts next Monday.",
    "Mohon maaf pak, apakah keputusan ini masih bisa ditinjau lagi? Blangko kami tinggal 100 keping.",
])
def test_an_appeal_of_a_rejection_goes_to_the_managers(desk12: Desk12, words: str) -> None:
    rejection = _rejected(desk12)
    told_before = len(desk12.to_managers())
    mid, outcome = _answer(desk12, rejection, words)
    # was: the generic acknowledgement, a queue item as a question, no manager told
    assert outcome == {"follow-up-appealed": 1}
    assert "appeal" in desk12.queue(mid)
    assert [o for o in desk12.to_managers()[told_before:] if "BLK-2026-0001" in o.subject]
    assert desk12.request()["state"] == "rejected" and desk12.request("BLK-2026-0002") is None
