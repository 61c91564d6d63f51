"""set1 of ../shared/reading, labelled independently of the reader, scored as `mailbot parse --json` reads it."""

from __future__ import annotations

from mailbot.config import load_config
from mailbot.pipeline import Rules, read_within_limits
from mailbot.scoring import compare, load_labels, report, score
from tests.reader.conftest import ROOT

SET1 = ROOT / "tests" / "reading" / "set1"
# The bar the reader holds on set1: messages with every field right (of 170), and wrong numbers.
LEAST_RIGHT = 168
MOST_WRONG_NUMBER_MESSAGES = 0


def test_set1_score_holds() -> None:
    config = load_config(ROOT / "config.toml")
    labels, corpus = load_labels(SET1)
    assert len(labels) == 170
    rules = Rules.of(config)  # what `mailbot parse` reads with: the districts, addresses and limits
    result = score(labels, lambda name: read_within_limits((corpus / name).read_bytes(), rules).as_dict())
    text = report(result)
    assert result.percent >= 97.0 and result.right >= LEAST_RIGHT, text
    assert len(result.wrong_number_messages) <= MOST_WRONG_NUMBER_MESSAGES, text
    assert result.automated == (20, 20), text


def test_a_wrong_number_is_told_from_a_missing_one() -> None:
    want = {"kind": "request", "requested": 2000, "stock_on_hand": None, "tags": ["x"]}
    missing = compare("a", want, {"kind": "request", "requested": None, "stock_on_hand": None})
    wrong = compare("b", want, {"kind": "request", "requested": 2000, "stock_on_hand": 750})
    assert missing.misses and not missing.wrong_numbers
    assert wrong.wrong_numbers == ("stock_on_hand read 750, expected None",)
