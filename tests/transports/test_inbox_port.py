"""Both inbox adapters carry the whole Inbox port, so the service needs neither by name."""

from __future__ import annotations

import inspect
import threading
import time
from pathlib import Path

import pytest

from mailbot.transports.base import Inbox
from mailbot.transports.imap import ImapInbox
from mailbot.transports.maildir import MaildirInbox

# the port's methods, those it has of the Acknowledger the pipeline's steps need included
PORT = sorted(name for name, _ in inspect.getmembers(Inbox, inspect.isfunction) if not name.startswith("_"))


def test_the_port_names_what_the_service_calls() -> None:
    assert PORT == ["acknowledge", "close", "dropped", "fetch_new", "interrupt", "quarantine", "stop_waiting",
                    "wait_for_mail"]


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
