"""Classes of mail that failed on writers the reader had never seen: round figures, vague tails,
zero stock as a word, opening and closing stock, figures about something else, both blanks."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import current_requests, read_text, settle
from tests.reader.conftest import DISTRICTS


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@nunukankab.example") -> bytes:
    return f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\n\n{body}".encode()


# --- Round figures and vague tails -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mohon tambahan blangko KTP-el ± 1.200 keping", {"requested": 1200}),
        ("kebutuhan kami kurang lebih 2.000 keping, mohon dikirim", {"requested": 2000}),
        ("stok ± 400 keping, tepatnya 396 keping", {"stock_on_hand": 396}),
        ("sisa blg kami 1rb kurang dikit, mohon dikirim 2rb", {"requested": 2000}),
    ],
)
def test_round_figures_count_and_vague_ones_do_not(text: str, want: dict[str, int]) -> None:
    assert read(text) == want
