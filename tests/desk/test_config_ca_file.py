"""A ca_file that cannot be loaded is refused by `check-config` offline, in one line naming the key and the fix."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.forkserver import run_mailbot


def _smtp_outbox(text: str, lines: str) -> str:
    return text[:text.index("[outbox]")] + f'[outbox]\nkind = "smtp"\n{lines}\n\n' + text[text.index("[run]"):]


@pytest.mark.parametrize(("ca_file", "expected"), [
    ("/nonexistent/ca.pem", "outbox.ca_file: /nonexistent/ca.pem does not exist; name the PEM file"),
    ("var", "is not a file"),
    ("config.toml", "holds no certificate in PEM form"),
])
def test_a_ca_file_that_cannot_be_loaded_is_refused_offline(desk_dir: Path, ca_file: str, expected: str) -> None:
    """Was ok; then `check-config --connect` died with a traceback (FileNotFoundError) and `run` retried it as a
    server out of reach."""
    path = desk_dir / "config.toml"
    path.write_text(_smtp_outbox(path.read_text(), f'host = "127.0.0.1"\nport = 1\ntls = "implicit"\n'
                                                   f'ca_file = "{ca_file}"'))
    for command in (("check-config",), ("check-config", "--connect"), ("run", "--once")):
        result = mailbot(desk_dir, *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        [problem] = result.stderr.strip().splitlines()
        assert expected in problem and "Traceback" not in result.stderr, problem


def test_a_relative_ca_file_is_read_beside_the_configuration(desk_dir: Path) -> None:
    """config.toml says relative paths resolve against its folder: ca_file was read against the working folder."""
    path = desk_dir / "config.toml"
    ca = ssl.get_default_verify_paths().cafile
    if ca is None or not Path(ca).is_file():
        pytest.skip("no system CA bundle file to copy")
    (desk_dir / "ca.pem").write_bytes(Path(ca).read_bytes())
    path.write_text(_smtp_outbox(path.read_text(), 'host = "127.0.0.1"\nport = 2525\ntls = "starttls"\n'
                                                   'ca_file = "ca.pem"'))
    result = run_mailbot(["--config", str(path), "check-config"], cwd=Path("/"), timeout=120)
    assert result.returncode == 0, result.stderr
