"""Rules for mail of seven writers: a figure of yesterday beside today's in phone slang, a stock given per
warehouse with its total, corrections set beside the old figure, and numbered points with each figure after a
colon. Each test is a short mail with its own words."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"
BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


# --- Yesterday's figure and today's ----------------------------------------------------------


def test_slang_now_word_after_yesterdays_stock_takes_todays() -> None:
    read = mail(NUNUKAN, "lap", "kmrn sisa 980 skrg 905 ya pak\ncetak 75")
    assert read["stock_on_hand"] == 905
