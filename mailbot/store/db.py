"""The database engine: SQLite (WAL, synchronous=FULL) or PostgreSQL, and Alembic migrations."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import tempfile
import threading
import zlib
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from mailbot.errors import (
    ConfigError,
    DatabaseAway,
    DatabaseError,
    DatabaseRefused,
    LockBusy,
    MailbotError,
    NewerSchema,
    SettingRefused,
)
from mailbot.store.urls import sqlite_file, url_problem

MIGRATIONS = Path(__file__).parent / "migrations"


SUPPORTED_DATABASES = ("sqlite", "postgresql")


def database_problem(url: str, *, writing: bool = True) -> str | None:
    """Why the database URL cannot be used as it stands (offline: dialect and the SQLite path), or None.

    Without *writing*, whether this user may write an SQLite file that is there is left out: a command that only
    reads, or copies, works on a read-only mount or file (make_engine says it to those that write)."""
    if problem := url_problem(url):
        return f"database.url: {problem}"
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "postgres":  # the short scheme of hosting panels and Heroku, which SQLAlchemy does not take
        written = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=True)
        return f"database.url: postgres:// is not a scheme SQLAlchemy reads; write {written}"
    if backend not in SUPPORTED_DATABASES:
        return (f"database.url: {backend} is not supported; use sqlite:///PATH "
                "or postgresql+psycopg://USER@HOST/DBNAME")
    if backend == "sqlite" and (parsed.host or parsed.port):
        # "sqlite://var/mailbot.db" makes "var" a host, which SQLite has not: the slashes are the mistake
        path = "/".join(p for p in (parsed.host, parsed.database) if p)
        return (f"database.url: {url!r} is not a SQLite URL; a SQLite URL has three slashes before a relative "
                f"path (sqlite:///{path}) and four before an absolute one (sqlite:////var/lib/mailbot/mailbot.db)")
    if backend == "sqlite" and parsed.drivername not in ("sqlite", "sqlite+pysqlite"):
        return (f"database.url: {parsed.drivername}:// is not a driver mailbot uses; write sqlite:///PATH "
                "(Python's own SQLite)")
    if backend == "sqlite" and parsed.query:
        options = ", ".join(f"?{name}=" for name in parsed.query)
        return (f"database.url: mailbot sets SQLite's options itself (a 30-second wait, WAL, full sync) and takes "
                f"none in the URL ({options}); remove everything from the ? on")
    if backend == "sqlite" and parsed.database and parsed.database != ":memory:":
        return _sqlite_path_problem(Path(parsed.database), writing=writing)
    if backend == "postgresql" and parsed.port is not None and not 1 <= parsed.port <= 65535:
        return (f"database.url: port {parsed.port} is no TCP port (they go from 1 to 65535); PostgreSQL's is "
                "usually 5432: postgresql+psycopg://USER@HOST:5432/DBNAME")
    if backend == "postgresql" and not parsed.database:
        return (f"database.url: {parsed.render_as_string(hide_password=True)!r} names no database; end it with "
                "the database's name: postgresql+psycopg://USER@HOST/DBNAME")
    return None


def _sqlite_path_problem(path: Path, *, writing: bool) -> str | None:
    folder = path.parent
    for parent in (folder, *folder.parents):
        if parent.exists() and not parent.is_dir():
            return f"database.url: {parent} is a file, not a folder; correct the path of the database"
    if not folder.is_dir():
        return (f"database.url: the folder {folder} does not exist; create it (mkdir -p {folder}) "
                "or correct the path")
    if path.is_dir():
        return f"database.url: {path} is a folder; name the database file in it, e.g. {path / 'mailbot.db'}"
    if path.is_symlink() and not path.exists():
        # SQLite would create the file the link points to, or fail with "cannot be read and written" words
        return (f"database.url: {path} is a link to nothing ({os.readlink(path)}); name the database file itself, or "
                "restore the file the link should point to")
    if path.exists() and not path.is_file():
        # /dev/null, a pipe, a socket: SQLite "opens" /dev/null and a backup of it copies nothing
        return f"database.url: {path} is a device or special file, not a database file; name the database's own file"
    if (side := side_file_of(path)) is not None:
        database, what = side
        return (f"database.url: {path} is not a mailbot database but {what} of the database {database}; name the "
                f"database file itself (sqlite:///{database}), never a file beside it")
    if path.is_file() and path.stat().st_size == 0:
        return (f"database.url: {path} is an empty file (0 bytes), not a mailbot database; if database.url names "
                "the wrong file, correct it; if a wrong file was put in the database's place, restore the last "
                "backup (README: Backup and restore); to start a new desk there, delete the empty file first and "
                "mailbot creates the database itself")
    if (cut := _cut_short(path)) is not None:
        return (f"database.url: {path} is a SQLite database cut short ({cut}), as a copy that did not finish leaves "
                "it; restore the last backup (README: Backup and restore), or copy the database again")
    if (foreign := _not_sqlite(path) or _not_a_desk(path)) is not None:
        return (f"database.url: {path} is not a SQLite database ({foreign}); if database.url names the wrong file, "
                "correct it; if a wrong file was put in the database's place, restore the last backup (README: "
                "Backup and restore)")
    if not os.path.lexists(path) and (others := other_desks(path)):
        there = ", ".join(str(other) for other in others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3
                                                                  else "")
        return (f"database.url: {path} does not exist, but the mailbot database {there} is in the same folder; "
                "correct the file name in database.url (a new, empty desk is started only in a folder holding "
                "no other mailbot database)")
    return sqlite_write_problem(path) if writing else None


SQLITE_HEADER = b"SQLite format 3\x00"


def _head(path: Path, size: int) -> bytes:
    """The first *size* bytes of the regular file *path*. Opened without waiting, so that a file which is no
    file of data (a pipe, a device, /proc/kmsg: all of them block a plain read) raises OSError instead of
    stopping the command that looked at it."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return os.read(descriptor, size)
    finally:
        os.close(descriptor)
