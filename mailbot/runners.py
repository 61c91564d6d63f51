"""The runners: what drives the pipeline's steps over a whole inbox, and the processes beside it.

process_inbox fetches the inbox in groups and walks each group through mailbot.pipeline.process_batch
(one transaction per group); with a ReadingProcess, the pure steps of the next group run there, on
another core, while this group is recorded. The outbox is sent by mailbot.outbox.SenderProcess (or
OutboxPump, a thread). mailbot.service starts them in the order they must start.
"""

from __future__ import annotations

import concurrent.futures.process
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass
from typing import Any

from mailbot.config import Config
from mailbot.desk import Desk
from mailbot.pipeline import Judgment, Rules, judge, process_batch
from mailbot.transports.base import Inbox, IncomingMessage

log = logging.getLogger(__name__)

# Messages share one database transaction (group commit), each inside its own savepoint: one
# fsync per batch instead of per message, and a failing message still rolls back alone.
GROUP_COMMIT = 50


def process_inbox(desk: Desk, inbox: Inbox, *, should_stop: Callable[[], bool] = lambda: False,
                  group: int = GROUP_COMMIT, committed: Callable[[], None] = lambda: None,
                  reading: ReadingProcess | None = None) -> Counter[str]:
    """Process every new message, *group* to a transaction; stops between messages when *should_stop* says so.

    *committed* is called after each batch's commit (the outbox pump sends what it queued). With a
    *reading* process, each batch is judged there while the batch before it is being recorded.
    A batch fetched but not processed (a stop) is not acknowledged: it is fetched again next time.
    """
    counts: Counter[str] = Counter()
    if should_stop():  # told to stop before it began: the inbox is not even opened
        return counts
    ahead: tuple[list[IncomingMessage], Pending | None] | None = None
    for batch in _batches(inbox.fetch_new(), group, should_stop):
        if reading is None:  # no one to read ahead: this batch now
            counts.update(_process_judged(desk, inbox, batch, None, should_stop=should_stop, committed=committed))
        else:
            current, ahead = ahead, (batch, reading.submit(batch))
            if current is not None:
                counts.update(_process_judged(desk, inbox, *current, should_stop=should_stop, committed=committed))
        if should_stop():
            return counts
    if ahead is not None:
        counts.update(_process_judged(desk, inbox, *ahead, should_stop=should_stop, committed=committed))
    return counts


# A group also ends at this many bytes of mail: with a batch read ahead, two groups are in memory.
GROUP_BYTES = 16 << 20


def _batches(messages: Iterator[IncomingMessage], group: int,
             should_stop: Callable[[], bool]) -> Iterator[list[IncomingMessage]]:
    batch: list[IncomingMessage] = []
    size = 0
    for incoming in messages:
        batch.append(incoming)
        size += len(incoming.raw or b"")
        if len(batch) >= group or size >= GROUP_BYTES or should_stop():
            yield batch
            batch, size = [], 0
            if should_stop():
                return
    if batch:
        yield batch


def _process_judged(desk: Desk, inbox: Inbox, batch: list[IncomingMessage],
                    pending: Pending | None, *, should_stop: Callable[[], bool],
                    committed: Callable[[], None]) -> Iterator[str]:
    judged = None
    if pending is not None:
        judged = pending.reading.result(pending, should_stop)
        if judged is None and should_stop():
            return iter(())  # stopping: the batch stays in the inbox, unacknowledged
    outcomes = process_batch(desk, inbox, batch, should_stop=should_stop, judged=judged)
    committed()
    return (o.label for o in outcomes)


@dataclass
class Pending:
    """A batch sent to the reading process: its raw messages, and the refusals made by the watchdog."""

    reading: ReadingProcess
    seq: int
    raws: list[bytes | None]
    future: Future[list[Judgment | None]]
    generation: int
    refused: dict[int, Judgment]


