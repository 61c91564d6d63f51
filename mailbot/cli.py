"""The `mailbot` command line: run the desk, read a message, inspect and act on requests and stock."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
from collections.abc import Callable, Collection
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from mailbot import __version__
from mailbot.cli_shared import (  # noqa: F401
    LOG_FORMAT,
    REF_HELP,
    ByOption,
    SignedArguments,
    YesOption,
    _actor,
    _config,
    _config_path,
    _desk,
    app,
    asked_yes,
    confirm,
    err,
    known_item,
    large_movement_confirmed,
    mail_sent,
    out,
    outbox_app,
    outbox_id,
    plain_option,
    plain_text,
    quantity,
    quarantine_app,
    read_eml,
    request_reference,
    row_limit,
    state,
    stock_location,
    stored_id,
    supply_app,
    typed_minus,
)
from mailbot.config import ITEMS, PROVINCE, Config
from mailbot.errors import ConfigError, DatabaseAway, MailbotError, SettingRefused, Stopped, UsageError
from mailbot.outcomes import outcome_words
from mailbot.tables import print_table, table_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mailbot.desk import Desk
    from mailbot.store.schema import Request

# --- running -------------------------------------------------------------------------------------

@app.command()
def run(
    once: Annotated[bool, typer.Option("--once", help="Process everything now, send, print a summary, exit.")] = False,
) -> None:
    """Run the desk: poll (or IDLE on) the inbox, answer, send, and run scheduled checks and digests.

    Example: mailbot run --once
    """
    from mailbot.checks import warnings as config_warnings
    from mailbot.service import start

    config = _config()
    _offline_checks(config)
    for warning in config_warnings(config):
        logging.getLogger("mailbot").warning("%s", warning)
    summary = start(config, once=once)
    if summary is None:
        return
    table = Table(title="mailbot run --once", show_header=True)
    table.add_column("outcome")
    table.add_column("messages", justify="right")
    table.add_column("as logged", style="dim")  # the short name the log lines use, to find them
    for outcome, count in sorted(summary.outcomes.items(), key=lambda pair: outcome_words(pair[0])):
        table.add_row(outcome_words(outcome), str(count), str(outcome))
    if not summary.outcomes:
        table.add_row("(stopped before the first)" if summary.stopped is not None else "(no new messages)", "0", "")
    print_table(out, table)
    f = summary.flush
    where = config.outbox.path if config.outbox.kind == "maildir" else f"{config.outbox.host}"
    out.print(f"mail sent: {f.sent}, waiting in the outbox: {summary.queued}, failed: {f.failed}"
              + (f", held by rate brake: {f.braked}" if f.braked else "") + f"  -> {where}")
    if f.misconfigured:
        sys.stderr.write(f"mailbot: configuration error: {_one_line(f.misconfigured)}; the mail stays queued\n")
        raise typer.Exit(2)
    if summary.stopped is None and (blocked := _outbox_blocked(config)) is not None:
        sys.stderr.write(f"mailbot: configuration error: {_one_line(blocked)}\n")
        raise typer.Exit(2)
    if summary.stopped is not None:
        sys.stderr.write(f"mailbot: stopped by {signal.Signals(summary.stopped).name} before the pass was done: "
                         f"{sum(summary.outcomes.values())} message(s) recorded and committed; the mail not read "
                         "yet stays in the inbox and the mail not sent yet in the outbox, for the next run\n")
        raise typer.Exit(EXIT_STOPPED)


def _outbox_blocked(config: Config) -> str | None:
    """The outbox blocked by a refusal of mailbot by the SMTP server that an earlier run recorded on mail still
    queued (this run, within the retry pause, did not ask the server again), while the configuration file has not
    changed since: what `run --once` says of it, every time; None when there is none."""
    from mailbot.checks import sending_refused

    refused = sending_refused(config)
    if refused is None:
        return None
    error, at = refused
    if datetime.fromtimestamp(_config_path().stat().st_mtime, UTC) > at:
        return None  # corrected since, perhaps: the mail is tried again after its pause
    when = at.astimezone(config.office.tz).strftime("%Y-%m-%d %H:%M %Z")
    return (f"the outbox is blocked: at {when} the SMTP server refused mailbot ({error.split('; check with')[0]}), "
            f"and {_config_path()} has not changed since; the mail stays queued: correct it, then run check-config "
            "--connect")


# `mailbot run --once` stopped by SIGTERM or SIGINT before it was done (README, Operations)
EXIT_STOPPED = 3


def _refuse_a_full_disk(config: Config) -> list[str]:
    """Exit 1 with one line per disk of the desk that is full or read-only; the warnings of disks low on space."""
    from mailbot.checks import disk_problems

    full, low = disk_problems(config)
    for problem in full:
        sys.stderr.write(f"mailbot: {_one_line(problem)}\n")
    if full:
        raise typer.Exit(1)
    return low


def _refuse_a_read_only_disk(config: Config) -> None:
    """Exit 1 with one line per disk of the desk mounted read-only (said before what cannot be written there)."""
    from mailbot.checks import disk_problems

    read_only = [p for p in disk_problems(config)[0] if "is read-only" in p]
    for problem in read_only:
        sys.stderr.write(f"mailbot: {_one_line(problem)}\n")
    if read_only:
        raise typer.Exit(1)


def _in_file(problems: list[str]) -> list[str]:
    """The problems of settings in the configuration file, each starting with the file's name, as the file's
    other errors do ("mailbot: configuration error: /etc/mailbot/config.toml: digest.cron: ...")."""
    path = _config_path()
    return [f"{path}: {problem}" for problem in problems]


def _offline_checks(config: Config) -> None:
    """Refuse to start on a configuration that cannot work; say in one line what it will use."""
    from mailbot.checks import offline_problems, summary

    _refuse_a_read_only_disk(config)  # first: the paths that cannot be written follow from it
    problems = _in_file(offline_problems(config))
    for problem in problems:
        sys.stderr.write(f"mailbot: configuration error: {_one_line(problem)}\n")
    if problems:
        raise typer.Exit(2)
    low = _refuse_a_full_disk(config)
    for warning in low:
        sys.stderr.write(f"mailbot: warning: {_one_line(warning)}\n")
    sys.stderr.write(f"mailbot {__version__}: {summary(config)}\n")
    sys.stderr.flush()


def _arrival_order(files: list[Path]) -> list[Path]:
    """*files* as given; but files all taken from Maildirs (in new/ or cur/, e.g. what was read since a backup)
    in the order they arrived there (modification time, then name), the order a Maildir inbox reads them, so
    that requests read again get the references they had (a shell's `find` lists them in no such order)."""
    if not files or not all(path.parent.name in ("new", "cur") for path in files):
        return files
    try:
        return sorted(files, key=lambda path: (path.stat().st_mtime_ns, path.name))
    except OSError:
        return files  # a file that is not there is named by the reading below


@app.command("import")
def import_(files: Annotated[list[Path], typer.Argument(
        metavar="FILE", help=".eml files (one message each) or mbox files to drop into the Maildir inbox.")]) -> None:
    """Deliver .eml or mbox files into the configured Maildir inbox (for trying mailbot, or re-feeding a message).

    All or nothing: when one file, or one message of an mbox, is not an email, when the disk fills, or when the
    command is stopped (Ctrl-C, SIGTERM), nothing is delivered. Every message is written to the Maildir's tmp/
    first; only when all are there are they moved into new/, with stops held for those moments.

    Example: mailbot import examples/inbox/*.eml
    """
    import mailbox
    from contextlib import ExitStack
    from functools import partial

    from mailbot import mboxfile
    from mailbot.checks import maildir_problem
    from mailbot.config import MaildirInbox
    from mailbot.store.db import storage_problem
    from mailbot.transports.maildir import discard, publish, stage, stage_copy, stage_file, sweep_tmp

    try:  # a stop while the settings are read or tmp/ is swept: nothing is staged yet (a sweep cut short goes on
        # at the next import)
        config = _config()
        if not isinstance(config.inbox, MaildirInbox):
            raise MailbotError("import works with a Maildir inbox only; append to the IMAP folder instead")
        inbox = config.inbox.path
        # a folder that cannot be made or written: as check-config says it (a read-only or full disk is said
        # below, when the first message cannot be written)
        if storage_problem(inbox, full=16 * 1024 * 1024) is None and (problem := maildir_problem(inbox)):
            raise SettingRefused(f"inbox.path: {problem}")
        swept = sweep_tmp(inbox)  # an import killed (SIGKILL) before its end left its staged files
    except (Stopped, KeyboardInterrupt) as stop:
        raise Stopped(getattr(stop, "signum", signal.SIGINT), said=_NOTHING_IMPORTED) from None
    if swept:
        out.print(f"removed {swept} file(s) from {inbox}/tmp that a stopped import or delivery left unfinished",
                  highlight=False, markup=False, soft_wrap=True)
    most = config.guards.max_message_bytes
    deliveries: list[Callable[[], Path]] = []
    empty: list[Path] = []
    with ExitStack() as boxes:
        try:
            for path in _arrival_order(files):
                try:
                    raw = read_eml(path, most)
                except MailbotError as exc:
                    raise MailbotError(f"{exc}; nothing was delivered") from None
                if not mboxfile.looks_like_mbox(path, raw):
                    if len(raw) > most:
                        # never read whole: copied as it is, and quarantined by its size when mailbot reads the inbox
                        deliveries.append(partial(stage_file, inbox, path))
                    else:
                        _check_email(raw, f"{path}", "an .eml file holds one message with its headers")
                        _check_whole(raw, f"{path}")
                        deliveries.append(partial(stage, inbox, raw))
                    continue
                try:
                    box = mailbox.mbox(boxes.enter_context(mboxfile.without_bom(path)), create=False)
                    boxes.callback(box.close)
                    found = list(mboxfile.messages(box, most))
                except OSError as exc:
                    raise MailbotError(f"{path}: cannot read: {exc.strerror}; nothing was delivered") from None
                if not found:  # an empty folder's export; said, so that a wrong file is seen
                    empty.append(path)
                for number, message in enumerate(found, start=1):
                    if len(message.head) > most:
                        deliveries.append(partial(stage_copy, inbox, message.copy_to, most + 1))
                    else:
                        hint = "an mbox holds messages with their headers, each after a 'From ' line"
                        if number > 1:  # "From the desk of ..." in a body the export did not write as ">From "
                            hint = (f"it begins at the line {message.separator()!r}, which may be a line of message "
                                    f"{number - 1}'s text that the export did not write as '>From ': write '>' "
                                    "before it in the file and import again")
                        _check_email(message.head, f"{path}: message {number} of {len(found)}", hint)
                        if number == len(found):  # a cut-off export stops in its last message
                            _check_whole(message.head, f"{path}: message {number} of {len(found)}",
                                         ends_mid_line=not message.head.endswith(b"\n"))
                        deliveries.append(partial(stage, inbox, message.head))
        except (Stopped, KeyboardInterrupt) as stop:
            # stopped while the files are read and checked: nothing is staged yet
            raise Stopped(getattr(stop, "signum", signal.SIGINT), said=_NOTHING_IMPORTED) from None
        staged: list[Path] = []
        try:
            try:
                for delivery in deliveries:
                    staged.append(delivery())
            except BaseException:  # whatever ends the staging: nothing of it stays in tmp/
                _without_stops(lambda: discard(inbox))
                raise
        except OSError as exc:
            why = storage_problem(inbox, full=16 * 1024 * 1024)
            # what to do before the import is given again: the line's own advice when the disk is full or read-only
            fix = "then" if why else "correct that and"
            raise MailbotError(f"cannot deliver to {inbox}: {why or exc.strerror or exc}; nothing was delivered (0 of "
                               f"{len(deliveries)} message(s)); {fix} run the same import again") from None
        except (Stopped, KeyboardInterrupt) as stop:
            said = f"nothing was delivered (0 of {len(deliveries)} message(s); an import is all or nothing); " \
                   "run the same import again"
            raise Stopped(getattr(stop, "signum", signal.SIGINT), said=said) from None
        stopped = _without_stops(lambda: publish(inbox, staged))
    none_in = f"; no message in {', '.join(map(str, empty))} (an empty mbox)" if empty else ""
    out.print(f"{len(deliveries)} message(s) delivered to {inbox}/new{none_in}", highlight=False, markup=False,
              soft_wrap=True)
    if stopped:
        sys.stderr.write(f"mailbot: {signal.Signals(stopped).name} came while the messages were being moved into "
                         f"{inbox}/new: all {len(deliveries)} were delivered first (an import is all or nothing)\n")


# What `import` stopped before its messages were staged says (README: an import is all or nothing).
_NOTHING_IMPORTED = "nothing was delivered (an import is all or nothing); run the same import again"


def _without_stops(step: Callable[[], object]) -> int | None:
    """Run *step* with SIGINT and SIGTERM held back (a few renames that must all happen); the stop that came
    meanwhile, taken off the pending signals (the step was completed instead), or None."""
    stops = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    try:
        step()
    finally:
        came = signal.sigpending() & stops
        for _ in came:
            signal.sigtimedwait(stops, 0)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
    return max(came) if came else None


def _check_email(raw: bytes, what: str, hint: str) -> None:
    """Refuse (for all of `import`) what is not an email, naming *what* it was."""
    from mailbot.errors import NotAnEmailError
    from mailbot.reader.mime import parse_message

    try:
        parse_message(raw)
    except NotAnEmailError as exc:
        raise MailbotError(f"{what}: {exc} ({_saved_as(raw, what) or hint}); nothing was delivered") from None


def _check_whole(raw: bytes, what: str, *, ends_mid_line: bool = False) -> None:
    """Refuse (for all of `import`) a message cut off before its end: a partial export, named by *what*."""
    from mailbot.cutoff import cut_off

    why = cut_off(raw, ends_mid_line=ends_mid_line)
    if why is not None:
        raise MailbotError(f"{what}: cut off before its end ({why}): the file is a partial export; export or "
                           "copy it again whole; nothing was delivered")


def _saved_as(raw: bytes, name: str) -> str | None:
    """What *raw* (the file *name*) is when it is a common file taken for mail, with the fix: an archive or a
    compressed file (gzip, bzip2, xz, zstd, tar, ZIP, 7-Zip), an Office document, an Outlook .msg, text saved as
    UTF-16 (Notepad's "Unicode"); None for anything else."""
    utf16 = "text saved as UTF-16, Notepad's Unicode: save it again as UTF-8"
    tarred = name.lower().endswith((".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst"))
    for magic, method, unpack in ((b"\x1f\x8b", "gzip", "gunzip"), (b"BZh", "bzip2", "bunzip2"),
                                  (b"\xfd7zXZ\x00", "xz", "unxz"), (b"\x28\xb5\x2f\xfd", "zstd", "unzstd")):
        if raw.startswith(magic):
            if tarred:
                return (f"a tar archive compressed with {method}: unpack it first (tar -xf FILE), then import "
                        "the .eml files in it")
            return f"compressed with {method}: unpack it first with {unpack}, then import the .eml"
    if raw[257:262] == b"ustar":  # POSIX and GNU tar headers
        return "a tar archive: unpack it first (tar -xf FILE), then import the .eml files in it"
    if raw.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "a 7-Zip archive: unpack it first (7z x), then import the .eml files in it"
    if raw.startswith(b"PK\x03\x04"):
        if b"[Content_Types].xml" in raw[:4096] or name.lower().endswith((".xlsx", ".docx", ".pptx", ".ods")):
            return "an Office document, Excel or Word: import the .eml it came with"
        return "a ZIP archive: unpack it first, then import the .eml files in it"
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # the compound file of .msg, and of old .doc/.xls
        if name.lower().endswith(".msg"):
            return "an Outlook .msg file: open it in Outlook and save it as .eml"
        return "an Outlook .msg file or an old Office document: save a mail as .eml"
    if raw.startswith(b"%PDF"):
        return "a PDF document: import the .eml it came with"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return utf16
    if len(raw) >= 8 and raw[1:8:2] == b"\x00\x00\x00\x00" and raw[0:8:2].isascii():  # UTF-16 without its mark
        return utf16
    return None


@app.command("check-config")
def check_config(
    connect: Annotated[bool, typer.Option(
        "--connect", help="Also log in to IMAP, open the database and ask the SMTP server.")] = False,
) -> None:
    """Validate the configuration (schedules, database, secrets, key combinations); --connect tries the servers.

    Example: mailbot check-config --connect
    """
    from mailbot.checks import TemporaryProblem, connect_problems, offline_problems, sending_refused, summary
    from mailbot.checks import warnings as config_warnings

    config = _config()
    _refuse_a_read_only_disk(config)  # one line, exit 1 (the paths that cannot be written follow from it)
    problems = _in_file(offline_problems(config))
    fine: list[str] = []
    refusal_warning: list[str] = []
    if connect and not problems:
        try:
            problems, fine = connect_problems(config)
        except Stopped as stop:  # not the words of a command that queues mail: this one changes nothing
            raise Stopped(stop.signum, said="check-config --connect stopped before every server had answered; it "
                                            "changes nothing, so nothing is lost: run it again") from None
    elif not problems and (refused := sending_refused(config)) is not None:
        # what the server said at the last run is known without --connect: not "ok" while nothing has changed
        error, at = refused
        when = at.astimezone(config.office.tz).strftime("%Y-%m-%d %H:%M %Z")
        if datetime.fromtimestamp(_config_path().stat().st_mtime, UTC) <= at:
            problems = [f"outbox: at {when} the SMTP server refused mailbot ({error.split('; check with')[0]}), and "
                        f"{_config_path()} has not changed since; correct it, then run check-config --connect"]
        else:
            refusal_warning = [f"outbox: at {when}, before {_config_path()} last changed, the SMTP server refused "
                               "mailbot; check-config --connect tells whether it is corrected"]
    if problems:
        # a temporary answer alone is no configuration error: exit 1, as for a server out of reach
        broken = [p for p in problems if not isinstance(p, TemporaryProblem)]
        for problem in problems:
            said = "temporary failure" if isinstance(problem, TemporaryProblem) else "configuration error"
            sys.stderr.write(f"mailbot: {said}: {_one_line(problem)}\n")
        raise typer.Exit(2 if broken else 1)
    low = _refuse_a_full_disk(config)
    for line in fine:
        out.print(f"  {line}", highlight=False, soft_wrap=True)
    for warning in [*low, *refusal_warning, *config_warnings(config)]:
        out.print(f"[yellow]warning[/yellow]: {warning}", highlight=False, soft_wrap=True)
    out.print(f"[green]ok[/green]: {summary(config)}{'' if connect else _not_tried(config)}", highlight=False,
              soft_wrap=True)


def _not_tried(config: Config) -> str:
    """"; not tried: ..." naming the servers check-config has not logged in to (without --connect), or ""."""
    servers = [name for name, used in (("the IMAP server", config.inbox.kind == "imap"),
                                       ("the SMTP server", config.outbox.kind == "smtp"),
                                       ("the PostgreSQL server", config.database.url.startswith("postgres")))
               if used]
    if not servers:
        return ""
    listed = ", ".join(servers[:-1]) + (" and " if len(servers) > 1 else "") + servers[-1]
    return f"; not tried: {listed} (check-config --connect logs in)"


@app.command()
def migrate(
    new_desk: Annotated[bool, typer.Option(
        "--new-desk", help="Make a new, empty database even though the Maildirs show mail read or sent before.")]
    = False,
) -> None:
    """Bring the database schema to this version's (also done at every start); run it after an upgrade.

    Example: mailbot migrate
    """
    from mailbot.app import refuse_database
    from mailbot.checks import schedule_problems
    from mailbot.store.db import HEAD_REVISION, current_revision, make_engine
    from mailbot.store.db import migrate as do_migrate

    config = _config()
    # a schedule the desk cannot run is refused as `run` and `check-config` refuse it, before a database is made
    problems = _in_file(schedule_problems(config))
    for problem in problems:
        sys.stderr.write(f"mailbot: configuration error: {_one_line(problem)}\n")
    if problems:
        raise typer.Exit(2)
    refuse_database(config, new_desk=new_desk)
    # What the new desk starts beside, said once it is made: the mail of the desk before stays where it is
    made_anew = _new_desk_beside(config) if new_desk else None
    engine = make_engine(config.database.url)
    try:
        before = current_revision(engine)
        do_migrate(engine)
    finally:
        engine.dispose()
    if before == HEAD_REVISION:
        out.print(f"database schema is current ({HEAD_REVISION})")
    else:
        out.print(f"database schema upgraded from {before or 'none (new database)'} to {HEAD_REVISION}")
    if made_anew:
        out.print(made_anew, highlight=False, soft_wrap=True)


def _new_desk_beside(config: Config) -> str | None:
    """For `migrate --new-desk`: what the new, empty desk starts beside (the earlier desk's mail, a database
    nearby), in one line, or None when there is nothing of an earlier desk to speak of."""
    from mailbot.checks import earlier_desk

    if (earlier := earlier_desk(config)) is None:
        return None
    database, signs, nearby = earlier
    kept = f"{' and '.join(signs)}; they are left as they are and not read again" if signs else ""
    elsewhere = (f"{nearby}: point database.url at it to go on with that desk" if nearby
                 else "the earlier desk's database is not here: if it lies elsewhere, point database.url at it")
    return (f"new, empty desk at {database}, starting from config.toml's opening stock; "
            + "; ".join(part for part in (kept, elsewhere) if part))


@app.command()
def backup(file: Annotated[Path, typer.Argument(
        metavar="FILE", help="Where to write the copy (a new file), e.g. /var/backups/mailbot-1205.db; "
                             "not \"-\": the copy is a database file, never written to standard output.")]) -> None:
    """Copy the SQLite database to FILE, consistently, while the service runs (PostgreSQL: use pg_dump).

    FILE is a new file; "-" is refused (the copy is an SQLite database, which is complete only as a file: to
    compress it, back up to a file, then gzip that file).

    Example: mailbot backup /var/backups/mailbot-1205.db
    """
    from mailbot.app import refuse_database
    from mailbot.store.db import backup_sqlite
    from mailbot.targets import refuse_desk_path

    if str(file).strip() == "-":  # a pipe cut short would leave a partial copy that looks whole; SQLite writes a file
        # (" -" too: else the advice for the space around it would be to write "-")
        shown = '"-"' if str(file) == "-" else f'{str(file)!r} ("-" with a space)'
        raise MailbotError(f"{shown} is no file for a backup: the copy is an SQLite database and is written only to a "
                           "file; give the name of a new file, e.g. /var/backups/mailbot-1205.db (to compress it, "
                           "gzip that file afterwards)")
    config = _config()
    refuse_database(config)  # as every command: the URL naming a -wal, a lock, an empty file is no database to copy
    if str(file) in ("", "."):
        raise MailbotError("no file name given; give the name of a new file, e.g. /var/backups/mailbot-1205.db")
    refuse_desk_path(file, config, _config_path(), what=str(file))
    waiting = "waiting for the mail being sent to finish (the copy is taken between two sends)..."
    pages, journalled = backup_sqlite(config.database.url, file, on_wait=lambda: out.print(waiting, highlight=False))
    folded = f"; {_n(journalled)} sent mail(s) from the sent journal marked sent in it" if journalled else ""
    out.print(f"database copied to {file} ({_n(pages)} pages{folded})")


# --- reading -------------------------------------------------------------------------------------

@app.command()
def parse(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="An .eml file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdict as one JSON object.")] = False,
) -> None:
    """Show what the reader makes of one message (no database, nothing sent), within the \\[guards] limits.

    Example: mailbot parse examples/inbox/01-bulungan-permohonan.eml
    """
    from mailbot.guards.limits import LimitViolation
    from mailbot.pipeline import Rules, read_within_limits

    config = _config()
    most = config.guards.max_message_bytes
    raw = read_eml(file, most)
    if len(raw) > most:  # not read whole: quarantined by its size, as `run` would
        violation = LimitViolation("message_bytes", file.stat().st_size, most)
        raise MailbotError(f"{file}: would be quarantined: {violation.reason}")
    try:
        verdict = read_within_limits(raw, Rules.of(config))
    except MailbotError as exc:
        raise MailbotError(f"{file}: would be quarantined: {exc}") from None
    if as_json:
        sys.stdout.write(json.dumps(verdict.as_dict(), ensure_ascii=False) + "\n")
        return
    _print_verdict(verdict)