# Tables every mailbot database has had since its first revision: a SQLite file holding them is a desk.
_DESK_TABLES = {"requests", "outbox", "messages"}


def _not_sqlite(path: Path) -> str | None:
    """What the existing, non-empty file *path* holds when it is no SQLite database ("it is a text file"), else
    None (an empty file is a database SQLite starts in it; one that cannot be read is said elsewhere)."""
    try:
        head = _head(path, 512)
    except OSError:
        return None
    if not head or head.startswith(SQLITE_HEADER):
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "it holds other data"
    return "it is a text file, perhaps a configuration" if b"=" in head or b"[" in head else "it is a text file"


def _cut_short(path: Path) -> str | None:
    """How the existing SQLite file *path* is shorter than its own header says ("100.000 of 233.472 bytes"), else
    None. SQLite writes the size of the database in pages into its header (valid while the change counter matches
    the version-valid-for number); with WAL, pages not yet checkpointed are in the -wal, never missing from the
    file, so a file shorter than that is a copy that stopped (SQLite then says "database disk image is malformed"
    at the first read, not at the start). Not judged beside a -wal that holds pages: a checkpoint writing them
    rewrites the header first and the pages after it."""
    try:
        if os.path.exists(f"{path}-wal") and os.path.getsize(f"{path}-wal") > 0:
            return None
        head = _head(path, 100)
        size = path.stat().st_size
    except OSError:
        return None
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        return None
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    if not pages or head[24:28] != head[92:96]:
        return None  # a header that does not say its size (written by an old SQLite): not judged
    expected = pages * page_size
    return f"{size:,} of {expected:,} bytes".replace(",", ".") if size < expected else None


# The files SQLite and mailbot keep beside a database <name>: never a database themselves.
_SIDE_FILES = (("-wal", "its write-ahead log (-wal)"), ("-shm", "its shared-memory index (-shm)"),
               ("-journal", "its rollback journal (-journal)"), (".outbox-sent", "its sent journal (.outbox-sent)"),
               (".outbox.lock", "its send lock (.outbox.lock)"), (".service.lock", "its service lock (.service.lock)"))


def side_file_of(path: Path) -> tuple[Path, str] | None:
    """(the database, what the file is) when *path* is named as a file SQLite or mailbot keeps beside a
    database ("mailbot.db-wal", "mailbot.db.outbox.lock"), whether or not either exists; else None."""
    for suffix, what in _SIDE_FILES:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            return path.with_name(path.name.removesuffix(suffix)), what
    return None


