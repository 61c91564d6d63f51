"""What became of one message: every outcome the pipeline records, by name.

The values are the short labels shown in logs and in the `mailbot run --once` summary. A message
that ended with no action and was put in the operator's queue is marked there with "+queued"
(see mailbot.pipeline.Outcome.label).
"""

from __future__ import annotations

from enum import StrEnum


class MessageOutcome(StrEnum):
    # intake and quarantine
    DUPLICATE = "duplicate"
    DUPLICATE_QUARANTINED = "duplicate-quarantined"
    QUARANTINED = "quarantined"
    # mail nobody acts on automatically
    OTHER = "other"
    ATTACHMENT = "attachment"  # the figures may be in a PDF or an image: a person reads it
    AUTOMATED = "automated"
    AUTOMATED_REPLY = "automated-reply"
    AUTOMATED_BOUNCE = "automated-bounce"
    UNTRUSTED = "untrusted"
    UNTRUSTED_NOTIFIED = "untrusted-notified"
    UNTRUSTED_IN_THREAD = "untrusted-in-thread"
    REMINDER = "reminder"
    CORRECTION_UNMATCHED = "correction-unmatched"  # a correction outside any thread that fits no open request
    REMINDER_UNMATCHED = "reminder-unmatched"  # a reminder from a district with no open request
    # requests
    REQUEST_CLARIFY = "request-clarify"
    REQUEST_HELD = "request-held"
    REQUEST_APPROVED = "request-approved"
    REQUEST_APPROVED_PROPOSAL = "request-approved-proposal"
    REQUEST_APPROVED_PARTIAL = "request-approved-partial"
    REQUEST_LINKED = "request-linked"
    REPEATED_REQUEST = "repeated-request"  # the same request mail sent again: recorded on the open one
    ASKED_BEFORE = "asked-before"  # the same mail sent again after we asked back about it: not asked twice
    # daily reports and receipts
    REPORT = "report"
    REPORT_CLARIFY = "report-clarify"
    REPORT_UNTRUSTED = "report-untrusted"
    REPORT_CORRECTED = "report-corrected"  # a daily report's figure corrected in its thread: adjusted, no new report
    RECEIPT = "receipt"
    RECEIPT_CLARIFY = "receipt-clarify"
    RECEIPT_UNMATCHED = "receipt-unmatched"
    RECEIPT_CONFIRMED = "receipt-confirmed"
    RECEIPT_CORRECTED = "receipt-corrected"
    RECEIPT_UNTRUSTED = "receipt-untrusted"
    # a district's reply in a request's thread
    FOLLOW_UP_UNREADABLE = "follow-up-unreadable"
    FOLLOW_UP_QUEUED = "follow-up-queued"
    FOLLOW_UP_QUESTION = "follow-up-question"
    FOLLOW_UP_OTHER_ITEM = "follow-up-other_item"  # a figure for the other blank: never applied, a person reads it
    FOLLOW_UP_UNCLEAR = "follow-up-unclear"  # a figure whose meaning is not clear: a person reads it
    FOLLOW_UP_CANCELLED = "follow-up-cancelled"  # the district withdrew a request not yet decided
    FOLLOW_UP_CANCEL_ASKED = "follow-up-cancel-asked"  # ... one approved or dispatched: a person settles it
    FOLLOW_UP_CLARIFY = "follow-up-clarify"  # a figure no count can be (below zero), or one that may correct either of
    # two figures of the same value: the district is asked back
    FOLLOW_UP_APPEALED = "follow-up-appealed"  # asks to look again at a rejection: to the managers at once
    FOLLOW_UP_CONFIRMED = "follow-up-confirmed"
    FOLLOW_UP_REQUEST_CLARIFY = "follow-up-request-clarify"
    FOLLOW_UP_REQUEST_HELD = "follow-up-request-held"
    FOLLOW_UP_REQUEST_APPROVED = "follow-up-request-approved"
    FOLLOW_UP_REQUEST_APPROVED_PROPOSAL = "follow-up-request-approved-proposal"
    FOLLOW_UP_REQUEST_APPROVED_PARTIAL = "follow-up-request-approved-partial"
    # a manager's mail
    MANAGER_APPROVE = "manager-approve"
    MANAGER_REJECT = "manager-reject"
    MANAGER_OTHER = "manager-other"
    MANAGER_FORWARD = "manager-forward"  # a district's mail a manager forwarded: a person takes it up
    MANAGER_THANKS = "manager-thanks"  # "ok terima kasih" to our mail in a request's thread: recorded, no reply
    MANAGER_COMMAND_ERROR = "manager-command-error"
    MANAGER_COMMAND_UNCONFIRMED = "manager-command-unconfirmed"
    MANAGER_COMMAND_REFUSED = "manager-command-refused"

    @property
    def is_follow_up(self) -> bool:
        return self.value.startswith("follow-up")

    @property
    def is_managers(self) -> bool:
        return self.value.startswith("manager-")

    @property
    def asks_back(self) -> bool:
        return self.value.endswith("clarify")


# A request decided again after the district changed its figures (mailbot.conversation.update).
FOLLOW_UP_OF = {
    MessageOutcome.REQUEST_CLARIFY: MessageOutcome.FOLLOW_UP_REQUEST_CLARIFY,
    MessageOutcome.REQUEST_HELD: MessageOutcome.FOLLOW_UP_REQUEST_HELD,
    MessageOutcome.REQUEST_APPROVED: MessageOutcome.FOLLOW_UP_REQUEST_APPROVED,
    MessageOutcome.REQUEST_APPROVED_PROPOSAL: MessageOutcome.FOLLOW_UP_REQUEST_APPROVED_PROPOSAL,
    MessageOutcome.REQUEST_APPROVED_PARTIAL: MessageOutcome.FOLLOW_UP_REQUEST_APPROVED_PARTIAL,
}

