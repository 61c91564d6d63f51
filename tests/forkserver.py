"""The `mailbot` command for the desk tests, each run a process of its own without loading Python afresh.

Most of a short `mailbot` command's time is the interpreter starting and importing mailbot and its
libraries (about 0.6 s of CPU of 1). The desk tests run the command several hundred times, so
`run_mailbot` asks a server of this test process (one per pytest worker, started at the first command)
that has imported mailbot once to fork a process for each command. That process is `python -m mailbot`
as a new interpreter would run it: the arguments, working directory, environment, umask and standard
input of the caller; its own stdout and stderr, returned as `subprocess.run(capture_output=True,
text=True)` returns them; the exit code as the interpreter sets it (an uncaught exception: 1 and its
traceback on stderr; a signal: minus its number). Its time limit ends it with SIGKILL and raises
`subprocess.TimeoutExpired`, as subprocess.run does.

What the forked command does not repeat is Python's start and the first import of mailbot's modules (all
of them, the command line's first): tests that start `python -m mailbot` as the installed command or with
an environment of their own still do, and tests/test_architecture.py checks the import graph.
`spawn_mailbot` starts a command and leaves it running, as subprocess.Popen does (to signal it, kill it,
its process group too, in the middle of its work); `prefix` runs the commands as `setpriv ... python -m
mailbot` would run them (a server of their own, started under that prefix).

A command whose environment differs from the one the server was started with runs in a new interpreter
(`subprocess.run`): what Python and its libraries read from the environment when they are imported
would otherwise be the server's (but for the variables no import reads: _comparable). So do all commands
when MAILBOT_TEST_FORK=0.
"""

from __future__ import annotations

import json
import locale
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]

# The server: imports mailbot, then for each request on its socket forks a watcher, which forks the command
# and tells the client the command's pid, then its wait status. Its stdin is the client's lifeline: when the
# test process is gone, the server ends.
_SERVER = r"""
import json, os, pkgutil, runpy, select, signal, socket, struct, sys

import mailbot.launch, mailbot.cli  # first in the order `python -m mailbot` loads them
for module in pkgutil.walk_packages(mailbot.__path__, "mailbot."):
    if ".migrations" not in module.name and module.name != "mailbot.__main__":
        __import__(module.name)
import alembic.command, alembic.config, alembic.runtime.migration  # what every command's migrate() loads
import gc, threading
assert threading.active_count() == 1, "a fork server must not run threads"
# What the server holds (the modules, their compiled patterns) lives as long as any command: frozen, the
# collector of a forked command never walks it, as `mailbot run` freezes what it holds before it forks its
# helpers (service.py). Walked, each of the command's full collections and its exit wrote into every page
# of that heap, copying them all from the server: 0.43 s of CPU per check-config, 0.12 s frozen.
gc.freeze()
signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C of the test run is for the tests, not for the server

listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
listener.bind(sys.argv[1])
listener.listen(16)
sys.stdout.write("ready\n")
sys.stdout.flush()
command = None
while command is None:
    ready, _, _ = select.select([listener, 0], [], [])
    if 0 in ready and not os.read(0, 1):
        break  # the test process is gone
    if listener not in ready:
        continue
    connection, _ = listener.accept()
    data, fds, _, _ = socket.recv_fds(connection, 1 << 20, 3)
    sys.stdout.flush()
    sys.stderr.flush()
    if os.fork():  # the server: on to the next request
        connection.close()
        for fd in fds:
            os.close(fd)
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        continue
    # the watcher
    listener.close()
    request = json.loads(data)
    ready, set_up = os.pipe()  # the command's own group is made before its pid is told (a killpg may follow)
    pid = os.fork()
    if pid:
        for fd in fds:
            os.close(fd)
        os.close(set_up)
        os.read(ready, 1)
        os.close(ready)
        connection.sendall(b"%d\n" % pid)
        _, status = os.waitpid(pid, 0)
        connection.sendall(b"%d\n" % status)
        os._exit(0)
    # the command
    connection.close()
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    if request["session"]:
        os.setsid()  # as subprocess.Popen(start_new_session=True): a group of its own, to be signalled whole
    os.close(ready)
    os.write(set_up, b".")
    os.close(set_up)
    os.chdir(request["cwd"])
    os.umask(request["umask"])
    os.environ.clear()
    os.environ.update(request["env"])
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as the interpreter sets it at its start
    sys.argv = ["-m", *request["args"]]
    sys.path[0] = request["cwd"]
    command = request
if command is not None:
    runpy.run_module("mailbot", run_name="__main__", alter_sys=True)
else:
    if os.path.exists(sys.argv[1]):  # the test process ended without closing the server
        os.unlink(sys.argv[1])
        os.rmdir(os.path.dirname(sys.argv[1]))
    try:  # the watchers of commands that have ended (so that their time counts in the test process's)
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass
"""