def _print_verdict(verdict) -> None:  # type: ignore[no-untyped-def]
    table = Table(show_header=False, box=None)
    table.add_row("kind", f"[bold]{verdict.kind}[/bold]")
    table.add_row("district", f"{verdict.district or '-'}  (sender {verdict.sender or '-'}, "
                              f"{'known' if verdict.sender_known else 'NOT on any district list'})")
    table.add_row("item", verdict.item or "-")
    for name in ("requested", "stock_on_hand", "received", "printed", "recorded"):
        value = getattr(verdict, name)
        if value is not None:
            found = [e for e in verdict.evidence if e.field == name]
            line = _n(value) + (f'   from "{found[0].text}"' if found else "")
            if found and found[0].cues:
                line += f"   [dim]cues: {', '.join(found[0].cues)}[/dim]"
            table.add_row(name, line)
    if verdict.report_date:
        table.add_row("report date", verdict.report_date.isoformat())
    for doubt in verdict.doubts:
        table.add_row("[yellow]ask back[/yellow]", f"{doubt.field}: {doubt.reason} {doubt.text}")
    for reason in verdict.automated_reasons:
        table.add_row("[magenta]automated[/magenta]", reason)
    out.print(table)


@app.command()
def reread(
    since: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD",
                                              help="Only messages received on or after this day.")] = None,
    include_quarantined: Annotated[bool, typer.Option(
        "--include-quarantined", help="Also quarantined and dismissed messages.")] = False,
) -> None:
    """Re-run the current reader over every processed message and show what would now be read differently.

    Example: mailbot reread --since 2026-11-01
    """
    from mailbot.rereading import reread as do_reread

    since_date = _parse_date(since, "--since") if since is not None else None
    with _desk() as desk:
        changes, total = do_reread(desk, since_date, progress=True, include_quarantined=include_quarantined)
    if not changes:
        out.print(f"{total} stored message(s) re-read: no differences.")
    else:
        print_table(out, table_of(
            ("message", "received", "field", "stored", "now"),
            ((str(c.message_pk), c.received, c.field, c.before, c.after) for c in changes),
            title=f"{len(changes)} of {total} message(s) would be read differently"))
    cli_people.print_agreement()


