"""`mailbot check-config` without a network: an IMAP login with no name, a PostgreSQL port that is no port; and
`mailbot backup` with no database yet."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot

PASSWORD = "MAILBOT_TEST_IMAP_PASSWORD"


def _imap_inbox(text: str, username: str, folders: str = "") -> str:
    inbox = (f'[inbox]\nkind = "imap"\nhost = "127.0.0.1"\nport = 1\ntls = "none"\nusername = "{username}"\n'
             f'password_env = "{PASSWORD}"\n{folders}\n')
    return text[:text.index("[inbox]")] + inbox + text[text.index("[outbox]"):]


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda s: _imap_inbox(s, ""), "inbox.username: is empty; write the login name of the IMAP mailbox, e.g. "
                                   "username = 'blangko@disdukcapil.kaltaraprov.example'"),
    (lambda s: _imap_inbox(s, "   "), "inbox.username: is empty"),
    (lambda s: _imap_inbox(s, " blangko "), "inbox.username: ' blangko ' has spaces around it, which the server "
                                            "would take as part of the name; write username = 'blangko'"),
    (lambda s: s.replace('url = "sqlite:///var/mailbot.db"', 'url = "postgresql+psycopg://mailbot@db:70000/mailbot"'),
     "database.url: port 70000 is no TCP port (they go from 1 to 65535); PostgreSQL's is usually 5432"),
    (lambda s: s.replace('url = "sqlite:///var/mailbot.db"', 'url = "postgresql+psycopg://mailbot@db:0/mailbot"'),
     "database.url: port 0 is no TCP port"),
    # an IMAP folder the server cannot select, or the inbox again under another spelling (RFC 3501: INBOX is
    # case-insensitive): the service would read nothing, or read the same mail on every pass
    (lambda s: _imap_inbox(s, "blangko", 'folder = ""'),
     "inbox.folder: is empty; write the name of an IMAP folder, e.g. folder = 'INBOX'"),
    (lambda s: _imap_inbox(s, "blangko", 'quarantine_folder = "  "'), "inbox.quarantine_folder: is empty"),
    (lambda s: _imap_inbox(s, "blangko", 'processed_folder = "mailbot/processed "'),
     "inbox.processed_folder: 'mailbot/processed ' has spaces around it"),
    (lambda s: _imap_inbox(s, "blangko", 'processed_folder = "inbox"'),
     "inbox: folder, processed_folder and quarantine_folder must be three different folders (they are 'INBOX', "
     "'inbox' and 'mailbot/quarantine'; INBOX is one folder however it is written)"),
    # LIST's wildcards and control characters name no folder (RFC 3501 6.3.8): refused before any server is asked
    (lambda s: _imap_inbox(s, "blangko", 'folder = "INBOX*"'),
     "inbox.folder: 'INBOX*' has '*' in it, which IMAP keeps as wildcards for listing folders"),
    (lambda s: _imap_inbox(s, "blangko", 'processed_folder = "mailbot/%done"'),
     "inbox.processed_folder: 'mailbot/%done' has '%' in it"),
    (lambda s: _imap_inbox(s, "blangko", 'quarantine_folder = "karantina\\tmail"'),
     "inbox.quarantine_folder: holds the control character '\\t' as its character number 10; remove it"),
], ids=["imap-username-empty", "imap-username-blank", "imap-username-spaces", "postgres-port-70000",
        "postgres-port-0", "imap-folder-empty", "imap-quarantine-blank", "imap-processed-spaces",
        "imap-processed-is-inbox", "imap-folder-wildcard", "imap-processed-percent", "imap-quarantine-tab"])
def test_check_config_refuses_offline(desk_dir: Path, edit, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = desk_dir / "config.toml"
    path.write_text(edit(path.read_text()))
    result = mailbot(desk_dir, "check-config", env={**os.environ, PASSWORD: "rahasia"})
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr


@pytest.mark.parametrize(("folders", "expected"), [
    ('processed_folder = "mailbot/processed/"',
     "inbox.processed_folder: 'mailbot/processed/' ends with '/', which no IMAP server takes in a folder's name; "
     "write processed_folder = 'mailbot/processed'"),
    ('processed_folder = "/processed"', "inbox.processed_folder: '/processed' starts with '/'"),
    ('quarantine_folder = "mailbot//karantina"',
     "inbox.quarantine_folder: 'mailbot//karantina' has '//' in it, which no IMAP server takes in a folder's name; "
     "write quarantine_folder = 'mailbot/karantina'"),
    ('folder = "INBOX/"', "inbox.folder: 'INBOX/' ends with '/'"),
], ids=["trailing", "leading", "doubled", "inbox-trailing"])
def test_a_folder_with_an_empty_level_is_refused_by_check_config_and_run(desk_dir: Path, folders: str,
                                                                        expected: str) -> None:
    """Was ok offline and with --connect; then every move failed ("Ends with hierarchy separator") and the
    mail never left the inbox, with exit 0."""
    path = desk_dir / "config.toml"
    path.write_text(_imap_inbox(path.read_text(), "blangko", folders))
    for command in (("check-config",), ("run", "--once")):
        result = mailbot(desk_dir, *command, env={**os.environ, PASSWORD: "rahasia"})
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], (command, result.stderr)


def test_backup_without_a_database_is_refused(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "backup", str(desk_dir / "copy.db"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"mailbot: no database at {desk_dir / 'var' / 'mailbot.db'} yet: nothing to back up"
    assert not (desk_dir / "copy.db").exists() and not (desk_dir / "var" / "mailbot.db").exists()


@pytest.mark.parametrize(("url", "expected"), [
    ("mysql://u@localhost/mailbot", "database.url: mysql is not supported"),
    ("sqlite:///var", "database.url: {dir}/var is a folder; name the database file in it"),
    ("sqlite:///nosuch/mailbot.db", "database.url: the folder {dir}/nosuch does not exist"),
], ids=["mysql", "a-folder", "no-folder"])
def test_backup_says_the_configuration_error_every_command_says(desk_dir: Path, url: str, expected: str) -> None:
    """Was: pg_dump advice for a MySQL URL, "backup failed: disk I/O error" for a folder, "nothing to back up"
    for a folder that does not exist."""
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace('url = "sqlite:///var/mailbot.db"', f'url = "{url}"'))
    result = mailbot(desk_dir, "backup", str(desk_dir / "copy.db"))
    assert result.returncode == 2, (result.stdout, result.stderr)
    # after the file's name, as check-config and every command that opens the database say it
    assert result.stderr.strip().startswith(
        f"mailbot: configuration error: {path}: {expected.format(dir=desk_dir)}"), result.stderr
    assert len(result.stderr.splitlines()) == 1 and not (desk_dir / "copy.db").exists()


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('senders = ["disdukcapil@tarakankota.example"]', 'senders = ["@tarakankota.example"]',
     "senders[0]: has nothing before the @ (a domain alone is no sender); write the whole address, e.g. "
     "disdukcapil@tarakankota.example"),
    ('url = "sqlite:///var/mailbot.db"', 'url = "postgres://mb@db.example:5433/mb"',
     "database.url: postgres:// is not a scheme SQLAlchemy reads; write postgresql+psycopg://mb@db.example:5433/mb"),
    ('managers = ["kadis@disdukcapil.kaltaraprov.example"',
     'managers = ["KADIS@Disdukcapil.kaltaraprov.example", "kadis@disdukcapil.kaltaraprov.example"',
     "office: kadis@disdukcapil.kaltaraprov.example is listed twice in managers (an address is the same in any "
     "case); list each manager once"),
], ids=["domain-alone", "postgres-scheme", "manager-twice"])
def test_configuration_slips_are_said_plainly(desk_dir: Path, old: str, new: str, expected: str) -> None:
    """Were "more than one @ in it" for a domain alone, "postgres is not supported" with no URL to write, and a
    manager listed twice in two cases accepted (the digest went to them twice)."""
    path = desk_dir / "config.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], lines


def test_settings_that_work_but_look_like_a_slip_are_warned(desk_dir: Path) -> None:
    """working_days written as crontab counts, no attachment allowed, a password in the database URL: accepted
    silently before."""
    path = desk_dir / "config.toml"
    text = path.read_text()
    for old, new in (("working_days = [0, 1, 2, 3, 4]", "working_days = [1, 2, 3, 4, 5]"),
                     ("max_attachments = 10", "max_attachments = 0"),
                     ('url = "sqlite:///var/mailbot.db"', 'url = "postgresql+psycopg://mb:rahasia@127.0.0.1/mb"')):
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text)
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 0, result.stderr
    said = result.stdout + result.stderr
    assert ("stock.working_days [1, 2, 3, 4, 5] means Tuesday, Wednesday, Thursday, Friday, Saturday: here 0 is "
            "Monday (not as in crontab, where 1 is)") in said, said
    assert "guards.max_attachments = 0: every mail with an attachment" in said, said
    assert "database.url holds a password" in said and "rahasia" not in said, said
    # the PostgreSQL server was not tried: the "ok" line says so (was a plain "ok", then `run` could not open it)
    assert result.stdout.strip().splitlines()[-1].endswith(
        "; not tried: the PostgreSQL server (check-config --connect logs in)"), result.stdout


@pytest.mark.parametrize(("old", "new", "warning"), [
    ('code = "65.02"', 'code = "65.00"', "district 65.00 Kabupaten Malinau: code 65.00 is the province 65 "
                                         "itself, never a district or city"),
    ('code = "65.02"', 'code = "64.01"', "district 64.01 Kabupaten Malinau: code 64.01 is in province 64, "
                                         "the other districts in 65"),
    ('operator = "operator.blangko@disdukcapil.kaltaraprov.example"', 'operator = "disdukcapil@malinaukab.example"',
     "office.operator disdukcapil@malinaukab.example is also a sender of 65.02 Kabupaten Malinau"),
    ('authserv_id = "mx.kaltaraprov.example"', 'authserv_id = "https://mx.kaltaraprov.example/"',
     "guards.authserv_id 'https://mx.kaltaraprov.example/' looks like a URL; it is the mail server's name as it "
     "writes it first in Authentication-Results, e.g. authserv_id = 'mx.kaltaraprov.example'"),
    # 29 February: not at all, or once, in the coming year (the test may run in any year)
    ('cron = "0 7 * * 1-5"', 'cron = "0 7 29 2 *"', 'digest.cron: "0 7 29 2 *" '),
    ('cron = "0 7 * * 1-5"', 'cron = "0 7 1 1,7 *"',
     'digest.cron: "0 7 1 1,7 *" comes only 2 times in the coming year; check the day and month fields'),
], ids=["code-00", "other-province", "operator-is-a-district", "authserv-url", "feb-29", "twice-a-year"])
def test_slips_that_work_are_warned(desk_dir: Path, old: str, new: str, warning: str) -> None:
    """Accepted without a word before: a district coded as the province, or as one in Kalimantan Timur; the
    operator's notices going to a district; an authserv_id no Authentication-Results header ever starts with."""
    path = desk_dir / "config.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 0, result.stderr
    said = result.stdout + result.stderr
    assert warning in " ".join(said.split()), said


