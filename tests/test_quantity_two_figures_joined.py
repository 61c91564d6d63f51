"""Two figures typed for one quantity, joined by a comma ("2.000, 1.300", "1.200, 1.300 keping", "2.500, 120.") or
side by side ("1.000 500"): refused naming both, in every spelling of each figure, with one of the two to write and
their total last, said for what it is, on the command line and in a manager's SETUJU alike (pure:
mailbot.quantities.parse_quantity, mailbot.guards.commands.parse_manager_command)."""

from __future__ import annotations

import pytest

from mailbot.errors import QuantityError
from mailbot.guards.commands import CommandError, parse_manager_command
from mailbot.quantities import parse_quantity

# typed, the two figures it names, their total
JOINED_BY_A_COMMA = [
    # thousands after the comma (each was "is not a number of pieces; write it like 2.000, 2000 or 2 ribu")
    ("2.000, 1.300", "2.000", "1.300", "3.300"),
    ("1.200, 1.300 keping", "1.200", "1.300", "2.500"),
    ("1.200, 1.300 keping.", "1.200", "1.300", "2.500"),
    ("2000, 1300", "2.000", "1.300", "3.300"),
    ("2.000, 1300", "2.000", "1.300", "3.300"),
    ("2000, 1.300.", "2.000", "1.300", "3.300"),
    ("2.000 keping, 1.300 keping", "2.000", "1.300", "3.300"),
    ("2.000 pcs, 1.300 pcs.", "2.000", "1.300", "3.300"),
    ("2.000 , 1.300 lbr", "2.000", "1.300", "3.300"),
    ("10.000, 1.500 buah", "10.000", "1.500", "11.500"),
    # figures below a thousand before the comma (each was "is not a number of pieces" too)
    ("500, 300", "500", "300", "800"),
    ("700 lembar, 1.300", "700", "1.300", "2.000"),
    # a figure below a thousand after it (named before, the total first)
    ("2.500, 120.", "2.500", "120", "2.620"),
    ("1.500, 200 kpg", "1.500", "200", "1.700"),
    ("2000, 300", "2.000", "300", "2.300"),
]


@pytest.mark.parametrize(("typed", "first", "second", "total"), JOINED_BY_A_COMMA)
def test_two_figures_joined_by_a_comma_are_both_named_on_the_command_line(typed: str, first: str, second: str,
                                                                          total: str) -> None:
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed)
    assert refused.value.code == "ambiguous"
    assert str(refused.value) == (f'"{typed}" is two figures joined by a comma ({first} and {second}); write one of '
                                  f"them, like {first} or {second}, or the total, {total}, if that is what you mean")


@pytest.mark.parametrize(("typed", "first", "second", "total"), JOINED_BY_A_COMMA)
def test_the_figures_to_write_are_the_ones_typed_and_the_total_comes_last_said_as_such(typed: str, first: str,
                                                                                       second: str,
                                                                                       total: str) -> None:
    # was: the total first ("write the number once, like 2.620"), a figure the operator never typed
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed)
    assert refused.value.examples == (first, second, f"{total} bila yang dimaksud jumlah keduanya")


@pytest.mark.parametrize(("line", "said"), [
    ("SETUJU 2.500, 120", 'Jumlah "2.500, 120" berisi dua angka yang dipisah koma (2.500 dan 120). Tulis misalnya: '
                          "SETUJU 2.500 atau SETUJU 120 atau SETUJU 2.620 bila yang dimaksud jumlah keduanya."),
    ("SETUJU seribu, 500 keping", 'Jumlah "seribu, 500" berisi dua angka yang dipisah koma (1.000 dan 500). Tulis '
                                  "misalnya: SETUJU 1.000 atau SETUJU 500 atau SETUJU 1.500 bila yang dimaksud "
                                  "jumlah keduanya."),
    ("SETUJU 1.000 500", 'Jumlah "1.000 500" berisi dua angka yang berdampingan (1.000 dan 500). Tulis misalnya: '
                         "SETUJU 1.000 atau SETUJU 500 atau SETUJU 1.500 bila yang dimaksud jumlah keduanya."),
])
def test_a_manager_is_told_to_write_one_of_his_figures_and_the_total_only_if_meant(line: str, said: str) -> None:
    # was: "Tulis misalnya: SETUJU 2.620 atau SETUJU 2.500", the total first
    asked = parse_manager_command(line)
    assert isinstance(asked, CommandError), asked
    assert asked.message == said


