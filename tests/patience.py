"""How long a test waits for a process of its own, and the bound it puts on how long something took.

The bounds are what an idle machine gives with room to spare. The whole suite runs in parallel worker processes
that share the CPU (two per core, scripts/test), and there a process may wait its turn for seconds; scripts/test
sets MAILBOT_TEST_PATIENCE (3) for that run, and every wait and every bound on a time taken is that many times
longer. A bound still fails a desk that hangs (a stop that never comes, a helper that outlives its parent); how fast
the desk is, is measured by the scripts under bench/, never by a test.
"""

from __future__ import annotations

import os


def patience(seconds: float) -> float:
    """*seconds* on an idle machine, as long as this run allows (MAILBOT_TEST_PATIENCE times, at least once)."""
    try:
        factor = float(os.environ.get("MAILBOT_TEST_PATIENCE", "1"))
    except ValueError:
        factor = 1.0
    return seconds * max(factor, 1.0)