def _smtp_outbox(text: str, username: str) -> str:
    outbox = (f'[outbox]\nkind = "smtp"\nhost = "127.0.0.1"\nport = 1\ntls = "none"\nusername = "{username}"\n'
              f'password_env = "{PASSWORD}"\n\n')
    return text[:text.index("[outbox]")] + outbox + text[text.index("[run]"):]


@pytest.mark.parametrize(("box", "username", "password", "expected"), [
    # smtplib sends AUTH as ASCII only; it raised UnicodeEncodeError at the login (an IMAP login outside ASCII
    # goes as AUTHENTICATE PLAIN: tests/transports/test_check_config.py)
    ("outbox", "blangko", "Rahasia€1", f"outbox.password_env: the password in {PASSWORD} holds a character "
                                       "outside ASCII (such as ä, § or €), which the SMTP login cannot send"),
    ("outbox", "blangkö", "rahasia", "outbox.username: 'blangkö' holds a character outside ASCII"),
    # a CR LF ended the LOGIN command early on the wire and sent the rest as a command of its own
    ("inbox", "blangko", "geheim\r\nA1 LOGOUT", f"inbox.password_env: the password in {PASSWORD} holds a line "
                                                "break, which would split the IMAP login command; write the "
                                                "password alone, on one line"),
    ("inbox", "blangko", "ge\x01heim", f"the password in {PASSWORD} holds the control character U+0001, which "
                                       "would garble the IMAP login command; remove it"),
    ("outbox", "blangko", "geheim\n", "the password in " + PASSWORD + " holds a line break, which would split "
                                      "the SMTP login command"),
], ids=["smtp-password-euro", "smtp-username-umlaut",
        "imap-password-crlf", "imap-password-control", "smtp-password-newline"])
