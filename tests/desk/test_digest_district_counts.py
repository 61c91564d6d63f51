"""The digest counts districts, not rows: a district that states a low stock of both blanks is one district."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.mailkit import DISTRICT_SENDERS, request_replied

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_district_low_in_both_blanks_is_counted_once_in_the_headline(desk_dir: Path) -> None:
    bulungan = DISTRICT_SENDERS["65.01"]
    request_replied(desk_dir, "bl-ktp", bulungan,
                    "Dengan hormat, sisa stok blangko KTP-el kami 650 keping. Mohon tambahan 2.000 keping.\n")
    request_replied(desk_dir, "bl-kia", bulungan,
                    "Dengan hormat, sisa stok blangko KIA kami 300 keping. Mohon tambahan blangko KIA 1.000 keping.\n",
                    subject="Permohonan blangko KIA")
    said = mailbot(desk_dir, "digest", "--print").stdout
    digest = " ".join(said.split())
    assert "Kabupaten Bulungan (blangko KTP-el): 650 keping" in digest, digest
    assert "Kabupaten Bulungan (blangko KIA): 300 keping" in digest, digest
    assert "1 kabupaten/kota menyatakan stok di bawah batas minimum" in digest
    assert "2 kabupaten/kota" not in digest
