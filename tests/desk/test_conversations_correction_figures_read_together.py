"""A correction in a request's thread whose figures are read together and may be one figure or two ("seribu, 300
keping"), on the real SQLite desk in process, every message written fresh: never taken; the district is asked which
figure it means, as a new request's would be, and the request stays as it was."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, approved, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Pak, mohon jumlahnya diganti jadi dua ribu, 400 keping ya.",
    "ralat bu, yang kami mohon sebenarnya seribu, 800 keping",
], ids=["dua_ribu_400", "seribu_800"])
def test_a_correction_with_figures_read_together_is_asked_back(desk12: Desk12, words: str) -> None:
    reply = approved(desk12)
    mid, outcome = answer_gmail(desk12, reply, words)
    req = desk12.request()
    assert (req["requested"], req["state"]) == (2000, "approved"), outcome
    [asked] = desk12.replies_to(mid)
    # was: the generic "akan dibaca serta ditindaklanjuti langsung oleh petugas kami"
    assert "lebih dari satu angka" in flat(asked.text) and "[BLK-2026-0001]" in asked.subject, asked.text
