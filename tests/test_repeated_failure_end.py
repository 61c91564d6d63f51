"""The end of a failure that repeated says how many tries failed, in words that fit the count (pure:
mailbot.failures.RepeatedFailure)."""

from __future__ import annotations

import logging

import pytest

from mailbot.failures import RepeatedFailure


@pytest.mark.parametrize(("tries", "said"), [(1, "after 1 failed try"), (3, "after 3 failed tries")])
def test_the_end_of_a_failure_counts_its_tries(caplog: pytest.LogCaptureFixture, tries: int, said: str) -> None:
    failures = RepeatedFailure(logging.getLogger("mailbot.test"), "IMAP server 127.0.0.1:143")
    with caplog.at_level(logging.INFO, logger="mailbot.test"):
        for _ in range(tries):
            failures.failed(ConnectionResetError("reset"), "not reachable now: reset")
        failures.succeeded()
    assert caplog.records[-1].getMessage() == f"IMAP server 127.0.0.1:143 works again ({said})"
