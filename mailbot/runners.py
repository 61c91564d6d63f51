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
    ahead: tuple[list[IncomingMessage], Future[list[Judgment | None]] | None] | None = None
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
                    future: Future[list[Judgment | None]] | None, *, should_stop: Callable[[], bool],
                    committed: Callable[[], None]) -> Iterator[str]:
    judged = None
    if future is not None:
        while not should_stop():
            try:
                judged = future.result(timeout=0.2)
                break
            except FuturesTimeout:
                continue
            except Exception:  # noqa: BLE001 - the reading process is gone: read here instead
                log.exception("the reading process failed; reading this batch here")
                break
        else:
            return iter(())  # stopping: the batch stays in the inbox, unacknowledged
    outcomes = process_batch(desk, inbox, batch, should_stop=should_stop, judged=judged)
    committed()
    return (o.label for o in outcomes)


class ReadingProcess:
    """The pure steps (limits, read, guard) in a process of their own, one batch ahead of the database.

    Reading is about a third of the work a message costs, and needs nothing but the bytes and the
    rules; the database work is the rest and has to stay in one process. Splitting them puts the
    two on different cores. A message the process could not judge is judged again in the caller.

    Create it before the database is opened: the process is forked then (a fresh interpreter when
    other threads already run), so it inherits nothing it must not touch.
    """

    def __init__(self, config: Config) -> None:
        context = multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn")
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=1, mp_context=context, initializer=_start_reading, initargs=(Rules.of(config), os.getpid()))
        self._pid = self._pool.submit(os.getpid).result()  # start it now

    def submit(self, batch: list[IncomingMessage]) -> Future[list[Judgment | None]] | None:
        if self._pool is None:
            return None
        try:
            return self._pool.submit(_judge_batch, [m.raw for m in batch])
        except BrokenExecutor:
            log.error("the reading process is gone; reading in this process from now on")
            self._pool = None
            return None

    def close(self) -> None:
        """Stop at once: what it is reading now is of no use to anyone (the batch stays in the inbox)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        pool.shutdown(wait=False, cancel_futures=True)
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        pool.shutdown(wait=True)
        _forget_pool_wakeups()


def _forget_pool_wakeups() -> None:
    """Drop concurrent.futures' exit-time wake-up of pool manager threads in this process.

    At interpreter exit Python 3.11 writes to each pool's wake-up pipe without the lock the
    manager thread closes it under (fixed in 3.12); a pool already shut down, or one inherited by a
    forked child, has nothing to wake, and the write can only fail ("Bad file descriptor")."""
    wakeups = getattr(concurrent.futures.process, "_threads_wakeups", None)
    if wakeups is not None:
        wakeups.clear()


_READING_RULES: Rules | None = None


def _start_reading(rules: Rules, parent: int) -> None:
    """In the reading process: keep the rules; leave Ctrl-C and SIGTERM to the parent (which stops this
    process when it stops); exit if the parent dies."""
    global _READING_RULES
    _READING_RULES = rules
    _forget_pool_wakeups()  # the parent's pools are the parent's
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)

    def watch_parent() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch_parent, name="watch-parent", daemon=True).start()


def _judge_batch(raws: list[bytes | None]) -> list[Judgment | None]:
    """In the reading process: judge each message (None for one not fetched, e.g. over the size limit)."""
    assert _READING_RULES is not None
    results: list[Judgment | None] = []
    for raw in raws:
        if raw is None:
            results.append(None)
            continue
        try:
            results.append(judge(raw, _READING_RULES))
        except Exception as exc:  # noqa: BLE001 - quarantined by the caller with this error
            log.exception("reading a message failed")
            results.append(Judgment(refused=f"{type(exc).__name__}: {exc}"))
    return results
