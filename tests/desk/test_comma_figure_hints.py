"""A figure refused for its comma is answered with the figure its writer typed: a manager's "Setuju 3,000" by
email is told "SETUJU 3.000" (never an unrelated example figure, which copied would approve it), and "1,5" on the
command line is told the thousands it means, never one piece."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.desk12 import GMAIL, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "figures"), [("Setuju 3,000", ("SETUJU 3.000", "SETUJU 3000")),
                                                ("Setuju 1,200 dulu", ("SETUJU 1.200", "SETUJU 1200"))])
def test_a_managers_comma_figure_is_answered_with_his_own_figure(desk12: Desk12, words: str,
                                                                 figures: tuple[str, str]) -> None:
    _, held = held_for_managers(desk12)
    mid, _ = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    [answer] = desk12.replies_to(mid)
    text = flat(answer.text)
    assert all(figure in text for figure in figures), text
    assert "SETUJU 2.000" not in text, text  # was "Tulis ribuan dengan titik, misalnya: SETUJU 2.000."
    assert desk12.request()["state"] == "held"


def test_a_fraction_of_a_piece_on_the_command_line_is_advised_as_thousands(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "supply", "receive", "1,5", "--note", "kiriman pusat")
    assert result.returncode == 2, result.stdout
    said = result.stderr.strip()
    assert "1.500" in said and '"1,5 ribu"' in said, said
    assert "e.g. 1" not in said, said  # was "write a whole number, e.g. 1, or ..."
