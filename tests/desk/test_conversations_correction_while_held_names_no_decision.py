"""A district's correction of a request that still waits for the managers, on the real SQLite desk in process: the
reply says what changed and that the request is under review, never that "the decision below replaces the earlier
one" when no decision follows."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, Desk12, flat, held_reply, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_correction_that_still_waits_for_the_managers_names_no_decision(desk12: Desk12) -> None:
    _, reply = held_reply(desk12)  # Nunukan's 6.000 (sisa 300) waits for the managers
    mid, outcome = send_answer(desk12, NUNUKAN, reply, "Mohon maaf pak, sisa stok kami yang benar 250 keping, bukan "
                                                       "300 keping.")
    assert (desk12.request()["stock_on_hand"], desk12.request()["state"]) == (250, "held"), outcome
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "Sisa stok: 300 keping menjadi 250 keping" in text, told.text
    assert "sedang DITINJAU oleh pimpinan" in text, told.text
    # was: "... keputusan di bawah ini menggantikan keputusan sebelumnya." with no decision under it
    assert "Permohonan tersebut telah kami hitung ulang." in text, told.text
    assert "menggantikan keputusan sebelumnya" not in text, told.text
    html = told.msg.get_body(("html",))
    assert html is not None and "menggantikan keputusan sebelumnya" not in html.get_content()
    assert "\n\n\n" not in told.text, told.text
