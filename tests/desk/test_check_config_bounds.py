"""Settings that passed `check-config` and then broke `run` (a number without an honest range, a control
character in a path, a folder that cannot be made), settings that contradict each other, and what the
configuration's one-line errors name: each refused by `check-config` and by the start of `run`, in one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot

OWN = "blangko@disdukcapil.kaltaraprov.example"
MANAGER = "kadis@disdukcapil.kaltaraprov.example"
MALINAU = "disdukcapil@malinaukab.example"


def _set(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


def _smtp(host: str) -> Callable[[str], str]:
    return _set('kind = "maildir"\npath = "var/mail/outbox"', f'kind = "smtp"\nhost = "{host}"\ntls = "none"')


BROKEN: list[tuple[str, Callable[[str], str], str]] = [
    # numbers: inf, nan and absurd values, with the key, the value and the range
    ("poll-inf", _set("poll_seconds = 30", "poll_seconds = inf"),
     "run.poll_seconds: must be a finite number from 0.1 to 3600 seconds (got inf)"),
    ("poll-1e12", _set("poll_seconds = 30", "poll_seconds = 1e12"),
     "run.poll_seconds: must be from 0.1 to 3600 seconds (got 1000000000000.0)"),
    ("retry-inf", _set("outbox_retry_seconds = 60", "outbox_retry_seconds = inf"),
     "run.outbox_retry_seconds: must be a finite number more than 0 and at most 86400 seconds (got inf)"),
    ("retry-nan", _set("outbox_retry_seconds = 60", "outbox_retry_seconds = nan"),
     "run.outbox_retry_seconds: must be a finite number"),
    ("attempts-huge", _set("outbox_max_attempts = 10", "outbox_max_attempts = 100000"),
     "run.outbox_max_attempts: must be from 1 to 100 (got 100000)"),
    ("parse-inf", _set("max_parse_seconds = 5.0", "max_parse_seconds = inf"),
     "guards.max_parse_seconds: must be a finite number more than 0 and at most 600 seconds (got inf)"),
    ("mime-depth-huge", _set("max_mime_depth = 20", "max_mime_depth = 5000"),
     "guards.max_mime_depth: must be from 1 to 50 (got 5000)"),
    ("replies-huge", _set("max_replies_per_sender_per_day = 20",
                          "max_replies_per_sender_per_day = 10000000000000000000"),
     "guards.max_replies_per_sender_per_day: must be from 1 to 1000000"),
    ("resend-window-zero", _set("resend_window_hours = 24", "resend_window_hours = 0"),
     "guards.resend_window_hours: must be more than 0 and at most 168 hours (got 0)"),
    ("resend-window-a-month", _set("resend_window_hours = 24", "resend_window_hours = 720"),
     "guards.resend_window_hours: must be more than 0 and at most 168 hours (got 720)"),
    ("daily-use-inf", _set('fallback_daily_use = { "ktp-el" = 50', 'fallback_daily_use = { "ktp-el" = inf'),
     "stock.fallback_daily_use.ktp-el: must be a finite number from 0 to 100000 pieces a day (got inf)"),
    ("contradiction-percent", _set("contradiction_tolerance = 0.25", "contradiction_tolerance = 25"),
     "stock.contradiction_tolerance: must be from 0 to 0.99 (a share of the larger figure: 0.25 is 25%) (got 25)"),
    # control characters in a path or URL
    ("database-nul", _set('url = "sqlite:///var/mailbot.db"', 'url = "sqlite:///var/mail\\u0000bot.db"'),
     "database.url: holds the control character '\\x00' as its character number 19; remove it"),
    ("inbox-escape", _set('path = "var/mail/inbox"', 'path = "var/mail/in\\u001bbox"'),
     "inbox.path: holds the control character '\\x1b'"),
    # folders the desk writes
    ("outbox-under-proc", _set('path = "var/mail/outbox"', 'path = "/proc/self/outbox"'),
     "outbox.path: /proc/self/outbox cannot be made: /proc/self takes no new folders"),
    ("inbox-under-sys", _set('path = "var/mail/inbox"', 'path = "/sys/mailbot/inbox"'),
     "inbox.path: /sys/mailbot/inbox cannot be made: /sys takes no new folders"),
    # a PostgreSQL URL without its database
    ("postgresql-no-database", _set('url = "sqlite:///var/mailbot.db"', 'url = "postgresql+psycopg://u@127.0.0.1:1"'),
     "database.url: 'postgresql+psycopg://u@127.0.0.1:1' names no database; end it with the database's name"),
    # what the error names
    ("port-in-host", _smtp("127.0.0.1:25"), "outbox.host: '127.0.0.1:25' has the port in it; write host = "
     "'127.0.0.1' and port = 25"),
    ("port-in-ipv6-host", _smtp("[::1]:25"), "outbox.host: '[::1]:25' has the port in it; write host = '::1'"),
    ("key-of-the-other-kind", _set('kind = "maildir"\npath = "var/mail/outbox"',
                                   'kind = "smtp"\nhost = "127.0.0.1"\npath = "var/mail/outbox"'),
     "outbox.path: unknown key for kind = 'smtp' (path is a key of kind = 'maildir')"),
    ("stray-imap-section", lambda s: s + '\n[imap]\nhost = "mail.kaltaraprov.example"\n', "imap: unknown key"),
    # settings that contradict each other or cannot be meant
    ("pack-over-movement", _set("pack_size = 100", "pack_size = 300000"),
     "stock: pack_size 300.000 is larger than max_quantity_per_movement 200.000"),
    ("own-address-as-manager", _set(f'managers = ["{MANAGER}"', f'managers = ["{OWN}"'),
     f"office.managers: {OWN} is the desk's own address (office.address)"),
    ("own-address-as-operator", _set('operator = "operator.blangko@', 'operator = "blangko@'),
     f"office.operator: {OWN} is the desk's own address"),
    ("own-address-as-district", _set(f'senders = ["{MALINAU}"]', f'senders = ["{MALINAU}", "{OWN}"]'),
     f"[[districts]] 65.02 Kabupaten Malinau: senders: {OWN} is the desk's own address"),
    ("manager-as-district", _set(f'senders = ["{MALINAU}"]', f'senders = ["{MALINAU}", "{MANAGER.upper()}"]'),
     f"[[districts]] 65.02 Kabupaten Malinau: senders: {MANAGER} is also a manager (office.managers)"),
    ("office-without-name", _set('name = "Disdukcapil Provinsi Kalimantan Utara"', 'name = "  "'),
     "office.name: must not be empty"),
    ("office-without-signature", _set('signature = "Bidang Pelayanan Pendaftaran Penduduk"', 'signature = ""'),
     "office.signature: must not be empty"),
]


@pytest.mark.parametrize(("edit", "expected"), [(e, x) for _, e, x in BROKEN], ids=[i for i, _, _ in BROKEN])
def test_refused_in_one_line_by_check_config_and_run(desk_dir: Path, edit: Callable[[str], str],
                                                     expected: str) -> None:
    path = desk_dir / "config.toml"
    path.write_text(edit(path.read_text()))
    for command in (("check-config",), ("run", "--once")):
        result = mailbot(desk_dir, *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], result.stderr
    assert not (desk_dir / "var" / "mailbot.db").exists(), "nothing may start on a broken configuration"


@pytest.mark.parametrize("beside", ["mailbot.db.outbox.lock", "mailbot.db.outbox-sent", "mailbot.db-wal"])
def test_a_file_the_database_keeps_beside_it_must_be_a_writable_file(desk_dir: Path, beside: str) -> None:
    (desk_dir / "var" / beside).mkdir()  # a folder where mailbot would open its lock or journal
    for command in (("check-config",), ("run", "--once")):
        result = mailbot(desk_dir, *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert result.stderr.strip().splitlines() == [
            f"mailbot: configuration error: {desk_dir / 'config.toml'}: database.url: {desk_dir / 'var' / beside} "
            "cannot be read and written by this user; check its owner and permissions"]


def test_a_multi_line_signature_is_no_control_character(desk_dir: Path) -> None:
    path = desk_dir / "config.toml"
    path.write_text(_set('signature = "Bidang', 'signature = "Seksi Dafduk\\nBidang')(path.read_text()))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 0, result.stderr


WARNINGS = [
    (_set('reserve = { "ktp-el" = 5000', 'reserve = { "ktp-el" = 70000'),
     "stock.reserve: the ktp-el reserve 70.000 is more than the province's opening stock 66.000"),
    (_set('reserve = { "ktp-el" = 5000, "kia" = 1000 }', 'reserve = { "ktp-el" = 5000 }'),
     'stock.reserve: no reserve for kia: the province may ship its whole store of it; write "kia" = 0'),
    (_set("max_quantity_per_movement = 200000", "max_quantity_per_movement = 2000"),
     "stock.auto_approve_limit 3.000 is above max_quantity_per_movement 2.000"),
    (_set("max_attachment_bytes = 5242880", "max_attachment_bytes = 20971520"),
     "guards.max_attachment_bytes 20971520 is above max_message_bytes 10485760"),
]


@pytest.mark.parametrize(("edit", "expected"), WARNINGS, ids=["reserve-over-stock", "reserve-item-left-out",
                                                              "auto-over-movement", "attachment-over-message"])
def test_a_doubtful_setting_is_a_warning_line(desk_dir: Path, edit: Callable[[str], str], expected: str) -> None:
    path = desk_dir / "config.toml"
    path.write_text(edit(path.read_text()))
    checked = mailbot(desk_dir, "check-config")
    assert checked.returncode == 0, checked.stderr
    assert [line for line in checked.stdout.splitlines() if line.startswith("warning")] == [
        next(line for line in checked.stdout.splitlines() if expected in line)]
    ran = mailbot(desk_dir, "run", "--once")
    assert ran.returncode == 0, ran.stderr
    assert sum(expected in line and "WARNING" in line for line in ran.stderr.splitlines()) == 1, ran.stderr
