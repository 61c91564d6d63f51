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


@pytest.mark.parametrize("words", [
    "ralat pak, jumlahnya seribu, 300 keping ya bukan 700.",
    "mohon diubah jadi dua ribu, 400 keping.",
    "pak ralat ya jd 1 ribu, 200 kpg",
    "Correction pak: please make it one thousand, 300 blanks.",
])
def test_a_correction_to_thousands_a_comma_and_a_smaller_figure_changes_nothing_unasked(desk12: Desk12,
                                                                                      words: str) -> None:
    reply = send_request(desk12, "2.500", "700")
    mid, _ = answer_gmail(desk12, reply, words)
    # was: the figure after the comma taken as the request ("700 keping menjadi 300 keping ... DISETUJUI 300")
    assert desk12.request()["requested"] == 700
    assert all("menjadi" not in m.text for m in desk12.replies_to(mid)) and desk12.replies_to(mid)