# A follow-up that is never applied to its request: a person reads it (mailbot.followup's intents).
FOLLOW_UP_INTENT = {
    "question": MessageOutcome.FOLLOW_UP_QUESTION,
    "other_item": MessageOutcome.FOLLOW_UP_OTHER_ITEM,
    "unclear": MessageOutcome.FOLLOW_UP_UNCLEAR,
}


# What each outcome means to the operator (the `run --once` summary, `correct`, `replay`): plain words,
# never the code.
OUTCOME_WORDS: dict[str, str] = {
    "duplicate": "already read (a copy)",
    "duplicate-quarantined": "a copy of a quarantined message",
    "quarantined": "quarantined (see `mailbot quarantine`)",
    "other": "not a request or report",
    "attachment": "figures in an attachment: a person reads it",
    "automated": "automatic mail (no action)",
    "automated-reply": "automatic reply (no action)",
    "automated-bounce": "bounce: a mail was not delivered",
    "untrusted": "unknown or unverified sender",
    "untrusted-notified": "unknown or unverified sender, operator told",
    "untrusted-in-thread": "reply in a request's thread from an unknown sender or one failing the checks",
    "reminder": "reminder about a request",
    "correction-unmatched": "a correction that fits no open request: a person reads it",
    "reminder-unmatched": "a reminder with no open request: a person reads it",
    "request-clarify": "request, asked back",
    "request-held": "request, waiting for manager",
    "request-approved": "request approved",
    "request-approved-proposal": "request approved as proposed",
    "request-approved-partial": "request approved in part",
    "request-linked": "request linked to an open one",
    "repeated-request": "the same request sent again: recorded on the open one",
    "asked-before": "the same mail sent again after it was asked back: recorded, not asked twice",
    "report": "daily report",
    "report-clarify": "daily report, asked back",
    "report-untrusted": "daily report from an unverified sender",
    "report-corrected": "correction of a daily report in its thread: the report's stock adjusted",
    "receipt": "receipt of a shipment",
    "receipt-clarify": "receipt, asked back",
    "receipt-unmatched": "receipt matching no shipment",
    "receipt-confirmed": "receipt confirmed",
    "receipt-corrected": "receipt corrected",
    "receipt-untrusted": "receipt from an unverified sender",
    "follow-up-unreadable": "reply in a request's thread, not readable",
    "follow-up-queued": "reply in a request's thread, for a person",
    "follow-up-question": "question in a request's thread",
    "follow-up-other_item": "reply about the other item",
    "follow-up-unclear": "reply with an unclear figure",
    "follow-up-clarify": "reply with a figure impossible or not clear, asked back",
    "follow-up-cancelled": "request cancelled by the district",
    "follow-up-cancel-asked": "district asks to cancel a decided request: for a person",
    "follow-up-appealed": "district asks to reconsider a rejection: managers told",
    "follow-up-confirmed": "reply confirming a request",
    "follow-up-request-clarify": "request changed by reply, asked back",
    "follow-up-request-held": "request changed by reply, waiting for manager",
    "follow-up-request-approved": "request changed by reply, approved",
    "follow-up-request-approved-proposal": "request changed by reply, approved as proposed",
    "follow-up-request-approved-partial": "request changed by reply, approved in part",
    "manager-approve": "manager's approval",
    "manager-reject": "manager's rejection",
    "manager-forward": "a district's mail forwarded by a manager: a person takes it up",
    "manager-other": "manager's mail, no decision in it",
    "manager-thanks": "manager's thanks in a request's thread, recorded",
    "manager-command-error": "manager's decision not understood (manager told)",
    "manager-command-unconfirmed": "manager's decision awaiting confirmation",
    "manager-command-refused": "manager's decision refused (manager told)",
}


def outcome_words(label: object) -> str:
    """An outcome's label (a MessageOutcome, or its value, perhaps with "+queued") in plain words.

    >>> outcome_words("receipt-unmatched+queued")
    'receipt matching no shipment; in the queue'
    >>> outcome_words(MessageOutcome.REQUEST_HELD)
    'request, waiting for manager'
    """
    text = str(label.value if isinstance(label, MessageOutcome) else label)
    head, sep, why = text.partition(" (")  # replay's "quarantined (the reason)"
    code, queued, _ = head.partition("+queued")
    words = OUTCOME_WORDS.get(code, code.replace("-", " ").replace("_", " "))
    return (f"{words}; in the queue" if queued else words) + (f" ({why}" if sep else "")


# What each request state means to the operator: approved is promised but still in the store.
STATE_WORDS = {
    "clarifying": "asked back", "held": "waiting for manager", "approved": "approved, not dispatched",
    "dispatched": "dispatched, in transit", "received": "received", "rejected": "rejected", "linked": "linked",
    "withdrawn": "closed: no request (corrected)", "cancelled": "cancelled by the district",
    "superseded": "closed: superseded by the district's own request",
}


def state_words(state: str | None) -> str:
    """A request's state in the words of the requests table ("held" is "waiting for manager")."""
    return STATE_WORDS.get(state or "", state or "-")
