"""`mailbot check-config` and the start of `mailbot run` refuse what run would fail on or silently ignore:
Maildir paths that are no Maildir, an in-memory database, a schedule that never fires, pieces written as
fractions, no working days, password variables and hosts that cannot be."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot

INBOX = 'path = "var/mail/inbox"'
OUTBOX = 'path = "var/mail/outbox"'
URL = 'url = "sqlite:///var/mailbot.db"'
SMTP = 'kind = "smtp"\nhost = "{host}"\nport = 587\nusername = "blangko"\npassword_env = "{env}"'


def _set(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


def _smtp(host: str = "smtp.kaltaraprov.example", env: str = "MAILBOT_TEST_SMTP") -> Callable[[str], str]:
    return _set(f'kind = "maildir"\n{OUTBOX}', SMTP.format(host=host, env=env))


BROKEN: list[tuple[str, Callable[[str], str], str]] = [
    ("pieces-unquoted-dot", _set('"ktp-el" = 66000', '"ktp-el" = 66.000'),
     "stock.opening_province.ktp-el: 66.0 is not a whole number of pieces"),
    ("pieces-decimal-comma", _set('"ktp-el" = 66000', '"ktp-el" = "66,000"'),
     'stock.opening_province.ktp-el: "66,000" is ambiguous'),
    ("inbox-dev-null", _set(INBOX, 'path = "/dev/null"'), "inbox.path: /dev/null is a file, not a Maildir"),
    ("inbox-the-config-file", _set(INBOX, 'path = "config.toml"'), "config.toml is a file, not a Maildir"),
    # an empty path was the config's own folder, "a folder but not a Maildir"; now said to be empty
    ("inbox-empty-path", _set(INBOX, 'path = ""'), "inbox.path: is empty; write the Maildir folder's path"),
    ("inbox-root", _set(INBOX, 'path = "/"'), "inbox.path: / is a folder but not a Maildir"),
    ("inbox-dangling-link", _set(INBOX, 'path = "gone"'), "inbox.path: {dir}/gone is a link to nothing"),
    ("inbox-new-part", _set(INBOX, 'path = "var/mail/inbox/new"'),
     "is the new/ part of a Maildir; name the Maildir itself: {dir}/var/mail/inbox"),
    ("outbox-proc-self", _set(OUTBOX, 'path = "/proc/self"'), "outbox.path: /proc/self is a folder but not a"),
    ("sqlite-memory", _set(URL, 'url = "sqlite://"'), "database.url: 'sqlite://' is a database in memory"),
    ("sqlite-memory-named", _set(URL, 'url = "sqlite:///:memory:"'), "is a database in memory"),
    ("postgresql-no-driver", _set(URL, 'url = "postgresql://u@db/mailbot"'),
     "postgresql:// is not a driver mailbot uses; write postgresql+psycopg://u@db/mailbot"),
    ("postgresql-psycopg2", _set(URL, 'url = "postgresql+psycopg2://u@db/mailbot"'), "write postgresql+psycopg://"),
    ("cron-30-february", _set('cron = "0 7 * * 1-5"', 'cron = "0 7 30 2 *"'), "never comes"),
    ("cron-31-february", _set('check_cron = "0 * * * *"', 'check_cron = "0 7 31 2 *"'), "never comes"),
    ("no-working-days", _set("working_days = [0, 1, 2, 3, 4]", "working_days = []"),
     "stock.working_days: name at least one working day"),
    ("day-seven", _set("working_days = [0, 1, 2, 3, 4]", "working_days = [0, 1, 7]"),
     "stock.working_days: 7 is not a day"),
    ("password-env-empty", _smtp(env=""), "outbox.password_env: the value is not the name of an environment variable"),
    ("inbox-tilde", _set(INBOX, 'path = "~/Maildir"'),
     "inbox.path: '~/Maildir' starts with ~, which mailbot does not expand (it would make a folder named ~ beside "
     "config.toml); write the whole path, e.g. path = '" + os.path.expanduser("~/Maildir") + "'"),
    ("outbox-tilde-unknown-user", _set(OUTBOX, 'path = "~nobody-on-this-machine/outbox"'),
     "outbox.path: '~nobody-on-this-machine/outbox' starts with ~, which mailbot does not expand (it would make a "
     "folder named ~ beside config.toml); write the whole path, from / on"),
    ("inbox-shell-variable", _set(INBOX, 'path = "$HOME/mail/inbox"'),
     "inbox.path: '$HOME/mail/inbox' names the environment variable $HOME, which mailbot does not expand (it would "
     "make a folder named $HOME); write the whole path, e.g. '" + os.path.expandvars("$HOME/mail/inbox") + "'"),
    ("outbox-braced-variable", _set(OUTBOX, 'path = "${MAILBOT_NO_SUCH_VARIABLE}/outbox"'),
     "names the environment variable $MAILBOT_NO_SUCH_VARIABLE, which mailbot does not expand (it would make a "
     "folder named $MAILBOT_NO_SUCH_VARIABLE); write the whole path"),
    ("sqlite-shell-variable", _set(URL, 'url = "sqlite:///$HOME/mailbot.db"'),
     "database.url: '$HOME/mailbot.db' names the environment variable $HOME, which mailbot does not expand"),
    ("inbox-trailing-space", _set(INBOX, 'path = "var/mail/inbox "'),
     "inbox.path: 'var/mail/inbox ' has spaces around it or around a folder's name in it, which would make a folder "
     "of another name; write path = 'var/mail/inbox'"),
    ("outbox-inner-space", _set(OUTBOX, 'path = "var/ mail/outbox"'), "write path = 'var/mail/outbox'"),
    ("password-env-spaces", _smtp(env="MAILBOT BAD=NAME"), "is not the name of an environment variable"),
    ("password-only-spaces", _smtp(env="MAILBOT_TEST_SPACES"),
     "the environment variable MAILBOT_TEST_SPACES is not set (or holds only spaces)"),
    ("host-empty", _smtp(host=""), "outbox.host: '' is not a host name"),
    ("misspelt-optional-key", _set('signature = "', 'signatur = "'),
     "office.signatur: unknown key (did you mean 'signature'?)"),
    ("misspelt-pack-size", _set("pack_size = ", "packsize = "),
     "stock.packsize: unknown key (did you mean 'pack_size'?)"),
    ("zone-abbreviation", _set('timezone = "Asia/Makassar"', 'timezone = "WITA"'),
     "office.timezone: unknown time zone 'WITA'; WITA is written 'Asia/Makassar'"),
    ("zone-misspelt", _set('timezone = "Asia/Makassar"', 'timezone = "Asia/Makasar"'),
     "(did you mean 'Asia/Makassar'?)"),
    ("database-in-inbox", _set(URL, 'url = "sqlite:///var/mail/inbox/new/mailbot.db"'),
     "is inside the Maildir of inbox.path"),
    ("sqlite-option-wrong", _set(URL, 'url = "sqlite:///var/mailbot.db?timeout=abc"'),
     "database.url: mailbot sets SQLite's options itself (a 30-second wait, WAL, full sync) and takes none in "
     "the URL (?timeout=); remove everything from the ? on"),
    ("sqlite-option-ignored", _set(URL, 'url = "sqlite:///var/mailbot.db?mode=ro"'), "takes none in the URL (?mode=)"),
    # a config copied from a Windows machine: was "ok" and a new, empty desk in a file "C:\mailbot\mailbot.db"
    ("sqlite-windows-path", _set(URL, 'url = "sqlite:///C:\\\\mailbot\\\\mailbot.db"'),
     "is a Windows path (a drive letter, backslashes), which would make a new, empty database of that odd name "
     "here; write the path with / on this machine"),
    ("sqlite-windows-drive", _set(URL, 'url = "sqlite:///C:/mailbot/mailbot.db"'), "is a Windows path"),
    ("sqlite-other-driver", _set(URL, 'url = "sqlite+aiosqlite:///var/mailbot.db"'),
     "database.url: sqlite+aiosqlite:// is not a driver mailbot uses; write sqlite:///PATH"),
]


@pytest.mark.parametrize(("edit", "expected"), [(e, x) for _, e, x in BROKEN], ids=[i for i, _, _ in BROKEN])
def test_refused_by_check_config_and_run(desk_dir: Path, edit: Callable[[str], str], expected: str) -> None:
    path = desk_dir / "config.toml"
    path.write_text(edit(path.read_text()))
    (desk_dir / "gone").symlink_to(desk_dir / "nowhere")
    for part in ("new", "cur", "tmp"):
        (desk_dir / "var" / "mail" / "inbox" / part).mkdir(parents=True)
    env = {**os.environ, "MAILBOT_TEST_SPACES": "   "}
    for command in (("check-config",), ("run", "--once")):
        result = mailbot(desk_dir, *command, env=env)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected.format(dir=desk_dir) in lines[0], result.stderr
    assert not (desk_dir / "var" / "mailbot.db").exists(), "nothing may start on a broken configuration"


def test_quoted_indonesian_figure_is_thousands(desk_dir: Path) -> None:
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace('"ktp-el" = 66000', '"ktp-el" = "70.000"', 1))
    assert mailbot(desk_dir, "check-config").returncode == 0
    assert mailbot(desk_dir, "migrate").returncode == 0  # `status` makes no database
    status = mailbot(desk_dir, "status", "--item", "ktp-el")
    assert status.returncode == 0, status.stderr
    assert "province store: 70.000 on hand" in status.stdout


def test_sqlite_driver_url_resolves_against_the_config_folder(desk_dir: Path) -> None:
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace(URL, 'url = "sqlite+pysqlite:///var/other.db"'))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 0, result.stderr
    assert f"database: SQLite {desk_dir}/var/other.db" in result.stdout


def test_a_byte_order_mark_is_no_problem(desk_dir: Path) -> None:
    path = desk_dir / "config.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 0, result.stderr


# A database URL that cannot be read at all: refused by the configuration's check, so by every command, in one
# line naming database.url and what to write (was: a traceback from SQLAlchemy in every command).
UNREADABLE_URLS = [
    ("empty", "", "database.url: '' names no database; write sqlite:///PATH"),
    ("bare-path", "{dir}/var/mailbot.db", "database.url: '{dir}/var/mailbot.db' is a path, not a database URL; "
                                          "write sqlite:///{dir}/var/mailbot.db"),
    # the file's path written alone with a shell variable: the hint is a URL that is not refused again
    ("bare-path-variable", "$HOME/var/mailbot.db", "database.url: '$HOME/var/mailbot.db' is a path, not a database "
                                                  "URL; write sqlite:///" + os.path.expandvars("$HOME/var/mailbot.db")),
    ("bare-word", "sqlite", "database.url: 'sqlite' names no database file; write sqlite:///var/mailbot.db"),
    ("one-slash", "sqlite:/var/mailbot.db", "is not a SQLite URL: it has three slashes before a relative path and "
                                            "four before an absolute one; write sqlite:////var/mailbot.db"),
    ("leading-space", " sqlite:///var/mailbot.db", "database.url: ' sqlite:///var/mailbot.db' has spaces around it"),
    ("trailing-space", "sqlite:///var/mailbot.db ", "write url = 'sqlite:///var/mailbot.db'"),
    ("port-not-a-number", "postgresql+psycopg://u:p@db:abc/mailbot", "the port 'abc' is not a number"),
]


@pytest.mark.parametrize(("url", "expected"), [(u, x) for _, u, x in UNREADABLE_URLS],
                         ids=[i for i, _, _ in UNREADABLE_URLS])
def test_an_unreadable_database_url_is_one_line_in_every_command(desk_dir: Path, url: str, expected: str) -> None:
    path = desk_dir / "config.toml"
    path.write_text(_set(URL, f'url = "{url.format(dir=desk_dir)}"')(path.read_text()))
    for command in (("check-config",), ("run", "--once"), ("status",), ("migrate",), ("digest", "--print"),
                    ("backup", str(desk_dir / "copy.db"))):
        result = mailbot(desk_dir, *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected.format(dir=desk_dir) in lines[0], (command, result.stderr)
        assert "(got " not in lines[0], "the value is quoted once"
    assert not any(desk_dir.glob("var/mailbot.db*")), "no database is made on a URL that cannot be read"


def test_a_password_written_as_password_env_is_never_repeated(desk_dir: Path) -> None:
    """Was: "outbox.password_env: 'Rahasia#2026!' is not the name of an environment variable": the secret on
    stderr, which the journal keeps."""
    path = desk_dir / "config.toml"
    path.write_text(_smtp(env="Rahasia#2026!")(path.read_text()))
    for command in (("check-config",), ("run", "--once")):
        result = mailbot(desk_dir, *command)
        assert result.returncode == 2, (command, result.stderr)
        assert "outbox.password_env: the value is not the name of an environment variable (not repeated here: if it " \
               "is the password itself, take it out of the file)" in result.stderr, result.stderr
        assert "Rahasia" not in result.stderr + result.stdout


def test_a_maildir_missing_on_a_desk_that_has_run_is_warned_of(desk_dir: Path) -> None:
    """Was: inbox.path = "var/mail/elsewhere" on a desk that has read mail passed check-config without a word, and
    run read the new, empty folder for ever."""
    assert mailbot(desk_dir, "migrate").returncode == 0  # a desk that has read nothing yet: nothing said
    assert "does not exist yet" not in mailbot(desk_dir, "check-config").stdout
    assert mailbot(desk_dir, "import", str(EXAMPLES / "02-tarakan-laporan.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    path = desk_dir / "config.toml"
    path.write_text(_set(INBOX, 'path = "var/mail/elsewhere"')(path.read_text()))
    checked = mailbot(desk_dir, "check-config")
    assert checked.returncode == 0, checked.stderr
    said = checked.stdout + checked.stderr
    assert (f"inbox.path: the Maildir {desk_dir}/var/mail/elsewhere does not exist yet, although the database "
            f"{desk_dir}/var/mailbot.db holds mail read before; mailbot will create it empty: is the path right?"
            ) in said, said
    ran = mailbot(desk_dir, "run", "--once")
    assert "var/mail/elsewhere does not exist yet" in ran.stderr, ran.stderr


def test_a_maildir_path_a_letter_from_the_real_one_is_refused(desk_dir: Path) -> None:
    """Was: inbox.path = "var/mail/inbx" beside the real var/mail/inbox was only warned of (and on a new desk not
    at all); run made the empty folder and read it for ever while the mail waited in the real one."""
    assert mailbot(desk_dir, "import", str(EXAMPLES / "02-tarakan-laporan.eml")).returncode == 0
    path = desk_dir / "config.toml"
    path.write_text(_set(INBOX, 'path = "var/mail/inbx"')(path.read_text()))
    line = (f"inbox.path: {desk_dir}/var/mail/inbx does not exist, but the Maildir {desk_dir}/var/mail/inbox does, "
            "a letter or two from it: a likely typo; correct the path (mailbot would make inbx beside it and never "
            "see the mail in inbox)")
    for command in (("check-config",), ("run", "--once")):
        result = mailbot(desk_dir, *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert line in result.stderr, result.stderr
    assert not (desk_dir / "var/mail/inbx").exists()
    assert list((desk_dir / "var/mail/inbox/new").iterdir())  # the mail still waits, unread
