"""Rules for mail written in a flood: voice notes typed as heard ("2 ratus lima puluh"), blanks taken out to a
flood post, days with no service, corrections of yesterday's stock. Each test is a short mail with its own words."""

from __future__ import annotations

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TANA_TIDUNG = "Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>"


def test_hundreds_in_digits_then_tens_in_words_is_one_figure() -> None:
    read = mail(MALINAU, "catatan suara", "isi pesan suara Pak Kabid: tolong kirim blangko ktp seribu lima ratus, "
                "stok kami sekarang 3 ratus dua puluh saja karena gudang kebanjiran")
    assert read["requested"] == 1500 and read["stock_on_hand"] == 320


def test_blanks_taken_to_a_flood_post_that_ran_out_are_no_stock_of_zero() -> None:
    read = mail(TANA_TIDUNG, "blangko posko", "Pak, blangko yang dibawa ke posko pengungsian sudah habis, di kantor "
                "masih ada beberapa. Mohon kirim blangko KTP-el 300 keping.")
    assert read["requested"] == 300 and read["stock_on_hand"] is None
