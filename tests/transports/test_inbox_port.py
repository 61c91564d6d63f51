"""Both inbox adapters carry the whole Inbox port, so the service needs neither by name."""

from __future__ import annotations

import inspect
import threading
import time
from pathlib import Path

import pytest

from mailbot.config import ImapInbox as ImapInboxConfig
from mailbot.transports.base import Inbox, MemoryCursorStore
from mailbot.transports.imap import ImapInbox, ImapOutage
from mailbot.transports.maildir import MaildirInbox

# the port's methods, those it has of the Acknowledger the pipeline's steps need included
PORT = sorted(name for name, _ in inspect.getmembers(Inbox, inspect.isfunction) if not name.startswith("_"))


def test_the_port_names_what_the_service_calls() -> None:
    assert PORT == ["acknowledge", "close", "dropped", "fetch_new", "interrupt", "limit_refusal", "quarantine",
                    "stop_waiting", "wait_for_mail"]


def test_the_service_asks_the_inbox_through_the_port_alone() -> None:
    # (its inbox once looked up the IMAP adapter's outage with getattr and judged the refusal itself)
    source = (Path(__file__).parents[2] / "mailbot" / "service.py").read_text()
    assert "getattr(" not in source and "type: ignore" not in source and "connection_limit" not in source


def test_an_imap_inbox_tells_the_servers_refusal_for_the_connection_limit_while_it_lasts() -> None:
    outage = ImapOutage("mail.example:993", told=False)
    config = ImapInboxConfig(kind="imap", host="mail.example", username="dukcapil", password_env="IMAP_PASSWORD")
    inbox = ImapInbox(config, "secret", MemoryCursorStore(), outage=outage)
    assert inbox.limit_refusal() is None
    outage.failed(ConnectionRefusedError(), 0.1, 1.0)
    assert inbox.limit_refusal() is None  # away, but for no limit of connections
    said = "[LIMIT] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=1)"
    outage.failed(Exception(said), 0.1, 1.0)
    assert inbox.limit_refusal() == said
    outage.recovered()
    assert inbox.limit_refusal() is None


def test_a_maildir_is_never_refused_for_a_connection_limit(tmp_path: Path) -> None:
    assert MaildirInbox(tmp_path / "in").limit_refusal() is None


@pytest.mark.parametrize("adapter", [MaildirInbox, ImapInbox])
def test_each_adapter_has_every_method_of_the_port(adapter: type) -> None:
    for name in PORT:
        wanted = list(inspect.signature(getattr(Inbox, name)).parameters)
        assert list(inspect.signature(getattr(adapter, name)).parameters) == wanted, name


def test_interrupt_ends_a_maildir_wait_at_once_and_every_one_after(tmp_path: Path) -> None:
    inbox = MaildirInbox(tmp_path / "in")
    threading.Timer(0.2, inbox.interrupt).start()
    started = time.monotonic()
    assert inbox.wait_for_mail(30) is False
    assert time.monotonic() - started < 5
    started = time.monotonic()
    assert inbox.wait_for_mail(30) is False
    assert time.monotonic() - started < 1


def test_a_maildir_wait_without_interrupt_lasts_its_timeout(tmp_path: Path) -> None:
    inbox = MaildirInbox(tmp_path / "in")
    started = time.monotonic()
    assert inbox.wait_for_mail(0.3) is False
    assert time.monotonic() - started >= 0.3


def test_stop_waiting_leaves_a_maildir_as_it_was(tmp_path: Path) -> None:
    """A Maildir has no server to wait on: a stop from a signal handler changes nothing, and reading goes on."""
    inbox = MaildirInbox(tmp_path / "in")
    (tmp_path / "in" / "new" / "1.eml").write_bytes(b"Subject: x\r\n\r\nbody\r\n")
    inbox.stop_waiting()
    assert [m.key for m in inbox.fetch_new()] == ["1.eml"]
    started = time.monotonic()
    assert inbox.wait_for_mail(0.3) is False  # not interrupted: a stop of the pass is not one of the service
    assert time.monotonic() - started >= 0.3


def test_a_maildir_is_never_dropped(tmp_path: Path) -> None:
    """The service's IDLE watcher asks the fetching inbox whether its server left: a Maildir has no server, so
    neither waiting mail nor a stop makes it say so (a pass comes at the poll, not at once)."""
    inbox = MaildirInbox(tmp_path / "in")
    assert inbox.dropped() is False
    (tmp_path / "in" / "new" / "1.eml").write_bytes(b"Subject: x\r\n\r\nbody\r\n")
    inbox.interrupt()
    assert inbox.dropped() is False
