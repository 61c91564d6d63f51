"""The outbound brake's global rate (the per-sender cap is counted in the database: tests/desk/test_loops.py)."""

from __future__ import annotations

import pytest

from mailbot.guards.brake import room_to_send


@pytest.mark.parametrize(
    ("per_minute", "sent", "room"),
    [(120, 0, 120), (120, 1, 119), (120, 119, 1), (120, 120, 0), (120, 121, 0), (5, 3, 2), (1, 0, 1)],
)
def test_room_to_send(per_minute: int, sent: int, room: int) -> None:
    assert room_to_send(per_minute, sent) == room


@pytest.mark.parametrize(("per_minute", "sent"), [(0, 0), (-1, 0), (10, -1)])
def test_impossible_limits_and_counts_are_refused(per_minute: int, sent: int) -> None:
    with pytest.raises(ValueError):
        room_to_send(per_minute, sent)
