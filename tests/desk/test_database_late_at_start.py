"""`mailbot run` started before its PostgreSQL server (a boot where the database comes up later): it waits for the
server, one log line each try, and works once the server takes connections; it never exits at once (systemd would
give up after a few quick restarts). A server that answers and refuses the database named stays a configuration
error (exit 2, one line)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from mailbot.transports.maildir import deliver
from tests.desk.conftest import EXAMPLES, mailbot, outbox_files, wait_until

pytestmark = pytest.mark.servers


def _use_database(desk_dir: Path, url: str) -> None:
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace('url = "sqlite:///var/mailbot.db"', f'url = "{url}"')
                    .replace("poll_seconds = 30", "poll_seconds = 0.3"))


class _Forwarder:
    """A loopback port that forwards every connection to the PostgreSQL server: the server "starts" on it when
    the forwarder does."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])

    def start(self) -> None:
        self.listener.listen(16)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self.listener.close()


def test_run_waits_for_a_database_server_that_starts_after_it(desk_dir: Path, postgres_url: str) -> None:
    server = make_url(postgres_url)
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text('DROP DATABASE IF EXISTS "late_start"'))
        connection.execute(text('CREATE DATABASE "late_start"'))
    admin.dispose()
    forwarder = _Forwarder((server.host or "127.0.0.1", int(server.port or 5432)))
    _use_database(desk_dir, f"postgresql+psycopg://{server.username}@127.0.0.1:{forwarder.port}/late_start"
                            "?connect_timeout=2")
    log = desk_dir / "run.log"
    with log.open("wb") as stderr:
        proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), "run"],
                                cwd=desk_dir, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        said = lambda: log.read_text(errors="replace")  # noqa: E731
        assert wait_until(lambda: said().count("the database cannot be reached yet") >= 2 or proc.poll() is not None,
                          timeout=30)
        assert proc.poll() is None, said()  # was: exit 1 at once ("cannot open the database: connection failed")
        lines = [line for line in said().splitlines() if "cannot be reached yet" in line]
        assert "(try 1)" in lines[0] and "(try 2)" in lines[1] and "trying again in" in lines[0], lines
        forwarder.start()  # the server is up now
        assert wait_until(lambda: "can be reached again" in said(), timeout=30), said()
        deliver(desk_dir / "var" / "mail" / "inbox", (EXAMPLES / "01-bulungan-permohonan.eml").read_bytes())
        assert wait_until(lambda: len(outbox_files(desk_dir)) >= 1, timeout=30), said()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        forwarder.close()
    assert proc.returncode == 0 and "Traceback" not in said(), said()


def test_a_database_the_server_does_not_have_is_a_configuration_error_at_once(desk_dir: Path,
                                                                                postgres_url: str) -> None:
    _use_database(desk_dir, make_url(postgres_url).set(database="no_such_desk").render_as_string(hide_password=False))
    started = time.monotonic()
    ran = mailbot(desk_dir, "run", timeout=60)
    assert ran.returncode == 2 and time.monotonic() - started < 30, ran.stderr
    said = ran.stderr.splitlines()[-1]  # (after the line of what it uses)
    assert said.startswith(f"mailbot: configuration error: {desk_dir / 'config.toml'}: database.url: the database "
                           "server refused the connection: "), said
    assert 'database "no_such_desk" does not exist' in said and len(ran.stderr.splitlines()) == 2, ran.stderr


def test_check_config_connect_says_a_database_server_away_as_a_temporary_failure(desk_dir: Path) -> None:
    with socket.socket() as s:  # a loopback port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    _use_database(desk_dir, f"postgresql+psycopg://desk@127.0.0.1:{port}/desk?connect_timeout=2")
    checked = mailbot(desk_dir, "check-config", "--connect", timeout=60)
    # was: "configuration error: database: cannot open the database: ...", exit 2
    assert checked.returncode == 1, checked.stderr
    assert checked.stderr.startswith("mailbot: temporary failure: database.url: cannot open the database: "), \
        checked.stderr
    assert checked.stderr.rstrip().endswith("; mailbot run waits for it"), checked.stderr
