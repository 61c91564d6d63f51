"""Fixtures for whole-desk tests: a copy of the shipped config in a temp folder, with its own Maildirs and SQLite."""

from __future__ import annotations

import functools
import shutil
import socketserver
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import jinja2
import pytest
from sqlalchemy.engine import Dialect, Engine

from mailbot import app as desk_app
from mailbot.app import open_desk
from mailbot.config import Config
from mailbot.configfile import load_config
from mailbot.desk import Desk
from mailbot.render import make_environment
from mailbot.store.db import make_engine, migrate
from tests.forkserver import run_mailbot
from tests.patience import patience

if TYPE_CHECKING:
    from tests.desk.desk12 import Desk12

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "inbox"
WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture
def desk_dir(tmp_path: Path) -> Path:
    """A folder holding config.toml (the shipped one, verbatim) and the var/ folder its database goes in."""
    shutil.copy(ROOT / "config.toml", tmp_path / "config.toml")
    (tmp_path / "var").mkdir()
    return tmp_path


@pytest.fixture(scope="module")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample desk of a test module: the shipped config with the sample inbox imported and processed."""
    desk_dir = tmp_path_factory.mktemp("sample")
    shutil.copy(ROOT / "config.toml", desk_dir / "config.toml")
    (desk_dir / "var").mkdir()
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    return desk_dir


@pytest.fixture
def sample(sample_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the sample desk (the sample inbox processed) for a test that changes it."""
    desk_dir = tmp_path / "desk"
    shutil.copytree(sample_template, desk_dir)
    return desk_dir


