"""A manager's SETUJU whose figure cannot be read is asked again naming that figure, why it cannot be read and the
forms that can (pure: mailbot.guards.commands.parse_manager_command); an accountant's dash after it ("700.-") is
read."""

from __future__ import annotations

import pytest

from mailbot.guards.commands import CommandError, ManagerCommand, parse_manager_command

FORMS = "Tulis jumlahnya sekali, misalnya: SETUJU 1.500, SETUJU 1500, SETUJU 1,5 ribu atau SETUJU seribu lima ratus."


@pytest.mark.parametrize(("line", "quantity", "reason"), [
    ("SETUJU 700.-", 700, None),  # was: "Maksud baris pertamanya belum dapat kami pastikan."
    ("SETUJU 1.500,-", 1500, None),
    ("SETUJU 700 .-", 700, None),
    ("SETUJU 700/-", 700, None),
    ("SETUJU 700.- PAKSA sudah dicek via telepon", 700, "sudah dicek via telepon"),
    ("SETUJU 1.500.- / sisanya bulan depan", 1500, "sisanya bulan depan"),
])
def test_an_accountants_dash_after_the_figure_is_read(line: str, quantity: int, reason: str | None) -> None:
    command = parse_manager_command(line)
    assert isinstance(command, ManagerCommand), command
    assert (command.quantity, command.reason) == (quantity, reason)


@pytest.mark.parametrize(("line", "said"), [
    # each was: "Maksud baris pertamanya belum dapat kami pastikan" with no figure named, or "angka rb ..."
    ("SETUJU 1 rb 500 rb", 'Jumlah "1 rb 500 rb" tidak dapat dibaca: angka dan kata bilangannya tidak membentuk '
                           f"satu bilangan. {FORMS}"),
    ("SETUJU 1 rb 500 rb PAKSA sudah dicek", 'Jumlah "1 rb 500 rb" tidak dapat dibaca: angka dan kata bilangannya '
                                             f"tidak membentuk satu bilangan. {FORMS}"),
    ("SETUJU 1500 1500", 'Jumlah "1500 1500" tidak dapat dibaca: angka-angkanya tidak membentuk satu bilangan. '
                         f"{FORMS}"),
    ("SETUJU ribu", f'Jumlah "ribu" tidak dapat dibaca: kata bilangannya tidak membentuk satu bilangan. {FORMS}'),
    # was: "Jumlah tidak dapat dibaca. Tulis jumlah dalam angka, misalnya: SETUJU 1.500." (which figure?)
    ("SETUJU 2x500", f'Jumlah "2x500" tidak dapat dibaca: ada huruf yang menempel pada angkanya. {FORMS}'),
    ("SETUJU 6oo keping", f'Jumlah "6oo" tidak dapat dibaca: ada huruf yang menempel pada angkanya. {FORMS}'),
])
def test_a_figure_that_cannot_be_read_is_named_with_why_and_the_forms(line: str, said: str) -> None:
    asked = parse_manager_command(line)
    assert isinstance(asked, CommandError) and asked.code == "quantity_invalid", asked
    assert asked.message == said


def test_signs_after_the_figure_are_named() -> None:
    asked = parse_manager_command("SETUJU 1.000-")
    assert isinstance(asked, CommandError) and asked.code == "unclear_approval", asked
    assert 'tulisan "-" sesudah "SETUJU" 1.000 tidak kami pahami' in asked.message, asked.message
