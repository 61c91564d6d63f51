"""Every corpus message read against its expected verdict (tests/corpus/expected.toml)."""

from __future__ import annotations

import tomllib

import pytest

from mailbot.reader import read_message
from mailbot.reader.verdict import QUANTITY_FIELDS
from tests.reader.conftest import CORPUS, DISTRICTS, OWN_ADDRESSES

EXPECTED: dict[str, dict[str, object]] = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
FILES = sorted(CORPUS.glob("*.eml"))
COMPARED = ("kind", "district", "item", *QUANTITY_FIELDS, "sender_known")


def test_every_file_has_expectations_and_back() -> None:
    names = {f.stem for f in FILES}
    assert names == set(EXPECTED)
    assert len(names) >= 120


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_corpus_message(path) -> None:
    expected = EXPECTED[path.stem]
    verdict = read_message(path.read_bytes(), DISTRICTS, own_addresses=OWN_ADDRESSES)
    got = {name: getattr(verdict, name) for name in COMPARED}
    want = {name: expected.get(name) for name in COMPARED}
    assert got == want, f"evidence={verdict.evidence} doubts={verdict.doubts}"
    doubts = {f"{d.field}:{d.reason}" for d in verdict.doubts}
    for doubt in expected.get("doubts", []):
        assert doubt in doubts, f"missing doubt {doubt}; got {sorted(doubts)}"
    for reason in expected.get("reasons", []):
        assert reason in verdict.automated_reasons
    if "report_date" in expected:
        assert verdict.report_date is not None and verdict.report_date.isoformat() == expected["report_date"]
    # Every number taken is backed by evidence that shows it.
    for name in QUANTITY_FIELDS:
        value = getattr(verdict, name)
        if value is not None:
            assert any(e.field == name and e.value == value and e.text for e in verdict.evidence)
