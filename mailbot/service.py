"""The long-running service: APScheduler timers, an IMAP IDLE watcher, and the inbox loop in the main thread."""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import func, select

from mailbot import stopping, watch
from mailbot.app import open_desk, open_inbox, open_sender
from mailbot.checks import cron_trigger, one_connection_words
from mailbot.config import Config, ImapInbox
from mailbot.desk import Desk
from mailbot.errors import (
    ConfigError,
    DatabaseAway,
    ImapCertificateError,
    ImapConnectionError,
    ImapConnectionLimit,
    ImapUnreachable,
    ImpossibleLedger,
    TransportError,
)
from mailbot.failures import RepeatedFailure, backoff_delay
from mailbot.outbox import FlushResult, OutboxPump, SenderProcess
from mailbot.runners import ReadingProcess, process_inbox
from mailbot.store import repo
from mailbot.store.db import service_presence, service_running
from mailbot.store.schema import Message
from mailbot.transports.base import Inbox, Sender

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    """What one pass did: messages by outcome, and mail sent."""

    outcomes: Counter[str] = field(default_factory=Counter)
    flush: FlushResult = field(default_factory=FlushResult)
    queued: int = 0  # mail still in the outbox after the pass (due later, or waiting for a fix)
    stopped: int | None = None  # the signal that stopped the pass before it was done (SIGTERM, SIGINT)


def run_once(desk: Desk, inbox: Inbox, sender: Sender, *, sender_process: SenderProcess | None = None,
             reading: ReadingProcess | None = None, stop: Stop | None = None) -> RunSummary:
    """Process everything in the inbox now, run due checks, and send what is queued.

    Replies go out while the inbox is still being read: from *sender_process* when given (started
    by the caller before it opened the database), else from a thread of this process. With a
    *reading* process, messages are read there, a batch ahead.

    Told to *stop* (SIGTERM, SIGINT), the pass finishes the message in hand and commits what was read,
    and the sender the mail in hand; what was not read stays in the inbox and what was not sent in the
    outbox, for the next run (nothing is lost, nothing done twice); the checks wait for that run too.
    """
    stop = stop or Stop()
    summary = RunSummary()
    with desk.sessions() as session:
        recorded = session.scalar(select(func.count(Message.id))) or 0
    away: ImapUnreachable | None = None
    refused: ImapCertificateError | None = None  # the server's certificate: nothing read until it is corrected
    nudge, stop_sending = _start_sending(desk, sender, sender_process, tell_misconfigured=False,  # the command says it
                                         should_stop=stop.is_set)
    try:
        try:
            summary.outcomes = process_inbox(desk, inbox, should_stop=stop.is_set, committed=nudge, reading=reading)
        except ImapUnreachable as exc:
            if not stop.is_set():
                away = exc
            else:
                log.info("stopped while waiting for the IMAP server: %s", " ".join(str(exc).split()))
        except ImapCertificateError as exc:
            if not stop.is_set():
                refused = exc
        except ImapConnectionError as exc:
            if not stop.is_set():
                raise
            log.info("stopped while waiting for the IMAP server: %s", " ".join(str(exc).split()))
        if not stop.is_set() and away is None and refused is None:
            watch.check_alerts(desk)
    finally:
        summary.flush = stop_sending()
    with desk.sessions() as session:
        summary.queued = repo.count_queued(session)
        read = (session.scalar(select(func.count(Message.id))) or 0) - recorded
    if refused is not None:
        f = summary.flush
        said = "nothing was read" if read <= 0 else f"{read} message(s) read and recorded before"
        raise ImapCertificateError(f"{' '.join(str(refused).split())}; {said} (mail sent: {f.sent}, waiting in the "
                                   f"outbox: {summary.queued}, failed: {f.failed})") from refused
    if away is not None:
        # one line says it all (the adapter logged no promise of further tries): the inbox away, what was read
        # before, and the outbox's fate, which the summary would have told
        f = summary.flush
        said = "nothing was read" if read <= 0 else f"{read} message(s) read and recorded before it was lost"
        raise ImapUnreachable(f"the inbox could not be reached ({' '.join(str(away).split())}): {said}; the mail "
                              f"left in the inbox is read by the next run (mail sent: {f.sent}, waiting in the "
                              f"outbox: {summary.queued}, failed: {f.failed})") from away
    summary.stopped = stop.signal
    return summary