def test_a_login_the_server_cannot_take_is_refused_by_check_config_and_run(
        desk_dir: Path, box: str, username: str, password: str, expected: str) -> None:
    """Was ok offline; then check-config --connect and run died with a UnicodeEncodeError traceback (exit 1,
    which systemd restarts), or sent a login line split at the line break. The password is never repeated."""
    path = desk_dir / "config.toml"
    edit = _imap_inbox if box == "inbox" else _smtp_outbox
    path.write_text(edit(path.read_text(), username))
    for command in (("check-config",), ("check-config", "--connect"), ("run", "--once")):
        result = mailbot(desk_dir, *command, env={**os.environ, PASSWORD: password})
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], (command, result.stderr)
        assert password.strip() not in result.stderr or password == "rahasia", result.stderr


@pytest.mark.parametrize("box", ["inbox", "outbox"])
def test_a_tab_in_a_password_is_a_character_of_the_password(desk_dir: Path, box: str) -> None:
    """A tab was refused as "a control character, which would garble the IMAP login command; write the password
    alone, on one line": IMAP carries it in a quoted string and in AUTHENTICATE PLAIN, SMTP AUTH in base64."""
    path = desk_dir / "config.toml"
    edit = _imap_inbox if box == "inbox" else _smtp_outbox
    path.write_text(edit(path.read_text(), "blangko"))
    result = mailbot(desk_dir, "check-config", env={**os.environ, PASSWORD: "ab\tcd"})
    assert result.returncode == 0 and "control character" not in result.stderr, (result.stdout, result.stderr)


