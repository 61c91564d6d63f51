"""Conversations that went wrong in an outside test (i12aj), on the real SQLite desk in process over the Maildir
defaults, every message written fresh: cancellations in Banjar or restating the request's own figure; a request
asked with "mintakan kirimi"; a receipt with a stock correction beside it; reminders sent as new mails in English and
Banjar; and the lows (English thanks, thousands dots in the queue, undecodable subjects, another district's
reference, the appeal's arithmetic, a stale personal-address decision)."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import (
    BULUNGAN,
    Desk12,
    answer_gmail,
    flat,
    send_request,
)
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _partly(d: Desk12):
    """Bulungan asks 3.800 (sisa 600), approved in part."""
    reply = send_request(d, "600", "3.800")
    assert d.request()["state"] == "approved" and d.request()["approved"] < 3800, dict(d.request())
    return reply


# H-3 / M-6. a cancellation in Banjar or restating the request's own figure is a cancellation -----------------

@pytest.mark.parametrize("words", [
    "Pak, usulan kami nang 3.800 tu kada usah diproses lagi, urung haja, sudah dapat pinjaman blangko dari Tarakan.\nTrims",
    "Dengan hormat, permohonan kami sebanyak 3.800 keping mohon dibatalkan, karena sudah mendapat pinjaman dari Kota "
    "Tarakan. Terima kasih.",
    "Pak, usulan kami nang 3.800 tu kada usah dikirim lagi lah.",
    "Pak, permintaan 3.800 keping kemarin urung haja, kada usah diproses.",
    "Mohon permohonan 3.800 keping tersebut dibatalkan saja pak, stok sudah tercukupi dari pusat.",
], ids=["urung_haja", "mohon_dibatalkan", "kada_usah_dikirim", "urung_own", "dibatalkan_own"])
def test_a_cancellation_of_an_approved_request_warns_before_dispatch(desk12: Desk12, words: str) -> None:
    reply = _partly(desk12)
    approved = desk12.request()["approved"]
    mid, outcome = answer_gmail(desk12, reply, words)
    # was: an appeal for 3.800 (the approval set aside), or "cancellation with a new figure" with no warning
    assert outcome == {"follow-up-cancel-asked": 1}, (outcome, desk12.queue(mid))
    assert desk12.request()["approved"] == approved and desk12.request()["state"] == "approved"
    assert desk12.queue(mid) == {"cancellation"}
    warned = [o for o in desk12.to_managers() if "jangan dikirim" in flat(o.text)]
    assert warned, [o.subject for o in desk12.to_managers()]