# --- looking -------------------------------------------------------------------------------------

@app.command()
def requests(
    limit: Annotated[int, typer.Option(metavar="N", help="How many, newest first, e.g. 100 or 1.000.",
                                       parser=row_limit)] = 30,
    open_only: Annotated[bool, typer.Option("--open", help="Only requests still open.")] = False,
) -> None:
    """Recent requests and their state.

    Example: mailbot requests --open
    """
    from mailbot.views import REQUEST_COLUMNS, request_rows

    with _desk(read_only=True) as desk:
        rows = request_rows(desk, limit=limit, open_only=open_only)
    print_table(out, table_of(REQUEST_COLUMNS, rows, title="Requests",
                              right=("requested", "proposed", "approved")))


@app.command()
def status(item: Annotated[str | None, typer.Option(metavar="ITEM", help="ktp-el or kia (default: both).",
                                                callback=known_item)] = None) -> None:
    """Stock by district: on hand, in transit, daily use, days of cover, state; and the provincial runway.

    Example: mailbot status --item kia
    """
    from mailbot.views import print_status

    with _desk(read_only=True) as desk:
        print_status(desk, out, items=(item,) if item else ITEMS)


# --- acting --------------------------------------------------------------------------------------

@app.command()
def approve(
    reference: Annotated[str, typer.Argument(metavar="REF", help=REF_HELP,
                                             parser=request_reference)],
    quantity: Annotated[str | None, typer.Option(
        metavar="N", help="Approve this many instead of the proposal, e.g. 2.000 or 2 ribu.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Approve even above the request, the need or into the reserve (needs --reason).")] = False,
    reason: Annotated[str | None, typer.Option(
        callback=plain_option, help="Why (recorded in the history; needed with --force).")] = None,
    who: ByOption = None,
) -> None:
    """Approve a held request (the district is told by email).

    Example: mailbot approve BLK-2026-0042 --quantity 2.000 --by "Kabid Dafduk"
    """
    from mailbot import actions
    from mailbot.store import repo

    if force and not (reason and reason.strip()):
        raise UsageError("--force needs --reason TEXT (why the unusual quantity; it is recorded)")  # exit 2
    config = _config()
    qty = _quantity(quantity, "--quantity", config) if quantity is not None else None
    with _desk() as desk, desk.sessions() as session:
        req = repo.request_by_reference(session, reference)
        # the proposal is checked like a typed quantity: a bare approve cannot do what --quantity may not
        concerns = actions.approval_concerns(session, desk, req, qty) if req is not None else []
        shown = qty if qty is not None else (req.approved if req is not None else None)
        seen = _seen(req)
    why = reason.strip() if reason and reason.strip() else None  # recorded with the decision, forced or not
    if concerns:
        said = f"{reference}: {actions.concerns_text(shown or 0, concerns)}"
        if force:
            pass
        elif asked_yes(f"{said}. Approve anyway?"):
            why = why or plain_text(typer.prompt("Why (recorded)", default="", show_default=False).strip(), "reason")
            if not why:
                raise MailbotError(f"{reference}: not approved: a reason is needed to approve anyway")
        else:
            raise MailbotError(f"{said}; to approve it anyway add --force --reason TEXT")
    accepted = {c.code for c in concerns}

    def approve_it(desk: Desk, session: Session, req: Request) -> object:
        # the concerns again, in the transaction that approves: another command's approval or adjustment since
        # they were shown may take this one into the reserve, which the operator then never agreed to
        now = actions.approval_concerns(session, desk, req, qty)
        if not force and {c.code for c in now} - accepted:
            raise MailbotError(f"{reference}: {actions.concerns_text(shown or 0, now)} (the stock changed while this "
                               "command ran); nothing was approved; to approve it anyway add --force --reason TEXT")
        return actions.approve(session, desk, req, qty, actor=_actor(who), via="cli", reason=why, concerns=now)

    _act(reference, approve_it, seen=seen)


