"""Running it for real: the systemd unit, `mailbot backup` while the service runs, `mailbot migrate`."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailbot.store.db import HEAD_REVISION
from tests.desk.conftest import EXAMPLES, ROOT, mailbot

UNIT = ROOT / "deploy" / "mailbot.service"


def test_systemd_unit_restarts_on_failure_and_stops_with_sigterm(tmp_path: Path) -> None:
    text = UNIT.read_text()
    settings = dict(line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#"))
    assert settings["ExecStart"].endswith("/.venv/bin/mailbot run")
    assert settings["Restart"] == "on-failure" and settings["KillSignal"] == "SIGTERM"
    assert settings["WantedBy"] == "multi-user.target" and settings["StandardError"] == "journal"
    assert settings["RestartPreventExitStatus"] == "2", "a configuration error is not restarted in a loop"
    # a SIGTERM before Python installed mailbot's handler ends the process with 143 (128 + SIGTERM): a clean stop
    assert {"143", "SIGTERM"} <= set(settings["SuccessExitStatus"].split())
    # systemd applies RestartPreventExitStatus to the main process only: a failing ExecStartPre would
    # restart every RestartSec; `mailbot run` does the checks itself and exits 2
    assert "ExecStartPre" not in settings
    assert int(settings["StartLimitBurst"]) >= 1 and int(settings["StartLimitIntervalSec"]) > 0
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    local = tmp_path / "mailbot.service"
    local.write_text(text.replace("/opt/mailbot", str(ROOT)))
    verify = subprocess.run(["systemd-analyze", "verify", str(local)], capture_output=True, text=True, timeout=60)
    problems = [line for line in verify.stderr.splitlines() if "mailbot.service" in line
                and "User=" not in line and "Group=" not in line]
    assert problems == [], verify.stderr


def test_the_service_exits_2_on_a_broken_configuration(desk_dir: Path) -> None:
    """What ExecStart runs refuses a broken configuration with status 2, before touching the database."""
    config = desk_dir / "config.toml"
    config.write_text(config.read_text().replace('cron = "0 7 * * 1-5"', 'cron = "jam 7 pagi"'))
    result = mailbot(desk_dir, "run", timeout=60)
    assert result.returncode == 2, result.stderr
    assert "digest.cron" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (desk_dir / "var" / "mailbot.db").exists()


def _migrated(db_path: Path) -> bool:
    """The service has set the database up (its file alone may exist a moment before its schema)."""
    if not db_path.exists():
        return False
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.2)
        try:
            return db.execute("select version_num from alembic_version").fetchone() is not None
        finally:
            db.close()
    except sqlite3.OperationalError:
        return False


def test_backup_while_the_service_runs(desk_dir: Path) -> None:
    assert mailbot(desk_dir, "import", *map(str, sorted(EXAMPLES.glob("*.eml")))).returncode == 0
    service = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), "run"],
                               cwd=desk_dir, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not _migrated(desk_dir / "var" / "mailbot.db") and time.monotonic() < deadline:
            time.sleep(0.1)
        copies = []
        for i in range(3):
            target = desk_dir / f"copy{i}.db"
            result = mailbot(desk_dir, "backup", str(target))
            assert result.returncode == 0, result.stderr
            assert f"database copied to {target}" in result.stdout
            copies.append(target)
            time.sleep(2)
    finally:
        service.send_signal(signal.SIGTERM)
        service.communicate(timeout=60)
    for copy in copies:
        db = sqlite3.connect(copy)
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)
        assert db.execute("select version_num from alembic_version").fetchone() is not None
    counts = [sqlite3.connect(c).execute("select count(*) from messages").fetchone()[0] for c in copies]
    assert counts == sorted(counts) and counts[-1] <= 12, counts
    final = mailbot(desk_dir, "backup", str(desk_dir / "final.db"))
    assert final.returncode == 0, final.stderr
    assert sqlite3.connect(desk_dir / "final.db").execute("select count(*) from messages").fetchone()[0] == 12
    again = mailbot(desk_dir, "backup", str(copies[0]))
    assert again.returncode == 1 and "exists already" in again.stderr


def test_backup_of_postgresql_names_pg_dump(desk_dir: Path) -> None:
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace("sqlite:///var/mailbot.db", "postgresql+psycopg://mailbot@db.example/mailbot"))
    result = mailbot(desk_dir, "backup", str(desk_dir / "x.dump"))
    assert result.returncode == 1
    assert "use pg_dump" in result.stderr and "pg_dump -Fc -f" in result.stderr


def test_migrate_creates_and_then_finds_the_schema_current(desk_dir: Path) -> None:
    first = mailbot(desk_dir, "migrate")
    assert first.returncode == 0, first.stderr
    assert f"upgraded from none (new database) to {HEAD_REVISION}" in first.stdout
    second = mailbot(desk_dir, "migrate")
    assert second.returncode == 0 and f"database schema is current ({HEAD_REVISION})" in second.stdout


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".outbox-sent", ".outbox.lock"])
def test_backup_refuses_a_file_of_the_desk_itself(desk_dir: Path, suffix: str) -> None:
    """A copy written over the database's WAL or sent journal would be thrown away by SQLite or read as the
    journal: such a name is refused, and nothing is written."""
    assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    database = desk_dir / "var" / "mailbot.db"
    target = Path(f"{database}{suffix}")
    before = target.read_bytes() if target.exists() else None
    result = mailbot(desk_dir, "backup", str(target))
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "is one of the database's own files" in result.stderr and len(result.stderr.splitlines()) == 1
    assert (target.read_bytes() if target.exists() else None) == before
    # the relative form of the same name is refused as well
    relative = mailbot(desk_dir, "backup", f"var/../var/mailbot.db{suffix}")
    assert relative.returncode == 1 and "own files" in relative.stderr, relative.stderr


def test_backup_to_a_dash_is_refused_and_writes_no_file_named_dash(desk_dir: Path) -> None:
    """`mailbot backup -` wrote a database file named "-": the copy is a file, never standard output, and the
    refusal says what to give instead (the command's --help says so too)."""
    assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
    result = mailbot(desk_dir, "backup", "-")
    assert result.returncode == 1 and result.stdout == "", (result.stdout, result.stderr)
    assert result.stderr.startswith('mailbot: "-" is no file for a backup') and len(result.stderr.splitlines()) == 1
    assert "give the name of a new file" in result.stderr
    assert not (desk_dir / "-").exists()
    shown = " ".join(mailbot(desk_dir, "backup", "--help").stdout.split())
    assert '"-" is refused' in shown


@pytest.mark.parametrize(("typed", "said"), [
    # was: "has a space at the start of its name ...; give the name without it, e.g. '-'", and "-" is refused
    (" -", "mailbot: ' -' (\"-\" with a space) is no file for a backup: "),
    ("- ", "mailbot backup: '- ' is \"-\" with a space, which is read as an option and names no file; "),
    # was: "No such option: -"
    ("-.db", "mailbot backup: '-.db' begins with \"-\", so it is read as an option; to name a file that begins with "
             "\"-\", write it with its folder, e.g. './-.db'"),
])
def test_backup_to_a_name_with_a_dash_says_what_to_give(desk_dir: Path, typed: str, said: str) -> None:
    assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
    result = mailbot(desk_dir, "backup", typed)
    assert result.returncode in (1, 2) and result.stderr.startswith(said), result.stderr
    assert len(result.stderr.splitlines()) == 1 and "e.g. '-'" not in result.stderr
    assert not any(p.name.strip() in ("-", "-.db") for p in desk_dir.iterdir())
    if typed == "-.db":  # the advice works
        assert mailbot(desk_dir, "run", "--once").returncode == 0
        done = mailbot(desk_dir, "backup", "./-.db")
        assert done.returncode == 0 and (desk_dir / "-.db").exists(), done.stderr


@pytest.mark.parametrize("section", ["**Restore.**", "**Upgrade.**"])
def test_readme_procedures_name_the_configuration_and_load_the_passwords(section: str) -> None:
    """Every mailbot command of the README's restore and upgrade reads /etc/mailbot/config.toml with the
    passwords of secrets.env, as the unit's does (not ./config.toml, nor without the passwords)."""
    readme = (ROOT / "README.md").read_text()
    block = readme[readme.index(section):]
    block = block[block.index("```sh\n") + 6:]
    lines = block[:block.index("```")].splitlines()
    config = next(n for n, line in enumerate(lines)
                  if line.startswith("export MAILBOT_CONFIG=/etc/mailbot/config.toml"))
    secrets = next(n for n, line in enumerate(lines) if line.startswith("set -a; . /etc/mailbot/secrets.env; set +a"))
    for n, line in enumerate(lines):
        if "bin/mailbot " in line:
            assert n > config and n > secrets, line
            assert "sudo -u mailbot -E " in line, line  # -E: the variables reach mailbot
    assert "sqlite:////opt/mailbot/var/mailbot.db" in readme  # absolute paths in /etc/mailbot/config.toml


def test_the_readme_upgrade_stops_when_the_backup_fails(tmp_path: Path) -> None:
    """The README's upgrade block, run as written with a backup that fails: nothing after it runs (no pull,
    no migrate, no start), and the backup's name is dated (a second upgrade does not meet the first's file)."""
    import os
    import subprocess

    readme = (ROOT / "README.md").read_text()
    block = readme[readme.index("**Upgrade.**"):]
    block = block[block.index("```sh\n") + 6:]
    block = block[:block.index("```")]
    assert "backup /backup/mailbot-before-upgrade-$(date +%F-%H%M).db" in block
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "ran.log"
    for name in ("sudo", "git", "systemctl"):  # each logs what it was asked; a backup fails
        (bin_dir / name).write_text(f'#!/bin/sh\necho "{name} $*" >> {log}\ncase "$*" in *" backup "*) exit 1;; esac\n')
        (bin_dir / name).chmod(0o755)
    ran = subprocess.run(["bash", "-c", block], capture_output=True, text=True, timeout=60, cwd=tmp_path,
                         env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"})
    said = log.read_text().splitlines()
    assert said[0] == "sudo systemctl stop mailbot" and " backup /backup/mailbot-before-upgrade-" in said[1], said
    assert len(said) == 2, said  # nothing after the failed backup
    assert ran.returncode != 0
