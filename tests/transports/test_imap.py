"""ImapInbox against a real Dovecot: PEEK fetch, size limit, MOVE and its fallback, IDLE, restarts, UIDVALIDITY."""

from __future__ import annotations

import logging
import os
import re
import signal
import threading
import time

import pytest

from mailbot.errors import ImapConnectionError, ImapLoginError, TransportError
from mailbot.failures import backoff_delay
from mailbot.transports.base import MemoryCursorStore
from mailbot.transports.imap import PROBE_SECONDS, STOP_GRACE, ImapInbox, ImapOutage, make_key, parse_key
from tests.servers import DovecotServer, district_request
from tests.transports.helpers import SilentProxy, inbox_config, make_inbox

PROCESSED = "mailbot/processed"
QUARANTINE = "mailbot/quarantine"


# -- pure helpers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("imap:INBOX:1700000000:42", ("INBOX", 1700000000, 42)),
        ("imap:Kabupaten:Malinau:5:6", ("Kabupaten:Malinau", 5, 6)),
    ],
)
def test_keys_round_trip(key: str, expected: tuple[str, int, int]) -> None:
    assert parse_key(key) == expected
    assert make_key(*expected) == key


@pytest.mark.parametrize("key", ["maildir:1700.abc", "imap:INBOX:x:1", "imap:INBOX"])
def test_foreign_keys_are_refused(key: str) -> None:
    with pytest.raises(ValueError):
        parse_key(key)


@pytest.mark.parametrize(("attempt", "ceiling"), [(1, 0.25), (2, 0.5), (3, 1.0), (6, 8.0), (12, 10.0), (500, 10.0)])
def test_backoff_is_jittered_exponential_and_capped(attempt: int, ceiling: float) -> None:
    delays = [backoff_delay(attempt, 0.25, 10.0) for _ in range(200)]
    assert all(ceiling / 2 <= d <= ceiling for d in delays)
    assert len(set(delays)) > 1


# -- fetching ---------------------------------------------------------------------


@pytest.mark.servers
def test_fetch_yields_messages_in_uid_order_without_marking_them_seen(
    dovecot: DovecotServer, cursors: MemoryCursorStore
) -> None:
    raws = [district_request(i) for i in range(3)]
    for raw in raws:
        dovecot.append("INBOX", raw)
    with make_inbox(dovecot, cursors) as inbox:
        got = list(inbox.fetch_new())
        validity = inbox.uidvalidity
    assert [m.raw for m in got] == raws
    assert [m.key for m in got] == [f"imap:INBOX:{validity}:{uid}" for uid in (1, 2, 3)]
    assert all(m.size == len(m.raw or b"") and m.too_big_reason is None for m in got)
    stored = dovecot.messages("INBOX")
    assert len(stored) == 3
    assert all(b"\\Seen" not in m.flags for m in stored)
    assert cursors.saved["INBOX"] == (validity, 3)


