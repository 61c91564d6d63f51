"""What an IMAP server said reaches the operator as its words, without imaplib's and imapclient's wrapping
("command: SEARCH => ...", "error: ...", b'...') (pure: mailbot.transports.imap)."""

from __future__ import annotations

import imaplib

from imapclient.exceptions import IMAPClientError

from mailbot.transports.imap import _describe, server_text


def test_imaplibs_command_prefix_is_said_as_the_command_answered() -> None:
    said = server_text(imaplib.IMAP4.abort("command: SEARCH => Disconnected for inactivity."))
    assert said == "Disconnected for inactivity. (in answer to SEARCH)"  # was: "command: SEARCH => Disconnected ..."


def test_a_refused_command_is_said_without_the_class_name_and_bytes_repr() -> None:
    said = _describe(IMAPClientError("Unexpected IDLE response: b'* BYE Server shutting down.'"))
    # was: "error: Unexpected IDLE response: b'* BYE Server shutting down.'"
    assert said == "Unexpected IDLE response: * BYE Server shutting down."
