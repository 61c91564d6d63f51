"""The composition root: opens the desk (database, templates, clock) and the transports from config."""

from __future__ import annotations

import os
from pathlib import Path

from mailbot.config import Config, ImapInbox, MaildirInbox, MaildirOutbox
from mailbot.desk import Clock, Desk, reader_districts, system_clock
from mailbot.render import make_environment
from mailbot.store.db import make_engine, migrate, session_factory
from mailbot.store.repo import DbCursorStore
from mailbot.store.urls import sqlite_file
from mailbot.transports.base import Inbox, Sender


def open_desk(config: Config, *, clock: Clock | None = None, upgrade: bool = True, read_only: bool = False,
              new_desk: bool = False) -> Desk:
    """Open the database (migrating it), the templates and the clock for *config*.

    With *read_only* (a command that only reads), a SQLite database that needs nothing written first (it
    exists, has this version's schema and the opening balances of every configured location) is opened
    read-only, so the command works on a read-only mount or file; else as usual.

    A database no command may open (mailbot.checks.database_refusal: one in memory, a file of the Maildirs, a
    side file of the database, ...) is refused before anything is opened or made: ConfigError. So is a SQLite
    database that does not exist, for a command that only reads (it makes none), and for any command where the
    Maildirs show that a desk has worked before, unless *new_desk* (mailbot.checks.new_desk_problem).
    """
    refuse_database(config, new_desk=new_desk)
    if read_only:
        refuse_missing_database(config)
        desk = _read_only_desk(config, clock)
        if desk is not None:
            return desk
    if upgrade and (path := sqlite_file(config.database.url)) is not None and not os.path.lexists(path):
        make_sqlite_database(config.database.url, path)
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


def make_sqlite_database(url: str, path: Path) -> None:
    """Make the new SQLite database of *url* whole beside *path*, then link it into its place: a start killed while
    the schema is made leaves no empty or half-made file where the database goes (which every command would then
    refuse as a database emptied), only a file of its own beside it. A database another start linked there
    meanwhile is the desk's; this one is dropped."""
    import sqlite3
    from contextlib import closing

    from sqlalchemy.engine import make_url

    partial = path.with_name(f".{path.name}.new-{os.getpid()}")
    sides = [partial.with_name(partial.name + end) for end in ("", "-wal", "-shm", "-journal")]
    for side in sides:
        side.unlink(missing_ok=True)
    try:
        engine = make_engine(make_url(url).set(database=str(partial)).render_as_string(hide_password=False))
        try:
            migrate(engine)
        finally:
            engine.dispose()
        with closing(sqlite3.connect(partial, isolation_level=None)) as connection:
            # everything into the database file itself, nothing left in a WAL beside it that the link leaves behind
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            os.link(partial, path)
        except FileExistsError:
            return
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    finally:
        for side in sides:
            side.unlink(missing_ok=True)


def refuse_missing_database(config: Config) -> None:
    """Raise ConfigError when the SQLite database of *config* does not exist: a command that only reads makes
    none (a mistyped database.url would otherwise show a new desk's opening stock as the province's)."""
    from mailbot.checks import missing_database, nearby_clause
    from mailbot.errors import SettingRefused
    from mailbot.store.db import sqlite_write_problem

    if (database := missing_database(config)) is not None:
        nearby = nearby_clause(config, database)
        unwritable = sqlite_write_problem(database) if database.parent.is_dir() else None
        advice = (f"{nearby}: correct database.url to name it" if nearby
                  else ("correct database.url: `mailbot run` could not make it there either "
                        f"({unwritable.removeprefix('database.url: ').split('; ')[0]})") if unwritable
                  else "correct database.url, or start the desk with `mailbot run`")
        raise SettingRefused(f"database.url: the database {database} does not exist, and a command that only reads "
                             f"makes none; {advice}")


def refuse_database(config: Config, *, new_desk: bool = False) -> None:
    """Raise ConfigError, in the words of check-config, when no command may open the database of *config*; the
    check every command makes before it opens the database (or copies it), so that none works on a desk that is
    forgotten, read as mail or no desk at all."""
    from mailbot.checks import database_refusal
    from mailbot.errors import SettingRefused

    if (problem := database_refusal(config, new_desk=new_desk)) is not None:
        raise SettingRefused(problem)


def _read_only_desk(config: Config, clock: Clock | None) -> Desk | None:
    from sqlalchemy.exc import SQLAlchemyError

    from mailbot.config import ITEMS, PROVINCE
    from mailbot.errors import DatabaseError
    from mailbot.store.db import HEAD_REVISION, current_revision, make_read_only_engine
    from mailbot.store.repo import opening_booked

    engine = make_read_only_engine(config.database.url)
    if engine is None:
        return None
    desk = Desk(config=config, engine=engine, sessions=session_factory(engine), env=make_environment(),
                clock=clock or system_clock(config.office.tz), districts=reader_districts(config))
    try:
        if current_revision(engine) == HEAD_REVISION:
            with desk.sessions() as session:
                booked = opening_booked(session)
            locations = [PROVINCE, *(d.code for d in config.districts)]
            if all((item, location) in booked for item in ITEMS for location in locations):
                return desk
    except (DatabaseError, SQLAlchemyError):
        pass  # opened as usual, which says what is wrong
    engine.dispose()
    return None


def open_inbox(config: Config, desk: Desk, *, share_with: Inbox | None = None, outage_told: bool = True,
               gives_way: bool = False) -> Inbox:
    """The configured inbox; *share_with*: another inbox of this process on the same IMAP server, whose
    outage (the backoff and its log lines) this one shares; *outage_told*: False when the caller says an IMAP
    server away in its own line (`mailbot run --once`), so the log promises no further tries; *gives_way*: a
    second connection to the IMAP server (the IDLE watcher's), which a server allowing the user one connection
    refuses: it says so (ImapConnectionLimit) rather than retry (a Maildir has no connection to give up)."""
    inbox = config.inbox
    size_limit = config.guards.max_message_bytes
    if isinstance(inbox, MaildirInbox):
        from mailbot.transports.maildir import MaildirInbox as MaildirInboxAdapter

        return MaildirInboxAdapter(inbox.path, size_limit=size_limit)
    assert isinstance(inbox, ImapInbox)
    from mailbot.transports.imap import ImapInbox as ImapInboxAdapter

    outage = share_with.outage if isinstance(share_with, ImapInboxAdapter) else None
    return ImapInboxAdapter(inbox, password=inbox.password(), cursor_store=DbCursorStore(desk.sessions),
                            size_limit=size_limit, outage=outage, outage_told=outage_told, gives_way=gives_way)


def open_sender(config: Config) -> Sender:
    outbox = config.outbox
    if isinstance(outbox, MaildirOutbox):
        from mailbot.checks import maildir_problem
        from mailbot.errors import SettingRefused
        from mailbot.transports.maildir import MaildirSender

        try:
            return MaildirSender(outbox.path)
        except OSError as exc:  # a folder that cannot be made or written: said as check-config says it
            problem = maildir_problem(outbox.path) or f"{outbox.path} cannot be made ({exc.strerror})"
            raise SettingRefused(f"outbox.path: {problem}") from None
    from mailbot.transports.smtp import SmtpSender

    return SmtpSender(outbox, password=outbox.password())
