"""A manager answering a held request with a word of assent and no SETUJU, on the real SQLite desk in process: the
cut written after it ("Boleh, tapi cukup 2.500 dulu", "Oke acc, tp 1800 aja dl") approves that figure, the blanks
asked sent ("Nggih, monggo dikirim") approve what the desk proposed; the manager's words to the district go with it."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "figure", "note"), [
    ("Boleh, tapi cukup 2.500 keping dulu sampai kiriman pusat masuk.", 2500, "kiriman pusat masuk"),
    ("Oke acc, tp 1800 aja dl ya. sisanya awal bulan", 1800, "sisanya awal bulan"),
    ("Baik pak, tapi 2.000 saja", 2000, None),
], ids=["boleh-tapi-cukup", "phone-acc-tp-aja-dl", "baik-tapi-saja"])
def test_a_cut_after_a_word_of_assent_approves_the_figure_written(desk12: Desk12, words: str, figure: int,
                                                                  note: str | None) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[1], held, words, above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", figure)
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert f"{figure:,}".replace(",", ".") in flat(told.text)
    assert note is None or note in flat(told.text), told.text


def test_the_blanks_asked_sent_approve_the_proposal(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    proposed = desk12.db().execute("SELECT quantity FROM decisions ORDER BY id DESC LIMIT 1").fetchone()[0]
    _, outcome = send_answer(desk12, MANAGERS[0], held, "Nggih, monggo dikirim, nanging kedah laporan pemakaian "
                             "saben minggu.", above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert desk12.request()["state"] == "approved"
    assert desk12.request()["approved"] in (proposed, desk12.request()["requested"])


def test_a_word_of_assent_alone_approves_nothing(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    _, outcome = send_answer(desk12, MANAGERS[0], held, "Ok, saya cek dulu stok gudangnya.", above=GMAIL)
    assert desk12.request()["state"] == "held", outcome
