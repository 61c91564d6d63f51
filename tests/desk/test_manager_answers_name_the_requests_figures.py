"""What a manager is told when his reply decides nothing, on the real SQLite desk in process: one clear answer (the
request is not decided, and the commands that decide it), never also that a person will read his mail; the example
commands carry the request's own figures (its proposal, the figure asked), never a figure of another request."""

from __future__ import annotations

import re

import pytest

from tests.desk.desk12 import GMAIL, Desk12, approved, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _answer(desk12: Desk12, words: str, asked: str) -> tuple[int, str]:
    """Nunukan asks *asked*, held; a manager answers the notice with *words*: the proposal and what the manager is
    told back (flat)."""
    _, held = held_for_managers(desk12, asked=asked)
    proposed = int(re.search(r"sesuai usulan sistem, ([\d.]+) keping", flat(held.text))[1].replace(".", ""))
    mid, _ = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    [told] = [o for o in desk12.replies_to(mid) if MANAGERS[0] in o.to]
    return proposed, flat(told.text)


def _figure(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_a_cut_without_a_figure_is_answered_once_clearly_with_the_requests_figures(desk12: Desk12) -> None:
    proposed, told = _answer(desk12, "Boleh pak, tapi kirim separuhnya dulu ya, sisanya nunggu stok masuk Januari.",
                             "3.700")
    assert desk12.request()["state"] == "held"
    assert "akan dibaca" not in told and "petugas kami telah mencatatnya" not in told, told
    assert "belum kami putuskan" in told
    assert f'"SETUJU {_figure(proposed)}"' in told and '"SETUJU 3.700 PAKSA <alasan>"' in told, told
    assert "1.500" not in told


@pytest.mark.parametrize("words", ["SETUJU / sesuai usulan tapi nanti dicek lagi ya", "Acc sesuai permintaan Nunukan."])
def test_a_refused_command_shows_the_requests_own_figures(desk12: Desk12, words: str) -> None:
    proposed, told = _answer(desk12, words, "3.900")
    assert desk12.request()["state"] == "held"
    assert "SETUJU 3.900 PAKSA <alasan>" in told, told
    assert f"SETUJU {_figure(proposed)}" in told and "1.500" not in told, told


def test_a_bare_setuju_refused_is_not_offered_again(desk12: Desk12) -> None:
    approved(desk12)  # Bulungan's own request of 2.000, approved and open
    desk12.send("sari.bulungan88@gmail.example", "Permohonan blangko KTP-el Bulungan",
                "Selamat pagi pak, saya Sari, staf Disdukcapil Kabupaten Bulungan. Email dinas kami bermasalah.\n"
                "Kami mohon blangko KTP-el sebanyak 800 keping, sisa stok kami 120 keping.\n\nSari\n")
    assert desk12.request("BLK-2026-0002")["state"] == "held"
    [held] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    mid, outcome = send_answer(desk12, MANAGERS[0], held, "SETUJU", above=GMAIL)
    assert desk12.request("BLK-2026-0002")["state"] == "held", outcome
    [told] = [o for o in desk12.replies_to(mid) if MANAGERS[0] in o.to]
    offered = [line.strip() for line in told.text.splitlines() if line.startswith("  SETUJU")]
    # the proposal, approved bare or by its figure, is what was refused: only its confirmation is offered
    assert offered == ["SETUJU 800 PAKSA <alasan>"], told.text
