"""A database.url that has lost its `var/` (or points anywhere a desk has not been) never starts a new, empty desk
by itself: a command that only reads makes no database and names the one nearby; check-config, `run` and every
command that writes refuse while the Maildirs hold mail read or sent before, or a desk lies nearby, until the
operator starts the new desk on purpose (`mailbot migrate --new-desk`). A first start on a fresh machine, and
`make demo`'s steps, still make the database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.desk.conftest import ROOT, mailbot
from tests.desk.mailkit import set_config

EXAMPLES = ROOT / "examples" / "inbox"
READING_COMMANDS = (("status",), ("requests",), ("digest", "--print"), ("history", "BLK-2026-0001"),
                    ("queue", "list"), ("outbox", "list"), ("quarantine",))


@pytest.fixture
def var_dropped(sample_template: Path, tmp_path: Path) -> Path:
    """A copy of the sample desk (`make demo`'s steps: the inbox read, the replies sent) whose database.url has
    lost its `var/` (sqlite:///mailbot.db)."""
    desk_dir = tmp_path / "desk"
    shutil.copytree(sample_template, desk_dir)
    set_config(desk_dir, "database", url="sqlite:///mailbot.db")
    return desk_dir


def test_a_reading_command_makes_no_database_and_names_the_one_nearby(var_dropped: Path) -> None:
    """Was: `status` made mailbot.db and showed the opening stock (Bulungan 8.000 'ok', the province 66.000 on
    hand, 0 committed) as the desk's, exit 0."""
    for command in READING_COMMANDS:
        said = mailbot(var_dropped, *command)
        assert said.returncode == 2, (command, said.stdout, said.stderr)
        assert said.stderr.count("\n") == 1, said.stderr
        assert f"the database {var_dropped / 'mailbot.db'} does not exist" in said.stderr, said.stderr
        assert f"the mailbot database {var_dropped / 'var' / 'mailbot.db'}, holding mail read before, is nearby" \
            in said.stderr, said.stderr
        assert "province store" not in said.stdout
        assert not (var_dropped / "mailbot.db").exists(), command


def test_a_reading_command_makes_no_database_where_no_desk_has_been(tmp_path: Path) -> None:
    shutil.copy(ROOT / "config.toml", tmp_path / "config.toml")
    (tmp_path / "var").mkdir()
    said = mailbot(tmp_path, "status")
    assert said.returncode == 2, said.stdout
    assert "a command that only reads makes none; correct database.url, or start the desk with `mailbot run`" \
        in said.stderr, said.stderr
    assert list((tmp_path / "var").iterdir()) == []


def test_check_config_run_and_writing_commands_refuse_a_new_desk_beside_the_old_mail(var_dropped: Path) -> None:
    """Was: check-config "ok ... (none there yet: a new, empty database is made there)", exit 0, and `run --once`
    worked on a new, empty desk though the inbox held 12 read messages and the outbox 11 sent replies."""
    for command in (("check-config",), ("run", "--once"), ("migrate",), ("supply", "receive", "1.000"),
                    ("digest", "--send")):
        said = mailbot(var_dropped, *command)
        assert said.returncode == 2, (command, said.stdout, said.stderr)
        line = said.stderr.strip().splitlines()[-1]
        assert f"the database {var_dropped / 'mailbot.db'} does not exist, although the Maildir inbox " \
               f"{var_dropped / 'var/mail/inbox'} holds 12 message(s) read before and the Maildir outbox " \
               f"{var_dropped / 'var/mail/outbox'} holds 11 mail(s) sent before" in line, (command, line)
        assert "is nearby; correct database.url to name it" in line, line
        assert "run `mailbot migrate --new-desk` once" in line, line
        assert not (var_dropped / "mailbot.db").exists(), command


def test_signs_in_the_maildirs_alone_refuse_a_new_desk(var_dropped: Path) -> None:
    """The database moved away (no desk nearby), the Maildirs still full: the mail is no new desk's."""
    shutil.move(var_dropped / "var" / "mailbot.db", var_dropped.parent / "elsewhere.db")
    said = mailbot(var_dropped, "run", "--once")
    assert said.returncode == 2, said.stdout
    assert "holds 11 mail(s) sent before; correct database.url, or, to start a new, empty desk there on purpose" \
        in said.stderr, said.stderr
    assert "nearby" not in said.stderr


def test_a_desk_nearby_alone_refuses_a_new_desk(var_dropped: Path) -> None:
    """An IMAP desk shows nothing in Maildirs: the database left in var/ is the sign."""
    shutil.rmtree(var_dropped / "var" / "mail")
    said = mailbot(var_dropped, "check-config")
    assert said.returncode == 2, said.stdout
    assert (f"the database {var_dropped / 'mailbot.db'} does not exist, but the mailbot database "
            f"{var_dropped / 'var' / 'mailbot.db'}, holding mail read before, is nearby") in said.stderr, said.stderr


def test_migrate_new_desk_starts_the_new_desk_on_purpose(var_dropped: Path) -> None:
    """The new desk says where it is and what it starts beside (was only "database schema upgraded from none (new
    database) to 0002"): the earlier mail left unread again, the earlier database nearby to point at."""
    made = mailbot(var_dropped, "migrate", "--new-desk")
    assert made.returncode == 0, made.stderr
    assert (var_dropped / "mailbot.db").is_file()
    said = " ".join(made.stdout.split())
    assert f"new, empty desk at {var_dropped / 'mailbot.db'}, starting from config.toml's opening stock" in said, said
    assert "holds 12 message(s) read before and the Maildir outbox" in said, said
    assert "they are left as they are and not read again" in said, said
    assert f"the mailbot database {var_dropped / 'var' / 'mailbot.db'}, holding mail read before, is nearby: point " \
           "database.url at it to go on with that desk" in said, said
    again = mailbot(var_dropped, "migrate", "--new-desk")  # the desk is made: nothing more to say of the old one
    assert again.returncode == 0 and "new, empty desk" not in again.stdout, again.stdout
    for command in (("check-config",), ("status",)):
        said = mailbot(var_dropped, *command)
        assert said.returncode == 0, (command, said.stderr)


def test_a_first_start_on_a_fresh_machine_still_makes_the_database(tmp_path: Path) -> None:
    """`make demo` and the README's first run: import, then run --once, in a fresh folder."""
    shutil.copy(ROOT / "config.toml", tmp_path / "config.toml")
    (tmp_path / "var").mkdir()
    assert mailbot(tmp_path, "check-config").returncode == 0
    assert mailbot(tmp_path, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(tmp_path, "check-config").returncode == 0  # mail waiting in new/ is no sign of a desk
    ran = mailbot(tmp_path, "run", "--once")
    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "var" / "mailbot.db").is_file()
    assert mailbot(tmp_path, "status").returncode == 0
