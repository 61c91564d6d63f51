"""The composition root: builds the desk (database, templates, clock) and the transports from config."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import jinja2
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from mailbot.config import Config, ImapInbox, MaildirInbox, MaildirOutbox
from mailbot.reader.verdict import District, Verdict
from mailbot.render import make_environment
from mailbot.store.db import make_engine, migrate, session_factory
from mailbot.store.repo import DbCursorStore
from mailbot.transports.base import Inbox, Sender

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

    @property
    def tz(self) -> ZoneInfo:
        return self.config.office.tz

    def now(self) -> datetime:
        return self.clock()

    def district_name(self, code: str | None) -> str:
        district = self.config.district(code) if code else None
        return district.name if district else "kabupaten/kota"

    def close(self) -> None:
        self.engine.dispose()


def reader_districts(config: Config) -> tuple[District, ...]:
    return tuple(District(code=d.code, name=d.name, senders=tuple(d.senders)) for d in config.districts)


def parse_message(config: Config, raw: bytes) -> Verdict:
    """The reader's verdict on *raw* with *config*'s districts and addresses: what `mailbot parse` shows."""
    from mailbot.reader import read_message

    return read_message(raw, reader_districts(config), own_addresses=config.own_addresses)


def open_desk(config: Config, *, clock: Clock | None = None, upgrade: bool = True) -> Desk:
    """Open the database (migrating it), the templates and the clock for *config*."""
    engine = make_engine(config.database.url, echo=config.database.echo)
    if upgrade:
        migrate(engine)
    desk = Desk(
        config=config,
        engine=engine,
        sessions=session_factory(engine),
        env=make_environment(),
        clock=clock or system_clock(config.office.tz),
        districts=reader_districts(config),
    )
    from mailbot.store.stock import ensure_opening_balances

    ensure_opening_balances(desk)
    return desk


def open_inbox(config: Config, desk: Desk) -> Inbox:
    inbox = config.inbox
    size_limit = config.guards.max_message_bytes
    if isinstance(inbox, MaildirInbox):
        from mailbot.transports.maildir import MaildirInbox as MaildirInboxAdapter

        return MaildirInboxAdapter(inbox.path, size_limit=size_limit)
    assert isinstance(inbox, ImapInbox)
    from mailbot.transports.imap import ImapInbox as ImapInboxAdapter

    return ImapInboxAdapter(inbox, password=inbox.password(), cursor_store=DbCursorStore(desk.sessions),
                            size_limit=size_limit)


def open_sender(config: Config) -> Sender:
    outbox = config.outbox
    if isinstance(outbox, MaildirOutbox):
        from mailbot.transports.maildir import MaildirSender

        return MaildirSender(outbox.path)
    from mailbot.transports.smtp import SmtpSender

    return SmtpSender(outbox, password=outbox.password())