@pytest.mark.servers
def test_unacknowledged_messages_are_yielded_again(dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    dovecot.append("INBOX", district_request(1))
    with make_inbox(dovecot, cursors) as inbox:
        first = [m.key for m in inbox.fetch_new()]
        again = [m.key for m in inbox.fetch_new()]
    assert first == again and len(first) == 1


@pytest.mark.servers
def test_message_over_size_limit_comes_without_body_and_can_be_quarantined(
    dovecot: DovecotServer, cursors: MemoryCursorStore
) -> None:
    small = district_request(1)
    big = district_request(2, size_padding=50_000)
    dovecot.append("INBOX", small)
    dovecot.append("INBOX", big)
    with make_inbox(dovecot, cursors, size_limit=20_000) as inbox:
        got = list(inbox.fetch_new())
        assert [m.raw for m in got] == [small, None]
        too_big = got[1]
        assert too_big.size == len(big)
        shown = f"{len(big):,}".replace(",", ".")
        assert too_big.too_big_reason == f"max_message_bytes: message is {shown} bytes, over the limit of 20.000"
        inbox.quarantine(too_big.key, too_big.too_big_reason)
    assert [m.raw for m in dovecot.messages(dovecot.mailbox(QUARANTINE))] == [big]
    assert [m.raw for m in dovecot.messages("INBOX")] == [small]


@pytest.mark.servers
def test_fetch_works_in_batches_and_picks_up_mail_arriving_meanwhile(
    dovecot: DovecotServer, cursors: MemoryCursorStore, caplog: pytest.LogCaptureFixture
) -> None:
    raws = [district_request(i) for i in range(250)]
    dovecot.append_many("INBOX", raws)
    late = district_request(999)
    caplog.set_level(logging.DEBUG, logger="imapclient.imaplib")
    with make_inbox(dovecot, cursors, fetch_batch=50) as inbox:
        got = []
        for message in inbox.fetch_new():
            got.append(message)
            if len(got) == 120:
                dovecot.append("INBOX", late)
    assert [m.raw for m in got] == raws + [late]
    keys = [parse_key(m.key)[2] for m in got]
    assert keys == sorted(keys) and len(set(keys)) == 251
    lines = [r.getMessage() for r in caplog.records]
    body_fetches = [line for line in lines if "BODY.PEEK[]" in line and "FETCH" in line]
    # 250 messages in batches of 50 plus the late one: six body FETCHes, none for the whole mailbox.
    assert len(body_fetches) == 6
    assert not any("1:250" in line or "1:251" in line for line in body_fetches)


@pytest.mark.servers
def test_large_mail_is_fetched_a_few_megabytes_at_a_time_not_a_batch_at_once(
    dovecot: DovecotServer, cursors: MemoryCursorStore, caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    # as 30 messages of 9.45 MB would be against the real FETCH_BYTES: one FETCH for them all held them twice
    import mailbot.transports.imap as imap

    raws = [district_request(i, size_padding=30_000) for i in range(10)]
    raws[4] = district_request(4, size_padding=200_000)  # over the size limit: its header only, in no body FETCH
    dovecot.append_many("INBOX", raws)
    monkeypatch.setattr(imap, "FETCH_BYTES", 100_000)
    caplog.set_level(logging.DEBUG, logger="imapclient.imaplib")
    with make_inbox(dovecot, cursors, fetch_batch=50, size_limit=150_000) as inbox:
        got = list(inbox.fetch_new())
    assert [m.raw for m in got] == [None if i == 4 else raw for i, raw in enumerate(raws)]
    lines = [r.getMessage() for r in caplog.records]
    body_fetches = [line for line in lines if "BODY.PEEK[]" in line and "FETCH" in line]
    asked = [re.search(r"FETCH ([0-9:,]+)", line) for line in body_fetches]
    counts = [sum(int(b) - int(a) + 1 if b else 1 for a, b in re.findall(r"(\d+)(?::(\d+))?", m.group(1)))
              for m in asked if m is not None]
    assert len(counts) == len(body_fetches) and sum(counts) == 9, body_fetches
    assert max(counts) <= 3, body_fetches  # 3 x 30 KB under 100 KB, a fourth over it


# -- acknowledging ----------------------------------------------------------------


@pytest.mark.servers
def test_acknowledge_moves_to_processed_folder_which_is_created(
        dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    raws = [district_request(i) for i in range(3)]
    for raw in raws:
        dovecot.append("INBOX", raw)
    with make_inbox(dovecot, cursors) as inbox:
        got = list(inbox.fetch_new())
        for message in got[:2]:
            inbox.acknowledge(message.key)
        inbox.flush()
        assert dovecot.count("INBOX") == 1
        inbox.acknowledge(got[0].key)  # repeating is harmless
        assert inbox.uses_move
        assert [m.raw for m in inbox.fetch_new()] == [raws[2]]
    assert [m.raw for m in dovecot.messages(dovecot.mailbox(PROCESSED))] == raws[:2]
    assert [m.raw for m in dovecot.messages("INBOX")] == [raws[2]]
    with dovecot.client() as c:
        assert dovecot.mailbox(PROCESSED) in [name for _f, _d, name in c.list_sub_folders()]


@pytest.mark.servers
def test_acknowledge_without_move_copies_flags_and_expunges(dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    raws = [district_request(i) for i in range(2)]
    for raw in raws:
        dovecot.append("INBOX", raw)
    with make_inbox(dovecot, cursors, use_move=False) as inbox:
        got = list(inbox.fetch_new())
        assert not inbox.uses_move
        inbox.acknowledge(got[0].key)
        inbox.flush()
        inbox.acknowledge(got[0].key)  # no second copy
    assert [m.raw for m in dovecot.messages(dovecot.mailbox(PROCESSED))] == [raws[0]]
    left = dovecot.messages("INBOX")
    assert [m.raw for m in left] == [raws[1]]
    assert all(b"\\Deleted" not in m.flags for m in left)


@pytest.mark.servers
def test_server_without_move_uidplus_or_idle_gets_copy_expunge_and_polling(
    bare_dovecot: DovecotServer, cursors: MemoryCursorStore
) -> None:
    dovecot = bare_dovecot
    raws = [district_request(i) for i in range(2)]
    for raw in raws:
        dovecot.append("INBOX", raw)
    with make_inbox(dovecot, cursors, poll_seconds=0.2) as inbox:
        got = list(inbox.fetch_new())
        assert not inbox.uses_move and not inbox.uses_idle
        inbox.acknowledge(got[1].key)
        inbox.quarantine(got[0].key, "reader could not parse it")
        started = time.monotonic()
        assert inbox.wait_for_mail(0.7) is False
        assert 0.6 <= time.monotonic() - started < 2.0
        threading.Timer(0.3, dovecot.append, ("INBOX", district_request(7))).start()
        assert inbox.wait_for_mail(5.0) is True
        assert [m.raw for m in inbox.fetch_new()] == [district_request(7)]
    assert [m.raw for m in dovecot.messages(dovecot.mailbox(PROCESSED))] == [raws[1]]
    assert [m.raw for m in dovecot.messages(dovecot.mailbox(QUARANTINE))] == [raws[0]]


@pytest.mark.servers
def test_quarantine_moves_to_quarantine_folder(dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    raw = district_request(3)
    dovecot.append("INBOX", raw)
    with make_inbox(dovecot, cursors, quarantine_folder="mailbot/karantina") as inbox:
        (message,) = list(inbox.fetch_new())
        inbox.quarantine(message.key, "unknown sender")
        inbox.quarantine(message.key, "unknown sender")
        assert list(inbox.fetch_new()) == []
    assert [m.raw for m in dovecot.messages(dovecot.mailbox("mailbot/karantina"))] == [raw]
    assert dovecot.count("INBOX") == 0


@pytest.mark.servers
def test_moves_are_batched_into_few_commands(
    dovecot: DovecotServer, cursors: MemoryCursorStore, caplog: pytest.LogCaptureFixture
) -> None:
    raws = [district_request(i) for i in range(250)]
    dovecot.append_many("INBOX", raws)
    caplog.set_level(logging.DEBUG, logger="imapclient.imaplib")
    with make_inbox(dovecot, cursors, fetch_batch=50) as inbox:
        for message in inbox.fetch_new():
            if parse_key(message.key)[2] % 10 == 0:
                inbox.quarantine(message.key, "test")
            else:
                inbox.acknowledge(message.key)
    moves = [r.getMessage() for r in caplog.records if "UID MOVE" in r.getMessage().upper()]
    assert 2 <= len(moves) <= 12
    assert dovecot.count("INBOX") == 0
    assert dovecot.count(dovecot.mailbox(PROCESSED)) == 225
    assert dovecot.count(dovecot.mailbox(QUARANTINE)) == 25


@pytest.mark.servers
def test_moves_lost_in_a_crash_mean_the_messages_are_read_again(
    dovecot: DovecotServer, cursors: MemoryCursorStore
) -> None:
    raws = [district_request(i) for i in range(3)]
    dovecot.append_many("INBOX", raws)
    crashed = make_inbox(dovecot, cursors)
    for message in crashed.fetch_new():
        crashed.acknowledge(message.key)
        break  # the process dies here: no flush, no close
    with make_inbox(dovecot, cursors) as inbox:
        assert [m.raw for m in inbox.fetch_new()] == raws


# -- waiting ----------------------------------------------------------------------


@pytest.mark.servers
def test_idle_wakes_within_two_seconds_of_new_mail(dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    with make_inbox(dovecot, cursors) as inbox:
        assert list(inbox.fetch_new()) == []
        assert inbox.uses_idle
        appended_at: list[float] = []

        def deliver() -> None:
            dovecot.append("INBOX", district_request(1))
            appended_at.append(time.monotonic())

        threading.Timer(1.0, deliver).start()
        assert inbox.wait_for_mail(30.0) is True
        woke_at = time.monotonic()
        assert appended_at, "woke before the mail arrived"
        assert woke_at - appended_at[0] < 2.0
        assert len(list(inbox.fetch_new())) == 1


@pytest.mark.servers
def test_a_connection_that_goes_silent_during_idle_is_found_dead_and_replaced(
        dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    """No FIN, no RST, no reply: a quiet IDLE proves nothing, so the renewal must find the connection dead."""
    with SilentProxy(dovecot.host, dovecot.port) as proxy:
        config = inbox_config(dovecot, port=proxy.port, idle_renew_seconds=1, read_timeout_seconds=1)
        with ImapInbox(config, dovecot.password, cursors, None) as inbox:
            assert list(inbox.fetch_new()) == [] and proxy.connections == 1
            woke: list[bool] = []
            waiter = threading.Thread(target=lambda: woke.append(inbox.wait_for_mail(30.0)), daemon=True)
            waiter.start()
            time.sleep(0.5)  # idling now
            proxy.silence()
            dovecot.append("INBOX", district_request(1))  # its IDLE notice is lost in the silent connection
            waiter.join(timeout=15)
            assert not waiter.is_alive(), "still waiting on a dead connection"
            assert woke == [True]
            assert proxy.connections >= 2, "a new connection replaced the silent one"
            assert len(list(inbox.fetch_new())) == 1


@pytest.mark.servers
def test_idle_is_renewed_and_times_out_quietly(dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    with SilentProxy(dovecot.host, dovecot.port) as proxy, \
            make_inbox(dovecot, cursors, port=proxy.port, idle_renew_seconds=0.4) as inbox:
        list(inbox.fetch_new())
        before = bytes(proxy.from_client)
        started = time.monotonic()
        assert inbox.wait_for_mail(1.8) is False
        assert 1.7 <= time.monotonic() - started < 3.5
        sent = bytes(proxy.from_client)[len(before):].decode()
        idles = re.findall(r"^\w+ IDLE\r$", sent, re.M)
        # renewed every 0.4 s (plus a round trip or two) for 1.8 s: four or five IDLEs, three on a slow
        # machine, never one; each ended by DONE and followed by a NOOP, all on one connection
        assert 3 <= len(idles) <= 5, sent
        assert sent.count("DONE\r\n") == len(idles) == len(re.findall(r"^\w+ NOOP\r$", sent, re.M)), sent
        assert proxy.connections == 1
        dovecot.append("INBOX", district_request(2))
        assert inbox.wait_for_mail(5.0) is True  # mail that came between two waits is noticed at once


@pytest.mark.servers
def test_leftover_messages_do_not_wake_the_wait(dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    dovecot.append("INBOX", district_request(1))
    with make_inbox(dovecot, cursors) as inbox:
        list(inbox.fetch_new())  # yielded but not acknowledged
        started = time.monotonic()
        assert inbox.wait_for_mail(1.0) is False
        assert time.monotonic() - started >= 0.9


# -- failures -----------------------------------------------------------------------


@pytest.mark.servers
def test_dovecot_restart_mid_run_loses_nothing(dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    raws = [district_request(i) for i in range(10)]
    dovecot.append_many("INBOX", raws)
    seen: list[bytes | None] = []
    with make_inbox(dovecot, cursors, fetch_batch=3) as inbox:
        for message in inbox.fetch_new():
            seen.append(message.raw)
            if len(seen) == 4:
                dovecot.restart()
            inbox.acknowledge(message.key)
            if len(seen) == 7:
                dovecot.restart(down_seconds=0.5)
        assert list(inbox.fetch_new()) == []
    assert seen == raws
    assert [m.raw for m in dovecot.messages(dovecot.mailbox(PROCESSED))] == raws
    assert dovecot.count("INBOX") == 0


@pytest.mark.servers
def test_wait_for_mail_survives_a_restart_and_reports_mail_after_it(
    dovecot: DovecotServer, cursors: MemoryCursorStore
) -> None:
    with make_inbox(dovecot, cursors) as inbox:
        list(inbox.fetch_new())

        def bounce() -> None:
            dovecot.restart(down_seconds=0.5)
            dovecot.append("INBOX", district_request(5))

        threading.Timer(0.5, bounce).start()
        started = time.monotonic()
        got: list[bytes | None] = []
        while not got and time.monotonic() - started < 15:
            if inbox.wait_for_mail(30.0):
                got = [m.raw for m in inbox.fetch_new()]
        assert time.monotonic() - started < 8
        assert got == [district_request(5)]


@pytest.mark.servers
def test_uidvalidity_change_rescans_and_ignores_stale_keys(dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    raws = [district_request(i) for i in range(3)]
    dovecot.append_many("INBOX", raws)
    with make_inbox(dovecot, cursors) as inbox:
        before = list(inbox.fetch_new())
        old_validity = inbox.uidvalidity
        inbox.acknowledge(before[0].key)
        # The mailbox is restored from a backup that still holds all three messages.
        new_validity = dovecot.recreate_mailbox("INBOX", raws)
        after = list(inbox.fetch_new())
        assert inbox.uidvalidity == new_validity != old_validity
        assert [m.raw for m in after] == raws
        assert all(parse_key(m.key)[1] == new_validity for m in after)
        inbox.acknowledge(before[1].key)  # stale: must not move the new UID 2
        inbox.flush()
        assert dovecot.count("INBOX") == 3
        inbox.acknowledge(after[1].key)
    assert cursors.saved["INBOX"][0] == new_validity
    assert [m.raw for m in dovecot.messages("INBOX")] == [raws[0], raws[2]]


@pytest.mark.servers
def test_new_inbox_notices_changed_uidvalidity_from_saved_cursor(
    dovecot: DovecotServer, cursors: MemoryCursorStore
) -> None:
    raws = [district_request(i) for i in range(2)]
    dovecot.append_many("INBOX", raws)
    with make_inbox(dovecot, cursors) as inbox:
        list(inbox.fetch_new())
    cursors.saved["INBOX"] = (cursors.saved["INBOX"][0] - 1, 99)
    with make_inbox(dovecot, cursors) as inbox:
        assert [m.raw for m in inbox.fetch_new()] == raws
    assert cursors.saved["INBOX"] == (dovecot.uidvalidity("INBOX"), 2)


@pytest.mark.servers
def test_unreachable_server_raises_one_line_connection_error(
        dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    dovecot.stop()
    inbox = make_inbox(dovecot, cursors, reconnect_attempts=2, initial_backoff_seconds=0.05)
    started = time.monotonic()
    with pytest.raises(ImapConnectionError) as caught:
        list(inbox.fetch_new())
    assert time.monotonic() - started < 3
    # in words, without Python's exception text (was "unreachable: ConnectionRefusedError: [Errno 111] ...")
    assert str(caught.value) == (f"IMAP server 127.0.0.1:{dovecot.port} not reachable now: nothing listens on "
                                 "that port (the connection was refused)"), caught.value
    assert "\n" not in str(caught.value)
    started = time.monotonic()
    assert inbox.wait_for_mail(1.0) is False
    assert time.monotonic() - started < 2
    dovecot.start()
    dovecot.append("INBOX", district_request(1))
    assert inbox.wait_for_mail(10.0) is True
    assert len(list(inbox.fetch_new())) == 1
    inbox.close()


@pytest.mark.servers
def test_an_outage_is_told_once_and_its_backoff_grows_across_operations(
        dovecot: DovecotServer, cursors: MemoryCursorStore, caplog: pytest.LogCaptureFixture) -> None:
    """The server away: one line when it goes, one when it is back (the fetching and the waiting connection
    share them), and the pause before each try grows from try to try, capped, without starting again
    after each failed operation."""
    caplog.set_level(logging.DEBUG, logger="mailbot.transports.imap")
    with make_inbox(dovecot, cursors, reconnect_attempts=2, initial_backoff_seconds=0.05,
                    max_backoff_seconds=0.4) as inbox:
        waiter = make_inbox(dovecot, cursors, max_backoff_seconds=0.4, initial_backoff_seconds=0.05,
                            outage=inbox.outage)
        list(inbox.fetch_new())
        dovecot.stop()
        for _ in range(3):  # three inbox passes in the outage
            with pytest.raises(ImapConnectionError):
                list(inbox.fetch_new())
            assert waiter.wait_for_mail(1.0) is False  # the IDLE watcher meanwhile
        tries = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG and ": try " in r.getMessage()]
        numbers = [int(re.search(r": try (\d+) failed", t)[1]) for t in tries]  # type: ignore[index]
        pauses = [float(re.search(r"next in ([\d.]+)s", t)[1]) for t in tries]  # type: ignore[index]
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 6, tries
        assert all(p >= 0.1 for p in pauses[3:]), pauses  # never back at the first pause (0.025-0.05 s)
        assert max(pauses) <= 0.4
        dovecot.start()
        waiter.wait_for_mail(2.0)  # the watcher reconnects, or the inbox pass below does
        assert list(inbox.fetch_new()) == []
        waiter.close()
    told = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(told) == 2, told
    assert told[0].startswith(f"IMAP server 127.0.0.1:{dovecot.port} failed: not reachable now: "), told
    assert "Error" not in told[0] and "Errno" not in told[0], told  # in words (was "ConnectionRefusedError: ...")
    assert told[1].startswith(f"IMAP server 127.0.0.1:{dovecot.port} works again (after {len(numbers)}")


@pytest.mark.servers
def test_a_bye_during_idle_is_one_line_with_what_the_server_said(
        dovecot: DovecotServer, cursors: MemoryCursorStore, caplog: pytest.LogCaptureFixture) -> None:
    """Dovecot stopped while mailbot idles: it says BYE. The log had two lines for it (imapclient's "Connection
    closed", then "not reachable now: connection lost: server said BYE during IDLE", without what the server said),
    and two for the server back ("works again", "connected to IMAP ..."): now one each, at any level."""
    caplog.set_level(logging.INFO)
    with make_inbox(dovecot, cursors, initial_backoff_seconds=0.05, max_backoff_seconds=0.4) as inbox:
        list(inbox.fetch_new())
        caplog.clear()
        stopping = threading.Timer(1.0, dovecot.stop)
        stopping.start()
        assert inbox.wait_for_mail(4.0) is False
        # the BYE comes as Dovecot begins to stop: its stop() ends (and start() starts it again) only after
        stopping.join()
        lost = [r.getMessage() for r in caplog.records]
        assert lost == [f"IMAP server 127.0.0.1:{dovecot.port} failed: the server ended the connection during IDLE "
                        '("Server shutting down."); trying again, with pauses growing up to 0.4 s'], lost
        caplog.clear()
        dovecot.start()
        dovecot.append("INBOX", district_request(1))
        assert inbox.wait_for_mail(10.0) is True
        back = [r.getMessage() for r in caplog.records]
        assert len(back) == 1 and back[0].startswith(f"IMAP server 127.0.0.1:{dovecot.port} works again"), back


@pytest.mark.servers
def test_a_server_back_in_a_long_outage_is_tried_at_once_not_after_the_rest_of_the_pause(
        dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    """Twelve tries failed and the next is due in about a minute: a server that takes connections again is
    found by a knock on its port (at most every PROBE_SECONDS) and read now; one still away is not tried."""
    outage = ImapOutage(f"127.0.0.1:{dovecot.port}")
    for _ in range(12):
        outage.failed(ConnectionRefusedError("refused"), 60.0, 60.0)
    assert outage.retry_at - time.monotonic() > 25
    dovecot.append("INBOX", district_request(1))
    with make_inbox(dovecot, cursors, reconnect_attempts=2, outage=outage) as inbox:
        dovecot.stop()
        started = time.monotonic()
        with pytest.raises(ImapConnectionError, match="not reachable now"):
            list(inbox.fetch_new())  # knocked: nobody there
        assert time.monotonic() - started < 2
        assert outage.failures == 12, "a knock is no try"
        dovecot.start()
        with pytest.raises(ImapConnectionError, match="not reachable now"):
            list(inbox.fetch_new())  # the next knock is not due yet
        time.sleep(PROBE_SECONDS)
        assert len(list(inbox.fetch_new())) == 1, "back, and read now, a minute before its try was due"
        assert outage.failures == 0


@pytest.mark.servers
def test_a_connection_from_before_an_outage_is_made_again_untold_once_the_server_is_back(
        dovecot: DovecotServer, cursors: MemoryCursorStore, caplog: pytest.LogCaptureFixture) -> None:
    """The fetching connection sat idle through the outage the IDLE connection told; at the next pass its
    socket is dead. That is the outage that ended, not a new one: no second "failed" and "works again"."""
    caplog.set_level(logging.DEBUG, logger="mailbot.transports.imap")
    with make_inbox(dovecot, cursors, reconnect_attempts=2, initial_backoff_seconds=0.05) as inbox:
        waiter = make_inbox(dovecot, cursors, initial_backoff_seconds=0.05, outage=inbox.outage)
        list(inbox.fetch_new())
        waiter.wait_for_mail(0.2)  # connected (True: mail may have come before)
        dovecot.stop()
        assert waiter.wait_for_mail(1.0) is False  # the watcher sees the outage
        dovecot.start()
        dovecot.append("INBOX", district_request(1))
        assert waiter.wait_for_mail(5.0) is True  # and its end
        assert len(list(inbox.fetch_new())) == 1  # on a connection made before the outage
        waiter.close()
    told = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(told) == 2 and "failed: not reachable now" in told[0] and "works again" in told[1], told


@pytest.mark.servers
@pytest.mark.parametrize("then", ["silent", "answers"])
def test_a_stop_during_a_fetch_from_a_server_gone_silent_ends_after_the_grace_not_the_read_timeout(
        dovecot: DovecotServer, cursors: MemoryCursorStore, then: str) -> None:
    """SIGTERM while a FETCH waits on a server that no longer answers: the command gets STOP_GRACE seconds,
    then its connection is shut and the fetch ends as stopped (no reconnection); a server that answers within
    the grace finishes the command."""
    for i in range(3):
        dovecot.append("INBOX", district_request(i))
    with SilentProxy(dovecot.host, dovecot.port) as proxy:
        config = inbox_config(dovecot, port=proxy.port, read_timeout_seconds=30)
        with ImapInbox(config, dovecot.password, cursors, None) as inbox:
            inbox.wait_for_mail(0.1)  # connected
            if then == "silent":
                proxy.silence()
            previous = signal.signal(signal.SIGUSR1, lambda *_: inbox.stop_waiting())
            timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGUSR1))
            started = time.monotonic()
            timer.start()
            try:
                if then == "silent":
                    with pytest.raises(ImapConnectionError, match="stopped"):
                        for _ in inbox.fetch_new():
                            time.sleep(0.5)  # the stop lands in the fetch
                    took = time.monotonic() - started
                    assert STOP_GRACE <= took < STOP_GRACE + 3, took
                    assert proxy.connections == 1, "no new connection after the stop"
                else:
                    assert len(list(inbox.fetch_new())) == 3
            finally:
                timer.cancel()
                signal.signal(signal.SIGUSR1, previous)


@pytest.mark.servers
def test_wrong_password_is_a_login_error(dovecot: DovecotServer, cursors: MemoryCursorStore) -> None:
    inbox = ImapInbox(inbox_config(dovecot), "salah", cursors)
    with pytest.raises(ImapLoginError, match="refused the login of desk@kaltara.test"):
        list(inbox.fetch_new())
    with pytest.raises(ImapLoginError):
        inbox.wait_for_mail(1.0)
    assert issubclass(ImapLoginError, TransportError)


class _FirstSaveFails(MemoryCursorStore):
    """A cursor store whose first save fails, as the database's does when it is away or when another
    connection of the desk saved the mailbox's first cursor at the same moment."""

    def __init__(self) -> None:
        super().__init__()
        self.failures = 0

    def save_cursor(self, mailbox: str, uidvalidity: int, last_uid: int) -> None:
        if self.failures == 0:
            self.failures += 1
            raise RuntimeError("the first cursor could not be saved")
        super().save_cursor(mailbox, uidvalidity, last_uid)


@pytest.mark.servers
def test_a_cursor_that_cannot_be_saved_at_connect_leaves_no_half_made_connection(dovecot: DovecotServer) -> None:
    dovecot.append("INBOX", district_request(1))
    cursors = _FirstSaveFails()
    with make_inbox(dovecot, cursors) as inbox:
        with pytest.raises(RuntimeError, match="could not be saved"):
            list(inbox.fetch_new())
        # The next pass connects again and reads the mail; before, it found the connection made but no
        # UIDVALIDITY adopted, and failed the same way on every pass for good.
        got = list(inbox.fetch_new())
        validity = inbox.uidvalidity
    assert [m.key for m in got] == [f"imap:INBOX:{validity}:1"]
    assert cursors.failures == 1 and cursors.saved["INBOX"] == (validity, 1)
