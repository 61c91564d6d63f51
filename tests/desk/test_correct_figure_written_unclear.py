"""A person's `mailbot correct` of a figure the district wrote but the reading left in doubt ("1.800, 350"): the
district is told the figure was unclear before, never that it was not stated."""

from __future__ import annotations

import pytest

from mailbot import corrections
from tests.desk.desk12 import BULUNGAN, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _correct(d: Desk12, message_id: str, fields: list[str]) -> None:
    with d.desk.sessions.begin() as session:
        pk = d.db().execute("select id from messages where message_id = ?", (message_id,)).fetchone()[0]
        parsed = corrections.parse_fields(fields, maximum=d.desk.config.stock.max_quantity_per_movement)
        corrections.correct(session, d.desk, pk, parsed, actor="Operator Blangko", reason="dibaca petugas")


@pytest.mark.parametrize(("body", "before"), [
    ("Dengan hormat, mohon dikirim blangko KTP-el 1.800, 350 keping. Sisa stok kami 200 keping.\nTerima kasih",
     "sebelumnya tertulis kurang jelas"),
    ("Dengan hormat, mohon tambahan blangko KTP-el. Sisa stok kami 200 keping.\nTerima kasih",
     "sebelumnya belum disebutkan"),
], ids=["written_unclear", "not_written"])
def test_the_figure_corrected_says_whether_it_was_unclear_or_missing(desk12: Desk12, body: str,
                                                                      before: str) -> None:
    mid, outcome = desk12.send(BULUNGAN, "Permohonan blangko KTP-el", body)
    assert outcome == {"request-clarify": 1}, outcome
    assert desk12.request()["requested"] is None
    count = len(desk12.out())
    _correct(desk12, mid, ["requested=2.150"])
    assert desk12.request()["requested"] == 2150
    [told] = [o for o in desk12.out()[count:] if o.to == [BULUNGAN]]
    text = flat(told.text)
    assert f"2.150 keping ({before})" in text, told.text