class Forked:
    """A `mailbot` command the server forked, with as much of subprocess.Popen as the tests use: its pid (to
    signal it, or its group when started in a session of its own), send_signal(), kill(), poll(),
    wait(timeout) and returncode."""

    def __init__(self, args: list[str], connection: socket.socket) -> None:
        self.args = args
        self._connection = connection
        self.pid = int(connection.recv(64))
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            self._connection.settimeout(0)
            try:
                self._ended(self._connection.recv(64))
            except BlockingIOError:
                pass
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            self._connection.settimeout(timeout)
            try:
                self._ended(self._connection.recv(64))
            except TimeoutError:
                raise subprocess.TimeoutExpired(self.args, timeout or 0) from None
        assert self.returncode is not None
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def _ended(self, message: bytes) -> None:
        if not message:
            raise RuntimeError(f"the fork server's watcher of {self.pid} ended without its exit status")
        self.returncode = os.waitstatus_to_exitcode(int(message))
        self._connection.close()

    def __enter__(self) -> Forked:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.returncode is None:
            self.wait()


class _Server:
    def __init__(self, prefix: tuple[str, ...] = ()) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="mailbot-forks-"))
        self.address = str(self.folder / "socket")
        self.environ = _comparable(os.environ)
        # a prefix (setpriv ...) starts the server as it would start the command: its commands inherit that
        self.process = subprocess.Popen([*prefix, sys.executable, "-c", _SERVER, self.address], cwd=ROOT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.process.stdout is not None
        ready = self.process.stdout.readline()
        if ready != b"ready\n":
            raise RuntimeError(f"the mailbot fork server did not start (exit {self.process.wait()})")

    def run(self, args: list[str], *, cwd: Path | None, timeout: float | None,
            env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
                self._request(args, cwd, env, [0, out.fileno(), err.fileno()], session=False) as connection:
            reader = connection.makefile("rb")
            pid = int(reader.readline())
            connection.settimeout(timeout)
            try:
                status = int(reader.readline())
            except TimeoutError:
                os.kill(pid, 9)
                connection.settimeout(None)
                reader = connection.makefile("rb")
                reader.readline()
                raise subprocess.TimeoutExpired([sys.executable, "-m", "mailbot", *args], timeout or 0,
                                                _text(out), _text(err)) from None
            return subprocess.CompletedProcess([sys.executable, "-m", "mailbot", *args],
                                               os.waitstatus_to_exitcode(status), _text(out), _text(err))

    def spawn(self, args: list[str], *, cwd: Path | None, env: dict[str, str], fds: list[int],
              session: bool) -> Forked:
        return Forked([sys.executable, "-m", "mailbot", *args], self._request(args, cwd, env, fds, session=session))

    def _request(self, args: list[str], cwd: Path | None, env: dict[str, str], fds: list[int], *,
                 session: bool) -> socket.socket:
        """Ask for a command with *fds* as its stdin, stdout and stderr; the connection then tells its pid and
        its wait status, a line each."""
        umask = os.umask(0o022)
        os.umask(umask)
        request = {"args": args, "cwd": str(Path(cwd or os.getcwd()).resolve()), "umask": umask,
                   "env": env, "session": session}
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            connection.connect(self.address)
            socket.send_fds(connection, [json.dumps(request).encode()], fds)
        except BaseException:
            connection.close()
            raise
        return connection

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _text(file: IO[bytes]) -> str:
    """What a file the command wrote is to subprocess.run(text=True): the locale's encoding, universal newlines."""
    file.seek(0)
    data = file.read()
    return data.decode(locale.getpreferredencoding(False)).replace("\r\n", "\n").replace("\r", "\n")


_servers: dict[tuple[int, tuple[str, ...]], _Server] = {}
_lock = threading.Lock()


def _server(prefix: tuple[str, ...]) -> _Server:
    with _lock:
        key = (os.getpid(), prefix)
        server = _servers.get(key)
        if server is None or server.process.poll() is not None:
            server = _servers[key] = _Server(prefix)
        return server


def close() -> None:
    """Stop this process's fork servers (at the end of the test session)."""
    with _lock:
        mine = [key for key in _servers if key[0] == os.getpid()]
        servers = [_servers.pop(key) for key in mine]
    for server in servers:
        server.close()


def _forks(environ: dict[str, str], prefix: tuple[str, ...]) -> bool:
    """Whether a command with *environ* may be forked from the server (of *prefix*) rather than started afresh."""
    if os.environ.get("MAILBOT_TEST_FORK") == "0" or sys.platform != "linux":
        return False
    server = _servers.get((os.getpid(), prefix))
    return _comparable(environ) == (server.environ if server is not None else _comparable(os.environ))


def run_mailbot(args: list[str], *, cwd: Path | None = None, timeout: float | None = None,
                env: dict[str, str] | None = None, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """`python -m mailbot *args*` in a process of its own, as subprocess.run(capture_output=True, text=True);
    with *prefix* (a command such as setpriv that then executes the rest), as `*prefix* python -m mailbot`."""
    environ = dict(os.environ if env is None else env)
    if not _forks(environ, prefix):
        return subprocess.run([*prefix, sys.executable, "-m", "mailbot", *args], capture_output=True, text=True,
                              timeout=timeout, cwd=cwd, env=env)
    return _server(prefix).run(args, cwd=cwd, timeout=timeout, env=environ)


def spawn_mailbot(args: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
                  stdin: IO[Any] | int | None = None, stdout: IO[Any] | int | None = None,
                  stderr: IO[Any] | int | None = None,
                  start_new_session: bool = False) -> Forked | subprocess.Popen[bytes]:
    """`python -m mailbot *args*` started and left running, as subprocess.Popen starts it with the same
    arguments: the streams are files (or descriptors) or None for the test process's own, never PIPE."""
    environ = dict(os.environ if env is None else env)
    streams = (stdin, stdout, stderr)
    assert all(s not in (subprocess.PIPE, subprocess.STDOUT) for s in streams), "a file, not a pipe"
    if not _forks(environ, ()):
        return subprocess.Popen([sys.executable, "-m", "mailbot", *args], cwd=cwd, env=env, stdin=stdin,
                                stdout=stdout, stderr=stderr, start_new_session=start_new_session)
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        fds = [own if s is None else devnull if s == subprocess.DEVNULL else s if isinstance(s, int) else s.fileno()
               for own, s in enumerate(streams)]
        return _server(()).spawn(args, cwd=cwd, env=environ, fds=fds, session=start_new_session)
    finally:
        os.close(devnull)


def _comparable(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment but for what nothing reads when it is imported: what pytest changes at every test (the
    test's name), the tests' own variables (MAILBOT_TEST_*: passwords a config names, read when a command
    checks or connects) and MAILBOT_CONFIG (read when a command looks for its config). A command forked with
    them different reads them from its own environment as a new interpreter would."""
    return {k: v for k, v in environ.items()
            if k not in ("PYTEST_CURRENT_TEST", "MAILBOT_CONFIG") and not k.startswith("MAILBOT_TEST_")}
