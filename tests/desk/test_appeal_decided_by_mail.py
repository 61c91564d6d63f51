"""An appeal of a rejected request, on the real SQLite desk in process over the Maildir defaults, every message
written fresh: the district is told the managers' decision will come by email, and it does: a manager's
SETUJU <jumlah> on the appeal notice grants it (the request approved, the district told by whom), a TOLAK <alasan>
declines it (the request stays rejected, the district told why)."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, Desk12, appealed_rejection, flat, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_managers_setuju_on_the_appeal_notice_grants_it(desk12: Desk12) -> None:
    notice = appealed_rejection(desk12)
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, MANAGERS[0], notice, "SETUJU 2.000")
    # was: refused ("sudah DITOLAK sebelumnya"), and the district never heard anything
    assert outcome == {"manager-approve": 1}
    req = desk12.request()
    assert (req["state"], req["approved"]) == ("approved", 2000)
    new = desk12.out()[n:]
    [district] = [o for o in new if NUNUKAN in o.to]
    text = flat(district.text)
    assert "[BLK-2026-0001]" in district.subject
    assert "dipertimbangkan kembali" in text and "2.000 keping" in text and MANAGERS[0] in text
    assert "Penolakan sebelumnya tidak berlaku lagi" in text
    [confirm] = [o for o in new if o.to == [MANAGERS[0]]]
    assert "DISETUJUI" in confirm.text
    assert desk12.db().execute("select count(*) from attention_items where reason = 'appeal' "
                               "and closed_at is null").fetchone()[0] == 0


def test_a_managers_tolak_on_the_appeal_notice_tells_the_district(desk12: Desk12) -> None:
    notice = appealed_rejection(desk12)
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], notice, "TOLAK stok provinsi baru datang bulan Januari")
    assert desk12.request()["state"] == "rejected"
    new = desk12.out()[n:]
    [district] = [o for o in new if NUNUKAN in o.to]
    text = flat(district.text)
    assert "tidak dapat dikabulkan" in text and "stok provinsi baru datang bulan Januari" in text
    [confirm] = [o for o in new if o.to == [MANAGERS[0]]]
    assert "DITOLAK" in confirm.text
    assert desk12.db().execute("select count(*) from attention_items where reason = 'appeal' "
                               "and closed_at is null").fetchone()[0] == 0


def test_a_bare_setuju_on_the_appeal_notice_asks_for_the_figure(desk12: Desk12) -> None:
    notice = appealed_rejection(desk12)
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], notice, "SETUJU")
    assert desk12.request()["state"] == "rejected"
    [error] = desk12.out()[n:]
    assert error.to == [MANAGERS[0]] and "SETUJU <jumlah>" in error.text


def test_a_setuju_on_the_appeal_beyond_the_request_waits_for_paksa_and_leaves_it_rejected(desk12: Desk12) -> None:
    notice = appealed_rejection(desk12)
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], notice, "SETUJU 5.000")
    req = desk12.request()
    assert req["state"] == "rejected"
    [error] = desk12.out()[n:]
    assert error.to == [MANAGERS[0]] and "SETUJU 5.000 PAKSA" in error.text
    assert "tidak ada lagi perintah SETUJU atau TOLAK" not in error.text
    assert desk12.db().execute("select count(*) from attention_items where reason = 'appeal' "
                               "and closed_at is null").fetchone()[0] == 1
