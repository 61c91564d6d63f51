"""The database out of reach: no message is blamed for it, and the log says so once, not once a second."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from mailbot.desk import Desk
from mailbot.failures import RepeatedFailure
from mailbot.runners import process_inbox
from mailbot.store.db import database_unreachable, session_factory
from mailbot.transports.maildir import MaildirInbox, deliver

ROOT = Path(__file__).resolve().parents[2]


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unreachable_url() -> str:
    pytest.importorskip("psycopg")
    return f"postgresql+psycopg://desk@127.0.0.1:{_closed_port()}/desk?connect_timeout=2"


def _refused() -> OperationalError:
    engine = create_engine(_unreachable_url())
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        return exc
    finally:
        engine.dispose()
    raise AssertionError("a closed port took a connection")


def test_a_refused_connection_is_one_line_and_other_database_errors_are_not_it() -> None:
    line = database_unreachable(_refused())
    assert line is not None and line.startswith("the database cannot be reached: ") and "\n" not in line
    sqlite = create_engine("sqlite://")
    with pytest.raises(OperationalError) as no_table, sqlite.connect() as connection:
        connection.execute(text("SELECT * FROM nothing_here"))
    assert database_unreachable(no_table.value) is None  # a fault of the statement, not the database away
    assert database_unreachable(ValueError("connection refused")) is None


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_failure_repeating_every_second_is_told_once_then_every_ten_minutes_then_its_end(
        caplog: pytest.LogCaptureFixture) -> None:
    clock = _Clock()
    failures = RepeatedFailure(logging.getLogger("mailbot.test"), "sending the outbox", every=600, clock=clock)
    refused = _refused()
    with caplog.at_level(logging.INFO, logger="mailbot.test"):
        for _ in range(30):  # half a minute of tries, one a second
            failures.failed(refused)
            clock.now += 1
        assert [r.getMessage()[:65] for r in caplog.records] == [
            "sending the outbox failed: the database cannot be reached: connec"]
        assert caplog.records[0].exc_info is None  # one line, no traceback
        clock.now += 600
        failures.failed(refused)
        assert caplog.records[-1].getMessage().startswith("sending the outbox still failing (30 more times): "
                                                          "the database cannot be reached")
        failures.succeeded()
        assert caplog.records[-1].getMessage() == "sending the outbox works again (after 31 failed tries)"
        failures.succeeded()  # working on: nothing more to say
        assert len(caplog.records) == 3


def test_an_unexpected_error_keeps_its_traceback_once_and_a_new_one_is_told_at_once(
        caplog: pytest.LogCaptureFixture) -> None:
    failures = RepeatedFailure(logging.getLogger("mailbot.test"), "poll", clock=_Clock())
    with caplog.at_level(logging.INFO, logger="mailbot.test"):
        for _ in range(3):
            failures.failed(KeyError("district"))
        failures.failed(ZeroDivisionError("division by zero"))
    assert [(r.getMessage(), r.exc_info is not None) for r in caplog.records] == [
        ("poll failed", True), ("poll failed", True)]
    assert caplog.records[1].exc_info is not None and caplog.records[1].exc_info[0] is ZeroDivisionError


def test_the_database_away_mid_run_quarantines_nothing_and_leaves_the_mail_in_the_inbox(
        open_test_desk: Callable[..., Desk], desk_dir: Path) -> None:
    desk = open_test_desk()
    folder = desk_dir / "var" / "mail" / "inbox"
    deliver(folder, (ROOT / "examples" / "inbox" / "01-bulungan-permohonan.eml").read_bytes())
    away = create_engine(_unreachable_url())
    desk.sessions = session_factory(away)  # the server went down after the desk was opened
    inbox = MaildirInbox(folder, size_limit=desk.config.guards.max_message_bytes)
    with pytest.raises(OperationalError) as raised:
        process_inbox(desk, inbox)
    away.dispose()
    assert database_unreachable(raised.value)
    assert len(list((folder / "new").iterdir())) == 1  # neither acknowledged nor quarantined
    assert not (folder / ".Quarantine").exists() or not any((folder / ".Quarantine").rglob("*.*"))


def test_a_scheduled_job_failing_at_every_poll_is_told_once_and_its_recovery_once(
        open_test_desk: Callable[..., Desk], caplog: pytest.LogCaptureFixture) -> None:
    from mailbot.service import Service

    service = Service(open_test_desk())
    refused = _refused()
    outcomes: list[BaseException | None] = [refused] * 5 + [None]

    def job() -> None:
        if (failure := outcomes.pop(0)) is not None:
            raise failure

    with caplog.at_level(logging.INFO, logger="mailbot.service"):
        for _ in range(6):
            service._safely("inbox", job)
    said = [r.getMessage() for r in caplog.records if r.name == "mailbot.service"]
    assert len(said) == 2, said
    assert said[0].startswith("inbox failed: the database cannot be reached: ")
    assert said[1] == "inbox works again (after 5 failed tries)"


def test_recording_sent_mail_with_the_database_away_says_so_and_that_the_mail_goes_once_more(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from mailbot import outbox

    monkeypatch.setattr(outbox.time, "sleep", lambda _seconds: None)  # the pauses between the five tries
    refused = _refused()

    def record() -> None:
        raise refused

    with caplog.at_level(logging.INFO, logger="mailbot.outbox"), pytest.raises(OperationalError):
        outbox._retry_busy(record)
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 5
    assert all("the database cannot be reached" in line and "busy" not in line for line in said), said
    assert said[-1].endswith("is not recorded as sent and goes out once more")


def test_a_process_that_starts_its_own_log_writes_the_office_time_with_its_zone() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from mailbot.logs import ZonedFormatter

    record = logging.LogRecord("mailbot.outbox", logging.ERROR, __file__, 1, "sending the outbox failed", None, None)
    record.created = datetime(2026, 12, 4, 1, 30, tzinfo=ZoneInfo("UTC")).timestamp()
    assert ZonedFormatter(ZoneInfo("Asia/Makassar")).format(record) == (
        "2026-12-04 09:30:00 WITA ERROR mailbot.outbox: sending the outbox failed")
    assert ZonedFormatter().format(record).startswith("2026-12-04 01:30:00 UTC ")
