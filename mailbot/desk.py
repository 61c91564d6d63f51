"""The desk: everything a step needs (config, database sessions, templates, the clock), built by mailbot.app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import jinja2
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from mailbot.config import Config
from mailbot.reader.verdict import District

Clock = Callable[[], datetime]


def system_clock(tz: ZoneInfo) -> Clock:
    return lambda: datetime.now(tz)


@dataclass
class Desk:
    """Everything a step needs, passed explicitly: config, database sessions, templates and the clock."""

    config: Config
    engine: Engine
    sessions: sessionmaker[Session]
    env: jinja2.Environment
    clock: Clock
    districts: tuple[District, ...] = field(default=())
    # A command a person runs (approve, dispatch, replay ...): the mail it queues is that person's doing, not an
    # automatic reply, so the per-sender daily cap on automatic replies neither counts nor stops it.
    by_person: bool = False

    @property
    def tz(self) -> ZoneInfo:
        return self.config.office.tz

    def now(self) -> datetime:
        return self.clock()

    @property
    def database_file(self) -> Path | None:
        """The SQLite database file (None on PostgreSQL): its disk is named when a write is refused."""
        from mailbot.store.urls import sqlite_file

        return sqlite_file(self.config.database.url)

    def district_name(self, code: str | None) -> str:
        district = self.config.district(code) if code else None
        return district.name if district else "kabupaten/kota"

    def close(self) -> None:
        self.engine.dispose()


def reader_districts(config: Config) -> tuple[District, ...]:
    return tuple(District(code=d.code, name=d.name, senders=tuple(d.senders)) for d in config.districts)
