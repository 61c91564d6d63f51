"""Conversations on the real SQLite desk in process, every message written fresh: our question answered days
later in a new mail written in Javanese."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import TARAKAN, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


# our question answered in a new mail in Javanese ------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "Nyuwun sewu pak, badhe nanggapi email panjenengan kala wingi. Blangko KTP-el ingkang kami suwun 1.200 keping, "
    "stok kantun 300.",
    "Sugeng enjing Bu,\nmangsuli email panjenengan dinten Senin, blangko KTP-el ingkang kami nedhi 1.200 keping. "
    "Stok kantun 300 keping.\nMatur nuwun",
], ids=["nanggapi_suwun", "mangsuli_nedhi"])
def test_a_javanese_answer_in_a_new_mail_completes_the_request_asked_back(desk12: Desk12, words: str) -> None:
    _, outcome = desk12.send(TARAKAN, "Permohonan blangko", "Kami mohon kiriman blangko KTP-el, persediaan kami "
                             "sudah menipis.\n", date="Mon, 30 Nov 2026 09:00:00 +0800")
    assert outcome == {"request-clarify": 1}, outcome
    mid, outcome = desk12.send(TARAKAN, "Jumlah blangko", f"{words}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: read as a daily report (stock 300); the request stayed asked back and the district got no reply
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1, outcome
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"]) == (1200, 300) and req["state"] != "clarifying", dict(req)
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "tersendiri" not in flat(told.text), told.text

