"""The databases a test can run on: a real PostgreSQL server for the suite, and `database_url`, one new,
empty database per test, parametrised over SQLite and PostgreSQL so both are held to the same behaviour.

A test (or a whole module, with `pytestmark = pytest.mark.usefixtures("database_url")` in tests/desk)
that takes `database_url` runs twice: `[sqlite]` in the fast tier, `[postgresql]` marked `servers`.
The database is empty; `migrate()` (or `open_desk`, which calls it) builds the schema.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import unavailable


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server of the suite's own: initdb in a temp folder, on a free loopback port, stopped after."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not initdb or not pg_ctl:
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed; `make test` installs them")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="mailbot-pg-", dir="/var/tmp"))
    if os.geteuid() == 0:  # the server refuses to run as root
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    port = _free_port()
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, timeout=120)  # noqa: E731
    run(initdb, "-D", str(data), "-A", "trust", "-U", "mailbot", "-E", "UTF8")
    run(pg_ctl, "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", "60", "-o",
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    try:
        subprocess.run([*as_user, _binary("psql") or "psql", "-h", "127.0.0.1", "-p", str(port), "-U", "mailbot",
                        "-d", "postgres", "-c", "CREATE DATABASE mailbot"], check=True, capture_output=True, timeout=60)
        yield f"postgresql+psycopg://mailbot@127.0.0.1:{port}/mailbot"
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True,
                       timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


_numbers = itertools.count(1)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.servers)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database of the parameter's kind, dropped after the test.

    The SQLite file is on tmpfs where there is one, as the PostgreSQL server runs with fsync off: the
    tests measure behaviour, not the disk.
    """
    if request.param == "sqlite":
        shm = Path("/dev/shm")
        folder = Path(tempfile.mkdtemp(prefix="mailbot-db-", dir=shm)) if shm.is_dir() else tmp_path
        try:
            yield f"sqlite:///{folder / 'backend.db'}"
        finally:
            if folder != tmp_path:
                shutil.rmtree(folder, ignore_errors=True)
        return
    from sqlalchemy import create_engine, make_url, text

    server = request.getfixturevalue("postgres_url")
    name = f"test_{os.getpid()}_{next(_numbers)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:  # WITH (FORCE): a connection the test left open must not keep it
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
