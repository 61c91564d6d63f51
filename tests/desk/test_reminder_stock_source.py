"""A stock a district states in a reminder ("sdh ada keputusan blm ya? Stok kami tinggal 100 keping") is kept as
stated by the reminder, never as a daily report: the digest and `status` label a stock by what it came from; on the
real SQLite desk in process."""

from __future__ import annotations

import pytest

from mailbot import stated, watch
from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, held_for_managers, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_stock_stated_in_a_reminder_is_labelled_by_the_reminder(desk12: Desk12) -> None:
    mid, _ = held_for_managers(desk12)
    [reply] = desk12.replies_to(mid)
    reminder, outcome = send_answer(desk12, NUNUKAN, reply, "Izin pak, permohonan kami yg kmrn sdh ada keputusan blm "
                                                            "ya? Stok kami tinggal 100 keping pak.\n\nYohanes L.\n"
                                                            "Operator SIAK Nunukan", above=GMAIL)
    assert outcome == {"reminder": 1}, outcome
    sources = {r[0] for r in desk12.db().execute(
        "select s.source from stated_stock s join messages m on m.id = s.message_pk where m.message_id = ?",
        (reminder,))}
    assert sources == {"reminder"}, sources  # was: {"reminder", "report"}, the report shown as the latest
    with desk12.desk.sessions.begin() as session:
        latest = stated.latest(session)[("65.03", "ktp-el")]
        [line] = [s for s in watch.stated_lines(session, desk12.desk) if s["district_name"] == "Kabupaten Nunukan"]
    assert (latest.quantity, latest.source) == (100, "reminder")  # `status`: was "report"
    assert (line["quantity_text"], line["source"]) == ("100", "pengingat atau pertanyaan kabupaten/kota"), line
