"""The outbound brake's global rate: how many more messages may go out now.

The other half of the brake, the per-sender daily cap on automatic replies, is counted where it
has to be atomic: in the database, as each reply is queued (mailbot.store.repo.take_reply_slot,
called by mailbot.outgoing.queue); a reply over the cap is suppressed there, not queued for later,
because later it would be just as wrong. The global rate only spreads a burst out: what is over it
stays queued for the next minute.
"""

from __future__ import annotations


def room_to_send(max_outbound_per_minute: int, sent_last_minute: int) -> int:
    """How many messages may go out now, when *sent_last_minute* went out in the last minute.

    >>> room_to_send(120, 0), room_to_send(120, 119), room_to_send(120, 120), room_to_send(120, 500)
    (120, 1, 0, 0)
    """
    if max_outbound_per_minute < 1:
        raise ValueError("the outbound rate must be positive")
    if sent_last_minute < 0:
        raise ValueError("a count cannot be negative")
    return max(0, max_outbound_per_minute - sent_last_minute)
