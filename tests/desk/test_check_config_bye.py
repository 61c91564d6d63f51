"""`check-config --connect` and an IMAP server that ends the session with a BYE in answer to a command (shutting
down, restarting): a temporary failure (exit 1), as `mailbot run` takes it, never a configuration error; and the
server's words without imaplib's ("command: LIST => ...")."""

from __future__ import annotations

import socketserver
from pathlib import Path

import pytest

from tests.desk.mailkit import PASSWORD_ENV, check_connect, replace_section

pytestmark = pytest.mark.servers


class _ByeTo(socketserver.StreamRequestHandler):
    """An IMAP server that takes the login and answers *command* with a BYE."""

    command = "LIST"
    bye = "* BYE [UNAVAILABLE] restarting"

    def handle(self) -> None:
        self.wfile.write(b"* OK IMAP4rev1 ready\r\n")
        for line in self.rfile:
            tag, _, said = line.decode("ascii", "replace").strip().partition(" ")
            name = said.split(" ", 1)[0].upper()
            if name == self.command:
                self.wfile.write(f"{self.bye}\r\n".encode())
                return
            if name == "CAPABILITY":
                self.wfile.write(f"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n".encode())
            elif name in ("LOGIN", "AUTHENTICATE"):
                self.wfile.write(f"{tag} OK logged in\r\n".encode())
            elif name == "LOGOUT":
                self.wfile.write(f"* BYE\r\n{tag} OK bye\r\n".encode())
                return
            else:
                self.wfile.write(f"{tag} BAD not here\r\n".encode())


class _ByeToCapability(_ByeTo):
    command = "CAPABILITY"
    bye = "* BYE Server shutting down."


@pytest.mark.parametrize(("server", "said"), [(_ByeTo, "[UNAVAILABLE] restarting (in answer to LIST)"),
                                              (_ByeToCapability, "Server shutting down. (in answer to CAPABILITY)")],
                         indirect=["server"], ids=["after-login", "capability"])
def test_a_bye_in_answer_to_a_command_is_a_temporary_failure(desk_dir: Path, server: int, said: str) -> None:
    """Was "configuration error: inbox: IMAP server …: command: LIST => [UNAVAILABLE] restarting" (and "cannot
    reach the IMAP server …: command: CAPABILITY => …; check inbox.host, port and tls"), exit 2."""
    replace_section(
        desk_dir, "inbox", f'kind = "imap"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                           f'username = "blangko"\npassword_env = "{PASSWORD_ENV}"\nconnect_timeout_seconds = 2\n'
                           "read_timeout_seconds = 2")
    code, connect = check_connect(desk_dir)
    assert code == 1 and connect == [
        f"mailbot: temporary failure: inbox: the IMAP server 127.0.0.1:{server} ended the session ({said}); it may "
        "be restarting: mailbot run tries again; try check-config --connect again in a few minutes, and if it stays, "
        "ask the server's administrator"], connect