def test_two_figures_side_by_side_are_named_as_typed_with_the_total_last() -> None:
    with pytest.raises(QuantityError) as refused:
        parse_quantity("1.000 500")
    assert str(refused.value) == ('"1.000 500" is two figures side by side (1.000 and 500); write one of them, like '
                                  "1.000 or 500, or the total, 1.500, if that is what you mean")


@pytest.mark.parametrize("typed", ["2.000,50", "3.000,250", "2.000, 0", "2.000, " + "9" * 20])
def test_what_is_not_two_counts_is_not_named_as_two_figures(typed: str) -> None:
    # a decimal comma, a zero or a figure beyond any stock after the comma: refused as before, never as two figures
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed)
    assert "two figures" not in str(refused.value)


@pytest.mark.parametrize(("typed", "how", "first", "second", "total"), [
    # each was "is not a whole number of pieces" or "is not a number of pieces", naming neither figure
    ("2.000,1.300", "joined by a comma", "2.000", "1.300", "3.300"),
    ("2000,1300", "joined by a comma", "2.000", "1.300", "3.300"),
    ("10000,5000", "joined by a comma", "10.000", "5.000", "15.000"),
    ("2.000,1300", "joined by a comma", "2.000", "1.300", "3.300"),
    ("2000,500", "joined by a comma", "2.000", "500", "2.500"),
    ("1.500/1.300", "joined by a slash", "1.500", "1.300", "2.800"),
    ("1.500 / 1.300", "joined by a slash", "1.500", "1.300", "2.800"),
    ("2.000 dan 1.300", 'joined by "dan"', "2.000", "1.300", "3.300"),
    ("1.500 1.300", "side by side", "1.500", "1.300", "2.800"),
])
def test_two_figures_set_apart_otherwise_are_both_named(typed: str, how: str, first: str, second: str,
                                                        total: str) -> None:
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed)
    assert refused.value.code == "ambiguous"
    assert str(refused.value) == (f'"{typed}" is two figures {how} ({first} and {second}); write one of them, like '
                                  f"{first} or {second}, or the total, {total}, if that is what you mean")
    assert refused.value.examples == (first, second, f"{total} bila yang dimaksud jumlah keduanya")


@pytest.mark.parametrize(("typed", "first", "second"), [("1.500 atau 1.300", "1.500", "1.300"),
                                                         ("dua ribu atau seribu", "2.000", "1.000"),
                                                         ("2.000 or 1.500", "2.000", "1.500")])
def test_two_figures_joined_by_or_are_both_named_without_their_total(typed: str, first: str, second: str) -> None:
    # one figure or the other: was "or the total, 2.800, if that is what you mean", which no "atau" means
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed)
    how = 'joined by "or"' if " or " in typed else 'joined by "atau"'
    assert str(refused.value) == (f'"{typed}" is two figures {how} ({first} and {second}); write one of them, like '
                                  f"{first} or {second}")
    assert refused.value.examples == (first, second)


@pytest.mark.parametrize("typed", ["2,000", "12,500", "2000,50", "2.000,500"])
def test_a_comma_that_may_group_thousands_or_mark_a_decimal_is_not_two_figures(typed: str) -> None:
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed)
    assert "two figures" not in str(refused.value)


@pytest.mark.parametrize("typed", ["1.500 / " + "9" * 20, "2.000,5", "1.500 atau 0"])
def test_a_pair_that_is_not_two_counts_is_not_named_as_two_figures(typed: str) -> None:
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed)
    assert "two figures" not in str(refused.value)


@pytest.mark.parametrize(("typed", "how", "first", "second", "total"), [
    # each was "is not a number of pieces; write it like 2.000, 2000 or 2 ribu", naming neither figure
    ("3 ribu, 2 ribu", "joined by a comma", "3.000", "2.000", "5.000"),
    ("3 ribu / 2 ribu", "joined by a slash", "3.000", "2.000", "5.000"),
    ("1.500 keping / 1.300", "joined by a slash", "1.500", "1.300", "2.800"),
])
def test_two_figures_with_their_multiplier_words_are_both_named(typed: str, how: str, first: str, second: str,
                                                                total: str) -> None:
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed)
    assert str(refused.value) == (f'"{typed}" is two figures {how} ({first} and {second}); write one of them, like '
                                  f"{first} or {second}, or the total, {total}, if that is what you mean")


