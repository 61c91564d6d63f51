"""`check-config --connect` judges a server's answer as `run` does: a temporary SMTP answer (4xx) is a temporary
failure (exit 1), not a configuration error; a port that answers in another protocol is said so in one plain line,
and `run` says it in the same line, with exit 2, without retrying it."""

from __future__ import annotations

import os
import re
import socket
import socketserver
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot
from tests.desk.mailkit import PASSWORD_ENV, check_connect, replace_section
from tests.patience import patience


class _Auth454(socketserver.StreamRequestHandler):
    """A submission server whose AUTH answers 454 (its password store is away for a while)."""

    def handle(self) -> None:
        self.wfile.write(b"220 smtp.test ESMTP\r\n")
        for line in self.rfile:
            word = line.strip().upper()
            if word.startswith(b"EHLO"):
                self.wfile.write(b"250-smtp.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n")
            elif word.startswith(b"AUTH"):
                self.wfile.write(b"454 4.7.0 Temporary authentication failure\r\n")
            elif word.startswith(b"QUIT"):
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


class _Ehlo454(socketserver.StreamRequestHandler):
    """A server that greets, then answers EHLO and HELO with 454 (busy for a while)."""

    def handle(self) -> None:
        self.wfile.write(b"220 smtp.test ESMTP\r\n")
        for line in self.rfile:
            if line.strip().upper().startswith(b"QUIT"):
                self.wfile.write(b"221 bye\r\n")
                return
            self.wfile.write(b"454 4.7.0 Temporary failure, try later\r\n")


class _Greeting454(socketserver.StreamRequestHandler):
    """A server whose greeting is 454 (it takes no mail for a while)."""

    def handle(self) -> None:
        self.wfile.write(b"454 4.3.0 try later\r\n")
        for line in self.rfile:
            self.wfile.write(b"454 4.3.0 try later\r\n")
            if line.strip().upper().startswith(b"QUIT"):
                return


class _Web(socketserver.StreamRequestHandler):
    """A web server: silent until asked, then an HTTP answer."""

    def handle(self) -> None:
        self.rfile.readline()
        self.wfile.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


class _Drop(socketserver.BaseRequestHandler):
    """A server that takes the connection and closes it at once (a mail server starting or stopping)."""

    def handle(self) -> None:
        self.request.close()


class _SmtpGreeting(socketserver.StreamRequestHandler):
    """An SMTP server (an IMAP setting pointed at the SMTP port)."""

    def handle(self) -> None:
        self.wfile.write(b"220 mail.kaltaraprov.example ESMTP Postfix\r\n")
        for _line in self.rfile:
            self.wfile.write(b"502 5.5.2 Error: command not recognized\r\n")


class _Pop3(socketserver.StreamRequestHandler):
    """A POP3 server (an IMAP or SMTP setting pointed at port 110)."""

    def handle(self) -> None:
        self.wfile.write(b"+OK POP3 ready\r\n")
        for _line in self.rfile:
            self.wfile.write(b"-ERR unknown command\r\n")


class _Ssh(socketserver.StreamRequestHandler):
    """An SSH server (port 22)."""

    def handle(self) -> None:
        self.wfile.write(b"SSH-2.0-OpenSSH_9.6\r\n")
        self.rfile.readline()


class _Junk(socketserver.StreamRequestHandler):
    """A port that answers with binary junk (another program's protocol, a TLS record)."""

    def handle(self) -> None:
        self.wfile.write(b"\x00\xff\xfe\x16\x03\x01junk\r\n")
        self.rfile.readline()


class _ScriptedImap(socketserver.StreamRequestHandler):
    """A plain-text IMAP server that answers CAPABILITY with *capabilities* and LOGOUT, and *other* (BAD or NO)
    to everything else."""

    capabilities = "IMAP4rev1"
    other = "BAD"

    def handle(self) -> None:
        self.wfile.write(f"* OK [CAPABILITY {self.capabilities}] ready\r\n".encode())
        for line in self.rfile:
            tag, _, command = line.decode("ascii", "replace").strip().partition(" ")
            if command.upper().startswith("CAPABILITY"):
                self.wfile.write(f"* CAPABILITY {self.capabilities}\r\n{tag} OK done\r\n".encode())
            elif command.upper().startswith("LOGOUT"):
                self.wfile.write(f"* BYE\r\n{tag} OK bye\r\n".encode())
                return
            else:
                self.wfile.write(f"{tag} {self.other} not here\r\n".encode())


