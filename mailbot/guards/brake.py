"""The outbound brake: a per-sender daily cap on automatic replies and a global rate limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

BrakeAction = Literal["send", "defer", "suppress"]


class BrakeSettings(Protocol):
    """The two limits of the `[guards]` settings the brake takes (`mailbot.config.GuardsConfig` has them)."""

    @property
    def max_replies_per_sender_per_day(self) -> int: ...
    @property
    def max_outbound_per_minute(self) -> int: ...


@dataclass(frozen=True)
class BrakeDecision:
    """What to do with one outgoing message, and why.

    action: "send" now; "defer" (keep it queued, try again after retry_after_seconds);
    "suppress" (never send it: the sender has had enough automatic replies today).
    reason: None when sent, else "sender_daily_cap" or "global_rate".
    """

    action: BrakeAction
    reason: str | None = None
    retry_after_seconds: float | None = None

    @property
    def allowed(self) -> bool:
        return self.action == "send"


@dataclass(frozen=True)
class OutboundBrake:
    """Decides whether one more message may go out, from counts the caller takes from the ledger.

    The per-sender cap stops a loop with a mail system that slipped past the automated-mail
    rules: a reply over the cap is suppressed, not queued for later, because later it would
    be just as wrong. The global rate only spreads a burst out, so a message over it waits.

    >>> brake = OutboundBrake(max_replies_per_sender_per_day=20, max_outbound_per_minute=120)
    >>> brake.decide(replies_to_sender_today=20, outbound_last_minute=0).action
    'suppress'
    """

    max_replies_per_sender_per_day: int
    max_outbound_per_minute: int
    window_seconds: float = 60.0

    def __post_init__(self) -> None:
        if self.max_replies_per_sender_per_day < 1 or self.max_outbound_per_minute < 1:
            raise ValueError("brake limits must be positive")

    @classmethod
    def from_config(cls, guards: BrakeSettings) -> OutboundBrake:
        return cls(
            max_replies_per_sender_per_day=guards.max_replies_per_sender_per_day,
            max_outbound_per_minute=guards.max_outbound_per_minute,
        )

    def decide(
        self,
        *,
        replies_to_sender_today: int,
        outbound_last_minute: int,
        automatic_reply: bool = True,
    ) -> BrakeDecision:
        """Decide for one message.

        replies_to_sender_today: automatic replies already sent (or queued) to this recipient
        today, not counting this one. outbound_last_minute: messages of any kind sent in the
        last window_seconds. automatic_reply: False for mail that is not an answer to a sender
        (alerts and digests to managers, notices to the operator); the per-sender cap does not
        apply to it, the global rate does.
        """
        if replies_to_sender_today < 0 or outbound_last_minute < 0:
            raise ValueError("counts cannot be negative")
        if automatic_reply and replies_to_sender_today >= self.max_replies_per_sender_per_day:
            return BrakeDecision("suppress", "sender_daily_cap")
        if outbound_last_minute >= self.max_outbound_per_minute:
            return BrakeDecision("defer", "global_rate", self.window_seconds)
        return BrakeDecision("send")
