"""parse_seconds: enforced in the main thread; elsewhere it cannot be, and the log says so once per thread."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from mailbot.errors import LimitExceeded
from mailbot.pipeline import time_limit


def test_a_block_over_its_time_is_stopped_in_the_main_thread() -> None:
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="parse_seconds"), time_limit(0.1):
        time.sleep(5)
    assert time.monotonic() - started < 2


def test_off_the_main_thread_the_block_runs_untimed_and_the_log_says_so_once(
        caplog: pytest.LogCaptureFixture) -> None:
    finished: list[float] = []

    def twice() -> None:
        for _ in range(2):
            with time_limit(0.05):
                time.sleep(0.2)
            finished.append(time.monotonic())

    caplog.set_level(logging.WARNING, logger="mailbot.pipeline")
    thread = threading.Thread(target=twice, name="reader-thread-under-test")
    thread.start()
    thread.join(10)
    assert len(finished) == 2  # neither block was cut short (nor raised)
    warnings = [r.getMessage() for r in caplog.records if "parse_seconds is not enforced" in r.getMessage()]
    assert warnings == ["parse_seconds is not enforced in thread 'reader-thread-under-test': reading there runs "
                        "untimed (SIGALRM reaches the main thread only)"]