def _not_a_desk(path: Path) -> str | None:
    """What the existing SQLite file *path* holds when it has tables but not mailbot's (another program's
    database), else None (a desk, an empty database, a file that cannot be read: said elsewhere)."""
    names = _sqlite_tables(path)
    if not names or _DESK_TABLES <= names:
        return None
    shown = ", ".join(sorted(names)[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return f"it is the SQLite database of another program, with the tables {shown}"


def _peek(file: Path, query: str) -> list[tuple[object, ...]] | None:
    """The rows of *query* on the SQLite database *file*, or None when it is none or cannot be read.

    Read without creating or touching anything beside it: SQLite opening a WAL database even read-only
    makes its -wal and -shm, and a neighbour's -wal made so is a file a mistyped database.url could then
    name. While they exist (the database is in use, or was not closed cleanly) it is read through them;
    otherwise everything is in the file itself, read as immutable (no lock, no WAL, no file made)."""
    import sqlite3

    try:
        if _head(file, 16) != SQLITE_HEADER:
            return None
        in_use = Path(f"{file}-wal").is_file() and Path(f"{file}-shm").is_file()
        uri = f"{file.resolve().as_uri()}?{'mode=ro' if in_use else 'immutable=1'}"
        connection = sqlite3.connect(uri, uri=True, timeout=1)
        try:
            return connection.execute(query).fetchall()
        finally:
            connection.close()
    except (OSError, sqlite3.Error):
        return None


def _sqlite_tables(file: Path) -> set[str] | None:
    """The tables of the SQLite database *file*, or None when it is none or cannot be read (_peek)."""
    rows = _peek(file, "SELECT name FROM sqlite_master WHERE type = 'table'")
    return None if rows is None else {str(row[0]) for row in rows}


def other_desks(path: Path, *, at_most: int = 200) -> list[Path]:
    """The mailbot databases (SQLite files with mailbot's tables) in *path*'s folder other than *path*: a
    database file that does not exist beside one that does is most likely a typo of its name. Looks at the
    first *at_most* entries of the folder only (a folder of mail is no place for a database)."""
    found: list[Path] = []
    try:
        with os.scandir(path.parent) as entries:
            for index, entry in enumerate(entries):
                if index >= at_most:
                    break
                candidate = Path(entry.path)
                if candidate != path and entry.is_file() and _is_desk(candidate):
                    found.append(candidate)
    except OSError:
        return []
    return sorted(found)


# Where a desk's database usually lies, whatever database.url says: the README's deployment (/opt/mailbot) and
# the Debian way (/var/lib/mailbot).
_USUAL_PLACES = (Path("/opt/mailbot/var/mailbot.db"), Path("/var/lib/mailbot/mailbot.db"))


def nearby_desks(path: Path, *, around: Collection[Path] = ()) -> list[Path]:
    """The mailbot databases holding mail read before that lie where a database.url naming the missing file
    *path* most likely meant: a folder `var/` dropped ("sqlite:///mailbot.db" for "sqlite:///var/mailbot.db") or
    added, the folders above the Maildirs *around* (var/mail/inbox beside var/mailbot.db), and the usual places
    of a deployment. Nothing beside *path* itself (other_desks says those)."""
    names = dict.fromkeys((path.name, "mailbot.db"))
    folders = [path.parent / "var", path.parent.parent]
    for box in around:
        folders.extend(list(box.parents)[:3])
    candidates = [folder / name for folder in dict.fromkeys(folders) for name in names]
    found: list[Path] = []
    for candidate in dict.fromkeys([*candidates, *_USUAL_PLACES]):
        try:
            if (candidate.parent != path.parent and candidate.is_file() and candidate.resolve() not in found
                    and has_read_mail(candidate)):
                found.append(candidate.resolve())
        except OSError:
            continue
    return found


def has_read_mail(file: Path) -> bool:
    """Whether the SQLite database *file* is a mailbot desk that has read mail already (read as _peek reads)."""
    return _is_desk(file) and bool(_peek(file, "SELECT 1 FROM messages LIMIT 1"))


def _is_desk(file: Path) -> bool:
    names = _sqlite_tables(file)
    return names is not None and _DESK_TABLES <= names


def sqlite_write_problem(path: Path) -> str | None:
    """Why this user cannot write the SQLite database *path* (in a folder that exists) and the files beside
    it: a read-only mount, a file or folder it may not write; None when it can."""
    folder = path.parent
    read_only = storage_problem(folder, full=0)  # a read-only mount is no matter of owners and permissions
    if read_only:
        return f"database.url: {read_only}"
    # the database and what SQLite and mailbot keep beside it: its WAL, the sent journal, the send lock
    for file in (path, *(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", ".outbox-sent", ".outbox.lock"))):
        if os.path.lexists(file) and not (file.is_file() and os.access(file, os.R_OK | os.W_OK)):
            if file.is_file() and _write_refusal(file) == errno.EPERM:  # no owner or permission undoes it
                return (f"database.url: {file} cannot be written: it is marked immutable, which no owner or "
                        f"permission overrides (lsattr {file} shows an i); as root, remove the mark with "
                        f"chattr -i {file}")
            return (f"database.url: {file} cannot be read and written by this user; check its owner and "
                    "permissions")
    refused = refuses_new_files(folder)  # SQLite writes its journal beside the database
    if refused is not None:
        return (f"database.url: the folder {folder} does not take new files ({refused.strerror}); "
                "put the database in a folder this user can write to")
    return None


def _write_refusal(file: Path) -> int:
    """The errno access(2) answers asking to write *file* (0: allowed): EPERM for a file marked immutable
    (chattr +i), EACCES for owner and permissions. Asked without opening the file: closing a
    descriptor of a database would drop the locks SQLite holds on it in this process."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return 0 if libc.access(os.fsencode(file), os.W_OK) == 0 else ctypes.get_errno()
    except (OSError, AttributeError):  # no C library to ask: the usual words
        return errno.EACCES


# Free space below which a disk counts as full (SQLite's journal and a checkpoint need room), and below
# which check-config warns that it soon will be.
FULL_BYTES = 1024 * 1024
LOW_BYTES = 100 * 1024 * 1024


def storage_problem(path: Path, *, full: int = FULL_BYTES) -> str | None:
    """Why the disk holding *path* (a file or folder, there or not yet) takes no writes now: the file system
    is mounted read-only, or it has (almost) no space left; None when neither. These are no damage to the
    database, and the words say so: restoring a backup over a good database would lose what it holds."""
    folder, stats = _disk_of(path)
    if stats is None:
        return None
    if stats.f_flag & os.ST_RDONLY:
        return (f"the file system holding {folder} is read-only, so nothing can be written there; make it "
                "writable again (e.g. mount -o remount,rw), the data itself is not damaged")
    free = stats.f_bavail * stats.f_frsize
    if free < full and stats.f_blocks:  # no blocks at all: /proc, /sys, no disk whose space could be freed
        left = "no space left" if free < 64 * 1024 else f"too little space left ({_size(free)} free, under " \
            f"{_size(full)})"
        return (f"{left} on the disk holding {folder}; free some space there (old backups, logs), then run the "
                "command again; the data itself is not damaged")
    return None


def _size(count: int) -> str:
    """A number of bytes as the operator reads it: "600 KB", "16 MB"."""
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


def disk_size(path: Path) -> int | None:
    """The size of the disk holding *path* (a folder or a file in one), or None if unknown."""
    _, stats = _disk_of(path)
    return None if stats is None else stats.f_blocks * stats.f_frsize


def free_bytes(path: Path) -> int | None:
    """Free space for this user on the disk holding *path* (a folder or a file in one), or None if unknown."""
    _, stats = _disk_of(path)
    return None if stats is None else stats.f_bavail * stats.f_frsize


def _disk_of(path: Path) -> tuple[Path, os.statvfs_result | None]:
    """The nearest folder that exists at or above *path*, and its file system's figures (None if unknown)."""
    folder = Path(os.path.abspath(path))
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    try:
        return folder, os.statvfs(folder)
    except OSError:
        return folder, None


def storage_error(exc: BaseException) -> bool:
    """Whether *exc* (or what caused it) is a write the disk refused: no space, a read-only file system, a
    quota; or SQLite's "database or disk is full", "disk I/O error", "attempt to write a readonly database"."""
    import errno
    import sqlite3

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EROFS, errno.EDQUOT):
            return True
        cause = getattr(current, "orig", None)
        for candidate in (current, cause):
            if isinstance(candidate, sqlite3.OperationalError) and any(
                    words in str(candidate) for words in ("disk is full", "disk I/O error", "readonly database")):
                return True
        current = current.__cause__ or current.__context__
    return False


def refuses_new_files(folder: Path) -> OSError | None:
    """Why *folder* does not take a new file, tried with a temporary file that leaves nothing behind (the
    mode bits say nothing for root, a read-only mount or /proc); None when it does."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return exc
    return None



def storage_refusal(exc: BaseException, database: Path | None = None) -> str | None:
    """One line when *exc* is a write the disk refused (storage_error), for a log that goes on trying: the disk
    holding *database* (the SQLite file, None when unknown or PostgreSQL) is full, with how much is free, or
    read-only; never "busy", never a traceback. None for any other error."""
    if not storage_error(exc):
        return None
    cause = " ".join(str(getattr(exc, "orig", None) or exc).split())
    if database is None:
        return f"the disk holding the database refused a write ({cause}): it is full or read-only"
    folder, stats = _disk_of(database)
    if stats is None:
        return f"the disk holding {folder} refused a write ({cause}): it is full or read-only"
    if stats.f_flag & os.ST_RDONLY:
        return f"the file system holding {folder} is read-only, so nothing can be written there ({cause})"
    free = stats.f_bavail * stats.f_frsize
    said = f"{free // 1024} KB" if free < 10 * 1024 * 1024 else f"{free // (1024 * 1024)} MB"
    if free >= 16 * 1024 * 1024 and "full" not in cause:  # not the space: the device itself (an I/O error)
        return f"the disk holding {folder} refused a write ({cause}; {said} free)"
    return (f"the disk holding {folder} is full ({said} free): nothing more can be recorded until some space is "
            "freed there (old backups, logs); the data itself is not damaged")


# How long a SQLite connection waits for another's write lock before "database is locked".
BUSY_SECONDS = 30.0


def database_locked(exc: BaseException) -> bool:
    """Whether *exc* is SQLite's "database is locked": another connection kept the write lock for
    BUSY_SECONDS (a long backup, a sqlite3 shell left in a transaction, a stuck process)."""
    import sqlite3

    cause = getattr(exc, "orig", exc)
    return isinstance(cause, sqlite3.OperationalError) and "database is locked" in str(cause)


def database_unreachable(exc: BaseException) -> str | None:
    """One line when *exc* says the database cannot be reached (refused, shut down, gone mid-query), else None.

    SQLAlchemy wraps the driver's error (`orig`): a connection it found broken is `connection_invalidated`;
    PostgreSQL's failures to connect carry no SQLSTATE (the client's own) or one of class 08 (connection
    exception) or 57P (the server shutting down or starting). SQLite's errors (a locked database, a full disk)
    are not: the callers say those themselves.
    """
    if not isinstance(exc, DBAPIError):
        return None
    cause = exc.orig
    driver = type(cause).__module__.split(".")[0]
    if not exc.connection_invalidated:
        if driver != "psycopg" or type(cause).__name__ not in ("OperationalError", "AdminShutdown",
                                                                 "CannotConnectNow", "ConnectionFailure"):
            return None
        state = getattr(cause, "sqlstate", None)
        if state is not None and not state.startswith(("08", "57P")):
            return None
    return f"the database cannot be reached: {' '.join(str(cause).split())}"


# What PostgreSQL answers to a connection it will not take for its settings: no waiting makes them right.
_LOGIN_REFUSED_RE = re.compile(r"password authentication failed|role \S+ does not exist|database \S+ does not exist|"
                               r"no pg_hba\.conf entry|no password supplied|authentication failed",
                               re.IGNORECASE)


def login_refused(exc: BaseException) -> bool:
    """Whether *exc* is PostgreSQL refusing the connection for its user, password or database name (28xxx, 3D000),
    which database_unreachable() takes for the server away (a refused connection carries no SQLSTATE)."""
    cause = getattr(exc, "orig", exc)
    state = getattr(cause, "sqlstate", None) or ""
    return state.startswith(("28", "3D")) or _LOGIN_REFUSED_RE.search(str(cause)) is not None


def locked_message() -> str:
    """What the operator is told when database_locked()."""
    return (f"the database stayed locked by another program for {BUSY_SECONDS:g} s (a backup, a sqlite3 shell "
            "in a transaction, a stuck process); try again when it is done")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create the engine for *url*; for SQLite set WAL and synchronous=FULL.

    SQLite's folder must exist: a mistyped path must not quietly start a fresh, empty desk.
    """
    problem = database_problem(url)
    parsed = make_url(url)
    path = sqlite_file(url) if problem else None
    if path is not None:
        unwritable = sqlite_write_problem(path) if path.parent.is_dir() and not path.is_dir() else None
        if unwritable and os.path.lexists(path):
            # no configuration error: a desk whose disk or file went read-only; the commands that only read still
            # work (make_read_only_engine)
            raise DatabaseError(f"cannot write the database: {unwritable.removeprefix('database.url: ')}")
        if unwritable:  # no database there, and none can be made: the setting's (as check-config says it)
            raise SettingRefused(unwritable)
    if problem:
        raise ConfigError(problem)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return _plain_savepoints(engine)
    try:
        return _plain_savepoints(create_engine(url, echo=echo, pool_pre_ping=True))
    except ModuleNotFoundError as exc:
        raise ConfigError(f"database.url: the PostgreSQL driver is not installed ({exc.name}); "
                          "run .venv/bin/pip install -e '.[postgres]'") from None


def _plain_savepoints(engine: Engine) -> Engine:
    """SAVEPOINT, RELEASE SAVEPOINT and ROLLBACK TO SAVEPOINT run as the SQL text the compiler writes for them (the
    name quoted as it quotes it), through the same connection, its events and its error wrapping.

    Every message is a savepoint of its own (mailbot.pipeline), each with a new name; SQLAlchemy compiles its
    savepoint clause anew every time (a clause it cannot cache), and that compiling was a tenth of the work of
    recording a message."""
    name_of: Callable[[object, str], str] = engine.dialect.identifier_preparer.format_savepoint

    def savepoint(connection: Connection, name: str) -> None:
        connection.exec_driver_sql(f"SAVEPOINT {name_of(None, name)}")

    def rollback_to_savepoint(connection: Connection, name: str) -> None:
        connection.exec_driver_sql(f"ROLLBACK TO SAVEPOINT {name_of(None, name)}")

    def release_savepoint(connection: Connection, name: str) -> None:
        connection.exec_driver_sql(f"RELEASE SAVEPOINT {name_of(None, name)}")

    engine.dialect.do_savepoint = savepoint  # type: ignore[method-assign]
    engine.dialect.do_rollback_to_savepoint = rollback_to_savepoint  # type: ignore[method-assign]
    engine.dialect.do_release_savepoint = release_savepoint  # type: ignore[method-assign]
    return engine


def read_only_uri(path: Path) -> str:
    """The SQLite URI that opens the database file *path* for reading only (see make_read_only_engine)."""
    from urllib.parse import quote

    wal = Path(f"{path}-wal")
    frozen = refuses_new_files(path.parent) is not None and not (wal.exists() and wal.stat().st_size > 0)
    return f"file:{quote(str(path))}?{'immutable=1' if frozen else 'mode=ro'}"


def make_read_only_engine(url: str) -> Engine | None:
    """An engine that only reads the SQLite database at *url*, for the commands that only read (`status`,
    `requests`, `history`, ...): they work on a read-only mount or a file this user may only read. None when
    *url* is no SQLite file that exists (PostgreSQL, a new desk): those open as usual.

    SQLite reads a WAL database read-only while its -wal and -shm files can be opened or made beside it; in a
    folder that takes no new files with no WAL left (a read-only mount after a clean stop) nothing can change
    the file, and it is opened as immutable.
    """
    import sqlite3

    database = sqlite_file(url)
    if database is None:
        return None
    path = Path(os.path.abspath(database))
    if not path.is_file() or path.stat().st_size == 0 or side_file_of(path) is not None:
        return None  # none, or no database (opened as usual, which refuses it): nothing is made beside it
    uri = read_only_uri(path)

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, check_same_thread=False)
        connection.isolation_level = None  # SQLAlchemy issues BEGIN (a deferred one: it only reads)
        connection.execute("PRAGMA query_only=ON")
        connection.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
        return connection

    engine = create_engine(url, creator=connect)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Let SQLAlchemy, not pysqlite, issue BEGIN, so each transaction takes the write lock up front.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
    cursor.close()


def _sqlite_begin_immediate(conn) -> None:  # type: ignore[no-untyped-def]
    conn.exec_driver_sql("BEGIN IMMEDIATE")


# The newest migration in migrations/versions (a test checks it is Alembic's head). A database
# already there is not handed to Alembic at all: importing and running it costs more than a
# whole `mailbot status`.
HEAD_REVISION = "0003"


def known_revisions() -> frozenset[str]:
    """The schema revisions this version's migrations know (read from their file names: 0001_..., cheap)."""
    return frozenset(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def revision_problem(revision: str | None) -> str | None:
    """Why this version cannot work on a database at *revision*, or None."""
    if revision is None or revision in known_revisions():
        return None
    return (f"the database is at schema revision {revision}, which this version of mailbot does not know "
            "(it was written by a newer version); run that version again, or restore a backup taken with "
            "this one (README: Backup and restore)")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision. Safe to repeat."""
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return
    if problem := revision_problem(revision):
        raise NewerSchema(problem)
    from alembic import command
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise DatabaseError(f"cannot open or migrate the database: {exc.orig}") from None


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, or None for a new one."""
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as exc:  # OperationalError, or "file is not a database" (a DatabaseError)
        if database_locked(exc):
            raise DatabaseError(locked_message()) from None
        if engine.url.get_backend_name() != "sqlite":
            if login_refused(exc):
                raise DatabaseRefused(f"database.url: the database server refused the connection: {_reason(exc)}; "
                                      "correct the "
                                      "user, password or database name in database.url (or its password "
                                      "variable)") from None
            kind = DatabaseAway if database_unreachable(exc) else DatabaseError
            raise kind(f"cannot open the database: {_reason(exc)}; check that the PostgreSQL server "
                       "runs and takes connections there, and the host, port, user, password and "
                       "database name in database.url") from None
        disk = storage_problem(Path(str(engine.url.database)), full=16 * FULL_BYTES) if storage_error(exc) else None
        if disk is not None:  # a full or read-only disk is no damaged file: never advise a restore then
            raise DatabaseError(f"cannot use the database: {disk}") from None
        raise DatabaseError(f"cannot open the database: {_reason(exc)} ({engine.url.database}); if database.url "
                            "names the wrong file, correct it; if a wrong file was put in the database's place, "
                            "restore the last backup (README: Backup and restore)") from None


def _reason(exc: SQLAlchemyError) -> str:
    return " ".join(str(getattr(exc, "orig", None) or exc).split())[:200]


def pg_dump_command(url: str, target: Path) -> str:
    """The pg_dump command line that dumps the PostgreSQL database at the SQLAlchemy *url* into *target*, as
    a shell runs it: libpq's own URL (no "+psycopg" driver, which libpq would take for a database name), and
    no password (pg_dump reads it from PGPASSWORD or ~/.pgpass, never from a command line others can see)."""
    import shlex

    from sqlalchemy.engine import URL

    given = make_url(url)
    libpq = URL.create("postgresql", username=given.username, host=given.host, port=given.port,
                       database=given.database, query=given.query).render_as_string(hide_password=False)
    told = "" if given.password is None else " (the password from PGPASSWORD or ~/.pgpass)"
    return f"pg_dump -Fc -f {shlex.quote(str(target))} -d {shlex.quote(libpq)}{told}"


# Beside an SQLite database: its journals, the sent journal and the locks (mailbot.store.sent_log, exclusive).
SQLITE_OWN_SUFFIXES = ("", "-wal", "-shm", "-journal", ".outbox-sent", ".outbox.lock", ".service.lock")


def sqlite_own_files(database: Path) -> set[Path]:
    """The SQLite database *database* and the files beside it that belong to it, absolute, links resolved."""
    return {Path(os.path.abspath(f"{database}{suffix}")).resolve() for suffix in SQLITE_OWN_SUFFIXES}


def backup_sqlite(url: str, target: Path, on_wait: Callable[[], None] | None = None) -> tuple[int, int]:
    """Copy the SQLite database at *url* to the new file *target* with SQLite's online backup API, the
    sent journal folded in; (its size in pages, how many journalled mails were folded).

    Safe while the service writes: the copy is one consistent snapshot. Mail the SMTP server has
    accepted may be recorded only in the sent journal beside the database (`<database>.outbox-sent`,
    see mailbot.store.sent_log) until the sender folds it into the outbox; the copy is taken under
    the outbox send lock (waiting while mail is being sent), so neither the journal nor the outbox
    moves meanwhile, and the journal's records are then marked sent in the copy. A restored copy
    never sends again a mail the server accepted before the backup. *on_wait* is called when the copy
    has to wait for that (to say so).
    """
    problem = database_problem(url, writing=False)
    if problem:
        # the configuration's own error, as every other command says it (a database that exists is only read:
        # a folder that takes no new files is no problem for a copy)
        raise ConfigError(problem)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise MailbotError("backup copies SQLite databases; for PostgreSQL use pg_dump, e.g. "
                           f"{pg_dump_command(url, target)}")
    if not parsed.database or parsed.database == ":memory:":
        raise MailbotError("the database is in memory: there is nothing to back up")
    source_path = Path(parsed.database)
    if not source_path.exists():
        raise MailbotError(f"no database at {source_path} yet: nothing to back up")
    if Path(os.path.abspath(target)).resolve() in sqlite_own_files(source_path):
        raise MailbotError(f"{target} is one of the database's own files (the database, its journal, the sent "
                           "journal or the send lock); give the name of a new file, e.g. in /var/backups")
    if target.exists():
        raise MailbotError(f"{target} exists already; give the name of a new file")
    if not target.parent.is_dir():
        raise MailbotError(f"the folder {target.parent} does not exist")
    if (no_file := refuses_new_files(target.parent)) is not None:  # said in words, not SQLite's "unable to open"
        raise MailbotError(f"cannot make a file in the folder {target.parent}: {new_file_words(no_file)}; give a "
                           "file in a folder this user can write to, e.g. /var/backups/mailbot.db")
    import sqlite3

    from mailbot.store.sent_log import journal_path, mark_sent, read_journal

    try:
        # the send lock; in a folder that takes no new file (a read-only mount) with no lock file, nobody sends
        with _flocked(Path(f"{parsed.database}.outbox.lock"), wait=True, on_wait=on_wait,
                      optional=refuses_new_files(source_path.parent) is not None):
            # a backup only reads: it works on a read-only mount or a file this user may only read
            source = sqlite3.connect(read_only_uri(Path(os.path.abspath(source_path))), uri=True, timeout=30)
            try:
                copy = sqlite3.connect(target)
                try:
                    source.backup(copy, pages=1024)
                    pages = int(copy.execute("PRAGMA page_count").fetchone()[0])
                finally:
                    copy.close()
            finally:
                source.close()
            journalled = read_journal(journal_path(source_path), read_only_uri)
        if journalled:
            engine = create_engine(f"sqlite:///{target}")
            try:
                with session_factory(engine).begin() as session:
                    mark_sent(session, journalled)
            finally:
                engine.dispose()
    except (sqlite3.Error, SQLAlchemyError, OSError) as exc:
        # a disk that refused the copy is named (SQLite says only "disk I/O error" or "database or disk is full"),
        # seen before the half copy is removed, which frees its room again
        refused = storage_error(exc) and (storage_problem(target.parent, full=FULL_BYTES)
                                          or storage_problem(target.parent, full=_file_size(source_path)))
        target.unlink(missing_ok=True)
        if refused:
            raise MailbotError(f"backup failed, nothing was written: {_backup_words(refused)}") from None
        raise MailbotError(f"backup failed: {exc}") from None
    return pages, len(journalled)


def new_file_words(exc: OSError) -> str:
    """Why a folder that exists takes no new file, in words."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "this user may not write there"
    if exc.errno == errno.EROFS:
        return "the file system holding it is read-only"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk holding it is full"
    # /proc, /sys: a folder of the system's own, which holds no files anyone makes (ENOENT, EOPNOTSUPP ...)
    return "it is a folder of the system's own (like /proc or /sys), which takes no files"


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _backup_words(problem: str) -> str:
    """storage_problem()'s words for a backup: its target disk, not the database's, may be freed or changed."""
    return problem.replace("then run the command again", "or back up to another disk").replace(
        "; the data itself is not damaged", "; the database itself is not damaged")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# --- one sender at a time ------------------------------------------------------------------------

_SEND_LOCK_KEY = 0x6D61696C626F74  # "mailbot": the PostgreSQL advisory lock the outbox worker holds
_THREAD_LOCKS: dict[str, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


@contextmanager
def exclusive(engine: Engine, name: str, *, wait: bool = True) -> Iterator[Callable[[], bool]]:
    """Hold the desk-wide lock *name* while the block runs: across threads, and across processes
    sharing the database (the service's sender, a CLI command, a second host on PostgreSQL).

    SQLite: an flock on a file beside the database. PostgreSQL: a session advisory lock held on a
    connection of its own (so it needs session pooling, not a transaction-pooling proxy). An
    in-memory SQLite database is one process's: a thread lock suffices.

    Yields a check, to call before each step done under the lock: False once the lock is gone
    (on PostgreSQL, when the session holding it ended). With wait=False, raises LockBusy at once
    when someone else holds the lock.
    """
    url = engine.url
    key = f"{url.render_as_string(hide_password=True)}#{name}"
    with _THREAD_LOCKS_GUARD:
        local = _THREAD_LOCKS.setdefault(key, threading.Lock())
    if not local.acquire(blocking=wait):
        raise LockBusy(name)
    try:
        backend = url.get_backend_name()
        if backend == "sqlite" and url.database and url.database != ":memory:":
            with _flocked(Path(f"{url.database}.{name}.lock"), wait):
                yield lambda: True  # an flock lasts as long as this process keeps the file open
        elif backend == "postgresql":
            with _advisory_lock(engine, _SEND_LOCK_KEY ^ zlib.crc32(name.encode()), wait) as held:
                yield held
        else:
            yield lambda: True
    finally:
        local.release()


_SERVICE = "service"


@contextmanager
def service_presence(engine: Engine) -> Iterator[None]:
    """Held by `mailbot run` for as long as it runs: a shared lock (several services may run at once)
    that a command asks about with service_running(). It ends with the process, however it ends
    (an flock, a PostgreSQL session lock), so a service that died is never taken for a running one."""
    url = engine.url
    backend = url.get_backend_name()
    if backend == "sqlite" and url.database and url.database != ":memory:":
        path = Path(f"{url.database}.{_SERVICE}.lock")
        try:
            handle: IO[bytes] = open(path, "a+b")
        except PermissionError:
            handle = open(path, "rb")
        with handle:
            fcntl.flock(handle, fcntl.LOCK_SH)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    elif backend == "postgresql":
        connection = engine.connect()
        try:
            connection.execute(text("SELECT pg_advisory_lock_shared(:k)"), {"k": _service_key()})
            connection.commit()
            yield
        finally:
            try:  # let go at once: a closed session's locks are released by the server a moment later
                connection.execute(text("SELECT pg_advisory_unlock_shared(:k)"), {"k": _service_key()})
                connection.commit()
            except Exception:  # noqa: BLE001 - the connection is gone already: its session ends, and the lock with it
                pass
            connection.invalidate()  # the session ends, and its lock with it
            connection.close()
    else:
        yield  # an in-memory database is this process's alone: no command elsewhere can ask


def service_running(engine: Engine) -> bool:
    """Whether a `mailbot run` service holds its presence lock now (see service_presence)."""
    url = engine.url
    backend = url.get_backend_name()
    if backend == "sqlite" and url.database and url.database != ":memory:":
        path = Path(f"{url.database}.{_SERVICE}.lock")
        if not path.exists():
            return False
        try:
            handle: IO[bytes] = open(path, "rb")
        except OSError:
            return False
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False
    if backend == "postgresql":
        with engine.connect() as connection:
            taken = bool(connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _service_key()}).scalar())
            if taken:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _service_key()})
            connection.commit()
            return not taken
    return False


def _service_key() -> int:
    return _SEND_LOCK_KEY ^ zlib.crc32(_SERVICE.encode())


@contextmanager
def _flocked(path: Path, wait: bool, on_wait: Callable[[], None] | None = None, *,
             optional: bool = False) -> Iterator[None]:
    """Hold an flock on *path*; *on_wait* is called once before waiting for another holder. *optional*: the
    folder takes no new file (a read-only mount), so a lock file that is not there cannot be held by anyone."""
    handle: IO[bytes]
    try:
        handle = open(path, "a+b")
    except OSError as exc:
        if not isinstance(exc, PermissionError) and not optional:
            raise
        try:
            handle = open(path, "rb")  # made by another user: a read-only descriptor can hold an flock too
        except FileNotFoundError:
            if not optional:
                raise
            yield
            return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise LockBusy(path.name) from None
            if on_wait is not None:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _advisory_lock(engine: Engine, lock_id: int, wait: bool) -> Iterator[Callable[[], bool]]:
    connection = engine.connect()
    try:
        if wait:
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": lock_id})
        elif not connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": lock_id}).scalar():
            connection.rollback()
            raise LockBusy(str(lock_id))
        connection.commit()

        def held() -> bool:
            try:
                count = connection.execute(_HOLDING_LOCK, {"k": lock_id}).scalar()
                connection.commit()
            except SQLAlchemyError:
                return False
            return bool(count)

        yield held
        try:
            connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_id})
            connection.commit()
        except SQLAlchemyError:
            connection.invalidate()  # the session, and the lock with it, is gone already
    except BaseException:
        # The lock may still be held by this session: never hand the connection back to the pool.
        connection.invalidate()
        raise
    finally:
        connection.close()


_HOLDING_LOCK = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid() "
    "AND ((classid::bigint << 32) | objid::bigint) = :k AND objsubid = 1"
)
