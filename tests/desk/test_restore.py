"""A database mailbot cannot use is one line from every command; a restored backup, with the README's
procedure, reads again the mail read since the backup (and only that)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot
from tests.transports.test_end_to_end import REPO

COMMANDS = [("migrate",), ("status",), ("run", "--once"), ("check-config", "--connect")]


def _one_line_refusal(desk_dir: Path, words: str, code: int | None = None) -> None:
    for command in COMMANDS:
        result = mailbot(desk_dir, *command)
        assert result.returncode != 0 and code in (None, result.returncode), (command, result.returncode, result.stdout)
        said = [line for line in result.stderr.splitlines() if not line.startswith("mailbot 0")]  # run's summary
        assert len(said) == 1 and words in said[0] and "Backup and restore" in said[0], (command, result.stderr)


def test_a_schema_from_a_newer_version_is_refused_in_one_line(desk_dir: Path) -> None:
    assert mailbot(desk_dir, "migrate").returncode == 0
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        db.execute("update alembic_version set version_num = '0099'")
    # an installation to put right, as a configuration error is: exit 2 (the unit does not restart it)
    _one_line_refusal(desk_dir, "schema revision 0099, which this version of mailbot does not know", code=2)


def test_a_file_that_is_no_database_is_refused_in_one_line(desk_dir: Path) -> None:
    (desk_dir / "var" / "mailbot.db").write_text("not a database\n")
    _one_line_refusal(desk_dir, f"database.url: {desk_dir}/var/mailbot.db is not a SQLite database (it is a text "
                                "file); if database.url names the wrong file, correct it; if a wrong file was put in "
                                "the database's place, restore the last backup")


def _messages(desk_dir: Path) -> list[tuple[str, str]]:
    # closed at once: a connection left open would checkpoint its view of the WAL files the restore removes
    with closing(sqlite3.connect(desk_dir / "var" / "mailbot.db")) as db:
        return db.execute("select subject, status from messages order by subject").fetchall()


def _restore_as_the_readme_says(desk_dir: Path, backup: Path) -> list[str]:
    """Run the README's restore block line by line, as an operator would, on this desk (its var/ for
    /opt/mailbot/var, this checkout's mailbot for the installed one, no systemd); what each run printed."""
    readme = (REPO / "README.md").read_text()
    block = readme[readme.index("**Restore.**"):]
    block = block[block.index("```sh\n") + 6:]
    block = block[:block.index("```")]
    env = {**os.environ, "MAILBOT_CONFIG": str(desk_dir / "config.toml")}
    printed: list[str] = []
    for line in block.splitlines():
        line = line.split("   #", 1)[0].strip()
        if "secrets.env" in line:  # the test's passwords are in its environment already
            assert line.startswith("set -a; . /etc/mailbot/secrets.env; set +a"), line
            continue
        if not line or "systemctl" in line or line.startswith(("cd ", "export ")):
            continue
        line = (line.replace("sudo -u mailbot -E ", "").replace("sudo -u mailbot ", "")
                .replace("/opt/mailbot/.venv/bin/mailbot", f"{sys.executable} -m mailbot")
                .replace("/backup/mailbot-2026-12-04.db", str(backup)))
        result = subprocess.run(["bash", "-c", line], cwd=desk_dir / "var", env=env, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, (line, result.stderr)
        printed.append(result.stdout)
    return printed


def test_restore_procedure_reads_again_what_came_after_the_backup(desk_dir: Path) -> None:
    assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    backup = desk_dir / "backup.db"
    assert mailbot(desk_dir, "backup", str(backup)).returncode == 0
    # after the backup: a report that is read, and a message with too many attachments that is quarantined
    crowded = EmailMessage()
    crowded["From"], crowded["To"] = "disdukcapil@malinaukab.example", "blangko@disdukcapil.kaltaraprov.example"
    crowded["Subject"], crowded["Message-ID"] = "Lampiran laporan", "<crowded@malinaukab.example>"
    crowded.set_content("Terlampir.")
    for n in range(12):
        crowded.add_attachment(b"x", maintype="application", subtype="octet-stream", filename=f"{n}.bin")
    (desk_dir / "crowded.eml").write_bytes(crowded.as_bytes())
    assert mailbot(desk_dir, "import", str(EXAMPLES / "02-tarakan-laporan.eml"),
                   str(desk_dir / "crowded.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    read = _messages(desk_dir)
    assert ("Lampiran laporan", "quarantined") in read and len(read) == 3

    printed = _restore_as_the_readme_says(desk_dir, backup)
    # the later ones read again (the quarantined one quarantined again, on the list), the earlier one not twice
    assert _messages(desk_dir) == read
    assert "duplicate" in printed[-1]


@pytest.mark.parametrize(("path", "words"), [("/dev/zero", "/dev/zero: not a file"), ("/", "/: a folder")])
def test_import_refuses_what_is_no_file(desk_dir: Path, path: str, words: str) -> None:
    result = mailbot(desk_dir, "import", path, timeout=30)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"mailbot: {words}; give .eml files (one message each); "
                                                  "nothing was delivered"]


def test_import_copies_a_file_above_the_message_limit_for_the_quarantine(desk_dir: Path) -> None:
    big = desk_dir / "big.eml"
    big.write_bytes(b"Subject: x\n\n" + b"a" * (10 * 1024 * 1024))
    result = mailbot(desk_dir, "import", str(big))
    assert result.returncode == 0, result.stderr
    [copy] = (desk_dir / "var" / "mail" / "inbox" / "new").iterdir()
    assert copy.read_bytes() == big.read_bytes()


def test_restore_gives_requests_read_again_the_references_they_had(desk_dir: Path) -> None:
    """Requests read after the backup are read again in the order they came, so each keeps the BLK reference
    already emailed (the files' listing order, which `find` follows, is no such order)."""
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    backup = desk_dir / "backup.db"
    assert mailbot(desk_dir, "backup", str(backup)).returncode == 0
    senders = ["disdukcapil@bulungankab.example", "disdukcapil@malinaukab.example", "disdukcapil@nunukankab.example",
               "disdukcapil@tanatidungkab.example", "disdukcapil@tarakankota.example"]
    # arrival order against name order: the names sort the other way round from the order they came in
    for n in range(8):
        mail = EmailMessage()
        mail["From"], mail["To"] = senders[n % 5], "blangko@disdukcapil.kaltaraprov.example"
        mail["Subject"], mail["Message-ID"] = f"Permohonan blangko {n}", f"<order-{n}@example>"
        mail.set_content(f"Mohon dikirim blangko KTP-el sebanyak {100 + n * 10} keping. Stok kami menipis.")
        path = desk_dir / f"{9 - n}.eml"
        path.write_bytes(mail.as_bytes())
        assert mailbot(desk_dir, "import", str(path)).returncode == 0
        assert mailbot(desk_dir, "run", "--once").returncode == 0
    before = _references(desk_dir)
    assert len(before) == 8
    # the read files are listed in reverse of their arrival: as a file system may list them
    cur = desk_dir / "var" / "mail" / "inbox" / "cur"
    files = sorted(cur.iterdir(), key=lambda p: p.stat().st_mtime_ns)
    for n, path in enumerate(files):
        os.rename(path, cur / f"{len(files) - n:03d}{path.name}")
    _restore_as_the_readme_says(desk_dir, backup)
    assert _references(desk_dir) == before


def _references(desk_dir: Path) -> dict[str, str]:
    with closing(sqlite3.connect(desk_dir / "var" / "mailbot.db")) as db:
        return dict(db.execute("select m.message_id, r.reference from requests r join messages m "
                               "on m.id = r.message_pk").fetchall())
