"""A request linked beside the district's open one (sent from its second address while the first waits) is listed
in the managers' digest among the requests, by its link, until it is decided."""

from __future__ import annotations

import pytest

from mailbot.watch import build_digest
from tests.desk.desk12 import REQUEST, Desk12, held_for_managers

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

SECOND_NUNUKAN = "capil.nunukan@nunukankab.example"


def _lines(d: Desk12) -> list[str]:
    _, text, _ = build_digest(d.desk)
    return [line for line in text.splitlines() if line.startswith("- BLK-")]


def test_a_request_from_the_districts_second_address_is_listed_by_its_link(desk12: Desk12) -> None:
    held_for_managers(desk12)  # BLK-2026-0001, Nunukan 3.500, held
    _, outcome = desk12.send(SECOND_NUNUKAN, "Permohonan blangko KTP-el",
                             REQUEST.format(stock=300, asked="800", name="Nunukan"))
    assert outcome == {"request-linked": 1}, outcome
    [linked] = [line for line in _lines(desk12) if line.startswith("- BLK-2026-0002")]
    # was: only BLK-2026-0001 listed
    assert "dimohon 800" in linked and "dikaitkan dengan permohonan lain yang masih terbuka" in linked, linked
    assert any(line.startswith("- BLK-2026-0001") for line in _lines(desk12))
