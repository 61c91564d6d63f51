"""A district protesting a part approval in a longer sentence, the part quoted as lasting only a short while ("2.000
hanya cukup seminggu") or as too few with the least it needs ("2rb itu kurang, minimal 3rb"), on the real SQLite desk
in process: an appeal with the figure it asks, the managers told, the approval held back from dispatch."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, part_approved, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "above", "asked"), [
    ("Maaf pak, kami tetap perlu 3.500 keping seperti pengajuan awal, sebab 2.000 cuma cukup buat 10 hari.", "",
     "3.500"),
    ("Bu, 2rb keping itu kurang. Minimal 2.800 keping ya bu supaya perekaman tidak terhenti.", "", "2.800"),
    ("jumlah 2.000 td msh kurang pak. minimal 3rb lah", GMAIL, "3.000"),
], ids=["only_lasts_ten_days", "too_few_least_needed", "phone_too_few_least_needed"])
def test_a_part_approval_protested_with_a_figure_goes_to_the_managers(
        desk12: Desk12, words: str, above: str, asked: str) -> None:
    told = part_approved(desk12)
    to_managers = len(desk12.to_managers())
    mid, outcome = send_answer(desk12, NUNUKAN, told, words, above=above)
    # was: only "akan dibaca serta ditindaklanjuti langsung oleh petugas kami", the approval left to be dispatched
    assert desk12.request()["state"] == "held", (outcome, desk12.queue(mid))
    [waiting] = [o for o in desk12.to_managers()[to_managers:] if "Menunggu keputusan" in o.subject]
    assert f"Dimohon : {asked} keping" in flat(waiting.text), waiting.text
    assert "2.000 keping" in flat(waiting.text) and "tangguhkan" in flat(waiting.text), waiting.text
    [reply] = desk12.replies_to(mid)
    assert "DITINJAU" in reply.text and "tangguhkan" in flat(reply.text), reply.text


def test_the_part_said_enough_for_now_keeps_the_approval(desk12: Desk12) -> None:
    told = part_approved(desk12)
    to_managers = len(desk12.to_managers())
    _, outcome = send_answer(desk12, NUNUKAN, told, "Baik pak, 2.000 cukup untuk sementara. Terima kasih.")
    request = desk12.request()
    assert (request["state"], request["approved"]) == ("approved", 2000), outcome
    assert not desk12.to_managers()[to_managers:]
