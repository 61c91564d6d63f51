"""The digest names a request whose figure the district wrote unclearly ("1.800, 350") as written unclearly, and one
that gives no figure as not stated."""

from __future__ import annotations

import pytest

from mailbot import watch
from tests.desk.desk12 import BULUNGAN, Desk12

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("body", "asked"), [
    ("Dengan hormat, mohon dikirim blangko KTP-el 1.800, 350 keping. Sisa stok kami 200 keping.\nTerima kasih",
     "jumlah yang dimohon tertulis kurang jelas"),
    ("Dengan hormat, mohon tambahan blangko KTP-el. Sisa stok kami 200 keping.\nTerima kasih",
     "jumlah yang dimohon belum disebutkan"),
], ids=["written_unclear", "not_written"])
def test_the_digest_says_whether_the_figure_asked_was_unclear_or_missing(desk12: Desk12, body: str,
                                                                          asked: str) -> None:
    _, outcome = desk12.send(BULUNGAN, "Permohonan blangko KTP-el", body)
    assert outcome == {"request-clarify": 1}, outcome
    _, text, html = watch.build_digest(desk12.desk)
    assert asked in text, text
    assert asked in html
