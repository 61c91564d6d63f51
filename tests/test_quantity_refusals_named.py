"""A typed quantity that is refused is refused for what it is: "2.000,00" and "02.000" are whole numbers written
with a decimal comma or a leading zero (not "not a whole number"), and leading zeros never make a small number
"far too large" (pure: mailbot.quantities.parse_quantity)."""

from __future__ import annotations

import pytest

from mailbot.errors import QuantityError
from mailbot.quantities import parse_quantity

REFUSED = [
    # was: "is not a whole number of pieces; write it like 2.000 or 2000"
    ("2.000,00", '"2.000,00" has a decimal comma: pieces are whole numbers; write 2.000'),
    ("1.000,50", '"1.000,50" has a decimal comma: pieces are whole numbers; write a whole number, e.g. 1.000'),
    ("02.000", '"02.000" starts with a 0 before its thousands; write 2.000 without the leading 0'),
    ("-02.000", '"-02.000" starts with a 0 before its thousands; write -2.000 without the leading 0'),
    # was: "is not a whole number of pieces" for a zero written with its thousands group
    ("0.000", '"0.000": the number must be above zero'),
    ("-0.000", '"-0.000": the change must not be zero'),
    # unchanged
    ("12,00", '"12,00" has a decimal comma: pieces are whole numbers; write 12'),
    ("0.002", '"0.002" is not a whole number of pieces; write it like 2.000 or 2000'),
]


@pytest.mark.parametrize(("typed", "said"), REFUSED, ids=[t for t, _ in REFUSED])
def test_refused_for_what_it_is(typed: str, said: str) -> None:
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed, signed=typed.startswith("-"), maximum=200_000)
    assert str(refused.value) == said


def test_leading_zeros_make_no_number_far_too_large() -> None:
    """Was: "0000000000000000000100" is far too large a number of pieces (it is 100)."""
    assert parse_quantity("0000000000000000000100", maximum=200_000) == 100
    with pytest.raises(QuantityError, match="far too large"):
        parse_quantity("1" + "0" * 15, maximum=200_000)


@pytest.mark.parametrize(("typed", "value"), [("seribu 500", 1500), ("dua ribu 500 keping", 2500),
                                              ("2 rb 300", 2300)])
def test_thousands_then_digits_read_as_the_reader_reads_them(typed: str, value: int) -> None:
    assert parse_quantity(typed) == value


def test_a_manager_approving_thousands_in_words_then_digits_gets_the_whole() -> None:
    from mailbot.guards.commands import ManagerCommand, parse_manager_command

    command = parse_manager_command("SETUJU seribu 700 PAKSA stok provinsi cukup")
    assert isinstance(command, ManagerCommand) and command.quantity == 1700 and command.forced