class Stop:
    """A stop asked for by a signal: which one, and whether one came; safe to set in a signal handler."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.signal: int | None = None

    def set(self, signum: int) -> None:
        self.signal = self.signal or signum
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()


def _start_sending(desk: Desk, sender: Sender, sender_process: SenderProcess | None, *, drain: bool = True,
                   tell_misconfigured: bool = True, should_stop: Callable[[], bool] = lambda: False
                   ) -> tuple[Callable[[], None], Callable[[], FlushResult]]:
    """(nudge, stop) of the outbox worker: *sender_process* when given, else a thread of this process.
    With *drain*, stopping sends what is still queued, until *should_stop* says the run was told to stop."""
    if sender_process is not None:
        return sender_process.nudge, lambda: sender_process.stop(desk, sender, drain=drain, should_stop=should_stop)
    pump = OutboxPump(desk, sender, tell_misconfigured=tell_misconfigured).start()
    return pump.nudge, lambda: pump.stop(drain=drain, should_stop=should_stop)


def start(config: Config, *, once: bool) -> RunSummary | None:
    """Start mailbot's processes in the order they must start, then run: `mailbot run` (None once it
    stopped) or, with *once*, one pass whose summary is returned.

    The sending and reading processes are started before the database is opened, so their forks
    inherit nothing of it; frozen, the objects imported so far are never touched by a collector, so
    their pages stay shared. (An in-memory database is this process's alone: no other process could
    send from it, so there are no helpers then.) A stop asked for while mailbot is still starting
    (systemd stopping a slow start) ends the service cleanly as soon as it runs, instead of killing
    it mid-start; the same for one pass, which then reads nothing. A stop during the pass ends it as
    run_once() says (RunSummary.stopped names the signal).
    """
    service: list[Service] = []
    stop_early = stopping.requested  # set already when a stop came before this (mailbot.launch held it)
    stop_once = Stop()  # `run --once`: the pass ends after the message in hand
    sending: SenderProcess | None = None
    reading: ReadingProcess | None = None
    opened: list[Inbox] = []
    senders: list[Sender] = []

    def _stop_while_starting(signum: int, _frame: FrameType | None) -> None:
        stop_early.set()
        if service:
            service[0]._on_signal(signum, None)

    def _stop_the_pass(signum: int, _frame: FrameType | None) -> None:
        if signum == signal.SIGINT and stop_once.is_set():
            # Ctrl-C twice: at once. What was committed but not yet acknowledged is found again and only
            # acknowledged by the next run; nothing uncommitted was acknowledged.
            os.write(sys.stderr.fileno(), b"mailbot: interrupted again: stopped at once; the messages not yet "
                                          b"recorded stay in the inbox for the next run\n")
            for helper in (sending, reading):  # gone with it, not a second later when they see their parent gone
                if helper is not None:
                    helper.kill_now()
            os._exit(130)
        log.info("signal %d: finishing the current message, then stopping", signum)
        stop_once.set(signum)
        if sending is not None:
            sending.expect_stop()
        if senders:
            senders[0].stop_waiting()  # the mail in hand gets a grace, then a server silent on it is cut off
        if opened:
            opened[0].stop_waiting()  # a wait on an IMAP server that has not answered yet ends now

    handler = _stop_the_pass if once else _stop_while_starting
    before = {signum: signal.signal(signum, handler) for signum in (signal.SIGTERM, signal.SIGINT)}
    if once and stop_early.is_set():
        stop_once.set(stopping.last_held() or signal.SIGTERM)
    helpers = config.run.helper_processes and not config.database.in_memory
    if helpers:
        gc.freeze()
    # one pass says a refused login itself, once (cli.run); the service's sender logs it
    sending = SenderProcess(config, tell_misconfigured=not once).start() if helpers else None
    reading = ReadingProcess(config) if helpers else None
    try:
        desk = open_desk(config) if once else _desk_when_reachable(config, stop_early)
        if desk is None:  # stopped while waiting for the database
            return None
        try:
            if not once:
                service.append(Service(desk, sender_process=sending, reading=reading))
                if stop_early.is_set():
                    service[0]._on_signal(signal.SIGTERM, None)
                service[0].run()
                return None
            inbox, sender = open_inbox(config, desk, outage_told=False), open_sender(config)
            opened.append(inbox)
            senders.append(sender)
            try:
                return run_once(desk, inbox, sender, sender_process=sending, reading=reading, stop=stop_once)
            finally:
                inbox.close()
                sender.close()
        finally:
            desk.close()
    finally:
        if reading is not None:
            reading.close()
        stop_early.clear()  # obeyed: a later start in this process (tests) begins afresh
        if once:  # the pass is over: a stop now finds nothing left to finish
            for signum, previous in before.items():
                signal.signal(signum, previous)


# `mailbot run` waits for a database server that cannot be reached at start (still starting at boot), with pauses
# growing from DATABASE_FIRST_PAUSE to DATABASE_MAX_PAUSE seconds, as it does for an IMAP server.
DATABASE_FIRST_PAUSE = 1.0
DATABASE_MAX_PAUSE = 30.0


def _desk_when_reachable(config: Config, stop: threading.Event) -> Desk | None:
    """open_desk(config), tried again while the database server cannot be reached (DatabaseAway), one log line
    each try; None when a stop comes meanwhile. A refused login or an unknown database is a configuration error
    and raised at once (DatabaseRefused), as is any other failure."""
    tries = 0
    while True:
        try:
            desk = open_desk(config)
        except DatabaseAway as exc:
            tries += 1
            pause = backoff_delay(tries, DATABASE_FIRST_PAUSE, DATABASE_MAX_PAUSE)
            log.warning("the database cannot be reached yet (try %d): %s; trying again in %.0f s", tries,
                        " ".join(str(exc).split()), pause)
            if stop.wait(pause):
                return None
            continue
        if tries:
            log.warning("the database can be reached again (after %d failed %s)", tries,
                        "try" if tries == 1 else "tries")
        return desk


class Service:
    """`mailbot run`: wakes on IDLE or the poll timer, processes the inbox, flushes the outbox, runs cron jobs.

    SIGTERM/SIGINT set a stop flag checked between messages: the current message is finished and
    committed, then the service exits cleanly.
    """

    def __init__(self, desk: Desk, *, sender_process: SenderProcess | None = None,
                 reading: ReadingProcess | None = None) -> None:
        self.desk = desk
        self.sender_process = sender_process
        self.reading = reading
        self._nudge_outbox: Callable[[], None] = lambda: None
        self.stop = threading.Event()
        self.wake = threading.Event()
        self.scheduler = BackgroundScheduler(timezone=desk.tz)
        self._inbox: Inbox | None = None
        self._senders: list[Sender] = []  # told of a stop: a mail in hand to a silent server is cut off after a grace
        # held while the inbox is read: the scheduled checks wait for the pass in hand, so a district's
        # silence is judged on its latest report, not on an old one read early in a backlog
        self._reading = threading.Lock()
        self._failures: dict[str, RepeatedFailure] = {}
        self._database = desk.database_file
        self.fatal: ConfigError | None = None  # what stopped the service for good (the IDLE watcher's login)
        self._one_connection = threading.Event()  # the IMAP server allows one connection: no IDLE watcher

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        log.info("signal %d: finishing the current message, then stopping", signum)
        if self.sender_process is not None:
            self.sender_process.expect_stop()
        self.stop.set()
        self.wake.set()
        for sender in self._senders:
            sender.stop_waiting()
        if self._inbox is not None:
            # a wait on a server that has not answered yet (a slow greeting, the pause before the next try)
            # ends now rather than after every timeout and retry
            self._inbox.stop_waiting()

    def _safely(self, name: str, job: Callable[[], object]) -> None:
        # a job failing the same way at every poll (the database away) is told once, then every ten minutes
        failures = self._failures.setdefault(name, RepeatedFailure(log, name, database=self._database))
        try:
            job()
        except ConfigError:
            raise  # a refused password: retrying cannot help; the service stops and says why in one line
        except ImapUnreachable:
            pass  # the IMAP server away: the adapter's log tells the outage once and its end once (ImapOutage)
        except (ImpossibleLedger, TransportError) as exc:  # one line (a server away, a ledger to restore)
            if self.stop.is_set():
                log.info("%s: %s", name, " ".join(str(exc).split()))
            else:  # (an IMAP server away is one failure whatever each try said)
                failures.failed(exc, " ".join(str(exc).split()),
                                kind="imap" if isinstance(exc, ImapConnectionError) else None)
        except Exception as exc:  # noqa: BLE001 - a failing job must not kill the scheduler
            failures.failed(exc)
        else:
            failures.succeeded()

    def run(self) -> None:
        if service_running(self.desk.engine):  # allowed (each message is still read once), but rarely meant
            log.warning("another `mailbot run` is already running on this desk (database %s); both will work the "
                        "same inbox, each message once, but one is enough: stop one of them",
                        self.desk.engine.url.render_as_string(hide_password=True))
        # while it runs, a command that finds the send lock taken knows the service sends its mail
        with service_presence(self.desk.engine):
            self._run()

    def _run(self) -> None:
        config = self.desk.config
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)
        inbox = self._inbox = open_inbox(config, self.desk)
        sender = open_sender(config)
        flush_sender = open_sender(config)
        self._senders = [sender, flush_sender]
        # stopped (SIGTERM), the service finishes the mail in hand; the rest goes out at the next start
        self._nudge_outbox, stop_sending = _start_sending(self.desk, sender, self.sender_process, drain=False)
        s = self.scheduler
        s.add_job(self.wake.set, IntervalTrigger(seconds=_poll_seconds(config)), id="poll", max_instances=1,
                  coalesce=True)
        # retries fall due with time: the timer wakes the sender, which holds the desk-wide send lock
        s.add_job(lambda: self._nudge_outbox(), IntervalTrigger(seconds=min(30.0, config.run.outbox_retry_seconds)),
                  id="outbox",
                  max_instances=1, coalesce=True)
        s.add_job(lambda: self._safely("alerts", self._check_alerts),
                  cron_trigger(config.alerts.check_cron, self.desk.tz), id="alerts",
                  max_instances=1, coalesce=True)
        s.add_job(lambda: self._safely("digest", lambda: watch.send_digest(self.desk, flush_sender)),
                  cron_trigger(config.digest.cron, self.desk.tz), id="digest",
                  max_instances=1, coalesce=True)
        s.start()
        self._nudge_outbox()  # mail an earlier run left queued (it was stopped, or killed) goes out now
        watcher: _IdleWatcher | None = None
        started = False
        log.info("mailbot running; inbox %s, outbox %s", config.inbox.kind, config.outbox.kind)
        try:
            self.wake.set()
            while not self.stop.is_set():
                self.wake.wait()
                self.wake.clear()
                if self.stop.is_set():
                    break
                self._safely("inbox", lambda: self._pass(inbox))
                if not started:
                    # after the first pass: the fetching connection is made first, so on a server that allows the
                    # user one connection the watcher is the one refused, and gives way
                    watcher, started = self._start_idle_watcher(), True
                elif watcher is not None and not self._one_connection.is_set() and watcher.thread.is_alive() \
                        and (refusal := inbox.limit_refusal()) is not None:
                    # the watcher holds the one connection the server allows (it got back first after an
                    # outage): it gives way to the connection that fetches
                    self._single_connection(refusal)
                    watcher.interrupt()
        finally:
            stop_sending()
            s.shutdown(wait=True)
            if watcher is not None:
                watcher.interrupt()  # its IDLE ends now, not at the next renewal
                watcher.join(timeout=1)  # (a daemon: one still connecting to a silent server ends with the process)
            inbox.close()
            sender.close()
            flush_sender.close()
            log.info("mailbot stopped")
        if self.fatal is not None:
            raise self.fatal

    def _single_connection(self, said: str) -> None:
        """The IMAP server allows the user one connection: the service polls on the fetching one (said once)."""
        if self._one_connection.is_set():
            return
        self._one_connection.set()
        log.warning("the IMAP server allows this user only one connection (%s): %s", " ".join(said.split()),
                    one_connection_words(_poll_seconds(self.desk.config)))

    def _check_alerts(self) -> None:
        with self._reading:
            if not self.stop.is_set():
                watch.check_alerts(self.desk)

    def _pass(self, inbox: Inbox) -> None:
        with self._reading:
            counts = process_inbox(self.desk, inbox, should_stop=self.stop.is_set, committed=self._nudge_outbox,
                                   reading=self.reading)
            if counts and not self.stop.is_set():
                # What a report read in the pass could not judge (a district's silence: a later report in
                # the same pass may end it) is judged once the pass is over, as `run --once` does.
                self._safely("alerts", lambda: watch.check_alerts(self.desk))
        if counts:
            log.info("processed %s", dict(counts))
            self._nudge_outbox()

    def _fetching_dropped(self) -> bool:
        """Whether the server ended the fetching connection between passes (Inbox.dropped)."""
        inbox = self._inbox
        return inbox is not None and inbox.dropped()

    def _start_idle_watcher(self) -> _IdleWatcher | None:
        """A second IMAP connection that only IDLEs and sets the wake flag (the first one fetches)."""
        config = self.desk.config
        if not (isinstance(config.inbox, ImapInbox) and config.inbox.idle):
            return None
        if self._one_connection.is_set():
            return None
        # one outage, told once, for both; refused for the user's connection limit, it gives way to the fetching one
        waiter = open_inbox(config, self.desk, share_with=self._inbox, gives_way=True)
        renew = min(config.inbox.idle_renew_seconds, 5.0)

        def loop() -> None:
            # a server or the database away fails every turn: told once, then every ten minutes, then its end
            failures = RepeatedFailure(log, "IDLE watcher", database=self._database)
            try:
                while not self.stop.is_set() and not self._one_connection.is_set():
                    try:
                        # the fetching connection ended by the server while the IDLE one lives on (Dovecot's master
                        # stopped, the process of the IDLE connection not yet): a pass now finds the outage and says
                        # so, rather than the next poll
                        if waiter.wait_for_mail(renew) or self._fetching_dropped():
                            self.wake.set()
                        failures.succeeded()
                    except ImapConnectionLimit as exc:  # the server allows one connection: the fetching one's
                        self._single_connection(str(exc))
                        break
                    except ConfigError as exc:  # a refused password: the whole service stops, said once
                        self.fatal = exc
                        self.stop.set()
                        self.wake.set()
                        break
                    except Exception as exc:  # noqa: BLE001 - the poll timer still runs; reconnect next turn
                        if self.stop.is_set():
                            break  # interrupted for the stop
                        failures.failed(exc, " ".join(str(exc).split()) if isinstance(exc, TransportError)
                                        else None)
                        self.stop.wait(5)
            finally:
                waiter.close()

        thread = threading.Thread(target=loop, name="imap-idle", daemon=True)
        thread.start()
        return _IdleWatcher(thread, waiter)


def _poll_seconds(config: Config) -> float:
    """How often the service reads the inbox unwoken: the IMAP inbox's poll_seconds, else [run] poll_seconds."""
    return config.inbox.poll_seconds if isinstance(config.inbox, ImapInbox) else config.run.poll_seconds


@dataclass(frozen=True)
class _IdleWatcher:
    thread: threading.Thread
    waiter: Inbox

    def interrupt(self) -> None:
        self.waiter.interrupt()

    def join(self, timeout: float) -> None:
        self.thread.join(timeout)
