"""A manager's go-ahead as proposed, in Indonesian or English, followed by an instruction or by a check he made, on
the real SQLite desk in process: "Approved as proposed.", "Setuju sesuai usulan. Pastikan ... maks 5 hari ...",
"Setuju. Sdh saya telpon ..." approve as proposed, his words after it the note to the district, as "Setuju sesuai
usulan." alone does. Words that hold back still decide nothing."""

from __future__ import annotations

import re

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _answered(desk12: Desk12, words: str) -> tuple[int, dict[str, int], str]:
    """A manager answers Nunukan's held notice with *words*: the figure proposed, the outcome and what the district
    was told (flat; "" when nothing)."""
    _, held = held_for_managers(desk12)
    proposed = int(re.search(r"sesuai usulan sistem, ([\d.]+) keping", flat(held.text))[1].replace(".", ""))
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    told = [flat(o.text) for o in desk12.out()[n:] if NUNUKAN in o.to]
    return proposed, outcome, told[0] if told else ""


@pytest.mark.parametrize(("words", "note"), [
    ("Approved as proposed.\n\nBest regards,\nKabid PIAK", None),
    ("Approved as proposed. Please make sure Nunukan sends the signed BA within 5 days of receipt.",
     "Please make sure Nunukan sends the signed BA within 5 days of receipt"),
    ("Setuju sesuai usulan. Pastikan Nunukan kirim BA serah terima maks 5 hari setelah barang sampai.",
     "Pastikan Nunukan kirim BA serah terima maks 5 hari setelah barang sampai"),
    ("Setuju. Sdh saya telpon Pak Rusdi, Sari memang staf mereka.",
     "Sdh saya telpon Pak Rusdi, Sari memang staf mereka"),
    ("Ok setuju. Barusan sy sdh cek lwt telp ke Kadis Nunukan, antrian perekaman di Sebatik memang panjang.",
     "Barusan sy sdh cek lwt telp ke Kadis Nunukan, antrian perekaman di Sebatik memang panjang"),
    ("Ya setuju sesuai usulan. Pastikan tanda terimanya dikirim balik ya.",
     "Pastikan tanda terimanya dikirim balik ya"),
], ids=["english-alone", "english-with-an-instruction", "instruction-with-a-time-limit", "check-made",
        "word-before-a-check-made", "word-before-an-instruction"])
def test_go_ahead_as_proposed_with_words_after_it_approves_the_proposal(desk12: Desk12, words: str,
                                                                        note: str | None) -> None:
    proposed, outcome, told = _answered(desk12, words)
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", proposed)
    assert "DISETUJUI" in told
    if note is None:
        assert "Catatan dari pimpinan" not in told, told
    else:
        assert note in told, told


@pytest.mark.parametrize("words", [
    "Setuju sesuai usulan. Tapi tunggu dulu stok dari pusat.",
    "Setuju. Sdh saya telpon Pak Rusdi, kirim 500 saja.",
])
def test_words_that_hold_back_after_it_decide_nothing(desk12: Desk12, words: str) -> None:
    _, outcome, told = _answered(desk12, words)
    assert desk12.request()["state"] == "held", outcome
    assert "DISETUJUI" not in told
