"""A manager's answer to a held notice with two figures for one approval, set apart by a slash or "atau" ("Acc
pak, 1.500 / 1.300 aja dulu", "SETUJU 2.000 atau 1.500"): nothing is approved, and the manager is told both
figures as written, with one of them to write."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "said"), [
    ("Acc pak, 1.500 / 1.300 aja dulu",
     'Jumlah "1.500 / 1.300" berisi dua angka yang dipisah garis miring (1.500 dan 1.300). Tulis misalnya: SETUJU '
     "1.500 atau SETUJU 1.300 atau SETUJU 2.800 bila yang dimaksud jumlah keduanya."),
    ("SETUJU 2.000 atau 1.500",
     'Jumlah "2.000 atau 1.500" berisi dua angka yang dipisah kata "atau" (2.000 dan 1.500). Tulis misalnya: SETUJU '
     "2.000 atau SETUJU 1.500."),
    ("SETUJU 2000,1300",
     'Jumlah "2000,1300" berisi dua angka yang dipisah koma (2.000 dan 1.300). Tulis misalnya: SETUJU '
     "2.000 atau SETUJU 1.300 atau SETUJU 3.300 bila yang dimaksud jumlah keduanya."),
    # without dots, as the command line names "3000/1000"
    ("SETUJU 3000/1000",
     'Jumlah "3000/1000" berisi dua angka yang dipisah garis miring (3.000 dan 1.000). Tulis misalnya: SETUJU '
     "3.000 atau SETUJU 1.000 atau SETUJU 4.000 bila yang dimaksud jumlah keduanya."),
    # "atau" with more words after it: still two figures, never a note
    ("SETUJU 2.500 atau 1.800, mana yg lbh aman utk stok provinsi",
     'Jumlah "2.500 atau 1.800" berisi dua angka yang dipisah kata "atau" (2.500 dan 1.800). Tulis misalnya: SETUJU '
     "2.500 atau SETUJU 1.800."),
    ("Acc 1.500 atau 1.200 aja pak, sesuaikan stok",
     'Jumlah "1.500 atau 1.200" berisi dua angka yang dipisah kata "atau" (1.500 dan 1.200). Tulis misalnya: SETUJU '
     "1.500 atau SETUJU 1.200."),
])
def test_two_figures_for_one_approval_are_named_and_nothing_is_approved(desk12: Desk12, words: str,
                                                                        said: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert outcome == {"manager-command-error": 1}, outcome
    assert desk12.request()["state"] == "held"
    [told] = [o for o in desk12.out()[n:] if MANAGERS[0] in o.to]
    # was: "angka 1.300 pada catatan ..." and "angka 1.500 sesudah ...", one figure of the two
    assert said in flat(told.text), told.text
