"""A district's answer giving the stock its request wrote as an estimate ("kurang lebih 150an"): the reply thanks for
the information, not for a correction, and says the figure was written unclearly before, never that it was not
stated."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import MALINAU, Desk12, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

ASKED = ("Assalamualaikum pak,\nstok blangko KTP-el kami tinggal sikit, kurang lebih 150an lah. Mohon dikirim 1.500 "
         "keping.\n\nOperator Disdukcapil Malinau")


def test_the_answer_of_an_estimated_stock_is_thanked_as_information(desk12: Desk12) -> None:
    mid, outcome = desk12.send(MALINAU, "Permohonan blangko KTP-el", ASKED)
    [asked] = desk12.replies_to(mid)
    answer, _ = send_answer(desk12, MALINAU, asked, "Sudah kami hitung fisik pak, sisa stok blangko KTP-el kami 163 "
                                                    "keping.")
    assert desk12.request()["stock_on_hand"] == 163, (outcome, desk12.request()["state"])
    [told] = desk12.replies_to(answer)
    html = told.msg.get_body(("html",))
    assert html is not None
    for body in (told.text, str(html.get_content())):
        text = flat(body.replace("<strong>", "").replace("</strong>", ""))
        assert "atas koreksinya" not in text and "belum disebutkan" not in text, text
        assert "Sisa stok: 163 keping (sebelumnya tertulis kurang jelas)" in text, text
