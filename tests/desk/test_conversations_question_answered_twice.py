"""Our question for the figure asked answered by two staff of one district, from two addresses, with two figures,
on the real SQLite desk in process, every message written fresh: the first answer completes the request; the second
never silently replaces it: a person reads it, its writer hears which figure stands and is asked which holds."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, BULUNGAN_OPERATOR, GMAIL, Desk12, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def asked_back(d: Desk12) -> object:
    mid, outcome = d.send(BULUNGAN, "blangko ktp", "Pak, stok blangko KTP-el kami tinggal 600 keping, mohon "
                          "dikirimkan tambahan ya.\n")
    assert outcome == {"request-clarify": 1}, outcome
    [asked] = d.replies_to(mid)
    return asked


@pytest.mark.parametrize("second", [
    "Mohon izin pak, yang benar kami perlukan 2.500 keping. Terima kasih",
    "pak jumlahnya 2.500 keping ya, bukan yg tadi",
], ids=["yang_benar", "bukan_yg_tadi"])
def test_a_second_staff_answering_with_another_figure_is_not_applied(desk12: Desk12, second: str) -> None:
    asked = asked_back(desk12)
    send_answer(desk12, BULUNGAN, asked, "1.500 keping pak", above=GMAIL)
    assert desk12.request()["requested"] == 1500
    mid, outcome = send_answer(desk12, BULUNGAN_OPERATOR, asked, second, above=GMAIL)
    # was: "Jumlah yang dimohon: 1.500 keping menjadi 2.500 keping", nobody told two staff gave two figures
    assert desk12.request()["requested"] == 1500, outcome
    assert "answered_twice" in desk12.queue(mid), outcome
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert BULUNGAN_OPERATOR in told.to and "tetap 1.500 keping" in text and "2.500" in text, told.text
    assert BULUNGAN in text, told.text


def test_the_same_writer_answering_again_corrects_its_answer(desk12: Desk12) -> None:
    asked = asked_back(desk12)
    send_answer(desk12, BULUNGAN, asked, "1.500 keping pak", above=GMAIL)
    send_answer(desk12, BULUNGAN, asked, "maaf pak salah ketik, yang benar 2.500 keping", above=GMAIL)
    assert desk12.request()["requested"] == 2500
