"""The outbound brake: a sender's daily cap suppresses, the global rate defers."""

from __future__ import annotations

import pytest

from mailbot.config import GuardsConfig
from mailbot.guards.brake import BrakeDecision, OutboundBrake

BRAKE = OutboundBrake(max_replies_per_sender_per_day=20, max_outbound_per_minute=120)


@pytest.mark.parametrize(
    ("to_sender", "last_minute", "automatic", "expected"),
    [
        (0, 0, True, BrakeDecision("send")),
        (19, 119, True, BrakeDecision("send")),
        (20, 0, True, BrakeDecision("suppress", "sender_daily_cap")),
        (500, 500, True, BrakeDecision("suppress", "sender_daily_cap")),
        (3, 120, True, BrakeDecision("defer", "global_rate", 60.0)),
        (20, 0, False, BrakeDecision("send")),
        (20, 120, False, BrakeDecision("defer", "global_rate", 60.0)),
    ],
)
def test_brake(to_sender: int, last_minute: int, automatic: bool, expected: BrakeDecision) -> None:
    decision = BRAKE.decide(
        replies_to_sender_today=to_sender, outbound_last_minute=last_minute, automatic_reply=automatic
    )
    assert decision == expected
    assert decision.allowed is (expected.action == "send")


def test_brake_follows_the_configuration() -> None:
    brake = OutboundBrake.from_config(GuardsConfig(max_replies_per_sender_per_day=2, max_outbound_per_minute=5, authserv_id="mx.test"))
    assert brake.decide(replies_to_sender_today=2, outbound_last_minute=0).reason == "sender_daily_cap"
    assert brake.decide(replies_to_sender_today=1, outbound_last_minute=5).reason == "global_rate"


@pytest.mark.parametrize(("per_sender", "per_minute"), [(0, 120), (20, 0)])
def test_brake_refuses_limits_that_stop_everything(per_sender: int, per_minute: int) -> None:
    with pytest.raises(ValueError):
        OutboundBrake(max_replies_per_sender_per_day=per_sender, max_outbound_per_minute=per_minute)


def test_negative_counts_are_a_caller_bug() -> None:
    with pytest.raises(ValueError):
        BRAKE.decide(replies_to_sender_today=-1, outbound_last_minute=0)
