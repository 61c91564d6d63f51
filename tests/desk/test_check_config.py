"""`mailbot check-config` (and the start of `mailbot run`) refuse, in one line each, what would fail later."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot

IMAP_INBOX = ('[inbox]\nkind = "imap"\nhost = "127.0.0.1"\nport = 1\ntls = "none"\nusername = "u"\n'
              'password_env = "MAILBOT_TEST_NO_SUCH_VARIABLE"\n\n')


def _imap_inbox(text: str) -> str:
    return text[:text.index("[inbox]")] + IMAP_INBOX + text[text.index("[outbox]"):]


def _smtp_outbox(lines: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        return text[:text.index("[outbox]")] + f'[outbox]\nkind = "smtp"\n{lines}\n\n' + text[text.index("[run]"):]
    return edit


BROKEN: list[tuple[str, Callable[[str], str], str]] = [
    ("cron-words", lambda s: s.replace('cron = "0 7 * * 1-5"', 'cron = "jam 7 pagi"'),
     'digest.cron: "jam 7 pagi" is not a cron schedule'),
    # the library's "Wrong number of fields; got 1, expected 5" was the reason given
    ("cron-time-of-day", lambda s: s.replace('cron = "0 7 * * 1-5"', 'cron = "07:30"'),
     'digest.cron: "07:30" is not a cron schedule (a time of day alone is no schedule: for 07:30 on Monday to '
     'Friday write "30 7 * * 1-5" (minute, hour, day of the month, month, day of the week))'),
    ("cron-reboot", lambda s: s.replace('cron = "0 7 * * 1-5"', 'cron = "@reboot"'),
     'digest.cron: "@reboot" is not a cron schedule (@reboot is a crontab shortcut, which mailbot does not take; '
     'write five fields: minute, hour, day of the month, month, day of the week, e.g. "0 7 * * 1-5" for 07:00 on '
     "Monday to Friday)"),
    ("cron-minute-61", lambda s: s.replace('check_cron = "0 * * * *"', 'check_cron = "61 * * * *"'),
     'alerts.check_cron: "61 * * * *" is not a cron schedule'),
    ("mysql", lambda s: s.replace('url = "sqlite:///var/mailbot.db"', 'url = "mysql://u@db/mailbot"'),
     "database.url: mysql is not supported; use sqlite:///PATH or postgresql"),
    ("missing-folder", lambda s: s.replace("sqlite:///var/mailbot.db", "sqlite:///vra/mailbot.db"),
     "vra does not exist; create it (mkdir -p"),
    ("path-under-a-file", lambda s: s.replace("sqlite:///var/mailbot.db", "sqlite:///config.toml/mailbot.db"),
     "config.toml is a file, not a folder"),
    ("sqlite-two-slashes", lambda s: s.replace("sqlite:///var/mailbot.db", "sqlite://var/mailbot.db"),
     "is not a SQLite URL; a SQLite URL has three slashes before a relative path (sqlite:///var/mailbot.db)"),
    ("sqlite-a-folder", lambda s: s.replace("sqlite:///var/mailbot.db", "sqlite:///var"),
     "var is a folder; name the database file in it"),
    ("sqlite-unwritable-folder", lambda s: s.replace("sqlite:///var/mailbot.db", "sqlite:////proc/m.db"),
     "the folder /proc does not take new files"),
    # a traceback ("embedded null byte"), and a refusal naming the same file twice
    ("sqlite-percent-nul", lambda s: s.replace("sqlite:///var/mailbot.db", "sqlite:///var/mailbot.db%00x"),
     "its database name holds the control character '\\x00' (written %00); remove it"),
    ("sqlite-percent-newline", lambda s: s.replace("sqlite:///var/mailbot.db", "sqlite:///var/mailbot.db%0A"),
     "its database name holds the control character '\\n' (written %0A); remove it"),
    ("password-env-unset", _imap_inbox,
     "inbox.password_env: the environment variable MAILBOT_TEST_NO_SUCH_VARIABLE is not set"),
    ("misspelt-kind-value", lambda s: s.replace('kind = "maildir"\n# Maildir', 'kind = "imapp"\n# Maildir', 1),
     "inbox.kind: 'imapp' is not one of maildir, imap (did you mean 'imap'?)"),
    ("misspelt-kind-key", lambda s: s.replace('kind = "maildir"\n# Maildir', 'knd = "maildir"\n# Maildir', 1),
     "inbox.kind: required key is missing ('knd' is not a key here: did you mean 'kind'?)"),
    ("smtp-username-without-password", _smtp_outbox('host = "127.0.0.1"\nusername = "blangko"'),
     "outbox: username is set but password_env is not"),
    ("smtp-clear-text", _smtp_outbox('host = "smtp.kaltaraprov.example"\ntls = "none"'),
     'outbox.tls: "none" sends passwords and mail in clear text'),
    ("sender-with-a-name", lambda s: s.replace('senders = ["disdukcapil@malinaukab.example"]',
                                               'senders = ["Disdukcapil Malinau <disdukcapil@malinaukab.example>"]'),
     "[[districts]] 65.02 Kabupaten Malinau: senders[0]: holds a name and <>; write only the address: "
     "disdukcapil@malinaukab.example"),
    ("address-two-at", lambda s: s.replace('address = "blangko@', 'address = "blangko@@', 1),
     "office.address: is not an email address (more than one @ in it); write the address alone"),
    ("address-idn", lambda s: s.replace('address = "blangko@disdukcapil.kaltaraprov.example"',
                                        'address = "blangko@disdukcapil.kaltaraprov.éxample"', 1),
     "office.address: has letters outside ASCII in its domain; write it in its ASCII form: "
     "blangko@disdukcapil.kaltaraprov.xn--xample-9ua"),
    ("code-without-dot", lambda s: s.replace('code = "65.02"', 'code = "6502"'),
     "[[districts]] 6502 Kabupaten Malinau: code: '6502' is not a district code; write the province's two "
     "digits, a dot"),
    ("managers-empty", lambda s: s.replace(
        'managers = ["kadis@disdukcapil.kaltaraprov.example", "kabid.piak@disdukcapil.kaltaraprov.example"]',
        "managers = []"), "office.managers: is empty; name at least one address"),
    ("cron-sunday-7", lambda s: s.replace('cron = "0 7 * * 1-5"', 'cron = "0 7 * * 7"'),
     "counts 0 (Sunday) to 6 (Saturday): write 0 for Sunday, not 7"),
    ("cron-minute-61-plain", lambda s: s.replace('check_cron = "0 * * * *"', 'check_cron = "61 * * * *"'),
     "(61 goes above 59, the largest value of its field)"),
    # a whole table left out is named as the table it is (was "outbox: required key is missing")
    ("no-outbox-table", lambda s: s[:s.index("[outbox]")] + s[s.index("[run]"):],
     "outbox: required table [outbox] is missing"),
    ("no-districts", lambda s: s[:s.index("[[districts]]")],
     "districts: required table [[districts]] is missing"),
    # an item left out opened at 0 and the first run alerted the managers "kritis: 0 keping" for it
    ("opening-stock-item-left-out", lambda s: s.replace('opening_stock = { "ktp-el" = 2500, "kia" = 800 }',
                                                        'opening_stock = { "ktp-el" = 2500 }'),
     "[[districts]] 65.04 Kabupaten Tana Tidung: opening_stock: no opening stock for kia; write the pieces on hand "
     'when mailbot starts (0 if there are none): opening_stock = { "ktp-el" = 2500, "kia" = N }'),
    ("opening-stock-left-out", lambda s: s.replace('opening_stock = { "ktp-el" = 2500, "kia" = 800 }\n', ""),
     "[[districts]] 65.04 Kabupaten Tana Tidung: opening_stock: no opening stock for ktp-el and kia"),
    # the province's store of an item left out opened at 0, passing check-config with a warning on the reserve
    ("opening-province-item-left-out", lambda s: s.replace('opening_province = { "ktp-el" = 66000, "kia" = 20000 }',
                                                           'opening_province = { "ktp-el" = 66000 }'),
     "stock.opening_province: no opening stock for kia; write the pieces in the province's store when mailbot "
     'starts (0 if there are none): opening_province = { "ktp-el" = 66000, "kia" = N }'),
    # two addresses typed in one string (was "holds a space", which pointed at the wrong mistake)
    ("two-senders-in-one-string", lambda s: s.replace('senders = ["disdukcapil@malinaukab.example"]',
                                                      'senders = ["disdukcapil@malinaukab.example; kadis@x.example"]'),
     'senders[0]: holds 2 addresses in one string; write one address per string: '
     '["disdukcapil@malinaukab.example", "kadis@x.example"]'),
]


@pytest.mark.parametrize(("edit", "expected"), [(e, x) for _, e, x in BROKEN], ids=[i for i, _, _ in BROKEN])
def test_check_config_refuses_in_one_line(desk_dir: Path, edit: Callable[[str], str], expected: str) -> None:
    path = desk_dir / "config.toml"
    original = path.read_text()
    path.write_text(edit(original))
    assert path.read_text() != original
    for command in (("check-config",), ("run", "--once")):
        result = mailbot(desk_dir, *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], result.stderr
        assert "Traceback" not in result.stderr
    assert not (desk_dir / "var" / "mailbot.db").exists(), "nothing may start on a broken configuration"


def test_every_problem_gets_its_line(desk_dir: Path) -> None:
    path = desk_dir / "config.toml"
    text = path.read_text().replace('cron = "0 7 * * 1-5"', 'cron = "jam 7 pagi"')
    path.write_text(text.replace('check_cron = "0 * * * *"', 'check_cron = "61 * * * *"'))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 2
    # each starts with the file's name, as the file's other errors do
    assert [line.split(": ")[2:4] for line in result.stderr.strip().splitlines()] == [
        [str(path), "alerts.check_cron"], [str(path), "digest.cron"]]


def test_a_good_configuration_says_what_it_uses(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("ok: mailbox: Maildir ") and "sending through: Maildir" in line
    assert f"database: SQLite {desk_dir / 'var' / 'mailbot.db'}" in line
    ran = mailbot(desk_dir, "run", "--once")
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr.startswith("mailbot 0.1.0: mailbox: Maildir ") and len(ran.stderr.splitlines()) == 1


@pytest.mark.parametrize("host", ["::1", "[::1]", "127.0.0.2", "localhost"])
def test_clear_text_to_loopback_is_accepted_however_written(desk_dir: Path, host: str) -> None:
    path = desk_dir / "config.toml"
    path.write_text(_smtp_outbox(f'host = "{host}"\nport = 2525\ntls = "none"')(path.read_text()))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 0, result.stderr
    assert "clear text" not in result.stderr
