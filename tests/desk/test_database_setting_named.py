"""A database.url whose folder takes no new files is one line naming the configuration file and the setting, with
the same exit status (2) for every command, and without the advice to start the desk with `mailbot run`, which
could not make the database there either."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot


@pytest.mark.parametrize("command", [("check-config",), ("migrate",), ("digest", "--send"), ("reread",),
                                     ("status",), ("outbox", "list")])
def test_a_database_folder_that_takes_no_files_is_the_file_s_setting_for_every_command(
        desk_dir: Path, command: tuple[str, ...]) -> None:
    # was: "mailbot: cannot write the database: ..." (exit 1) from migrate, digest --send and reread, and
    # "configuration error: database.url: ... or start the desk with `mailbot run`" from the reading commands
    path = desk_dir / "config.toml"
    text = path.read_text()
    start = text.index('url = "sqlite')
    path.write_text(text[:start] + 'url = "sqlite:////proc/mailbot.db"' + text[text.index("\n", start):])
    said = mailbot(desk_dir, *command)
    assert said.returncode == 2, (said.stdout, said.stderr)
    lines = said.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"mailbot: configuration error: {path}: database.url: "), lines
    assert "the folder /proc does not take new files" in lines[0]
    assert "start the desk with `mailbot run`" not in lines[0]


@pytest.mark.parametrize("command", [("status",), ("migrate",), ("digest", "--send")])
def test_a_database_server_out_of_reach_is_named_after_the_file_s_setting(desk_dir: Path,
                                                                          command: tuple[str, ...]) -> None:
    # was: "mailbot: cannot open the database: connection failed: ...", no file, no setting
    with socket.socket() as s:  # a loopback port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    path = desk_dir / "config.toml"
    text = path.read_text()
    start = text.index('url = "sqlite')
    path.write_text(text[:start] + f'url = "postgresql+psycopg://desk@127.0.0.1:{port}/desk?connect_timeout=2"'
                    + text[text.index("\n", start):])
    said = mailbot(desk_dir, *command, timeout=60)
    assert said.returncode == 1, (said.stdout, said.stderr)  # temporary: `mailbot run` waits for it
    lines = said.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"mailbot: temporary failure: {path}: database.url: cannot open the database: "), lines
