"""A typed quantity with a digit after "puluh" is read with its tens ("seribu 4 ratus 6 puluh 3" 1.463, as a district's
mail is read), and thousands then a single digit ("tiga ribu dua": 3.002, or 3.200 said short?) are refused with both
readings in one line, as the reader asks a district back for them (pure: mailbot.quantities.parse_quantity)."""

from __future__ import annotations

import pytest

from mailbot.errors import QuantityError
from mailbot.quantities import parse_quantity


@pytest.mark.parametrize(("typed", "value"), [
    ("seribu 4 ratus 6 puluh 3", 1463), ("2 ribu 8 puluh 1", 2081), ("tiga puluh 7", 37),
    # unchanged: digits before "puluh" and "rts"
    ("1 ribu 3 ratus 4 puluh", 1340), ("3 rb 2 rts", 3200),
])
def test_a_digit_after_the_tens_is_the_ones(typed: str, value: int) -> None:
    assert parse_quantity(typed, maximum=200_000) == value


@pytest.mark.parametrize("typed", ["seribu 4 ratus 6 puluh 13", "tiga puluh 0"])
def test_digits_after_the_tens_that_are_no_ones_are_refused(typed: str) -> None:
    with pytest.raises(QuantityError, match="is not a number of pieces"):
        parse_quantity(typed, maximum=200_000)


@pytest.mark.parametrize(("typed", "written", "short"), [
    ("tiga ribu dua", "3.002", "3.200"), ("seribu enam", "1.006", "1.600"), ("4 ribu tujuh", "4.007", "4.700"),
    ("dua rb satu keping", "2.001", "2.100"), ("-tiga ribu dua", "3.002", "3.200"),
    ("tiga ribu 2", "3.002", "3.200"), ("2 rb 5", "2.005", "2.500"),
])
def test_thousands_then_one_digit_word_is_refused_with_both_readings(typed: str, written: str, short: str) -> None:
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed, signed=True, maximum=200_000)
    assert refused.value.code == "ambiguous"
    assert str(refused.value) == (f'"{typed}" is ambiguous: thousands then a single digit, {written} as written or '
                                  f"{short} with its hundreds said short; write the number in digits, like {written} "
                                  f"or {short}")
    assert refused.value.indonesian == f"dapat dibaca dua cara ({written} atau {short})"


@pytest.mark.parametrize(("typed", "value"), [("tiga ribu dua ratus", 3200), ("seribu enam belas", 1016),
                                              ("tiga ribu 20", 3020), ("tiga ribu dua puluh", 3020)])
def test_thousands_then_more_than_one_digit_word_is_read(typed: str, value: int) -> None:
    assert parse_quantity(typed, maximum=200_000) == value

