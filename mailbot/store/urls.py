"""Database URLs: whether one can be read at all (the configuration's check), and which file an SQLite URL names
(the one test every module that needs the file asks)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError


def sqlite_file(url: str | URL) -> Path | None:
    """The file of an SQLite database *url* names; None for another database, one in memory, or a URL that
    cannot be read."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


# A shell's variable in a path: $HOME, ${HOME}. mailbot takes a path as written, as a TOML file holds it.
_VARIABLE_RE = re.compile(r"\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)")


def variable_problem(path: str) -> str | None:
    """Why *path* (a Maildir path, a SQLite file's path) is a slip because it names a shell variable ("$HOME/mail",
    "${HOME}/mail"), which mailbot does not expand (it would make a folder literally named $HOME), with the
    whole path to write when the variable is set here; None when it names none."""
    found = _VARIABLE_RE.search(path)
    if found is None:
        return None
    name = found.group(1).strip("{}")
    expanded = os.path.expandvars(path)
    instead = (f"write the whole path, e.g. {expanded!r}" if not _VARIABLE_RE.search(expanded)
               else "write the whole path")
    return (f"{path!r} names the environment variable ${name}, which mailbot does not expand (it would make a "
            f"folder named ${name}); {instead}")


# What to write instead, in every refusal of a URL that cannot be read.
_WRITE = "write sqlite:///PATH (e.g. sqlite:///var/mailbot.db, beside config.toml) or postgresql+psycopg://USER@HOST/DBNAME"


def url_problem(url: str) -> str | None:
    """Why *url* cannot be read as a database URL at all, with what to write instead; None when it can (whether
    mailbot can use it is mailbot.store.db.database_problem's question). Surrounding spaces are refused: SQLite
    would take them as part of the file name and start a fresh, empty desk beside the real one."""
    if not url.strip():
        return f"{url!r} names no database; {_WRITE}"
    if url != url.strip():
        return (f"{url!r} has spaces around it, which would be taken as part of the name (a new, empty database "
                f"beside the real one); write url = {url.strip()!r}")
    scheme, colon, rest = url.partition(":")
    if not colon or scheme.startswith((".", "~", "/")):
        lowered = url.lower()
        if lowered in ("sqlite", "sqlite3", "pysqlite"):
            return f"{url!r} names no database file; write sqlite:///var/mailbot.db (a file in var/ beside config.toml)"
        if lowered.startswith("postgres"):
            return f"{url!r} names no server and no database; write postgresql+psycopg://USER@HOST/DBNAME"
        if "/" in url or "." in url:  # a file's path, as a shell takes it
            return f"{url!r} is a path, not a database URL; write sqlite:///{os.path.expandvars(os.path.expanduser(url))}"
        return f"{url!r} is not a database URL; {_WRITE}"
    if scheme.lower().startswith("sqlite") and (problem := variable_problem(rest.removeprefix("///"))):
        return problem
    if scheme.lower().startswith("sqlite") and ("\\" in rest or re.search(r"(?:^|/)[A-Za-z]:(?:/|$)", rest)):
        # "sqlite:///C:\mailbot\mailbot.db" from a Windows machine: a file of that odd name beside config.toml,
        # a new, empty desk
        return (f"{url!r} is a Windows path (a drive letter, backslashes), which would make a new, empty "
                "database of that odd name here; write the path with / on this machine, e.g. "
                "sqlite:///var/mailbot.db (beside config.toml) or sqlite:////opt/mailbot/var/mailbot.db")
    try:
        parsed = make_url(url)
    except ArgumentError:
        if scheme.lower().startswith("sqlite") and not rest.startswith("//"):
            return (f"{url!r} is not a SQLite URL: it has three slashes before a relative path and four before an "
                    f"absolute one; write sqlite:///{rest}")
        return f"{url!r} is not a database URL; {_WRITE}"
    except ValueError:
        host_port = rest.removeprefix("//").split("/", 1)[0].rpartition("@")[2]
        if host_port.startswith("[") and "]" not in host_port:
            return f"{url!r}: the host {host_port!r} opens [ and does not close it; write it as [::1]"
        port = host_port.rpartition("]")[2].rpartition(":")[2]
        return (f"{url!r}: the port {port!r} is not a number; write the port in digits, e.g. "
                "postgresql+psycopg://USER@HOST:5432/DBNAME (or leave it out for 5432)")
    for part, value in (("database name", parsed.database), ("host", parsed.host), ("user name", parsed.username)):
        # "sqlite:///var/mailbot.db%00x", "%0A": percent-written, a control character gets past the configuration's
        # own check of the text; no file name or host holds one (a NUL ends the name, a line break hides in it)
        if value and (char := next((c for c in value if ord(c) < 32 or ord(c) == 127), None)) is not None:
            return (f"{url!r}: its {part} holds the control character {char!r} (written %{ord(char):02X}); remove "
                    "it")
    return None
