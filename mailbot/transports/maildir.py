"""Local Maildir folders: the default inbox (read new/, acknowledge to cur/) and outbox (deliver to new/)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from mailbot.errors import TransportError
from mailbot.guards.limits import LimitViolation
from mailbot.transports.base import IncomingMessage, OutgoingMessage

QUARANTINE = ".Quarantine"


# A tmp/ file this old is a delivery that will never finish, whoever wrote it (the Maildir convention: 36 hours).
STALE_TMP_SECONDS = 36 * 3600
_OWN_NAME_RE = re.compile(r"\d+\.P(?P<pid>\d+)\.[^.]+\.(?P<host>.+)")


def sweep_tmp(path: Path, *, now: float | None = None) -> int:
    """Remove from the Maildir at *path*'s tmp/ what deliveries that will never finish left there: files named by
    a process of this host that is no longer running (an import or a delivery killed between its write and its
    rename into new/), and any file older than 36 hours. Returns how many were removed; a file that cannot be
    looked at or removed is left."""
    host = socket.gethostname().replace("/", "-")
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(path / "tmp"))
    except OSError:
        return 0
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            own = _OWN_NAME_RE.fullmatch(entry.name)
            dead = own is not None and own["host"] == host and not _running(int(own["pid"]))
            if dead or now - entry.stat(follow_symlinks=False).st_mtime > STALE_TMP_SECONDS:
                os.unlink(entry.path)
                removed += 1
        except (OSError, ValueError):
            continue
    return removed


def _running(pid: int) -> bool:
    """Whether a process *pid* runs on this host (one that is not ours to signal still runs)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def ensure_maildir(path: Path) -> None:
    for sub in ("new", "cur", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)


def _unique_name(raw: bytes) -> str:
    return _maildir_name(hashlib.sha256(raw).hexdigest()[:16])


def _sized_name(size: int) -> str:
    """The name of a message copied in chunks (its digest unknown until the end): its size in its place."""
    return _maildir_name(str(size))


def _maildir_name(unique: str) -> str:
    """time.pid.unique.host, as Maildir names its files (a "/" in the host name would make a folder)."""
    return f"{time.time_ns()}.P{os.getpid()}.{unique}.{socket.gethostname().replace('/', '-')}"


def _land(path: Path, name: str, write: Callable[[BinaryIO], object]) -> Path:
    """Write a message into the Maildir at *path* the safe way: *write* fills tmp/NAME, which is fsynced and
    renamed into new/."""
    tmp = _stage(path, name, write)
    final = path / "new" / name
    os.replace(tmp, final)
    _fsync_dir(path / "new")
    return final


def stage(path: Path, raw: bytes) -> Path:
    """Write *raw* into the Maildir at *path*'s tmp/ (fsynced), not delivered yet: publish() delivers it."""
    return _stage(path, _unique_name(raw), lambda fh: fh.write(raw))


def stage_file(path: Path, source: Path) -> Path:
    """Copy the file *source* into tmp/ in chunks (never read whole), like stage()."""
    with open(source, "rb") as src:
        return _stage(path, _sized_name(source.stat().st_size), lambda fh: shutil.copyfileobj(src, fh, 1 << 20))


def stage_copy(path: Path, write: Callable[[BinaryIO], object], size: int) -> Path:
    """A message that *write* copies into the file it is given (in chunks, never read whole), into tmp/, like
    stage()."""
    return _stage(path, _sized_name(size), write)


def publish(path: Path, staged: Sequence[Path]) -> None:
    """Deliver the messages *staged* in the Maildir at *path*'s tmp/: each renamed into new/ (a rename, which
    cannot be half-done and needs no space), then new/ fsynced once."""
    ensure_maildir(path)
    for tmp in staged:
        os.replace(tmp, path / "new" / tmp.name)
    _fsync_dir(path / "new")


def discard(path: Path) -> None:
    """Remove what this process staged in the Maildir at *path*'s tmp/ and never published (an import stopped or
    refused before the end): every file there named by this process, so that one a stop caught between its write
    and its being counted goes too."""
    host = socket.gethostname().replace("/", "-")
    try:
        entries = list(os.scandir(path / "tmp"))
    except OSError:
        return
    for entry in entries:
        own = _OWN_NAME_RE.fullmatch(entry.name)
        if own is not None and own["host"] == host and int(own["pid"]) == os.getpid():
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _stage(path: Path, name: str, write: Callable[[BinaryIO], object]) -> Path:
    ensure_maildir(path)
    tmp = path / "tmp" / name
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        try:  # a full disk leaves no empty or half-written file behind in tmp/
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    return tmp


