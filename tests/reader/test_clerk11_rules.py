"""Classes of wrong numbers found on two more writers (forwards from service counters, spreadsheet exports,
annual recaps, corrections of corrections, boxes written with their pieces), each removed by a principle a
careful clerk applies, not by the phrases of those mails."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

FIGURES = ("requested", "stock_on_hand", "received", "printed", "recorded")


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@tarakankota.example") -> bytes:
    return (f"From: {sender}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: {subject}\n\n{body}").encode()


def figures(body: str, subject: str = "blangko") -> dict[str, object]:
    got = read_message(mail(body, subject), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    return {f: got[f] for f in FIGURES if got[f] is not None} | {"kind": got["kind"]}


# --- Boxes with their pieces in brackets: the bracket is the whole count, not the size of one -------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Pak, blangko udah sampai ya, 3 box (1.500 pcs) ktp-el. Thanks", {"received": 1500}),
        ("Blangko KTP-el sudah kami terima 4 dus (2.000 keping).", {"received": 2000}),
        ("Blangko KTP-el sudah kami terima 4 dus (1 dus isi 500 keping).", {"received": 2000}),
        ("Blangko KTP-el sudah kami terima 4 box (@ 250 lembar).", {"received": 1000}),
    ],
)
def test_a_bare_count_in_brackets_after_boxes_is_what_they_hold(text: str, want: dict[str, int]) -> None:
    assert figures(text) == {"kind": "receipt"} | want


def test_a_bracketed_count_that_is_no_multiple_of_the_boxes_is_unclear() -> None:
    assert "received" not in figures("Blangko KTP-el sudah kami terima 3 box (1.000 pcs).")
