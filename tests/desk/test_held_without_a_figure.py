"""A request with no figure from an address on no district's list waits for the managers with no proposal: its
notice gives every reason whole (never "stok yang ada" cut short before its figures) and its history says it was
asked back, with no figure ("asked back 0" said a figure nobody gave)."""

from __future__ import annotations

import pytest

from mailbot.history import story
from tests.desk.desk12 import Desk12

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_request_with_no_figure_from_an_unlisted_address(desk12: Desk12) -> None:
    _, outcome = desk12.send("rudi.capil.blg@gmail.example", "stok blangko",
                             "Siang pak, blangko ktp-el kami di Bulungan sudah mau habis, tolong segera dikirim ya "
                             "pak. Trims\n\nRudi (Bulungan)")
    assert outcome == {"request-held": 1}, outcome
    [held] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    lines = [line.strip() for line in held.text.splitlines()]
    assert "- stok yang ada" not in lines, held.text
    assert "- stok kabupaten/kota menurut catatan masih mencukupi kebutuhannya" in lines, held.text
    assert "; stok yang ada;" not in held.text, held.text
    with desk12.desk.sessions() as session:
        _, events = story(session, "BLK-2026-0001")
    [decided] = [e.text for e in events if e.what == "decision"]
    assert decided.startswith("asked back: "), decided
