"""What became of each message is one of a named set of outcomes; the run summary shows them by label."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mailbot.desk import Desk
from mailbot.outcomes import FOLLOW_UP_OF, MessageOutcome
from mailbot.pipeline import Outcome
from mailbot.runners import process_inbox
from mailbot.transports.maildir import MaildirInbox, deliver
from tests.desk.conftest import EXAMPLES


def test_a_queued_outcome_is_labelled_so_and_the_rest_by_their_value() -> None:
    assert Outcome("k", MessageOutcome.RECEIPT_UNMATCHED, queued=True).label == "receipt-unmatched+queued"
    assert Outcome("k", MessageOutcome.REQUEST_HELD).label == "request-held"
    assert f"{MessageOutcome.FOLLOW_UP_REQUEST_HELD}" == "follow-up-request-held"


def test_every_decision_a_follow_up_can_end_in_has_its_follow_up_outcome() -> None:
    decided = {o for o in MessageOutcome if o.value.startswith("request-") and o is not MessageOutcome.REQUEST_LINKED}
    assert set(FOLLOW_UP_OF) == decided
    assert all(FOLLOW_UP_OF[o].value == f"follow-up-{o.value}" and FOLLOW_UP_OF[o].is_follow_up for o in decided)


@pytest.mark.usefixtures("database_url")  # on SQLite and on PostgreSQL (tests/backends.py)
def test_the_sample_inbox_ends_in_the_outcomes_the_run_summary_shows(
        desk_dir: Path, open_test_desk: Callable[..., Desk]) -> None:
    desk = open_test_desk()
    inbox_dir = desk_dir / "var" / "mail" / "inbox"
    for path in sorted(EXAMPLES.glob("*.eml")):
        deliver(inbox_dir, path.read_bytes())

    def run() -> dict[str, int]:
        inbox = MaildirInbox(inbox_dir, size_limit=desk.config.guards.max_message_bytes)
        return dict(process_inbox(desk, inbox))

    assert run() == {
        "automated": 2, "other+queued": 1, "receipt-unmatched+queued": 1, "report": 3, "request-approved": 1,
        "request-approved-partial": 1, "request-clarify": 1, "request-held": 1, "request-linked": 1,
    }
    for path in sorted(EXAMPLES.glob("*.eml")):
        deliver(inbox_dir, path.read_bytes())
    assert run() == {"duplicate": 12}
