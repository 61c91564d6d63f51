"""A movement the ledger refuses is told in one sentence, whichever of its checks fail."""

from __future__ import annotations

import itertools

import pytest

from mailbot.quantities import QuantityError, parse_quantity
from mailbot.stock.ledger import Balance
from mailbot.store.stock import PROBLEM_WORDS, refusal

CODES = list(PROBLEM_WORDS)


@pytest.mark.parametrize("found", [combo for n in range(1, len(CODES) + 1)
                                   for combo in itertools.combinations(CODES, n)], ids="+".join)
def test_every_combination_of_ledger_problems_is_one_sentence(found: tuple[str, ...]) -> None:
    text = refusal(found, "65.04", Balance(420, 0, 0), "ktp-el", -1500)
    reasons, _, balances = text.removeprefix("refused: ").partition(" (65.04 has ")
    assert "\n" not in text and ";" not in reasons and ". " not in text, text
    words = [PROBLEM_WORDS[code] for code in found]
    joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    assert reasons == joined, text
    assert balances == "420 ktp-el on hand, 0 in transit and 0 committed; the movement was -1.500)"


def test_the_province_is_named_as_the_store() -> None:
    text = refusal(["province_short"], "province", Balance(66000, 0, 2000), "ktp-el", -70000)
    assert text == ("refused: the province store would go below zero (the province store has 66.000 ktp-el on hand, "
                    "0 in transit and 2.000 committed; the movement was -70.000)")


@pytest.mark.parametrize("typed", ["", " ", "\t"])
def test_no_number_at_all_is_said_so(typed: str) -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity(typed)
    assert str(caught.value) == f"no number of pieces given ({typed!r}); write it like 2.000, 2000 or 2 ribu"
