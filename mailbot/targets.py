"""Files and folders the operator names for a command to write: never the desk's own, never over a file unasked."""

from __future__ import annotations

import errno
import os
import unicodedata
from pathlib import Path

from mailbot.config import Config, MaildirInbox, MaildirOutbox
from mailbot.errors import MailbotError
from mailbot.store.db import new_file_words, refuses_new_files, sqlite_own_files
from mailbot.store.urls import sqlite_file


def _absolute(path: Path) -> Path:
    """*path* made absolute and its symlinks resolved (a `..` or a link to the database is the database)."""
    return Path(os.path.abspath(path)).resolve()


def _maildirs(config: Config) -> list[tuple[str, Path]]:
    found = []
    if isinstance(config.inbox, MaildirInbox):
        found.append(("inbox", config.inbox.path))
    if isinstance(config.outbox, MaildirOutbox):
        found.append(("outbox", config.outbox.path))
    return found


def refuse_desk_path(target: Path, config: Config, config_path: Path | None, *, what: str) -> None:
    """Refuse, in one line, *target* when it is the database or a file of it, the configuration file, or a
    path in the Maildir inbox or outbox folders (there it would be read as mail, or sent). *what* names the
    target in the message ("--output x.html")."""
    _refuse_hidden_characters(target)
    here = _absolute(target)
    database = sqlite_file(config.database.url)
    if database is not None and here in sqlite_own_files(database):
        raise MailbotError(f"{what} is one of the database's own files (the database, its journal, the sent "
                           "journal or a lock); give the name of a new file elsewhere")
    if config_path is not None and here == _absolute(config_path):
        raise MailbotError(f"{what} is the configuration file; give the name of a new file elsewhere")
    for role, folder in _maildirs(config):
        mine = _absolute(folder)
        if here == mine or mine in here.parents:
            raise MailbotError(f"{what} is inside the Maildir {role} folder {os.path.normpath(folder)}, where it "
                               f"would be taken for mail; give a path outside it")
    _refuse_hard_link(here, database, config, config_path, what=what)


def _refuse_hidden_characters(target: Path) -> None:
    """Refuse a name the operator could not find again by looking: a control character in it (a line break
    pasted with it), or a space at either end of the new file's name ("b.db "), which a listing does not show."""
    if bad := next((c for c in str(target) if unicodedata.category(c) == "Cc"), None):
        raise MailbotError(f"{str(target)!r} holds the control character {bad!r}, which a file name would keep "
                           "and a listing hides; give the name without it")
    name = target.name
    if name != name.strip():
        end = "end" if name != name.rstrip() else "start"
        raise MailbotError(f"{str(target)!r} has a space at the {end} of its name, which the file would keep and a "
                           f"listing hides; give the name without it, e.g. {str(target.with_name(name.strip()))!r}")
    # a folder's name in it with a space at either end (" ../bk/b.db" pasted with its space) names another folder,
    # which is not there: said as the space, not as a folder missing that the operator sees is there
    if stray := next((part for part in target.parts if part != part.strip()), None):
        plain = str(Path(*(part.strip() for part in target.parts)))
        where = ("begins with a space" if str(target) != str(target).lstrip()
                 else f"has a space at either end of the folder name {stray!r} in it")
        raise MailbotError(f"{str(target)!r} {where}, which would name another folder; give the path without it, "
                           f"e.g. {plain!r}")


def _same(a: os.stat_result, path: Path) -> bool:
    try:
        b = path.stat()
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _refuse_hard_link(here: Path, database: Path | None, config: Config, config_path: Path | None, *,
                      what: str) -> None:
    """A file that exists under another name (a hard link) is still the desk's own: compared by inode."""
    try:
        st = here.stat()
    except OSError:
        return
    if st.st_nlink < 2:
        return
    if database is not None and any(_same(st, f) for f in sqlite_own_files(database)):
        raise MailbotError(f"{what} is another name (a hard link) of one of the database's own files; give the "
                           "name of a new file elsewhere")
    if config_path is not None and _same(st, Path(config_path)):
        raise MailbotError(f"{what} is another name (a hard link) of the configuration file; give the name of a "
                           "new file elsewhere")
    for role, folder in _maildirs(config):
        for root, _dirs, files in os.walk(folder):
            if any(_same(st, Path(root) / name) for name in files):
                raise MailbotError(f"{what} is another name (a hard link) of a file in the Maildir {role} folder "
                                   f"{os.path.normpath(folder)}; give the name of a new file elsewhere")


def output_file(target: Path, config: Config, config_path: Path | None, *, option: str, force: bool) -> None:
    """Refuse the file the command-line *option* names for writing, in one line: one of the desk's own
    (refuse_desk_path), a folder, no name at all, or a file that exists already unless *force*."""
    if str(target) in ("", "."):
        raise MailbotError(f"{option}: no file name given (nothing, or only the folder '.'); give the name of "
                           "a new file")
    what = f"{option} {target}"
    refuse_desk_path(target, config, config_path, what=what)
    if target.is_dir():
        raise MailbotError(f"{what} is a folder; give the name of a file in it")
    if target.exists() and not force:
        raise MailbotError(f"{what} exists already; give the name of a new file, or add --force to overwrite it")
    if not target.parent.is_dir():
        parent = os.path.normpath(target.parent)
        file = next((p for p in (Path(parent), *Path(parent).parents) if p.exists() and not p.is_dir()), None)
        if file is not None:  # "x.txt/out.html": a path under a file
            raise MailbotError(f"{what}: {file} is a file, not a folder; give a file in a folder that exists")
        raise MailbotError(f"{what}: the folder {parent} does not exist; give a file in a folder that exists")
    _takes_new_files(target.parent, what=what, give="a file in a folder this user can write to")


def output_folder(folder: Path, config: Config, config_path: Path | None, *, what: str) -> None:
    """Refuse the folder a command is to write its files into (made if it does not exist), in one line: one of
    the desk's own (refuse_desk_path), a file, under a file, or in a folder that takes no new files (/proc, a
    read-only disk, another user's folder)."""
    refuse_desk_path(folder, config, config_path, what=what)
    here = Path(os.path.abspath(folder))
    existing = next(p for p in (here, *here.parents) if p.exists())
    if not existing.is_dir():
        if existing == here:
            raise MailbotError(f"{what} is a file, not a folder; give a folder (it is made if it does not exist)")
        raise MailbotError(f"{what}: {existing} is a file, not a folder; give a folder in a folder that exists")
    _takes_new_files(existing, what=what, give="a folder this user can write to (it is made if it does not exist)")


def _takes_new_files(folder: Path, *, what: str, give: str) -> None:
    """Refuse a *folder* that exists but takes no new file, saying why (as `backup` does): no folder "on the
    way" is missing there, whatever the operating system's error number says (/proc answers ENOENT)."""
    if (refused := refuses_new_files(folder)) is not None:
        raise MailbotError(f"{what}: cannot make a file in the folder {os.path.normpath(folder)}: "
                           f"{new_file_words(refused)}; give {give}")


_OS_WORDS = {
    errno.ENOENT: "a folder on the way does not exist",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EACCES: "permission denied to the user mailbot runs as",
    errno.EPERM: "permission denied to the user mailbot runs as",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EISDIR: "it is a folder",
    errno.EEXIST: "a file of that name is in the way",
}


def os_words(exc: OSError) -> str:
    """What an operating-system refusal means, in plain words."""
    return _OS_WORDS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