def test_the_same_figure_typed_twice_is_offered_once() -> None:
    # was: "write one of them, like 1.500 or 1.500"
    with pytest.raises(QuantityError) as refused:
        parse_quantity("1.500 1.500")
    assert str(refused.value) == ('"1.500 1.500" is two figures side by side (1.500 and 1.500); write the figure '
                                  "once, like 1.500, or the total, 3.000, if that is what you mean")
    assert refused.value.examples == ("1.500", "3.000 bila yang dimaksud jumlah keduanya")


@pytest.mark.parametrize(("line", "said"), [
    # each named only the second figure, as a note ("angka 1.300 pada catatan ..."), or the first figure alone
    ("Acc pak, 1.500 / 1.300 aja dulu",
     'Jumlah "1.500 / 1.300" berisi dua angka yang dipisah garis miring (1.500 dan 1.300). Tulis misalnya: '
     "SETUJU 1.500 atau SETUJU 1.300 atau SETUJU 2.800 bila yang dimaksud jumlah keduanya."),
    ("SETUJU 1.500/1.300",
     'Jumlah "1.500/1.300" berisi dua angka yang dipisah garis miring (1.500 dan 1.300). Tulis misalnya: '
     "SETUJU 1.500 atau SETUJU 1.300 atau SETUJU 2.800 bila yang dimaksud jumlah keduanya."),
    ("SETUJU 2.000 atau 1.500",
     'Jumlah "2.000 atau 1.500" berisi dua angka yang dipisah kata "atau" (2.000 dan 1.500). Tulis misalnya: '
     "SETUJU 2.000 atau SETUJU 1.500."),
    ("SETUJU 2000,1300",
     'Jumlah "2000,1300" berisi dua angka yang dipisah koma (2.000 dan 1.300). Tulis misalnya: '
     "SETUJU 2.000 atau SETUJU 1.300 atau SETUJU 3.300 bila yang dimaksud jumlah keduanya."),
    ("SETUJU 2.000 dan 1.300 pak",
     'Jumlah "2.000 dan 1.300" berisi dua angka yang dipisah kata "dan" (2.000 dan 1.300). Tulis misalnya: '
     "SETUJU 2.000 atau SETUJU 1.300 atau SETUJU 3.300 bila yang dimaksud jumlah keduanya."),
    # was: 'Jumlah "3 ribu, 2" ... (3.000 dan 2)', a figure the manager never wrote offered to approve
    ("SETUJU 3 ribu, 2 ribu",
     'Jumlah "3 ribu, 2 ribu" berisi dua angka yang dipisah koma (3.000 dan 2.000). Tulis misalnya: '
     "SETUJU 3.000 atau SETUJU 2.000 atau SETUJU 5.000 bila yang dimaksud jumlah keduanya."),
    ("Setuju. 1.500,2.000",
     'Jumlah "1.500,2.000" berisi dua angka yang dipisah koma (1.500 dan 2.000). Tulis misalnya: '
     "SETUJU 1.500 atau SETUJU 2.000 atau SETUJU 3.500 bila yang dimaksud jumlah keduanya."),
    ("SETUJU 1.500 1.500",
     'Jumlah "1.500 1.500" berisi dua angka yang berdampingan (1.500 dan 1.500). Tulis misalnya: '
     "SETUJU 1.500 atau SETUJU 3.000 bila yang dimaksud jumlah keduanya."),
])
def test_a_manager_s_two_figures_set_apart_by_a_slash_or_a_word_are_both_named(line: str, said: str) -> None:
    asked = parse_manager_command(line)
    assert isinstance(asked, CommandError), asked
    assert asked.message == said


def test_a_note_after_the_slash_stays_the_manager_s_note() -> None:
    approved = parse_manager_command("SETUJU 2.000 / sisanya bulan depan")
    assert not isinstance(approved, CommandError) and approved is not None
    assert (approved.quantity, approved.reason) == (2000, "sisanya bulan depan")
    # a figure in a note with words of its own: asked about as the note's figure, not as a second approval
    asked = parse_manager_command("SETUJU 2.000 / 500 sisanya bulan depan")
    assert isinstance(asked, CommandError)
    assert 'angka 500 pada catatan "500 sisanya bulan depan"' in asked.message
