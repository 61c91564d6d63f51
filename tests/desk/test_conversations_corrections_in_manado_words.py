"""A correction of the asked figure written in Manado Malay ("bukang 700 mar 1.100", = "bukan 700 tetapi 1.100"),
answering the desk's approval in its thread, on the real SQLite desk in process, every message written fresh: it
changes the request as its Indonesian form does."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, send_request

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Pak, minta maaf torang salah tulis. Bukang 700 mar 1.100 keping yang torang minta. Makase.",
    "Ibu, tadi kita salah tulis: yang torang minta bukang 700 keping, mar 1.100 keping. Makase banyak.",
    "Pak, ralat dang: bukang 700 mar so 1.100 keping. Makase.",
], ids=["bukang_mar", "bukang_keping_mar", "ralat_mar_so"])
def test_a_manado_correction_of_the_asked_figure_is_applied(desk12: Desk12, words: str) -> None:
    reply = send_request(desk12, "2.500", "700")
    assert desk12.request()["requested"] == 700
    mid, outcome = answer_gmail(desk12, reply, words)
    # was: "a figure still in doubt" in the queue and a generic acknowledgement; the request left at 700
    assert desk12.request()["requested"] == 1100, (outcome, desk12.queue(mid))
    assert "doubt" not in desk12.queue(mid)
