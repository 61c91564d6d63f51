"""A district protesting a part approved by the managers with a new, higher figure: the approved figure it quotes
as not enough ("2.000 tidak cukup", "2.000 saja?") is the thing protested, never a lowering of the request; the
figure it asks now goes to the managers as the appeal's, and the district hears its plea was passed on."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _part_approved(d: Desk12) -> tuple[str, object]:
    """Nunukan asks 4.500 (sisa 100), held; a manager approves 2.000 of it; the district's mail and its reply."""
    mid, held = held_for_managers(d, asked="4.500", stock=100)
    send_answer(d, MANAGERS[0], held, "SETUJU 2.000")
    req = d.request()
    assert (req["state"], req["approved"]) == ("approved", 2000)
    [part] = [o for o in d.replies_to(mid) if "SEBAGIAN" in o.text]
    return mid, part


@pytest.mark.parametrize(("words", "asked"), [
    ("Mohon ditinjau ulang pak, 2.000 tidak cukup karena ada perekaman massal pemilih pemula di 4 kecamatan. "
     "Mohon bisa dipenuhi 4.000.", 4000),
    ("Maaf pak, 2.000 keping masih kurang untuk pelayanan keliling bulan ini. Kami mohon dapat diberikan 3.800 "
     "keping.", 3800),
    ("Pak, jumlah 2.000 belum cukup, kebutuhan kami sebenarnya 4.200 keping untuk rekam massal di sekolah.", 4200),
    ("Kok hanya 2.000 saja pak? Kami mohon bisa ditambah jadi 3.500 keping karena antrean panjang.", 3500),
    ("2.000 saja pak? Kebutuhan kami 4.000 keping, mohon ditinjau ulang.", 4000),
    ("Mohon maaf pak, kami tetap butuh 4.500 keping sesuai permohonan, 2.000 tidak mencukupi.", 4500),
], ids=["tidak-cukup-dipenuhi", "masih-kurang", "belum-cukup-kebutuhan", "kok-hanya", "saja-question",
        "tetap-butuh-awal"])
def test_a_protest_quoting_the_part_asks_the_new_figure_of_the_managers(desk12: Desk12, words: str,
                                                                        asked: int) -> None:
    _, part = _part_approved(desk12)
    told_before = len(desk12.to_managers())
    mid, _ = send_answer(desk12, NUNUKAN, part, words)
    req = desk12.request()
    assert req["requested"] == asked, req["requested"]  # was: 2.000, the figure protested
    assert req["state"] == "held"
    figure = f"{asked:,}".replace(",", ".")
    [notice] = desk12.to_managers()[told_before:]
    text = flat(notice.text)
    assert f"Dimohon : {figure} keping" in text, text  # the managers weigh the figure asked now
    assert "menjadi 2.000 keping" not in text and "Usulan sistem: 2.000" not in text
    assert "sebelumnya telah disetujui sebanyak 2.000 keping" in text  # the part stands until they decide
    [reply] = desk12.replies_to(mid)
    said = flat(reply.text)
    assert "menjadi 2.000 keping" not in said and "DITINJAU oleh pimpinan" in said, said
