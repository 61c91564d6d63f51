"""A figure lowered after the blanks left, said with what becomes of the part given up ("yg 500 bisa buat kabupaten
lain", "kelebihannya nanti kami kembalikan"), on the real SQLite desk in process, every message written fresh: the
change after dispatch it is (the district told when and how many left, the managers and the operator at once),
never a figure in doubt left to the queue alone."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import MANAGERS, Desk12, answer_gmail, dispatched, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Mohon maaf pak, ternyata kami cukup 1.200 keping saja, yang 800 bisa untuk kabupaten lain.",
    "pak 1.200 aja cukup ya. kelebihannya 800 nanti kami kembalikan ke provinsi",
    "Bu, kami perlu 1.200 keping saja. Sisanya 800 keping dialihkan ke kabupaten lain saja.",
], ids=["yang_800_bisa_untuk", "kelebihannya_kami_kembalikan", "sisanya_dialihkan"])
def test_a_lowered_figure_with_its_surplus_after_dispatch_is_told_at_once(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    mid, outcome = answer_gmail(desk12, notice, words)
    # was: "a figure still in doubt" in the queue and the generic acknowledgement; nobody told the blanks left
    assert desk12.request()["state"] == "dispatched", outcome
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "sudah kami kirimkan pada" in text and "2.000 keping" in text and "1.200 keping" in text, told.text
    [managers] = [o for o in desk12.out() if o.purpose.startswith("changed-after-dispatch:")]
    assert set(MANAGERS) <= set(managers.to) and "1.200 keping" in flat(managers.text), managers.text