def deliver(path: Path, raw: bytes, name: str | None = None) -> Path:
    """Write *raw* into the Maildir at *path* (tmp/, fsync, rename into new/)."""
    return _land(path, name or _unique_name(raw), lambda fh: fh.write(raw))


def _header_block(path: Path, limit: int = 65536) -> bytes:
    """The header block of the message file at *path* (at most *limit* bytes)."""
    with open(path, "rb") as fh:
        head = fh.read(limit)
    end = re.search(rb"\r?\n\r?\n", head)
    return head[:end.end()] if end else head


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class MaildirInbox:
    """Reads messages from new/; acknowledging moves them to cur/ (seen), quarantine to .Quarantine/."""

    def __init__(self, path: Path, *, size_limit: int | None = None) -> None:
        self.path = path
        self.size_limit = size_limit
        self._interrupted = threading.Event()
        ensure_maildir(path)
        sweep_tmp(path)  # what an import or a delivery killed half-way left in tmp/

    def fetch_new(self) -> Iterator[IncomingMessage]:
        try:
            entries = sorted(os.scandir(self.path / "new"), key=lambda e: (e.stat().st_mtime_ns, e.name))
        except OSError as exc:
            raise TransportError(f"cannot list Maildir {self.path}: {exc.strerror}") from None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                size = entry.stat().st_size
                if self.size_limit is not None and size > self.size_limit:
                    yield IncomingMessage(
                        key=entry.name, raw=None, size=size,
                        too_big_reason=LimitViolation("message_bytes", size, self.size_limit).reason,
                        headers=_header_block(Path(entry.path)),
                    )
                    continue
                raw = Path(entry.path).read_bytes()
            except FileNotFoundError:
                continue  # taken by another worker meanwhile
            yield IncomingMessage(key=entry.name, raw=raw, size=len(raw))

    def acknowledge(self, key: str) -> None:
        self._move(key, self.path / "cur" / f"{key}:2,S")

    def quarantine(self, key: str, reason: str) -> None:
        target = self.path / QUARANTINE
        ensure_maildir(target)
        self._move(key, target / "cur" / f"{key}:2,")

    def _move(self, key: str, target: Path) -> None:
        source = self.path / "new" / key
        try:
            os.replace(source, target)
        except FileNotFoundError:
            return  # already moved: acknowledging twice is harmless
        _fsync_dir(target.parent)

    def wait_for_mail(self, timeout: float) -> bool:
        """Wait *timeout* seconds (a Maildir has no push): False, and at once after interrupt()."""
        self._interrupted.wait(timeout)
        return False

    def interrupt(self) -> None:
        self._interrupted.set()

    def stop_waiting(self) -> None:
        """Nothing to cut short: a Maildir is read from the local disk, with no server to wait on."""

    def dropped(self) -> bool:
        """Never: a Maildir is a folder on the local disk, with no connection a server could end."""
        return False

    def limit_refusal(self) -> str | None:
        """None: a Maildir is read with no connection, so no server limits its connections."""
        return None

    def close(self) -> None:
        pass


class MaildirSender:
    """Delivers each outgoing message as a complete RFC 5322 file; named by its Message-ID, so never twice."""

    def __init__(self, path: Path) -> None:
        self.path = path
        ensure_maildir(path)

    @staticmethod
    def file_name(message_id: str) -> str:
        return "mailbot-" + hashlib.sha256(message_id.encode()).hexdigest()[:32]

    def send_batch(self, messages: list[OutgoingMessage], *,
                   on_result: Callable[[str, Exception | None], None] | None = None) -> dict[str, Exception | None]:
        results: dict[str, Exception | None] = {}
        for message in messages:
            name = self.file_name(message.message_id)
            try:
                if not self._exists(name):
                    deliver(self.path, message.raw, name)
                results[message.message_id] = None
            except OSError as exc:
                results[message.message_id] = TransportError(f"cannot write to Maildir {self.path}: {exc.strerror}")
            if on_result is not None:
                on_result(message.message_id, results[message.message_id])
        return results

    def _exists(self, name: str) -> bool:
        if (self.path / "new" / name).exists():
            return True
        return any(p.name.split(":", 1)[0] == name for p in (self.path / "cur").glob(name + "*"))

    def stop_waiting(self) -> None:
        pass  # a local delivery waits on no one

    def close(self) -> None:
        pass
