"""The composition root: opens the desk (database, templates, clock) and the transports from config."""

from __future__ import annotations

from mailbot.config import Config, ImapInbox, MaildirInbox, MaildirOutbox
from mailbot.desk import Clock, Desk, reader_districts, system_clock
from mailbot.render import make_environment
from mailbot.store.db import make_engine, migrate, session_factory
from mailbot.store.repo import DbCursorStore
from mailbot.transports.base import Inbox, Sender


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
