"""A manager's SETUJU written as an estimate in any of its spellings ("3 ribu-an", "2 rebuan", "2 rban", "2,5 ribuan",
"2000an", "seribuan") is never approved as a figure: it is asked again, named an estimate, with the figure to write,
as the command line refuses the same typing; so is a figure joined to thousands by a stop ("1.000. 500"). Pure:
mailbot.guards.commands.parse_manager_command, mailbot.quantities.parse_quantity."""

from __future__ import annotations

import pytest

from mailbot.errors import QuantityError
from mailbot.guards.commands import CommandError, parse_manager_command
from mailbot.quantities import parse_quantity

ESTIMATES = [  # (as typed, the estimate's marker, the figure to write instead)
    ("4 ribu-an", "ribu-an", "4.000"),
    ("5 rebuan", "rebuan", "5.000"),
    ("6 rban", "rban", "6.000"),
    ("7 rb-an", "rb-an", "7.000"),
    ("1,5 ribuan", "ribuan", "1.500"),
    ("3000an", "3000an", "3.000"),
    ("2.500-an", "2.500-an", "2.500"),
    ("seribuan", "ribuan", "1.000"),
    ("8 ratusan", "ratusan", "800"),
]


@pytest.mark.parametrize(("line", "figure"), [
    *[(f"SETUJU {typed}", typed) for typed, _, _ in ESTIMATES],
    ("Setuju 4 ribu-an dulu pak", "4 ribu-an"),
    ("Setuju pak, 5 rebuan dulu", "5 rebuan"),
    ("Oke setuju, seribuan saja", "seribuan"),
])
def test_an_estimate_is_asked_again_never_approved(line: str, figure: str) -> None:
    asked = parse_manager_command(line)
    assert isinstance(asked, CommandError), asked
    marker, near = next((m, n) for typed, m, n in ESTIMATES if typed == figure)
    assert asked.message == (f'Jumlah "{figure}" berupa perkiraan ("{marker}"), bukan jumlah yang pasti. Tulis '
                             f"misalnya: SETUJU {near}."), asked.message


@pytest.mark.parametrize(("typed", "marker", "near"), ESTIMATES)
def test_the_command_line_refuses_every_spelling_as_an_estimate(typed: str, marker: str, near: str) -> None:
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed)
    assert str(refused.value) == (f'"{typed}" is an estimate ("{marker}"), not a number of pieces; write the number '
                                  f"itself, like {near}")


@pytest.mark.parametrize("line", ["SETUJU 2 rebu", "Setuju pak, 1.500 dulu", "SETUJU 2.000 / sisanya awal bulan"])
def test_a_figure_spelt_out_is_still_approved(line: str) -> None:
    assert not isinstance(parse_manager_command(line), CommandError)


def test_a_figure_joined_to_thousands_by_a_stop_is_named_as_two_figures() -> None:
    asked = parse_manager_command("SETUJU 3.000. 400 keping")
    assert isinstance(asked, CommandError), asked
    assert asked.message == ('Jumlah "3.000. 400" berisi dua angka yang dipisah titik (3.000 dan 400). Tulis '
                             "misalnya: SETUJU 3.000 atau SETUJU 400 atau SETUJU 3.400 bila yang dimaksud jumlah "
                             "keduanya."), asked.message
    with pytest.raises(QuantityError, match="two figures joined by a stop"):
        parse_quantity("3.000. 400")
