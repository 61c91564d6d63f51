"""A district's mail in a request's thread with a figure the desk could not act on (an estimate, "nanti sy pastikan lg
angkanya") waits for a person; the district's later mail that gives that figure exactly and changes the request
settles it, and its queue item is closed saying by which mail. A mail on another matter stays open."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, approved

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

ESTIMATE = ("Pak mohon maaf ralat, stok kami bukan 750 pak, masih ada kurang lebih 350an keping, nanti sy pastikan lg "
            "angkanya.\n\nRudi")
EXACT = "Sdh sy hitung pak, sisa stok blangko kami 342 keping, bukan 750.\n\nRudi"


def _resolution(d: Desk12, message_id: str) -> str | None:
    return d.db().execute("select a.resolution from attention_items a join messages m on m.id = a.message_pk "
                          "where m.message_id = ?", (message_id,)).fetchone()[0]


def test_an_estimate_is_settled_by_the_exact_figure_after_it(desk12: Desk12) -> None:
    reply = approved(desk12)  # Bulungan: sisa 750, asks 2.000
    estimate, _ = answer_gmail(desk12, reply, ESTIMATE)
    assert desk12.queue(estimate) == {"other"}, desk12.queue(estimate)
    later, _ = answer_gmail(desk12, reply, EXACT)
    assert desk12.request()["stock_on_hand"] == 342
    # was: the request updated, the estimate's item left open for a person after the district settled it itself
    assert not desk12.queue(estimate)
    resolution = _resolution(desk12, estimate)
    assert resolution is not None and resolution.startswith("diselesaikan oleh email berikutnya #"), resolution
    assert "sisa stok: 750 menjadi 342" in resolution, resolution


def test_a_mail_on_another_matter_is_not_settled_by_a_new_stock(desk12: Desk12) -> None:
    reply = approved(desk12)
    other, _ = answer_gmail(desk12, reply, "Pak, mohon BA serah terimanya nanti ikut dikirim ya.\n\nRudi")
    assert desk12.queue(other) == {"other"}, desk12.queue(other)
    answer_gmail(desk12, reply, EXACT)
    assert desk12.request()["stock_on_hand"] == 342
    assert desk12.queue(other) == {"other"}
