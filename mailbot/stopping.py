"""A stop (SIGTERM, SIGINT) that comes while `mailbot run` is still starting is noted, and obeyed once it runs.

Importing mailbot and checking the configuration takes a second on a busy machine; systemd (or an
operator) may ask for a stop in that time. Held from the command's first line, such a stop ends the
service cleanly as soon as it runs (exit 0, nothing half-done), instead of killing the process mid-start.
Only the standard library is imported here: this module runs before the rest of mailbot is loaded.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType

requested = threading.Event()  # a stop was asked for before the service took over its signals
interrupted = threading.Event()  # Ctrl-C (SIGINT) came during `mailbot run --once` (interrupt_gently())
_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_held: list[int] = []  # the signals held (for release()); the last signal that came is last


def _note(signum: int, _frame: FrameType | None) -> None:
    _held.append(signum)
    requested.set()


def hold() -> None:
    """From now on a stop is noted (requested), not acted on: for the start of the `mailbot` command."""
    for signum in _SIGNALS:
        signal.signal(signum, _note)
    _held.append(0)


def release() -> None:
    """For a command that is not the long-running service: stops act as usual again, and a stop that
    came while they were held is acted on now. Does nothing when hold() was not called."""
    if not _held:
        return
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    came = [s for s in _held if s]
    _held.clear()
    if came:
        signal.raise_signal(came[-1])


def interrupt_gently() -> None:
    """For `mailbot run --once`: Ctrl-C (SIGINT) sets `interrupted`, which the pass asks between messages;
    the messages in hand are finished and committed, the rest stay in the inbox for the next run. A
    second Ctrl-C ends the process at once (nothing uncommitted was acknowledged: it is read again).

    A KeyboardInterrupt raised wherever the signal finds the pass could come inside a database call:
    SQLite's write lock then stays with that connection until the process ends, and the pass's own
    cleanup (sending what is queued) waits on it for the whole busy timeout. A Ctrl-C that came while
    the command was starting counts as the first. SIGTERM is left as release() leaves it.
    """
    if signal.SIGINT in _held:
        interrupted.set()
        _held[:] = [s for s in _held if s != signal.SIGINT]
    release()
    signal.signal(signal.SIGINT, _interrupt)


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    if not interrupted.is_set():
        interrupted.set()
        return
    os.write(sys.stderr.fileno(), b"mailbot: interrupted again: stopped at once; messages not yet recorded stay "
                                  b"in the inbox for the next run\n")
    os._exit(130)
