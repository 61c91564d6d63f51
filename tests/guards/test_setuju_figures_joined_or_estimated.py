"""A manager's SETUJU whose figure is two figures joined by a comma or a stop ("seribu, 500", "2rb.500") or an
estimate ("2 ribuan") is asked again saying so, with the figures to write, as the command line refuses the same
typing (pure: mailbot.guards.commands.parse_manager_command, mailbot.quantities.parse_quantity); a reason or a time
after the comma is no figure joined."""

from __future__ import annotations

import pytest

from mailbot.errors import QuantityError
from mailbot.guards.commands import CommandError, ManagerCommand, parse_manager_command
from mailbot.quantities import parse_quantity


def two_figures(mark: str, first: str, second: str, total: str) -> str:
    """What a manager is told of two figures for one: both named, one of them to write, the total last and said
    for what it is."""
    return (f"berisi dua angka yang dipisah {mark} ({first} dan {second}). Tulis misalnya: SETUJU {first} atau SETUJU "
            f"{second} atau SETUJU {total} bila yang dimaksud jumlah keduanya.")


@pytest.mark.parametrize(("figure", "said"), [
    ("seribu, 500", two_figures("koma", "1.000", "500", "1.500")),
    ("seribu,500", two_figures("koma", "1.000", "500", "1.500")),
    ("dua ribu, 300", two_figures("koma", "2.000", "300", "2.300")),
    ("1 rb, 500", two_figures("koma", "1.000", "500", "1.500")),
    ("2.000, 250", two_figures("koma", "2.000", "250", "2.250")),
    ("2rb.500", two_figures("titik", "2.000", "500", "2.500")),
    # thousands that are not round, as a district's mail is asked back for them
    ("1.700, 400", two_figures("koma", "1.700", "400", "2.100")),
    ("2 ribuan", 'berupa perkiraan ("ribuan"), bukan jumlah yang pasti. Tulis misalnya: SETUJU 2.000.'),
])
@pytest.mark.parametrize("after", ["", " PAKSA sdh dicek via telp"])
def test_a_figure_joined_or_estimated_is_named_with_how_to_write_it(figure: str, said: str, after: str) -> None:
    # each was: "Maksud baris pertamanya belum dapat kami pastikan" with no figure named
    asked = parse_manager_command(f"SETUJU {figure}{after}")
    assert isinstance(asked, CommandError), asked
    assert asked.message == f'Jumlah "{figure}" {said}', asked.message
    with pytest.raises(QuantityError) as refused:  # the command line refuses the same typing, saying the same
        parse_quantity(figure)
    assert refused.value.indonesian and refused.value.indonesian in said


@pytest.mark.parametrize(("line", "figure"), [
    ("SETUJU 3.000, 450.", "3.000, 450"),  # the sentence's stop after the part
    ("Setuju bu, 1.200, 350 dulu", "1.200, 350"),
])
def test_a_figure_joined_is_named_also_with_a_stop_or_words_after_it(line: str, figure: str) -> None:
    # each was: "angka ... pada catatan ... dapat dibaca sebagai jumlah blangko", the part taken for a note
    asked = parse_manager_command(line)
    assert isinstance(asked, CommandError), asked
    assert asked.message.startswith(f'Jumlah "{figure}" berisi dua angka yang dipisah koma'), asked.message


@pytest.mark.parametrize(("line", "figure", "first", "second", "total"), [
    ("SETUJU 2.000, 1.300", "2.000, 1.300", "2.000", "1.300", "3.300"),
    ("Setuju 1.200, 1.300 keping", "1.200, 1.300", "1.200", "1.300", "2.500"),
    ("setuju 700 lembar, 1.300", "700 lembar, 1.300", "700", "1.300", "2.000"),
    ("SETUJU 2.000, 1.300 / sisanya bulan Januari", "2.000, 1.300", "2.000", "1.300", "3.300"),
])
def test_thousands_joined_to_a_figure_name_both_figures(line: str, figure: str, first: str, second: str,
                                                         total: str) -> None:
    # each was: "angka 1.300 pada catatan ..." with the first figure never named
    asked = parse_manager_command(line)
    assert isinstance(asked, CommandError), asked
    assert asked.message == f'Jumlah "{figure}" {two_figures("koma", first, second, total)}', asked.message


@pytest.mark.parametrize(("line", "quantity", "reason"), [
    ("SETUJU 2.000, sisanya bulan depan", 2000, "sisanya bulan depan"),
    ("SETUJU 2.000, 3 hari lagi dikirim", 2000, "3 hari lagi dikirim"),
    ("SETUJU 1.500. Terima kasih", 1500, None),
    ("SETUJU 2 rb. 300", 2300, None),
])
def test_a_reason_or_a_time_after_the_comma_is_no_figure_joined(line: str, quantity: int, reason: str | None) -> None:
    command = parse_manager_command(line)
    assert isinstance(command, ManagerCommand), command
    assert (command.quantity, command.reason) == (quantity, reason)


@pytest.mark.parametrize(("typed", "said"), [
    ("seribu, 500", '"seribu, 500" is two figures joined by a comma (1.000 and 500); write one of them, like 1.000 '
                    "or 500, or the total, 1.500, if that is what you mean"),
    ("2 ribuan", '"2 ribuan" is an estimate ("ribuan"), not a number of pieces; write the number itself, like 2.000'),
    # a sentence's stop after the part, and thousands grouped with a comma as English writes them (each was "is not
    # a number of pieces", naming neither figure)
    ("2.500, 120.", '"2.500, 120." is two figures joined by a comma (2.500 and 120); write one of them, like 2.500 '
                    "or 120, or the total, 2.620, if that is what you mean"),
    ("2,500, 400 pcs", '"2,500, 400 pcs" is two figures joined by a comma (2.500 and 400); write one of them, like '
                       "2.500 or 400, or the total, 2.900, if that is what you mean"),
])
def test_the_command_line_names_the_figures_joined_or_the_estimate(typed: str, said: str) -> None:
    with pytest.raises(QuantityError) as refused:
        parse_quantity(typed)
    assert str(refused.value) == said


@pytest.mark.parametrize(("line", "quoted"), [
    ("Approved 2,000, 300 pcs for now.", 'Jumlah "2,000, 300" berisi dua angka yang dipisah koma (2.000 dan 300).'),
    ("Approved but only 2,500, 300", 'Jumlah "2,500, 300" berisi dua angka yang dipisah koma (2.500 dan 300).'),
    ("Approved 2,000 ribuan", 'Jumlah "2,000 ribuan" berupa perkiraan ("ribuan")'),
    ("Approved 2,000x", 'Jumlah "2,000x" tidak dapat dibaca'),
])
def test_an_english_approval_is_quoted_as_the_manager_wrote_it(line: str, quoted: str) -> None:
    # each was quoted with the stop its thousands are read with ("2.000, 300"), a figure he never wrote
    asked = parse_manager_command(line)
    assert isinstance(asked, CommandError), asked
    assert asked.message.startswith(quoted), asked.message
