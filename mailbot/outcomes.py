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
    # requests
    REQUEST_CLARIFY = "request-clarify"
    REQUEST_HELD = "request-held"
    REQUEST_APPROVED = "request-approved"
    REQUEST_APPROVED_PROPOSAL = "request-approved-proposal"
    REQUEST_APPROVED_PARTIAL = "request-approved-partial"
    REQUEST_LINKED = "request-linked"
    # daily reports and receipts
    REPORT = "report"
    REPORT_CLARIFY = "report-clarify"
    REPORT_UNTRUSTED = "report-untrusted"
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
