"""A failure that repeats is told once, not once a second: a database or a server away, a job that keeps failing.

The service's jobs and its sending loops retry every second or every poll; with the database down each try
fails the same way. `RepeatedFailure` logs the first failure (one line for a database out of reach or a disk
that is full, the traceback for anything else), then nothing for the same failure until `every` seconds have gone
by (a reminder with the count), and one line when the work succeeds again.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from pathlib import Path

from mailbot.store.db import database_unreachable, storage_refusal


def backoff_delay(attempt: int, initial: float, cap: float) -> float:
    """Jittered exponential delay before try *attempt* (1-based) at a server or database away: between half and all
    of initial * 2**(attempt-1), never over *cap*.

    >>> all(1.0 <= backoff_delay(2, 1.0, 60.0) <= 2.0 for _ in range(20)), backoff_delay(40, 1.0, 60.0) >= 30.0
    (True, True)
    """
    ceiling = min(cap, initial * (2 ** min(attempt - 1, 30)))
    return random.uniform(ceiling / 2, ceiling)


def _signature(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"


class RepeatedFailure:
    """The log of one kind of work (a scheduled job, the sending loop) that is retried while it fails."""

    def __init__(self, logger: logging.Logger, what: str, *, every: float = 600.0,
                 clock: Callable[[], float] = time.monotonic, database: Path | None = None) -> None:
        self.logger = logger
        self.database = database  # the SQLite file, whose disk a refused write is said of (mailbot.store.db)
        self.what = what
        self.every = every
        self.clock = clock
        self.failures = 0  # since the last success
        self._told: str | None = None  # the failure last logged
        self._told_at = 0.0
        self._since_told = 0  # the same failure again since it was last logged

    def failed(self, exc: BaseException, line: str | None = None, *, kind: str | None = None) -> None:
        """Log *exc* if it is new, or if the same failure was last told `every` seconds ago; *line*: the
        one line to log instead of a traceback (an expected failure: a server away, a ledger to restore);
        *kind*: what makes two failures the same one (by default their text), e.g. a server out of reach
        whatever the error of each try says."""
        self.failures += 1
        storage = None if line else storage_refusal(exc, self.database)
        unreachable = line or database_unreachable(exc) or storage
        # a full disk is one failure however much is free at each try, and whichever write it refused
        signature = kind or ("storage" if storage else None) or unreachable or _signature(exc)
        now = self.clock()
        if signature == self._told and now - self._told_at < self.every:
            self._since_told += 1
            return
        if signature == self._told:
            self.logger.error("%s still failing (%d more times): %s", self.what, self._since_told + 1,
                              unreachable or signature)
        elif unreachable:
            self.logger.error("%s failed: %s", self.what, unreachable)
        else:
            self.logger.error("%s failed", self.what, exc_info=exc)
        self._told, self._told_at, self._since_told = signature, now, 0

    def succeeded(self) -> None:
        """The work went through: say so once if it had been failing."""
        if self.failures:
            self.logger.warning("%s works again (after %d failed %s)", self.what, self.failures,
                                "try" if self.failures == 1 else "tries")
        self.failures, self._told, self._since_told = 0, None, 0
