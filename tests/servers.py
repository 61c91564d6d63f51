"""Real mail servers for tests and benchmarks: Dovecot (IMAP) and aiosmtpd (SMTP) on loopback."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Literal

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from imapclient import IMAPClient

MAIL_UID = 5000
MAIL_GID = 5000
TEST_USER = "desk@kaltara.test"
TEST_PASSWORD = "rahasia-uji"


class ServerUnavailable(RuntimeError):
    """A test server cannot run on this machine (binary missing, not root)."""


class ServerStartError(RuntimeError):
    """A test server was started but did not become ready in time."""


def unavailable(reason: str) -> None:
    """Skip the calling test because a server cannot run here; under CI (CI set) fail it instead,
    so that a machine missing Dovecot or PostgreSQL cannot pass the suite by skipping its servers."""
    import pytest

    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run every test", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def dovecot_binary() -> str | None:
    """Path of the dovecot binary (PATH first, then Debian's /usr/sbin), or None."""
    found = shutil.which("dovecot")
    if found:
        return found
    fallback = Path("/usr/sbin/dovecot")
    return str(fallback) if fallback.exists() else None


def dovecot_missing_reason() -> str | None:
    """Why Dovecot tests cannot run here, or None when they can."""
    if dovecot_binary() is None:
        return "dovecot not installed (apt-get install -y dovecot-imapd)"
    if os.geteuid() != 0:
        return "Dovecot test server needs root (mail owned by uid 5000)"
    return None


def make_test_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate for localhost/127.0.0.1 signed by it, in *folder*.

    Returns (ca.crt, server.crt, server.key); all mode 0644 so a server's own user can read them.
    """
    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
            "-days", "2", "-subj", "/CN=mailbot test CA")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
            "-subj", "/CN=localhost")
    (folder / "san.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.crt", "-days", "2", "-extfile", "san.ext")
    for name in ("server.crt", "server.key", "ca.crt"):
        os.chmod(folder / name, 0o644)
    return folder / "ca.crt", folder / "server.crt", folder / "server.key"


def _port_accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


# Runs beside each Dovecot: when the owning process goes away (test run killed, crash), its end
# of the pipe closes, and the watchdog stops that Dovecot and removes its temp folder.
_WATCHDOG = """
import os, shutil, signal, sys, time
pgid, root = int(sys.argv[1]), sys.argv[2]
sys.stdin.buffer.read()
for sig in (signal.SIGTERM, signal.SIGKILL):
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        break
    time.sleep(2)
shutil.rmtree(root, ignore_errors=True)
"""


def _kill_group(proc: subprocess.Popen[bytes], grace: float = 5.0) -> None:
    """Stop *proc* and every process in its session: SIGTERM, then SIGKILL."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    # Children (imap, auth, log) may outlive the master for a moment.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if proc.poll() is None:
        proc.wait(timeout=grace)


_CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/log/dovecot.log
info_log_path = {root}/log/dovecot-info.log
default_internal_user = dovecot
default_login_user = dovenull
{ssl_block}disable_plaintext_auth = no
auth_mechanisms = {auth_mechanisms}
mail_location = maildir:{root}/mail/%n
mail_uid = {uid}
mail_gid = {gid}
first_valid_uid = 500
mail_max_userip_connections = {max_connections}
mailbox_idle_check_interval = 1 secs
{capability_line}namespace inbox {{
  inbox = yes
  separator = {separator}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%n
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
  }}
}}
service anvil {{
  chroot =
}}
"""


class DovecotServer:
    """A private Dovecot on 127.0.0.1 with one user, its own config, logs and Maildir.

    Example::

        with DovecotServer() as dovecot:
            dovecot.append("INBOX", b"Subject: hi\\r\\n\\r\\nbody\\r\\n")
            assert len(dovecot.messages("INBOX")) == 1

    capabilities: the IMAP CAPABILITY line to announce; pass e.g.
    "IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE UIDPLUS" to hide IDLE and MOVE.
    auth_mechanisms: Dovecot's; "login" offers AUTHENTICATE LOGIN only (and says LOGINDISABLED).
    """

    def __init__(
        self,
        *,
        user: str = TEST_USER,
        password: str = TEST_PASSWORD,
        separator: str = ".",
        capabilities: str | None = None,
        port: int | None = None,
        tls: bool = False,
        max_connections: int = 100,
        auth_mechanisms: str = "plain",
    ) -> None:
        reason = dovecot_missing_reason()
        if reason:
            raise ServerUnavailable(reason)
        self.user = user
        self.password = password
        self.separator = separator
        self.capabilities = capabilities
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.tls = tls
        self.max_connections = max_connections  # per user and IP (mail_max_userip_connections)
        self.auth_mechanisms = auth_mechanisms  # "login": AUTHENTICATE LOGIN only, and LOGINDISABLED
        self.imaps_port = free_port() if tls else 0
        self.root = Path(tempfile.mkdtemp(prefix="mailbot-dovecot-", dir="/var/tmp"))
        self._proc: subprocess.Popen[bytes] | None = None
        self._watchdog: subprocess.Popen[bytes] | None = None
        self._prepare()

    # -- lifecycle ---------------------------------------------------------

    def _prepare(self) -> None:
        os.chmod(self.root, 0o755)
        for sub in ("run", "state", "log"):
            (self.root / sub).mkdir(mode=0o755)
        mail = self.root / "mail"
        mail.mkdir(mode=0o700)
        os.chown(mail, MAIL_UID, MAIL_GID)
        passwd = self.root / "passwd"
        passwd.write_text(f"{self.user}:{{PLAIN}}{self.password}:{MAIL_UID}:{MAIL_GID}::{mail}::\n")
        os.chmod(passwd, 0o644)
        ssl_block = "ssl = no\n"
        if self.tls:
            self._make_certificates()
            ssl_block = f"ssl = yes\nssl_cert = <{self.root}/server.crt\nssl_key = <{self.root}/server.key\n"
        capability_line = f"imap_capability = {self.capabilities}\n" if self.capabilities else ""
        self.config_path = self.root / "dovecot.conf"
        self.config_path.write_text(
            _CONFIG.format(
                root=self.root,
                uid=MAIL_UID,
                gid=MAIL_GID,
                port=self.port,
                separator=self.separator,
                capability_line=capability_line,
                ssl_block=ssl_block,
                imaps_port=self.imaps_port,
                max_connections=self.max_connections,
                auth_mechanisms=self.auth_mechanisms,
            )
        )
        os.chmod(self.config_path, 0o644)

    @property
    def ca_file(self) -> Path:
        """The test CA that signed the server certificate (for localhost and 127.0.0.1)."""
        return self.root / "ca.crt"

    def _make_certificates(self) -> None:
        make_test_certificates(self.root)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout: float = 20.0) -> None:
        """Start Dovecot in the foreground of its own session; return once a login works."""
        if self.running:
            return
        binary = dovecot_binary()
        assert binary is not None
        log = open(self.root / "log" / "master.out", "ab")
        try:
            self._proc = subprocess.Popen(
                [binary, "-F", "-c", str(self.config_path)],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        finally:
            log.close()
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, str(self._proc.pid), str(self.root)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise ServerStartError(f"dovecot exited with {self._proc.returncode}: {self.log_tail()}")
            if _port_accepts(self.port):
                try:
                    with self.client():
                        return
                except Exception as exc:  # noqa: BLE001 - keep waiting until the deadline
                    last_error = exc
            time.sleep(0.05)
        self.stop()
        raise ServerStartError(f"dovecot not ready after {timeout}s ({last_error}): {self.log_tail()}")

    def stop(self) -> None:
        """Stop Dovecot and all its children; safe to repeat."""
        if self._proc is not None:
            _kill_group(self._proc)
            self._proc = None
        if self._watchdog is not None:
            # A planned stop: tell the watchdog to leave the folder alone (restart follows).
            assert self._watchdog.stdin is not None
            self._watchdog.kill()
            self._watchdog.wait()
            self._watchdog.stdin.close()
            self._watchdog = None
        deadline = time.monotonic() + 5
        while _port_accepts(self.port) and time.monotonic() < deadline:
            time.sleep(0.05)

    def restart(self, down_seconds: float = 0.0) -> None:
        """Stop, stay down for *down_seconds*, start again on the same port."""
        self.stop()
        if down_seconds:
            time.sleep(down_seconds)
        self.start()

    def cleanup(self) -> None:
        """Stop the server and remove its temp folder."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> DovecotServer:
        try:
            self.start()
        except BaseException:
            self.cleanup()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()

    def log_tail(self, lines: int = 20) -> str:
        out: list[str] = []
        for name in ("master.out", "dovecot.log"):
            path = self.root / "log" / name
            if path.exists():
                out.extend(path.read_text(errors="replace").splitlines()[-lines:])
        return " | ".join(out)

    # -- mail helpers ------------------------------------------------------

    def mailbox(self, name: str) -> str:
        """An inbox-config folder name ("mailbot/processed") as this server spells it."""
        return name.replace("/", self.separator)

    @contextmanager
    def client(self) -> Iterator[IMAPClient]:
        """A logged-in IMAPClient for the test user (not the code under test)."""
        c = IMAPClient(self.host, port=self.port, ssl=False, timeout=10)
        try:
            if self.auth_mechanisms == "login":  # LOGINDISABLED: AUTHENTICATE LOGIN, name then password
                answers = iter((self.user, self.password))
                c._imap.authenticate("LOGIN", lambda _challenge: next(answers))
            elif self.password.isascii():
                c.login(self.user, self.password)
            else:  # LOGIN takes ASCII only: a password outside it goes as AUTHENTICATE PLAIN (UTF-8)
                c.plain_login(self.user, self.password)
            yield c
        finally:
            try:
                c.logout()
            except Exception:  # noqa: BLE001 - the server may be gone already
                c.shutdown()

    def ensure_folder(self, c: IMAPClient, folder: str) -> None:
        if not c.folder_exists(folder):
            c.create_folder(folder)

    def append(self, folder: str, raw: bytes) -> None:
        """Append one message to *folder* (created if missing)."""
        with self.client() as c:
            self.ensure_folder(c, folder)
            c.append(folder, raw)

    def append_many(self, folder: str, raws: Iterable[bytes], chunk: int = 200) -> int:
        """Append many messages over one connection, MULTIAPPEND in chunks; returns the count."""
        count = 0
        with self.client() as c:
            self.ensure_folder(c, folder)
            batch: list[bytes] = []
            for raw in raws:
                batch.append(raw)
                if len(batch) >= chunk:
                    c.multiappend(folder, batch)
                    count += len(batch)
                    batch = []
            if batch:
                c.multiappend(folder, batch)
                count += len(batch)
        return count

    def messages(self, folder: str) -> list[StoredMessage]:
        """Every message in *folder* in UID order; [] when the folder does not exist."""
        with self.client() as c:
            if not c.folder_exists(folder):
                return []
            c.select_folder(folder, readonly=True)
            uids = c.search("ALL")
            if not uids:
                return []
            data = c.fetch(uids, ["FLAGS", "BODY.PEEK[]"])
            return [
                StoredMessage(uid=uid, flags=tuple(data[uid][b"FLAGS"]), raw=data[uid][b"BODY[]"])
                for uid in sorted(data)
            ]

    def count(self, folder: str) -> int:
        with self.client() as c:
            if not c.folder_exists(folder):
                return 0
            return int(c.folder_status(folder, ["MESSAGES"])[b"MESSAGES"])

    def uidvalidity(self, folder: str) -> int:
        with self.client() as c:
            return int(c.folder_status(folder, ["UIDVALIDITY"])[b"UIDVALIDITY"])

    def recreate_mailbox(self, folder: str = "INBOX", raws: Iterable[bytes] | None = None) -> int:
        """Recreate *folder* with a new UIDVALIDITY, as a server migration or restore would.

        Its current messages are put back (or *raws* instead when given). Returns the new
        UIDVALIDITY. Works for INBOX too: the server is stopped, the folder's UID list and
        indexes are removed, and the files are put back under new/.
        """
        old = self.uidvalidity(folder)
        if raws is None:
            keep = [m.raw for m in self.messages(folder)]
        else:
            keep = list(raws)
        self.stop()
        path = self._folder_path(folder)
        for entry in path.iterdir():
            if entry.name in ("cur", "new", "tmp"):
                for f in entry.iterdir():
                    f.unlink()
            elif entry.is_file() and not entry.name.startswith("dovecot-uidvalidity"):
                # UID list and indexes; the uidvalidity counter stays so the next value differs.
                entry.unlink()
        self.start()
        self.append_many(folder, keep)
        new = self.uidvalidity(folder)
        if new == old:
            raise ServerStartError(f"UIDVALIDITY of {folder} did not change ({old})")
        return new

    def _folder_path(self, folder: str) -> Path:
        user_root = self.root / "mail" / self.user.split("@")[0]
        if folder.upper() == "INBOX":
            return user_root
        return user_root / ("." + folder.replace(self.separator, "."))