@pytest.mark.parametrize(("tls", "expected"), [
    ("STARTTLS", None), (" Implicit", None), ("None", None),
    ("ssl", "inbox.tls: 'ssl' is written tls = \"implicit\" in mailbot; write \"implicit\" (TLS from the first "
            "byte, usually port 993 for IMAP, 465 for SMTP), \"starttls\" (TLS after a plain greeting, usually 143 "
            "or 587) or \"none\""),
    ("SSL/TLS", "inbox.tls: 'SSL/TLS' is written tls = \"implicit\" in mailbot"),
    ("tls1.2", "inbox.tls: 'tls1.2' is no TLS setting; write \"implicit\""),
], ids=["starttls-upper", "implicit-spaced", "none-capital", "ssl", "ssl-tls", "other"])
def test_tls_is_read_in_any_case_and_a_mail_programs_word_is_named(desk_dir: Path, tls: str,
                                                                   expected: str | None) -> None:
    """Were pydantic's "Input should be 'implicit', 'starttls' or 'none'", with no case folding and no word that
    "ssl" is "implicit" here."""
    path = desk_dir / "config.toml"
    path.write_text(_imap_inbox(path.read_text(), "blangko").replace('tls = "none"', f'tls = "{tls}"'))
    result = mailbot(desk_dir, "check-config", env={**os.environ, PASSWORD: "rahasia"})
    lines = result.stderr.strip().splitlines()
    if expected is None:
        assert result.returncode == 0, (result.stdout, result.stderr)
    else:
        assert result.returncode == 2 and len(lines) == 1 and expected in lines[0], lines
        assert "Input should be" not in result.stderr


@pytest.mark.parametrize(("old", "new", "key"), [
    ('cron = "0 7 * * 1-5"', 'cron = "setiap hari kerja jam 7 pagi"', "digest.cron"),
    ('check_cron = "0 * * * *"', 'check_cron = "tiap jam"', "alerts.check_cron")])
def test_migrate_refuses_a_schedule_that_is_no_cron_line_and_makes_no_database(desk_dir: Path, old: str, new: str,
                                                                                key: str) -> None:
    path = desk_dir / "config.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    result = mailbot(desk_dir, "migrate")
    # was: "database schema upgraded from none (new database) to ...", exit 0, with a schedule that cannot run
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(f"mailbot: configuration error: {path}: {key}: ") and (
        "is not a cron schedule" in result.stderr and result.stderr.count("\n") == 1), result.stderr
    assert not (desk_dir / "var" / "mailbot.db").exists()