@app.command()
def reject(
    reference: Annotated[str, typer.Argument(metavar="REF", help=REF_HELP, parser=request_reference)],
    reason: Annotated[str, typer.Option(help="Why (sent to the district, in Indonesian).", callback=plain_option)],
    force: Annotated[bool, typer.Option(
        "--force", help="Needed to reject a request already approved (the district is told the approval is "
                        "withdrawn); on a request held for the district's appeal or change, rejects the whole "
                        "request and withdraws the earlier approval too.")] = False,
    who: ByOption = None,
) -> None:
    """Reject a request with a reason (the district is told by email).

    On a request held because the district's appeal or change set its approval aside, it declines the appeal or
    change only and the earlier approval stands (as a manager's TOLAK); --force rejects the whole request (as
    TOLAK PAKSA).

    Example: mailbot reject BLK-2026-0042 --reason "stok provinsi belum tersedia"
    """
    from mailbot.store import repo

    # "-", "...": the district would read "Alasan: -"
    _reason_in_words(reason, 'as the district reads it, e.g. --reason "stok provinsi belum tersedia"')
    with _desk() as desk, desk.sessions() as session:
        req = repo.request_by_reference(session, reference)
        approved = req.approved if req is not None and req.state == "approved" else None
        seen = _seen(req)
    if approved and not force:
        said = (f"{reference} was approved already ({_n(approved)}, the district was told); rejecting it "
                "withdraws that approval")
        if not asked_yes(f"{said}. Reject anyway?"):
            raise MailbotError(f"{said}; to do so add --force")
    _act(reference, lambda desk, s, req: _reject(desk, s, req, reason, force=force, actor=_actor(who)), seen=seen)


def _reject(desk: Desk, session: Session, req: Request, reason: str, *, force: bool, actor: str) -> object:
    """A rejection as a manager's TOLAK: of a request whose approval the district's appeal or change set aside, it
    declines that appeal or change and the earlier approval stands; with *force* (TOLAK PAKSA) it rejects it all."""
    from mailbot import actions

    kept = None if force else actions.set_aside_approval(session, req)
    if kept is not None:
        return actions.decline_change(session, desk, req, kept, reason, actor=actor, via="cli")
    return actions.reject(session, desk, req, reason, actor=actor, via="cli")


@app.command()
def dispatch(
    reference: Annotated[str, typer.Argument(metavar="REF", help=REF_HELP, parser=request_reference)],
    who: ByOption = None,
) -> None:
    """Record that an approved shipment left the province store (the district is told by email).

    Example: mailbot dispatch BLK-2026-0042 --by "Gudang provinsi"
    """
    from mailbot import actions

    _act(reference, lambda desk, s, req: actions.dispatch(s, desk, req, actor=_actor(who), via="cli"))


def _seen(req: Request | None) -> tuple[str, int | None] | None:
    """What a command checked of *req* before it asked or refused: its state and approved (or proposed) quantity."""
    return (req.state, req.approved) if req is not None else None


