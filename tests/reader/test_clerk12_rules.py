"""Rules from two more independent sets of district mail: a service drive in the interior (trip logistics,
pasted chat threads) and a month of inspection and reconciliation."""

from __future__ import annotations

import pytest

from mailbot.reader.numbers import find_mentions, normalise
from mailbot.reader.roles import read_text, settle


def read(text: str) -> dict[str, int | None]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(candidates, unassigned).values)


# --- The logistics of a trip: fuel, seats, passengers and households count no blanks -------------------


@pytest.mark.parametrize("unit", ["drums", "drum", "jeriken", "liter", "penumpang", "passengers", "households"])
def test_a_unit_of_trip_logistics_is_no_unit_of_blanks(unit: str) -> None:
    (m,) = find_mentions(f"need 4 {unit}")
    assert m.unit == "other"


def test_a_need_of_fuel_is_no_request_of_blanks() -> None:
    assert read("We are planning boat logistics and we need to order 4 drums of fuel a week ahead.") == {}
    assert read("Kami perlu 6 jeriken solar untuk longboat ke Long Pujungan.") == {}
    assert read("Mohon tambahan blangko 1.000 keping; kami juga perlu 4 drum BBM.") == {"requested": 1000}
