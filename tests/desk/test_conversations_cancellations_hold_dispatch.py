"""A district cancelling an approved request in its thread, on the real SQLite desk in process: while a person has
not settled the cancellation, the approval cannot be dispatched; once the queue item is closed it can."""

from __future__ import annotations

import pytest

from mailbot import actions, attention
from mailbot.errors import InvalidAction
from mailbot.store import repo
from tests.desk.desk12 import BULUNGAN, Desk12, approved, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _dispatch(d: Desk12) -> None:
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, d.desk, req, actor="gudang", via="cli")


@pytest.mark.parametrize("words", [
    "Pak, permohonan ini tolong dibatalkan, kami sudah dipinjami 800 keping oleh Kabupaten Malinau.",
    "Mohon maaf, permohonan kami batalkan saja pak, stok ternyata masih cukup.",
], ids=["with_a_loan_figure", "plain"])
def test_an_approval_the_district_cancelled_is_not_dispatched_until_a_person_settles_it(
        desk12: Desk12, words: str) -> None:
    reply = approved(desk12)
    mid, outcome = send_answer(desk12, BULUNGAN, reply, words)
    [item] = [i for i in desk12.db().execute("SELECT id, reason FROM attention_items WHERE closed_at IS NULL")
              if i["reason"].startswith("cancellation")]
    with pytest.raises(InvalidAction, match="cancel"):
        _dispatch(desk12)
    assert desk12.request()["state"] == "approved"
    assert not [o for o in desk12.out() if o.purpose.startswith("dispatched:")]
    with desk12.desk.sessions.begin() as session:
        attention.close(session, desk12.desk, item["id"], actor="kabid", resolution="tetap dikirim, sudah ditelepon")
    _dispatch(desk12)
    assert desk12.request()["state"] == "dispatched"
