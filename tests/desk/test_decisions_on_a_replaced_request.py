"""A manager answers the held notice of a request that has since been replaced by the same request forwarded from
the district's registered address. Nothing changes; the answer names the request that replaced it and where that
one stands, says any decision belongs to it, and offers no command with the old request's figures."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, NUNUKAN, REQUEST, Desk12, Out, flat, send_answer
from tests.desk.mailkit import MANAGERS, OFFICE

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

STAFF = "yusuf.dukcapil.blg@yahoo.example"
SUBJECT = "Mohon tambahan blangko"
FORWARDED = ("Mohon ditindaklanjuti, surat di bawah dikirim staf kami lewat email pribadinya.\n\n"
             "-----Original Message-----\nFrom: Yusuf <{staff}>\nSent: Tuesday, December 1, 2026 9:15 AM\n"
             "To: {office}\nSubject: {subject}\n\n{letter}")


def _replaced(desk12: Desk12, first: str, forwarded: str, *, office: str = BULUNGAN, name: str = "Bulungan",
              stock: str = "400") -> tuple[Out, dict[str, int]]:
    """The staff member's request (asking *first*) held, then the office forwards it asking *forwarded*: the held
    notice of the first and the outcome of the forward."""
    desk12.send(STAFF, SUBJECT, REQUEST.format(stock=stock, asked=first, name=name),
                date="Tue, 01 Dec 2026 09:15:00 +0800")
    [held] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    letter = REQUEST.format(stock=stock, asked=forwarded, name=name)
    _, outcome = desk12.send(office, "FW: " + SUBJECT,
                             FORWARDED.format(staff=STAFF, office=OFFICE, subject=SUBJECT, letter=letter))
    return held, outcome


def test_a_forced_setuju_on_the_old_notice_names_the_approved_request_that_stands(desk12: Desk12) -> None:
    held, outcome = _replaced(desk12, "2.500", "1.500")
    assert outcome == {"request-approved": 1}, outcome
    answer, _ = send_answer(desk12, MANAGERS[0], held, "SETUJU 2.500 PAKSA stok bulungan kritis", above=GMAIL)
    assert desk12.request()["state"] == "superseded"
    assert desk12.request("BLK-2026-0002")["approved"] == 1500
    [refused] = desk12.replies_to(answer)
    text = flat(refused.text)
    assert ("permohonan BLK-2026-0001 sudah ditutup karena digantikan oleh permohonan BLK-2026-0002, yaitu "
            "permohonan yang sama yang diteruskan dari alamat email resmi kabupaten/kota; permohonan BLK-2026-0002 "
            "sudah DISETUJUI sebanyak 1.500 keping (otomatis oleh sistem sesuai aturan persetujuan).") in text, text
    assert ("Balasan ini tidak mengubah apa pun, dan tidak ada yang perlu diputuskan atas BLK-2026-0001: keputusan "
            "apa pun hanya dapat diberikan atas permohonan BLK-2026-0002.") in text, text
    # no invitation to try again on the old request, with its old figures or any other
    assert "SETUJU 2.500" not in text and "PAKSA <alasan>" not in text and "TOLAK <alasan>" not in text, text
    assert "salah satu baris berikut" not in text, text


def test_a_bare_setuju_on_the_old_notice_points_to_the_held_request_that_replaced_it(desk12: Desk12) -> None:
    held, outcome = _replaced(desk12, "2.500", "3.500", office=NUNUKAN, name="Nunukan", stock="300")
    assert outcome == {"request-held": 1}, outcome
    answer, _ = send_answer(desk12, MANAGERS[1], held, "setuju", above=GMAIL)
    assert [desk12.request(r)["state"] for r in ("BLK-2026-0001", "BLK-2026-0002")] == ["superseded", "held"]
    [refused] = desk12.replies_to(answer)
    text = flat(refused.text)
    assert ("permohonan BLK-2026-0002 menunggu keputusan Bapak/Ibu. Balasan ini tidak mengubah apa pun, dan tidak "
            "ada yang perlu diputuskan atas BLK-2026-0001: mohon berikan keputusan Bapak/Ibu atas permohonan "
            "BLK-2026-0002 dengan membalas email pemberitahuan permohonan BLK-2026-0002.") in text, text
    assert "SETUJU 2.500" not in text and "TOLAK <alasan>" not in text, text


@pytest.mark.parametrize("words", ["Setuju, silakan dikirim.", "Oke lanjutkan saja, nanti sy tanda tangani BAST-nya"])
def test_a_go_ahead_in_words_on_the_old_notice_says_what_replaced_it(desk12: Desk12, words: str) -> None:
    """A go-ahead in words the desk does not take as a command, on the notice of the replaced request: the answer
    says what replaced it, never how to write SETUJU for a request closed."""
    held, outcome = _replaced(desk12, "2.500", "1.500")
    assert outcome == {"request-approved": 1}, outcome
    answer, _ = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert desk12.request()["state"] == "superseded"
    [refused] = desk12.replies_to(answer)
    text = flat(refused.text)
    assert "sudah ditutup karena digantikan oleh permohonan BLK-2026-0002" in text, text
    assert "SETUJU 2.500" not in text and "salah satu baris berikut" not in text, text
