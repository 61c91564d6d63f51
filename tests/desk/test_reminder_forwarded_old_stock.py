"""A district forwarding its own earlier request as a reminder ("Mohon ditindaklanjuti"), after it corrected the
request's stock: the stock in the forwarded text is as old as the mail forwarded, never the district's stock now.
The stated stock shown in `status` and the digest stays the correction's, the district is not told the old figure
was recorded, and the managers are not told of it as news; on the real SQLite desk in process."""

from __future__ import annotations

import pytest

from mailbot import stated, watch
from tests.desk.desk12 import BULUNGAN, BULUNGAN_OPERATOR, GMAIL, REQUEST, Desk12, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

FORWARD = """{words}

---------- Forwarded message ---------
Dari: Operator Bulungan <{sender}>
Date: Sel, 1 Des 2026 pukul 08.00
Subject: Permohonan tambahan blangko KTP-el
To: <blangko@disdukcapil.kaltaraprov.example>

{request}"""


@pytest.mark.parametrize("words", ["Mohon ditindaklanjuti pak, terima kasih.",
                                   "Izin mengingatkan kembali permohonan kami di bawah ini pak."])
def test_a_forwarded_old_request_keeps_the_stock_the_district_corrected_later(desk12: Desk12, words: str) -> None:
    request = REQUEST.format(stock=150, asked="3.600", name="Bulungan")
    first, _ = desk12.send(BULUNGAN_OPERATOR, "Permohonan tambahan blangko KTP-el", request,
                           date="Tue, 01 Dec 2026 08:00:00 +0800")
    [reply] = desk12.replies_to(first)
    _, outcome = send_answer(desk12, BULUNGAN_OPERATOR, reply, "Ralat pak, sisa stok kami waktu itu 60 keping, "
                                                               "bukan 150 keping.", above=GMAIL)
    assert desk12.request()["stock_on_hand"] == 60, outcome
    told_before = len(desk12.to_managers())
    mid, outcome = desk12.send(BULUNGAN, "Fwd: Permohonan tambahan blangko KTP-el",
                               FORWARD.format(words=words, sender=BULUNGAN_OPERATOR, request=request),
                               date="Fri, 04 Dec 2026 09:00:00 +0800")
    assert outcome == {"reminder": 1}, outcome
    assert desk12.request()["stock_on_hand"] == 60
    assert desk12.request("BLK-2026-0002") is None
    with desk12.desk.sessions.begin() as session:
        latest = stated.latest(session)[("65.01", "ktp-el")]
        [line] = [s for s in watch.stated_lines(session, desk12.desk) if s["district_name"] == "Kabupaten Bulungan"]
    # was: 150, stated by the reminder, in `status` and the digest
    assert latest.quantity == 60, (latest.quantity, latest.source)
    assert line["quantity_text"] == "60", line
    [told] = desk12.replies_to(mid)
    assert "150" not in flat(told.text), told.text  # was: "Sisa stok 150 keping ... telah kami catat"
    for notice in desk12.to_managers()[told_before:]:
        assert "menurut pengingat ini: 150" not in flat(notice.text), notice.text
