"""A Maildir outbox that cannot be made (a path under a file, a folder that takes no new folders): every command
that sends refuses in the words of check-config, naming the file and outbox.path, before it changes anything.
Was: `dispatch` and `reject --force` recorded their work, queued the district's mail, then ended in a Python
traceback; `digest --send` in a traceback too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot


def _outbox_under_a_file(desk_dir: Path) -> Path:
    (desk_dir / "var" / "not-a-folder").write_text("x", encoding="utf-8")
    config = desk_dir / "config.toml"
    text = config.read_text(encoding="utf-8")
    assert 'path = "var/mail/outbox"' in text
    config.write_text(text.replace('path = "var/mail/outbox"', 'path = "var/not-a-folder/outbox"'), encoding="utf-8")
    return desk_dir / "var" / "not-a-folder"


def _state(desk_dir: Path, reference: str) -> str:
    listed = mailbot(desk_dir, "requests")
    assert listed.returncode == 0, listed.stderr
    return next(line for line in listed.stdout.splitlines() if reference in line)


@pytest.mark.parametrize("args", [
    ("dispatch", "BLK-2026-0001"),
    ("reject", "BLK-2026-0005", "--force", "--reason", "uji coba penolakan"),
    ("approve", "BLK-2026-0005", "--quantity", "3.000", "--force", "--reason", "sudah dicek lewat telepon"),
    ("digest", "--send"),
], ids=["dispatch", "reject", "approve", "digest"])
def test_a_command_that_sends_refuses_an_outbox_that_cannot_be_made_before_it_changes_anything(
        sample: Path, args: tuple[str, ...]) -> None:
    file = _outbox_under_a_file(sample)
    before = {ref: _state(sample, ref) for ref in ("BLK-2026-0001", "BLK-2026-0005")}
    done = mailbot(sample, *args)
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == (f"mailbot: configuration error: {sample / 'config.toml'}: outbox.path: {file} "
                                   "is a file, not a folder; correct the path"), done.stderr
    assert {ref: _state(sample, ref) for ref in before} == before


def test_an_import_into_an_inbox_that_cannot_be_made_is_refused_as_check_config_refuses_it(desk_dir: Path) -> None:
    """Was, for an inbox under /proc: "no space left on the disk holding /proc/self; free some space there (old
    backups, logs)", which sends an operator deleting backups."""
    config = desk_dir / "config.toml"
    text = config.read_text(encoding="utf-8")
    assert 'path = "var/mail/inbox"' in text
    config.write_text(text.replace('path = "var/mail/inbox"', 'path = "/proc/self/inbox"'), encoding="utf-8")
    one = next(Path(__file__).resolve().parents[2].joinpath("examples", "inbox").glob("*.eml"))
    done = mailbot(desk_dir, "import", str(one))
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.strip().startswith(f"mailbot: configuration error: {config}: inbox.path: /proc/self/inbox "
                                          "cannot be made: /proc/self takes no new folders"), done.stderr
    checked = mailbot(desk_dir, "check-config")
    assert "inbox.path: /proc/self/inbox cannot be made: /proc/self takes no new folders" in checked.stderr


def test_a_file_system_without_blocks_is_never_said_to_be_full() -> None:
    """/proc has no blocks to free: its 0 bytes free are no full disk."""
    from mailbot.store.db import storage_problem

    assert storage_problem(Path("/proc/self/inbox")) is None
