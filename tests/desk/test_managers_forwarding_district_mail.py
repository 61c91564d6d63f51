"""A manager forwarding a district's mail to the desk ("Tolong diproses sesuai ketentuan ya"): it waits for a person
under the district the forwarded mail is from, and the manager is told so, never asked for SETUJU or TOLAK."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import MALINAU, NUNUKAN, Desk12, flat
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

GMAIL_FORWARD = ("{words}\n\nSalam,\nKadis\n\n---------- Forwarded message ---------\n"
                 "From: Disdukcapil Malinau <{district}>\nDate: Sun, Dec 6, 2026 at 3:10 PM\n"
                 "Subject: Permohonan blangko KTP-el\nTo: <{manager}>\n\nYth. Bapak Kepala Dinas,\n"
                 "Dengan hormat, kami mohon dikirimi blangko KTP-el 1.000 keping, sisa stok kami 400 keping.\n"
                 "Hormat kami,\nDisdukcapil Malinau\n")
OUTLOOK_FORWARD = ("{words}\n\n-----Original Message-----\nFrom: {district}\nSent: Sunday, December 6, 2026 4:00 PM\n"
                   "To: {manager}\nSubject: laporan blangko\n\nPak Kadis, kami lapor ada 30 keping blangko KTP-el "
                   "yang rusak di gudang kami karena atap bocor. Mohon arahan untuk penggantiannya.\n")


@pytest.mark.parametrize(("subject", "form", "words", "district", "code"), [
    ("Fwd: Permohonan blangko KTP-el Kab. Malinau", GMAIL_FORWARD, "Tolong diproses sesuai ketentuan ya.", MALINAU,
     "65.02"),
    ("FW: laporan blangko rusak Nunukan", OUTLOOK_FORWARD, "Mohon dicek dan dibantu.", NUNUKAN, "65.03"),
    ("Fwd: Permohonan blangko KTP-el", GMAIL_FORWARD, "Pak, ini dari Malinau, mohon ditindaklanjuti.", MALINAU,
     "65.02"),
])
def test_a_managers_forward_waits_for_a_person_under_the_district(desk12: Desk12, subject: str, form: str,
                                                                  words: str, district: str, code: str) -> None:
    manager = MANAGERS[0]
    mid, outcome = desk12.send(manager, subject, form.format(words=words, district=district, manager=manager))
    # was: "manager-other", the district "-" on the queue item, the manager lectured on SETUJU/TOLAK
    assert outcome == {"manager-forward": 1}
    rows = desk12.db().execute("select a.reason, a.district from attention_items a join messages m on "
                               "m.id = a.message_pk where m.message_id = ?", (mid,)).fetchall()
    assert [(r["reason"], r["district"]) for r in rows] == [("manager_forward", code)]
    [told] = desk12.replies_to(mid)
    assert told.to == [manager]
    text = flat(told.text)
    assert "SETUJU" not in text and "TOLAK" not in text
    assert desk12.request() is None  # nothing decided in the district's name from a forward
