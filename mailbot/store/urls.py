"""Which file an SQLite database URL names: the one test every module that needs the file asks."""

from __future__ import annotations

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