def _act(reference: str, fn: Callable[..., object], *, seen: tuple[str, int | None] | None = None) -> None:
    """Run *fn* on the request *reference* in one transaction that holds it (mailbot.store.repo.request_by_reference),
    then send what it queued. *seen*: the state and quantity the command checked before (and the operator may have
    confirmed); a request changed since by another command or the service is left as it is, with one line."""
    from mailbot import actions
    from mailbot.app import open_sender
    from mailbot.errors import UnknownRequest
    from mailbot.history import no_request
    from mailbot.outbox import district_fate, district_mail_fates, send_now
    from mailbot.store import repo

    with _desk() as desk:
        sender = open_sender(desk.config)  # an outbox that cannot be written refuses before anything is changed
        with desk.sessions.begin() as session:
            req = repo.request_by_reference(session, reference, lock=True)
            if req is None:
                raise UnknownRequest(no_request(session, reference))
            if seen is not None and _seen(req) != seen:
                raise MailbotError(_changed_meanwhile(req, seen))
            before = repo.last_outbox_id(session)
            outcome = fn(desk, session, req)
            item, request_pk = req.item or "ktp-el", req.id
            writer = (req.sender or "") if actions.unlisted_writer(desk, req) else None
        sent = send_now(desk, sender)  # _mail_sent says it
        # what became of the district's own mail, said as it is: sent, waiting (and until when) or not sent
        fate = district_fate(desk, before, [request_pk], sent)
        office = [a for f in district_mail_fates(desk, before, request_pk) for a in f.recipients
                  if a.lower() != (writer or "").lower()] if writer is not None else []
    fate = getattr(outcome, "untold", None) or fate
    instead = _writer_words(writer, office)
    out.print(f"{reference}: {_done(outcome, item)}; {_mail_sent(sent)}; {fate}{instead}", highlight=False,
              markup=False, soft_wrap=True)


def _writer_words(writer: str | None, office: list[str]) -> str:
    """The clause after a decision on a request an address on none of its district's lists wrote (or no single
    sender did): whom the decision went to, and whether the district's office was sent a notice of its own."""
    if writer is None:
        return ""
    notice = (f"the district's listed address(es) ({', '.join(dict.fromkeys(office))}) were sent a separate notice "
              "of the request made in its name" if office else "the district's office was not written to")
    if not writer:
        return f"; the request names no single sender, so no writer is answered: {notice}"
    return f"; the request's sender ({writer}) is on none of the district's lists: the decision was written to that " \
           f"sender, and {notice}"


def _changed_meanwhile(req: Request, seen: tuple[str, int | None]) -> str:
    """The one line for a request that another command (or the service) changed between this command's check and
    its change: nothing was done, and what it is now."""
    from mailbot.outcomes import state_words

    def described(state_now: str, quantity: int | None) -> str:
        # a request not yet decided holds the policy's proposal in the same column as an approval
        held = "" if state_now in ("approved", "dispatched", "received") else "proposed "
        return state_words(state_now) + (f" ({held}{_n(quantity)} {req.item or 'ktp-el'})" if quantity else "")

    now, was = described(req.state, req.approved), described(*seen)
    return (f"{req.reference} changed while this command ran: it was {was} and is now {now}; nothing was done "
            f"(see `mailbot history {req.reference}`, then give the command again if it still stands)")


# A decision's Indonesian label (as the manager's confirmation says it) in the operator's words.
_DONE_WORDS = {"DISETUJUI": "approved", "DISETUJUI SEBAGIAN": "approved in part", "DITOLAK": "rejected",
               "DITUTUP": "closed", "DIKIRIM": "dispatched"}


def _done(outcome: object, item: str) -> str:
    """What a decision did, with the figure it was taken for ("approved 700 ktp-el"), so that a figure read
    otherwise than meant is seen at once."""
    label = str(getattr(outcome, "label", outcome))
    words = _DONE_WORDS.get(label, label)
    amount = getattr(outcome, "quantity", None)
    if label.startswith("PERMINTAAN PERUBAHAN DITOLAK") and isinstance(amount, int):
        return (f"the district's appeal or change declined; the earlier approval of {_n(amount)} {item} stands "
                "(to reject the whole request and withdraw it: --force)")
    if label.startswith("DITOLAK; persetujuan sebelumnya sebanyak "):  # mailbot.actions.reject, an approval withdrawn
        withdrawn = label.removeprefix("DITOLAK; persetujuan sebelumnya sebanyak ").split(" ", 1)[0]
        return f"rejected; the earlier approval of {withdrawn} {item} is withdrawn"
    if not isinstance(amount, int):
        return words
    part = " (less than asked)" if words == "approved in part" else ""
    # a dispatch's note is for the operator: a receipt that came before it, waiting in the queue
    note = f"; {outcome_note}" if label == "DIKIRIM" and (outcome_note := getattr(outcome, "note", None)) else ""
    return f"{words.removesuffix(' in part')} {_n(amount)} {item}{part}{note}"


@supply_app.command("receive", cls=SignedArguments)
def supply_receive(
    quantity: Annotated[str, typer.Argument(metavar="N", help="Pieces received, e.g. 10.000 or 10 ribu.")],
    item: Annotated[str, typer.Option(metavar="ITEM", help="ktp-el or kia.", callback=known_item)] = "ktp-el",
    note: Annotated[str | None, typer.Option(
        callback=plain_option, help="Delivery note, e.g. the ministry's letter number.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Book it even though the same quantity with the same note was booked within a day.")] = False,
    yes: YesOption = False,
    who: ByOption = None,
) -> None:
    """Record blanks delivered to the province store by the ministry.

    Example: mailbot supply receive 10.000 --note "470/123/Dukcapil"
    """
    from mailbot import actions

    if note is not None and not any(char.isalnum() for char in note):
        # "--note ''", "--note -": a note that names nothing (the note tells two deliveries apart); a usage error,
        # as an empty --reason of adjust or reject is
        raise UsageError(f"--note: {_one_line(note)[:40]!r} names no delivery; give the letter it came with, e.g. "
                         '--note "470/123/Dukcapil", or leave --note out')
    config = _config()
    quantity = typed_minus(quantity)
    if quantity.strip().startswith(("-", "\u2212")) and _is_negative(quantity):
        taken = "-" + quantity.strip().lstrip("-\u2212 ")  # the command as it can be copied: a plain minus, the item
        raise UsageError(f"supply receive: {quantity} is below zero; to take blanks out of the store use "
                           f"`mailbot adjust province {taken} --item {item} --reason TEXT`")
    qty = _quantity(quantity, "supply receive", config)
    large_movement_confirmed("supply receive", PROVINCE, item, qty, yes=yes)
    with _desk() as desk:
        with desk.sessions.begin() as session:
            actions.receive_supply(session, desk, item=item, quantity=qty, note=note or "", actor=_actor(who),
                                   force=force)
    out.print(f"recorded: {_n(qty)} {item} received into the province store (booked by mistake? "
              f"`mailbot adjust province -{_n(qty)} --item {item} --reason TEXT` takes it out again)")


@app.command(cls=SignedArguments)
def adjust(
    location: Annotated[str, typer.Argument(
        metavar="LOCATION", help="'province' (or 'provinsi'), or a district's code or name, e.g. 65.01.",
        parser=stock_location)],
    delta: Annotated[str, typer.Argument(metavar="CHANGE", help="Signed change in pieces, e.g. -20 or 150.")],
    reason: Annotated[str, typer.Option(help="Why (count, damage, loss).", callback=plain_option)],
    item: Annotated[str, typer.Option(metavar="ITEM", help="ktp-el or kia.", callback=known_item)] = "ktp-el",
    yes: YesOption = False,
    who: ByOption = None,
) -> None:
    """Correct a stock balance, with the reason recorded.

    Example: mailbot adjust province -20 --reason "20 keping rusak" (or: adjust 65.01 150 --reason "hitung ulang")
    """
    from mailbot import actions
    from mailbot.corrections import district_code, unknown_district

    config = _config()
    if location != "province":
        districts = {d.code: d.name for d in config.districts}
        code = district_code(location, districts)
        if code is None:  # typed input the command cannot take: a usage error (exit 2), as a bad figure is
            raise UsageError(f"adjust: {unknown_district(location, districts)}; or 'province' for the province "
                             "store")
        location = code
    if not reason.strip():  # a usage error, like --reason left out (exit 2)
        raise UsageError("an adjustment needs a reason: --reason TEXT (it is empty)")
    change = _quantity(delta, "adjust", config, signed=True)
    large_movement_confirmed("adjust", location, item, change, yes=yes)
    with _desk() as desk:
        with desk.sessions.begin() as session:
            actions.adjust(session, desk, location=location, item=item, delta=change, reason=reason,
                           actor=_actor(who))
    out.print(f"recorded: {'+' if change > 0 else '-'}{_n(abs(change))} {item} at {location} ({reason})")


