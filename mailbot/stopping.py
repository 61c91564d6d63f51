"""A stop (SIGTERM, SIGINT) that comes while `mailbot run` (or `run --once`) is still starting is noted, and obeyed
once it runs.

Importing mailbot and checking the configuration takes a second on a busy machine; systemd (or an
operator) may ask for a stop in that time. Held from the command's first line, such a stop ends the
service cleanly as soon as it runs (exit 0, nothing half-done), instead of killing the process mid-start.
Only the standard library is imported here: this module runs before the rest of mailbot is loaded.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

from mailbot.errors import Stopped  # (no import but the standard library's there)

requested = threading.Event()  # a stop was asked for before the service took over its signals
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


def last_held() -> int | None:
    """The last signal noted while stops were held, or None."""
    came = [s for s in _held if s]
    return came[-1] if came else None


def _stop_command(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


def release() -> None:
    """For a command that is not the long-running service: stops act again (raising Stopped where the command
    is), and a stop that came while they were held is acted on now. Does nothing when hold() was not called."""
    if not _held:
        return
    for signum in _SIGNALS:  # (not KeyboardInterrupt for Ctrl-C: the command line library ends that silently)
        signal.signal(signum, _stop_command)
    came = [s for s in _held if s]
    _held.clear()
    if came:
        signal.raise_signal(came[-1])