class ReadingProcess:
    """The pure steps (limits, read, guard) in a process of their own, one batch ahead of the database.

    Reading is about a third of the work a message costs, and needs nothing but the bytes and the
    rules; the database work is the rest and has to stay in one process. Splitting them puts the
    two on different cores. A message the process could not judge is judged again in the caller.

    The process says which message it is reading and since when (in shared memory); a message read
    for longer than max_parse_seconds + 1 of wall-clock time (the in-process alarm cannot stop a
    long C-level regex, and counts nothing while the CPU is busy elsewhere) gets the process
    killed: that message is quarantined with "parse_seconds", a new process is started, and the
    rest of the batch is read there.

    Create it before the database is opened: the process is forked then (a fresh interpreter when
    other threads already run), so it inherits nothing it must not touch. A restart always starts
    a fresh interpreter.
    """

    def __init__(self, config: Config) -> None:
        self._rules = Rules.of(config)
        self._seconds = self._rules.max_parse_seconds + 1.0
        self._seq = 0
        self._generation = 0
        self._restarts = 0
        self._pool: ProcessPoolExecutor | None = None
        self._start("fork" if threading.active_count() == 1 else "spawn")

    def _start(self, method: str) -> None:
        context = multiprocessing.get_context(method)
        self._state = context.Array("d", 3, lock=False)  # batch seq, message index, started (monotonic; 0 idle)
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_start_reading,
                                         initargs=(self._rules, os.getpid(), self._state))
        self._pid = self._pool.submit(os.getpid).result()  # start it now
        self._generation += 1

    def submit(self, batch: list[IncomingMessage]) -> Pending | None:
        return self._submit([m.raw for m in batch], {})

    def _submit(self, raws: list[bytes | None], refused: dict[int, Judgment]) -> Pending | None:
        if self._pool is None:
            return None
        self._seq += 1
        todo = [None if i in refused else raw for i, raw in enumerate(raws)]
        try:
            future = self._pool.submit(_judge_batch, todo, self._seq)
        except BrokenExecutor:
            if not self._restart():
                return None
            return self._submit(raws, refused)
        return Pending(self, self._seq, raws, future, self._generation, refused)

    def result(self, pending: Pending, should_stop: Callable[[], bool]) -> list[Judgment | None] | None:
        """The batch's judgments; None when stopping, or when the process is gone (the caller reads)."""
        while not should_stop():
            try:
                judged = pending.future.result(timeout=0.2)
            except FuturesTimeout:
                self._watch(pending)
                continue
            except BrokenExecutor:
                if pending.generation == self._generation and not self._restart():
                    log.error("the reading process is gone; reading this batch here")
                    return None
                again = self._submit(pending.raws, pending.refused)
                if again is None:
                    return None
                pending.seq, pending.future, pending.generation = again.seq, again.future, again.generation
                continue
            except Exception:  # noqa: BLE001 - the reading process failed: read here instead
                log.exception("the reading process failed; reading this batch here")
                return None
            for i, refusal in pending.refused.items():
                judged[i] = refusal
            return judged
        return None

    def _watch(self, pending: Pending) -> None:
        """Kill the process when it has read one message of *pending* for too long."""
        seq, index, started = self._state[0], int(self._state[1]), self._state[2]
        if pending.generation != self._generation or seq != pending.seq or not started:
            return
        took = time.monotonic() - started
        if took <= self._seconds:
            return
        log.error("reading message %d of a batch took %.1f s; the reading process is stopped", index, took)
        pending.refused[index] = Judgment(
            refused=f"parse_seconds: reading took longer than {self._rules.max_parse_seconds:g} s "
                    f"(stopped after {took:.1f} s)", seconds=took)
        self._kill()

    def _restart(self) -> bool:
        self._kill()
        self._restarts += 1
        if self._restarts > 100:  # something is wrong with the process, not with a message
            self._pool = None
            return False
        try:
            self._start("spawn")
        except Exception:  # noqa: BLE001 - no new process: the caller reads in its own
            log.exception("the reading process could not be started again")
            self._pool = None
            return False
        return True

    def _kill(self) -> None:
        if self._pool is not None:
            end_pool(self._pool, {self._pid})

    def kill_now(self) -> None:
        """From a signal handler, before this process ends at once (a second Ctrl-C): its workers go with it."""
        pool = self._pool
        pids = {self._pid, *(p.pid for p in (getattr(pool, "_processes", None) or {}).values() if p.pid)}
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError, TypeError):
                pass

    def close(self) -> None:
        """Stop at once: what it is reading now is of no use to anyone (the batch stays in the inbox)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            end_pool(pool, {self._pid})


def end_pool(pool: ProcessPoolExecutor, pids: set[int], *, seconds: float = 10.0) -> bool:
    """Kill every process of *pool* (and *pids*) and wait for its manager thread to end; False if it did not.

    Every process, not only the one last known: a worker left alive (one started again, or caught by a
    Ctrl-C to the group while it started) would keep this process from exiting, as Python joins its child
    processes at exit. And the manager thread (which Python also joins at exit) must end: a worker killed
    while it was sending a batch's judgments back leaves that thread reading the rest of the message
    forever, because this process holds the pipe's write end too (the queue's both ends are made here).
    With that end closed, the read ends at end-of-file once the killed workers are gone, and the thread
    finishes the pool as broken. (Python 3.11; `shutdown(wait=True)` would wait on that thread for ever.)
    """
    manager = getattr(pool, "_executor_manager_thread", None)
    results = getattr(pool, "_result_queue", None)
    pids = pids | {p.pid for p in (getattr(pool, "_processes", None) or {}).values() if p.pid}
    pool.shutdown(wait=False, cancel_futures=True)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, TypeError):
            pass
    writer = getattr(results, "_writer", None)
    if writer is not None:
        writer.close()
    ended = True
    if manager is not None:
        manager.join(seconds)
        ended = not manager.is_alive()
        if not ended:
            log.error("the reading process's manager thread did not end within %.0f s", seconds)
    _forget_pool_wakeups()
    return ended


def _forget_pool_wakeups() -> None:
    """Drop concurrent.futures' exit-time wake-up of pool manager threads in this process.

    At interpreter exit Python 3.11 writes to each pool's wake-up pipe without the lock the
    manager thread closes it under (fixed in 3.12); a pool already shut down, or one inherited by a
    forked child, has nothing to wake, and the write can only fail ("Bad file descriptor")."""
    wakeups = getattr(concurrent.futures.process, "_threads_wakeups", None)
    if wakeups is not None:
        wakeups.clear()


_READING_RULES: Rules | None = None
_READING_STATE: Any = None  # shared with the parent: batch seq, message index, started (monotonic)


def _start_reading(rules: Rules, parent: int, state: object = None) -> None:
    """In the reading process: keep the rules and where to say what it reads; leave Ctrl-C and SIGTERM
    to the parent (which stops this process when it stops); exit if the parent dies."""
    global _READING_RULES, _READING_STATE
    _READING_RULES, _READING_STATE = rules, state
    _forget_pool_wakeups()  # the parent's pools are the parent's
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)

    def watch_parent() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch_parent, name="watch-parent", daemon=True).start()


def _judge_batch(raws: list[bytes | None], seq: int = 0) -> list[Judgment | None]:
    """In the reading process: judge each message (None for one not fetched, e.g. over the size limit)."""
    assert _READING_RULES is not None
    results: list[Judgment | None] = []
    state = _READING_STATE
    for index, raw in enumerate(raws):
        if raw is None:
            results.append(None)
            continue
        if state is not None:
            state[2] = 0.0
            state[0], state[1] = seq, index
            state[2] = time.monotonic()
        try:
            results.append(judge(raw, _READING_RULES))
        except Exception as exc:  # noqa: BLE001 - quarantined by the caller with this error
            log.exception("reading a message failed")
            results.append(Judgment(refused=f"{type(exc).__name__}: {exc}"))
    if state is not None:
        state[2] = 0.0
    return results