@dataclass(frozen=True)
class StoredMessage:
    """One message as Dovecot holds it."""

    uid: int
    flags: tuple[bytes, ...]
    raw: bytes


@contextmanager
def dovecot_server(**kwargs: Any) -> Iterator[DovecotServer]:
    """Context manager around DovecotServer that always stops it, also on failure."""
    server = DovecotServer(**kwargs)
    with server:
        yield server


# -- SMTP ---------------------------------------------------------------------

SmtpMode = Literal["ok", "tempfail", "permfail", "drop", "drop_once", "rcpt_tempfail", "rcpt_permfail"]


@dataclass(frozen=True)
class CapturedMessage:
    """One message the SMTP test server accepted."""

    mail_from: str
    recipients: tuple[str, ...]
    raw: bytes
    connection: int
    received_at: float  # time.monotonic() when the server accepted it


class _CountingSMTP(SMTP):
    def __init__(self, owner: SmtpServer, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._owner = owner
        self.connection_number = 0
        self.accepted = 0  # mails this connection took
        self.closing = False  # the server has closed this connection after its last 250

    # Counted at the greeting: the Controller's own readiness probe connects without one.
    async def smtp_EHLO(self, arg: str) -> None:
        self._count()
        await super().smtp_EHLO(arg)

    async def smtp_HELO(self, arg: str) -> None:
        self._count()
        await super().smtp_HELO(arg)

    def _count(self) -> None:
        if not self.connection_number:
            self.connection_number = self._owner._new_connection()


class _Handler:
    def __init__(self, owner: SmtpServer) -> None:
        self._owner = owner

    async def handle_MAIL(
        self, server: _CountingSMTP, session: Session, envelope: Envelope, address: str, mail_options: list[str]
    ) -> str:
        assert server.transport is not None
        if server.closing:  # closed after the last mail: the client finds the connection gone
            server.transport.abort()
            return "421 4.4.2 Connection closed"
        await self._owner._pass_gate()
        limit = self._owner.max_per_connection
        if limit is not None and server.accepted >= limit:
            asyncio.get_running_loop().call_later(0.05, server.transport.close)  # after this answer is out
            return "421 4.7.0 Too many messages for this connection"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if self._owner.rcpt_delay:  # slow before it takes anything: a client killed now has sent nothing
            await asyncio.sleep(self._owner.rcpt_delay)
        mode = self._owner._effective_mode(at_data=False)
        if mode == "rcpt_tempfail":
            return "450 4.2.0 Mailbox busy, try later"
        if mode == "rcpt_permfail" or address.lower() in self._owner.refused_recipients:
            return "550 5.1.1 No such user here"
        if address.lower() in self._owner.deferred_recipients:
            return "451 4.7.1 Greylisted, please try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        mode = self._owner._effective_mode(at_data=True)
        if mode == "drop":
            assert server.transport is not None
            server.transport.abort()
            return "421 4.3.0 Connection dropped"
        if mode == "tempfail":
            return "451 4.3.0 Local error in processing, try later"
        if mode == "permfail":
            return "550 5.7.1 Message rejected"
        raw = envelope.original_content or b""
        number = getattr(server, "connection_number", 0)
        self._owner._capture(
            CapturedMessage(
                mail_from=envelope.mail_from or "",
                recipients=tuple(envelope.rcpt_tos),
                raw=bytes(raw),
                connection=number,
                received_at=time.monotonic(),
            )
        )
        if self._owner.data_delay:  # the message is taken; the answer is slow (RFC 1047's window)
            await asyncio.sleep(self._owner.data_delay)
        if isinstance(server, _CountingSMTP):
            server.accepted += 1
            close_after = self._owner.close_after
            if close_after is not None and server.accepted >= close_after:
                server.closing = True
                assert server.transport is not None
                asyncio.get_running_loop().call_later(0.05, server.transport.close)  # after the 250 is out
        return "250 2.0.0 Message accepted for delivery"


class _Controller(Controller):
    def __init__(self, owner: SmtpServer, **kwargs: Any) -> None:
        super().__init__(_Handler(owner), **kwargs)
        self._owner = owner

    def factory(self) -> SMTP:
        return _CountingSMTP(self._owner, self.handler, **self.SMTP_kwargs)


class SmtpServer:
    """An aiosmtpd server on 127.0.0.1 that records what it accepts.

    mode (switchable at run time): "ok"; "tempfail" (451 after DATA); "permfail" (550 after
    DATA); "drop" (closes the connection at DATA); "drop_once" (that once, then "ok"); "rcpt_tempfail" (450 at RCPT);
    "rcpt_permfail" (550 at RCPT). ok_first=N accepts N more messages before the mode applies.
    data_delay: seconds between taking a message at the end of DATA and answering 250 (a slow
    server: a client killed in that window has sent a message it never heard was accepted).
    rcpt_delay: seconds before answering each RCPT TO (a server slow before taking a message: a
    client killed then has sent nothing it could repeat).
    max_per_connection=N: the (N+1)-th MAIL FROM on a connection is answered "421 4.7.0 Too many
    messages for this connection" and the connection closed (a relay's limit of mails a connection).
    close_after=N: the connection is closed right after the N-th mail on it is accepted.
    gate(): from then on each MAIL FROM waits, unanswered, until let_through() lets it on, one mail per call;
    waiting_at_mail says how many wait (a client stopped there has sent nothing it could repeat).

    Example::

        with SmtpServer() as smtp:
            ...  # send to smtp.port
            assert len(smtp.messages) == 1
    """

    def __init__(self, port: int | None = None, *, tls: Literal["none", "starttls", "implicit"] = "none",
                 certificates: tuple[Path, Path] | None = None, require_starttls: bool = False) -> None:
        """tls: "starttls" offers STARTTLS, "implicit" speaks TLS from the first byte; both need
        *certificates* (server.crt, server.key) from make_test_certificates. require_starttls (with "starttls"):
        mail is refused (530) until the client has said STARTTLS."""
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.tls = tls
        self._certificates = certificates
        self.require_starttls = require_starttls
        self.mode: SmtpMode = "ok"
        self.ok_first = 0
        self.refused_recipients: set[str] = set()
        self.deferred_recipients: set[str] = set()  # answered 451 at RCPT (greylisting), the others taken
        self.data_delay = 0.0
        self.rcpt_delay = 0.0
        self.max_per_connection: int | None = None
        self.close_after: int | None = None
        self._lock = threading.Lock()
        self._gate: int | None = None  # MAIL FROMs still let through; None: no gate
        self._waiting_at_mail = 0
        self._messages: list[CapturedMessage] = []
        self._connections = 0
        self._controller: _Controller | None = None

    def _new_connection(self) -> int:
        with self._lock:
            self._connections += 1
            return self._connections

    def _capture(self, message: CapturedMessage) -> None:
        with self._lock:
            self._messages.append(message)

    def _effective_mode(self, at_data: bool) -> SmtpMode:
        # ok_first counts whole messages, so only the DATA stage uses one up.
        with self._lock:
            if self.ok_first > 0:
                if at_data:
                    self.ok_first -= 1
                return "ok"
            if self.mode == "drop_once":
                if not at_data:
                    return "ok"
                self.mode = "ok"  # one connection dropped, the next ones served
                return "drop"
            return self.mode

    async def _pass_gate(self) -> None:
        with self._lock:
            self._waiting_at_mail += 1
        try:
            while True:
                with self._lock:
                    if self._gate is None or self._gate > 0:
                        if self._gate is not None:
                            self._gate -= 1
                        return
                await asyncio.sleep(0.01)
        finally:
            with self._lock:
                self._waiting_at_mail -= 1

    def gate(self) -> None:
        """Hold every MAIL FROM from now on until let_through() lets it on."""
        with self._lock:
            self._gate = 0

    def let_through(self, mails: int = 1) -> None:
        with self._lock:
            self._gate = (self._gate or 0) + mails

    def open_gate(self) -> None:
        with self._lock:
            self._gate = None

    @property
    def waiting_at_mail(self) -> int:
        with self._lock:
            return self._waiting_at_mail

    def set_mode(self, mode: SmtpMode, ok_first: int = 0) -> None:
        with self._lock:
            self.mode = mode
            self.ok_first = ok_first

    @property
    def messages(self) -> list[CapturedMessage]:
        with self._lock:
            return list(self._messages)

    @property
    def connections(self) -> int:
        with self._lock:
            return self._connections

    def clear(self) -> None:
        with self._lock:
            self._messages.clear()
            self._connections = 0

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> None:
        """Listen on the same port as before (or a free one the first time)."""
        if self._controller is not None:
            return
        kwargs: dict[str, Any] = {}
        if self.tls != "none":
            assert self._certificates is not None, "TLS needs certificates"
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(self._certificates[0]), str(self._certificates[1]))
            kwargs["tls_context" if self.tls == "starttls" else "ssl_context"] = context
            kwargs["require_starttls"] = self.require_starttls
        controller = _Controller(self, hostname=self.host, port=self.port, ready_timeout=10, **kwargs)
        deadline = time.monotonic() + 10
        while True:
            try:
                controller.start()
                break
            except Exception:  # noqa: BLE001 - the port may linger a moment after stop()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        self._controller = controller

    def stop(self) -> None:
        """Stop listening and close every open connection; safe to repeat."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# -- realistic district mail --------------------------------------------------

DISTRICTS: tuple[tuple[str, str, str], ...] = (
    ("65.01", "Kabupaten Bulungan", "disdukcapil@bulungan.test"),
    ("65.02", "Kabupaten Malinau", "disdukcapil@malinau.test"),
    ("65.03", "Kabupaten Nunukan", "disdukcapil@nunukan.test"),
    ("65.04", "Kabupaten Tana Tidung", "disdukcapil@tanatidung.test"),
    ("65.71", "Kota Tarakan", "disdukcapil@tarakan.test"),
)


def district_request(
    index: int,
    *,
    to: str = "blangko@disdukcapil.kaltara.test",
    sender: str | None = None,
    district_name: str | None = None,
    requested: int | None = None,
    stock: int | None = None,
    size_padding: int = 0,
) -> bytes:
    """A realistic Indonesian district request for blank KTP-el cards, as raw bytes."""
    code, name, address = DISTRICTS[index % len(DISTRICTS)]
    sender = sender or address
    district_name = district_name or name
    requested = requested if requested is not None else 500 + (index % 7) * 100
    # every index its own letter: the figures repeat only after 35 letters (5 districts, 7 requests), and a
    # district's identical letter within a day is the same request sent again, so the stock moves on with the round
    stock = stock if stock is not None else 150 + (index % 5) * 40 + index // 35
    msg = EmailMessage()
    msg["From"] = f"Disdukcapil {district_name} <{sender}>"
    msg["To"] = to
    msg["Subject"] = f"Permohonan blangko KTP-el {district_name}"
    msg["Date"] = "Mon, 03 Mar 2025 09:15:00 +0800"
    msg["Message-ID"] = f"<req-{index}-{code}@{sender.split('@')[1]}>"
    body = (
        "Yth. Kepala Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Utara,\n\n"
        f"Dengan hormat, kami dari Disdukcapil {district_name} mengajukan permohonan blangko "
        f"KTP-el sebanyak {requested} keping.\n"
        f"Sisa stok blangko KTP-el kami saat ini {stock} keping.\n\n"
        "Demikian permohonan ini kami sampaikan. Atas perhatiannya kami ucapkan terima kasih.\n\n"
        f"Kepala Dinas Dukcapil {district_name}\n"
    )
    if size_padding:
        body += "\n" + ("Lampiran data pendukung. " * (size_padding // 25 + 1))[:size_padding] + "\n"
    msg.set_content(body)
    return msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))
