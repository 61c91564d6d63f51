"""A file the operator names for a command to write (`digest --output`, `labels export`, `backup`) is never the
database's own, the configuration file or a path in the Maildir inbox or outbox, and never an existing file
unless --force: each refused in one line, with nothing written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot


@pytest.fixture
def desk(desk_dir: Path) -> Path:
    assert mailbot(desk_dir, "import", str(EXAMPLES / "01-bulungan-permohonan.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    (desk_dir / "var" / "mail" / "outbox" / "new").mkdir(parents=True, exist_ok=True)
    return desk_dir


def _snapshot(desk_dir: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in desk_dir.rglob("*") if p.is_file()}


def _refused(desk_dir: Path, args: tuple[str, ...], words: str) -> None:
    before = _snapshot(desk_dir)
    result = mailbot(desk_dir, *args)
    assert result.returncode == 1, (args, result.stdout, result.stderr)
    assert len(result.stderr.splitlines()) == 1 and words in result.stderr, (args, result.stderr)
    after = _snapshot(desk_dir)
    changed = [p for p in set(before) | set(after) if before.get(p) != after.get(p)
               and not p.name.endswith(("-wal", "-shm"))]
    assert changed == [], (args, changed)


TARGETS = [
    ("var/mailbot.db", "one of the database's own files"),
    ("var/../var/mailbot.db-wal", "one of the database's own files"),
    ("config.toml", "is the configuration file"),
    ("var/mail/inbox/new/digest.html", "inside the Maildir inbox folder"),
    ("var/mail/outbox/new/digest.html", "inside the Maildir outbox folder"),
]


@pytest.mark.parametrize(("target", "words"), TARGETS)
def test_digest_output_refuses_the_desks_own_files(desk: Path, target: str, words: str) -> None:
    _refused(desk, ("digest", "--print", "--output", target, "--force"), words)


@pytest.mark.parametrize(("target", "words"), TARGETS[2:] + [("var/mail/inbox", "inside the Maildir inbox folder")])
def test_labels_export_and_backup_refuse_the_desks_own_paths(desk: Path, target: str, words: str) -> None:
    _refused(desk, ("labels", "export", target, "--force"), words)
    if target != "config.toml":  # the configuration file exists: that refusal is the next test's
        _refused(desk, ("backup", target), words)


# names a listing hides were taken as typed ("b.db " made a file no one finds again)
@pytest.mark.parametrize(("target", "words"), [
    ("b.db ", "'b.db ' has a space at the end of its name, which the file would keep and a listing hides; give the "
              "name without it, e.g. 'b.db'"),
    (" b.db", "has a space at the start of its name"),
    ("b\nc.db", "'b\\nc.db' holds the control character '\\n', which a file name would keep and a listing hides"),
])
def test_a_name_a_listing_hides_is_refused(desk: Path, target: str, words: str) -> None:
    _refused(desk, ("backup", target), words)
    _refused(desk, ("digest", "--print", "--output", target), words)
    _refused(desk, ("labels", "export", target), words)


@pytest.mark.parametrize(("source", "words"), [
    ("var/mailbot.db", "hard link) of one of the database's own files"),
    ("config.toml", "hard link) of the configuration file"),
    ("var/mail/inbox/cur", "hard link) of a file in the Maildir inbox folder"),
])
def test_digest_output_refuses_a_hard_link_to_the_desks_own_files(desk: Path, source: str, words: str) -> None:
    """Another name for the same file (same inode) is the same file: refused even with --force."""
    if source.endswith("/cur"):
        source = str(next(p for p in (desk / source).iterdir()).relative_to(desk))
    os.link(desk / source, desk / "elsewhere.html")
    _refused(desk, ("digest", "--print", "--output", "elsewhere.html", "--force"), words)


def test_an_existing_file_is_overwritten_only_with_force(desk: Path, tmp_path: Path) -> None:
    target = tmp_path / "digest.html"
    target.write_text("the operator's own notes\n")
    _refused(desk, ("digest", "--print", "--output", str(target)), "exists already")
    assert target.read_text() == "the operator's own notes\n"
    forced = mailbot(desk, "digest", "--print", "--output", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_text().startswith("<!DOCTYPE html>")

    export = tmp_path / "labels"
    assert mailbot(desk, "labels", "export", str(export)).returncode == 0
    (export / "labels.json").write_text("the operator's own labels\n")
    _refused(desk, ("labels", "export", str(export)), "holds an export already")
    assert (export / "labels.json").read_text() == "the operator's own labels\n"
    assert mailbot(desk, "labels", "export", str(export), "--force").returncode == 0
    assert (export / "labels.json").read_text() == "{}\n"  # nothing labelled yet: an empty export


def test_no_name_and_a_missing_folder_are_said_in_plain_words(desk: Path) -> None:
    _refused(desk, ("backup", ""), "no file name given")
    _refused(desk, ("digest", "--print", "--output", ""), "no file name given")
    _refused(desk, ("digest", "--print", "--output", "nope/x.html"), "the folder nope does not exist")


@pytest.mark.usefixtures("sender_lists_decide")
def test_outbox_list_subjects_are_whole_into_a_file_and_cut_in_ascii_on_a_dumb_terminal(desk_dir: Path) -> None:
    """Into a pipe or a file every subject is whole; in a terminal it is cut to fit, with "..." when TERM=dumb."""
    from tests.desk.mailkit import DISTRICT_SENDERS, request_body, write_eml

    subject = "Permohonan tambahan blangko KTP-el untuk kegiatan perekaman jemput bola di kecamatan pedalaman"
    mail = write_eml(desk_dir, "long.eml", sender=DISTRICT_SENDERS["65.01"], subject=subject,
                     body=request_body(), message_id="<long-subject@bulungankab.example>")
    assert mailbot(desk_dir, "import", str(mail)).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    listed = mailbot(desk_dir, "outbox", "list", env={**os.environ, "COLUMNS": "400"})
    assert listed.returncode == 0, listed.stderr
    assert "di kecamatan pedalaman" in " ".join(listed.stdout.replace("|", " ").split()), listed.stdout
    assert "…" not in listed.stdout
    # when each went, in the desk's time (after an outage, when the next try is due)
    assert re.search(r"\bsent \d{4}-\d\d-\d\d \d\d:\d\d WITA\b", listed.stdout), listed.stdout

    import pty
    import subprocess
    import sys

    main, other = pty.openpty()
    try:
        shown = subprocess.run([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), "outbox",
                                "list"], stdout=other, stderr=subprocess.PIPE, cwd=desk_dir, timeout=120,
                               env={**os.environ, "TERM": "dumb", "COLUMNS": "400", "NO_COLOR": "1"})
        os.close(other)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert shown.returncode == 0, shown.stderr
    row = next(line for line in text.splitlines() if "Permohonan tambahan blangko" in line)
    assert "kecamatan pedalaman" not in row and "..." in row and "…" not in text, row


def test_backup_says_it_waits_for_the_sending_to_finish(desk: Path, tmp_path: Path) -> None:
    """While the outbox send lock is held (mail being sent), `backup` says in one line that it waits; it
    copies as soon as the lock is let go."""
    import fcntl
    import select
    import subprocess
    import sys

    with open(desk / "var" / "mailbot.db.outbox.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        backup = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(desk / "config.toml"), "backup",
                                   str(tmp_path / "copy.db")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, cwd=desk)
        assert backup.stdout is not None
        try:
            ready, _, _ = select.select([backup.stdout], [], [], 60)
            first = backup.stdout.readline() if ready else ""
        finally:
            if not ready:
                fcntl.flock(lock, fcntl.LOCK_UN)  # the command said nothing: let it finish
        assert "waiting for the mail being sent to finish" in first, first
        assert backup.poll() is None and not (tmp_path / "copy.db").exists()
        fcntl.flock(lock, fcntl.LOCK_UN)
    rest, errors = backup.communicate(timeout=60)
    assert backup.returncode == 0, errors
    assert f"database copied to {tmp_path / 'copy.db'}" in rest


def test_a_path_under_a_file_is_said_to_be_one(desk: Path) -> None:
    """"notes.txt/x.html": was "the folder .../notes.txt does not exist" (it exists, as a file)."""
    (desk / "notes.txt").write_text("catatan\n")
    _refused(desk, ("digest", "--print", "--output", str(desk / "notes.txt" / "x.html")),
             f"--output {desk}/notes.txt/x.html: {desk}/notes.txt is a file, not a folder; give a file in a folder")


@pytest.mark.parametrize(("folder", "words"), [
    ("nosuch", "{desk}/nosuch does not exist; give the folder `mailbot labels export` wrote"),
    ("config.toml", "{desk}/config.toml is a file, not a folder"),
    ("var", "{desk}/var holds no labels.json"),
])
def test_labels_import_names_what_is_wrong_with_the_folder(desk: Path, folder: str, words: str) -> None:
    """Was "cannot read labels ([Errno 2] No such file or directory: '.../labels.json')"."""
    _refused(desk, ("labels", "import", str(desk / folder)), words.format(desk=desk))


def test_outbox_retry_of_a_mail_already_queued_says_so(sample: Path) -> None:
    """`outbox retry N` on a queued mail (never failed, or retried already) said "message N queued again", exit 0,
    as often as it was typed."""
    import sqlite3

    with sqlite3.connect(sample / "var" / "mailbot.db") as db:
        db.execute("update outbox set status = 'queued', attempts = 0 where id = 1")
        db.execute("update outbox set status = 'queued', attempts = 1, next_attempt_at = '2099-01-01 00:00:00' "
                   "where id = 2")
    due = mailbot(sample, "outbox", "retry", "1")
    assert due.returncode == 1 and due.stderr.strip() == (
        "mailbot: message 1 is queued already and due: it is sent with the next sending (`mailbot run`); nothing "
        "was changed"), due.stderr
    pausing = mailbot(sample, "outbox", "retry", "2")
    assert pausing.returncode == 0 and pausing.stdout.strip() == (
        "message 2 was waiting for its next try; it is due now"), pausing.stderr
    again = mailbot(sample, "outbox", "retry", "2")
    assert again.returncode == 1 and "is queued already and due" in again.stderr, again.stderr


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc here")
@pytest.mark.parametrize("args", [("digest", "--print", "--output", "/proc/x.html"), ("labels", "export", "/proc/foo"),
                                  ("backup", "/proc/x.db")], ids=["digest", "labels", "backup"])
def test_a_folder_of_the_systems_own_is_said_for_what_it_is(desk: Path, args: tuple[str, ...]) -> None:
    """`digest --output` and `labels export` said "a folder on the way does not exist" of /proc, as `backup` never
    did."""
    _refused(desk, args, "cannot make a file in the folder /proc: it is a folder of the system's own")
