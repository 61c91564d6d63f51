"""The words a reply quotes for a figure never hold one half of a bracket: a mail wrapped inside brackets breaks its
line there, which ends no sentence."""

from __future__ import annotations

import pytest

from mailbot.actions import quote_of

LETTER = ("Dengan hormat,\nSehubungan dengan meningkatnya perekaman KTP-el menjelang akhir tahun (pemilih pemula dan "
          "layanan jemput bola\nke sekolah-sekolah), dengan ini kami mengajukan permohonan penambahan blangko KTP-el "
          "sebanyak 4.000 (empat ribu)\nkeping. Adapun sisa persediaan blangko di gudang kami per hari ini tinggal 350 "
          "keping.\n")


@pytest.mark.parametrize(("snippet", "text", "expected"), [
    ("mengajukan permohonan penambahan blangko KTP-el sebanyak 4.000", LETTER,
     "dengan ini kami mengajukan permohonan penambahan blangko KTP-el sebanyak 4.000 (empat ribu)"),
    ("Mohon dikirim 2.000", "Mohon dikirim 2.000 (dua\nribu) keping.\nTerima kasih",
     "Mohon dikirim 2.000 (dua ribu)"),
], ids=["closed-inside", "opened-inside"])
def test_a_quote_holds_both_halves_of_a_bracket_or_neither(snippet: str, text: str, expected: str) -> None:
    quote = quote_of(snippet, text)
    assert quote == expected
    assert quote.count("(") == quote.count(")")
