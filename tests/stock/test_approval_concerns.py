"""Why a manual approval deserves a second look, said as one sentence in every combination of concerns."""

from __future__ import annotations

import itertools
import re

import pytest

from mailbot.actions import concerns_indonesian, concerns_text, quantity_concerns
from mailbot.guards.commands import ManagerCommand
from mailbot.routes import _unconfirmed
from mailbot.store.schema import Request

REFERENCE = "BLK-2026-0005"
QUANTITY = 2050  # not whole packs of 100

# each concern switched on (True) or off by the figures around the same quantity
FIGURES = {
    "above_request": ({"requested": 2000}, {"requested": 3000}),
    "above_need": ({"need": 1500}, {"need": 2500}),
    "not_whole_packs": ({"pack": 100}, {"pack": 50}),
    "into_reserve": ({"free_after": 4000}, {"free_after": 40000}),
    "verified_request_exists": ({"verified_open": ["BLK-2026-0003"]}, {"verified_open": []}),
}
COMBINATIONS = [dict(zip(FIGURES, on, strict=True)) for on in itertools.product((True, False), repeat=len(FIGURES))]


def _concerns(on: dict[str, bool]) -> list:  # type: ignore[type-arg]
    figures: dict[str, object] = {"cover_days": 30, "reserve": 5000}
    for code, switched in on.items():
        figures.update(FIGURES[code][0 if switched else 1])
    return quantity_concerns(QUANTITY, **figures)  # type: ignore[arg-type]


def _one_sentence(text: str) -> None:
    assert "\n" not in text and "  " not in text and ";" not in text, text
    assert not re.search(r"\.\s", text), f"a full stop inside: {text}"
    assert " is its " not in text and " is the request" not in text, text


@pytest.mark.parametrize("on", [c for c in COMBINATIONS if any(c.values())],
                         ids=lambda on: "+".join(code for code, s in on.items() if s))
def test_every_combination_of_concerns_is_one_english_sentence(on: dict[str, bool]) -> None:
    concerns = _concerns(on)
    assert [c.code for c in concerns] == [code for code, switched in on.items() if switched]
    text = concerns_text(QUANTITY, concerns)
    _one_sentence(text)
    about_quantity = [c for c in concerns if c.about_quantity]
    if about_quantity:
        # every predicate follows "approving 2.050 would", joined by commas and a last "and"
        predicates = ", ".join(c.text for c in about_quantity[:-1])
        joined = f"{predicates} and {about_quantity[-1].text}" if predicates else about_quantity[0].text
        assert text.startswith(f"approving 2.050 would {joined}"), text
        assert all(c.text.startswith(("be ", "not ", "take ")) for c in about_quantity)
    if on["verified_request_exists"]:
        sender = "the request's sender could not be verified while the district has a verified request open " \
                 "(BLK-2026-0003)"
        assert text.endswith(sender), text
        assert text == sender or text.endswith(f", and {sender}"), text
    refusal = f"{REFERENCE}: {text}; to approve it anyway add --force --reason TEXT"
    assert refusal.count(":") == 1 + text.count(":")


@pytest.mark.parametrize("on", [c for c in COMBINATIONS if any(c.values())],
                         ids=lambda on: "+".join(code for code, s in on.items() if s))
def test_every_combination_of_concerns_is_one_indonesian_answer(on: dict[str, bool]) -> None:
    concerns = _concerns(on)
    text = concerns_indonesian(REFERENCE, QUANTITY, concerns)
    _one_sentence(text)
    if any(c.about_quantity for c in concerns):
        assert text.startswith(f"jumlah 2.050 keping untuk permohonan {REFERENCE} "), text
        if on["verified_request_exists"]:
            assert ", dan permohonan tersebut berasal dari pengirim" in text, text
    else:
        assert text.startswith(f"permohonan {REFERENCE} berasal dari pengirim yang keasliannya"), text
    # what the manager is sent: the clause, then what to do
    answer = _unconfirmed(ManagerCommand(action="approve", quantity=QUANTITY),
                          Request(reference=REFERENCE, approved=None), concerns)
    assert answer is not None and answer.startswith(text)
    if on["into_reserve"]:
        assert answer.startswith(f"{text}. Cadangan provinsi tidak dapat dipakai"), answer
    else:
        rest = answer[len(text):]
        meant = "jumlah tersebut memang dimaksud" if any(c.about_quantity for c in concerns) else \
            "permohonan ini memang hendak disetujui"
        assert rest.startswith(f", sehingga belum kami setujui. Bila {meant}, mohon tegaskan"), answer


def test_no_concern_is_no_sentence() -> None:
    assert _concerns(dict.fromkeys(FIGURES, False)) == []
    assert _unconfirmed(ManagerCommand(action="approve"), Request(reference=REFERENCE, approved=2000), []) is None


def test_several_verified_requests_are_named_in_the_plural() -> None:
    [concern] = quantity_concerns(2000, requested=None, need=None, cover_days=30, pack=100, free_after=40000,
                                  reserve=5000, verified_open=["BLK-2026-0003", "BLK-2026-0004"])
    assert concerns_text(2000, [concern]) == (
        "the request's sender could not be verified while the district has verified requests open "
        "(BLK-2026-0003, BLK-2026-0004)")
