"""Rules for digits beside "puluh" and "rts" in a figure of thousands and hundreds, and for thousands then one digit
word: "1 ribu 3 ratus 4 puluh" is 1.340 and "3 rb 2 rts" 3.200, as the command line reads them (never 1.304 or
3.002); "tiga ribu dua" is 3.002 as written or 3.200 said short, so it is asked back; each test is a short mail with
other words and figures."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"


def _request(figure: str) -> dict[str, object]:
    return mail(NUNUKAN, "permintaan blangko", f"Selamat siang, kami mohon kiriman blangko KTP-el {figure} keping "
                                               "untuk pelayanan di kecamatan. Stok kami tersisa 120 keping.\nTerima "
                                               "kasih")


@pytest.mark.parametrize(("figure", "value"), [
    ("1 ribu 3 ratus 4 puluh", 1340),  # the digit before "puluh" counts tens, not ones
    ("tiga ribu 6 puluh", 3060),
    ("2 ratus 8 puluh", 280),
    ("dua ribu 4 ratus 6 puluh 5", 2465),  # and a digit after the tens is the ones
    ("seribu 9 puluh 5", 1095),
    ("seribu enam ratus delapan puluh 3", 1683),  # the tens in words, the ones in a digit
], ids=["digit-tens", "words-thousands-digit-tens", "hundreds-digit-tens", "tens-then-ones", "thousands-tens-ones",
        "word-tens-digit-ones"])
def test_a_digit_before_or_after_puluh_is_read_with_its_tens(figure: str, value: int) -> None:
    read = _request(figure)
    assert (read["requested"], read["stock_on_hand"]) == (value, 120)


@pytest.mark.parametrize(("figure", "value"), [("3 rb 2 rts", 3200), ("1 rb 7 rts", 1700)])
def test_rts_after_a_digit_is_hundreds(figure: str, value: int) -> None:
    assert _request(figure)["requested"] == value


@pytest.mark.parametrize("figure", ["seribu 15 puluh", "dua ribu 4 ratus 6 puluh 12", "tiga puluh 45"])
def test_digits_that_do_not_fit_the_tens_leave_the_figure_unread(figure: str) -> None:
    read = _request(figure)
    assert read["requested"] is None
    assert any(d["field"] == "requested" for d in read["doubts"])


@pytest.mark.parametrize("figure", ["tiga ribu dua", "seribu enam", "4 ribu tujuh", "dua rb satu",
                                    "dua ribu 5", "2 rb 5", "3 ribu 2"])
def test_thousands_then_one_digit_word_is_asked_back(figure: str) -> None:
    """3.002 as written, or "tiga ribu dua ratus" said short (3.200): a clerk would ask; the same with the digit in
    figures ("2 rb 5": 2.005, or 2.500 said short?)."""
    read = _request(figure)
    assert read["requested"] is None
    assert any(d["field"] == "requested" and d["reason"] == "conflict" for d in read["doubts"])


@pytest.mark.parametrize(("figure", "value"), [
    ("tiga ribu dua ratus", 3200), ("seribu enam belas", 1016), ("tiga ribu dua (3.002)", 3002),
    ("dua ribu delapan puluh", 2080), ("2 ribu 50", 2050), ("dua ribu 500", 2500),
], ids=["hundreds", "teens", "digits-in-brackets-settle-it", "tens", "two-digits-after", "three-digits-after"])
def test_thousands_then_more_than_one_digit_word_is_read(figure: str, value: int) -> None:
    assert _request(figure)["requested"] == value


def test_a_year_in_words_ending_in_one_digit_is_still_no_quantity() -> None:
    read = mail(NUNUKAN, "permintaan blangko", "Sesuai rencana tahun dua ribu tujuh kami mohon blangko KTP-el "
                                               "1.500 keping. Sisa stok 90 keping.")
    assert read["requested"] == 1500
