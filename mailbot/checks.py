"""What `mailbot check-config` checks: offline (schedules, database, secrets, key combinations) and, on
request, against the real servers (IMAP login and folders, the database, SMTP capabilities).

Each problem is one line naming the key and saying what to do. `mailbot run` makes the offline
checks before it starts.
"""

from __future__ import annotations

import imaplib
import os
import re
import smtplib
import ssl
import unicodedata
from collections.abc import Collection
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url

from mailbot.config import (
    Config,
    ImapInbox,
    MaildirInbox,
    MaildirOutbox,
    MailServer,
    SmtpOutbox,
    folder_separator_problem,
)

if TYPE_CHECKING:
    from apscheduler.triggers.base import BaseTrigger
    from imapclient import IMAPClient

from mailbot.errors import SlowGreeting
from mailbot.store.db import (
    LOW_BYTES,
    database_problem,
    disk_size,
    free_bytes,
    has_read_mail,
    nearby_desks,
    refuses_new_files,
    storage_problem,
)
from mailbot.store.urls import sqlite_file
from mailbot.transports.probe import SILENCE_SECONDS, answered, could_be, passes, unreachable_words, wrong_port


def _loopback(host: str) -> bool:
    """The host is this machine: localhost, or a loopback address (127.0.0.0/8, ::1, also written [::1])."""
    import ipaddress

    name = host.strip().removeprefix("[").removesuffix("]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


# Cron's days of the week count from Sunday (0); APScheduler 3's own numbers count from Monday (0), and its
# from_crontab passes the numbers through unchanged, so "1-5" would run Tuesday to Saturday. Day names mean the
# same to both: the numbers are written as names before APScheduler reads them.
_CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def _named_weekdays(field: str) -> str:
    """Cron's day-of-week field with its numbers as day names ("1-5" -> "mon,tue,wed,thu,fri", "*/2" ->
    "sun,tue,thu,sat"); names, "*" and what is no plain number range are left as written."""
    named = []
    for token in field.split(","):
        found = re.fullmatch(r"(\*|(\d)(?:-(\d))?)(?:/(\d+))?", token)
        if found is None or (found[4] is not None and int(found[4]) == 0) or (found[1] == "*" and not found[4]):
            named.append(token)
            continue
        first, last = (0, 6) if found[1] == "*" else (int(found[2]), int(found[3] or (6 if found[4] else found[2])))
        if not (0 <= first <= last <= 6):
            named.append(token)  # out of range or backwards: APScheduler's own complaint says so
            continue
        named.extend(_CRON_DAYS[day] for day in range(first, last + 1, int(found[4] or 1)))
    return ",".join(named)


def cron_trigger(expression: str, tz: tzinfo) -> BaseTrigger:
    """The APScheduler trigger of a five-field cron *expression* as cron reads it (0 or sun is Sunday), in *tz*;
    ValueError when it is none. As in crontab, when both the day of the month and the day of the week are
    restricted (neither starts with "*"), a day matching either runs ("0 7 1 * 6": the 1st and every Saturday);
    APScheduler alone would require both."""
    from apscheduler.triggers.combining import OrTrigger
    from apscheduler.triggers.cron import CronTrigger

    fields = expression.split()
    if len(fields) == 5:
        fields[4] = _named_weekdays(fields[4])
        if not fields[2].startswith("*") and not fields[4].startswith("*"):
            by_date = CronTrigger.from_crontab(" ".join([*fields[:4], "*"]), timezone=tz)
            by_weekday = CronTrigger.from_crontab(" ".join([*fields[:2], "*", *fields[3:]]), timezone=tz)
            return OrTrigger([by_date, by_weekday])
    return CronTrigger.from_crontab(" ".join(fields), timezone=tz)


def cron_problem(expression: str) -> str | None:
    """Why *expression* is not a five-field cron schedule, or None."""
    from datetime import UTC

    fields = expression.split()
    if len(fields) != 5:
        return _fields_problem(fields)
    if re.search(r"(?<![0-9])7(?![0-9])", fields[4]):
        return "the day of the week counts 0 (Sunday) to 6 (Saturday): write 0 for Sunday, not 7"
    try:
        trigger = cron_trigger(expression, UTC)
    except ValueError as exc:
        return _plain_cron(str(exc))
    if trigger.get_next_fire_time(None, datetime.now(UTC)) is None:
        return "it names a day that never comes"
    return None


_FIVE_FIELDS = "five fields: minute, hour, day of the month, month, day of the week"


def _fields_problem(fields: list[str]) -> str:
    """Why a schedule of other than five fields is none, with the schedule to write when what was meant can be
    seen: a time of day ("07:00" -> "0 7 * * 1-5"), a crontab shortcut ("@reboot", "@daily") mailbot does not
    take. In the project's words (APScheduler says "Wrong number of fields; got 1, expected 5")."""
    if len(fields) == 1 and (time := re.fullmatch(r"([01]?[0-9]|2[0-3])[:.]([0-5][0-9])", fields[0])):
        hour, minute = int(time[1]), int(time[2])
        return (f'a time of day alone is no schedule: for {hour:02d}:{minute:02d} on Monday to Friday write '
                f'"{minute} {hour} * * 1-5" ({_FIVE_FIELDS.removeprefix("five fields: ")})')
    if len(fields) == 1 and fields[0].startswith("@"):
        return (f"{fields[0]} is a crontab shortcut, which mailbot does not take; write {_FIVE_FIELDS}, "
                'e.g. "0 7 * * 1-5" for 07:00 on Monday to Friday')
    count = "no field" if not fields else "1 field" if len(fields) == 1 else f"{len(fields)} fields"
    return f'it has {count}; write {_FIVE_FIELDS}, e.g. "0 7 * * 1-5" for 07:00 on Monday to Friday'


def _plain_cron(text: str) -> str:
    """The scheduling library's complaint in plain words: "Error validating expression '61': the last value
    (61) is higher than the maximum value (59)" becomes "61 is above 59"."""
    text = " ".join(text.split())
    if found := re.search(r"expression '([^']*)': the (?:first|last) value \((\d+)\) is higher than the maximum "
                          r"value \((\d+)\)", text):
        return f"{found[1]} goes above {found[3]}, the largest value of its field"
    if found := re.search(r"expression '([^']*)': the (?:first|last) value \((\d+)\) is lower than the minimum "
                          r"value \((\d+)\)", text):
        return f"{found[1]} goes below {found[3]}, the smallest value of its field"
    if found := re.search(r"Unrecognized expression \"([^\"]*)\" for field \"([^\"]*)\"", text):
        return f"{found[1]!r} is not a value for the {found[2].replace('_', ' ')} field"
    return text


def credential_problem(value: str, protocol: str, what: str = "password") -> str | None:
    """Why a login name or password cannot go to the server as it is, said without the value: a control
    character (a CR LF ends IMAP's LOGIN command early and sends the rest as a command of its own), or, for
    SMTP, a character outside ASCII, which Python's SMTP AUTH sends as ASCII only (IMAP sends such a login with
    AUTHENTICATE PLAIN: mailbot.transports.imap.log_in)."""
    if any(char in "\r\n" for char in value):
        return (f"holds a line break, which would split the {protocol} login command; write the {what} alone, "
                "on one line")
    # A tab is an ordinary character of a password: IMAP sends it in a quoted string or in AUTHENTICATE PLAIN, SMTP
    # in base64 (the IMAP login name goes unquoted, so a tab there stays refused).
    allowed = "\t" if what == "password" else ""
    if (char := next((c for c in value if unicodedata.category(c) == "Cc" and c not in allowed), None)) is not None:
        return (f"holds the control character U+{ord(char):04X}, which would garble the {protocol} login command; "
                f"remove it (a paste or an editor may have put it there)")
    if not value.isascii() and protocol == "SMTP":
        return (f"holds a character outside ASCII (such as ä, § or €), which the {protocol} login cannot send; "
                "change it on the mail server to letters, digits and ASCII signs")
    return None


def schedule_problems(config: Config) -> list[str]:
    """The schedules of *config* that are no cron line, one line each (also refused by `mailbot migrate`, which
    makes no database for a file that cannot run)."""
    problems: list[str] = []
    for key, expression in (("alerts.check_cron", config.alerts.check_cron), ("digest.cron", config.digest.cron)):
        problem = cron_problem(expression)
        if problem:
            # a problem of the number of fields says already what to write
            advice = "" if len(expression.split()) != 5 else ('; write five fields, e.g. "0 7 * * 1-5" for 07:00 on '
                                                               "working days")
            problems.append(f'{key}: "{expression}" is not a cron schedule ({problem}){advice}')
    return problems


def offline_problems(config: Config) -> list[str]:
    """Everything wrong with *config* that can be seen without a network: one line each."""
    problems = schedule_problems(config)
    database_at = len(problems)  # said in the order of the file, though checked after the Maildirs
    for key, env in (("inbox.password_env", getattr(config.inbox, "password_env", None)),
                     ("outbox.password_env", getattr(config.outbox, "password_env", None))):
        if env and not os.environ.get(env, "").strip():
            problems.append(f"{key}: the environment variable {env} is not set (or holds only spaces); "
                            f"export {env}=... before starting mailbot (for systemd: an EnvironmentFile)")
        elif env and (problem := credential_problem(os.environ[env], "IMAP" if key.startswith("in") else "SMTP")):
            problems.append(f"{key}: the password in {env} {problem}")
    for key, box in (("inbox.username", config.inbox), ("outbox.username", config.outbox)):
        name = getattr(box, "username", None)
        if name and (problem := credential_problem(name, "IMAP" if key.startswith("in") else "SMTP", "name")):
            problems.append(f"{key}: {name!r} {problem}")
    outbox = config.outbox
    if isinstance(outbox, SmtpOutbox):
        if outbox.username and not outbox.password_env:
            problems.append("outbox: username is set but password_env is not; name the variable holding "
                            "the SMTP password, or remove username")
        if outbox.password_env and not outbox.username:
            problems.append("outbox: password_env is set but username is not; add the SMTP username")
        if outbox.tls == "none" and not _loopback(outbox.host):
            problems.append(f'outbox.tls: "none" sends passwords and mail in clear text to {outbox.host}; '
                            'use "starttls" or "implicit" (or a server on loopback)')
    inbox = config.inbox
    if isinstance(inbox, ImapInbox):
        if not inbox.username.strip():
            problems.append("inbox.username: is empty; write the login name of the IMAP mailbox, e.g. "
                            f"username = {config.office.address!r}")
        elif inbox.username != inbox.username.strip():
            problems.append(f"inbox.username: {inbox.username!r} has spaces around it, which the server would "
                            f"take as part of the name; write username = {inbox.username.strip()!r}")
        if inbox.tls == "none" and not _loopback(inbox.host):
            problems.append(f'inbox.tls: "none" sends the password in clear text to {inbox.host}; '
                            'use "implicit" or "starttls" (or a server on loopback)')
    for key, box in (("inbox", inbox), ("outbox", outbox)):
        if isinstance(box, MailServer) and box.ca_file is not None and (
                problem := ca_file_problem(box.ca_file)):
            problems.append(f"{key}.ca_file: {problem}")
    wrong_boxes: set[str] = set()
    for key, box in (("inbox.path", inbox), ("outbox.path", outbox)):
        if isinstance(box, MaildirInbox | MaildirOutbox) and (problem := maildir_problem(box.path)):
            problems.append(f"{key}: {problem}")
            wrong_boxes.add(key)
    if database := database_refusal(config, writing=True, wrong_boxes=wrong_boxes):
        problems.insert(database_at, database)
    elif newer := _newer_schema(config):
        problems.insert(database_at, f"database: {newer}")
    if isinstance(inbox, MaildirInbox) and isinstance(outbox, MaildirOutbox) and inbox.path == outbox.path:
        problems.append("inbox.path and outbox.path are the same folder; replies would be read as mail")
    return problems


def database_refusal(config: Config, *, writing: bool = False, wrong_boxes: Collection[str] = (),
                     new_desk: bool = False) -> str | None:
    """Why no command may open the database *config* names, or None: the one check of every command that opens
    it (mailbot.app.open_desk, `migrate`, `backup`), and of check-config and `run`, in the same words.

    The URL's own problems (mailbot.store.db.database_problem; whether this user may write the file only with
    *writing*: a command that only reads works on a read-only mount, and make_engine tells one that writes); a
    database in memory (what a command records would be lost when it ends); a driver mailbot does not use; an
    SQLite file inside the Maildir of inbox.path or outbox.path (mailbot would take its own files for mail),
    but for the keys in *wrong_boxes*, whose Maildir is named wrong already; a new, empty SQLite database where
    the Maildirs or a database nearby show that a desk has worked before (new_desk_problem), unless *new_desk*
    (the operator starts one on purpose)."""
    url = config.database.url
    if problem := database_problem(url, writing=writing):
        return problem
    if config.database.in_memory:
        return (f"database.url: {url!r} is a database in memory, forgotten at every stop; name a file "
                "(sqlite:///var/mailbot.db) or a PostgreSQL database")
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername != "postgresql+psycopg":
        return (f"database.url: {parsed.drivername}:// is not a driver mailbot uses; write "
                f"postgresql+psycopg://{str(parsed).split('://', 1)[1]} (install the postgres extra)")
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    file = Path(parsed.database).resolve()
    for key, box in (("inbox.path", config.inbox), ("outbox.path", config.outbox)):
        if (isinstance(box, MaildirInbox | MaildirOutbox) and key not in wrong_boxes
                and file.is_relative_to(box.path.resolve())):
            return (f"database.url: the database {file} is inside the Maildir of {key} ({box.path}); mailbot "
                    "would take its own files for mail: put the database beside the Maildirs, e.g. "
                    "sqlite:///var/mailbot.db")
    return None if new_desk or wrong_boxes else new_desk_problem(config)


def _count_files(folder: Path, *, at_most: int = 100_000) -> int:
    """How many entries *folder* holds (0 when it is not there), counting no further than *at_most*."""
    count = 0
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not entry.name.startswith("."):
                    count += 1
                    if count >= at_most:
                        break
    except OSError:
        return 0
    return count


def earlier_activity(config: Config) -> list[str]:
    """What in the Maildirs shows that a desk has worked on them before, in words: mail read from the inbox
    (its cur/) and mail sent to the outbox (its new/ and cur/). Servers (IMAP, SMTP) are not looked at."""
    signs: list[str] = []
    if isinstance(config.inbox, MaildirInbox) and (read := _count_files(config.inbox.path / "cur")):
        signs.append(f"the Maildir inbox {config.inbox.path} holds {read} message(s) read before")
    if isinstance(config.outbox, MaildirOutbox) and (
            sent := _count_files(config.outbox.path / "new") + _count_files(config.outbox.path / "cur")):
        signs.append(f"the Maildir outbox {config.outbox.path} holds {sent} mail(s) sent before")
    return signs


def missing_database(config: Config) -> Path | None:
    """The SQLite file *config* names when it does not exist yet (a new desk would be made there), else None."""
    database = sqlite_file(config.database.url)
    if database is None or config.database.in_memory or os.path.lexists(database):
        return None
    return Path(os.path.abspath(database))


def _boxes(config: Config) -> list[Path]:
    return [box.path for box in (config.inbox, config.outbox) if isinstance(box, MaildirInbox | MaildirOutbox)]


def nearby_clause(config: Config, database: Path) -> str | None:
    """"the mailbot database X, holding mail read before, is nearby" for the desks a missing *database* most likely
    meant (mailbot.store.db.nearby_desks), or None."""
    found = nearby_desks(database, around=_boxes(config))
    if not found:
        return None
    there = " and ".join(str(path) for path in found[:2])
    return f"the mailbot database {there}, holding mail read before, {'is' if len(found) == 1 else 'are'} nearby"


# The explicit step that starts a new, empty desk where the signs say one has worked before (README, Configuration).
NEW_DESK_STEP = "mailbot migrate --new-desk"


def earlier_desk(config: Config) -> tuple[Path, list[str], str | None] | None:
    """For a database.url that names no file yet: the file, the signs in the Maildirs of a desk that worked there
    before (earlier_activity) and the clause naming a mailbot database nearby (nearby_clause); None when the file
    exists or nothing shows an earlier desk."""
    database = missing_database(config)
    if database is None:
        return None
    signs = earlier_activity(config)
    nearby = nearby_clause(config, database)
    if not signs and nearby is None:
        return None
    return database, signs, nearby


def new_desk_problem(config: Config) -> str | None:
    """Why no new, empty database may be made where database.url points, or None: it does not exist, and the
    Maildirs hold mail read or sent before, or a mailbot database holding read mail lies nearby (a `var/` dropped
    from the URL). A new desk there would decide every district's mail against the opening stock, while the real
    ledger lies elsewhere. The operator who means it says so once: `mailbot migrate --new-desk`."""
    if (earlier := earlier_desk(config)) is None:
        return None
    database, signs, nearby = earlier
    seen = [f"although {' and '.join(signs)}"] if signs else []
    if nearby is not None:
        seen.append(nearby if signs else f"but {nearby}")
    return (f"database.url: the database {database} does not exist, {'; '.join(seen)}; correct database.url"
            f"{' to name it' if nearby else ''}, or, to start a new, empty desk there on purpose, run "
            f"`{NEW_DESK_STEP}` once")


def ca_file_problem(path: Path) -> str | None:
    """Why *path* cannot serve as the certificate authority a TLS connection checks its server against (no such
    file, a folder, not readable, no PEM certificate in it), with the fix; None when it loads."""
    fix = ("name the PEM file of the certificate authority that signed the server's certificate, or remove "
           "ca_file to trust the system's authorities")
    if not path.exists():
        return f"{path} does not exist; {fix}"
    if not path.is_file():
        return f"{path} is not a file; {fix}"
    try:
        ssl.create_default_context(cafile=str(path))
    except PermissionError:
        return f"{path} cannot be read by the user mailbot runs as; allow it to read the file, or {fix}"
    except (ssl.SSLError, OSError, ValueError):
        return f"{path} holds no certificate in PEM form (-----BEGIN CERTIFICATE-----); {fix}"
    return None


def warnings(config: Config) -> list[str]:
    """Settings that work but look like a slip, one line each: the file's own (Config.warnings), a digest that
    never comes on a working day, a district sender taken off its list while a shipment is on its way, and a
    district taken out of the file while its requests are open."""
    return [*config.warnings(), *schedule_warnings(config), *rare_schedule_warnings(config), *sender_warnings(config),
            *unlisted_district_warnings(config),
            *maildir_warnings(config)]


def maildir_warnings(config: Config) -> list[str]:
    """A Maildir folder that does not exist on a desk that has read mail before (its SQLite database holds some):
    mailbot would make it and read (or write) an empty folder for ever, while the mail goes to the one meant; most
    likely a typo. On a first start every folder is new, and nothing is said."""
    database = sqlite_file(config.database.url)
    if database is None or not database.is_file() or not has_read_mail(database):
        return []
    found: list[str] = []
    for key, box in (("inbox.path", config.inbox), ("outbox.path", config.outbox)):
        if isinstance(box, MaildirInbox | MaildirOutbox) and not os.path.lexists(box.path):
            found.append(f"{key}: the Maildir {box.path} does not exist yet, although the database {database} holds "
                         "mail read before; mailbot will create it empty: is the path right?")
    return found


# How far ahead a schedule is followed to see whether it ever falls on a working day: a monthly one, and one
# on 29 February too (two leap days, which fall on other weekdays).
_SCHEDULE_DAYS = 8 * 366
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def schedule_warnings(config: Config, *, now: datetime | None = None) -> list[str]:
    """The digest's cron schedule when none of its times in the coming year falls on a working day
    (stock.working_days, in the office's time zone): the managers would get it only on days off."""
    expression = config.digest.cron
    if cron_problem(expression) is not None:
        return []  # said as a problem already
    tz = config.office.tz
    start = now or datetime.now(tz)
    trigger = cron_trigger(expression, tz)
    working = set(config.stock.working_days)
    after, fire = start, None
    while (fire := trigger.get_next_fire_time(fire, after)) is not None and fire < start + timedelta(
            days=_SCHEDULE_DAYS):
        if fire.weekday() in working:
            return []
        after = datetime.combine(fire.date() + timedelta(days=1), time(), tzinfo=tz)  # the next day on
    days = ", ".join(_DAY_NAMES[d] for d in sorted(working))
    return [f'digest.cron: "{expression}" never falls on a working day ({days}, stock.working_days), so the '
            f"managers get the digest only on days off; write e.g. {_working_day_schedule(expression, working)}"]


def rare_schedule_warnings(config: Config, *, now: datetime | None = None) -> list[str]:
    """A digest or check schedule that comes fewer than 12 times in the coming year ("0 7 29 2 *": 29 February,
    once in four years): a valid cron line that is almost surely not what was meant."""
    found: list[str] = []
    tz = config.office.tz
    start = now or datetime.now(tz)
    for key, expression in (("digest.cron", config.digest.cron), ("alerts.check_cron", config.alerts.check_cron)):
        if cron_problem(expression) is not None:
            continue  # said as a problem already
        trigger = cron_trigger(expression, tz)
        fires: list[datetime] = []
        fire: datetime | None = None
        while len(fires) < 12 and (fire := trigger.get_next_fire_time(fire, fire or start)) is not None and (
                fire < start + timedelta(days=366)):
            fires.append(fire)
            fire += timedelta(minutes=1)
        if len(fires) < 12:
            times = {0: "does not come at all", 1: "comes only once"}.get(len(fires), f"comes only {len(fires)} times")
            found.append(f'{key}: "{expression}" {times} in the coming year; check the day and month fields '
                         '(e.g. "0 7 * * 1-5" is 07:00 on working days)')
    return found


def _working_day_schedule(expression: str, working: set[int]) -> str:
    """A schedule at *expression*'s time (07:00 when it is no plain time) on the working days, with its words."""
    fields = expression.split()
    minute, hour = (fields[0], fields[1]) if fields[0].isdigit() and fields[1].isdigit() else ("0", "7")
    cron_days = sorted((d + 1) % 7 for d in working)  # Python's Monday=0 as cron's Monday=1, Sunday=0
    runs: list[list[int]] = []
    for d in cron_days:
        if runs and d == runs[-1][-1] + 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    dow = ",".join(f"{r[0]}-{r[-1]}" if len(r) > 2 else ",".join(map(str, r)) for r in runs)
    names = ", ".join(_DAY_NAMES[d] for d in sorted(working))
    return f'"{minute} {hour} * * {dow}" for {int(hour):02d}:{int(minute):02d} on {names}'


def _newer_schema(config: Config) -> str | None:
    """Why this version cannot work on the SQLite database of *config* (written by a newer mailbot), read without
    a network and read-only, as every command that opens it would refuse it; None otherwise."""
    from sqlalchemy import text

    from mailbot.store.db import revision_problem

    rows = _read_only_rows(config, text("SELECT version_num FROM alembic_version"))
    return revision_problem(rows[0][0]) if rows else None


def _read_only_rows(config: Config, query: Any) -> list[Any] | None:
    """The rows of *query* (a SQLAlchemy select) from a SQLite database that exists, opened read-only: never
    made, migrated or locked by a check. None when there is none or it cannot be read (other checks say why)."""
    from sqlalchemy.exc import SQLAlchemyError

    from mailbot.store.db import make_read_only_engine

    engine = make_read_only_engine(config.database.url)
    if engine is None:
        return None
    try:
        with engine.connect() as connection:
            return list(connection.execute(query).all())
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()


def sender_warnings(config: Config) -> list[str]:
    """A district whose approved or dispatched shipment was asked for from an address no longer on its
    `senders` list: its receipt from that address would wait in the queue instead of being booked. Read from
    a SQLite database that exists, read-only (nothing is said when it cannot be read: other checks say why)."""
    from sqlalchemy import select

    from mailbot.store.schema import Request

    rows = _read_only_rows(config, select(Request.reference, Request.district, Request.sender, Request.state)
                           .where(Request.state.in_(("approved", "dispatched")), Request.sender.is_not(None))
                           .order_by(Request.id))
    found = []
    for reference, code, sender, state in rows or ():
        district = config.district(code) if code else None
        if district is None or sender is None or sender.lower() in district.senders:
            continue
        where = "on its way to" if state == "dispatched" else "approved for"
        found.append(f"districts ({district.code} {district.name}).senders: {sender} is not on the list but "
                     f"asked for {reference}, {where} the district; its receipt from that address will wait in "
                     "the queue for a person instead of being booked (if the address is the district's own, list "
                     "it until the receipt has come)")
    return found


def unlisted_district_warnings(config: Config) -> list[str]:
    """Districts the database holds open requests of that config.toml no longer lists (a code changed, a block
    taken out): their requests cannot be decided and their stock is shown as nobody's. Read as sender_warnings."""
    from sqlalchemy import select

    from mailbot.actions import unlisted_district_words
    from mailbot.store.repo import OPEN_STATES
    from mailbot.store.schema import Request

    rows = _read_only_rows(config, select(Request.reference, Request.district)
                           .where(Request.state.in_((*OPEN_STATES, "linked")), Request.district.is_not(None))
                           .order_by(Request.id))
    listed = {d.code for d in config.districts}
    orphans: dict[str, list[str]] = {}
    for reference, code in rows or ():
        if code is not None and code not in listed:
            orphans.setdefault(code, []).append(reference)
    return [f"districts: {unlisted_district_words(code, refs).removesuffix('; nothing was done')}"
            for code, refs in orphans.items()]


def sending_refused(config: Config) -> tuple[str, datetime] | None:
    """The refusal of mailbot itself by the SMTP server (a login refused, no AUTH on offer) that the last run
    recorded on mail still queued, and when it came; None when there is none, or the database cannot be read
    (read-only, as sender_warnings)."""
    from sqlalchemy import select

    from mailbot.errors import MISCONFIGURED_MARK
    from mailbot.store.schema import OutboxMessage

    outbox = config.outbox
    if not isinstance(outbox, SmtpOutbox):
        return None
    # a refusal by another server (another copy of the configuration on the same database, another port) is not
    # this file's: the server's refusal names it, HOST:PORT
    where = f"{outbox.host}:{outbox.port or {'implicit': 465, 'starttls': 587, 'none': 25}[outbox.tls]}"
    rows = _read_only_rows(config, select(OutboxMessage.last_error, OutboxMessage.next_attempt_at)
                           .where(OutboxMessage.status == "queued",
                                  OutboxMessage.last_error.startswith(MISCONFIGURED_MARK))
                           .order_by(OutboxMessage.next_attempt_at.desc()).limit(20))
    row = next((r for r in rows or () if r.last_error is not None and where in r.last_error), None)
    if row is None or row.last_error is None:
        return None
    # the refused attempt put the mail back for one retry interval
    refused_at = row.next_attempt_at - timedelta(seconds=config.run.outbox_retry_seconds)
    return row.last_error.removeprefix(MISCONFIGURED_MARK), refused_at


def _written_places(config: Config) -> list[tuple[str, Path]]:
    """The folders mailbot writes to on this host: the SQLite database's, the Maildirs'."""
    places: list[tuple[str, Path]] = []
    if (database := sqlite_file(config.database.url)) is not None:
        places.append(("database.url", database.parent))
    for key, box in (("inbox.path", config.inbox), ("outbox.path", config.outbox)):
        if isinstance(box, MaildirInbox | MaildirOutbox):
            places.append((key, box.path))
    return places


def disk_problems(config: Config) -> tuple[list[str], list[str]]:
    """The disks mailbot writes to: (problems: read-only or full, so nothing could be recorded; warnings:
    almost no free space left), one line each, once per disk."""
    problems: list[str] = []
    warnings: list[str] = []
    seen: set[int] = set()
    for key, folder in _written_places(config):
        try:
            device = os.stat(next(p for p in (folder, *folder.parents) if p.exists())).st_dev
        except (OSError, StopIteration):
            continue
        if device in seen:
            continue
        seen.add(device)
        problem = storage_problem(folder)
        if problem:
            problems.append(f"{key}: {problem}")
            continue
        free, size = free_bytes(folder), disk_size(folder)
        # a small disk (a 30 MB volume) mostly free is no disk about to fill: warned of only when 9/10 of it is used
        if free is not None and free < LOW_BYTES and (size is None or free < size // 10):
            warnings.append(f"{key}: the disk holding {folder} has only {free // (1024 * 1024)} MB free; when it "
                            "is full nothing more can be recorded: free some space there")
    return problems, warnings


MAILDIR_PARTS = ("new", "cur", "tmp")


def maildir_problem(path: Path) -> str | None:
    """Why *path* cannot be a Maildir folder, or None (a folder not there yet is created on first use)."""
    if path.is_symlink() and not path.exists():
        return f"{path} is a link to nothing; point it at the Maildir folder"
    if path.exists() and not path.is_dir():
        return f"{path} is a file, not a Maildir folder (new/ cur/ tmp/); correct the path"
    if path.name in MAILDIR_PARTS and all((path.parent / part).is_dir() for part in MAILDIR_PARTS):
        return f"{path} is the {path.name}/ part of a Maildir; name the Maildir itself: {path.parent}"
    if path.is_dir() and not any((path / part).is_dir() for part in ("new", "cur")):
        # a folder with new/ or cur/ (mail dropped into new/) is a Maildir mailbot completes; tmp/ alone is
        # no sign of one (the root folder has it)
        try:
            empty = not any(path.iterdir())
        except OSError as exc:
            return f"{path} cannot be read ({exc.strerror}); check its owner and permissions"
        if not empty:
            return (f"{path} is a folder but not a Maildir (no new/ cur/ tmp/ in it); name a Maildir folder, "
                    "or a new or empty one that mailbot makes into a Maildir")
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            return f"{parent} is a file, not a folder; correct the path"
    if (near := _maildir_near(path)) is not None:
        return (f"{path} does not exist, but the Maildir {near} does, a letter or two from it: a likely typo; "
                f"correct the path (mailbot would make {path.name} beside it and never see the mail in {near.name})")
    return _writable_problem(path)


def _maildir_near(path: Path) -> Path | None:
    """A Maildir beside *path*, which does not exist, a letter or two from its name ("inbx" beside "inbox"), or
    None: the rule `check-config --connect` and `run` follow for an IMAP folder, for a Maildir folder."""
    from mailbot.suggest import typo_of

    if os.path.lexists(path) or not path.parent.is_dir():
        return None
    try:
        maildirs = [s.name for s in sorted(path.parent.iterdir())
                    if any((s / part).is_dir() for part in ("new", "cur"))]
    except OSError:
        return None
    near = typo_of(path.name, maildirs)
    return None if near is None else path.parent / near


def _writable_problem(path: Path) -> str | None:
    """Why mailbot cannot write in the Maildir *path* (its tmp/, where every file is written first, and the
    folder itself, where the quarantine folder goes), or cannot make it where it is not yet; None when it
    can. Tried, not inferred from the mode bits, which say nothing for root, a read-only mount or /proc;
    never in new/ or cur/, where a running service would take the try for mail."""
    import tempfile

    if path.is_dir():
        for folder in (path, *(path / part for part in ("tmp",) if (path / part).is_dir())):
            refused = refuses_new_files(folder)
            if refused is not None:
                return (f"mailbot cannot write in {folder} ({refused.strerror}); give the user mailbot runs as the "
                        "right to write there, or name another folder")
        return None
    existing = next(parent for parent in path.parents if parent.is_dir())
    try:
        Path(tempfile.mkdtemp(dir=existing)).rmdir()
    except OSError as exc:
        return (f"{path} cannot be made: {existing} takes no new folders ({exc.strerror}); name a folder "
                "mailbot can make or write in")
    return None


def summary(config: Config) -> str:
    """One line: which mailbox, which server, which database."""
    inbox = config.inbox
    where_in = (f"Maildir {inbox.path}" if isinstance(inbox, MaildirInbox)
                else f"IMAP {inbox.username}@{inbox.host}:{inbox.port or (993 if inbox.tls == 'implicit' else 143)}"
                     f"/{inbox.folder}")
    outbox = config.outbox
    where_out = (f"Maildir {outbox.path}" if isinstance(outbox, MaildirOutbox)
                 else f"SMTP {outbox.host}:{outbox.port or {'implicit': 465, 'starttls': 587, 'none': 25}[outbox.tls]}")
    url = make_url(config.database.url)
    database = (f"SQLite {url.database}" if url.get_backend_name() == "sqlite"
                else f"PostgreSQL {url.host or 'localhost'}/{url.database}")
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        # "sqlite:////var/mailbot.db" (a slash too many) starts a new desk elsewhere: said where it starts
        database += " (none there yet: a new, empty database is made there)"
    return (f"mailbox: {where_in}; sending through: {where_out}; database: {database}; "
            f"{len(config.districts)} districts")


# --- against the servers -------------------------------------------------------------------------

class TemporaryProblem(str):
    """A server's answer that may pass by itself (an SMTP 4xx): not a configuration error; `run` retries it."""


def connect_problems(config: Config) -> tuple[list[str], list[str]]:
    """Log in to IMAP and look at the folders, open the database, ask SMTP for its capabilities.

    Returns (problems, what was found fine), one line each.
    """
    problems: list[str] = []
    fine: list[str] = []
    for check in (_check_database, _check_imap, _check_smtp):
        problem, note = check(config)
        if problem:
            problems.append(problem)
        elif note:
            fine.append(note)
    return problems, fine


def _check_database(config: Config) -> tuple[str | None, str | None]:
    from mailbot.errors import DatabaseAway, MailbotError
    from mailbot.store.db import HEAD_REVISION, current_revision, make_engine, revision_problem

    try:
        engine = make_engine(config.database.url)
    except MailbotError as exc:
        return str(exc), None
    try:
        revision = current_revision(engine)
    except DatabaseAway as exc:  # the server not reachable now (down, starting): `mailbot run` waits for it
        return TemporaryProblem(f"database.url: {exc}; mailbot run waits for it"), None
    except MailbotError as exc:
        return str(exc) if str(exc).startswith("database.url: ") else f"database.url: {exc}", None
    except Exception as exc:  # noqa: BLE001 - a driver error of any kind: one line
        return f"database.url: cannot open it: {' '.join(str(exc).split())[:200]}", None
    finally:
        engine.dispose()
    if problem := revision_problem(revision):
        return f"database.url: {problem}", None
    if revision is None:
        return None, "database: opens; it is new (mailbot migrate, or the first start, creates the tables)"
    if revision != HEAD_REVISION:
        return None, f"database: opens; schema {revision}, upgraded to {HEAD_REVISION} by mailbot migrate or at start"
    return None, f"database: opens; schema {revision} is current"


def _check_imap(config: Config) -> tuple[str | None, str | None]:
    inbox = config.inbox
    if isinstance(inbox, MaildirInbox):
        if inbox.path.exists() and not inbox.path.is_dir():
            return f"inbox.path: {inbox.path} is a file, not a Maildir folder", None
        return None, f"inbox: Maildir {inbox.path}" + ("" if inbox.path.is_dir() else " (created on first use)")
    from imapclient import SocketTimeout
    from imapclient.exceptions import IMAPClientError, LoginError

    from mailbot.transports.imap import (
        PlainIMAPClient,
        certificate_refused_by,
        folder_typo,
        log_in,
        login_refused,
        missing_folder,
        refused_for_now,
        server_text,
        setup_refused,
    )
    from mailbot.transports.tls import client_context

    port = inbox.port or (993 if inbox.tls == "implicit" else 143)
    where = f"{inbox.host}:{port}"
    password = os.environ.get(inbox.password_env)
    if not password:
        return f"inbox.password_env: the environment variable {inbox.password_env} is not set", None
    context = (client_context(verify_certificate=inbox.verify_certificate, ca_file=inbox.ca_file)
               if inbox.tls != "none" else None)
    started = monotonic()
    try:
        client = PlainIMAPClient(inbox.host, port=port, ssl=inbox.tls == "implicit", ssl_context=context,
                            timeout=SocketTimeout(connect=inbox.connect_timeout_seconds,
                                                  read=inbox.read_timeout_seconds))
    except (OSError, IMAPClientError) as exc:
        if isinstance(exc, ssl.SSLCertVerificationError):  # as `mailbot run` says it
            return f"inbox: {certificate_refused_by(exc, inbox, port, where)}", None
        if refused := setup_refused(exc, inbox, port):  # as `mailbot run` says it
            return refused, None
        if said := refused_for_now(exc):  # a BYE greeting: shutting down or full, `mailbot run` tries again
            return _refused_for_now(where, "refuses connections for now", said), None
        if isinstance(exc, SlowGreeting):  # an IMAP greeting, too slow: `mailbot run` tries again
            return _slow("IMAP", where, "inbox.connect_timeout_seconds", exc), None
        if passes(exc):  # nothing listens (a server restarting) or it closed at once: run tries again
            return _not_reachable_now("IMAP", where, exc), None
        if answered(exc):  # a web server, say, is silent until spoken to: asked before silence is said
            if other := wrong_port(inbox.host, port, "IMAP", inbox.connect_timeout_seconds):
                return f"inbox: {other}", None
        if _timed_out(exc):
            # the greeting is awaited for the connect timeout (imapclient sets the read timeout after it)
            return _silent("IMAP", where, "inbox.connect_timeout_seconds", inbox.connect_timeout_seconds,
                           waited=monotonic() - started), None
        if garbled := _unexpected_imap_answer(exc, where):
            return garbled, None
        if isinstance(exc, imaplib.IMAP4.abort):  # a BYE in answer to CAPABILITY: `mailbot run` tries again
            return _session_ended(where, exc), None
        return (f"inbox: cannot reach the IMAP server {where}: {unreachable_words(exc)}; check inbox.host, port "
                "and tls"), None
    try:
        if inbox.tls == "starttls":
            client.starttls(context)
        log_in(client, inbox.username, password)
        delimiter = next((d.decode() if isinstance(d, bytes) else d for _f, d, _n in client.list_folders("", "")
                          if d), "/")
        if refused := _folders_refused(client, inbox, delimiter, where):
            return refused, None
        missing = [name for name in (inbox.folder,) if not client.folder_exists(name.replace("/", delimiter))]
        # a check changes nothing: the folders run would create are named, not created
        created = [] if missing else [name for name in (inbox.processed_folder, inbox.quarantine_folder)
                                      if not client.folder_exists(name.replace("/", delimiter))]
        folders = [str(name).replace(delimiter, "/") for _flags, _d, name in client.list_folders()]
        if typo := folder_typo(inbox, created, folders, where):
            return typo, None
        # `mailbot run` opens a second connection to wait in IDLE while this one stays open
        limited = _second_connection_refused(inbox, port, password, context) if inbox.idle else None
    except LoginError as exc:
        if said := refused_for_now(exc):  # [LIMIT], [UNAVAILABLE], ...: `mailbot run` tries again
            return _refused_for_now(where, f"refuses the login of {inbox.username} for now", said), None
        return f"inbox: {login_refused(where, inbox.username, inbox.password_env, exc)}", None
    except (OSError, IMAPClientError, ssl.SSLError) as exc:
        if isinstance(exc, ssl.SSLCertVerificationError):  # after STARTTLS
            return f"inbox: {certificate_refused_by(exc, inbox, port, where)}", None
        if refused := setup_refused(exc, inbox, port):
            return refused, None
        if passes(exc):  # it spoke, then closed (a server restarting, a proxy): `mailbot run` tries again
            return TemporaryProblem(
                f"inbox: the IMAP server {where} closed the connection in the middle of the session; it may be "
                "restarting: mailbot run tries again; try check-config --connect again in a few minutes, and if "
                "it stays, ask the server's administrator"), None
        if _timed_out(exc):  # it spoke, then stalled: busy or stuck for a while, which `mailbot run` retries
            return _stalled("IMAP", where, "inbox.read_timeout_seconds", inbox.read_timeout_seconds), None
        if isinstance(exc, imaplib.IMAP4.abort):  # a BYE after the login (shutting down): `mailbot run` tries again
            return _session_ended(where, exc), None
        return f"inbox: IMAP server {where}: {server_text(exc)}", None
    finally:
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - closing a connection that failed already
            pass
    if missing:
        return missing_folder(missing[0], where), None
    note = f"inbox: IMAP login as {inbox.username} on {where} works, folder {inbox.folder} exists"
    if created:
        note += f"; {' and '.join(created)} not there yet: mailbot run creates {'it' if len(created) == 1 else 'them'}"
    if limited:
        note += f"; but the server refused a second connection ({limited}): {one_connection_words(inbox.poll_seconds)}"
    return None, note


def one_connection_words(poll_seconds: float) -> str:
    """What `mailbot run` does when the IMAP server allows the user one connection, and the fix: said alike by
    `check-config --connect` and by the running service when it finds out.

    >>> one_connection_words(30.0).split(";")[0]
    'mailbot run will read the inbox on one connection, polling every 30 s instead of waiting in IDLE'
    """
    return (f"mailbot run will read the inbox on one connection, polling every {poll_seconds:g} s instead of waiting "
            "in IDLE; to have new mail read at once, let the user have 2 connections (Dovecot: "
            "mail_max_userip_connections)")


def _second_connection_refused(inbox: ImapInbox, port: int, password: str,
                               context: ssl.SSLContext | None) -> str | None:
    """What the IMAP server said when it refused a second connection of the user for its connection limit, while
    the first is open (as `mailbot run` holds two); None when it took it, or failed otherwise (said elsewhere)."""
    from imapclient import SocketTimeout
    from imapclient.exceptions import IMAPClientError

    from mailbot.transports.imap import PlainIMAPClient, connection_limit, log_in, server_text

    try:
        second = PlainIMAPClient(inbox.host, port=port, ssl=inbox.tls == "implicit", ssl_context=context,
                                 timeout=SocketTimeout(connect=inbox.connect_timeout_seconds,
                                                       read=inbox.read_timeout_seconds))
    except (OSError, IMAPClientError) as exc:
        return server_text(exc) if connection_limit(server_text(exc)) else None
    try:
        if inbox.tls == "starttls":
            second.starttls(context)
        log_in(second, inbox.username, password)
    except (OSError, IMAPClientError, ssl.SSLError) as exc:
        return server_text(exc) if connection_limit(server_text(exc)) else None
    finally:
        try:
            second.logout()
        except Exception:  # noqa: BLE001 - closing a connection that failed already
            pass
    return None


def _folders_refused(client: IMAPClient, inbox: ImapInbox, delimiter: str, where: str) -> str | None:
    """A configured folder whose name, in the server's level separator (LIST's), has an empty level: the
    server would refuse every move into it ("Ends with hierarchy separator"), so no mail would leave the inbox."""
    for key in ("folder", "processed_folder", "quarantine_folder"):
        name = getattr(inbox, key)
        if stray := folder_separator_problem(name.replace("/", delimiter), delimiter):
            return (f"inbox.{key}: {name!r} {stray} on {where}, where {delimiter!r} separates folder levels, so "
                    f"the server would refuse it; write the name without {delimiter!r} at its start or end, and "
                    "never two in a row")
    return None


def _check_smtp(config: Config) -> tuple[str | None, str | None]:
    outbox = config.outbox
    if isinstance(outbox, MaildirOutbox):
        return None, f"outbox: Maildir {outbox.path}"
    from mailbot.transports.smtp import PlainSMTP, quit_briefly, sender_refused, session_problem
    from mailbot.transports.tls import client_context

    port = outbox.port or {"implicit": 465, "starttls": 587, "none": 25}[outbox.tls]
    where = f"{outbox.host}:{port}"
    context = client_context(verify_certificate=outbox.verify_certificate, ca_file=outbox.ca_file)
    started = monotonic()
    try:
        if outbox.tls == "implicit":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(outbox.host, port, timeout=outbox.timeout_seconds,
                                                        context=context)
        else:
            connection = PlainSMTP(outbox.host, port, timeout=outbox.timeout_seconds)
    except (OSError, smtplib.SMTPException) as exc:
        if problem := session_problem(exc, where, outbox):
            return f"outbox: {problem}", None
        if temporary := _temporary(exc, where):  # a 4xx greeting is an SMTP server's, busy for a while
            return temporary, None
        if isinstance(exc, SlowGreeting) and could_be(exc.said, "SMTP"):  # `mailbot run` tries again
            return _slow("SMTP", where, "outbox.timeout_seconds", exc), None
        if passes(exc):  # nothing listens (a server restarting) or it closed at once: run tries again
            return _not_reachable_now("SMTP", where, exc), None
        # a web server, say, is silent until spoken to: asked before silence is said (a plain connection asked
        # already, after SILENCE_SECONDS of silence: mailbot.transports.probe.refuse_if_silent_and_other)
        asked = outbox.tls != "implicit" and outbox.timeout_seconds > SILENCE_SECONDS
        if answered(exc) and not (asked and _timed_out(exc)):
            if other := wrong_port(outbox.host, port, "SMTP", outbox.timeout_seconds):
                return f"outbox: {other}", None
        if _timed_out(exc):
            return _silent("SMTP", where, "outbox.timeout_seconds", outbox.timeout_seconds,
                           waited=monotonic() - started), None
        return (f"outbox: cannot reach the SMTP server {where}: {unreachable_words(exc)}; check outbox.host, port "
                "and tls"), None
    try:
        if refused := _greeting_refused(connection, where):
            return refused, None
        if outbox.tls == "starttls":
            if not connection.has_extn("starttls"):
                return (f'outbox.tls: the SMTP server {where} does not offer STARTTLS; use tls = "implicit" '
                        "(usually port 465) or the server's submission port"), None
            connection.starttls(context=context)
            if refused := _greeting_refused(connection, where):
                return refused, None
        offered = sorted(connection.esmtp_features)
        if outbox.username:
            if not connection.has_extn("auth"):
                return (f"outbox.username: the SMTP server {where} offers no AUTH (login), so username "
                        f"{outbox.username} cannot be used; remove username and password_env, or use the "
                        "server's submission port"), None
            password = os.environ.get(outbox.password_env or "")
            if password:
                connection.login(outbox.username, password)
        # the office's address as sender, as every mail is sent (then RSET: nothing is sent): a server that
        # wants STARTTLS or a login before mail says so only here
        code, reply = connection.mail(config.office.address)
        if 500 <= code <= 599:
            refused_as = sender_refused(code, reply.decode("utf-8", "replace"), config.office.address, where, outbox)
            return f"outbox: {refused_as}", None
        connection.rset()
    except (OSError, smtplib.SMTPException, ssl.SSLError) as exc:
        if problem := session_problem(exc, where, outbox):
            return f"outbox: {problem}", None
        if temporary := _temporary(exc, where):
            return temporary, None
        if _timed_out(exc):  # it greeted, then stalled: busy or stuck for a while, which `mailbot run` retries
            return _stalled("SMTP", where, "outbox.timeout_seconds", outbox.timeout_seconds), None
        return f"outbox: SMTP server {where}: {_why(exc)}", None
    finally:
        quit_briefly(connection)
    return None, f"outbox: SMTP server {where} answers (offers {', '.join(offered).upper() or 'nothing'})"


def _unexpected_imap_answer(exc: BaseException, where: str) -> str | None:
    """A server that answered an IMAP command with something no IMAP server says (imaplib: "command: CAPABILITY
    => unexpected response: b'* \\xff\\xfe garbage'"): reached, and answering wrong, in plain words, its answer
    printable ASCII only; None for another error."""
    import re

    found = re.search(r"command: (\w+) => unexpected response: (.*)", str(exc), re.DOTALL)
    if found is None:
        return None
    answer = _answer_text(found[2])
    shown = "".join(c if c.isprintable() and c.isascii() else "?" for c in answer)[:60].strip()
    return (f"inbox: {where} answered, but not as an IMAP server: its answer to {found[1]} was no IMAP "
            f'("{shown}"); check inbox.host, port and tls')


def _answer_text(text: str) -> str:
    """imaplib's repr of the bytes a server sent (b'...') as text, undecodable bytes as replacement characters."""
    import ast

    text = text.strip()
    if text[:2] in ("b'", 'b"') and text[-1:] == text[1]:
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return text
        if isinstance(value, bytes):
            return value.decode("utf-8", "replace")
    return text


def _not_reachable_now(protocol: str, where: str, exc: BaseException) -> TemporaryProblem:
    """A connection refused (nothing listens: a server restarting) or closed at once, which `mailbot run` tries
    again: said as a server not reachable now, in plain words, no configuration error."""
    key = "inbox" if protocol == "IMAP" else "outbox"
    return TemporaryProblem(
        f"{key}: the {protocol} server {where} is not reachable now: {unreachable_words(exc)}; mailbot run tries "
        f"again; check that the server runs, and {key}.host and port")


def _refused_for_now(where: str, what: str, said: str) -> TemporaryProblem:
    """The IMAP server turned mailbot away for a while (a BYE greeting, a login refused with [LIMIT] and the like,
    mailbot.transports.imap.refused_for_now): a temporary failure in plain words, no configuration error."""
    return TemporaryProblem(
        f"inbox: the IMAP server {where} {what} ({said}); it may be restarting or have too many connections: "
        "mailbot run tries again; try check-config --connect again in a few minutes, and if it stays, ask the "
        "server's administrator")


def _session_ended(where: str, exc: BaseException) -> TemporaryProblem:
    """The IMAP server ended the session with a BYE in answer to a command (shutting down, restarting), which
    `mailbot run` takes for a connection lost and tries again: a temporary failure, no configuration error."""
    from mailbot.transports.imap import server_text

    return TemporaryProblem(
        f"inbox: the IMAP server {where} ended the session ({server_text(exc)}); it may be restarting: mailbot "
        "run tries again; try check-config --connect again in a few minutes, and if it stays, ask the server's "
        "administrator")


def _timed_out(exc: BaseException) -> bool:
    """The server took the connection and then said nothing in time (smtplib words it as a closed connection)."""
    return isinstance(exc, TimeoutError) or "timed out" in str(exc).lower()


def _silent(protocol: str, where: str, key: str, seconds: float, *, waited: float | None = None) -> TemporaryProblem:
    """A server that took the connection and did not answer: busy or stuck for a while, which `mailbot run`
    waits out and retries; no configuration error. *waited*: the seconds the check took in all, said when the
    questions of what the port speaks made it longer than *seconds*."""
    longer = f"; {waited:.0f} s in all, with asking what the port speaks" if waited and waited > seconds + 1 else ""
    return TemporaryProblem(
        f"{'inbox' if protocol == 'IMAP' else 'outbox'}: the {protocol} server {where} took the connection but did "
        f"not answer within {seconds:g} s ({key}{longer}); it may be busy: mailbot run retries; try check-config "
        "--connect again in a few minutes, and if it stays, check the host and port and ask the server's "
        "administrator")


def _slow(protocol: str, where: str, key: str, exc: SlowGreeting) -> TemporaryProblem:
    """A server that began its greeting and had not ended its first line within the timeout: slow (overloaded, a
    poor link), which `mailbot run` retries; no configuration error, and not another protocol."""
    return TemporaryProblem(
        f"{'inbox' if protocol == 'IMAP' else 'outbox'}: the {protocol} server {where} is slow: its greeting had not "
        f'come whole after {exc.seconds:g} s ({key}), only "{exc.shown}"; it may be busy or the link poor: mailbot '
        "run retries; try check-config --connect again in a few minutes, and if it stays, ask the server's "
        f"administrator or raise {key}")


def _stalled(protocol: str, where: str, key: str, seconds: float) -> TemporaryProblem:
    """A server that answered at first and then stopped answering mid-conversation: as _silent, no configuration
    error."""
    return TemporaryProblem(
        f"{'inbox' if protocol == 'IMAP' else 'outbox'}: the {protocol} server {where} answered at first, then did "
        f"not answer within {seconds:g} s ({key}); it may be busy: mailbot run retries; try check-config --connect "
        "again in a few minutes, and if it stays, ask the server's administrator")


def _temporary(exc: BaseException, where: str) -> TemporaryProblem | None:
    """A 4xx answer, which `mailbot run` retries (mailbot.transports.smtp): said as a temporary failure."""
    if isinstance(exc, smtplib.SMTPResponseException) and 400 <= exc.smtp_code <= 499:
        return TemporaryProblem(
            f"outbox: the SMTP server {where} answered with a temporary failure ({_why(exc)}); the configuration "
            "may be right: mailbot run retries such answers; try check-config --connect again in a few minutes, "
            "and if it stays, ask the server's administrator")
    return None


def _greeting_refused(connection: smtplib.SMTP, where: str) -> str | None:
    """Why the server does not take mailbot's EHLO (nor HELO), or None: a server that answers 500, or with
    no reply code at all, is no server mailbot can send through, whatever it said on connecting."""
    code, reply = connection.ehlo()
    if code == 250:
        return None
    code, reply = connection.helo()
    if code == 250:
        return None
    answer = (f"{code} {' '.join(reply.decode('utf-8', 'replace').split())[:120]}" if code > 0
              else "a reply with no SMTP code")
    if 400 <= code <= 499:  # a temporary answer, which `mailbot run` retries
        return TemporaryProblem(
            f"outbox: the SMTP server {where} answered EHLO and HELO with a temporary failure ({answer}); the "
            "configuration may be right: mailbot run retries such answers; try check-config --connect again in "
            "a few minutes, and if it stays, ask the server's administrator")
    return (f"outbox: the SMTP server {where} does not take mailbot's greeting (EHLO and HELO answered with "
            f"{answer}); check outbox.host and port, it must be a mail server's SMTP or submission port")


def _why(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):  # the server's reply as text, not (421, b'...')
        reply = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"{exc.smtp_code} {' '.join(reply.split())}"
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
