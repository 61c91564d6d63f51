"""`mailbot correct MSG kind=other` on the message of a request that waits for the managers: the request is
withdrawn, and the managers, who were asked to decide it, are told once that it no longer waits for them (as
for a decision by hand), in the desk officer's name, never the login name."""

from __future__ import annotations

import pytest

from mailbot import corrections
from tests.desk.desk12 import Desk12, flat, held_reply

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _correct(d: Desk12, pk: int) -> tuple[str, ...]:
    with d.desk.sessions.begin() as session:
        return tuple(corrections.correct(session, d.desk, pk, {"kind": "other"}, actor="cli:root",
                                         reason="undangan rapat, bukan permohonan").effects)


def test_a_held_request_withdrawn_by_a_correction_tells_the_managers_once(desk12: Desk12) -> None:
    mid, _ = held_reply(desk12)
    [pk] = desk12.db().execute("select id from messages where message_id = ?", (mid,)).fetchone()
    told_before = len(desk12.to_managers())
    effects = _correct(desk12, pk)
    assert any("closed as no request" in e for e in effects), effects
    assert desk12.request()["state"] == "withdrawn"
    [notice] = desk12.to_managers()[told_before:]
    said = flat(notice.text)
    assert "BLK-2026-0001" in notice.subject and "TIDAK LAGI menunggu keputusan Bapak/Ibu" in said, said
    assert ("diputuskan langsung oleh petugas meja layanan blangko, yaitu DITUTUP karena email yang dicatat sebagai "
            "permohonan ternyata bukan permohonan.") in said, said
    assert "Alasan yang dicatat: undangan rapat, bukan permohonan." in said, said
    assert "root" not in said and "usulan sistem" not in said
    _correct(desk12, pk)  # the same correction again: the managers are not told twice
    assert len(desk12.to_managers()) == told_before + 1