class _PlainImap(_ScriptedImap):
    """A plain-text IMAP server that offers no STARTTLS (port 143 of an old server)."""

    capabilities = "IMAP4rev1 AUTH=PLAIN"


class _SlowGreeting(socketserver.BaseRequestHandler):
    """A mail server that sends a correct greeting a byte every 0.15 s (overloaded, or on a poor link), then
    answers nothing."""

    greeting = b""

    def handle(self) -> None:
        try:
            for byte in self.greeting:
                self.request.sendall(bytes([byte]))
                time.sleep(0.15)
            while self.request.recv(1024):
                pass
        except OSError:
            pass  # the client went away


class _SlowImap(_SlowGreeting):
    greeting = b"* OK IMAP4rev1 ready\r\n"


class _SlowSmtp(_SlowGreeting):
    greeting = b"220 mail.kaltaraprov.example ESMTP ready\r\n"


@pytest.mark.parametrize("server", [_Auth454, _Ehlo454, _Greeting454], indirect=True)
def test_a_temporary_smtp_answer_is_no_configuration_error(desk_dir: Path, server: int) -> None:
    """Any 4xx answer (to AUTH, to EHLO and HELO, as the greeting) is a temporary failure, exit 1."""
    replace_section(desk_dir, "outbox", f'kind = "smtp"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                                        f'username = "blangko"\npassword_env = "{PASSWORD_ENV}"')
    code, lines = check_connect(desk_dir)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith("mailbot: temporary failure: ") and "configuration error" not in lines[0], lines
    assert re.search(r"454 4\.\d\.0 \w", lines[0]) and "retries" in lines[0] and "?" not in lines[0], lines


@pytest.mark.parametrize("server", [_Junk], indirect=True)
def test_binary_junk_from_the_server_is_not_echoed(desk_dir: Path, server: int) -> None:
    """Its bytes were echoed raw to the terminal ('its first words were "?\ufffd\ufffd???junk"')."""
    replace_section(desk_dir, "outbox", f'kind = "smtp"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                                        "timeout_seconds = 5")
    code, lines = check_connect(desk_dir)
    assert code == 2 and lines == [
        f"mailbot: configuration error: outbox: 127.0.0.1:{server} answered, but not as an SMTP server (it sent "
        "binary data, not text); check outbox.host, port and tls"], lines


@pytest.mark.parametrize("server", [_Web], indirect=True)
def test_smtp_set_to_a_web_server(desk_dir: Path, server: int) -> None:
    replace_section(desk_dir, "outbox", f'kind = "smtp"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                                        "timeout_seconds = 5")
    code, lines = check_connect(desk_dir)
    assert code == 2 and len(lines) == 1, lines
    assert f"127.0.0.1:{server} answered, but not as an SMTP server (it looks like HTTP)" in lines[0], lines
    assert "b'" not in lines[0] and "-1 " not in lines[0] and "cannot reach" not in lines[0]


@pytest.mark.parametrize("server", [_Web], indirect=True)
def test_smtp_at_a_web_server_is_told_in_seconds_and_run_says_it_alike(desk_dir: Path, server: int) -> None:
    """With the default timeout_seconds (30): check-config --connect took 34 s (the greeting waited out, then the
    probe), and run retried the mail as a temporary failure ("will retry ... unreachable ... timed out"); now the
    silent server is asked after 3 s, and both say the same line, exit 2, the mail not retried."""
    replace_section(desk_dir, "outbox", f'kind = "smtp"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"')
    said = (f"127.0.0.1:{server} answered, but not as an SMTP server (it looks like HTTP); check outbox.host, port "
            "and tls")
    started = time.monotonic()
    code, connect = check_connect(desk_dir)
    assert time.monotonic() - started < 15, "told in seconds, not after the greeting timeout"
    assert code == 2 and connect == [f"mailbot: configuration error: outbox: {said}"], connect
    assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
    started = time.monotonic()
    code, run = _one_run(desk_dir)
    assert time.monotonic() - started < 20
    assert code == 2, run
    assert run[-1].startswith(f"mailbot: configuration error: {said}; check with `mailbot check-config --connect`"), run
    assert not any("tried again later" in line or "timed out" in line for line in run), run


@pytest.mark.parametrize("server", [_Web], indirect=True)
def test_imap_at_a_web_server_is_told_in_seconds_by_both(desk_dir: Path, server: int) -> None:
    """With the default connect_timeout_seconds (15): was 22 s for check-config --connect and for run."""
    replace_section(desk_dir, "inbox", f'kind = "imap"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                                       f'username = "blangko"\npassword_env = "{PASSWORD_ENV}"')
    said = (f"mailbot: configuration error: inbox: 127.0.0.1:{server} answered, but not as an IMAP server (it looks "
            "like HTTP); check inbox.host, port and tls")
    started = time.monotonic()
    code, connect = check_connect(desk_dir)
    assert time.monotonic() - started < 12 and code == 2 and connect == [said], connect
    started = time.monotonic()
    code, run = _one_run(desk_dir)
    assert time.monotonic() - started < 12 and code == 2 and run[-1] == said, run


@pytest.mark.parametrize(("server", "looks"), [(_SmtpGreeting, "SMTP"), (_Web, "HTTP")], indirect=["server"])
def test_imap_set_to_another_protocol(desk_dir: Path, server: int, looks: str) -> None:
    replace_section(
        desk_dir, "inbox", f'kind = "imap"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                           f'username = "blangko"\npassword_env = "{PASSWORD_ENV}"\nconnect_timeout_seconds = 5\n'
                           "read_timeout_seconds = 5")
    code, lines = check_connect(desk_dir)
    assert code == 2 and len(lines) == 1, lines
    assert f"127.0.0.1:{server} answered, but not as an IMAP server (it looks like {looks})" in lines[0], lines
    assert "b'" not in lines[0] and "cannot reach" not in lines[0]


def test_paths_are_shown_normalised(desk_dir: Path) -> None:
    """A configuration that names its folders through "..": check-config shows where they really are."""
    text = (desk_dir / "config.toml").read_text()
    (desk_dir / "cc").mkdir()
    (desk_dir / "cc" / "config.toml").write_text(
        text.replace('path = "var/mail/inbox"', 'path = "../var/mail/inbox"')
        .replace("sqlite:///var/mailbot.db", "sqlite:///../var/mailbot.db"))
    result = mailbot(desk_dir / "cc", "check-config")  # cc/config.toml
    assert result.returncode == 0, result.stderr
    said = result.stdout.replace("\n", "")
    assert f"Maildir {desk_dir}/var/mail/inbox;" in said and f"SQLite {desk_dir}/var/mailbot.db" in said, said
    assert "/../" not in said


def _one_run(desk_dir: Path) -> tuple[int, list[str]]:
    result = mailbot(desk_dir, "run", "--once", env={**os.environ, PASSWORD_ENV: "rahasia"}, timeout=60)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr.strip().splitlines()


@pytest.mark.parametrize(("server", "tls", "expected"), [
    (_Pop3, "none", "answered, but not as an IMAP server (it looks like POP3); check inbox.host, port and tls"),
    (_Ssh, "none", "answered, but not as an IMAP server (it looks like SSH); check inbox.host, port and tls"),
    # a web server says nothing until asked: run's greeting times out (was retried as a server out of reach)
    (_Web, "none", "answered, but not as an IMAP server (it looks like HTTP); check inbox.host, port and tls"),
    (_PlainImap, "implicit", 'inbox.tls = "implicit" does not match that port: use tls = "implicit" with port 993'),
    (_PlainImap, "starttls", 'inbox.tls: the IMAP server 127.0.0.1:{port} does not offer STARTTLS, which '
                             'tls = "starttls" requires'),
], ids=["pop3", "ssh", "http", "implicit-on-plain", "no-starttls"], indirect=["server"])
def test_run_says_an_imap_setup_mistake_as_check_config_connect_does(desk_dir: Path, server: int, tls: str,
                                                                     expected: str) -> None:
    """Was exit 1 after seven retries with "abort: unexpected response: b'SSH-2.0...'", "error: None",
    "_ssl.c:1006" or "CapabilityError"; the service unit restarted on it."""
    replace_section(
        desk_dir, "inbox", f'kind = "imap"\nhost = "127.0.0.1"\nport = {server}\ntls = "{tls}"\n'
                           f'username = "blangko"\npassword_env = "{PASSWORD_ENV}"\nconnect_timeout_seconds = 5\n'
                           "read_timeout_seconds = 5")
    code, connect = check_connect(desk_dir)
    assert code == 2 and len(connect) == 1 and expected.format(port=server) in connect[0], connect
    code, run = _one_run(desk_dir)
    assert code == 2, run
    assert run[-1] == connect[0], (run, connect)
    assert not any("reconnecting" in line or "_ssl.c" in line or "error: None" in line for line in run), run


@pytest.mark.parametrize(("server", "looks"), [(_Pop3, "POP3"), (_Ssh, "SSH")], indirect=["server"])
def test_run_says_an_smtp_setting_at_another_protocols_port_as_check_config_connect_does(
        desk_dir: Path, server: int, looks: str) -> None:
    """Was "will retry ... refused the session: -1 2.0-OpenSSH_9.6", the mail's attempts used up, exit 0."""
    replace_section(desk_dir, "outbox", f'kind = "smtp"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                                        "timeout_seconds = 5")
    said = f"127.0.0.1:{server} answered, but not as an SMTP server (it looks like {looks}); check outbox.host, " \
           "port and tls"
    code, connect = check_connect(desk_dir)
    assert code == 2 and connect == [f"mailbot: configuration error: outbox: {said}"], connect
    assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
    code, run = _one_run(desk_dir)
    assert code == 2, run
    assert run[-1].startswith(f"mailbot: configuration error: {said}; check with `mailbot check-config --connect`"), run
    assert not any("tried again later" in line or "-1 " in line for line in run), run


@pytest.mark.parametrize("server", [_Drop], indirect=True)
def test_a_connection_closed_at_once_is_not_reachable_now_and_run_retries_it(desk_dir: Path, server: int) -> None:
    """Was a configuration error in check-config --connect (exit 2), while run retried it with Python's text in
    the log ("SMTPServerDisconnected: Connection unexpectedly closed"): now both say it in the same plain words."""
    replace_section(desk_dir, "outbox", f'kind = "smtp"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"')
    code, connect = check_connect(desk_dir)
    assert code == 1 and connect == [
        f"mailbot: temporary failure: outbox: the SMTP server 127.0.0.1:{server} is not reachable now: the server "
        "closed the connection; mailbot run tries again; check that the server runs, and outbox.host and port"], connect
    assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
    code, run = _one_run(desk_dir)
    assert code == 0, run
    retried = [line for line in run if "tried again later" in line]
    assert len(retried) == 1 and retried[0].endswith(
        f"SMTP server 127.0.0.1:{server} not reachable now: the server closed the connection; tried again later"), run
    assert "outbox message 1 to " in retried[0] and "@" not in retried[0].split(" to ")[0], run  # no Message-ID
    assert not any("Error" in line for line in run), run


@pytest.mark.parametrize("server", [_Drop], indirect=True)
def test_an_imap_connection_closed_at_once_is_not_reachable_now(desk_dir: Path, server: int) -> None:
    replace_section(
        desk_dir, "inbox", f'kind = "imap"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                           f'username = "blangko"\npassword_env = "{PASSWORD_ENV}"\nconnect_timeout_seconds = 5\n'
                           "read_timeout_seconds = 5")
    code, connect = check_connect(desk_dir)
    assert code == 1 and connect == [
        f"mailbot: temporary failure: inbox: the IMAP server 127.0.0.1:{server} is not reachable now: the server "
        "closed the connection; mailbot run tries again; check that the server runs, and inbox.host and port"], connect


class _SilentImap(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        self.rfile.read()  # takes the connection, greets never


@pytest.mark.parametrize("server", [_SilentImap], indirect=True)
def test_a_silent_imap_server_is_said_with_the_time_waited(desk_dir: Path, server: int) -> None:
    """It said "did not answer within 60 s (inbox.read_timeout_seconds)" when the command ended after 51 s: the greeting
    is awaited for inbox.connect_timeout_seconds, and the whole wait is said.

    A connect timeout of 1 s: the questions of what the port speaks wait their own timeouts after it, 7 s in
    all (31 s with 4 s); waited for the read timeout instead, the command would take over 60 s."""
    replace_section(desk_dir, "inbox", f'kind = "imap"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                                       f'username = "u"\npassword_env = "{PASSWORD_ENV}"\nconnect_timeout_seconds = 1\n'
                                       "read_timeout_seconds = 60")
    started = time.monotonic()
    code, lines = check_connect(desk_dir)
    took = time.monotonic() - started
    assert code == 1 and len(lines) == 1, lines
    said = re.search(r"did not answer within 1 s \(inbox\.connect_timeout_seconds(?:; (\d+) s in all, with asking "
                     r"what the port speaks)?\)", lines[0])
    assert said and "60 s" not in lines[0], lines
    assert took < patience(60), took
    in_all = int(said[1]) if said[1] else 1
    assert in_all <= took + 1, (in_all, took)


class _JunkCapabilityImap(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        self.wfile.write(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\r\n")
        for line in self.rfile:
            self.wfile.write(b"* \xff\xfe garbage \x00\r\n" + line.split(b" ")[0] + b" OK done\r\n")


@pytest.mark.parametrize("server", [_JunkCapabilityImap], indirect=True)
def test_an_imap_answer_of_junk_is_said_in_plain_words(desk_dir: Path, server: int) -> None:
    """It said "cannot reach the IMAP server ...: command: CAPABILITY => unexpected response: b'* \\xff\\xfe garbage
    \\x00'", imaplib's text, of a server that was reached."""
    replace_section(desk_dir, "inbox", f'kind = "imap"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                                       f'username = "u"\npassword_env = "{PASSWORD_ENV}"\nconnect_timeout_seconds = 5')
    code, lines = check_connect(desk_dir)
    assert code == 2 and lines == [
        f"mailbot: configuration error: inbox: 127.0.0.1:{server} answered, but not as an IMAP server: its answer "
        'to CAPABILITY was no IMAP ("* ?? garbage ?"); check inbox.host, port and tls'], lines


class _HugeBanner(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        self.wfile.write(b"220-" + b"A" * 100_000 + b"\r\n220 ok\r\n")
        self.rfile.readline()


@pytest.mark.parametrize("server", [_HugeBanner], indirect=True)
def test_a_greeting_line_too_long_is_no_refusal_by_the_server(desk_dir: Path, server: int) -> None:
    """A greeting line of 100 kB got "refuses to serve mailbot (500 Line too long.) ... ask the server's
    administrator to accept mail from this host": the 500 is smtplib's, not the server's."""
    replace_section(desk_dir, "outbox", f'kind = "smtp"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                                        "timeout_seconds = 5")
    code, lines = check_connect(desk_dir)
    assert code == 2 and lines == [
        f"mailbot: configuration error: outbox: the SMTP server 127.0.0.1:{server} sent a line longer than any SMTP "
        "answer (over 8 KB), which is no mail server's answer; check [outbox] host and port"], lines


class _SilentSmtp(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        self.rfile.read()  # takes the connection, greets never


@pytest.mark.parametrize("server", [_SilentSmtp], indirect=True)
def test_check_config_stopped_says_what_it_is(desk_dir: Path, server: int) -> None:
    """Stopped by SIGTERM while it waited, it said "mail not yet sent stays in the outbox and goes out with the next
    `mailbot run`", the words of a command that queues mail, which check-config never does."""
    import signal
    import tempfile

    from tests.forkserver import spawn_mailbot

    replace_section(desk_dir, "outbox", f'kind = "smtp"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                                        "timeout_seconds = 60")
    with tempfile.TemporaryFile() as err:
        proc = spawn_mailbot(["--config", str(desk_dir / "config.toml"), "check-config", "--connect"],
                             stdout=subprocess.DEVNULL, stderr=err, cwd=desk_dir)
        time.sleep(4)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        err.seek(0)
        said = err.read().decode()
    assert proc.returncode == 128 + signal.SIGTERM, said
    assert said == ("mailbot: stopped by SIGTERM: check-config --connect stopped before every server had answered; "
                    "it changes nothing, so nothing is lost: run it again\n"), said


_SLOW_INBOX = ('kind = "imap"\nhost = "127.0.0.1"\nport = {port}\ntls = "none"\nusername = "blangko"\n'
               f'password_env = "{PASSWORD_ENV}"\nconnect_timeout_seconds = 1\nread_timeout_seconds = 1\n'
               "max_backoff_seconds = 1")


@pytest.mark.servers
@pytest.mark.parametrize(("server", "protocol"), [(_SlowImap, "IMAP"), (_SlowSmtp, "SMTP")], indirect=["server"],
                         ids=["imap", "smtp"])
def test_a_slow_greeting_is_a_slow_server_not_a_configuration_error(desk_dir: Path, server: int,
                                                                    protocol: str) -> None:
    """A correct IMAP greeting sent a byte a second was "answered, but not as an IMAP server (its first words were
    "*")", a configuration error (exit 2), which the service unit does not restart."""
    if protocol == "IMAP":
        replace_section(desk_dir, "inbox", _SLOW_INBOX.format(port=server))
        key, start = "inbox.connect_timeout_seconds", "* OK"
    else:
        replace_section(desk_dir, "outbox", f'kind = "smtp"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                                            "timeout_seconds = 1")
        key, start = "outbox.timeout_seconds", "220"
    code, lines = check_connect(desk_dir)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(
        f"mailbot: temporary failure: {key.split('.')[0]}: the {protocol} server 127.0.0.1:{server} is slow: its "
        f'greeting had not come whole after 1 s ({key}), only "{start}'), lines
    assert "mailbot run retries" in lines[0] and "not as an" not in lines[0], lines


@pytest.mark.servers
@pytest.mark.parametrize("server", [_SlowImap], indirect=True)
def test_run_keeps_trying_a_slow_imap_server(desk_dir: Path, server: int) -> None:
    """`run --once` stopped with the same configuration error, exit 2: now it tries again with pauses (the retries
    are the service's to log) and ends with one line naming the slow server, a temporary failure, never a
    configuration error."""
    replace_section(desk_dir, "inbox", _SLOW_INBOX.format(port=server))
    proc = subprocess.run([str(Path(sys.executable).parent / "mailbot"), "--config", str(desk_dir / "config.toml"),
                           "run", "--once"], cwd=desk_dir, env={**os.environ, PASSWORD_ENV: "rahasia"},
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=120)
    said = proc.stderr.splitlines()
    assert proc.returncode == 1, said
    [gave_up] = [line for line in said if "the inbox could not be reached" in line]
    assert (f"(IMAP server 127.0.0.1:{server} not reachable now: the server is slow: its greeting had not "
            'come whole after 1 s, only "* OK') in gave_up and "nothing was read" in gave_up, said
    assert not any("configuration error" in line or "Traceback" in line for line in said), said


class _CloseAfterLogin(socketserver.StreamRequestHandler):
    """An IMAP server that takes the login and then closes the connection (a crash, a restart, a proxy)."""

    def handle(self) -> None:
        self.wfile.write(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
        for line in self.rfile:
            tag, _, command = line.decode("ascii", "replace").strip().partition(" ")
            if command.upper().startswith("CAPABILITY"):
                self.wfile.write(f"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n".encode())
            elif command.upper().startswith("LOGIN"):
                self.wfile.write(f"{tag} OK logged in\r\n".encode())
                self.wfile.flush()
                self.request.shutdown(socket.SHUT_RDWR)
                return
            else:
                self.wfile.write(f"{tag} BAD not here\r\n".encode())


@pytest.mark.servers
@pytest.mark.parametrize("server", [_CloseAfterLogin], indirect=True)
def test_an_imap_server_closing_after_the_login_is_a_temporary_failure(desk_dir: Path, server: int) -> None:
    """Was "configuration error: inbox: IMAP server …: [Errno 104] Connection reset by peer", exit 2, while
    `mailbot run` rightly tries again: a server restarting is no setting to fix."""
    replace_section(
        desk_dir, "inbox", f'kind = "imap"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                           f'username = "blangko"\npassword_env = "{PASSWORD_ENV}"\nconnect_timeout_seconds = 2\n'
                           "read_timeout_seconds = 2")
    code, connect = check_connect(desk_dir)
    assert code == 1 and connect == [
        f"mailbot: temporary failure: inbox: the IMAP server 127.0.0.1:{server} closed the connection in the middle "
        "of the session; it may be restarting: mailbot run tries again; try check-config --connect again in a few "
        "minutes, and if it stays, ask the server's administrator"], connect


class _LoginOnlyImap(_ScriptedImap):
    """An IMAP server that offers LOGIN only (no AUTH=PLAIN)."""

    other = "NO"


@pytest.mark.servers
@pytest.mark.parametrize("server", [_LoginOnlyImap], indirect=True)
def test_a_password_outside_ascii_on_a_server_without_authenticate_plain_is_one_line(desk_dir: Path,
                                                                                      server: int) -> None:
    """Was a UnicodeEncodeError traceback from check-config --connect and from run (exit 1, restarted by systemd):
    IMAP LOGIN takes ASCII only, and this server offers no other way in. Then the line said the server "refused
    the login", though mailbot never sent it: it says mailbot did not try, and why."""
    replace_section(
        desk_dir, "inbox", f'kind = "imap"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                           f'username = "blangko"\npassword_env = "{PASSWORD_ENV}"\nconnect_timeout_seconds = 2\n'
                           "read_timeout_seconds = 2")
    expected = (f"mailbot did not try to log in to the IMAP server 127.0.0.1:{server} as blangko: the password in "
                f"{PASSWORD_ENV} holds a character outside ASCII, and the server offers no way to send it (no "
                "AUTHENTICATE PLAIN; IMAP LOGIN takes ASCII only); change it to ASCII letters, digits and signs, or "
                "ask the server's administrator to offer AUTHENTICATE PLAIN")
    for command in (("check-config", "--connect"), ("run", "--once")):
        result = mailbot(desk_dir, *command, env={**os.environ, PASSWORD_ENV: "pässwört"})
        assert result.returncode == 2 and "Traceback" not in result.stderr, (command, result.stderr)
        said = [line for line in result.stderr.splitlines() if line.startswith("mailbot: configuration error:")]
        assert len(said) == 1 and expected in said[0] and "refused" not in said[0], (command, result.stderr)
        assert "pässwört" not in result.stderr


class _NoUsableLoginImap(_ScriptedImap):
    """An IMAP server that says LOGINDISABLED and offers only a mechanism mailbot does not make (CRAM-MD5)."""

    capabilities = "IMAP4rev1 LOGINDISABLED AUTH=CRAM-MD5"
    other = "NO"


@pytest.mark.servers
@pytest.mark.parametrize("server", [_NoUsableLoginImap], indirect=True)
def test_a_server_offering_no_login_mailbot_makes_is_said_so_not_a_wrong_password(desk_dir: Path,
                                                                                   server: int) -> None:
    """Was "refused the login of blangko (...); correct [inbox] username or the password": mailbot sent a LOGIN the
    server had disabled. Now it sends nothing and says what the server offers, and what to do."""
    replace_section(
        desk_dir, "inbox", f'kind = "imap"\nhost = "127.0.0.1"\nport = {server}\ntls = "none"\n'
                           f'username = "blangko"\npassword_env = "{PASSWORD_ENV}"\nconnect_timeout_seconds = 2\n'
                           "read_timeout_seconds = 2")
    for command in (("check-config", "--connect"), ("run", "--once")):
        result = mailbot(desk_dir, *command, env={**os.environ, PASSWORD_ENV: "rahasia"})
        said = [line for line in result.stderr.splitlines() if line.startswith("mailbot: configuration error:")]
        assert result.returncode == 2 and len(said) == 1 and "Traceback" not in result.stderr, result.stderr
        assert (f"mailbot did not try to log in to the IMAP server 127.0.0.1:{server} as blangko: the server offers "
                "no login mailbot can make (AUTH=CRAM-MD5, LOGINDISABLED; mailbot logs in with LOGIN, AUTHENTICATE "
                'PLAIN or AUTHENTICATE LOGIN); if the server takes logins only over an encrypted connection, set '
                '[inbox] tls = "starttls"') in said[0], said
        assert "password" not in said[0], said