def mailbot(desk_dir: Path, *args: str, timeout: float = 120,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `mailbot` command line in a process of its own against *desk_dir*/config.toml, as
    `python -m mailbot` in a subprocess (forked from a process that has imported mailbot: tests/forkserver.py)."""
    return run_mailbot(["--config", str(desk_dir / "config.toml"), *args], cwd=desk_dir, timeout=timeout, env=env)


def outbox_files(desk_dir: Path) -> list[Path]:
    folder = desk_dir / "var" / "mail" / "outbox"
    return sorted([*folder.glob("new/*"), *folder.glob("cur/*")])


def wait_until(predicate: Callable[[], object], timeout: float = 20.0, every: float = 0.1) -> bool:
    """Whether *predicate* holds within *timeout* seconds (a process of its own doing its work), asked every
    *every* seconds."""
    deadline = time.monotonic() + patience(timeout)
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return False


@pytest.fixture
def sender_lists_decide(request: pytest.FixtureRequest, desk_dir: Path) -> None:
    """Not a test of mail authentication (see test_forged_senders): the sender lists alone decide. A module
    uses it with `pytestmark = pytest.mark.usefixtures("sender_lists_decide")`; a test of that module marked
    `shipped_guards` keeps the shipped [guards] (authentication required)."""
    from tests.desk.mailkit import set_guards  # mailkit imports this module

    if request.node.get_closest_marker("shipped_guards") is None:
        set_guards(desk_dir, require_authentication=False)


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database migrated once for the session: a desk's own file starts as a copy of it, as Alembic
    costs more than most in-process desk tests."""
    path = tmp_path_factory.mktemp("migrated") / "mailbot.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    assert not path.with_name("mailbot.db-wal").exists(), "the copy must be the whole database"
    return path


class SharedCompiledSql:
    """One SQL dialect and one compiled-statement cache per backend for every desk a test process opens.

    SQLAlchemy compiles each statement once per engine (its cache is keyed by the engine's dialect object);
    every desk test opens a new engine, and compiling its statements afresh was the largest single cost of
    the in-process desk tests. The engines still come from make_engine (their events, pragmas and savepoints
    unchanged); only the dialect, which holds no per-database state for SQLite or PostgreSQL, and the cache
    of what it compiled, are those of the first engine of the backend.
    """

    def __init__(self) -> None:
        self.by_backend: dict[tuple[str, str], tuple[Dialect, object]] = {}

    def adopt(self, engine: Engine) -> Engine:
        dialect, cache = self.by_backend.setdefault((engine.dialect.name, engine.dialect.driver),
                                                    (engine.dialect, engine._compiled_cache))
        engine.dialect = dialect
        engine.pool._dialect = dialect
        engine._compiled_cache = cache  # type: ignore[assignment]
        return engine


_SHARED_SQL = SharedCompiledSql()


@functools.cache
def _templates() -> jinja2.Environment:
    """The shipped templates, compiled once for the test process (open_desk compiles them again for each desk:
    the same files with the same settings, so the same text; a template changed on disk is compiled afresh)."""
    return make_environment()


class OpenedDatabases:
    """SQLite databases as open_desk leaves them (migrated, holding the opening balances), by what those
    balances are booked from (_opening_key): a desk opened later from the same starts from a copy, as booking
    them row by row costs more than many desk tests. open_desk still looks for them there, finds them all and
    books nothing; the first desk of each key books them itself."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.by_key: dict[str, Path] = {}

    def keep(self, key: str, database: Path) -> None:
        """Keep a consistent copy of *database* (open in a desk, in WAL mode) for *key*."""
        target = self.folder / f"{len(self.by_key)}.db"
        source, copy = sqlite3.connect(database), sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        self.by_key[key] = target


@pytest.fixture(scope="session")
def opened_sqlite(tmp_path_factory: pytest.TempPathFactory) -> OpenedDatabases:
    return OpenedDatabases(tmp_path_factory.mktemp("opened"))


def _opening_key(config: Config, now: datetime) -> str:
    """What ensure_opening_balances books from: the opening figures of the province and of each district,
    and the time they are booked at (the desk's clock when it opens)."""
    figures = [("province", sorted(config.stock.opening_province.items()))]
    figures += [(d.code, sorted(d.opening_stock.items())) for d in config.districts]
    return repr((now.isoformat(), figures))


@pytest.fixture
def open_test_desk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, desk_dir: Path,
                   migrated_sqlite: Path, opened_sqlite: OpenedDatabases) -> Callable[..., Desk]:
    """Open the desk in-process with a fixed clock (Friday 27 November 2026, 10:00 WITA) unless given one.

    On the config's SQLite file in *desk_dir*; in a test that uses `database_url` (tests/backends.py), on
    that database instead, SQLite or PostgreSQL. A new SQLite file starts as a copy of one migrated once
    for the session, or, with a fixed time, of one already holding the same opening balances (opened_sqlite).
    """
    url = request.getfixturevalue("database_url") if "database_url" in request.fixturenames else None
    desks: list[Desk] = []
    monkeypatch.setattr(desk_app, "make_engine", lambda *a, **k: _SHARED_SQL.adopt(make_engine(*a, **k)))

    def _open(now: datetime | None = None, clock: Callable[[], datetime] | None = None) -> Desk:
        fixed = now or datetime(2026, 11, 27, 10, 0, tzinfo=WITA)
        config = load_config(desk_dir / "config.toml")
        keep: tuple[str, Path] | None = None
        if url is not None:
            config = config.model_copy(update={"database": config.database.model_copy(update={"url": url})})
        elif config.database.url.startswith("sqlite:///"):
            own = Path(config.database.url.removeprefix("sqlite:///"))
            if not own.exists():
                # a test's own clock is not called here (it may count its calls or move on): no copy by time
                key = _opening_key(config, fixed) if clock is None else None
                opened = opened_sqlite.by_key.get(key) if key is not None else None
                shutil.copy(opened or migrated_sqlite, own)
                if key is not None and opened is None:
                    keep = (key, own)
        desk = open_desk(config, clock=clock or (lambda: fixed))
        if keep is not None:
            opened_sqlite.keep(*keep)
        desk.env = _templates()
        desks.append(desk)
        return desk

    yield _open
    for desk in desks:
        desk.close()


@pytest.fixture
def open_desk12(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Iterator[Callable[..., Desk12]]:
    """Open the shipped config's desk in process (tests/desk/desk12.py), as open_test_desk opens it (the same
    arguments); each one's connection to its SQLite file is closed after the test."""
    from tests.desk.desk12 import Desk12  # desk12 imports mailkit, which imports this module

    opened: list[Desk12] = []

    def _open(now: datetime | None = None, clock: Callable[[], datetime] | None = None) -> Desk12:
        opened.append(Desk12(desk_dir, open_test_desk(now=now, clock=clock)))
        return opened[-1]

    yield _open
    for d in opened:
        d.close()


@pytest.fixture
def desk12(request: pytest.FixtureRequest, open_desk12: Callable[..., Desk12]) -> Desk12:
    """The shipped config's desk in process (tests/desk/desk12.py) on Saturday 5 December 2026, 10:00 WITA; in
    a module with a `clock` fixture (a SetClock a test moves), on that clock."""
    try:
        clock = request.getfixturevalue("clock")
    except pytest.FixtureLookupError:
        return open_desk12(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA))
    return open_desk12(clock=clock)


class FakeServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, handler: type[socketserver.BaseRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[int]:
    """A fake server on a loopback port, of the handler class the test passes (indirect=["server"]); its port."""
    fake = FakeServer(request.param)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    try:
        yield fake.server_address[1]
    finally:
        fake.shutdown()
        fake.server_close()
