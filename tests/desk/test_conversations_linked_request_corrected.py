"""A correction in the thread of a request linked to the district's open one, on the real SQLite desk in process,
every message written fresh: the linked request's figure changes in place, it still waits for a person beside the
open one, and the district hears what changed under the linked request's reference."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, REQUEST, Desk12, flat, held_for_managers, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_correction_of_a_linked_request_changes_it_and_it_still_waits(desk12: Desk12) -> None:
    held_for_managers(desk12)  # Nunukan's 3.500 (sisa 300) waits for the managers: BLK-2026-0001
    second, outcome = desk12.send(NUNUKAN, "Permohonan blangko KTP-el untuk Kecamatan Sebatik",
                                  REQUEST.format(stock=300, asked="1.000", name="Nunukan"))
    assert desk12.request("BLK-2026-0002")["state"] == "linked", outcome
    [linked] = desk12.replies_to(second)
    mid, outcome = send_answer(desk12, NUNUKAN, linked, "Ralat pak, yang kami mohon untuk Sebatik cukup 700 keping "
                                                        "saja, bukan 1.000 keping.", above=GMAIL)
    request = desk12.request("BLK-2026-0002")
    # was: still 1.000, queued "not applied", the district told only that a person would read it
    assert (request["requested"], request["state"]) == (700, "linked"), outcome
    assert desk12.request()["requested"] == 3500
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "[BLK-2026-0002]" in told.subject, told.subject
    assert "Jumlah yang dimohon: 1.000 keping menjadi 700 keping" in text, told.text
    assert "bersama permohonan BLK-2026-0001" in text, told.text
    assert "menggantikan keputusan sebelumnya" not in text and "akan dibaca" not in text, told.text
    assert desk12.queue(mid) == {"linked_follow_up"}  # the person deciding it reads the change
