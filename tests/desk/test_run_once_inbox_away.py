"""`mailbot run --once` with the IMAP server away: one line says the inbox could not be reached and how much of
it was read, and what the outbox sent."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from mailbot.app import open_inbox, open_sender
from mailbot.desk import Desk
from mailbot.errors import ImapUnreachable
from mailbot.service import run_once
from mailbot.transports.base import Inbox, IncomingMessage
from mailbot.transports.maildir import deliver

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

AWAY = ImapUnreachable("IMAP server 127.0.0.1:993 not reachable now: nothing listens on that port "
                       "(the connection was refused)")
REQUEST = (b"From: disdukcapil@bulungankab.example\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
           b"Subject: Permohonan blangko KTP-el\r\nMessage-ID: <away-1@bulungankab.example>\r\n\r\n"
           b"Dengan hormat, sisa stok blangko KTP-el kami 300 keping. Mohon tambahan blangko KTP-el 1.000 "
           b"keping.\r\n\r\nTerima kasih.\r\n")


class _AwayAfter:
    """The desk's inbox whose server goes away after *read* messages."""

    def __init__(self, inbox: Inbox, read: int) -> None:
        self.inbox, self.read = inbox, read

    def fetch_new(self) -> Iterator[IncomingMessage]:
        for n, message in enumerate(self.inbox.fetch_new()):
            if n >= self.read:
                break
            yield message
        raise AWAY

    def __getattr__(self, name: str) -> object:
        return getattr(self.inbox, name)


def test_an_inbox_away_is_said_in_one_line_with_what_was_read(open_test_desk: Callable[..., Desk]) -> None:
    desk = open_test_desk()
    deliver(desk.config.inbox.path, REQUEST)  # type: ignore[union-attr]
    inbox = open_inbox(desk.config, desk)
    with pytest.raises(ImapUnreachable) as raised:
        run_once(desk, _AwayAfter(inbox, 0), open_sender(desk.config))  # type: ignore[arg-type]
    line = str(raised.value)
    assert "\n" not in line
    assert line.startswith("the inbox could not be reached (IMAP server 127.0.0.1:993 not reachable now"), line
    assert "nothing was read" in line and "mail sent: 0, waiting in the outbox: 0, failed: 0" in line, line


@pytest.mark.parametrize("told", [True, False])
def test_an_outage_the_command_says_itself_logs_no_promise_of_pauses(caplog: pytest.LogCaptureFixture,
                                                                     told: bool) -> None:
    from mailbot.transports.imap import ImapOutage

    outage = ImapOutage("127.0.0.1:993", told=told)
    with caplog.at_level("INFO", logger="mailbot"):
        outage.failed(ConnectionRefusedError(111, "Connection refused"), 0.25, 300)
    promised = [r for r in caplog.records if "pauses growing up to 300 s" in r.getMessage()]
    assert len(promised) == (1 if told else 0), caplog.text
