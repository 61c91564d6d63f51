"""A correction of the asked figure written in Javanese ("sanes 700 nanging 1.100", = "bukan 700 tetapi 1.100"),
answering the desk's approval in its thread, on the real SQLite desk in process, every message written fresh: it
changes the request as its Indonesian form does."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, send_request

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Nuwun sewu pak, wau kulo lepat nyerat. Ingkang dipun suwun sanes 700 nanging 1.100 keping. Matur nuwun.",
    "Pangapunten Bu, kula lepat nulis: sanes 700 keping nanging 1.100 keping. Matur nuwun.",
], ids=["dipun_suwun_sanes_nanging", "lepat_nulis_sanes_nanging"])
def test_a_javanese_correction_of_the_asked_figure_is_applied(desk12: Desk12, words: str) -> None:
    reply = send_request(desk12, "2.500", "700")
    assert desk12.request()["requested"] == 700
    mid, outcome = answer_gmail(desk12, reply, words)
    # was: "a figure still in doubt" in the queue and a generic acknowledgement; the request left at 700
    assert desk12.request()["requested"] == 1100, (outcome, desk12.queue(mid))
    assert "doubt" not in desk12.queue(mid)
