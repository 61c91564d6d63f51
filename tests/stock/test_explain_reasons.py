"""Each reason of a decision said in Indonesian: with its figures when they were recorded, and whole without them
when they were not (a request with no figure asked, from an address on no list, held with no proposal) — never a
phrase cut short before its figures ("stok yang ada")."""

from __future__ import annotations

import pytest

from mailbot.stock.explain import REASON_TEXT, reason_id
from mailbot.stock.policy import Reason


def test_a_reason_with_its_figures_says_them() -> None:
    assert reason_id(Reason("no_need", {"stock": 8000, "target": 3300})) == \
        "stok yang ada (8.000) masih mencukupi kebutuhan 3.300 keping"


def test_a_reason_recorded_without_its_figures_is_said_whole() -> None:
    assert reason_id(Reason("no_need", {})) == "stok kabupaten/kota menurut catatan masih mencukupi kebutuhannya"
    assert reason_id(Reason("over_limit", {"quantity": 6000})) == \
        "jumlah yang dimohon melebihi batas persetujuan otomatis"


@pytest.mark.parametrize("code", sorted(c for c, text in REASON_TEXT.items() if "{" in text))
def test_no_reason_without_its_figures_ends_cut_short(code: str) -> None:
    said = reason_id(Reason(code, {}))
    assert "{" not in said and not said.endswith(("yang ada", "(", "sebanyak", " oleh")), said
    assert len(said.split()) >= 4, said
