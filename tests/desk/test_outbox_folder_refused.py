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
