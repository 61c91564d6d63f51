"""A receipt written above Outlook's quote of the dispatch mail cut short (its header block, then only the first
lines of the mail): booked as a receipt, in the request's thread or by the reference its subject keeps, never left
for a person to read."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12, dispatched

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

HEADERS = {
    "original_message": "-----Original Message-----\nFrom: {desk}\nSent: Thursday, December 3, 2026 9:00 AM\n"
                        "To: {to}\nSubject: {subject}\n",
    "pesan_asli": "-----Pesan Asli-----\nDari: {desk}\nDikirim: Kamis, 3 Desember 2026 09.00\nKepada: {to}\n"
                  "Perihal: {subject}\n",
    "header_block": "From: {desk}\nSent: Thursday, December 3, 2026 9:00 AM\nTo: {to}\nSubject: {subject}\n",
}


@pytest.mark.parametrize("threaded", [True, False], ids=["in_reply_to", "subject_only"])
@pytest.mark.parametrize("style", list(HEADERS))
def test_a_receipt_above_a_trimmed_outlook_quote_is_booked(desk12: Desk12, style: str, threaded: bool) -> None:
    notice = dispatched(desk12)
    on_hand = desk12.on_hand()
    first_lines = "\n".join(notice.text.splitlines()[:5])  # the greeting and the line saying 2.000 left
    quote = HEADERS[style].format(desk=notice.msg["From"], to=BULUNGAN, subject=notice.subject)
    mid, outcome = desk12.send(BULUNGAN, "RE: " + notice.subject,
                               f"Blangko sudah kami terima 2.000 keping, terima kasih.\n\n{quote}\n{first_lines}\n",
                               in_reply_to=notice.message_id if threaded else None)
    assert outcome == {"receipt": 1}, (outcome, desk12.queue(mid))
    assert desk12.request()["state"] == "received" and desk12.queue(mid) == set()
    assert desk12.on_hand() == on_hand + 2000
