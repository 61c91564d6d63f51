"""The same request sent again on the real SQLite desk in process, every message written fresh: forwarded from the
district's own mail by a client whose forward prefix is in another language (Outlook's Indonesian "TR:", German
"WG:"), or under the subject with a copy's number after it ("(2)"): recorded once, never a second request."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import TARAKAN, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

SUBJECT = "Usulan blangko KTP-el Des 2026"
LETTER = ("Yth. Kepala Dinas\n\nDengan hormat,\nKami mohon dikirimkan blangko KTP-el sebanyak 1.300 keping, sisa "
          "persediaan kami 900 keping.\n\nHormat kami,\nKepala Bidang PIAK\n")
OUTLOOK = ("{words}\n\n________________________________\nDari: Disdukcapil Kota Tarakan <{sender}>\nDikirim: Rabu, "
           "02 Desember 2026 08.02\nKepada: blangko@disdukcapil.kaltaraprov.example\nPerihal: {subject}\n\n{letter}")


@pytest.mark.parametrize(("again", "body"), [
    ("TR: " + SUBJECT, OUTLOOK.format(words="Mohon maaf pak, kami teruskan lagi email kami pagi tadi, takutnya belum "
                                            "masuk di sistem.", sender=TARAKAN, subject=SUBJECT, letter=LETTER)),
    ("WG: " + SUBJECT, OUTLOOK.format(words="Pak, ini email kami tadi, kami teruskan ulang.", sender=TARAKAN,
                                      subject=SUBJECT, letter=LETTER)),
    (SUBJECT + " (2)", "maaf pak sy krm lg ya, td sinyal jelek kyknya gagal terkirim\n\n" + LETTER
     + "\nDikirim dari Galaxy Note\n"),
    (SUBJECT + " [3]", "Pak, ini email yang sama, tadi sepertinya tidak terkirim.\n\n" + LETTER),
], ids=["outlook_tr_forward", "wg_forward", "copy_number", "copy_number_in_brackets"])
def test_a_request_forwarded_again_or_numbered_as_a_copy_is_recorded_once(desk12: Desk12, again: str,
                                                                          body: str) -> None:
    _, outcome = desk12.send(TARAKAN, SUBJECT, LETTER)
    assert outcome == {"request-approved": 1}, outcome
    mid, outcome = desk12.send(TARAKAN, again, body)
    # was: a second reference, linked, "permohonan tersendiri"; a person had to reject the copy
    assert outcome == {"repeated-request": 1}, outcome
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "tersendiri" not in flat(told.text), told.text


def test_a_prefix_before_a_subject_of_its_own_words_is_no_forward_of_the_request(desk12: Desk12) -> None:
    desk12.send(TARAKAN, SUBJECT, LETTER)
    # the figures written in the new text, no forwarded mail: "Urgent:" says nothing of a copy
    _, outcome = desk12.send(TARAKAN, "Urgent: " + SUBJECT, LETTER)
    assert outcome != {"repeated-request": 1}, outcome
