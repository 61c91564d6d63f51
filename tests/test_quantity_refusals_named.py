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


# The same words, read alike by every reader of quantities: the command line (`approve --quantity`, `supply
# receive`: parse_quantity), a manager's SETUJU, and a district's mail.
SAME_EVERYWHERE = [
    ("seribu 500", 1500), ("1 ribu 500", 1500), ("dua ribu tiga ratus 50", 2350), ("1 rb 250", 1250),
    ("2 ribu 3 ratus 50", 2350), ("tiga ratus 50", 350), ("6 ratus lima puluh", 650), ("seratus 5", 105),
]


@pytest.mark.parametrize(("typed", "value"), SAME_EVERYWHERE, ids=[t for t, _ in SAME_EVERYWHERE])
def test_figures_and_number_words_read_alike_everywhere(typed: str, value: int) -> None:
    """"dua ribu tiga ratus 50" was refused on the command line, "not understood" in a SETUJU, and 2.300 in a
    district's mail; "6 ratus lima puluh" was 600 there."""
    from mailbot.guards.commands import ManagerCommand, parse_manager_command
    from tests.reader.conftest import mail

    assert parse_quantity(typed, maximum=200_000) == value
    command = parse_manager_command(f"SETUJU {typed} PAKSA stok kabupaten rusak karena banjir")
    assert isinstance(command, ManagerCommand) and command.quantity == value
    read = mail("disdukcapil@malinaukab.example", "permohonan blangko",
                f"Mohon dikirim blangko KTP-el {typed} keping. Stok kami tinggal 80 keping.")
    assert read["requested"] == value


AMBIGUOUS = [
    ("seribu 1500", '"seribu 1500" is ambiguous: thousands ("seribu") then 1500, which is a thousand or more '
                    "(1.500 or 2.500?); write the number once, like 1.500 or 2.500"),
    ("dua ratus 150", '"dua ratus 150" is ambiguous: hundreds ("ratus") then 150, which is a hundred or more; write '
                      "the number once, like 350"),
    ("sejuta 500", '"sejuta 500" is ambiguous: millions ("sejuta") then 500 (1.000.500 or 1.500.000?); write the '
                   "number once, like 1.000.500 or 1.500.000"),
]


@pytest.mark.parametrize(("typed", "said"), AMBIGUOUS, ids=[t for t, _ in AMBIGUOUS])
def test_a_figure_after_a_scale_word_that_is_not_below_it_is_refused_with_its_reason(typed: str, said: str) -> None:
    """"seribu 1500" was refused as "not a number of pieces" and in a SETUJU as "Jumlah tidak dapat dibaca", with
    no word of why; a district's mail is asked back, never read as the words alone."""
    from mailbot.guards.commands import CommandError, parse_manager_command
    from tests.reader.conftest import mail

    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed, maximum=200_000)
    assert (refused.value.code, str(refused.value)) == ("ambiguous", said)
    asked = parse_manager_command(f"SETUJU {typed}")
    assert isinstance(asked, CommandError) and asked.code == "quantity_ambiguous"
    assert asked.message.startswith(f'Jumlah "{typed}" ') and "SETUJU" in asked.message
    read = mail("disdukcapil@malinaukab.example", "permohonan blangko", f"Mohon dikirim blangko KTP-el {typed} keping.")
    assert read["requested"] is None and [d["reason"] for d in read["doubts"]] == ["conflict"]


def test_a_million_in_words_is_read_and_then_held_to_the_bound() -> None:
    """"sejuta" was "Maksud baris pertamanya belum dapat kami pastikan" in a SETUJU (the bound is the desk's, which
    names it)."""
    from mailbot.guards.commands import ManagerCommand, parse_manager_command

    with pytest.raises(QuantityError, match="more than the most one movement may be"):
        parse_quantity("sejuta", maximum=200_000)
    command = parse_manager_command("SETUJU sejuta")
    assert isinstance(command, ManagerCommand) and command.quantity == 1_000_000
