"""`digest --send` run again while the digest of an earlier run still waits in the outbox (that run was stopped
before it went): the managers get one digest, the newer; the older is kept, marked as replaced."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from mailbot.desk import Desk
from mailbot.outbox import FlushResult
from mailbot.watch import send_digest
from tests.desk.conftest import WITA


def _not_sent(desk: Desk, sender: object) -> FlushResult:
    """The sending step of a `digest --send` stopped before the mail went."""
    return FlushResult()


def _digests(desk_dir: Path) -> list[tuple[str, str, str | None]]:
    conn = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    try:
        return conn.execute("select purpose, status, last_error from outbox where category = 'digest' "
                            "order by id").fetchall()
    finally:
        conn.close()


def test_a_digest_sent_again_before_the_first_went_replaces_it(desk_dir: Path,
                                                                open_test_desk: Callable[..., Desk]) -> None:
    times = iter([datetime(2026, 12, 7, 8, 0, tzinfo=WITA), datetime(2026, 12, 7, 8, 5, tzinfo=WITA)])
    now = next(times)
    desk = open_test_desk(clock=lambda: now)
    send_digest(desk, None, force=True, send=_not_sent)  # type: ignore[arg-type]
    [(first, status, _)] = _digests(desk_dir)
    assert status == "queued"
    now = next(times)
    send_digest(desk, None, force=True, send=_not_sent)  # type: ignore[arg-type]
    rows = _digests(desk_dir)
    assert [(purpose, status) for purpose, status, _ in rows] == [
        (first, "suppressed"), ("digest:2026-12-07T08:05:00+08:00", "queued")], rows
    assert rows[0][2] == "replaced by the digest of 2026-12-07T08:05:00+08:00 before it was sent"
    # a digest that went is history, never replaced: the next day's run adds its own
    conn = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    with conn:
        conn.execute("update outbox set status = 'sent' where purpose = 'digest:2026-12-07T08:05:00+08:00'")
    conn.close()
    now += timedelta(days=1)
    send_digest(desk, None, send=_not_sent)  # type: ignore[arg-type]
    assert [status for _, status, _ in _digests(desk_dir)] == ["suppressed", "sent", "queued"]
