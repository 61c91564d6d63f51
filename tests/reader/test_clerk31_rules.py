"""Rules for conversations typed on a phone: what came, said in shorthand ("br dtg 1.200
keping"), is a receipt's count as "baru datang" is; each test is a short mail with other words and figures."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

TANA_TIDUNG = "Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>"


@pytest.mark.parametrize("body", [
    "br dtg 900 kpg pak, sisanya msh di kapal",
    "Pak, udh dtg 900 keping td pagi. Trims",
    "blangko baru dtg 900 lbr, kurangnya nyusul",
])
def test_what_came_in_shorthand_is_the_count_received(body: str) -> None:
    read = mail(TANA_TIDUNG, "Re: [BLK-2026-0007] kiriman blangko", body)
    assert read["kind"] == "receipt" and read["received"] == 900, read