_quantity = quantity

def _reason_in_words(reason: str, example: str) -> None:
    """Refuse a --reason with no word in it ("", "-", "..."), a usage error (exit 2) naming *example*."""
    if not any(char.isalnum() for char in reason):
        raise UsageError(f"--reason: {_one_line(reason)[:40]!r} gives no reason; write why in words, {example}")


def _is_negative(text: str) -> bool:
    """A quantity below zero ("-500"); "-0" or junk is left to the quantity reader's own message."""
    from mailbot.errors import QuantityError
    from mailbot.quantities import parse_quantity

    try:
        return parse_quantity(text, signed=True) < 0
    except QuantityError:
        return False


def _n(value: int | None) -> str:
    from mailbot.indonesian import number

    return number(value)


@app.command()
def digest(
    print_: Annotated[bool, typer.Option("--print", help="Write the digest to the terminal or --output.")] = False,
    send: Annotated[bool, typer.Option("--send", help="Send it to the managers now.")] = False,
    output: Annotated[
        Path | None, typer.Option(help="With --print: write the HTML here, a new file (text to the terminal).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
) -> None:
    """The managers' digest: stock per district at a glance, requests, what waits, provincial runway.

    Example: mailbot digest --print
    """
    from mailbot import watch
    from mailbot.app import open_sender
    from mailbot.outbox import recipients_fate, send_now

    if not (print_ or send):
        raise typer.BadParameter("say --print (show it) or --send (mail it to the managers), or both")
    if output is not None:
        from mailbot.targets import os_words, output_file

        output_file(output, _config(), _config_path(), option="--output", force=force)
    with _desk(read_only=not send) as desk:
        if print_:
            subject, text, html = watch.build_digest(desk)
            if output:
                try:
                    output.write_text(html, encoding="utf-8")
                except OSError as exc:  # a read-only or full disk, /proc ...: said in one line
                    what = os_words(exc)
                    raise MailbotError(f"--output {output}: cannot write the HTML digest there: {what}; "
                                       "give a file in a folder that exists") from None
                out.print(f"HTML digest written to {output}")
            sys.stdout.write(f"Subjek: {subject}\n\n{text}")
        if send:
            sender = open_sender(desk.config)
            result = watch.send_digest(desk, sender, force=True, send=send_now)
            fate, refused = recipients_fate(desk, watch.latest_digest_id(desk), result)
            out.print(f"digest queued; {_mail_sent(result)}" + (f"; the digest: {fate}" if fate else ""),
                      highlight=False, markup=False, soft_wrap=True)
            if refused:
                sys.stderr.write(f"mailbot: {_one_line(refused)}\n")
            if result.misconfigured:
                raise typer.Exit(2)  # as `run --once`: the configuration's to fix, and a cron job sees it


@outbox_app.command("list")
def outbox_list(
    limit: Annotated[int, typer.Option(metavar="N", help="How many, newest first, e.g. 100 or 1.000.",
                                       parser=row_limit)] = 30,
) -> None:
    """Recent outgoing mail and its delivery state.

    Example: mailbot outbox list --limit 20
    """
    from mailbot.views import outbox_rows

    # whole subjects into a file or a pipe; in a terminal cut to fit, with "..." where it shows ASCII only
    with _desk(read_only=True) as desk:
        rows = outbox_rows(desk, limit, whole=not sys.stdout.isatty(),
                           ellipsis="..." if os.environ.get("TERM") == "dumb" else "…")
    print_table(out, table_of(("id", "category", "to", "subject", "status", "when", "attempts", "error"),
                              rows, title="Outbox"))


@outbox_app.command("retry", cls=SignedArguments)
def outbox_retry(
    outbox_id: Annotated[int, typer.Argument(metavar="ID", help="Outbox id (see `mailbot outbox list`).",
                                             parser=outbox_id)],
) -> None:
    """Queue a failed message again (same Message-ID).

    Example: mailbot outbox retry 17
    """
    from mailbot.outbox import retry
    from mailbot.store.schema import OutboxMessage

    with _desk() as desk:
        with desk.sessions() as session:
            row = session.get(OutboxMessage, outbox_id)
            waiting = row is not None and row.status == "queued"
            due = waiting and row is not None and row.next_attempt_at <= desk.now()
        if due:  # nothing to do: it goes with the next sending (was "queued again" as often as typed)
            raise MailbotError(f"message {outbox_id} is queued already and due: it is sent with the next sending "
                               "(`mailbot run`); nothing was changed")
        withdrawn = retry(desk, outbox_id, actor=_actor(None))
        if withdrawn is None:
            raise MailbotError(f"no failed message with id {outbox_id}")
    if waiting:
        out.print(f"message {outbox_id} was waiting for its next try; it is due now")
        return
    out.print(f"message {outbox_id} queued again" + (
        f"; the notice that it failed, still waiting (outbox {', '.join(map(str, withdrawn))}), is withdrawn, not sent"
        if withdrawn else ""))


@quarantine_app.callback(invoke_without_command=True)
def quarantine(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(metavar="N", help="How many, newest first, e.g. 100 or 1.000.",
                                       parser=row_limit)] = 30,
) -> None:
    """Messages that could not be processed, with their errors (`replay` or `dismiss` them).

    Example: mailbot quarantine
    """
    from mailbot.views import quarantine_rows

    if ctx.invoked_subcommand is not None:
        return
    # whole subjects into a file or a pipe; in a terminal cut to fit, with "..." where it shows ASCII only
    with _desk(read_only=True) as desk:
        rows = quarantine_rows(desk, limit, whole=not sys.stdout.isatty(),
                               ellipsis="..." if os.environ.get("TERM") == "dumb" else "…")
    if not rows:
        out.print("nothing in quarantine")
        return
    print_table(out, table_of(("id", "received", "sender", "subject", "error"), rows, title="Quarantine"))


@quarantine_app.command("dismiss", cls=SignedArguments)
def quarantine_dismiss(
    message: Annotated[int, typer.Argument(metavar="MESSAGE",
                                           help="Stored message id (see `mailbot quarantine`).", parser=stored_id)],
    reason: Annotated[str, typer.Option(help="Why it needs no processing (recorded).", callback=plain_option)],
    who: ByOption = None,
) -> None:
    """Take a message off the quarantine list for good, with the reason (it stays in the archive).

    Example: mailbot quarantine dismiss 12 --reason "email promosi"
    """
    from mailbot.quarantine import dismiss

    _reason_in_words(reason, 'e.g. --reason "email promosi"')
    with _desk() as desk:
        dismiss(desk, message, reason, actor=_actor(who))
    out.print(f"message {message} dismissed ({reason})")


# "replay -1": an id refused in one line
@app.command(cls=SignedArguments)
def replay(
    message: Annotated[int, typer.Argument(metavar="MESSAGE",
                                           help="Stored message id (see `mailbot quarantine`).", parser=stored_id)],
) -> None:
    """Process a quarantined message again from its stored bytes (after a fix).

    Example: mailbot replay 12
    """
    from mailbot.app import open_sender
    from mailbot.indonesian import zoned
    from mailbot.outbox import district_fate, send_now
    from mailbot.rereading import replay as do_replay
    from mailbot.store import repo

    with _desk() as desk:
        sender = open_sender(desk.config)  # an outbox that cannot be written refuses before anything is changed
        with desk.sessions() as session:
            before = repo.last_outbox_id(session)
        replayed = do_replay(desk, message)
        sent = send_now(desk, sender)  # _mail_sent says it
        # what became of the district's mail, said as approve and dispatch say it
        fate = district_fate(desk, before, replayed.requests, sent) if replayed.requests else None
    outcome = replayed.outcome
    if outcome.startswith("quarantined"):  # the fix did not help (yet): a failure, for a script too
        sys.stderr.write(f"mailbot: message {message}: quarantined again{outcome.removeprefix('quarantined')}; "
                         f"{_mail_sent(sent)}\n")
        raise typer.Exit(1)
    withdrawn = (f"; the earlier reply asking the district to send it again (outbox {replayed.withdrawn}) is "
                 "withdrawn, not sent" if replayed.withdrawn is not None else "")
    if replayed.asked_again is not None:
        gone, when = replayed.asked_again
        withdrawn += (f"; the district was already asked to send it again (outbox {gone}, sent "
                      f"{zoned(when, desk.tz)}): if it does, that mail is linked to this "
                      "one for a person to review, never counted twice")
    out.print(f"message {message}: {outcome_words(outcome)}; {_mail_sent(sent)}" + (f"; {fate}" if fate else "")
              + withdrawn, highlight=False, markup=False, soft_wrap=True)


_mail_sent = mail_sent


# mailbot keeps no mail from before this day: an earlier --since means "from the start" (and a date near
# year 1 cannot even be moved to UTC).
FIRST_DAY = date(1970, 1, 2)


def _parse_date(value: str, option: str) -> date:
    """A day typed as YYYY-MM-DD (what the option's help promises), spaces around it left out."""
    import re

    typed = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", typed):
        raise UsageError(f"{option}: expected a date as YYYY-MM-DD, e.g. 2026-12-01, got {value!r}")
    try:
        day = datetime.strptime(typed, "%Y-%m-%d").date()
    except ValueError:
        raise UsageError(f"{option}: {typed} is no day of the calendar; check the month and the day") from None
    return max(day, FIRST_DAY)


def _named_in_file(problem: str) -> str:
    """*problem*, a setting refused, after the configuration file's name, as check-config says it
    ("/etc/mailbot/config.toml: database.url: ...")."""
    try:
        return f"{_config_path()}: {problem}"
    except (OSError, ValueError):
        return problem


def main() -> None:
    """Entry point: every error mailbot expects is one line on stderr; configuration and usage errors exit 2."""
    try:
        code = app(prog_name="mailbot", standalone_mode=False)
    except ConfigError as exc:
        said = _named_in_file(str(exc)) if isinstance(exc, SettingRefused) else str(exc)
        sys.stderr.write(f"mailbot: configuration error: {_one_line(said)}\n")
        sys.exit(2)
    except UsageError as exc:
        sys.stderr.write(f"mailbot: {_one_line(str(exc))}\n")
        sys.exit(2)
    except DatabaseAway as exc:  # temporary (exit 1), but a setting's all the same: said after the file's name
        sys.stderr.write(f"mailbot: temporary failure: {_one_line(_named_in_file(f'database.url: {exc}'))}\n")
        sys.exit(1)
    except MailbotError as exc:
        sys.stderr.write(f"mailbot: {_one_line(str(exc))}\n")
        sys.exit(1)
    except (KeyboardInterrupt, Stopped) as exc:
        sys.exit(_say_stopped(signal.SIGINT, None) if isinstance(exc, KeyboardInterrupt)
                 else _say_stopped(exc.signum, exc.said))
    except Exception as exc:
        from mailbot.store.db import database_locked, database_unreachable, locked_message, storage_error

        if type(exc).__name__ == "Abort" and isinstance(exc.__context__, KeyboardInterrupt):
            sys.exit(_say_stopped(signal.SIGINT))  # Ctrl-C during a command (click turns it into Abort)
        if _command_line_error(exc):
            sys.exit(_say_command_line_error(exc))
        if storage_error(exc):
            sys.stderr.write(f"mailbot: {_storage_words(exc)}\n")
            sys.exit(1)
        if unreachable := database_unreachable(exc):
            sys.stderr.write(f"mailbot: {_one_line(unreachable)}\n")
            sys.exit(1)
        if not database_locked(exc):
            raise
        sys.stderr.write(f"mailbot: {locked_message()}\n")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _storage_words(exc: BaseException) -> str:
    """A write the disk refused, in one line: which disk, and that it is full or read-only (never a
    damaged database, which a full disk is not)."""
    from mailbot.store.db import storage_problem
    from mailbot.store.urls import sqlite_file

    places: list[Path] = []
    for current in (exc, exc.__cause__, exc.__context__):
        if isinstance(current, OSError) and current.filename:
            places.append(Path(str(current.filename)))
    try:
        if (database := sqlite_file(_config().database.url)) is not None:
            places.append(database)
    except Exception:  # noqa: BLE001 - the configuration was read before, or the error is said without it
        pass
    for place in places:
        problem = storage_problem(place, full=16 * 1024 * 1024)
        if problem:
            return problem
    cause = getattr(exc, "orig", None) or exc
    return (f"a write was refused: {_one_line(str(cause))}; check that the disk holding the database has free "
            "space and is writable")


def _say_stopped(signum: int, said: str | None = None) -> int:
    """A command stopped by a signal says in one line what was kept; the exit status a shell shows for it. An
    import stopped before it began its work (while Python and mailbot start) says the import's own line."""
    if said is None and _command_named(sys.argv[1:]) == "import":
        said = _NOTHING_IMPORTED
    sys.stderr.write(f"mailbot: stopped by {signal.Signals(signum).name}: " + (said or (
        "what the command had recorded is kept (nothing half-done); mail not yet sent stays in the outbox and goes "
        "out with the next `mailbot run` (or `mailbot run --once`)")) + "\n")
    return 128 + signum


def _command_named(args: list[str]) -> str | None:
    """The command of the command line *args* (its first word that is neither an option nor an option's value)."""
    takes_value = {"--config", "-c"}
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in takes_value:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _command_line_error(exc: BaseException) -> bool:
    """Whether *exc* is the command line parser's (click's, inside typer): a usage error, an abort."""
    return any(cls.__name__ in ("ClickException", "Abort") for cls in type(exc).__mro__)


def _say_command_line_error(exc: Exception) -> int:
    """Tell a command line error in one line (a missing command or argument shows the help, as usual);
    the exit status."""
    name = type(exc).__name__
    if name == "NoArgsIsHelpError":  # `mailbot` or `mailbot queue` alone: the help
        exc.show()  # type: ignore[attr-defined]
        return 2
    if name == "Abort":  # the end of input at a prompt
        sys.stderr.write("mailbot: aborted; nothing was changed\n")
        return 1
    message = _suggested(exc, _one_line(exc.format_message()).rstrip("."))  # type: ignore[attr-defined]
    message += _quantity_in_words_hint(message)
    ctx = getattr(exc, "ctx", None)
    if (placed := _global_option_after_command(message, ctx)) is not None:
        sys.stderr.write(f"{ctx.command_path if ctx is not None else 'mailbot'}: {placed}\n")
        return 2
    if (named := _file_named_with_a_dash(message, ctx)) is not None:
        sys.stderr.write(f"{ctx.command_path if ctx is not None else 'mailbot'}: {named}\n")
        return 2
    message += (_help_or_version_hint(message, ctx) + _single_dash_hint(message, ctx)
                + _after_dashes_hint(message, ctx))
    if ctx is None:
        sys.stderr.write(f"mailbot: {message}\n")
    else:
        path = ctx.command_path
        sys.stderr.write(f"{path}: {message} ({_one_line(ctx.get_usage())}; more: {path} --help)\n")
    return int(getattr(exc, "exit_code", 2))


def _suggested(exc: Exception, message: str) -> str:
    """The parser's message with its suggestion in mailbot's one wording (mailbot.suggest): click's "Possible
    options: --item" and typer's "No such command 'statsu'. Did you mean 'status'?" alike."""
    import re

    from mailbot.suggest import suggestion

    possibilities = getattr(exc, "possibilities", None)
    if type(exc).__name__ == "NoSuchOption" and possibilities:  # click's, nearest first
        return f"No such option: {getattr(exc, 'option_name', '')}" + suggestion(possibilities[0])
    named = re.fullmatch(r"(No such command '(.*?)')\.?(?: Did you mean '.+?'\??)?", message)
    if named and (meant := OTHER_NAMES.get(named[2].lower())):
        # a command by another name ("explain"): the one that does it, not the nearest spelling ("replay")
        return named[1] + suggestion(meant)
    command = re.fullmatch(r"(No such command '.*?')\.? Did you mean '(.+?)'\??", message)
    if command:  # click lists the near commands nearest first: "Did you mean 'approve', 'resolve'?"
        return command[1] + suggestion(" or ".join(command[2].split("', '")))
    unknown = re.fullmatch(r"No such command '(.*?)'\.?", message)
    if unknown and (meant := INDONESIAN_COMMANDS.get(unknown[1].lower())):
        return f"No such command '{unknown[1]}'" + suggestion(meant)
    return message


# A command typed by another English name: the command that does it. Click's nearest spelling of "explain" is
# "replay", which processes a message again; a request's decisions and their reasons are told by `history`.
OTHER_NAMES = {"explain": "history", "why": "history", "trace": "history", "log": "history", "audit": "history"}


# A command typed in Indonesian, as managers write their answers by email ("SETUJU", "TOLAK"): the command meant.
INDONESIAN_COMMANDS = {
    "setuju": "approve", "setujui": "approve", "persetujuan": "approve",
    "tolak": "reject", "tolakan": "reject", "penolakan": "reject",
    "kirim": "dispatch", "kirimkan": "dispatch", "pengiriman": "dispatch",
    "sesuaikan": "adjust", "penyesuaian": "adjust",
    "ringkasan": "digest", "rekap": "digest",
    "stok": "status", "persediaan": "status",
    "permohonan": "requests", "permintaan": "requests",
    "riwayat": "history", "sejarah": "history",
    "karantina": "quarantine", "antrean": "queue", "antrian": "queue",
    "terima": "supply receive", "penerimaan": "supply receive", "pasokan": "supply",
    "jalankan": "run", "mulai": "run", "impor": "import", "cadangan": "backup", "cadangkan": "backup",
    "periksa": "check-config", "cek": "check-config",
}


def _quantity_in_words_hint(message: str) -> str:
    """For `supply receive 10 ribu` typed without quotes (the shell makes "ribu" an argument of its own): how
    to write it; for `supply receive 1.500 / 1.300`: the two figures named, as parse_quantity names them quoted."""
    import re

    from mailbot.errors import QuantityError
    from mailbot.quantities import MULTIPLIERS, UNITS, parse_quantity

    extra = re.search(r"unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    words = extra[1].split() if extra else []
    # the number typed before the words, as typed ("-2 ribu"), where it can be found
    args = sys.argv[1:]
    at = next((i for i, arg in enumerate(args) if words and arg == words[0] and i > 0), None)
    typed = args[at - 1] if at is not None and re.fullmatch(r"[-\u2212+]?[0-9][0-9.,]*", args[at - 1]) else None
    if typed is not None:
        # "1.500 / 1.300", "2.000, 1.300", "3 ribu, 2 ribu" typed without quotes: two figures for one (or one figure
        # read two ways, "2 rb 5"), said as such
        try:
            parse_quantity(" ".join([typed, *words]))
        except QuantityError as exc:
            if exc.code == "ambiguous":
                return f"; {exc}"
    if words and words[0].lower() in (*MULTIPLIERS, *UNITS):
        return f'; a quantity with words is one argument: put it in quotes, e.g. "{typed or "10"} {" ".join(words)}"'
    return ""


def _help_or_version_hint(message: str, ctx: typer.Context | None) -> str:
    """`mailbot help`, `mailbot queue help`, `mailbot version`: the option that does it."""
    if message == "No such command 'help'":
        return f"; for help write {ctx.command_path if ctx is not None else 'mailbot'} --help"
    if message == "No such command 'version'":
        return "; for the version write mailbot --version"
    return ""


def _global_option_after_command(message: str, ctx: typer.Context | None) -> str | None:
    """`mailbot status -c config.toml`, `mailbot requests -v`: an option of mailbot itself typed after the command,
    which the command does not know; the line saying where it goes, with the command line rewritten that way."""
    import re
    import shlex

    typed = re.match(r"No such option: (-[\w-]+)", message)
    if typed is None or ctx is None or ctx.parent is None:
        return None
    root = ctx.find_root()
    option = next((p for p in root.command.get_params(root) if typed[1] in p.opts), None)
    if option is None:
        return None
    args = sys.argv[1:]
    # the last time it is typed: once before the command it is mailbot's (and may be given there too)
    at = next((i for i in reversed(range(len(args))) if args[i] == typed[1] or args[i].startswith(typed[1] + "=")),
              None)
    if at is None:
        return None
    takes_value = isinstance(option, typer.core.TyperOption) and not option.is_flag and "=" not in args[at]
    moved = args[at:at + 2] if takes_value else args[at:at + 1]
    rest = args[:at] + args[at + len(moved):]
    names = "/".join(option.opts)
    if option.name != "version" and root.params.get(option.name or "") not in (None, False):
        return (f"{typed[1]} is an option of mailbot itself, given before the command already ({names}); "
                f"give it once, before the command: {shlex.join(['mailbot', *rest])}")
    example = "mailbot --version" if option.name == "version" else shlex.join(["mailbot", *moved, *rest])
    return (f"{typed[1]} is an option of mailbot itself, not of the command: write {names} before the command, "
            f"e.g. {example}")


def _file_named_with_a_dash(message: str, ctx: typer.Context | None) -> str | None:
    """`backup -.db`, `import -x.eml`: a file whose name begins with "-" read as an option ("No such option: -"); the
    line saying so, with the way to name it (./-.db). None for another error, or an option mistyped ("-x")."""
    import re

    typed = re.match(r"No such option: (-\S*)", message)
    if typed is None or ctx is None or not any(
            p.param_type_name == "argument" and p.metavar in ("FILE", "FILE...") for p in ctx.command.params):
        return None
    known = {o for p in ctx.command.get_params(ctx) for o in (*p.opts, *p.secondary_opts)}
    args = sys.argv[1:]
    name = next((a for a in args if a.startswith(typed[1]) and a.split("=", 1)[0] not in known
                 and ("." in a or "/" in a or a.strip() == "-")), None)
    if name is None:
        return None
    if name.strip() == "-":
        return f'{name!r} is "-" with a space, which is read as an option and names no file; give the name of a file'
    return (f"{name!r} begins with \"-\", so it is read as an option; to name a file that begins with \"-\", write "
            f"it with its folder, e.g. {'./' + name!r}")


def _single_dash_hint(message: str, ctx: typer.Context | None) -> str:
    """`run -once`: the parser reads "-o" as a short option; the long option meant ("--once"), when there is one."""
    import re

    from mailbot.suggest import did_you_mean, suggestion

    short = re.fullmatch(r"No such option: (-[^-\s])", message)
    if short is None or ctx is None:
        return ""
    known = sorted(o for p in ctx.command.get_params(ctx) for o in (*p.opts, *p.secondary_opts) if o.startswith("--"))
    if short[1] == "-h":
        return suggestion("--help")
    if len(starting := [o for o in known if o.startswith("-" + short[1])]) == 1 and short[1] in sys.argv[1:]:
        return suggestion(starting[0])  # "-n x" for --note: the one long option with that letter
    for token in sys.argv[1:]:
        word = token.split("=", 1)[0]
        if word.startswith(short[1]) and len(word) > 2 and (close := did_you_mean("-" + word, known)):
            return close
    return ""


def _after_dashes_hint(message: str, ctx: typer.Context | None = None) -> str:
    """`adjust 65.04 -- -5 --reason x`, `supply receive -- -500 --item ktp-el`: after "--" every word is an argument,
    the options too (a required one then missing, the others extra arguments); the way to write the options with it
    (before the "--")."""
    import re

    args = sys.argv[1:]
    if "--" not in args:
        return ""
    after = args[args.index("--") + 1:]
    params = ctx.command.get_params(ctx) if ctx is not None else []
    known = {o for p in params for o in (*p.opts, *p.secondary_opts)}
    flags = {o for p in params if getattr(p, "is_flag", False) for o in (*p.opts, *p.secondary_opts)}
    if (missing := re.fullmatch(r"Missing option '(--[\w-]+)'.*", message)) is not None:
        typed = [missing[1]] if any(a == missing[1] or a.startswith(missing[1] + "=") for a in after) else []
    elif re.match(r"Got unexpected extra argument", message):
        typed = [name for a in after if (name := a.split("=", 1)[0]) in known]
    else:
        typed = []
    if not typed:
        return ""
    names = list(dict.fromkeys(typed))
    said = names[0] + " was" if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]} were"
    return (f'; {said} typed after "--", where every word is read as an argument: write the options before it, '
            f"e.g. {' '.join(_example_with_options_first(args, flags))}")


def _example_with_options_first(args: list[str], flags: Collection[str] = ()) -> list[str]:
    """The typed words with the options after "--" moved before it (an option's value with it, none with one of
    *flags*, "--force"); a word that only begins with "--", as "--500" does, stays an argument (no option's name
    begins with a figure)."""
    import re

    cut = args.index("--")
    before, after = args[:cut], args[cut + 1:]
    options: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(after):
        word = after[i]
        if re.match(r"--[a-zA-Z]", word):
            options.append(word)
            if "=" not in word and word not in flags and i + 1 < len(after):
                options.append(after[i + 1])
                i += 1
        else:
            rest.append(word)
        i += 1
    quoted = [f'"{w}"' if " " in w or not w else w for w in [*before, *options, "--", *rest]]
    return ["mailbot", *quoted]


def _one_line(text: str) -> str:
    return " ".join(text.split())


from mailbot import cli_people  # noqa: E402,F401  registers queue, resolve, correct, labels, history
